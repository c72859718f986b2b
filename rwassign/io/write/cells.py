"""Putting values into cells of a workbook we write: text is always text, never a formula.

Names, jabatan, desa, file names and document details come from people's spreadsheets and the
command line, and any of them can start with ``=`` (``=HYPERLINK("http://x","Gandung")`` shows a
plausible desa linked elsewhere; a DDE formula runs a program).  openpyxl turns a string that
starts with ``=`` into a live formula and one like ``#N/A`` into an error value, so every writer
(the plan, the batch rekap, the lampiran XLSX) puts its values through :func:`put` or
:func:`append_row`, which keep every string a string cell.  Texts that spreadsheet programs
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
    cells."""
    values = list(values)
    ws.append(values)
    if values:  # the new row is the last one: ``append`` writes below every cell there is
        for (cell,) in ws.iter_cols(min_row=ws.max_row, max_row=ws.max_row, max_col=len(values)):
            keep_text(cell)
