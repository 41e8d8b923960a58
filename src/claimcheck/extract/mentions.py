"""Who is speaking, as written: the source phrase of a cue (its subject, a "by" agent, a fronted or
role apposition, a trailing speaker, the X of "according to X"), cut from the parse as the
``mention`` a claim carries. Resolving a mention to a name is :mod:`claimcheck.extract.speakers`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.extract.lexicon import _PERSON_NOUNS, _REPORT_NOUNS, REPORT_VERBS, _SPEAKER_NOUNS, _SPEAKING_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.tokens import Span as SpacySpan

# Words opening an adverbial clause the parser may hang a speaker's second report verb inside: "that",
# and the wh-words of a question left open ("did not say when the raid happened and said ...").
_CLAUSE_OPENERS = frozenset({"that", "when", "where", "whether", "how", "why", "who", "what", "if"})


def _mention(head: "Token") -> "SpacySpan":
    """The source phrase as written: the head's subtree without relative clauses or appositions."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i + 1
    for c in head.rights:
        if c.dep_ == "prep" and _when(c):
            break  # "The ministry on Wednesday denied ...": the date is not the source
        if c.dep_ in ("relcl", "appos", "punct", "acl", "cc", "conj") or c.text in (",", "(", "—", "–"):
            if c.dep_ == "conj" or c.dep_ == "cc":
                right = max(right, c.right_edge.i + 1)
                continue
            break
        right = max(right, c.right_edge.i + 1)
    for i in range(head.i + 1, right - 1):  # "doctors at the hospital, which was hit ...": cut there
        if doc[i].text == "," and _in_clause_of(doc[i + 1], head):
            right = i
            break
    while left < right - 1 and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    return doc[slice(*_whole_words(doc, left, right))]


def _glued(a: "Token", b: "Token") -> bool:
    """``a`` and the token after it, ``b``, are one word as written ("al-Islam": "al", "-", "Islam")."""
    return not a.whitespace_ and all(t.is_alpha or t.is_digit or t.text == "-" for t in (a, b))  # not "Post–shows"


def _whole_words(doc, left: int, right: int) -> tuple[int, int]:
    """``left``..``right`` grown to whole words as written: a mention never starts or ends inside one
    ("Jaish al-Islam said": the parse hangs "Jaish al" and "Islam" apart), with what the parse hung
    on the words it gained ("Jaish", a compound of "al")."""
    lo, hi = left, right
    while lo > 0 and _glued(doc[lo - 1], doc[lo]):
        lo -= 1
    while hi < len(doc) and _glued(doc[hi - 1], doc[hi]):
        hi += 1
    if lo < left:
        lo = min([lo] + [doc[k].left_edge.i for k in range(lo, left) if doc[k].left_edge.sent == doc[k].sent])
        while lo > 0 and _glued(doc[lo - 1], doc[lo]):
            lo -= 1
        # "Liwa al-Haqq" parsed as four subjects: a name's "al-" follows the name's first word
        if (doc[lo].lower_ in ("al", "el") and lo > 0 and not doc[lo].is_sent_start
                and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].text[:1].isupper()):
            lo -= 1
    return lo, hi


