"""Which pairs exist (``rwassign.solver.candidates``): the travel limit, resident pairs and the
administrative stand-in distances, on tiny instances solved by hand.

Points lie on a north-south line (``builders.north(km)``), so every distance in a comment is
exact to the metre.  ``Objective`` is written as ``(weighted_coverage, covered, residence,
travel_m)``; every plan goes through ``common.solved()``, which also runs the checker.
"""

from __future__ import annotations

import pytest

from rwassign import rules
from rwassign.model import Instance
from rwassign.settings import Settings
from rwassign.solver.candidates import CANDIDATES_PER_UNIT, Arcs, Guidance, build_arcs
from tests.builders import BASE, FAST, instance, north, officer, unit
from tests.solver.common import objective, solved, uncovered_codes

# --- batas_jarak --------------------------------------------------------------------------------


def test_unit_beyond_travel_limit_stays_uncovered() -> None:
    """Limit 3 km, cap 2: the unit at 2 km is covered, the one at 5 km cannot be.
    Objective (1, 1, 0, 2000)."""
    near, far = unit(number=1, point=north(2)), unit(number=2, point=north(5))
    inst = instance([near, far], [officer(0, "87050123", home_point=BASE)])
    r = solved(inst, FAST.replace(max_travel_km=3.0, max_units_per_officer=2))
    assert objective(r) == (1, 1, 0, 2000)
    assert r.assignment_rows() == [(near.uid, "87050123")]
    # the only member is 5.0 km from it, beyond the limit: the reason names him and both figures
    assert uncovered_codes(r) == {far.uid: "uncovered.out_of_reach"}
    assert r.uncovered[0].reason.params == {
        "unit": "RW",
        "limit": "3",
        "member": "BRIPKA Personel 87050123",
        "km": "5.0",
    }
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


# --- the pairs themselves -----------------------------------------------------------------------


def arcs_of(inst: Instance, settings: Settings = FAST, guidance: Guidance | None = None) -> Arcs:
    return build_arcs(inst, settings, rules.evaluate(inst, settings).eligible, guidance)


def test_pairs_in_canonical_order_whatever_the_roster_order() -> None:
    """Officers by NRP, then units by uid: the roster and sheet order do not matter."""
    units = [unit("tunggang", 2, point=north(2)), unit("kampung jawa", 1, point=north(1))]
    late = officer(0, "90010001", home_point=BASE)
    early = officer(1, "80010001", home_point=BASE)
    inst = instance(units, [late, early])
    arcs = arcs_of(inst)
    got = [(int(o), inst.units[int(u)].uid) for o, u in zip(arcs.officer, arcs.unit, strict=True)]
    uids = sorted(u.uid for u in units)
    assert got == [(1, uids[0]), (1, uids[1]), (0, uids[0]), (0, uids[1])]
    assert arcs.officer_rank.tolist() == [0, 0, 1, 1]
    assert arcs.unit_rank.tolist() == [0, 1, 0, 1]


def test_only_eligible_officers_have_pairs() -> None:
    inst = instance(
        [unit(point=BASE)],
        [
            officer(0, "99010123", "BHARADA", home_point=BASE),
            officer(1, "87050123", home_point=BASE),
        ],
    )
    assert arcs_of(inst).officer.tolist() == [1]


def test_eligibility_comes_from_the_caller() -> None:
    """The eligibility mask is the caller's (computed once per run), not evaluated again."""
    inst = instance([unit(point=BASE)], [officer(0, "87050123", home_point=BASE)])
    assert len(build_arcs(inst, FAST, (False,)).unit) == 0
    assert len(build_arcs(inst, FAST, (True,)).unit) == 1


def test_no_pair_beyond_the_travel_limit_but_the_home_unit() -> None:
    """Limit 3 km: the unit at 2 km has a pair, the one at 5 km none, the officer's own unit at
    25 km (address matched, coordinates far away) one, at travel 0."""
    near, far = unit(number=1, point=north(2)), unit(number=2, point=north(5))
    home = unit(number=3, point=north(25))
    o = officer(0, "87050123", home=home, home_point=BASE)
    inst = instance([near, far, home], [o])
    arcs = arcs_of(inst, FAST.replace(max_travel_km=3.0))
    got = {inst.units[int(u)].number: int(t) for u, t in zip(arcs.unit, arcs.travel_m, strict=True)}
    assert got == {1: 2000, 3: 0}
    resident = {
        inst.units[int(u)].number: bool(r) for u, r in zip(arcs.unit, arcs.resident, strict=True)
    }
    assert resident == {1: False, 3: True}


