"""The Sprin lampiran as a printable XLSX: same content as the PDF, editable by no one unnoticed.

One visible sheet ``Lampiran`` laid out for printing (A4 landscape, print area, the table
header repeated on every page, fit to page width, page numbers and the fingerprint in the
footer, the QR code beside the signature block) and one *very hidden* sheet ``_lampiran``
holding the canonical content, its fingerprint and the signature record.  The visible sheet
is built by one function from a ``Document``; ``rwassign verify`` builds it again from the
embedded content and compares every cell, so any changed cell is found and named.

It must print the same in every program an office uses, and programs differ in how they
measure text: LibreOffice keeps the row height a file stores and lets wrapped text run into
the next row, a font without a name becomes the program's own fallback.  So nothing is left
to the program: every cell names its font (Arial, which Excel has and LibreOffice replaces by
the metric-identical Liberation Sans), every row stores a height computed from its text, the
column widths and Arial's widths (reportlab's Helvetica metrics, the same numbers) with room
to spare, and the page breaks are set here from those heights, each page filled to
:data:`_FILL` of its height, so no program breaks a page elsewhere: a Polsek's band stays with
its first row, the signature block (with the QR code) with the last two rows.  No row is taller
than Excel's 409 pt: a longer text is cut with ``layout.CUT_MARK``, and a table cell already
where its row would not fit on the first page (``table_cell_lines``), as the PDF cuts its rows.

Long because it is one renderer (about 490 lines) whose parts share the row heights and the
page geometry the page breaks are computed from; what it prints lives in ``layout``.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.drawing.image import Image
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics

from rwassign.export import layout
from rwassign.export.document import Document
from rwassign.export.layout import COLUMNS, HEADERS, Part
from rwassign.export.output import FORCED_BANNER, qr_matrix, qr_payload, qr_png, write_atomically
from rwassign.io.write.cells import put

SHEET = "Lampiran"
DATA_SHEET = "_lampiran"
PROPERTY = "rwassign_fingerprint"
CHUNK = 30_000
LAST_COL = get_column_letter(len(HEADERS))

#: The one font family of the workbook, named in every cell, the default style and the footer.
FONT_NAME = "Arial"
#: Font sizes (points): the table, the lines above and below it, the title, the small print.
SIZE, TEXT_SIZE, TITLE_SIZE, SMALL = 9.0, 10.0, 12.0, 7.0
#: Page margins (inches): 0.5 in is 12.7 mm; the header stands 13 mm from the edge (the value
#: LibreOffice writes back whatever it was given, so a re-save keeps it), the footer 11.4 mm.
MARGINS = {
    "left": 0.5,
    "right": 0.5,
    "top": 0.7,
    "bottom": 0.8,
    "header": 13 / 25.4,
    "footer": 0.45,
}

_METRICS = {False: "Helvetica", True: "Helvetica-Bold"}  # Arial's widths, as reportlab has them
_SLACK = 1.04  # text is measured this much wider than Arial sets it: another program may
_POINTS_PER_WIDTH = 5.25  # one unit of column width: 7 px (an Arial 10 digit) at 96 dpi
_CELL_PAD = 5.0  # points of a column no text is set in (the cell's own padding, both sides)
_LINE = 1.25  # line height / font size, as Excel and LibreOffice space wrapped lines
_ROW_PAD = 3.0
_BLANK = 12.0  # an empty row
_QR_SCALE, _QR_BORDER = 3, 2  # pixels per module, modules of quiet zone in the picture
_FILL = 0.96  # the share of a page's height the page breaks fill, room for other metrics
MAX_ROW_HEIGHT = 409.0  # Excel's limit (points)

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_RULE = Border(bottom=Side(style="medium"))
_FILL_HEAD = PatternFill("solid", fgColor="DDEBF7")
_FILL_BAND = PatternFill("solid", fgColor="EFEFEF")
_RED = "C00000"
_GREY = "606060"
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
_LEFT_TOP = Alignment(horizontal="left", vertical="top", wrap_text=True)


def font(
    size: float = SIZE, *, bold: bool = False, underline: bool = False, color: str | None = None
) -> Font:
    """A font of the workbook's one family: never a font without a name, which a program
    replaces by its own fallback (LibreOffice: a serif)."""
    if underline:
        return Font(name=FONT_NAME, size=size, bold=bold, underline="single", color=color)
    return Font(name=FONT_NAME, size=size, bold=bold, color=color)


def text_lines(text: str, width: float, size: float = SIZE, bold: bool = False) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` points wide: broken at spaces
    as Excel and LibreOffice break it, a word wider than the cell broken inside."""
    metric = _METRICS[bold]
    lines = 0
    for paragraph in text.split("\n"):
        line = 0.0
        count = 1
        for word in paragraph.split(" "):
            w = pdfmetrics.stringWidth(word, metric, size) * _SLACK
            gap = pdfmetrics.stringWidth(" ", metric, size) * _SLACK if line else 0.0
            if line and line + gap + w > width:
                count += 1
                line = 0.0
                gap = 0.0
            if w > width:  # cut inside the word: all but the last piece fill a line
                count += math.ceil(w / width) - 1
                w = w - (math.ceil(w / width) - 1) * width
            line += gap + w
        lines += count
    return lines


