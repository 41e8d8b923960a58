"""Events across articles (claimcheck.events.group, .link) and disputes that respect them
(claimcheck.dispute.gate). Frames are built here by hand, as the frame extractor would give them,
so grouping and gating are tested on their own; the claims' vectors come from the real model."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from claimcheck.config import Camps
from claimcheck.dispute import find_disputes
from claimcheck.dispute.gate import as_update, gate
from claimcheck.events.group import candidate_pairs, event_id, group_events
from claimcheck.events.link import day_gap, interval, load_linker, never_one, place_relation, type_relation
from claimcheck.pipeline import claim_vectors
from claimcheck.quantities import extract_quantities
from claimcheck.records import (
    Article, ArticleRef, Claim, EventFrame, Evidence, Place, Reason, Source, Span, TimeRef, Victims,
)


def frame(type_="air_strike", day=None, places=(), victims=(), lemma="strike", until=None):
    time = None if day is None else TimeRef("on Saturday", 0, 0, day, until, "day")
    return EventFrame(type_, lemma, Span(0, 6, "strike"), time,
                      tuple(Place(p, 0, 0, p.casefold(), w) for p, w in places),
                      victims=tuple(Victims(v, None, "killed", Span(0, 0, "")) for v in victims))


def claim(cid, text, article, source, camp=None, event=None, kind="named"):
    span = Span(0, len(text), text)
    return Claim(cid, ArticleRef(article, None, article), text, span, span,
                 Source(source, kind, None, camp), None, "asserts",
                 tuple(extract_quantities(text, 0)), event)


@pytest.mark.parametrize("a, b, expected", [
    (frame(day="2026-03-14"), frame(day="2026-03-14"), False),
    (frame(day="2026-03-14"), frame(day="2026-03-15"), False),  # "overnight" / "yesterday" a day apart
    (frame(day="2026-03-14"), frame(day="2026-03-19"), True),  # five days apart: two strikes
    (frame(day="2026-03-14"), frame(), False),  # one time unknown: no conflict
    (frame("air_strike"), frame("arrest", lemma="arrest"), True),
    (frame("air_strike"), frame("shelling"), False),  # outlets name one attack differently
    (frame("other", lemma="earthquake"), frame("other", lemma="earthquake"), False),
    (frame("other", lemma="earthquake"), frame("other", lemma="takeover"), True),
])
def test_never_one(a, b, expected):
    assert never_one(a, b, 0.9) is expected


def test_low_similarity_is_never_one_event():
    assert never_one(frame(day="2026-03-14"), frame(day="2026-03-14"), 0.1)


@pytest.mark.parametrize("a, b, expected", [
    ((("Kafr Hamra", None),), (("Kafr Hamra", "aleppo"),), "match"),
    ((("Kafr Hamra", "aleppo"),), (("Aleppo", None),), "within"),
    ((("Douma", "ghouta"),), (("Harasta", "ghouta"),), "within"),  # both in one place
    ((("Douma", None),), (("Aleppo", None),), "conflict"),
    ((), (("Aleppo", None),), "unknown"),
])
def test_place_relation(a, b, expected):
    assert place_relation(frame(places=a), frame(places=b)) == expected


def test_intervals_and_gaps():
    assert day_gap(interval(frame(day="2026-03-14")), interval(frame(day="2026-03-16"))) == 2
    week = interval(frame(day="2026-03-09", until="2026-03-15"))
    assert day_gap(week, interval(frame(day="2026-03-14"))) == 0
    assert interval(frame()) is None
    assert type_relation(frame("killing"), frame("shelling")) == "related"


KAFR_HAMRA = [
    ("mp#1", "An air strike on the village of Kafr Hamra killed 12 people, the interior ministry said.", "mp",
     "interior ministry", "government", "2026-03-14"),
    ("fqv#1", "Some 40 people were killed when government jets struck the village of Kafr Hamra on Saturday.",
     "fqv", "civil defence", "opposition", "2026-03-14"),
    ("qnt#1", "12 people were killed in Saturday's air strike on Kafr Hamra.", "qnt", "interior ministry",
     "government", "2026-03-14"),
    # another strike on the same village five days later: another event
    ("nc#1", "An air strike on the village of Kafr Hamra killed 30 people on Thursday.", "nc",
     "civil defence", "opposition", "2026-03-19"),
]


@pytest.fixture(scope="module")
def strikes(embedder):
    claims = [claim(cid, text, art, src, camp, frame(day=day, places=(("Kafr Hamra", None),)))
              for cid, text, art, src, camp, day in KAFR_HAMRA]
    return claims, claim_vectors(embedder, claims)


def test_one_strike_is_one_event_and_another_day_another(strikes):
    claims, vectors = strikes
    grouped, events = group_events(claims, vectors)
    of = {c.id: c.event.id for c in grouped}
    assert of["mp#1"] == of["fqv#1"] == of["qnt#1"]
    assert of["nc#1"] != of["mp#1"]
    assert len(events) == 2
    first = next(e for e in events if e.id == of["mp#1"])
    assert first.label == "air strike, Kafr Hamra, 2026-03-14"
    assert first.claim_ids == ("fqv#1", "mp#1", "qnt#1")
    assert first.id == event_id(["mp#1", "fqv#1", "qnt#1"]) and first.id.startswith("ev-")
    assert first.camps == ("government", "opposition") and first.articles == ("fqv", "mp", "qnt")


def test_grouping_is_deterministic_and_order_free(strikes):
    claims, vectors = strikes
    _, events = group_events(claims, vectors)
    order = [3, 1, 0, 2]
    _, again = group_events([claims[k] for k in order], vectors[order])
    assert events == again


def test_disputes_stay_within_an_event(strikes):
    claims, vectors = strikes
    grouped, _ = group_events(claims, vectors)
    camps = Camps()
    ds = find_disputes(grouped, vectors, [0] * len(grouped), [], camps, min_score=0.0)
    pairs = {frozenset((d.a.id, d.b.id)): d for d in ds}
    numeric = pairs[frozenset(("mp#1", "fqv#1"))]
    assert "numeric" in {r.kind for r in numeric.reasons} and numeric.event_id == grouped[0].event.id
    # 12 (mp) vs 30 (nc, five days later): two strikes, no numeric dispute between them
    assert all(r.kind == "explicit_denial" for d in ds if "nc#1" in (d.a.id, d.b.id) for r in d.reasons)


def test_without_events_the_same_pairs_are_numeric_disputes(strikes):
    """The control for the test above: without frames, 12 vs 30 is a numeric dispute."""
    claims, vectors = strikes
    bare = [replace(c, event=None) for c in claims]
    ds = find_disputes(bare, vectors, [0] * len(bare), [], Camps(), min_score=0.0)
    assert any({d.a.id, d.b.id} == {"mp#1", "nc#1"} and any(r.kind == "numeric" for r in d.reasons) for d in ds)


def _numeric(a, b, x, y):
    return Reason("numeric", "", (Evidence(a.article.id, *x), Evidence(b.article.id, *y)), 0.8)


def test_a_later_higher_toll_of_one_camp_is_an_update():
    ev = replace(frame(day="2026-03-14"), id="ev-1")
    a = claim("a#1", "The strike killed 12 people.", "a", "civil defence", None, ev)
    b = claim("b#1", "The toll rose to 17.", "b", "civil defence rescue", None, ev)
    qa, qb = a.quantities[0].span, b.quantities[0].span
    found = [_numeric(a, b, (qa.start, qa.end, qa.text), (qb.start, qb.end, qb.text))]
    published = {"a": "2026-03-14", "b": "2026-03-15"}
    out = as_update(found, a, b, (None, None), published)
    assert [r.kind for r in out] == ["update"] and out[0].weight == 0.0
    # the later report gives the lower figure: still a dispute
    assert [r.kind for r in as_update(found, a, b, (None, None), {"a": "2026-03-15", "b": "2026-03-14"})] == ["numeric"]
    # the two camps differ: a dispute
    assert [r.kind for r in as_update(found, a, b, ("government", "opposition"), published)] == ["numeric"]
    # two events: not an update
    other = replace(b, event=replace(ev, id="ev-2"))
    assert [r.kind for r in as_update(found, a, other, (None, None), published)] == ["numeric"]


def test_update_pairs_are_reported_with_score_zero(embedder):
    ev = frame(day="2026-03-14", places=(("Kafr Hamra", None),))
    a = claim("a#1", "The air strike on Kafr Hamra killed 12 people.", "a", "civil defence", None, ev)
    b = claim("b#1", "17 people were killed in the air strike on Kafr Hamra.", "b", "hospital", None, ev)
    vectors = claim_vectors(embedder, [a, b])
    grouped, _ = group_events([a, b], vectors)
    assert grouped[0].event.id == grouped[1].event.id
    ds = find_disputes(grouped, vectors, [0, 0], [], Camps(), min_score=0.5,
                       published={"a": "2026-03-14", "b": "2026-03-15"})
    assert len(ds) == 1 and ds[0].score == 0.0 and [r.kind for r in ds[0].reasons] == ["update"]


DAY1, DAY5 = frame(day="2026-03-14"), frame(day="2026-03-19")
TOWN_A, TOWN_B = frame(places=(("Douma", None),)), frame(places=(("Aleppo", None),))


@pytest.mark.parametrize("events, sim, kept", [
    ((("ev-1", DAY1), ("ev-2", DAY5)), 0.95, ["explicit_denial"]),  # two days apart: only the denial
    ((("ev-1", TOWN_A), ("ev-2", TOWN_B)), 0.95, ["explicit_denial"]),  # two towns: only the denial
    ((("ev-1", frame()), ("ev-2", frame())), 0.60, ["explicit_denial", "numeric", "learned"]),  # unlinked, nothing apart
    ((("ev-1", DAY1), ("ev-1", DAY1)), 0.40, ["explicit_denial", "numeric", "learned"]),  # one event: all
    ((("ev-1", DAY1), None), 0.60, ["explicit_denial", "learned"]),  # one side eventless, not a paraphrase
    ((("ev-1", DAY1), None), 0.85, ["explicit_denial", "numeric", "learned"]),  # ... a near-paraphrase
    ((None, None), 0.60, ["explicit_denial", "numeric", "learned"]),  # no events: as before
])
def test_gate(events, sim, kept):
    a, b = (claim(f"{x}#1", "the strike on the bakery", x, x, None, None if e is None else replace(e[1], id=e[0]))
            for x, e in zip("ab", events))
    found = [Reason("explicit_denial", "", (), 0.9), Reason("numeric", "", (), 0.7), Reason("learned", "", (), 0.5)]
    assert [r.kind for r in gate(found, a, b, sim)] == kept


def test_big_blocks_are_capped_by_nearest_neighbours(monkeypatch):
    """A place block over BIG_BLOCK claims pairs nearest members only: far fewer pairs than n^2/2."""
    import claimcheck.events.group as group

    monkeypatch.setattr(group, "BIG_BLOCK", 20)
    monkeypatch.setattr(group, "BLOCK_NEIGHBOURS", 3)
    monkeypatch.setattr(group, "GLOBAL_NEIGHBOURS", 1)
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(60, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    claims = [claim(f"x{k}#1", "x", f"x{k}", "s", None, frame(places=(("Aleppo", None),))) for k in range(60)]
    pairs = candidate_pairs(claims, vectors, list(range(60)))
    assert 60 <= len(pairs) <= 60 * 4 < 60 * 59 // 2


def test_shipped_linker_loads():
    linker = load_linker()
    assert 0.0 < linker.threshold < 1.0


@pytest.mark.parametrize("events, published, kept", [
    ((None, None), {"a": "2014-11-02", "b": "2016-12-10"}, ["explicit_denial", "learned"]),  # years apart
    ((None, None), {"a": "2016-12-01", "b": "2016-12-10"}, ["explicit_denial", "learned"]),  # 9 days
    ((None, None), {"a": "2016-12-09", "b": "2016-12-10"}, ["explicit_denial", "numeric", "learned"]),  # next day
    # unlinked events (nothing apart) reported the same day are compared; weeks apart they are not
    ((("ev-1", frame()), ("ev-2", frame())), {"a": "2026-03-14", "b": "2026-03-14"}, ["explicit_denial", "numeric", "learned"]),
    ((("ev-1", frame()), ("ev-1", frame())), {"a": "2026-03-14", "b": "2026-05-01"}, ["explicit_denial", "learned"]),
    ((None, None), {"a": "2014-11-02"}, ["explicit_denial", "numeric", "learned"]),  # one undated: as before
    ((("ev-1", DAY1), ("ev-1", DAY1)), {"a": "2026-03-14", "b": "2026-05-01"}, ["explicit_denial", "numeric", "learned"]),
    ((("ev-1", DAY1), ("ev-2", DAY1)), {"a": "2026-03-14", "b": "2026-05-01"}, ["explicit_denial", "numeric", "learned"]),
    ((("ev-1", DAY1), ("ev-2", frame())), {"a": "2026-03-14", "b": "2026-05-01"}, ["explicit_denial", "learned"]),
])
def test_gate_across_reports_published_apart(events, published, kept):
    """Two articles published over REPORTS_APART_DAYS apart compare figures, blame and outcomes only
    when both frames date what they tell to the same day, even within one grouped event."""
    a, b = (claim(f"{x}#1", "the strike on the bakery", x, x, None, None if e is None else replace(e[1], id=e[0]))
            for x, e in zip("ab", events))
    found = [Reason("explicit_denial", "", (), 0.9), Reason("numeric", "", (), 0.7), Reason("learned", "", (), 0.5)]
    assert [r.kind for r in gate(found, a, b, 0.95, published=published)] == kept


@pytest.mark.parametrize("published, sim, kept", [
    ({"a": "2026-03-14", "b": "2026-03-15"}, 0.6, ["numeric"]),  # reported a day apart: compared
    ({"a": "2026-03-14"}, 0.6, []),  # one undated in a dated corpus: nothing says it is the same strike
    ({"a": "2026-03-14"}, 0.85, ["numeric"]),  # ... unless the two claims are near-paraphrases
    ({}, 0.6, ["numeric"]),  # nothing dated at all: as before events
])
def test_unlinked_events_across_articles(published, sim, kept):
    a = claim("a#1", "the strike on the bakery", "a", "ministry", None, replace(frame(), id="ev-1"))
    b = claim("b#1", "the strike on the bakery", "b", "rebels", None, replace(frame(), id="ev-2"))
    assert [r.kind for r in gate([Reason("numeric", "", (), 0.7)], a, b, sim, published=published)] == kept


def test_unlinked_events_dated_a_day_apart_are_two():
    """Grouping kept them apart and the frames say "Friday" and "Saturday": two strikes, however close."""
    a = claim("a#1", "the strike on the bakery", "a", "ministry", None, replace(frame(day="2026-03-13"), id="ev-1"))
    b = claim("b#1", "the strike on the bakery", "b", "rebels", None, replace(frame(day="2026-03-14"), id="ev-2"))
    published = {"a": "2026-03-14", "b": "2026-03-14"}
    assert gate([Reason("numeric", "", (), 0.7)], a, b, 0.6, published=published) == []
    same = replace(b, event=replace(frame(day="2026-03-13"), id="ev-2"))
    assert [r.kind for r in gate([Reason("numeric", "", (), 0.7)], a, same, 0.6, published=published)] == ["numeric"]


@pytest.mark.parametrize("words_a, day_a, words_b, day_b, apart", [
    ("on Thursday", "2015-07-16", "on Wednesday", "2015-07-15", True),  # two named days: two raids
    ("on Thursday", "2015-07-16", "on Thursday", "2015-07-16", False),
    ("overnight", "2015-07-15", "on Thursday", "2015-07-16", False),  # a vague time: a day's slack
    ("yesterday", "2015-07-15", "on Thursday", "2015-07-16", False),
    ("on Thursday", None, "on Tuesday", None, True),  # weekdays left unresolved (no publication date)
    ("on Thursday", None, "on Thursday", None, False),
    ("on Thursday", None, "on Tuesday", "2015-07-14", True),  # a weekday against a resolved day
    ("on Tuesday", None, "14 July", "2015-07-14", False),  # 14 July 2015 was a Tuesday
    ("on Saturday and Sunday", None, "on Sunday", None, False),
    ("on Thursday", None, "in July", None, False),  # a month names no weekday
])
def test_days_apart_even_within_one_event(words_a, day_a, words_b, day_b, apart):
    from claimcheck.dispute.gate import days_apart

    def dated(cid, words, day):
        f = replace(frame(day=day), time=TimeRef(words, 0, 0, day, day, "day" if day else None), id="ev-1")
        return claim(cid, "the strike on the bakery", cid[0], cid, None, f)

    a, b = dated("a#1", words_a, day_a), dated("b#1", words_b, day_b)
    assert days_apart(a, b) is apart
    assert [r.kind for r in gate([Reason("numeric", "", (), 0.7)], a, b, 0.9)] == ([] if apart else ["numeric"])


def test_a_report_cannot_tell_of_a_later_day():
    a = claim("a#1", "the strike on the bakery", "a", "ministry", None, replace(frame(), id="ev-1"))  # no time, published Friday
    b = claim("b#1", "the strike on the bakery", "b", "rebels", None, replace(frame(day="2016-06-04"), id="ev-1"))  # "on Saturday"
    found = [Reason("numeric", "", (), 0.7)]
    assert gate(found, a, b, 0.9, published={"a": "2016-06-03", "b": "2016-06-04"}) == []
    assert gate(found, a, b, 0.9, published={"a": "2016-06-04", "b": "2016-06-04"}) == found  # the same day


def test_unlinked_events_of_one_article_are_read_as_before():
    a = claim("a#1", "the strike on the bakery", "a", "ministry", None, replace(frame(), id="ev-1"))
    b = claim("a#2", "the strike on the bakery", "a", "rebels", None, replace(frame(), id="ev-2"))
    found = [Reason("numeric", "", (), 0.7)]
    assert [r.kind for r in gate(found, a, b, 0.6)] == ["numeric"]


@pytest.mark.parametrize("places_a, places_b, apart", [
    ((("Idlib", None),), (("Aleppo", None),), True),  # two towns: two events
    ((("Kafr Hamra", "aleppo"),), (("Aleppo", None),), False),  # a village in the province
    ((("Deir Ezzor city", None),), (("Deir Ezzor", None),), False),  # the city of the province
    ((("Eastern Ghouta", None),), (("Ghouta", None),), False),  # a part of it
    ((("Deir Ezzor", None),), (("Dayr az Zawr", None),), False),  # one town spelt two ways
    ((("Douma", None), ("Syria", None)), (("Syria", None),), False),  # a country is no town to compare
    ((("Douma", None),), (), False),  # one side names no place
    ((("al-Mazzeh", "damascus"),), (("al-Wafideen camp", "damascus"),), True),  # two districts of one city
    ((("al-Mazzeh", "damascus"), ("Damascus", None)), (("Damascus", None),), False),  # the district and its city
    ((("Douma", None), ("Aleppo", None)), (("Aleppo", None),), False),  # one of two places named
])
def test_places_apart(places_a, places_b, apart):
    from claimcheck.dispute.gate import places_apart

    a = claim("a#1", "the strike on the bakery", "a", "a", None, frame(places=places_a))
    b = claim("b#1", "the strike on the bakery", "b", "b", None, frame(places=places_b))
    assert places_apart(a, b) is apart and places_apart(b, a) is apart


def test_an_event_without_place_or_date_is_labelled_by_its_first_claim():
    from claimcheck.events.group import _event

    f = frame("capture", lemma="secure")
    a = claim("b#2", "troops had secured the Bir Sabah highway, the main supply route into the north", "b", "ministry", None, f)
    b = claim("a#1", "the army had secured the Bir Sabah highway", "a", "agency", None, f)
    assert _event([a, b]).label == "capture: the army had secured the Bir Sabah highway"
    assert _event([replace(a, event=frame("capture", day="2026-03-14"))]).label == "capture, 2026-03-14"


RAMOUSAH_SHELLING = [  # (id, text, article, publication date); no claim names a day of its own
    ("apr1#1", "Rebel shells hit homes in Ramousah, killing three people, the ministry said.", "apr1", "2026-04-02"),
    ("apr2#1", "Three people were killed when shells hit homes in Ramousah, residents said.", "apr2", "2026-04-03"),
    ("sep#1", "Rebel shells hit homes in Ramousah, killing four people, the ministry said.", "sep", "2026-09-20"),
]


def _ramousah(embedder, rows, day=None):
    claims = [claim(cid, text, art, "ministry", event=frame("shelling", day, places=(("Ramousah", None),), lemma="shell"))
              for cid, text, art, _ in rows]
    articles = [Article(art, text, date=day) for _, text, art, day in rows]
    grouped, _ = group_events(claims, claim_vectors(embedder, claims), articles=articles)
    return {c.id: c.event.id for c in grouped}


def test_reports_published_months_apart_without_a_day_are_two_events(embedder):
    of = _ramousah(embedder, RAMOUSAH_SHELLING)
    assert of["apr1#1"] == of["apr2#1"]  # a day apart: one shelling
    assert of["sep#1"] != of["apr1#1"]  # the same words in September: another shelling


def test_reports_published_apart_join_on_a_shared_name(embedder):
    rows = [(cid, text.replace("homes in", "the home of Salim Haddad in"), art, day)
            for cid, text, art, day in RAMOUSAH_SHELLING]
    of = _ramousah(embedder, rows)
    assert of["sep#1"] == of["apr1#1"]  # a later report of one family's loss names them


def test_reports_published_apart_that_date_the_event_are_read_by_their_days(embedder):
    of = _ramousah(embedder, RAMOUSAH_SHELLING, day="2026-04-01")  # "on 1 April", even in September's report
    assert of["sep#1"] == of["apr1#1"]
