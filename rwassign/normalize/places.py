"""Place names and unit labels: desa, kecamatan and Polsek keys, RW/dusun labels, Roman numerals.

Keys (``desa_key``, ``kecamatan_key``, ``polsek_key``) are for *matching* names typed in
different sheets; they stay readable because they end up in unit uids.  Unit labels are read
into (kind, number) so that ``"RW 2"``, ``"RW.02"`` and ``"rw II"`` are one unit; Roman
numerals live here because labels use them (and document numbers write the month in them).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rwassign.normalize.text import SPACES_RE, is_empty, match_text, plain, stripped

_PUNCT_RE = re.compile(r"[.,;:/\\()\[\]\"`_\-]+")


def _place_key(name: object, prefixes: re.Pattern[str]) -> str:
    """Case-folded, punctuation -> space, one administrative prefix removed.

    The prefix is kept when removing it would leave nothing (a place really named "Desa").
    Apostrophes are dropped without a space ("Ma'ruf" = "Maruf").  Text is cached: a sheet
    repeats its few hundred names over thousands of rows, and every reader step keys them.
    """
    if isinstance(name, str):
        return _place_key_text(name, prefixes)
    return _place_key_uncached(name, prefixes)


@lru_cache(maxsize=65_536)
def _place_key_text(name: str, prefixes: re.Pattern[str]) -> str:
    return _place_key_uncached(name, prefixes)


def _place_key_uncached(name: object, prefixes: re.Pattern[str]) -> str:
    s = stripped(name).casefold().replace("'", "").replace("’", "")
    m = prefixes.match(s)
    if m is not None and s[m.end() :].strip(" .,:-"):
        s = s[m.end() :]
    s = _PUNCT_RE.sub(" ", s)
    return SPACES_RE.sub(" ", s).strip()


_NOT_DIGIT_RE = re.compile(r"\D")


@lru_cache(maxsize=65_536)
def code_digits(kode: str | None) -> str:
    """The digits of a Kemendagri code, ``"17.02.06.1004"`` -> ``"1702061004"`` (remembered:
    a desa's code repeats on each of its RW rows, and each reader step compares them)."""
    return _NOT_DIGIT_RE.sub("", kode or "")


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

MAX_UNIT_NUMBER = 999
"""The highest RW/dusun number read as one: a real desa has a few dozen units at most, and a
longer number (``RW 99999999999999999999999``) is a typing or pasting slip, not a unit."""

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
#: A number word at the end of a label (``"RW Satu"``): one pattern, not one per word; no word
#: ends another at a word boundary, so at most one can match.
_WORD_NUMBER_RE = re.compile(rf"\b({'|'.join(_WORD_NUMBERS)})$")


def parse_kind(text: object) -> str | None:
    """Canonical unit kind (``"RW"``, ``"Dusun"``, ...) for a spelling such as ``"Dsn."``."""
    key = SPACES_RE.sub(" ", stripped(text).casefold().replace(".", " ")).strip()
    return _KIND_SPELLINGS.get(key)


def parse_unit_label(text: object, default_kind: str | None = None) -> tuple[str, int] | None:
    """Read a unit label into (canonical kind, number).

    Labels compare by number, so ``"RW 2"``, ``"RW.02"``, ``"rw2"``, ``"002"``, ``2`` and
    ``"2.0"`` are the same unit.  A bare number takes ``default_kind`` (``"RW"`` when None).
    Returns ``None`` when no number from 1 to :data:`MAX_UNIT_NUMBER` can be read, e.g. for a
    dusun known only by name.  A text label's reading is remembered: a 5,000-unit Polres has
    a few dozen distinct labels (``RW 01`` .. ``RW 12``) over thousands of rows.
    """
    if text.__class__ is str:
        return _parse_label_text(text, default_kind)
    return _parse_unit_label(text, default_kind)


@lru_cache(maxsize=4096)
def _parse_label_text(text: str, default_kind: str | None) -> tuple[str, int] | None:
    return _parse_unit_label(text, default_kind)


def _parse_unit_label(text: object, default_kind: str | None) -> tuple[str, int] | None:
    text = plain(text)
    kind_default = default_kind or "RW"
    if is_empty(text) or isinstance(text, bool):
        return None
    if isinstance(text, int):
        return (kind_default, text) if 1 <= text <= MAX_UNIT_NUMBER else None
    if isinstance(text, float):
        if not text.is_integer() or not 1 <= text <= MAX_UNIT_NUMBER:
            return None
        return kind_default, int(text)
    s = SPACES_RE.sub(" ", match_text(str(text)).strip().casefold())
    s = _WORD_NUMBER_RE.sub(lambda m: str(_WORD_NUMBERS[m.group(1)]), s)
    m = _LABEL_RE.match(s)
    if m is None:
        return None
    spelled = m.group("kind") or m.group("kind2")
    kind = _KIND_SPELLINGS[SPACES_RE.sub(" ", spelled)] if spelled else kind_default
    raw_num = m.group("num")
    if raw_num[0].isdigit():
        digits = raw_num.split(".")[0]
        # Whole digits, never through float: "RW 99999999999999999999999" must not come out
        # as 99999999999999991611392; anything above the bound is no unit at all.
        number: int | None = int(digits) if len(digits.lstrip("0")) <= 6 else MAX_UNIT_NUMBER + 1
    else:
        number = from_roman(raw_num)
    if number is None or not 1 <= number <= MAX_UNIT_NUMBER:
        return None
    return kind, number
