"""Topic clustering on Emergent: do headlines about the same rumour land in the same topic?

Each headline becomes one claim (narrator source, span = the whole headline); claims are embedded
with the real model (through the on-disk cache) and clustered with claimcheck.cluster. Reports the
adjusted Rand index (ARI) of topics vs Emergent's claimId, the number of topics and the share of
singleton topics, next to baselines measured in the same run:

- KMeans with the true number of claims (an oracle-ish reference: it is told the answer's size);
- connected components of the similarity graph at a cosine threshold (tuned the same way).

Claims are split by a hash of claimId: thresholds are tuned on the "tune" half only, and results
are reported on the "held-out" half and on all. Usage:

    .venv/bin/python benchmarks/emergent_topics.py [--data ../shared/data/emergent/emergent-train.csv]
        [--fragments] [--grid] [--scale] [--no-cache]

--fragments clusters parts of headlines (cut at punctuation and reporting words) instead of whole
headlines, as a stand-in for the pipeline's extracted claims; --grid prints the tuning grid;
--scale times clustering of 2k/20k/50k synthetic vectors.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "emergent" / "emergent-train.csv"


def load_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def half(claim_id: str) -> str:
    return "tune" if hashlib.sha256(claim_id.encode()).digest()[0] % 2 == 0 else "held-out"


def make_claims(rows: list[dict[str, str]]):
    from claimcheck.records import ArticleRef, Claim, Source, Span

    claims = []
    for r in rows:
        text = r["articleHeadline"]
        span = Span(0, len(text), text)
        claims.append(
            Claim(
                id=r["articleId"], article=ArticleRef(r["articleId"], None, None), text=text, span=span,
                sentence=span, source=Source(None, "narrator"), cue=None, stance="asserts",
            )
        )
    return claims


def _knn_graph(idx: np.ndarray, sim: np.ndarray, threshold: float):
    """Symmetric sparse graph of the kNN edges at similarity >= threshold."""
    from scipy import sparse

    n = len(idx)
    rows = np.repeat(np.arange(n), idx.shape[1])
    keep = sim.ravel() >= threshold
    r, c = rows[keep], idx.ravel()[keep]
    g = sparse.coo_matrix((np.ones(len(r), dtype=np.int8), (r, c)), shape=(n, n)).tocsr()
    return ((g + g.T) > 0).astype(np.int8).tocsr()


def components(vectors: np.ndarray, threshold: float, k: int = 10) -> list[int]:
    """Baseline: connected components of the kNN graph pruned at a cosine threshold."""
    from scipy.sparse.csgraph import connected_components

    from claimcheck.cluster import knn

    idx, sim = knn(vectors, k)
    return connected_components(_knn_graph(idx, sim, threshold), directed=False)[1].tolist()


def evaluate(name: str, labels: list[int], truth: list[str]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    sizes = np.bincount(np.unique(labels, return_inverse=True)[1])
    return {
        "method": name,
        "ari": adjusted_rand_score(truth, labels),
        "topics": len(sizes),
        "true": len(set(truth)),
        "singletons": float((sizes == 1).sum()) / len(labels),  # share of claims left alone
    }


def subset(mask: np.ndarray, vectors: np.ndarray, truth: list[str]):
    ids = np.flatnonzero(mask)
    return vectors[ids], [truth[i] for i in ids]


def grid(sets: list[tuple[str, np.ndarray, list[str]]]) -> None:
    """ARI on the tune half for each setting, on whole headlines and on headline parts; the
    defaults in claimcheck.cluster maximise the mean of the two."""
    from sklearn.metrics import adjusted_rand_score

    from claimcheck.cluster import cluster_labels

    print("grid on the tune half: threshold k attach -> ARI " + " / ".join(n for n, _, _ in sets) + " / mean")
    for k in (10,):
        for thr in (0.45, 0.475, 0.5, 0.525, 0.55, 0.575, 0.6):
            for attach in (0.3, 0.4, 0.5):
                scores = [adjusted_rand_score(t, cluster_labels(v, threshold=thr, k=k, attach=attach)) for _, v, t in sets]
                print(f"  {thr:.3f} {k:2d} {attach:.2f} -> " + " / ".join(f"{x:.3f}" for x in scores)
                      + f" / {np.mean(scores):.3f}")
    name, v, t = sets[0]
    print(f"connected components ({name}):")
    for thr in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85):
        print(f"  {thr:.2f} -> {adjusted_rand_score(t, components(v, thr)):.3f}")


def scale_test() -> None:
    """Time and peak memory of clustering synthetic vectors: noisy copies of n/10 random centres
    (same-centre pairs have cosine ~0.6, like paraphrased claims) in 384 dimensions."""
    from claimcheck.cluster import cluster_labels

    rng = np.random.default_rng(0)
    for n in (2_000, 20_000, 50_000):
        centres = rng.standard_normal((n // 10, 384)).astype(np.float32)
        centres /= np.linalg.norm(centres, axis=1, keepdims=True)
        noise = rng.standard_normal((n, 384)).astype(np.float32) * np.float32(0.8 / np.sqrt(384))
        v = centres[rng.integers(0, len(centres), n)] + noise
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        t = time.perf_counter()
        lab = cluster_labels(v)
        dt = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"scale: n={n} synthetic vectors (d=384, {len(centres)} centres) -> {max(lab) + 1} topics "
              f"in {dt:.1f} s; process peak RSS so far {peak:.0f} MiB")


FRAGMENT = re.compile(r"\s*(?:[,:;?!|]|\s[-\u2013\u2014]\s|\b(?:says|said|claims|reports?|after|as|but)\b)\s*", re.I)


def fragments(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Headlines cut at punctuation and reporting words, parts of 3+ words kept: a stand-in for
    the pipeline's extracted claims, which are often parts of a headline."""
    out = []
    for r in rows:
        parts = [p for p in FRAGMENT.split(r["articleHeadline"]) if len(p.split()) >= 3] or [r["articleHeadline"]]
        for i, p in enumerate(parts):
            out.append({**r, "articleId": f"{r['articleId']}#{i}", "articleHeadline": p})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--grid", action="store_true", help="print the tuning grid on the tune half")
    ap.add_argument("--scale", action="store_true", help="also time clustering of 2k and 20k synthetic vectors")
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--backend", choices=["onnx", "torch"], default="onnx", help="embedding backend")
    ap.add_argument("--fragments", action="store_true", help="cluster parts of headlines instead of whole ones")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--cc-threshold", type=float, default=0.75, help="connected-components baseline threshold (best on the tune half)")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found", file=sys.stderr)
        return 0

    from sklearn.cluster import KMeans

    from claimcheck.cluster import cluster_topics
    from claimcheck.embed import load_embedder

    rows = load_rows(args.data)
    if args.fragments:
        rows = fragments(rows)
    claims = make_claims(rows)
    truth = [r["claimId"] for r in rows]
    halves = np.array([half(c) for c in truth])
    embedder = load_embedder(use_cache=not args.no_cache, backend=args.backend)
    t = time.perf_counter()
    vectors = embedder.encode([c.text for c in claims])
    print(f"data: {args.data.name}: {len(rows)} {'headline parts' if args.fragments else 'headlines'}, {len(set(truth))} claimIds; "
          f"embedded in {time.perf_counter() - t:.1f} s with {embedder.model_id}")

    if args.grid:
        sets = [("headlines" if not args.fragments else "parts", *subset(halves == "tune", vectors, truth))]
        if not args.fragments:
            parts = fragments(rows)
            ptruth = [r["claimId"] for r in parts]
            pmask = np.array([half(c) == "tune" for c in ptruth])
            sets.append(("parts", *subset(pmask, embedder.encode([r["articleHeadline"] for r in parts]), ptruth)))
        grid(sets)

    print(f"{'split':9s} {'method':34s} {'ARI':>6s} {'topics':>6s} {'true':>5s} {'singl.':>6s}")
    for split, mask in (("tune", halves == "tune"), ("held-out", halves == "held-out"), ("all", halves != "")):
        v, tr = subset(mask, vectors, truth)
        sub_claims = [claims[i] for i in np.flatnonzero(mask)]
        t = time.perf_counter()
        _, topic_of = cluster_topics(sub_claims, v, threshold=args.threshold)
        dt = time.perf_counter() - t
        results = [
            evaluate(f"cluster_topics ({dt:.1f}s)", topic_of, tr),
            evaluate(f"connected components @{args.cc_threshold}", components(v, args.cc_threshold), tr),
            evaluate("KMeans, true k (oracle)", KMeans(len(set(tr)), n_init=4, random_state=0).fit_predict(v).tolist(), tr),
        ]
        for r in results:
            print(f"{split:9s} {r['method']:34s} {r['ari']:6.3f} {r['topics']:6d} {r['true']:5d} {r['singletons']:6.3f}")
    if args.scale:
        scale_test()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
