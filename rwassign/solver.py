"""The assignment model and its solve: the only module that imports OR-Tools.

How the optimum is found and proven
-----------------------------------
The rules of ``rwassign.rules`` make the assignment a b-matching: each unit takes at most one
officer, each officer at most ``max_units_per_officer`` units, pairs beyond ``max_travel_km``
are absent.  The lexicographic objective

1. maximise priority-weighted coverage,
2. (re-plan only) maximise previous pairs kept, i.e. fewest changes,
3. maximise officers serving the unit they live in,
4. minimise total travel in metres,

is folded into one integer cost per pair with weights that are *provably* lexicographic
(``W_res`` exceeds any possible travel difference, ``W_cov`` any possible residence-plus-travel
difference).  Two stages then run:

* **Exact min-cost flow** over every eligible pair (OR-Tools ``SimpleMinCostFlow``).  Network
  matrices are totally unimodular, so the flow optimum is the optimum of the integer problem: its
  value is a valid bound for any plan under these rules.
* **CP-SAT** builds the rule model (one method per rule) over a sparse candidate set: the flow's
  arcs, every residence arc and each unit's nearest eligible officers.  The flow plan is the hint
  and the flow value the objective bound, so CP-SAT confirms a plan that reaches the bound
  (status OPTIMAL, gap 0) or, where a time limit stops it, reports the best plan and its gap.

Pins (``Kunci``) are honoured structurally: a pinned unit leaves the flow and its officer's
capacity shrinks by one; CP-SAT fixes the pair.  A move budget (``--max-moves``) is not a flow
constraint, so then CP-SAT searches (over every pair on Polres-sized re-plans up to
``FULL_MODEL_ARCS`` pairs) and proves or reports its own gap.

Determinism: officers are ordered by NRP and units by uid before anything is built, the flow is
single-threaded, and among plans of equal objective the flow's plan is returned (documented
tie-break), so worker count and machine do not change the plan.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields

import numpy as np
from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

from rwassign import distance, explain, rules
from rwassign.model import (
    Assignment,
    Instance,
    Objective,
    OfficerOutcome,
    Reason,
    SolveResult,
    SolveStatus,
    UncoveredUnit,
)
from rwassign.settings import Settings

Progress = Callable[[str], None]

#: Each unit keeps this many nearest eligible officers in the CP-SAT candidate set, beside the
#: flow's own arcs and every residence arc.
CANDIDATES_PER_UNIT = 4


@dataclass(frozen=True)
class Arcs:
    """Every allowed (eligible officer, unit) pair, in canonical order (officer NRP, unit uid)."""

    officer: distance.IntArray  # instance officer index
    unit: distance.IntArray  # instance unit position
    travel_m: distance.IntArray  # 0 for one's own unit
    resident: distance.BoolArray
    coords: distance.BoolArray
    weight: distance.IntArray  # coverage weight of the unit
    nearest: distance.BoolArray  # among the unit's CANDIDATES_PER_UNIT nearest officers
    officer_rank: distance.IntArray  # canonical position of the officer (by NRP)
    unit_rank: distance.IntArray  # canonical position of the unit (by uid)
    kept: distance.BoolArray  # the pair was in the previous plan (re-plan)
    pinned: distance.BoolArray  # the pair is fixed by a pin


@dataclass(frozen=True)
class Weights:
    """Lexicographic weights:
    ``value = cov * W_cov + kept * W_keep + res * W_res - round(travel_m / travel_unit)``."""

    cov: int
    res: int
    keep: int = 0
    travel_unit: int = 1

    def arc_values(self, arcs: Arcs) -> distance.IntArray:
        half = self.travel_unit // 2
        return (
            arcs.weight * self.cov
            + arcs.kept.astype(np.int64) * self.keep
            + arcs.resident.astype(np.int64) * self.res
            - (arcs.travel_m + half) // self.travel_unit
        )


def _canonical_officers(instance: Instance, eligible: tuple[bool, ...]) -> list[int]:
    return sorted(
        (o.index for o in instance.officers if eligible[o.index]),
        key=lambda i: (instance.officers[i].nrp, i),
    )


@dataclass(frozen=True)
class Guidance:
    """What a re-plan adds to a solve.

    ``previous`` maps unit uid -> NRP of the previous plan's holder; ``pins`` are (unit uid,
    officer index) pairs that must be in the plan (validated beforehand by
    ``rules.check_pins``); ``max_moves`` caps how many previously assigned, still eligible
    officers may lose a unit they held.
    """

    previous: dict[str, str] = field(default_factory=dict)
    pins: tuple[tuple[str, int], ...] = ()
    max_moves: int | None = None


def build_arcs(
    instance: Instance,
    settings: Settings,
    eligible: tuple[bool, ...],
    guidance: Guidance | None = None,
) -> Arcs:
    """All allowed pairs with their travel, residence flag and weight, built from arrays."""
    guidance = guidance or Guidance()
    geo = distance.geometry(instance)
    offs = np.asarray(_canonical_officers(instance, eligible), dtype=np.int64)
    uorder = np.asarray(
        sorted(range(len(instance.units)), key=lambda i: instance.units[i].uid), dtype=np.int64
    )
    if len(offs) == 0 or len(uorder) == 0:
        empty_i = np.zeros(0, dtype=np.int64)
        empty_b = np.zeros(0, dtype=np.bool_)
        return Arcs(
            empty_i, empty_i, empty_i, empty_b, empty_b, empty_i, empty_b, empty_i, empty_i,
            empty_b, empty_b,
        )  # fmt: skip
    dist, coords = distance.travel_matrix(geo, offs, settings)
    dist, coords = dist[:, uorder], coords[:, uorder]
    resident = geo.off_home_unit[offs][:, None] == uorder[None, :]
    allowed = np.ones_like(resident)
    if settings.max_travel_km is not None:
        allowed = resident | (dist <= round(settings.max_travel_km * 1000))
    travel = np.where(resident, 0, dist)
    # each unit's nearest allowed officers (ties broken by canonical officer order)
    k = min(CANDIDATES_PER_UNIT, len(offs))
    masked = np.where(allowed, travel, np.iinfo(np.int64).max)
    order = np.argsort(masked, axis=0, kind="stable")[:k]
    nearest = np.zeros_like(resident)
    np.put_along_axis(nearest, order, True, axis=0)
    nearest &= allowed
    kept = np.zeros_like(resident)
    pinned = np.zeros_like(resident)
    row_of = {int(o): r for r, o in enumerate(offs.tolist())}
    col_of = {instance.units[int(u)].uid: c for c, u in enumerate(uorder.tolist())}
    nrp_row = {instance.officers[int(o)].nrp: r for r, o in enumerate(offs.tolist())}
    for uid, nrp in guidance.previous.items():
        if uid in col_of and nrp in nrp_row:
            kept[nrp_row[nrp], col_of[uid]] = True
    for uid, o_idx in guidance.pins:
        if uid not in col_of or o_idx not in row_of or not allowed[row_of[o_idx], col_of[uid]]:
            raise ValueError(f"pin {uid} -> officer #{o_idx} is not a legal pair")
        pinned[row_of[o_idx], col_of[uid]] = True
    kept &= allowed
    rows, cols = np.nonzero(allowed)
    weights = np.asarray(
        [settings.priority_weight(instance.units[u].priority) for u in uorder], dtype=np.int64
    )
    return Arcs(
        officer=offs[rows],
        unit=uorder[cols],
        travel_m=travel[rows, cols],
        resident=resident[rows, cols],
        coords=coords[rows, cols],
        weight=weights[cols],
        nearest=nearest[rows, cols],
        officer_rank=rows.astype(np.int64),
        unit_rank=cols.astype(np.int64),
        kept=kept[rows, cols],
        pinned=pinned[rows, cols],
    )


#: Largest magnitude the folded objective may reach, kept well inside int64 for the flow's
#: cost scaling (which multiplies arc costs by the node count) and for CP-SAT.
SAFE_MAGNITUDE = 2**61


def lexicographic_weights(arcs: Arcs, n_units: int) -> Weights:
    """Weights that make the single objective exactly lexicographic on these arcs.

    Any two plans differ in total travel by at most ``T`` = the sum over units of the longest
    allowed arc into the unit, in residence count by at most ``R`` = the number of units with a
    resident arc, and in kept pairs by at most ``K`` = the number of units with a kept arc.
    ``W_res = T + 1``, ``W_keep = W_res * R + T + 1`` and ``W_cov = W_keep * K + W_res * R + T +
    1`` let one unit of a higher level outweigh every possible change of the lower ones.  When
    that would overflow int64 (large re-plans), travel is counted in coarser steps (10 m, 100 m,
    ...): the order of the levels stays exact, travel ties within one step may go either way.
    """
    if len(arcs.unit) == 0:
        return Weights(1, 1)
    n_nodes = len(np.unique(arcs.officer)) + n_units + 2
    r = len(np.unique(arcs.unit[arcs.resident]))
    k = len(np.unique(arcs.unit[arcs.kept]))
    max_weight = np.zeros(n_units, dtype=np.int64)
    np.maximum.at(max_weight, arcs.unit, arcs.weight)
    unit = 1
    while True:
        longest = np.zeros(n_units, dtype=np.int64)
        np.maximum.at(longest, arcs.unit, (arcs.travel_m + unit // 2) // unit)
        t = int(longest.sum())
        w_res = t + 1
        w_keep = w_res * r + t + 1 if k else 0
        w_cov = w_keep * k + w_res * r + t + 1
        arc_max = w_cov * int(max_weight.max()) + w_keep + w_res
        total_max = w_cov * int(max_weight.sum()) + w_keep * k + w_res * r
        if arc_max * n_nodes < SAFE_MAGNITUDE and total_max < SAFE_MAGNITUDE:
            return Weights(cov=w_cov, res=w_res, keep=w_keep, travel_unit=unit)
        unit *= 10


@dataclass(frozen=True)
class FlowPlan:
    chosen: distance.BoolArray  # per arc
    value: int
    seconds: float


def solve_flow(arcs: Arcs, n_officers: int, n_units: int, cap: int, w: Weights) -> FlowPlan:
    """Exact optimum of the assignment by min-cost flow over all arcs.

    Nodes: source, one per officer, one per unit, sink; a zero-cost source-to-sink bypass lets
    units stay uncovered.  Costs are the negated arc values.  Pinned pairs are taken out first:
    their units leave the network and their officers' capacity shrinks, which is exact.
    """
    t0 = time.perf_counter()
    if arcs.pinned.any():
        pinned_units = np.unique(arcs.unit[arcs.pinned])
        free = ~np.isin(arcs.unit, pinned_units)
        used = np.zeros(n_officers, dtype=np.int64)
        np.add.at(used, arcs.officer[arcs.pinned], 1)
        sub = _subset(arcs, free)
        caps = cap - used[sub.officer]
        inner = _flow(sub, caps, w)
        chosen = arcs.pinned.copy()
        chosen[np.nonzero(free)[0]] = inner
        value = int(w.arc_values(arcs)[chosen].sum())
        return FlowPlan(chosen, value, time.perf_counter() - t0)
    chosen = _flow(arcs, np.full(len(arcs.unit), cap, dtype=np.int64), w)
    return FlowPlan(chosen, int(w.arc_values(arcs)[chosen].sum()), time.perf_counter() - t0)


def _subset(arcs: Arcs, mask: distance.BoolArray) -> Arcs:
    return Arcs(**{f.name: getattr(arcs, f.name)[mask] for f in fields(Arcs)})


def _flow(arcs: Arcs, caps: distance.IntArray, w: Weights) -> distance.BoolArray:
    """Min-cost flow over ``arcs``; ``caps`` is each arc's officer capacity (same per officer)."""
    n_arcs = len(arcs.unit)
    if n_arcs == 0:
        return np.zeros(0, dtype=np.bool_)
    # Nodes are numbered in canonical order (officers by NRP, units by uid), never by roster
    # position, so that ties between equal plans are broken the same way whatever the row order.
    off_ids, off_node = np.unique(arcs.officer_rank, return_inverse=True)
    unit_ids, unit_node = np.unique(arcs.unit_rank, return_inverse=True)
    n_o, n_u = len(off_ids), len(unit_ids)
    src, sink = 0, 1 + n_o + n_u
    off_cap = np.zeros(n_o, dtype=np.int64)
    off_cap[off_node] = caps
    f = min_cost_flow.SimpleMinCostFlow()
    f.add_arcs_with_capacity_and_unit_cost(
        np.zeros(n_o, dtype=np.int32),
        np.arange(1, 1 + n_o, dtype=np.int32),
        np.maximum(off_cap, 0),
        np.zeros(n_o, dtype=np.int64),
    )
    pair_ids = f.add_arcs_with_capacity_and_unit_cost(
        (1 + off_node).astype(np.int32),
        (1 + n_o + unit_node).astype(np.int32),
        np.ones(n_arcs, dtype=np.int64),
        -w.arc_values(arcs),
    )
    f.add_arcs_with_capacity_and_unit_cost(
        np.arange(1 + n_o, 1 + n_o + n_u, dtype=np.int32),
        np.full(n_u, sink, dtype=np.int32),
        np.ones(n_u, dtype=np.int64),
        np.zeros(n_u, dtype=np.int64),
    )
    f.add_arc_with_capacity_and_unit_cost(src, sink, n_u, 0)
    f.set_node_supply(src, n_u)
    f.set_node_supply(sink, -n_u)
    status = f.solve()
    if status != f.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    return np.asarray(f.flows(pair_ids) > 0)


