"""The CP-SAT rule model: one method per rule, for what a min-cost flow cannot say alone.

A plain solve never needs it: the flow is exact (``rwassign.solver.flow``).  A re-plan needs it
only when members held two or more pairs (a member moved is all-or-nothing over their pairs) or a
move budget (``--max-moves``) binds, and only when the Lagrangian search of
``rwassign.solver.budget`` has not already proven its best plan optimal.  Then this model, over
every allowed pair that reduced-cost fixing leaves in, starts from that plan and is told its
bound (a valid bound of the full problem), so reaching the bound proves the optimum and a time
limit leaves a true gap.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from rwassign import distance
from rwassign.settings import Settings
from rwassign.solver.budget import count_moves, true_value
from rwassign.solver.candidates import Arcs
from rwassign.solver.weights import Weights


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
        self.y: list[cp_model.IntVar] = []  # per member who held a pair: keeps all of them
        self.y_officer: list[int] = []
        self._kept_of: dict[int, list[int]] = {}
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

    def member_stays(self) -> None:
        """Level ``fewest members moved``: ``y_o`` is 1 only if member ``o`` keeps every previous
        pair that is still legal (a pair left out of the model counts as lost)."""
        if self.y:
            return
        in_model = {int(i): p for p, i in enumerate(self.idx.tolist())}
        kept = np.nonzero(self.arcs.kept)[0]
        by_officer: dict[int, list[int]] = {}
        for i in kept.tolist():
            by_officer.setdefault(int(self.arcs.officer[i]), []).append(i)
        self.y_officer = sorted(by_officer)
        for o in self.y_officer:
            y = self.model.new_bool_var(f"y{o}")
            for i in by_officer[o]:
                if i in in_model:
                    self.model.add_implication(y, self.x[in_model[i]])
                else:
                    self.model.add(y == 0)
            self.y.append(y)
        self._kept_of = by_officer

    def move_budget(self, max_moves: int) -> None:
        """``--max-moves K``: at most K members lose a previous pair that is still legal."""
        self.member_stays()
        self.model.add(sum(self.y) >= len(self.y) - max_moves)

    def objective(self, bound: int | None) -> None:
        """Objectives ``cakupan``, members moved and pairs kept, ``domisili`` and ``jarak``,
        folded lexicographically; ``bound`` is a proven upper bound of the full problem."""
        values = Weights.arc_values(self.w, self.arcs)[self.idx].tolist()
        expr = cp_model.LinearExpr.weighted_sum(self.x, values)
        if self.y and self.w.stay:
            expr = expr + self.w.stay * sum(self.y)
        if bound is not None:
            self.model.add(expr <= bound)
        self.model.maximize(expr)

    def hint(self, chosen: distance.BoolArray) -> None:
        """Start the search from ``chosen`` (per arc of ``arcs``, not only the candidates)."""
        for p, i in enumerate(self.idx.tolist()):
            self.model.add_hint(self.x[p], bool(chosen[i]))
        for o, y in zip(self.y_officer, self.y, strict=True):
            self.model.add_hint(y, bool(chosen[self._kept_of[o]].all()))

    def plan(
        self, solver: cp_model.CpSolver | cp_model.CpSolverSolutionCallback
    ) -> distance.BoolArray:
        """The plan of the solver's current solution, per arc of ``arcs``."""
        chosen = np.zeros(len(self.arcs.unit), dtype=np.bool_)
        chosen[self.idx] = np.asarray([solver.boolean_value(v) for v in self.x], dtype=np.bool_)
        return chosen


@dataclass(frozen=True)
class SatOutcome:
    """What CP-SAT returned: its status name, plan (None without one), value, bound and time."""

    status: str
    chosen: distance.BoolArray | None
    value: int | None
    bound: float
    seconds: float


class _StopAtBound(cp_model.CpSolverSolutionCallback):
    """Stops the search at the first plan that reaches the proven bound of the full problem.

    CP-SAT's own LP bound cannot always close on an objective spanning 1 m to 1e15 (its
    coefficients are that far apart), but the bound is already proven (flow and Lagrangian), so
    reaching it is optimal.  The value is recomputed in integers: CP-SAT reports a double.
    """

    def __init__(self, rm: RuleModel, bound: int):
        super().__init__()
        self._rm = rm
        self._bound = bound
        self.reached = False

    def on_solution_callback(self) -> None:
        if self.objective_value < self._bound - 1e-6 * max(1.0, abs(self._bound)):
            return
        if true_value(self._rm.arcs, self._rm.w, self._rm.plan(self)) >= self._bound:
            self.reached = True
            self.stop_search()


def solve_cpsat(
    arcs: Arcs,
    settings: Settings,
    w: Weights,
    start: distance.BoolArray | None,
    bound: int,
    max_moves: int | None,
    seconds: float,
    fixed_out: distance.BoolArray | None = None,
) -> SatOutcome:
    """The exact model over every allowed pair but those in ``fixed_out`` (pairs no plan better
    than ``start`` can hold, ``budget.fixed_out``): rules, members moved, the budget; started
    from ``start`` and bounded by ``bound`` (of the full problem), for at most ``seconds``.

    One worker and a fixed seed: the search, and so the plan, is the same on every run and
    machine as long as it ends by proof (or by the deterministic limit) rather than by the
    wall clock.
    """
    t0 = time.perf_counter()
    keep = np.ones(len(arcs.unit), dtype=np.bool_) if fixed_out is None else ~fixed_out
    rm = RuleModel(arcs, np.nonzero(keep)[0], settings, w)
    rm.member_stays()
    if max_moves is not None:
        rm.move_budget(max_moves)
    rm.objective(bound)
    if start is not None:
        rm.hint(start)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.001)
    solver.parameters.max_deterministic_time = max(seconds, 0.001)
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    # Symmetry presolve was seen to drop the complete hint on these models (equal-cost officers
    # living at one point are symmetric) and then fail to reach the proven bound.
    solver.parameters.symmetry_level = 0
    # Ctrl-C is the caller's: CP-SAT's own SIGINT catching ends the search early (a worse plan
    # would then be written as if asked for) and leaves SIGINT at its default afterwards, so a
    # later Ctrl-C killed the run without removing its temporary file.
    solver.parameters.catch_sigint_signal = False
    stopper = _StopAtBound(rm, bound)
    status = solver.solve(rm.model, stopper)
    took = time.perf_counter() - t0
    name = solver.status_name(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return SatOutcome(name, None, None, float(bound), took)
    chosen = rm.plan(solver)
    value = true_value(arcs, w, chosen)
    if stopper.reached or status == cp_model.OPTIMAL:
        name = "OPTIMAL"
    return SatOutcome(name, chosen, value, min(float(bound), solver.best_objective_bound), took)


__all__ = ["RuleModel", "SatOutcome", "count_moves", "solve_cpsat"]
