"""Generate the tiny input files under ``tests/data/`` (run ``python -m tests.data.make_test_data``
from the repository root; the generated files are committed next to this script).

Good inputs, one small Polres (3 desa, 6 units, 8 members, all invented people):

- ``polres_lebong.xlsx``: "Polri style": title lines and a merged title cell, a kecamatan cell
  merged over two desa, units given as a count per desa (kind from the Kemendagri code), a
  total row, a two-row roster header (``PANGKAT/NRP`` over ``PANGKAT`` | ``NRP``, ``DOMISILI``
  over ``KECAMATAN`` | ``DESA`` | ``RW/DUSUN``), a row of column numbers, sub-title rows,
  upper-case spellings, numeric NRP cells (one with 7 digits), a ``Polsek`` map sheet and a
  ``Pengaturan`` sheet.
- ``wilayah.csv`` + ``personel.csv``: the same data as two CSV files (``;``-separated, one
  ``PANGKAT/NRP`` column such as ``BRIPKA/87050123``): must read to the same Instance.
- ``polres_per_rw.xlsx``: one row per unit, some without coordinates (they take their desa's).

Broken inputs: one file per input error under ``broken/``; :data:`BROKEN_CASES` says which
error code each must produce and where, so the reader tests (and the CLI tests) parametrise
over it: ``from tests.data.make_test_data import BROKEN_CASES`` (``tests`` and ``tests/data``
are packages for this reason).
"""

from __future__ import annotations

import copy
import csv
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "broken"

# --- the good data ------------------------------------------------------------------------

UNIT_HEADERS = [
    "NO", "KECAMATAN", "DESA/KEL", "KODE DESA", "JUMLAH RW/DUSUN", "KERAWANAN", "LINTANG",
    "BUJUR",
]  # fmt: skip
# Kecamatan of row 2 is left empty: in the workbook it is merged with the cell above.
UNIT_ROWS: list[list[Any]] = [
    [1, "LEBONG UTARA", "KEL. KAMPUNG JAWA", "17.07.01.1004", 2, "TINGGI", -3.108315, 102.197728],
    [2, None, "TUNGGANG", "17.07.01.2005", 2, "SEDANG", -3.08771, 102.187214],
    [3, "PINANG BELAPIS", "KETENONG JAYA", "17.07.12.2003", 2, None, -2.978123, 102.159395],
]
UNITS_FIRST_ROW = 5  # Excel row of UNIT_ROWS[0] (title, subtitle, blank, header above it)

POLSEK_ROWS = [["LEBONG UTARA", "POLSEK LEBONG UTARA"], ["PINANG BELAPIS", "POLSEK LEBONG UTARA"]]
SETTINGS_ROWS: list[list[Any]] = [
    ["PENGATURAN", None],
    ["Kunci", "Nilai"],
    ["max_units_per_officer", 2],
    ["Izinkan Pamen", "tidak"],
]

# Two-row roster header: (top, sub) per column; None in top = merged with the cell to its left.
ROSTER_TOP = [
    "NO", "NAMA", "PANGKAT/NRP", None, "JABATAN", "KESATUAN", "DOMISILI", None, None,
    "PELATIHAN POLMAS",
]  # fmt: skip
ROSTER_SUB = [None, None, "PANGKAT", "NRP", None, None, "KECAMATAN", "DESA", "RW/DUSUN", None]

