"""Embeddings: the real model's shapes and geometry, and the on-disk cache's behaviour."""

from __future__ import annotations

import sqlite3
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
from claimcheck.errors import InputError, MissingDependencyError

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


# -- the real model -------------------------------------------------------------------------


@pytest.mark.slow
def test_real_model_shapes_and_normalisation(embedder):
    assert isinstance(embedder, Embedder)
    v = embedder.encode(TEXTS)
    assert v.dtype == np.float32
    assert v.shape == (4, embedder.dim) == (4, 384)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert embedder.encode([]).shape == (0, 384)
    assert embedder.model_id.startswith("all-MiniLM-L6-v2@")


@pytest.mark.slow
def test_similar_sentences_are_closer_than_unrelated(embedder):
    v = embedder.encode(TEXTS)
    sims = v @ v.T
    assert sims[0, 1] > 0.35
    assert sims[0, 1] > sims[0, 2] + 0.3
    assert sims[0, 1] > sims[0, 3] + 0.3


@pytest.mark.slow
def test_encode_is_deterministic_and_order_preserving(embedder):
    a = embedder.encode(TEXTS)
    b = embedder.encode(list(reversed(TEXTS)))[::-1]
    np.testing.assert_allclose(a, b, atol=1e-5)
    assert np.array_equal(a, embedder.encode(TEXTS))


def test_single_string_is_rejected(embedder):
    with pytest.raises(InputError):
        embedder.encode("not a list")


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
def test_second_run_embeds_nothing(embedder, tmp_path):
    first = CachedEmbedder(embedder, EmbeddingCache(tmp_path / CACHE_FILE))
    v1 = first.encode(TEXTS + TEXTS[:1])  # a repeated text is embedded once
    assert (first.hits, first.misses) == (0, 4)
    first.cache.close()

    inner = SentenceTransformerEmbedder()  # a fresh instance: must not even load the model
    second = CachedEmbedder(inner, EmbeddingCache(tmp_path / CACHE_FILE))
    v2 = second.encode(TEXTS + TEXTS[:1])
    assert (second.hits, second.misses) == (4, 0)
    assert inner._model is None
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


def test_load_embedder_with_and_without_cache(tmp_path):
    plain = load_embedder(use_cache=False)
    assert isinstance(plain, SentenceTransformerEmbedder)
    cached = load_embedder(cache_dir=tmp_path / "c")
    assert isinstance(cached, CachedEmbedder)
    assert cached.model_id == plain.model_id
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").iterdir())  # nothing until used


def test_load_embedder_xdg_default(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cached = load_embedder()
    assert cached.cache.path == tmp_path / "claimcheck" / CACHE_FILE
