"""Hostile lampiran files for ``rwassign verify`` (issue 12, "verify without blind spots"):
each one a signed export with one thing added that can make it show or do something else,
its data and signature left untouched.

Written from a real export (``write(case, source, folder)``), so nothing binary is committed;
each file is a few kB and written in well under a second.  ``CASES`` is the one table: the
tests of ``tests/export/verify/test_blind_spots.py`` use the tampers, ``test_h12e`` runs the
whole table through the CLI.  Everyone in the files is invented (the tiny plan of
``tests/export/test_export.py``).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from pypdf import PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    RectangleObject,
    TextStringObject,
)

PdfChange = Callable[[PdfWriter], None]
SheetChange = Callable[[Any], None]

# --- PDF: actions, scripts, attachments -----------------------------------------------------------


def _js(code: str) -> DictionaryObject:
    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)}
    )


def js_open_action(writer: PdfWriter) -> None:
    writer._root_object[NameObject("/OpenAction")] = _js("app.alert('DIBATALKAN')")


def goto_then_script(writer: PdfWriter) -> None:
    """On opening, go to page 1 - and then, chained, run a script."""
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/GoTo"),
            NameObject("/D"): ArrayObject([writer.pages[0].indirect_reference, NameObject("/Fit")]),
            NameObject("/Next"): _js("this.print();"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = action


def document_script(writer: PdfWriter) -> None:
    """A document-level script (the ``/Names /JavaScript`` tree), run when the file opens."""
    tree = DictionaryObject(
        {
            NameObject("/Names"): ArrayObject(
                [TextStringObject("cetak"), writer._add_object(_js("this.print();"))]
            )
        }
    )
    names = writer._root_object.get("/Names")
    names = names.get_object() if names is not None else DictionaryObject()
    names[NameObject("/JavaScript")] = writer._add_object(tree)
    writer._root_object[NameObject("/Names")] = names


def page_action(writer: PdfWriter) -> None:
    aa = DictionaryObject({NameObject("/O"): _js("this.print();")})
    writer.pages[0][NameObject("/AA")] = aa


def form_field_action(writer: PdfWriter) -> None:
    """A form field with a script on a key stroke, in the form but on no page."""
    field = DictionaryObject(
        {
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("catatan"),
            NameObject("/AA"): DictionaryObject({NameObject("/K"): _js("event.rc = true;")}),
        }
    )
    form = DictionaryObject({NameObject("/Fields"): ArrayObject([writer._add_object(field)])})
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(form)


def attachment(writer: PdfWriter) -> None:
    writer.add_attachment("catatan.txt", b"DIBATALKAN")


# --- PDF: how a page is shown --------------------------------------------------------------------


def not_numbers(writer: PdfWriter) -> None:
    """Entries that are not numbers: read as 'another value', never a crash."""
    writer.pages[0][NameObject("/Rotate")] = NameObject("/Miring")
    writer.pages[0][NameObject("/UserUnit")] = TextStringObject("besar")


def rotated(writer: PdfWriter) -> None:
    writer.pages[1].rotate(90)


def user_unit(writer: PdfWriter) -> None:
    writer.pages[0][NameObject("/UserUnit")] = FloatObject(0.5)


def crop_box(writer: PdfWriter) -> None:
    """The page cut to its upper half: the table's lower rows and the footer are not shown."""
    box = writer.pages[0].mediabox
    half = float(box.height) / 2
    writer.pages[0].cropbox = RectangleObject((0, half, float(box.width), float(box.height)))


def trim_box(writer: PdfWriter) -> None:
    box = writer.pages[0].mediabox
    writer.pages[0].trimbox = RectangleObject((0, 100, float(box.width), float(box.height)))


def media_moved(writer: PdfWriter) -> None:
    """The same paper size, its window moved: the page shows a shifted drawing."""
    box = writer.pages[0].mediabox
    w, h = float(box.width), float(box.height)
    writer.pages[0].mediabox = RectangleObject((200, 150, 200 + w, 150 + h))


