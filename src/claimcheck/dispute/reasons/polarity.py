"""``polarity``: the same event with opposite outcomes -- an event-lexicon conflict ("has fallen" vs "still
holds") or one claim negating the other's verb -- read as each source holds it (a denied claim counts
reversed). Also :func:`both_negate`: two claims that give the event the same negative outcome agree."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from claimcheck.dispute.evidence import _tok_ev
from claimcheck.dispute.pair import Pair
from claimcheck.dispute.reasons.learned import states_ignorance
from claimcheck.records import Claim, Evidence, Reason

POLARITY_MIN_SIM = 0.55  # the rule compares one event: claims at least this similar (cosine)

# Event axes: words that assert the event (+1) vs words that assert its opposite (-1). Lemmas.
POLARITY_AXES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "control": (frozenset({"fall", "capture", "seize", "overrun", "storm", "conquer", "secure", "take",
                           "advance", "gain", "liberate", "retake", "recapture", "encircle"}),
                frozenset({"hold", "repel", "repulse", "remain", "defend", "resist", "thwart", "fail",
                           "withdraw", "retreat", "lose"})),
    "casualty": (frozenset({"kill", "die", "dead", "death", "slay", "execute", "behead"}),
                 frozenset({"survive", "alive", "unharmed", "unhurt", "safe", "escape", "rescue"})),
    "injury": (frozenset({"injure", "wound", "hurt", "harm"}), frozenset({"unharmed", "unhurt", "unscathed"})),
    # taken vs got away at the moment it happened ("the pilot was captured" / "escaped"); an arrest is no
    # rival of a later release: "arrested ... released on bail" is one story's sequence
    "capture": (frozenset({"arrest", "abduct", "kidnap"}), frozenset({"escape"})),
    "custody": (frozenset({"detain", "jail", "imprison"}), frozenset({"release", "free", "freed", "acquit"})),
    "agreement": (frozenset({"agree", "accept", "approve", "sign", "endorse", "ratify"}),
                  frozenset({"reject", "refuse", "decline", "veto", "oppose"})),
    "arrival": (frozenset({"reach", "arrive", "deliver", "enter", "cross"}),
                frozenset({"block", "stop", "prevent", "halt", "turn", "obstruct"})),
    "outcome": (frozenset({"win", "victory", "succeed", "success"}),
                frozenset({"lose", "defeat", "fail", "failure", "loss"})),
    "access": (frozenset({"open", "reopen", "lift"}), frozenset({"close", "shut", "seal", "impose"})),
    "truth": (frozenset({"true", "real", "genuine", "authentic", "confirm", "accurate"}),
              frozenset({"false", "fake", "hoax", "fabricate", "untrue", "bogus", "deny", "debunk"})),
}
_NEGATORS = {"not", "n't", "never", "no", "without", "neither", "nor"}
_NOBODY = {"nobody", "none", "nothing", "noone"}  # "nobody was hurt": the event is negated
_FAILING = ("fail", "refuse", "unable")  # "failed to / unable to reach": the event did not happen
_PREDICATE_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "acomp", "attr", "advcl", "pcomp"}
_MAIN_DEPS = {"ROOT", "conj", "ccomp"}  # verbs whose negation changes what the claim asserts
_FACT_MARKS = {"when", "after", "as", "because", "since"}  # "killed when a strike hit X" asserts it hit X
# A state told as of a moment ("he was not arrested at that point", "had not been charged as of Monday"):
# beside the later outcome in the same article it is the story's timeline, not a rival version.
_THEN = re.compile(r"\b(?:at (?:that|the|this) (?:point|time|moment)|as of|yet|so far|initially|at first|by then)\b", re.I)
# Axes whose opposite pole is also a later stage of the story (held, then released): one article telling
# both tells its timeline, not two versions.
_STAGE_AXES = frozenset({"capture", "custody"})
_REPORTING = {"say", "tell", "report", "claim", "state", "add", "announce", "accord", "be", "have", "do"}


def _negating_subject_words(tok: Any) -> list[Any]:
    """The words by which the subject negates ``tok``: "nobody (was hurt)", "no (shots were fired)".
    Extraction's "nobody said it" check (``extract.verb_cues._withheld``) differs on purpose: see there."""
    words = []
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            words += [c] if c.lower_ in _NOBODY else [d for d in c.children if d.dep_ == "det" and d.lower_ == "no"]
    return words


