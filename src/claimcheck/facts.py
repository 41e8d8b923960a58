"""Contested facts: disputed pairs grouped by what they disagree about, with each side's version.

Grouping. A pair about an event (``Dispute.event_id``; else the ``event.id`` its claims share, or
that of its only claim with an event) belongs to that event's fact: one contested fact per event.
Any other pair (no event, or claims of two different events) belongs to
a fact of its topic: the connected components of the topic's pairs (two pairs sharing a claim
are about one thing). Pairs that carry only ``update`` reasons (a toll that rose in a later report)
are not disputes and join nothing. Splitting components further where a shared claim's two
opponents are unalike (embedding cosine below a threshold) was tried and dropped: on Emergent train
it left fact purity against Emergent's claim ids where it was (0.959 for plain components, 0.960
at cosine 0.6) while splitting each claim id into twice as many facts, and on the example corpus
it cut the planted market-shelling dispute in two. Without events, a topic about many similar
events (the tolls of many strikes) is one large fact: telling those apart is the events stage's work.

Versions. Within a fact, claims that dispute each other must hold different versions: the claims
are two-coloured along the pairs (greedily coloured when an odd cycle makes two colours
impossible), and a colour whose claims give different figures for a numeric reason is split by
figure ("12" and "17" on one side are two versions).

Score. Each version is backed by its independent origins (claimcheck.origins: wire copies count
once): ``backing = 1 - 0.5 ** (origins + 1)``, 0.75 for one origin, 0.875 for two, towards 1. A
fact's score is the best, over its pairs, of the pair's score times the weaker backing of its two
sides: a dispute between versions each carried by one article weighs three quarters of one that
several independent reports carry.

Ids. A fact's id is ``f:`` + the first 12 hex digits of the SHA-1 of ``event\\x1f<event id>`` for an
event's fact, else of its sorted claim ids joined by ``\\x1f``: the same claims give the same id in
every run, so a reviewer's verdicts carry over (a fact that gains or loses a claim is a new fact).
A version's id is ``v:`` + the same hash of its sorted claim ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from scipy.cluster.hierarchy import DisjointSet

from claimcheck.records import Claim, ContestedFact, Dispute, Event, Evidence, Origin, Version

NOT_DISPUTES = frozenset({"update"})  # reason kinds that say two claims agree after all
POSITION_WORDS = 3  # words shown for what each version holds
MAX_POSITION_CHARS = 40

OriginsOf = Callable[[Iterable[Claim]], Sequence[Origin]]


def backing(origins: int) -> float:
    """How well a version is carried: 0.75 for one independent origin, 0.875 for two, towards 1."""
    return 1.0 - 0.5 ** (max(origins, 1) + 1)


def _hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def fact_id(claim_ids: Iterable[str], event_id: str | None = None) -> str:
    if event_id is not None:
        return "f:" + _hash(f"event\x1f{event_id}")
    return "f:" + _hash("\x1f".join(sorted(set(claim_ids))))


def version_id(claim_ids: Iterable[str]) -> str:
    return "v:" + _hash("\x1f".join(sorted(set(claim_ids))))


def _event_of(d: Dispute) -> str | None:
    """The event a pair is about: the dispute's, else the one its claims share, else the one of its
    only claim that has one (the other's report had no frame); None for claims of two events."""
    if d.event_id is not None:
        return d.event_id
    ids = {f.id for f in (d.a.event, d.b.event) if f is not None and f.id is not None}
    return ids.pop() if len(ids) == 1 else None


def _one_origin_each(claims: Iterable[Claim]) -> tuple[Origin, ...]:
    """Without an origin index every article is its own origin."""
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article.id, []).append(c)
    return tuple(Origin(cs[0].article.outlet or a, (a,), tuple(filter(None, [cs[0].article.outlet])))
                 for a, cs in sorted(by_article.items()))


