"""Source names on text as real pages give it (issue 14): page furniture run into a sentence, a
person inside a long description, and the merges a corpus must not make ("coalition" in lower case
is not the "Syrian Coalition"; "Russia" is not "YouTube Russia"; "French officials" are not
"officials"); the merges it should make ("Syrias opposition" = "Syrian opposition", "U.S.-led" =
"US-led", a surname to its article's one person, "Bahra" to "Hadi al-Bahra" there). Sentences and names are made up."""

from __future__ import annotations

import pytest

from claimcheck.extract import extract_claims
from claimcheck.records import Article, ArticleRef, Claim, Source, Span
from claimcheck.sources import merge_map, name_parts, normalise_sources, source_extent


@pytest.mark.parametrize("mention,extent,name", [
    # share buttons, a view count, "Related" headlines: the words after the last piece
    ("Share Print Tweet Views 912 Related Orvania", "Orvania", "Orvania"),
    ("14 Related Vel Council", "Vel Council", "Vel Council"),
    ("Floods hit Harbin Monday 3 Mar 2015 Print Tweet Views 40 Related News Lorin", "Lorin", "Lorin"),
    # a keyword list, then the lead sentence (from its last capitalised word before lower case)
    ("Tags Lorin Vel Province Local activists", "Local activists", "Local activists"),
    ("Topics Vel Harbin ports The Vel Port Authority", "Harbin ports The Vel Port Authority", "Vel Port Authority"),
    # a keyword list alone names no one
    ("Tags Harbin Lorin", "Tags Harbin Lorin", ""),
])
def test_page_furniture_is_cut(mention, extent, name):
    a, b = source_extent(mention)
    assert mention[a:b] == extent
    assert name_parts(mention).name == name


@pytest.mark.parametrize("mention,name,affiliation", [
    ("Shocking new AFP images from the port", "AFP", None),  # whose images they are
    ("Lorin Observatory figures", "Lorin Observatory", None),
    ("The amateur footage", "amateur footage", None),  # no one's: as written
    ("The video", "video", None),
    ("The coalitions spokesman Colonel Ian Reed", "Ian Reed", "coalition"),  # the apostrophe lost
    ("a source in the Vel Asayesh security forces", "source in Vel Asayesh", "Vel Asayesh"),
    ("Local and media sources", "Local and media sources", None),  # not "and media"
    ("Anti-war activists", "Anti-war activists", None),  # a description, no body
    # a head of state or minister "of" a country speaks for its state (as "Lorinian President X" does)
    ("the President of France Jean Morel", "Jean Morel", "France"),
    ("the Foreign Minister of Iran Ali Karimi", "Ali Karimi", "Iran"),
    ("President of Lorinia Ivan Sorel", "Ivan Sorel", None),  # no such country
    ("The administration of President Omar al-Hadi", "Omar al-Hadi", None),  # not "administration of"
    ("the UN coordinator for relief affairs in Yemen Omar al-Hadi", "Omar al-Hadi", "UN"),  # the country, then him
    # a role of a body before the person's title: the body, not the role
    ("The head of Lorin Relief France Dr Omar al-Hadi", "Omar al-Hadi", "Lorin Relief France"),
    ("Director of Harbin Health Directorate Dr. Omar al-Hadi", "Omar al-Hadi", "Harbin Health Directorate"),
    # a "media activist" does media work: no body called "media"
    ("media activist Omar al-Hadi", "Omar al-Hadi", None),
    ("Observatory activist Omar al-Hadi", "Omar al-Hadi", "Observatory"),
    # a town's hospital is a body: its director speaks for it
    ("Director of Harbin National Hospital", "Director of Harbin National Hospital", "Harbin National Hospital"),
])
def test_name_parts_on_real_page_text(mention, name, affiliation):
    parts = name_parts(mention)
    assert (parts.name, parts.affiliation) == (name, affiliation)


def _source(nlp, text: str) -> Source:
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    return claims[0].source


