"""Hostile input (issue 12): one bad file is one warning, never a crash; what is printed is safe."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimcheck.load import load_articles
from claimcheck.safe_text import JSONProblem, for_terminal, load_json, scrub, shown_path

BODY = "The army said on Tuesday that it had retaken the bridge at Tessel."


@pytest.mark.parametrize("text, expected", [
    ("plain", "plain"),
    ("x\ud800y", "x\ufffdy"),
    ("\udfff", "\ufffd"),
    ("caf\u00e9 \U0001F600", "caf\u00e9 \U0001F600"),  # real characters stay
])
def test_scrub_makes_lone_surrogates_replacement_characters(text, expected):
    assert scrub(text) == expected and len(scrub(text)) == len(text)


@pytest.mark.parametrize("text, expected", [
    ("a\nb\tc", "a\nb\tc"),
    ("\x1b[2Jclear", "\\x1b[2Jclear"),
    ("\x1b]0;title\x07x", "\\x1b]0;title\\x07x"),
    ("back\rspace\x08", "back\\x0dspace\\x08"),
    ("c1 \x9b31m", "c1 \\x9b31m"),
    ("caf\u00e9", "caf\u00e9"),
])
def test_for_terminal_escapes_control_characters_but_keeps_layout(text, expected):
    assert for_terminal(text) == expected


@pytest.mark.parametrize("text, message", [
    ("[" * 5000 + "]" * 5000, "nested too deeply"),
    ('{"id": ' + "9" * 5000 + "}", "4300 digits"),
    ('{"a": ', "invalid JSON"),
])
def test_load_json_fails_with_one_problem(text, message):
    with pytest.raises(JSONProblem) as err:
        load_json(text)
    assert message in err.value.message and "\n" not in err.value.message


def _problems(tmp_path: Path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    return load_articles([tmp_path])


@pytest.mark.parametrize("name, data, message", [
    ("deep.json", b"[" * 3000 + b"]" * 3000, "nested too deeply"),
    ("deep.jsonl", b'{"text": "x"}\n' + b"[" * 3000 + b"]" * 3000 + b"\n", "nested too deeply"),
    ("huge.json", b'{"text": "' + BODY.encode() + b'", "id": ' + b"1" * 4400 + b"}", "4300 digits"),
    ("spaces.jsonl", "\u2028\n\u3000\n\u00a0".encode(), "only blank lines"),
])
def test_bad_json_is_one_problem_and_the_good_file_is_read(tmp_path, name, data, message):
    articles, problems = _problems(tmp_path, name, data)
    assert [a.id for a in articles if a.id == "good.txt"] == ["good.txt"]
    bad = [p for p in problems if p.path.endswith(name)]
    assert bad and message in bad[-1].message


def test_lone_surrogates_in_json_fields_are_kept_writable(tmp_path):
    record = {"text": BODY + " \ud800", "url": "x\ud800y", "title": "T\udfffx", "outlet": "W\udc80"}
    articles, problems = _problems(tmp_path, "s.json", json.dumps(record).encode())
    (article,) = [a for a in articles if a.id == "s.json"]
    assert not problems
    assert article.url == "x\ufffdy" and article.title == "T\ufffdx" and article.outlet == "W\ufffd"
    for value in (article.text, article.url, article.title, article.outlet):
        value.encode("utf-8")  # would raise on a surrogate


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_escapes(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(BODY.encode())
    articles, problems = load_articles([tmp_path])
    assert not problems
    (article,) = articles
    assert article.id == "caf\\xe9.txt" and article.path.endswith("/caf\\xe9.txt")
    assert article.text == BODY
    assert shown_path(os.fsdecode(raw)).encode("utf-8").endswith(b"caf\\xe9.txt")
