"""Read a plan workbook (also one edited by hand), re-check it, and lay out its documents.

An operator may have opened the plan in Excel and swapped two officers, deleted a row or added
one before asking for the signed list.  So the ``Penugasan`` sheet is read by header name, the
unit of each row comes from ``ID UNIT`` (else from Kecamatan + Desa + RW/Dusun through
``rwassign.normalize``), the officer from the NRP, and the resulting (unit, NRP) pairs are
re-verified by the independent checker against the roster facts embedded in the workbook
(``rwassign.io.embed``); each breach names its rows as data (``Violation.rows``).  Name, rank
and position are printed from the roster, not from the cells, so a name typed into the wrong
row cannot reach the signed document unnoticed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from rwassign.checker import Violation, check_pairs
from rwassign.explain import unit_name
from rwassign.export.document import (
    BREACH_MARK,
    KET_OUTSIDE,
    KET_RESIDENT,
    Details,
    DocRow,
    Document,
    details_from_rows,
)
from rwassign.export.errors import ExportError
from rwassign.io.embed import read_instance_sheet
from rwassign.io.previous import match_unit, unit_agrees, unit_index
from rwassign.model import Instance, Officer, Unit
from rwassign.normalize import (
    norm_header,
    norm_name,
    parse_id,
)
from rwassign.settings import Settings, coerce, from_mapping

SHEET_PLAN = "Penugasan"
SHEET_DETAILS = "dokumen"
_COLUMNS: dict[str, tuple[str, ...]] = {
    "uid": ("idunit",),
    "nrp": ("nrp", "nrpnip"),
    "nama": ("nama",),
    "kecamatan": ("kecamatan", "kec"),
    "desa": ("desakelurahan", "desakel", "desa", "kelurahan"),
    "unit": ("rwdusun", "rw", "dusun", "unit"),
    "polsek": ("polsek",),
    "pangkat": ("pangkat",),
    "jabatan": ("jabatankesatuan", "jabatan"),
}

RULE_LABELS = {"personel": ("NRP tidak ada di roster", "NRP not in the roster")}


@dataclass(frozen=True)
class PlanRow:
    """One non-empty row of ``Penugasan``: its sheet row, resolved unit uid, NRP and the cells
    as typed (kept to print a row whose unit or officer is unknown, under ``--force``)."""

    row: int
    uid: str
    nrp: str
    cells: dict[str, str]


@dataclass
class LoadedPlan:
    path: Path
    instance: Instance
    settings: Settings
    rows: list[PlanRow]
    details: dict[str, Any]
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return [(r.uid, r.nrp) for r in self.rows]

    def check(self) -> list[Violation]:
        """Every hard-rule breach, each naming its ``Penugasan`` rows."""
        return check_pairs(self.instance, self.settings, self.pairs, [r.row for r in self.rows])


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def load_plan(path: Path, roster: Path | None = None) -> LoadedPlan:
    """Read ``path``; the roster facts come from its hidden sheet, else from ``roster``."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError) as exc:
        raise ExportError("export.plan_unreadable", path=str(path), detail=str(exc)) from exc
    try:
        try:
            embedded = read_instance_sheet(wb)
        except ValueError as exc:
            raise ExportError("export.plan_unreadable", path=str(path), detail=str(exc)) from exc
        if roster is not None:
            instance, settings = _from_roster(roster, _summary_settings(wb))
        elif embedded is not None:
            instance, settings = embedded
        else:
            raise ExportError("export.no_instance", path=str(path))
        sheets = {name.casefold(): name for name in wb.sheetnames}
        if SHEET_PLAN.casefold() not in sheets:
            raise ExportError(
                "export.plan_unreadable", path=str(path), detail=f"no sheet {SHEET_PLAN}"
            )
        rows, notes = _read_rows(wb[sheets[SHEET_PLAN.casefold()]], instance, path)
        details: dict[str, Any] = {}
        if SHEET_DETAILS in sheets:
            cells = wb[sheets[SHEET_DETAILS]].iter_rows(max_col=2, values_only=True)
            details = details_from_rows((r[0], r[1]) for r in cells if len(r) >= 2)
    finally:
        wb.close()
    if not rows:
        raise ExportError("export.no_rows", path=str(path))
    return LoadedPlan(path, instance, settings, rows, details, notes)


