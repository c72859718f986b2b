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
    7  verify: the same content, saved again by another program
  130  stopped by Ctrl-C (SIGINT); 143 by SIGTERM, 129 by SIGHUP: nothing half-written is left

Modules: ``options`` (the shared options, defined once), ``plan`` (solve, replan, validate),
``saran`` (the shortage advice),
``dispatch`` (one workbook or a batch), ``tables`` (the printed tables), ``export`` (export,
verify, keygen), ``template`` (a ready-to-fill input workbook) and ``output`` (printing and
exiting).
"""

from __future__ import annotations

import contextlib
import gc
import signal
import sys
from types import FrameType
from typing import Annotated

import typer

from rwassign import i18n
from rwassign.batch import GC_THRESHOLDS
from rwassign.cli import export, plan, saran
from rwassign.cli.options import Command, Group
from rwassign.cli.output import err
from rwassign.cli.template import template
from rwassign.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_NO_PLAN,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    EXIT_VERIFY,
    Interrupted,
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
    saran.saran,
    export.export,
    export.verify,
    export.keygen,
    template,
):
    app.command(cls=Command)(_command)


#: The signals that stop a run cleanly: Ctrl-C, a service stop or ``kill``, a closed terminal.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _stop(signum: int, frame: FrameType | None) -> None:
    """Turn a stop signal into :class:`~rwassign.errors.Interrupted`, once: a second Ctrl-C
    while the run unwinds (removing its temporary file, stopping batch workers) would leave
    that work half done, so further stop signals are ignored from here on."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    raise Interrupted(signum)


def _argv_lang() -> str:
    """The ``--lang`` of the command line, for the few lines printed outside a command."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "id"
        if arg.startswith("--lang="):
            return "en" if arg.removeprefix("--lang=") == "en" else "id"
    return "id"


def _done() -> None:
    """The work is over: a stop signal from here on changes nothing, so it is ignored instead
    of killing the interpreter while it shuts down (which puts the default handlers back),
    ending a finished run as if it had been stopped."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)


def _quiet_unraisable(unraisable: object) -> None:
    """Say nothing of an error Python meets while cleaning up an object (``Exception ignored
    in ...``): a full disk makes openpyxl's half-written parts fail again as they are closed,
    after the error that matters was raised and shown in its one line."""


def run() -> None:  # pragma: no cover - console entry point wrapper (tests run it in a process)
    """Entry point: a stop signal becomes one line and exit 128 + its number (130 for Ctrl-C,
    143 for SIGTERM), an unexpected crash one line and exit code 5; never a traceback."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, _stop)
    sys.unraisablehook = _quiet_unraisable
    gc.set_threshold(*GC_THRESHOLDS)  # batch workers set it too
    try:
        app()
        _done()
    except Interrupted as exc:
        with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP)
            text = i18n.text("cli.interrupted", {"signal": exc.signal_name}, _argv_lang())
            err.print(text, style="bold red")
        sys.exit(exc.code)
    except SystemExit:
        _done()
        raise
    except Exception as exc:  # last line of defence: no traceback for users
        err.print(i18n.text("cli.internal", {"detail": repr(exc)}, _argv_lang()), style="bold red")
        sys.exit(EXIT_INTERNAL)
