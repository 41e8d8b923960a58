"""Claim extraction and attribution on the real spaCy pipeline (our own example sentences)."""

from __future__ import annotations

import pytest

from claimcheck.extract import extract_claims
from claimcheck.records import Article

from conftest import SEED_ARTICLE


def _claims(nlp, text: str, **kw):
    article = Article(id="t", text=text, **kw)
    return extract_claims(article, nlp(text))


def _find(claims, cue: str | None = None, kind: str | None = None):
    for c in claims:
        if (cue is None or (c.cue is not None and c.cue.text == cue)) and (kind is None or c.source.kind == kind):
            return c
    raise AssertionError(f"no claim with cue={cue!r} kind={kind!r} in {[(c.text, c.cue) for c in claims]}")


# text, cue, expected content, source name, kind, stance
ATTRIBUTIONS = [
    ("The mayor said that the bridge had been closed for repairs.",
     "said", "the bridge had been closed for repairs", "mayor", "named", "asserts"),
    ("The bridge had been closed for two weeks, the mayor said.",
     "said", "The bridge had been closed for two weeks", "mayor", "named", "asserts"),
    ("“The water supply is safe again,” a city engineer told Reuters.",
     "told", "The water supply is safe again", "city engineer", "named", "asserts"),
    ("According to the health ministry, 40 patients were moved to a field hospital.",
     "According", "40 patients were moved to a field hospital", "health ministry", "named", "asserts"),
    ("Regional television reported on Tuesday that the dam had burst near the village.",
     "reported", "the dam had burst near the village", "regional television", "named", "asserts"),
    ("The police confirmed that three suspects were arrested overnight.",
     "confirmed", "three suspects were arrested overnight", "police", "named", "asserts"),
    ("The company claimed that its factory had met every safety standard.",
     "claimed", "its factory had met every safety standard", "company", "named", "asserts"),
    ("The government announced that fuel prices would rise in March.",
     "announced", "fuel prices would rise in March", "government", "named", "asserts"),
    ("The union accused the management of ignoring safety complaints.",
     "accused", "the management of ignoring safety complaints", "union", "named", "asserts"),
    ("Weather officials warned that the storm could bring heavy flooding.",
     "warned", "the storm could bring heavy flooding", "weather officials", "named", "asserts"),
    ("The coach insisted that the team had never cheated.",
     "insisted", "the team had never cheated", "coach", "named", "asserts"),
    ("The minister denied that troops had entered the village.",
     "denied", "troops had entered the village", "minister", "named", "denies"),
    ("The ministry rejected reports that the prison had been emptied.",
     "rejected", "the prison had been emptied", "ministry", "named", "denies"),
    ("The governor said the army did not enter the town.",
     "said", "the army did not enter the town", "governor", "named", "asserts"),
    ("\"Prices will fall next year,\" said Maria Lopez, an economist at the central bank.",
     "said", "Prices will fall next year", "Maria Lopez", "named", "asserts"),
    ("Mr Petrov said the talks had collapsed.",
     "said", "the talks had collapsed", "Petrov", "named", "asserts"),
    ("Syrian state TV's correspondent reported that the road was open.",
     "reported", "the road was open", "Syrian state television correspondent", "named", "asserts"),
    ("As the auditor noted, the accounts were never published.",
     "noted", "the accounts were never published", "auditor", "named", "asserts"),
    ("The ceasefire was broken within hours, according to residents of the port.",
     "according", "The ceasefire was broken within hours", "residents of the port", "named", "asserts"),
    ("Police dismissed as baseless claims that the protest had been peaceful.",
     "dismissed", "the protest had been peaceful", "police", "named", "denies"),
    # The role's name set off by commas is the source, in either order.
    ("A spokesman for the union, Karl Weber, told reporters that the strike would go ahead.",
     "told", "the strike would go ahead", "Karl Weber", "named", "asserts"),
    ("Karl Weber, a spokesman for the union, said the strike would go ahead.",
     "said", "the strike would go ahead", "Karl Weber", "named", "asserts"),
    ("A spokesman for the Harbour Front, Ivo Rask, rejected the claim that the group had laid mines.",
     "rejected", "the group had laid mines", "Ivo Rask", "named", "denies"),  # the parser hangs the name on the body
    # "did not say when A happened and said B": the parser hangs "said" inside the open question.
    ("The ministry did not say when the raid happened and said three soldiers were wounded.",
     "said", "three soldiers were wounded", "ministry", "named", "asserts"),
    ("The agency did not say when the strike took place and said four civilians were killed.",
     "said", "four civilians were killed", "agency", "named", "asserts"),
    # "said A and denied B": A ends before the speaker's second act, which is a claim of its own.
    ("Police said two men were arrested at the port and denied that shots had been fired.",
     "said", "two men were arrested at the port", "police", "named", "asserts"),
    ("Police said two men were arrested at the port and denied that shots had been fired.",
     "denied", "shots had been fired", "police", "named", "denies"),
    # ... but a second verb in another tense belongs to A ("reveals she X and never told Y"), and a
    # cut second act leaves no dangling "and".
    ("The singer reveals she grew up in Lyon and never told her fans.",
     "reveals", "she grew up in Lyon and never told her fans", "singer", "named", "asserts"),
    ("Police said two men were arrested and later denied that shots had been fired.",
     "said", "two men were arrested", "police", "named", "asserts"),
    # "contradicting the account that ..." denies it, on behalf of the "according to" source.
    ("Nine people died in the fire, according to a nurse, contradicting the mayor's account that nobody was hurt.",
     "according", "Nine people died in the fire", "nurse", "named", "asserts"),
    ("Nine people died in the fire, according to a nurse, contradicting the mayor's account that nobody was hurt.",
     "contradicting", "nobody was hurt", "nurse", "named", "denies"),
    # A conjunct hung at the end of the fronted content, with the role's name after it.
    ("Four guards were hurt by stones and bottles, a prison spokeswoman, Lea Fink, said.",
     "said", "Four guards were hurt by stones and bottles", "Lea Fink", "named", "asserts"),
    # A date is not part of what is called for.
    ("The mayor called on Tuesday for an inquiry into the fire.",
     "called", "an inquiry into the fire", "mayor", "named", "asserts"),
    # A count put forward by its subject.
    ("Hospital officials put the death toll at more than 40 on Tuesday.",
     "put", "the death toll at more than 40", "hospital officials", "named", "asserts"),
    # A speaker the parser hung as an apposition at the end of the fronted content.
    ("The ferry is still at sea, a captain of the coast guard told Radio Lund on Monday.",
     "told", "The ferry is still at sea", "captain of the coast guard", "named", "asserts"),
    # A relative clause inside the source phrase is not part of the name.
    ("Nine people died in the fire, according to nurses at the Lund clinic, which was evacuated on Monday.",
     "according", "Nine people died in the fire", "nurses at the Lund clinic", "named", "asserts"),
    # Terms of speaking are no claim; the speaker still is the source of what follows.
    ("A nurse, who asked not to be named, told reporters that the ward had no power.",
     "told", "the ward had no power", "nurse", "named", "asserts"),
    # ", blaming ..." is the denier's own act, not part of what it denies.
    ("The ministry rejected reports that the army had shelled the school, blaming rebels for the fire.",
     "rejected", "the army had shelled the school", "ministry", "named", "denies"),
    ("The ministry rejected reports that the army had shelled the school, blaming rebels for the fire.",
     "blaming", "rebels for the fire", "ministry", "named", "asserts"),
    # Doubting a statement, or questioning a claim, opposes it as denying does.
    ("Engineers doubt that the Orvel dam was sabotaged.",
     "doubt", "the Orvel dam was sabotaged", "engineers", "named", "denies"),
    ("Voters doubted the senator's claim that the budget was balanced.",
     "doubted", "the budget was balanced", "voters", "named", "denies"),
    ("Voters questioned the senator's claim that the budget was balanced.",
     "questioned", "the budget was balanced", "voters", "named", "denies"),
]


