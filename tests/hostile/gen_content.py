"""Hostile cell content for issue 12: each function writes one input into a folder.

What is hostile here is not the size of a file but what its cells hold: control characters
and NUL, a field longer than the csv module allows, one NRP typed in three scripts, zero-width
spaces inside a rank and an NRP, a date or a boolean where a name belongs, a unit number no desa
has, a character reference no XML parser accepts.  Every file is a few kilobytes except the long
field, which is streamed out in chunks; nothing here is committed, the tests call these
functions into a temporary folder.  All people and numbers are invented.

Each function returns ``(units, roster)``: the two files to give ``--units`` and ``--roster``
(the xlsx case returns the same workbook twice).  Rows: the roster header is row 1, so the
members are rows 2-5 in the order of :data:`MEMBERS`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

UNITS = (
    "KECAMATAN;DESA/KEL;RW/DUSUN\n"
    "LEBONG UTARA;KAMPUNG JAWA;RW 01\n"
    "LEBONG UTARA;KAMPUNG JAWA;RW 02\n"
    "LEBONG UTARA;TUNGGANG;DUSUN 1\n"
)
"""Three units, one row each."""

ROSTER_HEADER = "NAMA;PANGKAT;NRP;JABATAN;PELATIHAN POLMAS;DESA DOMISILI;RW DOMISILI\n"

MEMBERS: tuple[tuple[str, str, str], ...] = (
    ("RUDI HARTONO", "AIPDA", "85030456"),
    ("DEDI KURNIAWAN", "BRIGPOL", "92110234"),
    ("AGUS SETIAWAN", "BRIPKA", "88120789"),
    ("SITI RAHAYU", "BRIPTU", "96040567"),
)
"""Four eligible members (name, rank, NRP); roster rows 2, 3, 4, 5."""

FULL_WIDTH = str.maketrans("0123456789", "".join(chr(0xFF10 + d) for d in range(10)))
ARABIC_INDIC = str.maketrans("0123456789", "".join(chr(0x0660 + d) for d in range(10)))
ZWSP = "\u200b"


def _row(nama: str, pangkat: str, nrp: str) -> str:
    return f"{nama};{pangkat};{nrp};BA SAT SAMAPTA;SUDAH;KAMPUNG JAWA;RW 01\n"


def _pair(
    folder: Path, name: str, members: list[tuple[str, str, str]], units: str = UNITS
) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    units_path = folder / f"{name}-wilayah.csv"
    roster_path = folder / f"{name}-personel.csv"
    units_path.write_text(units, encoding="utf-8")
    roster_path.write_text(ROSTER_HEADER + "".join(_row(*m) for m in members), encoding="utf-8")
    return units_path, roster_path


def control_characters(folder: Path) -> tuple[Path, Path]:
    """NUL and SOH inside a name (row 2), BEL in a rank (row 3): once exit 5 from the writer."""
    members = list(MEMBERS)
    members[0] = ("RUDI\x01 HAR\x00TONO", "AIPDA", "85030456")
    members[1] = ("DEDI KURNIAWAN", "BRIG\x07POL", "92110234")
    return _pair(folder, "control", members)


LONG_FIELD_CHARS = 200_000
"""Over the csv module's own field limit (131,072 characters), which once ended in exit 5."""


def long_field(folder: Path, chars: int = LONG_FIELD_CHARS) -> tuple[Path, Path]:
    """A name of ``chars`` characters (:data:`LONG_FIELD_CHARS` by default) in row 3, written in
    chunks."""
    units, roster = _pair(folder, "long", list(MEMBERS[:1]))
    with roster.open("a", encoding="utf-8") as f:
        chunk = "DEDI KURNIAWAN " * 1_000  # 15,000 characters
        written = 0
        while written < chars:
            part = chunk[: chars - written]
            f.write(part)
            written += len(part)
        f.write(";BRIGPOL;92110234;BA;SUDAH;;\n")
    return units, roster


def nrp_in_three_scripts(folder: Path) -> tuple[Path, Path]:
    """NRP 85030456 in ASCII (row 2), full-width (row 3) and Arabic-Indic digits (row 4)."""
    members = list(MEMBERS)
    members[1] = ("DEDI KURNIAWAN", "BRIGPOL", "85030456".translate(FULL_WIDTH))
    members[2] = ("AGUS SETIAWAN", "BRIPKA", "85030456".translate(ARABIC_INDIC))
    return _pair(folder, "digits", members)


def zero_width_spaces(folder: Path) -> tuple[Path, Path]:
    """``BRIG\u200bPOL`` and ``9211\u200b0234`` (row 3), a BOM inside a header: all valid."""
    members = list(MEMBERS)
    members[1] = ("DEDI KURNIAWAN", f"BRIG{ZWSP}POL", f"9211{ZWSP}0234")
    units, roster = _pair(folder, "zwsp", members)
    text = roster.read_text(encoding="utf-8").replace("JABATAN", "JABA\ufeffTAN", 1)
    roster.write_text(text, encoding="utf-8")
    return units, roster


NOT_NAMES: tuple[str, ...] = ("2024-01-05", "TRUE", "12345", ZWSP)
"""A date, a boolean, a number and a lone zero-width space as NAMA, rows 2-5."""


def names_that_are_no_names(folder: Path) -> tuple[Path, Path]:
    members = [(nama, rank, nrp) for nama, (_, rank, nrp) in zip(NOT_NAMES, MEMBERS, strict=True)]
    return _pair(folder, "notnames", members)


HUGE_UNIT = "RW 99999999999999999999999"
"""Once printed as ``RW 99999999999999991611392`` (the number went through a float)."""


def huge_unit_number(folder: Path) -> tuple[Path, Path]:
    """The units file's row 4 is :data:`HUGE_UNIT`."""
    units = UNITS.replace("TUNGGANG;DUSUN 1", f"TUNGGANG;{HUGE_UNIT}")
    return _pair(folder, "hugeunit", list(MEMBERS), units)


def xml_control_reference(folder: Path, nama: str = "RUDI&#1;HARTONO") -> tuple[Path, Path]:
    """A workbook whose name cell holds ``&#1;``: a character no XML 1.0 document may hold,
    so no spreadsheet program writes it; the reader must say the file is unreadable.  With
    another ``nama`` (XML text) it is the same workbook made valid, to compare."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("charref.xlsx" if "&#1;" in nama else "charref-ok.xlsx")

    def row(r: int, cells: list[str]) -> str:
        out = "".join(
            f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
            for i, v in enumerate(cells)
        )
        return f'<row r="{r}">{out}</row>'

    def sheet(rows: list[list[str]]) -> str:
        body = "".join(row(i + 1, cells) for i, cells in enumerate(rows))
        return (
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
            '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{body}</sheetData></worksheet>"
        )

    units = [line.split(";") for line in UNITS.strip().splitlines()]
    roster = [["NAMA", "PANGKAT", "NRP"], [nama, "AIPDA", "85030456"]]
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension='
            '"xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application'
            '/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override '
            'PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
            f'"{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="Wilayah" sheetId="1" r:id="rId1"/><sheet name="Personel" '
            'sheetId="2" r:id="rId2"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
            f'"{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type='
            f'"{rel}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
        )
        z.writestr("xl/worksheets/sheet1.xml", sheet(units))
        z.writestr("xl/worksheets/sheet2.xml", sheet(roster))
    return path, path
