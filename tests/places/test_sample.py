"""A Polres typed the way staff type (counts per desa, homes by desa name, no coordinates) plans
on real distances: its plan equals the plan of the same Polres given every centroid."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import rwassign
from tools.gazetteer_sample import build

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "samples" / "polres_mukomuko.xlsx"
MUKOMUKO, SEED = "17.06", 2028  # as in scripts/make_sample.py


def _cells(path: Path) -> list[list[object]]:
    wb = load_workbook(path, read_only=True)
    return [[list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets]


@pytest.fixture(scope="module")
def typed() -> rwassign.Plan:
    return rwassign.solve(rwassign.read(SAMPLE))


def test_sample_is_recognised_and_placed_from_the_gazetteer(typed: rwassign.Plan) -> None:
    facts = typed.summary()
    assert facts["status"] == "OPTIMAL"
    places = facts["places"]
    assert places["wilayah"] == ["Kabupaten Mukomuko, Bengkulu"]
    assert (places["recognised"], places["total"]) == (151, 151)
    assert places["units"] == {
        "koordinat": 0,
        "pusat desa": facts["units"],
        "pusat kecamatan": 0,
        "administratif": 0,
    }
    assert places["homes"]["administratif"] == 0
    assert {a.distance_basis for a in typed.result.assignments} == {"pusat desa"}
    kinds = {u.kind for u in typed.result.instance.units}
    assert kinds == {"RW", "Dusun"}
    assert not [p for p in typed.polres.warnings if p.code.startswith("places.")]


def test_typed_plan_equals_the_real_distance_optimum(typed: rwassign.Plan, tmp_path: Path) -> None:
    """The same Polres with every desa centroid and home typed in as coordinates: the solver's
    real-distance optimum.  The typed sheet must reach exactly the same travel."""
    again = build(tmp_path / "typed.xlsx", MUKOMUKO, seed=SEED)
    explicit = build(tmp_path / "xy.xlsx", MUKOMUKO, seed=SEED, with_coordinates=True)
    assert again == explicit
    assert _cells(tmp_path / "typed.xlsx") == _cells(SAMPLE)  # the shipped sample is current
    exact = rwassign.solve(rwassign.read(tmp_path / "xy.xlsx"))
    assert {a.distance_basis for a in exact.result.assignments} == {"koordinat"}
    got, best = typed.result.objective, exact.result.objective
    assert got is not None and best is not None
    assert (got.weighted_coverage, got.covered, got.residence) == (
        best.weighted_coverage,
        best.covered,
        best.residence,
    )
    assert got.travel_m == best.travel_m
    assert typed.summary()["travel_km"] == exact.summary()["travel_km"]