@pytest.mark.parametrize("text,cue,content,name,kind,stance", ATTRIBUTIONS)
def test_attribution_patterns(nlp, text, cue, content, name, kind, stance):
    claim = _find(_claims(nlp, text), cue=cue)
    assert claim.text == content
    assert claim.source.name == name
    assert claim.source.kind == kind
    assert claim.stance == stance
    assert claim.cue.text == cue


def test_questioning_a_suspect_is_no_claim(nlp):
    claims = _claims(nlp, "Police questioned the suspect about the fire.")
    assert [(c.source.kind, c.text) for c in claims] == [("narrator", "Police questioned the suspect about the fire")]


@pytest.mark.parametrize("text", ["The blast claimed the lives of 14 people in the market.",
                                  "The floods have claimed 30 lives in the valley since Monday."])
def test_a_toll_that_claimed_lives_is_no_claim(nlp, text):
    claims = _claims(nlp, text)
    assert [(c.source.kind, c.text) for c in claims] == [("narrator", text.rstrip("."))]


def test_charging_a_crowd_is_no_accusation(nlp):
    claims = _claims(nlp, "The union said the march was calm until police charged the crowd.")
    assert [(c.source.name, c.text) for c in claims] == [("union", "the march was calm until police charged the crowd")]


def test_things_contradicting_each_other_are_no_denial(nlp):
    assert all(c.stance != "denies" for c in _claims(nlp, "The two casualty figures contradict each other."))


@pytest.mark.parametrize("text", [
    "The army said the road was open. Residents say otherwise.",
    "The army said the road was open, but residents said otherwise.",
])
def test_saying_otherwise_denies_the_claim_before(nlp, text):
    army, residents = _claims(nlp, text)
    assert (army.source.name, army.stance) == ("army", "asserts")
    assert (residents.source.name, residents.stance, residents.text) == ("residents", "denies", "the road was open")


def test_relative_pronoun_speaker_names_its_noun(nlp):
    text = "The plan was backed by Ana Ruiz, a farmer who said the new dam would save the harvest."
    claim = _find(_claims(nlp, text), cue="said")
    assert claim.text == "the new dam would save the harvest"
    assert claim.source.mention.text == "who"
    assert claim.source.kind == "pronoun"
    assert claim.source.name == "Ana Ruiz"


def test_colon_intro_frames_the_next_paragraph(nlp):
    text = "The spokesman added:\n\n“The convoy reached the city before dawn and nobody was hurt.”"
    claims = _claims(nlp, text)
    assert len(claims) == 1
    assert claims[0].text == "The convoy reached the city before dawn and nobody was hurt"
    assert claims[0].source.name == "spokesman"
    assert claims[0].cue.text == "added"


def test_round_up_quote_credited_on_next_line(nlp):
    text = "“The new bus line has changed my life completely.”\n― Maria Gonzalez\n\nThe line opened in May."
    claims = _claims(nlp, text)
    quote = claims[0]
    assert quote.text == "The new bus line has changed my life completely"
    assert quote.source.name == "Maria Gonzalez"
    assert claims[1].source.kind == "narrator"


def test_frame_only_sentence_attributes_the_quote_before_it(nlp):
    text = "“We will win this state and we will win it big.”\n\nThe senator said, looking out at the crowd."
    claims = _claims(nlp, text)
    assert len(claims) == 1
    assert claims[0].text == "We will win this state and we will win it big"
    assert claims[0].source.name == "senator" and claims[0].cue.text == "said"


def test_questions_give_no_claims_but_their_frames_can(nlp):
    text = "“The bridge is safe,” the engineer said, asking: “Why would anyone close it?”"
    claims = _claims(nlp, text)
    assert [c.text for c in claims] == ["The bridge is safe"]


def test_spans_are_exact_slices(nlp):
    text = "Officials said that “some 20 people” were hurt.\n\nThe river rose overnight, residents said."
    article = Article(id="t", text=text)
    for claim in extract_claims(article, nlp(text)):
        assert claim.text == text[claim.span.start:claim.span.end]
        assert claim.sentence.text == text[claim.sentence.start:claim.sentence.end]
        if claim.source.mention is not None:
            m = claim.source.mention
            assert m.text == text[m.start:m.end]
        if claim.cue is not None:
            assert claim.cue.text == text[claim.cue.start:claim.cue.end]


def test_mention_keeps_offsets_as_written(nlp):
    text = "The bridge is closed, an official with one of the regional transport agencies said."
    claim = _find(_claims(nlp, text), cue="said")
    assert claim.source.mention.text == "an official with one of the regional transport agencies"
    assert text[claim.source.mention.start:claim.source.mention.end] == claim.source.mention.text
    assert claim.source.name == "official with one of the regional transport agencies"