def content_scaled(writer: PdfWriter) -> None:
    """A transform rwassign did not write put before page 1's drawing: all of it at 70 %."""
    writer.pages[0].add_transformation(Transformation().scale(0.7, 0.7))


# --- PDF: the embedded fonts and their maps ------------------------------------------------------


def _fonts(writer: PdfWriter) -> list[Any]:
    fonts = writer.pages[0]["/Resources"]["/Font"]
    return [ref.get_object() for ref in fonts.values()]


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def program_byte(writer: PdfWriter) -> None:
    """One bit of the last byte of the regular font's program (its last table) flipped."""
    program = _fonts(writer)[0]["/FontDescriptor"]["/FontFile2"].get_object()
    data = program.get_data()
    program.set_data(_flip(data, len(data) - 1))


def width(writer: PdfWriter) -> None:
    """One glyph advance, one unit (of 1000) wider: not visible, still not the font we embed."""
    widths = _fonts(writer)[0]["/Widths"]
    widths[-1] = NumberObject(int(widths[-1]) + 1)


def to_unicode(writer: PdfWriter) -> None:
    """The ToUnicode map of the regular font with one byte flipped in its last mapping."""
    stream = _fonts(writer)[0]["/ToUnicode"].get_object()
    data = stream.get_data()
    at = data.rindex(b">", 0, data.rindex(b"endbfchar")) - 1
    stream.set_data(_flip(data, at))


# --- XLSX ----------------------------------------------------------------------------------------


def table_row(ws: Any, no: int) -> int:
    """The sheet row of table row ``NO no``."""
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == no)


def white_run(ws: Any) -> None:
    """NAMA of NO 3 as rich text: the same letters, the word 'NOMOR' printed in white."""
    cell = ws.cell(table_row(ws, 3), 2)
    before, word, after = str(cell.value).partition("NOMOR")
    assert word, cell.value
    white = InlineFont(color="FFFFFFFF")
    cell.value = CellRichText([before, TextBlock(white, word), after])


def hyperlink(ws: Any) -> None:
    ws.cell(table_row(ws, 3), 7).hyperlink = "https://example.org/desa"


def prompt(ws: Any) -> None:
    dv = DataValidation(
        type="list",
        formula1='"DIBATALKAN"',
        showInputMessage=True,
        promptTitle="Perhatian",
        prompt="Penugasan ini dibatalkan",
    )
    dv.add(ws.cell(table_row(ws, 3), 2).coordinate)
    ws.add_data_validation(dv)


def note(ws: Any) -> None:
    ws.cell(table_row(ws, 3), 2).comment = Comment("Dibatalkan", "Orang Lain")


def qr_link(src: Path, dst: Path) -> None:
    """The QR code of the XLSX made a link: clicking the code opens another page."""
    rel = (
        '<Relationship Id="rIdLink" TargetMode="External" Target="https://example.org/cek" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
    )
    link = '<a:hlinkClick xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    link += 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    link += 'r:id="rIdLink"/>'
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/drawings/_rels/drawing1.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif item.filename == "xl/drawings/drawing1.xml":
                data = re.sub(
                    rb"<((?:\w+:)?cNvPr)\b([^>]*?)/?>",
                    lambda m: b"<" + m[1] + m[2] + b">" + link.encode() + b"</" + m[1] + b">",
                    data,
                    count=1,
                )
                assert b"hlinkClick" in data
            zout.writestr(item, data)


