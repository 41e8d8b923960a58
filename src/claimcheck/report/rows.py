"""Records as JSON rows: the one place that decides each line's keys and their order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimcheck.records import (
    SCHEMA, Article, Claim, ContestedFact, Dispute, Event, EventFrame, Problem, Quantity, Review, Span, Topic, to_dict,
)

SCORE_DIGITS = 4


def _span(span: Span | None, with_text: bool = True) -> dict[str, Any] | None:
    if span is None:
        return None
    out: dict[str, Any] = {"start": span.start, "end": span.end}
    if with_text:
        out["text"] = span.text
    return out


def _quantity(q: Quantity) -> dict[str, Any]:
    return {
        "value": q.value, "approximate": q.approximate, "counted": q.counted,
        "low": q.low, "high": q.high, "span": _span(q.span),
    }


def frame_json(frame: EventFrame | None) -> dict[str, Any] | None:
    """A claim's event frame: what happened, when (the words and the resolved interval), where, who
    did it and to whom; ``id`` is the corpus event it was grouped into (null before grouping)."""
    if frame is None:
        return None
    t = frame.time
    return {
        "id": frame.id, "type": frame.type, "lemma": frame.lemma, "trigger": _span(frame.trigger),
        "time": None if t is None else {"text": t.text, "start": t.start, "end": t.end, "date": t.date,
                                        "until": t.until, "precision": t.precision},
        "places": [{"text": p.text, "start": p.start, "end": p.end, "key": p.key, "within": p.within}
                   for p in frame.places],
        "agents": [{"name": a.name, "camp": a.camp, "span": _span(a.span)} for a in frame.agents],
        "victims": [{"value": v.value, "category": v.category, "outcome": v.outcome, "approximate": v.approximate,
                     "low": v.low, "high": v.high, "span": _span(v.span)} for v in frame.victims],
    }


def claim_json(claim: Claim, topic: Topic | None = None) -> dict[str, Any]:
    """A claim as in `claimcheck claims`; with ``topic``, as in `claimcheck run --claims`."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "id": claim.id,
        "article": {"id": claim.article.id, "path": claim.article.path, "outlet": claim.article.outlet},
        "text": claim.text,
        "span": _span(claim.span, with_text=False),
        "sentence": _span(claim.sentence),
        "source": {
            "name": claim.source.name,
            "affiliation": claim.source.affiliation,
            "camp": claim.source.camp,
            "kind": claim.source.kind,
            "mention": _span(claim.source.mention),
        },
        "cue": _span(claim.cue),
        "stance": claim.stance,
        "quantities": [_quantity(q) for q in claim.quantities],
        "event": frame_json(claim.event),
    }
    if topic is not None:
        out["topic"] = {"id": topic.id, "label": topic.label}
    return out


def dispute_json(dispute: Dispute, topic: Topic) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "id": dispute.id,
        "topic": {"id": topic.id, "label": topic.label},
        "event": dispute.event_id,
        "score": round(dispute.score, SCORE_DIGITS),
        "reasons": [
            {
                "kind": r.kind,
                "detail": r.detail,
                "weight": round(r.weight, SCORE_DIGITS),
                "evidence": [
                    {"article": e.article_id, "start": e.start, "end": e.end, "text": e.text} for e in r.evidence
                ],
            }
            for r in dispute.reasons
        ],
        "a": claim_json(dispute.a, topic),
        "b": claim_json(dispute.b, topic),
    }


def article_json(article: Article) -> dict[str, Any]:
    """An article with the exact text that claim offsets point into."""
    return {
        "schema": SCHEMA, "id": article.id, "path": article.path, "outlet": article.outlet,
        "title": article.title, "url": article.url, "published": article.published, "date": article.date,
        "body_start": article.body_start, "text": article.text,
    }


def claim_rows(claims: Sequence[Claim], topics: Sequence[Topic] | None = None,
               topic_of: Sequence[int] | None = None) -> Iterator[dict[str, Any]]:
    for i, claim in enumerate(claims):
        topic = topics[topic_of[i]] if topics is not None and topic_of is not None else None
        yield claim_json(claim, topic)


