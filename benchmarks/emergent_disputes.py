"""Disputed pairs on Emergent: is a `for` and an `against` headline of the same rumour flagged?

Each headline is a one-line article with its own outlet (so every pair is cross-source). Gold
disputed pairs are the for-vs-against pairs within a claimId; for/for, against/against and any pair
with an `observing` headline are negatives, as are pairs across claimIds. Flagged pairs are article
pairs with at least one dispute between their claims. Reported per split of claimIds --
`heldout` (sha1(claimId) % 5 == 0; never trained or tuned on) and `train` (the stance model's
training claims: optimistic) -- with baselines from the same run:

- cosine similarity alone, at its best threshold on the reported data itself (optimistic);
- flag every cross-source pair within a topic (gold topics = claimId; predicted = cluster_topics).

`--split oof` is the honest way to tune on the train claims: each of the 4 train folds
(sha1(claimId) % 5 == k) is scored with a stance model retrained on the other 3 folds
(training/train_models.fit_stance; the shipped pair threshold, itself chosen out of fold), and the
folds' counts are pooled. The held-out fifth is not touched.

Modes: `direct` builds one narrator claim per headline and calls find_disputes with gold and with
predicted topics; `pipeline` runs claimcheck.pipeline.check end to end (extraction, embedding,
clustering, disputes) on Article records.

    .venv/bin/python benchmarks/emergent_disputes.py [--data ../shared/data/emergent/emergent-train.csv]
        [--split heldout|train|all|both|oof] [--mode direct|pipeline|both] [--no-cache]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import io
import json
import os
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "emergent" / "emergent-train.csv"

BACKEND = "onnx"  # the embedding backend (--backend); fnc_article_disputes.py sets it too


def is_heldout(claim_id: str) -> bool:
    """Same split as training/train_models.py."""
    return int(hashlib.sha1(claim_id.encode()).hexdigest(), 16) % 5 == 0


def load_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def gold_pairs(rows) -> set[tuple[int, int]]:
    by_claim = defaultdict(list)
    for i, r in enumerate(rows):
        by_claim[r["claimId"]].append(i)
    gold = set()
    for ix in by_claim.values():
        for i, j in combinations(ix, 2):
            if {rows[i]["articleHeadlineStance"], rows[j]["articleHeadlineStance"]} == {"for", "against"}:
                gold.add((i, j))
    return gold


def prf(flagged: set, gold: set) -> dict[str, float]:
    tp = len(flagged & gold)
    p = tp / len(flagged) if flagged else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"flagged": len(flagged), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def make_articles_and_claims(rows):
    from claimcheck.records import Article, Claim, Source, Span

    articles, claims = [], []
    for i, r in enumerate(rows):
        text = r["articleHeadline"]
        art = Article(id=f"emergent-{i}", text=text, outlet=f"outlet-{i}")
        span = Span(0, len(text), text)
        articles.append(art)
        claims.append(Claim(id=f"emergent-{i}#0", article=art.ref, text=text, span=span, sentence=span,
                            source=Source(f"outlet-{i}", "narrator"), cue=None, stance="asserts"))
    return articles, claims


def topic_records(claims, topic_of):
    from claimcheck.records import Topic

    members = defaultdict(list)
    for c, t in zip(claims, topic_of):
        members[t].append(c.id)
    return [Topic(t, f"topic {t}", tuple(members[t])) for t in sorted(members)]


def within(topic_of) -> set[tuple[int, int]]:
    members = defaultdict(list)
    for i, t in enumerate(topic_of):
        members[t].append(i)
    return {(i, j) for ix in members.values() for i, j in combinations(ix, 2)}


def best_cosine(vectors, gold) -> tuple[dict, float]:
    """Best-F1 threshold on all pairs of the reported data (an optimistic baseline)."""
    n = len(vectors)
    iu = np.triu_indices(n, 1)
    sims = (vectors @ vectors.T)[iu]
    is_gold = np.zeros(len(sims), dtype=bool)
    pos = {(i, j) for i, j in gold}
    lin = {i * n + j for i, j in pos}
    is_gold[np.isin(iu[0].astype(np.int64) * n + iu[1], list(lin))] = True
    order = np.argsort(-sims, kind="stable")
    tp = np.cumsum(is_gold[order])
    k = np.arange(1, len(order) + 1)
    p, r = tp / k, tp / max(len(gold), 1)
    f = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0)
    b = int(np.argmax(f))
    best_row = {"flagged": int(k[b]), "precision": float(p[b]), "recall": float(r[b]), "f1": float(f[b])}
    return best_row, float(sims[order[b]])


def flagged_from(disputes, index_of) -> set[tuple[int, int]]:
    out = set()
    for d in disputes:
        i, j = index_of[d.a.article.id], index_of[d.b.article.id]
        if i != j:
            out.add((min(i, j), max(i, j)))
    return out


def topic_agreement(res, rows, index_of) -> str:
    """ARI of the pipeline's topics vs claimId: over extracted claims, and over headlines (a headline
    takes its first claim's topic; a headline with no claim counts as a topic of its own)."""
    from sklearn.metrics import adjusted_rand_score

    truth = [rows[index_of[c.article.id]]["claimId"] for c in res.claims]
    first: dict[int, int] = {}
    for claim, topic in zip(res.claims, res.topic_of):
        first.setdefault(index_of[claim.article.id], topic)
    n_topics = len(res.topics)
    per_headline = [first.get(i, n_topics + i) for i in range(len(rows))]
    return (f"topics: ARI over claims {adjusted_rand_score(truth, res.topic_of):.3f}, over headlines "
            f"{adjusted_rand_score([r['claimId'] for r in rows], per_headline):.3f} ({n_topics} topics)")


