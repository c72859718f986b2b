"""Write a plan as an Excel workbook for people, and read the plan back.

The workbook is what Sat Binmas staff open, check, filter and print, so it is laid out for them:
sheet names, headers and summary labels in Bahasa Indonesia, bold frozen headers with filters,
NRPs stored as text (an NRP of a member born in 2000 or later starts with 0, which Excel would
drop from a number), distances with two decimals.  Free-text reasons follow ``lang``.

Sheets, in order: ``Ringkasan`` (the facts of ``rwassign.report.summarize``), ``Penugasan``
(one row per covered RW/dusun), ``Belum Terisi`` (every uncovered unit and why),
``Personel`` (every roster row, in roster order, with its outcome) and ``Peringatan``.

The file is written atomically: built in memory, saved to a temporary file in the target folder
and moved over the target in one step, so an interrupted run never leaves a half-written plan,
and an input workbook is never overwritten.
"""

from __future__ import annotations

import os
import stat
import tempfile
import zipfile
from collections.abc import Callable, Collection, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from rwassign import i18n
from rwassign.io.embed import add_instance_sheet
from rwassign.model import (
    PRIORITY_LABELS,
    Officer,
    OfficerOutcome,
    Reason,
    SolveResult,
    Unit,
)
from rwassign.report import rule_label, sha256_file, summarize
from rwassign.settings import SETTING_DOCS

SHEET_SUMMARY = "Ringkasan"
SHEET_PLAN = "Penugasan"
SHEET_UNCOVERED = "Belum Terisi"
SHEET_ROSTER = "Personel"
SHEET_WARNINGS = "Peringatan"
SHEETS = (SHEET_SUMMARY, SHEET_PLAN, SHEET_UNCOVERED, SHEET_ROSTER, SHEET_WARNINGS)
SHEET_CHANGES = "Perubahan"
SHEET_TRADEOFF = "Pilihan Perpindahan"
CHANGE_HEADERS = ("NO", "JENIS", "NRP", "NAMA", "SEBELUM", "SESUDAH", "ALASAN")
TRADEOFF_HEADERS = (
    "BATAS PERPINDAHAN (K)",
    "PERPINDAHAN",
    "STATUS",
    "TERISI",
    "CAKUPAN BERBOBOT",
    "SESUAI DOMISILI",
    "TOTAL JARAK (KM)",
)

COL_UNIT_ID = "ID UNIT"
COL_NRP = "NRP"

PLAN_HEADERS = (
    "NO",
    "POLSEK",
    "KECAMATAN",
    "DESA/KELURAHAN",
    "RW/DUSUN",
    "PRIORITAS",
    COL_NRP,
    "NAMA",
    "PANGKAT",
    "JABATAN/KESATUAN",
    "JARAK (KM)",
    "DASAR JARAK",
    "ALASAN",
    COL_UNIT_ID,
)
UNCOVERED_HEADERS = (
    "NO",
    "POLSEK",
    "KECAMATAN",
    "DESA/KELURAHAN",
    "RW/DUSUN",
    "PRIORITAS",
    "ALASAN",
    COL_UNIT_ID,
)
ROSTER_HEADERS = (
    "NO",
    "NAMA",
    "PANGKAT",
    COL_NRP,
    "JABATAN",
    "KESATUAN",
    "HASIL",
    "RW/DUSUN",
    "ALASAN",
    "BARIS ASAL",
)
WARNING_HEADERS = (
    "NO",
    "JENIS",
    "BERKAS",
    "SHEET",
    "BARIS",
    "KOLOM",
    "PESAN",
    "SARAN",
    "KODE",
)

OUTCOME_ASSIGNED = "DITUGASKAN"
OUTCOME_RESERVE = "CADANGAN"
OUTCOME_INELIGIBLE = "TIDAK MEMENUHI SYARAT"

STATUS_LABELS = {
    "OPTIMAL": "OPTIMAL (terbukti terbaik)",
    "FEASIBLE": "FEASIBLE (batas waktu tercapai; lihat Gap)",
    "NO_PLAN": "TIDAK ADA RENCANA",
}


