"""The command line, end to end with the real spaCy pipeline (claims) and embedding model (run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

runner = CliRunner()

ARTICLE = """Army says it holds the bridge at Tessel

Advertisement

The army said on Tuesday that its troops had retaken the bridge at Tessel after two days of fighting.

"The bridge is fully under our control," a military spokesman told reporters.

Rebel commanders denied that the bridge had changed hands.
"""


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "army.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_claims_writes_traceable_jsonl(corpus: Path, tmp_path: Path):
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["claims", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = _lines(out.read_text(encoding="utf-8"))
    assert rows, "no claims extracted"
    text = (corpus / "army.txt").read_text(encoding="utf-8")
    for row in rows:
        assert row["schema"] == "claimcheck/2"
        assert row["article"]["id"] == "army.txt"
        assert text[row["span"]["start"]:row["span"]["end"]] == row["text"]
        assert text[row["sentence"]["start"]:row["sentence"]["end"]] == row["sentence"]["text"]
        mention = row["source"]["mention"]
        if mention:
            assert text[mention["start"]:mention["end"]] == mention["text"]
        assert row["stance"] in {"asserts", "denies"}
    assert not any("Advertisement" in row["text"] for row in rows)
    denials = [r for r in rows if r["stance"] == "denies"]
    assert any("bridge had changed hands" in r["text"] for r in denials)


def test_claims_to_stdout_is_deterministic(corpus: Path):
    first = runner.invoke(app, ["claims", str(corpus)])
    second = runner.invoke(app, ["claims", str(corpus)])
    assert first.exit_code == 0
    assert first.stdout == second.stdout and first.stdout.strip()


def test_claims_reads_stdin():
    result = runner.invoke(app, ["claims", "-"], input="Officials said the dam at Orvel had been repaired.\n")
    assert result.exit_code == 0, result.output
    rows = _lines(result.stdout)
    assert any("dam at Orvel had been repaired" in r["text"] for r in rows)


def test_missing_path_is_a_one_line_error_with_exit_2(tmp_path: Path):
    missing = tmp_path / "nope"
    result = runner.invoke(app, ["claims", str(missing)])
    assert result.exit_code == 2
    assert str(missing) in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_jsonl_line_is_skipped_with_a_warning(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a1", "outlet": "Wire", "text": "Police said the road to Mirna was reopened on Monday."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a3", "outlet": "Wire", "text": "The mayor said the school would reopen in May."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["claims", str(feed), "-o", str(out)])
    assert result.exit_code == 0
    assert "feed.jsonl:2" in result.stderr
    assert "skipped 1 input" in result.stderr
    ids = {r["article"]["id"] for r in _lines(out.read_text(encoding="utf-8"))}
    assert ids == {"a1", "a3"}


def test_bad_camps_file_fails_without_touching_existing_output(corpus: Path, tmp_path: Path):
    out = tmp_path / "claims.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    camps = tmp_path / "camps.toml"
    camps.write_text("[government\nmembers = 3", encoding="utf-8")
    result = runner.invoke(app, ["claims", str(corpus), "-o", str(out), "--camps", str(camps)])
    assert result.exit_code == 2
    assert "camps.toml" in result.stderr and "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_articles_command_gives_back_the_text_offsets_point_into(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ceasefire holds in Varna</title></head><body><article>"
        "<h1>Ceasefire holds in Varna</h1><p>The ceasefire in Varna held for a third day, "
        "the interior ministry said on Sunday, adding that markets had reopened across the city.</p>"
        "<p>Local officials said about 300 families had returned to their homes since Friday.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    articles = runner.invoke(app, ["articles", str(page)])
    claims = runner.invoke(app, ["claims", str(page)])
    assert articles.exit_code == 0 and claims.exit_code == 0, articles.output + claims.output
    text = _lines(articles.stdout)[0]["text"]
    rows = _lines(claims.stdout)
    assert rows
    for row in rows:
        assert text[row["span"]["start"]:row["span"]["end"]] == row["text"]
