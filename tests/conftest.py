"""Shared fixtures: the real models are loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = SHARED / "seeds" / "aleppo-article.txt"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def nlp():
    from claimcheck.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def embedder():
    """The default backend (onnxruntime int8) over the bundled model, uncached (tests that need a
    cache wrap it in a tmp one); its exported model lives in the default cache folder."""
    from claimcheck.embed import load_embedder

    return load_embedder(use_cache=False)


@pytest.fixture(scope="session")
def torch_embedder():
    """The sentence-transformers (torch) backend, for tests of that backend and of exact old vectors."""
    from claimcheck.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()
