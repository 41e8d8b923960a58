"""What a cue frames, found on the parse: the complement clause (past a date hung on it, before a
second frame hung inside it), the object of an object verb, a report noun's clause ("reports that
the town fell"), or for a speech verb whose clause the parser lost, the clause around or after it
("as X noted, ...", "..., X said.", "X said after the vote he would ..."), and a closing frame whose
comma the text lost ("Air strikes killed 18 people on Saturday a monitor said")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.extract.lexicon import _MEDIUM_NOUNS, _REFERRING, _REPORT_NOUNS, REPORT_VERBS, _TELLING_NOUNS
from claimcheck.extract.lost_comma import before_adverbs, speaker_before
from claimcheck.extract.mentions import _when
from claimcheck.extract.spans import _trim_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.tokens import Span as SpacySpan


def _after_date_phrase(cue: "Token", comp: "Token") -> int:
    """First token of a complement, past a date the parser hung on it although it dates the speech:
    "The navy said on Sunday it had ..." -> "it had ..."."""
    doc, i = cue.doc, comp.left_edge.i
    if i <= cue.i or any(not (t.dep_ == "advmod" and t.head == cue) for t in doc[cue.i + 1:i]):
        return i  # only right after the cue ("said late on Sunday ...")
    for tok in comp.lefts:
        if tok.i != i:
            break
        dated = [t for t in tok.subtree if t.dep_ not in ("prep", "det", "punct") and t.text.lower() not in ("late", "early")]
        if tok.dep_ not in ("prep", "npadvmod") or not dated or any(t.ent_type_ not in ("DATE", "TIME") for t in dated):
            break
        i = tok.right_edge.i + 1
        while i < comp.i and doc[i].is_punct:
            i += 1
    return i


def _before_participle_frame(comp: "Token") -> int:
    """Last token of a complement, stopping before a ", saying ..." or an "and denied ..." the parser
    hung inside it (a frame of its own, attributed to the reporting verb's subject)."""
    for tok in comp.subtree:
        if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in REPORT_VERBS
                and tok.i > comp.left_edge.i and tok.nbor(-1).text == ","):
            return tok.i - 2
        if (tok.dep_ in ("advcl", "conj") and tok.lemma_.lower() in REPORT_VERBS and tok.i > comp.left_edge.i
                and (mark := next((m for m in tok.children if m.dep_ in ("mark", "cc")
                                   and m.lower_ in ("though", "although", "while", "whereas", "but")), None))):
            # "X had been caught, though an official denied it": the second voice is not part of X
            start = min(mark.i, tok.left_edge.i)
            return start - 2 if tok.doc[start - 1].text == "," else start - 1
        if (tok.right_edge.i == comp.right_edge.i and tok.dep_ in ("npadvmod", "appos", "attr", "dobj")
                and tok.lemma_.lower() in _REPORT_NOUNS
                and tok.left_edge.i > comp.left_edge.i and tok.doc[tok.left_edge.i - 1].text == ","
                and any(c.dep_ == "relcl" for c in tok.children)):
            return tok.left_edge.i - 2  # "X happened, a claim the ministry denied": the comment is not X
        if (tok.dep_ == "conj" and tok.head == comp and tok.lemma_.lower() in REPORT_VERBS
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                and _tense(tok) == _tense(comp.head)):
            # "said A and denied B": the speaker's second act, in the tense of the first; cut
            # before its "and" ("reveals she was born X and never told Y" stays whole)
            cc = [c.i for c in comp.children if c.dep_ == "cc" and c.i < tok.i]
            return min([tok.left_edge.i, *cc[-1:]]) - 1
    return comp.right_edge.i


