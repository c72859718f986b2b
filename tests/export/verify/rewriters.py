"""The office programs that re-write a lampiran, as the tests call them, and the recorder of the
fixtures in ``data/`` (for machines without those programs).

Run ``python -m tests.export.verify.rewriters`` (with ghostscript, poppler and LibreOffice
installed) to record the fixtures again, e.g. after the lampiran's layout changed: ``verify``
compares a file with what the current code draws, so fixtures recorded from an older layout no
longer verify as re-written.  Everyone in them is invented (the tiny plan of
``tests/export/test_export.py``).
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from pypdf import PdfReader
from typer.testing import CliRunner

DATA = Path(__file__).parent / "data"
TIMEOUT = 180


def _run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True, timeout=TIMEOUT)


def ghostscript(src: Path, dst: Path) -> None:
    """``gs -sDEVICE=pdfwrite``: fonts embedded again, pages and the QR code redrawn, the
    document properties partly dropped; the attached data kept."""
    _run(
        "gs",
        "-q",
        "-dNOPAUSE",
        "-dBATCH",
        "-dSAFER",
        "-sDEVICE=pdfwrite",
        f"-sOutputFile={dst}",
        str(src),
    )


def pdftocairo(src: Path, dst: Path) -> None:
    """``pdftocairo -pdf``: everything redrawn, the attached data dropped."""
    _run("pdftocairo", "-pdf", str(src), str(dst))


def _soffice(src: Path, dst: Path, *convert: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()
        out = Path(tmp, "out")
        _run(
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            *convert,
            "--outdir",
            str(out),
            str(src),
        )
        shutil.move(str(next(out.iterdir())), dst)


def calc(src: Path, dst: Path) -> None:
    """A LibreOffice Calc re-save (``--convert-to xlsx``)."""
    _soffice(src, dst, "--convert-to", "xlsx")


def draw(src: Path, dst: Path) -> None:
    """LibreOffice Draw: the PDF imported and exported again."""
    _soffice(src, dst, "--infilter=draw_pdf_import", "--convert-to", "pdf:draw_pdf_Export")


#: Each re-writer with the program it needs.
REWRITERS: dict[str, tuple[str, Callable[[Path, Path], None]]] = {
    "ghostscript": ("gs", ghostscript),
    "pdftocairo": ("pdftocairo", pdftocairo),
    "calc": ("soffice", calc),
    "draw": ("soffice", draw),
}


def missing(name: str) -> str | None:
    """Why re-writer ``name`` cannot run here, or None."""
    program = REWRITERS[name][0]
    return None if shutil.which(program) else f"{program} is not installed"


def edit_name_pdf(src: Path, dst: Path, no: int, nama: str) -> None:
    """The PDF printed again with one name changed, carrying the original data and signature
    (what a forger would do before laundering it through another program)."""
    from rwassign.export.document import Document, document_from_canonical
    from rwassign.export.pdf import ATTACH_CONTENT, ATTACH_SIGNATURE, render_pdf

    reader = PdfReader(src)
    content = reader.attachments[ATTACH_CONTENT][0].decode("utf-8")
    signature = json.loads(reader.attachments[ATTACH_SIGNATURE][0])
    original = document_from_canonical(content)
    rows = tuple(dataclasses.replace(r, nama=nama) if r.no == no else r for r in original.rows)
    forged = dataclasses.replace(original, rows=rows)
    fingerprint = original.fingerprint
    saved = Document.fingerprint, Document.canonical_json
    try:
        Document.fingerprint = property(lambda self: fingerprint)  # type: ignore[method-assign,assignment]
        Document.canonical_json = lambda self: content  # type: ignore[method-assign]
        dst.write_bytes(render_pdf(forged, signature))
    finally:
        Document.fingerprint, Document.canonical_json = saved  # type: ignore[method-assign]


def edit_name_xlsx(src: Path, dst: Path, no: int, nama: str) -> None:
    """The XLSX with the NAMA of row ``no`` typed over."""
    wb = openpyxl.load_workbook(src)
    ws = wb["Lampiran"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == no)
    ws.cell(row, 2, nama)
    wb.save(dst)


def export_signed(folder: Path) -> Path:
    """Solve the tiny plan, make a key pair, export the signed lampiran (PDF and XLSX) into
    ``folder``; returns the public key."""
    from rwassign import cli
    from rwassign.explain import solve
    from rwassign.io.write import write_workbook
    from tests.builders import FAST, instance
    from tests.export.test_export import BHABIN, DETAILS, OFFICERS, RESERVE, UNITS

    inst = instance(UNITS, [*OFFICERS, RESERVE, BHABIN], name="POLRES LEBONG")
    write_workbook(solve(inst, FAST), folder / "penugasan.xlsx")
    (folder / "dokumen.toml").write_text(DETAILS, encoding="utf-8")
    runner = CliRunner()
    key = folder / "kapolres.pem"
    assert runner.invoke(cli.app, ["keygen", "-o", str(key)]).exit_code == 0
    args = ["export", str(folder / "penugasan.xlsx"), "--dokumen", str(folder / "dokumen.toml")]
    r = runner.invoke(cli.app, [*args, "--sign-key", str(key)])
    assert r.exit_code == 0, r.output
    return folder / "kapolres.pub.pem"


def record() -> None:
    """Write the fixtures of ``data/``: the untouched signed lampiran, its re-writes by
    ghostscript and LibreOffice Calc, and the same re-writes of a copy with one name edited."""
    DATA.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        public = export_signed(work)
        pdf, xlsx = work / "penugasan-lampiran.pdf", work / "penugasan-lampiran.xlsx"
        shutil.copy(public, DATA / "kapolres.pub.pem")
        shutil.copy(pdf, DATA / "lampiran.pdf")
        shutil.copy(xlsx, DATA / "lampiran.xlsx")
        ghostscript(pdf, DATA / "lampiran-gs.pdf")
        pdftocairo(pdf, DATA / "lampiran-cairo.pdf")
        calc(xlsx, DATA / "lampiran-calc.xlsx")
        edit_name_pdf(pdf, work / "edited.pdf", 3, "ORANG LAIN")
        ghostscript(work / "edited.pdf", DATA / "lampiran-gs-edited.pdf")
        edit_name_xlsx(xlsx, work / "edited.xlsx", 3, "ORANG LAIN")
        calc(work / "edited.xlsx", DATA / "lampiran-calc-edited.xlsx")
    for f in sorted(DATA.iterdir()):
        print(f"{f.name}: {f.stat().st_size // 1024} KB")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    record()
