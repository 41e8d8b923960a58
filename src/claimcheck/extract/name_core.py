"""The words of a source mention that name the source, cut by the dependency parse: the head noun
with its determiners, compounds, adjectives and possessors; a prepositional phrase only when it
continues a proper name ("Organisation for the Prohibition of Chemical Weapons") or says whom a
role speaks for ("a military source at the Free Syrian Army"); never relative clauses, participle
phrases, places and times after a role ("a spokesman at the hospital in Kafr Takharim in Idlib"),
or what the parser hung on the head by mistake ("Victims of a suspected chemical attack in
Syria"). Conjoined parties ("Rebels and activists") stay joined by "and": the group source of
README's "Two speakers". The text functions of :mod:`claimcheck.sources.names` then cut titles,
dates and descriptors from these words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.extract.lexicon import _GROUP_NOUNS, _PEOPLE_NOUNS
from claimcheck.extract.mentions import _glued
from claimcheck.sources.names import _DESCRIPTOR_NOUNS, _has_body_word, _org_like, _role_head, name_parts, source_extent

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Left dependents that are not part of the name: counts ("at least 25 members", but "the two powers"),
# adverbs, mis-hung clauses.
_NOT_LEFT = frozenset({"nummod", "quantmod", "advmod", "dep", "mark", "aux", "auxpass", "nsubj", "nsubjpass", "relcl",
                       "acl", "appos", "cc", "conj", "neg", "prt"})
_SMALL = frozenset({"of", "for", "the", "and", "on", "in", "at", "to", "al", "de", "el", "-", "&"})
# A role speaks for the body after these ("a source at", "a spokesman for"); "in" only when a body follows.
_ROLE_PREPS = frozenset({"at", "for", "of", "with", "from"})
# Whose report, toll or footage it is: "a statement by the army", "a new toll from the Observatory".
_SAYING_NOUNS = frozenset({"report", "toll", "statement", "figure", "figures", "data", "count", "tally", "appeal",
                           "message", "video", "videos", "footage", "pictures", "posting", "postings", "claim",
                           "photos", "photographs", "images", "information", "remarks"})


def name_core(mention: "SpacySpan", head: "Token | None") -> list[str] | None:
    """The naming words of ``mention`` as written (see the module doc), one text per conjoined
    party ("Rebels and activists": two); None when the parse gives
    no noun head inside the mention, nothing to cut, or the cut would lose the person a lost comma
    left at its end ("marathon talks in Geneva US Secretary of State John Kerry")."""
    a, b = source_extent(mention.text)
    inside = [t for t in mention if mention.start_char + a <= t.idx < mention.start_char + b]
    if head is None or head not in inside or head.pos_ not in ("NOUN", "PROPN") and head.lower_ != "one":
        return None
    lo, hi = inside[0].i, inside[-1].i + 1
    if head.lower_ == "one":  # "One of the guards manning the gate": "one of" and the guards' name
        one = _object_core(head, lo, hi)
        return [_text(head.doc, one)] if one and len(one) < len(inside) else None
    publisher = _publisher(head)
    if publisher is not None:  # "Photos published by the monitoring group": the group's
        keep = _core(publisher, publisher.left_edge.i, publisher.right_edge.i + 1)
        for appos in (c for c in publisher.rights if c.dep_ == "appos" and c.pos_ == "PROPN"):
            keep |= {t.i for t in appos.subtree}  # "... provided by the Lorin army chief Ivan Sorel": his
        return [_text(head.doc, keep)]
    first = _first_party(head, lo)
    parts = [_core(first, lo, hi)] if first is not None else []
    parts.append(_core(head, lo, hi))
    alias = any(c.dep_ == "cc" and c.lower_ == "or" for c in head.rights)  # "Syrian Civil Defence or White Helmets"
    for conj in (c for c in head.rights if c.dep_ == "conj" and c.i < hi and c.pos_ in ("NOUN", "PROPN") and not alias):
        between = [t for t in head.doc[max(parts[-1]) + 1:conj.left_edge.i] if t.i not in parts[-1]]
        if all(t.dep_ in ("cc", "punct", "preconj") or t.lower_ in ("as", "well") for t in between):
            parts.append(_core(conj, lo, hi))  # not "the X division ... and North Africa division" hung on it
    for t in inside:  # "the Observatory for Human Rights and medics": "medics" hung on "Rights"
        if (t.dep_ == "conj" and t.pos_ == "NOUN" and t.is_lower and t.head.i in parts[-1] and t.head.i != head.i
                and not any(t.i in p for p in parts) and t.doc[t.left_edge.i - 1].lower_ == "and"):
            parts.append(_core(t, lo, hi))
    keep = set().union(*parts)
    dropped = [t for t in inside if t.i not in keep]
    if not dropped or len(parts) == 1 and _ends_a_name(head.doc, min(keep), lo):
        return None
    if any(t.i + 1 < hi and (t.i in keep) != (t.i + 1 in keep) and _glued(t, t.doc[t.i + 1]) for t in inside):
        return None  # "Jaish al-Islam": the cut would split a word as written ("Islam")
    if any(t.ent_type_ == "PERSON" for t in dropped) and not any(mention.doc[i].ent_type_ == "PERSON" for i in keep):
        return None  # the person the parse hung elsewhere is more likely the speaker than the head
    if head.pos_ == "NOUN" and dropped[-1] == inside[-1] and inside[-1].pos_ == inside[-2].pos_ == "PROPN":
        return None  # "the British ambassador to the UN Matthew Rycroft": a name ends the mention
    texts = [_text(mention.doc, p) for p in parts]
    texts = [t.rsplit(")", 1)[1].strip() if ")" in t and "(" not in t else t for t in texts]  # "(Reuters) The ..."
    return [t for t in texts if t] or None


def _first_party(head: "Token", lo: int) -> "Token | None":
    """The first of two conjoined parties when the speaker's head is the second and the parse hung
    it inside the first's name ("the Observatory for Human Rights and medics": "medics" on "Rights"):
    the first's own head."""
    if head.dep_ != "conj" or not lo <= head.head.i < head.i or head.doc[head.left_edge.i - 1].lower_ != "and":
        return None
    node = head.head
    while node.dep_ in ("pobj", "prep", "compound") and lo <= node.head.i < node.i:
        node = node.head
    return node if node.pos_ in ("NOUN", "PROPN") else None


