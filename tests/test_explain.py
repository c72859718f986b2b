"""Reasons for the decisions of a plan (``rwassign.explain``), on tiny instances solved by hand.

Points lie on a north-south line (``builders.north(km)``), so every distance in a comment is
exact to the metre.  ``Objective`` is written as ``(weighted_coverage, covered, residence,
travel_m)``; every plan goes through ``common.solved()``, which also runs the checker.
"""

from __future__ import annotations

import dataclasses

from rwassign import solver
from rwassign.explain import explain, solve
from rwassign.model import Instance, Objective, SolveStatus
from rwassign.settings import Settings
from tests.builders import BASE, FAST, instance, north, officer, unit
from tests.solver.common import objective, solved


def test_home_extra_reason() -> None:
    """Cap 2: the officer keeps his own RW 1 and also takes RW 2 (1 km).
    Objective (2, 2, 1, 1000); RW 2's reason says it is an extra beside the home RW."""
    rw1, rw2 = unit(number=1, point=BASE), unit(number=2, point=north(1))
    r = solved(
        instance([rw1, rw2], [officer(0, "87050123", home=rw1)]),
        FAST.replace(max_units_per_officer=2),
    )
    assert objective(r) == (2, 2, 1, 1000)
    assert [a.reason.code for a in r.assignments] == ["reason.resident", "reason.home_extra"]


def test_home_lower_priority_reason() -> None:
    """The only officer lives in RW 1 (Rendah) but RW 2 (Tinggi, 3 km) weighs more: he serves
    RW 2 and is told his home RW has a lower priority.  Objective (3, 1, 0, 3000)."""
    rw1 = unit(number=1, priority=1, point=BASE)
    rw2 = unit(number=2, priority=3, point=north(3))
    r = solved(instance([rw1, rw2], [officer(0, "87050123", home=rw1)]))
    assert objective(r) == (3, 1, 0, 3000)
    (a,) = r.assignments
    assert a.unit_uid == rw2.uid
    assert a.reason.code == "reason.home_lower_priority"
    assert a.reason.params["priority"] == "Tinggi"


def test_reason_says_priority_when_a_closer_unit_stays_open() -> None:
    """One member, a Rendah unit 1 km away and a Tinggi unit 3 km away: coverage weight wins
    (3 > 1), so the member goes 3 km and the reason must not claim the unit is the nearest."""
    from rwassign.i18n import text
    from rwassign.model import Officer, Unit
    from rwassign.ranks import by_code
    from tests.builders import BASE, north

    low = Unit("k|a|1", "K", "A", "RW", 1, "P", priority=1, point=north(1))
    high = Unit("k|b|1", "K", "B", "RW", 1, "P", priority=3, point=north(3))
    member = Officer(0, "BUDI", "80010001", by_code("BRIPKA"), home_point=BASE)
    r = solve(Instance("T", (low, high), (member,)), Settings())
    (a,) = r.assignments
    assert a.unit_uid == "k|b|1"
    assert "prioritas lebih rendah" in text(a.reason.code, a.reason.params)
    assert "lower priority" in text(a.reason.code, a.reason.params, "en")

    r2 = solve(Instance("T", (low,), (member,)), Settings())
    assert "tidak ada RW/dusun kosong yang lebih dekat" in text(
        r2.assignments[0].reason.code, r2.assignments[0].reason.params
    )


def test_a_solution_without_plan_is_explained_as_such() -> None:
    """No confirmed plan (CP-SAT found none within its limit): no assignments, every eligible
    member in reserve and every unit uncovered for capacity, the bound still reported."""
    rw1 = unit(point=BASE)
    inst = instance([rw1], [officer(0, "87050123", home=rw1)])
    found = solver.solve(inst, FAST)
    none = dataclasses.replace(found, status=SolveStatus.NO_PLAN, chosen=None, objective=None)
    r = explain(inst, FAST, none)
    assert r.status is SolveStatus.NO_PLAN
    assert r.assignments == () and r.objective is None
    assert r.bound == Objective(1, 1, 1, 0)
    assert [o.reason.code for o in r.outcomes] == ["outcome.reserve_reach"]
    assert [(u.unit_uid, u.reason.code) for u in r.uncovered] == [(rw1.uid, "uncovered.capacity")]
