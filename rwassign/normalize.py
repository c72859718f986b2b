"""Tolerant readers for the cell values of hand-made Polres spreadsheets.

Every function takes one raw cell value (``str``, ``int``, ``float``, ``date``/``datetime`` or
``None``, as a spreadsheet library hands it over) and returns a plain value.  They know nothing
of pandas or openpyxl: the reader turns a ``ValueError`` or an error code into a message that
points at the cell.  Empty cells (``None``, blank text, a float NaN) are always "unknown" and
never an error here, because whether a fact is required is a policy decision, not a parse one.

Keys (``desa_key``, ``kecamatan_key``, ``polsek_key``) are for *matching* names typed in
different sheets; they stay readable because they end up in unit uids.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from dataclasses import dataclass

_SPACES_RE = re.compile(r"\s+")


def _is_empty(raw: object) -> bool:
    """None, blank text, NaN and NaT (how pandas shows an empty cell) are all 'no value'."""
    if raw is None:
        return True
    if isinstance(raw, float) and math.isnan(raw):
        return True
    if isinstance(raw, str):
        return not raw.strip()
    try:
        return bool(raw != raw)  # NaN-like values (pandas NaT, Decimal NaN) differ from self
    except (TypeError, ValueError):
        return False


def _plain(raw: object) -> object:
    """Numeric cells from numpy/pandas (``int64``, ``float64``) as Python ``int``/``float``,
    so that one ``isinstance`` test covers every reader; other values unchanged."""
    if isinstance(raw, int | float):  # bool is an int too
        return raw
    if isinstance(raw, numbers.Integral):
        return int(raw)
    if isinstance(raw, numbers.Real):
        return float(raw)
    return raw


def _text(raw: object) -> str:
    return "" if _is_empty(raw) else str(raw).strip()


# --- headers and names ------------------------------------------------------------------------

_HEADER_NOISE_RE = re.compile(r"[\s./_\-:()]+")


def norm_header(text: object) -> str:
    """Column header key: ``"Pangkat / NRP"`` -> ``"pangkatnrp"``, ``"Desa/Kel."`` -> ``"desakel"``.

    Headers are typed by hand in every Polres, so only the letters and digits are compared.
    """
    return _HEADER_NOISE_RE.sub("", _text(text).casefold())


def norm_name(text: object) -> str:
    """Generic name key: case-folded, dots removed, whitespace collapsed."""
    return _SPACES_RE.sub(" ", _text(text).casefold().replace(".", "")).strip()


_PUNCT_RE = re.compile(r"[.,;:/\\()\[\]\"`_\-]+")


def _place_key(name: object, prefixes: re.Pattern[str]) -> str:
    """Case-folded, punctuation -> space, one administrative prefix removed.

    The prefix is kept when removing it would leave nothing (a place really named "Desa").
    Apostrophes are dropped without a space ("Ma'ruf" = "Maruf").
    """
    s = _text(name).casefold().replace("'", "").replace("’", "")
    m = prefixes.match(s)
    if m is not None and s[m.end() :].strip(" .,:-"):
        s = s[m.end() :]
    s = _PUNCT_RE.sub(" ", s)
    return _SPACES_RE.sub(" ", s).strip()


_DESA_PREFIX_RE = re.compile(r"\s*(?:desa|ds|kelurahan|kel|kelr)(?:\s*\.\s*|\s+|\s*:\s*)")
_KECAMATAN_PREFIX_RE = re.compile(r"\s*(?:kecamatan|kec)(?:\s*\.\s*|\s+|\s*:\s*)")
_POLSEK_PREFIX_RE = re.compile(r"\s*(?:polsekta|polsek|pos\s+polisi)(?:\s*\.\s*|\s+|\s*:\s*)")


def desa_key(name: object) -> str:
    """Desa/kelurahan key: ``"Desa Kampung Jawa"``, ``"KAMPUNG  JAWA"``, ``"Kel. Kampung Jawa"``
    -> ``"kampung jawa"`` (single spaces kept so the key is readable in a unit uid)."""
    return _place_key(name, _DESA_PREFIX_RE)


def kecamatan_key(name: object) -> str:
    """Kecamatan key: ``"Kec. Lebong Utara"`` and ``"KECAMATAN Lebong Utara"`` both give
    ``"lebong utara"``."""
    return _place_key(name, _KECAMATAN_PREFIX_RE)


def polsek_key(name: object) -> str:
    """Polsek key: ``"Polsek Lebong Utara"`` -> ``"lebong utara"`` (the Polsek is often named
    after its kecamatan, but the kecamatan-to-Polsek map is data, so this only normalises)."""
    return _place_key(name, _POLSEK_PREFIX_RE)


# --- Roman numerals ---------------------------------------------------------------------------

_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(n: int) -> str:
    """``5`` -> ``"V"`` (document numbers write the month in Roman numerals: Sprin/123/V/2023)."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError(f"no Roman numeral for {n!r}")
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")


