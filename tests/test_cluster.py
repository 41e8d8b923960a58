"""Topic clustering: real embeddings of made-up news events, plus pure checks on vectors."""

from __future__ import annotations

import numpy as np
import pytest

import claimcheck.cluster as cluster_module
import claimcheck.neighbours as neighbours
from claimcheck.cluster import cluster_labels, cluster_topics, ctfidf_terms, knn, neighbour_pairs
from claimcheck.errors import InputError
from claimcheck.records import ArticleRef, Claim, Source, Span

# Four invented events; several claims each, some of them contradicting each other.
EVENTS = {
    "quake": [
        "A magnitude 6.8 earthquake struck the coastal town of Marvello on Tuesday",
        "Rescue teams are still searching collapsed buildings in Marvello after the earthquake",
        "At least 40 people were killed in the Marvello earthquake",
        "The earthquake in Marvello killed no more than 12 people",
        "Aftershocks shook Marvello for hours after the quake",
    ],
    "rates": [
        "The central bank raised its main interest rate to 5 percent",
        "The central bank will raise interest rates again next month",
        "The interest rate rise was the largest the central bank has made in a decade",
        "The central bank has no plans to raise interest rates again this year",
    ],
    "transfer": [
        "Northfield United signed the striker Tomas Varga for a record transfer fee",
        "Varga's transfer to Northfield United cost 90 million euros",
        "Northfield United paid far less than 90 million euros for Varga",
        "Tomas Varga has agreed a five-year contract with Northfield United",
    ],
    "recall": [
        "The drug maker Helicon recalled two million bottles of cough syrup",
        "Helicon's cough syrup was contaminated with a toxic solvent",
        "Helicon's cough syrup was never contaminated",
        "Health regulators ordered Helicon to stop selling the cough syrup",
    ],
}
DISTINCTIVE = {
    "quake": {"marvello", "earthquake", "quake"},
    "rates": {"central bank", "interest", "interest rate", "interest rates", "rate", "rates"},
    "transfer": {"varga", "northfield", "northfield united", "tomas varga", "transfer"},
    "recall": {"helicon", "cough syrup", "syrup", "cough"},
}
SOURCES = [("Reuters", None), ("the ministry", "government"), ("rebel spokesman", "opposition"), (None, None)]


def make_claim(i: int, text: str, source: tuple[str | None, str | None] = (None, None)) -> Claim:
    span = Span(0, len(text), text)
    name, camp = source
    return Claim(
        id=f"c{i}", article=ArticleRef(f"a{i}", None, None), text=text, span=span, sentence=span,
        source=Source(name, "named" if name else "narrator", None, camp), cue=None, stance="asserts",
    )


@pytest.fixture(scope="module")
def corpus(embedder):
    events, claims = [], []
    for event, texts in EVENTS.items():
        for text in texts:
            claims.append(make_claim(len(claims), text, SOURCES[len(claims) % len(SOURCES)]))
            events.append(event)
    vectors = embedder.encode([c.text for c in claims])
    return claims, vectors, events


def partition(labels) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(lab, set()).add(i)
    return {frozenset(g) for g in groups.values()}


# -- real embeddings --------------------------------------------------------------------------


@pytest.mark.slow
def test_claims_on_the_same_event_cluster_together_and_apart_from_others(corpus):
    claims, vectors, events = corpus
    topics, topic_of = cluster_topics(claims, vectors)
    assert len(topic_of) == len(claims)
    assert partition(topic_of) == partition(events)
    assert [t.id for t in topics] == list(range(len(topics))) == list(range(4))
    for t in topics:
        assert set(t.claim_ids) == {claims[i].id for i, x in enumerate(topic_of) if x == t.id}


@pytest.mark.slow
def test_labels_carry_a_distinctive_term(corpus):
    claims, vectors, events = corpus
    topics, topic_of = cluster_topics(claims, vectors)
    for t in topics:
        event = events[topic_of.index(t.id)]
        label_terms = set(t.label.split(", "))
        assert label_terms & DISTINCTIVE[event], (event, t.label)
        assert 3 <= len(t.terms) <= 8
        assert t.label == ", ".join(t.terms[:3])


@pytest.mark.slow
def test_topic_sources_and_camps(corpus):
    claims, vectors, _ = corpus
    topics, topic_of = cluster_topics(claims, vectors)
    for t in topics:
        members = [c for c, x in zip(claims, topic_of) if x == t.id]
        assert t.sources == tuple(sorted({c.source.name for c in members if c.source.name}))
        assert t.camps == tuple(sorted({c.source.camp for c in members if c.source.camp}))
        assert None not in t.sources


@pytest.mark.slow
def test_deterministic_and_independent_of_input_order(corpus):
    claims, vectors, _ = corpus
    first = cluster_topics(claims, vectors)
    assert cluster_topics(claims, vectors.copy()) == first
    order = np.random.default_rng(3).permutation(len(claims))
    _, shuffled = cluster_topics([claims[i] for i in order], vectors[order])
    back = [0] * len(claims)
    for pos, i in enumerate(order):
        back[i] = shuffled[pos]
    assert partition(back) == partition(first[1])


