"""Do two event frames report the same real-world event? Pair features, hard constraints and the
shipped linker (``models/events.json``: a logistic regression over the features, plain JSON).

The features read what the frames say (date, places, type, agents, victims) and how alike the two
claims are (cosine of their vectors); :func:`never_one` says which pairs can never be one event
whatever the model thinks: two resolved days too far apart, incompatible types, unalike claims.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from claimcheck.errors import ConfigError
from claimcheck.events.places import kind
from claimcheck.events.taxonomy import ATTACK_TYPES, OUTCOME_TYPES, compatible, type_of
from claimcheck.records import Claim, EventFrame

MODEL_FILE = "events.json"
FEATURES = (
    "cos", "article_cos", "date_gap", "date_both", "date_same", "date_unknown", "place_match", "place_within",
    "place_conflict", "type_same", "type_related", "agents_shared", "victims_equal",
    "names_shared", "names_conflict", "ctx_names", "ctx_place_match", "ctx_place_conflict", "ctx_day_match",
    "ctx_day_conflict", "published_near", "published_far",
)
DAY_TOLERANCE = 1  # days: reports of one event resolve "overnight"/"yesterday" a day apart
WITHIN_ARTICLE_SIM = 0.6  # two claims of one article this alike report one event (see same_story)
ANCHOR_SIM = 0.9  # claims this alike (wire copies) need no other anchor; 0.75 gave ECB+ a F1 0.24 (from 0.15) but FA-KES a precision 0.06 (from 0.085)
DAY_ANCHORS = True  # a shared day alone anchors two claims (see anchored)
COMMON_NAME_SHARE = 0.02  # a name in more of the articles than this is common (see common_names)
MIN_SIM = 0.3  # cosine below this: never one event ...
WITHIN_ARTICLE_MIN_SIM = 0.3  # ... within one article (lower made one blob of each article)
GAP_CAP = 30.0  # days: the date gap feature saturates here
PUBLISHED_NEAR = 3  # days between two articles' publication dates: most reports of one incident ...
PUBLISHED_FAR = 30  # ... and a trial's report, a month or more later (a fifth of GVA's same-incident pairs)

def ordinal(iso: str | None) -> int | None:
    """The ordinal of an ISO date's day (its first 10 characters), or None."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def interval(frame: EventFrame | None) -> tuple[int, int] | None:
    """The frame's resolved days as ordinals (inclusive), or None when its time is unknown."""
    t = frame.time if frame is not None else None
    start = ordinal(t.date) if t is not None else None
    if start is None:
        return None
    end = ordinal(t.until) if t.until else None
    return (start, max(start, end if end is not None else start))


def day_gap(x: tuple[int, int], y: tuple[int, int]) -> int:
    """Days between two intervals (0 when they overlap)."""
    return max(0, max(x[0], y[0]) - min(x[1], y[1]))


# Types of one armed conflict that reports of one event mix: the assault a side says it repelled is
# the capture the other side claims, and the deaths are both's outcome. Compatible for the hard
# constraint; the linker weighs them as ``type_related`` only.
_WAR = ATTACK_TYPES | OUTCOME_TYPES | {"capture", "withdrawal"}


def _kind(frame: EventFrame) -> str:
    """The frame's type; for ``other``, the type its trigger lemma names where it names one ("Tal
    Ruwaq had fallen" typed other/fall by a frame that could not tell the subject is a place)."""
    return frame.type if frame.type != "other" else (type_of(frame.lemma) or "other")


def type_relation(a: EventFrame, b: EventFrame) -> str:
    """``same`` (one type; for ``other``, one trigger lemma), ``related`` (types that may report one
    event: ``taxonomy.compatible``, or two types of armed conflict) or ``incompatible``."""
    if a.type == b.type:
        return "same" if a.type != "other" or a.lemma == b.lemma else "incompatible"
    ka, kb = _kind(a), _kind(b)
    if ka == "other" or kb == "other":
        return "incompatible"
    return "related" if ka == kb or compatible(ka, kb) or (ka in _WAR and kb in _WAR) else "incompatible"


def place_keys(frame: EventFrame) -> tuple[set[str], set[str], set[str]]:
    """The frame's fine place keys (cities, districts, villages), coarse ones (countries, US states:
    every claim of a war is "in Syria") and the keys its places are named within."""
    fine = {p.key for p in frame.places if p.key and kind(p.key) is None}
    coarse = {p.key for p in frame.places if p.key and kind(p.key) is not None}
    return fine, coarse, {p.within for p in frame.places if p.within}


def place_relation(a: EventFrame, b: EventFrame) -> str:
    """``match`` (a shared fine key), ``within`` (one named inside the other, both inside one place,
    or only one shared coarse key), ``conflict`` (placed in different places) or ``unknown``."""
    fa, ca, wa = place_keys(a)
    fb, cb, wb = place_keys(b)
    if fa & fb:
        return "match"
    if ((fa | ca) & wb) or ((fb | cb) & wa) or (wa & wb) or (fa & cb) or (fb & ca):
        return "within"
    if fa and fb:
        return "conflict"
    if not fa and not fb and ca and cb:
        return "within" if ca & cb else "conflict"
    return "unknown"


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)")


