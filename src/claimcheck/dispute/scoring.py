"""Combining reasons into a score: the noisy-or of their weights, after rule reasons against a claim its
outlet only reports as alleged ("reportedly", "may have") are weakened; claims of what would be if
something else were (:func:`supposes`); and the stable id of a pair."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from claimcheck.records import Claim, Evidence, Reason

# A claim its outlet only reports as alleged ("reportedly", "may have") is not asserted: a rule that
# sets it against another claim weighs this much. The stance model reads hedges by itself.
HEDGED_RULE_FACTOR = 0.6
# Words by which an outlet reports a claim as alleged (see hedges).
_HEDGE = re.compile(r"\b(?:reportedly|allegedly|alleged|purportedly|apparently|possibly|unconfirmed|"
                    r"rumou?r(?:s|ed)?|may|might|(?:said|believed|thought) to (?:be|have))\b", re.I)
# "May" the month, not the modal: "in May", "since May", "May 3", "May 2014"
_MONTH_MAY = re.compile(r"(?:\b(?:in|since|until|from|early|late|mid|last|next|this|of|by|through|before|after|"
                        r"on|during)\s+May\b|\bMay\s+\d)")


def hedges(claim: Claim) -> list[Evidence]:
    """The words by which a claim is only reported as alleged: in its content, and for the outlet's
    own (narrator) claim anywhere in its sentence ("X reportedly ..."); a named source's claim
    framed as "X claimed" is still asserted by X."""
    where = claim.sentence if claim.source.kind == "narrator" else claim.span
    months = {m.start() + m.group().index("May") for m in _MONTH_MAY.finditer(where.text)}
    return [Evidence(claim.article.id, where.start + m.start(), where.start + m.end(), m.group())
            for m in _HEDGE.finditer(where.text) if m.start() not in months]


_IF = frozenset({"if", "unless"})
_MODALS = frozenset({"would", "will", "could", "might", "may", "can", "should", "'d", "wo", "ca"})


def supposes(doc: Any) -> bool:
    """Does the claim tell what would be (or would have been) if something else were so: a main verb with
    a modal and an "if" / "unless" clause ("if the army takes the hill it will cut the road", "if he did
    not stop he would shoot him")? It asserts no fact for a rule or the stance model to set against another."""
    def if_clause(t: Any) -> bool:
        return any(m.dep_ == "mark" and m.lower_ in _IF for m in t.children)

    for root in (t for t in doc if t.dep_ == "ROOT"):
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in root.children) and any(
                c.dep_ == "advcl" and if_clause(c) for c in root.children):
            return True
        if if_clause(root) and any(t.dep_ == "aux" and t.lower_ in _MODALS for t in root.subtree):
            return True  # the parse hung the sentence on its "if" clause ("if he did not stop he would ...")
    return False


def weaken_for_hedges(reason: Reason | None, words: Sequence[Evidence]) -> Reason | None:
    """A rule reason against a pair with hedge ``words`` (see :func:`hedges`: one of its claims is
    only alleged) weighs ``HEDGED_RULE_FACTOR`` as much, with the hedge words as evidence."""
    if reason is None or reason.kind == "learned" or not words:
        return reason
    quoted = ", ".join(repr(w.text) for w in words[:3])
    return Reason(reason.kind, f"{reason.detail}; hedged: {quoted}", reason.evidence + tuple(words[:3]),
                  round(reason.weight * HEDGED_RULE_FACTOR, 4))


def settle(found: list[Reason], a: Claim, b: Claim) -> list[Reason]:
    """A pair's reasons as reported: rule reasons weakened where a claim is hedged (see
    :func:`weaken_for_hedges`), polarity dropped beside an explicit denial, strongest first."""
    if any(r.kind != "learned" for r in found):
        words = hedges(a) + hedges(b)
        found = [weaken_for_hedges(r, words) for r in found]
    if any(r.kind == "explicit_denial" for r in found):
        found = [r for r in found if r.kind != "polarity"]  # the denial already says it
    found.sort(key=lambda r: (-r.weight, r.kind))
    return found


def combine(reasons: Sequence[Reason]) -> float:
    """Noisy-or of reason weights."""
    keep = 1.0
    for r in reasons:
        keep *= 1.0 - min(max(r.weight, 0.0), 1.0)
    return round(1.0 - keep, 4)


def dispute_id(a: Claim, b: Claim) -> str:
    key = "\x1f".join(sorted((a.id, b.id)))
    return "d:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
