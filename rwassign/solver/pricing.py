"""The exact optimum over every allowed pair, found on a few of them and proven on all.

The min-cost flow runs on a candidate set (``candidates.build_candidates``).  Its optimum is
optimal for the candidates; to know whether it is optimal for every pair, the LP dual of the
b-matching is derived from the flow (OR-Tools' ``SimpleMinCostFlow`` returns no duals):

* node potentials ``d`` on the residual graph (a root standing for both source and sink, since
  a unit may stay uncovered at no cost), found by Bellman-Ford in exact int64, vectorised with
  numpy and started from zero everywhere, so every node has one;
* officer prices ``q_o = max(0, d_o)`` and unit prices ``p_u = v(holder, u) - q_holder`` for a
  covered unit, 0 for an open one.  The residual arcs' conditions make these non-negative, dual
  feasible on every candidate pair and tight on the plan, so ``sum p + sum cap * q`` equals the
  plan's value (``rwassign.certificate``).

Then every allowed pair is *priced* in blocks of officer rows (``distance.pair_blocks``): a
pair with ``v(o, u) > p_u + q_o`` could improve the plan and joins the candidates (at most
``ADD_PER_OFFICER`` per officer per round, the most promising first), and the flow is solved
again, on what these prices leave open (``flow.Warm``: the same optimum, a smaller problem).
When a full pass finds none, the prices are dual feasible on every allowed pair and the
plan is the optimum of the whole problem: the certificate says so, and ``rwassign.checker``
re-checks it over every pair on its own.  Memory grows with the candidates, never with members
x units.

Where the deadline passes first, the last flow plan is feasible (every candidate is an allowed
pair) but not proven; the certificate then carries a valid upper bound of the full problem.

Long because the flow's duals, the pricing pass and the loop between them are one proof: the
prices are only meaningful with the pass that checks them, and apart each would re-derive the
other's conventions (rows, columns, pinned units, residual capacities).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from rwassign import distance
from rwassign.certificate import Certificate
from rwassign.distance import EARTH_RADIUS_M
from rwassign.solver import ids
from rwassign.solver.candidates import Arcs, PairSpace
from rwassign.solver.flow import FlowPlan, Warm, solve_flow
from rwassign.solver.weights import Weights

#: Pairs one pricing round may add per officer (the most improving ones) and per unit (its
#: nearest improving officers); more are found by the next round.  With coverage first, the
#: improving pairs gather on the few officers whose price is lowest, and giving each of them
#: many options at once saves rounds (measured on 5,000 units: 4-5 rounds instead of 9-22).
ADD_PER_OFFICER = 256
ADD_PER_UNIT = 4


@dataclass(frozen=True)
class Prices:
    """Dual prices in the pair space's order: per column (unit by uid), per row (officer)."""

    unit: distance.IntArray
    officer: distance.IntArray
    dual: int  # sum p + sum residual cap * q over the free part of the problem


@dataclass(frozen=True)
class Priced:
    """What pricing returns: the final candidates, the flow plan on them and its certificate."""

    arcs: Arcs
    flow: FlowPlan
    certificate: Certificate
    seconds: float


@dataclass(frozen=True)
class Below:
    """Allowed pairs whose reduced cost ``p_u + q_o - v`` is below a threshold (``pairs_below``),
    as pair-space rows and columns, with their travel, flags, value and reduced cost."""

    rows: distance.IntArray
    cols: distance.IntArray
    travel: distance.IntArray
    resident: distance.BoolArray
    coords: distance.BoolArray
    value: distance.IntArray
    reduced: distance.IntArray
    max_excess: distance.IntArray  # per row: max(0, v - p - q) over all its allowed pairs
    finished: bool  # false when the deadline stopped the pass


