"""The solver on tiny instances whose optimum can be worked out by hand.

Points lie on a north-south line (``builders.north(km)``), so every distance in a comment is
exact to the metre.  The objective is lexicographic: (1) priority-weighted coverage, (2) officers
in their own unit, (3) total travel in metres; ``Objective`` is written as
``(weighted_coverage, covered, residence, travel_m)``.

Every plan goes through ``solved()``, which also asserts that the independent checker finds
nothing and that every roster row has its outcome, in roster order.
"""

from __future__ import annotations

import random

import pytest

from rwassign.checker import check
from rwassign.explain import solve
from rwassign.model import Instance, Objective, SolveResult, SolveStatus
from rwassign.settings import Settings
from tests.builders import BASE, FAST, instance, north, officer, unit


def solved(inst: Instance, settings: Settings = FAST) -> SolveResult:
    """Solve, then assert what must hold of every plan: proven optimal, sound by the checker,
    one outcome per roster row in roster order."""
    result = solve(inst, settings)
    assert result.status is SolveStatus.OPTIMAL
    assert result.gap == 0.0
    assert check(result) == []
    assert [o.officer_index for o in result.outcomes] == list(range(len(inst.officers)))
    return result


def objective(r: SolveResult) -> tuple[int, int, int, int]:
    assert r.objective is not None
    o = r.objective
    return (o.weighted_coverage, o.covered, o.residence, o.travel_m)


def holder(r: SolveResult, uid: str) -> str | None:
    """NRP of the officer holding ``uid``, or None."""
    return dict(r.assignment_rows()).get(uid)


def uncovered_codes(r: SolveResult) -> dict[str, str]:
    return {u.unit_uid: u.reason.code for u in r.uncovered}


# --- empty and degenerate instances -------------------------------------------------------------


def test_no_eligible_officer_leaves_every_unit_uncovered() -> None:
    """A Tamtama and a Bhabinkamtibmas only: nobody may serve, objective (0, 0, 0, 0)."""
    rw1, rw2 = unit(number=1, point=north(0)), unit(number=2, point=north(1))
    inst = instance(
        [rw1, rw2],
        [
            officer(0, "99010123", "BHARADA", home=rw1),
            officer(1, "87050123", bhabinkamtibmas=True, home=rw2),
        ],
    )
    r = solved(inst)
    assert r.assignments == ()
    assert r.objective == Objective(0, 0, 0, 0)
    assert uncovered_codes(r) == {
        rw1.uid: "uncovered.no_eligible",
        rw2.uid: "uncovered.no_eligible",
    }
    assert [o.reason.code for o in r.outcomes] == ["outcome.ineligible", "outcome.ineligible"]
    assert [o.failed_rules for o in r.outcomes] == [("pangkat",), ("bhabinkamtibmas",)]


def test_empty_roster() -> None:
    rw1 = unit(point=BASE)
    r = solved(instance([rw1], []))
    assert r.assignments == ()
    assert r.outcomes == ()
    assert uncovered_codes(r) == {rw1.uid: "uncovered.no_eligible"}


def test_no_units() -> None:
    """Officers but no units: nothing to do, everybody is reserve."""
    r = solved(instance([], [officer(0, "87050123", home_point=BASE)]))
    assert r.assignments == ()
    assert r.uncovered == ()
    assert [o.reason.code for o in r.outcomes] == ["outcome.reserve_full"]


# --- satu_personel_per_unit ---------------------------------------------------------------------


def test_one_officer_per_unit() -> None:
    """Two officers (1 km and 3 km away), one unit: the nearer one takes it.
    Objective (1, 1, 0, 1000); the other is reserve with every unit covered."""
    rw1 = unit(point=BASE)
    near = officer(0, "87050123", home_point=north(1))
    far = officer(1, "88070678", home_point=north(3))
    r = solved(instance([rw1], [far, near]))
    assert objective(r) == (1, 1, 0, 1000)
    assert r.assignment_rows() == [(rw1.uid, "87050123")]
    assert [o.reason.code for o in r.outcomes] == ["outcome.reserve_full", "outcome.assigned"]
    assert r.outcomes[1].units == (rw1.uid,)
    assert r.uncovered == ()


