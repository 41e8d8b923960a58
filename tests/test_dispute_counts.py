"""Counts compared as a reporter reads them, and reports that cannot be placed in time: read off
FA-KES's disputes (half a). Table-driven on our own sentences; quantities from the real extractor,
victims from real spaCy parses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimcheck.dispute import find_disputes
from claimcheck.dispute.candidates import share_details
from claimcheck.dispute.gate import gate, told_long_before, undated
from claimcheck.dispute.reasons.numeric import numeric
from claimcheck.quantities import extract_quantities
from claimcheck.records import ArticleRef, Claim, EventFrame, Place, Reason, Source, Span, TimeRef


def claim(text: str, article: str = "a", source: str = "monitor", event=None, n: int = 0) -> Claim:
    span = Span(0, len(text), text)
    return Claim(f"{article}#{n}", ArticleRef(article, None, article), text, span, span, Source(source, "named"),
                 None, "asserts", tuple(extract_quantities(text, 0)), event)


@pytest.mark.parametrize("ta, tb, disputed", [
    # a count whose noun is left out is a count of the noun before it
    ("the shelling killed 30 civilians in Hamra and 12 in Tell Sour", "12 people were killed in the shelling", False),
    ("the shelling killed 30 civilians in Hamra and 12 in Tell Sour", "5 people were killed in the shelling", True),
    # the word right after the number says what befell them: 250 wounded, not 250 dead
    ("Sixty dead and over 250 wounded in the market blast", "the market blast killed 58 people", False),
    ("Sixty dead and over 250 wounded in the market blast", "the market blast killed 250 people", True),
    # "dead" and "martyrs" are people killed
    ("the raid left 33 dead", "the raid killed 33 people", False),
    ("seven martyrs fell in the shelling of the camp", "the shelling of the camp killed 20 people", True),
    # bare counts after a verb of what befell people
    ("the car bomb killed a guard, wounding 40", "the car bomb wounded 15 people", True),
    ("the blast killed four people and injured another nine", "four dead and 30 injured in the blast", True),
    ("the blast killed four people and injured another nine", "four dead and nine injured in the blast", False),
    # "at least N" is the toll its source confirmed; "dozens" has no count of its own
    ("at least 40 people were killed in the raid", "70 people were killed in the raid", True),
    ("at least 40 people were killed in the raid", "45 people were killed in the raid", False),
    ("at least 40 people were killed in the raid", "at least 75 people were killed in the raid", True),
    ("dozens of people were killed in the raid", "70 people were killed in the raid", False),
    # a side's count of fighters is compared with that side's, not with another side's in the same claim
    ("two Kurdish fighters were killed in the clashes", "11 Kurdish fighters were killed and two regime fighters died in the clashes", True),
    ("11 Kurdish fighters were killed in the clashes", "11 Kurdish fighters were killed and two regime fighters died in the clashes", False),
    # civilians and fighters add up to a toll of all the dead
    ("the assault killed 20 civilians and 31 fighters", "the assault left 50 dead", False),
    ("the assault killed 20 civilians and 31 fighters", "the assault killed 90 people", True),
    # men, women and children add up to the people: "seven men and six women" are 13 people
    ("the gunman injured 13 people at the bar", "the gunman injured seven men and six women at the bar", False),
    ("the gunman injured 30 people at the bar", "the gunman injured seven men and six women at the bar", True),
    # civilians are a part of all the people killed (fighters too): fewer civilians agree, more do not
    ("the raids killed at least 22 people", "eight civilians were killed in the raids", False),
    ("the raids killed ten civilians when they hit a bus", "the raids killed 31 people", False),
    ("the raids killed 40 civilians", "the raids killed 22 people", True),
    # ... and when both count the civilians, those counts are the rival figures
    ("six civilians including a boy were among at least 22 people killed in the raids", "eight civilians were killed in the raids", True),
    ("six civilians including a boy were among at least 22 people killed in the raids", "the raids killed six civilians", False),
    # the residents killed are its civilians: "including four civilians" is a share of them, not a rival toll
    ("gunmen killed at least 11 civilians in the hamlet", "11 residents of the hamlet were killed by gunmen including four civilians", False),
    ("gunmen killed at least 11 civilians in the hamlet", "20 residents of the hamlet were killed by gunmen", True),
    # ... and so are the "citizens" killed: a toll of people, and of civilians
    ("rockets killed nine citizens in the square", "rockets killed three people in the square", True),
    ("rockets killed three citizens in the square", "rockets killed nine civilians in the square", True),
    ("rockets killed three citizens in the square", "rockets killed nine people in the square", False),
    # ... and a claim that states its whole toll is compared by it: 22 killed against ten
    ("six civilians including a boy were among at least 22 people killed in the raids", "ten people were killed in the raids", True),
    # a share of a toll told elsewhere is no rival figure, the claim's other counts still are
    ("two medics were among at least 31 people killed in the shelling", "60 people were killed in the shelling", True),
    ("two medics were among at least 31 people killed in the shelling", "30 people were killed in the shelling", False),
    ("a further nine people including five children died in the village", "twelve children were killed in the village", False),
    # ... and "injured nine others" are all the injured, not a share of the dead
    ("the raid killed more than 100 people and injured 400 others", "the raid killed 70 people", True),
    ("the shelling killed three people and injured nine others", "the shelling injured 25 people", True),
    ("the shelling killed three people and injured nine others", "the shelling injured nine people", False),
    # "the death of seven" counts the people killed, "the injury of 40" the injured
    ("the mortars led to the death of seven and the injury of 40", "the mortars killed three people", True),
    ("the mortars led to the death of seven and the injury of 40", "the mortars killed seven people", False),
    ("the mortars led to the death of seven and the injury of 40", "the mortars injured 15 people", True),
    # a small lower bound leaves room for a few more: "more than one" victim may be three
    ("more than one victim was shot at the party", "three victims were shot at the party", False),
    ("more than one victim was shot at the party", "nine victims were shot at the party", True),
    # a figure someone raised was lower before: an update, unless the other figure is higher still
    ("the judge set his bond on the theft charge at $5,000",
     "a second judge doubled his bond on the theft charge to $10,000", False),
    ("the judge set his bond on the theft charge at $5,000",
     "a second judge set his bond on the theft charge at $10,000", True),
    ("the judge set his bond on the theft charge at $50,000",
     "a second judge doubled his bond on the theft charge to $10,000", True),
    ("police put the reward in the case at $5,000", "the city raised the reward in the case to $20,000", False),
    ("police put the reward in the case at $5,000", "the city put the reward in the case at $20,000", True),
])
def test_numeric_reads_counts_as_reported(ta, tb, disputed):
    assert (numeric(claim(ta, "a"), claim(tb, "b"), 0.9) is not None) is disputed


def test_the_evidence_of_two_civilian_tolls_is_their_civilians():
    reason = numeric(claim("six civilians including a boy were among at least 22 people killed in the raids", "a"),
                     claim("eight civilians were killed in the raids", "b"), 0.9)
    assert reason is not None and reason.detail.startswith("'six' vs 'eight'")


def _frame(places=(), day=None, until=None, precision="day", words="on Saturday", event="ev-1"):
    time = None if day is None else TimeRef(words, 0, 0, day, until or day, precision)
    return EventFrame("bombing", "bomb", Span(0, 4, "bomb"), time,
                      tuple(Place(p, 0, 0, p.casefold(), w) for p, w in places), id=event)


@pytest.mark.parametrize("places_a, places_b, disputed", [
    ((("Damascus", None),), (("Bab Touma", "damascus"), ("Damascus", None)), True),  # a district of the city
    ((("Deir Ezzor", None),), (("Aleppo", None), ("Deir Ezzor", None)), False),  # one of the total's places
])
def test_a_district_is_no_part_of_a_total(places_a, places_b, disputed):
    a = claim("the bomb killed six people and injured 10", "a", event=_frame(places_a))
    b = claim("the bomb killed six people and injured 25", "b", event=_frame(places_b))
    assert (numeric(a, b, 0.9) is not None) is disputed


FOUND = [Reason("numeric", "", (), 0.7), Reason("explicit_denial", "", (), 0.8)]


MARKET = ("the bomb at the vegetable market killed 12 people", "the bomb at the vegetable market killed 20 people")
BARE = ("more than 20 people have been killed", "eight people were killed and 80 sustained injuries")


@pytest.mark.parametrize("pub_a, day_a, pub_b, day_b, sim, texts, kept", [
    ("2016-03-05", "2016-03-05", None, None, 0.7, MARKET, ["explicit_denial"]),  # b cannot be placed in time
    ("2016-03-05", "2016-03-05", None, None, 0.85, MARKET, ["numeric", "explicit_denial"]),  # a near-paraphrase
    # two bare tolls read alike whatever they tell of: no near-paraphrase of one report
    ("2016-03-05", "2016-03-05", None, None, 0.85, BARE, ["explicit_denial"]),
    (None, None, None, None, 0.7, MARKET, ["numeric", "explicit_denial"]),  # nothing dated at all: as before
    ("2016-03-05", None, "2016-03-05", None, 0.7, MARKET, ["numeric", "explicit_denial"]),  # both dated by articles
    (None, "2016-03-05", "2016-03-05", None, 0.7, MARKET, ["numeric", "explicit_denial"]),  # a frame dates it
])
def test_an_undated_report_meets_a_dated_one_only_as_a_paraphrase(pub_a, day_a, pub_b, day_b, sim, texts, kept):
    a = claim(texts[0], "a", "ministry", _frame(day=day_a))
    b = claim(texts[1], "b", "rebels", _frame(day=day_b))
    published = {k: v for k, v in (("a", pub_a), ("b", pub_b)) if v}
    assert undated(b, published) is (pub_b is None and day_b is None)
    assert [r.kind for r in gate(FOUND, a, b, sim, published=published)] == kept


@pytest.mark.parametrize("ta, tb, shared", [
    ("More than 20 people have been killed in Syria", "eight people were killed and 80 sustained injuries", False),
    ("at least 160 people were injured", "31 people hurt in the attack", False),
    ("Six civilians were killed in air strikes on Raqqa", "eight civilians died in the Raqqa strikes", True),
    ("the toll rose to 17 dead and dozens wounded", "Seventeen killed, scores hurt", False),
    ("the bombing of the bus killed six", "ten died when the bus exploded", True),
])
def test_a_shared_detail_beyond_the_toll(ta, tb, shared):
    assert share_details(claim(ta, "a"), claim(tb, "b")) is shared


@pytest.mark.parametrize("places_a, story_b, story_id, shared", [
    ((("Kessa", None),), "Kessa", "ev-3", True),  # a's frame is set in Kessa, b's article tells of Kessa
    ((), "Kessa", "ev-3", False),  # a names no town and its article has no story
    ((("Kessa", None),), "Hamra", "ev-3", False),  # two towns
    ((("Syria", None),), "Syria", "ev-3", False),  # a country is no detail of a war's event
    ((("Tokhar", None),), "al-Tukhar", "ev-1", True),  # b's article mainly tells of a's event
])
def test_a_bare_toll_is_set_in_its_frame_or_article_town(places_a, story_b, story_id, shared):
    """"Only four of our fighters were killed" tells of the town and event its article reports on."""
    a = claim("Twenty-three fighters were killed", "a", event=_frame(places_a, event="ev-1"))
    b = claim("Only four of our fighters were killed", "b", event=_frame(event="ev-2"))
    story = {"b": _frame(((story_b, None),), event=story_id)}
    assert share_details(a, b, story) is shared
    assert share_details(a, b) is False  # without the articles' stories, nothing is shared


def test_two_events_bare_tolls_dispute_only_within_one_article():
    a = claim(BARE[0], "a", "ministry", _frame(event="ev-1"))
    b = claim(BARE[1], "b", "rebels", _frame(event="ev-2"))
    assert [r.kind for r in gate(FOUND, a, b, 0.9, published={"c": "2016-03-05"})] == ["explicit_denial"]
    b_same_article = replace(b, article=a.article)
    assert [r.kind for r in gate(FOUND, a, b_same_article, 0.9, published={"c": "2016-03-05"})] == ["numeric", "explicit_denial"]


@pytest.mark.parametrize("time_a, pub_b, stale", [
    (("2016-05-01", "2016-05-31", "month", "in May 2016"), "2016-08-11", True),  # months before the report
    (("2016-08-01", "2016-08-31", "month", "in August"), "2016-08-11", False),
    (("2016-08-09", "2016-08-09", "day", "on Tuesday"), "2016-08-11", False),
    (("2016-06-19", "2016-06-19", "day", "on June 19"), "2016-08-11", True),
    # a month that ended before the report came out is told as past ("last month" against its news)
    (("2016-07-01", "2016-07-31", "month", "last month"), "2016-08-11", True),
    (("2016-08-04", "2016-08-10", "week", "this week"), "2016-08-11", False),  # ended a day before: may be one event
    (("2016-07-25", "2016-07-31", "week", "last week"), "2016-08-11", True),
])
def test_a_frame_long_before_the_other_report_tells_an_earlier_event(time_a, pub_b, stale):
    day, until, precision, words = time_a
    a = claim("x", "a", "ministry", _frame(day=day, until=until, precision=precision, words=words))
    b = claim("y", "b", "rebels", _frame())
    published = {"a": "2016-08-11", "b": pub_b}
    assert told_long_before(a, b, published) is stale
    assert [r.kind for r in gate(FOUND, a, b, 0.9, published=published)] == (
        ["explicit_denial"] if stale else ["numeric", "explicit_denial"])


def test_in_one_article_only_a_date_in_what_is_told_makes_it_an_earlier_event():
    """"Rebels said they were behind a similar bombing in May" is no rival of the article's undated toll;
    "the ministry announced in May that its jets had killed the commander" dates the report, not the killing."""
    told = "a similar bombing in the city killed 12 people in May"
    a = claim(told, "a", "rebels", _frame(day="2016-05-01", until="2016-05-31", precision="month", words="in May"))
    b = claim("39 people were killed in the bombing", "a", "monitor", _frame(), n=1)
    published = {"a": "2016-10-02"}
    a_in = replace(a, event=replace(a.event, time=replace(a.event.time, start=told.index("in May"),
                                                               end=told.index("in May") + 6)))
    assert told_long_before(a_in, b, published) is True
    # the same date in the reporting words before the content ("announced in May that ..."; the time at 0)
    a_out = replace(a, span=Span(40, 40 + len(told), told))
    assert told_long_before(a_out, b, published) is False


def test_intervals_of_any_precision_set_events_apart():
    may = _frame(day="2016-05-01", until="2016-05-31", precision="month", words="in May", event="ev-1")
    aug = _frame(day="2016-08-11", words="on Thursday", event="ev-2")
    a, b = claim(MARKET[0], "a", "ministry", may), claim(MARKET[1], "b", "rebels", aug)
    assert [r.kind for r in gate(FOUND, a, b, 0.9)] == ["explicit_denial"]
    same_month = replace(aug, time=replace(aug.time, date="2016-05-12", until="2016-05-12"))
    assert [r.kind for r in gate(FOUND, a, replace(b, event=same_month), 0.9)] == ["numeric", "explicit_denial"]


def test_a_claim_an_outlet_repeats_is_one_dispute(embedder):
    text = "the bomb killed 12 people in the square"
    twice = [claim(text, "a", "police", n=0), claim(text, "a", "police", n=1),
             claim("the bomb killed 30 people in the square", "b", "medics")]
    from claimcheck.config import Camps

    vectors = embedder.encode([c.text for c in twice])
    found = find_disputes(twice, vectors, [0, 0, 0], [], Camps(), min_score=0.0)
    assert len([d for d in found if any(r.kind == "numeric" for r in d.reasons)]) == 1


def test_a_day_and_another_month_are_two_events_within_one_event():
    june = _frame(day="2014-06-19", words="on June 19")
    may = _frame(day="2014-05-01", until="2014-05-31", precision="month", words="in May")
    a, b = claim("x", "a", "ministry", june), claim("y", "b", "rebels", may)
    assert [r.kind for r in gate(FOUND, a, b, 0.9)] == ["explicit_denial"]
    in_june = replace(may, time=TimeRef("in June", 0, 0, "2014-06-01", "2014-06-30", "month"))
    assert [r.kind for r in gate(FOUND, a, replace(b, event=in_june), 0.9)] == ["numeric", "explicit_denial"]


@pytest.mark.parametrize("published, kept", [
    ({}, ["numeric", "explicit_denial"]),  # a corpus with no dates at all: read as before events
    ({"c": "2016-03-05"}, ["explicit_denial"]),  # other articles are dated: two undated reports kept apart
])
def test_two_undated_reports_of_two_events(published, kept):
    a = claim(MARKET[0], "a", "ministry", _frame(event="ev-1"))
    b = claim(MARKET[1], "b", "rebels", _frame(event="ev-2"))
    assert [r.kind for r in gate(FOUND, a, b, 0.7, published=published)] == kept


def test_a_country_a_source_is_based_in_sets_no_event_apart():
    from claimcheck.dispute.gate import known_apart

    a = claim("x", "a", "monitor", _frame((("Britain", None),), event="ev-1"))
    b = claim("y", "b", "agency", _frame((("Manbij", "aleppo"), ("Aleppo", None)), event="ev-2"))
    assert not known_apart(a, b)
    c = claim("z", "c", "agency", _frame((("Idlib", None),), event="ev-3"))
    assert known_apart(b, c)  # two towns, neither in the other


@pytest.mark.parametrize("words_b, places_b, kept", [
    ("on Saturday", (("Idlib", None),), ["numeric", "explicit_denial"]),  # the weekday and the town agree
    ("on Friday", (("Idlib", None),), ["explicit_denial"]),  # another weekday
    ("on Saturday", (("Homs", None),), ["explicit_denial"]),  # another town
])
def test_an_undated_weekday_in_the_same_town_places_a_report(words_b, places_b, kept):
    a = claim("x", "a", "ministry", _frame((("Urum", "idlib"), ("Idlib", None)), day="2017-04-08"))  # a Saturday
    b = claim("y", "b", "monitor", replace(_frame(places_b), time=TimeRef(words_b, 0, 0, None, None, None)))
    published = {"a": "2017-04-08"}
    assert [r.kind for r in gate(FOUND, a, b, 0.7, published=published)] == kept


def test_a_share_of_the_residents_killed_is_no_rival_toll(nlp):
    """As parsed (spaCy reads "four (female) civilians" as four civilians): the residents killed are
    the civilians, so the four are a share of the 11, not a rival toll of civilians."""
    def parsed(text: str, article: str) -> Claim:
        return _parsed(nlp, text, article)

    a = parsed("gunmen killed at least 11 civilians in the hamlet", "a")
    b = parsed("11 residents of the hamlet were killed including four (female) civilians by the gunmen", "b")
    assert [q.counted for q in b.quantities] == ["resident", "civilian"]
    assert numeric(a, b, 0.9) is None
    assert numeric(a, parsed("20 residents of the hamlet were killed by the gunmen", "b"), 0.9) is not None


def _parsed(nlp, text: str, article: str) -> Claim:
    return replace(claim(text, article), quantities=tuple(extract_quantities(text, 0, nlp(text))))


def test_more_dead_added_to_the_claims_own_count_make_a_toll_it_does_not_state(nlp):
    """"two more people died" adds to the claim's own three: the five it adds up to are no rival to
    "five people", and the three alone are not the claim's toll."""
    a = _parsed(nlp, "three people were killed and two more people died in the shelling", "a")
    assert [q.span.text for q in a.quantities] == ["three", "two"]
    assert numeric(a, claim("the shelling killed five people", "b"), 0.9) is None
