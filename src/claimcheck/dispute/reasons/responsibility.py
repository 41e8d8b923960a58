"""``responsibility``: the same attack attributed to different actors (subjects of attack verbs, "by"
agents, modifiers of attack nouns, "blame ... on", "responsible"); camps, where given, confirm or
rule out that the two actors are on opposite sides."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.config import Camps
from claimcheck.dispute.evidence import _ev, _tok_ev
from claimcheck.dispute.pair import Pair
from claimcheck.events.taxonomy import MODIFIER_TYPES
from claimcheck.records import Claim, Reason
from claimcheck.sources.aliases import KNOWN

RESPONSIBILITY_MIN_SIM = 0.5  # the rule compares one attack: claims at least this similar (cosine)

ATTACK_VERBS = frozenset({"shell", "bomb", "attack", "strike", "launch", "carry", "fire", "target", "kill",
                          "hit", "ambush", "shoot", "raid", "bombard", "detonate", "massacre", "conduct",
                          "perpetrate", "stage", "orchestrate", "down", "destroy", "cause", "plant"})
ATTACK_NOUNS = frozenset({"attack", "shelling", "strike", "airstrike", "bombing", "raid", "bombardment",
                          "ambush", "massacre", "explosion", "blast", "fire", "rocket", "missile", "shell",
                          "bomb", "mortar", "grenade", "mine", "drone"})
# Words that name the same side; anything else is compared by its words.
ACTOR_GROUPS = {
    "state": {"government", "regime", "army", "military", "troops", "troop", "soldier", "state",
              "pro-government", "loyalist", "forces-government"},
    "rebel": {"rebel", "opposition", "insurgent", "militant", "jihadist", "militia", "terrorist"},
    # a police force and its people ("police" / "an NYPD officer" / "deputies"; the acronym: _police_acronym)
    "police": {"police", "policeman", "policemen", "cop", "cops", "deputy", "deputies", "trooper", "sheriff"},
}
# Armed groups that the side's common names ("rebels", "terrorists", "militants") cover: "the Nusra Front"
# and "terrorist groups" blame one side, as state media name them (FA-KES).
_ARMED_GROUPS = frozenset({"nusra", "islamic-state", "qaeda", "jaish", "faylaq", "ahrar", "tahrir", "hts", "fateh",
                           "fatah", "islamist", "jabhat", "sham", "nusra-front", "hayat-tahrir-al-sham"})
_GENERIC_ACTOR = {"force", "forces", "fighter", "group", "unit", "the", "a", "an", "its", "their", "his",
                  "her", "some", "member", "members", "'s", "artillery", "jet", "warplane", "aircraft",
                  "plane", "drone", "gunman", "gunmen", "side", "organization", "organisation", "organizations",
                  "organisations", "call", "called", "so-called",  # "terrorist organizations", "the so called X"
                  # victims and weapons name no one who did it ("Civilians killed in rocket fire",
                  # "Barrel bombs dropped", "Air strikes killed"): read off FA-KES's top disputes
                  "civilian", "civilians", "people", "person", "persons", "child", "children", "resident",
                  "residents", "woman", "women", "man", "men",
                  "barrel", "bomb", "shell", "rocket", "missile", "mortar", "photo",
                  # how hard, not who: "Intense Syrian shelling" vs "heavy artillery" (FA-KES)
                  "intense", "heavy", "fierce", "renewed", "fresh", "new", "continued", "massive", "deadly",
                  "suspected", "alleged", "latest", "several", "multiple"}
# How an attack was carried out, not by whom, when it modifies the attack: "BEIRUT Air strikes ..." (a
# dateline, then the capitalised means: "Air" tagged a name), "Drone strikes", "Aerial bombardment".
_MEANS = frozenset(MODIFIER_TYPES) - {"suicide"}


def _means(tok: Any) -> bool:
    """A bare means word modifying an attack ("Air strikes"); "US drone strikes" still names the US."""
    return tok.lower_ in _MEANS and not any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in tok.children)


def _one_word_aliases() -> dict[str, str]:
    """One group under its one-word names, from the table source names merge with
    (``sources.aliases.KNOWN``): "ISIS", "ISIL", "Daesh", "IS" -> "islamic-state" (as "the Islamic State"
    is read), "Nusra" -> "nusra-front", "Hizbollah" -> "hezbollah"."""
    out = {}
    for names in KNOWN:
        key = "-".join(names[0].lower().replace("'", "").split())
        out.update({n.lower(): key for n in names if " " not in n})
    return out


_ALIASES = _one_word_aliases()
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "them", "who", "which", "that", "this"}


def _actor_words(tok: Any) -> tuple[str, frozenset[str], tuple[int, int]]:
    """Display text, comparable words and the local span of an agent noun phrase."""
    mods = ("compound", "amod", "poss", "nmod")
    # "Syrian or Russian warplanes": the conjunct of a modifier names the doer too
    keep = [t for t in tok.subtree if t.dep_ in mods or t.i == tok.i or (t.dep_ == "conj" and t.head.dep_ in mods)]
    keep = [t for t in keep if t.i <= tok.i]
    start, end = min(t.idx for t in keep), max(t.idx + len(t.text) for t in keep)
    words = set()
    lemmas = {t.lemma_.lower() for t in keep}
    if {"islamic", "state"} <= lemmas:
        words.add("islamic-state")
    for t in keep:
        lem = _lemma(t)
        if t.lower_ in _ALIASES:
            words.add(_ALIASES[t.lower_])
            continue
        if lem in _GENERIC_ACTOR or t.is_stop or ("islamic-state" in words and lem in ("islamic", "state")):
            continue
        lem = "police" if _police_acronym(t.text) else _side_of(_lost_possessive(lem), t.lower_)
        if any(ch.isalpha() for ch in lem):  # "-" of "Jaish al-Islam" is no word
            words.add(lem)
    return tok.doc.text[start:end], frozenset(words), (start, end)


def _police_acronym(word: str) -> bool:
    """A police department by its acronym: "NYPD", "LAPD", "CPD"."""
    return word.isupper() and word.endswith("PD") and 3 <= len(word) <= 5


def _lost_possessive(word: str) -> str:
    """A country's possessive whose apostrophe the text lost ("Syrias aircraft", "Turkeys army"): the country."""
    from claimcheck.events.places import kind

    return word[:-1] if word.endswith("s") and len(word) > 4 and kind(word[:-1]) == "country" else word


