"""Event frames -> events: which claims report the same real-world event, across articles.

1. **Candidates** by blocking: claims whose frames share a place key (or one is named within the
   other), a resolved day or ISO week, or a multi-word name, plus every pair within an article,
   each claim's nearest neighbours by vector, and its best match in each of the articles most like
   its own (by mean claim vector). A block over ``BIG_BLOCK`` claims pairs each claim with
   its ``BLOCK_NEIGHBOURS`` nearest members only (``cluster.knn``), so the work stays near-linear.
2. **Linking**: :func:`claimcheck.events.link.never_one` drops impossible pairs; the shipped linker
   scores the rest (P(same event)).
   Within an article the linker is not asked: two claims report one event when
   :func:`claimcheck.events.link.same_story` says so. Across articles a pair needs an anchor
   (:func:`claimcheck.events.link.anchored`).
3. **Merging**, greedily, strongest pair first (within-article links score 1, so they come first):
   two groups join when the pair links and no member of one conflicts with a member of the other
   (complete-linkage guard on the hard constraints: resolved days, types, towns; within an article
   also different names), and groups of two articles only when alike on average, so a chain of near
   pairs cannot join two strikes a week apart, and groups of articles published more than
   ``PUBLISHED_APART`` days apart, one with no day of its own, only with a name in common.
4. **Stories**: each article's largest event, read with the whole article (its towns, dateline,
   names, publication day, words), is merged with other articles' by the story linker, with average
   linkage over the article pairs between two groups (:mod:`claimcheck.events.stories`): most
   claims of a local report name neither town nor day.

Claims without a frame get no event. The output is deterministic (ties resolve by claim order).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import numpy as np

from claimcheck.events.link import (
    DAY_TOLERANCE, MIN_SIM, WITHIN_ARTICLE_MIN_SIM, Linker, anchored, common_names, contexts, features, interval,
    load_linker, names, never_one, ordinal, same_story, shared_subject, type_relation, unshared_words,
)
from claimcheck.events.label import event_id, make_event as _event
from claimcheck.events.places import kind
from claimcheck.events.stories import StoryLinker, load_story_linker, story_links
from claimcheck.records import Article, Claim, Event, EventFrame

BIG_BLOCK = 400  # a block with more claims than this pairs nearest members only ...
BLOCK_NEIGHBOURS = 50  # ... this many per claim
GLOBAL_NEIGHBOURS = 10  # every claim is also paired with its nearest framed claims anywhere ...
GLOBAL_MIN_SIM = 0.6  # ... this alike
PLACE_GUARD = True  # two groups placed in different towns never merge
ANCHOR_REQUIRED = True  # claims of two articles link only with a shared town, day or name (link.anchored)
GROUP_MIN_SIM = 0.5  # groups of different articles merge only when their mean vectors are this alike
# groups of articles published more than this many days apart, one with no day of its own, join only with a
# name in common (a victim's, a suspect's): "the shelling" of Aleppo told in April and in November is two
PUBLISHED_APART: int | None = 7
ARTICLE_NEIGHBOURS = 5  # each claim meets its best match in the articles most like its own
SUBJECT_LINKS = True  # claims of one article naming one person are one story first (link.shared_subject)
STORY_PLACE_GUARD = False  # stories: towns are a feature of the story linker, not a hard guard
STORY_TYPE_GUARD = False  # ... nor types: a shooting and the arrest that followed are one incident's story
STORY_DAY_GUARD = True  # ... but days are (all of two groups' days within a span). False (the story linker
# reads days alone) gave GVA half b F1 0.822 (0.710 with it) and ECB+ half b ARI 0.756, same-topic precision
# 0.674 (0.758, 0.701), but FA-KES half a 5 more event-kind disputes, all of different crowd events
# (precision 0.238 -> 0.192; half b unchanged): see the model card
STORY_DAY_WINDOW: int | None = 7  # ... compared only between articles published at most this many days apart
# (None: all of them): two stories of one news cycle told of different days are two incidents (Saturday's
# toll, Sunday's), but a report weeks later dates its own news (the arraignment "on Thursday", the funeral)
STORY_DAY_BY_TYPE = True  # ... and only between frames of types that may be one event (link.type_relation)
STORY_AVERAGE_ALL = True  # stories: the average linkage reads every article pair between two groups ...
STORY_AVERAGE_CAP = 50  # ... of their first this many articles (by id) each, so a merge costs at most 2,500 pairs


def _blocks(claims: Sequence[Claim], idx: Sequence[int], common: frozenset[str] = frozenset(),
            ) -> dict[tuple[str, str], list[int]]:
    out: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in idx:
        c = claims[i]
        f = c.event
        assert f is not None
        keys = {("article", c.article.id)}
        for p in f.places:  # coarse keys (a country, a US state) would block a whole war together
            for k in (p.key, p.within):
                if k and kind(k) is None:
                    keys.add(("place", k))
        span = interval(f)
        if span is not None and span[1] - span[0] <= 7:
            for d in range(span[0], span[1] + 1):
                keys.add(("day", str(d)))
            keys.add(("week", "%d-%d" % date.fromordinal(span[0]).isocalendar()[:2]))
        for n in names(c.sentence.text) - common:  # "Syrian Observatory" would block a war together
            keys.add(("name", n))
        for k in keys:
            out[k].append(i)
    return out


def article_vectors(claims: Sequence[Claim], vectors: np.ndarray) -> tuple[list[str], np.ndarray, list[int]]:
    """The articles (sorted ids), each one's mean claim vector (unit length), and each claim's article row."""
    ids = sorted({c.article.id for c in claims})
    row = {a: k for k, a in enumerate(ids)}
    of = [row[c.article.id] for c in claims]
    sums = np.zeros((len(ids), vectors.shape[1]), dtype=np.float64)
    order = sorted(range(len(claims)), key=lambda k: claims[k].id)  # summed in one order: same bits whatever the input order
    np.add.at(sums, np.asarray(of, dtype=np.int64)[order], vectors.astype(np.float64)[order])
    sums /= np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    return ids, sums.astype(np.float32), of


def candidate_pairs(claims: Sequence[Claim], vectors: np.ndarray, idx: Sequence[int]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of framed claims that might report one event: blocks, capped by kNN, and
    for each article's ``ARTICLE_NEIGHBOURS`` most similar articles, each claim's best match there."""
    from claimcheck.cluster import knn

    pairs: set[tuple[int, int]] = set()
    for _, members in sorted(_blocks(claims, idx, common_names(claims)).items()):
        if len(members) < 2:
            continue
        if len(members) <= BIG_BLOCK:
            pairs.update((members[x], members[y]) for x in range(len(members)) for y in range(x + 1, len(members)))
            continue
        neighbours, _ = knn(vectors[members], BLOCK_NEIGHBOURS)
        for r, row in enumerate(neighbours):
            for c in row:
                i, j = members[r], members[int(c)]
                pairs.add((min(i, j), max(i, j)))
    if len(idx) > 1:
        neighbours, sims = knn(vectors[list(idx)], GLOBAL_NEIGHBOURS)
        for r, (row, srow) in enumerate(zip(neighbours, sims)):
            for c, s in zip(row, srow):
                if s >= GLOBAL_MIN_SIM:
                    i, j = idx[r], idx[int(c)]
                    pairs.add((min(i, j), max(i, j)))
    pairs.update(_article_matches(claims, vectors, idx))
    return sorted(pairs)


