"""Across articles by whole stories: the second pass of grouping (see :mod:`claimcheck.events.group`).

Claim-level linking needs an anchor in the two claims themselves, and most claims name neither the
town nor the day ("Mason died at the scene"): a local report names its town once, in the dateline,
and its date is the publication date. So after claims are grouped, each article's **story** (its
largest event) is read with the whole article as context: the towns of all its frames and its
dateline, the uncommon names in all its sentences, its publication day, the resolved days and victim
counts of its frames, its mean claim vector. Two articles whose stories the story linker (the
``articles`` part of ``models/events.json``) scores at or above its threshold have their stories
merged, strongest pair first, under the same complete-linkage guard as claims (resolved days,
incompatible types). What an article inherits (dateline town, publication day) is used here only,
as evidence about its story; it is never written into a claim's frame.

Candidates: each article's ``STORY_NEIGHBOURS`` nearest articles by mean vector, and articles that
share an uncommon name or a town (blocks over ``BIG_BLOCK`` articles are skipped: a name that common
tells nothing), so the work stays near-linear in the articles.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from claimcheck.errors import ConfigError
from claimcheck.events.link import DAY_TOLERANCE, interval, names
from claimcheck.events.places import key, kind
from claimcheck.records import Article, Claim

STORY_FEATURES = (
    "article_cos", "towns_shared", "towns_conflict", "names_shared", "names_conflict", "published_near",
    "published_far", "published_unknown", "days_meet", "days_conflict", "victims_shared", "type_same",
    "tokens_shared", "tokens_conflict", "unanchored", "agents_shared", "agents_conflict",
    "years_conflict",
)
STORY_NEIGHBOURS = 10
BIG_BLOCK = 50  # articles sharing one name or town: more than this, and it blocks nothing
PUBLISHED_NEAR = 3  # days between publication dates: reports of one incident mostly come within 3
PUBLISHED_FAR = 7
ANCHOR_REQUIRED = False  # stories with nothing in common but wording never link
COMMON_TOKEN_SHARE = 0.02  # a name's word in more of the articles than this ("county", "police") is no evidence

# "GAINESVILLE, Fla. -", "LITTLE ROCK, Ark. (KTHV) –", "DAMASCUS, (SANA) -": a capitalised town at the
# start of a paragraph, then a state or agency, then a dash
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'\- ]{2,40}?)\s*(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)?"
                       r"\s*,?\s*(?:\([^)\n]{1,30}\))?\s*[-\u2013\u2014]")


def dateline_town(article: Article) -> str | None:
    """The place key of the article's dateline town, if one of its first paragraphs opens with one."""
    head = article.text[article.body_start: article.body_start + 600]
    m = _DATELINE.search(head)
    if m is None:
        return None
    k = key(m.group(1).title())
    return k if k and kind(k) is None else None


@dataclass(frozen=True)
class Story:
    """An article's largest event read with the whole article (see the module docstring)."""

    article: str
    root: int  # the claim index that stands for its group in grouping
    towns: frozenset[str]
    names: frozenset[str]
    published: int | None  # publication day (ordinal)
    days: frozenset[int]  # resolved single days of the story's frames
    victims: frozenset[tuple[str | None, float]]
    types: frozenset[str]
    agents: frozenset[str] = frozenset()  # who did it, in any of the article's frames ("the Angels", "the Red Sox")
    years: frozenset[int] = frozenset()  # years the article names or was published in
    tokens: frozenset[str] = frozenset()  # the uncommon words of its names: "Naiya Montgomery" is "Denise Montgomery"'s kin


