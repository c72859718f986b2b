"""Words: yes/no, unit priority and member status, the one definition of each vocabulary.

The rules (``rwassign.rules``), the independent checker and the settings reader all take their
words from here, so a spelling added once is understood everywhere.
"""

from __future__ import annotations

import datetime as dt
import re

from rwassign.normalize.quantities import parse_date
from rwassign.normalize.text import SPACES_RE, is_empty, match_text, plain

# --- yes/no -----------------------------------------------------------------------------------

YES_WORDS: frozenset[str] = frozenset({"ya", "y", "yes", "iya", "true", "benar", "1"})
"""Plain "yes", case-folded: what a switch in the ``Pengaturan`` sheet or a TOML file accepts
(``rwassign.settings.coerce``), and part of what a roster cell accepts (:data:`TRUE_WORDS`)."""

NO_WORDS: frozenset[str] = frozenset({"tidak", "tdk", "t", "no", "n", "false", "salah", "0"})
"""Plain "no", case-folded: the counterpart of :data:`YES_WORDS`."""

TRUE_WORDS: frozenset[str] = YES_WORDS | {"sudah", "sdh", "pernah", "ok", "v", "✓", "✔", "☑", "√"}
"""Every "yes" of a roster cell (:func:`parse_bool`): the plain words, plus "already"/"ever"
and check marks, which record a fact ("trained: sudah").  Settings do not take these: a
switch is not a fact that happened, and a stray mark there should be an error, not a policy."""

FALSE_WORDS: frozenset[str] = NO_WORDS | {"belum", "blm", "bukan", "-", "--", "✗", "✘"}
"""Every "no" of a roster cell: the plain words, plus "not yet", "not", a dash and crosses.
A dash in a settings cell more often means "default" than "no", so settings do not take it."""


def parse_bool(raw: object) -> bool | None:
    """Yes/no cell (trained? Bhabinkamtibmas?): ``Ya``/``Sudah``/``✓`` -> True,
    ``Tidak``/``Belum``/``-`` -> False, a date -> True (trained on that date), empty -> None.

    A bare ``x`` raises ``ValueError`` on purpose: in Indonesian forms it marks "yes" in a
    checkbox as often as it means "no", and a wrong True could pass an untrained member.
    Multi-word text is decided by its first word (``"Belum pernah"`` -> False).
    """
    raw = plain(raw)
    if is_empty(raw):
        return None
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, dt.date):  # datetime is a date too
        return True
    if isinstance(raw, int | float):
        if raw in (0, 1):
            return bool(raw)
        raise ValueError(f"not a yes/no value: {raw!r}")
    s = SPACES_RE.sub(" ", match_text(str(raw)).strip().casefold()).rstrip(".")
    if s in TRUE_WORDS:
        return True
    if s in FALSE_WORDS:
        return False
    first = s.split(" ", 1)[0].strip(".,;:")
    if len(first) > 1 and first in TRUE_WORDS:
        return True
    if len(first) > 1 and first in FALSE_WORDS:
        return False
    try:
        if parse_date(s) is not None:
            return True
    except ValueError:
        pass
    raise ValueError(f"not a yes/no value: {raw!r}")


# --- priority ---------------------------------------------------------------------------------

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
    raw = plain(raw)
    if is_empty(raw):
        return None
    if isinstance(raw, bool):
        raise ValueError(f"not a priority: {raw!r}")
    if isinstance(raw, int | float):
        if raw in (1, 2, 3):
            return int(raw)
        raise ValueError(f"not a priority (1-3): {raw!r}")
    s = SPACES_RE.sub(" ", match_text(str(raw)).strip().casefold().replace(".", " ")).strip()
    if s in ("1", "2", "3"):
        return int(s)
    if s in _PRIORITY_WORDS:
        return _PRIORITY_WORDS[s]
    raise ValueError(f"not a priority: {raw!r}")


# --- member status ----------------------------------------------------------------------------

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

ACTIVE_STATUS_WORDS: frozenset[str] = frozenset(
    spelling for active, spellings in _STATUSES.values() if active for spelling in spellings
)
"""Case-folded spellings of an active status (``"aktif"``, ``"dinas"``, ...).  The rules and
the checker compare an officer's status text with these; :func:`parse_status` reads the
roster's cells into the canonical label ``"Aktif"``, itself one of them."""


def parse_status(raw: object) -> tuple[str, bool] | None:
    """Member status -> (canonical label, is_active); empty -> None; unknown -> ``ValueError``.

    Only an active member can be given an RW.  Text with details is read by its leading words
    (``"Cuti melahirkan"`` -> Cuti, ``"Dik Sespim"`` -> Pendidikan).
    """
    if is_empty(raw):
        return None
    s = SPACES_RE.sub(" ", re.sub(r"[.\-_/]", " ", match_text(str(raw)).casefold())).strip()
    words = s.split(" ")
    for n in range(len(words), 0, -1):
        label = _STATUS_LOOKUP.get(" ".join(words[:n]))
        if label is not None:
            return label, _STATUSES[label][0]
    raise ValueError(f"unknown status: {raw!r}")
