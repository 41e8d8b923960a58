"""Verb cues: a reporting verb and what it frames -- its source, its content and whether the source
asserts or denies it ("X said that A", "A, X said", "X denied reports that A", "X called it a
lie", "Residents say otherwise"). Speech that did not happen ("declined to comment", "nobody has
confirmed") and terms of speaking ("asked not to be named") frame nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.extract.attribution import _Attr
from claimcheck.extract.complements import (
    _after_date_phrase, _as_frame_content, _before_participle_frame, _object_content, _parenthetical_content,
    _report_complement, _rest_after_cue, _that_adverbial, _trailing_frame_content, _unpunctuated_frame,
)
from claimcheck.extract.denials import (
    _calls_false, _is_falsity, _owner, _previous_content, _referent_content, _report_named_in_subject,
    _trailing_falsity,
)
from claimcheck.extract.lexicon import (
    CLAUSE_VERBS, DENY_VERBS, _FIRST_SECOND, LABEL_VERBS, _LEGAL_NOUNS, _PROPOSAL_NOUNS, _REFUSED_NOUNS, _NOT_SOURCE, OBJECT_VERBS, _PERSON_NOUNS, _REFERRING,
    _REPORT_NOUNS, REPORT_VERBS, _REPORTED_NOUNS, _SPEAKER_NOUNS, SPEECH_VERBS, _STANCE_OBJECT_VERBS, _WITHHOLDING,
)
from claimcheck.extract.lost_comma import before_adverbs
from claimcheck.extract.mentions import (
    _claims_lives, _dateline_like, _mention, _role_appositive, _source_of, _trailing_speaker, _whole_words,
)
from claimcheck.extract.spans import _inside_quote, _trim_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.tokens import Span as SpacySpan


def _cue_attribution(cue: "Token", sent: "SpacySpan", earlier: list[_Attr],
                     prev: tuple[int, int] | None, opened: bool = False) -> _Attr | None:
    """The cue's frame as parsed, or, where the text lost the comma before a closing frame ("...
    on Saturday a monitor said") and the parse did not find its speaker right before the cue, the
    content before the speaker phrase and that phrase (:func:`complements._unpunctuated_frame`)."""
    attr = _parsed_attribution(cue, sent, earlier, prev, opened)
    if _inside_quote(sent, cue, opened) or _withheld(cue) or _anonymity(cue):
        return attr
    lost = _unpunctuated_frame(cue, sent)
    if lost is None:
        return attr
    content, start, head = lost
    doc = sent.doc
    if attr is not None and attr.source is not None and not _lost_inside(attr.source, start, cue):
        return attr
    if head.lower_ in _FIRST_SECOND or (attr is None and head.lower_ in _NOT_SOURCE - {"it"}):
        return attr
    return _Attr(content, cue, doc[slice(*_whole_words(doc, start, before_adverbs(doc, cue, start)))], head)


def _refusal(cue: "Token", dobj: "Token | None") -> bool:
    """Does a denial verb refuse a thing ("denied him bail", "was denied bond") or throw out a case
    ("dismissed the lawsuit", "the charges were dismissed as part of a plea deal": not dismissed
    *as* false)?"""
    subjpass = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    objects = [c for c in cue.children if c.dep_ in ("dobj", "dative", "npadvmod", "attr")]
    refused = _REFUSED_NOUNS | (_PROPOSAL_NOUNS if cue.lemma_.lower() != "deny" else frozenset())
    if any(c.lemma_.lower() in refused for c in objects) or (dobj is not None and subjpass is not None):
        return True
    # "as baseless" (on the verb, or on the clause after it: "as politically motivated"), not "as part of a deal"
    labelled = any(c.lower_ == "as" and not any(p.lemma_.lower() in ("part", "result") for p in c.children)
                   for c in cue.subtree if c.head == cue or c.head.head == cue)
    if dobj is not None and dobj.lemma_.lower() in _LEGAL_NOUNS:
        # "dismissed the lawsuit", a judge "dismissed the charges"; "denied the charges" and "dismissed
        # the charges as baseless" call them false
        return dobj.lemma_.lower() != "charge" or (cue.lemma_.lower() in ("dismiss", "drop") and not labelled)
    return subjpass is not None and subjpass.lemma_.lower() in _LEGAL_NOUNS and not labelled


def _refused_subject(cue: "Token") -> bool:
    """Is the passive subject a thing refused ("he remains in jail; bail has been denied"; "they applied
    for a permit but it was denied": "it" is the permit)? The clause the parser hangs on the verb then
    is no content it denies, nor is the claim before."""
    subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    return subj is not None and (subj.lemma_.lower() in _REFUSED_NOUNS or subj.lower_ == "it" and any(
        t.lemma_.lower() in _REFUSED_NOUNS for t in cue.doc[cue.sent.start:subj.i]))


def _lost_inside(source: "SpacySpan", start: int, cue: "Token") -> bool:
    """Is the parse's source not the phrase right before the cue, or one that swallowed the end of
    the content ("at least 25 members of the Nusra Front the Observatory said")?"""
    if source.end != before_adverbs(source.doc, cue, source.start):
        return True
    doc = source.doc  # a lost-comma apposition only when it opens with a determiner ("the Observatory")
    return source.start < start and doc[start].lower_ in ("the", "a", "an") and doc[start - 1].pos_ in (
        "NOUN", "PROPN", "NUM", "ADJ")


def _parsed_attribution(cue: "Token", sent: "SpacySpan", earlier: list[_Attr],
                        prev: tuple[int, int] | None, opened: bool = False) -> _Attr | None:
    doc = sent.doc
    lemma = cue.lemma_.lower()
    deny = lemma in DENY_VERBS or (lemma == "question" and any(  # "questioned the claim that", not a suspect
        c.dep_ == "dobj" and c.lemma_.lower() in _REPORT_NOUNS for c in cue.children))
    # what "it" / "the claims" may refer to: earlier claims, not the one whose content holds this cue
    # ("Radio reported sources denying the claims": the radio's report is not what the sources deny)
    before = [a for a in earlier if not a.content[0] <= cue.idx < a.content[1]]
    stance = "denies" if deny else "asserts"
    if _inside_quote(sent, cue, opened):
        return None  # "I think" inside somebody's quotation belongs to the quote
    if _withheld(cue) or _anonymity(cue):
        return None  # "declined to comment", "asked not to be named": nothing was claimed
    if deny and any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought", "might", "may") for c in cue.children):
        return None  # "arguing that the judge should dismiss the charges": a call for a denial, not one
    if deny and cue.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return None  # "a motion to dismiss", "a plan to reject the offer": what a thing is for
    comp = next((c for c in cue.children if c.dep_ in ("ccomp",) and sent.start <= c.i < sent.end), None)
    if comp is not None and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in comp.children):
        return None  # "asked whether the town had fallen": a question, not a claim
    if comp is None and lemma in SPEECH_VERBS | CLAUSE_VERBS:
        comp = _that_adverbial(cue, sent)
    dobj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if dobj is None and lemma in LABEL_VERBS:  # "called reports that ... false": the parser makes it oprd
        dobj = next((c for c in cue.children if c.dep_ == "oprd" and c.lemma_.lower() in _REPORT_NOUNS), None)
    tail = _trailing_falsity(cue) if lemma in LABEL_VERBS else None
    rumoured = None  # "calls rumor that it disconnects users wildly inaccurate": the clause is the rumour's
    if tail is not None and dobj is not None and dobj.lemma_.lower() in _REPORT_NOUNS and comp is not None:
        first = comp.left_edge.i + (doc[comp.left_edge.i].lower_ == "that")  # parsed as an object at times
        rumoured, comp = _trim_tokens(doc, first, tail.i), None
    if deny and (comp is None and _refusal(cue, dobj) or _refused_subject(cue)):
        return None  # "Reid was denied bond", "the charges were dismissed": a refusal, not a denial
    if lemma == "charge" and comp is None and not any(c.dep_ == "prep" and c.lower_ == "with" for c in cue.children):
        return None  # "police charged the crowd": an act, not an accusation ("charged X with Y")
    if comp is None and _claims_lives(cue):
        return None
    if lemma == "question" and not deny and comp is None:
        return None  # "police questioned the suspect": an interrogation, not a claim
    if lemma == "contradict" and (dobj is None or dobj.lemma_.lower() not in _REPORT_NOUNS):
        return None  # only "contradicted reports / the account that ...": "the figures contradict each other"
    if (comp is not None and dobj is not None and dobj.i < comp.i and lemma in OBJECT_VERBS and lemma != "tell"
            and dobj.pos_ != "PRON" and not any(m.dep_ == "mark" for m in comp.children)):
        comp = None  # "reported the heaviest bombardment ..., in a clear sign X had ...": the object is the content
    content: tuple[int, int] | None = None
    named = _report_named_in_subject(cue) if deny else None  # "a claim rebels denied", see below
    owner = None  # "the army's account": resolved to the army's last claim once speakers are known
    speaker = None  # "X holds the bridge, a commander told ...": see _trailing_speaker
    subjpass = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)

    if comp is not None:
        if _is_falsity(comp):
            # "X said it was false": a denial of what the referent says.
            ref = _referent_content(comp, before, prev)
            if ref is not None:
                content, stance = ref, "denies"
        speaker = _trailing_speaker(cue, comp) if content is None else None
        if speaker is not None:
            content = _trim_tokens(doc, comp.left_edge.i, speaker.left_edge.i - 1)
        if content is None:
            content = _trim_tokens(doc, _after_date_phrase(cue, comp), _before_participle_frame(comp) + 1)
    elif deny and subjpass is not None and subjpass.lower_ in _REFERRING and not (
            cue.dep_ == "relcl" and cue.head.lemma_.lower() not in _REPORTED_NOUNS):
        # "..., but this was denied by X"; not "the order, which was later dismissed": the order itself
        content = _previous_content(before, prev)
    elif lemma in SPEECH_VERBS and any(c.dep_ == "advmod" and c.lower_ == "otherwise" for c in cue.children):
        content, stance = _previous_content(before, prev), "denies"  # "Residents say otherwise"
    elif dobj is not None and ((deny and (dobj.lower_ in _REFERRING or dobj.lemma_.lower() in _REPORTED_NOUNS))
                               or _calls_false(cue, dobj, tail)):
        # "X rejected reports that ...", "Rebels called the report a lie": a denial of what it names
        stance = "denies"
        content = rumoured or _report_complement(dobj) or _previous_content(before, prev, dobj)
        if content is not None and tail is not None and content[0] < tail.idx < content[1]:
            content = _trim_tokens(doc, doc.char_span(*content, alignment_mode="expand").start, tail.i)
        if content is None and dobj.lower_ not in _REFERRING:
            content = _trim_tokens(doc, dobj.left_edge.i, dobj.right_edge.i + 1)
            owner = _owner(dobj)
    elif cue.dep_ == "relcl" and deny and cue.head.lemma_.lower() in _REPORT_NOUNS:
        content = _previous_content(before, prev, cue.head)  # "..., a claim rebels denied"
    elif comp is None and dobj is None and named is not None:
        content = _previous_content(before, prev, named)  # the same, parsed as "[a claim rebels] denied"
    if lemma in LABEL_VERBS - REPORT_VERBS and stance != "denies":
        return None  # "branded the phone a success": only calling something false is a report here
    via_object = False
    if content is None and comp is None and lemma in OBJECT_VERBS:
        content = _object_content(cue, dobj)
        via_object = content is not None
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        if content is None and subjpass is not None and agent is not None and subjpass.lower_ not in _REFERRING:
            content = _trim_tokens(doc, subjpass.left_edge.i, subjpass.right_edge.i + 1)  # "X is backed by Y"
    if content is None and comp is None and lemma in CLAUSE_VERBS:
        content = _as_frame_content(cue, sent)  # "as many economists feared, ..."
    if content is None and comp is None and lemma in SPEECH_VERBS:
        content = (_as_frame_content(cue, sent) or _parenthetical_content(cue, sent)
                   or _trailing_frame_content(cue, sent) or _rest_after_cue(cue, sent))
        clause = doc.char_span(*content, alignment_mode="expand") if content is not None else None
        if clause is not None and not deny and _is_falsity(clause.root):
            # "Claims that X were false, he said": a denial of X, as with "he said claims that X were false"
            ref = _referent_content(clause.root, before, prev)
            if ref is not None:
                content, stance = ref, "denies"
    if content is None:
        return None
    source, head = _source_of(cue, sent)
    if named is not None and source is not None and named.i + 1 < source.end:
        source = doc[named.i + 1:source.end]  # "a claim rebels denied": the source is "rebels"
    if speaker is not None:
        speaker = _role_appositive(speaker) or speaker  # "a police spokeswoman, Dana Mirek,"
        source, head = _mention(speaker), speaker
    if lemma == "continue" and not (head is not None and (head.pos_ in ("PROPN", "PRON")
                                                          or head.lemma_.lower() in _PERSON_NOUNS)):
        return None  # "talks are continuing" is no speech; "Limbaugh continued: ..." is
    if head is not None and head.sent == cue.sent and _inside_quote(sent, head, opened):
        return None  # a subject inside a quotation belongs to a misparse of the quoted words
    if head is not None and head.lower_ in _FIRST_SECOND | {"him", "them"}:
        return None  # "I think", "you know": a quoted speaker's words; "him"/"them": a misparse
    if head is not None and head.lower_ in ("that", "which") and cue.dep_ == "relcl":
        noun = cue.head
        if not (noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP")
                or noun.lemma_.lower() in _SPEAKER_NOUNS):
            return None  # "a bill that seeks ...": things do not make claims
    if source is not None and (not any(ch.isalpha() for ch in source.text) or _dateline_like(source)):
        return None
    if source is None and subjpass is not None and not deny:
        return None  # "X is expected to ...": no speaker, and no frame either
    if head is not None and head.lower_ in _NOT_SOURCE and cue.dep_ != "relcl" and lemma not in SPEECH_VERBS:
        return None
    # "Ana won the race after complaining of cramps": a speech verb with a mere object says what was
    # talked about, not a proposition; the sentence stays the narrator's report too.
    return _Attr(content, cue, source, head, stance=stance, nominal=via_object and lemma not in _STANCE_OBJECT_VERBS,
                 owner=owner)


def _anonymity(cue: "Token") -> bool:
    """"who asked not to be named", "spoke on condition of anonymity": terms of speaking, no claim."""
    for c in cue.children:
        if c.dep_ == "xcomp" and c.lemma_.lower() in ("name", "identify", "quote") and any(
                d.dep_ == "neg" for d in c.children):
            return True
        if c.dep_ == "prep" and any(t.lemma_.lower() == "anonymity" for t in c.subtree):
            return not any(d.dep_ in ("ccomp", "dobj") for d in cue.children)
    return False


def _withheld(cue: "Token") -> bool:
    """Speech that did not happen: "declined to comment", "refused to confirm", "would not say",
    "did not deny" (which asserts nothing either)."""
    lemma = cue.lemma_.lower()
    if lemma in _WITHHOLDING and any(c.dep_ == "xcomp" and c.lemma_.lower() in REPORT_VERBS for c in cue.children):
        return True
    if cue.dep_ == "conj" and cue.head.lemma_.lower() in REPORT_VERBS and any(
            c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in cue.head.children):
        first = cue.head  # "refused to confirm or deny", "did not confirm or deny", "neither confirm nor deny"
        if any(c.lower_ == "neither" for c in first.children) or _withheld(first):
            return True  # (but "could not confirm the deaths and said ..." did say something)
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _WITHHOLDING:
        return True
    # Twin of dispute.reasons.polarity._negating_subject_words, kept apart on purpose: here "few"
    # withholds speech ("Few doubt that X") and only a speaker (nsubj) counts; there "nothing" and a
    # passive subject negate an event ("nothing was damaged", "no shots were fired") and "few" does
    # not ("few were hurt": some were). One word set for both would change outputs either way.
    if any(c.dep_ == "nsubj" and (c.lower_ in ("nobody", "none", "noone", "few", "nothing")
                                  or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
           or c.dep_ == "amod" and c.lower_ == "few"  # "Few doubt that ...", parsed as a noun phrase
           for c in cue.children):
        return True  # "No government agency confirms ...", "Nobody has confirmed ...", "Nothing suggests ..."
    if any(c.dep_ == "agent" for c in cue.children) and any(
            c.dep_ == "nsubjpass" and (c.lower_ in ("nothing", "none") or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in cue.children):
        return True  # "No deaths were confirmed by the ministry": the ministry confirmed nothing
    if cue.dep_ in ("acl", "relcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        # "no evidence to suggest X", "had no intelligence to suggest X", "nothing to indicate X"
        nouns = [cue.head] if cue.dep_ != "xcomp" else [c for c in cue.head.children if c.dep_ in ("dobj", "attr")]
        if any(n.lower_ == "nothing" or any(d.dep_ == "det" and d.lower_ == "no" for d in n.children) for n in nouns):
            return True
    return lemma in SPEECH_VERBS | DENY_VERBS | LABEL_VERBS and any(c.dep_ == "neg" for c in cue.children)
