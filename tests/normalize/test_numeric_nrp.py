"""NRPs of members born 2000-2009 typed into number cells (issue 11, point 3).

An NRP is ``YYMMxxxx``; a number cell drops its leading zeros: born 2001-2009 leaves 7 digits,
born October-December 2000 leaves 6 (``001Mxxxx``), born January-September 2000 leaves 5
(``000Mxxxx``).  Each is padded back to 8 digits with a warning.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from rwassign.i18n import line, render
from rwassign.io.read import read_input
from rwassign.normalize.ids import IdResult, parse_id

#: (NRP as issued, what a number cell keeps of it, birth month it encodes)
BORN_2000S = [
    ("00013000", 13000, "January 2000"),
    ("00030123", 30123, "March 2000"),
    ("00090999", 90999, "September 2000"),
    ("00100456", 100456, "October 2000"),
    ("00121234", 121234, "December 2000"),
    ("01010001", 1010001, "January 2001"),
    ("05070789", 5070789, "July 2005"),
    ("09129999", 9129999, "December 2009"),
]


@pytest.mark.parametrize(("nrp", "number", "born"), BORN_2000S)
def test_a_number_cell_is_padded_back_to_the_nrp(nrp: str, number: int, born: str) -> None:
    padded = IdResult(nrp, "NRP", ("nrp.padded",), None)
    assert parse_id(number) == padded, born
    assert parse_id(float(number)) == padded, born
    assert parse_id(f"{number}.0") == padded, born  # a number cell a tool turned into text
    assert parse_id(str(number)) == padded, born  # a CSV saved from that sheet


@pytest.mark.parametrize(
    "raw",
    [
        543210,  # 6 digits: 00543210 has month 54, no NRP loses its zeros into that
        "543210",
        "0201234",  # typed as text with its 0, then a digit lost: month 20
        1234,  # 4 digits: no NRP is that short, whatever Excel did
    ],
)
def test_short_numbers_that_cannot_be_an_nrp_stay_errors(raw: object) -> None:
    assert parse_id(raw) == IdResult(None, None, (), "nrp.malformed")


def test_the_message_names_every_short_length_and_no_longer_says_2000_or_later() -> None:
    for lang in ("id", "en"):
        shown = line("nrp.padded", {"value": "30123", "nrp": "00030123"}, lang)
        assert "00030123" in shown and "30123" in shown
        for digits in ("7", "6", "5"):
            assert digits in shown
        assert "2001-2009" in shown
    assert "Oktober-Desember 2000" in line("nrp.padded", {"value": "1", "nrp": "2"}, "id")
    assert "October-December 2000" in line("nrp.padded", {"value": "1", "nrp": "2"}, "en")


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Wilayah"
    ws.append(["KECAMATAN", "DESA/KELURAHAN", "RW/DUSUN", "LINTANG", "BUJUR"])
    for i in range(1, 4):
        ws.append(["Kecamatan Contoh", "Desa Contoh", f"Dusun {i}", -3.1 - i / 100, 102.2])
    ps = wb.create_sheet("Personel")
    ps.append(["NAMA", "PANGKAT", "NRP", "PELATIHAN POLMAS", "TMT"])
    for i, (_nrp, number, _born) in enumerate(BORN_2000S):
        ps.append([f"ANGGOTA CONTOH {i + 1}", "BRIPDA", number, "SUDAH", 2019])
    ps.append(["ANGGOTA LAMA", "BRIPKA", 87050123, "SUDAH", 2007])
    wb.save(path)
    return path


def test_a_roster_of_number_cells_reads_every_member_born_2000_2009(tmp_path: Path) -> None:
    """The issue's case: 11 errors and nothing planned for members born in 2000; now each NRP
    is read back and each padded cell has its warning at its row and column."""
    result = read_input(_workbook(tmp_path / "polres.xlsx"), today=date(2026, 11, 1))
    assert result.errors == [], [render(p, "en") for p in result.errors]
    assert result.instance is not None
    got = {o.nama: o.nrp for o in result.instance.officers}
    assert got == {
        **{f"ANGGOTA CONTOH {i + 1}": nrp for i, (nrp, _n, _b) in enumerate(BORN_2000S)},
        "ANGGOTA LAMA": "87050123",
    }
    padded = [p for p in result.warnings if p.code == "nrp.padded"]
    assert [(p.location.sheet, p.location.row, p.location.column) for p in padded] == [
        ("Personel", row, "NRP") for row in range(2, 2 + len(BORN_2000S))
    ]
    assert [p.params["nrp"] for p in padded] == [nrp for nrp, _n, _b in BORN_2000S]
