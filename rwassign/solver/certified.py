"""Min-cost flows over a sparse set of pairs, certified optimal over every pair.

The advice (``rwassign.solver.training``) solves dozens of flows on one Polres; each over every
(officer, unit) pair would cost as much as a plan.  So each flow runs on a sparse set of pairs
and is then *certified*: node potentials of the residual network (Bellman-Ford from zero,
vectorised in integers, warm-started from the previous solve) price every pair left out; pairs
of negative reduced cost join the set (each unit's few most negative) and the flow is solved
again.  When none is left, the potentials prove the sparse optimum optimal over every pair
(the reduced-cost optimality condition of min-cost flow).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from rwassign import distance
from rwassign.solver.candidates import Arcs

IntArray = distance.IntArray
BoolArray = distance.BoolArray


#: Each unit's best pairs (by value) that start the sparse set, beside every residence pair.
START_PAIRS_PER_UNIT = 6
#: Pairs priced below zero that join the sparse set per unit and round.
ADDED_PAIRS_PER_UNIT = 4


@dataclass(frozen=True)
class Network:
    """A flow network over officer and unit nodes plus fixed arcs (source, gate, sink).

    Nodes: 0 source, 1 gate, 2 sink, then one per officer of ``arcs`` (compact, canonical order)
    and one per unit of the instance.  ``pair_tail``/``pair_head`` are the node of each arc of
    ``arcs``; every pair arc has capacity 1.
    """

    n_nodes: int
    officer_node: dict[int, int]  # instance officer index -> node
    unit_base: int  # node of unit position 0
    pair_tail: IntArray
    pair_head: IntArray


def network(arcs: Arcs, n_units: int) -> Network:
    """The node numbering of ``arcs`` (officers in canonical order, then all units)."""
    order = np.unique(arcs.officer_rank, return_index=True)[1]
    officers = arcs.officer[order].tolist()
    officer_node = {int(o): 3 + i for i, o in enumerate(officers)}
    unit_base = 3 + len(officers)
    lookup = np.zeros(int(arcs.officer.max(initial=0)) + 1, dtype=np.int64)
    lookup[np.asarray(officers, dtype=np.int64)] = np.arange(3, 3 + len(officers))
    tail = lookup[arcs.officer]
    return Network(unit_base + n_units, officer_node, unit_base, tail, arcs.unit + unit_base)


@dataclass(frozen=True)
class FixedArcs:
    """Arcs other than the pairs: (tail, head, capacity, unit cost) each."""

    tail: IntArray
    head: IntArray
    cap: IntArray
    cost: IntArray


def fixed_arcs(rows: Sequence[tuple[int, int, int, int]]) -> FixedArcs:
    a = np.asarray(rows, dtype=np.int64).reshape(-1, 4)
    return FixedArcs(a[:, 0], a[:, 1], a[:, 2], a[:, 3])


@dataclass(frozen=True)
class FlowResult:
    """Which pairs carry flow, the flow on each fixed arc and the total cost (minimised)."""

    chosen: BoolArray
    fixed_flow: IntArray
    cost: int
    rounds: int


class CertifiedFlow:
    """Min-cost flows over a growing sparse set of pairs, each certified optimal over all pairs.

    ``pair_cost`` is the cost of every pair (one array for all solves of one question); the
    sparse set grows across solves, so later rows start from the pairs earlier rows needed.
    """

    def __init__(self, net: Network, pair_cost: IntArray, start: BoolArray):
        self.net = net
        self.pair_cost = pair_cost
        self.active = start.copy()
        self.potential = np.zeros(net.n_nodes, dtype=np.int64)

    def solve(self, fixed: FixedArcs, source_supply: int) -> FlowResult:
        """Optimum with ``source_supply`` units leaving node 0 and arriving at node 2."""
        rounds = 0
        while True:
            rounds += 1
            sel = np.nonzero(self.active)[0]
            f = min_cost_flow.SimpleMinCostFlow()
            f.add_arcs_with_capacity_and_unit_cost(
                fixed.tail.astype(np.int32), fixed.head.astype(np.int32), fixed.cap, fixed.cost
            )
            pair_ids = f.add_arcs_with_capacity_and_unit_cost(
                self.net.pair_tail[sel].astype(np.int32),
                self.net.pair_head[sel].astype(np.int32),
                np.ones(len(sel), dtype=np.int64),
                self.pair_cost[sel],
            )
            # make sure every node exists even when no arc touches it
            f.set_node_supply(self.net.n_nodes - 1, 0)
            f.set_node_supply(0, source_supply)
            f.set_node_supply(2, -source_supply)
            status = f.solve()
            if status != f.OPTIMAL:
                raise RuntimeError(f"min-cost flow failed with status {status}")
            n_fixed = len(fixed.tail)
            fixed_flow = np.asarray(f.flows(np.arange(n_fixed)), dtype=np.int64)
            pair_flow = np.asarray(f.flows(pair_ids), dtype=np.int64)
            if self._certify(fixed, fixed_flow, sel, pair_flow):
                chosen = np.zeros(len(self.pair_cost), dtype=np.bool_)
                chosen[sel[pair_flow > 0]] = True
                return FlowResult(chosen, fixed_flow, int(f.optimal_cost()), rounds)

    def _certify(
        self, fixed: FixedArcs, fixed_flow: IntArray, sel: IntArray, pair_flow: IntArray
    ) -> bool:
        """Potentials of the residual network; True when no pair outside the set prices below
        zero (the flow is optimal over every pair), else those pairs join the set."""
        pt, ph, pc = self.net.pair_tail[sel], self.net.pair_head[sel], self.pair_cost[sel]
        fwd_f = fixed_flow < fixed.cap
        bwd_f = fixed_flow > 0
        fwd_p = pair_flow < 1
        bwd_p = pair_flow > 0
        tail = np.concatenate([fixed.tail[fwd_f], fixed.head[bwd_f], pt[fwd_p], ph[bwd_p]])
        head = np.concatenate([fixed.head[fwd_f], fixed.tail[bwd_f], ph[fwd_p], pt[bwd_p]])
        cost = np.concatenate([fixed.cost[fwd_f], -fixed.cost[bwd_f], pc[fwd_p], -pc[bwd_p]])
        d = np.minimum(self.potential - self.potential.max(), 0)
        for _ in range(self.net.n_nodes + 1):
            new = d.copy()
            np.minimum.at(new, head, d[tail] + cost)
            if np.array_equal(new, d):
                break
            d = new
        else:  # a negative cycle: the flow was not optimal on its own set (cannot happen)
            raise RuntimeError("residual network has a negative cycle")
        self.potential = d
        reduced = self.pair_cost + d[self.net.pair_tail] - d[self.net.pair_head]
        missing = (reduced < 0) & ~self.active
        if not missing.any():
            return True
        # Only each unit's few most negative pairs join: adding every priced-out pair at once
        # made the set (and each flow) nearly as large as the full network.
        idx = np.nonzero(missing)[0]
        order = idx[np.lexsort((reduced[idx], self.net.pair_head[idx]))]
        heads = self.net.pair_head[order]
        rank = np.arange(len(order)) - np.searchsorted(heads, heads, side="left")
        self.active[order[rank < ADDED_PAIRS_PER_UNIT]] = True
        return False


def start_pairs(arcs: Arcs, values: IntArray, extra: BoolArray | None = None) -> BoolArray:
    """Each unit's ``START_PAIRS_PER_UNIT`` best pairs and every residence pair."""
    order = np.lexsort((-values, arcs.unit))
    unit_sorted = arcs.unit[order]
    first = np.searchsorted(unit_sorted, unit_sorted, side="left")
    rank_in_unit = np.arange(len(order)) - first
    start = np.zeros(len(values), dtype=np.bool_)
    start[order[rank_in_unit < START_PAIRS_PER_UNIT]] = True
    start |= arcs.resident
    if extra is not None:
        start |= extra
    return start
