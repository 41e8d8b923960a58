"""The command line: each command is a thin shell over one library call.

`x_cli` functions hold the typer signature and help; the work is in `claimcheck.pipeline`.
Errors the user can fix become one-line messages and exit codes, never tracebacks.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimcheck.errors import ClaimcheckError
from claimcheck.safe_text import for_terminal

# A run that finished but skipped an article after an unexpected error (a bug, not bad input).
EXIT_SKIPPED = 4
EXIT_BUG = 70  # an unexpected error stopped the run (EX_SOFTWARE)

app = typer.Typer(
    name="claimcheck",
    help="Find the factual claims that news sources dispute: who said what, who denies it, and on what evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

PathsArg = Annotated[list[str], typer.Argument(help="Article files or folders (searched recursively); '-' reads stdin.")]
CampsOpt = Annotated[Optional[Path], typer.Option("--camps", help="TOML file mapping camp names to their members.")]


class Backend(str, enum.Enum):  # typer shows the choices; the names match claimcheck.embed.BACKENDS
    onnx = "onnx"
    torch = "torch"


VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Show library logs and warnings.")]
VerdictsOpt = Annotated[Optional[list[Path]], typer.Option("--verdicts", help="A reviewer's verdicts JSONL (as the HTML report downloads it); repeatable.")]
TopOpt = Annotated[int, typer.Option("--top", min=0, help="Show the N strongest contested facts in the terminal (0: all).")]


def _iso_date(value: Optional[str]) -> Optional[str]:
    import datetime

    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


DateOpt = Annotated[Optional[str], typer.Option("--date", callback=_iso_date, metavar="YYYY-MM-DD", help="Publication date of articles that give none (no metadata date, no date line); relative times such as 'on Friday' resolve against it.")]


def _quiet(verbose: bool) -> None:
    """Keep model-load reports and framework warnings away from the user unless asked for."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_TerminalFormatter("%(name)s: %(message)s"))
        logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
        return
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    warnings.filterwarnings("ignore")
    # Libraries' own log lines ("ERROR:trafilatura.core:empty HTML tree") name no file and repeat
    # what the warning for that file says: shown with --verbose only.
    logging.basicConfig(level=logging.CRITICAL + 1, handlers=[logging.NullHandler()], force=True)


class _TerminalFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return for_terminal(super().format(record))


def _echo(text: str, err: bool = False, nl: bool = True) -> None:
    """Print text from articles and file names with its control characters escaped (for_terminal)."""
    typer.echo(for_terminal(text), err=err, nl=nl)


def _warn(message: str) -> None:
    """One line, whatever the file name holds (a newline in a name is shown as \\n)."""
    _echo(f"warning: {message}".replace("\n", "\\n"), err=True)


@contextlib.contextmanager
def _progress(enabled: bool) -> Iterator:
    """Progress bars on stderr, shown only on a terminal; yields the pipeline's progress callback."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bars = Progress(TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], completed=done, total=total)

    with bars:
        yield update


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    try:
        yield
    except ClaimcheckError as exc:
        _echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug outside any one article: one line, the traceback with --verbose
        if logging.getLogger().isEnabledFor(logging.INFO):
            raise
        _echo(f"error: unexpected {type(exc).__name__}: {str(exc)[:200]} (--verbose shows the traceback)", err=True)
        raise typer.Exit(EXIT_BUG) from None


def _report_problems(problems) -> None:
    for problem in problems:
        _warn(str(problem))
    if problems:
        typer.echo(f"skipped {len(problems)} input(s); see the warnings above", err=True)
    if any(p.article is not None for p in problems):
        typer.echo(f"some articles met an unexpected error and were skipped (exit code {EXIT_SKIPPED}; "
                   "--verbose shows the tracebacks)", err=True)


def _exit_if_skipped(problems) -> None:
    if any(p.article is not None for p in problems):
        raise typer.Exit(EXIT_SKIPPED)


def _stdin(paths: list[str]):
    return sys.stdin if "-" in paths else None


@app.command("claims")
def claims_cli(
    paths: PathsArg,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write claims JSONL here (default: stdout).")] = None,
    camps: CampsOpt = None,
    date: DateOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Extract attributed claims from articles, one JSON object per line."""
    _quiet(verbose)
    from claimcheck import pipeline, report

    with _user_errors(), _progress(output is not None) as progress:
        result = pipeline.extract(paths, camps, stdin=_stdin(paths), progress=progress, date=date)
        _report_problems(result.problems)
        rows = report.claim_rows(result.claims)
        report.write_jsonl(output if output is not None else sys.stdout, rows)
    if not result.articles:
        typer.echo("error: no readable articles in the input", err=True)
        raise typer.Exit(1)
    _exit_if_skipped(result.problems)


