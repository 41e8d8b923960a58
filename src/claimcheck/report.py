"""The only serializer: claims, disputes and articles as JSON lines, and the terminal report.

Every JSON line carries ``schema``; key order is fixed and floats rounded, so the same input gives
the same bytes. Files are written atomically: a temporary file beside the target, then a rename,
so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import jsonlines

from claimcheck.errors import InputError
from claimcheck.records import SCHEMA, Article, Claim, Dispute, Quantity, Span, Topic

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
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            count = _write_rows(handle, rows)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


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
