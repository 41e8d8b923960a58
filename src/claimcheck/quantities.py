"""Counts in claim text: "some 20 people", "between 10 and 15 soldiers", "dozens of fighters".

Regular expressions over the text (no model needed), so numbers can be compared across claims.
Years, dates, times and ordinals are not counts. ``counted`` is the counted noun's lemma; when a
parsed spaCy ``doc`` covering the text is given, the noun comes from the parse (``nummod`` head),
otherwise from a light heuristic on the following words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from claimcheck.records import Quantity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "dozen": 12}
# Vague plurals: value is the smallest reading ("dozens" = at least 24), always approximate.
_VAGUE = {"tens": 20, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
          "tens of thousands": 20_000, "hundreds of thousands": 200_000, "millions": 2_000_000,
          "billions": 2_000_000_000}

_WORD = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
_WORDNUM = rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))?)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion|dozen)|\s*(?:m|bn|k)\b)"
_NUM = rf"(?:\$|£|€)?(?:{_DIGITS}|{_WORDNUM}|a|an)(?:{_SCALE})*"

_LOWER = r"at least|more than|over|upwards of|in excess of|no fewer than|no less than|as many as|up to"
_APPROX = (r"some|about|around|almost|nearly|approximately|roughly|an estimated|estimated|close to|"
           r"just over|just under|just above|nearly|about|circa|c\.|more or less|perhaps|possibly")
_UPPER = r"fewer than|less than|under|at most|no more than|up to|as many as|below|not more than|within"
_PREFIX = rf"(?P<pre>{_LOWER}|{_UPPER}|{_APPROX})\s+"

_RANGE = re.compile(
    rf"\b(?:between\s+(?P<a>{_NUM})\s+and\s+(?P<b>{_NUM})|from\s+(?P<c>{_NUM})\s+to\s+(?P<d>{_NUM})|"
    rf"(?P<e>{_DIGITS})\s*(?:-|–|to)\s*(?P<f>{_DIGITS}))(?!\d)",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(
    r"\b(?:(?P<vpre>some|about|around|almost|nearly|at least|more than|over)\s+)?"
    r"(?P<vague>tens of thousands|hundreds of thousands|tens|dozens|scores|hundreds|thousands|millions|billions)"
    r"(?:\s+of\b|(?=\s*[.,;:!?]|\s*$))",  # "dozens of fighters", "... killed dozens."
    re.IGNORECASE,
)
_SINGLE = re.compile(rf"(?<![\w.,\-–/])(?<!\d:)(?:{_PREFIX})?(?P<num>{_NUM})(?![\w]|[.,/]\d|[-–]\d)", re.IGNORECASE)

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.IGNORECASE)
_MONTH_DAY_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*$", re.IGNORECASE)
# the first of two ages sharing one "-year-old": "her 6- and 12-year-old children"
_SHARED_AGE_AFTER = re.compile(r"[-–]?\s*(?:and|or|to)\s+\d+\s*[-–]\s*(?:year|yr|month)s?[- ]old", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^\s*(?::\d|a\.?m\b|p\.?m\b|o'clock|GMT|UTC|hrs\b|st\b|nd\b|rd\b|th\b)", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|of|by|until|till|from|during|before|after|early|late|mid|year)\s*-?\s*$",
                          re.IGNORECASE)
_STOP = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "were",
    "was", "are", "is", "be", "been", "had", "have", "has", "who", "which", "that", "this", "these", "those",
    "during", "after", "before", "since", "over", "under", "into", "than", "as", "per", "each", "would",
    "will", "could", "can", "may", "might", "should", "did", "do", "does", "not", "also", "more", "less",
    "they", "their", "them", "it", "its", "he", "she", "his", "her", "we", "our", "you", "i", "another",
    "other", "others", "so", "if", "while", "when", "where", "there", "here", "all", "about", "up", "out",
    "outside", "inside", "near", "beyond", "across", "through", "toward", "towards", "along", "around",
    "behind", "between", "within", "without", "against", "off", "away", "north", "south", "east", "west",
}
_IRREGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child", "police": "police",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "personnel": "personnel", "troops": "troop",
              "lives": "life", "wives": "wife", "news": "news", "series": "series", "species": "species",
              "percent": "percent", "buses": "bus", "gases": "gas", "crises": "crisis", "analyses": "analysis",
              "houses": "house", "cases": "case", "bases": "base", "vehicles": "vehicle", "%": "percent", "$": "dollar", "£": "pound", "€": "euro"}


def extract_quantities(text: str, start: int = 0, doc: "Doc | None" = None) -> tuple[Quantity, ...]:
    """Counts in ``text``; spans are shifted by ``start`` (the text's offset in its article).

    ``doc``, when given, must be the parse of the article ``text`` is a slice of (so that
    ``doc.char_span(start + i, ...)`` finds the number's tokens); it only refines ``counted``.
    """
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _RANGE.finditer(text):
        groups = [g for g in ("a", "b", "c", "d", "e", "f") if m.group(g)]
        lo, hi = (_parse_number(m.group(g)) for g in groups[:2])
        if lo is None or hi is None or hi <= lo:
            continue
        if groups[0] == "e" and (_is_year(lo) and _is_year(hi) or _date_like(text, m.start(), m.end())):
            continue
        counted = _counted_after(text, m.end(), start, doc)
        if groups[0] == "e" and counted is None:
            continue  # "3-2" scores and ids are not counts
        found.append(Quantity((lo + hi) / 2, True, counted, _span(text, m.start(), m.end(), start), lo, hi))
        taken.append((m.start(), m.end()))

    for m in _VAGUE_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        value = float(_VAGUE[m.group("vague").lower()])
        counted = _counted_after(text, m.end(), start, doc) if text[m.end("vague"):m.end()].strip() else None
        found.append(Quantity(value, True, counted, _span(text, m.start(), m.end("vague"), start), low=value))
        taken.append((m.start(), m.end()))

    for m in _SINGLE.finditer(text):
        a, b = m.start(), m.end()
        if not free(a, b):
            continue
        raw = m.group("num")
        if raw.lower() in ("a", "an"):
            continue  # only meaningful with a scale word ("a million"), handled below
        value = _parse_number(raw)
        if value is None:
            continue
        if _not_a_count(text, m.start("num"), b, raw, value):
            continue
        pre = (m.group("pre") or "").lower()
        counted = _counted_after(text, b, start, doc) or _currency(raw)
        if counted is None and toll_before(text, m.start("num")):
            counted = "people"  # "the death toll rose to 22", "put the toll at 22": people killed
        if counted is None and (_HIT_BEFORE.search(text[:m.start()]) or _HARM_OF_BEFORE.search(text[:m.start()])):
            counted = "people"  # "injured another ten", "the death of eight": the people it befell
        if counted is None and BEFELL_AFTER.match(text, b) and not _NO_ONE.search(text, 0, m.start("num")):
            counted = "people"  # "three were killed", "Five killed in shelling": the people it befell
        if raw.lower() == "one" and (counted is None or re.match(r"\s+of\b", text[b:])):
            continue  # "one of them", "no one": a pronoun, not a count
        if counted is None and (not re.search(r"\d", raw) or re.search(r"\bat\s*$", text[:m.start("num")])):
            continue  # "ended at nine", "at 9": a time; a bare number word counts nothing we can name
        low = high = None
        if pre and re.fullmatch(_LOWER, pre) and pre not in ("as many as", "up to"):
            low = value
        elif pre and re.fullmatch(_UPPER, pre):
            high = value
        approximate = bool(pre)
        found.append(Quantity(float(value), approximate, counted, _span(text, a, b, start), low, high))
        taken.append((a, b))

    for m in re.finditer(r"\b(?P<a>a|an|one)\s+(?P<s>hundred|thousand|million|billion|dozen)\b", text, re.IGNORECASE):
        if free(m.start(), m.end()):
            value = float(_SCALES[m.group("s").lower()])
            found.append(Quantity(value, False, _counted_after(text, m.end(), start, doc),
                                  _span(text, m.start(), m.end(), start)))
            taken.append((m.start(), m.end()))

    found.sort(key=lambda q: (q.span.start, q.span.end))
    return tuple(_partitives(found))


def _partitives(found: list[Quantity]) -> list[Quantity]:
    """A part counts what its whole counts: in "five of the six hospitalized victims" the "five" are
    victims, not "six" (the word after "of the" that the counted-noun reading took)."""
    out = list(found)
    for k, q in enumerate(out):
        if q.counted is not None and _parse_number(q.counted) is not None:
            whole = out[k + 1] if k + 1 < len(out) else None
            near = whole is not None and whole.span.start - q.span.end <= 12
            out[k] = replace(q, counted=whole.counted if near else None)
    return out


# what befell the people a bare number counts, right after it ("three were killed", "two died")
_NO_ONE = re.compile(r"\b(?:no|any|every|each|some|the|that|this)\s*$", re.I)  # "no one was hurt": nobody
BEFELL_AFTER = re.compile(r"\s+(?:(?:were|was|have|had|has|are|been|reportedly|also)\s+){0,3}"
                          r"(?:killed|died|dead|wounded|injured|hurt|martyred)\b", re.I)
# A verb of what befell people right before a bare number: the number counts those people.
_HIT_BEFORE = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|wounds|injured|injuring|injures)\s+"
                         r"(?:another\s+|a further\s+|an additional\s+)?$", re.IGNORECASE)
# ... or a noun of it: "leading to the death of eight and the injury of 89"
_HARM_OF_BEFORE = re.compile(r"\b(?:deaths?|killing|martyrdom|injur(?:y|ies)|wounding)\s+of\s+$", re.IGNORECASE)
_TOLL_BEFORE = re.compile(r"\btoll\b[^.;:]{0,80}$", re.IGNORECASE)


def toll_before(text: str, at: int) -> bool:
    """Does a (death) toll govern the number at ``at``, earlier in its clause?"""
    return _TOLL_BEFORE.search(text[:at]) is not None


def _span(text: str, a: int, b: int, start: int) -> Span:
    return Span(start + a, start + b, text[a:b])


def _parse_number(raw: str) -> float | None:
    s = raw.strip().lower().replace("$", "").replace("£", "").replace("€", "")
    parts = re.split(r"\s+", s)
    value: float | None = None
    for part in parts:
        scale = {"m": 1e6, "bn": 1e9, "k": 1e3}.get(part) or _SCALES.get(part)
        m = re.fullmatch(rf"({_DIGITS})(m|bn|k)?", part)
        if m:
            value = float(m.group(1).replace(",", ""))
            if m.group(2):
                value *= {"m": 1e6, "bn": 1e9, "k": 1e3}[m.group(2)]
        elif scale:
            value = (value if value is not None else 1.0) * scale
        elif part in ("a", "an"):
            value = 1.0
        else:
            words = re.split(r"-", part)
            total = 0
            for w in words:
                if w in _UNITS:
                    total += _UNITS[w]
                elif w in _TENS:
                    total += _TENS[w]
                else:
                    return None
            value = (value or 0) + total
    return value


def _is_year(v: float) -> bool:
    return v == int(v) and 1800 <= v <= 2100


def _date_like(text: str, a: int, b: int) -> bool:
    return bool(_MONTH_BEFORE.search(text[max(0, a - 12):a]) or _MONTH_AFTER.match(text[b:b + 12]))


def _not_a_count(text: str, a: int, b: int, raw: str, value: float) -> bool:
    after = text[b:b + 12]
    before = text[max(0, a - 16):a]
    if _TIME_AFTER.match(after) or _date_like(text, a, b):
        return True
    if re.match(r"\s*(?:year|yr)s?[- ]old", after):
        return False
    if _SHARED_AGE_AFTER.match(text, b):
        return True
    plain = re.fullmatch(r"\d{4}", raw) is not None
    if plain and _is_year(value):
        if _MONTH_DAY_BEFORE.search(text[max(0, a - 20):a]):
            return True  # "February 21, 2014 Business Robberies"; but "on March 5, 12 civilians" counts
        nxt = _next_words(text, b, 1)
        plural_noun = bool(nxt) and (nxt[0].endswith("s") or nxt[0] in _IRREGULAR) and nxt[0] not in _STOP
        if _YEAR_BEFORE.search(before) or not plural_noun:
            return True
    if re.search(r"(?:No\.|number|#|page|route|article|section|chapter|flight|room|Resolution|Interstate|"
                 r"Highway|Apartment|Apt\.|Suite|Unit|Lot)\s*$", before, re.IGNORECASE):
        return True
    return _ADDRESS_AFTER.match(text, b) is not None


# A number that is a street address: "the 300 block of", "1420 North Elm Street", "52 W. 8th Ave".
_STREET = (r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|"
           r"Parkway|Pkwy|Circle|Cir|Terrace|Ter|Trail|Pike|Square|Sq")
_ADDRESS_AFTER = re.compile(
    rf"(?:\s+block\b|(?:\s+(?:[NSEW]\.?|North|South|East|West))?(?:\s+(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th))\.?){{1,3}}"
    rf"\s+(?:{_STREET})\b\.?)")


def _next_words(text: str, b: int, n: int) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z%][\w'%-]*|[%]", text[b:b + 60])[:n]]


_CURRENCY_SYMBOLS = {"$": "dollar", "£": "pound", "€": "euro"}
CURRENCIES = frozenset(_CURRENCY_SYMBOLS.values()) | {"usd", "eur", "gbp"}  # counted nouns that are money


def _currency(raw: str) -> str | None:
    return _CURRENCY_SYMBOLS.get(raw[:1])


def is_money(q: Quantity) -> bool:
    """An amount of money: "$2.5 million", "40 dollars"."""
    return _currency(q.span.text.lstrip()) is not None or (q.counted or "") in CURRENCIES


def lemma(word: str) -> str:
    """A plain singular for a counted noun ("attacks" -> "attack"; "people" stays)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and re.search(r"(?:ss|x|ch|sh|zz)es$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _counted_after(text: str, b: int, start: int, doc: Any) -> str | None:
    if doc is not None:
        noun = _counted_from_doc(doc, start + b)
        if noun is not None:
            return noun
    rest = text[b:b + 60]
    if re.match(r"\s*(?:%|per\s*cent|percent)", rest, re.IGNORECASE):
        return "percent"
    m = re.match(r"\s*(?:of\s+(?:(?:the|their|its|our|his|her|my|your|these|those)\s+)?)?"
                 r"((?:[A-Za-z][\w'-]*\s+){0,2}[A-Za-z][\w'-]*)", rest)
    if not m:
        return None
    head = None
    for w in m.group(1).split():
        lw = w.lower().strip("'")
        if lw in _STOP or lw.endswith(("ed", "ing", "ly")):
            break
        head = lw
        if lw.endswith("s") or lw in _IRREGULAR:
            break  # a plural noun ends the counted phrase: "12 Syrian soldiers"
    return lemma(head) if head else None


def _counted_from_doc(doc: Any, char: int) -> str | None:
    """The noun a number token modifies (spaCy ``nummod``/``quantmod`` chain), as a lemma."""
    at = bisect.bisect_left(doc, char, key=lambda t: t.idx)  # the first token at or after ``char``
    if at == len(doc):
        return None
    tok = doc[at]
    # ``char`` is just after the number: look at the token ending there.
    num = None
    for t in doc[max(0, tok.i - 3):tok.i + 1]:
        if t.idx < char <= t.idx + len(t.text):
            num = t
    if num is None:
        return None
    head = num
    for _ in range(3):
        if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i != head.i:
            head = head.head
        else:
            break
    if head is num or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.lower_ in _IRREGULAR:
        return _IRREGULAR[head.lower_]
    return head.lemma_.lower()
