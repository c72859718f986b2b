"""Pricing (``rwassign.solver.pricing``): the flow on a candidate set, proven on every pair.

Points lie on a north-south line (``builders.north(km)``), so every distance in a comment is
exact to the metre.  The candidate set is cut to one pair per officer and per unit
(``start.NEAREST`` 0, ``PER_UNIT`` and ``CANDIDATES_PER_UNIT`` 1) so that tiny instances need
pricing; the brute force is that of ``test_properties``.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from rwassign import rules
from rwassign.checker import check, check_certificate
from rwassign.explain import solve
from rwassign.model import Instance, SolveStatus
from rwassign.settings import Settings
from rwassign.solver import candidates, pricing, start
from rwassign.solver.candidates import Guidance, build_candidates, pair_space
from rwassign.solver.flow import solve_flow
from rwassign.solver.weights import weights_for
from tests.builders import FAST, instance, north, officer, unit
from tests.solver.common import objective, solved
from tests.solver.test_properties import brute_force, instances


@pytest.fixture
def one_candidate_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each officer keeps only their nearest (= best) unit, each unit its nearest officer, and
    the greedy start sees only each officer's nearest unit."""
    monkeypatch.setattr(start, "BAND", 1)
    monkeypatch.setattr(start, "NEAREST", 0)
    monkeypatch.setattr(candidates, "PER_UNIT", 1)
    monkeypatch.setattr(candidates, "CANDIDATES_PER_UNIT", 1)


def chain() -> Instance:
    """A at 10.4 km, B at 5 km, C at 3.9 km; U1 at 10 km, U2 at 11 km, U0 at 4.5 km.

    Candidates: A's nearest unit U1 (0.4), B's and C's U0 (0.5, 0.6); U1's and U2's nearest
    officer A (0.4, 0.6), U0's B.  So: A-U1, A-U2, B-U0, C-U0, and at most 2 units covered.
    Every pair: A-U2 0.6 + B-U1 5.0 + C-U0 0.6 = 6.2 km covers all three (A-U1 + B-U2 + C-U0
    would be 0.4 + 6.0 + 0.6 = 7.0 km).  Objective (3 x weight 1, 3, 0, 6200)."""
    u1, u2, u0 = (
        unit(number=1, priority=1, point=north(10)),
        unit(number=2, priority=1, point=north(11)),
        unit(number=3, priority=1, point=north(4.5)),
    )
    return instance(
        [u1, u2, u0],
        [
            officer(0, "87050001", home_point=north(10.4)),
            officer(1, "87050002", home_point=north(5)),
            officer(2, "87050003", home_point=north(3.9)),
        ],
    )


def test_candidates_alone_are_suboptimal(one_candidate_each: None) -> None:
    """The flow on the starting candidates covers only 2 of the 3 units (see ``chain``)."""
    inst = chain()
    space = pair_space(inst, FAST, rules.evaluate(inst, FAST).eligible, Guidance())
    arcs, bounds = build_candidates(space)
    pairs = {(int(o), int(u)) for o, u in zip(arcs.officer, arcs.unit, strict=True)}
    assert pairs == {(0, 0), (0, 1), (1, 2), (2, 2)}
    w = weights_for(bounds, 3)
    flow = solve_flow(arcs, 3, 3, 1, w)
    assert int(flow.chosen.sum()) == 2


def test_pricing_adds_the_missing_pair_and_proves_the_optimum(one_candidate_each: None) -> None:
    """Pricing finds B-U1 (B's price is that of U0, which C can take at 0.1 km more) and the
    certified plan is the brute-force optimum: (3, 3, 0, 6200)."""
    inst = chain()
    r = solved(inst)
    assert objective(r) == (3, 3, 0, 6200)
    assert brute_force(inst, FAST) == (3, 0, -6200)
    cert = r.certificate
    assert cert is not None and cert.proven
    assert cert.rounds >= 2 and cert.added >= 1
    assert cert.value == cert.dual == cert.upper_bound
    assert r.assignment_rows() == [
        (inst.units[0].uid, "87050002"),
        (inst.units[1].uid, "87050001"),
        (inst.units[2].uid, "87050003"),
    ]


