"""How an article's text is laid out in lines, as the loader and the extractor read it: page
furniture that no source asserts (boilerplate, bylines, photo and reporting credits, timestamps),
the title line, and a wire dateline opening the body ("SABRAN, Qadira (Meridian Press) - ").

Boilerplate stays in the text so offsets hold; ``boilerplate_spans`` tells the extractor which
stretches to skip. The rules are stated in :mod:`claimcheck.load`, which re-exports these helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimcheck.nlp import DATELINE_RE

# --------------------------------------------------------------------------------------------------
# Boilerplate


_BOILERPLATE_WORDS = r"""
    advertisements? | advertisement\s+feature | ad | ads | sponsored(\s+content)? | promoted
  | share | shares | share\s+(this|the)(\s+(article|story|page|post|video))? | share\s+on\s+\w+ | tweet
  | e-?mail | print | copy\s+link | save | comments?
  | read\s+more | read\s+more\s*:.* | continue\s+reading | see\s+also\s*:.* | related(\s+(articles?|stories|content|topics|coverage))?(\s*:.*)?
  | most\s+(read|popular|viewed) | recommended | trending | top\s+stories | more\s+on\s+this\s+(story|topic) | you\s+may\s+also\s+like
  | subscribe(\s+(now|today|to\s+.*))? | sign\s+up(\s+(now|for\s+.*|to\s+.*))? | newsletter | log\s*in | sign\s+in | register
  | follow\s+us(\s+on\s+.*)? | follow\s+@\w+ | like\s+us\s+on\s+\w+ | join\s+us\s+on\s+\w+
  | skip\s+to\s+(main\s+)?content | listen\s+to\s+this\s+article | click\s+here.* | back\s+to\s+top
  | all\s+rights\s+reserved\.? | ©.* | \(c\)\s.* | copyright\s+(©\s*)?\d{4}.* | .*\ball\s+rights\s+reserved\.?
"""
_BOILERPLATE_RE = re.compile(rf"^(?:{_BOILERPLATE_WORDS})[\s.:!|>»›-]*$", re.IGNORECASE | re.VERBOSE)

# "Photo: ...", "Photograph by ...", "(Photo: ...)", "Video: ..."; "FILE PHOTO: ..." caption lines.
_CREDIT_RE = re.compile(
    r"^\(?\s*(?:file\s+)?(?:photo(?:graph)?s?|image|picture|video|caption|credit|illustration)"
    r"(?:\s+(?:by|credit|courtesy(?:\s+of)?))?\s*[:|/–—-]\s*\S.*$|"
    r"^\(?\s*(?:photo(?:graph)?|image|picture)\s+(?:by|courtesy\s+of)\s+\S.*$",
    re.IGNORECASE,
)
# "(Reporting by ...; Editing by ...)", "Additional reporting by ...", "Writing by ..."
_CREDIT_ROLE = r"(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|edited|written|graphics)\s+by\b"
_REPORTING_RE = re.compile(rf"^\(?\s*{_CREDIT_ROLE}.*$", re.IGNORECASE)
_TRAILING_CREDIT_RE = re.compile(rf"\(\s*{_CREDIT_ROLE}[^()]*\)\s*$", re.IGNORECASE)
# "Updated: 12 March 2026, 14:05", "Published 3 hours ago": timestamps, short and with a digit.
_STAMP_RE = re.compile(r"^(?:last\s+)?(?:updated|published|posted|modified)\b[^.!?]{0,60}\d[^.!?]{0,40}$", re.IGNORECASE)

# Bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE in Beirut | Staff Reporter".
_BYLINE_HEAD = re.compile(r"^(?:by|words\s+by|written\s+by)\s+(?=\S)", re.IGNORECASE)
_BYLINE_JOINERS = frozenset("and in de da van von der bin ibn with for the of".split())
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|(?:al|el)-[\w'’-]+)$")


def _is_byline(s: str) -> bool:
    """"By" followed by capitalised names and joiners only: "By Saturday, the army..." is not one."""
    head = _BYLINE_HEAD.match(s)
    if not head or re.search(r"\d", s):
        return False
    tokens = [t.strip(".") for t in re.split(r"[\s,&|/]+", s[head.end():])]
    tokens = [t for t in tokens if t]
    if not tokens or not _NAME_TOKEN.match(tokens[0]):
        return False
    return all(_NAME_TOKEN.match(t) or t in _BYLINE_JOINERS for t in tokens)


def is_boilerplate_line(line: str) -> bool:
    """True for a whole line of page furniture that no source asserts: "Advertisement", "Share this
    article", "Read more: ...", "Subscribe", "Follow us on X", bylines ("By Jane Doe and John Roe,
    Reuters"), photo credits, "(Reporting by ...; Editing by ...)", copyright and timestamp lines."""
    s = line.strip().strip("*_#>").strip()
    if not s:
        return False
    if _CREDIT_RE.match(s) or (_REPORTING_RE.match(s) and (s.startswith("(") or len(s) <= 120)):
        return True  # captions and parenthesised credits may be long
    if len(s) > 120:
        return False
    if _BOILERPLATE_RE.match(s) or _STAMP_RE.match(s):
        return True
    return _is_byline(s)


