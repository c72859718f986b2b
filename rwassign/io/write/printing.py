"""How a written workbook looks on paper: one named font, A4 page setup, widths and row heights.

Offices print these sheets, in Excel and in LibreOffice, so the layout is decided here rather
than left to each program:

- **One font family, always named.** A font without a name is drawn in each program's own
  fallback (LibreOffice picks a serif).  Arial is in every Excel, and LibreOffice draws it with
  Liberation Sans, whose glyphs have the same widths; both share Helvetica's metrics, which
  ReportLab carries, so text is measured here with the widths the printer will use.
- **Row heights are written, never left to the program.**  LibreOffice does not grow a row for
  wrapped text whose file gives no height, and Excel only does when it recalculates, so a
  wrapped reason would print as one clipped line.  Every row gets the height of its tallest
  cell, from the text wrapped at the column width, with a margin for the small differences in
  how the two programs break lines.
- **Pages**: A4, fitted to one page wide and as many tall as needed, header row repeated,
  "Halaman 1 dari 3" in the footer.

Column widths are in Excel's unit, the width of a digit of the default font (7 pixels at 96 dpi
for Calibri 11 and for Arial 10 alike), so ``chars * 7 * 0.75`` points, less the cell's margins.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Color, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.pdfbase.pdfmetrics import stringWidth

from rwassign import i18n

FONT_NAME = "Arial"
FONT_SIZE = 10
SMALL_SIZE = 8
HEADER_SIZE = 9  # bold capitals are wide: headers a point smaller keep columns narrow
GREY = "808080"

_PT_PER_CHAR = 7 * 0.75  # a column width unit: one digit of the default font, 7 px at 96 dpi
_CELL_MARGIN_PT = 3.0  # left and right text margins of a cell, with rounding
_SAFETY = 0.95  # Excel and LibreOffice break lines a little differently: wrap early
_LINE_FACTOR = 1.275  # line height / font size: Excel gives Arial 10 a 12.75 pt line
_ROW_PADDING_PT = 2.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit, in points

#: Margins in inches (openpyxl's unit): 1.3 cm at the sides, room for the footer below.
MARGINS = PageMargins(left=0.5, right=0.5, top=0.7, bottom=0.8, header=0.3, footer=0.35)


def font(*, bold: bool = False, size: float = FONT_SIZE, color: str | None = None) -> Font:
    """A cell font, always named: the one way fonts are made in a written workbook."""
    return Font(name=FONT_NAME, size=size, bold=bold, color=color)


def small_grey(text: str) -> TextBlock:
    """A run of small grey print inside a cell (a setting's TOML key beside its label)."""
    return TextBlock(InlineFont(rFont=FONT_NAME, sz=SMALL_SIZE, color=Color(rgb=GREY)), text)


def rich(label: str, note: str) -> CellRichText:
    """``label`` in the cell's font with ``note`` in small grey print on the line below."""
    return CellRichText([TextBlock(InlineFont(rFont=FONT_NAME, sz=FONT_SIZE), label + "\n"),
                         small_grey(note)])  # fmt: skip


def text_width(text: str, *, bold: bool = False, size: float = FONT_SIZE) -> float:
    """Printed width of ``text`` in points (Helvetica metrics = Arial = Liberation Sans)."""
    return float(stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", size))


def usable_width(chars: float) -> float:
    """Points of text that fit on one line of a column ``chars`` wide."""
    return max(chars * _PT_PER_CHAR - _CELL_MARGIN_PT, 1.0) * _SAFETY


def chars_for(points: float) -> float:
    """The column width (Excel's unit) whose usable line holds ``points`` of text."""
    return round(points / _SAFETY / _PT_PER_CHAR + _CELL_MARGIN_PT / _PT_PER_CHAR + 0.5, 1)


def shown(value: Any, number_format: str = "General") -> str:
    """A cell value as printed: floats with the cell's decimals, everything else as text."""
    if isinstance(value, float):
        decimals = number_format.split(".")[1].count("0") if "." in number_format else 2
        return f"{value:.{decimals}f}"
    return "" if value is None else str(value)


def wrap_lines(text: str, width: float, *, bold: bool = False, size: float = FONT_SIZE) -> int:
    """Lines ``text`` takes when wrapped at ``width`` points: greedy at spaces, as both programs
    do, with a word wider than the line broken wherever it reaches the edge."""
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        space = text_width(" ", bold=bold, size=size)
        for word in paragraph.split(" "):
            w = text_width(word, bold=bold, size=size)
            if used and used + space + w <= width:
                used += space + w
                continue
            if used:
                lines += 1
            extra = math.ceil(w / width) - 1 if w > width else 0
            lines += extra
            used = w - extra * width
    return lines


def line_height(size: float = FONT_SIZE) -> float:
    return size * _LINE_FACTOR


def cell_height(value: Any, width: float, *, bold: bool, size: float, number_format: str) -> float:
    """Points a cell's text needs when wrapped at ``width``; rich text line by line."""
    if isinstance(value, CellRichText):
        total = 0.0
        for block in value:
            text = block.text if isinstance(block, TextBlock) else str(block)
            sz = float(block.font.sz or size) if isinstance(block, TextBlock) else size
            for paragraph in text.rstrip("\n").split("\n"):
                total += wrap_lines(paragraph, width, size=sz) * line_height(sz)
        return total
    return wrap_lines(shown(value, number_format), width, bold=bold, size=size) * line_height(size)


def set_row_heights(ws: Worksheet, first_row: int = 1) -> None:
    """Give every row from ``first_row`` the height of its tallest cell (module docstring).

    A merged range is measured at the width of all its columns, on its first row."""
    span: dict[tuple[int, int], float] = {}
    for merged in ws.merged_cells.ranges:
        chars = sum(column_width(ws, c) for c in range(merged.min_col, merged.max_col + 1))
        span[(merged.min_row, merged.min_col)] = chars
    for row in ws.iter_rows(min_row=first_row):
        tallest = line_height()
        for cell in row:
            if cell.value is None or cell.value == "":
                continue
            chars = span.get((cell.row, cell.column)) or column_width(ws, cell.column)
            size = float(cell.font.sz or FONT_SIZE)
            height = cell_height(
                cell.value,
                usable_width(chars),
                bold=bool(cell.font.b),
                size=size,
                number_format=cell.number_format,
            )
            tallest = max(tallest, height)
        ws.row_dimensions[int(row[0].row or 1)].height = round(
            min(tallest + _ROW_PADDING_PT, MAX_ROW_HEIGHT), 1
        )


def column_width(ws: Worksheet, column: int | None) -> float:
    """The width of ``column`` (1-based) in Excel's unit; Excel's default when none is set."""
    width = ws.column_dimensions[get_column_letter(column or 1)].width
    return float(width) if width else 8.43


def set_widths(ws: Worksheet, widths: Iterable[float]) -> None:
    for i, chars in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = chars


def page_setup(
    ws: Worksheet,
    *,
    landscape: bool,
    lang: str,
    title_rows: str | None = "1:1",
    last_column: int | None = None,
) -> None:
    """A4, fitted to one page wide (any number tall), sane margins, page numbers in the footer.

    ``title_rows`` repeat on every page; ``last_column`` ends the print area (columns kept for
    the program, like unit ids, need no paper)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    ws.page_margins = PageMargins(
        left=MARGINS.left,
        right=MARGINS.right,
        top=MARGINS.top,
        bottom=MARGINS.bottom,
        header=MARGINS.header,
        footer=MARGINS.footer,
    )
    if title_rows:
        ws.print_title_rows = title_rows
    if last_column:
        ws.print_area = f"A1:{get_column_letter(last_column)}{max(ws.max_row, 1)}"
    footer = ws.oddFooter
    assert footer is not None  # a worksheet always has its footer object
    for part, text in ((footer.left, "&A"), (footer.right, _footer(lang))):
        part.text = text
        part.font = f"{FONT_NAME},Regular"
        part.size = SMALL_SIZE


def _footer(lang: str) -> str:
    return i18n.text("print.page_footer", lang=lang)
