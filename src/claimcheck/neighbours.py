"""Nearest neighbours by cosine for the topic clustering (and the dispute and event candidates).

Scale: memory is O(n*k) plus one block of at most ``_BLOCK_CELLS`` similarities. Below
``APPROXIMATE_FROM`` (50,000) rows the kNN search is exact, O(n^2 d) multiply-adds done by BLAS in
blocks; from there on it comes from a faiss HNSW index (M 32, efConstruction 80, efSearch 64),
built on one thread so the same vectors give the same graph and the same bytes, with the
neighbours' similarities recomputed exactly and sorted like the exact ones. Measured on 100,000
real news sentences (2 cores, under heavy load from other jobs): exact kNN 511 s, HNSW 343-377 s,
recall@10 1.0000, topics identical to the exact ones (ARI 1.000); hnswlib (M 16, efConstruction
200, one thread) took 242-271 s for recall 0.981 and ARI 0.933. The exact search grows as n^1.6-2,
the index as about n log n, so the two cost about the same near 50,000 rows (estimated from those
figures), hence the switch there; the probe corpora and tests stay exact. The clustering itself is roughly O(n k log n). Earlier figures, exact search:
2,071 Emergent headlines 0.3 s; 20,000 vectors 6-11 s, peak RSS < 600 MiB; 50,000 vectors 36-60 s,
< 900 MiB.
"""

from __future__ import annotations

import numpy as np

from claimcheck.errors import InputError, MissingDependencyError

_TORCH_FROM = 5_000  # rows from which the kNN search selects with torch.topk
_BLOCK_CELLS = 1 << 24  # similarities per block in the kNN search (64 MiB of float32)
APPROXIMATE_FROM = 50_000  # rows from which the kNN search uses an HNSW index (see the module doc)
HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH = 32, 80, 64  # recall@10 1.000 on 100k news sentences (module doc)


def _as_vectors(vectors: np.ndarray, n: int) -> np.ndarray:
    v = np.asarray(vectors, dtype=np.float32)
    if v.ndim != 2 or v.shape[0] != n:
        raise InputError(f"expected {n} vectors as an (n, d) array, got shape {v.shape}")
    if not np.isfinite(v).all():
        raise InputError("claim vectors contain NaN or infinite values")
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(v / norms, dtype=np.float32)


def knn(vectors: np.ndarray, k: int, *, exact: bool | None = None) -> tuple[np.ndarray, np.ndarray]:
    """k nearest neighbours by cosine (rows must be unit length), self excluded: exact below
    ``APPROXIMATE_FROM`` rows, from an HNSW index from there on (``exact`` forces either).

    Returns (indices, similarities), each (n, min(k, n-1)), sorted by similarity desc then
    index asc so ties resolve the same way every run.
    """
    n = len(vectors)
    k = min(k, n - 1)
    if k <= 0:
        return np.zeros((n, 0), dtype=np.int64), np.zeros((n, 0), dtype=np.float32)
    if exact is False or (exact is None and n >= APPROXIMATE_FROM):
        return _hnsw_knn(vectors, k)
    idx = np.empty((n, k), dtype=np.int64)
    sim = np.empty((n, k), dtype=np.float32)
    topk = _torch_topk() if n >= _TORCH_FROM else None
    block = max(1, _BLOCK_CELLS // n)
    for start in range(0, n, block):
        stop = min(n, start + block)
        s = vectors[start:stop] @ vectors.T
        rows = np.arange(stop - start)
        s[rows, rows + start] = -np.inf  # never your own neighbour
        if topk is not None:
            part = topk(s, k)
        else:
            part = np.argpartition(s, n - k, axis=1)[:, n - k :]
        ps = np.take_along_axis(s, part, axis=1)
        order = np.lexsort((part, -ps), axis=1)  # by similarity desc, then index asc
        idx[start:stop] = np.take_along_axis(part, order, axis=1)
        sim[start:stop] = np.take_along_axis(ps, order, axis=1)
    return idx, sim


def _hnsw_knn(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Approximate neighbours from a faiss HNSW index, then sorted like the exact ones.

    The graph is built on one thread: faiss inserts in parallel in an order that varies from run
    to run, one thread inserts in row order, so the same vectors give the same graph and the same
    neighbours (searching is read-only and uses every thread). Similarities are recomputed from the
    vectors, so they are exact for the neighbours found.
    """
    try:
        import faiss
    except ImportError:
        raise MissingDependencyError("faiss-cpu is needed for topics over many claims: pip install faiss-cpu") from None
    v = np.ascontiguousarray(vectors, dtype=np.float32)
    n, d = v.shape
    index = faiss.IndexHNSWFlat(d, HNSW_M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        index.add(v)
    finally:
        faiss.omp_set_num_threads(threads)
    index.hnsw.efSearch = max(HNSW_EF_SEARCH, k + 1)
    idx = np.empty((n, k), dtype=np.int64)
    sim = np.empty((n, k), dtype=np.float32)
    block = max(1, _BLOCK_CELLS // (d * (k + 1)))
    for start in range(0, n, block):
        stop = min(n, start + block)
        _, found = index.search(v[start:stop], k + 1)
        found = found.astype(np.int64)
        s = np.einsum("id,ijd->ij", v[start:stop], v[np.maximum(found, 0)])
        s[(found < 0) | (found == np.arange(start, stop)[:, None])] = -np.inf  # not found; yourself
        order = np.lexsort((found, -s), axis=1)[:, :k]  # by similarity desc, then index asc
        idx[start:stop] = np.take_along_axis(found, order, axis=1)
        sim[start:stop] = np.take_along_axis(s, order, axis=1)
    for i in np.flatnonzero(~np.isfinite(sim).all(axis=1)).tolist():  # fewer than k found: exact, for that row
        s = v @ v[i]
        s[i] = -np.inf
        part = np.argpartition(s, n - k)[n - k :]
        order = np.lexsort((part, -s[part]))
        idx[i], sim[i] = part[order], s[part][order]
    return idx, sim


def _torch_topk():
    """torch.topk selects the k best of a row ~10x faster than numpy's argpartition; used for
    large inputs when torch is there (it is a dependency, but importing it costs a second)."""
    try:
        import torch
    except ImportError:
        return None

    def topk(s: np.ndarray, k: int) -> np.ndarray:
        return torch.topk(torch.from_numpy(s), k, dim=1, sorted=False).indices.numpy().astype(np.int64)

    return topk


def neighbour_pairs(vectors: np.ndarray, k: int = 10, min_similarity: float = 0.5) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity) with i < j where one is among the other's k nearest neighbours
    at cosine similarity >= min_similarity; sorted by (i, j). O(n k) pairs, never all n^2."""
    v = np.asarray(vectors, dtype=np.float32)
    if v.ndim != 2:
        raise InputError(f"expected an (n, d) array of vectors, got shape {v.shape}")
    v = _as_vectors(v, len(v))
    idx, sim = knn(v, k)
    found: dict[tuple[int, int], float] = {}
    for i in range(len(v)):
        for j, s in zip(idx[i].tolist(), sim[i].tolist()):
            if s >= min_similarity:
                key = (i, j) if i < j else (j, i)
                found[key] = s
    return [(i, j, found[(i, j)]) for i, j in sorted(found)]