def _source_of(cue: "Token", sent: "SpacySpan") -> tuple["SpacySpan | None", "Token | None"]:
    glued = _speaker_glued_before(cue)
    if glued is not None:
        return _mention(glued), glued
    outer = _outer_report(cue)
    said_by = _source_of(outer, sent) if outer is not None else (None, None)
    if said_by[0] is not None:
        return said_by
    tok = cue
    if cue.dep_ == "advcl" and cue.tag_ == "VBG":
        according = next((c for c in cue.head.children if c.dep_ == "prep" and c.lower_ == "according"), None)
        said_by = _according_object(according) if according is not None else None
        if said_by is not None:  # "A happened, according to X, contradicting ...": X's act
            return _mention(said_by), said_by
    for _ in range(3):
        subj = _closest_subject(tok)
        if subj is None:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return _mention(pobj), pobj
        if subj is not None:
            if subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                return subj.doc[subj.i:subj.i + 1], subj  # resolved to the noun it modifies in _resolve
            if subj.dep_ == "nsubj" and subj.lower_ in ("there",):
                return None, None
            named = _fronted_appositive(subj) or _role_appositive(subj)
            if named is not None:
                return _mention(named), named
            return _lost_comma_speaker(_mention(subj), subj, cue)
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.pos_ in ("VERB", "AUX"):
            head = tok.head
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if tok.dep_ == "xcomp" and tok.tag_ == "VB" and obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ == "PERSON"
                                                             or obj.lemma_.lower() in _PERSON_NOUNS):
                return _mention(obj), obj  # "forced the banker to admit ...": the object admits
            if (tok.dep_ == "conj"
                    and (head.dep_ == "ccomp" or head.dep_ == "advcl" and head.left_edge.lower_ in _CLAUSE_OPENERS)
                    and head.head.lemma_.lower() in REPORT_VERBS
                    and tok.lemma_.lower() in REPORT_VERBS):
                tok = head.head  # "X said A and warned B", "X did not say when A and said B": hung inside A
                continue
            if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and head.dep_ == "ccomp"
                    and head.head.lemma_.lower() in REPORT_VERBS and tok.lemma_.lower() in REPORT_VERBS):
                tok = head.head  # "X denied that A, saying B": the saying is X's, not A's subject's
                continue
            if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and head.dep_ == "acl" and tok.lemma_.lower() in REPORT_VERBS
                    and head.head.lemma_.lower() in _REPORT_NOUNS and head.head.head.pos_ in ("VERB", "AUX")):
                tok = head.head.head  # "X rejected reports that A, blaming B": the blaming is X's
                continue
            tok = head  # "..., claiming that ...", "met X and said ..."
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "She started by emphasizing ...": the gerund's subject is the verb's
            continue
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return _mention(tok.head), tok.head
        if tok.dep_ == "acl" and (tok.head.pos_ == "PROPN" or tok.head.lemma_.lower() in _PERSON_NOUNS
                                  or tok.head.ent_type_ in ("PERSON", "ORG", "NORP")
                                  or tok.head.dep_ == "pobj" and tok.head.head.lower_ in ("with", "without")
                                  and (tok.head.tag_ in ("NNS", "NNPS") or _speaker_like(tok.head))):
            return _mention(tok.head), tok.head  # "protesters chanting ...", "Kall ... compared", "with X saying"
        break
    return None, None


def _speaker_glued_before(cue: "Token") -> "Token | None":
    """"Two men died in the shelling and the source added that ...": a finite reporting verb the parse
    left without a subject, right after a speaker's noun phrase it hung elsewhere (here on
    "shelling"), is that speaker's verb, not the subject of the verb the parse hung it on."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    if cue.dep_ not in ("advcl", "conj") or cue.i == cue.sent.start:
        return None
    head = cue.nbor(-1)
    while head.head.i != head.i and head.head.i < cue.i and head.head.right_edge.i == cue.i - 1 and head.dep_ != "conj":
        head = head.head  # the phrase's head ("the source": "source")
    if (head.right_edge.i != cue.i - 1 or head.pos_ not in ("NOUN", "PROPN") or head.dep_ not in ("conj", "appos")
            or not (head.lemma_.lower() in _SPEAKER_NOUNS or head.ent_type_ in ("PERSON", "ORG"))):
        return None
    return head


def _outer_report(cue: "Token") -> "Token | None":
    """"X told the agency that A adding that B asserting that C": a bare participle ("adding", "asserting",
    no auxiliary) inside what an outer reporting verb reports goes on that verb's report when the
    parse's speaker for it is a word of the content ("the blast adding", "women whose wounds are
    serious asserting"). None when the participle is not inside another report, is a "with X saying"
    absolute, or has a speaker of its own ("Kurdish sources denying ...", "protesters chanting ...")."""
    if cue.tag_ != "VBG" or cue.dep_ == "ROOT" or any(c.dep_ in ("aux", "auxpass") for c in cue.children):
        return None
    speaker = _closest_subject(cue) or (cue.head if cue.dep_ == "acl" else None)
    via = speaker if speaker is not None else cue
    if via.dep_ in ("pcomp", "pobj") and via.head.lower_ in ("with", "without"):
        return None
    if speaker is not None and _speaker_like(speaker) and not any(
            t.dep_ == "relcl" for t in cue.doc[speaker.i + 1:cue.i]):
        return None
    governing = cue.head if cue.head.pos_ in ("VERB", "AUX") else cue.head.head
    controller = _closest_subject(governing) if speaker is None and governing.pos_ in ("VERB", "AUX") else None
    if controller is not None and _speaker_like(controller) and controller.tag_ not in ("WP", "WDT"):
        return None  # "they could not resist pointing out ...": the governing verb's subject points
    below, tok = cue, cue.head
    while tok.head.i != tok.i and not _reports(tok):
        below, tok = tok, tok.head
    if not _reports(tok):
        return None
    # inside what the outer verb says ("said that ..."), not a phrase of its own ("responded to protests
    # demanding") nor a subordinate clause ("spoke after Trump unleashed tweets criticizing ...")
    clausal = below.dep_ in ("ccomp", "conj", "xcomp") or below.dep_ == "advcl" and not any(
        c.dep_ == "mark" for c in below.children)
    return tok if below.i == cue.i or clausal else None


def _reports(verb: "Token") -> bool:
    """A reporting verb, not a toll ("shells claiming the lives of two")."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in REPORT_VERBS and not _claims_lives(verb)


