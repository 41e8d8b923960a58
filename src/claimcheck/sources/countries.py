"""The state a source speaks for: a body, a role or a person of a country's state, named by the
country or its people ("Russian officials", "the Turkish military", "US officials", "Syrian state
media", "Russias Defense Ministry", "Frances foreign minister", "Turkish President X"), by its seat
("Moscow", "the Kremlin"), or the country itself ("Turkey"). A camps file that lists a country, or
state bodies of it that all share one camp ("Syrian government", "Syrian army"), gives every such
source that camp (:mod:`claimcheck.sources.camps`).

What is a state's: its government, regime, administration, authorities and officials, its armed
forces (army, military, troops, navy, air force), its ministries and ministers, its embassy and
ambassadors, its president or prime minister, its state media ("state television", "state-run news
agency"), and sources or spokespeople of those ("security sources", "military spokesman"). What a
country's people or other bodies say is not ("Syrian activists", "the Syrian opposition forces",
"Syrian Democratic Forces", "Russian media", "Syria TV"): those keep the camp of their own names only.

Countries are pycountry's, with the names news uses for those pycountry spells otherwise ("Russia",
"Turkey", "Britain", "the US"); a people's word is turned into its country by the usual endings
("Syrian" -> "Syria", "Iraqi" -> "Iraq", "Turkish" -> "Turkey", "Lebanese" -> "Lebanon") and kept
only when pycountry knows the result.
"""

from __future__ import annotations

import functools
import re

# Names news gives countries that pycountry spells otherwise, and peoples' words no ending rule turns
# into their country; each to its ISO 3166 alpha-2 code.
_ALIASES = {
    "us": "US", "u.s.": "US", "u.s": "US", "usa": "US", "u.s.a.": "US", "america": "US", "american": "US",
    "united states": "US", "united states of america": "US", "uk": "GB", "u.k.": "GB", "britain": "GB",
    "great britain": "GB", "british": "GB", "united kingdom": "GB", "russia": "RU", "turkey": "TR", "türkiye": "TR",
    "iran": "IR", "syria": "SY", "dutch": "NL", "french": "FR", "saudi": "SA", "emirati": "AE", "swiss": "CH",
    "greek": "GR", "thai": "TH", "filipino": "PH", "danish": "DK", "polish": "PL", "spanish": "ES", "israeli": "IL",
}
# The peoples' words among the aliases ("American", not "America").
_PEOPLES = frozenset({"american", "british", "dutch", "french", "saudi", "emirati", "swiss", "greek", "thai", "filipino",
                      "danish", "polish", "spanish", "israeli"})
# The names a country's state goes by in news (the seat of its government, its best-known buildings).
SEATS = {
    "moscow": "RU", "kremlin": "RU", "ankara": "TR", "damascus": "SY", "washington": "US", "white house": "US",
    "pentagon": "US", "tehran": "IR", "beijing": "CN", "paris": "FR", "elysee": "FR", "élysée": "FR",
    "downing street": "GB", "whitehall": "GB", "riyadh": "SA", "doha": "QA", "amman": "JO", "beirut": "LB",
    "baghdad": "IQ", "berlin": "DE", "cairo": "EG",
}
# How a country's state is shown by name (pycountry's name otherwise: "France", "Iraq").
_SHOWN = {"US": "United States", "GB": "Britain", "RU": "Russia", "TR": "Turkey", "IR": "Iran", "SY": "Syria",
          "KR": "South Korea", "KP": "North Korea", "PS": "Palestine", "VE": "Venezuela", "BO": "Bolivia",
          "TW": "Taiwan", "VN": "Vietnam", "LA": "Laos", "MD": "Moldova", "TZ": "Tanzania"}

