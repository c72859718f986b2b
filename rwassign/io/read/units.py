"""Read the units sheet (RW / dusun / banjar / lingkungan) into :class:`~rwassign.model.Unit`.

Two layouts are accepted, even mixed in one sheet: one row per unit (``Desa Tunggang | Dusun
2``), or one row per desa with a count (``Tunggang | 3``), which is how most Polres actually
hold their RW lists.  A count row expands into units 1..n.  Kecamatan, desa and Polsek cells
left blank under a filled one (or merged over several rows) carry down, as a reader would.

Between reading the rows and building the units, the place step (:mod:`rwassign.places`) finds
the real desa each row means: a unit without coordinates gets its desa's centroid, a unit whose
kind the sheet does not say gets it from the desa (kelurahan: RW, desa: dusun), and two desa of
one name in one kecamatan are told apart by their Kemendagri codes (their uids carry the code).

Long because a unit's identity is decided here in one pass over the rows: the two layouts, the
carry-down of merged cells, the kinds said by label, column, header or code, and the place
step's results all bear on one uid; split apart, each piece would need the others' state.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rwassign.io.read.common import MAX_UNITS, MAX_UNITS_PER_DESA, Collector, read_point
from rwassign.io.read.config import polsek_display
from rwassign.io.read.fields import Header, is_numbering_row, is_total_row
from rwassign.io.read.tables import RawSheet, cell_text, first_filled
from rwassign.model import Location, Point, Unit
from rwassign.normalize.places import (
    code_digits,
    desa_key,
    kecamatan_key,
    parse_kind,
    parse_unit_label,
    polsek_key,
)
from rwassign.normalize.quantities import parse_float
from rwassign.normalize.text import norm_header
from rwassign.normalize.words import parse_priority
from rwassign.places import (
    DesaRow,
    PlaceContext,
    Placed,
    PlaceOptions,
    place_units,
    unit_kind,
)

_KODE_RE = re.compile(r"^(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})$")
_KIND_WORDS = (
    ("dusun", "Dusun"),
    ("banjar", "Banjar"),
    ("lingkungan", "Lingkungan"),
    ("jorong", "Jorong"),
    ("rw", "RW"),
)


def kind_from_header(text: str) -> str | None:
    """``JUMLAH DUSUN`` -> Dusun, ``NO RW`` -> RW; ``RW/DUSUN`` names two kinds -> ``None``."""
    n = norm_header(text)
    kinds = {kind for word, kind in _KIND_WORDS if word in n}
    return kinds.pop() if len(kinds) == 1 else None


def kind_from_kode(kode: str) -> str | None:
    """Kemendagri ``PP.KK.CC.DDDD``: desa part 1xxx is a kelurahan (RW), 2xxx a desa (dusun)."""
    m = _KODE_RE.match(kode.replace(" ", ""))
    if m is None:
        return None
    return {"1": "RW", "2": "Dusun"}.get(m.group(4)[0])


def kind_from_jenis(text: str) -> str | None:
    """A ``Jenis`` cell: a unit kind (``Dusun``), or the desa type (``Kelurahan`` -> RW)."""
    kind = parse_kind(text)
    if kind is not None:
        return kind
    n = norm_header(text)
    if n in ("kelurahan", "kel"):
        return "RW"
    if n in ("desa", "ds"):
        return "Dusun"
    return None


@dataclass
class _Pending:
    """A unit read from a row, before display names are made consistent."""

    kec: str
    desa: str
    kind: str
    number: int
    label_text: str
    polsek: str | None
    priority: int
    point: Point | None
    point_source: str
    kode: str | None
    loc: Location
    kind_explicit: bool = True  # said by the sheet (label, jenis, header or code)
    desa_loc: Location | None = None
    kec_loc: Location | None = None
    placed: Placed | None = None


def _is_subtitle(row: list[Any], header: Header, keep_cols: set[int]) -> bool:
    """A row with one text cell, not in a column that may stand alone (a sub-title such as
    ``KECAMATAN AMEN``, or a signature line below the table)."""
    filled = first_filled(row)
    return filled is not None and filled not in keep_cols and isinstance(row[filled], str)


def read_units(
    sheet: RawSheet,
    header: Header,
    polsek_map: dict[str, str] | None,
    out: Collector,
    max_units: int = MAX_UNITS,
    places: PlaceOptions | None = None,
) -> list[Unit]:
    """All units of ``sheet``, placed (:func:`read_units_placed`), without the place context."""
    return read_units_placed(sheet, header, polsek_map, out, max_units, places)[0]


def read_units_placed(
    sheet: RawSheet,
    header: Header,
    polsek_map: dict[str, str] | None,
    out: Collector,
    max_units: int = MAX_UNITS,
    places: PlaceOptions | None = None,
) -> tuple[list[Unit], PlaceContext]:
    """All units of ``sheet``, sorted by (Polsek, kecamatan, desa, number), and what the place
    step recognised (the roster's homes are looked up in it); problems go to ``out``.  The
    caller has checked the required columns are present.

    A count cell is bounded by :data:`MAX_UNITS_PER_DESA` before it is expanded (``1e300``
    is a number, just not a desa's), and the sheet stops at ``max_units`` units, so a typo
    cannot make the reader or the solver run for hours."""
    col_text = header.texts
    unit_kind_hdr = kind_from_header(col_text["unit"]) if header.has("unit") else None
    count_kind_hdr = kind_from_header(col_text["count"]) if header.has("count") else None
    keep = {header.columns[f] for f in ("unit", "count") if header.has(f)}

    pending: list[_Pending] = []
    prev: dict[str, str] = {}
    for i in range(header.data_start, len(sheet.rows)):
        row = sheet.rows[i]
        r = i + 1
        if len(pending) > max_units:
            out.error("units.too_many", sheet.loc(r), limit=max_units)
            break
        if not any(cell_text(v) for v in row) or is_numbering_row(row) or is_total_row(row):
            continue
        if _is_subtitle(row, header, keep):
            continue

        def loc(f: str | None = None, r: int = r) -> Location:
            return sheet.loc(r, col_text.get(f) if f else None)

        kec = header.text(row, "kecamatan") or prev.get("kec", "")
        desa = header.text(row, "desa")
        label_raw = header.value(row, "unit")
        has_label = bool(cell_text(label_raw))
        if not desa and has_label and kecamatan_key(kec) == kecamatan_key(prev.get("kec", "")):
            desa = prev.get("desa", "")
        pol = header.text(row, "polsek")
        if (
            not pol
            and header.has("polsek")
            and kecamatan_key(kec) == kecamatan_key(prev.get("kec", ""))
        ):
            pol = prev.get("pol", "")
        prev = {"kec": kec, "desa": desa, "pol": pol}
        if not kec:
            out.error("unit.kecamatan_missing", loc("kecamatan"))
            continue
        if not desa:
            out.error("unit.desa_missing", loc("desa"))
            continue

        kode = header.text(row, "kode_desa") or None
        kode_kind = None
        if kode:
            kode_kind = kind_from_kode(kode)
            if kode_kind is None:
                out.warn("unit.kode_invalid", loc("kode_desa"), value=kode)
        jenis = header.text(row, "kind")
        jenis_kind = kind_from_jenis(jenis) if jenis else None
        if jenis and jenis_kind is None:
            out.warn("unit.unknown_kind", loc("kind"), value=jenis)

        try:
            priority = parse_priority(header.value(row, "priority")) or 1
        except ValueError:  # reported; the row is read on so its other cells are checked too
            out.error("unit.bad_priority", loc("priority"), value=header.text(row, "priority"))
            priority = 1

        point: Point | None = None
        if header.has("lat") or header.has("lng"):
            point = read_point(
                header.value(row, "lat"), header.value(row, "lng"), loc("lat"), loc("lng"), out
            )

        if has_label:
            default = jenis_kind or unit_kind_hdr or kode_kind
            parsed = parse_unit_label(label_raw, default or _UNSAID)
            if parsed is None:
                out.error("unit.bad_label", loc("unit"), value=cell_text(label_raw))
                continue
            kind, number = parsed
            said = kind != _UNSAID
            kind = kind if said else "RW"
            pending.append(
                _Pending(
                    kec=kec,
                    desa=desa,
                    kind=kind,
                    number=number,
                    label_text=cell_text(label_raw),
                    polsek=pol or None,
                    priority=priority,
                    point=point,
                    point_source="unit" if point else "none",
                    kode=kode,
                    loc=loc(),
                    kind_explicit=said,
                    desa_loc=loc("desa"),
                    kec_loc=loc("kecamatan"),
                )
            )
            continue

        count_raw = header.value(row, "count")
        if not cell_text(count_raw):
            out.error("unit.no_unit", loc("unit" if header.has("unit") else "count"))
            continue
        try:
            count_f = parse_float(count_raw)
        except ValueError:
            count_f = None
        if count_f is None or count_f < 0 or not count_f.is_integer():
            out.error("unit.bad_count", loc("count"), value=cell_text(count_raw))
            continue
        if count_f == 0:
            out.warn("unit.count_zero", loc("count"), desa=desa)
            continue
        if count_f > MAX_UNITS_PER_DESA:
            out.error(
                "unit.count_too_large",
                loc("count"),
                value=cell_text(count_raw),
                limit=MAX_UNITS_PER_DESA,
            )
            continue
        said_kind = jenis_kind or count_kind_hdr or kode_kind
        kind = said_kind or "RW"
        row_loc, desa_loc, kec_loc = loc(), loc("desa"), loc("kecamatan")  # shared by its units
        for n in range(1, int(count_f) + 1):
            pending.append(
                _Pending(
                    kec=kec,
                    desa=desa,
                    kind=kind,
                    number=n,
                    label_text=f"{kind} {n}",
                    polsek=pol or None,
                    priority=priority,
                    point=point,  # the desa's point, shared by each of its units
                    point_source="desa" if point else "none",
                    kode=kode,
                    loc=row_loc,
                    kind_explicit=said_kind is not None,
                    desa_loc=desa_loc,
                    kec_loc=kec_loc,
                )
            )

    if len(pending) > max_units:
        if not any(p.code == "units.too_many" for p in out.problems):
            out.error("units.too_many", sheet.loc(), limit=max_units)
        return [], PlaceContext()
    context = _place(pending, places or PlaceOptions(), sheet.loc(), out)
    return _build(pending, polsek_map, out), context


#: A kind no label spells: what ``parse_unit_label`` returns for a bare number, so a number
#: without a kind word can take its kind from the gazetteer.
_UNSAID = "?"


def _place(
    pending: list[_Pending], options: PlaceOptions, sheet_loc: Location, out: Collector
) -> PlaceContext:
    """Run the place step on the sheet's distinct desa and attach each one's result to its
    units; a unit whose kind the sheet does not say takes the desa's (kelurahan: RW)."""
    rows: dict[tuple[str, str, str], int] = {}
    refs: list[DesaRow] = []
    of_pending: list[int] = []
    coded: dict[tuple[str, str], set[str]] = defaultdict(set)
    names = [(kecamatan_key(p.kec), desa_key(p.desa)) for p in pending]  # each once: 5,000 rows
    codes = [code_digits(p.kode) for p in pending]
    for name, digits in zip(names, codes, strict=True):
        if digits:
            coded[name].add(digits)
    for p, name, digits in zip(pending, names, codes, strict=True):
        if not digits and len(coded[name]) == 1:  # a code given on the desa's first row only
            digits = next(iter(coded[name]))
        key = (*name, digits)
        if key not in rows:
            rows[key] = len(refs)
            refs.append(DesaRow(p.kec, p.desa, p.kode, p.desa_loc or p.loc, p.kec_loc or p.loc))
        of_pending.append(rows[key])
    if not refs:
        return PlaceContext()
    context = place_units(refs, options, sheet_loc, out)
    for p, pos in zip(pending, of_pending, strict=True):
        placed = context.placed.get(pos)
        if placed is None:
            continue
        p.placed = placed
        if placed.desa is not None:
            if not p.kode or kind_from_kode(p.kode) is None:
                p.kode = placed.desa.kode
            if not p.kind_explicit:
                p.kind = unit_kind(placed.desa)
                p.label_text = f"{p.kind} {p.number}"
    return context


def _first_spelling(values: list[tuple[str, str]]) -> dict[str, str]:
    """key -> the first way it was written, so one desa is not shown two ways."""
    out: dict[str, str] = {}
    for key, text in values:
        out.setdefault(key, text)
    return out


def _build(
    pending: list[_Pending], polsek_map: dict[str, str] | None, out: Collector
) -> list[Unit]:
    # Two desa of one name in one kecamatan (Sorkam Kanan, kelurahan and desa) are told apart
    # by their codes: their keys carry the code.  Any other desa keeps its plain name key, so
    # uids stay what they were for every sheet without such a pair.
    codes: dict[str, set[str]] = defaultdict(set)
    kec_keys = [kecamatan_key(p.kec) for p in pending]  # each key once per unit: 5,000 rows
    plain_keys = [f"{kk}|{desa_key(p.desa)}" for p, kk in zip(pending, kec_keys, strict=True)]
    for p, dk in zip(pending, plain_keys, strict=True):
        digits = code_digits(p.kode)
        if digits:
            codes[dk].add(digits)
    desa_keys = [
        f"{dk} ({p.kode})" if len(codes[dk]) > 1 and p.kode else dk
        for p, dk in zip(pending, plain_keys, strict=True)
    ]

    kec_names = _first_spelling([(kk, p.kec) for p, kk in zip(pending, kec_keys, strict=True)])
    desa_names = _first_spelling([(dk, p.desa) for p, dk in zip(pending, desa_keys, strict=True)])
    pol_names = _first_spelling(
        [(polsek_key(p.polsek), polsek_display(p.polsek)) for p in pending if p.polsek]
    )

    # A unit without its own point takes its desa's: the mean of the desa's other units.
    own: dict[str, list[Point]] = defaultdict(list)
    for p, dk in zip(pending, desa_keys, strict=True):
        if p.point is not None and p.point_source == "unit":
            own[dk].append(p.point)
    desa_point = {
        k: Point(sum(q.lat for q in pts) / len(pts), sum(q.lng for q in pts) / len(pts))
        for k, pts in own.items()
    }

    seen: dict[str, _Pending] = {}
    reported: set[tuple[int | None, int | None]] = set()
    warned_kec: set[str] = set()
    units: list[Unit] = []
    for p, kk, dk in zip(pending, kec_keys, desa_keys, strict=True):
        uid = f"{dk}|{p.number}"
        if uid in seen:
            first = seen[uid]
            pair = (first.loc.row, p.loc.row)
            if pair not in reported:
                reported.add(pair)
                out.error(
                    "unit.duplicate",
                    p.loc,
                    label=p.label_text,
                    first_label=first.label_text,
                    desa=desa_names[dk],
                    first_row=first.loc.row,
                    row=p.loc.row,
                )
            continue
        seen[uid] = p
        if p.polsek:
            polsek = pol_names[polsek_key(p.polsek)]
        elif polsek_map is not None and kk in polsek_map:
            polsek = polsek_map[kk]
        else:
            if polsek_map is not None and kk not in warned_kec:
                warned_kec.add(kk)
                out.warn("polsek.unknown_kecamatan", p.loc, kecamatan=kec_names[kk])
            polsek = polsek_display(kec_names[kk])
        point, source = p.point, p.point_source
        if point is None and dk in desa_point:
            point, source = desa_point[dk], "desa"
        if point is None and p.placed is not None and p.placed.point is not None:
            point, source = p.placed.point, p.placed.source
        units.append(
            Unit(
                uid=uid,
                kecamatan=kec_names[kk],
                desa=desa_names[dk],
                kind=p.kind,
                number=p.number,
                polsek=polsek,
                priority=p.priority,
                point=point,
                point_source=source,
                kode_desa=p.kode,
                source=p.loc,
            )
        )
    units.sort(key=lambda u: (polsek_key(u.polsek), u.uid.split("|")[0], u.desa_key, u.number))
    return units