@pytest.mark.parametrize("text,cue,source,denier", [
    ("Local radio reported on Sunday that the militia had taken the airport, "
     "but this was denied by the defence ministry.", "reported", "local radio", "defence ministry"),
    # a second voice after "though" is cut from the first claim
    ("Local radio claimed that the militia had taken the airport, "
     "though the defence ministry denied it.", "claimed", "local radio", "defence ministry"),
])
def test_denial_of_previous_clause_is_a_second_claim(nlp, text, cue, source, denier):
    claims = _claims(nlp, text)
    first, second = _find(claims, cue=cue), _find(claims, cue="denied")
    assert first.text == "the militia had taken the airport"
    assert first.stance == "asserts" and first.source.name == source
    assert second.span == first.span
    assert second.stance == "denies"
    assert second.source.name == denier
    assert [c.id for c in claims] == [f"t#{n}" for n in range(1, len(claims) + 1)]
    assert claims.index(first) < claims.index(second)


@pytest.mark.parametrize("denial", [
    "The army said it was false.",
    "The army said the report was not true.",
    "The army said that never happened.",
    "The army dismissed it.",
])
def test_said_it_was_false_denies_the_previous_claim(nlp, denial):
    text = "A local newspaper reported that soldiers burned the market. " + denial
    claims = _claims(nlp, text)
    reported = _find(claims, cue="reported")
    denying = [c for c in claims if c.source.name == "army"]
    assert len(denying) == 1
    assert denying[0].stance == "denies"
    assert denying[0].span == reported.span


@pytest.mark.parametrize("reaction,denies", [
    ('"It was like, this can\'t be real," said a neighbour.', False),  # disbelief at the news
    ('"This could not be real," said a neighbour.', False),
    ('"It\'s just not real right now," said a neighbour.', False),
    ('"This never happened before," said a neighbour.', False),  # no precedent
    ('"We need to keep our children safe, this is ridiculous," said a neighbour.', False),  # her own words first
    ('"It didn\'t occur to me that anyone could be hurt," said a neighbour.', False),  # a thought
    ('"That is not true," said a neighbour.', True),  # a verdict on the report
    ('"That is ridiculous," said a neighbour.', True),
    ('"That never happened," said a neighbour.', True),
])
def test_disbelief_is_no_denial(nlp, reaction, denies):
    text = "Police said the bridge at Kalvo collapsed on Sunday. " + reaction
    claims = _claims(nlp, text)
    said = _find(claims, cue="said")
    neighbour = [c for c in claims if c.source.name == "neighbour"]
    assert any(c.stance == "denies" and c.span == said.span for c in neighbour) is denies


@pytest.mark.parametrize("text,reaches_back", [
    # a noun reaches back to the previous sentence's claim when that sentence names it or shares a word
    ("A local newspaper reported that soldiers burned the market. The army said the report was false.", True),
    ("Officials said the Orvel dam was repaired. Engineers at the Orvel dam said that story was false.", True),
    ("Rumours spread that the dam at Orvel had burst. Engineers said the rumours were false.", True),
    # ... but not across to an unrelated claim
    ("Residents said bread prices had doubled. Officials knew the story was false.", False),
    # a pronoun always does
    ("Residents said bread prices had doubled. Officials said it was false.", True),
])
def test_a_falsity_noun_refers_back_only_to_a_related_claim(nlp, text, reaches_back):
    first, *rest = _claims(nlp, text)
    [second] = rest
    assert second.source.kind == "named" and second.source.name != first.source.name
    assert (second.span == first.span and second.stance == "denies") is reaches_back
    if not reaches_back:  # the speaker's own words stay its claim
        assert second.stance == "asserts" and second.text.endswith("was false")


@pytest.mark.parametrize("denial", [
    "Rebels called the report a lie.",
    "Rebels called it a lie.",
    "Rebels described the statement as false.",
    "Rebels branded the claim a fabrication.",
    "Rebels dismissed the reports as baseless propaganda.",
    "Rebels rejected the claims as baseless.",  # "the claims": what the army said, no shared word needed
])
def test_calling_a_report_false_denies_what_it_reported(nlp, denial):
    text = "The army said the bridge at Kalvo was intact. " + denial
    claims = _claims(nlp, text)
    said = _find(claims, cue="said")
    [rebels] = [c for c in claims if c.source.name == "rebels"]
    assert rebels.stance == "denies" and rebels.span == said.span


@pytest.mark.parametrize("text,denial", [
    # a refusal or a case thrown out: nobody says a claim is false
    ("Kalvo was denied bond on a charge of arson on Monday.", False),
    ("The judge denied the motion for a new trial.", False),
    ("The assault charges were dismissed as part of the plea agreement.", False),
    ("The prosecutor dismissed the lawsuit against the mayor.", False),
    # "which" is the noun it hangs on, not the claim before: the order was dismissed, not the records' report
    ("Court records show Ana Ruiz took out a protective order against her husband. In the order, which was "
     "later dismissed, she said he had threatened her.", False),
    # a denial someone calls for is none yet; a "robbery-gone-wrong" calls nothing false
    ("\u201cNobody saw my client fire,\u201d the lawyer said, arguing that the judge should dismiss the charges.", False),
    ("Police said Ana Ruiz died at the scene. She was one of three people shot in the attack, which police have "
     "suggested was a robbery-gone-wrong.", False),
    # a thing refused as the passive subject: the clause before it is no denied claim
    ("Kalvo remains in the Tarrow County jail; bail has been denied.", False),
    ("He is still in custody and his request has been denied.", False),
    # ... or refused earlier in the sentence ("it" is the permit), a plan voted down, a judge's ruling
    ("Police said the organisers had applied for a permit for the party, but it was denied.", False),
    ("The council voted to reject a plan by the mayor to close the bridge at Kalvo.", False),
    ("Earlier in the week the council rejected a citywide, four-day curfew in Kalvo.", False),
    ("Judge Ana Ruiz dismissed the charges against Kalvo last year.", False),
    ("His lawyer will file a motion to dismiss on grounds that the evidence does not show the attack was planned.",
     False),
    # a denial of what someone said or did
    ("The ministry denied the charges of torture.", True),
    ("The mayor dismissed the charges as politically motivated.", True),
    ("Rebels denied that the town of Kalvo had fallen.", True),
    ("The ministry denied plans to close the Kalvo border crossing.", True),  # there are none: a denial
])
def test_a_refusal_is_no_denial(nlp, text, denial):
    assert ("denies" in {c.stance for c in _claims(nlp, text)}) is denial


