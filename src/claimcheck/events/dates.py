"""An article's publication date: from its metadata, else from a date header in its text.

Metadata first: ``Article.published`` as the loader read it (JSON ``published``/``date`` fields,
HTML meta through trafilatura), normalised to an ISO date ("2026-03-14T18:30:00+03:00",
"Nov 17, 2016" -> "2026-03-14", "2016-11-17"). Else a header among the first lines of the text:
a line that is a date ("Nov 17, 2016", "17.11.2016", "Sunday 26 Jul 2015"), a stamp ("Published
17 November 2016", "Updated: 12 March 2026, 14:05"), a date and an outlet ("6 September 2016 SANA"),
or a date opening the body ("Wed 05 Apr 2017 Syria attack ...", the FA-KES layout). Else the
``default`` the caller gives (``--date``). Only dates with a year count: a header is never resolved
against another date.

A header line or a leading date at the start of the body is page furniture, not a claim: ``dated``
moves ``body_start`` past it. ``Article.date`` holds the normalised date; ``Article.published``
stays the metadata as given.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date

from claimcheck.records import Article

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?"
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (rf"(?:(?:{_WEEKDAY}),?\s+)?(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s*{_YEAR}|{_MONTH}\s+{_DAY},?\s*{_YEAR}|"
         rf"{_DAY}[./-](?:0?[1-9]|1[0-2])[./-]{_YEAR}|{_YEAR}-[01]\d-[0-3]\d|{_MONTH}\s*{_DAY}{_YEAR})")
_TIME = (r"(?:,?\s*(?:at\s+)?(?:\d{1,2}[:.]\d{2}|\d{4}(?=\s*(?:GMT|UTC)))(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*\(?(?:GMT|UTC|[A-Z]{2,4})(?:[+-]\d+)?\)?)?)?")
_STAMP_WORDS = r"(?:last\s+)?(?:published|posted|updated|modified|date\s+of\s+publication|date|dated)"
_STAMP = rf"(?:{_STAMP_WORDS}\s*(?:on|at|:)?\s*[:|-]?\s*)?"
# A date opening a line (the group "date"), with an optional stamp word before it and a time after it.
LEADING_DATE = re.compile(rf"^\s*{_STAMP}(?P<date>{_DATE}){_TIME}", re.IGNORECASE)
# A date after the title and credit on the first line ("Air raids kill 18 in Aleppo Monitor AFP
# Saturday 16 Jul 2016 Air raids on ..."): only with a weekday or a stamp word, early, before any full stop.
TITLED_DATE = re.compile(rf"(?:\b{_STAMP_WORDS}\s*(?:on|at|:)?\s*|\b(?={_WEEKDAY},?\s+\d))(?P<date>{_DATE}){_TIME}",
                         re.IGNORECASE)
TITLED_WITHIN = 250  # characters of the first line that may come before such a date
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
HEADER_LINES = 4  # a header date is looked for in the first lines of the text only
_OUTLET_TAIL = re.compile(r"^[\s|,–—-]*(?:[A-Z][\w.&'-]*\s*){0,3}[\s|]*$")  # "SANA", "| Reuters"


def normalise(value: str | None) -> str | None:
    """An ISO date from a metadata date string (any common format with a year), else None."""
    if not value or not value.strip():
        return None
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    value = re.sub(rf"({_MONTH})\s*({_DAY})({_YEAR})\b", r"\1 \2 \3", value, flags=re.IGNORECASE)  # "Apr 052017"
    if not re.search(r"\b(?:19|20)\d{2}\b|\d{1,2}[./]\d{1,2}[./]\d{2}\b", value):
        return None  # no year: "Saturday" in a date field says nothing on its own
    return _parse(value)


@functools.lru_cache(maxsize=2)
def _parser(dmy: bool):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DAY_OF_MONTH": "first", **({"DATE_ORDER": "DMY"} if dmy else {})}
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str) -> str | None:
    text = text[:100]
    try:
        # dotted and dashed day-month-year ("17.11.2016", "01-02-2015" in Al-Manar's headers), as outside the US
        found = _parser(re.search(r"\d{1,2}[.-]\d{1,2}[.-]\d{2,4}", text) is not None).get_date_data(text)
    except (ValueError, OverflowError, TypeError, KeyError):  # odd metadata is no date, never a failed run
        return None
    return found.date_obj.date().isoformat() if found and found.date_obj else None


def header_date(text: str, body_start: int = 0) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of a date header among the first ``HEADER_LINES`` non-blank lines, where
    (start, end) is what the header occupies: the whole line for a header line, the date (and its
    time and trailing space) for a date opening a line of body text. A title-and-credit date is read on
    the first line and on the body's first line (a title, then a body repeating it with "AFP Saturday
    2 Aug 2014 ...", as FA-KES's Ahram articles are laid out)."""
    seen = 0
    body_line = False
    for m in re.finditer(r"[^\r\n]+", text):
        line = m.group()
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_LINES:
            return None
        d = LEADING_DATE.match(line)
        first_of_body = body_start > 0 and not body_line and m.end() > body_start
        body_line = body_line or first_of_body
        if d is None and (seen == 1 or first_of_body):
            d = TITLED_DATE.search(line, 0, TITLED_WITHIN + 40)
            if d is not None and (d.start() > TITLED_WITHIN or re.search(r"[.!?]\s", line[:d.start()])):
                d = None
            if first_of_body:
                d = _after_title(line, text[:body_start].strip(), d)
        if d is None:
            continue
        iso = normalise(d.group("date"))
        if iso is None:
            continue
        rest = line[d.end():]
        if not rest.strip() or _OUTLET_TAIL.match(rest):
            return iso, m.start(), m.end()
        lead = len(rest) - len(rest.lstrip(" \t|,–—-:"))
        return iso, m.start(), m.start() + d.end() + lead
    return None


_CREDIT = re.compile(rf"[\s|,–—-]*(?:(?-i:[A-Z])[\w.&'-]*\s+){{0,3}}?(?P<date>{_DATE})", re.IGNORECASE)
TITLE_ECHO = 30  # characters of the title the body's first line must repeat for a date after it to count


def _after_title(line: str, title: str, found: "re.Match[str] | None") -> "re.Match[str] | None":
    """A date on the body's first line counts only after the title repeated ("Car bomb kills six in Homs
    NGO AFP Monday 17 Mar 2014 Six people ...", "10 civilians killed ... Deir Ezzor 6 September 2016
    SANA reporter said ..."): then even without a weekday, straight after the title and a credit."""
    echo = min(TITLE_ECHO, len(title))
    if not title or line[:echo].casefold() != title[:echo].casefold():
        return None  # "Rebels shelled the city on Saturday 2 Aug 2014" is news, not a header
    if line.casefold().startswith(title.casefold()):
        plain = _CREDIT.match(line, len(title))
        if plain is not None:
            return plain
    return found


def dated(article: Article, default: str | date | None = None) -> Article:
    """The article with ``date`` set (metadata, else a header, else ``default``) and ``body_start``
    moved past a header at the start of the body."""
    found = header_date(article.text, article.body_start)
    when = normalise(article.published) or (found[0] if found else None)
    if when is None and default is not None:
        when = default.isoformat() if isinstance(default, date) else normalise(default)
    body_start = article.body_start
    if found is not None:
        _, start, end = found
        if start <= body_start < end or start == _skip_space(article.text, body_start):
            body_start = _skip_space(article.text, end)
    if when == article.date and body_start == article.body_start:
        return article
    return replace(article, date=when, body_start=body_start)


def _skip_space(text: str, at: int) -> int:
    return at + len(text[at:]) - len(text[at:].lstrip())
