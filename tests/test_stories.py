"""The story pass of grouping (claimcheck.events.stories) and page furniture (events.group.furniture):
datelines, the story features, and three local reports end to end (real spaCy pipeline and model)."""

from __future__ import annotations

import json

import pytest

from claimcheck import pipeline
from claimcheck.events.group import furniture, group_events
from claimcheck.events.stories import STORY_FEATURES, Story, dateline_town, load_story_linker, story_features
from claimcheck.records import Article, ArticleRef, Claim, EventFrame, Place, Source, Span


@pytest.mark.parametrize("body, town", [
    ("GAINESVILLE, Fla. - One person was killed on Friday.", "gainesville"),
    ("LITTLE ROCK, Ark. (KTHV) \u2013 A man was shot.", "little rock"),
    ("Photo credit\n\nDAMASCUS, (SANA) - Terrorists fired shells.", "damascus"),
    ("ALEPPO \u2014 Fighting raged on Sunday.", "aleppo"),
    ("A man was arrested Friday evening - police said.", None),
    ("Police said the man - who was 35 - died.", None),
    ("SYRIA - The war goes on.", None),  # a country is no town
])
def test_dateline_town(body, town):
    assert dateline_town(Article("a", "Title\n\n" + body, body_start=7)) == town


def _claim(cid, text, article, frame):
    span = Span(0, len(text), text)
    return Claim(cid, ArticleRef(article, None, article), text, span, span, Source("police", "named"), None,
                 "asserts", (), frame)


def test_furniture_is_repeated_words_with_an_empty_frame():
    empty = EventFrame("other", "register", Span(0, 5, "thank"))
    placed = EventFrame("shooting", "shoot", Span(0, 4, "shot"), places=(Place("Gainesville", 0, 0, "gainesville"),))
    claims = [_claim(f"c{k}", "Thank you for registering", f"a{k}", empty) for k in range(3)]
    claims += [_claim(f"p{k}", "A man was shot in Gainesville", f"a{k}", placed) for k in range(3)]
    claims += [_claim(f"t{k}", "Thanks for reading", f"a{k}", empty) for k in range(2)]  # two articles only
    assert furniture(claims) == [0, 1, 2]


def _story(**kw):
    base = dict(article="a", root=0, towns=frozenset(), names=frozenset(), published=None, days=frozenset(),
                victims=frozenset(), types=frozenset())
    return Story(**{**base, **kw})


def test_story_features_and_the_shipped_story_linker():
    linker = load_story_linker()
    assert linker is not None and len(linker.coef) == len(STORY_FEATURES)
    x = _story(towns=frozenset({"gainesville"}), names=frozenset({"antonio mason"}), published=736000,
               tokens=frozenset({"mason", "antonio"}))
    y = _story(article="b", towns=frozenset({"gainesville"}), names=frozenset({"antonio mason"}), published=736001,
               tokens=frozenset({"mason", "antonio"}))
    far = _story(article="c", towns=frozenset({"tampa"}), names=frozenset({"john doe"}), published=736300,
                 tokens=frozenset({"doe", "john"}))
    fx = dict(zip(STORY_FEATURES, story_features(x, y, 0.8)))
    assert fx["towns_shared"] == 1 and fx["published_near"] == 1 and fx["tokens_shared"] == 0.5
    fz = dict(zip(STORY_FEATURES, story_features(x, far, 0.8)))
    assert fz["towns_conflict"] == 1 and fz["published_far"] == 1 and fz["tokens_conflict"] == 1
    # two reports of one shooting share the words of its details; another shooting shares few
    assert linker.prob(story_features(x, y, 0.8, 0.35)) > linker.threshold > linker.prob(story_features(x, far, 0.8, 0.05))
    assert linker.prob(story_features(x, y, 0.8, 0.35)) > linker.prob(story_features(x, y, 0.8, 0.05))


