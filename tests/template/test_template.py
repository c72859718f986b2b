"""``rwassign template``: the ready-to-fill workbook, its wilayah lookup and its name.

The workbook must be what the reader reads: a test fills it in by script, as a clerk would,
and solves it with exit 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner, Result

from rwassign import cli
from rwassign.cli.dispatch import expand_inputs
from rwassign.gazetteer import load
from rwassign.io.atomic import is_temp_name
from rwassign.template import (
    MAX_ROSTER_ROWS,
    ROSTER_HEADER,
    SHEET_GUIDE,
    SHEET_LISTS,
    SHEET_POLSEK,
    SHEET_ROSTER,
    SHEET_UNITS,
    UNIT_HEADER,
    WilayahError,
    default_template_name,
    find_wilayah,
)

runner = CliRunner()
HEADER_ROW = 3  # a title line, a blank line, the header
REJANG_LEBONG = "17.02"


def _run(*args: str | Path) -> Result:
    return runner.invoke(cli.app, [str(a) for a in args])


@pytest.fixture(scope="module")
def rejang_lebong(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("templat") / "rl-template.xlsx"
    r = runner.invoke(cli.app, ["template", "Rejang Lebong", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    assert "156 desa/kelurahan di 15 kecamatan" in r.stderr
    return out


def _rows(ws: Worksheet, width: int) -> list[tuple[object, ...]]:
    return [
        tuple(r[:width])
        for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
        if any(v is not None for v in r[:width])
    ]


def test_the_units_sheet_lists_every_desa_of_the_kabupaten(rejang_lebong: Path) -> None:
    wb = openpyxl.load_workbook(rejang_lebong)
    assert wb.sheetnames == [SHEET_GUIDE, SHEET_UNITS, SHEET_POLSEK, SHEET_ROSTER, SHEET_LISTS]
    units = wb[SHEET_UNITS]
    header = next(units.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True))
    assert header[: len(UNIT_HEADER)] == UNIT_HEADER
    rows = _rows(units, len(UNIT_HEADER))
    expected = sorted(load().kabupaten[REJANG_LEBONG].desa, key=lambda d: d.kode)
    assert len(rows) == len(expected) == 156
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [
        (d.kecamatan, d.nama, d.kode, d.jenis) for d in expected
    ]
    assert [r[0] for r in rows] == list(range(1, 157))
    assert {(r[5], r[6]) for r in rows} == {(None, None)}  # JUMLAH and KERAWANAN to fill in
    assert sum(r[4] == "Kelurahan" for r in rows) == 34
    # "Kota Padang" and "Dusun Curup" are names of real desa/kelurahan, kept as they are
    assert {"Kota Padang", "Dusun Curup"} <= {r[2] for r in rows}
    assert units.freeze_panes == f"A{HEADER_ROW + 1}"


def test_the_polsek_sheet_has_every_kecamatan(rejang_lebong: Path) -> None:
    wb = openpyxl.load_workbook(rejang_lebong)
    rows = _rows(wb[SHEET_POLSEK], 2)
    kecamatan = load().kabupaten[REJANG_LEBONG].kecamatan
    assert len(kecamatan) == 15
    assert rows == [(k, f"Polsek {k}") for k in kecamatan]


def test_the_roster_sheet_has_the_headers_and_drop_down_lists(rejang_lebong: Path) -> None:
    wb = openpyxl.load_workbook(rejang_lebong)
    roster = wb[SHEET_ROSTER]
    header = next(roster.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True))
    assert header[: len(ROSTER_HEADER)] == ROSTER_HEADER
    assert roster.freeze_panes == f"A{HEADER_ROW + 1}"
    letter = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(header)}
    # NRP cells are text, so Excel keeps the leading 0 of an NRP of a member born in 2000s
    assert roster[f"{letter['NRP']}{HEADER_ROW + 1}"].number_format == "@"
    assert roster[f"{letter['NRP']}{HEADER_ROW + MAX_ROSTER_ROWS}"].number_format == "@"
    lists = wb[SHEET_LISTS]
    assert lists.sheet_state == "hidden"

    def values(formula: str) -> list[object]:
        ref = formula.lstrip("=").split("!")[1].replace("$", "")
        return [c.value for row in lists[ref] for c in row]

    by_column: dict[str, list[object]] = {}
    for dv in roster.data_validations.dataValidation:
        assert dv.type == "list"
        first = str(dv.sqref).split(":")[0]
        by_column[first.rstrip("0123456789")] = values(dv.formula1)
        assert str(dv.sqref) == f"{first}:{first[:-1]}{HEADER_ROW + MAX_ROSTER_ROWS}"
    assert by_column[letter["BHABINKAMTIBMAS"]] == ["YA", "TIDAK"]
    assert by_column[letter["PELATIHAN POLMAS"]] == ["SUDAH", "BELUM"]
    assert {"BRIPKA", "AIPDA", "IPTU", "AKBP", "PENATA", "PPPK"} <= set(
        by_column[letter["PANGKAT"]]
    )
    home = by_column[letter["DOMISILI DESA/KEL"]]
    assert set(home) == {d.nama for d in load().kabupaten[REJANG_LEBONG].desa}
    assert len(home) == len(set(home))  # a name two kecamatan share is listed once
    kerawanan = wb[SHEET_UNITS].data_validations.dataValidation
    assert [values(dv.formula1) for dv in kerawanan] == [["Tinggi", "Sedang", "Rendah"]]
    assert str(kerawanan[0].sqref) == f"G{HEADER_ROW + 1}:G{HEADER_ROW + 156}"


def test_the_instructions_are_in_bahasa_indonesia(rejang_lebong: Path) -> None:
    guide = openpyxl.load_workbook(rejang_lebong)[SHEET_GUIDE]
    text = " ".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    assert "PETUNJUK PENGISIAN" in text and "Kabupaten Rejang Lebong, Bengkulu" in text
    assert "156 desa/kelurahan (34 kelurahan) di 15 kecamatan" in text
    assert "JUMLAH RW/DUSUN" in text and "'-template'" in text


def _fill(template: Path, out: Path) -> int:
    """Fill the template as a clerk would: a count and a kerawanan per desa, and a roster of
    trained Bintara living in the kabupaten, NRPs typed into the text cells.  Returns the
    number of units."""
    wb = openpyxl.load_workbook(template)
    units = wb[SHEET_UNITS]
    desa = _rows(units, len(UNIT_HEADER))
    total = 0
    for i, row in enumerate(desa):
        count = 3 if row[4] == "Kelurahan" else 2
        units.cell(row=HEADER_ROW + 1 + i, column=6, value=count)
        units.cell(row=HEADER_ROW + 1 + i, column=7, value=("Tinggi", "Sedang", "Rendah")[i % 3])
        total += count
    roster = wb[SHEET_ROSTER]
    for i, row in enumerate(desa[:120]):
        r = HEADER_ROW + 1 + i
        values = [
            i + 1, f"ANGGOTA CONTOH {i + 1}", "BRIPKA" if i % 5 else "AIPDA",
            f"{85 + i % 10:02d}{1 + i % 12:02d}{i:04d}", "BA POLSEK", "SAT BINMAS",
            "YA" if i % 10 == 0 else "TIDAK", "SUDAH" if i % 7 else "BELUM", 2010, "AKTIF",
            row[1], row[2], "RW 1" if row[4] == "Kelurahan" else "Dusun 2",
        ]  # fmt: skip
        for c, v in enumerate(values, start=1):
            roster.cell(row=r, column=c, value=v)
    wb.save(out)
    return total


def test_a_filled_template_solves_with_exit_0(rejang_lebong: Path, tmp_path: Path) -> None:
    filled = tmp_path / "polres_rejang_lebong.xlsx"
    total = _fill(rejang_lebong, filled)
    r = _run("solve", filled, "--json")
    assert r.exit_code == 0, r.stderr
    facts = json.loads(r.stdout)
    assert facts["units"] == total == 34 * 3 + 122 * 2
    assert facts["covered"] > 0
    assert (tmp_path / "polres_rejang_lebong-penugasan.xlsx").exists()


def test_an_unfilled_template_names_every_empty_count(rejang_lebong: Path) -> None:
    r = _run("validate", rejang_lebong)
    assert r.exit_code == 1
    assert r.stderr.count("JUMLAH RW/DUSUN") >= 156


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Rejang Lebong", "Kabupaten Rejang Lebong"),
        ("rejang  lebong", "Kabupaten Rejang Lebong"),
        ("17.02", "Kabupaten Rejang Lebong"),
        ("Kabupaten Bogor", "Kabupaten Bogor"),
        ("Kab. Bogor", "Kabupaten Bogor"),
        ("Kota Bogor", "Kota Bogor"),
        ("Kota Bengkulu", "Kota Bengkulu"),
    ],
)
def test_a_kabupaten_is_found_by_name_or_code(query: str, expected: str) -> None:
    wilayah = find_wilayah(query)
    assert wilayah.kabupaten.nama == expected and wilayah.whole
    assert wilayah.desa == wilayah.kabupaten.desa


def test_a_bare_name_that_fits_two_lists_both_and_exits_2(tmp_path: Path) -> None:
    r = runner.invoke(cli.app, ["template", "Bogor", "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 2
    assert "Kabupaten Bogor (32.01, Jawa Barat)" in r.stderr
    assert "Kota Bogor (32.71, Jawa Barat)" in r.stderr
    assert not list(tmp_path.iterdir())


def test_a_name_that_fits_nothing_suggests_the_closest_and_exits_2(tmp_path: Path) -> None:
    r = runner.invoke(cli.app, ["template", "Rejang Lebon", "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 2
    assert "'Rejang Lebon'" in r.stderr and "Kabupaten Rejang Lebong (17.02" in r.stderr
    r = runner.invoke(cli.app, ["template", "Qwxyz", "--lang", "en"])
    assert r.exit_code == 2
    assert "not the name or code of any kabupaten/kota" in r.stderr
    assert not list(tmp_path.iterdir())


def test_some_kecamatan_only(tmp_path: Path) -> None:
    out = tmp_path / "curup.xlsx"
    r = _run("template", "Rejang Lebong", "--kecamatan", "Curup", "--kecamatan", "KEC. CURUP UTARA",
             "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    rows = _rows(openpyxl.load_workbook(out)[SHEET_UNITS], len(UNIT_HEADER))
    kab = load().kabupaten[REJANG_LEBONG]
    expected = [d for d in kab.desa if d.kecamatan in ("Curup", "Curup Utara")]
    assert len(rows) == len(expected) > 10
    assert {r[1] for r in rows} == {"Curup", "Curup Utara"}
    polsek = _rows(openpyxl.load_workbook(out)[SHEET_POLSEK], 2)
    assert [p[0] for p in polsek] == ["Curup", "Curup Utara"]


def test_an_unknown_kecamatan_names_the_closest_and_exits_2(tmp_path: Path) -> None:
    with pytest.raises(WilayahError) as info:
        find_wilayah("Rejang Lebong", ["Curup Utra"])
    assert info.value.code == "template.kecamatan_unknown"
    assert info.value.params["close"].startswith("Curup Utara")
    r = _run("template", "Rejang Lebong", "--kecamatan", "Curup Utra", "-o", tmp_path / "x.xlsx")
    assert r.exit_code == 2
    assert "'Curup Utra' tidak ada di Kabupaten Rejang Lebong" in r.stderr
    assert "yang paling mirip: Curup Utara" in r.stderr


def test_the_default_name_is_skipped_by_a_folder_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wilayah = find_wilayah("Kota Bengkulu")
    assert default_template_name(wilayah) == "kota-bengkulu-template.xlsx"
    monkeypatch.chdir(tmp_path)
    r = _run("template", "Kota Bengkulu")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "kota-bengkulu-template.xlsx").exists()
    (tmp_path / "polres_bengkulu.xlsx").write_bytes(b"")
    assert expand_inputs([tmp_path]) == [tmp_path / "polres_bengkulu.xlsx"]
    assert not [p for p in tmp_path.iterdir() if is_temp_name(p.name)]


@pytest.mark.parametrize(
    ("name", "code"), [("templat.csv", "harus berakhiran .xlsx"), ("tidak/ada.xlsx", "tidak ada")]
)
def test_an_output_that_cannot_be_written_exits_4(tmp_path: Path, name: str, code: str) -> None:
    r = _run("template", "17.02", "-o", tmp_path / name)
    assert r.exit_code == 4
    assert code in r.stderr
    assert [p.name for p in tmp_path.iterdir()] == []
