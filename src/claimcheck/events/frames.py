"""A claim's event frame: what happened (type and trigger), when, where, who did it, and to whom.

The trigger is an event word in the claim's content (a verb or noun of the taxonomy, "open fire", "air strike"
read with its modifiers): the shallowest in the dependency tree, then the most specific type. Deaths are what an
attack leaves, so a ``killing`` trigger whose subtree names the attack ("12 people were killed in an air
strike", "an air strike killed 12") gives way to that attack. Without a taxonomy word, a content rooted at an
eventive verb ("the company bought its rival") is an ``other`` event with that verb's lemma; reporting and
speech verbs, states ("is", "remains", "believes") and intentions ("plans to", "called for", "will visit") are
no events, and neither is what they govern.

Time is the time expression nearest the trigger in the claim's sentence (time.py); places are those named in
the content, else in the rest of the sentence outside the source's words (places.py); agents are the trigger's
doer (the active subject, the passive's "by" agent, "X's shelling", "regime shelling", "the shelling was
carried out by X"), named as sources are and put in camps by the camps file; victims (victims.py) are the
claim's quantities that count people or say what befell them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from claimcheck.config import Camps
from claimcheck.events import taxonomy
from claimcheck.events.places import agents_named_as_places
from claimcheck.events.places import places as find_places
from claimcheck.events.time import time_refs
from claimcheck.events.victims import victims_of
from claimcheck.nlp import doc_text
from claimcheck.records import Actor, Claim, EventFrame, Span, TimeRef
from claimcheck.sources import canonical_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Verbs whose clause is not something that happened: speech, thought, states, intentions.
NOT_EVENTS = frozenset({
    "say", "tell", "report", "claim", "state", "add", "note", "announce", "confirm", "deny", "insist", "argue",
    "warn", "urge", "call", "demand", "ask", "appeal", "accuse", "blame", "condemn", "describe", "suggest",
    "be", "have", "seem", "appear", "remain", "become", "look", "sound", "feel", "stay", "keep", "mean",
    "think", "believe", "know", "expect", "hope", "want", "wish", "need", "plan", "intend", "aim", "seek",
    "try", "threaten", "vow", "promise", "pledge", "prepare", "consider", "decide", "refuse", "agree-to",
    "include", "contain", "involve", "concern", "show", "indicate", "estimate", "count", "put", "stand",
    "continue", "like", "love", "hate", "fear", "worry", "doubt", "wonder", "see", "hear", "let", "get",
    "do", "make", "go", "come", "give", "take", "use", "face", "lack", "hold", "own", "cost", "depend", "control",
    "cover", "surround", "lie", "sit", "live", "locate", "list", "border", "span", "stretch", "house", "represent",
    "belong", "exist", "range", "total", "number", "comprise", "consist", "wait", "seem", "matter", "deserve",
    "term", "label", "dub", "brand", "name", "issue", "publish", "post", "tweet", "quote", "cite",
})
# An event word under one of these did not (yet) happen: "plans to attack", "called for a ceasefire".
INTENT = frozenset({"plan", "want", "intend", "aim", "seek", "try", "threaten", "vow", "promise", "pledge",
                    "prepare", "call", "urge", "demand", "hope", "expect", "push", "propose", "consider", "wish",
                    "ready", "able", "likely", "could", "would", "will"})
# Cues that frame a view or a forecast, not a report ("analysts believe the offensive will stall").
OPINION = frozenset({"believe", "think", "fear", "predict", "doubt", "suspect", "feel", "reckon", "guess",
                     "speculate", "forecast", "imagine", "assume", "wonder"})
_SINCE = re.compile(r"\b(?:since|until|till|before|after|from|by)\s+(?:the\s+)?$", re.IGNORECASE)  # bounds, not the time
_IMPLICATIVE = frozenset({"force", "manage", "begin", "start", "continue", "compel", "oblige", "succeed", "resume"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "should", "must", "can", "'ll", "wo", "ca"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "them", "who", "which", "that", "this",
                       "these", "those", "one", "someone", "anyone"})
_MEANS = frozenset({"jet", "warplane", "aircraft", "plane", "helicopter", "drone", "artillery", "tank", "rocket",
                    "mortar", "missile", "shell", "bomb", "gun", "weapon", "air", "barrel", "car", "suicide"})

# Words that name who can carry out an attack when they modify it ("regime shelling", "rebel rockets").
ACTOR_WORDS = frozenset({"regime", "government", "army", "military", "rebel", "opposition", "militant", "jihadist",
                         "insurgent", "coalition", "police", "troop", "force", "militia", "terrorist", "loyalist",
                         "state", "enemy", "israeli", "russian", "american", "turkish", "kurdish", "iranian"})
# A weapon is how, not who ("rocket shells hit the market"); "government jets" still names who.
_WEAPONS = frozenset({"shell", "bomb", "rocket", "missile", "mortar", "grenade", "mine", "explosive", "ied", "barrel",
                      "projectile", "bullet", "round", "device", "car", "gas"})
_SEQUENCE = frozenset({"after", "following", "before", "since"})  # an attack the deaths followed (_followed)
_VICTIM_SUBJECT = frozenset({"die", "perish", "drown", "suffer", "sustain", "flee", "wound", "injure"})


def event_frame(doc: "Doc", claim: Claim, article_date: date | str | None,
                camps: Camps | None = None) -> EventFrame | None:
    """The event a claim reports, or None when it reports none (opinions, plans, speech, states).
    ``doc`` is the parse of the claim's whole article (claim offsets index it), ``article_date`` the
    article's publication date (ISO string or date; None: relative times stay unresolved), ``camps``
    puts agents in camps."""
    if claim.stance == "questions" or (claim.cue is not None and _cue_forms(doc, claim.cue) & (INTENT | OPINION)):
        return None  # a question, "called for a ceasefire", "believes the offensive will fail": nothing reported
    content = doc.char_span(claim.span.start, claim.span.end, alignment_mode="expand")
    sentence = doc.char_span(claim.sentence.start, claim.sentence.end, alignment_mode="expand")
    if content is None or sentence is None or not len(content):
        return None
    found = _trigger(content)
    if found is None:
        return None
    trigger, kind, lemma, doers = found
    trig_span = Span(trigger.idx, trigger.idx + len(trigger.text), trigger.text)
    if lemma in ("open fire", "take control"):  # the phrase: "opened fire", "took full control"
        obj = next(c for c in trigger.children if c.dep_ == "dobj")
        trig_span = Span(trigger.idx, obj.idx + len(obj.text), doc_text(doc)[trigger.idx:obj.idx + len(obj.text)])
    cue = _cue_token(doc, claim)
    where = find_places(sentence, content.start_char, content.end_char)
    if not where and cue is not None:  # "In Aleppo, the army said rebels shelled a market"
        where = [p for p in find_places(sentence, sentence.start_char, sentence.end_char)
                 if not content.start_char <= p.start < content.end_char and _attached(doc, p.start, cue)]
    return EventFrame(
        type=kind, lemma=lemma, trigger=trig_span, time=_time(sentence, content, trigger, cue, article_date),
        places=tuple(where), agents=tuple(_agents(doers, camps, content)), victims=tuple(victims_of(doc, claim)),
    )


def _cue_token(doc: "Doc", claim: Claim) -> Any:
    """The reporting verb of the claim's own sentence (None for the narrator's claims, or a cue borrowed
    from another sentence)."""
    if claim.cue is None or not claim.sentence.start <= claim.cue.start < claim.sentence.end:
        return None
    span = doc.char_span(claim.cue.start, claim.cue.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attached(doc: "Doc", char: int, cue: Any) -> bool:
    """Do the words at ``char`` modify the reporting verb ("said on Saturday", "told reporters in
    Geneva"): their head, or the head of the preposition they hang on, is the cue?"""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):
        if tok.head.i == cue.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _cue_lemma(doc: "Doc", cue: Span) -> str:
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) else cue.text.lower()


