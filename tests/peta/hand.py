"""A tiny Polres and a hand-made plan for the map tests, with every count worked out by hand.

Two Polsek.  Polsek Lebong Utara: Tunggang RW 1 (Tinggi, at BASE), RW 2 (Sedang, 2 km north),
RW 3 (Tinggi, 4 km north), Gandung RW 1 (Rendah) and RW 2 (Sedang), both on Gandung's desa point
6 km north.  Polsek Amen: Amen RW 1 (Rendah, 20 km north) and RW 2 (Tinggi, no point at all).

Members: Andi lives in Tunggang RW 1 and holds it and Gandung RW 1; Bayu lives 2.5 km north and
holds Tunggang RW 2; Citra is known only by her kecamatan (Amen, no point) and holds Amen RW 2;
Dedi (21 km north, kecamatan Amen) is eligible and holds nothing (a reserve member); Eka is a
Bharada (not eligible) at BASE.  Open: Tunggang RW 3 (Tinggi), Gandung RW 2 (Sedang), Amen RW 1
(Rendah).

The plan is made by hand, not solved: the maps draw any plan they are given, and a hand-made
one keeps these tests independent of the solver's choices.
"""

from __future__ import annotations

from rwassign.model import Assignment, OfficerOutcome, Reason, SolveResult, SolveStatus
from tests.builders import BASE, FAST, instance, north, officer, unit

T1 = unit("tunggang", 1, priority=3, point=BASE)
T2 = unit("tunggang", 2, priority=2, point=north(2))
T3 = unit("tunggang", 3, priority=3, point=north(4))
G1 = unit("gandung", 1, priority=1, point=north(6))
G2 = unit("gandung", 2, priority=2, point=north(6))
A1 = unit("amen", 1, kecamatan="amen", priority=1, point=north(20))
A2 = unit("amen", 2, kecamatan="amen", priority=3)
ANDI, BAYU, CITRA, DEDI, EKA = range(5)

INSTANCE = instance(
    [T1, T2, T3, G1, G2, A1, A2],
    [
        officer(ANDI, "87050123", nama="Andi Saputra", home=T1),
        officer(BAYU, "88070678", nama="Bayu Pratama", home_point=north(2.5)),
        officer(CITRA, "90020345", nama="Citra Lestari", home_kecamatan="amen"),
        officer(DEDI, "91030456", nama="Dedi Kurniawan", home_point=north(21),
                home_kecamatan="amen"),
        officer(EKA, "99010456", "BHARADA", nama="Eka Wulandari", home_point=BASE),
    ],
    name="POLRES UJI",
)  # fmt: skip
HOLDS = {ANDI: (T1, G1), BAYU: (T2,), CITRA: (A2,)}


def hand_plan() -> SolveResult:
    """The plan described in the module docstring, as ``solve`` would return it."""
    reason = Reason("reason.resident", {"unit": "RW"})
    assignments = tuple(
        Assignment(u.uid, i, 1.0, False, "koordinat", reason) for i, us in HOLDS.items() for u in us
    )
    outcomes = tuple(
        OfficerOutcome(
            o.index, o.index != EKA, ("pangkat",) if o.index == EKA else (),
            tuple(u.uid for u in HOLDS.get(o.index, ())), reason,
        )
        for o in INSTANCE.officers
    )  # fmt: skip
    return SolveResult(
        SolveStatus.OPTIMAL, INSTANCE, FAST, assignments, outcomes, (), None, None, 0.0, {}
    )