def group_pairs(disputes: Sequence[Dispute]) -> list[tuple[str | None, list[Dispute]]]:
    """The pairs of each contested fact: ``(event id or None, pairs strongest first)``, in a stable order."""
    pairs = [d for d in disputes if not d.reasons or not {r.kind for r in d.reasons} <= NOT_DISPUTES]
    groups = DisjointSet()
    for k, d in enumerate(pairs):
        event = _event_of(d)
        ends = [("event", event)] if event is not None else [("claim", d.topic_id, d.a.id), ("claim", d.topic_id, d.b.id)]
        for node in [("pair", k), *ends]:
            groups.add(node)
            groups.merge(("pair", k), node)
    members: dict = {}
    for k, d in enumerate(pairs):
        members.setdefault(groups[("pair", k)], []).append(d)
    out = []
    for ds in members.values():
        event = next((e for d in ds if (e := _event_of(d)) is not None), None)
        out.append((event, sorted(ds, key=lambda d: (-d.score, d.id))))
    return sorted(out, key=lambda g: (g[0] is None, g[0] or "", g[1][0].id))


# ---- versions --------------------------------------------------------------------------------

def _owner_rank(e: Evidence, c: Claim) -> int:
    if e.article_id != c.article.id:
        return 0
    if c.cue is not None and (e.start, e.end) == (c.cue.start, c.cue.end):
        return 3
    if c.span.start <= e.start and e.end <= c.span.end:
        return 2
    if c.sentence.start <= e.start and e.end <= c.sentence.end:
        return 1
    return 0


def side_evidence(d: Dispute) -> dict[str, list[tuple[str, Evidence]]]:
    """Each reason's evidence, as ``(reason kind, evidence)`` under the claim it was found in."""
    out: dict[str, list[tuple[str, Evidence]]] = {d.a.id: [], d.b.id: []}
    for r in d.reasons:
        for e in r.evidence:
            ra, rb = _owner_rank(e, d.a), _owner_rank(e, d.b)
            if ra and ra >= rb:
                out[d.a.id].append((r.kind, e))
            if rb and rb >= ra:
                out[d.b.id].append((r.kind, e))
    return out


def _colours(claims: list[str], adjacent: Mapping[str, set[str]]) -> dict[str, int]:
    """Two colours along the pairs where possible, else the smallest colour no neighbour has."""
    from collections import deque

    colour: dict[str, int] = {}
    bipartite = True
    for start in claims:
        if start in colour:
            continue
        colour[start] = 0
        queue = deque([start])
        while queue:
            u = queue.popleft()
            for v in sorted(adjacent[u]):
                if v not in colour:
                    colour[v] = 1 - colour[u]
                    queue.append(v)
                elif colour[v] == colour[u]:
                    bipartite = False
    if bipartite:
        return colour
    rank = {c: k for k, c in enumerate(claims)}
    colour = {}
    for u in sorted(claims, key=lambda c: (-len(adjacent[c]), rank[c])):
        taken = {colour[v] for v in adjacent[u] if v in colour}
        colour[u] = next(k for k in range(len(claims) + 1) if k not in taken)
    return colour


def _figures(claim: Claim, evidence: list[tuple[str, Evidence]]) -> frozenset:
    spans = {(e.start, e.end) for kind, e in evidence if kind == "numeric"}
    return frozenset((q.value, q.low, q.high) for q in claim.quantities if (q.span.start, q.span.end) in spans)


def _position(claims: list[Claim], evidence: Mapping[str, list[tuple[str, Evidence]]]) -> tuple[str, ...]:
    counts: Counter = Counter()
    first: dict[str, int] = {}
    shown: dict[str, str] = {}
    for c in claims:
        for _, e in evidence.get(c.id, ()):
            text = " ".join(e.text.split())
            if not text or text == " ".join(c.text.split()) or len(text) > MAX_POSITION_CHARS:
                continue
            key = text.casefold()
            counts[key] += 1
            first.setdefault(key, len(first))
            shown.setdefault(key, text)
    best = sorted(counts, key=lambda k: (-counts[k], first[k]))[:POSITION_WORDS]
    return tuple(shown[k] for k in best)


def _label(claim: Claim) -> str:
    prefix = {"denies": "denies: ", "questions": "asks: "}.get(claim.stance, "")
    return prefix + " ".join(claim.text.split())