def from_roman(text: str) -> int | None:
    """Canonical Roman numeral -> int; ``None`` for anything else (``IIII`` and ``VX`` too)."""
    s = text.strip().upper()
    if not _ROMAN_RE.match(s):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    if not 1 <= total <= 3999 or to_roman(total) != s:
        return None
    return total


# --- unit labels --------------------------------------------------------------------------

UNIT_KINDS: tuple[str, ...] = ("RW", "Dusun", "Banjar", "Lingkungan", "Jorong")

# Spellings of each kind, longest first inside the regex so "lingkungan" beats "ling".
_KIND_SPELLINGS: dict[str, str] = {
    "rw": "RW",
    "rukun warga": "RW",
    "dusun": "Dusun",
    "dsn": "Dusun",
    "dus": "Dusun",
    "banjar": "Banjar",
    "bjr": "Banjar",
    "br": "Banjar",
    "lingkungan": "Lingkungan",
    "lingk": "Lingkungan",
    "ling": "Lingkungan",
    "lkg": "Lingkungan",
    "lk": "Lingkungan",
    "jorong": "Jorong",
    "jr": "Jorong",
}
_KIND_ALT = "|".join(
    re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_KIND_SPELLINGS, key=len, reverse=True)
)
_LABEL_RE = re.compile(
    rf"^(?:(?P<kind>{_KIND_ALT})\b|(?P<kind2>{_KIND_ALT})(?=\d))?\s*[.:\-#]?\s*"
    r"(?:no\.?\s*)?(?P<num>\d+(?:\.0+)?|[ivxl]+)\s*\.?$"
)

_WORD_NUMBERS: dict[str, int] = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
}


def parse_kind(text: object) -> str | None:
    """Canonical unit kind (``"RW"``, ``"Dusun"``, ...) for a spelling such as ``"Dsn."``."""
    key = _SPACES_RE.sub(" ", _text(text).casefold().replace(".", " ")).strip()
    return _KIND_SPELLINGS.get(key)


def parse_unit_label(text: object, default_kind: str | None = None) -> tuple[str, int] | None:
    """Read a unit label into (canonical kind, number).

    Labels compare by number, so ``"RW 2"``, ``"RW.02"``, ``"rw2"``, ``"002"``, ``2`` and
    ``"2.0"`` are the same unit.  A bare number takes ``default_kind`` (``"RW"`` when None).
    Returns ``None`` when no number (>= 1) can be read, e.g. for a dusun known only by name.
    """
    text = _plain(text)
    kind_default = default_kind or "RW"
    if _is_empty(text) or isinstance(text, bool):
        return None
    if isinstance(text, int):
        return (kind_default, text) if text >= 1 else None
    if isinstance(text, float):
        if not text.is_integer() or text < 1:
            return None
        return kind_default, int(text)
    s = _SPACES_RE.sub(" ", str(text).strip().casefold())
    for word, value in _WORD_NUMBERS.items():
        s = re.sub(rf"\b{word}$", str(value), s)
    m = _LABEL_RE.match(s)
    if m is None:
        return None
    spelled = m.group("kind") or m.group("kind2")
    kind = _KIND_SPELLINGS[_SPACES_RE.sub(" ", spelled)] if spelled else kind_default
    raw_num = m.group("num")
    number = int(float(raw_num)) if raw_num[0].isdigit() else from_roman(raw_num)
    if number is None or number < 1:
        return None
    return kind, number


