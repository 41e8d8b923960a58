"""The bodies an article's text names before a point, speaking or not, for descriptors with no earlier
speaker: "Three rescue workers from the Syrian Civil Defence were killed ..., the group said" names
the Civil Defence before "the group" though it never spoke before.

A body is one the run knows by name (a source somewhere in the corpus); it is found in the text by any
of its written names (variants merged into it), a name of two words or more in any case ("Syrian
Army"), a one-word name as written ("SANA", "Reuters").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from claimcheck.sources.countries import state_of
from claimcheck.sources.names import _acronym, _has_body_word

_OUTLET_WORDS = frozenset({"media", "news", "television", "tv", "agency", "channel", "broadcaster", "newspaper"})
MIN_NAME_CHARS = 3  # "UN" is found through "United Nations"; two letters match too much running text


def bodies_written(texts: Mapping[str, str], names: Iterable[str],
                   body_of: Callable[[str], str | None]) -> Callable[[str, int], set[str]]:
    """``named_before(article, offset)``: the bodies whose written names occur in the article's text
    before ``offset``. ``names`` are the written names, ``body_of`` maps one to its body (None: no body)."""
    if not texts:  # a caller without the texts: nothing to read, no patterns to build
        return lambda article, offset: set()
    bodies = {n: b for n in names if len(n) >= MIN_NAME_CHARS and (b := body_of(n)) is not None}
    several = sorted((n for n in bodies if " " in n), key=lambda n: (-len(n), n))
    single = sorted((n for n in bodies if " " not in n), key=lambda n: (-len(n), n))
    patterns = [re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, group)) + r")(?![\w-])", flags)
                for group, flags in ((several, re.IGNORECASE), (single, 0)) if group]
    lower = {n.casefold(): bodies[n] for n in several}
    firsts: dict[str, tuple[list[int], list[str]]] = {}

    def first_offsets(article: str) -> tuple[list[int], list[str]]:
        if article not in firsts:
            first: dict[str, int] = defaultdict(lambda: len(texts[article]))
            for pattern in patterns:
                for m in pattern.finditer(texts[article]):
                    body = bodies.get(m.group()) or lower.get(m.group().casefold())
                    if body is not None:
                        first[body] = min(first[body], m.start())
            ordered = sorted((at, b) for b, at in first.items())
            firsts[article] = ([at for at, _ in ordered], [b for _, b in ordered])
        return firsts[article]

    def named_before(article: str, offset: int) -> set[str]:
        if article not in texts or not patterns:
            return set()
        offsets, found = first_offsets(article)
        return set(found[:bisect.bisect_left(offsets, offset)])

    return named_before


def group_like(name: str) -> bool:
    """"Syria Civil Defence", "Syrian Observatory for Human Rights": an organisation "the group" may
    mean; not a state's body ("Syrian army"), a news outlet ("AFP", "Orvo News Agency") or a person."""
    return (_has_body_word(name) and not _acronym(name) and state_of(name) is None
            and not {w.lower() for w in re.split(r"[^\w-]+", name)} & _OUTLET_WORDS)