def add_part(src: Path, dst: Path, name: str, data: bytes) -> None:
    """``src`` copied part by part to ``dst``, one part ``name`` added."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr(name, data)


# --- the table -----------------------------------------------------------------------------------

CHANGED, REWRITTEN = 6, 7  # rwassign.errors.EXIT_VERIFY, EXIT_REWRITTEN


@dataclass(frozen=True)
class Case:
    """One hostile file: how it is made from the export, the exit code ``verify`` must give
    (6 berubah; 7 for a font map changed too little to show), and words of the English
    message that name what was added and where."""

    name: str
    suffix: str
    tamper: PdfChange | SheetChange | str | Callable[[Path, Path], None]
    exit_code: int
    says: str
    package: bool = False  # ``tamper(source, path)`` rewrites the package part by part


CASES = (
    Case(
        "js-open-action",
        "pdf",
        js_open_action,
        CHANGED,
        "an action run when it is opened (/JavaScript)",
    ),
    Case("goto-then-script", "pdf", goto_then_script, CHANGED, "an action run when it is opened"),
    Case("document-script", "pdf", document_script, CHANGED, "scripts"),
    Case("page-action", "pdf", page_action, CHANGED, "automatic actions"),
    Case("form-field-action", "pdf", form_field_action, CHANGED, "form fields (1)"),
    Case("attachment", "pdf", attachment, CHANGED, "attached files catatan.txt"),
    Case("not-numbers", "pdf", not_numbers, CHANGED, "page 1 is turned by ?°"),
    Case("rotated", "pdf", rotated, CHANGED, "page 2 is turned by 90°"),
    Case("user-unit", "pdf", user_unit, CHANGED, "page 1 is enlarged or reduced (UserUnit 0.5)"),
    Case("crop-box", "pdf", crop_box, CHANGED, "page 1: the page frame (CropBox)"),
    Case("trim-box", "pdf", trim_box, CHANGED, "page 1: the page frame (TrimBox)"),
    Case("media-box-moved", "pdf", media_moved, CHANGED, "page 1: the page frame (MediaBox)"),
    Case("content-scaled", "pdf", content_scaled, CHANGED, "page 1 looks different"),
    Case("font-program-byte", "pdf", program_byte, REWRITTEN, "BitstreamVeraSans-Roman"),
    Case("font-width", "pdf", width, REWRITTEN, "BitstreamVeraSans-Roman"),
    Case("font-to-unicode", "pdf", to_unicode, REWRITTEN, "BitstreamVeraSans-Roman"),
    Case("white-run", "xlsx", white_run, CHANGED, "rich text (runs of mixed format) in cell B"),
    Case("hyperlink", "xlsx", hyperlink, CHANGED, "https://example.org/desa"),
    Case("prompt", "xlsx", prompt, CHANGED, "'Perhatian Penugasan ini dibatalkan'"),
    Case("note", "xlsx", note, CHANGED, "comments or controls"),
    Case("qr-link", "xlsx", qr_link, CHANGED, "links out of it that rwassign never made", True),
    Case("macro-part", "xlsx", "xl/vbaProject.bin", CHANGED, "part xl/vbaProject.bin"),
    Case("custom-xml-part", "xlsx", "customXml/item1.xml", CHANGED, "part customXml/item1.xml"),
    Case(
        "external-link-part",
        "xlsx",
        "xl/externalLinks/externalLink1.xml",
        CHANGED,
        "part xl/externalLinks/externalLink1.xml",
    ),
)


def write(case: Case, source: Path, folder: Path) -> Path:
    """Write ``case`` made from the signed export ``source`` (a PDF or XLSX of the case's
    kind) into ``folder``; return its path."""
    path = folder / f"{case.name}.{case.suffix}"
    if isinstance(case.tamper, str):
        add_part(source, path, case.tamper, b"<x/>")
    elif case.package:
        case.tamper(source, path)  # type: ignore[call-arg]
    elif case.suffix == "pdf":
        writer = PdfWriter(clone_from=source)
        case.tamper(writer)
        with path.open("wb") as fh:
            writer.write(fh)
    else:
        shutil.copy(source, path)
        wb = openpyxl.load_workbook(path)
        case.tamper(wb["Lampiran"])
        wb.save(path)
    return path


def write_all(pdf: Path, xlsx: Path, folder: Path) -> list[Path]:
    """Every case of the table, from the signed exports ``pdf`` and ``xlsx``."""
    return [write(c, pdf if c.suffix == "pdf" else xlsx, folder) for c in CASES]
