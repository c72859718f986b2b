"""The one reader of plan workbooks (``rwassign.io.plan``), and the settings a plan carries.

The tiny instance (synthetic people): RW 1 and RW 2 of Tunggang (Lebong Utara) at the base
and 1 km north, Dusun 1 of Gandung (Topos) 5 km north; Budi (NRP 87050123) lives in RW 1,
Rahmat (01020345, born 2001: the NRP starts with 0) in RW 2, Siti (79110456) in Gandung.
Each holds the unit they live in, so the written ``Penugasan`` has three rows, sheet rows 2-4,
in map order (Polsek Lebong Utara before Polsek Topos).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from rwassign.errors import OutputError
from rwassign.explain import solve
from rwassign.export.errors import ExportError
from rwassign.export.plan import load_plan
from rwassign.io.embed import EMBED_SHEET
from rwassign.io.plan import open_plan, read_plan
from rwassign.io.plan.layout import COL_UNIT_ID
from rwassign.io.read import read_input
from rwassign.io.write import write_workbook
from rwassign.model import SolveResult
from rwassign.settings import from_mapping
from tests.builders import BASE, FAST, instance, north, officer, unit

RW1 = unit("tunggang", 1, point=BASE)
RW2 = unit("tunggang", 2, point=north(1))
GANDUNG = unit("gandung", 1, kecamatan="topos", kind="Dusun", point=north(5))
INSTANCE = instance(
    [RW1, RW2, GANDUNG],
    [
        officer(0, "87050123", nama="Budi Santoso", home=RW1),
        officer(1, "01020345", "BRIPDA", nama="Rahmat Hidayat", home=RW2),
        officer(2, "79110456", "AIPDA", nama="Siti Aminah", home=GANDUNG),
    ],
)
#: Not the defaults, so it shows where the settings of a re-check come from.
SETTINGS = FAST.replace(max_units_per_officer=1, max_travel_km=30.0)
ROSTER = Path(__file__).parent.parent / "data" / "polres_lebong.xlsx"


@pytest.fixture(scope="module")
def result() -> SolveResult:
    solved = solve(INSTANCE, SETTINGS)
    assert solved.assignment_rows() == sorted(
        [(RW1.uid, "87050123"), (RW2.uid, "01020345"), (GANDUNG.uid, "79110456")]
    )
    return solved


@pytest.fixture
def written(tmp_path: Path, result: SolveResult) -> Path:
    path = tmp_path / "penugasan.xlsx"
    write_workbook(result, path)
    return path


def _header(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[object]:
    return [c.value for c in ws[1]]


# --- the plan rwassign wrote ------------------------------------------------------------------


def test_written_plan_rows_keep_their_sheet_rows_and_every_column(written: Path) -> None:
    table = open_plan(written).table()
    assert table is not None and table.sheet.sheet == "Penugasan"
    assert [r.row for r in table.rows] == [2, 3, 4]
    first, _, last = table.rows
    assert (first.text("unit_id"), first.nrp().value) == (RW1.uid, "87050123")
    assert (first.text("polsek"), first.text("kecamatan")) == (
        "Polsek Lebong Utara",
        "Lebong Utara",
    )
    assert (first.text("desa"), first.text("unit")) == ("Tunggang", "RW 01")
    assert (first.text("nama"), first.text("pangkat")) == ("Budi Santoso", "BRIPKA")
    assert first.text("jabatan") == "BA SAT SAMAPTA / POLRES LEBONG"
    assert (last.text("unit_id"), last.text("desa")) == (GANDUNG.uid, "Gandung")
    assert not table.has("pin")


def test_read_plan_is_the_pairs_of_the_table(written: Path, result: SolveResult) -> None:
    assert read_plan(written) == result.assignment_rows()


def test_instance_and_settings_travel_in_the_hidden_sheet(written: Path) -> None:
    embedded = open_plan(written).embedded()
    assert embedded == (INSTANCE, SETTINGS)


# --- a sheet edited by hand -------------------------------------------------------------------


def test_hand_edited_sheet_title_lines_renamed_columns_blank_row(written: Path) -> None:
    """Two title lines above the header, Desa/RW headers retyped, Rahmat's NRP retyped as a
    number (Excel drops its 0), a blank row left where a row was deleted: the rows keep the
    numbers the operator sees."""
    wb = openpyxl.load_workbook(written)
    ws = wb["Penugasan"]
    header = _header(ws)
    ws.cell(1, header.index("DESA/KELURAHAN") + 1, "Desa/Kel.")
    ws.cell(1, header.index("RW/DUSUN") + 1, "RW")
    ws.cell(3, header.index("NRP") + 1, 1020345)
    ws.insert_rows(3)  # a blank row between Budi and Rahmat
    ws.insert_rows(1, 2)
    ws.cell(1, 1, "DAFTAR POLISI RW POLRES LEBONG")
    wb.save(written)

    table = open_plan(written).table()
    assert table is not None
    assert [r.row for r in table.rows] == [4, 6, 7]
    rahmat = table.rows[1]
    assert (rahmat.nrp().value, rahmat.text("desa"), rahmat.text("unit")) == (
        "01020345",
        "Tunggang",
        "RW 02",
    )
    assert table.loc(6, "nrp").column == "NRP" and table.loc(6, "nrp").row == 6


def test_the_penugasan_sheet_is_preferred_and_found_by_name_whatever_its_case(
    written: Path,
) -> None:
    wb = openpyxl.load_workbook(written)
    wb["Penugasan"].title = "sementara"  # openpyxl refuses a title differing only in case
    wb["sementara"].title = "PENUGASAN"
    wb.save(written)
    table = open_plan(written).table()
    assert table is not None and table.sheet.sheet == "PENUGASAN"
    assert read_plan(written)  # read_plan finds it too


# --- a list typed back in ---------------------------------------------------------------------


def test_typed_list_as_csv_with_rank_before_the_nrp(tmp_path: Path) -> None:
    typed = tmp_path / "daftar.csv"
    typed.write_text(
        "Kecamatan;Desa/Kelurahan;RW/Dusun;Pangkat/NRP;Kunci\n"
        "Lebong Utara;Tunggang;RW 01;BRIPKA 87050123;ya\n"
        ";;;;\n"
        "Topos;Gandung;Dusun 1;AIPDA 79110456;\n",
        encoding="utf-8",
    )
    table = open_plan(typed).table()
    assert table is not None and table.sheet.sheet is None
    assert not table.has("unit_id") and table.has("pin")
    assert [(r.row, r.nrp().value, r.text("pin")) for r in table.rows] == [
        (2, "87050123", "ya"),
        (4, "79110456", ""),
    ]
    assert table.loc(4, "nrp").column == "Pangkat/NRP"


# --- what is missing --------------------------------------------------------------------------


def test_missing_id_unit_column(written: Path) -> None:
    """Without ID UNIT the table is still a plan (re-plan and export use the typed unit), but
    ``read_plan``, which returns unit ids, names the missing column."""
    wb = openpyxl.load_workbook(written)
    ws = wb["Penugasan"]
    ws.delete_cols(_header(ws).index(COL_UNIT_ID) + 1)
    wb.save(written)
    table = open_plan(written).table()
    assert table is not None and not table.has("unit_id") and len(table.rows) == 3
    with pytest.raises(OutputError) as err:
        read_plan(written)
    assert err.value.code == "plan.column_missing"
    assert err.value.params["column"] == "ID UNIT"


def test_missing_nrp_column(written: Path) -> None:
    wb = openpyxl.load_workbook(written)
    ws = wb["Penugasan"]
    ws.delete_cols(_header(ws).index("NRP") + 1)
    wb.save(written)
    assert open_plan(written).table("Penugasan") is None
    with pytest.raises(OutputError) as err:
        read_plan(written)
    assert (err.value.code, err.value.params["column"]) == ("plan.column_missing", "NRP")


def test_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    junk = tmp_path / "bukan.xlsx"
    junk.write_bytes(b"PK\x03\x04 bukan workbook")
    book = open_plan(junk)
    assert not book.ok and book.table() is None
    with pytest.raises(OutputError) as err:
        read_plan(junk)
    assert err.value.code == "plan.not_readable"
    assert err.value.text("id") != err.value.text("en")  # the detail follows the language too


# --- settings of a re-check -------------------------------------------------------------------


def _drop_hidden_settings(path: Path) -> None:
    """The hidden sheet as a plan without recorded settings would carry it."""
    wb = openpyxl.load_workbook(path)
    ws = wb[EMBED_SHEET]
    payload = json.loads("".join(str(c.value) for (c,) in ws.iter_rows(max_col=1)))
    del payload["settings"]
    ws.delete_rows(1, ws.max_row)
    ws.cell(1, 1, json.dumps(payload))
    wb.save(path)


def test_export_checks_with_the_settings_the_plan_was_made_with(tmp_path: Path) -> None:
    """The roster's Pengaturan says 2 units per member; the plan was made with 1.  The re-check
    uses the plan's 1 (from its hidden sheet), also when the roster is given; a plan without
    the hidden sheet falls back to the roster's settings and says so."""
    rr = read_input(ROSTER)
    assert rr.instance is not None
    roster_settings = from_mapping(rr.settings_values)
    assert roster_settings.max_units_per_officer == 2
    made_with = roster_settings.replace(max_units_per_officer=1, time_limit_s=10.0, workers=1)
    plan = tmp_path / "penugasan.xlsx"
    write_workbook(solve(rr.instance, made_with), plan)

    for roster in (None, ROSTER):
        loaded = load_plan(plan, roster)
        assert loaded.settings == made_with and loaded.notes == []

    wb = openpyxl.load_workbook(plan)
    del wb[EMBED_SHEET]
    wb.save(plan)
    loaded = load_plan(plan, ROSTER)
    assert loaded.settings == roster_settings
    assert [code for code, _ in loaded.notes] == ["export.settings_from_roster"]