def _negated(tok: Any) -> bool:
    """Negated by a `neg` child, by a 'no'/'nobody' subject or a 'no' object ("made no arrests", as
    "no arrests were made"), or as xcomp of fail/refuse/unable."""
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in tok.children):
        return True
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in tok.children):
        return True
    if _negating_subject_words(tok):
        return True
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _FAILING and tok.head.i != tok.i:
        return True
    if tok.pos_ in ("ADJ", "NOUN") and tok.head.lemma_ == "be" and any(c.dep_ == "neg" for c in tok.head.children):
        return True
    return False


_RELEASED_THINGS = frozenset({
    "statement", "film", "movie", "album", "video", "report", "data", "figure", "detail", "information",
    "footage", "image", "photo", "picture", "trailer", "record", "song", "book", "game", "version", "update",
    "fund", "money", "name", "list", "document", "result", "study", "poster", "episode", "single", "recording",
    "transcript", "letter", "audio", "product", "phone", "model", "software", "app", "feature", "date"})


def _released_thing(verb: Any) -> bool:
    """Is what was released or freed a thing (a statement, a film), not a person, or a patient let go
    from hospital ("treated and released", "released from the hospital")?"""
    if any(w.lemma_.lower() in ("treat", "hospital", "doctor") for w in (
            *verb.children, *(p for c in verb.children if c.dep_ == "prep" for p in c.children))) or (
            verb.dep_ == "conj" and verb.head.lemma_.lower() == "treat"):
        return True
    patient = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if patient is None and verb.dep_ == "xcomp":  # "is scheduled to be released"
        patient = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if patient is None:
        return False
    return patient.lemma_.lower() in _RELEASED_THINGS or patient.ent_type_ in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW")


def _imperative(tok: Any) -> bool:
    """A bare verb with no subject and no auxiliary but "do": "don't shoot", "reset all settings"."""
    return tok.tag_ == "VB" and tok.pos_ == "VERB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") or (c.dep_ in ("aux", "auxpass") and c.lemma_.lower() != "do")
        for c in tok.children)


def _lemma(tok: Any) -> str:
    lem = tok.lemma_.lower()
    if lem == "open" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in tok.children):
        return "fire"  # "opened fire" is firing: it conflicts with "no shots were fired"
    return "free" if tok.lower_ == "freed" else lem


def polarity_marks(doc: Any) -> tuple[dict[str, list[tuple[int, Any]]], dict[str, list[tuple[bool, Any]]]]:
    """Per axis: (sign, token) marks; per content verb lemma: (negated, token) occurrences."""
    from claimcheck.stance import cue_matches

    axes: dict[str, list[tuple[int, Any]]] = defaultdict(list)
    verbs: dict[str, list[tuple[bool, Any]]] = defaultdict(list)
    # A text calling something a hoax or denying it does not assert the events it mentions
    # ("X dead? Another death hoax"): only its verdict on the truth axis counts.
    meta = bool(cue_matches(doc.text, families=("deny", "fake")))
    for tok in doc:
        if tok.is_punct or tok.is_space:
            continue
        lem, neg = _lemma(tok), _negated(tok)
        if lem in _FAILING and any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "failed to reach": the negation is carried by the xcomp
        if tok.dep_ not in _PREDICATE_DEPS:
            continue  # only what the claim asserts, not modifiers ("buried alive", "the dead man")
        if tok.sent.text.rstrip().endswith("?") or _imperative(tok):
            continue  # a question or a command ("hands up, don't shoot") asserts nothing
        for axis, (pos, negs) in POLARITY_AXES.items():
            if meta and axis != "truth":
                continue
            sign = 1 if lem in pos else -1 if lem in negs else 0
            if lem == "take" and not any(c.lower_ in ("control", "over") for c in tok.children):
                sign = 0  # only "take control / take over"
            if lem == "remain" and not any(c.lower_ in ("control", "hands") for c in tok.subtree):
                sign = 0  # only "remains in control / in their hands"
            if lem == "turn" and not any(c.lower_ == "back" for c in tok.children):
                sign = 0
            if axis == "custody" and lem in ("release", "free") and _released_thing(tok):
                sign = 0  # "released a statement", "the film will be released": no custody
            if sign:
                axes[axis].append((-sign if neg else sign, tok))
        if tok.pos_ == "VERB" and lem not in _REPORTING and not meta and (tok.dep_ in _MAIN_DEPS or (
                tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _FACT_MARKS for c in tok.children))):
            verbs[lem].append((neg, tok))
    return axes, verbs


