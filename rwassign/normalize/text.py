"""Cell text and header keys: the ground every other cell reader of this package stands on.

Every reader in ``rwassign.normalize`` takes one raw cell value (``str``, ``int``, ``float``,
``date``/``datetime`` or ``None``, as a spreadsheet library hands it over) and returns a plain
value.  They know nothing of pandas or openpyxl: the reader turns a ``ValueError`` or an error
code into a message that points at the cell.  Empty cells (``None``, blank text, a float NaN)
are always "unknown" and never an error here, because whether a fact is required is a policy
decision, not a parse one.  :func:`is_empty`, :func:`plain` and :func:`stripped` say once what
"empty", "a number" and "the text" of a cell are, for all of them.
"""

from __future__ import annotations

import math
import numbers
import re

SPACES_RE = re.compile(r"\s+")
"""Runs of whitespace, collapsed to one space (or removed) by every reader."""


def is_empty(raw: object) -> bool:
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


def plain(raw: object) -> object:
    """Numeric cells from numpy/pandas (``int64``, ``float64``) as Python ``int``/``float``,
    so that one ``isinstance`` test covers every reader; other values unchanged."""
    if isinstance(raw, int | float):  # bool is an int too
        return raw
    if isinstance(raw, numbers.Integral):
        return int(raw)
    if isinstance(raw, numbers.Real):
        return float(raw)
    return raw


def stripped(raw: object) -> str:
    """The cell as stripped text; ``""`` for an empty cell (so ``NaN`` never reads as "nan")."""
    return "" if is_empty(raw) else str(raw).strip()


# --- headers and names ------------------------------------------------------------------------

_HEADER_NOISE_RE = re.compile(r"[\s./_\-:()]+")


def norm_header(text: object) -> str:
    """Column header key: ``"Pangkat / NRP"`` -> ``"pangkatnrp"``, ``"Desa/Kel."`` -> ``"desakel"``.

    Headers are typed by hand in every Polres, so only the letters and digits are compared.
    """
    return _HEADER_NOISE_RE.sub("", stripped(text).casefold())


def norm_name(text: object) -> str:
    """Generic name key: case-folded, dots removed, whitespace collapsed."""
    return SPACES_RE.sub(" ", stripped(text).casefold().replace(".", "")).strip()