def test_nearest_marks_each_units_closest_officers() -> None:
    """Six officers 1..6 km from one unit: the CANDIDATES_PER_UNIT nearest are marked."""
    rw = unit(point=BASE)
    officers = [officer(i, f"8{i}050123", home_point=north(i + 1)) for i in range(6)]
    arcs = arcs_of(instance([rw], officers))
    marked = sorted(int(t) for t, n in zip(arcs.travel_m, arcs.nearest, strict=True) if n)
    assert marked == [1000 * (k + 1) for k in range(CANDIDATES_PER_UNIT)]


def test_previous_pairs_are_kept_only_when_still_allowed() -> None:
    """A previous pair beyond the new limit is not a kept pair (it cannot be kept)."""
    near, far = unit(number=1, point=north(2)), unit(number=2, point=north(5))
    a = officer(0, "87050123", home_point=BASE)
    inst = instance([near, far], [a])
    guidance = Guidance(previous={near.uid: a.nrp, far.uid: a.nrp})
    arcs = arcs_of(inst, FAST.replace(max_travel_km=3.0, max_units_per_officer=2), guidance)
    assert arcs.kept.tolist() == [True]


def test_a_pin_that_is_no_allowed_pair_is_refused() -> None:
    """Pins are validated with their rows before the solve; one that slips through is a bug."""
    far = unit(number=2, point=north(5))
    inst = instance([far], [officer(0, "87050123", home_point=BASE)])
    with pytest.raises(ValueError, match="not a legal pair"):
        arcs_of(inst, FAST.replace(max_travel_km=3.0), Guidance(pins=((far.uid, 0),)))


def test_the_travel_grid_gives_every_pair_the_metres_of_pair_travel() -> None:
    """``travel_matrix`` computes on a rows x units grid and ``pair_travel`` pair by pair; the
    proof compares values to the metre, so they must agree exactly, stand-ins included: a
    thousand random pairs over Sumatra, some officers and units without a point."""
    import numpy as np

    from rwassign import distance

    rng = np.random.default_rng(7)
    n_off, n_unit = 40, 25
    unit_lat, off_lat = rng.uniform(-6, 6, n_unit), rng.uniform(-6, 6, n_off)
    unit_lat[[3, 7]] = np.nan
    off_lat[[0, 11, 12]] = np.nan
    geo = distance.Geometry(
        unit_lat=unit_lat,
        unit_lng=rng.uniform(95, 106, n_unit),
        unit_desa=rng.integers(0, 5, n_unit),
        unit_kec=rng.integers(0, 3, n_unit),
        unit_polsek=rng.integers(0, 2, n_unit),
        off_lat=off_lat,
        off_lng=rng.uniform(95, 106, n_off),
        off_desa=rng.integers(-1, 5, n_off),
        off_kec=rng.integers(-1, 3, n_off),
        off_polsek=rng.integers(-1, 2, n_off),
        off_home_unit=np.full(n_off, -1),
    )
    officers = np.arange(n_off)[::-1].copy()
    grid, coords = distance.travel_matrix(geo, officers, FAST)
    flat, flat_coords = distance.pair_travel(
        geo, np.repeat(officers, n_unit), np.tile(np.arange(n_unit), n_off), FAST
    )
    assert np.array_equal(grid.ravel(), flat)
    assert np.array_equal(coords.ravel(), flat_coords)
    assert (~coords).sum() == 3 * n_unit + 2 * (n_off - 3)
    # haversine_m (the advice's distances) is the same formula, to the last bit
    o, u = np.repeat(officers, n_unit), np.tile(np.arange(n_unit), n_off)
    metres = distance.haversine_m(geo.off_lat[o], geo.off_lng[o], geo.unit_lat[u], geo.unit_lng[u])
    has = ~np.isnan(metres)
    assert np.array_equal(np.rint(metres[has]).astype(np.int64), flat[has])


