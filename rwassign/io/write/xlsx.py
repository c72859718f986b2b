"""Draw laid-out sheets (:mod:`.grid`) into an ``.xlsx`` file with xlsxwriter.

xlsxwriter streams each sheet's XML once, with one format per distinct style, which is what
makes a 10,000-unit plan quick to write (figures in ``bench/README.md``).

**Text stays text.**  xlsxwriter's generic ``write()`` would make a string that starts with
``=`` a live formula, one that looks like a URL a link and one that looks like a number a
number.  Names, jabatan, desa, file names and document details come from people's
spreadsheets and the command line, and any of them can start with ``=``
(``=HYPERLINK("http://x","Gandung")`` shows a plausible desa linked elsewhere; a DDE formula
runs a program).  So the workbook is made with those conversions switched off and every value
goes in with the write of its own type: a string cell is shown, never evaluated.  A carriage
return is stored as the line feed every reader of the file's XML would turn it into anyway.

**The same plan gives the same bytes.**  The document's created date is fixed
(:data:`DOCUMENT_DATE`) and every zip member is stamped with a constant time (:mod:`.quick`),
so the file depends only on what it shows: two runs of the same input and settings can be
compared by hash.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import IO, Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from rwassign.io.write import quick
from rwassign.io.write.grid import FONT_NAME, Book, Rich, Sheet, Style
from rwassign.io.write.printing import MARGINS, SMALL_SIZE

__all__ = ["DOCUMENT_DATE", "WORKBOOK_OPTIONS", "render"]

#: Every value is written by its type: no string ever becomes a formula, link or number.
WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "in_memory": True,  # no temporary files outside the atomic writer's own
}
#: The created (and modified) date of every plan: a constant, so the file's bytes follow from its
#: content alone (the year of Perpol 1/2021; any constant would do).
DOCUMENT_DATE = dt.datetime(2021, 1, 1)
_A4 = 9
_PX_PER_CHAR = 7  # the unit of a column width (printing.py), in pixels at 96 dpi
_PT_PER_PX = 0.75
_LINE_PT = 12.75  # one line of Arial 10: the height of the empty rows below a sheet's last
#: Texts no longer than this are below xlsxwriter's limit whatever their UTF-16 length (it
#: cuts a text at 32,767 UTF-16 units, and checks only texts over half of that).
_SHORT_TEXT = 32_767 // 2


def render(book: Book, handle: IO[bytes]) -> None:
    """Write ``book`` as an ``.xlsx`` file into ``handle``: its sheets in order, then its
    extra sheets, each drawn by its caller's function on the open workbook."""
    workbook = quick.QuickBook(handle, WORKBOOK_OPTIONS)
    workbook.set_properties({"author": "rwassign", "created": DOCUMENT_DATE})
    formats = _Formats(workbook)
    for sheet in book.sheets:
        _sheet(workbook.add_worksheet(sheet.name, worksheet_class=quick.QuickRows), sheet, formats)
    for draw in book.extra_sheets:
        draw(workbook)
    try:
        workbook.close()
    finally:
        _release(workbook)


def _release(workbook: Workbook) -> None:
    """Break the reference cycle that holds every cell of a written workbook: each xlsxwriter
    worksheet keeps its workbook's ``add_format``, and the workbook its worksheets.  Broken,
    the cells (100,000 objects on a 5,000-unit plan) are freed as the workbook is dropped,
    not by a later walk of the garbage collector (:mod:`rwassign.collector`)."""
    for worksheet in workbook.worksheets():
        if hasattr(worksheet, "workbook_add_format"):
            worksheet.workbook_add_format = None


