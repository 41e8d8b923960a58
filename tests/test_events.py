"""Event frames (issue 15 part A): time expressions, publication dates, places, frame types,
agents and victims, read with the real spaCy pipeline."""

from __future__ import annotations

import pytest

from claimcheck.events import taxonomy
from claimcheck.events.dates import dated, header_date, normalise
from claimcheck.events.frames import event_frame, with_events
from claimcheck.events.places import fold, key, kind, places, same_place
from claimcheck.events.time import resolve, time_refs
from claimcheck.extract import extract_claims
from claimcheck.records import Article, Claim, Source, Span

SAT = "2026-03-14"  # a Saturday

# ---------------------------------------------------------------------------------------------- time


@pytest.mark.parametrize("text, published, expected", [
    ("on Friday", SAT, ("2026-03-13", "2026-03-13", "day")),
    ("Friday's", SAT, ("2026-03-13", "2026-03-13", "day")),
    ("Saturday", SAT, ("2026-03-14", "2026-03-14", "day")),  # the publication's own weekday: that day
    ("last Saturday", SAT, ("2026-03-07", "2026-03-07", "day")),
    ("Sunday", SAT, ("2026-03-08", "2026-03-08", "day")),
    ("Thursday night", SAT, ("2026-03-12", "2026-03-12", "day")),
    ("yesterday", SAT, ("2026-03-13", "2026-03-13", "day")),
    ("overnight", SAT, ("2026-03-13", "2026-03-13", "day")),
    ("last night", SAT, ("2026-03-13", "2026-03-13", "day")),
    ("last week", SAT, ("2026-03-02", "2026-03-08", "week")),
    ("this weekend", "2026-03-16", ("2026-03-14", "2026-03-15", "week")),
    ("17 November", SAT, ("2025-11-17", "2025-11-17", "day")),  # later than March: the year before
    ("17 February", SAT, ("2026-02-17", "2026-02-17", "day")),
    ("in March", SAT, ("2026-03-01", "2026-03-14", "month")),  # never past the publication
    ("December", SAT, ("2025-12-01", "2025-12-31", "month")),
    ("last month", SAT, ("2026-02-01", "2026-02-28", "month")),
    ("24.08.2013", SAT, ("2013-08-24", "2013-08-24", "day")),
    ("05.04.2017", None, ("2017-04-05", "2017-04-05", "day")),  # dotted: day first
    ("Apr 052017", None, ("2017-04-05", "2017-04-05", "day")),  # day and year glued by a lossy copy
    ("12 February 2015", None, ("2015-02-12", "2015-02-12", "day")),
    ("two days ago", SAT, ("2026-03-12", "2026-03-12", "day")),
    ("two days", SAT, None),  # a duration
    ("five years", SAT, None),
    ("recent days", SAT, None),
    ("tomorrow", SAT, None),  # later than the article: a plan
    ("next week", SAT, None),
    ("this year", SAT, None),  # too coarse
    ("on Friday", None, None),  # relative, and no publication date: unknown
    ("17 November", None, None),
])
def test_time_expressions_resolve_against_the_publication_date(text, published, expected):
    assert resolve(text, published) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("On Sunday 11 civilians were killed in Eastern Ghouta.", [("Sunday", "2026-03-08")]),  # 11 counts people
    ("A 10-year-old boy was killed on Friday.", [("Friday", "2026-03-13")]),  # an age is no time
    ("The clinic was levelled in the 11 pm (2000 GMT) strike.", []),  # a clock time is no year
    ("Rebels shelled the town on March 11.", [("March 11", "2026-03-11")]),
    ("A gunman killed 12 people at the mall six months ago.", [("six months ago", "2025-09-01")]),  # month precision
    ("Three weeks ago rebels shelled the town.", [("Three weeks ago", "2026-02-16")]),
    ("The siege lasted two months before the town fell.", []),  # a duration is no point in time
])
def test_time_refs_in_a_sentence(nlp, sentence, expected):
    doc = nlp(sentence)
    assert [(r.text, r.date) for r in time_refs(doc[:], SAT) if r.date] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Share link 2440 Rebels shelled the town of Kafr Lorin on Monday.", ["Monday"]),  # page furniture's count
    ("Doctors said 1407 injured people were treated in 2015.", ["2015"]),  # a count the tagger called a date
    ("The 11 pm (2000 GMT) strike hit the clinic.", []),
])
def test_a_four_digit_number_is_a_time_only_as_a_year(nlp, sentence, expected):
    assert [r.text for r in time_refs(nlp(sentence)[:], SAT)] == expected


