"""Small helpers to build Instance / Unit / Officer records by hand for the tests.

The defaults describe the plainest eligible member (a Bintara with ten years of service, trained,
active, not a Bhabinkamtibmas), so a test only spells out the fact it is about.  Every person
here is invented.  Unit uids follow the reader's canonical form ``kecamatan|desa|number`` with
lower-case keys.

Points are placed on a north-south line through a base point so that distances can be worked
out by hand: one degree of latitude is ``METRES_PER_DEGREE`` metres on the mean Earth sphere
used by ``rwassign.distance``, so ``north(2.5)`` lies 2,500 m north of ``BASE``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence

from rwassign import ranks
from rwassign.model import Instance, Officer, Point, Unit
from rwassign.settings import Settings

#: Metres per degree of latitude on the sphere of ``rwassign.distance`` (radius 6,371,008.8 m).
METRES_PER_DEGREE = 6_371_008.8 * math.pi / 180.0

#: Base point near Muara Aman, Kabupaten Lebong.
BASE = Point(-3.1, 102.2)

#: Settings that keep the solver quick and single-threaded in tests.
FAST = Settings(time_limit_s=10.0, workers=1)


def north(km: float, base: Point = BASE) -> Point:
    """A point ``km`` kilometres due north of ``base`` (exact on the solver's sphere)."""
    return Point(base.lat + km * 1000.0 / METRES_PER_DEGREE, base.lng)


def unit(
    desa: str = "tunggang",
    number: int = 1,
    *,
    kecamatan: str = "lebong utara",
    polsek: str | None = None,
    priority: int = 1,
    point: Point | None = None,
    kind: str = "RW",
) -> Unit:
    """One RW/dusun; the Polsek defaults to the kecamatan's name."""
    return Unit(
        uid=f"{kecamatan}|{desa}|{number}",
        kecamatan=kecamatan.title(),
        desa=desa.title(),
        kind=kind,
        number=number,
        polsek=polsek if polsek is not None else f"Polsek {kecamatan.title()}",
        priority=priority,
        point=point,
        point_source="unit" if point is not None else "none",
    )


def officer(
    index: int,
    nrp: str,
    pangkat: str = "BRIPKA",
    *,
    nama: str | None = None,
    home: Unit | str | None = None,
    home_desa: str | None = None,
    home_kecamatan: str | None = None,
    home_point: Point | None = None,
    bhabinkamtibmas: bool | None = False,
    trained: bool | None = True,
    service_years: float | None = 10.0,
    active: bool | None = True,
    status: str | None = None,
    jabatan: str = "BA SAT SAMAPTA",
    kesatuan: str = "POLRES LEBONG",
) -> Officer:
    """One roster row; ``home`` is the unit (or its uid) the officer lives in."""
    home_uid = home.uid if isinstance(home, Unit) else home
    return Officer(
        index=index,
        nama=nama if nama is not None else f"Personel {nrp}",
        nrp=nrp,
        rank=ranks.by_code(pangkat),
        rank_text=pangkat,
        jabatan=jabatan,
        kesatuan=kesatuan,
        home_unit=home_uid,
        home_desa=home_desa,
        home_kecamatan=home_kecamatan,
        home_point=home_point,
        bhabinkamtibmas=bhabinkamtibmas,
        trained=trained,
        service_years=service_years,
        active=active,
        status=status,
    )


def renumber(officers: Iterable[Officer]) -> tuple[Officer, ...]:
    """The officers with ``index`` set to their position, as the reader numbers roster rows
    (the solver and the checker rely on ``index`` being the position)."""
    return tuple(dataclasses.replace(o, index=i) for i, o in enumerate(officers))


def instance(
    units: Sequence[Unit], officers: Sequence[Officer], name: str = "Polres Uji"
) -> Instance:
    """An instance whose officers are renumbered in the order given."""
    return Instance(name, tuple(units), renumber(officers))
