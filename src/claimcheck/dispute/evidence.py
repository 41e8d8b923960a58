"""Evidence: the words a reason rests on, as offsets into the article (a claim's content, part of it, or
one token of its parse)."""

from __future__ import annotations

from typing import Any

from claimcheck.records import Claim, Evidence


def _ev(claim: Claim, start: int, end: int) -> Evidence:
    """Evidence for claim-local offsets [start, end) in the claim's content."""
    return Evidence(claim.article.id, claim.span.start + start, claim.span.start + end, claim.text[start:end])


def _content(claim: Claim) -> Evidence:
    return Evidence(claim.article.id, claim.span.start, claim.span.end, claim.text)


def _tok_ev(claim: Claim, tok: Any) -> Evidence:
    return _ev(claim, tok.idx, tok.idx + len(tok.text))
