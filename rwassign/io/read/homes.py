"""A roster member's home, matched to the units of the units sheet or placed from the gazetteer.

A roster names a home by kecamatan, desa, RW/dusun, and sometimes the desa's Kemendagri code.
:func:`match_home` finds the unit or desa of the units sheet it names (told apart by kecamatan,
by code or by RW where two desa share a name); a home the sheet does not hold is placed from
the gazetteer when the wilayah was recognised (:mod:`rwassign.places.homes`), else it is a
warning and the administrative stand-in, as before.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rwassign.io.read.common import Collector
from rwassign.io.read.fields import Header
from rwassign.io.read.tables import cell_text
from rwassign.model import Unit
from rwassign.normalize.places import code_digits, desa_key, kecamatan_key, parse_unit_label
from rwassign.places import SOURCE_CENTROID, PlaceContext
from rwassign.places.homes import NOWHERE, Home, place_home


@dataclass
class UnitIndex:
    """Lookups from names typed in a roster to the units read from the units sheet."""

    uids: set[str] = field(default_factory=set)
    desa_kecs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kecs: set[str] = field(default_factory=set)
    # (kecamatan key, desa name key) -> desa keys: two when one kecamatan has two desa of that
    # name, told apart by code (``sorkam kanan (12.01.10.1001)``).
    same_name: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    by_code: dict[str, str] = field(default_factory=dict)  # code digits -> desa key
    unit_source: dict[str, str] = field(default_factory=dict)  # uid -> point source
    desa_source: dict[str, str] = field(default_factory=dict)  # desa key -> a unit's source

    @classmethod
    def of(cls, units: list[Unit]) -> UnitIndex:
        idx = cls()
        for u in units:
            kk, dk, _ = u.uid.split("|")
            base = dk.split(" (", 1)[0]
            idx.uids.add(u.uid)
            idx.desa_kecs[base].add(kk)
            idx.kecs.add(kk)
            if dk not in idx.same_name[(kk, base)]:
                idx.same_name[(kk, base)].append(dk)
            if u.kode_desa:
                idx.by_code.setdefault(code_digits(u.kode_desa), u.desa_key)
            if u.point is not None:
                idx.unit_source[u.uid] = u.point_source
                idx.desa_source.setdefault(u.desa_key, u.point_source)
        return idx


def match_home(
    row: list[Any],
    header: Header,
    index: UnitIndex,
    loc: Any,
    out: Collector,
    places: PlaceContext,
) -> tuple[str | None, str | None, str | None, Home]:
    """(home unit uid, home desa key, home kecamatan key, gazetteer place) for one roster row.

    The kecamatan may be left out when the desa name is unique in the Polres.  An address that
    matches no unit is a warning, not an error: the member may live outside the Polres, and the
    solver still places them: from the gazetteer when the wilayah was recognised, else at an
    administrative distance.
    """
    kec_text = header.text(row, "home_kecamatan")
    desa_text = header.text(row, "home_desa")
    unit_raw = header.value(row, "home_unit")
    unit_text = cell_text(unit_raw)
    by_code = home_by_code(header.text(row, "home_kode_desa"), unit_raw, index, places)
    if by_code is not None:
        return by_code
    if not (kec_text or desa_text or unit_text):
        return None, None, None, NOWHERE
    shown = ", ".join(t for t in (unit_text, desa_text, kec_text) if t)

    def gazetteer(kk: str | None, field_: str) -> tuple[str | None, str | None, str | None, Home]:
        """The home is not among the units: the gazetteer places it (recognised wilayah), or
        a warning at ``field_`` says it matched nothing."""
        if not places.recognised:
            out.warn("officer.home_no_match", loc(field_), home=shown)
            return None, None, kk, NOWHERE
        home = place_home(places, kec_text, desa_text, loc("home_kecamatan"), loc("home_desa"), out)
        return None, None, home.kecamatan or kk, home

    kk = kecamatan_key(kec_text) if kec_text else None
    if kk is not None and kk not in index.kecs:
        if not places.recognised:
            out.warn("officer.home_no_match", loc("home_kecamatan"), home=shown)
            return None, None, None, NOWHERE
        return gazetteer(kk, "home_kecamatan")
    if not desa_text:
        if unit_text:
            out.warn("officer.home_no_match", loc("home_unit"), home=shown)
            return None, None, kk, NOWHERE
        return gazetteer(kk, "home_kecamatan") if places.recognised else (None, None, kk, NOWHERE)
    dk = desa_key(desa_text)
    kecs = index.desa_kecs.get(dk, set())
    if kk is not None:
        kecs = kecs & {kk}
    if not kecs:
        return gazetteer(kk, "home_desa")
    if len(kecs) > 1:
        out.warn("officer.home_ambiguous", loc("home_desa"), desa=desa_text, count=len(kecs))
        return None, None, None, NOWHERE
    kk = next(iter(kecs))
    parsed = parse_unit_label(unit_raw) if unit_text else None
    keys = index.same_name.get((kk, dk), [dk])
    if len(keys) > 1:
        # One kecamatan, two desa of this name: the home RW decides when only one has it.
        having = [k for k in keys if parsed and f"{kk}|{k}|{parsed[1]}" in index.uids]
        if len(having) != 1:
            if not places.recognised:
                shown_keys = ", ".join(keys)
                out.warn(
                    "places.home_same_name", loc("home_desa"), desa=desa_text, candidates=shown_keys
                )
                return None, None, kk, NOWHERE
            home = place_home(
                places, kec_text, desa_text, loc("home_kecamatan"), loc("home_desa"), out
            )
            return None, None, kk, home
        keys = having
    home_desa = f"{kk}|{keys[0]}"
    if not unit_text:
        return None, home_desa, kk, NOWHERE
    uid = f"{home_desa}|{parsed[1]}" if parsed else None
    if uid is None or uid not in index.uids:
        out.warn("officer.home_no_match", loc("home_unit"), home=shown)
        return None, home_desa, kk, NOWHERE
    return uid, home_desa, kk, NOWHERE


def home_by_code(
    kode: str, unit_raw: Any, index: UnitIndex, places: PlaceContext
) -> tuple[str | None, str | None, str | None, Home] | None:
    """A home given by its desa's Kemendagri code: the code decides between desa of one name.
    ``None`` when there is no code, or one that names no desa here (the name is tried then)."""
    digits = code_digits(kode)
    if not digits:
        return None
    home_desa = index.by_code.get(digits)
    if home_desa is not None:
        kk = home_desa.split("|", 1)[0]
        parsed = parse_unit_label(unit_raw) if cell_text(unit_raw) else None
        uid = f"{home_desa}|{parsed[1]}" if parsed else None
        return (uid if uid in index.uids else None), home_desa, kk, NOWHERE
    if places.recognised and places.gaz is not None:
        desa = places.gaz.lookup_code(digits)
        if desa is not None and desa.kode_kabupaten in places.codes and desa.point is not None:
            return (
                None,
                None,
                kecamatan_key(desa.kecamatan),
                Home(desa.point, SOURCE_CENTROID, kecamatan_key(desa.kecamatan)),
            )
    return None
