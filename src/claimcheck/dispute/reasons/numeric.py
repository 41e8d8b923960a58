"""``numeric``: different counts of the same thing (the same counted noun and outcome) in claims about
one event, allowing for "some", "almost", ranges and updates (a toll that "rose to 17" conflicts only
with a higher figure)."""

from __future__ import annotations

import re

from claimcheck.dispute.pair import Pair
from claimcheck.dispute.scope import WAR_SCOPE, scope
from claimcheck.dispute.sides import sides_apart, two_sides
from claimcheck.quantities import BEFELL_AFTER, is_money, toll_before
from claimcheck.records import Claim, Evidence, Quantity, Reason

NUMERIC_MIN_SIM = 0.55  # the rule compares one event: claims at least this similar (cosine)
# durations, and counts nothing is said to befall (who or what was there: "six men were standing", "five
# people were in the car", "three bailiffs approached", "a wife and two children"; not distances or money), are no
# tolls: they conflict only in near-paraphrases (the same event, told twice)
NUMERIC_TIME_MIN_SIM = 0.85
NUMBER_TOLERANCE = 0.10  # relative: 20 vs 21 is reporting noise, 20 vs 12 is not
APPROX_TOLERANCE = 0.15  # "some 20", "almost 20"
# A toll "at least 56" or "more than 56" is the count its source has confirmed, not any figure above:
# read as 56 to 56 * (1 + BOUND_SLACK), so "at least 56" against "85" (or "at least 85") is a rival count
# while "at least 17" against "20" is not. (FA-KES: monitors' "at least" tolls against others' counts.)
BOUND_SLACK = 0.3
BOUND_MIN_ROOM = 2


_COUNTED_GROUPS = {
    "people": {"people", "person", "civilian", "resident", "citizen", "individual", "victim", "man"},
    # children and women are counted among the people: "15 killed, including 4 children" is no rival of 18
    "child": {"child", "children", "kid", "boy", "girl", "baby", "infant"},
    "woman": {"woman", "women"},
    # soldiers and militants are two sides: "12 soldiers" and "30 rebels" are two counts, not one
    "soldier": {"soldier", "troop", "serviceman", "servicemen"},
    "fighter": {"fighter", "militant", "rebel", "combatant", "insurgent", "jihadist", "gunman"},
    "death": {"death", "dead", "fatality", "body", "life", "martyr"},
    "injury": {"injury", "injured", "wounded"},
    "casualty": {"casualty"},  # dead and wounded together, or either: compared only with casualties
}
# the counted nouns of civilians: the residents of a village killed in a raid were its civilians, and
# Syrian state media's "citizens" are civilians
_CIVILIANS = frozenset({"civilian", "resident", "citizen"})


# Nouns that say what befell the counted people compare as people with that outcome: "51 dead" and
# "42 people were killed", "30 injured" and "12 people were wounded" count the same thing.
_AS_PEOPLE = {"death": "killed", "injury": "injured"}
_OUTCOME_WORDS = {
    "killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "lives": "killed",
    "killing": "killed", "kills": "killed", "death": "killed",  # "the death of eight"
    "injury": "injured", "injuries": "injured", "injured": "injured", "wounded": "injured", "hurt": "injured",
    "wounding": "injured", "injuring": "injured",
    "arrested": "arrested", "detained": "arrested", "displaced": "displaced", "missing": "missing",
    "martyrs": "killed", "martyred": "killed", "martyr": "killed",
}


# the charge a count of an indictment is of: "two counts of felonious assault and ...", "counts of first-degree murder"
_CHARGE = re.compile(r"\s+counts?\s+of\s+((?:(?!(?:and|or|for|in|against|with|of|each|on|to)\b)[\w-]+\s*){1,2})", re.I)


