"""The only serializer: claims, disputes and articles as JSON lines, and the terminal report.

Every JSON line carries ``schema``; key order is fixed and floats rounded, so the same input gives
the same bytes. Files are written atomically: a temporary file beside the target, then a rename,
so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import jsonlines

from claimcheck.errors import InputError
from claimcheck.records import (
    SCHEMA, VERDICTS, Article, Claim, ContestedFact, Dispute, Event, Problem, Quantity, Review, Span, Topic, to_dict,
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
            "camp": claim.source.camp,
            "kind": claim.source.kind,
            "mention": _span(claim.source.mention),
        },
        "cue": _span(claim.cue),
        "stance": claim.stance,
        "quantities": [_quantity(q) for q in claim.quantities],
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
        "title": article.title, "url": article.url, "published": article.published,
        "body_start": article.body_start, "text": article.text,
    }


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def write_jsonl(target: str | Path | IO[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Write rows as JSON lines to a path (atomically) or an open text stream; returns the count."""
    if not isinstance(target, (str, Path)):
        return _write_rows(target, rows)
    with _atomic(target) as handle:
        return _write_rows(handle, rows)


@contextlib.contextmanager
def _atomic(target: str | Path) -> Iterator[IO[str]]:
    """A text file that appears at ``target`` only when complete: a temporary file beside it, then a rename."""
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_rows(handle: IO[str], rows: Iterable[Mapping[str, Any]]) -> int:
    count = 0
    with jsonlines.Writer(handle, dumps=dumps, flush=False) as writer:
        for row in rows:
            writer.write(row)
            count += 1
    return count


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Rows of a JSONL file written by claimcheck (extra fields, such as a reviewer's verdict, are kept)."""
    try:
        with jsonlines.open(path) as reader:
            yield from reader.iter(type=dict)
    except jsonlines.InvalidLineError as exc:
        raise InputError(f"{path}:{getattr(exc, 'lineno', '?')}: not a JSON object line") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None


def claim_rows(claims: Sequence[Claim], topics: Sequence[Topic] | None = None,
               topic_of: Sequence[int] | None = None) -> Iterator[dict[str, Any]]:
    for i, claim in enumerate(claims):
        topic = topics[topic_of[i]] if topics is not None and topic_of is not None else None
        yield claim_json(claim, topic)


def dispute_rows(disputes: Sequence[Dispute], topics: Sequence[Topic]) -> Iterator[dict[str, Any]]:
    by_id = {t.id: t for t in topics}
    for dispute in disputes:
        yield dispute_json(dispute, by_id[dispute.topic_id])


# ---- terminal report -------------------------------------------------------------------------

def _who(claim: Claim) -> str:
    name = claim.source.name or ("unresolved speaker" if claim.source.kind == "unresolved" else "unknown")
    camp = f" [{claim.source.camp}]" if claim.source.camp else ""
    return f"{name}{camp}"


def _side(claim: Claim) -> list[str]:
    verb = {"denies": "denying", "questions": "asking"}.get(claim.stance, "asserting")
    where = claim.article.path or claim.article.id
    return [
        f"    {_who(claim)}, {verb}: \u201c{_clip(claim.text)}\u201d",
        f"      {where} @{claim.span.start}-{claim.span.end}" + (f" ({claim.article.outlet})" if claim.article.outlet else ""),
    ]


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def render_report(articles: int, claims: int, topics: Sequence[Topic], disputes: Sequence[Dispute],
                  per_topic: int = 0) -> str:
    """The human-readable report: topics with their disputed pairs, strongest first; with
    ``per_topic`` > 0 only that many pairs of each topic (the JSONL output keeps them all)."""
    lines = [
        f"claimcheck: {_n(articles, 'article')}, {_n(claims, 'claim')}, {_n(len(topics), 'topic')}, "
        f"{_n(len(disputes), 'disputed pair')}",
    ]
    by_topic: dict[int, list[Dispute]] = {}
    for d in disputes:
        by_topic.setdefault(d.topic_id, []).append(d)
    topic_by_id = {t.id: t for t in topics}
    order = sorted(by_topic, key=lambda t: (-max(d.score for d in by_topic[t]), t))
    for topic_id in order:
        topic = topic_by_id[topic_id]
        lines.append("")
        lines.append(f"Topic {topic.id}: {topic.label}  ({len(topic.claim_ids)} claims; "
                     f"sources: {', '.join(topic.sources[:6]) or 'none'})")
        ranked = sorted(by_topic[topic_id], key=lambda d: (-d.score, d.id))
        shown = ranked[:per_topic] if per_topic > 0 else ranked
        for d in shown:
            lines.append(f"  dispute {d.id}  score {d.score:.2f}")
            lines.extend(_side(d.a))
            lines.extend(_side(d.b))
            for r in d.reasons:
                words = "; ".join(f"\u201c{_clip(e.text, 40)}\u201d" for e in r.evidence[:4])
                lines.append(f"    - {r.kind}: {r.detail}" + (f"  [{words}]" if words else ""))
        if len(shown) < len(ranked):
            lines.append(f"  ... and {_n(len(ranked) - len(shown), 'more disputed pair')} in this topic")
    if not disputes:
        lines.append("")
        lines.append("No disputed claims found.")
    return "\n".join(lines) + "\n"


# ---- contested facts, reviews, run outputs read back ---------------------------------------------

def read_rows(path: str | Path) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    """The JSON object lines of a file with their line numbers; a bad line is a problem, not the end."""
    rows: list[tuple[int, dict[str, Any]]] = []
    problems: list[Problem] = []
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or 'cannot read'}") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(Problem(str(path), f"not JSON ({exc.msg})", number))
                    continue
                if not isinstance(row, dict):
                    problems.append(Problem(str(path), "not a JSON object", number))
                    continue
                rows.append((number, row))
        except UnicodeDecodeError:
            problems.append(Problem(str(path), "not UTF-8 text (rest of file skipped)"))
    return rows, problems


