"""Camps: which sources side together (a TOML file mapping camp names to members and patterns)."""

from __future__ import annotations

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
        """The first camp (in file order) with a member or pattern matching ``name``; else None."""
        if not name:
            return None
        for camp in self.camps:
            if any(_member_matches(member, name) for member in camp.members):
                return camp.name
            if any(re.search(p, name, flags=re.IGNORECASE) for p in camp.patterns):
                return camp.name
        return None


def _member_matches(member: str, name: str) -> bool:
    # "state television" matches "Syrian state television"; "Lavrov" matches "Sergei Lavrov".
    member = re.sub(r"^(the|a|an)\s+", "", member.strip(), flags=re.IGNORECASE)
    return re.search(rf"(?<!\w){re.escape(member)}(?!\w)", name, flags=re.IGNORECASE) is not None


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
        unknown = set(spec) - {"members", "patterns"}
        if unknown:
            raise ConfigError(f"{path}: camp {name!r}: unknown keys {sorted(unknown)}")
        camps.append(Camp(name, tuple(members), tuple(patterns)))
    return Camps(tuple(camps))
