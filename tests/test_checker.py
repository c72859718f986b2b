"""The independent checker catches every kind of broken plan.

A sound plan is solved once, then tampered with by hand (``dataclasses.replace``) the way a bug
in the solver, the explanations or a hand edit could break it; each test asserts the rule id of
the violation.

The instance (limit 5 km, cap 1; distances along a north-south line):

- RW 1 at the base, RW 2 2 km north, RW 3 4 km north.
- Andi lives in RW 1; Bayu 2.5 km north; Citra 30 km north (beyond the limit, reserve).
- Dedi is a Tamtama (Bharada) and Eka a Bhabinkamtibmas: both ineligible, living at the base.
- Optimum: Andi in RW 1 (resident, 0 m), Bayu in RW 2 (500 m), RW 3 uncovered (capacity).
"""

from __future__ import annotations

import dataclasses

import pytest

from rwassign.checker import Violation, check, check_pairs, distance_m
from rwassign.explain import solve
from rwassign.model import (
    Assignment,
    Objective,
    Reason,
    SolveResult,
    SolveStatus,
    UncoveredUnit,
)
from tests.builders import BASE, FAST, instance, north, officer, unit

RW1 = unit(number=1, point=BASE)
RW2 = unit(number=2, point=north(2))
RW3 = unit(number=3, point=north(4))
ANDI, BAYU, CITRA, DEDI, EKA = range(5)

INSTANCE = instance(
    [RW1, RW2, RW3],
    [
        officer(ANDI, "87050123", nama="Andi Saputra", home=RW1),
        officer(BAYU, "88070678", nama="Bayu Pratama", home_point=north(2.5)),
        officer(CITRA, "90020345", "BRIPTU", nama="Citra Lestari", home_point=north(30)),
        officer(DEDI, "99010456", "BHARADA", nama="Dedi Kurniawan", home_point=BASE),
        officer(EKA, "85110567", nama="Eka Wulandari", bhabinkamtibmas=True, home_point=BASE),
    ],
)
SETTINGS = FAST.replace(max_travel_km=5.0)


@pytest.fixture(scope="module")
def sound() -> SolveResult:
    result = solve(INSTANCE, SETTINGS)
    assert result.status is SolveStatus.OPTIMAL
    assert result.assignment_rows() == [(RW1.uid, "87050123"), (RW2.uid, "88070678")]
    assert result.objective == Objective(2, 2, 1, 500)
    return result


def rule_ids(violations: list[Violation]) -> set[str]:
    return {v.rule for v in violations}


def move(a: Assignment, officer_index: int, unit_uid: str | None = None) -> Assignment:
    """The assignment handed to another officer (and unit), with a correctly recomputed travel
    so that only the intended rule breaks."""
    uid = unit_uid or a.unit_uid
    o = INSTANCE.officers[officer_index]
    metres, _coords = distance_m(INSTANCE, o, uid, SETTINGS)
    return dataclasses.replace(
        a,
        unit_uid=uid,
        officer_index=officer_index,
        travel_km=round(metres) / 1000.0,
        resident=o.home_unit == uid,
    )


def test_sound_plan_has_no_violation(sound: SolveResult) -> None:
    assert check(sound) == []


def test_unit_held_twice(sound: SolveResult) -> None:
    """Bayu is also put in RW 1, which Andi holds (RW 2 is dropped so only this rule breaks)."""
    andi_rw1, bayu_rw2 = sound.assignments
    tampered = dataclasses.replace(
        sound,
        assignments=(andi_rw1, move(bayu_rw2, BAYU, RW1.uid)),
        uncovered=(*sound.uncovered, UncoveredUnit(RW2.uid, Reason("uncovered.left_none"))),
        objective=None,
    )
    violations = check(tampered)
    assert "satu_personel_per_unit" in rule_ids(violations)
    assert f"{RW1.uid} is held by 2 members" in [v.text("en") for v in violations]
    assert f"{RW1.uid} dipegang 2 personel" in [v.text("id") for v in violations]


