"""Snapshot everything rwassign writes for the bundled samples, to compare two versions.

A refactor must not change what an office receives.  This script runs the command-line tool
(the one interface that stays put across a restructuring) on the samples, writes every sheet's
cell values of every plan, re-plan and lampiran workbook, the lampiran PDFs' printed text, their
fingerprints and what ``verify`` prints, into one JSON file.

    python scripts/snapshot_outputs.py snap before-1.json
    python scripts/snapshot_outputs.py snap before-2.json
    ... change the code ...
    python scripts/snapshot_outputs.py snap after.json
    python scripts/snapshot_outputs.py compare before-1.json before-2.json after.json

``compare`` treats as volatile (timings, timestamps, file hashes) exactly the values that differ
between the two "before" runs, and reports every other value that differs in "after".
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
#: Solve times printed on the terminal and in JSON: masked, they differ run to run.
_TIMES = re.compile(
    r'("(?:total|eligibility|build|flow|cpsat|tradeoff)": )[0-9.]+|((?:Detik|Seconds)\W+)[0-9.]+'
)


def _mask(line: str) -> str:
    """Times masked and runs of spaces folded (a table's width follows its widest time)."""
    return " ".join(_TIMES.sub(lambda m: (m.group(1) or m.group(2)) + "<t>", line).split())


def _run(args: list[str], cwd: Path) -> dict[str, Any]:
    """Run ``rwassign`` and keep its exit code and what it printed."""
    proc = subprocess.run(
        [sys.executable, "-m", "rwassign.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "args": args,
        "code": proc.returncode,
        "stdout": [_mask(x) for x in proc.stdout.splitlines()],
        "stderr": [_mask(x) for x in proc.stderr.splitlines()],
    }


def _workbook(path: Path) -> dict[str, Any]:
    """Every sheet's state and cell values, keyed by cell reference."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    out: dict[str, Any] = {}
    for ws in wb.worksheets:
        cells = {
            c.coordinate: c.value if isinstance(c.value, int | float | str | None) else str(c.value)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        }
        for row in ws.iter_rows(max_col=1):  # "Waktu ... (detik)" rows of Ringkasan
            if str(row[0].value or "").startswith(("Waktu", "Time")):
                cells.pop(f"B{row[0].row}", None)
        out[ws.title] = {"state": ws.sheet_state, "cells": cells}
    return out


def _pdf(path: Path) -> dict[str, Any]:
    """The printed text of each page."""
    from pypdf import PdfReader

    return {"pages": [p.extract_text() for p in PdfReader(path).pages]}


def snapshot(target: Path) -> None:
    """Run the samples through solve, replan, export and verify; write one JSON."""
    facts: dict[str, Any] = {"runs": [], "files": {}}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # copies under plain names, so that no path of this checkout shows in the output
        inputs = [*SAMPLES.glob("*.xlsx"), ROOT / "docs" / "dokumen-contoh.toml"]
        for source in inputs:
            shutil.copyfile(source, work / source.name)
        runs = [
            ["solve", "polres_lebong.xlsx", "-o", "plan.xlsx", "--json"],
            ["solve", "polres_lebong_jumlah.xlsx", "-o", "jumlah.xlsx", "--json"],
            ["solve", "polres_lebong.xlsx", "-o", "cap1.xlsx", "--max-units", "1"],
            [
                "replan",
                "polres_lebong_mutasi.xlsx",
                "--previous",
                "plan.xlsx",
                "-o",
                "baru.xlsx",
                "--tradeoff",
            ],
            [
                "replan",
                "polres_lebong_mutasi.xlsx",
                "--previous",
                "plan.xlsx",
                "-o",
                "budget.xlsx",
                "--max-moves",
                "2",
                "--json",
            ],
            ["validate", "polres_lebong.xlsx", "--json"],
            [
                "export",
                "baru.xlsx",
                "--dokumen",
                "dokumen-contoh.toml",
                "--with-sprin",
                "--per-polsek",
                "-o",
                "lampiran.pdf",
            ],
            ["verify", "lampiran.pdf"],
            ["verify", "lampiran.xlsx"],
            ["export", "plan.xlsx", "--set", "nomor=Sprin/1/I/2026", "--lang", "en", "-o", "x.pdf"],
        ]
        for args in runs:
            facts["runs"].append(_run(args, work))
        for path in sorted(work.iterdir()):
            if path.name in {p.name for p in inputs}:
                continue
            if path.suffix == ".xlsx":
                facts["files"][path.name] = _workbook(path)
            elif path.suffix == ".pdf":
                facts["files"][path.name] = _pdf(path)
    target.write_text(json.dumps(facts, indent=1, ensure_ascii=False, sort_keys=True))


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for k, v in value.items():
            flat.update(_flatten(v, f"{prefix}/{k}"))
        return flat
    if isinstance(value, list):
        flat = {f"{prefix}#len": len(value)}
        for i, v in enumerate(value):
            flat.update(_flatten(v, f"{prefix}[{i}]"))
        return flat
    return {prefix: value}


def compare(before1: Path, before2: Path, after: Path) -> int:
    """Print each value that differs in ``after`` and did not differ between the befores."""
    a, b, c = (_flatten(json.loads(p.read_text())) for p in (before1, before2, after))
    volatile = {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    changed = sorted(k for k in a.keys() | c.keys() if k not in volatile and a.get(k) != c.get(k))
    for k in changed[:200]:
        print(f"{k}\n  before: {a.get(k)!r}\n  after:  {c.get(k)!r}")
    print(f"{len(a)} values compared, {len(volatile)} volatile, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "snap":
        snapshot(Path(sys.argv[2]).resolve())
    elif len(sys.argv) == 5 and sys.argv[1] == "compare":
        sys.exit(compare(*(Path(p) for p in sys.argv[2:])))
    else:
        sys.exit(__doc__)