def run_split(name, rows, mode, use_cache, min_score):
    from claimcheck.cluster import cluster_topics
    from claimcheck.config import Camps
    from claimcheck.dispute import find_disputes
    from claimcheck.embed import load_embedder

    gold = gold_pairs(rows)
    articles, claims = make_articles_and_claims(rows)
    index_of = {a.id: i for i, a in enumerate(articles)}
    n_claims = len({r["claimId"] for r in rows})
    print(f"\n== split {name}: {len(rows)} headlines, {n_claims} claimIds, "
          f"{len(rows) * (len(rows) - 1) // 2} pairs, {len(gold)} gold disputed pairs")
    emb = load_embedder(use_cache=use_cache, backend=BACKEND)
    V = np.asarray(emb.encode([c.text for c in claims]), dtype=np.float32)
    cid_ids = {c: k for k, c in enumerate(sorted({r["claimId"] for r in rows}))}
    gold_topics = [cid_ids[r["claimId"]] for r in rows]
    _, pred_topics = cluster_topics(claims, V)
    results = []
    if mode in ("direct", "both"):
        for label, topic_of in (("gold topics", gold_topics), ("predicted topics", pred_topics)):
            t0 = time.perf_counter()
            ds = find_disputes(claims, V, topic_of, topic_records(claims, topic_of), Camps(), min_score=min_score)
            results.append((f"claimcheck find_disputes, {label}", prf(flagged_from(ds, index_of), gold),
                            f"{time.perf_counter() - t0:.1f}s"))
    if mode in ("pipeline", "both"):
        try:
            from claimcheck.pipeline import check
        except ImportError as exc:
            print(f"(pipeline mode skipped: {exc})")
        else:
            t0 = time.perf_counter()
            res = check(articles, camps=None, use_cache=use_cache, min_score=min_score, backend=BACKEND)
            covered = len({c.article.id for c in res.claims})
            print("  " + topic_agreement(res, rows, index_of))
            results.append((f"claimcheck pipeline.check end to end ({len(res.claims)} claims from "
                            f"{covered}/{len(articles)} headlines)", prf(flagged_from(res.disputes, index_of), gold),
                            f"{time.perf_counter() - t0:.1f}s"))
    cos, thr = best_cosine(V, gold)
    results.append((f"baseline: cosine >= {thr:.3f} (best on this data)", cos, ""))
    results.append(("baseline: every pair within gold topics", prf(within(gold_topics), gold), ""))
    results.append(("baseline: every pair within predicted topics", prf(within(pred_topics), gold), ""))
    for label, m, t in results:
        print(f"  {label:78s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
              f"(flagged {m['flagged']}) {t}")
    return results


