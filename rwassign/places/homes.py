"""Members' homes the units sheet does not hold, placed from the gazetteer.

A roster names a member's home by desa (and sometimes kecamatan and RW).  When that desa has
units in the sheet, the home takes their point, as before.  When it has none (a desa of the
kabupaten the sheet leaves out, a misspelt name, a kecamatan without units), the gazetteer
places it: at the desa's centroid, told apart by kecamatan where the kabupaten has two desa of
that name; at the kecamatan's centre where the desa cannot be told (with a warning naming the
candidates or the likely meant name).  A member is never dropped for an unknown home: the home
desa is a fact about the member, not a rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from rwassign import gazetteer
from rwassign.model import Location, Point
from rwassign.normalize.places import kecamatan_key
from rwassign.places import (
    SOURCE_CENTROID,
    SOURCE_KECAMATAN,
    SOURCE_NONE,
    PlaceContext,
    Sink,
    suggest_names,
)


@dataclass(frozen=True)
class Home:
    """Where a home is: its point and that point's source, and its kecamatan key (as unit uids
    spell it) when known."""

    point: Point | None
    source: str
    kecamatan: str | None


NOWHERE = Home(None, SOURCE_NONE, None)


def place_home(
    ctx: PlaceContext,
    kecamatan: str,
    desa: str,
    kec_loc: Location,
    desa_loc: Location,
    out: Sink,
) -> Home:
    """The gazetteer's place for a home typed as (``kecamatan``, ``desa``), either may be
    empty; ``ctx`` must be recognised.  Each stand-in is a warning at the cell."""
    gaz = ctx.gaz
    assert gaz is not None and ctx.recognised
    codes = ctx.codes
    kec_codes = gaz.kecamatan_codes(kecamatan, codes) if kecamatan else []
    if kecamatan and not kec_codes:
        names = [n for k in ctx.kabupaten for n in k.kecamatan]
        out.warn(
            "places.home_kecamatan_unknown",
            kec_loc,
            kecamatan=kecamatan,
            suggestion=suggest_names(kecamatan, names),
        )
        return NOWHERE
    kec_key = kecamatan_key(kecamatan) if kecamatan else None
    if not desa:
        return _at_kecamatan(gaz, kec_codes, kec_key, kecamatan, "", kec_loc, out)
    found = gaz.find_desa(desa, kecamatan=kecamatan or None, kabupaten=codes)
    if len(found) == 1:
        d = found[0]
        kec_key = kec_key or kecamatan_key(d.kecamatan)
        if d.point is not None:
            return Home(d.point, SOURCE_CENTROID, kec_key)
        return _at_kecamatan(gaz, [d.kode_kecamatan], kec_key, d.kecamatan, desa, desa_loc, out)
    if len(found) > 1:
        candidates = ", ".join(f"{d.jenis} {d.nama} ({d.kode}, Kec. {d.kecamatan})" for d in found)
        if len({d.kode_kecamatan for d in found}) > 1:
            out.warn("places.home_desa_ambiguous", desa_loc, desa=desa, candidates=candidates)
            return NOWHERE
        out.warn("places.home_same_name", desa_loc, desa=desa, candidates=candidates)
        d = found[0]
        return _centre(gaz, d.kode_kecamatan, kec_key or kecamatan_key(d.kecamatan))
    close = gaz.suggest_desa(desa, kecamatan=kecamatan or None, kabupaten=codes)
    suggestion = ", ".join(dict.fromkeys(f"'{d.nama}'" for d in close)) or "-"
    if kec_codes:
        out.warn(
            "places.home_unknown_kecamatan",
            desa_loc,
            desa=desa,
            kecamatan=kecamatan,
            suggestion=suggestion,
        )
        return _centre(gaz, kec_codes[0], kec_key)
    out.warn("places.home_unknown", desa_loc, desa=desa, suggestion=suggestion)
    return NOWHERE


def _at_kecamatan(
    gaz: gazetteer.Gazetteer,
    kec_codes: list[str],
    kec_key: str | None,
    kecamatan: str,
    desa: str,
    loc: Location,
    out: Sink,
) -> Home:
    """A home known only by its kecamatan (or a desa without a centroid): the kecamatan's
    centre, with a warning, since it may be a long way from the real home."""
    if not kec_codes:
        return NOWHERE
    out.warn("places.home_at_kecamatan", loc, desa=desa or "-", kecamatan=kecamatan)
    return _centre(gaz, kec_codes[0], kec_key)


def _centre(gaz: gazetteer.Gazetteer, kec_code: str, kec_key: str | None) -> Home:
    point = gaz.kecamatan_point(kec_code)
    return Home(point, SOURCE_KECAMATAN if point else SOURCE_NONE, kec_key)
