"""Where a claim that names no place happened, as its article tells it: a round-up of attacks tells each
incident in two or three sentences, the first naming the place ("terrorists fired mortar shells on
al-Wafideen Camp"), the next only "the source added that 9 persons were injured due to the attack".
Such a claim is read, for the gate's place checks only, in the towns of the nearest claim before it in
its article that names towns, within ``BACK_SENTENCES`` sentences; its frame is not changed.

What contains a place is read off the whole run: "the al-Midan neighbourhood of Damascus" in one
article says that another's bare "Al Midan district" is in Damascus (:func:`containment`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from claimcheck.records import Claim, Place

BACK_SENTENCES = 1  # a claim borrows the towns of a claim at most this many sentences before it


def _fine(claim: Claim) -> tuple:
    """The frame's places that are finer than a country or a US state."""
    from claimcheck.events.places import kind

    frame = claim.event
    return tuple(p for p in frame.places if p.key and kind(p.key) is None) if frame is not None else ()


def containment(claims: Sequence[Claim]) -> dict[str, str]:
    """Folded place key -> the key of the place it is most often named within in the run's frames, for a
    place named within others more often than others are named within it ("Damascus" is named as
    containing districts; one "Daraya, Damascus" read the wrong way round does not put it in Daraya)."""
    from claimcheck.events.places import fold

    seen: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    holds: dict[str, int] = defaultdict(int)
    for c in claims:
        for p in (c.event.places if c.event is not None else ()):
            if p.key and p.within and fold(p.within) != fold(p.key):
                seen[fold(p.key)][p.within] += 1
                holds[fold(p.within)] += 1
    return {k: min(ws, key=lambda w: (-ws[w], w)) for k, ws in seen.items() if sum(ws.values()) > holds[k]}


def _within(places: tuple, inside: dict[str, str]) -> tuple:
    from claimcheck.events.places import fold

    return tuple(p if p.within or fold(p.key) not in inside else Place(p.text, p.start, p.end, p.key, inside[fold(p.key)])
                 for p in places)


def placed(claims: Sequence[Claim]) -> dict[int, Claim]:
    """Index -> the claim with its frame placed as its article and the run tell (see the module
    docstring): in the towns its article gave just before it, for a framed claim that names no town of
    its own, and its places within what the run names them within. Claims left out are read as they are."""
    inside = containment(claims)
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        by_article[c.article.id].append(k)
    out: dict[int, Claim] = {}
    for ks in by_article.values():
        ks = sorted(ks, key=lambda k: (claims[k].sentence.start, claims[k].span.start))
        sentences = sorted({claims[k].sentence.start for k in ks})
        rank = {s: n for n, s in enumerate(sentences)}
        last: tuple[int, tuple] | None = None  # (sentence rank, places) of the last claim naming towns
        for k in ks:
            c = claims[k]
            here = rank[c.sentence.start]
            mine = _fine(c)
            if mine:
                last = (here, mine)
            places = c.event.places if c.event is not None else ()
            if not mine and c.event is not None and last is not None and here - last[0] <= BACK_SENTENCES:
                places = places + last[1]
            found = _within(places, inside)
            if c.event is not None and found != c.event.places:
                out[k] = replace(c, event=replace(c.event, places=found))
    return out
