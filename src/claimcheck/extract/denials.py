"""Denials and falsity: what a denial denies when it does not repeat it. A clause that calls its
subject false ("it was not true", "never happened"), a verb that calls its object false ("called
the report a lie"), a referring word or report noun ("denied it", "rejected the claims", "this was
denied") pointing back at an earlier claim, and whose report is denied ("the army's account")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from claimcheck.extract.attribution import _Attr, _Seg
from claimcheck.extract.complements import _report_complement
from claimcheck.extract.lexicon import (
    _FALSE_WORDS, _FIGURE_NOUNS, _FRAME_WORDS, LABEL_VERBS, _REFERRING, _REPORT_NOUNS, _REPORTED_NOUNS,
    _SAYING_NOUNS, SPEECH_VERBS,
)
from claimcheck.extract.speakers import _MAX_REFERENCE_BACK

if TYPE_CHECKING:
    from spacy.tokens import Token


def _is_falsity(comp: "Token") -> bool:
    """Does the clause say its subject is false ("it was not true", "never happened")? Not when the
    speaker's own words come first ("we need to save our youth, this is ridiculous": "this" is what
    happened), nor of a thought ("it didn't occur to me that ...")."""
    if any(c.dep_ in ("ccomp", "parataxis") and c.i < comp.i for c in comp.children):
        return False
    neg = any(c.dep_ == "neg" or c.lower_ == "never" for c in comp.children)
    preds = [c for c in comp.children if c.dep_ in ("acomp", "attr")]
    if comp.lemma_.lower() == "be":
        for p in preds:
            if p.i > 0 and p.doc[p.i - 1].text == "-" and not p.doc[p.i - 1].whitespace_:
                continue  # "a robbery-gone-wrong": the end of a compound word, no verdict on anything
            words = {p.lower_, p.lemma_.lower()} | {c.lower_ for c in p.children if c.dep_ in ("amod", "compound")}
            if words & _FALSE_WORDS and not neg:
                return True
            if p.lower_ in ("true", "accurate", "correct", "real") and neg:
                # "this can't be real", "it's just not real": disbelief at what happened, not a verdict
                # on a report of it ("the video is not real")
                return not (p.lower_ == "real" and any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that")
                                                       for c in comp.children))
    if comp.lemma_.lower() in ("happen", "occur", "take") and neg:
        # "never happened before": no precedent; "didn't occur to me": a thought, no verdict
        return not any(c.lower_ in ("before", "again", "to") for c in comp.children)
    return False


def _calls_false(cue: "Token", dobj: "Token", tail: "Token | None") -> bool:
    """Does the verb call its object, a report or "it", false ("called the report a lie", "described
    it as baseless", "branded the claims a fabrication", "dismissed them as propaganda")? ``tail``:
    the cue's :func:`_trailing_falsity`."""
    if cue.lemma_.lower() not in LABEL_VERBS or any(c.dep_ == "neg" for c in cue.children):
        return False
    if not (dobj.lower_ in _REFERRING or dobj.lemma_.lower() in _REPORTED_NOUNS):
        return False
    said = [c for c in cue.children if c.dep_ in ("oprd", "npadvmod", "xcomp", "acomp", "attr", "advcl")]
    for prep in [*cue.children, *dobj.children]:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            said += [c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp")]
    if dobj.lemma_.lower() in _REPORT_NOUNS and tail is not None:
        return True
    return any(({w.lower_, w.lemma_.lower()} | {m.lower_ for m in w.children if m.dep_ in ("amod", "compound")})
               & _FALSE_WORDS for w in said)


def _trailing_falsity(cue: "Token") -> "Token | None":
    """First word of a falsity phrase that ends the verb's clause ("called reports that X *wildly
    inaccurate*"): the parser buries it in the reported clause, but it is what the verb calls it."""
    doc, end = cue.doc, cue.right_edge.i
    while end > cue.i and doc[end].is_punct:
        end -= 1
    last = doc[end]
    if end <= cue.i + 2 or not ({last.lower_, last.lemma_.lower()} & _FALSE_WORDS) or last.pos_ not in ("ADJ", "NOUN"):
        return None
    start = end
    while start - 1 > cue.i and doc[start - 1].pos_ in ("ADV", "DET") and doc[start - 1].lower_ not in ("not", "never"):
        start -= 1
    if doc[start - 1].lower_ in ("not", "never", "n't"):
        return None
    return doc[start]


def _referent_content(comp: "Token", earlier: list[_Attr], prev: tuple[int, int] | None) -> tuple[int, int] | None:
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return _previous_content(earlier, prev)
    rc = _report_complement(subj)
    if rc is not None:
        return rc
    if subj.lower_ in _REFERRING or subj.lemma_.lower() in _REPORTED_NOUNS:
        return _previous_content(earlier, prev, subj)
    return None


def _previous_content(earlier: list[_Attr], prev: tuple[int, int] | None,
                      ref: "Token | None" = None) -> tuple[int, int] | None:
    """What "this"/"it"/"the report" refers to: the last claim in this sentence, else the previous
    sentence's. A noun (``ref``: "the report", "the story") reaches back a sentence only when that
    sentence has a word of its stem ("reported ... The army said the report was false") or shares a
    content word with it; "X knew the story was false" after an unrelated line denies nothing of it.
    A pronoun ("this was denied") always reaches back."""
    if earlier:
        return earlier[-1].content
    if prev is None or ref is None or ref.lower_ in _REFERRING:
        return prev
    back = ref.doc.char_span(prev[0], prev[1], alignment_mode="expand")
    if back is None:
        return None
    stem = ref.lemma_.lower()[:5]
    if any(t.lemma_.lower().startswith(stem) for t in back.sent) or _content_lemmas(back) & _content_lemmas(ref.sent):
        return prev
    said = any((t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS) or t.lower_ == "according"
               for t in back.sent)
    if said and _owner(ref) is None and (ref.lemma_.lower() in _SAYING_NOUNS
                 or (ref.lemma_.lower() in _FIGURE_NOUNS and any(t.like_num for t in back))):
        return prev  # "Police said 12 were arrested. Rebels rejected the claims / the figure"
    return None


def _content_lemmas(tokens: Any) -> set[str]:
    """Common nouns, verbs, adjectives and numbers: what two clauses must share to be about one
    claim. Names are left out -- an article about one person names them in every sentence."""
    return {t.lemma_.lower() for t in tokens
            if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "VERB", "ADJ", "NUM") and not t.ent_type_
            and t.lemma_.lower() not in _FRAME_WORDS}


def _report_named_in_subject(cue: "Token") -> "Token | None":
    """"X happened, a claim rebels denied", misparsed with "claim" as a compound of the subject
    "rebels": the report noun, else None."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return next((c for c in subj.lefts if c.dep_ == "compound" and c.lemma_.lower() in _REPORT_NOUNS), None)


def _owner(noun: "Token") -> "Token | None":
    """Who a report belongs to: "the army's account" -> army; "claims by the ministry" -> ministry
    (nouns only: "their account" is left to the pronoun's antecedent)."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            obj = next((o for o in c.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None:
                return obj
    return None


def _owners_claim(attr: _Attr, segs: list[_Seg], i: int) -> tuple[int, int] | None:
    """The latest claim, within a few sentences before ``attr``, asserted by the owner of the report
    it denies ("The ministry accused X of Y. ... Z rejected the ministry's accusation" -> Y)."""
    owner = attr.owner
    words = {owner.lower_, owner.lemma_.lower()}
    for seg in reversed(segs[max(0, i - _MAX_REFERENCE_BACK):i + 1]):
        for cand in reversed(seg.attrs):
            if cand is attr or cand.stance != "asserts" or cand.source is None or cand.content[0] >= attr.content[0]:
                continue
            name = (cand.name or cand.source.text).lower()
            if words & set(re.findall(r"[\w'-]+", name)):
                return cand.content
    return None