def row_height(lines: int, size: float = SIZE) -> float:
    """The height (points) a row needs to show ``lines`` lines of text of ``size``."""
    return round(lines * size * _LINE + _ROW_PAD, 2)


def most_lines(size: float = SIZE) -> int:
    """The most lines of ``size`` a row shows: Excel's 409 pt at most."""
    return int((MAX_ROW_HEIGHT - _ROW_PAD) // (size * _LINE))


def table_cell_lines() -> int:
    """The most lines a table cell shows: 409 pt, and its row fits on the first page under
    the head (kop and lampiran header of one line each, the title, the table header and a
    Polsek band), as the PDF's rows do."""
    head = 3 * row_height(1, TEXT_SIZE) + 2 * _BLANK + row_height(1, TITLE_SIZE)
    room = _page_height() - head - 2 * row_height(1, SIZE)
    return min(most_lines(SIZE), int((room - _ROW_PAD) // (SIZE * _LINE)))


def fit_cell(text: str, col: int, last: int | None = None, most: int | None = None) -> str:
    """``text`` as a cell of columns ``col``..``last`` prints it: cut with ``layout.CUT_MARK``
    where it would take more than ``most`` lines (409 pt of table text by default)."""
    width = span_width(col, last or col)
    most = most if most is not None else most_lines(SIZE)
    return layout.cut_to_fit(text, lambda t: text_lines(t, width), most)


def cut_cells(doc: Document) -> list[tuple[int, str]]:
    """(row ``NO``, column) of every table cell the XLSX prints cut (``layout``)."""
    most = table_cell_lines()
    return [
        (r.no, column.header)
        for r in doc.rows
        for col, (column, value) in enumerate(
            zip(COLUMNS, layout.row_values(r), strict=True), start=1
        )
        if isinstance(value, str) and fit_cell(value, col, most=most) != value
    ]


def span_width(first: int, last: int) -> float:
    """The points of columns ``first``..``last`` (1-based) a cell's text can use."""
    units = sum(c.xlsx_width for c in COLUMNS[first - 1 : last])
    return units * _POINTS_PER_WIDTH - _CELL_PAD


@dataclass
class Layout:
    """Where things went: the table header row, sheet row -> printed NO, the last row, the
    rows each page break follows."""

    header_row: int = 0
    last_row: int = 0
    row_no: dict[int, int] = field(default_factory=dict)
    breaks: list[int] = field(default_factory=list)

    def pages(self) -> list[tuple[int, ...]]:
        """The ``NO`` of the table rows on each printed page."""
        ends = [*self.breaks, self.last_row]
        out: list[tuple[int, ...]] = []
        start = 1
        for end in ends:
            out.append(tuple(no for r, no in sorted(self.row_no.items()) if start <= r <= end))
            start = end + 1
        return out


class _Writer:
    """Writes cells with their look and keeps the height each row needs."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.heights: dict[int, float] = {}

    def put(
        self,
        row: int,
        col: int,
        value: Any,
        look: Font,
        align: Alignment = _LEFT_TOP,
        last: int | None = None,
        most: int | None = None,
    ) -> Cell:
        """``value`` in ``row``/``col`` (merged through column ``last``), wrapped in its
        width; the row grows to show every line, up to ``most`` lines (409 pt by default):
        a longer text is cut (``layout.cut_to_fit``)."""
        last = last or col
        if last > col:
            self.ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=last)
        size = float(look.sz or SIZE)
        width = span_width(col, last)
        bold = bool(look.b)
        lines = text_lines(str(value), width, size, bold)
        most = most if most is not None else most_lines(size)
        if isinstance(value, str) and lines > most:  # never taller than Excel's 409 pt
            value = layout.cut_to_fit(value, lambda t: text_lines(t, width, size, bold), most)
            lines = text_lines(value, width, size, bold)
        cell = put(self.ws, row, col, value)  # text from data is never a formula
        cell.font = look
        cell.alignment = align
        self.need(row, row_height(lines, size))
        return cell

    def need(self, row: int, height: float) -> None:
        self.heights[row] = max(self.heights.get(row, 0.0), height)

    def height(self, row: int) -> float:
        return self.heights.get(row, _BLANK)


def build_sheet(ws: Worksheet, doc: Document, signature: dict[str, Any] | None = None) -> Layout:
    """Fill ``ws`` with the lampiran of ``doc`` (values, merges, styles, row heights, page
    breaks, print settings), part by part in the order of ``layout.LAMPIRAN``."""
    _arial_by_default(ws)
    lay = Layout()
    out = _Writer(ws)
    for col, column in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = column.xlsx_width
    row = 0
    top = 0
    ncol = len(HEADERS)
    for part in layout.LAMPIRAN:
        if part is Part.TABLE:
            row = _table(out, doc, row + 1, lay)
            continue
        lines = layout.printed(layout.lines_of(part, doc))
        if part is Part.KOP:  # top left, closed by a rule
            for i, line in enumerate(lines, start=1):
                out.put(i, 1, line, font(TEXT_SIZE), _CENTER_TOP, last=3)
            for col in range(1, 4):
                ws.cell(3, col).border = _RULE
        elif part is Part.ATTACHMENT:  # top right, closed by a rule
            for i, line in enumerate(lines, start=1):
                out.put(i, 6, line, font(TEXT_SIZE), last=ncol)
            for col in range(6, ncol + 1):
                ws.cell(3, col).border = _RULE
        elif part is Part.TITLE:
            out.put(5, 1, lines[0], font(TITLE_SIZE, bold=True), _CENTER_TOP, last=ncol)
            row = 6
        elif part is Part.BREACHES:
            for line in lines:
                out.put(row, 1, line, font(SIZE, bold=True, color=_RED), last=ncol)
                row += 1
        elif part is Part.SIGNATURE:
            top = row + 2
            row = _signature(out, lines, top)
    row = _qr(out, doc, top, row)
    lay.last_row = row - 1
    _name_every_font(ws, lay.last_row)
    for r in range(1, lay.last_row + 1):
        ws.row_dimensions[r].height = out.height(r)
    lay.breaks = _page_breaks(out, lay, top)
    for r in lay.breaks:
        ws.row_breaks.append(Break(id=r))
    _print_setup(ws, doc, lay, signature)
    return lay


def _table(out: _Writer, doc: Document, row: int, lay: Layout) -> int:
    """The header row, then each Polsek's band and rows; returns the last row written."""
    lay.header_row = row
    for col, name in enumerate(HEADERS, start=1):
        cell = out.put(row, col, name, font(SIZE, bold=True), _CENTER)
        cell.fill = _FILL_HEAD
        cell.border = _BOX
    polsek = None
    ncol = len(HEADERS)
    most = table_cell_lines()
    for r in doc.rows:
        if r.polsek != polsek:
            polsek = r.polsek
            row += 1
            band = out.put(row, 1, layout.band_text(polsek), font(SIZE, bold=True), last=ncol)
            band.fill = _FILL_BAND
            for col in range(1, ncol + 1):
                out.ws.cell(row, col).border = _BOX
        row += 1
        lay.row_no[row] = r.no
        look = font(SIZE, color=_RED if r.flagged else None)
        for col, value in enumerate(layout.row_values(r), start=1):
            align = _CENTER_TOP if col == 1 else _WRAP
            cell = out.put(row, col, value, look, align, most=most)
            cell.border = _BOX
            if col > 1:
                cell.number_format = "@"
    return row


def _signature(out: _Writer, lines: list[str], row: int) -> int:
    """Place and date (ruled below), the position lines, three rows to sign, the underlined
    name and the rank line, right of the table; returns the row after the block."""
    sign_col, ncol = 6, len(HEADERS)
    *block, name, rank = lines
    for i, line in enumerate(block):
        align = _LEFT_TOP if i < 2 else _CENTER_TOP
        out.put(row, sign_col, line, font(TEXT_SIZE), align, last=ncol)
        if i == 1:
            for col in range(sign_col, ncol + 1):
                out.ws.cell(row, col).border = Border(bottom=_THIN)
        row += 1
    row += 3
    out.put(row, sign_col, name, font(TEXT_SIZE, bold=True, underline=True), _CENTER_TOP,
            last=ncol)  # fmt: skip
    out.put(row + 1, sign_col, rank, font(TEXT_SIZE), _CENTER_TOP, last=ncol)
    return row + 2


def _qr(out: _Writer, doc: Document, top: int, end: int) -> int:
    """The QR code once, left of the signature block: its caption in row ``top``, the picture
    below it over rows with nothing in its columns, the fingerprint in full under the
    picture.  Returns the row after the lowest of the block and the fingerprint."""
    caption_end = 5  # columns A..E: left of the signature block, wide enough for the digest
    out.put(top, 1, layout.QR_CAPTION, font(SMALL, color=_GREY), last=caption_end)
    modules = len(qr_matrix(qr_payload(doc.fingerprint))) + 2 * _QR_BORDER
    picture = Image(io.BytesIO(qr_png(qr_payload(doc.fingerprint), _QR_SCALE, _QR_BORDER)))
    out.ws.add_image(picture, f"A{top + 1}")
    tall = modules * _QR_SCALE * 72 / 96 + 2  # points, and a little air under the picture
    row, covered = top + 1, 0.0
    while covered < tall:
        covered += out.height(row)
        row += 1
    caption = layout.fingerprint_caption(doc.fingerprint)
    out.put(row, 1, caption, font(SMALL, color=_GREY), last=caption_end)
    return max(end, row + 1)


def _page_breaks(out: _Writer, lay: Layout, signature_top: int) -> list[int]:
    """The rows after which a page ends: as many rows as fit in :data:`_FILL` of the page at
    the scale fit-to-width prints with, the header row repeated on the pages after the first.
    Kept together: the head of the first page with the table header and its first row, a
    band with the row under it, the last two rows with the signature block."""
    page = _page_height()
    table = sorted(lay.row_no)
    tail = table[-2] if len(table) >= 2 else lay.header_row + 1
    while tail - 1 > lay.header_row and tail - 1 not in lay.row_no:
        tail -= 1  # a band above the last rows goes with them
    groups: list[tuple[int, int]] = [(1, lay.header_row + 1)]
    row = lay.header_row + 2
    while row <= lay.last_row:
        if row >= tail:
            end = lay.last_row
        elif row not in lay.row_no:  # a band: with the row under it
            end = row + 1
        else:
            end = row
        groups.append((row, end))
        row = end + 1
    breaks: list[int] = []
    used = 0.0
    repeated = out.height(lay.header_row)
    for first, last in groups:
        h = sum(out.height(r) for r in range(first, last + 1))
        if used and used + h > page:
            breaks.append(first - 1)
            used = repeated
        used += h
    return breaks


def _page_height() -> float:
    """The points of rows a landscape page holds at the scale fit-to-width prints with,
    :data:`_FILL` of it."""
    paper_h, paper_w = A4[0], A4[1]  # landscape
    width = paper_w - 72 * (MARGINS["left"] + MARGINS["right"])
    sheet = sum(c.xlsx_width for c in COLUMNS) * _POINTS_PER_WIDTH
    scale = min(1.0, width / sheet)
    return (paper_h - 72 * (MARGINS["top"] + MARGINS["bottom"])) / scale * _FILL


def _arial_by_default(ws: Worksheet) -> None:
    """Make Arial 10 the workbook's default font (Excel's and LibreOffice's "Normal" style,
    the unit of every column width), in place of openpyxl's Calibri: openpyxl has no public
    way to, so its list of fonts gets a new first entry, the others keep their places."""
    wb: Any = ws.parent
    default = Font(name=FONT_NAME, sz=10, family=2)
    if wb._fonts[0] != default:
        wb._fonts = IndexedList([default, *list(wb._fonts)[1:]])


def _name_every_font(ws: Worksheet, last_row: int) -> None:
    """Every cell of the printed range names its font, the empty ones too (a program shows
    what is typed there later in the font of the cell)."""
    for cells in ws.iter_rows(min_row=1, max_row=last_row, max_col=len(HEADERS)):
        for cell in cells:
            if cell.font is None or cell.font.name != FONT_NAME:
                cell.font = font()


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
    for side, inches in MARGINS.items():
        setattr(ws.page_margins, side, inches)
    note = layout.xlsx_footer_note(doc.fingerprint, signature)
    footer, header = ws.oddFooter, ws.oddHeader
    assert footer is not None and header is not None
    footer.left.text = note
    footer.left.size = 7
    footer.left.font = f"{FONT_NAME},Regular"
    footer.right.text = layout.page_label("&P", "&N")
    footer.right.size = 8
    footer.right.font = f"{FONT_NAME},Regular"
    if doc.breaches:
        header.center.text = FORCED_BANNER
        header.center.color = _RED
        header.center.font = f"{FONT_NAME},Bold"


def page_rows(doc: Document) -> list[tuple[int, ...]]:
    """The ``NO`` of the table rows on each page of the XLSX as it prints (its page breaks
    are set by :func:`build_sheet`), so a test can hold a rendering to the plan."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    return build_sheet(ws, doc).pages()


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
        put(data, r, 1, value)  # never a formula, whatever the text starts with
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
