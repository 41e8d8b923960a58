"""Source names on real text (issue 14): one name per real source, broken-looking names, camps.

Run: ``.venv/bin/python benchmarks/sources.py [--baseline-src DIR] [--cache DIR] [--gva N] [--show-broken]``
(``--show-broken`` lists every broken-looking name with its kind, count and one mention as written).

Data (read only, from ``../shared/data``): FA-KES (``fa-kes/fakes.csv``, every article, as a
new user would load it: the article text, its outlet) and a fixed sample of the gun-violence pool
(``gva-semeval18/articles.jsonl``, ``--gva`` articles, shuffled with seed 0).

The claims are those `claimcheck run` keeps: an outlet's site furniture (a related-headlines widget
repeated on many pages) is dropped first, as the pipeline does.

What is measured, over the claims whose source is ``named`` or ``pronoun`` (a name was given):

* **Names per real source**: ten organisations most cited in FA-KES, identified by hand once as
  patterns over the source *mention* as written (``ORGS``: the organisation, its acronym,
  descriptors and its best-known people; ``EXCLUDE``: other bodies a pattern also matches; a
  pattern describing another body, "the ISIS-linked Aamaq", or ending a dateline, "(Reuters)",
  does not count). Group sources ("the Observatory and three rescue workers") are another source
  than either party: counted apart ("in groups"), not as names. For each, the number of distinct
  ``source.name`` values of the claims whose mention matches (lower is better, 1 = one name), how
  many names cover 90% of its claims, and the share of its claims under its most frequent name.
* **Broken-looking names**: share of named sources whose name holds a date or time, a quote mark,
  more than six words, or two parties (an "and" between two sources, not inside one Title Case
  name). One organisation's Title Case name is not broken however long (``one_name``: "Organization
  for the Prohibition of Chemical Weapons"). Group sources ("John Kerry and Sergei Lavrov", "rebels
  and activists": two parts, each of at most four words or one Title Case name, the documented
  choice for two speakers) count as two parties here; the share without them is printed too.
* **Names the article never writes**: share of named sources whose name holds a capitalised word
  (four letters or more) that the article's text does not contain. Most are merges that hold
  (acronyms: "SANA" is the "Syrian Arab News Agency"); a run-wide merge of a common word into one
  body shows up here ("police" as "Cincinnati police" in every article of the gun-violence pool).
  The most frequent are listed with ``--show-broken``.
* **Camps**: share of named sources with a camp, given ``CAMPS``: a camps file that names each
  organisation once (no spellings, acronyms or people); and given ``CAMPS_WIDER``: the same plus the
  organisations a reporter would also list (the UN and other international bodies, rights groups,
  "Syrian opposition"), printed beside it. Generic roles ("a military source", "activists", "the
  source": a name in lower case with no affiliation) get no camp by design: their share, and the
  camps share of the other named sources, are printed too.

Baseline, same run: with ``--baseline-src DIR`` (a checkout of main's ``src``, e.g. ``git worktree
add --detach /tmp/main main``), the same measures are computed by main's code in a subprocess on
the same parses. PolNeAR's source span F1 is ``benchmarks/polnear_attribution.py``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

ORGS = {
    "Syrian Observatory for Human Rights": r"Observatory|\bSOHR\b|\bmonitor|Abd[eu]l[ -]?Rahman|Abdurrahman|(Britain|UK|British|London)-based (group|watchdog)",
    "SANA": r"\bSANA\b|Syrian Arab News Agency|state news agency",
    "Syrian army": r"(?<!Free )Syrian (Arab )?[Aa]rmy|Syrian armed forces|army general command",
    "Russian defence ministry": r"Russian (Defen[cs]e|defen[cs]e) [Mm]inistry|[Dd]efen[cs]e [Mm]inistry in Moscow|Konashenkov",
    "Syrian opposition coalition": r"Syrian (National )?Coalition|National Coalition|Etilaf|opposition coalition",
    "United Nations": r"\bU\.?N\.?\b|United Nations|de Mistura",
    "White Helmets": r"White Helmets|[Cc]ivil [Dd]efen[cs]e",
    "Reuters": r"Reuters",
    "Free Syrian Army": r"Free Syrian Army|\bFSA\b",
    "Islamic State": r"Islamic State|\bISIS\b|\bISIL\b|Daesh|DAESH",
}
# Other bodies whose mentions hold one of the patterns, identified by hand once: the city's
# "monitoring and documentation office", "DeirEzzor 24 monitoring group", the Russian "Center for
# coordinating and monitoring the cessation of hostilities", "objective monitoring means".
EXCLUDE = {
    "Syrian Observatory for Human Rights": r"DeirEzzor 24|documentation office|Russian Cent(er|re)|monitoring means",
}
# A pattern that describes another body or a place ("the ISIS-linked Aamaq news agency", "the
# Daesh-occupied city", "an anti-ISIS network") or ends a dateline ("(Reuters) Western powers") is
# not that organisation speaking.
_OTHER = r"(?:[- ](?:linked|affiliated|run|led|backed|occupied|held|controlled)\b|\))"
CAMPS = """
[government]
members = ["Syrian Arab News Agency", "Syrian army", "Syrian government", "Syrian state television", "Police Command",
           "Russian Defence Ministry", "Russia", "Hezbollah", "Al-Manar", "Iran"]