class OutputError(Exception):
    """The plan cannot be written (or read back) for a reason the user can fix.

    Carries a message ``code`` and ``params`` like every other message, so the CLI can print it
    in either language with its hint and map it to an exit code.
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "id") -> str:
        return i18n.text(self.code, self.params, lang)

    def hint(self, lang: str = "id") -> str:
        return i18n.hint(self.code, self.params, lang)

    def line(self, lang: str = "id") -> str:
        """The message and its hint, as one line for the terminal or the rekap."""
        return i18n.line(self.code, self.params, lang)


# --- public API ------------------------------------------------------------------------------


def check_target(path: Path, input_files: Sequence[Path] = ()) -> None:
    """Raise ``OutputError`` unless ``path`` may take a workbook: not one of ``input_files``
    (a plan or rekap must never replace the data it came from), ending in ``.xlsx``, in a
    folder that exists."""
    for source in input_files:
        if _same_file(path, Path(source)):
            raise OutputError("output.same_as_input", path=str(path))
    if path.suffix.lower() != ".xlsx":
        raise OutputError("output.not_xlsx", path=str(path))
    if not path.parent.is_dir():
        raise OutputError("output.dir_missing", dir=str(path.parent))


def write_workbook(
    result: SolveResult,
    path: Path,
    *,
    input_files: Sequence[Path] = (),
    lang: str = "id",
    tradeoff: Sequence[dict[str, Any]] = (),
) -> None:
    """Write ``result`` to ``path`` as the five-sheet workbook, atomically (a re-plan adds
    ``Perubahan`` and, with ``--tradeoff``, ``Pilihan Perpindahan``).

    Raises ``OutputError`` when ``path`` is one of ``input_files`` (a plan must never replace
    the data it came from), does not end in ``.xlsx``, lies in a missing folder or cannot be
    written.  Any other failure while building or saving propagates unchanged, and in every
    failure the target is untouched and no temporary file is left behind.
    """
    path = Path(path)
    check_target(path, input_files)
    facts = summarize(result, output=path, input_hashes=_input_hashes(input_files))
    workbook = build_workbook(result, facts, lang=lang, tradeoff=tradeoff)
    _save_atomically(workbook, path)


def build_workbook(
    result: SolveResult,
    facts: dict[str, Any],
    *,
    lang: str = "id",
    tradeoff: Sequence[dict[str, Any]] = (),
) -> Workbook:
    """The workbook in memory (no file touched), so it can be tested or saved elsewhere."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None  # a new Workbook always has one sheet
    workbook.remove(first)
    workbook.properties.creator = "rwassign"
    _summary_sheet(workbook.create_sheet(SHEET_SUMMARY), facts, lang)
    _plan_sheet(workbook.create_sheet(SHEET_PLAN), result, lang)
    _uncovered_sheet(workbook.create_sheet(SHEET_UNCOVERED), result, lang)
    _roster_sheet(workbook.create_sheet(SHEET_ROSTER), result, lang)
    _warnings_sheet(workbook.create_sheet(SHEET_WARNINGS), result, lang)
    add_instance_sheet(workbook, result)  # very hidden: lets `rwassign export` re-check
    if result.moves is not None:
        _changes_sheet(workbook.create_sheet(SHEET_CHANGES), result, lang)
    if tradeoff:
        _tradeoff_sheet(workbook.create_sheet(SHEET_TRADEOFF), tradeoff)
    return workbook


def read_plan(path: Path) -> list[tuple[str, str]]:
    """(unit uid, NRP) pairs of the ``Penugasan`` sheet of a written workbook, sorted.

    The same shape as ``SolveResult.assignment_rows()``, so a round trip can be compared
    directly.  An NRP that someone retyped as a number in Excel is turned back into text and
    padded to 8 digits.
    """
    path = Path(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError) as exc:
        raise OutputError("plan.not_readable", path=str(path), detail=str(exc)) from exc
    try:
        if SHEET_PLAN not in workbook.sheetnames:
            raise OutputError("plan.sheet_missing", path=str(path), sheet=SHEET_PLAN)
        rows = workbook[SHEET_PLAN].iter_rows(values_only=True)
        header = [str(v).strip().upper() if v is not None else "" for v in next(rows, ())]
        columns: dict[str, int] = {}
        for name in (COL_UNIT_ID, COL_NRP):
            if name not in header:
                raise OutputError(
                    "plan.column_missing", path=str(path), sheet=SHEET_PLAN, column=name
                )
            columns[name] = header.index(name)
        pairs: list[tuple[str, str]] = []
        for row in rows:
            uid = _cell(row, columns[COL_UNIT_ID])
            nrp = _cell(row, columns[COL_NRP])
            if uid is None and nrp is None:
                continue
            pairs.append((str(uid).strip() if uid is not None else "", _nrp_text(nrp)))
        return sorted(pairs)
    finally:
        workbook.close()


