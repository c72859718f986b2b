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

The file is written atomically (:mod:`rwassign.io.atomic`): an interrupted run never leaves a
half-written plan, and an input workbook is never overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from rwassign.errors import OutputError
from rwassign.io.atomic import write_atomically
from rwassign.io.embed import add_instance_sheet, fingerprint
from rwassign.io.plan.layout import (
    SHEET_CHANGES,
    SHEET_PLAN,
    SHEET_ROSTER,
    SHEET_SUMMARY,
    SHEET_TRADEOFF,
    SHEET_UNCOVERED,
    SHEET_WARNINGS,
)
from rwassign.io.write.sheets import (
    changes_sheet,
    plan_sheet,
    roster_sheet,
    tradeoff_sheet,
    uncovered_sheet,
    warnings_sheet,
)
from rwassign.io.write.summary import summary_sheet
from rwassign.model import SolveResult
from rwassign.report import sha256_file, summarize

__all__ = ["build_workbook", "check_target", "save_workbook", "write_workbook"]


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


def write_workbook(
    result: SolveResult,
    path: Path,
    *,
    input_files: Sequence[Path] = (),
    lang: str = "id",
    tradeoff: Sequence[dict[str, Any]] = (),
    signature: dict[str, Any] | None = None,
) -> None:
    """Write ``result`` to ``path`` as the five-sheet workbook, atomically (a re-plan adds
    ``Perubahan`` and, with ``--tradeoff``, ``Pilihan Perpindahan``).  ``signature`` is the
    signed fingerprint of the roster facts and settings (``solve --sign-key``), kept in the
    hidden data sheet and named in ``Ringkasan``.

    Raises ``OutputError`` when ``path`` is one of ``input_files`` (a plan must never replace
    the data it came from), does not end in ``.xlsx``, lies in a missing folder or cannot be
    written.  Any other failure while building or saving propagates unchanged, and in every
    failure the target is untouched and no temporary file is left behind.
    """
    path = Path(path)
    check_target(path, input_files)
    facts = summarize(result, output=path, input_hashes=_input_hashes(input_files))
    workbook = build_workbook(result, facts, lang=lang, tradeoff=tradeoff, signature=signature)
    save_workbook(workbook, path)


def build_workbook(
    result: SolveResult,
    facts: dict[str, Any],
    *,
    lang: str = "id",
    tradeoff: Sequence[dict[str, Any]] = (),
    signature: dict[str, Any] | None = None,
) -> Workbook:
    """The workbook in memory (no file touched), so it can be tested or saved elsewhere.

    ``Ringkasan`` shows the fingerprint of the roster facts and settings beside the copy in
    the hidden sheet, so a hand edit of the hidden sheet alone is caught by ``export``."""
    facts = {
        **facts,
        "facts_fingerprint": fingerprint(result.instance, result.settings),
        "facts_key_id": signature["key_id"] if signature else None,
    }
    workbook = Workbook()
    first = workbook.active
    assert first is not None  # a new Workbook always has one sheet
    workbook.remove(first)
    workbook.properties.creator = "rwassign"
    summary_sheet(workbook.create_sheet(SHEET_SUMMARY), facts, lang)
    plan_sheet(workbook.create_sheet(SHEET_PLAN), result, lang)
    uncovered_sheet(workbook.create_sheet(SHEET_UNCOVERED), result, lang)
    roster_sheet(workbook.create_sheet(SHEET_ROSTER), result, lang)
    warnings_sheet(workbook.create_sheet(SHEET_WARNINGS), result, lang)
    add_instance_sheet(workbook, result, signature)  # very hidden: lets `export` re-check
    if result.moves is not None:
        changes_sheet(workbook.create_sheet(SHEET_CHANGES), result, lang)
    if tradeoff:
        tradeoff_sheet(workbook.create_sheet(SHEET_TRADEOFF), tradeoff, lang)
    return workbook


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save ``workbook`` to ``path`` atomically; a file-system failure becomes ``OutputError``
    (``output.not_writable``) so the CLI can explain it; any other failure propagates."""
    try:
        write_atomically(path, workbook.save)
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
