"""The shape of the code: records/errors stand alone, stages import only the shared modules, their own
package and a few documented seams, only the pipeline knows the stages, only the CLI knows typer, no
module grows past MAX_LINES, and every dispute reason sits behind the same signature."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "claimcheck"
MAX_LINES = 400

# Each top-level module or package of claimcheck that is a stage, and the stage it belongs to
# (a module split out of a stage stays in it: the embedding cache is embed's, text layout is load's).
STAGE_OF = {
    "load": "load", "layout": "load", "extract": "extract", "sources": "sources", "quantities": "quantities",
    "embed": "embed", "embed_cache": "embed", "embed_onnx": "embed", "cluster": "cluster", "neighbours": "cluster", "dispute": "dispute", "stance": "stance",
    "facts": "facts", "origins": "origins", "events": "events",
}
# What every stage may import: the records, the errors, the camps file, the one spaCy pipeline, and
# the guards for untrusted text (safe_text).
SHARED = {"records", "errors", "config", "nlp", "safe_text"}
# The documented seams: small shared helpers of another stage that a stage may use.
SEAMS = {
    "extract": {"sources", "quantities", "load"},  # canonical_name, extract_quantities, is_boilerplate_line
    "dispute": {"stance", "cluster", "quantities", "events", "sources"},  # the stance model, knn, is_money / toll_before, places.kind; sources.aliases.KNOWN (one table of groups' other names)
    "events": {"quantities", "sources", "cluster", "stance"},  # is_money; canonical_name (agents are named as sources are); grouping: knn; the linker: models_dir
}
# Not stages: the wiring (pipeline), its shells (cli, the package's lazy exports) and the serializer.
WIRING = {"pipeline", "cli", "__init__", "report", "htmlreport"}


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
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", "."), path


def _claimcheck_tops(path: Path) -> set[str]:
    """The top-level claimcheck modules a file imports ("claimcheck.dispute.reasons.learned" -> "dispute")."""
    return {m.split(".")[1] for m in _imports(path) if m.startswith("claimcheck.")}


def test_every_top_level_module_is_classified():
    tops = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
            if p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists())}
    assert tops <= set(STAGE_OF) | SHARED | WIRING, sorted(tops - set(STAGE_OF) - SHARED - WIRING)


def test_records_and_errors_import_nothing_of_claimcheck():
    for name in ("records", "errors"):
        assert not any(m.startswith("claimcheck") for m in _imports(PACKAGE / f"{name}.py")), name


def test_only_cli_imports_typer():
    for name, path in _modules():
        if name != "cli":
            assert not any(m.split(".")[0] == "typer" for m in _imports(path)), name


def test_stages_import_shared_modules_their_own_stage_and_seams_only():
    for name, path in _modules():
        stage = STAGE_OF.get(name.split(".")[0])
        if stage is None:
            continue
        others = {STAGE_OF.get(top, top) for top in _claimcheck_tops(path) - SHARED} - {stage}
        allowed = SEAMS.get(stage, set())
        assert others <= allowed, f"{name} imports {sorted(others - allowed)}"


def test_only_pipeline_knows_the_stages():
    for name, path in _modules():
        if name in ("pipeline",) or name.split(".")[0] in STAGE_OF:
            continue
        stages = {STAGE_OF[top] for top in _claimcheck_tops(path) if top in STAGE_OF}
        assert not stages, f"{name} imports stages {sorted(stages)}"


def test_no_module_is_over_the_size_limit():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in _modules()}
    assert max(sizes.values()) > 100  # the walk found the real modules
    over = {name: n for name, n in sizes.items() if n > MAX_LINES}
    assert not over, f"modules over {MAX_LINES} lines (split them by concern): {over}"


def test_every_dispute_reason_has_its_module_and_one_signature():
    import inspect

    from claimcheck.dispute import reasons

    kinds = {m.name for m in pkgutil.iter_modules(reasons.__path__)}
    assert kinds == {"explicit_denial", "polarity", "numeric", "responsibility", "learned"}  # the output contract
    detectors = set(reasons.NEAR_PAIR)
    for kind in kinds:
        detect = importlib.import_module(f"claimcheck.dispute.reasons.{kind}").detect
        assert list(inspect.signature(detect).parameters) == ["pair"], kind
        assert detect in detectors, kind
    assert set(reasons.ANY_PAIR) <= detectors


def test_only_report_renders_html():
    for name, path in _modules():
        if name.split(".")[0] not in {"report", "htmlreport"}:
            assert not any(m.startswith("claimcheck.htmlreport") for m in _imports(path)), name


def test_import_is_light():
    code = "import sys, claimcheck, claimcheck.cli; print(sorted(m for m in ('spacy','torch','sentence_transformers','sklearn','datasketch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
