"""``rwassign verify`` against tampering that leaves the embedded data and its signature alone:
the printed text of a PDF (any cell of a row, any document detail, the Sprin pages), its footers,
annotations, images and forms.  (The XLSX cases are in ``test_xlsx.py``.)  Uses the tiny plan of
``tests/export/test_export.py`` and the signed export of ``tests/export/verify/test_verify.py``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from rwassign.errors import EXIT_VERIFY
from rwassign.export.document import DocRow, Document, build_details, document_from_canonical
from rwassign.export.pdf import ATTACH_CONTENT, ATTACH_SIGNATURE, render_pdf
from tests.export.test_export import export, plan_dir  # noqa: F401 - module fixture reused
from tests.export.verify.test_verify import signed, verify  # noqa: F401 - module fixture reused

Change = Callable[[Document], Document]


def _row(no: int, **values: Any) -> Change:
    def change(doc: Document) -> Document:
        rows = tuple(dataclasses.replace(r, **values) if r.no == no else r for r in doc.rows)
        return dataclasses.replace(doc, rows=rows)

    return change


def _append_ket(no: int, text: str) -> Change:
    def change(doc: Document) -> Document:
        ket = next(r.ket for r in doc.rows if r.no == no)
        return _row(no, ket=ket + text)(doc)

    return change


def _detail(**values: Any) -> Change:
    def change(doc: Document) -> Document:
        return dataclasses.replace(doc, details=dataclasses.replace(doc.details, **values))

    return change


def _forge_pdf(src: Path, dst: Path, change: Change, monkeypatch: pytest.MonkeyPatch) -> None:
    """Print ``change(document)`` but embed the original content, fingerprint and signature:
    the pages say something else than the data they carry, which still hashes and verifies."""
    reader = PdfReader(src)
    content = reader.attachments[ATTACH_CONTENT][0].decode("utf-8")
    signature = json.loads(reader.attachments[ATTACH_SIGNATURE][0])
    original = document_from_canonical(content)
    fingerprint = original.fingerprint
    with monkeypatch.context() as m:
        m.setattr(Document, "fingerprint", property(lambda self: fingerprint))
        m.setattr(Document, "canonical_json", lambda self: content)
        dst.write_bytes(render_pdf(change(original), signature))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_row(3, desa="Talang 99"), "baris NO 3 (ANGGOTA NOMOR 3, NRP {nrp}): DESA/KELURAHAN pada"),
        (_row(3, kecamatan="Lebong"), "baris NO 3 (ANGGOTA NOMOR 3, NRP {nrp}): KECAMATAN pada"),
        (_row(3, polsek="Polsek Lain"), "baris NO 3 (ANGGOTA NOMOR 3, NRP {nrp}): POLSEK pada"),
        (_row(3, ket="dari luar wilayah"), "baris NO 3 (ANGGOTA NOMOR 3, NRP {nrp}): KET pada"),
        (_row(3, desa="X", ket="Y"), "NRP {nrp}): DESA/KELURAHAN, KET pada teks dokumen berbeda"),
        (_append_ket(3, " palsu"), "teks 'palsu' tercetak di antara baris NO 3 dan baris NO 4"),
        (_detail(nomor="Sprin/999/V/2023"), "detail dokumen 'nomor' pada lampiran tidak tercetak"),
        (_detail(tanggal=dt.date(2023, 5, 16)), "detail dokumen 'tanggal' pada lampiran"),
        (_detail(tempat="Muara Aman"), "detail dokumen 'tempat' pada lampiran"),
        (_detail(penandatangan="ORANG LAIN, S.H."), "detail dokumen 'penandatangan' pada"),
        (
            _detail(pangkat="KOMPOL"),
            "'pangkat' pada lampiran tidak tercetak seperti data tertanam ('AJUN KOMISARIS",
        ),
        (
            _detail(nrp="79059999"),
            "'nrp' pada lampiran tidak tercetak seperti data tertanam ('NRP 79051234')",
        ),
        (_detail(jabatan="KASAT BINMAS"), "detail dokumen 'jabatan' pada lampiran"),
        (
            _detail(jabatan="WAKIL KEPALA KEPOLISIAN RESOR LEBONG"),
            "teks 'WAKIL' tercetak di antara detail tanggal dan detail jabatan",
        ),
        (_detail(judul="DAFTAR LAIN"), "detail dokumen 'judul' pada lampiran"),
    ],
    ids=[
        "desa",
        "kecamatan",
        "polsek",
        "ket",
        "two-cells",
        "ket-appended",
        "nomor",
        "tanggal",
        "tempat",
        "penandatangan",
        "pangkat",
        "nrp",
        "jabatan",
        "jabatan-prefixed",
        "judul",
    ],
)
def test_pdf_text_changed_under_intact_data_names_the_row_column_or_detail(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Change,
    expected: str,
) -> None:
    src = signed / "penugasan-lampiran.pdf"
    nrp = next(r.nrp for r in _document(src).rows if r.no == 3)
    path = tmp_path / "forged.pdf"
    _forge_pdf(src, path, change, monkeypatch)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_VERIFY, out
    assert "BERUBAH" in out and expected.format(nrp=nrp) in out
    assert "tanda tangan tidak sah" not in out  # the signature of the data is still good


def test_pdf_printed_again_unchanged_is_intact(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The forging above by itself changes nothing verify sees: what fails is the change."""
    path = tmp_path / "again.pdf"
    _forge_pdf(signed / "penugasan-lampiran.pdf", path, lambda doc: doc, monkeypatch)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    assert r.exit_code == 0 and r.stdout.startswith("utuh:"), r.output
    r = verify(signed / "penugasan-lampiran.pdf")
    assert r.exit_code == 0, r.output


