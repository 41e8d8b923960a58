"""Source names on text that lost its punctuation (issue 14): descriptors of whom a body is linked
to, a one-word name before what it is, a role named by its body's merged name, a lost possessive,
and "the monitor" resolved only to a body described so. Sentences are this file's own."""

from __future__ import annotations

import pytest

from claimcheck.extract import extract_claims
from claimcheck.records import Article
from claimcheck.sources import merge_map, name_parts, normalise_sources


@pytest.mark.parametrize("mention,name,affiliation", [
    # whom the body is linked to, backed or run by: the outlet's words, not the name
    ("the Vesna-linked Orbis news agency", "Orbis", "Vesna"),  # linked to: speaks for it
    ("The Lorin-backed Tide Brigade", "Tide Brigade", None),
    ("the pro-government Vesna Times", "Vesna Times", None),
    ("The Karst run Orbis news agency", "Orbis", "Karst"),  # the hyphen the text lost
    ("KARST affiliated news agency Orbis", "Orbis", "KARST"),
    ("the Al Karst-linked Tide Front", "Tide Front", "Al Karst"),  # two words of it
    ("the Lorinian opposing UK-based Observatory", "Lorinian Observatory", None),  # after a nationality
    ("The opposition Local Council of Deir al-Harir", "Local Council of Deir al-Harir", None),
    ("The rebel Vesna Town local council", "Vesna Town local council", None),  # which side it is on
    # how it spoke, whose report it is, a headline or page furniture the text ran into the source
    ("KARST in a statement published on its website and a messaging channel", "KARST", None),
    ("the Lorin childrens agency LCA on Tuesday", "LCA", None),
    ("The Vesna-based rights group in a report issued in Orbis", "Vesna-based rights group", None),
    ("a March report by the Lorin Centre for Policy Studies", "Lorin Centre for Policy Studies", None),
    ("a news release from the Vesna County Sheriffs Office", "Vesna County Sheriffs Office", None),
    ("Vesna County District Attorney Ana Ruiz", "Ana Ruiz", "Vesna County"),
    ("Floods Hit Vesna Town After Dam is Breached The mayor", "mayor", None),
    ("Karl Brandt Lorin - Live News - World - Top Story Lorinian Foreign Minister Karl Brandt", "Karl Brandt", None),
    ("Sons of The Desert", "Sons of The Desert", None),
    # a place after a role is where the person is, not whom they speak for; a place's "al-" word
    # tells where the person's name starts
    ("A Lorinian rights activist from Deir al-Harir", "Lorinian rights activist", None),
    ("a spokesman from the Free Lorin Army", "spokesman from Free Lorin Army", "Free Lorin Army"),
    ("Another resident of Deir al-Harir Karim al-Sayed", "Karim al-Sayed", None),
    # a one-word name, then what it is; not a role or a plain noun
    ("an Observatory toll", "Observatory", None),
    ("The Karst group", "Karst", None),
    ("Security forces", "Security forces", None),
    ("Rebel group", "Rebel group", None),
    # a role of a body: named by the body's name, without the outlet's words for it
    ("Monitors at the Britain-based Vesna Observatory for Civil Rights", "Monitors at Vesna Observatory for Civil Rights",
     "Vesna Observatory for Civil Rights"),
    ("a spokesman for the Tide Brigade rebel group", "spokesman for Tide Brigade", "Tide Brigade"),
    ("a spokesman for the interior ministry", "spokesman for the interior ministry", "interior ministry"),
    ("at least 30 members of the Al Karst-linked Tide Front", "at least 30 members of Tide Front", "Tide Front"),
])
def test_name_parts_on_lost_punctuation(mention, name, affiliation):
    parts = name_parts(mention)
    assert (parts.name, parts.affiliation) == (name, affiliation)


def test_a_lost_possessive_is_not_the_canonical_name():
    assert merge_map(["Free Lorin Armys", "Free Lorin Army", "KNA", "KNAs", "KNAs"]) == {
        "Free Lorin Armys": "Free Lorin Army", "KNAs": "KNA"}


def _claims(nlp, texts):
    claims = []
    for i, text in enumerate(texts):
        claims += extract_claims(Article(id=f"a{i}", text=text, outlet=None), nlp(text))
    return claims


def test_a_role_is_named_by_its_bodys_merged_name(nlp):
    claims = normalise_sources(_claims(nlp, [
        "A spokesman for the Vesna Civil Defense said four people died.",
        "A spokesman for Vesna Civil Defence said the road was closed.",
        "Vesna Civil Defence said the shelter was hit.",
    ]))
    names = {c.source.name for c in claims}
    assert len({n for n in names if n.startswith("spokesman")}) == 1, names


