"""The Sprin lampiran as a printable XLSX: same content as the PDF, editable by no one unnoticed.

One visible sheet ``Lampiran`` laid out for printing (A4 landscape, print area, the table
header repeated on every page, fit to page width, page numbers and the fingerprint in the
footer, the QR code beside the signature block) and one *very hidden* sheet ``_lampiran``
holding the canonical content, its fingerprint and the signature record.  The visible sheet
is built by one function from a ``Document``; ``rwassign verify`` builds it again from the
embedded content and compares every cell, so any changed cell is found and named.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from rwassign.export import layout
from rwassign.export.document import Document
from rwassign.export.layout import COLUMNS, HEADERS, Part
from rwassign.export.output import FORCED_BANNER, qr_payload, qr_png, write_atomically

SHEET = "Lampiran"
DATA_SHEET = "_lampiran"
PROPERTY = "rwassign_fingerprint"
CHUNK = 30_000
LAST_COL = get_column_letter(len(HEADERS))

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_RULE = Border(bottom=Side(style="medium"))
_FILL_HEAD = PatternFill("solid", fgColor="DDEBF7")
_FILL_BAND = PatternFill("solid", fgColor="EFEFEF")
_RED = "C00000"
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass
class Layout:
    """Where things went: the table header row, sheet row -> printed NO, the last row."""

    header_row: int = 0
    last_row: int = 0
    row_no: dict[int, int] = field(default_factory=dict)


def build_sheet(ws: Worksheet, doc: Document, signature: dict[str, Any] | None = None) -> Layout:
    """Fill ``ws`` with the lampiran of ``doc`` (values, merges, styles, print settings), part
    by part in the order of ``layout.LAMPIRAN``."""
    lay = Layout()
    for col, column in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = column.xlsx_width
    row = 0
    top = 0
    for part in layout.LAMPIRAN:
        if part is Part.TABLE:
            row = _table(ws, doc, row + 1, lay)
            continue
        lines = layout.printed(layout.lines_of(part, doc))
        if part is Part.KOP:  # top left, closed by a rule
            for i, line in enumerate(lines, start=1):
                ws.merge_cells(f"A{i}:C{i}")
                ws.cell(i, 1, line).alignment = Alignment(horizontal="center")
            for col in range(1, 4):
                ws.cell(3, col).border = _RULE
        elif part is Part.ATTACHMENT:  # top right, closed by a rule
            for i, line in enumerate(lines, start=1):
                ws.merge_cells(f"F{i}:{LAST_COL}{i}")
                ws.cell(i, 6, line)
            for col in range(6, len(HEADERS) + 1):
                ws.cell(3, col).border = _RULE
        elif part is Part.TITLE:
            ws.merge_cells(f"A5:{LAST_COL}5")
            title = ws.cell(5, 1, lines[0])
            title.font = Font(bold=True, size=12)
            title.alignment = Alignment(horizontal="center")
            row = 6
        elif part is Part.BREACHES:
            for line in lines:
                ws.merge_cells(f"A{row}:{LAST_COL}{row}")
                ws.cell(row, 1, line).font = Font(bold=True, color=_RED)
                row += 1
        elif part is Part.SIGNATURE:
            top = row + 2
            row = _signature(ws, lines, top)
    lay.last_row = row - 1
    ws.cell(top, 1, layout.QR_CAPTION).font = Font(size=8, color="606060")
    image = Image(io.BytesIO(qr_png(qr_payload(doc.fingerprint), scale=3)))
    ws.add_image(image, f"A{top + 1}")
    caption = layout.fingerprint_caption(doc.fingerprint)
    ws.cell(lay.last_row, 1, caption).font = Font(size=7, color="606060")
    _print_setup(ws, doc, lay, signature)
    return lay


def _table(ws: Worksheet, doc: Document, row: int, lay: Layout) -> int:
    """The header row, then each Polsek's band and rows; returns the last row written."""
    lay.header_row = row
    for col, name in enumerate(HEADERS, start=1):
        cell = ws.cell(row, col, name)
        cell.font = Font(bold=True)
        cell.fill = _FILL_HEAD
        cell.border = _BOX
        cell.alignment = _CENTER
    polsek = None
    for r in doc.rows:
        if r.polsek != polsek:
            polsek = r.polsek
            row += 1
            ws.merge_cells(f"A{row}:{LAST_COL}{row}")
            band = ws.cell(row, 1, layout.band_text(polsek))
            band.font = Font(bold=True)
            band.fill = _FILL_BAND
            for col in range(1, len(HEADERS) + 1):
                ws.cell(row, col).border = _BOX
        row += 1
        lay.row_no[row] = r.no
        font = Font(color=_RED) if r.flagged else None
        for col, value in enumerate(layout.row_values(r), start=1):
            cell = ws.cell(row, col, value)
            cell.border = _BOX
            cell.alignment = _WRAP
            if col > 1:
                cell.number_format = "@"
            if font is not None:
                cell.font = font
    return row