@pytest.fixture(scope="module")
def with_sprin(signed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """The order printed before its lampiran, signed on the Kapolres's behalf (a.n.)."""
    d = tmp_path_factory.mktemp("sprin")
    for f in signed.iterdir():
        shutil.copy(f, d / f.name)
    with (d / "dokumen.toml").open("a", encoding="utf-8") as fh:
        fh.write('atas_nama = "ya"\njabatan = "WAKIL KEPALA KEPOLISIAN RESOR LEBONG"\n')
    r = export(d, "--with-sprin", "--sign-key", d / "kapolres.pem")
    assert r.exit_code == 0, r.output
    return d


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda doc: doc, None),
        (_detail(nomor="Sprin/124/V/2023"), "detail dokumen 'nomor' pada Sprin"),
        (_detail(atas_nama="KEPALA KEPOLISIAN DAERAH BENGKULU"), "'atas_nama' pada Sprin"),
        (_detail(tembusan=("Kapolda Bengkulu",)), "teks 'Tembusan:KapoldaBengkulu' tercetak"),
    ],
    ids=["unchanged", "nomor", "atas_nama", "tembusan-added"],
)
def test_pdf_sprin_pages_are_checked_too(
    with_sprin: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Change,
    expected: str | None,
) -> None:
    src = with_sprin / "penugasan-lampiran.pdf"
    assert verify(src).exit_code == 0
    path = tmp_path / "forged.pdf"
    _forge_pdf(src, path, change, monkeypatch)
    r = verify(path, "--public-key", with_sprin / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    if expected is None:
        assert r.exit_code == 0, out
    else:
        assert r.exit_code == EXIT_VERIFY and expected in out, out


def _document(path: Path) -> Document:
    return document_from_canonical(PdfReader(path).attachments[ATTACH_CONTENT][0].decode("utf-8"))


# --- PDF: the footer, annotations, images and forms, pages ----------------------------------------


def _overlay(draw: Callable[[Any], None]) -> Any:
    """A landscape A4 page holding what ``draw`` puts on a reportlab canvas."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    buf = BytesIO()
    c = Canvas(buf, pagesize=landscape(A4))
    draw(c)
    c.showPage()
    c.save()
    return PdfReader(BytesIO(buf.getvalue())).pages[0]


def _stamp(c: Any) -> None:
    c.setFont("Helvetica-Bold", 40)
    c.drawString(200, 300, "DIBATALKAN")


def _image(c: Any) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(Image.new("RGB", (40, 10), "white")), 60, 300, 700, 40)


def _tamper_pdf(signed: Path, tmp: Path, change: Callable[[Any], None]) -> str:  # noqa: F811
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=signed / "penugasan-lampiran.pdf")
    change(writer)
    path = tmp / "t.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_VERIFY, out
    assert "tanda tangan tidak sah" not in out
    return out


def _text_after_footer(writer: Any) -> None:
    writer.pages[0].merge_page(_overlay(_stamp))


def _annotation(kind: str) -> Callable[[Any], None]:
    def change(writer: Any) -> None:
        from pypdf.annotations import FreeText, Link, Rectangle

        rect = (60, 300, 760, 340)
        annotation = {
            "FreeText": lambda: FreeText(text="DIBATALKAN", rect=rect),
            "Square": lambda: Rectangle(rect=rect, interior_color="ffffff"),
            "Link": lambda: Link(rect=rect, url="https://example.org"),
        }[kind]()
        writer.add_annotation(page_number=len(writer.pages) - 1, annotation=annotation)

    return change


def _image_added(writer: Any) -> None:
    writer.pages[0].merge_page(_overlay(_image))


def _page_copied(writer: Any) -> None:
    writer.add_page(writer.pages[0])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_text_after_footer, "kaki halaman 1 tidak seperti yang dicetak rwassign: 'DIBATALKAN'"),
        (_annotation("FreeText"), "halaman 3 diberi tambahan yang tidak dicetak rwassign: kotak"),
        (_annotation("Square"), "tidak dicetak rwassign: bentuk gambar (kotak, garis, lingkaran)"),
        (_annotation("Link"), "halaman 3 diberi tambahan yang tidak dicetak rwassign: tautan"),
        (_image_added, "halaman 1 memuat gambar tambahan di samping kode QR"),
        (_page_copied, "kaki halaman"),
    ],
    ids=["text-after-footer", "freetext", "square", "link", "image", "page-copied"],
)
def test_pdf_footer_annotations_images_and_pages_are_checked(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    change: Callable[[Any], None],
    expected: str,
) -> None:
    out = _tamper_pdf(signed, tmp_path, change)
    assert expected in out, out


def _details() -> Any:
    return build_details(
        {
            "polda": "BENGKULU",
            "polres": "LEBONG",
            "nomor": "Sprin/1/V/2023",
            "tanggal": "2023-05-15",
            "tempat": "Tubei",
            "penandatangan": "HENDRA WIJAYA",
            "pangkat": "AKBP",
            "nrp": "79051234",
        }
    )


def _doc_row(no: int, nama: str, polsek: str, jabatan: str = "BA SAT BINMAS") -> DocRow:
    return DocRow(
        no, nama, "BRIPKA", f"{90000000 + no}", jabatan, "RW 01", "Talang", "Amen", polsek,
        "berdomisili",
    )  # fmt: skip


def _pages(data: bytes) -> list[str]:
    from io import BytesIO

    return [p.extract_text() for p in PdfReader(BytesIO(data)).pages]


def test_pdf_letters_the_font_lacks_print_as_a_fallback_and_verify(tmp_path: Path) -> None:
    """A letter the embedded font has no glyph for (Ā, an emoji, a CJK character) is drawn as
    its base letter or '?', never as an empty box, and the untouched file is intact."""
    rows = (
        _doc_row(1, "ABDUL GHĀNI", "Polsek Amen"),
        _doc_row(2, "NGUYỄN 😀 中", "Polsek Amen", jabatan="BA SAT BINMAS ĀĒĪ"),
    )
    details = dataclasses.replace(_details(), penandatangan="HENDRA GHĀNI")
    doc = Document(details, rows)
    path = tmp_path / "glyphs.pdf"
    path.write_bytes(render_pdf(doc))
    text = "\n".join(_pages(path.read_bytes()))
    assert "ABDUL GHANI" in text and "NGUYEN ? ?" in text and "HENDRA GHANI" in text
    assert "\x00" not in text
    r = verify(path)
    assert r.exit_code == 0 and r.stdout.startswith("utuh:"), r.output


def test_pdf_polsek_band_goes_to_the_page_of_its_first_row(tmp_path: Path) -> None:
    """Twenty short rows of Polsek Amen leave room at the foot of page 1 for the band of
    Polsek Tubei but not for its first (tall) row: the band moves to page 2 with that row, and
    no page goes on with a '(lanjutan)' band of another Polsek."""
    tall = " ".join(["BANIT BINMAS POLSEK LEBONG"] * 8)
    rows = (
        *(_doc_row(i, f"ANGGOTA {i}", "Polsek Amen") for i in range(1, 21)),
        _doc_row(21, "ANGGOTA TINGGI", "Polsek Tubei", jabatan=tall),
        _doc_row(22, "ANGGOTA LAIN", "Polsek Tubei"),
    )
    path = tmp_path / "band.pdf"
    path.write_bytes(render_pdf(Document(_details(), rows)))
    first, second = _pages(path.read_bytes())[:2]
    assert "ANGGOTA 20" in first and "ANGGOTA TINGGI" in second  # the break is there
    assert "POLSEK TUBEI" not in first
    assert "(lanjutan)" not in second
    body = second.split("KET", 1)[1].split()
    assert body[:3] == ["POLSEK", "TUBEI", "21"], body[:6]
    r = verify(path)
    assert r.exit_code == 0 and r.stdout.startswith("utuh:"), r.output
