"""The event types, in the spirit of the conflict-event coders (ACLED's event and sub-event types,
CAMEO's verb codes), cut down to what news about wars and disasters reports and disputes:

============== ================================================= ==========================
type           what happened                                     trigger words (lemmas)
============== ================================================= ==========================
air_strike     bombs or missiles from aircraft or drones         air strike, raid, warplane
shelling       artillery, mortars, rockets fired at a place      shell, shelling, mortar
bombing        an explosion: car/suicide bomb, IED, blast        bomb, blast, explosion
shooting       gunfire at people                                 shoot, gunfire, open fire
clash          armed fighting between two sides                  clash, fighting, battle
chemical_attack a toxic-gas or chemical weapons attack           gas attack, chlorine, sarin
attack         an armed attack of no named kind                  attack, strike, hit, ambush
capture        territory taken, a place fallen                   capture, seize, fall
withdrawal     forces pulling out                                withdraw, retreat, pull out
killing        deaths (the outcome of an attack, or a massacre)   kill, die, dead, massacre
injury         people wounded (an outcome too)                   wound, injure, injury
arrest         arrest or detention                               arrest, detain, abduct
displacement   people fleeing or evacuated                       flee, displace, evacuate
agreement      a ceasefire, truce or deal                        ceasefire, truce, agree
other          any other event; ``lemma`` says which            earthquake, shoot down, ...
============== ================================================= ==========================

``other`` keeps the taxonomy open at the bottom: news outside war (ECB+ has earthquakes,
takeovers, rehab admissions) still gets events, and grouping compares their trigger lemmas.
:func:`compatible` says which two types may report one event: deaths are reported as the outcome of
strikes, shelling, bombings and shootings, so ``killing`` (and ``injury``) goes with each of them.
"""

from __future__ import annotations

TYPES = ("air_strike", "shelling", "bombing", "shooting", "clash", "chemical_attack", "attack", "capture",
         "withdrawal", "killing", "injury", "arrest", "displacement", "agreement", "other")

# Trigger lemmas (verbs and nouns, lower-case) -> type. Multi-word triggers are read in frames.py.
TRIGGERS: dict[str, str] = {}
for _type, _words in {
    "air_strike": "airstrike air-strike bombard bombardment strafe sortie",
    "shelling": "shell shelling mortar artillery rocket barrage shellfire",
    "bombing": "bomb bombing blast explosion explode detonate detonation ied car-bomb suicide-bomber",
    "shooting": "shoot shooting gunfire",
    "clash": "clash fighting fight battle skirmish combat firefight offensive assault",
    "chemical_attack": "chlorine sarin",
    "capture": "capture seize seizure fall overrun retake recapture liberate free storm secure",
    "withdrawal": "withdraw withdrawal retreat pullout",
    "killing": "kill killing die dead death massacre execute execution behead slaughter murder toll",
    "injury": "wound injure injury",
    "arrest": "arrest detain detention abduct abduction kidnap kidnapping jail imprison",
    "displacement": "flee displace displacement evacuate evacuation exodus",
    "agreement": "ceasefire cease-fire truce agreement deal accord armistice",
}.items():
    for _w in _words.split():
        TRIGGERS[_w] = _type

# "strike", "attack", "hit", "fire", "target", "open fire": which type they are depends on what
# modifies them ("air strike", "gas attack", "rocket fire"); on their own they say an attack happened.
ATTACK_WORDS = frozenset({"strike", "attack", "hit", "target", "fire", "raid", "ambush"})
MODIFIER_TYPES = {
    "air": "air_strike", "aerial": "air_strike", "drone": "air_strike", "missile": "air_strike",
    "airstrike": "air_strike", "jet": "air_strike", "warplane": "air_strike", "barrel": "air_strike",
    "aircraft": "air_strike", "plane": "air_strike", "helicopter": "air_strike",
    "rocket": "shelling", "mortar": "shelling", "artillery": "shelling", "tank": "shelling", "shell": "shelling",
    "gas": "chemical_attack", "chemical": "chemical_attack", "chlorine": "chemical_attack",
    "sarin": "chemical_attack", "toxic": "chemical_attack",
    "bomb": "bombing", "suicide": "bombing", "car": "bombing",
    "sniper": "shooting", "gun": "shooting",
}

# Natural and other non-war events named by a noun: typed "other" with that noun as the lemma, even
# when they kill ("an earthquake killed 12": the event is the earthquake).
OTHER_NOUNS = frozenset({
    "earthquake", "quake", "tremor", "aftershock", "tsunami", "storm", "hurricane", "typhoon", "cyclone",
    "tornado", "flood", "flooding", "landslide", "avalanche", "wildfire", "blaze", "eruption",
    "crash", "collision", "derailment", "accident", "outbreak", "epidemic", "drought",
    "takeover", "acquisition", "merger", "buyout", "launch", "election", "vote", "referendum",
    "resignation", "verdict", "conviction", "sentencing", "trial", "strike-action", "protest",
    "demonstration", "riot",
})

