"""The serializer: stable bytes, atomic files, and records that survive a reviewer's edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import report
from claimcheck.records import (
    ArticleRef, Claim, Dispute, Evidence, Quantity, Reason, Source, Span, Topic,
)

TEXT = "Rebels said the town of Orsk still holds. State TV said Orsk has fallen to the army."


def _claim(cid: str, start: int, end: int, source: str, stance: str = "asserts") -> Claim:
    return Claim(
        id=cid, article=ArticleRef("a.txt", "a.txt", "Wire"), text=TEXT[start:end], span=Span.of(TEXT, start, end),
        sentence=Span.of(TEXT, 0, 41), source=Source(source, "named", Span.of(TEXT, 0, 6), None),
        cue=Span.of(TEXT, 7, 11), stance=stance,
        quantities=(Quantity(2.0, True, "people", Span.of(TEXT, 0, 6)),),
    )


def test_claim_json_has_the_contract_fields():
    row = report.claim_json(_claim("a.txt#1", 12, 40, "rebels"))
    assert list(row) == ["schema", "id", "article", "text", "span", "sentence", "source", "cue", "stance", "quantities", "event"]
    assert row["span"] == {"start": 12, "end": 40}
    assert set(row["source"]) == {"name", "affiliation", "camp", "kind", "mention"}


def test_write_jsonl_is_atomic_and_keeps_old_file_on_failure(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def rows():
        yield {"a": 1}
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        report.write_jsonl(target, rows())
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert report.write_jsonl(target, [{"b": "é"}, {"c": 2}]) == 2
    assert target.read_text(encoding="utf-8") == '{"b": "é"}\n{"c": 2}\n'


def test_dispute_lines_survive_a_reviewers_verdict(tmp_path: Path):
    a, b = _claim("a.txt#1", 12, 40, "rebels"), _claim("a.txt#2", 51, 83, "Syrian state television")
    topic = Topic(0, "orsk, fallen, holds", (a.id, b.id))
    dispute = Dispute("d:1", 0, a, b, 0.812345, (Reason("polarity", "still holds vs has fallen", (Evidence("a.txt", 29, 40, "still holds"),), 0.8),))
    path = tmp_path / "disputes.jsonl"
    report.write_jsonl(path, report.dispute_rows([dispute], [topic]))
    row = next(report.read_jsonl(path))
    assert row["score"] == 0.8123 and row["a"]["topic"] == {"id": 0, "label": "orsk, fallen, holds"}
    row["verdict"] = "confirmed dispute"
    report.write_jsonl(path, [row])
    again = next(report.read_jsonl(path))
    assert again["verdict"] == "confirmed dispute"
    assert Claim.from_dict(again["a"]).text == a.text


def test_render_report_names_both_sides():
    a, b = _claim("a.txt#1", 12, 40, "rebels"), _claim("a.txt#2", 51, 83, "Syrian state television", "asserts")
    topic = Topic(0, "orsk, fallen", (a.id, b.id), sources=("rebels", "Syrian state television"))
    text = report.render_report(1, 2, [topic], [Dispute("d:1", 0, a, b, 0.9, (Reason("polarity", "holds vs fallen"),))])
    assert "Topic 0: orsk, fallen" in text and "rebels, asserting" in text and "Syrian state television, asserting" in text
    assert "polarity" in text
    assert json.dumps(report.claim_json(a))  # serialisable


def test_render_report_caps_disputes_per_topic():
    a, b = _claim("a.txt#1", 12, 40, "rebels"), _claim("a.txt#2", 51, 83, "Syrian state television", "asserts")
    topic = Topic(0, "orsk, fallen", (a.id, b.id))
    disputes = [Dispute(f"d:{k}", 0, a, b, round(0.5 + k / 100, 2), (Reason("learned", "x"),)) for k in range(7)]
    capped = report.render_report(1, 2, [topic], disputes, per_topic=3)
    assert capped.count("  dispute d:") == 3 and "... and 4 more disputed pairs in this topic" in capped
    assert [line.split()[1] for line in capped.splitlines() if line.startswith("  dispute")] == ["d:6", "d:5", "d:4"]
    full = report.render_report(1, 2, [topic], disputes)
    assert full.count("  dispute d:") == 7 and "more disputed" not in full
