"""Events: does claimcheck put the claims of one real-world event together, and keep disputes within
an event? Halves as in benchmarks/event_corpora.py (tune on `a`, report on `b`); baselines in the
same run.

- GVA (SemEval-2018 gun-violence pool, a sample of whole incidents per half): an article's event is
  the most frequent event among its claims (``events.group.article_events``: ties go to the event
  more articles report; "events, ties by id" is the same with ties by event id, as before 2026-12-02;
  an article with no event is alone); pairwise precision /
  recall / F1 of "same event" over article pairs against "same incident", and ARI. Baselines: topics
  as events (an article's most frequent topic); same extracted (date, place) (an article's most
  frequent resolved day and first place key among its frames).
- ECB+ (22 topics, each two different events of one kind): ARI and pair F1 of article events against
  the incident, and the precision of same-topic article pairs put in one event (the hard case: two
  earthquakes). Baseline: topics.
- FA-KES (camps by outlet, see event_corpora.FAKES_CAMPS): `pipeline.check` on the half, and the same
  with main's code (`--baseline-src`, default ../main/src, run in a subprocess) in the same run:
  disputes per article; of the cross-article numeric / responsibility / polarity disputes whose two
  articles both have a crowd date and location, the share with the same (date, location)
  (precision; also with crowd dates up to 3 days apart in one location, `_3days`: the crowd dated
  one raid differently in different articles; and `_dateline_checked`: leaving out the disputes of
  articles whose crowd date is more than a week from the publication date their own text states,
  labels the text contradicts, counted as `articles_crowd_date_off_dateline`); of same-event cross-outlet article pairs whose crowd counts differ by more than 15% or
  whose actors differ, the share with a dispute (recall; `recall_cross_camp`: only pairs of outlets of
  two camps, the pairs a camps file by outlet lets disagree through the outlets' own voices;
  `recall_stated`: only pairs whose two texts both state a crowd count as digits, since the crowd
  also counted from later reports and pictures; `recall_dateline_checked`: leaving out the pairs with
  an article whose crowd date is more than a week from its own dateline, as for precision); the
  largest topic's and event's share of claims.

    .venv/bin/python benchmarks/events.py [--half a|b|both] [--gva-max 500] [--only gva,ecb,fakes]
        [--baseline-src DIR|none] [--backends onnx,torch] [--json FILE]

``--backends``: the embedding backends to run, side by side in one run (the extraction is the same
for both; only the vectors, and so topics, events and disputes, differ).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import event_corpora as ec  # noqa: E402

EVENT_KINDS = {"numeric", "responsibility", "polarity"}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pair_prf(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision / recall / F1 of two clusterings over the same items (via the contingency)."""
    ids = sorted(gold)
    cells = Counter((pred[i], gold[i]) for i in ids)
    tp = sum(_pairs(n) for n in cells.values())
    pp = sum(_pairs(n) for n in Counter(pred[i] for i in ids).values())
    gp = sum(_pairs(n) for n in Counter(gold[i] for i in ids).values())
    p = tp / pp if pp else 0.0
    r = tp / gp if gp else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "pred_pairs": pp, "gold_pairs": gp}


def ari(pred: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    ids = sorted(gold)
    return round(float(adjusted_rand_score([gold[i] for i in ids], [pred[i] for i in ids])), 3)


def _most(values, default):
    c = Counter(v for v in values if v is not None)
    return sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0] if c else default


def article_labels(articles, claims, label_of) -> dict[str, str]:
    by_article: dict[str, list] = {a.id: [] for a in articles}
    for c in claims:
        by_article.setdefault(c.article.id, []).append(label_of(c))
    return {aid: str(_most(v, "alone:" + aid)) for aid, v in by_article.items()}


def event_labels(articles, claims, events) -> dict[str, str]:
    """An article's event (``claimcheck.events.group.article_events``: most of its claims, ties to the
    event more articles report), or alone."""
    try:
        from claimcheck.events.group import article_events
    except ImportError:  # older code (a baseline checkout): the same rule here
        def article_events(claims, events):
            spread = {e.id: len(e.articles) for e in events}
            counts: dict[str, Counter] = {}
            for c in claims:
                if c.event is not None and c.event.id:
                    counts.setdefault(c.article.id, Counter())[c.event.id] += 1
            return {a: min(n, key=lambda e: (-n[e], -spread.get(e, 0), e)) for a, n in counts.items()}

    found = article_events(claims, events)
    return {a.id: found.get(a.id, "alone:" + a.id) for a in articles}


def _date_place(c):
    f = c.event
    if f is None or f.time is None or not f.time.date or not f.places:
        return None
    return f"{f.time.date}|{f.places[0].key}"


def grouped(corpus, backend: str = "onnx"):
    """Claims (cached extraction), vectors, events and topics of a corpus half."""
    from claimcheck.cluster import cluster_topics
    from claimcheck.embed import load_embedder
    from claimcheck.events.group import group_events
    from claimcheck.pipeline import claim_vectors

    articles, claims = ec.extracted(corpus)
    vectors = claim_vectors(load_embedder(backend=backend), claims)
    clock = time.perf_counter()
    claims, events = group_events(claims, vectors, articles=articles)
    seconds = time.perf_counter() - clock
    topics, topic_of = cluster_topics(claims, vectors)
    return articles, claims, vectors, events, topic_of, seconds


