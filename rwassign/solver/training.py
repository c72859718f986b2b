"""Exact flows behind the shortage advice (``rwassign.advice``): who to train, how many more.

Every question of the advice is the assignment flow of ``rwassign.solver.flow`` with one extra
node, a *gate*, in front of the supply that is not there today:

* **training** (rule ``pelatihan``): the members who fail only the training rule stand behind
  the gate; a gate of capacity ``g`` lets at most ``g`` units be held by them.  At one unit per
  member, ``g = k`` is exactly "train at most k members", so each row of the table is one exact
  min-cost flow.  At 2-3 units per member the gate counts units, not members: ``g = k * cap``
  is a relaxation whose value bounds the row from above; when its flow uses at most ``k``
  candidates it is also feasible, hence optimal.  Otherwise a feasible plan (the k candidates
  carrying most of the relaxed flow, else the previous row's set grown by one) bounds it from
  below.  When that plan's coverage reaches the bound, the row's coverage is proven and its
  residence and travel are reported with their gap (the relaxation lets candidates share
  units, so its residence is optimistic and CP-SAT was seen not to close it in seconds);
  otherwise CP-SAT, hinted with the plan and stopped at the bound, closes the row or reports
  its gap.
* **more members per kecamatan**: the gate feeds the kecamatan's own units directly (extra
  members placed at its units' points), a reward makes the required units covered first and
  each unit through the gate costs one, so the flow's gate use is the fewest units the extra
  members must hold.

The flows run on a sparse set of pairs certified exact over every pair
(``rwassign.solver.certified``): that keeps fifty rows of a 2,000-unit Polres to seconds where
fifty full flows would take half a minute.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from rwassign import distance
from rwassign.solver.candidates import Arcs
from rwassign.solver.certified import (
    CertifiedFlow,
    FixedArcs,
    FlowResult,
    fixed_arcs,
    network,
    start_pairs,
)

#: Up to this many pairs, CP-SAT gets every pair of a training row, so its OPTIMAL is a proof.
FULL_SAT_PAIRS = 60_000

IntArray = distance.IntArray
BoolArray = distance.BoolArray

# --- training ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingRow:
    """The best plan when at most ``k`` candidates are trained.

    ``trained`` are the candidates the plan uses (instance officer indices, sorted); ``chosen``
    its pairs (per arc); ``value`` its folded objective; ``bound`` a proven upper bound on it
    (equal when ``proven``); ``method`` says how the row was settled: ``flow`` (exact flow),
    ``relaksasi`` (the relaxed flow was feasible), ``cpsat`` (CP-SAT reached the bound),
    ``cakupan_terbukti`` (coverage reaches the bound, residence/travel have a gap) or
    ``batas_waktu`` (time limit: a plan and its gap).
    """

    k: int
    trained: tuple[int, ...]
    chosen: BoolArray
    value: int
    bound: int
    proven: bool
    method: str
    seconds: float
    saturated: bool = False  # proven and the gate not full: training more adds nothing
    coverage_proven: bool = True  # the coverage level reaches the bound (gap only below it)

    @property
    def gap(self) -> float:
        return 0.0 if self.proven else max(0.0, (self.bound - self.value) / max(1, abs(self.bound)))


class TrainingFlows:
    """The training question on one set of arcs (candidates counted as eligible).

    ``candidate`` marks, per instance officer index, the members behind the gate.
    """

    def __init__(
        self,
        arcs: Arcs,
        values: IntArray,
        n_units: int,
        cap: int,
        candidate: Sequence[bool],
    ):
        self.arcs, self.values, self.cap = arcs, values, cap
        self.n_units = n_units
        self.net = network(arcs, n_units)
        self.candidate = {o for o in self.net.officer_node if candidate[o]}
        # Today's plan (no candidate trained) over every pair, once: its pairs and each unit's
        # best ones start the sparse set, so later rows need few certification rounds.
        self.flows = CertifiedFlow(self.net, -values, np.ones(len(values), dtype=np.bool_))
        self.base = self.solve(0)
        self.flows.active = start_pairs(arcs, values, self.base.chosen)

    def _fixed(self, gate: int, allowed: set[int] | None = None) -> FixedArcs:
        rows: list[tuple[int, int, int, int]] = [(0, 1, gate, 0), (0, 2, self.n_units, 0)]
        for o, node in self.net.officer_node.items():
            if o in self.candidate:
                rows.append((1, node, self.cap if allowed is None or o in allowed else 0, 0))
            else:
                rows.append((0, node, self.cap, 0))
        rows.extend((self.net.unit_base + u, 2, 1, 0) for u in range(self.n_units))
        return fixed_arcs(rows)

    def solve(self, gate: int, allowed: set[int] | None = None) -> FlowResult:
        """Best plan with at most ``gate`` units held by candidates (only ``allowed`` ones)."""
        return self.flows.solve(self._fixed(gate, allowed), self.n_units)

    def used(self, chosen: BoolArray) -> tuple[int, ...]:
        """Candidates holding a unit in ``chosen``."""
        offs = {int(o) for o in self.arcs.officer[chosen].tolist()}
        return tuple(sorted(offs & self.candidate))

    def value(self, chosen: BoolArray) -> int:
        return int(self.values[chosen].sum())

    def row(self, k: int, previous: tuple[int, ...], time_limit_s: float) -> TrainingRow:
        """Row ``k`` of the table; ``previous`` is row ``k - 1``'s set (a start for the search)."""
        t0 = time.perf_counter()
        relaxed = self.solve(k * self.cap)
        used = self.used(relaxed.chosen)
        ub = self.value(relaxed.chosen)
        slack = int(relaxed.fixed_flow[0]) < k * self.cap
        if len(used) <= k:
            method = "flow" if self.cap == 1 else "relaksasi"
            return TrainingRow(
                k, used, relaxed.chosen, ub, ub, True, method, time.perf_counter() - t0, slack
            )  # fmt: skip
        # Feasible plans: the k candidates carrying most of the relaxed value, and the previous
        # set grown by the best-carrying newcomer.
        carried: dict[int, int] = {}
        for i in np.nonzero(relaxed.chosen)[0].tolist():
            o = int(self.arcs.officer[i])
            if o in self.candidate:
                carried[o] = carried.get(o, 0) + int(self.values[i])
        by_value = sorted(carried, key=lambda o: (-carried[o], o))
        tries = [set(by_value[:k])]
        newcomer = [o for o in by_value if o not in previous]
        if newcomer:
            tries.append(set(previous) | {newcomer[0]})
        best: FlowResult | None = None
        top = self._levels(relaxed.chosen)[0]
        for allowed in tries:
            plan = self.solve(k * self.cap, allowed)
            if best is None or self.value(plan.chosen) > self.value(best.chosen):
                best = plan
            if self._levels(best.chosen)[0] == top:
                # coverage reaches the bound: the second set could only gain residence or
                # travel, and costs a third flow per row (2,000 units: 27 s -> 20 s of CPU)
                break
        assert best is not None
        lb = self.value(best.chosen)
        if lb >= ub:
            return TrainingRow(
                k, self.used(best.chosen), best.chosen, lb, ub, True, "relaksasi",
                time.perf_counter() - t0, slack,
            )  # fmt: skip
        if self._levels(best.chosen)[0] == self._levels(relaxed.chosen)[0]:
            # Coverage already reaches the bound: only residence and travel are open, where
            # CP-SAT on these coefficients was seen not to close in 5 s a row (the relaxation
            # lets candidates share units, so its residence is optimistic).  Reported with its
            # gap; the coverage of the row is proven.
            return TrainingRow(
                k, self.used(best.chosen), best.chosen, lb, ub, False, "cakupan_terbukti",
                time.perf_counter() - t0, False, True,
            )  # fmt: skip
        chosen, proven = self._cpsat(k, best.chosen, relaxed.chosen, ub, time_limit_s)
        value = self.value(chosen)
        reaches = value >= ub
        proven = proven or reaches
        # Saturated only when the row reaches the relaxed bound: a row proven by CP-SAT below
        # it says nothing of k + 1 (the relaxation lets candidates share units), so training
        # more may still add coverage.
        return TrainingRow(
            k, self.used(chosen), chosen, value, value if proven else ub, proven,
            "cpsat" if proven else "batas_waktu", time.perf_counter() - t0, reaches and slack,
            self._levels(chosen)[0] == self._levels(relaxed.chosen)[0],
        )  # fmt: skip

    def _levels(self, chosen: BoolArray) -> tuple[int, int]:
        """Weighted coverage and residence of a plan (the levels above travel)."""
        return int(self.arcs.weight[chosen].sum()), int(self.arcs.resident[chosen].sum())

    def _cpsat(
        self, k: int, hint: BoolArray, relaxed: BoolArray, ub: int, time_limit_s: float
    ) -> tuple[BoolArray, bool]:
        """CP-SAT over the certified pairs (every pair on small instances): a 0/1 "trained"
        per candidate, at most ``k`` of them, pairs of untrained candidates forbidden.
        Returns the best plan and whether it is proven optimal over every pair."""
        full = len(self.values) <= FULL_SAT_PAIRS
        mask = np.ones(len(self.values), dtype=np.bool_) if full else self.flows.active.copy()
        mask |= hint | relaxed
        idx = np.nonzero(mask)[0]
        m = cp_model.CpModel()
        x = [m.new_bool_var(f"x{i}") for i in idx.tolist()]
        t = {o: m.new_bool_var(f"t{o}") for o in sorted(self.candidate)}
        m.add(sum(t.values()) <= k)
        by_unit: dict[int, list[int]] = {}
        by_off: dict[int, list[int]] = {}
        for p, i in enumerate(idx.tolist()):
            by_unit.setdefault(int(self.arcs.unit[i]), []).append(p)
            o = int(self.arcs.officer[i])
            by_off.setdefault(o, []).append(p)
            if o in t:
                m.add_implication(x[p], t[o])
        for ps in by_unit.values():
            if len(ps) > 1:
                m.add_at_most_one(x[p] for p in ps)
        for ps in by_off.values():
            if len(ps) > self.cap:
                m.add(sum(x[p] for p in ps) <= self.cap)
        vals = self.values[idx]
        expr = cp_model.LinearExpr.weighted_sum(x, vals.tolist())
        m.add(expr <= ub)
        m.maximize(expr)
        hinted = set(self.used(hint))
        for p, i in enumerate(idx.tolist()):
            m.add_hint(x[p], bool(hint[i]))
        for o, var in t.items():
            m.add_hint(var, o in hinted)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = time_limit_s
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = 0
        solver.parameters.symmetry_level = 0
        solver.parameters.catch_sigint_signal = False
        status = solver.solve(m, _StopAt(x, vals, ub))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return hint, False
        chosen = np.zeros(len(self.values), dtype=np.bool_)
        chosen[idx] = np.asarray([solver.boolean_value(v) for v in x], dtype=np.bool_)
        if self.value(chosen) < self.value(hint):
            return hint, False
        return chosen, full and status == cp_model.OPTIMAL


