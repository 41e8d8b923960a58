"""What surrounds a source in its mention, cut away: the end of a quotation before it, a wire
dateline, a date or time ("13 Jun 2016", "24.08.2013", "19:11"), framing words ("Earlier in the
day"), a report's words ("a new toll from"), how it spoke ("in a statement"), a relative clause
and a parenthesis. Pure text functions, used by :mod:`claimcheck.sources.names`.
"""

from __future__ import annotations

import re

_QUOTES = "\"'“”‘’«»"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
# A date or time opening a mention (a dateline the text lost its punctuation around): "13 Jun 2016",
# "Jul 2016", "Wed 05 Apr 2017", "24.08.2013", "19:11", "Posted on August 3 2016 by Jane Doe".
_LEADING_DATE = re.compile(
    rf"^(?:(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?!\d)|{_MONTH})(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?|(?:19|20)\d\d|{_WEEKDAY})\s+(?=\S)",
    flags=re.IGNORECASE)
# Framing words before the source that the text lost the comma after: "Earlier in the day a source ...".
_LEADING_CONTEXT = re.compile(
    r"^(?:earlier|later|meanwhile|separately|elsewhere|also|however|instead|again|then|now|today|yesterday"
    r"|on \w+|in (?:a|an|its|his|her|their) \w+(?: \w+)?|(?:earlier|later) (?:in|on) the \w+)\s+"
    r"(?=(?:the|a|an)\s)", flags=re.IGNORECASE)
_RELATIVE = re.compile(r"\s+(?:which|who|whose|that)\s+\w.*$", flags=re.IGNORECASE)


_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'’/-]+,[^()]{0,40}\([A-Z][\w .&'’-]{0,40}\)\s*(?:-{1,2}|–|—|:)\s+")


def source_extent(mention: str) -> tuple[int, int]:
    """Where the source phrase lies in a mention as cut from the parse, as offsets into it: without
    page furniture before it ("... Print Tweet Views 458 Related Lebanon"), the end of a quotation
    before it ('each other" Observatory head ...'), a wire dateline, a date
    or framing words ("Earlier in the day a source ...") and closing punctuation."""
    end = len(mention.rstrip(" ,;:" + _QUOTES))
    if re.search(r"(?<![.\w])[A-Za-z]{4,}\.$", mention[:end]):  # "Karen Bobadilla." (but "U.S.", "Jr.")
        end -= 1
    start = 0
    furniture = _furniture_end(mention[:end])  # "... Print Tweet Views 458 Related Lebanon": "Lebanon"
    if furniture:
        start = furniture
    quote = max((mention.rfind(q, 0, end) for q in "\"“”«»"), default=-1)
    if quote >= start and mention[quote + 1:end].strip():
        start = quote + 1
    for pattern in (_WIRE_DATELINE, re.compile(r"^posted\s+on\s+.*?\s+by\s+", re.I), _LEADING_DATE, _LEADING_CONTEXT):
        rest = mention[start:end]
        lead = len(rest) - len(rest.lstrip())
        m = pattern.match(rest[lead:])
        if m and rest[lead + m.end():].strip():
            start += lead + m.end()
    while start < end and mention[start] in " ,;:" + _QUOTES:
        start += 1
    return (start, end) if start < end else (0, len(mention))


# A web page's furniture the text ran into the sentence: share buttons, view counts, "Related" headlines,
# a "Tags" keyword list ("... 15 Aug 2014 Print Tweet Views 458 Related Lebanon", "Tags Idlib Russia Syria
# Anti-government activists"). Capitalised as on the page.
_FURNITURE = re.compile(r"(?:^|(?<=\s))(?:(?P<tags>Tags|Keywords|Topics)|Related(?:\s+(?:News|Articles|Posts|Stories|Topics"
                        r"|Content|Coverage))?|Print|Tweet|Share|Views\s+\d+)\s+(?=\S)")


def _after_furniture(name: str) -> str:
    """The words after the last piece of page furniture (see ``_furniture_end``); "" when a keyword
    list is all there is ("Tags Idlib Russia")."""
    end = _furniture_end(name)
    return "" if end is None else name[end:]


def _furniture_end(text: str) -> int | None:
    """Where the words after the last piece of page furniture begin: a "Related" headline's words
    (its subject is who speaks), or after a keyword list the lead sentence's words (from the last
    capitalised word before the first lower-case one); 0 when there is no furniture, None when a
    keyword list is all there is."""
    found = list(_FURNITURE.finditer(text))
    if not found:
        return 0
    last = found[-1]
    if not last.group("tags"):
        return last.end()
    lead = keyword_list_lead(text[last.end():])
    return None if lead is None else last.end() + lead


_LEAD_OPENERS = frozenset({"The", "A", "An"})


def keyword_list_lead(words_text: str) -> int | None:
    """Where the lead sentence begins in the words after a "Tags"-like keyword list: at the last
    capitalised word before the first lower-case one, or at a "The"/"A"/"An" among the four words
    before it ("Vel Harbin The Vel Port Authority said"); None when no capitalised word is followed
    by a lower-case one (the list is all there is)."""
    words = list(re.finditer(r"\S+", words_text))
    lower = next((k for k, w in enumerate(words) if w.group()[:1].islower()), None)
    if not lower:
        return None
    first = next((j for j in range(lower - 1, max(lower - 5, -1), -1) if words[j].group() in _LEAD_OPENERS), lower - 1)
    return words[first].start()