def test_officer_over_cap(sound: SolveResult) -> None:
    """Andi holds RW 1 and RW 2 with a cap of 1."""
    andi_rw1, bayu_rw2 = sound.assignments
    tampered = dataclasses.replace(
        sound, assignments=(andi_rw1, move(bayu_rw2, ANDI)), objective=None
    )
    violations = check(tampered)
    assert rule_ids(violations) == {"batas_unit_per_personel", "personel"}
    assert "NRP 87050123 holds 2 units (maximum 1)" in [v.text("en") for v in violations]
    assert "NRP 87050123 memegang 2 RW/dusun (maksimum 1)" in [v.text() for v in violations]


@pytest.mark.parametrize(
    ("who", "rule"), [(DEDI, "pangkat"), (EKA, "bhabinkamtibmas")], ids=["tamtama", "bhabin"]
)
def test_ineligible_officer(sound: SolveResult, who: int, rule: str) -> None:
    """RW 2 handed to a Bharada / a Bhabinkamtibmas (both within 2 km)."""
    andi_rw1, bayu_rw2 = sound.assignments
    tampered = dataclasses.replace(sound, assignments=(andi_rw1, move(bayu_rw2, who)))
    violations = check(tampered)
    assert rule in rule_ids(violations)
    o = INSTANCE.officers[who]
    shown = [v.text() for v in violations if v.rule == rule]
    assert f"NRP {o.nrp} ({o.nama}) tidak memenuhi syarat untuk {RW2.uid}" in shown


def test_other_eligibility_rules_are_rechecked(sound: SolveResult) -> None:
    """The checker recomputes every eligibility rule, not just the two above: an untrained,
    short-serving, inactive member of an excluded unit fails four rules at once."""
    bad = dataclasses.replace(
        INSTANCE.officers[BAYU], trained=False, service_years=2.0, active=False, kesatuan="SIDOKKES"
    )
    inst = dataclasses.replace(
        INSTANCE, officers=tuple(bad if o.index == BAYU else o for o in INSTANCE.officers)
    )
    tampered = dataclasses.replace(
        sound, instance=inst, settings=SETTINGS.replace(excluded_units=("DOKKES",))
    )
    assert rule_ids(check(tampered)) == {
        "pelatihan",
        "masa_dinas",
        "status_aktif",
        "satuan_dikecualikan",
    }


def test_travel_beyond_limit(sound: SolveResult) -> None:
    """Citra (30 km north) put in RW 3 (4 km north): 26 km against a 5 km limit, reported
    truthfully."""
    andi_rw1, bayu_rw2 = sound.assignments
    citra_rw3 = move(bayu_rw2, CITRA, RW3.uid)
    assert citra_rw3.travel_km == 26.0
    tampered = dataclasses.replace(
        sound,
        assignments=(andi_rw1, bayu_rw2, citra_rw3),
        uncovered=(),
        objective=None,
    )
    outcomes = list(tampered.outcomes)
    outcomes[CITRA] = dataclasses.replace(outcomes[CITRA], units=(RW3.uid,))
    tampered = dataclasses.replace(tampered, outcomes=tuple(outcomes))
    assert rule_ids(check(tampered)) == {"batas_jarak"}


def test_wrong_reported_travel(sound: SolveResult) -> None:
    """Bayu's 0.5 km reported as 1.5 km."""
    andi_rw1, bayu_rw2 = sound.assignments
    assert bayu_rw2.travel_km == 0.5
    tampered = dataclasses.replace(
        sound, assignments=(andi_rw1, dataclasses.replace(bayu_rw2, travel_km=1.5))
    )
    violations = check(tampered)
    assert rule_ids(violations) == {"jarak"}  # per assignment and the objective's total
    assert "NRP 88070678 ke " + RW2.uid + ": tercatat 1.5 km, dihitung ulang 0.500 km" in [
        v.text() for v in violations
    ]


