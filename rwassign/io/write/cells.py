"""Putting values into cells of an openpyxl workbook we write: text is always text, never a formula.

Names, jabatan, desa, file names and document details come from people's spreadsheets and the
command line, and any of them can start with ``=`` (``=HYPERLINK("http://x","Gandung")`` shows a
plausible desa linked elsewhere; a DDE formula runs a program).  openpyxl turns a string that
starts with ``=`` into a live formula and one like ``#N/A`` into an error value, so a writer
that uses openpyxl (the lampiran XLSX) puts its values through :func:`put` or
:func:`append_row`, which keep every string a string cell.  The plan and the batch rekap are
drawn by xlsxwriter, with the same rule (:mod:`.xlsx`).  Texts that spreadsheet programs
treat as formulas when typed or imported (``=``, ``+``, ``-``, ``@``, a tab, a carriage return
first) are stored as the text they are: a string cell is shown, never evaluated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FORMULA_STARTS", "append_row", "keep_text", "put"]

#: The first characters that make a spreadsheet program read a typed or imported text as a
#: formula; such a text from data is always written as a string cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def keep_text(cell: Any) -> None:
    """Make ``cell`` a string cell when its value is text (never a formula or an error
    value); numbers, dates, rich text and empty cells are left as they are."""
    if isinstance(cell.value, str):
        cell.data_type = "s"


def put(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """``value`` into ``ws`` at ``row``/``column``, text as a string cell; returns the cell."""
    cell = ws.cell(row, column)
    cell.value = value
    keep_text(cell)
    assert isinstance(cell, Cell)
    return cell


def append_row(ws: Worksheet, values: Iterable[Any]) -> None:
    """``values`` as a new row under the last one (``Worksheet.append``), text as string
    cells.

    Each text goes in as a string cell made beforehand (``append`` takes cells as they are):
    finding the appended row again by ``ws.max_row`` scans every cell of the sheet, once per
    row, which made a 2,000-row sheet take seconds.
    """
    ws.append([_text_cell(ws, v) if isinstance(v, str) else v for v in values])


def _text_cell(ws: Worksheet, text: str) -> Cell:
    cell = Cell(ws, row=1, column=1, value=text)  # ``append`` sets its row and column
    keep_text(cell)
    return cell
