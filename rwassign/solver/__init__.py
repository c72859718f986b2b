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

* ``candidates``: the allowed (eligible officer, unit) pairs in canonical order, described by a
  ``PairSpace`` and computed in blocks of officer rows; the starting candidate set and the
  per-level bounds the weights need over every allowed pair;
* ``weights``: the folded objective and its overflow guard;
* ``flow`` and ``pricing``: the exact optimum over every allowed pair, with its certificate;
* ``cpsat``: the CP-SAT rule model (one method per rule) over a sparse candidate set, hinted and
  bounded by the flow, for a move budget: it proves the budget-constrained optimum or reports
  the best plan and its gap.

The plain plan (no move budget) never lists every pair.  The min-cost flow (a b-matching:
totally unimodular, so the flow optimum is the integer optimum) runs on a candidate set: every
residence, kept and pinned pair, each unit's nearest officers and each officer's best units.
OR-Tools returns no duals, so exact int64 node potentials are derived from the flow's residual
graph (Bellman-Ford, numpy) and turned into LP dual prices: ``p_u`` per unit, ``q_o`` per
officer, non-negative, tight on the plan, ``sum p + sum cap * q`` = the plan's value.  Every
allowed pair is then priced in blocks (most without a distance: a pair worth at most its
coverage weight cannot beat its prices when the coverage alone cannot); the pairs worth more
than ``p_u + q_o`` join the candidates and the flow runs again, until a full pass finds none.
Then the prices are dual feasible on every allowed pair, so by weak duality no plan is worth
more: the plan is the optimum of the whole problem, and ``Solution.certificate`` carries the
proof, which ``rwassign.checker`` re-checks over every pair on its own.  Memory grows with the
candidates, not with members x units.  Without side constraints this plan is the answer (status
OPTIMAL, gap 0) and CP-SAT does not run.  The time limit bounds flow and pricing: when it
passes first, the last flow plan (every candidate is an allowed pair, so it is feasible) is
returned as FEASIBLE with its gap to a valid upper bound (the dual bound with each officer's
largest excess added, or every unit at its best conceivable value).

Pins (``Kunci``) are honoured structurally: a pinned unit leaves the flow and its officer's
capacity shrinks by one; CP-SAT fixes the pair.

Determinism: officers are ordered by NRP and units by uid before anything is built, candidates
and pricing depend only on those orders, the flow is single-threaded, and among plans of equal
objective the flow's plan on the final candidates is returned (documented tie-break), so
worker count, roster order and machine do not change the plan.  (Which of several equal plans
that is changed with the sparse flow: the flow now sees fewer pairs than every pair, and the
plan it returns among ties may differ from the all-pairs flow's; the objective is the same, and a
given plan is explained exactly as before.)