def _article_matches(claims: Sequence[Claim], vectors: np.ndarray, idx: Sequence[int]) -> set[tuple[int, int]]:
    from claimcheck.cluster import knn

    ids, centroids, _ = article_vectors(claims, vectors)
    if len(ids) < 2:
        return set()
    framed: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        framed[claims[i].article.id].append(i)
    neighbours, _ = knn(centroids, ARTICLE_NEIGHBOURS)
    out = set()
    for r, row in enumerate(neighbours):
        mine = framed.get(ids[r])
        for c in row:
            theirs = framed.get(ids[int(c)])
            if not mine or not theirs:
                continue
            sims = vectors[mine] @ vectors[theirs].T
            for x, y in enumerate(np.argmax(sims, axis=1).tolist()):
                i, j = mine[x], theirs[y]
                out.add((min(i, j), max(i, j)))
    return out


def _kind_key(frame: EventFrame) -> tuple[str, str | None]:
    return frame.type, frame.lemma if frame.type == "other" else None


def _fine_places(frame: EventFrame) -> set[str]:
    return {k for p in frame.places for k in (p.key, p.within) if k and kind(k) is None}


class _Groups:
    """Union-find over claim indices, with what the complete-linkage guard reads per group:
    the span of resolved days and the frame types of its members."""

    def __init__(self, claims: Sequence[Claim], idx: Sequence[int], vectors: np.ndarray,
                 common: frozenset[str] = frozenset(), published: dict[str, int] | None = None):
        self.sums = {i: vectors[i].astype(np.float64) for i in idx}
        self.parent = {i: i for i in idx}
        self.members = {i: [i] for i in idx}
        # the guard reads day- and week-precise times only: "in 2016" neither widens nor pins a group
        self.days = {i: d if (d := interval(claims[i].event)) is not None and d[1] - d[0] <= 7 else None for i in idx}
        self.width = {i: 0 if d is None else d[1] - d[0] for i, d in self.days.items()}  # widest frame's days
        # the same days by the publication day of the article that tells them (None: undated article)
        published = self.published = published or {}
        # (and the kind of what happened: an arrest on Saturday is no other day of the shooting it follows)
        self.dated = {i: {} if d is None else {(published.get(claims[i].article.id), _kind_key(claims[i].event)):
                                                (d, claims[i].event)} for i, d in self.days.items()}
        self.frames = {i: [claims[i].event] for i in idx}
        self.places = {i: _fine_places(claims[i].event) for i in idx}
        self.names = {i: set(names(claims[i].sentence.text) - common) for i in idx}
        self.mixed = {i: False for i in idx}  # holds types that are no one event's by themselves

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def conflict(self, x: int, y: int, places: bool = True, types: bool = True, days: bool = True,
                 window: int | None = None) -> bool:
        """Can groups ``x`` and ``y`` not be one event? ``window``: days are compared only between
        articles published at most this many days apart (an undated article's with any)."""
        if days and self._days_apart(x, y, window):
            return True
        if places and PLACE_GUARD and self.places[x] and self.places[y] and not self.places[x] & self.places[y]:
            return True  # placed in different towns (keys, or the places they are named within)
        if not types:
            # stories: different places and no type in common (the strike on one town, the shelling
            # of another's market) are two; one type in two places may be one (streets, the hospital)
            return bool(self.places[x] and self.places[y] and not self.places[x] & self.places[y]
                    and not {f.type for f in self.frames[x]} & {f.type for f in self.frames[y]})
        fx = {(f.type, f.lemma): f for f in self.frames[x]}
        fy = {(f.type, f.lemma): f for f in self.frames[y]}
        apart = [type_relation(a, b) == "incompatible" for a in fx.values() for b in fy.values()]
        # a story of several types (the shooting and the arrest) conflicts only with one no type of it fits
        return all(apart) if self.mixed[x] or self.mixed[y] else any(apart)

    def _days_apart(self, x: int, y: int, window: int | None) -> bool:
        slack = DAY_TOLERANCE + max(self.width[x], self.width[y])
        if window is None:
            dx, dy = self.days[x], self.days[y]
            return dx is not None and dy is not None and max(dx[1], dy[1]) - min(dx[0], dy[0]) > slack
        return any(max(ex, ey) - min(sx, sy) > slack
                   for (px, _), ((sx, ex), fx) in self.dated[x].items() for (py, _), ((sy, ey), fy) in self.dated[y].items()
                   if (px is None or py is None or abs(px - py) <= window)
                   and (not STORY_DAY_BY_TYPE or type_relation(fx, fy) != "incompatible"))

    def published_apart(self, claims: Sequence[Claim], x: int, y: int) -> bool:
        """Were all articles of group ``x`` published more than ``PUBLISHED_APART`` days from all of
        group ``y``'s (undated articles left out), one group with no day of its own? (Two groups' days
        are compared by the day guard: "56 killed on July 19" in a report a week later is that day's.)"""
        if PUBLISHED_APART is None or (self.days[x] is not None and self.days[y] is not None):
            return False
        dx, dy = ([d for a in self.articles(claims, k) if (d := self.published.get(a)) is not None] for k in (x, y))
        return bool(dx and dy) and min(abs(u - v) for u in dx for v in dy) > PUBLISHED_APART

    def articles(self, claims: Sequence[Claim], x: int) -> set[str]:
        return {claims[k].article.id for k in self.members[x]}

    def alike(self, x: int, y: int) -> float:
        a, b = self.sums[x], self.sums[y]
        return float(a @ b / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-12))

    def union(self, x: int, y: int, mixed: bool = False) -> None:
        if y < x:
            x, y = y, x
        self.mixed[x] = self.mixed[x] or self.mixed.pop(y) or mixed
        self.parent[y] = x
        self.members[x] += self.members.pop(y)
        self.frames[x] += self.frames.pop(y)
        self.places[x] |= self.places.pop(y)
        self.names[x] |= self.names.pop(y)
        self.sums[x] = self.sums[x] + self.sums.pop(y)
        self.width[x] = max(self.width[x], self.width.pop(y))
        dx, dy = self.days[x], self.days.pop(y)
        self.days[x] = dy if dx is None else dx if dy is None else (min(dx[0], dy[0]), max(dx[1], dy[1]))
        into = self.dated[x]
        for k, ((s, e), f) in self.dated.pop(y).items():
            into[k] = ((s, e), f) if k not in into else ((min(s, into[k][0][0]), max(e, into[k][0][1])), into[k][1])


