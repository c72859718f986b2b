"""The named exceptions of the library, and the one table that turns each into an exit code.

A script calls :func:`rwassign.read`, :func:`rwassign.solve`, ... and catches what it can fix:

- :class:`InputErrors`: the input has errors; every problem (errors and warnings) is carried,
  so all of them are reported together, each pointing at its cell;
- :class:`NoPlan`: no plan within the time limit;
- :class:`CheckFailed`: the independent checker rejected a plan the solver made (a bug);
- :class:`OutputError`: a file could not be written (or would replace an input);
- :class:`~rwassign.export.errors.ExportError`: a lampiran could not be made.

:class:`Interrupted` is not an error but a stop: a signal (Ctrl-C, a service stop) that the
command line and batch workers turn into an exception, so every file being written is
abandoned cleanly; it exits 128 + the signal number (130, 143), as shells do.

Every one carries a message ``code`` and ``params`` (never text), so the command line prints it
in either language, and :data:`EXIT_CODES` gives the documented exit code and the status name
shown in ``--json`` and in the batch ``rekap``.  The table lives here, beside the exceptions,
because the rekap workbook a batch writes names each file's outcome by that code too.

A ``verify`` verdict is a value, not an exception; :data:`VERDICT_CODES` gives the exit code of
each of its three statuses (utuh 0, berubah 6, ditulis ulang 7) in the same place.
"""

from __future__ import annotations

import signal
from collections.abc import Sequence
from typing import Any

from rwassign import i18n
from rwassign.model import Problem

__all__ = [
    "EXIT_CODES",
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "EXIT_NO_PLAN",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_REWRITTEN",
    "EXIT_USAGE",
    "EXIT_VERIFY",
    "VERDICT_CODES",
    "CheckFailed",
    "InputErrors",
    "Interrupted",
    "NoPlan",
    "OutputError",
    "RwassignError",
    "exit_status",
]

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_NO_PLAN, EXIT_OUTPUT, EXIT_INTERNAL, EXIT_VERIFY = range(7)
EXIT_REWRITTEN = 7


