"""The one module that knows every stage: load -> parse -> extract -> embed -> cluster -> events -> dispute.

Each stage is a pure function over frozen records; this module only wires them, batches the
heavy work, and keeps time per stage so benchmarks can say where the time goes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from claimcheck.config import Camps, load_camps
from claimcheck.records import Article, Claim, ContestedFact, Dispute, Event, EventFrame, Problem, Review, Topic

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from claimcheck.report import RunOutputs

# progress(stage, done, total): called as work advances; the CLI draws bars from it.
Progress = Callable[[str, int, int], None]
Inputs = Sequence[str | Path | Article] | str | Path

# Articles parsed per spaCy batch. Small, so parsed articles' claims reach the embedder early (it
# encodes them while the next batch parses) and little is left to encode after the last batch; on
# 100 FNC-1 bodies 16 parsed no slower than 64, with byte-identical claims.
PARSE_BATCH = 16


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
    facts: tuple[ContestedFact, ...] = ()  # the disputes grouped by what they disagree about
    reviews: tuple[Review, ...] = ()  # reviewers' verdicts (``verdicts=``) on facts of this run
    camps: Camps | None = field(default=None, compare=False)  # the camps file the run used
    events: tuple[Event, ...] = ()  # claims reporting one real-world event (claim.event.id points here)


def load_articles(inputs: Inputs, stdin: TextIO | None = None,
                  date: str | None = None) -> tuple[list[Article], list[Problem]]:
    """Articles from paths ("-" reads ``stdin``) or ready Article records, with the inputs skipped;
    each dated (``Article.date``: metadata, else a date header, else ``date``; a header at the start of
    the body is moved out of it, see claimcheck.events.dates)."""
    from claimcheck import load
    from claimcheck.events.dates import dated

    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    given = [x for x in inputs if isinstance(x, Article)]
    paths = [x for x in inputs if not isinstance(x, Article)]
    articles, problems = load.load_articles(paths, stdin=stdin) if paths else ([], [])
    return [dated(a, date) for a in given + list(articles)], list(problems)


def extract(
    inputs: Inputs,
    camps: Camps | str | Path | None = None,
    *,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    claim_docs: dict[str, "Doc"] | None = None,
    date: str | None = None,
    found: Callable[[Sequence[Claim]], None] | None = None,
) -> ExtractResult:
    """Claims with their sources, stances and event frames, from paths or articles (``claim_docs``: see
    :func:`extract_from_articles`; ``date``: the publication date of articles that give none)."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    camps = camps if isinstance(camps, Camps) else load_camps(camps)
    articles, problems = load_articles(inputs, stdin=stdin, date=date)
    timings["load"] = time.perf_counter() - clock
    claims = extract_from_articles(articles, camps, progress=progress, timings=timings, claim_docs=claim_docs,
                                   problems=problems, found=found)
    failed = {p.article for p in problems if p.article is not None}
    articles = [a for a in articles if a.id not in failed] if failed else articles
    return ExtractResult(tuple(articles), tuple(claims), tuple(problems), timings)


def extract_from_articles(
    articles: Sequence[Article],
    camps: Camps,
    *,
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
    claim_docs: dict[str, "Doc"] | None = None,
    problems: list[Problem] | None = None,
    found: Callable[[Sequence[Claim]], None] | None = None,
) -> list[Claim]:
    """Claims of parsed articles, each with its event frame (read against the article's ``date``),
    less the lines an outlet repeats on many pages (claimcheck.extract.repeated);
    ``claim_docs``, if given, is filled with each claim's text cut from its article's parse
    (claim id -> Doc), so the dispute stage need not parse it again.
    With a ``problems`` list, an article that meets an unexpected error is skipped and named there
    (``Problem.article``; logged with its traceback at INFO); without one the error is raised.
    ``found``, if given, is called with each article's claims as they come (check() embeds them then)."""
    from claimcheck.extract import extract_claims
    from claimcheck.extract.repeated import without_site_furniture
    from claimcheck.nlp import Cutter, cut, parse_each
    from claimcheck.sources import assign_camps, normalise_sources

    timings = {} if timings is None else timings
    clock = time.perf_counter()
    claims: list[Claim] = []
    frames_time = 0.0  # event frames' share of the extraction (reported apart as "frames", within "extract")
    docs = parse_each((a.text for a in articles), batch_size=PARSE_BATCH)
    for done, (article, doc) in enumerate(zip(articles, docs), start=1):
        try:  # a bug met on one article skips that article, named, and the run goes on
            if isinstance(doc, Exception):
                raise doc
            found_claims = extract_claims(article, doc)
            started = time.perf_counter()
            made = _framed(article, doc, found_claims, camps)
            frames_time += time.perf_counter() - started
            cuts = {}
            if claim_docs is not None and made:
                cutter = Cutter(doc)
                for claim in made:
                    span = doc.char_span(claim.span.start, claim.span.end)  # None unless on token bounds
                    if span is not None:
                        cuts[claim.id] = cut(span, cutter)
        except Exception as exc:  # noqa: BLE001
            logging.getLogger("claimcheck").info("article %s failed", article.id, exc_info=exc)
            if problems is None:
                raise
            problems.append(Problem(article.path or article.id, f"article {article.id}: unexpected error "
                                    f"({type(exc).__name__}: {str(exc)[:120]}); skipped", article=article.id))
            continue
        if claim_docs is not None:
            claim_docs.update(cuts)
        claims.extend(made)
        if found is not None and made:
            found(made)
        if progress:
            progress("extract", done, len(articles))
    claims = without_site_furniture(claims)  # a line an outlet repeats on many pages is no one's claim
    claims = normalise_sources(claims, {a.id: a.text for a in articles})
    if camps:
        claims = assign_camps(claims, camps)
    timings["extract"] = time.perf_counter() - clock
    timings["frames"] = frames_time
    return claims


