"""The exact optimum by min-cost flow (OR-Tools ``SimpleMinCostFlow``).

Each unit takes at most one officer and each officer at most ``max_units_per_officer`` units:
a b-matching.  Network matrices are totally unimodular, so the flow optimum over every allowed
pair is the optimum of the integer problem, and its value a proven bound for CP-SAT.  A move
budget is not a flow constraint; CP-SAT handles it (``rwassign.solver.cpsat``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from rwassign import distance
from rwassign.solver.candidates import Arcs
from rwassign.solver.weights import Weights


@dataclass(frozen=True)
class FlowPlan:
    """The flow's plan: which arcs it takes, its folded value and how long it took."""

    chosen: distance.BoolArray  # per arc
    value: int
    seconds: float


def solve_flow(arcs: Arcs, n_officers: int, n_units: int, cap: int, w: Weights) -> FlowPlan:
    """Exact optimum of the assignment by min-cost flow over all arcs.

    Nodes: source, one per officer, one per unit, sink; a zero-cost source-to-sink bypass lets
    units stay uncovered.  Costs are the negated arc values.  Pinned pairs are taken out first:
    their units leave the network and their officers' capacity shrinks, which is exact.
    """
    t0 = time.perf_counter()
    if arcs.pinned.any():
        pinned_units = np.unique(arcs.unit[arcs.pinned])
        free = ~np.isin(arcs.unit, pinned_units)
        used = np.zeros(n_officers, dtype=np.int64)
        np.add.at(used, arcs.officer[arcs.pinned], 1)
        sub = arcs.subset(free)
        caps = cap - used[sub.officer]
        inner = _flow(sub, caps, w)
        chosen = arcs.pinned.copy()
        chosen[np.nonzero(free)[0]] = inner
        value = int(w.arc_values(arcs)[chosen].sum())
        return FlowPlan(chosen, value, time.perf_counter() - t0)
    chosen = _flow(arcs, np.full(len(arcs.unit), cap, dtype=np.int64), w)
    return FlowPlan(chosen, int(w.arc_values(arcs)[chosen].sum()), time.perf_counter() - t0)


def _flow(arcs: Arcs, caps: distance.IntArray, w: Weights) -> distance.BoolArray:
    """Min-cost flow over ``arcs``; ``caps`` is each arc's officer capacity (same per officer)."""
    n_arcs = len(arcs.unit)
    if n_arcs == 0:
        return np.zeros(0, dtype=np.bool_)
    # Nodes are numbered in canonical order (officers by NRP, units by uid), never by roster
    # position, so that ties between equal plans are broken the same way whatever the row order.
    off_ids, off_node = np.unique(arcs.officer_rank, return_inverse=True)
    unit_ids, unit_node = np.unique(arcs.unit_rank, return_inverse=True)
    n_o, n_u = len(off_ids), len(unit_ids)
    src, sink = 0, 1 + n_o + n_u
    off_cap = np.zeros(n_o, dtype=np.int64)
    off_cap[off_node] = caps
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
        -w.arc_values(arcs),
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
