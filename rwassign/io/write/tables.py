"""The table helpers every sheet of a plan (and the batch rekap) is drawn with.

One look for every table: bold filled headers, frozen and filtered, printed landscape one page
wide, NRPs and unit ids stored as text, columns sized to their values.  Kept apart from the
sheets so a new sheet gets the same look by calling :func:`table`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SECTION_FONT = Font(bold=True)
MACHINE_FONT = Font(color="808080")
KM_FORMAT = "0.00"
TEXT_FORMAT = "@"


def header(ws: Worksheet, headers: Sequence[str]) -> None:
    """A bold, filled header row."""
    ws.append(list(headers))
    for cell in ws[ws.max_row]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")


def section(ws: Worksheet, headers: Sequence[str]) -> None:
    """The header of a block further down a sheet (the summary's settings and coverage)."""
    ws.append(list(headers))
    for cell in ws[ws.max_row]:
        cell.font = SECTION_FONT
        cell.fill = HEADER_FILL


def table(
    ws: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    text_columns: Collection[str] = (),
    formats: dict[str, str] | None = None,
    machine_columns: Collection[str] = (),
) -> None:
    """A header row and data rows, formatted for reading, filtering and printing.

    ``text_columns`` are stored as text with the ``@`` format (NRP, unit ids), so Excel keeps
    leading zeros even when someone retypes a value; ``machine_columns`` are greyed, as they
    are there for the program (round trips), not for the reader.
    """
    header(ws, headers)
    formats = formats or {}
    for row in rows:
        ws.append([text_value(v) if headers[i] in text_columns else v for i, v in enumerate(row)])
    last_row = max(ws.max_row, 1)
    for i, name in enumerate(headers, start=1):
        fmt = TEXT_FORMAT if name in text_columns else formats.get(name)
        if fmt is None and name not in machine_columns:
            continue
        for (cell,) in ws.iter_rows(min_row=2, max_row=last_row, min_col=i, max_col=i):
            if fmt:
                cell.number_format = fmt
            if name in machine_columns:
                cell.font = MACHINE_FONT
    last_col = get_column_letter(len(headers))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    fit_columns(ws)


def fit_columns(ws: Worksheet, *, min_width: int = 5, max_width: int = 60) -> None:
    """Column widths from the longest value, within bounds (long reasons stay readable)."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = f"{cell.value:.2f}" if isinstance(cell.value, float) else str(cell.value)
            column = int(cell.column or 1)
            widths[column] = max(widths.get(column, 0), len(text))
    for col, width in widths.items():
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = min(max(width + 2, min_width), max_width)


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
