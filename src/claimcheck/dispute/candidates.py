"""Which pairs of claims are compared at all: pairs from different parties (with camps, different
camps too), within a topic (each claim with its nearest members in a large topic) and, for
similar claims, across neighbouring topics. Never all n^2 pairs of the corpus."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from claimcheck.config import Camps
from claimcheck.records import Claim, EventFrame

MAX_TOPIC_PAIRS_MEMBERS = 200  # above this, a topic pairs each claim with its nearest members only
TOPIC_NEIGHBOURS = 40  # ... each claim's nearest members in such a topic
NEIGHBOUR_TOPICS = 3  # topics with the closest centroids, searched for similar claims
CROSS_TOPIC_MIN_SIM = 0.8  # claims across topics are compared from here on ...
CROSS_TOPIC_RULE_SIM = 0.55  # ... a denial from here (its sentence may pull it to another topic)


def party_of(claim: Claim) -> tuple[str, str]:
    """Who a claim belongs to. Narrators are their outlet; named sources their name; unresolved
    sources an unknown party per article (never paired within that article, see :func:`may_pair`)."""
    src = claim.source
    if src.kind == "narrator":
        return ("narrator", (src.name or claim.article.outlet or claim.article.id).casefold())
    if src.name:
        return ("name", src.name.casefold())
    return ("unknown", claim.article.id)


def camp_of(claim: Claim, camps: Camps) -> str | None:
    return claim.source.camp or (camps.camp_of(claim.source.name) if camps else None)


def may_pair(a: Claim, b: Claim, camp_a: str | None = None, camp_b: str | None = None) -> bool:
    """Different parties, and not one camp (``camp_of`` each claim once, not once per pair)."""
    pa, pb = party_of(a), party_of(b)
    if pa == pb or _one_body(a, b):
        return False
    if "unknown" in (pa[0], pb[0]) and a.article.id == b.article.id:
        return False  # an unresolved speaker may well be the named one next to it
    if a.stance == b.stance and words_any_case(a.text) == words_any_case(b.text):
        return False  # one claim told twice ("I DON'T WANT TO LIVE WITHOUT HIM." and its quote): no rival versions
    return camp_a is None or camp_a != camp_b


def _one_body(a: Claim, b: Claim) -> bool:
    """A body and its own people, or two people of one body ("SANA reporter" of the Syrian Arab News
    Agency and the agency; Rami Abdel Rahman of the Observatory and the Observatory): one party."""
    fa, fb = (c.source.affiliation.casefold() if c.source.affiliation else None for c in (a, b))
    na, nb = (c.source.name.casefold() if c.source.name and c.source.kind != "narrator" else None for c in (a, b))
    return bool(fa and fa in (nb, fb) or fb and fb == na)


def candidate_pairs(vectors: np.ndarray, topic_of: Sequence[int]) -> list[tuple[int, int]]:
    """Index pairs (i < j) worth scoring: within topics, and similar claims across close topics."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(topic_of):
        members[int(t)].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in members.values():
        if len(ids) <= MAX_TOPIC_PAIRS_MEMBERS:
            pairs.update((ids[x], ids[y]) for x in range(len(ids)) for y in range(x + 1, len(ids)))
        else:
            from claimcheck.cluster import knn

            neighbours, _ = knn(vectors[ids], TOPIC_NEIGHBOURS)
            for r, row in enumerate(neighbours):
                for c in row:
                    i, j = ids[r], ids[int(c)]
                    pairs.add((min(i, j), max(i, j)))
    tids = sorted(members)
    if len(tids) > 1:
        cent = np.stack([vectors[members[t]].mean(axis=0) for t in tids])
        cent /= np.maximum(np.linalg.norm(cent, axis=1, keepdims=True), 1e-12)
        csim = cent @ cent.T
        np.fill_diagonal(csim, -np.inf)
        near = set()
        for x, t in enumerate(tids):
            for y in np.argsort(-csim[x], kind="stable")[:NEIGHBOUR_TOPICS]:
                u = tids[int(y)]
                if u != t:  # with few topics the top-k reaches the topic itself
                    near.add((min(t, u), max(t, u)))
        for t, u in sorted(near):
            a, b = members[t], members[u]
            sims = vectors[a] @ vectors[b].T
            for r, c in zip(*np.nonzero(sims >= CROSS_TOPIC_RULE_SIM)):
                i, j = a[int(r)], b[int(c)]
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