# --- batas_unit_per_personel --------------------------------------------------------------------


def test_cap_one_leaves_a_unit_uncovered() -> None:
    """One officer at the base, units at 1 km and 2 km, cap 1: covers the nearer.
    Objective (1, 1, 0, 1000); the other is uncovered for lack of capacity."""
    rw1, rw2 = unit(number=1, point=north(1)), unit(number=2, point=north(2))
    inst = instance([rw1, rw2], [officer(0, "87050123", home_point=BASE)])
    r = solved(inst)
    assert objective(r) == (1, 1, 0, 1000)
    assert holder(r, rw1.uid) == "87050123"
    assert r.uncovered[0].unit_uid == rw2.uid
    assert r.uncovered[0].reason.code == "uncovered.capacity"
    assert r.uncovered[0].reason.params == {"cap": 1}


def test_cap_two_covers_both() -> None:
    """Same instance, cap 2: both units, objective (2, 2, 0, 1000 + 2000)."""
    rw1, rw2 = unit(number=1, point=north(1)), unit(number=2, point=north(2))
    inst = instance([rw1, rw2], [officer(0, "87050123", home_point=BASE)])
    r = solved(inst, FAST.replace(max_units_per_officer=2))
    assert objective(r) == (2, 2, 0, 3000)
    assert r.outcomes[0].units == (rw1.uid, rw2.uid)
    assert r.uncovered == ()


# --- batas_jarak --------------------------------------------------------------------------------


def test_unit_beyond_travel_limit_stays_uncovered() -> None:
    """Limit 3 km, cap 2: the unit at 2 km is covered, the one at 5 km cannot be.
    Objective (1, 1, 0, 2000)."""
    near, far = unit(number=1, point=north(2)), unit(number=2, point=north(5))
    inst = instance([near, far], [officer(0, "87050123", home_point=BASE)])
    r = solved(inst, FAST.replace(max_travel_km=3.0, max_units_per_officer=2))
    assert objective(r) == (1, 1, 0, 2000)
    assert r.assignment_rows() == [(near.uid, "87050123")]
    assert uncovered_codes(r) == {far.uid: "uncovered.beyond_limit"}
    assert r.uncovered[0].reason.params == {"km": 3.0}
    assert r.outcomes[0].units == (near.uid,)


def test_travel_limit_is_inclusive() -> None:
    """A unit exactly at the limit (3,000 m) is allowed."""
    rw = unit(point=north(3))
    r = solved(
        instance([rw], [officer(0, "87050123", home_point=BASE)]), FAST.replace(max_travel_km=3)
    )
    assert objective(r) == (1, 1, 0, 3000)


def test_resident_pair_allowed_beyond_limit() -> None:
    """The officer's address matched RW 2, but their home coordinates are 20 km south of it
    (25 km from RW 2 at 5 km north): a resident pair costs 0 and is never cut by the limit.
    Objective (1, 1, 1, 0)."""
    rw2 = unit(number=2, point=north(5))
    o = officer(0, "87050123", home=rw2, home_point=north(-20))
    r = solved(instance([rw2], [o]), FAST.replace(max_travel_km=3.0))
    assert objective(r) == (1, 1, 1, 0)
    (a,) = r.assignments
    assert a.resident and a.travel_km == 0.0
    assert a.reason.code == "reason.resident"


# --- cakupan (priority-weighted coverage) -------------------------------------------------------


def test_priority_beats_distance() -> None:
    """One officer, a Rendah unit at 1 km and a Tinggi unit at 8 km: coverage weight 3 beats 1,
    whatever the travel.  Objective (3, 1, 0, 8000)."""
    low = unit(number=1, priority=1, point=north(1))
    high = unit(number=2, priority=3, point=north(8))
    r = solved(instance([low, high], [officer(0, "87050123", home_point=BASE)]))
    assert objective(r) == (3, 1, 0, 8000)
    assert r.assignment_rows() == [(high.uid, "87050123")]
    assert uncovered_codes(r) == {low.uid: "uncovered.capacity"}


