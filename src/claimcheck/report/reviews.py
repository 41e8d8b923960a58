"""Reviewers' verdicts read back: from verdicts lines or facts lines that carry a review."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from claimcheck.records import VERDICTS, Problem, Review
from claimcheck.report.files import read_rows


def _verdict(value: Any) -> str | None:
    if value is None or value == "":
        return None
    key = str(value).strip().casefold().replace("-", "_").replace(" ", "_")
    key = {"confirmed_dispute": "confirmed", "dispute": "confirmed", "not_dispute": "not_a_dispute"}.get(key, key)
    if key not in VERDICTS:
        raise ValueError(f"verdict {value!r} is not one of {', '.join(VERDICTS)}")
    return key


def review_from_row(row: Mapping[str, Any]) -> Review | None:
    """A review from a verdicts line (``fact``, ``verdict``, ``note``, ``ratings``), or from a
    facts line that carries one (``review``, or a ``verdict`` a reviewer added); None if neither.
    Raises ValueError for a line that means to be a review but is malformed."""
    if "versions" in row and "id" in row:  # a facts line
        given = row.get("review")
        if given is None and "verdict" in row:
            given = {"verdict": row.get("verdict"), "note": row.get("note", "")}
        if given is None:
            return None
        if not isinstance(given, Mapping):
            raise ValueError("review is not an object")
        row = {**given, "fact": row["id"]}
    if "fact" not in row:
        return None
    if not isinstance(row["fact"], str) or not row["fact"]:
        raise ValueError("fact is not a fact id")
    ratings = row.get("ratings") or {}
    if not isinstance(ratings, Mapping) or not all(isinstance(v, str) for v in ratings.values()):
        raise ValueError("ratings is not an object of version id -> rating text")
    note = row.get("note") or ""
    if not isinstance(note, str):
        raise ValueError("note is not text")
    return Review(
        fact_id=row["fact"], verdict=_verdict(row.get("verdict")), note=note,
        ratings=tuple(sorted((str(k), v.strip()) for k, v in ratings.items() if v.strip())),
        reviewer=row.get("reviewer") if isinstance(row.get("reviewer"), str) else None,
        reviewed=row.get("reviewed") if isinstance(row.get("reviewed"), str) else None,
    )


def read_reviews(paths: Sequence[str | Path]) -> tuple[list[Review], list[Problem], dict[str, tuple[str, int]]]:
    """Reviews from verdicts files (later lines and files win for a fact), the problems met, and
    where each kept review came from (fact id -> (path, line))."""
    found: dict[str, Review] = {}
    where: dict[str, tuple[str, int]] = {}
    problems: list[Problem] = []
    for path in paths:
        rows, bad = read_rows(path)
        problems.extend(bad)
        for number, row in rows:
            try:
                review = review_from_row(row)
            except ValueError as exc:
                problems.append(Problem(str(path), str(exc), number))
                continue
            if review is None:
                continue
            found[review.fact_id] = review
            where[review.fact_id] = (str(path), number)
    return [found[k] for k in sorted(found)], problems, where
