"""Article-level disputes on FNC-1 bodies: does `claimcheck` flag pairs of articles that disagree?

Gold. FNC-1 pairs headlines with article bodies (agree / disagree / discuss / unrelated). For each
headline, a body that *agrees* with it and a body that *disagrees* with it are a disputed article
pair. Every other pair of bodies is a negative -- including pairs related to a common headline
that are never agree-vs-disagree (agree/agree, anything with discuss). Gold uses every headline of
the data set, not only the sampled ones.

Sample. Bodies fall into connected groups (headline -- related body), which are Emergent's rumoured
claims. A group goes to half `a` or `b` by sha1 of its smallest body id, so the halves share no
article. Within a half, headlines with at least one `disagree` body are taken in sha1 order and the
union of their related bodies grows up to `--max-bodies` (a headline whose bodies would overflow
the cap is skipped). Choose rules on half `a`; report on half `b`.

Run. Each body is an Article (`fnc-<Body ID>`, its own outlet) and `claimcheck.pipeline.check`
runs once per half at min_score 0 so that every rule below is a post-filter of the same disputes
(the pipeline's own min_score only drops pairs, so `current` reproduces the default exactly). A
flagged article pair is a pair of articles with at least one dispute between their claims.

Rules for disputes resting on the `learned` reason alone (other disputes keep score >= 0.5), as
post-filters: `current` (no extra condition: the behaviour before the lean rule); (a) the
"against" side carries a denial/falsity cue or its source denies it; (b) a higher score; (c) a
higher cosine similarity; (d) stance confidence, only on multi-sentence articles ("long:"), drop
them all, and `article-leans+m`: the against claim's article leans more "against" (mean
P(against) over its claims) than the other claim's article by at least m; (e) the "for" side has
no denial/falsity/negation cue. `--emergent-oof` applies the same rules to
`benchmarks/emergent_disputes.py --split oof --mode pipeline` (train claims, out of fold).
Chosen on half a (2026-11-25): `d:article-leans+0.1`, now claimcheck's default
(`claimcheck.dispute.reasons.learned.LEARNED_ARTICLE_MARGIN`); the benchmark switches it off while it runs so that
`current` is the behaviour before it and every rule is a post-filter of the same disputes.

Baselines in the same run: every pair of bodies with claims in a common predicted topic, and every
pair of bodies related to a common headline (oracle topics).

CAVEAT: FNC-1 bodies are Emergent's articles, and the stance model was trained on Emergent
headlines (train split), so this is not independent of training.

    .venv/bin/python benchmarks/fnc_article_disputes.py [--half a|b|both|none] [--max-bodies 350]
        [--rules all|NAME,...] [--emergent-oof] [--json out.json] [--no-cache]

About 1-2 minutes per half with a warm embedding cache, 5-6 minutes cold (2 CPU cores).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import io
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "fnc-1"
CAVEAT = ("CAVEAT: FNC-1 bodies are Emergent's articles and the stance model was trained on Emergent "
          "headlines (train split): these figures are not independent of training.")
MIN_SCORE = 0.5
BACKEND = "onnx"  # the embedding backend (--backend)


def sha1_int(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


# ------------------------------------------------------------------------------------------- data

def load_fnc(folder: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    with (folder / "train_bodies.csv").open(newline="", encoding="utf-8") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    with (folder / "train_stances.csv").open(newline="", encoding="utf-8") as f:
        stances = list(csv.DictReader(f))
    return bodies, stances


def related_by_headline(stances) -> dict[str, dict[str, str]]:
    """headline -> {body id: agree|disagree|discuss} (unrelated rows dropped)."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for r in stances:
        if r["Stance"] != "unrelated":
            out[r["Headline"]][r["Body ID"]] = r["Stance"]
    return out


