"""Source names: per-mention canonical forms and corpus-level merging of the same party.

``canonical_name`` turns the words as written ("Mr Lavrov", "Syrian state TV's") into a
comparable name ("Lavrov", "Syrian state television"). ``normalise_sources`` then merges names
across a corpus when one is a token subset of a more complete one ("Lavrov" -> "Sergei Lavrov",
"state television" -> "Syrian state television"), but only when the merge is unambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from claimcheck.config import Camps
from claimcheck.records import Claim

_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those")

# Titles dropped when they precede a (capitalised) name: "Foreign Minister Sergei Lavrov" -> "Sergei Lavrov".
_TITLES = (
    "foreign minister", "prime minister", "defence minister", "defense minister", "interior minister",
    "deputy foreign minister", "secretary of state", "secretary-general", "secretary general",
    "vice president", "vice-president", "president", "minister", "chancellor", "king", "queen",
    "prince", "gen.", "gen", "colonel", "col.", "col", "maj.", "captain", "capt.",
    "lieutenant", "lt.", "sergeant", "sgt.", "admiral", "adm.", "commander", "spokesman", "spokeswoman",
    "spokesperson", "envoy", "peace envoy", "ambassador", "senator", "sen.", "sen", "representative",
    "rep.", "rep", "governor", "gov.", "gov", "mayor", "judge", "sheikh", "sheik",
    "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "dr.", "dr", "prof.", "prof", "professor",
    "sir", "dame", "rev.", "reverend", "pope", "ayatollah", "chairman", "chairwoman", "director",
)
# A title, optionally after a few words saying whose ("United Nations peace envoy", "Russian Foreign
# Minister"), right before a capitalised name (case-sensitive there: "spokesman for the group" keeps
# its title).
_TITLE_RE = re.compile(
    r"^(?:[\w.'’-]+\s+){0,4}?(?:" + "|".join(
        re.escape(t) for t in sorted(_TITLES, key=len, reverse=True)) + r")\s+(?=(?-i:[A-Z]))",
    flags=re.IGNORECASE,
)
_ABBREVIATIONS = (
    (re.compile(r"\bTV\b", re.IGNORECASE), "television"),
    (re.compile(r"\bgov't\b", re.IGNORECASE), "government"),
    (re.compile(r"\bgovt\.?(?=\s|$)", re.IGNORECASE), "government"),
)
_QUOTES = "\"'“”‘’«»"
# Single common nouns too generic to merge into a longer name ("officials" is not "Army officials").
_GENERIC = {
    "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
    "people", "residents", "witnesses", "analysts", "experts", "activists", "critics", "observers",
    "government", "authorities", "police", "military", "army", "rebels", "opposition", "report",
    "reports", "media", "statement", "ministry", "campaign", "aides", "aide", "diplomats",
}


def canonical_name(mention: str) -> str:
    """One mention's comparable name: no determiner, title or possessive; "TV" -> "television"."""
    name = " ".join(mention.split()).strip(_QUOTES + " ,.;:")
    # possessives anywhere ("state TV's correspondent"), but not inside a name ("People's Front")
    name = re.sub(r"(?<=\w)(?:'s|’s)(?=\s+[^A-Z\s]|$)", "", name)
    name = re.sub(r"(?<=s)['’](?=\s|$)", "", name)  # "the dockers' union", "the rebels'"
    words = name.split(" ")
    if words and words[0].lower() in _DETERMINERS and len(words) > 1:
        name = " ".join(words[1:])
    for _ in range(3):  # "U.S. Secretary of State John Kerry", "Mr. President Obama"
        stripped = _TITLE_RE.sub("", name)
        if stripped == name or not stripped:
            break
        name = stripped
    for pattern, repl in _ABBREVIATIONS:
        name = pattern.sub(repl, name)
    return name.strip(_QUOTES + " ,.;:")


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[^\w.-]+", name.lower()) if t)


_OF_WORDS = frozenset({"of", "for", "at", "from", "with", "in", "to", "on", "the"})


def merge_map(names: Iterable[str]) -> dict[str, str]:
    """Each name mapped to the most complete name that ends with its tokens, when unambiguous.

    A name is merged only if all its more complete supersets agree (are themselves nested), so
    "Clinton" stays alone when both "Hillary Clinton" and "Bill Clinton" occur. Single generic
    common nouns ("officials") never merge.
    """
    unique = sorted(set(n for n in names if n))
    toks = {n: _tokens(n) for n in unique}
    mapping: dict[str, str] = {}
    for name in unique:
        mine = set(toks[name])
        if not mine or (len(toks[name]) == 1 and name.islower() and name.lower() in _GENERIC):
            continue
        # Only a tail of a longer name ("Lavrov" of "Sergei Lavrov", "state television" of "Syrian state
        # television"): "Trump" is not "Trump campaign", "United Nations" is not a UN envoy.
        n = len(toks[name])
        # ... and not the body a role belongs to: "Red Dawn" is not "spokesman for Red Dawn".
        supers = [o for o in unique if o != name and len(toks[o]) > n and toks[o][-n:] == toks[name]
                  and toks[o][-n - 1] not in _OF_WORDS]
        if not supers:
            continue
        # Most complete first; deterministic tie-break on the string itself.
        supers.sort(key=lambda o: (-len(toks[o]), o))
        best = supers[0]
        if all(set(toks[o]) <= set(toks[best]) for o in supers):
            mapping[name] = best
    # Case variants of the same tokens ("State Television" / "state television") -> first sorted.
    by_tokens: dict[tuple[str, ...], str] = {}
    for name in unique:
        target = mapping.get(name, name)
        key = toks[target]
        canon = by_tokens.setdefault(key, target)
        if canon != name:
            mapping[name] = canon
    return mapping


def normalise_sources(claims: Iterable[Claim]) -> list[Claim]:
    """Claims with source names merged across the corpus (see ``merge_map``); order kept."""
    claims = list(claims)
    mapping = merge_map(c.source.name for c in claims if c.source.name)
    out = []
    for c in claims:
        new = mapping.get(c.source.name) if c.source.name else None
        out.append(c if new is None or new == c.source.name else replace(c, source=replace(c.source, name=new)))
    return out


def assign_camps(claims: Iterable[Claim], camps: Camps) -> list[Claim]:
    """Claims with ``source.camp`` set from the camps file (None when no camp matches)."""
    return [replace(c, source=replace(c.source, camp=camps.camp_of(c.source.name))) for c in claims]