@pytest.mark.slow
def test_parts_of_sentences_join_their_event(corpus, embedder):
    claims, vectors, events = corpus
    parts = ["killed in the Marvello earthquake", "Helicon recalled the syrup", "the bank raised its rate"]
    extra = [make_claim(100 + i, t) for i, t in enumerate(parts)]
    _, topic_of = cluster_topics(claims + extra, np.vstack([vectors, embedder.encode(parts)]))
    for i, event in zip(range(len(claims), len(claims) + 3), ("quake", "recall", "rates")):
        assert topic_of[i] == topic_of[events.index(event)]


def test_empty_input():
    assert cluster_topics([], np.zeros((0, 384), dtype=np.float32)) == ([], [])
    assert cluster_labels(np.zeros((0, 8))) == []


@pytest.mark.slow
def test_single_claim(embedder):
    claim = make_claim(0, "Helicon recalled two million bottles of cough syrup", ("Helicon", "industry"))
    topics, topic_of = cluster_topics([claim], embedder.encode([claim.text]))
    assert topic_of == [0]
    (t,) = topics
    assert t.id == 0 and t.claim_ids == ("c0",) and t.sources == ("Helicon",) and t.camps == ("industry",)
    assert "helicon" in t.label


def test_vectors_must_align_with_claims():
    with pytest.raises(InputError):
        cluster_topics([make_claim(0, "one"), make_claim(1, "two")], np.ones((3, 4), dtype=np.float32))


# -- pure checks on vectors -----------------------------------------------------------------


def unit(rows) -> np.ndarray:
    v = np.asarray(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def arc(n: int, step: float) -> np.ndarray:
    """Points on a circle `step` radians apart: neighbours close, the ends far apart."""
    angles = np.arange(n) * step
    return unit(np.stack([np.cos(angles), np.sin(angles)], axis=1))


def test_a_chain_is_split_where_connected_components_would_glue_it():
    v = arc(12, 0.5)  # neighbour similarity cos(0.5) = 0.88; ends point opposite ways
    labels = cluster_labels(v, threshold=0.525, k=2)
    assert len(set(labels)) >= 3
    for lab in set(labels):  # each piece is a run of consecutive points
        members = [i for i, x in enumerate(labels) if x == lab]
        assert members == list(range(members[0], members[-1] + 1))


def test_ids_by_size_then_first_member():
    v = unit([[1, 0, 0], [0, 1, 0], [0, 1, 0.05], [0, 0, 1], [0.02, 0, 1], [0, 0.02, 1]])
    assert cluster_labels(v, threshold=0.9, k=3, attach=1.1) == [2, 1, 1, 0, 0, 0]


def test_close_singletons_attach_and_far_ones_stay_alone():
    tight = [[1, 0.01 * i, 0] for i in range(4)]
    near = [[0.5, 0, 0.866]]  # cosine 0.5 to the group
    far = [[0, 0, 1.0], [0, 1.0, 0]]
    v = unit(tight + near + far)
    labels = cluster_labels(v, threshold=0.9, k=4, attach=0.4)
    assert labels[:5] == [0] * 5
    assert len(set(labels[5:])) == 2 and 0 not in labels[5:]
    assert cluster_labels(v, threshold=0.9, k=4, attach=0.6)[4] != 0


def test_small_topics_join_a_close_larger_topic_and_far_ones_stay():
    big = [[1, 0.01 * i, 0] for i in range(5)]
    near_pair = [[0.5, 0, 0.866], [0.5, 0.01, 0.866]]  # average cosine 0.5 to the big topic
    far_pair = [[0, 1.0, 0], [0, 1.0, 0.01]]  # about 0.03
    v = unit(big + near_pair + far_pair)
    labels = cluster_labels(v, threshold=0.9, k=6, attach=0.4)
    assert labels[:7] == [0] * 7
    assert labels[7] == labels[8] != 0
    strict = cluster_labels(v, threshold=0.9, k=6, attach=0.6)
    assert strict[5] == strict[6] != 0  # 0.5 < 0.6: the pair stays a topic of its own
    # two pairs of the same size never absorb each other, however close
    twins = unit([[1, 0, 0], [1, 0.01, 0], [0.8, 0.6, 0], [0.8, 0.61, 0]])
    assert len(set(cluster_labels(twins, threshold=0.95, k=3, attach=0.4))) == 2


@pytest.mark.parametrize("use_torch", [False, True])
def test_knn_is_exact(monkeypatch, use_torch):
    if use_torch:
        monkeypatch.setattr(neighbours, "_TORCH_FROM", 0)
    monkeypatch.setattr(neighbours, "_BLOCK_CELLS", 500)  # several blocks
    v = unit(np.random.default_rng(1).standard_normal((60, 16)))
    idx, sim = knn(v, 5)
    full = v @ v.T
    np.fill_diagonal(full, -np.inf)
    for i in range(len(v)):
        expected = np.argsort(-full[i], kind="stable")[:5]
        assert idx[i].tolist() == expected.tolist()
        np.testing.assert_allclose(sim[i], full[i, expected], rtol=1e-5)


def test_approximate_knn_above_the_threshold_finds_the_neighbours_the_same_way_every_time(monkeypatch):
    """Above APPROXIMATE_FROM rows the kNN comes from an HNSW index: near-exact, sorted like the exact
    search (exact similarities of the neighbours found), and the same bytes on every run."""
    rng = np.random.default_rng(2)
    centres = rng.standard_normal((40, 32))
    v = unit(centres[rng.integers(0, 40, 3000)] + 0.6 * rng.standard_normal((3000, 32)))
    v[7] = v[8]  # a duplicate: ties resolve by index as in the exact search
    exact_idx, exact_sim = knn(v, 10)
    monkeypatch.setattr(neighbours, "APPROXIMATE_FROM", 1000)
    monkeypatch.setattr(neighbours, "_BLOCK_CELLS", 1 << 14)  # several search blocks
    idx, sim = knn(v, 10)
    again = knn(v, 10)
    assert idx.tobytes() == again[0].tobytes() and sim.tobytes() == again[1].tobytes()
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(idx.tolist(), exact_idx.tolist())])
    assert recall > 0.97, recall
    assert not (idx == np.arange(len(v))[:, None]).any()  # never your own neighbour
    assert (np.diff(sim, axis=1) <= 0).all()
    np.testing.assert_allclose(sim, np.einsum("id,ijd->ij", v, v[idx]), rtol=1e-5)
    assert idx[7, 0] == 8 and idx[8, 0] == 7
    assert cluster_labels(v) == cluster_labels(v)