# A sentence that talks to the reader about the site itself ("Whenever X posts new content, you'll get an
# email delivered to your inbox", "Please enable JavaScript to watch this video", "If you are a current
# subscriber, please log in"): scraped page furniture inside the body, asserted by no source.
_TO_READER = re.compile(r"\b(?:you|your|you'll|you're|please)\b", re.IGNORECASE)
_SITE_WORDS = re.compile(
    r"\b(?:newsletters?|inbox|subscriptions?|verification (?:e-?mail|message|link)|log ?in|sign(?:ed|ing)? (?:up|in)\b|"
    r"registering|activate your|javascript|(?-i:Flash)|notification\b|e-?mail (?:address|alerts?)|cookies|"
    r"\[website\]|ad block|click (?:here|the link|on the link|on the button)|spam or junk)", re.IGNORECASE)


def addresses_reader_about_site(sentence: str) -> bool:
    """Is the sentence page furniture addressed to the reader about the site (newsletters, log-ins,
    JavaScript, Flash, notifications)? A news sentence rarely names both the reader and such a thing
    ("browser" and "app store" are left out: tech news tells of "your browser" as a fact)."""
    return bool(_TO_READER.search(sentence) and _SITE_WORDS.search(sentence))


def _iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line without its terminator; terminators are \\n, \\r\\n and \\r only."""
    start = 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Sorted (start, end) offsets of boilerplate in ``text``: whole lines (without their line break)
    judged by ``is_boilerplate_line``, and a reporting credit in parentheses closing a line. Leading
    and trailing spaces of a line are left out. A sentence inside a span is not a claim; one that
    merely starts in a span (no blank line after "Share") should be trimmed, not dropped."""
    spans = []
    for start, end in _iter_lines(text):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        if is_boilerplate_line(line):
            spans.append((start + lead, start + lead + len(stripped)))
            continue
        m = _TRAILING_CREDIT_RE.search(line)
        if m:
            spans.append((start + m.start(), start + len(line.rstrip())))
    return spans


# Furniture inside a sentence: a page that lost its line breaks runs a photo credit or a share
# widget into the next sentence ("(Reuters Photo) Airstrikes hit ...", "(TRT World and Agencies)
# Syrian ...", "28.04.2017Get short URL 1195 Over 100 ...", "(AFP) Contrasting figures ..."). Its
# words are no one's claim, and its numbers would read as tolls.
_CREDIT_WORD = r"(?:[Pp]hotos?|PHOTO|[Aa]gencies|[Ii]mage|[Ff]ile)"
_CAP = r"[A-Z][\w.&'’-]*"
_LEADING_FURNITURE = re.compile(
    rf"(?:\(?(?:{_CAP}\s+(?:and\s+)?){{0,4}}{_CREDIT_WORD}\)"  # "(Reuters Photo)", "TRT World and Agencies)"
    rf"|\({_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}}\)(?=\s+[A-Z\"“])"  # "(AFP) Contrasting ...": a bare credit
    r"|(?:\(?updated[^()]{0,40}\)|[^A-Za-z\n])*?\s*(?:Get\s+)?short\s+URL(?:\s+\d+\b)*"  # Sputnik's share widget
    r"|(?:Image|Photo|Picture|Slide)\s+\d+\s+of\s+\d+\b)"  # a gallery's counter: "Image 4 of 10 Police investigate ..."
    r"\s*"
)
_CAPTION_CREDIT = re.compile(rf"\((?:{_CAP}\s+(?:and\s+)?){{0,4}}{_CREDIT_WORD}\)\s+(?=[A-Z\"“])")
_TRAILING_FURNITURE = re.compile(
    rf"\s*(?:\((?:{_CAP}\s+){{0,4}}{_CREDIT_WORD}\)?|\({_CAP}(?:\s+{_CAP}){{0,3}})$"  # "(Reuters Photo)", "(Reuters"
)