def test_travel_rounding_is_tolerated(sound: SolveResult) -> None:
    """The plan reports whole metres; a difference below a metre is not a violation."""
    andi_rw1, bayu_rw2 = sound.assignments
    tampered = dataclasses.replace(
        sound, assignments=(andi_rw1, dataclasses.replace(bayu_rw2, travel_km=0.5004))
    )
    assert check(tampered) == []


def test_wrong_residence_flag(sound: SolveResult) -> None:
    andi_rw1, bayu_rw2 = sound.assignments
    tampered = dataclasses.replace(
        sound, assignments=(dataclasses.replace(andi_rw1, resident=False), bayu_rw2)
    )
    assert rule_ids(check(tampered)) == {"domisili"}


def test_wrong_objective(sound: SolveResult) -> None:
    assert sound.objective is not None
    tampered = dataclasses.replace(
        sound, objective=dataclasses.replace(sound.objective, weighted_coverage=3)
    )
    assert rule_ids(check(tampered)) == {"cakupan"}
    tampered = dataclasses.replace(
        sound, objective=dataclasses.replace(sound.objective, residence=2)
    )
    assert rule_ids(check(tampered)) == {"domisili"}
    tampered = dataclasses.replace(
        sound, objective=dataclasses.replace(sound.objective, travel_m=0)
    )
    assert rule_ids(check(tampered)) == {"jarak"}
    tampered = dataclasses.replace(
        sound, objective=dataclasses.replace(sound.objective, travel_m=2500)
    )
    assert rule_ids(check(tampered)) == {"jarak"}


def test_the_bound_is_not_judged(sound: SolveResult) -> None:
    """The checker judges the plan against the rules and recomputed totals, not the solver's
    bound: an OPTIMAL plan always reaches its own bound (the solver stops there), so a check
    comparing the two could never fire on a real run."""
    assert sound.bound is not None
    tampered = dataclasses.replace(
        sound, bound=dataclasses.replace(sound.bound, weighted_coverage=3, covered=3)
    )
    assert check(tampered) == []


def test_missing_roster_row(sound: SolveResult) -> None:
    """Citra's outcome (a reserve) disappears from the list."""
    tampered = dataclasses.replace(
        sound, outcomes=tuple(o for o in sound.outcomes if o.officer_index != CITRA)
    )
    assert rule_ids(check(tampered)) == {"personel"}


def test_roster_rows_out_of_order(sound: SolveResult) -> None:
    tampered = dataclasses.replace(sound, outcomes=tuple(reversed(sound.outcomes)))
    assert rule_ids(check(tampered)) == {"personel"}


def test_outcome_units_disagree_with_plan(sound: SolveResult) -> None:
    outcomes = list(sound.outcomes)
    outcomes[BAYU] = dataclasses.replace(outcomes[BAYU], units=())
    tampered = dataclasses.replace(sound, outcomes=tuple(outcomes))
    assert rule_ids(check(tampered)) == {"personel"}


def test_a_reserve_listed_as_holding_a_unit(sound: SolveResult) -> None:
    """Dedi holds nothing in the plan, but his roster row says RW 3."""
    outcomes = list(sound.outcomes)
    outcomes[DEDI] = dataclasses.replace(outcomes[DEDI], units=(RW3.uid,))
    found = check(dataclasses.replace(sound, outcomes=tuple(outcomes)))
    assert [(v.code, v.params) for v in found] == [("check.outcome_wrong", {"index": DEDI})]


def test_unit_neither_covered_nor_listed(sound: SolveResult) -> None:
    """RW 3 is uncovered but left out of the uncovered list."""
    assert [u.unit_uid for u in sound.uncovered] == [RW3.uid]
    tampered = dataclasses.replace(sound, uncovered=())
    violations = check(tampered)
    assert rule_ids(violations) == {"satu_personel_per_unit"}
    assert "neither covered nor listed" in violations[0].text("en")
    assert "tidak tercantum sebagai belum terisi" in violations[0].text("id")