# --- identity numbers -----------------------------------------------------------------------

ID_CODES: dict[str, str] = {
    "nrp.missing": "the NRP/NIP cell is empty",
    "nrp.malformed": "not an NRP (8 digits) nor a NIP/NI PPPK (18 digits)",
    "nrp.padded": (
        "a 7-digit number: Excel dropped the leading 0 of a member born in 2000 or later; "
        "padded back to 8 digits (format the column as text to keep it)"
    ),
    "nrp.month": (
        "digits 3-4 of the NRP are not a month 01-12, against the usual YYMM convention "
        "(a warning only: the rule is a convention)"
    ),
    "nip.precision": (
        "an 18-digit NIP stored as a number: Excel keeps only 15 significant digits, so the "
        "last digits are lost; format the column as text and type the NIP again"
    ),
    "nip.date": "the first 8 digits of the NIP are not a valid birth date YYYYMMDD",
    "nip.month": "digits 9-14 of the NIP are not a valid start month YYYYMM",
}
"""Warning and error codes of :func:`parse_id`, with their meaning (the message catalogue
holds the user-facing texts)."""


@dataclass(frozen=True)
class IdResult:
    """An identity number read from a cell.

    ``value`` is the digits as text (``None`` on error), ``kind`` is ``"NRP"``, ``"NIP"`` or
    ``"PPPK"``; ``warnings`` and ``error`` are codes of :data:`ID_CODES`.
    """

    value: str | None
    kind: str | None
    warnings: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


_SCIENTIFIC_RE = re.compile(r"^\d(?:[.,]\d+)?e\+?\d+$", re.IGNORECASE)
_ID_PREFIX_RE = re.compile(r"^(?:nrp|nip|ni\s*pppk)\s*[.:]?\s*", re.IGNORECASE)
_INTEGRAL_FLOAT_TEXT_RE = re.compile(r"^(\d+)\.0+$")


def _valid_yyyymmdd(s: str) -> bool:
    try:
        dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return False
    return True


def _classify(digits: str, from_number: bool) -> IdResult:
    warnings: list[str] = []
    if len(digits) == 7:
        padded = "0" + digits
        # A numeric cell lost its 0 for sure; typed text is only padded when the result still
        # reads as YYMM, otherwise a digit was probably dropped somewhere else.
        if not from_number and not 1 <= int(padded[2:4]) <= 12:
            return IdResult(None, None, (), "nrp.malformed")
        digits = padded
        warnings.append("nrp.padded")
    if len(digits) == 8:
        if not 1 <= int(digits[2:4]) <= 12:
            warnings.append("nrp.month")
        return IdResult(digits, "NRP", tuple(warnings), None)
    if len(digits) == 18:
        if from_number:
            return IdResult(None, None, (), "nip.precision")
        # A NI PPPK has "21" where a NIP has the start month: a month can never be 21.
        if digits[12:14] == "21":
            return IdResult(digits, "PPPK", (), None)
        if not _valid_yyyymmdd(digits[:8]):
            warnings.append("nip.date")
        if not 1 <= int(digits[12:14]) <= 12:
            warnings.append("nip.month")
        return IdResult(digits, "NIP", tuple(warnings), None)
    if from_number and 15 < len(digits) <= 18:
        return IdResult(None, None, (), "nip.precision")
    return IdResult(None, None, (), "nrp.malformed")


