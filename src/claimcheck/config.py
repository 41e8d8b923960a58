"""Camps: which sources side together (a TOML file mapping camp names to members and patterns)."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import ConfigError


@dataclass(frozen=True)
class Camp:
    name: str
    members: tuple[str, ...] = ()  # source names, matched case-insensitively as whole words
    patterns: tuple[str, ...] = ()  # regular expressions searched in the source name


@dataclass(frozen=True)
class Camps:
    camps: tuple[Camp, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.camps)

    def camp_of(self, name: str | None) -> str | None:
        """The camp of the longest member matching ``name`` (the most specific: "Free Syrian Army"
        before "Syrian army"; ties in file order), else the first camp (in file order) with a pattern
        matching it; else None."""
        if not name:
            return None
        best: tuple[int, str] | None = None
        for camp in self.camps:
            for member in camp.members:
                size = _member_matches(member, name)
                if size and (best is None or size > best[0]):
                    best = (size, camp.name)
        if best is not None:
            return best[1]
        for camp in self.camps:
            if any(_pattern_matches(p, name) for p in camp.patterns):
                return camp.name
        return None


# Source names come from article text, so a camp pattern is matched with a time limit (the
# ``regex`` package's timeout): a pattern that backtracks without end on some name counts as no
# match there instead of stalling the run. Nested quantifiers, the usual cause, are refused when
# the camps file is read.
PATTERN_TIMEOUT = 0.1  # seconds per source name and pattern


def _pattern_matches(pattern: str, name: str) -> bool:
    import regex

    try:
        return regex.search(pattern, name, flags=regex.IGNORECASE | regex.VERSION0, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        return False


def _nested_quantifier(pattern: str) -> bool:
    """Does a repeated group hold another repeat (``(a+)+``, ``(\\w*\\s?)*``)? Those backtrack
    exponentially on a near miss."""
    from re import _parser  # the stdlib's own parse of the pattern (sre_parse)

    repeats = {_parser.MAX_REPEAT, _parser.MIN_REPEAT, getattr(_parser, "POSSESSIVE_REPEAT", None)}

    def walk(items, inside: bool) -> bool:
        for op, arg in items:
            if op in repeats:
                lo, hi, sub = arg
                many = hi is _parser.MAXREPEAT or hi > 1
                if many and inside:
                    return True
                if walk(sub, inside or many):
                    return True
            elif op in (_parser.SUBPATTERN,):
                if walk(arg[-1], inside):
                    return True
            elif op is _parser.BRANCH:
                if any(walk(b, inside) for b in arg[1]):
                    return True
            elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
                if walk(arg[1], inside):
                    return True
        return False

    return walk(_parser.parse(pattern), False)


def _member_matches(member: str, name: str) -> int:
    """The length of ``member`` where it matches ``name`` as whole words, else 0: "state television"
    matches "Syrian state television", "Lavrov" matches "Sergei Lavrov", "Syrian Coalition" matches
    "Syrian Coalitions political committee" (a possessive that lost its apostrophe); not where the
    name says where a body is based, what holds a place or what it is against ("Britain-based group",
    "rebel-held Aleppo", "anti-government activists")."""
    size, pattern = _member_pattern(member)
    return size if pattern is not None and pattern.search(name) else 0


def bare_member(member: str) -> str:
    """A camps-file member without its leading article ("the US" -> "US")."""
    return re.sub(r"^(the|a|an)\s+", "", member.strip(), flags=re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def _member_pattern(member: str) -> tuple[int, re.Pattern | None]:
    member = bare_member(member)
    if not member:
        return 0, None
    body = re.escape(member)
    for spelling, either in _SPELLINGS:  # "Russian Defence Ministry" matches "Russian Defense Ministry"
        body = re.sub(spelling, either, body, flags=re.IGNORECASE)
    return len(member), re.compile(
        rf"(?<!\w)(?<!anti-){body}(?:['’]?s)?(?!\w)(?!-(?:based|held|occupied|controlled))", flags=re.IGNORECASE)


# British and American spellings of one word in a member (the corpus merges names the same way).
_SPELLINGS = ((r"defen[cs]e", "defen[cs]e"), (r"organi[sz]ation", "organi[sz]ation"), (r"cent(?:re|er)\b", "cent(?:re|er)"),
              (r"programme\b|program\b", "program(?:me)?"))


def load_camps(path: str | Path | None) -> Camps:
    """Read a camps file::

        [government]
        members = ["Syrian state television", "the army", "Lavrov"]
        patterns = ["\\\\bgovernment\\\\b"]

    A missing path means no camps. Errors name the file.
    """
    if path is None:
        return Camps()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: camps file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read camps file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    table = data.get("camps", data)  # allow both [government] and [camps.government]
    camps = []
    for name, spec in table.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{path}: camp {name!r} must be a table with 'members' and/or 'patterns'")
        members, patterns = spec.get("members", []), spec.get("patterns", [])
        for key, values in (("members", members), ("patterns", patterns)):
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ConfigError(f"{path}: camp {name!r}: {key} must be a list of strings")
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ConfigError(f"{path}: camp {name!r}: bad pattern {p!r} ({exc})") from None
            if _nested_quantifier(p):
                raise ConfigError(f"{path}: camp {name!r}: pattern {p!r} repeats a repeat (nested quantifiers "
                                  "backtrack without end on some names); write it without one")
        unknown = set(spec) - {"members", "patterns"}
        if unknown:
            raise ConfigError(f"{path}: camp {name!r}: unknown keys {sorted(unknown)}")
        camps.append(Camp(name, tuple(members), tuple(patterns)))
    return Camps(tuple(camps))