def groups(rel: dict[str, dict[str, str]]) -> dict[str, str]:
    """body id -> key of its connected group (headline--body links), the group's smallest body id."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for h, bodies in rel.items():
        for b in bodies:
            ra, rb = find("h:" + h), find("b:" + b)
            if ra != rb:
                parent[ra] = rb
    members: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        if x.startswith("b:"):
            members[find(x)].append(x[2:])
    return {b: min(ms, key=int) for ms in members.values() for b in ms}


def half_of(group_key: str) -> str:
    return "a" if sha1_int("fnc-group:" + group_key) % 2 == 0 else "b"


def select_bodies(rel, group_of, half: str, max_bodies: int) -> list[str]:
    """Bodies of the half's headlines that have a `disagree` body, in sha1 order, up to the cap."""
    heads = sorted((h for h, bs in rel.items() if "disagree" in bs.values()
                    and half_of(group_of[next(iter(bs))]) == half), key=lambda h: (sha1_int(h), h))
    chosen: set[str] = set()
    for h in heads:
        new = set(rel[h]) - chosen
        if len(chosen) + len(new) > max_bodies:
            continue
        chosen |= new
    return sorted(chosen, key=int)


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if (int(a), a) < (int(b), b) else (b, a)


def gold_pairs(rel, bodies: set[str]) -> set[tuple[str, str]]:
    gold = set()
    for stance_of in rel.values():
        agree = [b for b, s in stance_of.items() if s == "agree" and b in bodies]
        disagree = [b for b, s in stance_of.items() if s == "disagree" and b in bodies]
        gold |= {pair(x, y) for x in agree for y in disagree if x != y}
    return gold


def oracle_pairs(rel, bodies: set[str]) -> set[tuple[str, str]]:
    """Every pair of bodies related to a common headline (perfect topics, no stance)."""
    out = set()
    for stance_of in rel.values():
        ids = sorted((b for b in stance_of if b in bodies), key=int)
        out |= {pair(x, y) for x, y in combinations(ids, 2)}
    return out


def prf(flagged: set, gold: set) -> dict[str, float]:
    tp = len(flagged & gold)
    p = tp / len(flagged) if flagged else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"flagged": len(flagged), "tp": tp, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


# -------------------------------------------------------------------------------- rule context

@dataclass
class Ctx:
    """What a rule may look at: per-claim stance probabilities, the text the stance model read,
    vectors, and how many distinct sentences each article's claims come from."""

    index: dict[str, int]  # claim id -> row
    vectors: np.ndarray
    probs: np.ndarray
    read: list[str]  # text the stance model read for each claim (sentence or content)
    sentences_in_article: dict[str, int]
    article_against: dict[str, float]  # mean P(against) over an article's claims


    @classmethod
    def build(cls, claims, vectors) -> "Ctx":
        from claimcheck.dispute.reasons.learned import _frame_has_stance, stance_probs

        claims = list(claims)
        probs, _ = stance_probs(claims, vectors, claims) if claims else (np.zeros((0, 3)), 0.3)
        per_sentence = Counter((c.article.id, c.sentence.start, c.sentence.end) for c in claims)
        read = [c.sentence.text if per_sentence[(c.article.id, c.sentence.start, c.sentence.end)] == 1
                and _frame_has_stance(c) else c.text for c in claims]
        sents: dict[str, set] = defaultdict(set)
        for c in claims:
            sents[c.article.id].add(c.sentence.start)
        rows: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(claims):
            rows[c.article.id].append(i)
        return cls({c.id: i for i, c in enumerate(claims)}, np.asarray(vectors, dtype=np.float32), probs, read,
                   {k: len(v) for k, v in sents.items()},
                   {k: float(probs[ix, 1].mean()) for k, ix in rows.items()})

    def sim(self, d) -> float:
        return float(self.vectors[self.index[d.a.id]] @ self.vectors[self.index[d.b.id]])

    def against(self, d):
        """(claim, row) of the pair's "against" side: the one in the larger opposition product."""
        i, j = self.index[d.a.id], self.index[d.b.id]
        pa, pb = self.probs[i], self.probs[j]
        return (d.b, j) if pa[0] * pb[1] >= pa[1] * pb[0] else (d.a, i)


def learned_only(d) -> bool:
    return all(r.kind == "learned" for r in d.reasons)


