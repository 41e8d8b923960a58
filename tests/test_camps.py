"""Camps by organisation (issue 14): the most specific member, a member's acronym and possessive,
a country's state bodies and people, a person affiliated with a state by their title."""

from __future__ import annotations

import pytest

from claimcheck.config import Camp, Camps
from claimcheck.records import ArticleRef, Claim, Source, Span
from claimcheck.sources import assign_camps, name_parts, normalise_sources
from claimcheck.sources.countries import country_code, state_of, states_named, unnamed_state_role


@pytest.mark.parametrize("phrase,country", [
    # a state's bodies and roles, named by the country, its people or the possessive ("Russias")
    ("Russian officials", "Russia"), ("the Turkish military", "Turkey"), ("US officials", "United States"),
    ("the U.S. military", "United States"), ("Syrian state media", "Syria"), ("Iranian state TV", "Iran"),
    ("Russias Defense Ministry", "Russia"), ("Frances foreign minister", "France"), ("Israeli jets", "Israel"),
    ("Turkish security sources", "Turkey"), ("the Lebanese army", "Lebanon"), ("Saudi officials", "Saudi Arabia"),
    ("Chinese embassy", "China"), ("German chancellor", "Germany"), ("Qatari officials", "Qatar"),
    ("Syrian regime forces", "Syria"), ("the Syrian ministry of health", "Syria"), ("Egyptian Interior Ministry", "Egypt"),
    ("US Central Command", "United States"), ("British government", "Britain"),
    # the country itself, its seat, the seat's people
    ("Turkey", "Turkey"), ("Saudi Arabia", "Saudi Arabia"), ("Moscow", "Russia"), ("the Kremlin", "Russia"),
    ("Kremlin spokesman", "Russia"), ("the White House", "United States"),
    # a state title, then the person's name
    ("Russian General Ivo Dren", "Russia"), ("Syrias Deputy Prime Minister", "Syria"),
    # a country's people or other bodies are not its state
    ("Syrian activists", None), ("Syrian opposition forces", None), ("Syrian Democratic Forces", None),
    ("Syrian rebels", None), ("Russian media", None), ("Syrian television", None), ("Syria TV", None),
    ("Syrian Network for Human Rights", None), ("Syrian National Coalition", None), ("Syrian Kurdish officials", None),
    ("Russian Coordination Center", None), ("Syrian Arab News Agency", None), ("US-led coalition", None),
    # a people alone is not its state; a country that is also a US state's name is read as the US state
    ("the Syrian", None), ("Americans", None), ("the British", None), ("Georgia police", None), ("Georgia", None),
    ("Georgian officials", "Georgia"), ("UK", "Britain"), ("Washington officials", "United States"),  # a seat
    # no country
    ("Kurdish officials", None), ("Western officials", None), ("Arab officials", None), ("Free Syrian Army", None),
    ("Korean officials", None),  # two Koreas: which one the text does not say
    ("Adrian Smith", None), ("Christian officials", None), ("local officials", None), ("", None), (None, None),
])
def test_state_of(phrase, country):
    assert state_of(phrase) == country


@pytest.mark.parametrize("name,role", [
    ("the army", True), ("a military source", True), ("security sources", True), ("government forces", True),
    ("the government", True), ("army spokesman", True),
    ("a source", False), ("local sources", False), ("the police", False), ("a police source", False),
    ("the regime", False), ("regime army", False), ("the minister", False), ("opposition forces", False),
    ("rebel commander", False), ("Army", False), ("pro-government forces", False),
])
def test_a_states_role_named_without_its_country(name, role):
    assert unnamed_state_role(name) is role


@pytest.mark.parametrize("text,countries", [
    ("The Syrian army said. Later Russias defence ministry said.", {"Syria", "Russia"}),
    ("Fighting near Damascus. Turkish officials said.", {"Turkey"}),  # a sentence's dot ends no name
    ("The U.S. military said so.", {"United States"}),
    ("Shelling hit Damascus in Syria. The Free Syrian Army and Syrian activists said.", set()),  # no state's body
])
def test_states_named(text, countries):
    assert states_named(text) == countries


@pytest.mark.parametrize("word,code", [
    ("Syrian", "SY"), ("Iraqi", "IQ"), ("Turkish", "TR"), ("Lebanese", "LB"), ("Jordanian", "JO"), ("Iranian", "IR"),
    ("Italian", "IT"), ("Indian", "IN"), ("Russias", "RU"), ("Russia's", "RU"), ("U.S.", "US"), ("Britain", "GB"),
    ("Moscow", "RU"), ("Kurdish", None), ("Arab", None), ("al", None), ("Brian", None),
])
def test_country_code(word, code):
    assert country_code(word) == code


