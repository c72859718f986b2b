"""``rwassign verify`` has no blind spot: whatever can make a signed lampiran show or do
something else than what was exported is found, also with ``--public-key`` (a valid signature
of the untouched data never makes a tampered file "utuh").

PDF: actions and scripts (on opening, chained, in form fields), attached files, a page turned,
scaled (``UserUnit``, a transform before its drawing) or cut to another box, a byte of an
embedded font program, its widths or its ToUnicode map.  XLSX: a rich-text run (a white run
hides letters of a name; inline or shared), a hyperlink, a data-validation prompt, a note, a
link on the QR code, and any part of the package the export does not write.

Added actions, scripts, attachments and links are "berubah" (exit 6); a font program changed
under the same drawing is at least "ditulis ulang" (exit 7: the look is no longer guaranteed),
and "berubah" as soon as the page shows or reads something else.  The tampers are those of
``tests/hostile/gen_h12e.py`` (which runs them all through the CLI, in English)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfWriter

from rwassign.errors import EXIT_REWRITTEN, EXIT_VERIFY
from tests.export.test_export import plan_dir  # noqa: F401 - module fixture reused
from tests.export.verify.test_verify import signed, verify  # noqa: F401 - module fixture reused
from tests.hostile import gen_h12e as gen

PdfChange = Callable[[PdfWriter], None]
SIGNED_OK = "tanda tangan Ed25519 sah"


def _verify(path: Path, signed: Path) -> tuple[int, str]:  # noqa: F811
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    return r.exit_code, " ".join(r.output.split())


def _tamper(signed: Path, tmp: Path, name: str) -> tuple[int, str]:  # noqa: F811
    case = next(c for c in gen.CASES if c.name == name)
    path = gen.write(case, signed / f"penugasan-lampiran.{case.suffix}", tmp)
    return _verify(path, signed)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("js-open-action", "tindakan yang dijalankan saat dibuka (/JavaScript)"),
        ("goto-then-script", "tindakan yang dijalankan saat dibuka"),
        ("document-script", "skrip"),
        ("page-action", "tindakan otomatis"),
        ("form-field-action", "isian formulir (1 isian)"),
        ("attachment", "berkas lampiran catatan.txt"),
    ],
)
def test_pdf_actions_scripts_and_attachments_are_changed(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    name: str,
    expected: str,
) -> None:
    code, out = _tamper(signed, tmp_path, name)
    assert code == EXIT_VERIFY and out.startswith("BERUBAH"), out
    assert "isi aktif yang tidak dibuat rwassign" in out and expected in out, out
    assert SIGNED_OK in out  # the data and its signature are untouched: the pages are not


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("not-numbers", "halaman 1 diputar ?°"),
        ("rotated", "halaman 2 diputar 90°"),
        ("user-unit", "halaman 1 diperbesar atau diperkecil (UserUnit 0.5)"),
        ("crop-box", "halaman 1: bingkai halaman (CropBox)"),
        ("trim-box", "halaman 1: bingkai halaman (TrimBox)"),
        ("media-box-moved", "halaman 1: bingkai halaman (MediaBox)"),
        ("content-scaled", "halaman 1 tampak berbeda dari yang dicetak rwassign"),
    ],
)
def test_pdf_page_turned_scaled_or_cut_is_changed(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    name: str,
    expected: str,
) -> None:
    code, out = _tamper(signed, tmp_path, name)
    assert code == EXIT_VERIFY and out.startswith("BERUBAH"), out
    assert expected in out, out
    assert SIGNED_OK in out


@pytest.mark.parametrize("name", ["font-program-byte", "font-width", "font-to-unicode"])
def test_pdf_any_byte_of_a_font_or_its_maps_is_never_intact(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    name: str,
) -> None:
    """Too small a change to show on the page: the fonts differ from those the renderer
    embeds, so the file is re-written at best, naming the font."""
    code, out = _tamper(signed, tmp_path, name)
    assert code in (EXIT_REWRITTEN, EXIT_VERIFY), out
    assert not out.startswith("utuh"), out
    assert "BitstreamVeraSans-Roman" in out, out
    assert SIGNED_OK in out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("white-run", "teks berformat campuran (rich text) pada sel B{row}"),
        ("hyperlink", "tautan pada sel G{row} yang tidak dibuat rwassign: https://example.org"),
        ("prompt", "validasi data (pesan yang muncul atau daftar pilihan) pada sel B{row}"),
        ("note", "komentar atau kontrol"),
        ("qr-link", "tautan ke luar yang tidak dibuat rwassign (pada gambar, bentuk atau bagian"),
        ("macro-part", "bagian xl/vbaProject.bin"),
        ("custom-xml-part", "bagian customXml/item1.xml"),
        ("external-link-part", "bagian xl/externalLinks/externalLink1.xml"),
    ],
)
def test_xlsx_runs_links_prompts_notes_and_parts_are_changed(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    name: str,
    expected: str,
) -> None:
    ws = openpyxl.load_workbook(signed / "penugasan-lampiran.xlsx")["Lampiran"]
    row = gen.table_row(ws, 3)
    code, out = _tamper(signed, tmp_path, name)
    assert code == EXIT_VERIFY and out.startswith("BERUBAH"), out
    assert expected.format(row=row) in out, out
    assert SIGNED_OK in out


def test_xlsx_rich_text_in_a_shared_string_is_found(
    signed: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The same white run, written as a shared string (as Excel and LibreOffice do)."""
    src = tmp_path / "inline.xlsx"
    case = next(c for c in gen.CASES if c.name == "white-run")
    gen.write(case, signed / "penugasan-lampiran.xlsx", tmp_path).rename(src)
    path = tmp_path / "shared.xlsx"
    _shared_strings(src, path)
    code, out = _verify(path, signed)
    assert code == EXIT_VERIFY and "teks berformat campuran (rich text) pada sel B" in out, out


