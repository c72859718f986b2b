"""Where the flow starts: twins, their bands of units and a greedy plan.

Members often share a home (a Polres asrama houses hundreds): every unit is worth the same to
each of them, so they want the same units.  Seeing only its own nearest units, each of them
competed for the same few; the first flow left hundreds of members without a unit, its prices
were far off and pricing had to add about a million pairs over 7 rounds (10,000 units).  So
``rwassign.solver.candidates`` adds three kinds of pairs to the starting candidates:

* each officer's ``NEAREST + cap`` nearest units *of every coverage weight* (the best units by
  value are all of the highest weight, and with members short they are the ones everybody
  wants: the next weight's units are where most of them end up);
* *bands*: the twins of a group (``twin_groups``) share their group's nearest units of each
  coverage weight, the j-th twin taking list positions ``j * cap`` to ``j * cap + cap +
  BAND``, overlapping the next twin's, so the flow can pass units along the group;
* a *greedy start*: ``cap`` rounds, highest coverage weight first, nearest pair first, so the
  candidates hold a plan that covers what the lists allow.

None changes the result: any candidate set is exact, pricing adds what is missing and the
certificate proves it.  They only make the first flow's plan, and so its prices, close to the
optimum.
"""

from __future__ import annotations

import heapq
from collections import deque

import numpy as np
import numpy.typing as npt

from rwassign import distance

NEVER = np.iinfo(np.int64).max

#: Units (-1 pads) and their sort keys, per row or for one row.
Lists = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]
#: One block's lists, per weight: every row's, and the long lists of its twin groups' leads.
BlockLists = tuple[list[Lists], list[dict[int, Lists]]]


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


#: Each officer's nearest units of every coverage weight, beside their ``cap``: candidates of
#: the first flow and the lists the greedy start walks.  More costs flow time, fewer costs
#: pricing rounds (10,000 units: 16 gave 5 rounds and 0.69 M pairs in the end, 32 gave 4 and
#: 0.47 M); any value is exact.
NEAREST = 32

#: A twin's band of its group's list beyond its own ``cap`` units.
BAND = 8


def nearest(
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


def bands(
    group: distance.IntArray,
    size: distance.IntArray,
    long_lists: list[dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]],
    cap: int,
    per: int,
) -> tuple[distance.IntArray, distance.IntArray]:
    """Twins share their group's nearest units of each weight: the j-th twin (canonical order)
    takes list positions ``j * cap`` to ``j * cap + cap + per``, so neighbours overlap and the
    flow can shift any twin along the list."""
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
                band = lst[j * cap : j * cap + cap + per]
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


def greedy_start(
    group: distance.IntArray,
    start_lists: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]],
    long_lists: list[dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]],
    cap: int,
) -> tuple[distance.IntArray, distance.IntArray]:
    """A plan to start from: ``cap`` rounds; in each, highest coverage weight first, the
    shortest pair of an officer without a unit this round and a unit still free is taken, and
    so on (nearest first, ties by key then row).  Lists are (units, keys) per row as
    ``nearest`` gives them; twins walk their group's one list.  Only a start: the flow and
    pricing make the result exact.

    Twins wait in one queue behind one heap entry (their lowest row first), so a group of
    hundreds costs a push per unit it takes, not one per twin per unit."""
    taken: set[int] = set()
    grp = group.tolist()
    out_r: list[int] = []
    out_c: list[int] = []
    # one walk per weight for all rounds: units only become taken, so no position goes back
    pairs = zip(start_lists, long_lists, strict=True)
    walks = [_Walk(grp, short, long, taken) for short, long in pairs]
    for _ in range(cap):
        done = [False] * len(grp)
        for walk in walks:
            waiting: dict[int, deque[int]] = {}  # walker (group, or -1 - row alone) -> rows
            for r, g in enumerate(grp):
                if not done[r]:
                    waiting.setdefault(g if g in walk.long else -1 - r, deque()).append(r)
            heap = []
            for queue in waiting.values():
                first = walk.first_free(queue[0])
                if first is not None:
                    heap.append((first[1], queue[0]))
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
                queue = waiting[grp[r] if grp[r] in walk.long else -1 - r]
                queue.popleft()
                if queue:  # the next twin in line, at the group's next free unit
                    after = walk.first_free(queue[0])
                    if after is not None:
                        heapq.heappush(heap, (after[1], queue[0]))
    return np.asarray(out_r, dtype=np.int64), np.asarray(out_c, dtype=np.int64)


