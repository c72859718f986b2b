"""Benchmark of the plan writer: the same plan drawn by each candidate spreadsheet library.

Run from the repository root::

    python bench/bench_write.py                      # 2,000, 5,000 and 10,000 units
    python bench/bench_write.py --sizes 2000 --repeat 1

For each size a seeded synthetic Polres (``tools.synth``, 0.6 members per unit, one RW each) is
read and solved once (not timed here: ``bench/bench.py`` times the whole run); then the plan is
written again and again, in one process, so every figure of a row belongs to the same plan:

- ``layout``: :func:`rwassign.io.write.build_workbook`, every sheet laid out as data, columns
  and row heights measured, the hidden data sheet's JSON made; library-independent;
- ``xlsxwriter``: drawing that layout into a file with xlsxwriter in memory (what rwassign uses);
- ``xlsxw-cm``: the same with xlsxwriter's ``constant_memory`` mode (rows streamed to temporary
  files as they are written);
- ``opx-wo``: the same cells, styles, widths and heights with openpyxl's write-only mode
  (it cannot merge cells; merges are left out, which only flatters it);
- ``opx``: the same with openpyxl's normal mode, as the writer used before xlsxwriter;
- ``write_workbook``: the whole public call (layout + xlsxwriter + the atomic file write).

Each figure is the best of ``--repeat`` runs, in seconds; ``x`` columns are the time of a
library divided by xlsxwriter's.  Compare figures within one run: the machine is shared.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook as OpenpyxlWorkbook  # noqa: E402
from openpyxl.cell import WriteOnlyCell  # noqa: E402
from openpyxl.styles import Alignment, Font, PatternFill  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

from rwassign.io.write import Book, build_workbook, write_workbook  # noqa: E402
from rwassign.io.write import xlsx as render_module  # noqa: E402
from rwassign.io.write.grid import FONT_NAME, Rich, Sheet, Style  # noqa: E402
from rwassign.report import summarize  # noqa: E402


def best(repeat: int, run: Callable[[], Any]) -> float:
    """The shortest of ``repeat`` runs of ``run``, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


# --- the candidates --------------------------------------------------------------------------


def xlsxwriter_in_memory(book: Book) -> int:
    buffer = io.BytesIO()
    render_module.render(book, buffer)
    return len(buffer.getvalue())


def xlsxwriter_constant_memory(book: Book) -> int:
    saved = render_module.WORKBOOK_OPTIONS
    render_module.WORKBOOK_OPTIONS = {**saved, "in_memory": False, "constant_memory": True}
    try:
        return xlsxwriter_in_memory(book)
    finally:
        render_module.WORKBOOK_OPTIONS = saved


class _OpenpyxlStyles:
    """openpyxl style objects per :class:`Style`, made once (as a careful writer would)."""

    def __init__(self) -> None:
        self.made: dict[Style, tuple[Font, PatternFill | None, Alignment]] = {}

    def __call__(self, style: Style) -> tuple[Font, PatternFill | None, Alignment]:
        if style not in self.made:
            self.made[style] = (
                Font(name=FONT_NAME, size=style.size, bold=style.bold, color=style.color),
                PatternFill("solid", fgColor=style.fill) if style.fill else None,
                Alignment(horizontal=style.horizontal, vertical=style.vertical,
                          wrap_text=style.wrap, indent=style.indent),
            )  # fmt: skip
        return self.made[style]


def _value(value: Any) -> Any:
    return str(value) if isinstance(value, Rich) else value


