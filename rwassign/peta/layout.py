"""What each coverage map shows, decided before anything is drawn.

The drawing (:mod:`rwassign.peta.draw`) only paints what this module hands it, so every fact a
map shows (which unit is covered, which is open at which priority, whose home is where, which
line joins a member to a unit, what could not be placed) is plain data here, testable without
looking at pixels, and the counts in a map's legend are the counts of these records.

Positions are kilometres east and north of the Polres's mean point: longitude is scaled by the
cosine of that latitude, which keeps areas and distances true to within a fraction of a percent
over a kabupaten (a Polres spans well under a degree), so a scale bar in km is honest and no
map projection library is needed.  Points are never invented: a unit without its own or its
desa's coordinates, or a member without a home point (see :mod:`rwassign.distance`), is counted
in a note instead of being drawn somewhere plausible.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from rwassign.distance import EARTH_RADIUS_M, geometry
from rwassign.model import Instance, SolveResult, Unit

__all__ = [
    "KM_PER_DEGREE",
    "HomeMark",
    "KecamatanLabel",
    "MapContent",
    "Projection",
    "UnitMark",
    "build_maps",
]

KM_PER_DEGREE = 2 * math.pi * EARTH_RADIUS_M / 360.0 / 1000.0
"""Kilometres per degree of latitude (mean Earth radius, as the travel distances use)."""

SPREAD_FRACTION = 0.012
"""Radius of the ring on which units sharing one point are spread, as a share of the map's
larger side: big enough to see each marker, small enough to stay inside the desa."""
COUNT_KEYS = (
    "units",
    "covered",
    "open",
    "open_3",
    "open_2",
    "open_1",
    "members",
    "homes",
    "reserve",
    "lines",
    "units_without_point",
    "members_without_point",
    "spread",
)
"""The keys of :attr:`MapContent.counts`, every one present (0 when nothing to count)."""
MIN_SPAN_KM = 2.0
"""Smallest side of a map: a Polsek whose units all sit on one point still gets a readable
scale."""


@dataclass(frozen=True)
class Projection:
    """Kilometres east (``x``) and north (``y``) of a reference point, longitude scaled by the
    cosine of the reference latitude (an equal-area-enough plane for one kabupaten)."""

    lat0: float
    lng0: float

    def xy(self, lat: float, lng: float) -> tuple[float, float]:
        x = (lng - self.lng0) * KM_PER_DEGREE * math.cos(math.radians(self.lat0))
        return float(x), float((lat - self.lat0) * KM_PER_DEGREE)


@dataclass(frozen=True)
class UnitMark:
    """One unit as drawn: ``covered`` or open at its ``priority`` (3 Tinggi .. 1 Rendah);
    ``x, y`` is where the marker goes (moved onto a small ring when units share a point)."""

    uid: str
    x: float
    y: float
    covered: bool
    priority: int


@dataclass(frozen=True)
class HomeMark:
    """A member's home point: ``assigned`` members hold units, reserve members are eligible
    and hold none."""

    officer_index: int
    x: float
    y: float
    assigned: bool


@dataclass(frozen=True)
class KecamatanLabel:
    """A kecamatan's name at the mean point of its drawn ``units``."""

    name: str
    x: float
    y: float
    units: int


@dataclass(frozen=True)
class MapContent:
    """Everything one map shows.  ``polsek`` is ``None`` for the map of the whole Polres.

    ``counts`` feeds the title and the legend: ``units``, ``covered``, ``open`` and
    ``open_3``/``open_2``/``open_1`` (every unit of the area, drawn or not), ``members``
    (members holding a unit here), ``homes`` and ``reserve`` (home markers drawn), ``lines``,
    ``units_without_point``, ``members_without_point`` and ``spread`` (units moved onto a
    ring around a shared point).
    """

    polsek: str | None
    units: tuple[UnitMark, ...]
    homes: tuple[HomeMark, ...]
    lines: tuple[tuple[float, float, float, float], ...]
    context: tuple[tuple[float, float], ...]
    labels: tuple[KecamatanLabel, ...]
    bounds: tuple[float, float, float, float]
    counts: dict[str, int] = field(default_factory=dict)
    priorities_given: bool = True

    def shared_homes(self) -> tuple[tuple[float, float, int], ...]:
        """Home points where more than one member lives (x, y, how many), in point order:
        one square cannot show that twenty members live at a desa's point, a number can."""
        count: dict[tuple[float, float], int] = defaultdict(int)
        for h in self.homes:
            count[(h.x, h.y)] += 1
        return tuple((x, y, n) for (x, y), n in sorted(count.items()) if n > 1)