def test_a_plan_without_recorded_settings_is_refused_unless_the_roster_wins(
    written: Path,
) -> None:
    # Dropping the settings must not be a way to be checked with the defaults: the settings
    # are bound to the plan by its fingerprint, and the ones that differ are named.
    _drop_hidden_settings(written)
    with pytest.raises(ExportError) as caught:
        load_plan(written)
    assert caught.value.code == "export.facts_changed"
    assert "setting time_limit_s" in caught.value.text("en")
    loaded = load_plan(written, ROSTER)
    assert loaded.settings == from_mapping(read_input(ROSTER).settings_values)
    # (then notes on names: this roster is another Polres than the written plan's)
    assert [code for code, _ in loaded.notes][:2] == [
        "export.facts_changed_roster",
        "export.settings_from_roster",
    ]


def test_field_digests_keep_values_apart_that_compare_equal() -> None:
    """Digests of scalar fields are remembered by value and type: ``True`` and ``1`` are equal
    keys but different JSON, and so are ``0.0`` and ``-0.0`` (floats are never remembered);
    each must keep its own digest, whichever came first."""
    from rwassign.io import embed

    assert embed._short(1) != embed._short(True)
    assert embed._short(True) != embed._short(1)
    assert embed._short(0.0) != embed._short(-0.0)
    assert embed._short(-0.0) != embed._short(0.0)
    assert embed._short("1") != embed._short(1)
    assert embed._short(None) == embed._short(None)