def openpyxl_write_only(book: Book) -> int:
    wb = OpenpyxlWorkbook(write_only=True)
    styles = _OpenpyxlStyles()
    for sheet in book.sheets:
        ws = wb.create_sheet(sheet.name)
        for i, width in enumerate(sheet.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for number, cells in enumerate(sheet.rows, start=1):
            if number in sheet.heights:  # before the row is streamed out
                ws.row_dimensions[number].height = sheet.heights[number]
            row = []
            for cell in cells:
                row.append(_put(WriteOnlyCell(ws), cell, styles))
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return len(buffer.getvalue())


def _put(out: Any, cell: Any, styles: _OpenpyxlStyles) -> Any:
    """One cell's value (always text where it is text) and style, for both openpyxl modes."""
    out.value = _value(cell.value)
    if isinstance(out.value, str):
        out.data_type = "s"
    if cell.style is not None:
        out.font, fill, out.alignment = styles(cell.style)
        if fill is not None:
            out.fill = fill
        out.number_format = cell.style.number_format
    return out


def openpyxl_normal(book: Book) -> int:
    wb = OpenpyxlWorkbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    styles = _OpenpyxlStyles()
    for sheet in book.sheets:
        ws = wb.create_sheet(sheet.name)
        _draw_normal(ws, sheet, styles)
    buffer = io.BytesIO()
    wb.save(buffer)
    return len(buffer.getvalue())


def _draw_normal(ws: Any, sheet: Sheet, styles: _OpenpyxlStyles) -> None:
    for i, width in enumerate(sheet.widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for number, cells in enumerate(sheet.rows, start=1):
        for column, cell in enumerate(cells, start=1):
            _put(ws.cell(number, column), cell, styles)
        if number in sheet.heights:
            ws.row_dimensions[number].height = sheet.heights[number]
    for row, first, last_row, last in sheet.merges:
        ws.merge_cells(start_row=row, start_column=first, end_row=last_row, end_column=last)
    if sheet.frozen_rows:
        ws.freeze_panes = f"A{sheet.frozen_rows + 1}"


LIBRARIES: dict[str, Callable[[Book], int]] = {
    "xlsxwriter": xlsxwriter_in_memory,
    "xlsxw-cm": xlsxwriter_constant_memory,
    "opx-wo": openpyxl_write_only,
    "opx": openpyxl_normal,
}


# --- one size --------------------------------------------------------------------------------


def run_size(n_units: int, seed: int, repeat: int, folder: Path) -> dict[str, Any]:
    """Make, read and solve one synthetic Polres, then time each way of writing its plan."""
    from rwassign.explain import solve
    from rwassign.io.read import read_input
    from rwassign.settings import from_mapping
    from tools.synth import make_polres_workbook

    source = folder / f"polres_{n_units}.xlsx"
    make_polres_workbook(source, seed=seed + n_units, n_units=n_units, roster_factor=0.6)
    read = read_input(source)
    assert read.instance is not None, [p.code for p in read.problems if p.is_error][:5]
    settings = from_mapping(read.settings_values).replace(max_units_per_officer=1)
    t0 = time.perf_counter()
    result = solve(read.instance, settings)
    row: dict[str, Any] = {"units": len(read.instance.units), "solve_s": 0.0}
    row["solve_s"] = time.perf_counter() - t0
    target = folder / f"polres_{n_units}-penugasan.xlsx"
    facts = summarize(result, output=target, input_hashes={})
    book = build_workbook(result, facts)
    row["rows"] = sum(s.max_row for s in book.sheets)
    row["layout"] = best(repeat, lambda: build_workbook(result, facts))
    for name, draw in LIBRARIES.items():
        row[name] = best(repeat, lambda draw=draw: draw(book))  # type: ignore[misc]
        row[f"{name}_bytes"] = draw(book)
    row["write_workbook"] = best(repeat, lambda: write_workbook(result, target))
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000, 10000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    names = ["layout", *LIBRARIES, "write_workbook"]
    print(f"{'units':>6} {'rows':>7} " + " ".join(f"{n:>14}" for n in names)
          + "   " + " ".join(f"{n:>10}" for n in list(LIBRARIES)[1:]))  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="rwassign-bench-write-") as tmp:
        for n in args.sizes:
            row = run_size(n, args.seed, args.repeat, Path(tmp))
            base = row["xlsxwriter"]
            ratios = " ".join(f"{row[n] / base:>9.1f}x" for n in list(LIBRARIES)[1:])
            figures = " ".join(f"{row[n]:>13.2f}s" for n in names)
            print(f"{row['units']:>6} {row['rows']:>7} {figures}   {ratios}", flush=True)
            sizes = ", ".join(f"{n} {row[f'{n}_bytes'] / 1e6:.1f} MB" for n in LIBRARIES)
            print(f"       file sizes: {sizes}; solved in {row['solve_s']:.1f} s", flush=True)


if __name__ == "__main__":
    main()