[opposition]
members = ["Syrian Observatory for Human Rights", "Syrian National Coalition", "Free Syrian Army", "White Helmets",
           "rebels", "Syrian Network for Human Rights", "Jaish al-Islam", "Ahrar al-Sham", "Local Coordination Committees"]
[west]
members = ["United States", "US-led coalition", "Pentagon", "State Department", "France", "Britain"]
[turkey]
members = ["Turkey", "Anadolu Agency", "Turkish army"]
[kurds]
members = ["Syrian Democratic Forces", "YPG"]
[jihadists]
members = ["Islamic State", "Nusra Front"]
"""
# CAMPS plus the organisations a reporter would also list that CAMPS leaves out: the UN (one line: its
# agencies, envoys and investigators are named with it) and the other international bodies as a neutral
# camp, the rights groups, and "Syrian opposition" with the opposition. Wire agencies (Reuters, AFP) side
# with no one and stay out. Printed beside CAMPS, not instead of it: the headline stays comparable.
CAMPS_WIDER = CAMPS.replace('"Local Coordination Committees"]', '"Local Coordination Committees", "Syrian opposition"]') + """
[international]
members = ["United Nations", "World Health Organization", "Organisation for the Prohibition of Chemical Weapons",
           "International Committee of the Red Cross"]
