"""Measure a workbook on its bytes before a library turns its sheets into memory.

python-calamine (Rust) reads ``.xlsx``, ``.xls`` and ``.ods`` ten times faster than openpyxl,
but it holds each sheet as one dense rectangle from its first to its last value: one value in
``A1`` and one in ``XFD1048576`` is a rectangle of 17 billion cells, which no machine can hold,
and a Rust allocation failure ends the process instead of raising.  So every sheet is measured
here first, on the bytes, with regular expressions or a record walk (C speed, constant memory):
the last row and column that hold a value, the cells whose formula has no stored value (which
calamine reads as empty without a word), and for ``.ods`` the vertical merges (calamine does
not report them).  :mod:`.tables` hands the file to calamine only when the rectangle is within
the bounds of :mod:`.common`.

Long because three formats are measured: the sheet XML of ``.xlsx``, the ``content.xml`` of
``.ods`` (with its repeated rows and cells), and the BIFF records inside the OLE container of
``.xls`` (a small reader of that container is here, since the standard library has none).
"""

from __future__ import annotations

import html
import re
import struct
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

from rwassign.io.read.common import MAX_CELL_ELEMENTS, MAX_COLUMNS, MAX_ROWS


@dataclass
class SheetScan:
    """What the bytes of one sheet say, 1-based: ``rows`` and ``columns`` are the last row and
    column holding a value (0 for an empty sheet), ``first_over`` the first value found past
    :data:`MAX_ROWS` or :data:`MAX_COLUMNS` as ``(row, column)``, ``no_value`` the cells whose
    formula has no stored value, ``merges`` the vertical merges as ``(column, top, bottom)``
    (for ``.ods`` only; the other formats report them through calamine), and ``errors`` the
    cells holding an error value as ``(row, column, text)``: calamine reads ``#N/A`` as empty,
    openpyxl as the text ``#N/A``, which the reader then names (a failed VLOOKUP in an NRP
    column is "NRP '#N/A'", not "NRP kosong")."""

    name: str = ""
    rows: int = 0
    columns: int = 0
    first_over: tuple[int, int] | None = None
    no_value: list[tuple[int, int]] = field(default_factory=list)
    merges: list[tuple[int, int, int]] = field(default_factory=list)
    errors: list[tuple[int, int, str]] = field(default_factory=list)

    def see(self, row: int, column: int) -> None:
        """Count a value at ``(row, column)``."""
        self.rows = max(self.rows, row)
        self.columns = max(self.columns, column)
        if self.first_over is None and (row > MAX_ROWS or column > MAX_COLUMNS):
            self.first_over = (row, column)

    @property
    def area(self) -> int:
        """Cells of the rectangle from ``A1`` to the last value, as calamine holds it."""
        return self.rows * self.columns


class ScanError(Exception):
    """The bytes are not what their container says (a damaged or foreign file)."""


def column_number(letters: str) -> int:
    """``A`` -> 1, ``AB`` -> 28."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


# --- .xlsx ----------------------------------------------------------------------------------

_XLSX_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(/?)>')
_XLSX_ANY_CELL = re.compile(rb"<(?:\w+:)?c[\s/>]")
# A cell with r first and a value (not self-closed), unprefixed: what every writer makes.
_XLSX_PLAIN_VALUED = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"(?:[^>]*[^/>])?>')
# The sheet namespace bound to a prefix (<x:c ...>): then only the general pattern serves.
_XLSX_PREFIXED = re.compile(rb'xmlns:[\w.-]+="[^"]*spreadsheetml[^"]*main"')
_XLSX_FORMULA = re.compile(rb"<(?:\w+:)?f[\s/>]")
_XLSX_FULL_CELL = re.compile(
    rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(?:/>|>(.*?)</(?:\w+:)?c>)', re.S
)
_XLSX_CELL_BODY = re.compile(rb"<(?:\w+:)?c\s([^>]*?)>(.*?)</(?:\w+:)?c>", re.S)
_XLSX_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_XLSX_ERROR = re.compile(rb'\bt="e"')
_XLSX_V = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_XLSX_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)>\s*[^<\s]")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx_sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> zip part name, from ``xl/workbook.xml`` and its relationships."""
    try:
        book = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError) as exc:
        raise ScanError(str(exc)) from exc
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    parts: dict[str, str] = {}
    for el in book.iter():
        if el.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        target = targets.get(el.get(f"{{{_REL_NS}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts[el.get("name", "")] = part
    return parts


# A character XML 1.0 forbids, as a byte or as a reference (``&#1;``): no spreadsheet program
# writes one, openpyxl's parser refuses the part, calamine would read on.
_NOT_XML = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f]"
    rb"|&#0*(?:[0-8]|1[124-9]|2[0-9]|3[01]);"
    rb"|&#[xX]0*(?:[0-8bBcC]|[eEfF]|1[0-9a-fA-F]);"
)


