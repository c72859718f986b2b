"""Cell text and header keys (``rwassign.normalize.text``)."""

from __future__ import annotations

import numpy as np
import pytest

from rwassign.normalize.text import (
    INVISIBLE_CHARS,
    OTHER_SPACES,
    ascii_digits,
    clean_already,
    clean_cell,
    is_empty,
    match_text,
    norm_header,
    norm_name,
    plain,
    stripped,
    without_invisible,
)


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


# --- characters nobody sees, digits of other scripts, forbidden characters --------------------

ZWSP = "\u200b"


@pytest.mark.parametrize("ch", sorted(INVISIBLE_CHARS))
def test_every_invisible_character_is_dropped_for_matching(ch: str) -> None:
    assert without_invisible(f"BRIG{ch}POL") == "BRIGPOL"
    assert match_text(f"BRIG{ch}POL") == "BRIGPOL"
    assert is_empty(ch)
    assert stripped(f" {ch} ") == ""


def test_nfkc_alone_keeps_the_zero_width_space_so_it_must_be_listed() -> None:
    import unicodedata

    assert unicodedata.normalize("NFKC", f"BRIG{ZWSP}POL") != "BRIGPOL"
    assert ZWSP in INVISIBLE_CHARS


def test_no_invisible_or_other_space_is_ascii_so_ascii_text_is_kept_as_it_is() -> None:
    # the premise of without_invisible's shortcut for ASCII text
    assert not any(ch.isascii() for ch in INVISIBLE_CHARS | OTHER_SPACES)
    every_ascii = "".join(map(chr, range(128)))
    assert without_invisible(every_ascii) is every_ascii


@pytest.mark.parametrize("ch", sorted(OTHER_SPACES))
def test_other_spaces_read_as_one_plain_space(ch: str) -> None:
    assert without_invisible(f"KAMPUNG{ch}JAWA") == "KAMPUNG JAWA"
    assert norm_name(f"Kampung{ch}Jawa") == "kampung jawa"


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("\uff18\uff17\uff10\uff15\uff10\uff11\uff12\uff13", "87050123"),  # full-width
        ("\u0668\u0667\u0660\u0665\u0660\u0661\u0662\u0663", "87050123"),  # Arabic-Indic
        ("\u06f8\u06f7\u06f0\u06f5", "8705"),  # Eastern Arabic-Indic (Persian)
        ("\u096e\u096d", "87"),  # Devanagari
        ("RW \u0662", "RW 2"),
        ("87050123", "87050123"),
    ],
)
def test_digits_of_any_script_become_ascii(text: str, ascii: str) -> None:
    assert ascii_digits(text) == ascii
    assert match_text(text) == ascii


def test_nfkc_alone_keeps_arabic_indic_digits() -> None:
    import unicodedata

    assert unicodedata.normalize("NFKC", "\u0668\u0667") == "\u0668\u0667"
    assert match_text("\u0668\u0667") == "87"


def test_match_text_reads_full_width_letters_as_ascii() -> None:
    assert match_text("\uff22\uff32\uff29\uff30\uff2b\uff21") == "BRIPKA"


@pytest.mark.parametrize(
    ("text", "cleaned", "removed"),
    [
        ("RUDI\x01HAR\x00TONO", "RUDIHARTONO", True),
        ("AHMAD\x7fSURYADI\x9b", "AHMADSURYADI", True),
        ("SITI \ud800RAHAYU", "SITI RAHAYU", True),  # a lone surrogate
        ("SITI\uffffRAHAYU", "SITIRAHAYU", True),
        (f"SITI{ZWSP} RAHAYU", "SITI RAHAYU", False),  # invisible: dropped without a word
        ("SITI\tRAHAYU\n", "SITI\tRAHAYU\n", False),  # tab and line feed are spaces
        ("SITI RAHAYU", "SITI RAHAYU", False),
    ],
)
def test_clean_cell_removes_what_no_workbook_can_hold(
    text: str, cleaned: str, removed: bool
) -> None:
    assert clean_cell(text) == (cleaned, removed)


CELLS = ["RUDI\x01HAR\x00TONO", "AHMAD\x7fSURYADI\x9b", "SITI \ud800RAHAYU", "SITI\uffffRAHAYU",
         f"SITI{ZWSP} RAHAYU", "SITI\tRAHAYU\n", "SITI RAHAYU", "Désa Périuk", "A\u00a0B", "",
         "漢字", "\U0001f600"]  # fmt: skip


@pytest.mark.parametrize("cell", CELLS)
def test_a_sheet_is_clean_already_exactly_when_every_cell_is(cell: str) -> None:
    """The sheet-wide test lets the reader skip the cell-by-cell pass: it must say "clean"
    exactly when ``clean_cell`` would change and remove nothing, whatever the neighbours."""
    plain_cells = ["SITI RAHAYU", "Désa Périuk", "", "漢字"]
    unchanged = clean_cell(cell) == (cell, False)
    assert clean_already([cell]) is unchanged
    assert clean_already([*plain_cells, cell, *plain_cells]) is unchanged
    assert clean_already(plain_cells) and clean_already([])


def test_norm_header_ignores_invisible_characters() -> None:
    assert norm_header(f"NA{ZWSP}MA\ufeff") == "nama"
