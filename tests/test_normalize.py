"""Cell readers: headers, place keys, unit labels, identity numbers, yes/no, dates, numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from rwassign.normalize import (
    ID_CODES,
    IdResult,
    desa_key,
    from_roman,
    kecamatan_key,
    norm_header,
    norm_name,
    parse_bool,
    parse_date,
    parse_float,
    parse_id,
    parse_kind,
    parse_priority,
    parse_status,
    parse_unit_label,
    polsek_key,
    service_years,
    to_roman,
)

TODAY = dt.date(2024, 6, 1)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Pangkat / NRP", "pangkatnrp"),
        ("Desa/Kel.", "desakel"),
        ("  NAMA_LENGKAP ", "namalengkap"),
        ("Tgl. Lahir (dd-mm-yyyy):", "tgllahirddmmyyyy"),
        (None, ""),
    ],
)
def test_norm_header(text: object, key: str) -> None:
    assert norm_header(text) == key


def test_norm_name() -> None:
    assert norm_name("  Budi   S.  Santoso ") == "budi s santoso"
    assert norm_name(None) == ""


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
    ("raw", "expected"),
    [
        ("87050123", IdResult("87050123", "NRP", (), None)),
        (87050123, IdResult("87050123", "NRP", (), None)),
        (87050123.0, IdResult("87050123", "NRP", (), None)),
        ("87050123.0", IdResult("87050123", "NRP", (), None)),
        ("NRP. 87050123", IdResult("87050123", "NRP", (), None)),
        # Excel dropped the leading 0 of a member born in 2002
        (2051234, IdResult("02051234", "NRP", ("nrp.padded",), None)),
        (2051234.0, IdResult("02051234", "NRP", ("nrp.padded",), None)),
        ("2051234", IdResult("02051234", "NRP", ("nrp.padded",), None)),
        ("87150123", IdResult("87150123", "NRP", ("nrp.month",), None)),
        ("19860926 201505 1 001", IdResult("198609262015051001", "NIP", (), None)),
        ("198609262015051001", IdResult("198609262015051001", "NIP", (), None)),
        ("19900101 202321 1 001", IdResult("199001012023211001", "PPPK", (), None)),
        ("19861326 201505 1 001", IdResult("198613262015051001", "NIP", ("nip.date",), None)),
        (1.98609262015051e17, IdResult(None, None, (), "nip.precision")),
        (198609262015051000, IdResult(None, None, (), "nip.precision")),
        ("1,98609E+17", IdResult(None, None, (), "nip.precision")),
        ("0201234", IdResult(None, None, (), "nrp.malformed")),
        ("8705012X", IdResult(None, None, (), "nrp.malformed")),
        ("123", IdResult(None, None, (), "nrp.malformed")),
        (True, IdResult(None, None, (), "nrp.malformed")),
        (None, IdResult(None, None, (), "nrp.missing")),
        ("  ", IdResult(None, None, (), "nrp.missing")),
        (float("nan"), IdResult(None, None, (), "nrp.missing")),
    ],
)
def test_parse_id(raw: object, expected: IdResult) -> None:
    assert parse_id(raw) == expected


def test_every_id_code_is_documented() -> None:
    samples = ["87150123", 2051234, 1.9e17, "x", None, "19861326 201513 1 001"]
    for raw in samples:
        result = parse_id(raw)
        for code in (*result.warnings, *([result.error] if result.error else [])):
            assert code in ID_CODES


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


@pytest.mark.parametrize(
    "raw",
    [
        dt.date(2015, 3, 1),
        dt.datetime(2015, 3, 1, 8, 30),
        "01-03-2015",
        "1-3-2015",
        "01/03/2015",
        "01.03.2015",
        "2015-03-01",
        "2015-03-01 00:00:00",
        "1 Maret 2015",
        "01 Mar 2015",
        "1-Mar-2015",
        "TMT 01-03-2015",
        "01-03-15",
    ],
)
def test_parse_date(raw: object) -> None:
    assert parse_date(raw) == dt.date(2015, 3, 1)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("1 Januari 2015", 1),
        ("1 Feb 2015", 2),
        ("1 Apr 2015", 4),
        ("1 Mei 2015", 5),
        ("1 Jun 2015", 6),
        ("1 Jul 2015", 7),
        ("1 Agustus 2015", 8),
        ("1 Agu 2015", 8),
        ("1 Agt 2015", 8),
        ("1 Ags 2015", 8),
        ("1 Sep 2015", 9),
        ("1 Okt 2015", 10),
        ("1 Nov 2015", 11),
        ("1 Des 2015", 12),
        ("1 Desember 2015", 12),
    ],
)
def test_parse_date_indonesian_months(text: str, month: int) -> None:
    assert parse_date(text) == dt.date(2015, month, 1)


def test_parse_date_empty_and_bad() -> None:
    assert parse_date("") is None
    assert parse_date(None) is None
    for bad in ("31-02-2015", "kemarin", 2015):
        with pytest.raises(ValueError):
            parse_date(bad)


@pytest.mark.parametrize(
    ("raw", "years"),
    [
        (7, 7.0),
        (7.5, 7.5),
        ("7 tahun", 7.0),
        ("7,5 thn", 7.5),
        ("7 tahun 6 bulan", 7.5),
        (2015, 9.0),  # a TMT year: 2024 - 2015
        ("2015", 9.0),
        (dt.date(2014, 6, 1), 3653 / 365.25),  # ten calendar years, 3 leap days
        ("01-06-2014", 3653 / 365.25),
        ("1 Juni 2014", 3653 / 365.25),
    ],
)
def test_service_years(raw: object, years: float) -> None:
    assert service_years(raw, TODAY) == pytest.approx(years)


def test_service_years_empty_and_bad() -> None:
    assert service_years(None, TODAY) is None
    assert service_years("", TODAY) is None
    for bad in ("lama", 2030, 150, -1, "01-01-2030", True):
        with pytest.raises(ValueError):
            service_years(bad, TODAY)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("102,1977", 102.1977),
        ("-3.108", -3.108),
        ("-3,108315", -3.108315),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        (3, 3.0),
        (" 102.19 ", 102.19),
    ],
)
def test_parse_float(raw: object, value: float) -> None:
    assert parse_float(raw) == pytest.approx(value)


def test_parse_float_empty_and_bad() -> None:
    assert parse_float("") is None
    assert parse_float(None) is None
    for bad in ("abc", "1-2", True):
        with pytest.raises(ValueError):
            parse_float(bad)
