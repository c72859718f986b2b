"""The allowed pairs (officer, unit) that every later stage works on, in one canonical order.

A pair exists only when the officer is eligible (``rules.evaluate``, computed once per run by
the caller) and, when ``max_travel_km`` is set, the officer lives in the unit or within the limit
of it: rule ``batas_jarak`` is applied here, so no later stage needs a constraint for it.

Officers are ordered by NRP and units by uid, never by roster or sheet position, so that the
flow's and CP-SAT's tie-breaks do not depend on row order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import numpy as np

from rwassign import distance
from rwassign.model import Instance
from rwassign.settings import Settings

#: Each unit keeps this many nearest eligible officers in the CP-SAT candidate set, beside the
#: flow's own arcs and every residence arc.
CANDIDATES_PER_UNIT = 4


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