def test_time_refs_split_an_entity_of_two_expressions(nlp):
    doc = nlp("The interior ministry said on Sunday that Friday's shelling of the market was carried out by rebels.")
    refs = time_refs(doc[:], SAT)
    assert [(r.text, r.date) for r in refs] == [("Sunday", "2026-03-08"), ("Friday", "2026-03-13")]
    assert all(doc.text[r.start:r.end] == r.text for r in refs)


# ---------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize("value, expected", [
    ("2026-03-14T18:30:00+03:00", "2026-03-14"),
    ("2016-11-17", "2016-11-17"),
    ("Nov 17, 2016", "2016-11-17"),
    ("17 November 2016", "2016-11-17"),
    ("Saturday", None),
    ("", None),
])
def test_metadata_dates_normalise(value, expected):
    assert normalise(value) == expected


@pytest.mark.parametrize("text, expected_date, header", [
    ("Published 17 November 2016\n\nShelling by government forces killed five people.", "2016-11-17",
     "Published 17 November 2016"),
    ("Nov 17, 2016\n\nShelling killed five people.", "2016-11-17", "Nov 17, 2016"),
    ("17.11.2016\nShelling killed five people.", "2016-11-17", "17.11.2016"),
    ("Sunday 26 Jul 2015\n\nRebels shelled the city.", "2015-07-26", "Sunday 26 Jul 2015"),
    ("6 September 2016 SANA\n\nTerrorists shelled the city.", "2016-09-06", "6 September 2016 SANA"),
    ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use.", "2017-04-05", "Wed 05 Apr 2017 "),
    ("12 February 2015 Casualties mount in the city.", "2015-02-12", "12 February 2015 "),
    ("Rebels shelled the city on 17 November 2016.", None, None),  # a date inside a sentence is no header
    ("The army advanced.\n\nIt was 2016.", None, None),
])
def test_header_dates(text, expected_date, header):
    found = header_date(text)
    if expected_date is None:
        assert found is None
        return
    iso, start, end = found
    assert iso == expected_date and text[start:end] == header


def test_dated_moves_the_body_past_a_header_and_prefers_metadata():
    text = "Wed 05 Apr 2017 Victims showed symptoms of a nerve agent, the WHO said."
    article = dated(Article("a", text))
    assert article.date == "2017-04-05" and text[article.body_start:].startswith("Victims")
    assert dated(Article("b", text, published="2017-04-06")).date == "2017-04-06"
    plain = dated(Article("c", "Rebels shelled the city."), "2026-03-14")
    assert plain.date == "2026-03-14" and plain.body_start == 0
    assert dated(Article("d", "Rebels shelled the city.")).date is None