class _StopAt(cp_model.CpSolverSolutionCallback):
    """Stops CP-SAT at a plan reaching the relaxation's bound (then optimal), valued in
    integers (CP-SAT reports doubles, too coarse for these objectives)."""

    def __init__(self, x: list[cp_model.IntVar], values: IntArray, bound: int):
        super().__init__()
        self._x, self._values, self._bound = x, values, bound

    def on_solution_callback(self) -> None:
        picked = np.asarray([self.boolean_value(v) for v in self._x], dtype=np.bool_)
        if int(self._values[picked].sum()) >= self._bound:
            self.stop_search()


# --- more members per kecamatan ---------------------------------------------------------------


class ExtraMembersFlow:
    """Fewest units extra members must hold in one kecamatan so that a plan covers the
    ``required`` units (the kecamatan's Tinggi units, or all of them, plus every unit the
    current plan covers elsewhere).  Extra members reach every unit of their kecamatan."""

    def __init__(self, arcs: Arcs, n_units: int, cap: int):
        self.arcs, self.n_units, self.cap = arcs, n_units, cap
        self.net = network(arcs, n_units)
        zero = np.zeros(len(arcs.unit), dtype=np.int64)
        self.flows = CertifiedFlow(self.net, zero, start_pairs(arcs, -arcs.travel_m))

    def solve(self, kec_units: Sequence[int], required: BoolArray) -> tuple[FlowResult, IntArray]:
        """The flow and the unit positions the extra members hold (``FlowResult.fixed_flow``
        is per fixed arc; the gate-to-unit arcs come last, in ``kec_units`` order)."""
        reward = self.n_units + 1  # one required unit outweighs every unit through the gate
        rows: list[tuple[int, int, int, int]] = [(0, 1, len(kec_units), 1), (0, 2, self.n_units, 0)]
        rows.extend((0, node, self.cap, 0) for node in self.net.officer_node.values())
        rows.extend(
            (self.net.unit_base + u, 2, 1, -reward if required[u] else 0)
            for u in range(self.n_units)
        )
        first_gate = len(rows)
        rows.extend((1, self.net.unit_base + u, 1, 0) for u in kec_units)
        res = self.flows.solve(fixed_arcs(rows), self.n_units)
        through = np.asarray(kec_units, dtype=np.int64)[res.fixed_flow[first_gate:] > 0]
        return res, through
