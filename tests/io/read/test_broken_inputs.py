"""One broken input file per input error: each must give its error, at the right cell, in both
languages, and leave the file untouched (the table is ``BROKEN_CASES`` in
``tests/data/make_test_data.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from rwassign.i18n import CATALOGUE, render
from rwassign.io.read import read_input
from rwassign.normalize.ids import ID_CODES
from tests.data.make_test_data import BROKEN, BROKEN_CASES, BUILDERS, BrokenCase

TODAY = date(2025, 1, 1)


@pytest.mark.parametrize("case", BROKEN_CASES, ids=lambda c: c.file)
def test_broken_input_gives_its_error_at_the_cell(case: BrokenCase) -> None:
    path = BROKEN / case.file
    before = path.read_bytes() if path.exists() else None

    result = read_input(path, today=TODAY)

    assert result.instance is None
    shown = [render(p, "en") for p in result.problems]
    hits = [p for p in result.errors if p.code == case.code]
    assert hits, shown
    where = {(p.location.sheet, p.location.row, p.location.column) for p in hits}
    assert (case.sheet, case.row, case.column) in where, shown
    # The location names the file as given (here an absolute path: just its name).
    assert all(p.location.file == case.file for p in hits)
    for p in result.problems:
        assert render(p, "id") and render(p, "en")
    if before is not None:
        assert path.read_bytes() == before


def test_every_broken_file_has_a_case_and_every_case_a_file() -> None:
    files = {c.file for c in BROKEN_CASES} - {"does_not_exist.xlsx"}
    assert files == set(BUILDERS)
    assert all((BROKEN / name).exists() for name in BUILDERS)


def test_every_id_code_has_a_message_with_a_hint() -> None:
    for code in ID_CODES:
        assert code in CATALOGUE
        assert len(CATALOGUE[code]) == 4


def test_every_code_the_reader_emits_has_a_message() -> None:
    """Static check: a code used in the reader's source but missing from the catalogue would
    only fail when a user hits it."""
    import re
    from pathlib import Path

    import rwassign.io.read as read_pkg

    pattern = re.compile(r"""(?:error|warn|fail)\(\s*f?"([a-z_{}]+\.[a-z_{}]+)\"""")
    codes: set[str] = set()
    for source in Path(read_pkg.__file__).parent.glob("*.py"):
        codes |= set(pattern.findall(source.read_text(encoding="utf-8")))
    codes |= {"file.not_workbook"}  # built as a Problem directly
    expanded = {c.replace("{role}", r) for c in codes for r in ("units", "roster")}
    assert len(expanded) > 30
    assert sorted(c for c in expanded if c not in CATALOGUE) == []
