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


# the name a lost comma leaves the speaker: a body's whole name though the parse cut it at its
# "for", and the person a body's name runs into (sentence, source name, affiliation)
LOST_COMMA_NAMES = [
    ("The rest of the dead in the raids were militia fighters the Lorin Observatory for Civil Rights said.",
     "Lorin Observatory for Civil Rights", None),
    ("Twelve fighters died in clashes near the dam early Friday the UK-based Lorin Observatory for Civil Rights"
     " (LOCR) said.", "Lorin Observatory for Civil Rights", None),
    ('"Two of the dead were nurses" head of the Lorin Observatory for Civil Rights Ivan Petrak Sorel said.',
     "Ivan Petrak Sorel", "Lorin Observatory for Civil Rights"),
    ("The toll rose to nine in the valley UN High Commissioner for Refugees Mara Delane said.", "Mara Delane", None),
    ("Ten people died in the raid on the port Minister of Foreign Affairs Tomas Verhoven said.", "Tomas Verhoven", None),
    # two parties, the second hung by the parse inside the first's name: a group source
    ("Twelve fighters died near the dam early Friday the Lorin Observatory for Civil Rights and medics said.",
     "Lorin Observatory for Civil Rights and medics", None),
    ("Twelve fighters died near the dam, the Lorin Observatory for Civil Rights and medics said.",
     "Lorin Observatory for Civil Rights and medics", None),
]


@pytest.mark.parametrize("text,name,affiliation", LOST_COMMA_NAMES)
def test_lost_comma_speaker_name(nlp, text, name, affiliation):
    named = [c for c in _claims(nlp, text) if c.source.kind == "named"]
    assert named, [(c.text, c.source) for c in _claims(nlp, text)]
    assert (named[0].source.name, named[0].source.affiliation) == (name, affiliation)