@app.command("run")
def run_cli(
    paths: PathsArg,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write disputes JSONL here.")] = None,
    claims: Annotated[Optional[Path], typer.Option("--claims", help="Also write all claims, with their topic, as JSONL.")] = None,
    camps: CampsOpt = None,
    min_score: Annotated[float, typer.Option("--min-score", min=0.0, max=1.0, help="Report disputes scoring at least this.")] = 0.5,
    per_topic: Annotated[int, typer.Option("--per-topic", min=0, help="With --pairs, show at most this many disputes per topic (0: all); -o keeps all.")] = 5,
    facts: Annotated[Optional[Path], typer.Option("--facts", help="Write the contested facts as JSONL.")] = None,
    events: Annotated[Optional[Path], typer.Option("--events", help="Write the events (claims reporting one real-world event) as JSONL.")] = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="Write the self-contained HTML report here.")] = None,
    articles: Annotated[Optional[Path], typer.Option("--articles", help="Write the articles (the text offsets point into) as JSONL, for `claimcheck report`.")] = None,
    verdicts: VerdictsOpt = None,
    top: TopOpt = 10,
    pairs: Annotated[bool, typer.Option("--pairs", help="Also list the disputed pairs topic by topic.")] = False,
    model: Annotated[Optional[str], typer.Option("--model", help="A sentence-transformers model directory, or a name already in the local Hugging Face cache; never downloaded (default: bundled all-MiniLM-L6-v2).")] = None,
    backend: Annotated[Backend, typer.Option("--backend", help="Embedding backend: onnx (int8, made from the model on first use) or torch (sentence-transformers).")] = Backend.onnx,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Where to keep the embedding cache (and the ONNX model).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")] = False,
    date: DateOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Report the disputed claims in a set of articles, grouped by topic."""
    _quiet(verbose)
    from claimcheck import pipeline, report

    with _user_errors(), _progress(True) as progress:
        result = pipeline.check(
            paths, camps, model=model, backend=backend.value, cache_dir=cache_dir, use_cache=not no_cache,
            min_score=min_score, stdin=_stdin(paths), progress=progress, verdicts=verdicts or (), date=date,
        )
        _report_problems(result.problems)
        with report.together():  # all of this run's files, or (killed before the end) all the old ones
            if claims is not None:
                report.write_jsonl(claims, report.claim_rows(result.claims, result.topics, result.topic_of))
            if output is not None:
                report.write_jsonl(output, report.dispute_rows(result.disputes, result.topics))
            if articles is not None:
                report.write_jsonl(articles, map(report.article_json, result.articles))
            rows = report.run_outputs(result)
            if facts is not None:
                report.write_jsonl(facts, rows.facts)
            if events is not None:
                report.write_jsonl(events, rows.events)
            if html is not None:
                report.write_text(html, report.render_html(rows))
    if not result.articles:
        typer.echo("error: no readable articles in the input", err=True)
        raise typer.Exit(1)
    _echo(report.render_facts(rows, top=top), nl=False)
    if pairs:
        typer.echo("")
        _echo(report.render_report(len(result.articles), len(result.claims), result.topics, result.disputes,
                                   per_topic=per_topic), nl=False)
    _exit_if_skipped(result.problems)


@app.command("articles")
def articles_cli(
    paths: PathsArg,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write articles JSONL here (default: stdout).")] = None,
    verbose: VerboseOpt = False,
) -> None:
    """Print articles as claimcheck reads them: the exact text that claim offsets point into."""
    _quiet(verbose)
    from claimcheck import pipeline, report

    with _user_errors():
        articles, problems = pipeline.load_articles(paths, stdin=_stdin(paths))
        _report_problems(problems)
        report.write_jsonl(output if output is not None else sys.stdout, map(report.article_json, articles))
    if not articles:
        typer.echo("error: no readable articles in the input", err=True)
        raise typer.Exit(1)


@app.command("report")
def report_cli(
    files: Annotated[list[Path], typer.Argument(help="JSONL outputs of a run: facts (needed), articles (for the article text), claims, disputes, events; any order, kinds told apart by their fields.")],
    html: Annotated[Optional[Path], typer.Option("--html", help="Write the HTML report here (else print the contested facts).")] = None,
    verdicts: VerdictsOpt = None,
    camps: CampsOpt = None,
    top: TopOpt = 10,
    verbose: VerboseOpt = False,
) -> None:
    """Rebuild the report from a run's JSONL files (a reviewer's edited files are fine)."""
    _quiet(verbose)
    from claimcheck import pipeline, report

    with _user_errors():
        rows = pipeline.read_outputs(files, verdicts=verdicts or (), camps=camps)
        _report_problems(rows.problems)
        if not rows.facts:
            _warn("no contested facts in the inputs (pass the file `claimcheck run --facts` wrote)")
        if html is not None:
            report.write_text(html, report.render_html(rows))
            _echo(f"wrote {html} ({len(rows.facts)} contested facts)", err=True)
            return
    _echo(report.render_facts(rows, top=top), nl=False)


export_app = typer.Typer(help="Export reviewed facts for other tools.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("claimreview")
def claimreview_cli(
    verdicts: Annotated[list[Path], typer.Argument(help="Verdicts JSONL files (as the HTML report downloads them).")],
    facts: Annotated[Path, typer.Option("--facts", help="The facts JSONL the verdicts are about (`claimcheck run --facts`).")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the JSON-LD here (default: stdout).")] = None,
    author: Annotated[Optional[str], typer.Option("--author", help="The reviewing organisation (default: each verdict's reviewer).")] = None,
    verbose: VerboseOpt = False,
) -> None:
    """schema.org ClaimReview JSON-LD for the versions a reviewer rated (never a made-up rating)."""
    _quiet(verbose)
    from claimcheck import pipeline, report

    with _user_errors():
        rows = pipeline.read_outputs([facts], verdicts=verdicts)
        _report_problems(rows.problems)
        doc, unrated = report.claimreview(rows, author=author)
        report.write_json(output if output is not None else sys.stdout, doc)
    if unrated:
        _warn(f"{unrated} reviewed fact(s) have no rated version: nothing to export for them")
    typer.echo(f"{len(doc['@graph'])} ClaimReview item(s)", err=True)


def main() -> None:  # pragma: no cover - console entry point
    app()
