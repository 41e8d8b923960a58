"""The terminal reports: disputed pairs by topic, and the contested facts with versions side by side.
Fixed width and no control characters, so the bytes do not depend on the terminal or the articles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from claimcheck.records import Claim, Dispute, Topic
from claimcheck.report.rows import RunOutputs


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
