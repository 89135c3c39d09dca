"""One error scheme. Programmer mistakes raise ordinary exceptions; bad input raises `InputError`
(naming the file and the problem, and how to fix it) which the batch records and goes past."""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error Dateline raises on purpose."""


class InputError(DatelineError):
    """An input that cannot be read as a report. `source` names the file (or `<stdin>`, `file:line`)."""

    def __init__(self, source: str, problem: str, hint: str | None = None) -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        message = f"{source}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class ConfigError(DatelineError):
    """A pipeline or option that cannot work: unknown stage, broken chain, bad language data."""