@functools.lru_cache(maxsize=65536)
def names(sentence: str) -> frozenset[str]:
    """Multi-word proper names in a sentence ("Antonio Mason", "Northwest 4th Place" is missed on
    purpose: digits), the details that tell two same-day incidents apart."""
    return frozenset(m.group(1).casefold() for m in _NAME.finditer(sentence))


_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


@functools.lru_cache(maxsize=65536)
def capitalised(sentence: str) -> frozenset[str]:
    """Capitalised words of four letters or more, sentence-initial ones too ("Whitcombe was shot")."""
    return frozenset(m.group(0).casefold() for m in _WORD.finditer(sentence))


def unshared_words(claims: Sequence[Claim], share: float = COMMON_NAME_SHARE) -> frozenset[str]:
    """Words that tell no subject apart: words of names in more than ``share`` of the articles
    ("county", "police"), capitalised words that open sentences in as many ("There", "Police"), and
    the words of places (a town is where, not who the story is about)."""
    seen: dict[str, set[str]] = {}
    placed: dict[str, set[str]] = {}
    for c in claims:
        for w in capitalised(c.sentence.text):
            seen.setdefault(w, set()).add(c.article.id)
        if c.event is not None:
            for w in {w for p in c.event.places for k in (p.key, p.within) if k for w in k.split()}:
                placed.setdefault(w, set()).add(c.article.id)
    cap = max(3, share * len({c.article.id for c in claims}))
    # a place in two articles' frames is a place (one article's may be a person the frame misread)
    return frozenset({w for w, a in placed.items() if len(a) > 1} | {w for w, a in seen.items() if len(a) > cap})


def shared_subject(a: Claim, b: Claim, unshared: frozenset[str] = frozenset()) -> bool:
    """Do two claims of one article name one person or thing: a word of a multi-word name in one
    ("Darnell Whitcombe") capitalised in the other ("Whitcombe was shot")? Then they are one story
    whatever their types (the shooting and the arrest for it)."""
    wa = {w for n in names(a.sentence.text) for w in n.split()} & capitalised(a.sentence.text)
    wb = {w for n in names(b.sentence.text) for w in n.split()} & capitalised(b.sentence.text)
    return bool(((wa & capitalised(b.sentence.text)) | (wb & capitalised(a.sentence.text))) - unshared)


def _victim_counts(frame: EventFrame) -> set[tuple[str | None, float]]:
    return {(v.outcome, float(v.value)) for v in frame.victims}


@dataclass(frozen=True)
class Context:
    """What a claim's article says around it: the names in its sentences, the towns of its frames
    (fine place keys and what they are named within) and their resolved days. Two reports of one
    shooting share the victim's name and the town even where the claim compared names neither."""

    names: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    days: frozenset[int] = frozenset()
    published: int | None = None  # the article's publication day (ordinal)


def common_names(claims: Sequence[Claim], share: float = COMMON_NAME_SHARE) -> frozenset[str]:
    """Names in more than ``share`` of the articles (and more than 3): "Syrian Observatory for Human
    Rights", "Islamic State", a site's footer. They tie every report of a war together, so they are
    no evidence that two claims report one event."""
    seen: dict[str, set[str]] = {}
    for c in claims:
        for n in names(c.sentence.text):
            seen.setdefault(n, set()).add(c.article.id)
    articles = len({c.article.id for c in claims})
    cap = max(3, share * articles)
    return frozenset(n for n, a in seen.items() if len(a) > cap)


def contexts(claims: Sequence[Claim], common: frozenset[str] = frozenset(),
             published: dict[str, str] | None = None) -> dict[str, Context]:
    """Each article's :class:`Context`, from all its claims (``common`` names left out) and its
    publication date (``published``: article id -> ISO date)."""
    found: dict[str, tuple[set, set, set]] = {}
    for c in claims:
        n, p, d = found.setdefault(c.article.id, (set(), set(), set()))
        n.update(names(c.sentence.text) - common)
        if c.event is not None:
            p.update(k for x in c.event.places for k in (x.key, x.within) if k and kind(k) is None)
            span = interval(c.event)
            if span is not None and span[0] == span[1]:
                d.add(span[0])
    published = published or {}
    return {a: Context(frozenset(n), frozenset(p), frozenset(d), ordinal(published.get(a)))
            for a, (n, p, d) in found.items()}


def _near_days(x: frozenset[int], y: frozenset[int]) -> bool:
    return any(abs(u - v) <= DAY_TOLERANCE for u in x for v in y)


