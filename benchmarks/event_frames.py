"""Event frames on FA-KES (and the gun-violence pool): do claims' times and places match the event?

FA-KES gives, per article, the crowd-extracted event ``date`` (m/d/yy) and ``location`` (a
governorate or city, lower case). Articles go through the pipeline's extraction as given (the
text only, no metadata date: FA-KES keeps the publication date inside the text), so every figure
includes reading the article's date from its header. Reported per half (tune / held-out: a hash of
the article id; rules were looked at on tune only):

- articles whose publication date is found, and of those the share within 3 days of the crowd
  event date;
- claims with a frame; of those, the share with a resolved time, and the share whose resolved
  interval is within 3 days of the crowd date; baseline in the same run: the article's publication
  date as every frame's time (same frames);
- the share of frames with a place whose key (or containing key) is the crowd location; baseline:
  the article's most mentioned GPE/LOC entity (key folded the same way);
- frame types; with ``--show N``, N frames at random (seed 0) for reading by eye.

GVA (``--gva N``): N articles of the gun-violence pool (published date in the metadata), frames'
resolved dates within 1 day of the incident date, and place keys equal to the incident city.

FNC-1 (``--fnc N``): what the frames cost next to parsing and extraction on N bodies.

Usage: .venv/bin/python benchmarks/event_frames.py [--limit 150] [--show 20] [--gva 0] [--fnc 0]
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def half(key: str) -> str:
    return "tune" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "held-out"


def crowd_date(mdy: str) -> date | None:
    try:
        m, d, y = (int(x) for x in mdy.split("/"))
        return date(2000 + y if y < 100 else y, m, d)
    except ValueError:
        return None


def near(frame_time, day: date, slack: int) -> bool:
    start, until = date.fromisoformat(frame_time.date), date.fromisoformat(frame_time.until or frame_time.date)
    return start - timedelta(days=slack) <= day <= until + timedelta(days=slack)


def main_entity(doc, key) -> str | None:
    counts = collections.Counter(key(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC") and key(e.text))
    return counts.most_common(1)[0][0] if counts else None


def run(articles, truth, show: int, slack: int, label: str) -> None:
    from claimcheck import pipeline
    from claimcheck.events.places import key, same_place
    from claimcheck.nlp import parse_many

    clock = time.perf_counter()
    result = pipeline.extract(articles)
    spent = time.perf_counter() - clock
    dated = {a.id: a for a in result.articles}
    docs = dict(zip((a.id for a in result.articles), parse_many(a.text for a in result.articles)))
    for split in ("tune", "held-out"):
        ids = {a.id for a in result.articles if half(a.id) == split}
        if not ids:
            continue
        claims = [c for c in result.claims if c.article.id in ids]
        frames = [c for c in claims if c.event is not None]
        found = [i for i in ids if dated[i].date]
        pub_near = [i for i in found if truth[i][0] and abs((date.fromisoformat(dated[i].date) - truth[i][0]).days) <= slack]
        timed = [c for c in frames if c.event.time and c.event.time.date]
        known = [c for c in timed if truth[c.article.id][0]]
        close = [c for c in known if near(c.event.time, truth[c.article.id][0], slack)]
        base_known = [c for c in frames if dated[c.article.id].date and truth[c.article.id][0]]
        base_close = [c for c in base_known
                      if abs((date.fromisoformat(dated[c.article.id].date) - truth[c.article.id][0]).days) <= slack]
        placed = [c for c in frames if c.event.places]
        match = [c for c in placed if truth[c.article.id][1] in
                 {p.key for p in c.event.places} | {p.within for p in c.event.places}]
        folded = [c for c in placed if any(same_place(truth[c.article.id][1], k) for p in c.event.places
                                           for k in (p.key, p.within) if k)]
        ent = {i: main_entity(docs[i], key) for i in ids}
        base_match = [c for c in frames if ent[c.article.id] and same_place(ent[c.article.id], truth[c.article.id][1])]
        print(f"\n{label} {split}: {len(ids)} articles, {len(claims)} claims, {len(frames)} with a frame "
              f"({_pct(len(frames), len(claims))})")
        print(f"  publication date found: {len(found)}/{len(ids)} ({_pct(len(found), len(ids))}); "
              f"within {slack} days of the crowd date: {len(pub_near)}/{len(found)} ({_pct(len(pub_near), len(found))})")
        print(f"  frames with a resolved time: {len(timed)}/{len(frames)} ({_pct(len(timed), len(frames))}); within "
              f"{slack} days of the crowd date: {len(close)}/{len(known)} ({_pct(len(close), len(known))})")
        same = [c for c in known if dated[c.article.id].date]
        same_close = [c for c in same
                      if abs((date.fromisoformat(dated[c.article.id].date) - truth[c.article.id][0]).days) <= slack]
        print(f"  baseline, publication date as the time of every frame: {len(base_close)}/{len(base_known)} "
              f"({_pct(len(base_close), len(base_known))}); on the frames with a resolved time: "
              f"{len(same_close)}/{len(same)} ({_pct(len(same_close), len(same))})")
        print(f"  frames with a place: {len(placed)}/{len(frames)} ({_pct(len(placed), len(frames))}); place key = crowd "
              f"location: {len(match)}/{len(placed)} ({_pct(len(match), len(placed))}), of all frames "
              f"{_pct(len(match), len(frames))}; transliterations folded: {len(folded)}/{len(placed)} "
              f"({_pct(len(folded), len(placed))})")
        print(f"  baseline, the article's most mentioned GPE/LOC as every frame's place (folded): {len(base_match)}/{len(frames)} "
              f"({_pct(len(base_match), len(frames))})")
        agents = sum(bool(c.event.agents) for c in frames)
        victims = sum(bool(c.event.victims) for c in frames)
        print(f"  frames with agents: {agents}/{len(frames)} ({_pct(agents, len(frames))}); with victims: "
              f"{victims}/{len(frames)} ({_pct(victims, len(frames))})")
        types = collections.Counter(c.event.type for c in frames)
        print("  types: " + ", ".join(f"{t} {n} ({_pct(n, len(frames))})" for t, n in types.most_common()))
        others = collections.Counter(c.event.lemma for c in frames if c.event.type == "other")
        print("  other, top lemmas: " + ", ".join(f"{w} {n}" for w, n in others.most_common(12)))
        if show:
            for c in random.Random(0).sample(frames, min(show, len(frames))):
                e = c.event
                t = e.time and f"{e.time.text!r}->{e.time.date}..{e.time.until}/{e.time.precision}"
                print(f"  - [{e.type}/{e.lemma} {e.trigger.text!r}] time={t} places={[p.key + ('<' + p.within if p.within else '') for p in e.places]} "
                      f"agents={[a.name for a in e.agents]} victims={[(v.value, v.category, v.outcome) for v in e.victims]}"
                      f" crowd={truth[c.article.id][0]} {truth[c.article.id][1]!r}\n      {c.text[:220]!r}")
    print(f"\n{label}: extraction with frames {spent:.1f} s for {len(articles)} articles")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def fakes(limit: int, show: int) -> None:
    from claimcheck.events.places import key
    from claimcheck.records import Article

    path = DATA / "fa-kes" / "fakes.csv"
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    with path.open(newline="", encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["unit_id"])
    picked = {"tune": [], "held-out": []}
    for r in rows:
        if len(picked[half(r["unit_id"])]) < limit:
            picked[half(r["unit_id"])].append(r)
    chosen = picked["tune"] + picked["held-out"]
    articles = [Article(r["unit_id"], r["article_content"], outlet=r["source"]) for r in chosen]
    truth = {r["unit_id"]: (crowd_date(r["date"]), key(r["location"])) for r in chosen}
    run(articles, truth, show, 3, "FA-KES")


def gva(limit: int, show: int) -> None:
    from claimcheck.events.places import key
    from claimcheck.records import Article

    folder = DATA / "gva-semeval18"
    if not (folder / "articles.jsonl").exists():
        print("skipped: gva-semeval18 not found")
        return
    gold = {g["id"]: g for g in map(json.loads, (folder / "gold.jsonl").open(encoding="utf-8"))}
    rows = sorted(map(json.loads, (folder / "articles.jsonl").open(encoding="utf-8")), key=lambda r: r["id"])
    picked = {"tune": [], "held-out": []}
    for r in rows:
        if len(picked[half(r["id"])]) < limit:
            picked[half(r["id"])].append(r)
    chosen = picked["tune"] + picked["held-out"]
    articles = [Article(r["id"], r["text"], outlet=r.get("outlet"), published=r.get("published")) for r in chosen]
    truth = {r["id"]: (date.fromisoformat(gold[r["id"]]["date"]) if gold.get(r["id"], {}).get("date") else None,
                       key(gold.get(r["id"], {}).get("city") or "")) for r in chosen}
    run(articles, truth, show, 1, "GVA")


def fnc_cost(limit: int) -> None:
    """What frames cost: parse + extraction vs the frames alone, on the first ``limit`` FNC-1 bodies."""
    from claimcheck.events.dates import dated
    from claimcheck.events.frames import with_events
    from claimcheck.extract import extract_claims
    from claimcheck.nlp import parse_many
    from claimcheck.records import Article

    path = DATA / "fnc-1" / "train_bodies.csv"
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    csv.field_size_limit(10**9)
    with path.open(newline="", encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["Body ID"]))[:limit]
    articles = [dated(Article(r["Body ID"], r["articleBody"]), "2015-01-01") for r in rows]
    clock = time.perf_counter()
    docs = list(parse_many((a.text for a in articles), batch_size=64))
    parse = time.perf_counter() - clock
    clock = time.perf_counter()
    found = [extract_claims(a, d) for a, d in zip(articles, docs)]
    extract = time.perf_counter() - clock
    clock = time.perf_counter()
    framed = [with_events(c, d, a.date) for a, d, c in zip(articles, docs, found)]
    frames = time.perf_counter() - clock
    n = sum(len(c) for c in found)
    with_frame = sum(c.event is not None for cs in framed for c in cs)
    print(f"\nFNC-1 bodies: {len(articles)} articles, {n} claims, {with_frame} with a frame; parse {parse:.1f} s, "
          f"extraction {extract:.1f} s, frames {frames:.1f} s ({100 * frames / (parse + extract):.1f}% of parse + "
          f"extraction, {1000 * frames / max(n, 1):.2f} ms a claim)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=150, help="FA-KES articles per half")
    ap.add_argument("--show", type=int, default=0, help="frames to print for reading by eye, per half")
    ap.add_argument("--gva", type=int, default=0, help="GVA articles per half (0: skip)")
    ap.add_argument("--fnc", type=int, default=0, help="FNC-1 bodies to time the frames on (0: skip)")
    args = ap.parse_args(argv)
    if args.limit:
        fakes(args.limit, args.show)
    if args.gva:
        gva(args.gva, args.show)
    if args.fnc:
        fnc_cost(args.fnc)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
