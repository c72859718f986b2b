"""Write a plan as an Excel workbook for people.

The workbook is what Sat Binmas staff open, check, filter and print, so it is laid out for them:
sheet names, headers and summary labels in Bahasa Indonesia, bold frozen headers with filters,
NRPs stored as text (an NRP of a member born in 2000 or later starts with 0, which Excel would
drop from a number), distances with two decimals.  Free-text reasons follow ``lang``.

Sheets, in order: ``Ringkasan`` (:mod:`.summary`), ``Penugasan`` (one row per covered RW/dusun),
``Belum Terisi`` (every uncovered unit and why), ``Personel`` (every roster row, in roster
order, with its outcome) and ``Peringatan`` (:mod:`.sheets`), then the very hidden data sheet
(:mod:`rwassign.io.embed`); a re-plan adds ``Perubahan`` and, with ``--tradeoff``,
``Pilihan Perpindahan``.  Names and headers are in :mod:`rwassign.io.plan.layout`, shared with
the reader :mod:`rwassign.io.plan`.

The sheets are laid out as plain data (:mod:`.grid`), measured (:mod:`.printing`) and drawn
into the file by xlsxwriter (:mod:`.xlsx`), which keeps every text a string cell and gives
the same file for the same plan.  A caller can add its own sheets after these (a map, advice):
each is a function that draws on the open ``xlsxwriter.Workbook``, passed as
``extra_sheets``.

The file is written atomically (:mod:`rwassign.io.atomic`): an interrupted run never leaves a
half-written plan, and an input workbook is never overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook

from rwassign import collector
from rwassign.errors import OutputError
from rwassign.io.atomic import write_atomically
from rwassign.io.embed import EMBED_SHEET, instance_cells
from rwassign.io.plan.layout import (
    SHEET_CHANGES,
    SHEET_PLAN,
    SHEET_ROSTER,
    SHEET_SUMMARY,
    SHEET_TRADEOFF,
    SHEET_UNCOVERED,
    SHEET_WARNINGS,
)
from rwassign.io.write.grid import Book, Cell, Sheet
from rwassign.io.write.sheets import (
    changes_sheet,
    plan_sheet,
    roster_sheet,
    tradeoff_sheet,
    uncovered_sheet,
    warnings_sheet,
)
from rwassign.io.write.summary import summary_sheet
from rwassign.io.write.xlsx import render
from rwassign.model import SolveResult
from rwassign.report import sha256_file, summarize

__all__ = [
    "Book",
    "ExtraSheet",
    "build_workbook",
    "check_target",
    "save_workbook",
    "write_workbook",
]

#: A caller's own sheet: a function that adds it to the open workbook (``add_worksheet``, then
#: cells, images), called after the standard sheets, in the order given.
ExtraSheet = Callable[[Workbook], None]


def check_target(path: Path, input_files: Sequence[Path] = ()) -> None:
    """Raise ``OutputError`` unless ``path`` may take a workbook: not one of ``input_files``
    (a plan or rekap must never replace the data it came from), ending in ``.xlsx``, in a
    folder that exists."""
    for source in input_files:
        if _same_file(path, Path(source)):
            raise OutputError("output.same_as_input", path=str(path))
    if path.suffix.lower() != ".xlsx":
        raise OutputError("output.not_xlsx", path=str(path))
    if not path.parent.is_dir():
        raise OutputError("output.dir_missing", dir=str(path.parent))


@collector.while_paused
def write_workbook(
    result: SolveResult,
    path: Path,
    *,
    input_files: Sequence[Path] = (),
    lang: str = "id",
    tradeoff: Sequence[dict[str, Any]] = (),
    signature: dict[str, Any] | None = None,
    extra_sheets: Sequence[ExtraSheet] = (),
) -> None:
    """Write ``result`` to ``path`` as the five-sheet workbook, atomically (a re-plan adds
    ``Perubahan`` and, with ``--tradeoff``, ``Pilihan Perpindahan``).  ``signature`` is the
    signed fingerprint of the roster facts and settings (``solve --sign-key``), kept in the
    hidden data sheet and named in ``Ringkasan``; ``extra_sheets`` draw the caller's own
    sheets after the standard ones (:data:`ExtraSheet`).

    Raises ``OutputError`` when ``path`` is one of ``input_files`` (a plan must never replace
    the data it came from), does not end in ``.xlsx``, lies in a missing folder or cannot be
    written.  Any other failure while building or saving propagates unchanged, and in every
    failure the target is untouched and no temporary file is left behind.
    """
    path = Path(path)
    check_target(path, input_files)
    facts = summarize(result, output=path, input_hashes=_input_hashes(input_files))
    book = build_workbook(
        result, facts, lang=lang, tradeoff=tradeoff, signature=signature, extra_sheets=extra_sheets
    )
    save_workbook(book, path)


def build_workbook(
    result: SolveResult,
    facts: dict[str, Any],
    *,
    lang: str = "id",
    tradeoff: Sequence[dict[str, Any]] = (),
    signature: dict[str, Any] | None = None,
    extra_sheets: Sequence[ExtraSheet] = (),
) -> Book:
    """The workbook laid out in memory (no file touched), so it can be tested or saved
    elsewhere; ``extra_sheets`` are drawn when it is saved, after the standard sheets.

    ``Ringkasan`` shows the fingerprint of the roster facts and settings beside the copy in
    the hidden sheet, so a hand edit of the hidden sheet alone is caught by ``export``."""
    facts_fingerprint, hidden_cells = instance_cells(result, signature)
    facts = {
        **facts,
        "facts_fingerprint": facts_fingerprint,
        "facts_key_id": signature["key_id"] if signature else None,
    }
    sheets: list[Sheet] = []

    def sheet(name: str) -> Sheet:
        sheets.append(Sheet(name))
        return sheets[-1]

    summary_sheet(sheet(SHEET_SUMMARY), facts, lang)
    plan_sheet(sheet(SHEET_PLAN), result, lang)
    uncovered_sheet(sheet(SHEET_UNCOVERED), result, lang)
    roster_sheet(sheet(SHEET_ROSTER), result, lang)
    warnings_sheet(sheet(SHEET_WARNINGS), result, lang)
    hidden = sheet(EMBED_SHEET)  # very hidden: lets `export` re-check
    hidden.rows = [[Cell(chunk)] for chunk in hidden_cells]
    hidden.very_hidden = True
    if result.moves is not None:
        changes_sheet(sheet(SHEET_CHANGES), result, lang)
    if tradeoff:
        tradeoff_sheet(sheet(SHEET_TRADEOFF), tradeoff, lang)
    return Book(sheets, tuple(extra_sheets))


def save_workbook(book: Book, path: Path) -> None:
    """Save ``book`` to ``path`` atomically; a file-system failure becomes ``OutputError``
    (``output.not_writable``) so the CLI can explain it; any other failure propagates."""
    try:
        write_atomically(path, lambda handle: render(book, handle))
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise OutputError("output.not_writable", path=str(path), detail=detail) from exc


def _input_hashes(input_files: Sequence[Path]) -> dict[str, str]:
    """SHA-256 per input file, keyed by file name (full path only if two names clash)."""
    names = [Path(f).name for f in input_files]
    return {
        (Path(f).name if names.count(Path(f).name) == 1 else str(f)): sha256_file(f)
        for f in input_files
    }


def _same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same file (after ``..``, symlinks and hard links)."""
    try:
        if a.resolve() == b.resolve():
            return True
    except OSError:
        pass
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
