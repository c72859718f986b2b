"""Hostile inputs against the reading bounds (issue 12), as a user sees them.

Each case runs the command line on a file of :mod:`tests.hostile.gen_limits` and checks the
exit code, that the message names the bound or the cell, that no plan was written and that the
input is unchanged.  Time and memory are measured in ``bench/bench_hostile.py``, not here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rwassign import cli
from rwassign.io.read import read_input
from rwassign.io.read.common import (
    MAX_CELL_ELEMENTS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TEXT,
    MAX_UNITS_PER_DESA,
)
from tests.hostile import gen_limits as gen

runner = CliRunner()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(folder: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli.app, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def _solve(tmp_path: Path, path: Path) -> tuple[int, str, Path]:
    """``rwassign solve`` of ``path`` into ``tmp_path/out.xlsx``; the input must not change."""
    before = _digest(path)
    out = tmp_path / "out.xlsx"
    code, text = _run(tmp_path, "solve", str(path), "-o", str(out), "--time-limit", "5")
    assert _digest(path) == before
    return code, text, out


REJECTED: list[tuple[str, Callable[[Path], Path], tuple[str, ...]]] = [
    ("far_cell", gen.far_cell, (f"{MAX_ROWS:,}", "1048576")),
    ("many_rows", gen.many_rows, (f"{MAX_ROWS:,}", f"{MAX_ROWS + 1}")),
    ("many_cells", gen.many_cells, (f"{MAX_CELLS:,}",)),
    ("many_empty_cells", gen.many_empty_cells, ("1,200,003", f"{MAX_CELL_ELEMENTS:,}")),
    ("long_text", gen.long_text_cell, (f"{MAX_TEXT:,}", "baris 3", "'C'")),
    ("count_1000000", lambda f: gen.count_cell(f, "a", 1000000), ("'1000000'",)),
    ("count_1e6", lambda f: gen.count_cell(f, "b", "1e6"), ("'1e6'",)),
    ("count_dots", lambda f: gen.count_cell(f, "c", "1.000.000"), ("'1.000.000'",)),
    ("count_1e9", lambda f: gen.count_cell(f, "d", 1e9), ("'1000000000'",)),
    ("count_1e300", lambda f: gen.count_cell(f, "e", 1e300), ("'1e+300'",)),
    ("count_10000", lambda f: gen.count_cell(f, "f", 10_000), ("'10000'",)),
    ("count_100000", lambda f: gen.count_cell(f, "g", 100_000), ("'100000'",)),
    ("many_units", gen.many_units, ("50,000",)),
    (
        "part_too_large",
        lambda f: gen.fifty_million_rows(f, rows=2_500_000),
        ("sheet1.xml", "64 MB"),
    ),
    (
        "shared_string_too_large",
        lambda f: gen.huge_shared_string(f, size=70 * 1024 * 1024),
        ("sharedStrings.xml", "64 MB"),
    ),
]


@pytest.mark.parametrize(("name", "make", "said"), REJECTED, ids=[r[0] for r in REJECTED])
def test_a_file_past_a_bound_is_an_input_error_naming_it(
    tmp_path: Path, name: str, make: Callable[[Path], Path], said: tuple[str, ...]
) -> None:
    path = make(tmp_path)
    code, text, out = _solve(tmp_path, path)
    assert code == 1, text
    for words in said:
        assert words in text, (words, text)
    assert "GALAT" in text
    assert not out.exists()
    code, text = _run(tmp_path, "validate", str(path))
    assert code == 1 and "masukan sah" not in text


def test_a_count_names_its_cell_and_the_bound(tmp_path: Path) -> None:
    rr = read_input(gen.count_cell(tmp_path, "x", "1e6"))
    (error,) = rr.errors
    assert error.code == "unit.count_too_large"
    assert (error.location.sheet, error.location.row) == ("Wilayah", 3)
    assert error.location.column == "JUMLAH RW/DUSUN"
    assert error.params["limit"] == MAX_UNITS_PER_DESA


def test_the_unit_bound_can_be_raised(tmp_path: Path) -> None:
    path = gen.many_units(tmp_path, desa=6, each=200)
    assert [p.code for p in read_input(path, max_units=1000).errors] == ["units.too_many"]
    assert read_input(path, max_units=1200).instance is not None


def test_a_value_past_the_column_bound_names_the_cell(tmp_path: Path) -> None:
    path = gen.base_workbook(tmp_path / "wide.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb["Wilayah"].cell(2, MAX_COLUMNS + 1, "x")
    wb.save(path)
    (error,) = read_input(path).errors
    assert error.code == "sheet.too_many_columns"
    assert (error.location.row, error.location.column) == (2, "SG")


FINE: list[tuple[str, Callable[[Path], Path]]] = [
    ("far_styled_cell", gen.far_styled_cell),
    ("far_merge", gen.far_merge),
]


@pytest.mark.parametrize(("name", "make"), FINE, ids=[f[0] for f in FINE])
def test_a_far_empty_cell_or_merge_is_read_as_the_data_it_holds(
    tmp_path: Path, name: str, make: Callable[[Path], Path]
) -> None:
    path = make(tmp_path)
    rr = read_input(path)
    assert rr.errors == [] and rr.instance is not None
    assert len(rr.instance.units) == 5 and len(rr.instance.officers) == 3
    code, text, out = _solve(tmp_path, path)
    assert code in (0, 3), text
    assert out.exists()


def test_a_hidden_roster_sheet_is_named_with_the_visible_sheet_not_used(tmp_path: Path) -> None:
    rr = read_input(gen.hidden_roster(tmp_path))
    assert rr.instance is not None
    (warning,) = [p for p in rr.warnings if p.code == "sheet.hidden_used_roster"]
    assert warning.params == {"sheet": "Personel", "visible": "'Daftar Anggota'"}
    code, text = _run(tmp_path, "validate", str(tmp_path / "hidden_roster.xlsx"))
    assert code == 0 and "tersembunyi 'Personel'" in text and "'Daftar Anggota'" in text


@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_a_utf16_csv_is_read_and_said(tmp_path: Path, bom: bool) -> None:
    units, roster = gen.utf16_csv(tmp_path, bom=bom)
    rr = read_input(units=units, roster=roster)
    assert rr.instance is not None, rr.errors
    assert [o.nama for o in rr.instance.officers] == [
        "ANDI PRATAMA",
        "BUDI SANTOSO",
        "CITRA LESTARI",
    ]
    assert [p.code for p in rr.warnings if p.code.startswith("file.")] == ["file.csv_utf16"]


def test_a_formula_without_a_stored_value_is_named(tmp_path: Path) -> None:
    """C2 (the desa of row 2) is a formula Excel never computed: one error for that cell that
    says so, not "desa kosong"."""
    path = gen.formula_no_value(tmp_path)
    rr = read_input(path)
    assert [(p.code, p.location.row, p.location.column) for p in rr.errors] == [
        ("cell.formula_uncomputed", 2, "DESA/KEL")
    ]
    assert not [p for p in rr.warnings if p.code == "cell.formula_no_value"]
    code, text = _run(tmp_path, "validate", str(path))
    assert code == 1
    assert "baris 2" in text and "rumus di sel ini tidak punya nilai tersimpan" in text
    assert "LibreOffice" in text and "kosong" not in text.replace("terbaca kosong", "")


def test_a_formula_without_a_value_outside_the_table_is_a_warning(tmp_path: Path) -> None:
    """The same formula in a column no reader uses (Z2) is only named, and the plan goes on."""
    path = gen.formula_no_value(tmp_path, cell="Z2")
    rr = read_input(path)
    assert not rr.errors
    (warning,) = [p for p in rr.warnings if p.code == "cell.formula_no_value"]
    assert warning.params["cells"] == "Z2"
    assert (warning.location.row, warning.location.column) == (2, "Z")


VERIFY: list[tuple[str, Callable[[Path], Path], str]] = [
    ("part_too_large", lambda f: gen.fifty_million_rows(f, rows=2_500_000), "64 MB"),
    ("far_cell", gen.far_cell, f"{MAX_ROWS:,}"),
]


@pytest.mark.parametrize(("name", "make", "said"), VERIFY, ids=[v[0] for v in VERIFY])
def test_verify_stops_at_the_bounds(tmp_path: Path, name: str, make: Any, said: str) -> None:
    path = make(tmp_path)
    before = _digest(path)
    code, text = _run(tmp_path, "verify", str(path))
    assert code != 0 and said in text, text
    assert _digest(path) == before
