"""Where an event happened: place names as written, a comparable key, and what contains them.

Candidates are spaCy's GPE, LOC and FAC entities, and proper nouns in a place's position where the
small model gives another label or none ("the village of Kafr Hamra" is tagged PERSON): the object of
a locative preposition ("in", "near", "at", "outside", "around", "into"), of "attack/strike/raid on
X", and "the town of X". ``key`` is the name folded for comparison: lower case, accents and "the"
dropped, compass and quarter words dropped ("eastern Aleppo", "Aleppo province", "rural Idlib" ->
"aleppo", "idlib"), hyphens and apostrophes folded ("al-Bab" = "Al Bab"). ``within`` is the key of
the place named as containing it: "Kafr Hamra in Aleppo province", "the Salah al-Din district of
Aleppo", "Douma, Syria". :func:`kind` tells a country (pycountry) or a US state (``us``) from a
finer place, so grouping can treat "Syria" as coarser than "Aleppo".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from claimcheck.nlp import doc_text, ents_within
from claimcheck.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE = frozenset({"in", "near", "at", "outside", "around", "into", "inside", "across", "throughout", "towards",
                      "toward", "nearby", "off", "within"})
_TARGET_NOUNS = frozenset({"attack", "strike", "airstrike", "raid", "assault", "offensive", "shelling", "bombing",
                           "advance", "siege", "push", "march"})
_TARGET_VERBS = frozenset({"shell", "bomb", "strike", "hit", "attack", "capture", "seize", "storm", "raid", "retake",
                           "recapture", "besiege", "enter", "overrun", "bombard", "target", "rock", "shake", "liberate",
                           "flee", "leave", "evacuate", "reach", "visit", "free"})
_TAKE_VERBS = frozenset({"capture", "seize", "storm", "retake", "recapture", "overrun", "enter", "besiege", "liberate",
                         "free", "flee", "leave", "evacuate"})
_LANDING_VERBS = frozenset({"fall", "fire", "drop", "land", "rain", "launch", "hit", "strike", "target", "shell",
                            "bomb", "open"})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "outskirts", "edge", "outside", "centre", "center", "heart"})
PLACE_NOUNS = frozenset({"village", "town", "city", "district", "province", "governorate", "region", "area",
                         "neighbourhood", "neighborhood", "suburb", "quarter", "camp", "countryside", "outskirts",
                         "county", "state", "capital", "municipality", "enclave", "hamlet", "valley", "island",
                         "port", "base", "airport", "market", "square", "street", "road", "highway"})
# Dropped from keys: where in a place, not which place.
_QUALIFIERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                         "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                         "southeastern", "southwestern", "rural", "greater", "downtown", "old", "city", "province",
                         "governorate", "district", "countryside", "suburbs", "outskirts", "region", "area",
                         "town", "village", "county", "neighbourhood", "neighborhood", "of", "the", "countryside",
                         "provinces", "regions", "areas", "down", "part", "parts"})
_NOT_PLACES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "god",
                         "allah", "twitter", "facebook", "islamic", "state", "january", "february", "march", "april",
                         "may", "june", "july", "august", "september", "october", "november", "december", "syrian",
                         "daesh", "isis", "isil", "is", "nusra", "hezbollah", "hamas", "taliban"})
# A name with one of these words is an organisation, not a place ("the Syrian Observatory for Human Rights").
_NOT_PLACE_WORDS = frozenset({"observatory", "front", "command", "council", "ministry", "army", "forces", "force", "group",
                              "organization", "organisation", "committee", "coalition", "agency", "news", "police",
                              "brigade", "brigades", "battalion", "regime", "government", "party", "movement", "union",
                              "rights", "nations", "office", "media", "television", "tv", "press", "radio", "times",
                              "post", "network", "monitor", "crescent", "cross", "unit", "units", "militia", "corps",
                              "helmets", "defence", "defense", "meeting", "conference", "talks", "summit"})


def key(name: str) -> str:
    """A place name folded for comparison (see the module docstring); "" when nothing is left."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’`ʿʾ](?:s\b)?", "", text.lower())
    text = re.sub(r"[-–_/.,()]", " ", text)
    words = [w for w in text.split() if w]
    while words and words[0] in _QUALIFIERS:
        words = words[1:]
    while words and words[-1] in _QUALIFIERS:
        words = words[:-1]
    if len(words) > 1 and words[0] in _ABBREVIATED:
        words[0] = _ABBREVIATED[words[0]]  # "Mt. Oliver" is "Mount Oliver", "Ft. Bend" "Fort Bend"
    if len(words) > 1 and (kind(words[0]) == "country" or len(words[0]) > 4 and words[0].endswith("s")
                           and kind(words[0][:-1]) == "country") and kind(" ".join(words)) is None:
        words = words[1:]  # "Syria's Idlib", "Syrias Idlib" (FA-KES lost the apostrophe): the country's Idlib
    return " ".join(words)


