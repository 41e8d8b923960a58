"""Reading articles: files, folders and stdin into ``Article`` records, bad inputs into ``Problem``\\s.

Rules (the same ones a reader of the output must use to turn offsets back into text):

Paths
    A file argument is read whatever its name if its extension is supported (.txt .text .md
    .markdown .html .htm .json .jsonl .ndjson), else it is one Problem. A folder is walked
    recursively in tree order (entries sorted by name at each level); hidden entries (name starts
    with ".") and files with unsupported extensions are skipped silently, and so are ``README.*``
    files, which document a folder rather than report news. Folder symlinks are not followed (no
    cycles). ``"-"`` reads stdin. A path that does not exist raises ``InputError`` before anything
    is yielded.

Text and offsets
    Files are decoded as UTF-8 with a leading BOM dropped and *no* newline translation: ``Article.text``
    of a ``.txt``/``.md`` file equals ``open(path, encoding="utf-8-sig", newline="").read()``, so
    ``\\r\\n`` stays two characters and every offset indexes that string.

Titles
    ``.txt``/``.md``: after any leading blank or boilerplate lines ("Share"), the first line is the
    title when a blank line follows it and it reads like a headline (no closing full stop, at most 15
    words or Title Cased); a Markdown heading's ``#`` marks are dropped from ``Article.title`` (not
    from the text). ``body_start`` is the offset of the first non-blank line after the title (0 when
    there is no title).
    ``.html``: text is ``title + "\\n\\n" + main text`` (trafilatura, no network, paragraphs joined by
    blank lines, a leading repeat of the headline dropped); ``body_start`` follows the title. A page
    yielding fewer than ``MIN_HTML_WORDS`` words is a Problem (a menu or error page).
    ``.json``/``.jsonl``: text is ``title + "\\n\\n" + body`` (a leading repeat of the title dropped), else the body.

Metadata
    JSON fields (first non-empty wins): text/body/content (a list of strings is joined as
    paragraphs); title/headline; outlet/source/publisher/site_name (a ``{"name": ...}`` object is
    accepted); url/link; published/date/published_at/publishedAt; id. A JSON file holds one object,
    a list of objects, or ``{"articles": [...]}``. HTML: trafilatura's title, sitename (outlet),
    date and url. Any article without an outlet gets one from a wire dateline opening its body:
    "SABRAN (Meridian Press) - ..." (see ``dateline_span``; the dateline stays in the text).

Ids
    A given ``id`` field; else the path relative to the argument (a file argument: its name; a folder:
    the posix path inside it), plus ``:<line>`` (from 1) for JSONL records and ``:<index>`` (from 0)
    for items of a JSON list. Stdin: ``stdin``, ``stdin:<line>``, ``stdin:<index>``; its path is
    ``<stdin>``. When a derived id repeats (two folders both holding ``a.txt``), the article's path
    is used instead; a given id that repeats, or the same file read twice, is a Problem and skipped.

Bad input
    Unreadable, binary (NUL bytes), undecodable, empty or whitespace-only files, malformed JSON, and
    JSON records that are not objects or lack text, JSON nested too deep or with an integer over
    4,300 digits each give one Problem (file and line where known); the rest continues. A lone
    surrogate in a JSON string becomes U+FFFD (offsets hold). A file name that is not UTF-8 is
    read, and reported and written with its stray bytes as backslash escapes (``caf\\xe9.txt``).
    Nothing here prints.

Boilerplate ("Advertisement", "Share", bylines, photo credits, "(Reporting by ...)") stays in the text
so offsets hold; ``boilerplate_spans`` tells the extractor which stretches to skip. spaCy often
joins a boilerplate line with the next sentence ("Share\n\nThe army said ..."), so a sentence that
overlaps a span should be cut at the span, not dropped.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import replace
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from claimcheck.errors import InputError, MissingDependencyError
from claimcheck.layout import (
    boilerplate_spans, dateline_outlet, dateline_span, is_boilerplate_line, split_title, without_title_repeat,
)
from claimcheck.records import Article, Problem
from claimcheck.safe_text import JSONProblem, load_json, scrub, shown_path

TEXT_EXTS = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_EXTS = frozenset({".html", ".htm"})
JSON_EXTS = frozenset({".json"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
SUPPORTED_EXTS = TEXT_EXTS | HTML_EXTS | JSON_EXTS | JSONL_EXTS

STDIN_PATH = "<stdin>"
MIN_HTML_WORDS = 5  # fewer words extracted from a page than this: no article found

TEXT_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site_name")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "published_at", "publishedAt")

# The text-layout helpers (boilerplate, titles, datelines) live in claimcheck.layout and are
# re-exported here, where the rules they follow are written down.
__all__ = [
    "SUPPORTED_EXTS", "boilerplate_spans", "dateline_outlet", "dateline_span", "is_boilerplate_line",
    "iter_articles", "load_articles", "split_title",
]

# --------------------------------------------------------------------------------------------------
# Reading


def iter_articles(paths: Sequence[str | Path], stdin: TextIO | None = None) -> Iterator[Article | Problem]:
    """Articles and Problems in input order (see the module docstring for the rules).

    Raises ``InputError`` for a path that does not exist, before yielding anything.
    """
    items = [str(p) if isinstance(p, Path) else p for p in paths]
    for p in items:
        if p != "-" and not os.path.lexists(p):
            raise InputError(f"{p}: no such file or directory")
    seen: dict[str, str] = {}  # article id -> where it came from ("path" or "path:line")
    seen_files: set[str] = set()
    for p in items:
        for entry in _expand(p, stdin):
            if isinstance(entry, Problem):
                yield entry
                continue
            path, rel, read = entry
            key, path, rel = os.path.realpath(path) if path != STDIN_PATH else STDIN_PATH, shown_path(path), shown_path(rel)
            if key in seen_files and path != STDIN_PATH:
                yield Problem(path, "file already read; skipped")
                continue
            seen_files.add(key)
            for item in read():
                if isinstance(item, Problem):
                    yield item
                    continue
                article, given_id, line = item
                if article.id in seen and not given_id:
                    fallback = path + article.id[len(rel):]
                    if fallback not in seen:
                        article = replace(article, id=fallback)
                if article.id in seen:
                    yield Problem(path, f"duplicate article id {article.id!r} (first at {seen[article.id]}); skipped", line)
                    continue
                seen[article.id] = path if line is None else f"{path}:{line}"
                yield article


def load_articles(
    paths: Sequence[str | Path], stdin: TextIO | None = None
) -> tuple[list[Article], list[Problem]]:
    """All articles and the problems met on the way; raises ``InputError`` for a missing path."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in iter_articles(paths, stdin):
        (problems if isinstance(item, Problem) else articles).append(item)
    return articles, problems