def residual_caps(space: PairSpace, cap: int) -> distance.IntArray:
    """Each row's capacity once its pinned units are taken: ``cap`` less its pins."""
    caps = np.full(space.n_rows, cap, dtype=np.int64)
    np.subtract.at(caps, space.pinned_keys // max(1, space.n_cols), 1)
    return caps


def pinned_columns(space: PairSpace) -> distance.BoolArray:
    """Columns (units) taken by a pin: they leave the problem."""
    out = np.zeros(space.n_cols, dtype=np.bool_)
    out[space.pinned_keys % max(1, space.n_cols)] = True
    return out


def value_ceiling(space: PairSpace, w: Weights) -> int:
    """No pair is worth more: the price of an officer with no capacity left (it costs the dual
    nothing and makes every one of their pairs dual feasible)."""
    top = int(space.col_weight.max()) if space.n_cols else 0
    return w.cov * top + w.keep + w.res


def potentials(
    arcs: Arcs, chosen: distance.BoolArray, caps: distance.IntArray, values: distance.IntArray
) -> tuple[distance.IntArray, distance.IntArray]:
    """Node potentials of the flow's residual graph: (per row, per column) in exact int64.

    ``arcs`` are the free pairs (pinned units removed) of officers with capacity left,
    ``chosen`` the flow's pairs among them, ``caps`` the capacity per row of the pair space,
    ``values`` the pair values.  Root 0 stands for source and sink.  Residual arcs: root ->
    officer with room, officer with flow -> root, open unit -> root, root -> covered unit, and
    each pair officer -> unit at cost ``-v`` when unused, unit -> officer at ``+v`` when used.
    Bellman-Ford from zero everywhere, relaxing only arcs out of nodes that changed; the flow is
    optimal, so there is no negative cycle and it ends.  Returns the distances shifted so the
    root's is 0.
    """
    n_rows, n_cols = len(caps), int(arcs.unit_rank.max()) + 1 if len(arcs.unit) else 0
    root, first_unit = 0, 1 + n_rows
    o_node = 1 + arcs.officer_rank
    u_node = first_unit + arcs.unit_rank
    flow_per_row = np.bincount(arcs.officer_rank[chosen], minlength=n_rows)
    covered = np.zeros(n_cols, dtype=np.bool_)
    covered[arcs.unit_rank[chosen]] = True
    present_rows = ids.present(arcs.officer_rank)
    present_cols = ids.present(arcs.unit_rank)
    room = present_rows[flow_per_row[present_rows] < caps[present_rows]]
    busy = present_rows[flow_per_row[present_rows] > 0]
    open_cols = present_cols[~covered[present_cols]]
    cov_cols = present_cols[covered[present_cols]]
    src = np.concatenate(
        [
            np.full(len(room), root),
            1 + busy,
            first_unit + open_cols,
            np.full(len(cov_cols), root),
            np.where(chosen, u_node, o_node),
        ]
    ).astype(np.int64)
    dst = np.concatenate(
        [
            1 + room,
            np.full(len(busy), root),
            np.full(len(open_cols), root),
            first_unit + cov_cols,
            np.where(chosen, o_node, u_node),
        ]
    ).astype(np.int64)
    cost = np.concatenate(
        [np.zeros(len(room) + len(busy) + len(open_cols) + len(cov_cols), np.int64),
         np.where(chosen, values, -values)]
    )  # fmt: skip
    n_nodes = first_unit + n_cols
    unreached = np.iinfo(np.int64).max // 2
    d = np.full(n_nodes, unreached, dtype=np.int64)
    d[root] = 0
    active = np.zeros(n_nodes, dtype=np.bool_)
    active[root] = True
    for _ in range(n_nodes + 1):
        live = active[src]
        s, t, c = src[live], dst[live], cost[live]
        cand = d[s] + c
        better = cand < d[t]
        if not better.any():
            break
        t, cand = t[better], cand[better]
        new = d.copy()
        np.minimum.at(new, t, cand)
        active = new < d
        d = new
    else:  # pragma: no cover - a negative cycle means the flow was not optimal
        raise RuntimeError("negative cycle in the residual graph: the flow is not optimal")
    # nodes without arcs (officers or units the candidates do not reach) take 0
    d[d >= unreached] = 0
    return d[1:first_unit], d[first_unit:]


def prices(space: PairSpace, arcs: Arcs, flow: FlowPlan, w: Weights, cap: int) -> Prices:
    """Dual prices proving the flow plan optimal on ``arcs`` (see the module docstring)."""
    caps = residual_caps(space, cap)
    pinned_cols = pinned_columns(space)
    values = w.arc_values(arcs)
    free = ~pinned_cols[arcs.unit_rank] & (caps[arcs.officer_rank] > 0)
    p, q = duals(
        arcs.subset(free), flow.chosen[free], caps, values[free], space.n_cols,
        value_ceiling(space, w),
    )  # fmt: skip
    dual = int(p.sum()) + int((np.maximum(caps, 0) * q).sum())
    return Prices(p, q, dual)


def duals(
    arcs: Arcs,
    chosen: distance.BoolArray,
    caps: distance.IntArray,
    values: distance.IntArray,
    n_cols: int,
    ceiling: int,
) -> tuple[distance.IntArray, distance.IntArray]:
    """Unit and officer prices ``(p, q)`` of an optimal plan ``chosen`` on the free ``arcs``
    (``potentials``' arguments): non-negative, tight on the plan, ``q`` positive only for a
    full officer (``ceiling`` for one without capacity), ``p`` only for a covered unit."""
    d_row, _d_col = potentials(arcs, chosen, caps, values)
    q = np.maximum(d_row, 0)
    q[caps <= 0] = ceiling
    p = np.zeros(n_cols, dtype=np.int64)
    held = np.nonzero(chosen)[0]
    p[arcs.unit_rank[held]] = values[held] - q[arcs.officer_rank[held]]
    return p, q


def pairs_below(
    space: PairSpace,
    w: Weights,
    unit_price: distance.IntArray,
    officer_price: distance.IntArray,
    threshold: int = 0,
    *,
    per_row: int | None = None,
    per_col: int | None = None,
    deadline: float | None = None,
) -> Below:
    """Every allowed pair with reduced cost ``p_u + q_o - v(o, u) < threshold``; pinned units
    (their columns) are never returned.

    ``unit_price`` is per column (unit by uid) and ``officer_price`` per row (officer by NRP) of
    ``space``.  With ``threshold = 0`` these are the pairs that break dual feasibility (pricing);
    with prices from a Lagrangian or other dual and a positive threshold, the pairs that may be
    in a plan within ``threshold`` of that bound (reduced-cost fixing).  ``per_row`` and
    ``per_col`` keep only each row's and each column's lowest reduced costs (a pair is returned
    when either keeps it; both ``None``: every pair below the threshold).  ``max_excess`` is
    exact over every pair for ``threshold >= 0``, whatever is kept.  ``deadline`` (a
    ``time.monotonic()`` value) stops between blocks; ``finished`` says whether every pair was
    priced.

    Every pair is priced, most without a distance: a pair that is neither resident nor kept is
    worth at most ``cov * weight`` less its travel, so where ``cov * weight - p_u - q_o +
    threshold <= 0`` it cannot qualify at any travel, and where the latitude difference alone
    (a lower bound of the great-circle distance) already costs that much, neither.  Only the
    rest get their exact distance (``distance.pair_travel``), in blocks of officer rows.
    """
    n_rows, n_cols = space.n_rows, space.n_cols
    e_i, e_b = np.zeros(0, np.int64), np.zeros(0, np.bool_)
    max_excess = np.zeros(n_rows, dtype=np.int64)
    if n_rows == 0 or n_cols == 0:
        return Below(e_i, e_i, e_i, e_b, e_b, e_i, e_i, max_excess, True)
    pinned_cols = pinned_columns(space)
    never = np.iinfo(np.int64).min // 4
    head = np.where(pinned_cols, never, space.col_weight * w.cov - unit_price)
    margin = max(threshold, 0)
    tu = w.travel_unit
    lat_o = np.radians(space.geo.off_lat[space.offs])
    lat_u = np.radians(space.geo.unit_lat[space.uorder])
    # resident and kept pairs are worth more than ``head``: priced exactly, apart
    col_of_unit = np.empty(len(space.geo.unit_lat), dtype=np.int64)
    col_of_unit[space.uorder] = np.arange(n_cols)
    homes = space.geo.off_home_unit[space.offs]
    res_rows = np.nonzero(homes >= 0)[0]
    home_col = np.full(n_rows, -1, dtype=np.int64)  # each row's residence column, or -1
    home_col[res_rows] = col_of_unit[homes[res_rows]]
    special = np.union1d(res_rows * n_cols + home_col[res_rows], space.kept_keys)

    def keep_hits(part: tuple[distance.IntArray, ...]) -> None:
        """Fold a part's excess into ``max_excess``; keep only its pairs below the threshold
        that the row and column limits may keep (a global top is within the blocks' tops)."""
        np.maximum.at(max_excess, part[0], -part[6])
        hit = part[6] < threshold
        parts.append(_select(tuple(x[hit] for x in part), per_row, per_col))

    parts: list[tuple[distance.IntArray, ...]] = []
    keep_hits(
        _price_pairs(
            space, w, unit_price, officer_price, special // n_cols, special % n_cols, pinned_cols
        )
    )
    step = max(1, distance.BLOCK_PAIRS // n_cols)

    def block(start: int) -> tuple[distance.IntArray, ...]:
        """The pairs of a block of rows, priced (numpy alone: blocks run side by side)."""
        stop = min(n_rows, start + step)
        slack = head[None, :] - officer_price[start:stop, None] + margin
        r, c = np.nonzero(slack > 0)
        r += start
        room = slack[r - start, c]
        lower_m = EARTH_RADIUS_M * np.abs(lat_u[c] - lat_o[r]) - 2.0
        keep = ~(lower_m >= room.astype(np.float64) * tu)  # NaN (no point) is kept
        r, c = r[keep], c[keep]
        plain = home_col[r] != c  # not in ``special``, a row's residence checked directly
        if len(space.kept_keys):
            plain &= ~np.isin(r * n_cols + c, space.kept_keys)
        return _price_pairs(space, w, unit_price, officer_price, r[plain], c[plain], pinned_cols)

    def late() -> bool:
        return deadline is not None and time.monotonic() > deadline

    starts = range(0, n_rows, step)
    done = 0
    for part in distance.in_order(block, starts, late):  # in order: the same parts either way
        keep_hits(part)
        done += 1
    finished = done == len(starts)
    rows, cols, travel, resident, coords, value, reduced = _select(
        tuple(np.concatenate([p[k] for p in parts]) for k in range(7)), per_row, per_col
    )
    return Below(
        rows, cols, travel, resident.astype(np.bool_), coords.astype(np.bool_), value, reduced,
        max_excess, finished,
    )  # fmt: skip


def _select(
    part: tuple[distance.IntArray, ...], per_row: int | None, per_col: int | None
) -> tuple[distance.IntArray, ...]:
    """Per row the ``per_row`` most improving pairs, per column the ``per_col`` nearest
    improving officers (an open unit is best reached by a chain of short moves, not by the
    cheapest officer anywhere, whom every other unit would pick as well); a pair stays when
    either keeps it.  Both ``None``: every pair."""
    if per_row is None and per_col is None:
        return part
    rows, cols, travel, reduced = part[0], part[1], part[2], part[6]
    pick = np.zeros(len(rows), dtype=np.bool_)
    for group, limit, score in ((rows, per_row, reduced), (cols, per_col, travel)):
        if limit is not None:
            order = np.lexsort((cols, rows, score, group))
            g = group[order]
            first = np.searchsorted(g, g, side="left")
            pick[order[np.arange(len(g)) - first < limit]] = True
    return tuple(x[pick] for x in part)


def _price_pairs(
    space: PairSpace,
    w: Weights,
    unit_price: distance.IntArray,
    officer_price: distance.IntArray,
    rows: distance.IntArray,
    cols: distance.IntArray,
    pinned_cols: distance.BoolArray,
) -> tuple[distance.IntArray, ...]:
    """The allowed, unpinned pairs among ``rows``/``cols`` with travel, flags, value and reduced
    cost (every pair, whatever its reduced cost)."""
    rows, cols = rows.astype(np.int64), cols.astype(np.int64)
    travel, coords = distance.pair_travel(
        space.geo, space.offs[rows], space.uorder[cols], space.settings
    )
    resident = space.geo.off_home_unit[space.offs[rows]] == space.uorder[cols]
    travel = np.where(resident, 0, travel)
    limit = space.settings.max_travel_km
    allowed = resident | (travel <= round(limit * 1000)) if limit is not None else resident | True
    ok = allowed & ~pinned_cols[cols]
    rows, cols, travel, resident, coords = rows[ok], cols[ok], travel[ok], resident[ok], coords[ok]
    kept = np.isin(rows * space.n_cols + cols, space.kept_keys)
    value = w.values(space.col_weight[cols], kept, resident, travel)
    reduced = unit_price[cols] + officer_price[rows] - value
    return rows, cols, travel, resident, coords, value, reduced


def solve_priced(
    space: PairSpace,
    arcs: Arcs,
    w: Weights,
    cap: int,
    n_officers: int,
    n_units: int,
    deadline: float | None = None,
) -> Priced:
    """Flow on the candidates, price every pair, add the improving ones, repeat until none.

    Returns the last candidates, the flow plan on them and its certificate.  Exact: when
    ``certificate.proven``, the plan is optimal over every allowed pair.  Without a deadline it
    always finishes (each round adds pairs that are not yet candidates; there are finitely many).
    """
    t0 = time.perf_counter()
    rounds = priced = added = 0
    warm: Warm | None = None
    while True:
        flow = solve_flow(arcs, n_officers, n_units, cap, w, warm)
        pr = prices(space, arcs, flow, w, cap)
        rounds += 1
        below = pairs_below(
            space,
            w,
            pr.unit,
            pr.officer,
            0,
            per_row=ADD_PER_OFFICER,
            per_col=ADD_PER_UNIT,
            deadline=deadline,
        )
        priced += space.n_rows * space.n_cols if below.finished else 0
        pinned_value = int(w.arc_values(arcs)[arcs.pinned].sum())
        if below.finished and len(below.rows) == 0:
            proven, upper = True, pr.dual + pinned_value
            break
        caps = np.maximum(residual_caps(space, cap), 0)
        if not below.finished:
            # Not every pair was priced: bound each free unit by its best possible pair.
            proven, upper = False, _coarse_bound(space, w) + pinned_value
            break
        upper = pr.dual + int((caps * below.max_excess).sum()) + pinned_value
        if deadline is not None and time.monotonic() > deadline:
            proven = False
            break
        new = space.arcs(
            np.concatenate([arcs.officer_rank, below.rows]),
            np.concatenate([arcs.unit_rank, below.cols]),
            np.concatenate([arcs.travel_m, below.travel]),
            np.concatenate([arcs.resident, below.resident]),
            np.concatenate([arcs.coords, below.coords]),
            np.concatenate([arcs.nearest, np.zeros(len(below.rows), np.bool_)]),
        )
        added += len(new.unit) - len(arcs.unit)
        arcs = new
        warm = Warm(pr.unit, pr.officer)
    p = np.zeros(n_units, dtype=np.int64)
    p[space.uorder] = pr.unit
    q = np.zeros(n_officers, dtype=np.int64)
    q[space.offs] = pr.officer
    kept_rows = space.kept_keys // max(1, space.n_cols)
    pin_rows = space.pinned_keys // max(1, space.n_cols)
    cert = Certificate(
        unit_price=p,
        officer_price=q,
        cov=w.cov,
        keep=w.keep,
        res=w.res,
        travel_unit=w.travel_unit,
        kept_pairs=np.stack(
            [space.offs[kept_rows], space.uorder[space.kept_keys % max(1, space.n_cols)]], axis=1
        ),
        pinned_pairs=np.stack(
            [space.offs[pin_rows], space.uorder[space.pinned_keys % max(1, space.n_cols)]], axis=1
        ),
        value=flow.value,
        dual=pr.dual + pinned_value,
        upper_bound=upper,
        proven=proven,
        rounds=rounds,
        priced=priced,
        added=added,
    )
    return Priced(arcs, flow, cert, time.perf_counter() - t0)


def _coarse_bound(space: PairSpace, w: Weights) -> int:
    """A bound of every plan without pricing: each unit at its best conceivable pair value
    (coverage, kept and resident, no travel)."""
    return int((space.col_weight * w.cov + w.keep + w.res).sum())