def build_maps(instance: Instance, result: SolveResult) -> tuple[MapContent, ...]:
    """The whole Polres first, then one map per Polsek (by name, case-insensitively)."""
    geo = geometry(instance)
    points = [(u.point.lat, u.point.lng) for u in instance.units if u.point is not None]
    homes_known = ~np.isnan(geo.off_lat)
    points += list(zip(geo.off_lat[homes_known], geo.off_lng[homes_known], strict=True))
    if points:
        lat0 = sum(p[0] for p in points) / len(points)
        lng0 = sum(p[1] for p in points) / len(points)
    else:
        lat0 = lng0 = 0.0
    proj = Projection(lat0, lng0)
    unit_xy = {
        u.uid: proj.xy(u.point.lat, u.point.lng) for u in instance.units if u.point is not None
    }
    home_xy: dict[int, tuple[float, float]] = {}
    for o in instance.officers:
        lat, lng = float(geo.off_lat[o.index]), float(geo.off_lng[o.index])
        if not math.isnan(lat):
            home_xy[o.index] = proj.xy(lat, lng)
    # geometry() numbers Polsek in unit order by case-folded name; its officer Polsek (home
    # unit, else desa, else kecamatan) decides on which Polsek map a reserve member appears.
    polsek_keys: list[str] = []
    for u in instance.units:
        if u.polsek.casefold() not in polsek_keys:
            polsek_keys.append(u.polsek.casefold())
    reserve_polsek: dict[int, str | None] = {}
    for out in result.outcomes:
        if out.eligible and not out.units:
            pid = int(geo.off_polsek[out.officer_index])
            reserve_polsek[out.officer_index] = polsek_keys[pid] if pid >= 0 else None
    shown: dict[str, str] = {}
    for u in instance.units:
        shown.setdefault(u.polsek.casefold(), u.polsek)
    holders: dict[str, list[int]] = defaultdict(list)
    for a in result.assignments:
        holders[a.unit_uid].append(a.officer_index)
    ctx = _Context(
        instance.units,
        unit_xy,
        home_xy,
        holders,
        reserve_polsek,
        len({u.priority for u in instance.units}) > 1,
    )
    maps = [ctx.content(None, instance.units)]
    for key in sorted(shown, key=lambda k: (shown[k].casefold(), shown[k])):
        area = tuple(u for u in instance.units if u.polsek.casefold() == key)
        maps.append(ctx.content(shown[key], area))
    return tuple(maps)


