"""Contested facts from hand-made records: grouping per event and per topic, versions, scores, ids."""

from __future__ import annotations

import pytest

from claimcheck.facts import backing, contested_facts, fact_id, group_pairs, version_id
from claimcheck.records import (
    ArticleRef, Claim, Dispute, Event, EventFrame, Evidence, Origin, Quantity, Reason, Source, Span, TimeRef,
)


def claim(cid: str, content: str, source: str, camp: str | None, *, stance: str = "asserts",
          figure: str | None = None, event: str | None = None, outlet: str | None = None) -> Claim:
    """A claim in its own one-sentence article: '<source> said <content>.'"""
    verb = "denied that" if stance == "denies" else "said"
    text = f"{source} {verb} {content}."
    start = len(source) + len(verb) + 2
    quantities = ()
    if figure is not None:
        at = text.index(figure)
        value = float(figure.split()[-1])
        quantities = (Quantity(value, figure.startswith("some"), "people", Span.of(text, at, at + len(figure))),)
    frame = None
    if event is not None:
        frame = EventFrame("attack", "strike", Span.of(text, start, start + 3), TimeRef("Saturday", 0, 0), id=event)
    return Claim(
        id=f"{cid}#1", article=ArticleRef(cid, f"{cid}.txt", outlet or f"Outlet {cid}"), text=content,
        span=Span.of(text, start, start + len(content)), sentence=Span.of(text, 0, len(text)),
        source=Source(source, "named", Span.of(text, 0, len(source)), camp),
        cue=Span.of(text, len(source) + 1, len(source) + 1 + len(verb.split()[0])), stance=stance,
        quantities=quantities, event=frame,
    )


def numeric(a: Claim, b: Claim, score: float = 0.8, topic: int = 0, event: str | None = None) -> Dispute:
    qa, qb = a.quantities[0].span, b.quantities[0].span
    ev = (Evidence(a.article.id, qa.start, qa.end, qa.text), Evidence(b.article.id, qb.start, qb.end, qb.text))
    return Dispute(f"d:{a.id}|{b.id}", topic, a, b, score, (Reason("numeric", f"{qa.text!r} vs {qb.text!r}", ev, score),),
                   event_id=event)


def denial(a: Claim, b: Claim, score: float = 0.9, topic: int = 0, kind: str = "explicit_denial") -> Dispute:
    denier = a if a.stance == "denies" else b
    ev = (Evidence(denier.article.id, denier.cue.start, denier.cue.end, denier.cue.text),)
    return Dispute(f"d:{a.id}|{b.id}", topic, a, b, score, (Reason(kind, "denies what the other asserts", ev, score),))


# The strike on Harlow: the ministry's 12 against the rescuers' some 40; the bridge at Dunmere.
MIN_A = claim("min-a", "12 people were killed in the strike on Harlow", "the ministry", "gov", figure="12", event="e:harlow")
MIN_B = claim("min-b", "the strike on Harlow killed 12 people", "the army", "gov", figure="12", event="e:harlow")
RES_A = claim("res-a", "some 40 people were killed in the strike on Harlow", "rescuers", "opp", figure="some 40", event="e:harlow")
RES_B = claim("res-b", "the strike on Harlow killed some 40 people", "medics", "opp", figure="some 40")
# The same toll, as reports the events stage framed none of.
TOLL_A = claim("tol-a", "12 people were killed in the strike on Harlow", "the ministry", "gov", figure="12")
TOLL_B = claim("tol-b", "the strike on Harlow killed 12 people", "the army", "gov", figure="12")
BRIDGE = claim("arm-a", "the army had taken the bridge at Dunmere", "the army", "gov")
BRIDGE_NO = claim("reb-a", "the bridge at Dunmere had fallen", "rebels", "opp", stance="denies")
HARLOW = Event("e:harlow", "air strike, Harlow, 2026-05-02", "attack", "2026-05-02", None, "day", ("harlow",),
               (MIN_A.id, MIN_B.id, RES_A.id))


def test_pairs_of_one_event_make_one_fact_named_after_the_event():
    pairs = [numeric(MIN_A, RES_A, event="e:harlow"), numeric(MIN_B, RES_A, 0.7)]  # the second: both frames say e:harlow
    facts = contested_facts(pairs, events=[HARLOW])
    assert len(facts) == 1
    fact = facts[0]
    assert fact.event_id == "e:harlow" and fact.id == fact_id([], "e:harlow")
    assert fact.label == "air strike, Harlow, 2026-05-02"
    assert sorted(fact.dispute_ids) == sorted(d.id for d in pairs)
    gov, opp = sorted(fact.versions, key=lambda v: v.camps)
    assert gov.camps == ("gov",) and set(gov.claim_ids) == {MIN_A.id, MIN_B.id} and gov.position == ("12",)
    assert opp.camps == ("opp",) and opp.claim_ids == (RES_A.id,) and opp.position == ("some 40",)


def test_an_event_fact_keeps_its_id_when_it_gains_claims():
    first = contested_facts([numeric(MIN_A, RES_A, event="e:harlow")])
    later = contested_facts([numeric(MIN_A, RES_A, event="e:harlow"), numeric(MIN_B, RES_A, event="e:harlow")])
    assert first[0].id == later[0].id


def test_without_events_pairs_group_by_shared_claims_within_a_topic():
    pairs = [numeric(TOLL_A, RES_B), numeric(TOLL_B, RES_B), denial(BRIDGE, BRIDGE_NO)]
    facts = contested_facts(pairs)
    assert len(facts) == 2
    by_label = {f.label: f for f in facts}
    toll = next(f for f in facts if len(f.dispute_ids) == 2)
    assert toll.event_id is None and toll.id == fact_id([TOLL_A.id, TOLL_B.id, RES_B.id])
    bridge = next(f for f in facts if len(f.dispute_ids) == 1)
    assert bridge.label == BRIDGE.text  # named after the asserting claim of its strongest pair
    assert len(by_label) == 2