def test_coverage_beats_residence() -> None:
    """A lives in RW 1 (at the base); B lives 1 km north; RW 2 is 4 km south; limit 4.5 km, so
    B can reach RW 1 (1 km) but not RW 2 (5 km).  A at home covers one unit with one resident;
    A to RW 2 and B to RW 1 covers two: coverage wins over residence.
    Objective (2, 2, 0, 4000 + 1000)."""
    rw1, rw2 = unit(number=1, point=BASE), unit(number=2, point=north(-4))
    a = officer(0, "87050123", home=rw1)
    b = officer(1, "88070678", home_point=north(1))
    r = solved(instance([rw1, rw2], [a, b]), FAST.replace(max_travel_km=4.5))
    assert objective(r) == (2, 2, 0, 5000)
    assert r.assignment_rows() == [(rw1.uid, "88070678"), (rw2.uid, "87050123")]
    reason = r.assignments[1].reason
    assert reason.code == "reason.home_taken"
    assert reason.params["holder"] == "BRIPKA Personel 88070678"


# --- domisili -----------------------------------------------------------------------------------


def test_two_residents_of_one_rw() -> None:
    """Andi and Bayu both live in RW 1 (at the base); RW 2 is 1 km away, RW 3 4 km.
    Cap 1: one keeps RW 1 (resident), the other shifts to the nearest other RW, RW 2, and is told
    who holds his home RW.  Objective (2, 2, 1, 1000); RW 3 uncovered."""
    rw1 = unit(number=1, point=BASE)
    rw2 = unit(number=2, point=north(1))
    rw3 = unit(number=3, point=north(4))
    andi = officer(0, "87050123", nama="Andi Saputra", home=rw1)
    bayu = officer(1, "88070678", "BRIPTU", nama="Bayu Pratama", home=rw1)
    r = solved(instance([rw1, rw2, rw3], [andi, bayu]))
    assert objective(r) == (2, 2, 1, 1000)
    by_unit = {a.unit_uid: a for a in r.assignments}
    assert set(by_unit) == {rw1.uid, rw2.uid}
    assert by_unit[rw1.uid].resident
    assert by_unit[rw1.uid].reason.code == "reason.resident"
    moved = by_unit[rw2.uid]
    assert not moved.resident
    assert moved.travel_km == 1.0
    assert moved.reason.code == "reason.home_taken"
    resident = {0: andi, 1: bayu}[by_unit[rw1.uid].officer_index]
    assert moved.reason.params["holder"] == f"{resident.pangkat} {resident.nama}"
    assert moved.reason.params["home"] == "RW 01 Tunggang"
    assert uncovered_codes(r) == {rw3.uid: "uncovered.capacity"}


def test_residence_beats_travel() -> None:
    """A's address matched RW 1 (at the base) but A's home coordinates are at RW 2 (5 km north);
    B lives 0.2 km north.  A at home + B to RW 2: 1 resident, 0 + 4800 m.  A to RW 2 + B to
    RW 1: 0 residents, 0 + 200 m.  Residence outranks travel: objective (2, 2, 1, 4800)."""
    rw1, rw2 = unit(number=1, point=BASE), unit(number=2, point=north(5))
    a = officer(0, "87050123", home=rw1, home_point=north(5))
    b = officer(1, "88070678", home_point=north(0.2))
    r = solved(instance([rw1, rw2], [a, b]))
    assert objective(r) == (2, 2, 1, 4800)
    assert r.assignment_rows() == [(rw1.uid, "87050123"), (rw2.uid, "88070678")]


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


# --- jarak --------------------------------------------------------------------------------------


def test_total_travel_minimised() -> None:
    """A at 0 km, B at 10 km; units at 1 km and 9 km.  A-1/B-9 travels 1000 + 1000 m, the
    crossed plan 9000 + 9000 m.  Objective (2, 2, 0, 2000)."""
    u1, u9 = unit(number=1, point=north(1)), unit(number=2, point=north(9))
    a = officer(0, "87050123", home_point=BASE)
    b = officer(1, "88070678", home_point=north(10))
    r = solved(instance([u1, u9], [a, b]))
    assert objective(r) == (2, 2, 0, 2000)
    assert r.assignment_rows() == [(u1.uid, "87050123"), (u9.uid, "88070678")]
    assert all(x.distance_basis == "koordinat" for x in r.assignments)
    assert all(x.reason.code == "reason.nearest" for x in r.assignments)


