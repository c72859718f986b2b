"""The rank table of Polri and its civilian staff, and a tolerant reader of rank text.

Rosters are typed by hand, so the same rank arrives as ``BRIPKA``, ``Bripka Pol.``,
``BRIGADIR POLISI KEPALA`` or ``Brigadir Kepala``.  Every spelling is matched against a table of
whole, normalised forms (never substrings), so the longest form always wins by construction:
``BRIGADIR JENDERAL`` is its own entry and can never be read as ``BRIGADIR`` (Brigpol).
Spellings that are understood but not official (``AIBDA``, ``BRIPPOL``, ``BRIG``) come back
with ``exact=False`` so the reader can warn without rejecting the row.

Polri writes rank and number in one column (``BRIPKA/87050123``); :func:`split_pangkat_nrp`
separates them before :func:`parse_rank` sees the rank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rwassign.model import Rank, RankGroup

# (code, words in full, group).  Listed highest first inside each block; ``order`` is derived
# below so that Polri ranks sort above PNS grades, and PNS grades above contract staff.
_POLRI: tuple[tuple[str, str, RankGroup], ...] = (
    ("JENDERAL POL", "JENDERAL POLISI", RankGroup.PATI),
    ("KOMJEN", "KOMISARIS JENDERAL POLISI", RankGroup.PATI),
    ("IRJEN", "INSPEKTUR JENDERAL POLISI", RankGroup.PATI),
    ("BRIGJEN", "BRIGADIR JENDERAL POLISI", RankGroup.PATI),
    ("KOMBES", "KOMISARIS BESAR POLISI", RankGroup.PAMEN),
    ("AKBP", "AJUN KOMISARIS BESAR POLISI", RankGroup.PAMEN),
    ("KOMPOL", "KOMISARIS POLISI", RankGroup.PAMEN),
    ("AKP", "AJUN KOMISARIS POLISI", RankGroup.PAMA),
    ("IPTU", "INSPEKTUR POLISI SATU", RankGroup.PAMA),
    ("IPDA", "INSPEKTUR POLISI DUA", RankGroup.PAMA),
    ("AIPTU", "AJUN INSPEKTUR POLISI SATU", RankGroup.BINTARA),
    ("AIPDA", "AJUN INSPEKTUR POLISI DUA", RankGroup.BINTARA),
    ("BRIPKA", "BRIGADIR POLISI KEPALA", RankGroup.BINTARA),
    ("BRIGPOL", "BRIGADIR POLISI", RankGroup.BINTARA),
    ("BRIPTU", "BRIGADIR POLISI SATU", RankGroup.BINTARA),
    ("BRIPDA", "BRIGADIR POLISI DUA", RankGroup.BINTARA),
    ("ABRIP", "AJUN BRIGADIR POLISI", RankGroup.TAMTAMA),
    ("ABRIPTU", "AJUN BRIGADIR POLISI SATU", RankGroup.TAMTAMA),
    ("ABRIPDA", "AJUN BRIGADIR POLISI DUA", RankGroup.TAMTAMA),
    ("BHARAKA", "BHAYANGKARA KEPALA", RankGroup.TAMTAMA),
    ("BHARATU", "BHAYANGKARA SATU", RankGroup.TAMTAMA),
    ("BHARADA", "BHAYANGKARA DUA", RankGroup.TAMTAMA),
)

# PNS Polri grades, Golongan IV/e down to I/a (the golongan is kept for matching "III/C").
_PNS: tuple[tuple[str, str, str], ...] = (
    ("PEMBINA UTAMA", "PEMBINA UTAMA", "IV E"),
    ("PEMBINA UTAMA MADYA", "PEMBINA UTAMA MADYA", "IV D"),
    ("PEMBINA UTAMA MUDA", "PEMBINA UTAMA MUDA", "IV C"),
    ("PEMBINA TK I", "PEMBINA TINGKAT I", "IV B"),
    ("PEMBINA", "PEMBINA", "IV A"),
    ("PENATA TK I", "PENATA TINGKAT I", "III D"),
    ("PENATA", "PENATA", "III C"),
    ("PENDA TK I", "PENATA MUDA TINGKAT I", "III B"),
    ("PENDA", "PENATA MUDA", "III A"),
    ("PENGATUR TK I", "PENGATUR TINGKAT I", "II D"),
    ("PENGATUR", "PENGATUR", "II C"),
    ("PENGDA TK I", "PENGATUR MUDA TINGKAT I", "II B"),
    ("PENGDA", "PENGATUR MUDA", "II A"),
    ("JURU TK I", "JURU TINGKAT I", "I D"),
    ("JURU", "JURU", "I C"),
    ("JURDA TK I", "JURU MUDA TINGKAT I", "I B"),
    ("JURDA", "JURU MUDA", "I A"),
)

_CONTRACT: tuple[tuple[str, str], ...] = (
    ("PPPK", "PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA"),
    ("HONORER", "TENAGA HONORER"),
    ("PHL", "PEKERJA HARIAN LEPAS"),
)


def _build_table() -> tuple[Rank, ...]:
    ranks: list[Rank] = []
    for i, (code, words, group) in enumerate(_POLRI):
        ranks.append(Rank(code, words, group, 200 - i))
    for i, (code, words, _gol) in enumerate(_PNS):
        ranks.append(Rank(code, words, RankGroup.PNS, 100 - i))
    for i, (code, words) in enumerate(_CONTRACT):
        ranks.append(Rank(code, words, RankGroup.PPPK, 10 - i))
    return tuple(ranks)


RANKS: tuple[Rank, ...] = _build_table()
"""Every rank and grade, most senior first within Polri, PNS and contract staff."""

_BY_CODE: dict[str, Rank] = {r.code: r for r in RANKS}


def by_code(code: str) -> Rank:
    """The rank with this official abbreviation (``"AKBP"``); ``KeyError`` if there is none."""
    return _BY_CODE[code]


def rank_words(code: str) -> str:
    """The rank in full words for a signature block: ``rank_words("AKBP")`` ->
    ``"AJUN KOMISARIS BESAR POLISI"``."""
    return by_code(code).words


@dataclass(frozen=True)
class RankMatch:
    """A rank read from text.

    ``exact`` is False for a spelling that is understood but not official (``AIBDA``,
    ``BRIPPOL``), so the reader can warn; ``text`` is the text as given.
    """

    rank: Rank
    exact: bool
    text: str


# --- normalisation --------------------------------------------------------------------------

_TK_RE = re.compile(r"\bTK\s*-?\s*(?:I|1)\b")
_TINGKAT_RE = re.compile(r"\bTINGKAT\b")
_TRAILING_ONE_RE = re.compile(r"(?<=[A-Z])\s*1$")
_NOISE_RE = re.compile(r"[,;:/()\[\]\-_'\"]")
_SPACES_RE = re.compile(r"\s+")


def _normalise(text: str, dots: str) -> str:
    """Upper case, dots replaced by ``dots`` ("" or " "), ``TINGKAT I``/``TK.1`` -> ``TK I``."""
    s = text.upper().replace(".", dots)
    s = _NOISE_RE.sub(" ", s)
    s = _SPACES_RE.sub(" ", s).strip()
    s = _TINGKAT_RE.sub("TK", s)
    s = _TK_RE.sub("TK I", s)
    s = _TRAILING_ONE_RE.sub(" I", s)
    return s


def _compact(s: str) -> str:
    return s.replace(" ", "")


# Non-standard spellings seen in rosters: (spelling, code).  All are matched with exact=False.
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("BRIG", "BRIGPOL"),
    ("BRIPPOL", "BRIGPOL"),
    ("BRIPOL", "BRIGPOL"),
    ("AIBDA", "AIPDA"),
    ("AIBTU", "AIPTU"),
    ("ABRIPPOL", "ABRIP"),
    ("KOMBESPOL", "KOMBES"),
    ("JENDERAL", "JENDERAL POL"),
    ("JENDRAL POL", "JENDERAL POL"),
    ("JENDRAL", "JENDERAL POL"),
    ("JURU MUDA TK I", "JURDA TK I"),
    ("JURU MUDA", "JURDA"),
    ("PEMBINA I", "PEMBINA TK I"),
    ("PENATA I", "PENATA TK I"),
    ("PENDA I", "PENDA TK I"),
    ("PENGATUR I", "PENGATUR TK I"),
    ("PENGDA I", "PENGDA TK I"),
    ("JURU I", "JURU TK I"),
    ("JURDA I", "JURDA TK I"),
    ("PENATA MUDA I", "PENDA TK I"),
    ("PENGATUR MUDA I", "PENGDA TK I"),
    ("HONOR", "HONORER"),
    ("TENAGA HONOR", "HONORER"),
    ("PEGAWAI HARIAN LEPAS", "PHL"),
)


def _official_forms(rank: Rank) -> set[str]:
    """The abbreviation and the full words, with and without the word POLISI/POL."""
    forms = {rank.code, rank.words}
    if " POLISI" in rank.words:
        forms.add(_SPACES_RE.sub(" ", rank.words.replace("POLISI", "")).strip())
    if rank.code == "JENDERAL POL":
        forms.add("JENDERAL")
    if rank.code == "BRIGPOL":
        forms.add("BRIG POL")  # the abbreviation split in two, not the variant BRIG + POL
    return forms


def _build_aliases() -> tuple[dict[str, tuple[str, bool]], dict[str, tuple[str, bool]]]:
    """Map every accepted normalised form (spaced, and with spaces removed) to (code, exact).

    A trailing ``POL``/``POLISI`` is accepted on every form.  Two different ranks may never
    share a form: the check below fails at import time if a new alias would make the table
    ambiguous, which is what guarantees "longest match first" for whole-text matching.
    """
    spaced: dict[str, tuple[str, bool]] = {}
    compact: dict[str, tuple[str, bool]] = {}

    def add(form: str, code: str, exact: bool) -> None:
        base = _normalise(form, " ")
        for f in (base, f"{base} POL", f"{base} POLISI"):
            for table, key in ((spaced, f), (compact, _compact(f))):
                old = table.get(key)
                if old is not None and old[0] != code:
                    raise AssertionError(f"rank alias {key!r} is ambiguous: {old[0]} / {code}")
                if old is None or (exact and not old[1]):
                    table[key] = (code, exact)

    for rank in RANKS:
        for form in _official_forms(rank):
            add(form, rank.code, True)
    for code, _words, golongan in _PNS:
        add(golongan, code, True)
    for form, code in _VARIANTS:
        add(form, code, False)
    return spaced, compact


# Golongan written alone ("III/C", "III C") identifies a PNS grade.
_GOLONGAN_RE = re.compile(r"(?:\bGOL(?:ONGAN)?\s*)?\b(IV|III|II|I)\s*/?\s*([A-E])$")

_SPACED, _COMPACT = _build_aliases()


def _lookup(norm: str) -> tuple[str, bool] | None:
    """Spaced form first (it decides, so ``ABRIPPOL`` stays a variant); the compact form
    (spaces removed) then catches ``BRIG.JEN.POL`` and ``KOM BES``."""
    hit = _SPACED.get(norm)
    if hit is None:
        hit = _COMPACT.get(_compact(norm))
    return hit


def parse_rank(text: str) -> RankMatch | None:
    """Read the rank column of one roster row; ``None`` when the text is no known rank.

    The whole text must be a rank (with optional dots, a trailing ``POL``/``POLISI`` and, for
    PNS, an optional golongan such as ``III/C``); a rank word inside longer free text is not
    matched, because "PEMBINA" is also a word in job titles.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    if len(text) > _REMEMBERED_CHARS:  # no rank is this long: not worth keeping
        return _parse_rank_text.__wrapped__(text)
    return _parse_rank_text(text)


