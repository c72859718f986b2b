"""Members moved and move budgets (``rwassign.solver.budget``): exact against brute force.

Every instance here is small enough to enumerate every plan (each unit: one of its allowed
officers, or nobody; then the cap), so "exact" means: the solver's folded value equals the best
value of every plan within the budget, valued by the same integer objective.  Points lie on a
north-south line (``builders.north(km)``).
"""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from rwassign import rules
from rwassign import solver as solver_pkg
from rwassign.checker import check
from rwassign.explain import explain
from rwassign.explain import solve as explain_solve
from rwassign.model import Instance, SolveStatus
from rwassign.settings import Settings
from rwassign.solver import Guidance, budget
from rwassign.solver.budget import count_moves, true_value
from rwassign.solver.candidates import build_arcs
from rwassign.solver.flow import solve_flow
from rwassign.solver.weights import lexicographic_weights
from tests.builders import FAST, instance, north, officer, unit


def brute_force(inst: Instance, settings: Settings, guidance: Guidance) -> int | None:
    """The best folded value of every plan within the rules and the budget (None: no plan)."""
    arcs = build_arcs(inst, settings, rules.evaluate(inst, settings).eligible, guidance)
    w = lexicographic_weights(arcs, len(inst.units))
    per_unit = [[None, *np.nonzero(arcs.unit == u)[0].tolist()] for u in range(len(inst.units))]
    best: int | None = None
    for pick in itertools.product(*per_unit):
        chosen = np.zeros(len(arcs.unit), dtype=np.bool_)
        for i in pick:
            if i is not None:
                chosen[i] = True
        if not (chosen | ~arcs.pinned).all():
            continue
        _, per_officer = np.unique(arcs.officer[chosen], return_counts=True)
        if len(per_officer) and per_officer.max() > settings.max_units_per_officer:
            continue
        if guidance.max_moves is not None and count_moves(arcs, chosen) > guidance.max_moves:
            continue
        value = true_value(arcs, w, chosen)
        best = value if best is None else max(best, value)
    return best


def test_budget_optimum_needs_a_pair_no_candidate_set_holds() -> None:
    """Four members (o1..o4) live at the new Tinggi RW T and held the Rendah dusun A1..A4,
    5 km away; r lives 30 km away, at the new Sedang RW Z.  Cap 1, 6 units, 5 members.

    Free: one of o1..o4 takes T and r takes Z (1 move, weighted 3 + 2 + 3 = 8).  With
    ``--max-moves 0`` everyone keeps their dusun and r must take T (4 + 3 = 7), not Z (4 + 2 =
    6).  The pair r -> T is not in the free flow's plan, r is not among T's four nearest
    members, does not live there and never held it: a candidate set of those pairs (the old
    CP-SAT model) finds only 6 and, measured by its own bound, calls 6 optimal."""
    t = unit("kampung jawa", 1, priority=3, point=north(0))
    z = unit("kampung jawa", 2, priority=2, point=north(30))
    a = [unit("tunggang", i, point=north(5)) for i in (1, 2, 3, 4)]
    offs = [officer(i, f"8009000{i}", home_point=north(0)) for i in range(4)]
    r = officer(4, "80090009", home_point=north(30))
    inst = instance([t, z, *a], [*offs, r])
    guidance = Guidance(previous={a[i].uid: offs[i].nrp for i in range(4)}, max_moves=0)

    arcs = build_arcs(inst, FAST, rules.evaluate(inst, FAST).eligible, guidance)
    w = lexicographic_weights(arcs, len(inst.units))
    free = solve_flow(arcs, 5, 6, 1, w).chosen
    r_to_t = np.nonzero((arcs.officer == 4) & (arcs.unit == 0))[0]
    candidates = free | arcs.resident | arcs.nearest | arcs.kept | arcs.pinned
    assert len(r_to_t) == 1 and not candidates[r_to_t].any()

    solution = solver_pkg.solve(inst, FAST, guidance=guidance)
    assert solution.status is SolveStatus.OPTIMAL and solution.gap == 0.0
    assert solution.objective is not None and solution.objective.weighted_coverage == 7
    assert solution.chosen is not None and solution.chosen[r_to_t].all()
    assert solution.moves == 0
    assert solution.value == brute_force(inst, FAST, guidance)
    result = explain(inst, FAST, solution)
    assert check(result) == []


