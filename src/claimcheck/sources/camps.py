"""Camps for sources: by the source's name, or by the organisation it is affiliated with.

A camps file names an organisation once: its members are read as mentions (canonicalised like a
source) and merged with the corpus's names, so "SOHR" or "the Syrian Observatory for Human Rights"
in the file covers every spelling, acronym and descriptor merged into that organisation, and its
people and spokespeople through their ``affiliation``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from claimcheck.config import Camp, Camps
from claimcheck.records import Claim, Source
from claimcheck.sources.merge import _is_group, merge_map
from claimcheck.sources.names import canonical_name


def assign_camps(claims: Iterable[Claim], camps: Camps) -> list[Claim]:
    """Claims with ``source.camp`` set from the camps file (None when no camp matches)."""
    claims = list(claims)
    if not camps:
        return [replace(c, source=replace(c.source, camp=None)) for c in claims]
    names = [n for c in claims for n in (c.source.name, c.source.affiliation) if n and c.source.kind != "narrator"]
    members = {m: canonical_name(m) for camp in camps.camps for m in camp.members}
    alias = merge_map(names + [m for m in members.values() if m])
    wide = Camps(tuple(Camp(camp.name, camp.members + tuple(
        alias[members[m]] for m in camp.members if members[m] in alias), camp.patterns) for camp in camps.camps))
    return [replace(c, source=replace(c.source, camp=_camp_of(c.source, wide, alias))) for c in claims]


def _camp_of(source: Source, camps: Camps, alias: dict[str, str]) -> str | None:
    if source.kind == "narrator":
        return camps.camp_of(source.name)
    # a name and the cluster it joins with the camps file's members ("DAESH" with "Islamic State")
    of = lambda n: camps.camp_of(n) or camps.camp_of(alias.get(n or ""))  # noqa: E731
    name = source.name
    if name and _is_group(name):  # "John Kerry and Sergei Lavrov": a camp only if both share it
        found = {of(part) for part in name.split(" and ")}
        return found.pop() if len(found) == 1 else None
    return of(name) or of(source.affiliation)