#: The longest rank text :func:`parse_rank` remembers (the longest rank with a golongan and
#: spaces is under 40 characters); a hand-edited plan may hold any text in its rank column.
_REMEMBERED_CHARS = 64


@lru_cache(maxsize=4096)
def _parse_rank_text(text: str) -> RankMatch | None:
    """:func:`parse_rank` of a text, remembered: a roster of thousands spells a few dozen
    ranks, and each row's is read twice (PPPK without a number, then the rank itself)."""
    for dots in (" ", ""):
        norm = _normalise(text, dots)
        hit = _lookup(norm)
        if hit is None:
            gol = _GOLONGAN_RE.search(norm)
            if gol is not None:
                rest = norm[: gol.start()].strip()
                hit = _lookup(rest) if rest else _lookup(f"{gol.group(1)} {gol.group(2)}")
        if hit is not None:
            code, exact = hit
            return RankMatch(_BY_CODE[code], exact, text)
    return None


# --- PANGKAT/NRP --------------------------------------------------------------------------

_ID_KEYWORD_RE = re.compile(r"\bN(?:RP|IP)\s*[.:]?\s*$", re.IGNORECASE)
_TRAILING_DIGITS_RE = re.compile(r"(\d[\d ]*)$")
_LEADING_ID_RE = re.compile(
    r"^\s*(?:N(?:RP|IP)\s*[.:]?\s*)?(\d[\d ]{5,}\d)\s*[/,;]\s*(\S.*)$", re.IGNORECASE
)
_SEPARATORS = " \t/,;:-"
_ID_LENGTHS = (7, 8, 18)