@pytest.mark.parametrize("first,name,kind", [
    # "the monitor" refers back to a body described as one, never to any body or person before it
    ("The Vesna Observatory monitoring group said the town fell.", "Vesna Observatory", "pronoun"),
    ("The Lorin Army of Renewal said the town fell.", "monitor", "named"),
    ("Envoy Karl Brandt said the talks would resume.", "monitor", "named"),
])
def test_the_monitor_refers_back_only_to_a_monitor(nlp, first, name, kind):
    text = first + " The monitor said 12 civilians died."
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    assert (claims[-1].source.name, claims[-1].source.kind) == (name, kind)


@pytest.mark.parametrize("text,mention,name,affiliation", [
    # the speaker at the end of a subject that holds a clause, the comma before it lost
    ("The army also carried out new barrel bomb attacks on rebel-held districts a day after bombardments killed "
     "at least 30 people the Lorin Observatory for Civil Rights said.", "the Lorin Observatory for Civil Rights",
     "Lorin Observatory for Civil Rights", None),
    # the person named after the role that provided what speaks
    ("According to the information provided by the Vesna Observatory director Karl Brandt the bus was carrying pilgrims.",
     "the information provided by the Vesna Observatory director Karl Brandt", "Karl Brandt", "Vesna Observatory"),
    # "one of" a group: the group's name, not the clause after it
    ("One of the guards manning the gate said the convoy passed at noon.", "One of the guards manning the gate",
     "One of the guards", None),
])
def test_the_speaker_without_the_clause_around_it(nlp, text, mention, name, affiliation):
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    (source,) = {c.source for c in claims}
    assert (source.mention.text, source.name, source.affiliation) == (mention, name, affiliation)


@pytest.mark.parametrize("later,name,kind", [
    ("The Observatory director also said the road was cut.", "Karl Brandt", "pronoun"),  # the one named so
    ("A Vesna Observatory director also said the road was cut.", "Vesna Observatory director", "named"),  # someone else
])
def test_a_role_resolves_to_the_one_person_named_with_it(nlp, later, name, kind):
    claims = normalise_sources(_claims(nlp, [
        "The Vesna Observatory for Civil Rights said the town fell on Monday. Observatory director Karl Brandt said "
        "the army had left. " + later]))
    assert (claims[-1].source.name, claims[-1].source.kind) == (name, kind)


@pytest.mark.parametrize("mention,name", [
    ("the state KNA news agency", "KNA"),  # what it is on both sides of the name
    ("the rebel Free Lorin Army group", "Free Lorin Army"),
])
def test_descriptors_on_both_sides(mention, name):
    assert name_parts(mention).name == name


def test_descriptors_of_another_name_in_the_mention_are_not_the_sources(nlp):
    # "the Karst State Army in a statement by its Orbis news agency": "news agency" describes Orbis, so the
    # Vesna state news agency stays the one body "the state news agency" can be
    claims = normalise_sources(_claims(nlp, [
        "The Karst State Army said the town fell.",
        "The Karst State Army in a statement published by its affiliated Orbis news agency said the town fell.",
        "State news agency VNA said the dam was safe.",
        "The state news agency said the road was open.",
    ]))
    assert claims[-1].source.name == "VNA"


def test_the_monitor_is_no_person_named_with_the_observatory(nlp):
    text = "Vesna Observatory director Karl Brandt said the town fell. The monitor said 12 civilians died."
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    assert claims[-1].source.name != "Karl Brandt"


@pytest.mark.parametrize("text,name", [
    # a word that counts the people is not their name: the people are the source
    ("A number of Lorinian officials said the road was closed.", "Lorinian officials"),
    ("Dozens of activists said the town was shelled.", "activists"),
    ("Some of the rebels said the town had fallen.", "rebels"),
    ("Hundreds of residents of Vesna told reporters the town had fallen.", "residents of Vesna"),
    # a group is a group, and one of them is one
    ("A group of activists said the town was shelled.", "group of activists"),
    ("One of the witnesses said the market was hit.", "One of the witnesses"),
])
def test_a_counted_source_is_the_people_counted(nlp, text, name):
    claim = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))[0]
    assert claim.source.name == name
    assert claim.source.mention.text.lower().startswith(text.split()[0].lower())  # the mention as written