@pytest.mark.parametrize("text,owner_claim", [
    ("The army said its jets had struck an arms depot outside Lorin. Amina Roy said 57 people were killed "
     "when the strike hit the hospital. She rejected the army's account.", "its jets had struck an arms depot"),
    ("The interior ministry accused opposition leaders of organising the violence. The opposition said the "
     "protest had been peaceful. Teo Brand called the ministry's accusation \"a lie to cover up murder\".",
     "opposition leaders of organising the violence"),
    ("The interior ministry accused opposition leaders of organising the violence. "
     "Teo Brand dismissed claims by the ministry as propaganda.", "opposition leaders of organising the violence"),
])
def test_a_denied_report_with_an_owner_is_the_owners_claim(nlp, text, owner_claim):
    """"X rejected the army's account" denies what the army said, not the sentence just before."""
    claims = _claims(nlp, text)
    [denial] = [c for c in claims if c.stance == "denies"]
    assert denial.text.startswith(owner_claim)
    owners = [c for c in claims if c.span == denial.span and c.stance == "asserts"]
    assert len(owners) == 1 and owners[0].source.name != denial.source.name


def test_a_denied_report_whose_owner_said_nothing_here_stays_as_written(nlp):
    text = "Amina Roy said 57 people were killed. She rejected the army's account."
    [said, denial] = _claims(nlp, text)
    assert denial.stance == "denies" and denial.text == "the army's account"


@pytest.mark.parametrize("text,content", [
    # doubting a telling "of" something doubts the telling, not that the thing happened
    ("Her brother questioned the police account of the stabbing.", "the police account of the stabbing"),
    ("The governor rejected the ministry's assessment of the flood damage.",
     "the ministry's assessment of the flood damage"),
    # reports "of" something report that it happened: denying them denies it
    ("The militia denied reports of a massacre near the dam.", "a massacre near the dam"),
    ("The lawyer disputed the official account that his client was armed.", "his client was armed"),
])
def test_what_a_denied_telling_is_about(nlp, text, content):
    [claim] = _claims(nlp, text)
    assert claim.stance == "denies" and claim.text == content


@pytest.mark.parametrize("text,content", [
    # the parser buries the falsity word in the reported clause; it is still what the verb calls it
    ("Comcast called the rumour that it disconnects Tor users wildly inaccurate.", "it disconnects Tor users"),
    ("The ministry called reports that the general had fled false.", "the general had fled"),
    ("The minister called the claim that rebels held the bridge completely untrue.", "rebels held the bridge"),
])
def test_calling_a_reported_clause_false_denies_the_clause(nlp, text, content):
    [claim] = _claims(nlp, text)
    assert claim.stance == "denies" and claim.text == content


@pytest.mark.parametrize("text", [
    "The company branded the phone a success.",  # naming something, no report in sight
    "Rebels did not call the report a lie.",
    "The ministry called reports that the general had fled not entirely false.",
    "Residents said bread prices had doubled. Officials knew the story was false.",  # no saying noun
])
def test_naming_without_calling_a_report_false_denies_nothing(nlp, text):
    assert all(c.stance == "asserts" for c in _claims(nlp, text))


def test_quote_only_sentence_gets_adjacent_speaker(nlp):
    text = ("“We are running out of bread,” said Amal Haddad, a baker in the old city. "
            "“Nobody has delivered flour for a week.”")
    claims = _claims(nlp, text)
    quote = next(c for c in claims if c.text.startswith("Nobody"))
    assert quote.source.name == "Amal Haddad"
    assert quote.source.kind == "named"


def test_multiple_attributions_give_one_claim_each(nlp):
    text = "“Any ceasefire is pointless,” the envoy said, claiming that rebels had fired 40 rockets."
    claims = _claims(nlp, text)
    said, claiming = _find(claims, cue="said"), _find(claims, cue="claiming")
    assert said.text == "Any ceasefire is pointless"
    assert claiming.text == "rebels had fired 40 rockets"
    assert said.source.name == claiming.source.name == "envoy"
    assert claiming.quantities[0].value == 40


def test_narrator_claims_and_skipped_lines(nlp):
    text = ("Storm hits coast\n\nAdvertisement\n\nBy Jane Doe\n\nHeavy rain flooded the harbour on Monday.\n\n"
            "Who will pay for the damage?\n\nRead more\n\nShare")
    article = Article(id="t", text=text, outlet="Coast Times", body_start=text.index("Advertisement"))
    claims = extract_claims(article, nlp(text))
    assert [c.text for c in claims] == ["Heavy rain flooded the harbour on Monday"]
    c = claims[0]
    assert c.source.kind == "narrator" and c.source.name == "Coast Times"
    assert c.source.mention is None and c.cue is None and c.stance == "asserts"
    assert c.id == "t#1" and c.article.outlet == "Coast Times"


def test_page_furniture_addressed_to_the_reader_is_no_claim(nlp):
    # scraped sign-up and video prompts inside a body (the gun-violence pool: one in eight articles)
    text = ("Heavy rain flooded the harbour on Monday. Whenever Jane Doe posts new content, you'll get an "
            "email delivered to your inbox with a link. Please enable JavaScript to watch this video. "
            "The mayor said the sea wall would be raised.")
    claims = extract_claims(Article(id="t", text=text, outlet="Coast Times"), nlp(text))
    assert [c.text for c in claims] == ["Heavy rain flooded the harbour on Monday", "the sea wall would be raised"]


# text, index of the pronoun claim's cue, expected kind, expected name
PRONOUNS = [
    ("Maria Lopez said prices would fall. She added that wages would rise.", "added", "pronoun", "Maria Lopez"),
    ("The finance ministry said taxes would rise. It added that wages would stay flat.",
     "added", "pronoun", "finance ministry"),
    ("Farmers said the harvest had failed. They told reporters that seed prices had doubled.",
     "told", "pronoun", "farmers"),
    # "It" right after a sentence whose subject is an organisation that said nothing: that organisation.
    ("The port authority closed the harbour on Monday. It said the cranes were unsafe.",
     "said", "pronoun", "port authority"),
    # A gendered pronoun is never put onto an organisation.
    ("The health ministry said the clinic would close. She added that staff would move.", "added", "unresolved", None),
    # Too far back: three sentences without any speaker in between.
    ("Ana Ruiz said the dam was safe. The river rose. Rain fell all week. Roads were closed. "
     "She said the village was ready.", "said", "unresolved", None),
    # "Mr. Ortiz" elsewhere in the article: "she" cannot be Ortiz.
    ("Mr. Ortiz chaired the session. Ortiz said the budget was approved. She added that cuts would follow.",
     "added", "unresolved", None),
    ("Ms. Okafor chaired the session. Okafor said the budget was approved. She added that cuts would follow.",
     "added", "pronoun", "Okafor"),
    # No speaker before, but the previous sentence's subject is a group of people: "They" are them.
    ("Relatives of the crew gathered at the harbour. They said the navy had sunk the boat.",
     "said", "pronoun", "relatives of the crew"),
    ("The trucks left the depot at dawn. They said the road was clear.", "said", "unresolved", None),
    # Two people in the previous sentence: "He" could be either, so it is left unresolved.
    ("Mr Kerry met Mr Lavrov on Friday. He said the talks had made progress.", "said", "unresolved", None),
    # The nearest speaker is an organisation: "He" must not be put onto it (nor skip past it).
    ("Mr Brown said the plan was sound. The ministry said the plan was expensive. "
     "He said the costs would fall.", "said", "unresolved", None),
]


