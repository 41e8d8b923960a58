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
from claimcheck.dispute.evidence import _content, _ev
from claimcheck.dispute.reasons.explicit_denial import explicit_denial
from claimcheck.dispute.reasons.numeric import numeric
from claimcheck.dispute.reasons.polarity import (
    both_negate, _NEGATORS, polarity, POLARITY_AXES, polarity_marks, POLARITY_MIN_SIM,
)
from claimcheck.dispute.reasons.responsibility import (
    agents, ATTACK_NOUNS, ATTACK_VERBS, responsibility, RESPONSIBILITY_MIN_SIM,
)
from claimcheck.dispute.scoring import combine, dispute_id, hedges, weaken_for_hedges
from claimcheck.errors import InputError
from claimcheck.records import Claim, Dispute, Evidence, Reason, Topic

LEARNED_MIN_SIM = 0.15  # opposite stances on unrelated content are not a dispute ...
LEARNED_FULL_SIM = 0.3  # ... from here on the stance model speaks alone
DENIED_MIN_SIM = 0.4  # the same fade for a claim whose source denies it: its "against" stance
DENIED_FULL_SIM = 0.65  # comes from the denial of specific content, so it needs similar content
# A dispute resting on the stance model alone must come from articles that lean apart: the
# "against" claim's article (mean P(against) over its claims) at least this much more "against"
# than the other's. In body text a quoted denial or any negated sentence reads "against" although
# its article asserts the rumour; a one-line article (a headline) is its own claim, so unchanged.
# Two claims of one article share its lean, so the test does not apply to them.
# Chosen on FNC-1 half a, reported on half b (benchmarks/fnc_article_disputes.py).
LEARNED_ARTICLE_MARGIN = 0.1
# A claim's stance is read from its content and from its whole sentence (see stance_probs); the
# sentence's share. Chosen out of fold on Emergent and on FNC-1 half a (0.25 / 0.5 / 0.75).
SENTENCE_WEIGHT = 0.5

__all__ = ["find_disputes", "party_of", "candidate_pairs", "explicit_denial", "polarity", "numeric",
           "responsibility", "learned", "hedges", "article_leans", "combine", "dispute_id"]


# -------------------------------------------------------------------------------------------- learned

def learned(a: Claim, b: Claim, pa: np.ndarray, pb: np.ndarray, threshold: float, sim: float = 1.0) -> Reason | None:
    """Opposite stances toward the topic (stance model); weight 0.5 at the training F1 optimum,
    faded out for pairs that share the topic but barely each other's content (cosine below
    LEARNED_FULL_SIM, zero at LEARNED_MIN_SIM)."""
    from claimcheck.stance import CLASSES, calibrate, cue_matches, pair_opposition

    s = pair_opposition(pa, pb)
    lo, hi = LEARNED_MIN_SIM, LEARNED_FULL_SIM
    if "denies" in (a.stance, b.stance):
        lo, hi = DENIED_MIN_SIM, DENIED_FULL_SIM  # a denial opposes the content it denies, not the topic
    gate = min(1.0, max(0.0, (sim - lo) / (hi - lo)))
    w = calibrate(s, threshold) * gate
    fa, fb = CLASSES[int(np.argmax(pa))], CLASSES[int(np.argmax(pb))]
    if w < 0.2 or fa == fb:  # weak, or both sides lean the same way: it would only clutter the reasons
        return None
    ev: list[Evidence] = []
    for claim in (a, b):
        marks = [_ev(claim, s0, e0) for s0, e0, fam in cue_matches(claim.text) if fam in ("deny", "fake", "neg")]
        if claim.stance == "denies" and claim.cue is not None:
            marks.insert(0, Evidence(claim.article.id, claim.cue.start, claim.cue.end, claim.cue.text))
        ev += marks[:3] or [_content(claim)]
    detail = (f"stances toward the topic: {fa} ({pa.max():.2f}) vs {fb} ({pb.max():.2f}); "
              f"P(opposite) {s:.2f}")
    return Reason("learned", detail, tuple(ev), round(w, 4))


def article_leans(a: Claim, b: Claim, pa: np.ndarray, pb: np.ndarray, lean: dict[str, float],
                  margin: float | None = None) -> bool:
    """Does the article of the pair's "against" claim lean more against than the other claim's
    article (``lean``: mean P(against) of each article's claims), by at least ``margin``
    (default ``LEARNED_ARTICLE_MARGIN``)?"""
    from claimcheck.stance import CLASSES

    margin = LEARNED_ARTICLE_MARGIN if margin is None else margin
    f, x = CLASSES.index("for"), CLASSES.index("against")
    against, other = (b, a) if pa[f] * pb[x] >= pa[x] * pb[f] else (a, b)
    return lean[against.article.id] >= lean[other.article.id] + margin


def _frame_has_stance(claim: Claim) -> bool:
    """Do the sentence's words outside the content (the frame) carry stance: a denial, a falsity
    word or a hedge ("denies reports that", "rumours that", "reportedly")?"""
    from claimcheck.stance import cue_matches

    sent = claim.sentence
    a, b = claim.span.start - sent.start, claim.span.end - sent.start
    if not sent.text or a < 0 or b > len(sent.text):
        return False
    frame = sent.text[:a] + " " + sent.text[b:]
    return bool(cue_matches(frame, families=("deny", "fake", "hedge", "question")))


def stance_probs(
    claims: Sequence[Claim], vectors: np.ndarray, corpus: Sequence[Claim] = ()
) -> tuple[np.ndarray, float]:
    """Per-claim (for, against, observing) toward its topic.

    Each claim is read twice, both times with its content's embedding: by its content, and by its
    whole sentence, as in the headlines the model learned from (the sentence carries how the
    outlet frames it: "rumours that", "reportedly", a denial). A claim alone in its sentence whose
    frame carries stance is read by its sentence alone; any other by the mean of both readings
    (its content alone loses the frame), except in a sentence that holds both an assertion and a
    denial ("the navy said X, but the union denied it"): its reading is neither's, so there the
    content alone. A denial turns the content's reading around; the sentence's reading carries the
    denial already, unless the model missed it (a denial is never "for" what it denies).
    ``corpus`` (all claims) tells which claims share a sentence.
    """
    from claimcheck.stance import load_stance_model

    model = load_stance_model()
    stances_in = defaultdict(list)  # sentence -> its claims' stances (asserts / denies / questions)
    for c in corpus or claims:
        stances_in[(c.article.id, c.sentence.start, c.sentence.end)].append(c.stance)
    shared = [stances_in[(c.article.id, c.sentence.start, c.sentence.end)] for c in claims]
    alone = np.array([len(st) == 1 and _frame_has_stance(c) for c, st in zip(claims, shared)], dtype=bool)
    uniform = np.array([len(set(st)) == 1 for st in shared], dtype=bool)
    by_content = model.predict_proba([c.text for c in claims], vectors)
    by_sentence = model.predict_proba([c.sentence.text for c in claims], vectors)
    for i, c in enumerate(claims):
        if c.stance == "denies":
            by_content[i, [0, 1]] = by_content[i, [1, 0]]
            if by_sentence[i, 0] > by_sentence[i, 1]:
                by_sentence[i, [0, 1]] = by_sentence[i, [1, 0]]
    mixed = SENTENCE_WEIGHT * by_sentence + (1 - SENTENCE_WEIGHT) * by_content
    mixed = np.where(uniform[:, None], mixed, by_content)
    return np.where(alone[:, None], by_sentence, mixed), model.pair_threshold


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
