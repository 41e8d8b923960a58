"""Disputed pairs: claims on the same topic, from conflicting sources, that cannot both be true.

Pipeline per corpus:

1. **Candidates** -- pairs within a topic (all pairs for topics up to ``MAX_TOPIC_PAIRS_MEMBERS``
   claims, else each claim's ``TOPIC_NEIGHBOURS`` nearest members) plus similar claims across
   neighbouring topics (cosine >= ``CROSS_TOPIC_MIN_SIM`` among the ``NEIGHBOUR_TOPICS`` topics with
   the closest centroids; for a denial, by the denial and polarity rules, from ``CROSS_TOPIC_RULE_SIM``).
   Never all n^2 pairs of the corpus.
2. **Parties** -- a pair must come from different parties (see :func:`party_of`). With camps, both
   camps known and equal means same side: not a candidate. A source with no camp is a party of its
   own, so camp-less vs government *is* a cross-party pair; government vs government is not.
3. **Reasons** -- each detector returns at most one :class:`Reason` with a weight in [0, 1] and the
   words that carry it (:class:`Evidence`, offsets into the article):
   ``explicit_denial``, ``polarity``, ``numeric``, ``responsibility`` (rules, gated on embedding
   similarity so they compare the same event) and ``learned`` (opposite stances toward the topic,
   from the stance model in ``models/``).
4. **Score** -- noisy-or of the reason weights, ``1 - prod(1 - w)``: any one strong reason suffices
   and independent reasons reinforce each other; stays in [0, 1]. Pairs scoring below
   ``min_score`` are dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimcheck.config import Camps
from claimcheck.dispute.candidates import camp_of, candidate_pairs, CROSS_TOPIC_MIN_SIM, may_pair, party_of
from claimcheck.dispute.reasons.explicit_denial import explicit_denial
from claimcheck.dispute.reasons.learned import article_leans, learned, stance_probs
from claimcheck.dispute.reasons.numeric import numeric
from claimcheck.dispute.reasons.polarity import (
    both_negate, _NEGATORS, polarity, POLARITY_AXES, polarity_marks, POLARITY_MIN_SIM,
)
from claimcheck.dispute.reasons.responsibility import (
    agents, ATTACK_NOUNS, ATTACK_VERBS, responsibility, RESPONSIBILITY_MIN_SIM,
)
from claimcheck.dispute.scoring import combine, dispute_id, hedges, weaken_for_hedges
from claimcheck.errors import InputError
from claimcheck.records import Claim, Dispute, Topic


__all__ = ["find_disputes", "party_of", "candidate_pairs", "explicit_denial", "polarity", "numeric",
           "responsibility", "learned", "hedges", "article_leans", "combine", "dispute_id"]


@dataclass
class _Docs:
    """Parses of claim texts, made in one batch for the claims that need them, with the polarity
    marks and attack agents of each computed once (not once per pair)."""

    docs: dict[int, Any]
    marks: dict[int, Any]
    agents: dict[int, Any]

    @classmethod
    def build(cls, claims: Sequence[Claim], pairs: Sequence[tuple[int, int]],
              parsed: Mapping[str, Any] | None = None) -> "_Docs":
        """Parses of both claims of each pair in which at least one has a word the parse reasons
        need (the other may be the plain assertion that a negation contradicts): taken from
        ``parsed`` (claim id -> Doc of the claim's text, e.g. cut from the article's parse) where
        given, else parsed here."""
        worth = {i: _worth_parsing(claims[i].text) for p in pairs for i in p}
        idx = sorted({i for p in pairs if worth[p[0]] or worth[p[1]] for i in p})
        parsed = parsed or {}
        docs: dict[int, Any] = {i: parsed[claims[i].id] for i in idx if claims[i].id in parsed}
        missing = [i for i in idx if i not in docs]
        if missing:
            from claimcheck.nlp import parse_many

            docs.update(zip(missing, parse_many([claims[i].text for i in missing])))
        docs = dict(sorted(docs.items()))
        return cls(docs, {i: polarity_marks(d) for i, d in docs.items()}, {i: agents(d) for i, d in docs.items()})


def _hint_stems() -> frozenset[str]:
    words = set(ATTACK_VERBS) | set(ATTACK_NOUNS) | {"blame", "responsible"} | set(_NEGATORS)
    for pos, neg in POLARITY_AXES.values():
        words |= pos | neg
    words |= {"fell", "took", "held", "won", "lost", "shot", "struck", "fought", "freed", "slain", "dying",
              "never", "failed", "refused"}
    return frozenset(w[:4] for w in words) | frozenset(w[:-1][:4] + "i" for w in words if w.endswith("y"))


def _worth_parsing(text: str) -> bool:
    """Cheap pre-filter: only texts with a polarity, attack or negation word can carry those reasons."""
    stems = _HINT_STEMS
    return any(w[:4] in stems or w[:3] in stems for w in re.findall(r"[a-z']+", text.lower().replace("n't", " not")))


_HINT_STEMS = _hint_stems()


def find_disputes(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    topic_of: Sequence[int],
    topics: Sequence[Topic],
    camps: Camps,
    *,
    min_score: float = 0.5,
    parsed: Mapping[str, Any] | None = None,
) -> list[Dispute]:
    """Disputed pairs of claims, ordered by topic, score (desc) and claim ids. ``parsed`` (claim id
    -> spaCy Doc of the claim's text) spares parsing claim texts again; missing ones are parsed."""
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
    pairs = [(i, j) for i, j in candidate_pairs(vectors, topic_of) if may_pair(claims[i], claims[j], camp[i], camp[j])]
    if not pairs:
        return []
    sims = {(i, j): float(vectors[i] @ vectors[j]) for i, j in pairs}
    # Across topics, below CROSS_TOPIC_MIN_SIM, only a denial is compared (by the denial and polarity
    # rules): its sentence may have pulled it into another topic than the assertion it denies.
    near = {p: int(topic_of[p[0]]) == int(topic_of[p[1]]) or s >= CROSS_TOPIC_MIN_SIM for p, s in sims.items()}
    pairs = [p for p in pairs if near[p] or "denies" in (claims[p[0]].stance, claims[p[1]].stance)]
    sims = {p: sims[p] for p in pairs}
    parse_gate = min(POLARITY_MIN_SIM, RESPONSIBILITY_MIN_SIM)
    docs = _Docs.build(claims, [p for p, s in sims.items() if s >= parse_gate], parsed)
    probs, threshold = stance_probs(claims, vectors, claims)  # all claims: articles' leanings
    prob_of = dict(enumerate(probs))
    per_article: dict[str, list[float]] = defaultdict(list)
    for k, c in enumerate(claims):
        per_article[c.article.id].append(float(probs[k, 1]))
    lean = {aid: float(np.mean(v)) for aid, v in per_article.items()}

    out = []
    for i, j in pairs:
        a, b = claims[i], claims[j]
        if (a.id, a.span.start) > (b.id, b.span.start):
            a, b, i, j = b, a, j, i
        key = (min(i, j), max(i, j))
        sim, parsed_both = sims[key], i in docs.docs and j in docs.docs
        agree = parsed_both and both_negate(a, b, docs.marks[i], docs.marks[j])
        reasons = [explicit_denial(a, b, sim, agree)]
        if parsed_both:
            reasons.append(polarity(a, b, docs.docs[i], docs.docs[j], sim, (docs.marks[i], docs.marks[j])))
        if near[key]:
            reasons.append(numeric(a, b, sim))
            if parsed_both:
                reasons.append(responsibility(a, b, docs.docs[i], docs.docs[j], sim, camps,
                                              (docs.agents[i], docs.agents[j])))
            if not agree:
                reasons.append(learned(a, b, prob_of[i], prob_of[j], threshold, sim))
        found = [r for r in reasons if r is not None]
        if any(r.kind != "learned" for r in found):
            words = hedges(a) + hedges(b)
            found = [weaken_for_hedges(r, words) for r in found]
        if any(r.kind == "explicit_denial" for r in found):
            found = [r for r in found if r.kind != "polarity"]  # the denial already says it
        found.sort(key=lambda r: (-r.weight, r.kind))
        if not found:
            continue
        if (all(r.kind == "learned" for r in found) and a.article.id != b.article.id
                and not article_leans(a, b, prob_of[i], prob_of[j], lean)):
            continue  # opposite stances alone, from articles that do not lean apart
        score = combine(found)
        if score < min_score:
            continue
        out.append(Dispute(dispute_id(a, b), int(topic_of[i]), a, b, score, tuple(found)))
    out.sort(key=lambda d: (d.topic_id, -d.score, d.a.id, d.b.id))
    return out