def _cue_forms(doc: "Doc", cue: Span) -> set[str]:
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return _forms(span.root) if span is not None and len(span) else {cue.text.lower()}


def with_events(claims: list[Claim], doc: "Doc", article_date: date | str | None,
                camps: Camps | None = None) -> list[Claim]:
    """The claims of one article with ``event`` filled (see :func:`event_frame`)."""
    from dataclasses import replace

    frames = agents_named_as_places([event_frame(doc, c, article_date, camps) for c in claims], doc)
    return [replace(c, event=f) for c, f in zip(claims, frames)]


# ---------------------------------------------------------------------------------------------- trigger


def _depth(tok: Any, span: Any) -> int:
    depth = 0
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _unreal(tok: Any, span: Any) -> bool:
    """Is the word under a future, a modal or an intention ("will visit", "plans to strike", "called for
    a ceasefire")? A modal perfect ("may have killed") still reports the past."""
    if any(c.tag_ == "TO" for c in tok.children) and tok.head.lemma_.lower() not in _IMPLICATIVE:
        return True  # "bombs are to kill", "sent troops to retake the town"; "forced to flee" happened
    node = tok
    while True:
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        modal = [a for a in auxes if a.lower_ in _FUTURE_AUX]
        if modal and (not any(a.lemma_ == "have" for a in auxes) or any(a.lower_ in ("would", "should") for a in modal)):
            return True  # "will visit", "would never have left"; "may have killed" still reports the past
        if node is not tok and _forms(node) & INTENT:
            return True
        if node.head.i == node.i or not (span.start <= node.head.i < span.end):
            return False
        node = node.head