def _framed(article: Article, doc: "Doc", claims: list[Claim], camps: Camps) -> list[Claim]:
    """The article's claims with their event frames. A page whose body reports no event (a paywall
    or sign-up page under a real headline: "2 dead in house party shooting" over "Thank you for
    registering!") reports its headline's: the headline's claims that report one come first, ids renumbered."""
    from claimcheck.events.frames import with_events
    from claimcheck.extract import headline_claims

    made = with_events(claims, doc, article.date, camps)
    if article.body_start == 0 or any(c.event is not None for c in made):
        return made
    # (a body that stated nothing gave the headline's claims already: framed alike, none reports one)
    head = [c for c in with_events(headline_claims(article, doc), doc, article.date, camps) if _reports(c.event)]
    if not head:
        return made
    return [replace(c, id=f"{article.id}#{n}") for n, c in enumerate(head + made, start=1)]


def _reports(frame: EventFrame | None) -> bool:
    """Does a headline's frame report an event: a type of the taxonomy, or an `other` one anchored by
    a time, place or victims ("Why the council vote matters" frames the verb, reporting nothing)?"""
    return frame is not None and (frame.type != "other" or bool(frame.time or frame.places or frame.victims))


def check(
    inputs: Inputs,
    camps: Camps | str | Path | None = None,
    *,
    model: str | Path | None = None,
    backend: str = "onnx",
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    min_score: float = 0.5,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    embedder=None,
    verdicts: Sequence[str | Path] = (),
    date: str | None = None,
) -> CheckResult:
    """Disputed claims in a set of articles: claims, their topics, the disputed pairs and the
    contested facts they make up, with the ``verdicts`` files' reviews of facts that still exist
    (a verdict for a fact this run does not have is reported as a problem). ``backend`` is the
    embedding backend: "onnx" (int8, the default) or "torch" (sentence-transformers); ``date`` the
    publication date (YYYY-MM-DD) of articles that give none."""
    from claimcheck.cluster import cluster_topics
    from claimcheck.dispute import find_disputes
    from claimcheck.embed import Prefetcher, load_embedder
    from claimcheck.events.group import group_events
    from claimcheck.events.stories import dateline_town

    camps = camps if isinstance(camps, Camps) else load_camps(camps)  # once: extract() takes the Camps as is
    claim_docs: dict[str, Doc] = {}  # claims' parses, cut from their articles' for the dispute stage
    embedder = embedder or load_embedder(model, cache_dir=cache_dir, use_cache=use_cache, backend=backend)
    # Encoding overlaps parsing when the vectors cannot depend on it (onnx: each text alone); torch's
    # batches pad, so its vectors would change with what was embedded together: it runs after, as before.
    ahead = Prefetcher(embedder) if getattr(embedder, "batch_independent", False) else None
    try:
        found = (lambda made: ahead.prefetch([t for c in made for t in (c.text, c.sentence.text)])) if ahead else None
        extracted = extract(inputs, camps, stdin=stdin, progress=progress, claim_docs=claim_docs, date=date,
                            found=found)
        timings = dict(extracted.timings)
        claims = list(extracted.claims)
        clock = time.perf_counter()  # with ``ahead``: the encoding left when parsing is done
        vectors = claim_vectors(ahead or embedder, claims, progress)
        timings["embed"] = time.perf_counter() - clock
    finally:
        if ahead is not None:
            ahead.close()

    clock = time.perf_counter()
    topics, topic_of = cluster_topics(claims, vectors)
    timings["cluster"] = time.perf_counter() - clock

    clock = time.perf_counter()
    claims, events = group_events(claims, vectors, articles=extracted.articles)
    timings["events"] = time.perf_counter() - clock

    clock = time.perf_counter()
    published = {a.id: a.date for a in extracted.articles if a.date}
    towns = {a.id: town for a in extracted.articles if (town := dateline_town(a))}
    disputes = find_disputes(claims, vectors, topic_of, topics, camps, min_score=min_score, parsed=claim_docs,
                             published=published, events=events, towns=towns)
    timings["dispute"] = time.perf_counter() - clock

    clock = time.perf_counter()
    facts = contested_facts(extracted.articles, disputes, events)
    reviews, unmatched = match_reviews(facts, verdicts)
    timings["facts"] = time.perf_counter() - clock

    return CheckResult(
        articles=extracted.articles,
        claims=tuple(claims),
        topics=tuple(topics),
        topic_of=tuple(topic_of),
        disputes=tuple(disputes),
        problems=extracted.problems + tuple(unmatched),
        timings=timings,
        facts=facts,
        reviews=reviews,
        camps=camps,
        events=tuple(events),
    )


