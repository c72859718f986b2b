"""The assignment solve: the only package that imports OR-Tools.

How the optimum is found and proven
-----------------------------------
The rules of ``rwassign.rules`` make the assignment a b-matching: each unit takes at most one
officer, each officer at most ``max_units_per_officer`` units, pairs beyond ``max_travel_km``
are absent.  The lexicographic objective

1. maximise priority-weighted coverage,
2. (re-plan only) fewest members moved, then most previous pairs kept,
3. maximise officers serving the unit they live in,
4. minimise total travel in metres,

is folded into one integer cost per pair with weights that are *provably* lexicographic
(``weights``).  The stages, one module each:

* ``candidates``: the allowed (eligible officer, unit) pairs in canonical order, described by a
  ``PairSpace`` and computed in blocks of officer rows; the starting candidate set and the
  per-level bounds the weights need over every allowed pair;
* ``weights``: the folded objective and its overflow guard;
* ``flow`` and ``pricing``: the exact optimum over every allowed pair, with its certificate;
  without a previous plan or a move budget it IS the answer;
* ``budget``: members moved (all-or-nothing over a member's pairs) and ``--max-moves``, which are
  not flows: a relaxed flow and a Lagrangian multiplier search give plans and valid bounds of
  the full problem, usually meeting;
* ``cpsat``: the CP-SAT rule model (one method per rule) over every pair, run only when the
  Lagrangian search left a gap, started from its best plan and bounded by its bound.

The plain plan (no previous plan, no move budget) never lists every pair.  The min-cost flow (a
b-matching: totally unimodular, so the flow optimum is the integer optimum) runs on a candidate
set: every residence, kept and pinned pair, each unit's nearest officers and each officer's best
units.  OR-Tools returns no duals, so exact int64 node potentials are derived from the flow's
residual graph (Bellman-Ford, numpy) and turned into LP dual prices: ``p_u`` per unit, ``q_o``
per officer, non-negative, tight on the plan, ``sum p + sum cap * q`` = the plan's value.  Every
allowed pair is then priced in blocks (most without a distance: a pair worth at most its
coverage weight cannot beat its prices when the coverage alone cannot); the pairs worth more
than ``p_u + q_o`` join the candidates and the flow runs again, until a full pass finds none.
Then the prices are dual feasible on every allowed pair, so by weak duality no plan is worth
more: the plan is the optimum of the whole problem, and ``Solution.certificate`` carries the
proof, which ``rwassign.checker`` re-checks over every pair on its own.  Memory grows with the
candidates, not with members x units.  Without side constraints this plan is the answer (status
OPTIMAL, gap 0) and CP-SAT does not run.  The time limit bounds flow and pricing: when it passes
first, the last flow plan (every candidate is an allowed pair, so it is feasible) is returned as
FEASIBLE with its gap to a valid upper bound (the dual bound with each officer's largest excess
added, or every unit at its best conceivable value).

A re-plan (a previous plan, a move budget) lists every allowed pair (``build_arcs``): its
members-moved level and budget are not flows, and its sizes (a Polres re-planned after
transfers) allow it.  ``settings.time_limit_s`` bounds all stages together; a plan found before
it expires is returned with status FEASIBLE and its gap against a valid bound, never dropped.
Where travel had to be counted in coarser steps to keep the folded objective inside int64, the
plan is FEASIBLE with the slack those steps allow, never OPTIMAL.

Pins (``Kunci``) are honoured structurally: a pinned unit leaves the flow and its officer's
capacity shrinks by one; CP-SAT fixes the pair.

Determinism: officers are ordered by NRP and units by uid before anything is built, candidates
and pricing depend only on those orders (their blocks of numbers are worked on ahead in
threads but used in row order: ``distance.in_order``), the flow is single-threaded, CP-SAT
runs with one worker and a fixed seed, and among plans of equal objective the flow's plan on
the final candidates is returned (documented tie-break), so worker count, roster order and
machine do not change the plan.  (Which of several equal plans that is changed with the
sparse flow: the flow now sees fewer pairs than every pair, and the plan it returns among ties
may differ from the all-pairs flow's; the objective is the same, and a given plan is explained
exactly as before.)

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
from rwassign.certificate import Certificate
from rwassign.model import Instance, Objective, SolveStatus, travel_slack_m
from rwassign.rules import Eligibility
from rwassign.settings import Settings
from rwassign.solver.budget import Deadline, count_moves, fixed_out, lagrangian
from rwassign.solver.candidates import (
    Arcs,
    Guidance,
    build_arcs,
    build_candidates,
    pair_space,
)
from rwassign.solver.cpsat import solve_cpsat
from rwassign.solver.pricing import solve_priced
from rwassign.solver.weights import lexicographic_weights, weights_for

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Solution:
    """What the solve found, before any explanation.

    ``arcs`` are the pairs the solve worked on: on a plain solve the candidate pairs it ended
    with (every pair of the plan, every residence, kept and pinned pair, the nearest ones and
    those pricing added), on a re-plan every allowed pair; ``chosen`` marks the plan's pairs,
    ``None`` when no plan was found.  ``bound`` holds the levels of a plan no plan beats on
    coverage, ``gap`` the relative gap of the folded objective ``value`` against
    ``value_bound``, a valid bound of the full problem (0.0 when optimal).  ``seconds`` holds
    the stages ``build``, ``flow`` (every flow of the search, and pricing) and, when it ran,
    ``cpsat``; ``flows`` counts the flows, ``fixed`` the pairs left out of CP-SAT by reduced-cost
    fixing.  ``moves`` is set on a re-plan only.  ``certificate`` holds the dual prices proving
    a plain plan optimal over every allowed pair (``certificate.proven``), or, when the deadline
    stopped pricing, a valid upper bound of the folded objective (``certificate.upper_bound``).
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
    certificate: Certificate | None = None


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
    """Solve one Polres: a plain solve by the priced, certified flow; a re-plan (members moved,
    a move budget: not flows) by the Lagrangian search and, only if it leaves a gap, CP-SAT.

    ``eligibility`` is the run's ``rules.evaluate(instance, settings)``, computed once by the
    caller (which also needs it for pins and reasons); it is evaluated here only when not given.
    ``settings.time_limit_s`` bounds every stage together (the clock starts here).  Never raises
    for an infeasible or empty instance: those are statuses.
    """
    say = progress or (lambda _msg: None)
    deadline = Deadline(settings.time_limit_s)
    if eligibility is None:
        eligibility = rules.evaluate(instance, settings)
    guidance = guidance or Guidance()
    if not guidance.previous and guidance.max_moves is None:
        return _solve_plain(instance, settings, eligibility, guidance, deadline, say)
    return _solve_replan(instance, settings, eligibility, guidance, deadline, say)