def _forms(tok: Any) -> set[str]:
    """The lemma and plain forms of a word: the small model's lemmas slip ("hoped" -> "hop")."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    for suffix, cut in (("ied", "y"), ("ed", ""), ("d", ""), ("es", ""), ("s", ""), ("ing", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.add(low[: len(low) - len(suffix)] + cut)
    return out


def _modifier_lemmas(tok: Any) -> tuple[str, ...]:
    """What says which kind of attack a word is: its compounds and adjectives, and for a verb its subject
    and object ("jets struck", "fired rockets")."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if tok.pos_ in ("NOUN", "PROPN"):  # "raids by Russian warplanes", "the air force conducted 60 strikes"
        mods.extend(p for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children)
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("launch", "carry", "conduct", "stage", "mount"):
            mods.extend(c for c in tok.head.children if c.dep_ == "nsubj")
        mods.extend([m for x in list(mods) for m in x.children if m.dep_ in ("compound", "amod")])
    if tok.pos_ == "VERB":
        for c in tok.children:
            if c.dep_ in ("nsubj", "dobj", "nsubjpass", "agent"):
                obj = next((p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "agent" else c
                if obj is not None:
                    mods.append(obj)
                    mods.extend(m for m in obj.children if m.dep_ in ("compound", "amod"))
    return tuple(m.lemma_.lower() for m in mods) + tuple(m.lower_ for m in mods)


def _candidate(tok: Any) -> tuple[str, str] | None:
    """(type, lemma) if the word is an event word, else None."""
    lemma, word = tok.lemma_.lower(), tok.lower_
    pos = tok.pos_
    if pos not in ("VERB", "NOUN", "PROPN", "ADJ", "AUX"):
        return None
    if word in ("shelling", "bombing", "fighting", "shooting", "killing"):
        lemma = word  # the small model tags "shelling" AUX or VERB; the noun is meant
    if word == "shot" and any(c.dep_ == "nummod" for c in tok.children):
        lemma = "shoot"  # headline-speak "Three shot on Elm Street": the small model tags the participle a noun
    known = taxonomy.TRIGGERS.keys() | taxonomy.ATTACK_WORDS | taxonomy.OTHER_NOUNS
    if lemma not in known:  # a capitalised "Airstrikes" keeps its plural as lemma
        lemma = next((f for f in sorted(_forms(tok)) if f in known), lemma)
    if pos == "NOUN" and lemma in taxonomy.OTHER_NOUNS:
        return "other", lemma
    if lemma in taxonomy.VERB_ONLY and pos != "VERB" or lemma in taxonomy.NOUN_ONLY and pos not in ("NOUN", "PROPN"):
        return None
    if lemma == "open" and any(c.lower_ == "fire" and c.dep_ == "dobj" for c in tok.children):
        return "shooting", "open fire"
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")  # "blew himself up", "a jet shot down"
    if (lemma, prt) in taxonomy.PHRASAL or lemma in ("down", "downing") and pos in ("VERB", "NOUN"):
        return taxonomy.phrasal(lemma, prt, {t.lemma_.lower() for t in tok.sent})  # ("downed a jet", "the downing")
    if lemma in ("take", "seize", "gain", "assume", "regain", "wrest") and any(
            c.lemma_ == "control" and c.dep_ == "dobj" for c in tok.children):
        return "capture", "take control"
    if lemma == "fall" and not _place_falls(tok):
        return None
    if lemma in taxonomy.ATTACK_WORDS and pos == "VERB" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in taxonomy.OTHER_NOUNS for c in tok.children):
        return None  # "an earthquake struck": the earthquake is the event
    if lemma == "fire" and pos == "VERB":
        return taxonomy.type_of("strike", _modifier_lemmas(tok)) if _typed(tok) else "shooting", "fire"
    if lemma in ("hit", "target", "fire") and not _typed(tok):
        return None  # "prices hit a record", "a fire broke out": only a weapon or attack makes them one
    kind = taxonomy.type_of(lemma, _modifier_lemmas(tok))
    if kind is None:
        return None
    return None if lemma == "dead" and pos not in ("ADJ", "NOUN") else (kind, lemma)


def _judged(tok: Any) -> bool:
    """"All bombs are to kill", "the attack was a war crime": the event word is the subject of a judgement
    (a copula), not reported as happening ("there were clashes" is)."""
    head = tok.head
    return (tok.dep_ == "nsubj" and head.lemma_ == "be" and head.pos_ in ("AUX", "VERB")
            and not any(c.dep_ == "expl" for c in head.children))


def _typed(tok: Any) -> bool:
    return taxonomy.type_of("strike", _modifier_lemmas(tok)) != taxonomy.GENERIC_ATTACK


def _place_falls(tok: Any) -> bool:
    """"The town fell", "Tal Ruwaq fell to the rebels": a place falls; prices and ratings do not."""
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(p.pos_ == "NOUN" and p.lemma_ in ("rebel", "army", "force")
                                                         or p.ent_type_ for p in c.children) for c in tok.children):
        return True
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.ent_type_ in ("GPE", "LOC", "FAC") or subj.pos_ == "PROPN" or subj.lemma_.lower() in {
        "town", "city", "village", "district", "base", "airport", "stronghold", "position", "neighbourhood",
        "neighborhood", "area", "hill", "camp", "border", "crossing"})


