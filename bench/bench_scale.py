"""Large single plans: the sparse, priced flow against a dense Hungarian, in the same run.

For each size (default 5,000, 10,000 and 20,000 units, about 0.75 members per unit, cap 1,
plus one cap-2 row at the smallest size) a synthetic Polres is written by
``tools.synth.make_polres_workbook``; then three child processes each report their own peak
memory (``ru_maxrss``):

* ``e2e``: ``rwassign.api`` end to end: read, solve (with the independent checker, which
  re-checks the certificate over every pair), write;
* ``solve``: read (not timed), then the solve alone (``rwassign.solver.solve``, flow and
  pricing) and the explanation, with the peak before and after, so the solve's own share of
  memory shows;
* ``ref``: the reference, scipy's ``linear_sum_assignment`` on the dense cost matrix (numpy,
  no I/O; each member repeated ``cap`` times), its time, memory and optimum.  It shares the
  distance formula (``rwassign.distance``) so both price a pair to the metre and reads
  eligibility with the independent checker's rules; its weights and search are its own.

A row fails loudly (exit 1) when rwassign's objective differs from the reference's on any
level, or when the plan is not proven optimal.

```
python bench/bench_scale.py                      # 5,000, 10,000, 20,000 units, cap 1 (+ cap 2)
python bench/bench_scale.py --sizes 10000 --caps 1
```
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _read(path: Path, cap: int) -> Any:
    import rwassign

    polres = rwassign.read(path)
    settings = polres.settings.replace(max_units_per_officer=cap, time_limit_s=600.0)
    return polres, settings


def child_e2e(path: Path, cap: int, out_dir: Path) -> dict[str, Any]:
    """Read, solve (checked), write through the public API."""
    import rwassign

    t0 = time.perf_counter()
    polres, settings = _read(path, cap)
    t1 = time.perf_counter()
    plan = rwassign.solve(polres, settings)
    t2 = time.perf_counter()
    rwassign.write_plan(plan, out_dir / "plan.xlsx")
    t3 = time.perf_counter()
    ob = plan.result.objective
    return {
        "read_s": t1 - t0,
        "solve_s": t2 - t1,
        "write_s": t3 - t2,
        "total_s": t3 - t0,
        "peak_mb": _peak_mb(),
        "status": plan.result.status.value,
        "objective": [ob.weighted_coverage, ob.covered, ob.residence, ob.travel_m],
    }


def child_solve(path: Path, cap: int) -> dict[str, Any]:
    """The solve alone (after an untimed read), and its share of the peak memory."""
    from rwassign import checker, rules, solver
    from rwassign.explain import explain

    polres, settings = _read(path, cap)
    inst = polres.instance
    elig = rules.evaluate(inst, settings)
    before = _peak_mb()
    t0 = time.perf_counter()
    sol = solver.solve(inst, settings, eligibility=elig)
    t1 = time.perf_counter()
    result = explain(inst, settings, sol, elig)
    t2 = time.perf_counter()
    found = checker.check_certificate(result)
    t3 = time.perf_counter()
    cert = sol.certificate
    ob = sol.objective
    assert ob is not None and cert is not None
    return {
        "units": len(inst.units),
        "members": len(inst.officers),
        "eligible": int(sum(elig.eligible)),
        "solve_s": t1 - t0,
        "build_s": sol.seconds["build"],
        "flow_s": sol.seconds["flow"],
        "explain_s": t2 - t1,
        "recheck_s": t3 - t2,
        "recheck_ok": not found,
        "peak_before_mb": before,
        "peak_mb": _peak_mb(),
        "status": sol.status.value,
        "proven": bool(cert.proven),
        "rounds": cert.rounds,
        "added": cert.added,
        "arcs": len(sol.arcs.unit),
        "objective": [ob.weighted_coverage, ob.covered, ob.residence, ob.travel_m],
    }


def child_ref(path: Path, cap: int) -> dict[str, Any]:
    """Dense Hungarian: every eligible member (``cap`` copies) x every unit, numpy costs."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from rwassign import distance
    from rwassign.checker import _eligibility_failures

    polres, settings = _read(path, cap)
    inst = polres.instance
    t0 = time.perf_counter()
    # eligibility by the independent checker's own reading of the rules
    offs = np.asarray(
        [o.index for o in inst.officers if not _eligibility_failures(o, settings)],
        dtype=np.int64,
    )
    geo = distance.geometry(inst)
    units = np.arange(len(inst.units), dtype=np.int64)
    weight = np.asarray([settings.priority_weight(u.priority) for u in inst.units], np.int64)
    # own lexicographic weights: one residence beats any travel total, one weight unit of
    # coverage beats any residence and travel total (longest trip found in a first pass)
    longest = 0
    for blk in distance.pair_blocks(geo, offs, units, settings):
        longest = max(longest, int(blk.travel.max(initial=0)))
    k = min(len(inst.units), cap * len(offs))
    big_r = k * longest + 1
    big_w = k * (big_r + longest) + 1
    exact = (int(weight.max(initial=0)) * big_w + big_r) * k < 2**53
    # the dense matrix, filled a block of members at a time (each member repeated cap times)
    cost = np.empty((cap * len(offs), len(inst.units)), dtype=np.float64)
    for blk in distance.pair_blocks(geo, offs, units, settings):
        value = weight[None, :] * big_w + blk.resident * big_r - blk.travel
        for c in range(cap):
            rows_here = np.arange(blk.start, blk.start + len(value)) * cap + c
            cost[rows_here] = -value
    t1 = time.perf_counter()
    rows, cols = linear_sum_assignment(cost)
    t2 = time.perf_counter()
    o = offs[rows // cap]
    res = geo.off_home_unit[o] == cols
    metres, _ = distance.pair_travel(geo, o, cols, settings)
    metres = np.where(res, 0, metres)
    return {
        "ref_build_s": t1 - t0,
        "ref_solve_s": t2 - t1,
        "ref_s": t2 - t0,
        "ref_peak_mb": _peak_mb(),
        "ref_exact": exact,
        "ref_objective": [
            int(weight[cols].sum()),
            len(cols),
            int(res.sum()),
            int(metres.sum()),
        ],
    }


def _child(mode: str, path: Path, cap: int) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(path)]
    cmd += ["--cap", str(cap)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            row: dict[str, Any] = json.loads(line[len("RESULT ") :])
            return row
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
    return {"status": "CRASH", "error": " | ".join(tail)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[5000, 10000, 20000])
    ap.add_argument("--caps", type=int, nargs="*", default=[1])
    ap.add_argument("--cap2-size", type=int, default=5000, help="size of the extra cap-2 row")
    ap.add_argument("--members", type=float, default=0.75, help="members per unit")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--no-e2e", action="store_true", help="skip the end-to-end child")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    ap.add_argument("--cap", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        mode, path = args.child[0], Path(args.child[1])
        with tempfile.TemporaryDirectory() as out:
            if mode == "e2e":
                row = child_e2e(path, args.cap, Path(out))
            elif mode == "solve":
                row = child_solve(path, args.cap)
            else:
                row = child_ref(path, args.cap)
        print("RESULT " + json.dumps(row))
        return 0

    from tools.synth import make_polres_workbook

    cases = [(n, c) for n in args.sizes for c in args.caps]
    if args.cap2_size and 2 not in args.caps:
        cases.append((args.cap2_size, 2))
    header = (
        f"{'case':<14}{'units':>7}{'elig':>6}{'e2e s':>8}{'e2e MB':>8}{'solve s':>9}"
        f"{'flow s':>8}{'rounds':>7}{'arcs':>9}{'solve MB':>9}{'recheck s':>10}"
        f"{'ref s':>8}{'ref MB':>8}  verdict"
    )
    print(header)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, cap in cases:
            path = Path(tmp) / f"scale_{n}.xlsx"
            if not path.exists():
                make_polres_workbook(
                    path, seed=args.seed + n, n_units=n, roster_factor=args.members
                )
            e2e = {} if args.no_e2e else _child("e2e", path, cap)
            sol = _child("solve", path, cap)
            ref = _child("ref", path, cap)
            ok = (
                sol.get("objective") == ref.get("ref_objective")
                and sol.get("proven")
                and sol.get("recheck_ok")
                and (args.no_e2e or e2e.get("objective") == sol.get("objective"))
            )
            verdict = "ok" if ok else "DIFF"
            if not ok:
                failed += 1
                errors = " ".join(str(d.get("error", "")) for d in (e2e, sol, ref))
                verdict += f" {sol.get('objective')} vs ref {ref.get('ref_objective')} {errors}"

            def f(d: dict[str, Any], k: str, digits: int = 1) -> str:
                v = d.get(k)
                return "-" if v is None else f"{v:.{digits}f}"

            solve_mb = sol.get("peak_mb", 0) - sol.get("peak_before_mb", 0)
            print(
                f"{f'{n} cap {cap}':<14}{n:>7}{sol.get('eligible', '-'):>6}"
                f"{f(e2e, 'total_s'):>8}{f(e2e, 'peak_mb', 0):>8}{f(sol, 'solve_s'):>9}"
                f"{f(sol, 'flow_s'):>8}{sol.get('rounds', '-'):>7}{sol.get('arcs', '-'):>9}"
                f"{f({'x': solve_mb}, 'x', 0):>9}{f(sol, 'recheck_s'):>10}"
                f"{f(ref, 'ref_s'):>8}{f(ref, 'ref_peak_mb', 0):>8}  {verdict}",
                flush=True,
            )
            print("   " + json.dumps({"e2e": e2e, "solve": sol, "ref": ref}), flush=True)
    if failed:
        print(f"FAILED: {failed} row(s) differ from the reference or are not proven optimal")
        return 1
    print("every row proven optimal and equal to the dense Hungarian")
    return 0


if __name__ == "__main__":
    sys.exit(main())