def _counted_key(q: Quantity, claim: Claim | None = None) -> str | None:
    c = (q.counted or "").lower()
    if not c and claim is not None:
        # "four of our fighters": the partitive noun right after the number
        local = q.span.end - claim.span.start
        m = re.match(r"\s+of\s+(?:the|our|their|its|his|her|them|those|these)?\s*([a-z]+)", claim.text[max(local, 0):])
        c = m.group(1).lower() if m else ""
        if not c and BEFELL_AFTER.match(claim.text[max(local, 0):]):
            c = "people"  # "at least 30 were killed", "30 had died": a bare number of victims counts people
    if not c:
        return None
    c = c[:-1] if c.endswith("s") and c not in ("people", "species", "news") else c
    if c == "count" and claim is not None:  # charges: "eight counts of assault" are no rival of "two counts of arson"
        m = _CHARGE.match(claim.text[max(q.span.end - claim.span.start, 0):])
        return f"count of {' '.join(m.group(1).lower().split())}" if m else c
    for group, words in _COUNTED_GROUPS.items():
        if c in words:
            return group
    return c


def _outcome(claim: Claim, q: Quantity) -> str | None:
    """What happened to the counted things: as the event frame's victims read it off the parse ("three
    killed and 30 wounded": 30 wounded), else the verb just before the number ("the strike killed
    12 people and wounded 30"), else the first outcome word in the next few words ("40 people
    were killed")."""
    if claim.event is not None:
        for v in claim.event.victims:
            if v.span.start == q.span.start and v.outcome is not None:
                return v.outcome
    after = claim.text[max(q.span.end - claim.span.start, 0):]
    m = _OUTCOME_NEXT.match(after) or _AMONG_TOLL.match(after)
    if m:
        return _OUTCOME_WORDS[m.group(1).lower()]  # "51 dead and over 100 wounded": 100 wounded
    before = q.span.start - claim.span.start
    near = [*reversed(re.findall(r"[a-z]+", claim.text[max(before - 30, 0):max(before, 0)].lower())[-2:]),
            *re.findall(r"[a-z]+", after[:60].lower())[:6]]  # the verb just before, else the next words
    word = next((w for w in near if w in _OUTCOME_WORDS), None)
    return _OUTCOME_WORDS[word] if word else "killed" if toll_before(claim.text, max(before, 0)) else None


# The number's own outcome word: right after it, or after its noun and an auxiliary ("100 wounded", "12
# people were killed"), never across "and" ("12 people and wounded 30": not 12 wounded).
_OUTCOME_NEXT = re.compile(r"\s+(?:(?!and\b|or\b|while\b)[a-z-]+\s+){0,2}?(?:(?:were|was|had|have|has|are|been|"
                           r"reportedly|also)\s+){0,3}(" + "|".join(sorted(_OUTCOME_WORDS)) + r")\b", re.I)
# ... or the toll it was among: "six civilians including a child were among at least 22 people killed"
_AMONG_TOLL = re.compile(r"\s+(?:[a-z-]+\s+){0,4}?(?:was|were)\s+(?:also\s+)?among\s+(?:the\s+)?(?:at least\s+|more "
                         r"than\s+|some\s+|over\s+)?[\w,]+\s+(?:[a-z]+\s+)?(" + "|".join(sorted(_OUTCOME_WORDS)) + r")\b", re.I)
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year", "decade"})
# measures, not counts: how far the front is ("10 miles of the capital") is a rival figure in any two claims
_DISTANCE_UNITS = frozenset({"mile", "kilometre", "kilometer", "km", "metre", "meter", "yard", "foot", "feet"})
# ... and so is how many did it or fought: "two suicide bombers" against "four", "400 soldiers" against "1,000"
_ACTOR_COUNTS = frozenset({"bomber", "gunman", "gunmen", "attacker", "assailant", "shooter", "militant", "fighter",
                           "soldier", "troop", "rebel", "jihadist"})


_VAGUE_COUNT = re.compile(r"\b(?:dozens?|scores|hundreds|thousands|tens|several|many)\s*$", re.I)  # no count of its own