class _Formats:
    """One xlsxwriter format per distinct :class:`~.grid.Style`, made on first use."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._made: dict[Style, Format] = {}
        #: By the style object itself: most cells share their column's style, and hashing a
        #: style's nine fields for each of 150,000 cells was a tenth of the drawing time.
        self.by_id: dict[int, tuple[Style, Format]] = {}
        self._runs: dict[tuple[float, str | None], Format] = {}

    def __call__(self, style: Style | None) -> Format | None:
        if style is None:
            return None
        known = self.by_id.get(id(style))
        if known is not None:
            return known[1]
        made = self._made.get(style)
        if made is None:
            made = self._made[style] = self._workbook.add_format(_properties(style))
        self.by_id[id(style)] = (style, made)  # the style is kept, so its id stays its own
        return made

    def run(self, size: float, color: str | None) -> Format:
        """The font of a run of rich text."""
        key = (size, color)
        made = self._runs.get(key)
        if made is None:
            props: dict[str, Any] = {"font_name": FONT_NAME, "font_size": size}
            if color:
                props["font_color"] = f"#{color}"
            made = self._runs[key] = self._workbook.add_format(props)
        return made


def _properties(style: Style) -> dict[str, Any]:
    props: dict[str, Any] = {"font_name": FONT_NAME, "font_size": style.size}
    if style.bold:
        props["bold"] = True
    if style.color:
        props["font_color"] = f"#{style.color}"
    if style.fill:
        props["pattern"] = 1
        props["fg_color"] = f"#{style.fill}"
    if style.horizontal:
        props["align"] = style.horizontal
    if style.vertical:
        props["valign"] = "vcenter" if style.vertical == "center" else style.vertical
    if style.wrap:
        props["text_wrap"] = True
    if style.indent:
        props["indent"] = style.indent
    if style.number_format != "General":
        props["num_format"] = style.number_format
    return props


def _sheet(ws: Worksheet, sheet: Sheet, formats: _Formats) -> None:
    if sheet.heights:  # a default no row has, so every row's height is written (printing.py)
        ws.set_default_row(_LINE_PT)
    for column, chars in enumerate(sheet.widths):  # in pixels, unrounded: the width as laid out
        ws.set_column_pixels(column, column, chars * _PX_PER_CHAR)
    merged = {(row, first): (last_row, last) for row, first, last_row, last in sheet.merges}
    direct_ok = quick.QUICK and not ws.constant_memory
    # Text and numbers, most cells, go straight into the worksheet's table with the checked
    # xlsxwriter, as its ``_write_string`` and ``_write_number`` put them (the row's extent
    # recorded once per row, for a row inside the sheet's limits); anything else by
    # ``_write``, each value by its type.
    table, shared, by_id = ws.table, ws.str_table, formats.by_id
    for number, cells in enumerate(sheet.rows, start=1):
        row = number - 1
        height = sheet.heights.get(number)
        if height is not None:  # in pixels, unrounded (``set_row`` rounds to whole pixels)
            ws.set_row_pixels(row, height / _PT_PER_PX)
        direct = direct_ok and row < ws.xls_rowmax and len(cells) <= ws.xls_colmax
        placed: dict[int, Any] | None = None
        first = last = 0
        for column, cell in enumerate(cells):
            known = by_id.get(id(cell.style))  # ``formats(cell.style)``, most cells inline
            fmt = known[1] if known is not None else formats(cell.style)
            if merged:
                end = merged.get((number, column + 1))
                if end is not None:
                    ws.merge_range(row, column, end[0] - 1, end[1] - 1, None, fmt)
            value = cell.value
            kind = value.__class__
            if not direct:
                _write(ws, row, column, value, fmt, formats)
                continue
            if kind is str and value and len(value) <= _SHORT_TEXT and "\r" not in value:
                item: Any = quick.STRING(shared._get_shared_string_index(value), fmt)
            elif (kind is int or kind is float) and math.isfinite(value):
                item = quick.NUMBER(value, fmt)  # as ``_write_number`` stores a finite number
            else:
                _write(ws, row, column, value, fmt, formats)
                continue
            if placed is None:
                placed, first = table[row], column
            placed[column] = item
            last = column
        if placed is not None:
            ws._check_dimensions(row, first)
            ws._check_dimensions(row, last)
    if sheet.frozen_rows:
        ws.freeze_panes(sheet.frozen_rows, 0)
    if sheet.autofilter:
        last_row, last_column = sheet.autofilter
        ws.autofilter(0, 0, last_row - 1, last_column - 1)
    if sheet.page is not None:
        _page(ws, sheet)
    if sheet.very_hidden:
        ws.very_hidden()


def _write(
    ws: Worksheet, row: int, column: int, value: Any, fmt: Format | None, formats: _Formats
) -> None:
    """``value`` by its type: text is always a string cell (module docstring); an empty text
    is an empty cell, as a spreadsheet program stores it."""
    if value is None or value == "":
        if fmt is not None:
            ws.write_blank(row, column, None, fmt)
    elif isinstance(value, str):
        ws.write_string(row, column, value.replace("\r\n", "\n").replace("\r", "\n"), fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, column, value, fmt)
    elif isinstance(value, int | float) and math.isfinite(value):
        ws.write_number(row, column, value, fmt)
    elif isinstance(value, Rich):
        parts: list[Any] = []
        for run in value.runs:
            parts += [formats.run(run.size, run.color), run.text]
        ws.write_rich_string(row, column, *parts, *([fmt] if fmt is not None else []))
    else:
        ws.write_string(row, column, str(value), fmt)


def _page(ws: Worksheet, sheet: Sheet) -> None:
    """A4, one page wide, margins, repeated title rows, print area, footer, page breaks."""
    page = sheet.page
    assert page is not None
    ws.set_paper(_A4)
    if page.landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(MARGINS["left"], MARGINS["right"], MARGINS["top"], MARGINS["bottom"])
    ws.set_header("", {"margin": MARGINS["header"]})
    small = f'&"{FONT_NAME},Regular"&{SMALL_SIZE} '
    ws.set_footer(f"&L{small}&A&R{small}{page.footer}", {"margin": MARGINS["footer"]})
    if page.title_rows:
        ws.repeat_rows(0, page.title_rows - 1)
    if page.last_column:
        last = xl_col_to_name(page.last_column - 1)
        ws.print_area(f"A1:{last}{max(sheet.max_row, 1)}")
    if sheet.page_breaks:
        ws.set_h_pagebreaks([row - 1 for row in sheet.page_breaks])
