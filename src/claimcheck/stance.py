"""Stance of a statement toward its topic's central proposition: for / against / observing.

Why stance and not pairwise contradiction: two headlines that both support a rumour often read as
contradictory to a pair model (measured F1 ~0.26 on Emergent even for an NLI cross-encoder), while
the Emergent recipe -- estimate each statement's stance, then pair opposite stances -- works.

The model is a multinomial logistic regression over (1) counts of lexical cues (denial, hoax/fake,
negation, hedges, attribution, punctuation), (2) the statement's sentence embedding and (3) binary
word uni/bigrams. It is stored as JSON (coefficients, vocabulary, cue patterns) in ``models/`` and
retrained with ``python training/train_models.py``. No pickle is ever loaded.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimcheck.errors import ConfigError, InputError

CLASSES = ("for", "against", "observing")
MODEL_FILE = "stance.json"
FEATURE_VERSION = 1
PREDICT_CHUNK = 4096  # rows per dense feature block in predict_proba (4096 x ~2,900 floats = 95 MB)

# Cue families; the training script copies them into the model file, which is what inference uses.
CUE_PATTERNS: dict[str, str] = {
    "deny": r"\b(?:den(?:y|ies|ied|ial|ials|ying)|refut\w*|reject\w*|dismiss\w*|debunk\w*|slams?|rubbish)\b",
    "fake": (
        r"\b(?:hoax\w*|fake[sd]?|fabricat\w*|false\w*|untrue|myth\w*|bogus|satir\w*|prank\w*|scam\w*|nope|"
        r"exposed|baseless|misleading|doctored|photoshop\w*|debunk\w*|lies|lie|lying|spoof\w*|parody|"
        r"not true|no truth|not real|no evidence)\b"
    ),
    "neg": r"\b(?:not|no|never|nothing|none|nor|without)\b|n[’']t\b",
    "hedge": (
        r"\b(?:reportedly|allegedly|alleged|claims?|claimed|claiming|rumou?r\w*|may|might|could|possibly|"
        r"apparently|purported\w*|unconfirmed|suggests?|report\w*|believed|thought to|said to)\b"
    ),
    "source": r"\b(?:says?|said|according|sources?|told|tells)\b",
    "question": r"\?",
    "exclaim": r"!",
    "colon": r":",
    "quote": r"[\"“”'‘’]",
}
TOKEN_PATTERN = r"(?u)\b\w+\b|\?|n't"  # keeps "?" and "n't" as tokens: both carry stance


def tokens(text: str, pattern: str = TOKEN_PATTERN) -> list[str]:
    """Lower-cased uni- and bigrams, exactly as sklearn's CountVectorizer builds them for ``pattern``."""
    words = re.findall(pattern, text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def cue_counts(text: str, patterns: dict[str, str] = CUE_PATTERNS) -> np.ndarray:
    """log(1 + count) of each cue family in ``text``."""
    low = text.lower()
    return np.log1p(np.array([len(re.findall(p, low)) for p in patterns.values()], dtype=np.float64))


def cue_matches(text: str, families: Sequence[str] = ("deny", "fake", "neg", "hedge", "question"),
                patterns: dict[str, str] = CUE_PATTERNS) -> list[tuple[int, int, str]]:
    """(start, end, family) of the cue words in ``text`` -- the evidence a stance rests on."""
    low = text.lower()
    out = []
    for fam in families:
        for m in re.finditer(patterns[fam], low):
            out.append((m.start(), m.end(), fam))
    return sorted(set(out))


@dataclass(frozen=True)
class StanceModel:
    classes: tuple[str, ...]
    patterns: dict[str, str]
    token_pattern: str
    vocabulary: dict[str, int]
    dim: int
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)
    pair_threshold: float  # opposite-stance pair score at which the "learned" reason reaches 0.5
    meta: dict
    # Logistic regressions over the embedding alone, averaged in with their weights: the full model
    # leans on words, the heads read meaning, and the mixture beats each of them.
    heads: tuple["EmbeddingHead", ...] = ()

    @classmethod
    def from_json(cls, data: dict) -> "StanceModel":
        try:
            if data.get("feature_version") != FEATURE_VERSION:
                raise ConfigError(f"stance model feature_version {data.get('feature_version')} != {FEATURE_VERSION}")
            vocab = {w: i for i, w in enumerate(data["vocabulary"])}
            coef = np.asarray(data["coef"], dtype=np.float64)
            intercept = np.asarray(data["intercept"], dtype=np.float64)
            heads = tuple(EmbeddingHead.from_json(h) for h in data.get("heads", ()))
            model = cls(tuple(data["classes"]), dict(data["cue_patterns"]), data["token_pattern"], vocab,
                        int(data["embedding_dim"]), coef, intercept, float(data["pair"]["threshold"]),
                        {k: data.get(k) for k in ("embedding_model", "trained_on", "metrics", "created_by")}, heads)
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"stance model file is malformed ({exc})") from None
        n_feat = len(model.patterns) + model.dim + len(vocab)
        n_cls = len(model.classes)
        if coef.shape != (n_cls, n_feat) or intercept.shape != (n_cls,):
            raise ConfigError(f"stance model shape {coef.shape} does not match {n_feat} features")
        for h in heads:
            if h.coef.shape != (n_cls, h.width(model.dim)) or h.intercept.shape != (n_cls,):
                raise ConfigError(f"stance model head {h.kind!r} has shape {h.coef.shape}")
        if any(h.weight < 0 for h in heads) or sum(h.weight for h in heads) > 1:
            raise ConfigError("stance model head weights must be >= 0 and sum to at most 1")
        return model

    def features(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        vectors = np.asarray(vectors, dtype=np.float64)
        if vectors.ndim != 2 or vectors.shape != (len(texts), self.dim):
            raise InputError(f"stance features need vectors of shape ({len(texts)}, {self.dim}), got {vectors.shape}")
        bow = np.zeros((len(texts), len(self.vocabulary)))
        for i, t in enumerate(texts):
            for g in tokens(t, self.token_pattern):
                j = self.vocabulary.get(g)
                if j is not None:
                    bow[i, j] = 1.0
        cues = np.array([cue_counts(t, self.patterns) for t in texts]).reshape(len(texts), len(self.patterns))
        return np.hstack([cues, vectors, bow])

    def predict_proba(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """(n, 3) probabilities in ``CLASSES`` order (for, against, observing)."""
        if len(texts) == 0:
            return np.zeros((0, len(CLASSES)))
        vectors = np.asarray(vectors)
        if len(texts) > PREDICT_CHUNK:  # the feature matrix is dense: bound it for large corpora
            return np.vstack([self.predict_proba(texts[s:s + PREDICT_CHUNK], vectors[s:s + PREDICT_CHUNK])
                              for s in range(0, len(texts), PREDICT_CHUNK)])
        p = _softmax(self.features(texts, vectors) @ self.coef.T + self.intercept)
        if self.heads:
            p = p * (1 - sum(h.weight for h in self.heads))
            for h in self.heads:
                p = p + h.weight * h.predict_proba(vectors)
        order = [self.classes.index(c) for c in CLASSES]
        return p[:, order]

    def predict(self, texts: Sequence[str], vectors: np.ndarray) -> list[str]:
        return [CLASSES[i] for i in self.predict_proba(texts, vectors).argmax(axis=1)]


@dataclass(frozen=True)
class EmbeddingHead:
    """A logistic regression over the embedding (``kind`` "embedding") or over random Fourier
    features of it (``kind`` "rff": a Gaussian kernel of width ``gamma``, approximated by
    ``components`` random cosines drawn from ``seed`` -- numpy's RandomState, whose stream is frozen,
    so the file stores only the seed and never needs pickle or a stored matrix)."""

    kind: str
    coef: np.ndarray  # (n_classes, width)
    intercept: np.ndarray
    weight: float
    gamma: float = 0.0
    components: int = 0
    seed: int = 0

    @classmethod
    def from_json(cls, data: dict) -> "EmbeddingHead":
        kind = data["kind"]
        if kind not in ("embedding", "rff"):
            raise ValueError(f"unknown head kind {kind!r}")
        return cls(kind, np.asarray(data["coef"], dtype=np.float64), np.asarray(data["intercept"], dtype=np.float64),
                   float(data["weight"]), float(data.get("gamma", 0.0)), int(data.get("components", 0)),
                   int(data.get("seed", 0)))

    def width(self, dim: int) -> int:
        return dim if self.kind == "embedding" else self.components

    def features(self, vectors: np.ndarray) -> np.ndarray:
        v = np.asarray(vectors, dtype=np.float64)
        if self.kind == "embedding":
            return v
        w, b = random_fourier_basis(v.shape[1], self.components, self.gamma, self.seed)
        return np.sqrt(2.0 / self.components) * np.cos(v @ w + b)

    def predict_proba(self, vectors: np.ndarray) -> np.ndarray:
        return _softmax(self.features(vectors) @ self.coef.T + self.intercept)


@functools.lru_cache(maxsize=4)
def random_fourier_basis(dim: int, components: int, gamma: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Frequencies and phases of random Fourier features for exp(-gamma * |x - y|^2) (Rahimi & Recht)."""
    rng = np.random.RandomState(seed)
    w = rng.standard_normal((dim, components)) * np.sqrt(2.0 * gamma)
    b = rng.uniform(0.0, 2.0 * np.pi, components)
    w.setflags(write=False)
    b.setflags(write=False)
    return w, b


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def models_dir() -> Path:
    """Folder holding the stance model (``stance.json``, ``MODEL_CARD.md``).

    ``$CLAIMCHECK_MODELS`` if set; else ``claimcheck/models/`` beside this module, where a wheel
    puts the repository's top-level ``models/`` (package-dir mapping in pyproject.toml); else that
    top-level ``models/`` itself, which is what editable installs and ``PYTHONPATH=src`` see, since
    they expose ``src/claimcheck`` only.
    """
    env = os.environ.get("CLAIMCHECK_MODELS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    shipped, checkout = here / "models", here.parents[1] / "models"
    if not (shipped / MODEL_FILE).is_file() and (checkout / MODEL_FILE).is_file():
        return checkout
    return shipped


def read_model_json(file: str, what: str, retrain: str, path: str | None = None) -> dict:
    """A shipped model's JSON (``path``, else ``file`` in models_dir()); a missing or unreadable file
    is a ConfigError naming it and how to rebuild it."""
    p = Path(path) if path else models_dir() / file
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{p}: {what} not found (retrain: {retrain})") from None
    except (OSError, ValueError) as exc:  # ValueError: not JSON, or not UTF-8
        raise ConfigError(f"{p}: cannot read {what} ({exc})") from None


@functools.lru_cache(maxsize=4)
def load_stance_model(path: str | None = None) -> StanceModel:
    """The shipped stance model, read once per process."""
    return StanceModel.from_json(read_model_json(MODEL_FILE, "stance model", "python training/train_models.py", path))


def pair_opposition(pa: np.ndarray, pb: np.ndarray) -> float:
    """How strongly two stance distributions oppose: P(one for and the other against)."""
    f, a = CLASSES.index("for"), CLASSES.index("against")
    return float(max(pa[f] * pb[a], pa[a] * pb[f]))


def calibrate(s: float, threshold: float) -> float:
    """Map an opposition score to a weight that is 0.5 exactly at the training F1-optimal threshold.

    Piecewise linear and monotone: [0, t] -> [0, 0.5], [t, 1] -> [0.5, 1].
    """
    t = min(max(threshold, 1e-6), 1 - 1e-6)
    s = min(max(s, 0.0), 1.0)
    return 0.5 * s / t if s < t else 0.5 + 0.5 * (s - t) / (1 - t)
