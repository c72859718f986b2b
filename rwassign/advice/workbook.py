"""The ``<input>-saran.xlsx`` workbook and the ``Saran`` sheet of a plan, with xlsxwriter.

The three tables are described once (``tables``: title, headers, rows, widths) and laid out by
one function, so the saran workbook (one sheet per table: ``Latih``, ``Kecamatan``,
``Pengaturan``) and the ``Saran`` sheet a plan can carry (the tables one under another,
``saran_sheet``) cannot drift apart.  Cells are written as values, never as formulas, URLs or
numbers guessed from text: a name or NRP in a roster stays exactly what it was.

``write_saran`` takes ``extra_sheets`` (callables that add sheets to the workbook) so the
coverage maps (``Peta``) can be added by their own package without this one knowing them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from rwassign import i18n
from rwassign.advice.records import Advice
from rwassign.io.atomic import write_atomically

#: Options every workbook of rwassign is created with: values stay values.
WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "in_memory": True,
}

SheetAdder = Callable[[Workbook], None]

#: How each training row was settled (``rwassign.solver.training.TrainingRow.method``).
STATUS_CODES = {
    "flow": "advice.status_flow",
    "relaksasi": "advice.status_relaksasi",
    "cpsat": "advice.status_cpsat",
    "cakupan_terbukti": "advice.status_cakupan_terbukti",
    "batas_waktu": "advice.status_batas_waktu",
}


@dataclass(frozen=True)
class Table:
    """One table of the advice as the reader sees it."""

    sheet: str
    title: str
    headers: tuple[str, ...]
    widths: tuple[int, ...]
    rows: tuple[tuple[Any, ...], ...]
    notes: tuple[str, ...] = ()


def _yes(flag: bool, lang: str) -> str:
    return i18n.text("advice.yes" if flag else "advice.no", lang=lang)


def _km(value: float | None, lang: str) -> str | float:
    return i18n.text("advice.no_limit", lang=lang) if value is None else value


def tables(advice: Advice, lang: str = "id") -> tuple[Table, Table, Table]:
    """The three tables of ``advice`` in ``lang``."""
    t = lambda code, **p: i18n.text(code, p, lang)  # noqa: E731
    kinds = advice.kinds
    training_rows = tuple(
        (
            r.k,
            t(
                "advice.training_line",
                k=r.k,
                added=r.added,
                kinds=kinds,
                high=r.added_by_priority[0],
            ),
            r.added,
            *r.added_by_priority,
            r.residence_added,
            r.travel_km_change,
            "; ".join(f"{m.nrp} {m.nama} ({m.pangkat})" for m in r.members),
            _yes(r.nested, lang),
            t(STATUS_CODES[r.method]),
            round(r.gap, 6),
            _yes(r.checked, lang),
        )
        for r in advice.training
    )
    notes: list[str] = []
    if not advice.candidates:
        notes.append(t("advice.no_candidates"))
    if advice.saturated_at is not None:
        notes.append(t("advice.saturated", k=advice.saturated_at))
    training = Table(
        "Latih",
        t("advice.training_title", candidates=advice.candidates),
        (
            t("advice.h_k"), t("advice.h_saran"), t("advice.h_added", kinds=kinds),
            t("advice.h_high"), t("advice.h_medium"), t("advice.h_low"),
            t("advice.h_residence"), t("advice.h_travel"), t("advice.h_members"),
            t("advice.h_nested"), t("advice.h_status"), t("advice.h_gap"), t("advice.h_checked"),
        ),
        (9, 46, 12, 8, 8, 8, 12, 12, 70, 14, 26, 10, 11),
        training_rows,
        tuple(notes),
    )  # fmt: skip
    kec = Table(
        "Kecamatan",
        t("advice.kecamatan_title"),
        (
            t("advice.h_kecamatan"), t("advice.h_polsek"), t("advice.h_units", kinds=kinds),
            t("advice.h_high"), t("advice.h_living"), t("advice.h_open_high"),
            t("advice.h_open_medium"), t("advice.h_open_low"), t("advice.h_extra_high"),
            t("advice.h_extra_all"), t("advice.h_exact"), t("advice.h_checked"),
        ),
        (20, 24, 10, 8, 14, 10, 10, 10, 16, 16, 10, 11),
        tuple(
            (
                r.kecamatan, r.polsek, r.units, r.units_by_priority[0], r.eligible_living,
                *r.open_by_priority, r.extra_for_high, r.extra_for_all,
                _yes(r.exact_high and r.exact_all, lang), _yes(r.checked, lang),
            )
            for r in advice.kecamatan
        ),
        (t("advice.kecamatan_note", kinds=kinds),),
    )  # fmt: skip
    settings = Table(
        "Pengaturan",
        t("advice.settings_title"),
        (
            t("advice.h_cap", kinds=kinds), t("advice.h_limit"), t("advice.h_status"),
            t("advice.h_covered"), t("advice.h_cov_high"), t("advice.h_cov_medium"),
            t("advice.h_cov_low"), t("advice.h_open"), t("advice.h_residence"),
            t("advice.h_total_travel"), t("advice.h_gap"), t("advice.h_today"),
            t("advice.h_checked"),
        ),
        (12, 14, 12, 10, 10, 10, 10, 10, 12, 14, 10, 9, 11),
        tuple(
            (
                r.cap, _km(r.max_travel_km, lang), r.status, r.covered, *r.covered_by_priority,
                r.open, r.residence, r.travel_km, round(r.gap, 6), _yes(r.current, lang),
                _yes(r.checked, lang),
            )
            for r in advice.settings
        ),
    )  # fmt: skip
    return training, kec, settings


class _Formats:
    def __init__(self, wb: Workbook):
        self.title = wb.add_format({"bold": True, "font_size": 13})
        self.header = wb.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "top"}
        )
        self.cell = wb.add_format({"border": 1, "valign": "top", "text_wrap": True})
        self.note = wb.add_format({"italic": True})


def _fit_height(ws: Worksheet, row: int, values: Sequence[Any], widths: Sequence[int]) -> None:
    """Give a row the height its wrapped text needs: xlsxwriter writes no heights, and a
    spreadsheet opened without recalculating them shows wrapped lines on top of each other."""
    lines = max(
        (-(-len(v) // max(1, widths[c] - 1)) for c, v in enumerate(values) if isinstance(v, str)),
        default=1,
    )
    if lines > 1:
        ws.set_row(row, 15 * lines)


def _put(ws: Worksheet, row: int, table: Table, f: _Formats, *, widths: bool = True) -> int:
    """Write ``table`` from ``row``; returns the first free row below it."""
    ws.write_string(row, 0, table.title, f.title)
    row += 1
    for note in table.notes:
        ws.write_string(row, 0, note, f.note)
        row += 1
    header_row = row
    for c, h in enumerate(table.headers):
        ws.write_string(row, c, h, f.header)
        if widths:
            ws.set_column(c, c, table.widths[c])
    _fit_height(ws, row, table.headers, table.widths)
    row += 1
    for values in table.rows:
        for c, v in enumerate(values):
            if isinstance(v, str):
                ws.write_string(row, c, v, f.cell)
            else:
                ws.write_number(row, c, v, f.cell)
        _fit_height(ws, row, values, table.widths)
        row += 1
    if widths:
        ws.autofilter(header_row, 0, max(header_row, row - 1), len(table.headers) - 1)
    return row


def _heading(ws: Worksheet, advice: Advice, lang: str, f: _Formats) -> int:
    today = next((r for r in advice.settings if r.current), None)
    ws.write_string(0, 0, i18n.text("advice.title", {"polres": advice.polres}, lang), f.title)
    params = {
        "units": advice.units,
        "kinds": advice.kinds,
        "high": advice.units_by_priority[0],
        "eligible": advice.eligible,
        "cap": advice.cap,
        "covered": today.covered if today else sum(advice.baseline_by_priority),
        "covered_high": advice.baseline_by_priority[0],
    }
    ws.write_string(1, 0, i18n.text("advice.facts", params, lang))
    return 3


def saran_sheet(advice: Advice, lang: str = "id") -> SheetAdder:
    """A callable that adds the ``Saran`` sheet (the three tables one under another) to any
    xlsxwriter workbook: how a plan carries the advice (``solve --saran``)."""

    def add(wb: Workbook) -> None:
        f = _Formats(wb)
        ws = wb.add_worksheet("Saran")
        row = _heading(ws, advice, lang, f)
        widths = [0] * 13
        for table in tables(advice, lang):
            for c, w in enumerate(table.widths):
                widths[c] = max(widths[c], w)
            row = _put(ws, row, table, f, widths=False) + 1
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)

    return add


def write_saran(
    advice: Advice, path: Path | str, lang: str = "id", extra_sheets: Sequence[SheetAdder] = ()
) -> Path:
    """Write ``<input>-saran.xlsx``: one sheet per table, headers frozen, then
    ``extra_sheets`` (e.g. the maps).  Atomic: readers see the old file or the new one."""
    path = Path(path)

    def build(out: IO[bytes]) -> None:
        wb = xlsxwriter.Workbook(out, WORKBOOK_OPTIONS)
        f = _Formats(wb)
        for i, table in enumerate(tables(advice, lang)):
            ws = wb.add_worksheet(table.sheet)
            ws.set_landscape()
            ws.fit_to_pages(1, 0)
            top = _heading(ws, advice, lang, f) if i == 0 else 0
            _put(ws, top, table, f)
            ws.freeze_panes(top + 2 + len(table.notes), 1)
        for adder in extra_sheets:
            adder(wb)
        wb.close()

    write_atomically(path, build)
    return path


def to_bytes(advice: Advice, lang: str = "id") -> bytes:
    """The workbook in memory (tests)."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, WORKBOOK_OPTIONS)
    saran_sheet(advice, lang)(wb)
    wb.close()
    return buf.getvalue()
