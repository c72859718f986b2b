"""Hostile ``.ods`` and ``.xls`` files meet the same bounds as ``.xlsx``, before calamine.

Each file of :mod:`tests.hostile.gen_readers` would make python-calamine build a rectangle of
millions or billions of cells; the bytes are measured first, so each ends in one message naming
the bound and the cell, in far less than a second, and nothing is planned.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rwassign import cli
from rwassign.io.read import read_input
from rwassign.io.read.common import MAX_CELLS, MAX_COLUMNS, MAX_ROWS
from rwassign.io.read.tables import load
from tests.hostile import gen_readers as gen

runner = CliRunner()
needs_soffice = pytest.mark.skipif(gen.soffice() is None, reason="LibreOffice is not installed")


def _only(path: Path) -> tuple[str, int | None, str | None, dict[str, object]]:
    loaded = load(path)
    assert loaded.sheets == []
    (problem,) = loaded.problems
    loc = problem.location
    assert loc.file == path.name
    return problem.code, loc.row, loc.column, dict(problem.params)


def test_an_ods_value_repeated_down_a_million_rows_names_the_first_row_past(
    tmp_path: Path,
) -> None:
    code, row, column, params = _only(gen.ods_value_repeated_down(tmp_path))
    assert (code, row, column, params) == (
        "sheet.too_many_rows",
        MAX_ROWS + 1,
        None,
        {"limit": MAX_ROWS},
    )


def test_an_ods_value_repeated_across_every_column_names_the_first_column_past(
    tmp_path: Path,
) -> None:
    code, row, column, params = _only(gen.ods_value_repeated_right(tmp_path))
    assert (code, row, column) == ("sheet.too_many_columns", 2, "SG")  # column 501
    assert params == {"limit": MAX_COLUMNS}


def test_an_ods_rectangle_over_the_cell_bound_is_refused(tmp_path: Path) -> None:
    code, _, _, params = _only(gen.ods_far_corner(tmp_path))
    assert (code, params) == ("file.too_many_cells", {"limit": MAX_CELLS})


def test_an_ods_with_more_merges_than_the_bound_says_so(tmp_path: Path) -> None:
    loaded = load(gen.ods_many_merges(tmp_path))
    (problem,) = loaded.problems
    assert problem.code == "sheet.too_many_merges"
    assert (problem.location.sheet, problem.params) == ("Wilayah", {"limit": MAX_ROWS})


def test_an_ods_formula_without_a_stored_value_is_an_error_at_its_cell(tmp_path: Path) -> None:
    path = gen.ods_formula_no_value(tmp_path)
    rr = read_input(path)
    assert [(p.code, p.location.sheet, p.location.row, p.location.column) for p in rr.errors] == [
        ("cell.formula_uncomputed", "Wilayah", 2, "DESA/KEL")
    ]
    result = runner.invoke(cli.app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "rumus di sel ini tidak punya nilai tersimpan" in result.output


@needs_soffice
def test_an_xls_cell_past_the_column_bound_is_named(tmp_path: Path) -> None:
    code, row, column, params = _only(gen.xls_moved_cell(tmp_path, 7, 600))
    assert (code, row, column, params) == (
        "sheet.too_many_columns",
        7,
        "WB",  # column 600
        {"limit": MAX_COLUMNS},
    )


@needs_soffice
def test_an_xls_rectangle_over_the_cell_bound_is_refused(tmp_path: Path) -> None:
    code, _, _, params = _only(gen.xls_moved_cell(tmp_path, 60_000, 400))
    assert (code, params) == ("file.too_many_cells", {"limit": MAX_CELLS})


def test_an_ole_file_that_is_no_workbook_says_so(tmp_path: Path) -> None:
    path = tmp_path / "rusak.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x3e\x00\x03\x00" + bytes(2000))
    code, _, _, params = _only(path)
    assert code == "file.old_xls" and params["reason"]
    result = runner.invoke(cli.app, ["validate", str(path)])
    assert result.exit_code == 1 and "LibreOffice" in result.output
