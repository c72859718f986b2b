"""Indonesian dates and document numbers, as Perkap 1/2023 writes them.

Dates are written with the month in words (``15 Mei 2023``); document numbers carry the month
in Roman numerals (``Sprin/123/V/2023``).  Both are derived from one date so a number and its
date can never disagree.
"""

from __future__ import annotations

import datetime as dt

from rwassign.normalize.places import to_roman

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

DEFAULT_NUMBER_TEMPLATE = "Sprin/{no}/{bulan_romawi}/{tahun}"


def tanggal_id(day: dt.date) -> str:
    """``date(2023, 5, 15)`` -> ``"15 Mei 2023"`` (no leading zero, month in words)."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def format_number(template: str, serial: str | None, day: dt.date) -> str:
    """Fill a number template: ``{no}`` the serial, ``{bulan_romawi}`` the month in Roman
    numerals, ``{bulan}`` the month as two digits, ``{tahun}`` the year.

    A template without ``{`` is a finished number and is returned as it is.  Raises
    ``KeyError`` naming an unknown placeholder, ``ValueError`` when ``{no}`` has no serial.
    """
    if "{" not in template:
        return template
    if "{no}" in template and not serial:
        raise ValueError("no serial")
    values = {
        "no": serial or "",
        "bulan_romawi": to_roman(day.month),
        "bulan": f"{day.month:02d}",
        "tahun": str(day.year),
    }
    return template.format_map(values)