def oof_folds(rows, use_cache):
    """Yield (fold k, rows of fold k) while the stance model in use is one fitted on the other train
    folds (training/train_models.fit_stance, the shipped pair threshold); restores the shipped model."""
    import tempfile

    sys.path.insert(0, str(ROOT / "training"))
    from train_models import fit_stance, fold_of

    from claimcheck.embed import load_embedder
    from claimcheck.stance import load_stance_model

    texts = [r["articleHeadline"] for r in rows]
    y = np.array([r["articleHeadlineStance"] for r in rows])
    folds = np.array([fold_of(r["claimId"]) for r in rows])
    V = np.asarray(load_embedder(use_cache=use_cache, backend=BACKEND).encode(texts), dtype=np.float32)
    threshold = load_stance_model().pair_threshold
    saved = os.environ.get("CLAIMCHECK_MODELS")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["CLAIMCHECK_MODELS"] = tmp
            for k in sorted(set(folds.tolist())):
                data, _ = fit_stance(texts, V, y, folds != k)
                data["pair"] = {"threshold": threshold}
                Path(tmp, "stance.json").write_text(json.dumps(data), encoding="utf-8")
                load_stance_model.cache_clear()
                yield k, [r for r, f in zip(rows, folds) if f == k]
    finally:
        if saved is None:
            os.environ.pop("CLAIMCHECK_MODELS", None)
        else:
            os.environ["CLAIMCHECK_MODELS"] = saved
        load_stance_model.cache_clear()


def fold_ids(rows) -> np.ndarray:
    sys.path.insert(0, str(ROOT / "training"))
    from train_models import fold_of

    return np.array([fold_of(r["claimId"]) for r in rows])


def run_oof(rows, mode, use_cache, min_score):
    """Out-of-fold scores on the train claims: fold k scored by a stance model fitted on the others."""
    pooled: dict[str, list] = {}
    for k, part in oof_folds(rows, use_cache):
        with contextlib.redirect_stdout(io.StringIO()):
            results = run_split(f"fold {k}", part, mode, use_cache, min_score)
        for label, m, _ in results:
            key = label.split(" (")[0] if "end to end" in label else label
            if key.startswith("baseline: cosine"):
                continue  # its threshold differs per fold
            acc = pooled.setdefault(key, [0, 0])
            acc[0] += round(m["precision"] * m["flagged"])  # true positives
            acc[1] += m["flagged"]
    folds = fold_ids(rows)
    n_gold = len(gold_pairs_by_fold(rows, folds))
    print(f"\n== split train, out of fold (4 folds, pooled): {len(rows)} headlines, {n_gold} gold disputed pairs")
    for label, (tp, flagged) in pooled.items():
        p, r = tp / max(flagged, 1), tp / max(n_gold, 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {label:78s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (flagged {flagged})")


def gold_pairs_by_fold(rows, folds) -> set:
    """Gold pairs never cross folds (a claimId sits in one fold), so the pooled gold is the union."""
    out = set()
    for k in sorted(set(folds.tolist())):
        ix = [i for i, f in enumerate(folds) if f == k]
        out |= {(ix[i], ix[j]) for i, j in gold_pairs([rows[x] for x in ix])}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=["heldout", "train", "all", "both", "oof"], default="both")
    ap.add_argument("--mode", choices=["direct", "pipeline", "both"], default="both")
    ap.add_argument("--min-score", type=float, default=0.5)
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--backend", choices=["onnx", "torch"], default="onnx", help="embedding backend")
    args = ap.parse_args(argv)
    global BACKEND
    BACKEND = args.backend
    if not args.data.exists():
        print(f"skip: {args.data} not found", file=sys.stderr)
        return 0
    rows = load_rows(args.data)
    splits = {"heldout": [r for r in rows if is_heldout(r["claimId"])],
              "train": [r for r in rows if not is_heldout(r["claimId"])], "all": rows}
    if args.split == "oof":
        run_oof(splits["train"], args.mode, not args.no_cache, args.min_score)
        return 0
    names = ["heldout", "train"] if args.split == "both" else [args.split]
    for name in names:
        run_split(name, splits[name], args.mode, not args.no_cache, args.min_score)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
