"""claimcheck: which factual claims in a set of news articles are disputed, by whom, and on what evidence.

Heavy libraries (spaCy, torch) load only when a stage needs them, so importing this package is cheap.
"""

from claimcheck.errors import ClaimcheckError, ConfigError, InputError, MissingDependencyError
from claimcheck.records import SCHEMA, Article, Claim, Dispute, Problem, Source, Span, Topic

__version__ = "0.1.0"

__all__ = [
    "SCHEMA", "Article", "Claim", "ClaimcheckError", "ConfigError", "Dispute", "InputError",
    "MissingDependencyError", "Problem", "Source", "Span", "Topic", "check", "find_claims", "load_articles",
]


def __getattr__(name: str):
    # Lazy re-exports: the pipeline imports the stages, which import heavy libraries on use.
    # (Extraction is exported as find_claims: `claimcheck.extract` is the extraction module.)
    if name in {"check", "find_claims", "load_articles"}:
        from claimcheck import pipeline

        return getattr(pipeline, "extract" if name == "find_claims" else name)
    raise AttributeError(name)