class RwassignError(Exception):
    """Base of every error the library raises for a reason the user should hear about.

    ``problems`` are the located problems behind it (shown one per line); ``lang`` is the
    language the input asked for in its ``Pengaturan`` sheet, when it was read that far, so
    the messages speak it.
    """

    def __init__(self, problems: Sequence[Problem], lang: str | None = None) -> None:
        self.problems = list(problems)
        self.lang = lang
        super().__init__(
            "; ".join(i18n.render(p, "en") for p in self.errors) or type(self).__name__
        )

    @property
    def errors(self) -> list[Problem]:
        """The problems that are errors (warnings ride along, for the full report)."""
        return [p for p in self.problems if p.is_error]

    def lines(self, lang: str = "id") -> list[str]:
        """One rendered line per error, with its place and hint."""
        return [i18n.render(p, lang) for p in self.errors]

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled by its state, not its constructor arguments: a worker process (a batch run,
        a script's process pool) may hand the error to its parent."""
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(cls: type[RwassignError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class OutputError(RwassignError):
    """A file cannot be written (or a plan read back) for a reason the user can fix: a missing
    folder, a file open in Excel, an output that would replace an input.

    It concerns a path, not a cell, so it carries one message ``code`` and its ``params``
    instead of located problems; :meth:`line` is the message with its hint.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(())
        self.code = code
        self.params = params
        self.args = (i18n.text(code, params, "en"),)

    def text(self, lang: str = "id") -> str:
        return i18n.text(self.code, self.params, lang)

    def hint(self, lang: str = "id") -> str:
        return i18n.hint(self.code, self.params, lang)

    def line(self, lang: str = "id") -> str:
        """The message and its hint, as one line for the terminal or the rekap."""
        return i18n.line(self.code, self.params, lang)

    def lines(self, lang: str = "id") -> list[str]:
        return [self.line(lang)]

    def __str__(self) -> str:
        return self.text("en")


class InputErrors(RwassignError):
    """The input (workbook, settings, previous plan, pins) has errors; nothing was solved.

    ``problems`` holds every problem found, errors and warnings in reading order, so a user
    fixes them all in one pass instead of one per run.
    """


class NoPlan(RwassignError):
    """No plan was found within the time limit (``run.no_plan``); ``result`` says how far the
    solver got."""

    def __init__(self, problems: Sequence[Problem], lang: str | None = None, result: Any = None):
        super().__init__(problems, lang)
        self.result = result


class CheckFailed(RwassignError):
    """The independent checker rejected the solver's plan (``run.check_failed``): a bug, and
    the plan is never written.  ``violations`` are the checker's findings."""

    def __init__(
        self,
        problems: Sequence[Problem],
        lang: str | None = None,
        violations: Sequence[Any] = (),
        result: Any = None,
    ) -> None:
        super().__init__(problems, lang)
        self.violations = list(violations)
        self.result = result


class Interrupted(SystemExit):
    """The run was stopped by a signal: SIGINT (Ctrl-C), SIGTERM (a service stop, ``kill``)
    or SIGHUP (the terminal closed).

    A ``SystemExit`` (so a ``BaseException``): no ``except Exception`` on the way out, a batch
    worker's guard included, can mistake it for one file's failure, and every ``with`` and
    ``finally`` it unwinds runs, so the atomic writer removes its temporary file.  Its
    ``code`` is 128 + the signal number, the exit status shells give a run they stopped; a
    batch worker that gets it while idle simply ends with that status.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum

    @property
    def signal_name(self) -> str:
        """``SIGINT``, ``SIGTERM``, ...: what the message names."""
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return str(self.signum)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled by its signal number: a batch worker hands it to its parent."""
        return (type(self), (self.signum,))


#: The documented exit code and status name of each exception, in one place.  The command
#: line exits with it; ``--json`` and the batch ``rekap`` show the status.  An
#: ``ExportError`` carries its own ``kind`` ("input" or "output"), looked up in
#: :data:`EXPORT_KINDS`.  Anything else is an internal error (5).
EXIT_CODES: dict[type[Exception], tuple[str, int]] = {
    InputErrors: ("INPUT_ERROR", EXIT_INPUT),
    NoPlan: ("NO_PLAN", EXIT_NO_PLAN),
    CheckFailed: ("CHECK_FAILED", EXIT_INTERNAL),
    OutputError: ("OUTPUT_ERROR", EXIT_OUTPUT),
    RwassignError: ("INTERNAL", EXIT_INTERNAL),
}

#: The status name and exit code of each ``verify`` verdict, by the value of its
#: ``rwassign.export.verify.Status``: ``utuh`` (every part as exported), ``berubah`` (content or
#: look differs, active content added, or the file cannot be checked), ``ditulis_ulang`` (the
#: same content, saved again by another program).
VERDICT_CODES: dict[str, tuple[str, int]] = {
    "utuh": ("INTACT", EXIT_OK),
    "berubah": ("CHANGED", EXIT_VERIFY),
    "ditulis_ulang": ("REWRITTEN", EXIT_REWRITTEN),
}

#: An ``ExportError``'s ``kind`` names the row of :data:`EXIT_CODES` it stands for.
EXPORT_KINDS: dict[str, type[Exception]] = {"input": InputErrors, "output": OutputError}


def exit_status(exc: BaseException) -> tuple[str, int]:
    """(status name, exit code) of ``exc`` by :data:`EXIT_CODES`; ``("INTERNAL", 5)`` for any
    exception the table does not name (a crash is a bug, never a silent success)."""
    kind = getattr(exc, "kind", None)
    if isinstance(kind, str) and kind in EXPORT_KINDS:
        return EXIT_CODES[EXPORT_KINDS[kind]]
    for cls in type(exc).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return EXIT_CODES[RwassignError]
