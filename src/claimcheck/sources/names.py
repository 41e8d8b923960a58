"""One mention's name: the words as written ("13 Jun 2016 the Britain-based Syrian Observatory for
Human Rights (SOHR", "Observatory head Rami Abdel Rahman") cut down to the name of the party
("Syrian Observatory for Human Rights", "Rami Abdel Rahman"), with the organisation a person or a
role speaks for (``affiliation``: "Observatory") and the descriptive words the cut dropped
("britain-based", "monitor"), which the corpus step uses to resolve bare descriptors.

Pure text functions: what surrounds the source in its mention (dates, datelines, quotation ends) is
cut by :mod:`claimcheck.sources.cleaning`; the corpus-wide merging is :mod:`claimcheck.sources.merge`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.sources.cleaning import _QUOTES, _clean, source_extent  # noqa: F401 (source_extent: re-exported)
from claimcheck.sources.countries import _STATE_HEADS, country_itself, state_of
from claimcheck.sources.lexicon import (  # noqa: F401 (GENERIC, _ROLE_WORDS: merge reads them here)
    _DESCRIPTOR_ADJ, _DESCRIPTOR_NOUNS, _FACILITIES, _LOWER_ROLES, _NOT_BODIES, _ONE_WORD_KINDS, _ORG_HEADS, _PARTICLES,
    _PERSON_ADJ, _ROLE_WORDS, _SIDE_WORDS, _TITLE_WORDS_CAP, _TITLES, GENERIC,
)

_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those")
_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})  # "Its spokesman": no body named

# A title, optionally after words saying whose ("United Nations peace envoy", "Russian Defense Ministry
# spokesman Maj. Gen."), right before a capitalised name that ends the mention (case-sensitive
# there: "spokesman for the group" keeps its title).
_TITLE_ALT = "|".join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))
_ROLE_ALT = "|".join(re.escape(t) for t in sorted(_LOWER_ROLES, key=len, reverse=True))
_TITLE_RE = re.compile(r"^(?:[\w.'’-]+\s+){0,6}?(?:(?i:" + _TITLE_ALT + r")|" + _ROLE_ALT + r")\s+(?=[A-Z])")
_TITLE_END = re.compile(r"\s*(?:(?i:interim|acting|deputy|assistant|former|senior)\s+)?(?:(?i:" + _TITLE_ALT + r")|"
                        + _ROLE_ALT + r")\s*$")
_ABBREVIATIONS = (
    (re.compile(r"\bTV\b", re.IGNORECASE), "television"),
    (re.compile(r"\bgov't\b", re.IGNORECASE), "government"),
    (re.compile(r"\bgovt\.?(?=\s|$)", re.IGNORECASE), "government"),
)
# Whom a body belongs to, before its name ("the Daesh-linked Aamaq", "the ISIS-run Amaq", "the Al Qaeda-affiliated
# X"); not who backs, leads or is allied with it ("the US-backed X" is another party), nor "state-run".
_LINKED = re.compile(r"^(?P<body>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?)-(?:linked|affiliated|run|operated|owned)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]*[A-Z]\.?$")
_PREP_ROLE = re.compile(r"^(?P<role>.+?)\s+(?P<prep>at|for|of|with|from|in)\s+(?P<the>the\s+)?(?P<org>\S.*)$",
                        flags=re.IGNORECASE)


@dataclass(frozen=True)
class NameParts:
    """A mention cut down: ``name``, the ``affiliation`` written with it (or None), and the
    descriptive words dropped on the way (lower case)."""

    name: str
    affiliation: str | None = None
    descriptors: tuple[str, ...] = ()


def canonical_name(mention: str) -> str:
    """One mention's comparable name: no date, framing words, determiner, title, role, possessive,
    relative clause or parenthesis; "TV" -> "television"."""
    return name_parts(mention).name


def name_parts(mention: str) -> NameParts:
    """The name, affiliation and dropped descriptor words of one mention (see the module doc)."""
    a, b = source_extent(mention)
    text = " ".join(mention[a:b].split())
    parts = [p for p in re.split(r"\s+and\s+(?=(?:the\s+)?[A-Z])", _clean(text)) if p]
    if len(parts) == 2 and all(_is_party(p) for p in parts) and not _one_title_case_name(_clean(text)):
        # "US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov": a group
        # source, one name joining the two (README: "Two speakers")
        a, b = (_parts(p) for p in parts)
        return NameParts(f"{a.name} and {b.name}", a.affiliation if a.affiliation == b.affiliation else None,
                         a.descriptors + b.descriptors)
    return _parts(_clean(text))


def _one_title_case_name(text: str) -> bool:
    """"National Coalition for Syrian Revolution and Opposition Forces": one name with an "and"."""
    words = [w for w in text.split() if w.lower() not in ("of", "for", "and", "the", "in", "on")]
    return bool(words) and all(w[:1].isupper() for w in words) and not re.search(
        r"\b(?:" + _TITLE_ALT + r")\s+[A-Z]", text.split(" and ", 1)[0], flags=re.IGNORECASE) and len(words) >= 4


def _is_party(part: str) -> bool:
    words = part.split()
    return bool(words) and (words[-1][:1].isupper() or words[-1].lower() in _ORG_HEADS)


def _parts(name: str) -> NameParts:
    dropped: list[str] = []
    affiliation = None
    linked = None  # "the Daesh-linked Aamaq": whom the body is linked to
    if ", " in name:  # "Rami Abdel Rahman, head of the Observatory": the name, then its apposition
        first, rest = name.split(", ", 1)
        if first and rest and (rest[:1].islower() or rest.split()[0].lower() in _DETERMINERS):
            role = _PREP_ROLE.match(_strip_det(rest))
            if role and _role_head(role.group("role")) and _org_like(role.group("org")):
                affiliation = role.group("org")
            name = first
    for _ in range(3):
        before = name
        words = name.split(" ")
        if words and words[0].lower() in _DETERMINERS and len(words) > 1:
            words = words[1:]
        # "Britain-based", "so-called" before a capitalised name are the outlet's words for it
        while len(words) > 1 and _DESCRIPTOR_ADJ.match(words[0]) and (
                words[1][:1].isupper() or len(words) > 2 and _DESCRIPTOR_ADJ.match(words[1]) and words[2][:1].isupper()):
            linked = linked or _LINKED.match(words[0])
            dropped.append(_descriptor_key(words.pop(0)))
        # "the opposition Eastern Ghouta local council": which side it is on, before its name
        if (len(words) > 2 and words[0] in _SIDE_WORDS and words[1][:1].isupper()
                and not all(w.lower() in _DESCRIPTOR_NOUNS | {"tv"} for w in words[1:])):
            dropped.append(words.pop(0))
        # ... of two words ("the Al Qaeda-linked Nusra Front")
        if (len(words) > 2 and words[0][:1].isupper() and words[1][:1].isupper() and words[2][:1].isupper()
                and not _nationality(words[0]) and "-" in words[1] and _DESCRIPTOR_ADJ.match(words[1])):
            linked = linked or _LINKED.match(" ".join(words[:2]))
            dropped.append(_descriptor_key(" ".join(words[:2])))
            words = words[2:]
        # ... and after a nationality ("the Syrian opposing UK-based Observatory": the Syrian Observatory)
        while (len(words) > 2 and _nationality(words[0]) and _DESCRIPTOR_ADJ.match(words[1])
               and any(w[:1].isupper() for w in words[2:3]) | bool(_DESCRIPTOR_ADJ.match(words[2]))):
            dropped.append(_descriptor_key(words.pop(1)))
        name = " ".join(words)
        # "state news agency SANA", "activist Mustafa Ebdi": a lower-case description, then the name
        m = re.match(r"^(?P<desc>[A-Za-z][\w-]*\s+(?:[a-z][\w-]*\s+){0,3})(?P<name>[A-Z][\w.'’-]*"
                     r"(?:\s+(?:(?:of|for|the|al|de|el)\s+)*(?:[A-Z]|al-|el-)[\w.'’-]*)*)$", name)
        desc = m.group("desc").split() if m else []
        if m and (m.group("desc")[:1].islower() or len(desc) > 1) and (
                m.group("name").strip().lower() not in _DESCRIPTOR_NOUNS | {"tv"}) and (all(
                w.lower() in _DESCRIPTOR_NOUNS or w.lower() in _ROLE_WORDS or _DESCRIPTOR_ADJ.match(w) for w in desc) or (
                # "Syrias state-run news agency SANA", "the UN childrens agency UNICEF": what an acronym is
                desc[-1].lower() in _DESCRIPTOR_NOUNS and _ACRONYM.match(m.group("name").strip()))):
            dropped += [_descriptor_key(w) for w in m.group("desc").split()]
            linked = linked or _LINKED.match(desc[0])  # "DAESH-affiliated news agency Amaq"
            name = m.group("name").strip()
        if name == before:
            break
    # "Observatory head Rami Abdel Rahman", "Russian Defense Ministry spokesman Maj. Gen. Igor Konashenkov"
    for _ in range(3):
        m = _TITLE_RE.match(name)
        if m is None or not name[m.end():]:
            break
        before = _title_prefix(name[:m.end()])
        if before and before.split()[-1].lower() in ("of", "for", "at", "to", "in", "with", "from"):
            pass  # "The administration of President X": whose administration, not an organisation "administration of"
        elif before and affiliation is None and (role := _PREP_ROLE.match(_strip_det(before))) and _role_head(
                role.group("role")) and _org_like(role.group("org")):
            affiliation = role.group("org")  # "The head of UOSSM France Dr X": the body the role is of
        elif before and _org_like(before) and affiliation is None and not (  # not "Top Story Lorinian"
                len(before.split()) > 1 and _nationality(before.split()[-1])) and not (
                before.islower() and " " not in before and re.match(r"(?i)activists?\b", name[len(before):].strip())):
            affiliation = _strip_det(before)  # (a "media activist" does media work: no body of that name)
        elif before and affiliation is None:  # "Turkish President X", "Syrias Deputy Prime Minister X": the state
            affiliation = state_of(name[:m.end()])
        name = name[m.end():]
    # "Director of the Syrian Observatory for Human Rights Rami Abdel Rahman", "United Nations envoy for
    # Syria Staffan de Mistura": the name ends the mention after the body (the text lost its commas)
    m = re.match(r"^(?P<pre>(?:[\w.'’-]+\s+){0,4}?)(?P<role>[\w-]+)\s+(?:of|for|at|to)\s+(?:the\s+)?(?P<rest>.*)$", name)
    if m and _role_head(m.group("role")):
        split = _org_then_name(m.group("rest"))
        if split is not None:
            pre = _strip_det(m.group("pre").strip())
            # ("of planning at the Lorin Interior Ministry": the body is what the last "at" names)
            body = re.sub(r"^.*?\b(?:at|of|in|for)\s+(?:the\s+)?(?=[A-Z])", "", split[0]) if split[0][:1].islower() else split[0]
            affiliation, name = (pre if pre and _org_like(pre) and not _nationality(pre)
                                 else body if _has_body_word(body) else None), split[1]  # not "Deir al-Zor"
            if affiliation is None and m.group("role").lower() in _STATE_HEADS and country_itself(split[0]):
                affiliation = state_of(split[0])  # "President of Syria X", "the Foreign Minister of Iran X": the state
            title = _TITLE_RE.match(name)  # "... Colonel Anna Petrova": the person, not the title
            name = name[title.end():] if title and len(name[title.end():].split()) >= 2 else name
    # "Rami Abdel Rahman director of the Syrian Observatory for Human Rights", "Shuhud al-Hussein a member
    # of the civil defence forces", "Kevin Kennedy Regional Coordinator for the Syria Crisis": a person's
    # name, then their role (the text lost the comma between them)
    split = _person_then_role(name)
    if split is not None:
        name, org = split
        affiliation = org if org and _org_like(org) else affiliation
    # "SANA news agency", "the Tahrir al-Sham jihadist alliance", "the SOHR monitor": the name, then what it is
    # ("the state SANA news agency": what it is on both sides)
    m = re.match(r"^(?P<lead>(?:[a-z][\w-]*\s+){0,2})(?P<name>[A-Z](?:.*[A-Z])?[\w.'’-]*)\s+(?P<desc>(?:[a-z][\w-]*\s*){1,3})$",
                 name)
    if m and m.group("lead") and not all(w in _DESCRIPTOR_NOUNS for w in m.group("lead").split()):
        m = None
    if (m and all(w in _DESCRIPTOR_NOUNS for w in m.group("desc").split()) and m.group("name").split()[0][:1].isupper()
            and (len(m.group("name").split()) > 1 or _ACRONYM.match(m.group("name")) or (  # "the Aamaq news agency"
                m.group("desc").split()[-1] in _ONE_WORD_KINDS and m.group("name").lower() not in _NOT_BODIES | GENERIC))
            and not _nationality(m.group("name")) and not _DESCRIPTOR_ADJ.match(m.group("name"))):
        dropped += [_descriptor_key(w) for w in (m.group("lead") + m.group("desc")).split()]
        name = m.group("name").strip()
    # "Joe Gomez of the Fresno Police Department": a person of a body
    m = re.match(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+(?:(?:[A-Z]|al-|el-)[\w.'’-]*|al|el)){1,3})\s+(?:of|with|from)\s+"
                 r"(?:the\s+)?(?P<org>\S.*)$", name)
    if (affiliation is None and m and m.group("name").split()[-1].lower() not in _ORG_HEADS
            and m.group("org").split()[-1].lower().removesuffix("s") in _ORG_HEADS | {"force"}):
        name, affiliation = m.group("name"), m.group("org")
    # "SANA reporter in Aleppo", "local sources in Deir Ezzor": where the person is, not whom they speak for
    m = re.match(r"^(?P<role>.+?)\s+(?:in|on|from)\s+(?:the\s+)?(?P<place>.+)$", name)  # "an activist from Homs"
    if m and _role_head(m.group("role")) and m.group("place").split()[-1].lower() not in _ORG_HEADS:
        name = m.group("role")
    # "a military source at the Free Syrian Army", "a spokesman for the interior ministry": a role of a body
    m = _PREP_ROLE.match(name)
    if affiliation is None and m and _role_head(m.group("role")) and _org_like(m.group("org")):
        affiliation = m.group("org")
        # ... named by the body's name ("monitors at the Britain-based X" = "monitors at X"); "the" kept
        # before a lower-case body ("a spokesman for the interior ministry")
        org = canonical_name(affiliation) or affiliation
        the = "" if _title_case(org) else (m.group("the") or "")
        name = f"{m.group('role')} {m.group('prep')} {the}{org}"
    # "SANA reporter", "Reuters witness": a body's person
    m = re.match(r"^(?P<org>(?:[A-Z][\w.'’-]*\s+)+)(?P<role>[a-z][\w-]*)$", name)
    if (affiliation is None and m and _role_head(m.group("role")) and not _nationality(m.group("org").strip())
            and m.group("org").strip().lower() not in _NOT_BODIES | _POSSESSIVES
            and not _DESCRIPTOR_ADJ.match(m.group("org").strip())):  # not "Its spokesman"
        affiliation = m.group("org").strip()
    # "a local civil defense official", "Syrian army officer": a body's person, the body in lower case
    words = name.split()
    if affiliation is None and len(words) >= 3 and _role_head(words[-1]) and words[-2].lower() in _ORG_HEADS:
        org = words[:-1]
        while org and (org[0].lower() in _PERSON_ADJ or org[0].lower().startswith("pro-")):
            org = org[1:]
        if len(org) >= 2 and not _nationality(" ".join(org)) and "and" not in org:  # not "local and media sources"
            affiliation = " ".join(org)
    if affiliation is None and linked is not None and linked.group("body").lower() not in (  # not "State-run X"
            _NOT_BODIES | _DESCRIPTOR_NOUNS | _SIDE_WORDS | {"activist", "family", "privately", "locally"}):
        affiliation = linked.group("body")  # "the ISIS-linked Amaq agency" speaks for ISIS
    for pattern, repl in _ABBREVIATIONS:
        name = pattern.sub(repl, name)
    name = re.sub(r"\b(?:UK|British|England|London)-based\b", "Britain-based", name.strip(_QUOTES + " ,.;:"))
    if affiliation is not None:
        affiliation = canonical_name(affiliation) or None
        if affiliation and affiliation.islower() and affiliation.endswith("s") and (
                affiliation[:-1] in _ORG_HEADS and affiliation not in _ORG_HEADS):
            affiliation = affiliation[:-1]  # "the coalitions spokesman": the coalition's, the apostrophe lost
        if affiliation == name or affiliation and affiliation.islower() and affiliation.split()[-1] in _FACILITIES:
            affiliation = None  # ("a spokesman at the town hospital": whichever hospital, no body to side with)
    return NameParts(name, affiliation, tuple(dropped))


_NAME_WORD = re.compile(r"^(?:[A-Z]|al-|el-)[\w.'’-]*$")
_ROLE_OF = re.compile(r"^(?:(?:a|an|the)\s+)?(?P<role>(?:[\w-]+\s+){0,3}?[\w-]+?)(?:\s+(?:of|for|at|with|from|to)\s+"
                      r"(?:the\s+)?(?P<org>\S.*))?$")


def _person_then_role(name: str) -> tuple[str, str | None] | None:
    """"Rami Abdel Rahman head of the monitor group" -> ("Rami Abdel Rahman", "monitor group"): a
    person's name (two to four words), then their role and body, the comma between them lost. The
    longest name before a lower-case role, else the shortest before a capitalised one ("Kevin
    Kennedy Regional Coordinator for ..."); a bare role needs "a" or a body ("Human Rights Watch
    researcher" is the body's person, not a person named Human Rights Watch)."""
    words = name.split()
    found = []
    for k in range(2, min(4, len(words) - 1) + 1):
        person, rest = words[:k], " ".join(words[k:])
        m = _ROLE_OF.match(rest)
        if (not all(_NAME_WORD.match(w) for w in person) or m is None or _has_body_word(" ".join(person))
                or any(w.lower() in _ROLE_WORDS | _PARTICLES - {"al", "al-"} for w in person)):
            continue
        role = m.group("role")
        if (not (_role_head(role) or role.lower() in _TITLES) or _has_body_word(role)
                or role.split()[-1] in {w.title() for w in _TITLE_WORDS_CAP} or not (m.group("org") or rest[:2] in ("a ", "an"))):
            continue
        found.append((rest[:1].islower(), k, " ".join(person), m.group("org")))
    lower = [f for f in found if f[0]]
    if lower:
        return max(lower, key=lambda f: f[1])[2:]
    return min(found, key=lambda f: f[1])[2:] if found else None


def _title_prefix(matched: str) -> str:
    """The words before the title in a matched title run: "Observatory head " -> "Observatory"."""
    return _TITLE_END.sub("", matched.strip())


def _nationality(text: str) -> bool:
    """"Syrian", "Kurdish", "US": a people or country word, which a description after it names ("Syrian
    state television" is not "Syrian")."""
    words = text.split()
    return len(words) == 1 and (bool(re.search(r"(?:an|ish|ese|i)$", words[0])) or words[0] in (
        "US", "U.S.", "UK", "Arab", "Thai", "French", "Dutch", "Swiss", "Greek"))


def _org_then_name(rest: str) -> tuple[str, str] | None:
    """"Syrian Observatory for Human Rights Rami Abdel Rahman" -> (the body, the person): the person
    is the run of capitalised words after the body's last body noun or lower-case word."""
    words = rest.split()
    cut = max((k for k, w in enumerate(words) if (not w[:1].isupper() and w.lower() not in _PARTICLES
                                                   and not _AL_WORD.match(w))
               or w.lower() in _ORG_HEADS or w.lower() == "rights"), default=-1) + 1
    if cut == 0 and 3 <= len(words) <= 5:
        cut = 1  # "for Syria Staffan de Mistura": one word of place or body, then the person
    if 0 < cut < len(words) - 2 and country_itself(words[cut]):
        cut += 1  # "affairs in Syria Ali al-Zaatari": the country, then the person
    while 0 < cut < len(words) and _AL_WORD.match(words[cut]):
        cut += 1  # "of Deir al-Zor Abdullah al-Noami": the place's "al-Zor", then the person
    person = words[cut:]
    if not 2 <= len(person) <= 4 or cut == 0 or not all(
            w[:1].isupper() or w in _PARTICLES or _AL_WORD.match(w) for w in person):
        return None
    return " ".join(words[:cut]), " ".join(person)


def _title_case(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in ("of", "for", "the", "and", "on", "in", "al", "de")]
    return bool(words) and all(w[:1].isupper() or w.startswith(("al-", "el-")) for w in words)


_AL_WORD = re.compile(r"^(?:al|el|ad|as|ash|ar|az)-[A-Z]")


def _strip_det(text: str) -> str:
    words = text.split()
    return " ".join(words[1:] if words and words[0].lower() in _DETERMINERS else words)


def _org_like(phrase: str) -> bool:
    """An organisation's name or description: an acronym, or ending in a body noun ("Observatory",
    "Aleppo Police Command", "interior ministry"); not a bare nationality ("Russian")."""
    words = _strip_det(phrase).split()
    if not words:
        return False
    if any(_ACRONYM.match(w) and len(w.strip(".")) >= 2 for w in words):
        return True
    content = [w for w in words if w.lower() not in ("of", "for", "the", "and", "on", "in", "al", "al-")]
    return any(w.lower().rstrip("s") in _ORG_HEADS or w.lower() in _ORG_HEADS for w in words[-3:]) or (
        len(content) >= 2 and all(w[:1].isupper() or re.match(r"(?:al|el)-[A-Z]", w) for w in content)
        and words[-1].lower() not in _ROLE_WORDS)  # "Jaish al-Islam"


def _acronym(name: str) -> str | None:
    """"SOHR", "U.N.": the name as an acronym (dots dropped), else None."""
    bare = name.replace(".", "")
    return bare if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() else None


def _has_body_word(phrase: str) -> bool:
    """"United Nations", "SANA": a body's name, not a person's."""
    return any(w.lower() in _ORG_HEADS or (_ACRONYM.match(w) and len(w.strip(".")) >= 2) for w in phrase.split())


def _role_head(role: str) -> bool:
    """ "a military source", "spokesman", "local officials": a person speaking for a body."""
    last = role.split()[-1].lower()
    return last in _ROLE_WORDS or last.rstrip("s") in _ROLE_WORDS or last in (
        "source", "sources", "spokesperson", "spokesmen", "monitors", "witness", "medic", "doctor", "worker",
        "workers", "staff", "investigator", "investigators", "deputies", "members", "fighters", "commanders")


def _descriptor_key(word: str) -> str:
    """"UK-based", "British-based" and "Britain-based" are one descriptor."""
    w = word.lower().strip(_QUOTES + ",.")
    return "britain-based" if w in ("uk-based", "british-based", "england-based", "london-based") else w
