"""Untrusted text made safe to hold, write and show: lone surrogates, file names that are not UTF-8,
JSON that is too deep or holds too long a number, and control characters on a terminal.

Every stage may use it (like records and errors): it knows nothing of claimcheck.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

_SURROGATE = re.compile(r"[\ud800-\udfff]")
# C0 and C1 controls and DEL, except newline and tab, which the printed report lays out with.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def scrub(text: str) -> str:
    """``text`` with each lone surrogate (a JSON ``"\\ud800"`` escape that pairs with nothing) made
    U+FFFD, one character for one, so offsets hold and the text can be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def shown_path(path: str) -> str:
    """A file name as it is reported and written: itself when it is valid UTF-8; else each byte
    that is not UTF-8 as a backslash escape (``caf\\xe9.txt``), a string that can be written
    anywhere. The file itself is still read under its real name."""
    if not _SURROGATE.search(path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


class JSONProblem(ValueError):
    """JSON that cannot be read: ``message`` for a one-line warning, ``line`` where known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def load_json(text: str) -> Any:
    """``json.loads`` that fails only with ``JSONProblem``: malformed JSON, nesting deeper than the
    parser's recursion limit (about 1,000 levels), and integers over Python's 4,300-digit limit."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JSONProblem(f"invalid JSON ({exc.msg}, column {exc.colno})", exc.lineno) from None
    except RecursionError:
        raise JSONProblem("JSON nested too deeply to read") from None
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise JSONProblem(f"unreadable JSON value ({str(exc).split(';')[0]})") from None


def for_terminal(text: str) -> str:
    """``text`` fit to print: control characters (an ``ESC[2J`` that clears the screen, an
    ``ESC]0;...BEL`` that sets the title, a carriage return) shown as ``\\x1b`` style escapes;
    newlines and tabs kept. Written files keep the exact text; only what is printed is escaped."""
    if not _CONTROL.search(text) and not _SURROGATE.search(text):
        return text
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