class RuleModel:
    """The CP-SAT model of the assignment rules over a candidate set of arcs.

    One method per rule of ``rules.RULES`` of kind "assignment" or "objective"; the travel limit
    is applied when the arcs are built (pairs beyond it do not exist).
    """

    def __init__(self, arcs: Arcs, idx: distance.IntArray, settings: Settings, w: Weights):
        self.model = cp_model.CpModel()
        self.arcs = arcs
        self.idx = idx
        self.settings = settings
        self.w = w
        self.x = [self.model.new_bool_var(f"x{i}") for i in idx]
        self.one_officer_per_unit()
        self.units_per_officer_cap()
        self.travel_limit()
        self.pins()

    def _groups(self, key: distance.IntArray) -> dict[int, list[int]]:
        groups: dict[int, list[int]] = {}
        for pos, k in enumerate(key[self.idx].tolist()):
            groups.setdefault(k, []).append(pos)
        return groups

    def one_officer_per_unit(self) -> None:
        """Rule ``satu_personel_per_unit``: at most one officer per unit."""
        for members in self._groups(self.arcs.unit).values():
            if len(members) > 1:
                self.model.add_at_most_one(self.x[p] for p in members)

    def units_per_officer_cap(self) -> None:
        """Rule ``batas_unit_per_personel``: at most ``max_units_per_officer`` units each."""
        cap = self.settings.max_units_per_officer
        for members in self._groups(self.arcs.officer).values():
            if len(members) > cap:
                self.model.add(sum(self.x[p] for p in members) <= cap)

    def travel_limit(self) -> None:
        """Rule ``batas_jarak``: no pair beyond ``max_travel_km`` (resident pairs cost 0)."""
        if self.settings.max_travel_km is None:
            return
        limit = round(self.settings.max_travel_km * 1000)
        for p, i in enumerate(self.idx.tolist()):
            if not self.arcs.resident[i] and self.arcs.travel_m[i] > limit:
                self.model.add(self.x[p] == 0)

    def pins(self) -> None:
        """Pins (``Kunci``/``Tetap``): a pinned pair is in every plan."""
        for p, i in enumerate(self.idx.tolist()):
            if self.arcs.pinned[i]:
                self.model.add(self.x[p] == 1)

    def move_budget(self, max_moves: int) -> None:
        """``--max-moves K``: at most K officers lose a previous pair that is still legal."""
        moved = []
        for members in self._groups(self.arcs.officer).values():
            kept = [p for p in members if self.arcs.kept[self.idx[p]]]
            if not kept:
                continue
            m = self.model.new_bool_var("")
            for p in kept:
                self.model.add_bool_or([m, self.x[p]])  # losing any kept pair is a move
            moved.append(m)
        self.model.add(sum(moved) <= max_moves)

    def objective(self, bound: int | None) -> None:
        """Objectives ``cakupan``, ``domisili``, ``jarak`` folded lexicographically; ``bound``
        is a proven upper bound (the exact flow value) that lets CP-SAT stop once reached."""
        values = self.w.arc_values(self.arcs)[self.idx].tolist()
        expr = cp_model.LinearExpr.weighted_sum(self.x, values)
        if bound is not None:
            self.model.add(expr <= bound)
        self.model.maximize(expr)

    def hint(self, chosen: distance.BoolArray) -> None:
        for p, i in enumerate(self.idx.tolist()):
            self.model.add_hint(self.x[p], bool(chosen[i]))


