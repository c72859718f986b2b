"""The reader on the good inputs of ``tests/data`` and on small files written per test.

Expected values are read off ``tests/data/make_test_data.py``: 3 desa (Kampung Jawa, a
kelurahan with 2 RW; Tunggang and Ketenong Jaya, desa with 2 dusun each) and 8 members.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from rwassign.i18n import render
from rwassign.io.read import FIELD_DOCS, FIELDS, ReadResult, read_input
from rwassign.model import Instance, Point, Severity
from tests.data.make_test_data import HERE, officer_row

TODAY = date(2025, 1, 1)
BOOK = HERE / "polres_lebong.xlsx"
UNITS_CSV = HERE / "wilayah.csv"
ROSTER_CSV = HERE / "personel.csv"
PER_RW = HERE / "polres_per_rw.xlsx"


def _read(*args: Path, **kwargs: object) -> ReadResult:
    result = read_input(*args, today=TODAY, **kwargs)  # type: ignore[arg-type]
    for p in result.problems:  # every problem renders in both languages
        assert render(p, "id") and render(p, "en")
    return result


def _ok(result: ReadResult) -> Instance:
    assert result.errors == [], [render(p, "en") for p in result.errors]
    assert result.instance is not None
    return result.instance


def _codes(result: ReadResult) -> list[str]:
    return [p.code for p in result.problems]


def _without_sources(inst: Instance) -> Instance:
    """The instance minus where each record came from (rows differ between file layouts)."""
    return Instance(
        name=inst.name,
        units=tuple(dataclasses.replace(u, source=None) for u in inst.units),
        officers=tuple(dataclasses.replace(o, source=None) for o in inst.officers),
    )


# --- the Polri-style workbook ----------------------------------------------------------------


def test_units_counts_expand_with_kind_from_kode_and_polsek_map() -> None:
    inst = _ok(_read(BOOK))
    assert inst.name == "POLRES LEBONG"
    assert [u.uid for u in inst.units] == [
        "lebong utara|kampung jawa|1",
        "lebong utara|kampung jawa|2",
        "lebong utara|tunggang|1",
        "lebong utara|tunggang|2",
        "pinang belapis|ketenong jaya|1",
        "pinang belapis|ketenong jaya|2",
    ]
    # Kelurahan code 17.07.01.1004 -> RW (two digits); desa codes 2xxx -> Dusun.
    assert [u.label for u in inst.units] == [
        "RW 01",
        "RW 02",
        "Dusun 1",
        "Dusun 2",
        "Dusun 1",
        "Dusun 2",
    ]
    # Tunggang's kecamatan cell is merged with Kampung Jawa's: it carries down.
    assert {u.kecamatan for u in inst.units[:4]} == {"LEBONG UTARA"}
    # Pinang Belapis is covered by Polsek Lebong Utara (Polsek sheet), not its own name.
    assert {u.polsek for u in inst.units} == {"POLSEK LEBONG UTARA"}
    assert [u.priority for u in inst.units] == [3, 3, 2, 2, 1, 1]
    assert all(u.point_source == "desa" for u in inst.units)
    assert inst.units[0].point is not None and inst.units[0].point.lat == pytest.approx(-3.108315)
    assert inst.units[0].kode_desa == "17.07.01.1004"


def test_roster_two_row_header_subtitles_and_ranks() -> None:
    result = _read(BOOK)
    inst = _ok(result)
    by_name = {o.nama: o for o in inst.officers}
    # Sub-title rows (POLSEK LEBONG UTARA, SAT LANTAS) and the column-number row are skipped.
    assert [o.index for o in inst.officers] == list(range(8))
    assert by_name["AHMAD SURYADI"].source is not None
    assert by_name["AHMAD SURYADI"].source.row == officer_row("AHMAD SURYADI") == 8
    assert by_name["RUDI HARTONO"].pangkat == "AIPDA"  # AIBDA, with a warning
    assert by_name["HENDRA GUNAWAN"].nrp == "198609262015051001"
    assert by_name["HENDRA GUNAWAN"].pangkat == "PENATA"
    assert by_name["SRI WAHYUNI"].pangkat == "PPPK"  # blank rank, NI PPPK number
    assert by_name["JOKO PRASETYO"].nrp == "01020345"  # numeric 1020345 padded back
    assert by_name["DEDI KURNIAWAN"].kesatuan == "SAT BINMAS"
    assert by_name["SITI RAHAYU"].trained is False
    assert by_name["AHMAD SURYADI"].trained is True
    assert by_name["HENDRA GUNAWAN"].trained is None
    # Bhabinkamtibmas from the job title, since there is no flag column.
    assert [o.nama for o in inst.officers if o.bhabinkamtibmas] == ["AHMAD SURYADI"]
    assert result.recorded == frozenset({"bhabinkamtibmas", "home", "trained", "kesatuan"})
    assert result.settings_values == {"max_units_per_officer": 2, "allow_pamen": False}
    assert result.input_files == [BOOK]


def test_warnings_point_at_their_cells() -> None:
    result = _read(BOOK)
    got = {(p.code, p.location.row, p.location.column) for p in result.warnings}
    assert got == {
        ("officer.rank_variant", officer_row("RUDI HARTONO"), "PANGKAT"),
        ("nrp.padded", officer_row("JOKO PRASETYO"), "NRP"),
        # The sheet's desa are real desa of Kabupaten Lebong: the home desa, in none of them,
        # is looked up in its kecamatan and placed at the kecamatan's centre, with a warning.
        ("places.home_unknown_kecamatan", officer_row("SITI RAHAYU"), "DESA"),
    }
    assert all(p.severity is Severity.WARNING for p in result.warnings)
    rows = [p.location.row or 0 for p in result.problems]
    assert rows == sorted(rows)


def test_home_address_resolves_to_units() -> None:
    inst = _ok(_read(BOOK))
    home = {o.nama: (o.home_unit, o.home_desa, o.home_kecamatan) for o in inst.officers}
    assert home["AHMAD SURYADI"] == (
        "lebong utara|tunggang|1",
        "lebong utara|tunggang",
        "lebong utara",
    )
    assert home["RUDI HARTONO"][0] == "lebong utara|kampung jawa|2"  # "RW 02"
    # No kecamatan given, but the desa name is unique in the Polres.
    assert home["DEDI KURNIAWAN"][0] == "lebong utara|kampung jawa|1"  # "RW.01"
    assert home["JOKO PRASETYO"][0] == "pinang belapis|ketenong jaya|2"  # "DUSUN II"
    assert home["AGUS SETIAWAN"][0] == "lebong utara|tunggang|2"  # bare "2"
    assert home["SITI RAHAYU"] == (None, None, "lebong utara")  # desa Pasar Baru unknown
    assert home["HENDRA GUNAWAN"] == (None, None, None)
    for o in inst.officers:
        if o.home_unit:
            assert o.home_unit.rsplit("|", 1)[0] == o.home_desa


def test_csv_pair_reads_to_the_same_instance() -> None:
    from_book = _ok(_read(BOOK))
    from_csv_result = _read(units=UNITS_CSV, roster=ROSTER_CSV)
    from_csv = _ok(from_csv_result)
    assert _without_sources(from_csv) == _without_sources(from_book)
    assert [o.rank_text for o in from_csv.officers] == [o.rank_text for o in from_book.officers]
    assert sorted(_codes(from_csv_result)) == sorted(_codes(_read(BOOK)))
    assert from_csv.officers[0].source is not None
    assert from_csv.officers[0].source.sheet is None  # a CSV has no sheet
    assert from_csv.officers[0].source.file == "personel.csv"


def test_reading_leaves_the_workbook_untouched() -> None:
    before = BOOK.read_bytes()
    _read(BOOK)
    assert BOOK.read_bytes() == before


# --- one row per unit ------------------------------------------------------------------------


def test_per_unit_rows_desa_points_and_polsek_fallback() -> None:
    result = _read(PER_RW)
    inst = _ok(result)
    units = inst.unit_by_uid()
    assert len(units) == 6
    rw3 = units["lebong utara|kampung jawa|3"]
    # "003" without coordinates takes the mean of RW 1 and RW 2 of its desa.
    assert rw3.point_source == "desa"
    assert rw3.point is not None
    assert rw3.point.lat == pytest.approx((-3.1080 - 3.1090) / 2)
    assert units["lebong utara|kampung jawa|1"].point_source == "unit"
    # Desa Tunggang: no unit has coordinates; "Dusun II" on a row with desa carried down.
    # Tunggang is a real desa of Kabupaten Lebong: its units take its centroid.
    assert units["lebong utara|tunggang|2"].point == Point(-3.08771, 102.187214)
    assert units["lebong utara|tunggang|2"].point_source == "pusat_desa"
    assert units["lebong utara|tunggang|2"].desa == "Desa Tunggang"
    # No Polsek sheet: the Polsek column, carried down in its kecamatan, else the kecamatan.
    assert units["lebong utara|tunggang|1"].polsek == "Polsek Lebong Utara"
    assert units["pinang belapis|ketenong jaya|1"].polsek == "Polsek Pinang Belapis"
    assert units["pinang belapis|ketenong jaya|1"].kind == "Dusun"  # "DSN 1"
    # Ketenong Jaya has only Dusun 1 here: Joko's "DUSUN II" keeps its desa, with a warning.
    joko = next(o for o in inst.officers if o.nama == "JOKO PRASETYO")
    assert joko.home_unit is None and joko.home_desa == "pinang belapis|ketenong jaya"
    assert ("officer.home_no_match", officer_row("JOKO PRASETYO")) in {
        (p.code, p.location.row) for p in result.warnings
    }


# --- small files written by the tests --------------------------------------------------------

UNITS_TEXT = "KECAMATAN;DESA;RW\nAmen;Sukaraja;1\nAmen;Sukaraja;2\n"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_column_map_names_an_unknown_header(tmp_path: Path) -> None:
    units = _write(tmp_path / "rw.csv", UNITS_TEXT)
    roster = _write(
        tmp_path / "dsp.csv",
        "NAMA;PANGKAT;NO REGISTER;JABATAN\nBUDI SANTOSO;BRIPKA;87050123;BA POLSEK\n",
    )
    missing = _read(units=units, roster=roster)
    assert missing.instance is None
    hit = next(p for p in missing.errors if p.code == "column.missing")
    assert hit.params["field"] == "nrp"
    assert "--column" in render(hit, "en")

    mapped = _ok(_read(units=units, roster=roster, column_map={"nrp": "no register"}))
    assert mapped.officers[0].nrp == "87050123"

    bad = _read(units=units, roster=roster, column_map={"nomor": "NO REGISTER"})
    assert "column.unknown_field" in _codes(bad)


def test_kolom_rows_in_pengaturan_map_columns(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Pengaturan"
    ws.append(["kolom.nrp", "NO REGISTER"])
    ws.append(["Batas jarak (km)", "15"])
    units = wb.create_sheet("RW")
    for line in UNITS_TEXT.splitlines():
        units.append(line.split(";"))
    roster = wb.create_sheet("DSP")
    roster.append(["NAMA", "PANGKAT", "NO REGISTER"])
    roster.append(["BUDI SANTOSO", "BRIPKA", "87050123"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    result = _read(path)
    inst = _ok(result)
    assert inst.officers[0].nrp == "87050123"
    assert result.settings_values == {"max_travel_km": 15.0}
    assert "roster.no_jabatan" in _codes(result)
    assert "bhabinkamtibmas" not in result.recorded
    assert inst.name == "book"  # no POLRES title line: the file name


def test_csv_in_cp1252_with_tabs_and_optional_columns(tmp_path: Path) -> None:
    units = _write(tmp_path / "rw.csv", UNITS_TEXT.replace(";", "\t"), "cp1252")
    roster = _write(
        tmp_path / "dsp.csv",
        "NAMA\tPANGKAT/NRP\tJABATAN\tTMT\tSTATUS\tBHABIN\n"
        "ANDRÉ WIJAYA\tBRIPKA/87050123\tBA POLSEK\t2010\tAktif\tTidak\n"
        "YUSUF HAKIM\tAIPTU/80010456\tBHABINKAMTIBMAS SUKARAJA\t01-03-2000\tCuti\t\n",
        "cp1252",
    )
    result = _read(units=units, roster=roster)
    inst = _ok(result)
    andre, yusuf = inst.officers
    assert andre.nama == "ANDRÉ WIJAYA"
    assert andre.service_years == pytest.approx(15.0)
    assert andre.status == "Aktif" and yusuf.status == "Cuti"
    assert andre.bhabinkamtibmas is False
    assert yusuf.bhabinkamtibmas is True  # flag cell empty: read from the job title
    assert yusuf.service_years == pytest.approx(24.84, abs=0.01)
    assert result.recorded == frozenset({"service", "status", "bhabinkamtibmas"})


def test_bad_optional_cells_are_errors_at_the_cell(tmp_path: Path) -> None:
    units = _write(tmp_path / "rw.csv", UNITS_TEXT)
    roster = _write(
        tmp_path / "dsp.csv",
        "NAMA;PANGKAT;NRP;TMT;STATUS\nBUDI SANTOSO;BRIPKA;87050123;kemarin;liburan\n",
    )
    result = _read(units=units, roster=roster)
    assert result.instance is None
    got = {(p.code, p.location.row, p.location.column) for p in result.errors}
    assert got == {("officer.bad_service", 2, "TMT"), ("officer.bad_status", 2, "STATUS")}


def test_coordinates_outside_indonesia_warn(tmp_path: Path) -> None:
    units = _write(
        tmp_path / "rw.csv", "KECAMATAN;DESA;RW;LINTANG;BUJUR\nAmen;Sukaraja;1;-3,1;-102,2\n"
    )
    roster = _write(tmp_path / "dsp.csv", "NAMA;PANGKAT/NRP\nBUDI;BRIPKA/87050123\n")
    result = _read(units=units, roster=roster)
    inst = _ok(result)
    assert inst.units[0].point is not None and inst.units[0].point.lng == -102.2
    assert [(p.code, p.location.column) for p in result.warnings] == [
        ("places.not_recognised", None),  # one desa is too little to tell the kabupaten
        ("coords.outside_indonesia", "BUJUR"),
        ("roster.no_jabatan", None),  # the other file, read after
    ]


def test_home_desa_in_two_kecamatan_is_ambiguous(tmp_path: Path) -> None:
    units = _write(tmp_path / "rw.csv", "KECAMATAN;DESA;RW\nAmen;Sukaraja;1\nTopos;Sukaraja;1\n")
    roster = _write(
        tmp_path / "dsp.csv",
        "NAMA;PANGKAT/NRP;DESA;RW\nBUDI;BRIPKA/87050123;Sukaraja;1\n"
        "ADI;BRIPTU/95020111;Desa Sukaraja;1\n",
    )
    result = _read(units=units, roster=roster)
    inst = _ok(result)
    assert [o.home_unit for o in inst.officers] == [None, None]
    assert _codes(result) == [
        "places.not_recognised",  # Sukaraja is no desa of Kec. Amen or Topos (Lebong)
        "roster.no_jabatan",
        "officer.home_ambiguous",
        "officer.home_ambiguous",
    ]


def test_duplicate_unit_names_both_rows(tmp_path: Path) -> None:
    units = _write(
        tmp_path / "rw.csv", "KECAMATAN;DESA;RW\nAmen;Sukaraja;RW 2\nAmen;SUKARAJA;RW.02\n"
    )
    roster = _write(tmp_path / "dsp.csv", "NAMA;PANGKAT/NRP\nBUDI;BRIPKA/87050123\n")
    result = _read(units=units, roster=roster)
    (err,) = result.errors
    assert err.code == "unit.duplicate"
    assert (err.params["first_row"], err.params["row"]) == (2, 3)
    assert "RW.02 dan RW 2 di desa Sukaraja" in render(err, "id")


def test_field_tables_are_documented() -> None:
    assert set(FIELD_DOCS) == set(FIELDS)


def test_sheets_found_by_their_headers_when_names_say_nothing(tmp_path: Path) -> None:
    wb = Workbook()
    first = wb.active
    assert first is not None
    first.append(["Nama", "Pangkat", "NRP", "Jabatan"])
    first.append(["Budi Santoso", "Bripka", "87050123", "Bhabinkamtibmas Sukaraja"])
    second = wb.create_sheet("Sheet2")
    second.append(["Kec.", "Desa/Kel.", "Jumlah Dusun"])
    second.append(["Amen", "Sukaraja", 3])
    path = tmp_path / "polres.xlsx"
    wb.save(path)
    inst = _ok(_read(path))
    assert [u.label for u in inst.units] == ["Dusun 1", "Dusun 2", "Dusun 3"]
    assert inst.units[0].polsek == "Polsek Amen"
    assert inst.officers[0].bhabinkamtibmas is True


def test_kecamatan_missing_from_polsek_map_warns(tmp_path: Path) -> None:
    from tests.data.make_test_data import POLSEK_ROWS, write_book

    path = tmp_path / "book.xlsx"
    write_book(path, polsek_rows=POLSEK_ROWS[:1])  # Pinang Belapis left out
    result = _read(path)
    inst = _ok(result)
    (warn,) = [p for p in result.warnings if p.code == "polsek.unknown_kecamatan"]
    assert warn.params["kecamatan"] == "PINANG BELAPIS"
    assert inst.units[-1].polsek == "POLSEK PINANG BELAPIS"


def test_home_coordinates_are_read(tmp_path: Path) -> None:
    units = _write(tmp_path / "rw.csv", UNITS_TEXT)
    roster = _write(
        tmp_path / "dsp.csv",
        "NAMA;PANGKAT/NRP;JABATAN;LINTANG RUMAH;BUJUR RUMAH\n"
        "BUDI;BRIPKA/87050123;BA;-3,2;102,1\nADI;BRIPTU/95020111;BA;;\n",
    )
    inst = _ok(_read(units=units, roster=roster))
    assert inst.officers[0].home_point is not None
    assert (inst.officers[0].home_point.lat, inst.officers[0].home_point.lng) == (-3.2, 102.1)
    assert inst.officers[1].home_point is None


def test_contract_staff_without_number_is_a_warning(tmp_path: Path) -> None:
    """PPPK/honorer rows often carry no number; they are never eligible, so the plan goes on."""
    from tests.data.make_test_data import OFFICERS, write_book

    book = tmp_path / "pppk.xlsx"
    extra = ["RINA MARLINA", "PPPK", None, "STAF SIUM", "SIUM", None, None, None, None]
    write_book(book, officers=[*OFFICERS, extra])
    rr = read_input(book)
    assert rr.errors == []
    assert "officer.id_missing_contract" in [p.code for p in rr.warnings]
    assert rr.instance is not None
    rina = [o for o in rr.instance.officers if o.nama == "RINA MARLINA"]
    assert rina and rina[0].nrp == "" and rina[0].rank is not None


# --- cell content: what no cell may hold, what no name can be (issue 12) ---------------------

ROSTER_HEAD = "NAMA;PANGKAT;NRP;JABATAN\n"
FULL_WIDTH_NRP = "\uff18\uff17\uff10\uff15\uff10\uff11\uff12\uff13"  # 87050123
ARABIC_NRP = "\u0668\u0667\u0660\u0665\u0660\u0661\u0662\u0663"  # 87050123


def _roster(tmp_path: Path, body: str) -> ReadResult:
    units = _write(tmp_path / "rw.csv", UNITS_TEXT)
    return _read(units=units, roster=_write(tmp_path / "dsp.csv", ROSTER_HEAD + body))


def test_control_characters_are_removed_with_a_warning_at_the_cell(tmp_path: Path) -> None:
    result = _roster(tmp_path, "BUDI\x01 SAN\x00TOSO;BRIPKA;87050123;BA\x07 POLSEK\n")
    inst = _ok(result)
    assert inst.officers[0].nama == "BUDI SANTOSO"
    assert inst.officers[0].jabatan == "BA POLSEK"
    where = {
        (p.location.row, p.location.column) for p in result.warnings if p.code == "cell.cleaned"
    }
    assert where == {(2, "NAMA"), (2, "JABATAN")}
    hit = next(p for p in result.warnings if p.code == "cell.cleaned")
    assert "BUDI SANTOSO" in render(hit, "en")


def test_a_text_over_the_bound_is_an_error_naming_the_cell_and_the_bound(tmp_path: Path) -> None:
    from rwassign.io.read.fields import MAX_TEXT_CHARS

    long_name = "A" * 5_000  # over the roster's text bound, under the file's cell bound
    result = _roster(tmp_path, f"{long_name};BRIPKA;87050123;BA POLSEK\n")
    assert result.instance is None
    hit = next(p for p in result.errors if p.code == "cell.text_too_long")
    assert (hit.location.row, hit.location.column) == (2, "NAMA")
    assert hit.params["length"] == 5_000 and hit.params["limit"] == MAX_TEXT_CHARS == 1000
    assert "1000" in render(hit, "en") and "5000" in render(hit, "id")
    ok = _roster(tmp_path, f"{'A' * MAX_TEXT_CHARS};BRIPKA;87050123;BA POLSEK\n")
    assert _ok(ok).officers[0].nama == "A" * MAX_TEXT_CHARS


def test_the_same_nrp_in_three_scripts_is_one_member_twice_over(tmp_path: Path) -> None:
    result = _roster(
        tmp_path,
        "BUDI SANTOSO;BRIPKA;87050123;BA POLSEK\n"
        f"BUDI SANTOSA;BRIPKA;{FULL_WIDTH_NRP};BA POLSEK\n"
        f"BUDI SENTOSA;BRIPKA;{ARABIC_NRP};BA POLSEK\n",
    )
    assert result.instance is None
    dups = [p for p in result.errors if p.code == "officer.duplicate_nrp"]
    assert [(p.location.row, p.params["first_row"], p.params["nrp"]) for p in dups] == [
        (3, 2, "87050123"),
        (4, 2, "87050123"),
    ]


def test_zero_width_spaces_inside_a_rank_an_nrp_and_a_header_are_read_through(
    tmp_path: Path,
) -> None:
    result = _roster(tmp_path, "BUDI SANTOSO;BRIG\u200bPOL;8705\u200b0123;BA POLSEK\n")
    inst = _ok(result)
    assert inst.officers[0].rank is not None and inst.officers[0].rank.code == "BRIGPOL"
    assert inst.officers[0].nrp == "87050123"
    units = _write(
        tmp_path / "rw2.csv", "KECA\u200bMATAN;DESA\ufeff;RW\nAmen;Suka\u200braja;\u0662\n"
    )
    roster = _write(tmp_path / "dsp2.csv", "NA\u2060MA;PANGKAT;NRP\nBUDI SANTOSO;BRIPKA;87050123\n")
    inst2 = _ok(_read(units=units, roster=roster))
    assert [u.uid for u in inst2.units] == ["amen|sukaraja|2"]


@pytest.mark.parametrize(
    "nama",
    ["2024-01-05", "05/01/2024", "1 Maret 2015", "TRUE", "false", "12345", "3.5", "#N/A", "-"],
)
def test_a_nama_that_is_a_date_a_boolean_or_a_number_is_an_error(tmp_path: Path, nama: str) -> None:
    result = _roster(tmp_path, f"{nama};BRIPKA;87050123;BA POLSEK\n")
    assert result.instance is None
    hit = next(p for p in result.errors if p.code == "officer.nama_not_name")
    assert (hit.location.row, hit.location.column) == (2, "NAMA")
    assert nama in render(hit, "en")


@pytest.mark.parametrize("value", [True, 12345, 3.5, date(2024, 1, 5)])
def test_a_nama_cell_typed_as_date_boolean_or_number_is_an_error(
    tmp_path: Path, value: object
) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "RW"
    for line in UNITS_TEXT.splitlines():
        ws.append(line.split(";"))
    roster = wb.create_sheet("DSP")
    roster.append(["NAMA", "PANGKAT", "NRP"])
    roster.append(["BUDI SANTOSO", "BRIPKA", "87050123"])
    roster.append([value, "BRIPKA", "88120789"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    result = _read(path)
    assert result.instance is None
    assert [(p.code, p.location.row) for p in result.errors] == [("officer.nama_not_name", 3)]


def test_a_nama_of_only_invisible_characters_is_empty(tmp_path: Path) -> None:
    result = _roster(tmp_path, "\u200b;BRIPKA;87050123;BA POLSEK\n")
    assert result.instance is None
    assert [(p.code, p.location.row) for p in result.errors] == [("officer.nama_missing", 2)]


@pytest.mark.parametrize("label", ["99999999999999999999999", "RW 1000", "1e300"])
def test_unit_numbers_beyond_the_bound_are_errors_at_the_cell(tmp_path: Path, label: str) -> None:
    units = _write(
        tmp_path / "rw.csv", f"KECAMATAN;DESA;RW\nAmen;Sukaraja;1\nAmen;Sukaraja;{label}\n"
    )
    roster = _write(tmp_path / "dsp.csv", ROSTER_HEAD + "BUDI SANTOSO;BRIPKA;87050123;BA\n")
    result = _read(units=units, roster=roster)
    assert result.instance is None
    hit = next(p for p in result.errors if p.code == "unit.bad_label")
    assert (hit.location.row, hit.location.column) == (3, "RW")
    assert "1-999" in render(hit, "en")