def test_xlsx_shared_strings_that_cannot_be_found_are_unreadable_not_a_crash(
    signed: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Cells pointing at shared strings the workbook does not name: openpyxl fails with an
    IndexError, which ``verify`` reports as a file it cannot read (was a traceback)."""
    src = tmp_path / "inline.xlsx"
    case = next(c for c in gen.CASES if c.name == "white-run")
    gen.write(case, signed / "penugasan-lampiran.xlsx", tmp_path).rename(src)
    path = tmp_path / "lost.xlsx"
    _shared_strings(src, path, linked=False)
    before = path.read_bytes()
    code, out = _verify(path, signed)
    assert code == EXIT_VERIFY and "tidak dapat dibaca" in out, out
    assert path.read_bytes() == before


def _shared_strings(src: Path, dst: Path, linked: bool = True) -> None:
    """Every inline rich-text cell of ``src`` moved to a shared-strings part (``linked``: the
    workbook names the part; if not, the cells point at strings nobody can find)."""
    import re
    import zipfile

    with zipfile.ZipFile(src) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    strings: list[str] = []

    def share(m: Any) -> str:
        strings.append(m.group(2))
        return f'{m.group(1)} t="s"><v>{len(strings) - 1}</v></c>'

    sheet = re.sub(
        r'(<c r="[A-Z]+\d+"[^>]*?) t="inlineStr"><is>((?:(?!</is>).)*<r>.*?)</is></c>', share, sheet
    )
    assert strings, "no inline rich text to move"
    sst = "".join(f"<si>{s}</si>" for s in strings)
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{ns}">{sst}</sst>'.encode()
    if linked:
        kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
        rel = f'<Relationship Id="rIdS" Type="{kind}" Target="sharedStrings.xml"/>'
        rels = parts["xl/_rels/workbook.xml.rels"].decode()
        parts["xl/_rels/workbook.xml.rels"] = rels.replace(
            "</Relationships>", rel + "</Relationships>"
        ).encode()
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
        over = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{media}"/>'
        types = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = types.replace("</Types>", over + "</Types>").encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