def _claims_lives(verb: "Token") -> bool:
    """"The blast claimed the lives of 14 people": a toll, the narrator's report, not a claim."""
    return verb.lemma_.lower() == "claim" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in verb.children)


def _speaker_like(tok: "Token") -> bool:
    """A word that can name who speaks: a name, a body or a person's noun."""
    return (tok.pos_ in ("PROPN", "PRON") or tok.lemma_.lower() in _SPEAKING_NOUNS
            or tok.ent_type_ in ("PERSON", "ORG", "NORP"))


def _lost_comma_speaker(mention: "SpacySpan", head: "Token", cue: "Token") -> tuple["SpacySpan", "Token"]:
    """The speaker at the end of a subject that holds a whole clause, when the text lost the comma
    before it ("air strikes killed 24 people the Lorin Observatory said": the Observatory, which the
    parse hung on "people" as an apposition). Else the mention as cut."""
    doc = head.doc
    verb = next((c for c in head.rights if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
    if verb is None or head.right_edge.i + 1 != cue.i or any(t.text in ",;:()\"“”" for t in doc[verb.i:cue.i]):
        return mention, head  # with its commas, "the officer, Dave Brown," is the officer
    for tok in doc[verb.i + 1:cue.i]:
        if (tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.head.i < tok.left_edge.i
                and all(t.pos_ in ("PROPN", "DET", "ADP", "NOUN", "ADJ", "PUNCT") for t in doc[tok.left_edge.i:cue.i])):
            return doc[tok.left_edge.i:cue.i], tok
    return mention, head


def _closest_subject(verb: "Token") -> "Token | None":
    """The verb's subject; of two (a heading or fronted phrase parsed as a second subject, "BACKGROUND
    Later, the minister said ..."), the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:
        pronouns = [c for c in subjects if c.pos_ == "PRON"]
        if pronouns:
            return pronouns[0]  # "she had a third arm added": the pronoun, not the misparsed noun
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    return subjects[0] if subjects else None


def _fronted_appositive(subj: "Token") -> "Token | None":
    """"To judge the old ruling, Justice Ray said ...", "After the vote, Ana Diaz, an aide, said ...": the
    parser took the end of a fronted phrase for the subject and the speaker for its apposition. A real
    subject starts the sentence or follows punctuation; one glued to a preceding word, with a
    comma-separated proper-name apposition, yields to that name."""
    first = subj.left_edge
    if first.i == first.sent.start:
        return None
    before = first.nbor(-1)
    if before.is_punct or before.pos_ in ("CCONJ", "SCONJ") or before.is_space:
        return None
    for c in subj.rights:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.nbor(-1).text != "(" and any(
                t.text == "," for t in subj.doc[subj.i:c.left_edge.i]):
            return c
    return None


def _role_appositive(subj: "Token") -> "Token | None":
    """"A spokesman for the group, Ilya Brann, said ...": the role's name, set off by commas, is the
    source (as in "Ilya Brann, a spokesman for the group, said ...")."""
    if subj.lemma_.lower() not in _PERSON_NOUNS:
        return None
    end = subj.right_edge.i
    for c in subj.subtree:  # on the role, or hung by the parser on the body it speaks for ("for Red Dawn")
        if (c.dep_ == "appos" and c.pos_ == "PROPN" and _looks_like_a_name(c) and c.i > subj.i
                and c.left_edge.nbor(-1).text == ","  # the appos follows its noun: never the doc's start
                and (c.head.i == subj.i or c.right_edge.i >= end - 1)):
            return c
    return None


def _looks_like_a_name(tok: "Token") -> bool:
    """A person's name: tagged PERSON, or two or three proper nouns the tagger swept into a
    neighbouring organisation ("the Harbour Front, Ivo Rask" as one ORG)."""
    words = list(tok.subtree)
    return tok.ent_type_ == "PERSON" or (2 <= len(words) <= 3 and all(w.pos_ == "PROPN" for w in words)
                                         and tok.ent_type_ not in ("GPE", "NORP", "LOC", "FAC", "DATE"))


def _in_clause_of(tok: "Token", head: "Token") -> bool:
    """Is ``tok`` inside a relative clause or apposition hung somewhere below ``head``?"""
    while tok.i != head.i and tok.head.i != tok.i:  # spaCy makes a new Token object per access: compare .i
        if tok.dep_ in ("relcl", "appos", "acl"):
            return True
        tok = tok.head
    return False


def _trailing_speaker(cue: "Token", comp: "Token") -> "Token | None":
    """"X holds the bridge, a commander told Radio Y": with no subject of its own, the cue's
    speaker is the apposition the parser hung at the end of the fronted content, right before it."""
    if comp.i > cue.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    last = cue.i - 2 if cue.doc[cue.i - 1].text == "," else cue.i - 1
    for tok in comp.subtree:  # an apposition, or a conjunct ("stones and bombs, a spokeswoman, X, said")
        if (tok.dep_ in ("appos", "conj") and tok.right_edge.i == last and tok.left_edge.i > comp.left_edge.i
                and tok.doc[tok.left_edge.i - 1].text == ","
                and (tok.lemma_.lower() in _SPEAKER_NOUNS
                     or tok.ent_type_ in ("PERSON", "ORG", "NORP"))):
            return tok
    return None


def _according_object(according: "Token") -> "Token | None":
    """The X of "according to X"."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _possessor_mention(who: "Token") -> "SpacySpan":
    """The possessor as written, without the "'s" and without words a headline's parse glued onto it
    ("Officials DENY senator's claim": a mention never contains a reporting verb)."""
    mention = _mention(who)
    if len(mention) > 1 and (mention[-1].tag_ == "POS" or mention[-1].text in ("'s", "’s", "'", "’")):
        mention = mention[:-1]
    cut = max((t.i + 1 for t in mention if t.i < who.i and _reporting_word(t)), default=mention.start)
    return mention.doc[cut:mention.end]


def _reporting_word(tok: "Token") -> bool:
    """A reporting verb, also in a Title Case or ALL CAPS headline the tagger read as a name ("DENIES")."""
    w = tok.lower_
    forms = {tok.lemma_.lower(), w, w[:-3] + "y" if w.endswith("ies") else w, w[:-1] if w.endswith("s") else w,
             w[:-2] if w.endswith("es") else w}
    return bool(forms & REPORT_VERBS)


def _when(prep: "Token") -> bool:
    """Is the prepositional phrase a date or time ("on Sunday", "over the weekend")?"""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _dateline_like(mention: "SpacySpan") -> bool:
    """"LOS ANGELES" opening a wire story is a dateline, not a speaker."""
    words = [t.text for t in mention if t.is_alpha]
    if not words or not all(w.isupper() for w in words) or mention.start != mention.sent.start:
        return False
    after = mention.doc[mention.end].text if mention.end < len(mention.doc) else ""
    return len(words) >= 2 or after in ("--", "—", "–", "-", "(")


def _uncapitalised(name: str, mention: "SpacySpan") -> str:
    """ "State television said ..." names the same source as "... state television said": a capital
    that only marks the sentence start is dropped unless the word is a proper noun."""
    first = next((t for t in mention if t.text and name.startswith(t.text)), None)
    if (first is None or not first.is_sent_start or first.pos_ == "PROPN" or first.ent_type_
            or first.text.isupper()):
        return name
    return name[:1].lower() + name[1:]


def _with_apposition(mention: "SpacySpan", head: "Token | None", cue: "Token | None",
                     content: tuple[int, int]) -> "SpacySpan":
    """The mention with a restrictive clause right after it ("a poll released last week"), the
    apposition or parenthesis set off after the name ("Kenneth Baer, a former official who runs a
    firm,", "Sen. Lindsey Graham (R-S.C.)"), not a relative clause set off by a comma ("Ana Ruiz, who
    runs the clinic": PolNeAR's sources leave it out): the words as written of the source, whose
    ``name`` stays the name. Never over the cue or the content."""
    if head is None or mention.end >= len(mention.doc):
        return mention
    doc = mention.doc
    # "a poll released last week", "the experts I interviewed": a restrictive clause is part of the phrase
    clause = next((c for c in head.rights if c.left_edge.i == mention.end and (
        c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")  # "a poll released last week"; not a verb the parse hung here
        or c.dep_ == "relcl" and any(k.dep_ in ("nsubj", "nsubjpass") and k.i < c.i for k in c.children))), None)
    if clause is not None:
        span = doc[mention.start:clause.right_edge.i + 1]
        if not (cue is not None and span.start <= cue.i < span.end or span.start_char < content[1] and content[0] < span.end_char
                or any(t.dep_ in ("ccomp", "xcomp") or t.lemma_.lower() in REPORT_VERBS for t in clause.subtree)):
            mention = span
    if mention.end >= len(doc) or doc[mention.end].text not in (",", "("):
        return mention
    right = max((c.right_edge.i + 1 for c in head.rights if c.i >= mention.end and c.dep_ == "appos"
                 or c.i == mention.end and c.text == "("), default=mention.end)
    if right < len(doc) and doc[right].text == ")" and doc[mention.end].text == "(":
        right += 1
    span = doc[mention.start:right]
    if (right <= mention.end or (cue is not None and span.start <= cue.i < span.end)
            or span.start_char < content[1] and content[0] < span.end_char or span.text.count("(") != span.text.count(")")):
        return mention
    while right > mention.end and doc[right - 1].text in (",", "—", "–", "-"):
        right -= 1
    return doc[mention.start:right]
