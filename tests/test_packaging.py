"""The stance model ships inside the wheel, and installed code finds it there.

``models/`` lives at the repository top level; pyproject.toml maps it to the package
``claimcheck.models`` so a wheel carries ``claimcheck/models/stance.json``. The wheel is built from a
copy of the tree so the test leaves no ``build/`` or ``*.egg-info`` behind in the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from claimcheck.stance import MODEL_FILE, models_dir

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILES = (MODEL_FILE, "MODEL_CARD.md")
SKIP_DIRS = {".venv", ".git", ".pytest_cache", "build", "dist", "out", "__pycache__"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built offline with the venv's own setuptools (no build isolation, no index)."""
    try:
        import setuptools  # noqa: F401  (pip --no-build-isolation needs the backend in this venv)
    except ImportError:
        pytest.skip("setuptools is not installed in this venv, so a wheel cannot be built offline")
    tmp = tmp_path_factory.mktemp("pkg")
    src = tmp / "tree"
    shutil.copytree(ROOT, src, ignore=lambda d, names: [n for n in names if n in SKIP_DIRS
                                                           or n.endswith(".egg-info")])
    out = tmp / "wheels"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "-q", "-w", str(out), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (whl,) = out.glob("claimcheck-*.whl")
    return whl


def test_wheel_carries_the_model_files(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for name in MODEL_FILES:
            assert f"claimcheck/models/{name}" in names
            assert zf.read(f"claimcheck/models/{name}") == (ROOT / "models" / name).read_bytes()


def test_wheel_carries_every_module(wheel):
    """pyproject.toml lists packages explicitly (the models/ mapping needs it): catch a forgotten one."""
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    pkg = ROOT / "src"
    modules = {p.relative_to(pkg).as_posix() for p in (pkg / "claimcheck").rglob("*.py")}
    assert modules and modules <= names, sorted(modules - names)


def test_installed_wheel_loads_its_own_model(wheel, tmp_path):
    """Run from outside the repo with only the unpacked wheel ahead of the venv: no source tree."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_MODELS"}
    env["PYTHONPATH"] = str(site)
    code = ("import claimcheck, claimcheck.stance as s; print(claimcheck.__file__); print(s.models_dir()); "
            "print(','.join(s.load_stance_model().classes))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    pkg_file, found, classes = proc.stdout.splitlines()
    assert Path(pkg_file).is_relative_to(site)
    assert Path(found) == site / "claimcheck" / "models"
    assert sorted(classes.split(",")) == ["against", "for", "observing"]


def test_models_dir_in_this_install_has_the_model(monkeypatch):
    monkeypatch.delenv("CLAIMCHECK_MODELS", raising=False)
    found = models_dir()
    for name in MODEL_FILES:
        assert (found / name).is_file()


def test_env_var_overrides_models_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMCHECK_MODELS", str(tmp_path))
    assert models_dir() == tmp_path