def has_cue(claim, text: str, families=("deny", "fake")) -> bool:
    from claimcheck.stance import cue_matches

    return claim.stance == "denies" or bool(cue_matches(text, families=families))


def cue_rule(where: str, families=("deny", "fake")) -> Callable:
    def keep(d, ctx: Ctx) -> bool:
        claim, row = ctx.against(d)
        text = {"read": ctx.read[row], "sentence": claim.sentence.text, "content": claim.text}[where]
        return has_cue(claim, text, families)
    return keep


def long_only(rule: Callable, min_sentences: int = 2) -> Callable:
    """Apply ``rule`` only when a claim comes from an article with claims in several sentences
    (body text); one-line articles (headlines, what the model was trained on) keep today's rule."""
    def keep(d, ctx: Ctx) -> bool:
        long = max(ctx.sentences_in_article[d.a.article.id], ctx.sentences_in_article[d.b.article.id])
        return long < min_sentences or rule(d, ctx)
    return keep


def either(*rules: Callable) -> Callable:
    return lambda d, ctx: any(r(d, ctx) for r in rules)


def confident(p_min: float) -> Callable:
    def keep(d, ctx: Ctx) -> bool:
        _, row = ctx.against(d)
        return float(ctx.probs[row][1]) >= p_min
    return keep


def for_side_clean(where: str = "content", families=("deny", "fake", "neg")) -> Callable:
    """The "for" side carries no denial, falsity or negation cue: when both sides deny or negate
    ("X is not asking..." vs "X doesn't monitor..."), they usually stand on the same side."""
    def keep(d, ctx: Ctx) -> bool:
        claim, row = ctx.against(d)
        other = d.b if claim is d.a else d.a
        text = {"read": ctx.read[ctx.index[other.id]], "sentence": other.sentence.text, "content": other.text}[where]
        return other.stance != "denies" and not cue_matches_any(text, families)
    return keep


def cue_matches_any(text: str, families) -> bool:
    from claimcheck.stance import cue_matches

    return bool(cue_matches(text, families=families))


def article_leans(margin: float = 0.0) -> Callable:
    """The against claim's article leans more "against" (mean over its claims) than the for claim's
    article: a body that quotes a denial while asserting the rumour is not the disputing side."""
    def keep(d, ctx: Ctx) -> bool:
        claim, _ = ctx.against(d)
        other = d.b if claim is d.a else d.a
        return ctx.article_against[claim.article.id] >= ctx.article_against[other.article.id] + margin
    return keep


RULES: dict[str, Callable] = {
    "current": lambda d, ctx: True,  # no condition: claimcheck before the article-lean rule
    "a:cue-sentence": cue_rule("sentence"),
    "a:cue+neg-sentence": cue_rule("sentence", ("deny", "fake", "neg")),
    **{f"b:score>={t}": (lambda t: lambda d, ctx: d.score >= t)(t) for t in (0.6, 0.7)},
    **{f"c:sim>={x}": (lambda x: lambda d, ctx: ctx.sim(d) >= x)(x) for x in (0.5, 0.6)},
    "d:p_against>=0.7": confident(0.7),
    "d:long:drop": long_only(lambda d, ctx: False),
    "d:drop-learned-only": lambda d, ctx: False,
    # shipped at 0.1 (claimcheck.dispute.reasons.learned.LEARNED_ARTICLE_MARGIN)
    **{f"d:article-leans+{m}": article_leans(m) for m in (0.0, 0.05, 0.1, 0.2)},
    "e:for-clean-content": for_side_clean("content"),
}


def apply_rule(disputes, rule: Callable, ctx: Ctx, min_score: float = MIN_SCORE) -> list:
    """Disputes kept: score >= min_score, and a learned-only dispute must also pass ``rule``."""
    return [d for d in disputes if d.score >= min_score and (not learned_only(d) or rule(d, ctx))]


# --------------------------------------------------------------------------------------- running

