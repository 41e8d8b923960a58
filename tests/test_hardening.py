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


# ---- camps file patterns ---------------------------------------------------------------------------


@pytest.mark.parametrize("pattern, refused", [
    (r"(a+)+$", True),
    (r"(\w*\s?)*x", True),
    (r"(?:x+x+)+y", True),
    (r"\bministry\b", False),
    (r"(state|army) (tv|television)", False),
    (r"(?:ab){2}", False),
])
def test_camp_patterns_with_nested_quantifiers_are_refused_naming_file_and_pattern(tmp_path, pattern, refused):
    from claimcheck.config import load_camps
    from claimcheck.errors import ConfigError

    path = tmp_path / "camps.toml"
    path.write_text(f"[gov]\npatterns = [{json.dumps(pattern)}]\n", encoding="utf-8")
    if not refused:
        assert load_camps(path).camps[0].patterns == (pattern,)
        return
    with pytest.raises(ConfigError) as err:
        load_camps(path)
    assert str(path) in str(err.value) and repr(pattern) in str(err.value)


def test_a_camp_pattern_that_backtracks_without_end_counts_as_no_match():
    from claimcheck.config import Camp, Camps

    camps = Camps((Camp("slow", patterns=(r"(a|aa)+$",)), Camp("gov", patterns=(r"\bministry\b",))))
    assert camps.camp_of("a" * 60 + "b ministry") == "gov"  # the first pattern timed out: no match
    assert camps.camp_of("aaaa") == "slow"


# ---- the command line -----------------------------------------------------------------------------


def _cli(args):
    from typer.testing import CliRunner

    from claimcheck.cli import app

    return CliRunner().invoke(app, args)


