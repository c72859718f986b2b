"""The sheets of one row per thing: ``Penugasan``, ``Belum Terisi``, ``Personel``,
``Peringatan``, and a re-plan's ``Perubahan`` and ``Pilihan Perpindahan``.

Each sheet is a :func:`~rwassign.io.write.tables.table`; reasons are rendered from the message
catalogue in ``lang``, with the code itself as the fallback so a missing entry never costs the
user the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from rwassign import i18n
from rwassign.io.plan.layout import (
    CHANGE_HEADERS,
    COL_NRP,
    COL_UNIT_ID,
    OUTCOME_ASSIGNED,
    OUTCOME_INELIGIBLE,
    OUTCOME_RESERVE,
    PLAN_HEADERS,
    ROSTER_HEADERS,
    TRADEOFF_HEADERS,
    UNCOVERED_HEADERS,
    WARNING_HEADERS,
)
from rwassign.io.write.grid import Sheet
from rwassign.io.write.tables import JOB_WIDTH, KM_FORMAT, SENTENCE_WIDTH, safe, table
from rwassign.model import PRIORITY_LABELS, OfficerOutcome, Reason, SolveResult, Unit
from rwassign.report import rule_label


def plan_sheet(ws: Sheet, result: SolveResult, lang: str) -> None:
    """One row per covered unit, in the order a Polres reads its map: Polsek, kecamatan, desa."""
    units = result.instance.unit_by_uid()
    officers = {o.index: o for o in result.instance.officers}
    assignments = sorted(result.assignments, key=lambda a: _unit_key(units[a.unit_uid]))
    rows = []
    for no, a in enumerate(assignments, start=1):
        unit, officer = units[a.unit_uid], officers[a.officer_index]
        rows.append(
            [
                no,
                *_unit_cells(unit),
                officer.nrp,
                officer.nama,
                officer.pangkat,
                " / ".join(x for x in (officer.jabatan, officer.kesatuan) if x),
                round(a.travel_km, 2),
                a.distance_basis,
                reason_text(a.reason, lang),
                unit.uid,
            ]
        )
    table(
        ws,
        PLAN_HEADERS,
        rows,
        text_columns={COL_NRP, COL_UNIT_ID},
        lang=lang,
        formats={"JARAK (KM)": KM_FORMAT},
        machine_columns={COL_UNIT_ID},
        caps={"ALASAN": SENTENCE_WIDTH, "JABATAN/KESATUAN": JOB_WIDTH},
    )


def uncovered_sheet(ws: Sheet, result: SolveResult, lang: str) -> None:
    """Every unit left without a Polisi RW, in map order, with the reason."""
    units = result.instance.unit_by_uid()
    uncovered = sorted(result.uncovered, key=lambda u: _unit_key(units[u.unit_uid]))
    rows = []
    for no, item in enumerate(uncovered, start=1):
        unit = units[item.unit_uid]
        rows.append([no, *_unit_cells(unit), reason_text(item.reason, lang), unit.uid])
    table(
        ws,
        UNCOVERED_HEADERS,
        rows,
        lang=lang,
        text_columns={COL_UNIT_ID},
        machine_columns={COL_UNIT_ID},
        caps={"ALASAN": SENTENCE_WIDTH},
    )


def roster_sheet(ws: Sheet, result: SolveResult, lang: str) -> None:
    """Every roster row once, in roster order, so staff can tick the list they sent in."""
    units = result.instance.unit_by_uid()
    outcomes = {o.officer_index: o for o in result.outcomes}
    rows = []
    for no, officer in enumerate(result.instance.officers, start=1):
        outcome = outcomes.get(officer.index)
        source_row = officer.source.row if officer.source and officer.source.row else ""
        rows.append(
            [
                no,
                officer.nama,
                officer.pangkat,
                officer.nrp,
                officer.jabatan,
                officer.kesatuan,
                _outcome_label(outcome),
                "; ".join(f"{units[u].label} {units[u].desa}" for u in outcome.units)
                if outcome
                else "",
                _outcome_reason(outcome, lang),
                source_row,
            ]
        )
    table(
        ws,
        ROSTER_HEADERS,
        rows,
        lang=lang,
        text_columns={COL_NRP},
        caps={"JABATAN": JOB_WIDTH, "RW/DUSUN": JOB_WIDTH, "ALASAN": SENTENCE_WIDTH},
    )


def warnings_sheet(ws: Sheet, result: SolveResult, lang: str) -> None:
    """Every warning of the run with its place, message, hint and code."""
    rows: list[list[Any]] = []
    for no, problem in enumerate(result.warnings, start=1):
        loc = problem.location
        rows.append(
            [
                no,
                i18n.severity_label(problem.severity, lang),
                loc.file,
                loc.sheet or "",
                loc.row if loc.row is not None else "",
                loc.column or "",
                safe(partial(i18n.text, problem.code, problem.params, lang), problem.code),
                safe(partial(i18n.hint, problem.code, problem.params, lang), ""),
                problem.code,
            ]
        )
    if not rows:
        rows.append(["", "-", "", "", "", "", "Tidak ada peringatan", "", ""])
    table(
        ws,
        WARNING_HEADERS,
        rows,
        lang=lang,
        machine_columns={"KODE"},
        caps={"BERKAS": JOB_WIDTH, "PESAN": SENTENCE_WIDTH, "SARAN": SENTENCE_WIDTH},
    )


def changes_sheet(ws: Sheet, result: SolveResult, lang: str) -> None:
    """Every officer and unit the re-plan touched, with the kind of change and why."""
    rows = [
        [
            no,
            c.kind,
            c.nrp,
            c.nama,
            "; ".join(c.old_units),
            "; ".join(c.new_units),
            reason_text(c.reason, lang),
        ]
        for no, c in enumerate(result.changes, start=1)
    ]
    table(
        ws,
        CHANGE_HEADERS,
        rows,
        lang=lang,
        text_columns={"NRP"},
        caps={"SEBELUM": JOB_WIDTH, "SESUDAH": JOB_WIDTH, "ALASAN": SENTENCE_WIDTH},
    )


def tradeoff_sheet(ws: Sheet, rows_by_k: Sequence[dict[str, Any]], lang: str) -> None:
    """What each move budget K buys: the operator picks a row and re-runs with --max-moves K."""
    keys = ("max_moves", "moves", "status", "covered", "weighted_coverage", "residence")
    rows = [[r[k] for k in keys] + [r["travel_km"]] for r in rows_by_k]
    table(ws, TRADEOFF_HEADERS, rows, lang=lang, formats={"TOTAL JARAK (KM)": KM_FORMAT})


def reason_text(reason: Reason, lang: str) -> str:
    """A reason from the catalogue in ``lang``; its code and parameters if the entry is missing."""
    return safe(
        partial(i18n.text, reason.code, reason.params, lang), f"{reason.code} {reason.params}"
    )


def _unit_cells(unit: Unit) -> list[Any]:
    """POLSEK | KECAMATAN | DESA/KELURAHAN | RW/DUSUN | PRIORITAS, shared by both unit sheets."""
    return [unit.polsek, unit.kecamatan, unit.desa, unit.label, PRIORITY_LABELS[unit.priority]]


def _unit_key(unit: Unit) -> tuple[str, str, str, int, str]:
    return (unit.polsek, unit.kecamatan, unit.desa, unit.number, unit.uid)


def _outcome_label(outcome: OfficerOutcome | None) -> str:
    if outcome is None:
        return ""
    if outcome.units:
        return OUTCOME_ASSIGNED
    return OUTCOME_RESERVE if outcome.eligible else OUTCOME_INELIGIBLE


def _outcome_reason(outcome: OfficerOutcome | None, lang: str) -> str:
    """The outcome's reason; for an ineligible officer, every rule they fail, by label."""
    if outcome is None:
        return ""
    if not outcome.eligible and outcome.failed_rules:
        return "; ".join(rule_label(r, lang) for r in outcome.failed_rules)
    return reason_text(outcome.reason, lang)
