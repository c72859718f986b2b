"""The one layout of the lampiran: the PDF prints its parts in its order, the XLSX writes them
in its rows, and both renderers take the table's columns from it.  A renderer that printed a
part elsewhere, reordered the columns or reworded a fixed text fails here."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from rwassign.export import layout
from rwassign.export.document import DocRow, Document, build_details
from rwassign.export.layout import COLUMNS, HEADERS, LAMPIRAN, Part, Section, Step
from rwassign.export.pdf import render_pdf
from rwassign.export.xlsx import SHEET, render_xlsx

EXPORT = Path(layout.__file__).parent


def _document(*, with_sprin: bool = False) -> Document:
    """Two Polsek over three landscape pages, a forced print, an order signed a.n. with a
    tembusan: every part of both layouts is printed."""
    details = build_details(
        {
            "polda": "BENGKULU",
            "polres": "LEBONG",
            "nomor": "Sprin/7/V/2023",
            "tanggal": "2023-05-15",
            "tempat": "Tubei",
            "penandatangan": "HENDRA WIJAYA",
            "pangkat": "AKBP",
            "nrp": "79051234",
            "atas_nama": "ya",
            "jabatan": "WAKAPOLRES LEBONG",
            "tembusan": ["Kapolda Bengkulu", "Irwasda Polda Bengkulu"],
        }
    )
    rows = tuple(_row(no, "AMEN" if no <= 40 else "LEBONG UTARA") for no in range(1, 71))
    return Document(details, rows, with_sprin=with_sprin, breaches=("aturan x: baris 7",))


def _row(no: int, polsek: str) -> DocRow:
    ket = "berdomisili" + (" - MELANGGAR aturan" if no == 7 else "")
    return DocRow(
        no, f"ANGGOTA {no}", "BRIPKA", f"{90000000 + no}", "BA SAT BINMAS", f"RW {no:02d}",
        "Talang", "Amen", polsek, ket,
    )  # fmt: skip


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _in_order(text: str, needles: list[str]) -> None:
    """Each needle is found in ``text`` after the one before (whitespace aside)."""
    flat, at = _flat(text), 0
    for needle in map(_flat, needles):
        found = flat.find(needle, at)
        assert found >= 0, f"{needle!r} not printed after {flat[max(0, at - 40) : at]!r}"
        at = found + len(needle)


def _lampiran_needles(doc: Document) -> list[str]:
    out: list[str] = []
    for part in LAMPIRAN:
        if part is Part.TABLE:
            out.append("".join(HEADERS))
            out += ["".join(layout.row_cells(r)) for r in doc.rows]
        else:
            out += layout.printed(layout.lines_of(part, doc))
    return out


def _sprin_needles(doc: Document) -> list[str]:
    d = doc.details
    out: list[str] = []
    for part in layout.sprin_parts(d):
        if isinstance(part, Section):
            texts = part.texts()
            many = len(texts) > 1
            out += [f"{part.label} :"] + [
                f"{i}. {t}" if many else t for i, t in enumerate(texts, 1)
            ]
        elif part is Step.KOP:
            out += layout.printed(layout.kop_lines(d))
        elif part is Step.TITLE:
            out += [layout.SPRIN_TITLE, layout.nomor_line(d).text]
        elif part is Step.ORDERED:
            out.append(layout.ORDERED)
        elif part is Step.CLOSING:
            out.append(layout.CLOSING)
        elif part is Step.SIGNATURE:
            out += layout.printed(layout.signature_lines(d))
    return out


def test_pdf_prints_the_parts_in_the_order_of_the_layout() -> None:
    doc = _document(with_sprin=True)
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    upright = [float(p.mediabox.width) < float(p.mediabox.height) for p in reader.pages]
    texts = [p.extract_text() for p in reader.pages]
    sprin = "\n".join(t for t, up in zip(texts, upright, strict=True) if up)
    lampiran = "\n".join(t for t, up in zip(texts, upright, strict=True) if not up)
    assert sum(not up for up in upright) >= 3  # the table goes on over page breaks
    _in_order(sprin, _sprin_needles(doc))
    _in_order(lampiran, _lampiran_needles(doc))
    landscape = [t for t, up in zip(texts, upright, strict=True) if not up]
    for n, page in enumerate(landscape, start=1):
        footer = [*layout.footer_texts(doc.fingerprint, None, True)]
        _in_order(page, [*footer, layout.page_label(n, len(landscape))])


def test_xlsx_rows_follow_the_layout() -> None:
    doc = _document()
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))
    ws = wb[SHEET]
    cells = {
        str(c.value): c.row for row in ws.iter_rows() for c in row if c.value not in (None, "")
    }
    first_rows: list[int] = []
    for part in LAMPIRAN:
        if part is Part.TABLE:
            header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "NO")
            assert tuple(ws.cell(header, c).value for c in range(1, len(COLUMNS) + 1)) == HEADERS
            table_rows = [
                r for r in range(header + 1, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int)
            ]
            written = [
                tuple(ws.cell(r, c).value for c in range(1, len(COLUMNS) + 1)) for r in table_rows
            ]
            assert written == [layout.row_values(r) for r in doc.rows]
            first_rows.append(header)
            continue
        rows = [cells[text] for text in layout.printed(layout.lines_of(part, doc))]
        assert rows == sorted(rows) and len(set(rows)) == len(rows), part  # one line per row
        first_rows.append(rows[0])
    assert first_rows == sorted(first_rows)  # the parts come down the sheet in layout order
    widths = [ws.column_dimensions[chr(ord("A") + i)].width for i in range(len(COLUMNS))]
    assert widths == [c.xlsx_width for c in COLUMNS]


def test_a_renderer_that_drifts_from_the_layout_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks above can fail: with the title drawn after the breaches, the order is off."""
    doc = _document()
    drifted = (Part.KOP, Part.ATTACHMENT, Part.BREACHES, Part.TITLE, Part.TABLE, Part.SIGNATURE)
    monkeypatch.setattr(layout, "LAMPIRAN", drifted)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(doc))).pages)
    monkeypatch.undo()
    with pytest.raises(AssertionError):
        _in_order(text, _lampiran_needles(doc))


def test_no_export_module_imports_another_modules_private_names() -> None:
    private: list[str] = []
    for path in EXPORT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rwassign"):
                names = [a.name for a in node.names if a.name.startswith("_")]
                private += [f"{path.name}: {node.module}.{n}" for n in names]
    assert private == []
