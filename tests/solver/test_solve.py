"""The whole solve (``rwassign.solver.solve`` through ``rwassign.explain.solve``): empty and
degenerate instances, determinism, and what passes through to the result.

Points lie on a north-south line (``builders.north(km)``), so every distance in a comment is
exact to the metre.  ``Objective`` is written as ``(weighted_coverage, covered, residence,
travel_m)``; every plan goes through ``common.solved()``, which also runs the checker.
"""

from __future__ import annotations

import ast
import dataclasses
import random
from pathlib import Path

import pytest

from rwassign import explain, rules, solver
from rwassign.checker import check
from rwassign.explain import solve
from rwassign.model import Instance, Objective, SolveStatus
from rwassign.settings import Settings
from tests.builders import BASE, FAST, instance, north, officer, unit
from tests.solver.common import solved, uncovered_codes

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
    from rwassign.model import Instance, Officer, Unit
    from rwassign.ranks import by_code

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


# --- eligibility once, explanations outside -----------------------------------------------------


def test_given_eligibility_is_not_evaluated_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The run evaluates eligibility once (the pipeline needs it for pins); the solve and the
    explanation use that result instead of evaluating again."""
    inst = instance([unit(point=BASE)], [officer(0, "87050123", home_point=BASE)])
    elig = rules.evaluate(inst, FAST)

    def again(*_args: object) -> None:
        raise AssertionError("eligibility evaluated twice")

    monkeypatch.setattr(rules, "evaluate", again)
    solution = solver.solve(inst, FAST, eligibility=elig)
    assert solution.status is SolveStatus.OPTIMAL
    result = solve(inst, FAST, eligibility=elig)
    assert result.assignment_rows() == [(inst.units[0].uid, "87050123")]


def test_the_solvers_eligibility_is_the_callers() -> None:
    """An eligibility that rules the only member out leaves the unit uncovered, though the
    roster alone would make him eligible: the solver does not second-guess its caller."""
    inst = instance([unit(point=BASE)], [officer(0, "87050123", home_point=BASE)])
    none = dataclasses.replace(
        rules.evaluate(inst, FAST), eligible=(False,), failed=(("pangkat",),)
    )
    solution = solver.solve(inst, FAST, eligibility=none)
    assert solution.chosen is not None and not solution.chosen.any()
    assert solution.objective == Objective(0, 0, 0, 0)


def test_solution_is_a_plain_record_explained_outside() -> None:
    """``solver.solve`` returns pairs and numbers, no reasons; ``explain.explain`` makes the
    result, with the solver's stage times and the reasons."""
    rw1 = unit(point=BASE)
    inst = instance([rw1], [officer(0, "87050123", home=rw1)])
    solution = solver.solve(inst, FAST)
    assert isinstance(solution, solver.Solution)
    # a plain solve is the flow alone: CP-SAT could only confirm it
    assert set(solution.seconds) == {"build", "flow"}
    assert solution.flows == 1
    assert solution.moves is None  # not a re-plan
    result = explain.explain(inst, FAST, solution)
    assert result.status is solution.status
    assert result.objective == solution.objective == Objective(1, 1, 1, 0)
    assert [a.reason.code for a in result.assignments] == ["reason.resident"]
    assert list(solve(inst, FAST).seconds) == ["eligibility", "build", "flow", "total"]


def test_the_solver_never_imports_the_explanations() -> None:
    """Explanations depend on the plan, not on how it was found: no module of the solver
    package imports ``rwassign.explain`` (not even for a type), so there is no cycle."""
    folder = Path(solver.__file__).parent
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            assert not any(n.startswith("rwassign.explain") for n in names), path.name
