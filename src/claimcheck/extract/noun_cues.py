"""Noun cues: a speech-act, intent or stance noun whose possessor or "from"/"by" agent is the
source and whose complement is the content ("the senator's claim that ...", "her decision to
resign", "its criticism of ..."), and a present-tense speech verb the tagger read as a plural noun
("Trump claims that ..."). A noun cue leaves the sentence around it the narrator's claim too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.extract.attribution import _Attr
from claimcheck.extract.complements import _before_participle_frame
from claimcheck.extract.lexicon import (
    CLAUSE_VERBS, INTENT_NOUNS, NOUN_CUES, _PERSON_NOUNS, _REPORT_NOUNS, SPEECH_VERBS, STANCE_NOUNS,
)
from claimcheck.extract.mentions import _possessor_mention
from claimcheck.extract.spans import _trim_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.tokens import Span as SpacySpan


def _noun_frame(noun: "Token", sent: "SpacySpan") -> _Attr | None:
    """"The senator's claim that the plan failed", "its forecast of slower growth", "warnings from
    the lawyer that ...", "the governor's decision to resign": a speech-act, stance or intent noun
    whose possessor (or "from"/"by" agent) is the source and whose complement is the content."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in NOUN_CUES | INTENT_NOUNS | STANCE_NOUNS:
        return None
    who = _noun_source(noun)
    if who is None:
        return None
    content = None
    if lemma in NOUN_CUES:
        content = _report_complement_any(noun)
    if content is None and lemma in INTENT_NOUNS:
        inf = next((c for c in noun.rights if c.dep_ in ("acl", "xcomp") and c.pos_ in ("VERB", "AUX")
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if inf is not None:
            content = _trim_tokens(noun.doc, inf.left_edge.i, inf.right_edge.i + 1)
    if content is None and lemma in STANCE_NOUNS:
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("about", "on", "of", "for", "with",
                                                                                 "toward", "towards", "against")
                     and c.right_edge.i > c.i), None)
        if prep is not None:
            content = _trim_tokens(noun.doc, prep.i + 1, prep.right_edge.i + 1)
    if content is None:
        return None
    return _Attr(content, noun, _possessor_mention(who), who, nominal=True)


def _noun_source(noun: "Token") -> "Token | None":
    """Whose claim/decision it is: the possessor ("Kim's", "her"), or a "from"/"by" agent."""
    poss = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if poss is not None:
        if poss.pos_ == "PRON":
            return poss if poss.lower_ in ("his", "her", "their", "its") else None
        return poss if _agent_like(poss) else None
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
                return pobj  # "warnings from the IMF"; a common noun here is too often the topic's
    return None


def _agent_like(tok: "Token") -> bool:
    return (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or tok.lemma_.lower() in _PERSON_NOUNS)


def _report_complement_any(noun: "Token") -> tuple[int, int] | None:
    """The proposition a speech-act noun carries: its "that" clause, or what it is "about"/"on"/"of"."""
    for c in noun.rights:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return _trim_tokens(noun.doc, c.left_edge.i, c.right_edge.i + 1)
        if (c.dep_ == "prep" and (c.lower_ in ("about", "on", "that") or c.lower_ == "of" and noun.lemma_.lower()
                                  in _REPORT_NOUNS | {"estimate", "forecast", "prediction", "warning"}
                                  or c.lower_ == "for" and noun.lemma_.lower() in ("call", "demand"))
                and c.right_edge.i > c.i + 1):
            return _trim_tokens(noun.doc, c.i + 1, c.right_edge.i + 1)
    return None


def _verb_tagged_noun(tok: "Token", sent: "SpacySpan") -> _Attr | None:
    """"Trump claims that ...", "the union warns that ...": a present-tense speech verb the tagger took
    for a plural noun, its subject hung on it as a compound; a "that" clause shows it is the verb."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in SPEECH_VERBS | CLAUSE_VERBS:
        return None
    comp = next((c for c in tok.rights if c.dep_ in ("ccomp", "acl", "relcl")
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    left = [c for c in tok.lefts if c.dep_ not in ("cc", "punct")]
    if comp is None or not left or any(c.dep_ == "poss" for c in left):
        return None
    if not any(c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "NORP")
                                         or c.text[:1].isupper() and not c.is_sent_start) for c in left):
        return None
    content = _trim_tokens(sent.doc, comp.left_edge.i, _before_participle_frame(comp) + 1)
    if content is None:
        return None
    source = sent.doc[left[0].left_edge.i:tok.i]
    head = next(c for c in reversed(left) if c.dep_ == "compound")
    return _Attr(content, tok, source, head)