def _signature(ws: Worksheet, lines: list[str], row: int) -> int:
    """Place and date (ruled below), the position lines, three rows to sign, the underlined
    name and the rank line, right of the table; returns the row after the block."""
    sign_col = 6
    *block, name, rank = lines
    for i, line in enumerate(block):
        ws.merge_cells(start_row=row, start_column=sign_col, end_row=row, end_column=len(HEADERS))
        cell = ws.cell(row, sign_col, line)
        cell.alignment = Alignment(horizontal="left" if i < 2 else "center")
        if i == 1:
            for col in range(sign_col, len(HEADERS) + 1):
                ws.cell(row, col).border = Border(bottom=_THIN)
        row += 1
    row += 3
    for i, line in enumerate((name, rank)):
        ws.merge_cells(start_row=row, start_column=sign_col, end_row=row, end_column=len(HEADERS))
        cell = ws.cell(row, sign_col, line)
        cell.alignment = Alignment(horizontal="center")
        if i == 0:
            cell.font = Font(bold=True, underline="single")
        row += 1
    return row


def _print_setup(
    ws: Worksheet, doc: Document, lay: Layout, signature: dict[str, Any] | None
) -> None:
    ws.print_area = f"A1:{LAST_COL}{lay.last_row}"
    ws.print_title_rows = f"{lay.header_row}:{lay.header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.8
    note = layout.xlsx_footer_note(doc.fingerprint, signature)
    footer, header = ws.oddFooter, ws.oddHeader
    assert footer is not None and header is not None
    footer.left.text = note
    footer.left.size = 7
    footer.right.text = layout.page_label("&P", "&N")
    footer.right.size = 8
    if doc.breaches:
        header.center.text = FORCED_BANNER
        header.center.color = _RED


def build_workbook(doc: Document, signature: dict[str, Any] | None = None) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    build_sheet(ws, doc, signature)
    data = wb.create_sheet(DATA_SHEET)
    text = doc.canonical_json()
    values = [doc.canonical()["format"], doc.fingerprint, _signature_text(signature)]
    values += [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]
    for r, value in enumerate(values, start=1):
        cell = data.cell(r, 1)
        cell.value = value
        cell.data_type = "s"  # never a formula, whatever the text starts with
    data.sheet_state = "veryHidden"
    props = wb.custom_doc_props  # type: ignore[attr-defined]
    props.append(StringProperty(name=PROPERTY, value=doc.fingerprint))
    wb.properties.creator = "rwassign"
    wb.properties.title = doc.title
    wb.properties.subject = f"SHA-256 {doc.fingerprint}"
    return wb


def _signature_text(signature: dict[str, Any] | None) -> str:
    return json.dumps(signature, sort_keys=True) if signature else ""


def render_xlsx(doc: Document, signature: dict[str, Any] | None = None) -> bytes:
    buf = io.BytesIO()
    build_workbook(doc, signature).save(buf)
    return buf.getvalue()


def write_xlsx(doc: Document, path: Path, signature: dict[str, Any] | None = None) -> None:
    write_atomically(path, render_xlsx(doc, signature))