Reader = Iterator["tuple[Article, bool, int | None] | Problem"]  # (article, id was given, line)


def _expand(p: str, stdin: TextIO | None) -> Iterator["tuple[str, str, Any] | Problem"]:
    """(path, id base, reader) for each input under argument ``p``; the reader yields
    (article, id_was_given, line) or Problem."""
    if p == "-":
        yield STDIN_PATH, "stdin", lambda: _read_stdin(stdin if stdin is not None else sys.stdin)
        return
    root = Path(p)
    if not root.is_dir():
        path = root.as_posix()
        if root.suffix.lower() not in SUPPORTED_EXTS:
            yield Problem(shown_path(path), f"unsupported file type {root.suffix or '(no extension)'!r}; skipped")
            return
        yield path, root.name, lambda: _read_file(path, root.name)
        return
    for full in _walk(root):
        if isinstance(full, Problem):
            yield full
            continue
        path, rel = full.as_posix(), full.relative_to(root).as_posix()
        yield path, rel, (lambda path=path, rel=rel: _read_file(path, rel))


def _walk(folder: Path) -> Iterator["Path | Problem"]:
    """Supported files under ``folder`` in tree order (entries sorted by name at each level)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Problem(shown_path(folder.as_posix()), f"cannot read folder ({exc.strerror or exc})")
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(folder / name)
        elif Path(name).suffix.lower() in SUPPORTED_EXTS and not name.lower().startswith("readme."):
            yield folder / name


def _read_file(path: str, rel: str) -> Reader:
    """Read the file under its real name; report and write it under ``shown_path`` (always UTF-8)."""
    real, path, rel = path, shown_path(path), shown_path(rel)
    try:
        data = Path(real).read_bytes()
    except OSError as exc:
        yield Problem(path, f"cannot read file ({exc.strerror or exc})")
        return
    if not data.strip():
        yield Problem(path, "empty file")
        return
    if b"\x00" in data:
        yield Problem(path, "binary file (contains NUL bytes)")
        return
    ext = Path(path).suffix.lower()
    if ext in HTML_EXTS:
        yield from _read_html(data, path, rel)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        yield Problem(path, f"not UTF-8 text (byte {exc.start})", line)
        return
    if ext in JSON_EXTS:
        yield from _read_json(text, path, rel)
    elif ext in JSONL_EXTS:
        yield from _read_jsonl(text, path, rel)
    else:
        yield from _read_text(text, path, rel)


def _read_text(text: str, path: str, article_id: str) -> Reader:
    if "\x00" in text:
        yield Problem(path, "binary input (contains NUL characters)")
        return
    if not text.strip():
        yield Problem(path, "no text")
        return
    title, body_start = split_title(text)
    outlet = dateline_outlet(text, body_start)
    yield Article(article_id, text, path=path, outlet=outlet, title=title, body_start=body_start), False, None


def _read_stdin(stream: TextIO) -> Reader:
    try:
        text = stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        yield Problem(STDIN_PATH, f"cannot read stdin ({exc})")
        return
    text = scrub(text.removeprefix("\ufeff"))
    head = text.lstrip()[:1]
    if head in ("{", "["):
        try:
            load_json(text)
        except JSONProblem:
            first = next((line for line in text.splitlines() if line.strip()), "")
            try:
                is_jsonl = isinstance(load_json(first), dict)
            except JSONProblem:
                is_jsonl = False
            if is_jsonl:
                yield from _read_jsonl(text, STDIN_PATH, "stdin")
                return
        else:
            yield from _read_json(text, STDIN_PATH, "stdin")
            return
    yield from _read_text(text, STDIN_PATH, "stdin")


# ---- JSON -----------------------------------------------------------------------------------------


def _read_json(text: str, path: str, rel: str) -> Reader:
    try:
        data = load_json(text)
    except JSONProblem as exc:
        yield Problem(path, exc.message, exc.line)
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list) and not _field(data, TEXT_FIELDS):
        data = data["articles"]
        lines = [None] * len(data)
    elif isinstance(data, list):
        lines = _list_item_lines(text)
    else:
        yield _record(data, path, rel, None, what="JSON value (expected an object or a list of objects)")
        return
    if not data:
        yield Problem(path, "no articles (empty JSON list)")
        return
    if len(lines) != len(data):
        lines = [None] * len(data)
    for index, (item, line) in enumerate(zip(data, lines)):
        yield _record(item, path, f"{rel}:{index}", line, what=f"item {index}")


def _list_item_lines(text: str) -> list[int | None]:
    """The line where each item of a top-level JSON list starts (the text is known to be valid JSON)."""
    decoder = json.JSONDecoder()
    lines: list[int | None] = []
    i = text.index("[") + 1
    ws = re.compile(r"[\s,]*")
    while True:
        i = ws.match(text, i).end()
        if i >= len(text) or text[i] == "]":
            return lines
        lines.append(text.count("\n", 0, i) + 1)
        _, i = decoder.raw_decode(text, i)


def _read_jsonl(text: str, path: str, rel: str) -> Reader:
    read = False  # a file of only Unicode spaces (U+2028, U+3000) passes bytes.strip()
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if not line.strip():
            continue
        read = True
        try:
            data = load_json(line)
        except JSONProblem as exc:
            yield Problem(path, exc.message, number)
            continue
        yield _record(data, path, f"{rel}:{number}", number, what="line")
    if not read:
        yield Problem(path, "no articles (only blank lines)")


def _field(data: dict[str, Any], names: Iterable[str]) -> str | None:
    """The first non-empty value among ``names`` as a string (a {"name": ...} object gives its name)."""
    for name in names:
        value = data.get(name)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (int, float)):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return scrub(value.strip())
    return None


def _record(data: Any, path: str, default_id: str, line: int | None, what: str = "record") -> "tuple[Article, bool, int | None] | Problem":
    if not isinstance(data, dict):
        return Problem(path, what if what.startswith("JSON value") else f"{what} is not a JSON object", line)
    body = None
    for name in TEXT_FIELDS:
        value = data.get(name)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = "\n\n".join(value)  # a list of paragraphs
        if isinstance(value, str) and value.strip():
            body = scrub(value)
            break
    if body is None:
        return Problem(path, f"{what} has no text (expected one of: {', '.join(TEXT_FIELDS)})", line)
    if "\x00" in body:
        return Problem(path, f"{what} text contains NUL characters", line)
    title = _field(data, TITLE_FIELDS)
    title = " ".join(title.split()) if title else None
    body = without_title_repeat(title, body)
    text, body_start = (f"{title}\n\n{body}", len(title) + 2) if title else (body, 0)
    given = _field(data, ("id",))
    outlet = _field(data, OUTLET_FIELDS) or dateline_outlet(text, body_start)
    article = Article(
        id=given or default_id, text=text, path=path, outlet=outlet, title=title,
        url=_field(data, URL_FIELDS), published=_field(data, DATE_FIELDS), body_start=body_start,
    )
    return article, given is not None, line


# ---- HTML -----------------------------------------------------------------------------------------


def _read_html(data: bytes, path: str, article_id: str) -> Reader:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingDependencyError(
            f"reading HTML needs trafilatura ({exc}); pip install trafilatura lxml_html_clean"
        ) from None
    try:
        doc = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
        )
    except Exception as exc:  # trafilatura raises ValueError and lxml errors on broken pages
        yield Problem(path, f"cannot parse HTML ({type(exc).__name__})")
        return
    main = getattr(doc, "text", None) if doc is not None else None
    if not main or not main.strip():
        yield Problem(path, "no article text found in HTML")
        return
    title = " ".join(doc.title.split()) if doc.title else None
    paragraphs = [" ".join(p.split()) for p in main.splitlines()]
    body = without_title_repeat(title, "\n\n".join(p for p in paragraphs if p))
    if len(body.split()) < MIN_HTML_WORDS:  # a menu or an error page, not an article
        yield Problem(path, "no article text found in HTML")
        return
    text, body_start = (f"{title}\n\n{body}", len(title) + 2) if title else (body, 0)
    outlet = (doc.sitename or "").strip() or dateline_outlet(text, body_start)
    yield Article(
        article_id, text, path=path, outlet=outlet, title=title,
        url=doc.url or None, published=doc.date or None, body_start=body_start,
    ), False, None
