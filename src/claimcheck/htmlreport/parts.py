"""Small pieces of the HTML report: escaping, links, plain-words reasons, camp colours, the timeline and bars."""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlsplit

PALETTE = ("#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#c026d3", "#854d0e")
NO_CAMP = "#6b7280"
CLAIMS_SHOWN = 4  # claims of a version shown before "more"
VERSIONS_SHOWN = 6  # versions of a fact shown before "more" (a topic of many events can have hundreds)
SENTENCE_CHARS = 600  # a longer sentence is shown as its claim with CONTEXT_CHARS either side
CONTEXT_CHARS = 160
PAIRS_SHOWN = 25  # pairs listed under "why" before "more in the disputes file"
VERDICT_WORDS = {"confirmed": "confirmed dispute", "not_a_dispute": "not a dispute", "needs_checking": "needs checking"}
RATINGS = ("True", "Mostly true", "Half true", "Mostly false", "False", "Misleading", "Unproven")
REASON_WORDS = {
    "explicit_denial": ("one side denies what the other says", "Denial"),
    "polarity": ("opposite outcomes", "Opposite outcomes"),
    "numeric": ("different figures", "Different figures"),
    "responsibility": ("blamed on different actors", "Blamed on different actors"),
    "learned": ("opposite stances (stance model)", "The stance model reads them as opposite sides"),
    "update": ("a later update, not a dispute", "A later report updates the figure: not a dispute"),
}


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _attrs(**attrs: Any) -> str:
    return "".join(f' {k.rstrip("_").replace("_", "-")}="{_e(v)}"' for k, v in attrs.items() if v is not None)


def _json_block(obj: Any) -> str:
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def web_url(url: Any) -> str | None:
    """``url`` if it is an http(s) address, else None (a ``javascript:`` URL never becomes a link)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _utf16(text: str, index: int) -> int:
    """A Python (code point) offset as a JavaScript (UTF-16) one."""
    index = max(0, min(index, len(text)))
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def plain_reason(reason: Mapping[str, Any]) -> str:
    """A reason in plain words: its kind's sentence, then the words that carry it."""
    kind = str(reason.get("kind"))
    detail = str(reason.get("detail") or "")
    lead = REASON_WORDS.get(kind, (kind, kind.replace("_", " ").capitalize()))[1]
    hedge = ""
    if "; hedged: " in detail:
        detail, words = detail.split("; hedged: ", 1)
        hedge = f" (one side only reports it as alleged: {words})"
    detail = detail.split(" (similarity")[0].replace(" vs ", " against ")
    if kind == "learned":
        return lead + hedge
    if kind == "polarity" and ": " in detail:
        detail = detail.split(": ", 1)[1]
    return f"{lead}: {detail}{hedge}"


# ---- the overview ---------------------------------------------------------------------------------

def outlet_camps(claims: Sequence[Mapping[str, Any]], outlets: Iterable[str]) -> dict[str, str | None]:
    """Each outlet's camp: that of its own (narrator) claims, else of a source named like it."""
    narrator: dict[str, str | None] = {}
    named: dict[str, str | None] = {}
    for c in claims:
        source = c.get("source") or {}
        outlet = (c.get("article") or {}).get("outlet")
        if source.get("camp") and outlet and source.get("kind") == "narrator":
            narrator.setdefault(outlet, source["camp"])
        if source.get("camp") and source.get("name"):
            named.setdefault(str(source["name"]).casefold(), source["camp"])
    return {o: narrator.get(o) or named.get(o.casefold()) for o in sorted(set(outlets))}


def _day(value: Any) -> int | None:
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def _timeline(events: Sequence[Mapping[str, Any]], contested: Mapping[str, str]) -> str:
    dated = sorted(((d, e) for e in events if (d := _day(e.get("date"))) is not None),
                   key=lambda de: (de[0], str(de[1].get("id"))))
    undated = len(events) - len(dated)
    if not events:
        return '<p class="muted">No events in this run (the events stage found none, or no events file was given).</p>'
    if not dated:
        return f'<p class="muted">{_n(len(events), "event")}, none with a date.</p>'
    lo, hi = dated[0][0], dated[-1][0]
    width, left, right = 1000, 40, 40
    span = max(hi - lo, 1)
    x = {id(e): left + (width - left - right) * ((d - lo) / span if hi > lo else 0.5) for d, e in dated}
    parts = [f'<svg class="timeline" viewBox="0 0 {width} 64" role="img" aria-label="timeline of events">',
             f'<line x1="{left}" y1="30" x2="{width - right}" y2="30" class="axis"/>']
    ticks = [(lo, left), (hi, width - right)] if hi > lo else [(lo, width / 2)]
    for d, tx in ticks:
        parts.append(f'<text x="{tx:.1f}" y="58" class="tick">{_e(date.fromordinal(d).isoformat())}</text>')
    for d, e in dated:
        fid = contested.get(str(e.get("id")))
        cls = "ev contested" if fid else "ev"
        title = f"{e.get('label') or e.get('id')} ({date.fromordinal(d).isoformat()})" + (" \u2014 contested" if fid else "")
        circle = (f'<circle cx="{x[id(e)]:.1f}" cy="30" r="{8 if fid else 5}" class="{cls}"><title>{_e(title)}</title></circle>')
        parts.append(f'<a href="#{_e(fid)}">{circle}</a>' if fid else circle)
    parts.append("</svg>")
    items = "".join(f'<li><a href="#{_e(fid)}">{_e(e.get("label") or e.get("id"))}</a> <span class="muted">{_e(e.get("date"))}</span></li>'
                    for _, e in dated if (fid := contested.get(str(e.get("id")))))
    legend = (f'<p class="muted"><span class="dot contested"></span> contested \u00a0 <span class="dot"></span> other events'
              + (f" \u00a0 ({_n(undated, 'event')} without a date)" if undated else "") + "</p>")
    return "".join(parts) + legend + (f'<ul class="contested-events">{items}</ul>' if items else "")


def _bars(counts: Mapping[str, int]) -> str:
    if not counts:
        return '<p class="muted">No disputed pairs.</p>'
    top = max(counts.values())
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    height = 26 * len(rows)
    parts = [f'<svg class="bars" viewBox="0 0 640 {height}" role="img" aria-label="disputed pairs by reason">']
    for k, (kind, n) in enumerate(rows):
        y = 26 * k
        w = 240 * n / top
        words = REASON_WORDS.get(kind, (kind.replace("_", " "),))[0]
        parts.append(f'<text x="0" y="{y + 17}" class="bar-label">{_e(kind.replace("_", " "))}</text>'
                     f'<rect x="110" y="{y + 5}" width="{w:.1f}" height="16" rx="3" class="bar"><title>{_e(words)}</title></rect>'
                     f'<text x="{116 + w:.1f}" y="{y + 17}" class="bar-count">{n} \u2014 {_e(words)}</text>')
    parts.append("</svg>")
    return "".join(parts)


# ---- a contested fact -----------------------------------------------------------------------------

class _Camps:
    def __init__(self, camps: Iterable[str]) -> None:
        self.index = {c: k for k, c in enumerate(sorted(set(camps)))}

    def cls(self, camp: Any) -> str:
        k = self.index.get(camp) if camp else None
        return "camp-none" if k is None else f"camp-{k % len(PALETTE)}"

    def css(self) -> str:
        rules = [f".camp-none{{--camp:{NO_CAMP}}}"]
        rules += [f".camp-{k}{{--camp:{c}}}" for k, c in enumerate(PALETTE)]
        return "".join(rules)