def dispute_rows(disputes: Sequence[Dispute], topics: Sequence[Topic]) -> Iterator[dict[str, Any]]:
    by_id = {t.id: t for t in topics}
    for dispute in disputes:
        yield dispute_json(dispute, by_id[dispute.topic_id])


def _evidence(e) -> dict[str, Any]:
    return {"article": e.article_id, "start": e.start, "end": e.end, "text": e.text}


def _reasons(reasons, with_evidence: bool = True) -> list[dict[str, Any]]:
    out = []
    for r in reasons:
        row: dict[str, Any] = {"kind": r.kind, "detail": r.detail, "weight": round(r.weight, SCORE_DIGITS)}
        if with_evidence:
            row["evidence"] = [_evidence(e) for e in r.evidence]
        out.append(row)
    return out


def review_json(review: Review) -> dict[str, Any]:
    return {"verdict": review.verdict, "note": review.note, "ratings": dict(review.ratings),
            "reviewer": review.reviewer, "reviewed": review.reviewed}


def verdict_json(review: Review, label: str | None = None) -> dict[str, Any]:
    """A verdicts line, as the HTML report downloads them (keyed by ``fact``)."""
    return {"schema": SCHEMA, "fact": review.fact_id, "label": label, **review_json(review)}


def event_json(event: Event) -> dict[str, Any]:
    return {"schema": SCHEMA, **to_dict(event)}


def fact_json(fact: ContestedFact, claims: Mapping[str, Claim], disputes: Mapping[str, Dispute],
              articles: Mapping[str, Article], topics: Mapping[int, Topic] | None = None,
              events: Mapping[str, Event] | None = None, review: Review | None = None) -> dict[str, Any]:
    """A contested fact as in `claimcheck run --facts`: its versions with their claims in full."""
    topic = (topics or {}).get(fact.topic_id) if fact.topic_id is not None else None
    event = (events or {}).get(fact.event_id) if fact.event_id is not None else None
    versions = []
    for v in fact.versions:
        rows = []
        for cid in v.claim_ids:
            claim = claims[cid]
            row = claim_json(claim)
            row["evidence"] = [_evidence(e) for e in v.evidence if e.article_id == claim.article.id
                               and claim.sentence.start <= e.start and e.end <= claim.sentence.end]
            rows.append(row)
        versions.append({
            "id": v.id, "label": v.label, "position": list(v.position), "backing": v.backing,
            "sources": list(v.sources), "camps": list(v.camps), "outlets": list(v.outlets),
            "independent": len(v.origins),
            "origins": [{"name": o.name, "agency": o.agency, "articles": list(o.articles), "outlets": list(o.outlets)}
                        for o in v.origins],
            "articles": [_article_meta(articles.get(a), a) for a in v.articles],
            "claims": rows,
        })
    side = {cid: k for k, v in enumerate(fact.versions) for cid in v.claim_ids}
    pairs = []
    for did in fact.dispute_ids:
        d = disputes[did]
        pairs.append({"id": d.id, "score": round(d.score, SCORE_DIGITS), "a": d.a.id, "b": d.b.id,
                      "versions": [fact.versions[side[d.a.id]].id, fact.versions[side[d.b.id]].id],
                      "reasons": _reasons(d.reasons, with_evidence=False)})
    return {
        "schema": SCHEMA,
        "id": fact.id,
        "label": fact.label,
        "score": round(fact.score, SCORE_DIGITS),
        "topic": None if topic is None else {"id": topic.id, "label": topic.label},
        "event": None if fact.event_id is None else {
            "id": fact.event_id, "label": getattr(event, "label", None), "type": getattr(event, "type", None),
            "date": getattr(event, "date", None)},
        "reasons": dict(fact.reasons),
        "versions": versions,
        "pairs": pairs,
        "review": None if review is None else review_json(review),
    }


def _article_meta(article: Article | None, article_id: str) -> dict[str, Any]:
    if article is None:
        return {"id": article_id, "path": None, "outlet": None, "title": None, "url": None, "published": None}
    return {"id": article.id, "path": article.path, "outlet": article.outlet, "title": article.title,
            "url": article.url, "published": article.published}