def inline_furniture_end(text: str, start: int, end: int) -> int:
    """Where a sentence's own words begin after the photo credits and share widgets at ``start``, or
    after a caption and its credit the parse ran into it ("Smoke over Idlib (AFP Photo) Strikes hit
    ..."); ``start`` when there are none. A credit that is all the sentence holds is left as written."""
    at = start
    for m in _CAPTION_CREDIT.finditer(text, start, end):  # a caption and its credit before the sentence
        if re.search(r"[A-Za-z]", text[m.end():end]):
            at = m.end()
    while (m := _LEADING_FURNITURE.match(text, at, end)) and m.end() > at:
        if not re.search(r"[A-Za-z]", text[m.end():end]):
            break
        at = m.end()
    return at


def trailing_furniture_start(text: str, start: int, end: int) -> int:
    """Where a photo credit ending a sentence begins ("... near Aleppo (Reuters Photo)", an unclosed
    "(Reuters" the next line's credit was cut from); ``end`` when there is none."""
    m = _TRAILING_FURNITURE.search(text, start, end)
    return m.start() if m and re.search(r"[A-Za-z]", text[start:m.start()]) else end


# --------------------------------------------------------------------------------------------------
# Titles and datelines


_CLOSING_PUNCT = re.compile(r"[.,;:\u2013\u2014-][\"'”’)\]]*$")


def _looks_like_headline(line: str) -> bool:
    """Headlines are short or Title Cased and do not close with a full stop; a lede standing alone as
    a paragraph ("The box was found in 1795.", or a 20-word summary line) is body text."""
    words = line.split()
    if not words or len(line) > 200 or _CLOSING_PUNCT.search(line):
        return False
    long_words = [w for w in words if len(w.strip("\"'“”‘’(")) > 3]
    title_case = bool(long_words) and sum(w.strip("\"'“”‘’(")[:1].isupper() for w in long_words) >= 0.8 * len(long_words)
    return len(words) <= 15 or (title_case and len(words) <= 25)


_HEADING_MARKS = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")


def split_title(text: str) -> tuple[str | None, int]:
    """(title, body_start) of plain text, by the rule in the module docstring."""
    lines = list(_iter_lines(text))
    i = 0
    while i < len(lines) and (not text[slice(*lines[i])].strip() or is_boilerplate_line(text[slice(*lines[i])])):
        i += 1
    if i + 1 >= len(lines) or text[slice(*lines[i + 1])].strip():
        return None, 0  # no line, or no blank line after it
    raw = text[slice(*lines[i])].strip()
    title = _HEADING_MARKS.sub("", raw).strip()
    if not _looks_like_headline(title):
        return None, 0
    j = i + 1
    while j < len(lines) and not text[slice(*lines[j])].strip():
        j += 1
    if j >= len(lines):
        return None, 0  # a title with no body is just a short text
    body_start = lines[j][0]
    return title, body_start + len(text[body_start:]) - len(text[body_start:].lstrip())


def without_title_repeat(title: str | None, body: str) -> str:
    """``body`` without a first paragraph that repeats ``title`` (feeds and scrapers often put the
    headline at the top of the body too; kept, it would be read twice)."""
    if not title:
        return body
    first, _, rest = body.lstrip().partition("\n")
    return rest.lstrip() if " ".join(first.split()) == title else body


def dateline_span(text: str, start: int = 0) -> tuple[int, int] | None:
    """(start, end) of a wire dateline opening the first non-boilerplate line at or after ``start``,
    "SABRAN, Qadira (Meridian Press) - " included; the sentence after it is the lede, so an
    extractor should trim this prefix rather than skip the sentence."""
    for line_start, line_end in _iter_lines(text):
        if line_end <= start:
            continue
        line_start = max(line_start, start)
        line = text[line_start:line_end]
        if not line.strip() or is_boilerplate_line(line):
            continue
        lead = len(line) - len(line.lstrip())
        m = DATELINE_RE.match(line, lead)
        return (line_start + lead, line_start + m.end()) if m else None
    return None


def dateline_outlet(text: str, start: int = 0) -> str | None:
    """The agency named in the dateline found by ``dateline_span``: "(Meridian Press)" -> "Meridian Press"."""
    span = dateline_span(text, start)
    if span is None:
        return None
    agency = DATELINE_RE.match(text[span[0]:span[1]]).group(1)
    return agency.strip() if agency else None  # "CHICAGO — " names no agency