def features(a: Claim, b: Claim, cos: float, article_cos: float, ctx_a: Context = Context(),
             ctx_b: Context = Context(), common: frozenset[str] = frozenset()) -> list[float]:
    """The pair's features, in the order of :data:`FEATURES` (both claims must have frames);
    ``article_cos`` is the cosine of the two articles' mean claim vectors (1 within an article),
    ``ctx_a``/``ctx_b`` their articles' :class:`Context`."""
    fa, fb = a.event, b.event
    assert fa is not None and fb is not None
    ia, ib = interval(fa), interval(fb)
    gap = day_gap(ia, ib) if ia is not None and ib is not None else None
    place = place_relation(fa, fb)
    kind = type_relation(fa, fb)
    agents_a = {x.name.casefold() for x in fa.agents}
    agents_b = {x.name.casefold() for x in fb.agents}
    na, nb = names(a.sentence.text) - common, names(b.sentence.text) - common
    pa, pb = ctx_a.published, ctx_b.published
    pub_gap = abs(pa - pb) if pa is not None and pb is not None else None
    return [
        float(cos),
        float(article_cos),
        min(float(gap), GAP_CAP) / GAP_CAP if gap is not None else 0.0,
        float(gap is not None),
        float(gap == 0),
        float(ia is None or ib is None),
        float(place == "match"),
        float(place == "within"),
        float(place == "conflict"),
        float(kind == "same"),
        float(kind == "related"),
        float(bool(agents_a & agents_b)),
        float(bool(_victim_counts(fa) & _victim_counts(fb))),
        float(bool(na & nb)),
        float(bool(na) and bool(nb) and not (na & nb)),
        min(len(ctx_a.names & ctx_b.names), 3) / 3.0,
        float(bool(ctx_a.places & ctx_b.places)),
        float(bool(ctx_a.places) and bool(ctx_b.places) and not ctx_a.places & ctx_b.places),
        float(_near_days(ctx_a.days, ctx_b.days)),
        float(bool(ctx_a.days) and bool(ctx_b.days) and not _near_days(ctx_a.days, ctx_b.days)),
        float(pub_gap is not None and pub_gap <= PUBLISHED_NEAR),
        float(pub_gap is not None and pub_gap > PUBLISHED_FAR),
    ]


def anchored(a: Claim, b: Claim, common: frozenset[str] = frozenset(), cos: float = 0.0) -> bool:
    """Does anything but wording tie two claims of two articles to one event: a shared town (or one
    named within the other), resolved days that meet, or a shared name in their sentences? On a
    corpus about one war every strike reads alike; without an anchor a chain of alike claims would
    make one event of them all."""
    if cos >= ANCHOR_SIM:
        return True  # near-paraphrases (never_one has already checked their days)
    fa, fb = a.event, b.event
    assert fa is not None and fb is not None
    ka, _, wa = place_keys(fa)
    kb, _, wb = place_keys(fb)
    if ka & kb or ka & wb or kb & wa or (wa & wb):
        return True
    if DAY_ANCHORS:
        ia, ib = interval(fa), interval(fb)
        if ia is not None and ib is not None and day_gap(ia, ib) <= DAY_TOLERANCE:
            return True
    return bool((names(a.sentence.text) & names(b.sentence.text)) - common)


def same_story(a: Claim, b: Claim, cos: float, common: frozenset[str] = frozenset()) -> bool:
    """Two claims of one article report one event (the linker, trained across articles, is not asked):
    one type, an anchor or alike (cosine >= ``WITHIN_ARTICLE_SIM``), and no two different towns or
    names ("the shelling" twice in a story is one shelling; the highway and the town are two)."""
    fa, fb = a.event, b.event
    assert fa is not None and fb is not None
    if place_relation(fa, fb) == "conflict":
        return False
    na, nb = names(a.sentence.text) - common, names(b.sentence.text) - common
    if na and nb and not na & nb:
        return False
    return type_relation(fa, fb) == "same" or cos >= WITHIN_ARTICLE_SIM or anchored(a, b, common)


def never_one(a: EventFrame, b: EventFrame, cos: float, min_sim: float = MIN_SIM, types: bool = True) -> bool:
    """Pairs no score may join: resolved days more than ``DAY_TOLERANCE`` apart, incompatible types
    (unless ``types`` is False), or claims less alike than ``min_sim``."""
    if cos < min_sim or (types and type_relation(a, b) == "incompatible"):
        return True
    ia, ib = interval(a), interval(b)
    return ia is not None and ib is not None and day_gap(ia, ib) > DAY_TOLERANCE


@dataclass(frozen=True)
class Linker:
    """P(same event) = sigmoid(coef . features + intercept); pairs at or above ``threshold`` link."""

    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5

    @classmethod
    def from_json(cls, data: dict) -> "Linker":
        if tuple(data.get("features", ())) != FEATURES:
            raise ConfigError(f"events model: features {data.get('features')} are not {list(FEATURES)} (retrain)")
        return cls(tuple(float(c) for c in data["coef"]), float(data["intercept"]), float(data.get("threshold", 0.5)))

    def prob(self, x: list[float]) -> float:
        z = self.intercept + sum(c * v for c, v in zip(self.coef, x))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


@functools.lru_cache(maxsize=4)
def load_linker(path: str | None = None) -> Linker:
    """The shipped linker (``models/events.json``, beside the stance model), read once per process."""
    from claimcheck.stance import read_model_json

    return Linker.from_json(read_model_json(MODEL_FILE, "events model", "python training/train_event_linker.py", path))
