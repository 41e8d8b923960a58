"""What keeps disputes within one event, read off FA-KES's disputes of different events: an air strike and
rebel rocket fire on one town are two attacks, a running total is no incident's toll, an outlet's edited
copy of its own story is no rival report, a headline without a time tells its article's day, and a
means ("Air strikes") or a place is no agent. Table-driven on our own sentences (real spaCy parses)."""

from __future__ import annotations

import pytest

from claimcheck.records import Article, ArticleRef, Claim, EventFrame, Source, Span, TimeRef


def framed(nlp, text: str, aid: str = "a", date: str | None = "2026-03-18") -> Claim:
    """The first claim of a one-sentence article, with its event frame (real parse)."""
    from claimcheck.events.frames import with_events
    from claimcheck.extract import extract_claims

    article = Article(aid, text, date=date)
    doc = nlp(text)
    claims = with_events(extract_claims(article, doc), doc, date)
    assert claims and claims[0].event is not None, text
    return claims[0]


@pytest.mark.parametrize("ta, tb, two", [
    # an air strike (a state's: armed groups have no aircraft) and rebel rockets: two attacks
    ("Russian air strikes killed 12 people in the town of Kafr Zeita on Tuesday, activists said.",
     "Rebel rocket fire killed three people in the town of Kafr Zeita on Tuesday, state media said.", True),
    ("Air strikes killed 12 people in the town of Kafr Zeita on Tuesday, activists said.",
     "Rebels shelled the town of Kafr Zeita on Tuesday, killing three people, state media said.", True),
    ("Government artillery shelled the market on Tuesday, killing five people, the monitor said.",
     "A car bomb planted by militants killed five people in the market on Tuesday, police said.", True),
    # the deaths' air strike, not the rebel fire they followed, is the first report's attack
    ("At least 45 people were killed in government air strikes on rebel areas around Vesna on Thursday after "
     "rebels fired dozens of mortar rounds at the capital.",
     "Rocket attacks killed five people in Vesna on Thursday in a bombardment by terrorist groups, a monitor said.",
     True),
    # an armed group's "bombardment" (typed as an air strike by the word) is ground fire: no aircraft
    ("At least 45 people were killed in government air strikes on Vesna on Thursday, the monitor said.",
     "Five people were killed in a bombardment by terrorists in Vesna on Thursday, state media said.", True),
    # ... but on one district named within its town, two kinds of attack are one attack blamed two ways
    ("Russian air strikes hit the al-Sabil district of Harran on Tuesday, killing 12 people, activists said.",
     "Rebel rockets hit the al-Sabil district of Harran on Tuesday, killing 12 people, state media said.", False),
    # one kind of attack blamed on two sides is the responsibility dispute itself
    ("Rebels shelled the town of Kafr Zeita on Tuesday, killing three people, state media said.",
     "The army shelled the town of Kafr Zeita on Tuesday, killing three people, activists said.", False),
    # two kinds of attack, doers of one side or none: first reports mix rockets and aircraft
    ("An air strike killed 12 people in the town of Kafr Zeita on Tuesday, activists said.",
     "Shelling killed 12 people in the town of Kafr Zeita on Tuesday, state media said.", False),
])
def test_two_kinds_of_attack_by_two_sides(nlp, ta, tb, two):
    from claimcheck.dispute.reasons.responsibility import agents
    from claimcheck.dispute.sides import two_attacks

    a, b = framed(nlp, ta, "a"), framed(nlp, tb, "b")
    # as find_disputes reads them: the frames' agents and the attack agents of each claim's parse
    assert two_attacks(a, b, *([g[0] for g in agents(nlp(c.text))] for c in (a, b))) is two, (a.event, b.event)


@pytest.mark.parametrize("words, side", [
    (["Russian", "warplanes"], "state"), (["opposition"], "nonstate"), (["terrorist", "groups"], "nonstate"),
    (["the", "Islamic", "State"], "nonstate"), (["rebels", "and", "the", "army"], None), (["residents"], None),
])
def test_side_of(words, side):
    from claimcheck.dispute.sides import side_of

    assert side_of(words) == side