def test_the_same_claims_in_two_topics_are_two_facts():
    facts = contested_facts([numeric(TOLL_A, RES_B, topic=0), numeric(TOLL_B, RES_B, topic=1)])
    assert len(facts) == 2 and {f.topic_id for f in facts} == {0, 1}


def test_a_pair_with_one_framed_claim_joins_that_event():
    facts = contested_facts([numeric(MIN_A, RES_A, event="e:harlow"), numeric(MIN_A, RES_B, 0.6)], events=[HARLOW])
    (fact,) = facts
    assert fact.event_id == "e:harlow" and len(fact.dispute_ids) == 2


def test_a_pair_of_two_different_events_falls_back_to_its_topic():
    other = claim("res-c", "some 40 people were killed in the strike on Harlow", "rescuers", "opp", figure="some 40",
                  event="e:elsewhere")
    (event, pairs), = group_pairs([numeric(MIN_A, other)])
    assert event is None and len(pairs) == 1


def test_update_only_pairs_are_not_contested():
    later = claim("min-c", "the toll rose to 17 people", "the ministry", "gov", figure="17")
    update = Dispute("d:up", 0, TOLL_A, later, 0.0, (Reason("update", "the toll rose in a later report"),))
    assert contested_facts([update]) == ()
    facts = contested_facts([update, numeric(TOLL_A, RES_B)])
    assert len(facts) == 1 and facts[0].dispute_ids == (f"d:{TOLL_A.id}|{RES_B.id}",)


def test_one_side_giving_two_figures_holds_two_versions():
    seventeen = claim("min-c", "17 people were killed in the strike on Harlow", "the governor", "gov", figure="17")
    facts = contested_facts([numeric(TOLL_A, RES_B), numeric(seventeen, RES_B, 0.6)])
    (fact,) = facts
    assert sorted(v.position for v in fact.versions) == [("12",), ("17",), ("some 40",)]
    assert all(len(v.claim_ids) == 1 for v in fact.versions)


def test_claims_in_an_odd_cycle_each_hold_their_own_version():
    x = claim("x", "the dam at Orvel burst on Monday", "engineers", None)
    y = claim("y", "the dam at Orvel burst on Monday", "the mayor", None, stance="denies")
    z = claim("z", "the dam at Orvel held", "police", None)
    facts = contested_facts([denial(x, y), denial(y, z, 0.7, kind="polarity"), denial(x, z, 0.6, kind="polarity")])
    (fact,) = facts
    assert len(fact.versions) == 3
    side = {cid: v.id for v in fact.versions for cid in v.claim_ids}
    assert len(set(side.values())) == 3


def test_score_weighs_the_strongest_pair_by_the_weaker_sides_independent_origins():
    pairs = [numeric(MIN_A, RES_A), numeric(MIN_B, RES_A, 0.7)]
    (alone,) = contested_facts(pairs)  # each article its own origin: 2 for the ministry's side, 1 for the rescuers'
    assert alone.score == pytest.approx(0.8 * backing(1))
    wire = Origin("AFP", (MIN_A.article.id, MIN_B.article.id), (), "AFP")

    def one_wire_story(claims):
        claims = list(claims)
        if {c.id for c in claims} == {MIN_A.id, MIN_B.id}:
            return (wire,)
        return tuple(Origin(c.article.outlet, (c.article.id,)) for c in claims)

    (copied,) = contested_facts(pairs, origins_of=one_wire_story)
    gov = next(v for v in copied.versions if "gov" in v.camps)
    assert [o.name for o in gov.origins] == ["AFP"] and gov.backing == pytest.approx(backing(1))
    assert backing(1) < backing(2) < backing(3) < 1.0
    lone = claim("min-d", "12 people were killed in the strike on Harlow", "the ministry", "gov", figure="12")
    opp_more = [numeric(lone, RES_B), numeric(lone, claim("res-d", "some 40 died", "medics", "opp", figure="some 40"), 0.5)]
    (two_each,) = contested_facts(opp_more)
    assert two_each.score == pytest.approx(0.8 * backing(1))  # the ministry's claim stands alone on its side
    assert {len(v.origins) for v in two_each.versions} == {1, 2}


def test_facts_and_ids_do_not_depend_on_input_order():
    pairs = [numeric(TOLL_A, RES_B), numeric(TOLL_B, RES_B, 0.7), denial(BRIDGE, BRIDGE_NO)]
    assert contested_facts(pairs) == contested_facts(list(reversed(pairs)))
    (toll,) = [f for f in contested_facts(pairs) if len(f.dispute_ids) == 2]
    ids = {v.id for v in toll.versions}
    assert ids == {version_id([TOLL_A.id, TOLL_B.id]), version_id([RES_B.id])}


def test_evidence_goes_to_the_claim_it_was_found_in():
    (fact,) = contested_facts([denial(BRIDGE, BRIDGE_NO)])
    denier = next(v for v in fact.versions if BRIDGE_NO.id in v.claim_ids)
    assert denier.position == ("denied",) and denier.label == "denies: " + BRIDGE_NO.text
    assert [e.text for e in denier.evidence] == ["denied"]
    other = next(v for v in fact.versions if BRIDGE.id in v.claim_ids)
    assert other.evidence == () and other.label == BRIDGE.text
