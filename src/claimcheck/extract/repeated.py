"""Site furniture: lines one outlet prints word for word on many of its pages.

A "Subscribe to our channel", "Watch live" or related-headlines line that survives the loader's
boilerplate filter parses as the outlet's claim (or, worse, as a claim of whatever the widget's run-on
words make a subject: "new PM Summit in Tehran"). One page cannot tell it from content; a corpus can:
the same words on :data:`SITE_REPEATS` or more pages of one known outlet, reporting no event and no
number, are the site's, not news. Pure and corpus-level, like ``sources.normalise_sources``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from claimcheck.records import Claim

# Pages of one outlet that must repeat a line (as events.group.FURNITURE_ARTICLES counts framed ones).
SITE_REPEATS = 3


def _key(claim: Claim) -> tuple[str, str]:
    return claim.article.outlet or "", " ".join(claim.text.casefold().split())


def _furniture_like(claim: Claim) -> bool:
    """Nothing a story reports: no event frame, no number, and asserted (a denial is always kept)."""
    return claim.event is None and not claim.quantities and claim.stance == "asserts"


def site_furniture(claims: Sequence[Claim]) -> list[int]:
    """Indices of claims that are an outlet's furniture. Articles with no outlet are never grouped:
    a line in many articles of different or unknown outlets is wire copy, which is news."""
    pages: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in claims:
        if c.article.outlet and _furniture_like(c):
            pages[_key(c)].add(c.article.id)
    return [k for k, c in enumerate(claims)
            if c.article.outlet and _furniture_like(c) and len(pages[_key(c)]) >= SITE_REPEATS]


def without_site_furniture(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, less each outlet's furniture (:func:`site_furniture`)."""
    dropped = set(site_furniture(claims))
    return [c for k, c in enumerate(claims) if k not in dropped]