def parse_id(raw: object) -> IdResult:
    """Read an NRP (8 digits), NIP or NI PPPK (18 digits) cell, always as text.

    Numeric cells are the usual damage: a 7-digit number is an NRP that lost its leading 0
    (padded, with a warning); an 18-digit number has lost its last digits in Excel (error,
    with the hint to format the column as text).  Text may carry spaces
    (``19860926 201505 1 001``) and an ``NRP``/``NIP`` prefix.
    """
    raw = _plain(raw)
    if _is_empty(raw):
        return IdResult(None, None, (), "nrp.missing")
    if isinstance(raw, bool):
        return IdResult(None, None, (), "nrp.malformed")
    if isinstance(raw, int):
        return _classify(str(raw), True) if raw > 0 else IdResult(None, None, (), "nrp.malformed")
    if isinstance(raw, float):
        if not raw.is_integer() or raw <= 0:
            return IdResult(None, None, (), "nrp.malformed")
        if raw >= 1e15:
            return IdResult(None, None, (), "nip.precision")
        return _classify(str(int(raw)), True)
    s = str(raw).strip().lstrip("'")
    s = _ID_PREFIX_RE.sub("", s).strip()
    if _SCIENTIFIC_RE.match(s):
        return IdResult(None, None, (), "nip.precision")
    m = _INTEGRAL_FLOAT_TEXT_RE.match(s)
    if m is not None:  # "87050123.0": a number cell converted to text by a tool
        return _classify(m.group(1), True)
    digits = _SPACES_RE.sub("", s)
    if not digits.isdigit():
        return IdResult(None, None, (), "nrp.malformed")
    return _classify(digits, False)


# --- yes/no, priority, status ---------------------------------------------------------------

_TRUE_WORDS = frozenset(
    {"ya", "y", "yes", "iya", "true", "benar", "1", "sudah", "sdh", "pernah", "ok", "v"}
    | {"✓", "✔", "☑", "√"}
)
_FALSE_WORDS = frozenset(
    {"tidak", "tdk", "t", "no", "n", "false", "salah", "0", "belum", "blm", "bukan"}
    | {"-", "--", "✗", "✘"}
)


def parse_bool(raw: object) -> bool | None:
    """Yes/no cell (trained? Bhabinkamtibmas?): ``Ya``/``Sudah``/``✓`` -> True,
    ``Tidak``/``Belum``/``-`` -> False, a date -> True (trained on that date), empty -> None.

    A bare ``x`` raises ``ValueError`` on purpose: in Indonesian forms it marks "yes" in a
    checkbox as often as it means "no", and a wrong True could pass an untrained member.
    Multi-word text is decided by its first word (``"Belum pernah"`` -> False).
    """
    raw = _plain(raw)
    if _is_empty(raw):
        return None
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, dt.date):  # datetime is a date too
        return True
    if isinstance(raw, int | float):
        if raw in (0, 1):
            return bool(raw)
        raise ValueError(f"not a yes/no value: {raw!r}")
    s = _SPACES_RE.sub(" ", str(raw).strip().casefold()).rstrip(".")
    if s in _TRUE_WORDS:
        return True
    if s in _FALSE_WORDS:
        return False
    first = s.split(" ", 1)[0].strip(".,;:")
    if len(first) > 1 and first in _TRUE_WORDS:
        return True
    if len(first) > 1 and first in _FALSE_WORDS:
        return False
    try:
        if parse_date(s) is not None:
            return True
    except ValueError:
        pass
    raise ValueError(f"not a yes/no value: {raw!r}")


_PRIORITY_WORDS: dict[str, int] = {
    "tinggi": 3,
    "high": 3,
    "t": 3,
    "h": 3,
    "rawan": 3,
    "sangat rawan": 3,
    "rawan tinggi": 3,
    "sedang": 2,
    "medium": 2,
    "s": 2,
    "m": 2,
    "cukup rawan": 2,
    "rendah": 1,
    "low": 1,
    "r": 1,
    "l": 1,
    "aman": 1,
}