def _reverse(axes: dict, verbs: dict) -> tuple[dict, dict]:
    return ({k: [(-sg, t) for sg, t in v] for k, v in axes.items()},
            {k: [(not n, t) for n, t in v] for k, v in verbs.items()})


def _as_held(claim: Claim, marks: tuple) -> tuple[dict, dict]:
    """Polarity marks as the claim's source holds them: reversed when the source denies the content."""
    return _reverse(*marks) if claim.stance == "denies" else marks


def _negation_evidence(sides: tuple) -> list[Evidence]:
    """The words that negate each side: a `neg` on the marked word, or the source's denial cue."""
    ev = []
    for claim, tok in sides:
        ev += [_tok_ev(claim, c) for c in tok.children if c.dep_ == "neg"]
        ev += [_tok_ev(claim, t) for t in _negating_subject_words(tok)]  # "no shots were fired"
        if claim.stance == "denies" and claim.cue is not None:
            ev.append(Evidence(claim.article.id, claim.cue.start, claim.cue.end, claim.cue.text))
    return ev


def _as_read(claim: Claim, tok: Any) -> str:
    """The marked word as the reader should take it: "'killed'", "not 'killed'", "'killed' (denied)";
    without the negation, "opposite outcomes: 'killed' vs 'killed'" reads as no opposition at all."""
    shown = repr(tok.text)
    if any(c.dep_ == "neg" for c in tok.children) or _negating_subject_words(tok):
        shown = f"not {shown}"
    return f"{shown} (denied)" if claim.stance == "denies" else shown


def _with_implied(axes: dict) -> dict:
    """Axes with what a mark implies: a death is harm too ("two were killed" vs "nobody was hurt")."""
    killed = [(sg, t) for sg, t in axes.get("casualty", ()) if sg > 0]
    if not killed or "injury" in axes:
        return axes
    return {**axes, "injury": killed}


