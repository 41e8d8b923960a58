"""The speaker of a closing reporting frame whose comma the text lost ("Air strikes killed 18 people
on Saturday a monitor said"): the noun phrase that ends right before the verb, read on the surface
and the parse together, since the parser often hangs it inside the content ("... on the
neighbourhoods of Zubdiya the Syrian Observatory for Human Rights said", "the Observatory" as an
object of "dropped"). See :func:`claimcheck.extract.complements._unpunctuated_frame`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.extract.lexicon import _PERSON_NOUNS, _SPEAKING_NOUNS
from claimcheck.extract.mentions import _glued

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ARTICLES = frozenset({"the", "a", "an"})
# Entities that end a speaker phrase on its left: "on Friday Siege Watch", "in Damascus SANA".
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL", "PERCENT", "MONEY", "GPE", "LOC"})
_SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "it"})
# Words a name or a role phrase may hold ("Observatory for Human Rights", "member of the Kurdish
# National Council", "a source in the hospital"); "in", "at", "from" after a role only.
_LINKS = frozenset({"of", "for", "in", "at", "from"})
# Words for the press that speak like bodies ("local media", "state television").
_MEDIA = frozenset({"media", "television", "tv", "radio", "agency", "news", "press", "source", "report", "state"})
_SPEAKING_OR_MEDIA = _SPEAKING_NOUNS | _MEDIA
_MAX_WORDS = 14


def before_adverbs(doc: "Doc", cue: "Token", lo: int) -> int:
    """Where a speaker phrase before ``cue`` ends: before the cue's adverbs and auxiliaries ("the
    Observatory also said", "the army has said"), not before token ``lo``."""
    end = cue.i
    while end - 1 > lo and doc[end - 1].head.i == cue.i and doc[end - 1].dep_ in ("advmod", "aux"):
        end -= 1
    return end


def speaker_before(doc: "Doc", end: int, lo: int) -> tuple[int, "Token"] | None:
    """(first token, head) of the speaker phrase ending right before token ``end`` and starting
    after ``lo``, with a conjoined second speaker ("activists and state media"); None when what
    ends there cannot speak (a place, a count, a thing, the object of a preposition: "sources on
    the ground")."""
    found = _phrase(doc, end, lo)
    if found is None:
        return None
    start, head = found
    if start - 2 > lo and doc[start - 1].lower_ == "and":
        first = _phrase(doc, start - 1, lo)
        if first is not None and _speaks(doc, *first) and doc[first[0] - 1].pos_ not in ("ADP", "SCONJ"):
            start = first[0]
    if doc[start - 1].pos_ in ("ADP", "SCONJ") or not _speaks(doc, start, head):
        return None
    return start, head


def _phrase(doc: "Doc", end: int, lo: int) -> tuple[int, "Token"] | None:
    """The noun phrase ending at ``end`` (exclusive): its determiner, modifiers and compounds, the
    words of one entity, hyphenated words, a name's or a role's "of"/"for" ("UK-based Syrian
    Observatory for Human Rights (SOHR)", "a source in the hospital"), and a person's name before
    a role set off by a lost comma ("John Doe a spokesman for the group")."""
    k = end - 1
    if k > lo and doc[k].text == ")":  # "... for Human Rights (SOHR)"
        opening = next((j for j in range(k - 1, max(lo, k - 5), -1) if doc[j].text == "("), None)
        if opening is None:
            return None
        k = opening - 1
    if k <= lo:
        return None
    head = doc[k]
    if head.pos_ == "PRON":
        return (k, head) if head.lower_ in _SPEAKING_PRONOUNS else None
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in _NOT_NAME_ENTS:
        return None
    i = k
    while i - 1 > lo and k - i < _MAX_WORDS:
        t, right = doc[i - 1], doc[i]
        article = t.lower_ in _ARTICLES and t.pos_ == "DET"
        link = doc[i - 2] if article else t  # "member of the council", "Envoy for Syria"
        if link.lower_ in _LINKS and link.i - 1 > lo and _link_left(doc[link.i - 1], link, doc[link.i + 1]):
            i = link.i - 1
            continue
        if article:
            i -= 1
            break
        if _joins(t, right, i, end):
            i -= 1
            continue
        break
    if i - 1 > lo and doc[i - 1].ent_type_ == "PERSON" and (doc[i].lower_ in _ARTICLES or doc[i].lemma_.lower()
                                                            in _PERSON_NOUNS):
        name = _phrase(doc, i, lo)  # "U.S. Colonel John Doe a coalition spokesman": the person
        if name is not None and name[1].pos_ == "PROPN":
            return name
    return _past_participle(doc, i, lo, head)


def _link_left(left: "Token", link: "Token", right: "Token") -> bool:
    """Does the word before "of"/"for"/"in" start a phrase the link continues: a capitalised name
    ("Envoy for Syria", before a capitalised word), or a role ("a source in the hospital")?"""
    if left.lemma_.lower() in _PERSON_NOUNS:
        return True
    return (link.lower_ in ("of", "for") and left.pos_ == "PROPN" and left.text[:1].isupper()
            and left.ent_type_ not in _NOT_NAME_ENTS and (right.text[:1].isupper() or right.lower_ in _ARTICLES))


def _joins(t: "Token", right: "Token", i: int, end: int) -> bool:
    """Does ``t`` belong to the phrase that starts with ``right``?"""
    if t.is_punct and t.text not in ("-", "–"):
        return False
    if _glued(t, right) or (t.text in ("-", "–") and not t.whitespace_):
        return True  # "UK-based", "al-Dawla"
    if t.tag_ in ("VBN", "VBG") and t.dep_ == "amod" and i <= t.head.i < end:
        return True  # "British-based", "Daesh-linked" ("-" "based" split by the tokenizer)
    if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if t.ent_type_ in _NOT_NAME_ENTS:  # "on Friday Siege Watch"; but "Russias defence ministry"
        return t.ent_type_ == "GPE" and t.lower_.endswith("s") and right.is_lower and right.pos_ in ("NOUN", "ADJ")
    if t.is_lower and (t.pos_ == "NOUN" and right.pos_ == "ADJ" or not right.is_lower and (
            t.pos_ == "ADJ" or t.lemma_.lower() not in _SPEAKING_OR_MEDIA)):
        return False  # "the divided city local activists", "in critical condition SANA", "offensive AMN"
    if t.ent_type_ and t.ent_type_ == right.ent_type_ and right.ent_iob_ == "I":
        return True  # one entity ("Syrian Observatory for Human Rights")
    return t.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") and i <= t.head.i < end


def _past_participle(doc: "Doc", start: int, lo: int, head: "Token") -> tuple[int, "Token"]:
    """"an organisation monitoring the conflict": the phrase before a participle whose object it is
    is the speaker."""
    part = doc[start - 1] if start - 1 > lo else None
    if part is None or part.tag_ != "VBG" or part.dep_ != "acl" or part.head.i >= part.i:
        return start, head
    noun = part.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "pobj":
        return start, head
    found = _phrase(doc, noun.i + 1, lo)
    return (found[0], noun) if found is not None else (start, head)


def _speaks(doc: "Doc", start: int, head: "Token") -> bool:
    """A phrase that can make a claim: a pronoun, a name, a determined noun phrase ("the report",
    "a monitoring group"), or a speaking noun ("activists", "local media")."""
    if head.pos_ == "PRON" or head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if doc[start].lower_ in _ARTICLES:
        return True
    return head.lemma_.lower() in _SPEAKING_OR_MEDIA
