"""The one argument every reason detector takes: a candidate pair and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimcheck.config import Camps
from claimcheck.records import Claim


@dataclass(frozen=True)
class Pair:
    """Two claims from different parties, ``a`` before ``b`` (by claim id), with what the reasons read:
    their similarity, stances toward the topic, camps, and for a pair whose claims were both parsed
    (see :mod:`claimcheck.dispute.parses`) their parses, polarity marks and attack agents."""

    a: Claim
    b: Claim
    sim: float  # cosine of the two claim vectors
    probs: tuple[Any, Any]  # each claim's P(for, against, observing) toward its topic (stance_probs)
    threshold: float  # the stance model's pair threshold (learned)
    camps: Camps
    docs: tuple[Any, Any] | None = None  # both claims' parses, or None unless both were parsed
    marks: tuple[Any, Any] | None = None  # their polarity_marks
    agents: tuple[Any, Any] | None = None  # their attack agents
    agree: bool = False  # both give the event the same negative outcome (both_negate): no dispute on it
