"""Who speaks a verb the parse hung on the wrong noun (our own sentences, real spaCy pipeline): a bare
participle ("adding", "asserting") inside another speaker's report, and a finite verb right after its
speaker's noun phrase."""

from __future__ import annotations

import pytest

from claimcheck.extract import extract_claims
from claimcheck.records import Article


def _claims(nlp, text: str):
    return extract_claims(Article(id="t", text=text), nlp(text))


# sentence, cue, expected content, expected source mention
SPEAKERS = [
    # the parse hangs "the source" on "suffocation" and "added" on "died": the dead do not speak
    ("A farmer woman and child died as a result of suffocation and the source added that the gas was chlorine.",
     "added", "the gas was chlorine", "the source"),
    # a chain of participles inside one report is the reporter's, not "the blast adding", "herders asserting"
    ("The nurse told the agency that the wounded reached the clinic after the blast adding that most of the"
     " wounded are farmers and herders whose wounds are serious asserting that the clinic has enough blood.",
     "adding", "most of the wounded are farmers and herders whose wounds are serious asserting that the clinic"
     " has enough blood", "The nurse"),
    ("The nurse told the agency that the wounded reached the clinic after the blast adding that most of the"
     " wounded are farmers and herders whose wounds are serious asserting that the clinic has enough blood.",
     "asserting", "the clinic has enough blood", "The nurse"),
    # "shells claiming the life of one man" is a toll, not a report: the adding is the source's
    ("A source at Lorin province told the agency that gunmen targeted the villages with rocket shells claiming"
     " the life of one man and injuring 20 others and that two boys were among the injured adding that the"
     " attacks also damaged the school.", "adding", "the attacks also damaged the school",
     "A source at Lorin province"),
    ("Governor Ilse Varga told reporters the truck bomb exploded near the market killing 12 people adding that"
     " the blast was followed by gunfire.", "adding", "the blast was followed by gunfire", "Governor Ilse Varga"),
    # "told Radio Lorin adding ...": the teller adds, not the one told
    ('"The militia has entered its last stand in the old town" he told Radio Lorin adding however that the'
     " militia was holding hostages there.", "adding", "the militia was holding hostages there", "he"),
    # "with X saying": X speaks
    ("The governor said the dam held with engineers saying that the water level is falling.",
     "saying", "the water level is falling", "engineers"),
    # the statement the army issued blames: the army's
    ("The army denied any role however issuing a statement blaming the militants for the fire.",
     "blaming", "the militants for the fire", "The army"),
]


@pytest.mark.parametrize("text,cue,content,mention", SPEAKERS)
def test_speaker_of_a_misattached_verb(nlp, text, cue, content, mention):
    claims = [c for c in _claims(nlp, text) if c.cue is not None and c.cue.text == cue]
    assert claims, [(c.text, c.cue) for c in _claims(nlp, text)]
    assert claims[0].text == content
    assert claims[0].source.mention is not None and claims[0].source.mention.text == mention


def test_a_participle_of_a_phrase_is_not_the_outer_speakers(nlp):
    # "responded ... to protests demanding": the protests demand, never the mayor
    text = "The mayor responded with force to peaceful protests demanding new elections in the spring."
    for claim in _claims(nlp, text):
        assert claim.source.mention is None or claim.source.mention.text != "The mayor", claim


def test_a_participle_after_a_when_clause_is_not_the_speakers(nlp):
    # "spoke ... after the governor posted messages criticizing ...": what the press officer said is not in it
    text = "The press officer spoke to reporters Friday after the governor posted a string of messages criticizing the judge."
    criticizing = [c for c in _claims(nlp, text) if c.cue is not None and c.cue.text == "criticizing"]
    assert all(c.source.mention is None or c.source.mention.text != "The press officer" for c in criticizing)