# A place name's first word abbreviated (at its end "St." is a street: "Main St." stays "main st").
_ABBREVIATED = {"mt": "mount", "ft": "fort", "st": "saint", "pt": "point"}
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "az", "ash", "at", "ez", "es", "an", "ed", "ul"})


@functools.lru_cache(maxsize=8192)
def fold(place_key: str) -> str:
    """A key with transliteration variants folded, for comparing keys (not for showing): Arabic article
    particles dropped ("deir al-zor", "deir ez-zor", "deir ezzor"), doubled letters single ("raqqa"),
    vowel runs (y and w included) one "a" after the first letter, a final "h" dropped ("hasakeh",
    "hasaka", "al-hasakah"): "dayr az zawr" and "deir ezzor" both fold to "dar zar"."""
    words = []
    for w in place_key.split():
        if w in _PARTICLES:
            continue
        w = re.sub(r"^(?:a|e)([dlnrstz])\1(?=[a-z]{2})", r"\1", w)  # "ezzor" -> "zor", "arraqqa" -> "raqqa"
        w = w[:1] + re.sub(r"[aeiouyw]+", "a", w[1:])
        w = re.sub(r"(.)\1+", r"\1", w)
        w = re.sub(r"(?<=.)h$", "", w)
        words.append(w)
    return " ".join(words) or place_key


def same_place(a: str, b: str) -> bool:
    """Do two place keys name one place, transliteration aside ("raqqa" / "raqa", "lattakia" / "latakia")?"""
    return a == b or fold(a) == fold(b)


@functools.lru_cache(maxsize=8192)
def kind(place_key: str) -> str | None:
    """``"country"`` for a country (pycountry: names, common and official names, "the US"), ``"state"``
    for a US state (``us``), else None (a city, a district, a region we do not know)."""
    if not place_key:
        return None
    import pycountry
    import us

    if place_key in _COUNTRY_ALIASES or (place_key.endswith("s") and place_key[:-1] in _COUNTRY_ALIASES):
        return "country"  # "Syrias": a possessive that lost its apostrophe (FA-KES's texts) is the country
    if len(place_key) <= 3:
        return None  # a code ("al", "ago") is not how news names a country
    try:
        pycountry.countries.lookup(place_key)
        return "country"
    except LookupError:
        pass
    state = us.states.lookup(place_key)
    return "state" if state is not None and state.name.lower() == place_key else None


_COUNTRY_ALIASES = frozenset({"us", "usa", "u s", "u s a", "america", "united states", "uk", "britain", "great britain",
                              "russia", "iran", "syria", "south korea", "north korea", "turkey", "palestine"})


