"""Travel distance between an officer's home and a unit, vectorised over all pairs.

A unit's point is its own coordinates, else its desa's (the reader fills that in).  An
officer's home point is their own coordinates, else their home unit's point, else the mean point
of their home desa's units.  Where either point is missing, a documented administrative distance
stands in: same desa < same kecamatan < same Polsek < elsewhere (settings ``admin_km_*``), so
that a roster without coordinates still yields a sensible, explainable plan.

Distances are great-circle metres (mean Earth radius), rounded to whole metres so that the
solver's integer objective is exact and identical on every machine.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from rwassign.model import Instance
from rwassign.settings import Settings

EARTH_RADIUS_M = 6_371_008.8

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
T = TypeVar("T")


def haversine_m(
    lat1: FloatArray, lng1: FloatArray, lat2: FloatArray, lng2: FloatArray
) -> FloatArray:
    """Great-circle distance in metres; broadcasts like numpy."""
    return _chord_m(_unit_vectors(lat1, lng1), _unit_vectors(lat2, lng2))


def _unit_vectors(lat: FloatArray, lng: FloatArray) -> FloatArray:
    """The points as unit vectors ``(x, y, z)`` stacked on a new first axis (NaN stays NaN);
    ``lat`` and ``lng`` broadcast together first."""
    phi, lam = np.broadcast_arrays(np.radians(lat), np.radians(lng))
    cos_phi = np.cos(phi)
    return np.stack([cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi)])


def _chord_m(a: FloatArray, b: FloatArray) -> FloatArray:
    """The great-circle metres between unit vectors ``a`` and ``b`` (``_unit_vectors``; their
    trailing axes broadcast): ``2 R asin(|a - b| / 2)``, the one formula of every distance.

    The haversine of the angle is ``(|a - b| / 2)^2``, so this is the haversine formula
    evaluated from the chord: three differences and squares per pair, and one ``sqrt`` and one
    ``asin``, instead of two more sines and the cosines' product (three times faster on a
    5,000-unit grid, and no cancellation: the differences are taken before squaring).  Each
    step writes into one of two result-sized arrays, and the operations and their order are
    fixed, so a pair gets the same doubles on a grid or alone."""
    shape = np.broadcast_shapes(a.shape[1:], b.shape[1:])
    acc: FloatArray = np.subtract(a[0], b[0], out=np.empty(shape))
    np.multiply(acc, acc, out=acc)
    step: FloatArray = np.subtract(a[1], b[1], out=np.empty(shape))
    np.multiply(step, step, out=step)
    np.add(acc, step, out=acc)
    np.subtract(a[2], b[2], out=step)
    np.multiply(step, step, out=step)
    np.add(acc, step, out=acc)
    np.sqrt(acc, out=acc)
    np.multiply(acc, 0.5, out=acc)
    np.clip(acc, 0.0, 1.0, out=acc)
    np.arcsin(acc, out=acc)
    np.multiply(acc, 2 * EARTH_RADIUS_M, out=acc)
    return acc


def kecamatan_of(uid_or_desa_key: str) -> str:
    """Kecamatan key of a unit uid (``kec|desa|n``) or desa key (``kec|desa``)."""
    return uid_or_desa_key.split("|", 1)[0]


@dataclass(frozen=True)
class Geometry:
    """Per-unit and per-officer points and administrative codes, as arrays in instance order."""

    unit_lat: FloatArray
    unit_lng: FloatArray
    unit_desa: IntArray
    unit_kec: IntArray
    unit_polsek: IntArray
    off_lat: FloatArray
    off_lng: FloatArray
    off_desa: IntArray  # -1 when unknown
    off_kec: IntArray
    off_polsek: IntArray
    off_home_unit: IntArray  # unit position, -1 when none
    #: the points as unit vectors, shape (3, n): made once, read by every distance
    unit_vec: FloatArray = field(init=False, repr=False, compare=False)
    off_vec: FloatArray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name, lat, lng in (
            ("unit_vec", self.unit_lat, self.unit_lng),
            ("off_vec", self.off_lat, self.off_lng),
        ):
            vec = _unit_vectors(lat, lng)
            vec.flags.writeable = False
            object.__setattr__(self, name, vec)


#: The instance resolved last and its geometry: the solver, its pricing and the reasons all
#: ask for the same instance's (0.1 s a time on a 5,000-unit Polres).
_last: list[tuple[Instance, Geometry]] = []


def geometry(instance: Instance) -> Geometry:
    """Every point and administrative code of ``instance``, resolved once: kept for the
    instance asked last, by identity (an ``Instance`` is frozen, and the arrays are made
    read-only so that no caller can change what the next one reads).  The checker resolves
    its own (:func:`resolve_geometry`)."""
    if _last and _last[0][0] is instance:
        return _last[0][1]
    geo = resolve_geometry(instance)
    _last[:] = [(instance, geo)]
    return geo


def resolve_geometry(instance: Instance) -> Geometry:
    """Resolve every point and administrative code of ``instance`` (never kept)."""
    units = instance.units
    uid_pos = {u.uid: i for i, u in enumerate(units)}
    desa_ids: dict[str, int] = {}
    kec_ids: dict[str, int] = {}
    polsek_ids: dict[str, int] = {}
    kec_polsek: dict[str, int] = {}
    desa_polsek: dict[str, int] = {}
    desa_pts: dict[str, list[tuple[float, float]]] = {}
    nan = float("nan")
    ulat, ulng, udesa, ukec, upol = [], [], [], [], []
    for u in units:
        dk = u.desa_key
        kk = kecamatan_of(u.uid)
        udesa.append(desa_ids.setdefault(dk, len(desa_ids)))
        ukec.append(kec_ids.setdefault(kk, len(kec_ids)))
        pid = polsek_ids.setdefault(u.polsek.casefold(), len(polsek_ids))
        upol.append(pid)
        if u.point is not None:
            ulat.append(u.point.lat)
            ulng.append(u.point.lng)
            desa_pts.setdefault(dk, []).append((u.point.lat, u.point.lng))
        else:
            ulat.append(nan)
            ulng.append(nan)
    # An officer's Polsek: their home unit's, else that of the first unit (by uid) of their home
    # desa, else of their home kecamatan.  Row order must not matter: a kecamatan may be split
    # between two Polsek.
    for u in sorted(units, key=lambda x: x.uid):
        pid = polsek_ids[u.polsek.casefold()]
        desa_polsek.setdefault(u.desa_key, pid)
        kec_polsek.setdefault(kecamatan_of(u.uid), pid)
    desa_centre = {
        k: (sum(p[0] for p in v) / len(v), sum(p[1] for p in v) / len(v))
        for k, v in desa_pts.items()
    }
    olat, olng, odesa, okec, opol, ohome = [], [], [], [], [], []
    for o in instance.officers:
        home_pos = uid_pos.get(o.home_unit, -1) if o.home_unit else -1
        desa_key = o.home_desa
        if desa_key is None and home_pos >= 0:
            desa_key = units[home_pos].desa_key
        kec_key = o.home_kecamatan or (kecamatan_of(desa_key) if desa_key else None)
        point: tuple[float, float] | None = None
        if o.home_point is not None:
            point = (o.home_point.lat, o.home_point.lng)
        elif home_pos >= 0 and units[home_pos].point is not None:
            p = units[home_pos].point
            assert p is not None
            point = (p.lat, p.lng)
        elif desa_key in desa_centre:
            point = desa_centre[desa_key]
        olat.append(point[0] if point else nan)
        olng.append(point[1] if point else nan)
        odesa.append(desa_ids.get(desa_key, -1) if desa_key else -1)
        okec.append(kec_ids.get(kec_key, -1) if kec_key else -1)
        if home_pos >= 0:
            opol.append(upol[home_pos])
        elif desa_key in desa_polsek:
            opol.append(desa_polsek[desa_key])
        else:
            opol.append(kec_polsek.get(kec_key, -1) if kec_key else -1)
        ohome.append(home_pos)

    def f(x: list[float]) -> FloatArray:
        out = np.asarray(x, dtype=np.float64)
        out.flags.writeable = False
        return out

    def i(x: list[int]) -> IntArray:
        out = np.asarray(x, dtype=np.int64)
        out.flags.writeable = False
        return out

    return Geometry(
        f(ulat), f(ulng), i(udesa), i(ukec), i(upol), f(olat), f(olng), i(odesa), i(okec),
        i(opol), i(ohome),
    )  # fmt: skip


def _great_circle_m(geo: Geometry, officers: IntArray, units: IntArray) -> FloatArray:
    """Great-circle metres, unrounded (NaN where a point is missing), of officers and units
    given as index arrays that broadcast: pairs side by side, or a column of officers against
    a row of units.  The same doubles either way (:func:`_chord_m`)."""
    return _chord_m(geo.off_vec[:, officers], geo.unit_vec[:, units])


def travel_matrix(
    geo: Geometry, officers: IntArray, settings: Settings, units: IntArray | None = None
) -> tuple[IntArray, BoolArray]:
    """Distance in whole metres from each listed officer (rows) to every unit (columns; only
    ``units``, in that order, when given), and whether it is a great-circle distance (True) or
    the administrative stand-in (False)."""
    cols = np.arange(len(geo.unit_lat), dtype=np.int64) if units is None else units
    shape = (len(officers), len(cols))
    if not len(officers) or not len(cols):
        return np.zeros(shape, dtype=np.int64), np.zeros(shape, dtype=np.bool_)
    # pair_travel's formula on the rows x columns grid (broadcast instead of repeating every
    # officer and unit): the same doubles, so every pair gets the same metres (tested)
    rows = officers
    dist = _great_circle_m(geo, rows[:, None], cols[None, :])
    has_point = ~np.isnan(dist)
    if not has_point.all():
        miss_r, miss_c = np.nonzero(~has_point)
        fill, _coords = pair_travel(geo, rows[miss_r], cols[miss_c], settings)
        dist[miss_r, miss_c] = fill
    return np.rint(dist).astype(np.int64), has_point


def pair_travel(
    geo: Geometry, officers: IntArray, units: IntArray, settings: Settings
) -> tuple[IntArray, BoolArray]:
    """Distance in whole metres of each pair ``(officers[i], units[i])`` and whether it is a
    great-circle distance (True) or the administrative stand-in (False).

    With ``travel_matrix`` the one place a distance is computed: both go through
    ``_great_circle_m`` and this stand-in, so a pair has the same metres whichever stage asks
    (the proof of optimality compares values to the unit).  Not counting one's own unit as 0:
    callers do that (``resident``).
    """
    dist = _great_circle_m(geo, officers, units)
    has_point = ~np.isnan(dist)
    missing = np.nonzero(~has_point)[0]
    if len(missing):
        o, u = officers[missing], units[missing]
        od, ok, op = geo.off_desa[o], geo.off_kec[o], geo.off_polsek[o]
        admin_km = np.where(
            (od >= 0) & (od == geo.unit_desa[u]),
            settings.admin_km_same_desa,
            np.where(
                (ok >= 0) & (ok == geo.unit_kec[u]),
                settings.admin_km_same_kecamatan,
                np.where(
                    (op >= 0) & (op == geo.unit_polsek[u]),
                    settings.admin_km_same_polsek,
                    settings.admin_km_elsewhere,
                ),
            ),
        )
        dist[missing] = admin_km * 1000.0
    return np.rint(dist).astype(np.int64), has_point


#: Pairs computed at once by ``pair_blocks``: about a million, i.e. some 8 MB per int64 array,
#: so that a 20,000-unit Polres never holds its hundreds of millions of pairs at once.
BLOCK_PAIRS = 1 << 20


@dataclass(frozen=True)
class PairBlock:
    """Every (officer, unit) pair of a block of officer rows: travel and whether it is allowed.

    ``rows`` are positions in the caller's officer list, ``travel`` is 0 for one's own unit,
    ``allowed`` applies rule ``batas_jarak`` (inclusive; one's own unit is always allowed);
    ``limited`` says whether the rule is set at all: without it every pair is allowed, and a
    caller can use ``travel`` as it is instead of masking it with ``allowed``.
    """

    start: int
    travel: IntArray  # rows x units, whole metres
    allowed: BoolArray
    resident: BoolArray
    coords: BoolArray
    limited: bool


#: Whether ``in_order`` (the blocks of ``pair_blocks`` and of the pricing) works on the next
#: blocks in threads while the caller works on the current one.  numpy lets go of the
#: interpreter lock inside its loops, so on two cores the distances of the next blocks and the
#: caller's sorting of this one run side by side.  A batch worker turns it off: its sibling
#: processes already keep every core busy.
LOOK_AHEAD = True
#: Blocks computed ahead (and threads computing them): two, for the two cores of an office
#: laptop; with a light caller (the reasons) both compute while it waits.
AHEAD = 2


def pair_blocks(
    geo: Geometry,
    officers: IntArray,
    units: IntArray,
    settings: Settings,
    block_pairs: int = BLOCK_PAIRS,
) -> Iterator[PairBlock]:
    """The pairs of ``officers`` (rows) x ``units`` (columns), a block of rows at a time.

    One definition of an allowed pair and its travel for the solver, its pricing, the
    explanations and the certificate check: they must agree to the metre.  Blocks come in
    order, each computed whole before it is handed over (with :data:`LOOK_AHEAD`, the next
    ones are being computed meanwhile): the same blocks either way.
    """
    return prepared_blocks(geo, officers, units, settings, _as_it_is, block_pairs)


def _as_it_is(block: PairBlock) -> PairBlock:
    return block


def prepared_blocks(
    geo: Geometry,
    officers: IntArray,
    units: IntArray,
    settings: Settings,
    prepare: Callable[[PairBlock], T],
    block_pairs: int = BLOCK_PAIRS,
) -> Iterator[T]:
    """``prepare(block)`` of each block of :func:`pair_blocks`, in order.  ``prepare`` runs
    where the block is made, in a look-ahead thread: it may only read what the caller shares
    (numpy work on the block), and the caller folds the results in, in order."""
    step = max(1, block_pairs // max(1, len(units)))
    limit = None if settings.max_travel_km is None else round(settings.max_travel_km * 1000)

    def block(start: int) -> T:
        rows = officers[start : start + step]
        dist, coords = travel_matrix(geo, rows, settings, units)
        resident = geo.off_home_unit[rows][:, None] == units[None, :]
        travel = np.where(resident, 0, dist)
        allowed = np.ones_like(resident) if limit is None else resident | (dist <= limit)
        return prepare(PairBlock(start, travel, allowed, resident, coords, limit is not None))

    return in_order(block, range(0, len(officers), step))


def in_order(
    work: Callable[[int], T], items: Iterable[int], stop: Callable[[], bool] | None = None
) -> Iterator[T]:
    """``work(item)`` of each item, handed over in order; with :data:`LOOK_AHEAD`, the next
    :data:`AHEAD` items are being worked on in threads meanwhile (numpy work: the same results
    either way).  ``stop``, asked before each item is started, ends the run early: the items
    already started are still handed over."""
    todo = iter(items)
    if not LOOK_AHEAD:
        for item in todo:
            if stop is not None and stop():
                return
            yield work(item)
        return
    with ThreadPoolExecutor(max_workers=AHEAD, thread_name_prefix="rwassign-pairs") as pool:
        pending: deque[Future[T]] = deque()
        for item in todo:
            if stop is not None and stop():
                break
            pending.append(pool.submit(work, item))
            if len(pending) > AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