def _interval(q: Quantity) -> tuple[float, float]:
    if q.low is not None and q.high is None and q.low > 0 and not _VAGUE_COUNT.search(q.span.text):
        # "at least 56": the confirmed toll, see BOUND_SLACK; a small bound leaves room for a few more
        # ("more than one" victim is no rival of "three")
        return (q.low, max(q.low * (1 + BOUND_SLACK), q.low + BOUND_MIN_ROOM))
    if q.low is not None or q.high is not None:
        return (q.low if q.low is not None else 0.0, q.high if q.high is not None else float("inf"))
    tol = APPROX_TOLERANCE if q.approximate else 0.0
    return (q.value * (1 - tol), q.value * (1 + tol))


_RISEN_TO = re.compile(r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|reached|grew|grown|"
                       r"mounted|swelled|now stands|doubled|tripled)\s+(?:to\s+|at\s+)?"
                       r"(?:at least\s+|more than\s+|over\s+)?$"
                       # someone raised a figure: "raised the toll to 17", "doubled the bond to $10,000"
                       r"|\b(?:raised|increased|doubled|tripled|upped|hiked)\s+(?:\S+\s+){1,6}to\s+$", re.I)


def _as_updated(q: Quantity, claim: Claim) -> tuple[float, float]:
    """A count that "rose to 17" is an update: any lower figure was true earlier, so it conflicts
    only with a higher one. A count followed by "and another five" is a part of a larger toll."""
    lo, hi = _interval(q)
    before = claim.text[:max(q.span.start - claim.span.start, 0)]
    if _RISEN_TO.search(before):
        return (0.0, hi)
    if _AND_ANOTHER.search(claim.text[max(q.span.end - claim.span.start, 0):]):
        return (lo, float("inf"))  # "30 killed around Shadadi and another five outside Kobane": 30 of more
    return (lo, hi)


_AND_ANOTHER = re.compile(r"\band (?:another|a further)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|dozens?)\b", re.I)


def _apart(x: tuple[float, float], y: tuple[float, float]) -> bool:
    """Disjoint beyond reporting noise."""
    lo, hi = (x, y) if x[0] <= y[0] else (y, x)
    gap = hi[0] - lo[1]
    return gap > NUMBER_TOLERANCE * max(abs(hi[0]), abs(lo[1]), 1e-9)


# "a further nine", and "the other three men" / "the remaining two": the rest of a group another count names
_MORE_BEFORE = re.compile(r"\b(?:an additional|a further|(?:the|their|his|her) (?:other|remaining))\s+(?:at least\s+|some\s+)?$", re.I)
_MORE_AFTER = re.compile(r"^\s+(more|others|other|additional|further)\b", re.I)


_SUBCOUNT = re.compile(r"\b(?:including|among them|of them|of whom)\s+(?:at least\s+|some\s+)?$", re.I)
_AMONG_AFTER = re.compile(r"^\s+(?:[a-z]+\s+){0,2}(?:was|were|is|are)\s+(?:also\s+)?among\b", re.I)


# A bare number right after a verb of what befell people ("wounding 25", "killed 12 in the town")
_VICTIM_VERB = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|wounds|injures)\s+"
                          r"(?:at least\s+|some\s+|more than\s+|over\s+|nearly\s+|about\s+)?$", re.I)
# ... and one whose noun is left out, as the count before it: "45 civilians in Aleppo and 22 in Idlib"
_ELIDED_BEFORE = re.compile(r"(?:\band|,)\s+(?:another\s+|at least\s+|some\s+)?$", re.I)
_ELIDED_AFTER = re.compile(r"\s*(?:$|[.;,)]|\s(?:in|at|near|outside|inside|around|on|from|across|elsewhere)\b)", re.I)


