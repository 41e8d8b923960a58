"""Embeddings: the real model's shapes and geometry, and the on-disk cache's behaviour."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from claimcheck.embed import (
    CACHE_FILE,
    CachedEmbedder,
    Embedder,
    EmbeddingCache,
    SentenceTransformerEmbedder,
    default_cache_dir,
    load_embedder,
    model_fingerprint,
    text_key,
)
from claimcheck.embed_onnx import OnnxEmbedder
from claimcheck.errors import ConfigError, InputError, MissingDependencyError

TEXTS = [
    "Government forces shelled the northern district overnight, residents said.",
    "The army bombarded the city's northern neighbourhoods during the night.",
    "The central bank raised interest rates by half a percentage point.",
    "Striker scores twice as the home side wins the cup final.",
]


class FakeEmbedder:
    """Deterministic pseudo-embeddings from the text hash; counts what it was asked to embed."""

    def __init__(self, model_id: str = "fake@1", dim: int = 8) -> None:
        self.model_id = model_id
        self.dim = dim
        self.calls: list[list[str]] = []

    def encode(self, texts):
        texts = list(texts)
        self.calls.append(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            seed = int.from_bytes(text_key(t)[:8], "little")
            out[i] = np.random.default_rng(seed).standard_normal(self.dim)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out


# -- the real model, both backends ----------------------------------------------------------


@pytest.fixture(params=["onnx", "torch"])
def either(request, embedder, torch_embedder):
    return embedder if request.param == "onnx" else torch_embedder


@pytest.mark.slow
def test_real_model_shapes_and_normalisation(either):
    assert isinstance(either, Embedder)
    v = either.encode(TEXTS)
    assert v.dtype == np.float32
    assert v.shape == (4, either.dim) == (4, 384)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert either.encode([]).shape == (0, 384)
    assert either.model_id.startswith("all-MiniLM-L6-v2@")


@pytest.mark.slow
def test_similar_sentences_are_closer_than_unrelated(either):
    v = either.encode(TEXTS)
    sims = v @ v.T
    assert sims[0, 1] > 0.35
    assert sims[0, 1] > sims[0, 2] + 0.3
    assert sims[0, 1] > sims[0, 3] + 0.3


@pytest.mark.slow
def test_encode_is_deterministic_and_order_preserving(either):
    a = either.encode(TEXTS)
    b = either.encode(list(reversed(TEXTS)))[::-1]
    np.testing.assert_allclose(a, b, atol=1e-5)
    assert np.array_equal(a, either.encode(TEXTS))


def test_single_string_is_rejected(either):
    with pytest.raises(InputError):
        either.encode("not a list")


@pytest.mark.slow
def test_onnx_vectors_stay_close_to_torch_ones(embedder, torch_embedder):
    texts = TEXTS + ["", "   ", "Ok.", " ".join(TEXTS * 12)]  # empty, blank, tiny, past max_seq_length
    cos = (embedder.encode(texts) * torch_embedder.encode(texts)).sum(axis=1)
    assert cos.min() > 0.95, cos


@pytest.mark.slow
def test_onnx_vector_of_a_text_does_not_depend_on_the_other_texts(embedder):
    """Int8 activations are scaled per batch: each text runs alone, so its vector is the same in any
    company, cold cache or warm (bytes, not approximately)."""
    together = embedder.encode(TEXTS + ["A much longer sentence about something else entirely, with many words in it."])
    for i, text in enumerate(TEXTS):
        assert together[i].tobytes() == embedder.encode([text])[0].tobytes()


def test_backends_have_their_own_cache_keys(embedder, torch_embedder):
    assert embedder.model_id != torch_embedder.model_id
    assert embedder.model_id.startswith(torch_embedder.model_id)  # same model files, plus the recipe


@pytest.mark.slow
def test_onnx_path_imports_neither_torch_nor_sentence_transformers(embedder):
    embedder.encode(TEXTS[:1])  # the exported model exists in the default cache folder from here on
    code = ("import sys; from claimcheck.embed import load_embedder; "
            "v = load_embedder(use_cache=False).encode(['The bridge was closed.']); assert v.shape == (1, 384); "
            "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    assert out.stdout.strip() == "[]", out.stderr


@pytest.mark.slow
def test_export_killed_half_way_leaves_no_model_and_a_damaged_one_is_made_again(tmp_path):
    from claimcheck.embed_onnx import OnnxEmbedder

    fresh = OnnxEmbedder(cache_dir=tmp_path)
    target = fresh.onnx_path
    code = ("import sys; from pathlib import Path; from claimcheck.embed import bundled_model_path; "
            "from claimcheck.embed_onnx import export_int8; export_int8(bundled_model_path(), Path(sys.argv[1]))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(target.parent.glob(".export-*/*.onnx")):
        time.sleep(0.05)  # until the export has written its first file
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert any(target.parent.glob(".export-*")), "the export never started writing"
    assert not target.exists()
    target.write_bytes(b"not an onnx model")  # damaged by something else
    v = fresh.encode(TEXTS[:2])
    assert v.shape == (2, 384) and target.stat().st_size > 1_000_000
    assert not any(p.is_dir() for p in target.parent.glob(".export-*"))  # the killed export's leftovers are gone
    default = load_embedder(use_cache=False)
    assert np.array_equal(v, default.encode(TEXTS[:2]))  # the same recipe makes the same model


@pytest.mark.parametrize("model", ["sentence-transformers/all-mpnet-base-v2", "no-such-model"])
def test_model_name_that_is_not_a_directory_never_downloads(model):
    with pytest.raises(MissingDependencyError, match="neither a model directory on disk nor in the local"):
        SentenceTransformerEmbedder(model)


def test_model_names_resolve_offline_from_the_bundle_and_the_hf_cache(tmp_path):
    from claimcheck.embed import bundled_model_path, resolve_model

    bundled = bundled_model_path()
    assert resolve_model(None) == resolve_model("all-MiniLM-L6-v2") == (bundled, "all-MiniLM-L6-v2")
    # a model another tool already fetched into the Hugging Face cache layout is used in place
    snapshot = tmp_path / "models--acme--news-encoder" / "snapshots" / "0123abcd"
    snapshot.mkdir(parents=True)
    (tmp_path / "models--acme--news-encoder" / "refs").mkdir()
    (tmp_path / "models--acme--news-encoder" / "refs" / "main").write_text("0123abcd")
    for f in bundled.iterdir():
        (snapshot / f.name).symlink_to(f)
    path, name = resolve_model("acme/news-encoder", hf_cache=tmp_path)
    assert (path, name) == (snapshot, "news-encoder")
    with pytest.raises(MissingDependencyError, match="never downloads"):
        resolve_model("acme/not-fetched", hf_cache=tmp_path)


def test_directory_that_is_not_a_model(tmp_path):
    with pytest.raises(MissingDependencyError):
        SentenceTransformerEmbedder(tmp_path)


def test_fingerprint_changes_with_model_files(tmp_path):
    (tmp_path / "config.json").write_text('{"hidden_size": 384}')
    (tmp_path / "model.safetensors").write_bytes(b"x" * 10)
    before = model_fingerprint(tmp_path)
    assert before == model_fingerprint(tmp_path)
    (tmp_path / "model.safetensors").write_bytes(b"x" * 11)
    assert model_fingerprint(tmp_path) != before


# -- the cache, with the real model -----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["onnx", "torch"])
def test_second_run_embeds_nothing(backend, embedder, torch_embedder, tmp_path):
    first = CachedEmbedder(embedder if backend == "onnx" else torch_embedder, EmbeddingCache(tmp_path / CACHE_FILE))
    v1 = first.encode(TEXTS + TEXTS[:1])  # a repeated text is embedded once
    assert (first.hits, first.misses) == (0, 4)
    first.cache.close()

    inner = load_embedder(backend=backend, use_cache=False)  # a fresh instance: must not even load the model
    second = CachedEmbedder(inner, EmbeddingCache(tmp_path / CACHE_FILE))
    v2 = second.encode(TEXTS + TEXTS[:1])
    assert (second.hits, second.misses) == (4, 0)
    assert getattr(inner, "_model" if backend == "torch" else "_runner") is None
    assert np.array_equal(v1, v2)
    assert second.dim == 384 and second.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_corrupt_cache_file_is_rebuilt(embedder, tmp_path):
    path = tmp_path / CACHE_FILE
    path.write_bytes(b"this is not a database\x00" * 200)
    cached = CachedEmbedder(embedder, EmbeddingCache(path))
    v = cached.encode(TEXTS[:2])
    assert cached.cache.rebuilt == 1
    assert (tmp_path / (CACHE_FILE + ".corrupt")).exists()
    np.testing.assert_allclose(v, embedder.encode(TEXTS[:2]), atol=1e-5)
    cached.cache.close()
    again = CachedEmbedder(embedder, EmbeddingCache(path))
    again.encode(TEXTS[:2])
    assert (again.hits, again.misses, again.cache.rebuilt) == (2, 0, 0)


# -- the cache, pure (fake embedder) ----------------------------------------------------------


def test_different_model_ids_do_not_share_entries(tmp_path):
    cache = EmbeddingCache(tmp_path / CACHE_FILE)
    a, b = FakeEmbedder("model-a@1"), FakeEmbedder("model-b@1")
    CachedEmbedder(a, cache).encode(TEXTS)
    cb = CachedEmbedder(b, cache)
    cb.encode(TEXTS)
    assert (cb.hits, cb.misses) == (0, 4)
    assert len(cache) == 8


def test_misses_only_are_embedded_in_batches(tmp_path):
    fake = FakeEmbedder()
    cached = CachedEmbedder(fake, EmbeddingCache(tmp_path / CACHE_FILE), write_batch=2)
    cached.encode(TEXTS[:1])
    v = cached.encode(TEXTS)
    assert fake.calls == [TEXTS[:1], TEXTS[1:3], TEXTS[3:]]
    assert (cached.hits, cached.misses) == (1, 4)
    assert np.array_equal(v, fake.encode(TEXTS))


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE vectors SET vec = x'00010203'",  # wrong blob size
        "UPDATE meta SET value = '0' WHERE key = 'schema_version'",  # another schema version
        "DROP TABLE vectors",  # wrong schema
        "UPDATE vectors SET vec = zeroblob(32)",  # right size, not a unit vector
    ],
)
def test_damaged_entries_are_never_trusted(tmp_path, damage):
    fake = FakeEmbedder()
    path = tmp_path / CACHE_FILE
    cached = CachedEmbedder(fake, EmbeddingCache(path))
    expected = cached.encode(TEXTS)
    cached.cache.close()
    with sqlite3.connect(path) as conn:
        conn.execute(damage)
    conn.close()
    again = CachedEmbedder(fake, EmbeddingCache(path))
    assert np.array_equal(again.encode(TEXTS), expected)
    assert again.misses == 4
    third = CachedEmbedder(fake, EmbeddingCache(path))
    third.encode(TEXTS)
    assert third.misses == 0


def test_default_cache_dir_respects_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "claimcheck"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "claimcheck"


@pytest.mark.parametrize("backend, kind", [("onnx", OnnxEmbedder), ("torch", SentenceTransformerEmbedder)])
def test_load_embedder_with_and_without_cache(tmp_path, backend, kind):
    plain = load_embedder(use_cache=False, backend=backend)
    assert isinstance(plain, kind)
    cached = load_embedder(cache_dir=tmp_path / "c", backend=backend)
    assert isinstance(cached, CachedEmbedder)
    assert cached.model_id == plain.model_id
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").iterdir())  # nothing until used


def test_unknown_backend_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown embedding backend"):
        load_embedder(backend="tensorflow")


def test_onnx_backend_refuses_models_it_cannot_pool(tmp_path):
    from claimcheck.embed import bundled_model_path

    for f in bundled_model_path().iterdir():
        if f.is_file():
            (tmp_path / f.name).symlink_to(f)
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text('{"word_embedding_dimension": 384, "pooling_mode_cls_token": true}')
    with pytest.raises(MissingDependencyError, match="mean pooling only"):
        OnnxEmbedder(tmp_path)
    SentenceTransformerEmbedder(tmp_path)  # the torch backend takes it


def test_load_embedder_xdg_default(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cached = load_embedder()
    assert cached.cache.path == tmp_path / "claimcheck" / CACHE_FILE


@pytest.mark.parametrize("ahead", [[], [TEXTS[:1]], [TEXTS[2:], TEXTS[:3]], [TEXTS, TEXTS[::-1]], [["not asked for later"]]])
def test_prefetcher_gives_the_inner_vectors_whatever_was_fetched_ahead(ahead):
    from claimcheck.embed import Prefetcher

    fake = FakeEmbedder()
    pre = Prefetcher(fake)
    for texts in ahead:
        pre.prefetch(texts)
    got = pre.encode(TEXTS + TEXTS[:1])
    pre.close()
    assert np.array_equal(got, FakeEmbedder().encode(TEXTS + TEXTS[:1]))
    asked = [t for call in fake.calls for t in call]
    assert sorted(asked) == sorted(set(TEXTS) | {t for texts in ahead for t in texts})  # each text once


def test_prefetcher_raises_a_background_failure_in_the_callers_thread():
    from claimcheck.embed import Prefetcher

    class Broken(FakeEmbedder):
        def encode(self, texts):
            raise MissingDependencyError("no model here")

    pre = Prefetcher(Broken())
    pre.prefetch(TEXTS)
    with pytest.raises(MissingDependencyError, match="no model here"):
        pre.encode(TEXTS)
    pre.close()
