"""The report's own stylesheet and script, inlined into the page (and hashed into its CSP)."""

from claimcheck.records import SCHEMA

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
      lines.push(JSON.stringify({schema: '__SCHEMA__', fact: fact.dataset.fact, label: fact.dataset.label,
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
""".replace("__SCHEMA__", SCHEMA)  # the verdicts it downloads carry the schema of the run
