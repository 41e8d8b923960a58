"""Affiliations and camps from an article's context (sources.context, issue 14): a person's
organisation from the words around their other mentions, "the coalition" as the coalition named
before it, "the X-linked Y" as X's, a ruler's regime as the state, camp members in either spelling,
a country not inside another body's name. Sentences and names are made up; the real spaCy pipeline."""

from __future__ import annotations

import pytest

from claimcheck.config import Camp, Camps
from claimcheck.extract import extract_claims
from claimcheck.records import Article
from claimcheck.sources import assign_camps, merge_map, name_parts, normalise_sources

CAMPS = Camps((
    Camp("opposition", members=("Lorin Observatory for Human Rights", "Syrian National Coalition", "Jaish al-Islam")),
    Camp("government", members=("Syrian government", "Russia", "Russian Defence Ministry", "Hezbollah")),
    Camp("west", members=("US-led coalition",)),
    Camp("jihadists", members=("Islamic State",)),
))


def _sources(nlp, text: str):
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    return [c.source for c in assign_camps(normalise_sources(claims), CAMPS)]


@pytest.mark.parametrize("text,name,affiliation,camp", [
    # a role before the name in another sentence gives a later bare surname its body
    ("The Lorin Observatory for Human Rights said the market was hit. Observatory head Vano Teral told reporters "
     "the market was hit. Later Teral said 12 people died.", "Vano Teral", "Lorin Observatory for Human Rights", "opposition"),
    # ... a role after the name, the comma lost ("said X head of ...")
    ("The bridge was destroyed said Vano Teral head of the Lorin Observatory for Human Rights. "
     "Teral said the road was closed.", "Vano Teral", "Lorin Observatory for Human Rights", "opposition"),
    ("The town was shelled said Kevin Smith spokesman for the Syrian National Coalition. "
     "Smith said the talks had failed.", "Kevin Smith", "Syrian National Coalition", "opposition"),
    # ... a body's role after the name, its possessive having lost its apostrophe
    ('"The strikes hit homes" said Ilan Varo the Syrian National Coalitions vice-president. '
     "Varo said the talks would resume.", "Ilan Varo", "Syrian National Coalition", "opposition"),
    # a state title elsewhere in the article: the person speaks for the state
    ("Russian air power began supporting Syrian President Bashar al-Assad last year. "
     "Assad said the town would be retaken.", "Assad", "Syria", "government"),
    # no organisation around the person: none guessed
    ("Vano Teral said the market was hit. Teral said 12 people died.", "Vano Teral", None, None),
    # a state's armed forces or government without the country: the one country whose state the article names
    ("Russian warplanes struck the ridge on Monday. A military source said 12 fighters were killed.",
     "military source", "Russia", "government"),
    ("Turkish troops crossed into Syria on Monday. The army said four soldiers were wounded.", "army", "Turkey", None),
    # ... two such countries, or none, or no state's role: left as written
    ("Russian warplanes and Turkish troops hit the ridge. A military source said 12 fighters were killed.",
     "military source", None, None),
    ("Fighting raged near Damascus in Syria on Monday. The army said 12 fighters were killed.", "army", None, None),
    ("Russian warplanes struck the ridge on Monday. A local source said 12 fighters were killed.",
     "local source", None, None),
])
def test_a_persons_affiliation_from_their_other_mentions(nlp, text, name, affiliation, camp):
    src = _sources(nlp, text)[-1]
    assert (src.name, src.affiliation, src.camp) == (name, affiliation, camp)


@pytest.mark.parametrize("text,with_text,affiliation,camp", [
    # the role is in a sentence that holds no claim: seen when the article's text is given
    ("Who is Observatory head Vano Teral?\n\nLater Teral said 12 people died.", True, "Observatory", "opposition"),
    ("Who is Observatory head Vano Teral?\n\nLater Teral said 12 people died.", False, None, None),
    ("Who is Russian Defence Ministry spokesman Igor Venko?\n\nVenko said the strike had hit a depot.", True,
     "Russian Defence Ministry", "government"),
])
def test_a_persons_affiliation_from_sentences_without_claims(nlp, text, with_text, affiliation, camp):
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    src = assign_camps(normalise_sources(claims, {"t": text} if with_text else None), CAMPS)[-1].source
    assert (src.affiliation, src.camp) == (affiliation, camp)


@pytest.mark.parametrize("text,name", [
    # a surname alone is the one person the article's text names in full after a title, speaker or not
    ("Who is President Lena Varga?\n\nBut Varga said the strike was justified.", "Lena Varga"),
    ("Who is Foreign Minister Ivo al-Dari?\n\nDari said the talks had failed.", "Ivo al-Dari"),
    # a run of capitalised words without a title may be a headline's: left as written
    ("Blaming Orvia Varga Says\n\nBut Varga said the strike was justified.", "Varga"),
    # two people of that surname: left as written
    ("Who are President Lena Varga and Minister Tom Varga?\n\nVarga said the strike was justified.", "Varga"),
])
def test_a_surname_is_the_person_the_text_names_in_full(nlp, text, name):
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    assert normalise_sources(claims, {"t": text})[-1].source.name == name