def _claim(text: str, sentence: str, article: str = "a", outlet: str | None = None, n: int = 0,
           frame: EventFrame | None = None, source: str = "monitor") -> Claim:
    from claimcheck.quantities import extract_quantities

    start = sentence.index(text)
    span, sent = Span(start, start + len(text), text), Span(0, len(sentence), sentence)
    return Claim(f"{article}#{n}", ArticleRef(article, None, outlet or article), text, span, sent,
                 Source(source, "named"), None, "asserts", tuple(extract_quantities(text, start)), frame)


@pytest.mark.parametrize("sentence, content, expected", [
    ("Since the truce collapsed on Monday, at least 300 civilians have been killed in the city, rescuers said.",
     "at least 300 civilians have been killed in the city", "since truce collapsed"),
    ("Over the past two weeks, 120 people were killed in the province, the monitor said.",
     "120 people were killed in the province", "during two weeks"),
    ("At least 50 people have been killed in the city this week, the monitor said.",
     "At least 50 people have been killed in the city this week", "during week"),
    # a comparison is not the period a count covers
    ("The raid, the deadliest since March, killed 40 people in the village, medics said.",
     "The raid, the deadliest since March, killed 40 people in the village", None),
    ("On Tuesday an air strike killed 12 people in the village, medics said.",
     "an air strike killed 12 people in the village", None),
])
def test_scope_reads_the_sentence_before_the_count(sentence, content, expected):
    from claimcheck.dispute.scope import scope

    assert scope(_claim(content, sentence)) == expected


@pytest.mark.parametrize("ta, tb, disputed", [
    # a running total against one day's toll: two quantities
    ("Since the truce collapsed, 300 civilians have been killed in the city, rescuers said.",
     "An air strike killed 12 civilians in the city on Tuesday, medics said.", False),
    # a headline and its lead repeat one count: it is no sum of two
    ("Strikes kill 56 civilians in the village: at least 56 civilians were killed in the strikes, the monitor said.",
     "Over 100 civilians were killed in the strikes on the village, a local source said.", True),
    ("Strikes killed 56 civilians in the village and 56 civilians in the town, the monitor said.",
     "Over 100 civilians were killed in the strikes on the village, a local source said.", True),
])
def test_numeric_reads_totals_and_repeats(ta, tb, disputed):
    from claimcheck.dispute.reasons.numeric import numeric

    cut = lambda s: s[: s.rindex(",")]  # noqa: E731  the content: the sentence without its source
    a, b = _claim(cut(ta), ta, "a"), _claim(cut(tb), tb, "b")
    assert (numeric(a, b, 0.9) is not None) is disputed


def test_an_outlets_edited_copy_repeats_its_claims():
    from claimcheck.dispute.candidates import echoes

    story = ["Air strikes killed 85 civilians in the villages on Tuesday", "the monitor put the toll at 56",
             "the coalition said it would investigate the reports", "the fighting forced hundreds to flee",
             "the villages lie north of the town"]
    claims = [_claim(t, t, "row1", "daily", n=k) for k, t in enumerate(story)]
    edited = ["(Photo) " + story[0], *story[1:], "rescue teams searched the rubble overnight"]
    claims += [_claim(t, t, "row2", "daily", n=k) for k, t in enumerate(edited)]
    claims += [_claim(t, t, "wire", "agency", n=k) for k, t in enumerate(story)]  # another outlet's: its own
    echo, twins = echoes(claims)
    assert twins == {frozenset(("row1", "row2"))}
    assert {claims[k].article.id for k in echo} == {"row2"} and len(echo) == 5  # its own last claim stays


def _dated(text: str, article: str, when: TimeRef | None) -> Claim:
    frame = EventFrame("air_strike", "strike", Span(0, 6, text[:6]), time=when)
    return _claim(text, text, article, frame=frame)