def _pick_id_tokens(tokens: list[str]) -> list[str]:
    """Choose how many trailing digit groups form the number.

    Groups are taken from the right while the number stays at most 18 digits (a NIP printed as
    ``19700101 199003 1 002``); if that overshoots a known length (7, 8, 18) that a shorter tail
    has, the shorter tail wins, so the ``1`` of ``PENGDA TK 1 87050123`` stays with the rank.
    """
    taken: list[str] = []
    length = 0
    for tok in reversed(tokens):
        if length + len(tok) > 18:
            break
        taken.insert(0, tok)
        length += len(tok)
    if length not in _ID_LENGTHS:
        for start in range(1, len(taken)):
            if sum(len(t) for t in taken[start:]) in _ID_LENGTHS:
                return taken[start:]
    return taken


def split_pangkat_nrp(text: str) -> tuple[str, str | None]:
    """Split a Polri ``PANGKAT/NRP`` cell into the rank text and the number (digits only).

    ``"BRIPKA/87050123"``, ``"BRIPKA NRP 87050123"`` and ``"BRIPKA / NRP. 87050123"`` all give
    ``("BRIPKA", "87050123")``; spaces inside a NIP are removed.  The digits are returned as
    written (a 7-digit number is not padded here: the NRP checker pads and warns).  Without a
    ``/`` or an ``NRP``/``NIP`` keyword, fewer than 5 trailing digits are not taken as a number,
    so ``PENGDA TK 1`` stays a rank.
    """
    s = text.strip()
    m = _TRAILING_DIGITS_RE.search(s)
    if m is None:
        lead = _LEADING_ID_RE.match(s)
        if lead is not None:
            return lead.group(2).strip(_SEPARATORS), lead.group(1).replace(" ", "")
        return s, None
    groups = list(re.finditer(r"\d+", m.group(1)))
    chosen = _pick_id_tokens([g.group() for g in groups])
    digits = "".join(chosen)
    cut = m.start() + groups[len(groups) - len(chosen)].start()
    head = s[:cut].rstrip()
    keyword = _ID_KEYWORD_RE.search(head)
    if keyword is not None:
        head = head[: keyword.start()]
    explicit = keyword is not None or head.rstrip().endswith("/") or not head.strip()
    if not explicit and len(digits) < 5:
        return s, None
    return head.strip(_SEPARATORS + "."), digits
