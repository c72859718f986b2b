"""What the command line prints, and the one place that turns a library exception into a
message and an exit code.

Decoration (progress, tables, messages) goes to stderr through :data:`err`; only JSON and the
``verify`` verdict go to stdout.  :func:`fail` prints an exception's lines and exits with the
code the table of :mod:`rwassign.errors` gives it.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

import typer
from rich.console import Console

from rwassign import i18n
from rwassign.errors import (
    EXIT_USAGE,
    RwassignError,
    exit_status,
)
from rwassign.model import Problem, Severity

__all__ = [
    "err",
    "exit_with",
    "fail",
    "say",
    "say_problems",
    "usage_error",
]

err = Console(stderr=True, highlight=False, soft_wrap=True)


def say(text: str, style: str = "") -> None:
    """One line on stderr, printed as written (no rich markup in user data)."""
    err.print(text, style=style or None, markup=False, highlight=False)


def say_problems(problems: list[Problem], lang: str, *, warnings: bool = True) -> None:
    """Every problem on its own line with its place and hint: errors red, warnings yellow."""
    for p in problems:
        if p.is_error or warnings:
            style = "red" if p.severity is Severity.ERROR else "yellow"
            say(i18n.render(p, lang), style)


def usage_error(code: str, lang: str, **params: Any) -> NoReturn:
    """A usage mistake the option parser cannot see: one red line, exit code 2."""
    err.print(i18n.text(code, params, lang), style="red")
    raise typer.Exit(EXIT_USAGE)


def exit_with(code: int, json_out: bool, payload: dict[str, Any]) -> NoReturn:
    """Exit with ``code``, printing ``payload`` as JSON first when ``--json`` was given."""
    if json_out:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    raise typer.Exit(code)


def fail(exc: Exception, lang: str) -> NoReturn:
    """Print a library exception as its lines (message and hint) and exit with its code."""
    texts = exc.lines(lang) if isinstance(exc, RwassignError) else [str(exc)]
    for text in texts:
        say(text, "red")
    raise typer.Exit(exit_status(exc)[1])
