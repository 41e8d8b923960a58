"""Frozen records that flow between the stages; every one serialises to JSON as is.

Standard library only. Offsets are character offsets into ``Article.text``
(Python string indices), so ``article.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "claimcheck/2"

STANCES = ("asserts", "denies", "questions")  # "questions": a headline asking it ("Has X fallen?")
SOURCE_KINDS = ("named", "pronoun", "narrator", "unresolved")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Span | None":
        return None if d is None else cls(int(d["start"]), int(d["end"]), str(d.get("text", "")))


@dataclass(frozen=True)
class Article:
    """One input document. ``text`` is what offsets point into (title included)."""

    id: str
    text: str
    path: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # the publication date as the metadata gives it
    body_start: int = 0  # where the body begins (after the title line), as an offset into text
    date: str | None = None  # the publication date normalised, ISO YYYY-MM-DD (claimcheck.events.dates)

    @property
    def ref(self) -> "ArticleRef":
        return ArticleRef(self.id, self.path, self.outlet)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})


@dataclass(frozen=True)
class ArticleRef:
    """What a claim carries of its article: enough to find it again."""

    id: str
    path: str | None
    outlet: str | None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ArticleRef":
        return cls(d["id"], d.get("path"), d.get("outlet"))


@dataclass(frozen=True)
class Problem:
    """An input that was skipped: a one-line message naming the file (and line)."""

    path: str
    message: str
    line: int | None = None
    article: str | None = None  # the id of an article skipped after an unexpected error (a bug, not bad input)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Quantity:
    """A number in a claim's content: "some 20 people" -> value 20, approximate, counted "people"."""

    value: float
    approximate: bool
    counted: str | None
    span: Span
    low: float | None = None  # set for ranges ("between 12 and 20") and bounds ("at least 12")
    high: float | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quantity":
        return cls(
            value=d["value"], approximate=d["approximate"], counted=d.get("counted"),
            span=Span.from_dict(d["span"]), low=d.get("low"), high=d.get("high"),
        )


@dataclass(frozen=True)
class Source:
    """Who asserts a claim. ``mention`` is the words as written; ``name`` the normalised party."""

    name: str | None
    kind: str  # one of SOURCE_KINDS
    mention: Span | None = None
    camp: str | None = None
    affiliation: str | None = None  # the organisation a person or role speaks for ("Rami Abdel Rahman": SOHR)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Source":
        return cls(d.get("name"), d["kind"], Span.from_dict(d.get("mention")), d.get("camp"), d.get("affiliation"))


@dataclass(frozen=True)
class TimeRef:
    """When an event happened: the words as written and the calendar interval they resolve to
    (against the article's publication date). ``date``/``until`` are ISO dates (inclusive);
    ``precision`` is day, week, month or year. Unresolvable words keep ``date`` None."""

    text: str
    start: int
    end: int
    date: str | None = None
    until: str | None = None
    precision: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "TimeRef | None":
        if d is None:
            return None
        return cls(str(d.get("text", "")), int(d["start"]), int(d["end"]), d.get("date"), d.get("until"),
                   d.get("precision"))


@dataclass(frozen=True)
class Place:
    """A place name as written, its comparable ``key`` ("aleppo"), and the key of the place named
    as containing it ("Kafr Hamra in Aleppo province": ``within`` "aleppo")."""

    text: str
    start: int
    end: int
    key: str
    within: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Place":
        return cls(str(d.get("text", "")), int(d["start"]), int(d["end"]), str(d["key"]), d.get("within"))


@dataclass(frozen=True)
class Actor:
    """Who did it (an event's agent), normalised like a source name, with its camp where known."""

    name: str
    span: Span
    camp: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Actor":
        return cls(str(d["name"]), Span.from_dict(d["span"]), d.get("camp"))


@dataclass(frozen=True)
class Victims:
    """A count of people an event hit: "at least 12 civilians were killed" -> 12 (low 12),
    category "civilians", outcome "killed". ``category`` and ``outcome`` may be None."""

    value: float
    category: str | None
    outcome: str | None
    span: Span
    approximate: bool = False
    low: float | None = None
    high: float | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Victims":
        return cls(d["value"], d.get("category"), d.get("outcome"), Span.from_dict(d["span"]),
                   bool(d.get("approximate", False)), d.get("low"), d.get("high"))