@contextlib.contextmanager
def capture_vectors():
    """Wrap find_disputes (looked up by pipeline.check at call time) to keep the claim vectors."""
    import claimcheck.dispute as dispute

    box: dict = {}
    original = dispute.find_disputes

    def wrapper(claims, vectors, *args, **kwargs):
        box["vectors"] = np.asarray(vectors, dtype=np.float32)
        return original(claims, vectors, *args, **kwargs)

    dispute.find_disputes = wrapper
    try:
        yield box
    finally:
        dispute.find_disputes = original


def run_pipeline(articles, use_cache: bool):
    """pipeline.check at min_score 0 (every dispute with a reason), with its vectors and rule context."""
    from claimcheck.pipeline import check

    import claimcheck.dispute.reasons.learned as learned

    shipped = learned.LEARNED_ARTICLE_MARGIN
    learned.LEARNED_ARTICLE_MARGIN = -np.inf  # off: every rule, the shipped one too, is a post-filter here
    try:
        with capture_vectors() as box:
            res = check(articles, camps=None, use_cache=use_cache, min_score=0.0, backend=BACKEND)
    finally:
        learned.LEARNED_ARTICLE_MARGIN = shipped
    vectors = box.get("vectors", np.zeros((0, 384), dtype=np.float32))
    return res, Ctx.build(res.claims, vectors)


def article_pairs(disputes, key: Callable[[str], str]) -> set:
    """Body-id pairs with at least one dispute between their claims (cross-article only)."""
    out = set()
    for d in disputes:
        a, b = key(d.a.article.id), key(d.b.article.id)
        if a != b:
            out.add(pair(a, b))
    return out


def row(label: str, m: dict, extra: str = "") -> str:
    return (f"  {label:34s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
            f"(flagged {m['flagged']}, tp {m['tp']}){extra}")


def run_half(half, bodies, rel, group_of, max_bodies, rules, use_cache) -> dict:
    from claimcheck.records import Article

    ids = select_bodies(rel, group_of, half, max_bodies)
    idset = set(ids)
    gold = gold_pairs(rel, idset)
    n_groups = len({group_of[b] for b in ids})
    print(f"\n== FNC-1 half {half}: {len(ids)} bodies from {n_groups} claim groups, "
          f"{len(ids) * (len(ids) - 1) // 2} article pairs, {len(gold)} gold disputed pairs")
    articles = [Article(id=f"fnc-{b}", text=bodies[b], outlet=f"fnc-{b}") for b in ids]
    t0 = time.perf_counter()
    res, ctx = run_pipeline(articles, use_cache)
    took = time.perf_counter() - t0
    body = lambda article_id: article_id.removeprefix("fnc-")  # noqa: E731
    print(f"  pipeline.check: {len(res.claims)} claims from {len({c.article.id for c in res.claims})} bodies, "
          f"{len(res.topics)} topics, {took:.0f}s")

    out = {"half": half, "bodies": len(ids), "gold": len(gold), "rules": {}}
    oracle = oracle_pairs(rel, idset)
    for name in rules:
        kept = apply_rule(res.disputes, RULES[name], ctx)
        m = prf(article_pairs(kept, body), gold)
        lo = sum(learned_only(d) for d in kept)
        m.update(disputes=len(kept), learned_only=lo)
        out["rules"][name] = m
        off = len(article_pairs(kept, body) - oracle)
        print(row(name, m, f"; disputes {len(kept)}, learned-only {lo} ({lo / max(len(kept), 1):.0%}), "
                           f"pairs off-topic {off}"))

    topic_members: dict[int, set[str]] = defaultdict(set)
    for c, t in zip(res.claims, res.topic_of):
        topic_members[int(t)].add(body(c.article.id))
    same_topic = {pair(x, y) for ms in topic_members.values() for x, y in combinations(sorted(ms, key=int), 2)}
    for label, flagged in (("baseline: shares a predicted topic", same_topic),
                           ("baseline: related to a common headline", oracle)):
        out["rules"][label] = prf(flagged, gold)
        print(row(label, out["rules"][label]))

    # Precision per reason-kind combination, for the disputes kept today.
    current = apply_rule(res.disputes, RULES["current"], ctx)
    combos: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d in current:
        key = "+".join(sorted({r.kind for r in d.reasons}))
        hit = pair(body(d.a.article.id), body(d.b.article.id)) in gold
        combos[key][0 if hit else 1] += 1
    print("  disputes (current) by reason kinds: connect a gold pair / not / precision")
    for key, (hit, miss) in sorted(combos.items(), key=lambda kv: -sum(kv[1])):
        print(f"    {key:40s} {hit:5d} {miss:6d}  {hit / (hit + miss):.3f}")
    out["combos"] = {k: v for k, v in combos.items()}
    return out


