"""Corpus-wide merging: one name per party.

Names that are one party become one cluster, named by its most frequent full form:

- spelling and case variants ("Russian Defence Ministry" / "Russian Defense Ministry");
- other names of one body: the small table of ``sources.aliases`` ("White Helmets" = "Syrian Civil
  Defence") and aliases an article states ("X, better known as Y"; "X or Y" as one mention);
- acronyms, to the one name whose initials they are ("SOHR", "SANA", "UN");
- a person's transliterations ("Rami Abdel Rahman" / "Rami Abdulrahman" / "Rami Abdurrahman");
- tails of a longer name ("Lavrov" -> "Sergei Lavrov", "state television" -> "Syrian state
  television"), when every longer name agrees, never into two parties ("Kerry and Lavrov"), and
  for a body only by a nationality ("Syrian army" is not the "Free Syrian Army");
- a body's head and modifiers ("Observatory", "Syrian Observatory" -> "Syrian Observatory for Human
  Rights"), when one body has them;
- descriptors ("the monitor", "the Britain-based group"): to the one body named earlier in the
  article whose names and descriptions hold their words, as a source, else in its text
  (``sources.written``), else to the one body in the corpus that holds them; two candidates leave it
  as written.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from claimcheck.records import Claim
from claimcheck.sources.aliases import KNOWN, stated_aliases
from claimcheck.sources.countries import country_code, country_itself, state_of
from claimcheck.sources.lexicon import _TITLES
from claimcheck.sources.names import (
    _ORG_HEADS, _PARTICLES, _ROLE_WORDS, GENERIC, _acronym, _has_body_word, _nationality, name_parts,
)
from claimcheck.sources.written import bodies_written, group_like

if TYPE_CHECKING:
    from scipy.cluster.hierarchy import DisjointSet

_OF_WORDS = frozenset({"of", "for", "at", "from", "with", "in", "to", "on", "the"})
_SMALL = frozenset({"of", "for", "the", "and", "on", "in", "at", "to", "al"})
_TITLE_WORDS = frozenset(w for t in _TITLES for w in t.rstrip(".").split()) | _ROLE_WORDS
# Spellings of one word: a name's tokens are compared through these.
_SPELLINGS = {"defence": "defense", "organisation": "organization", "centre": "center", "armys": "army",
              "observatorys": "observatory", "britain-based": "britain-based", "programme": "program"}
# Heads any body answers to ("the Britain-based group" is the body based in Britain).
_ANY_BODY = frozenset({"group", "organisation", "organization", "body", "outfit", "watchdog"})
# Modifiers that do not tell one body from another ("the local war monitoring group").
_PLAIN_MODIFIERS = frozenset({"war", "opposition", "independent", "local", "rights", "human", "other", "main",
                              "leading", "syrian", "international", "new", "opposing", "so-called"})
_RELATION_WORDS = frozenset({"of", "for", "at", "from", "with", "in", "on", "by", "to", "as"}) | _ROLE_WORDS
# Single words too common among bodies to name one across a corpus ("the group", "the ministry").
_SHARED_HEADS = (_ORG_HEADS - {"monitor", "observatory", "helmets"}) | GENERIC


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(_token(t) for t in re.split(r"[^\w.-]+", name.lower()) if t)


@functools.lru_cache(maxsize=16384)
def _token(word: str) -> str:
    """One word as compared: one spelling ("defence"), no dots between letters ("U.S.-led" = "US-led"),
    and a country's people's word or its possessive that lost its apostrophe as one ("Syrian
    opposition" = "Syrias opposition"; "Syria" itself stays a country)."""
    word = re.sub(r"(?<![a-z])([a-z])\.", r"\1", word)
    word = _SPELLINGS.get(word, word)
    if re.fullmatch(r"[a-z]{4,}", word):
        if word.endswith("s") and country_itself(word[:-1]):
            return "@" + (country_code(word[:-1]) or "")
        code = country_code(word)
        if code and not country_itself(word):
            return "@" + code
    return word


def _is_group(name: str) -> bool:
    """Two parties ("John Kerry and Sergei Lavrov"), not one name with an "and" in it ("National
    Coalition for Syrian Revolution and Opposition Forces")."""
    return " and " in name and not re.search(r"\b(?:of|for)\b.*\band\b", name)


def _title_case(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in _SMALL]
    return bool(words) and all(w[:1].isupper() for w in words)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL and w[0].isupper())


