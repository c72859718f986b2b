"""Reasons for the decisions of a plan (``rwassign.explain``), on tiny instances solved by hand.

Points lie on a north-south line (``builders.north(km)``), so every distance in a comment is
exact to the metre.  ``Objective`` is written as ``(weighted_coverage, covered, residence,
travel_m)``; every plan goes through ``common.solved()``, which also runs the checker.
"""

from __future__ import annotations

import dataclasses

from rwassign import i18n, solver
from rwassign.explain import explain, solve
from rwassign.model import Instance, Objective, SolveResult, SolveStatus
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
    assert "tidak ada RW kosong yang lebih dekat" in text(
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
    assert [o.reason.code for o in r.outcomes] == ["outcome.reserve_unplanned"]
    assert [(u.unit_uid, u.reason.code) for u in r.uncovered] == [(rw1.uid, "uncovered.no_plan")]


# Reasons for uncovered units.  Each test builds the one situation a cause describes, solves it
# to proven optimality and asserts the cause named and every fact the reason states (member,
# unit, distance, priority), in both languages.


def _why(r: SolveResult, uid: str, lang: str = "id") -> str:
    (reason,) = [u.reason for u in r.uncovered if u.unit_uid == uid]
    return i18n.text(reason.code, reason.params, lang)


def _code(r: SolveResult, uid: str) -> str:
    (code,) = [u.reason.code for u in r.uncovered if u.unit_uid == uid]
    return code


def test_uncovered_beyond_the_travel_limit_names_the_nearest_member() -> None:
    """Limit 3 km: the member (at BASE) holds RW 1 (0 km); Dusun 1 of Air Dingin is 10 km away,
    beyond the limit, so no plan may cover it.  Objective (1, 1, 0, 0)."""
    near = unit(number=1, point=BASE)
    far = unit("air dingin", 1, point=north(10), kind="Dusun")
    member = officer(0, "87050123", nama="ANTO", home_point=BASE)
    r = solved(instance([near, far], [member]), FAST.replace(max_travel_km=3.0))
    assert objective(r) == (1, 1, 0, 0)
    assert _code(r, far.uid) == "uncovered.out_of_reach"
    assert _why(r, far.uid) == (
        "tidak ada personel yang memenuhi syarat dalam batas jarak 3 km dari Dusun ini; "
        "yang terdekat, BRIPKA ANTO, berjarak 10.0 km"
    )
    assert "travel limit of this Dusun" in _why(r, far.uid, "en")


def test_uncovered_with_a_reserve_beyond_the_limit_says_so_and_who_took_the_near_member() -> None:
    """Limit 3 km, cap 1.  ANTO (at BASE) reaches RW 1 (0 km) and RW 2 (1 km) and takes RW 1
    (less travel: 0 < 1000 m).  BUDI lives 10 km north: free, but 9 km from RW 2, beyond the
    limit.  RW 2 stays open: its reason names the reserve beyond the limit and ANTO's closer RW,
    never "no member left" (BUDI is a reserve).  Objective (1, 1, 0, 0)."""
    rw1, rw2 = unit(number=1, point=BASE), unit(number=2, point=north(1))
    anto = officer(0, "87050123", nama="ANTO", home_point=BASE)
    budi = officer(1, "88010002", nama="BUDI", home_point=north(10))
    r = solved(instance([rw1, rw2], [anto, budi]), FAST.replace(max_travel_km=3.0))
    assert objective(r) == (1, 1, 0, 0)
    assert [o.reason.code for o in r.outcomes] == ["outcome.assigned", "outcome.reserve_reach"]
    assert _code(r, rw2.uid) == "uncovered.tie_travel"
    assert _why(r, rw2.uid) == (
        "personel bebas terdekat, BRIPKA BUDI, berjarak 9.0 km, di luar batas 3 km; "
        "personel terdekat, BRIPKA ANTO (1.0 km), memegang RW 01 Tunggang (prioritas sama, "
        "Rendah) yang lebih dekat baginya (0.0 km)"
    )
    assert "beyond the 3 km limit" in _why(r, rw2.uid, "en")


def test_uncovered_because_the_nearest_member_serves_a_higher_priority_unit() -> None:
    """Cap 1, one member at BASE: Dusun 2 (Rendah) is 1 km away, RW 1 (Tinggi) 5 km.  Coverage
    weight decides first, so he serves RW 1 and Dusun 2 stays open; nobody is left.
    Objective (3, 1, 0, 5000)."""
    high = unit(number=1, priority=3, point=north(5))
    low = unit("air dingin", 2, priority=1, point=north(1), kind="Dusun")
    member = officer(0, "87050123", nama="ANTO", home_point=BASE)
    r = solved(instance([high, low], [member]))
    assert objective(r) == (3, 1, 0, 5000)
    assert _code(r, low.uid) == "uncovered.higher_priority"
    assert _why(r, low.uid) == (
        "tidak ada personel tersisa (lihat Ringkasan); personel terdekat, BRIPKA ANTO "
        "(1.0 km), memegang RW 01 Tunggang berprioritas Tinggi, lebih tinggi dari Dusun ini "
        "(Rendah)"
    )
    assert _why(r, low.uid, "en").startswith("no member left (see Ringkasan); the nearest")


def test_uncovered_because_an_equal_unit_won_on_residence() -> None:
    """Cap 1, equal priority: ANTO lives in Dusun 1 and Dusun 2 is 0.5 km from his home point.
    Residence ranks above travel, so he holds his own dusun.  Objective (1, 1, 1, 0)."""
    home = unit("air dingin", 1, point=BASE, kind="Dusun")
    other = unit("air dingin", 2, point=north(0.5), kind="Dusun")
    member = officer(0, "87050123", nama="ANTO", home=home, home_point=BASE)
    r = solved(instance([home, other], [member]))
    assert objective(r) == (1, 1, 1, 0)
    assert _code(r, other.uid) == "uncovered.tie_residence"
    assert _why(r, other.uid) == (
        "tidak ada personel tersisa (lihat Ringkasan); personel terdekat, BRIPKA ANTO "
        "(0.5 km), memegang Dusun 1 Air Dingin (prioritas sama, Rendah) tempat ia berdomisili"
    )
    assert "where they live" in _why(r, other.uid, "en")


def test_uncovered_because_an_equal_unit_won_on_travel() -> None:
    """Cap 1, equal priority, no residence: RW 1 is 1 km from ANTO's home point, RW 2 is 2 km.
    He takes the nearer one.  Objective (1, 1, 0, 1000)."""
    rw1, rw2 = unit(number=1, point=north(1)), unit(number=2, point=north(2))
    member = officer(0, "87050123", nama="ANTO", home_point=BASE)
    r = solved(instance([rw1, rw2], [member]))
    assert objective(r) == (1, 1, 0, 1000)
    assert _code(r, rw2.uid) == "uncovered.tie_travel"
    assert "(2.0 km), memegang RW 01 Tunggang (prioritas sama, Rendah) yang lebih dekat " in (
        _why(r, rw2.uid)
    )
    assert "closer to them (1.0 km)" in _why(r, rw2.uid, "en")


def test_uncovered_on_an_exact_tie_does_not_claim_closer() -> None:
    """RW 1 lies 1 km north, RW 2 1 km south of ANTO: the same travel, so the reason says "just
    as far", never "closer".  Objective (1, 1, 0, 1000)."""
    rw1, rw2 = unit(number=1, point=north(1)), unit(number=2, point=north(-1))
    member = officer(0, "87050123", nama="ANTO", home_point=BASE)
    r = solved(instance([rw1, rw2], [member]))
    assert objective(r) == (1, 1, 0, 1000)
    (open_unit,) = r.uncovered
    assert open_unit.reason.code == "uncovered.tie_even"
    assert "sama jauhnya (1.0 km)" in i18n.text(open_unit.reason.code, open_unit.reason.params)


def test_every_stated_cause_holds_of_the_plan() -> None:
    """Three members, six units of mixed priority and kind, cap 1: every competing reason names
    a member who holds the named unit in the plan, at the stated distance, and a priority (or
    tie) that the plan's units really have."""
    units = [
        unit("a", 1, priority=3, point=north(0)),
        unit("a", 2, priority=1, point=north(1), kind="Dusun"),
        unit("b", 1, priority=2, point=north(4)),
        unit("b", 2, priority=2, point=north(5)),
        unit("c", 1, priority=1, point=north(8), kind="Dusun"),
        unit("c", 2, priority=3, point=north(9)),
    ]
    members = [
        officer(0, "87050123", nama="ANTO", home_point=north(0.5)),
        officer(1, "88010002", nama="BUDI", home=units[3], home_point=north(5)),
        officer(2, "89020003", nama="CICI", home_point=north(8.5)),
    ]
    r = solved(instance(units, members))
    by_uid = {u.uid: u for u in units}
    holders = {a.unit_uid: a for a in r.assignments}
    assert len(r.uncovered) == 3
    for open_unit in r.uncovered:
        p = open_unit.reason.params
        held = next(a for a in holders.values() if explain_name(by_uid[a.unit_uid]) == p["held"])
        assert r.instance.officers[held.officer_index].nama in p["member"]
        assert f"{held.travel_km:.1f}" == p["held_km"]
        own, theirs = by_uid[open_unit.unit_uid].priority, by_uid[held.unit_uid].priority
        if open_unit.reason.code == "uncovered.higher_priority":
            assert theirs > own
        else:
            assert open_unit.reason.code.startswith("uncovered.tie_") and theirs == own
        assert p["unit"] == by_uid[open_unit.unit_uid].kind


def explain_name(u: object) -> str:
    from rwassign.explain import unit_name
    from rwassign.model import Unit

    assert isinstance(u, Unit)
    return unit_name(u)


def test_uncovered_because_the_nearest_member_keeps_an_equal_unit_from_the_previous_plan() -> None:
    """Re-plan, cap 1, equal priority: ANTO held RW 2 (2 km) before, RW 1 is 1 km from him.
    Keeping a previous pair ranks above travel, so he keeps RW 2 and RW 1 stays open; its
    reason says he keeps RW 2 from the previous plan (not that RW 2 is nearer: it is not)."""
    from rwassign.solver.candidates import Guidance

    rw1, rw2 = unit(number=1, point=north(1)), unit(number=2, point=north(2))
    inst = instance([rw1, rw2], [officer(0, "87050123", nama="ANTO", home_point=BASE)])
    r = solve(inst, FAST, guidance=Guidance(previous={rw2.uid: "87050123"}))
    assert r.status is SolveStatus.OPTIMAL
    assert r.assignment_rows() == [(rw2.uid, "87050123")]
    assert _code(r, rw1.uid) == "uncovered.tie_kept"
    assert _why(r, rw1.uid) == (
        "tidak ada personel tersisa (lihat Ringkasan); personel terdekat, BRIPKA ANTO "
        "(1.0 km), tetap memegang RW 02 Tunggang (prioritas sama, Rendah) seperti rencana "
        "sebelumnya"
    )


def test_a_plan_cut_short_is_not_explained_as_optimal() -> None:
    """Cap 2: the optimum covers both RW (objective (2, 2, 0, 3000)).  A plan the time limit
    cut short after RW 1 leaves RW 2 open while ANTO still has room: the reason says so and
    claims no priority or tie, and ANTO's outcome is an assignment, not "no member left"."""
    rw1, rw2 = unit(number=1, point=north(1)), unit(number=2, point=north(2))
    inst = instance([rw1, rw2], [officer(0, "87050123", nama="ANTO", home_point=BASE)])
    settings = FAST.replace(max_units_per_officer=2)
    found = solver.solve(inst, settings)
    assert found.objective == Objective(2, 2, 0, 3000) and found.chosen is not None
    only_rw1 = found.chosen & (found.arcs.unit == 0)
    cut = dataclasses.replace(found, status=SolveStatus.FEASIBLE, chosen=only_rw1)
    r = explain(inst, settings, cut)
    assert [a.unit_uid for a in r.assignments] == [rw1.uid]
    assert _code(r, rw2.uid) == "uncovered.not_proven"
    assert _why(r, rw2.uid) == (
        "BRIPKA ANTO (2.0 km) masih dapat memegang RW ini: pencarian berhenti pada batas waktu "
        "sebelum rencana terbukti optimal"
    )


def test_uncovered_because_the_nearest_member_is_pinned_elsewhere() -> None:
    """Cap 1: ANTO is pinned to RW 2 (Rendah, 2 km); RW 1 (Tinggi, 1 km) would weigh more, but
    a pin is not the solver's choice: the reason names the pin, not a priority."""
    from rwassign.solver.candidates import Guidance

    rw1 = unit(number=1, priority=3, point=north(1))
    rw2 = unit(number=2, priority=1, point=north(2))
    inst = instance([rw1, rw2], [officer(0, "87050123", nama="ANTO", home_point=BASE)])
    r = solve(inst, FAST, guidance=Guidance(pins=((rw2.uid, 0),)))
    assert r.assignment_rows() == [(rw2.uid, "87050123")]
    assert _code(r, rw1.uid) == "uncovered.nearest_pinned"
    assert "dikunci operator ke RW 02 Tunggang" in _why(r, rw1.uid)
    assert "is pinned to RW 02 Tunggang by the operator" in _why(r, rw1.uid, "en")


def test_reach_without_a_limit_is_reach_with_a_limit_nobody_passes() -> None:
    """Without ``batas_jarak`` every pair is allowed and ``reach`` computes the groups that
    then coincide once; a limit wider than any trip must give the very same answers through
    the general path (nearest of all four groups, each member's nearest open unit)."""
    import numpy as np

    from rwassign import rules
    from rwassign.explain import reach

    units = [unit("a", n, point=north(n)) for n in range(1, 7)]
    units.append(unit("b", 1))  # no point: the administrative stand-in
    members = [
        officer(0, "87050123", home_point=north(0.5)),
        officer(1, "88010002", home=units[3]),
        officer(2, "89020003", home_point=north(6.2)),
        officer(3, "90030004"),  # no point either
    ]
    inst = instance(units, members)
    held = {0: 1, 1: 1, 2: 0, 3: 1}  # cap 1: member 2 alone has room
    open_pos = [0, 2, 4, 5, 6]
    answers = []
    for limit in (None, 10_000.0):
        settings = FAST.replace(max_travel_km=limit, max_units_per_officer=1)
        got = reach(inst, settings, rules.evaluate(inst, settings), held, open_pos)
        answers.append(got)
    free, wide = answers
    assert np.array_equal(free.nearest, wide.nearest)
    assert np.array_equal(free.nearest_open_m, wide.nearest_open_m)
    assert np.array_equal(free.reaches_open, wide.reaches_open)
    assert (free.nearest[2, :, 0] == 2).all()  # with room: only member 2