def test_neighbour_pairs_match_brute_force():
    v = unit(np.random.default_rng(2).standard_normal((30, 6)))
    pairs = neighbour_pairs(v, k=29, min_similarity=0.3)
    full = v @ v.T
    expected = [(i, j) for i in range(30) for j in range(i + 1, 30) if full[i, j] >= 0.3]
    assert [(i, j) for i, j, _ in pairs] == expected
    assert all(abs(s - full[i, j]) < 1e-5 for i, j, s in pairs)
    few = neighbour_pairs(v, k=2, min_similarity=-1.0)
    assert len(few) <= 30 * 2 and all(i < j for i, j, _ in few)
    assert neighbour_pairs(v[:1], k=3) == []


@pytest.mark.parametrize(
    ("docs", "expected_first"),
    [
        (["apple watch sales apple watch forecast", "rebels shelled the city, rebels said"], ["apple watch", "rebels"]),
        # weekdays and reporting verbs name no topic
        (["the army entered the city on Monday, the army said", "fuel prices rose"], ["army", "fuel prices"]),
        (["the of and", "the central bank raises rates, the central bank says"], [None, "central bank"]),
    ],
)
def test_ctfidf_terms(docs, expected_first):
    terms = ctfidf_terms(docs)
    for t, first in zip(terms, expected_first):
        if first is None:
            assert t == ()
        else:
            assert any(first in term for term in t[:2])
            assert not {"monday", "said"} & {w for term in t for w in term.split()}
            assert len(t) == len(set(t))
            for k, term in enumerate(t):  # no term repeats a word of a higher-ranked term
                assert not set(term.split()) & {w for earlier in t[:k] for w in earlier.split()}


@pytest.mark.parametrize(
    ("vectors", "kwargs"),
    [
        (np.array([[1.0, 0.0], [np.nan, 1.0]]), {}),
        (np.ones((2, 2)), {"k": 0}),
        (np.ones(4), {}),
    ],
)
def test_bad_vectors_or_settings_raise_input_error(vectors, kwargs):
    with pytest.raises(InputError):
        cluster_labels(vectors, **kwargs)


def test_a_dominant_topic_is_split_on_what_sets_its_stories_apart(monkeypatch):
    """Three stories that share one strong direction (a corpus about one war), with claims between
    each two of them, fall into one topic; clustered again without the shared part, each story is a
    topic of its own. With splitting off (a share no topic reaches) they stay one topic."""
    rng = np.random.default_rng(5)
    dim = 32
    common = np.eye(dim)[0]
    stories = np.eye(dim)[1:4]
    core = [0.85 * common + 0.45 * stories[s] + 0.04 * rng.standard_normal((40, dim)) for s in range(3)]
    bridges = [0.85 * common + 0.45 * (stories[a] + stories[b]) / np.sqrt(2) + 0.04 * rng.standard_normal((8, dim))
               for a, b in ((0, 1), (1, 2), (0, 2))]
    v = unit(np.vstack(core + bridges))
    monkeypatch.setattr(cluster_module, "DOMINANT_SHARE", 1.01)
    assert len(set(cluster_labels(v))) == 1
    monkeypatch.setattr(cluster_module, "DOMINANT_SHARE", 0.2)
    labels = cluster_labels(v)
    per_story = [set(labels[s * 40:(s + 1) * 40]) for s in range(3)]
    assert all(len(topics) == 1 for topics in per_story)
    assert len(set.union(*per_story)) == 3
    assert cluster_labels(v) == labels  # deterministic
