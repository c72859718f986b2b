"""The exact optimum by min-cost flow (OR-Tools ``SimpleMinCostFlow``).

Each unit takes at most one officer and each officer at most ``max_units_per_officer`` units:
a b-matching.  Network matrices are totally unimodular, so the flow optimum over every allowed
pair is the optimum of the integer problem, and its value a proven bound for CP-SAT.  A move
budget is not a flow constraint; CP-SAT handles it (``rwassign.solver.cpsat``).

OR-Tools' flow cannot start from a previous solution.  When the pricing loop
(``rwassign.solver.pricing``) solves again after adding pairs, it passes the last round's dual
prices (``Warm``), and the flow runs on the part of the problem an optimum can still change:

* with prices ``p_u, q_o >= 0`` complementary to the previous plan ``x0`` (an officer with
  ``q_o > 0`` is full, a unit with ``p_u > 0`` covered, a pair in use has reduced cost
  ``r = p_u + q_o - v = 0``), every plan ``x`` has ``value(x) = value(x0) - sum r x - S(x)``,
  where ``S(x) = sum_u p_u (1 - load_u) + sum_o q_o (cap_o - load_o) >= 0``;
* an optimum ``x*`` is worth at least ``value(x0)``, so ``sum_{r>0} r x* + S(x*) <= N``, the sum
  of ``-r`` over the pairs with ``r < 0`` (the new ones);
* so in every optimum no pair with ``r > N`` is used, every unit with ``p_u > N`` is covered
  and every officer with ``q_o > N`` is full.  Those pairs leave, those units and officers
  become fixed demands and supplies, and the remaining costs are the reduced costs, all within
  ``[-N, N]``: fewer arcs and a far smaller cost range for the flow's cost scaling, with the
  same optimal plans.  The loop's next pricing round re-proves the plan on every pair.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from rwassign import distance
from rwassign.solver import ids
from rwassign.solver.candidates import Arcs
from rwassign.solver.weights import SAFE_MAGNITUDE, Weights


@dataclass(frozen=True)
class FlowPlan:
    """The flow's plan: which arcs it takes, its folded value and how long it took."""

    chosen: distance.BoolArray  # per arc
    value: int
    seconds: float


@dataclass(frozen=True)
class Warm:
    """Dual prices of an optimal plan on a subset of the arcs, complementary to it (see the
    module docstring): per unit by ``Arcs.unit_rank``, per officer by ``Arcs.officer_rank``."""

    unit: distance.IntArray
    officer: distance.IntArray


def solve_flow(
    arcs: Arcs, n_officers: int, n_units: int, cap: int, w: Weights, warm: Warm | None = None
) -> FlowPlan:
    """Exact optimum of the assignment by min-cost flow over all arcs.

    Nodes: source, one per officer, one per unit, sink; a zero-cost source-to-sink bypass lets
    units stay uncovered.  Costs are the negated arc values.  Pinned pairs are taken out first:
    their units leave the network and their officers' capacity shrinks, which is exact.  With
    ``warm`` (prices of the free part's previous optimum) only what an optimum can change is
    solved; the optimum is the same.
    """
    t0 = time.perf_counter()
    if arcs.pinned.any():
        pinned_units = np.unique(arcs.unit[arcs.pinned])
        free = ~np.isin(arcs.unit, pinned_units)
        used = np.zeros(n_officers, dtype=np.int64)
        np.add.at(used, arcs.officer[arcs.pinned], 1)
        sub = arcs.subset(free)
        caps = cap - used[sub.officer]
        inner = _flow(sub, caps, w, warm)
        chosen = arcs.pinned.copy()
        chosen[np.nonzero(free)[0]] = inner
        value = int(w.arc_values(arcs)[chosen].sum())
        return FlowPlan(chosen, value, time.perf_counter() - t0)
    chosen = _flow(arcs, np.full(len(arcs.unit), cap, dtype=np.int64), w, warm)
    return FlowPlan(chosen, int(w.arc_values(arcs)[chosen].sum()), time.perf_counter() - t0)