@pytest.mark.parametrize("text,kind,name,affiliation", [
    # one person inside a long description the text lost its commas around
    ("Deputy head of planning at the Lorin Interior Ministry Colonel Anna Petrova said the road was closed.",
     "named", "Anna Petrova", "Lorin Interior Ministry"),
    ("Maria Lopez deputy director of the Europe and Central Asia division at Amnesty International said the "
     "strikes were unlawful.", "named", "Maria Lopez", "Amnesty International"),
    # (no organisation entity in the parse: none guessed)
    ("Head of operations in the Russian General Staff General Ivan Sorokin said the convoy was hit.",
     "named", "Ivan Sorokin", None),
    # two parties joined by "and" stay the group source of README's "Two speakers"
    ("Russian President Vladimir Putin and his Turkish counterpart said the truce would hold.",
     "named", "Vladimir Putin and his Turkish counterpart", None),
    # a keyword list names no one
    ("Tags Harbin Lorin said the market was hit.", "unresolved", None, None),
])
def test_who_is_named_in_a_long_mention(nlp, text, kind, name, affiliation):
    src = _source(nlp, text)
    assert (src.kind, src.name, src.affiliation) == (kind, name, affiliation)


def test_the_coalition_is_not_the_body_named_before_it(nlp):
    text = ("The Harbin Monitoring Group said 12 people died in the strikes. "
            "The coalition said it had struck a bridge used by the fighters.")
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    assert [c.source.name for c in claims] == ["Harbin Monitoring Group", "coalition"]


@pytest.mark.parametrize("names,expected", [
    # case tells a description from a name: "coalition" is any coalition, the "Coalition" one body
    (["coalition", "Coalition", "Syrian Coalition"], {"Coalition": "Syrian Coalition"}),
    (["defence ministry", "Russian Defence Ministry"], {"defence ministry": "Russian Defence Ministry"}),  # a state's
    # a country's possessive that lost its apostrophe is its people's word
    (["Syrias opposition", "Syrian opposition", "Syrian opposition"], {"Syrias opposition": "Syrian opposition"}),
    (["Russias Defense Ministry", "Russian Defense Ministry"], {"Russias Defense Ministry": "Russian Defense Ministry"}),
    (["U.S.-led coalition", "US-led coalition", "US-led coalition"], {"U.S.-led coalition": "US-led coalition"}),
    # across the run "Assad" is not the one al-Assad named (the article that names him: below)
    (["Assad", "Bashar al-Assad"], {}),
    # a country is its own party
    (["Russia", "YouTube Russia"], {}),
    # a nationality before a role is not a person's left-over title ("Russian Konashenkov")
    (["officials", "French officials", "Lorinian officials"], {}),
    (["Ali Mustafa", "Mustafa"], {"Mustafa": "Ali Mustafa"}),  # "Ali" is no nationality
    # a name grows by names or by a description, not by both (a keyword list)
    (["Islamic State", "US-led coalition Kurds Islamic State"], {}),
    # a generic word is no one body across the run, capitalised at a sentence's start or not
    (["police", "police", "Police", "Lorvi police"], {"Police": "police"}),  # ("Lorvi": a city the suffix test takes for a people)
    (["Army", "Lorvi army"], {}),
    # ... nor is a common noun: it grows by a state only ("state television": "Syrian state television")
    (["investigators", "investigators", "Investigators", "Harbin County investigators"], {"Investigators": "investigators"}),
    (["state television", "Syrian state television"], {"state television": "Syrian state television"}),
    # a parse's left-over word before the name ("... killed and injured SANA reported") never names the
    # body, however often it is written; an acronym's words do
    (["LNA"] * 9 + ["injured LNA"] * 2 + ["Lorin News Agency"],
     {"LNA": "Lorin News Agency", "injured LNA": "Lorin News Agency"}),
    # a town's hospital is not another town's: a body's name grows by a nationality, not by a town
    (["National Hospital", "Harbin National Hospital"], {}),
    (["Lorin Observatory for Human Rights"] + ["said Lorin Observatory for Human Rights"] * 3,
     {"said Lorin Observatory for Human Rights": "Lorin Observatory for Human Rights"}),
])
def test_merges_made_and_not_made(names, expected):
    assert merge_map(names) == expected


