"""Turn an input file into plain grids of cell values, whatever its format.

Everything after this module works on :class:`RawSheet` (a list of rows of Python values), so
the sheet, header and row logic is the same for an ``.xlsx`` workbook and a ``.csv`` export.
Files are only ever opened for reading: the user's workbook must come out of a run byte for
byte as it went in.  A file that cannot be read becomes one :class:`~rwassign.model.Problem`,
never an exception, because the user needs one clear sentence, not a traceback.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from rwassign.model import Location, Problem, Severity

# First bytes of the two container formats a spreadsheet can come in.
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted (password-protected) .xlsx is an OLE container holding this stream name.
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class RawSheet:
    """One sheet (or one CSV file) as a grid: ``rows[i]`` is spreadsheet row ``i + 1``.

    ``sheet`` is the sheet name for workbooks and ``None`` for CSV files, so locations of CSV
    problems do not name a sheet the user never saw.  ``order`` is the position of the sheet in
    its workbook, used to report problems in file order.
    """

    file: str
    sheet: str | None
    rows: list[list[Any]]
    order: int = 0
    file_order: int = 0

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


def is_blank(value: Any) -> bool:
    return cell_text(value) == ""


def load(path: Path, file_order: int = 0) -> LoadedFile:
    """Read every sheet of ``path`` (``.xlsx``/``.xlsm`` or ``.csv``) into :class:`RawSheet`.

    The format is decided by the file's first bytes, not only its name, so a ``.docx`` renamed
    ``.xlsx``, an old binary ``.xls`` or a password-protected workbook each get their own message.
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
        data = path.read_bytes()
    except OSError as exc:
        return fail("file.unreadable", reason=exc.strerror or str(exc))
    if not data.strip():
        return fail("file.empty")
    suffix = path.suffix.lower()
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTION_STREAM in data:
            return fail("file.encrypted")
        return fail("file.old_xls")
    if data.startswith(_ZIP_MAGIC):
        sheets = _load_workbook(data, out, file_order)
        if sheets is not None:
            out.sheets = sheets
        return out
    if suffix in CSV_SUFFIXES:
        out.sheets = [_load_csv(data, shown, file_order)]
        return out
    return fail("file.not_workbook", suffix=suffix or "(none)")


def _load_workbook(data: bytes, out: LoadedFile, file_order: int) -> list[RawSheet] | None:
    """Open a zip container with openpyxl from memory (the file on disk is never touched).

    Values, not formulas, are read (``data_only``): a formula cell holds the value Excel last
    computed.  Vertically merged cells (a kecamatan written once beside all its desa) are filled
    down so that every row carries its value; horizontal merges (title lines) are not spread.
    """
    import openpyxl  # local import: keeps ``import rwassign.io`` light for the CLI's --help

    where = Location(file=out.display)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        out.problems.append(Problem("file.not_workbook", Severity.ERROR, where, {"suffix": "zip"}))
        return None
    if "xl/workbook.xml" not in names:
        kind = "docx" if "word/document.xml" in names else "zip"
        if "content.xml" in names:
            kind = "ods"
        out.problems.append(Problem("file.not_workbook", Severity.ERROR, where, {"suffix": kind}))
        return None
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception as exc:  # openpyxl raises many types for damaged files
        reason = f"{type(exc).__name__}: {exc}"
        out.problems.append(Problem("file.unreadable", Severity.ERROR, where, {"reason": reason}))
        return None
    sheets: list[RawSheet] = []
    for order, ws in enumerate(wb.worksheets):
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        for rng in ws.merged_cells.ranges:
            if rng.max_row == rng.min_row:
                continue
            top = rows[rng.min_row - 1][rng.min_col - 1] if rng.min_row - 1 < len(rows) else None
            for r in range(rng.min_row + 1, rng.max_row + 1):
                if r - 1 < len(rows) and rng.min_col - 1 < len(rows[r - 1]):
                    rows[r - 1][rng.min_col - 1] = top
        sheets.append(RawSheet(out.display, ws.title, rows, order, file_order))
    wb.close()
    return sheets


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; Excel on Windows saves CSV as cp1252; latin-1 last.

    latin-1 decodes any byte, so a file always comes out as text; a wrong guess only garbles
    accented letters, which Indonesian names rarely have.
    """
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


def _load_csv(data: bytes, shown: str, file_order: int) -> RawSheet:
    """Every CSV cell stays text (an NRP like ``01020345`` keeps its leading zero)."""
    text = decode_text(data)
    # The csv module stops at 131,072 characters a field; no field can be longer than the
    # file, so this limit only lets the reader report an over-long cell at its row and column.
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows: list[list[Any]] = [[c if c.strip() else None for c in row] for row in reader]
    return RawSheet(shown, None, rows, 0, file_order)
