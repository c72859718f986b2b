"""Yes/no, priority and status words (``rwassign.normalize.words``)."""

from __future__ import annotations

import datetime as dt

import pytest

from rwassign import checker, rules
from rwassign.normalize.words import (
    ACTIVE_STATUS_WORDS,
    FALSE_WORDS,
    NO_WORDS,
    TRUE_WORDS,
    YES_WORDS,
    parse_bool,
    parse_priority,
    parse_status,
)
from rwassign.settings import Settings, coerce
from tests.builders import officer


@pytest.mark.parametrize(
    "raw",
    [
        *("Ya", "Y", "yes", "TRUE", "1", 1, True, "Sudah", "pernah", "✓", "v", "Sudah dilatih"),
        *(dt.date(2021, 3, 12), dt.datetime(2021, 3, 12, 9), "12-03-2021", "2021-03-12"),
    ],
)
def test_parse_bool_true(raw: object) -> None:
    assert parse_bool(raw) is True


@pytest.mark.parametrize(
    "raw", ["Tidak", "T", "no", "False", "0", 0, False, "Belum", "-", "Belum pernah", "tdk"]
)
def test_parse_bool_false(raw: object) -> None:
    assert parse_bool(raw) is False


@pytest.mark.parametrize("raw", [None, "", "  ", float("nan")])
def test_parse_bool_empty(raw: object) -> None:
    assert parse_bool(raw) is None


@pytest.mark.parametrize("raw", ["x", "mungkin", 5, "31-02-2021"])
def test_parse_bool_unknown_raises(raw: object) -> None:
    with pytest.raises(ValueError):
        parse_bool(raw)


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("Tinggi", 3),
        ("HIGH", 3),
        ("T", 3),
        (3, 3),
        ("Rawan", 3),
        ("Sangat Rawan", 3),
        ("Sedang", 2),
        ("medium", 2),
        ("S", 2),
        (2.0, 2),
        ("Rendah", 1),
        ("Low", 1),
        ("R", 1),
        ("1", 1),
        ("Aman", 1),
    ],
)
def test_parse_priority(raw: object, level: int) -> None:
    assert parse_priority(raw) == level


def test_parse_priority_empty_and_unknown() -> None:
    assert parse_priority("") is None
    for bad in ("penting", 4, 0):
        with pytest.raises(ValueError):
            parse_priority(bad)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Aktif", ("Aktif", True)),
        ("DINAS", ("Aktif", True)),
        ("active", ("Aktif", True)),
        ("Cuti", ("Cuti", False)),
        ("Cuti melahirkan", ("Cuti", False)),
        ("Pendidikan", ("Pendidikan", False)),
        ("Dik", ("Pendidikan", False)),
        ("Sekolah", ("Pendidikan", False)),
        ("Sakit", ("Sakit", False)),
        ("Skorsing", ("Skorsing", False)),
        ("Tugas Belajar", ("Tugas Belajar", False)),
        ("BKO", ("BKO", False)),
        ("Pensiun", ("Pensiun", False)),
        ("Mutasi", ("Mutasi", False)),
        ("Non Aktif", ("Non Aktif", False)),
        ("Non-Aktif", ("Non Aktif", False)),
        ("Tidak Aktif", ("Non Aktif", False)),
    ],
)
def test_parse_status(raw: str, expected: tuple[str, bool]) -> None:
    assert parse_status(raw) == expected


def test_parse_status_empty_and_unknown() -> None:
    assert parse_status(None) is None
    with pytest.raises(ValueError):
        parse_status("entah")


def test_settings_take_the_plain_yes_no_words_and_roster_cells_take_them_too() -> None:
    """One vocabulary: a switch accepts exactly the plain words, a roster cell all of them."""
    assert YES_WORDS < TRUE_WORDS
    assert NO_WORDS < FALSE_WORDS
    assert not TRUE_WORDS & FALSE_WORDS
    for word in YES_WORDS:
        assert coerce("require_training", word.upper()) is True
        assert parse_bool(word) is True
    for word in NO_WORDS:
        assert coerce("require_training", word.upper()) is False
        assert parse_bool(word) is False


@pytest.mark.parametrize("word", sorted((TRUE_WORDS - YES_WORDS) | (FALSE_WORDS - NO_WORDS)))
def test_roster_only_words_are_not_a_setting(word: str) -> None:
    """ "Sudah", a check mark or a dash records a fact in a roster; as a switch it is an error."""
    with pytest.raises(ValueError):
        coerce("require_active", word)


@pytest.mark.parametrize("word", sorted(ACTIVE_STATUS_WORDS))
def test_rules_and_checker_read_every_active_spelling_as_active(word: str) -> None:
    assert parse_status(word) == ("Aktif", True)
    o = officer(0, "87050123", active=None, status=word.upper())
    assert rules.active(o, Settings()) is True
    assert "status_aktif" not in checker._eligibility_failures(o, Settings())


@pytest.mark.parametrize("status", ["Cuti", "Non Aktif", "Tugas Belajar"])
def test_rules_and_checker_read_an_inactive_label_as_inactive(status: str) -> None:
    o = officer(0, "87050123", active=None, status=status)
    assert rules.active(o, Settings()) is False
    assert "status_aktif" in checker._eligibility_failures(o, Settings())


@pytest.mark.parametrize(
    ("raw", "expected"), [("Y\u200bA", True), ("\ufeffTidak", False), ("SUDAH\u00a0", True)]
)
def test_yes_no_words_read_through_invisible_characters(raw: str, expected: bool) -> None:
    assert parse_bool(raw) is expected


def test_status_and_priority_read_through_invisible_characters() -> None:
    assert parse_status("Ak\u200btif") == ("Aktif", True)
    assert parse_priority("TING\u2060GI") == 3