def _ends_a_name(doc, first: int, lo: int) -> bool:
    """Do the kept words finish a proper name the parse cut at its "of" or "for" ("the Syrian
    Observatory for | Human Rights", "for" hung on the claim's noun): then the whole name is the cut,
    which the text functions make."""
    k = first - 1 - (first - 1 > lo and doc[first - 1].lower_ == "the")
    return k - 1 >= lo and doc[k].lower_ in ("of", "for") and doc[k - 1].pos_ == "PROPN" and _titled(doc[k - 1]) and (
        _titled(doc[first]))


def _text(doc, keep: set[int]) -> str:
    words = [doc[i] for i in sorted(keep)]
    return ("".join(t.text_with_ws for t in words[:-1]) + words[-1].text).strip() if words else ""


def _core(tok: "Token", lo: int, hi: int) -> set[int]:
    keep = {tok.i}
    for c in tok.lefts:
        if c.i >= lo and (c.dep_ not in _NOT_LEFT or c.dep_ == "nummod" and c.is_alpha and not list(c.children)):
            keep.update(t.i for t in c.subtree if lo <= t.i < hi)
    role = tok.pos_ == "NOUN" and (_role_head(tok.lower_) or tok.lemma_.lower() in _PEOPLE_NOUNS)
    saying = tok.lower_ in _SAYING_NOUNS
    group = tok.lemma_.lower() in _GROUP_NOUNS | {"team", "network", "union"}  # "a coalition of Syrian rebels"
    for c in tok.rights:
        if c.i >= hi or c.dep_ not in ("prep", "agent"):
            continue
        obj = next((o for o in c.children if o.dep_ == "pobj"), None)
        inner = _object_core(obj, lo, hi)
        if not inner:
            continue
        words = [tok.doc[i] for i in sorted(inner)]
        if _titled(tok) and any(_titled(t) for t in words) and all(  # "... for Human Rights monitoring group"
                _titled(t) or t.lower_ in _SMALL or t.lower_ in _DESCRIPTOR_NOUNS or t.is_punct for t in words):
            keep |= {c.i} | inner  # "Observatory for Human Rights", "Organisation for the Prohibition of ..."
        elif (saying and c.lower_ in ("by", "from", "of")) or (group and c.lower_ == "of"):
            keep |= {c.i} | inner  # "a statement by the army": the army's, which the name keeps
            saying = group = False
        elif role and (c.lower_ in _ROLE_PREPS or c.lower_ == "in" and (
                _org_like(" ".join(t.text for t in words)) or obj.pos_ == "PROPN")):
            keep |= {c.i} | inner  # "a military source at the Free Syrian Army": whom the role speaks for
            role = False  # one affiliation: "in Idlib" after it is a place
    return keep


def _publisher(head: "Token") -> "Token | None":
    """The X of "photos published by X", "the information provided by X": who gave what speaks."""
    if head.lower_ not in _SAYING_NOUNS or any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in head.rights):
        return None  # "a statement by the army carried by state television" is the army's
    for acl in (c for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBN"):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            obj = next((o for o in agent.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None:
                return obj
    return None


def _object_core(obj: "Token | None", lo: int, hi: int) -> set[int]:
    """A preposition's object cut to its name; "one of the regional transport agencies" keeps its "of"."""
    if obj is None:
        return set()
    if obj.lower_ == "one":
        of = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i < hi), None)
        inner = _object_core(next((o for o in of.children if o.dep_ == "pobj"), None), lo, hi) if of is not None else set()
        return {obj.i, of.i} | inner if inner else set()
    return _core(obj, lo, hi) if obj.pos_ in ("NOUN", "PROPN") else set()