@pytest.mark.parametrize("mention,name,affiliation", [
    ("Orlovan Foreign Minister Ivo Dren", "Ivo Dren", None),  # no such country
    ("Turkish President Ivo Dren", "Ivo Dren", "Turkey"),
    ("Frances Foreign Minister Ivo Dren", "Ivo Dren", "France"),
    ("Syrias Deputy Prime Minister Ivo Dren", "Ivo Dren", "Syria"),
    ("Kremlin spokesman Ivo Dren", "Ivo Dren", "Russia"),
    ("US Secretary of Defense Ivo Dren", "Ivo Dren", "US"),  # an acronym: the body, merged into its name later
    ("British Defence Secretary Ivo Dren", "Ivo Dren", "Britain"),
    ("Turkish activist Ivo Dren", "Ivo Dren", None),  # not a state's title
    ("Jaish al-Orlov spokesman Ivo Dren", "Ivo Dren", "Jaish al-Orlov"),  # a body's name with an "al-" word
])
def test_a_state_title_affiliates_the_person_with_the_state(mention, name, affiliation):
    parts = name_parts(mention)
    assert (parts.name, parts.affiliation) == (name, affiliation)


@pytest.mark.parametrize("name,camp", [
    ("military source at the Free Lorin Army", "opposition"),  # the longer member wins over "Lorin army"
    ("Lorin army officer", "government"),
    ("Free Lorin Armys brigade", "opposition"),  # a possessive that lost its apostrophe
    ("Ardenia-based monitoring group", None),  # where a body is based says nothing of its camp
    ("anti-Ardenia protesters", None),  # nor what it is against
    ("Ardenia", "west"),
    ("rebel commander", "opposition"),  # a pattern, when no member matches
])
def test_camp_of_the_most_specific_member(name, camp):
    camps = Camps((Camp("government", members=("Lorin army",)), Camp("west", members=("Ardenia",)),
                   Camp("opposition", members=("Free Lorin Army",), patterns=(r"\brebel",))))
    assert camps.camp_of(name) == camp


def _at(article: str, n: int, name: str | None, mention: str, kind: str = "named",
        affiliation: str | None = None) -> Claim:
    span = Span(0, 4, "text")
    return Claim(id=f"{article}#{n}", article=ArticleRef(article, None, None), text="text", span=span, sentence=span,
                 source=Source(name, kind, Span(n * 40, n * 40 + len(mention), mention), affiliation=affiliation),
                 cue=None, stance="asserts")


def test_a_source_of_a_state_takes_the_camp_the_file_gives_that_state():
    # the file names Syria's state by two of its bodies, Russia and Turkey by name, France not at all
    camps = Camps((Camp("government", members=("Syrian government", "Syrian army", "Russia")),
                   Camp("turkey", members=("Turkey",)), Camp("opposition", members=("Free Syrian Army",))))
    sources = [("Syrian state media", None), ("Syrian officials", None), ("Russian Defence Ministry", None),
               ("Moscow", None), ("the Kremlin", None), ("Ivo Dren", "Turkey"), ("Turkish security sources", None),
               ("French officials", None), ("Syrian activists", None), ("Syrian opposition forces", None),
               ("military source at the Free Syrian Army", "Free Syrian Army")]
    claims = [_at("a", k, name, name, affiliation=aff) for k, (name, aff) in enumerate(sources)]
    assert [c.source.camp for c in assign_camps(claims, camps)] == [
        "government", "government", "government", "government", "government", "turkey", "turkey",
        None, None, None, "opposition"]


def test_a_country_two_camps_name_gives_no_camp():
    camps = Camps((Camp("a", members=("Ardenian government",)), Camp("b", members=("Ardenian army",))))
    assert state_of("Ardenian army") is None  # no such country: nothing to give
    camps = Camps((Camp("a", members=("Syrian government",)), Camp("b", members=("Syrian army",))))
    claims = [_at("a", 1, "Syrian officials", "Syrian officials"), _at("a", 2, "Syrian army", "the Syrian army")]
    assert [c.source.camp for c in assign_camps(claims, camps)] == [None, "b"]


def test_a_members_acronym_covers_the_bodies_named_with_it():
    camps = Camps((Camp("opposition", members=("Free Lorin Army",)), Camp("rights", members=("Lorin Rights Network",))))
    claims = normalise_sources([
        _at("a", 1, "Ivo Dren", "Former FLA deputy chief of staff Ivo Dren", affiliation="Former FLA deputy chief of staff"),
        _at("a", 2, "LRN documentation team", "the LRN documentation team"),
        _at("a", 3, "Ana Kos", "Ana Kos", affiliation="FL"),  # two letters: too short to tell
    ])
    assert [c.source.camp for c in assign_camps(claims, camps)] == ["opposition", "rights", None]


