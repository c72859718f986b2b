"""The ``Ringkasan`` sheet: the facts of one run, the settings used, coverage by area.

The facts come from :func:`rwassign.report.summarize`, so this sheet, the terminal and
``--json`` show the same numbers.  Labels are always Indonesian: this sheet is what gets
attached to a report upwards.  The settings are shown here for people; the program reads
them back from the hidden data sheet (:mod:`rwassign.io.embed`), never from these labels.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from rwassign.io.write.tables import KM_FORMAT, fit_columns, header, section
from rwassign.report import rule_label
from rwassign.settings import SETTING_DOCS

STATUS_LABELS = {
    "OPTIMAL": "OPTIMAL (terbukti terbaik)",
    "FEASIBLE": "FEASIBLE (batas waktu tercapai; lihat Gap)",
    "NO_PLAN": "TIDAK ADA RENCANA",
}


def summary_sheet(ws: Worksheet, facts: dict[str, Any], lang: str) -> None:
    """Label/value rows, then the settings used, then coverage by Polsek and by kecamatan.

    Labels are always Indonesian; only the settings' descriptions follow ``lang``.
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
        "Total jarak (km)": KM_FORMAT,
        "Rata-rata jarak (km)": KM_FORMAT,
        "Gap": "0.00%",
        "Waktu (detik)": "0.0",
    }
    header(ws, ("KETERANGAN", "NILAI", "CATATAN"))
    for label, value, note in rows:
        ws.append([label, value, note])
        fmt = formats.get(label) or ("0.0" if label.startswith("Waktu ") else None)
        if fmt and isinstance(value, (int, float)):
            ws.cell(ws.max_row, 2).number_format = fmt
        ws.cell(ws.max_row, 2).alignment = Alignment(horizontal="left")

    ws.append([])
    section(ws, ("PENGATURAN", "NILAI", "KETERANGAN"))
    for key, value in facts["settings"].items():
        doc = SETTING_DOCS.get(key)
        ws.append([key, value, (doc[1] if lang == "en" else doc[0]) if doc else ""])

    for title, key in (("POLSEK", "polsek"), ("KECAMATAN", "kecamatan")):
        ws.append([])
        section(ws, (title, "JUMLAH RW/DUSUN", "TERISI", "CAKUPAN (%)"))
        for item in facts[f"coverage_by_{key}"]:
            pct = round(100.0 * item["covered"] / item["units"], 2) if item["units"] else 0.0
            ws.append([item[key], item["units"], item["covered"], pct])
            ws.cell(ws.max_row, 4).number_format = "0.00"

    ws.freeze_panes = "A2"
    fit_columns(ws, max_width=70)