#: The bytes of the pattern's first branch, for a check at copying speed.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def not_xml(xml: bytes) -> bool:
    """Whether ``xml`` holds a character no XML 1.0 document may hold: such a part goes to
    the streaming reader, whose parser names the file unreadable, as it always did.

    The control bytes are found by deleting them (``bytes.translate``: a sheet of a 5,000-unit
    Polres in a millisecond, where the pattern takes twenty); the pattern then only runs on a
    part that has a character reference at all."""
    if len(xml.translate(None, _CONTROL_BYTES)) != len(xml):
        return True
    return b"&#" in xml and _NOT_XML.search(xml) is not None


def scan_xlsx_sheet(xml: bytes) -> SheetScan | None:
    """The measures of one sheet part, or ``None`` when some cell has no ``r`` reference (its
    place is only known by counting, which the streaming reader does).

    Excel, LibreOffice and openpyxl all write ``<c r="B7" ...>`` with ``r`` first and no
    namespace prefix; such a sheet is measured by byte counts and one pattern (about five
    times faster than the general pattern, which takes any attribute order and prefix).
    """
    if not_xml(xml):
        return None
    if _XLSX_PREFIXED.search(xml) is None:
        plain = xml.count(b'<c r="')
        if plain == xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>"):
            valued = _XLSX_PLAIN_VALUED.findall(xml)
            return _measured(xml, {c for c, _ in valued}, {r for _, r in valued})
    found = _XLSX_CELL.findall(xml)
    if len(found) != len(_XLSX_ANY_CELL.findall(xml)):
        return None
    valued = [(col, row) for col, row, empty in found if not empty]
    return _measured(xml, {c for c, _ in valued}, {r for _, r in valued})


def _measured(xml: bytes, letters: set[bytes], rows: set[bytes]) -> SheetScan | None:
    out = SheetScan()
    widest = max(letters, key=lambda c: (len(c), c), default=b"")
    out.columns = column_number(widest.decode()) if widest else 0
    out.rows = max(map(int, rows), default=0)
    if out.rows > MAX_ROWS or out.columns > MAX_COLUMNS:
        return None  # the streaming reader names the first such cell exactly
    if b't="e"' in xml:
        for attrs, body in _XLSX_CELL_BODY.findall(xml):
            ref = _XLSX_REF.search(attrs)
            shown = _XLSX_V.search(body)
            if _XLSX_ERROR.search(attrs) and ref and shown:
                col, row = ref.groups()
                out.errors.append((int(row), column_number(col.decode()), _text(shown.group(1))))
    # every formula tag starts "<f" or ":f" (most sheets hold none: two searches); the cells'
    # own pattern then decides, with any white space after the name
    if b"<f" in xml or b":f" in xml:
        for col, row, body in _XLSX_FULL_CELL.findall(xml):
            if body and _XLSX_FORMULA.search(body) and not _XLSX_VALUE.search(body):
                out.no_value.append((int(row), column_number(col.decode())))
    return out


# --- .ods -----------------------------------------------------------------------------------

_ODS_TOKEN = re.compile(
    rb"<table:table(?=[\s>])([^>]*)>|</table:table>|<table:table-row\b([^>]*?)(/?)>"
    rb"|</table:table-row>|<table:(?:covered-)?table-cell\b([^>]*?)(/?)>"
)
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')
_ODS_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d{1,9})"')
_ODS_COLS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d{1,9})"')
_ODS_ROWS_SPANNED = re.compile(rb'table:number-rows-spanned="(\d{1,9})"')


