"""Cross-outlet disputes on ClaimDiff: are "weakens" pairs (relation 1) the ones we flag?

Each ClaimDiff pair (claim_a, claim_b: sentences from two outlets' articles on one contentious topic)
becomes two narrator claims from different outlets in one topic; find_disputes scores the pair.
Reports precision / recall / F1 of pairs flagged at the default min_score (0.5), the best F1 over
score thresholds (optimistic: tuned on the reported data), and ROC AUC of the score; next to
baselines measured in the same run: cosine similarity at its best threshold, and flag every pair.
The `-full` file keeps unrelated pairs (realistic base rate); `_rev` ids are the reverse direction
(our score is symmetric, so they score the same).

    .venv/bin/python benchmarks/claimdiff_disputes.py [--data ../shared/data/claimdiff/ClaimDiff-weak-dev-full.json]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "claimdiff" / "ClaimDiff-weak-dev-full.json"


def prf(flag: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    tp = float((flag & gold).sum())
    p = tp / flag.sum() if flag.sum() else 0.0
    r = tp / gold.sum() if gold.sum() else 0.0
    return {"flagged": int(flag.sum()), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def best(scores: np.ndarray, gold: np.ndarray) -> tuple[dict[str, float], float]:
    out = (prf(scores >= np.inf, gold), float("inf"))
    for t in np.unique(scores):
        m = prf(scores >= t, gold)
        if m["f1"] > out[0]["f1"]:
            out = (m, float(t))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--min-score", type=float, default=0.5)
    ap.add_argument("--no-cache", action="store_true")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"skip: {args.data} not found", file=sys.stderr)
        return 0
    from sklearn.metrics import roc_auc_score

    from claimcheck.config import Camps
    from claimcheck.dispute import find_disputes
    from claimcheck.embed import load_embedder
    from claimcheck.records import Article, Claim, Source, Span

    items = json.loads(args.data.read_text(encoding="utf-8"))["data"]
    gold = np.array([int(x["relation"]) == 1 for x in items])
    texts = sorted({x[k] for x in items for k in ("claim_a", "claim_b")})
    emb = load_embedder(use_cache=not args.no_cache)
    V = np.asarray(emb.encode(texts), dtype=np.float32)
    vec = {t: V[i] for i, t in enumerate(texts)}

    def make(i: int, side: str, x: dict) -> Claim:
        t = x[f"claim_{side}"]
        art = Article(f"cd{i}{side}", t, outlet=x[f"article_{side}"], title=x[f"article_{side}"])
        span = Span(0, len(t), t)
        return Claim(f"cd{i}{side}#0", art.ref, t, span, span, Source(f"outlet {side}", "narrator"), None, "asserts")

    t0 = time.perf_counter()
    scores = np.zeros(len(items))
    kinds = collections.Counter()
    for i, x in enumerate(items):
        a, b = make(i, "a", x), make(i, "b", x)
        ds = find_disputes([a, b], np.stack([vec[a.text], vec[b.text]]), [0, 0], [], Camps(), min_score=0.0)
        if ds:
            scores[i] = ds[0].score
            if ds[0].score >= args.min_score:
                kinds.update(r.kind for r in ds[0].reasons if r.weight >= 0.5)
    elapsed = time.perf_counter() - t0
    cos = np.array([float(vec[x["claim_a"]] @ vec[x["claim_b"]]) for x in items])

    print(f"ClaimDiff {args.data.name}: {len(items)} pairs, {int(gold.sum())} weakens (relation 1), "
          f"{len({x['topic'] for x in items})} topics; scored in {elapsed:.1f}s")
    rows = [(f"claimcheck find_disputes, score >= {args.min_score}", prf(scores >= args.min_score, gold))]
    m, t = best(scores, gold)
    rows.append((f"claimcheck score >= {t:.3f} (best on this data)", m))
    m, t = best(cos, gold)
    rows.append((f"baseline: cosine >= {t:.3f} (best on this data)", m))
    rows.append(("baseline: flag every pair", prf(np.ones_like(gold), gold)))
    for label, m in rows:
        print(f"  {label:52s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  (flagged {m['flagged']})")
    print(f"  ROC AUC: claimcheck score {roc_auc_score(gold, scores):.3f}   cosine {roc_auc_score(gold, cos):.3f}")
    print(f"  reasons (weight >= 0.5) among flagged pairs: {dict(sorted(kinds.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
