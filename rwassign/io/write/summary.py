"""The ``Ringkasan`` sheet: the facts of one run, the shortage arithmetic, coverage by area and
the settings used, laid out to print on portrait A4 with every label beside its value.

The facts come from :func:`rwassign.report.summarize`, so this sheet, the terminal and
``--json`` show the same numbers.  Labels are always Indonesian: this sheet is what gets
attached to a report upwards; sentences (the shortage, the settings' descriptions) follow
``lang``.  The headline (status, coverage, why units are open, who could serve) comes first,
so page 1 answers an office's questions; solver stage timings stay in ``--json``, they tell an
office nothing.  The settings are shown by label, with the TOML key in small grey print for
whoever edits the configuration; the program reads them back from the hidden data sheet
(:mod:`rwassign.io.embed`), never from these labels.

The sheet uses seven columns: label, value and a note spread over the last five, which the
coverage tables by kecamatan and Polsek use as their columns.  A value without a note spreads
over all six (a file's SHA-256 fits on one line).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from rwassign import i18n
from rwassign.io.write.grid import Cell, Sheet, Style
from rwassign.io.write.printing import (
    GREY,
    font,
    line_height,
    page_setup,
    rich,
    set_row_heights,
    set_widths,
)
from rwassign.io.write.tables import HEADER_STYLE, KM_FORMAT
from rwassign.report import places_text, rule_label, shortage_text, unit_word
from rwassign.settings import SETTING_DOCS

STATUS_LABELS = {
    "OPTIMAL": "OPTIMAL (terbukti terbaik)",
    "FEASIBLE": "FEASIBLE (belum terbukti terbaik: batas waktu atau jarak dibulatkan; lihat Gap)",
    "NO_PLAN": "TIDAK ADA RENCANA",
}
TITLE = "RINGKASAN PENUGASAN POLISI RW"
#: The row ``export`` compares with the hidden sheet's fingerprint (:mod:`rwassign.io.embed`).
FINGERPRINT_LABEL = "Sidik data personel dan pengaturan"
SIGNED_LABEL = "Sidik ditandatangani kunci"
#: Label, value, then five table columns that also hold the notes.
WIDTHS = (38.0, 18.0, 10.0, 11.0, 11.0, 15.0, 10.0)
LAST = len(WIDTHS)
#: Portrait A4 between the margins, in points, and a column unit as LibreOffice draws it (the
#: wider of the two programs, so the estimate of what fits on page 1 errs towards no break).
PORTRAIT_WIDTH_PT = (8.27 - 1.0) * 72
PORTRAIT_HEIGHT_PT = (11.69 - 1.5) * 72
CHAR_PT = 5.55

_TITLE = font(bold=True, size=14)
_HEADER = replace(HEADER_STYLE, vertical="top")
_HEADER_RIGHT = replace(HEADER_STYLE, horizontal="right", vertical="top")
_BODY_LEFT = Style(horizontal="left", vertical="top", wrap=True)
_NOTE_LEFT = Style(size=9, color=GREY, horizontal="left", vertical="top", wrap=True)
_TABLE = Style(vertical="top", wrap=True)

Row = tuple[Any, Any, str, str | None]  # label, value, note, number format


def summary_sheet(ws: Sheet, facts: dict[str, Any], lang: str) -> None:
    """Title, headline, shortage, members, coverage by kecamatan and Polsek, quality of the
    plan, settings and files, printed portrait one page wide (module docstring)."""
    set_widths(ws, WIDTHS)
    ws.append([TITLE], _TITLE)
    ws.merge(1, 1, LAST)
    _rows(ws, [("Polres", facts["polres"], "", None)])
    for line in places_text(facts["places"], unit_word(facts["shortage"]["unit_kinds"]), lang):
        _sentence(ws, line)

    _section(ws, ("HASIL", "NILAI", "CATATAN"))
    _rows(ws, _headline(facts))

    _section(ws, ("KAPASITAS PERSONEL",))
    _sentence(ws, shortage_text(facts["shortage"], lang))

    _section(ws, ("PERSONEL", "JUMLAH", "CATATAN"))
    _rows(ws, _members(facts))

    shortage = facts["shortage"]
    cap = shortage["cap"]
    _section(
        ws,
        ("KECAMATAN", "RW/DUSUN", "TERISI", "CAKUPAN (%)", "MEMENUHI SYARAT, TINGGAL DI SINI",
         f"KAPASITAS (x {cap})", "KURANG"),
    )  # fmt: skip
    covered = {c["kecamatan"]: c["covered"] for c in facts["coverage_by_kecamatan"]}
    for item in shortage["by_kecamatan"]:
        done = covered.get(item["kecamatan"], 0)
        _table_row(
            ws,
            [item["kecamatan"], item["units"], done, _pct(done, item["units"]),
             item["eligible"], item["capacity"], item["short"]],
        )  # fmt: skip
    _sentence(ws, i18n.text("summary.by_kecamatan", lang=lang))
    if shortage["home_elsewhere"]:
        params = {"count": shortage["home_elsewhere"]}
        _sentence(ws, i18n.text("summary.home_elsewhere", params, lang))

    _section(ws, ("MUTU RENCANA", "NILAI", "CATATAN"))
    _rows(ws, _quality(facts))
    if facts.get("changes") is not None:
        _section(ws, ("PERUBAHAN", "JUMLAH", "CATATAN"))
        changes = [("Perpindahan", facts["moves"], "personel yang kehilangan RW lamanya", None)]
        for kind, count in facts["changes"].items():
            changes.append((f"   - {kind}", count, "lihat sheet Perubahan", None))
        _rows(ws, changes)

    polsek_row = ws.max_row + 2  # its header, after the blank line
    _section(ws, ("POLSEK", "RW/DUSUN", "TERISI", "CAKUPAN (%)"))
    for item in facts["coverage_by_polsek"]:
        _table_row(
            ws,
            [item["polsek"], item["units"], item["covered"], _pct(item["covered"], item["units"])],
        )

    _section(ws, ("PENGATURAN", "NILAI", "KETERANGAN"))
    for key, value in facts["settings"].items():
        doc = SETTING_DOCS.get(key)
        label = _setting_label(key, lang)
        _rows(ws, [(rich(label, key), value, (doc[1] if lang == "en" else doc[0]) if doc else "-",
                    None)])  # fmt: skip

    _section(ws, ("BERKAS", "NILAI", "CATATAN"))
    files: list[Row] = [("Versi rwassign", facts["version"], "", None)]
    if facts["output"]:
        files.append(("Berkas keluaran", Path(facts["output"]).name, "", None))
    for name, digest in facts["input_sha256"].items():
        files.append((f"SHA-256 {name}", digest, "", None))
    if facts.get("facts_fingerprint"):
        files.append((FINGERPRINT_LABEL, facts["facts_fingerprint"], "", None))
    if facts.get("facts_key_id"):
        files.append((SIGNED_LABEL, f"Ed25519 {facts['facts_key_id']}", "", None))
    _rows(ws, files)

    ws.frozen_rows = 1
    set_row_heights(ws)
    page_setup(ws, landscape=False, lang=lang, title_rows=0, last_column=LAST)
    _break_before(ws, polsek_row)


def _break_before(ws: Sheet, row: int) -> None:
    """Start a new page at ``row`` when everything above it fits on page 1, so the headline
    page ends with a whole block instead of a table torn after its header."""
    scale = min(1.0, PORTRAIT_WIDTH_PT / (sum(WIDTHS) * CHAR_PT))
    above = sum(ws.heights.get(r) or line_height() for r in range(1, row))
    if above * scale <= PORTRAIT_HEIGHT_PT:
        ws.page_breaks.append(row)


def _headline(facts: dict[str, Any]) -> list[Row]:
    return [
        ("Status solver", STATUS_LABELS.get(facts["status"], facts["status"]), "", None),
        ("Jumlah RW/Dusun", facts["units"], "", None),
        ("Terisi", facts["covered"], "", None),
        ("Belum terisi", facts["uncovered"], "lihat sheet Belum Terisi", None),
        ("Cakupan (%)", facts["coverage_pct"], "", "0.00"),
    ]


def _members(facts: dict[str, Any]) -> list[Row]:
    rows: list[Row] = [
        ("Personel", facts["officers"], "baris daftar personel", None),
        ("Memenuhi syarat", facts["eligible"], "", None),
        ("Ditugaskan", facts["assigned"], "", None),
        ("Cadangan", facts["reserve"], "memenuhi syarat, belum mendapat RW", None),
        ("Tidak memenuhi syarat", facts["ineligible"], "tiap personel dihitung sekali", None),
    ]
    for rule_id, count in facts["ineligible_by_rule"].items():
        rows.append((f"   - {rule_label(rule_id, 'id')}", count, "", None))
    unchecked = ", ".join(rule_label(r, "id") for r in facts["unchecked_rules"])
    rows.append(("Aturan tidak dapat diperiksa", unchecked or "-", "lihat sheet Peringatan", None))
    return rows


def _travel_note(facts: dict[str, Any]) -> str:
    """Said when travel was counted in coarse steps (very large re-plans): the bound it leaves."""
    if facts.get("travel_bound_km") is None:
        return ""
    params = {"unit": facts["travel_unit_m"], "bound": f"{facts['travel_bound_km']:.2f}"}
    return i18n.text("summary.travel_coarse", params, "id")


def _quality(facts: dict[str, Any]) -> list[Row]:
    gap = facts["gap"] if facts["gap"] is not None else "-"
    return [
        ("Cakupan berbobot", facts["weighted_coverage"], "jumlah bobot prioritas RW yang terisi",
         None),
        ("Cakupan berbobot maksimum", facts["weighted_coverage_max"], "bila semua RW terisi", None),
        ("Sesuai domisili", facts["residence_matches"],
         "personel bertugas di RW tempat tinggalnya", None),
        ("Total jarak (km)", facts["travel_km"], _travel_note(facts), KM_FORMAT),
        ("Rata-rata jarak (km)", facts["travel_km_mean"], "per RW/dusun yang terisi", KM_FORMAT),
        ("Gap", gap, "0 = terbukti optimal", "0.00%"),
        ("Jumlah peringatan", facts["warnings"], "lihat sheet Peringatan", None),
    ]  # fmt: skip


def _setting_label(key: str, lang: str) -> str:
    """A setting's label from the catalogue; its key for a setting the catalogue lacks."""
    try:
        return i18n.text(f"setting_label.{key}", lang=lang)
    except KeyError:
        return key