@pytest.mark.parametrize("title, body, expected, rest", [
    # a title, then a body repeating it with a credit and a date (FA-KES's Ahram and SANA layouts)
    ("Car bomb kills six in Homs NGO - Region - World - Ahram Online",
     "Car bomb kills six in Homs NGO AFP Monday 17 Mar 2014 Six people were killed.", "2014-03-17", "Six people"),
    ("10 civilians killed in rocket attacks on Aleppo", "10 civilians killed in rocket attacks on Aleppo "
     "6 September 2016 SANA reporter said that six civilians were killed.", "2016-09-06", "SANA reporter"),
    ("Bomb targets bus in Damascus", "01-02-2015 Bomb targets bus in Damascus.", "2015-02-01", "Bomb"),  # day first
    # a date in the body's news, not after the title: no header
    ("Shelling in the city", "Rebels shelled the city on Saturday 2 Aug 2014. More followed.", None, "Rebels"),
    ("Strike kills 15", "Strike kills 15 and wounded 20 in Idlib 6 September 2016 and more.", None, "Strike"),
])
def test_a_date_after_the_title_repeated(title, body, expected, rest):
    text = f"{title}\n\n{body}"
    article = dated(Article("a", text, title=title, body_start=len(title) + 2))
    assert article.date == expected and text[article.body_start:].startswith(rest)


@pytest.mark.parametrize("text", [
    "Published November 17 2017\n\nShelling by government forces killed five people in Douma.",
    "Published November 17 2017 Shelling by government forces killed five people in Douma.",  # one line
    "Fri 17 Nov 2017 Shelling by government forces killed five people in Douma.",
    "Shelling in Douma\n\n17.11.2017\n\nShelling by government forces killed five people in Douma.",
])
def test_a_header_date_is_not_a_claim(nlp, text):
    from claimcheck.load import split_title

    title, body_start = split_title(text)  # as the loader reads a text file
    article = dated(Article("a", text, title=title, body_start=body_start))
    assert article.date == "2017-11-17"
    doc = nlp(article.text)
    claims = with_events(extract_claims(article, doc), doc, article.date)
    assert [c.text for c in claims] == ["Shelling by government forces killed five people in Douma"]
    assert claims[0].event.type == "shelling" and [p.key for p in claims[0].event.places] == ["douma"]


# ---------------------------------------------------------------------------------------------- places


@pytest.mark.parametrize("name, expected", [
    ("eastern Aleppo", "aleppo"), ("Aleppo province", "aleppo"), ("the Aleppo countryside", "aleppo"),
    ("Eastern Ghouta", "ghouta"), ("al-Bab", "al bab"), ("Al Bab", "al bab"), ("Ḩalab", "halab"),
    ("Kafr Hamra", "kafr hamra"), ("rural Idlib", "idlib"), ("Aleppo's", "aleppo"),
    ("Mt. Oliver", "mount oliver"), ("Mount Oliver", "mount oliver"), ("Ft. Bend County", "fort bend"),
    ("St. Louis", "saint louis"), ("Main St.", "main st"),
])
def test_place_keys(name, expected):
    assert key(name) == expected


@pytest.mark.parametrize("a, b, same", [
    ("Deir ez-Zor", "Deir Ezzor", True), ("Deir al-Zor", "Dayr az Zawr", True), ("Raqqa", "Raqa", True),
    ("Hasakeh", "al-Hasakah", True), ("Lattakia", "Latakia", True), ("Daraa", "Deraa", True),
    ("Douma", "Duma", True), ("Khan Sheikhun", "Khan Shaykhun", True), ("Homs", "Hims", True),
    ("Homs", "Hama", False), ("Aleppo", "Idlib", False), ("Damascus", "Douma", False), ("Raqqa", "Daraa", False),
])
def test_transliteration_variants_fold(a, b, same):
    assert same_place(key(a), key(b)) is same
    assert (fold(key(a)) == fold(key(b))) is same


