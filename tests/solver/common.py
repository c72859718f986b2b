"""Helpers of the solver tests: solve a tiny instance and assert what holds of every plan.

Every plan goes through ``solved()``, which also asserts that the independent checker finds
nothing and that every roster row has its outcome, in roster order.
"""

from __future__ import annotations

from rwassign.checker import check
from rwassign.explain import solve
from rwassign.model import Instance, SolveResult, SolveStatus
from rwassign.settings import Settings
from tests.builders import FAST


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