# Heads that are a state's whatever modifies them ("the Syrian government", "Russian officials").
_STATE_HEADS = frozenset({
    "government", "govt", "regime", "administration", "authorities", "officials", "official", "army", "armies",
    "military", "forces", "troops", "soldiers", "navy", "ministry", "ministries", "minister", "ministers",
    "embassy", "embassies", "ambassador", "envoy", "presidency", "president", "premier", "leadership",
    "diplomats", "diplomat", "intelligence", "police", "command", "parliament", "cabinet", "state", "jets",
    "warplanes", "aircraft", "air force", "armed forces", "general", "colonel", "commander", "king", "emir",
    "chancellor", "secretary", "junta", "authority", "gen", "maj", "col", "lt", "brig", "adm",
})
# Heads that are a state's only with a state word before them ("state media", "security sources").
_NEEDS_STATE = frozenset({
    "media", "television", "tv", "agency", "broadcaster", "channel", "radio", "newspaper", "sources", "source",
    "spokesman", "spokeswoman", "spokesperson", "officer", "officers", "statement",
})
# Words that may stand between the country and the head ("Syrian state-run news agency", "Russian
# Foreign Ministry", "US Central Command"); a word outside them ("opposition", "Democratic", "Kurdish")
# makes the phrase some other body's.
_STATE_WORDS = frozenset({
    "state", "state-run", "state-owned", "state-controlled", "official", "government", "government-run",
    "regime", "military", "army", "security", "armed", "air", "naval", "navy", "defence", "defense", "foreign",
    "interior", "justice", "health", "information", "intelligence", "diplomatic", "senior", "top", "high-ranking",
    "central", "general", "special", "federal", "news", "press", "prime", "deputy", "vice", "acting", "chief",
    "of", "staff", "ministry", "force", "forces", "emergencies", "emergency", "affairs", "finance",
    "economy", "energy", "oil", "education", "transport", "defense-ministry", "defence-ministry", "crown",
    "secretary", "minister", "first", "lieutenant", "major", "brigadier", "aviation", "aerospace", "presidential",
    "republican", "border", "coast", "guard", "guards", "police",
})
_DETERMINERS = frozenset({"the", "a", "an"})


@functools.lru_cache(maxsize=1)
def _pycountry_names() -> dict[str, str]:
    """Lower-case country names (name, common and official names, each before a comma: "Korea,
    Republic of" -> "korea") to alpha-2 codes; a name two countries share maps to ""."""
    import pycountry

    found: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            for key in {value.lower(), value.split(",")[0].strip().lower()}:
                found[key] = c.alpha_2 if found.get(key, c.alpha_2) == c.alpha_2 else ""
    return found


def _lookup(key: str) -> str | None:
    if key in _ALIASES:
        return _ALIASES[key]
    if len(key) < 4:
        return None  # "al", "is": a code is not how news names a country
    return _pycountry_names().get(key) or None


def _candidates(word: str) -> list[str]:
    """A people's word and the countries it may come from ("syrian" -> "syria", "lebanese" -> "lebanon")."""
    w = word
    out = [w]
    if w.endswith("ian"):
        out += [w[:-1], w[:-3], w[:-3] + "y", w[:-3] + "e"]
    elif w.endswith("an"):
        out += [w[:-1], w[:-2], w + "y", w[:-2] + "y", w[:-2] + "um", w[:-2] + "o"]
    elif w.endswith("ese"):
        out += [w[:-3] + "a", w[:-3] + "on", w[:-3]]
    elif w.endswith("ish"):
        out += [w[:-3] + "ey", w[:-3] + "land", w[:-3] + "en"]
    elif w.endswith("i"):
        out += [w[:-1]]
    return out


@functools.lru_cache(maxsize=4096)
def country_code(word: str) -> str | None:
    """The alpha-2 code of a country, its people's word or its seat of government ("Russia",
    "Russian", "Russias" (a possessive that lost its apostrophe), "U.S.", "Moscow"); else None."""
    key = re.sub(r"['’]s$", "", word.strip().lower())
    if not key:
        return None
    if key in SEATS:
        return SEATS[key]
    for k in (key, key[:-1] if key.endswith("s") else None):
        if k and _lookup(k):
            return _lookup(k)
    if " " in key or "-" in key:
        return None
    for cand in _candidates(key)[1:]:
        found = _lookup(cand)
        if found:
            return found
    return None


def country_name(code: str) -> str:
    """How the country is shown: "Russia", "Britain", "France"."""
    import pycountry

    if code in _SHOWN:
        return _SHOWN[code]
    c = pycountry.countries.get(alpha_2=code)
    return (getattr(c, "common_name", None) or c.name) if c else code


def _state_phrase(words: list[str], seat: bool = False) -> bool:
    """Lower-case words after the country: a state's body, role or person (see the module doc)."""
    if not words:
        return False
    text = " ".join(words)
    head = words[-1].rstrip(".")
    if len(words) >= 2 and " ".join(words[-2:]) in _STATE_HEADS:
        head, words = " ".join(words[-2:]), words[:-2]
    else:
        words = words[:-1]
    if head in _STATE_HEADS or head.removesuffix("s") in ("ministry", "minister"):
        # any words before a ministry or a minister name which ("Emergencies Ministry")
        return head.startswith("minist") or all(w in _STATE_WORDS for w in words)
    if head in _NEEDS_STATE:
        return seat and not words or bool(words) and all(w in _STATE_WORDS for w in words) and any(
            w in _STATE_WORDS - {"news", "press", "senior", "top", "chief", "deputy", "acting", "of"} for w in words)
    return bool(re.fullmatch(r"(?:ministry|minister)\s+of\s+[\w\s-]+", text))


