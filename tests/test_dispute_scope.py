"""What a dispute compares, read off FA-KES's top disputes: running totals and increments are no rival
of one incident's toll, wounded are not killed, children are counted among the people, copies of one
article never dispute, places and attacks are no agents, one group under its names is one actor, and a
noun that speaks for no one denies nothing. Table-driven on our own sentences (real spaCy parses)."""

from __future__ import annotations

import pytest

from claimcheck.quantities import extract_quantities
from claimcheck.records import ArticleRef, Claim, Source, Span


def claim(text: str, article: str = "a", source: str = "monitor", stance: str = "asserts", n: int = 0,
          event=None, outlet: str | None = None) -> Claim:
    span = Span(0, len(text), text)
    return Claim(f"{article}#{n}", ArticleRef(article, None, outlet or article), text, span, span,
                 Source(source, "named"), None, stance, tuple(extract_quantities(text, 0)), event)


@pytest.mark.parametrize("text, expected", [
    ("66 people have been killed since Tuesday", "since tuesday"),
    ("213 civilians were killed since the ceasefire collapsed", "since ceasefire collapsed"),
    ("270 civilians were killed in Aleppo during April", "during april"),
    ("45 people were killed in three days of regime attacks", "during three days"),
    ("the strikes killed 50 people over the past three days", "during three days"),
    ("at least 13 people were shot in five incidents across the city", "during five incidents"),
    ("the toll so far is 40 dead", "total"),
    ("a total of 40 people were killed", "total"),
    # the whole war's toll
    ("hundreds of thousands of people have been killed in the war", "during war"),
    ("more than 300,000 people have died in the country's six-year civil war", "during war"),
    ("the conflict has killed more than 400,000 people", "during war"),
    ("more than 320,000 people have been killed since the conflict began in March 2011", "during war"),
    ("at least 200 people have been killed since March 2011", "during war"),
    ("the war monitor said 12 people were killed", None),
    ("12 people were killed in the deadliest attack of the war", None),
    ("12 people were killed during the attack", None),  # one incident
    ("an air strike killed 12 people in the village", None),
])
def test_scope(text, expected):
    from claimcheck.dispute.scope import scope

    assert scope(claim(text)) == expected


@pytest.mark.parametrize("ta, tb, disputed", [
    ("regime shelling killed 8 civilians in the town", "66 civilians have been killed in the town since Tuesday", False),
    ("66 civilians have been killed in the town since Tuesday", "40 civilians have been killed in the town since Tuesday", True),
    ("six more people died in the village", "an air strike killed 21 people in the village", False),  # an increment
    ("hundreds of civilians have been killed in the war", "the strikes killed 735 civilians", False),
    # two reports of the war's toll so far were told at different times: no rival figures
    ("more than 320,000 people have been killed since the conflict began",
     "more than 180,000 people have been killed in the conflict since it erupted", False),
    ("a further nine people were killed in the village", "an air strike killed 21 people in the village", False),
    ("an air strike killed 21 people in the village", "an air strike killed 12 people in the village", True),
    # parts that add up to the other's total, a share "among" the dead, a sub-count "including 10"
    ("30 jihadists were killed around the town and another five outside it", "at least 35 jihadists were killed", False),
    ("six civilians were killed in Aleppo and another four in Deir Ezzor", "10 civilians were killed", False),
    ("six civilians were killed in Aleppo", "10 civilians were killed", True),
    ("six civilians were killed in Aleppo and four civilians in Deir Ezzor", "10 civilians were killed", False),  # sum
    ("six civilians were killed in Aleppo and four civilians in Deir Ezzor", "30 civilians were killed", True),
    ("one civilian was among those killed in the strike", "the strike killed at least 10 people", False),
    # the rest of a group another count names: "one of the four men ..., the other three men ..."
    ("the other three men were taken to hospital in serious condition", "four men were taken to hospital", False),
    ("the remaining two victims were in critical condition", "four victims were in critical condition", False),
    ("three men were taken to hospital in serious condition", "four men were taken to hospital", True),
    # several incidents' toll against one incident's
    ("at least 13 people were shot in five separate shootings overnight", "four people were shot overnight", False),
    ("at least 13 people were shot overnight", "four people were shot overnight", True),
    ("raids killed 31 civilians on Friday including 10 when their bus was hit", "ten civilians were killed on the bus", False),
    # children are among the people: the totals agree, the children's counts are not compared with them
    ("the strike killed 15 people including 4 children", "the strike killed 15 people", False),
    ("the strike killed 15 people including 4 children", "the strike killed 15 people including 9 children", True),
])
def test_numeric_compares_like_scopes(ta, tb, disputed):
    from claimcheck.dispute.reasons.numeric import numeric

    assert (numeric(claim(ta, "a"), claim(tb, "b"), 0.9) is not None) is disputed


