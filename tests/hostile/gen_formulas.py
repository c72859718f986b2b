"""Hostile inputs of issue 12 whose texts look like formulas to a spreadsheet program.

A Polres of four desa and eight members (all invented) whose NAMA, JABATAN, KESATUAN, DESA and
POLSEK cells start with ``=``, ``+``, ``-``, ``@``, a tab or hold an error code: a
``HYPERLINK`` that shows a plausible desa but links away, a DDE call that runs a program.  Each
function writes one input into a folder and returns its path; nothing binary is committed.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

#: A desa name that Excel would show as "Gandung", linked to another site.
HYPERLINK_DESA = '=HYPERLINK("http://x","Gandung")'
HYPERLINK_NAMA = '=HYPERLINK("http://x","Rudi Hartono")'
#: A DDE formula: Excel offers to start a program.
DDE_JABATAN = "=cmd|' /C calc'!A0"
#: Texts every spreadsheet program reads as a formula or an error when typed or imported.
HOSTILE = (
    HYPERLINK_DESA,
    HYPERLINK_NAMA,
    DDE_JABATAN,
    "+62 BANIT SAMAPTA",
    "-1+2 BA SAT LANTAS",
    "@SUM(1+1) SAT BINMAS",
    "\tKANIT BINMAS",
    "#N/A",
)
#: Polsek and kecamatan names.
POLSEK = "=POLSEK LEBONG UTARA"

UNIT_HEADERS = ("NO", "KECAMATAN", "DESA/KEL", "JUMLAH RW/DUSUN", "LINTANG", "BUJUR", "POLSEK")
UNITS = (
    (1, "LEBONG UTARA", "KAMPUNG JAWA", 2, -3.108315, 102.197728, POLSEK),
    (2, "LEBONG UTARA", "TUNGGANG", 2, -3.08771, 102.187214, POLSEK),
    (3, "LEBONG UTARA", HYPERLINK_DESA, 2, -3.0951, 102.1903, POLSEK),
    (4, "LEBONG UTARA", "PASAR BARU", 1, -3.1012, 102.1950, "POLSEK LEBONG UTARA"),
)
ROSTER_HEADERS = (
    "NO", "NAMA", "PANGKAT/NRP", "JABATAN", "KESATUAN", "KECAMATAN DOMISILI", "DESA DOMISILI",
    "RW DOMISILI", "PELATIHAN POLMAS",
)  # fmt: skip
ROSTER = (
    (1, "AHMAD SURYADI", "BRIPKA/87050123", "+62 BANIT SAMAPTA", "SAT SAMAPTA", "LEBONG UTARA",
     "TUNGGANG", "1", "SUDAH"),
    (2, HYPERLINK_NAMA, "AIPDA/85030456", "BANIT RESKRIM", "POLSEK LEBONG UTARA", "LEBONG UTARA",
     HYPERLINK_DESA, "2", "SUDAH"),
    (3, "DEDI KURNIAWAN", "BRIGPOL/92110234", DDE_JABATAN, "SAT BINMAS", "LEBONG UTARA",
     "KAMPUNG JAWA", "1", "SUDAH"),
    (4, "SITI RAHAYU", "BRIPKA/86040567", "-1+2 BA SAT LANTAS", "SAT LANTAS", "LEBONG UTARA",
     "PASAR BARU", "1", "SUDAH"),
    (5, "JOKO PRASETYO", "BRIPKA/84020345", "BA SAT INTELKAM", "@SUM(1+1) SAT BINMAS",
     "LEBONG UTARA", HYPERLINK_DESA, "1", "SUDAH"),
    (6, "AGUS SETIAWAN", "IPDA/88120789", "\tKANIT BINMAS", "SAT BINMAS", "LEBONG UTARA",
     "TUNGGANG", "2", "SUDAH"),
    (7, "BAMBANG SUSILO", "BRIPKA/83110456", "#N/A", "SAT SABHARA", "LEBONG UTARA",
     "KAMPUNG JAWA", "2", "SUDAH"),
    (8, "YUDI PRATAMA", "BRIGPOL/93050678", "BA SAT RESKRIM", "SAT RESKRIM", "LEBONG UTARA",
     "PASAR BARU", "1", "SUDAH"),
)  # fmt: skip


def write_xlsx(folder: Path, name: str = "polres_rumus.xlsx") -> Path:
    """One workbook with a ``Wilayah`` and a ``Personel`` sheet; every text a string cell (as
    a clerk types it after an apostrophe, or as a program exports text)."""
    wb = Workbook()
    units = wb.active
    assert units is not None
    units.title = "Wilayah"
    roster = wb.create_sheet("Personel")
    for ws, headers, rows in ((units, UNIT_HEADERS, UNITS), (roster, ROSTER_HEADERS, ROSTER)):
        for r, values in enumerate((headers, *rows), start=1):
            for c, value in enumerate(values, start=1):
                cell = ws.cell(r, c)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # the text as typed, not a formula of the input
    path = folder / name
    wb.save(path)
    return path


def write_csv(folder: Path) -> tuple[Path, Path]:
    """The same Polres as two semicolon-separated files: units, then roster."""
    paths = (folder / "wilayah_rumus.csv", folder / "personel_rumus.csv")
    for path, headers, rows in zip(
        paths, (UNIT_HEADERS, ROSTER_HEADERS), (UNITS, ROSTER), strict=True
    ):
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(headers)
            writer.writerows(rows)
    return paths


def write_batch(folder: Path) -> Path:
    """A batch folder of two Polres, one of them in a file whose name starts with ``=``."""
    folder.mkdir(parents=True, exist_ok=True)
    write_xlsx(folder, "polres_a.xlsx")
    write_xlsx(folder, "=SUM(1+1).xlsx")
    return folder