@dataclass
class _Context:
    """What every map of one Polres shares: projected points, holders and reserve members."""

    all_units: Sequence[Unit]
    unit_xy: dict[str, tuple[float, float]]
    home_xy: dict[int, tuple[float, float]]
    holders: dict[str, list[int]]
    reserve_polsek: dict[int, str | None]
    priorities_given: bool

    def content(self, polsek: str | None, units: Sequence[Unit]) -> MapContent:
        """The map of ``units`` (one Polsek's, or all of them when ``polsek`` is ``None``)."""
        counts: dict[str, int] = dict.fromkeys(COUNT_KEYS, 0)
        counts["units"] = len(units)
        held_by: set[int] = set()
        for u in units:
            covered = bool(self.holders.get(u.uid))
            counts["covered" if covered else "open"] += 1
            if not covered:
                counts[f"open_{u.priority}"] += 1
            held_by.update(self.holders.get(u.uid, ()))
            if u.uid not in self.unit_xy:
                counts["units_without_point"] += 1
        counts["members"] = len(held_by)
        counts["members_without_point"] = sum(1 for i in held_by if i not in self.home_xy)
        homes = [HomeMark(i, *self.home_xy[i], True) for i in sorted(held_by) if i in self.home_xy]
        key = polsek.casefold() if polsek is not None else None
        homes += [
            HomeMark(i, *self.home_xy[i], False)
            for i, p in sorted(self.reserve_polsek.items())
            if i in self.home_xy and (key is None or p == key)
        ]
        counts["homes"] = sum(1 for h in homes if h.assigned)
        counts["reserve"] = len(homes) - counts["homes"]
        placed = [u for u in units if u.uid in self.unit_xy]
        bounds = _bounds([self.unit_xy[u.uid] for u in placed] + [(h.x, h.y) for h in homes])
        span = max(bounds[1] - bounds[0], bounds[3] - bounds[2])
        where, spread = _spread([(u.uid, self.unit_xy[u.uid]) for u in placed], span)
        counts["spread"] = spread
        marks = tuple(
            UnitMark(u.uid, *where[u.uid], bool(self.holders.get(u.uid)), u.priority)
            for u in placed
        )
        lines = tuple(
            (*self.home_xy[i], *where[u.uid])
            for u in placed
            for i in self.holders.get(u.uid, ())
            if i in self.home_xy
        )
        counts["lines"] = len(lines)
        inside = {u.uid for u in units}
        context = tuple(
            self.unit_xy[u.uid]
            for u in self.all_units
            if u.uid not in inside and u.uid in self.unit_xy
        )
        return MapContent(
            polsek,
            marks,
            tuple(homes),
            lines,
            context,
            _labels(placed, self.unit_xy),
            bounds,
            counts,
            self.priorities_given,
        )


def _bounds(points: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(xmin, xmax, ymin, ymax) of ``points``, at least :data:`MIN_SPAN_KM` on each side."""
    xs, ys = [], []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        half = MIN_SPAN_KM / 2
        return -half, half, -half, half
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    if x1 - x0 < MIN_SPAN_KM:
        mid = (x0 + x1) / 2
        x0, x1 = mid - MIN_SPAN_KM / 2, mid + MIN_SPAN_KM / 2
    if y1 - y0 < MIN_SPAN_KM:
        mid = (y0 + y1) / 2
        y0, y1 = mid - MIN_SPAN_KM / 2, mid + MIN_SPAN_KM / 2
    return x0, x1, y0, y1


def _spread(
    placed: Sequence[tuple[str, tuple[float, float]]], span: float
) -> tuple[dict[str, tuple[float, float]], int]:
    """Where each unit's marker goes, and how many were moved.

    Units on the same point (the desa's, when they have no coordinates of their own) would
    hide each other; they go on a ring around that point (a sunflower disc beyond eight), in
    uid order so that the picture is the same on every run.
    """
    groups: dict[tuple[float, float], list[str]] = defaultdict(list)
    for uid, xy in placed:
        groups[xy].append(uid)
    radius = SPREAD_FRACTION * span
    where: dict[str, tuple[float, float]] = {}
    moved = 0
    for (x, y), uids in groups.items():
        if len(uids) == 1:
            where[uids[0]] = (x, y)
            continue
        n = len(uids)
        moved += n
        for k, uid in enumerate(sorted(uids)):
            if n <= 8:
                r, angle = radius, math.pi / 2 - 2 * math.pi * k / n
            else:  # golden-angle disc: even density however many share the point
                r = radius * math.sqrt(n / 8) * math.sqrt((k + 0.5) / n)
                angle = k * math.pi * (3 - math.sqrt(5))
            where[uid] = (x + r * math.cos(angle), y + r * math.sin(angle))
    return where, moved


def _labels(
    placed: Sequence[Unit], unit_xy: dict[str, tuple[float, float]]
) -> tuple[KecamatanLabel, ...]:
    """One label per kecamatan at the mean of its units' points, in name order."""
    sums: dict[str, list[float]] = {}
    names: dict[str, str] = {}
    for u in placed:
        key = u.uid.split("|", 1)[0]
        names.setdefault(key, u.kecamatan)
        x, y = unit_xy[u.uid]
        acc = sums.setdefault(key, [0.0, 0.0, 0.0])
        acc[0] += x
        acc[1] += y
        acc[2] += 1
    return tuple(
        KecamatanLabel(names[k], sums[k][0] / sums[k][2], sums[k][1] / sums[k][2], int(sums[k][2]))
        for k in sorted(names, key=lambda k: names[k].casefold())
    )