def test_a_member_covers_its_bodys_spellings_inside_longer_names():
    # "Islamic State" in the file; the run names the body "Daesh" (the shipped table's alias) and "Lorin
    # Guard" is written "the Lorin Guards"; "coalition" alone is too common a head to stand for a body
    camps = Camps((Camp("jihadists", members=("Islamic State",)), Camp("guard", members=("Lorin Guard",)),
                   Camp("opposition", members=("Orlov Coalition", "rebel"))))
    claims = normalise_sources([
        _at("a", 1, "Daesh", "Daesh"), _at("a", 2, "Daesh-linked Amaq", "the Daesh-linked Amaq news agency"),
        _at("a", 3, "ISIS run Amaq", "the ISIS run Amaq news agency"),
        _at("b", 1, "Orlov Coalition", "the Orlov Coalition"), _at("b", 2, "Coalition", "the Coalition"),
        _at("c", 1, "coalition spokesman", "a coalition spokesman"),
        _at("c", 2, "rebel-held town residents", "residents of a rebel-held town"),  # what holds the town
    ])
    assert [c.source.camp for c in assign_camps(claims, camps)] == [
        "jihadists", "jihadists", "jihadists", "opposition", "opposition", None, None]


def test_a_bare_head_resolves_to_a_state_body_in_lower_case_named_before_it():
    claims = normalise_sources([
        _at("a", 1, "Syrian army", "the Syrian army"), _at("a", 2, "army", "the army"),
        _at("b", 1, "army", "the army"),  # nothing named before it: as written
        _at("c", 1, "Syrian army", "the Syrian army"), _at("c", 2, "Turkish army", "the Turkish army"),
        _at("c", 3, "army", "the army"),  # two armies: as written
    ])
    assert [c.source.name for c in claims] == ["Syrian army", "Syrian army", "army", "Syrian army", "Turkish army", "army"]


def _said(article: str, n: int, sentence: str, name: str, mention: str) -> Claim:
    span = Span(0, len(sentence), sentence)
    return Claim(id=f"{article}#{n}", article=ArticleRef(article, None, None), text=sentence, span=span, sentence=span,
                 source=Source(name, "named", Span(0, len(mention), mention)), cue=None, stance="asserts")


@pytest.mark.parametrize("placing,name,mention,camp", [
    ("Shelling hit the northern Syrian city of Tel Varo on Monday.", "Ivo Dren", "Tel Varo Governor Ivo Dren", "government"),
    ("Shelling hit the northern Syrian city of Tel Varo on Monday.", "governor of Tel Varo province",
     "the governor of Tel Varo province", "government"),
    ("Shelling hit Syrias Tel Varo province on Monday.", "Ivo Dren", "Tel Varo Governor Ivo Dren", None),  # no "city of"
    ("Shelling hit the Syrian province of Tel Varo.", "medical source at Tel Varo Health Directorate",
     "a medical source at Tel Varo Health Directorate", "government"),
    ("Shelling hit the Turkish border town of Tel Varo.", "Ivo Dren", "Tel Varo mayor Ivo Dren", "turkey"),
    ("Shelling hit the Syrian city of Tel Varo.", "military source", "a military source in the Tel Varo Governorate",
     None),  # where the source is, not whose: and a generic role is many people
    ("Shelling hit the Syrian city of Tel Varo.", "Ivo Dren", "Ivo Dren, a rebel in Tel Varo", None),
    ("Shelling hit Tel Varo.", "Ivo Dren", "Tel Varo Governor Ivo Dren", None),  # the run never places the town
])
def test_a_local_office_of_a_town_the_run_places_in_a_country_is_that_states(placing, name, mention, camp):
    camps = Camps((Camp("government", members=("Syrian government", "Syrian army")),
                   Camp("turkey", members=("Turkey",))))
    claims = [_said("a", 1, placing, "state media", "state media"), _said("b", 2, "The road was closed.", name, mention),
              _said("b", 3, "The road was reopened.", name, "the governor")]  # a later mention of the same person
    found = assign_camps(claims, camps)
    assert [c.source.camp for c in found[1:]] == [camp, camp]


def test_a_town_two_countries_hold_names_no_state():
    camps = Camps((Camp("government", members=("Syrian government",)), Camp("turkey", members=("Turkey",))))
    claims = [_said("a", 1, "Rain fell on the Syrian town of Tel Varo.", "x", "x"),
              _said("b", 2, "Rain fell on the Turkish town of Tel Varo.", "x", "x"),
              _said("c", 3, "The road was closed.", "Ivo Dren", "Tel Varo Governor Ivo Dren")]
    assert assign_camps(claims, camps)[2].source.camp is None
