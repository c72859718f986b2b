"""``rwassign verify`` has no blind spot: whatever can make a signed lampiran show or do
something else than what was exported is found, also with ``--public-key`` (a valid signature
of the untouched data never makes a tampered file "utuh").

PDF: actions and scripts (on opening, in form fields), attached files, a page turned, scaled
(``UserUnit``) or cut to another box, a byte of an embedded font program, its widths or its
ToUnicode map.  XLSX: a rich-text run (a white run hides letters of a name), a hyperlink, a
data-validation prompt, a note, and any part of the package the export does not write.

Added actions, scripts, attachments and links are "berubah" (exit 6); a font program changed
under the same drawing is at least "ditulis ulang" (exit 7: the look is no longer guaranteed),
and "berubah" as soon as the page shows or reads something else."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    RectangleObject,
    TextStringObject,
)

from rwassign.errors import EXIT_REWRITTEN, EXIT_VERIFY
from tests.export.test_export import plan_dir  # noqa: F401 - module fixture reused
from tests.export.verify.test_verify import signed, verify  # noqa: F401 - module fixture reused

PdfChange = Callable[[PdfWriter], None]
SIGNED_OK = "tanda tangan Ed25519 sah"


def _verify(path: Path, signed: Path) -> tuple[int, str]:  # noqa: F811
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    return r.exit_code, " ".join(r.output.split())


def _tamper_pdf(signed: Path, tmp: Path, change: PdfChange) -> tuple[int, str]:  # noqa: F811
    writer = PdfWriter(clone_from=signed / "penugasan-lampiran.pdf")
    change(writer)
    path = tmp / "t.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return _verify(path, signed)


# --- PDF: actions, scripts, attachments -----------------------------------------------------------


def _js(code: str) -> DictionaryObject:
    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)}
    )


def _js_open_action(writer: PdfWriter) -> None:
    writer._root_object[NameObject("/OpenAction")] = _js("app.alert('DIBATALKAN')")


def _document_script(writer: PdfWriter) -> None:
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


def _page_action(writer: PdfWriter) -> None:
    aa = DictionaryObject({NameObject("/O"): _js("this.print();")})
    writer.pages[0][NameObject("/AA")] = aa


def _form_field_action(writer: PdfWriter) -> None:
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


def _attachment(writer: PdfWriter) -> None:
    writer.add_attachment("catatan.txt", b"DIBATALKAN")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_js_open_action, "tindakan yang dijalankan saat dibuka (/JavaScript)"),
        (_document_script, "skrip"),
        (_page_action, "tindakan otomatis"),
        (_form_field_action, "isian formulir"),
        (_attachment, "berkas lampiran catatan.txt"),
    ],
    ids=["js-open-action", "document-script", "page-action", "form-field-action", "attachment"],
)
def test_pdf_actions_scripts_and_attachments_are_changed(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    change: PdfChange,
    expected: str,
) -> None:
    code, out = _tamper_pdf(signed, tmp_path, change)
    assert code == EXIT_VERIFY and out.startswith("BERUBAH"), out
    assert "isi aktif yang tidak dibuat rwassign" in out and expected in out, out
    assert SIGNED_OK in out  # the data and its signature are untouched: the pages are not


# --- PDF: how a page is shown --------------------------------------------------------------------


def _rotated(writer: PdfWriter) -> None:
    writer.pages[1].rotate(90)


def _user_unit(writer: PdfWriter) -> None:
    writer.pages[0][NameObject("/UserUnit")] = FloatObject(0.5)


def _crop_box(writer: PdfWriter) -> None:
    """The page cut to its upper half: the table's lower rows and the footer are not shown."""
    box = writer.pages[0].mediabox
    half = float(box.height) / 2
    writer.pages[0].cropbox = RectangleObject((0, half, float(box.width), float(box.height)))


def _trim_box(writer: PdfWriter) -> None:
    box = writer.pages[0].mediabox
    writer.pages[0].trimbox = RectangleObject((0, 100, float(box.width), float(box.height)))


def _media_moved(writer: PdfWriter) -> None:
    """The same paper size, its window moved: the page shows a shifted drawing."""
    box = writer.pages[0].mediabox
    w, h = float(box.width), float(box.height)
    writer.pages[0].mediabox = RectangleObject((200, 150, 200 + w, 150 + h))


def _nonsense(writer: PdfWriter) -> None:
    """Entries that are not numbers: read as 'another value', never a crash."""
    writer.pages[0][NameObject("/Rotate")] = NameObject("/Miring")
    writer.pages[0][NameObject("/UserUnit")] = TextStringObject("besar")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_nonsense, "halaman 1 diputar ?°"),
        (_rotated, "halaman 2 diputar 90°"),
        (_user_unit, "halaman 1 diperbesar atau diperkecil"),
        (_crop_box, "halaman 1: bingkai halaman (CropBox)"),
        (_trim_box, "halaman 1: bingkai halaman (TrimBox)"),
        (_media_moved, "halaman 1: bingkai halaman (MediaBox)"),
    ],
    ids=["not-numbers", "rotated", "user-unit", "crop-box", "trim-box", "media-box-moved"],
)
def test_pdf_page_turned_scaled_or_cut_is_changed(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    change: PdfChange,
    expected: str,
) -> None:
    code, out = _tamper_pdf(signed, tmp_path, change)
    assert code == EXIT_VERIFY and out.startswith("BERUBAH"), out
    assert expected in out, out
    assert SIGNED_OK in out