def _from_roster(roster: Path, summary: dict[str, Any]) -> tuple[Instance, Settings]:
    """Rebuild the instance from the original input, the settings from its Pengaturan sheet
    overridden by those the plan's Ringkasan says were used."""
    from rwassign.io.read import read_input

    rr = read_input(roster)
    errors = [p for p in rr.problems if p.is_error]
    if errors or rr.instance is None:
        raise ExportError("export.roster_errors", path=str(roster), n=len(errors))
    try:
        settings = from_mapping({**rr.settings_values, **summary})
    except (KeyError, ValueError):
        settings = from_mapping(rr.settings_values)
    return rr.instance, settings


def _summary_settings(wb: Any) -> dict[str, Any]:
    """The ``PENGATURAN`` block of ``Ringkasan`` (key | value), values coerced; bad ones are
    skipped, as this only refines the roster's own settings."""
    if "Ringkasan" not in wb.sheetnames:
        return {}
    out: dict[str, Any] = {}
    inside = False
    for row in wb["Ringkasan"].iter_rows(max_col=2, values_only=True):
        key = _text(row[0]) if row else ""
        if key == "PENGATURAN":
            inside = True
            continue
        if inside and not key:
            break
        if inside:
            value = row[1] if len(row) > 1 else None
            value = None if value in ("-", "") else value
            try:
                out[key] = coerce(key, value) if value is not None else None
            except (KeyError, ValueError):
                continue
    out.pop("lang", None)
    return {k: v for k, v in out.items() if v is not None or k == "max_travel_km"}


def _read_rows(
    ws: Any, instance: Instance, path: Path
) -> tuple[list[PlanRow], list[tuple[str, dict[str, Any]]]]:
    all_rows = list(ws.iter_rows(values_only=True))
    header_at, cols = None, {}
    for i, row in enumerate(all_rows[:10]):
        keys = [norm_header(v) for v in row]
        found = {
            field_: keys.index(alias)
            for field_, aliases in _COLUMNS.items()
            for alias in reversed(aliases)
            if alias in keys
        }
        if "nrp" in found and ("uid" in found or "unit" in found):
            header_at, cols = i, found
            break
    if header_at is None:
        raise ExportError(
            "export.plan_unreadable", path=str(path), detail=f"{SHEET_PLAN}: no NRP column"
        )
    units = instance.unit_by_uid()
    index = unit_index(instance.units)
    officers = {o.nrp: o for o in instance.officers}
    rows: list[PlanRow] = []
    notes: list[tuple[str, dict[str, Any]]] = []
    for offset, raw in enumerate(all_rows[header_at + 1 :]):
        sheet_row = header_at + 2 + offset
        cells = {k: _text(raw[i]) if i < len(raw) else "" for k, i in cols.items()}
        nrp_raw = raw[cols["nrp"]] if cols["nrp"] < len(raw) else None
        if not cells.get("nrp") and not cells.get("nama"):
            continue  # an empty row, or a unit the operator left open
        parsed = parse_id(nrp_raw)
        nrp = parsed.value if parsed.value else cells["nrp"]
        uid, note = _resolve_unit(cells, units, index)
        if note is not None:
            notes.append((note[0], {"row": sheet_row, **note[1]}))
        rows.append(PlanRow(sheet_row, uid, nrp, cells))
        o = officers.get(nrp)
        typed = cells.get("nama", "")
        if o is not None and typed and norm_name(typed) != norm_name(o.nama):
            notes.append(
                (
                    "export.name_mismatch",
                    {"row": sheet_row, "cell": typed, "nrp": nrp, "nama": o.nama},
                )
            )
    return rows, notes


