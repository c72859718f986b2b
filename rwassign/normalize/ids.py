"""Identity numbers: NRP (8 digits) of police members, NIP and NI PPPK (18 digits) of civil staff.

The usual damage is Excel's: a number cell drops the leading 0 of an NRP or the last digits of
a NIP.  :func:`parse_id` reads every cell as text and says what it repaired or could not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rwassign.normalize.text import SPACES_RE, is_empty, match_text, plain

ID_CODES: dict[str, str] = {
    "nrp.missing": "the NRP/NIP cell is empty",
    "nrp.malformed": "not an NRP (8 digits) nor a NIP/NI PPPK (18 digits)",
    "nrp.padded": (
        "a 5-, 6- or 7-digit number: Excel dropped the leading zeros of a member born from "
        "2000 on (7 digits: born 2001-2009; 6: born October-December 2000; 5: born "
        "January-September 2000); padded back to 8 digits (format the column as text to keep it)"
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


#: Lengths of an NRP whose leading zeros a number cell dropped (born 2000-2009).
_PADDABLE = (5, 6, 7)

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
    if len(digits) in _PADDABLE:
        padded = digits.zfill(8)
        # An NRP is YYMMxxxx and a number cell drops its leading zeros: born 2001-2009 leaves
        # 7 digits (0Y...), born October-December 2000 leaves 6 (001M...), born January-
        # September 2000 leaves 5 (000M...).  A 7-digit number cell lost its 0 for sure; any
        # other short id is only padded when the result still reads as YYMM, otherwise a digit
        # was probably dropped somewhere else.
        if not (from_number and len(digits) == 7) and not 1 <= int(padded[2:4]) <= 12:
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

    Numeric cells are the usual damage: a 5-, 6- or 7-digit number is an NRP of a member born
    2000-2009 that lost its leading zeros (padded, with a warning); an 18-digit number has
    lost its last digits in Excel (error, with the hint to format the column as text).  Text
    may carry spaces
    (``19860926 201505 1 001``) and an ``NRP``/``NIP`` prefix.
    """
    raw = plain(raw)
    if is_empty(raw):
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
    # Invisible characters dropped and digits of any script made ASCII, so that an NRP typed
    # with full-width or Arabic-Indic digits is the same member as the ASCII one.
    s = match_text(str(raw)).strip().lstrip("'")
    s = _ID_PREFIX_RE.sub("", s).strip()
    if _SCIENTIFIC_RE.match(s):
        return IdResult(None, None, (), "nip.precision")
    m = _INTEGRAL_FLOAT_TEXT_RE.match(s)
    if m is not None:  # "87050123.0": a number cell converted to text by a tool
        return _classify(m.group(1), True)
    digits = SPACES_RE.sub("", s)
    if not (digits.isascii() and digits.isdigit()):
        return IdResult(None, None, (), "nrp.malformed")
    return _classify(digits, False)