def test_pairs_below_lists_the_pairs_a_dual_leaves_uncovered(one_candidate_each: None) -> None:
    """With every price 0, every allowed pair of positive value is below threshold 0, and with
    a threshold above the largest value, every allowed pair: 3 officers x 3 units."""
    inst = chain()
    space = pair_space(inst, FAST, rules.evaluate(inst, FAST).eligible, Guidance())
    _arcs, bounds = build_candidates(space)
    w = weights_for(bounds, 3)
    zero_u, zero_o = np.zeros(3, np.int64), np.zeros(3, np.int64)
    below = pricing.pairs_below(space, w, zero_u, zero_o, 0)
    assert len(below.rows) == 9 and below.finished
    assert (below.reduced == -below.value).all()
    # the pair values follow the weights: A-U1 is worth W_cov - 400
    a_u1 = np.nonzero((below.rows == 0) & (below.cols == 0))[0]
    assert below.value[a_u1].tolist() == [w.cov - 400]
    # prices at each pair's value: nothing is below 0, everything is below 1
    top = np.full(3, w.cov, np.int64)
    assert len(pricing.pairs_below(space, w, zero_u, top, 0).rows) == 0
    assert len(pricing.pairs_below(space, w, zero_u, top, 10_000).rows) == 9


def test_a_passed_deadline_gives_a_feasible_plan_with_a_valid_bound(
    one_candidate_each: None,
) -> None:
    """With the deadline already passed, pricing stops: the candidates' plan (2 units) comes
    back FEASIBLE, unproven, with an upper bound at least the true optimum's value."""
    inst = chain()
    s = FAST.replace(time_limit_s=1e-9)
    r = solve(inst, s)
    assert r.status is SolveStatus.FEASIBLE
    assert r.objective is not None and r.objective.covered == 2
    cert = r.certificate
    assert cert is not None and not cert.proven
    full = solved(inst).certificate
    assert full is not None
    assert cert.upper_bound >= full.value > cert.value
    assert 0.0 < r.gap < 1.0
    assert check(r) == []


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(instances())
@pytest.mark.slow
def test_priced_plan_is_the_brute_force_optimum(
    one_candidate_each: None, case: tuple[Instance, Settings]
) -> None:
    """Random tiny Polres (``test_properties.instances``) with one candidate each: pricing
    must reach the exhaustive optimum, and its certificate must pass the re-check."""
    inst, s = case
    r = solve(inst, s)
    assert r.status is SolveStatus.OPTIMAL
    assert check(r) == []
    assert r.objective is not None
    got = (r.objective.weighted_coverage, r.objective.residence, -r.objective.travel_m)
    assert got == brute_force(inst, s)
    cert = r.certificate
    assert cert is not None and cert.proven and cert.value == cert.dual


# --- the checker's re-check of the certificate ----------------------------------------------


def test_checker_accepts_the_certificate() -> None:
    r = solved(chain())
    assert check_certificate(r) == []


def test_checker_rejects_a_lowered_price() -> None:
    """One member's price lowered by 1: the plan pair is no longer tight, the plan is worth 1
    more than the dual bound, and some pair is worth more than its prices."""
    r = solved(chain())
    cert = r.certificate
    assert cert is not None
    q = cert.officer_price.copy()
    q[1] -= 1  # B holds U1
    forged = dataclasses.replace(r, certificate=dataclasses.replace(cert, officer_price=q))
    codes = {v.code for v in check(forged)}
    assert {"check.cert_not_tight", "check.cert_value"} <= codes
    texts = [v.text("en") for v in check(forged)]
    assert any("NRP 87050002" in t and "not its dual price" in t for t in texts)


def test_checker_rejects_zero_prices_for_a_plan() -> None:
    """All prices 0 and the value copied: every plan pair is above its prices, the bound 0 is
    not the plan's value."""
    r = solved(chain())
    cert = r.certificate
    assert cert is not None
    forged_cert = dataclasses.replace(
        cert,
        unit_price=np.zeros_like(cert.unit_price),
        officer_price=np.zeros_like(cert.officer_price),
    )
    found = check_certificate(dataclasses.replace(r, certificate=forged_cert))
    codes = [v.code for v in found]
    assert "check.cert_value" in codes
    assert "check.cert_pair_above_price" in codes
    assert "check.cert_not_tight" in codes


def test_checker_rejects_a_certificate_for_a_worse_plan() -> None:
    """The optimal plan's prices attached to a plan that swaps A and B (A-U1, B-U2: 7.0 km
    instead of 6.2): the rule checks pass, the certificate's do not."""
    r = solved(chain())
    a_u2, b_u1, c_u0 = sorted(r.assignments, key=lambda a: a.officer_index)
    swapped = (
        dataclasses.replace(b_u1, officer_index=0, travel_km=0.4),
        dataclasses.replace(a_u2, officer_index=1, travel_km=6.0),
        c_u0,
    )
    worse = dataclasses.replace(r, assignments=swapped, objective=None, outcomes=())
    found = check_certificate(worse)
    assert {"check.cert_not_tight", "check.cert_value"} <= {v.code for v in found}