# Verbs with a particle that name an event of their own: a bombing, and an aircraft shot down (no
# shooting at people: the aircraft is hit, and those aboard die with it; see ``phrasal``).
PHRASAL = {("blow", "up"): ("bombing", "blow up"), ("shoot", "down"): ("other", "shoot down"),
           ("shot", "down"): ("other", "shoot down")}
AIRCRAFT = frozenset({"helicopter", "chopper", "copter", "jet", "warplane", "plane", "aircraft", "drone", "airliner"})

# Of those, the ones that kill by themselves ("an earthquake killed 12": the event is the earthquake;
# "five killed as a helicopter was shot down": the downing).
DISASTERS = frozenset({"shoot down", "earthquake", "quake", "tremor", "aftershock", "tsunami", "storm", "hurricane",
                       "typhoon", "cyclone", "tornado", "flood", "flooding", "landslide", "avalanche", "wildfire",
                       "blaze", "eruption", "crash", "collision", "derailment", "accident", "outbreak", "epidemic",
                       "drought"})

# Deaths, injuries and arrests are what an attack leaves; a frame with such a trigger looks for the
# attack that caused them (frames.py), and grouping lets them meet any attack type.
OUTCOME_TYPES = frozenset({"killing", "injury"})
ATTACK_TYPES = frozenset({"air_strike", "shelling", "bombing", "shooting", "clash", "chemical_attack", "attack"})

# How specific a type is (lower is more specific), for choosing among triggers at one depth.
SPECIFICITY = {t: i for i, t in enumerate(TYPES)}
GENERIC_ATTACK = "attack"  # an unqualified attack ("an attack on the market"): any named kind may be it
# Verbs that name an event only as verbs ("rebels stormed the town", not "a storm"), and "fall", which
# is a capture only when a place falls (frames.py checks its subject).
VERB_ONLY = frozenset({"storm", "fall", "fight"})
NOUN_ONLY = frozenset({"deal", "toll", "death", "rocket", "mortar", "artillery"})


def type_of(lemma: str, modifiers: tuple[str, ...] = ()) -> str | None:
    """The type a trigger lemma names, read with its modifiers' lemmas ("air" + "strike" -> air_strike);
    None for a word that names no event here. "attack"/"strike" alone are ``GENERIC_ATTACK``."""
    lemma = lemma.lower()
    if lemma in ATTACK_WORDS or lemma in TRIGGERS:
        for m in modifiers:
            kind = MODIFIER_TYPES.get(m.lower())
            if kind and (lemma in ATTACK_WORDS or TRIGGERS.get(lemma) == "bombing" and kind == "bombing"):
                return kind
            if kind == "air_strike" and lemma in ("bomb", "bombing", "bombard", "bombardment", "shell", "shelling"):
                return kind  # "warplanes bombed the town": bombs from the air
    if lemma in TRIGGERS:
        return TRIGGERS[lemma]
    if lemma in ATTACK_WORDS:
        return GENERIC_ATTACK
    return None


def phrasal(lemma: str, particle: str, sentence_lemmas: set[str]) -> tuple[str, str] | None:
    """The event a phrasal verb names ("blow up", "shoot down", "down" a jet): a downing only where the
    sentence names an aircraft ("he shot down the stairs" is a shooting, "downed tools" none)."""
    found = PHRASAL.get((lemma, particle), ("other", "shoot down"))  # ("downed", "the downing")
    if found[1] == "shoot down" and not AIRCRAFT & sentence_lemmas:
        return ("shooting", "shoot") if lemma in ("shoot", "shot") else None
    return found


def compatible(t1: str, t2: str) -> bool:
    """Can frames of types ``t1`` and ``t2`` report one event? The same type; deaths with any attack
    (tolls are reported as outcomes); a generic attack with any attack; a strike reported by one side as
    air strike and by another as shelling (rockets vs aircraft are often confused in first reports);
    ``other`` only with ``other`` (the lemmas decide, in grouping)."""
    if t1 == t2:
        return True
    pair = {t1, t2}
    attackish = ATTACK_TYPES
    if pair & OUTCOME_TYPES and pair - OUTCOME_TYPES <= attackish:
        return True  # deaths and injuries with an attack, or with each other
    if GENERIC_ATTACK in pair and pair <= attackish:
        return True
    return pair in ({"air_strike", "shelling"}, {"air_strike", "bombing"}, {"shelling", "bombing"},
                    {"capture", "clash"}, {"withdrawal", "capture"})
