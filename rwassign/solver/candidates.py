"""The allowed pairs (officer, unit) that every later stage works on, in one canonical order.

``build_candidates`` never lists all of them: in one pass over blocks of officer rows
(``distance.pair_blocks``) it keeps a candidate set (every residence, kept and pinned pair, each
unit's ``PER_UNIT`` nearest officers, each officer's ``PER_OFFICER`` best units, bands of units
shared among twins who live at one address and a greedy plan to start from) and the
per-level bounds the weights need over every allowed pair (``LevelBounds``); pricing
(``rwassign.solver.pricing``) adds back any left-out pair that could improve the plan.
``build_arcs`` lists every pair, for small instances (the move-budget model) and for tests.

A pair exists only when the officer is eligible (``rules.evaluate``, computed once per run by
the caller) and, when ``max_travel_km`` is set, the officer lives in the unit or within the limit
of it: rule ``batas_jarak`` is applied here, so no later stage needs a constraint for it.

Officers are ordered by NRP and units by uid, never by roster or sheet position, so that the
flow's and CP-SAT's tie-breaks do not depend on row order.
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
import numpy.typing as npt

from rwassign import distance
from rwassign.model import Instance
from rwassign.settings import Settings

#: Each unit keeps this many nearest eligible officers in the CP-SAT candidate set, beside the
#: flow's own arcs and every residence arc.
CANDIDATES_PER_UNIT = 4

#: The flow's starting candidates: each unit's nearest officers and each officer's nearest
#: units.  More costs memory and flow time, fewer costs pricing rounds; any value is exact.
PER_UNIT = 8
PER_OFFICER = 8


@dataclass(frozen=True)
class Arcs:
    """Every allowed (eligible officer, unit) pair, in canonical order (officer NRP, unit uid)."""

    officer: distance.IntArray  # instance officer index
    unit: distance.IntArray  # instance unit position
    travel_m: distance.IntArray  # 0 for one's own unit
    resident: distance.BoolArray
    coords: distance.BoolArray
    weight: distance.IntArray  # coverage weight of the unit
    nearest: distance.BoolArray  # among the unit's CANDIDATES_PER_UNIT nearest officers
    officer_rank: distance.IntArray  # canonical position of the officer (by NRP)
    unit_rank: distance.IntArray  # canonical position of the unit (by uid)
    kept: distance.BoolArray  # the pair was in the previous plan (re-plan)
    pinned: distance.BoolArray  # the pair is fixed by a pin

    def subset(self, mask: distance.BoolArray) -> Arcs:
        """The pairs where ``mask`` is true, in the same order (the flow drops pinned units)."""
        return Arcs(**{f.name: getattr(self, f.name)[mask] for f in fields(Arcs)})


@dataclass(frozen=True)
class LevelBounds:
    """What the weights need to know of the allowed pairs, gathered without listing them.

    ``longest_m`` holds, per unit with at least one allowed pair, its longest allowed arc in
    metres, and ``unit_weight`` that unit's coverage weight (same order); ``resident_units`` and
    ``kept_units`` count the units with a resident or a kept pair; ``officers`` counts the
    officers with at least one allowed pair.  ``rwassign.solver.candidates`` fills this in the
    same blocked pass that picks the candidate pairs, so the weights are those of every allowed
    pair, not of the candidates.
    """

    longest_m: distance.IntArray
    unit_weight: distance.IntArray
    resident_units: int
    kept_units: int
    officers: int
    #: per member holding kept pairs, how many (the members-moved level's weight needs them)
    kept_per_holder: distance.IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @classmethod
    def of_arcs(cls, arcs: Arcs) -> LevelBounds:
        """The bounds of an explicit list of every allowed pair."""
        units, inverse = np.unique(arcs.unit, return_inverse=True)
        longest = np.zeros(len(units), dtype=np.int64)
        np.maximum.at(longest, inverse, arcs.travel_m)
        weight = np.zeros(len(units), dtype=np.int64)
        weight[inverse] = arcs.weight
        return cls(
            longest_m=longest,
            unit_weight=weight,
            resident_units=len(np.unique(arcs.unit[arcs.resident])),
            kept_units=len(np.unique(arcs.unit[arcs.kept])),
            officers=len(np.unique(arcs.officer)),
            kept_per_holder=np.unique(arcs.officer[arcs.kept], return_counts=True)[1],
        )


@dataclass(frozen=True)
class Guidance:
    """What a re-plan adds to a solve.

    ``previous`` maps unit uid -> NRP of the previous plan's holder; ``pins`` are (unit uid,
    officer index) pairs that must be in the plan (validated beforehand by
    ``rules.check_pins``); ``max_moves`` caps how many previously assigned, still eligible
    officers may lose a unit they held.
    """

    previous: dict[str, str] = field(default_factory=dict)
    pins: tuple[tuple[str, int], ...] = ()
    max_moves: int | None = None


def canonical_officers(instance: Instance, eligible: tuple[bool, ...]) -> list[int]:
    """Indices of the eligible officers, ordered by NRP (then roster index, for blank NRPs)."""
    return sorted(
        (o.index for o in instance.officers if eligible[o.index]),
        key=lambda i: (instance.officers[i].nrp, i),
    )


def _empty() -> Arcs:
    empty_i = np.zeros(0, dtype=np.int64)
    empty_b = np.zeros(0, dtype=np.bool_)
    return Arcs(
        empty_i, empty_i, empty_i, empty_b, empty_b, empty_i, empty_b, empty_i, empty_i,
        empty_b, empty_b,
    )  # fmt: skip


def build_arcs(
    instance: Instance,
    settings: Settings,
    eligible: tuple[bool, ...],
    guidance: Guidance | None = None,
) -> Arcs:
    """All allowed pairs with their travel, residence flag and weight, built from arrays.

    Raises ``ValueError`` for a pin that is not an allowed pair: pins are validated with their
    rows before the solve (``rules.check_pins``), so reaching this is a programming error.
    """
    guidance = guidance or Guidance()
    geo = distance.geometry(instance)
    offs = np.asarray(canonical_officers(instance, eligible), dtype=np.int64)
    uorder = np.asarray(
        sorted(range(len(instance.units)), key=lambda i: instance.units[i].uid), dtype=np.int64
    )
    if len(offs) == 0 or len(uorder) == 0:
        return _empty()
    dist, coords = distance.travel_matrix(geo, offs, settings)
    dist, coords = dist[:, uorder], coords[:, uorder]
    resident = geo.off_home_unit[offs][:, None] == uorder[None, :]
    allowed = np.ones_like(resident)
    if settings.max_travel_km is not None:
        # rule batas_jarak (inclusive); one's own unit is always allowed, at travel 0
        allowed = resident | (dist <= round(settings.max_travel_km * 1000))
    travel = np.where(resident, 0, dist)
    # each unit's nearest allowed officers (ties broken by canonical officer order)
    k = min(CANDIDATES_PER_UNIT, len(offs))
    masked = np.where(allowed, travel, np.iinfo(np.int64).max)
    order = np.argsort(masked, axis=0, kind="stable")[:k]
    nearest = np.zeros_like(resident)
    np.put_along_axis(nearest, order, True, axis=0)
    nearest &= allowed
    kept = np.zeros_like(resident)
    pinned = np.zeros_like(resident)
    row_of = {int(o): r for r, o in enumerate(offs.tolist())}
    col_of = {instance.units[int(u)].uid: c for c, u in enumerate(uorder.tolist())}
    nrp_row = {instance.officers[int(o)].nrp: r for r, o in enumerate(offs.tolist())}
    for uid, nrp in guidance.previous.items():
        if uid in col_of and nrp in nrp_row:
            kept[nrp_row[nrp], col_of[uid]] = True
    for uid, o_idx in guidance.pins:
        if uid not in col_of or o_idx not in row_of or not allowed[row_of[o_idx], col_of[uid]]:
            raise ValueError(f"pin {uid} -> officer #{o_idx} is not a legal pair")
        pinned[row_of[o_idx], col_of[uid]] = True
    kept &= allowed
    rows, cols = np.nonzero(allowed)
    weights = np.asarray(
        [settings.priority_weight(instance.units[u].priority) for u in uorder], dtype=np.int64
    )
    return Arcs(
        officer=offs[rows],
        unit=uorder[cols],
        travel_m=travel[rows, cols],
        resident=resident[rows, cols],
        coords=coords[rows, cols],
        weight=weights[cols],
        nearest=nearest[rows, cols],
        officer_rank=rows.astype(np.int64),
        unit_rank=cols.astype(np.int64),
        kept=kept[rows, cols],
        pinned=pinned[rows, cols],
    )


@dataclass(frozen=True)
class PairSpace:
    """Every allowed pair, described rather than listed: rows are eligible officers in
    canonical order (``offs``, instance indices), columns units by uid (``uorder``, instance
    positions).  ``kept_keys``/``pinned_keys`` are sorted ``row * n_cols + col`` keys."""

    geo: distance.Geometry
    offs: distance.IntArray
    uorder: distance.IntArray
    col_weight: distance.IntArray
    kept_keys: distance.IntArray
    pinned_keys: distance.IntArray
    settings: Settings
    #: per row, the first row of its *twins*: officers whose every pair has the same value
    #: (same home point, desa, kecamatan, Polsek and home unit; neither kept nor pinned pairs),
    #: so that any of them can take any of the others' units (``twin_groups``)
    group: distance.IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def n_rows(self) -> int:
        return len(self.offs)

    @property
    def n_cols(self) -> int:
        return len(self.uorder)

    def blocks(self) -> Iterator[distance.PairBlock]:
        """Every pair, a block of officer rows at a time (see ``distance.pair_blocks``)."""
        return distance.pair_blocks(self.geo, self.offs, self.uorder, self.settings)

    def block_flags(self, keys: distance.IntArray, block: distance.PairBlock) -> distance.BoolArray:
        """Mark the pairs of ``keys`` (sorted) that fall in ``block``, as a block-shaped mask."""
        n_rows, n_cols = block.travel.shape
        lo, hi = block.start * n_cols, (block.start + n_rows) * n_cols
        inside = keys[np.searchsorted(keys, lo) : np.searchsorted(keys, hi)] - lo
        mask = np.zeros(n_rows * n_cols, dtype=np.bool_)
        mask[inside] = True
        return mask.reshape(n_rows, n_cols)

    def arcs(
        self,
        rows: distance.IntArray,
        cols: distance.IntArray,
        travel: distance.IntArray,
        resident: distance.BoolArray,
        coords: distance.BoolArray,
        nearest: distance.BoolArray,
    ) -> Arcs:
        """``Arcs`` of the given pairs, in canonical order (row, then column), each pair once."""
        keys, first = np.unique(rows * self.n_cols + cols, return_index=True)
        rows, cols = keys // self.n_cols, keys % self.n_cols
        return Arcs(
            officer=self.offs[rows],
            unit=self.uorder[cols],
            travel_m=travel[first],
            resident=resident[first],
            coords=coords[first],
            weight=self.col_weight[cols],
            nearest=nearest[first],
            officer_rank=rows,
            unit_rank=cols,
            kept=np.isin(keys, self.kept_keys),
            pinned=np.isin(keys, self.pinned_keys),
        )


def pair_space(
    instance: Instance, settings: Settings, eligible: tuple[bool, ...], guidance: Guidance
) -> PairSpace:
    """The rows, columns, weights and the kept and pinned pairs of the instance.

    Raises ``ValueError`` for a pin to an officer or unit that does not exist (a programming
    error: pins are validated with their rows before the solve, ``rules.check_pins``).
    """
    offs = np.asarray(canonical_officers(instance, eligible), dtype=np.int64)
    uorder = np.asarray(
        sorted(range(len(instance.units)), key=lambda i: instance.units[i].uid), dtype=np.int64
    )
    n_cols = len(uorder)
    row_of = {int(o): r for r, o in enumerate(offs.tolist())}
    col_of = {instance.units[int(u)].uid: c for c, u in enumerate(uorder.tolist())}
    nrp_row = {instance.officers[int(o)].nrp: r for r, o in enumerate(offs.tolist())}
    kept = [
        nrp_row[nrp] * n_cols + col_of[uid]
        for uid, nrp in guidance.previous.items()
        if uid in col_of and nrp in nrp_row
    ]
    pinned = []
    for uid, o_idx in guidance.pins:
        if uid not in col_of or o_idx not in row_of:
            raise ValueError(f"pin {uid} -> officer #{o_idx} is not a legal pair")
        pinned.append(row_of[o_idx] * n_cols + col_of[uid])
    weights = np.asarray(
        [settings.priority_weight(instance.units[u].priority) for u in uorder], dtype=np.int64
    )
    geo = distance.geometry(instance)
    kept_keys = np.unique(np.asarray(kept, dtype=np.int64))
    pinned_keys = np.unique(np.asarray(pinned, dtype=np.int64))
    special = np.union1d(kept_keys, pinned_keys) // max(1, n_cols)
    return PairSpace(
        geo=geo,
        offs=offs,
        uorder=uorder,
        col_weight=weights,
        kept_keys=kept_keys,
        pinned_keys=pinned_keys,
        settings=settings,
        group=twin_groups(geo, offs, special),
    )


def twin_groups(
    geo: distance.Geometry, offs: distance.IntArray, special_rows: distance.IntArray
) -> distance.IntArray:
    """Per row of ``offs``, the first row with the same home point, desa, kecamatan, Polsek and
    home unit: the fields every pair's travel and residence are computed from
    (``distance.pair_travel``), so twins have the same value on every unit.  Rows in
    ``special_rows`` (kept or pinned pairs) are their own group.

    Why: members often share a home (a Polres asrama houses hundreds).  Twins want the same
    units, and the flow needs only a band of them per twin to share them out, not each twin
    every unit its group could take.
    """
    n = len(offs)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    own = np.full(n, -1.0)
    own[special_rows] = special_rows
    key = np.stack(
        [
            np.nan_to_num(geo.off_lat[offs], nan=999.0),
            np.nan_to_num(geo.off_lng[offs], nan=999.0),
            geo.off_desa[offs].astype(np.float64),
            geo.off_kec[offs].astype(np.float64),
            geo.off_polsek[offs].astype(np.float64),
            geo.off_home_unit[offs].astype(np.float64),
            own,
        ],
        axis=1,
    )
    _keys, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    return first[inverse.reshape(-1)].astype(np.int64)


def build_candidates(space: PairSpace, cap: int = 1) -> tuple[Arcs, LevelBounds]:
    """The starting candidate pairs and the weights' bounds over every allowed pair.

    One pass over blocks of officer rows: each row keeps its ``PER_OFFICER`` best allowed
    units (by weight, kept, residence, travel), each column a running top ``max(PER_UNIT,
    CANDIDATES_PER_UNIT)`` of allowed officers (exact, ties by canonical row, merged block by
    block), and every residence, kept and pinned pair is kept.  Pairs that are not allowed
    (beyond ``max_travel_km``) are never kept: a kept or pinned pair beyond the limit does not
    exist.  Raises ``ValueError`` for a pin that is not an allowed pair.

    Two more kinds of pairs make the first flow's plan (and so its prices) close to the
    optimum, which saves pricing rounds: *bands* share the nearest units of each coverage
    weight among twins (``twin_groups``), the j-th twin taking positions ``j * cap`` to
    ``j * cap + cap + PER_OFFICER`` of their group's list; and a *greedy start* gives every
    officer, highest weight first, the nearest unit still free (``_greedy_start``), so the
    candidates hold a plan that covers as much as the lists allow.  ``cap`` is the units per
    officer; any value keeps the result exact (pricing adds whatever is missing).
    """
    n_rows, n_cols = space.n_rows, space.n_cols
    if n_rows == 0 or n_cols == 0:
        if len(space.pinned_keys):
            raise ValueError("pin to an officer or unit that has no allowed pair")
        return _empty(), LevelBounds(np.zeros(0, np.int64), np.zeros(0, np.int64), 0, 0, 0)
    top = max(PER_UNIT, CANDIDATES_PER_UNIT)
    never = np.iinfo(np.int64).max
    # running per-column top: sort key travel * n_rows + row (unique, ties by row)
    best_key = np.full((0, n_cols), never, dtype=np.int64)
    best_coords = np.zeros((0, n_cols), dtype=np.bool_)
    longest = np.full(n_cols, -1, dtype=np.int64)
    officers_with_pairs = 0
    top_weight = int(space.col_weight.max())
    parts: list[tuple[npt.NDArray[Any], ...]] = []
    group = space.group if len(space.group) == n_rows else np.arange(n_rows, dtype=np.int64)
    size = np.bincount(group, minlength=n_rows)
    classes = [
        (int(wv), np.nonzero(space.col_weight == wv)[0]) for wv in np.unique(space.col_weight)[::-1]
    ]
    # per weight class (highest first), per row its nearest allowed units, nearest first
    # (-1 pads); a group's first row holds the list of the whole group
    lists: list[list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]] = [[] for _ in classes]
    long_lists: list[dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]] = [
        {} for _ in classes
    ]
    col_ids_1d = np.arange(n_cols, dtype=np.int64)
    for b in space.blocks():
        rows_here = b.travel.shape[0]
        row_ids = np.arange(b.start, b.start + rows_here, dtype=np.int64)
        # unique per row: ties in travel go to the lower column
        near_key = np.where(b.allowed, b.travel * n_cols + col_ids_1d[None, :], never)
        for k, (_wv, cls_cols) in enumerate(classes):
            sub = near_key[:, cls_cols]
            lists[k].append(_nearest(sub, cls_cols, START_K + cap, never))
            for lead in np.nonzero((size[row_ids] > 1) & (group[row_ids] == row_ids))[0].tolist():
                want = int(size[b.start + lead]) * cap + PER_OFFICER + START_K
                got_cols, got_keys = _nearest(sub[lead : lead + 1], cls_cols, want, never)
                long_lists[k][b.start + lead] = (got_cols[0], got_keys[0])
        masked = np.where(b.allowed, b.travel, -1)
        np.maximum(longest, masked.max(axis=0), out=longest)
        officers_with_pairs += int(b.allowed.any(axis=1).sum())
        kept = space.block_flags(space.kept_keys, b)
        keep = b.resident | kept
        keep |= space.block_flags(space.pinned_keys, b)
        keep &= b.allowed
        if n_cols > PER_OFFICER:
            # each officer's best units by value: coverage weight first, then kept,
            # residence, travel (the order of every lexicographic weighting)
            best = (top_weight - space.col_weight[None, :]) * 4 + (~kept) * 2 + ~b.resident
            best = np.where(b.allowed, best * (1 << 40) + b.travel, never)
            picked = np.argpartition(best, PER_OFFICER - 1, axis=1)[:, :PER_OFFICER]
            near = np.zeros_like(keep)
            np.put_along_axis(near, picked, True, axis=1)
            keep |= near & b.allowed
        else:
            keep |= b.allowed
        r, c = np.nonzero(keep)
        parts.append((r + b.start, c, b.travel[r, c], b.resident[r, c], b.coords[r, c]))
        key = np.where(b.allowed, b.travel * n_rows + row_ids[:, None], never)
        if rows_here > top:
            pick = np.argpartition(key, top - 1, axis=0)[:top]
            key_top = np.take_along_axis(key, pick, axis=0)
            coords_top = np.take_along_axis(b.coords, pick, axis=0)
        else:
            key_top, coords_top = key, b.coords
        all_key = np.concatenate([best_key, key_top])
        all_coords = np.concatenate([best_coords, coords_top])
        order = np.argsort(all_key, axis=0)[:top]
        best_key = np.take_along_axis(all_key, order, axis=0)
        best_coords = np.take_along_axis(all_coords, order, axis=0)
    start_lists = [
        (np.concatenate([c for c, _k in x]), np.concatenate([k for _c, k in x])) for x in lists
    ]
    extra_rows, extra_cols = _bands(group, size, long_lists, cap)
    g_rows, g_cols = _greedy_start(group, start_lists, long_lists, cap)
    e_rows = np.concatenate([extra_rows, g_rows])
    e_cols = np.concatenate([extra_cols, g_cols])
    if len(e_rows):
        e_travel, e_coords = distance.pair_travel(
            space.geo, space.offs[e_rows], space.uorder[e_cols], space.settings
        )
        e_res = space.geo.off_home_unit[space.offs[e_rows]] == space.uorder[e_cols]
        parts.append((e_rows, e_cols, np.where(e_res, 0, e_travel), e_res, e_coords))
    found = best_key < never
    col_ids = np.broadcast_to(np.arange(n_cols, dtype=np.int64), best_key.shape)
    b_rows, b_cols = best_key[found] % n_rows, col_ids[found]
    b_travel = best_key[found] // n_rows
    rank = np.broadcast_to(np.arange(len(best_key))[:, None], best_key.shape)[found]
    b_resident = space.geo.off_home_unit[space.offs[b_rows]] == space.uorder[b_cols]
    parts.append((b_rows, b_cols, b_travel, b_resident, best_coords[found]))
    rows = np.concatenate([p[0] for p in parts])
    cols = np.concatenate([p[1] for p in parts])
    nearest = np.zeros(len(rows), dtype=np.bool_)
    nearest[len(rows) - len(b_rows) :] = rank < min(CANDIDATES_PER_UNIT, n_rows)
    # a pair listed twice (e.g. resident and nearest) must keep its ``nearest`` flag
    keys = rows * n_cols + cols
    near_keys = keys[nearest]
    arcs = space.arcs(
        rows,
        cols,
        np.concatenate([p[2] for p in parts]),
        np.concatenate([p[3] for p in parts]).astype(np.bool_),
        np.concatenate([p[4] for p in parts]).astype(np.bool_),
        nearest,
    )
    arcs = dataclasses.replace(
        arcs, nearest=np.isin(arcs.officer_rank * n_cols + arcs.unit_rank, near_keys)
    )
    missing = np.setdiff1d(space.pinned_keys, arcs.officer_rank * n_cols + arcs.unit_rank)
    if len(missing):
        raise ValueError(f"pin #{int(missing[0])} is not a legal pair")
    reached = longest >= 0
    bounds = LevelBounds(
        longest_m=longest[reached],
        unit_weight=space.col_weight[reached],
        resident_units=len(np.unique(arcs.unit[arcs.resident])),
        kept_units=len(np.unique(arcs.unit[arcs.kept])),
        officers=officers_with_pairs,
        kept_per_holder=np.unique(arcs.officer[arcs.kept], return_counts=True)[1],
    )
    return arcs, bounds


#: Each row's nearest units per coverage weight kept for the greedy start, beside its ``cap``.
START_K = 16


def _nearest(
    keys: npt.NDArray[np.int64], cols: distance.IntArray, k: int, never: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Per row of ``keys`` (unique per row, ``never`` for a pair not allowed), the columns
    ``cols`` of its ``k`` smallest keys in increasing order (-1 where fewer are allowed), and
    those keys."""
    k = min(k, keys.shape[1])
    if k == 0:
        empty = np.full((keys.shape[0], 0), -1, dtype=np.int64)
        return empty, empty
    if k < keys.shape[1]:
        part = np.argpartition(keys, k - 1, axis=1)[:, :k]
    else:
        part = np.broadcast_to(np.arange(keys.shape[1]), keys.shape).copy()
    got = np.take_along_axis(keys, part, axis=1)
    order = np.argsort(got, axis=1)
    part = np.take_along_axis(part, order, axis=1)
    got = np.take_along_axis(got, order, axis=1)
    return np.where(got < never, cols[part], -1).astype(np.int64), got


