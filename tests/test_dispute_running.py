"""Counts that are not one incident's toll, fighters of two sides, and events in two towns of one
country: read off FA-KES's disputes (half a). Table-driven on our own sentences; quantities from the
real extractor."""

from __future__ import annotations

import pytest

from claimcheck.dispute.gate import _apart
from claimcheck.dispute.reasons.numeric import numeric
from claimcheck.dispute.scope import WAR_SCOPE, scope
from claimcheck.quantities import extract_quantities
from claimcheck.records import ArticleRef, Claim, Source, Span


def claim(text: str, article: str = "a") -> Claim:
    span = Span(0, len(text), text)
    return Claim(f"{article}#0", ArticleRef(article, None, article), text, span, span, Source("monitor", "named"),
                 None, "asserts", tuple(extract_quantities(text, 0)), None)


@pytest.mark.parametrize("text, running", [
    ("the raids have killed hundreds of civilians", True),
    ("government shelling has now killed thousands in the province", True),
    ("thousands of people have been killed in the siege", True),
    ("the raid killed hundreds of civilians on Friday", False),  # one raid's toll, however vague
    ("the strikes have killed 12 people", False),  # a count of its own: one incident's
])
def test_a_vague_count_of_what_has_been_killed_is_a_running_toll(text, running):
    assert (scope(claim(text)) == WAR_SCOPE) is running


@pytest.mark.parametrize("ta, tb, disputed", [
    ("the raids have killed hundreds of civilians in the town", "12 civilians were killed in the raids on the town", False),
    # two sides' dead are two counts
    ("30 regime fighters were killed in the clashes", "20 rebels were killed in the clashes", False),
    ("30 pro-government fighters died in the clashes", "12 jihadists died in the clashes", False),
    # one side, or a side against fighters of no side named: one toll
    ("30 rebel fighters were killed in the clashes", "20 rebels were killed in the clashes", True),
    ("30 fighters were killed in the clashes", "12 rebels were killed in the clashes", True),
    ("30 soldiers were killed in the ambush", "9 soldiers were killed in the ambush", True),
])
def test_numeric_compares_one_toll(ta, tb, disputed):
    assert (numeric(claim(ta, "a"), claim(tb, "b"), 0.9) is not None) is disputed


@pytest.mark.parametrize("places_a, places_b, apart", [
    ({"syria", "idlib"}, {"syria", "aleppo"}, True),  # a country in common: still two towns
    ({"syria", "al midan"}, {"midan"}, False),  # one district, with and without "al"
    ({"damascus"}, {"eastern damascus", "syria"}, False),  # a part of the city
    ({"syria"}, {"syria", "aleppo"}, False),  # a country alone sets nothing apart
    ({"iraq"}, {"syria"}, True),  # two countries, no town: as before
])
def test_events_apart_by_town(places_a, places_b, apart):
    none = (None, None, None)
    assert _apart(none, none, places_a, places_b) is apart


@pytest.mark.parametrize("text, expected", [
    ("three were killed in the raid", [("three", "people")]),
    ("Five killed in shelling on the town", [("Five", "people")]),
    ("two died in the blast", [("two", "people")]),
    ("at least 12 were killed", [("at least 12", "people")]),
    ("the talks ended at nine", []),  # a time
    ("one of them died", []),  # a pronoun
])
def test_a_number_word_with_what_befell_them_counts_people(text, expected):
    assert [(q.span.text, q.counted) for q in extract_quantities(text, 0)] == expected