def test_wounded_are_not_killed(nlp):
    """The frame's victims tell the outcome of each count: 30 wounded is no rival of 5 killed."""
    from claimcheck.dispute.reasons.numeric import numeric
    from claimcheck.events.frames import with_events
    from claimcheck.extract import extract_claims
    from claimcheck.records import Article

    def framed(text, aid):
        article = Article(aid, text)
        doc = nlp(text)
        return with_events(extract_claims(article, doc), doc, None)[0]

    a = framed("Rockets killed 30 people in the city on Thursday, the ministry said.", "a")
    b = framed("Three people were killed and 30 wounded by rockets in the city on Thursday, local reports said.", "b")
    assert a.event is not None and b.event is not None
    found = numeric(a, b, 0.9)  # 30 killed vs three killed; the 30 wounded agree with nothing
    assert found is not None and "'30' vs 'Three'" in found.detail
    c = framed("Rockets killed three people and wounded 30 in the city on Thursday, the ministry said.", "c")
    assert numeric(c, b, 0.9) is None


def test_copies_of_one_article():
    from claimcheck.dispute.candidates import copies

    story = ["the army shelled the market", "rebels denied it"]
    claims = [claim(t, aid, n=k) for aid in ("row1", "row2", "other") for k, t in enumerate(story)]
    claims += [claim("the toll rose to 12", "other", n=2)]
    assert copies(claims) == {"row1": "row1", "row2": "row1", "other": "other"}


def test_copies_never_dispute_each_other(embedder):
    """One story twice (a duplicated row) gives no pairs between its copies, nor a second set of pairs."""
    from claimcheck.config import Camps
    from claimcheck.dispute import find_disputes
    from claimcheck.pipeline import claim_vectors

    texts = [("the army captured the hilltop village of Tell Maran on Monday", "army spokesman", "asserts"),
             ("the army captured the hilltop village of Tell Maran on Monday", "rebel commander", "denies")]
    one = [claim(t, "row1", s, st, n=k, outlet="agency") for k, (t, s, st) in enumerate(texts)]
    two = one + [claim(t, "row2", s, st, n=k, outlet="agency") for k, (t, s, st) in enumerate(texts)]
    ds = find_disputes(two, claim_vectors(embedder, two), [0] * len(two), [], Camps())
    assert len(ds) == 1 and {ds[0].a.article.id, ds[0].b.article.id} == {"row1"}
    assert len(find_disputes(one, claim_vectors(embedder, one), [0, 0], [], Camps())) == 1
    # reprinted by another outlet: the copies are not paired with each other, each keeps its own pair
    other = one + [claim(t, "row2", s, st, n=k, outlet="paper") for k, (t, s, st) in enumerate(texts)]
    ds = find_disputes(other, claim_vectors(embedder, other), [0] * len(other), [], Camps())
    assert sorted(d.a.article.id + d.b.article.id for d in ds) == ["row1row1", "row2row2"]