def _versions(pairs: list[Dispute], origins_of: OriginsOf) -> list[Version]:
    claims: dict[str, Claim] = {}
    adjacent: dict[str, set[str]] = {}
    weight: Counter = Counter()
    evidence: dict[str, list[tuple[str, Evidence]]] = {}
    for d in pairs:  # strongest first
        for c in (d.a, d.b):
            claims.setdefault(c.id, c)
            adjacent.setdefault(c.id, set())
            weight[c.id] += d.score
        adjacent[d.a.id].add(d.b.id)
        adjacent[d.b.id].add(d.a.id)
        for cid, evs in side_evidence(d).items():
            evidence.setdefault(cid, []).extend(evs)
    order = list(claims)
    colour = _colours(order, adjacent)
    sides: dict[tuple, list[str]] = {}
    for k in sorted(set(colour.values())):
        members = [c for c in order if colour[c] == k]
        figures = {c: _figures(claims[c], evidence.get(c, [])) for c in members}
        keyed = Counter(f for f in figures.values() if f)
        main = min(keyed, key=lambda f: (-keyed[f], sorted(map(str, f)))) if keyed else frozenset()
        for c in members:
            sides.setdefault((k, figures[c] or main), []).append(c)
    versions = []
    for ids in sides.values():
        members = sorted((claims[c] for c in ids), key=lambda c: c.id)
        lead = min(members, key=lambda c: (-weight[c.id], len(c.text), c.id))
        found = tuple(origins_of(members))
        evs = sorted({e for c in members for _, e in evidence.get(c.id, ())},
                     key=lambda e: (e.article_id, e.start, e.end))
        versions.append(Version(
            id=version_id(c.id for c in members),
            label=_label(lead),
            position=_position(sorted(members, key=lambda c: (-weight[c.id], c.id)), evidence),
            claim_ids=tuple(c.id for c in members),
            sources=tuple(sorted({c.source.name for c in members if c.source.name})),
            camps=tuple(sorted({c.source.camp for c in members if c.source.camp})),
            outlets=tuple(sorted({c.article.outlet for c in members if c.article.outlet})),
            articles=tuple(sorted({c.article.id for c in members})),
            origins=found,
            backing=round(backing(len(found)), 4),
            evidence=tuple(evs),
        ))
    return sorted(versions, key=lambda v: (-len(v.origins), -len(v.claim_ids), v.claim_ids))


def _fact(event: str | None, pairs: list[Dispute], origins_of: OriginsOf,
          events: Mapping[str, Event]) -> ContestedFact:
    versions = _versions(pairs, origins_of)
    side = {cid: v for v in versions for cid in v.claim_ids}
    score = max(d.score * min(side[d.a.id].backing, side[d.b.id].backing) for d in pairs)
    strongest = pairs[0]
    lead = strongest.a if strongest.a.stance == "asserts" or strongest.b.stance != "asserts" else strongest.b
    label = events[event].label if event in events else " ".join(lead.text.split())
    kinds = Counter(k for d in pairs for k in {r.kind for r in d.reasons})
    topics = Counter(d.topic_id for d in pairs)
    claim_ids = sorted({c for d in pairs for c in (d.a.id, d.b.id)})
    return ContestedFact(
        id=fact_id(claim_ids, event),
        label=label,
        score=round(score, 4),
        topic_id=min(topics, key=lambda t: (-topics[t], t)),
        event_id=event,
        versions=tuple(versions),
        dispute_ids=tuple(d.id for d in pairs),
        reasons=tuple(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def contested_facts(
    disputes: Sequence[Dispute],
    *,
    events: Sequence[Event] = (),
    origins_of: OriginsOf | None = None,
) -> tuple[ContestedFact, ...]:
    """The contested facts in a run's disputed pairs, strongest first (see the module docstring).
    ``origins_of`` counts a version's independent origins (default: one per article)."""
    origins_of = origins_of or _one_origin_each
    by_event = {e.id: e for e in events}
    facts = [_fact(event, pairs, origins_of, by_event) for event, pairs in group_pairs(disputes)]
    return tuple(sorted(facts, key=lambda f: (-f.score, f.id)))
