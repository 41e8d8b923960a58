"""Loaders for the event-grouping corpora (read from ../shared/data, never copied), a deterministic
split into halves, and a parse cache, shared by benchmarks/events.py and training/train_event_linker.py.

Halves. A unit goes to half `a` or `b` by the parity of the SHA-1 of its key, so the halves share
no unit: GVA (SemEval-2018 gun-violence pool) by `incident`, ECB+ by `topic` (each topic holds two
real events of one kind), FA-KES by its crowd event (`date`, `location`). Tune on `a`, report `b`.

Sample. GVA has 3,106 articles; `gva(half, max_articles)` takes incidents in SHA-1 order until the
cap, so a sample always holds whole incidents (with their same-day, same-city hard negatives where
the sample reaches them).

Cache. Extraction (parse, claims, frames) dominates: its output is kept per corpus, half and cap in
`$CLAIMCHECK_BENCH_CACHE` (default /work/scratch/group/event-cache), keyed by a hash of the source
files of the stages it runs, so a code change re-extracts.
"""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CACHE = Path(os.environ.get("CLAIMCHECK_BENCH_CACHE", "/work/scratch/group/event-cache"))
# FA-KES outlets by camp (see ../shared/data/README.md); reuters is neutral (no camp)
FAKES_CAMPS = {
    "government": ("sana", "alalam", "manar", "sputnik", "tass"),
    "opposition": ("ahram", "alaraby", "dailysabah", "etilaf", "trt", "jordantimes", "arabiya", "nna", "asharqalawsat"),
}


def half_of(key: str) -> str:
    return "ab"[int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2]


@dataclass(frozen=True)
class Corpus:
    name: str
    half: str
    articles: tuple  # claimcheck.records.Article
    gold: dict  # article id -> gold record (incident, topic, date, location, ...)


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _article(aid: str, title: str | None, body: str, **metadata):
    """An article as ``claimcheck.load`` reads a JSON record: the title, a blank line, the body, a
    first body line repeating the title dropped (``layout.without_title_repeat``; inline here, so a
    baseline checkout older than it reads the same texts)."""
    from claimcheck.records import Article

    title = " ".join((title or "").split())
    first, _, rest = body.lstrip().partition("\n")
    if title and " ".join(first.split()) == title:
        body = rest.lstrip()
    text = f"{title}\n\n{body}" if title else body
    return Article(id=aid, text=text, title=title or None, body_start=len(title) + 2 if title else 0, **metadata)


def gva(half: str, max_articles: int = 500, data: Path = DATA) -> Corpus | None:
    folder = data / "gva-semeval18"
    if not (folder / "articles.jsonl").is_file():
        return None
    gold = {g["id"]: g for g in _jsonl(folder / "gold.jsonl")}
    by_incident: dict[str, list[dict]] = {}
    for row in _jsonl(folder / "articles.jsonl"):
        inc = str(gold[row["id"]]["incident"])
        if half_of("gva:" + inc) == half:
            by_incident.setdefault(inc, []).append(row)
    articles = []
    for inc in sorted(by_incident, key=lambda i: hashlib.sha1(i.encode()).hexdigest()):
        rows = sorted(by_incident[inc], key=lambda r: r["id"])
        if len(articles) + len(rows) > max_articles:
            continue
        for r in rows:
            articles.append(_article(r["id"], r.get("title"), r["text"], outlet=r.get("outlet"),
                                     published=r.get("published")))
    articles.sort(key=lambda a: a.id)
    return Corpus("gva", half, tuple(articles), {a.id: gold[a.id] for a in articles})


def ecb(half: str, data: Path = DATA) -> Corpus | None:
    folder = data / "ecbplus"
    if not (folder / "articles.jsonl").is_file():
        return None
    gold = {g["id"]: g for g in _jsonl(folder / "gold.jsonl")}
    articles = []
    for r in _jsonl(folder / "articles.jsonl"):
        if half_of("ecb:" + str(gold[r["id"]]["topic"])) != half:
            continue
        articles.append(_article(r["id"], r.get("title"), r["text"], outlet=r["id"]))
    articles.sort(key=lambda a: a.id)
    return Corpus("ecb", half, tuple(articles), {a.id: gold[a.id] for a in articles})


def fakes(half: str, data: Path = DATA) -> Corpus | None:
    path = data / "fa-kes" / "fakes.csv"
    if not path.is_file():
        return None
    articles, gold = [], {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not (row.get("article_content") or "").strip():
                continue
            key = f"{row['date'].strip()}|{row['location'].strip().casefold()}"
            if half_of("fakes:" + key) != half:
                continue
            aid = f"fakes-{row['unit_id']}"
            articles.append(_article(aid, row.get("article_title"), row["article_content"],
                                     outlet=row["source"].strip()))
            gold[aid] = {**{k: v for k, v in row.items() if k != "article_content"}, "event": key}
    articles.sort(key=lambda a: a.id)
    return Corpus("fakes", half, tuple(articles), gold)


def fakes_camps(folder: Path):
    """A camps file by outlet for FA-KES (written to ``folder``), as a reporter would write it."""
    from claimcheck.config import load_camps

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fakes-camps.toml"
    lines = []
    for camp, outlets in FAKES_CAMPS.items():
        lines += [f"[{camp}]", "members = [" + ", ".join(json.dumps(o) for o in outlets) + "]", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return load_camps(path)


@functools.lru_cache(maxsize=1)
def _code_key() -> str:
    """A hash of the extraction code that is imported (a baseline's ``PYTHONPATH`` checkout, not this
    repository's src: keyed on the latter, a baseline run read this code's cached claims as its own),
    read once per run: a file edited while a run goes on must not key the claims of the code in memory."""
    import claimcheck

    h = hashlib.sha1()
    src = Path(claimcheck.__file__).resolve().parent
    for sub in ("load.py", "layout.py", "nlp.py", "quantities.py", "config.py", "records.py", "pipeline.py", "sources",
                "extract", "events"):
        p = src / sub
        for f in sorted(p.rglob("*.py")) if p.is_dir() else [p]:
            if f.name not in ("group.py", "link.py", "stories.py") and f.is_file():  # grouping, not extraction
                h.update(f.read_bytes())
    return h.hexdigest()[:12]


def extracted(corpus: Corpus, camps=None):
    """(articles, claims) of a corpus: ``pipeline.extract`` output, from the cache when the code that
    makes it has not changed. Articles come back as extract gave them (publication dates filled)."""
    from claimcheck import pipeline
    from claimcheck.config import Camps
    from claimcheck.records import Article, Claim, to_dict

    texts = hashlib.sha1("\0".join(a.id + "\0" + a.text for a in corpus.articles).encode()).hexdigest()  # not ids alone
    key = hashlib.sha1(f"{corpus.name}|{corpus.half}|{texts}|{_code_key()}|"
                       f"{bool(camps)}".encode()).hexdigest()[:16]
    path = CACHE / f"{corpus.name}-{corpus.half}-{key}.jsonl.gz"
    if path.is_file():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        return ([Article.from_dict(r["article"]) for r in rows if "article" in r],
                [Claim.from_dict(r["claim"]) for r in rows if "claim" in r])
    result = pipeline.extract(list(corpus.articles), camps or Camps())
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as f:
        for a in result.articles:
            f.write(json.dumps({"article": to_dict(a)}) + "\n")
        for c in result.claims:
            f.write(json.dumps({"claim": to_dict(c)}) + "\n")
    tmp.replace(path)
    return list(result.articles), list(result.claims)
