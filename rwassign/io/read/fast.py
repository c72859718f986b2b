"""Sheets of an ``.xlsx``, ``.xls`` or ``.ods`` read by python-calamine, as openpyxl gave them.

python-calamine reads a 10,000-unit workbook in a tenth of openpyxl's time (``bench/bench_io.py``
and ``bench/README.md`` have the figures), and reads the two formats openpyxl cannot: ``.xls``
(Excel 97-2003) and ``.ods`` (LibreOffice).  Only :mod:`.tables` calls this, and only after
:mod:`.scan` has measured each sheet on its bytes, so calamine never meets a sheet past the
bounds.  Values come out as the rest of the reader has always seen them from openpyxl:

- an empty or blank cell is ``None`` (calamine gives ``""``);
- a whole number is an ``int`` (calamine gives ``3.0`` for an ``.xlsx`` ``3``; openpyxl ``3``);
- a date is a ``datetime`` at midnight (calamine gives a ``date``; openpyxl a ``datetime``);
- every row is spreadsheet row ``i + 1`` and every cell column ``j + 1``: calamine starts its
  grid at the first value, and the rows and columns before it are put back.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rwassign.io.read.common import MAX_ROWS, MAX_TEXT

#: Whole floats up to this are exact, and become ``int`` as openpyxl reads them.
_EXACT = 2.0**53


@dataclass
class Grid:
    """One worksheet: ``rows[i][j]`` is the cell of row ``i + 1``, column ``j + 1``; ``merges``
    the vertical merges as ``(column, top row, bottom row)``, 1-based."""

    name: str
    hidden: bool
    rows: list[list[Any]] = field(default_factory=list)
    merges: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass
class Stop:
    """The first bound a sheet passed while its values were read: the sheet and cell, the
    catalogue code and its parameters."""

    sheet: int
    code: str
    row: int | None
    column: int | None
    params: dict[str, Any]


def value(raw: Any) -> Any:
    """One calamine value as openpyxl gives it (see the module docstring)."""
    if isinstance(raw, str):
        return raw if raw.strip() else None
    if isinstance(raw, float):
        if raw.is_integer() and abs(raw) < _EXACT:
            return int(raw)
        return raw
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return datetime(raw.year, raw.month, raw.day)
    return raw


def _row(raw: list[Any]) -> tuple[list[Any], int]:
    """:func:`value` of every cell of a row, inlined for the two common types (a call per
    cell would cost a third of reading a 10,000-unit workbook), and the 0-based index of the
    first text longer than :data:`MAX_TEXT` (-1 for none)."""
    line: list[Any] = []
    add = line.append
    too_long = -1
    for v in raw:
        t = type(v)
        if t is str:
            if too_long < 0 and len(v) > MAX_TEXT:
                too_long = len(line)
            add(v if v.strip() else None)
        elif t is float:
            add(int(v) if v.is_integer() and -_EXACT < v < _EXACT else v)
        else:
            add(value(v))
    return line, too_long


def read_grids(data: bytes) -> tuple[list[Grid], Stop | None]:
    """Every worksheet of the workbook in ``data`` (chart sheets are skipped, as openpyxl's
    ``worksheets`` skips them), up to the first cell longer than :data:`MAX_TEXT` or the first
    sheet with more than :data:`MAX_ROWS` merged ranges.

    Raises whatever calamine raises for a damaged file (:mod:`.tables` turns it into one
    message); ``python_calamine.PasswordError`` for an encrypted one.
    """
    import python_calamine  # local import: keeps ``import rwassign.io`` light for --help

    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    grids: list[Grid] = []
    for meta in book.sheets_metadata:
        if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
            continue
        sheet = book.get_sheet_by_name(meta.name)
        grid = Grid(meta.name, meta.visible != python_calamine.SheetVisibleEnum.Visible)
        grids.append(grid)
        index = len(grids) - 1
        top, left = sheet.start or (0, 0)
        rows = grid.rows
        rows.extend([] for _ in range(top))
        pad = [None] * left
        for r, raw in enumerate(sheet.to_python(skip_empty_area=True), start=top + 1):
            line, too_long = _row(raw)
            if too_long >= 0:
                length = len(line[too_long])
                return grids, Stop(
                    index, "cell.too_long", r, left + too_long + 1, {"length": length}
                )
            while line and line[-1] is None:
                line.pop()
            if not line:
                rows.append([])
                continue
            rows.append(pad + line if left else line)
        while rows and not rows[-1]:
            rows.pop()
        for (r0, c0), (r1, _c1) in sheet.merged_cell_ranges or ():
            if r1 > r0:
                grid.merges.append((c0 + 1, r0 + 1, r1 + 1))
        if len(grid.merges) > MAX_ROWS:
            return grids, Stop(index, "sheet.too_many_merges", None, None, {})
    return grids, None
