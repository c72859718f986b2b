"""The one exit-code table: every named exception has its documented code, and the README
documents every command and every code."""

from __future__ import annotations

import inspect
import re
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import rwassign
from rwassign import cli, errors
from rwassign.errors import EXIT_CODES, VERDICT_CODES, exit_status
from rwassign.export.errors import ExportError
from rwassign.model import Location, Problem, Severity

README = Path(__file__).parents[2] / "README.md"

#: What the README's exit-code table promises for each exception the library raises.
DOCUMENTED = {
    "InputErrors": 1,
    "NoPlan": 3,
    "OutputError": 4,
    "CheckFailed": 5,
    "RwassignError": 5,
    "ExportError": 1,
}


def _exception_classes() -> list[type[Exception]]:
    found = [
        obj
        for module in (errors, rwassign)
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, Exception)
    ]
    return sorted(set(found), key=lambda c: c.__name__)


def _instance(cls: type[Exception]) -> Exception:
    if cls is ExportError:
        return ExportError("export.details_missing", fields="polda")
    if cls is rwassign.OutputError:
        return rwassign.OutputError("output.dir_missing", dir="hasil")
    problem = Problem("run.no_plan", Severity.ERROR, Location(file="x.xlsx"), {"seconds": 1})
    return cls([problem])


def test_every_exception_of_the_library_has_its_documented_exit_code() -> None:
    classes = _exception_classes()
    assert {c.__name__ for c in classes} == set(DOCUMENTED)
    for cls in classes:
        assert any(issubclass(cls, row) for row in EXIT_CODES), f"{cls.__name__} not in the table"
        assert exit_status(_instance(cls))[1] == DOCUMENTED[cls.__name__], cls.__name__


def test_an_export_error_of_kind_output_exits_4() -> None:
    exc = ExportError("keygen.exists", "output", path="k.pem")
    assert exit_status(exc) == ("OUTPUT_ERROR", cli.EXIT_OUTPUT)


def test_an_unnamed_crash_is_an_internal_error() -> None:
    assert exit_status(ValueError("boom")) == ("INTERNAL", cli.EXIT_INTERNAL)


@pytest.mark.parametrize(
    "code",
    sorted(
        {c for _, c in EXIT_CODES.values()}
        | {c for _, c in VERDICT_CODES.values()}
        | {2, 128 + signal.SIGINT, 128 + signal.SIGTERM}
    ),
)
def test_every_exit_code_is_in_the_readme_table(code: int) -> None:
    table = README.read_text(encoding="utf-8").split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    assert re.search(rf"^\| (\d+, )*{code}(, \d+)* \|", table, re.MULTILINE), code


def test_every_registered_command_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in cli.app.registered_commands if c.callback]
    assert len(names) == 8
    for name in names:
        assert f"`rwassign {name}" in readme, name
        help_text = CliRunner().invoke(cli.app, [name, "--help"]).stdout
        assert "Contoh: rwassign " + name in help_text, f"{name} --help shows no example"


def test_a_stop_signal_exits_128_plus_its_number_and_survives_a_worker() -> None:
    import pickle

    stop = errors.Interrupted(signal.SIGTERM)
    assert isinstance(stop, SystemExit) and not isinstance(stop, Exception)
    assert (stop.code, stop.signal_name) == (143, "SIGTERM")
    back = pickle.loads(pickle.dumps(stop))  # a batch worker hands it to its parent
    assert (type(back), back.code, back.signum) == (errors.Interrupted, 143, signal.SIGTERM)
