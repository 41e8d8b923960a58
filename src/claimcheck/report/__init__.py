"""The only serializer: claims, disputes, articles, events and facts as JSON lines, the terminal
reports, reviewers' verdicts, the HTML report and ClaimReview.

Every JSON line carries ``schema``; key order is fixed and floats rounded, so the same input gives
the same bytes. Files are written atomically: a temporary file beside the target, then a rename,
so an interrupted run never leaves half a file. The modules: ``rows`` (records -> JSON rows),
``files`` (atomic JSONL and text files, reading lines back), ``reviews`` (verdicts read back),
``terminal`` (the text reports), ``claimreview`` (JSON-LD); the HTML lives in claimcheck.htmlreport.
"""

from __future__ import annotations

from claimcheck.report.claimreview import claimreview
from claimcheck.report.files import dumps, read_jsonl, read_rows, write_json, write_jsonl, write_text
from claimcheck.report.reviews import read_reviews, review_from_row
from claimcheck.report.rows import (
    ROW_KINDS, SCORE_DIGITS, RunOutputs, article_json, claim_json, claim_rows, dispute_json, dispute_rows,
    event_json, fact_json, fact_row_problem, fact_rows, outlet_camps_of, review_json, row_kind, run_outputs,
    verdict_json,
)
from claimcheck.report.terminal import (
    REPORT_WIDTH, VERDICT_WORDS, backing_words, origin_names, render_facts, render_report, version_letter,
)

__all__ = [
    "ROW_KINDS", "REPORT_WIDTH", "SCORE_DIGITS", "VERDICT_WORDS", "RunOutputs", "article_json", "backing_words",
    "claim_json", "claim_rows", "claimreview", "dispute_json", "dispute_rows", "dumps", "event_json", "fact_json",
    "fact_row_problem", "fact_rows", "origin_names", "outlet_camps_of", "read_jsonl", "read_reviews", "read_rows",
    "render_facts", "render_html", "render_report", "review_from_row", "review_json", "row_kind", "run_outputs",
    "verdict_json", "version_letter", "write_json", "write_jsonl", "write_text",
]


def render_html(outputs: RunOutputs) -> str:
    """The self-contained HTML report (claimcheck.htmlreport)."""
    from claimcheck import htmlreport

    return htmlreport.render(outputs)
