"""The import rule: records/errors stand alone, only the pipeline knows the stages, only the CLI knows typer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "claimcheck"
STAGES = {"load", "extract", "sources", "quantities", "embed", "embed_onnx", "cluster", "dispute", "stance", "facts",
          "origins"}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _modules():
    for path in PACKAGE.rglob("*.py"):
        yield path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", "."), path


def test_records_and_errors_import_nothing_of_claimcheck():
    for name in ("records", "errors"):
        assert not any(m.startswith("claimcheck") for m in _imports(PACKAGE / f"{name}.py")), name


def test_only_cli_imports_typer():
    for name, path in _modules():
        if name != "cli":
            assert not any(m.split(".")[0] == "typer" for m in _imports(path)), name


def test_only_pipeline_wires_stages_together():
    for name, path in _modules():
        top = name.split(".")[0]
        if top in {"pipeline", "cli", "__init__"}:
            continue
        used = {m.split(".")[1] for m in _imports(path) if m.startswith("claimcheck.") and m.count(".") >= 1}
        others = (used & STAGES) - {top}
        # A stage may use the small shared helpers of another stage only through documented seams.
        allowed = {"extract": {"sources", "quantities", "load"}, "dispute": {"stance", "cluster", "quantities"},
                   "stance": set(), "cluster": set(), "embed": {"embed_onnx"}, "embed_onnx": {"embed"}}.get(top, set())
        assert others <= allowed, f"{name} imports stages {sorted(others - allowed)}"


def test_only_report_renders_html():
    for name, path in _modules():
        if name not in {"report", "htmlreport"}:
            assert not any(m.startswith("claimcheck.htmlreport") for m in _imports(path)), name


def test_import_is_light():
    code = "import sys, claimcheck, claimcheck.cli; print(sorted(m for m in ('spacy','torch','sentence_transformers','sklearn','datasketch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
