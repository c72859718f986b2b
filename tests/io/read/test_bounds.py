"""The pieces of the reading bounds, each alone: the zip directory check, the cell counter on
bytes, UTF-16 detection (the whole-file cases are in ``tests/hostile/test_limits.py``)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

from rwassign.io.read.common import MAX_PART_BYTES, MAX_PARTS, cell_elements, zip_problem
from rwassign.io.read.tables import decode_text, load, utf16_encoding


def _zip(parts: dict[str, bytes]) -> zipfile.ZipFile:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def test_a_part_over_the_bound_is_named_with_its_size() -> None:
    zf = _zip({"xl/workbook.xml": b"<x/>", "xl/sharedStrings.xml": b"A" * (MAX_PART_BYTES + 1)})
    assert zip_problem(zf.infolist()) == (
        "file.part_too_large",
        {"part": "xl/sharedStrings.xml", "size": "64 MB", "limit": "64 MB"},
    )


def test_too_many_parts_and_a_fine_directory() -> None:
    small = _zip({f"p{i}.xml": b"<x/>" for i in range(3)})
    assert zip_problem(small.infolist()) is None
    many = [small.infolist()[0]] * (MAX_PARTS + 1)
    assert zip_problem(many) == (
        "file.too_many_parts",
        {"count": MAX_PARTS + 1, "limit": MAX_PARTS},
    )


def test_cells_are_counted_across_chunks_and_prefixes() -> None:
    # 300,000 cells span several 1 MB chunks; a prefixed <x:c> counts, <col> and <cols> do not
    sheet = b"<cols><col/></cols>" + b'<c r="A1"><v>1</v></c>' * 300_000 + b"<x:c/>"
    zf = _zip({"xl/worksheets/sheet1.xml": sheet, "xl/other.xml": b"<c/>" * 10})
    assert cell_elements(zf) == 300_001


def test_utf16_is_found_with_and_without_its_mark() -> None:
    text = "NO;NAMA\r\n1;ANDI\r\n"
    assert utf16_encoding(text.encode("utf-16")) in ("utf-16-le", "utf-16-be")
    assert utf16_encoding(text.encode("utf-16-le")) == "utf-16-le"
    assert utf16_encoding(text.encode("utf-16-be")) == "utf-16-be"
    assert utf16_encoding(text.encode("utf-8")) is None
    assert decode_text(text.encode("utf-16-be")) == text


def test_a_merge_fills_down_only_over_the_rows_read(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(("KECAMATAN", "DESA"))
    ws.append(("AMEN", "A"))
    ws.append((None, "B"))
    ws.merge_cells("A2:A50000")  # far below the three rows of the table
    path = tmp_path / "merge.xlsx"
    wb.save(path)
    (sheet,) = load(path).sheets
    assert sheet.rows == [["KECAMATAN", "DESA"], ["AMEN", "A"], ["AMEN", "B"]]