def run_emergent_oof(rules, use_cache) -> dict:
    """benchmarks/emergent_disputes.py --split oof --mode pipeline, with each rule as a post-filter."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import emergent_disputes as em

    em.BACKEND = BACKEND
    if not em.DEFAULT_DATA.exists():
        print(f"skip Emergent: {em.DEFAULT_DATA} not found")
        return {}
    rows = [r for r in em.load_rows(em.DEFAULT_DATA) if not em.is_heldout(r["claimId"])]
    pooled = {name: [0, 0, 0] for name in rules}  # tp, flagged, learned-only disputes
    for _, part in em.oof_folds(rows, use_cache):
        gold = em.gold_pairs(part)
        articles, _ = em.make_articles_and_claims(part)
        index_of = {a.id: i for i, a in enumerate(articles)}
        with contextlib.redirect_stdout(io.StringIO()):
            res, ctx = run_pipeline(articles, use_cache)
        for name in rules:
            kept = apply_rule(res.disputes, RULES[name], ctx)
            flagged = em.flagged_from(kept, index_of)
            pooled[name][0] += len(flagged & gold)
            pooled[name][1] += len(flagged)
            pooled[name][2] += sum(learned_only(d) for d in kept)
    folds = em.fold_ids(rows)
    n_gold = len(em.gold_pairs_by_fold(rows, folds))
    print(f"\n== Emergent train claims, out of fold, pipeline end to end: {len(rows)} headlines, "
          f"{n_gold} gold disputed pairs")
    out = {}
    for name, (tp, flagged, lo) in pooled.items():
        p, r = tp / max(flagged, 1), tp / max(n_gold, 1)
        m = {"flagged": flagged, "tp": tp, "precision": p, "recall": r,
             "f1": 2 * p * r / (p + r) if p + r else 0.0, "learned_only": lo}
        out[name] = m
        print(row(name, m, f"; learned-only disputes {lo}"))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with train_bodies.csv, train_stances.csv")
    ap.add_argument("--half", choices=["a", "b", "both", "none"], default="both",
                    help="choose rules on a, report on b ('none': only --emergent-oof)")
    ap.add_argument("--max-bodies", type=int, default=350)
    ap.add_argument("--rules", default="all", help="comma-separated rule names, or 'all'")
    ap.add_argument("--emergent-oof", action="store_true", help="also run the Emergent out-of-fold check")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--backend", choices=["onnx", "torch"], default="onnx", help="embedding backend")
    args = ap.parse_args(argv)
    global BACKEND
    BACKEND = args.backend
    rules = list(RULES) if args.rules == "all" else [r.strip() for r in args.rules.split(",") if r.strip()]
    unknown = [r for r in rules if r not in RULES]
    if unknown:
        ap.error(f"unknown rules {unknown}; known: {', '.join(RULES)}")
    if "current" not in rules:
        rules.insert(0, "current")
    print(CAVEAT)
    report: dict = {"caveat": CAVEAT, "halves": {}}
    if args.half != "none":
        if not (args.data / "train_bodies.csv").exists() or not (args.data / "train_stances.csv").exists():
            print(f"skip: FNC-1 not found in {args.data}")
            return 0
        bodies, stances = load_fnc(args.data)
        rel = related_by_headline(stances)
        group_of = groups(rel)
        for half in (["a", "b"] if args.half == "both" else [args.half]):
            report["halves"][half] = run_half(half, bodies, rel, group_of, args.max_bodies, rules, not args.no_cache)
    if args.emergent_oof:
        report["emergent_oof"] = run_emergent_oof(rules, not args.no_cache)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
