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

The nearest neighbours (exact, or from an HNSW index at scale) come from claimcheck.neighbours.

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

from claimcheck.errors import InputError
from claimcheck.neighbours import APPROXIMATE_FROM, _as_vectors, knn, neighbour_pairs  # noqa: F401 (re-exported)
from claimcheck.records import Claim, Topic

DEFAULT_THRESHOLD = 0.525  # cosine similarity; tuned on half of Emergent (benchmarks/emergent_topics.py --grid)
DEFAULT_ATTACH = 0.4  # a singleton joins its nearest neighbour's topic at this similarity or more
SMALL_TOPIC = 3  # topics up to this size join a larger neighbour at average similarity >= attach
DOMINANT_SHARE = 0.2  # a topic over this share of all claims is split again (_split_dominant)
DOMINANT_MIN = 50  # ... if it has at least this many claims (a small corpus's one story stays whole)
DOMINANT_DEPTH = 2  # splits of a split at most


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
    cluster_topics, without labels). A topic holding over DOMINANT_SHARE of the rows is split again
    (see _split_dominant)."""
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
    labels = _split_dominant(v, _cluster_once(v, threshold, k, attach), threshold, k, attach, n, DOMINANT_DEPTH)
    return _renumber(labels.tolist())


def _split_dominant(v: np.ndarray, labels: np.ndarray, threshold: float, k: int, attach: float,
                    total: int, depth: int) -> np.ndarray:
    """Re-cluster each topic that holds over DOMINANT_SHARE of all ``total`` rows (and at least
    DOMINANT_MIN) on its members' vectors minus their mean, renormalised. On a corpus about one war
    every claim shares "people killed in Syria": that common direction glues them into one topic
    (72-79% of FA-KES claims) and dominates their cosines; without it, what tells the stories apart
    decides. Topics under the share are never touched, so a varied corpus (Emergent) is unchanged."""
    if depth <= 0:
        return labels
    out = labels.copy()
    next_label = int(labels.max()) + 1
    ids, counts = np.unique(labels, return_counts=True)
    for lab, count in zip(ids.tolist(), counts.tolist()):
        if count < max(DOMINANT_MIN, DOMINANT_SHARE * total):
            continue
        members = np.flatnonzero(labels == lab)
        centred = v[members] - v[members].mean(axis=0)
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        centred = (centred / np.where(norms > 0, norms, 1.0)).astype(v.dtype)
        sub = _cluster_once(centred, threshold, k, attach)
        if len(np.unique(sub)) < 2:
            continue
        sub = _split_dominant(centred, sub, threshold, k, attach, total, depth - 1)
        _, sub = np.unique(sub, return_inverse=True)
        out[members] = next_label + sub
        next_label += int(sub.max()) + 1
    return out


def _cluster_once(v: np.ndarray, threshold: float, k: int, attach: float) -> np.ndarray:
    """Steps 1-4 of the module doc on unit rows: a cluster number per row (not renumbered)."""
    n = len(v)
    if n == 1:
        return np.zeros(1, dtype=np.int64)
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
    return _merge_small_topics(v, idx, moved, attach)


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
    # Claims in a canonical order (by article, then place in it), so that topics, their ids and
    # labels do not depend on the order the inputs came in; mapped back to the caller's order.
    order = sorted(range(len(claims)), key=lambda i: (claims[i].article.id, claims[i].span.start,
                                                      claims[i].span.end, claims[i].id))
    vectors = _as_vectors(vectors, len(claims))[order]
    claims = [claims[i] for i in order]
    topics, canonical = _topics(claims, vectors, threshold, k, attach)
    topic_of = [0] * len(claims)
    for pos, i in enumerate(order):
        topic_of[i] = canonical[pos]
    return topics, topic_of


def _topics(claims: list[Claim], vectors: np.ndarray, threshold: float | None, k: int,
            attach: float | None) -> tuple[list[Topic], list[int]]:
    topic_of = cluster_labels(vectors, threshold=threshold, k=k, attach=attach)
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