def _verdict(value: Any) -> str | None:
    if value is None or value == "":
        return None
    key = str(value).strip().casefold().replace("-", "_").replace(" ", "_")
    key = {"confirmed_dispute": "confirmed", "dispute": "confirmed", "not_dispute": "not_a_dispute"}.get(key, key)
    if key not in VERDICTS:
        raise ValueError(f"verdict {value!r} is not one of {', '.join(VERDICTS)}")
    return key


def review_from_row(row: Mapping[str, Any]) -> Review | None:
    """A review from a verdicts line (``fact``, ``verdict``, ``note``, ``ratings``), or from a
    facts line that carries one (``review``, or a ``verdict`` a reviewer added); None if neither.
    Raises ValueError for a line that means to be a review but is malformed."""
    if "versions" in row and "id" in row:  # a facts line
        given = row.get("review")
        if given is None and "verdict" in row:
            given = {"verdict": row.get("verdict"), "note": row.get("note", "")}
        if given is None:
            return None
        if not isinstance(given, Mapping):
            raise ValueError("review is not an object")
        row = {**given, "fact": row["id"]}
    if "fact" not in row:
        return None
    if not isinstance(row["fact"], str) or not row["fact"]:
        raise ValueError("fact is not a fact id")
    ratings = row.get("ratings") or {}
    if not isinstance(ratings, Mapping) or not all(isinstance(v, str) for v in ratings.values()):
        raise ValueError("ratings is not an object of version id -> rating text")
    note = row.get("note") or ""
    if not isinstance(note, str):
        raise ValueError("note is not text")
    return Review(
        fact_id=row["fact"], verdict=_verdict(row.get("verdict")), note=note,
        ratings=tuple(sorted((str(k), v.strip()) for k, v in ratings.items() if v.strip())),
        reviewer=row.get("reviewer") if isinstance(row.get("reviewer"), str) else None,
        reviewed=row.get("reviewed") if isinstance(row.get("reviewed"), str) else None,
    )


def read_reviews(paths: Sequence[str | Path]) -> tuple[list[Review], list[Problem], dict[str, tuple[str, int]]]:
    """Reviews from verdicts files (later lines and files win for a fact), the problems met, and
    where each kept review came from (fact id -> (path, line))."""
    found: dict[str, Review] = {}
    where: dict[str, tuple[str, int]] = {}
    problems: list[Problem] = []
    for path in paths:
        rows, bad = read_rows(path)
        problems.extend(bad)
        for number, row in rows:
            try:
                review = review_from_row(row)
            except ValueError as exc:
                problems.append(Problem(str(path), str(exc), number))
                continue
            if review is None:
                continue
            found[review.fact_id] = review
            where[review.fact_id] = (str(path), number)
    return [found[k] for k in sorted(found)], problems, where


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


# ---- the contested facts, in the terminal --------------------------------------------------------

REPORT_WIDTH = 100  # fixed, so the report's bytes do not depend on the terminal
VERSIONS_SHOWN = 6  # versions of a fact shown in the terminal (a topic of many events can have hundreds)
VERDICT_WORDS = {"confirmed": "confirmed dispute", "not_a_dispute": "not a dispute", "needs_checking": "needs checking"}
_CONTROL = dict.fromkeys([*range(0, 9), *range(11, 32), 127, *range(0x80, 0xA0)], " ")


def _flat(text: Any) -> str:
    """Text for the terminal: one line, no control characters (an article's ESC cannot reach it)."""
    return " ".join(str(text or "").translate(_CONTROL).split())