def stories(claims: Sequence[Claim], members: Mapping[int, Sequence[int]], articles: Mapping[str, Article],
            common: frozenset[str]) -> list[Story]:
    """One story per article with an event: the group holding most of its claims (ties: the group
    with the smallest claim id), so the same whatever the input order."""
    # an article's groups (a group may already span articles), by how many of its claims each holds
    by_article: dict[str, Counter] = defaultdict(Counter)
    first = {}
    for root, m in members.items():
        first[root] = min(claims[k].id for k in m)
        for k in m:
            by_article[claims[k].article.id][root] += 1
    sentences: dict[str, set[str]] = defaultdict(set)
    towns: dict[str, set[str]] = defaultdict(set)
    agents: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        sentences[c.article.id] |= names(c.sentence.text) - common
        if c.event is not None:
            towns[c.article.id] |= {k for p in c.event.places for k in (p.key, p.within) if k and kind(k) is None}
            agents[c.article.id] |= {a.name.casefold() for a in c.event.agents}
    words = {aid: {w for n in found for w in n.split() if len(w) > 2} for aid, found in sentences.items()}
    df = Counter(w for ws in words.values() for w in ws)
    cap = max(3, COMMON_TOKEN_SHARE * len(words))
    out = []
    for aid in sorted(by_article):
        root = min(by_article[aid], key=lambda r: (-by_article[aid][r], first[r]))
        frames = [claims[k].event for k in members[root]]
        article = articles.get(aid)
        town = dateline_town(article) if article is not None else None
        published = None
        if article is not None and article.date:
            try:
                published = date.fromisoformat(article.date[:10]).toordinal()
            except ValueError:
                published = None
        days = {d[0] for f in frames if (d := interval(f)) is not None and d[0] == d[1]}
        out.append(Story(aid, root, frozenset(towns[aid] | ({town} if town else set())), frozenset(sentences[aid]),
                         published, frozenset(days),
                         frozenset((v.outcome, float(v.value)) for f in frames for v in f.victims),
                         frozenset(f.type for f in frames if f.type not in ("other", "attack", "killing")),
                         frozenset(agents[aid]), _years(article, published),
                         frozenset(w for w in words.get(aid, ()) if df[w] <= cap)))
    return out


_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


def _years(article: Article | None, published: int | None) -> frozenset[int]:
    """The years an article names (1950-2099) and its publication year: two earthquakes years apart."""
    found = {int(y) for y in _YEAR.findall(article.text)} if article is not None else set()
    if published is not None:
        found.add(date.fromordinal(published).year)
    return frozenset(found)


def story_features(x: Story, y: Story, article_cos: float) -> list[float]:
    """The pair's features in the order of :data:`STORY_FEATURES`."""
    gap = abs(x.published - y.published) if x.published is not None and y.published is not None else None
    meet = any(abs(u - v) <= DAY_TOLERANCE for u in x.days for v in y.days)
    shared = len(x.names & y.names)
    return [
        float(article_cos),
        float(bool(x.towns & y.towns)),
        float(bool(x.towns) and bool(y.towns) and not x.towns & y.towns),
        min(shared, 3) / 3.0,
        float(bool(x.names) and bool(y.names) and not shared),
        float(gap is not None and gap <= PUBLISHED_NEAR),
        float(gap is not None and gap > PUBLISHED_FAR),
        float(gap is None),
        float(meet),
        float(bool(x.days) and bool(y.days) and not meet),
        float(bool(x.victims & y.victims)),
        float(bool(x.types & y.types)),
        min(len(x.tokens & y.tokens), 4) / 4.0,
        float(bool(x.tokens) and bool(y.tokens) and not x.tokens & y.tokens),
        # nothing but wording: two earthquakes a year apart read alike
        float(not (x.towns & y.towns or x.tokens & y.tokens or shared or meet or (gap is not None and gap <= PUBLISHED_NEAR))),
        float(bool(x.agents & y.agents)),
        float(bool(x.agents) and bool(y.agents) and not x.agents & y.agents),
        float(bool(x.years) and bool(y.years) and not x.years & y.years),
    ]


def story_pairs(found: Sequence[Story], centroids: np.ndarray) -> list[tuple[int, int]]:
    """Candidate story pairs (indices into ``found``, i < j): nearest by vector, shared names and towns.
    ``centroids`` holds each story's article vector (unit length), row by row."""
    from claimcheck.cluster import knn

    pairs: set[tuple[int, int]] = set()
    if len(found) > 1:
        neighbours, _ = knn(centroids, STORY_NEIGHBOURS)
        for r, row in enumerate(neighbours):
            pairs.update((min(r, int(c)), max(r, int(c))) for c in row if int(c) != r)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(found):
        for n in s.names:
            blocks[("name", n)].append(i)
        for t in s.towns:
            blocks[("town", t)].append(i)
    for members in blocks.values():
        if 1 < len(members) <= BIG_BLOCK:
            pairs.update((members[a], members[b]) for a in range(len(members)) for b in range(a + 1, len(members)))
    return sorted(pairs)


