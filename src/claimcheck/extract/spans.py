"""Character spans of content: tokens or a whole sentence trimmed of frame residue (edge
punctuation, quote marks, ``that``, a dateline), quote marks kept in balance, and where
quotations open and close (is a token inside one? does a sentence leave one open?)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimcheck.extract.lexicon import _CLOSE_Q, _OPEN_Q, _QUOTE_CHARS
from claimcheck.nlp import DATELINE_RE, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


def _trim_tokens(doc: "Doc", a: int, b: int) -> tuple[int, int] | None:
    """Char span of tokens a..b without frame residue: edge punctuation, quotes, ``that``, conjunctions."""
    lo, hi = a, b
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or (doc[lo].dep_ == "mark" and doc[lo].lower_ in ("that",))
                       or (lo == a and doc[lo].dep_ == "cc")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    if hi - lo < 2 and not (hi - lo == 1 and doc[lo].pos_ in ("VERB",)):
        return None
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
    return _balance_quotes(doc_text(doc), start, end)


def _trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """A whole sentence as content: no dateline, no surrounding quotes or final punctuation."""
    m = DATELINE_RE.match(text[start:end])
    if m:
        start += m.end()
    while start < end and (text[start].isspace() or text[start] in _QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTE_CHARS + ".,;:!"):
        end -= 1
    # a trailing "U.S." keeps its dot
    if end < len(text) and text[end] == "." and re.search(r"\b[A-Z]\.[A-Z]$", text[start:end]):
        end += 1
    return start, end


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Put back a stripped quote mark when the content keeps its partner inside ("“groups” had ...")."""
    inner = text[start:end]
    bal = _quote_balance(inner)
    if bal < 0:
        j = start - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j >= 0 and text[j] in _OPEN_Q:
            start = j
    elif bal > 0:
        j = end
        while j < len(text) and text[j] in " \t":
            j += 1
        if j < len(text) and text[j] in _CLOSE_Q:
            end = j + 1
    if inner.count('"') % 2 == 1:
        if start > 0 and text[start - 1] == '"':
            start -= 1
        elif end < len(text) and text[end] == '"':
            end += 1
    return start, end


def _quote_balance(inner: str) -> int:
    """Opening minus closing quote marks; a ’ between letters is an apostrophe, not a quote."""
    n = 0
    for k, ch in enumerate(inner):
        if ch in "“«":
            n += 1
        elif ch in "”»":
            n -= 1
        elif ch in "‘’":
            prev = inner[k - 1] if k else " "
            nxt = inner[k + 1] if k + 1 < len(inner) else " "
            if prev.isalnum() and (nxt.isalnum() or ch == "’" and prev in "sS"):
                continue
            if ch == "‘" and not prev.isalnum():
                n += 1
            elif ch == "’" and not nxt.isalnum():
                n -= 1
    return n


def _word_count(doc: "Doc", a: int, b: int) -> int:
    return sum(1 for t in doc[a:b] if t.is_alpha)


def _inside_quote(sent: "SpacySpan", tok: "Token", opened: bool = False) -> bool:
    """Is the token enclosed by quote marks (opened before it, here or in an earlier sentence, and
    closed after it)?"""
    before = doc_text(sent.doc)[sent.start_char:tok.idx]
    after = doc_text(sent.doc)[tok.idx:sent.end_char]
    if opened and not any(q in before for q in ('”', '"', "''", "»")):
        return True
    if _quote_balance(before) > 0 and (any(q in after for q in "”»") or before.lstrip()[:1] in _OPEN_Q):
        return True  # closed later, or a quotation opening the sentence that runs on into the next
    for mark in ("''", '"'):
        shift = opened and before.lstrip()[:1] not in _QUOTE_CHARS  # the first mark closes the running quote
        if (before.count(mark) + shift) % 2 == 1 and (mark in after or before.lstrip().startswith(mark)):
            return True
    return False


def _quote_delta(text: str) -> int:
    """+1 if the text leaves a quotation open, -1 if it closes one opened earlier, else 0."""
    bal = _quote_balance(text)
    straight = text.count('"') + text.count("''")
    if bal > 0:
        return 1
    if bal < 0:
        return -1
    if straight % 2 == 1:
        k = max(text.rfind('"'), text.rfind("''"))
        opening = k == 0 or text[k - 1].isspace() or text[k - 1] in "([:—–-"
        return 1 if opening else -1
    return 0


def _starts_paragraph(text: str, start: int) -> bool:
    before = text[max(0, start - 8):start]
    return start == 0 or "\n" in before[len(before.rstrip()):] or before.strip() == "" and "\n" in before


def _asks(text: str, end: int) -> bool:
    """Content that is a question ("Who would do this?") states nothing checkable."""
    return text[end:end + 3].lstrip(_QUOTE_CHARS + " ").startswith("?") or text[end - 1:end] == "?"


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _opens_sentence(token: "Token") -> bool:
    """A capitalised word that is no name: only a sentence's first word is written so ("At least",
    "The", "Three", "Intense") inside a keyword list's run of names and lower-case topics."""
    word = token.text
    return word[:1].isupper() and not (len(word) > 1 and word.isupper()) and (token.like_num or (
        token.pos_ != "PROPN" and (token.ent_type_ in ("", "CARDINAL", "DATE", "TIME") or token.pos_ == "DET")))


def lead_after_keywords(doc: "Doc", start: int, end: int) -> int | None:
    """Where the lead sentence begins among the words ``start``..``end`` after a keyword list ("Tags
    Lorin Vel floods relief Harbin At least 12 people were killed ..."): at the last capitalised
    word that is no name before the first finite verb; None when there is none (the caller falls back
    on the words alone)."""
    last = None
    for token in doc:
        if token.idx < start:
            continue
        if token.idx >= end:
            break
        if token.tag_ in _FINITE and last is not None:
            return last.idx
        if _opens_sentence(token):
            last = token
    return None
