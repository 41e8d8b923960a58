"""Camps for sources: by the source's name, or by the organisation it is affiliated with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from claimcheck.config import Camps
from claimcheck.records import Claim


def assign_camps(claims: Iterable[Claim], camps: Camps) -> list[Claim]:
    """Claims with ``source.camp`` set from the camps file (None when no camp matches)."""
    return [replace(c, source=replace(c.source, camp=camps.camp_of(c.source.name))) for c in claims]
