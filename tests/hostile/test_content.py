"""Issue 12, cell content: what a cell holds never crashes a run, and one member is one member
whatever the digits.

Each hostile input of :mod:`tests.hostile.gen_content` goes through ``rwassign solve`` as a
user runs it (a process of its own, so the exit code and stderr are the user's), and each test
checks what the user sees: the exit code, a message naming the cell (file, row, column) or the
bound, no output file when the input is refused, no traceback, and the input unchanged.  The
timeout only stops a runaway; time and memory are not asserted here.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from rwassign.io.read.fields import MAX_TEXT_CHARS
from tests.hostile import gen_content as gen

REPO = Path(__file__).resolve().parents[2]
RUNAWAY_S = 300


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _solve(files: tuple[Path, Path], out: Path) -> subprocess.CompletedProcess[str]:
    """``rwassign solve`` on ``files`` in English; the inputs must come out unchanged."""
    units, roster = files
    before = {p: _digest(p) for p in files}
    args = [str(units)] if units == roster else ["--units", str(units), "--roster", str(roster)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "rwassign.cli", "solve", *args, "-o", str(out), "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=RUNAWAY_S,
        env=env,
        check=False,
    )
    assert {p: _digest(p) for p in files} == before
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    return result


def _refused(result: subprocess.CompletedProcess[str], out: Path) -> str:
    assert result.returncode == 1, result.stderr
    assert not out.exists()
    assert "nothing was written" in result.stderr
    return result.stderr


def _sheet(path: Path, name: str) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))


def test_control_characters_and_nul_are_removed_with_a_warning_at_the_cell(
    tmp_path: Path,
) -> None:
    """Once exit 5 ("galat internal": the writer refused ``\\x00``); now a plan, the cell
    cleaned and named in the Peringatan sheet."""
    out = tmp_path / "plan.xlsx"
    result = _solve(gen.control_characters(tmp_path), out)
    assert result.returncode == 0, result.stderr
    warnings = _sheet(out, "Peringatan")
    # columns: NO, JENIS, BERKAS, SHEET, BARIS, KOLOM, PESAN, SARAN, KODE
    cells = {(row[2], row[4], row[5]) for row in warnings[1:] if row[8] == "cell.cleaned"}
    assert cells == {("control-personel.csv", 2, "NAMA"), ("control-personel.csv", 3, "PANGKAT")}
    names = {row[1] for row in _sheet(out, "Personel")[1:]}
    assert "RUDI HARTONO" in names
    for sheet in openpyxl.load_workbook(out).worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                assert not (isinstance(value, str) and ("\x00" in value or "\x01" in value))


def test_a_csv_field_over_the_csv_limit_is_an_error_naming_the_cell_and_the_bound(
    tmp_path: Path,
) -> None:
    """Once exit 5 (``field larger than field limit (131072)``).  The file reader's own bound
    on one cell (32,767 characters, Excel's) stops it first, naming the cell by its letter: the
    header is not read yet at that stage."""
    from rwassign.io.read.common import MAX_TEXT

    out = tmp_path / "plan.xlsx"
    stderr = _refused(_solve(gen.long_field(tmp_path), out), out)
    assert "long-personel.csv, row 3, column 'A'" in stderr
    assert f"{gen.LONG_FIELD_CHARS:,} characters, over the limit of {MAX_TEXT:,}" in stderr


def test_a_field_over_the_name_bound_is_an_error_naming_the_column(tmp_path: Path) -> None:
    """A name longer than the text bound of a roster cell (1,000) but under the file's cell
    bound is named by its column header."""
    out = tmp_path / "plan.xlsx"
    stderr = _refused(_solve(gen.long_field(tmp_path, chars=5_000), out), out)
    assert "long-personel.csv, row 3, column 'NAMA'" in stderr
    assert f"5000 characters, at most {MAX_TEXT_CHARS}" in stderr


def test_one_nrp_in_ascii_full_width_and_arabic_indic_digits_is_one_member(
    tmp_path: Path,
) -> None:
    """Once three different members, all planned."""
    out = tmp_path / "plan.xlsx"
    stderr = _refused(_solve(gen.nrp_in_three_scripts(tmp_path), out), out)
    assert "digits-personel.csv, row 3, column 'NRP': NRP 85030456 appears twice: rows 2 and 3" in (
        stderr
    )
    assert "row 4, column 'NRP': NRP 85030456 appears twice: rows 2 and 4" in stderr


def test_zero_width_spaces_inside_a_rank_an_nrp_and_a_header_are_read_through(
    tmp_path: Path,
) -> None:
    """Once an error quoting ``BRIG\u200bPOL``, text that looks valid to anyone reading it."""
    out = tmp_path / "plan.xlsx"
    result = _solve(gen.zero_width_spaces(tmp_path), out)
    assert result.returncode == 0, result.stderr
    dedi = next(row for row in _sheet(out, "Personel") if row[1] == "DEDI KURNIAWAN")
    assert (dedi[2], dedi[3]) == ("BRIGPOL", "92110234")


def test_a_date_a_boolean_a_number_or_an_invisible_name_is_an_error_at_its_cell(
    tmp_path: Path,
) -> None:
    """Once planned and printed as names: ``2024-01-05``, ``TRUE``, ``12345``, ``\u200b``."""
    out = tmp_path / "plan.xlsx"
    stderr = _refused(_solve(gen.names_that_are_no_names(tmp_path), out), out)
    for row, shown in ((2, "'2024-01-05'"), (3, "'TRUE'"), (4, "'12345'")):
        assert f"row {row}, column 'NAMA': {shown} in the name column is a date" in stderr
    assert "row 5, column 'NAMA': the name is empty" in stderr


def test_a_unit_number_beyond_the_bound_is_an_error_at_its_cell(tmp_path: Path) -> None:
    """Once printed as ``RW 99999999999999991611392``."""
    out = tmp_path / "plan.xlsx"
    stderr = _refused(_solve(gen.huge_unit_number(tmp_path), out), out)
    assert f"hugeunit-wilayah.csv, row 4, column 'RW/DUSUN': '{gen.HUGE_UNIT}'" in stderr
    assert "(1-999)" in stderr
    assert "99999999999999991611392" not in stderr


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (gen.xml_control_reference, 1),
        (lambda folder: gen.xml_control_reference(folder, "RUDI HARTONO"), 0),
    ],
    ids=["control-reference", "same-workbook-valid"],
)
def test_a_control_character_reference_in_a_workbook_is_an_unreadable_file(
    tmp_path: Path, make: Callable[[Path], tuple[Path, Path]], code: int
) -> None:
    """No spreadsheet program writes ``&#1;``; the workbook is refused as unreadable (exit 1,
    never 5), while the same workbook without it plans."""
    out = tmp_path / "plan.xlsx"
    result = _solve(make(tmp_path), out)
    assert result.returncode == code, result.stderr
    if code:
        assert "charref.xlsx: the file cannot be read" in _refused(result, out)
    else:
        assert out.exists()