def scan_ods(content: bytes) -> list[SheetScan]:
    """The measures of each sheet of an ``.ods`` ``content.xml``, in sheet order.

    A row or cell may stand for many (``number-rows-repeated``, ``number-columns-repeated``):
    LibreOffice writes the empty rest of a sheet that way, and calamine repeats a repeated
    *value* as often as it says, so repeats count here.  A cell with a value type or with
    content holds a value; a ``table:formula`` without either has no stored value.
    """
    sheets: list[SheetScan] = []
    elements = 0
    sheet: SheetScan | None = None
    row = col = 0
    repeat = 1
    row_values: list[tuple[int, int]] = []  # (first column, last column) of valued cells
    for m in _ODS_TOKEN.finditer(content):
        token = m.group(0)
        if token.startswith(b"<table:table") and not token.startswith(b"<table:table-"):
            name = _ODS_NAME.search(m.group(1))
            sheet = SheetScan(
                html.unescape(name.group(1).decode("utf-8", "replace")) if name else ""
            )
            sheets.append(sheet)
            row = 0
            continue
        if sheet is None:
            continue
        if token.startswith(b"<table:table-row"):
            attrs = m.group(2)
            rep = _ODS_ROWS_REPEATED.search(attrs)
            repeat = int(rep.group(1)) if rep else 1
            row, col, row_values = row + 1, 0, []
            if m.group(3):  # an empty self-closed row
                row += repeat - 1
            continue
        if token == b"</table:table-row>":
            if row_values:
                last = max(hi for _, hi in row_values)
                bottom = row + repeat - 1
                sheet.see(max(row, min(bottom, MAX_ROWS + 1)), last)  # the first row past
                sheet.see(bottom, last)
            row += repeat - 1
            continue
        if token == b"</table:table>":
            sheet = None
            continue
        elements += 1
        if elements > MAX_CELL_ELEMENTS:
            raise ScanLimit(elements)
        attrs = m.group(4)
        rep = _ODS_COLS_REPEATED.search(attrs)
        span = int(rep.group(1)) if rep else 1
        first = col + 1
        col += span
        valued = b"office:value-type" in attrs or not m.group(5)
        if b'calcext:value-type="error"' in attrs and not m.group(5):
            end = content.find(b"</table:table-cell>", m.end(), m.end() + 4096)
            shown = _text(re.sub(rb"<[^>]*>", b"", content[m.end() : max(end, m.end())]))
            sheet.errors.append((row, first, shown or "#N/A"))
        if b"table:formula" in attrs and b"office:value-type" not in attrs:
            sheet.no_value.append((row, first))
            valued = False
        if valued:
            row_values.append((first, col))
            if col > MAX_COLUMNS:
                sheet.see(row, max(first, MAX_COLUMNS + 1))
            down = _ODS_ROWS_SPANNED.search(attrs)
            if down and int(down.group(1)) > 1 and token.startswith(b"<table:table-cell"):
                sheet.merges.append((first, row, row + int(down.group(1)) - 1))
    return sheets


class ScanLimit(Exception):
    """More cell elements (or records) than :data:`MAX_CELL_ELEMENTS`: ``args[0]`` is the
    count reached when the scan stopped."""


# --- .xls (BIFF8 inside an OLE compound file) -------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
# BIFF records holding one cell, each starting with its row and column (u16, u16).
_CELL_RECORDS = {0x0203, 0x00FD, 0x0204, 0x027E, 0x0205, 0x0006, 0x00D6}
_MULRK, _BOF, _EOF, _BOUNDSHEET, _FILEPASS = 0x00BD, 0x0809, 0x000A, 0x0085, 0x002F