def places(sent: "SpacySpan", start: int, end: int) -> list[Place]:
    """Places named in ``sent`` between character offsets ``start`` and ``end`` (a claim's content), in
    text order, each with its key and the key of the place named as containing it."""
    doc = sent.doc
    found: dict[tuple[int, int], Any] = {}
    for ent in ents_within(sent):
        if ent.label_ in PLACE_LABELS and start <= ent.start_char and ent.end_char <= end and not _modifier(ent):
            found[(ent.start_char, ent.end_char)] = ent
    for tok in sent:
        if not (start <= tok.idx < end) or tok.dep_ in ("compound", "poss") or tok.ent_type_ in ("DATE", "TIME"):
            continue  # "in mid-June" is when
        span = None
        if tok.pos_ == "PROPN" and _in_place_position(tok):  # the position says place, whatever the tagger's label
            span = _name_span(tok)
        elif (tok.pos_ == "PROPN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _TARGET_VERBS
              and (tok.ent_type_ in ("", "GPE", "LOC", "FAC") or tok.head.lemma_.lower() in _TAKE_VERBS)):
            span = _name_span(tok)  # "shelled eastern Aleppo", "captured Tal Ruwaq"
        elif tok.lemma_.lower() in PLACE_NOUNS and _in_place_position(tok, common=True):
            names = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"]
            span = doc[names[0].i: tok.i + 1] if names else None  # "in Aleppo province"
        elif tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and tok.head.lemma_ == "fall":
            span = _name_span(tok)  # "Tal Ruwaq fell"
        elif tok.pos_ == "PROPN" and tok.dep_ == "conj" and any(a <= tok.head.idx < b for a, b in found):
            span = _name_span(tok)  # "in Aleppo and Idlib"
        if span is not None and span.end_char <= end:
            if not any(a <= span.start_char < b or span.start_char <= a < span.end_char for a, b in found):
                found[(span.start_char, span.end_char)] = span
    out: list[tuple[int, int, str]] = []
    text = doc_text(doc)
    for a, b in _joined_at_particles(text, sorted(found), start, end):
        text_key = key(text[a:b])
        words = set(text_key.split())
        if text[b:b + 6].lower() in ("-based", " based"):
            continue  # "the Britain-based monitor": where a source sits, not where anything happened
        if text_key and text_key not in _NOT_PLACES and any(c.isalpha() for c in text_key) and not words & _NOT_PLACE_WORDS:
            out.append((a, b, text_key))
    placed = [Place(text[a:b], a, b, k, _within(text, out, i)) for i, (a, b, k) in enumerate(out)]
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for p in placed:  # one mention of each place (the first), however often it is named
        if (p.key, p.within) not in seen and (p.key, None) not in seen:
            seen.add((p.key, p.within))
            kept.append(p)
    return kept


_PARTICLE_BEFORE = re.compile(r"(?:(?<=\s)|^)(\w+)-$")
_PARTICLE_AFTER = re.compile(r"-[A-Za-z]\w*|\s(\w+)-[A-Za-z]\w*")
_WORD_BEFORE = re.compile(r"(?:(?<=\s)|^)([A-Z]\w+) $")


def _ends_in_particle(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].lower() in _PARTICLES


def _may_grow(name: str) -> bool:
    return name not in _NOT_PLACES and kind(name) != "country"


def _joined_at_particles(text: str, spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Spans grown over an Arabic article particle joined by a hyphen, then merged where they meet:
    the tokenizer cuts "Ain al-Arab" into "Ain al" and "Arab", "Deir ez-Zor" into "Deir" and "ez-Zor",
    and the parts name no place. Only a particle joins ("Syria-Turkey border" stays "Syria")."""
    grown: list[tuple[int, int]] = []
    for a, b in spans:
        while m := _PARTICLE_AFTER.match(text, b, end):
            if m.group(1) is None:  # "Ain al" + "-Arab"
                joins = _ends_in_particle(text[a:b])
            else:  # "Deir" + " ez-Zor"; not "Tuesday al-Bab" or "Syria al-Assad"
                joins = m.group(1).lower() in _PARTICLES and _may_grow(key(text[a:b]))
            if not joins:
                break
            b = m.end()
        if (m := _PARTICLE_BEFORE.search(text, start, a)) and m.group(1).lower() in _PARTICLES:
            a = m.start(1)
            if (w := _WORD_BEFORE.search(text, start, a)) and key(w.group(1)) not in _NOT_PLACES | {""}:
                a = w.start(1)  # "Ain al-Arab": the name's first word before the particle
        if grown and (a < grown[-1][1] or text[grown[-1][1]:a] == "-" and _ends_in_particle(text[slice(*grown[-1])])):
            grown[-1] = (grown[-1][0], max(b, grown[-1][1]))
        else:
            grown.append((a, b))
    return grown


def _modifier(ent: Any) -> bool:
    """"U.S. air strikes", "Syrian government": a name modifying a noun that is no place is its actor
    or its kind, not where it happened ("the Aleppo countryside" is a place)."""
    root = ent.root
    after_place = ent.start >= 2 and ent.doc[ent.start - 1].text == "," and ent.doc[ent.start - 2].ent_type_ in PLACE_LABELS
    if (root.dep_ in ("nsubj", "nsubjpass", "poss") and not after_place) or (
            root.dep_ == "pobj" and root.head.dep_ == "agent"):
        return True  # "Turkey shelled ...", "backed by Russia": an actor ("in Chicago, Illinois left" is not)
    if root.dep_ == "appos" and root.head.ent_type_ not in PLACE_LABELS and root.head.lemma_.lower() not in PLACE_NOUNS:
        return True  # "regime allies Iran and Russia"
    if root.dep_ == "conj" and _modifier_like(root.head):
        return True
    if root.head.lemma_.lower() in _TARGET_NOUNS | {"airstrike", "raid", "blast", "explosion"} and not kind(key(ent.text)):
        return False  # "an Idlib airstrike" happened in Idlib; "U.S. air strikes" were the country's
    return (root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i >= ent.end
            and root.head.lemma_.lower() not in PLACE_NOUNS and root.head.pos_ != "PROPN")


def _modifier_like(tok: Any) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass", "poss") or (
        tok.dep_ == "appos" and tok.head.ent_type_ not in PLACE_LABELS and tok.head.lemma_.lower() not in PLACE_NOUNS)


def _in_place_position(tok: Any, common: bool = False) -> bool:
    """A noun that the syntax says is a place: "in/near/at X", "attack on X", "the town of X"."""
    head = tok.head
    if tok.dep_ == "appos" and not common:
        return head.ent_type_ in PLACE_LABELS
    if tok.dep_ == "dobj":
        return common and head.lemma_.lower() in _TARGET_VERBS  # "hit al-Hamidiyeh neighbourhood"
    if tok.dep_ != "pobj":
        return False
    prep = head.lower_
    if prep in LOCATIVE:
        return True
    if prep == "on" and head.head.lemma_.lower() in _TARGET_NOUNS | _LANDING_VERBS:
        return True  # "the attack on X", "barrel bombs fell on X", "shells fired on X"
    if prep == "of" and head.head.lemma_.lower() in _DIRECTIONS:
        return True  # "west of Aleppo"
    return not common and prep == "of" and head.head.lemma_.lower() in PLACE_NOUNS


def _name_span(tok: Any) -> Any:
    """The proper-noun run a name head ends: its compounds and flat name parts ("Kafr Hamra")."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod") and (child.pos_ == "PROPN" or child.is_title) and child.i < left.i:
            left = child
    while left.i > 0 and left.nbor(-1).dep_ == "compound" and left.nbor(-1).pos_ in ("PROPN", "PUNCT"):
        left = left.nbor(-1)
    return tok.doc[left.i: tok.i + 1]