def _bands(
    group: distance.IntArray,
    size: distance.IntArray,
    long_lists: list[dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]],
    cap: int,
) -> tuple[distance.IntArray, distance.IntArray]:
    """Twins share their group's nearest units of each weight: the j-th twin (canonical order)
    takes list positions ``j * cap`` to ``j * cap + cap + PER_OFFICER``, so neighbours overlap
    and the flow can shift any twin along the list."""
    rows: list[npt.NDArray[np.int64]] = []
    cols: list[npt.NDArray[np.int64]] = []
    reps = np.nonzero((size > 1) & (group == np.arange(len(group))))[0]
    for rep in reps.tolist():
        members = np.nonzero(group == rep)[0]
        for by_rep in long_lists:
            got = by_rep.get(rep)
            if got is None:
                continue
            lst = got[0][got[0] >= 0]
            for j, m in enumerate(members.tolist()):
                band = lst[j * cap : j * cap + cap + PER_OFFICER]
                rows.append(np.full(len(band), m, dtype=np.int64))
                cols.append(band)
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(rows), np.concatenate(cols)


class _Walk:
    """The units of one coverage weight, nearest first, per officer; twins share one list and
    one position in it (units only ever become taken, so a position never goes back)."""

    def __init__(
        self,
        group: list[int],
        short: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
        long: dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]],
        taken: set[int],
    ):
        self.group, self.taken = group, taken
        self.short = (short[0].tolist(), short[1].tolist())
        self.long = {g: (c.tolist(), k.tolist()) for g, (c, k) in long.items()}
        self.pointer: dict[int, int] = {}

    def first_free(self, r: int) -> tuple[int, int] | None:
        """(unit, key) of row ``r``'s nearest unit still free, or None."""
        g = self.group[r]
        got = self.long.get(g)
        cols, keys = got if got is not None else (self.short[0][r], self.short[1][r])
        at = g if got is not None else -1 - r
        i = self.pointer.get(at, 0)
        while i < len(cols) and (cols[i] < 0 or cols[i] in self.taken):
            i += 1
        self.pointer[at] = i
        return (cols[i], keys[i]) if i < len(cols) else None


