"""Attribution benchmark on PolNeAR (Newell et al., LREC 2018): who said what, scored on spans.

Run: ``.venv/bin/python benchmarks/polnear_attribution.py [--data ../shared/data/polnear/dev]``

Data: ``<data>/text/<name>.txt`` and ``<data>/attributions/<name>_<annotator>.ann`` (brat standoff;
``T`` lines are Source/Cue/Content spans, possibly discontinuous ``start end;start end``; ``E`` lines
tie one attribution's spans together). When several annotators labelled one text, the first
``.ann`` in sorted order is used, so every article counts once.

What is scored (decisions, stated so the numbers can be read):

* Gold items are the ``E`` attributions that have a ``Source``. Attributions without a source and
  anything lying entirely in the title line are left out: the product gives titles no claims
  (``Article.body_start`` is set after the first line, as the loader does for plain text).
* Predicted items are the claims whose ``source.mention`` is set (named, pronoun and unresolved
  pronoun speakers; quote-only sentences carry their adjacent speaker's mention). Narrator claims
  have no source mention, so they are not attributions and are not scored. Claims that share one
  source mention and one cue (a quotation running over several sentences, which PolNeAR marks as
  one attribution) are scored as one item whose content is the extent of their spans. Note that
  this also merges two different contents framed by one cue with one speaker (rare).
* Source F1 matches predicted ``source.mention`` spans to gold Source spans one-to-one: *exact*
  needs identical character offsets (a discontinuous gold span is compared by its extent);
  *overlap* needs at least one shared character. Content F1 does the same for ``claim.span`` vs
  gold Content. PolNeAR's content keeps the ``that`` complementizer and the closing punctuation
  and quote marks, which claimcheck strips by design, so exact content F1 is a strict lower bound.
* Baseline, same run: for each sentence with a ``say``-lemma verb, the verb's subject subtree is
  the source and the whole sentence is the content.

The script only reads the data; nothing is copied into the repository. It exits 0 with a note when
the data folder is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev"


@dataclass(frozen=True)
class Item:
    source: tuple[int, int] | None
    content: tuple[int, int] | None


def parse_ann(text: str) -> list[Item]:
    """Gold attributions (one per ``E`` line) as extents of their Source and Content spans."""
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            spans[parts[0]] = (label, (min(p[0] for p in pieces), max(p[1] for p in pieces)))
        elif line.startswith("E"):
            parts = line.split("\t")
            args = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(args)
    items = []
    for args in events:
        src = spans.get(args.get("Source", ""))
        con = spans.get(args.get("Content", ""))
        items.append(Item(src[1] if src else None, con[1] if con else None))
    return items


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> int:
    """One-to-one matches: exact offsets, or the largest character overlap first."""
    used = [False] * len(gold)
    hits = 0
    for p in pred:
        best, best_ov = -1, 0
        for k, g in enumerate(gold):
            if used[k]:
                continue
            if exact:
                if p == g:
                    best = k
                    break
            else:
                ov = min(p[1], g[1]) - max(p[0], g[0])
                if ov > best_ov:
                    best, best_ov = k, ov
        if best >= 0:
            used[best] = True
            hits += 1
    return hits


def prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def merge_quotations(claims) -> list[Item]:
    """Attributed claims as scored items; a quotation running over several sentences (claims sharing
    one source mention and cue) is one attribution whose content is the extent of its spans."""
    merged: dict[tuple, list[int]] = {}
    for c in claims:
        if c.source.mention is None:
            continue
        m = c.source.mention
        key = (m.start, m.end, c.cue.start if c.cue else None, c.span.start if c.cue is None else None)
        if key in merged and c.cue is not None and c.source.kind != "narrator":
            lo, hi = merged[key]
            merged[key] = [min(lo, c.span.start), max(hi, c.span.end)]
        else:
            merged.setdefault(key, [c.span.start, c.span.end])
    return [Item((k[0], k[1]), (v[0], v[1])) for k, v in merged.items()]


def baseline(doc, body_start: int) -> list[Item]:
    out = []
    for sent in doc.sents:
        if sent.end_char <= body_start:
            continue
        for tok in sent:
            if tok.lemma_.lower() == "say" and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    text = sent.text.rstrip()
                    out.append(Item((subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)),
                                    (sent.start_char, sent.start_char + len(text))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0 = all)")
    args = ap.parse_args(argv)
    text_dir, ann_dir = args.data / "text", args.data / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        print(f"PolNeAR data not found under {args.data}; skipping.")
        return 0

    from claimcheck.extract import extract_claims
    from claimcheck.nlp import load_nlp
    from claimcheck.records import Article

    pairs = []
    for txt in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{txt.stem}_*.ann"))
        if anns:
            pairs.append((txt, anns[0]))
    if args.limit:
        pairs = pairs[: args.limit]
    nlp = load_nlp()
    counts = {k: [0, 0, 0] for k in ("ours_src_exact", "ours_src_overlap", "ours_con_exact", "ours_con_overlap",
                                      "base_src_exact", "base_src_overlap", "base_con_exact", "base_con_overlap")}
    n_sent = 0
    extract_seconds = 0.0
    for txt, ann in pairs:
        text = txt.read_text(encoding="utf-8")
        first_break = text.find("\n")
        body_start = first_break + 1 if first_break >= 0 else 0
        gold = [g for g in parse_ann(ann.read_text(encoding="utf-8")) if g.source is not None
                and max(g.source[1], g.content[1] if g.content else 0) > body_start]
        doc = nlp(text)
        n_sent += sum(1 for _ in doc.sents)
        t0 = time.perf_counter()
        claims = extract_claims(Article(id=txt.stem, text=text, body_start=body_start), doc)
        extract_seconds += time.perf_counter() - t0
        ours = merge_quotations(claims)
        base = baseline(doc, body_start)
        for name, pred in (("ours", ours), ("base", base)):
            for field, key in (("source", "src"), ("content", "con")):
                p = [getattr(x, field) for x in pred]
                g = [getattr(x, field) for x in gold if getattr(x, field) is not None]
                for exact, mode in ((True, "exact"), (False, "overlap")):
                    c = counts[f"{name}_{key}_{mode}"]
                    c[0] += match(p, g, exact)
                    c[1] += len(p)
                    c[2] += len(g)

    print(f"PolNeAR {args.data} : {len(pairs)} articles, {counts['ours_src_exact'][2]} gold attributions "
          f"with a source (title excluded), {n_sent} spaCy sentences")
    print(f"extract_claims time: {extract_seconds:.2f} s ({n_sent / max(extract_seconds, 1e-9) * 60:,.0f} sentences/min,"
          " parse excluded)")
    print()
    print(f"{'system':<10} {'span':<8} {'match':<8} {'P':>6} {'R':>6} {'F1':>6}   (hits/pred/gold)")
    for name, label in (("ours", "extract"), ("base", "baseline")):
        for key, span in (("src", "source"), ("con", "content")):
            for mode in ("exact", "overlap"):
                hits, n_pred, n_gold = counts[f"{name}_{key}_{mode}"]
                p, r, f = prf(hits, n_pred, n_gold)
                print(f"{label:<10} {span:<8} {mode:<8} {p:6.3f} {r:6.3f} {f:6.3f}   ({hits}/{n_pred}/{n_gold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
