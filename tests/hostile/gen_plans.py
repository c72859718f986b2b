"""Hostile plan workbooks: hand edits of the hidden roster facts, and previous plans of another
Polres.  Each function writes one file into a folder and returns its path; every file starts
from a plan solved from the small good workbook, so nothing big is committed.

Run as ``python -m tests.hostile.gen_plans FOLDER`` to write them all (the signed ones with a
fresh key in that folder).
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from rwassign import api
from rwassign.io.embed import EMBED_SHEET, binding
from rwassign.io.embed import from_json as instance_from_json
from rwassign.io.plan.layout import SHEET_PLAN, SHEET_SUMMARY
from rwassign.io.write.summary import FINGERPRINT_LABEL
from tests.data.make_test_data import UNIT_ROWS, write_book

GOOD = Path(__file__).parent.parent / "data" / "polres_lebong.xlsx"
#: The Bhabinkamtibmas of the good workbook (ineligible: may not double as Polisi RW).
BHABIN_NRP = "87050123"
OTHER_POLRES = "POLRES REJANG LEBONG"

Payload = dict[str, Any]


def plan(folder: Path, name: str = "penugasan.xlsx", sign_key: Path | None = None) -> Path:
    """The plan of the good workbook, as ``rwassign solve`` writes it."""
    out = folder / name
    api.write_plan(api.solve(api.read(GOOD)), out, sign_key=sign_key)
    return out


def _read_payload(path: Path) -> Payload:
    ws = openpyxl.load_workbook(path)[EMBED_SHEET]
    return dict(json.loads("".join(str(c.value) for c in ws["A"] if c.value is not None)))


def edit_hidden(
    source: Path, out: Path, edit: Callable[[Payload], None], ringkasan: str | None = None
) -> Path:
    """``source`` with its hidden payload changed by ``edit`` (as a person with a text editor
    and openpyxl would), and with ``ringkasan`` as the fingerprint shown in ``Ringkasan``."""
    payload = _read_payload(source)
    edit(payload)
    wb = openpyxl.load_workbook(source)
    ws = wb[EMBED_SHEET]
    for cell in ws["A"]:
        cell.value = None
    ws["A1"].value = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    if ringkasan is not None:
        for row in wb[SHEET_SUMMARY].iter_rows():
            if row[0].value == FINGERPRINT_LABEL:
                row[1].value = ringkasan
    wb.save(out)
    return out


def _officer(payload: Payload, nrp: str) -> dict[str, Any]:
    return next(o for o in payload["instance"]["officers"] if o["nrp"] == nrp)


def _unflag_bhabin(payload: Payload) -> None:
    o = _officer(payload, BHABIN_NRP)
    o["jabatan"] = "BANIT SAMAPTA"
    o["bhabinkamtibmas"] = False


def bhabin_given_another_jabatan(folder: Path) -> Path:
    """The row of the issue: the Bhabinkamtibmas made another jabatan in the hidden sheet and
    put on the first ``Penugasan`` row, so that the re-check finds nothing wrong."""
    out = edit_hidden(plan(folder), folder / "bhabin-jabatan.xlsx", _unflag_bhabin)
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_PLAN]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("NRP") + 1).value = BHABIN_NRP
    ws.cell(2, header.index("NAMA") + 1).value = "AHMAD SURYADI"
    wb.save(out)
    return out


def cap_raised(folder: Path) -> Path:
    """The cap on RW per member raised in the hidden settings."""

    def edit(payload: Payload) -> None:
        payload["settings"]["max_units_per_officer"] = 9

    return edit_hidden(plan(folder), folder / "cap-raised.xlsx", edit)


def fingerprint_removed(folder: Path) -> Path:
    """The Bhabinkamtibmas edit, with the fingerprint cut out (as an older plan has none)."""

    def edit(payload: Payload) -> None:
        _unflag_bhabin(payload)
        del payload["binding"]

    return edit_hidden(plan(folder), folder / "no-fingerprint.xlsx", edit)


def _rebind(payload: Payload, signature: dict[str, Any] | None = None) -> None:
    """Recompute the binding of the edited facts, as a forger who read the source would."""
    text = json.dumps({k: v for k, v in payload.items() if k != "binding"})
    instance, settings = instance_from_json(text)
    assert settings is not None
    payload["binding"] = binding(instance, settings, signature)


def fingerprint_recomputed(folder: Path) -> Path:
    """The edit with a recomputed fingerprint; ``Ringkasan`` still shows the old one."""

    def edit(payload: Payload) -> None:
        _unflag_bhabin(payload)
        _rebind(payload)

    return edit_hidden(plan(folder), folder / "recomputed.xlsx", edit)


def fingerprint_recomputed_ringkasan_row_deleted(folder: Path) -> Path:
    """As :func:`fingerprint_recomputed`, with the ``Ringkasan`` row deleted as well."""
    out = fingerprint_recomputed(folder)
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_SUMMARY]
    for row in ws.iter_rows():
        if row[0].value == FINGERPRINT_LABEL:
            ws.delete_rows(row[0].row)
            break
    wb.save(out)
    return out


def signed_fingerprint_recomputed(folder: Path, key: Path) -> Path:
    """A signed plan edited, its fingerprint recomputed and ``Ringkasan`` patched to match,
    the old signature kept: only the signature can tell."""
    source = plan(folder, "signed.xlsx", key)
    edited = copy.deepcopy(_read_payload(source))
    signature = edited["binding"]["signature"]
    _unflag_bhabin(edited)
    _rebind(edited, signature)
    fp = edited["binding"]["fingerprint"]

    def edit(payload: Payload) -> None:
        payload.clear()
        payload.update(edited)

    return edit_hidden(source, folder / "signed-recomputed.xlsx", edit, ringkasan=fp)


def previous_of_another_polres(folder: Path) -> Path:
    """A plan whose units are this Polres's but whose hidden sheet and ``Ringkasan`` name
    another Polres."""

    def edit(payload: Payload) -> None:
        payload["instance"]["name"] = OTHER_POLRES

    out = edit_hidden(plan(folder, "lama.xlsx"), folder / "lama-lain.xlsx", edit)
    wb = openpyxl.load_workbook(out)
    for row in wb[SHEET_SUMMARY].iter_rows():
        if row[0].value == "Polres":
            row[1].value = OTHER_POLRES
    wb.save(out)
    return out


def roster_of_other_desa(folder: Path, keep: int = 0) -> Path:
    """The good workbook with every desa but the first ``keep`` renamed: a Polres none (or few)
    of whose units a plan of the good workbook names."""
    renamed = ["SELUPU REJANG", "KESAMBE LAMA", "TALANG BENIH"]
    rows = copy.deepcopy(UNIT_ROWS)
    for i in range(keep, len(rows)):
        rows[i][2] = renamed[i]
    out = folder / f"roster-lain-{keep}.xlsx"
    write_book(out, unit_rows=rows)
    return out


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    key = api.keygen(folder / "kunci.pem").private
    for make in (bhabin_given_another_jabatan, cap_raised, fingerprint_removed,
                 fingerprint_recomputed, fingerprint_recomputed_ringkasan_row_deleted,
                 previous_of_another_polres):  # fmt: skip
        print(make(folder))
    print(signed_fingerprint_recomputed(folder, key))
    print(roster_of_other_desa(folder, 0), roster_of_other_desa(folder, 1))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
