"""Hostile inputs for the reading bounds of issue 12, written by code (no binaries committed).

Each ``make_*`` function writes one file into ``folder`` and returns its path.  The small ones
start from a tiny valid Polres workbook (:func:`base_workbook`) and change one part of its zip;
the large ones (:func:`fifty_million_rows`, :func:`huge_shared_string`) are streamed part by
part, so they need seconds and almost no memory to write.  ``tests/hostile/test_limits.py``
checks what a user sees for each; ``bench/bench_hostile.py`` times them as whole processes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook

_UNITS_HEADER = ("NO", "KECAMATAN", "DESA/KEL", "JUMLAH RW/DUSUN")
_ROSTER_HEADER = ("NO", "NAMA", "PANGKAT/NRP", "JABATAN")
_OFFICERS = (
    ("ANDI PRATAMA", "BRIPKA/87050123", "BAMIN SAT BINMAS"),
    ("BUDI SANTOSO", "BRIGPOL/92110234", "BANIT RESKRIM"),
    ("CITRA LESTARI", "AIPDA/85030456", "PAUR SAT LANTAS"),
)


def base_workbook(
    path: Path,
    counts: tuple[Any, ...] = (2, 3),
    *,
    hidden_roster: bool = False,
) -> Path:
    """A tiny valid Polres workbook: a ``Wilayah`` sheet of desa with RW counts (``counts``,
    one desa each, written as given: a number or text) and a ``Personel`` sheet of three
    synthetic members.  With ``hidden_roster`` the roster sheet is hidden and a visible decoy
    sheet ``Daftar Anggota`` of other names stands beside it."""
    wb = Workbook()
    units = wb.active
    assert units is not None
    units.title = "Wilayah"
    units.append(_UNITS_HEADER)
    for i, count in enumerate(counts, start=1):
        units.append((i, "LEBONG UTARA", f"DESA UJI {i}", count))
    roster = wb.create_sheet("Personel")
    roster.append(_ROSTER_HEADER)
    for i, (nama, pangkat_nrp, jabatan) in enumerate(_OFFICERS, start=1):
        roster.append((i, nama, pangkat_nrp, jabatan))
    if hidden_roster:
        roster.sheet_state = "hidden"
        decoy = wb.create_sheet("Daftar Anggota")
        decoy.append(("CATATAN",))
        decoy.append(("daftar lama, tidak dipakai",))
    wb.save(path)
    return path


def _rewrite(path: Path, part: str, change: Callable[[str], str]) -> Path:
    """Rewrite one XML part of the zip at ``path`` through ``change``, keeping the others."""
    with zipfile.ZipFile(path) as zf:
        parts = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts:
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            zf.writestr(info.filename, data)
    return path


_UNITS_PART = "xl/worksheets/sheet1.xml"


def _append_rows(xml: str, rows: str, dimension: str | None = None) -> str:
    xml = xml.replace("</sheetData>", rows + "</sheetData>")
    if dimension is not None:
        xml = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>', xml)
    return xml


def far_styled_cell(folder: Path) -> Path:
    """One styled empty cell at ``XFD1048576``: the declared dimension is the whole sheet, the
    data is a few rows.  Read correctly."""
    path = base_workbook(folder / "far_styled_cell.xlsx")
    row = '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    return _rewrite(path, _UNITS_PART, lambda x: _append_rows(x, row, "A1:XFD1048576"))


def far_cell(folder: Path) -> Path:
    """A value at ``K1048576``, far below the table: past the row bound."""
    path = base_workbook(folder / "far_cell.xlsx")
    row = '<row r="1048576"><c r="K1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return _rewrite(path, _UNITS_PART, lambda x: _append_rows(x, row, "A1:K1048576"))


def far_merge(folder: Path) -> Path:
    """A merge ``L2:L1048576`` beside a short table: read correctly (the merge is empty)."""
    path = base_workbook(folder / "far_merge.xlsx")

    def change(xml: str) -> str:
        merge = '<mergeCells count="1"><mergeCell ref="L2:L1048576"/></mergeCells>'
        return re.sub(r"</sheetData>", "</sheetData>" + merge, xml, count=1)

    return _rewrite(path, _UNITS_PART, change)


def formula_no_value(folder: Path, cell: str = "C2") -> Path:
    """A formula Excel never computed (no stored value): by default the desa of row 2, or a
    ``cell`` of its own further right (a column no reader uses)."""
    path = base_workbook(folder / "formula_no_value.xlsx")
    formula = f'<c r="{cell}"><f>UPPER("desa uji 1")</f></c>'

    def change(xml: str) -> str:
        if cell != "C2":
            return re.sub(
                r"(<row r=\"2\"[^>]*>.*?)(</row>)", rf"\g<1>{formula}\2", xml, count=1, flags=re.S
            )
        found = re.search(r'<c r="C2"[^>]*>.*?</c>', xml)
        assert found is not None
        return xml.replace(found.group(0), formula)

    return _rewrite(path, _UNITS_PART, change)


def long_text_cell(folder: Path, length: int = 40_000) -> Path:
    """A desa name of ``length`` characters in ``C3`` (Excel itself stops at 32,767)."""
    path = base_workbook(folder / "long_text_cell.xlsx")

    def change(xml: str) -> str:
        cell = re.search(r'<c r="C3"[^>]*>.*?</c>', xml)
        assert cell is not None
        text = "A" * length
        return xml.replace(cell.group(0), f'<c r="C3" t="inlineStr"><is><t>{text}</t></is></c>')

    return _rewrite(path, _UNITS_PART, change)


def count_cell(folder: Path, name: str, count: Any) -> Path:
    """A desa whose RW count is ``count`` (``1000000``, ``"1e6"``, ``"1.000.000"``, ...)."""
    return base_workbook(folder / f"count_{name}.xlsx", counts=(2, count))


def many_units(folder: Path, desa: int = 260, each: int = 200) -> Path:
    """``desa`` rows of ``each`` RW: every count within the per-desa bound, the total
    (52,000 by default) over the bound of units per input."""
    return base_workbook(folder / "many_units.xlsx", counts=tuple([each] * desa))


def hidden_roster(folder: Path) -> Path:
    """The roster on a hidden sheet beside a visible decoy sheet."""
    return base_workbook(folder / "hidden_roster.xlsx", hidden_roster=True)


def utf16_csv(folder: Path, bom: bool = True) -> tuple[Path, Path]:
    """A units CSV in UTF-8 and a roster CSV saved as UTF-16 (Excel's "Unicode Text")."""
    units = folder / "wilayah.csv"
    units.write_text(
        ";".join(_UNITS_HEADER) + "\n1;LEBONG UTARA;DESA UJI 1;2\n2;LEBONG UTARA;DESA UJI 2;3\n",
        encoding="utf-8",
    )
    roster = folder / ("personel_utf16.csv" if bom else "personel_utf16le.csv")
    lines = [";".join(_ROSTER_HEADER)]
    lines += [f"{i};{n};{p};{j}" for i, (n, p, j) in enumerate(_OFFICERS, start=1)]
    text = "\r\n".join(lines) + "\r\n"
    roster.write_bytes(text.encode("utf-16" if bom else "utf-16-le"))
    return units, roster


# --- the large ones, streamed ---------------------------------------------------------------


def _streamed_workbook(
    path: Path, sheet_chunks: Iterator[bytes], strings: Iterator[bytes] | None = None
) -> Path:
    """A minimal valid workbook whose one sheet (and shared strings) are written chunk by
    chunk, so a part of gigabytes costs its compressed size on disk and nothing in memory."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    pkg = "http://schemas.openxmlformats.org/package/2006"
    off = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct_main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    types = (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{pkg}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct_main}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct_main}.worksheet+xml"/>'
        + (
            '<Override PartName="/xl/sharedStrings.xml" '
            f'ContentType="{ct_main}.sharedStrings+xml"/>'
            if strings is not None
            else ""
        )
        + "</Types>"
    )
    root_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{off}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} {rel_ns}><sheets>'
        '<sheet name="Wilayah" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    wb_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{off}/worksheet" Target="worksheets/sheet1.xml"/>'
        + (
            f'<Relationship Id="rId2" Type="{off}/sharedStrings" Target="sharedStrings.xml"/>'
            if strings is not None
            else ""
        )
        + "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", root_rels)
        zf.writestr("xl/workbook.xml", workbook)
        zf.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for chunk in sheet_chunks:
                part.write(chunk)
        if strings is not None:
            with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
                for chunk in strings:
                    part.write(chunk)
    return path


_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>KECAMATAN</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>DESA</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>JUMLAH RW</t></is></c></row>'
)
_SHEET_TAIL = b"</sheetData></worksheet>"


def _rows(first: int, last: int, per_chunk: int = 50_000) -> Iterator[bytes]:
    yield _SHEET_HEAD
    for start in range(first, last + 1, per_chunk):
        stop = min(start + per_chunk, last + 1)
        yield "".join(
            f'<row r="{r}"><c r="C{r}"><v>1</v></c></row>' for r in range(start, stop)
        ).encode()
    yield _SHEET_TAIL


def many_rows(folder: Path, rows: int = 150_000) -> Path:
    """A sheet of ``rows`` data rows (each a count of 1 RW): past the row bound."""
    return _streamed_workbook(folder / f"rows_{rows}.xlsx", _rows(2, rows + 1))


def fifty_million_rows(folder: Path, rows: int = 50_000_000) -> Path:
    """The issue's 3.9 MB workbook of 50 million rows, streamed (about 1.6 GB unpacked)."""
    block = b"".join(b'<row><c t="n"><v>1</v></c></row>' for _ in range(10_000))

    def chunks() -> Iterator[bytes]:
        yield _SHEET_HEAD
        for _ in range(rows // 10_000):
            yield block
        yield _SHEET_TAIL

    return _streamed_workbook(folder / "fifty_million_rows.xlsx", chunks())


def huge_shared_string(folder: Path, size: int = 1_200_000_000) -> Path:
    """One shared string of ``size`` characters (1.2 GB by default) used by one cell."""

    def strings() -> Iterator[bytes]:
        yield (
            b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
            b'.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
        )
        block = b"A" * (1 << 20)
        for _ in range(size // len(block)):
            yield block
        yield b"A" * (size % len(block))
        yield b"</t></si></sst>"

    sheet = iter(
        [_SHEET_HEAD[: -len(b"</row>")] + b'<c r="D1" t="s"><v>0</v></c></row>' + _SHEET_TAIL]
    )
    return _streamed_workbook(folder / "huge_shared_string.xlsx", sheet, strings())


def many_cells(folder: Path, rows: int = 45_000, columns: int = 20) -> Path:
    """``rows`` x ``columns`` filled cells (900,000 by default): every row and column within
    its bound and the cell elements too, the cells read past theirs; the costliest sheet the
    bounds admit."""
    from openpyxl.utils.cell import get_column_letter

    letters = [get_column_letter(c) for c in range(1, columns + 1)]

    def chunks() -> Iterator[bytes]:
        yield _SHEET_HEAD
        for start in range(2, rows + 2, 5_000):
            yield "".join(
                f'<row r="{r}">'
                + "".join(f'<c r="{x}{r}"><v>1</v></c>' for x in letters)
                + "</row>"
                for r in range(start, min(start + 5_000, rows + 2))
            ).encode()
        yield _SHEET_TAIL

    return _streamed_workbook(folder / "many_cells.xlsx", chunks())


def many_empty_cells(folder: Path, rows: int = 60_000, columns: int = 20) -> Path:
    """``rows`` x ``columns`` formatted empty cells (1,200,000): nothing to read, but each costs
    parsing, so past the bound of cell elements."""
    from openpyxl.utils.cell import get_column_letter

    letters = [get_column_letter(c) for c in range(1, columns + 1)]

    def chunks() -> Iterator[bytes]:
        yield _SHEET_HEAD
        for start in range(2, rows + 2, 5_000):
            yield "".join(
                f'<row r="{r}">' + "".join(f'<c r="{x}{r}" s="0"/>' for x in letters) + "</row>"
                for r in range(start, min(start + 5_000, rows + 2))
            ).encode()
        yield _SHEET_TAIL

    return _streamed_workbook(folder / "many_empty_cells.xlsx", chunks())