def _at(article: str, n: int, name: str, mention: str, start: int, affiliation: str | None = None) -> Claim:
    span = Span(0, 4, "text")
    return Claim(id=f"{article}#{n}", article=ArticleRef(article, None, None), text="text", span=span, sentence=span,
                 source=Source(name, "named", Span(start, start + len(mention), mention), affiliation=affiliation),
                 cue=None, stance="asserts")


def test_a_surname_is_its_articles_one_person_of_that_name():
    claims = [
        _at("a", 1, "Donald Trump", "US President Donald Trump", 0, affiliation="United States"),
        _at("a", 2, "Trump", "Trump", 80),
        _at("b", 1, "Ivana Trump", "Ivana Trump", 0),
        _at("c", 1, "Trump", "Trump", 0),  # two people named Trump in the corpus, none in its article
        _at("d", 1, "Eric Trump", "Eric Trump", 0),
        _at("d", 2, "Lara Trump", "Lara Trump", 40),
        _at("d", 3, "Trump", "Trump", 80),  # two in its article: left as written
        _at("e", 1, "Omar al-Hadi", "the envoy Omar al-Hadi", 0),
        _at("e", 2, "Hadi", "Hadi", 60),  # "al-" is no part of the surname
    ]
    out = normalise_sources(claims)
    assert [(c.source.name, c.source.affiliation) for c in out] == [
        ("Donald Trump", "United States"), ("Donald Trump", "United States"), ("Ivana Trump", None),
        ("Trump", None), ("Eric Trump", None), ("Lara Trump", None), ("Trump", None),
        ("Omar al-Hadi", None), ("Omar al-Hadi", None)]


def test_the_coalition_resolves_to_the_coalition_named_in_its_article():
    claims = [
        _at("a", 1, "US-led coalition", "The US-led coalition", 0),
        _at("a", 2, "coalition", "the coalition", 60),
        _at("b", 1, "Syrian Coalition", "The Syrian Coalition", 0),
        _at("b", 2, "coalition", "the coalition", 60),
        _at("c", 1, "coalition", "the coalition", 0),  # none named in its article: left as written
    ]
    out = normalise_sources(claims)
    assert [c.source.name for c in out] == [
        "US-led coalition", "US-led coalition", "Syrian Coalition", "Syrian Coalition", "coalition"]


@pytest.mark.parametrize("a,b,same", [
    ("ISIS fighters shelled the town.", "Daesh shelled the town.", True),
    ("Hizbollah fighters shelled the town.", "Hezbollah shelled the town.", True),  # sources.aliases.KNOWN
    ("Nusra fighters shelled the town.", "Rebels shelled the town.", False),
])
def test_responsibility_names_a_group_by_the_sources_alias_table(nlp, a, b, same):
    from claimcheck.dispute.reasons.responsibility import _same_actor_word, agents

    words_a = frozenset().union(*(w for _, w, _, _ in agents(nlp(a))))
    words_b = frozenset().union(*(w for _, w, _, _ in agents(nlp(b))))
    assert any(_same_actor_word(x, y) for x in words_a for y in words_b) == same


@pytest.mark.parametrize("text, content, sentence_start", [
    # a keyword list the page ran into the lead is no part of the claim nor of its sentence
    ("Tags Lorin Vel Harbin Floods A car bomb killed 12 people in Lorin on Monday, the monitor said.",
     "A car bomb killed 12 people in Lorin on Monday", "A car bomb"),
    ("Keywords Vel Harbin The Vel Port Authority said ten ships had sunk.", "ten ships had sunk", "The Vel Port"),
    ("The monitor said a car bomb killed 12 people in Lorin.", "a car bomb killed 12 people in Lorin", "The monitor"),
    # a list of names and lower-case topics: the lead opens at the last capitalised word that is no name
    # before its verb
    ("Tags Lorin Vel toxic gas chlorine attack suffocation Harbin At least four people were killed in Lorin on "
     "Monday.", "At least four people were killed in Lorin on Monday", "At least"),
    ("Tags Lorin Vel regime bombing siege Harbin Three rescue workers were killed in Lorin on Monday.",
     "Three rescue workers were killed in Lorin on Monday", "Three rescue"),
    # the list after the article's first sentence, on the same line
    ("The streets of Lorin were quiet on Sunday. Tags Lorin Vel Floods A car bomb killed 12 people in Lorin on "
     "Monday, the monitor said.", "A car bomb killed 12 people in Lorin on Monday", "A car bomb"),
])
def test_a_keyword_list_is_cut_from_the_claim(nlp, text, content, sentence_start):
    text = "Blast in Lorin\n\n" + text + " Residents said the streets were empty."
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    found = [c for c in claims if c.text == content]
    assert found, [c.text for c in claims]
    assert found[0].sentence.text.startswith(sentence_start)
    assert text[found[0].span.start:found[0].span.end] == content


