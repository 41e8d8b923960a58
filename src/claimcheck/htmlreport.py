"""The HTML report: one self-contained file (inline CSS and JS, no network) made from a run's JSON
lines (claimcheck.report.RunOutputs). Used only through claimcheck.report.

Article text is untrusted. Everything taken from the input is escaped into the markup, or carried
as JSON in a non-executed ``<script type="application/json">`` block (with ``<``, ``>`` and ``&``
as ``\\u`` escapes, so it cannot close the block) and put on the page with ``textContent`` only.
A Content-Security-Policy meta tag allows no network and only this module's own style and script,
by their SHA-256 hashes: even markup that slipped through could not run. Links to articles are
made only for http(s) URLs. The same rows give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from claimcheck.report import origin_names, version_letter  # report imports this module only when rendering

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


def _sentence_html(claim: Mapping[str, Any]) -> str:
    """The claim's sentence with its content, reporting cue and evidence words marked."""
    sentence = claim.get("sentence") or {}
    text = str(sentence.get("text") or claim.get("text") or "")
    base = int(sentence.get("start") or 0) if sentence else int((claim.get("span") or {}).get("start") or 0)
    marks = [set() for _ in text]

    def mark(start: Any, end: Any, what: str) -> None:
        if not isinstance(start, int) or not isinstance(end, int):
            return
        for i in range(max(start - base, 0), min(end - base, len(text))):
            marks[i].add(what)

    span = claim.get("span") or {}
    mark(span.get("start"), span.get("end"), "c")
    cue = claim.get("cue") or {}
    mark(cue.get("start"), cue.get("end"), "q")
    for ev in claim.get("evidence") or ():
        if isinstance(ev, Mapping) and (ev.get("start"), ev.get("end")) != (span.get("start"), span.get("end")):
            mark(ev.get("start"), ev.get("end"), "e")
    lo, hi = 0, len(text)
    if len(text) > SENTENCE_CHARS:  # a run-on "sentence" (bad segmentation): the claim and some context
        marked = [k for k, m in enumerate(marks) if "c" in m] or [0]
        lo = max(0, marked[0] - CONTEXT_CHARS)
        hi = min(len(text), max(marked[-1] + 1 + CONTEXT_CHARS, lo + SENTENCE_CHARS // 2))
        lo = text.rfind(" ", 0, lo) + 1 if lo > 0 else 0
        hi = (text.find(" ", hi) if text.find(" ", hi) >= 0 else len(text)) if hi < len(text) else hi
    out, i = ["\u2026 " if lo > 0 else ""], lo
    while i < hi:
        j = i
        while j < hi and marks[j] == marks[i]:
            j += 1
        chunk = _e(text[i:j])
        out.append(f'<span class="{" ".join("m" + m for m in sorted(marks[i]))}">{chunk}</span>' if marks[i] else chunk)
        i = j
    return "".join(out) + (" \u2026" if hi < len(text) else "")


def _claim_html(claim: Mapping[str, Any], camps: _Camps, articles: Mapping[str, tuple[int, str]]) -> str:
    source = claim.get("source") or {}
    art = claim.get("article") or {}
    name = source.get("name") or ("unresolved speaker" if source.get("kind") == "unresolved" else "unknown")
    camp = source.get("camp")
    stance = {"denies": "denies", "questions": "asks"}.get(str(claim.get("stance")), "says")
    span = claim.get("span") or {}
    link = '<span class="muted">article text not in the inputs</span>'
    if art.get("id") in articles and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
        idx, text = articles[art["id"]]
        href = f"#read:{idx}:{_utf16(text, span['start'])}:{_utf16(text, span['end'])}"
        link = f'<a class="open"{_attrs(href=href)}>open the article at this passage</a>'

    return (f'<li class="claim">'
            f'<div class="who"><span class="src {camps.cls(camp)}">{_e(name)}</span>'
            + (f' <span class="camp-name">{_e(camp)}</span>' if camp else "")
            + f' <span class="stance">{stance}</span>, in <span class="outlet">{_e(art.get("outlet") or art.get("id"))}</span></div>'
            f'<blockquote>{_sentence_html(claim)}</blockquote>'
            f'<div class="where">{link} <span class="muted">{_e(art.get("id"))} @{_e(span.get("start"))}\u2013{_e(span.get("end"))}</span></div>'
            f'</li>')


def _backing(version: Mapping[str, Any]) -> str:
    outlets = len(version.get("outlets") or ()) or len({a.get("id") for a in version.get("articles") or ()})
    origins = list(version.get("origins") or ())
    count = version.get("independent", len(origins))
    names = origin_names(origins, 4)
    weak = " weak" if count == 1 else ""
    title = f"backing {version.get('backing')}: wire copies and reprints count once"
    return (f'<p class="backing{weak}"{_attrs(title=title)}>'
            f'{_n(outlets, "outlet")}, {count} independent source{"" if count == 1 else "s"}'
            + (f" ({_e(names)})" if names else "") + "</p>")


def _version_html(letter: str, v: Mapping[str, Any], camps: _Camps, articles: Mapping[str, tuple[int, str]],
                  rating: str | None) -> str:
    camp_list = list(v.get("camps") or ())
    cls = camps.cls(camp_list[0]) if len(camp_list) == 1 else "camp-none"
    chips = "".join(f'<span class="chip">{_e(p)}</span>' for p in v.get("position") or ())
    claims = list(v.get("claims") or ())
    shown = "".join(_claim_html(c, camps, articles) for c in claims[:CLAIMS_SHOWN])
    more = ""
    if len(claims) > CLAIMS_SHOWN:
        rest = "".join(_claim_html(c, camps, articles) for c in claims[CLAIMS_SHOWN:])
        more = f'<details class="more"><summary>{_n(len(claims) - CLAIMS_SHOWN, "more claim")}</summary><ul class="claims">{rest}</ul></details>'
    options = "".join(f'<option{_attrs(value=r)}{" selected" if r == rating else ""}>{_e(r)}</option>' for r in RATINGS)
    if rating and rating not in RATINGS:
        options += f'<option{_attrs(value=rating)} selected>{_e(rating)}</option>'
    sources = "".join(f'<span class="src {camps.cls((c.get("source") or {}).get("camp"))}">{_e(name)}</span> '
                      for name, c in _first_by_source(claims))
    return (f'<section class="version {cls}"{_attrs(data_version=v.get("id"))}>'
            f'<h3><span class="letter">{letter}</span> {chips}</h3>'
            f'<p class="holds">\u201c{_e(v.get("label"))}\u201d</p>'
            f'<p class="sources">{sources}</p>'
            f'{_backing(v)}'
            f'<ul class="claims">{shown}</ul>{more}'
            f'<label class="rating">Rating of version {letter} <span class="muted">(for ClaimReview)</span> '
            f'<select{_attrs(data_version=v.get("id"))}><option value="">not rated</option>{options}</select></label>'
            f'</section>')


def _first_by_source(claims: Sequence[Mapping[str, Any]]) -> list[tuple[str, Mapping[str, Any]]]:
    seen: dict[str, Mapping[str, Any]] = {}
    for c in claims:
        source = c.get("source") or {}
        seen.setdefault(str(source.get("name") or "unknown"), c)
    return list(seen.items())


def _pairs_html(fact: Mapping[str, Any], claims: Mapping[str, Mapping[str, Any]], letters: Mapping[str, str]) -> str:
    pairs = list(fact.get("pairs") or ())
    items = []
    for p in pairs[:PAIRS_SHOWN]:
        a, b = claims.get(p.get("a"), {}), claims.get(p.get("b"), {})

        def who(c: Mapping[str, Any]) -> str:
            source = (c.get("source") or {}).get("name") or "unknown"
            outlet = (c.get("article") or {}).get("outlet")
            return f"{source} ({outlet})" if outlet else str(source)

        versions = p.get("versions") or [None, None]
        reasons = "".join(f"<li>{_e(plain_reason(r))}</li>" for r in p.get("reasons") or ())
        items.append(f'<li><span class="score-small">{float(p.get("score") or 0):.2f}</span> '
                     f'<b>{_e(letters.get(versions[0], "?"))}</b> {_e(who(a))} against '
                     f'<b>{_e(letters.get(versions[1], "?"))}</b> {_e(who(b))}'
                     f'<ul class="reasons">{reasons}</ul></li>')
    more = (f'<p class="muted">\u2026 and {_n(len(pairs) - PAIRS_SHOWN, "more pair")} (all are in the disputes and facts files)</p>'
            if len(pairs) > PAIRS_SHOWN else "")
    return (f'<details class="why"><summary>Why these disagree: {_n(len(pairs), "disputed pair")}</summary>'
            f'<ol class="pairs">{"".join(items)}</ol>{more}</details>')


def _fact_html(k: int, fact: Mapping[str, Any], camps: _Camps, articles: Mapping[str, tuple[int, str]]) -> str:
    versions = list(fact.get("versions") or ())
    letters = {v.get("id"): version_letter(i) for i, v in enumerate(versions)}
    claims = {c.get("id"): c for v in versions for c in v.get("claims") or ()}
    review = fact.get("review") or {}
    ratings = review.get("ratings") or {}
    score = float(fact.get("score") or 0)
    level = "hi" if score >= 0.75 else "mid" if score >= 0.5 else "lo"
    reasons = fact.get("reasons") or {}
    fact_camps = sorted({c for v in versions for c in v.get("camps") or ()})
    outlets = sorted({str((c.get("article") or {}).get("outlet")) for c in claims.values() if (c.get("article") or {}).get("outlet")})
    where = fact.get("event") or {}
    about = (f'event: {_e(where.get("label") or where.get("id"))}' if fact.get("event")
             else f'topic {_e((fact.get("topic") or {}).get("id"))}: {_e((fact.get("topic") or {}).get("label"))}'
             if fact.get("topic") else "")
    why = ", ".join(f"{REASON_WORDS.get(kind, (kind,))[0]} ({n})" for kind, n in reasons.items())
    verdict = review.get("verdict")
    radios = "".join(
        f'<label><input type="radio"{_attrs(name=f"verdict-{k}", value=key)}{" checked" if verdict == key else ""}> {_e(words)}</label>'
        for key, words in VERDICT_WORDS.items())
    cells = [_version_html(letters[v.get("id")], v, camps, articles, ratings.get(v.get("id"))) for v in versions]
    body = "".join(cells[:VERSIONS_SHOWN])
    if len(cells) > VERSIONS_SHOWN:
        body += (f'<details class="more-versions"><summary>{_n(len(cells) - VERSIONS_SHOWN, "more version")}</summary>'
                 f'<div class="versions">{"".join(cells[VERSIONS_SHOWN:])}</div></details>')
    attrs = _attrs(id=fact.get("id"), data_fact=fact.get("id"), data_score=f"{score:.4f}",
                   data_camps=json.dumps(fact_camps), data_outlets=json.dumps(outlets),
                   data_reasons=json.dumps(sorted(reasons)), data_label=fact.get("label"))
    meta = " \u00b7 ".join(x for x in (about, _n(len(versions), "version"), _e(why),
                                        f'<span class="fid">{_e(fact.get("id"))}</span>') if x)
    badge = _e(VERDICT_WORDS.get(verdict, "not reviewed"))
    return (
        f'<article class="fact"{attrs}>'
        f'<header><span class="score {level}" title="fact score: the strongest pair, weighed by how '
        f'independently each side is carried">{score:.2f}</span>'
        f'<div><h2>{_e(fact.get("label"))}</h2><p class="meta">{meta}</p></div>'
        f'<span class="verdict-badge"{_attrs(data_verdict=verdict or "")}>{badge}</span></header>'
        f'<div class="versions">{body}</div>'
        f'{_pairs_html(fact, claims, letters)}'
        f'<fieldset class="review"><legend>Review</legend><div class="radios">{radios}'
        f'<button type="button" class="clear">clear</button></div>'
        f'<textarea rows="2" placeholder="note (what you checked, what is still open)">{_e(review.get("note") or "")}</textarea>'
        f'</fieldset></article>')


# ---- the page --------------------------------------------------------------------------------------

def render(outputs: Any) -> str:
    """The whole report for a claimcheck.report.RunOutputs."""
    facts = sorted(outputs.facts, key=lambda f: (-float(f.get("score") or 0), str(f.get("id"))))
    articles_rows = {str(a.get("id")): a for a in outputs.articles}
    wanted = sorted({str((c.get("article") or {}).get("id")) for f in facts for v in f.get("versions") or ()
                     for c in v.get("claims") or ()} & set(articles_rows))
    embedded = {aid: (k, str(articles_rows[aid].get("text") or "")) for k, aid in enumerate(wanted)}
    data = {"articles": [{
        "id": aid, "outlet": articles_rows[aid].get("outlet"), "title": articles_rows[aid].get("title"),
        "published": articles_rows[aid].get("published"), "url": web_url(articles_rows[aid].get("url")),
        "text": embedded[aid][1]} for aid in wanted]}

    all_camps = {c for f in facts for v in f.get("versions") or () for c in v.get("camps") or ()}
    all_camps |= {(c.get("source") or {}).get("camp") for c in outputs.claims} - {None}
    all_camps |= set((outputs.outlet_camps or {}).values()) - {None}
    camps = _Camps(all_camps)
    outlets = {str(a.get("outlet")) for a in outputs.articles if a.get("outlet")}
    outlets |= {str((c.get("article") or {}).get("outlet")) for c in outputs.claims if (c.get("article") or {}).get("outlet")}
    fact_outlets = sorted({str((c.get("article") or {}).get("outlet")) for f in facts for v in f.get("versions") or ()
                           for c in v.get("claims") or () if (c.get("article") or {}).get("outlet")})
    outlets |= set(fact_outlets)
    by_camp: dict[str | None, list[str]] = {}
    known = outputs.outlet_camps
    placed = {o: known.get(o) for o in sorted(outlets)} if known is not None else outlet_camps(outputs.claims, outlets)
    for outlet, camp in placed.items():
        by_camp.setdefault(camp, []).append(outlet)
    if outputs.disputes:
        kinds = Counter(k for d in outputs.disputes for k in {r.get("kind") for r in d.get("reasons") or ()})
    else:
        kinds = Counter(k for f in facts for p in f.get("pairs") or () for k in {r.get("kind") for r in p.get("reasons") or ()})
    pairs = len(outputs.disputes) or len({p.get("id") for f in facts for p in f.get("pairs") or ()})
    contested = {str((f.get("event") or {}).get("id")): str(f.get("id")) for f in facts if f.get("event")}
    n_articles = len(outputs.articles) or len({str((c.get("article") or {}).get("id")) for f in facts
                                               for v in f.get("versions") or () for c in v.get("claims") or ()})

    def stat(value: Any, label: str) -> str:
        return f'<div class="stat"><b>{_e(value)}</b><span>{_e(label)}</span></div>'

    stats = "".join([
        stat(n_articles, "articles" if outputs.articles else "articles in facts"),
        stat(len(outlets), "outlets"),
        stat(len(outputs.claims) if outputs.claims else "\u2013", "claims"),
        stat(len(outputs.events) if outputs.events else "\u2013" if not outputs.claims else 0, "events"),
        stat(len(facts), "contested facts"),
        stat(pairs, "disputed pairs"),
    ])
    camp_rows = "".join(
        f'<li><span class="src {camps.cls(camp)}">{_e(camp or "no camp")}</span> '
        f'{_e(", ".join(names))}</li>'
        for camp, names in sorted(by_camp.items(), key=lambda kv: (kv[0] is None, kv[0] or "")))
    options = {
        "camp": sorted(all_camps & {c for f in facts for v in f.get("versions") or () for c in v.get("camps") or ()}),
        "outlet": fact_outlets,
        "reason": sorted({k for f in facts for k in f.get("reasons") or {}}),
    }

    def select(name: str, label: str) -> str:
        opts = "".join(f'<option{_attrs(value=o)}>{_e(o.replace("_", " ") if name == "reason" else o)}</option>' for o in options[name])
        return f'<label>{label} <select{_attrs(id=f"f-{name}")}><option value="">any</option>{opts}</select></label>'

    controls = (
        '<div class="controls">'
        '<label class="search">Search <input type="search" id="f-search" placeholder="words, sources, outlets"></label>'
        f'{select("camp", "Camp")}{select("outlet", "Outlet")}{select("reason", "Reason")}'
        '<label>Score \u2265 <input type="range" id="f-score" min="0" max="1" step="0.05" value="0"> <output id="f-score-value">0.00</output></label>'
        '<label>Review <select id="f-review"><option value="">any</option><option value="none">not reviewed</option>'
        + "".join(f'<option{_attrs(value=k)}>{_e(w)}</option>' for k, w in VERDICT_WORDS.items())
        + '</select></label>'
        '<span id="shown" class="muted"></span>'
        '</div>'
        '<div class="controls review-bar"><label>Reviewer <input type="text" id="reviewer" placeholder="your name"></label>'
        '<button type="button" id="download">Download verdicts (JSONL)</button>'
        '<span id="review-status" class="muted"></span></div>')
    cards = "".join(_fact_html(k, f, camps, embedded) for k, f in enumerate(facts)) or '<p class="muted">No contested facts found.</p>'

    style = _CSS + camps.css()
    script = _JS
    csp = (f"default-src 'none'; img-src data:; style-src {_sha256(style)}; script-src {_sha256(script)}; "
           "base-uri 'none'; form-action 'none'")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'  # our constants and base64 only
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<title>claimcheck: {_n(len(facts), "contested fact")}</title><style>{style}</style></head><body>'
        '<header class="top"><h1>claimcheck <span>contested facts</span></h1>'
        '<p class="muted">Who says what, who denies it, and on what evidence. Each card is one contested fact; its '
        'versions stand side by side. Scores weigh each side by its independent sources: reprints of one wire story count once.</p></header>'
        f'<section class="overview"><div class="stats">{stats}</div>'
        f'<div class="panels"><div class="panel"><h4>Outlets by camp</h4><ul class="camps">{camp_rows or "<li class=muted>none</li>"}</ul></div>'
        f'<div class="panel"><h4>Disputed pairs by reason</h4>{_bars(kinds)}</div></div>'
        f'<div class="panel"><h4>Timeline of events</h4>{_timeline(outputs.events, contested)}</div></section>'
        f'{controls}<main id="facts">{cards}</main>'
        '<aside id="reader" hidden><div class="reader-head"><div><h3 id="reader-title"></h3><p id="reader-meta" class="muted"></p></div>'
        '<button type="button" id="reader-close">close</button></div><div id="reader-text"></div></aside>'
        f'<script type="application/json" id="cc-data">{_json_block(data)}</script>'
        f'<script>{script}</script></body></html>\n'
    )


_CSS = """
:root{--bg:#f6f7f9;--card:#fff;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#111827}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
.top,.overview,.controls,main{max-width:1280px;margin:0 auto;padding:0 20px}
.top h1{margin:18px 0 2px;font-size:24px}.top h1 span{color:var(--muted);font-weight:400}
.top p{margin:0 0 12px}
.muted{color:var(--muted)}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px 14px;min-width:120px}
.stat b{display:block;font-size:22px}.stat span{color:var(--muted);font-size:13px}
.panels{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;margin:10px 0}
.panel h4{margin:0 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.camps{list-style:none;margin:0;padding:0}.camps li{margin:4px 0}
.timeline{width:100%;height:64px}.timeline .axis{stroke:#9ca3af;stroke-width:2}
.timeline .ev{fill:#9ca3af}.timeline .ev.contested{fill:#dc2626;stroke:#fff;stroke-width:2}
.timeline .tick{font-size:12px;fill:var(--muted);text-anchor:middle}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;background:#9ca3af;vertical-align:middle}.dot.contested{background:#dc2626}
.contested-events{margin:4px 0 0;padding-left:18px}
.bars{width:100%;max-width:640px}.bars .bar{fill:#64748b}.bars text{font-size:13px;fill:var(--ink)}.bars .bar-count{fill:var(--muted)}
.controls{display:flex;flex-wrap:wrap;align-items:center;gap:10px 16px;margin:10px auto;padding-top:8px;padding-bottom:8px;background:var(--card);border:1px solid var(--line);border-radius:10px}
.controls label{font-size:14px}.controls .search input{width:240px}
input,select,textarea,button{font:inherit}
button{border:1px solid #cbd5e1;background:#f8fafc;border-radius:6px;padding:3px 10px;cursor:pointer}
button:hover{background:#eef2f7}
#download{background:var(--accent);color:#fff;border-color:var(--accent)}
main{padding-bottom:40px}
.fact{background:var(--card);border:1px solid var(--line);border-radius:12px;margin:14px 0;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.fact>header{display:flex;gap:12px;align-items:flex-start}
.fact>header>div{flex:1}
.fact h2{font-size:18px;margin:0}
.meta{margin:2px 0 0;color:var(--muted);font-size:13px}.fid{font-family:ui-monospace,monospace}
.score{font-weight:700;border-radius:8px;padding:4px 8px;color:#fff;min-width:52px;text-align:center}
.score.hi{background:#b91c1c}.score.mid{background:#d97706}.score.lo{background:#6b7280}
.verdict-badge{font-size:12px;border-radius:999px;padding:2px 10px;background:#f3f4f6;color:var(--muted);white-space:nowrap}
.verdict-badge[data-verdict=confirmed]{background:#fee2e2;color:#991b1b}
.verdict-badge[data-verdict=not_a_dispute]{background:#dcfce7;color:#166534}
.verdict-badge[data-verdict=needs_checking]{background:#fef3c7;color:#92400e}
.versions{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px;margin:12px 0 6px}
.version{border:1px solid var(--line);border-top:4px solid var(--camp);border-radius:10px;padding:10px 12px;background:#fcfcfd}
.version h3{margin:0 0 4px;font-size:14px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.letter{display:inline-block;background:var(--camp);color:#fff;border-radius:6px;padding:0 7px;font-weight:700}
.chip{background:#eef2ff;color:#3730a3;border-radius:999px;padding:1px 9px;font-weight:500}
.holds{font-size:16px;font-weight:600;margin:4px 0 6px}
.sources{margin:0 0 4px}
.src{display:inline-block;border-radius:6px;padding:0 7px;margin:1px 0;background:color-mix(in srgb,var(--camp) 14%,#fff);border:1px solid color-mix(in srgb,var(--camp) 45%,#fff);color:#111}
.camp-name{font-size:12px;color:var(--camp)}
.backing{margin:2px 0 6px;font-size:13px;color:#374151}.backing.weak::before{content:"\\26A0\\FE0E  ";color:#b45309}
.claims{list-style:none;margin:0;padding:0}
.claim{border-top:1px dashed var(--line);padding:6px 0}
.who{font-size:13px}.stance{color:var(--muted)}.outlet{font-weight:600}
blockquote{margin:4px 0;padding:4px 8px;border-left:3px solid var(--camp);background:#fff}
.mc{background:#fef9c3}.mq{font-weight:700;text-decoration:underline;text-decoration-color:#f59e0b;text-decoration-thickness:2px}
.me{background:#fde68a;border-radius:2px}
.where{font-size:12px}.open{color:#1d4ed8}
.more summary,.more-versions summary{cursor:pointer;font-size:13px;color:#1d4ed8;margin:4px 0}
.more-versions{grid-column:1/-1}
.rating{display:block;margin-top:8px;font-size:13px}
.why summary{cursor:pointer;color:#374151;font-weight:600;margin:6px 0}
.pairs{margin:0;padding-left:22px}.pairs>li{margin:4px 0}.reasons{margin:2px 0;color:#374151}
.score-small{font-family:ui-monospace,monospace;color:var(--muted)}
.review{border:1px solid var(--line);border-radius:10px;margin:8px 0 0;padding:6px 12px}
.review legend{font-weight:600;font-size:13px}
.radios{display:flex;flex-wrap:wrap;gap:14px;align-items:center;margin-bottom:6px}
.review textarea{width:100%}
#reader{position:fixed;top:0;right:0;width:min(640px,100%);height:100vh;background:#fff;border-left:1px solid var(--line);box-shadow:-8px 0 24px rgba(0,0,0,.12);display:flex;flex-direction:column;z-index:10}
#reader[hidden]{display:none}
.reader-head{display:flex;justify-content:space-between;gap:10px;padding:12px 16px;border-bottom:1px solid var(--line)}
.reader-head h3{margin:0;font-size:16px}.reader-head p{margin:2px 0 0;font-size:13px}
#reader-text{padding:12px 16px;overflow:auto;white-space:pre-wrap;flex:1;font-size:15px;line-height:1.6}
#reader-text mark{background:#fde047;padding:1px 0}
@media (max-width:800px){.panels{grid-template-columns:1fr}}
"""

_JS = """
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('cc-data').textContent);
  var facts = Array.prototype.slice.call(document.querySelectorAll('.fact'));
  var dirty = false;

  // ---- the article reader: text only, via textContent
  var reader = document.getElementById('reader');
  function openReader(index, start, end) {
    var art = data.articles[index];
    if (!art) { return; }
    document.getElementById('reader-title').textContent = art.title || art.id;
    var meta = document.getElementById('reader-meta');
    meta.textContent = [art.outlet, art.published, art.id].filter(Boolean).join(' \\u00b7 ');
    if (art.url && /^https?:\\/\\//i.test(art.url)) {
      var a = document.createElement('a');
      a.href = art.url; a.textContent = ' original'; a.rel = 'noopener noreferrer'; a.target = '_blank';
      meta.appendChild(a);
    }
    var box = document.getElementById('reader-text');
    box.textContent = '';
    var text = art.text;
    start = Math.max(0, Math.min(start, text.length)); end = Math.max(start, Math.min(end, text.length));
    box.appendChild(document.createTextNode(text.slice(0, start)));
    var mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    box.appendChild(mark);
    box.appendChild(document.createTextNode(text.slice(end)));
    reader.hidden = false;
    mark.scrollIntoView({block: 'center'});
  }
  function route() {
    var m = /^#read:(\\d+):(\\d+):(\\d+)$/.exec(location.hash);
    if (m) { openReader(+m[1], +m[2], +m[3]); }
  }
  window.addEventListener('hashchange', route);
  document.getElementById('reader-close').addEventListener('click', function () {
    reader.hidden = true;
    try { history.replaceState(null, '', location.pathname + location.search); } catch (e) { /* file: */ }
  });
  route();

  // ---- filters
  var byId = function (id) { return document.getElementById(id); };
  var score = byId('f-score');
  function verdictOf(fact) {
    var r = fact.querySelector('.review input[type=radio]:checked');
    return r ? r.value : '';
  }
  function applyFilters() {
    var camp = byId('f-camp').value, outlet = byId('f-outlet').value, reason = byId('f-reason').value;
    var review = byId('f-review').value, min = parseFloat(score.value);
    var words = byId('f-search').value.toLowerCase().split(/\\s+/).filter(Boolean);
    byId('f-score-value').textContent = min.toFixed(2);
    var shown = 0;
    facts.forEach(function (fact) {
      var ok = parseFloat(fact.dataset.score) >= min - 1e-9;
      if (ok && camp) { ok = JSON.parse(fact.dataset.camps).indexOf(camp) >= 0; }
      if (ok && outlet) { ok = JSON.parse(fact.dataset.outlets).indexOf(outlet) >= 0; }
      if (ok && reason) { ok = JSON.parse(fact.dataset.reasons).indexOf(reason) >= 0; }
      if (ok && review) { var v = verdictOf(fact); ok = review === 'none' ? v === '' : v === review; }
      if (ok && words.length) {
        var hay = fact.textContent.toLowerCase();
        ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
      }
      fact.hidden = !ok;
      if (ok) { shown += 1; }
    });
    byId('shown').textContent = 'showing ' + shown + ' of ' + facts.length;
  }
  ['f-camp', 'f-outlet', 'f-reason', 'f-review', 'f-score', 'f-search'].forEach(function (id) {
    byId(id).addEventListener('input', applyFilters);
    byId(id).addEventListener('change', applyFilters);
  });
  applyFilters();

  // ---- review: verdicts keyed by fact id, downloaded as JSON lines
  var WORDS = {confirmed: 'confirmed dispute', not_a_dispute: 'not a dispute', needs_checking: 'needs checking'};
  function reviewOf(fact) {
    var ratings = {};
    fact.querySelectorAll('select[data-version]').forEach(function (s) { if (s.value) { ratings[s.dataset.version] = s.value; } });
    return {verdict: verdictOf(fact) || null, note: fact.querySelector('.review textarea').value.trim(), ratings: ratings};
  }
  function status() {
    var n = facts.filter(function (f) { var r = reviewOf(f); return r.verdict || r.note || Object.keys(r.ratings).length; }).length;
    byId('review-status').textContent = n + ' of ' + facts.length + ' facts reviewed' + (dirty ? ' (not downloaded yet)' : '');
  }
  facts.forEach(function (fact) {
    var badge = fact.querySelector('.verdict-badge');
    function changed() {
      dirty = true;
      var v = verdictOf(fact);
      badge.dataset.verdict = v; badge.textContent = WORDS[v] || 'not reviewed';
      status();
    }
    fact.querySelector('.review').addEventListener('change', changed);
    fact.querySelector('.review textarea').addEventListener('input', changed);
    fact.querySelectorAll('select[data-version]').forEach(function (s) { s.addEventListener('change', changed); });
    fact.querySelector('.review .clear').addEventListener('click', function () {
      fact.querySelectorAll('.review input[type=radio]').forEach(function (r) { r.checked = false; });
      changed();
    });
  });
  byId('download').addEventListener('click', function () {
    var reviewer = byId('reviewer').value.trim() || null;
    var today = new Date().toISOString().slice(0, 10);
    var lines = [];
    facts.forEach(function (fact) {
      var r = reviewOf(fact);
      if (!r.verdict && !r.note && !Object.keys(r.ratings).length) { return; }
      lines.push(JSON.stringify({schema: 'claimcheck/1', fact: fact.dataset.fact, label: fact.dataset.label,
        verdict: r.verdict, note: r.note, ratings: r.ratings, reviewer: reviewer, reviewed: today}));
    });
    var blob = new Blob([lines.join('\\n') + (lines.length ? '\\n' : '')], {type: 'application/x-ndjson'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = 'verdicts.jsonl';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    dirty = false; status();
  });
  window.addEventListener('beforeunload', function (e) { if (dirty) { e.preventDefault(); e.returnValue = ''; } });
  status();
})();
"""