# nama, pangkat, NRP cell, jabatan, kesatuan, home kecamatan, home desa, home unit, pelatihan.
# A str row is a sub-title line ("SAT LANTAS") inside the table.
OFFICERS: list[list[Any] | str] = [
    ["AHMAD SURYADI", "BRIPKA", 87050123, "BHABINKAMTIBMAS DESA TUNGGANG",
     "POLSEK LEBONG UTARA", "LEBONG UTARA", "TUNGGANG", "DUSUN 1", "SUDAH"],
    ["RUDI HARTONO", "AIBDA", 85030456, "BANIT RESKRIM", "POLSEK LEBONG UTARA",
     "LEBONG UTARA", "KAMPUNG JAWA", "RW 02", "SUDAH"],
    ["DEDI KURNIAWAN", "BRIGPOL", 92110234, "BAMIN SAT BINMAS", "SAT BINMAS", None,
     "KAMPUNG JAWA", "RW.01", "SUDAH"],
    "SAT LANTAS",
    ["SITI RAHAYU", "BRIPTU", 96040567, "BA SAT LANTAS", "SAT LANTAS", "LEBONG UTARA",
     "PASAR BARU", "1", "BELUM"],
    ["JOKO PRASETYO", "BRIPDA", 1020345, "BA SAT LANTAS", "SAT LANTAS", "PINANG BELAPIS",
     "KETENONG JAYA", "DUSUN II", "BELUM"],
    ["AGUS SETIAWAN", "IPDA", 88120789, "KANIT BINMAS", "SAT BINMAS", "LEBONG UTARA",
     "TUNGGANG", "2", "SUDAH"],
    ["HENDRA GUNAWAN", "PENATA", "19860926 201505 1 001", "PAUR SIKEU", "SIKEU", None, None,
     None, None],
    ["SRI WAHYUNI", None, "200001012023212001", "STAF SIUM", "SIUM", None, None, None, None],
]  # fmt: skip
ROSTER_FIRST_ROW = 8  # Excel row of OFFICERS[0]: titles 1-2, blank 3, header 4-5, numbers 6,
# sub-title "POLSEK LEBONG UTARA" 7.  So: AHMAD 8, RUDI 9, DEDI 10, "SAT LANTAS" 11, SITI 12,
# JOKO 13, AGUS 14, HENDRA 15, SRI 16.


def officer_row(name: str) -> int:
    """Excel row of the officer called ``name`` in the good workbook."""
    for i, o in enumerate(OFFICERS):
        if isinstance(o, list) and o[0] == name:
            return ROSTER_FIRST_ROW + i
    raise KeyError(name)


# --- writers --------------------------------------------------------------------------------


def _units_sheet(ws: Worksheet, headers: list[str], rows: list[list[Any]], total: bool) -> None:
    ws["A1"] = "DATA RW/DUSUN WILAYAH HUKUM POLRES LEBONG"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A2"] = "TAHUN 2024"
    ws.append([])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    # A kecamatan written once and merged down over the rows below it, as Polres sheets do.
    for i in range(1, len(rows)):
        if rows[i][1] is None and rows[i - 1][1] is not None:
            ws.merge_cells(
                start_row=UNITS_FIRST_ROW + i - 1,
                start_column=2,
                end_row=UNITS_FIRST_ROW + i,
                end_column=2,
            )
    if total and rows:
        ws.append(["JUMLAH", None, None, None, sum(r[4] for r in rows if isinstance(r[4], int))])


def _roster_sheet(
    ws: Worksheet, officers: list[list[Any] | str], top: list[Any], sub: list[Any]
) -> None:
    width = len(top)
    ws["A1"] = "DAFTAR SUSUNAN PERSONEL"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A2"] = "POLRES LEBONG"
    ws.append([])
    ws.append(top)
    ws.append(sub)
    for c in range(width):
        if top[c] is not None and sub[c] is None:
            ws.merge_cells(start_row=4, start_column=c + 1, end_row=5, end_column=c + 1)
    c = 0
    while c < width:  # spanning top cells (PANGKAT/NRP, DOMISILI) merged over their sub cells
        end = c
        while end + 1 < width and top[end + 1] is None:
            end += 1
        if end > c:
            ws.merge_cells(start_row=4, start_column=c + 1, end_row=4, end_column=end + 1)
        c = end + 1
    ws.append(list(range(1, width + 1)))
    ws.append(["POLSEK LEBONG UTARA"])
    ws.merge_cells(start_row=7, start_column=1, end_row=7, end_column=width)
    n = 0
    for o in officers:
        if isinstance(o, str):
            ws.append([o])
            continue
        n += 1
        ws.append([n, *o[:8], o[8]])


