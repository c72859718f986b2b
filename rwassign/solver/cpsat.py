"""The CP-SAT rule model: one method per rule, hinted and bounded by the exact flow.

CP-SAT builds the rule model over a sparse candidate set (the flow's arcs, every residence,
kept and pinned arc and each unit's nearest eligible officers).  The flow plan is the hint and
the flow value the objective bound, so CP-SAT confirms a plan that reaches the bound (status
OPTIMAL, gap 0) or, where a time limit stops it, reports the best plan and its gap.  A move
budget (``--max-moves``) is not a flow constraint, so then CP-SAT searches (over every pair up to
``FULL_MODEL_ARCS`` pairs) and proves or reports its own gap.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from rwassign import distance
from rwassign.settings import Settings
from rwassign.solver.candidates import Arcs
from rwassign.solver.flow import FlowPlan
from rwassign.solver.weights import Weights

#: A move budget makes CP-SAT search; up to this many pairs it gets every pair (exact), beyond
#: it a candidate set (flow arcs, previous pairs, residence and nearest pairs) and the gap is
#: reported against the flow bound.
FULL_MODEL_ARCS = 150_000


class RuleModel:
    """The CP-SAT model of the assignment rules over a candidate set of arcs.

    One method per assignment rule of ``rules.RULES`` and one for the objective.  Rule
    ``batas_jarak`` has no method: pairs beyond the travel limit are never built
    (``rwassign.solver.candidates.build_arcs``), so there is nothing left to forbid.
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
        """Start the search from ``chosen`` (per arc of ``arcs``, not only the candidates)."""
        for p, i in enumerate(self.idx.tolist()):
            self.model.add_hint(self.x[p], bool(chosen[i]))


@dataclass(frozen=True)
class SatOutcome:
    """What CP-SAT returned: its status name, plan (None without one), value, bound and time."""

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
    """Run the CP-SAT rule model on the candidate set, hinted and bounded by the flow.

    The time spent building the model is appended to ``build_seconds`` (it is reported with the
    arc building, not with the search).
    """
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
    # Ctrl-C is the caller's: CP-SAT's own SIGINT catching ends the search early (a worse plan
    # would then be written as if asked for) and leaves SIGINT at its default afterwards, so a
    # later Ctrl-C killed the run without removing its temporary file.
    solver.parameters.catch_sigint_signal = False
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