# "The group said ...": a definite description of a kind of body refers back to the body named
# before; text, cue of the claim, expected kind and name.
DESCRIPTIONS = [
    ("The Harbour Workers Union said the port was closed. The group denied that ships had docked.",
     "denied", "pronoun", "Harbour Workers Union"),
    ("The transport ministry said the road was open. The ministry added that buses were running.",
     "added", "pronoun", "transport ministry"),
    # The nearest organisation, not an earlier one.
    ("The Harbour Workers Union said the port was closed. The Red Crescent said it was worried. "
     "The group said food was short.", "said", "pronoun", "Red Crescent"),
    # People are not "the group".
    ("Dockers at the port said the cranes had stopped. The group said wages were unpaid.",
     "said", "named", "group"),
    # Two ministries in the sentence before: it could be either, so it stays as written.
    ("The health ministry and the transport ministry said the road was open. The ministry added that "
     "buses were running.", "added", "named", "ministry"),
    # "the commander" is the commander named before; another role is not.
    ("A commander of the Vel Brigades said the bridge was held. The commander added that the army was lying.",
     "added", "pronoun", "commander of Vel Brigades"),
    ("A commander of the Vel Brigades said the bridge was held. The official added that the army was lying.",
     "added", "named", "official"),
    # "the governor" (or "The Governor") is the person named before with that title
    ("Governor Lena Ortiz said the bridge was closed. The governor added that the ferry was running.",
     "added", "pronoun", "Lena Ortiz"),
    ("For his part Orvia Governor Hussein Diab stressed that the school would be repaired. The Governor also "
     "said that the wounded were treated.", "said", "pronoun", "Hussein Diab"),
    ("Governor Lena Ortiz and Mayor Tom Baker said the bridge was closed. The governor added that the ferry "
     "was running.", "added", "named", "governor"),
]


@pytest.mark.parametrize("text,cue,kind,name", DESCRIPTIONS)
def test_described_speakers(nlp, text, cue, kind, name):
    claim = [c for c in _claims(nlp, text) if c.cue is not None and c.cue.text == cue][-1]
    assert claim.source.mention.text.lower().startswith("the ")
    assert (claim.source.kind, claim.source.name) == (kind, name)


@pytest.mark.parametrize("text,cue,kind,name", PRONOUNS)
def test_pronoun_speakers(nlp, text, cue, kind, name):
    claims = _claims(nlp, text)
    pron = [c for c in claims if c.cue is not None and c.cue.text == cue
            and c.source.mention is not None and c.source.mention.text.lower() in ("he", "she", "it", "they")][-1]
    assert pron.source.kind == kind
    assert (pron.source.name or "").lower() == (name or "").lower()  # case merges corpus-wide
    assert pron.source.mention.text.lower() in ("he", "she", "it", "they")


# A possessor pronoun ("its claim that ...") names its speaker as "it" would: resolved to the one
# compatible speaker before, never kept as a source called "its".
POSSESSORS = [
    ("The Lorin health ministry said 12 people died. Its claim that the hospital had closed was false.",
     "Its", "pronoun", "Lorin health ministry"),
    ("The Vel Brigades said the bridge was held. Their claim that the army had retreated could not be "
     "verified.", "Their", "pronoun", "Vel Brigades"),
    # no speaker before: unresolved, not named "its"
    ("Its claim that the hospital had closed was false.", "Its", "unresolved", None),
]


@pytest.mark.parametrize("text,possessor,kind,name", POSSESSORS)
def test_possessor_pronoun_speakers(nlp, text, possessor, kind, name):
    claim = next(c for c in _claims(nlp, text) if c.source.mention is not None and c.source.mention.text == possessor)
    assert (claim.source.kind, claim.source.name) == (kind, name)


@pytest.mark.parametrize("text,kind,name", [
    # a toll nobody is said to keep is the outlet's own report, not a source named "latest death toll"
    ("In Vesna 18 civilians have been killed according to the latest death toll.", "narrator", None),
    ("The death toll showed that 18 civilians were killed.", "narrator", None),
    # ... one kept by a body is that body's
    ("Eighteen civilians were killed, according to a toll by the Vesna Observatory.", "named", "Vesna Observatory"),
    ("Eighteen civilians were killed, according to a toll from the health ministry.", "named", "health ministry"),
    ("Eighteen civilians were killed, according to an Observatory toll.", "named", "Observatory"),
])
def test_a_toll_is_no_speaker(nlp, text, kind, name):
    claim = next(c for c in _claims(nlp, text) if "18" in c.text or "Eighteen" in c.text)
    assert (claim.source.kind, claim.source.name if kind == "named" else None) == (kind, name)


def test_title_sentences_give_no_claims(nlp):
    text = "Rebels say the town has fallen\n\nThe army said the town was still under its control."
    claims = _claims(nlp, text, body_start=text.index("The army"))
    assert len(claims) == 1
    assert claims[0].source.name == "army"


@pytest.mark.parametrize("title, body, expected", [
    # a body that states nothing (a sign-up page, a paywall, nothing at all): the headline is the claim
    ("Two men shot outside Riverside bar", "Already a subscriber?\n\nClick on the button below to set up your account or log in.",
     ["Two men shot outside Riverside bar"]),
    ("Police say the bridge fire was arson", "", ["the bridge fire was arson"]),
    # a body with claims of its own keeps the headline out
    ("Two men shot outside Riverside bar", "Two men were shot outside the Riverside bar on Friday, police said.",
     ["Two men were shot outside the Riverside bar on Friday"]),
])
def test_headline_is_the_claim_only_when_the_body_states_none(nlp, title, body, expected):
    text = f"{title}\n\n{body}"
    claims = _claims(nlp, text, title=title, body_start=len(title) + 2)
    assert [c.text for c in claims] == expected
    assert all(text[c.span.start:c.span.end] == c.text for c in claims)


