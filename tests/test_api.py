"""The public API of ``import rwassign``: each function on the tiny test workbook, each named
exception where it belongs, and the README's library example run as written."""

from __future__ import annotations

import dataclasses
import pickle
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import rwassign
from rwassign import checker, explain
from rwassign.errors import EXIT_INPUT, EXIT_NO_PLAN, EXIT_OUTPUT, exit_status
from rwassign.model import Location, Problem, Severity, SolveStatus

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
GOOD = DATA / "polres_lebong.xlsx"
DETAILS = {
    "polda": "BENGKULU",
    "nomor_urut": "123",
    "tanggal": "2023-05-15",
    "tempat": "Tubei",
    "penandatangan": "HENDRA WIJAYA, S.I.K., M.H.",
    "pangkat": "AKBP",
    "nrp": "79051234",
}


@pytest.fixture(scope="module")
def polres() -> rwassign.Polres:
    return rwassign.read(GOOD)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, polres: rwassign.Polres) -> Path:
    """The good workbook's plan, written once for the tests that read or export it."""
    path = tmp_path_factory.mktemp("plan") / "penugasan.xlsx"
    rwassign.write_plan(rwassign.solve(polres), path)
    return path


def test_the_front_door_names_the_whole_api() -> None:
    for name in (
        "read", "solve", "replan", "write_plan", "read_plan", "export_lampiran", "verify",
        "keygen", "Polres", "Plan", "RwassignError", "InputErrors", "NoPlan", "CheckFailed",
        "OutputError", "ExportError",
    ):  # fmt: skip
        assert name in rwassign.__all__ and hasattr(rwassign, name), name
        obj = getattr(rwassign, name)
        assert obj.__doc__ and obj.__doc__.strip(), f"{name} has no docstring"


def test_every_public_function_shows_an_example() -> None:
    for name in ("read", "solve", "replan", "write_plan", "read_plan", "export_lampiran"):
        assert ">>>" in (getattr(rwassign, name).__doc__ or ""), name
    assert ">>>" in (rwassign.verify.__doc__ or "") and ">>>" in (rwassign.keygen.__doc__ or "")


def test_read_gives_the_polres_with_settings_and_files(polres: rwassign.Polres) -> None:
    assert len(polres.instance.units) > 0 and len(polres.instance.officers) > 0
    assert polres.input_files == (GOOD,) and polres.source == GOOD
    assert polres.lang == "id" and polres.settings.max_units_per_officer >= 1
    assert all(not p.is_error for p in polres.warnings)
    assert 0 < polres.eligible_count() <= len(polres.instance.officers)


def test_read_takes_units_and_roster_files_and_overrides() -> None:
    polres = rwassign.read(
        units=DATA / "wilayah.csv",
        roster=DATA / "personel.csv",
        overrides={"max_units_per_officer": 2, "workers": None},
        lang="en",
    )
    assert polres.settings.max_units_per_officer == 2
    assert polres.lang == "en"
    assert polres.source == DATA / "personel.csv"  # the roster names the run, as on the CLI


def test_read_raises_input_errors_with_every_problem_located() -> None:
    with pytest.raises(rwassign.InputErrors) as caught:
        rwassign.read(DATA / "broken" / "duplicate_nrp.xlsx")
    exc = caught.value
    dup = [p for p in exc.errors if p.code == "officer.duplicate_nrp"]
    assert dup and (dup[0].location.sheet, dup[0].location.row) == ("Personel", 14)
    assert any("baris 14" in line for line in exc.lines("id"))
    assert any("row 14" in line for line in exc.lines("en"))
    assert exit_status(exc) == ("INPUT_ERROR", EXIT_INPUT)


def test_a_bad_setting_override_is_an_input_error_naming_the_file() -> None:
    with pytest.raises(rwassign.InputErrors) as caught:
        rwassign.read(GOOD, overrides={"max_units_per_officer": 0})
    (problem,) = caught.value.errors
    assert problem.code == "settings.invalid" and problem.location.file == GOOD.name


