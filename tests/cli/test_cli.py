"""CLI tests: every command, option and exit code, as an operator meets them."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from rwassign import cli
from rwassign.io.plan import read_plan
from rwassign.model import SolveStatus
from tests.data.make_test_data import BROKEN_CASES

DATA = Path(__file__).parents[1] / "data"
GOOD = DATA / "polres_lebong.xlsx"
README = Path(__file__).parents[2] / "README.md"
SHEETS = ["Ringkasan", "Penugasan", "Belum Terisi", "Personel", "Peringatan"]

runner = CliRunner()


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _run(*args: str | Path):
    return runner.invoke(cli.app, [str(a) for a in args])


def test_solve_writes_five_sheets_and_json(tmp_path: Path) -> None:
    before = _sha(GOOD)
    out = tmp_path / "hasil.xlsx"
    r = _run("solve", GOOD, "-o", out, "--json")
    assert r.exit_code == 0, r.output
    facts = json.loads(r.stdout)
    assert facts["status"] == "OPTIMAL"
    for key in ("units", "covered", "weighted_coverage", "residence_matches", "travel_km",
                "eligible", "assigned", "gap", "seconds", "output"):  # fmt: skip
        assert key in facts
    wb = load_workbook(out)
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == SHEETS
    # the roster facts travel in one very hidden sheet, for re-checking before printing
    assert [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"] == ["_rwassign"]
    assert _sha(GOOD) == before, "the input file must never be modified"


def test_default_output_name_next_to_input(tmp_path: Path) -> None:
    src = tmp_path / "roster.xlsx"
    src.write_bytes(GOOD.read_bytes())
    r = _run("solve", src)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "roster-penugasan.xlsx").exists()


def test_two_runs_identical_assignments(tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert _run("solve", GOOD, "-o", a, "--workers", "1").exit_code == 0
    assert _run("solve", GOOD, "-o", b, "--workers", "2").exit_code == 0
    assert read_plan(a) == read_plan(b)
    assert read_plan(a)


def test_csv_pair(tmp_path: Path) -> None:
    out = tmp_path / "csv.xlsx"
    r = _run("solve", "--units", DATA / "wilayah.csv", "--roster", DATA / "personel.csv", "-o", out)
    assert r.exit_code == 0, r.output
    assert out.exists()


@pytest.mark.parametrize("case", BROKEN_CASES, ids=lambda c: c.file)
def test_broken_input_exit_1_writes_nothing(case, tmp_path: Path) -> None:
    src = DATA / "broken" / case.file
    out = tmp_path / "out.xlsx"
    before = _sha(src) if src.exists() else None
    r = _run("solve", src, "-o", out)
    assert r.exit_code == cli.EXIT_INPUT, r.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    assert "Traceback" not in r.output
    assert case.file in r.stderr
    if case.row is not None:
        assert f"baris {case.row}" in r.stderr
    if before is not None:
        assert _sha(src) == before
    v = _run("validate", src, "--lang", "en")
    assert v.exit_code == cli.EXIT_INPUT
    assert "ERROR" in v.stderr


def test_validate_good_input() -> None:
    r = _run("validate", GOOD, "--json")
    assert r.exit_code == 0, r.output
    payload = json.loads(r.stdout)
    assert payload["errors"] == 0 and payload["units"] > 0 and payload["officers"] > 0


def test_lang_en_summary(tmp_path: Path) -> None:
    r = _run("solve", GOOD, "-o", tmp_path / "x.xlsx", "--lang", "en")
    assert r.exit_code == 0
    assert "Weighted coverage" in r.stderr


def test_options_reach_settings(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    r = _run("solve", GOOD, "-o", out, "--max-units", "3", "--max-travel-km", "7.5",
             "--time-limit", "30", "--workers", "1", "--json")  # fmt: skip
    assert r.exit_code == 0, r.output
    settings = json.loads(r.stdout)["settings"]
    assert settings["max_units_per_officer"] == "3"
    assert settings["max_travel_km"] == "7.5"
    assert settings["time_limit_s"] == "30.0"
    assert settings["workers"] == "1"


def test_config_toml_overrides_sheet_and_flags_override_toml(tmp_path: Path) -> None:
    cfg = tmp_path / "atur.toml"
    cfg.write_text("max_units_per_officer = 2\nmax_travel_km = 12\n", encoding="utf-8")
    out = tmp_path / "x.xlsx"
    r = _run("solve", GOOD, "-o", out, "--config", cfg, "--max-units", "1", "--json")
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)["settings"]
    assert s["max_units_per_officer"] == "1" and s["max_travel_km"] == "12.0"


def test_bad_config_is_input_error(tmp_path: Path) -> None:
    cfg = tmp_path / "atur.toml"
    cfg.write_text("maks_rw = 2\n", encoding="utf-8")
    r = _run("solve", GOOD, "-o", tmp_path / "x.xlsx", "--config", cfg)
    assert r.exit_code == cli.EXIT_INPUT
    assert "maks_rw" in r.stderr and not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["solve"],
        ["solve", str(GOOD), "--max-units", "0"],
        ["solve", str(GOOD), "--no-such-option"],
        ["solve", str(GOOD), "--column", "tanpa-sama-dengan"],
        ["solve", str(GOOD), "--lang", "fr"],
        ["solve", str(GOOD), "--max-travel-km", "inf"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    r = runner.invoke(cli.app, args)
    assert r.exit_code == cli.EXIT_USAGE, r.output


def test_column_option_maps_a_header(tmp_path: Path) -> None:
    r = _run("validate", GOOD, "--column", "nama=NAMA")
    assert r.exit_code == 0, r.output


def test_no_plan_exit_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import rwassign.explain as explain

    real = explain.solve

    def no_plan(instance, settings, **kwargs):
        res = real(instance, settings, **kwargs)
        return dataclasses.replace(res, status=SolveStatus.NO_PLAN, assignments=(), objective=None)

    monkeypatch.setattr(explain, "solve", no_plan)
    out = tmp_path / "x.xlsx"
    r = _run("solve", GOOD, "-o", out)
    assert r.exit_code == cli.EXIT_NO_PLAN
    assert not out.exists()


def test_unwritable_output_exit_4(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "x.xlsx"
    r = _run("solve", GOOD, "-o", out)
    assert r.exit_code == cli.EXIT_OUTPUT, r.output
    assert "Traceback" not in r.output


def test_output_over_input_refused(tmp_path: Path) -> None:
    src = tmp_path / "in.xlsx"
    src.write_bytes(GOOD.read_bytes())
    before = _sha(src)
    r = _run("solve", src, "-o", src)
    assert r.exit_code == cli.EXIT_OUTPUT
    assert _sha(src) == before


def test_checker_rejection_exit_5(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import rwassign.checker as checker

    monkeypatch.setattr(
        checker,
        "check",
        lambda result: [
            checker.Violation("pangkat", "check.ineligible", {"nrp": "80010001", "nama": "UJI"})
        ],
    )
    out = tmp_path / "x.xlsx"
    r = _run("solve", GOOD, "-o", out)
    assert r.exit_code == cli.EXIT_INTERNAL
    # the checker's finding reaches the user in the default language, Indonesian
    assert "pangkat: NRP 80010001 (UJI) tidak memenuhi syarat" in r.stderr
    assert not out.exists()


def test_version() -> None:
    r = _run("--version")
    assert r.exit_code == 0 and "rwassign" in r.stdout


def test_every_command_and_option_is_documented() -> None:
    readme = README.read_text(encoding="utf-8")
    for command in (
        "solve", "validate", "replan", "saran", "export", "verify", "keygen", "template",
    ):  # fmt: skip
        assert f"rwassign {command}" in readme
        help_text = _run(command, "--help").stdout
        for option in set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}:
            assert option in readme, f"{command} {option} missing from README"


def test_every_setting_and_exit_code_is_documented() -> None:
    from rwassign.settings import SETTING_DOCS

    readme = README.read_text(encoding="utf-8")
    for key in SETTING_DOCS:
        assert f"`{key}`" in readme, key
    for code in range(6):
        assert f"| {code} |" in readme


@pytest.mark.parametrize(
    "line", ["max_travel_km = nan", "max_units_per_officer = inf", "priority_weight_high = 1e300"]
)
def test_non_finite_or_huge_setting_is_input_error(line: str, tmp_path: Path) -> None:
    cfg = tmp_path / "atur.toml"
    cfg.write_text(line + "\n", encoding="utf-8")
    r = _run("solve", GOOD, "-o", tmp_path / "x.xlsx", "--config", cfg)
    assert r.exit_code == cli.EXIT_INPUT, r.output
    assert "Traceback" not in r.output and not (tmp_path / "x.xlsx").exists()
