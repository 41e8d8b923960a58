"""How many malformed folders sink a run: the fuzz generator of tests/fuzz_inputs.py at scale.

Writes FOLDERS folders of 40 hostile files + 2 good ones each (seeds 0..FOLDERS-1), runs
``claimcheck claims FOLDER -o OUT`` on each in a subprocess, and counts the folders that fail
(exit code not 0, a traceback, a good file's claims missing, a bad file not named in a warning,
or no answer within --timeout seconds), by fault. ``--baseline-src DIR`` runs a second source tree
(e.g. a checkout of main) over the same folders in the same run, for a before/after count.

    python benchmarks/fuzz_folders.py --folders 50 --baseline-src /path/to/main-checkout
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_inputs import judge, make_folder  # noqa: E402

CLI = "import sys; from claimcheck.cli import app; sys.argv[0] = 'claimcheck'; app()"


def run_tree(src: Path, folders: list[tuple[Path, list]], timeout: float) -> tuple[int, collections.Counter, float]:
    env = {**os.environ, "PYTHONPATH": str(src / "src"), "HF_HUB_OFFLINE": "1"}
    failed, faults, clock = 0, collections.Counter(), time.perf_counter()
    for folder, bads in folders:
        out = folder.with_suffix(".claims.jsonl")
        out.unlink(missing_ok=True)
        try:
            proc = subprocess.run([sys.executable, "-c", CLI, "claims", str(folder), "-o", str(out)],
                                  env=env, capture_output=True, timeout=timeout)
            found = judge(bads, proc.returncode, proc.stderr.decode("utf-8", "replace"),
                          out.read_text(encoding="utf-8", errors="replace") if out.exists() else "")
        except subprocess.TimeoutExpired:
            found = [f"timeout {timeout:.0f} s"]
        if found:
            failed += 1
            faults.update({f.split(" (")[0] if "not named" not in f else "bad file not named in a warning"
                           for f in found})
    return failed, faults, time.perf_counter() - clock


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", type=int, default=50)
    ap.add_argument("--bad", type=int, default=40, help="hostile files per folder")
    ap.add_argument("--long-words", type=int, default=3_000, help="words in a long-sentence file")
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--baseline-src", type=Path, help="another source tree to count over the same folders")
    ap.add_argument("--baseline-only", action="store_true", help="count the baseline tree only")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = [(Path(tmp) / f"f{seed:03d}", make_folder(Path(tmp) / f"f{seed:03d}", seed, args.bad, args.long_words))
                   for seed in range(args.folders)]
        n_files = sum(len(b) + 2 for _, b in folders)
        print(f"{args.folders} folders, {n_files} files ({args.bad} hostile + 2 good each)")
        trees = ([("baseline", args.baseline_src)] if args.baseline_src else []) + ([] if args.baseline_only else [("this tree", ROOT)])
        for label, src in trees:
            failed, faults, secs = run_tree(src, folders, args.timeout)
            print(f"{label:>10}: {failed}/{args.folders} folders failed ({secs:.0f} s)")
            for fault, n in faults.most_common():
                print(f"{'':>12}{n:>3} folders: {fault}")


if __name__ == "__main__":
    main()
