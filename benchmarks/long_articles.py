"""Cost per article: does time stay linear in the length of one article?

Each case runs in a fresh subprocess (time of the library call only, models loaded before the
clock starts; peak RSS of that process), against the same amount of ordinary text (articles of
about 1,000 words, sentences of 8-30 words) measured in the same run:

- ``long``: one article of --mb megabytes of ordinary sentences (over spaCy's 1,000,000-character
  max_length), through ``claimcheck.extract`` (claims);
- ``sentence``: one 50,000-word sentence without a full stop (--words), through ``extract``;
- ``scaling``: articles of 500 / 2,000 / 4,000 sentences (--sentences) through ``check``
  (claims, topics and disputes: the whole run), each against the same sentences in 1,000-word articles.

    python benchmarks/long_articles.py long sentence scaling [--src DIR] [--timeout 600]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WHO = ["The army", "The ministry", "Rebel commanders", "A local doctor", "State television", "The UN envoy",
        "Witnesses", "The opposition", "Officials", "A spokesman for the group", "Mr. Haddad", "She", "They"]
_SAY = ["said", "denied", "claimed", "reported", "told reporters", "insisted"]
_WHAT = ["{n} fighters were killed near {p}", "the clinic in {p} had been hit twice", "the bridge at {p} was destroyed",
         "troops had retaken {p} on Monday", "no civilians died in {p}", "the convoy reached {p} after two days",
         "shelling of {p} continued overnight", "the road to {p} was reopened"]
_PLACES = ["Aleppo", "Tessel", "Mirna", "Sabran", "the border", "Handarat", "the old city"]
_NARR = ["Fighting near {p} has lasted for weeks and thousands have fled to camps in the north",
         "The town of {p} lies on the main road between the coast and the capital",
         "Aid groups have asked for a pause in the fighting around {p}"]


def sentence(rng: random.Random) -> str:
    p, n = rng.choice(_PLACES), rng.randint(2, 60)
    if rng.random() < 0.25:
        return rng.choice(_NARR).format(p=p) + "."
    what = rng.choice(_WHAT).format(n=n, p=p)
    if rng.random() < 0.2:
        return f'"{what[0].upper() + what[1:]}," {rng.choice(_WHO).lower()} {rng.choice(_SAY)}.'
    return f"{rng.choice(_WHO)} {rng.choice(_SAY)} that {what}."


def ordinary(n_words: int, seed: int, per_article: int = 1_000) -> list[str]:
    """Ordinary articles, about ``per_article`` words each, ``n_words`` in all (paragraphs of 3 sentences)."""
    rng, texts, words, paras, para, in_article = random.Random(seed), [], 0, [], [], 0
    while words < n_words:
        s = sentence(rng)
        para.append(s)
        words += len(s.split())
        in_article += len(s.split())
        if len(para) == 3:
            paras.append(" ".join(para))
            para = []
        if in_article >= per_article and paras:
            texts.append("\n\n".join(paras))
            paras, in_article = [], len(" ".join(para).split())
    if para:
        paras.append(" ".join(para))
    if paras:
        texts.append("\n\n".join(paras))
    return texts


def long_sentence(n_words: int, seed: int) -> str:
    rng = random.Random(seed)
    words = " ".join(sentence(rng).rstrip(".").replace('"', "") for _ in range(n_words // 8))
    return " ".join(words.split()[:n_words])


CASE = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from long_articles import *
from claimcheck import pipeline
from claimcheck.records import Article
from claimcheck.nlp import load_nlp
kind, size = sys.argv[2], int(sys.argv[3])
if kind == "long":
    texts = ["\n\n".join(ordinary(size, 1, per_article=10**9))]
elif kind == "sentence":
    texts = [long_sentence(size, 2)]
elif kind == "sentences":  # size sentences in one article
    rng = random.Random(3)
    paras = [" ".join(sentence(rng) for _ in range(3)) for _ in range(size // 3)]
    texts = ["\n\n".join(paras)]
else:  # "ordinary:<words>": the same amount of ordinary text
    texts = ordinary(size, 1)
arts = [Article(f"a{i}", t, path=f"a{i}.txt") for i, t in enumerate(texts)]
load_nlp()
whole = len(sys.argv) > 4 and sys.argv[4] == "check"
if whole:
    from claimcheck.embed import load_embedder
    emb = load_embedder(use_cache=False)
    emb.encode(["warm up"])
t = time.perf_counter()
res = pipeline.check(arts, embedder=emb) if whole else pipeline.extract(arts)
secs = time.perf_counter() - t
print(json.dumps({"secs": secs, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "chars": sum(map(len, texts)), "words": sum(len(t.split()) for t in texts),
                  "articles": len(texts), "claims": len(res.claims), "problems": len(res.problems)}))
"""


def run_case(src: Path, kind: str, size: int, whole: bool, timeout: float) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src / "src"), "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    cmd = [sys.executable, "-c", CASE, str(ROOT / "benchmarks"), kind, str(size)] + (["check"] if whole else [])
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"secs": None, "note": f"did not finish in {timeout:.0f} s"}
    if proc.returncode != 0:
        return {"secs": None, "note": "failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:200]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def show(label: str, r: dict, base: dict | None = None) -> None:
    if r.get("secs") is None:
        print(f"  {label:<34} {r['note']}")
        return
    ratio = f"  {r['secs'] / base['secs']:.2f}x ordinary" if base and base.get("secs") else ""
    print(f"  {label:<34} {r['secs']:8.1f} s  {r['rss_mb']:7.0f} MB peak  {r['words']:>8} words  "
          f"{r['claims']:>6} claims{ratio}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="+", choices=["long", "sentence", "scaling"])
    ap.add_argument("--src", type=Path, default=ROOT, help="the source tree to measure (default: this one)")
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--sentences", default="500,2000,4000")
    ap.add_argument("--timeout", type=float, default=600.0)
    args = ap.parse_args()
    print(f"source tree: {args.src}")
    if "long" in args.cases:
        words = int(args.mb * 1_000_000 / 5.87)  # about 5.87 characters a word in these articles
        base = run_case(args.src, "ordinary", words, False, args.timeout)
        print(f"long article ({args.mb:g} MB), extract:")
        show("ordinary text, same words", base)
        show("one article", run_case(args.src, "long", words, False, args.timeout), base)
    if "sentence" in args.cases:
        base = run_case(args.src, "ordinary", args.words, False, args.timeout)
        print(f"one {args.words}-word sentence, extract:")
        show("ordinary text, same words", base)
        show("one sentence", run_case(args.src, "sentence", args.words, False, args.timeout), base)
    if "scaling" in args.cases:
        print("sentences in one article, check (the whole run):")
        for n in [int(x) for x in args.sentences.split(",")]:
            one = run_case(args.src, "sentences", n, True, args.timeout)
            base = run_case(args.src, "ordinary", one.get("words") or n * 14, True, args.timeout)
            show(f"{n} sentences: ordinary articles", base)
            show(f"{n} sentences: one article", one, base)


if __name__ == "__main__":
    main()