def test_a_headline_claim_is_the_first_line_only(nlp):
    """The body is its header date (the date reader moved ``body_start`` past it): the claim is the
    headline line, not the header under it."""
    text = "Strikes kill 12 civilians in Dunmore\n\nStrikes kill 12 civilians in Dunmore AFP Sunday 26 Nov 2017"
    claims = _claims(nlp, text, title=text.split("\n")[0], body_start=len(text))
    assert [(c.span.start, c.span.end) for c in claims] == [(0, text.index("\n"))]


def test_extraction_is_deterministic(nlp):
    text = "The mayor said the bridge was closed. “It will reopen soon.” Residents denied that."
    doc = nlp(text)
    article = Article(id="t", text=text)
    assert extract_claims(article, doc) == extract_claims(article, doc)


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="seed article not available")
def test_seed_article_ramousah_claim_and_its_denial(nlp):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    claims = extract_claims(Article(id="seed", text=text), nlp(text))
    tv = [c for c in claims if "Ramousah" in c.text and c.source.name == "Syrian state television"]
    assert len(tv) == 1
    assert tv[0].stance == "asserts" and tv[0].cue.text == "reported"
    assert not tv[0].text.startswith("that ")
    denial = [c for c in claims if c.stance == "denies" and c.span == tv[0].span]
    assert len(denial) == 1
    assert denial[0].source.name == "rebels"
    assert denial[0].cue.text == "denied"


def test_participle_frame_belongs_to_the_main_speaker(nlp):
    text = ("The opposition coalition denied that the army had secured the Kessel road, "
            "saying rebel units still controlled the bridge.")
    claims = _claims(nlp, text)
    denial = _find(claims, cue="denied")
    assert (denial.text, denial.stance) == ("the army had secured the Kessel road", "denies")
    saying = _find(claims, cue="saying")
    assert (saying.source.name, saying.text) == ("opposition coalition", "rebel units still controlled the bridge")


def test_sentence_initial_capital_is_not_part_of_the_name(nlp):
    first = _find(_claims(nlp, "State television said the dam was repaired."), cue="said")
    later = _find(_claims(nlp, "On Monday, state television said the dam was repaired."), cue="said")
    assert first.source.name == later.source.name == "state television"


# A one-line article (a headline or feed item): verbless headlinese still states something.
HEADLINES = [
    ("Third boob likely a hoax", True),
    ("Sugarhill Gang rapper Big Bank Hank dead at 57", True),
    ("Apple May Buy Social Network Path", True),
    ("Giant Crab", False),
]


@pytest.mark.parametrize("text,is_claim", HEADLINES)
def test_one_line_headlines(nlp, text, is_claim):
    claims = _claims(nlp, text)
    assert bool(claims) == is_claim
    if is_claim:
        assert claims[0].source.kind == "narrator" and claims[0].text == text
        assert claims[0].stance == "asserts"


# A headline that only asks is kept as the outlet's question: the whole line, cue on the "?".
QUESTION_HEADLINES = [
    "Is this the oldest burger in the world?",
    "Has the Orvel dam really collapsed?",
    "Was the Kessel ambush video a hoax? Probably not",
    "Orvel mayor dead?",
]


@pytest.mark.parametrize("text", QUESTION_HEADLINES)
def test_question_headline_is_a_question_claim(nlp, text):
    claims = _claims(nlp, text)
    assert len(claims) == 1
    q = claims[0]
    assert (q.stance, q.source.kind, q.text, q.sentence.text) == ("questions", "narrator", text, text)
    assert q.cue.text == "?" and text[q.cue.start:q.cue.end] == "?"


def test_questions_inside_articles_are_not_claims(nlp):
    text = "Dam holds after storm\n\nIs the Orvel dam safe? Engineers said the dam held overnight."
    claims = _claims(nlp, text)
    assert all(c.stance == "asserts" and "?" not in c.text for c in claims)
    assert "the dam held overnight" in [c.text for c in claims]


def test_question_headline_with_an_answer_keeps_the_answer(nlp):
    # a headline that asks and then states is read by its statement, not as a question
    claims = _claims(nlp, "Orvel dam collapsed? Officials say the dam is intact")
    assert claims and all(c.stance != "questions" for c in claims)


def test_verbless_lines_inside_articles_are_not_claims(nlp):
    text = "The council said the school would reopen.\n\nA still from the video of the ceremony.\n"
    assert [c.text for c in _claims(nlp, text)] == ["the school would reopen"]


# Attribution cues beyond reporting verbs (PolNeAR-style): noun cues, mis-tagged verbs, viewpoint and
# medium phrases, parser-error recovery. text, cue, expected content, source name, kind.
WIDER_CUES = [
    # a present-tense speech verb the tagger may read as a plural noun
    ("Senator Brown claims that the budget is balanced.", "claims", "the budget is balanced", "Brown", "named"),
    # possessive speech-act / intent nouns
    ("Voters doubted the senator's claim that the budget was balanced.",
     "claim", "the budget was balanced", "senator", "named"),
    ("The governor's decision to close the schools angered many parents.",
     "decision", "to close the schools", "governor", "named"),
    # an intent noun with a "from" agent
    ("The vote followed a pledge from Senator Ortiz to block the bill.", "pledge", "to block the bill", "Ortiz", "named"),
    # viewpoint and medium phrases opening the sentence
    ("In the judge's view, the law is unclear on this point.", "view", "the law is unclear on this point", "judge", "named"),
    ("In an interview, the coach was upbeat about the new season.",
     "interview", "the coach was upbeat about the new season", "coach", "named"),
    # "that" clause hung as an adverbial clause after a time phrase
    ("The mayor tweeted on Sunday night that the parade was cancelled.",
     "tweeted", "the parade was cancelled", "mayor", "named"),
    # a speech verb whose object is what was expressed
    ("The union leader stressed the need for new talks with the company.",
     "stressed", "the need for new talks with the company", "union leader", "named"),
    # the fronted phrase's noun is no subject: the comma-separated name is
    ("To explain the old ruling, Judge Maria Lopez said, the court looked at history.",
     "said", "the court looked at history", "Maria Lopez", "named"),
    # object control: the one forced to admit is the one who admits
    ("The panel forced the minister to admit that the figures were wrong.",
     "admit", "the figures were wrong", "minister", "named"),
    # "as X feared" frames with cognition verbs
    ("As many economists feared, prices rose sharply in March.",
     "feared", "prices rose sharply in March", "many economists", "named"),
]


