"""Throughput of `claimcheck claims` and `claimcheck run` on real news bodies (FNC-1 train_bodies).

    .venv/bin/python benchmarks/throughput.py [--articles 500] [--data ../shared/data/fnc-1/train_bodies.csv]

Reports, in one run: sentences/second of claim extraction, with bare spaCy parsing of the same texts
as the baseline (the floor extraction cannot beat); articles/minute of the full run with a cold
embedding cache (a fresh temporary cache) and the share of time per stage; and the same run again
with the warm cache, which should embed nothing.
"""

from __future__ import annotations

import argparse
import csv
import os
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: {args.data} not found")
        return 0

    from claimcheck import pipeline
    from claimcheck.nlp import load_nlp

    articles = read_bodies(args.data, args.articles)
    nlp = load_nlp()
    nlp("warm up")

    clock = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe((a.text for a in articles), batch_size=pipeline.PARSE_BATCH))
    parse_only = time.perf_counter() - clock

    clock = time.perf_counter()
    extracted = pipeline.extract(articles)
    extract_time = time.perf_counter() - clock

    print(f"data: {args.data.name}, {len(articles)} articles, {sentences} sentences, {len(extracted.claims)} claims")
    print(f"baseline  spaCy parse only        {sentences / parse_only:8.1f} sentences/s")
    print(f"claimcheck claims (extract)       {sentences / extract_time:8.1f} sentences/s "
          f"({parse_only / extract_time:.2f}x of parse-only speed)")

    with tempfile.TemporaryDirectory() as cache:
        for label in ("cold cache", "warm cache"):
            clock = time.perf_counter()
            result = pipeline.check(articles, cache_dir=cache)
            total = time.perf_counter() - clock
            shares = ", ".join(f"{k} {v / total:.0%}" for k, v in result.timings.items())
            print(f"claimcheck run ({label:10})      {len(articles) / total * 60:8.1f} articles/min "
                  f"({total:.1f} s; {len(result.claims)} claims, {len(result.topics)} topics, "
                  f"{len(result.disputes)} disputes; {shares})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
