"""The one module that knows every stage: load -> parse -> extract -> embed -> cluster -> dispute.

Each stage is a pure function over frozen records; this module only wires them, batches the
heavy work, and keeps time per stage so benchmarks can say where the time goes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from claimcheck.config import Camps, load_camps
from claimcheck.records import Article, Claim, Dispute, Problem, Topic

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

# progress(stage, done, total): called as work advances; the CLI draws bars from it.
Progress = Callable[[str, int, int], None]
Inputs = Sequence[str | Path | Article] | str | Path

PARSE_BATCH = 64


@dataclass(frozen=True)
class ExtractResult:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    problems: tuple[Problem, ...]
    timings: dict[str, float] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class CheckResult:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    topics: tuple[Topic, ...]
    topic_of: tuple[int, ...]  # topic id of each claim, aligned with claims
    disputes: tuple[Dispute, ...]
    problems: tuple[Problem, ...]
    timings: dict[str, float] = field(default_factory=dict, compare=False)


def load_articles(inputs: Inputs, stdin: TextIO | None = None) -> tuple[list[Article], list[Problem]]:
    """Articles from paths ("-" reads ``stdin``) or ready Article records, with the inputs skipped."""
    from claimcheck import load

    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    given = [x for x in inputs if isinstance(x, Article)]
    paths = [x for x in inputs if not isinstance(x, Article)]
    articles, problems = load.load_articles(paths, stdin=stdin) if paths else ([], [])
    return given + list(articles), list(problems)


def extract(
    inputs: Inputs,
    camps: Camps | str | Path | None = None,
    *,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    claim_docs: dict[str, "Doc"] | None = None,
) -> ExtractResult:
    """Claims with their sources and stances, from paths or articles (``claim_docs``: see
    :func:`extract_from_articles`)."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    camps = camps if isinstance(camps, Camps) else load_camps(camps)
    articles, problems = load_articles(inputs, stdin=stdin)
    timings["load"] = time.perf_counter() - clock
    claims = extract_from_articles(articles, camps, progress=progress, timings=timings, claim_docs=claim_docs)
    return ExtractResult(tuple(articles), tuple(claims), tuple(problems), timings)


def extract_from_articles(
    articles: Sequence[Article],
    camps: Camps,
    *,
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
    claim_docs: dict[str, "Doc"] | None = None,
) -> list[Claim]:
    """Claims of parsed articles; ``claim_docs``, if given, is filled with each claim's text cut
    from its article's parse (claim id -> Doc), so the dispute stage need not parse it again."""
    from claimcheck.extract import extract_claims
    from claimcheck.nlp import cut, parse_many
    from claimcheck.sources import assign_camps, normalise_sources

    timings = {} if timings is None else timings
    clock = time.perf_counter()
    claims: list[Claim] = []
    docs = parse_many((a.text for a in articles), batch_size=PARSE_BATCH)
    for done, (article, doc) in enumerate(zip(articles, docs), start=1):
        found = extract_claims(article, doc)
        if claim_docs is not None:
            for claim in found:
                span = doc.char_span(claim.span.start, claim.span.end)  # None unless on token bounds
                if span is not None:
                    claim_docs[claim.id] = cut(span)
        claims.extend(found)
        if progress:
            progress("extract", done, len(articles))
    claims = normalise_sources(claims)
    if camps:
        claims = assign_camps(claims, camps)
    timings["extract"] = time.perf_counter() - clock
    return claims


def check(
    inputs: Inputs,
    camps: Camps | str | Path | None = None,
    *,
    model: str | Path | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    min_score: float = 0.5,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    embedder=None,
) -> CheckResult:
    """Disputed claims in a set of articles: claims, their topics, and the disputed pairs."""
    from claimcheck.cluster import cluster_topics
    from claimcheck.dispute import find_disputes
    from claimcheck.embed import load_embedder

    camps = camps if isinstance(camps, Camps) else load_camps(camps)  # once: extract() takes the Camps as is
    claim_docs: dict[str, Doc] = {}  # claims' parses, cut from their articles' for the dispute stage
    extracted = extract(inputs, camps, stdin=stdin, progress=progress, claim_docs=claim_docs)
    timings = dict(extracted.timings)
    claims = list(extracted.claims)

    clock = time.perf_counter()
    embedder = embedder or load_embedder(model, cache_dir=cache_dir, use_cache=use_cache)
    vectors = claim_vectors(embedder, claims, progress)
    timings["embed"] = time.perf_counter() - clock

    clock = time.perf_counter()
    topics, topic_of = cluster_topics(claims, vectors)
    timings["cluster"] = time.perf_counter() - clock

    clock = time.perf_counter()
    disputes = find_disputes(claims, vectors, topic_of, topics, camps, min_score=min_score, parsed=claim_docs)
    timings["dispute"] = time.perf_counter() - clock

    return CheckResult(
        articles=extracted.articles,
        claims=tuple(claims),
        topics=tuple(topics),
        topic_of=tuple(topic_of),
        disputes=tuple(disputes),
        problems=extracted.problems,
        timings=timings,
    )


def claim_vectors(embedder, claims: Sequence[Claim], progress: Progress | None = None) -> "np.ndarray":
    """Each claim read in its sentence: the mean of the content's and the sentence's embeddings.

    The content alone loses what the frame says ("denies reports that ...") and short contents
    ("it was false") lose their subject; the sentence alone merges the claims of one sentence.
    On Emergent's held-out headlines, content + sentence lifted topic ARI over extracted claims from
    0.83 (content alone) to 0.94 (see benchmarks/emergent_disputes.py).
    """
    import numpy as np

    texts = sorted({c.text for c in claims} | {c.sentence.text for c in claims})
    row = {t: i for i, t in enumerate(texts)}
    table = _embed(embedder, texts, progress)
    if not claims:
        return table[:0]
    mixed = table[[row[c.text] for c in claims]] + table[[row[c.sentence.text] for c in claims]]
    return (mixed / np.linalg.norm(mixed, axis=1, keepdims=True)).astype(np.float32)


def _embed(embedder, texts: list[str], progress: Progress | None, batch: int = 256) -> "np.ndarray":
    """Embed in chunks so progress can be reported; the embedder batches within each chunk."""
    import numpy as np

    if not texts:
        return embedder.encode([])
    parts = []
    for start in range(0, len(texts), batch):
        parts.append(embedder.encode(texts[start : start + batch]))
        if progress:
            progress("embed", min(start + batch, len(texts)), len(texts))
    return np.vstack(parts)

