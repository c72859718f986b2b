"""How a written workbook looks on paper: one named font, A4 page setup, widths and row heights.

Offices print these sheets, in Excel and in LibreOffice, so the layout is decided here rather
than left to each program:

- **One font family, always named.** A font without a name is drawn in each program's own
  fallback (LibreOffice picks a serif).  Arial is in every Excel, and LibreOffice draws it with
  Liberation Sans, whose glyphs have the same widths; both share Helvetica's metrics, which
  ReportLab carries, so text is measured here with the widths the printer will use.
- **Row heights are written, never left to the program.**  LibreOffice does not grow a row for
  wrapped text whose file gives no height, and Excel only does when it recalculates, so a
  wrapped reason would print as one clipped line.  Every row gets the height of its tallest
  cell, from the text wrapped at the column width, with a margin for the small differences in
  how the two programs break lines.
- **Pages**: A4, fitted to one page wide and as many tall as needed, header row repeated,
  "Halaman 1 dari 3" in the footer.

Column widths are in Excel's unit, the width of a digit of the default font (7 pixels at 96 dpi
for Calibri 11 and for Arial 10 alike), so ``chars * 7 * 0.75`` points, less the cell's margins.
A file stores a width in 1/256 of that unit (:func:`stored_width`), so widths are rounded so
before any row is measured against them.

Measuring is most of the work of writing a large plan (every word of every cell), and the same
words come back on every row (desa names, ranks, the words of the reasons): word widths and
wrapped line counts are remembered for the run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from rwassign import i18n
from rwassign.io.write.grid import (
    FONT_NAME,
    FONT_SIZE,
    GENERAL,
    Cell,
    Page,
    Rich,
    Run,
    Sheet,
    Style,
)

__all__ = [
    "FONT_NAME",
    "FONT_SIZE",
    "GREY",
    "HEADER_SIZE",
    "MARGINS",
    "SMALL_SIZE",
    "cell_height",
    "chars_for",
    "column_width",
    "fits_within",
    "font",
    "line_height",
    "page_setup",
    "plain_widths",
    "rich",
    "set_row_heights",
    "set_widths",
    "shown",
    "stored_width",
    "text_width",
    "usable_width",
    "wrap_lines",
]

SMALL_SIZE = 8
HEADER_SIZE = 9  # bold capitals are wide: headers a point smaller keep columns narrow
GREY = "808080"

_PT_PER_CHAR = 7 * 0.75  # a column width unit: one digit of the default font, 7 px at 96 dpi
_PX_PER_CHAR = 7
_CELL_MARGIN_PT = 3.0  # left and right text margins of a cell, with rounding
_SAFETY = 0.95  # Excel and LibreOffice break lines a little differently: wrap early
_LINE_FACTOR = 1.275  # line height / font size: Excel gives Arial 10 a 12.75 pt line
_ROW_PADDING_PT = 2.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit, in points
DEFAULT_WIDTH = 8.43  # Excel's width of a column the file says nothing about

#: Margins in inches: 1.3 cm at the sides, room for the footer below.
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.7, "bottom": 0.8, "header": 0.3, "footer": 0.35}


def font(*, bold: bool = False, size: float = FONT_SIZE, color: str | None = None) -> Style:
    """A cell style with its font, always named: the one way fonts are made in a plan."""
    return Style(bold=bold, size=size, color=color)


def rich(label: str, note: str) -> Rich:
    """``label`` in the cell's font with ``note`` in small grey print on the line below."""
    return Rich((Run(label + "\n", FONT_SIZE), Run(note, SMALL_SIZE, GREY)))


#: Per character code, the Helvetica widths (1/1000 em) reportlab sums for printable ASCII.
_WIDTHS = {
    bold: getFont(name).widths for bold, name in ((False, "Helvetica"), (True, "Helvetica-Bold"))
}


#: The widest printable ASCII letter of either font, in points per point of font size.
_WIDEST = max(w[c] for w in _WIDTHS.values() for c in range(32, 127)) * 0.001


@lru_cache(maxsize=65536)
def text_width(text: str, *, bold: bool = False, size: float = FONT_SIZE) -> float:
    """Printed width of ``text`` in points (Helvetica metrics = Arial = Liberation Sans).

    Printable ASCII, nearly every cell, is summed here from the font's width table with
    reportlab's own arithmetic (the same float, tested), without its per-call encoding work:
    measuring every cell of a plan for its column and row was a sixth of writing it."""
    if text.isascii() and text.isprintable():  # whole widths: any order sums the same
        return float(sum(map(_WIDTHS[bold].__getitem__, text.encode("ascii"))) * 0.001 * size)
    return float(stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", size))


#: ``_WIDTHS`` as arrays indexed by byte, for measuring many texts at once (``plain_widths``).
_WIDTH_TABLES = {bold: np.array(widths[:256], dtype=np.int64) for bold, widths in _WIDTHS.items()}


def plain_widths(
    texts: Sequence[str], *, bold: bool = False, size: float = FONT_SIZE
) -> NDArray[np.float64] | None:
    """:func:`text_width` of each of ``texts`` (the same floats: whole widths summed, then
    the same two products), in a few array operations over all of them; ``None`` unless every
    text is printable ASCII.  Sizing a column, or sifting its cells for wrapping, one text at a
    time was a fifth of writing a 5,000-unit plan."""
    joined = "".join(texts)
    if not (joined.isascii() and joined.isprintable()):
        return None
    letters = _WIDTH_TABLES[bold][np.frombuffer(joined.encode("ascii"), dtype=np.uint8)]
    running = np.zeros(len(letters) + 1, dtype=np.int64)
    np.cumsum(letters, out=running[1:])
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths)
    sums = running[ends] - running[ends - lengths]
    return sums * 0.001 * size


