"""What an article says around its sources: a person's affiliation from the words around their
other mentions in the same article, and "the coalition" as the coalition the article named before.

- A person named without an organisation ("Abdel Rahman said") takes the one the article gives
  them elsewhere: a role before the name ("Observatory head Rami Abdel Rahman", "YPG spokesman X"),
  a role after it, the comma kept or lost ("Rami Abdel Rahman, head of the Observatory", "Kevin
  Smith spokesman for the interior ministry", "X the Lorin Coalitions vice-president"), a state
  title ("Syrian President X": the state). Two organisations for one person leave none.
- "The coalition" (a bare coalition or alliance, a name or an affiliation: "the coalitions
  spokesman") is the one coalition named before it in the article's sentences ("the US-led
  coalition", "the Syrian National Coalition"); two named before it, or none, leave it as written.
- A state's armed forces or government named without the country ("the army", "a military
  source", "the government") speak for the one country whose state the article names elsewhere
  ("the Syrian army", "Syrias defence ministry"): its affiliation is that state. Two such
  countries, or none, leave it as written.
- A person named with their organisation once keeps it across the run (``kept_affiliations``), and
  "the Observatory director" is the one person named earlier with that role of that body.

People's affiliations are read from the article's whole text when the caller gives it ("US
President Donald Trump" in a sentence that holds no claim, then "Trump said ..."); without it, and
for "the coalition", only the article's claim sentences are read (the claims carry them).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace

from claimcheck.records import Claim
from claimcheck.sources.countries import country_itself, state_of, states_named, unnamed_state_role
from claimcheck.sources.lexicon import _ROLE_WORDS
from claimcheck.sources.merge import _skeleton, _tokens
from claimcheck.sources.names import _has_body_word, _org_like, _role_head, canonical_name, name_parts
from claimcheck.sources.surnames import _bare

# Where the words about a person stop: a reporting verb, a clause's punctuation, a quotation mark.
_STOP = re.compile(r"[.;:!?\"“”«»]|\s(?:said|says|told|added|reported|stated|warned|claimed|explained|noted|"
                   r"according|who|which|that|when|while|as|but|adding)\b", flags=re.IGNORECASE)
_CLAUSE_START = re.compile(r"[.;:!?\"“”«»,]|\b(?:said|says|told|added|according to|by|and|but|while|when|where|as)\s",
                           flags=re.IGNORECASE)
# "X the Lorin Coalitions (LC) vice-president", "X, the YPG spokesman": a body's role after the name
_BODY_ROLE_AFTER = re.compile(r"^,?\s*(?:the|a|an)?\s*(?P<org>(?:[A-Z][\w.'’-]*\s+|(?:of|for|the|al)\s+){0,5}?[A-Z][\w.'’-]*?)"
                              r"(?:['’]s|(?<=[a-z])s)?\s+(?:\([A-Z.&]+\)\s+)?(?P<role>[a-z][\w-]*)\b")
_COALITIONS = ("coalition", "alliance")
# "the US-led coalition", "a U.S.-led military coalition", "the Saudi-backed alliance"
_LED = re.compile(r"\b(?P<who>[A-Z][\w.]*-(?:led|backed))\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>coalition|alliance)\b")
# "the Syrian National Coalition", "National Coalition for Syrian Revolution and Opposition Forces"
_NAMED = re.compile(r"\b(?P<name>(?:(?!(?:The|A|An|This|That)\b)[A-Z][\w'’-]*\s+){1,4}(?P<head>Coalition|Alliance)"
                    r"(?:\s+(?:for|of)(?:\s+(?:[A-Z][\w'’-]*|and|the|of|for))+)?)(?:s\b)?")


def in_context(claims: list[Claim], texts: Mapping[str, str] | None = None) -> tuple[list[Claim], set[str]]:
    """Claims with "the coalition" resolved and people's affiliations read from their article (its
    text in ``texts`` by article id, else its claim sentences; see the module doc), order kept,
    mentions as written; and the ids of the claims whose affiliation was read so (an affiliation
    written with the name across the run comes first: ``kept_affiliations``)."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article.id].append(c)
    changed: dict[str, Claim] = {}
    inferred: set[str] = set()
    for article, mine in by_article.items():
        sentences = sorted({(c.sentence.start, c.sentence.text) for c in mine})
        bodies = _coalitions(sentences)
        found = _people(mine, [(0, texts[article])] if texts and article in texts else sentences)
        states: set[str] | None = None  # the countries whose state the article names, read when first needed
        for c in mine:
            src = c.source
            if src.kind not in ("named", "pronoun") or not src.name:
                continue
            new = src
            at = src.mention.start if src.mention is not None else c.sentence.start
            if src.name.lower() in _COALITIONS or (src.affiliation or "").lower() in _COALITIONS:
                head = (src.affiliation or src.name).lower()
                before = {b for start, h, b in bodies if start < at and h == head}
                if len(before) == 1:
                    body = before.pop()
                    if src.name.lower() == head:
                        new = replace(new, name=body, kind="pronoun")
                    else:  # "spokesman for the coalition": the role of that coalition
                        new = replace(new, affiliation=body, name=re.sub(rf"\b{head}$", body, src.name, flags=re.I))
            if new.affiliation is None and new.name in found:
                new = replace(new, affiliation=found[new.name])
                inferred.add(c.id)
            elif new.affiliation is None and unnamed_state_role(new.name):
                if states is None:
                    states = states_named(texts[article] if texts and article in texts else
                                          " ".join(text for _, text in sentences))
                if len(states) == 1:
                    new = replace(new, affiliation=next(iter(states)))
            if new != src:
                changed[c.id] = replace(c, source=new)
    return [changed.get(c.id, c) for c in claims], inferred


