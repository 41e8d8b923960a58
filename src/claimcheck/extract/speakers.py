"""Who is speaking, as resolved: a named mention's name, person/organisation kind, number and
gender; a pronoun to the one compatible speaker just before ("he", "they", "it"); a description
("the group", "the ministry", "the commander") to the body or person named before it; and the
speaker a quotation borrows from the sentence next to it. Unclear cases stay ``unresolved``."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from claimcheck.extract.attribution import _Attr, _Seg
from claimcheck.extract.lexicon import (
    _BODY_NOUNS, _FEMALE, _GROUP_NOUNS, _MALE, _PEOPLE_NOUNS, _PERSON_NOUNS, _POSSESSIVE_PRONOUNS, _PRONOUNS, SPEECH_VERBS,
)
from claimcheck.extract.mentions import _mention, _uncapitalised
from claimcheck.extract.name_core import lone_person, name_core
from claimcheck.sources import NameParts, canonical_name, name_parts

from claimcheck.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.tokens import Span as SpacySpan


def _resolve(attr: _Attr, segs: list[_Seg], i: int) -> None:
    """Fill kind/name: named mention, pronoun resolved to a recent compatible speaker, or unresolved."""
    if attr.inherited is not None:
        src = attr.inherited
        attr.kind, attr.name, attr.person, attr.plural, attr.gender = src.kind, src.name, src.person, src.plural, src.gender
        attr.affiliation = src.affiliation
        return
    if attr.kind in ("unresolved", "narrator") and attr.source is None:
        return
    if attr.source is None:
        attr.kind, attr.name = ("unresolved", None)
        return
    head = attr.source_head
    low = head.lower_ if head is not None else ""
    low = _POSSESSIVE_PRONOUNS.get(low, low) if head is not None and head.pos_ == "PRON" else low
    attr.plural = head is not None and (head.tag_ in ("NNS", "NNPS") or low in ("they", "we"))
    if head is not None and low in ("who", "that", "which") and head.head.dep_ == "relcl":
        noun = head.head.head  # "Tim Hess, who said ...": the relative pronoun names its noun
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            noun = noun.head  # "Ana Ruiz, a farmer who said ...": the name, not the description
        mention = _mention(noun)
        attr.kind, attr.name = "pronoun", canonical_name(mention.text) or None
        attr.person, attr.gender = _person_like(mention, noun), _gender_of(mention)
        attr.plural = noun.tag_ in ("NNS", "NNPS")
        return
    if head is not None and head.pos_ == "PRON" and low in _PRONOUNS:
        target = _antecedent(low, segs, i, attr)
        if target is None:
            attr.kind, attr.name = "unresolved", None
        else:
            attr.kind, attr.name, attr.affiliation = "pronoun", target.name, target.affiliation
            attr.person, attr.plural, attr.gender = target.person, target.plural, target.gender
        return
    if head is not None and head.pos_ == "NOUN" and head.lemma_.lower() in ("toll", "tally") and not any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("by", "from") or c.dep_ in ("compound", "nmod")
            and (c.pos_ == "PROPN" or c.is_title) for c in head.children):  # not "an Observatory toll"
        attr.kind, attr.source, attr.name = "narrator", None, None  # "according to the latest toll": the outlet's
        return
    attr.kind = "named"
    words, head = _counted_part(attr.source, head)  # "a number of Syrian officials": the officials
    attr.plural = attr.plural or (head is not None and head.tag_ in ("NNS", "NNPS"))
    core = name_core(words, head)
    parts = name_parts(" and ".join(core) if core else words.text)
    if core and len(core) > 1:  # two parties the parse conjoined: each cut to its name (README "Two speakers")
        each = [name_parts(c) for c in core]
        affs = {p.affiliation for p in each}
        parts = NameParts(" and ".join(p.name for p in each), affs.pop() if len(affs) == 1 else None)
    person = lone_person(words, parts.name)
    if person is not None:  # "High Representative of the EU for ... Federica Mogherini": the person
        parts = NameParts(canonical_name(person[0]) or person[0],
                          (canonical_name(person[1]) if person[1] else None) or parts.affiliation)
    attr.name = _uncapitalised(parts.name, words) or None
    if attr.name is None:  # words that name no one ("Tags Idlib Russia": a page's keyword list)
        attr.kind = "unresolved"
        return
    attr.affiliation = (parts.affiliation or (name_parts(words.text).affiliation if core and len(core) == 1
                                              else None) or _appositive_affiliation(words.text, head))
    attr.person = _person_like(words, head)
    attr.gender = _gender_of(words)
    if attr.gender is None and attr.person is not False and head is not None and head.pos_ == "PROPN":
        attr.gender = _honorific_gender(doc_text(head.doc), head.text)
    target = _described_antecedent(attr, segs, i)
    if target is not None:
        attr.kind, attr.name, attr.person, attr.plural = "pronoun", target.name, target.person, target.plural
        attr.affiliation = target.affiliation


# Words that count the people a source is ("a number of officials", "dozens of activists"): the
# people are the source. ("A group of activists" is a group; "one of the witnesses" is one witness.)
_COUNTING = frozenset({"number", "handful", "dozens", "hundreds", "thousands", "scores", "several", "some", "many",
                       "most", "majority", "couple", "few"})


def _counted_part(mention: Any, head: Any) -> tuple[Any, Any]:
    """The words naming the people a counting head counts, and their head; else the mention and head."""
    if head is None or head.lower_ not in _COUNTING:
        return mention, head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.pos_ == "PRON" or not mention.start <= obj.i < mention.end:  # "many of whom"
        return mention, head
    return head.doc[obj.left_edge.i:min(obj.right_edge.i + 1, mention.end)], obj


# "The group said ...", "the ministry denied ...": a definite description naming a kind of body
# refers back to the body named before (_BODY_NOUNS, _GROUP_NOUNS).
_MAX_REFERENCE_BACK = 6  # sentences
# Nouns that say what a body does: they refer back only to a body described with them or with a
# word for one ("the X monitoring group", "the X Observatory" ... "the monitor"); else the corpus
# step resolves them (sources.merge). "The coalition" after the Observatory is another body (the
# US-led coalition, in news on Syria), not the Observatory.
_KIND_NOUNS = {"monitor": ("monitor", "observatory", "watchdog"), "coalition": ("coalition",), "alliance": ("alliance",)}
_ISSUED = frozenset({"statement", "report"})  # "X said in a statement ... The statement said": X's


def _described_antecedent(attr: _Attr, segs: list[_Seg], i: int) -> _Attr | None:
    """The earlier named source that "the group" / "the ministry" / "the commander" refers to
    ("the Vel Brigades ... the group"; "a commander of the Vel Brigades ... the commander");
    None if none or unclear."""
    mention, head = attr.source, attr.source_head
    if head is None or mention is None or len(mention) != 2 or mention[0].lower_ != "the":
        return None
    noun = head.lower_
    title = head.is_title and noun in _PERSON_NOUNS  # "The Governor" after "Aleppo Governor Hussein Diab"
    if not title and (head.pos_ != "NOUN" or not head.is_lower):
        return None
    if noun not in _BODY_NOUNS and noun not in _GROUP_NOUNS and noun not in _PERSON_NOUNS and noun not in _ISSUED:
        return None

    def refers(cand: _Attr) -> bool:
        if not cand.name or cand.name.lower() == noun or cand.source is None:
            return False
        if noun in _ISSUED:  # "the statement" is the one whose speaker "said in a statement"
            return cand.cue is not None and any(o.dep_ == "pobj" and o.lemma_.lower() == noun for p in cand.cue.children
                                                if p.dep_ == "prep" for o in p.children)
        if cand.name.lower().split()[-1] == noun or (cand.source_head is not None and cand.source_head.lower_ == noun):
            return True
        if cand.person is True and noun in _PERSON_NOUNS and any(t.lower_ == noun for t in cand.source):
            return True  # the person named with that title ("Governor Hussein Diab" ... "the governor")
        if noun in _PERSON_NOUNS and noun not in _GROUP_NOUNS:
            return False  # ("the monitor" may be a person or a body: either)
        if noun in _KIND_NOUNS:  # "the monitor" is a body described so, not any body before it
            return cand.person is not True and any(t.lower_.startswith(_KIND_NOUNS[noun]) for t in cand.source)
        head = cand.source_head
        return (noun in _GROUP_NOUNS and cand.person is not True and not cand.plural and head is not None
                and (head.pos_ == "PROPN" or head.ent_type_ == "ORG"))

    for back in range(0, _MAX_REFERENCE_BACK + 1):
        j = i - back
        if j < 0:
            break
        cands = [a for a in segs[j].attrs if a.kind == "named" and a.inherited is None and refers(a)
                 and (back > 0 or a.source.start < mention.start)]
        names = {a.name for a in cands}
        if any(t.dep_ == "cc" for a in cands for t in a.source):
            return None  # "the health ministry and the transport ministry said": which one?
        if len(names) == 1:
            return cands[0]
        if len(names) > 1:
            return None  # two bodies it could be: leave it as written
    return None


def _antecedent(pronoun: str, segs: list[_Seg], i: int, attr: _Attr) -> _Attr | None:
    """The one compatible named speaker in the nearest sentence that has any; None if unclear.

    Looks at earlier speakers in the same sentence, then up to two sentences back. Two different
    compatible candidates in that sentence, or a sentence whose only speakers are incompatible
    (the topic moved to another party), leave the pronoun unresolved rather than guess.
    """
    if pronoun not in ("he", "she", "him", "her", "they", "them", "it"):
        return None
    for back in range(0, 3):
        j = i - back
        if j < 0:
            break
        seg = segs[j]
        if seg.skip:
            continue
        speakers = [a for a in seg.attrs if a.name and (back > 0 or a.order < attr.order)
                    and a.kind in ("named", "pronoun")]
        if back == 0:
            speakers = [a for a in speakers if a.source is not None and attr.source is not None
                        and a.source.start < attr.source.start]
        good = {a.name: a for a in speakers if _compatible(pronoun, a)}
        persons = []
        if pronoun in ("he", "she", "him", "her"):
            limit = attr.source.start_char if back == 0 and attr.source is not None else None
            persons = [p for p in seg.persons if _compatible(pronoun, p) and canonical_name(p[0]) not in good
                       and not any(canonical_name(p[0]) in (g or "") for g in good)]
            if limit is not None:
                persons = [p for p in persons if seg.span.text.find(p[0]) + seg.start < limit]
        if len(good) == 1 and not (back == 0 and persons):
            return next(iter(good.values()))
        if len(good) > 1:
            return None
        if persons:
            names = {canonical_name(p[0]) for p in persons}
            if len(names) == 1 and not speakers:
                return _Attr((0, 0), None, None, None, name=next(iter(names)), person=True, gender=persons[0][1])
            return None
        if speakers:
            return None  # the nearest speakers are other kinds of party: unclear, don't skip over them
        if back == 1 and pronoun in ("they", "them"):
            group = _people_subject(seg.span)
            if group is not None:
                return group  # "Relatives gathered at the port. They said ...": the people just named
        if back == 1 and pronoun == "it":
            body = _body_subject(seg.span)
            if body is not None:
                return body  # "The ministry closed the road. It said ...": the body just named
    return None


def _compatible(pronoun: str, cand: _Attr | tuple[str, str | None]) -> bool:
    if isinstance(cand, tuple):  # a PERSON entity mention
        gender = cand[1]
        if pronoun in ("he", "him"):
            return gender != "f"
        if pronoun in ("she", "her"):
            return gender != "m"
        return False
    if pronoun in ("he", "him", "she", "her"):
        if cand.plural or cand.person is False:
            return False
        return cand.gender is None or cand.gender == ("m" if pronoun in ("he", "him") else "f")
    if pronoun in ("they", "them"):
        return cand.plural or cand.person is False
    if pronoun == "it":
        return cand.person is not True and not cand.plural
    return False


def _people_subject(sent: "SpacySpan") -> "_Attr | None":
    """The plural people-noun subject of a sentence's main verb ("Relatives of the crew"), as a speaker."""
    return _subject_speaker(sent, lambda subj: subj.tag_ in ("NNS", "NNPS") and subj.lemma_.lower() in _PEOPLE_NOUNS,
                            person=True, plural=True)


