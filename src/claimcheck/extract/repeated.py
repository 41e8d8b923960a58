"""Site furniture: lines one outlet prints word for word on the pages of many different stories.

A "Subscribe to our channel", "Watch live" or related-headlines line that survives the loader's
boilerplate filter parses as the outlet's claim (or, worse, as a claim of whatever the widget's run-on
words make a subject: "new PM Summit in Tehran"). One page cannot tell it from content; a corpus can:
the same words on pages of :data:`SITE_REPEATS` or more stories of one known outlet, reporting no event
and no number, are the site's, not news. Pages that share :data:`STORY_LINES` lines that do report
something (an event or a number) are one story printed again (an update, a second edition), whose
repeated lines are news ("She is in critical condition" on three versions of one shooting story).
Pure and corpus-level, like ``sources.normalise_sources``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from claimcheck.records import Claim

# Stories of one outlet that must repeat a line (as events.group.FURNITURE_ARTICLES counts framed ones).
SITE_REPEATS = 3
# Reporting lines two pages share word for word when they are one story (on 3,000 gun-violence pages, 1
# or 3 instead of 2 changes the lines dropped by at most 6 of about 90 per half).
STORY_LINES = 2


def _key(claim: Claim) -> tuple[str, str]:
    return claim.article.outlet or "", " ".join(claim.text.casefold().split())


def _furniture_like(claim: Claim) -> bool:
    """Nothing a story reports: no event frame, no number, and asserted (a denial is always kept)."""
    return claim.event is None and not claim.quantities and claim.stance == "asserts"


def _stories(pages: list[str], lines: dict[str, set[str]]) -> int:
    """How many stories these pages hold, pages sharing ``STORY_LINES`` reporting lines being one."""
    story = {p: p for p in pages}

    def find(p: str) -> str:
        while story[p] != p:
            p = story[p]
        return p

    for k, p in enumerate(pages):
        for q in pages[k + 1:]:
            if len(lines[p] & lines[q]) >= STORY_LINES:
                story[find(p)] = find(q)
    return len({find(p) for p in pages})


def site_furniture(claims: Sequence[Claim]) -> list[int]:
    """Indices of claims that are an outlet's furniture. Articles with no outlet are never grouped:
    a line in many articles of different or unknown outlets is wire copy, which is news."""
    pages: dict[tuple[str, str], set[str]] = defaultdict(set)
    reporting: dict[str, set[str]] = defaultdict(set)  # page -> its lines that report something
    for c in claims:
        if c.article.outlet:
            if _furniture_like(c):
                pages[_key(c)].add(c.article.id)
            else:
                reporting[c.article.id].add(_key(c)[1])
    furniture = {key for key, on in pages.items()
                 if len(on) >= SITE_REPEATS and _stories(sorted(on), reporting) >= SITE_REPEATS}
    return [k for k, c in enumerate(claims) if c.article.outlet and _furniture_like(c) and _key(c) in furniture]


def without_site_furniture(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, less each outlet's furniture (:func:`site_furniture`)."""
    dropped = set(site_furniture(claims))
    return [c for k, c in enumerate(claims) if k not in dropped]