def test_haversine_broadcasts_like_numpy() -> None:
    """Latitudes and longitudes of different shapes broadcast, as in any numpy formula: a
    column of latitudes against a row of longitudes gives the grid, each entry the distance of
    that pair alone (the advice passes scalars; a caller may pass arrays)."""
    import numpy as np

    from rwassign import distance

    lat = np.array([[-3.0], [-3.1]])
    lng = np.array([102.0, 102.1, 102.2])
    grid = distance.haversine_m(lat, lng, -3.2, 102.3)
    assert grid.shape == (2, 3)
    for i in range(2):
        for j in range(3):
            alone = distance.haversine_m(lat[i, 0], lng[j], -3.2, 102.3)
            assert grid[i, j] == alone
    assert distance.haversine_m(-3.0, np.array([102.0, 102.1]), -3.2, 102.3).shape == (2,)


def test_geometry_is_resolved_once_per_instance_and_cannot_be_changed() -> None:
    """The solver, its pricing and the reasons share the geometry of the instance asked last;
    its arrays are read-only, and the checker's own is resolved afresh with equal values."""
    import dataclasses

    import numpy as np

    from rwassign import distance

    inst = instance([unit(number=1, point=BASE), unit(number=2)], [officer(0, "87050123")])
    geo = distance.geometry(inst)
    assert distance.geometry(inst) is geo
    with pytest.raises(ValueError, match="read-only"):
        geo.unit_lat[0] = 0.0
    own = distance.resolve_geometry(inst)
    assert own is not geo
    for f in dataclasses.fields(geo):
        assert np.array_equal(getattr(own, f.name), getattr(geo, f.name), equal_nan=True)
    other = dataclasses.replace(inst, units=inst.units[:1])  # equal fields would not do: identity
    assert distance.geometry(other) is not geo and len(distance.geometry(other).unit_lat) == 1
    assert distance.geometry(inst) is not geo  # only the last instance is kept


def test_blocks_computed_ahead_are_the_blocks_computed_in_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``pair_blocks`` with its look-ahead threads hands over the same blocks, in the same
    order, as without; a caller that stops early leaves no thread behind."""
    import threading

    import numpy as np

    from rwassign import distance

    units = [unit(number=n, point=north(n)) for n in range(1, 13)] + [unit("b", 1)]
    members = [officer(i, f"8705{i:04d}", home_point=north(i / 2)) for i in range(17)]
    members.append(officer(17, "87059999", home=units[3]))  # no point of their own
    inst = instance(units, members)
    geo = distance.geometry(inst)
    rows = np.arange(len(members), dtype=np.int64)
    cols = np.arange(len(units), dtype=np.int64)
    settings = FAST.replace(max_travel_km=3.0)

    def blocks(ahead: bool) -> list[distance.PairBlock]:
        monkeypatch.setattr(distance, "LOOK_AHEAD", ahead)
        return list(distance.pair_blocks(geo, rows, cols, settings, block_pairs=26))

    plain, ahead = blocks(False), blocks(True)
    assert len(plain) == 9 and [b.start for b in ahead] == [b.start for b in plain]
    for a, b in zip(ahead, plain, strict=True):
        for name in ("travel", "allowed", "resident", "coords"):
            assert np.array_equal(getattr(a, name), getattr(b, name))
    before = threading.active_count()
    for b in distance.pair_blocks(geo, rows, cols, settings, block_pairs=26):
        if b.start >= 4:
            break
    assert threading.active_count() == before


@pytest.mark.parametrize("ahead", [False, True])
def test_work_in_order_stops_before_starting_more_when_asked(
    monkeypatch: pytest.MonkeyPatch, ahead: bool
) -> None:
    """``in_order`` (the pricing's blocks): results in item order, threads or not; ``stop``
    ends the run before the next item is started, and what was started is handed over."""
    from rwassign import distance

    monkeypatch.setattr(distance, "LOOK_AHEAD", ahead)
    assert list(distance.in_order(lambda i: i * i, range(7))) == [0, 1, 4, 9, 16, 25, 36]
    asked = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 3  # the fourth item is not started

    got = list(distance.in_order(lambda i: i * 10, range(7), stop))
    assert got == [0, 10, 20]