def _body_subject(sent: "SpacySpan") -> "_Attr | None":
    """The singular organisation subject of a sentence's main verb ("The ministry", "Harbour Corp"),
    as a speaker."""
    return _subject_speaker(sent, lambda subj: subj.tag_ in ("NN", "NNP") and (
        subj.lemma_.lower() in _BODY_NOUNS or subj.ent_type_ == "ORG"), person=False, plural=False)


def _subject_speaker(sent: "SpacySpan", fits, *, person: bool, plural: bool) -> "_Attr | None":
    """The subject of the sentence's main verb as a speaker, if ``fits(subject)``."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not fits(subj):
        return None
    mention = _mention(subj)
    name = _uncapitalised(canonical_name(mention.text), mention)
    return _Attr((0, 0), None, None, None, name=name, person=person, plural=plural) if name else None


def _appositive_affiliation(mention: str, head: "Token | None") -> str | None:
    """"Rami Abdel Rahman, head of the Observatory, said": the body the apposition (which the
    mention leaves out) names the person's role in."""
    appos = next((c for c in head.rights if c.dep_ == "appos"), None) if head is not None else None
    if appos is None:
        return None
    words = head.doc[appos.left_edge.i:appos.right_edge.i + 1].text
    return name_parts(f"{mention}, {words}").affiliation


