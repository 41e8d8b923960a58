"""``learned``: opposite stances toward the topic, from the shipped stance model, which reads each claim
by its content and by its sentence (:func:`stance_probs`). A pair from two articles resting on this
reason alone must also pass :func:`article_leans`."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from claimcheck.dispute.evidence import _content, _ev
from claimcheck.dispute.pair import Pair
from claimcheck.records import Claim, Evidence, Reason

LEARNED_MIN_SIM = 0.15  # opposite stances on unrelated content are not a dispute ...
LEARNED_FULL_SIM = 0.3  # ... from here on the stance model speaks alone
DENIED_MIN_SIM = 0.4  # the same fade for a claim whose source denies it: its "against" stance
DENIED_FULL_SIM = 0.65  # comes from the denial of specific content, so it needs similar content
# A dispute resting on the stance model alone must come from articles that lean apart: the
# "against" claim's article (mean P(against) over its claims) at least this much more "against"
# than the other's. In body text a quoted denial or any negated sentence reads "against" although
# its article asserts the rumour; a one-line article (a headline) is its own claim, so unchanged.
# Two claims of one article are no dispute on this reason alone (find_disputes): inside a body the
# model reads a hedge as "against" the facts beside it.
# Chosen on FNC-1 half a, reported on half b (benchmarks/fnc_article_disputes.py).
LEARNED_ARTICLE_MARGIN = 0.1
# A claim's stance is read from its content and from its whole sentence (see stance_probs); the
# sentence's share. Chosen out of fold on Emergent and on FNC-1 half a (0.25 / 0.5 / 0.75).
SENTENCE_WEIGHT = 0.5
# Within one event the stance model speaks alone only for headlines (see alone_in_event). False gave,
# on 489 gun-violence articles (half a), 45 disputes of which 25 on this reason alone, 21 of them within
# one event and none a dispute read by eye ("police have not released a motive" against "police have
# released the name of the man").
LEARNED_IN_EVENT_HEADLINES_ONLY = True
# Nor does it alone dispute claims of no shared event in articles published more than this many days
# apart: on a local-news corpus one topic spans incidents years apart ("Man wanted in shooting of
# Nashville family surrenders", 2013, against "he also didn't see the shooting", 2015).
LEARNED_APART_DAYS = 30


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


# A claim that says what is not known ("what triggered the shooting is not known", "police have not
# said if it was accidental", "the monitor could not confirm the nature of the gas") tells no version
# of the event: Emergent's coders read such reports as observing, the stance model often as against.
_IGNORANCE = re.compile(
    r"(?:\bnot |n[’']t )(?:yet |immediately )?(?:known|clear)\b|"  # "was not known", "wasn't immediately clear"
    r"\b(?:(?:is|was|are|were|remains?|remained|still) (?:unclear|unknown)|"
    r"unconfirmed|not (?:yet )?(?:been )?identified|"
    r"(?:did|do|does|have|has|had|could|would|can|ca)(?: not|n[’']t|not) (?:yet )?(?:say|said|confirm|confirmed|"
    r"disclose|disclosed|know|determine|determined|release|released)\s+(?:if|whether|what|who|why|how|when|where|"
    r"the (?:identity|identities|name|names|cause|nature|motive|extent))\b|"
    r"no (?:word|information|details|indication) (?:yet |immediately )?(?:on|about|of|as to|whether|if)\b)", re.IGNORECASE)


def alone_in_event(a: Claim, b: Claim, event: str | None, claims_of: dict[str, int]) -> bool:
    """May the stance model alone dispute two claims of one ``event`` (their shared event id, or
    None)? Only when both are headlines: each its article's only claim (``claims_of``: article id ->
    its number of claims), as in the headlines the model learned from. Two body sentences of one
    event tell two facts of one story ("the boy found the gun at home", "the father did not put it
    away"); the model reads a negated side fact as "against" the story, and what happened is
    compared by the event rules and the denial rule."""
    return event is None or not LEARNED_IN_EVENT_HEADLINES_ONLY or (
        claims_of.get(a.article.id) == 1 and claims_of.get(b.article.id) == 1)


def states_ignorance(claim: Claim) -> bool:
    """Does the claim only say what is not known (see ``_IGNORANCE``)?"""
    return bool(_IGNORANCE.search(claim.text))


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


def detect(pair: Pair) -> Reason | None:
    if pair.agree:
        return None  # both negate the event: they agree on it, although each reads "against"
    return learned(pair.a, pair.b, *pair.probs, pair.threshold, pair.sim)
