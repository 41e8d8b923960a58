"""Counts in claim text."""

from __future__ import annotations

import pytest

from claimcheck.quantities import extract_quantities

# text, value, approximate, counted, low, high, span text
QUANTITIES = [
    ("an aid convoy was hit, killing some 20 people", 20, True, "people", None, None, "some 20"),
    ("rebels had launched 350 attacks during the truce", 350, False, "attack", None, None, "350"),
    ("almost 2 million people are without water", 2_000_000, True, "people", None, None, "almost 2 million"),
    ("at least 12 civilians were killed", 12, True, "civilian", 12, None, "at least 12"),
    ("between 10 and 15 soldiers were captured", 12.5, True, "soldier", 10, 15, "between 10 and 15"),
    ("dozens of fighters crossed the river", 24, True, "fighter", 24, None, "dozens"),
    ("an errant strike killed dozens.", 24, True, None, 24, None, "dozens"),
    ("hundreds of thousands of people fled", 200_000, True, "people", 200_000, None, "hundreds of thousands"),
    ("the two powers met again", 2, False, "power", None, None, "two"),
    ("1,200 homes were destroyed", 1200, False, "home", None, None, "1,200"),
    ("more than 300 families fled", 300, True, "family", 300, None, "more than 300"),
    ("fewer than 100 troops remain", 100, True, "troop", None, 100, "fewer than 100"),
    ("twenty-five buses left the city", 25, False, "bus", None, None, "twenty-five"),
    ("43 percent of voters agreed", 43, False, "percent", None, None, "43"),
    ("only four of our fighters were killed", 4, False, "fighter", None, None, "four"),
    # a toll counts people (killed), though no noun follows the number
    ("the death toll from the floods rose to 31", 31, False, "people", None, None, "31"),
    ("a monitoring group put the toll at 22", 22, False, "people", None, None, "22"),
    # ... and so does a number after a noun of what befell people
    ("the mortar fire led to the death of seven", 7, False, "people", None, None, "seven"),
    ("the blast caused the injury of at least 40", 40, True, "people", 40, None, "at least 40"),
    # "within" is an upper bound; a place after the unit is not what is counted
    ("the militants advanced to within 10 miles of the capital", 10, True, "mile", None, 10, "within 10"),
    ("fighting raged one mile outside the capital", 1, False, "mile", None, None, "one"),
    ("three tanks north of the city were hit", 3, False, "tank", None, None, "three"),
]


@pytest.mark.parametrize("text,value,approx,counted,low,high,span", QUANTITIES)
def test_quantities(text, value, approx, counted, low, high, span):
    qs = extract_quantities(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert q.value == value
    assert q.approximate is approx
    assert q.counted == counted
    assert (q.low, q.high) == (low, high)
    assert q.span.text == span


@pytest.mark.parametrize("text", [
    "the war began in 2011",
    "talks resume on September 11",
    "the meeting starts at 10:30 a.m.",
    "it was the first time",
    "one of the groups left",
    "no one was hurt",
    "the vote was 5-4",
    "the rally ended at nine",
    # street addresses are places, not counts
    "a man was shot in the 300 block of Alder Street",
    "officers were sent to the 3400 block on Sunday",
    "police were called to 1420 North Elm Street",
    "a fire broke out at 52 W. 8th Ave. overnight",
    "the crash closed Interstate 95",
    # a year after its month and day, whatever plural follows
    "February 21, 2014 Business Robberies",
    # a clock time or a video's length: the minutes are no count
    "Watch the briefing | 1:25 Deputies",
    "the clip runs 2:40 and shows the street",
])
def test_not_counts(text):
    assert extract_quantities(text) == ()


def test_a_count_after_a_month_and_day_still_counts():
    [q] = extract_quantities("On March 5, 12 civilians were killed in the shelling")
    assert (q.value, q.counted) == (12, "civilian")


@pytest.mark.parametrize("text", ["her 6- and 12-year-old children were hurt",
                                  "his sons, 6 and 12-years-old, were hurt"])
def test_the_first_of_two_ages_is_no_count(text):
    assert 6 not in {q.value for q in extract_quantities(text)}


def test_offsets_are_shifted_into_the_article():
    article = "Officials said that at least 12 civilians died."
    start = article.index("at least")
    (q,) = extract_quantities(article[start:], start)
    assert article[q.span.start:q.span.end] == q.span.text == "at least 12"


def test_counted_noun_from_parse(nlp):
    text = "Officials said 12 wounded Syrian soldiers were evacuated."
    doc = nlp(text)
    (q,) = extract_quantities(text, 0, doc)
    assert q.counted == "soldier"


# a part counts what its whole counts, never the whole's number (text, counts as (value, counted))
PARTITIVES = [
    ("Four of the seven injured workers were sent home.", [(4, "worker"), (7, "worker")]),
    ("Two of the nine arrested protesters were released.", [(2, "protester"), (9, "protester")]),
    ("Three of the five soldiers were killed.", [(3, "soldier"), (5, "soldier")]),
]


@pytest.mark.parametrize("text,expected", PARTITIVES)
def test_a_part_counts_what_its_whole_counts(nlp, text, expected):
    assert [(q.value, q.counted) for q in extract_quantities(text, 0, nlp(text))] == expected


def test_a_part_of_a_whole_is_no_rival_count(nlp):
    """'Four of the seven wounded workers' and 'four workers' agree: the fours are the same people."""
    from claimcheck.dispute.reasons.numeric import numeric
    from claimcheck.records import ArticleRef, Claim, Source, Span

    def claim(aid: str, text: str) -> Claim:
        span = Span(0, len(text), text)
        return Claim(f"{aid}#0", ArticleRef(aid, None, aid), text, span, span, Source(aid, "named"), None,
                     "asserts", extract_quantities(text, 0, nlp(text)))

    a = claim("a", "Four of the seven hospitalized workers are in stable condition")
    b = claim("b", "four of the workers are stable while one is in critical condition")
    assert numeric(a, b, 0.9) is None
