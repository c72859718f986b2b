"""Turn an input file into plain grids of cell values, whatever its format.

Everything after this module works on :class:`RawSheet` (a list of rows of Python values), so
the sheet, header and row logic is the same for an ``.xlsx``, ``.xls`` or ``.ods`` workbook
and a ``.csv`` export.  Files are only ever opened for reading: the user's workbook must come
out of a run byte for byte as it went in.  A file that cannot be read becomes one
:class:`~rwassign.model.Problem`, never an exception, because the user needs one clear
sentence, not a traceback.

Two readers serve workbooks: python-calamine (:mod:`.fast`) for every sheet whose bytes
(:mod:`.scan`) are within the bounds, ten times faster than openpyxl, and openpyxl streaming
cell by cell for an ``.xlsx`` that is not, so that the first cell past a bound is named
exactly as it always was.

Long because every way a file can be too large is bounded here, where it is read: the zip
directory, the measured sheets of each format, each sheet streamed cell by cell, merged
ranges, CSV rows and fields, each with the cell and the bound in its message (the bounds
themselves are in :mod:`.common`).
"""

from __future__ import annotations

import csv
import io
import struct
import threading
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from rwassign.io.read.common import (
    MAX_CELL_ELEMENTS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_TEXT,
    cell_elements,
    mib,
    zip_problem,
)
from rwassign.io.read.fast import read_grids
from rwassign.io.read.scan import (
    OleFile,
    ScanError,
    ScanLimit,
    SheetScan,
    not_xml,
    scan_ods,
    scan_xls,
    scan_xlsx_sheet,
    xlsx_sheet_parts,
)
from rwassign.model import Location, Problem, Severity

# First bytes of the two container formats a spreadsheet can come in.
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted (password-protected) .xlsx is an OLE container holding this stream name.
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
# The MIME type an OpenDocument spreadsheet (.ods) names in its first part.
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass
class RawSheet:
    """One sheet (or one CSV file) as a grid: ``rows[i]`` is spreadsheet row ``i + 1``.

    ``sheet`` is the sheet name for workbooks and ``None`` for CSV files, so locations of CSV
    problems do not name a sheet the user never saw.  ``order`` is the position of the sheet in
    its workbook, used to report problems in file order.  ``hidden`` is true for a sheet
    Excel does not show, so using one as input can be said.  ``no_value`` holds the cells,
    1-based ``(row, column)``, whose formula has no stored value: read as empty, they are an
    error where the reader uses them and a warning elsewhere (:func:`~.fields.clean_sheet`).
    """

    file: str
    sheet: str | None
    rows: list[list[Any]]
    order: int = 0
    file_order: int = 0
    hidden: bool = False
    no_value: list[tuple[int, int]] = field(default_factory=list)

    def loc(self, row: int | None = None, column: str | None = None) -> Location:
        return Location(file=self.file, sheet=self.sheet, row=row, column=column)


