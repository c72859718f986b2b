"""Place keys, unit labels and Roman numerals (``rwassign.normalize.places``)."""

from __future__ import annotations

import pytest

from rwassign.normalize.places import (
    MAX_UNIT_NUMBER,
    desa_key,
    from_roman,
    kecamatan_key,
    parse_kind,
    parse_unit_label,
    polsek_key,
    to_roman,
)


@pytest.mark.parametrize(
    "text",
    [
        "Desa Kampung Jawa",
        "KAMPUNG  JAWA",
        "Kel. Kampung Jawa",
        "Kelurahan Kampung Jawa",
        "Kel Kampung Jawa",
        "Ds.Kampung Jawa",
        "DS. KAMPUNG JAWA",
        "kampung-jawa",
    ],
)
def test_desa_key(text: str) -> None:
    assert desa_key(text) == "kampung jawa"


def test_desa_key_keeps_a_name_that_is_only_a_prefix() -> None:
    assert desa_key("Desa") == "desa"
    # "Kelurahan" is stripped only as a whole word followed by the name
    assert desa_key("Kelapa Dua") == "kelapa dua"


@pytest.mark.parametrize(
    "text", ["Kecamatan Lebong Utara", "Kec. Lebong Utara", "KEC LEBONG UTARA"]
)
def test_kecamatan_key(text: str) -> None:
    assert kecamatan_key(text) == "lebong utara"


@pytest.mark.parametrize("text", ["Polsek Lebong Utara", "POLSEK. LEBONG UTARA", "lebong utara"])
def test_polsek_key(text: str) -> None:
    assert polsek_key(text) == "lebong utara"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("RW 2", ("RW", 2)),
        ("RW.02", ("RW", 2)),
        ("002", ("RW", 2)),
        ("Rw 02", ("RW", 2)),
        ("rw2", ("RW", 2)),
        ("RW-05", ("RW", 5)),
        (3, ("RW", 3)),
        (3.0, ("RW", 3)),
        ("3.0", ("RW", 3)),
        ("Dusun II", ("Dusun", 2)),
        ("DSN 2", ("Dusun", 2)),
        ("Dusun 2", ("Dusun", 2)),
        ("Dsn. IV", ("Dusun", 4)),
        ("DUSUN 03", ("Dusun", 3)),
        ("Dusun Satu", ("Dusun", 1)),
        ("Banjar 4", ("Banjar", 4)),
        ("Br. 4", ("Banjar", 4)),
        ("Lingkungan III", ("Lingkungan", 3)),
        ("Ling. 3", ("Lingkungan", 3)),
        ("Lingk 3", ("Lingkungan", 3)),
        ("Jorong 2", ("Jorong", 2)),
        ("XL", ("RW", 40)),
        ("IX", ("RW", 9)),
    ],
)
def test_parse_unit_label(raw: object, expected: tuple[str, int]) -> None:
    assert parse_unit_label(raw) == expected


def test_parse_unit_label_bare_number_takes_default_kind() -> None:
    assert parse_unit_label("4", "Dusun") == ("Dusun", 4)
    assert parse_unit_label(4, "Dusun") == ("Dusun", 4)
    assert parse_unit_label("RW 4", "Dusun") == ("RW", 4)


@pytest.mark.parametrize("raw", ["", None, "RW 0", 0, -1, 2.5, "Dusun Tengah", "IIII", "RW", True])
def test_parse_unit_label_without_number(raw: object) -> None:
    assert parse_unit_label(raw) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("RW", "RW"),
        ("Dusun", "Dusun"),
        ("Dsn.", "Dusun"),
        ("br", "Banjar"),
        ("LINGK", "Lingkungan"),
    ],
)
def test_parse_kind(text: str, kind: str) -> None:
    assert parse_kind(text) == kind


def test_parse_kind_unknown() -> None:
    assert parse_kind("RT") is None


@pytest.mark.parametrize(
    ("n", "roman"), [(1, "I"), (4, "IV"), (5, "V"), (9, "IX"), (12, "XII"), (40, "XL")]
)
def test_roman_round_trip(n: int, roman: str) -> None:
    assert to_roman(n) == roman
    assert from_roman(roman) == n


def test_to_roman_rejects_zero() -> None:
    with pytest.raises(ValueError):
        to_roman(0)


@pytest.mark.parametrize(
    "label",
    [
        "RW 99999999999999999999999",  # came out as RW 99999999999999991611392 through float
        "RW 1000",
        "RW 0000001000",
        1000,
        1000.0,
        1e300,
        "MM",
    ],
)
def test_unit_numbers_above_the_bound_are_no_unit(label: object) -> None:
    assert MAX_UNIT_NUMBER == 999
    assert parse_unit_label(label) is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("RW 999", ("RW", 999)),
        (999, ("RW", 999)),
        ("RW 000002", ("RW", 2)),
        ("RW \u0662", ("RW", 2)),  # Arabic-Indic two
        ("RW \uff10\uff12", ("RW", 2)),  # full-width 02
        ("R\u200bW 2", ("RW", 2)),  # a zero-width space inside
        ("Dusun\u00a0II", ("Dusun", 2)),
    ],
)
def test_unit_labels_read_whatever_the_digits_and_invisible_characters(
    label: object, expected: tuple[str, int]
) -> None:
    assert parse_unit_label(label) == expected


def test_desa_key_ignores_invisible_characters_and_other_spaces() -> None:
    assert desa_key("Kampung\u200b Jawa") == desa_key("KAMPUNG\u00a0JAWA") == "kampung jawa"