[rights]
members = ["Human Rights Watch", "Amnesty International"]
"""
_DATE = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(19|20)\d\d\b|\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_SMALL = {"of", "for", "the", "and", "on", "in", "at", "to", "al"}
_NAME_SMALL = {"of", "for", "the", "and", "in", "al", "de"}  # not "Daesh on the Run From More Areas in Raqqa"


def one_name(name: str) -> bool:
    """One organisation's Title Case name, however long ("Organization for the Prohibition of Chemical
    Weapons", "National Coalition for Syrian Revolution and Opposition Forces"): every word capitalised
    but the small ones, an "of", "for" or "in" before any "and", at most ten words."""
    words = name.split()
    link = re.search(r" (?:of|for|in) ", name)
    return (len(words) <= 10 and bool(link) and all(w[:1].isupper() or w in _NAME_SMALL for w in words)
            and words[0][:1].isupper() and words[-1][:1].isupper()
            and (" and " not in name or link.start() < name.index(" and ")))


def broken(name: str) -> str | None:
    if _DATE.search(name):
        return "date"
    if re.search(r"[\"“”«»]|(?:^|\s)['‘’]|['‘’](?:\s|$)", name):
        return "quote"
    if one_name(name):
        return None
    if " and " in name:  # "John Kerry and Sergei Lavrov", "rebels and activists": a group source
        parts = name.split(" and ")
        if len(parts) == 2 and all(len(p.split()) <= 4 or one_name(p) for p in parts):
            return "group"  # ("Syrian National Coalition and Syrian Observatory for Human Rights")
    if len(name.split()) > 6:
        return "long"
    return "two" if " and " in name else None


def is_group(name: str) -> bool:
    """Two parties joined ("the Observatory and three rescue workers"): a group source, another source
    than either party, so not one of an organisation's names (README "Two speakers"); not one name
    with an "and" in it ("National Coalition for Syrian Revolution and Opposition Forces")."""
    if " and " not in name:
        return False
    after = name.rsplit(" and ", 1)[1].split()
    return not (re.search(r"\b(?:of|for)\b.*\band\b", name) and all(w[:1].isupper() or w in _SMALL for w in after))


def speaks_for(org: str, mention: str) -> bool:
    """The mention as written names ``org`` as the one speaking (``ORGS``, less ``EXCLUDE`` and ``_OTHER``)."""
    if org in EXCLUDE and re.search(EXCLUDE[org], mention):
        return False
    return any(not re.match(_OTHER, mention[m.end():]) and not mention[:m.start()].endswith("anti-")
               for m in re.finditer(ORGS[org], mention))


def _articles(gva: int):
    csv.field_size_limit(10**9)
    fakes = [(r["unit_id"], r["article_content"], r["source"]) for r in
             csv.DictReader(open(DATA / "fa-kes" / "fakes.csv", encoding="utf-8"))]
    rows = [json.loads(line) for line in open(DATA / "gva-semeval18" / "articles.jsonl", encoding="utf-8")]
    random.Random(0).shuffle(rows)
    return {"fa-kes": fakes, "gva": [(r["id"], r["text"], r.get("outlet")) for r in rows[:gva]]}


def _docs(name, items, cache: Path | None):
    from spacy.tokens import DocBin

    from claimcheck.nlp import load_nlp

    nlp = load_nlp()
    path = cache / f"{name}-{len(items)}.spacy" if cache else None
    if path and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe([t for _, t, _ in items], batch_size=16))
    if path:
        cache.mkdir(parents=True, exist_ok=True)
        db = DocBin()
        for d in docs:
            db.add(d)
        db.to_disk(path)
    return docs


def measure(gva: int, cache: Path | None) -> dict:
    from claimcheck.config import load_camps
    from claimcheck.extract import extract_claims
    from claimcheck.records import Article
    from claimcheck.sources import assign_camps, normalise_sources

    def read(text):
        with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
            f.write(text)
        try:
            return load_camps(f.name)
        finally:
            os.unlink(f.name)

    camps, wider = read(CAMPS), read(CAMPS_WIDER)
    out = {}
    for split, items in _articles(gva).items():
        claims = []
        for (i, text, outlet), doc in zip(items, _docs(split, items, cache)):
            claims += extract_claims(Article(id=str(i), text=text, outlet=outlet), doc)
        try:  # as `claimcheck run` does: a line an outlet repeats on many pages is no one's claim
            from claimcheck.extract.repeated import without_site_furniture
            claims = without_site_furniture(claims)
        except ImportError:  # a baseline's older code
            pass
        try:  # the articles' texts, for people's affiliations outside claim sentences (since 2026-12-03)
            claims = normalise_sources(claims, {str(i): text for i, text, _ in items})
        except TypeError:  # a baseline's older code
            claims = normalise_sources(claims)
        is_named = lambda c: c.source.kind in ("named", "pronoun") and c.source.name  # noqa: E731
        camp_wider = [c for c in assign_camps(claims, wider) if is_named(c)]
        claims = assign_camps(claims, camps)
        named = [c for c in claims if is_named(c)]
        kinds = Counter(broken(c.source.name) for c in named if c.source.kind == "named")
        n_named = sum(kinds.values())
        res = {"claims": len(claims), "named": len(named), "distinct": len({c.source.name for c in named}),
               "broken": sum(v for k, v in kinds.items() if k) / n_named,
               "broken_no_groups": sum(v for k, v in kinds.items() if k and k != "group") / n_named,
               "broken_kinds": {k: v for k, v in kinds.items() if k}, "camp": sum(1 for c in named if c.source.camp) / len(named),
               "camp_wider": sum(1 for c in camp_wider if c.source.camp) / len(named)}
        # the camps share without the generic roles a camp cannot be given ("a military source",
        # "activists", "the source": a name in lower case with no affiliation)
        bodies = [c for c in named if any(ch.isupper() for ch in c.source.name) or c.source.affiliation]
        res["generic"] = 1 - len(bodies) / len(named)
        res["camp_bodies"] = sum(1 for c in bodies if c.source.camp) / max(1, len(bodies))
        # names with a capitalised word the article never writes: a merge across the run
        text_of = {str(i): text.casefold() for i, text, _ in items}
        foreign = Counter((c.source.name, c.source.mention.text if c.source.mention is not None else "") for c in named
                          if any(w.casefold() not in text_of[c.article.id] for w in re.findall(r"\b[A-Z][\w-]{3,}", c.source.name)))
        res["foreign"] = sum(foreign.values()) / len(named)
        res["foreign_names"] = [list(k) + [v] for k, v in foreign.most_common(12)]
        # the broken-looking names themselves, with a mention as written, for reading by eye (--show-broken)
        res["broken_names"] = sorted(Counter((broken(c.source.name), c.source.name, c.source.mention.text if
                                              c.source.mention is not None else "") for c in named
                                             if c.source.kind == "named" and broken(c.source.name)).items())
        if split == "fa-kes":
            res["orgs"] = {}
            for org in ORGS:
                spoken = [c for c in named if c.source.mention is not None and speaks_for(org, c.source.mention.text)]
                mine = [c for c in spoken if not is_group(c.source.name)]
                names = Counter(c.source.name for c in mine)
                covering, total = 0, 0
                for _, k in names.most_common():  # names that cover 90% of the organisation's claims
                    if total >= 0.9 * len(mine):
                        break
                    covering, total = covering + 1, total + k
                res["orgs"][org] = {"claims": len(mine), "in_groups": len(spoken) - len(mine), "names": len(names),
                                    "top": names.most_common(4),
                                    "top_share": names.most_common(1)[0][1] / len(mine) if mine else 0.0,
                                    "cover90": covering}
        out[split] = res
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline-src", type=Path, help="a checkout of main's src/ for the baseline")
    ap.add_argument("--cache", type=Path, help="keep the spaCy parses here (DocBin)")
    ap.add_argument("--gva", type=int, default=300)
    ap.add_argument("--show-broken", action="store_true", help="list the broken-looking names (kind, name, mention)")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # the baseline subprocess
    args = ap.parse_args(argv)
    if not (DATA / "fa-kes" / "fakes.csv").exists():
        print(f"data not found under {DATA}; skipping")
        return 0
    cache = args.cache or Path(tempfile.mkdtemp())
    mine = measure(args.gva, cache)
    if args.json:
        print(json.dumps(mine))
        return 0
    base = None
    if args.baseline_src:
        env = dict(os.environ, PYTHONPATH=str(args.baseline_src))
        run = subprocess.run([sys.executable, __file__, "--json", "--cache", str(cache), "--gva", str(args.gva)],
                             env=env, capture_output=True, text=True, check=True)
        base = json.loads(run.stdout.strip().splitlines()[-1])
    for split in mine:
        m, b = mine[split], (base or {}).get(split, {})
        print(f"\n{split}: {m['claims']} claims, {m['named']} with a named or pronoun source")
        for key, label in (("distinct", "distinct source names"), ("broken", "broken-looking names (share of named)"),
                           ("broken_no_groups", "  the same, group sources not counted"),
                           ("foreign", "named sources with a word the article never writes"),
                           ("camp", "named sources with a camp (org-level camps file)"),
                           ("camp_wider", "  the same, CAMPS_WIDER (also the UN, rights groups)"),
                           ("generic", "named sources that are generic roles (lower case)"),
                           ("camp_bodies", "  camps share (CAMPS) of the others")):
            fmt = (lambda v: f"{v:.3f}") if key != "distinct" else str
            print(f"  {label:52} {fmt(m[key]):>8}   baseline {fmt(b[key]) if key in b else '-':>8}")
        print(f"  broken kinds: {m['broken_kinds']}   baseline {b.get('broken_kinds', '-')}")
        if args.show_broken:
            for (kind, name, mention), k in m["broken_names"]:
                print(f"    {kind:5} {k:3}  {name!r}  <- {mention!r}")
            for name, mention, k in m["foreign_names"]:
                print(f"    never written {k:3}  {name!r}  <- {mention!r}")
        for org, r in m.get("orgs", {}).items():
            br = b.get("orgs", {}).get(org, {}) if b else {}
            print(f"  {org:38} {r['claims']:4} claims (+{r['in_groups']} in groups)  names {r['names']:3} "
                  f"(90% of claims under {r['cover90']:2}, "
                  f"top name {r['top_share']:.2f})   baseline {br.get('names', '-')} ({br.get('cover90', '-')}, "
                  f"{br.get('top_share', 0):.2f})")
            print(f"      {r['top']}")
            if br:
                print(f"      baseline {br['top']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