def _solve_plain(
    instance: Instance,
    settings: Settings,
    eligibility: Eligibility,
    guidance: Guidance,
    deadline: Deadline,
    say: Progress,
) -> Solution:
    """The priced flow over a candidate set: proven optimal over every allowed pair, or, when
    the deadline stops pricing, FEASIBLE with its gap to a valid upper bound."""
    seconds: dict[str, float] = {}
    say("build")
    t0 = time.perf_counter()
    n_units, n_officers = len(instance.units), len(instance.officers)
    space = pair_space(instance, settings, eligibility.eligible, guidance)
    arcs, bounds = build_candidates(space, settings.max_units_per_officer)
    w = weights_for(bounds, n_units)
    seconds["build"] = time.perf_counter() - t0

    say("flow")
    priced = solve_priced(
        space,
        arcs,
        w,
        settings.max_units_per_officer,
        n_officers,
        n_units,
        time.monotonic() + deadline.left(),
    )
    arcs, flow, certificate = priced.arcs, priced.flow, priced.certificate
    seconds["flow"] = priced.seconds
    upper = certificate.upper_bound
    value = flow.value
    if certificate.proven:
        status, gap = SolveStatus.OPTIMAL, 0.0
    else:
        status, gap = SolveStatus.FEASIBLE, max(0.0, (upper - value) / max(1, abs(upper)))
    status, gap = _coarse_travel(status, gap, flow.chosen, value, n_units, w.travel_unit)
    return Solution(
        status=status,
        arcs=arcs,
        chosen=flow.chosen,
        objective=plan_objective(arcs, flow.chosen),
        bound=plan_objective(arcs, flow.chosen),
        gap=gap,
        moves=None,
        seconds=seconds,
        travel_unit_m=w.travel_unit,
        value=value,
        value_bound=value if status is SolveStatus.OPTIMAL else max(value, upper),
        flows=certificate.rounds,
        certificate=certificate,
    )


def _coarse_travel(
    status: SolveStatus,
    gap: float,
    chosen: distance.BoolArray,
    value: int,
    n_units: int,
    travel_unit: int,
) -> tuple[SolveStatus, float]:
    """Travel counted in coarse steps: every level above travel is exact, but a plan equal on
    them may travel up to ``travel_slack_m`` less.  Not a proven optimum."""
    if travel_unit <= 1:
        return status, gap
    slack = travel_slack_m(int(chosen.sum()), n_units, travel_unit)
    return SolveStatus.FEASIBLE, max(gap, slack / travel_unit / max(1, abs(value)))


def _solve_replan(
    instance: Instance,
    settings: Settings,
    eligibility: Eligibility,
    guidance: Guidance,
    deadline: Deadline,
    say: Progress,
) -> Solution:
    """Members moved and the move budget over every allowed pair: Lagrangian flows, then
    CP-SAT on what reduced-cost fixing leaves, only if the flows left a gap."""
    seconds: dict[str, float] = {}
    say("build")
    t0 = time.perf_counter()
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
    if chosen is not None and value is not None:
        status, gap = _coarse_travel(status, gap, chosen, value, n_units, w.travel_unit)
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
