"""``explicit_denial``: one source denies what another asserts, on (nearly) the same content."""

from __future__ import annotations

import re

from claimcheck.dispute.candidates import words_any_case
from claimcheck.dispute.evidence import _content
from claimcheck.dispute.pair import Pair
from claimcheck.records import Claim, Evidence, Reason

DENIAL_MIN_SIM = 0.7  # an assertion and a denial must be about the same content
# "NASA raises doubts about reports of X" rejects X. Kept apart from the stance cue family "deny" (which
# cue_matches also reads for polarity, the learned reason and stance_probs) and from extraction's
# DENY_VERBS (which also holds "dispute", "contest", "contradict" ...): either merge changes disputes.
_DOUBT = re.compile(r"\bdoubt(?:s|ed|ful)?\b|\bimpossible\b", re.I)  # "it was impossible that the attackers ..."


# A source named by one of these nouns is a thing, not a speaker ("Peace talks doubts ...", a headline
# read as a denial in FA-KES): it denies nothing. A report's own words still count through its speaker.
NOT_SPEAKERS = frozenset({"talks", "talk", "summit", "conference", "meeting", "report", "reports", "story",
                          "stories", "article", "video", "footage", "photo", "photos", "picture", "pictures",
                          "news", "claims", "claim", "allegations", "allegation", "doubts", "rumours", "rumors",
                          "negotiations", "deal", "agreement", "ceasefire", "truce", "war", "attack", "attacks"})


def not_a_speaker(claim: Claim) -> bool:
    """Is the claim's source named by a noun that speaks for no one ("peace talks", "the report")?"""
    words = re.findall(r"[a-z]+", (claim.source.name or "").casefold())
    return bool(words) and words[-1] in NOT_SPEAKERS


_FUNCTION_WORDS = frozenset({"the", "a", "an", "that", "this", "these", "those", "it", "its", "they", "them", "their",
                             "he", "she", "his", "her", "for", "of", "to", "in", "on", "at", "by", "with", "from",
                             "and", "or", "was", "were", "is", "are", "be", "been", "had", "has", "have", "any", "all",
                             "out", "up", "off", "down", "over", "into", "onto", "upon", "about", "through",
                             "after", "before", "during", "under"})  # particles: "carried out"; "taken into custody"


def names_nothing(text: str) -> bool:
    """Content that could be any story's: no name, no number, under three content words
    ("responsibility for the attack", "it carried out the raid"). Two articles' claims of such words
    are about one thing only when one event holds both."""
    words = re.findall(r"[A-Za-z][\w'’-]*|\d+", text)
    if any(w[0].isdigit() for w in words) or any(w[0].isupper() for w in words[1:]):
        return False
    return sum(w.casefold() not in _FUNCTION_WORDS for w in words) < 3


def explicit_denial(a: Claim, b: Claim, sim: float, agree: bool = False) -> Reason | None:
    """One source denies what the other asserts, on (nearly) the same content. Not when the
    asserting claim itself rejects it ("No, X was not arrested", "the X hoax") or ``agree`` (both
    give the event the negative outcome, see :func:`both_negate`): the two sources agree."""
    from claimcheck.stance import cue_matches

    if {a.stance, b.stance} != {"asserts", "denies"} or agree:
        return None
    if not_a_speaker(a if a.stance == "denies" else b):
        return None
    asserted = (b if a.stance == "denies" else a).text
    if cue_matches(asserted, families=("deny", "fake")) or _DOUBT.search(asserted):
        return None
    if a.article.id != b.article.id and names_nothing(a.text) and names_nothing(b.text) and not (
            a.event is not None and b.event is not None and a.event.id is not None and a.event.id == b.event.id):
        return None  # "X denied responsibility for the attack" vs "Y claimed responsibility for the attack"
    same = words_any_case(a.text) == words_any_case(b.text)
    if not same and sim < DENIAL_MIN_SIM:
        return None
    weight = 0.95 if same else 0.5 + 0.45 * min(1.0, (sim - DENIAL_MIN_SIM) / (1 - DENIAL_MIN_SIM))
    denier, asserter = (a, b) if a.stance == "denies" else (b, a)
    ev = []
    if denier.cue is not None:
        ev.append(Evidence(denier.article.id, denier.cue.start, denier.cue.end, denier.cue.text))
    ev += [_content(denier), _content(asserter)]
    who = denier.source.name or "an unnamed source"
    cue = f" ({denier.cue.text!r})" if denier.cue is not None else ""
    return Reason("explicit_denial", f"{who} denies{cue} what {asserter.source.name or 'another source'} asserts"
                  f" (similarity {sim:.2f})", tuple(ev), round(weight, 4))


def detect(pair: Pair) -> Reason | None:
    return explicit_denial(pair.a, pair.b, pair.sim, pair.agree)
