"""The assignment rules of the CP-SAT rule model (``rwassign.solver.cpsat``), on tiny instances
whose optimum can be worked out by hand.

Points lie on a north-south line (``builders.north(km)``), so every distance in a comment is
exact to the metre.  ``Objective`` is written as ``(weighted_coverage, covered, residence,
travel_m)``; every plan goes through ``common.solved()``, which also runs the checker.
"""

from __future__ import annotations

import numpy as np
from ortools.sat.python import cp_model

from rwassign import distance, rules
from rwassign.model import Instance
from rwassign.settings import Settings
from rwassign.solver.candidates import Arcs, Guidance, build_arcs
from rwassign.solver.cpsat import RuleModel, count_moves
from rwassign.solver.weights import lexicographic_weights
from tests.builders import BASE, FAST, instance, north, officer, unit
from tests.solver.common import holder, objective, solved

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
    # nobody is left, and the only member holds the same-priority RW 1, nearer to him
    assert r.uncovered[0].reason.code == "uncovered.tie_travel"
    assert r.uncovered[0].reason.params["held"] == "RW 01 Tunggang"
    assert (r.uncovered[0].reason.params["km"], r.uncovered[0].reason.params["held_km"]) == (
        "2.0",
        "1.0",
    )


def test_cap_two_covers_both() -> None:
    """Same instance, cap 2: both units, objective (2, 2, 0, 1000 + 2000)."""
    rw1, rw2 = unit(number=1, point=north(1)), unit(number=2, point=north(2))
    inst = instance([rw1, rw2], [officer(0, "87050123", home_point=BASE)])
    r = solved(inst, FAST.replace(max_units_per_officer=2))
    assert objective(r) == (2, 2, 0, 3000)
    assert r.outcomes[0].units == (rw1.uid, rw2.uid)
    assert r.uncovered == ()


# --- the rule model itself: one feasible and one violating case per rule -------------------------


def rule_model(
    inst: Instance, settings: Settings = FAST, guidance: Guidance | None = None
) -> tuple[Arcs, RuleModel]:
    """The rule model over every allowed pair of ``inst``."""
    arcs = build_arcs(inst, settings, rules.evaluate(inst, settings).eligible, guidance)
    w = lexicographic_weights(arcs, len(inst.units))
    return arcs, RuleModel(arcs, np.arange(len(arcs.unit)), settings, w)


def feasible_with(
    inst: Instance, arcs: Arcs, rm: RuleModel, fixed: dict[tuple[int, int], bool]
) -> bool:
    """Whether the model has a plan with the pairs (unit number, officer index) fixed as given."""
    for p, i in enumerate(rm.idx.tolist()):
        key = (inst.units[int(arcs.unit[i])].number, int(arcs.officer[i]))
        if key in fixed:
            rm.model.add(rm.x[p] == int(fixed[key]))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    return solver.solve(rm.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


TWO_AT_BASE = [officer(0, "87050123", home_point=BASE), officer(1, "88070678", home_point=BASE)]
TWO_UNITS = [unit(number=1, point=north(1)), unit(number=2, point=north(2))]


def test_rule_one_officer_per_unit() -> None:
    inst = instance(TWO_UNITS, TWO_AT_BASE)
    arcs, rm = rule_model(inst)
    assert feasible_with(inst, arcs, rm, {(1, 0): True, (2, 1): True})
    arcs, rm = rule_model(inst)
    assert not feasible_with(inst, arcs, rm, {(1, 0): True, (1, 1): True})


def test_rule_units_per_officer_cap() -> None:
    inst = instance(TWO_UNITS, TWO_AT_BASE[:1])
    arcs, rm = rule_model(inst)
    assert not feasible_with(inst, arcs, rm, {(1, 0): True, (2, 0): True})
    arcs, rm = rule_model(inst, FAST.replace(max_units_per_officer=2))
    assert feasible_with(inst, arcs, rm, {(1, 0): True, (2, 0): True})


def test_pins_are_fixed() -> None:
    inst = instance(TWO_UNITS, TWO_AT_BASE)
    pinned = Guidance(pins=((TWO_UNITS[1].uid, 0),))
    arcs, rm = rule_model(inst, guidance=pinned)
    assert feasible_with(inst, arcs, rm, {(2, 0): True})
    arcs, rm = rule_model(inst, guidance=pinned)
    assert not feasible_with(inst, arcs, rm, {(2, 0): False})


def test_move_budget() -> None:
    """Both officers held a unit before; giving both units to others moves two officers, which a
    budget of 1 forbids and a budget of 2 allows."""
    inst = instance(TWO_UNITS, TWO_AT_BASE)
    previous = Guidance(previous={TWO_UNITS[0].uid: "87050123", TWO_UNITS[1].uid: "88070678"})
    swap = {(1, 1): True, (2, 0): True}
    arcs, rm = rule_model(inst, guidance=previous)
    rm.move_budget(1)
    assert not feasible_with(inst, arcs, rm, swap)
    arcs, rm = rule_model(inst, guidance=previous)
    rm.move_budget(1)
    assert feasible_with(inst, arcs, rm, {(1, 0): False, (2, 1): True})  # officer 0 moves
    arcs, rm = rule_model(inst, guidance=previous)
    rm.move_budget(2)
    assert feasible_with(inst, arcs, rm, swap)


def test_count_moves_counts_officers_not_pairs() -> None:
    """Cap 2, officer 0 held both units, officer 1 none: a plan giving both to officer 1 loses
    two pairs of one officer, which is one move; keeping one of them is still one move."""
    inst = instance(TWO_UNITS, TWO_AT_BASE)
    settings = FAST.replace(max_units_per_officer=2)
    previous = Guidance(previous={u.uid: "87050123" for u in TWO_UNITS})
    arcs = build_arcs(inst, settings, rules.evaluate(inst, settings).eligible, previous)

    def plan(*chosen: tuple[int, int]) -> distance.BoolArray:
        return np.asarray(
            [
                (inst.units[int(u)].number, int(o)) in chosen
                for u, o in zip(arcs.unit, arcs.officer, strict=True)
            ]
        )

    assert count_moves(arcs, plan((1, 0), (2, 0))) == 0
    assert count_moves(arcs, plan((1, 1), (2, 1))) == 1
    assert count_moves(arcs, plan((1, 0), (2, 1))) == 1
    assert count_moves(arcs, plan()) == 1
