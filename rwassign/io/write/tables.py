"""The table helpers every sheet of a plan (and the batch rekap) is drawn with.

One look for every table: bold filled headers, frozen and filtered, NRPs and unit ids stored as
text, columns sized to their values, and printed landscape on A4, one page wide, header
repeated, every line whole (:mod:`.printing`).  Kept apart from the sheets so a new sheet gets
the same look by calling :func:`table`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from rwassign.io.write.grid import Cell, Sheet, Style
from rwassign.io.write.printing import (
    GREY,
    HEADER_SIZE,
    chars_for,
    page_setup,
    plain_widths,
    set_row_heights,
    set_widths,
    shown,
    text_width,
)

HEADER_FILL = "DDEBF7"
#: The header row: bold, filled, wrapped at spaces rather than cut on paper.
HEADER_STYLE = Style(bold=True, size=HEADER_SIZE, fill=HEADER_FILL, vertical="center", wrap=True)
BODY_STYLE = Style(vertical="top", wrap=True)
MACHINE_COLOR = GREY
INDENT_CHARS = 2.0  # one indent step is about one character in Excel, 10 pt in LibreOffice
KM_FORMAT = "0.00"
TEXT_FORMAT = "@"

#: Widest column, in Excel's unit, for sentences (reasons, messages), for a job title with its
#: unit, and for everything else; longer text wraps onto more lines.  Chosen so the plan sheet
#: prints at about 70 % on landscape A4 with reasons on three or four lines.
SENTENCE_WIDTH = 40.0
JOB_WIDTH = 26.0
FIELD_WIDTH = 14.0
#: What landscape A4 holds at 100 % between the margins, in Excel's unit as LibreOffice draws it
#: (its unit is about 6 % wider than Excel's): a sheet narrower than this widens its long-text
#: columns instead of wrapping them onto more lines than needed.
LANDSCAPE_CHARS = 136.0


def _header_right(style: Style) -> Style:
    return replace(style, horizontal="right", vertical="center", wrap=True, indent=1)


def _number_right(style: Style) -> Style:
    return replace(style, horizontal="right", vertical="top", wrap=False, indent=1)


def header(ws: Sheet, headers: Sequence[str]) -> None:
    """A bold, filled header row; it wraps at spaces rather than being cut on paper."""
    ws.append(headers, HEADER_STYLE)


def table(
    ws: Sheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    lang: str = "id",
    text_columns: Collection[str] = (),
    formats: dict[str, str] | None = None,
    machine_columns: Collection[str] = (),
    caps: Mapping[str, float] | None = None,
) -> None:
    """A header row and data rows, formatted for reading, filtering and printing.

    Every text is a string cell, never a formula (:mod:`.xlsx`).  ``text_columns`` are
    stored as text with the ``@`` format (NRP, unit ids), so Excel keeps leading zeros even
    when someone retypes a value; ``machine_columns`` are greyed and, when they come last, left
    off the paper, as they are there for the program (round trips), not
    for the reader; ``caps`` widen the columns of long text (reasons, messages) beyond
    ``FIELD_WIDTH``.
    """
    header(ws, headers)
    formats = formats or {}
    styles = [
        Style(
            color=MACHINE_COLOR if name in machine_columns else None,
            horizontal="center" if name == "NO" else None,
            vertical="top",
            wrap=name != "NO",
            number_format=TEXT_FORMAT if name in text_columns else formats.get(name, "General"),
        )
        for name in headers
    ]
    texts = [i for i, name in enumerate(headers) if name in text_columns]
    for row in rows:
        if texts:
            row = list(row)
            for i in texts:
                if i < len(row):
                    row[i] = text_value(row[i])
        if len(row) > len(styles):
            raise ValueError(f"a row of {len(row)} values under {len(headers)} headers")
        ws.append_cells(list(map(Cell, row, styles)))
    last_row = max(ws.max_row, 1)
    numeric: set[int] = set()
    for i, name in enumerate(headers, start=1):  # numbers right-aligned, header too
        column = ws.column(i, first_row=2)
        values = [c.value for c in column if c.value not in (None, "")]
        if name != "NO" and values and all(isinstance(v, int | float) for v in values):
            numeric.add(i)
            ws.restyle([ws.cell(1, i)], _header_right)
            ws.restyle(column, _number_right)
    printed = len(headers)
    while printed > 1 and headers[printed - 1] in machine_columns:
        printed -= 1
    caps = caps or {}
    widths = [
        column_chars(ws, i, caps.get(name, FIELD_WIDTH)) for i, name in enumerate(headers, start=1)
    ]
    for index in numeric:  # room for the indent
        widths[index - 1] += INDENT_CHARS
    room = LANDSCAPE_CHARS - sum(widths[:printed])
    for i, name in enumerate(headers[:printed]):  # a narrow sheet: longer lines, fewer pages
        if name in caps and room > 0:
            wider = min(column_chars(ws, i + 1, widths[i] + room), widths[i] + room)
            room -= wider - widths[i]
            widths[i] = wider
    set_widths(ws, widths)
    set_row_heights(ws)
    ws.frozen_rows = 1
    ws.autofilter = (last_row, len(headers))
    page_setup(ws, landscape=True, lang=lang, last_column=printed)


def column_chars(ws: Sheet, column: int, cap: float, *, header_row: int = 1) -> float:
    """A column's width: its widest value up to ``cap``, never narrower than the longest word
    of its header, so a header wraps at a space instead of being cut ("PRIORITA")."""
    header_word = 0.0
    heads = ws.rows[header_row - 1] if len(ws.rows) >= header_row else []
    if len(heads) >= column and heads[column - 1].value is not None:
        head = heads[column - 1]
        text = _text(head.value, head.style or _PLAIN)
        header_word = max(
            (text_width(w, bold=True, size=HEADER_SIZE) for w in text.split()), default=0.0
        )
    filled = [c for c in ws.column(column, first_row=header_row + 1) if c.value is not None]
    texts: dict[bool, set[str]] = {}  # by boldness (all measuring depends on), each once
    style = filled[0].style if filled else None
    values = [c.value for c in filled]
    one_style = all(c.style is style for c in filled)
    if one_style and all(v.__class__ is str for v in values):
        texts[(style or _PLAIN).bold] = set(values)  # one style, all text: most columns
    elif one_style and all(v.__class__ is int for v in values):
        texts[(style or _PLAIN).bold] = set(map(str, values))  # shown as their digits
    else:
        for cell in filled:
            own = cell.style or _PLAIN
            texts.setdefault(own.bold, set()).add(_text(cell.value, own))
    widest = max((_widest(list(t), bold=bold) for bold, t in texts.items()), default=0.0)
    return max(chars_for(header_word), min(chars_for(widest), cap), 4.0)


_PLAIN = Style()


def _text(value: Any, style: Style) -> str:
    return value if isinstance(value, str) else shown(value, style.number_format)


def _widest(texts: list[str], *, bold: bool) -> float:
    """The largest :func:`text_width` of ``texts`` (each text once): printable ASCII is
    measured all at once (:func:`plain_widths`, the same floats).  Measuring the cells of a
    5,000-unit plan's columns one at a time was a tenth of writing it."""
    points = plain_widths(texts, bold=bold)
    if points is not None:
        return float(points.max()) if len(points) else 0.0
    return max((text_width(text, bold=bold) for text in texts), default=0.0)


def safe(make: Callable[[], str], fallback: str) -> str:
    """Text from the catalogue, or ``fallback`` if the code or a parameter is missing.

    A missing catalogue entry is a bug, but it must not cost the user the whole plan: the row
    still shows the code, which is enough to report it.
    """
    try:
        return make()
    except (KeyError, IndexError, ValueError):
        return fallback


def text_value(value: Any) -> Any:
    """A value as text for a text column; ``None`` stays an empty cell."""
    return value if value is None or isinstance(value, str) else str(value)
