"""Read a Polres workbook (or two files) into an :class:`~rwassign.model.Instance`.

Layers, each testable alone: :mod:`.tables` turns a file into grids of cell values,
:mod:`.fields` finds sheets, header rows and columns, :mod:`.config`, :mod:`.units` and
:mod:`.roster` turn rows into records.  :func:`read_input` never raises for bad input: every
problem becomes a :class:`~rwassign.model.Problem` pointing at file, sheet, row and column, and
all of them are returned together so the user can fix the workbook in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rwassign import collector, gazetteer
from rwassign.io.read.common import MAX_UNITS, Collector
from rwassign.io.read.config import read_polsek_sheet, read_settings_sheet
from rwassign.io.read.fields import (
    FIELD_DOCS,
    FIELDS,
    ROSTER_FIELDS,
    UNIT_FIELDS,
    Header,
    accepted_headers,
    clean_sheet,
    column_letter,
    find_header,
    looks_like_roster,
    looks_like_units,
    sheet_kind_by_name,
)
from rwassign.io.read.roster import HOME_FIELDS, read_roster
from rwassign.io.read.tables import LoadedFile, RawSheet, cell_text, display_name, load
from rwassign.io.read.units import read_units_placed
from rwassign.model import Instance, Location, Officer, Problem, Severity, Unit
from rwassign.places import PlaceContext, PlaceOptions

__all__ = ["FIELDS", "FIELD_DOCS", "ReadResult", "read_input"]


@dataclass
class ReadResult:
    """Everything one read produced.

    ``instance`` is ``None`` whenever ``problems`` holds an error.  ``recorded`` names the
    optional roster facts that have a column (``trained``, ``service``, ``status``,
    ``bhabinkamtibmas``, ``home``, ``kesatuan``), so a rule whose fact is not recorded can be
    reported as unchecked instead of silently passing everyone.
    """

    instance: Instance | None
    problems: list[Problem]
    settings_values: dict[str, Any] = field(default_factory=dict)
    input_files: list[Path] = field(default_factory=list)
    recorded: frozenset[str] = frozenset()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


_REQUIRED_UNITS = ("kecamatan", "desa")
_REQUIRED_ROSTER = ("nama",)


@collector.while_paused
def read_input(
    workbook: Path | None = None,
    *,
    units: Path | None = None,
    roster: Path | None = None,
    column_map: dict[str, str] | None = None,
    today: date | None = None,
    max_units: int = MAX_UNITS,
    places: dict[str, Any] | None = None,
) -> ReadResult:
    """Read one workbook holding both sheets, or a units file and a roster file.

    Each file may be ``.xlsx``/``.xlsm`` or ``.csv``.  ``column_map`` (logical field ->
    header text) names columns the alias table does not know; a ``Pengaturan`` sheet may do the
    same with ``kolom.<field>`` rows (the argument wins).  ``today`` fixes the date that years
    of service are counted to (tests pass a fixed date).  ``max_units`` bounds the units of the
    input (README, "Batas berkas masukan"): more is an input error, as no real Polres comes
    near it.  ``places`` holds the place settings (``wilayah``, ``desa_baru``) given outside
    the workbook; they win over its ``Pengaturan`` sheet.  Input files are only read.
    """
    today = today or date.today()
    out = Collector()
    given = [
        (role, p)
        for role, p in (("workbook", workbook), ("units", units), ("roster", roster))
        if p is not None
    ]
    input_files: list[Path] = []
    for _, p in given:
        if p not in input_files:
            input_files.append(Path(p))
    if not given:
        out.error("input.none", Location(file="-"))
        return ReadResult(None, out.problems, input_files=input_files)

    if units is not None or workbook is not None:
        gazetteer.load_soon()  # the units step needs it; it reads while calamine reads
    loaded: dict[Path, LoadedFile] = {}
    for order, p in enumerate(input_files):
        lf = load(p, order)
        loaded[p] = lf
        out.problems.extend(lf.problems)
    if out.has_errors:
        return ReadResult(None, _ordered(out.problems, loaded), input_files=input_files)

    cmap: dict[str, str] = {}
    for f in column_map or {}:
        if f not in FIELDS:
            out.error(
                "column.unknown_field", Location(file="--column"), field=f, fields=", ".join(FIELDS)
            )

    # Settings and the Polsek map may sit in any of the files.
    all_sheets = [s for lf in loaded.values() for s in lf.sheets]
    settings_values: dict[str, Any] = {}
    polsek_sheets: list[RawSheet] = []
    for s in all_sheets:
        if s.sheet is None:
            continue
        kind = sheet_kind_by_name(s.sheet)
        if kind == "settings":
            values, cols = read_settings_sheet(s, out)
            settings_values.update(values)
            cmap.update(cols)
        elif kind == "polsek":
            polsek_sheets.append(s)
    cmap.update({f: h for f, h in (column_map or {}).items() if f in FIELDS})

    units_files = [Path(units)] if units is not None else [Path(workbook)] if workbook else []
    roster_files = [Path(roster)] if roster is not None else [Path(workbook)] if workbook else []
    roster_sheet = _pick(
        [loaded[p] for p in roster_files], "roster", cmap, dedicated=roster is not None
    )
    units_sheet = _pick(
        [loaded[p] for p in units_files],
        "units",
        cmap,
        dedicated=units is not None,
        exclude=roster_sheet,
    )
    for sheet, role, files in (
        (units_sheet, "units", units_files),
        (roster_sheet, "roster", roster_files),
    ):
        if sheet is None:
            names = [s.sheet or display_name(p) for p in files for s in loaded[p].sheets]
            one_csv = all(s.sheet is None for p in files for s in loaded[p].sheets)
            out.error(
                f"sheet.{role}_missing" + ("_csv" if one_csv and files else ""),
                Location(file=display_name(files[0]) if files else "-"),
                sheets=", ".join(names) or "-",
            )

    for sheet, role in ((units_sheet, "units"), (roster_sheet, "roster")):
        if sheet is not None and sheet.hidden:
            _warn_hidden(sheet, role, [s for s in all_sheets if s.file == sheet.file], out)

    polsek_map: dict[str, str] | None = None
    for s in polsek_sheets:
        got = read_polsek_sheet(s, cmap, out)
        if got is not None:
            polsek_map = {**(polsek_map or {}), **got}

    unit_list: list[Unit] = []
    context = PlaceContext()
    if units_sheet is not None:
        header = _header_or_report(units_sheet, UNIT_FIELDS, cmap, "units", out)
        if header is not None:
            clean_sheet(units_sheet, header, out)
            options = PlaceOptions.of({**settings_values, **(places or {})})
            unit_list, context = read_units_placed(
                units_sheet, header, polsek_map, out, max_units, options
            )
            if not unit_list and not _sheet_errors(out, units_sheet):
                out.error("units.none", units_sheet.loc(header.row))

    officers: list[Officer] = []
    recorded: set[str] = set()
    if roster_sheet is not None:
        header = _header_or_report(roster_sheet, ROSTER_FIELDS, cmap, "roster", out)
        if header is not None:
            recorded = _recorded(header)
            if not header.has("jabatan"):
                out.warn("roster.no_jabatan", roster_sheet.loc(header.row))
            officers = read_roster(roster_sheet, header, unit_list, today, out, context)
            if not officers and not _sheet_errors(out, roster_sheet):
                out.error("roster.none", roster_sheet.loc(header.row))

    _formula_warnings(all_sheets, out)
    problems = _ordered(out.problems, loaded)
    if out.has_errors:
        return ReadResult(None, problems, settings_values, input_files, frozenset(recorded))
    first = input_files[0] if workbook is None else Path(workbook)
    name = _polres_name(all_sheets) or first.stem
    instance = Instance(
        name=name, units=tuple(unit_list), officers=tuple(officers), places=context.summary
    )
    return ReadResult(instance, problems, settings_values, input_files, frozenset(recorded))


def _formula_warnings(sheets: list[RawSheet], out: Collector) -> None:
    """Say once per sheet which cells no reader uses hold a formula without a stored value,
    and drop any other error about a cell already said to be such a formula: "empty" is then
    a consequence, not a second problem."""
    for s in sheets:
        if not s.no_value:
            continue
        refs = [f"{column_letter(c - 1)}{r}" for r, c in s.no_value]
        shown = ", ".join(refs[:10]) + (f" (+{len(refs) - 10})" if len(refs) > 10 else "")
        r, c = s.no_value[0]
        out.warn("cell.formula_no_value", s.loc(r, column_letter(c - 1)), cells=shown)
    said = {p.location for p in out.problems if p.code == "cell.formula_uncomputed"}
    if said:
        out.problems[:] = [
            p
            for p in out.problems
            if p.code == "cell.formula_uncomputed" or not p.is_error or p.location not in said
        ]


def _warn_hidden(sheet: RawSheet, role: str, sheets: list[RawSheet], out: Collector) -> None:
    """Say that a sheet Excel does not show is read as ``role``, and which visible sheets of
    the same file were not read as data: a visible decoy beside a hidden roster must not pass
    unseen."""
    visible = [
        f"'{s.sheet}'"
        for s in sheets
        if not s.hidden and s.sheet is not None and sheet_kind_by_name(s.sheet) is None
    ]
    code = "sheet.hidden_used_units" if role == "units" else "sheet.hidden_used_roster"
    out.warn(code, sheet.loc(), sheet=sheet.sheet, visible=", ".join(visible) or "-")


def _sheet_errors(out: Collector, sheet: RawSheet) -> bool:
    return any(
        p.is_error and p.location.file == sheet.file and p.location.sheet == sheet.sheet
        for p in out.problems
    )


def _pick(
    files: list[LoadedFile],
    role: str,
    cmap: dict[str, str],
    *,
    dedicated: bool,
    exclude: RawSheet | None = None,
) -> RawSheet | None:
    """The sheet holding ``role`` (``units`` or ``roster``): by name first, then by headers,
    then, for a file given only for this role, its only sheet."""
    fields = UNIT_FIELDS if role == "units" else ROSTER_FIELDS
    for lf in files:
        for s in lf.sheets:
            if s is not exclude and s.sheet is not None and sheet_kind_by_name(s.sheet) == role:
                return s
    for lf in files:
        for s in lf.sheets:
            if s is exclude or (s.sheet is not None and sheet_kind_by_name(s.sheet) is not None):
                continue
            roster_like = looks_like_roster(find_header(s, ROSTER_FIELDS, cmap))
            if role == "roster" and roster_like:
                return s
            if (
                role == "units"
                and not roster_like
                and looks_like_units(find_header(s, fields, cmap))
            ):
                return s
    if dedicated:
        for lf in files:
            candidates = [s for s in lf.sheets if s is not exclude]
            if len(candidates) == 1:
                return candidates[0]
    return None


def _header_or_report(
    sheet: RawSheet,
    fields: dict[str, tuple[str, ...]],
    cmap: dict[str, str],
    role: str,
    out: Collector,
) -> Header | None:
    """The header of a units/roster sheet with its required columns, or ``None`` after
    reporting exactly what is missing and how to name a column explicitly."""
    header = find_header(sheet, fields, cmap) or find_header(sheet, fields, cmap, min_fields=1)
    needed = _REQUIRED_UNITS if role == "units" else _REQUIRED_ROSTER
    if header is None:
        out.error(
            "sheet.no_header",
            sheet.loc(),
            kind=sheet.sheet or sheet.file,
            needed=", ".join(n.upper() for n in needed),
        )
        return None
    for f, _col, text in header.duplicates:
        out.warn("column.duplicate", sheet.loc(header.row, text), field=f, used=header.texts[f])
    for f, h in cmap.items():
        if f in fields and not header.has(f):
            out.error("column.map_not_found", sheet.loc(header.row), field=f, header=h)
    missing = [f for f in needed if not header.has(f)]
    if role == "units" and not (header.has("unit") or header.has("count")):
        missing.append("unit")
    if role == "roster" and not header.has("pangkat_nrp"):
        missing += [f for f in ("pangkat", "nrp") if not header.has(f)]
    for f in missing:
        accepted = accepted_headers(f)
        if f == "unit":
            accepted += " | " + accepted_headers("count")
        elif f in ("pangkat", "nrp"):
            accepted += " | " + accepted_headers("pangkat_nrp")
        out.error("column.missing", sheet.loc(header.row), field=f, accepted=accepted)
    return None if missing else header


def _recorded(header: Header) -> set[str]:
    rec = {f for f in ("trained", "service", "status", "kesatuan") if header.has(f)}
    if header.has("bhabinkamtibmas") or header.has("jabatan"):
        rec.add("bhabinkamtibmas")
    if any(header.has(f) for f in HOME_FIELDS):
        rec.add("home")
    return rec


_POLRES_RE = re.compile(
    r"\b(POLRES(?:TA|TABES|TRO)?|RESOR(?:\s+KOTA)?)\s+((?:[A-Z][\w'.-]*)(?:\s+[A-Z][\w'.-]*)*)",
    re.IGNORECASE,
)
_NAME_STOP = {"TAHUN", "BULAN", "PERIODE", "POLDA", "DAERAH", "TA", "T.A.", "SAMPAI", "PER"}


def _polres_name(sheets: list[RawSheet]) -> str | None:
    """``POLRES LEBONG`` from a title line such as ``DAFTAR PERSONEL POLRES LEBONG TAHUN 2023``
    (or a kop line ``RESOR LEBONG``), else ``None``."""
    for s in sheets:
        for row in s.rows[:10]:
            for v in row:
                if not isinstance(v, str):
                    continue
                m = _POLRES_RE.search(cell_text(v))
                if m is None:
                    continue
                words: list[str] = []
                for w in m.group(2).split():
                    if w.upper() in _NAME_STOP or any(ch.isdigit() for ch in w):
                        break
                    words.append(w)
                if not words:
                    continue
                prefix = m.group(1).upper().replace("RESOR KOTA", "POLRESTA")
                prefix = "POLRES" if prefix == "RESOR" else prefix
                if not m.group(0).isupper():
                    prefix = prefix.capitalize()
                return f"{prefix} {' '.join(words)}"
    return None


def _ordered(problems: list[Problem], loaded: dict[Path, LoadedFile]) -> list[Problem]:
    """Problems in file, sheet and row order (stable, so a row's problems keep their order)."""
    order: dict[tuple[str, str | None], tuple[int, int]] = {}
    for lf in loaded.values():
        for s in lf.sheets:
            order[(s.file, s.sheet)] = (s.file_order, s.order)
    files = {lf.display: i for i, lf in enumerate(loaded.values())}

    def key(p: Problem) -> tuple[int, int, int]:
        loc = p.location
        fo, so = order.get((loc.file, loc.sheet), (files.get(loc.file, -1), -1))
        return fo, so, loc.row or 0

    return sorted(problems, key=key)