def test_escape_sequences_in_text_and_names_never_reach_the_terminal_raw(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\x1b]0;title\x07.json").write_text("{not json", encoding="utf-8")
    (folder / "new\nline.json").write_text("[]", encoding="utf-8")
    (folder / "a.txt").write_text("\x1b[2JThe ministry said the \x1b[31mroad\x1b[0m was closed.\n", encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    result = _cli(["claims", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "x\\x1b]0;title\\x07.json" in result.stderr  # named, escaped
    assert any(line.startswith("warning: ") and line.endswith("new\\nline.json: no articles (empty JSON list)")
               for line in result.stderr.splitlines())  # a warning stays one line
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert any("\x1b[31mroad" in r["text"] for r in rows)  # the JSONL keeps the exact text


def test_an_unexpected_error_on_one_article_skips_it_names_it_and_exits_4(tmp_path, monkeypatch):
    import claimcheck.extract as extract

    real = extract.extract_claims

    def buggy(article, doc):
        if article.id == "bad.txt":
            raise IndexError("list index out of range")
        return real(article, doc)

    monkeypatch.setattr(extract, "extract_claims", buggy)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_text(BODY, encoding="utf-8")
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    result = _cli(["claims", str(folder), "-o", str(out)])
    assert result.exit_code == 4
    assert "Traceback" not in result.stderr
    assert "article bad.txt: unexpected error (IndexError: list index out of range); skipped" in result.stderr
    ids = {json.loads(line)["article"]["id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert ids == {"good.txt"}


def test_library_log_lines_stay_off_stderr_without_verbose(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.html").write_text("<html></html>", encoding="utf-8")
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    result = _cli(["claims", str(folder), "-o", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines and all(line.startswith(("warning: ", "skipped ")) for line in lines), lines


# ---- bounded cost per article ----------------------------------------------------------------------


@pytest.mark.parametrize("text, limit, pieces", [
    ("short", 100, ["short"]),
    ("aaaa bbbb\n\ncccc dddd\n\neeee", 14, ["aaaa bbbb\n\n", "cccc dddd\n\n", "eeee"]),
    ("one two. three four. five", 12, ["one two. ", "three four. ", "five"]),
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
])
def test_pieces_cut_at_paragraphs_then_stops_then_spaces(text, limit, pieces):
    from claimcheck.nlp import _pieces

    assert _pieces(text, limit) == pieces and "".join(_pieces(text, limit)) == text


def test_a_text_over_the_piece_limit_is_one_doc_with_true_offsets(nlp, monkeypatch):
    from claimcheck import nlp as nlp_module
    from claimcheck.extract import extract_claims
    from claimcheck.records import Article

    text = "\n\n".join(f"The ministry said {n} fighters were killed near Tessel on Monday." for n in range(2, 40))
    monkeypatch.setattr(nlp_module, "MAX_PIECE_CHARS", 300)
    (doc,) = nlp_module.parse_many([text])
    assert doc.text == text and len(text) > 2000
    claims = extract_claims(Article("a", text, path="a.txt"), doc)
    assert len(claims) == 38
    assert all(text[c.span.start:c.span.end] == c.text for c in claims)
    assert all(text[c.sentence.start:c.sentence.end] == c.sentence.text for c in claims)


@pytest.mark.parametrize("limit", [120, 700])
def test_pieces_are_joined_as_spacy_joins_them(nlp, limit):
    """The streaming join drops each piece once copied; its Doc is the one Doc.from_docs builds."""
    import numpy
    from spacy.tokens import Doc

    from claimcheck.nlp import _joined, _pieces

    text = ("Rebels denied on Friday that Mr. Haddad's men had fled.\n\n  \"We hold Sabran,\" a commander "
            "told the Meridian Press.  The UN envoy said 14 civilians died in Tessel.\n") * 6
    pieces = _pieces(text, limit)
    assert len(pieces) >= 2
    parts = list(nlp.pipe(pieces))
    for part in parts:
        part.tensor = numpy.zeros((0,), dtype="float32")
    expected = Doc.from_docs(parts, ensure_whitespace=False)
    expected.tensor = numpy.zeros((0,), dtype="float32")
    joined = _joined(nlp.pipe(pieces), nlp.vocab)
    assert joined.text == text
    assert joined.to_bytes() == expected.to_bytes()
    assert [(e.start_char, e.label_) for e in joined.ents] == [(e.start_char, e.label_) for e in expected.ents]


def test_a_run_without_full_stops_is_cut_into_capped_sentences(nlp):
    from claimcheck.nlp import MAX_SENTENCE_TOKENS

    words = " ".join(["the army said rebels shelled the town"] * 200)  # 1,400 words, no full stop
    doc = nlp(words)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    ordinary = nlp("The army said rebels shelled the town. " * 3)
    assert [len(s) for s in ordinary.sents] == [8, 8, 8]  # ordinary sentences are untouched


@pytest.mark.parametrize("text", [
    'a "' + '"' * 5000 + " b.",
    "x  " + "y" * 1000 + "\n z",
    "Hi " + "q" * 401,
    "q" * 401 + " end",
])
def test_a_very_long_word_becomes_chunk_tokens_and_the_text_stays(nlp, text):
    from claimcheck.nlp import WORD_CHUNK_CHARS

    doc = nlp(text)
    assert doc.text == text
    assert max(len(t) for t in doc) <= WORD_CHUNK_CHARS


def test_texts_without_long_words_are_tokenized_as_spacy_does(nlp):
    text = "The U.S. envoy said: “It’s over.”  Rebels (who?) denied it.\n\nhttps://example.org/a/b"
    assert [(t.text, t.whitespace_) for t in nlp.tokenizer(text)] == \
           [(t.text, t.whitespace_) for t in nlp.tokenizer.inner(text)]


def test_honorific_index_finds_what_the_scan_found():
    import random
    import re

    from claimcheck.extract.speakers import _honorifics_of

    def scan(text, surname):  # the former way: the whole text searched for each speaker
        return {m.group(1).lower() for m in re.finditer(
            rf"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w.'-]*\s+)?{re.escape(surname)}\b", text)}

    rng = random.Random(7)
    toks = ["Mr", "Mr.", "Mrs", "Ms.", "Miss", "Smith", "Jo", "Smithson", "O'Brien", "O", "Al-Assad", "said",
            ",", ".", "\n", "Mrs.", "J.", "Smith's", "Mr.Smith"]
    for _ in range(3000):
        text = "".join(rng.choice(toks) + rng.choice([" ", "", "  "]) for _ in range(rng.randint(1, 12)))
        for surname in ("Smith", "Jo", "O'Brien", "O", "Al-Assad", "J"):
            assert _honorifics_of(text, surname) == scan(text, surname), (text, surname)


def test_a_cutter_cuts_the_same_docs_as_span_as_doc(nlp):
    import random

    from claimcheck.nlp import Cutter, cut

    from conftest import EXAMPLES

    doc = nlp((EXAMPLES / "meridian-press-sabran.txt").read_text(encoding="utf-8"))
    cutter, rng = Cutter(doc), random.Random(3)
    for _ in range(200):
        a = rng.randrange(len(doc))
        span = doc[a:min(len(doc), a + rng.randint(1, 40))]
        mine, theirs = cut(span, cutter), cut(span)
        assert mine.to_bytes(exclude=["user_data"]) == theirs.to_bytes(exclude=["user_data"])
        assert [(e.start, e.end, e.label_) for e in mine.ents] == [(e.start, e.end, e.label_) for e in theirs.ents]


# ---- output files ----------------------------------------------------------------------------------


def test_output_files_get_the_usual_mode_and_stale_temporary_files_go(tmp_path):
    import subprocess
    import sys

    from claimcheck.report import write_jsonl

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".claims.jsonl.{dead.stdout.strip()}.abcd.tmp"
    stale.write_text("half a file", encoding="utf-8")
    other = tmp_path / f".claims.jsonl.{os.getpid()}.live.tmp"  # a live process's file stays
    other.write_text("", encoding="utf-8")
    old = os.umask(0o022)
    try:
        write_jsonl(tmp_path / "claims.jsonl", [{"a": 1}])
    finally:
        os.umask(old)
    assert (tmp_path / "claims.jsonl").stat().st_mode & 0o777 == 0o644
    assert not stale.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["claims.jsonl", other.name])


# ---- determinism across input order ------------------------------------------------------------------


def test_topics_do_not_depend_on_the_order_of_the_inputs(embedder):
    from claimcheck import pipeline
    from claimcheck.config import load_camps

    from conftest import DATA, EXAMPLES

    articles, _ = load_articles([EXAMPLES])
    fakes = DATA / "fa-kes" / "fakes.csv"
    if fakes.exists():  # more claims make more room for order to matter
        import csv

        from claimcheck.records import Article

        rows = list(csv.DictReader(fakes.open(encoding="utf-8")))[:25]
        articles += [Article(r["unit_id"], r["article_content"], path="fakes.csv", outlet=r["source"]) for r in rows]
    camps = load_camps(EXAMPLES / "camps.toml")

    def topics(arts):
        r = pipeline.check(arts, camps, embedder=embedder)
        return ({c.id: (t, r.topics[t].label, r.topics[t].claim_ids) for c, t in zip(r.claims, r.topic_of)},
                sorted((d.id, d.topic_id, d.score) for d in r.disputes))

    assert topics(articles) == topics(articles[::-1])


def test_files_written_together_appear_together_or_not_at_all(tmp_path):
    from claimcheck.report import together, write_jsonl

    claims, disputes = tmp_path / "claims.jsonl", tmp_path / "disputes.jsonl"
    write_jsonl(claims, [{"run": "old"}])
    write_jsonl(disputes, [{"run": "old"}])
    with pytest.raises(KeyboardInterrupt):
        with together():
            write_jsonl(claims, [{"run": "new"}])
            assert json.loads(claims.read_text(encoding="utf-8")) == {"run": "old"}  # not yet renamed
            raise KeyboardInterrupt  # killed between the two files
    assert [json.loads(p.read_text(encoding="utf-8"))["run"] for p in (claims, disputes)] == ["old", "old"]
    with together():
        write_jsonl(claims, [{"run": "new"}])
        write_jsonl(disputes, [{"run": "new"}])
    assert [json.loads(p.read_text(encoding="utf-8"))["run"] for p in (claims, disputes)] == ["new", "new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl", "disputes.jsonl"]


def test_ents_within_is_span_ents_by_bisection(nlp):
    """The events stage reads a sentence's entities through nlp.ents_within (spaCy's Span.ents walks
    every entity of the doc for each span): the same entities, in order, for any span."""
    from claimcheck.nlp import ents_within

    doc = nlp("Rebels shelled Aleppo on Friday, the Syrian army said. On 3 March 2026 the UN envoy met "
              "officials in Geneva and Damascus. Nothing happened in Idlib. Russia and Turkey agreed.")
    spans = list(doc.sents) + [doc[i:j] for i in range(0, len(doc), 3) for j in range(i, len(doc) + 1, 5)]
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in ents_within(span)] == [(e.start, e.end, e.label_) for e in span.ents]
    assert any(ents_within(s) for s in doc.sents)
    doc.to_bytes()  # what ents_within keeps on the doc still serialises