@dataclass(frozen=True)
class EventFrame:
    """What a claim reports as having happened: its type (see ``claimcheck.events.taxonomy``),
    trigger, time, places, agents and victims. ``id`` is the corpus-level event it was grouped
    into (None before grouping)."""

    type: str
    lemma: str  # the trigger's lemma: for type "other", what kind of event it is ("earthquake")
    trigger: Span
    time: TimeRef | None = None
    places: tuple[Place, ...] = ()
    agents: tuple[Actor, ...] = ()
    victims: tuple[Victims, ...] = ()
    id: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "EventFrame | None":
        if d is None:
            return None
        return cls(
            type=d["type"], lemma=d.get("lemma", ""), trigger=Span.from_dict(d["trigger"]),
            time=TimeRef.from_dict(d.get("time")), places=tuple(Place.from_dict(p) for p in d.get("places", ())),
            agents=tuple(Actor.from_dict(a) for a in d.get("agents", ())),
            victims=tuple(Victims.from_dict(v) for v in d.get("victims", ())), id=d.get("id"),
        )


@dataclass(frozen=True)
class Claim:
    id: str
    article: ArticleRef
    text: str
    span: Span  # the content, without the reporting frame
    sentence: Span
    source: Source
    cue: Span | None
    stance: str  # one of STANCES
    quantities: tuple[Quantity, ...] = ()
    event: EventFrame | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        return cls(
            id=d["id"], article=ArticleRef.from_dict(d["article"]), text=d["text"],
            span=Span.from_dict({"text": d["text"], **d["span"]}), sentence=Span.from_dict(d["sentence"]),
            source=Source.from_dict(d["source"]), cue=Span.from_dict(d.get("cue")),
            stance=d["stance"], quantities=tuple(Quantity.from_dict(q) for q in d.get("quantities", ())),
            event=EventFrame.from_dict(d.get("event")),
        )


@dataclass(frozen=True)
class Topic:
    id: int
    label: str
    claim_ids: tuple[str, ...]
    terms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    camps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """One real-world event as reported across the corpus: the frames grouped together."""

    id: str
    label: str  # "air strike, Kafr Hamra, 2026-03-14"
    type: str
    date: str | None
    until: str | None
    precision: str | None
    places: tuple[str, ...]  # place keys, most mentioned first
    claim_ids: tuple[str, ...]
    sources: tuple[str, ...] = ()
    camps: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Words that carry a reason, located in one article."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Reason:
    kind: str  # explicit_denial | polarity | numeric | responsibility | learned | update
    detail: str
    evidence: tuple[Evidence, ...] = ()
    weight: float = 0.0


@dataclass(frozen=True)
class Dispute:
    id: str
    topic_id: int
    a: Claim
    b: Claim
    score: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    event_id: str | None = None  # the event both claims report, if they were grouped into one


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready data (tuples become lists)."""
    return _plain(asdict(record))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# ---- contested facts (claimcheck.facts) ---------------------------------------------------------

VERDICTS = ("confirmed", "not_a_dispute", "needs_checking")  # a reviewer's verdict on a contested fact


@dataclass(frozen=True)
class Origin:
    """One independent origin of what some articles carry: a wire story and its reprints, or one
    agency's quote. ``name`` is the agency credited ("AFP") or else the outlet of the earliest article."""

    name: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    agency: str | None = None


@dataclass(frozen=True)
class Version:
    """What one side of a contested fact holds, and who holds it. ``id`` is ``v:`` + a hash of the
    sorted claim ids; ``backing`` grows with the number of independent origins (see claimcheck.facts)."""

    id: str
    label: str  # the version in its representative claim's words ("denies that Tal Ruwaq had fallen")
    position: tuple[str, ...]  # the words that carry the disagreement on this side ("some 40", "rebels")
    claim_ids: tuple[str, ...]
    sources: tuple[str, ...]
    camps: tuple[str, ...]
    outlets: tuple[str, ...]
    articles: tuple[str, ...]
    origins: tuple[Origin, ...]
    backing: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ContestedFact:
    """Disputed pairs about one thing (an event, or one disputed proposition within a topic), with
    the versions each side holds. ``id`` is stable across runs (see claimcheck.facts.fact_id)."""

    id: str
    label: str
    score: float
    topic_id: int | None
    event_id: str | None
    versions: tuple[Version, ...]
    dispute_ids: tuple[str, ...]
    reasons: tuple[tuple[str, int], ...] = ()  # (reason kind, number of pairs giving it)


@dataclass(frozen=True)
class Review:
    """A reviewer's verdict on a contested fact, with an optional rating per version (for ClaimReview)."""

    fact_id: str
    verdict: str | None  # one of VERDICTS, or None (a note or ratings only)
    note: str = ""
    ratings: tuple[tuple[str, str], ...] = ()  # (version id, rating as the reviewer wrote it)
    reviewer: str | None = None
    reviewed: str | None = None  # the date of the review, as the reviewer's tool wrote it