@functools.lru_cache(maxsize=8192)
def state_of(phrase: str | None) -> str | None:
    """The country whose state ``phrase`` names, as shown (``country_name``), or None: "Russian
    officials", "the U.S. military", "Turkish security sources", "Russias Defense Ministry", "Frances
    foreign minister", "Moscow", "the Kremlin", "Turkey"; a state title then the person's name
    ("Russian General Ivan Petrov"). Not "Syrian activists", "Syrian opposition forces", "Syrian
    Democratic Forces", "Kurdish officials" (no country), "Free Syrian Army" (not the country first)."""
    if not phrase:
        return None
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words or not (words[0][:1].isupper()):
        return None
    for k in (3, 2, 1):  # "Saudi Arabia", "United States", "Russian"
        if len(words) < k or not all(w[:1].isupper() for w in words[:k]):
            continue
        code = country_code(" ".join(words[:k]))
        if code is None or _us_state(" ".join(words[:k])) and " ".join(words[:k]).lower() not in SEATS:
            continue  # "Georgia police" in American news is the state's
        rest = words[k:]
        if not rest:  # the country or its seat alone ("Syria agreed"), not its people ("the Syrian", "Americans")
            return country_name(code) if country_itself(" ".join(words[:k])) else None
        lower = [w.lower().strip(",.") for w in rest]
        seat = " ".join(words[:k]).lower() in SEATS  # "Kremlin spokesman": the seat's people are the state's
        for end in range(len(lower), 0, -1):  # the state's words, then perhaps a person's name
            if _state_phrase(lower[:end], seat) and (end == len(lower) or _person(rest[end:])):
                return country_name(code)
        return None
    return None


# The armed forces and the government of a state, the heads a role named without its country may
# stand for ("the army", "a military source", "the authorities"); a person's title ("the president",
# "the minister") and the police (a town's as often as a state's) are not among them.
_UNNAMED_HEADS = frozenset({"army", "military", "forces", "armed forces", "troops", "soldiers", "air force", "navy",
                            "government", "authorities", "command", "source", "sources", "spokesman"})


def unnamed_state_role(name: str) -> bool:
    """A state's armed forces or government named without the country ("the army", "a military
    source", "security sources", "the government"); not "a source", "the police", "the regime" or "the
    minister"."""
    words = [w.lower().strip(",.") for w in name.split()]
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    head = " ".join(words[-2:]) if " ".join(words[-2:]) in _UNNAMED_HEADS else words[-1] if words else ""
    # (a "regime" is its ruler's, "the Assad regime", which a country's name does not tell)
    return (head in _UNNAMED_HEADS and _state_phrase(words) and not {"regime", "police"} & set(words)
            and not any(w[:1].isupper() for w in name.split()))


# A run of capitalised words (a country, its people's word, a possessive) and the lower-case words after it.
# (A word's dot is an abbreviation's, "U.S.", not a sentence's end, "in Damascus. Russian officials".)
_NAMED_STATE = re.compile(r"(?<![\w.-])((?:[A-Z](?:[\w'’]|\.(?=\w))*(?:(?<=[A-Z])\.)?\s+){1,3})"
                          r"((?:[a-z][\w-]*(?:\s+|$)){1,4})")


def states_named(text: str) -> set[str]:
    """The countries whose state a text names by a state's body or role ("the Syrian army", "Russias
    defence ministry", "Turkish officials"), not by the country alone ("in Syria", "Damascus")."""
    found = set()
    for m in _NAMED_STATE.finditer(text):
        caps, low = m.group(1).split(), m.group(2).split()
        found |= {next((c for k in range(len(low), 0, -1) if (c := state_of(" ".join(caps[i:] + low[:k])))), None)
                  for i in range(len(caps))}  # ("Later Russias defence ministry")
    return found - {None}


def country_itself(text: str) -> bool:
    """A country's name or its seat ("Syria", "the US", "Moscow"), not a people's word ("Syrian",
    "British", "Americans"), nor a name that is also a US state's ("Georgia")."""
    key = text.lower()
    if key in SEATS or _ALIASES.get(key) and key not in _PEOPLES:
        return True
    return bool(_pycountry_names().get(key)) and not _us_state(text)


@functools.lru_cache(maxsize=1024)
def _us_state(text: str) -> bool:
    import us

    state = us.states.lookup(text)
    return state is not None and state.name.lower() == text.lower()


def _person(words: list[str]) -> bool:
    """ "Ivan Petrov", "Mohammad al-Shaar": a person's name after a title."""
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("al", "el", "bin", "de", "ibn")
                                        or w.startswith(("al-", "el-")) for w in words)
