"""The sample lampiran as it comes out of the printer: the PDF as it is, the XLSX as LibreOffice
prints it (headless, to PDF).  Both are read back as a printer would place them (pdfium's text
and object boxes, pixels at 150 dpi) and held to what the layout promises: the pages the
renderer planned with the rows it planned on each, nothing within 10 mm of a paper edge, no
text box over another (a row whose text runs into the next one overlaps it), no picture over
text, the QR code readable on every PDF page after a printer crops 5 mm off each edge.

The sample is ``data/samples/polres_lebong.xlsx`` solved and exported with
``docs/dokumen-contoh.toml`` and the order, as the README shows it; everyone in it is invented.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from typer.testing import CliRunner

from rwassign import cli
from rwassign.export import layout, pdftext
from rwassign.export import pdf as pdf_export
from rwassign.export import xlsx as xlsx_export
from rwassign.export.document import DocRow, Document, build_details
from rwassign.export.layout import COLUMNS
from rwassign.export.output import qr_payload
from rwassign.export.verify import verify_file

ROOT = Path(__file__).resolve().parents[2]
MM = 72 / 25.4
MARGIN = 10 * MM  # nothing printed nearer a paper edge than this
CROP = 5 * MM  # what a printer may cut off each edge
DPI = 150
TOUCH = 0.3  # points two boxes may share (a glyph's box meeting a neighbour's)

runner = CliRunner()


@dataclass(frozen=True)
class Sample:
    pdf: Path
    xlsx: Path
    doc: Document


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    work = tmp_path_factory.mktemp("sample")
    plan = work / "plan.xlsx"
    source = ROOT / "data" / "samples" / "polres_lebong.xlsx"
    r = runner.invoke(cli.app, ["solve", str(source), "-o", str(plan)])
    assert r.exit_code == 0, r.output
    details = ROOT / "docs" / "dokumen-contoh.toml"
    r = runner.invoke(cli.app, ["export", str(plan), "--dokumen", str(details), "--with-sprin"])
    assert r.exit_code == 0, r.output
    pdf, xlsx = work / "plan-lampiran.pdf", work / "plan-lampiran.xlsx"
    doc = verify_file(xlsx).document
    assert doc is not None
    return Sample(pdf, xlsx, doc)


def _libreoffice_print(xlsx: Path, out: Path) -> Path:
    """The XLSX printed by LibreOffice to a PDF (a private profile: parallel runs don't meet)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed: the XLSX cannot be printed")
    profile = (out / "profile").as_uri()
    subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(xlsx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    printed = out / f"{xlsx.stem}.pdf"
    assert printed.is_file(), "LibreOffice wrote no PDF"
    return printed


@pytest.fixture(scope="module")
def xlsx_printed(sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _libreoffice_print(sample.xlsx, tmp_path_factory.mktemp("printed"))


# --- reading a printed page ----------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, bottom, right, top (points)


@dataclass(frozen=True)
class Page:
    number: int
    size: tuple[float, float]
    text: str
    words: list[tuple[Box, str]]  # pdfium's text boxes (a run of text on one line)
    pictures: list[Box]  # images and forms (the PDF draws its QR code as a form)


def _pages(path: Path) -> Iterator[Page]:
    doc = pdfium.PdfDocument(path)
    kinds = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
    for i in range(len(doc)):
        page = doc[i]
        text = page.get_textpage()
        words = []
        for k in range(text.count_rects()):
            box = text.get_rect(k)
            shown = text.get_text_bounded(*box).strip()
            if shown:
                words.append((box, shown))
        pictures = [o.get_bounds() for o in page.get_objects(kinds, max_depth=1)]
        yield Page(i + 1, page.get_size(), text.get_text_range(), words, pictures)


def _outside(page: Page) -> list[str]:
    """What is printed nearer than 10 mm to an edge of the paper."""
    width, height = page.size
    out = []
    for box, what in [*page.words, *((b, "picture") for b in page.pictures)]:
        left, bottom, right, top = box
        if left < MARGIN or bottom < MARGIN or right > width - MARGIN or top > height - MARGIN:
            out.append(f"page {page.number}: {what!r} at {[round(v) for v in box]}")
    return out


def _overlap(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > TOUCH and min(a[3], b[3]) - max(a[1], b[1]) > TOUCH


def _overlapping(page: Page) -> list[str]:
    """Pairs of text boxes over each other, and text under a picture."""
    out = []
    words = sorted(page.words, key=lambda w: w[0][0])
    for i, (a, what_a) in enumerate(words):
        for b, what_b in words[i + 1 :]:
            if b[0] >= a[2]:
                break
            if _overlap(a, b):
                out.append(f"page {page.number}: {what_a!r} over {what_b!r}")
    for picture in page.pictures:
        out += [f"page {page.number}: picture over {w!r}" for b, w in words if _overlap(picture, b)]
    return out


def _qr_codes(path: Path, crop: float) -> list[list[str]]:
    """The QR codes read on each page after cutting ``crop`` points off every edge."""
    doc = pdfium.PdfDocument(path)
    out = []
    for i in range(len(doc)):
        image = doc[i].render(scale=DPI / 72).to_pil()
        cut = round(crop * DPI / 72)
        image = image.crop((cut, cut, image.width - cut, image.height - cut))
        out.append([r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.QRCode])
    return out


def _rows_on_pages(pages: list[Page], planned: list[tuple[int, ...]], doc: Document) -> None:
    """Each page holds the table rows planned for it: a row pushed onto the next page by a
    program that measured otherwise shows up here."""
    assert len(pages) == len(planned), (len(pages), len(planned))
    rows = {r.no: r for r in doc.rows}
    flat = ["".join(p.text.split()) for p in pages]
    for page, text, nos in zip(pages, flat, planned, strict=True):
        for no in nos:
            r = rows[no]
            assert r.pangkat_nrp in text and "".join(r.nama.split()) in text, (page.number, no)
    assert sorted(no for nos in planned for no in nos) == sorted(rows)


# --- the PDF ---------------------------------------------------------------------------------


def test_pdf_pages_are_the_planned_pages(sample: Sample) -> None:
    pages = list(_pages(sample.pdf))
    order = [p for p in pages if p.size[0] < p.size[1]]  # the Sprin, portrait
    lampiran = [p for p in pages if p.size[0] > p.size[1]]
    assert pages == [*order, *lampiran] and order
    for n, page in enumerate(order, start=1):
        assert f"Surat Perintah - halaman {n}" in page.text
    planned = pdf_export.lampiran_pages(sample.doc)
    _rows_on_pages(lampiran, planned, sample.doc)
    for n, page in enumerate(lampiran, start=1):
        assert f"Halaman {n} dari {len(planned)}" in page.text


def test_pdf_prints_nothing_within_10_mm_of_an_edge_and_nothing_over_text(sample: Sample) -> None:
    pages = list(_pages(sample.pdf))
    assert all(len(p.pictures) == 1 for p in pages)  # the QR code, on every page
    assert [bad for p in pages for bad in _outside(p)] == []
    assert [bad for p in pages for bad in _overlapping(p)] == []


def test_pdf_qr_code_reads_on_every_page_after_a_5_mm_crop(sample: Sample) -> None:
    expected = qr_payload(sample.doc.fingerprint)
    codes = _qr_codes(sample.pdf, CROP)
    assert codes == [[expected]] * len(codes)


def test_the_checks_find_what_they_look_for(sample: Sample) -> None:
    """The checks above can fail: a box at the paper's edge, two lines on each other, a
    picture over a word, a QR code cut by the crop are all found."""
    page = next(_pages(sample.pdf))
    (word, what), *_ = page.words
    low = (word[0], word[1] - word[1] + 2, word[2], word[3] - word[1] + 2)
    moved = (word[0] + 1, word[1] + 1, word[2] + 1, word[3] + 1)
    broken = Page(page.number, page.size, page.text, [*page.words, (low, what), (moved, what)],
                  [*page.pictures, word])  # fmt: skip
    assert any(what in bad for bad in _outside(broken))
    assert sum(what in bad for bad in _overlapping(broken)) >= 3
    assert _qr_codes(sample.pdf, 40 * MM)[0] == []  # 40 mm off each edge cuts the code away


# --- the XLSX ---------------------------------------------------------------------------------


def test_xlsx_names_its_fonts_and_stores_a_height_for_every_row(sample: Sample) -> None:
    wb = openpyxl.load_workbook(sample.xlsx)
    ws = wb["Lampiran"]
    last = int(str(ws.print_area).rpartition("$")[2])
    fonts = {
        ws.cell(r, c).font.name for r in range(1, last + 1) for c in range(1, len(COLUMNS) + 1)
    }
    assert fonts == {xlsx_export.FONT_NAME}
    assert wb._fonts[0].name == xlsx_export.FONT_NAME  # type: ignore[attr-defined]
    for part in (ws.oddFooter.left, ws.oddFooter.right):  # type: ignore[union-attr]
        assert part.font == f"{xlsx_export.FONT_NAME},Regular"
    assert all(ws.row_dimensions[r].height for r in range(1, last + 1))
    merged = {(m.min_row, m.min_col): m.max_col for m in ws.merged_cells.ranges}
    for r in range(1, last + 1):
        for c in range(1, len(COLUMNS) + 1):
            cell = ws.cell(r, c)
            if cell.value is None:
                continue
            width = xlsx_export.span_width(c, merged.get((r, c), c))
            size, bold = float(cell.font.sz), bool(cell.font.b)
            lines = xlsx_export.text_lines(str(cell.value), width, size, bold)
            assert ws.row_dimensions[r].height >= xlsx_export.row_height(lines, size), cell
            assert cell.alignment.wrap_text, cell


def test_xlsx_headers_fit_their_columns_on_one_line() -> None:
    for c, column in enumerate(COLUMNS, start=1):
        width = xlsx_export.span_width(c, c)
        assert xlsx_export.text_lines(column.header, width, xlsx_export.SIZE, True) == 1, column
    # the measure wraps: 66.1 pt "BANIT BINMAS", then 37.5 + 2.6 + 39.0 > 75 pt breaks again
    assert xlsx_export.text_lines("BANIT BINMAS POLSEK LEBONG", 75) == 3
    assert xlsx_export.text_lines("A" * 40, 60) == 5  # one word of 250 pt, cut inside


def test_xlsx_qr_code_stands_over_empty_cells_inside_the_print_area(sample: Sample) -> None:
    ws = openpyxl.load_workbook(sample.xlsx)["Lampiran"]
    (picture,) = ws._images  # type: ignore[attr-defined]
    marker = picture.anchor._from
    top, tall = marker.row + 1, picture.height * 72 / 96
    last = int(str(ws.print_area).rpartition("$")[2])
    row, covered = top, 0.0
    while covered < tall:
        for c in range(1, 6):  # the picture's columns and the captions' A..E
            assert ws.cell(row, c).value is None, ws.cell(row, c)
        covered += ws.row_dimensions[row].height
        row += 1
    assert row <= last and str(ws.cell(row, 1).value).startswith("SHA-256")
    assert picture.width * 72 / 96 < xlsx_export.span_width(1, 2)


def test_xlsx_as_libreoffice_prints_it(sample: Sample, xlsx_printed: Path) -> None:
    pages = list(_pages(xlsx_printed))
    planned = xlsx_export.page_rows(sample.doc)
    _rows_on_pages(pages, planned, sample.doc)  # no page break of LibreOffice's own
    pdf_pages = len(pdf_export.lampiran_pages(sample.doc))
    assert 0.75 <= len(pages) / pdf_pages <= 1.5, (len(pages), pdf_pages)
    for n, page in enumerate(pages, start=1):
        assert f"Halaman {n} dari {len(pages)}" in page.text
        assert f"Sidik SHA-256: {sample.doc.fingerprint}" in page.text
        assert all(h in page.text for h in ("RW/DUSUN", "DESA/KELURAHAN"))
    assert [bad for p in pages for bad in _outside(p)] == []
    assert [bad for p in pages for bad in _overlapping(p)] == []
    assert sum(len(p.pictures) for p in pages) == 1
    codes = _qr_codes(xlsx_printed, CROP)
    assert codes == [[]] * (len(pages) - 1) + [[qr_payload(sample.doc.fingerprint)]]


def _long_document() -> Document:
    """Texts longer than the sample's: a kop of 41 characters, a delegated signer, a forced
    print, names with titles, a position of five lines, a word wider than its column."""
    details = build_details(
        {
            "polda": "METRO JAYA",
            "polres": "METRO JAKARTA SELATAN",
            "nomor": "Sprin/1234/XII/2023",
            "tanggal": "2023-12-15",
            "tempat": "Jakarta",
            "penandatangan": "MUHAMMAD ZULKIFLI ANGGARA PRASETYO, S.I.K., M.H., M.Si.",
            "pangkat": "AKBP",
            "nrp": "79051234",
            "atas_nama": "ya",
            "jabatan": "WAKIL KEPALA KEPOLISIAN RESOR METRO JAKARTA SELATAN",
        }
    )
    jabatan = (
        "BANIT PEMBINAAN DAN PENYULUHAN SATUAN PEMBINAAN MASYARAKAT POLSEK KEBAYORAN BARU / "
        "POLSEK KEBAYORAN BARU"
    )
    rows = tuple(
        DocRow(
            no,
            ("RADEN MUHAMMAD ZULKIFLI ANGGARA PRASETYO, S.I.K., M.H." if no % 3 else "ANDI")
            + (" X" * 2 if no % 7 == 0 else ""),
            "BRIGPOL" if no % 2 else "AKP",
            f"{90000000 + no}",
            jabatan if no % 4 == 0 else "BA SAT BINMAS / SAT BINMAS",
            f"RW {no:02d}",
            "KELURAHANDENGANNAMAYANGSANGATPANJANGSEKALI" if no == 5 else "Kebayoran Lama Utara",
            "Kebayoran Lama",
            "Polsek Kebayoran Lama" if no <= 30 else "Polsek Pesanggrahan",
            "dari luar wilayah - MELANGGAR aturan" if no == 9 else "berdomisili",
        )
        for no in range(1, 61)
    )
    breaches = ("aturan batas RW per personel: baris 9 (NO 9) memegang 3 RW",)
    return Document(details, rows, breaches=breaches)


def test_long_texts_stay_inside_the_pdf_margins(tmp_path: Path) -> None:
    doc = _long_document()
    path = tmp_path / "panjang.pdf"
    path.write_bytes(pdf_export.render_pdf(doc))
    pages = list(_pages(path))
    _rows_on_pages(pages, pdf_export.lampiran_pages(doc), doc)
    assert [bad for p in pages for bad in _outside(p)] == []
    assert [bad for p in pages for bad in _overlapping(p)] == []
    assert _qr_codes(path, CROP) == [[qr_payload(doc.fingerprint)]] * len(pages)
    assert verify_file(path).problems == ()  # verify walks the grown blocks as printed


def test_long_texts_print_whole_in_libreoffice(tmp_path: Path) -> None:
    doc = _long_document()
    path = tmp_path / "panjang.xlsx"
    path.write_bytes(xlsx_export.render_xlsx(doc))
    pages = list(_pages(_libreoffice_print(path, tmp_path)))
    _rows_on_pages(pages, xlsx_export.page_rows(doc), doc)
    assert [bad for p in pages for bad in _outside(p)] == []
    assert [bad for p in pages for bad in _overlapping(p)] == []
    assert "WAKIL KEPALA KEPOLISIAN RESOR METRO" in "".join(p.text for p in pages)
    assert verify_file(path).problems == ()


# --- texts longer than a page ----------------------------------------------------------------


def _longer_than_a_page() -> Document:
    """A name of 10,000 characters (words) and a jabatan of one 1,500-character word, as a
    reader lets them through: each would make its row taller than a page."""
    base = _long_document()
    rows = list(base.rows[:6])
    rows[1] = dataclasses.replace(rows[1], nama=("ANDI " * 2000).strip())
    rows[3] = dataclasses.replace(rows[3], jabatan_kesatuan="X" * 1500)
    return Document(base.details, tuple(rows))


def test_a_row_longer_than_a_page_is_cut_inside_the_pdf(tmp_path: Path) -> None:
    doc = _longer_than_a_page()
    path = tmp_path / "sangat-panjang.pdf"
    path.write_bytes(pdf_export.render_pdf(doc))
    pages = list(_pages(path))
    assert [bad for p in pages for bad in _outside(p)] == []
    assert [bad for p in pages for bad in _overlapping(p)] == []  # never over the footer
    assert _qr_codes(path, CROP) == [[qr_payload(doc.fingerprint)]] * len(pages)
    assert layout.cut_cells(doc) == [(2, "NAMA"), (4, "JABATAN/KESATUAN")]
    text = "".join("".join(p.text.split()) for p in pages)
    assert text.count("".join(layout.CUT_MARK.split())) == 2
    assert len(pages) == len(pdf_export.lampiran_pages(doc))
    assert verify_file(path).problems == ()  # verify expects the cut text


def test_a_row_longer_than_a_page_is_cut_under_409_pt_in_the_xlsx(tmp_path: Path) -> None:
    doc = _longer_than_a_page()
    path = tmp_path / "sangat-panjang.xlsx"
    path.write_bytes(xlsx_export.render_xlsx(doc))
    ws = openpyxl.load_workbook(path)[xlsx_export.SHEET]
    assert max(d.height for d in ws.row_dimensions.values() if d.height) <= 409
    shown = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert sum(s.endswith(layout.CUT_MARK) for s in shown) == 2
    assert xlsx_export.cut_cells(doc) == [(2, "NAMA"), (4, "JABATAN/KESATUAN")]
    assert verify_file(path).problems == ()
    pages = list(_pages(_libreoffice_print(path, tmp_path)))
    assert [bad for p in pages for bad in _outside(p)] == []
    assert [bad for p in pages for bad in _overlapping(p)] == []
    assert len(pages) == len(xlsx_export.page_rows(doc))


def test_a_word_of_10000_characters_wraps_whole_and_inside_its_cell() -> None:
    width = COLUMNS[1].pdf_width - 2 * pdftext.PAD
    lines = pdftext.wrap("W" * 10_000, pdftext.FONT, pdftext.SIZE, width)
    assert "".join(lines) == "W" * 10_000
    widths = [pdftext.text_width(line, pdftext.SIZE) for line in lines]
    assert max(widths) <= width
    assert min(widths[:-1]) > width - pdftext.text_width("W", pdftext.SIZE)  # lines filled


def test_export_names_every_cell_it_prints_cut(tmp_path: Path) -> None:
    from tests.hostile import gen_formulas

    source = gen_formulas.write_xlsx(tmp_path)
    wb = openpyxl.load_workbook(source)
    # the longest name the reader lets through (1,000 characters), in wide letters: taller
    # than a page in the NAMA column
    wb["Personel"]["B2"].value = ("WWWW " * 200).strip()
    wb.save(source)
    plan = tmp_path / "rencana.xlsx"
    assert runner.invoke(cli.app, ["solve", str(source), "-o", str(plan)]).exit_code == 0
    details = ROOT / "docs" / "dokumen-contoh.toml"
    r = runner.invoke(cli.app, ["export", str(plan), "--dokumen", str(details), "--lang", "en"])
    assert r.exit_code == 0, r.output
    cut = [line for line in r.output.splitlines() if "printed cut" in line]
    assert len(cut) == 1 and ", NAMA:" in cut[0] and "PDF, XLSX" in cut[0], r.output
    for path in (plan.with_name("rencana-lampiran.pdf"), plan.with_name("rencana-lampiran.xlsx")):
        assert runner.invoke(cli.app, ["verify", str(path)]).exit_code == 0
