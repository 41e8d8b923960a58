"""Topics: group claims about the same event, and label each group with its distinctive terms.

Method (no n x n matrix anywhere):

1. each claim's k nearest neighbours by cosine (exact, computed in row blocks of bounded size;
   from an HNSW index above 50,000 claims, see Scale);
2. average-linkage agglomerative clustering in which two clusters may merge only if they are
   linked by a kNN edge, while their exact average pairwise similarity is >= ``threshold``
   (kept cheap by a sum vector per cluster). Average linkage splits the chains that connected
   components of a thresholded graph glue together, and needs no number of topics;
3. leftover singletons join the topic of their nearest neighbour when it is close enough
   (``attach``), so few claims stay alone (1-2% on Emergent; BERTopic leaves 30-50% as
   outliers); a claim that stays alone is still a topic of its own;
4. small topics (up to ``SMALL_TOPIC`` claims) join the larger kNN-adjacent topic they are most
   similar to on average, when that average reaches ``attach``: average linkage leaves a story's
   odd phrasings in pieces of two or three ("the dam burst" apart from "floodwater swept through
   Orvel"), and a dispute is looked for within a topic.

Labels come from class-based TF-IDF (BERTopic's c-TF-IDF) over the claims' text per topic.

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

Tuning (Emergent, thresholds chosen on a hash half of the claimIds, whole headlines and headline
parts weighted equally): ARI 0.85 on the held-out half, 0.80 on all 2,071 headlines, against 0.82 /
0.72 for KMeans told the true number of topics and 0.70 / 0.59 for connected components. Step 4
(sizes 2-4, attach 0.35-0.5 tried; checked again on the dispute benchmark's train claims alone,
clustered fold by fold as that benchmark does) lifts the ARI of headline *parts* -- what extraction
yields -- from 0.62 to 0.65 and leaves whole headlines at 0.88.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from claimcheck.errors import InputError, MissingDependencyError
from claimcheck.records import Claim, Topic

DEFAULT_THRESHOLD = 0.525  # cosine similarity; tuned on half of Emergent (benchmarks/emergent_topics.py --grid)
DEFAULT_ATTACH = 0.4  # a singleton joins its nearest neighbour's topic at this similarity or more
SMALL_TOPIC = 3  # topics up to this size join a larger neighbour at average similarity >= attach
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


def average_linkage(vectors: np.ndarray, idx: np.ndarray, sim: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage clustering restricted to kNN-adjacent clusters; a cluster number per row.

    Two clusters may merge only if some member of one is among the k nearest neighbours of a
    member of the other, and only while their *exact* average pairwise cosine similarity is at
    least ``threshold``. With unit rows that average is sum(A) . sum(B) / (|A| |B|), so each
    cluster keeps a sum vector and no pairwise matrix is ever formed. The heap orders merges by
    (similarity desc, ids asc), which makes the result deterministic.
    """
    import heapq

    n = len(vectors)
    sums = vectors.astype(np.float64)  # one row per cluster id (cluster id = its founding row)
    size = np.ones(n, dtype=np.int64)
    parent = np.arange(n)
    adj: list[set[int]] = [set() for _ in range(n)]
    heap: list[tuple[float, int, int]] = []
    for i in range(n):
        for j, s in zip(idx[i].tolist(), sim[i].tolist()):
            if i == j:
                continue
            adj[i].add(j)
            adj[j].add(i)
    for i in range(n):
        for j, s in zip(idx[i].tolist(), sim[i].tolist()):
            if s >= threshold:
                heap.append((-float(np.dot(sums[i], sums[j])), min(i, j), max(i, j)))
    heapq.heapify(heap)
    alive = np.ones(n, dtype=bool)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        current = float(sums[a] @ sums[b]) / float(size[a] * size[b])
        if abs(current + neg) > 1e-9:  # stale entry: the pair was re-pushed with its new value
            continue
        # merge b into a (a < b): the survivor keeps the smaller id
        sums[a] += sums[b]
        size[a] += size[b]
        alive[b] = False
        parent[b] = a
        merged = (adj[a] | adj[b]) - {a, b}
        for c in adj[b]:
            adj[c].discard(b)
            if c != a:
                adj[c].add(a)
        adj[a] = merged
        adj[b] = set()
        if merged:
            near = np.fromiter(sorted(merged), dtype=np.int64, count=len(merged))
            sims = (sums[near] @ sums[a]) / (size[near] * size[a])
            for c, s in zip(near.tolist(), sims.tolist()):
                if s >= threshold:
                    heapq.heappush(heap, (-s, min(a, c), max(a, c)))
    # resolve each row to its cluster root
    for i in range(n):
        r = i
        while parent[r] != r:
            r = parent[r]
        j = i
        while parent[j] != r:
            parent[j], j = r, parent[j]
    return parent