@dataclass(frozen=True)
class SatOutcome:
    status: str
    chosen: distance.BoolArray | None
    value: int | None
    bound: float
    seconds: float


class _StopAtBound(cp_model.CpSolverSolutionCallback):
    """Stops the search at the first plan that reaches the flow's proven bound.

    CP-SAT's own LP bound cannot always close on an objective spanning 1 m to 1e15 (its
    coefficients are that far apart), but the flow has already proven that no plan exceeds this
    value, so reaching it is optimal.  The value is recomputed in integers: CP-SAT reports a double.
    """

    def __init__(self, x: list[cp_model.IntVar], values: distance.IntArray, bound: int):
        super().__init__()
        self._x = x
        self._values = values
        self._bound = bound

    def on_solution_callback(self) -> None:
        if self.objective_value < self._bound - 1e-6 * max(1.0, abs(self._bound)):
            return
        picked = np.asarray([self.boolean_value(v) for v in self._x], dtype=np.bool_)
        if int(self._values[picked].sum()) >= self._bound:
            self.stop_search()


#: A move budget makes CP-SAT search; up to this many pairs it gets every pair (exact), beyond
#: it a candidate set (flow arcs, previous pairs, residence and nearest pairs) and the gap is
#: reported against the flow bound.
FULL_MODEL_ARCS = 150_000


