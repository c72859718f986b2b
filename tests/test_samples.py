"""The shipped samples read cleanly, solve optimally and agree with the benchmark's exact method."""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import load_workbook

from rwassign.checker import check
from rwassign.explain import solve
from rwassign.io.read import read_input
from rwassign.settings import from_mapping
from tools.synth import make_polres_workbook

ROOT = Path(__file__).parents[1]
SAMPLES = ROOT / "data" / "samples"


def test_samples_read_without_errors_and_solve_optimally() -> None:
    for name in ("polres_lebong.xlsx", "polres_lebong_jumlah.xlsx"):
        rr = read_input(SAMPLES / name)
        assert rr.errors == [], name
        assert rr.instance is not None
        settings = from_mapping(rr.settings_values)
        result = solve(rr.instance, settings)
        assert result.status.value == "OPTIMAL"
        assert check(result) == []
        eligible = sum(o.eligible for o in result.outcomes)
        assert eligible * settings.max_units_per_officer < len(rr.instance.units) + eligible, (
            "the sample must be short of members, as most Polres are"
        )


def test_same_seed_same_cells(tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    make_polres_workbook(a, seed=7, n_units=120, roster_factor=0.8)
    make_polres_workbook(b, seed=7, n_units=120, roster_factor=0.8)
    wa, wb = load_workbook(a), load_workbook(b)
    assert wa.sheetnames == wb.sheetnames
    for ws in wa:
        assert list(ws.values) == list(wb[ws.title].values)


def test_synthetic_polres_matches_independent_exact_optimum(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench import reference_optimum  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    book = tmp_path / "p.xlsx"
    make_polres_workbook(book, seed=3, n_units=300, roster_factor=0.9, cap=2)
    rr = read_input(book)
    assert rr.errors == [] and rr.instance is not None
    settings = from_mapping(rr.settings_values)
    result = solve(rr.instance, settings)
    ref = reference_optimum(rr.instance, settings)
    obj = result.objective
    assert obj is not None
    assert ref["ref_status"] == "OPTIMAL"
    got = [obj.weighted_coverage, obj.covered, obj.residence, obj.travel_m]
    assert got == ref["ref_objective"]
