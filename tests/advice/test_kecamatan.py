"""The kecamatan table on hand-solved Polres: fewest extra members, counted and checked."""

from __future__ import annotations

from rwassign import explain
from rwassign.advice.kecamatan import kecamatan_table
from rwassign.settings import Settings
from tests.builders import instance, north, officer, unit


def _polres(cap: int) -> tuple[object, Settings]:
    """Kecamatan A: three Tinggi RW (0, 1, 2 km north); kecamatan B: one Rendah RW 5 km north.
    One eligible member, living in B.  Today (cap 1) they hold one Tinggi RW of A (weight 3
    beats 1): B's RW and two of A's stay open."""
    a = [unit("tunggang", i + 1, kecamatan="amen", priority=3, point=north(i)) for i in range(3)]
    b = unit("topos", 1, kecamatan="topos", priority=1, point=north(5))
    inst = instance([*a, b], [officer(0, "80010001", home=b)])
    return inst, Settings(max_units_per_officer=cap)


def test_cap_one() -> None:
    inst, s = _polres(1)
    today = explain.solve(inst, s)
    rows = {r.kecamatan: r for r in kecamatan_table(inst, s, today)}
    amen, topos = rows["Amen"], rows["Topos"]
    assert (amen.units, amen.units_by_priority, amen.eligible_living) == (3, (3, 0, 0), 0)
    assert amen.open_by_priority == (2, 0, 0)
    # the member keeps one Tinggi RW of Amen; two extra members cover the other two
    assert (amen.extra_for_high, amen.extra_for_all, amen.exact_high, amen.checked) == (
        2, 2, True, True,
    )  # fmt: skip
    assert (topos.eligible_living, topos.open_by_priority) == (1, (0, 0, 1))
    # no Tinggi unit in Topos; covering its RW while Amen keeps its covered RW: one extra
    assert (topos.extra_for_high, topos.extra_for_all, topos.checked) == (0, 1, True)


def test_cap_two_shares_units() -> None:
    """At 2 RW per member the member covers two of Amen's RW; one extra member takes the
    third (1 unit -> 1 member), and Topos needs one (its RW)."""
    inst, s = _polres(2)
    today = explain.solve(inst, s)
    rows = {r.kecamatan: r for r in kecamatan_table(inst, s, today)}
    assert rows["Amen"].open_by_priority == (1, 0, 0)
    assert (rows["Amen"].extra_for_high, rows["Amen"].extra_for_all) == (1, 1)
    assert rows["Topos"].extra_for_all == 1


def test_a_travel_limit_keeps_extra_members_apart() -> None:
    """No member at all, cap 2, limit 1.5 km: Amen's RW at 0, 1, 2 km need 2 members by count
    (3 units / 2) and 2 in a plan (0+1 km together, 2 km alone): exact.  With the RW 0, 3, 6 km
    apart, the count says 2 but no two RW are within the limit: 3 members, not exact."""
    a = [unit("tunggang", i + 1, kecamatan="amen", priority=3, point=north(i)) for i in range(3)]
    inst = instance(a, [officer(0, "80010001", pangkat="BHARADA")])
    s = Settings(max_units_per_officer=2, max_travel_km=1.5)
    row = kecamatan_table(inst, s, explain.solve(inst, s))[0]
    assert (row.extra_for_high, row.high_low, row.exact_high, row.checked) == (2, 2, True, True)
    far = [
        unit("tunggang", i + 1, kecamatan="amen", priority=3, point=north(3 * i)) for i in range(3)
    ]
    inst = instance(far, [officer(0, "80010001", pangkat="BHARADA")])
    row = kecamatan_table(inst, s, explain.solve(inst, s))[0]
    assert (row.extra_for_high, row.high_low, row.exact_high, row.checked) == (3, 2, False, True)