def _person_like(mention: "SpacySpan", head: "Token | None") -> bool | None:
    """True for people, False for organisations/places/groups, None when it could be either."""
    if head is None:
        return None
    if head.ent_type_ == "PERSON" or head.lemma_.lower() in _PERSON_NOUNS:
        return True
    if any(t.lower_.rstrip(".") in ("mr", "mrs", "ms", "dr", "sen", "rep", "gov") for t in mention):
        return True
    if head.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
        return False
    if head.pos_ == "PROPN" and len(mention) <= 3 and head.ent_type_ in ("ORG", ""):
        return None  # "Lavrov" is often tagged ORG by the small model
    return False


def _honorific_gender(text: str, surname: str) -> str | None:
    """"Mr. Clarke" / "Ms. Moore" elsewhere in the article tells the gender of "Clarke" / "Moore"."""
    if not surname[:1].isupper():
        return None
    found = _honorifics_of(text, surname)
    if found == {"mr"}:
        return "m"
    if found and found <= {"mrs", "ms", "miss"}:
        return "f"
    return None


_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+")
_FIRST_NAME = re.compile(r"[A-Z][\w.'-]*\s+")
_WORD = re.compile(r"\w+")
_BOUNDARY = re.compile(r"\b")


def _honorifics_of(text: str, surname: str) -> set[str]:
    """The titles in ``re.finditer(rf"\\b(Mr|Mrs|Ms|Miss)\\.?\\s+(?:[A-Z][\\w.'-]*\\s+)?{surname}\\b", text)``,
    found through an index of the text's honorifics built once, not a scan of the whole article
    for every speaker (quadratic in a long article)."""
    entries, by_word = _honorific_index(text)
    found: set[str] = set()
    end = -1
    for k in (by_word.get(surname, ()) if _WORD.fullmatch(surname) else range(len(entries))):
        start, title, first, second = entries[k]
        if start < end:
            continue  # inside the previous match, as finditer would skip it
        at = next((p for p in (second, first) if p is not None and text.startswith(surname, p)
                   and _BOUNDARY.match(text, p + len(surname))), None)
        if at is not None:
            found.add(title.lower())
            end = at + len(surname)
    return found