MAX_EVENT_PAIRS_MEMBERS = 200  # an event's claims are all paired up to this size (else their topic pairs stand)


def event_pairs(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of claims grouped into one event (``claim.event.id``), whatever their topics:
    two reports of one strike may sit in two topics (the toll, the blame)."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.event is not None and c.event.id is not None:
            members[c.event.id].append(i)
    pairs = []
    for ids in members.values():
        if 1 < len(ids) <= MAX_EVENT_PAIRS_MEMBERS:
            pairs.extend((ids[x], ids[y]) for x in range(len(ids)) for y in range(x + 1, len(ids)))
    return sorted(pairs)


FRAME_BLOCK_MAX = 200  # a (town, weekday) block larger than this pairs nothing (a war's capital) ...
FRAME_PAIR_MIN_SIM = 0.6  # ... and its pairs must be this alike (cosine)


def frame_pairs(claims: Sequence[Claim], vectors: np.ndarray) -> list[tuple[int, int]]:
    """Index pairs (i < j) of claims of two articles that count the dead of one town on one weekday
    (named, or of the day the frame resolves to), alike: two reports of one strike that neither
    topics nor grouping put together ("an air strike killed 15 in Idlib on Saturday" in an undated
    article, "18 killed in Idlib on Saturday" in a dated one). The gate then reads their dates."""
    from claimcheck.dispute.gate import _weekdays

    blocks: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        frame = c.event
        if frame is None or frame.time is None or not any(v.outcome == "killed" for v in frame.victims):
            continue
        for day in sorted(_weekdays(frame.time)):
            for town in sorted(_towns(frame)):
                blocks[(town, day)].append(k)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > FRAME_BLOCK_MAX:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if claims[i].article.id != claims[j].article.id and float(vectors[i] @ vectors[j]) >= FRAME_PAIR_MIN_SIM:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def copies(claims: Sequence[Claim]) -> dict[str, str]:
    """Article id -> the first article id (in claim order) with the very same claims: word for word, at
    the same offsets, from the same sources with the same stances. One story twice in a corpus
    (FA-KES's CSV holds some rows two or three times; an agency story reprinted by two outlets) is no
    dispute with itself."""
    texts: dict[str, list[tuple[str, int, str | None, str]]] = defaultdict(list)
    for c in claims:
        texts[c.article.id].append((c.text, c.span.start, c.source.name, c.stance))
    first: dict[tuple[tuple[str, int, str | None, str], ...], str] = {}
    return {aid: first.setdefault(tuple(t), aid) for aid, t in texts.items()}


NEAR_COPY_SHARE = 0.8  # an outlet's article whose claims are this share of another's of that outlet ...
NEAR_COPY_MIN = 3  # ... (at least this many, word for word) repeats that article


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@functools.lru_cache(maxsize=65536)
def words_any_case(text: str) -> tuple[str, ...]:
    """The words alone, any case: two texts that differ only in case and punctuation are one (``_norm``
    keeps punctuation, which echoes' containment test needs)."""
    return tuple(re.findall(r"\w+", text.casefold()))


# Words any toll says ("at least 12 people were killed and 30 others wounded"): no detail of one event.
_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
                 "hundred hundreds thousand thousands million dozen dozens scores several").split()
_TOLL_WORDS = ("least more than over nearly almost about around some others another total number toll tally "
               "sustained varying severity degrees including among rose risen reached killed killing kills dead "
               "death deaths died dying wounded wounding wounds injured injuring injuries hurt lives life bodies "
               "casualties victims people persons person men women children civilians fighters soldiers").split()


@functools.lru_cache(maxsize=1)
def _toll_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from claimcheck.events.victims import CATEGORIES, OUTCOMES

    forms = {w + s for w in (*CATEGORIES, *OUTCOMES) for s in ("", "s", "es", "d", "ed", "ing")}
    return frozenset(forms | set(_NUMBER_WORDS) | set(_TOLL_WORDS) | ENGLISH_STOP_WORDS)


def details(claim: Claim, story: Mapping[str, EventFrame] | None = None) -> frozenset[str]:
    """What could tell the claim's event from another: its words that are not a number, a stop word, the
    words every toll is told with, nor a country ("Syria" is in every report of a war); and the towns its
    frame is set in, or else its article's main story's (``story``: :func:`.gate.main_stories`; "only
    four of our fighters were killed" in a report on Kessa). "More than 20 people have been killed in
    Syria", in an article naming no town, has none."""
    words = {w for w in words_any_case(claim.text)
             if len(w) > 2 and not w.isdigit() and w not in _toll_words() and _coarse_place(w) is None}
    frame = claim.event if claim.event is not None and _towns(claim.event) else (story or {}).get(claim.article.id)
    return frozenset(words | (_towns(frame) if frame is not None else set()))