def polarity(a: Claim, b: Claim, doc_a: Any, doc_b: Any, sim: float, marks: tuple | None = None) -> Reason | None:
    """Same event, opposite polarity: an event-lexicon conflict or one claim negating the other's verb.
    A claim its source denies counts with reversed polarity ("X denied the army captured the hill"
    agrees with "rebels still hold the hill")."""
    if sim < POLARITY_MIN_SIM or "questions" in (a.stance, b.stance):
        return None  # a question asserts no polarity
    if a.article.id == b.article.id and (_THEN.search(a.text) or _THEN.search(b.text)):
        return None  # one article's then and now: "he was not arrested at that point" ... "he was arrested"
    if states_ignorance(a) or states_ignorance(b):
        return None  # what is not known tells no version ("it was not known if he had a lawyer")
    marks_a, marks_b = marks or (polarity_marks(doc_a), polarity_marks(doc_b))
    (axes_a, verbs_a), (axes_b, verbs_b) = _as_held(a, marks_a), _as_held(b, marks_b)
    axes_a, axes_b = _with_implied(axes_a), _with_implied(axes_b)
    scale = min(1.0, 0.75 + 0.5 * (sim - POLARITY_MIN_SIM))
    for axis in POLARITY_AXES:  # fixed order: deterministic
        if axis in _STAGE_AXES and a.article.id == b.article.id:
            continue
        sa = {s for s, _ in axes_a.get(axis, ())}
        sb = {s for s, _ in axes_b.get(axis, ())}
        if len(sa) == 1 and len(sb) == 1 and sa != sb:
            ta, tb = axes_a[axis][0][1], axes_b[axis][0][1]
            ev = [_tok_ev(a, ta), _tok_ev(b, tb)]
            ev += _negation_evidence(((a, ta), (b, tb)))
            return Reason("polarity", f"opposite outcomes on {axis}: {_as_read(a, ta)} vs {_as_read(b, tb)}",
                          tuple(ev), round(0.75 * scale, 4))
    for lem in sorted(set(verbs_a) & set(verbs_b)):
        na = {n for n, _ in verbs_a[lem]}
        nb = {n for n, _ in verbs_b[lem]}
        if len(na) == 1 and len(nb) == 1 and na != nb:
            ta, tb = verbs_a[lem][0][1], verbs_b[lem][0][1]
            if _other_doers(_doer(a, ta), _doer(b, tb)):
                continue  # "rebels used chemical weapons" vs "the government denied using them": two acts
            ev = [_tok_ev(a, ta), _tok_ev(b, tb)]
            ev += _negation_evidence(((a, ta), (b, tb)))
            return Reason("polarity", f"one asserts and the other negates {lem!r}", tuple(ev),
                          round(0.7 * scale, 4))
    return None


def _doer(claim: Claim, tok: Any) -> frozenset[str] | None:
    """Who does what ``tok`` says, as comparable actor words: its subject or passive agent, or for a
    gerund its source denies ("denied using chemical weapons") the source itself; None if unsaid."""
    from claimcheck.dispute.reasons.responsibility import _PRONOUNS, _actor_words, actor_name_words

    found = [c for c in tok.children if c.dep_ == "nsubj"]
    found += [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    found = [t for t in found if t.lower_ not in _PRONOUNS and t.pos_ != "PRON"]
    if found:
        return _actor_words(found[0])[1] or None
    if tok.tag_ == "VBG" and tok.dep_ == "ROOT" and claim.stance == "denies" and claim.source.name:
        return actor_name_words(claim.source.name) or None
    return None


def _other_doers(x: frozenset[str] | None, y: frozenset[str] | None) -> bool:
    from claimcheck.dispute.reasons.responsibility import _same_actor_word

    return bool(x and y) and not any(_same_actor_word(u, v) for u in x for v in y)


def both_negate(a: Claim, b: Claim, marks_a: tuple, marks_b: tuple) -> bool:
    """Do both claims give the same event the negative outcome ("did not reach" / "was unable to
    reach", "repelled" / "repelled"), with nothing they oppose on? Then they agree on it, although
    each reads "against" to the stance model."""
    (axes_a, verbs_a), (axes_b, verbs_b) = _as_held(a, marks_a), _as_held(b, marks_b)
    signs = [({sg for sg, _ in axes_a[k]}, {sg for sg, _ in axes_b[k]}) for k in set(axes_a) & set(axes_b)]
    signs += [({-1 if n else 1 for n, _ in verbs_a[k]}, {-1 if n else 1 for n, _ in verbs_b[k]})
              for k in set(verbs_a) & set(verbs_b)]
    return any(x == y == {-1} for x, y in signs) and not any(x != y for x, y in signs)


def detect(pair: Pair) -> Reason | None:
    if pair.docs is None:
        return None  # the rule reads both claims' parses
    return polarity(pair.a, pair.b, *pair.docs, pair.sim, pair.marks)
