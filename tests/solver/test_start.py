"""The flow's starting candidates: twins, their bands and the greedy start.

Members who share a home (a Polres asrama) are *twins*: every unit is worth the same to each.
The starting candidates give them a band of their group's nearest units each and hold a greedy
plan, so the first flow already covers what the optimum covers.  Hand-solvable cases, and
seeded random Polres with many twins against brute force.
"""

from __future__ import annotations

import random

import pytest

from rwassign import rules
from rwassign.model import Instance
from rwassign.settings import Settings
from rwassign.solver import candidates, start
from rwassign.solver.candidates import Guidance, PairSpace, build_candidates, pair_space
from rwassign.solver.flow import solve_flow
from rwassign.solver.weights import weights_for
from tests.builders import FAST, instance, north, officer, unit
from tests.solver.common import objective, solved
from tests.solver.test_properties import brute_force


def asrama(n_twins: int = 4) -> Instance:
    """``n_twins`` members living at the asrama (0 km, no home unit) and one living at 20 km;
    six units at 1..6 km, priority 1, and one at 20 km of priority 3."""
    units = [unit(number=i, priority=1, point=north(i)) for i in range(1, 7)]
    units.append(unit("ketenong", 1, priority=3, point=north(20)))
    officers = [officer(i, f"8705{i:04d}", home_point=north(0)) for i in range(n_twins)]
    officers.append(officer(n_twins, "87059999", home_point=north(20)))
    return instance(units, officers)


def space_of(
    inst: Instance, settings: Settings = FAST, guidance: Guidance | None = None
) -> PairSpace:
    return pair_space(
        inst, settings, rules.evaluate(inst, settings).eligible, guidance or Guidance()
    )


def test_twins_share_a_group_and_others_do_not() -> None:
    """Rows are officers by NRP: the four asrama members are one group (led by the first), the
    member at 20 km is their own."""
    space = space_of(asrama())
    assert space.group.tolist() == [0, 0, 0, 0, 4]


def test_a_pinned_twin_is_its_own_group() -> None:
    """A pin makes a member's pairs differ from their twins': they leave the group, and the
    others keep theirs (led by the first remaining twin)."""
    inst = asrama()
    space = space_of(inst, guidance=Guidance(pins=((inst.units[0].uid, 1),)))
    assert space.group.tolist() == [0, 1, 0, 0, 4]


def test_twins_get_overlapping_bands_of_their_nearest_units(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With one unit per officer and unit (``BAND = PER_UNIT = 1``, ``NEAREST = 0``, no greedy
    margin), twin j (NRP order) gets list positions j .. j + 1 of the group's nearest units
    (1..6 km, then the one at 20 km): bands that overlap, so the flow can pass units along."""
    monkeypatch.setattr(start, "BAND", 1)
    monkeypatch.setattr(candidates, "PER_UNIT", 1)
    monkeypatch.setattr(candidates, "CANDIDATES_PER_UNIT", 1)
    monkeypatch.setattr(start, "NEAREST", 0)
    inst = asrama()
    arcs, _bounds = build_candidates(space_of(inst))
    pairs = {(int(o), int(u)) for o, u in zip(arcs.officer, arcs.unit, strict=True)}
    for j in range(4):
        assert {(j, j), (j, j + 1)} <= pairs
    # twin 3 also reaches the 5 km unit only through its band, never the 6 km one
    assert (3, 5) not in pairs


def test_the_first_flow_already_covers_the_optimum(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight twins and six units near them: with one candidate each, the greedy start and the
    bands still hold a plan covering every unit, so the first flow does before any pricing."""
    monkeypatch.setattr(start, "BAND", 1)
    monkeypatch.setattr(candidates, "PER_UNIT", 1)
    monkeypatch.setattr(candidates, "CANDIDATES_PER_UNIT", 1)
    monkeypatch.setattr(start, "NEAREST", 0)
    inst = asrama(8)
    space = space_of(inst)
    arcs, bounds = build_candidates(space)
    w = weights_for(bounds, len(inst.units))
    flow = solve_flow(arcs, len(inst.officers), len(inst.units), 1, w)
    assert int(flow.chosen.sum()) == 7
    assert objective(solved(inst)) == (9, 7, 0, 21_000)


def test_greedy_start_takes_the_highest_weight_first() -> None:
    """At cap 2: the priority-3 unit goes to the member living there (0 km), not to the twins
    who come first by NRP (20 km); then the nearest pairs of priority 1, shortest first: the
    twins take 1, 2, then 3, 4 km; the member at 20 km the 6 km unit (14 km away)."""
    inst = asrama(2)
    space = space_of(inst, Settings(time_limit_s=10.0, workers=1, max_units_per_officer=2))
    lists = start.StartLists(space.group, space.col_weight, 2)
    for b in space.blocks(lambda b: b):
        lists.take(lists.lists(b.start, b.travel, b.allowed))
    rows, cols = start.greedy_start(space.group, lists.rows_lists(), lists.long, 2)
    uid = [inst.units[int(u)].uid for u in space.uorder]
    got = {(int(r), uid[c]) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)}
    t = "lebong utara|tunggang|"
    # rows 0, 1 are the twins, row 2 the member at 20 km
    assert got == {
        (2, "lebong utara|ketenong|1"),
        (0, t + "1"), (1, t + "2"), (0, t + "3"), (1, t + "4"),
        (2, t + "6"),
    }  # fmt: skip


@pytest.mark.parametrize("seed", range(25))
def test_polres_with_many_twins_equals_brute_force(seed: int) -> None:
    """Random small Polres where most members share one of two homes, caps 1-2, with and
    without a travel limit: the certified plan is the brute-force optimum."""
    rng = random.Random(seed)
    units = [
        unit(rng.choice(("tunggang", "ketenong")), i + 1, priority=rng.randint(1, 3),
             point=north(rng.uniform(0, 8)))
        for i in range(rng.randint(3, 6))
    ]  # fmt: skip
    homes = [north(0.0), north(4.0), north(rng.uniform(0, 8))]
    officers = []
    for i in range(rng.randint(2, 6)):
        officers.append(
            officer(
                i,
                f"{rng.randint(70, 99)}05{i:04d}",
                home=rng.choice([None, None, units[0]]),
                home_point=rng.choice(homes),
            )
        )
    s = Settings(
        max_units_per_officer=rng.randint(1, 2),
        max_travel_km=rng.choice([None, 3.0]),
        time_limit_s=10.0,
        workers=1,
    )
    inst = instance(units, officers)
    weighted, _covered, residence, travel = objective(solved(inst, s))
    assert (weighted, residence, -travel) == brute_force(inst, s)