``solve`` returns a plain ``Solution`` (the pairs, which are chosen, status, objective, bound,
gap, moves, stage times); the reasons for each decision are written by ``rwassign.explain``,
which this package never imports: how a plan was found does not shape how it is explained.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rwassign import distance, rules
from rwassign.certificate import Certificate
from rwassign.model import Instance, Objective, SolveStatus
from rwassign.rules import Eligibility
from rwassign.settings import Settings
from rwassign.solver.candidates import (
    Arcs,
    Guidance,
    LevelBounds,
    build_arcs,
    build_candidates,
    pair_space,
)
from rwassign.solver.cpsat import FULL_MODEL_ARCS, SatOutcome, count_moves, solve_cpsat
from rwassign.solver.pricing import solve_priced
from rwassign.solver.weights import weights_for

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Solution:
    """What the solve found, before any explanation.

    ``arcs`` are the candidate pairs the solve ended with (every pair of the plan, every
    residence, kept and pinned pair, the nearest ones and those pricing added; every allowed
    pair on a move-budget re-plan small enough for the full model); ``chosen`` marks the plan's
    pairs, ``None`` when no plan was confirmed.  ``bound`` is the proven best objective, ``gap``
    the relative gap of the folded objective (0.0 when optimal).  ``seconds`` holds the stages
    ``build``, ``flow`` (flow and pricing) and ``cpsat``.  ``moves`` is set on a re-plan only.
    ``certificate`` holds the dual prices proving the flow plan optimal over every allowed pair
    (``certificate.proven``), or, when the deadline stopped pricing, a valid upper bound of the
    folded objective (``certificate.upper_bound``).
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
    """Solve one Polres: candidate pairs, weights, exact flow, CP-SAT rule model.

    ``eligibility`` is the run's ``rules.evaluate(instance, settings)``, computed once by the
    caller (which also needs it for pins and reasons); it is evaluated here only when not given.
    Never raises for an infeasible or empty instance: those are statuses.
    """
    say = progress or (lambda _msg: None)
    seconds: dict[str, float] = {}
    if eligibility is None:
        eligibility = rules.evaluate(instance, settings)

    deadline = time.monotonic() + settings.time_limit_s
    say("build")
    t0 = time.perf_counter()
    guidance = guidance or Guidance()
    n_units, n_officers = len(instance.units), len(instance.officers)
    space = pair_space(instance, settings, eligibility.eligible, guidance)
    if guidance.max_moves is not None and space.n_rows * space.n_cols <= FULL_MODEL_ARCS:
        # A move budget is not a flow constraint: CP-SAT searches, over every pair.
        arcs = build_arcs(instance, settings, eligibility.eligible, guidance)
        bounds = LevelBounds.of_arcs(arcs)
    else:
        arcs, bounds = build_candidates(space)
    w = weights_for(bounds, n_units)
    seconds["build"] = time.perf_counter() - t0

    say("flow")
    priced = solve_priced(
        space, arcs, w, settings.max_units_per_officer, n_officers, n_units, deadline
    )
    arcs, flow, certificate = priced.arcs, priced.flow, priced.certificate
    seconds["flow"] = priced.seconds

    if guidance.max_moves is None:
        # Without side constraints the priced flow plan is the answer: proven optimal over
        # every pair, or, when the deadline stopped pricing, feasible with a valid bound.
        bound = plan_objective(arcs, flow.chosen)
        seconds["cpsat"] = 0.0
        upper = certificate.upper_bound
        gap = 0.0 if certificate.proven else max(0.0, (upper - flow.value) / max(1, abs(upper)))
        return Solution(
            status=SolveStatus.OPTIMAL if certificate.proven else SolveStatus.FEASIBLE,
            arcs=arcs,
            chosen=flow.chosen,
            objective=plan_objective(arcs, flow.chosen),
            bound=bound,
            gap=gap,
            moves=count_moves(arcs, flow.chosen) if guidance.previous else None,
            seconds=seconds,
            travel_unit_m=w.travel_unit,
            certificate=certificate,
        )

    say("cpsat")
    build_cp: list[float] = []
    if len(arcs.unit):
        sat = solve_cpsat(arcs, flow, settings, w, build_cp, guidance.max_moves)
    else:
        sat = SatOutcome("OPTIMAL", np.zeros(0, dtype=np.bool_), 0, 0.0, 0.0)
    seconds["build"] += sum(build_cp)
    seconds["cpsat"] = sat.seconds

    bound = plan_objective(arcs, flow.chosen)
    budget = guidance.max_moves
    flow_fits = budget is None or count_moves(arcs, flow.chosen) <= budget
    chosen: distance.BoolArray | None
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
        bound = plan_objective(arcs, sat.chosen)
    elif sat.chosen is not None and sat.value is not None:
        status, chosen = SolveStatus.FEASIBLE, sat.chosen
        best = flow.value if flow_fits else min(flow.value, int(sat.bound))
        gap = max(0.0, (best - sat.value) / max(1, abs(best)))
    else:
        # CP-SAT found nothing within the limit: no plan is confirmed under the rule model.
        status, chosen, gap = SolveStatus.NO_PLAN, None, 1.0

    return Solution(
        status=status,
        arcs=arcs,
        chosen=chosen,
        objective=None if chosen is None else plan_objective(arcs, chosen),
        bound=bound,
        gap=gap,
        moves=count_moves(arcs, chosen) if chosen is not None and guidance.previous else None,
        seconds=seconds,
        travel_unit_m=w.travel_unit,
        # the certificate proves the flow plan; a budget-constrained plan is another one
        certificate=certificate if chosen is flow.chosen else None,
    )


__all__ = ["Arcs", "Guidance", "Progress", "Solution", "plan_objective", "solve"]
