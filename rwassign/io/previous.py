"""Reading a previous plan for a re-plan, and resolving pins written as text.

A previous plan is any sheet with an NRP column and unit columns: the ``Penugasan`` sheet that
rwassign wrote (its ``ID UNIT`` column is exact), a hand-edited copy, or the printed list typed
back in (Kecamatan, Desa/Kelurahan, RW/Dusun, NRP).  A ``Kunci``/``Tetap`` column marks pins.
The sheet is read by :mod:`rwassign.io.plan`, the one reader of plan workbooks; this module
judges its rows against the current units.
Old assignments to units that no longer exist are returned, not dropped, so the re-plan can
report them.

A previous plan of another Polres is the easy mistake with a folder of plans, and it would
silently re-plan from nothing.  So the previous plan's Polres (from its hidden data sheet or
``Ringkasan``) is compared with this one's, and its units with this roster's units: a
different Polres name, or fewer than half of its units found here, is a warning naming both;
none of its units found at all is an input error, because nothing of it can be kept and the
user almost surely gave the wrong file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rwassign.explain import unit_name
from rwassign.io.plan import PlanWorkbook, open_plan
from rwassign.io.plan.layout import SHEET_SUMMARY
from rwassign.io.read.tables import cell_text
from rwassign.model import Instance, Location, Problem, Severity, Unit
from rwassign.normalize.places import desa_key, kecamatan_key, parse_unit_label
from rwassign.normalize.words import parse_bool

#: Warnings a successful run says on the terminal too, not only in ``Peringatan``: a plan of
#: another Polres must not pass as a routine re-plan.
SAID_ON_TERMINAL = frozenset({"previous.other_polres", "previous.few_units"})


@dataclass
class PreviousPlan:
    """Pairs of the previous plan that still name a unit, pins, and what no longer fits."""

    pairs: dict[str, str] = field(default_factory=dict)  # unit uid -> NRP
    pins: list[tuple[str, str, Location]] = field(default_factory=list)  # (uid, NRP, where)
    removed: list[tuple[str, str, Location]] = field(default_factory=list)  # (label, NRP, where)
    names: dict[str, str] = field(default_factory=dict)  # NRP -> name as the old plan wrote it
    problems: list[Problem] = field(default_factory=list)


def unit_index(units: Iterable[Unit]) -> dict[tuple[str, int], list[Unit]]:
    """Units by (desa key, number), for ``match_unit``."""
    out: dict[tuple[str, int], list[Unit]] = {}
    for u in units:
        out.setdefault((desa_key(u.desa), u.number), []).append(u)
    return out


def match_unit(
    kecamatan: str,
    desa: str,
    label: Any,
    index: dict[tuple[str, int], list[Unit]],
    kode: str = "",
) -> Unit | None:
    """The unit named by kecamatan (optional), desa and label, compared as the reader does.

    Where two desa of one name share a kecamatan (the kelurahan and the desa Sorkam Kanan),
    a Kemendagri code typed beside them (``kode``, dotted or not) decides, as in the units
    sheet; without one such a row names no unit.
    """
    parsed = parse_unit_label(label)
    if parsed is None or not desa:
        return None
    candidates = index.get((desa_key(desa), parsed[1]), [])
    if kecamatan:
        candidates = [
            u for u in candidates if kecamatan_key(u.kecamatan) == kecamatan_key(kecamatan)
        ]
    digits = re.sub(r"\D", "", kode)
    if digits and len(candidates) > 1:
        candidates = [u for u in candidates if re.sub(r"\D", "", u.kode_desa or "") == digits]
    return candidates[0] if len(candidates) == 1 else None


def unit_agrees(unit: Unit, kecamatan: str, desa: str, label: Any) -> bool:
    """Whether the readable columns of a plan row (where filled) name ``unit``.

    Compared field by field rather than through ``match_unit`` so that a row whose text is
    merely ambiguous (two desa of one name) still agrees with its exact ID.
    """
    if kecamatan and kecamatan_key(kecamatan) != kecamatan_key(unit.kecamatan):
        return False
    if desa and desa_key(desa) != desa_key(unit.desa):
        return False
    if cell_text(label):
        parsed = parse_unit_label(label)
        if parsed is None or parsed[1] != unit.number:
            return False
    return True


def read_previous(path: Path, instance: Instance) -> PreviousPlan:
    """Read the previous plan at ``path`` against the current units.  Never raises for bad input.

    The table is found by :mod:`rwassign.io.plan`, the one reader of plan workbooks.
    """
    out = PreviousPlan()
    book = open_plan(path)
    out.problems.extend(book.problems)
    if not book.ok:
        return out
    table = book.table()
    if table is None:
        out.problems.append(
            Problem("previous.no_table", Severity.ERROR, Location(file=book.display), {})
        )
        return out
    by_uid = instance.unit_by_uid()
    index = unit_index(instance.units)
    holder_row: dict[str, int] = {}
    found, total = 0, 0
    for row in table.rows:
        r = row.row
        text = row.text("nrp")
        if not text:
            continue
        ident = row.nrp()
        loc = table.loc(r, "nrp")
        if ident.value is None:
            out.problems.append(Problem("previous.bad_nrp", Severity.ERROR, loc, {"value": text}))
            continue
        if row.text("nama"):
            out.names[ident.value] = row.text("nama")
        uid = row.text("unit_id")
        by_id = by_uid.get(uid) if uid else None
        kecamatan, desa = row.text("kecamatan"), row.text("desa")
        typed = match_unit(kecamatan, desa, row.value("unit"), index, row.text("kode_desa"))
        label = " ".join(x for x in (row.text("unit"), desa) if x) or uid
        if by_id is not None and not unit_agrees(by_id, kecamatan, desa, row.value("unit")):
            # An operator who edits a plan by hand changes the readable columns, not the
            # hidden-looking ID; trusting either one silently would keep the wrong pair.
            out.problems.append(
                Problem(
                    "previous.id_mismatch",
                    Severity.ERROR,
                    table.loc(r, "unit_id"),
                    {"uid": uid, "unit": label or "-", "id_unit": unit_name(by_id)},
                )
            )
            continue
        unit = by_id or typed
        total += 1
        found += unit is not None
        pinned = False
        if table.has("pin"):
            try:
                pinned = parse_bool(row.value("pin")) is True
            except ValueError:
                out.problems.append(
                    Problem(
                        "previous.bad_pin",
                        Severity.ERROR,
                        table.loc(r, "pin"),
                        {"value": row.text("pin")},
                    )
                )
                continue
        if unit is None:
            if pinned:
                # A pin is an order to keep this pair; a unit that no longer exists cannot be
                # kept, and the operator must decide, not the tool.
                out.problems.append(
                    Problem(
                        "pin.unknown_unit",
                        Severity.ERROR,
                        table.loc(r, "pin"),
                        {"text": label},
                    )
                )
                continue
            out.removed.append((label, ident.value, loc))
            continue
        if unit.uid in holder_row:
            out.problems.append(
                Problem(
                    "previous.unit_twice",
                    Severity.ERROR,
                    loc,
                    {"unit": label, "first_row": holder_row[unit.uid], "row": r},
                )
            )
            continue
        holder_row[unit.uid] = r
        out.pairs[unit.uid] = ident.value
        if pinned:
            out.pins.append((unit.uid, ident.value, table.loc(r, "pin")))
    out.problems.extend(_other_polres(book, instance, found, total))
    return out


_POLRES_NAME = re.compile(r"^\s*(POLRES|POLRESTA|POLRESTABES|POLRESTRO)\b", re.IGNORECASE)


def _polres_of(book: PlanWorkbook) -> str | None:
    """The Polres a written plan names: its hidden data sheet, else its ``Ringkasan`` row."""
    try:
        embedded = book.embedded()
    except ValueError:
        embedded = None
    if embedded is not None:
        return embedded[0].name
    shown = dict(book.pairs_of(SHEET_SUMMARY)).get("Polres")
    return cell_text(shown) or None


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _other_polres(book: PlanWorkbook, instance: Instance, found: int, total: int) -> list[Problem]:
    """Whether the previous plan is another Polres's (module docstring).  Names are compared
    only when both are Polres names from a title: a name taken from a file name says nothing."""
    where = Location(file=book.display)
    polres = instance.name
    if total and not found:
        params = {"path": book.display, "total": total, "polres": polres}
        return [Problem("previous.no_units", Severity.ERROR, where, params)]
    out: list[Problem] = []
    previous = _polres_of(book)
    if (
        previous
        and _POLRES_NAME.match(previous)
        and _POLRES_NAME.match(polres)
        and not _same_name(previous, polres)
    ):
        params = {"path": book.display, "previous": previous, "polres": polres}
        out.append(Problem("previous.other_polres", Severity.WARNING, where, params))
    if total and 2 * found < total:
        params = {"path": book.display, "found": found, "total": total, "polres": polres}
        out.append(Problem("previous.few_units", Severity.WARNING, where, params))
    return out


_LABEL = re.compile(
    r"(?P<label>(?:RW|RK|DUSUN|DSN|BANJAR|BR|LINGKUNGAN|LINGK|LING|JORONG)\.?\s*[0-9IVXL]+)",
    re.IGNORECASE,
)


def resolve_pin_text(text: str, instance: Instance) -> Unit | None:
    """The unit a roster ``Kunci`` cell names, e.g. ``Kampung Jawa RW 03`` or ``RW 03 Kampung
    Jawa`` (or the unit's id as rwassign writes it).  ``None`` when it names no single unit."""
    by_uid = instance.unit_by_uid()
    if text.strip() in by_uid:
        return by_uid[text.strip()]
    m = _LABEL.search(text)
    if m is None:
        return None
    desa = (text[: m.start()] + " " + text[m.end() :]).strip(" ,/-")
    return match_unit("", desa, m.group("label"), unit_index(instance.units))