class OleFile:
    """The streams of an OLE compound file (the container of ``.xls``), read from memory.

    Only what reading a workbook needs: the sector tables, the directory and one stream by
    name.  Every chain is walked with a step limit, so a looping or lying table ends in a
    :class:`ScanError`, never in an endless loop.
    """

    def __init__(self, data: bytes) -> None:
        if not data.startswith(_OLE_MAGIC) or len(data) < 512:
            raise ScanError("no OLE header")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise ScanError("bad sector size")
        self.size = 1 << shift
        n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, first_minifat, _, first_difat, n_difat = struct.unpack_from(
            "<IIIII", data, 0x38
        )
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _END]
        sector = first_difat
        for _ in range(n_difat):
            if sector >= _END:
                break
            entries = struct.unpack_from(f"<{self.size // 4}I", self._sector(sector))
            fat_sectors += [s for s in entries[:-1] if s < _END]
            sector = entries[-1]
        self.fat: list[int] = []
        for s in fat_sectors[:n_fat]:
            self.fat += struct.unpack_from(f"<{self.size // 4}I", self._sector(s))
        directory = self._chain(first_dir, self.fat, self.size, self._sector)
        self.entries: dict[str, tuple[int, int]] = {}
        root: tuple[int, int] | None = None
        for off in range(0, len(directory) - 127, 128):
            name_len, kind = struct.unpack_from("<HB", directory, off + 64)
            name = directory[off : off + max(0, name_len - 2)].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<IQ", directory, off + 116)
            if kind == 5:
                root = (start, size)
            elif kind == 2:
                self.entries.setdefault(name, (start, size))
        self.mini_fat: list[int] = []
        self.mini_stream = b""
        if root is not None and first_minifat < _END:
            raw = self._chain(first_minifat, self.fat, self.size, self._sector)
            self.mini_fat = list(struct.unpack(f"<{len(raw) // 4}I", raw[: len(raw) // 4 * 4]))
            self.mini_stream = self._chain(root[0], self.fat, self.size, self._sector)[: root[1]]

    def _sector(self, n: int) -> bytes:
        start = (n + 1) * self.size
        if start + self.size > len(self.data):
            raise ScanError(f"sector {n} past the end of the file")
        return self.data[start : start + self.size]

    def _mini(self, n: int) -> bytes:
        start = n * 64
        if start + 64 > len(self.mini_stream):
            raise ScanError(f"mini sector {n} past the mini stream")
        return self.mini_stream[start : start + 64]

    @staticmethod
    def _chain(first: int, table: list[int], size: int, read: object) -> bytes:
        parts: list[bytes] = []
        sector = first
        for _ in range(len(table) + 1):
            if sector >= _END:
                return b"".join(parts)
            if sector >= len(table):
                raise ScanError("sector chain leaves the table")
            parts.append(read(sector))  # type: ignore[operator]
            sector = table[sector]
        raise ScanError("sector chain loops")

    def stream(self, name: str) -> bytes | None:
        """The bytes of stream ``name`` (``None`` when there is none)."""
        if name not in self.entries:
            return None
        start, size = self.entries[name]
        if size < self.cutoff:
            return self._chain(start, self.mini_fat, 64, self._mini)[:size]
        return self._chain(start, self.fat, self.size, self._sector)[:size]


@dataclass
class XlsScan:
    """What the ``Workbook`` stream of an ``.xls`` says: encrypted or not, and the measures
    of each worksheet in sheet order."""

    encrypted: bool = False
    sheets: list[SheetScan] = field(default_factory=list)


def scan_xls(ole: OleFile) -> XlsScan | None:
    """Walk the BIFF records of the workbook stream (``None`` when it has none: not an Excel
    file).  A FORMULA record always carries its last result, so no cell lacks a value here."""
    book = ole.stream("Workbook")
    if book is None:
        book = ole.stream("Book")
    if book is None:
        return None
    out = XlsScan()
    sheets: list[tuple[int, str]] = []
    records = 0

    def walk(pos: int, sheet: SheetScan | None) -> None:
        nonlocal records
        while pos + 4 <= len(book):
            kind, size = struct.unpack_from("<HH", book, pos)
            body = book[pos + 4 : pos + 4 + size]
            pos += 4 + size
            records += 1
            if records > 2 * MAX_CELL_ELEMENTS:
                raise ScanLimit(records)
            if kind == _EOF:
                return
            if sheet is None:
                if kind == _FILEPASS:
                    out.encrypted = True
                elif kind == _BOUNDSHEET and len(body) >= 6:
                    at, hidden_type = struct.unpack_from("<IH", body)
                    if hidden_type >> 8 == 0:  # a worksheet (not a chart or macro sheet)
                        sheets.append((at, _sheet_name(body[6:])))
            elif kind in _CELL_RECORDS and len(body) >= 4:
                r, c = struct.unpack_from("<HH", body)
                sheet.see(r + 1, c + 1)
                error = _xls_error(kind, body)
                if error is not None:
                    sheet.errors.append((r + 1, c + 1, error))
            elif kind == _MULRK and len(body) >= 6:
                (r,) = struct.unpack_from("<H", body)
                (last,) = struct.unpack_from("<H", body, len(body) - 2)
                sheet.see(r + 1, last + 1)

    walk(0, None)
    if out.encrypted:
        return out
    for at, name in sheets:
        scan = SheetScan(name)
        out.sheets.append(scan)
        if at + 4 <= len(book) and struct.unpack_from("<H", book, at)[0] == _BOF:
            walk(at + 4 + struct.unpack_from("<H", book, at + 2)[0], scan)
    return out


def _sheet_name(body: bytes) -> str:
    """The name in a BOUNDSHEET record after its offset and type: a length, in BIFF8 a flag
    byte (1: UTF-16, 0: one byte per character), then the characters."""
    if not body:
        return ""
    length = body[0]
    if len(body) >= 2 + length and body[1] in (0, 1):
        if body[1] == 1:
            return body[2 : 2 + 2 * length].decode("utf-16-le", "replace")
        return body[2 : 2 + length].decode("latin-1")
    return body[1 : 1 + length].decode("latin-1")


def _text(raw: bytes) -> str:
    return html.unescape(raw.decode("utf-8", "replace")).strip()


#: Excel's error codes as BIFF stores them, and the text a cell shows.
_XLS_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}


def _xls_error(kind: int, body: bytes) -> str | None:
    """The error text of a BOOLERR record holding an error, or of a FORMULA record whose last
    result was one; ``None`` for any other cell."""
    if kind == 0x0205 and len(body) >= 8 and body[7] == 1:
        return _XLS_ERRORS.get(body[6], "#N/A")
    if kind == 0x0006 and len(body) >= 14 and body[12:14] == b"\xff\xff" and body[6] == 2:
        return _XLS_ERRORS.get(body[8], "#N/A")
    return None
