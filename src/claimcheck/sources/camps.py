"""Camps for sources: by the source's name, or by the organisation it is affiliated with.

A camps file names an organisation once: its members are read as mentions (canonicalised like a
source) and merged with the corpus's names, so "SOHR" or "the Syrian Observatory for Human Rights"
in the file covers every spelling, acronym and descriptor merged into that organisation, and its
people and spokespeople through their ``affiliation``.

A source of a country's state ("Russian officials", "the Turkish military", "Moscow", "Frances foreign
minister", a person affiliated with "Turkey") takes the camp of that country, where the file lists the
country or state bodies of it ("Syrian government", "Syrian army") and they all share one camp
(:mod:`claimcheck.sources.countries`). So does a local office of a town the run's articles place in that
country ("Aleppo Governor Hussein Diab", "the governor of Hasakeh province", "a source at Aleppo Health
Directorate", where some sentence says "the Syrian city of Aleppo").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from claimcheck.config import Camp, Camps, bare_member
from claimcheck.records import Claim, Source
from claimcheck.sources.aliases import KNOWN
from claimcheck.sources.countries import SEATS, _state_phrase, country_itself, state_of
from claimcheck.sources.merge import _SHARED_HEADS, _initials, _is_group, _skeleton, _title_case, _tokens, merge_map
from claimcheck.sources.lexicon import GENERIC
from claimcheck.sources.names import canonical_name
from claimcheck.sources.surnames import _bare


def assign_camps(claims: Iterable[Claim], camps: Camps) -> list[Claim]:
    """Claims with ``source.camp`` set from the camps file (None when no camp matches)."""
    claims = list(claims)
    if not camps:
        return [replace(c, source=replace(c.source, camp=None)) for c in claims]
    names = [n for c in claims for n in (c.source.name, c.source.affiliation) if n and c.source.kind != "narrator"]
    members = {m: canonical_name(m) for camp in camps.camps for m in camp.members}
    known = [n for names_of in KNOWN for n in names_of]  # "ISIS", "Daesh": the table's names of a member's body
    alias = merge_map(names + [m for m in members.values() if m] + known)
    spellings: dict[str, set[str]] = {}  # a cluster's names, for the longer names that hold one ("Daesh-linked Amaq")
    for n in set(names) | set(members.values()) | set(known):
        if n and _spelling(n):
            spellings.setdefault(alias.get(n, n), set()).add(n)
    # a country stands for its state, not for another body whose name holds it ("Russia Today", "YouTube
    # Russia", "Syria Civil Defence"): matched apart (``_country_camp``); its state bodies come by ``state_of``
    nations = {m: camp.name for camp in camps.camps for m in camp.members if _is_country(m)}
    wide = Camps(tuple(Camp(camp.name, tuple(n for n in camp.members + tuple(
        alias[members[m]] for m in camp.members if members[m] in alias) + tuple(sorted(
            n for m in camp.members for n in spellings.get(alias.get(members[m], members[m]), ()))) + tuple(
        _acronyms(members[m], alias.get(members[m])) for m in camp.members) if n not in nations and not _is_country(n)),
        camp.patterns) for camp in camps.camps))
    states = _state_camps(camps)
    rulers = _rulers(claims)
    local = _local_officials(claims)
    memo: dict[str | None, str | None] = {}

    def of(n: str | None) -> str | None:
        # a name and the cluster it joins with the camps file's members ("DAESH" with "Islamic State"),
        # else the camp of the country whose state it names ("Russian officials", "the Assad regime"); once per name
        if n not in memo:
            memo[n] = next((found for name in (n, alias.get(n or "")) for found in (
                wide.camp_of(name), _country_camp(name, nations), states.get(state_of(name) or ""),
                states.get(_ruled(name, rulers) or ""), states.get(local.get(name or "", ""))) if found), None)
        return memo[n]

    return [replace(c, source=replace(c.source, camp=camps.camp_of(c.source.name) if c.source.kind == "narrator"
                                      else _camp_of(c.source, of))) for c in claims]


def _spelling(name: str) -> bool:
    """A name that may stand for its body inside a longer name: not a common head alone ("Coalition",
    "coalition": the corpus merges them into one body, but "coalition spokesman" may be another's),
    no two-letter word ("IS"), no group, nothing over six words."""
    words = name.split()
    return (len(name) >= 3 and len(words) <= 6 and not _is_group(name)
            and not (len(words) == 1 and name.lower() in _SHARED_HEADS | GENERIC))


def _acronyms(*names: str | None) -> str:
    """A member's acronym, three letters or more ("Free Syrian Army": "FSA"), for the names that hold
    it inside a longer name ("Former FSA Deputy Chief of Staff", "FSA southern front command")."""
    for name in names:
        if name and len(name.split()) > 1 and _title_case(name) and not _is_group(name) and len(_initials(name)) >= 3:
            return _initials(name)
    return ""


def _state_camps(camps: Camps) -> dict[str, str]:
    """Country -> camp, for the countries whose state the file's members name ("Russia", "Syrian
    government", "Turkish army"), when those members share one camp."""
    found: dict[str, set[str]] = {}
    for camp in camps.camps:
        for member in camp.members:
            country = state_of(member)
            if country:
                found.setdefault(country, set()).add(camp.name)
    return {country: next(iter(names)) for country, names in found.items() if len(names) == 1}


def _camp_of(source: Source, of: Callable[[str | None], str | None]) -> str | None:
    name = source.name
    if name and _is_group(name):  # "John Kerry and Sergei Lavrov": a camp only if both share it
        found = {of(part) for part in name.split(" and ")}
        return found.pop() if len(found) == 1 else None
    return of(name) or of(source.affiliation)


def _is_country(member: str) -> bool:
    """A member that is a country ("Russia", "the US"), not its seat ("Pentagon", "Moscow": a body)."""
    bare = bare_member(member)
    return country_itself(bare) and bare.lower() not in SEATS


def _country_camp(name: str | None, nations: dict[str, str]) -> str | None:
    """The camp of a country member ``name`` holds as a word of its own or a possessive ("Russia", "Russias
    UN ambassador", "Turkey-backed fighters"), not inside another body's name, a capitalised word beside it ("Russia
    Today", "YouTube Russia", "Syria Civil Defence"; a state body of it is ``state_of``'s)."""
    if not name:
        return None
    for member, camp in sorted(nations.items(), key=lambda kv: -len(kv[0])):
        bare = bare_member(member)
        for m in re.finditer(rf"(?<![\w-]){re.escape(bare)}(?:['’]?s)?(?![\w])(?!-(?:based|held|occupied|controlled))",
                             name, flags=re.IGNORECASE):
            before, after = name[:m.start()].split()[-1:], name[m.end():].split()[:1]
            # (a possessive is the country's: "Russias UN envoy")
            if m.group().lower() != bare.lower() or not any(w[:1].isupper() and w not in ("The", "A", "An") for w in before + after):
                return camp
    return None


def _rulers(claims: list[Claim]) -> dict[str, str]:
    """Surname -> country, for the people the run affiliates with a country's state ("Syrian President
    Bashar al-Assad": "assad" -> Syria); a surname of two states' people names none."""
    found: dict[str, set[str]] = {}
    for c in claims:
        src = c.source
        if src.kind in ("named", "pronoun") and src.name and src.affiliation and _skeleton(re.sub(r"\b(?:al|el)-(?=[A-Z])", "", src.name)):
            country = state_of(src.affiliation)
            if country:
                found.setdefault(_bare(_tokens(src.name)[-1]), set()).add(country)
    return {k: v.pop() for k, v in found.items() if len(v) == 1}


_RULED = re.compile(r"(?:^|\bof\s+(?:the\s+)?)(?P<who>(?:(?:al|el)-)?[A-Z][\w'’-]*)\s+(?P<rest>[a-z][\w -]*)$")


def _ruled(name: str | None, rulers: dict[str, str]) -> str | None:
    """The state a ruler's body is ("the Assad regime", "Assad forces", "army of the Assad regime"):
    the state the run affiliates that person with (``_rulers``)."""
    m = _RULED.search(name or "")
    if not m or not _state_phrase(m.group("rest").split()):
        return None
    who = _bare(_tokens(m.group("who"))[-1])
    return rulers.get(who) or (rulers.get(who[:-1]) if who.endswith("s") else None)  # "Assads forces"


_PLACE = r"(?:(?:al|Al|el|El)-)?[A-Z][\w'’-]*"
# "the northern Syrian city of Aleppo", "the Syrian province of Hasakeh", "Syrias Idlib province" (an apostrophe lost)
_TOWN_IN = re.compile(rf"\b(?P<country>[A-Z][a-z]+)(?:['’]s)?\s+(?:(?:border|port|coastal|capital|besieged|rebel-held|"
                      rf"government-held|northern|southern|eastern|western|central)\s+)?(?:city|town|village|province|"
                      rf"governorate|region|district|port)\s+of\s+(?P<place>{_PLACE}(?:\s+{_PLACE})?)")
_OFFICE = r"(?:[Gg]overnor|[Mm]ayor|[Hh]ealth [Dd]irectorate|[Pp]olice [Cc]ommand|[Pp]rovincial [Cc]ouncil|[Gg]overnorate)"
_OFFICE_OF = (re.compile(rf"(?P<place>{_PLACE}(?:\s+{_PLACE})?)\s+(?:[Pp]rovince\s+|[Cc]ity\s+)?{_OFFICE}\b"),
              re.compile(rf"\b(?:[Gg]overnor|[Mm]ayor)\s+of\s+(?:the\s+)?(?P<place>{_PLACE})"))


def _towns(claims: list[Claim]) -> dict[str, str]:
    """Town -> country, for the towns the run's sentences place in a country ("the Syrian city of
    Aleppo"); a town placed in two countries names none."""
    found: dict[str, set[str]] = {}
    for c in {c.sentence.text for c in claims}:
        for m in _TOWN_IN.finditer(c):
            country = state_of(m.group("country") + " government")  # a people's word or the country's name
            words = m.group("place").split()  # "the Syrian city of Homs Wednesday": the first word names it too
            for place in {" ".join(words), words[0]} if country else ():
                found.setdefault(_town_key(place), set()).add(country)
    return {k: v.pop() for k, v in found.items() if len(v) == 1}


def _town_key(place: str) -> str:
    return re.sub(r"^(?:al|el)-", "", place.lower())


def _local_officials(claims: list[Claim]) -> dict[str, str]:
    """Source name -> country, for the sources whose mention or name is a local office of a town the run
    places in a country (``_towns``): a governor, mayor, health directorate or police command of it."""
    towns = _towns(claims)
    found: dict[str, set[str]] = {}
    for c in claims:
        src = c.source
        if src.kind not in ("named", "pronoun") or not src.name or src.name.islower():
            continue  # a generic role ("military source") is many people; its mention alone speaks for a claim
        for text in (src.name, src.mention.text if src.mention is not None else ""):
            for pattern in _OFFICE_OF:
                for m in pattern.finditer(text):
                    if re.search(r"\b(?:in|across|throughout)(?:\s+the)?\s*$", text[:m.start()]):
                        continue  # "a source in the Aleppo Governorate" names where, not whose
                    words = m.group("place").split()  # "Wednesday Homs governor": the town is the last word(s)
                    country = next((towns[k] for k in (_town_key(" ".join(words[-2:])), _town_key(words[-1]))
                                    if k in towns), None)
                    if country:
                        found.setdefault(src.name, set()).add(country)
    return {k: v.pop() for k, v in found.items() if len(v) == 1}
