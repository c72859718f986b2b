"""Cell text and header keys (``rwassign.normalize.text``)."""

from __future__ import annotations

import numpy as np
import pytest

from rwassign.normalize.text import is_empty, norm_header, norm_name, plain, stripped


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


@pytest.mark.parametrize("raw", [None, "", "  \t", float("nan")])
def test_empty_cells_are_no_value(raw: object) -> None:
    assert is_empty(raw)
    assert stripped(raw) == ""


@pytest.mark.parametrize("raw", [0, 0.0, False, "0", " x "])
def test_zero_false_and_text_are_values(raw: object) -> None:
    assert not is_empty(raw)
    assert stripped(raw) == str(raw).strip()


def test_plain_makes_numpy_numbers_pass_one_isinstance_test() -> None:
    """numpy's int64 is no ``int`` (float64 already is a ``float``); the readers test for both."""
    assert not isinstance(np.int64(7), int)
    assert type(plain(np.int64(7))) is int
    assert plain(np.int64(7)) == 7
    assert isinstance(plain(np.float32(7.5)), float)
    assert plain(np.float32(7.5)) == 7.5
    assert plain("7") == "7"