@pytest.mark.parametrize("source, speaker", [
    ("peace talks", False), ("the report", False), ("news", False), ("Turkey", True),
    ("foreign ministry", True), ("Syrian Observatory for Human Rights", True),
])
def test_a_noun_that_speaks_for_no_one(source, speaker):
    from claimcheck.dispute.reasons.explicit_denial import explicit_denial, not_a_speaker

    denial = claim("attackers came across the border", "b", source, "denies")
    assert not_a_speaker(denial) is not speaker
    found = explicit_denial(claim("attackers came across the border", "a", "commander"), denial, 0.95)
    assert (found is not None) is speaker


@pytest.mark.parametrize("ta, tb, disputed", [
    ("ISIS militants shelled the village on Monday", "Daesh militants shelled the village on Monday", False),
    ("The Islamic State group shelled the village on Monday", "ISIL shelled the village on Monday", False),
    ("ISIS militants shelled the village on Monday", "Government forces shelled the village on Monday", True),
    # the side's common name and one of its groups; against the army it is a dispute
    ("Terrorist groups shelled the village on Monday", "The Nusra Front shelled the village on Monday", False),
    ("Terrorist groups shelled the village on Monday", "The army shelled the village on Monday", True),
    # blame over a period is not blame for one attack
    ("Rebels have fired rockets into the city, killing 16 people since Thursday",
     "Government jets bombed the city, killing 16 people", False),
    ("The town is regularly bombed by Russian jets", "Government jets bombed the town on Monday", False),  # habitual
    # a place or an attack in the agent's position names no one who did it
    ("Aleppo countryside shelling killed four people", "Rebels shelled the village, killing four people", False),
    ("Airstrikes killed four people in the village", "Russian jets bombed the village, killing four people", False),
    ("Aleppo rebels shelled the village, killing four people", "Government jets bombed the village, killing four people", True),
    # both texts name both actors, the parse only read them in different roles (a headline)
    ("Lorin Army Kills 11 Militants Destroy Their Posts near Tarsa",
     "The Lorin army killed 11 militants in an attack on their posts near Tarsa", False),
])
def test_responsibility_reads_who(nlp, ta, tb, disputed):
    from claimcheck.config import Camps
    from claimcheck.dispute.reasons.responsibility import responsibility

    found = responsibility(claim(ta, "a"), claim(tb, "b"), nlp(ta), nlp(tb), 0.9, Camps())
    assert (found is not None) is disputed


def test_an_assertion_that_rejects_it_agrees_with_the_denial():
    from claimcheck.dispute.reasons.explicit_denial import explicit_denial

    denial = claim("the attackers had entered from Turkey", "b", "Turkey", "denies")
    agrees = claim("it was impossible that the attackers had entered from Turkey", "a", "security sources")
    assert explicit_denial(agrees, denial, 0.95) is None
    assert explicit_denial(claim("the attackers had entered from Turkey", "a", "commander"), denial, 0.95) is not None


def test_a_dateline_place_is_no_agent(nlp):
    """ "KHAN SHEIKHUN, Syria - A suspected chemical attack ...": the place the claim names, and a country."""
    from claimcheck.config import Camps
    from claimcheck.dispute.reasons.responsibility import responsibility
    from claimcheck.records import EventFrame, Place

    ta = "KHAN SHEIKHUN Syria attack killed dozens of civilians"
    tb = "the Assad regime attack killed dozens of civilians"
    where = EventFrame("attack", "attack", Span(0, 1, "x"), places=(Place("KHAN SHEIKHUN", 0, 13, "khan sheikhun"),))
    a, b = claim(ta, "a", event=where), claim(tb, "b")
    assert responsibility(a, b, nlp(ta), nlp(tb), 0.9, Camps()) is None
    assert responsibility(claim(ta, "a"), b, nlp(ta), nlp(tb), 0.9, Camps()) is None  # by its capitals alone
    tc = "NATO jets attacked the town and killed dozens of civilians"  # an acronym is an actor
    assert responsibility(claim(tc, "a"), b, nlp(tc), nlp(tb), 0.9, Camps()) is not None