@pytest.mark.parametrize("place_key, expected", [
    ("syria", "country"), ("iran", "country"), ("united states", "country"), ("us", "country"),
    ("illinois", "state"), ("texas", "state"), ("aleppo", None), ("kafr hamra", None), ("al", None),
    ("syrias", "country"), ("homs", None),  # "Syrias": the apostrophe lost; a town ending in s stays a town
])
def test_place_kinds(place_key, expected):
    assert kind(place_key) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Rebels overnight seized the town of Kafr Hamra in Aleppo province.",
     [("Kafr Hamra", "kafr hamra", "aleppo"), ("Aleppo province", "aleppo", None)]),
    ("An air strike on the village of Kafr Hamra killed 12 people.", [("Kafr Hamra", "kafr hamra", None)]),
    ("Gunmen opened fire on a checkpoint near Homs.", [("Homs", "homs", None)]),
    ("A shooting in Chicago, Illinois left two dead.", [("Chicago", "chicago", "illinois"), ("Illinois", "illinois", None)]),
    ("The army captured Tal Ruwaq after two days of clashes.", [("Tal Ruwaq", "tal ruwaq", None)]),
    ("Thousands of residents fled Raqqa overnight.", [("Raqqa", "raqqa", None)]),
    ("Six people were killed in U.S. air strikes.", []),  # "U.S." names who struck, not where
    # where a source is based is not where it happened
    ("Nine people were killed in Hamra, the London-based monitor said.", [("Hamra", "hamra", None)]),
    # a name the tokenizer cuts at an article particle's hyphen is one place; other hyphens join nothing
    ("Gunfire was heard near the town of Ain al-Arab at dawn.", [("Ain al-Arab", "ain al arab", None)]),
    ("Mortars hit Deir ez-Zor city on Sunday.", [("Deir ez-Zor", "deir ez zor", None)]),
    ("Clashes went on along the Syria-Turkey border.", [("Syria", "syria", None)]),
    ("Rebels took the village in mid-June.", []),
])
def test_places_in_a_sentence(nlp, sentence, expected):
    doc = nlp(sentence)
    found = places(doc[:], 0, len(sentence))
    assert [(p.text, p.key, p.within) for p in found] == expected
    assert all(sentence[p.start:p.end] == p.text for p in found)


# ---------------------------------------------------------------------------------------------- frames


def _frames(nlp, text, published=SAT):
    article = dated(Article("t", text), published)
    doc = nlp(article.text)
    return [(c.text, c.event) for c in with_events(extract_claims(article, doc), doc, article.date)]


def _frame(nlp, text, published=SAT):
    found = _frames(nlp, text, published)
    assert len(found) == 1, found
    return found[0][1]


@pytest.mark.parametrize("sentence, expected_type, expected_lemma", [
    ("An air strike on the village of Kafr Hamra killed 12 people, the interior ministry said.", "air_strike", "strike"),
    ("Twelve people were killed in Saturday's air strike on Kafr Hamra.", "air_strike", "strike"),
    ("Government jets struck the village on Saturday.", "air_strike", "strike"),
    ("Regime shelling killed 10 civilians in Eastern Ghouta on 17 November.", "shelling", "shelling"),
    ("Rebels fired rockets at the city centre.", "shelling", "fire"),
    ("A car bomb exploded near a checkpoint in Homs.", "bombing", "explode"),
    ("Gunmen opened fire on a checkpoint near Homs, killing three soldiers.", "shooting", "open fire"),
    ("A bomber blew himself up at a wedding in the village on Monday.", "bombing", "blow up"),
    ("Rebels blew up the bridge north of Hama.", "bombing", "blow up"),
    # an aircraft shot down is no shooting at people, and the deaths aboard are its own
    ("Rebels shot down a government helicopter over the ridge on Monday.", "other", "shoot down"),
    ("Four crew were killed when their jet was shot down near Vesna.", "other", "shoot down"),
    ("Air defences downed a drone over the port on Monday.", "other", "shoot down"),
    ("Gunmen shot three men outside a bakery in Vesna.", "shooting", "shoot"),
    ("The officer was hit when the man shot down the stairs at him in Vesna.", "shooting", "shoot"),  # no aircraft
    ("Fierce clashes broke out between rebels and the army north of Hama.", "clash", "clash"),
    ("Rebels overnight seized the town of Kafr Hamra in Aleppo province.", "capture", "seize"),
    ("Tal Ruwaq fell to the rebels on Saturday.", "capture", "fall"),
    ("Government troops withdrew from the town.", "withdrawal", "withdraw"),
    ("Five people died in the village.", "killing", "die"),
    ("Three men were wounded in Houston on Friday.", "injury", "wound"),
    ("Police arrested two men in Chicago last week.", "arrest", "arrest"),
    ("Thousands of residents fled Raqqa overnight.", "displacement", "flee"),
    ("Thousands of residents were forced to flee Raqqa.", "displacement", "flee"),
    ("The army took full control of the town of Tal Ruwaq on Saturday.", "capture", "take control"),
    ("Airstrikes struck a market in Idlib, killing eight people.", "air_strike", "airstrike"),
    # the deaths' attack, not the one they followed; a lone "after" attack still caused them
    ("At least 45 people were killed in government air strikes on rebel areas around Vesna on Thursday after "
     "rebels fired dozens of mortar rounds at the capital.", "air_strike", "strike"),
    ("Twelve people were killed after rebels shelled the town.", "shelling", "shell"),
    ("The two sides agreed a ceasefire in Geneva on Friday.", "agreement", "ceasefire"),
    ("A 6.1 magnitude earthquake struck northern Iran on Sunday.", "other", "earthquake"),
    ("Lindsay Lohan checked into rehab on Thursday.", "other", "check"),
    ("The company bought its biggest rival in March.", "other", "buy"),
    # headline-speak: the small model tags the participle after a number as a noun
    ("Four shot outside Linden Street bar", "shooting", "shoot"),
])
def test_frame_types(nlp, sentence, expected_type, expected_lemma):
    frame = _frame(nlp, sentence)
    assert frame is not None
    assert (frame.type, frame.lemma) == (expected_type, expected_lemma)
    assert sentence[frame.trigger.start:frame.trigger.end] == frame.trigger.text