def test_an_undated_headline_tells_its_articles_day():
    from claimcheck.dispute.gate import article_day_apart, article_days

    saturday = TimeRef("on Saturday", 0, 11, "2026-03-14", None, "day")
    friday = TimeRef("on Friday", 0, 9, "2026-03-13", None, "day")
    yesterday = TimeRef("yesterday", 0, 9, "2026-03-13", None, "day")
    headline = _dated("Strike kills 15 in the village", "a", None)
    lead = _dated("An air strike killed 15 people in the village on Saturday", "a", saturday)
    other = _dated("An air strike killed 40 people in the village on Friday", "b", friday)
    days = article_days([headline, lead, other])
    assert article_day_apart(headline, other, days)  # article a tells Saturday's strike, b Friday's
    assert not article_day_apart(headline, _dated("Jets killed 40 on Saturday", "c", saturday), days)
    assert not article_day_apart(headline, _dated("Jets killed 40 yesterday", "c", yesterday), days)  # vague
    # an article that names two days apart tells no one day
    older = _dated("Another strike killed 9 in the village on Tuesday", "a",
                   TimeRef("on Tuesday", 0, 10, "2026-03-10", None, "day"))
    assert not article_day_apart(headline, other, article_days([headline, lead, older, other]))


@pytest.mark.parametrize("ta, tb, disputed", [
    ("BEIRUT Air strikes killed 12 people in the town", "Rebel fighters shelled the town, killing 12 people", False),
    ("Russian air strikes killed 12 people in the town", "Rebel fighters shelled the town, killing 12 people", True),
    # a capitalised plural the small model keeps whole ("Rebels", "Terrorists") is still the side's name
    ("Russian air strikes killed 12 people in the town", "Rebels shelled the town, killing 12 people", True),
    ("Terrorists shelled the town, killing 12 people", "Militant groups shelled the town, killing 12 people", False),
    # a modifier's conjunct names the doer too: "Syrian or Russian" includes the Russians
    ("Russian jets bombed the town, killing 12 people", "Syrian or Russian warplanes bombed the town, killing 12 people",
     False),
    ("Russian jets bombed the town, killing 12 people", "Syrian warplanes bombed the town, killing 12 people", True),
])
def test_a_means_is_no_agent(nlp, ta, tb, disputed):
    from claimcheck.config import Camps
    from claimcheck.dispute.reasons.responsibility import responsibility

    found = responsibility(_claim(ta, ta, "a"), _claim(tb, tb, "b"), nlp(ta), nlp(tb), 0.9, Camps())
    assert (found is not None) is disputed


def test_fighting_blames_no_one(nlp):
    from claimcheck.config import Camps
    from claimcheck.dispute.reasons.responsibility import responsibility

    ta = "The Kurdish fighters killed 12 jihadists in fighting near the town on Monday, a monitor said."
    tb = "Russian jets killed 300 militants in fierce fighting near the town on Monday, the ministry said."
    a, b = framed(nlp, ta, "a"), framed(nlp, tb, "b")
    assert a.event.type == b.event.type == "clash"
    assert responsibility(a, b, nlp(a.text), nlp(b.text), 0.9, Camps()) is None


@pytest.mark.parametrize("name, key", [
    ("Syrias Idlib", "idlib"), ("Syria's Idlib", "idlib"), ("Saudi Arabia", "saudi arabia"),
    ("United States", "united states"), ("Paris", "paris"), ("Homs province", "homs"),
])
def test_a_countrys_possessive_keys_its_place(name, key):
    from claimcheck.events.places import key as place_key

    assert place_key(name) == key


def _placed(text: str, article: str, n: int, sentence_start: int, places: tuple = ()) -> Claim:
    frame = EventFrame("shelling", "shell", Span(0, 1, text[:1]), places=places)
    span = Span(sentence_start, sentence_start + len(text), text)
    return Claim(f"{article}#{n}", ArticleRef(article, None, article), text, span, span, Source("police", "named"),
                 None, "asserts", (), frame)


