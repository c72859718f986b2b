"""The one reader of plan workbooks: re-plan, export, tests and CI all read plans here.

A plan comes back in many shapes: the workbook ``rwassign solve`` wrote, a copy an operator
edited in Excel (rows swapped, deleted or added, a column moved), or the printed list typed
back in as a sheet or a CSV with just Kecamatan, Desa/Kelurahan, RW/Dusun and NRP.  So the plan
table is found by its headers (:data:`~rwassign.io.plan.layout.PLAN_FIELDS`, the aliases
defined once), under title lines, preferring a sheet named ``Penugasan``; every row keeps its
sheet row number, so what is reported about it points at the row the operator sees.  The hidden
data sheet (:mod:`rwassign.io.embed`) gives back the instance and the settings the plan was
solved with.

Reading never raises for bad input: problems of the file come back as
:class:`~rwassign.model.Problem` records, and each caller (re-plan, export, :func:`read_plan`)
turns a missing sheet or column into its own message.

>>> from pathlib import Path
>>> read_plan(Path("roster-penugasan.xlsx"))  # doctest: +SKIP
[('LEBONG UTARA|KAMPUNG JAWA|1', '87050123'), ...]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rwassign import i18n
from rwassign.errors import OutputError
from rwassign.io.embed import EMBED_SHEET, from_cells
from rwassign.io.plan.layout import COL_NRP, COL_UNIT_ID, PLAN_FIELDS, SHEET_PLAN
from rwassign.io.read.fields import Header, find_header
from rwassign.io.read.tables import RawSheet, cell_text, load
from rwassign.model import Instance, Location, Problem
from rwassign.normalize.ids import IdResult, parse_id
from rwassign.normalize.text import norm_header
from rwassign.settings import Settings

__all__ = [
    "PlanRow",
    "PlanTable",
    "PlanWorkbook",
    "find_table",
    "open_plan",
    "parse_nrp",
    "read_plan",
]

_DIGIT_RUN = re.compile(r"\d[\d ]*\d")


def parse_nrp(value: Any) -> IdResult:
    """The NRP of a plan cell.

    A number is what Excel made of a typed NRP (it dropped the leading 0), read back as
    :func:`~rwassign.normalize.parse_id` reads numbers.  Text may carry the rank before the
    number (a ``PANGKAT/NRP`` column of a typed list: ``BRIPKA 87050123``), so the last run of
    digits is the NRP.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return parse_id(value)
    text = cell_text(value)
    digits = _DIGIT_RUN.findall(text)
    return parse_id(digits[-1].replace(" ", "") if digits else text)


@dataclass(frozen=True)
class PlanRow:
    """One non-empty data row of a plan table: its sheet row (as Excel numbers it) and the
    value of each field the header names, as typed."""

    row: int
    values: Mapping[str, Any]

    def value(self, name: str) -> Any:
        """The cell of field ``name``; ``None`` when the table has no such column."""
        return self.values.get(name)

    def text(self, name: str) -> str:
        """The cell of field ``name`` as trimmed text (``""`` when empty or absent)."""
        return cell_text(self.values.get(name))

    def nrp(self) -> IdResult:
        """The row's NRP, parsed (see :func:`parse_nrp`)."""
        return parse_nrp(self.values.get("nrp"))


@dataclass
class PlanTable:
    """The plan table of one sheet: where its header is and its non-empty rows."""

    sheet: RawSheet
    header: Header
    rows: list[PlanRow]

    def has(self, name: str) -> bool:
        return self.header.has(name)

    def loc(self, row: int, name: str | None = None) -> Location:
        """The place of a cell of field ``name`` (its header text as the column) in ``row``."""
        return self.sheet.loc(row, self.header.texts.get(name) if name else None)