@pytest.mark.parametrize("sentence", [
    "The United Nations said its envoy will visit Sabran on Monday.",  # a plan
    "The opposition called for a ceasefire in Aleppo.",
    "The government said the policy was a failure.",  # an opinion
    "Analysts believe the offensive is unlikely to succeed.",
    "The army plans to attack the town next week.",
    "The attack was a war crime.",  # a judgement of an event, not a report of one
    "They would never have left their homes but for the siege.",  # a counterfactual
    "The striker took a shot at goal in the final minute.",  # a shot that is no gunfire
])
def test_no_frame_for_what_did_not_happen(nlp, sentence):
    assert all(frame is None for _, frame in _frames(nlp, sentence))


def test_frame_time_is_the_expression_nearest_the_trigger(nlp):
    frame = _frame(nlp, "The interior ministry said on Sunday that Friday's shelling of the Souq al-Ghazal "
                        "market in Sabran was carried out by rebels.")
    assert frame.type == "shelling"
    assert (frame.time.text, frame.time.date, frame.time.precision) == ("Friday", "2026-03-13", "day")
    assert [p.key for p in frame.places][-1] == "sabran"
    assert [a.name for a in frame.agents] == ["rebels"]


def test_frame_without_a_publication_date_keeps_the_words_unresolved(nlp):
    frame = _frame(nlp, "Rebels shelled the market on Friday.", published=None)
    assert frame.time is not None and frame.time.text == "Friday" and frame.time.date is None


@pytest.mark.parametrize("sentence, agents", [
    ("Rebels shelled the market on Friday.", ["Rebels"]),
    ("The market was shelled by government artillery.", ["government artillery"]),
    ("The army's shelling of the market killed four people.", ["army"]),
    ("Government jets struck the village on Saturday.", ["Government jets"]),
    ("An earthquake struck the region.", []),
])
def test_frame_agents(nlp, sentence, agents):
    assert [a.name for a in _frame(nlp, sentence).agents] == agents