# --- PDF: the embedded fonts and their maps ------------------------------------------------------


def _fonts(writer: PdfWriter) -> list[Any]:
    fonts = writer.pages[0]["/Resources"]["/Font"]
    return [ref.get_object() for ref in fonts.values()]


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def _program_byte(writer: PdfWriter) -> None:
    """One bit of the last byte of the regular font's program (its last table) flipped."""
    program = _fonts(writer)[0]["/FontDescriptor"]["/FontFile2"].get_object()
    data = program.get_data()
    program.set_data(_flip(data, len(data) - 1))


def _width(writer: PdfWriter) -> None:
    """One glyph advance, one unit (of 1000) wider: not visible, still not the font we embed."""
    font = _fonts(writer)[0]
    widths = font["/Widths"]
    widths[-1] = NumberObject(int(widths[-1]) + 1)


def _to_unicode(writer: PdfWriter) -> None:
    """The ToUnicode map of the regular font with one byte flipped in its last mapping."""
    stream = _fonts(writer)[0]["/ToUnicode"].get_object()
    data = stream.get_data()
    at = data.rindex(b">", 0, data.rindex(b"endbfchar")) - 1
    stream.set_data(_flip(data, at))


@pytest.mark.parametrize(
    "change",
    [_program_byte, _width, _to_unicode],
    ids=["program-byte", "width", "to-unicode"],
)
def test_pdf_any_byte_of_a_font_or_its_maps_is_never_intact(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    change: PdfChange,
) -> None:
    code, out = _tamper_pdf(signed, tmp_path, change)
    assert code in (EXIT_REWRITTEN, EXIT_VERIFY), out
    assert not out.startswith("utuh"), out
    assert "BitstreamVeraSans-Roman" in out, out
    assert SIGNED_OK in out


# --- XLSX ----------------------------------------------------------------------------------------


def _table_row(ws: Any, no: int) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == no)


def _tamper_xlsx(signed: Path, tmp: Path, tamper: Callable[[Any], None]) -> tuple[int, str]:  # noqa: F811
    path = tmp / "t.xlsx"
    shutil.copy(signed / "penugasan-lampiran.xlsx", path)
    wb = openpyxl.load_workbook(path)
    tamper(wb["Lampiran"])
    wb.save(path)
    return _verify(path, signed)


def _white_run(ws: Any) -> None:
    """NAMA of NO 3 as rich text: the same letters, the word 'NOMOR' printed in white."""
    cell = ws.cell(_table_row(ws, 3), 2)
    before, word, after = str(cell.value).partition("NOMOR")
    assert word, cell.value
    white = InlineFont(color="FFFFFFFF")
    cell.value = CellRichText([before, TextBlock(white, word), after])


def _hyperlink(ws: Any) -> None:
    ws.cell(_table_row(ws, 3), 7).hyperlink = "https://example.org/desa"


def _prompt(ws: Any) -> None:
    dv = DataValidation(
        type="list",
        formula1='"DIBATALKAN"',
        showInputMessage=True,
        promptTitle="Perhatian",
        prompt="Penugasan ini dibatalkan",
    )
    dv.add(ws.cell(_table_row(ws, 3), 2).coordinate)
    ws.add_data_validation(dv)


def _note(ws: Any) -> None:
    ws.cell(_table_row(ws, 3), 2).comment = Comment("Dibatalkan", "Orang Lain")


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (_white_run, "teks berformat campuran (rich text) pada sel B{row}"),
        (_hyperlink, "tautan pada sel G{row}"),
        (_prompt, "validasi data"),
        (_note, "komentar atau kontrol"),
    ],
    ids=["white-run", "hyperlink", "data-validation-prompt", "note"],
)
def test_xlsx_runs_links_prompts_and_notes_are_changed(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    tamper: Callable[[Any], None],
    expected: str,
) -> None:
    ws = openpyxl.load_workbook(signed / "penugasan-lampiran.xlsx")["Lampiran"]
    row = _table_row(ws, 3)
    code, out = _tamper_xlsx(signed, tmp_path, tamper)
    assert code == EXIT_VERIFY and out.startswith("BERUBAH"), out
    assert expected.format(row=row) in out, out
    assert SIGNED_OK in out


def _add_part(src: Path, dst: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr(name, data)


@pytest.mark.parametrize(
    "name", ["xl/vbaProject.bin", "customXml/item1.xml", "xl/externalLinks/externalLink1.xml"]
)
def test_xlsx_a_part_the_export_does_not_write_is_named(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    name: str,
) -> None:
    path = tmp_path / "t.xlsx"
    _add_part(signed / "penugasan-lampiran.xlsx", path, name, b"<x/>")
    code, out = _verify(path, signed)
    assert code == EXIT_VERIFY and out.startswith("BERUBAH"), out
    assert f"bagian {name}" in out, out
    assert SIGNED_OK in out
