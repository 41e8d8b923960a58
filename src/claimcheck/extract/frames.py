"""Frame detection in one sentence: every reporting frame it holds, found by walking its tokens --
verb cues (:mod:`.verb_cues`), noun cues (:mod:`.noun_cues`), "according to X", stance adjectives
("X is confident that ..."), tallies ("put the toll at 22"), medium and viewpoint phrases ("In a
statement, X ...", "In X's view, ..."), quotations framed on the surface ('"...," X said'),
transcript and round-up labels ("WALLACE: ...", '"..." - Jane Doe'), and frames that stand alone
("X said:" introducing the next paragraph, "X said." after a quotation)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimcheck.extract.attribution import _Attr, _Seg
from claimcheck.extract.lexicon import (
    _FIRST_SECOND, LABEL_VERBS, _MEDIUM_NOUNS, _NOT_SOURCE, _NOT_SPEAKERS, _PERSON_NOUNS, REPORT_VERBS, SPEECH_VERBS,
    STANCE_ADJECTIVES, _TALLY_NOUNS, _VIEW_NOUNS,
)
from claimcheck.extract.mentions import _according_object, _closest_subject, _mention, _possessor_mention
from claimcheck.extract.noun_cues import _noun_frame, _noun_source, _verb_tagged_noun
from claimcheck.extract.spans import _inside_quote, _trim_chars, _trim_tokens, _word_count
from claimcheck.extract.verb_cues import _cue_attribution

from claimcheck.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.tokens import Span as SpacySpan


def _attributions(sent: "SpacySpan", prev: tuple[int, int] | None, opened: bool = False) -> list[_Attr]:
    """Attributions in one sentence; ``opened``: the sentence starts inside a running quotation."""
    found: list[_Attr] = []
    for tok in sent:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            attr = _according_to(tok, sent)
            if attr:
                found.append(attr)
            continue
        if tok.pos_ == "ADJ" and tok.lemma_.lower() in STANCE_ADJECTIVES:
            attr = _adjective_frame(tok, sent)
            if attr:
                found.append(attr)
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            attr = _verb_tagged_noun(tok, sent) or _noun_frame(tok, sent)
            if attr and not _inside_quote(sent, tok, opened):
                found.append(attr)
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        tally = _tally_frame(tok, sent)
        if tally is not None:
            found.append(tally)
            continue
        if tok.lemma_.lower() not in REPORT_VERBS | LABEL_VERBS and not _that_clause_frame(tok):
            continue
        attr = _cue_attribution(tok, sent, found, prev, opened)
        if attr:
            found.append(attr)
    # "Fowler said he expects ...": a belief or stance inside someone's reported words is part of
    # that report, not a new attribution (nested speech, "X said Y reported Z", is kept).
    found = [a for a in found if a.cue is None or _reports_another(a) or not any(
        b is not a and b.content[0] <= a.cue.idx < b.content[1] for b in found)]
    for attr in _medium_frames(sent, opened):
        if not any(a.source is not None and a.source.start == attr.source.start for a in found):
            found.append(attr)
    if not found:
        framed = _quote_frame(sent)
        if framed is not None:
            found.append(framed)
    if not found:
        label = _label_attribution(sent)
        if label is not None:
            found.append(label)
    for n, a in enumerate(found):
        a.order = n
    return found


def _according_to(tok: "Token", sent: "SpacySpan") -> _Attr | None:
    pobj = _according_object(tok)
    if pobj is None:
        return None
    phrase_l, phrase_r = tok.left_edge.i, tok.right_edge.i + 1
    left = (sent.start, phrase_l)
    right = (phrase_r, sent.end)
    first = next((t for t in sent.doc[phrase_r:sent.end] if not t.is_punct), None)
    if first is not None and first.tag_ == "VBG" and first.dep_ == "advcl" and first.lemma_.lower() in REPORT_VERBS:
        right = (phrase_r, phrase_r)  # "..., according to X, contradicting reports that ...": X's next act
    if _word_count(sent.doc, *right) >= _word_count(sent.doc, *left):
        a, b = right if _word_count(sent.doc, *left) <= 1 else (sent.start, sent.end)
    else:
        a, b = left
    content = _trim_tokens(sent.doc, a, b)
    if content is None:
        return None
    mention = _mention(pobj)
    return _Attr(content, tok, mention, pobj)


def _adjective_frame(adj: "Token", sent: "SpacySpan") -> _Attr | None:
    """"X is confident / remained convinced that Y": a stance adjective with a clause."""
    if adj.dep_ != "acomp":
        return None
    comp = next((c for c in adj.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return None
    subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _NOT_SOURCE or subj.lower_ in _FIRST_SECOND or _inside_quote(sent, adj):
        return None
    content = _trim_tokens(sent.doc, comp.left_edge.i, comp.right_edge.i + 1)
    return _Attr(content, adj, _mention(subj), subj) if content else None


def _tally_frame(verb: "Token", sent: "SpacySpan") -> _Attr | None:
    """"A monitoring group put the death toll at 22": the subject's own count (its content the
    count phrase, "the death toll at 22"), as if it had said so."""
    if verb.lemma_.lower() not in ("put", "place") or _inside_quote(sent, verb):
        return None
    dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _TALLY_NOUNS), None)
    if dobj is None:
        return None
    at = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > dobj.i), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if at is None or subj is None or subj.lower_ in _NOT_SOURCE or subj.lower_ in _FIRST_SECOND:
        return None
    content = _trim_tokens(sent.doc, dobj.left_edge.i, at.right_edge.i + 1)
    return _Attr(content, verb, _mention(subj), subj) if content else None


def _that_clause_frame(tok: "Token") -> bool:
    """Any verb by a person or organisation taking a "that" clause frames a proposition
    ("she tweeted that ...", "the company conceded that ...")."""
    if tok.lemma_.lower() in ("be", "have", "do", "make", "mean", "ensure", "require"):
        return False
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None or not any(m.dep_ == "mark" and m.lower_ == "that" for m in comp.children):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.lower_ in ("he", "she", "they")
                                 or subj.lemma_.lower() in _PERSON_NOUNS)


def _reports_another(a: _Attr) -> bool:
    """A nested speech frame with its own named speaker ("X said Y reported Z") is its own attribution."""
    return (a.cue is not None and a.cue.lemma_.lower() in SPEECH_VERBS and a.source_head is not None
            and a.source_head.pos_ != "PRON")


def _medium_frames(sent: "SpacySpan", opened: bool = False) -> list[_Attr]:
    """Sentence-initial "In a statement(,) X <verb> ..." (source: the clause's subject) and
    "By X's own admission / In X's view, <clause>" (source: the possessor)."""
    toks = [t for t in sent if not t.is_space]
    if not toks or toks[0].lower_ not in ("in", "by") or _inside_quote(sent, toks[0], opened):
        return []
    prep = toks[0]
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or prep.right_edge.i + 1 >= sent.end:
        return []
    doc = sent.doc
    content = _trim_tokens(doc, prep.right_edge.i + 1, sent.end)
    if content is None:
        return []
    lemma = pobj.lemma_.lower()
    if lemma in _VIEW_NOUNS:
        who = _noun_source(pobj)
        if who is None:
            return []
        return [_Attr(content, pobj, _possessor_mention(who), who)]
    if lemma in _MEDIUM_NOUNS and prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX"):
        subj = _closest_subject(prep.head)
        if subj is None or subj.i < prep.right_edge.i or subj.lower_ in _NOT_SOURCE | _FIRST_SECOND:
            return []
        return [_Attr(content, pobj, _mention(subj), subj)]
    return []


def _quote_frame(sent: "SpacySpan") -> _Attr | None:
    """'“<quote>,” <source> said ...' or '“<quote>,” said <source>, ...' found on the surface, for
    sentences the parser got wrong (long appositions, odd quote marks)."""
    toks = list(sent)
    for k, t in enumerate(toks[:-2]):
        if not (t.is_quote or t.text in ("”", "''", '"', "’")) or k < 2:
            continue
        if not (toks[k - 1].text == "," or toks[k + 1].text == ","):
            continue
        frame = [x for x in toks[k + 1:k + 40] if x.text != ","]
        if not frame:
            continue
        if frame[0].lemma_.lower() in SPEECH_VERBS and frame[0].pos_ == "VERB":  # inverted
            cue = frame[0]
            who = []
            for x in toks[cue.i - sent.start + 1:]:
                if x.is_punct:
                    break
                who.append(x)
        else:
            cue = next((x for x in frame[:12] if x.pos_ == "VERB" and x.lemma_.lower() in SPEECH_VERBS), None)
            if cue is None:
                continue
            who = [x for x in toks[k + 1:cue.i - sent.start] if not x.is_punct or x.text in (".", "-")]
        while who and who[-1].pos_ in ("ADV", "AUX"):
            who.pop()
        if not who or len(who) > 25 or who[0].pos_ not in ("PROPN", "PRON", "DET", "NOUN", "ADJ"):
            continue
        content = _trim_tokens(sent.doc, sent.start, t.i)
        if content is None:
            continue
        doc = sent.doc
        head = next((x for x in reversed(who) if x.pos_ in ("PROPN", "NOUN", "PRON")), who[-1])
        return _Attr(content, cue, doc[who[0].i:who[-1].i + 1], head)
    return None


# "WALLACE: text" (a transcript), "“...” ― Jane Doe" (a round-up), and a credit on its own line.
_SPEAKER_LABEL = re.compile(r"^[\"“']?(?P<who>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}):\s+\S")
_DASH_SOURCE = re.compile(r"[”\"’][\s\u00a0]*(?P<dash>[―—–-]{1,2})[\s\u00a0]*(?P<who>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})[\s\u00a0.]*$")
_DASH_CREDIT = re.compile(r"^[\s\u00a0]*(?P<dash>[―—–]{1,2})[\s\u00a0]*(?P<who>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})[\s\u00a0.]*$")


def _label_attribution(sent: "SpacySpan") -> _Attr | None:
    """Transcript and round-up formats: "WALLACE: text" and "“quote” ― Jane Doe"."""
    doc, text, base = sent.doc, sent.text, sent.start_char
    m = _SPEAKER_LABEL.match(text)
    if m and m.group("who") not in _NOT_SPEAKERS:
        who = doc.char_span(base + m.start("who"), base + m.end("who"), alignment_mode="expand")
        colon = doc.char_span(base + m.end("who"), base + m.end("who") + 1, alignment_mode="expand")
        content = _trim_chars(doc_text(doc), base + m.end("who") + 1, sent.end_char)
        if who is not None and colon is not None:
            return _Attr(content, colon[0], who, who[-1])
    m = _DASH_SOURCE.search(text)
    if m:
        who = doc.char_span(base + m.start("who"), base + m.end("who"), alignment_mode="expand")
        dash = doc.char_span(base + m.start("dash"), base + m.end("dash"), alignment_mode="expand")
        content = _trim_chars(doc_text(doc), sent.start_char, base + m.start("dash"))
        if who is not None and dash is not None and content[1] - content[0] > 10:
            return _Attr(content, dash[0], who, who[-1])
    return None


def _intro_frame(sent: "SpacySpan") -> _Attr | None:
    """'Limbaugh continued:' / 'The statement said:' with the content in the next paragraph."""
    for tok in sent:
        if (tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS | {"continue", "explain", "write"}
                and tok.right_edge.i >= sent.end - 2):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return _Attr((0, 0), tok, _mention(subj), subj)
    return None


def _frame_only(seg: _Seg) -> _Attr | None:
    """A sentence that opens with "<speaker> said" (or "said <speaker>") and reports nothing itself."""
    toks = [t for t in seg.span if not t.is_punct]
    for tok in toks[:8]:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH_VERBS:
            continue
        if any(c.dep_ == "ccomp" for c in tok.children):
            return None
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or (subj.i < tok.i and subj.left_edge.i != toks[0].i) or (subj.i > tok.i and tok.i != toks[0].i):
            return None
        return _Attr((0, 0), tok, _mention(subj), subj)
    return None