# --- sheets ----------------------------------------------------------------------------------

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_SECTION_FONT = Font(bold=True)
_MACHINE_FONT = Font(color="808080")
_KM_FORMAT = "0.00"
_TEXT_FORMAT = "@"


def _summary_sheet(ws: Worksheet, facts: dict[str, Any], lang: str) -> None:
    """Label/value rows, then the settings used, then coverage by Polsek and by kecamatan.

    Labels are always Indonesian (this sheet is what gets attached to a report upwards); only
    the settings' descriptions follow ``lang``.
    """
    rows: list[tuple[str, Any, str]] = [
        ("Polres", facts["polres"], ""),
        ("Status solver", STATUS_LABELS.get(facts["status"], facts["status"]), ""),
        ("Jumlah RW/Dusun", facts["units"], ""),
        ("Terisi", facts["covered"], ""),
        ("Belum terisi", facts["uncovered"], "lihat sheet Belum Terisi"),
        ("Cakupan (%)", facts["coverage_pct"], ""),
        ("Cakupan berbobot", facts["weighted_coverage"], "jumlah bobot prioritas RW yang terisi"),
        ("Cakupan berbobot maksimum", facts["weighted_coverage_max"], "bila semua RW terisi"),
        (
            "Sesuai domisili",
            facts["residence_matches"],
            "personel bertugas di RW tempat tinggalnya",
        ),
        ("Total jarak (km)", facts["travel_km"], ""),
        ("Rata-rata jarak (km)", facts["travel_km_mean"], "per RW/dusun yang terisi"),
        ("Personel", facts["officers"], ""),
        ("Memenuhi syarat", facts["eligible"], ""),
        ("Ditugaskan", facts["assigned"], ""),
        ("Cadangan", facts["reserve"], "memenuhi syarat, belum mendapat RW"),
        ("Tidak memenuhi syarat", facts["ineligible"], "tiap personel dihitung sekali"),
    ]
    for rule_id, count in facts["ineligible_by_rule"].items():
        rows.append((f"   - {rule_label(rule_id, 'id')}", count, rule_id))
    unchecked = ", ".join(rule_label(r, "id") for r in facts["unchecked_rules"])
    rows += [
        ("Aturan tidak dapat diperiksa", unchecked or "-", "lihat sheet Peringatan"),
        ("Jumlah peringatan", facts["warnings"], ""),
        ("Gap", facts["gap"] if facts["gap"] is not None else "-", "0 = terbukti optimal"),
        ("Waktu (detik)", facts["seconds"]["total"], ""),
    ]
    for stage, seconds in facts["seconds"].items():
        if stage != "total":
            rows.append((f"Waktu {stage} (detik)", seconds, ""))
    if facts.get("changes") is not None:
        rows.append(("Perpindahan", facts["moves"], "personel yang kehilangan RW lamanya"))
        for kind, count in facts["changes"].items():
            rows.append((f"   - {kind}", count, "lihat sheet Perubahan"))
    rows.append(("Versi rwassign", facts["version"], ""))
    if facts["output"]:
        rows.append(("Berkas keluaran", Path(facts["output"]).name, ""))
    for name, digest in facts["input_sha256"].items():
        rows.append((f"SHA-256 {name}", digest, "sidik berkas masukan"))

    formats = {
        "Cakupan (%)": "0.00",
        "Total jarak (km)": _KM_FORMAT,
        "Rata-rata jarak (km)": _KM_FORMAT,
        "Gap": "0.00%",
        "Waktu (detik)": "0.0",
    }
    _header(ws, ("KETERANGAN", "NILAI", "CATATAN"))
    for label, value, note in rows:
        ws.append([label, value, note])
        fmt = formats.get(label) or ("0.0" if label.startswith("Waktu ") else None)
        if fmt and isinstance(value, (int, float)):
            ws.cell(ws.max_row, 2).number_format = fmt
        ws.cell(ws.max_row, 2).alignment = Alignment(horizontal="left")

    ws.append([])
    _section(ws, ("PENGATURAN", "NILAI", "KETERANGAN"))
    for key, value in facts["settings"].items():
        doc = SETTING_DOCS.get(key)
        ws.append([key, value, (doc[1] if lang == "en" else doc[0]) if doc else ""])

    for title, key in (("POLSEK", "polsek"), ("KECAMATAN", "kecamatan")):
        ws.append([])
        _section(ws, (title, "JUMLAH RW/DUSUN", "TERISI", "CAKUPAN (%)"))
        for item in facts[f"coverage_by_{key}"]:
            pct = round(100.0 * item["covered"] / item["units"], 2) if item["units"] else 0.0
            ws.append([item[key], item["units"], item["covered"], pct])
            ws.cell(ws.max_row, 4).number_format = "0.00"

    ws.freeze_panes = "A2"
    _fit_columns(ws, max_width=70)


