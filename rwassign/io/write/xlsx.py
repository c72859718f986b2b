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
(:data:`DOCUMENT_DATE`) and xlsxwriter stamps its zip members with a constant time, so the file
depends only on what it shows: two runs of the same input and settings can be compared by hash.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import IO, Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

import xlsxwriter
from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import (
    CellBlankTuple,
    CellBooleanTuple,
    CellNumberTuple,
    CellRichStringTuple,
    CellStringTuple,
    Worksheet,
)

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
#: xlsxwriter versions whose worksheet table, cell XML and shared-string XML ``_QuickRows`` and
#: ``_QuickStrings`` were checked against (the tests compare their bytes with xlsxwriter's own).
QUICK_VERSIONS = ("3.3.1",)
_QUICK = xlsxwriter.__version__ in QUICK_VERSIONS
_STRING, _RICH, _NUMBER = CellStringTuple, CellRichStringTuple, CellNumberTuple
_BLANK, _BOOLEAN = CellBlankTuple, CellBooleanTuple
#: The deflate level of every part of a plan (zlib's own default is 6).  Level 1 deflates a
#: 5,000-unit plan three times as fast (0.05 s instead of 0.14 s, a twentieth of writing it)
#: for a file a quarter larger (1.4 MB instead of 1.1 MB); every reader inflates either alike.
ZIP_LEVEL = 1
#: Texts no longer than this are below xlsxwriter's limit whatever their UTF-16 length (it
#: cuts a text at 32,767 UTF-16 units, and checks only texts over half of that).
_SHORT_TEXT = 32_767 // 2


def render(book: Book, handle: IO[bytes]) -> None:
    """Write ``book`` as an ``.xlsx`` file into ``handle``: its sheets in order, then its
    extra sheets, each drawn by its caller's function on the open workbook."""
    workbook = _QuickBook(handle, WORKBOOK_OPTIONS)
    workbook.set_properties({"author": "rwassign", "created": DOCUMENT_DATE})
    formats = _Formats(workbook)
    for sheet in book.sheets:
        _sheet(workbook.add_worksheet(sheet.name, worksheet_class=_QuickRows), sheet, formats)
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