def _coalitions(sentences: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(offset, head, body) for each coalition or alliance the sentences name ("US-led coalition")."""
    out = []
    for start, text in sentences:
        for m in _LED.finditer(text):
            out.append((start + m.start(), m.group("head"), f"{m.group('who')} {m.group('head')}"))
        for m in _NAMED.finditer(text):
            name = canonical_name(m.group("name"))
            if name and not _person_words(name):
                out.append((start + m.start(), m.group("head").lower(), name))
    return out


def _person_words(name: str) -> bool:
    return _skeleton(re.sub(r"\b(?:al|el)-(?=[A-Z])", "", name)) is not None and not _has_body_word(name)


def _surname(name: str) -> bool:
    """A capitalised word alone that may be a person's surname ("Xelil", "Assad"): no body, country or acronym."""
    return (re.fullmatch(r"(?:(?:al|el)-)?[A-Z][a-z][\w'’-]*", name) is not None and not _has_body_word(name)
            and not country_itself(name) and state_of(name) is None)


def _people(claims: list[Claim], sentences: list[tuple[int, str]]) -> dict[str, str]:
    """Person name -> the one organisation the article's sentences give them (see the module doc)."""
    names = {c.source.name for c in claims if c.source.kind in ("named", "pronoun") and c.source.name
             and c.source.affiliation is None and (_person_words(c.source.name) or _surname(c.source.name))}
    out = {}
    for name in sorted(names):
        found: Counter = Counter()
        surname = _bare(_tokens(name)[-1])
        for _, text in sentences:
            for m in re.finditer(rf"(?<![\w-])(?:(?:al|el)-)?{re.escape(name.split()[-1].removeprefix('al-'))}(?![\w-])", text):
                org = _around(name, surname, text, m.start(), m.end())
                if org:
                    found[org] += 1
        if len(found) == 1:
            out[name] = next(iter(found))
    return out


def _around(name: str, surname: str, text: str, start: int, end: int) -> str | None:
    """The organisation the words around one mention of a person give them, else None."""
    left = text[:end]
    cut = max((m.end() for m in _CLAUSE_START.finditer(left[:start])), default=0)
    words = left[cut:].split()
    best = None
    for k in range(2, min(len(words), 10) + 1):  # "Observatory head Rami Abdel Rahman", shortest first, then
        parts = name_parts(" ".join(words[-k:]))  # ... its capitalised extensions ("Syrian National Coalition")
        if not (parts.affiliation and _same_person(parts.name, name, surname) and _body(parts.affiliation)):
            continue
        extra = parts.affiliation[:-len(best)].split() if best and parts.affiliation.endswith(best) else None
        if best is None:
            best = parts.affiliation
        elif extra and all(w[:1].isupper() or w in ("of", "for", "the", "and") for w in extra):
            best = parts.affiliation
    if best:
        return best
    right = text[end:]
    stop = _STOP.search(right)
    right = right[:stop.start()] if stop else right
    m = _BODY_ROLE_AFTER.match(right)
    if m and (m.group("role") in _ROLE_WORDS or _role_head(m.group("role")) or m.group("role") == "vice-president") and (
            _org_like(m.group("org"))) and _body(m.group("org")):
        return canonical_name(m.group("org")) or None
    if right.strip():  # "Kevin Smith spokesman for the interior ministry", "X, head of the Observatory"
        parts = name_parts(name + (right if right.startswith(",") else " " + right.strip()))
        if parts.affiliation and _same_person(parts.name, name, surname) and _body(parts.affiliation):
            return parts.affiliation
    return None


def _body(org: str) -> bool:
    """An organisation or a state the words name ("Observatory", "YPG", "interior ministry", "Syria"), not
    the words before a title the text ran into it ("Wednesday Homs", "Deir al-Zor")."""
    return (_has_body_word(org) or state_of(org) is not None) and not _NOT_IN_BODY.search(org)


# Words no organisation's name holds around a title: a time, where or to whom someone spoke ("AFP on
# Wednesday Homs governor X"), or a verb's past the text ran into it ("SNC accused President X").
_NOT_IN_BODY = re.compile(r"\b(?:on|in|at|to|from|with|by|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|"
                          r"(?<![\w-])(?!(?:armed|united|based|led|backed)\b)[a-z]+ed\b", re.IGNORECASE)


def _same_person(found: str, name: str, surname: str) -> bool:
    """The name found around a mention is the person's ("Rami Abdel Rahman" for "Abdel Rahman")."""
    toks, mine = {_bare(t) for t in _tokens(found)} - {"al", "el"}, {_bare(t) for t in _tokens(name)} - {"al", "el"}
    return bool(toks) and _bare(_tokens(found)[-1]) == surname and (mine <= toks or toks <= mine)


def kept_affiliations(claims: list[Claim], inferred: set[str] = frozenset()) -> list[Claim]:
    """The run-wide steps after merging: a person keeps the organisation named with them once (before
    the one read around their other mentions, the claims ``inferred``), and a definite role ("the
    Observatory director") is the one person named earlier with it."""
    return _roles(_affiliations(claims, inferred))


def _affiliations(claims: list[Claim], inferred: set[str] = frozenset()) -> list[Claim]:
    """A person named with their organisation once ("Rami Abdel Rahman, head of the Observatory")
    keeps it where named alone ("Abdel Rahman said"), when the corpus gives them one."""
    of: dict[str, Counter] = defaultdict(Counter)  # written with the name
    read: dict[str, Counter] = defaultdict(Counter)  # read around the person's other mentions (when none is written)
    for c in claims:
        if c.source.name and c.source.affiliation and c.source.kind in ("named", "pronoun"):
            (read if c.id in inferred else of)[c.source.name][c.source.affiliation] += 1
    out = []
    for c in claims:
        orgs = of.get(c.source.name or "") or read.get(c.source.name or "")
        if (c.source.affiliation is None or c.id in inferred) and orgs and c.source.kind in ("named", "pronoun"):
            (org, n), = orgs.most_common(1)
            if n * 3 >= 2 * sum(orgs.values()):  # one organisation, give or take a misreading
                c = replace(c, source=replace(c.source, affiliation=org))
        out.append(c)
    return out


def _roles(claims: list[Claim]) -> list[Claim]:
    """"The Observatory director" after "Observatory director Rami Abdel Rahman" in one article: the
    one person named earlier with that role of that body ("pronoun"); two such people, or none,
    leave it as written, and "a ... director" is someone else."""
    people: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # article -> (name, body, mention)
    out = []
    for c in claims:
        src = c.source
        if src.kind in ("named", "pronoun") and src.name and src.affiliation and src.mention is not None:
            role = _bare_role(src.name)
            if role and src.kind == "named" and src.mention.text.lower().startswith("the "):
                found = {n for n, body, said in people[c.article.id] if body == src.affiliation and role in said}
                if len(found) == 1:
                    c = replace(c, source=replace(src, name=found.pop(), kind="pronoun"))
            elif _skeleton(src.name) is not None:
                people[c.article.id].append((src.name, src.affiliation, src.mention.text.lower().split()))
        out.append(c)
    return out


def _bare_role(name: str) -> str | None:
    """"Observatory director", "director of the Observatory": the role word of a role with no person."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in _ROLE_WORDS and all(w[:1].isupper() for w in words[:-1]):
        return words[-1].lower()
    m = re.match(r"^(\w+)\s+(?:of|at|for)\s+", name)
    return m.group(1).lower() if m and m.group(1).lower() in _ROLE_WORDS else None
