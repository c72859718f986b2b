"""Dates, service years and numbers: the cells that carry a point in time or an amount.

Indonesian rosters write dates day first and with Indonesian month names (``"1 Agt 2015"``),
service as a TMT date, a TMT year or a number of years (``"7 tahun 6 bulan"``), and decimals
with a comma (``"102,1977"``).
"""

from __future__ import annotations

import datetime as dt
import re

from rwassign.normalize.text import SPACES_RE, is_empty, match_text, plain

_MONTHS: dict[str, int] = {
    "januari": 1,
    "january": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "february": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "agustus": 8,
    "august": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "december": 12,
    "des": 12,
    "dec": 12,
}

_DMY_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
_YMD_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_D_MONTH_Y_RE = re.compile(r"^(?:(\d{1,2})[\s\-/.]+)?([a-z]+)\.?[\s\-/.,]+(\d{4}|\d{2})$")
_TIME_SUFFIX_RE = re.compile(r"[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def _year(text: str) -> int:
    """Four-digit year as is; two digits pivot at 69 like ``strptime`` (``15`` -> 2015)."""
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 69 else 1900
    return y


def parse_date(raw: object) -> dt.date | None:
    """A date cell: ``date``/``datetime``, ``"12-03-2021"``, ``"12/03/2021"``, ``"2021-03-12"``,
    ``"1 Maret 2015"``, ``"01 Agt 2015"``, ``"Maret 2015"`` (day 1).  Numbers are day first, as
    in Indonesia.  Empty -> None; anything else -> ``ValueError``.
    """
    if is_empty(raw):
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str):
        raise ValueError(f"not a date: {raw!r}")
    s = SPACES_RE.sub(" ", match_text(raw).strip().casefold())
    s = re.sub(r"^tmt\s*[.:]?\s*", "", s)
    s = _TIME_SUFFIX_RE.sub("", s).strip()
    try:
        if m := _YMD_RE.match(s):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _DMY_RE.match(s):
            return dt.date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if (m := _D_MONTH_Y_RE.match(s)) and m.group(2) in _MONTHS:
            day = int(m.group(1)) if m.group(1) else 1
            return dt.date(_year(m.group(3)), _MONTHS[m.group(2)], day)
    except ValueError as exc:  # e.g. 31-02-2015
        raise ValueError(f"not a valid date: {raw!r}") from exc
    raise ValueError(f"not a date: {raw!r}")


_YEARS_TEXT_RE = re.compile(
    r"^(\d+(?:[.,]\d+)?)\s*(?:tahun|thn|th|tah|years?|yrs?|y)?"
    r"(?:\s*(\d+)\s*(?:bulan|bln|bl|months?))?\.?$"
)
_DAYS_PER_YEAR = 365.25


def _years_from_number(n: float, today: dt.date) -> float:
    if n < 0:
        raise ValueError(f"negative service: {n!r}")
    if n < 100:
        return float(n)
    if 1900 <= n <= today.year and float(n).is_integer():
        return float(today.year - int(n))
    raise ValueError(f"neither years of service nor a TMT year: {n!r}")


def service_years(raw: object, today: dt.date) -> float | None:
    """Years of service on ``today`` from a TMT date, a TMT year or a number of years.

    ``date``/date text -> exact years since that date; a whole number 1900..this year -> a TMT
    year; a number below 100 (``7``, ``"7 tahun"``, ``"7,5 thn"``, ``"7 tahun 6 bulan"``) ->
    years of service.  Empty -> None; a TMT in the future or anything else -> ``ValueError``.
    """
    raw = plain(raw)
    if is_empty(raw):
        return None
    if isinstance(raw, bool):
        raise ValueError(f"not a service length: {raw!r}")
    if isinstance(raw, dt.date):
        start = raw.date() if isinstance(raw, dt.datetime) else raw
        days = (today - start).days
        if days < 0:
            raise ValueError(f"TMT {start.isoformat()} is in the future")
        return days / _DAYS_PER_YEAR
    if isinstance(raw, int | float):
        return _years_from_number(float(raw), today)
    s = SPACES_RE.sub(" ", match_text(str(raw)).strip().casefold())
    m = _YEARS_TEXT_RE.match(s)
    if m is not None:
        years = _years_from_number(float(m.group(1).replace(",", ".")), today)
        if m.group(2):
            years += int(m.group(2)) / 12.0
        return years
    return service_years(parse_date(s), today)


_NUMBER_RE = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?$", re.IGNORECASE)


def parse_float(raw: object) -> float | None:
    """A number cell, also typed with a decimal comma (``"102,1977"``) or thousands separators
    (``"1.234,5"``); empty -> None; anything else -> ``ValueError``."""
    raw = plain(raw)
    if is_empty(raw):
        return None
    if isinstance(raw, bool):
        raise ValueError(f"not a number: {raw!r}")
    if isinstance(raw, int | float):
        return float(raw)
    s = match_text(str(raw)).strip().replace(" ", "").replace("\u00a0", "").rstrip("°")
    s = s.replace("\u2212", "-")  # a typographic minus pasted from a document
    if "," in s and "." in s:
        # the later separator is the decimal one
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif s.count(",") == 1:
        s = s.replace(",", ".")
    elif s.count(",") > 1 or s.count(".") > 1:
        sep = "," if s.count(",") > 1 else "."
        s = s.replace(sep, "")
    if not _NUMBER_RE.match(s):
        raise ValueError(f"not a number: {raw!r}")
    return float(s)
