"""Reason detectors, one module per reason kind, each behind the same signature,
``detect(pair: Pair) -> Reason | None``: at most one :class:`~claimcheck.records.Reason` for a
candidate pair (:class:`~claimcheck.dispute.pair.Pair`), with a weight in [0, 1] and the words
that carry it. Each module keeps beside its rule the thresholds that tune it, and the rule itself
under the reason's name, with the arguments it reads (``polarity(a, b, doc_a, doc_b, sim)``).
"""

from __future__ import annotations

from claimcheck.dispute.reasons import explicit_denial, learned, numeric, polarity, responsibility

# Every candidate pair is read by the denial and the polarity rule ...
ANY_PAIR = (explicit_denial.detect, polarity.detect)
# ... and a pair within a topic, or of nearly the same claims across topics, by all (see ``near`` in
# find_disputes: a denial's sentence may have pulled it into another topic than what it denies).
NEAR_PAIR = ANY_PAIR + (numeric.detect, responsibility.detect, learned.detect)