@pytest.mark.parametrize("text,cue,content,name,kind", WIDER_CUES)
def test_wider_attribution_cues(nlp, text, cue, content, name, kind):
    claim = _find(_claims(nlp, text), cue=cue)
    assert claim.text == content
    assert claim.source.name == name
    assert claim.source.kind == kind
    assert text[claim.source.mention.start:claim.source.mention.end] == claim.source.mention.text


@pytest.mark.parametrize("text", [
    "A port spokesman declined to comment on the missing containers.",
    "The ministry refused to confirm that the border had been closed.",
    "The mayor would not say whether the bridge had reopened.",
    "The company asked if the permit had been granted.",
    "The minister did not deny that the talks had failed.",
    "The nurse, who asked not to be named, left the ward.",
    "The official spoke on condition of anonymity.",
    "The ministry refused to confirm or deny reports that the general had been arrested.",
    "The ministry would neither confirm nor deny that the general had been arrested.",
    "The ministry did not confirm or deny the report.",
    "No government agency confirms that ten fighters were caught at the border.",
    "Nobody has confirmed that the general fled.",
    "Few doubt that the army took the town.",
    "There is no evidence to suggest that the general fled.",
    "There is nothing to indicate that the general fled.",
    "The ministry has no credible intelligence to suggest that rebels are crossing the border.",
])
def test_withheld_speech_and_questions_attribute_no_claim(nlp, text):
    """Nobody put anything forward: at most the narrator's report that they did not."""
    assert all(c.source.kind == "narrator" for c in _claims(nlp, text))


@pytest.mark.parametrize("text,content", [
    ("The navy said on Sunday it had stopped a ferry near the cape.", "it had stopped a ferry near the cape"),
    ("The navy said late on Sunday night it had stopped a ferry.", "it had stopped a ferry"),
    ("The navy said the ferry would sail on Sunday.", "the ferry would sail on Sunday"),
])
def test_date_of_the_speech_is_not_content(nlp, text, content):
    assert _find(_claims(nlp, text), cue="said").text == content


def test_body_speaks_in_a_relative_clause(nlp):
    text = "The report was denied by the dockers' union, which said the ship had been unloaded."
    claim = _find(_claims(nlp, text), cue="said")
    assert claim.text == "the ship had been unloaded"
    assert claim.source.name == "dockers union"


@pytest.mark.parametrize("text", [
    "Voters feared the senator's claim that the budget was balanced.",
    "The union leader stressed the need for new talks with the company.",
])
def test_noun_and_object_cues_keep_the_narrators_sentence(nlp, text):
    claims = _claims(nlp, text)
    assert claims[0].source.kind == "narrator" and claims[0].text == text.rstrip(".")
    assert any(c.source.kind == "named" for c in claims[1:])


def test_possessor_mention_drops_a_glued_headline_verb(nlp):
    text = "Health ministry REJECTS governor's claim that the clinic had run out of vaccines"
    claim = _find(_claims(nlp, text), cue="claim")
    assert claim.source.mention.text == "governor" and claim.text == "the clinic had run out of vaccines"


@pytest.mark.parametrize("text,content", [
    # a quotation opening the sentence and running on: the speech inside it is the quoted speaker's
    ("“Officials said the bridge was safe. It was not,” the engineer said.", "Officials said the bridge was safe"),
    # doubled straight quotes (''...''): the second sentence starts inside the quote, which closes before the frame
    ("''The plan is sound. It will work,'' Dr. Reyes said of the proposal.", "It will work"),
])
def test_quotation_running_over_sentences(nlp, text, content):
    claims = _claims(nlp, text)
    claim = next(c for c in claims if c.text == content)
    assert claim.source.name in ("engineer", "Reyes")
    assert all(c.source.name != "officials" for c in claims)


# spaCy cuts Title Case headlines into pieces; the outlet's own pieces with no full stop between
# them are one statement, while separate sentences and attributed claims stay apart.
HEADLINE_PIECES = [
    ("Orvel Mayor Quietly Signed The Dam Contract To Please Investors",
     ["Orvel Mayor Quietly Signed The Dam Contract To Please Investors"]),
    ("Kessel Rebels Abandon Bridge Right Before The Army Arrives",
     ["Kessel Rebels Abandon Bridge Right Before The Army Arrives"]),
    ("The army took the town. Rebels retreated to the hills.",
     ["The army took the town", "Rebels retreated to the hills"]),
]


@pytest.mark.parametrize("text,contents", HEADLINE_PIECES)
def test_headline_pieces_are_one_statement(nlp, text, contents):
    claims = _claims(nlp, text)
    assert [c.text for c in claims] == contents
    assert [c.id for c in claims] == [f"t#{n}" for n in range(1, len(claims) + 1)]
    for c in claims:
        assert text[c.span.start:c.span.end] == c.text


def test_one_line_article_is_read_as_one_sentence(nlp):
    text = "HOAX: Officials deny that the dam at Orvel collapsed"
    claims = _claims(nlp, text)
    assert claims and all((c.sentence.start, c.sentence.end) == (0, len(text)) for c in claims)
    denial = _find(claims, cue="deny")
    assert (denial.text, denial.stance) == ("the dam at Orvel collapsed", "denies")


@pytest.mark.parametrize("dateline", [
    "SABRAN, Qadira (Meridian Press) - ",
    "WASHINGTON/SABRAN (Meridian Press) - ",
    "TAL RUWAQ, March 3 (QNA): ",
    "ORVEL, Minn. \u2014 ",
    "WEST HARBIN -- ",
])
def test_a_lede_loses_its_dateline(nlp, dateline):
    # the same dateline shapes the loader reads the outlet from are trimmed off a narrator's lede
    text = "Dam repairs begin\n\n" + dateline + "Engineers began repairing the Orvel dam on Monday."
    body = text.index(dateline)
    [claim] = [c for c in _claims(nlp, text) if c.span.start >= body]
    assert (claim.source.kind, claim.text) == ("narrator", "Engineers began repairing the Orvel dam on Monday")
    assert claim.sentence.text.startswith("Engineers")
    # an attributed lede too: the frame goes, and the dateline with it
    said = text.replace("Engineers began", "Engineers have begun").replace(" on Monday.", " on Monday, officials said.")
    [claim] = [c for c in _claims(nlp, said) if c.span.start >= body]
    assert (claim.source.name, claim.text) == ("officials", "Engineers have begun repairing the Orvel dam on Monday")