_CONTAINS = frozenset({",", "in", "of"})


def _within(text: str, found: list[tuple[int, int, str]], i: int) -> str | None:
    """The key of the next place when the words between say it contains this one: "Kafr Hamra in Aleppo
    province", "the Salah al-Din district of Aleppo", "Douma, Syria"; a country contains nothing here."""
    a, b, k = found[i]
    if i + 1 >= len(found) or kind(k) == "country":
        return None
    c, _, k2 = found[i + 1]
    between = re.findall(r"[\w-]+|,", text[b:c].lower())
    rest = [w for w in between if w not in PLACE_NOUNS and w not in _QUALIFIERS - _CONTAINS and w != "the"]
    if not rest or not set(rest) <= _CONTAINS or len(between) > 4 or k2 == k:
        return None
    if rest == [","] and not kind(k2):
        return None  # "Aleppo, Homs": a list, unless the second is a country or state
    return k2


def agents_named_as_places(frames: list[Any], doc: Any = None) -> list[Any]:
    """One article's event frames, where an agent the article names as a place in another frame ("the
    Tel Abyad attack" beside "in Tel Abyad") becomes that frame's place: a town attacks no one. A
    country or its seat stays an agent ("Russian strikes", "Damascus denied"), and so does the subject
    of a clause in ``doc`` (the article's parse): "Griego reloaded the rifles" is a person's act, though
    "calls between Griego and his girlfriend" was read as places."""
    from dataclasses import replace

    from claimcheck.sources.countries import country_code

    def subject(a: Any) -> bool:
        span = doc.char_span(a.span.start, a.span.end, alignment_mode="expand") if doc is not None else None
        return span is not None and span.root.dep_ == "nsubj"

    named = {fold(p.key) for f in frames if f is not None for p in f.places}
    out = []
    for f in frames:
        moved = [a for a in (f.agents if f is not None else ()) if fold(key(a.span.text)) in named
                 and kind(key(a.span.text)) is None and country_code(a.span.text) is None and not subject(a)]
        if not moved:
            out.append(f)
            continue
        have = {fold(p.key) for p in f.places}
        new = [Place(a.span.text, a.span.start, a.span.end, key(a.span.text)) for a in moved
               if fold(key(a.span.text)) not in have]
        out.append(replace(f, agents=tuple(a for a in f.agents if a not in moved), places=f.places + tuple(new)))
    return out