@pytest.mark.parametrize("ta, tb, evidence", [
    # the evidence is the counts of one noun: six civilians against eight, not the 22 people
    ("at least 22 people were killed in the strikes, including six civilians", "eight civilians were killed in the strikes",
     ("six", "eight")),
    ("the strike killed 12 people", "the strike killed 30 people", ("12", "30")),
])
def test_numeric_evidence_is_like_against_like(ta, tb, evidence):
    from claimcheck.dispute.reasons.numeric import numeric

    reason = numeric(claim(ta, "a"), claim(tb, "b"), 0.9)
    assert reason is not None
    assert (reason.evidence[0].text, reason.evidence[1].text) == evidence


def _shooting(aid: str, place: str, published: str, outlet: str, count: str, who: str):
    from claimcheck.records import Article

    text = (f"Police are investigating a shooting that occurred early today in the parking lot of {place}.\n\n"
            f"{count} victims were transported to a local hospital with non-life-threatening injuries, {who} said.\n\n"
            "Police have not named a suspect.")
    return Article(id=aid, text=text, outlet=outlet, published=published)


@pytest.mark.parametrize("second, disputed", [
    (("the Elm Street apartments", "2026-03-05"), False),  # another shooting, two days on: two stories
    (("2136 North Oak Avenue", "2026-03-03"), True),  # the same shooting: the counts differ
])
def test_a_claim_that_names_no_place_tells_its_articles_story(embedder, second, disputed):
    from claimcheck.pipeline import check

    first = _shooting("x", "2136 North Oak Avenue", "2026-03-03", "lorin-news", "Three", "a fire official")
    other = _shooting("y", *second, "harbin-tv", "Four", "a police spokesman")
    found = [d for d in check([first, other], embedder=embedder).disputes
             if any(r.kind == "numeric" for r in d.reasons)]
    assert bool(found) is disputed, [(d.a.text, d.b.text) for d in found]


def _denied_shooting(aid: str, town: str, published: str, second: str):
    from claimcheck.records import Article

    text = (f"A man was shot and wounded outside a bar in {town} on Monday night, police said.\n\n"
            f"{second}")
    return Article(id=aid, text=text, outlet=aid + "-news", published=published)


@pytest.mark.parametrize("town, published, disputed", [
    ("Brackwell", "2026-04-10", False),  # another town, weeks on: "he" is someone else
    ("Alderbury", "2026-03-03", True),  # the same shooting: the denial answers the claim
])
def test_a_denial_that_names_no_one_stays_in_its_story(embedder, town, published, disputed):
    from claimcheck.pipeline import check

    first = _denied_shooting("x", "Alderbury", "2026-03-03",
                             "The suspect denied that he had fired the gun, his lawyer said.")
    other = _denied_shooting("y", town, published, "He had fired the gun twice, a neighbour said.")
    found = [d for d in check([first, other], embedder=embedder).disputes
             if d.a.article.id != d.b.article.id and any(r.kind == "explicit_denial" for r in d.reasons)]
    assert bool(found) is disputed, [(d.a.text, d.b.text) for d in found]


@pytest.mark.parametrize("ta, source_a, stance_a, tb, shared", [
    ("he had shot the gun", "Dale Fenner", "denies", "He put the gun down and ran", False),
    ("the army took the hill", "rebels", "denies", "The army took the hill near Tell Safa", False),
    ("the army took Tell Safa", "rebels", "denies", "The army took Tell Safa", True),
    ("using chlorine in the attack", "Assad", "denies", "Assad's forces used chlorine", True),  # the denier is named
    ("using chlorine in the attack", "Assad", "asserts", "Assad's forces used chlorine", False),
    ("12 people were killed", "the ministry", "denies", "the strike killed 12 people", True),
])
def test_share_names(ta, source_a, stance_a, tb, shared):
    from claimcheck.dispute.candidates import share_names

    assert share_names(claim(ta, "a", source_a, stance_a), claim(tb, "b", "police")) is shared