def _changes_sheet(ws: Worksheet, result: SolveResult, lang: str) -> None:
    """Every officer and unit the re-plan touched, with the kind of change and why."""
    rows = [
        [
            no,
            c.kind,
            c.nrp,
            c.nama,
            "; ".join(c.old_units),
            "; ".join(c.new_units),
            _reason(c.reason, lang),
        ]
        for no, c in enumerate(result.changes, start=1)
    ]
    _table(ws, CHANGE_HEADERS, rows, text_columns={"NRP"})


def _tradeoff_sheet(ws: Worksheet, table: Sequence[dict[str, Any]]) -> None:
    """What each move budget K buys: the operator picks a row and re-runs with --max-moves K."""
    keys = ("max_moves", "moves", "status", "covered", "weighted_coverage", "residence")
    rows = [[r[k] for k in keys] + [r["travel_km"]] for r in table]
    _table(ws, TRADEOFF_HEADERS, rows, formats={"TOTAL JARAK (KM)": _KM_FORMAT})


def _unit_cells(unit: Unit) -> list[Any]:
    """POLSEK | KECAMATAN | DESA/KELURAHAN | RW/DUSUN | PRIORITAS, shared by both unit sheets."""
    return [unit.polsek, unit.kecamatan, unit.desa, unit.label, PRIORITY_LABELS[unit.priority]]


def _plan_sheet(ws: Worksheet, result: SolveResult, lang: str) -> None:
    """One row per covered unit, in the order a Polres reads its map: Polsek, kecamatan, desa."""
    units = result.instance.unit_by_uid()
    officers = _officers(result)
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
                _reason(a.reason, lang),
                unit.uid,
            ]
        )
    _table(
        ws,
        PLAN_HEADERS,
        rows,
        text_columns={COL_NRP, COL_UNIT_ID},
        formats={"JARAK (KM)": _KM_FORMAT},
        machine_columns={COL_UNIT_ID},
    )


def _uncovered_sheet(ws: Worksheet, result: SolveResult, lang: str) -> None:
    units = result.instance.unit_by_uid()
    uncovered = sorted(result.uncovered, key=lambda u: _unit_key(units[u.unit_uid]))
    rows = []
    for no, item in enumerate(uncovered, start=1):
        unit = units[item.unit_uid]
        rows.append(
            [
                no,
                *_unit_cells(unit),
                _reason(item.reason, lang),
                unit.uid,
            ]
        )
    _table(
        ws,
        UNCOVERED_HEADERS,
        rows,
        text_columns={COL_UNIT_ID},
        machine_columns={COL_UNIT_ID},
    )


def _roster_sheet(ws: Worksheet, result: SolveResult, lang: str) -> None:
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
    _table(ws, ROSTER_HEADERS, rows, text_columns={COL_NRP})


def _warnings_sheet(ws: Worksheet, result: SolveResult, lang: str) -> None:
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
                _safe(partial(i18n.text, problem.code, problem.params, lang), problem.code),
                _safe(partial(i18n.hint, problem.code, problem.params, lang), ""),
                problem.code,
            ]
        )
    if not rows:
        rows.append(["", "-", "", "", "", "", "Tidak ada peringatan", "", ""])
    _table(ws, WARNING_HEADERS, rows, machine_columns={"KODE"})


# --- helpers ---------------------------------------------------------------------------------


def _header(ws: Worksheet, headers: Sequence[str]) -> None:
    ws.append(list(headers))
    for cell in ws[ws.max_row]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center")


def _section(ws: Worksheet, headers: Sequence[str]) -> None:
    ws.append(list(headers))
    for cell in ws[ws.max_row]:
        cell.font = _SECTION_FONT
        cell.fill = _HEADER_FILL


