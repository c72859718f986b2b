"""``rwassign verify`` against tampering that leaves the embedded data and its signature alone:
the printed text of a PDF (any cell of a row, any document detail) and the look of an XLSX
(hidden rows or columns, invisible text, another print area).  Uses the tiny plan of
``tests/test_export.py`` and the signed export of ``tests/test_export_verify.py``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader

from rwassign.cli_export import EXIT_VERIFY
from rwassign.export.document import Document, document_from_canonical
from rwassign.export.pdf import ATTACH_CONTENT, ATTACH_SIGNATURE, render_pdf
from tests.test_export import export, plan_dir  # noqa: F401 - module fixture reused
from tests.test_export_verify import signed, verify  # noqa: F401 - module fixture reused

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
    assert "TIDAK UTUH" in out and expected.format(nrp=nrp) in out
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


# --- XLSX: what the sheet shows and prints ------------------------------------------------------


def _table_row(ws: Worksheet, no: int) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == no)


def _hide_row(ws: Worksheet) -> None:
    ws.row_dimensions[_table_row(ws, 3)].hidden = True


def _low_row(ws: Worksheet) -> None:
    ws.row_dimensions[_table_row(ws, 3)].height = 1


def _hide_column(ws: Worksheet) -> None:
    ws.column_dimensions["F"].hidden = True


def _white_font(ws: Worksheet) -> None:
    ws.cell(_table_row(ws, 3), 2).font = Font(color="FFFFFF")


def _fill(ws: Worksheet) -> None:
    ws.cell(_table_row(ws, 3), 6).fill = PatternFill("solid", fgColor="000000")


def _hidden_format(ws: Worksheet) -> None:
    ws.cell(_table_row(ws, 3), 2).number_format = ";;;"


def _conditional(ws: Worksheet) -> None:
    rule = CellIsRule(operator="notEqual", formula=['""'], font=Font(color="FFFFFF"))
    ws.conditional_formatting.add("B9:B20", rule)


def _print_area(ws: Worksheet) -> None:
    ws.print_area = "A1:I20"


def _print_titles(ws: Worksheet) -> None:
    ws.print_title_rows = "1:7"


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (_hide_row, "baris lembar {row} (NO 3) disembunyikan"),
        (_low_row, "baris lembar {row} (NO 3) disembunyikan atau terlalu rendah"),
        (_hide_column, "kolom F (DESA/KELURAHAN) disembunyikan"),
        (_white_font, "sel B{row} (NO 3): warna huruf 'FFFFFF' berbeda dari dokumen yang diekspor"),
        (_fill, "sel F{row} (NO 3): isian sel 'solid 000000' berbeda"),
        (_hidden_format, "sel B{row} (NO 3): format angka ';;;' berbeda"),
        (_conditional, "format bersyarat pada B9:B20 tidak ada"),
        (_print_area, "area cetak A1:I20 berbeda dari yang diekspor (A1:I"),
        (_print_titles, "baris/kolom judul cetak 1:7 / - berbeda dari yang diekspor (7:7 / -)"),
    ],
    ids=[
        "hidden-row",
        "low-row",
        "hidden-column",
        "white-font",
        "fill",
        "hidden-format",
        "conditional",
        "print-area",
        "print-titles",
    ],
)
def test_xlsx_hidden_or_invisible_content_fails_naming_where(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    tamper: Callable[[Worksheet], None],
    expected: str,
) -> None:
    path = tmp_path / "t.xlsx"
    shutil.copy(signed / "penugasan-lampiran.xlsx", path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Lampiran"]
    row = _table_row(ws, 3)
    tamper(ws)
    wb.save(path)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_VERIFY, out
    assert expected.format(row=row) in out
    assert "tanda tangan tidak sah" not in out


def test_xlsx_saved_again_unchanged_is_intact(signed: Path, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "t.xlsx"
    shutil.copy(signed / "penugasan-lampiran.xlsx", path)
    openpyxl.load_workbook(path).save(path)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    assert r.exit_code == 0 and r.stdout.startswith("utuh:"), r.output