def _resolve_unit(
    cells: dict[str, str], units: dict[str, Unit], index: dict[tuple[str, int], list[Unit]]
) -> tuple[str, tuple[str, dict[str, Any]] | None]:
    """The unit a plan row names, and a note when its ID UNIT and readable columns disagree.

    An operator edits the Desa/RW cells they can read, not the ID next to them, so where both
    name existing units and differ, the typed unit is printed, and the operator is told.
    """
    uid = cells.get("uid", "")
    typed_text = " ".join(x for x in (cells.get("unit", ""), cells.get("desa", "")) if x)
    kecamatan, desa, label = cells.get("kecamatan", ""), cells.get("desa", ""), cells.get("unit")
    # Without Kecamatan too: an operator who retyped Desa and RW but left Kecamatan still names
    # one unit when no other kecamatan has a desa of that name.
    found = match_unit(kecamatan, desa, label, index) or match_unit("", desa, label, index)
    typed = found.uid if found is not None else ""
    if uid in units:
        if typed and typed != uid:
            return typed, (
                "export.unit_mismatch",
                {"uid": uid, "id_unit": unit_name(units[uid]), "unit": unit_name(units[typed])},
            )
        if typed_text and not typed and not unit_agrees(units[uid], kecamatan, desa, label):
            return uid, (
                "export.unit_unknown_text",
                {"text": typed_text, "id_unit": unit_name(units[uid])},
            )
        return uid, None
    if typed:
        return typed, None
    if uid:
        return uid, None
    return " / ".join(x for x in (cells.get("desa", ""), cells.get("unit", "")) if x) or "?", None


# --- documents -------------------------------------------------------------------------------


def rule_text(rule: str, lang: str = "id") -> str:
    from rwassign.report import rule_label

    if rule in RULE_LABELS:
        return RULE_LABELS[rule][1 if lang == "en" else 0]
    return rule_label(rule, lang)


def _doc_row(
    no: int, r: PlanRow, unit: Unit | None, o: Officer | None, rules: Sequence[str]
) -> DocRow:
    if o is not None:
        nama, pangkat = o.nama, o.pangkat
        jab = " / ".join(dict.fromkeys(x for x in (o.jabatan, o.kesatuan) if x))
    else:
        nama, pangkat = r.cells.get("nama", ""), r.cells.get("pangkat", "")
        jab = r.cells.get("jabatan", "")
    if unit is not None:
        place = (unit.label, unit.desa, unit.kecamatan, unit.polsek)
    else:
        c = r.cells
        place = (c.get("unit", ""), c.get("desa", ""), c.get("kecamatan", ""), c.get("polsek", ""))
    resident = o is not None and unit is not None and o.home_unit == unit.uid
    ket = KET_RESIDENT if resident else KET_OUTSIDE
    if rules:
        ket = f"{ket}; {BREACH_MARK}: {', '.join(rules)}"
    return DocRow(no, nama, pangkat, r.nrp, jab, *place, ket)


def build_documents(
    plan: LoadedPlan,
    details: Details,
    violations: Sequence[Violation],
    *,
    with_sprin: bool = False,
    per_polsek: bool = False,
) -> list[Document]:
    """The whole-Polres document first, then (``per_polsek``) one per Polsek in map order.

    Rows are in the order of the instance's units (Polsek, kecamatan, desa, number: the order
    the reader sorted them in), rows of unknown units last.  Rows named by a violation carry
    ``MELANGGAR: <rules>`` in KET, and the document lists each breached rule with its NOs.
    """
    units = plan.instance.unit_by_uid()
    order = {u.uid: i for i, u in enumerate(plan.instance.units)}
    officers = {o.nrp: o for o in plan.instance.officers}
    flagged: dict[int, list[str]] = {}
    for v in violations:
        for row in v.rows:
            flagged.setdefault(row, [])
            if v.rule not in flagged[row]:
                flagged[row].append(v.rule)
    ordered = sorted(plan.rows, key=lambda r: (order.get(r.uid, len(order)), r.row))

    def make(rows: Sequence[PlanRow], scope: str) -> Document:
        doc_rows = tuple(
            _doc_row(no, r, units.get(r.uid), officers.get(r.nrp), flagged.get(r.row, ()))
            for no, r in enumerate(rows, start=1)
        )
        by_rule: dict[str, list[int]] = {}
        for r, d in zip(rows, doc_rows, strict=True):
            for rule in flagged.get(r.row, ()):
                by_rule.setdefault(rule, []).append(d.no)
        breaches = tuple(
            f"{rule_text(rule)} ({rule}): NO {', '.join(map(str, nos))}"
            for rule, nos in by_rule.items()
        )
        return Document(details, doc_rows, scope, with_sprin, breaches)

    docs = [make(ordered, "")]
    if per_polsek:
        groups: dict[str, list[PlanRow]] = {}
        for r in ordered:
            unit = units.get(r.uid)
            polsek = unit.polsek if unit else (r.cells.get("polsek") or "-")
            groups.setdefault(polsek, []).append(r)
        docs += [make(rows, polsek) for polsek, rows in groups.items()]
    return docs
