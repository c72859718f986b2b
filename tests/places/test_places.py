"""The place step on small hand-made sheets: wilayah recognised or set, desa checked against the
gazetteer (misspelt, wrong kecamatan, ambiguous, new), kinds and points from it, homes placed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

import rwassign
from rwassign import cli, i18n
from rwassign.errors import InputErrors
from rwassign.io.previous import match_unit, unit_index
from rwassign.model import Officer, Point, Unit
from rwassign.places import distance_basis, point_basis
from rwassign.report import places_text
from rwassign.settings import Settings, coerce

ROSTER_HEADER = ["NAMA", "PANGKAT", "NRP", "KECAMATAN DOMISILI", "DESA DOMISILI", "TMT"]


def _book(
    path: Path,
    units: list[list[Any]],
    people: list[list[Any]],
    *,
    header: tuple[str, ...] = ("KECAMATAN", "DESA/KELURAHAN", "JUMLAH RW/DUSUN"),
    settings: list[list[Any]] | None = None,
) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Wilayah"
    ws.append(list(header))
    for row in units:
        ws.append(row)
    ws = wb.create_sheet("Personel")
    ws.append(ROSTER_HEADER)
    for row in people:
        ws.append(row)
    if settings:
        ws = wb.create_sheet("Pengaturan")
        for row in settings:
            ws.append(row)
    wb.save(path)
    return path


#: Five real desa of Kec. Curup Utara, Kabupaten Rejang Lebong (17.02): one kelurahan.
CURUP_UTARA = [
    ["Curup Utara", "Dusun Curup", 3],  # a kelurahan whose name starts with a prefix word
    ["Curup Utara", "Batu Dewa", 2],
    ["Curup Utara", "Perbo", 2],
    ["Curup Utara", "DESA BATU PANCO", 2],
    ["Curup Utara", "Tabarenah", 2],
]
PEOPLE = [
    ["AGUS SAPUTRA", "BRIPKA", "87050123", "Curup Utara", "Perbo", 2008],
    ["BUDI PRATAMA", "BRIGPOL", "90010234", "Curup Utara", "Batu Dewa", 2012],
]


def _codes(exc: InputErrors) -> list[str]:
    return [p.code for p in exc.problems if p.is_error]


def test_recognised_sheet_gets_kind_code_and_centroid(tmp_path: Path) -> None:
    polres = rwassign.read(_book(tmp_path / "p.xlsx", CURUP_UTARA, PEOPLE))
    summary = polres.instance.places
    assert summary is not None
    assert summary.wilayah == ("Kabupaten Rejang Lebong, Bengkulu",)
    assert (summary.recognised, summary.total) == (5, 5)
    by_desa = {u.desa: u for u in polres.instance.units}
    curup = by_desa["Dusun Curup"]
    assert (curup.kind, curup.kode_desa, curup.point_source) == (
        "RW",
        "17.02.16.1001",
        "pusat_desa",
    )
    batu = by_desa["Batu Dewa"]  # the last of its two units
    assert (batu.kind, batu.label) == ("Dusun", "Dusun 2")
    assert batu.point == Point(-3.461664, 102.520623)
    assert not [p for p in polres.warnings if p.code.startswith("places.")]
    # Homes in desa of the sheet take their desa's point, and say so.
    assert {o.home_point_source for o in polres.instance.officers} == {"pusat_desa"}


def test_misspelt_desa_is_an_error_with_the_likely_name(tmp_path: Path) -> None:
    rows = [*CURUP_UTARA[1:], ["Curup Utara", "DUSUN CURUB", 3]]
    with pytest.raises(InputErrors) as err:
        rwassign.read(_book(tmp_path / "p.xlsx", rows, PEOPLE))
    (problem,) = [p for p in err.value.problems if p.is_error]
    assert problem.code == "places.desa_unknown"
    assert (problem.location.sheet, problem.location.row, problem.location.column) == (
        "Wilayah",
        6,
        "DESA/KELURAHAN",
    )
    text = i18n.text(problem.code, problem.params)
    assert text == "'DUSUN CURUB' tidak ada di Kec. Curup Utara; mungkin 'Dusun Curup'?"


def test_misspelt_desa_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    rows = [*CURUP_UTARA[1:], ["Curup Utara", "DUSUN CURUB", 3]]
    book = _book(tmp_path / "p.xlsx", rows, PEOPLE)
    out = tmp_path / "hasil.xlsx"
    result = CliRunner().invoke(cli.app, ["solve", str(book), "-o", str(out)])
    assert result.exit_code == 1
    assert "mungkin 'Dusun Curup'?" in " ".join(result.output.split())
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["p.xlsx"]


def test_desa_in_the_wrong_kecamatan_names_its_kecamatan(tmp_path: Path) -> None:
    rows = [*CURUP_UTARA, ["Curup Utara", "Talang Rimbo Lama", 2]]
    with pytest.raises(InputErrors) as err:
        rwassign.read(_book(tmp_path / "p.xlsx", rows, PEOPLE))
    (problem,) = [p for p in err.value.problems if p.is_error]
    assert problem.code == "places.desa_other_kecamatan"
    assert "ada di Kec. Curup Tengah" in i18n.text(problem.code, problem.params)


def test_unknown_kecamatan_is_one_error_with_suggestion(tmp_path: Path) -> None:
    rows = [*CURUP_UTARA, ["Curup Utaraa", "Perbo", 2], ["Curup Utaraa", "Batu Dewa", 1]]
    with pytest.raises(InputErrors) as err:
        rwassign.read(_book(tmp_path / "p.xlsx", rows, PEOPLE))
    (problem,) = [p for p in err.value.problems if p.is_error]
    assert problem.code == "places.kecamatan_unknown"
    assert "mungkin 'Curup Utara', " in i18n.text(problem.code, problem.params)


def test_desa_baru_lets_a_new_desa_through_at_its_kecamatan(tmp_path: Path) -> None:
    rows = [*CURUP_UTARA, ["Curup Utara", "Sumber Harapan Baru", 2]]
    book = _book(tmp_path / "p.xlsx", rows, PEOPLE, settings=[["desa_baru", "Sumber Harapan Baru"]])
    polres = rwassign.read(book)
    new = [u for u in polres.instance.units if u.desa == "Sumber Harapan Baru"]
    assert len(new) == 2 and {u.point_source for u in new} == {"pusat_kecamatan"}
    assert [p.code for p in polres.warnings if p.code.startswith("places.")] == ["places.desa_new"]
    # Also as a flag-style override, with no Pengaturan sheet.
    plain = _book(tmp_path / "q.xlsx", rows, PEOPLE)
    with pytest.raises(InputErrors):
        rwassign.read(plain)
    assert rwassign.read(plain, overrides={"desa_baru": ["Sumber Harapan Baru"]}).instance.units


def test_invented_names_go_on_as_before_with_one_warning(tmp_path: Path) -> None:
    rows = [["Kec Contoh", "Sukamaju Permai Raya", 2], ["Kec Contoh", "Tanah Rejo Kencana", 2]]
    people = [["AGUS SAPUTRA", "BRIPKA", "87050123", "Kec Contoh", "Sukamaju Permai Raya", 2008]]
    polres = rwassign.read(_book(tmp_path / "p.xlsx", rows, people))
    assert [p.code for p in polres.warnings if p.code != "roster.no_jabatan"] == [
        "places.not_recognised"
    ]
    assert all(u.point is None and u.kind == "RW" for u in polres.instance.units)
    assert polres.instance.places is not None and polres.instance.places.wilayah == ()


def test_wilayah_setting_overrides_and_a_wrong_one_is_an_error(tmp_path: Path) -> None:
    book = _book(tmp_path / "p.xlsx", CURUP_UTARA, PEOPLE)
    polres = rwassign.read(book, overrides={"wilayah": "17.02"})
    assert polres.instance.places is not None
    assert polres.instance.places.wilayah == ("Kabupaten Rejang Lebong, Bengkulu",)
    with pytest.raises(InputErrors) as err:
        rwassign.read(book, overrides={"wilayah": "Rejang Lebongg"})
    assert _codes(err.value) == ["places.wilayah_unknown"]
    assert "Kabupaten Rejang Lebong" in i18n.text(
        "places.wilayah_unknown", err.value.problems[0].params
    )
    # Another kabupaten set: every desa of the sheet is then outside it.
    with pytest.raises(InputErrors) as err:
        rwassign.read(book, overrides={"wilayah": "Lebong"})
    assert set(_codes(err.value)) == {"places.kecamatan_unknown"}


def test_wilayah_flag_on_the_command_line(tmp_path: Path) -> None:
    book = _book(tmp_path / "p.xlsx", CURUP_UTARA, PEOPLE)
    result = CliRunner().invoke(cli.app, ["validate", str(book), "--wilayah", "Kota Bengkulu"])
    assert result.exit_code == 1
    shown = " ".join(result.output.split())
    assert "Kec. 'Curup Utara' tidak ada di Kota Bengkulu" in shown
    result = CliRunner().invoke(cli.app, ["validate", str(book), "--wilayah", "Rejang Lebong"])
    assert result.exit_code == 0, result.output


SORKAM = [
    ["Sorkam Barat", "Sorkam Kanan", "12.01.10.1001", 3],
    ["Sorkam Barat", "Sorkam Kanan", "12.01.10.2018", 2],
    ["Sorkam Barat", "Maduma", "12.01.10.2014", 2],
    ["Sorkam Barat", "Sidikalang", "12.01.10.2016", 2],
]


def test_two_desa_of_one_name_in_one_kecamatan_plan_by_code(tmp_path: Path) -> None:
    header = ("KECAMATAN", "DESA/KELURAHAN", "KODE DESA", "JUMLAH RW/DUSUN")
    people = [["AGUS SAPUTRA", "BRIPKA", "87050123", "Sorkam Barat", "Maduma", 2008]]
    polres = rwassign.read(_book(tmp_path / "p.xlsx", SORKAM, people, header=header))
    sorkam = [u for u in polres.instance.units if u.desa == "Sorkam Kanan"]
    assert len(sorkam) == 5
    assert {(u.kind, u.kode_desa) for u in sorkam} == {
        ("RW", "12.01.10.1001"),
        ("Dusun", "12.01.10.2018"),
    }
    assert len({u.uid for u in sorkam}) == 5
    plan = rwassign.solve(polres)
    assert plan.result.status.value == "OPTIMAL"


def test_same_name_without_code_asks_for_the_code_column(tmp_path: Path) -> None:
    rows = [[kec, desa, n] for kec, desa, _code, n in SORKAM[1:]]
    people = [["AGUS SAPUTRA", "BRIPKA", "87050123", "Sorkam Barat", "Maduma", 2008]]
    with pytest.raises(InputErrors) as err:
        rwassign.read(_book(tmp_path / "p.xlsx", rows, people))
    (problem,) = [p for p in err.value.problems if p.is_error]
    assert problem.code == "places.desa_ambiguous"
    line = i18n.line(problem.code, problem.params)
    assert "12.01.10.1001" in line and "12.01.10.2018" in line and "KODE DESA" in line


def test_home_outside_the_sheet_is_placed_and_a_misspelt_one_warned(tmp_path: Path) -> None:
    people = [
        # a real desa of the kecamatan the sheet leaves out: placed at its centroid
        ["AGUS SAPUTRA", "BRIPKA", "87050123", "Curup Utara", "Seguring", 2008],
        # misspelt: warned with the likely name, placed at the kecamatan's centre
        ["BUDI PRATAMA", "BRIGPOL", "90010234", "Curup Utara", "Tabarenahh", 2012],
        # unknown kecamatan and desa: warned, no point (administrative stand-in)
        ["DEDI HIDAYAT", "BRIPTU", "95020345", "", "Antah Berantah", 2016],
    ]
    polres = rwassign.read(_book(tmp_path / "p.xlsx", CURUP_UTARA, people))
    agus, budi, dedi = polres.instance.officers
    assert agus.home_point_source == "pusat_desa" and agus.home_point is not None
    assert budi.home_point_source == "pusat_kecamatan"
    assert dedi.home_point is None and dedi.home_point_source == "none"
    warned = {p.code: p for p in polres.warnings if p.code.startswith("places.")}
    assert set(warned) == {"places.home_unknown_kecamatan", "places.home_unknown"}
    assert "mungkin 'Tabarenah'?" in i18n.text(
        "places.home_unknown_kecamatan", warned["places.home_unknown_kecamatan"].params
    )
    plan = rwassign.solve(polres)
    facts = plan.summary()
    assert facts["places"]["homes"] == {
        "koordinat": 0,
        "pusat desa": 1,
        "pusat kecamatan": 1,
        "administratif": 1,
    }
    bases = {a.officer_index: a.distance_basis for a in plan.result.assignments}
    assert bases.get(1) in (None, "pusat kecamatan") and bases.get(2) in (None, "administratif")


def test_distance_basis_is_the_coarser_end() -> None:
    u = Unit("a|b|1", "A", "B", "RW", 1, "P", point=Point(0, 0), point_source="pusat_desa")
    o = Officer(0, "X", "1", None, home_point=Point(0, 0), home_point_source="unit")
    assert distance_basis(u, o, True) == "pusat desa"
    o2 = Officer(0, "X", "1", None, home_point_source="pusat_kecamatan")
    assert distance_basis(u, o2, True) == "pusat kecamatan"
    assert distance_basis(u, o, False) == "administratif"
    # Records built without a source (tests, old embedded plans) count as coordinates.
    assert point_basis("none") == "koordinat" and point_basis("desa") == "koordinat"


def test_place_settings_coerce_and_round_trip() -> None:
    assert coerce("wilayah", "Rejang Lebong, 17.07") == ("Rejang Lebong", "17.07")
    assert coerce("desa_baru", ["Desa Baru Satu", " desa baru satu "]) == ("Desa Baru Satu",)
    assert coerce("wilayah", "") == ()
    s = Settings(wilayah=["Lebong"], desa_baru=("A",))  # type: ignore[arg-type]
    assert s.wilayah == ("Lebong",) and s == Settings(wilayah=("Lebong",), desa_baru=("A",))


def test_previous_plan_rows_tell_same_name_desa_apart_by_code(tmp_path: Path) -> None:
    header = ("KECAMATAN", "DESA/KELURAHAN", "KODE DESA", "JUMLAH RW/DUSUN")
    people = [["AGUS SAPUTRA", "BRIPKA", "87050123", "Sorkam Barat", "Maduma", 2008]]
    units = rwassign.read(_book(tmp_path / "p.xlsx", SORKAM, people, header=header)).instance.units
    index = unit_index(units)
    # RW/dusun 2 exists in both Sorkam Kanan: the typed row alone names neither.
    assert match_unit("Sorkam Barat", "Sorkam Kanan", "2", index) is None
    kel = match_unit("Sorkam Barat", "Sorkam Kanan", "2", index, "1201101001")
    desa = match_unit("Sorkam Barat", "SORKAM KANAN", "Dusun 2", index, "12.01.10.2018")
    assert kel is not None and (kel.kode_desa, kel.kind) == ("12.01.10.1001", "RW")
    assert desa is not None and (desa.kode_desa, desa.kind) == ("12.01.10.2018", "Dusun")
    # RW 3 exists only in the kelurahan: no code needed.
    three = match_unit("Sorkam Barat", "Sorkam Kanan", "3", index)
    assert three is not None and three.kode_desa == "12.01.10.1001"


def test_home_in_same_name_desa_decided_by_code_or_rw(tmp_path: Path) -> None:
    header = ("KECAMATAN", "DESA/KELURAHAN", "KODE DESA", "JUMLAH RW/DUSUN")
    book = _book(tmp_path / "p.xlsx", SORKAM, [], header=header)
    wb = load_workbook(book)
    ws = wb["Personel"]
    ws.delete_rows(1)
    ws.append(["NAMA", "PANGKAT", "NRP", "KECAMATAN DOMISILI", "DESA DOMISILI",
               "KODE DESA DOMISILI", "RW DOMISILI"])  # fmt: skip
    ws.append(["AGUS SAPUTRA", "BRIPKA", "87050123", "Sorkam Barat", "Sorkam Kanan",
               "12.01.10.2018", None])  # fmt: skip
    ws.append(["BUDI PRATAMA", "BRIGPOL", "90010234", "Sorkam Barat", "Sorkam Kanan", None, 3])
    ws.append(["DEDI HIDAYAT", "BRIPTU", "95020345", "Sorkam Barat", "Sorkam Kanan", None, None])
    wb.save(book)
    polres = rwassign.read(book)
    agus, budi, dedi = polres.instance.officers
    assert agus.home_desa == "sorkam barat|sorkam kanan (12.01.10.2018)"
    assert budi.home_unit == "sorkam barat|sorkam kanan (12.01.10.1001)|3"  # only it has RW 3
    assert dedi.home_desa is None and dedi.home_point_source == "pusat_kecamatan"
    warned = [p for p in polres.warnings if p.code.startswith("places.")]
    assert [(p.code, p.location.row) for p in warned] == [("places.home_same_name", 4)]


def test_place_settings_from_a_toml_file(tmp_path: Path) -> None:
    rows = [*CURUP_UTARA, ["Curup Utara", "Sumber Harapan Baru", 2]]
    book = _book(tmp_path / "p.xlsx", rows, PEOPLE)
    config = tmp_path / "rw.toml"
    config.write_text('wilayah = ["Rejang Lebong"]\ndesa_baru = ["Sumber Harapan Baru"]\n')
    polres = rwassign.read(book, config=config)
    assert polres.settings.wilayah == ("Rejang Lebong",)
    assert polres.settings.desa_baru == ("Sumber Harapan Baru",)
    assert polres.instance.places is not None
    assert (polres.instance.places.recognised, polres.instance.places.total) == (5, 6)
    en = rwassign.solve(polres).summary()
    lines = places_text(en["places"], "RW/dusun", "en")
    assert (
        lines[0] == "Wilayah: Kabupaten Rejang Lebong, Bengkulu; 5 of 6 desa/kelurahan recognised"
    )
    assert lines[1] == "Points of the RW/dusun: 11 pusat desa, 2 pusat kecamatan"  # 3+2+2+2+2
