"""The HTML report in a real browser: headless Chromium (Debian's `chromium`) driven by Playwright,
offline from a file:// URL, on the example corpus plus an agency story two outlets reprinted and a
hostile article (script tags, an onerror handler, javascript: URLs in its text, title and outlet).

Skips, saying why, when Playwright or Chromium is missing (.ci/run installs both). Set
CLAIMCHECK_SCREENSHOT=PATH to also save the screenshot there (docs/report.png is made that way).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

import claimcheck
from claimcheck import pipeline, report

CHROMIUM = next((p for p in (os.environ.get("CLAIMCHECK_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                             shutil.which("chromium-browser")) if p and Path(p).exists()), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

WIRE = ("KAFR HAMRA (AFP) - The Qadira Civil Defence said some 40 people were killed in the air strike on "
        "Kafr Hamra on Saturday, most of them civilians. Rescue teams searched the rubble through the night.")
REPRINTS = [  # the agency's story as two outlets ran it, each with small edits of its own
    {"id": "gulf-observer-1", "outlet": "Gulf Observer", "published": "2026-03-15", "title": "Dozens killed in Kafr Hamra",
     "text": WIRE.replace("through the night", "overnight")},
    {"id": "sabran-daily-7", "outlet": "Sabran Daily", "published": "2026-03-15", "title": "Strike kills some 40",
     "text": WIRE.replace("Rescue teams", "Rescuers")},
]
HOSTILE = {
    "id": "hostile-1", "outlet": "<img src=x onerror=\"window.__pwned=1;alert(1)\">Evil Wire",
    "url": "javascript:alert(document.domain)", "published": "2026-03-15",
    "title": "<script>window.__pwned=2;alert(2)</script>Tal Ruwaq",
    "text": ("<script>window.__pwned=3;alert(3)</script>Tal Ruwaq\n\n"
             "A rebel spokesman denied that Tal Ruwaq had fallen <img src=x onerror=\"window.__pwned=4;alert(4)\"> "
             "to the army. Read more <a href=\"javascript:window.__pwned=5;alert(5)\">here</a>."),
}


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (pip install -e '.[test]')")
    if CHROMIUM is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CLAIMCHECK_CHROMIUM)")
    with sync_api.sync_playwright() as pw:
        try:
            ctx = pw.chromium.launch_persistent_context(
                str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
                args=FLAGS, accept_downloads=True, viewport={"width": 1280, "height": 900}, offline=True)
        except Exception as exc:  # a browser that cannot start here is a missing browser, said clearly
            pytest.skip(f"Chromium at {CHROMIUM} did not start: {str(exc).splitlines()[0]}")
        yield ctx
        ctx.close()


@pytest.fixture(scope="module")
def run(tmp_path_factory, embedder):
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copytree(EXAMPLES, corpus / "examples")
    (corpus / "examples" / "reprints.jsonl").write_text("".join(json.dumps(r) + "\n" for r in REPRINTS), encoding="utf-8")
    (corpus / "examples" / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    result = claimcheck.check([corpus / "examples"], camps=EXAMPLES / "camps.toml", embedder=embedder)
    out = tmp_path_factory.mktemp("out")
    rows = report.run_outputs(result)
    report.write_jsonl(out / "facts.jsonl", rows.facts)
    report.write_text(out / "report.html", report.render_html(rows))
    return result, rows, out


def _open(ctx, path: Path):
    page = ctx.new_page()
    events = {"dialogs": [], "errors": [], "console": []}
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("console", lambda m: events["console"].append(m.text))
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(".fact")
    return page, events


def test_facts_versions_and_sources_are_in_the_page(browser_context, run, tmp_path):
    result, rows, out = run
    page, events = _open(browser_context, out / "report.html")
    cards = page.locator("article.fact")
    assert cards.count() == len(rows.facts) >= 4
    for fact in rows.facts:
        card = page.locator(f'article.fact[data-fact="{fact["id"]}"]')
        assert card.locator(".version").count() == len(fact["versions"])
        for version in fact["versions"]:
            assert card.locator(f'section.version[data-version="{version["id"]}"] .claim').count() == len(version["claims"])
    toll = next(f for f in rows.facts if any("some 40" in v["position"] for v in f["versions"]))
    forty = next(v for v in toll["versions"] if "some 40" in v["position"])
    text = page.locator(f'section.version[data-version="{forty["id"]}"] .backing').inner_text()
    reprints = {o["name"]: o for o in forty["origins"]}["AFP"]
    assert sorted(reprints["articles"]) == ["gulf-observer-1", "sabran-daily-7"]  # the two reprints count once
    assert f"{len(forty['outlets'])} outlets, {len(forty['origins'])} independent sources (" in text
    assert len(forty["origins"]) == len({c["article"]["id"] for c in forty["claims"]}) - 1
    assert page.locator("#shown").inner_text() == f"showing {len(rows.facts)} of {len(rows.facts)}"
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("CLAIMCHECK_SCREENSHOT"):  # the overview and the strongest fact
        bottom = page.locator("article.fact").first.bounding_box()
        page.screenshot(path=os.environ["CLAIMCHECK_SCREENSHOT"], full_page=True,
                        clip={"x": 0, "y": 0, "width": 1280, "height": bottom["y"] + bottom["height"] + 12})
    assert events["errors"] == [] and not any("Content Security Policy" in m for m in events["console"])


def test_filters_hide_what_they_should(browser_context, run):
    _, rows, out = run
    page, _ = _open(browser_context, out / "report.html")
    numeric = {f["id"] for f in rows.facts if "numeric" in f["reasons"]}
    assert numeric and len(numeric) < len(rows.facts)
    page.select_option("#f-reason", "numeric")
    visible = {page.locator("article.fact").nth(k).get_attribute("data-fact")
               for k in range(page.locator("article.fact").count()) if page.locator("article.fact").nth(k).is_visible()}
    assert visible == numeric
    page.select_option("#f-reason", "")
    page.fill("#f-search", "bir sabah")
    highway = {f["id"] for f in rows.facts if any("bir sabah" in c["sentence"]["text"].lower()
                                                  for v in f["versions"] for c in v["claims"])}
    assert page.locator("article.fact:visible").count() == len(highway) >= 1
    page.fill("#f-search", "")
    page.locator("#f-score").fill("0.8")
    strong = [f for f in rows.facts if f["score"] >= 0.8]
    assert page.locator("article.fact:visible").count() == len(strong) < len(rows.facts)


def test_review_downloads_verdicts_that_claimcheck_reads_back(browser_context, run, tmp_path):
    _, rows, out = run
    page, _ = _open(browser_context, out / "report.html")
    first = rows.facts[0]
    card = page.locator(f'article.fact[data-fact="{first["id"]}"]')
    card.locator('input[value="confirmed"]').check()
    card.locator(".review textarea").fill("Both sides' statements checked against the originals.")
    card.locator(f'select[data-version="{first["versions"][1]["id"]}"]').select_option("False")
    assert card.locator(".verdict-badge").inner_text() == "confirmed dispute"
    page.fill("#reviewer", "Fact desk")
    with page.expect_download() as info:
        page.click("#download")
    saved = tmp_path / "verdicts.jsonl"
    info.value.save_as(str(saved))
    (line,) = [json.loads(x) for x in saved.read_text(encoding="utf-8").splitlines()]
    assert line["fact"] == first["id"] and line["verdict"] == "confirmed" and line["reviewer"] == "Fact desk"
    assert line["ratings"] == {first["versions"][1]["id"]: "False"}

    back = pipeline.read_outputs([out / "facts.jsonl"], verdicts=[saved])
    assert back.problems == () and back.facts[0]["review"]["verdict"] == "confirmed"
    doc, _ = report.claimreview(back)
    (item,) = doc["@graph"]
    assert item["reviewRating"]["alternateName"] == "False" and item["author"]["name"] == "Fact desk"
    again = tmp_path / "again.html"
    report.write_text(again, report.render_html(back))
    page2, _ = _open(browser_context, again)
    card2 = page2.locator(f'article.fact[data-fact="{first["id"]}"]')
    assert card2.locator('input[value="confirmed"]').is_checked()
    assert card2.locator(".verdict-badge").inner_text() == "confirmed dispute"


def test_a_hostile_article_runs_nothing(browser_context, run):
    _, rows, out = run
    assert any(c["article"]["id"] == "hostile-1" for f in rows.facts for v in f["versions"] for c in v["claims"]), \
        "the hostile article should be part of a contested fact for this test to mean anything"
    page, events = _open(browser_context, out / "report.html")
    hostile = page.locator("li.claim", has_text="Evil Wire").first
    hostile.locator("a.open").click()
    page.wait_for_selector("#reader:not([hidden])")
    reader_text = page.locator("#reader-text").inner_text()
    assert "<script>window.__pwned=3" in reader_text and 'onerror="window.__pwned=4' in reader_text
    assert page.locator("#reader-text mark").inner_text().strip()
    assert "<script>window.__pwned=2" in page.locator("#reader-title").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert events["dialogs"] == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 2
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.locator("#reader-meta a").count() == 0  # its javascript: URL is no link
