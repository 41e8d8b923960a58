"""The working records of extraction, private to it and mutable while a document is read: ``_Attr``,
one attribution found in a sentence, and ``_Seg``, a sentence (cut at line breaks) with its
attributions. ``extract_claims`` turns them into :class:`~claimcheck.records.Claim` records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.tokens import Span as SpacySpan


@dataclass
class _Attr:
    """One attribution found in a sentence (token indices into the doc; char spans for content)."""

    content: tuple[int, int]
    cue: "Token | None"
    source: "SpacySpan | None"  # the words as written
    source_head: "Token | None"
    stance: str = "asserts"
    inherited: "_Attr | None" = None  # quote-only sentence: the attribution it borrows the speaker from
    name: str | None = None
    kind: str = "named"
    order: int = 0
    person: bool | None = None
    plural: bool = False
    gender: str | None = None
    affiliation: str | None = None  # the organisation the speaker speaks for, as written with the name
    nominal: bool = False  # "Trump's claim that ...": the sentence around it is still the narrator's
    owner: "Token | None" = None  # "rejected the army's account": whose claim the content names


@dataclass
class _Seg:
    span: "SpacySpan"
    start: int
    end: int
    attrs: list[_Attr] = field(default_factory=list)
    quote_only: bool = False
    skip: bool = False
    quote_open_after: bool = False  # a quotation runs on into the next sentence
    question: bool = False  # ends with "?": no claim of its own, but a frame in it may still report one
    intro: _Attr | None = None  # "Limbaugh added:" introduces the next paragraph
    persons: list[tuple[str, str | None]] = field(default_factory=list)  # PERSON entities (name, gender)