class StartLists:
    """Gathers, block by block of officer rows, the lists the bands and the greedy start walk:
    per coverage weight (highest first), each row's ``NEAREST + cap`` nearest allowed units,
    and for a group of twins, on its first row, enough for the whole group."""

    def __init__(self, group: distance.IntArray, col_weight: distance.IntArray, cap: int):
        n_rows = len(group)
        self.group, self.cap = group, cap
        self.size = np.bincount(group, minlength=n_rows)
        self.n_cols = len(col_weight)
        self.classes = [np.nonzero(col_weight == wv)[0] for wv in np.unique(col_weight)[::-1]]
        self.short: list[list[Lists]] = [[] for _ in self.classes]
        self.long: list[dict[int, Lists]] = [{} for _ in self.classes]

    def lists(
        self, first_row: int, travel: distance.IntArray, allowed: distance.BoolArray | None
    ) -> BlockLists:
        """The lists of one block of rows (``first_row`` onwards; travel and allowed pairs,
        rows x units, ``allowed`` ``None`` when every pair is), not yet taken in
        (:meth:`take`): reads the gatherer, never changes it, so blocks can be worked on side
        by side."""
        never = NEVER
        cols = np.arange(self.n_cols, dtype=np.int64)
        # unique per row: ties in travel go to the lower column
        key = travel * self.n_cols + cols[None, :]
        if allowed is not None:
            key[~allowed] = never
        rows = np.arange(first_row, first_row + len(travel), dtype=np.int64)
        leads = np.nonzero((self.size[rows] > 1) & (self.group[rows] == rows))[0].tolist()
        short: list[Lists] = []
        long: list[dict[int, Lists]] = []
        for cls_cols in self.classes:
            sub = key[:, cls_cols]
            short.append(nearest(sub, cls_cols, NEAREST + self.cap, never))
            found = {}
            for lead in leads:
                want = int(self.size[first_row + lead]) * self.cap + BAND + NEAREST
                got_cols, got_keys = nearest(sub[lead : lead + 1], cls_cols, want, never)
                found[first_row + lead] = (got_cols[0], got_keys[0])
            long.append(found)
        return short, long

    def take(self, lists: BlockLists) -> None:
        """Take in the lists of the next block of rows, in row order."""
        short, long = lists
        for k in range(len(self.classes)):
            self.short[k].append(short[k])
            self.long[k].update(long[k])

    def rows_lists(self) -> list[Lists]:
        """Per weight, every row's list (units, keys), the blocks put together."""
        return [
            (np.concatenate([c for c, _k in x]), np.concatenate([k for _c, k in x]))
            for x in self.short
        ]

    def pairs(self) -> tuple[distance.IntArray, distance.IntArray]:
        """(rows, columns) of every row's nearest units of each weight, the bands and the
        greedy start, once every block was added."""
        short = self.rows_lists()
        near_rows = [np.repeat(np.arange(len(c)), c.shape[1]) for c, _k in short]
        near_cols = [c.ravel() for c, _k in short]
        b_rows, b_cols = bands(self.group, self.size, self.long, self.cap, BAND)
        g_rows, g_cols = greedy_start(self.group, short, self.long, self.cap)
        rows = np.concatenate([*near_rows, b_rows, g_rows])
        cols = np.concatenate([*near_cols, b_cols, g_cols])
        return rows[cols >= 0], cols[cols >= 0]