def _towns(frame: EventFrame) -> set[str]:
    from claimcheck.dispute.gate import frame_towns

    return {k for k, _ in frame_towns(frame)}


@functools.lru_cache(maxsize=4096)
def _coarse_place(word: str) -> str | None:
    from claimcheck.events.places import kind

    return kind(word)


def share_details(a: Claim, b: Claim, story: Mapping[str, EventFrame] | None = None) -> bool:
    """Do two claims share a detail (:func:`details`)? Two bare tolls ("eight people were killed", "more
    than 20 people have been killed") read alike to an embedding model whatever events they tell of, so
    their likeness is no sign of one event. A claim of the event the other's article mainly tells of, or
    two of articles telling one main event, share that event (one raid's toll, the town spelt "Tokhar"
    in one article and "al-Tukhar" in the other)."""
    main = {c.article.id: f.id for c in (a, b) if (f := (story or {}).get(c.article.id)) is not None and f.id}
    ea, eb = (c.event.id if c.event is not None else None for c in (a, b))
    ma, mb = main.get(a.article.id), main.get(b.article.id)
    if ma is not None and (ma == mb or ma == eb) or mb is not None and mb == ea:
        return True
    return bool(details(a, story) & details(b, story))


def share_names(a: Claim, b: Claim) -> bool:
    """Do two claims name something in common: a capitalised word that is no stop word, or a number?
    "he had shot the gun" and "He put the gun to his head" name no one, so only a pronoun ties them
    to their stories; "the army took Handarat" and "rebels deny the army took Handarat" share a name.
    A denier is named by its source ("Assad denied using chemical weapons": what Assad denies)."""
    def named(c: Claim) -> frozenset[str]:
        return _names(c.text) | (_names(c.source.name) if c.stance == "denies" and c.source.name else frozenset())

    return bool(named(a) & named(b))


@functools.lru_cache(maxsize=65536)
def _names(text: str) -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    found = (re.sub(r"['’]s?$", "", m.casefold()) for m in re.findall(r"\b[A-Z][\w'’-]*|\b\d[\d,.]*\d|\b\d", text))
    return frozenset(w for w in found if w not in ENGLISH_STOP_WORDS)  # "Assad's" names Assad


def echoes(claims: Sequence[Claim]) -> tuple[set[int], set[frozenset[str]]]:
    """An outlet's story twice with small edits (FA-KES holds rows of one outlet whose texts differ by a
    photo credit or a line): (indices of the later copy's claims that repeat the first's, word for word
    or one inside the other, and the pairs of such articles). Those claims are not compared again and
    the two copies never dispute each other; the later copy's own claims are compared as usual."""
    texts: dict[str, list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        texts[c.article.id].append(k)
    outlet = {c.article.id: c.article.outlet for c in claims}
    norm = {k: _norm(c.text) for k, c in enumerate(claims)}
    seen: dict[str, set[str]] = {a: {norm[k] for k in ks} for a, ks in texts.items()}
    by_text: dict[str, set[str]] = defaultdict(set)
    for a, ts in seen.items():
        for t in ts:
            by_text[t].add(a)
    echo: set[int] = set()
    twins: set[frozenset[str]] = set()
    for aid in sorted(texts):  # the later article (by id) repeats the earlier
        shared: dict[str, int] = defaultdict(int)
        for t in seen[aid]:
            for other in by_text[t]:
                if other < aid and outlet[other] is not None and outlet[other] == outlet[aid]:
                    shared[other] += 1
        first = next((o for o in sorted(shared) if shared[o] >= NEAR_COPY_MIN
                      and shared[o] >= NEAR_COPY_SHARE * min(len(seen[o]), len(seen[aid]))), None)
        if first is None:
            continue
        twins.add(frozenset((aid, first)))
        mine = seen[first]
        for k in texts[aid]:
            t = norm[k]
            if t in mine or (len(t) >= 20 and any(t in m or (len(m) >= 20 and m in t) for m in mine)):
                echo.add(k)
    return echo, twins