def _tense(verb: "Token") -> str:
    """The tag of a verb group's finite word: its first auxiliary, else the verb ("did not deny" -> VBD)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return (aux[0] if aux else verb).tag_


def _that_adverbial(cue: "Token", sent: "SpacySpan") -> "Token | None":
    """"She tweeted in the morning that the vote was rigged": after a modifier the parser often hangs
    the "that" clause as an adverbial clause (``that`` tagged advmod); it is still the complement."""
    for c in cue.rights:
        if (c.dep_ == "advcl" and c.i < sent.end and c.left_edge.lower_ == "that"
                and c.left_edge.dep_ in ("advmod", "mark", "nsubj") and c.left_edge.i > cue.i
                and any(x.dep_ in ("nsubj", "nsubjpass", "expl") and x.lower_ != "that" for x in c.children)):
            return c
    return None


def _report_complement(noun: "Token") -> tuple[int, int] | None:
    """"reports that the town fell" -> "the town fell"; "claims of a massacre" -> "a massacre"."""
    if noun.lemma_.lower() not in _REPORT_NOUNS:
        return None
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return _trim_tokens(noun.doc, c.left_edge.i, _before_participle_frame(c) + 1)
        if (c.dep_ == "prep" and c.lower_ in ("of", "about") and c.right_edge.i > c.i
                and noun.lemma_.lower() not in _TELLING_NOUNS):
            return _trim_tokens(noun.doc, c.i + 1, c.right_edge.i + 1)
    return None


def _object_content(cue: "Token", dobj: "Token | None") -> tuple[int, int] | None:
    """What a source puts forward with an object verb: "called <for talks>", "accused <Y of Z>"."""
    if dobj is not None and dobj.lower_ in _REFERRING:
        return None
    if dobj is not None:
        rc = _report_complement(dobj)
        if rc is not None:
            return rc
    if cue.lemma_.lower() == "tell":  # "told his advisers to find a way": the addressee is not content
        xcomp = next((c for c in cue.rights if c.dep_ == "xcomp"), None)
        return _trim_tokens(cue.doc, xcomp.left_edge.i, xcomp.right_edge.i + 1) if xcomp is not None else None
    parts = [c for c in cue.rights if c.dep_ in ("dobj", "xcomp", "oprd", "dative", "attr", "acomp")
             or (c.dep_ == "prep" and c.lower_ in ("for", "of", "on", "about", "to", "against", "over", "as", "that")
                 and not _when(c))]  # "called on Sunday for an inquiry": the date is not content
    if not parts:
        return None
    for c in parts:  # "denied to the Journal that X": the parser hangs X on the addressee
        if c.dep_ == "prep" and c.lower_ == "to":
            for t in c.subtree:
                if (t.lower_ == "that" and t.head.dep_ in ("relcl", "acl", "ccomp") and t.head.pos_ in ("VERB", "AUX")
                        and t.i == t.head.left_edge.i):
                    return _trim_tokens(cue.doc, t.i + 1, t.head.right_edge.i + 1)
    for c in parts:  # "dismissed as baseless claims that X": the claim's clause
        for t in c.subtree:
            if t.lemma_.lower() in _REPORT_NOUNS:
                rc = _report_complement(t)
                if rc is not None:
                    return rc
    a = min(c.left_edge.i for c in parts)
    b = max(c.right_edge.i for c in parts) + 1
    if len(parts) == 1 and parts[0].dep_ == "prep":
        a = parts[0].i + 1  # "warned of escalating violence" -> "escalating violence"
    return _trim_tokens(cue.doc, a, b)


def _as_frame_content(cue: "Token", sent: "SpacySpan") -> tuple[int, int] | None:
    """"As X noted, <content>" / "<content>, as X said": the clause around the frame."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    a, b = cue.left_edge.i, cue.right_edge.i + 1
    if a - sent.start >= sent.end - b:
        return _trim_tokens(sent.doc, sent.start, a)
    return _trim_tokens(sent.doc, b, sent.end)


def _parenthetical_content(cue: "Token", sent: "SpacySpan") -> tuple[int, int] | None:
    """"..., X said." when the parser hung ``said`` under the quoted clause."""
    if cue.dep_ not in ("parataxis", "ccomp", "advcl", "conj", "ROOT") or cue.i == sent.start:
        return None
    if not any(c.dep_ == "nsubj" for c in cue.children):
        return None
    left_edge = cue.left_edge.i
    if cue.dep_ == "ROOT":
        return None
    head = cue.head
    if head.i > cue.i:
        # "X said, the plan is dead" with no ccomp: take the clause after the frame.
        return _trim_tokens(sent.doc, cue.right_edge.i + 1, head.right_edge.i + 1)
    start = max(sent.start, head.left_edge.i)
    end = left_edge
    if end - start < 2:
        return None
    return _trim_tokens(sent.doc, start, end)