def link_scores(claims: Sequence[Claim], vectors: np.ndarray, pairs: Sequence[tuple[int, int]],
                linker: Linker, published: dict[str, str] | None = None) -> dict[tuple[int, int], float]:
    """P(same event) of each candidate pair that no hard constraint forbids (cosines in bulk first:
    most candidate pairs of a big block are too unalike to read further)."""
    out: dict[tuple[int, int], float] = {}
    if not pairs:
        return out
    _, centroids, art = article_vectors(claims, vectors)
    common = common_names(claims)
    ctx = contexts(claims, common, published)
    index = np.asarray(pairs, dtype=np.int64)
    cos = np.einsum("ij,ij->i", vectors[index[:, 0]], vectors[index[:, 1]])
    floor = min(MIN_SIM, WITHIN_ARTICLE_MIN_SIM)
    for (i, j), s in zip(pairs, cos.tolist()):
        if s < floor:
            continue
        fa, fb = claims[i].event, claims[j].event
        within = art[i] == art[j]
        if fa is None or fb is None or never_one(fa, fb, s, WITHIN_ARTICLE_MIN_SIM if within else MIN_SIM):
            continue
        if within:
            if same_story(claims[i], claims[j], s, common):
                out[(i, j)] = 1.0
            continue
        if ANCHOR_REQUIRED and not anchored(claims[i], claims[j], common, s):
            continue
        art_cos = float(centroids[art[i]] @ centroids[art[j]])
        out[(i, j)] = linker.prob(features(claims[i], claims[j], s, art_cos, ctx[claims[i].article.id],
                                           ctx[claims[j].article.id], common))
    return out


