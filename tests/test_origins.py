"""Wire-copy detection: reprints of one agency story, and one agency's quote, count once."""

from __future__ import annotations

from claimcheck.origins import agencies_in, build_index, similar_pairs
from claimcheck.records import Article, ArticleRef, Claim, Source, Span

WIRE = (
    "VESTRA (AFP) - Flood water broke through the levee south of Vestra on Tuesday night, forcing "
    "some 3,000 residents from their homes, the regional governor said. Rescue crews in boats worked "
    "through the night to reach villages cut off by the water, and the army sent two helicopters to "
    "lift people from rooftops. The governor said the levee had been inspected in March and judged "
    "sound, but engineers at the river authority said they had warned in a letter last year that the "
    "embankment was weakening. Schools in the district will stay closed until Friday. Forecasters "
    "expect more rain over the weekend, and the river is not expected to fall before Monday."
)
# The same story as two outlets ran it: a headline of their own, a few words changed, one sentence cut.
REPRINT_1 = WIRE.replace("some 3,000", "about 3,000").replace("worked through the night", "worked overnight")
REPRINT_2 = (WIRE.replace("VESTRA (AFP) - ", "VESTRA, Oct 4 (AFP) - ")
             .replace(" Schools in the district will stay closed until Friday.", "")
             .replace("two helicopters", "three helicopters"))
OWN = (
    "Residents of Vestra spent a second night in the sports hall on Wednesday. \"We lost everything on "
    "the ground floor,\" said Mira Tal, a teacher. The river authority said its engineers had warned "
    "about the embankment a year ago, and opposition councillors called for an inquiry into why the "
    "repairs were never made. The council said temporary housing would be ready within a week."
)


def article(aid: str, outlet: str, body: str, published: str | None = None, title: str = "Flood in Vestra") -> Article:
    text = f"{title}\n\n{body}"
    return Article(id=aid, text=text, path=f"{aid}.txt", outlet=outlet, title=title, published=published,
                   body_start=len(title) + 2)


def claim_in(art: Article, content: str, source: str) -> Claim:
    start = art.text.index(content)
    end_of_sentence = art.text.find(".", start + len(content))
    sent_start = max(art.text.rfind(". ", 0, start) + 2, art.body_start)
    return Claim(
        id=f"{art.id}#1", article=ArticleRef(art.id, art.path, art.outlet), text=content,
        span=Span.of(art.text, start, start + len(content)), sentence=Span.of(art.text, sent_start, end_of_sentence + 1),
        source=Source(source, "named", None, None), cue=None, stance="asserts",
    )


LEVEE = "the levee had been inspected in March and judged sound"


def test_an_agency_story_reprinted_by_two_outlets_with_small_edits_counts_once():
    arts = [article("herald", "Vestra Herald", REPRINT_1, "2026-10-05"),
            article("post", "Daily Post", REPRINT_2, "2026-10-04"),
            article("own", "River Times", OWN + " The governor said " + LEVEE + ".", "2026-10-05")]
    claims = [claim_in(a, LEVEE, "the governor") for a in arts]
    index = build_index(arts, claims)
    assert index.copy_of["herald"] == index.copy_of["post"] != index.copy_of["own"]
    origins = index.origins(claims)
    assert len(origins) == 2
    wire = origins[0]
    assert wire.agency == "AFP" and wire.name == "AFP" and wire.articles == ("herald", "post")
    assert wire.outlets == ("Daily Post", "Vestra Herald")
    assert origins[1].name == "River Times" and origins[1].agency is None
    assert len(index.origins(claims[:2])) == 1


def test_unrelated_articles_are_independent_even_on_one_story():
    arts = [article("a", "Vestra Herald", WIRE), article("b", "River Times", OWN)]
    assert similar_pairs([{b"x"}], 0.5, 64) == []
    index = build_index(arts, [claim_in(arts[0], "the regional governor said", "x"),
                               claim_in(arts[1], "temporary housing would be ready within a week", "the council")])
    assert index.copy_of["a"] != index.copy_of["b"]


def test_an_uncredited_copy_is_named_after_its_earliest_article():
    arts = [article("late", "Vestra Herald", REPRINT_1.replace("(AFP) ", ""), "2026-10-06"),
            article("early", "Daily Post", WIRE.replace("(AFP) ", ""), "2026-10-04")]
    claims = [claim_in(a, LEVEE, "the governor") for a in arts]
    (origin,) = build_index(arts, claims).origins(claims)
    assert origin.agency is None and origin.name == "Daily Post"


QUOTE = "The ministry said the road to Kessel had been reopened, an official told Reuters"


def test_the_same_quote_credited_to_one_agency_counts_once_else_twice():
    own_a = "Traffic was light on Thursday. " + QUOTE + ". Drivers reported long queues at the checkpoint."
    own_b = "Markets in Kessel opened late. " + QUOTE.replace("had been", "was") + ". Prices of flour rose again."
    arts = [article("x", "Vestra Herald", own_a), article("y", "River Times", own_b)]
    claims = [claim_in(arts[0], "the road to Kessel had been reopened", "the ministry"),
              claim_in(arts[1], "the road to Kessel was reopened", "the ministry")]
    index = build_index(arts, claims)
    assert index.copy_of["x"] != index.copy_of["y"]  # not copies as a whole
    (origin,) = index.origins(claims)
    assert origin.name == "Reuters" and origin.articles == ("x", "y")

    uncredited = [article(a.id, a.outlet, a.text[a.body_start:].replace(", an official told Reuters", "")) for a in arts]
    claims = [claim_in(uncredited[0], "the road to Kessel had been reopened", "the ministry"),
              claim_in(uncredited[1], "the road to Kessel was reopened", "the ministry")]
    assert len(build_index(uncredited, claims).origins(claims)) == 2


def test_agency_credits():
    assert agencies_in("GENEVA (AP) - Talks resumed") == {"AP"}
    assert agencies_in("the AP chapter of the party") == frozenset()  # bare letters are not a credit
    assert agencies_in("reported by Agence France-Presse and Reuters") == {"AFP", "Reuters"}
    assert agencies_in("an official told the state news agency SANA") == {"SANA"}
