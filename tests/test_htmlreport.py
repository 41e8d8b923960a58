"""The HTML report and the review round trip, from hand-made rows (the browser test runs the real thing)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from claimcheck import pipeline, report
from claimcheck.htmlreport import _utf16, plain_reason, web_url

HOSTILE = 'Rebels said the town <script>alert(1)</script> still holds \u2028 <img src=x onerror="alert(2)">. 😀 State TV said it fell.'


def _claim(cid: str, start: int, end: int, source: str, camp: str, stance: str = "asserts") -> dict:
    return {
        "schema": "claimcheck/2", "id": cid,
        "article": {"id": "evil", "path": "evil.txt", "outlet": "<b>Evil</b> Wire"},
        "text": HOSTILE[start:end], "span": {"start": start, "end": end},
        "sentence": {"start": 0, "end": len(HOSTILE), "text": HOSTILE},
        "source": {"name": source, "camp": camp, "kind": "named", "mention": None},
        "cue": {"start": 7, "end": 11, "text": "said"}, "stance": stance, "quantities": [],
        "evidence": [{"article": "evil", "start": 56, "end": 62, "text": HOSTILE[56:62]}],
    }


def _version(vid: str, claim: dict, camp: str) -> dict:
    return {"id": vid, "label": claim["text"], "position": ["<i>holds</i>"], "backing": 0.75,
            "sources": [claim["source"]["name"]], "camps": [camp], "outlets": ["<b>Evil</b> Wire"], "independent": 1,
            "origins": [{"name": "<b>Evil</b> Wire", "agency": None, "articles": ["evil"], "outlets": []}],
            "articles": [{"id": "evil", "path": "evil.txt", "outlet": "<b>Evil</b> Wire", "title": "t",
                          "url": "javascript:alert(3)", "published": "2026-05-02"}],
            "claims": [claim]}


def outputs(review: dict | None = None) -> report.RunOutputs:
    a = _claim("evil#1", 14, 62, "rebels <script>alert(4)</script>", "opposition")
    b = _claim("evil#2", 111, 118, "State TV", "government")
    fact = {"schema": "claimcheck/2", "id": "f:1", "label": "the town <script>alert(5)</script>", "score": 0.7,
            "topic": {"id": 0, "label": "town"}, "event": None, "reasons": {"polarity": 1},
            "versions": [_version("v:a", a, "opposition"), _version("v:b", b, "government")],
            "pairs": [{"id": "d:1", "score": 0.93, "a": "evil#1", "b": "evil#2", "versions": ["v:a", "v:b"],
                       "reasons": [{"kind": "polarity", "detail": "opposite outcomes on control: 'holds' vs 'fell'", "weight": 0.9}]}],
            "review": review}
    article = {"schema": "claimcheck/2", "id": "evil", "path": "evil.txt", "outlet": "<b>Evil</b> Wire",
               "title": "<script>alert(6)</script>", "url": "javascript:alert(3)", "published": None,
               "body_start": 0, "text": HOSTILE}
    event = {"schema": "claimcheck/2", "id": "e:1", "label": "capture, Orsk", "type": "capture", "date": "2026-05-01",
             "until": None, "precision": "day", "places": ["orsk"], "claim_ids": [], "sources": [], "camps": [], "articles": []}
    return report.RunOutputs(articles=(article,), claims=(a, b), facts=(fact,), events=(event,))


def test_everything_from_the_input_is_escaped():
    page = report.render_html(outputs({"verdict": "confirmed", "note": "</textarea><script>alert(7)</script>",
                                       "ratings": {"v:a": "False"}, "reviewer": None, "reviewed": None}))
    assert page.count("<script") == 2  # the data block and the report's own script
    markup = re.sub(r'<script type="application/json" id="cc-data">.*?</script>', "", page, flags=re.S)
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in markup and "&lt;script&gt;alert(5)" in markup
    assert "<img" not in page and "<b>Evil" not in page and "<i>" not in page and "onerror=&quot;alert(2)" in markup
    assert 'href="javascript' not in page
    assert "&lt;/textarea&gt;&lt;script&gt;alert(7)" in page


def test_article_text_is_carried_exactly_and_unsafe_urls_are_dropped():
    page = report.render_html(outputs())
    block = re.search(r'<script type="application/json" id="cc-data">(.*?)</script>', page, flags=re.S).group(1)
    assert "<" not in block and "\u2028" not in block
    (art,) = json.loads(block)["articles"]
    assert art["text"] == HOSTILE and art["url"] is None
    assert web_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert web_url("javascript:alert(1)") is None and web_url("data:text/html,x") is None and web_url(None) is None


def test_the_policy_allows_only_the_reports_own_style_and_script():
    page = report.render_html(outputs())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    for tag in ("style", "script"):
        body = re.findall(rf"<{tag}>(.*?)</{tag}>", page, flags=re.S)
        assert len(body) == 1
        digest = base64.b64encode(hashlib.sha256(body[0].encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp
    markup = re.sub(r"<script.*?</script>", "", page, flags=re.S)
    assert not re.search(r"<[^>]*\s(style|on\w+)=", markup)  # no inline style or handler the policy would block


def test_same_rows_same_bytes_and_offsets_in_utf16():
    assert report.render_html(outputs()) == report.render_html(outputs())
    assert _utf16(HOSTILE, len(HOSTILE)) == len(HOSTILE.encode("utf-16-le")) // 2
    page = report.render_html(outputs())
    s, e = re.findall(r'href="#read:0:(\d+):(\d+)"', page)[0]
    assert (int(s), int(e)) == (14, 62)
    last = re.findall(r'href="#read:0:(\d+):(\d+)"', page)[-1]
    assert HOSTILE.encode("utf-16-le")[2 * int(last[0]):2 * int(last[1])].decode("utf-16-le") == HOSTILE[111:118]


def test_timeline_marks_contested_events():
    rows = outputs()
    fact = {**rows.facts[0], "event": {"id": "e:1", "label": "capture, Orsk", "type": "capture", "date": "2026-05-01"}}
    page = report.render_html(report.RunOutputs(articles=rows.articles, claims=rows.claims, facts=(fact,), events=rows.events))
    assert 'class="ev contested"' in page and 'href="#f:1"' in page


def test_reasons_in_plain_words():
    assert plain_reason({"kind": "numeric", "detail": "'some 40' vs '12' (people killed)"}) == \
        "Different figures: 'some 40' against '12' (people killed)"
    assert plain_reason({"kind": "explicit_denial", "detail": "rebels denies ('denied') what the army asserts (similarity 0.80)"}) \
        == "Denial: rebels denies ('denied') what the army asserts"
    assert plain_reason({"kind": "learned", "detail": "stances: for vs against"}).startswith("The stance model")
    assert "only reports it as alleged: 'reportedly'" in plain_reason(
        {"kind": "polarity", "detail": "opposite outcomes on control: 'x' vs 'y'; hedged: 'reportedly'"})


def _write(path: Path, rows) -> Path:
    report.write_jsonl(path, rows)
    return path


def test_verdicts_come_back_keyed_by_fact_and_unknown_facts_are_reported(tmp_path: Path):
    facts = _write(tmp_path / "facts.jsonl", outputs().facts)
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text(
        json.dumps({"fact": "f:1", "verdict": "needs checking", "note": "call the ministry", "ratings": {"v:b": "Mostly false"}}) + "\n"
        + json.dumps({"fact": "f:gone", "verdict": "confirmed"}) + "\n"
        + json.dumps({"fact": "f:1", "verdict": "maybe"}) + "\n"
        + "{not json\n", encoding="utf-8")
    rows = pipeline.read_outputs([facts], verdicts=[verdicts])
    assert rows.facts[0]["review"]["verdict"] == "needs_checking"
    assert rows.facts[0]["review"]["ratings"] == {"v:b": "Mostly false"}
    messages = sorted(str(p) for p in rows.problems)
    assert any(":2: verdict for fact f:gone" in m for m in messages)
    assert any(":3: verdict 'maybe' is not one of" in m for m in messages)
    assert any(":4: not JSON" in m for m in messages)
    page = report.render_html(rows)
    assert 'value="needs_checking" checked' in page and '<option value="Mostly false" selected>' in page


def test_a_reviewers_edited_facts_file_is_valid_input(tmp_path: Path):
    edited = dict(outputs().facts[0], verdict="not a dispute", reviewer_initials="JS")
    rows = pipeline.read_outputs([_write(tmp_path / "facts.jsonl", [edited])])
    assert rows.problems == () and rows.facts[0]["review"]["verdict"] == "not_a_dispute"


def test_claimreview_exports_only_what_a_reviewer_rated(tmp_path: Path):
    rated = outputs({"verdict": "confirmed", "note": "checked", "ratings": {"v:b": "False"},
                     "reviewer": "Desk", "reviewed": "2026-05-03"})
    doc, unrated = report.claimreview(rated)
    assert doc["@context"] == "https://schema.org" and unrated == 0
    (item,) = doc["@graph"]
    assert item["@type"] == "ClaimReview" and item["reviewRating"] == {"@type": "Rating", "alternateName": "False"}
    assert item["claimReviewed"] == HOSTILE[111:118]
    assert item["itemReviewed"]["author"] == [{"@type": "Organization", "name": "State TV"}]
    assert item["author"] == {"@type": "Organization", "name": "Desk"} and item["datePublished"] == "2026-05-03"
    assert "url" not in item["itemReviewed"]["appearance"][0]  # a javascript: URL is no appearance URL
    doc, unrated = report.claimreview(outputs({"verdict": "confirmed", "note": "", "ratings": {}}))
    assert doc["@graph"] == [] and unrated == 1


def test_terminal_facts_report_puts_versions_side_by_side_and_caps_facts():
    rows = outputs({"verdict": "confirmed", "note": "rang both \x1b[31mred", "ratings": {"v:b": "False"},
                    "reviewer": None, "reviewed": None})
    second = {**rows.facts[0], "id": "f:2", "score": 0.5, "label": "another \x1b]0;title\x07 thing", "review": None}
    both = report.RunOutputs(facts=rows.facts + (second,), articles=rows.articles)
    text = report.render_facts(both, top=0)
    assert text.startswith("claimcheck: 1 article, 1 disputed pair, 2 contested facts\n")
    assert any(line.lstrip().startswith("A: <i>holds</i>") and "\u2502 B: <i>holds</i>" in line for line in text.splitlines())
    assert "1 outlet, 1 independent source (<b>Evil" in text  # the terminal shows text as it is, no markup
    assert "review: confirmed dispute \u2014 rang both [31mred" in text and "rated: False" in text
    assert "\x1b" not in text and "\x07" not in text
    assert text.index("f:1") < text.index("f:2")  # strongest first
    capped = report.render_facts(both, top=1)
    assert "f:2" not in capped and "... and 1 more contested fact" in capped
    assert all(len(line) <= report.REPORT_WIDTH for line in text.splitlines())


def test_report_and_export_commands(tmp_path: Path):
    from typer.testing import CliRunner

    from claimcheck.cli import app

    facts = _write(tmp_path / "facts.jsonl", outputs().facts)
    articles = _write(tmp_path / "articles.jsonl", outputs().articles)
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text(json.dumps({"fact": "f:1", "verdict": "confirmed", "ratings": {"v:a": "Misleading"},
                                    "reviewer": "Desk", "reviewed": "2026-05-04"}) + "\n", encoding="utf-8")
    runner = CliRunner()
    page = tmp_path / "out" / "report.html"
    res = runner.invoke(app, ["report", str(articles), str(facts), "--verdicts", str(verdicts), "--html", str(page)])
    assert res.exit_code == 0, res.output
    assert page.read_text(encoding="utf-8") == report.render_html(pipeline.read_outputs([facts, articles], [verdicts]))
    res = runner.invoke(app, ["report", str(facts)])
    assert res.exit_code == 0 and "1. the town" in res.stdout
    out = tmp_path / "claimreview.jsonld"
    res = runner.invoke(app, ["export", "claimreview", str(verdicts), "--facts", str(facts), "-o", str(out), "--author", "Desk Org"])
    assert res.exit_code == 0, res.output
    (item,) = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    assert item["reviewRating"]["alternateName"] == "Misleading" and item["author"]["name"] == "Desk Org"
    res = runner.invoke(app, ["report", str(tmp_path / "missing.jsonl")])
    assert res.exit_code == 2 and "missing.jsonl" in res.stderr and "Traceback" not in res.output


def test_a_run_on_sentence_is_shown_around_its_claim():
    from claimcheck.htmlreport import _sentence_html

    text = ("filler words here " * 60) + "the bridge at Orsk was shelled on Monday" + (" and more words" * 60)
    start = text.index("the bridge")
    shown = _sentence_html({"sentence": {"start": 0, "end": len(text), "text": text},
                            "span": {"start": start, "end": start + 40}, "cue": None, "evidence": []})
    assert shown.startswith("\u2026 ") and shown.endswith(" \u2026") and len(shown) < 600
    assert '<span class="mc">the bridge at Orsk was shelled on Monday</span>' in shown
