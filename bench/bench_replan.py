"""Re-plan and batch benchmark: prints figures, asserts nothing.

1. Re-plan: a seeded 2,000-unit synthetic Polres is solved; then 10 % of its roster is replaced
   (rows deleted, the same number of new members appended from another seeded roster) and the
   new roster is re-planned against the first plan, end to end through the library pipeline.
   Prints moves, changes, coverage and seconds, and checks the target "proven optimum in under
   15 s".
2. Batch: N seeded 2,000-unit workbooks (default 30) are solved with ``--jobs 1`` and
   ``--jobs 2`` through the CLI; prints both wall times and the speed-up.

Run from the repository root: ``python bench/bench_replan.py [--batch 30] [--units 2000]``.
Figures vary between runs on a shared machine; compare the two batch times within one run.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from rwassign.pipeline import Request, run  # noqa: E402
from tools.synth import make_polres_workbook  # noqa: E402

HEADER_ROW_SCAN = 10


def _roster_header_row(ws) -> int:  # type: ignore[no-untyped-def]
    for r in range(1, HEADER_ROW_SCAN + 1):
        if ws.cell(r, 2).value == "NAMA":
            return r
    raise SystemExit("roster header not found")


def replace_roster(src: Path, donor: Path, dst: Path, share: float, seed: int) -> int:
    """Copy ``src`` to ``dst`` with ``share`` of its members replaced by members of ``donor``."""
    rng = random.Random(seed)
    wb = load_workbook(src)
    ws = wb["Personel"]
    h = _roster_header_row(ws)
    rows = [r for r in range(h + 1, ws.max_row + 1) if ws.cell(r, 2).value]
    out = sorted(rng.sample(rows, int(len(rows) * share)))
    for r in reversed(out):
        ws.delete_rows(r)
    dws = load_workbook(donor, read_only=True)["Personel"]
    added = 0
    for values in dws.iter_rows(min_row=h + 1, values_only=True):
        if added == len(out):
            break
        if values[1]:
            ws.append(list(values))
            added += 1
    wb.save(dst)
    return len(out)


def bench_replan(tmp: Path, n_units: int) -> None:
    base, donor, after = tmp / "polres.xlsx", tmp / "donor.xlsx", tmp / "polres-mutasi.xlsx"
    make_polres_workbook(base, seed=11, n_units=n_units, roster_factor=1.5)
    make_polres_workbook(donor, seed=12, n_units=n_units, roster_factor=1.5)
    t = time.perf_counter()
    first = run(Request(input_file=base, output=tmp / "lama.xlsx"))
    t_first = time.perf_counter() - t
    assert first.result is not None and first.result.objective is not None
    replaced = replace_roster(base, donor, after, 0.10, seed=13)
    t = time.perf_counter()
    out = run(Request(input_file=after, output=tmp / "baru.xlsx", previous=tmp / "lama.xlsx"))
    t_re = time.perf_counter() - t
    r = out.result
    assert r is not None and r.objective is not None and out.facts is not None
    print(f"replan: {n_units} units, {replaced} of the roster replaced (10 %)")
    print(
        f"  first solve        {t_first:6.2f} s end to end, "
        f"covered {first.result.objective.covered}"
    )
    print(
        f"  replan             {t_re:6.2f} s end to end (solve stages: "
        + ", ".join(f"{k} {v:.2f}" for k, v in r.seconds.items())
        + ")"
    )
    print(f"  status {r.status.value}, gap {r.gap}, covered {r.objective.covered}, "
          f"moves {r.moves}, travel unit {r.travel_unit_m} m")  # fmt: skip
    print(f"  changes {out.facts['changes']}")
    ok = r.status.value == "OPTIMAL" and t_re < 15
    print(f"target replan 2,000 units proven optimal < 15 s: {'PASS' if ok else 'FAIL'}")


def bench_batch(tmp: Path, n_files: int, n_units: int) -> None:
    folder = tmp / "polda"
    folder.mkdir()
    t = time.perf_counter()
    for i in range(n_files):
        make_polres_workbook(folder / f"polres_{i:02d}.xlsx", seed=100 + i, n_units=n_units)
    print(f"batch: generated {n_files} workbooks of {n_units} units in "
          f"{time.perf_counter() - t:.1f} s")  # fmt: skip
    times = {}
    for jobs in (1, 2):
        out_dir = tmp / f"out{jobs}"
        out_dir.mkdir()
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "rwassign.cli", "solve", str(folder), "--jobs", str(jobs),
             "--output-dir", str(out_dir)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        times[jobs] = time.perf_counter() - t
        print(f"  --jobs {jobs}: {times[jobs]:6.1f} s, exit {proc.returncode}")
    print(f"  speed-up of --jobs 2 over --jobs 1: {times[1] / times[2]:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=30, help="workbooks in the batch (0 = skip)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        bench_replan(tmp, args.units)
        if args.batch:
            bench_batch(tmp, args.batch, args.units)


if __name__ == "__main__":
    main()
