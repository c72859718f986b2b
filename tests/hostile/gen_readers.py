"""Hostile ``.ods`` and ``.xls`` inputs against the reading bounds, written by code.

python-calamine holds a sheet as one dense rectangle, so each file here would cost it
gigabytes (or abort the process) if the bytes were not measured first
(:mod:`rwassign.io.read.scan`).  An ``.ods`` is written by hand (a zip of ``mimetype`` and
``content.xml``); an ``.xls`` is LibreOffice's conversion of a tiny workbook with one cell
record's row and column changed in place.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

from tests.hostile.gen_limits import base_workbook

_MIME = "application/vnd.oasis.opendocument.spreadsheet"
_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
    "</office:document-content>"
)


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{_MIME}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def text_cell(value: str, attrs: str = "") -> str:
    kind = 'office:value-type="string"'
    return f"<table:table-cell {kind}{attrs}><text:p>{value}</text:p></table:table-cell>"


def ods(path: Path, sheets: dict[str, list[str]]) -> Path:
    """An ``.ods`` whose sheets hold the given ``<table:table-row>`` elements."""
    tables = "".join(
        f'<table:table table:name="{name}">{"".join(rows)}</table:table>'
        for name, rows in sheets.items()
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), _MIME)
        z.writestr("content.xml", _CONTENT.format(tables=tables), zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
    return path


def row(*cells: str, attrs: str = "") -> str:
    return f"<table:table-row{attrs}>{''.join(cells)}</table:table-row>"


def ods_value_repeated_down(folder: Path, rows: int = 1_048_576) -> Path:
    """One value in ``A2`` repeated down ``rows`` rows: 1,048,576 rows for calamine."""
    return ods(
        folder / "repeated_down.ods",
        {
            "Wilayah": [
                row(text_cell("KECAMATAN")),
                row(text_cell("X"), attrs=f' table:number-rows-repeated="{rows}"'),
            ]
        },
    )


def ods_value_repeated_right(folder: Path, columns: int = 16_384) -> Path:
    """One value in row 2 repeated across ``columns`` columns."""
    cell = text_cell("X", f' table:number-columns-repeated="{columns}"')
    return ods(folder / "repeated_right.ods", {"Wilayah": [row(text_cell("KECAMATAN")), row(cell)]})


def ods_far_corner(folder: Path) -> Path:
    """A value in ``A1`` and one in column 400 of row 90,000: a rectangle of 36 million cells
    within the row and column bounds."""
    empty_rows = row(attrs=' table:number-rows-repeated="89998"')
    far = '<table:table-cell table:number-columns-repeated="399"/>' + text_cell("X")
    return ods(folder / "far_corner.ods", {"Wilayah": [row(text_cell("A")), empty_rows, row(far)]})


def ods_many_merges(folder: Path, rows: int = 260, columns: int = 400) -> Path:
    """``rows`` x ``columns`` cells (104,000 by default, within the row, column and cell
    bounds), each merged with the cell below it."""
    spanned = text_cell("X", ' table:number-rows-spanned="2"')
    body = [row(text_cell("KECAMATAN"))] + [row(*[spanned] * columns)] * rows
    return ods(folder / "many_merges.ods", {"Wilayah": body})


def ods_formula_no_value(folder: Path) -> Path:
    """The tiny Polres as an ``.ods`` whose desa of row 2 is a formula without a stored value."""
    units = [row(*(text_cell(h) for h in ("NO", "KECAMATAN", "DESA/KEL", "JUMLAH RW/DUSUN")))]
    for i, count in enumerate((2, 3), start=1):
        desa = (
            '<table:table-cell table:formula="of:=UPPER(&quot;desa uji 1&quot;)"/>'
            if i == 1
            else text_cell(f"DESA UJI {i}")
        )
        units.append(
            row(
                f'<table:table-cell office:value-type="float" office:value="{i}"/>',
                text_cell("LEBONG UTARA"),
                desa,
                f'<table:table-cell office:value-type="float" office:value="{count}"/>',
            )
        )
    roster = [row(*(text_cell(h) for h in ("NO", "NAMA", "PANGKAT/NRP", "JABATAN")))]
    roster.append(
        row(
            text_cell("1"),
            text_cell("ANDI PRATAMA"),
            text_cell("BRIPKA/87050123"),
            text_cell("BAMIN"),
        )
    )
    return ods(folder / "formula_no_value.ods", {"Wilayah": units, "Personel": roster})


def soffice() -> str | None:
    """LibreOffice's command, or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, fmt: str, folder: Path) -> Path:
    """``path`` saved by LibreOffice as ``fmt`` (``xls`` or ``ods``) into ``folder``, with a
    profile of its own so that parallel runs never share one."""
    command = soffice()
    assert command is not None
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            command,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = folder / f"{path.stem}.{fmt}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


def xls_moved_cell(folder: Path, row_no: int, column: int) -> Path:
    """The tiny Polres as an ``.xls`` whose first text cell record (LABELSST) is moved to
    1-based ``(row_no, column)`` by changing its two numbers in place."""
    source = base_workbook(folder / "moved.xlsx")
    path = convert(source, "xls", folder)
    data = bytearray(path.read_bytes())
    at = data.find(b"\xfd\x00\x0a\x00")  # LABELSST, 10 bytes: row, column, format, string
    assert at > 0
    struct.pack_into("<HH", data, at + 4, row_no - 1, column - 1)
    path.write_bytes(bytes(data))
    return path
