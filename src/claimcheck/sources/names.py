"""One mention's name: the words as written ("13 Jun 2016 the Britain-based Syrian Observatory for
Human Rights (SOHR", "Observatory head Rami Abdel Rahman") cut down to the name of the party
("Syrian Observatory for Human Rights", "Rami Abdel Rahman"), with the organisation a person or a
role speaks for (``affiliation``: "Observatory") and the descriptive words the cut dropped
("britain-based", "monitor"), which the corpus step uses to resolve bare descriptors.

Pure text functions: the corpus-wide merging is :mod:`claimcheck.sources.merge`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.sources.countries import state_of
from claimcheck.sources.lexicon import (  # noqa: F401 (GENERIC, _ROLE_WORDS: merge reads them here)
    _DESCRIPTOR_NOUNS, _LOWER_ROLES, _NOT_BODIES, _ORG_HEADS, _PARTICLES, _PERSON_ADJ, _ROLE_WORDS, _TITLE_WORDS_CAP,
    _TITLES, GENERIC,
)

_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those")

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
_QUOTES = "\"'“”‘’«»"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
# A date or time opening a mention (a dateline the text lost its punctuation around): "13 Jun 2016",
# "Jul 2016", "Wed 05 Apr 2017", "24.08.2013", "19:11", "Posted on August 3 2016 by Jane Doe".
_LEADING_DATE = re.compile(
    rf"^(?:(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?!\d)|{_MONTH})(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?|(?:19|20)\d\d|{_WEEKDAY})\s+(?=\S)",
    flags=re.IGNORECASE)
# Framing words before the source that the text lost the comma after: "Earlier in the day a source ...".
_LEADING_CONTEXT = re.compile(
    r"^(?:earlier|later|meanwhile|separately|elsewhere|also|however|instead|again|then|now|today|yesterday"
    r"|on \w+|in (?:a|an|its|his|her|their) \w+(?: \w+)?|(?:earlier|later) (?:in|on) the \w+)\s+"
    r"(?=(?:the|a|an)\s)", flags=re.IGNORECASE)
# "Britain-based", "UK-based", "so-called": how the outlet describes the party, not its name.
_DESCRIPTOR_ADJ = re.compile(r"^(?:[\w.]+-(?:based|run)|so-called|opposing|self-styled)$", flags=re.IGNORECASE)
_RELATIVE = re.compile(r"\s+(?:which|who|whose|that)\s+\w.*$", flags=re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]*[A-Z]\.?$")
_PREP_ROLE = re.compile(r"^(?P<role>.+?)\s+(?:at|for|of|with|from|in)\s+(?:the\s+)?(?P<org>\S.*)$", flags=re.IGNORECASE)


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


_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'’/-]+,[^()]{0,40}\([A-Z][\w .&'’-]{0,40}\)\s*(?:-{1,2}|–|—|:)\s+")


def source_extent(mention: str) -> tuple[int, int]:
    """Where the source phrase lies in a mention as cut from the parse, as offsets into it: without
    the end of a quotation before it ('each other" Observatory head ...'), a wire dateline, a date
    or framing words ("Earlier in the day a source ...") and closing punctuation."""
    end = len(mention.rstrip(" ,;:" + _QUOTES))
    if re.search(r"(?<![.\w])[A-Za-z]{4,}\.$", mention[:end]):  # "Karen Bobadilla." (but "U.S.", "Jr.")
        end -= 1
    start = 0
    quote = max((mention.rfind(q, 0, end) for q in "\"“”«»"), default=-1)
    if quote >= 0 and mention[quote + 1:end].strip():
        start = quote + 1
    for pattern in (_WIRE_DATELINE, re.compile(r"^posted\s+on\s+.*?\s+by\s+", re.I), _LEADING_DATE, _LEADING_CONTEXT):
        rest = mention[start:end]
        lead = len(rest) - len(rest.lstrip())
        m = pattern.match(rest[lead:])
        if m and rest[lead + m.end():].strip():
            start += lead + m.end()
    while start < end and mention[start] in " ,;:" + _QUOTES:
        start += 1
    return (start, end) if start < end else (0, len(mention))


def _clean(text: str) -> str:
    """The mention without what surrounds the source: quotation ends, dates, framing words."""
    name = text.strip(_QUOTES + " ,.;:")
    if any(q in name for q in "\"“”«»"):  # 'each other" Observatory head X': the end of a quotation
        name = re.split(r"[\"“”«»]", name)[-1].strip(_QUOTES + " ,.;:") or name.strip(_QUOTES + " ,.;:")
    name = re.sub(r"^posted\s+on\s+.*?\s+by\s+", "", name, flags=re.IGNORECASE)
    if ")" in name and "(" not in name:  # "Reuters) Western powers": a dateline's end
        name = name.rsplit(")", 1)[1].strip() or name
    # "a report by the Observatory", "a new toll from SOHR": the body whose report it is
    name = re.sub(r"^(?:(?:a|an|the)\s+)?(?:new\s+|latest\s+|earlier\s+)?(?:death\s+)?(?:report|toll|statement|figures?|data"
                  r"|count|tally|appeal|message|video|footage|pictures|postings?)\s+(?:by|from|of)\s+(?=(?:the\s+)?[A-Z])",
                  "", name, flags=re.IGNORECASE)
    # "Aleppo A military source": a dateline's place, then the sentence's capitalised article
    name = re.sub(r"^(?:[A-Z][\w'’-]*\s+){1,3}(?=(?:The|A|An)\s+[a-zA-Z])", "", name)
    for _ in range(2):
        name = _LEADING_DATE.sub("", name)
        name = _LEADING_CONTEXT.sub("", name)
    name = re.sub(r"(?<=\w)\s+[Bb]ased\b", "-based", name)  # "London Based" = "London-based"
    name = re.sub(r"\bUnited Kingdom-based\b", "UK-based", name)
    name = re.sub(r"[\s-]+(?:based|headquartered)\s+in\s+.*$", "", name)  # "... based in Britain"
    name = _RELATIVE.sub("", name) if len(name.split()) > 2 else name
    if "(" in name:  # "the Syrian Observatory for Human Rights (SOHR": the name, not its acronym
        name = name.split("(", 1)[0].strip() or name.replace("(", "").replace(")", "")
    # possessives anywhere ("state TV's correspondent"), but not inside a name ("People's Front")
    name = re.sub(r"(?<=\w)(?:'s|’s)(?=\s+[^A-Z\s]|$)", "", name)
    name = re.sub(r"(?<=s)['’](?=\s|$)", "", name)  # "the dockers' union", "the rebels'"
    return name.strip(_QUOTES + " ,.;:")


def _parts(name: str) -> NameParts:
    dropped: list[str] = []
    affiliation = None
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
            dropped.append(_descriptor_key(words.pop(0)))
        name = " ".join(words)
        # "state news agency SANA", "activist Mustafa Ebdi": a lower-case description, then the name
        m = re.match(r"^(?P<desc>[A-Za-z][\w-]*\s+(?:[a-z][\w-]*\s+){0,3})(?P<name>(?:[A-Z][\w.'’-]*\s*)+)$", name)
        desc = m.group("desc").split() if m else []
        if m and (m.group("desc")[:1].islower() or len(desc) > 1) and (
                m.group("name").strip().lower() not in _DESCRIPTOR_NOUNS | {"tv"}) and (all(
                w.lower() in _DESCRIPTOR_NOUNS or w.lower() in _ROLE_WORDS for w in desc) or (
                # "Syrias state-run news agency SANA", "the UN childrens agency UNICEF": what an acronym is
                desc[-1].lower() in _DESCRIPTOR_NOUNS and _ACRONYM.match(m.group("name").strip()))):
            dropped += [_descriptor_key(w) for w in m.group("desc").split()]
            name = m.group("name").strip()
        if name == before:
            break
    # "Observatory head Rami Abdel Rahman", "Russian Defense Ministry spokesman Maj. Gen. Igor Konashenkov"
    for _ in range(3):
        m = _TITLE_RE.match(name)
        if m is None or not name[m.end():]:
            break
        before = _title_prefix(name[:m.end()])
        if before and _org_like(before) and affiliation is None:
            affiliation = _strip_det(before)
        elif before and affiliation is None and state_of(name[:m.end()]):
            affiliation = state_of(name[:m.end()])  # "Turkish President X", "Syrias Deputy Prime Minister X": the state
        name = name[m.end():]
    # "Director of the Syrian Observatory for Human Rights Rami Abdel Rahman", "United Nations envoy for
    # Syria Staffan de Mistura": the name ends the mention after the body (the text lost its commas)
    m = re.match(r"^(?P<pre>(?:[\w.'’-]+\s+){0,4}?)(?P<role>[\w-]+)\s+(?:of|for|at|to)\s+(?:the\s+)?(?P<rest>.*)$", name)
    if m and _role_head(m.group("role")):
        split = _org_then_name(m.group("rest"))
        if split is not None:
            pre = _strip_det(m.group("pre").strip())
            affiliation, name = (pre if pre and _org_like(pre) and not _nationality(pre) else split[0]), split[1]
    # "Rami Abdel Rahman director of the Syrian Observatory for Human Rights", "Shuhud al-Hussein a member
    # of the civil defence forces", "Kevin Kennedy Regional Coordinator for the Syria Crisis": a person's
    # name, then their role (the text lost the comma between them)
    split = _person_then_role(name)
    if split is not None:
        name, org = split
        affiliation = org if org and _org_like(org) else affiliation
    # "SANA news agency", "the Tahrir al-Sham jihadist alliance", "the SOHR monitor": the name, then what it is
    m = re.match(r"^(?P<name>.*[A-Z][\w.'’-]*)\s+(?P<desc>(?:[a-z][\w-]*\s*){1,3})$", name)
    if (m and all(w in _DESCRIPTOR_NOUNS for w in m.group("desc").split()) and m.group("name").split()[0][:1].isupper()
            and (len(m.group("name").split()) > 1 or _ACRONYM.match(m.group("name")))
            and not _nationality(m.group("name")) and not _DESCRIPTOR_ADJ.match(m.group("name"))):
        dropped += [_descriptor_key(w) for w in m.group("desc").split()]
        name = m.group("name").strip()
    # "Joe Gomez of the Fresno Police Department": a person of a body
    m = re.match(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+(?:(?:[A-Z]|al-|el-)[\w.'’-]*|al|el)){1,3})\s+(?:of|with|from)\s+"
                 r"(?:the\s+)?(?P<org>\S.*)$", name)
    if (affiliation is None and m and m.group("name").split()[-1].lower() not in _ORG_HEADS
            and m.group("org").split()[-1].lower().removesuffix("s") in _ORG_HEADS | {"force"}):
        name, affiliation = m.group("name"), m.group("org")
    # "SANA reporter in Aleppo", "local sources in Deir Ezzor": where the person is, not whom they speak for
    m = re.match(r"^(?P<role>.+?)\s+(?:in|on)\s+(?:the\s+)?(?P<place>.+)$", name)
    if m and _role_head(m.group("role")) and m.group("place").split()[-1].lower() not in _ORG_HEADS:
        name = m.group("role")
    # "a military source at the Free Syrian Army", "a spokesman for the interior ministry": a role of a body
    m = _PREP_ROLE.match(name)
    if affiliation is None and m and _role_head(m.group("role")) and _org_like(m.group("org")):
        affiliation = m.group("org")
    # "SANA reporter", "Reuters witness": a body's person
    m = re.match(r"^(?P<org>(?:[A-Z][\w.'’-]*\s+)+)(?P<role>[a-z][\w-]*)$", name)
    if (affiliation is None and m and _role_head(m.group("role")) and not _nationality(m.group("org").strip())
            and m.group("org").strip().lower() not in _NOT_BODIES):
        affiliation = m.group("org").strip()
    # "a local civil defense official", "Syrian army officer": a body's person, the body in lower case
    words = name.split()
    if affiliation is None and len(words) >= 3 and _role_head(words[-1]) and words[-2].lower() in _ORG_HEADS:
        org = words[:-1]
        while org and (org[0].lower() in _PERSON_ADJ or org[0].lower().startswith("pro-")):
            org = org[1:]
        if len(org) >= 2 and not _nationality(" ".join(org)):
            affiliation = " ".join(org)
    for pattern, repl in _ABBREVIATIONS:
        name = pattern.sub(repl, name)
    name = re.sub(r"\b(?:UK|British|England|London)-based\b", "Britain-based", name.strip(_QUOTES + " ,.;:"))
    if affiliation is not None:
        affiliation = canonical_name(affiliation) or None
        if affiliation == name:
            affiliation = None
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
    cut = max((k for k, w in enumerate(words) if (not w[:1].isupper() and w.lower() not in _PARTICLES)
               or w.lower() in _ORG_HEADS or w.lower() == "rights"), default=-1) + 1
    if cut == 0 and 3 <= len(words) <= 5:
        cut = 1  # "for Syria Staffan de Mistura": one word of place or body, then the person
    person = words[cut:]
    if not 2 <= len(person) <= 4 or cut == 0 or not all(w[:1].isupper() or w in _PARTICLES for w in person):
        return None
    return " ".join(words[:cut]), " ".join(person)


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
