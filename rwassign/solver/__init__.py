"""The assignment solve: the only package that imports OR-Tools.

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
(``weights``).  The stages, one module each:

* ``candidates``: every allowed (eligible officer, unit) pair, in canonical order;
* ``weights``: the folded objective and its overflow guard;
* ``flow``: the exact optimum by min-cost flow, a valid bound for any plan under these rules;
  without a previous plan (or when nobody held two pairs and no budget binds) it IS the answer;
* ``budget``: members moved (all-or-nothing over a member's pairs) and ``--max-moves``, which are
  not flows: a relaxed flow and a Lagrangian multiplier search give plans and valid bounds of
  the full problem, usually meeting;
* ``cpsat``: the CP-SAT rule model (one method per rule) over every pair, run only when the
  Lagrangian search left a gap, started from its best plan and bounded by its bound.

``settings.time_limit_s`` bounds all stages together; a plan found before it expires is returned
with status FEASIBLE and its gap against the valid bound, never dropped.

Pins (``Kunci``) are honoured structurally: a pinned unit leaves the flow and its officer's
capacity shrinks by one; CP-SAT fixes the pair.

Determinism: officers are ordered by NRP and units by uid before anything is built, the flow is
single-threaded, CP-SAT runs with one worker and a fixed seed, and among plans of equal
objective the flow's plan is returned (documented tie-break), so worker count and machine do
not change a proven plan.

``solve`` returns a plain ``Solution`` (the pairs, which are chosen, status, objective, bound,
gap, moves, stage times); the reasons for each decision are written by ``rwassign.explain``,
which this package never imports: how a plan was found does not shape how it is explained.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from rwassign import distance, rules
from rwassign.model import Instance, Objective, SolveStatus, travel_slack_m
from rwassign.rules import Eligibility
from rwassign.settings import Settings
from rwassign.solver.budget import Deadline, count_moves, fixed_out, lagrangian
from rwassign.solver.candidates import Arcs, Guidance, build_arcs
from rwassign.solver.cpsat import solve_cpsat
from rwassign.solver.weights import lexicographic_weights

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Solution:
    """What the solve found, before any explanation.

    ``arcs`` are every allowed pair (the explanation needs the pairs not taken too: which units
    were reachable, which open unit was nearer); ``chosen`` marks the plan's pairs, ``None`` when
    no plan was found.  ``bound`` holds the levels of the unconstrained flow plan (no plan beats
    its coverage), ``gap`` the relative gap of the folded objective ``value`` against
    ``value_bound``, a valid bound of the full problem (0.0 when optimal).  ``seconds`` holds
    the stages ``build``, ``flow`` (every flow of the search) and, when it ran, ``cpsat``;
    ``flows`` counts the flows, ``fixed`` the pairs left out of CP-SAT by reduced-cost fixing.
    ``moves`` is set on a re-plan only.
    """

    status: SolveStatus
    arcs: Arcs
    chosen: distance.BoolArray | None
    objective: Objective | None
    bound: Objective
    gap: float
    moves: int | None
    seconds: dict[str, float]
    travel_unit_m: int
    value: int | None = None
    value_bound: int | None = None
    flows: int = 0
    fixed: int = 0


def plan_objective(arcs: Arcs, chosen: distance.BoolArray) -> Objective:
    """The objective levels of the plan ``chosen`` (per arc of ``arcs``)."""
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
    eligibility: Eligibility | None = None,
    guidance: Guidance | None = None,
    progress: Progress | None = None,
) -> Solution:
    """Solve one Polres: candidate pairs, weights, exact flow; for a re-plan whose members moved
    or move budget is not a flow, the Lagrangian search and, only if it leaves a gap, CP-SAT.

    ``eligibility`` is the run's ``rules.evaluate(instance, settings)``, computed once by the
    caller (which also needs it for pins and reasons); it is evaluated here only when not given.
    ``settings.time_limit_s`` bounds every stage together (the clock starts here).  Never raises
    for an infeasible or empty instance: those are statuses.
    """
    say = progress or (lambda _msg: None)
    deadline = Deadline(settings.time_limit_s)
    seconds: dict[str, float] = {}
    if eligibility is None:
        eligibility = rules.evaluate(instance, settings)

    say("build")
    t0 = time.perf_counter()
    guidance = guidance or Guidance()
    arcs = build_arcs(instance, settings, eligibility.eligible, guidance)
    w = lexicographic_weights(arcs, len(instance.units))
    seconds["build"] = time.perf_counter() - t0

    say("flow")
    n_off, n_units = len(instance.officers), len(instance.units)
    cap = settings.max_units_per_officer
    budget = guidance.max_moves
    side = lagrangian(arcs, n_off, n_units, cap, w, budget, deadline)
    seconds["flow"] = side.seconds
    # The flow plan with every member's relaxed stay level: a lexicographic upper bound on every
    # level, whatever the side constraints (reported as ``bound``).
    chosen, value, upper = side.best, side.value, side.bound
    fixed = 0
    proven = side.closed
    if not proven and len(arcs.unit) and not deadline.passed():
        say("cpsat")
        t1 = time.perf_counter()
        out = fixed_out(arcs, cap, side, deadline)
        seconds["fixing"] = time.perf_counter() - t1
        fixed = int(out.sum()) if out is not None else 0
        sat = solve_cpsat(arcs, settings, w, chosen, upper, budget, deadline.left(), out)
        seconds["cpsat"] = sat.seconds
        if sat.chosen is not None and sat.value is not None:
            if value is None or sat.value > value:
                chosen, value = sat.chosen, sat.value
            if sat.status == "OPTIMAL":
                proven, upper = True, value
            else:
                # CP-SAT's bound is a double: rounded up past its rounding error at this size,
                # so that it stays a bound
                sat_bound = math.ceil(sat.bound) + 1 + int(abs(sat.bound) / 2**50)
                upper = min(upper, max(value, sat_bound))
        elif sat.status == "INFEASIBLE":
            # no plan keeps the budget (pins and a lowered cap can force moves)
            chosen, value, proven = None, None, True

    status: SolveStatus
    gap: float
    if chosen is None or value is None:
        status, gap = SolveStatus.NO_PLAN, 1.0
    elif proven or value >= upper:
        status, gap = SolveStatus.OPTIMAL, 0.0
    else:
        status, gap = SolveStatus.FEASIBLE, max(0.0, (upper - value) / max(1, abs(upper)))
    if chosen is not None and value is not None and w.travel_unit > 1:
        # Travel was counted in coarse steps: every level above travel is exact, but a plan
        # equal on them may travel up to ``travel_slack_m`` less.  Not a proven optimum.
        slack = travel_slack_m(int(chosen.sum()), n_units, w.travel_unit)
        status = SolveStatus.FEASIBLE
        gap = max(gap, slack / w.travel_unit / max(1, abs(value)))
    bound_plan = chosen if status is SolveStatus.OPTIMAL and chosen is not None else side.first
    return Solution(
        status=status,
        arcs=arcs,
        chosen=chosen,
        objective=None if chosen is None else plan_objective(arcs, chosen),
        bound=plan_objective(arcs, bound_plan),
        gap=gap,
        moves=count_moves(arcs, chosen) if chosen is not None and guidance.previous else None,
        seconds=seconds,
        travel_unit_m=w.travel_unit,
        value=value,
        value_bound=upper if status is not SolveStatus.OPTIMAL else value,
        flows=side.flows,
        fixed=fixed,
    )


__all__ = [
    "Arcs",
    "Guidance",
    "Progress",
    "Solution",
    "plan_objective",
    "solve",
    "travel_slack_m",
]
