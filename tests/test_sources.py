"""Source names: per-mention canonical forms, corpus-level merging, camps."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimcheck.config import Camp, Camps
from claimcheck.records import ArticleRef, Claim, Source, Span
from claimcheck.sources import assign_camps, canonical_name, merge_map, name_parts, normalise_sources
from claimcheck.sources.aliases import stated_aliases


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


# --- issue 14: the name is the name; affiliations; corpus-wide merging; camps by organisation ----------

@pytest.mark.parametrize("mention,name,affiliation", [
    ("13 Jun 2016 Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", None),
    ("24.08.2013 Syrian state media", "Syrian state media", None),
    ("19:11 The Syrian Coalition", "Syrian Coalition", None),
    ("The Britain-based Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", None),
    ("the UK-based Syrian Observatory for Human Rights (SOHR", "Syrian Observatory for Human Rights", None),
    ("Britain-based Syrian Observatory for Human Rights which relies on activists on the ground",
     "Syrian Observatory for Human Rights", None),
    ("the so-called Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", None),
    ("Earlier in the day a source at Aleppo Police Command", "source at Aleppo Police Command", "Aleppo Police Command"),
    ('each other" Observatory head Rami Abdel Rahman', "Rami Abdel Rahman", "Observatory"),
    ("Rami Abdel Rahman, head of the Observatory", "Rami Abdel Rahman", "Observatory"),
    ("Rami Abdel Rahman head of the Observatory", "Rami Abdel Rahman", "Observatory"),
    ("Director of the Syrian Observatory for Human Rights Rami Abdel Rahman", "Rami Abdel Rahman",
     "Syrian Observatory for Human Rights"),
    # a body in lower case before a person's role; a person's words before it are not the body
    ("a local civil defense official", "local civil defense official", "civil defense"),
    ("a pro-opposition civil defense source", "pro-opposition civil defense source", "civil defense"),
    ("Syrian army officer", "Syrian army officer", "Syrian army"),
    ("a military source", "military source", None),
    ("local security sources", "local security sources", None),
    ("the British envoy to the UN Matthew Rycroft", "Matthew Rycroft", "UN"),
    # a person's name, then their role and body, the comma between them lost
    ("Tomas Vela head of the monitor group", "Tomas Vela", "monitor group"),
    ("Ana al-Rudi a member of the civil defence forces", "Ana al-Rudi", "civil defence forces"),
    ("Kai Berg Regional Humanitarian Coordinator for the Orlov Relief Agency", "Kai Berg", "Orlov Relief Agency"),
    ("Nasr al-Amin Secretary General of the Lorin Coalition", "Nasr al-Amin", "Lorin Coalition"),
    ("Omar Haddad president of the Lorin Coalition", "Omar Haddad", "Lorin Coalition"),
    ("Reuters) Western powers", "Western powers", None),  # a wire dateline's end
    ("Omar al-Sudi of the activist-run Vesna Media Center", "Omar al-Sudi", "Vesna Media Center"),
    ("Orlov Rights Watch researcher", "Orlov Rights Watch researcher", "Orlov Rights Watch"),  # a body's person
    ("Russian Defense Ministry spokesman Maj. Gen. Igor Konashenkov", "Igor Konashenkov", "Russian Defense Ministry"),
    ("a military source at the Free Syrian Army", "military source at Free Syrian Army", "Free Syrian Army"),
    ("a spokesman for the interior ministry", "spokesman for the interior ministry", "interior ministry"),
    ("Lt. Joe Gomez of the Fresno Police Department", "Joe Gomez", "Fresno Police Department"),
    ("SANA reporter in Aleppo", "SANA reporter", "SANA"),
    ("Its spokesman", "Its spokesman", None),  # a possessive names no body: "Its" is no affiliation
    ("Their correspondent", "Their correspondent", None),
    ("a Lorin Interior Ministry statement", "Lorin Interior Ministry", None),  # the body whose statement it is
    ("the Kremlin communique", "Kremlin", None),
    ("A joint statement", "joint statement", None),
    ("state news agency SANA", "SANA", None),
    ("Syrias state-run news agency SANA", "SANA", None),
    ("the UN childrens agency UNICEF", "UNICEF", None),
    ("the SANA news agency", "SANA", None),
    ("the Tahrir al-Sham jihadist alliance", "Tahrir al-Sham", None),
    ("a report by the Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", None),
    ("the Britain-based monitor", "Britain-based monitor", None),  # a descriptor: resolved in the corpus
    ("the monitoring group", "monitoring group", None),
    # two speakers are one group source, each name cut to the name (README: Two speakers)
    ("marathon talks in Geneva US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov",
     "John Kerry and Sergei Lavrov", None),
    ("National Coalition for Syrian Revolution and Opposition Forces",
     "National Coalition for Syrian Revolution and Opposition Forces", None),  # one name with an "and"
    ("Syrian state television", "Syrian state television", None),
    ("Regional television", "Regional television", None),
    # a nationality before a state's title names the state (sources.countries); before another role, nothing
    ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov", "Russia"),
    ("Orlovan activist Ivo Dren", "Ivo Dren", None),
    ("Head Start", "Head Start", None),
    ("General Motors", "General Motors", None),
])
def test_name_parts(mention, name, affiliation):
    parts = name_parts(mention)
    assert (parts.name, parts.affiliation) == (name, affiliation)


@pytest.mark.parametrize("names,expected", [
    # acronyms, to the one name whose initials they are; the full form names the cluster
    (["SOHR", "Syrian Observatory for Human Rights"], {"SOHR": "Syrian Observatory for Human Rights"}),
    (["SANA", "Syrian Arab News Agency", "SANA"], {"SANA": "Syrian Arab News Agency"}),
    (["UN", "U.N", "United Nations"], {"UN": "United Nations", "U.N": "United Nations"}),
    (["UN", "United Nations", "Ugarit News"], {}),  # two names with those initials: ambiguous
    # spelling variants and lost apostrophes
    (["Russian Defense Ministry", "Russian Defence Ministry", "Russian Defense Ministry"],
     {"Russian Defence Ministry": "Russian Defense Ministry"}),
    (["SANA", "SANAs", "SANA"], {"SANAs": "SANA"}),
    # a person's transliterations
    (["Rami Abdel Rahman", "Rami Abdurrahman", "Rami Abdel Rahman"], {"Rami Abdurrahman": "Rami Abdel Rahman"}),
    # a body's head and modifiers
    (["Observatory", "Syrian Observatory", "Syrian Observatory for Human Rights"],
     {"Observatory": "Syrian Observatory for Human Rights", "Syrian Observatory": "Syrian Observatory for Human Rights"}),
    (["Syrian Coalition", "Syrian National Coalition"], {"Syrian Coalition": "Syrian National Coalition"}),
    # a body grows only by a nationality: the Syrian army is not the Free Syrian Army
    (["Syrian army", "Free Syrian Army"], {}),
    (["Defense Ministry", "Russian Defense Ministry"], {"Defense Ministry": "Russian Defense Ministry"}),
    # never into two parties, nor into a role of a body
    (["Lavrov", "John Kerry and Sergei Lavrov"], {}),
    (["Syrian Coalition", "president of the Syrian Coalition"], {}),
    # the most frequent form names a cluster, in its fullest capitalised form
    (["Kerry", "Kerry", "John Kerry"], {"Kerry": "John Kerry"}),
])
def test_merge_map_variants(names, expected):
    assert merge_map(names) == expected


def _at(article: str, n: int, name: str | None, mention: str, start: int, kind: str = "named",
        affiliation: str | None = None) -> Claim:
    span = Span(0, 4, "text")
    return Claim(id=f"{article}#{n}", article=ArticleRef(article, None, None), text="text", span=span, sentence=span,
                 source=Source(name, kind, Span(start, start + len(mention), mention), affiliation=affiliation),
                 cue=None, stance="asserts")


def test_descriptors_resolve_in_the_article_then_in_the_corpus_never_across_two():
    sohr = "Syrian Observatory for Human Rights"
    claims = [
        _at("a", 1, sohr, "the Britain-based Syrian Observatory for Human Rights monitor", 0),
        _at("a", 2, "monitor", "the monitor", 90),
        _at("b", 1, "Britain-based group", "the Britain-based group", 0),  # SOHR holds both words
        _at("c", 1, "Kurdish Monitoring Network", "the Kurdish Monitoring Network", 0),
        _at("c", 2, sohr, "the Syrian Observatory for Human Rights monitor", 50),
        _at("c", 3, "monitor", "the monitor", 90),  # two monitors named before: left as written
        _at("d", 1, "monitor", "the monitor", 0),  # two monitors in the corpus: left as written
        _at("e", 1, "group", "the group", 0),  # too common a word to name one body across a corpus
    ]
    out = normalise_sources(claims)
    assert [(c.source.name, c.source.kind) for c in out] == [
        (sohr, "named"), (sohr, "pronoun"), (sohr, "named"), ("Kurdish Monitoring Network", "named"),
        (sohr, "named"), ("monitor", "named"), ("monitor", "named"), ("group", "named")]
    assert [c.source.mention.text for c in out] == [c.source.mention.text for c in claims]  # as written


def test_a_person_keeps_the_affiliation_named_with_them_once():
    claims = [_at("a", 1, "Rami Abdel Rahman", "Observatory head Rami Abdel Rahman", 0, affiliation="Observatory"),
              _at("a", 2, "Syrian Observatory for Human Rights", "the Syrian Observatory for Human Rights", 60),
              _at("b", 1, "Abdel Rahman", "Abdel Rahman", 0),
              _at("b", 2, "Abdel Rahman", "he", 40, kind="pronoun")]
    out = normalise_sources(claims)
    assert [(c.source.name, c.source.affiliation) for c in out] == [
        ("Rami Abdel Rahman", "Syrian Observatory for Human Rights"), ("Syrian Observatory for Human Rights", None),
        ("Rami Abdel Rahman", "Syrian Observatory for Human Rights"),
        ("Rami Abdel Rahman", "Syrian Observatory for Human Rights")]


def test_a_camps_file_names_an_organisation_once():
    camps = Camps((Camp("opposition", members=("SOHR", "Free Syrian Army")), Camp("government", members=("SANA",))))
    claims = normalise_sources([
        _at("a", 1, "Syrian Observatory for Human Rights", "the Syrian Observatory for Human Rights", 0),
        _at("a", 2, "Rami Abdel Rahman", "Rami Abdel Rahman, head of the Observatory", 50, affiliation="Observatory"),
        _at("a", 3, "military source at the Free Syrian Army", "a military source at the Free Syrian Army", 99,
            affiliation="Free Syrian Army"),
        _at("b", 1, "Syrian Arab News Agency", "the Syrian Arab News Agency", 0),
        _at("b", 2, "SANA reporter", "SANA reporter", 40, affiliation="SANA"),
        _at("b", 3, "Sergei Lavrov and Rami Abdel Rahman", "Lavrov and Abdel Rahman", 80),  # two camps: none
        _at("b", 4, "residents", "residents", 99),
    ])
    assert [c.source.camp for c in assign_camps(claims, camps)] == [
        "opposition", "opposition", "opposition", "government", "government", None, None]


@pytest.mark.parametrize("names,expected", [
    # the shipped table (sources.aliases): names no spelling rule links, in any spelling it compares by
    (["White Helmets", "Syrian Civil Defense", "White Helmets"], {"Syrian Civil Defense": "White Helmets"}),
    (["Daesh", "ISIS", "Daesh", "Islamic State group"], {"ISIS": "Daesh", "Islamic State group": "Daesh"}),
    (["Syrian state television", "Syrian television", "Syrian TV"],
     {"Syrian television": "Syrian state television", "Syrian TV": "Syrian state television"}),
    (["Free Lorin Army", "Blue Vests"], {}),  # not in the table: apart
])
def test_known_aliases_merge(names, expected):
    assert merge_map(names) == expected


def test_aliases_an_article_states_merge():
    vests = "the Lorin Civil Defence, better known as the Blue Vests, said the bridge fell"
    claims = [_at("a", 1, "Lorin Civil Defence", "The Lorin Civil Defence or Blue Vests", 0),
              _at("a", 2, "Blue Vests", "the Blue Vests", 50), _at("b", 1, "Orlov Rescue Service", "Orlov Rescue Service", 0),
              _at("b", 2, "Orlov Guard", "the Orlov Guard", 40), _at("c", 1, "Russia", "Russia or Iran", 0),
              _at("c", 2, "Iran", "Iran", 30)]
    claims = [replace(c, sentence=Span(0, len(vests), vests)) if c.id == "b#1" else c for c in claims]
    names = [c.source.name for c in normalise_sources(claims)]
    assert names[0] == names[1] and names[0] in ("Lorin Civil Defence", "Blue Vests")
    assert names[2:] == ["Orlov Rescue Service", "Orlov Guard", "Russia", "Iran"]  # two bodies, two parties


def test_stated_aliases():
    assert stated_aliases(["The Lorin Civil Defence or Blue Vests", "Russia or Iran", "the army or police"],
                          ["three rescue workers from the Lorin Civil Defence - better known as the Blue Vests said",
                           "The Orlov Front, also known as Jabhat Orlov, said"]) == [
        ("Lorin Civil Defence", "Blue Vests"), ("Lorin Civil Defence", "Blue Vests"), ("Orlov Front", "Jabhat Orlov")]


def test_a_camps_file_member_covers_its_known_aliases_and_a_bare_head_resolves_in_the_article():
    camps = Camps((Camp("jihadists", members=("Islamic State",)), Camp("rights", members=("Lorin Institute of Justice",))))
    claims = normalise_sources([
        _at("a", 1, "Daesh", "Daesh", 0), _at("a", 2, "ISIS", "ISIS", 20),
        _at("b", 1, "Lorin Institute of Justice", "the Lorin Institute of Justice", 0),
        _at("b", 2, "Institute", "The Institute", 60),
        _at("c", 1, "Institute", "The Institute", 0),  # no institute named before it: as written
    ])
    assert [c.source.name for c in claims][2:] == ["Lorin Institute of Justice", "Lorin Institute of Justice", "Institute"]
    assert [c.source.camp for c in assign_camps(claims, camps)] == ["jihadists", "jihadists", "rights", "rights", None]


def test_a_common_word_is_no_body_of_the_whole_run():
    """Run-wide a descriptor is a description or a body's own noun ("the monitor" above); "deputies" is any
    county's, not the one body of the run called so (the gun-violence pool's "Palm Beach County Sheriff's
    Deputies" in every article)."""
    claims = [_at("a", 1, "Harbin Beach County Sheriff's Deputies", "Harbin Beach County Sheriff's Deputies", 0),
              _at("b", 1, "deputies", "deputies", 0)]
    assert [c.source.name for c in normalise_sources(claims)] == ["Harbin Beach County Sheriff's Deputies", "deputies"]


def test_a_surname_is_the_runs_person_only_where_its_article_writes_that_name():
    """A local paper's "Hicks" is not the "Casey Hicks" of another article (the gun-violence pool: one
    "Hicks" in one article made every "Hicks" of the run his); where the article writes the name, it is."""
    texts = {"a": "Casey Hicks said the door was open.", "b": "Neighbour Allen Hicks of Marysville said he heard shots. "
             "Hicks said the car left.", "c": "The coach, Casey Hicks, was there. Hicks said the car left."}
    claims = [_at("a", 1, "Casey Hicks", "Casey Hicks", 0), _at("b", 1, "Allen Hicks of Marysville", "Allen Hicks of Marysville", 10),
              _at("b", 2, "Hicks", "Hicks", 57), _at("c", 1, "Hicks", "Hicks", 35)]
    assert [c.source.name for c in normalise_sources(claims, texts)] == [
        "Casey Hicks", "Allen Hicks of Marysville", "Hicks", "Casey Hicks"]