# --- administrative distance fallback -----------------------------------------------------------

TUNGGANG = unit("tunggang", 1, kecamatan="lebong utara", polsek="Polsek Lebong Utara")
KAMPUNG_JAWA = unit("kampung jawa", 1, kecamatan="lebong utara", polsek="Polsek Lebong Utara")
# Polsek Lebong Utara also covers Kecamatan Pinang Belapis (DOMAIN.md)
KETENONG = unit("ketenong", 1, kecamatan="pinang belapis", polsek="Polsek Lebong Utara")
AJAI_SIANG = unit("ajai siang", 1, kecamatan="topos", polsek="Polsek Rimbo Pengadang")
NO_COORDS = (AJAI_SIANG, KETENONG, KAMPUNG_JAWA, TUNGGANG)


def test_admin_distance_levels() -> None:
    """No coordinates anywhere; the officer's address matched Desa Tunggang only.  Cap 4 takes
    all four units at the default stand-in distances: same desa 2 km, same kecamatan 10 km, same
    Polsek 20 km, elsewhere 50 km.  Objective (4, 4, 0, 82000)."""
    o = officer(0, "87050123", home_desa="lebong utara|tunggang")
    r = solved(instance(NO_COORDS, [o]), FAST.replace(max_units_per_officer=4))
    assert objective(r) == (4, 4, 0, 82_000)
    km = {a.unit_uid: a.travel_km for a in r.assignments}
    assert km == {
        TUNGGANG.uid: 2.0,
        KAMPUNG_JAWA.uid: 10.0,
        KETENONG.uid: 20.0,
        AJAI_SIANG.uid: 50.0,
    }
    assert all(a.distance_basis == "administratif" for a in r.assignments)
    assert all(a.reason.code == "reason.home_desa" for a in r.assignments)
    assert r.assignments[0].reason.params["desa"] in {
        "Tunggang",
        "Kampung Jawa",
        "Ketenong",
        "Ajai Siang",
    }


def test_admin_distance_prefers_nearer_level() -> None:
    """Cap 1: the same-desa unit (2 km) first; without it, the same-kecamatan unit (10 km)."""
    o = officer(0, "87050123", home_desa="lebong utara|tunggang")
    r = solved(instance(NO_COORDS, [o]))
    assert r.assignment_rows() == [(TUNGGANG.uid, "87050123")]
    assert objective(r) == (1, 1, 0, 2000)
    r = solved(instance((AJAI_SIANG, KETENONG, KAMPUNG_JAWA), [o]))
    assert r.assignment_rows() == [(KAMPUNG_JAWA.uid, "87050123")]
    assert objective(r) == (1, 1, 0, 10_000)


def test_admin_distance_polsek_before_elsewhere() -> None:
    """Cap 1 with a kecamatan-level officer (address matched the kecamatan only) among units of
    another kecamatan of the same Polsek and of another Polsek: the same Polsek (20 km) wins."""
    o = officer(0, "87050123", home_kecamatan="lebong utara")
    r = solved(instance((AJAI_SIANG, KETENONG, KAMPUNG_JAWA), [o]))
    # Kampung Jawa is in the officer's kecamatan: 10 km, nearest
    assert r.assignment_rows() == [(KAMPUNG_JAWA.uid, "87050123")]
    r = solved(
        instance((AJAI_SIANG, KETENONG, KAMPUNG_JAWA), [o]), FAST.replace(max_units_per_officer=2)
    )
    assert objective(r) == (2, 2, 0, 30_000)
    assert {a.unit_uid for a in r.assignments} == {KAMPUNG_JAWA.uid, KETENONG.uid}
    assert {a.reason.code for a in r.assignments} == {"reason.home_unknown"}


def test_resident_without_coordinates_travels_zero() -> None:
    o = officer(0, "87050123", home=TUNGGANG)
    r = solved(instance(NO_COORDS, [o]))
    assert objective(r) == (1, 1, 1, 0)
    assert r.assignment_rows() == [(TUNGGANG.uid, "87050123")]


# --- determinism --------------------------------------------------------------------------------