@functools.lru_cache(maxsize=4)
def _honorific_index(text: str) -> tuple[list[tuple[int, str, int, int | None]], dict[str, list[int]]]:
    """Each honorific (start, title, where the name after it starts, where the word after a first
    name starts), and the entries by the word at either place."""
    entries: list[tuple[int, str, int, int | None]] = []
    by_word: dict[str, list[int]] = {}
    for m in _HONORIFIC.finditer(text):
        first = m.end()
        nxt = _FIRST_NAME.match(text, first)
        second = nxt.end() if nxt else None
        entries.append((m.start(), m.group(1), first, second))
        for p in (first, second):
            w = _WORD.match(text, p) if p is not None else None
            if w and (not by_word.get(w.group()) or by_word[w.group()][-1] != len(entries) - 1):
                by_word.setdefault(w.group(), []).append(len(entries) - 1)
    return entries, by_word


def _gender_of(span: Any) -> str | None:
    words = {t.lower_ for t in span}
    if words & _FEMALE:
        return "f"
    if words & _MALE:
        return "m"
    return None


def _adjacent_speaker(segs: list[_Seg], i: int) -> _Attr | None:
    """A quote-only sentence's speaker: the single speaker of the sentence the quotation runs on
    into (when it stays open), else of the previous sentence, else of a next quote-framing one."""
    order = (i + 1, i - 1) if segs[i].quote_open_after else (i - 1, i + 1)
    for j in order:
        if 0 <= j < len(segs) and not segs[j].skip:
            named = [a for a in segs[j].attrs if (a.source is not None or a.inherited is not None) and _speaks(a)]
            speakers = {_speaker_key(a) for a in named}
            if len(speakers) == 1:
                if j == i + 1 and not (segs[j].quote_only or segs[i].quote_open_after):
                    return None  # the next sentence reports something else; don't borrow forward
                return named[-1] if j == i - 1 else named[0]
            if j == i - 1 and segs[j].attrs:
                return None  # the previous sentence has a frame but not a clear single speaker
    return None


def _speaks(a: _Attr) -> bool:
    """Only speech frames lend their speaker to a neighbouring quotation (not "want", "support")."""
    base = a.inherited or a
    return base.cue is None or base.cue.pos_ != "VERB" or base.cue.lemma_.lower() in SPEECH_VERBS


def _speaker_key(a: _Attr) -> Any:
    base = a.inherited or a
    return base.name or (base.source.start if base.source is not None else None)