def _random_case(seed: int) -> tuple[Instance, Settings, Guidance]:
    """3-5 units and 2-4 members on a 12 km line, random priorities and homes, a random
    previous plan (some of it no longer legal when a member now lives too far), cap 1-2 and a
    budget of 0-2 or none."""
    rng = random.Random(seed)
    cap = rng.choice((1, 2, 2))
    units = [
        unit("tunggang", i + 1, priority=rng.choice((1, 1, 2, 3)), point=north(rng.randint(0, 12)))
        for i in range(rng.randint(3, 5))
    ]
    offs = []
    for i in range(rng.randint(2, 4)):
        home = rng.choice((None, None, rng.choice(units)))
        point = north(rng.randint(0, 12)) if home is None else home.point
        offs.append(officer(i, f"8010{seed:03d}{i}", home=home, home_point=point))
    previous: dict[str, str] = {}
    load = dict.fromkeys(range(len(offs)), 0)
    for u in units:
        o = rng.randrange(len(offs) + 1)
        if o < len(offs) and load[o] < cap + rng.choice((0, 0, 1)):
            previous[u.uid] = offs[o].nrp
            load[o] += 1
    settings = FAST.replace(max_units_per_officer=cap)
    if rng.random() < 0.3:
        settings = settings.replace(max_travel_km=8.0)
    max_moves = rng.choice((None, 0, 1, 2))
    return instance(units, offs), settings, Guidance(previous=previous, max_moves=max_moves)


@pytest.mark.parametrize("seed", range(100))
def test_random_re_plans_equal_brute_force(seed: int) -> None:
    inst, settings, guidance = _random_case(seed)
    best = brute_force(inst, settings, guidance)
    solution = solver_pkg.solve(inst, settings, guidance=guidance)
    if best is None:
        assert solution.status is SolveStatus.NO_PLAN
        return
    assert solution.status is SolveStatus.OPTIMAL, (seed, solution.gap)
    assert solution.value == best
    assert guidance.max_moves is None or (solution.moves or 0) <= guidance.max_moves
    assert check(explain(inst, settings, solution)) == []


def test_reduced_cost_fixing_leaves_out_pairs_and_stays_exact() -> None:
    """Seed 54 (cap 2, members moved): the Lagrangian leaves a gap, and of 16 pairs reduced-cost
    fixing leaves 5 out of CP-SAT (each worth less than the gap in reduced cost); the optimum
    over the rest is the brute-force optimum over all."""
    inst, settings, guidance = _random_case(54)
    solution = solver_pkg.solve(inst, settings, guidance=guidance)
    assert "cpsat" in solution.seconds and solution.fixed == 5 and len(solution.arcs.unit) == 16
    assert solution.status is SolveStatus.OPTIMAL
    assert solution.value == brute_force(inst, settings, guidance)


def _cap_two_case() -> tuple[Instance, Settings, Guidance]:
    """``tests/test_replan.py::test_cap_two_moves_are_the_fewest_for_the_coverage``: the
    relaxed flow (each of a member's two old pairs worth half a stay) keeps one old pair of
    each member and moves both (residence 2); the optimum moves one (residence 1)."""
    h1 = unit("kampung jawa", 1, priority=3, point=north(0))
    h2 = unit("kampung jawa", 2, priority=3, point=north(20))
    t = [unit("tunggang", i, point=north(10)) for i in (1, 2, 3, 4)]
    a = officer(0, "80080001", home=h1, home_point=north(0))
    b = officer(1, "80080002", home=h2, home_point=north(20))
    previous = {t[0].uid: a.nrp, t[1].uid: a.nrp, t[2].uid: b.nrp, t[3].uid: b.nrp}
    return (
        instance([h1, h2, *t], [a, b]),
        FAST.replace(max_units_per_officer=2),
        Guidance(previous=previous),
    )