def _grid_instance(officers_at_one_point: bool) -> Instance:
    """Six units 1 km apart along the line and seven officers.

    With ``officers_at_one_point`` all officers live at the base, so every plan covering all
    six units with any six officers ties on every level of the objective.  Otherwise officer i
    lives at the point of unit i+1 (the seventh 1 km beyond the last), so the optimum (travel 0)
    is unique.  Distinct points on one line are not enough: two officers south of two units
    tie crossed and uncrossed.
    """
    units = [unit("tunggang", i, point=north(i)) for i in range(1, 7)]
    officers = [
        officer(i, f"8{i}05{i:04d}", home_point=BASE if officers_at_one_point else north(i + 1))
        for i in range(7)
    ]
    return instance(units, officers)


@pytest.mark.parametrize("ties", [False, True], ids=["unique-optimum", "ties"])
def test_same_instance_twice_same_plan(ties: bool) -> None:
    inst = _grid_instance(ties)
    assert solved(inst).assignment_rows() == solved(inst).assignment_rows()


@pytest.mark.parametrize("ties", [False, True], ids=["unique-optimum", "ties"])
def test_worker_count_does_not_change_plan(ties: bool) -> None:
    inst = _grid_instance(ties)
    one = solved(inst, FAST.replace(workers=1)).assignment_rows()
    two = solved(inst, FAST.replace(workers=2)).assignment_rows()
    assert one == two


def _shuffled(inst: Instance, seed: int) -> Instance:
    officers = list(inst.officers)
    random.Random(seed).shuffle(officers)
    return instance(inst.units, officers)  # indices renumbered in the new order


def test_roster_order_does_not_change_plan_unique_optimum() -> None:
    inst = _grid_instance(False)
    rows = solved(inst).assignment_rows()
    assert rows == [(u.uid, inst.officers[i].nrp) for i, u in enumerate(inst.units)]
    for seed in range(3):
        assert solved(_shuffled(inst, seed)).assignment_rows() == rows


def test_roster_order_does_not_change_plan_with_ties() -> None:
    """The solver documents its tie-break as canonical (officers by NRP, units by uid), so
    among equal plans the roster order must not matter."""
    inst = _grid_instance(True)
    rows = solved(inst).assignment_rows()
    for seed in range(5):
        assert solved(_shuffled(inst, seed)).assignment_rows() == rows


def test_warnings_and_unchecked_rules_are_passed_through() -> None:
    o = officer(0, "87050123", trained=None, home_point=BASE)
    r = solved(instance([unit(point=BASE)], [o]))
    assert r.unchecked_rules == ("pelatihan",)
    assert [w.code for w in r.warnings] == ["run.rule_unchecked"]


def test_kecamatan_split_between_two_polsek_is_checked_consistently() -> None:
    """A kecamatan may be served by two Polsek; the member's Polsek is their home unit's, and
    solver and checker must agree on it whatever the row order (found in review: exit 5)."""
    from rwassign.checker import check
    from rwassign.model import Instance, Officer, Unit
    from rwassign.ranks import by_code
    from rwassign.settings import Settings

    def u(kec: str, desa: str, polsek: str) -> Unit:
        return Unit(f"{kec}|{desa}|1", kec, desa, "Dusun", 1, polsek)

    units = (u("k", "satu", "Polsek A"), u("k", "dua", "Polsek B"), u("m", "tiga", "Polsek B"))
    for order in (units, units[::-1]):
        member = Officer(0, "BUDI", "80010001", by_code("BRIPKA"), home_unit="k|satu|1")
        result = solve(Instance("T", order, (member,)), Settings(max_units_per_officer=3))
        # own unit 0 km; same kecamatan 10 km; other kecamatan of another Polsek 50 km
        assert sorted((a.unit_uid, a.travel_km) for a in result.assignments) == [
            ("k|dua|1", 10.0),
            ("k|satu|1", 0.0),
            ("m|tiga|1", 50.0),
        ]
        assert check(result) == []


def test_reason_says_priority_when_a_closer_unit_stays_open() -> None:
    """One member, a Rendah unit 1 km away and a Tinggi unit 3 km away: coverage weight wins
    (3 > 1), so the member goes 3 km and the reason must not claim the unit is the nearest."""
    from rwassign.i18n import text
    from rwassign.model import Instance, Officer, Unit
    from rwassign.ranks import by_code
    from rwassign.settings import Settings
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