REPORTS = [
    {"id": "herald-1", "outlet": "Springdale Herald", "published": "2026-05-09",
     "text": "Man killed outside store\n\nSPRINGDALE, Ark. - A man was shot and killed outside a convenience "
             "store on Main Street late Friday, police said. The victim was identified as Darnell Whitcombe, 34. "
             "Officers said a second man was wounded in the leg."},
    {"id": "tv-1", "outlet": "KSPR", "published": "2026-05-10",
     "text": "Suspect held in store killing\n\nSPRINGDALE, Ark. - Police arrested a 19-year-old man on Saturday "
             "in the death of Darnell Whitcombe. Whitcombe was shot several times and died at the scene, "
             "investigators said."},
    {"id": "herald-2", "outlet": "Springdale Herald", "published": "2026-05-09",
     "text": "Woman wounded on Oak Avenue\n\nSPRINGDALE, Ark. - A woman was shot and wounded at her home on Oak "
             "Avenue late Friday, police said. Maria Castellanos, 52, was taken to a hospital in stable condition."},
]


@pytest.fixture(scope="module")
def reports(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("stories")
    (folder / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    return pipeline.check([folder], embedder=embedder)


def _main_event(result, article):
    from collections import Counter

    ids = Counter(c.event.id for c in result.claims if c.article.id == article and c.event and c.event.id)
    return sorted(ids.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def test_two_reports_of_one_shooting_are_one_event_and_another_shooting_that_night_another(reports):
    assert _main_event(reports, "herald-1") == _main_event(reports, "tv-1")
    assert _main_event(reports, "herald-2") != _main_event(reports, "herald-1")


def test_without_the_story_pass_the_reports_stay_apart_no_more_often(reports, embedder):
    """The story pass only merges: every pair of claims one event without it is one event with it."""
    from claimcheck.pipeline import claim_vectors

    claims = [c if c.event is None else c.__class__(**{**c.__dict__, "event": c.event.__class__(
        **{**c.event.__dict__, "id": None})}) for c in reports.claims]
    vectors = claim_vectors(embedder, claims)
    alone, _ = group_events(claims, vectors, articles=reports.articles, story_linker=False)
    merged, _ = group_events(claims, vectors, articles=reports.articles)
    by = lambda cs: {c.id: c.event.id for c in cs if c.event}  # noqa: E731
    a, m = by(alone), by(merged)
    assert a.keys() == m.keys()
    assert all(m[x] == m[y] for x in a for y in a if a[x] == a[y])


@pytest.mark.parametrize("a, b, unshared, expected", [
    ("The victim was identified as Darnell Whitcombe, 34", "Whitcombe was shot several times", (), True),
    ("Police arrested Kyle Brennan on Saturday", "Whitcombe was shot several times", (), False),
    ("The victim was identified as Darnell Whitcombe, 34", "Whitcombe was shot several times", ("whitcombe",), False),
    ("Officers from Springdale Police Department came", "Police said two men fled", ("police",), False),
    ("A man was shot on Main Street", "A woman was shot on Oak Avenue", (), False),
])
def test_shared_subject(a, b, unshared, expected):
    from claimcheck.events.link import shared_subject

    frame = EventFrame("shooting", "shoot", Span(0, 4, "shot"))
    assert shared_subject(_claim("x", a, "art", frame), _claim("y", b, "art", frame), frozenset(unshared)) is expected


# A corpus of my own short reports: fillers of other kinds, so that the words every report shares
# ("police", "said") weigh little and an incident's details (the street, the bar, the names) much.
_FILLER = [
    "The city council approved a budget for road repairs on {d}, the mayor said.",
    "A storm brought down trees across {d} county and left homes without power.",
    "The school board voted to extend the term by a week in {d}.",
    "A bakery on the square won a regional prize for its bread, its owner said in {d}.",
    "Traffic was slowed for hours after a lorry lost its load near {d}.",
]
_PLACES = ["Alderbury", "Brackwell", "Cobham Vale", "Dunmore", "Elstow"]
_FILLERS = [t.format(d=p) for t in _FILLER for p in _PLACES]  # 25 articles


@pytest.mark.parametrize("same_a, same_b, other", [
    ("Two men were shot outside the Blue Anchor bar on Quarry Lane, police said. Tomas Reyes, 41, died.",
     "Police named Tomas Reyes, 41, as the man killed in the shooting at the Blue Anchor on Quarry Lane.",
     "A woman was shot in a car park on Mill Road, police said. She is in hospital."),
    ("Ferrell Motors recalled 9,000 Kestrel 300 vans over a brake fault, the company said on Monday.",
     "The Kestrel 300 recall covers 9,000 vans built by Ferrell Motors last year.",
     "Ferrell Motors launched the Osprey estate car, with a bigger battery, the company said."),
])
def test_the_words_of_whole_articles_tell_one_incident_from_another_of_its_kind(same_a, same_b, other):
    from claimcheck.events.stories import text_cosines, text_vectors

    texts = [same_a, same_b, other] + _FILLERS
    found = [Story(f"a{k}", k, frozenset(), frozenset(), None, frozenset(), frozenset(), frozenset())
             for k in range(len(texts))]
    articles = {s.article: Article(s.article, t) for s, t in zip(found, texts)}
    words = text_vectors(found, [], articles)
    one, two = text_cosines(words, [(0, 1), (0, 2)])
    assert one > two + 0.1


def test_a_sites_furniture_is_no_shared_word_of_its_pages():
    """Three pages of one site under three headlines, each body its sign-up notice word for word:
    the notice is left out of the words, so the pages are no more alike than their headlines."""
    from claimcheck.events.stories import text_cosines, text_vectors

    notice = ("We have sent you a verification email.\n\nPlease check your email and click on the link "
              "to activate your profile.")
    heads = ["Barn fire destroys hay store in Alderbury", "Two hurt as bus hits wall in Dunmore",
             "Council approves new library for Elstow"]
    texts = [f"{h}\n\n{notice}" for h in heads] + _FILLERS
    found = [Story(f"a{k}", k, frozenset(), frozenset(), None, frozenset(), frozenset(), frozenset())
             for k in range(len(texts))]
    articles = {s.article: Article(s.article, t) for s, t in zip(found, texts)}
    assert text_cosines(text_vectors(found, [], articles), [(0, 1), (0, 2), (1, 2)]) == [0.0, 0.0, 0.0]


def test_the_words_are_not_read_in_a_handful_of_articles():
    """Three reports share "shot", "police" and the town: with so few articles no word can be weighed."""
    from claimcheck.events.stories import TEXT_MIN_ARTICLES, text_cosines, text_vectors

    found = [Story(f"a{k}", k, frozenset(), frozenset(), None, frozenset(), frozenset(), frozenset())
             for k in range(3)]
    articles = {s.article: Article(s.article, r["text"]) for s, r in zip(found, REPORTS)}
    assert TEXT_MIN_ARTICLES > 3 and text_vectors(found, [], articles) is None
    assert text_cosines(None, [(0, 1)]) == [0.0]


def test_story_scores_of_pairs_no_candidate_list_held_are_computed_when_asked():
    """Average linkage reads every article pair between two groups, not the candidates only."""
    import numpy as np

    from claimcheck.events.stories import _Scores

    linker = load_story_linker()
    found = [_story(article="a", towns=frozenset({"gainesville"}), published=736000),
             _story(article="b", towns=frozenset({"gainesville"}), published=736001),
             _story(article="c", towns=frozenset({"tampa"}), published=736300)]
    centroids = np.eye(3, dtype=np.float32)
    scores = _Scores(found, centroids, None, linker)
    p = scores[frozenset(("a", "c"))]
    assert p == round(linker.prob(story_features(found[0], found[2], 0.0, 0.0)), 4)
    assert frozenset(("a", "c")) in scores and frozenset(("a", "b")) not in scores
    assert scores[frozenset(("a", "b"))] > p  # one town, published a day apart


def _framed(cid, article, event_id):
    frame = EventFrame("shooting", "shoot", Span(0, 4, "shot"), id=event_id)
    return _claim(cid, "A man was shot", article, frame)


@pytest.mark.parametrize("claims, spread, expected", [
    ([("a", "e1"), ("a", "e1"), ("a", "e2")], {}, "e1"),  # most claims
    ([("a", "e1"), ("a", "e2")], {"e1": 1, "e2": 3}, "e2"),  # a tie: the event more articles report
    ([("a", "e2"), ("a", "e1")], {"e1": 2, "e2": 2}, "e1"),  # a tie of both: the smaller id
    ([("a", "e1"), ("a", "e1"), ("a", "e2")], {"e1": 1, "e2": 5}, "e1"),  # spread breaks ties only
])
def test_an_articles_event(claims, spread, expected):
    from claimcheck.events.group import article_events
    from claimcheck.records import Event

    found = [_framed(f"c{k}", a, e) for k, (a, e) in enumerate(claims)]
    events = [Event(e, e, "shooting", None, None, None, (), (), articles=tuple(f"x{k}" for k in range(n)))
              for e, n in spread.items()]
    assert article_events(found + [_claim("n", "Thanks", "b", None)], events) == {"a": expected}


@pytest.mark.parametrize("day_a, day_b, apart", [
    ("2026-05-08", "2026-05-09", False),  # "late Friday" and "overnight": a day apart
    ("2026-05-08", "2026-05-15", True),  # a week apart (or a "Friday" read a week off)
    ("2026-05-08", None, False),  # one day unknown
])
def test_the_day_guard_and_its_story_switch(day_a, day_b, apart):
    import numpy as np

    from claimcheck.events.group import STORY_DAY_GUARD, STORY_PLACE_GUARD, STORY_TYPE_GUARD, _Groups
    from claimcheck.records import TimeRef

    def framed(cid, article, day):
        time = TimeRef("on Friday", 0, 0, day, None, "day") if day else None
        return _claim(cid, "A man was shot on Friday", article, EventFrame("shooting", "shoot", Span(0, 4, "shot"), time))

    claims = [framed("a#1", "a", day_a), framed("b#1", "b", day_b)]
    groups = _Groups(claims, [0, 1], np.eye(2, dtype=np.float32))
    assert groups.conflict(0, 1) is apart  # claims
    assert groups.conflict(0, 1, STORY_PLACE_GUARD, STORY_TYPE_GUARD, days=False) is False  # days read by the linker only
    assert groups.conflict(0, 1, STORY_PLACE_GUARD, STORY_TYPE_GUARD, STORY_DAY_GUARD) is (apart and STORY_DAY_GUARD)


@pytest.mark.parametrize("pub_a, day_a, type_a, pub_b, day_b, type_b, apart", [
    # one news cycle: Saturday's toll and Monday's are two days' events
    ("2026-05-10", "2026-05-09", "killing", "2026-05-12", "2026-05-11", "killing", True),
    ("2026-05-10", "2026-05-09", "shooting", "2026-05-10", "2026-05-10", "shooting", False),  # a day apart
    ("2026-05-10", "2026-05-09", "air_strike", "2026-05-13", "2026-05-12", "killing", True),  # one war's kinds
    # a report a month later dates its own news (the arraignment on Thursday), not the shooting
    ("2026-05-10", "2026-05-09", "shooting", "2026-06-12", "2026-06-11", "shooting", False),
    ("2026-05-10", "2026-05-09", "shooting", "2026-05-18", "2026-05-16", "shooting", False),  # 8 days later
    ("2026-05-10", "2026-05-09", "shooting", "2026-05-16", "2026-05-15", "shooting", True),  # 6: one cycle
    # an arrest four days after the shooting is no other day of it
    ("2026-05-10", "2026-05-09", "shooting", "2026-05-14", "2026-05-13", "arrest", False),
    (None, "2026-05-09", "shooting", "2026-06-12", "2026-06-11", "shooting", True),  # an undated article: as before
])
def test_the_story_day_guard_reads_one_news_cycle_and_one_kind(pub_a, day_a, type_a, pub_b, day_b, type_b, apart):
    import numpy as np

    from claimcheck.events.group import STORY_DAY_WINDOW, STORY_PLACE_GUARD, STORY_TYPE_GUARD, _Groups
    from claimcheck.events.link import ordinal
    from claimcheck.records import TimeRef

    def framed(cid, article, day, kind):
        frame = EventFrame(kind, "x", Span(0, 4, "shot"), TimeRef("on Friday", 0, 0, day, None, "day"))
        return _claim(cid, "A man was shot on Friday", article, frame)

    claims = [framed("a#1", "a", day_a, type_a), framed("b#1", "b", day_b, type_b)]
    published = {a: ordinal(p) for a, p in (("a", pub_a), ("b", pub_b)) if p}
    groups = _Groups(claims, [0, 1], np.eye(2, dtype=np.float32), published=published)
    assert groups.conflict(0, 1, STORY_PLACE_GUARD, STORY_TYPE_GUARD, True, STORY_DAY_WINDOW) is apart
    assert groups.conflict(0, 1, STORY_PLACE_GUARD, STORY_TYPE_GUARD, True) is (ordinal(day_b) - ordinal(day_a) > 1)


@pytest.mark.parametrize("head_a, head_b, shared, conflict", [
    ("A 4.2 quake shook the valley\n\nThe quake struck at dawn.", "Magnitude 4.6 quake rattles the valley\n\nNo damage.",
     0.0, 1.0),
    ("Thieves take $3.5 million in gems\n\nThe raid lasted minutes.", "Jewel raid nets $3.5 million\n\nPolice search.",
     1 / 3, 0.0),
    ("Carrier to sell the Pebble 8800 in 2026\n\nIt ships soon.", "Carrier adds the Pebble 12\n\nIn May 2026.", 0.0, 1.0),
    ("Fire guts a barn in 2026\n\nNobody was hurt.", "Barn fire in 2025\n\nNo one hurt.", 0.0, 0.0),  # years only
    ("Three shot at a party\n\nPolice came.", "Shooting at a party\n\nPolice said 1,200 attended.", 0.0, 0.0),  # words
])
def test_the_numbers_of_headline_and_lead(head_a, head_b, shared, conflict):
    from claimcheck.events.stories import _numbers

    def article(aid, text):
        title = text.split("\n\n")[0]
        return Article(aid, text, title=title, body_start=len(title) + 2)

    x = _story(numbers=_numbers(article("a", head_a)))
    y = _story(article="b", numbers=_numbers(article("b", head_b)))
    fx = dict(zip(STORY_FEATURES, story_features(x, y, 0.5)))
    assert (fx["numbers_shared"], fx["numbers_conflict"]) == (pytest.approx(shared), conflict)


_NEAR = _story(towns=frozenset({"springdale"}), names=frozenset({"darnell whitcombe"}), published=739000,
               tokens=frozenset({"whitcombe", "darnell"}), types=frozenset({"shooting"}))


@pytest.mark.parametrize("other, article_cos, links", [
    # the next day's report of the arrest names the victim: one story
    (_story(article="b", towns=frozenset({"springdale"}), names=frozenset({"darnell whitcombe"}), published=739001,
            tokens=frozenset({"whitcombe", "darnell"}), types=frozenset({"arrest"})), 0.6, True),
    (_story(article="b", towns=frozenset({"springdale"}), names=frozenset({"darnell whitcombe"}), published=739001,
            tokens=frozenset({"whitcombe", "darnell"}), types=frozenset({"arrest"})), 0.8, True),
    # a month later, another town and other names: another story, however alike the wording
    (_story(article="d", towns=frozenset({"tampa"}), names=frozenset({"john doe"}), published=739040,
            tokens=frozenset({"doe", "john"})), 0.8, False),
    (_story(article="d", towns=frozenset({"tampa"}), names=frozenset({"john doe"}), published=739040,
            tokens=frozenset({"doe", "john"})), 0.6, False),
    # another shooting in the same town the same night, other victims and names: another story
    (_story(article="e", towns=frozenset({"springdale"}), names=frozenset({"maria okafor"}), published=739000,
            tokens=frozenset({"okafor", "maria"}), types=frozenset({"shooting"})), 0.6, False),
])
def test_a_run_without_word_vectors_is_read_by_the_no_text_linker(other, article_cos, links):
    """Under TEXT_MIN_ARTICLES articles text_cos is 0: the text linker's operating point assumes it is
    read (two true reports then score under its average), so such runs read the same coefficients at
    the lower operating point shipped before (precision first: not a linker fitted with text off, which
    merged two shootings of one town and night)."""
    linker = load_story_linker()
    plain = linker.no_text
    assert plain is not None and plain.no_text is None
    assert plain.coef == linker.coef and plain.threshold < linker.threshold
    assert linker.for_text(None) is plain and linker.for_text(object()) is linker
    p = plain.prob(story_features(_NEAR, other, article_cos, 0.0))
    assert (p >= max(plain.threshold, plain.average)) is links