def _flow(
    arcs: Arcs, caps: distance.IntArray, w: Weights, warm: Warm | None = None
) -> distance.BoolArray:
    """Min-cost flow over ``arcs``; ``caps`` is each arc's officer capacity (same per officer)."""
    n_arcs = len(arcs.unit)
    if n_arcs == 0:
        return np.zeros(0, dtype=np.bool_)
    # Nodes are numbered in canonical order (officers by NRP, units by uid), never by roster
    # position, so that ties between equal plans are broken the same way whatever the row order.
    off_ids, off_node = ids.compact(arcs.officer_rank)
    unit_ids, unit_node = ids.compact(arcs.unit_rank)
    n_o, n_u = len(off_ids), len(unit_ids)
    off_cap = np.zeros(n_o, dtype=np.int64)
    off_cap[off_node] = caps
    values = w.arc_values(arcs)
    if warm is not None:
        reduced = warm.unit[arcs.unit_rank] + warm.officer[arcs.officer_rank] - values
        slack = _slack(reduced, n_o + n_u + 2, int(values.max()))
        if slack is not None:
            return _restricted(
                off_node, unit_node, np.maximum(off_cap, 0), reduced, slack,
                warm.officer[off_ids], warm.unit[unit_ids],
            )  # fmt: skip
    src, sink = 0, 1 + n_o + n_u
    f = min_cost_flow.SimpleMinCostFlow()
    f.add_arcs_with_capacity_and_unit_cost(
        np.zeros(n_o, dtype=np.int32),
        np.arange(1, 1 + n_o, dtype=np.int32),
        np.maximum(off_cap, 0),
        np.zeros(n_o, dtype=np.int64),
    )
    pair_ids = f.add_arcs_with_capacity_and_unit_cost(
        (1 + off_node).astype(np.int32),
        (1 + n_o + unit_node).astype(np.int32),
        np.ones(n_arcs, dtype=np.int64),
        -values,
    )
    f.add_arcs_with_capacity_and_unit_cost(
        np.arange(1 + n_o, 1 + n_o + n_u, dtype=np.int32),
        np.full(n_u, sink, dtype=np.int32),
        np.ones(n_u, dtype=np.int64),
        np.zeros(n_u, dtype=np.int64),
    )
    f.add_arc_with_capacity_and_unit_cost(src, sink, n_u, 0)
    f.set_node_supply(src, n_u)
    f.set_node_supply(sink, -n_u)
    status = f.solve()
    if status != f.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    return np.asarray(f.flows(pair_ids) > 0)


def _slack(reduced: distance.IntArray, n_nodes: int, top_value: int) -> int | None:
    """``N``, the sum of ``-r`` over the pairs with ``r < 0``, or ``None`` when restricting
    would not pay (``N`` as large as a pair's value: coverage itself can change) or the flow's
    cost scaling could overflow with costs up to ``N``."""
    gains = -reduced[reduced < 0]
    if float(gains.sum(dtype=np.float64)) * n_nodes >= SAFE_MAGNITUDE / 2:
        return None
    slack = int(gains.sum())
    return slack if slack < top_value else None


def _restricted(
    off_node: distance.IntArray,
    unit_node: distance.IntArray,
    off_cap: distance.IntArray,
    reduced: distance.IntArray,
    slack: int,
    off_price: distance.IntArray,
    unit_price: distance.IntArray,
) -> distance.BoolArray:
    """The flow on what an optimum can change (module docstring), costs the reduced costs.

    Pairs with ``r > slack`` leave; an officer priced above ``slack`` is full in every optimum
    (its capacity becomes its supply, no source arc), a unit priced above it is covered (a
    demand of 1, no sink arc).  The other source and sink arcs cost ``-q_o`` and ``-p_u``, so a
    plan's cost is its value negated up to a constant.
    """
    n_o, n_u = len(off_price), len(unit_price)
    src, sink = 0, 1 + n_o + n_u
    keep = np.nonzero(reduced <= slack)[0]
    full = off_price > slack
    covered = unit_price > slack
    free_off = np.nonzero(~full)[0]
    free_unit = np.nonzero(~covered)[0]
    fixed_supply = int(off_cap[full].sum())
    f = min_cost_flow.SimpleMinCostFlow()
    f.add_arcs_with_capacity_and_unit_cost(
        np.zeros(len(free_off), dtype=np.int32),
        (1 + free_off).astype(np.int32),
        off_cap[free_off],
        -off_price[free_off],
    )
    pair_ids = f.add_arcs_with_capacity_and_unit_cost(
        (1 + off_node[keep]).astype(np.int32),
        (1 + n_o + unit_node[keep]).astype(np.int32),
        np.ones(len(keep), dtype=np.int64),
        reduced[keep],
    )
    f.add_arcs_with_capacity_and_unit_cost(
        (1 + n_o + free_unit).astype(np.int32),
        np.full(len(free_unit), sink, dtype=np.int32),
        np.ones(len(free_unit), dtype=np.int64),
        -unit_price[free_unit],
    )
    f.add_arc_with_capacity_and_unit_cost(src, sink, n_u, 0)
    full_nodes, covered_nodes = np.nonzero(full)[0], np.nonzero(covered)[0]
    f.set_nodes_supplies(
        np.concatenate([[src, sink], 1 + full_nodes, 1 + n_o + covered_nodes]).astype(np.int32),
        np.concatenate(
            [[n_u - fixed_supply, -len(free_unit)], off_cap[full_nodes],
             np.full(len(covered_nodes), -1)]
        ).astype(np.int64),
    )  # fmt: skip
    status = f.solve()
    if status != f.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    chosen = np.zeros(len(reduced), dtype=np.bool_)
    chosen[keep] = np.asarray(f.flows(pair_ids) > 0)
    return chosen
