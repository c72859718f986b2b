"""NRP, NIP and NI PPPK numbers (``rwassign.normalize.ids``)."""

from __future__ import annotations

import pytest

from rwassign.normalize.ids import ID_CODES, IdResult, parse_id


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


FULL_WIDTH = "\uff18\uff17\uff10\uff15\uff10\uff11\uff12\uff13"  # 87050123
ARABIC_INDIC = "\u0668\u0667\u0660\u0665\u0660\u0661\u0662\u0663"  # 87050123


@pytest.mark.parametrize(
    "raw",
    [
        FULL_WIDTH,
        ARABIC_INDIC,
        "NRP " + ARABIC_INDIC,
        "8705\u200b0123",  # a zero-width space pasted inside
        "\ufeff87050123",  # a byte order mark in front
        "8705\u00a00123",  # a no-break space
    ],
)
def test_the_same_nrp_in_any_digits_is_the_same_member(raw: str) -> None:
    """Three spellings of one NRP were three different members: each is now ``87050123``."""
    assert parse_id(raw) == IdResult("87050123", "NRP", (), None)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("87\u00b9\u00b20123", "87120123"),
        ("\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467", "12345678"),
    ],
)
def test_digit_like_symbols_read_through_nfkc_and_never_crash(raw: str, value: str) -> None:
    """Superscripts pass ``str.isdigit`` but ``int()`` refuses them: ``87\u00b9\u00b20123``
    crashed the month check (exit 5).  NFKC reads them, and circled numbers, as digits."""
    assert parse_id(raw).value == value


def test_a_lone_zero_width_space_is_an_empty_nrp() -> None:
    assert parse_id("\u200b").error == "nrp.missing"
