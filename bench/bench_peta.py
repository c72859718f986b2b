"""Time the coverage maps (``solve --peta``) of the sample Polres (target: under 5 s in all).

Reads and solves ``data/samples/polres_lebong.xlsx`` (not timed: that is ``solve``), then
times what ``--peta`` adds, in a fresh process so that the first import of matplotlib is
counted: importing the drawing code, deciding each map's content, drawing each PNG, writing
the files, and embedding them in a ``Peta`` sheet of an xlsxwriter workbook.  ``--units N``
also times a synthetic Polres of N units (``tools.synth``), to show how the cost grows.

    python bench/bench_peta.py [--units 2000] [--seed 7] [--keep FOLDER]

Wall-clock seconds are what a user waits; the CPU seconds beside them (and the load average)
tell a busy machine from a slow drawing.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "data" / "samples" / "polres_lebong.xlsx"
TARGET_S = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=0, help="also a synthetic Polres this big")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the maps here instead of a temp folder")
    args = parser.parse_args()

    import rwassign

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        inputs = [("sample polres_lebong", SAMPLE)]
        if args.units:
            from tools.synth import make_polres_workbook

            synth = tmp / f"synth_{args.units}.xlsx"
            make_polres_workbook(synth, seed=args.seed, n_units=args.units, cap=2)
            inputs.append((f"synthetic {args.units} units", synth))
        first_import = True
        for label, source in inputs:
            plan = rwassign.solve(rwassign.read(source))
            folder = args.keep or tmp / "peta"
            folder.mkdir(parents=True, exist_ok=True)
            stem = f"{source.stem}-penugasan"
            cpu0 = time.process_time()
            total = _time_maps(label, plan.result, folder, stem, first_import)
            cpu = time.process_time() - cpu0
            first_import = False
            print(f"  CPU time        {cpu:6.2f} s  (load average {os.getloadavg()[0]:.1f})")
            if label.startswith("sample"):
                verdict = "within" if total < TARGET_S else "OVER"
                print(f"  sample total {total:.2f} s: {verdict} the {TARGET_S:.0f} s target")


def _time_maps(label: str, result: object, folder: Path, stem: str, first: bool) -> float:
    """Time each stage of ``draw_maps`` and the ``Peta`` sheet; print them; the total."""
    t0 = time.perf_counter()
    import xlsxwriter

    from rwassign.io.atomic import write_atomically
    from rwassign.peta import peta_sheet
    from rwassign.peta.draw import render_png
    from rwassign.peta.files import MapImage, map_names
    from rwassign.peta.layout import build_maps

    t_import = time.perf_counter() - t0
    instance = result.instance  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    contents = build_maps(instance, result)  # type: ignore[arg-type]
    t_layout = time.perf_counter() - t0
    names = map_names(stem, [c.polsek for c in contents])
    images, draw_times = [], []
    for content, name in zip(contents, names, strict=True):
        t0 = time.perf_counter()
        png = render_png(content, instance.name, "id")
        draw_times.append(time.perf_counter() - t0)
        images.append(MapImage(name, folder / name, content.polsek, content.counts, png))
    t0 = time.perf_counter()
    for image in images:
        write_atomically(image.path, functools.partial(_write, data=image.png))
    t_write = time.perf_counter() - t0
    t0 = time.perf_counter()
    book = xlsxwriter.Workbook(
        str(folder / f"{stem}-peta.xlsx"),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    peta_sheet(images, "id")(book)
    book.close()
    t_sheet = time.perf_counter() - t0
    total = t_import + t_layout + sum(draw_times) + t_write + t_sheet
    size_kb = sum(len(i.png) for i in images) / 1024
    units = len(instance.units)
    print(f"{label}: {units} units, {len(images)} maps ({size_kb:.0f} KiB of PNG)")
    print(f"  import {'(first) ' if first else ''}{t_import:6.2f} s")
    print(f"  layout          {t_layout:6.2f} s")
    print(
        f"  draw            {sum(draw_times):6.2f} s  (per map {min(draw_times):.2f} .. "
        f"{max(draw_times):.2f} s, whole Polres {draw_times[0]:.2f} s)"
    )
    print(f"  write files     {t_write:6.2f} s")
    print(f"  Peta sheet      {t_sheet:6.2f} s")
    print(f"  total           {total:6.2f} s")
    return total


def _write(handle: IO[bytes], data: bytes) -> None:
    handle.write(data)


if __name__ == "__main__":
    main()
