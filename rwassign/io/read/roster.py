"""Read the roster (DSP, *daftar susunan personel*) into :class:`~rwassign.model.Officer`.

Rank and number come either from separate ``PANGKAT`` and ``NRP`` columns or from the Polri
``PANGKAT/NRP`` column (``BRIPKA/87050123``).  Optional facts (training, service, status,
home address) are ``None`` when the roster has no column for them, which the rules treat as
"unknown", not as "no".  A home the units sheet does not hold is placed from the gazetteer
when the units sheet's wilayah was recognised (:mod:`rwassign.places.homes`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rwassign.io.read.common import Collector, read_point
from rwassign.io.read.fields import Header, clean_sheet, is_numbering_row, is_total_row
from rwassign.io.read.homes import UnitIndex, match_home
from rwassign.io.read.tables import RawSheet, cell_text, first_filled
from rwassign.model import Location, Officer, Point, RankGroup, Unit
from rwassign.normalize.ids import parse_id
from rwassign.normalize.quantities import parse_date, service_years
from rwassign.normalize.words import parse_bool, parse_status
from rwassign.places import SOURCE_NONE, PlaceContext
from rwassign.ranks import by_code, parse_rank, split_pangkat_nrp

HOME_FIELDS = ("home_kecamatan", "home_desa", "home_kode_desa", "home_unit", "home_lat", "home_lng")

# Words that mark a sub-title row inside a DSP (``POLSEK AMEN``, ``SAT BINMAS``, ``BAG OPS``).
_SUBTITLE_RE = re.compile(
    r"\b(POLSEK|POLSEKTA|POLRES|SAT|SATUAN|BAG|BAGIAN|SUBBAG|SI|SIE|SEKSI|UNIT|FUNGSI|"
    r"SPKT|KESATUAN)\b|:$",
    re.IGNORECASE,
)


def is_bhabin_jabatan(jabatan: str) -> bool:
    """A Bhabinkamtibmas by job title (``BHABINKAMTIBMAS DESA TUNGGANG``, ``BHABIN ...``)."""
    j = jabatan.upper()
    return "BHABINKAMTIBMAS" in j.replace(" ", "") or j.startswith("BHABIN")


_EXCEL_ERRORS = frozenset({"#n/a", "#ref!", "#value!", "#div/0!", "#name?", "#null!", "#num!"})
_BOOLEAN_WORDS = frozenset({"true", "false", "benar", "salah"})  # Excel's TRUE/FALSE in en, id


def looks_like_name(raw: Any) -> bool:
    """Whether a NAMA cell can be a person's name at all.

    A number, a date, a yes/no value, an Excel error value or text without a single letter is
    what a shifted column or a broken formula leaves behind; planned, it would print a member
    called ``2024-01-05`` or ``TRUE`` on the Sprin, so it is an input error, not a name.
    """
    if isinstance(raw, bool | int | float | date):
        return False
    text = cell_text(raw)
    low = text.casefold()
    if low in _BOOLEAN_WORDS or low in _EXCEL_ERRORS:
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    # Every date form needs digits, and normalising a text without a numeric character makes
    # none that could complete one: most names are names without being parsed as a date.
    if not any(ch.isnumeric() for ch in text):
        return True
    try:
        return parse_date(text) is None
    except ValueError:
        return True


def _is_subtitle(row: list[Any], header: Header) -> bool:
    """One text cell alone: a group heading inside the table, not a person.

    A name alone in the NAMA column counts as a heading only when NAMA is the first column and
    the text reads like a unit (``POLSEK AMEN``); otherwise the row is a person with missing
    data and must be reported, not dropped.
    """
    filled = first_filled(row)
    if filled is None or not isinstance(row[filled], str):
        return False
    if filled != header.columns.get("nama"):
        return True
    return bool(_SUBTITLE_RE.search(cell_text(row[filled])))


def read_roster(
    sheet: RawSheet,
    header: Header,
    units: list[Unit],
    today: date,
    out: Collector,
    places: PlaceContext | None = None,
) -> list[Officer]:
    """Every person of the roster in input order (``index`` 0..n-1); problems go to ``out``.
    ``places`` is what the units sheet's place step recognised (homes are placed in it)."""
    places = places or PlaceContext()
    clean_sheet(sheet, header, out)
    texts = header.texts
    index = UnitIndex.of(units)
    has_home = any(header.has(f) for f in HOME_FIELDS)
    officers: list[Officer] = []
    nrp_rows: dict[str, int] = {}
    for i in range(header.data_start, len(sheet.rows)):
        row = sheet.rows[i]
        r = i + 1
        if not any(cell_text(v) for v in row) or is_numbering_row(row) or is_total_row(row):
            continue
        if _is_subtitle(row, header):
            continue

        def loc(f: str | None = None, r: int = r) -> Location:
            return sheet.loc(r, texts.get(f) if f else None)

        errors_before = out.count_errors()
        nama = header.text(row, "nama")
        if not nama:
            out.error("officer.nama_missing", loc("nama"))
        elif not looks_like_name(header.value(row, "nama")):
            out.error("officer.nama_not_name", loc("nama"), value=nama)

        rank_text = header.text(row, "pangkat")
        id_raw: Any = header.value(row, "nrp")
        id_field = "nrp"
        if header.has("pangkat_nrp"):
            combined = header.value(row, "pangkat_nrp")
            split_id: Any
            if isinstance(combined, int | float) and not isinstance(combined, bool):
                split_rank, split_id = "", combined  # a bare number: keep it a number
            else:
                split_rank, split_id = split_pangkat_nrp(cell_text(combined))
            if not rank_text:
                rank_text = split_rank
            if not cell_text(id_raw):
                id_raw, id_field = split_id, "pangkat_nrp"

        ident = parse_id(id_raw)
        # Contract staff (PPPK/honorer) often have no number on the roster; they are never
        # eligible, so a missing number is worth a warning, not a blocked plan.
        contract = parse_rank(rank_text) if rank_text else None
        if ident.error == "nrp.missing" and contract and contract.rank.group is RankGroup.PPPK:
            out.warn("officer.id_missing_contract", loc(id_field), nama=nama)
        elif ident.error is not None:
            out.error(ident.error, loc(id_field), value=cell_text(id_raw), nama=nama)
        for w in ident.warnings:
            out.warn(w, loc(id_field), value=cell_text(id_raw), nrp=ident.value or "", nama=nama)
        nrp = ident.value or ""
        if nrp:
            if nrp in nrp_rows:
                out.error(
                    "officer.duplicate_nrp", loc(id_field), nrp=nrp, first_row=nrp_rows[nrp], row=r
                )
            else:
                nrp_rows[nrp] = r

        own_column = header.text(row, "pangkat") or not header.has("pangkat_nrp")
        rank_field = "pangkat" if header.has("pangkat") and own_column else "pangkat_nrp"
        match = parse_rank(rank_text) if rank_text else None
        rank = match.rank if match else None
        if match is None:
            if not rank_text and ident.kind == "PPPK":
                rank = by_code("PPPK")
            elif not rank_text:
                out.error("officer.rank_missing", loc(rank_field), nama=nama)
            else:
                out.error("officer.rank_unknown", loc(rank_field), text=rank_text, nama=nama)
        elif not match.exact:
            out.warn("officer.rank_variant", loc(rank_field), text=rank_text, code=match.rank.code)
        if rank is not None and ident.kind is not None:
            civil = rank.group in (RankGroup.PNS, RankGroup.PPPK)
            if civil != (ident.kind in ("NIP", "PPPK")):
                out.warn(
                    "officer.id_kind_mismatch",
                    loc(id_field),
                    rank=rank.code,
                    kind=ident.kind,
                    value=nrp,
                )

        jabatan = header.text(row, "jabatan")
        bhabin: bool | None = None
        if header.has("bhabinkamtibmas"):
            try:
                bhabin = parse_bool(header.value(row, "bhabinkamtibmas"))
            except ValueError:
                out.error(
                    "officer.bad_bool",
                    loc("bhabinkamtibmas"),
                    value=header.text(row, "bhabinkamtibmas"),
                )
        if bhabin is None and header.has("jabatan"):
            bhabin = is_bhabin_jabatan(jabatan)

        trained: bool | None = None
        if header.has("trained"):
            try:
                trained = parse_bool(header.value(row, "trained"))
            except ValueError:
                out.error("officer.bad_bool", loc("trained"), value=header.text(row, "trained"))

        years: float | None = None
        if header.has("service"):
            try:
                years = service_years(header.value(row, "service"), today)
            except ValueError:
                out.error("officer.bad_service", loc("service"), value=header.text(row, "service"))

        status: str | None = None
        if header.has("status"):
            try:
                parsed = parse_status(header.value(row, "status"))
            except ValueError:
                out.error("officer.bad_status", loc("status"), value=header.text(row, "status"))
            else:
                status = parsed[0] if parsed else None

        home_unit = home_desa = home_kec = None
        home_point: Point | None = None
        home_source = SOURCE_NONE
        if has_home:
            home_unit, home_desa, home_kec, placed = match_home(
                row, header, index, loc, out, places
            )
            if header.has("home_lat") or header.has("home_lng"):
                home_point = read_point(
                    header.value(row, "home_lat"),
                    header.value(row, "home_lng"),
                    loc("home_lat"),
                    loc("home_lng"),
                    out,
                )
            if home_point is not None:
                home_source = "unit"
            elif home_unit is not None and home_unit in index.unit_source:
                home_source = index.unit_source[home_unit]
            elif home_desa is not None and home_desa in index.desa_source:
                home_source = index.desa_source[home_desa]
            elif placed.point is not None:
                home_point, home_source = placed.point, placed.source

        if out.count_errors() > errors_before or not nama:
            continue
        officers.append(
            Officer(
                index=len(officers),
                nama=nama,
                nrp=nrp,
                rank=rank,
                rank_text=rank_text,
                jabatan=jabatan,
                kesatuan=header.text(row, "kesatuan"),
                home_unit=home_unit,
                home_desa=home_desa,
                home_kecamatan=home_kec,
                home_point=home_point,
                home_point_source=home_source,
                bhabinkamtibmas=bhabin,
                trained=trained,
                service_years=years,
                status=status,
                pin=header.text(row, "pin") or None,
                source=loc(),
            )
        )
    return officers