def find_table(sheet: RawSheet) -> PlanTable | None:
    """The plan table of ``sheet``: a header naming the NRP and the unit (its ``ID UNIT`` or
    its RW/Dusun), or ``None`` when the sheet holds no such table."""
    header = find_header(sheet, PLAN_FIELDS)
    if header is None or not header.has("nrp"):
        return None
    if not (header.has("unit_id") or header.has("unit")):
        return None
    rows: list[PlanRow] = []
    for i in range(header.data_start, len(sheet.rows)):
        values = {name: header.value(sheet.rows[i], name) for name in header.columns}
        if any(cell_text(v) for v in values.values()):
            rows.append(PlanRow(i + 1, values))
    return PlanTable(sheet, header, rows)


@dataclass
class PlanWorkbook:
    """Every sheet of a plan file, and the problems met opening it."""

    display: str
    sheets: list[RawSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def sheet(self, name: str) -> RawSheet | None:
        """The sheet called ``name``, compared as headers are (case, spaces, punctuation)."""
        for s in self.sheets:
            if s.sheet == name:
                return s
        wanted = norm_header(name)
        return next((s for s in self.sheets if s.sheet and norm_header(s.sheet) == wanted), None)

    def table(self, sheet: str | None = None) -> PlanTable | None:
        """The plan table of sheet ``sheet``; without a name, of the ``Penugasan`` sheet if it
        holds one, else of the first sheet that does (a typed list, a CSV)."""
        if sheet is not None:
            found = self.sheet(sheet)
            return find_table(found) if found is not None else None
        named = self.sheet(SHEET_PLAN)
        for s in ([named] if named is not None else []) + self.sheets:
            table = find_table(s)
            if table is not None:
                return table
        return None

    def embedded(self) -> tuple[Instance, Settings | None] | None:
        """The instance and settings of the hidden data sheet; ``None`` without one (a plan
        made by hand, or typed in).  ``ValueError`` when the sheet is damaged."""
        hidden = next((s for s in self.sheets if s.sheet == EMBED_SHEET), None)
        if hidden is None:
            return None
        return from_cells(row[0] for row in hidden.rows if row)

    def pairs_of(self, name: str) -> list[tuple[Any, Any]]:
        """The first two cells of every row of sheet ``name`` (e.g. ``KUNCI | NILAI`` rows);
        empty when there is no such sheet."""
        found = self.sheet(name)
        if found is None:
            return []
        return [(r[0] if r else None, r[1] if len(r) > 1 else None) for r in found.rows]


def open_plan(path: Path) -> PlanWorkbook:
    """Read every sheet of the plan file at ``path`` (``.xlsx`` or ``.csv``); never raises for
    a bad file: its problems are in :attr:`PlanWorkbook.problems`."""
    loaded = load(Path(path), 0)
    return PlanWorkbook(loaded.display, loaded.sheets, loaded.problems)


def read_plan(path: Path) -> list[tuple[str, str]]:
    """(unit uid, NRP) pairs of the ``Penugasan`` sheet of a written workbook, sorted.

    The same shape as ``SolveResult.assignment_rows()``, so a round trip can be compared
    directly.  An NRP that someone retyped as a number in Excel is turned back into text and
    padded to 8 digits.  Raises ``OutputError`` when the file, the sheet or its ``ID UNIT`` or
    ``NRP`` column is missing.
    """
    path = Path(path)
    book = open_plan(path)
    if not book.ok:
        first = next(p for p in book.problems if p.is_error)
        detail = i18n.both(first.code, first.params)  # shown in the reader's language
        raise OutputError("plan.not_readable", path=str(path), detail=detail)
    sheet = book.sheet(SHEET_PLAN)
    if sheet is None:
        raise OutputError("plan.sheet_missing", path=str(path), sheet=SHEET_PLAN)
    header = find_header(sheet, PLAN_FIELDS)
    for name, column in (("unit_id", COL_UNIT_ID), ("nrp", COL_NRP)):
        if header is None or not header.has(name):
            raise OutputError(
                "plan.column_missing", path=str(path), sheet=SHEET_PLAN, column=column
            )
    table = find_table(sheet)
    assert table is not None  # the header names the NRP and the unit id
    pairs = []
    for row in table.rows:
        if not (row.text("unit_id") or row.text("nrp")):
            continue
        pairs.append((row.text("unit_id"), row.nrp().value or row.text("nrp")))
    return sorted(pairs)
