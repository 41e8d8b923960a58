"""Across articles by whole stories: the second pass of grouping (see :mod:`claimcheck.events.group`).

Claim-level linking needs an anchor in the two claims themselves, and most claims name neither the
town nor the day ("Mason died at the scene"): a local report names its town once, in the dateline,
and its date is the publication date. So after claims are grouped, each article's **story** (its
largest event) is read with the whole article as context: the towns of all its frames and its
dateline, the uncommon names in all its sentences, its publication day, the resolved days and victim
counts of its frames, its mean claim vector, and the words of its whole text (TF-IDF over the run's
articles: :func:`text_vectors`). Two articles whose stories the story linker (the ``articles`` part
of ``models/events.json``) scores at or above its threshold have their stories merged, strongest
pair first, when the mean P over every article pair between the two groups (the first
``group.STORY_AVERAGE_CAP`` articles of each) reaches the linker's ``average``: average linkage, so
a chain of links does not join two incidents. A run of fewer than ``TEXT_MIN_ARTICLES`` articles
has no word vectors (text_cos 0): it is read by the model's ``no_text`` linker, the same
coefficients at the operating point shipped before (``StoryLinker.for_text``). The only hard guard left is towns with no type in
common (days, types and towns are the linker's features here). What an article inherits (dateline
town, publication day) is used here only, as evidence about its story; it is never written into a
claim's frame. An article's story is its group of most claims, ties to the group of more articles
(as :func:`claimcheck.events.group.article_events` reads an article's event).

Candidates: each article's ``STORY_NEIGHBOURS`` nearest articles by mean vector and its
``TEXT_NEIGHBOURS`` nearest by words, and articles that share an uncommon name or a town (blocks
over ``BIG_BLOCK`` articles are skipped: a name that common tells nothing), so the work stays
near-linear in the articles.
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
from claimcheck.events.link import DAY_TOLERANCE, interval, names, ordinal
from claimcheck.events.places import key, kind
from claimcheck.records import Article, Claim

STORY_FEATURES = (
    "article_cos", "towns_shared", "towns_conflict", "names_shared", "names_conflict", "published_near",
    "published_far", "published_unknown", "days_meet", "days_conflict", "victims_shared", "type_same",
    "tokens_shared", "tokens_conflict", "unanchored", "agents_shared", "agents_conflict",
    "years_conflict", "text_cos", "numbers_shared", "numbers_conflict",
)
STORY_NEIGHBOURS = 10
BIG_BLOCK = 50  # articles sharing one name or town: more than this, and it blocks nothing
PUBLISHED_NEAR = 3  # days between publication dates: reports of one incident mostly come within 3
PUBLISHED_FAR = 7
ANCHOR_REQUIRED = False  # stories with nothing in common but wording never link
COMMON_TOKEN_SHARE = 0.02  # a name's word in more of the articles than this ("county", "police") is no evidence
TEXT_NEIGHBOURS = 10  # each article also meets its nearest articles by the words of its whole text
TEXT_MIN_DF = 2  # a word in fewer articles than this says nothing about a pair (1: ECB+ / GVA half a a little worse)
TEXT_MIN_ARTICLES = 20  # fewer articles weigh no word reliably (IDF): the text cosine is then not read (0)

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
    numbers: frozenset[str] = frozenset()  # the numbers of its headline and lead: "4.6", "$2.6 million", "Curve 8900"


def stories(claims: Sequence[Claim], members: Mapping[int, Sequence[int]], articles: Mapping[str, Article],
            common: frozenset[str]) -> list[Story]:
    """One story per article with an event: the group holding most of its claims (ties: the group
    of more articles, then the smallest claim id), so the same whatever the input order."""
    # an article's groups (a group may already span articles), by how many of its claims each holds
    by_article: dict[str, Counter] = defaultdict(Counter)
    first, spread = {}, {}
    for root, m in members.items():
        first[root] = min(claims[k].id for k in m)
        spread[root] = len({claims[k].article.id for k in m})
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
        # ties as in group.article_events: to the group more articles report (claims linked across
        # articles already), then the smallest claim id
        root = min(by_article[aid], key=lambda r: (-by_article[aid][r], -spread[r], first[r]))
        frames = [claims[k].event for k in members[root]]
        article = articles.get(aid)
        town = dateline_town(article) if article is not None else None
        published = ordinal(article.date) if article is not None else None
        days = {d[0] for f in frames if (d := interval(f)) is not None and d[0] == d[1]}
        out.append(Story(aid, root, frozenset(towns[aid] | ({town} if town else set())), frozenset(sentences[aid]),
                         published, frozenset(days),
                         frozenset((v.outcome, float(v.value)) for f in frames for v in f.victims),
                         frozenset(f.type for f in frames if f.type not in ("other", "attack", "killing")),
                         frozenset(agents[aid]), _years(article, published),
                         frozenset(w for w in words.get(aid, ()) if df[w] <= cap), _numbers(article)))
    return out


_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
LEAD_CHARS = 400  # the headline and this much of the body: where a report states its event's figures


def _numbers(article: Article | None) -> frozenset[str]:
    """The numbers of an article's headline and lead, years left out (``years`` reads them): two
    quakes of 4.2 and 4.6, two heists of $108 million and $2.6 million, the Curve 8900 and the Q10."""
    if article is None:
        return frozenset()
    head = (article.title or "") + " " + article.text[article.body_start: article.body_start + LEAD_CHARS]
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(head) if not _YEAR.fullmatch(n))


_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


def _years(article: Article | None, published: int | None) -> frozenset[int]:
    """The years an article names (1950-2099) and its publication year: two earthquakes years apart."""
    found = {int(y) for y in _YEAR.findall(article.text)} if article is not None else set()
    if published is not None:
        found.add(date.fromordinal(published).year)
    return frozenset(found)


def story_features(x: Story, y: Story, article_cos: float, text_cos: float = 0.0) -> list[float]:
    """The pair's features in the order of :data:`STORY_FEATURES`; ``text_cos`` is the cosine of the
    two articles' word vectors (:func:`text_vectors`)."""
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
        float(text_cos),
        min(len(x.numbers & y.numbers), 3) / 3.0,
        float(bool(x.numbers) and bool(y.numbers) and not x.numbers & y.numbers),
    ]