def fact_rows(facts: Sequence[ContestedFact], claims: Sequence[Claim], disputes: Sequence[Dispute],
              articles: Sequence[Article], topics: Sequence[Topic] = (), events: Sequence[Event] = (),
              reviews: Sequence[Review] = ()) -> Iterator[dict[str, Any]]:
    by_claim = {c.id: c for c in claims}
    by_claim.update({c.id: c for d in disputes for c in (d.a, d.b)})
    by_dispute = {d.id: d for d in disputes}
    by_article = {a.id: a for a in articles}
    by_topic = {t.id: t for t in topics}
    by_event = {e.id: e for e in events}
    by_review = {r.fact_id: r for r in reviews}
    for fact in facts:
        yield fact_json(fact, by_claim, by_dispute, by_article, by_topic, by_event, by_review.get(fact.id))


@dataclass(frozen=True)
class RunOutputs:
    """The JSON lines of a run, by kind: what the HTML and the facts report are made from, both
    at `claimcheck run` time and when `claimcheck report` reads them back from files."""

    articles: tuple[dict[str, Any], ...] = ()
    claims: tuple[dict[str, Any], ...] = ()
    disputes: tuple[dict[str, Any], ...] = ()
    facts: tuple[dict[str, Any], ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    problems: tuple[Problem, ...] = ()
    topics: int | None = None  # how many topics the run had, when known
    outlet_camps: Mapping[str, str | None] | None = None  # by the camps file; None: not known


def outlet_camps_of(articles: Iterable[Any], camps: Any) -> dict[str, str | None] | None:
    """Each outlet's camp by the camps file (articles as records or rows); None without camps."""
    if not camps:  # no camps file (or an empty one): the report infers camps from the claims
        return None
    outlets = {a.outlet if isinstance(a, Article) else a.get("outlet") for a in articles} - {None}
    return {o: camps.camp_of(o) for o in sorted(outlets)}


def run_outputs(result: Any) -> RunOutputs:
    """The rows of a pipeline CheckResult (events, when the result has them)."""
    events = tuple(getattr(result, "events", ()) or ())
    return RunOutputs(
        outlet_camps=outlet_camps_of(result.articles, getattr(result, "camps", None)),
        articles=tuple(article_json(a) for a in result.articles),
        claims=tuple(claim_rows(result.claims, result.topics, result.topic_of)),
        disputes=tuple(dispute_rows(result.disputes, result.topics)),
        facts=tuple(fact_rows(result.facts, result.claims, result.disputes, result.articles, result.topics,
                              events, result.reviews)),
        events=tuple(event_json(e) for e in events),
        topics=len(result.topics),
    )


ROW_KINDS = ("articles", "claims", "disputes", "facts", "events")


def row_kind(row: Mapping[str, Any]) -> str | None:
    """Which kind of claimcheck line this is, by its fields (extra fields do not matter)."""
    if "a" in row and "b" in row and "reasons" in row:
        return "disputes"
    if "versions" in row and "id" in row:
        return "facts"
    if "text" in row and "body_start" in row and "id" in row:
        return "articles"
    if "claim_ids" in row and "type" in row and "id" in row:
        return "events"
    if "stance" in row and "span" in row and "source" in row and "id" in row:
        return "claims"
    if "fact" in row:
        return "verdicts"
    return None


def fact_row_problem(row: Mapping[str, Any]) -> str | None:
    """Why a facts line cannot be rendered (None if it can): the fields the report reads."""
    if not isinstance(row.get("id"), str):
        return "fact id is not text"
    versions = row.get("versions")
    if not isinstance(versions, list) or not all(isinstance(v, dict) for v in versions):
        return f"fact {row['id']}: versions is not a list of objects"
    for v in versions:
        claims = v.get("claims", [])
        if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
            return f"fact {row['id']}: a version's claims is not a list of objects"
    if not isinstance(row.get("score", 0), (int, float)):
        return f"fact {row['id']}: score is not a number"
    return None
