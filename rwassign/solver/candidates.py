"""The allowed pairs (officer, unit) that every later stage works on, in one canonical order.

``build_candidates`` never lists all of them: in one pass over blocks of officer rows
(``distance.pair_blocks``) it keeps a candidate set (every residence, kept and pinned pair, each
unit's ``PER_UNIT`` nearest officers, each officer's nearest units of every priority, bands of
units shared among twins who live at one address and a greedy plan to start from) and the
per-level bounds the weights need over every allowed pair (``LevelBounds``); pricing
(``rwassign.solver.pricing``) adds back any left-out pair that could improve the plan.
``build_arcs`` lists every pair, for small instances (the move-budget model) and for tests.

A pair exists only when the officer is eligible (``rules.evaluate``, computed once per run by
the caller) and, when ``max_travel_km`` is set, the officer lives in the unit or within the limit
of it: rule ``batas_jarak`` is applied here, so no later stage needs a constraint for it.

Officers are ordered by NRP and units by uid, never by roster or sheet position, so that the
flow's and CP-SAT's tie-breaks do not depend on row order.

Long because the candidates, the weights' bounds and the start's lists are gathered in one pass
over every pair (hundreds of millions on a Polda): split, each would compute every distance
again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from rwassign import distance
from rwassign.model import Instance
from rwassign.settings import Settings
from rwassign.solver import start

T = TypeVar("T")

#: Each unit keeps this many nearest eligible officers in the CP-SAT candidate set, beside the
#: flow's own arcs and every residence arc.
CANDIDATES_PER_UNIT = 4

#: The flow's starting candidates: each unit's nearest officers (each officer's nearest units
#: of every priority: ``start.NEAREST``).  More costs memory and flow time, fewer costs pricing
#: rounds; any value is exact.
PER_UNIT = 8


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
class _Block:
    """What one block of rows adds to ``build_candidates``: the start lists, each column's
    longest allowed trip, the rows with a pair, the residence/kept/pinned pairs and each
    column's nearest rows (keys and whether measured from points)."""

    lists: start.BlockLists
    longest: distance.IntArray
    with_pairs: int
    part: tuple[npt.NDArray[Any], ...]
    key_top: distance.IntArray
    coords_top: distance.BoolArray


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
    group: distance.IntArray  # per row, the first row of its twins (``start.twin_groups``)

    @property
    def n_rows(self) -> int:
        return len(self.offs)

    @property
    def n_cols(self) -> int:
        return len(self.uorder)

    def blocks(self, prepare: Callable[[distance.PairBlock], T]) -> Iterator[T]:
        """``prepare`` of every pair, a block of officer rows at a time, in row order (see
        ``distance.prepared_blocks``)."""
        return distance.prepared_blocks(self.geo, self.offs, self.uorder, self.settings, prepare)

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
        group=start.twin_groups(geo, offs, special),
    )


def build_candidates(space: PairSpace, cap: int = 1) -> tuple[Arcs, LevelBounds]:
    """The starting candidate pairs and the weights' bounds over every allowed pair.

    One pass over blocks of officer rows: each column keeps a running top ``max(PER_UNIT,
    CANDIDATES_PER_UNIT)`` of allowed officers (exact, ties by canonical row, merged block by
    block), and every residence, kept and pinned pair is kept.  Pairs that are not allowed
    (beyond ``max_travel_km``) are never kept: a kept or pinned pair beyond the limit does not
    exist.  Raises ``ValueError`` for a pin that is not an allowed pair.

    The same pass gathers the lists of ``start.StartLists``: each officer's nearest units of
    every priority, bands among twins and a greedy plan join the candidates, so the first flow
    is close to the optimum (``rwassign.solver.start``).  ``cap`` is the units per officer;
    any value keeps the result exact.
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
    parts: list[tuple[npt.NDArray[Any], ...]] = []
    starts = start.StartLists(space.group, space.col_weight, cap)

    def prepare(b: distance.PairBlock) -> _Block:
        """What one block adds, worked out where the block is made (numpy on the block and
        reads of shared state only: blocks are worked on side by side).  Without a travel
        limit every pair is allowed, and no mask copies the grid."""
        limited = b.limited
        rows_here = b.travel.shape[0]
        row_ids = np.arange(b.start, b.start + rows_here, dtype=np.int64)
        lists = starts.lists(b.start, b.travel, b.allowed if limited else None)
        masked = np.where(b.allowed, b.travel, -1) if limited else b.travel
        with_pairs = int(b.allowed.any(axis=1).sum()) if limited else rows_here
        keep = b.resident | space.block_flags(space.kept_keys, b)
        keep |= space.block_flags(space.pinned_keys, b)
        if limited:
            keep &= b.allowed
        r, c = np.nonzero(keep)
        part = (r + b.start, c, b.travel[r, c], b.resident[r, c], b.coords[r, c])
        key = b.travel * n_rows + row_ids[:, None]
        if limited:
            key[~b.allowed] = never
        if rows_here > top:
            pick = np.argpartition(key, top - 1, axis=0)[:top]
            key_top = np.take_along_axis(key, pick, axis=0)
            coords_top = np.take_along_axis(b.coords, pick, axis=0)
        else:
            key_top, coords_top = key, b.coords
        return _Block(lists, masked.max(axis=0), with_pairs, part, key_top, coords_top)

    for blk in space.blocks(prepare):  # in row order, whatever thread prepared them
        starts.take(blk.lists)
        np.maximum(longest, blk.longest, out=longest)
        officers_with_pairs += blk.with_pairs
        parts.append(blk.part)
        all_key = np.concatenate([best_key, blk.key_top])
        all_coords = np.concatenate([best_coords, blk.coords_top])
        order = np.argsort(all_key, axis=0)[:top]
        best_key = np.take_along_axis(all_key, order, axis=0)
        best_coords = np.take_along_axis(all_coords, order, axis=0)
    e_rows, e_cols = starts.pairs()
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
    if len(space.pinned_keys):
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