def origin_names(origins: Sequence[Mapping[str, Any]], most: int) -> str:
    """"AFP x3, Anadolu": the origins' names, each once with its count, the largest first."""
    counts: dict[str, int] = {}
    for o in origins:
        name = _flat(o.get("name"))
        counts[name] = counts.get(name, 0) + 1
    shown = [f"{n} \u00d7{k}" if k > 1 else n for n, k in list(counts.items())[:most]]
    return ", ".join(shown) + (", ..." if len(counts) > most else "")


def backing_words(version: Mapping[str, Any]) -> str:
    """"3 outlets, 1 independent source (AFP)"."""
    outlets = len(version.get("outlets") or ()) or len({a.get("id") for a in version.get("articles") or ()})
    origins = version.get("origins") or []
    names = origin_names(origins, 3)
    count = version.get("independent", len(origins))
    return f"{_n(outlets, 'outlet')}, {count} independent source{'' if count == 1 else 's'}" + (f" ({names})" if names else "")


def _who_row(claim: Mapping[str, Any]) -> str:
    source = claim.get("source") or {}
    name = source.get("name") or ("unresolved speaker" if source.get("kind") == "unresolved" else "unknown")
    return _flat(name) + (f" [{_flat(source['camp'])}]" if source.get("camp") else "")


def _version_lines(letter: str, v: Mapping[str, Any], ratings: Mapping[str, str], per_version: int) -> list[str]:
    out = [f"{letter}: " + " \u00b7 ".join(_flat(p) for p in v.get("position") or ()) if v.get("position") else f"{letter}:"]
    out.append("\u201c" + _clip(_flat(v.get("label")), 200) + "\u201d")
    by_source: dict[str, None] = {}
    for c in v.get("claims") or ():
        by_source.setdefault(_who_row(c), None)
    out.append("by " + "; ".join(list(by_source)[:4]) + ("; ..." if len(by_source) > 4 else ""))
    out.append(backing_words(v))
    claims = list(v.get("claims") or ())
    for c in claims[:per_version] if per_version > 0 else claims:
        art = c.get("article") or {}
        span = c.get("span") or {}
        outlet = f", {_flat(art['outlet'])}" if art.get("outlet") else ""
        out.append(f"- {_who_row(c).split(' [')[0]}{outlet} ({_flat(art.get('id'))} @{span.get('start')}-{span.get('end')})")
    if 0 < per_version < len(claims):
        out.append(f"- ... and {_n(len(claims) - per_version, 'more claim')}")
    if v.get("id") in ratings:
        out.append(f"rated: {_flat(ratings[v['id']])}")
    return out


def version_letter(k: int) -> str:
    """A, B, ... Z, then 27, 28, ...: how the reports name a fact's versions."""
    return chr(ord("A") + k) if k < 26 else str(k + 1)


def _columns(blocks: list[list[str]], width: int) -> list[str]:
    import textwrap

    gap = " \u2502 "
    col = (width - len(gap) * (len(blocks) - 1)) // len(blocks)
    wrapped = [[w for line in block for w in (textwrap.wrap(line, col, subsequent_indent="  ") or [""])]
               for block in blocks]
    height = max(len(b) for b in wrapped)
    return [gap.join(b[i].ljust(col) if i < len(b) else " " * col for b in wrapped).rstrip()
            for i in range(height)]


