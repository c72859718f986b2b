"""Distinct row and column ranks of a set of pairs, in linear time.

Pairs name officers and units by their rank in canonical order (``Arcs.officer_rank``,
``Arcs.unit_rank``): small non-negative integers, below the number of rows or columns.
``np.unique`` sorts them, which on a 5,000-unit plan's 400,000 pairs took 0.05 s a call,
called twice by every flow.  A mark per possible rank gives the same answer in one pass.
"""

from __future__ import annotations

import numpy as np

from rwassign import distance


def present(ids: distance.IntArray) -> distance.IntArray:
    """The distinct values of ``ids`` (non-negative integers), in increasing order:
    ``np.unique(ids)``."""
    if len(ids) == 0:
        return np.zeros(0, dtype=np.int64)
    seen = np.zeros(int(ids.max()) + 1, dtype=np.bool_)
    seen[ids] = True
    return np.flatnonzero(seen)


def compact(ids: distance.IntArray) -> tuple[distance.IntArray, distance.IntArray]:
    """The distinct values of ``ids`` (non-negative integers) in increasing order, and each
    id's position among them: ``np.unique(ids, return_inverse=True)``."""
    if len(ids) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    seen = np.zeros(int(ids.max()) + 1, dtype=np.bool_)
    seen[ids] = True
    position = np.cumsum(seen, dtype=np.int64) - 1
    return np.flatnonzero(seen), position[ids]