def test_unit_covered_and_listed_uncovered(sound: SolveResult) -> None:
    tampered = dataclasses.replace(
        sound, uncovered=(*sound.uncovered, UncoveredUnit(RW1.uid, Reason("uncovered.left_none")))
    )
    assert rule_ids(check(tampered)) == {"satu_personel_per_unit"}


def test_unknown_unit_or_officer(sound: SolveResult) -> None:
    andi_rw1, bayu_rw2 = sound.assignments
    ghost_unit = dataclasses.replace(bayu_rw2, unit_uid="lebong utara|tunggang|9")
    assert rule_ids(check(dataclasses.replace(sound, assignments=(andi_rw1, ghost_unit)))) == {
        "satu_personel_per_unit"
    }
    ghost_officer = dataclasses.replace(bayu_rw2, officer_index=99)
    assert rule_ids(check(dataclasses.replace(sound, assignments=(andi_rw1, ghost_officer)))) == {
        "batas_unit_per_personel"
    }


def test_checker_distance_matches_solver_admin_fallback() -> None:
    """Without coordinates the checker's own stand-in distances agree with the solver's."""
    tunggang = unit("tunggang", 1)
    kampung_jawa = unit("kampung jawa", 1)
    ajai_siang = unit("ajai siang", 1, kecamatan="topos", polsek="Polsek Rimbo Pengadang")
    o = officer(0, "87050123", home_desa="lebong utara|tunggang")
    inst = instance([tunggang, kampung_jawa, ajai_siang], [o])
    s = FAST.replace(max_units_per_officer=3)
    result = solve(inst, s)
    assert check(result) == []
    assert [distance_m(inst, o, u.uid, s) for u in inst.units] == [
        (2000.0, False),
        (10_000.0, False),
        (50_000.0, False),
    ]


def test_blank_status_is_unknown_for_checker_too() -> None:
    from rwassign.checker import _eligibility_failures
    from rwassign.settings import Settings
    from tests.builders import officer

    assert _eligibility_failures(officer(0, "80010001", status="   "), Settings()) == []


def test_violation_rows_name_the_plan_rows() -> None:
    """A hand-edited plan whose pairs sit on sheet rows 4, 7, 9, 12 and 15: each breach names
    exactly its rows as data, whatever its English detail says."""
    pairs = [
        (RW1.uid, "87050123"),  # row 4: Andi in his own RW, sound on its own
        (RW1.uid, "88070678"),  # row 7: Bayu in RW 1 too: the unit is held twice (4, 7)
        (RW3.uid, "85110567"),  # row 9: Eka is a Bhabinkamtibmas
        (RW2.uid, "87050123"),  # row 12: Andi again: over the cap of 1 (4, 12)
        ("lebong utara|tidak ada|1", "12345678"),  # row 15: unknown unit and unknown NRP
    ]
    found = check_pairs(INSTANCE, SETTINGS, pairs, [4, 7, 9, 12, 15])
    assert sorted((v.rule, v.rows) for v in found) == [
        ("batas_unit_per_personel", (4, 12)),
        ("bhabinkamtibmas", (9,)),
        ("personel", (15,)),
        ("satu_personel_per_unit", (4, 7)),
        ("satu_personel_per_unit", (15,)),
    ]
    shown = {v.text("id") for v in found}
    assert "baris 4, 7: lebong utara|tunggang|1 dipegang 2 personel" in shown
    assert "baris 9: NRP 85110567 (Eka Wulandari) tidak memenuhi syarat" in shown
    assert "rows 4, 12: NRP 87050123 holds 2 units (maximum 1)" in {v.text("en") for v in found}
    assert "baris 15: NRP '12345678' tidak ada di roster" in shown


def test_a_solve_result_has_no_sheet_rows(sound: SolveResult) -> None:
    tampered = dataclasses.replace(sound, assignments=(*sound.assignments, sound.assignments[0]))
    violations = check(tampered)
    assert violations and all(v.rows == () for v in violations)