@dataclass
class LoadedFile:
    """All sheets of one file plus the problems met while opening it."""

    path: Path
    display: str
    sheets: list[RawSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def display_name(path: Path) -> str:
    """The file name as the user gave it; just the name when the path is absolute.

    Messages and the output must not leak a full home-directory path, but a relative path the
    user typed (``data/dsp.xlsx``) is what they recognise.
    """
    return path.name if path.is_absolute() else str(path)


def cell_text(value: Any) -> str:
    """A cell as trimmed text: whole floats lose their ``.0``, dates print as ISO dates.

    Excel stores ``3`` typed into a cell as the float ``3.0``; the user typed ``3``.
    """
    if value.__class__ is str:  # most cells: first, before the tests for the other types
        return " ".join(value.split())
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def first_filled(row: Sequence[Any]) -> int | None:
    """The column of the one cell of ``row`` with text (:func:`cell_text`), ``None`` when no
    cell or more than one has some: the test for a sub-title row, stopped at the second
    filled cell (a data row has a dozen; reading each as text was a tenth of the reader)."""
    found = None
    for column, value in enumerate(row):
        if cell_text(value):
            if found is not None:
                return None
            found = column
    return found


def is_blank(value: Any) -> bool:
    return cell_text(value) == ""


def load(path: Path, file_order: int = 0) -> LoadedFile:
    """Read every sheet of ``path`` (``.xlsx``/``.xlsm``, ``.xls``, ``.ods`` or ``.csv``) into
    :class:`RawSheet`.

    The format is decided by the file's first bytes, not only its name, so a ``.docx`` renamed
    ``.xlsx`` or a password-protected workbook each get their own message.  Every bound of
    :mod:`~rwassign.io.read.common` is checked on the way, on the bytes before any sheet is
    read into memory (:mod:`.scan`), so no file makes this take more than seconds or a few
    hundred megabytes.
    """
    shown = display_name(path)
    out = LoadedFile(path=path, display=shown)
    where = Location(file=shown)

    def fail(code: str, **params: Any) -> LoadedFile:
        out.problems.append(Problem(code, Severity.ERROR, where, params))
        return out

    if not path.exists():
        return fail("file.missing")
    if path.is_dir():
        return fail("file.not_workbook", suffix="(folder)")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return fail("file.too_large", size=mib(size), limit=mib(MAX_FILE_BYTES))
        data = path.read_bytes()
    except OSError as exc:
        return fail("file.unreadable", reason=exc.strerror or str(exc))
    if not data.strip():
        return fail("file.empty")
    suffix = path.suffix.lower()
    sheets: list[RawSheet] | None = None
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTION_STREAM in data:
            return fail("file.encrypted")
        sheets = _load_xls(data, out, file_order)
    elif data.startswith(_ZIP_MAGIC):
        sheets = _load_zip(data, out, file_order)
    elif suffix in CSV_SUFFIXES:
        sheet = _load_csv(data, out, file_order)
        sheets = None if sheet is None else [sheet]
    else:
        return fail("file.not_workbook", suffix=suffix or "(none)")
    if sheets is not None:
        out.sheets = sheets
    return out


class _Bounds:
    """The cells one file has kept so far, against :data:`MAX_CELLS`."""

    def __init__(self) -> None:
        self.cells = 0


def _problem(out: LoadedFile, code: str, loc: Location | None = None, **params: Any) -> None:
    out.problems.append(Problem(code, Severity.ERROR, loc or Location(file=out.display), params))


def _load_zip(data: bytes, out: LoadedFile, file_order: int) -> list[RawSheet] | None:
    """An ``.xlsx`` or ``.ods`` (both are zip files): the zip directory is checked against
    the part and total size bounds first, then each sheet is measured (:mod:`.scan`).

    An ``.xlsx`` whose sheets all fit the bounds is read by python-calamine; one that does
    not (or whose cells carry no ``r`` reference) is streamed by openpyxl cell by cell, which
    names the first cell past a bound exactly.  An ``.ods`` has only calamine, so a sheet past
    a bound is named from the scan.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            is_ods = "content.xml" in names and _ODS_MIME in data[:200]
            if "xl/workbook.xml" not in names and not is_ods:
                kind = "docx" if "word/document.xml" in names else "zip"
                kind = "odf" if "content.xml" in names else kind
                _problem(out, "file.not_workbook", suffix=kind)
                return None
            too_large = zip_problem(infos)
            if too_large is None and not is_ods:
                count = cell_elements(zf)
                if count > MAX_CELL_ELEMENTS:
                    too_large = (
                        "file.too_many_cell_elements",
                        {
                            "count": count,
                            "limit": MAX_CELL_ELEMENTS,
                        },
                    )
            if too_large is not None:
                _problem(out, too_large[0], **too_large[1])
                return None
            if is_ods:
                try:
                    ods = scan_ods(zf.read("content.xml"))
                except ScanLimit as exc:
                    _problem(
                        out,
                        "file.too_many_cell_elements",
                        count=exc.args[0],
                        limit=MAX_CELL_ELEMENTS,
                    )
                    return None
                return _load_calamine(data, out, file_order, ods)
            scans = _scan_xlsx(zf)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        _problem(out, "file.not_workbook", suffix="zip")
        return None
    if scans is None:
        return load_with_openpyxl(data, out, file_order)
    return _load_calamine(data, out, file_order, scans)


def _scan_xlsx(zf: zipfile.ZipFile) -> list[SheetScan] | None:
    """The measures of each worksheet of an ``.xlsx``, or ``None`` when calamine should not be
    given it: a sheet part missing or past a bound, or more cells together than
    :data:`MAX_CELLS` (the streaming reader then counts them as it reads)."""
    try:
        parts = xlsx_sheet_parts(zf)
    except ScanError:
        return None
    scans: list[SheetScan] = []
    if "xl/sharedStrings.xml" in zf.namelist() and not_xml(zf.read("xl/sharedStrings.xml")):
        return None
    for name, part in parts.items():
        try:
            xml = zf.read(part)
        except KeyError:
            continue  # a chart sheet part or a missing one: calamine or openpyxl says which
        scan = scan_xlsx_sheet(xml)
        if scan is None:
            return None
        scan.name = name
        scans.append(scan)
    if sum(s.area for s in scans) > MAX_CELLS:
        return None
    return scans


def _load_xls(data: bytes, out: LoadedFile, file_order: int) -> list[RawSheet] | None:
    """An Excel 97-2003 ``.xls``: its OLE container and BIFF records are walked first
    (:mod:`.scan`: encrypted? every sheet within the bounds?), then calamine reads it."""
    try:
        scan = scan_xls(OleFile(data))
    except ScanLimit as exc:
        _problem(out, "file.too_many_cell_elements", count=exc.args[0], limit=MAX_CELL_ELEMENTS)
        return None
    except (ScanError, struct.error) as exc:
        _problem(out, "file.old_xls", reason=str(exc))
        return None
    if scan is None:
        _problem(out, "file.old_xls", reason="no Workbook stream")
        return None
    if scan.encrypted:
        _problem(out, "file.encrypted")
        return None
    return _load_calamine(data, out, file_order, scan.sheets)


def _load_calamine(
    data: bytes, out: LoadedFile, file_order: int, scans: list[SheetScan]
) -> list[RawSheet] | None:
    """Check the measured sheets against the bounds, then read them with python-calamine
    (:mod:`.fast`) and fill vertical merges down as the streaming reader does."""
    total = 0
    for scan in scans:
        loc = Location(file=out.display, sheet=scan.name)
        if scan.first_over is not None:
            row, col = scan.first_over
            if col > MAX_COLUMNS:
                loc = Location(file=out.display, sheet=scan.name, row=row, column=_letter(col))
                _problem(out, "sheet.too_many_columns", loc, limit=MAX_COLUMNS)
            else:
                loc = Location(file=out.display, sheet=scan.name, row=row)
                _problem(out, "sheet.too_many_rows", loc, limit=MAX_ROWS)
            return None
        total += scan.area
        if total > MAX_CELLS:
            _problem(out, "file.too_many_cells", loc, limit=MAX_CELLS)
            return None
    try:
        grids, stop = read_grids(data)
    except Exception as exc:  # calamine raises its own types for damaged files
        if type(exc).__name__ == "PasswordError":
            _problem(out, "file.encrypted")
        else:
            _problem(out, "file.unreadable", reason=f"{type(exc).__name__}: {exc}")
        return None
    by_name = {s.name: s for s in scans}
    sheets: list[RawSheet] = []
    bounds = _Bounds()
    for order, grid in enumerate(grids):
        sheet = RawSheet(out.display, grid.name, grid.rows, order, file_order, grid.hidden)
        measured = by_name.get(grid.name)
        if measured is not None:
            sheet.no_value = measured.no_value
            grid.merges = grid.merges or measured.merges
            _put_errors(sheet.rows, measured.errors)
        sheets.append(sheet)
        if stop is not None and stop.sheet == order:
            column = None if stop.column is None else _letter(stop.column)
            params = {
                **stop.params,
                "limit": MAX_TEXT if stop.code == "cell.too_long" else MAX_ROWS,
            }
            _problem(out, stop.code, sheet.loc(stop.row, column), **params)
            return sheets
        bounds.cells += sum(len(r) for r in grid.rows)
        if len(grid.merges) > MAX_ROWS:  # an .ods's merges come from the scan, not calamine
            _problem(out, "sheet.too_many_merges", sheet.loc(), limit=MAX_ROWS)
            return sheets
        _fill_merges(sheet.rows, grid.merges, sheet, out, bounds)
        if not out.ok:
            return sheets
    return sheets


def _put_errors(rows: list[list[Any]], errors: list[tuple[int, int, str]]) -> None:
    """Write the error values the scan found (``#N/A``...) into the grid, as openpyxl read
    them: calamine reads an error cell as empty."""
    for r, c, text in errors:
        if r > len(rows):
            rows.extend([] for _ in range(len(rows), r))
        line = rows[r - 1]
        if c > len(line):
            line.extend([None] * (c - len(line)))
        line[c - 1] = text


def load_with_openpyxl(data: bytes, out: LoadedFile, file_order: int) -> list[RawSheet] | None:
    """Open an ``.xlsx`` with openpyxl from memory (the file on disk is never touched).

    The reader for a workbook :func:`_scan_xlsx` would not give calamine: openpyxl opens the
    workbook read-only (sheet names and states, styles, shared strings) and each sheet is
    then streamed here, cell by cell, so a declared dimension (``A1:XFD1048576``) or a styled
    empty cell far away costs nothing, and a sheet whose values run past a bound stops there.
    Values, not formulas, are read: a formula cell holds the value Excel last computed, and one
    without such a value is kept in :attr:`RawSheet.no_value`.  Vertically merged cells (a
    kecamatan written once beside all its desa) are filled down over the rows read; horizontal
    merges (title lines) are not spread.
    """
    import openpyxl  # local import: keeps ``import rwassign.io`` light for the CLI's --help

    where = Location(file=out.display)
    try:
        wb = _open_read_only(openpyxl, data)
    except Exception as exc:  # openpyxl raises many types for damaged files
        reason = f"{type(exc).__name__}: {exc}"
        out.problems.append(Problem("file.unreadable", Severity.ERROR, where, {"reason": reason}))
        return None
    sheets: list[RawSheet] = []
    bounds = _Bounds()
    try:
        for order, ws in enumerate(wb.worksheets):
            sheet = RawSheet(out.display, ws.title, [], order, file_order)
            sheet.hidden = getattr(ws, "sheet_state", "visible") != "visible"
            _stream_sheet(wb, ws, sheet, out, bounds)
            sheets.append(sheet)
            if not out.ok:
                break
    except Exception as exc:  # a damaged sheet part: the same sentence as a damaged workbook
        reason = f"{type(exc).__name__}: {exc}"
        out.problems.append(Problem("file.unreadable", Severity.ERROR, where, {"reason": reason}))
        return None
    finally:
        wb.close()
    return sheets


_OPEN_LOCK = threading.Lock()


def _open_read_only(openpyxl: Any, data: bytes) -> Any:
    """openpyxl's read-only workbook, without its scan of each sheet for a dimension.

    openpyxl reads each sheet up to its ``<dimension>`` when it opens a workbook read-only;
    a sheet without one (or with one after the data) is parsed to its end, a second time before
    :func:`_stream_sheet` reads it.  The dimension is never used here, so the sheet class
    openpyxl builds is swapped, while it opens the workbook, for one that skips that scan.
    """
    from openpyxl.reader import excel
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class _Sheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:
            """No scan: the sheet is streamed once, by :func:`_stream_sheet`."""

    with _OPEN_LOCK:
        original = excel.ReadOnlyWorksheet  # type: ignore[attr-defined]
        excel.ReadOnlyWorksheet = _Sheet  # type: ignore[attr-defined]
        try:
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=True)
        finally:
            excel.ReadOnlyWorksheet = original  # type: ignore[attr-defined]


def _stream_sheet(wb: Any, ws: Any, sheet: RawSheet, out: LoadedFile, bounds: _Bounds) -> None:
    """Fill ``sheet.rows`` from the sheet's XML, one ``<row>`` at a time.

    openpyxl's own cell parser turns each ``<c>`` into a Python value (shared strings, dates by
    number format, booleans); each cell element is dropped as soon as it is read, so memory is
    what is kept, never what the XML declares.  The first bound a sheet passes is reported with
    the cell and the bound, and reading the sheet stops there.
    """
    from openpyxl.utils.cell import get_column_letter, range_boundaries
    from openpyxl.worksheet._reader import (
        CELL_TAG,
        FORMULA_TAG,
        ROW_TAG,
        WorkSheetParser,
    )
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    merge_tag = f"{{{SHEET_MAIN_NS}}}mergeCell"
    data_tag = f"{{{SHEET_MAIN_NS}}}sheetData"
    parser = WorkSheetParser(  # used for its cell parser only; the loop below reads the XML
        io.BytesIO(b""),
        ws._shared_strings,
        data_only=True,
        epoch=wb.epoch,
        date_formats=wb._date_formats,
        timedelta_formats=wb._timedelta_formats,
    )

    def stop(code: str, row: int | None, column: str | None, **params: Any) -> None:
        loc = sheet.loc(row, column)
        out.problems.append(Problem(code, Severity.ERROR, loc, params))

    rows = sheet.rows
    merges: list[tuple[int, int, int]] = []
    parents: list[Any] = []
    cells: dict[int, Any] = {}
    row_no = 0
    with ws._get_source() as src:
        for event, el in iterparse(src, events=("start", "end")):
            tag = el.tag
            if event == "start":
                parents.append(el)
                if tag == ROW_TAG:
                    row_attr = el.get("r")
                    row_no = int(float(row_attr)) if row_attr else row_no + 1
                    parser.row_counter, parser.col_counter = row_no, 0
                    cells = {}
                continue
            parents.pop()
            if tag == CELL_TAG:
                if not len(el) and el.get("r"):  # an empty (styled) cell: nothing to read
                    el.clear()
                    if parents:
                        parents[-1].remove(el)
                    continue
                cell = parser.parse_cell(el)
                value, column = cell["value"], cell["column"]
                if value is None and el.find(FORMULA_TAG) is not None:
                    sheet.no_value.append((row_no, column))
                el.clear()
                if parents:
                    parents[-1].remove(el)
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                ref = get_column_letter(column)
                if column > MAX_COLUMNS:
                    return stop("sheet.too_many_columns", row_no, ref, limit=MAX_COLUMNS)
                if isinstance(value, str) and len(value) > MAX_TEXT:
                    return stop("cell.too_long", row_no, ref, length=len(value), limit=MAX_TEXT)
                cells[column] = value
            elif tag == ROW_TAG:
                el.clear()
                if parents:
                    parents[-1].remove(el)
                if not cells:
                    continue
                if row_no > MAX_ROWS:
                    return stop("sheet.too_many_rows", row_no, None, limit=MAX_ROWS)
                width = max(cells)
                bounds.cells += width
                if bounds.cells > MAX_CELLS:
                    return stop("file.too_many_cells", row_no, None, limit=MAX_CELLS)
                line: list[Any] = [None] * width
                for c, v in cells.items():
                    line[c - 1] = v
                rows.extend([] for _ in range(len(rows), row_no - 1))
                rows.append(line)
            elif tag == merge_tag:
                ref = el.get("ref") or ""
                el.clear()
                try:
                    min_col, min_row, _, max_row = range_boundaries(ref)
                except (TypeError, ValueError):
                    continue
                if min_row is not None and max_row is not None and max_row > min_row:
                    merges.append((min_col or 1, min_row, max_row))
                    if len(merges) > MAX_ROWS:
                        return stop("sheet.too_many_merges", None, None, limit=MAX_ROWS)
            elif tag != data_tag and len(parents) == 1:
                el.clear()  # a part of the sheet other than its cells (page setup, views)
    _fill_merges(rows, merges, sheet, out, bounds)


def _fill_merges(
    rows: list[list[Any]],
    merges: list[tuple[int, int, int]],
    sheet: RawSheet,
    out: LoadedFile,
    bounds: _Bounds,
) -> None:
    """Carry the top cell of each vertical merge down over the rows that were read: a merge
    that runs to row 1,048,576 below a short table costs only the table's rows."""
    for col, top_row, bottom_row in merges:
        if top_row > len(rows):
            continue
        top = rows[top_row - 1][col - 1] if col - 1 < len(rows[top_row - 1]) else None
        last = min(bottom_row, len(rows))
        bounds.cells += last - top_row
        if bounds.cells > MAX_CELLS:
            loc = sheet.loc(top_row, None)
            out.problems.append(
                Problem("file.too_many_cells", Severity.ERROR, loc, {"limit": MAX_CELLS})
            )
            return
        for r in range(top_row + 1, last + 1):
            line = rows[r - 1]
            if col - 1 < len(line):
                line[col - 1] = top
            elif top is not None:
                line.extend([None] * (col - 1 - len(line)))
                line.append(top)


#: The byte-order marks of UTF-16, and the name each is read with.
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def utf16_encoding(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``data`` is UTF-16 text (Excel's "Unicode Text" and some
    exports save CSV so): by its byte-order mark, or without one by the zero byte beside every
    ASCII letter.  ``None`` for any 8-bit text."""
    for bom, name in _UTF16_BOMS:
        if data.startswith(bom):
            return name
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        return "utf-16-le" if odd > even else "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """UTF-16 when it is that, then UTF-8 (with or without BOM); Excel on Windows saves CSV as
    cp1252; latin-1 last.

    latin-1 decodes any byte, so a file always comes out as text; a wrong guess only garbles
    accented letters, which Indonesian names rarely have.
    """
    wide = utf16_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide).lstrip("\ufeff")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def sniff_delimiter(text: str) -> str:
    """``,`` or ``;`` (Excel with Indonesian regional settings) or tab, by counting in the
    first lines; commas inside quotes are not counted by the csv module's sniffer either."""
    sample = "\n".join(text.splitlines()[:30])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (",", ";", "\t")}
        return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _load_csv(data: bytes, out: LoadedFile, file_order: int) -> RawSheet | None:
    """Every CSV cell stays text (an NRP like ``01020345`` keeps its leading zero).

    The same row, column and length bounds as a workbook sheet; a UTF-16 file is read and said
    in a warning, since the user may not know how the program they used saved it.
    """
    shown = out.display
    sheet = RawSheet(shown, None, [], 0, file_order)
    wide = utf16_encoding(data)
    text = decode_text(data)
    if wide is not None:
        out.problems.append(
            Problem("file.csv_utf16", Severity.WARNING, Location(file=shown), {"encoding": wide})
        )
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, MAX_FILE_BYTES))  # a long field is named below
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
        cells = 0
        for row in reader:
            r = len(sheet.rows) + 1
            line: list[Any] = [c if c.strip() else None for c in row]
            while line and line[-1] is None:
                line.pop()
            if line and r > MAX_ROWS:
                _csv_stop(out, sheet, "sheet.too_many_rows", r, None, limit=MAX_ROWS)
                return None
            if len(line) > MAX_COLUMNS:
                ref = _letter(MAX_COLUMNS + 1)
                _csv_stop(out, sheet, "sheet.too_many_columns", r, ref, limit=MAX_COLUMNS)
                return None
            for c, v in enumerate(line):
                if v is not None and len(v) > MAX_TEXT:
                    ref = _letter(c + 1)
                    _csv_stop(out, sheet, "cell.too_long", r, ref, length=len(v), limit=MAX_TEXT)
                    return None
            cells += len(line)
            if cells > MAX_CELLS:
                _csv_stop(out, sheet, "file.too_many_cells", r, None, limit=MAX_CELLS)
                return None
            sheet.rows.append(line)
    except csv.Error as exc:
        where = Location(file=shown)
        out.problems.append(Problem("file.unreadable", Severity.ERROR, where, {"reason": str(exc)}))
        return None
    finally:
        csv.field_size_limit(old_limit)
    return sheet


def _csv_stop(
    out: LoadedFile, sheet: RawSheet, code: str, row: int, column: str | None, **params: Any
) -> None:
    out.problems.append(Problem(code, Severity.ERROR, sheet.loc(row, column), params))


def _letter(column: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(column)