class _QuickRows(Worksheet):
    """A worksheet whose cell XML is written by one loop of string formatting: xlsxwriter's
    own writes each cell through a list of attributes and three method calls, a fifth of
    saving a plan.

    The same bytes as xlsxwriter's ``_write_rows`` (tested on every cell kind, and on whole
    plans): the same row elements (written by xlsxwriter's ``_write_row``), the same cell
    elements for the kinds a plan holds (shared string, rich string, number, blank, boolean;
    a cell's own format, else its row's, else its column's), and any other kind handed to
    xlsxwriter's ``_write_cell``.  It reads xlsxwriter's worksheet table, so it is used only
    with the xlsxwriter versions it was checked against (:data:`QUICK_VERSIONS`), and not
    with comments or in constant-memory mode; otherwise xlsxwriter's own loop runs.
    """

    def _write_rows(self) -> None:
        if not _QUICK or self.constant_memory or self.comments:
            super()._write_rows()
            return
        self._calculate_spans()
        write = self.fh.write
        table, row_info, col_info = self.table, self.row_info, self.col_info
        spans = self.row_spans
        names: dict[int, str] = {}
        styles: dict[int, str] = {}  # by format object: its index is fixed once asked
        for row in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = table.get(row)
            info = row_info.get(row)
            if not cells:
                if info is not None:
                    self._write_empty_row(row, spans.get(row // 16), info)
                continue
            self._write_row(row, spans.get(row // 16), info)
            number = row + 1
            row_format = info.row_format if info is not None else None
            for col in sorted(cells):
                cell = cells[col]
                name = names.get(col)
                if name is None:
                    name = names[col] = xl_col_to_name(col)
                fmt = cell.format or row_format
                if fmt is None and col in col_info:
                    fmt = col_info[col].column_format
                if fmt:
                    style = styles.get(id(fmt))
                    if style is None:
                        style = styles[id(fmt)] = f' s="{fmt._get_xf_index()}"'
                else:
                    style = ""
                kind = cell.__class__
                if kind is _STRING or kind is _RICH:
                    write(f'<c r="{name}{number}"{style} t="s"><v>{cell.string}</v></c>')
                elif kind is _NUMBER:
                    write(f'<c r="{name}{number}"{style}><v>{cell.number:.16G}</v></c>')
                elif kind is _BLANK:
                    write(f'<c r="{name}{number}"{style}/>')
                elif kind is _BOOLEAN and cell.boolean in (0, 1):
                    write(f'<c r="{name}{number}"{style} t="b"><v>{int(cell.boolean)}</v></c>')
                else:
                    self._write_cell(row, col, cell)
            write("</row>")


class _QuickStrings(SharedStrings):
    """The shared-string part written by one loop of string formatting: xlsxwriter's own runs
    three regular expressions and two method calls per string, most of saving the table of a
    large plan.  Only strings whose element is the plain ``<si><t>...</t></si>`` take the
    quick way (printable, no ``_xHHHH_`` look-alike, no space at either end, not rich text),
    with the same escapes (``&``, ``<``, ``>``); any other is written by xlsxwriter's
    ``_write_si``.  The same bytes (tested); used with :data:`QUICK_VERSIONS` only."""

    def _write_sst_strings(self) -> None:
        strings = self.string_table.string_array
        joined = "".join(strings)
        escape = "&" in joined or "<" in joined or ">" in joined
        write = self.fh.write
        parts: list[str] = []
        for text in strings:
            if (
                text.isprintable()
                and "_x" not in text
                and not text[:1].isspace()
                and not text[-1:].isspace()
                and not text.startswith("<r>")
            ):
                if escape:
                    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                parts.append(f"<si><t>{text}</t></si>")
            else:
                write("".join(parts))
                parts.clear()
                self._write_si(text)
        write("".join(parts))


class _QuickPackager(Packager):
    """xlsxwriter's packager, with the shared strings written by :class:`_QuickStrings`."""

    def _write_shared_strings_file(self) -> None:
        sst = _QuickStrings()
        sst.string_table = self.workbook.str_table
        if not self.workbook.str_table.count:
            return
        sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        sst._assemble_xml_file()


class _QuickBook(Workbook):
    """A workbook packaged by :class:`_QuickPackager` (xlsxwriter's documented override of
    ``_get_packager``) and zipped at :data:`ZIP_LEVEL`, with :data:`QUICK_VERSIONS` only."""

    def _get_packager(self) -> Packager:
        return _QuickPackager() if _QUICK else super()._get_packager()

    def _store_workbook(self) -> None:
        """xlsxwriter's own ``_store_workbook`` for an in-memory workbook, the same steps in
        the same order, with each part deflated at :data:`ZIP_LEVEL` (xlsxwriter has no
        setting for it).  The same parts, names, order and dates (tested)."""
        if not _QUICK or not self.in_memory:
            super()._store_workbook()
            return
        with ZipFile(
            self.filename, "w", compression=ZIP_DEFLATED, allowZip64=self.allow_zip64
        ) as zf:
            packager = self._get_packager()
            if not self.worksheets():
                self.add_worksheet()
            if self.worksheet_meta.activesheet == 0:
                self.worksheets_objs[0].selected = 1
                self.worksheets_objs[0].hidden = 0
            for sheet in self.worksheets():
                if sheet.index == self.worksheet_meta.activesheet:
                    sheet.active = 1
            if self.vba_project:
                for sheet in self.worksheets():
                    if sheet.vba_codename is None:
                        sheet.set_vba_name()
            self._prepare_sst_string_data()
            self._prepare_vml()
            self._prepare_defined_names()
            self._prepare_drawings()
            self._add_chart_data()
            self._prepare_tables()
            self._prepare_metadata()
            packager._add_workbook(self)
            packager._set_tmpdir(self.tmpdir)
            packager._set_in_memory(self.in_memory)
            for part, name, is_binary in packager._create_package():
                info = ZipInfo(name, (1980, 1, 1, 0, 0, 0))  # Excel's own part date
                info.compress_type = ZIP_DEFLATED
                data = part.getvalue()
                zf.writestr(
                    info, data if is_binary else data.encode("utf-8"), ZIP_DEFLATED, ZIP_LEVEL
                )


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
    quick = _QUICK and not ws.constant_memory
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
        direct = quick and row < ws.xls_rowmax and len(cells) <= ws.xls_colmax
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
                item: Any = _STRING(shared._get_shared_string_index(value), fmt)
            elif (kind is int or kind is float) and math.isfinite(value):
                item = _NUMBER(value, fmt)  # as ``_write_number`` stores a finite number
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