def actor_name_words(name: str) -> frozenset[str]:
    """A source's name as comparable actor words, as :func:`_actor_words` reads an agent ("Syrian
    government": {"syrian", "state"})."""
    words = set()
    for w in re.findall(r"[\w-]+", name.lower()):
        w = _ALIASES.get(w, w[:-1] if w.endswith("s") and w[:-1] in _ACTOR_WORDS else w)
        if w in _GENERIC_ACTOR or w in ("of", "for", "and", "the", "al"):
            continue
        words.add(_side_of(w))
    return frozenset(words)


def _side_of(word: str, *forms: str) -> str:
    """The side an actor word names ("army" -> "state", "militant" -> "rebel"), by the word or
    another of its forms; else the word."""
    for group, members in ACTOR_GROUPS.items():
        if word in members or any(f in members for f in forms):
            word = group
    return word


def _lemma(tok: Any) -> str:
    """The word's lemma, lower case; a capitalised plural the small model keeps whole as a name
    ("Rebels", "Terrorists") made singular when the singular is an actor word."""
    lem = tok.lemma_.lower()
    if lem == tok.lower_ and lem.endswith("s") and lem[:-1] in _ACTOR_WORDS:
        return lem[:-1]
    return lem


_ACTOR_WORDS = {w for group in ACTOR_GROUPS.values() for w in group} | {
    "force", "forces", "fighter", "gunman", "gunmen", "police", "coalition", "artillery", "jet", "warplane",
    "aircraft", "plane", "drone", "navy", "airforce", "group", "faction", "brigade", "battalion",
    "police", "separatist", "terrorist", "guerrilla", "isis", "isil", "daesh", "taliban", "hamas", "hezbollah"}
