"""Lines an outlet repeats on many of its pages are furniture, not claims (our own sentences, real spaCy)."""

from __future__ import annotations

import pytest

from claimcheck.config import Camps
from claimcheck.pipeline import extract_from_articles
from claimcheck.records import Article

STORIES = [
    "Rebel fighters shelled the Lorin bridge on Monday, the ministry said.",
    "Three bakeries in the old town reopened after the truce held overnight.",
    "The governor said water supplies to the northern districts were restored.",
]
WIDGET = "Follow Lorin News on every app and never miss out on the headlines you care about."


def _articles(repeated: str, outlets: list[str | None]):
    return [Article(id=f"a{k}", text=f"{story}\n\n{repeated}", outlet=outlet)
            for k, (story, outlet) in enumerate(zip(STORIES, outlets))]



# repeated line, the three articles' outlets, whether the line stays a claim
CASES = [
    (WIDGET, ["lorin", "lorin", "lorin"], False),  # one site's widget on three pages: gone
    (WIDGET, ["lorin", "lorin", "harbin"], True),  # on only two pages of one site
    (WIDGET, ["lorin", "harbin", "vel"], True),  # three outlets print it: wire copy, news
    (WIDGET, [None, None, None], True),  # no outlet known: never grouped
    ("At least 14 people were killed in the blast at the Lorin bus station.",
     ["lorin", "lorin", "lorin"], True),  # a toll is news, however often a site repeats it
    ("The army denied that the Lorin bridge was destroyed.", ["lorin", "lorin", "lorin"], True),  # a denial
]


@pytest.mark.parametrize("line,outlets,stays", CASES)
def test_a_line_one_outlet_repeats_on_many_pages_is_no_claim(line, outlets, stays):
    articles = _articles(line, outlets)
    claims = extract_from_articles(articles, Camps())
    on_line = [c for c in claims if c.sentence.text.startswith(line[:20])]
    assert bool(on_line) is stays, [(c.text, c.article.id) for c in on_line]
    # the stories themselves always stay
    assert {c.article.id for c in claims if c not in on_line} == {a.id for a in articles}


def test_one_story_printed_three_times_keeps_its_lines():
    """Three versions of one story (an update, a second edition) repeat its plain lines: they are news."""
    story = ("Gunmen shot two guards at the Lorin depot on Monday night, police said.\n\n"
             "Three people were wounded in the shooting near the depot gate.\n\n"
             "The guard is in critical but stable condition.")
    articles = [Article(id=f"v{k}", text=f"{story}\n\n{extra}", outlet="lorin")
                for k, extra in enumerate(["Police have not named the gunmen.", "The depot reopened on Tuesday.",
                                           "The gunmen fled in a grey van."])]
    claims = extract_from_articles(articles, Camps())
    plain = [c for c in claims if c.text.startswith("The guard is in critical")]
    assert {c.article.id for c in plain} == {"v0", "v1", "v2"}, [(c.text, c.event, c.quantities) for c in claims]
