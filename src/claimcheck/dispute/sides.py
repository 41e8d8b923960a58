"""Two attacks by two sides: an air strike and rebel rocket fire on one city on one day are two events,
not one event told two ways. When two claims' frames name different kinds of attack (air strike,
shelling, bombing, shooting, chemical attack; not a generic "attack" or the deaths it left) and their
doers are of two sides, a state's forces (the army, the regime, Russia, the coalition; an air strike is
a state's: armed groups have no aircraft) against an armed group (rebels, "terrorists", the Islamic
State), the event rules (numeric, responsibility, polarity) do not compare them. Two kinds of attack
with no doers named, or one side only, are read as before (first reports mix rockets and aircraft);
one kind of attack blamed on two sides is the responsibility dispute itself, and so are two kinds of
attack on one place finer than a town (a district, a hospital named within its town).

Tolls of two zones: "the toll in opposition areas at 45" and "shelling on government-held districts
killed nine" count the dead of areas held by two sides, two tolls of one city (:func:`two_zones`).

Counts of two sides' fighters: "30 regime fighters" and "20 rebels" count two sides' dead, not one
toll twice (:func:`two_sides`, read by the numeric rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimcheck.records import Claim, Quantity

# Kinds of attack that tell who could have carried them out apart; "clash" has two sides by itself.
KINDS = frozenset({"air_strike", "shelling", "bombing", "shooting", "chemical_attack"})
NONSTATE = frozenset({
    "rebel", "rebels", "opposition", "insurgent", "insurgents", "militant", "militants", "jihadist", "jihadists",
    "terrorist", "terrorists", "gunman", "gunmen", "isis", "isil", "daesh", "nusra", "qaeda", "jaish", "faylaq",
    "ahrar", "tahrir", "hts", "fateh", "fatah", "jabhat", "extremist", "extremists",
})
STATE = frozenset({
    "government", "regime", "army", "military", "troops", "soldiers", "loyalist", "loyalists", "pro-government",
    "russia", "russian", "russians", "coalition", "us", "u.s.", "american", "americans", "israel", "israeli",
    "turkey", "turkish", "iran", "iranian", "aerospace", "warplane", "warplanes", "jet", "jets", "helicopter",
    "helicopters", "aircraft", "plane", "planes", "assad", "navy",
})


def side_of(words: Iterable[str]) -> str | None:
    """``state``, ``nonstate`` or None (no side, or both: "clashes between rebels and the army")."""
    found = {w.casefold() for w in words}
    if "islamic" in found and "state" in found:  # the group, not a state
        found.add("isis")
    nonstate, state = bool(found & NONSTATE), bool(found & STATE)
    return "nonstate" if nonstate and not state else "state" if state and not nonstate else None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z.\-]*[a-z]|[a-z]", text.casefold())


def claim_side(claim: Claim, agent_texts: Iterable[str] = ()) -> str | None:
    """The side that carried out the claim's attack: by its frame's agents; else a state's for an air
    strike (armed groups have no aircraft, whoever else the claim says attacked: "killed in air strikes
    after rebels fired mortars"); else by ``agent_texts`` (the attack agents read off its parse)."""
    frame = claim.event
    if frame is None:
        return None
    own = [w for a in frame.agents for w in _words(a.name)]
    side = side_of(own)
    if side is None and frame.type == "air_strike" and not set(own) & NONSTATE:
        return "state"
    return side or side_of(own + [w for t in agent_texts for w in _words(t)])


def attack_kind(claim: Claim) -> str | None:
    """The kind of attack the claim's frame tells of, where an "air strike" an armed group is named as
    doing is ground fire: armed groups have no aircraft, so their "bombardment" or "strikes" (typed
    as air strikes by the word alone) are shelling."""
    frame = claim.event
    if frame is None:
        return None
    if frame.type == "air_strike" and side_of(w for a in frame.agents for w in _words(a.name)) == "nonstate":
        return "shelling"
    return frame.type


def two_attacks(a: Claim, b: Claim, agents_a: Iterable[str] = (), agents_b: Iterable[str] = ()) -> bool:
    """Do the two claims tell of two kinds of attack carried out by two sides (see the module)?"""
    ka, kb = attack_kind(a), attack_kind(b)
    if ka is None or kb is None or ka == kb or ka not in KINDS or kb not in KINDS:
        return False
    sa, sb = claim_side(a, agents_a), claim_side(b, agents_b)
    return sa is not None and sb is not None and sa != sb and not _one_target(a, b)


def _one_target(a: Claim, b: Claim) -> bool:
    """Do both frames name one place finer than a town, one named within another ("the al-Nour
    hospital in Harran", "al-Sabil district of Harran")? Then an air strike on it and rebel shells on
    it are one attack blamed two ways: the responsibility dispute itself."""
    from claimcheck.events.places import fold

    def fine(c: Claim) -> set[str]:
        return {fold(p.key) for p in c.event.places if p.key and p.within}

    def named(c: Claim) -> set[str]:
        return {fold(p.key) for p in c.event.places if p.key}

    return bool(fine(a) & named(b) or fine(b) & named(a))


# "rebel-held", "government-controlled", "opposition areas": whose area the claim tells of
_ZONE = re.compile(r"\b([a-z.]+)[- ](?:held|controlled)\b|\b([a-z.]+) (?:areas?|districts?|neighbou?rhoods?|parts|territory)\b",
                   re.I)


def zone_of(text: str) -> str | None:
    """The side holding the area a text tells of (``state``/``nonstate``), None if none or both."""
    sides = {side_of([m.group(1) or m.group(2)]) for m in _ZONE.finditer(text)} - {None}
    return sides.pop() if len(sides) == 1 else None


def two_zones(a: Claim, b: Claim) -> bool:
    """Do the two claims tell of areas held by two sides (see the module)?"""
    za, zb = zone_of(a.text), zone_of(b.text)
    return za is not None and zb is not None and za != zb


# Counts of two sides' fighters: "30 regime fighters" and "20 rebels" are two tolls, not one told twice.
_GENERIC_FIGHTERS = frozenset({"fighter", "combatant", "soldier", "troop", "serviceman", "servicemen", "member"})
_SIDE_STOP = frozenset({"of", "the", "their", "its", "our", "armed", "foreign", "more", "other", "and", "were", "killed"})


def fighters_side(claim: Claim, q: Quantity) -> frozenset[str]:
    """Whose fighters a count counts, by the words between the number and its noun and by the noun
    itself ("30 regime fighters": regime; "20 rebels": rebel; "12 fighters": nobody said)."""
    noun = (q.counted or "").lower().removesuffix("s")
    if not noun:
        return frozenset()
    end = q.span.end - claim.span.start
    after = claim.text[max(end, 0):max(end, 0) + 60].lower()
    words = re.findall(r"[a-z][a-z-]*", after)
    side: set[str] = set()
    for w in words[:4]:
        if w.startswith(noun):
            break
        if w not in _SIDE_STOP:
            side.add(w.removeprefix("pro-"))
    else:
        return frozenset()  # the noun is not right after the number: nothing read
    if noun not in _GENERIC_FIGHTERS:
        side.add(noun)
    return frozenset(side)


def two_sides(qa: list[Quantity], a: Claim, qb: list[Quantity], b: Claim) -> bool:
    """Does every count of fighters or soldiers of one claim name a side the other's counts do not
    ("30 regime fighters" vs "20 rebels")? Then they count two sides' dead, not one toll twice."""
    return all(sides_apart(a, x, b, y) for x in qa for y in qb)


def sides_apart(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    """Do both counts name whose fighters they count, and no side in common?"""
    return bool((sa := fighters_side(a, x)) and (sb := fighters_side(b, y)) and not sa & sb)
