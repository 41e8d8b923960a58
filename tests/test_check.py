"""End to end on the example corpus and the seed article: the planted disputes are found, with the
right sources and camps, and the planted agreements are not (ground truth: examples/README.md)."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, SEED_ARTICLE
from typer.testing import CliRunner

import claimcheck
from claimcheck.cli import app

CAMPS = EXAMPLES / "camps.toml"


@pytest.fixture(scope="module")
def result(embedder):
    return claimcheck.check([EXAMPLES], camps=CAMPS, embedder=embedder)


def _sides(d):
    return {d.a.source.camp, d.b.source.camp}


def _find(result, *, both: str, gov: tuple[str, ...], opp: tuple[str, ...], gov_sources, opp_sources):
    """Disputes between a government claim and an opposition claim about ``both``."""
    found = []
    for d in result.disputes:
        if _sides(d) != {"government", "opposition"}:
            continue
        g, o = (d.a, d.b) if d.a.source.camp == "government" else (d.b, d.a)
        if both.lower() not in (g.text + g.sentence.text).lower() or both.lower() not in (o.text + o.sentence.text).lower():
            continue
        if not any(w in g.sentence.text.lower() for w in gov) or not any(w in o.sentence.text.lower() for w in opp):
            continue
        if g.source.name.lower() in gov_sources and o.source.name.lower() in opp_sources:
            found.append(d)
    return found


def test_every_claim_traces_back_to_its_article(result):
    texts = {a.id: a.text for a in result.articles}
    for claim in result.claims:
        text = texts[claim.article.id]
        assert text[claim.span.start:claim.span.end] == claim.text
        assert text[claim.sentence.start:claim.sentence.end] == claim.sentence.text
    for d in result.disputes:
        assert 0.0 <= d.score <= 1.0 and d.reasons
        for reason in d.reasons:
            for ev in reason.evidence:
                assert texts[ev.article_id][ev.start:ev.end] == ev.text


def test_d1_town_fallen_versus_still_held(result):
    found = _find(result, both="tal ruwaq", gov=("captured", "took full control"), opp=("fallen", "still held", "repelled"),
                  gov_sources={"state television", "military source", "interior ministry", "ministry"},
                  opp_sources={"rebel spokesman", "rebel commanders", "rebels"})
    assert found, "Tal Ruwaq captured vs still held not flagged"


def test_d2_road_secured_versus_denied(result):
    found = _find(result, both="bir sabah", gov=("secured",), opp=("denied",),
                  gov_sources={"defence ministry"}, opp_sources={"opposition coalition"})
    assert found
    assert any(r.kind == "explicit_denial" for d in found for r in d.reasons)
    assert any(d.a.stance != d.b.stance for d in found)


def test_d3_casualty_counts_differ(result):
    found = _find(result, both="kafr hamra", gov=("12",), opp=("40",),
                  gov_sources={"interior ministry", "defence ministry"}, opp_sources={"qadira civil defence"})
    numeric = [d for d in found if any(r.kind == "numeric" for r in d.reasons)]
    assert numeric, "12 vs some 40 killed not flagged as a numeric conflict"
    reason = next(r for r in numeric[0].reasons if r.kind == "numeric")
    assert {"12", "some 40"} <= {e.text for e in reason.evidence}
    # the Civil Defence's "some 40 ... Kafr Hamra" against each of the three reports of 12 (active and passive voice)
    fqv = [d for d in numeric if "free-qadira" in d.a.id + d.b.id]
    assert len({frozenset((d.a.id, d.b.id)) for d in fqv}) == 3
    # the strike's means ("air strike") is no actor, so no blame conflict is read into these pairs
    assert not any(r.kind == "responsibility" for d in found for r in d.reasons)


def test_d4_attack_blamed_on_each_other(result):
    found = _find(result, both="shell", gov=("rebels",), opp=("government artillery",),
                  gov_sources={"interior ministry"}, opp_sources={"opposition coalition"})
    assert any(r.kind == "responsibility" for d in found for r in d.reasons)


@pytest.mark.parametrize("words", [("solvang",), ("30 trucks", "al-marja")])
def test_agreements_are_not_flagged(result, words):
    for d in result.disputes:
        assert not all(any(w in c.text.lower() for w in words) for c in (d.a, d.b)), d


def test_no_dispute_within_one_camp_or_one_source(result):
    for d in result.disputes:
        assert d.a.source.name != d.b.source.name or d.a.article.id != d.b.article.id
        assert not (d.a.source.camp and d.a.source.camp == d.b.source.camp)


def test_run_cli_writes_disputes_and_claims_deterministically(tmp_path):
    runner = CliRunner()
    outputs = []
    for n in (1, 2):
        disputes, claims = tmp_path / f"d{n}.jsonl", tmp_path / f"c{n}.jsonl"
        facts, page = tmp_path / f"f{n}.jsonl", tmp_path / f"r{n}.html"
        res = runner.invoke(app, ["run", str(EXAMPLES), "--camps", str(CAMPS), "-o", str(disputes),
                                  "--claims", str(claims), "--facts", str(facts), "--html", str(page),
                                  "--cache-dir", str(tmp_path / "cache")] + (["--pairs"] if n == 2 else []))
        assert res.exit_code == 0, res.output
        outputs.append((disputes.read_bytes(), claims.read_bytes(), facts.read_bytes(), page.read_bytes(), res.stdout))
    assert outputs[0][:4] == outputs[1][:4]
    assert outputs[1][4].startswith(outputs[0][4])  # --pairs adds the pairs after the same facts report
    assert "contested fact" in outputs[0][4] and "Topic" not in outputs[0][4]
    assert "Topic" in outputs[1][4] and "dispute" in outputs[1][4]
    rows = [json.loads(line) for line in outputs[0][0].decode().splitlines()]
    assert rows and all(set(r) >= {"id", "schema", "topic", "score", "reasons", "a", "b"} for r in rows)
    claim_rows = [json.loads(line) for line in outputs[0][1].decode().splitlines()]
    assert all("topic" in r and set(r["topic"]) == {"id", "label"} for r in claim_rows)
    assert "Loading" not in res.stderr and "Warning" not in res.stderr


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="../shared/seeds is absent")
def test_seed_article_ramousah_claim_and_its_denial_are_one_disputed_pair(embedder):
    res = claimcheck.check([SEED_ARTICLE], embedder=embedder)
    pairs = [
        d for d in res.disputes
        if "ramousah" in d.a.text.lower() and "ramousah" in d.b.text.lower()
        and {d.a.stance, d.b.stance} == {"asserts", "denies"}
    ]
    assert pairs
    names = {pairs[0].a.source.name, pairs[0].b.source.name}
    assert any("state television" in n for n in names) and "rebels" in names


def test_check_reads_the_camps_file_once(monkeypatch, embedder):
    """check() loads the camps file itself and hands the Camps to extract(), which does not load it again."""
    from claimcheck import pipeline
    from claimcheck.config import load_camps

    calls = []

    def counting(path):
        calls.append(path)
        return load_camps(path)

    monkeypatch.setattr(pipeline, "load_camps", counting)
    res = pipeline.check([EXAMPLES], camps=CAMPS, embedder=embedder)
    assert calls == [CAMPS]
    assert {c.source.camp for c in res.claims} >= {"government", "opposition"}


class _After:
    """The embedder with its ``batch_independent`` hidden: check() then encodes after parsing."""

    def __init__(self, inner):
        self.inner, self.model_id = inner, inner.model_id

    @property
    def dim(self):
        return self.inner.dim

    def encode(self, texts):
        return self.inner.encode(texts)


def test_encoding_while_parsing_gives_the_same_bytes_as_encoding_after(monkeypatch, embedder, result):
    """With the onnx backend check() embeds each parsed article's claims in a background thread while
    the next articles parse; the outputs are byte for byte those of embedding after the parse."""
    import threading

    from claimcheck import pipeline
    from claimcheck.records import to_dict

    monkeypatch.setattr(pipeline, "PARSE_BATCH", 2)  # several parse batches even on the few examples
    threads = set()

    class Spy(_After):
        batch_independent = True

        def encode(self, texts):
            threads.add(threading.current_thread().name)
            return super().encode(texts)

    ahead = pipeline.check([EXAMPLES], camps=CAMPS, embedder=Spy(embedder))
    after = pipeline.check([EXAMPLES], camps=CAMPS, embedder=_After(embedder))
    assert any(name.startswith("claimcheck-prefetch") for name in threads), threads
    for got, want in ((ahead, after), (result, after)):
        assert [to_dict(c) for c in got.claims] == [to_dict(c) for c in want.claims]
        assert [to_dict(d) for d in got.disputes] == [to_dict(d) for d in want.disputes]
        assert got.topic_of == want.topic_of and [to_dict(e) for e in got.events] == [to_dict(e) for e in want.events]
