"""Time of reading an input workbook, by reader, on synthetic Polres and on hostile files.

Three ways to turn a workbook into grids of values are compared in one run, each on the same
bytes in memory (so the disk is not measured):

- ``rwassign``: :func:`rwassign.io.read.tables.load`, the loader the program uses (bounds,
  merged cells and every check included);
- ``openpyxl-stream``: openpyxl's read-only workbook with the sheet XML streamed cell by cell,
  the loader rwassign used before python-calamine (kept in ``tables`` for files calamine is not
  given);
- ``openpyxl-ro``: openpyxl's own read-only ``iter_rows(values_only=True)``;
- ``calamine``: python-calamine (Rust), every sheet to Python lists.

Figures are the best of ``--repeat`` runs in seconds, and the ratio to ``rwassign``.  The
hostile files are those of ``tests/hostile/gen_limits.py`` (small sizes) and
``tests/hostile/gen_readers.py``; for them only the program's loader is timed (the other
readers have no bounds: that is the point).

    python bench/bench_io.py                      # 2,000 / 5,000 / 10,000 units + hostile
    python bench/bench_io.py --sizes 2000 --repeat 1 --no-hostile

Run from the repository root; compare figures within one run.
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
sys.path.insert(0, str(ROOT))

from rwassign.io.read import read_input, tables  # noqa: E402
from tools.synth import make_polres_workbook  # noqa: E402


def _openpyxl_ro(path: Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
    return cells


def _calamine(path: Path) -> int:
    import python_calamine

    wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    cells = 0
    for name in wb.sheet_names:
        for row in wb.get_sheet_by_name(name).to_python(skip_empty_area=False):
            cells += len(row)
    return cells


def _stream(path: Path) -> int:
    out = tables.LoadedFile(path, path.name)
    sheets = tables.load_with_openpyxl(path.read_bytes(), out, 0) or []
    return sum(len(r) for s in sheets for r in s.rows)


def _rwassign(path: Path) -> int:
    loaded = tables.load(path)
    return sum(len(r) for s in loaded.sheets for r in s.rows)


READERS: dict[str, Callable[[Path], int]] = {
    "rwassign": _rwassign,
    "openpyxl-stream": _stream,
    "openpyxl-ro": _openpyxl_ro,
    "calamine": _calamine,
}


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def hostile_cases(folder: Path) -> list[tuple[str, Callable[[Path], Path]]]:
    """(label, writer) pairs; each writer gets an empty folder of its own."""
    from tests.hostile import gen_limits as gen
    from tests.hostile import gen_readers as ods

    cases: list[tuple[str, Callable[[Path], Path]]] = [
        ("styled empty cell XFD1048576", gen.far_styled_cell),
        ("value at K1048576", gen.far_cell),
        ("merge A5:A1048576", gen.far_merge),
        ("cell of 40,000 characters", gen.long_text_cell),
        ("150,000 rows", gen.many_rows),
        ("45,000 x 20 cells", gen.many_cells),
        ("60,000 x 20 empty cells", gen.many_empty_cells),
        ("2,500,000 rows", lambda f: gen.fifty_million_rows(f, rows=2_500_000)),
        (".ods value repeated 1,048,576 rows", ods.ods_value_repeated_down),
        (".ods value repeated 16,384 columns", ods.ods_value_repeated_right),
        (".ods 36-million-cell rectangle", ods.ods_far_corner),
        (".ods 104,000 merges", ods.ods_many_merges),
    ]
    if ods.soffice() is not None:
        cases.append(
            (
                ".xls cell moved to row 60,000 x col 400",
                lambda f: ods.xls_moved_cell(f, 60_000, 400),
            )
        )
    return cases


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2000,5000,10000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-hostile", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        names = list(READERS)
        print(f"{'input':<32}" + "".join(f"{n:>18}" for n in names) + f"{'read_input':>12}")
        for n in (int(s) for s in args.sizes.split(",")):
            path = folder / f"polres_{n}.xlsx"
            make_polres_workbook(path, seed=n, n_units=n)
            base = best(lambda p=path: _rwassign(p), args.repeat)
            cols = []
            for name in names:
                t = best(lambda p=path, f=READERS[name]: f(p), args.repeat)  # type: ignore[misc]
                cols.append(f"{t:8.3f} s ({t / base:4.2f})")
            whole = best(lambda p=path: read_input(p), args.repeat)
            print(
                f"{f'{n:,} units ({path.stat().st_size // 1024} KB)':<32}"
                + "".join(f"{c:>18}" for c in cols)
                + f"{whole:10.3f} s"
            )
        if args.no_hostile:
            return
        print()
        print(f"{'hostile file':<32}{'rwassign':>12}  first problem")
        for i, (label, write) in enumerate(hostile_cases(folder)):
            (folder / f"h{i}").mkdir()
            path = write(folder / f"h{i}")
            start = time.perf_counter()
            loaded = tables.load(path)
            t = time.perf_counter() - start
            first = loaded.problems[0].code if loaded.problems else "-"
            print(f"{label:<32}{t:10.3f} s  {first}")


if __name__ == "__main__":
    main()