def _pct(done: int, units: int) -> float:
    return round(100.0 * done / units, 2) if units else 0.0


def _section(ws: Sheet, headers: Sequence[str]) -> None:
    """A blank line, then a block's bold filled header across all seven columns."""
    ws.append([])
    # A table's number columns are right-aligned: so are their headers.
    right = _HEADER_RIGHT if len(headers) > 3 else _HEADER
    values = [*headers, *[None] * (LAST - len(headers))]
    row = ws.append_cells(
        [Cell(value, _HEADER if column == 1 else right) for column, value in enumerate(values, 1)]
    )
    if len(headers) == 3:  # label, value, note: the note's header spans the note columns
        ws.merge(row, 3, LAST)


def _rows(ws: Sheet, rows: Sequence[Row]) -> None:
    """Label | value | note rows; a value without a note spreads over the note columns."""
    for label, value, note, fmt in rows:
        value_style = _BODY_LEFT
        if fmt and isinstance(value, (int, float)):
            value_style = Style(horizontal="left", vertical="top", wrap=True, number_format=fmt)
        row = ws.append_cells(
            [Cell(label, _BODY_LEFT), Cell(value, value_style), Cell(note or None, _NOTE_LEFT)]
        )
        ws.merge(row, 2 if not note else 3, LAST)


def _table_row(ws: Sheet, values: Sequence[Any]) -> None:
    """One row of a coverage table; percentages with two decimals."""
    row = ws.append(values, _TABLE)
    cell = ws.cell(row, 4)
    cell.style = Style(vertical="top", wrap=True, number_format="0.00")


def _sentence(ws: Sheet, text: str) -> None:
    """A sentence across the whole width, wrapped (the shortage arithmetic)."""
    row = ws.append([text], _BODY_LEFT)
    ws.merge(row, 1, LAST)
