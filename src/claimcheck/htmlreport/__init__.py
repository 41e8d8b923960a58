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

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from claimcheck.htmlreport.assets import _CSS, _JS
from claimcheck.htmlreport.parts import (
    CLAIMS_SHOWN, CONTEXT_CHARS, PAIRS_SHOWN, RATINGS, REASON_WORDS, SENTENCE_CHARS, VERDICT_WORDS, VERSIONS_SHOWN,
    _attrs, _Camps, _e, _json_block, _n,
    _sha256, _timeline, _bars, _utf16, outlet_camps, plain_reason, web_url,
)
from claimcheck.report import origin_names, version_letter  # report imports this module only when rendering

__all__ = ["outlet_camps", "plain_reason", "render", "web_url", "_utf16"]


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

