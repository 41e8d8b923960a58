"""Disputed pairs: claims on the same topic, from conflicting sources, that cannot both be true.

Pipeline per corpus:

1. **Candidates** -- pairs within a topic (all pairs for topics up to ``MAX_TOPIC_PAIRS_MEMBERS``
   claims, else each claim's ``TOPIC_NEIGHBOURS`` nearest members) plus similar claims across
   neighbouring topics (cosine >= ``CROSS_TOPIC_MIN_SIM`` among the ``NEIGHBOUR_TOPICS`` topics with
   the closest centroids; for a denial, by the denial and polarity rules, from ``CROSS_TOPIC_RULE_SIM``).
   Never all n^2 pairs of the corpus. Claims of one event are paired whatever their topics, and so
   are claims of two articles counting one town's dead on one weekday (``candidates.frame_pairs``).
2. **Parties** -- a pair must come from different parties (see :func:`party_of`). With camps, both
   camps known and equal means same side: not a candidate. Two copies of one article (the same claims
   word for word) are never paired, and a second copy from the same outlet is not compared at all,
   nor are an outlet's edited copy and its claims that repeat the first's (``candidates.echoes``). A
   source with no camp is a party of its own, so camp-less vs government *is* a cross-party pair;
   government vs government is not.
3. **Reasons** -- each detector returns at most one :class:`Reason` with a weight in [0, 1] and the
   words that carry it (:class:`Evidence`, offsets into the article):
   ``explicit_denial``, ``polarity``, ``numeric``, ``responsibility`` (rules, gated on embedding
   similarity so they compare the same event) and ``learned`` (opposite stances toward the topic,
   from the stance model in ``models/``; alone, it disputes two claims of one event only when both
   are headlines, ``learned.alone_in_event``).
4. **Score** -- noisy-or of the reason weights, ``1 - prod(1 - w)``: any one strong reason suffices
   and independent reasons reinforce each other; stays in [0, 1]. Pairs scoring below
   ``min_score`` are dropped.

:func:`find_disputes` (here) runs the steps; the rest is:

- ``candidates``  parties and candidate pairs
- ``gate``        what events, dates and places let a pair's reasons compare (see there)
- ``context``     where a claim that names no place happened, as its article and the run tell it
- ``sides``       two kinds of attack by two sides are two events
- ``parses``      claim parses for the rules that read them, made once per claim
- ``pair``        ``Pair``, the one argument of every reason detector
- ``reasons/``    one module per reason kind (``explicit_denial``, ``polarity``, ``numeric``,
                  ``responsibility``, ``learned``), each with ``detect(pair)`` and its thresholds
- ``scoring``     hedged claims, settling a pair's reasons, the noisy-or, dispute ids
- ``evidence``    offsets of the words a reason rests on
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from claimcheck.config import Camps
from claimcheck.dispute.candidates import (camp_of, candidate_pairs, copies, CROSS_TOPIC_MIN_SIM, echoes, event_pairs,
                                          frame_pairs, may_pair, party_of, share_names)
from claimcheck.dispute.context import placed
from claimcheck.dispute.gate import (article_days, as_update, EVENT_RULES, gate, is_update_only, main_stories, shared_event,
                                     reports_apart, stories_apart, UNPLACED_IN_STORY)
from claimcheck.dispute.pair import Pair
from claimcheck.dispute.parses import _Docs
from claimcheck.dispute.reasons import ANY_PAIR, NEAR_PAIR
from claimcheck.dispute.reasons.explicit_denial import explicit_denial
from claimcheck.dispute.reasons.learned import (alone_in_event, article_leans, learned, LEARNED_APART_DAYS,
                                                stance_probs, states_ignorance)
from claimcheck.dispute.reasons.numeric import numeric
from claimcheck.dispute.reasons.polarity import both_negate, polarity, POLARITY_MIN_SIM, polarity_marks
from claimcheck.dispute.reasons.responsibility import agents, responsibility, RESPONSIBILITY_MIN_SIM
from claimcheck.dispute.scoring import combine, dispute_id, hedges, settle, supposes, weaken_for_hedges
from claimcheck.dispute.sides import two_attacks, two_zones
from claimcheck.errors import InputError
from claimcheck.records import Claim, Dispute, Event, Topic

# The public names of the package (the entry, find_disputes, and the parts it is made of, importable
# from here as before the package was split). Thresholds are not re-exported: each lives, and is
# patched, in the module of the reason it tunes.
__all__ = ["find_disputes", "party_of", "camp_of", "may_pair", "candidate_pairs", "explicit_denial", "polarity",
           "polarity_marks", "both_negate", "numeric", "responsibility", "agents", "learned", "stance_probs",
           "article_leans", "hedges", "weaken_for_hedges", "combine", "dispute_id"]


def find_disputes(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    topic_of: Sequence[int],
    topics: Sequence[Topic],
    camps: Camps,
    *,
    min_score: float = 0.5,
    parsed: Mapping[str, Any] | None = None,
    published: Mapping[str, str] | None = None,
    events: Sequence[Event] = (),
    towns: Mapping[str, str] | None = None,
) -> list[Dispute]:
    """Disputed pairs of claims, ordered by topic, score (desc) and claim ids. ``parsed`` (claim id
    -> spaCy Doc of the claim's text) spares parsing claim texts again; missing ones are parsed.
    Claims grouped into events (``claim.event.id``) are compared as :mod:`.gate` says; ``published``
    (article id -> ISO date) tells a later report's risen toll (an ``update``, kept at score 0);
    ``events`` (the claims' events) tell two events apart by all their reports' dates and places;
    ``towns`` (article id -> dateline town key) places an article whose main event names no place."""
    claims = list(claims)
    n = len(claims)
    if n == 0:
        return []
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != n:
        raise InputError(f"find_disputes: {n} claims but vectors of shape {vectors.shape}")
    if len(topic_of) != n:
        raise InputError(f"find_disputes: {n} claims but {len(topic_of)} topic assignments")
    camps = camps if camps is not None else Camps()

    camp = [camp_of(c, camps) for c in claims]
    framed = set(frame_pairs(claims, vectors))  # one town's dead on one weekday, whatever topics and events said
    found_pairs = sorted(set(candidate_pairs(vectors, topic_of)) | set(event_pairs(claims)) | framed)
    copy_of = copies(claims)
    outlet = {c.article.id: c.article.outlet for c in claims}
    # a copy by the article's own outlet repeats its pairs too: only the first copy is compared
    repeat = {aid for aid, first in copy_of.items() if first != aid and outlet[first] == outlet[aid]}
    echo, twins = echoes(claims)  # ... and so does one edited a little (see candidates.echoes)
    pairs = [(i, j) for i, j in found_pairs if may_pair(claims[i], claims[j], camp[i], camp[j])
             and not {claims[i].article.id, claims[j].article.id} & repeat
             and i not in echo and j not in echo and frozenset((claims[i].article.id, claims[j].article.id)) not in twins
             and (claims[i].article.id == claims[j].article.id
                  or copy_of[claims[i].article.id] != copy_of[claims[j].article.id])]
    if not pairs:
        return []
    sims = {(i, j): float(vectors[i] @ vectors[j]) for i, j in pairs}
    # Across topics, below CROSS_TOPIC_MIN_SIM, only a denial is compared (by the denial and polarity
    # rules): its sentence may have pulled it into another topic than the assertion it denies.
    near = {p: int(topic_of[p[0]]) == int(topic_of[p[1]]) or s >= CROSS_TOPIC_MIN_SIM
            or shared_event(claims[p[0]], claims[p[1]]) is not None or p in framed for p, s in sims.items()}
    pairs = [p for p in pairs if near[p] or "denies" in (claims[p[0]].stance, claims[p[1]].stance)]
    sims = {p: sims[p] for p in pairs}
    parse_gate = min(POLARITY_MIN_SIM, RESPONSIBILITY_MIN_SIM)
    docs = _Docs.build(claims, [p for p, s in sims.items() if s >= parse_gate], parsed)
    # a claim of what would be if something else were: no fact to dispute (read off its parse where there is one)
    supposing = {k for k, c in enumerate(claims)
                 if (doc := (parsed or {}).get(c.id, docs.docs.get(k))) is not None and supposes(doc)}
    probs, threshold = stance_probs(claims, vectors, claims)  # all claims: articles' leanings
    prob_of = dict(enumerate(probs))
    per_article: dict[str, list[float]] = defaultdict(list)
    for k, c in enumerate(claims):
        per_article[c.article.id].append(float(probs[k, 1]))
    lean = {aid: float(np.mean(v)) for aid, v in per_article.items()}
    claims_of = {aid: len(v) for aid, v in per_article.items()}  # headlines: an article's only claim

    by_event = {e.id: e for e in events}
    days, story = article_days(claims), main_stories(claims, towns)
    in_context = placed(claims)  # a claim naming no town, in the towns its article just named
    out = []
    for i, j in pairs:
        if i in supposing or j in supposing:
            continue
        a, b = claims[i], claims[j]
        if (a.id, a.span.start) > (b.id, b.span.start):
            a, b, i, j = b, a, j, i
        key = (min(i, j), max(i, j))
        parses = {} if not (i in docs.docs and j in docs.docs) else dict(
            docs=(docs.docs[i], docs.docs[j]), marks=(docs.marks[i], docs.marks[j]),
            agents=(docs.agents[i], docs.agents[j]), agree=both_negate(a, b, docs.marks[i], docs.marks[j]))
        pair = Pair(a, b, sims[key], (prob_of[i], prob_of[j]), threshold, camps, **parses)
        found = [r for r in (detect(pair) for detect in (NEAR_PAIR if near[key] else ANY_PAIR)) if r is not None]
        found = gate(found, in_context.get(i, a), in_context.get(j, b), sims[key], by_event, published, days, story)
        apart = bool(found) and a.article.id != b.article.id and shared_event(a, b) is None and stories_apart(
            a, b, story, published)
        # an air strike and rebel rockets, tolls of two sides' areas, claims of no shared event in two
        # articles' different stories (an unplaced claim tells its article's story): two events
        if found and (two_attacks(a, b, *(tuple(g[0] for g in docs.agents.get(k, ())) for k in (i, j)))
                      or two_zones(a, b) or (UNPLACED_IN_STORY and apart)):
            found = [r for r in found if r.kind not in EVENT_RULES]
        if apart and not share_names(a, b):
            # a denial in another story that names nothing the claim names: "he had shot the gun"
            # (denied in one town) is no answer to "he pulled the gun" (a shooting elsewhere)
            found = [r for r in found if r.kind != "explicit_denial"]
        found = as_update(found, a, b, (camp[i], camp[j]), published or {})
        found = settle(found, a, b)
        if not found:
            continue
        event = shared_event(a, b)
        if is_update_only(found):  # the toll rose in a later report: reported, not a dispute
            out.append(Dispute(dispute_id(a, b), int(topic_of[i]), a, b, 0.0, tuple(found), event))
            continue
        if all(r.kind == "learned" for r in found) and (
                a.article.id == b.article.id or not alone_in_event(a, b, event, claims_of)
                or (event is None and reports_apart(a, b, published, LEARNED_APART_DAYS))
                or stories_apart(a, b, story, published)
                or states_ignorance(a) or states_ignorance(b)
                or not article_leans(a, b, prob_of[i], prob_of[j], lean)):
            continue  # opposite stances alone: from one article, of one event in body text, two stories, or
            # articles that do not lean apart
        score = combine(found)
        if score < min_score:
            continue
        out.append(Dispute(dispute_id(a, b), int(topic_of[i]), a, b, score, tuple(found), event))
    out.sort(key=lambda d: (d.topic_id, -d.score, d.a.id, d.b.id))
    return _once(out)


def _once(disputes: list[Dispute]) -> list[Dispute]:
    """One dispute per pair of versions: a claim an outlet repeats word for word (a headline and its
    lead, or a second story of the same outlet, said by the same source) against the same claim of
    another article is one dispute, the strongest."""
    seen: set[frozenset] = set()
    kept = []
    for d in sorted(disputes, key=lambda d: (-d.score, d.topic_id, d.a.id, d.b.id)):
        key = frozenset((c.article.outlet or c.article.id, c.text, c.source.name, c.stance) for c in (d.a, d.b))
        if key not in seen:
            seen.add(key)
            kept.append(d.id)
    keep = set(kept)
    return [d for d in disputes if d.id in keep]