def _titled(tok: "Token") -> bool:
    return tok.text[:1].isupper() or tok.text.isupper()


_MAX_NAME_WORDS = 4  # a name cut longer than this that holds one person is a description around the person
_PERSON_AFTER = frozenset({"to", "in", "on", "at"})  # "X to ARA News", "X in a telephone interview": not his words


def lone_person(mention: "SpacySpan", name: str) -> tuple[str, str | None] | None:
    """The one person (the parse's PERSON entity, two to four words) a long cut name is a description
    around, the commas lost: "High Representative of the EU for Foreign Affairs and Security Policy
    Federica Mogherini", "Head of operations in the Russian General Staff General Sergey Rudskoy", "Nadim
    Houry deputy director of the Middle East and North Africa division at Human Rights Watch", and the
    one organisation the description names (None if not one). The person ends the mention (or only "to
    X", "in X" follows), or begins it before a lower-case role. None for a short name, two people, or
    an "and" between two parties ("Russian President Vladimir Putin and Turkish counterpart"): the
    group source of README's "Two speakers" (an "and" after "of", "for" or "in" is inside a
    description: "the Middle East and North Africa division")."""
    a, b = source_extent(mention.text)
    lo, hi = mention.start_char + a, mention.start_char + b
    found = _person_after_body(mention, lo, hi)
    if found is not None or len(name.split()) <= _MAX_NAME_WORDS:
        return found
    people = [e for e in mention.doc.ents if e.label_ == "PERSON" and lo <= e.start_char and e.end_char <= hi]
    if len(people) != 1 or not 2 <= len(people[0]) <= 4 or not all(_titled(t) or t.lower_ in _SMALL for t in people[0]):
        return None
    person = people[0]
    after = [t for t in mention.doc[person.end:] if t.idx < hi]
    before = [t for t in mention.doc[:person.start] if t.idx >= lo]
    ends = not after or after[0].lower_ in _PERSON_AFTER
    begins = not before and after and after[0].is_lower and any(_role_head(t.lower_) for t in after[:2])
    if not (ends or begins):
        return None
    for k, t in enumerate(before):
        if t.lower_ == "and" and not any(p.lower_ in ("of", "for", "in") for p in before[:k]):
            return None  # "Turkish counterpart and Russian President Vladimir Putin": two parties
    for k, t in enumerate(after):
        if t.lower_ == "and" and not any(p.lower_ in ("of", "for", "in") for p in after[:k]):
            return None  # "Vladimir Putin and Turkish counterpart"
    orgs = [e for e in mention.doc.ents if e.label_ == "ORG" and lo <= e.start_char and e.end_char <= hi
            and not (e.start > 0 and mention.doc[e.start - 1].lower_ == "to") and _org_like(e.text)]
    if len(orgs) != 1:
        return person.text, None
    org = orgs[0]  # "the Russian General Staff": the nationality the parse left out of the ORG
    before_org = mention.doc[org.start - 1] if org.start > 0 else None
    nation = before_org is not None and before_org.ent_type_ == "NORP" and before_org.idx >= lo
    return person.text, (f"{before_org.text} {org.text}" if nation and org[0].lower_ != "the" else org.text)


def _person_after_body(mention: "SpacySpan", lo: int, hi: int) -> tuple[str, str | None] | None:
    """The person a body's name runs into when the comma between them was lost and the parser made
    one compound chain of both ("head of the Syrian Observatory for Human Rights Rami Abdel Rahman",
    "Minister of Foreign Affairs Walid Muallem"): a plural proper noun ends the body's name (no
    person's name holds "Rights" or "Affairs"), two to four titled words after it end the mention,
    and an "of" or "for" before it says the plural closes a longer name. The organisation is the
    description's affiliation, when it names a body."""
    inside = [t for t in mention if lo <= t.idx < hi]
    plural = next((k for k in range(len(inside) - 1, -1, -1) if inside[k].tag_ == "NNPS"), None)
    if plural is None or not any(t.lower_ in ("of", "for") for t in inside[:plural]):
        return None
    person = inside[plural + 1:]
    if not 2 <= len(person) <= 4 or not all(t.tag_ == "NNP" and _titled(t) for t in person):
        return None
    head = person[-1]
    if head.ent_type_ not in ("", "PERSON", "ORG") or any(t.head.i != head.i for t in person[:-1]):
        return None  # one name: its words compounds of its last word
    body = name_parts(mention.doc.text[lo:inside[plural].idx + len(inside[plural])]).affiliation
    name = mention.doc.text[person[0].idx:head.idx + len(head)]
    return name, body if body is not None and _has_body_word(body) else None
