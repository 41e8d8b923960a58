"""Parses of claim texts for the reasons that read the parse (polarity, responsibility): taken from the
article's parse where the pipeline kept it, else parsed in one batch, only for claims with a word those
reasons need, with each claim's polarity marks and attack agents computed once (not once per pair)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimcheck.dispute.reasons.polarity import _NEGATORS, POLARITY_AXES, polarity_marks
from claimcheck.dispute.reasons.responsibility import agents, ATTACK_NOUNS, ATTACK_VERBS, run_places
from claimcheck.records import Claim


@dataclass
class _Docs:
    """Parses of claim texts, made in one batch for the claims that need them, with the polarity
    marks and attack agents of each computed once (not once per pair)."""

    docs: dict[int, Any]
    marks: dict[int, Any]
    agents: dict[int, Any]

    @classmethod
    def build(cls, claims: Sequence[Claim], pairs: Sequence[tuple[int, int]],
              parsed: Mapping[str, Any] | None = None) -> "_Docs":
        """Parses of both claims of each pair in which at least one has a word the parse reasons
        need (the other may be the plain assertion that a negation contradicts): taken from
        ``parsed`` (claim id -> Doc of the claim's text, e.g. cut from the article's parse) where
        given, else parsed here."""
        worth = {i: _worth_parsing(claims[i].text) for p in pairs for i in p}
        idx = sorted({i for p in pairs if worth[p[0]] or worth[p[1]] for i in p})
        parsed = parsed or {}
        docs: dict[int, Any] = {i: parsed[claims[i].id] for i in idx if claims[i].id in parsed}
        missing = [i for i in idx if i not in docs]
        if missing:
            from claimcheck.nlp import parse_many

            docs.update(zip(missing, parse_many([claims[i].text for i in missing])))
        docs = dict(sorted(docs.items()))
        places = run_places(claims)  # "the Tel Abyad attack": a town the run places events in did nothing
        return cls(docs, {i: polarity_marks(d) for i, d in docs.items()}, {i: agents(d, places) for i, d in docs.items()})


def _hint_stems() -> frozenset[str]:
    words = set(ATTACK_VERBS) | set(ATTACK_NOUNS) | {"blame", "responsible"} | set(_NEGATORS)
    for pos, neg in POLARITY_AXES.values():
        words |= pos | neg
    words |= {"fell", "took", "held", "won", "lost", "shot", "struck", "fought", "freed", "slain", "dying",
              "never", "failed", "refused"}
    return frozenset(w[:4] for w in words) | frozenset(w[:-1][:4] + "i" for w in words if w.endswith("y"))


def _worth_parsing(text: str) -> bool:
    """Cheap pre-filter: only texts with a polarity, attack or negation word can carry those reasons."""
    stems = _HINT_STEMS
    return any(w[:4] in stems or w[:3] in stems for w in re.findall(r"[a-z']+", text.lower().replace("n't", " not")))


_HINT_STEMS = _hint_stems()
