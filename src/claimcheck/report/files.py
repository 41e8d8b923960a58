"""Files: JSON lines written atomically (a temporary file beside the target, then a rename, so an
interrupted run never leaves half a file) and read back line by line, a bad line a problem, not the end."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import jsonlines

from claimcheck.errors import InputError
from claimcheck.records import Problem


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def write_jsonl(target: str | Path | IO[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Write rows as JSON lines to a path (atomically) or an open text stream; returns the count."""
    if not isinstance(target, (str, Path)):
        return _write_rows(target, rows)
    with _atomic(target) as handle:
        return _write_rows(handle, rows)


@contextlib.contextmanager
def _atomic(target: str | Path) -> Iterator[IO[str]]:
    """A text file that appears at ``target`` only when complete: a temporary file beside it, then a rename."""
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_rows(handle: IO[str], rows: Iterable[Mapping[str, Any]]) -> int:
    count = 0
    with jsonlines.Writer(handle, dumps=dumps, flush=False) as writer:
        for row in rows:
            writer.write(row)
            count += 1
    return count


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Rows of a JSONL file written by claimcheck (extra fields, such as a reviewer's verdict, are kept)."""
    try:
        with jsonlines.open(path) as reader:
            yield from reader.iter(type=dict)
    except jsonlines.InvalidLineError as exc:
        raise InputError(f"{path}:{getattr(exc, 'lineno', '?')}: not a JSON object line") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None


def read_rows(path: str | Path) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    """The JSON object lines of a file with their line numbers; a bad line is a problem, not the end."""
    rows: list[tuple[int, dict[str, Any]]] = []
    problems: list[Problem] = []
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or 'cannot read'}") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(Problem(str(path), f"not JSON ({exc.msg})", number))
                    continue
                if not isinstance(row, dict):
                    problems.append(Problem(str(path), "not a JSON object", number))
                    continue
                rows.append((number, row))
        except UnicodeDecodeError:
            problems.append(Problem(str(path), "not UTF-8 text (rest of file skipped)"))
    return rows, problems



def write_text(target: str | Path | IO[str], text: str) -> None:
    """Write text to a path (atomically, like the JSONL files) or an open stream."""
    if not isinstance(target, (str, Path)):
        target.write(text)
        return
    with _atomic(target) as handle:
        handle.write(text)



def write_json(target: str | Path | IO[str], obj: Any) -> None:
    write_text(target, json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