def contested_facts(articles: Sequence[Article], disputes: Sequence[Dispute],
                    events: Sequence = ()) -> tuple[ContestedFact, ...]:
    """Disputes grouped into contested facts, wire copies counted once (claimcheck.facts, .origins)."""
    from claimcheck.facts import contested_facts as group
    from claimcheck.origins import build_index

    disputed = {c.id: c for d in disputes for c in (d.a, d.b)}
    index = build_index(articles, list(disputed.values()))
    return group(disputes, events=events, origins_of=index.origins)


def match_reviews(facts: Sequence[ContestedFact], verdicts: Sequence[str | Path]) -> tuple[tuple[Review, ...], list[Problem]]:
    """The reviews in ``verdicts`` files for these facts (the last one of a fact wins), and a
    problem for each bad line and each verdict whose fact is gone."""
    from claimcheck.report import read_reviews

    reviews, problems, where = read_reviews(verdicts)
    ids = {f.id for f in facts}
    kept = tuple(r for r in reviews if r.fact_id in ids)
    for r in reviews:
        if r.fact_id not in ids:
            path, line = where[r.fact_id]
            problems.append(Problem(path, f"verdict for fact {r.fact_id}: no such contested fact in this run (not kept)", line))
    return kept, problems


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



def read_outputs(paths: Sequence[str | Path], verdicts: Sequence[str | Path] = (),
                 camps: Camps | str | Path | None = None) -> "RunOutputs":
    """A run's JSONL outputs read back for `claimcheck report` and `export`: each line is sorted
    by its kind (claims, disputes, facts, events, articles; verdicts lines too), whatever file it
    is in, extra fields kept. The ``verdicts`` files' reviews (and verdicts lines among ``paths``)
    are attached to their facts; a verdict for a fact not among the inputs is a problem. With
    ``camps``, outlets are put in camps by that file (else by their own claims' camps)."""
    from claimcheck import report

    camps = camps if isinstance(camps, Camps) or camps is None else load_camps(camps)
    kinds: dict[str, dict[str, dict]] = {k: {} for k in report.ROW_KINDS}
    line_of: dict[str, tuple[str, int]] = {}  # row id -> where its line is
    problems: list[Problem] = []
    review_paths: list[str | Path] = []
    for path in paths:
        rows, bad = report.read_rows(path)
        problems.extend(bad)
        for number, row in rows:
            kind = report.row_kind(row)
            if kind == "verdicts":
                review_paths.append(path)
            elif kind is None:
                problems.append(Problem(str(path), "not a claimcheck line (no claim, dispute, fact, event, article "
                                                   "or verdict fields)", number))
            elif kind == "facts" and (err := report.fact_row_problem(row)):
                problems.append(Problem(str(path), err, number))
            elif str(row.get("id")) not in kinds[kind]:  # the first of a repeated id wins
                kinds[kind][str(row.get("id"))] = row
                line_of.setdefault(str(row.get("id")), (str(path), number))
    facts = list(kinds["facts"].values())
    reviews, bad, where = report.read_reviews(list(dict.fromkeys(review_paths)) + list(verdicts))
    problems.extend(bad)
    by_fact = {r.fact_id: r for r in reviews}
    ids = {f["id"] for f in facts}
    for r in reviews:
        if r.fact_id not in ids:
            path, line = where[r.fact_id]
            problems.append(Problem(path, f"verdict for fact {r.fact_id}: no such contested fact in the inputs", line))
    merged = []
    for row in facts:
        try:
            review = by_fact.get(row["id"]) or report.review_from_row(row)
        except ValueError as exc:  # a hand-edited facts line with a malformed verdict
            path, line = line_of[row["id"]]
            problems.append(Problem(path, f"fact {row['id']}: {exc}", line))
            review = None
        merged.append({**row, "review": None if review is None else report.review_json(review)})
    return report.RunOutputs(
        articles=tuple(kinds["articles"].values()), claims=tuple(kinds["claims"].values()),
        disputes=tuple(kinds["disputes"].values()), facts=tuple(merged), events=tuple(kinds["events"].values()),
        problems=tuple(problems), outlet_camps=report.outlet_camps_of(kinds["articles"].values(), camps),
    )
