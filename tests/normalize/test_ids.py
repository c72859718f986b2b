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
