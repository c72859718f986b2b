"""Cell text and header keys: the ground every other cell reader of this package stands on.

Every reader in ``rwassign.normalize`` takes one raw cell value (``str``, ``int``, ``float``,
``date``/``datetime`` or ``None``, as a spreadsheet library hands it over) and returns a plain
value.  They know nothing of pandas or openpyxl: the reader turns a ``ValueError`` or an error
code into a message that points at the cell.  Empty cells (``None``, blank text, a float NaN)
are always "unknown" and never an error here, because whether a fact is required is a policy
decision, not a parse one.  :func:`is_empty`, :func:`plain` and :func:`stripped` say once what
"empty", "a number" and "the text" of a cell are, for all of them.

Text pasted from a web page, a PDF or a phone carries characters nobody sees: a zero-width
space inside ``BRIG\u200bPOL``, a no-break space, an NRP typed with full-width or Arabic-Indic
digits.  :func:`match_text` is the one place that turns such text into the form every key and
vocabulary compares (invisible characters dropped, other spaces made plain, NFKC, digits of
any script made ASCII), and :func:`clean_cell` says which characters a cell can never keep
(control characters, NUL, lone surrogates: no workbook may hold them).
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Sequence

SPACES_RE = re.compile(r"\s+")
"""Runs of whitespace, collapsed to one space (or removed) by every reader."""

# --- characters nobody sees ---------------------------------------------------------------

INVISIBLE_CHARS: frozenset[str] = frozenset(
    {
        "\u00ad",  # SOFT HYPHEN: shown only where a line breaks
        "\u034f",  # COMBINING GRAPHEME JOINER
        "\u061c",  # ARABIC LETTER MARK
        "\u115f",  # HANGUL CHOSEONG FILLER
        "\u1160",  # HANGUL JUNGSEONG FILLER
        "\u17b4",  # KHMER VOWEL INHERENT AQ
        "\u17b5",  # KHMER VOWEL INHERENT AA
        "\u180e",  # MONGOLIAN VOWEL SEPARATOR (no longer a space since Unicode 6.3)
        "\u200b",  # ZERO WIDTH SPACE: NFKC keeps it, so it must be listed
        "\u200c",  # ZERO WIDTH NON-JOINER
        "\u200d",  # ZERO WIDTH JOINER
        "\u200e",  # LEFT-TO-RIGHT MARK
        "\u200f",  # RIGHT-TO-LEFT MARK
        "\u202a",  # LEFT-TO-RIGHT EMBEDDING
        "\u202b",  # RIGHT-TO-LEFT EMBEDDING
        "\u202c",  # POP DIRECTIONAL FORMATTING
        "\u202d",  # LEFT-TO-RIGHT OVERRIDE
        "\u202e",  # RIGHT-TO-LEFT OVERRIDE
        "\u2060",  # WORD JOINER
        "\u2061",  # FUNCTION APPLICATION (invisible operator)
        "\u2062",  # INVISIBLE TIMES
        "\u2063",  # INVISIBLE SEPARATOR
        "\u2064",  # INVISIBLE PLUS
        "\u2066",  # LEFT-TO-RIGHT ISOLATE
        "\u2067",  # RIGHT-TO-LEFT ISOLATE
        "\u2068",  # FIRST STRONG ISOLATE
        "\u2069",  # POP DIRECTIONAL ISOLATE
        "\u3164",  # HANGUL FILLER
        "\ufeff",  # BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE (a BOM pasted mid-text)
        "\uffa0",  # HALFWIDTH HANGUL FILLER
    }
)
"""Characters that take no room on screen or paper: dropped before any text is compared, so
``BRIG\u200bPOL`` is BRIGPOL and a name made only of them is empty."""

OTHER_SPACES: frozenset[str] = frozenset(
    {
        "\u00a0",  # NO-BREAK SPACE (Excel and web pages)
        "\u1680",  # OGHAM SPACE MARK
        *(chr(c) for c in range(0x2000, 0x200B)),  # EN QUAD ... HAIR SPACE
        "\u2028",  # LINE SEPARATOR
        "\u2029",  # PARAGRAPH SEPARATOR
        "\u202f",  # NARROW NO-BREAK SPACE
        "\u205f",  # MEDIUM MATHEMATICAL SPACE
        "\u3000",  # IDEOGRAPHIC SPACE (full-width keyboards)
    }
)
"""Spaces other than the ASCII one: read as a plain space (then collapsed like any space)."""

_INVISIBLE_TABLE = {ord(c): None for c in INVISIBLE_CHARS} | {ord(c): " " for c in OTHER_SPACES}


def without_invisible(text: str) -> str:
    """``text`` with :data:`INVISIBLE_CHARS` removed and :data:`OTHER_SPACES` made plain spaces.

    Neither set holds an ASCII character, so ASCII text (most cells) is returned as it is."""
    if text.isascii():
        return text
    return text.translate(_INVISIBLE_TABLE)


def ascii_digits(text: str) -> str:
    """Decimal digits of any script as ASCII: ``"\uff18\uff17"`` (full-width) and
    ``"\u0668\u0667"`` (Arabic-Indic) both give ``"87"``.

    ``unicodedata.decimal`` knows every script's digits; NFKC maps only some (not the
    Arabic-Indic ones), and ``int()`` accepts them but the text would still differ.
    """
    if text.isascii():
        return text
    out = []
    for ch in text:
        d = unicodedata.decimal(ch, None) if not ch.isascii() else None
        out.append(ch if d is None else str(d))
    return "".join(out)


def match_text(text: str) -> str:
    """The form every key compares: invisible characters dropped, other spaces plain, NFKC
    (full-width letters as ASCII), digits of any script as ASCII.  Not for display."""
    return ascii_digits(unicodedata.normalize("NFKC", without_invisible(text)))


# Control characters (C0 except tab, line feed and carriage return, DEL, C1), lone surrogates
# and the two non-characters: no XLSX may hold them, so a writer would fail on them.
_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_cell(text: str) -> tuple[str, bool]:
    """``text`` without forbidden characters and without :data:`INVISIBLE_CHARS`, and whether a
    forbidden character was removed (the reader warns about those; invisible ones are dropped
    without a word, since nobody can see a difference)."""
    cleaned, n = _FORBIDDEN_RE.subn("", text)
    return without_invisible(cleaned), n > 0


def clean_already(texts: Sequence[str]) -> bool:
    """Whether :func:`clean_cell` leaves every one of ``texts`` as it is, with nothing
    removed: no forbidden and no invisible character in any.  Checked on their join, at C
    speed, so a sheet with nothing to clean (nearly every sheet) skips the cell-by-cell pass."""
    joined = "".join(texts)
    return _FORBIDDEN_RE.search(joined) is None and without_invisible(joined) == joined


def is_empty(raw: object) -> bool:
    """None, blank text, NaN and NaT (how pandas shows an empty cell) are all 'no value'."""
    if raw is None:
        return True
    if isinstance(raw, float) and math.isnan(raw):
        return True
    if isinstance(raw, str):
        return not without_invisible(raw).strip()
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
    """The cell as stripped text in :func:`match_text` form; ``""`` for an empty cell (so
    ``NaN`` never reads as "nan")."""
    return "" if is_empty(raw) else match_text(str(raw)).strip()


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
