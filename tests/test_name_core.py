"""A source's name cut from its mention by the parse (extract.name_core), on the real pipeline:
the mention keeps the words as written, the name keeps only what names the source."""

from __future__ import annotations

import pytest

from claimcheck.extract import extract_claims
from claimcheck.records import Article


def _source(nlp, text: str):
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    assert len(claims) == 1
    return claims[0].source


@pytest.mark.parametrize("text,mention,name,affiliation", [
    # what the parser hung on the head is not the name
    ("Victims of a suspected gas attack near Tarnow said the air smelled of chlorine.",
     "Victims of a suspected gas attack near Tarnow", "victims", None),
    ("Assad in an interview on the state channel said the war was nearly won.",
     "Assad in an interview on the state channel", "Assad", None),
    ("The defence ministry in Moscow said the strike hit a depot.", "The defence ministry in Moscow",
     "defence ministry", None),
    # a role keeps whom it speaks for, not the places after it
    ("A spokesman at the clinic in Vesna in Orlov province said nine people were treated.",
     "A spokesman at the clinic in Vesna in Orlov province", "spokesman at the clinic", None),
    ("A military source at the Free Lorin Army said the convoy was hit.", "A military source at the Free Lorin Army",
     "military source at Free Lorin Army", "Free Lorin Army"),
    ("Monitors at the Lorin Observatory for Civil Rights which tracks the fighting said 14 people died.",
     "Monitors at the Lorin Observatory for Civil Rights which tracks the fighting",
     "monitors at Lorin Observatory for Civil Rights", "Lorin Observatory for Civil Rights"),
    # a proper name's own "for"/"of" phrase stays; a count before a group goes, a number word stays
    ("The Organisation for the Prohibition of Chemical Weapons said the samples were positive.",
     "The Organisation for the Prohibition of Chemical Weapons", "Organisation for the Prohibition of Chemical Weapons",
     None),
    ("The Lorin Observatory for Civil Rights monitoring group said 14 people died.",
     "The Lorin Observatory for Civil Rights monitoring group", "Lorin Observatory for Civil Rights", None),
    ("At least 25 members of the Northern Front said the town had fallen.", "At least 25 members of the Northern Front",
     "members of Northern Front", "Northern Front"),
    ("The two powers said the talks would resume.", "The two powers", "two powers", None),
    ("A coalition of Lorin rebels said the town had fallen.", "A coalition of Lorin rebels", "coalition of Lorin rebels",
     None),
    # whose statement it is; two parties joined by "and" are one group source; "or" names one party twice
    ("A statement by the army said the town was retaken.", "A statement by the army", "army", None),
    ("The information provided by the Lorin army showed that 12 rebels died.",
     "The information provided by the Lorin army", "Lorin army", None),
    ("A statement by the Lorin army carried by Vesna state television said 12 rebels died.",
     "A statement by the Lorin army carried by Vesna state television", "Lorin army", None),
    ("Rebels and activists said the bridge was destroyed.", "Rebels and activists", "rebels and activists", None),
    ("The Lorin National Council and the Vesna Observatory for Civil Rights said the bridge was destroyed.",
     "The Lorin National Council and the Vesna Observatory for Civil Rights",
     "Lorin National Council and Vesna Observatory for Civil Rights", None),
    ("The Lorin Civil Defence or Blue Vests said the bridge was destroyed.", "The Lorin Civil Defence or Blue Vests",
     "Lorin Civil Defence", None),
    # a restrictive clause is part of the phrase as written (PolNeAR's sources keep it), not of the name;
    # a relative clause set off by a comma is neither
    ("A Lorin Times poll released last week found that 40 percent back the plan.",
     "A Lorin Times poll released last week", "Lorin Times poll", None),
    ("All the economists I interviewed said the plan would raise prices.", "All the economists I interviewed",
     "all the economists", None),
    ("Ana Ruiz, who runs the clinic, said nine people were treated.", "Ana Ruiz", "Ana Ruiz", None),
    ("Ana Ruiz, a nurse who runs the clinic, said nine people were treated.", "Ana Ruiz, a nurse who runs the clinic",
     "Ana Ruiz", None),
    # a mention and a name never start or end inside a word as written, however the parse splits it
    ("Jaish al-Karama said the bridge was destroyed.", "Jaish al-Karama", "Jaish al-Karama", None),
    ("Jaish al-Islam said the convoy was hit near the bridge.", "Jaish al-Islam", "Jaish al-Islam", None),
    ("Liwa al-Haqq said on Sunday that two villages were taken.", "Liwa al-Haqq", "Liwa al-Haqq", None),
    ("His ex-wife said the house was sold.", "His ex-wife", "his ex-wife", None),
    # a person's name at the end of the mention (a lost comma) is the source, the role its affiliation
    ("The British envoy to the UN Matthew Rycroft said the vote was delayed.",
     "The British envoy to the UN Matthew Rycroft", "Matthew Rycroft", "UN"),
])
def test_name_cut_by_the_parse(nlp, text, mention, name, affiliation):
    source = _source(nlp, text)
    assert source.mention.text == mention
    assert (source.name, source.affiliation) == (name, affiliation)


@pytest.mark.parametrize("text,name,kind", [
    ("In a statement, the Lorin army said the bridge at Vesna was retaken. The statement said 12 rebels were killed.",
     "Lorin army", "pronoun"),
    ("The Lorin army said the bridge at Vesna was retaken. The statement said 12 rebels were killed.",
     "statement", "named"),  # no statement before it: as written
])
def test_the_statement_is_its_issuers(nlp, text, name, kind):
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    assert (claims[-1].source.name, claims[-1].source.kind) == (name, kind)