def test_solve_returns_a_plan_the_checker_accepted(
    polres: rwassign.Polres, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[rwassign.SolveResult] = []
    real = checker.check

    def spy(result: rwassign.SolveResult) -> list[Any]:
        seen.append(result)
        return real(result)

    monkeypatch.setattr(checker, "check", spy)
    plan = rwassign.solve(polres)
    assert seen == [plan.result]  # the independent checker saw exactly the plan returned
    assert plan.result.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert plan.result.assignments and plan.previous is None and plan.tradeoff == ()
    assert plan.summary()["covered"] == plan.result.objective.covered  # type: ignore[union-attr]


def test_solve_with_other_settings(polres: rwassign.Polres) -> None:
    one = rwassign.solve(polres, polres.settings.replace(max_units_per_officer=1))
    per_officer: dict[int, int] = {}
    for a in one.result.assignments:
        per_officer[a.officer_index] = per_officer.get(a.officer_index, 0) + 1
    assert max(per_officer.values()) == 1


def test_a_plan_the_checker_rejects_raises_check_failed(
    polres: rwassign.Polres, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = checker.Violation("pangkat", "check.ineligible", {"nrp": "80010001", "nama": "UJI"})
    monkeypatch.setattr(checker, "check", lambda result: [broken])
    with pytest.raises(rwassign.CheckFailed) as caught:
        rwassign.solve(polres)
    assert caught.value.violations == [broken]
    assert [p.code for p in caught.value.problems] == ["run.check_failed"]
    assert exit_status(caught.value) == ("CHECK_FAILED", 5)


def test_no_plan_within_the_limit_raises_no_plan(
    polres: rwassign.Polres, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = explain.solve

    def no_plan(instance: Any, settings: Any, **kwargs: Any) -> rwassign.SolveResult:
        res = real(instance, settings, **kwargs)
        return dataclasses.replace(res, status=SolveStatus.NO_PLAN, assignments=(), objective=None)

    monkeypatch.setattr(explain, "solve", no_plan)
    with pytest.raises(rwassign.NoPlan) as caught:
        rwassign.solve(polres)
    assert [p.code for p in caught.value.problems] == ["run.no_plan"]
    assert caught.value.result is not None
    assert exit_status(caught.value) == ("NO_PLAN", EXIT_NO_PLAN)


def test_write_plan_then_read_plan_round_trips(polres: rwassign.Polres, tmp_path: Path) -> None:
    plan = rwassign.solve(polres)
    out = rwassign.write_plan(plan, tmp_path / "hasil.xlsx")
    assert out == tmp_path / "hasil.xlsx"
    assert rwassign.read_plan(out) == plan.result.assignment_rows()


def test_write_plan_refuses_a_missing_folder_and_the_input(
    polres: rwassign.Polres, tmp_path: Path
) -> None:
    plan = rwassign.solve(polres)
    with pytest.raises(rwassign.OutputError) as caught:
        rwassign.write_plan(plan, tmp_path / "no-such-folder" / "x.xlsx")
    assert exit_status(caught.value) == ("OUTPUT_ERROR", EXIT_OUTPUT)
    with pytest.raises(rwassign.OutputError):
        rwassign.write_plan(plan, GOOD)


def test_replan_keeps_every_pair_of_an_unchanged_roster(
    polres: rwassign.Polres, written: Path
) -> None:
    plan = rwassign.replan(polres, written, tradeoff=True)
    assert plan.previous == written and written in plan.sources
    assert plan.result.moves == 0
    assert plan.result.assignment_rows() == rwassign.read_plan(written)
    assert plan.result.changes and {c.kind for c in plan.result.changes} <= {"TETAP", "BARU"}
    assert plan.tradeoff and plan.tradeoff[0]["max_moves"] == 0


def test_replan_with_an_unreadable_previous_plan_is_an_input_error(
    polres: rwassign.Polres, tmp_path: Path
) -> None:
    junk = tmp_path / "lama.xlsx"
    junk.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(rwassign.InputErrors) as caught:
        rwassign.replan(polres, junk)
    assert caught.value.errors and all(p.location.file for p in caught.value.errors)


def test_export_lampiran_writes_checked_fingerprinted_files(written: Path, tmp_path: Path) -> None:
    notes: list[rwassign.Note] = []
    out = rwassign.export_lampiran(
        written, output=tmp_path / "lampiran.pdf", details=DETAILS, on_note=notes.append
    )
    assert [p.name for p, _ in out.written] == ["lampiran.pdf", "lampiran.xlsx"]
    assert out.fingerprint and all(fp == out.fingerprint for _, fp in out.written)
    assert out.notes == notes and out.breaches == []
    assert [n.params["path"] for n in notes if n.kind == "written"] == [
        str(p) for p, _ in out.written
    ]
    for path, fingerprint in out.written:
        verdict = rwassign.verify(path)
        assert verdict.intact and verdict.fingerprint == fingerprint


def test_export_lampiran_without_details_raises_export_error(written: Path) -> None:
    with pytest.raises(rwassign.ExportError) as caught:
        rwassign.export_lampiran(written, formats=("xlsx",))
    assert caught.value.code == "export.details_missing"
    assert exit_status(caught.value) == ("INPUT_ERROR", EXIT_INPUT)
    assert not written.with_name(f"{written.stem}-lampiran.xlsx").exists()


def test_verify_gives_a_verdict_for_a_file_that_is_no_lampiran(written: Path) -> None:
    verdict = rwassign.verify(written)  # a plan, not a lampiran: a verdict, never a crash
    assert not verdict.intact and verdict.problems


def test_keygen_writes_a_pair_and_never_overwrites(tmp_path: Path) -> None:
    pair = rwassign.keygen(tmp_path / "kapolres.pem")
    assert pair.private.exists() and pair.public == tmp_path / "kapolres.pub.pem"
    assert pair.key_id
    with pytest.raises(rwassign.ExportError) as caught:
        rwassign.keygen(tmp_path / "kapolres.pem")
    assert exit_status(caught.value) == ("OUTPUT_ERROR", EXIT_OUTPUT)


@pytest.mark.parametrize(
    "exc",
    [
        rwassign.InputErrors(
            [Problem("input.none", Severity.ERROR, Location(file="-"), {})], lang="en"
        ),
        rwassign.CheckFailed(
            [], "id", violations=[checker.Violation("cakupan", "check.coverage_total")]
        ),
        rwassign.ExportError("keygen.exists", "output", path="k.pem"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_survive_a_process_boundary(exc: rwassign.RwassignError) -> None:
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc) and back.__dict__ == exc.__dict__ and str(back) == str(exc)
    assert back.lines("en") == exc.lines("en") and exit_status(back) == exit_status(exc)


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Sebagai pustaka Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1, "the section shows one example"
    return blocks[0]


def test_the_readme_library_example_runs_on_the_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _readme_example()
    shutil.copy(ROOT / "data" / "samples" / "polres_lebong.xlsx", tmp_path)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
    assert "RW/dusun terisi" in capsys.readouterr().out
    names = {p.name for p in tmp_path.iterdir()}
    assert {"polres_lebong-penugasan.xlsx", "polres_lebong-penugasan-lampiran.pdf"} <= names


# --- the units-per-input bound is a setting ------------------------------------------------


def test_the_units_per_input_bound_is_a_setting(tmp_path: Path) -> None:
    """Over ``max_units_per_input`` is an input error naming the bound; the setting raises it."""
    source = DATA / "polres_lebong.xlsx"
    units = len(rwassign.read(source).instance.units)
    with pytest.raises(rwassign.InputErrors) as caught:
        rwassign.read(source, overrides={"max_units_per_input": units - 1})
    hit = next(p for p in caught.value.problems if p.code == "units.too_many")
    assert hit.params["limit"] == units - 1
    raised = rwassign.read(source, overrides={"max_units_per_input": units})
    assert len(raised.instance.units) == units
    assert raised.settings.max_units_per_input == units


def test_the_pengaturan_sheet_can_raise_the_units_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bound is read from the workbook's own Pengaturan sheet too, though that sheet is read
    in the same pass as the units: a default bound below the units, raised by the sheet."""
    import openpyxl

    from rwassign import api

    source = tmp_path / "polres.xlsx"
    shutil.copy(DATA / "polres_lebong.xlsx", source)
    units = len(rwassign.read(source).instance.units)
    monkeypatch.setattr(api, "MAX_UNITS", units - 1)
    with pytest.raises(rwassign.InputErrors):
        rwassign.read(source)
    wb = openpyxl.load_workbook(source)
    wb["Pengaturan"].append(["batas unit per masukan", units])
    wb.save(source)
    assert len(rwassign.read(source).instance.units) == units