def usable_width(chars: float) -> float:
    """Points of text that fit on one line of a column ``chars`` wide."""
    return max(chars * _PT_PER_CHAR - _CELL_MARGIN_PT, 1.0) * _SAFETY


def chars_for(points: float) -> float:
    """The column width (Excel's unit) whose usable line holds ``points`` of text."""
    return round(points / _SAFETY / _PT_PER_CHAR + _CELL_MARGIN_PT / _PT_PER_CHAR + 0.5, 1)


def stored_width(chars: float) -> float:
    """``chars`` as the file will store it: cut to 1/256 of a character (xlsxwriter's rule)."""
    return (chars * _PX_PER_CHAR * 256 // _PX_PER_CHAR) / 256


def shown(value: Any, number_format: str = GENERAL) -> str:
    """A cell value as printed: floats with the cell's decimals, everything else as text."""
    if isinstance(value, float):
        decimals = number_format.split(".")[1].count("0") if "." in number_format else 2
        return f"{value:.{decimals}f}"
    return "" if value is None else str(value)


#: Per (bold, size), the widths of printable ASCII words met while wrapping (``wrap_lines``).
_WORD_WIDTHS: dict[tuple[bool, float], dict[str, float]] = {}


@lru_cache(maxsize=65536)
def wrap_lines(text: str, width: float, *, bold: bool = False, size: float = FONT_SIZE) -> int:
    """Lines ``text`` takes when wrapped at ``width`` points: greedy at spaces, as both programs
    do, with a word wider than the line broken wherever it reaches the edge."""
    space = text_width(" ", bold=bold, size=size)
    if text.isascii() and text.isprintable():  # one paragraph; each word as text_width sums it
        get = _WIDTHS[bold].__getitem__
        if float(sum(map(get, text.encode("ascii"))) * 0.001 * size) <= width - 1e-6:
            # The whole text fits, so greedy puts every word on the first line (its running
            # sums differ from this one by far less than the margin): most short cells.
            return 1
        known = _WORD_WIDTHS.setdefault((bold, size), {})
        if len(known) > 65536:  # words of long texts (reasons) recur: a bounded memory
            known.clear()
        widths = []
        for word in text.split(" "):
            w = known.get(word)
            if w is None:
                w = known[word] = float(sum(map(get, word.encode("ascii"))) * 0.001 * size)
            widths.append(w)
        return _lines(widths, space, width)
    return sum(
        _lines([text_width(w, bold=bold, size=size) for w in paragraph.split(" ")], space, width)
        for paragraph in text.split("\n")
    )


def _lines(words: list[float], space: float, width: float) -> int:
    """Lines of one paragraph of words of these widths, greedy at spaces (``wrap_lines``)."""
    lines = 1
    used = 0.0
    for w in words:
        if used and used + space + w <= width:
            used += space + w
            continue
        if used:
            lines += 1
        extra = math.ceil(w / width) - 1 if w > width else 0
        lines += extra
        used = w - extra * width
    return lines


def line_height(size: float = FONT_SIZE) -> float:
    return size * _LINE_FACTOR


def fits_within(text: str, points: float, size: float = FONT_SIZE) -> bool:
    """Whether ``text`` is surely no wider than ``points`` (at ``size``): printable ASCII whose
    every letter, at the widest letter's width, still fits (with a margin for rounding).  It
    lets the many short cells skip measuring: one line for a row's height, never the widest
    value of a column."""
    return len(text) * _WIDEST * size <= points - 1e-6 and text.isascii() and text.isprintable()


def cell_height(value: Any, width: float, *, bold: bool, size: float, number_format: str) -> float:
    """Points a cell's text needs when wrapped at ``width``; rich text line by line."""
    if isinstance(value, Rich):
        total = 0.0
        for run in value.runs:
            for paragraph in run.text.rstrip("\n").split("\n"):
                total += wrap_lines(paragraph, width, size=run.size) * line_height(run.size)
        return total
    text = shown(value, number_format)
    if fits_within(text, width, size):
        return line_height(size)  # even at its widest letter it fits: one line, no need to wrap
    return wrap_lines(text, width, bold=bold, size=size) * line_height(size)


_PLAIN = Style()


def set_row_heights(ws: Sheet, first_row: int = 1) -> None:
    """Give every row from ``first_row`` the height of its tallest cell (module docstring).

    A merged range is measured at the width of all its columns, on its first row.  Measured a
    column and a style at a time: cells whose every text is printable ASCII, in a font no
    larger than :data:`FONT_SIZE`, are measured at once (:func:`plain_widths`), and only the
    texts wider than their line are wrapped.  A cell left out takes one line no taller than
    the row's least, so it could not raise the row."""
    span: dict[tuple[int, int], float] = {}
    for row, first, _, last in ws.merges:
        span[(row, first)] = sum(column_width(ws, c) for c in range(first, last + 1))
    widths = [usable_width(column_width(ws, c)) for c in range(1, len(ws.widths) + 1)]
    default = usable_width(DEFAULT_WIDTH)
    least = line_height()
    rows = ws.rows[first_row - 1 :]
    tallest = [least] * len(rows)
    for column in range(max(map(len, rows), default=0)):
        width = widths[column] if column < len(widths) else default
        cells = _column_cells(rows, column)
        for i in _may_wrap(cells, width):
            cell = cells[i]
            assert cell is not None  # _may_wrap yields filled cells only
            chars = span.get((first_row + i, column + 1)) if span else None
            height = _cell_points(cell, width if chars is None else usable_width(chars))
            if height > tallest[i]:
                tallest[i] = height
    for number, points in enumerate(tallest, start=first_row):
        ws.heights[number] = round(min(points + _ROW_PADDING_PT, MAX_ROW_HEIGHT), 1)


def _column_cells(rows: list[list[Cell]], column: int) -> list[Cell | None]:
    """The cells of ``column`` (0-based) of ``rows``; ``None`` where a row ends before it."""
    if all(len(r) > column for r in rows):
        return [r[column] for r in rows]
    return [r[column] if len(r) > column else None for r in rows]


def _may_wrap(cells: list[Cell | None], width: float) -> list[int]:
    """The positions of the filled ``cells`` that may need more than one line at ``width`` or
    a line taller than the least, in order.  Every filled cell, except where a style's cells
    are printable ASCII texts and whole numbers in a font no larger than :data:`FONT_SIZE`:
    of those, only the texts wider than the line (``wrap_lines`` gives the others one line)."""
    groups: dict[int, list[int]] = {}
    styles: dict[int, Style] = {}
    for i, cell in enumerate(cells):
        if cell is None or cell.value is None or cell.value == "":
            continue
        key = id(cell.style)
        if key in groups:
            groups[key].append(i)
        else:
            groups[key] = [i]
            styles[key] = cell.style or _PLAIN
    if len(groups) == 1:
        ((key, filled),) = groups.items()
        return _wider(cells, filled, styles[key], width)
    fonts: dict[tuple[bool, float], tuple[Style, list[int]]] = {}  # what measuring depends on
    for key, filled in groups.items():
        style = styles[key]
        font = (style.bold, float(style.size))
        if font in fonts:
            fonts[font][1].extend(filled)
        else:
            fonts[font] = (style, list(filled))
    return sorted(i for style, filled in fonts.values()
                  for i in _wider(cells, sorted(filled), style, width))  # fmt: skip


def _wider(cells: list[Cell | None], filled: list[int], style: Style, width: float) -> list[int]:
    """Of the ``filled`` positions, all in ``style``, those ``_may_wrap`` keeps."""
    size = float(style.size)
    values = [cells[i].value for i in filled]  # type: ignore[union-attr]
    if size > FONT_SIZE or not set(map(type, values)) <= {str, int}:
        return filled
    texts = [v if v.__class__ is str else str(v) for v in values]
    points = plain_widths(texts, bold=style.bold, size=size)
    if points is None:
        return filled
    return [filled[i] for i in np.flatnonzero(points > width - 1e-6).tolist()]


def _cell_points(cell: Cell, width: float) -> float:
    """Points a filled cell's text needs wrapped at ``width`` (``set_row_heights``)."""
    value = cell.value
    style = cell.style or _PLAIN
    size = float(style.size)
    kind = value.__class__
    if kind is str or kind is int:  # most cells: ``cell_height`` without its detours
        text = value if kind is str else str(value)  # an int is shown as its digits
        return wrap_lines(text, width, bold=style.bold, size=size) * line_height(size)
    return cell_height(value, width, bold=style.bold, size=size, number_format=style.number_format)


def column_width(ws: Sheet, column: int) -> float:
    """The width of ``column`` (1-based) in Excel's unit; Excel's default when none is set."""
    return ws.widths[column - 1] if column <= len(ws.widths) else DEFAULT_WIDTH


def set_widths(ws: Sheet, widths: Iterable[float]) -> None:
    """The columns' widths from A on, rounded as the file will store them."""
    ws.widths = [stored_width(chars) for chars in widths]


def page_setup(
    ws: Sheet,
    *,
    landscape: bool,
    lang: str,
    title_rows: int = 1,
    last_column: int | None = None,
) -> None:
    """A4, fitted to one page wide (any number tall), sane margins, page numbers in the footer.

    The first ``title_rows`` rows repeat on every page; ``last_column`` ends the print area
    (columns kept for the program, like unit ids, need no paper)."""
    footer = i18n.text("print.page_footer", lang=lang)
    ws.page = Page(landscape=landscape, footer=footer, title_rows=title_rows,
                   last_column=last_column)  # fmt: skip