def _trailing_frame_content(cue: "Token", sent: "SpacySpan") -> tuple[int, int] | None:
    """"<content>, X said." or "<content>," said X. whatever the parse made of it."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.i > cue.i:  # inverted: '"...," said Tim Hess, a developer.'
        if cue.i - sent.start < 3 or not (cue.nbor(-1).is_punct or cue.nbor(-1).is_quote):
            return None
        return _trim_tokens(sent.doc, sent.start, cue.i)
    if cue.right_edge.i < sent.end - 2:
        return None
    frame_start = subj.left_edge.i
    if frame_start - sent.start < 3 or not (sent.doc[frame_start - 1].is_punct):
        return None
    return _trim_tokens(sent.doc, sent.start, frame_start)


def _rest_after_cue(cue: "Token", sent: "SpacySpan") -> tuple[int, int] | None:
    """"Trump said after the convention he would not ...": the parser lost the clause; take what
    follows the cue and its leading time/place modifiers, if it reads like a clause."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > cue.i or cue.lemma_.lower() not in ("say", "tell", "add", "claim", "insist",
                                                                     "argue", "warn", "write", "note"):
        return None
    doc, k = sent.doc, cue.i + 1
    for c in cue.rights:
        if c.i == k and c.dep_ in ("prep", "npadvmod", "advmod", "dative") or (c.i == k and c.dep_ == "dobj"
                                                                                  and cue.lemma_ == "tell"):
            k = c.right_edge.i + 1
    rest = doc[k:sent.end]
    if sum(t.is_alpha for t in rest) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in rest):
        return None
    return _trim_tokens(doc, k, sent.end)


# Verbs that close a sentence as its frame ("... a monitor said", "... the army added").
CLOSING_VERBS = frozenset({"say", "add", "report", "tell", "state", "confirm"})


def _unpunctuated_frame(cue: "Token", sent: "SpacySpan") -> tuple[tuple[int, int], int, "Token"] | None:
    """A closing frame whose comma the text lost: (content, first token of the speaker, its head)
    for "<content> <speaker> <cue>", the speaker the noun phrase right before the cue, whatever
    the parser made of it (a subject, or a word of the content: "... on Saturday the Observatory
    said" as a relative clause of "Saturday"). Only when nothing but a date, a medium or an
    addressee ("told reporters") follows the cue; never for a passive or negated cue ("The
    numbers could not be confirmed": the subject is the thing said, not who said it)."""
    doc = sent.doc
    if cue.lemma_.lower() not in CLOSING_VERBS or cue.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass", "neg", "ccomp", "xcomp") and c.i > cue.i or c.dep_ in ("nsubjpass",
           "auxpass", "neg") for c in cue.children):
        return None
    if not _closes(cue, sent):
        return None
    found = speaker_before(doc, before_adverbs(doc, cue, sent.start), sent.start)
    if found is None:
        return None
    start, head = found
    before = doc[start - 1]
    if before.text in (",", ";", ":", "(", "—", "–"):
        return None  # set off as written: the parse's frame, not a lost comma
    content = _trim_tokens(doc, sent.start, start)
    if content is None or sum(t.is_alpha for t in doc[sent.start:start]) < 3:
        return None
    return content, start, head


def _closes(cue: "Token", sent: "SpacySpan") -> bool:
    """Nothing but punctuation, a date ("said on Saturday"), a medium ("said in a statement") or,
    for "tell", an addressee ("told reporters") follows the cue in its sentence."""
    rest = {t.i for t in sent.doc[cue.i + 1:sent.end] if not (t.is_punct or t.is_space)}
    for c in cue.rights:
        if (c.dep_ in ("dative", "dobj") and cue.lemma_.lower() == "tell" and c.pos_ in ("NOUN", "PROPN")
                or c.dep_ == "prep" and (_when(c) or any(t.lemma_.lower() in _MEDIUM_NOUNS for t in c.children))
                or c.dep_ in ("npadvmod", "advmod") and (c.ent_type_ in ("DATE", "TIME") or c.pos_ == "ADV")):
            rest -= {t.i for t in c.subtree}
    return not rest