_QUIET = "The streets of Lorin were quiet for most of the week. "


def test_the_same_words_from_the_same_source_are_one_claim(nlp):
    # a gallery prints its caption under every photo (here twice each); another source's same words stay
    caption = "Police investigate a shooting that left three people dead in Lorin."
    text = "Shooting in Lorin\n\n" + "\n\n".join(f"Image {n} of 3 {caption} {caption}" for n in (1, 2, 3))
    text += '\n\nResidents said three people were killed. "Three people were killed," the mayor said.'
    texts = [c.text for c in extract_claims(Article(id="t", text=text, outlet="Lorin Post"), nlp(text))]
    assert texts.count(caption.rstrip(".")) == 1, texts
    assert texts.count("three people were killed") + texts.count("Three people were killed") == 2, texts


@pytest.mark.parametrize("text, content, numbers", [
    # a photo credit or share widget a page without line breaks ran into the sentence: no one's words,
    # and its digits are no toll
    (_QUIET + "(Vel) Contrasting tolls are common after large attacks in Lorin.",
     "Contrasting tolls are common after large attacks in Lorin", []),
    (_QUIET + "12.03.2026Get short URL 4172 Shelling killed 14 people in Lorin on Monday, the monitor said.",
     "Shelling killed 14 people in Lorin on Monday", [14]),
    (_QUIET + "(updated 1645 12.03.2026) Get short URL 0 51 Shelling killed 14 people in Lorin on Monday, the monitor said.",
     "Shelling killed 14 people in Lorin on Monday", [14]),
    # a gallery's counter before its caption
    (_QUIET + "Image 4 of 10 Police investigate a shooting that left three people dead in Lorin.",
     "Police investigate a shooting that left three people dead in Lorin", [3]),
    # a caption's credit, the sentence after it, a credit closing the sentence or its opening left by a
    # line cut after it
    ("Residents flee the old market of Lorin (Harbin Agencies) Shelling killed 14 people in Lorin on Monday.",
     "Residents flee the old market of Lorin", []),
    ("Residents flee the old market of Lorin (Vel Photo) Shelling killed 14 people in Lorin on Monday.",
     "Shelling killed 14 people in Lorin on Monday", [14]),
    (_QUIET + "The monitor said fighters held the road between Lorin and Harbin (Vel Photo).",
     "fighters held the road between Lorin and Harbin", []),
    (_QUIET + "The monitor said fighters held the road between Lorin and Harbin on 12 March 2026 (Vel",
     "fighters held the road between Lorin and Harbin on 12 March 2026", []),
    # not credits: an acronym the sentence explains, words in parentheses before lower-case words
    (_QUIET + "The monitor said 14 fighters of the Lorin Democratic Forces (LDF) were killed.",
     "14 fighters of the Lorin Democratic Forces (LDF) were killed", [14]),
    (_QUIET + "(UN) officials said 14 people were killed in Lorin.", "14 people were killed in Lorin", [14]),
])
def test_inline_photo_credits_and_share_widgets_are_cut_from_the_claim(nlp, text, content, numbers):
    text = "Blast in Lorin\n\n" + text
    claims = extract_claims(Article(id="t", text=text, outlet=None), nlp(text))
    found = [c for c in claims if c.text == content]
    assert found, [c.text for c in claims]
    assert text[found[0].span.start:found[0].span.end] == content
    assert [q.value for q in found[0].quantities] == numbers
    before = text[found[0].sentence.start:found[0].span.start]  # the sentence opens with its own words
    assert not any(w in before for w in ("short URL", "Photo)", "Agencies)", "(Vel)", "of 10"))
