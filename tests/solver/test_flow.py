"""The exact min-cost flow (``rwassign.solver.flow``) on tiny instances solved by hand.

Points lie on a north-south line (``builders.north(km)``), so every distance is exact to the
metre.  Plans are compared as sets of (unit number, officer index) and values through
``Weights.arc_values``, so each expected value is written out from the weights.
"""

from __future__ import annotations

import numpy as np

from rwassign import rules
from rwassign.model import Instance
from rwassign.settings import Settings
from rwassign.solver.candidates import Arcs, Guidance, build_arcs
from rwassign.solver.flow import FlowPlan, solve_flow
from rwassign.solver.weights import Weights, lexicographic_weights
from tests.builders import BASE, FAST, instance, north, officer, unit


def flow(
    inst: Instance, settings: Settings = FAST, guidance: Guidance | None = None
) -> tuple[Arcs, Weights, FlowPlan]:
    arcs = build_arcs(inst, settings, rules.evaluate(inst, settings).eligible, guidance)
    w = lexicographic_weights(arcs, len(inst.units))
    plan = solve_flow(arcs, len(inst.officers), len(inst.units), settings.max_units_per_officer, w)
    return arcs, w, plan


def pairs(inst: Instance, arcs: Arcs, plan: FlowPlan) -> set[tuple[int, int]]:
    """(unit number, officer index) of every chosen arc."""
    idx = np.nonzero(plan.chosen)[0].tolist()
    return {(inst.units[int(arcs.unit[i])].number, int(arcs.officer[i])) for i in idx}


def test_uncrossed_plan_is_the_optimum() -> None:
    """A at 0 km, B at 10 km; units at 1 km and 9 km.  Uncrossed: 1000 + 1000 m; crossed:
    9000 + 9000 m.  Value = 2 * W_cov - 2000."""
    u1, u9 = unit(number=1, point=north(1)), unit(number=9, point=north(9))
    a = officer(0, "87050123", home_point=BASE)
    b = officer(1, "88070678", home_point=north(10))
    inst = instance([u1, u9], [a, b])
    arcs, w, plan = flow(inst)
    assert pairs(inst, arcs, plan) == {(1, 0), (9, 1)}
    assert plan.value == 2 * w.cov - 2000


def test_capacity_is_the_officer_cap() -> None:
    """One officer at the base, units at 1, 2 and 3 km: cap 2 takes the two nearest."""
    units = [unit(number=k, point=north(k)) for k in (1, 2, 3)]
    inst = instance(units, [officer(0, "87050123", home_point=BASE)])
    arcs, w, plan = flow(inst, FAST.replace(max_units_per_officer=2))
    assert pairs(inst, arcs, plan) == {(1, 0), (2, 0)}
    assert plan.value == 2 * w.cov - 3000


def test_units_may_stay_uncovered() -> None:
    """More units than capacity: the bypass arc carries the rest, the flow stays feasible."""
    units = [unit(number=k, point=north(k)) for k in (1, 2)]
    inst = instance(units, [officer(0, "87050123", home_point=BASE)])
    arcs, w, plan = flow(inst)
    assert pairs(inst, arcs, plan) == {(1, 0)}
    assert plan.value == w.cov - 1000


def test_pin_takes_the_unit_and_a_place_of_the_cap() -> None:
    """Cap 1, the officer pinned to the far unit (2 km): the pin is in the plan and the near
    unit stays uncovered, since the pin used the officer's only place.  Value = W_cov - 2000."""
    near, far = unit(number=1, point=north(1)), unit(number=2, point=north(2))
    inst = instance([near, far], [officer(0, "87050123", home_point=BASE)])
    arcs, w, plan = flow(inst, guidance=Guidance(pins=((far.uid, 0),)))
    assert pairs(inst, arcs, plan) == {(2, 0)}
    assert plan.value == w.cov - 2000


def test_pin_leaves_the_rest_of_the_cap_to_the_flow() -> None:
    """Cap 2, the officer pinned to the far unit: the near unit is still taken by the flow."""
    near, far = unit(number=1, point=north(1)), unit(number=2, point=north(2))
    inst = instance([near, far], [officer(0, "87050123", home_point=BASE)])
    arcs, _, plan = flow(
        inst, FAST.replace(max_units_per_officer=2), Guidance(pins=((far.uid, 0),))
    )
    assert pairs(inst, arcs, plan) == {(1, 0), (2, 0)}


def test_no_arcs() -> None:
    inst = instance([unit(point=BASE)], [officer(0, "99010123", "BHARADA", home_point=BASE)])
    arcs, _, plan = flow(inst)
    assert len(arcs.unit) == 0
    assert plan.chosen.shape == (0,)
    assert plan.value == 0
