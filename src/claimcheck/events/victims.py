"""Who an event hit: the claim's quantities that count people ("12 civilians") or say what befell them
("killed 12", "32 were injured"), by category and outcome, read off the parse."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimcheck.nlp import doc_text
from claimcheck.quantities import is_money
from claimcheck.records import Claim, Victims

if TYPE_CHECKING:
    from spacy.tokens import Doc

_AGE = re.compile(r"[\s-]*(?:years?|months?)[\s-]*old\b", re.IGNORECASE)
CATEGORIES = {
    "civilian": "civilians", "child": "children", "kid": "children", "baby": "children", "boy": "children",
    "girl": "children", "woman": "women", "fighter": "fighters", "militant": "fighters", "rebel": "fighters",
    "jihadist": "fighters", "terrorist": "fighters", "insurgent": "fighters", "militiaman": "fighters",
    "gunman": "fighters", "soldier": "soldiers", "troop": "soldiers", "officer": "soldiers",
    "policeman": "soldiers", "police": "soldiers", "serviceman": "soldiers", "personnel": "soldiers",
    "people": "people", "person": "people", "man": "people", "resident": "people", "villager": "people",
    "worker": "people", "student": "people", "passenger": "people", "victim": "people", "member": "people",
    "protester": "people", "demonstrator": "people", "patient": "people", "family": "people",
    "force": "soldiers", "guard": "soldiers", "recruit": "soldiers", "militiamen": "fighters",
    "infant": "children", "toddler": "children", "teenager": "children", "schoolchild": "children",
    "pupil": "children", "son": "people", "daughter": "people", "relative": "people", "adult": "people",
    "volunteer": "people", "journalist": "people", "reporter": "people", "doctor": "people", "medic": "people",
    "nurse": "people", "teacher": "people", "refugee": "people", "migrant": "people", "prisoner": "people",
    "detainee": "people", "hostage": "people", "official": "people", "employee": "people", "staff": "people",
    "worshipper": "people", "pilgrim": "people", "shopper": "people", "inmate": "people", "youth": "people",
    "citizen": "people", "syrian": "people", "iraqi": "people", "kurd": "people", "palestinian": "people",
    "evacuee": "people", "individual": "people", "visitor": "people", "guest": "people", "bystander": "people",
    "pedestrian": "people", "driver": "people", "farmer": "people", "shepherd": "people", "fisherman": "people", "casualty": "people", "martyr": "people",
}
OUTCOMES = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed", "toll": "killed", "massacre": "killed",
    "execute": "killed", "slay": "killed", "life": "killed", "body": "killed", "corpse": "killed",
    "martyr": "killed", "martyrdom": "killed",
    "wound": "injured", "injure": "injured", "injured": "injured", "wounded": "injured", "hurt": "injured",
    "injury": "injured", "casualty": "injured", "missing": "missing", "arrest": "arrested", "detain": "arrested",
    "abduct": "arrested", "kidnap": "arrested", "capture": "arrested", "displace": "displaced", "flee": "displaced",
}


def victims_of(doc: "Doc", claim: Claim) -> list[Victims]:
    """The claim's quantities that count people or say what befell them (killed, injured, missing,
    arrested, displaced)."""
    out = []
    for q in claim.quantities:
        if is_money(q) or _AGE.match(doc_text(doc), q.span.end):
            continue  # "$2 million"; "a 39-year-old man" is one man, not 39
        category = CATEGORIES.get(q.counted or "")
        outcome = _outcome(doc, q.span.start, q.span.end)
        if outcome is None and category in (None, "people"):
            continue  # "30 trucks", "100 people gathered": no one said to be hit
        if category is None and q.counted and not OUTCOMES.get(q.counted.lower()):
            continue  # "two besieged towns", "nine air raids": counts of things, not of people
        out.append(Victims(q.value, category, outcome, q.span, q.approximate, q.low, q.high))
    return out


def _outcome(doc: "Doc", start: int, end: int) -> str | None:
    """What befell the counted people: the nearest outcome word up the number's heads ("killed 12",
    "12 people were killed", "among 22 people killed", "12 dead"), else right after it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span[-1]
    own = _own_outcome(doc, tok)
    if own is not None:
        return own  # "51 dead and over 100 wounded": 100 wounded, whatever the parse hangs it on
    left = _left_as(tok)
    if left is not None:
        return left
    for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):  # "dozens of people injured"
        for c in (c for p in of.children if p.dep_ == "pobj" for c in p.children if c.dep_ in ("acl", "amod")):
            if OUTCOMES.get(c.lemma_.lower()) or OUTCOMES.get(c.lower_):
                return OUTCOMES.get(c.lemma_.lower()) or OUTCOMES.get(c.lower_)
    node = tok
    for _ in range(5):
        word = OUTCOMES.get(node.lemma_.lower()) or OUTCOMES.get(node.lower_)
        if word and node.i != tok.i:
            return word
        for c in node.children:  # "12 people killed", "12 dead": the outcome modifies the noun
            if c.dep_ in ("acl", "amod", "relcl") and (OUTCOMES.get(c.lemma_.lower()) or OUTCOMES.get(c.lower_)):
                return OUTCOMES.get(c.lemma_.lower()) or OUTCOMES.get(c.lower_)
        if node.head.i == node.i:
            break
        node = node.head
    for anc in list(tok.ancestors)[:3]:  # "raised the death toll ... to 61"
        if anc.lemma_.lower() in ("raise", "rise", "climb", "reach", "jump", "increase", "put") and any(
                c.lemma_.lower() == "toll" for c in anc.children if c.dep_ in ("dobj", "nsubj")):
            return "killed"
    for nxt in doc[tok.i + 1: tok.i + 4]:
        word = OUTCOMES.get(nxt.lemma_.lower()) or OUTCOMES.get(nxt.lower_)
        if word:
            return word
    return None


def _left_as(tok) -> str | None:
    """"leaving dozens of people injured", "left 20 dead": the word after what "leave" left says what
    befell it, however the parse hangs that word."""
    obj = tok if tok.dep_ == "dobj" else tok.head if tok.dep_ == "nummod" and tok.head.dep_ == "dobj" else None
    if obj is None or obj.head.lemma_.lower() != "leave":
        return None
    nxt = tok.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(tok.doc) else None
    return (OUTCOMES.get(nxt.lemma_.lower()) or OUTCOMES.get(nxt.lower_)) if nxt is not None else None


_SKIP = frozenset({"were", "was", "are", "is", "been", "be", "have", "has", "had", "reportedly", "also", "later"})


def _own_outcome(doc: "Doc", tok) -> str | None:
    """The outcome word that follows the number itself, past its noun and auxiliaries ("100 wounded",
    "12 people were killed"), never across a conjunction or a comma ("12 people and wounded 30")."""
    for nxt in doc[tok.i + 1: tok.i + 6]:
        word = OUTCOMES.get(nxt.lemma_.lower()) or OUTCOMES.get(nxt.lower_)
        if word and nxt.pos_ in ("VERB", "ADJ", "NOUN", "AUX") and not (nxt.pos_ == "NOUN" and nxt.i > tok.i + 1
                                                                         and CATEGORIES.get(nxt.lemma_.lower())):
            return word
        if nxt.pos_ in ("CCONJ", "PUNCT", "ADP", "SCONJ") or (nxt.pos_ == "VERB" and not word):
            return None
        if nxt.lower_ not in _SKIP and nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "ADV", "AUX"):
            return None
    return None
