"""The shipped stance model: loads from models/ (JSON, no pickle) and reads obvious stances right."""

from __future__ import annotations

import json

import numpy as np
import pytest

from claimcheck.errors import ConfigError
from claimcheck.stance import (CLASSES, CUE_PATTERNS, calibrate, cue_counts, cue_matches, load_stance_model,
                               models_dir, pair_opposition, tokens)


@pytest.fixture(scope="module")
def encode():
    from claimcheck.embed import load_embedder

    emb = load_embedder(use_cache=False)
    return lambda texts: np.asarray(emb.encode(texts), dtype=np.float32)


def test_model_file_is_plain_json():
    path = models_dir() / "stance.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["classes"] == list(CLASSES)
    assert data["trained_on"]["split"].startswith("sha1(claimId)")
    assert 0 < data["pair"]["threshold"] < 1
    assert (models_dir() / "MODEL_CARD.md").exists()


def test_loaded_once():
    assert load_stance_model() is load_stance_model()


def test_missing_model_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        load_stance_model(str(tmp_path / "nope.json"))
    bad = tmp_path / "bad.json"
    bad.write_text('{"feature_version": 1}', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_stance_model(str(bad))


@pytest.mark.slow
@pytest.mark.parametrize("against,support", [
    ("Officials deny reports that the mayor of Tarvik resigned over the bridge scandal",
     "Mayor of Tarvik resigns over the bridge scandal"),
    ("Viral photo of a shark swimming on a flooded motorway is a hoax",
     "Shark filmed swimming on a flooded motorway after the storm"),
    ("No, the zoo did not paint its donkeys to look like zebras",
     "Zoo paints its donkeys to look like zebras"),
])
def test_denial_ranks_as_against(encode, against, support):
    model = load_stance_model()
    p = model.predict_proba([against, support], encode([against, support]))
    a = CLASSES.index("against")
    assert p[0, a] > p[1, a]
    labels = model.predict([against, support], encode([against, support]))
    assert labels[0] == "against" and labels[1] != "against"
    assert np.allclose(p.sum(axis=1), 1.0)


def test_tokens_match_sklearn():
    from sklearn.feature_extraction.text import CountVectorizer

    from claimcheck.stance import TOKEN_PATTERN

    text = "Is it true? Police didn't confirm the 'hoax' report"
    cv = CountVectorizer(ngram_range=(1, 2), binary=True, token_pattern=TOKEN_PATTERN).fit([text])
    assert set(tokens(text)) == set(cv.vocabulary_)


@pytest.mark.parametrize("text,family", [
    ("Ministry denies the claim", "deny"),
    ("The photo is a hoax", "fake"),
    ("They did not arrive", "neg"),
    ("The army reportedly advanced", "hedge"),
    ("Did the army advance?", "question"),
])
def test_cue_matches(text, family):
    assert family in {f for _, _, f in cue_matches(text)}
    assert cue_counts(text).shape == (len(CUE_PATTERNS),)


def test_pair_opposition_and_calibration():
    f, a, o = (np.eye(3)[CLASSES.index(c)] for c in ("for", "against", "observing"))
    assert pair_opposition(f, a) == pair_opposition(a, f) == 1.0
    assert pair_opposition(f, f) == pair_opposition(a, o) == 0.0
    assert calibrate(0.3, 0.3) == 0.5
    assert calibrate(0.0, 0.3) == 0.0 and calibrate(1.0, 0.3) == 1.0
    xs = [calibrate(x, 0.3) for x in np.linspace(0, 1, 21)]
    assert xs == sorted(xs)


@pytest.mark.slow
def test_learned_reason_flags_opposite_stances(encode):
    from claimcheck.config import Camps
    from claimcheck.dispute import find_disputes
    from claimcheck.records import Article, Claim, Source, Span

    texts = ["Pop singer Lana Velez died in a car crash in Lisbon",
             "Lana Velez death hoax: the singer is alive and well, her agent says it is fake",
             "Singer Lana Velez dies at 34 after Lisbon car crash"]
    claims = []
    for i, t in enumerate(texts):
        art = Article(f"h{i}", t, outlet=f"outlet-{i}")
        span = Span(0, len(t), t)
        claims.append(Claim(f"h{i}#0", art.ref, t, span, span, Source(f"outlet-{i}", "narrator"), None, "asserts"))
    found = find_disputes(claims, encode(texts), [0, 0, 0], [], Camps())
    pairs = {(d.a.id, d.b.id) for d in found}
    assert ("h0#0", "h1#0") in pairs and ("h1#0", "h2#0") in pairs
    assert ("h0#0", "h2#0") not in pairs  # both support the rumour
    for d in found:
        assert any(r.kind == "learned" for r in d.reasons)


def test_random_fourier_features_approximate_the_gaussian_kernel():
    from claimcheck.stance import EmbeddingHead

    head = EmbeddingHead("rff", np.zeros((3, 4096)), np.zeros(3), 0.3, gamma=1.0, components=4096, seed=0)
    rng = np.random.RandomState(1)
    x = rng.standard_normal((6, 384))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    x[1] = x[0] + 0.3 * x[1]  # a close pair, so the kernel is not ~0 everywhere
    x[1] /= np.linalg.norm(x[1])
    z = head.features(x)
    exact = np.exp(-1.0 * ((x[:, None, :] - x[None, :, :]) ** 2).sum(-1))
    assert np.abs(z @ z.T - exact).max() < 0.08
    assert np.array_equal(z, head.features(x))  # the same basis every call (frozen seed)


@pytest.mark.parametrize("change,message", [
    (lambda h: h.update(kind="mystery"), "malformed"),
    (lambda h: h.update(coef=[[0.0] * 5] * 3), "head"),
    (lambda h: h.update(weight=0.9), "weights"),
])
def test_malformed_heads_are_config_errors(tmp_path, change, message):
    data = json.loads((models_dir() / "stance.json").read_text(encoding="utf-8"))
    assert data["heads"], "the shipped model has heads"
    change(data["heads"][0])
    path = tmp_path / "stance.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_stance_model(str(path))


@pytest.mark.parametrize("content, words", [
    (None, "stance model not found (retrain: python training/train_models.py)"),
    (b"{not json", "cannot read stance model"),
    (b"\xff\xfe not utf-8", "cannot read stance model"),
])
def test_an_unreadable_model_file_is_a_config_error_naming_it(tmp_path, content, words):
    from claimcheck.errors import ConfigError
    from claimcheck.stance import load_stance_model

    path = tmp_path / "stance.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigError, match=str(path)) as err:
        load_stance_model.__wrapped__(str(path))
    assert words in str(err.value)
