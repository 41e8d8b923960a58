"""Fuzz (issue 12): folders of hostile files beside good ones, from a fixed seed, through the CLI.

Every folder must give exit 0, no traceback, a one-line warning naming each bad file, and the good
files' claims (tests/fuzz_inputs.py says what each class of file is; benchmarks/fuzz_folders.py
runs the same generator over 50 folders)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fuzz_inputs import judge, make_folder

ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys; from claimcheck.cli import app; sys.argv[0] = 'claimcheck'; app()"


@pytest.mark.parametrize("seed", [101, 102])
def test_a_folder_of_hostile_files_never_sinks_the_run(tmp_path, seed):
    folder = tmp_path / "in"
    bads = make_folder(folder, seed, n_bad=25, long_words=1_500)
    assert {b.expect for b in bads} == {"warn", "ok"}  # the seed draws both kinds
    out = tmp_path / "claims.jsonl"
    proc = subprocess.run([sys.executable, "-c", CLI, "claims", str(folder), "-o", str(out)],
                          capture_output=True, timeout=600)
    stderr = proc.stderr.decode("utf-8", "replace")
    faults = judge(bads, proc.returncode, stderr, out.read_text(encoding="utf-8") if out.exists() else "")
    assert not faults, (faults, stderr[-2000:])
    assert "\x1b" not in stderr  # names with escape sequences are printed escaped