@dataclass(frozen=True)
class StoryLinker:
    """P(two articles' stories are one event) = sigmoid(coef . features + intercept). A pair at or
    above ``threshold`` merges two groups when the mean P over the scored article pairs between them
    is at least ``average`` (average linkage: a chain of links does not join two incidents)."""

    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    average: float = 0.0

    @classmethod
    def from_json(cls, data: dict | None) -> "StoryLinker | None":
        if not data:
            return None
        if tuple(data.get("features", ())) != STORY_FEATURES:
            raise ConfigError(f"events model: story features {data.get('features')} are not "
                              f"{list(STORY_FEATURES)} (retrain)")
        return cls(tuple(float(c) for c in data["coef"]), float(data["intercept"]), float(data.get("threshold", 0.5)),
                   float(data.get("average", 0.0)))

    def prob(self, x: list[float]) -> float:
        z = self.intercept + sum(c * v for c, v in zip(self.coef, x))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def story_links(claims: Sequence[Claim], members: Mapping[int, Sequence[int]], articles: Mapping[str, Article],
                vectors: np.ndarray, common: frozenset[str], linker: StoryLinker,
                ) -> tuple[list[tuple[float, int, int, str, str]], dict[frozenset[str], float]]:
    """(probability, root, root, article, article) of the story pairs that link, strongest first, and
    P of every scored story pair (by the two article ids)."""
    from claimcheck.events.group import article_vectors

    found = stories(claims, members, articles, common)
    if len(found) < 2:
        return [], {}
    ids, centroids, _ = article_vectors(claims, vectors)
    row = {a: k for k, a in enumerate(ids)}
    cents = centroids[[row[s.article] for s in found]]
    out, scored = [], {}
    for i, j in story_pairs(found, cents):
        # rounded: a claim embedded in another batch moves the cosine in its 6th decimal, and the
        # greedy merge order must not follow (ties go by article id)
        x = story_features(found[i], found[j], round(float(cents[i] @ cents[j]), 3))
        if ANCHOR_REQUIRED and x[STORY_FEATURES.index("unanchored")]:
            continue
        p = round(linker.prob(x), 4)
        scored[frozenset((found[i].article, found[j].article))] = p
        if p >= linker.threshold:
            out.append((p, found[i].root, found[j].root, found[i].article, found[j].article))
    out.sort(key=lambda t: (-t[0], t[3], t[4]))  # ties by article id: the same merges whatever the input order
    return out, scored


def story_examples(claims, members, articles, vectors, common, gold: Mapping[str, str]):
    """Training rows for the story linker: (features, same gold incident) of each candidate pair."""
    from claimcheck.events.group import article_vectors

    found = stories(claims, members, articles, common)
    ids, centroids, _ = article_vectors(claims, vectors)
    row = {a: k for k, a in enumerate(ids)}
    cents = centroids[[row[s.article] for s in found]] if found else centroids[:0]
    X, y = [], []
    for i, j in story_pairs(found, cents):
        X.append(story_features(found[i], found[j], float(cents[i] @ cents[j])))
        y.append(int(gold[found[i].article] == gold[found[j].article]))
    return X, y, Counter(y)


def load_story_linker(path: str | None = None) -> StoryLinker | None:
    """The story linker shipped in ``models/events.json`` (its ``articles`` part), or None when the
    model file has none (grouping then stops after claims)."""
    from claimcheck.events.link import MODEL_FILE

    return _load(MODEL_FILE, path)


@functools.lru_cache(maxsize=4)
def _load(name: str, path: str | None) -> StoryLinker | None:
    from claimcheck.stance import read_model_json

    data = read_model_json(name, "events model", "python training/train_event_linker.py", path)
    return StoryLinker.from_json(data.get("articles"))