def _table(
    ws: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    text_columns: Collection[str] = (),
    formats: dict[str, str] | None = None,
    machine_columns: Collection[str] = (),
) -> None:
    """A header row and data rows, formatted for reading, filtering and printing.

    ``text_columns`` are stored as text with the ``@`` format (NRP, unit ids), so Excel keeps
    leading zeros even when someone retypes a value; ``machine_columns`` are greyed, as they
    are there for the program (round trips), not for the reader.
    """
    _header(ws, headers)
    formats = formats or {}
    for row in rows:
        ws.append([_text_value(v) if headers[i] in text_columns else v for i, v in enumerate(row)])
    last_row = max(ws.max_row, 1)
    for i, name in enumerate(headers, start=1):
        fmt = _TEXT_FORMAT if name in text_columns else formats.get(name)
        if fmt is None and name not in machine_columns:
            continue
        for (cell,) in ws.iter_rows(min_row=2, max_row=last_row, min_col=i, max_col=i):
            if fmt:
                cell.number_format = fmt
            if name in machine_columns:
                cell.font = _MACHINE_FONT
    last_col = get_column_letter(len(headers))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    _fit_columns(ws)


def _fit_columns(ws: Worksheet, *, min_width: int = 5, max_width: int = 60) -> None:
    """Column widths from the longest value, within bounds (long reasons stay readable)."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = f"{cell.value:.2f}" if isinstance(cell.value, float) else str(cell.value)
            column = int(cell.column or 1)
            widths[column] = max(widths.get(column, 0), len(text))
    for col, width in widths.items():
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = min(max(width + 2, min_width), max_width)


def _unit_key(unit: Unit) -> tuple[str, str, str, int, str]:
    return (unit.polsek, unit.kecamatan, unit.desa, unit.number, unit.uid)


def _officers(result: SolveResult) -> dict[int, Officer]:
    return {o.index: o for o in result.instance.officers}


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
    return _reason(outcome.reason, lang)


def _reason(reason: Reason, lang: str) -> str:
    return _safe(
        partial(i18n.text, reason.code, reason.params, lang), f"{reason.code} {reason.params}"
    )


def _safe(make: Callable[[], str], fallback: str) -> str:
    """Text from the catalogue, or ``fallback`` if the code or a parameter is missing.

    A missing catalogue entry is a bug, but it must not cost the user the whole plan: the row
    still shows the code, which is enough to report it.
    """
    try:
        return make()
    except (KeyError, IndexError, ValueError):
        return fallback


def _text_value(value: Any) -> Any:
    return value if value is None or isinstance(value, str) else str(value)


def _cell(row: Sequence[Any], index: int) -> Any:
    value = row[index] if index < len(row) else None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _nrp_text(value: Any) -> str:
    """An NRP as 8-digit text even if Excel turned it into a number on the way."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        return text.zfill(8) if len(text) < 8 else text
    return str(value).strip()


def _input_hashes(input_files: Sequence[Path]) -> dict[str, str]:
    """SHA-256 per input file, keyed by file name (full path only if two names clash)."""
    names = [Path(f).name for f in input_files]
    return {
        (Path(f).name if names.count(Path(f).name) == 1 else str(f)): sha256_file(f)
        for f in input_files
    }


def _same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same file (after ``..``, symlinks and hard links)."""
    try:
        if a.resolve() == b.resolve():
            return True
    except OSError:
        pass
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _target_mode(path: Path) -> int:
    """Permissions the output should get: the old file's, else the usual ones under the umask.

    A temporary file is created private (0600); without this the plan would become unreadable
    to the colleagues it is for.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _save_atomically(workbook: Workbook, path: Path) -> None:
    """Save to a temporary file next to ``path`` and move it over ``path`` in one step.

    ``os.replace`` within one folder is atomic, so readers see the old file or the new one,
    never a partial one.  On any failure the temporary file is removed and the error raised
    again (``OSError`` as ``OutputError``, so the CLI can explain it).
    """
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, kept on success
            dir=path.parent, prefix=f".{path.stem}.", suffix=".xlsx", delete=False
        )
    except OSError as exc:
        raise OutputError("output.not_writable", path=str(path), detail=_detail(exc)) from exc
    temp = Path(handle.name)
    try:
        with handle:
            workbook.save(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _target_mode(path))
        os.replace(temp, path)
    except BaseException as exc:
        handle.close()
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError("output.not_writable", path=str(path), detail=_detail(exc)) from exc
        raise


def _detail(exc: OSError) -> str:
    return exc.strerror or str(exc)