def cluster_labels(
    vectors: np.ndarray,
    *,
    threshold: float | None = None,
    k: int = 10,
    attach: float | None = None,
) -> list[int]:
    """A cluster number per row, numbered 0.. by size desc then first row (the vector part of
    cluster_topics, without labels)."""
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    attach = DEFAULT_ATTACH if attach is None else float(attach)
    if k < 1:
        raise InputError(f"k (neighbours per claim) must be at least 1, got {k}")
    n = len(vectors)
    if n == 0:
        return []
    v = _as_vectors(vectors, n)
    if n == 1:
        return [0]
    idx, sim = knn(v, k)
    labels = average_linkage(v, idx, sim, threshold)

    # singletons join their nearest non-singleton neighbour's cluster when close enough
    sizes = np.bincount(labels, minlength=n)
    moved = labels.copy()
    for i in np.flatnonzero(sizes[labels] == 1).tolist():
        for j, s in zip(idx[i].tolist(), sim[i].tolist()):
            if s < attach:
                break
            if sizes[labels[j]] > 1:
                moved[i] = labels[j]
                break
    return _renumber(_merge_small_topics(v, idx, moved, attach).tolist())


def _merge_small_topics(vectors: np.ndarray, idx: np.ndarray, labels: np.ndarray, attach: float) -> np.ndarray:
    """Topics of 2..``SMALL_TOPIC`` rows join the larger topic, among those their members' kNN
    reach, with the highest average pairwise similarity, if it is >= ``attach`` (one sum vector
    per topic: no pairwise matrix). Taken in topic order, so the result is deterministic."""
    ids, topic = np.unique(labels, return_inverse=True)  # topics numbered 0..t-1: t sum vectors, not n
    size = np.bincount(topic)
    sums = np.zeros((len(ids), vectors.shape[1]), dtype=np.float64)
    np.add.at(sums, topic, vectors)
    smalls = np.flatnonzero((size > 1) & (size <= SMALL_TOPIC)).tolist()
    members_of: dict[int, list[int]] = {t: [] for t in smalls}
    for i, t in enumerate(topic.tolist()):  # one pass: no per-topic scan of all rows
        if t in members_of:
            members_of[t].append(i)
    for small in smalls:
        if size[small] > SMALL_TOPIC:  # it has taken in a smaller topic meanwhile
            continue
        members = np.asarray(members_of[small], dtype=np.int64)
        reached = sorted({int(topic[j]) for j in idx[members].ravel().tolist()} - {small})
        best, best_sim = -1, attach
        for other in reached:
            if size[other] <= size[small]:
                continue
            s = float(sums[small] @ sums[other]) / float(size[small] * size[other])
            if s >= best_sim:
                best, best_sim = other, s
        if best >= 0:
            topic[members] = best
            sums[best] += sums[small]
            size[best] += size[small]
            sums[small] = 0.0
            size[small] = 0
    return ids[topic]


def _renumber(labels: list[int]) -> list[int]:
    """Cluster ids 0.. by size desc, then by first member; deterministic whatever the input ids."""
    first: dict[int, int] = {}
    count: dict[int, int] = {}
    for i, lab in enumerate(labels):
        first.setdefault(lab, i)
        count[lab] = count.get(lab, 0) + 1
    order = sorted(first, key=lambda lab: (-count[lab], first[lab]))
    new = {lab: t for t, lab in enumerate(order)}
    return [new[lab] for lab in labels]


