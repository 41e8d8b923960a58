"""Source names: per-mention canonical forms, corpus-level merging, camps."""

from __future__ import annotations

import pytest

from claimcheck.config import Camp, Camps
from claimcheck.records import ArticleRef, Claim, Source, Span
from claimcheck.sources import assign_camps, canonical_name, merge_map, normalise_sources


@pytest.mark.parametrize("mention,name", [
    ("Syrian state television", "Syrian state television"),
    ("state TV", "state television"),
    ("Syrian state TV", "Syrian state television"),
    ("the Syrian State TV's", "Syrian State television"),
    ("Mr Lavrov", "Lavrov"),
    ("Mr. Lavrov", "Lavrov"),
    ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
    ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
    ("President Obama", "Obama"),
    ("Dr. Jane Goodall", "Jane Goodall"),
    ("the army", "army"),
    ("an official with one of the main rebel groups", "official with one of the main rebel groups"),
    ("Lavrov's", "Lavrov"),
    ("the President", "President"),  # a title alone is the name
    ("General Motors", "General Motors"),  # not a title before a name
    ("a spokesman for the group", "spokesman for the group"),
    ("the Lorin People's Front", "Lorin People's Front"),  # a possessive inside a name stays
    ("the dockers' union", "dockers union"),  # a title before lower-case words stays
    ("United Nations peace envoy Staffan de Mistura", "Staffan de Mistura"),
])
def test_canonical_name(mention, name):
    assert canonical_name(mention) == name


@pytest.mark.parametrize("names,expected", [
    (["Syrian state television", "state television"], {"state television": "Syrian state television"}),
    (["Lavrov", "Sergei Lavrov"], {"Lavrov": "Sergei Lavrov"}),
    # Two different people share the last name: "Clinton" alone stays as it is.
    (["Clinton", "Hillary Clinton", "Bill Clinton"], {}),
    # A generic word is not merged into a longer name.
    (["officials", "Army officials"], {}),
    (["officials", "Army officials", "army", "Syrian army"], {}),  # "the army" may be any army
    (["state TV", "Syrian state TV"], {"state TV": "Syrian state TV"}),
    # Only the tail of a longer name merges: a person is not their campaign, the UN not its envoy.
    (["Trump", "Trump campaign"], {}),
    (["United Nations", "United Nations envoy office"], {}),
    (["de Mistura", "Staffan de Mistura"], {"de Mistura": "Staffan de Mistura"}),
    # A body is not the role that speaks for it.
    (["Red Dawn", "spokesman for Red Dawn"], {}),
    (["army", "commander of the army"], {}),
    # Case variants of the same words become one (first in sorted order).
    (["State Television", "state television"], {"state television": "State Television"}),
])
def test_merge_map(names, expected):
    assert merge_map(names) == expected


def _claim(n: int, name: str | None, kind: str = "named") -> Claim:
    span = Span(0, 4, "text")
    return Claim(id=f"a#{n}", article=ArticleRef("a", None, None), text="text", span=span, sentence=span,
                 source=Source(name, kind, span if kind == "named" else None), cue=None, stance="asserts")


def test_normalise_sources_merges_and_keeps_order():
    claims = [_claim(1, "state television"), _claim(2, "Lavrov"), _claim(3, "Syrian state television"),
              _claim(4, "Sergei Lavrov"), _claim(5, None, "narrator")]
    out = normalise_sources(claims)
    assert [c.id for c in out] == ["a#1", "a#2", "a#3", "a#4", "a#5"]
    assert [c.source.name for c in out] == ["Syrian state television", "Sergei Lavrov", "Syrian state television",
                                             "Sergei Lavrov", None]
    assert normalise_sources(list(reversed(claims)))[0].source.name is None
    assert normalise_sources(claims) == out  # deterministic


def test_assign_camps():
    camps = Camps((Camp("government", members=("state television", "Lavrov")), Camp("opposition", ("rebels",))))
    out = assign_camps([_claim(1, "Syrian state television"), _claim(2, "rebels"), _claim(3, "residents"),
                        _claim(4, None, "narrator")], camps)
    assert [c.source.camp for c in out] == ["government", "opposition", None, None]