def render_facts(outputs: RunOutputs, top: int = 10, per_version: int = 3, width: int = REPORT_WIDTH) -> str:
    """The contested facts, strongest first, each with its versions side by side (at most three
    columns a row); ``top`` > 0 shows only that many facts, ``per_version`` > 0 that many claims
    of each version (the facts JSONL keeps everything)."""
    facts = sorted(outputs.facts, key=lambda f: (-float(f.get("score") or 0), str(f["id"])))
    pairs = len(outputs.disputes) or len({p.get("id") for f in facts for p in f.get("pairs") or ()})
    parts = []
    if outputs.articles:
        parts.append(_n(len(outputs.articles), "article"))
    if outputs.claims:
        parts.append(_n(len(outputs.claims), "claim"))
    if outputs.topics is not None:
        parts.append(_n(outputs.topics, "topic"))
    if outputs.events:
        parts.append(_n(len(outputs.events), "event"))
    parts += [_n(pairs, "disputed pair"), _n(len(facts), "contested fact")]
    lines = ["claimcheck: " + ", ".join(parts)]
    shown = facts[:top] if top > 0 else facts
    for rank, fact in enumerate(shown, start=1):
        lines.append("")
        lines.append(f"{rank}. " + _clip(_flat(fact.get("label")), width - 4))
        where = fact.get("event") or fact.get("topic") or {}
        kinds = ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in (fact.get("reasons") or {}).items())
        about = (f"event {_flat(where.get('label') or where.get('id'))}" if fact.get("event")
                 else f"topic {where.get('id')}: {_flat(where.get('label'))}" if where else "")
        lines.extend("   " + x for x in _columns([[
            f"fact {fact['id']}  score {float(fact.get('score') or 0):.2f}  {_n(len(fact.get('pairs') or ()), 'pair')}"
            + (f" ({kinds})" if kinds else "") + (f"  {about}" if about else "")]], width - 3))
        review = fact.get("review") or {}
        ratings = review.get("ratings") or {}
        versions = list(fact.get("versions") or ())
        for start in range(0, min(len(versions), VERSIONS_SHOWN), 3):
            lines.append("")
            blocks = [_version_lines(version_letter(start + k), v, ratings, per_version)
                      for k, v in enumerate(versions[start:min(start + 3, VERSIONS_SHOWN)])]
            lines.extend("   " + x for x in _columns(blocks, width - 3))
        if len(versions) > VERSIONS_SHOWN:
            lines.append("")
            lines.append(f"   ... and {_n(len(versions) - VERSIONS_SHOWN, 'more version')} (the facts file and the HTML report have them all)")
        if review.get("verdict") or review.get("note"):
            verdict = VERDICT_WORDS.get(review.get("verdict"), "no verdict")
            lines.append("")
            lines.append(f"   review: {verdict}" + (f" \u2014 {_clip(_flat(review['note']), width - 30)}"
                                                    if review.get("note") else ""))
    if len(shown) < len(facts):
        lines.append("")
        lines.append(f"... and {_n(len(facts) - len(shown), 'more contested fact')} (--top 0 shows all; --facts FILE keeps all)")
    if not facts:
        lines.append("")
        lines.append("No contested facts found.")
    return "\n".join(lines) + "\n"


# ---- the HTML report and ClaimReview -------------------------------------------------------------

def render_html(outputs: RunOutputs) -> str:
    """The self-contained HTML report (claimcheck.htmlreport)."""
    from claimcheck import htmlreport

    return htmlreport.render(outputs)


def write_text(target: str | Path | IO[str], text: str) -> None:
    """Write text to a path (atomically, like the JSONL files) or an open stream."""
    if not isinstance(target, (str, Path)):
        target.write(text)
        return
    with _atomic(target) as handle:
        handle.write(text)


def claimreview(outputs: RunOutputs, author: str | None = None) -> tuple[dict[str, Any], int]:
    """schema.org ClaimReview JSON-LD for each version a reviewer rated (the rating as the
    reviewer wrote it: claimcheck never makes one up), and how many reviewed facts had no rated
    version. ``author`` (the fact-checking organisation) defaults to each review's reviewer."""
    from claimcheck.htmlreport import web_url

    graph = []
    unrated = 0
    for fact in sorted(outputs.facts, key=lambda f: str(f["id"])):
        review = fact.get("review") or {}
        ratings = review.get("ratings") or {}
        rated = [v for v in fact.get("versions") or () if ratings.get(v.get("id"))]
        if review and not rated:
            unrated += 1
        for v in rated:
            arts = sorted(v.get("articles") or (), key=lambda a: (a.get("published") is None, a.get("published") or "", str(a.get("id"))))
            appearance = []
            for a in arts:
                work: dict[str, Any] = {"@type": "CreativeWork"}
                if web_url(a.get("url")):
                    work["url"] = web_url(a.get("url"))
                if a.get("title"):
                    work["headline"] = a["title"]
                if a.get("outlet"):
                    work["publisher"] = {"@type": "Organization", "name": a["outlet"]}
                if a.get("published"):
                    work["datePublished"] = a["published"]
                appearance.append(work)
            claim: dict[str, Any] = {
                "@type": "Claim",
                "author": [{"@type": "Organization", "name": name} for name in v.get("sources") or ()],
                "appearance": appearance,
            }
            dates = [a["published"] for a in arts if a.get("published")]
            if dates:
                claim["datePublished"] = dates[0]
            if appearance:
                claim["firstAppearance"] = appearance[0]
            item: dict[str, Any] = {
                "@type": "ClaimReview",
                "identifier": f"{fact['id']} {v.get('id')}",
                "claimReviewed": v.get("label"),
                "itemReviewed": claim,
                "reviewRating": {"@type": "Rating", "alternateName": ratings[v["id"]]},
            }
            by = author or review.get("reviewer")
            if by:
                item["author"] = {"@type": "Organization", "name": by}
            if review.get("reviewed"):
                item["datePublished"] = review["reviewed"]
            if review.get("note"):
                item["reviewBody"] = review["note"]
            graph.append(item)
    return {"@context": "https://schema.org", "@graph": graph}, unrated


def write_json(target: str | Path | IO[str], obj: Any) -> None:
    write_text(target, json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
