"""The ``rwassign`` command line: a thin layer over the library (:mod:`rwassign.api`).

Each command parses its options, calls the library and prints the outcome: decoration
(progress, tables, messages) on stderr, ``--json`` and the ``verify`` verdict on stdout.  The
library raises named exceptions; :func:`rwassign.cli.output.fail` and the batch runner turn
each into one message with its hint and the exit code of the one table in
:mod:`rwassign.errors`:

    0  plan written / documents written / the file is intact ("utuh")
    1  input errors (every problem listed, nothing written)
    2  usage error (unknown option, missing argument, bad option value)
    3  no plan within the limits (nothing written)
    4  an output file could not be written (nothing written)
    5  internal error: the independent checker rejected the plan (a bug; nothing written)
    6  verify: the file is not intact, or its signature is not valid

Modules: ``options`` (the shared options, defined once), ``plan`` (solve, replan, validate),
``dispatch`` (one workbook or a batch), ``tables`` (the printed tables), ``export`` (export,
verify, keygen) and ``output`` (printing and exiting).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from rwassign import i18n
from rwassign.cli import export, plan
from rwassign.cli.options import Command, Group
from rwassign.cli.output import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_NO_PLAN,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    EXIT_VERIFY,
    err,
)
from rwassign.version import __version__

__all__ = [
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "EXIT_NO_PLAN",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_USAGE",
    "EXIT_VERIFY",
    "app",
    "run",
]

app = typer.Typer(
    name="rwassign",
    help="Penugasan Polisi RW: satu personel terlatih untuk setiap RW/dusun, optimal dan "
    "beralasan.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    cls=Group,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rwassign {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Tampilkan versi."),
    ] = False,
) -> None:
    """rwassign: rencana Polisi RW dari spreadsheet Polres."""


# the order of ``rwassign --help``
for _command in (
    plan.solve,
    plan.replan,
    plan.validate,
    export.export,
    export.verify,
    export.keygen,
):
    app.command(cls=Command)(_command)


def run() -> None:  # pragma: no cover - console entry point wrapper
    """Entry point that turns an unexpected crash into one line and exit code 5."""
    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # last line of defence: no traceback for users
        err.print(i18n.text("cli.internal", {"detail": repr(exc)}, "id"), style="bold red")
        sys.exit(EXIT_INTERNAL)