def write_book(
    path: Path,
    *,
    unit_headers: list[str] | None = None,
    unit_rows: list[list[Any]] | None = None,
    officers: list[list[Any] | str] | None = None,
    roster_top: list[Any] | None = None,
    roster_sub: list[Any] | None = None,
    settings_rows: list[list[Any]] | None = None,
    polsek_rows: list[list[Any]] | None = None,
    units_sheet: str | None = "Wilayah",
    roster_sheet: str | None = "Personel",
    total: bool = True,
) -> None:
    """The good workbook, with any part replaced (broken variants change one thing each)."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    if settings_rows is None:
        settings_rows = SETTINGS_ROWS
    if settings_rows:
        ws = wb.create_sheet("Pengaturan")
        for r in settings_rows:
            ws.append(r)
    if units_sheet:
        _units_sheet(
            wb.create_sheet(units_sheet),
            unit_headers or UNIT_HEADERS,
            UNIT_ROWS if unit_rows is None else unit_rows,
            total,
        )
    if polsek_rows is None:
        polsek_rows = POLSEK_ROWS
    if polsek_rows:
        ws = wb.create_sheet("Polsek")
        ws.append(["KECAMATAN", "POLSEK"])
        for r in polsek_rows:
            ws.append(r)
    if roster_sheet:
        _roster_sheet(
            wb.create_sheet(roster_sheet),
            OFFICERS if officers is None else officers,
            roster_top or ROSTER_TOP,
            roster_sub or ROSTER_SUB,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def write_csv_pair(units_path: Path, roster_path: Path) -> None:
    """The good data as two ``;``-separated CSV files, with one ``PANGKAT/NRP`` text column.

    The kecamatan of a desa is left empty under the row that names it (the reader carries it
    down), the Polsek map is a POLSEK column instead of a sheet, and the 7-digit NRP is typed
    as text: all must give the same Instance.
    """
    with units_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["DATA RW/DUSUN POLRES LEBONG"])
        w.writerow([*UNIT_HEADERS, "POLSEK"])  # the Polsek map as a column this time
        polsek = dict(map(tuple, POLSEK_ROWS))
        kecamatan = ""
        for r in UNIT_ROWS:
            kecamatan = r[1] or kecamatan
            w.writerow([*("" if v is None else v for v in r), polsek[kecamatan]])
    with roster_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["DAFTAR PERSONEL POLRES LEBONG"])
        w.writerow(
            [
                "NO",
                "NAMA",
                "PANGKAT/NRP",
                "JABATAN",
                "KESATUAN",
                "KECAMATAN DOMISILI",
                "DESA DOMISILI",
                "RW DOMISILI",
                "PELATIHAN POLMAS",
            ]
        )
        n = 0
        for o in OFFICERS:
            if isinstance(o, str):
                w.writerow([o])
                continue
            n += 1
            nama, pangkat, nrp, *rest = o
            pangkat_nrp = f"{pangkat}/{nrp}" if pangkat else str(nrp)
            if pangkat == "AIBDA":
                pangkat_nrp = f"{pangkat} NRP {nrp}"
            w.writerow([n, nama, pangkat_nrp, *["" if v is None else v for v in rest]])


PER_UNIT_HEADERS = ["NO", "KECAMATAN", "DESA", "RW/DUSUN", "LINTANG", "BUJUR", "POLSEK"]
PER_UNIT_ROWS: list[list[Any]] = [
    [1, "Lebong Utara", "Kampung Jawa", "RW 1", -3.1080, 102.1970, "Polsek Lebong Utara"],
    [2, "Lebong Utara", "Kampung Jawa", "RW.02", -3.1090, 102.1990, "Polsek Lebong Utara"],
    [3, "Lebong Utara", "Kampung Jawa", "003", None, None, "Polsek Lebong Utara"],
    [4, "Lebong Utara", "Desa Tunggang", "Dusun I", None, None, None],
    [5, None, None, "Dusun II", None, None, None],
    [6, "Pinang Belapis", "Ketenong Jaya", "DSN 1", -2.978123, 102.159395, None],
]


def write_per_unit_book(path: Path, rows: list[list[Any]] | None = None) -> None:
    """One row per unit; no Polsek sheet (Polsek column, else ``Polsek <kecamatan>``)."""
    write_book(
        path,
        unit_headers=PER_UNIT_HEADERS,
        unit_rows=PER_UNIT_ROWS if rows is None else rows,
        polsek_rows=[],
        settings_rows=[],
        total=False,
    )


# --- broken inputs --------------------------------------------------------------------------


@dataclass(frozen=True)
class BrokenCase:
    """One broken input: its file under ``broken/``, the error code it must produce and where.

    ``sheet``/``row``/``column`` are ``None`` where the error has no such part (a file that is
    not a workbook has no sheet).  ``column`` is the header text as written in the file.
    """

    file: str
    code: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


def _officers_with(name: str, index: int, value: Any) -> list[list[Any] | str]:
    """The good roster with one cell of one officer replaced (index into the officer list)."""
    out = copy.deepcopy(OFFICERS)
    for o in out:
        if isinstance(o, list) and o[0] == name:
            o[index] = value
    return out


def _units_with(row: int, col: int, value: Any) -> list[list[Any]]:
    out = copy.deepcopy(UNIT_ROWS)
    out[row][col] = value
    return out


def _units_named(row: int, kecamatan: str | None, desa: str) -> list[list[Any]]:
    """``UNIT_ROWS`` with one row's kecamatan and desa retyped and its code cleared (a code
    would name the desa whatever its name says)."""
    out = copy.deepcopy(UNIT_ROWS)
    if kecamatan is not None:
        out[row][1] = kecamatan
    out[row][2] = desa
    out[row][3] = None
    return out


def _fake_encrypted(path: Path) -> None:
    """An imitation of a password-protected workbook: an OLE container header and the name of
    the ``EncryptionInfo`` stream (what Excel writes; generating a real one needs a crypto
    library the project does not depend on)."""
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le")
    path.write_bytes(body + bytes(512))


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")


_OFF = {"nama": 0, "pangkat": 1, "nrp": 2, "jabatan": 3, "trained": 8}

BUILDERS: dict[str, Callable[[Path], None]] = {
    "not_a_workbook.xlsx": lambda p: p.write_text("NAMA;PANGKAT\nthis is not a workbook\n"),
    "empty.xlsx": lambda p: p.write_bytes(b""),
    "renamed_docx.xlsx": _docx,
    "password.xlsx": _fake_encrypted,
    "old_format.xls": lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)),
    "no_units_sheet.xlsx": lambda p: write_book(p, units_sheet=None),
    "no_roster_sheet.xlsx": lambda p: write_book(p, roster_sheet=None),
    "missing_nama.xlsx": lambda p: write_book(
        p, roster_top=["NO", "NAMA PERSONIL", *ROSTER_TOP[2:]]
    ),
    "missing_pangkat.xlsx": lambda p: write_book(
        p,
        roster_top=["NO", "NAMA", "KETERANGAN", None, *ROSTER_TOP[4:]],
        roster_sub=[None, None, "A", "B", *ROSTER_SUB[4:]],
    ),
    "unknown_rank.xlsx": lambda p: write_book(
        p, officers=_officers_with("DEDI KURNIAWAN", _OFF["pangkat"], "KOPRAL")
    ),
    "missing_rank.xlsx": lambda p: write_book(
        p, officers=_officers_with("SITI RAHAYU", _OFF["pangkat"], None)
    ),
    "malformed_nrp.xlsx": lambda p: write_book(
        p, officers=_officers_with("RUDI HARTONO", _OFF["nrp"], "8503045X")
    ),
    "nip_as_number.xlsx": lambda p: write_book(
        p, officers=_officers_with("HENDRA GUNAWAN", _OFF["nrp"], 198609262015051001)
    ),
    "duplicate_nrp.xlsx": lambda p: write_book(
        p, officers=_officers_with("AGUS SETIAWAN", _OFF["nrp"], 87050123)
    ),
    "bad_trained.xlsx": lambda p: write_book(
        p, officers=_officers_with("AHMAD SURYADI", _OFF["trained"], "x")
    ),
    "no_personnel.xlsx": lambda p: write_book(p, officers=[]),
    "duplicate_unit.xlsx": lambda p: write_per_unit_book(
        p, [*PER_UNIT_ROWS, [7, "Lebong Utara", "KAMPUNG JAWA", "RW 2", None, None, None]]
    ),
    "bad_unit_label.xlsx": lambda p: write_per_unit_book(
        p, [*PER_UNIT_ROWS[:2], [3, "Lebong Utara", "Kampung Jawa", "RW A", None, None, None]]
    ),
    "coords_out_of_range.xlsx": lambda p: write_book(  # Tunggang's lat and lng swapped
        p,
        unit_rows=[
            UNIT_ROWS[0],
            [2, None, "TUNGGANG", "17.07.01.2005", 2, "SEDANG", 102.187214, -3.08771],
            UNIT_ROWS[2],
        ],
    ),
    "no_units.xlsx": lambda p: write_book(p, unit_rows=[]),
    "bad_priority.xlsx": lambda p: write_book(p, unit_rows=_units_with(0, 5, "SANGAT")),
    "bad_count.xlsx": lambda p: write_book(p, unit_rows=_units_with(2, 4, "dua")),
    "missing_desa.xlsx": lambda p: write_book(p, unit_rows=_units_with(1, 2, None)),
    "bad_setting.xlsx": lambda p: write_book(
        p, settings_rows=[*SETTINGS_ROWS[:2], ["max_units_per_officer", "dua"]]
    ),
    "unknown_setting.xlsx": lambda p: write_book(
        p, settings_rows=[*SETTINGS_ROWS[:2], ["maks_rw_per_orang", 2]]
    ),
    "polsek_conflict.xlsx": lambda p: write_book(
        p, polsek_rows=[*POLSEK_ROWS, ["LEBONG UTARA", "POLSEK AMEN"]]
    ),
    # cell content (issue 12): a date as a name, a pasted wall of text, an NRP in full-width
    # digits (the same member as the ASCII one), a unit number no desa has
    "nama_is_date.xlsx": lambda p: write_book(
        p, officers=_officers_with("DEDI KURNIAWAN", _OFF["nama"], datetime(2024, 1, 5))
    ),
    "nama_too_long.xlsx": lambda p: write_book(
        p, officers=_officers_with("SITI RAHAYU", _OFF["nama"], "SITI RAHAYU " * 100)
    ),
    "duplicate_nrp_digits.xlsx": lambda p: write_book(
        p,
        officers=_officers_with(
            "AGUS SETIAWAN", _OFF["nrp"], "\uff18\uff17\uff10\uff15\uff10\uff11\uff12\uff13"
        ),
    ),
    # places (issue 11): names checked against the gazetteer of Kabupaten Lebong
    "desa_misspelt.xlsx": lambda p: write_book(p, unit_rows=_units_named(1, None, "TUNGANG")),
    "desa_wrong_kecamatan.xlsx": lambda p: write_book(
        p, unit_rows=_units_named(2, "LEBONG UTARA", "KETENONG JAYA")
    ),
    "kecamatan_misspelt.xlsx": lambda p: write_book(
        p, unit_rows=_units_named(2, "PINANG BELAPISS", "KETENONG JAYA")
    ),
    "wilayah_unknown.xlsx": lambda p: write_book(
        p, settings_rows=[*SETTINGS_ROWS, ["wilayah", "Lebongg Raya"]]
    ),
    "unit_number_too_big.xlsx": lambda p: write_per_unit_book(
        p,
        [
            *PER_UNIT_ROWS[:2],
            [3, "Lebong Utara", "Kampung Jawa", "RW 99999999999999999999999", None, None, None],
        ],
    ),
}

_ROSTER_HEADER_ROW = 5  # lower row of the two-row header
_UNITS_HEADER_ROW = 4

BROKEN_CASES: tuple[BrokenCase, ...] = (
    BrokenCase("does_not_exist.xlsx", "file.missing"),
    BrokenCase("not_a_workbook.xlsx", "file.not_workbook"),
    BrokenCase("empty.xlsx", "file.empty"),
    BrokenCase("renamed_docx.xlsx", "file.not_workbook"),
    BrokenCase("password.xlsx", "file.encrypted"),
    BrokenCase("old_format.xls", "file.old_xls"),
    BrokenCase("no_units_sheet.xlsx", "sheet.units_missing"),
    BrokenCase("no_roster_sheet.xlsx", "sheet.roster_missing"),
    BrokenCase("missing_nama.xlsx", "column.missing", "Personel", _ROSTER_HEADER_ROW),
    BrokenCase("missing_pangkat.xlsx", "column.missing", "Personel", _ROSTER_HEADER_ROW),
    BrokenCase("unknown_rank.xlsx", "officer.rank_unknown", "Personel", 10, "PANGKAT"),
    BrokenCase("missing_rank.xlsx", "officer.rank_missing", "Personel", 12, "PANGKAT"),
    BrokenCase("malformed_nrp.xlsx", "nrp.malformed", "Personel", 9, "NRP"),
    BrokenCase("nip_as_number.xlsx", "nip.precision", "Personel", 15, "NRP"),
    BrokenCase("duplicate_nrp.xlsx", "officer.duplicate_nrp", "Personel", 14, "NRP"),
    BrokenCase("bad_trained.xlsx", "officer.bad_bool", "Personel", 8, "PELATIHAN POLMAS"),
    BrokenCase("no_personnel.xlsx", "roster.none", "Personel", _ROSTER_HEADER_ROW),
    BrokenCase("duplicate_unit.xlsx", "unit.duplicate", "Wilayah", 11),
    BrokenCase("bad_unit_label.xlsx", "unit.bad_label", "Wilayah", 7, "RW/DUSUN"),
    BrokenCase("coords_out_of_range.xlsx", "coords.out_of_range", "Wilayah", 6, "LINTANG"),
    BrokenCase("no_units.xlsx", "units.none", "Wilayah", _UNITS_HEADER_ROW),
    BrokenCase("bad_priority.xlsx", "unit.bad_priority", "Wilayah", 5, "KERAWANAN"),
    BrokenCase("bad_count.xlsx", "unit.bad_count", "Wilayah", 7, "JUMLAH RW/DUSUN"),
    BrokenCase("missing_desa.xlsx", "unit.desa_missing", "Wilayah", 6, "DESA/KEL"),
    BrokenCase("bad_setting.xlsx", "settings.bad_value", "Pengaturan", 3, "max_units_per_officer"),
    BrokenCase(
        "unknown_setting.xlsx", "settings.unknown_key", "Pengaturan", 3, "maks_rw_per_orang"
    ),
    BrokenCase("polsek_conflict.xlsx", "polsek.conflict", "Polsek", 4, "POLSEK"),
    BrokenCase("nama_is_date.xlsx", "officer.nama_not_name", "Personel", 10, "NAMA"),
    BrokenCase("nama_too_long.xlsx", "cell.text_too_long", "Personel", 12, "NAMA"),
    BrokenCase("duplicate_nrp_digits.xlsx", "officer.duplicate_nrp", "Personel", 14, "NRP"),
    BrokenCase("unit_number_too_big.xlsx", "unit.bad_label", "Wilayah", 7, "RW/DUSUN"),
    BrokenCase("desa_misspelt.xlsx", "places.desa_unknown", "Wilayah", 6, "DESA/KEL"),
    BrokenCase(
        "desa_wrong_kecamatan.xlsx", "places.desa_other_kecamatan", "Wilayah", 7, "DESA/KEL"
    ),
    BrokenCase("kecamatan_misspelt.xlsx", "places.kecamatan_unknown", "Wilayah", 7, "KECAMATAN"),
    BrokenCase("wilayah_unknown.xlsx", "places.wilayah_unknown", "Wilayah"),
)
"""Every broken input and the error it must produce (file names are under ``broken/``)."""


def main() -> None:
    write_book(HERE / "polres_lebong.xlsx")
    write_csv_pair(HERE / "wilayah.csv", HERE / "personel.csv")
    write_per_unit_book(HERE / "polres_per_rw.xlsx")
    BROKEN.mkdir(exist_ok=True)
    for name, build in BUILDERS.items():
        build(BROKEN / name)
    missing = {c.file for c in BROKEN_CASES} - set(BUILDERS) - {"does_not_exist.xlsx"}
    assert not missing, missing


if __name__ == "__main__":
    main()
