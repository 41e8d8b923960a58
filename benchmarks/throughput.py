"""Throughput of `claimcheck claims` and `claimcheck run` on real news bodies (FNC-1 train_bodies).

    .venv/bin/python benchmarks/throughput.py [--articles 500] [--backends torch,onnx] [--data PATH] [--cold-only]
        [--floors onnx]

Reports, in one run on the same articles:
- claim extraction in sentences/second, beside bare spaCy parsing of the same texts (the floor
  extraction cannot beat);
- for each embedding backend -- ``torch`` (sentence-transformers, the settings of claimcheck 0.1) and
  ``onnx`` (int8, the default; ``onnx-after``: the same, encoding after the parse) -- the full run with a cold embedding cache (a fresh temporary cache
  and a freshly loaded model, as a new CLI process has) and again warm, in articles/minute and
  sentences/second, with each stage's share of the time;
  The onnx run encodes while spaCy parses (pipeline.check's Prefetcher: onnx vectors do not depend
  on their batch mates); torch runs its encoding after the parse, as 0.1 did, so its ``embed``
  share is all the encoding and onnx's only what is left when parsing ends;
- the floor of a cold run: parse alone + encode alone (the distinct texts the run embedded, in
  one ``encode`` call of the same backend), and the run's time as a multiple of it;
- spaCy's share of a cold run (parse alone / run), and the peak memory of the process.

The ONNX model is exported once into a persistent folder (``--model-dir``, default the user cache)
before anything is timed; the time that took, if it had to be made, is reported apart.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "fnc-1" / "train_bodies.csv"


def read_bodies(path: Path, limit: int):
    from claimcheck.records import Article

    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.sort(key=lambda r: int(r["Body ID"]))
    return [Article(id=f"fnc-{r['Body ID']}", text=r["articleBody"], outlet=f"outlet-{i % 25}") for i, r in enumerate(rows[:limit])]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_inner(backend: str, model_dir: Path | None):
    """A fresh, unloaded embedder of the backend (what a new process starts with)."""
    from claimcheck.embed import SentenceTransformerEmbedder
    from claimcheck.embed_onnx import OnnxEmbedder

    if backend == "torch":
        return SentenceTransformerEmbedder()
    if backend == "onnx-after":  # the onnx model, encoding only after the parse (as before the overlap)

        class After(OnnxEmbedder):
            batch_independent = False

        return After(cache_dir=model_dir)
    return OnnxEmbedder(cache_dir=model_dir)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--backends", default="torch,onnx", help="comma-separated, run in this order")
    parser.add_argument("--model-dir", type=Path, default=None, help="where the exported ONNX model is kept")
    parser.add_argument("--cold-only", action="store_true", help="skip the warm-cache runs (a shorter benchmark)")
    parser.add_argument("--floors", default=None, help="backends whose floor (encode alone) is measured; default all")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: {args.data} not found")
        return 0
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]

    from claimcheck import pipeline
    from claimcheck.embed import CachedEmbedder, EmbeddingCache
    from claimcheck.nlp import load_nlp

    if any(b.startswith("onnx") for b in backends):
        probe = make_inner("onnx", args.model_dir)
        made = not probe.onnx_path.is_file()
        clock = time.perf_counter()
        probe.encode(["warm up"])
        if made:
            print(f"(the ONNX model was made first: {time.perf_counter() - clock:.1f} s, once, into {probe.onnx_path})")
        del probe

    articles = read_bodies(args.data, args.articles)
    nlp = load_nlp()
    nlp("warm up")

    clock = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe((a.text for a in articles), batch_size=pipeline.PARSE_BATCH))
    parse_only = time.perf_counter() - clock

    clock = time.perf_counter()
    extracted = pipeline.extract(articles)
    extract_time = time.perf_counter() - clock
    claims = extracted.claims
    texts = sorted({c.text for c in claims} | {c.sentence.text for c in claims})
    whole = sum(c.text == c.sentence.text for c in claims)

    print(f"data: {args.data.name}, {len(articles)} articles, {sentences} sentences, {len(claims)} claims, "
          f"{len(texts)} distinct texts to embed ({len(texts) / sentences:.2f} per sentence; "
          f"{whole} claims are their whole sentence and add no text)")
    print(f"baseline  spaCy parse only              {sentences / parse_only:8.1f} sentences/s ({parse_only:.1f} s)")
    print(f"claimcheck claims (extract)             {sentences / extract_time:8.1f} sentences/s "
          f"({parse_only / extract_time:.2f}x of parse-only speed)")

    cold_speed: dict[str, float] = {}
    for backend in backends:
        with tempfile.TemporaryDirectory() as cache:
            runs = {}
            for label in ("cold",) if args.cold_only else ("cold", "warm"):
                inner = make_inner(backend, args.model_dir)  # cold: loads its model inside the run
                embedder = CachedEmbedder(inner, EmbeddingCache(Path(cache) / "embeddings.sqlite3"))
                clock = time.perf_counter()
                result = pipeline.check(articles, embedder=embedder)
                total = time.perf_counter() - clock
                embedder.cache.close()
                runs[label] = (total, result)
                shares = ", ".join(f"{k} {v / total:.0%}" for k, v in result.timings.items() if k != "frames")
                shares += (f" (event frames {result.timings.get('frames', 0):.1f} s within extract, "
                           f"event grouping {result.timings.get('events', 0):.1f} s)")
                print(f"run [{backend:10}] {label} cache  {len(articles) / total * 60:8.1f} articles/min "
                      f"{sentences / total:7.1f} sentences/s ({total:.1f} s; {len(result.claims)} claims, "
                      f"{len(result.topics)} topics, {len(result.disputes)} disputes; {shares}; "
                      f"embedded {embedder.misses} texts)")
            cold_total, cold = runs["cold"]
            cold_speed[backend] = len(articles) / cold_total * 60
            if args.floors is not None and backend not in args.floors.split(","):
                continue
            inner = make_inner(backend, args.model_dir)
            clock = time.perf_counter()
            inner.encode(["warm up"])  # a fresh embedder: this loads the model
            load = time.perf_counter() - clock
            clock = time.perf_counter()
            inner.encode(texts)
            encode_only = time.perf_counter() - clock
            floor = parse_only + encode_only
            embed_what = ("left after parsing (the rest overlapped it):" if getattr(inner, "batch_independent", False)
                          else f"took {(cold.timings['embed'] - load) / encode_only:.2f}x encode alone after loading:")
            print(f"  [{backend:10}] floor: parse alone {parse_only:.1f} s + encode alone {encode_only:.1f} s "
                  f"({len(texts) / encode_only:.1f} texts/s, one call) = {floor:.1f} s; the cold run takes "
                  f"{cold_total / floor:.2f}x of it. In the run, embedding {embed_what} {cold.timings['embed']:.1f} s "
                  f"(loading the model: {load:.1f} s); spaCy parsing alone is {parse_only / cold_total:.0%} of the cold run")
    for other in ("torch", "onnx-after"):
        if other in cold_speed and "onnx" in cold_speed:
            print(f"cold run, onnx vs {other}: {cold_speed['onnx'] / cold_speed[other]:.2f}x the articles/min")
    print(f"peak memory of this process (spaCy, every backend, all runs): {peak_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
