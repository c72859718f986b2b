"""Read a plan workbook (also one edited by hand), re-check it, and lay out its documents.

An operator may have opened the plan in Excel and swapped two officers, deleted a row or added
one before asking for the signed list.  So the ``Penugasan`` sheet is read by header name, the
unit of each row comes from ``ID UNIT`` (else from Kecamatan + Desa + RW/Dusun through
``rwassign.normalize``), the officer from the NRP, and the resulting (unit, NRP) pairs are
re-verified by the independent checker against the roster facts and settings embedded in the
workbook (``rwassign.io.embed``).  The sheet is read by :mod:`rwassign.io.plan`, the one reader
of plan workbooks; each breach names its rows as data (``Violation.rows``).  Name, rank and
position are printed from the roster, not from the cells, so a name typed into the wrong row
cannot reach the signed document unnoticed.

The embedded facts are themselves checked first (:func:`bound_facts`): their fingerprint is
recomputed and compared with the one the plan writer stored beside them and printed in
``Ringkasan``, and a signed fingerprint's signature is checked.  Facts that differ, or a plan
without a fingerprint (an older version, or one whose fingerprint was cut out), are refused
unless the original roster is given with ``--roster``, which then wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rwassign import i18n
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
from rwassign.export.signing import PLAN_CONTEXT, check
from rwassign.io.embed import (
    EMBED_SHEET,
    Difference,
    binding_from_json,
    cells_text,
    differences,
)
from rwassign.io.plan import PlanTable, PlanWorkbook, find_table, open_plan
from rwassign.io.plan.layout import SHEET_DETAILS, SHEET_PLAN, SHEET_SUMMARY
from rwassign.io.previous import match_unit, unit_agrees, unit_index
from rwassign.io.write.summary import FINGERPRINT_LABEL
from rwassign.model import Instance, Officer, Unit
from rwassign.normalize.text import norm_name
from rwassign.report import rule_label
from rwassign.settings import Settings, from_mapping

Note = tuple[str, dict[str, Any]]
"""A message code and its parameters, printed as a warning before the documents."""


@dataclass(frozen=True)
class ResolvedRow:
    """One ``Penugasan`` row to print: its sheet row, resolved unit uid, NRP and the cells as
    typed (kept to print a row whose unit or officer is unknown, under ``--force``)."""

    row: int
    uid: str
    nrp: str
    cells: dict[str, str]


@dataclass
class LoadedPlan:
    """A plan read back for printing: the roster facts and settings to check it against, its
    rows, the document details of its ``dokumen`` sheet, and notes for the operator."""

    path: Path
    instance: Instance
    settings: Settings
    rows: list[ResolvedRow]
    details: dict[str, Any]
    notes: list[Note] = field(default_factory=list)

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return [(r.uid, r.nrp) for r in self.rows]

    def check(self) -> list[Violation]:
        """Every hard-rule breach, each naming its ``Penugasan`` rows."""
        return check_pairs(self.instance, self.settings, self.pairs, [r.row for r in self.rows])


def load_plan(
    path: Path, roster: Path | None = None, trusted: Ed25519PublicKey | None = None
) -> LoadedPlan:
    """Read ``path`` with the one plan reader (:mod:`rwassign.io.plan`).

    The roster facts come from ``roster`` when given, else from the plan's hidden data sheet
    once :func:`bound_facts` found them as written (``ExportError`` otherwise); the settings
    from that hidden sheet (the ones the plan was solved with), else from ``roster``'s own
    settings, else the defaults, with a note saying which.  ``trusted`` is the public key a
    signed plan must be signed with (``export --sign-key``'s own).
    """
    book = open_plan(path)
    errors = [p for p in book.problems if p.is_error]
    if errors:
        detail = i18n.both(errors[0].code, errors[0].params)
        raise ExportError("export.plan_unreadable", path=str(path), detail=detail)
    try:
        embedded = book.embedded()
    except ValueError as exc:
        raise ExportError("export.plan_unreadable", path=str(path), detail=str(exc)) from exc
    notes: list[Note] = []
    if embedded is not None:
        embedded = bound_facts(path, book, embedded, roster, trusted, notes)
    instance, settings = _facts(path, embedded, roster, notes)
    sheet = book.sheet(SHEET_PLAN)
    if sheet is None:
        detail = i18n.both("export.plan_no_sheet", {"sheet": SHEET_PLAN})
        raise ExportError("export.plan_unreadable", path=str(path), detail=detail)
    table = find_table(sheet)
    if table is None:
        detail = i18n.both("export.plan_no_nrp", {"sheet": SHEET_PLAN})
        raise ExportError("export.plan_unreadable", path=str(path), detail=detail)
    rows = _resolve_rows(table, instance, notes)
    details = details_from_rows(book.pairs_of(SHEET_DETAILS))
    if not rows:
        raise ExportError("export.no_rows", path=str(path))
    return LoadedPlan(path, instance, settings, rows, details, notes)


def _facts(
    path: Path,
    embedded: tuple[Instance, Settings | None] | None,
    roster: Path | None,
    notes: list[Note],
) -> tuple[Instance, Settings]:
    """The instance and settings to check the plan against (see :func:`load_plan`)."""
    if roster is not None:
        instance, roster_settings = _from_roster(roster)
    elif embedded is not None:
        instance, roster_settings = embedded[0], None
    else:
        raise ExportError("export.no_instance", path=str(path))
    if embedded is not None and embedded[1] is not None:
        return instance, embedded[1]
    if roster_settings is not None:
        notes.append(("export.settings_from_roster", {"path": str(path), "roster": str(roster)}))
        return instance, roster_settings
    notes.append(("export.settings_default", {"path": str(path)}))
    return instance, Settings()


#: Differences named in one message; the rest are counted.
SHOWN_DIFFERENCES = 8


def bound_facts(
    path: Path,
    book: PlanWorkbook,
    embedded: tuple[Instance, Settings | None],
    roster: Path | None,
    trusted: Ed25519PublicKey | None,
    notes: list[Note],
) -> tuple[Instance, Settings | None]:
    """The embedded facts when they are as the plan writer bound them; else ``ExportError``
    (exit 1) naming the hidden sheet and what differs, or, with ``roster`` (which wins), a
    note naming it and the embedded settings dropped when they were among what changed.

    A plan without a fingerprint is refused too: cutting the fingerprint out of the hidden
    sheet must not be a way round the check.
    """
    hidden = book.sheet(EMBED_SHEET)
    text = cells_text(row[0] for row in hidden.rows if row) if hidden is not None else ""
    bound = binding_from_json(text)
    if bound is None:
        if roster is None:
            raise ExportError("export.facts_unbound", path=str(path), sheet=EMBED_SHEET)
        notes.append(("export.facts_unbound_roster", {"path": str(path), "roster": str(roster)}))
        return embedded
    instance, settings = embedded
    found = differences(instance, settings or Settings(), bound)
    # The writer prints it in Ringkasan whenever it binds: a row deleted differs too.
    shown = dict(book.pairs_of(SHEET_SUMMARY)).get(FINGERPRINT_LABEL)
    if str(shown or "").strip() != bound.get("fingerprint"):
        found.append(Difference("ringkasan", SHEET_SUMMARY, FINGERPRINT_LABEL))
    record = bound.get("signature")
    if isinstance(record, dict):
        ok, said = check(record, str(bound.get("fingerprint")), trusted, PLAN_CONTEXT)
        if not ok:
            found.append(Difference("signature", EMBED_SHEET, said))
        elif not found:
            notes.append(("export.facts_signed", {"path": str(path), "key": said}))
    elif trusted is not None:
        notes.append(("export.facts_not_signed", {"path": str(path)}))
    if not found:
        return embedded
    detail = {lang: _differences_text(found, lang) for lang in ("id", "en")}
    if roster is None:
        raise ExportError("export.facts_changed", path=str(path), sheet=EMBED_SHEET, detail=detail)
    params = {"path": str(path), "roster": str(roster), "sheet": EMBED_SHEET, "detail": detail}
    notes.append(("export.facts_changed_roster", params))
    # The roster wins: settings that changed (or cannot be vouched for) are not used.
    trust_settings = not any(d.kind in ("setting", "data", "ringkasan", "signature") for d in found)
    return instance, settings if trust_settings else None


#: The message of each kind of difference: of a field, and of a whole record added or removed.
_DIFF_TEXT = {
    "officer": ("export.diff_officer", "export.diff_officer_record"),
    "unit": ("export.diff_unit", "export.diff_unit_record"),
    "setting": ("export.diff_setting", "export.diff_setting"),
    "polres": ("export.diff_polres", "export.diff_polres"),
    "data": ("export.diff_data", "export.diff_data"),
    "ringkasan": ("export.diff_ringkasan", "export.diff_ringkasan"),
    "signature": ("export.diff_signature", "export.diff_signature"),
}


def _differences_text(found: Sequence[Difference], lang: str) -> str:
    """The differences in words, the fields of one record together, the first
    :data:`SHOWN_DIFFERENCES` records named and the rest counted."""
    fields: dict[tuple[str, str], list[str]] = {}
    for d in found:
        fields.setdefault((d.kind, d.who), []).append(d.field)
    parts = []
    for (kind, who), names in list(fields.items())[:SHOWN_DIFFERENCES]:
        of_field, of_record = _DIFF_TEXT[kind]
        code = of_record if "*" in names else of_field
        parts.append(i18n.text(code, {"who": who, "field": ", ".join(names)}, lang))
    if len(fields) > SHOWN_DIFFERENCES:
        parts.append(i18n.text("export.diff_more", {"n": len(fields) - SHOWN_DIFFERENCES}, lang))
    return "; ".join(parts)


def _from_roster(roster: Path) -> tuple[Instance, Settings]:
    """The instance and settings of the original input (its ``Pengaturan`` sheet)."""
    from rwassign.io.read import read_input

    rr = read_input(roster)
    errors = [p for p in rr.problems if p.is_error]
    if errors or rr.instance is None:
        raise ExportError("export.roster_errors", path=str(roster), n=len(errors))
    return rr.instance, from_mapping(rr.settings_values)


def _resolve_rows(table: PlanTable, instance: Instance, notes: list[Note]) -> list[ResolvedRow]:
    """The rows naming an officer (by NRP or name), each with its unit resolved; a note for
    each row whose ID UNIT and readable columns disagree, or whose name is not the roster's."""
    units = instance.unit_by_uid()
    index = unit_index(instance.units)
    officers = {o.nrp: o for o in instance.officers}
    rows: list[ResolvedRow] = []
    for line in table.rows:
        cells = {name: line.text(name) for name in table.header.columns}
        if not cells.get("nrp") and not cells.get("nama"):
            continue  # an empty row, or a unit the operator left open
        nrp = line.nrp().value or cells["nrp"]
        uid, note = _resolve_unit(cells, units, index)
        if note is not None:
            notes.append((note[0], {"row": line.row, **note[1]}))
        rows.append(ResolvedRow(line.row, uid, nrp, cells))
        o = officers.get(nrp)
        typed = cells.get("nama", "")
        if o is not None and typed and norm_name(typed) != norm_name(o.nama):
            notes.append(
                (
                    "export.name_mismatch",
                    {"row": line.row, "cell": typed, "nrp": nrp, "nama": o.nama},
                )
            )
    return rows


def _resolve_unit(
    cells: dict[str, str], units: dict[str, Unit], index: dict[tuple[str, int], list[Unit]]
) -> tuple[str, tuple[str, dict[str, Any]] | None]:
    """The unit a plan row names, and a note when its ID UNIT and readable columns disagree.

    An operator edits the Desa/RW cells they can read, not the ID next to them, so where both
    name existing units and differ, the typed unit is printed, and the operator is told.
    """
    uid = cells.get("unit_id", "")
    typed_text = " ".join(x for x in (cells.get("unit", ""), cells.get("desa", "")) if x)
    kecamatan, desa, label = cells.get("kecamatan", ""), cells.get("desa", ""), cells.get("unit")
    # Without Kecamatan too: an operator who retyped Desa and RW but left Kecamatan still names
    # one unit when no other kecamatan has a desa of that name.
    kd = cells.get("kode_desa", "")  # KODE DESA: tells two desa of one name apart
    found = match_unit(kecamatan, desa, label, index, kd) or match_unit("", desa, label, index, kd)
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


#: Ids the checker reports that are not rules of ``rwassign.rules`` (its bookkeeping), with
#: the message that labels them.
_CHECKER_IDS = {"personel": "export.rule_personel"}


def rule_text(rule: str, lang: str = "id") -> str:
    """The label of a rule id a violation names, in ``lang``."""
    if rule in _CHECKER_IDS:
        return i18n.text(_CHECKER_IDS[rule], lang=lang)
    return rule_label(rule, lang)


def _doc_row(
    no: int, r: ResolvedRow, unit: Unit | None, o: Officer | None, rules: Sequence[str]
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

    def make(rows: Sequence[ResolvedRow], scope: str) -> Document:
        doc_rows = tuple(
            _doc_row(no, r, units.get(r.uid), officers.get(r.nrp), flagged.get(r.row, ()))
            for no, r in enumerate(rows, start=1)
        )
        by_rule: dict[str, list[int]] = {}
        for r, d in zip(rows, doc_rows, strict=True):
            for rule in flagged.get(r.row, ()):
                by_rule.setdefault(rule, []).append(d.no)
        breaches = tuple(
            i18n.text(
                "export.doc_breach",
                {"label": rule_text(rule), "rule": rule, "nos": ", ".join(map(str, nos))},
            )
            for rule, nos in by_rule.items()
        )
        return Document(details, doc_rows, scope, with_sprin, breaches)

    docs = [make(ordered, "")]
    if per_polsek:
        groups: dict[str, list[ResolvedRow]] = {}
        for r in ordered:
            unit = units.get(r.uid)
            polsek = unit.polsek if unit else (r.cells.get("polsek") or "-")
            groups.setdefault(polsek, []).append(r)
        docs += [make(rows, polsek) for polsek, rows in groups.items()]
    return docs
