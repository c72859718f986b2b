"""Benchmark of ``rwassign saran``: the training table on a 2,000-unit Polres, and the whole advice.

Run from the repository root::

    python bench/bench_saran.py                 # 2,000 units, caps 1 and 2
    python bench/bench_saran.py --units 500 --caps 1

A seeded synthetic Polres (``tools.synth``; about 11 % of its members fail only the training
rule) is written to a temporary folder and read; then for each cap the training table for k up
to 50 is computed with every row checked by the independent checker (in a worker process
beside the solving), and the figures printed: seconds for the table (target: under 20 s), the
CPU seconds of this process and of the checker's worker (on a busy machine the wall clock
says more about the other processes than about rwassign), rows, rows proven optimal, rows whose
coverage is proven, and the seconds of the kecamatan and settings tables.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

TARGET_S = 20.0


def _children_cpu() -> float:
    """CPU seconds of finished child processes (the row checker's worker)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main() -> None:
    import rwassign
    from rwassign.advice.kecamatan import kecamatan_table
    from rwassign.advice.training import training_table
    from rwassign.advice.whatif import settings_table
    from tools.synth import make_polres_workbook

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=2000)
    ap.add_argument("--caps", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--max-k", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "polres.xlsx"
        make_polres_workbook(path, seed=args.seed, n_units=args.units, roster_factor=0.6)
        polres = rwassign.read(path)
    inst = polres.instance
    print(f"Polres: {len(inst.units)} units, {len(inst.officers)} members")
    print(
        "cap | candidates | rows | proven | coverage proven | checked | table s "
        "| cpu s (checker worker) | target"
    )
    for cap in args.caps:
        s = polres.settings.replace(max_units_per_officer=cap)
        t0, c0, w0 = time.perf_counter(), time.process_time(), _children_cpu()
        table = training_table(inst, s, max_k=args.max_k)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        worker = _children_cpu() - w0
        rows = table.rows
        print(
            f"{cap:>3} | {table.candidates:>10} | {len(rows):>4} | "
            f"{sum(r.proven for r in rows):>6} | {sum(r.coverage_proven for r in rows):>15} | "
            f"{sum(r.checked for r in rows):>7} | {wall:>7.1f} | {cpu:>5.1f} ({worker:.1f}) | "
            f"{'ok' if wall < TARGET_S else 'MISSED'} (< {TARGET_S:g} s)"
        )
        t0 = time.perf_counter()
        whatif, today, _ = settings_table(inst, s)
        t1 = time.perf_counter()
        kecamatan_table(inst, s, today)
        t2 = time.perf_counter()
        print(
            f"      settings table {t1 - t0:.1f} s ({len(whatif)} solves), "
            f"kecamatan {t2 - t1:.1f} s"
        )


if __name__ == "__main__":
    main()