def clustering_figures(corpus, gold_key: str, backend: str = "onnx") -> dict:
    articles, claims, _, events, topic_of, seconds = grouped(corpus, backend)
    gold = {a.id: str(corpus.gold[a.id][gold_key]) for a in articles}
    topic = {c.id: t for c, t in zip(claims, topic_of)}
    systems = {
        "events": event_labels(articles, claims, events),
        # the same events, an article's event read as before: ties between its events by id only
        "events, ties by id": article_labels(articles, claims, lambda c: c.event.id if c.event else None),
        "topics": article_labels(articles, claims, lambda c: f"t{topic[c.id]}"),
        "same date+place": article_labels(articles, claims, _date_place),
    }
    out = {"articles": len(articles), "claims": len(claims), "framed": sum(c.event is not None for c in claims),
           "n_events": len(events), "grouping_s": round(seconds, 2)}
    for name, pred in systems.items():
        out[name] = {**pair_prf(pred, gold), "ARI": ari(pred, gold)}
        if corpus.name == "ecb":
            same_topic = [(x, y) for x, y in combinations(sorted(gold), 2)
                          if corpus.gold[x]["topic"] == corpus.gold[y]["topic"] and pred[x] == pred[y]]
            ok = sum(gold[x] == gold[y] for x, y in same_topic)
            out[name]["same_topic_precision"] = round(ok / len(same_topic), 3) if same_topic else None
    return out


# ------------------------------------------------------------------------------------------ FA-KES

def _count(v: str) -> float | None:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _near(g1: dict, g2: dict, days: int = 3) -> bool:
    """Same crowd location and crowd dates at most ``days`` apart: the crowd gave one raid the dates
    7/19 and 7/20 in different articles, so the strict (date, location) match undercounts."""
    from datetime import datetime

    if g1["location"].strip().casefold() != g2["location"].strip().casefold():
        return False
    try:
        d1, d2 = (datetime.strptime(g["date"].strip(), "%m/%d/%y") for g in (g1, g2))
    except ValueError:
        return False
    return abs((d1 - d2).days) <= days


def _dateline_disagrees(g: dict, published, days: int = 7) -> bool:
    """Is the crowd's date more than ``days`` from the publication date the article's text states?"""
    from datetime import date, datetime

    if not published:
        return False
    try:
        crowd = datetime.strptime(g["date"].strip(), "%m/%d/%y").date()
        pub = published if isinstance(published, date) else date.fromisoformat(str(published)[:10])
    except ValueError:
        return False
    return abs((pub - crowd).days) > days


def _differ(g1: dict, g2: dict) -> bool:
    for k in ("nb_civilians", "nb_noncivilians", "nb_children"):
        x, y = _count(g1.get(k)), _count(g2.get(k))
        if x is not None and y is not None and abs(x - y) > 0.15 * max(x, y, 1e-9):
            return True
    a1, a2 = (g.get("actor", "").strip().casefold() for g in (g1, g2))
    return bool(a1 and a2 and a1 != a2)


def _camp(outlet: str) -> str | None:
    return next((c for c, outlets in ec.FAKES_CAMPS.items() if outlet.strip().casefold() in outlets), None)


def _stated(g: dict, text: str) -> bool:
    """Does the article's text state one of its crowd counts (a count above zero, as digits)?"""
    import re

    nums = {int(x) for k in ("nb_civilians", "nb_noncivilians", "nb_children") if (x := _count(g.get(k)))}
    return any(re.search(rf"(?<![\d,.]){n}(?![\d,.]\d)", text) for n in nums)


