"""Errors the library raises; the CLI turns them into one-line messages and exit codes."""


class ClaimcheckError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""

    exit_code = 1


class InputError(ClaimcheckError):
    """An input path or record cannot be used (missing path, unreadable file)."""

    exit_code = 2


class ConfigError(ClaimcheckError):
    """A settings or camps file is invalid."""

    exit_code = 2


class MissingDependencyError(ClaimcheckError):
    """A model or package claimcheck needs is not installed."""

    exit_code = 3