def test_members_moved_level_is_closed_by_cp_sat_with_the_relaxed_bound() -> None:
    inst, settings, guidance = _cap_two_case()
    solution = solver_pkg.solve(inst, settings, guidance=guidance)
    assert solution.status is SolveStatus.OPTIMAL and solution.moves == 1
    assert "cpsat" in solution.seconds  # the relaxation alone could not prove it
    assert solution.value == brute_force(inst, settings, guidance)


def test_time_limit_after_the_flow_returns_the_flow_plan_with_its_true_gap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The deadline is already past when the flow ends: no CP-SAT; the relaxed flow's plan is a
    plan within the rules, returned FEASIBLE, its gap measured against the relaxed bound (a
    bound of the full problem), not 0."""
    inst, settings, guidance = _cap_two_case()
    monkeypatch.setattr(budget.Deadline, "left", lambda self: 0.0)
    solution = solver_pkg.solve(inst, settings, guidance=guidance)
    assert solution.status is SolveStatus.FEASIBLE
    assert "cpsat" not in solution.seconds
    assert solution.moves == 2
    assert solution.value is not None and solution.value_bound is not None
    arcs = solution.arcs
    assert solution.chosen is not None
    assert solution.value == true_value(arcs, lexicographic_weights(arcs, 6), solution.chosen)
    # the bound is the relaxed flow's value: 2 of 2 pairs kept earn W_stay / 2 each, on top
    w = lexicographic_weights(arcs, 6)
    exact = brute_force(inst, settings, guidance)
    assert exact is not None and solution.value < exact <= solution.value_bound
    assert solution.value_bound - solution.value == w.stay  # half a stay from each member
    assert solution.gap == pytest.approx(w.stay / solution.value_bound)
    assert check(explain(inst, settings, solution)) == []


def test_budget_that_pins_make_impossible_is_no_plan() -> None:
    """a held RW 1 and RW 2 (cap 2); a pin gives RW 1 to b: a must lose RW 1, one move, which
    ``--max-moves 0`` forbids."""
    u1, u2 = unit("tunggang", 1, point=north(0)), unit("tunggang", 2, point=north(1))
    a = officer(0, "80110001", home_point=north(0))
    b = officer(1, "80110002", home_point=north(0))
    inst = instance([u1, u2], [a, b])
    settings = FAST.replace(max_units_per_officer=2)
    guidance = Guidance(previous={u1.uid: a.nrp, u2.uid: a.nrp}, pins=((u1.uid, 1),), max_moves=0)
    assert brute_force(inst, settings, guidance) is None
    assert solver_pkg.solve(inst, settings, guidance=guidance).status is SolveStatus.NO_PLAN
    one = Guidance(previous=guidance.previous, pins=guidance.pins, max_moves=1)
    solution = solver_pkg.solve(inst, settings, guidance=one)
    assert solution.status is SolveStatus.OPTIMAL and solution.moves == 1


def test_coarse_travel_is_reported_with_its_bound_not_as_optimal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the weights must count travel in 10 m steps (``SAFE_MAGNITUDE`` lowered as in
    ``test_weights``), every level above travel is still exact, but a plan equal on them might
    travel up to half a step less per pair, here (2 pairs + 2 units) x 5 m = 20 m: the status
    is FEASIBLE with that bound, never OPTIMAL."""
    from rwassign.report import summarize
    from rwassign.solver import weights as weights_module

    rw1, rw3 = unit(number=1, point=north(1)), unit(number=3, point=north(3))
    a = officer(0, "87050123", home=rw1, home_point=north(0))
    b = officer(1, "88070678", home_point=north(0))
    inst = instance([rw1, rw3], [a, b])
    monkeypatch.setattr(weights_module, "SAFE_MAGNITUDE", 50_000)
    result = explain_solve(inst, FAST)
    assert result.travel_unit_m == 10
    assert result.status is SolveStatus.FEASIBLE and 0.0 < result.gap < 0.01
    assert result.objective is not None and result.objective.travel_m == 3000  # A home, B 3 km
    facts = summarize(result)
    assert facts["status"] == "FEASIBLE"
    assert facts["travel_km"] == 3.0 and facts["travel_bound_km"] == 2.98
    assert check(result) == []
