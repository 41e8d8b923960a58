"""When an event happened: time expressions resolved against the article's publication date.

``dateparser`` does the calendar work (relative base = the publication date, dates preferred from
the past, English only); this module only decides which words are a point in time and fixes what
news usage means where dateparser reads it otherwise:

- a weekday ("on Friday") is the most recent such day on or before publication; the publication's
  own weekday is that day itself ("said on Saturday" in Saturday's paper), "last Friday" a week back;
- "overnight" and "last night" are the night before publication (day precision, the day before);
- "last week", "this week", "this weekend", "the weekend": an interval with precision ``week``
  (never past the publication date);
- "17 November" is a day in the publication's year, or the year before when that would be later
  than the publication; "in March" a month likewise;
- a month of a year named by its relation to the publication's ("August last year", "in January
  of last year", "March this year", "15 August last year") is that month (or day) of that year;
  "last May" is the latest May before the publication's month, "this May" the publication year's;
- dotted dates are day first ("24.08.2013"); "Apr 052017" (day and year glued by a lossy copy) is
  read as "Apr 05 2017".

Durations ("two days of clashes", "five years"), vague spans ("recent days") and anything after the
publication date ("tomorrow", "next week": a plan, not an event) resolve to nothing: unknown stays
None, never guessed. Without a publication date only absolute dates (with a year) resolve.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from claimcheck.nlp import doc_text, ents_within
from claimcheck.records import TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_ABBR = {m[:3]: i for i, m in enumerate(MONTHS, start=1)} | {"sept": 9}
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY_WORD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"

# Words a time expression is made of; an entity is split into runs of them ("Sunday that Friday's").
_TIME_WORDS = set(WEEKDAYS) | set(MONTHS) | set(_MONTH_ABBR) | {
    "last", "this", "next", "past", "previous", "early", "earlier", "late", "later", "mid", "week", "weekend",
    "month", "year", "day", "night", "morning", "evening", "afternoon", "noon", "midnight", "dawn", "ago",
    "yesterday", "today", "tonight", "overnight", "of", "the", "on", "in", "at", "during", "since", "a",
    "st", "nd", "rd", "th", "beginning", "end", "start", "weekdays",
    "days", "weeks", "months", "years",  # "six months ago" is one expression (a bare duration resolves to nothing)
}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$")
_GLUED = re.compile(rf"\b({_MONTH_WORD})\s*(\d{{2}})(\d{{4}})\b", re.IGNORECASE)
_DURATION = re.compile(
    r"^(?:the\s+)?(?:(?:past|last|next|first|previous|coming)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|several|few|some|many|a\s+few|recent)\s+(?:days?|weeks?|months?|years?|"
    r"hours?|decades?|nights?)$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:on|in|at|during|since|by|from|of|as\s+of|the|early|late|earlier|mid)\b[\s-]*)+",
                   re.IGNORECASE)
_ANCHOR = re.compile(rf"\b(?:{_MONTH_WORD}|{_WEEKDAY_WORD}|yesterday|today|tonight|overnight|night|week|weekend|"
                     r"month|year|ago)\b|(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}[./]\d{1,2}[./]\d{2,4}", re.IGNORECASE)
# (a year is 19xx or 20xx: "Views 1662", "1407 injured" are counts, not times)
_AGE = re.compile(r"\d+[\s-]*(?:year|month|week|day)s?[\s-]*old|-year-|\bage[ds]?\b", re.IGNORECASE)  # "a 10-year-old"
_CLOCK = re.compile(r"^\d{4}\s*(?:gmt|utc|local|hrs|hours)\b|^\d{4}\)$")  # "2000 GMT" is 8 pm, not a year
_CLOCK_AFTER = re.compile(r"\s*(?:GMT|UTC|local time|hrs\b|[ap]\.?m\b)", re.IGNORECASE)
_PART_OF_DAY = re.compile(r"\s+(?:morning|evening|afternoon|night|noon|midnight|dawn)$", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _parser(base: date | None, dmy: bool) -> Any:
    """dateparser's parser for one publication date (building one costs more than a parse)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    if dmy:
        settings["DATE_ORDER"] = "DMY"
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, base: date | None, dmy: bool = False) -> tuple[date, str] | None:
    try:
        found = _parser(base, dmy).get_date_data(text[:100])
    except (ValueError, OverflowError, TypeError, KeyError):  # odd input is no date, never a failed run
        return None
    if found is None or found.date_obj is None:
        return None
    return found.date_obj.date(), found.period or "day"


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month(day: date) -> tuple[date, date]:
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _weekday_index(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for i, name in enumerate(WEEKDAYS):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return i
    return None


def clean(text: str) -> str:
    """The words of a time expression without possessives, lead-in prepositions and stray punctuation:
    "on Friday's" -> "Friday", "the 17th of November," -> "17th of November"."""
    text = re.sub(r"['’]s\b|(?<=s)['’]", "", text).strip(" ,;:.()\"'“”")
    text = re.sub(r"\s+", " ", text)
    return text


def resolve(text: str, published: date | str | None) -> tuple[str, str, str] | None:
    """``(date, until, precision)`` of a time expression (ISO dates, inclusive), resolved against the
    publication date; None when the words are no point in time or cannot be resolved without guessing."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    words = clean(text)
    low = words.lower()
    if not words or _DURATION.match(low) or not _ANCHOR.search(low) or _CLOCK.search(low):
        return None
    found = _special(low, published) or _month_of_year(low, published)
    if found is None:
        found = _parsed(words, published)
    if found is None:
        return None
    start, until, precision = found
    if start.year < 1900:
        return None  # "1100 pm": a clock time read as a year
    if published is not None:
        if start > published:
            return None  # later than the article: a plan or a forecast, not something that happened
        until = min(until, published)
    return start.isoformat(), until.isoformat(), precision


def _special(low: str, pub: date | None) -> tuple[date, date, str] | None:
    """The readings dateparser gets wrong or leaves out (see the module docstring)."""
    core = _LEAD.sub("", low).strip()
    if pub is None:
        return None
    if core in ("overnight", "last night", "overnight last night") or low == "overnight":
        day = pub - timedelta(days=1)
        return day, day, "day"
    core = _PART_OF_DAY.sub("", core)
    last = core.startswith("last ")
    wd = _weekday_index(core.removeprefix("last ").removeprefix("this ").removeprefix("past "))
    if wd is not None:
        back = (pub.weekday() - wd) % 7
        if last and back == 0:
            back = 7
        day = pub - timedelta(days=back)
        return day, day, "day"
    if core in ("weekend", "this weekend", "last weekend", "past weekend"):
        back = (pub.weekday() - 5) % 7  # days since the latest Saturday
        if core == "last weekend" and back <= 1:
            back += 7
        saturday = pub - timedelta(days=back)
        return saturday, saturday + timedelta(days=1), "week"
    if core in ("week", "this week", "last week", "past week", "previous week", "the past week", "this past week"):
        monday, sunday = _week(pub - timedelta(days=7) if core != "this week" and core != "week" else pub)
        return monday, sunday, "week"
    if core in ("month", "this month", "last month", "past month", "previous month"):
        day = pub if core in ("month", "this month") else pub.replace(day=1) - timedelta(days=1)
        return (*_month(day), "month")
    return None


_MONTH_BEFORE = re.compile(rf"(?:(last|this|past|previous)\s+)({_MONTH_WORD})")
_OF_YEAR = re.compile(r"(.+?),?\s+(?:of\s+)?(last|this|the\s+previous|previous|the\s+past|past)\s+year")


def _month_of_year(low: str, pub: date | None) -> tuple[date, date, str] | None:
    """A month named with the year it is in relative to the publication: "last May", "this March",
    "August last year", "(the 15th of) January of last year"."""
    if pub is None:
        return None
    core = _LEAD.sub("", low).strip()
    m = _MONTH_BEFORE.fullmatch(core)
    if m is not None:
        month = _MONTH_ABBR.get(m.group(2).rstrip(".")[:3])
        if month is None:
            return None
        year = pub.year if m.group(1) == "this" or month < pub.month else pub.year - 1
        return (*_month(date(year, month, 1)), "month")
    m = _OF_YEAR.fullmatch(core)
    if m is None or not any(_MONTH_ABBR.get(w.rstrip(".")[:3]) and re.fullmatch(_MONTH_WORD, w)
                            for w in re.split(r"[\s-]+", m.group(1))):
        return None  # "late last year", "earlier this year": a year is too coarse to place an event
    year = pub.year - (m.group(2) != "this")
    return _parsed(f"{m.group(1)} {year}", pub)


def _parsed(words: str, pub: date | None) -> tuple[date, date, str] | None:
    """dateparser's reading of the words, with the year rule for day-month dates."""
    words = _GLUED.sub(r"\1 \2 \3", words)
    words = re.sub(r"^(?:on|in|at|during|since|by|the|of)\s+", "", words, flags=re.IGNORECASE)
    words = re.sub(r"^(?:early|late|mid)[\s-]+", "", words, flags=re.IGNORECASE)
    has_year = re.search(r"\b\d{4}\b", words) is not None
    numeric = _NUMERIC_DATE.match(words)
    if pub is None and not (has_year or (numeric and len(numeric.group(3)) == 4)):
        return None  # a relative or year-less date needs the publication date
    got = _dateparser(words, pub, dmy=bool(numeric and "." in words))
    if got is None:
        return None
    day, period = got
    if period == "year":
        if not has_year:
            return None  # "this year", "last year": too coarse to place an event
        return day.replace(month=1, day=1), day.replace(month=12, day=31), "year"
    if period == "month":
        return (*_month(day), "month")
    if period == "week":
        return (*_week(day), "week")
    return day, day, "day"  # day, part_of_day, time


def time_refs(sent: "SpacySpan", published: date | str | None) -> list[TimeRef]:
    """Time expressions in a sentence (spaCy DATE and TIME entities, split into runs of time words, and
    "overnight"), each resolved against ``published``; resolvable or not, in text order."""
    refs: list[TimeRef] = []
    for ent in ents_within(sent):
        if ent.label_ not in ("DATE", "TIME") or _AGE.search(ent.text):
            continue
        for start, end in _runs(ent):
            text = doc_text(sent.doc)[start:end]
            if _CLOCK_AFTER.match(doc_text(sent.doc), end):
                continue  # "(2000 GMT)": a time of day
            got = resolve(text, published)
            if got is None and (not _ANCHOR.search(text) or _DURATION.match(clean(text).lower())
                                or _PART_OF_DAY.match(" " + clean(text))):
                continue  # no point in time, or a bare "night" the date next to it already gives
            refs.append(TimeRef(text, start, end, *(got or (None, None, None))))
    covered = [(r.start, r.end) for r in refs]
    for tok in sent:
        if any(a <= tok.idx < b for a, b in covered):
            continue
        word = tok.lower_
        if word.endswith("s") and word[:-1] in WEEKDAYS and tok.i + 1 < len(tok.doc) and tok.nbor(1).pos_ == "NOUN":
            word = word[:-1]  # "Mondays fighting": a possessive that lost its apostrophe
        if word == "overnight" or (word in WEEKDAYS and tok.pos_ == "PROPN"):  # what the tagger left out
            text = tok.text[:len(word)]
            got = resolve(text, published)
            refs.append(TimeRef(text, tok.idx, tok.idx + len(text), *(got or (None, None, None))))
    return sorted(refs, key=lambda r: r.start)


def _month_word(tok: Any) -> bool:
    return re.fullmatch(_MONTH_WORD, tok.lower_) is not None


def _runs(ent: "SpacySpan") -> list[tuple[int, int]]:
    """Character spans of the runs of time words in an entity, without possessives and lead-in words:
    "Sunday that Friday's" -> "Sunday", "Friday"."""
    runs: list[list] = []
    current: list = []
    for tok in ent:
        word = tok.lower_.strip(".")
        is_time = word in _TIME_WORDS or tok.like_num or re.fullmatch(
            rf"{_MONTH_WORD}|{_WEEKDAY_WORD}|\d+(?:st|nd|rd|th)|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|[\d-]+", word) is not None
        if tok.tag_ == "POS" or tok.lower_ in ("'s", "’s"):
            is_time = False
        if is_time:
            current.append(tok)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    spans = []
    for run in runs:
        while run and run[0].lower_ in ("of", "the", "on", "in", "at", "a", "during", "since"):
            run = run[1:]
        while run and run[-1].lower_ in ("of", "the", "on", "in", "at", "a"):
            run = run[:-1]
        if len(run) > 1 and run[-1].like_num and len(run[-1].text) <= 2 and not _month_word(run[-2]):
            run = run[:-1]  # "On Sunday 11 civilians were killed": the 11 counts people
        if run:
            spans.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return spans