# "air" is a means ("an air strike" names no one), not an actor; "the Air Force" is one through "force".
# What carried a bomb ("car bomb", "truck bomb"): a title-cased headline's "Damascus Car" is tagged a
# name, but it is the means and its place (read off FA-KES's report); "an ISIS car bomb" still names ISIS.
_CARRIERS = frozenset({"car", "cars", "truck", "trucks", "lorry", "vehicle", "vehicles", "van", "motorcycle", "motorbike"})
_ACTOR_ENTS = {"ORG", "NORP", "PERSON", "GPE"}
_LOCATIVE = frozenset({"in", "near", "throughout", "across", "inside", "outside", "around", "within"})


def _is_actor(tok: Any, modifier: bool = False) -> bool:
    """Someone who can carry out an attack: a named group/person/country or an armed-actor word.
    A place name only counts as the head ("Russia bombed"), not as a modifier ("Syria drone strike")."""
    ents = _ACTOR_ENTS - {"GPE"} if modifier else _ACTOR_ENTS
    if tok.ent_type_ in ents or _lemma(tok) in _ACTOR_WORDS or tok.lower_ in _ACTOR_WORDS:
        return True
    return any(_is_actor(c, True) for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod"))


def _toll(verb: Any) -> bool:
    """A headline's toll parsed as a clause ("2 Syrians killed 5 injured in ..."): the object is a bare
    count with its own injury participle, so the subject is the dead, not who killed them."""
    return any(c.dep_ == "dobj" and c.tag_ == "CD" and any(
        g.lemma_.lower() in ("injure", "wound", "hurt") for g in c.children if g.dep_ == "acl") for c in verb.children)


def agents(doc: Any, places: frozenset[str] = frozenset()) -> list[tuple[str, frozenset[str], tuple[int, int], Any]]:
    """Who carried out an attack in this text: subjects of attack verbs, "by" agents of passives,
    modifiers of attack nouns ("rebel shelling"), targets of "blame ... on", subjects of "responsible".
    ``places``: folded keys of the places the run's event frames name; a name among them modifying an
    attack is where it happened ("the Tel Abyad attack", "Homs Car Bomb"), not who did it."""
    found = []

    def add(tok: Any, cue: Any) -> None:
        if tok.lower_ in _CARRIERS:  # "Damascus Car bomb": the car brought the bomb; only a doer word on it names one
            for m in tok.children:
                if m.dep_ in ("compound", "amod", "poss") and (_lemma(m) in _ACTOR_WORDS or m.lower_ in _ALIASES):
                    add(m, cue)
            return
        if tok.lower_ in _PRONOUNS or tok.pos_ == "PRON" or not _is_actor(tok, tok.dep_ != "nsubj"):
            return
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "pcomp" and tok.head.head.lower_ in _LOCATIVE and (
                tok.left_edge.i - 1 == tok.head.head.i):
            return  # "16 airstrikes throughout Raqqa destroying ...": the parse hung the place as a subject
        text, words, span = _actor_words(tok)
        if tok.dep_ in ("compound", "amod", "nmod") and (_run_place(text, places) or _run_place(_name_run(tok), places)):
            return
        if words and all(span != seen[2] for seen in found):  # a verb and its noun may both lead here
            found.append((text, words, span, cue))

    def add_doer(tok: Any, cue: Any) -> None:
        if tok.lemma_.lower() in ATTACK_NOUNS:  # "rebel shelling hit ...", "caused by a militia car bomb"
            for m in tok.children:
                if m.dep_ in ("compound", "amod", "poss", "nmod") and m.lemma_.lower() not in ATTACK_NOUNS and not _means(m):
                    add(m, cue)
        else:
            add(tok, cue)

    for tok in doc:
        lem = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lem in ATTACK_VERBS:
            # "British fighter killed in US air strike": a headline's participle has its victim as subject
            victim_subject = tok.tag_ == "VBN" and not any(
                (c.dep_ == "aux" and c.lemma_ == "have") or c.dep_ == "dobj" for c in tok.children) or _toll(tok)
            for c in tok.children:
                if c.dep_ == "nsubj" and not victim_subject:
                    add_doer(c, tok)
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add_doer(p, tok)
        if lem == "blame":
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "on":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add(p, tok)
        if lem == "responsible" and tok.head.lemma_ == "be":
            for c in tok.head.children:
                if c.dep_ == "nsubj":
                    add(c, tok)
        if tok.pos_ == "NOUN" and lem in ATTACK_NOUNS:
            for m in tok.children:
                if (m.dep_ in ("compound", "amod", "poss") and m.lemma_.lower() not in ATTACK_NOUNS and not _means(m)
                        and m.pos_ != "NUM"):
                    add(m, tok)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add(p, tok)
    return found


def _run_place(text: str, places: frozenset[str]) -> bool:
    """A name the run's frames place events in, finer than a country (a country modifying an attack,
    "Russian strikes", "Turkey shelling", is its doer)."""
    from claimcheck.events.places import fold, key, kind
    from claimcheck.sources.countries import country_code

    k = key(text)
    return bool(places) and bool(k) and fold(k) in places and kind(k) is None and country_code(text) is None


def _name_run(tok: Any) -> str:
    """The capitalised words around a modifier up to the attack or carrier they modify: "Kafr Hamra" of
    "Kafr Hamra Car Bomb", "Jisr al-Shughur" of "the Jisr al-Shughur attack" (the parse hangs each part
    on the noun apart)."""
    def part(t: Any) -> bool:
        return (t.is_title or t.lower_ in ("al", "el", "-")) and t.lower_ not in _CARRIERS and t.lemma_.lower() not in ATTACK_NOUNS

    lo = hi = tok.i
    while lo > 0 and not tok.doc[lo].is_sent_start and part(tok.doc[lo - 1]):
        lo -= 1
    while hi + 1 < len(tok.doc) and part(tok.doc[hi + 1]):
        hi += 1
    return tok.doc[lo:hi + 1].text


def run_places(claims: Any) -> frozenset[str]:
    """The folded keys of the places finer than a country that the claims' event frames name."""
    from claimcheck.events.places import fold, kind

    return frozenset(fold(p.key) for c in claims if c.event is not None for p in c.event.places
                     if p.key and kind(p.key) is None)


_DEMONYMS = {"american": "us", "america": "us", "u.s.": "us", "british": "uk", "britain": "uk", "u.k.": "uk",
             "french": "france", "dutch": "netherlands", "turkish": "turkey", "saudi": "saudi arabia"}


def _named_in(words: frozenset[str], doc: Any) -> bool:
    """Does the other text name every one of these actor words as an actor somewhere?"""
    named = {w for t in doc if _is_actor(t) for w in _actor_words(t)[1]}
    return bool(words) and all(any(_same_actor_word(w, n) for n in named) for w in words)


def _same_actor_word(x: str, y: str) -> bool:
    """One actor named two ways: the same word, a country and its people ("Jordan" / "Jordanian",
    "Syria" / "Syrian", "Israel" / "Israeli"), or a listed demonym ("US" / "American")."""
    x, y = _DEMONYMS.get(x, x), _DEMONYMS.get(y, y)
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


_HABITUAL = re.compile(r"\b(?:regularly|repeatedly|frequently|often|routinely|constantly|daily|usually)\b", re.I)


_CAPS_RUN = re.compile(r"(?:[A-Z][A-Z'’-]+[\s,]+)+")


def _dateline_end(text: str) -> int:
    """Where a dateline opening the claim ends ("KHAN SHEIKHUN Syria A suspected chemical attack ...",
    "DAMASCUS, Syria"): capitals, then a country; 0 when there is none. An agent inside it is a place."""
    from claimcheck.events.places import key, kind

    m = _CAPS_RUN.match(text)
    if m is None or any(w.lower() in _ACTOR_WORDS or w.lower() in _ALIASES for w in re.findall(r"[A-Z]+", m.group())):
        return 0
    country = re.match(r"([A-Z][a-z]+)\b[\s,]*", text[m.end():])
    return m.end() + country.end() if country and kind(key(country.group(1))) == "country" else 0


def _place_keys(claim: Claim) -> set[str]:
    from claimcheck.events.places import fold

    frame = claim.event
    return {fold(k) for p in (frame.places if frame is not None else ()) for k in (p.key, p.within) if k}


def _a_place(text: str, where: set[str]) -> bool:
    """Is the agent a place ("Aleppo countryside", "Homs province", "Al Raqqa" where the claims name it,
    "al-Midan neighborhood") or an attack ("Airstrikes")? Towns shell no one; a country ("Russia")
    stays an agent."""
    from claimcheck.events.places import PLACE_NOUNS, fold, key, kind

    last = re.findall(r"[a-z]+", text.casefold())[-1:]
    if last and (last[0] in PLACE_NOUNS or last[0].rstrip("s") in ATTACK_NOUNS):
        return True  # "the de facto Syrian capital", "Reuters Photo) Airstrikes": a place or a means, not who
    k = key(text)
    if not k or kind(k) is not None:
        return False
    # every word a place the claims name, a country or a place noun: "KHAN SHEIKHUN Syria" (a dateline)
    named = {w for p in where for w in p.split()}
    return fold(k) in where or all(fold(w) in named or kind(w) is not None or w in PLACE_NOUNS for w in k.split())


def responsibility(a: Claim, b: Claim, doc_a: Any, doc_b: Any, sim: float, camps: Camps,
                   found: tuple | None = None) -> Reason | None:
    """The same attack attributed to different actors (neither claim denied by its source: denying
    that rebels did it blames no one)."""
    if sim < RESPONSIBILITY_MIN_SIM or {a.stance, b.stance} != {"asserts"}:
        return None
    if all(c.event is not None and c.event.type == "clash" for c in (a, b)):
        return None  # fighting has two sides: "the SDF killed 12 jihadists" and "Russian jets killed 304" blame no one
    ag_a, ag_b = found or (agents(doc_a), agents(doc_b))
    where = _place_keys(a) | _place_keys(b)
    ag_a, ag_b = ([g for g in ag if not _a_place(g[0], where) and g[2][0] >= _dateline_end(c.text)]
                  for ag, c in ((ag_a, a), (ag_b, b)))
    if not ag_a or not ag_b:
        return None
    words_a = frozenset().union(*(w for _, w, _, _ in ag_a))
    words_b = frozenset().union(*(w for _, w, _, _ in ag_b))
    if any(_same_actor_word(x, y) for x in words_a for y in words_b):
        return None  # some agent in common: not clearly different
    if _named_in(words_a, doc_b) or _named_in(words_b, doc_a):
        return None  # "Syrian Army Kills 11 ISIL Terrorists Destroy ...": both name both; the parse differs
    if any(w <= {"rebel"} and not words_x & {"state"} and words_x & _ARMED_GROUPS
           for w, words_x in ((words_a, words_b), (words_b, words_a))):
        return None  # "terrorists" and "the Nusra Front": the side's name and one of its groups
    from claimcheck.dispute.scope import scope

    if scope(a) != scope(b) or _HABITUAL.search(a.text) or _HABITUAL.search(b.text):
        return None  # "rockets have killed 16 since Thursday", "Idlib is regularly bombed by ...": not one attack
    ta, _, sa, ca = ag_a[0]
    tb, _, sb, cb = ag_b[0]
    weight = 0.65
    if camps:
        camp_a, camp_b = camps.camp_of(ta), camps.camp_of(tb)
        if camp_a and camp_b:
            if camp_a == camp_b:
                return None
            weight = 0.8  # the camps file confirms they are opposite sides
    weight = round(min(1.0, weight + 0.3 * (sim - RESPONSIBILITY_MIN_SIM)), 4)
    ev = (_ev(a, *sa), _tok_ev(a, ca), _ev(b, *sb), _tok_ev(b, cb))
    return Reason("responsibility", f"attributed to {ta!r} vs {tb!r}", ev, weight)


def detect(pair: Pair) -> Reason | None:
    if pair.docs is None:
        return None  # the rule reads both claims' parses
    return responsibility(pair.a, pair.b, *pair.docs, pair.sim, pair.camps, pair.agents)
