"""Events end to end on the example corpus (real spaCy pipeline, real embedding model), with one
article added: a second air strike on Kafr Hamra, five days after the first, with another toll."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import pipeline
from claimcheck.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SECOND_STRIKE = {
    "id": "nc-2026-03-20-strike", "outlet": "Northern Courier", "published": "2026-03-20",
    "title": "Second strike on Kafr Hamra",
    "text": "Second strike on Kafr Hamra\n\nAn air strike on the village of Kafr Hamra killed 30 people on "
            "Thursday, the Qadira Civil Defence said. Rescue teams worked through the night.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("events") / "corpus"
    shutil.copytree(EXAMPLES, folder)
    (folder / "second-strike.jsonl").write_text(json.dumps(SECOND_STRIKE) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def result(corpus, embedder):
    return pipeline.check([corpus], corpus / "camps.toml", embedder=embedder)


def _pairs_with(result, *words):
    return [d for d in result.disputes if d.score >= 0.5
            and any(all(w in (x.text + " " + y.text) for w in words) for x, y in [(d.a, d.b)])]


@pytest.mark.parametrize("planted, words, kinds", [
    ("D1 Tal Ruwaq", ("Tal Ruwaq",), {"polarity", "explicit_denial"}),
    ("D2 Bir Sabah highway", ("Bir Sabah",), {"explicit_denial"}),
    ("D3 Kafr Hamra toll", ("some 40", "12 people"), {"numeric"}),
    ("D4 market shelling", ("shell",), {"responsibility"}),
])
def test_planted_disputes_are_found_within_one_event(result, planted, words, kinds):
    found = [d for d in _pairs_with(result, *words) if {r.kind for r in d.reasons} & kinds]
    assert found, planted
    events = {d.event_id for d in found} - {None}  # a pair of two events nothing sets apart has none
    assert len(events) == 1, (planted, events)
    assert sum(d.event_id is not None for d in found) > len(found) / 2, planted


def test_two_strikes_on_different_days_are_two_events_and_not_disputed(result):
    by_id = {c.id: c for c in result.claims}
    second = [c for c in result.claims if c.article.id == "nc-2026-03-20-strike" and "30 people" in c.text]
    first = [c for c in result.claims if "Kafr Hamra killed 12" in c.text]
    assert second and first
    assert second[0].event is not None and second[0].event.time.date == "2026-03-19"
    assert second[0].event.id not in {c.event.id for c in first if c.event}
    for d in result.disputes:
        if second[0].id in (d.a.id, d.b.id):
            assert {r.kind for r in d.reasons} <= {"explicit_denial"}, d
    event = next(e for e in result.events if e.id == first[0].event.id)
    assert event.label.startswith("air strike, Kafr Hamra")
    assert set(event.claim_ids) <= set(by_id)


def test_run_writes_events_jsonl_and_disputes_name_them(corpus, tmp_path):
    events, disputes = tmp_path / "events.jsonl", tmp_path / "disputes.jsonl"
    out = CliRunner().invoke(app, ["run", str(corpus), "--camps", str(corpus / "camps.toml"),
                                   "--events", str(events), "-o", str(disputes)])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["schema"] == "claimcheck/2" and r["id"].startswith("ev-") for r in rows)
    ids = {r["id"] for r in rows}
    pairs = [json.loads(line) for line in disputes.read_text(encoding="utf-8").splitlines()]
    assert any(p["event"] in ids for p in pairs)
    assert all(p["event"] is None or p["event"] in ids for p in pairs)
    again = tmp_path / "again.jsonl"
    CliRunner().invoke(app, ["run", str(corpus), "--camps", str(corpus / "camps.toml"), "--events", str(again)])
    assert again.read_bytes() == events.read_bytes()