def _skeleton(name: str) -> str | None:
    """A person's name without vowels, spaces or doubled letters ("Abdel Rahman" = "Abdurrahman")."""
    words = name.split()
    if (len(words) < 2 or len(words) > 4 or not _title_case(name) or _has_body_word(name)
            or any(w.lower() in _SMALL - {"al"} for w in words)):
        return None
    key = re.sub(r"[aeiouy\s'’-]", "", name.lower())
    key = re.sub(r"l(?=r)", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


def _clusters(counts: Counter, stated: Iterable[tuple[str, str]] = ()) -> "DisjointSet":
    """Name variants of one source, joined (scipy's union-find, as facts and origins use)."""
    from scipy.cluster.hierarchy import DisjointSet

    unique = sorted(counts)
    toks = {n: _tokens(n) for n in unique}
    cl = DisjointSet(unique)
    by_key: dict[tuple[str, ...], str] = {}
    for n in unique:  # spelling and case variants, not a lone head's ("coalition" is not "the Coalition")
        if toks[n]:
            lone = len(toks[n]) == 1 and toks[n][0] in _SHARED_HEADS - GENERIC and n.islower()
            cl.merge(by_key.setdefault(("lower:",) + toks[n] if lone else toks[n], n), n)
    for names in KNOWN + tuple(stated):  # "White Helmets" = "Syrian Civil Defence" (sources.aliases)
        found = [by_key[k] for k in {_tokens(a) for a in names} if k and k in by_key]
        for n in found[1:]:
            cl.merge(found[0], n)
    full = [n for n in unique if not _acronym(n) and not _is_group(n)]
    for n in unique:  # acronyms
        acr = _acronym(n)
        if acr:
            found = [o for o in full if _initials(o) == acr and len(o.split()) > 1 and _title_case(o)]
            if len({tuple(t.rstrip("s") for t in toks[o]) for o in found}) == 1:  # "United Nation(s)"
                for o in found[1:]:
                    cl.merge(found[0], o)
            targets = {cl[o] for o in found}
            if len(targets) == 1:
                cl.merge(next(iter(targets)), n)
    for n in unique:  # a possessive the text lost its apostrophe from ("SANAs correspondent": SANA's)
        if n.endswith("s") and n[:-1] in cl and (_acronym(n[:-1]) or " " not in n and n[:1].isupper()):
            cl.merge(n[:-1], n)
    by_skeleton: dict[str, str] = {}
    for n in unique:  # transliterations of one person
        key = _skeleton(n)
        if key:
            cl.merge(by_skeleton.setdefault(key, n), n)
    lower = set(unique)
    for n in unique:  # tails of longer names
        mine, k = toks[n], len(toks[n])
        if not mine or (k == 1 and mine[0] in GENERIC) or _is_group(n) or country_itself(n):
            # (a country is its own party: "Russia" is not "YouTube Russia"; "police", or "Police" opening a
            # sentence, is no one city's force across the run: resolved in its article, as a descriptor)
            continue
        # ... not a role's or a relation's phrase ("president of the Syrian Coalition" is not the Coalition)
        supers = [o for o in unique if len(toks[o]) > k and toks[o][-k:] == mine and toks[o][-k - 1] not in _OF_WORDS
                  and not _is_group(o) and _same_body(n, o) and not set(toks[o][:-k]) & _RELATION_WORDS
                  and not (k == 1 and n.islower() and o.split()[-1][:1].isupper())]  # "coalition": not "Syrian Coalition"
        # "Russian Konashenkov" (a nationality the title left behind) and "broad coalition" (a description)
        # do not make "Konashenkov" or "Coalition" ambiguous
        extra = {o: o.split()[:-len(n.split())] for o in supers}
        # a name grows by names or by a description, not by both ("US-led coalition Kurds Islamic State",
        # a keyword list, is not the Islamic State's)
        # (a name: capitalised, and not a common noun the sentence's start capitalised, "Investigators")
        supers = [o for o in supers if not (n[:1].isupper() and n.lower() not in lower and any(
            w[:1].isupper() for w in extra[o]) and any(w[:1].islower() and w.lower() not in _PARTICLES for w in extra[o]))]
        if n.islower() or n.lower() in lower:  # a common noun ("investigators", "Investigators" opening a sentence)
            supers = [o for o in supers if all(country_code(w) for w in extra[o])]  # grows by a state only ("state
            # television": "Syrian state television"), not by a county
        national = [o for o in supers if all(_nationality(w) for w in extra[o])]
        described = [o for o in supers if n[:1].isupper() and all(w.islower() for w in extra[o])]
        supers = [o for o in supers if o not in national and o not in described] or national or supers
        if supers:
            longest = max(supers, key=lambda s: (len(toks[s]), s))
            if all(set(toks[o]) <= set(toks[longest]) for o in supers):  # one chain: one party
                cl.merge(longest, n)
    for n in unique:  # "Russian Konashenkov" is "Konashenkov"; "Syrian Coalition" is "Syrian National Coalition"
        words = n.split()
        if (len(words) >= 2 and _nationality(words[0]) and country_code(words[0]) and " ".join(words[1:]) in cl
                and words[1][:1].isupper() and not _has_body_word(n)):  # (not "Ali Mustafa", "French officials")
            cl.merge(" ".join(words[1:]), n)
        if _title_case(n) and 2 <= len(words) <= 3 and _has_body_word(words[-1]) and not _is_group(n):
            inner = {cl[o] for o in full if _title_case(o) and len(toks[o]) > len(toks[n]) and toks[o][-1] == toks[n][-1]
                     and toks[o][0] == toks[n][0] and set(toks[n]) < set(toks[o]) and " for " not in o and " of " not in o}
            if len(inner) == 1:
                cl.merge(next(iter(inner)), n)
    heads: dict[tuple[str, str], set[str]] = defaultdict(set)
    for o in full:  # "Syrian Observatory for Human Rights": head "observatory", modifiers {"syrian"}
        pre = re.split(r"\s+(?:for|of)\s+", o, maxsplit=1)[0]
        if pre != o and _title_case(o) and " and " not in o and _has_body_word(o):  # not "Allen Hicks of Marysville"
            for mod in [w for w in _tokens(pre)[:-1]] + [""]:
                heads[(_tokens(pre)[-1], mod)].add(o)
    for n in unique:  # "Observatory", "Syrian Observatory"
        t = toks[n]
        if _title_case(n) and 1 <= len(t) <= 2 and not _acronym(n) and not (len(t) == 1 and t[0] in _SHARED_HEADS):
            cands = heads.get((t[-1], t[0] if len(t) == 2 else ""), set())
            roots = {cl[o] for o in cands}
            if len(roots) == 1:
                cl.merge(next(iter(roots)), n)
    return cl


def _same_body(short: str, long: str) -> bool:
    """A body's name grows only by a nationality ("Defense Ministry" -> "Russian Defense Ministry");
    a person's by given names ("Lavrov" -> "Sergei Lavrov")."""
    st, lt = short.split(), long.split()
    if st[-1].lower() not in _ORG_HEADS and _tokens(short)[-1] not in _ORG_HEADS:
        return True
    added = lt[:len(lt) - len(st)]
    return all(_nationality(w) or w[:1].islower() for w in added)


def _representatives(counts: Counter, cl: "DisjointSet") -> dict[str, str]:
    members: dict[str, list[str]] = defaultdict(list)
    for n in counts:
        members[cl[n]].append(n)
    rep = {}
    for names in members.values():
        # the most frequent form, not an acronym or a lost possessive ("SANAs") ...
        top = min(names, key=lambda n: (_residue(n), _lost_possessive(n, names), _acronym(n) is not None, -counts[n],
                                        -len(n), n))
        if _acronym(top) is None and any(_acronym(n) and _tokens(n) == _tokens(top) for n in names):
            top = min((n for n in names if _acronym(n) and _tokens(n) == _tokens(top)), key=lambda n: (-counts[n], n))
        # ... in its fullest written form: a person's full name ("Kerry" -> "John Kerry"), an
        # acronym's words ("SANA" -> "Syrian Arab News Agency")
        k = len(_tokens(top))
        fuller = [n for n in names if len(_tokens(n)) > k and _tokens(n)[-k:] == _tokens(top) and len(n.split()) <= 5
                  and all(w[:1].isupper() for w in n.split()[:len(n.split()) - len(top.split())])
                  and not set(_tokens(n)) & _RELATION_WORDS]
        if _acronym(top):
            fuller += [n for n in names if _initials(n) == _acronym(top) and len(n.split()) > 1 and _title_case(n)]
        best = min(fuller, key=lambda n: (_residue(n), _lost_possessive(n, names), -counts[n], -len(n), n)) if fuller else top
        for n in names:
            rep[n] = best
    return rep


_PARTICLES = frozenset({"al", "el", "de", "da", "van", "von", "bin", "ibn", "abu"})


def _residue(name: str) -> bool:
    """A lower-case word before a capitalised name ("injured SANA" from "... killed and injured SANA
    reported", "said Syrian Observatory"): a parse's left-over, never a cluster's name while another
    form is there; a description ("military source") or a name's particle ("al-Hassan") is not one."""
    words = name.split()
    first = re.split(r"[-‐]", words[0])[0]
    return len(words) > 1 and words[0][:1].islower() and first.lower() not in _PARTICLES and any(
        w[:1].isupper() for w in words[1:])


def _lost_possessive(name: str, names: list[str]) -> bool:
    """"SANAs", "Free Syrian Armys" beside "SANA", "Free Syrian Army", "Syrias opposition" beside
    "Syrian opposition": a possessive without its apostrophe."""
    return name.endswith("s") and name[:-1] in names and (
        _acronym(name[:-1]) is not None or name.split()[-1].lower() in _SPELLINGS) or any(
        w.endswith("s") and country_itself(w[:-1]) for w in name.split() if len(w) > 4)


def merge_map(names: Iterable[str]) -> dict[str, str]:
    """Each name mapped to its cluster's name, for the names that change (see the module doc)."""
    counts = Counter(n for n in names if n)
    rep = _representatives(counts, _clusters(counts))
    return {n: r for n, r in rep.items() if r != n}


def _state_body(name: str) -> bool:
    """"Syrian army", "Russian state media": a country's state body, which "the army" or "state media"
    later in its article means (a country alone, "Russia", is no body a descriptor names)."""
    return len(name.split()) >= 2 and state_of(name) is not None


def _led_body(name: str) -> bool:
    """"US-led coalition", "Saudi-backed alliance": a body named by who leads it, which "the coalition"
    later in its article may mean."""
    words = name.split()
    return (len(words) == 2 and bool(re.fullmatch(r"[\w.]+-(?:led|backed)", words[0])) and words[0][:1].isupper()
            and words[1].lower() in _ORG_HEADS)


def _descriptor_words(name: str) -> frozenset[str] | None:
    """What a bare descriptor says of its body: its head noun and where the body is based ("the
    Britain-based war monitoring group": {"group", "britain-based"}); None for a name."""
    words = name.split()
    if len(words) == 1 and words[0][:1].isupper() and not words[0].isupper() and words[0].lower() in _ORG_HEADS:
        return frozenset({_stem(words[0].lower())})  # "the Coalition" left unmerged: as "the coalition"
    if not words or len(words) > 4 or any(w[:1].isupper() and w != "Britain-based" for w in words):
        return None
    return frozenset(t for t in (_stem(w) for w in _tokens(name)) if t not in _PLAIN_MODIFIERS)


def _stem(word: str) -> str:
    return "monitor" if word in ("monitoring", "monitors") else word


def normalise_sources(claims: Iterable[Claim], texts: Mapping[str, str] | None = None) -> list[Claim]:
    """Claims with source names and affiliations merged across the corpus; order kept. ``texts``
    (article id -> text) lets people's affiliations be read from sentences that hold no claim."""
    from claimcheck.sources.context import in_context, kept_affiliations  # (both read this module)
    from claimcheck.sources.surnames import _surnames

    claims = list(claims)
    speakers = [c for c in claims if c.source.kind in ("named", "pronoun")]  # not the outlets of narrators
    counts = Counter(c.source.name for c in speakers if c.source.name)
    counts.update(c.source.affiliation for c in speakers if c.source.affiliation)
    claims, inferred = in_context(claims, texts)  # what the article says around its sources' other mentions: merged, no votes
    speakers = [c for c in claims if c.source.kind in ("named", "pronoun")]
    for n in {n for c in speakers for n in (c.source.name, c.source.affiliation) if n}:
        counts.setdefault(n, 0)
    stated = [(name_parts(a).name, name_parts(b).name) for a, b in stated_aliases(
        [c.source.mention.text for c in speakers if c.source.mention is not None],
        sorted({c.sentence.text for c in claims}))]
    rep = _representatives(counts, _clusters(counts, stated))
    canon = _surnames(speakers, lambda n: rep.get(n, n) if n else n, texts)
    # the words each body is named and described with ("britain-based", "monitor", "observatory")
    held: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        name = canon(c.source.name)
        if c.source.kind == "named" and name and _descriptor_words(name) is None:
            parts = name_parts(c.source.mention.text) if c.source.mention is not None else None
            held[name].update(_stem(w) for w in _tokens(c.source.name))
            if parts is not None and canon(parts.name) == name:  # not "X in a statement by its Y news agency"
                held[name].update(_stem(w) for d in parts.descriptors for w in _tokens(d))
    # ... and a state's bodies in lower case ("the Syrian army", "Russian state media": sources.countries)
    bodies = {n for n in held if (_title_case(n) or _acronym(n) or _state_body(n) or _led_body(n)) and len(n.split()) <= 8
              and not _is_group(n) and _skeleton(n) is None}

    def holders(words: frozenset[str], among: Iterable[str]) -> set[str]:
        return {b for b in among if b in bodies and words - _ANY_BODY <= held[b]}

    # the bodies the article's text names, speaking or not (a body's head is one of its words here, or
    # it is an organisation: "the group" is no state, person or news agency the corpus never calls a group)
    written = bodies_written(texts or {}, counts, lambda n: body if (body := canon(n)) in bodies
                             and _descriptor_words(n) is None else None)

    def resolve(name: str | None, earlier: list[str], article: str = "", at: int | None = None) -> tuple[str | None, bool]:
        """A descriptor's body, and whether it was named earlier in the article."""
        words = _descriptor_words(name) if name else None
        if words:
            local = holders(words, earlier)
            if len(local) == 1:
                return next(iter(local)), True
            said = frozenset(_stem(w) for w in _tokens(name))  # every word here: "rights group" is no Daesh
            text = {b for b in written(article, at) if said <= held[b] or said - _ANY_BODY <= held[b] and group_like(b)
                    } if not local and at is not None else set()
            if len(text) == 1:
                return next(iter(text)), True
            # run-wide only a description or a body's own noun ("the Observatory"), not anyone's "deputies"
            if not local and not text and (len(words) > 1 or words <= _ORG_HEADS - _SHARED_HEADS):
                anywhere = holders(words, sorted(bodies))
                if len(anywhere) == 1:
                    return next(iter(anywhere)), False
        return name, False

    out: list[Claim] = []
    seen: dict[str, list[str]] = defaultdict(list)  # article -> bodies named so far
    for c in claims:
        src = c.source
        if src.kind not in ("named", "pronoun"):
            out.append(c)
            continue
        name, kind = canon(src.name, c.article.id), src.kind
        if kind == "named":
            at = src.mention.start if src.mention is not None else None
            name, back = resolve(name, seen[c.article.id], c.article.id, at)
            kind = "pronoun" if back else kind
        affiliation = resolve(canon(src.affiliation), seen[c.article.id])[0]
        if src.name and src.affiliation and affiliation and src.name.endswith(" " + src.affiliation):
            # "spokesman for Syria Civil Defense": a role of a body, named by the body's merged name
            name = src.name[:-len(src.affiliation)] + affiliation
        if name in bodies:
            seen[c.article.id].append(name)
        new = replace(src, name=name, kind=kind, affiliation=affiliation if affiliation != name else None)
        out.append(c if new == src else replace(c, source=new))
    return kept_affiliations(out, inferred)
