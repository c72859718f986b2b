"""Benchmark of rwassign end to end, checked against an independent exact optimum.

Run from the repository root::

    python bench/bench.py            # sizes 350, 2000 and 5000 units
    python bench/bench.py --quick    # sizes 350 and 2000
    python bench/bench.py --sizes 1000 --scenarios kurang-c3

For every size and scenario a seeded synthetic Polres workbook is written to a temporary folder
(``tools.synth``); a fresh Python process then reads it, solves it, writes the result workbook
and, separately, solves the same instance with a plain OR-Tools min-cost flow over *all*
eligible officer-unit pairs.  A fresh process per run keeps the peak-memory figure honest and
the runs independent.  The sample workbook ``data/samples/polres_lebong.xlsx`` is run first, with
its own settings.  See ``bench/README.md`` for the columns.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "data" / "samples" / "polres_lebong.xlsx"
EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG), as the documented travel metric


@dataclass(frozen=True)
class Scenario:
    """A roster regime: members per unit and the cap on units per officer."""

    name: str
    roster_factor: float
    cap: int
    note: str


# About 40 % of a realistic roster is eligible (Bintara/Pama, trained, 5 years, not
# Bhabinkamtibmas), so 1.5 members per unit is still a shortage of *eligible* members; 3.0
# members per unit gives about 1.2 eligible members per unit: a real surplus.
SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario("kurang-c1", 0.6, 1, "personel kurang, 1 RW per orang"),
        Scenario("kurang-c3", 0.6, 3, "personel kurang, sampai 3 RW per orang"),
        Scenario("lebih-1.5", 1.5, 1, "1,5 personel per RW (yang memenuhi syarat masih kurang)"),
        Scenario("lebih-3", 3.0, 1, "3 personel per RW (memenuhi syarat ~1,2 per RW)"),
    )
}
DEFAULT_SCENARIOS = ("kurang-c1", "kurang-c3", "lebih-1.5")

TARGETS = (
    (350, 3.0, "sample ~350 RW end to end < 3 s"),
    (2000, 15.0, "2,000 RW end to end < 15 s"),
    (5000, 3.0, "5,000 RW, 3,000 members, cap 1 (kurang-c1) end to end < 3 s"),
)


# --- the child process: one run ---------------------------------------------------------------


def _peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is KB on Linux)."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024.0 if sys.platform != "darwin" else kb / 1024.0 / 1024.0


def run_rwassign(path: Path, cap: int | None, time_limit: float, out_dir: Path) -> dict[str, Any]:
    """Read, solve and write one workbook through the public API, timing each step."""
    from rwassign.explain import solve
    from rwassign.io.read import read_input
    from rwassign.io.write import write_workbook
    from rwassign.settings import from_mapping

    row: dict[str, Any] = {}
    t0 = time.perf_counter()
    rr = read_input(path)
    row["read_s"] = time.perf_counter() - t0
    errors = [p for p in rr.problems if p.is_error]
    row["warnings"] = len(rr.problems) - len(errors)
    if rr.instance is None or errors:
        row["status"] = "READ-ERROR"
        row["error_codes"] = sorted({p.code for p in errors})[:5]
        return row
    settings = from_mapping(rr.settings_values)
    changes: dict[str, Any] = {"time_limit_s": time_limit}
    if cap is not None:
        changes["max_units_per_officer"] = cap
    settings = settings.replace(**changes)
    inst = rr.instance
    row["units"] = len(inst.units)
    row["members"] = len(inst.officers)
    row["cap"] = settings.max_units_per_officer

    result = solve(inst, settings)
    sec = result.seconds
    row["build_s"] = sec.get("eligibility", 0.0) + sec.get("build", 0.0)
    row["solve_s"] = sec.get("flow", 0.0) + sec.get("cpsat", 0.0)
    row["solve_total_s"] = sec.get("total", row["build_s"] + row["solve_s"])
    row["eligible"] = sum(1 for o in result.outcomes if o.eligible)
    row["status"] = result.status.value
    row["gap"] = result.gap
    if result.objective is not None:
        ob = result.objective
        row["objective"] = [ob.weighted_coverage, ob.covered, ob.residence, ob.travel_m]

    # the independent checker, as every plan is checked before it is written (rwassign.api)
    from rwassign.checker import check

    t0 = time.perf_counter()
    violations = check(result)
    row["check_s"] = time.perf_counter() - t0
    if violations:
        row["status"] = "CHECK-FAILED"

    t0 = time.perf_counter()
    write_workbook(result, out_dir / f"{path.stem}_hasil.xlsx", input_files=[path])
    row["write_s"] = time.perf_counter() - t0
    row["total_s"] = row["read_s"] + row["solve_total_s"] + row["check_s"] + row["write_s"]
    row["peak_mb"] = _peak_mb()
    row["_instance_settings"] = (inst, settings)
    return row


def _own_eligibility(inst: Any, settings: Any) -> list[bool]:
    """Perpol 1/2021 defaults read straight off the records (used if ``rwassign.rules`` lacks
    ``eligible_mask``): Bintara or Pama (Pamen if allowed), not Bhabinkamtibmas, trained unless
    recorded untrained, a Bintara with >= ``min_service_years`` unless unknown, active unless
    recorded otherwise, kesatuan/jabatan not excluded."""
    out = []
    for o in inst.officers:
        group = o.rank.group.name if o.rank is not None else ""
        ok = group in ("BINTARA", "PAMA") or (settings.allow_pamen and group == "PAMEN")
        ok = ok and o.bhabinkamtibmas is not True
        ok = ok and not (settings.require_training and o.trained is False)
        if group == "BINTARA" and o.service_years is not None:
            ok = ok and o.service_years >= settings.min_service_years
        if settings.require_active and o.status:
            ok = ok and o.status.strip().upper() in ("AKTIF", "ACTIVE", "DINAS", "AKTIF DINAS")
        text = f"{o.kesatuan} {o.jabatan}".upper()
        ok = ok and not any(x in text for x in settings.excluded_units)
        out.append(ok)
    return out


def reference_optimum(inst: Any, settings: Any) -> dict[str, Any]:
    """The lexicographic optimum by a plain min-cost flow over *every* eligible pair.

    Written apart from ``rwassign.solver`` on purpose: its own haversine, its own point and
    fallback resolution (as documented: unit point; officer's home point, else home unit's point,
    else the mean point of the home desa's units; administrative km when a point is missing), its
    own weights.  Network: source -> officer (capacity = cap) -> unit (capacity 1) -> demand of 1
    per unit, plus source -> unit directly at the "uncovered" cost.  Integer costs: a covered arc
    costs ``R * (not resident) + travel_m``, leaving a unit uncovered costs ``W * weight + R``,
    with ``R`` above any total travel and ``W`` above any residence-plus-travel difference, so
    minimising cost maximises weighted coverage, then residence, then minimises travel.
    """
    import numpy as np
    from ortools.graph.python import min_cost_flow

    t0 = time.perf_counter()
    try:
        from rwassign.rules import eligible_mask

        mask = list(eligible_mask(inst, settings))
    except ImportError:
        mask = _own_eligibility(inst, settings)
    officers = [o for o, ok in zip(inst.officers, mask, strict=True) if ok]
    units = list(inst.units)
    n_e, n_u = len(officers), len(units)
    cap = settings.max_units_per_officer

    # Points.
    nan = float("nan")
    desa_pts: dict[str, list[tuple[float, float]]] = {}
    for u in units:
        if u.point is not None:
            desa_pts.setdefault(u.desa_key, []).append((u.point.lat, u.point.lng))
    desa_mean = {
        k: (sum(a for a, _ in v) / len(v), sum(b for _, b in v) / len(v))
        for k, v in desa_pts.items()
    }
    by_uid = {u.uid: (j, u) for j, u in enumerate(units)}
    u_lat = np.array([u.point.lat if u.point else nan for u in units])
    u_lng = np.array([u.point.lng if u.point else nan for u in units])
    kec_polsek: dict[str, str] = {}
    for u in units:
        kec_polsek.setdefault(u.uid.split("|", 1)[0], u.polsek.casefold())
    codes: dict[str, int] = {}  # administrative names -> small ints, for fast comparisons

    def code(name: str | None) -> int:
        return -1 if name is None else codes.setdefault(name, len(codes))

    u_desa = np.array([code(u.desa_key) for u in units], dtype=np.int64)
    u_kec = np.array([code(u.uid.split("|", 1)[0]) for u in units], dtype=np.int64)
    u_pol = np.array([code("polsek:" + u.polsek.casefold()) for u in units], dtype=np.int64)

    o_lat, o_lng, home_j = [], [], []
    o_desa, o_kec, o_pol = [], [], []
    for o in officers:
        hj, hu = by_uid.get(o.home_unit, (-1, None)) if o.home_unit else (-1, None)
        desa = o.home_desa or (hu.desa_key if hu is not None else None)
        kec = o.home_kecamatan or (desa.split("|", 1)[0] if desa else None)
        if o.home_point is not None:
            p: tuple[float, float] | None = (o.home_point.lat, o.home_point.lng)
        elif hu is not None and hu.point is not None:
            p = (hu.point.lat, hu.point.lng)
        else:
            p = desa_mean.get(desa) if desa else None
        o_lat.append(p[0] if p else nan)
        o_lng.append(p[1] if p else nan)
        home_j.append(hj)
        o_desa.append(code(desa) if desa in codes else -2)
        o_kec.append(code(kec) if kec in codes else -2)
        pol = kec_polsek.get(kec) if kec else None
        o_pol.append(code("polsek:" + pol) if pol is not None else -2)
    lat1 = np.radians(np.array(o_lat))[:, None]
    lng1 = np.radians(np.array(o_lng))[:, None]
    lat2 = np.radians(u_lat)[None, :]
    lng2 = np.radians(u_lng)[None, :]
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2
    )
    gc = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    km = np.full((n_e, n_u), settings.admin_km_elsewhere)
    for own, theirs, value in (
        (o_pol, u_pol, settings.admin_km_same_polsek),
        (o_kec, u_kec, settings.admin_km_same_kecamatan),
        (o_desa, u_desa, settings.admin_km_same_desa),
    ):
        km = np.where(np.array(own, dtype=np.int64)[:, None] == theirs[None, :], value, km)
    travel = np.rint(np.where(np.isnan(gc), km * 1000.0, gc)).astype(np.int64)
    resident = np.zeros((n_e, n_u), dtype=bool)
    for i, j in enumerate(home_j):
        if j >= 0:
            resident[i, j] = True
            travel[i, j] = 0
    allowed = np.ones((n_e, n_u), dtype=bool)
    if settings.max_travel_km is not None:
        allowed = travel <= round(settings.max_travel_km * 1000)
    ii, jj = np.nonzero(allowed)
    t_arc = travel[ii, jj]
    r_arc = resident[ii, jj]
    del gc, km, h, travel, resident, allowed

    weight = np.array([settings.priority_weight(u.priority) for u in units], dtype=np.int64)
    k = min(n_u, cap * n_e)
    max_t = int(t_arc.max()) if t_arc.size else 0
    big_r = k * max_t + 1
    big_w = k * (big_r + max_t) + 1

    flow = min_cost_flow.SimpleMinCostFlow()
    src = 0
    off_node = 1 + np.arange(n_e, dtype=np.int64)
    unit_node = 1 + n_e + np.arange(n_u, dtype=np.int64)
    tails = np.concatenate([np.zeros(n_e, np.int64), np.zeros(n_u, np.int64), off_node[ii]])
    heads = np.concatenate([off_node, unit_node, unit_node[jj]])
    caps = np.concatenate(
        [np.full(n_e, cap, np.int64), np.ones(n_u, np.int64), np.ones(ii.size, np.int64)]
    )
    costs = np.concatenate(
        [np.zeros(n_e, np.int64), big_w * weight + big_r, big_r * (~r_arc) + t_arc]
    )
    flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    supplies = np.zeros(1 + n_e + n_u, np.int64)
    supplies[src] = n_u
    supplies[1 + n_e :] = -1
    flow.set_nodes_supplies(np.arange(supplies.size, dtype=np.int64), supplies)
    build_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    status = flow.solve()
    solve_s = time.perf_counter() - t1
    out: dict[str, Any] = {
        "ref_eligible": n_e,
        "ref_build_s": build_s,
        "ref_solve_s": solve_s,
        "ref_arcs": int(ii.size),
    }
    if status != flow.OPTIMAL:
        out["ref_status"] = str(status)
        return out
    used = flow.flows(np.arange(n_e + n_u, n_e + n_u + ii.size, dtype=np.int64)) > 0
    covered_j = jj[used]
    out["ref_status"] = "OPTIMAL"
    out["ref_objective"] = [
        int(weight[covered_j].sum()),
        int(used.sum()),
        int(r_arc[used].sum()),
        int(t_arc[used].sum()),
    ]
    out["ref_s"] = time.perf_counter() - t0
    return out


def child(args: argparse.Namespace) -> None:
    """One run in this (fresh) process, with the garbage collector set as the command line
    sets it (``rwassign.cli.run``): the figures are the command's; prints one JSON line."""
    import gc

    from rwassign.batch import GC_THRESHOLDS

    gc.set_threshold(*GC_THRESHOLDS)
    path = Path(args.child)
    with tempfile.TemporaryDirectory() as out_dir:
        row = run_rwassign(path, args.cap, args.time_limit, Path(out_dir))
    pair = row.pop("_instance_settings", None)
    if pair is not None and not args.no_reference:
        row.update(reference_optimum(*pair))
        row["ref_peak_mb"] = _peak_mb()
    print("RESULT " + json.dumps(row))


# --- the parent: cases, table, targets ----------------------------------------------------------


def _run_case(path: Path, cap: int | None, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(path)]
    cmd += ["--time-limit", str(args.time_limit)]
    if cap is not None:
        cmd += ["--cap", str(cap)]
    if args.no_reference:
        cmd.append("--no-reference")
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            row: dict[str, Any] = json.loads(line[len("RESULT ") :])
            return row
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
    return {"status": "CRASH", "error": " | ".join(tail)}


def _verdict(row: dict[str, Any]) -> str:
    """ok when rwassign reaches the reference optimum on every level (weighted coverage,
    residence, travel), DIFF otherwise."""
    ours, ref = row.get("objective"), row.get("ref_objective")
    if ours is None or ref is None:
        return "-"
    same = ours[0] == ref[0] and ours[2] == ref[2] and ours[3] == ref[3]
    return "ok" if same else "DIFF"


def _fmt(v: Any, digits: int = 2) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return "-" if math.isnan(v) else f"{v:.{digits}f}"
    return str(v)


COLUMNS = (
    ("case", 22), ("units", 6), ("members", 7), ("eligible", 8), ("cap", 3), ("read s", 6),
    ("build s", 7), ("solve s", 7), ("write s", 7), ("total s", 7), ("status", 9), ("gap", 6),
    ("covered", 7), ("peak MB", 7), ("ref s", 6), ("cov ratio", 9), ("travel ratio", 12),
    ("check", 5),
)  # fmt: skip


def _cells(case: str, row: dict[str, Any]) -> list[str]:
    ours, ref = row.get("objective"), row.get("ref_objective")
    cov_ratio = travel_ratio = None
    if ours and ref:
        cov_ratio = ours[0] / ref[0] if ref[0] else float("nan")
        travel_ratio = ours[3] / ref[3] if ref[3] else (1.0 if ours[3] == 0 else float("nan"))
    return [
        case, _fmt(row.get("units")), _fmt(row.get("members")), _fmt(row.get("eligible")),
        _fmt(row.get("cap")), _fmt(row.get("read_s")), _fmt(row.get("build_s")),
        _fmt(row.get("solve_s")), _fmt(row.get("write_s")), _fmt(row.get("total_s")),
        _fmt(row.get("status")), _fmt(row.get("gap"), 4), _fmt(ours[1] if ours else None),
        _fmt(row.get("peak_mb"), 0), _fmt(row.get("ref_s")), _fmt(cov_ratio, 4),
        _fmt(travel_ratio, 4), _verdict(row),
    ]  # fmt: skip


def _print_row(cells: list[str]) -> None:
    print(
        "  ".join(
            c.rjust(w) if i else c.ljust(w)
            for i, (c, (_, w)) in enumerate(zip(cells, COLUMNS, strict=True))
        ),
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="350,2000,5000", help="comma-separated unit counts")
    parser.add_argument("--quick", action="store_true", help="sizes 350,2000 only")
    parser.add_argument(
        "--scenarios",
        default=",".join(DEFAULT_SCENARIOS),
        help=f"comma-separated, from: {', '.join(SCENARIOS)}",
    )
    parser.add_argument(
        "--seed", type=int, default=7, help="generator seed (per size: seed + size)"
    )
    parser.add_argument("--time-limit", type=float, default=60.0, help="solver time limit, s")
    parser.add_argument("--no-reference", action="store_true", help="skip the exact flow check")
    parser.add_argument(
        "--no-sample", action="store_true", help="skip data/samples/polres_lebong.xlsx"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--cap", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return 0

    from tools.synth import make_polres_workbook

    sizes = [350, 2000] if args.quick else [int(x) for x in args.sizes.split(",") if x.strip()]
    scenarios = [SCENARIOS[s.strip()] for s in args.scenarios.split(",") if s.strip()]
    print(f"rwassign benchmark: sizes {sizes}, scenarios {[s.name for s in scenarios]}, "
          f"time limit {args.time_limit:g} s, python {sys.version.split()[0]}")  # fmt: skip
    _print_row([name for name, _ in COLUMNS])
    results: list[tuple[str, int, dict[str, Any]]] = []
    if not args.no_sample and SAMPLE.exists():
        row = _run_case(SAMPLE, None, args)
        _print_row(_cells("sample polres_lebong", row))
        results.append(("sample", 350, row))
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            for sc in scenarios:
                path = Path(tmp) / f"bench_{size}_{sc.name}.xlsx"
                t0 = time.perf_counter()
                make_polres_workbook(
                    path, seed=args.seed + size, n_units=size, roster_factor=sc.roster_factor
                )
                gen_s = time.perf_counter() - t0
                row = _run_case(path, sc.cap, args)
                row["gen_s"] = gen_s
                _print_row(_cells(f"{size} {sc.name}", row))
                results.append((sc.name, size, row))
                path.unlink()

    print()
    for size, limit, label in TARGETS:
        rows = [r for name, s, r in results if s == size and (size != 350 or name == "sample")]
        if size == 5000:  # the row: members short, one RW each
            rows = [r for name, s, r in results if s == size and name == "kurang-c1"]
        if size == 350 and not rows:
            rows = [r for _, s, r in results if s == size]
        if not rows:
            print(f"target {label}: not run")
            continue
        times = [r.get("total_s") for r in rows]
        if any(t is None for t in times):
            print(f"target {label}: FAIL (a run gave no result)")
            continue
        worst = max(t for t in times if t is not None)
        ok = worst < limit
        print(f"target {label}: {'PASS' if ok else 'FAIL'} (slowest {_fmt(worst)} s)")
    verdicts = [(f"{s} {n}", _verdict(r)) for n, s, r in results]
    compared = [v for v in verdicts if v[1] != "-"]
    diffs = [case for case, v in compared if v == "DIFF"]
    if not compared:
        print("exact check: nothing compared")
    elif diffs:
        print(f"exact check: DIFF in {', '.join(diffs)}")
    else:
        print(f"exact check: ok in all {len(compared)} compared runs")
    for name, size, r in results:
        if r.get("status") in ("CRASH", "READ-ERROR"):
            print(f"{size} {name}: {r.get('status')} {r.get('error') or r.get('error_codes')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