def fakes_figures(half: str, backend: str = "onnx") -> dict:
    """FA-KES figures of the code on sys.path (this branch, or main's in the baseline subprocess)."""
    from claimcheck import pipeline

    corpus = ec.fakes(half)
    if corpus is None:
        return {}
    camps = ec.fakes_camps(ec.CACHE)
    clock = time.perf_counter()
    result = pipeline.check(list(corpus.articles), camps, backend=backend)
    seconds = time.perf_counter() - clock
    gold = corpus.gold
    real = [d for d in result.disputes if d.score >= 0.5 and not all(r.kind == "update" for r in d.reasons)]
    cross = [d for d in real if d.a.article.id != d.b.article.id]
    known = [d for d in cross if all(gold[x].get("date") and gold[x].get("location") for x in (d.a.article.id, d.b.article.id))]
    ev = [d for d in known if {r.kind for r in d.reasons} & EVENT_KINDS]
    same = lambda d: gold[d.a.article.id]["event"] == gold[d.b.article.id]["event"]  # noqa: E731
    # the crowd's date against the article's own dateline: a crowd date more than a week from the
    # publication date the text states ("Thu Feb 5 2015" dated 6/10/13) is a label the text contradicts
    off = {a.id for a in result.articles if _dateline_disagrees(gold[a.id], getattr(a, "date", None))}
    checked = [d for d in ev if not {d.a.article.id, d.b.article.id} & off]
    near = lambda d: _near(gold[d.a.article.id], gold[d.b.article.id])  # noqa: E731
    flagged = {frozenset((d.a.article.id, d.b.article.id)) for d in cross}
    targets = [frozenset((x, y)) for x, y in combinations(sorted(gold), 2)
               if gold[x]["event"] == gold[y]["event"] and gold[x]["source"] != gold[y]["source"]
               and _differ(gold[x], gold[y])]
    # the variants: outlets of two camps (a camps file by outlet lets only their sources, or quoted
    # ones, disagree); both articles' texts state a crowd count (the crowd also counted from pictures
    # and later reports)
    texts = {a.id: a.text for a in corpus.articles}
    cross_camp = [t for t in targets if len({_camp(gold[x]["source"]) for x in t} - {None}) == 2]
    stated = [t for t in targets if all(_stated(gold[x], texts[x]) for x in t)]
    dated = [t for t in targets if not t & off]
    sizes = Counter(result.topic_of)
    events = getattr(result, "events", ())
    framed = sum(getattr(c, "event", None) is not None for c in result.claims)
    return {
        "articles": len(result.articles), "claims": len(result.claims), "disputes": len(real),
        "updates": sum(all(r.kind == "update" for r in d.reasons) for d in result.disputes),
        "disputes_per_article": round(len(real) / max(len(result.articles), 1), 2),
        "cross_event_kind_known": len(ev),
        "same_event_precision_event_kinds": round(sum(map(same, ev)) / len(ev), 3) if ev else None,
        "same_event_precision_all_known": round(sum(map(same, known)) / len(known), 3) if known else None,
        "same_event_precision_event_kinds_3days": round(sum(map(near, ev)) / len(ev), 3) if ev else None,
        "articles_crowd_date_off_dateline": len(off), "cross_event_kind_dateline_checked": len(checked),
        "same_event_precision_event_kinds_dateline_checked": round(sum(map(same, checked)) / len(checked), 3)
        if checked else None,
        "recall_target_pairs": len(targets),
        "recall": round(sum(t in flagged for t in targets) / len(targets), 3) if targets else None,
        "recall_cross_camp_pairs": len(cross_camp),
        "recall_cross_camp": round(sum(t in flagged for t in cross_camp) / len(cross_camp), 3) if cross_camp else None,
        "recall_stated_pairs": len(stated),
        "recall_stated": round(sum(t in flagged for t in stated) / len(stated), 3) if stated else None,
        "recall_dateline_checked_pairs": len(dated),
        "recall_dateline_checked": round(sum(t in flagged for t in dated) / len(dated), 3) if dated else None,
        "largest_topic_share": round(max(sizes.values()) / len(result.claims), 3) if sizes else None,
        "events": len(events), "framed_claims": framed,
        "largest_event_share": round(max(len(e.claim_ids) for e in events) / max(framed, 1), 3) if events else None,
        "seconds": round(seconds, 1), "timings": {k: round(v, 1) for k, v in result.timings.items()},
    }


def baseline_fakes(half: str, src: Path) -> dict:
    """The same FA-KES figures with another checkout's code (main's), in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, __file__, "--fakes-only", half], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=["a", "b", "both"], default="both")
    ap.add_argument("--gva-max", type=int, default=500, help="articles per half (whole incidents)")
    ap.add_argument("--only", default="gva,ecb,fakes")
    ap.add_argument("--baseline-src", default=str(ec.ROOT.parent / "main" / "src"))
    ap.add_argument("--backends", default="onnx", help="comma-separated embedding backends, side by side")
    ap.add_argument("--fakes-only", help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.fakes_only:
        print(json.dumps(fakes_figures(args.fakes_only)))
        return
    import logging

    logging.disable(logging.WARNING)
    halves = ["a", "b"] if args.half == "both" else [args.half]
    only = set(args.only.split(","))
    report: dict = {}
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    for half in halves:
        for backend in backends:
            tag = "" if backends == ["onnx"] else f" [{backend}]"
            if "gva" in only and (c := ec.gva(half, args.gva_max)) is not None:
                report[f"gva/{half}{tag}"] = clustering_figures(c, "incident", backend)
                print(f"gva/{half}{tag}", json.dumps(report[f"gva/{half}{tag}"]), flush=True)
            if "ecb" in only and (c := ec.ecb(half)) is not None:
                report[f"ecb/{half}{tag}"] = clustering_figures(c, "incident", backend)
                print(f"ecb/{half}{tag}", json.dumps(report[f"ecb/{half}{tag}"]), flush=True)
            if "fakes" in only:
                report[f"fakes/{half}{tag}"] = fakes_figures(half, backend)
                print(f"fakes/{half}{tag}", json.dumps(report[f"fakes/{half}{tag}"]), flush=True)
        if "fakes" in only and args.baseline_src != "none":
            report[f"fakes/{half} main"] = baseline_fakes(half, Path(args.baseline_src))
            print(f"fakes/{half} main", json.dumps(report[f"fakes/{half} main"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
