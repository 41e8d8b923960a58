"""Months named with their year relative to the publication date (events.time._month_of_year)."""

from __future__ import annotations

import pytest

from claimcheck.events.time import resolve

# time text, publication date, expected (date, until, precision) or None
MONTHS = [
    ("August last year", "2017-04-15", ("2016-08-01", "2016-08-31", "month")),
    ("in January of last year", "2017-04-15", ("2016-01-01", "2016-01-31", "month")),
    ("March this year", "2017-04-15", ("2017-03-01", "2017-03-31", "month")),
    ("January of this year", "2017-08-20", ("2017-01-01", "2017-01-31", "month")),
    ("last May", "2017-08-20", ("2017-05-01", "2017-05-31", "month")),
    ("last May", "2017-04-15", ("2016-05-01", "2016-05-31", "month")),
    ("last April", "2017-04-15", ("2016-04-01", "2016-04-30", "month")),
    ("15 August last year", "2017-04-15", ("2016-08-15", "2016-08-15", "day")),
    ("mid-August last year", "2017-04-15", ("2016-08-01", "2016-08-31", "month")),
    ("this May", "2017-04-15", None),  # after publication: a plan, not an event
    ("late last year", "2017-04-15", None),  # a year is too coarse
    ("August last year", None, None),  # no publication date: unknown stays null
]


@pytest.mark.parametrize("text,published,expected", MONTHS)
def test_month_of_year(text, published, expected):
    assert resolve(text, published) == expected
