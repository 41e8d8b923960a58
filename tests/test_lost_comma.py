"""Closing reporting frames whose comma the text lost (our own sentences, real spaCy pipeline)."""

from __future__ import annotations

import pytest

from claimcheck.extract import extract_claims
from claimcheck.records import Article


def _claims(nlp, text: str):
    return extract_claims(Article(id="t", text=text), nlp(text))


# sentence, cue, expected content, expected source mention
LOST_COMMA = [
    ("Air strikes killed 18 people in the market town on Saturday a monitor said.",
     "said", "Air strikes killed 18 people in the market town on Saturday", "a monitor"),
    ("Shelling killed 14 villagers near the dam on Monday most of them farmers the Observatory said.",
     "said", "Shelling killed 14 villagers near the dam on Monday most of them farmers", "the Observatory"),
    ("Mortar fire also wounded four people in the old quarter of the city the Lorin Observatory for Civil Rights said.",
     "said", "Mortar fire also wounded four people in the old quarter of the city",
     "the Lorin Observatory for Civil Rights"),
    ("The strike destroyed the bakery and damaged a school a monitoring group said.",
     "said", "The strike destroyed the bakery and damaged a school", "a monitoring group"),
    ("Two bridges over the river were blown up during the night he added.",
     "added", "Two bridges over the river were blown up during the night", "he"),
]


@pytest.mark.parametrize("text,cue,content,mention", LOST_COMMA)
def test_lost_comma_closing_frame(nlp, text, cue, content, mention):
    claims = [c for c in _claims(nlp, text) if c.cue is not None and c.cue.text == cue]
    assert claims, [(c.text, c.cue) for c in _claims(nlp, text)]
    assert claims[0].text == content
    assert claims[0].source.mention is not None and claims[0].source.mention.text == mention


# a passive or negated closing verb is no frame: the subject is the thing said
NO_FRAME = [
    "The numbers could not be independently confirmed.",
    "Heavy clashes on the outskirts of the town were reported.",
]


@pytest.mark.parametrize("text", NO_FRAME)
def test_passive_closing_verb_is_the_narrators(nlp, text):
    claims = _claims(nlp, text)
    assert all(c.source.kind == "narrator" for c in claims), [(c.text, c.source) for c in claims]
