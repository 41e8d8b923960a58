"""Names one organisation goes by that no spelling, acronym or tail rule links ("White Helmets" is
the Syrian Civil Defence; "Daesh" is the Islamic State), and the aliases an article states itself
("the Syrian Civil Defence, better known as the White Helmets"; "the Civil Defence or White Helmets").

``KNOWN`` is deliberately small: organisations that news on the wars in Syria and Iraq name under
unrelated names. Names are compared as :func:`claimcheck.sources.merge` compares them (case,
"Defence"/"Defense"), so each set lists one spelling. A camps file that names one member of a set
covers the others (README, Camps).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

KNOWN: tuple[tuple[str, ...], ...] = (
    ("Islamic State", "Islamic State group", "ISIS", "ISIL", "IS", "Daesh", "Daish", "Islamic State of Iraq and the Levant",
     "Islamic State in Iraq and the Levant", "Islamic State of Iraq and Syria", "Islamic State in Iraq and Syria"),
    ("White Helmets", "Syrian Civil Defence", "Syria Civil Defence"),
    ("Nusra Front", "al-Nusra Front", "Al-Nusra", "Jabhat al-Nusra", "Nusra"),
    ("Hayat Tahrir al-Sham", "Tahrir al-Sham", "HTS"),
    ("People's Protection Units", "Peoples Protection Units", "YPG"),
    ("UNICEF", "United Nations Children's Fund", "UN Children's Fund", "UN Childrens Fund", "United Nations Childrens Fund",
     "United Nations International Childrens Emergency Fund", "United Nations International Children's Emergency Fund"),
    ("Hezbollah", "Hizbollah", "Hizballah", "Hezballah", "Hizbullah"),
    ("Jaish al-Islam", "Jaysh al-Islam", "Army of Islam", "Islam Army"),
    # Syria's state broadcaster, which wire copy calls "Syrian television" (the opposition's channel is "Syria TV")
    ("Syrian state television", "Syrian television", "Syrian state TV", "Syrian TV", "Syrian official television"),
    ("Syrian National Coalition", "National Coalition for Syrian Revolutionary and Opposition Forces",
     "National Coalition for Syrian Revolution and Opposition Forces", "National Coalition of Syrian Revolution and Opposition Forces"),
)

_NAME = r"(?:[A-Z][\w'’.-]*|al-\w+|of|the|for|and|in)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|of|the|for|and|in)){0,7}"
# "X, better known as the Y", "X - also known as Y", "X (known as Y)": an article naming one body twice
_KNOWN_AS = re.compile(rf"(?P<a>{_NAME})\s*(?:,|-|–|—|\()?\s*(?:(?:also|better|widely|commonly|locally)\s+)?"
                       rf"known\s+as\s+(?:the\s+)?(?P<b>{_NAME})")
# "the Syrian Civil Defence or White Helmets" as one source's mention: one body, two names
_OR = re.compile(rf"^(?:the\s+)?(?P<a>{_NAME})\s+or\s+(?:the\s+)?(?P<b>{_NAME})$", flags=re.IGNORECASE)


def stated_aliases(mentions: Iterable[str], sentences: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of names the text itself gives one body: "X or Y" as a whole source mention, "X, better
    known as Y" in a sentence. Each name is as written (the caller canonicalises); both sides Title
    Case, and for "or" two words or more each ("Russia or Iran" is two parties)."""
    pairs = []
    for text in mentions:
        m = _OR.match(text.strip())
        if m and all(_titled(m.group(k)) and len(m.group(k).split()) >= 2 for k in "ab"):  # not "Russia or Iran"
            pairs.append((m.group("a"), m.group("b")))
    for text in sentences:
        for m in _KNOWN_AS.finditer(text):
            a, b = _trim(m.group("a")), _trim(m.group("b"))
            if a and b and _titled(a) and _titled(b):
                pairs.append((a, b))
    return pairs


def _trim(name: str) -> str:
    """The name at the end of a run ("... rescue workers from the Syrian Civil Defence"): from the
    last lower-case word on."""
    words = name.split()
    while words and words[-1].lower() in ("of", "the", "for", "and", "in"):
        words.pop()
    start = max((k + 1 for k, w in enumerate(words) if w in ("the", "The") or not w[:1].isupper() and w not in (
        "of", "for", "and", "in") and not w.startswith("al-")), default=0)
    return " ".join(words[start:])


def _titled(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in ("of", "the", "for", "and", "in")]
    return bool(words) and all(w[:1].isupper() or w.startswith("al-") for w in words)