def _elided(claim: Claim, q: Quantity) -> bool:
    """Is the number a count whose noun is left out because the count before it names it ("killed 45
    civilians in Aleppo and 22 in Idlib")?"""
    end = q.span.end - claim.span.start
    return bool(_ELIDED_BEFORE.search(_before(claim, q)) and _ELIDED_AFTER.match(claim.text[max(end, 0):]))


def _before(claim: Claim, q: Quantity) -> str:
    at = q.span.start - claim.span.start
    return claim.text[max(at - 40, 0):max(at, 0)]


def _sum(qs: list[Quantity], claim: Claim) -> tuple[float, float] | None:
    """The interval of two or more counts added up, else None."""
    if len(qs) < 2:
        return None
    spans = [_as_updated(q, claim) for q in qs]
    return (sum(lo for lo, _ in spans), sum(hi for _, hi in spans))


# counts that add up to a toll of all the dead ("death": people): "seven men and six women" are 13 people
_SIDES = ("people", "fighter", "soldier", "woman", "child")


def _any_total(groups: dict, side: int, outcome: str | None, claim: Claim, others: list[Quantity],
               other: Claim) -> bool:
    """Do the claim's counts of civilians, fighters, soldiers, women or children with this outcome (two kinds or more),
    added up, give one of the other claim's figures?"""
    kinds = [k for k in groups if k[0] in _SIDES and k[1] == outcome and groups[k][side]]
    if len(kinds) < 2:
        return False
    qs = [q for k in kinds for q in groups[k][side]]
    total = _sum(qs, claim)
    return total is not None and any(not _apart(total, _as_updated(y, other)) for y in others)


def _shares(claim: Claim) -> set[int] | None:
    """The ids of the claim's counts that are shares of a toll told elsewhere ("a further nine people,
    including five children": both), which are no rival figures while its other counts still are
    ("two medics were among at least 31 people killed": 31; "killed more than 100 and injured 400
    others": both); None when a share adds to a count of the claim's own with that outcome ("three
    were killed and two more died")."""
    shares: set[int] = set()
    outcomes: set[str | None] = set()  # the outcomes of the counts before this one
    in_share = False
    for q in claim.quantities:
        outcome = _outcome(claim, q)
        subcount = bool(_SUBCOUNT.search(_before(claim, q)))
        in_share = _increment(claim, q, outcome, outcomes) or (in_share and subcount)
        if in_share:
            if outcome in outcomes and not subcount:
                return None
            shares.add(id(q))
        outcomes.add(outcome)
    return shares


def _increment(claim: Claim, q: Quantity, outcome: str | None, outcomes: set[str | None]) -> bool:
    """Is the count one more share of a toll ("six more died", "a further nine", "the other three men",
    "one civilian was among those killed")? It is no rival figure for any total. ("Another 70 were
    wounded" is not one: it often means besides the dead; nor "killed three and injured nine others"
    when ``outcome``, the count's, is none of ``outcomes``, its claim's earlier counts': all injured.)"""
    at, end = q.span.start - claim.span.start, q.span.end - claim.span.start
    after = claim.text[max(end, 0):]
    if (m := _MORE_AFTER.match(after)) and m.group(1).lower() in ("others", "other") and outcomes:
        return outcome in outcomes
    return bool(_MORE_BEFORE.search(claim.text[max(at - 40, 0):max(at, 0)]) or m or _AMONG_AFTER.match(after))


def _part_of(a: Claim, b: Claim) -> bool:
    """Does ``a`` count only some of the places ``b`` counts ("four killed in Deir Ezzor" against "10
    killed in attacks on Aleppo and Deir Ezzor")? A part is no rival figure for its total; the two
    tolls in FA-KES's top disputes were often one outlet's total and its parts. Places are each
    claim's most specific towns (``gate._towns``: "al-Kallaseh in Damascus" is one place, not two)."""
    from claimcheck.dispute.gate import _inside, _towns

    mine, theirs = _towns(a), _towns(b)
    if not mine or len(theirs) < 2 or {k for k, _ in mine} == {k for k, _ in theirs}:
        return False

    def within(x: tuple[str, str | None], y: tuple[str, str | None]) -> bool:
        return _inside(x[0], y[0]) or x[1] == y[0]

    # every place of mine is one of, or inside, theirs, and theirs has more ("deir ezzor city" in "deir
    # ezzor"; "eastern ghouta" in "ghouta"): a part of the area the total counts
    return all(any(within(x, y) for y in theirs) for x in mine) and (
        len(theirs) > len(mine) or not all(any(within(y, x) for x in mine) for y in theirs))