def count_moves(arcs: Arcs, chosen: distance.BoolArray) -> int:
    """Officers who lost at least one previous pair that is still legal."""
    lost = arcs.kept & ~chosen
    return len(np.unique(arcs.officer[lost]))


def solve_cpsat(
    arcs: Arcs,
    flow: FlowPlan,
    settings: Settings,
    w: Weights,
    build_seconds: list[float],
    max_moves: int | None = None,
) -> SatOutcome:
    """Run the CP-SAT rule model on the candidate set, hinted and bounded by the flow."""
    t0 = time.perf_counter()
    candidate = flow.chosen | arcs.resident | arcs.nearest | arcs.pinned | arcs.kept
    budget_binds = max_moves is not None and count_moves(arcs, flow.chosen) > max_moves
    if budget_binds and len(arcs.unit) <= FULL_MODEL_ARCS:
        candidate = np.ones(len(arcs.unit), dtype=np.bool_)
    idx = np.nonzero(candidate)[0]
    rm = RuleModel(arcs, idx, settings, w)
    if max_moves is not None:
        rm.move_budget(max_moves)
    rm.objective(flow.value)
    # With a binding budget the flow plan is infeasible; the previous plan's legal pairs (with
    # the pins) are a zero-move start.
    rm.hint(arcs.kept | arcs.pinned if budget_binds else flow.chosen)
    build_seconds.append(time.perf_counter() - t0)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = settings.time_limit_s
    # A binding move budget makes CP-SAT's own plan the answer; one worker makes its search,
    # and so the plan, the same on every run and machine.
    solver.parameters.num_workers = 1 if budget_binds else settings.workers
    solver.parameters.random_seed = 0
    # Symmetry presolve was seen to drop the complete, optimal hint on these models (equal-cost
    # officers living at one point are symmetric) and then fail to reach the proven bound
    # within 60 s; without it CP-SAT confirms the hinted optimum at once.
    solver.parameters.symmetry_level = 0
    t1 = time.perf_counter()
    stopper = _StopAtBound(rm.x, w.arc_values(arcs)[idx], flow.value)
    status = solver.solve(rm.model, stopper)
    seconds = time.perf_counter() - t1
    name = solver.status_name(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return SatOutcome(name, None, None, float(flow.value), seconds)
    chosen = np.zeros(len(arcs.unit), dtype=np.bool_)
    chosen[idx] = np.asarray([solver.boolean_value(v) for v in rm.x], dtype=np.bool_)
    # the value is recomputed in integers: CP-SAT reports it as a double, which cannot hold
    # every integer of this size exactly
    value = int(w.arc_values(arcs)[chosen].sum())
    return SatOutcome(name, chosen, value, solver.best_objective_bound, seconds)


def _objective(arcs: Arcs, chosen: distance.BoolArray) -> Objective:
    return Objective(
        weighted_coverage=int(arcs.weight[chosen].sum()),
        covered=int(chosen.sum()),
        residence=int(arcs.resident[chosen].sum()),
        travel_m=int(arcs.travel_m[chosen].sum()),
    )


def solve(
    instance: Instance,
    settings: Settings,
    *,
    guidance: Guidance | None = None,
    progress: Progress | None = None,
) -> SolveResult:
    """Solve one Polres: eligibility, exact flow, CP-SAT rule model, explanations.

    Never raises for an infeasible or empty instance: those are statuses.
    """
    say = progress or (lambda _msg: None)
    t_start = time.perf_counter()
    seconds: dict[str, float] = {}

    say("eligibility")
    t0 = time.perf_counter()
    elig = rules.evaluate(instance, settings)
    warnings = rules.run_warnings(instance, settings, elig)
    seconds["eligibility"] = time.perf_counter() - t0

    say("build")
    t0 = time.perf_counter()
    guidance = guidance or Guidance()
    arcs = build_arcs(instance, settings, elig.eligible, guidance)
    w = lexicographic_weights(arcs, len(instance.units))
    seconds["build"] = time.perf_counter() - t0

    say("flow")
    flow = solve_flow(
        arcs, len(instance.officers), len(instance.units), settings.max_units_per_officer, w
    )
    seconds["flow"] = flow.seconds

    say("cpsat")
    build_cp: list[float] = []
    if len(arcs.unit):
        sat = solve_cpsat(arcs, flow, settings, w, build_cp, guidance.max_moves)
    else:
        sat = SatOutcome("OPTIMAL", np.zeros(0, dtype=np.bool_), 0, 0.0, 0.0)
    seconds["build"] += sum(build_cp)
    seconds["cpsat"] = sat.seconds

    bound = _objective(arcs, flow.chosen)
    budget = guidance.max_moves
    flow_fits = budget is None or count_moves(arcs, flow.chosen) <= budget
    if flow_fits and sat.chosen is not None and sat.value is not None and sat.value >= flow.value:
        status, chosen, gap = SolveStatus.OPTIMAL, flow.chosen, 0.0
    elif (
        not flow_fits
        and sat.chosen is not None
        and sat.value is not None
        and sat.status == "OPTIMAL"
        and len(arcs.unit) <= FULL_MODEL_ARCS
    ):
        # CP-SAT proved the budget-constrained optimum over every pair.
        status, chosen, gap = SolveStatus.OPTIMAL, sat.chosen, 0.0
        bound = _objective(arcs, sat.chosen)
    elif sat.chosen is not None and sat.value is not None:
        status, chosen = SolveStatus.FEASIBLE, sat.chosen
        best = flow.value if flow_fits else min(flow.value, int(sat.bound))
        gap = max(0.0, (best - sat.value) / max(1, abs(best)))
    else:
        # CP-SAT found nothing within the limit: no plan is confirmed under the rule model.
        status, chosen, gap = SolveStatus.NO_PLAN, None, 1.0

    say("explain")
    moves: int | None = None
    if chosen is None:
        assignments: tuple[Assignment, ...] = ()
        objective = None
    else:
        assignments = explain.assignments(instance, arcs, chosen)
        objective = _objective(arcs, chosen)
        moves = count_moves(arcs, chosen) if guidance.previous else None
    outcomes, uncovered = explain.outcomes(instance, settings, elig, arcs, assignments)
    seconds["total"] = time.perf_counter() - t_start
    return SolveResult(
        status=status,
        instance=instance,
        settings=settings,
        assignments=assignments,
        outcomes=outcomes,
        uncovered=uncovered,
        objective=objective,
        bound=bound,
        gap=gap,
        seconds=seconds,
        warnings=tuple(warnings),
        unchecked_rules=elig.unchecked,
        moves=moves,
        travel_unit_m=w.travel_unit,
    )


__all__ = ["Arcs", "Guidance", "OfficerOutcome", "Reason", "UncoveredUnit", "solve"]