def test_a_denial_joined_to_a_confirmation_still_denies(nlp):
    claims = _claims(nlp, "The ministry confirmed the strike but denied that civilians were hit.")
    assert _find(claims, cue="denied").stance == "denies"
    assert _find(claims, cue="denied").text == "civilians were hit"


@pytest.mark.parametrize("text,source,content", [
    ("Col. Ana Ruiz could not confirm the deaths and said the convoy had not been targeted.",
     "Ana Ruiz", "the convoy had not been targeted"),  # "and said": she did say this
    ("Kurdish sources have denied to the Journal and other outlets that the volunteer was captured.",
     "Kurdish sources", "the volunteer was captured"),  # the clause the parser hung on the addressee
    ("The interior ministry on Wednesday said the border crossing was open.",
     "interior ministry", "the border crossing was open"),  # the date is not part of the source
])
def test_frame_parts_the_parser_misplaces(nlp, text, source, content):
    [claim] = [c for c in _claims(nlp, text) if c.source.kind == "named"]
    assert (claim.source.name, claim.text) == (source, content)


@pytest.mark.parametrize("text,asserted", [
    ("State television said the army had taken the hill, a claim rebels denied.", True),
    ("The army said it had retaken the town, a report the rebels denied.", True),
    ("A congressman said ten fighters were caught at the border, a claim the ministry said was false.", True),
    ("The army said it had retaken the town, a report that could not be verified.", False),
])
def test_a_trailing_comment_on_a_claim_is_not_part_of_it(nlp, text, asserted):
    """", a claim rebels denied": the comment is cut from the claim, and its denier denies the claim."""
    claims = _claims(nlp, text)
    first = claims[0]
    assert "," not in first.text and first.stance == "asserts"
    denials = [c for c in claims if c.stance == "denies"]
    assert bool(denials) is asserted
    for d in denials:
        assert d.span == first.span and d.source.name in ("rebels", "ministry")


def test_a_report_called_false_in_a_parenthetical_frame_is_denied(nlp):
    text = ("Militants crossed the border, a congressman said. "
            "Claims that militants had crossed the border were false, the minister said.")
    [minister] = [c for c in _claims(nlp, text) if c.source.name == "minister"]
    assert minister.stance == "denies" and minister.text == "militants had crossed the border"


def test_a_denial_inside_a_report_does_not_deny_that_report(nlp):
    text = "Local radio reported Kurdish sources denying the claims, saying the volunteer was safe."
    claims = _claims(nlp, text)
    radio = _find(claims, cue="reported")
    [denial] = [c for c in claims if c.stance == "denies"]
    assert denial.source.name == "Kurdish sources" and denial.span != radio.span


# text, cue, source name, affiliation (issue 14: the name is the name; the mention stays as written)
NAMED_SOURCES = [
    # two speakers are one group source of one claim, each name cut to the name (README: Two speakers)
    ("US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov said the truce would begin on "
     "Monday.", "said", "John Kerry and Sergei Lavrov", None),
    ("Rami Abdel Rahman, head of the Observatory, said 12 people were killed.", "said", "Rami Abdel Rahman",
     "Observatory"),
    ("A spokesman for the interior ministry said the road was closed.", "said",
     "spokesman for the interior ministry", "interior ministry"),
    ("Russian Defence Ministry spokesman Igor Konashenkov said the convoy had been hit.", "said",
     "Igor Konashenkov", "Russian Defence Ministry"),
]


@pytest.mark.parametrize("text,cue,name,affiliation", NAMED_SOURCES)
def test_source_names_and_affiliations(nlp, text, cue, name, affiliation):
    claims = _claims(nlp, text)
    assert len([c for c in claims if c.cue is not None and c.cue.text == cue]) == 1  # one claim, one source
    claim = _find(claims, cue=cue)
    assert (claim.source.name, claim.source.affiliation) == (name, affiliation)
    m = claim.source.mention
    assert text[m.start:m.end] == m.text and name.split()[-1] in m.text  # the words as written


def test_the_monitor_is_the_body_named_before(nlp):
    text = ("The Syrian Observatory for Human Rights said 12 people died in the strike.\n\n"
            "The monitor said the toll would rise.")
    claim = _find(_claims(nlp, text), cue="said", kind="pronoun")
    assert (claim.source.name, claim.source.mention.text) == ("Syrian Observatory for Human Rights", "The monitor")


@pytest.mark.parametrize("text", [
    "Nothing suggests that the army entered the town.",
    "No deaths were confirmed by the ministry.",
])
def test_speech_by_nobody_has_no_speaker(nlp, text):
    assert all(c.source.kind == "narrator" for c in _claims(nlp, text))


@pytest.mark.parametrize("text,mention,name", [
    ("Rami Abdel Rahman, head of the Observatory, said 12 people were killed.",
     "Rami Abdel Rahman, head of the Observatory", "Rami Abdel Rahman"),
    ("Sen. Lindsey Graham (R-S.C.) said the bill would pass.", "Sen. Lindsey Graham (R-S.C.)", "Lindsey Graham"),
    ("FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton said the plan would work.",
     "Former President Bill Clinton", "Bill Clinton"),
])
def test_the_mention_is_the_source_phrase_as_written(nlp, text, mention, name):
    claim = _find(_claims(nlp, text), cue="said")
    m = claim.source.mention
    assert (m.text, text[m.start:m.end], claim.source.name) == (mention, mention, name)


def test_a_long_article_without_line_breaks_is_not_a_headline(nlp):
    """An article that lost its line breaks (as FA-KES's texts did) is read sentence by sentence: each
    claim's sentence is its own, not the whole text; a short one-line headline stays one utterance."""
    body = ("Government jets struck the village of Kafr Hamra on Saturday, the civil defence said. "
            "The interior ministry said 12 people were killed in the strike. "
            "Rebels said they had repelled an attack on the town of Tal Ruwaq after two days of clashes. "
            "The army denied that its artillery had shelled the market in Sabran. "
            "A UN envoy called on both sides to allow aid convoys into the besieged districts of the city. ") * 2
    assert "\n" not in body and len(body) > 500
    claims = _claims(nlp, body.strip())
    assert len(claims) >= 5
    assert all(len(c.sentence.text) < 200 for c in claims), [c.sentence.text for c in claims]
    assert all(c.sentence.start <= c.span.start and c.span.end <= c.sentence.end for c in claims)
    headline = _claims(nlp, "Rebels say Tal Ruwaq still held: army claims it has fallen")
    assert headline and all(c.sentence.start == 0 and c.sentence.end > 50 for c in headline)