def _greedy_start(
    group: distance.IntArray,
    start_lists: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]],
    long_lists: list[dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]],
    cap: int,
) -> tuple[distance.IntArray, distance.IntArray]:
    """A plan to start from: ``cap`` rounds; in each, highest coverage weight first, the
    shortest pair of an officer without a unit this round and a unit still free is taken, and
    so on (nearest first, ties by key then row).  Lists are (units, keys) per row as
    ``_nearest`` gives them; twins walk their group's one list.  Only a start: the flow and
    pricing make the result exact."""
    taken: set[int] = set()
    grp = group.tolist()
    out_r: list[int] = []
    out_c: list[int] = []
    for _ in range(cap):
        done = [False] * len(grp)
        for short, long in zip(start_lists, long_lists, strict=True):
            walk = _Walk(grp, short, long, taken)
            heap = []
            for r in range(len(grp)):
                first = None if done[r] else walk.first_free(r)
                if first is not None:
                    heap.append((first[1], r))
            heapq.heapify(heap)
            while heap:
                key, r = heapq.heappop(heap)
                first = walk.first_free(r)
                if first is None:
                    continue
                if first[1] != key:  # its unit went to another: its next one waits its turn
                    heapq.heappush(heap, (first[1], r))
                    continue
                taken.add(first[0])
                done[r] = True
                out_r.append(r)
                out_c.append(first[0])
    return np.asarray(out_r, dtype=np.int64), np.asarray(out_c, dtype=np.int64)
