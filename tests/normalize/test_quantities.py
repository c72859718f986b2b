"""Dates, service years and numbers (``rwassign.normalize.quantities``)."""

from __future__ import annotations

import datetime as dt

import pytest

from rwassign.normalize.quantities import parse_date, parse_float, service_years

TODAY = dt.date(2024, 6, 1)


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