# Words that tell nothing about what a topic is: when and how it was reported.
_LABEL_STOP_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tomorrow", "tonight", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december", "said", "says", "told", "reported", "according",
})


def ctfidf_terms(docs: Sequence[str], top: int = 8) -> list[tuple[str, ...]]:
    """Distinctive terms per class document (c-TF-IDF: tf within the class x log(1 + A / f_t),
    A = average words per class, f_t = the term's count over all classes).

    Unigrams and bigrams, English stop words, weekdays, months and reporting verbs removed; a term
    repeating a word of a higher-ranked term is skipped, so "apple watch" is not followed by
    "apple" or "watch sales".
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    out: list[tuple[str, ...]] = [() for _ in docs]
    if not docs:
        return out
    vec = CountVectorizer(stop_words=sorted(ENGLISH_STOP_WORDS | _LABEL_STOP_WORDS), ngram_range=(1, 2), lowercase=True)
    try:
        counts = vec.fit_transform(docs).tocsr().astype(np.float64)
    except ValueError:  # only stop words or no words at all
        return out
    vocab = vec.get_feature_names_out()
    total = np.asarray(counts.sum(axis=0)).ravel()
    words_per_class = np.asarray(counts.sum(axis=1)).ravel()
    avg = max(float(words_per_class.mean()), 1.0)
    idf = np.log1p(avg / np.maximum(total, 1.0))
    for c in range(counts.shape[0]):
        row = counts.getrow(c)
        if row.nnz == 0:
            continue
        tf = row.data / max(words_per_class[c], 1.0)
        weight = tf * idf[row.indices]
        terms = vocab[row.indices]
        order = sorted(range(len(terms)), key=lambda t: (-weight[t], -len(terms[t].split()), terms[t]))
        chosen: list[str] = []
        covered: set[str] = set()
        for t in order:
            term = str(terms[t])
            words = term.split()
            if set(words) & covered:
                continue  # repeats a word of a higher-ranked term ("city", then "city vestra")
            chosen.append(term)
            covered.update(words)
            if len(chosen) >= top:
                break
        out[c] = tuple(chosen)
    return out


def cluster_topics(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    *,
    threshold: float | None = None,
    k: int = 10,
    attach: float | None = None,
) -> tuple[list[Topic], list[int]]:
    """Group claims into topics; returns (topics ordered by id, topic id per claim).

    ``vectors`` are the claims' embeddings, aligned with ``claims``. ``threshold`` is the cosine
    similarity that holds a topic together (default DEFAULT_THRESHOLD); ``k`` the neighbours
    each claim links to; ``attach`` the similarity at which a leftover single claim joins its
    nearest neighbour's topic. Every claim gets a topic; one left alone is a topic of its own.
    """
    claims = list(claims)
    vectors = np.asarray(vectors)
    if len(claims) == 0:
        return [], []
    topic_of = cluster_labels(_as_vectors(vectors, len(claims)), threshold=threshold, k=k, attach=attach)
    n_topics = max(topic_of) + 1
    members: list[list[int]] = [[] for _ in range(n_topics)]
    for i, t in enumerate(topic_of):
        members[t].append(i)
    docs = ["\n".join(claims[i].text for i in m) for m in members]
    terms = ctfidf_terms(docs, top=8)
    topics = []
    for t, m in enumerate(members):
        names = sorted({claims[i].source.name for i in m if claims[i].source.name})
        camps = sorted({claims[i].source.camp for i in m if claims[i].source.camp})
        label = ", ".join(terms[t][:3]) if terms[t] else claims[m[0]].text[:60]
        topics.append(
            Topic(
                id=t,
                label=label,
                claim_ids=tuple(claims[i].id for i in m),
                terms=terms[t],
                sources=tuple(names),
                camps=tuple(camps),
            )
        )
    return topics, topic_of