def text_vectors(found: Sequence[Story], claims: Sequence[Claim], articles: Mapping[str, Article]):
    """Each story's article as a TF-IDF word vector (sparse, unit length, rows as ``found``), or None
    (fewer than ``TEXT_MIN_ARTICLES`` stories, or no word in two articles): IDF over this run's
    articles, words in at least ``TEXT_MIN_DF`` of them, English stop words left out, sublinear tf.
    Two reports of one incident share its details (the street, the bar, the victim's school, "Curve
    8900"); two incidents of one kind share the kind's words, which the mean claim vector mostly reads. An article given without its text is
    read from its claims' sentences."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(found) < TEXT_MIN_ARTICLES:  # three reports share "shot", "police" and the town: IDF cannot tell
        return None
    sentences: dict[str, dict[str, None]] = defaultdict(dict)
    for c in claims:
        sentences[c.article.id].setdefault(c.sentence.text, None)
    texts = [a.text if (a := articles.get(s.article)) is not None else " ".join(sentences[s.article]) for s in found]
    texts = _without_site_lines(texts)
    try:
        return TfidfVectorizer(min_df=min(TEXT_MIN_DF, len(texts)), sublinear_tf=True, stop_words="english",
                               dtype=np.float64).fit_transform(texts)
    except ValueError:  # an empty vocabulary
        return None


def _without_site_lines(texts: Sequence[str], articles: int = 3) -> list[str]:
    """The texts less the lines that ``articles`` or more of them hold word for word: a site's
    furniture ("We have sent you a verification email ...") under different headlines is no shared
    detail of one incident. (Dropping the lines ``claimcheck.layout`` calls furniture as well gained
    GVA 0.001 and lost ECB+ half a 0.007 ARI: bylines and notes are some outlets' words.)"""
    split = [[" ".join(line.split()) for line in t.splitlines()] for t in texts]
    seen = Counter(line for lines in split for line in set(lines) if line)
    return ["\n".join(line for line in lines if seen[line] < articles) for lines in split]


def text_cosines(words, pairs: Sequence[tuple[int, int]]) -> list[float]:
    """The cosine of each pair's rows of :func:`text_vectors` (0 without them), rounded to 3 decimals."""
    if words is None or not pairs:
        return [0.0] * len(pairs)
    index = np.asarray(pairs, dtype=np.int64)
    dots = np.asarray(words[index[:, 0]].multiply(words[index[:, 1]]).sum(axis=1)).ravel()
    return [round(float(d), 3) for d in dots]


def _text_neighbours(words, k: int) -> set[tuple[int, int]]:
    """Each row's ``k`` nearest other rows by text cosine (ties by row), in blocks of rows."""
    pairs: set[tuple[int, int]] = set()
    n = words.shape[0]
    for lo in range(0, n, 512):
        block = (words[lo: lo + 512] @ words.T).toarray()
        for r, row in enumerate(block):
            i = lo + r
            row[i] = -1.0
            for j in np.argsort(-row, kind="stable")[:k].tolist():
                if row[j] > 0:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def story_pairs(found: Sequence[Story], centroids: np.ndarray, words=None) -> list[tuple[int, int]]:
    """Candidate story pairs (indices into ``found``, i < j): nearest by vector and by words
    (``words``: :func:`text_vectors`), shared names and towns. ``centroids`` holds each story's
    article vector (unit length), row by row."""
    from claimcheck.cluster import knn

    pairs: set[tuple[int, int]] = set()
    if words is not None and len(found) > 1:
        pairs |= _text_neighbours(words, TEXT_NEIGHBOURS)
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
    # the linker of runs without word vectors (under TEXT_MIN_ARTICLES articles: text_cos is 0): the
    # same coefficients at a lower operating point (see training/train_event_linker.py, NO_TEXT_*)
    no_text: "StoryLinker | None" = None

    def for_text(self, words) -> "StoryLinker":
        """The linker to read pairs with: this one, or ``no_text`` when the run has no word vectors."""
        return self.no_text if words is None and self.no_text is not None else self

    @classmethod
    def from_json(cls, data: dict | None) -> "StoryLinker | None":
        if not data:
            return None
        if tuple(data.get("features", ())) != STORY_FEATURES:
            raise ConfigError(f"events model: story features {data.get('features')} are not "
                              f"{list(STORY_FEATURES)} (retrain)")
        return cls(tuple(float(c) for c in data["coef"]), float(data["intercept"]), float(data.get("threshold", 0.5)),
                   float(data.get("average", 0.0)), cls.from_json(data.get("no_text")))

    def prob(self, x: list[float]) -> float:
        z = self.intercept + sum(c * v for c, v in zip(self.coef, x))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


class _Scores(dict):
    """P of story pairs by their two article ids (a frozenset); a pair no candidate list held is
    scored when first asked for, so the average over all article pairs between two groups is real
    average linkage, not the mean over the few pairs that were candidates."""

    def __init__(self, found: Sequence[Story], centroids: np.ndarray, words, linker: "StoryLinker"):
        super().__init__()
        self.row = {s.article: k for k, s in enumerate(found)}
        self.found, self.centroids, self.words, self.linker = found, centroids, words, linker

    def __missing__(self, key: frozenset) -> float:
        a, b = sorted(key)
        i, j = self.row[a], self.row[b]
        x = story_features(self.found[i], self.found[j], round(float(self.centroids[i] @ self.centroids[j]), 3),
                           text_cosines(self.words, [(i, j)])[0])
        p = self[key] = round(self.linker.prob(x), 4)
        return p


def story_links(claims: Sequence[Claim], members: Mapping[int, Sequence[int]], articles: Mapping[str, Article],
                vectors: np.ndarray, common: frozenset[str], linker: StoryLinker,
                ) -> tuple[list[tuple[float, int, int, str, str]], dict[frozenset[str], float], StoryLinker]:
    """(probability, root, root, article, article) of the story pairs that link, strongest first,
    P of every scored story pair (by the two article ids), and the linker that scored them
    (``linker.for_text``: a run without word vectors is read by its ``no_text`` linker)."""
    from claimcheck.events.group import article_vectors

    found = stories(claims, members, articles, common)
    if len(found) < 2:
        return [], {}, linker
    ids, centroids, _ = article_vectors(claims, vectors)
    row = {a: k for k, a in enumerate(ids)}
    cents = centroids[[row[s.article] for s in found]]
    out = []
    words = text_vectors(found, claims, articles)
    linker = linker.for_text(words)
    scored = _Scores(found, cents, words, linker)
    pairs = story_pairs(found, cents, words)
    for (i, j), text_cos in zip(pairs, text_cosines(words, pairs)):
        # rounded: a claim embedded in another batch moves the cosine in its 6th decimal, and the
        # greedy merge order must not follow (ties go by article id)
        x = story_features(found[i], found[j], round(float(cents[i] @ cents[j]), 3), text_cos)
        if ANCHOR_REQUIRED and x[STORY_FEATURES.index("unanchored")]:
            continue
        p = round(linker.prob(x), 4)
        scored[frozenset((found[i].article, found[j].article))] = p
        if p >= linker.threshold:
            out.append((p, found[i].root, found[j].root, found[i].article, found[j].article))
    out.sort(key=lambda t: (-t[0], t[3], t[4]))  # ties by article id: the same merges whatever the input order
    return out, scored, linker


def story_examples(claims, members, articles, vectors, common, gold: Mapping[str, str]):
    """Training rows for the story linker: (features, same gold incident) of each candidate pair."""
    from claimcheck.events.group import article_vectors

    found = stories(claims, members, articles, common)
    ids, centroids, _ = article_vectors(claims, vectors)
    row = {a: k for k, a in enumerate(ids)}
    cents = centroids[[row[s.article] for s in found]] if found else centroids[:0]
    X, y = [], []
    words = text_vectors(found, claims, articles)
    pairs = story_pairs(found, cents, words)
    for (i, j), text_cos in zip(pairs, text_cosines(words, pairs)):
        X.append(story_features(found[i], found[j], float(cents[i] @ cents[j]), text_cos))
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
