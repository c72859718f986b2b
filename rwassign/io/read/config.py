"""The two optional helper sheets: ``Pengaturan`` (settings) and ``Polsek`` (kecamatan map).

Both let a Polres keep its policy and its own geography next to the data, in the workbook it
already edits, instead of in a config file it would have to learn.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from rwassign import settings as settings_mod
from rwassign.io.read.common import Collector
from rwassign.io.read.fields import FIELDS, POLSEK_FIELDS, clean_sheet, find_header
from rwassign.io.read.tables import RawSheet, cell_text
from rwassign.normalize.places import kecamatan_key, polsek_key
from rwassign.normalize.text import norm_header

SETTING_LABELS: dict[str, str] = {
    "maksrwperpersonel": "max_units_per_officer",
    "maksimalrwperpersonel": "max_units_per_officer",
    "rwperpersonel": "max_units_per_officer",
    "jumlahrwmaksimal": "max_units_per_officer",
    "jarakmaksimal": "max_travel_km",
    "jarakmaksimalkm": "max_travel_km",
    "batasjarak": "max_travel_km",
    "batasjarakkm": "max_travel_km",
    "bataswaktu": "time_limit_s",
    "bataswaktudetik": "time_limit_s",
    "jumlahthread": "workers",
    "izinkanpamen": "allow_pamen",
    "bolehpamen": "allow_pamen",
    "masadinasminimum": "min_service_years",
    "masadinasminimal": "min_service_years",
    "wajibpelatihan": "require_training",
    "wajibaktif": "require_active",
    "satuandikecualikan": "excluded_units",
    "kesatuandikecualikan": "excluded_units",
    "fungsidikecualikan": "excluded_units",
    "bobottinggi": "priority_weight_high",
    "bobotsedang": "priority_weight_medium",
    "bobotrendah": "priority_weight_low",
    "jarakdesasama": "admin_km_same_desa",
    "jarakkecamatansama": "admin_km_same_kecamatan",
    "jarakpolseksama": "admin_km_same_polsek",
    "jarakluarpolsek": "admin_km_elsewhere",
    "bahasa": "lang",
    "batasunitpermasukan": "max_units_per_input",
    "wilayah": "wilayah",
    "kabupaten": "wilayah",
    "kabupatenkota": "wilayah",
    "desabaru": "desa_baru",
}
"""Indonesian labels accepted in the ``Pengaturan`` sheet (normalised) -> Settings field.
The field names themselves (``max_units_per_officer``) are always accepted too."""

_SETTING_FIELDS = [f.name for f in dataclasses.fields(settings_mod.Settings)]
_SETTING_KEYS: dict[str, str] = {norm_header(name): name for name in _SETTING_FIELDS}
_SETTING_KEYS.update(SETTING_LABELS)

_COLUMN_PREFIXES = ("kolom.", "kolom ", "column.", "column ")
_HEADER_VALUES = {"nilai", "value", "isi"}
_FIELD_KEYS: dict[str, str] = {norm_header(name): name for name in FIELDS}


def field_name(text: str) -> str | None:
    """A logical field from user text (``home_desa``, ``HOME DESA``), or ``None``."""
    return _FIELD_KEYS.get(norm_header(text))


def read_settings_sheet(sheet: RawSheet, out: Collector) -> tuple[dict[str, Any], dict[str, str]]:
    """``key | value`` rows -> (coerced settings, column map from ``kolom.<field>`` rows).

    A row whose value is empty or ``-`` leaves the default (a template may list every key); a
    header line (``Kunci | Nilai``) and title lines are skipped.  An unknown key or a value of
    the wrong type is an error at the cell, never a silent default.
    """
    clean_sheet(sheet, None, out)
    values: dict[str, Any] = {}
    columns: dict[str, str] = {}
    for i, row in enumerate(sheet.rows):
        cells = [(c, cell_text(v)) for c, v in enumerate(row) if cell_text(v)]
        if len(cells) < 2:
            continue
        (_key_col, key), (val_col, _val_text) = cells[0], cells[1]
        raw = row[val_col]
        if norm_header(_val_text) in _HEADER_VALUES or _val_text == "-":
            continue
        low = key.casefold()
        prefix = next((p for p in _COLUMN_PREFIXES if low.startswith(p)), None)
        if prefix is not None:
            name = field_name(key[len(prefix) :])
            if name is None:
                out.error(
                    "settings.unknown_column_field",
                    sheet.loc(i + 1, key),
                    key=key,
                    fields=", ".join(FIELDS),
                )
            else:
                columns[name] = _val_text
            continue
        setting = _SETTING_KEYS.get(norm_header(key))
        if setting is None:
            out.error("settings.unknown_key", sheet.loc(i + 1, key), key=key)
            continue
        try:
            values[setting] = settings_mod.coerce(setting, raw)
        except (KeyError, ValueError) as exc:
            out.error(
                "settings.bad_value",
                sheet.loc(i + 1, key),
                key=key,
                value=_val_text,
                reason=settings_mod.reason(exc),
            )
    if values:
        try:
            settings_mod.from_mapping(values)
        except ValueError as exc:
            out.error("settings.sheet_invalid", sheet.loc(), reason=settings_mod.reason(exc))
    return values, columns


def polsek_display(name: str) -> str:
    """``"Lebong Utara"`` -> ``"Polsek Lebong Utara"``; text already naming a Polsek is kept.
    Upper-case input keeps upper case (``POLSEK AMEN``) to match the rest of the sheet."""
    text = " ".join(name.split())
    if norm_header(text).startswith(("polsek", "polres", "pospol")):
        return text
    return f"POLSEK {text}" if text.isupper() else f"Polsek {text}"


def read_polsek_sheet(
    sheet: RawSheet, column_map: dict[str, str], out: Collector
) -> dict[str, str] | None:
    """``Kecamatan | Polsek`` rows -> {kecamatan key: Polsek name}.

    The map is data, not code, because a Polsek may cover several kecamatan (Polsek Lebong
    Utara also covers Pinang Belapis).  A kecamatan given two different Polsek is an error.
    """
    header = find_header(sheet, POLSEK_FIELDS, column_map)
    if header is None:
        out.error("sheet.no_header", sheet.loc(), kind="Polsek", needed="KECAMATAN, POLSEK")
        return None
    clean_sheet(sheet, header, out)
    mapping: dict[str, tuple[str, int]] = {}
    for i in range(header.data_start, len(sheet.rows)):
        row = sheet.rows[i]
        kec, pol = header.text(row, "kecamatan"), header.text(row, "polsek")
        if not kec and not pol:
            continue
        if not kec or not pol:
            col = "polsek" if not pol else "kecamatan"
            out.error("polsek.incomplete", sheet.loc(i + 1, header.texts[col]))
            continue
        key = kecamatan_key(kec)
        name = polsek_display(pol)
        if key in mapping and polsek_key(mapping[key][0]) != polsek_key(name):
            out.error(
                "polsek.conflict",
                sheet.loc(i + 1, header.texts["polsek"]),
                kecamatan=kec,
                first=mapping[key][0],
                second=name,
                first_row=mapping[key][1],
            )
            continue
        mapping.setdefault(key, (name, i + 1))
    return {k: v[0] for k, v in mapping.items()}
