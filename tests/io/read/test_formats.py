"""``.xls`` (Excel 97-2003) and ``.ods`` (LibreOffice) read like ``.xlsx`` (issue 11, point 3).

The fixtures are the test workbooks saved by LibreOffice at test time (skipped, with the
reason, where it is not installed): the same Polres in three formats must give the same
instance, the same problems at the same cells, and the same plan.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

import rwassign
from rwassign.cli.dispatch import expand_inputs
from rwassign.io.read import read_input
from rwassign.io.read.tables import load
from rwassign.model import Instance
from tests.hostile import gen_readers

HERE = Path(__file__).resolve().parents[2] / "data"
BOOK = HERE / "polres_lebong.xlsx"
TODAY = date(2025, 1, 1)

pytestmark = pytest.mark.skipif(gen_readers.soffice() is None, reason="LibreOffice not installed")


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample Polres as ``.xls`` and ``.ods``, each saved by LibreOffice."""
    folder = tmp_path_factory.mktemp("formats")
    return {fmt: gen_readers.convert(BOOK, fmt, folder / fmt) for fmt in ("xls", "ods")}


def _plain(inst: Instance) -> Instance:
    """The instance without the file names of its sources (they differ by suffix)."""
    import dataclasses

    units = tuple(dataclasses.replace(u, source=None) for u in inst.units)
    officers = tuple(dataclasses.replace(o, source=None) for o in inst.officers)
    return dataclasses.replace(inst, units=units, officers=officers)


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_the_sample_saved_as_xls_or_ods_reads_to_the_same_instance(
    saved: dict[str, Path], fmt: str
) -> None:
    want = read_input(BOOK, today=TODAY)
    got = read_input(saved[fmt], today=TODAY)
    assert got.errors == [] and got.instance is not None and want.instance is not None
    assert _plain(got.instance) == _plain(want.instance)
    assert [
        (p.code, p.location.sheet, p.location.row, p.location.column) for p in got.problems
    ] == [(p.code, p.location.sheet, p.location.row, p.location.column) for p in want.problems]


def test_a_roster_as_xls_and_units_as_ods_give_the_same_plan(saved: dict[str, Path]) -> None:
    """--units and --roster take the new formats too, and the plan is the .xlsx one."""
    want = rwassign.solve(rwassign.read(BOOK))
    got = rwassign.solve(rwassign.read(units=saved["ods"], roster=saved["xls"]))
    pairs = sorted((a.unit_uid, a.officer_index, a.travel_km) for a in want.result.assignments)
    assert pairs
    assert (
        sorted((a.unit_uid, a.officer_index, a.travel_km) for a in got.result.assignments) == pairs
    )


def test_problems_point_at_the_same_cells_in_every_format(tmp_path: Path) -> None:
    """A table that starts at C4 (titles above, empty columns left): calamine starts its grid
    at the first value, and the cells must still be named as Excel names them."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Wilayah"
    ws["C1"] = "DATA RW POLRES UJI"
    for r, values in enumerate(
        [
            ("KECAMATAN", "DESA/KEL", "JUMLAH RW", "LINTANG", "BUJUR"),
            ("LEBONG UTARA", "DESA UJI 1", 2, "bukan angka", 102.1),
            ("LEBONG UTARA", "", 3, -3.1, 102.2),
        ],
        start=4,
    ):
        for c, v in enumerate(values, start=3):
            ws.cell(r, c, v)
    roster = wb.create_sheet("Personel")
    roster.append(("NAMA", "PANGKAT/NRP"))
    roster.append(("ANDI PRATAMA", "BRIPKA/87050123"))
    path = tmp_path / "letak.xlsx"
    wb.save(path)
    where = {}
    for fmt, file in [("xlsx", path)] + [
        (fmt, gen_readers.convert(path, fmt, tmp_path / fmt)) for fmt in ("xls", "ods")
    ]:
        rr = read_input(file, today=TODAY)
        where[fmt] = [
            (p.code, p.location.sheet, p.location.row, p.location.column) for p in rr.errors
        ]
    assert where["xlsx"] and ("coords.bad_number", "Wilayah", 5, "LINTANG") in where["xlsx"]
    assert where["xls"] == where["xlsx"] and where["ods"] == where["xlsx"]


def test_a_folder_batch_reads_xls_and_ods(tmp_path: Path) -> None:
    for name in ("a.xlsx", "b.xls", "c.ods", "d.csv", "e.pdf", "a-penugasan.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in expand_inputs([tmp_path])] == ["a.xlsx", "b.xls", "c.ods", "d.csv"]


def test_a_single_csv_names_units_and_roster_options() -> None:
    rr = read_input(HERE / "personel.csv", today=TODAY)
    (missing,) = [p for p in rr.errors if p.code.startswith("sheet.units_missing")]
    assert missing.code == "sheet.units_missing_csv"
    from rwassign.i18n import hint

    assert "--units" in hint(missing.code) and "--roster" in hint(missing.code)
    assert "nama sheet" not in hint(missing.code).lower()


def test_an_error_value_reads_as_its_text_in_every_format(tmp_path: Path) -> None:
    """A failed VLOOKUP shows ``#N/A``: openpyxl read it as that text, so the reader says
    "NRP '#N/A'"; calamine reads it as empty, so the scan puts the text back."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(("NAMA", "PANGKAT", "NRP"))
    ws.append(("ANDI PRATAMA", "BRIPKA", "#N/A"))  # openpyxl stores it as an error cell
    path = tmp_path / "galat.xlsx"
    wb.save(path)
    files = [path] + [gen_readers.convert(path, fmt, tmp_path / fmt) for fmt in ("xls", "ods")]
    for file in files:
        (sheet,) = load(file).sheets
        assert sheet.rows[1] == ["ANDI PRATAMA", "BRIPKA", "#N/A"], file.name