def test_a_claim_naming_no_place_is_read_where_its_article_just_was():
    from claimcheck.dispute.context import placed
    from claimcheck.dispute.gate import places_apart
    from claimcheck.records import Place

    camp = Place("al-Nour Camp", 0, 12, "al nour camp")
    district = Place("al-Sabil district", 0, 17, "al sabil")
    city = Place("Harran", 0, 6, "harran")
    roundup = [
        _placed("militants fired mortar shells at al-Nour Camp", "r", 0, 0, (camp,)),
        _placed("nine people were injured in the attack", "r", 1, 100),
        _placed("the shelling of the market went on for hours", "r", 2, 300),  # three sentences on: not lent
        _placed("rockets hit the al-Sabil district of Harran", "r", 3, 400, (Place("al-Sabil", 0, 8, "al sabil", "harran"),)),
    ]
    other = _placed("seven people were injured by rockets on al-Sabil", "o", 0, 0, (district,))
    city_claim = _placed("seven people were injured in Harran", "o", 1, 100, (city,))
    ctx = placed(roundup + [other, city_claim])
    assert [p.key for p in ctx[1].event.places] == ["al nour camp"]  # lent by the sentence before
    assert roundup[1].event.places == ()  # the frame itself is not changed
    assert 2 not in ctx
    assert places_apart(ctx[1], other)  # the camp's injured are not the district's
    # the run names al-Sabil within Harran: a bare "al-Sabil" elsewhere is in Harran too
    assert ctx[4].event.places[0].within == "harran" and not places_apart(ctx[4], city_claim)


def test_one_towns_dead_on_one_weekday_are_candidates(embedder):
    from claimcheck.dispute.candidates import frame_pairs
    from claimcheck.pipeline import claim_vectors
    from claimcheck.records import Place, Victims

    def dead(text, article, day, town):
        when = TimeRef(day, 0, len(day), None, None, None)
        frame = EventFrame("air_strike", "strike", Span(0, 1, "x"), time=when,
                           places=(Place(town, 0, len(town), town.lower()),),
                           victims=(Victims(15, "civilians", "killed", Span(0, 2, "15")),))
        return _claim(text, text, article, frame=frame)

    claims = [dead("An air strike killed 15 civilians in Idlib on Saturday", "a", "on Saturday", "Idlib"),
              dead("Russian jets killed 18 people in Idlib on Saturday", "b", "on Saturday", "Idlib"),
              dead("An air strike killed 15 civilians in Idlib on Monday", "c", "on Monday", "Idlib"),
              dead("An air strike killed 15 civilians in Homs on Saturday", "d", "on Saturday", "Homs")]
    assert frame_pairs(claims, claim_vectors(embedder, claims)) == [(0, 1)]


@pytest.mark.parametrize("text, zone", [
    ("The toll in opposition areas rose to 45 dead.", "nonstate"),
    ("Rebel shelling on government-held districts of the city killed nine civilians.", "state"),
    ("Air strikes on rebel-held neighbourhoods killed 12 people.", "nonstate"),
    ("Shells fell on rebel-held east and government-held west of the city.", None),  # both: unclear
    ("Air strikes killed 12 people in the town.", None),
    ("Kurdish-held villages were shelled.", None),  # a side the rules do not know
])
def test_zone_of(text, zone):
    from claimcheck.dispute.sides import zone_of

    assert zone_of(text) == zone


def test_tolls_of_two_sides_areas_are_not_compared(embedder):
    from claimcheck.pipeline import check
    from claimcheck.records import Article

    def numeric(second: str) -> list:
        articles = [Article("a", "Forty-five people were killed in opposition areas of Vesna on Sunday, the monitor said.",
                            outlet="Monitor Daily", date="2026-03-16"),
                    Article("b", second, outlet="State News", date="2026-03-16")]
        return [d for d in check(articles, embedder=embedder).disputes if any(r.kind == "numeric" for r in d.reasons)]

    # the control: one zone's toll told two ways is a numeric dispute
    assert numeric("Nine people were killed in opposition areas of Vesna on Sunday, state media said.")
    assert not numeric("Nine people were killed in government-held districts of Vesna on Sunday, state media said.")