@pytest.mark.parametrize("text, agents, place", [
    # a town the article names as a place is where it happened, not who did it
    ("Gunmen shelled houses in Dorvan on Monday. The Dorvan attack killed four people.", [], "dorvan"),
    # a country stays an agent though the article names it as a place
    ("Jets bombed targets in Turkey on Monday. The Turkey attack killed four people.", ["Turkey"], None),
    # ... and so does a clause's subject, though a parse read "between Griego and the police" as places
    ("A gunfight broke out between Griego and the police on Monday. Griego shot two officers, police said.",
     ["Griego"], None),
])
def test_an_agent_the_article_names_as_a_place(nlp, text, agents, place):
    frame = _frames(nlp, text)[-1][1]
    assert [a.name for a in frame.agents] == agents
    assert place is None or place in [p.key for p in frame.places]


@pytest.mark.parametrize("sentence, victims", [
    ("An air strike killed 12 people, most of them civilians.", [(12, "people", "killed")]),
    ("A bomb blast killed six people and injured 32 in Aleppo.", [(6, "people", "killed"), (32, "people", "injured")]),  # a bare count after "injured" counts people
    ("Gunmen opened fire on a checkpoint, killing three soldiers.", [(3, "soldiers", "killed")]),
    ("At least 22 people were killed in air strikes on Raqqa.", [(22, "people", "killed")]),
    ("Four children were wounded by shelling in Douma.", [(4, "children", "injured")]),
    ("An aid convoy of 30 trucks was hit by shelling.", []),
    # what befell "dozens of people" is theirs, not the outcome of the count before them
    ("A rocket hit the clinic, killing 11 visitors and leaving dozens of people injured.",
     [(11, "people", "killed"), (24, "people", "injured")]),
])
def test_frame_victims(nlp, sentence, victims):
    frame = _frame(nlp, sentence)
    assert [(v.value, v.category, v.outcome) for v in frame.victims] == victims


def test_agents_get_camps(nlp):
    from claimcheck.config import Camp, Camps

    camps = Camps((Camp("opposition", patterns=(r"\brebels?\b",)),))
    doc = nlp("Rebels shelled the market on Friday.")
    claim = Claim("t#1", Article("t", doc.text).ref, doc.text[:-1], Span(0, len(doc.text) - 1, doc.text[:-1]),
                  Span(0, len(doc.text), doc.text), Source(None, "narrator"), None, "asserts")
    frame = event_frame(doc, claim, SAT, camps)
    assert [(a.name, a.camp) for a in frame.agents] == [("Rebels", "opposition")]


@pytest.mark.parametrize("t1, t2, expected", [
    ("air_strike", "air_strike", True), ("killing", "air_strike", True), ("shelling", "killing", True),
    ("killing", "shooting", True), ("attack", "bombing", True), ("injury", "shooting", True), ("injury", "killing", True), ("air_strike", "shelling", True),
    ("arrest", "air_strike", False), ("killing", "agreement", False), ("other", "killing", False),
    ("capture", "displacement", False),
])
def test_compatible_types(t1, t2, expected):
    assert taxonomy.compatible(t1, t2) is expected
    assert taxonomy.compatible(t2, t1) is expected


def test_a_frame_round_trips_through_the_claims_file(nlp):
    from claimcheck import report

    article = dated(Article("t", "Rebels shelled the Souq al-Ghazal market in Sabran on Friday, killing four civilians."), SAT)
    doc = nlp(article.text)
    claims = with_events(extract_claims(article, doc), doc, article.date)
    assert claims and claims[0].event is not None
    row = report.claim_json(claims[0])
    assert list(row["event"]) == ["id", "type", "lemma", "trigger", "time", "places", "agents", "victims"]
    assert row["event"]["time"]["date"] == "2026-03-13"
    assert Claim.from_dict(row) == claims[0]