def numeric(a: Claim, b: Claim, sim: float) -> Reason | None:
    """Different counts of the same thing (same counted noun and outcome) in claims about one event.
    Denied claims are left out: denying "20 were killed" asserts no other number."""
    if sim < NUMERIC_MIN_SIM or not a.quantities or not b.quantities or {a.stance, b.stance} != {"asserts"}:
        return None
    period = scope(a)
    if _part_of(a, b) or _part_of(b, a) or period != scope(b) or period == WAR_SCOPE:
        # the whole war's toll grows with every report: two reports' totals were told at different times
        return None
    groups: dict[tuple[str, str | None], tuple[list[Quantity], list[Quantity]]] = {}
    civ: set[int] = set()  # the counts of civilians (by id): "civilians", and a share or an elided count of them
    for claim, side in ((a, 0), (b, 1)):
        shares = _shares(claim)
        if shares is None:
            continue  # "three were killed and two more died": its counts add up to a toll it does not state
        last: tuple[str, str | None] | None = None
        last_civ = False
        for q in claim.quantities:
            if id(q) in shares:
                continue
            key = _counted_key(q, claim)
            if _noun(q) in _CIVILIANS:
                civ.add(id(q))
            if key is None and last is not None and _SUBCOUNT.search(_before(claim, q)):
                key = last[0]  # "31 civilians, including 10 when their bus was hit": 10 civilians
                if last_civ:
                    civ.add(id(q))
            if key is None and last is not None and _elided(claim, q):
                groups.setdefault(last, ([], []))[side].append(q)  # "45 civilians in Aleppo and 22 in Idlib"
                if last_civ:
                    civ.add(id(q))
                continue
            if key is None and _VICTIM_VERB.search(_before(claim, q)):
                key = "people"  # "killing a woman and wounding 25": 25 people wounded
            if key is None:
                continue
            outcome = _outcome(claim, q) or (last[1] if last else None)
            key, outcome = ("people", _AS_PEOPLE[key]) if key in _AS_PEOPLE and outcome in (
                None, _AS_PEOPLE[key]) else (key, outcome)
            last, last_civ = (key, outcome), id(q) in civ
            mine = groups.setdefault(last, ([], []))[side]
            if not any(x.value == q.value for x in mine):  # a headline and its lead: "kill 56 ... at least 56"
                mine.append(q)
    for key in sorted(groups, key=lambda k: (k[0], k[1] or "")):
        qa, qb = groups[key]
        if not qa or not qb:
            continue
        if key[0] in ("fighter", "soldier") and two_sides(qa, a, qb, b):
            continue
        counts = key[1] is None and key[0] not in _DISTANCE_UNITS | _ACTOR_COUNTS and not any(map(is_money, qa + qb))
        if (key[0] in _TIME_UNITS or counts) and sim < NUMERIC_TIME_MIN_SIM:
            continue  # "spent two days ..." and "mourned for three days" in passing; who or what was there
        # money only against money: "$2.5 million Bugatti Veyron" is no count to set against "Veyron 16.4"
        pairs = [(x, y) for x in qa for y in qb if is_money(x) == is_money(y)]
        # a count whose outcome was not read may be of this one ("killed 45 in Aleppo and 22 in Idlib")
        loose_a, loose_b = groups.get((key[0], None), ([], [])) if key[1] is not None else ([], [])
        readings = pairs + [(x, y) for x in qa for y in loose_b] + [(x, y) for x in loose_a for y in qb]
        if key[0] in ("fighter", "soldier"):
            # a side's count against that side's: "2 Kurdish fighters" vs "11 Kurdish fighters", not "5 regime fighters"
            pairs, readings = ([(x, y) for x, y in r if not sides_apart(a, x, b, y)] for r in (pairs, readings))
        if key[0] == "people" and {id(x) for x in qa + loose_a} & civ and {id(y) for y in qb + loose_b} & civ:
            # both count the civilians: their counts are the rival figures, not a total they were among
            # ("six civilians among at least 22 people killed" against "eight civilians")
            pairs, readings = ([(x, y) for x, y in r if (id(x) in civ) == (id(y) in civ)] for r in (pairs, readings))
        # a claim that also counts all the people, or the fighters, states its whole toll: its civilians
        # are no open part of the other's ("six civilians among 22 killed" against "ten people killed")
        whole = tuple(any(groups.get((k, key[1]), ([], []))[side] for k in ("fighter", "soldier"))
                      or any(id(q) not in civ for q in mine) for side, mine in ((0, qa + loose_a), (1, qb + loose_b)))
        if not pairs or any(_agree(x, a, y, b, whole, civ) for x, y in readings if is_money(x) == is_money(y)):
            continue  # some reading agrees: not a conflict on this quantity
        # the counts of one side added up may be the other's total: "30 killed around Shadadi and another
        # five outside Kobane" against "at least 35 killed"
        sa, sb = _sum(qa, a), _sum(qb, b)
        if (sa is not None and any(not _apart(sa, _as_updated(y, b)) for y in qb)) or (
                sb is not None and any(not _apart(_as_updated(x, a), sb) for x in qa)):
            continue
        # a toll of people may count every side's dead: "15 civilians and 27 fighters" against "51 dead"
        if key[0] == "people" and (_any_total(groups, 0, key[1], a, qb, b) or _any_total(groups, 1, key[1], b, qa, a)):
            continue
        # the evidence: counts of the same noun first ("six civilians" vs "eight civilians", not the
        # "22 people" they were among), then the closest
        x, y = min(pairs, key=lambda p: (_noun(p[0]) != _noun(p[1]), abs(p[0].value - p[1].value)))
        weight = round(min(1.0, 0.7 + 0.5 * (sim - NUMERIC_MIN_SIM)), 4)
        what = key[0] + (f" {key[1]}" if key[1] else "")
        return Reason("numeric", f"{x.span.text!r} vs {y.span.text!r} ({what})",
                      (Evidence(a.article.id, x.span.start, x.span.end, x.span.text),
                       Evidence(b.article.id, y.span.start, y.span.end, y.span.text)), weight)
    return None


def _agree(x: Quantity, a: Claim, y: Quantity, b: Claim, whole: tuple[bool, bool], civ: set[int]) -> bool:
    """Do two counts of one group agree? Equal within reporting noise; or a count of civilians no
    larger than a count of all the people (fighters too): "eight civilians" are a part of "at least
    22 people killed", while "40 civilians" against "22 people" is a rival figure. ``whole``: does
    each claim count the fighters too (then its civilians and fighters add up to its toll, and are
    compared as that sum)? ``civ``: the ids of the counts of civilians."""
    ix, iy = _as_updated(x, a), _as_updated(y, b)
    if not _apart(ix, iy):
        return True
    if (id(x) in civ) == (id(y) in civ) or whole[0 if id(x) in civ else 1]:
        return False
    part, total = (ix, iy) if id(x) in civ else (iy, ix)
    return part[0] <= total[1]


def _noun(q: Quantity) -> str:
    c = (q.counted or "").lower()
    return c[:-1] if c.endswith("s") else c


def detect(pair: Pair) -> Reason | None:
    return numeric(pair.a, pair.b, pair.sim)
