"""An :class:`~claimcheck.records.Event` from the claims grouping put together (see
:mod:`claimcheck.events.group`): its stable id, its type, its label ("air strike, Kafr Hamra,
2026-03-14"), date, places, sources, camps and articles."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from claimcheck.records import Claim, Event, EventFrame

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def event_id(claim_ids: Sequence[str]) -> str:
    """``ev-`` + 12 hex digits of the SHA-1 of the first (sorted) claim id: stable across runs."""
    return "ev-" + hashlib.sha1(min(claim_ids).encode("utf-8")).hexdigest()[:12]


def make_event(members: Sequence[Claim]) -> Event:
    """The event of its member claims: type, label, date, places, sources, camps, articles."""
    frames: list[EventFrame] = [c.event for c in members if c.event is not None]
    types = Counter(f.type for f in frames)
    specific = [t for t, _ in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])) if t not in ("killing", "attack", "other")]
    kind = specific[0] if specific else sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    if kind == "other":
        lemmas = Counter(f.lemma for f in frames if f.type == "other" and f.lemma)
        shown = sorted(lemmas.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if lemmas else "event"
    else:
        shown = kind.replace("_", " ")
    keys = Counter(p.key for f in frames for p in f.places)
    written = Counter((p.key, p.text) for f in frames for p in f.places)
    places = tuple(k for k, _ in sorted(keys.items(), key=lambda kv: (-kv[1], kv[0])))
    times = [f.time for f in frames if f.time is not None and f.time.date]
    best = None
    if times:
        ranked = Counter((t.date, t.until, t.precision) for t in times)
        best = sorted(ranked.items(), key=lambda kv: (_PRECISION_RANK.get(kv[0][2] or "", 9), -kv[1], kv[0][0] or ""))[0][0]
    place_text = None
    if places:
        place_text = sorted(((n, t) for (k, t), n in written.items() if k == places[0]), key=lambda x: (-x[0], x[1]))[0][1]
    label = ", ".join(x for x in (shown, place_text, best[0] if best else None) if x)
    if place_text is None and best is None:  # "capture" alone names nothing: say what was captured
        first = min((c for c in members if c.event is not None), key=lambda c: (c.article.id, c.span.start, c.id))
        label = f"{shown}: {_clip(first.text)}"
    ids = [c.id for c in members]
    return Event(
        id=event_id(ids), label=label, type=kind, date=best[0] if best else None,
        until=best[1] if best else None, precision=best[2] if best else None, places=places,
        claim_ids=tuple(sorted(ids)),
        sources=tuple(sorted({c.source.name for c in members if c.source.name})),
        camps=tuple(sorted({c.source.camp for c in members if c.source.camp})),
        articles=tuple(sorted({c.article.id for c in members})),
    )