def _trigger(content: Any) -> tuple[Any, str, str, list[Any]] | None:
    """(token, type, lemma, doers) of the claim's event; None when it reports none."""
    cands = []
    for tok in content:
        got = _candidate(tok)
        if got is not None and not _unreal(tok, content) and not _judged(tok):
            cands.append((_depth(tok, content), taxonomy.SPECIFICITY.get(got[0], 99), tok.i, tok, *got))
    if not cands:
        return _other(content)
    cands.sort(key=lambda c: c[:3])
    _, _, _, tok, kind, lemma = cands[0]
    doers = [] if kind == "other" else _doers(tok)
    if kind in taxonomy.OUTCOME_TYPES:  # the attack named anywhere in the claim caused the deaths
        below = [c for c in cands[1:] if c[4] in taxonomy.ATTACK_TYPES
                 or (c[5] in taxonomy.DISASTERS and tok.is_ancestor(c[3]))]
        if below:  # the attack the deaths are told of before one they followed ("... after rebels fired")
            _, _, _, tok, kind, lemma = min(below, key=lambda c: (_followed(c[3], tok), *c[:3]))
            doers = _doers(tok) + [d for d in doers if d.lemma_.lower() not in _MEANS and not _candidate(d)]
    if kind == taxonomy.GENERIC_ATTACK:  # "airstrikes struck", "a terrorist explosion struck": the named kind
        named = [c for c in cands if c[3].head.i == tok.i and c[4] in taxonomy.ATTACK_TYPES - {kind}]
        if named:
            _, _, _, tok, kind, lemma = named[0]
            doers = doers + _doers(tok)
    return tok, kind, lemma, doers


def _followed(tok: Any, outcome: Any) -> bool:
    """Is ``tok`` in an "after"/"following" clause or phrase of the outcome word ("killed in air strikes
    after rebels fired mortars")? Such an attack may be what the deaths followed, not their cause."""
    node = tok
    while node.i != outcome.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in _SEQUENCE or node.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _SEQUENCE for c in node.children):
            return True
        node = node.head
    return False


def _other(content: Any) -> tuple[Any, str, str, list[Any]] | None:
    """The content's root verb as an ``other`` event, if it is one (see the module docstring)."""
    root = next((t for t in content if t.head.i == t.i or not (content.start <= t.head.i < content.end)), None)
    if root is None or root.pos_ != "VERB" or not root.is_alpha or root.lemma_.lower() in NOT_EVENTS or _unreal(root, content):
        return None
    if root.tag_ not in ("VBD", "VBN", "VBZ", "VBP") or any(c.dep_ in ("xcomp", "ccomp") for c in root.children):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") for c in root.children):
        return None
    for c in root.children:  # "an earthquake hit northern Iran": the event is the earthquake
        if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in taxonomy.OTHER_NOUNS:
            return c, "other", c.lemma_.lower(), []
    return root, "other", root.lemma_.lower(), _doers(root)