def _clean(text: str) -> str:
    """The mention without what surrounds the source: quotation ends, dates, framing words."""
    name = text.strip(_QUOTES + " ,.;:")
    if any(q in name for q in "\"“”«»"):  # 'each other" Observatory head X': the end of a quotation
        name = re.split(r"[\"“”«»]", name)[-1].strip(_QUOTES + " ,.;:") or name.strip(_QUOTES + " ,.;:")
    name = _after_furniture(name)
    name = re.sub(r"^posted\s+on\s+.*?\s+by\s+", "", name, flags=re.IGNORECASE)
    if ")" in name and "(" not in name:  # "Reuters) Western powers": a dateline's end
        name = name.rsplit(")", 1)[1].strip() or name
    # "a report by the Observatory", "a new toll from SOHR": the body whose report it is
    name = re.sub(r"^(?:(?:a|an|the)\s+)?(?:(?:new|latest|earlier|recent|annual|monthly|weekly|final|preliminary|"
                  + _MONTH + r")\s+)*(?:death\s+|news\s+|press\s+|probable\s+cause\s+)?(?:report|toll|statement|figures?|data"
                  r"|count|tally|appeal|message|video|footage|pictures|postings?|release)\s+(?:by|from|of)\s+"
                  r"(?=(?:the\s+)?[A-Z])", "", name, flags=re.IGNORECASE)
    # "a Defense Ministry statement", "the Kremlin communique": the body whose statement it is
    name = re.sub(r"^(?:(?:a|an|the|The|A|An)\s+)?(?P<org>(?!(?:The|A|An|This|That|Its|His|Her|Their|Our)\b)[A-Z][\w.'’-]*"
                  r"(?:\s+[A-Z][\w.'’-]*){0,4})\s+(?:statement|communique|communiqué|press\s+release)$", r"\g<org>", name)
    # "Shocking recent AFP images from the region", "Observatory figures": whose images or figures they are
    name = re.sub(r"^(?:[A-Z][a-z-]+\s+(?:[a-z][\w-]*\s+){1,3}|(?:[a-z][\w-]*\s+){0,3})"
                  r"(?P<org>(?!(?:The|A|An|This|That|These|Those|Another|Other|Some|New|Amateur)\b)[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})"
                  r"\s+(?:images|footage|pictures|photos|photographs|videos?|figures)(?:\s+(?:from|of|in|on)\s+.*)?$",
                  r"\g<org>", name)
    # "Aleppo A military source": a dateline's place, then the sentence's capitalised article
    name = re.sub(r"^(?:[A-Z][\w'’-]*\s+){1,3}(?=(?:The|A|An)\s+[a-zA-Z])", "", name)
    # "... Helicopter is Shot Down The President of ...": a headline the text ran into the sentence
    name = re.sub(r"^.*\s(?<!\bof\s)(?<!\bfor\s)(?<!\band\s)(?<!\bto\s)(?<!\bin\s)(?<!\bon\s)(?<!\bat\s)"
                  r"(?=The\s+[A-Za-z])", "", name)
    if name.count(" - ") >= 2:  # "Zarif Iran - Live News - Middle East - Top Tweet ...": the page's furniture
        name = name.rsplit(" - ", 1)[1]
    # "the UN childrens agency UNICEF on Tuesday": when it spoke
    name = re.sub(r"(?<=\w)\s+(?:on|last|this)\s+" + _WEEKDAY + r"$", "", name, flags=re.IGNORECASE)
    # "ISIS in a statement published on Twitter": how it spoke, not who
    name = re.sub(r"(?<=\w)\s+(?:in|on|via|through)\s+(?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|report"
                  r"|interview|video|message|post|posting|tweet|communique|speech|letter|broadcast|briefing|conference)\b.*$",
                  "", name, flags=re.IGNORECASE)
    for _ in range(2):
        name = _LEADING_DATE.sub("", name)
        name = _LEADING_CONTEXT.sub("", name)
    name = re.sub(r"(?<=\w)\s+[Bb]ased\b", "-based", name)  # "London Based" = "London-based"
    # "ISIS run Amaq", "DAESH affiliated news agency": the hyphen the text lost
    name = re.sub(r"\b([A-Z][\w.-]*|state)\s+(run|led|backed|linked|affiliated)(?=\s)", r"\1-\2", name)
    name = re.sub(r"\bUnited Kingdom-based\b", "UK-based", name)
    name = re.sub(r"[\s-]+(?:based|headquartered)\s+in\s+.*$", "", name)  # "... based in Britain"
    name = _RELATIVE.sub("", name) if len(name.split()) > 2 else name
    if "(" in name:  # "the Syrian Observatory for Human Rights (SOHR": the name, not its acronym
        name = name.split("(", 1)[0].strip() or name.replace("(", "").replace(")", "")
    # possessives anywhere ("state TV's correspondent"), but not inside a name ("People's Front")
    name = re.sub(r"(?<=\w)(?:'s|’s)(?=\s+[^A-Z\s]|$)", "", name)
    name = re.sub(r"(?<=s)['’](?=\s|$)", "", name)  # "the dockers' union", "the rebels'"
    return name.strip(_QUOTES + " ,.;:")
