"""The lexicographic objective (``rwassign.solver.weights``): coverage, then residence, then
travel, on tiny instances whose optimum can be worked out by hand.

Points lie on a north-south line (``builders.north(km)``), so every distance in a comment is
exact to the metre.  ``Objective`` is written as ``(weighted_coverage, covered, residence,
travel_m)``; every plan goes through ``common.solved()``, which also runs the checker.
"""

from __future__ import annotations

import pytest

from rwassign import rules
from rwassign.model import Instance
from rwassign.settings import Settings
from rwassign.solver import weights as weights_module
from rwassign.solver.candidates import Arcs, Guidance, build_arcs
from rwassign.solver.weights import Weights, lexicographic_weights
from tests.builders import BASE, FAST, instance, north, officer, unit
from tests.solver.common import objective, solved, uncovered_codes

# --- cakupan (priority-weighted coverage) -------------------------------------------------------


def test_priority_beats_distance() -> None:
    """One officer, a Rendah unit at 1 km and a Tinggi unit at 8 km: coverage weight 3 beats 1,
    whatever the travel.  Objective (3, 1, 0, 8000)."""
    low = unit(number=1, priority=1, point=north(1))
    high = unit(number=2, priority=3, point=north(8))
    r = solved(instance([low, high], [officer(0, "87050123", home_point=BASE)]))
    assert objective(r) == (3, 1, 0, 8000)
    assert r.assignment_rows() == [(high.uid, "87050123")]
    assert uncovered_codes(r) == {low.uid: "uncovered.higher_priority"}


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
    # both are 4 km from RW 3; the nearer by NRP order is Andi: if he kept his home RW 1, the
    # reason is residence, else RW 2, nearer to him than RW 3
    andi_at_home = by_unit[rw1.uid].officer_index == 0
    expected = "uncovered.tie_residence" if andi_at_home else "uncovered.tie_travel"
    assert uncovered_codes(r) == {rw3.uid: expected}


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


# --- the weights themselves ---------------------------------------------------------------------


def _arcs(inst: Instance, settings: Settings = FAST) -> Arcs:
    return build_arcs(inst, settings, rules.evaluate(inst, settings).eligible)


def test_weights_from_the_bounds_of_each_level() -> None:
    """Two officers at the base, units at 1 km and 3 km, officer A living in the first.
    T = longest arc into each unit = 1000 + 3000 = 4000 (A's own unit costs 0, B's trip 1000);
    R = 1 unit with a resident arc; no kept arcs.  W_res = T + 1 = 4001,
    W_cov = W_res * R + T + 1 = 8002."""
    rw1, rw3 = unit(number=1, point=north(1)), unit(number=3, point=north(3))
    a = officer(0, "87050123", home=rw1, home_point=BASE)
    b = officer(1, "88070678", home_point=BASE)
    w = lexicographic_weights(_arcs(instance([rw1, rw3], [a, b])), 2)
    assert w == Weights(cov=8002, res=4001, keep=0, travel_unit=1)


def test_one_unit_of_a_level_outweighs_every_change_below() -> None:
    """On the instance above: covering one more unit with the longest trips beats any plan of one
    fewer unit with the most residence and no travel; one more resident beats every travel."""
    rw1, rw3 = unit(number=1, point=north(1)), unit(number=3, point=north(3))
    a = officer(0, "87050123", home=rw1, home_point=BASE)
    b = officer(1, "88070678", home_point=BASE)
    w = lexicographic_weights(_arcs(instance([rw1, rw3], [a, b])), 2)
    worst_two = 2 * w.cov - 4000  # two units, no resident, every longest trip
    best_one = w.cov + w.res  # one unit, resident, no travel
    assert worst_two > best_one
    assert w.res > 4000  # one resident more beats any travel saving


def test_kept_pairs_rank_between_coverage_and_residence() -> None:
    """A re-plan adds a level: with B's previous pair to RW 3 kept (one holder, H = 1, with one
    pair: pairs kept and members who stay are one level, W_keep = 0), T = 4000 and R = 1 as
    above, W_stay = W_res * R + T + 1 = 8002 and W_cov = W_stay * H + W_res * R + T + 1 =
    8002 + 4001 + 4001 = 16004."""
    rw1, rw3 = unit(number=1, point=north(1)), unit(number=3, point=north(3))
    a = officer(0, "87050123", home=rw1, home_point=BASE)
    b = officer(1, "88070678", home_point=BASE)
    inst = instance([rw1, rw3], [a, b])
    guidance = Guidance(previous={rw3.uid: b.nrp})
    arcs = build_arcs(inst, FAST, rules.evaluate(inst, FAST).eligible, guidance)
    w = lexicographic_weights(arcs, 2)
    assert w == Weights(cov=16004, res=4001, keep=0, travel_unit=1, stay=8002)


def test_members_moved_rank_above_pairs_kept_with_two_pairs_each() -> None:
    """B held RW 1 and RW 3 (cap 2): H = 1 holder with 2 pairs, so m = 2, K = 2 units with a
    kept pair, R = 1, T = 4000: W_keep = W_res * R + T + 1 = 8002, W_stay = m * (W_keep * K +
    W_res * R + T + 1) = 2 * (16004 + 8002) = 48012, W_cov = W_stay * H + 24006 = 72018."""
    rw1, rw3 = unit(number=1, point=north(1)), unit(number=3, point=north(3))
    a = officer(0, "87050123", home=rw1, home_point=BASE)
    b = officer(1, "88070678", home_point=BASE)
    inst = instance([rw1, rw3], [a, b])
    guidance = Guidance(previous={rw1.uid: b.nrp, rw3.uid: b.nrp})
    settings = FAST.replace(max_units_per_officer=2)
    arcs = build_arcs(inst, settings, rules.evaluate(inst, settings).eligible, guidance)
    w = lexicographic_weights(arcs, 2)
    assert w == Weights(cov=72018, res=4001, keep=8002, travel_unit=1, stay=48012)


def test_overflow_guard_counts_travel_in_coarser_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the weights would pass ``SAFE_MAGNITUDE``, travel is counted in 10 m steps (then 100
    m, ...): the levels stay exact.  With the limit lowered to 50,000 on the instance above (6
    flow nodes: source, 2 officers, 2 units, sink), 1 m steps give a largest arc value of
    W_cov + W_res = 12003, times 6 nodes = 72018, too large; 10 m steps give T = 100 + 300,
    W_res = 401, W_cov = 802, (802 + 401) * 6 = 7218, inside."""
    rw1, rw3 = unit(number=1, point=north(1)), unit(number=3, point=north(3))
    a = officer(0, "87050123", home=rw1, home_point=BASE)
    b = officer(1, "88070678", home_point=BASE)
    arcs = _arcs(instance([rw1, rw3], [a, b]))
    monkeypatch.setattr(weights_module, "SAFE_MAGNITUDE", 50_000)
    w = lexicographic_weights(arcs, 2)
    assert w == Weights(cov=802, res=401, keep=0, travel_unit=10)
    # a 1,000 m trip costs 100 steps of 10 m
    assert int(w.arc_values(arcs).max()) == w.cov + w.res  # A at home: no travel
    assert sorted(set((arcs.travel_m + 5) // 10)) == [0, 100, 300]


def test_no_arcs_gives_unit_weights() -> None:
    inst = instance([unit(point=BASE)], [officer(0, "99010123", "BHARADA", home_point=BASE)])
    assert lexicographic_weights(_arcs(inst), 1) == Weights(1, 1)