# ---------------------------------------------------------------------------------------------- parts


def _time(sentence: Any, content: Any, trigger: Any, cue: Any, article_date: date | str | None) -> TimeRef | None:
    """The time expression nearest the trigger in the claim's content; else one that dates the report
    itself in this sentence ("the ministry said on Saturday that ..."), the latest the event can be."""
    doc = sentence.doc
    refs = [r for r in time_refs(sentence, article_date) if not _SINCE.search(doc_text(doc), max(0, r.start - 12), r.start)]
    inside = [r for r in refs if content.start_char <= r.start < content.end_char]
    refs = inside or [r for r in refs if cue is not None and _attached(sentence.doc, r.start, cue)]
    if not refs:
        return None
    at = trigger.idx
    return min(refs, key=lambda r: (0 if r.start <= at < r.end else min(abs(r.start - at), abs(r.end - at)), r.start))


def _doers(tok: Any) -> list[Any]:
    """Who did what the word names: "rebels shelled", "shelled by rebels", "the army's shelling",
    "regime shelling", "shelling by rebels", "the shelling was carried out by rebels", "X launched an
    air strike"."""
    out = []
    if tok.lemma_.lower() in _VICTIM_SUBJECT:  # "a woman died", "he suffered a wound": no doer named
        return []
    if tok.lemma_.lower() == "fall":  # "Tal Ruwaq fell to the rebels": the place is the subject
        out.extend(p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                   if p.dep_ == "pobj")
    elif tok.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
            tok.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" or c.dep_ == "dobj"
                                          for c in tok.children))  # "Child shot on Center Street"
        for c in tok.children:
            if c.dep_ == "nsubj" and not passive:
                out.append(c)
            if c.dep_ == "agent":
                out.extend(p for p in c.children if p.dep_ == "pobj")
        if tok.lower_ in ("shelling", "bombing") and tok.dep_ == "aux":  # "Regime shelling killed ..."
            out.extend(c for c in tok.head.children if c.dep_ == "nsubj")
    else:
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod") and (c.ent_type_ in ("NORP", "ORG", "GPE", "PERSON")
                                                           or c.lemma_.lower() in ACTOR_WORDS) and not (
                    c.lower_ in taxonomy.MODIFIER_TYPES and not list(c.children)):  # "BEIRUT Air strikes": a means
                out.append(c)
            if c.dep_ == "prep" and c.lower_ == "by":
                out.extend(p for p in c.children if p.dep_ == "pobj")
            if c.dep_ == "acl":  # "rocket shells fired by terrorists"
                out.extend(p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj")
        head = tok.head
        if tok.dep_ == "nsubjpass":  # "the shelling was carried out by rebels"
            out.extend(p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj")
        if tok.dep_ == "dobj" and head.lemma_.lower() in ("launch", "carry", "conduct", "stage", "mount", "commit",
                                                         "perpetrate", "open"):
            out.extend(c for c in head.children if c.dep_ == "nsubj")
    return [t for t in out if t.lower_ not in _PRONOUNS and t.pos_ != "PRON" and t.like_num is False
            and t.ent_type_ not in ("DATE", "TIME", "CARDINAL") and t.lemma_.lower() not in _WEAPONS
            and not (_forms(t) & (taxonomy.TRIGGERS.keys() | taxonomy.ATTACK_WORDS) - {"artillery"})]


def _agents(doers: list[Any], camps: Camps | None, content: Any) -> list[Actor]:
    """Each doer as written (the head noun and the modifiers just before it, inside the claim), named
    as a source is named, with its camp."""
    out: list[Actor] = []
    for tok in doers:
        if not content.start <= tok.i < content.end:
            continue
        first = tok
        while (first.i - 1 >= content.start and first.nbor(-1).dep_ in ("compound", "amod", "poss", "det", "nmod")
               and first.nbor(-1).head.i in range(first.i, tok.i + 1)):
            first = first.nbor(-1)
        a, b = first.idx, tok.idx + len(tok.text)
        text = doc_text(tok.doc)[a:b]
        name = canonical_name(text)
        if not name or any(x.span.start == a for x in out):
            continue
        out.append(Actor(name, Span(a, b, text), camps.camp_of(name) if camps else None))
    return out
