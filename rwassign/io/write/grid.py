"""A written sheet as plain data: cell values and styles, widths, row heights, merges, paper.

The sheets of a plan are laid out here first and drawn into a file only at the end
(:mod:`.xlsx`).  Two reasons:

- **Speed.** A spreadsheet library that keeps a cell object per cell and looks every style up
  in a table each time it is set spent most of the writing time of a large plan on style
  bookkeeping.  Here a style is a small frozen value, shared by every cell that has it, and the
  file is written once, row after row, by a library that streams XML (xlsxwriter).
- **Measuring before drawing.** Column widths and row heights follow from the values and
  their fonts (:mod:`.printing`); with the sheet as data they are computed from exactly what
  will be written, without reading cells back out of a library's objects.

Rows and columns are numbered from 1, as a spreadsheet shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for the type of the callers' extra sheets
    from xlsxwriter import Workbook

__all__ = ["Book", "Cell", "Page", "Rich", "Run", "Sheet", "Style"]

FONT_NAME = "Arial"
FONT_SIZE = 10
GENERAL = "General"


@dataclass(frozen=True)
class Style:
    """How one cell looks: its font (always :data:`FONT_NAME`), fill, alignment and number
    format.  Frozen and hashable, so the renderer makes one file format per distinct style."""

    bold: bool = False
    size: float = FONT_SIZE
    color: str | None = None
    fill: str | None = None
    horizontal: str | None = None
    vertical: str | None = None
    wrap: bool = False
    indent: int = 0
    number_format: str = GENERAL


@dataclass(frozen=True)
class Run:
    """A run of text inside a rich-text cell, in :data:`FONT_NAME` at ``size``."""

    text: str
    size: float = FONT_SIZE
    color: str | None = None


@dataclass(frozen=True)
class Rich:
    """Text in several runs (a setting's label with its TOML key in small grey print)."""

    runs: tuple[Run, ...]

    def __str__(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(slots=True)
class Cell:
    """A value (``None``: an empty cell, still drawn in its style) and its style (``None``: the
    file's default, for cells nobody styles, like the hidden data sheet's)."""

    value: Any
    style: Style | None = None


@dataclass(frozen=True)
class Page:
    """Paper: A4 in ``landscape`` or portrait, one page wide, ``title_rows`` repeated on every
    page, printed up to ``last_column`` (``None``: all), the footer's page text ``footer``."""

    landscape: bool
    footer: str
    title_rows: int = 0
    last_column: int | None = None


@dataclass
class Sheet:
    """One sheet being laid out: rows of cells plus everything drawn around them."""

    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)
    #: (first row, first column, last row, last column), the value in the first cell.
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    frozen_rows: int = 0
    #: The filtered range's last (row, column); it starts at A1.
    autofilter: tuple[int, int] | None = None
    page: Page | None = None
    #: Rows that start a new printed page.
    page_breaks: list[int] = field(default_factory=list)
    very_hidden: bool = False

    @property
    def max_row(self) -> int:
        return len(self.rows)

    def append(self, values: Iterable[Any], style: Style | None = None) -> int:
        """``values`` as a new row under the last one, each cell in ``style``; its number."""
        self.rows.append([Cell(v, style) for v in values])
        return len(self.rows)

    def append_cells(self, cells: list[Cell]) -> int:
        """``cells`` as a new row under the last one, each in its own style; its number."""
        self.rows.append(cells)
        return len(self.rows)

    def cell(self, row: int, column: int) -> Cell:
        """The cell at ``row``/``column``, made empty (and its row and those above) if new."""
        while len(self.rows) < row:
            self.rows.append([])
        cells = self.rows[row - 1]
        while len(cells) < column:
            cells.append(Cell(None))
        return cells[column - 1]

    def column(self, column: int, first_row: int = 1) -> list[Cell]:
        """The cells of ``column`` from ``first_row`` down (rows that end before it skipped)."""
        return [r[column - 1] for r in self.rows[first_row - 1 :] if len(r) >= column]

    def merge(self, row: int, first_column: int, last_column: int) -> None:
        """Merge ``first_column`` .. ``last_column`` of ``row``; the cells after the first are
        made (empty) if missing, so they carry the first cell's style on screen."""
        self.cell(row, last_column)
        self.merges.append((row, first_column, row, last_column))

    def restyle(self, cells: Iterable[Cell], change: Callable[[Style], Style]) -> None:
        """Give each of ``cells`` ``change`` of its style (the default style if it has none).

        Cells that shared a style share the changed one: a column keeps one style object, so
        it is measured and rendered as one (:mod:`.printing`), not one per cell."""
        changed: dict[int, tuple[Style | None, Style]] = {}  # by id, the old style kept alive
        for cell in cells:
            key = id(cell.style)
            if key not in changed:
                changed[key] = (cell.style, change(cell.style or Style()))
            cell.style = changed[key][1]


@dataclass
class Book:
    """The sheets of a workbook in order, and the callers' extra sheets drawn after them
    (:func:`rwassign.io.write.build_workbook`)."""

    sheets: list[Sheet]
    extra_sheets: Sequence[Callable[[Workbook], None]] = ()
