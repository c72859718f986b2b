"""The place step: which wilayah a units sheet is in, which real desa each row means, and where.

Real Polres sheets name their desa and rarely give coordinates.  Between reading the rows and
building the units, this step asks the national gazetteer (:mod:`rwassign.gazetteer`) three
things: which kabupaten/kota the sheet covers (recognised from its names and codes, or the
``wilayah`` setting), which desa of it each typed name means (a misspelt name or a desa in the
wrong kecamatan is an input error with the likely meant name), and where each desa lies (its
centroid, else its kecamatan's mean).  The roster's homes are placed the same way
(:mod:`rwassign.places.homes`).

A sheet of invented names (synthetic benchmarks, most tests) or a Polres outside the gazetteer
is left exactly as it was read, with one warning: the step only ever adds what it knows.

Where a point comes from is kept with it (``Unit.point_source``, ``Officer.home_point_source``)
so that each assignment can say on what its distance rests (:func:`distance_basis`).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from rwassign import gazetteer
from rwassign.gazetteer import Desa, Gazetteer, Kabupaten
from rwassign.model import Location, Officer, PlaceSummary, Point, Unit

# --- where a point comes from -------------------------------------------------------------

#: Point sources, best first.  ``unit``: the row's own coordinates; ``desa``: coordinates the
#: sheet gives for the whole desa (or the mean of its units' own); ``pusat_desa``: the desa's
#: centroid in the gazetteer; ``pusat_kecamatan``: the mean of its kecamatan's centroids;
#: ``none``: no point, the administrative stand-in distance applies.
SOURCE_UNIT = "unit"
SOURCE_DESA = "desa"
SOURCE_CENTROID = "pusat_desa"
SOURCE_KECAMATAN = "pusat_kecamatan"
SOURCE_NONE = "none"

#: The ``DASAR JARAK`` words, as the plan prints them.
BASIS_COORDINATES = "koordinat"
BASIS_CENTROID = "pusat desa"
BASIS_KECAMATAN = "pusat kecamatan"
BASIS_ADMIN = "administratif"

_BASIS_OF_SOURCE = {
    SOURCE_UNIT: BASIS_COORDINATES,
    SOURCE_DESA: BASIS_COORDINATES,
    SOURCE_CENTROID: BASIS_CENTROID,
    SOURCE_KECAMATAN: BASIS_KECAMATAN,
}
_BASIS_RANK = {BASIS_COORDINATES: 0, BASIS_CENTROID: 1, BASIS_KECAMATAN: 2, BASIS_ADMIN: 3}


def point_basis(source: str) -> str:
    """The ``DASAR JARAK`` word of one point's source; a point of unknown source (a record
    built by hand with coordinates) counts as coordinates."""
    return _BASIS_OF_SOURCE.get(source, BASIS_COORDINATES)


def distance_basis(unit: Unit, officer: Officer, has_points: bool) -> str:
    """On what one home-to-unit distance rests: the coarser of its two ends.

    ``has_points`` says whether both ends had a point (the distance is great-circle); without
    one the administrative stand-in applied, whatever the other end was.
    """
    if not has_points:
        return BASIS_ADMIN
    ends = (point_basis(unit.point_source), point_basis(officer.home_point_source))
    return max(ends, key=_BASIS_RANK.__getitem__)


# --- options and results ------------------------------------------------------------------


class Sink(Protocol):
    """Where problems go (the reader's collector): one message per problem, at its cell."""

    def error(self, code: str, loc: Location, /, **params: Any) -> None: ...

    def warn(self, code: str, loc: Location, /, **params: Any) -> None: ...


@dataclass(frozen=True)
class PlaceOptions:
    """The settings of the place step: ``wilayah`` (kabupaten/kota names or codes that
    override recognition) and ``desa_baru`` (new desa, not yet in the gazetteer, let through
    and placed at their kecamatan's centre)."""

    wilayah: tuple[str, ...] = ()
    desa_baru: tuple[str, ...] = ()

    @classmethod
    def of(cls, values: dict[str, Any]) -> PlaceOptions:
        """From coerced setting values (absent keys keep the defaults)."""
        return cls(tuple(values.get("wilayah") or ()), tuple(values.get("desa_baru") or ()))


@dataclass(frozen=True)
class DesaRow:
    """One desa as the units sheet names it (its first row), with the cells to point at."""

    kecamatan: str
    desa: str
    kode: str | None
    desa_loc: Location
    kecamatan_loc: Location


@dataclass(frozen=True)
class Placed:
    """What the gazetteer says of one desa row: the desa meant (``None`` for an accepted new
    desa), its point and that point's source."""

    desa: Desa | None
    point: Point | None
    source: str


@dataclass
class PlaceContext:
    """The outcome of the units step, handed to the roster step (homes are looked up in the
    same kabupaten/kota)."""

    gaz: Gazetteer | None = None
    kabupaten: tuple[Kabupaten, ...] = ()
    summary: PlaceSummary | None = None
    placed: dict[int, Placed] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(k.kode for k in self.kabupaten)

    @property
    def recognised(self) -> bool:
        return bool(self.kabupaten)


def wilayah_text(kabupaten: Sequence[Kabupaten]) -> tuple[str, ...]:
    """``("Kabupaten Rejang Lebong, Bengkulu",)``: how the summary names the wilayah."""
    return tuple(f"{k.nama}, {k.provinsi}" for k in kabupaten)


# --- the units step -----------------------------------------------------------------------


def place_units(
    rows: Sequence[DesaRow], options: PlaceOptions, sheet_loc: Location, out: Sink
) -> PlaceContext:
    """Recognise the wilayah of ``rows`` and resolve each row's desa (``placed`` by row
    position); problems go to ``out``.  Nothing recognised: one warning, nothing placed."""
    gaz = gazetteer.load()
    if options.wilayah:
        kabs = _wilayah_setting(gaz, options.wilayah, sheet_loc, out)
        if kabs is None:
            return PlaceContext(gaz)
    else:
        rec = gazetteer.recognise(gaz, ((r.kecamatan, r.desa, r.kode) for r in rows))
        kabs = list(rec.kabupaten)
    if not kabs:
        out.warn("places.not_recognised", sheet_loc, total=len(rows))
        summary = PlaceSummary((), 0, len(rows))
        return PlaceContext(gaz, (), summary)
    ctx = PlaceContext(gaz, tuple(kabs))
    new_desa = {gazetteer.name_key(n) for n in options.desa_baru}
    bad_kec: set[str] = set()
    matched = 0
    for pos, row in enumerate(rows):
        placed = _place_row(gaz, ctx, row, new_desa, bad_kec, out)
        if placed is not None:
            ctx.placed[pos] = placed
            matched += placed.desa is not None
    ctx.summary = PlaceSummary(wilayah_text(kabs), matched, len(rows))
    return ctx


def _wilayah_setting(
    gaz: Gazetteer, wanted: Sequence[str], loc: Location, out: Sink
) -> list[Kabupaten] | None:
    """The kabupaten/kota the ``wilayah`` setting names; ``None`` after an error."""
    found: list[Kabupaten] = []
    ok = True
    for query in wanted:
        hits = gaz.find_kabupaten(query)
        if len(hits) == 1:
            if hits[0] not in found:
                found.append(hits[0])
            continue
        ok = False
        if hits:
            names = ", ".join(f"{k.nama} ({k.kode})" for k in hits)
            out.error("places.wilayah_ambiguous", loc, value=query, candidates=names)
        else:
            close = ", ".join(f"'{k.nama}'" for k in gaz.suggest_kabupaten(query)) or "-"
            out.error("places.wilayah_unknown", loc, value=query, suggestion=close)
    return found if ok else None


def _place_row(
    gaz: Gazetteer,
    ctx: PlaceContext,
    row: DesaRow,
    new_desa: set[str],
    bad_kec: set[str],
    out: Sink,
) -> Placed | None:
    """One desa row: by its code, else by name in its kecamatan; ``None`` after an error."""
    codes = ctx.codes
    if row.kode:
        hit = gaz.lookup_code(row.kode)
        if hit is not None and hit.kode_kabupaten in codes:
            return _at(gaz, hit, row, out)
        if hit is not None:
            out.error(
                "places.code_elsewhere",
                row.desa_loc,
                kode=row.kode,
                desa=hit.nama,
                where=f"{hit.kecamatan}, {hit.kabupaten}",
            )
            return None
    kec_codes = gaz.kecamatan_codes(row.kecamatan, codes)
    if not kec_codes:
        key = gazetteer.name_key(row.kecamatan)
        if key not in bad_kec:
            bad_kec.add(key)
            names = [n for k in ctx.kabupaten for n in k.kecamatan]
            out.error(
                "places.kecamatan_unknown",
                row.kecamatan_loc,
                kecamatan=row.kecamatan,
                wilayah=", ".join(k.nama for k in ctx.kabupaten),
                suggestion=suggest_names(row.kecamatan, names),
            )
        return None
    found = gaz.find_desa(row.desa, kecamatan=row.kecamatan, kabupaten=codes)
    if len(found) == 1:
        return _at(gaz, found[0], row, out)
    if len(found) > 1:
        out.error(
            "places.desa_ambiguous",
            row.desa_loc,
            desa=row.desa,
            kecamatan=row.kecamatan,
            candidates=", ".join(f"{d.jenis} {d.nama} ({d.kode})" for d in found),
        )
        return None
    if any(k in new_desa for k in gazetteer.desa_keys(row.desa)):
        point = gaz.kecamatan_point(kec_codes[0])
        out.warn("places.desa_new", row.desa_loc, desa=row.desa, kecamatan=row.kecamatan)
        return Placed(None, point, SOURCE_KECAMATAN if point else SOURCE_NONE)
    elsewhere = gaz.find_desa(row.desa, kabupaten=codes)
    if elsewhere:
        out.error(
            "places.desa_other_kecamatan",
            row.desa_loc,
            desa=row.desa,
            kecamatan=row.kecamatan,
            found=", ".join(sorted({d.kecamatan for d in elsewhere})),
        )
        return None
    close = gaz.suggest_desa(row.desa, kecamatan=row.kecamatan, kabupaten=codes)
    out.error(
        "places.desa_unknown",
        row.desa_loc,
        desa=row.desa,
        kecamatan=row.kecamatan,
        suggestion=", ".join(dict.fromkeys(f"'{d.nama}'" for d in close)) or "-",
    )
    return None


def _at(gaz: Gazetteer, desa: Desa, row: DesaRow, out: Sink) -> Placed:
    """A recognised desa's point: its centroid, else its kecamatan's mean (with a warning)."""
    if desa.point is not None:
        return Placed(desa, desa.point, SOURCE_CENTROID)
    point = gaz.kecamatan_point(desa.kode_kecamatan)
    out.warn("places.desa_no_centroid", row.desa_loc, desa=desa.nama, kecamatan=desa.kecamatan)
    return Placed(desa, point, SOURCE_KECAMATAN if point else SOURCE_NONE)


def suggest_names(typed: str, names: Sequence[str]) -> str:
    """The closest of ``names`` to ``typed``, quoted, or ``-``."""
    keys = {gazetteer.name_key(n): n for n in names}
    close = difflib.get_close_matches(gazetteer.name_key(typed), list(keys), n=3, cutoff=0.6)
    return ", ".join(f"'{keys[k]}'" for k in close) or "-"


def unit_kind(desa: Desa) -> str:
    """Kelurahan have RW, desa have dusun (DOMAIN.md)."""
    return "RW" if desa.kelurahan else "Dusun"


__all__ = [
    "BASIS_ADMIN",
    "BASIS_CENTROID",
    "BASIS_COORDINATES",
    "BASIS_KECAMATAN",
    "DesaRow",
    "PlaceContext",
    "PlaceOptions",
    "Placed",
    "distance_basis",
    "place_units",
    "point_basis",
    "suggest_names",
    "unit_kind",
    "wilayah_text",
]