def parse_priority(raw: object) -> int | None:
    """Unit priority 3 (Tinggi/Rawan), 2 (Sedang) or 1 (Rendah/Aman); empty -> None."""
    raw = _plain(raw)
    if _is_empty(raw):
        return None
    if isinstance(raw, bool):
        raise ValueError(f"not a priority: {raw!r}")
    if isinstance(raw, int | float):
        if raw in (1, 2, 3):
            return int(raw)
        raise ValueError(f"not a priority (1-3): {raw!r}")
    s = _SPACES_RE.sub(" ", str(raw).strip().casefold().replace(".", " ")).strip()
    if s in ("1", "2", "3"):
        return int(s)
    if s in _PRIORITY_WORDS:
        return _PRIORITY_WORDS[s]
    raise ValueError(f"not a priority: {raw!r}")


# canonical label -> (is_active, spellings)
_STATUSES: dict[str, tuple[bool, tuple[str, ...]]] = {
    "Aktif": (True, ("aktif", "dinas", "active", "aktif dinas", "dinas aktif")),
    "Cuti": (False, ("cuti", "leave")),
    "Pendidikan": (False, ("pendidikan", "dik", "sekolah", "dikbang", "diklat", "kursus")),
    "Sakit": (False, ("sakit", "sick", "rawat inap")),
    "Skorsing": (False, ("skorsing", "skors", "skorsing dinas")),
    "Tugas Belajar": (False, ("tugas belajar", "tubel")),
    "BKO": (False, ("bko", "bawah kendali operasi", "penugasan")),
    "Pensiun": (False, ("pensiun", "purnawirawan", "mpp", "masa persiapan pensiun")),
    "Mutasi": (False, ("mutasi", "pindah", "pindah tugas")),
    "Non Aktif": (False, ("non aktif", "nonaktif", "tidak aktif", "inactive", "non-aktif")),
    "Meninggal": (False, ("meninggal", "meninggal dunia", "almarhum", "alm")),
}
_STATUS_LOOKUP: dict[str, str] = {
    spelling.replace("-", " "): label
    for label, (_active, spellings) in _STATUSES.items()
    for spelling in spellings
}


def parse_status(raw: object) -> tuple[str, bool] | None:
    """Member status -> (canonical label, is_active); empty -> None; unknown -> ``ValueError``.

    Only an active member can be given an RW.  Text with details is read by its leading words
    (``"Cuti melahirkan"`` -> Cuti, ``"Dik Sespim"`` -> Pendidikan).
    """
    if _is_empty(raw):
        return None
    s = _SPACES_RE.sub(" ", re.sub(r"[.\-_/]", " ", str(raw).casefold())).strip()
    words = s.split(" ")
    for n in range(len(words), 0, -1):
        label = _STATUS_LOOKUP.get(" ".join(words[:n]))
        if label is not None:
            return label, _STATUSES[label][0]
    raise ValueError(f"unknown status: {raw!r}")


# --- dates, service years, numbers ------------------------------------------------------------

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
    if _is_empty(raw):
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str):
        raise ValueError(f"not a date: {raw!r}")
    s = _SPACES_RE.sub(" ", raw.strip().casefold())
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
    raw = _plain(raw)
    if _is_empty(raw):
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
    s = _SPACES_RE.sub(" ", str(raw).strip().casefold())
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
    raw = _plain(raw)
    if _is_empty(raw):
        return None
    if isinstance(raw, bool):
        raise ValueError(f"not a number: {raw!r}")
    if isinstance(raw, int | float):
        return float(raw)
    s = str(raw).strip().replace(" ", "").replace("\u00a0", "").rstrip("°")
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
