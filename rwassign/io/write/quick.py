"""xlsxwriter's slowest steps re-done for a plan's size: the sheet's cell XML, the shared
strings and the zip, each giving the same parts as xlsxwriter's own (the tests compare them).

These read xlsxwriter's internals (its worksheet table, string table and packaging steps), so
they are used only with the versions they were checked against (:data:`QUICK_VERSIONS`);
with any other version, :data:`QUICK` is false and xlsxwriter's own code runs.
"""

from __future__ import annotations

from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

import xlsxwriter
from xlsxwriter import Workbook
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

__all__ = ["NUMBER", "QUICK", "QUICK_VERSIONS", "STRING", "ZIP_LEVEL", "QuickBook", "QuickRows"]

#: xlsxwriter versions whose worksheet table, cell XML, shared-string XML and packaging steps
#: this module was checked against (the tests compare its parts with xlsxwriter's own).
QUICK_VERSIONS = ("3.3.1",)
#: Whether the installed xlsxwriter is one of them: only then are these classes' own ways used.
QUICK = xlsxwriter.__version__ in QUICK_VERSIONS
#: The worksheet table's entries for a text and a number (what ``xlsx`` puts there directly).
STRING, _RICH, NUMBER = CellStringTuple, CellRichStringTuple, CellNumberTuple
_BLANK, _BOOLEAN = CellBlankTuple, CellBooleanTuple
#: The deflate level of every part of a plan (zlib's own default is 6).  Level 1 deflates a
#: 5,000-unit plan three times as fast (0.05 s instead of 0.14 s, a twentieth of writing it)
#: for a file a quarter larger (1.4 MB instead of 1.1 MB); every reader inflates either alike.
ZIP_LEVEL = 1


class QuickRows(Worksheet):
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
        if not QUICK or self.constant_memory or self.comments:
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
                if kind is STRING or kind is _RICH:
                    write(f'<c r="{name}{number}"{style} t="s"><v>{cell.string}</v></c>')
                elif kind is NUMBER:
                    write(f'<c r="{name}{number}"{style}><v>{cell.number:.16G}</v></c>')
                elif kind is _BLANK:
                    write(f'<c r="{name}{number}"{style}/>')
                elif kind is _BOOLEAN and cell.boolean in (0, 1):
                    write(f'<c r="{name}{number}"{style} t="b"><v>{int(cell.boolean)}</v></c>')
                else:
                    self._write_cell(row, col, cell)
            write("</row>")


class QuickStrings(SharedStrings):
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


class QuickPackager(Packager):
    """xlsxwriter's packager, with the shared strings written by :class:`QuickStrings`."""

    def _write_shared_strings_file(self) -> None:
        sst = QuickStrings()
        sst.string_table = self.workbook.str_table
        if not self.workbook.str_table.count:
            return
        sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        sst._assemble_xml_file()


class QuickBook(Workbook):
    """A workbook packaged by :class:`QuickPackager` (xlsxwriter's documented override of
    ``_get_packager``) and, made in memory (as every plan is), zipped at :data:`ZIP_LEVEL`;
    with :data:`QUICK_VERSIONS` only."""

    def _get_packager(self) -> Packager:
        return QuickPackager() if QUICK else super()._get_packager()

    def _store_workbook(self) -> None:
        """xlsxwriter's own ``_store_workbook`` for an in-memory workbook, the same steps in
        the same order, with each part deflated at :data:`ZIP_LEVEL` (xlsxwriter has no
        setting for it).  The same parts, names, order and dates (tested)."""
        if not QUICK or not self.in_memory:
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