@pytest.mark.parametrize("text,name,camp", [
    # "the coalition" is the one coalition the article named before it, in any sentence
    ("Strikes by the US-led coalition hit Raqqa on Monday. The coalition said it had hit a bridge.",
     "US-led coalition", "west"),
    ("The Syrian National Coalition met in Doha on Monday. The coalition said the talks had failed.",
     "Syrian National Coalition", "opposition"),
    # ... a role of it too
    ("Strikes by the US-led coalition hit Raqqa on Monday. A spokesman for the coalition said a bridge was hit.",
     "spokesman for the US-led coalition", "west"),
    # two coalitions named before it, or none: left as written
    ("The US-led coalition and the Syrian National Coalition met on Monday. The coalition said the talks failed.",
     "coalition", None),
    ("The coalition said it had hit a bridge.", "coalition", None),
])
def test_the_coalition_is_the_coalition_named_before_it(nlp, text, name, camp):
    src = _sources(nlp, text)[-1]
    assert (src.name, src.camp) == (name, camp)


@pytest.mark.parametrize("text,name,affiliation,camp", [
    # a body linked to or run by another speaks for it; backed by is another party
    ("The Daesh-linked Orvo news agency said 12 fighters died.", "Orvo", "Daesh", "jihadists"),
    ("The ISIS-linked Orvo agency said the town fell.", "Orvo", "ISIS", "jihadists"),
    ("The Lorin-backed Tide Brigade said the town fell.", "Tide Brigade", None, None),
    # a ruler's regime is the state the run affiliates the ruler with
    ("Syrian President Bashar al-Assad said the army would win. The Assad regime said the town was retaken.",
     "Assad regime", None, "government"),
    # a camp member in the other spelling ("Defence"/"Defense")
    ("The Russian Defense Ministry said 12 fighters died.", "Russian Defense Ministry", None, "government"),
    # the shipped table's names: Hezballah, Daish, the Army of Islam, the SNC's full name
    ("Hezballah said 12 fighters died.", "Hezballah", None, "government"),
    ("Daish said 12 fighters died.", "Daish", None, "jihadists"),
    ("The Army of Islam said the town fell.", "Army of Islam", None, "opposition"),
    ("The National Coalition for Syrian Revolutionary and Opposition Forces said the talks failed.",
     "National Coalition for Syrian Revolutionary and Opposition Forces", None, "opposition"),
    ("Russia said the convoy was hit.", "Russia", None, "government"),
])
def test_camps_by_link_ruler_spelling_and_alias(nlp, text, name, affiliation, camp):
    src = _sources(nlp, text)[-1]
    assert (src.name, src.affiliation, src.camp) == (name, affiliation, camp)


@pytest.mark.parametrize("mention,name,affiliation", [
    ("the Vesna-linked Orbis news agency", "Orbis", "Vesna"),
    ("State-run news agency Orbis", "Orbis", None),  # a capitalised "State" is no body it is linked to
    ("the Lorin-backed Tide Brigade", "Tide Brigade", None),
])
def test_name_parts_linked_body(mention, name, affiliation):
    parts = name_parts(mention)
    assert (parts.name, parts.affiliation) == (name, affiliation)


@pytest.mark.parametrize("name,camp", [
    # a country inside another body's name is not the country's state; a state body or possessive of it is
    ("Russia Today", None), ("YouTube Russia", None), ("Lorin Civil Defence Russia", None),
    ("Russia", "government"), ("Russias UN envoy", "government"), ("Russian Foreign Ministry", "government"),
])
def test_a_country_member_is_not_inside_another_bodys_name(name, camp):
    from claimcheck.records import ArticleRef, Claim, Source, Span

    span = Span(0, len(name), name)
    claim = Claim(id="a#1", article=ArticleRef("a", None, None), text="text", span=span, sentence=span,
                  source=Source(name, "named", span), cue=None, stance="asserts")
    assert assign_camps([claim], CAMPS)[0].source.camp == camp


def test_aliases_merge():
    assert merge_map(["Jaish al-Islam", "Army of Islam", "Jaish al-Islam"]) == {"Army of Islam": "Jaish al-Islam"}
    assert merge_map(["Hezbollah", "Hezballah", "Hezbollah"]) == {"Hezballah": "Hezbollah"}


# A body the run knows as a source, and the article that names it without letting it speak first.
_KNOWN = "The Lorin Civil Defence said the clinic was hit. The Tide Brigade said the road was cut. The Orvo News Agency said the town was calm."


@pytest.mark.parametrize("text,name", [
    # "the group" is the one organisation the article's text named before it, speaking or not
    ("Three rescue workers from the Lorin Civil Defence were killed on Monday. The group said the strike hit a school.",
     "Lorin Civil Defence"),
    # two organisations named before it: left as written
    ("Rescue workers from the Lorin Civil Defence and fighters of the Tide Brigade were killed on Monday. "
     "The group said the strike hit a school.", "group"),
    # named only after it: left as written
    ("The group said the strike hit a school. Three rescue workers from the Lorin Civil Defence were killed.", "group"),
    # a news agency is no "group"
    ("The Orvo News Agency reported strikes on Monday. The group said the strike hit a school.", "group"),
    # every word of the descriptor counts: a rights group is not the brigade named before
    ("Fighters of the Tide Brigade attacked on Monday. A leading rights group said the strike hit a school.",
     "leading rights group"),
])
def test_a_descriptor_is_the_body_the_text_named_before_it(nlp, text, name):
    articles = {"known": _KNOWN, "t": text}
    claims = [c for aid, t in articles.items() for c in extract_claims(Article(id=aid, text=t, outlet=None), nlp(t))]
    mine = [c for c in normalise_sources(claims, articles) if c.article.id == "t" and c.source.mention is not None
            and c.source.mention.text.lower().endswith("group")]
    assert [c.source.name for c in mine] == [name]