FURNITURE_ARTICLES = 3  # a framed claim with nothing of an incident, word for word in this many articles ...


def furniture(claims: Sequence[Claim]) -> list[int]:
    """Indices of framed claims that are page furniture ("Thank you for registering"): the same words
    in ``FURNITURE_ARTICLES`` or more articles, and a frame with no time, place, agent or victim.
    They report no event; left in, they would tie every article of a site into one."""
    seen: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.event is not None:
            seen[" ".join(c.text.casefold().split())].add(c.article.id)
    return [k for k, c in enumerate(claims) if (f := c.event) is not None and not (f.time or f.places or f.agents or f.victims)
            and len(seen[" ".join(c.text.casefold().split())]) >= FURNITURE_ARTICLES]


def group_events(claims: Sequence[Claim], vectors: np.ndarray, linker: Linker | None = None,
                 articles: Sequence[Article] = (), story_linker: StoryLinker | None | bool = None,
                 ) -> tuple[list[Claim], list[Event]]:
    """The claims with ``event.id`` set, and the events (ordered by date, then id). ``articles``
    (publication dates, datelines) inform the story pass; ``story_linker`` None is the shipped one,
    False skips the pass."""
    claims = list(claims)
    for k in furniture(claims):
        claims[k] = replace(claims[k], event=None)
    idx = [i for i, c in enumerate(claims) if c.event is not None]
    if not idx:
        return claims, []
    linker = linker or load_linker()
    vectors = np.asarray(vectors, dtype=np.float32)
    published = {a.id: a.date for a in articles if a.date}
    candidates = candidate_pairs(claims, vectors, idx)
    scores = link_scores(claims, vectors, candidates, linker, published)
    days_of = {a: d for a, iso in published.items() if (d := ordinal(iso)) is not None}
    groups = _Groups(claims, idx, vectors, common_names(claims), days_of)
    if SUBJECT_LINKS:
        unshared = unshared_words(claims)
        for i, j in sorted(candidates, key=lambda p: sorted((claims[p[0]].id, claims[p[1]].id))):  # order-free
            if (claims[i].article.id == claims[j].article.id and shared_subject(claims[i], claims[j], unshared)
                    and not never_one(claims[i].event, claims[j].event, 1.0, types=False)):
                x, y = groups.find(i), groups.find(j)
                if x != y and not groups.conflict(x, y, types=False):
                    groups.union(x, y, mixed=True)
    order = sorted((p for p, s in scores.items() if s >= linker.threshold),
                   key=lambda p: (-scores[p], p))
    for i, j in order:
        x, y = groups.find(i), groups.find(j)
        if x == y or groups.conflict(x, y):
            continue
        if claims[i].article.id == claims[j].article.id and groups.names[x] and groups.names[y] and not (
                groups.names[x] & groups.names[y]):
            continue  # one article's two stories: the Bir Sabah highway and the town of Tal Ruwaq
        if claims[i].article.id != claims[j].article.id and groups.alike(x, y) < GROUP_MIN_SIM:
            continue  # average linkage across articles: a chain of alike pairs does not drift
        if not groups.names[x] & groups.names[y] and groups.published_apart(claims, x, y):
            continue  # told a week apart, one undated: only a shared name makes them one (PUBLISHED_APART)
        groups.union(x, y)
    stories = load_story_linker() if story_linker is None else story_linker or None
    if stories is not None:
        by_id = {a.id: a for a in articles}
        links, scored, stories = story_links(claims, groups.members, by_id, vectors, common_names(claims), stories)
        for _, i, j, _, _ in links:
            x, y = groups.find(i), groups.find(j)
            if x == y or groups.conflict(x, y, STORY_PLACE_GUARD, STORY_TYPE_GUARD, STORY_DAY_GUARD, STORY_DAY_WINDOW):
                continue
            if STORY_AVERAGE_ALL:  # every article pair between the two groups, scored when first asked for
                between = [scored[frozenset((a, b))] for a in sorted(groups.articles(claims, x))[:STORY_AVERAGE_CAP]
                           for b in sorted(groups.articles(claims, y))[:STORY_AVERAGE_CAP] if a != b]
            else:  # the candidate pairs only
                between = [p for a in sorted(groups.articles(claims, x)) for b in sorted(groups.articles(claims, y))
                           if (p := scored.get(frozenset((a, b)))) is not None]
            if between and sum(between) / len(between) >= stories.average:
                groups.union(x, y)
    events = []
    for root in sorted(groups.members):
        members = sorted(groups.members[root])
        event = _event([claims[k] for k in members])
        events.append(event)
        for k in members:
            claims[k] = replace(claims[k], event=replace(claims[k].event, id=event.id))
    events.sort(key=lambda e: (e.date or "9999", e.id))
    return claims, events


def article_events(claims: Sequence[Claim], events: Sequence[Event] = ()) -> dict[str, str]:
    """The event each article reports (article id -> event id; articles with no event left out): the
    event most of its claims report; ties go to the event more articles report (a story others tell
    too, not an aside of this one: "the shooting" twice and "the school's fundraiser" twice), then
    to the smaller id. ``events`` gives the events' articles; without it a claim count decides."""
    spread = {e.id: len(e.articles) for e in events}
    counts: dict[str, Counter] = defaultdict(Counter)
    for c in claims:
        if c.event is not None and c.event.id:
            counts[c.article.id][c.event.id] += 1
    return {a: min(n, key=lambda e: (-n[e], -spread.get(e, 0), e)) for a, n in sorted(counts.items())}
