"""The lexicographic objective folded into one integer value per pair, with an overflow guard.

The levels, highest first: priority-weighted coverage (rule ``cakupan``), (re-plan only)
members who keep every previous pair (fewest members moved) and then previous pairs kept,
residence (``domisili``), and total travel (``jarak``, minimised).  Weights
are chosen per instance so that one step of a higher level outweighs every possible change of
the lower ones: the single sum ranks plans exactly as the lexicographic order does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rwassign import distance
from rwassign.solver.candidates import Arcs, LevelBounds

#: Largest magnitude the folded objective may reach, kept well inside int64 for the flow's
#: cost scaling (which multiplies arc costs by the node count) and for CP-SAT.
SAFE_MAGNITUDE = 2**61


@dataclass(frozen=True)
class Weights:
    """Lexicographic weights:
    ``value = cov * W_cov + stays * W_stay + kept * W_keep + res * W_res
    - round(travel_m / travel_unit)``.

    ``stays`` counts members who keep every previous pair: not a sum over pairs, so
    ``arc_values`` leaves it out and ``rwassign.solver.budget`` adds it.  ``W_stay`` is a
    multiple of every member's count of kept pairs, so its share per pair is a whole number.
    """

    cov: int
    res: int
    keep: int = 0
    travel_unit: int = 1
    stay: int = 0

    def arc_values(self, arcs: Arcs) -> distance.IntArray:
        """Each pair's value (higher is better); a plan's value is the sum over its pairs."""
        return self.values(arcs.weight, arcs.kept, arcs.resident, arcs.travel_m)

    def values(
        self,
        weight: distance.IntArray,
        kept: distance.BoolArray,
        resident: distance.BoolArray,
        travel_m: distance.IntArray,
    ) -> distance.IntArray:
        """The value of pairs given as arrays (they broadcast): pricing and the certificate
        check value blocks of pairs that are not in any ``Arcs``, with this one formula."""
        half = self.travel_unit // 2
        return (
            weight * self.cov
            + kept.astype(np.int64) * self.keep
            + resident.astype(np.int64) * self.res
            - (travel_m + half) // self.travel_unit
        )


def lexicographic_weights(arcs: Arcs, n_units: int) -> Weights:
    """Weights that make the single objective exactly lexicographic on these arcs (every
    allowed pair); see ``weights_for``."""
    return weights_for(LevelBounds.of_arcs(arcs), n_units)


def weights_for(bounds: LevelBounds, n_units: int) -> Weights:
    """Weights that make the single objective exactly lexicographic on the allowed pairs.

    Any two plans differ in total travel by at most ``T`` = the sum over units of the longest
    allowed arc into the unit, in residence count by at most ``R`` = the number of units with a
    resident arc, in kept pairs by at most ``K`` = the number of units with a kept arc, and in
    members who keep every previous pair by at most ``H`` = the members with a kept arc.
    ``W_res = T + 1``, ``W_keep = W_res * R + T + 1``, ``W_stay = m * (W_keep * K + W_res * R +
    T + 1)`` (``m`` the least common multiple of the members' kept-pair counts) and ``W_cov =
    W_stay * H + W_keep * K + W_res * R + T + 1`` let one unit of a higher level outweigh every
    possible change of the lower ones.  When nobody holds two kept pairs the two re-plan levels
    are one (``K`` is taken as 0, ``W_keep = 0``).  When
    that would overflow int64 (large re-plans), travel is counted in coarser steps (10 m, 100 m,
    ...): the order of the levels stays exact, travel ties within one step may go either way.
    """
    if len(bounds.longest_m) == 0:
        return Weights(1, 1)
    n_nodes = bounds.officers + n_units + 2
    r, k = bounds.resident_units, bounds.kept_units
    per_holder = bounds.kept_per_holder
    h = len(per_holder)
    m = int(np.lcm.reduce(per_holder)) if h else 1
    if h and m == 1:
        # Nobody holds two kept pairs: pairs kept = members who stay, one level, not two
        # (keeps the weights, and so the travel resolution, as small as without it).
        k = 0
    max_weight = int(bounds.unit_weight.max())
    sum_weight = int(bounds.unit_weight.sum())
    unit = 1
    while True:
        t = int(((bounds.longest_m + unit // 2) // unit).sum())
        w_res = t + 1
        w_keep = w_res * r + t + 1 if k else 0
        w_stay = m * (w_keep * k + w_res * r + t + 1) if h else 0
        w_cov = w_stay * h + w_keep * k + w_res * r + t + 1
        arc_max = w_cov * max_weight + w_stay + w_keep + w_res
        total_max = w_cov * sum_weight + w_stay * h + w_keep * k + w_res * r
        if arc_max * n_nodes < SAFE_MAGNITUDE and total_max < SAFE_MAGNITUDE:
            return Weights(cov=w_cov, res=w_res, keep=w_keep, travel_unit=unit, stay=w_stay)
        unit *= 10
