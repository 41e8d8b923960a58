"""Independent origins: articles that carry the same wire copy count once.

Two claims of one version come from one origin when
  * their articles are near-duplicates: the Jaccard similarity of their bodies' word 3-gram
    shingles is at least ``ARTICLE_SIM`` (one agency story reprinted with small edits), or
  * their sentences are near-identical (Jaccard similarity of character 4-grams at least
    ``SENTENCE_SIM``, which a changed word or two leaves) and both are credited to the same news agency: named in the sentence ("..., the ministry told AFP"), in
    the article's dateline or credit line ("SABRAN (AFP) -", "-- Reuters"), or as its outlet.
Both tests use MinHash signatures bucketed by locality-sensitive hashing (datasketch), so only
candidate pairs that share a bucket are compared: never all pairs of a corpus. A reprint that is
less than about half of its article, or an article that adds more than its length to the copy, is
not a near-duplicate as a whole; its quoted sentences still match on the agency rule.

An origin is named after its agency when one is credited, else after the outlet of its earliest
article (by publication date, then article id).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from scipy.cluster.hierarchy import DisjointSet

from claimcheck.records import Article, Claim, Origin

ARTICLE_SIM = 0.5
SENTENCE_SIM = 0.5
ARTICLE_PERM = 128
SENTENCE_PERM = 64
MIN_SHINGLES = 5  # bodies shorter than this many 3-grams are never called copies
CREDIT_HEAD = 300  # a dateline credit sits in the body's first characters ...
CREDIT_TAIL = 200  # ... a credit line in its last ones

# Canonical agency name -> the ways articles credit it. Acronyms match case-sensitively as whole
# words; "AP" only in a dateline or credit form, since the letters mean much else.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": (r"\bAFP\b", r"Agence France[- ]Presse"),
    "Reuters": (r"\bReuters\b",),
    "AP": (r"\bAssociated Press\b", r"\(AP\)", r"[-\u2013\u2014]\s*AP\b", r"\bAP/"),
    "dpa": (r"\bdpa\b", r"Deutsche Presse-Agentur"),
    "Xinhua": (r"\bXinhua\b",),
    "Anadolu": (r"\bAnadolu\b",),
    "EFE": (r"\bEFE\b",),
    "ANSA": (r"\bANSA\b",),
    "Kyodo": (r"\bKyodo\b",),
    "Yonhap": (r"\bYonhap\b",),
    "TASS": (r"\bTASS\b",),
    "Interfax": (r"\bInterfax\b",),
    "RIA Novosti": (r"\bRIA Novosti\b",),
    "PTI": (r"\bPTI\b", r"Press Trust of India"),
    "UPI": (r"\bUPI\b", r"United Press International"),
    "AAP": (r"\bAAP\b", r"Australian Associated Press"),
    "SANA": (r"\bSANA\b", r"Syrian Arab News Agency"),
    "IRNA": (r"\bIRNA\b",),
    "Bernama": (r"\bBernama\b",),
    "Antara": (r"\bAntara\b",),
}
_AGENCY_RE = [(name, re.compile("|".join(forms))) for name, forms in AGENCIES.items()]
_WORD = re.compile(r"\w+")


def agencies_in(text: str) -> frozenset[str]:
    """The news agencies a text credits, by canonical name."""
    return frozenset(name for name, rx in _AGENCY_RE if rx.search(text))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _shingles(text: str, n: int) -> set[bytes]:
    """Word n-grams of the text, casefolded, punctuation dropped."""
    words = _words(text)
    return {" ".join(words[i:i + n]).encode("utf-8") for i in range(max(0, len(words) - n + 1))}


def _char_shingles(text: str, n: int = 4) -> set[bytes]:
    flat = " ".join(_words(text))
    return {flat[i:i + n].encode("utf-8") for i in range(max(0, len(flat) - n + 1))}


def _minhashes(texts: Sequence[set[bytes]], num_perm: int):
    from datasketch import MinHash

    return MinHash.bulk(texts, num_perm=num_perm)


def similar_pairs(shingle_sets: Sequence[set[bytes]], threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """Index pairs (i < j) whose estimated Jaccard similarity is at least ``threshold``: MinHash
    signatures bucketed by LSH, each candidate checked on its signatures."""
    from datasketch import MinHashLSH

    keep = [i for i, s in enumerate(shingle_sets) if len(s) >= MIN_SHINGLES]
    if len(keep) < 2:
        return []
    hashes = dict(zip(keep, _minhashes([shingle_sets[i] for i in keep], num_perm)))
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    found: set[tuple[int, int]] = set()
    for i in keep:
        for j in lsh.query(hashes[i]):
            if hashes[i].jaccard(hashes[j]) >= threshold:
                found.add((j, i) if j < i else (i, j))
        lsh.insert(i, hashes[i])
    return sorted(found)


@dataclass(frozen=True)
class OriginIndex:
    """What :func:`build_index` learnt about a corpus; :meth:`origins` counts a set of claims."""

    copy_of: Mapping[str, str]  # article id -> the smallest id of its near-duplicate group
    credits: Mapping[str, frozenset[str]]  # article id -> agencies its dateline, credit line or outlet names
    twins: Mapping[str, frozenset[str]]  # claim id -> claims with a near-identical sentence, same agency
    outlets: Mapping[str, str | None] = field(default_factory=dict)
    published: Mapping[str, str | None] = field(default_factory=dict)

    def origins(self, claims: Iterable[Claim]) -> tuple[Origin, ...]:
        """The independent origins among ``claims``, the largest first."""
        claims = sorted(claims, key=lambda c: c.id)
        ids = {c.id for c in claims}
        groups = DisjointSet([("claim", c.id) for c in claims])
        for c in claims:
            copy = ("article", self.copy_of.get(c.article.id, c.article.id))
            groups.add(copy)
            groups.merge(("claim", c.id), copy)
            for twin in sorted(self.twins.get(c.id, ())):
                if twin in ids:
                    groups.merge(("claim", c.id), ("claim", twin))
        members: dict = {}
        for c in claims:
            members.setdefault(groups[("claim", c.id)], []).append(c)
        out = [self._origin(group) for group in members.values()]
        return tuple(sorted(out, key=lambda o: (-len(o.articles), o.name, o.articles)))

    def _origin(self, claims: list[Claim]) -> Origin:
        articles = sorted({c.article.id for c in claims})
        credited: dict[str, int] = {}
        for c in claims:
            for agency in agencies_in(c.sentence.text) | self.credits.get(c.article.id, frozenset()):
                credited[agency] = credited.get(agency, 0) + 1
        agency = min(credited, key=lambda a: (-credited[a], a)) if credited else None
        outlets = sorted({o for a in articles if (o := self.outlets.get(a))})
        first = min(articles, key=lambda a: (self.published.get(a) is None, self.published.get(a) or "", a))
        return Origin(agency or self.outlets.get(first) or first, tuple(articles), tuple(outlets), agency)


def article_credits(article: Article) -> frozenset[str]:
    """Agencies an article is credited to: in its dateline, its credit line, or as its outlet."""
    body = article.text[article.body_start:]
    where = body[:CREDIT_HEAD] + "\n" + body[-CREDIT_TAIL:] + "\n" + (article.outlet or "")
    return agencies_in(where)


def build_index(articles: Sequence[Article], claims: Sequence[Claim]) -> OriginIndex:
    """Near-duplicate articles (among those the ``claims`` come from) and wire-credited twin
    sentences (among the ``claims``): see the module docstring."""
    wanted = {c.article.id for c in claims}
    arts = sorted((a for a in articles if a.id in wanted), key=lambda a: a.id)
    copies = DisjointSet([a.id for a in arts])
    for i, j in similar_pairs([_shingles(a.text[a.body_start:], 3) for a in arts], ARTICLE_SIM, ARTICLE_PERM):
        copies.merge(arts[i].id, arts[j].id)
    credits = {a.id: article_credits(a) for a in arts}

    claims = sorted(claims, key=lambda c: c.id)
    credit_of = [agencies_in(c.sentence.text) | credits.get(c.article.id, frozenset()) for c in claims]
    sentences = sorted({c.sentence.text for c, cr in zip(claims, credit_of) if cr})
    row = {s: k for k, s in enumerate(sentences)}
    near: dict[int, set[int]] = {}
    for i, j in similar_pairs([_char_shingles(s) for s in sentences], SENTENCE_SIM, SENTENCE_PERM):
        near.setdefault(i, set()).add(j)
        near.setdefault(j, set()).add(i)
    by_sentence: dict[int, list[int]] = {}
    for k, c in enumerate(claims):
        if credit_of[k]:
            by_sentence.setdefault(row[c.sentence.text], []).append(k)
    twins: dict[str, set[str]] = {}
    for s, ks in by_sentence.items():
        for t in near.get(s, set()) | {s}:
            for k in ks:
                for m in by_sentence.get(t, ()):
                    if m != k and claims[k].article.id != claims[m].article.id and credit_of[k] & credit_of[m]:
                        twins.setdefault(claims[k].id, set()).add(claims[m].id)
    return OriginIndex(
        copy_of={a.id: min(copies.subset(a.id)) for a in arts},
        credits=credits,
        twins={k: frozenset(v) for k, v in twins.items()},
        outlets={a.id: a.outlet for a in arts},
        published={a.id: a.published for a in arts},
    )