def test_examples_are_dated_and_their_planted_events_have_frames():
    from conftest import EXAMPLES

    from claimcheck import pipeline

    result = pipeline.extract([EXAMPLES], EXAMPLES / "camps.toml")
    assert {a.id: a.date for a in result.articles} == {
        "free-qadira-voice-tal-ruwaq.html": "2026-03-14", "meridian-press-sabran.txt": "2026-03-14",
        "northern-courier-envoy.md": "2026-03-15", "qna-2026-03-14-army": "2026-03-14",
        "qnt-2026-03-15-market": "2026-03-15"}
    assert not any("Published" in c.text for c in result.claims)
    frames = [c.event for c in result.claims if c.event is not None]
    # D3: the strike on Kafr Hamra, 12 vs some 40 killed; where a time is given it is Saturday 14 March
    strikes = [f for f in frames if f.type in ("air_strike", "attack") and f.victims]
    assert {v.value for f in strikes for v in f.victims if v.outcome == "killed"} == {12, 40}
    assert {p.key for f in strikes for p in f.places} == {"kafr hamra"}
    assert {f.time.date for f in strikes if f.time} == {"2026-03-14"}
    # D4: the market shelling on Friday 13 March, blamed on each side
    shelling = [f for f in frames if f.type == "shelling"]
    assert {f.time.date for f in shelling if f.time} == {"2026-03-13"}
    assert {a.camp for f in shelling for a in f.agents} == {"government", "opposition"}
    # A1: the envoy's visit is a plan, no event
    assert all(c.event is None for c in result.claims if "will visit" in c.text)


@pytest.mark.parametrize("title, body, expected", [
    # a sign-up page under a real headline: the headline reports the page's event, first, ids renumbered
    ("Four hurt in shooting at Linden Street bar", "Thank you for registering!\n\nWe look forward to seeing you "
     "frequently. Sign in to update your profile.",
     [("#1", "Four hurt in shooting at Linden Street bar", "shooting"), ("#2", "We look forward to seeing you frequently", None)]),
    # a body that reports an event of its own keeps the headline out
    ("Four hurt in shooting at Linden Street bar", "Four people were wounded in a shooting at a bar on Linden "
     "Street on Friday night, police said.",
     [("#1", "Four people were wounded in a shooting at a bar on Linden Street on Friday night", "shooting")]),
    # a body that states nothing: the headline's claim once, as the extraction already gave it
    ("Four hurt in shooting at Linden Street bar", "", [("#1", "Four hurt in shooting at Linden Street bar", "shooting")]),
    # a headline that reports no event adds nothing to a body that reports none
    ("Why the council vote matters", "Thank you for registering!\n\nWe look forward to seeing you frequently.",
     [("#1", "We look forward to seeing you frequently", None)]),
])
def test_a_page_whose_body_reports_no_event_reports_its_headlines(title, body, expected):
    from claimcheck import pipeline
    from claimcheck.config import Camps

    text = f"{title}\n\n{body}"
    article = Article("p", text, title=title, body_start=len(title) + 2, published="2026-03-14")
    claims = pipeline.extract([article], Camps()).claims
    assert [(c.id[1:], c.text, c.event.type if c.event else None) for c in claims] == expected
    assert all(text[c.span.start:c.span.end] == c.text for c in claims)


def test_cli_date_option_dates_undated_articles(tmp_path):
    import json

    from typer.testing import CliRunner

    from claimcheck.cli import app

    article = tmp_path / "a.txt"
    article.write_text("Rebels shelled the market in Sabran on Friday, killing four civilians.\n", encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(app, ["claims", str(article), "-o", str(out), "--date", "2026-03-14"])
    assert result.exit_code == 0, result.output
    event = json.loads(out.read_text(encoding="utf-8").splitlines()[0])["event"]
    assert (event["type"], event["time"]["date"]) == ("shelling", "2026-03-13")
    undated = CliRunner().invoke(app, ["claims", str(article), "-o", str(out)])
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["event"]["time"]["date"] is None
    assert undated.exit_code == 0
    bad = CliRunner().invoke(app, ["claims", str(article), "--date", "14/03/2026"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
