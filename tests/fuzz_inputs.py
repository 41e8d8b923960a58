"""A seeded generator of malformed input folders, for tests/test_fuzz.py and benchmarks/fuzz_folders.py.

Each folder holds two good articles and ``n_bad`` hostile files drawn from the classes a tester
tried (random bytes, broken encodings, wrong JSON types and shapes, deep nesting, huge numbers,
lone surrogates, odd file names, long sentences, quote floods, broken HTML, Unicode-only-whitespace
JSONL, escape sequences). A file is ``warn`` (it must be skipped with a one-line warning naming it)
or ``ok`` (it must be read, and nothing may break). Every bad file's name starts with ``badNN`` so
a warning can be matched to it even where the rest of its name is escaped.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

GOOD = {
    "good-1.txt": "Bridge closed\n\nThe ministry said the bridge over the river was destroyed on Monday. "
                  "Rebel commanders denied that their fighters had shelled the town.\n",
    "good-2.jsonl": json.dumps({"title": "Clinic hit", "outlet": "Meridian Press",
                                "text": "The army said 12 fighters died in the clashes near the border. "
                                        "A local doctor said the clinic had been hit twice."}) + "\n",
}

_WORDS = "the army said rebels shelled a town near river where fighters and civilians met officials".split()


@dataclass(frozen=True)
class Bad:
    name: str  # starts with badNN
    data: bytes
    expect: str  # "warn" or "ok"
    kind: str


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def _article(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(6, 14)).capitalize() + "." for _ in range(3))


def _cases(rng: random.Random, long_words: int) -> list[tuple[str, str, bytes, str]]:
    """(kind, extension, bytes, expect) for every class; the folder draws from these."""
    art = _article(rng)
    deep = rng.randint(1_000, 5_000)
    return [
        ("random-bytes", rng.choice([".txt", ".json", ".jsonl", ".html", ".md"]),
         bytes(rng.randrange(256) for _ in range(rng.randint(1, 400))) + b"\x00", "warn"),
        ("latin-1", rng.choice([".txt", ".md", ".json"]), ("Caf\xe9 cr\xe8me " + art).encode("latin-1"), "warn"),
        ("json-scalar", ".json", rng.choice([b"42", b'"text"', b"null", b"true", b"[1, 2, 3]"]), "warn"),
        ("json-wrong-field-type", ".json",
         json.dumps({"text": rng.choice([5, None, [1, 2], {"a": 1}, True])}).encode(), "warn"),
        ("json-deep", rng.choice([".json", ".jsonl"]), (b"[" * deep) + (b"]" * deep), "warn"),
        ("json-deep-field", ".json",
         b'{"text": "' + art.encode() + b'", "extra": ' + b"[" * deep + b"]" * deep + b"}", "warn"),
        ("json-huge-int", rng.choice([".json", ".jsonl"]),
         b'{"text": "' + art.encode() + b'", "id": ' + b"9" * rng.randint(4_400, 20_000) + b"}", "warn"),
        ("json-truncated", ".json", json.dumps({"text": art})[: rng.randint(3, 20)].encode(), "warn"),
        ("jsonl-bad-line", ".jsonl", b'{"text": "' + art.encode() + b'"}\n{"text": \n', "warn"),
        ("jsonl-unicode-space", ".jsonl",
         rng.choice(["\u2028", "\u3000", "\u00a0", "\u2028\n\u3000\n\u00a0"]).encode(), "warn"),
        ("empty", rng.choice([".txt", ".json", ".html"]), rng.choice([b"", b"   \n\t "]), "warn"),
        ("lone-surrogate", rng.choice([".json", ".jsonl"]),
         json.dumps({"text": art, "url": "x\ud800y", "title": "T\udfffitle"}).encode(), "ok"),
        ("surrogate-in-text", ".json", json.dumps({"text": art + " \udc80 " + art}).encode(), "ok"),
        ("html-broken", ".html",
         rng.choice([b"<html><body><div><p>", b"<<<>>>", b"<html></html>", b"<p>\xff\xfe</p"]), "warn"),
        ("long-sentence", ".txt", _sentence(rng, long_words).encode(), "ok"),
        ("long-sentence-json", ".json", json.dumps({"text": _sentence(rng, long_words)}).encode(), "ok"),
        ("quote-flood", ".json", json.dumps({"text": "The army said " + '"' * rng.randint(2_000, 8_000) + " fell."}).encode(), "ok"),
        ("escape-sequences", ".txt", ("\x1b[2J\x1b]0;pwned\x07The ministry said the \x1b[31mroad\x1b[0m was "
                                      "closed after the attack on Monday.\n").encode(), "ok"),
    ]


def make_folder(folder: Path, seed: int, n_bad: int = 40, long_words: int = 3_000) -> list[Bad]:
    """Write the good files and ``n_bad`` hostile ones under ``folder``; return the hostile ones."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    bads: list[Bad] = []
    for k in range(n_bad):
        kind, ext, data, expect = rng.choice(_cases(rng, long_words))
        odd = rng.random()
        if odd < 0.15:
            stem = f"bad{k:02d}-caf".encode() + b"\xe9"  # not valid UTF-8
        elif odd < 0.25:
            stem = f"bad{k:02d}-\x1b[2J\x1b]0;title\x07".encode()
        elif odd < 0.3:
            stem = f"bad{k:02d}-new\nline".encode()
        else:
            stem = f"bad{k:02d}-{kind}".encode()
        raw = os.fsencode(folder) + b"/" + stem + ext.encode()
        with open(raw, "wb") as fh:
            fh.write(data)
        bads.append(Bad(os.fsdecode(stem + ext.encode()), data, expect, kind))
    return bads


def judge(bads: list[Bad], returncode: int, stderr: str, claims_text: str) -> list[str]:
    """What went wrong in one run of ``claimcheck claims`` over a generated folder (empty: it held)."""
    faults = []
    if returncode != 0:
        faults.append(f"exit code {returncode}")
    if "Traceback" in stderr:
        faults.append("traceback")
    ids = set()
    for line in claims_text.splitlines():
        try:
            ids.add(json.loads(line)["article"]["id"])
        except (ValueError, KeyError, TypeError):
            faults.append("unreadable claims line")
            break
    for good in ("good-1.txt", "good-2.jsonl:1"):
        if good not in ids:
            faults.append(f"no claims of {good}")
    warned = [line for line in stderr.splitlines() if line.startswith("warning:")]
    for bad in bads:
        tag = bad.name[:5]
        if bad.expect == "warn" and not any(f"/{tag}" in w or f" {tag}" in w for w in warned):
            faults.append(f"{tag} ({bad.kind}) not named in a warning")
    return faults
