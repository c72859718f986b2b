"""Re-plan and batch benchmark: prints figures; a move-budget row whose optimum differs from the
independent reference exits with status 1.

1. Re-plan: a seeded 2,000-unit synthetic Polres is solved; then 10 % of its roster is replaced
   (rows deleted, the same number of new members appended from another seeded roster) and the
   new roster is re-planned against the first plan, end to end through the library pipeline.
   Prints moves, changes, coverage and seconds, and checks the target "proven optimum in under
   15 s".
2. Move budgets against an independent reference: members holding units leave a seeded Polres
   (no reserve can fill every gap, so the free re-plan moves members to the better units) and
   the re-plan runs with ``--max-moves K``.  Beside rwassign, a generic MIP of the full model
   (SCIP through OR-Tools ``pywraplp``: every allowed pair, a stay variable per member, the
   budget, the same folded objective) is solved and its plan valued in integers.  Rows: 346
   units (1.5 members per unit) with 40 members gone and K = 3; 2,000 units (0.9 members per
   unit, ``max_travel_km`` 10 so that the MIP's model stays buildable: 146,312 pairs) with 150
   gone and K = 10, with ``--tradeoff``.
3. Batch: N seeded 2,000-unit workbooks (default 30) are solved with ``--jobs 1`` and
   ``--jobs 2`` through the CLI; prints both wall times and the speed-up.

Run from the repository root: ``python bench/bench_replan.py [--batch 30] [--units 2000]
[--skip-budget]``.
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
from typing import Any

import numpy as np
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from rwassign import api, rules  # noqa: E402
from rwassign.io.plan import read_plan  # noqa: E402
from rwassign.io.previous import read_previous  # noqa: E402
from rwassign.pipeline import Request, run  # noqa: E402
from rwassign.solver import Guidance  # noqa: E402
from rwassign.solver import solve as solver_solve  # noqa: E402
from rwassign.solver.budget import true_value  # noqa: E402
from rwassign.solver.candidates import build_arcs  # noqa: E402
from rwassign.solver.weights import lexicographic_weights  # noqa: E402
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


def drop_holders(src: Path, plan: Path, dst: Path, leave: int, seed: int) -> int:
    """Copy ``src`` to ``dst`` without ``leave`` members who hold a unit in ``plan``."""
    holders = {nrp for _, nrp in read_plan(plan)}
    rng = random.Random(seed)
    wb = load_workbook(src)
    ws = wb["Personel"]
    h = _roster_header_row(ws)
    rows = [
        r
        for r in range(h + 1, ws.max_row + 1)
        if ws.cell(r, 2).value and any(n in str(ws.cell(r, 3).value) for n in holders)
    ]
    out = sorted(rng.sample(rows, min(leave, len(rows))))
    for r in reversed(out):
        ws.delete_rows(r)
    wb.save(dst)
    return len(out)


def reference_mip(
    book: Path, previous: Path, max_moves: int, overrides: dict[str, Any]
) -> tuple[int, float, str]:
    """The full model as a generic MIP (SCIP): every allowed pair, one stay variable per member
    who held a pair, the budget, rwassign's folded objective.  Returns the exact integer value
    of SCIP's plan, SCIP's seconds (build excluded) and its status."""
    from ortools.linear_solver import pywraplp

    polres = api.read(book, overrides=overrides)
    inst, settings = polres.instance, polres.settings
    prev = read_previous(previous, inst)
    guidance = Guidance(previous=dict(prev.pairs))
    arcs = build_arcs(inst, settings, rules.evaluate(inst, settings).eligible, guidance)
    w = lexicographic_weights(arcs, len(inst.units))
    values = w.arc_values(arcs).tolist()
    mip = pywraplp.Solver.CreateSolver("SCIP")
    x = [mip.BoolVar("") for _ in values]
    by_unit: dict[int, list[int]] = {}
    by_off: dict[int, list[int]] = {}
    for i, (o, u) in enumerate(zip(arcs.officer.tolist(), arcs.unit.tolist(), strict=True)):
        by_unit.setdefault(u, []).append(i)
        by_off.setdefault(o, []).append(i)
    for members in by_unit.values():
        mip.Add(sum(x[i] for i in members) <= 1)
    for members in by_off.values():
        mip.Add(sum(x[i] for i in members) <= settings.max_units_per_officer)
    ys = []
    for members in by_off.values():
        kept = [i for i in members if arcs.kept[i]]
        if kept:
            y = mip.BoolVar("")
            for i in kept:
                mip.Add(y <= x[i])
            ys.append(y)
    mip.Add(sum(ys) >= len(ys) - max_moves)
    objective = mip.Objective()
    for var, v in zip(x, values, strict=True):
        objective.SetCoefficient(var, float(v))
    for y in ys:
        objective.SetCoefficient(y, float(w.stay))
    objective.SetMaximization()
    mip.SetSolverSpecificParametersAsString("limits/gap = 0\nlimits/absgap = 0\n")
    t = time.perf_counter()
    status = mip.Solve()
    took = time.perf_counter() - t
    chosen = np.asarray([v.solution_value() > 0.5 for v in x], dtype=np.bool_)
    name = {mip.OPTIMAL: "OPTIMAL", mip.FEASIBLE: "FEASIBLE"}.get(status, str(status))
    return true_value(arcs, w, chosen), took, name


def budget_row(
    tmp: Path,
    name: str,
    n_units: int,
    leave: int,
    k: int,
    *,
    tradeoff: bool = False,
    factor: float = 0.9,
    overrides: dict[str, Any] | None = None,
) -> bool:
    """One row: rwassign (solve stages and end to end) beside the reference MIP."""
    base, lama, after = tmp / f"{name}.xlsx", tmp / f"{name}-lama.xlsx", tmp / f"{name}-b.xlsx"
    make_polres_workbook(base, seed=21, n_units=n_units, roster_factor=factor)
    ov = dict(overrides or {})
    assert run(Request(input_file=base, output=lama, overrides=ov)).exit_code == 0
    gone = drop_holders(base, lama, after, leave, seed=22)
    free = run(
        Request(input_file=after, output=tmp / f"{name}-free.xlsx", previous=lama, overrides=ov)
    )
    assert free.result is not None
    t = time.perf_counter()
    out = run(
        Request(
            input_file=after, output=tmp / f"{name}-k.xlsx", previous=lama, max_moves=k,
            tradeoff=tradeoff, overrides=ov,
        )
    )  # fmt: skip
    t_end = time.perf_counter() - t
    r = out.result
    assert r is not None and r.objective is not None
    polres = api.read(after, overrides=ov)
    prev = read_previous(lama, polres.instance)
    sol = solver_solve(
        polres.instance, polres.settings, guidance=Guidance(previous=dict(prev.pairs), max_moves=k)
    )
    ref_value, ref_s, ref_status = reference_mip(after, lama, k, ov)
    solve_s = sum(sol.seconds.values())
    flags = f"--max-moves {k}{' --tradeoff' if tradeoff else ''} {ov or ''}"
    print(f"{name}: {n_units} units, {gone} members holding a unit left, {flags}; "
          f"{len(sol.arcs.unit)} pairs")  # fmt: skip
    print(f"  free re-plan       moves {free.result.moves}, covered "
          f"{free.result.objective.covered if free.result.objective else None}")  # fmt: skip
    print(f"  rwassign           {r.status.value}, gap {r.gap}, covered {r.objective.covered}, "
          f"weighted {r.objective.weighted_coverage}, moves {r.moves}; solve {solve_s:.2f} s "
          f"({sol.flows} flows; " + ", ".join(f"{a} {b:.2f}" for a, b in sol.seconds.items())
          + f"), end to end {t_end:.2f} s")  # fmt: skip
    if tradeoff:
        print("  tradeoff           " + ", ".join(
            f"K={row['max_moves']}:{row['weighted_coverage']}/{row['status']}"
            for row in out.tradeoff))  # fmt: skip
    print(f"  reference MIP      {ref_status}, {ref_s:.2f} s (SCIP, build excluded)")
    same = sol.value == ref_value and r.status.value == "OPTIMAL"
    print(f"  value rwassign {sol.value} vs reference {ref_value}: "
          f"{'SAME' if sol.value == ref_value else 'DIFFERENT'}")  # fmt: skip
    fast = solve_s < ref_s and (not tradeoff or t_end < 30)
    print(f"target proven optimal, equal to the reference and faster: "
          f"{'PASS' if same and fast else 'FAIL'}")  # fmt: skip
    return sol.value == ref_value


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
    ap.add_argument("--skip-budget", action="store_true", help="skip the move-budget rows")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        bench_replan(tmp, args.units)
        if not args.skip_budget:
            agree = [
                budget_row(tmp, "polres346", 346, 40, 3, factor=1.5),
                budget_row(
                    tmp,
                    "polres2000",
                    2000,
                    150,
                    10,
                    tradeoff=True,
                    overrides={"max_travel_km": 10},
                ),
            ]
            if not all(agree):
                print("a move-budget optimum differs from the reference MIP", file=sys.stderr)
                raise SystemExit(1)
        if args.batch:
            bench_batch(tmp, args.batch, args.units)


if __name__ == "__main__":
    main()
