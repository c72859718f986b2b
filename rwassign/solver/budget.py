"""Re-plan levels that are not a flow: members moved, and a move budget (``--max-moves``).

A re-plan ranks plans by coverage, then by **members moved** (fewest), then by previous pairs
kept, residence and travel.  A member "stays" only when every previous pair of theirs that is
still legal is kept: with one unit per member that is one pair, and the flow is exact; with
``max_units_per_officer`` >= 2 it is an all-or-nothing condition over several pairs, and a
budget "at most K members moved" is a side constraint.  Neither is a min-cost flow, so this
module solves them exactly in three steps, each a valid statement about the *full* problem:

1. **Relaxation.**  A member who held ``k`` pairs earns ``W_stay / k`` per kept pair instead of
   ``W_stay`` when all ``k`` are kept.  That over-rates every plan (an average is at least the
   minimum), so the flow optimum of the relaxed values bounds every plan.
2. **Lagrangian of the budget.**  ``moves <= K`` is moved into the objective with a multiplier
   ``lambda >= 0``: each member who stays earns ``lambda`` more and ``lambda * (H - K)`` is
   subtracted (``H`` members held a pair).  For every ``lambda`` the relaxed flow's value is an
   upper bound of the budgeted optimum; ``lambda`` is searched by the chord (Newton) method with
   bisection as fallback, a handful of flows.  Every flow plan within the budget is a candidate
   plan, valued exactly.  When the best plan reaches the least bound it is proven optimal and no
   other solver runs.
3. **Closing the gap.**  Otherwise CP-SAT solves the exact model (the stay variables, the
   budget, every allowed pair but those **reduced-cost fixing** proves useless: a pair whose
   reduced cost in the least bound's flow exceeds ``bound - best`` is in no better plan),
   started from the best plan and told the bound; it proves the optimum or, at the time limit,
   the plan and its gap against the Lagrangian bound (of the full problem) are reported.

Plain solves and re-plans where nobody held two pairs stop after step 1 with a proven optimum:
the relaxation is then exact.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from rwassign import distance
from rwassign.solver.candidates import Arcs
from rwassign.solver.flow import solve_flow
from rwassign.solver.weights import SAFE_MAGNITUDE, Weights

#: Most flows of the multiplier search; the chord method usually needs three to six.
MAX_LAGRANGE_STEPS = 40


class Deadline:
    """The time limit of one solve, shared by every stage (flows, multiplier search, CP-SAT)."""

    def __init__(self, seconds: float):
        self.end = time.perf_counter() + seconds

    def left(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, self.end - time.perf_counter())

    def passed(self) -> bool:
        return self.left() <= 0.0


@dataclass(frozen=True, eq=False)
class StayWeights(Weights):
    """``Weights`` plus a per-member bonus on each kept pair: ``share[officer]`` (the relaxed
    stay level, with the multiplier folded in).  The flow calls ``arc_values`` on subsets of
    the arcs (pinned units removed), so the bonus is looked up by officer, not by position."""

    share: distance.IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def arc_values(self, arcs: Arcs) -> distance.IntArray:
        base = super().arc_values(arcs)
        if len(self.share) == 0 or len(arcs.unit) == 0:
            return base
        return base + arcs.kept.astype(np.int64) * self.share[arcs.officer]


@dataclass(frozen=True)
class Holders:
    """Members with at least one previous pair that is still legal, and how many each has."""

    officer: distance.IntArray  # instance officer index, ascending
    kept: distance.IntArray  # kept pairs of each
    n_officers: int

    @property
    def count(self) -> int:
        return len(self.officer)

    @property
    def all_single(self) -> bool:
        """Nobody holds two pairs: the relaxation is exact."""
        return bool((self.kept <= 1).all())

    @property
    def lcm(self) -> int:
        return int(np.lcm.reduce(self.kept)) if len(self.kept) else 1

    def shares(self, per_member: int) -> distance.IntArray:
        """Per instance officer: ``per_member / k`` for a holder of ``k`` pairs, else 0."""
        out = np.zeros(self.n_officers, dtype=np.int64)
        out[self.officer] = per_member // self.kept
        return out


def holders(arcs: Arcs, n_officers: int) -> Holders:
    off, counts = np.unique(arcs.officer[arcs.kept], return_counts=True)
    return Holders(off.astype(np.int64), counts.astype(np.int64), n_officers)


def count_moves(arcs: Arcs, chosen: distance.BoolArray) -> int:
    """Members who lost at least one previous pair that is still legal."""
    lost = arcs.kept & ~chosen
    return len(np.unique(arcs.officer[lost]))


def true_value(arcs: Arcs, w: Weights, chosen: distance.BoolArray) -> int:
    """The exact folded objective of a plan: pairs' values plus ``W_stay`` per member who kept
    every previous pair (``stays = H - moves``)."""
    base = int(Weights.arc_values(w, arcs)[chosen].sum())
    h = len(np.unique(arcs.officer[arcs.kept]))
    return base + w.stay * (h - count_moves(arcs, chosen))


@dataclass
class SideResult:
    """What the relaxation and the multiplier search established.

    ``best`` is the best plan found within the budget (None when none was), ``value`` its exact
    value, ``bound`` the least valid upper bound of the full problem, ``flows`` how many flows
    ran, ``lagrange`` the multiplier (per member who stays) of the least bound, ``first`` the
    relaxed flow's plan without a multiplier (its levels bound every plan's, coverage first)."""

    first: distance.BoolArray
    best: distance.BoolArray | None
    value: int | None
    bound: int
    flows: int = 0
    lagrange: int = 0
    bound_weights: Weights | None = None  # the relaxed values of the least bound's flow
    bound_plan: distance.BoolArray | None = None  # that flow's plan
    seconds: float = 0.0
    zero_move: distance.BoolArray | None = None

    @property
    def closed(self) -> bool:
        return self.value is not None and self.value >= self.bound

    def offer(self, chosen: distance.BoolArray, value: int) -> None:
        if self.value is None or value > self.value:
            self.best, self.value = chosen, value


def zero_move_plan(arcs: Arcs, cap: int) -> distance.BoolArray | None:
    """The previous plan's legal pairs with the pins, if that is itself a plan within the rules
    (no unit twice, nobody over the cap): the start of a search under a move budget."""
    pinned_units = np.unique(arcs.unit[arcs.pinned])
    chosen = arcs.pinned | (arcs.kept & ~np.isin(arcs.unit, pinned_units))
    units = arcs.unit[chosen]
    if len(np.unique(units)) < len(units):
        return None
    _, per_officer = np.unique(arcs.officer[chosen], return_counts=True)
    if len(per_officer) and int(per_officer.max()) > cap:
        return None
    return chosen


def lagrangian(
    arcs: Arcs,
    n_officers: int,
    n_units: int,
    cap: int,
    w: Weights,
    max_moves: int | None,
    deadline: Deadline,
) -> SideResult:
    """Steps 1 and 2 of the module docstring: the relaxed flow, and under a budget the search
    for the multiplier.  Checks the deadline between flows: each flow runs to its end."""
    t0 = time.perf_counter()
    hold = holders(arcs, n_officers)
    step = hold.lcm  # multipliers are multiples of every k, so each share is whole
    slack = hold.count - (max_moves if max_moves is not None else hold.count)
    flows = 0

    def run(mu: int) -> tuple[distance.BoolArray, int, int, StayWeights] | None:
        """The relaxed Lagrangian flow at multiplier ``mu * step``: (plan, relaxed value without
        the multiplier's part, relaxed stays x step), or None when the values leave int64."""
        nonlocal flows
        per_member = w.stay + mu * step
        lw = StayWeights(w.cov, w.res, w.keep, w.travel_unit, w.stay, hold.shares(per_member))
        top = int(np.abs(lw.arc_values(arcs)).max()) if len(arcs.unit) else 0
        if top * (n_officers + n_units + 2) >= 4 * SAFE_MAGNITUDE:
            return None
        flows += 1
        try:
            plan = solve_flow(arcs, n_officers, n_units, cap, lw)
        except RuntimeError:  # the flow's own cost-range check: the multiplier is too large
            return None
        kept_share = hold.shares(step)[arcs.officer] * arcs.kept
        s = int(kept_share[plan.chosen].sum())
        return plan.chosen, plan.value - mu * s, s, lw

    def bound_at(mu: int, g: int, s: int) -> int:
        return g + mu * (s - step * slack)

    first = run(0)
    assert first is not None  # the weights' own guard keeps the relaxed values inside int64
    x0, g0, s0, lw0 = first
    out = SideResult(x0, None, None, bound_at(0, g0, s0), bound_weights=lw0, bound_plan=x0)
    if max_moves is None or count_moves(arcs, x0) <= max_moves:
        out.offer(x0, true_value(arcs, w, x0))
    zero = zero_move_plan(arcs, cap)
    if max_moves is not None and zero is not None and count_moves(arcs, zero) <= max_moves:
        out.zero_move = zero
        out.offer(zero, true_value(arcs, w, zero))
    # the budget's line: slope (s - step * slack) is negative while too many members move
    if max_moves is None or out.closed or s0 - step * slack >= 0:
        out.flows, out.seconds = flows, time.perf_counter() - t0
        return out
    lo = (0, g0, s0)
    hi: tuple[int, int, int] | None = None
    mu = max(1, math.ceil(max(w.cov, 1) / step))
    while hi is None and not deadline.passed() and flows < MAX_LAGRANGE_STEPS:
        got = run(mu)
        if got is None:
            break
        x, g, s, lw = got
        if bound_at(mu, g, s) < out.bound:
            out.bound, out.bound_weights, out.bound_plan = bound_at(mu, g, s), lw, x
        if count_moves(arcs, x) <= max_moves:
            out.offer(x, true_value(arcs, w, x))
        if s - step * slack >= 0:
            hi = (mu, g, s)
            out.lagrange = mu * step
        else:
            lo = (mu, g, s)
            mu *= 4
    while hi is not None and hi[0] - lo[0] > 1 and not out.closed and not deadline.passed():
        if flows >= MAX_LAGRANGE_STEPS:
            break
        # where the two lines g + mu * (s - step * slack) meet
        num, den = lo[1] - hi[1], (hi[2] - lo[2])
        mu = num // den if den > 0 else (lo[0] + hi[0]) // 2
        if not lo[0] < mu < hi[0]:
            mu = (lo[0] + hi[0]) // 2
        predicted = max(bound_at(mu, lo[1], lo[2]), bound_at(mu, hi[1], hi[2]))
        got = run(mu)
        if got is None:
            break
        x, g, s, lw = got
        value = bound_at(mu, g, s)
        if value < out.bound:
            out.bound, out.lagrange = value, mu * step
            out.bound_weights, out.bound_plan = lw, x
        if count_moves(arcs, x) <= max_moves:
            out.offer(x, true_value(arcs, w, x))
        if value <= predicted and num // max(den, 1) == mu:
            break  # no plan beats both lines at their meeting point: the least bound is found
        if s - step * slack >= 0:
            hi = (mu, g, s)
        else:
            lo = (mu, g, s)
    out.flows, out.seconds = flows, time.perf_counter() - t0
    return out


#: Bellman-Ford rounds at most, per node of the network, before fixing is given up (it is an
#: optimisation: without it CP-SAT gets every pair).
_MAX_ROUNDS = 1


def fixed_out(
    arcs: Arcs, cap: int, side: SideResult, deadline: Deadline
) -> distance.BoolArray | None:
    """Reduced-cost fixing: pairs no plan better than the best one can contain.

    Potentials of the least bound's flow (shortest distances in its residual network, exact
    integers) give each pair not in that flow a reduced cost ``rc >= 0``; LP duality says every
    plan using the pair is worth at most ``bound - rc`` in the relaxed Lagrangian, and so in
    truth.  A pair with ``rc > bound - best`` cannot be in a better plan: CP-SAT leaves it out
    and stays exact over the full problem.  None when there is nothing to fix with (no plan
    yet) or the potentials did not settle in time.
    """
    if side.value is None or side.bound_weights is None or side.bound_plan is None:
        return None
    free = ~np.isin(arcs.unit, np.unique(arcs.unit[arcs.pinned]))
    sub = arcs.subset(free)
    chosen = side.bound_plan[free]
    cost = -side.bound_weights.arc_values(sub)
    used = np.zeros(int(arcs.officer.max()) + 1 if len(arcs.officer) else 0, dtype=np.int64)
    np.add.at(used, arcs.officer[arcs.pinned], 1)
    off_ids, off_node = np.unique(sub.officer, return_inverse=True)
    unit_ids, unit_node = np.unique(sub.unit, return_inverse=True)
    n_o, n_u = len(off_ids), len(unit_ids)
    src, sink = 0, 1 + n_o + n_u
    o_node, u_node = 1 + off_node, 1 + n_o + unit_node
    load = np.zeros(n_o, dtype=np.int64)
    np.add.at(load, off_node[chosen], 1)
    covered = np.zeros(n_u, dtype=np.bool_)
    covered[unit_node[chosen]] = True
    room = load < cap - used[off_ids]
    zero_o, zero_u = np.zeros(n_o, dtype=np.int64), np.zeros(n_u, dtype=np.int64)
    o_all, u_all = np.arange(1, 1 + n_o), np.arange(1 + n_o, 1 + n_o + n_u)
    tails = np.concatenate(
        [
            np.where(chosen, u_node, o_node),  # pair forward, or backward when taken
            np.full(int(room.sum()), src), o_all[load > 0],  # source -> officer and back
            u_all[~covered], np.full(int(covered.sum()), sink),  # unit -> sink and back
            [src, sink],  # the bypass both ways (it carries the uncovered units)
        ]
    )  # fmt: skip
    heads = np.concatenate(
        [
            np.where(chosen, o_node, u_node),
            o_all[room], np.full(int((load > 0).sum()), src),
            np.full(int((~covered).sum()), sink), u_all[covered],
            [sink, src],
        ]
    )  # fmt: skip
    costs = np.concatenate(
        [np.where(chosen, -cost, cost), zero_o[room], zero_o[load > 0], zero_u[~covered],
         zero_u[covered], [0, 0]]
    )  # fmt: skip
    order = np.argsort(heads, kind="stable")
    tails, heads, costs = tails[order], heads[order], costs[order]
    starts = np.flatnonzero(np.r_[True, heads[1:] != heads[:-1]])
    targets = heads[starts]
    inf = np.int64(2**62)
    dist = np.full(sink + 1, inf, dtype=np.int64)
    dist[src] = 0
    for _ in range(_MAX_ROUNDS * (sink + 1)):
        if deadline.passed():
            return None
        reach = np.minimum(dist[tails], inf) + costs
        best = np.minimum.reduceat(reach, starts)
        better = best < dist[targets]
        if not better.any():
            break
        dist[targets[better]] = best[better]
    else:
        return None
    if (dist >= inf).any():
        return None
    reduced = cost + dist[o_node] - dist[u_node]  # >= 0 for pairs the flow left out
    gap = side.bound - side.value
    out = ~free & ~arcs.pinned  # other pairs into pinned units: those units are taken
    out[np.nonzero(free)[0]] = ~chosen & (reduced > gap)
    return out
