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
from rwassign.solver import flow as flow_module
from rwassign.solver import pricing
from rwassign.solver.candidates import Arcs, Guidance, build_arcs
from rwassign.solver.flow import FlowPlan, Warm, solve_flow
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


# --- the warm start: the flow on what the previous round's prices leave open ------------------


def _arcs(
    rows: list[int],
    cols: list[int],
    travel: list[int],
    weight: list[int] | None = None,
    resident: list[bool] | None = None,
    pinned: list[bool] | None = None,
) -> Arcs:
    """Arcs given by pair-space row and column (instance indices equal to them)."""
    n = len(rows)
    no = np.zeros(n, dtype=np.bool_)
    return Arcs(
        officer=np.asarray(rows, dtype=np.int64),
        unit=np.asarray(cols, dtype=np.int64),
        travel_m=np.asarray(travel, dtype=np.int64),
        resident=np.asarray(resident, dtype=np.bool_) if resident is not None else no,
        coords=no,
        weight=np.asarray(weight if weight is not None else [1] * n, dtype=np.int64),
        nearest=no,
        officer_rank=np.asarray(rows, dtype=np.int64),
        unit_rank=np.asarray(cols, dtype=np.int64),
        kept=no,
        pinned=np.asarray(pinned, dtype=np.bool_) if pinned is not None else no,
    )


def _warm(arcs: Arcs, plan: FlowPlan, w: Weights, cap: int, n_rows: int, n_cols: int) -> Warm:
    """The prices ``pricing.prices`` derives from ``plan``, for arcs without a pair space."""
    caps = np.full(n_rows, cap, dtype=np.int64)
    np.subtract.at(caps, arcs.officer_rank[arcs.pinned], 1)
    pinned_cols = np.zeros(n_cols, dtype=np.bool_)
    pinned_cols[arcs.unit_rank[arcs.pinned]] = True
    free = ~pinned_cols[arcs.unit_rank] & (caps[arcs.officer_rank] > 0)
    ceiling = w.cov * 3 + w.res  # no pair is worth more (weights 1-3)
    values = w.arc_values(arcs)
    p, q = pricing.duals(arcs.subset(free), plan.chosen[free], caps, values[free], n_cols, ceiling)
    return Warm(unit=p, officer=q)


def test_warm_flow_drops_what_cannot_change_and_finds_the_swap() -> None:
    """Rows A (0), B (1); columns U0, U1, U2; values ``1000 - travel``.  First round: A-U0 10 m,
    B-U1 30 m, A-U2 900 m; optimum A-U0 + B-U1 (40 m).  Pricing adds A-U1 5 m and B-U0 12 m:
    the swap A-U1 + B-U0 travels 17 m.  Its gain, 23, bounds every change, so A-U2 (worth 890
    less than A's price) leaves the warm flow, and both members stay full."""
    w = Weights(cov=1000, res=1)
    old = _arcs([0, 1, 0], [0, 1, 2], [10, 30, 900])
    first = solve_flow(old, 2, 3, 1, w)
    assert first.chosen.tolist() == [True, True, False]
    warm = _warm(old, first, w, 1, 2, 3)
    new = _arcs([0, 1, 0, 0, 1], [0, 1, 2, 1, 0], [10, 30, 900, 5, 12])
    reduced = warm.unit[new.unit_rank] + warm.officer[new.officer_rank] - w.arc_values(new)
    slack = flow_module._slack(reduced, 2 + 3 + 2, int(w.arc_values(new).max()))
    assert slack == -int(reduced[reduced < 0].sum()) == 23
    assert reduced[2] > slack  # A-U2 is not in the warm flow
    assert (warm.officer > slack).all()  # both members full in every optimum
    plan = solve_flow(new, 2, 3, 1, w, warm)
    assert plan.chosen.tolist() == [False, False, False, True, True]
    assert plan.value == 2 * 1000 - 17 == solve_flow(new, 2, 3, 1, w).value


def test_warm_flow_equals_the_cold_flow() -> None:
    """2,000 seeded random cases (up to 4 officers x 6 units, each pair present with
    probability 0.6, half of them in the first round, values on three levels so that the gains
    are often small against the prices, cap 1 or 2, sometimes a pin): the warm flow's plan is
    feasible and worth exactly the cold flow's optimum.  A seeded loop rather than hypothesis,
    whose shrinking favours the empty and one-pair cases where no threshold matters."""
    rng = np.random.default_rng(20261129)
    w = Weights(cov=1000, res=100)
    for _ in range(2000):
        n_rows, n_cols, cap = (
            int(rng.integers(1, 5)),
            int(rng.integers(1, 7)),
            int(rng.integers(1, 3)),
        )
        keys = [k for k in range(n_rows * n_cols) if rng.random() < 0.6] or [0]
        n = len(keys)
        pinned = np.zeros(n, dtype=np.bool_)
        if rng.random() < 0.2:
            pinned[int(rng.integers(n))] = True
        full = _arcs(
            [k // n_cols for k in keys],
            [k % n_cols for k in keys],
            rng.integers(0, 61, n).tolist(),
            rng.integers(1, 4, n).tolist(),
            (rng.random(n) < 0.3).tolist(),
            pinned.tolist(),
        )
        old = full.subset((rng.random(n) < 0.5) | full.pinned)
        warm = _warm(old, solve_flow(old, n_rows, n_cols, cap, w), w, cap, n_rows, n_cols)
        cold = solve_flow(full, n_rows, n_cols, cap, w)
        hot = solve_flow(full, n_rows, n_cols, cap, w, warm)
        assert hot.value == cold.value
        assert hot.chosen[full.pinned].all()
        assert np.bincount(full.unit[hot.chosen], minlength=n_cols).max() <= 1
        assert np.bincount(full.officer[hot.chosen], minlength=n_rows).max() <= cap
