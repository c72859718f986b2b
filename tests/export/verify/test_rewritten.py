"""The three verdicts of ``rwassign verify``: utuh (0), ditulis ulang (7), berubah (6).

A re-write by the office programs people really use (ghostscript, pdftocairo, LibreOffice Calc
and Draw) is "ditulis ulang", never "utuh" and never "berubah"; the same programs run over a
copy with one name edited give "berubah".  The programs run where installed (skipped with the
reason otherwise); the recorded fixtures of ``data/`` (``rewriters.py`` records them) test the
same verdicts on any machine.  Every verdict mentions the signature.
"""

from __future__ import annotations

import ast
import re
import shutil
from copy import copy
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from rwassign import i18n
from rwassign.errors import EXIT_OK, EXIT_REWRITTEN, EXIT_VERIFY, VERDICT_CODES
from rwassign.export.signing import load_public
from rwassign.export.verify import Status, verify_file
from rwassign.export.verify.kinds import FINDINGS, Kind
from tests.export.test_export import plan_dir  # noqa: F401 - module fixture reused
from tests.export.verify import rewriters
from tests.export.verify.test_verify import signed, verify  # noqa: F401 - module fixture reused

DATA = Path(__file__).parent / "data"
PACKAGE = Path(__file__).parents[3] / "rwassign"
SIGNED_OK = "tanda tangan Ed25519 sah"

# --- recorded fixtures ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "expected"),
    [
        ("lampiran.pdf", EXIT_OK, ["utuh:", SIGNED_OK]),
        ("lampiran.xlsx", EXIT_OK, ["utuh:", SIGNED_OK]),
        (
            "lampiran-gs.pdf",
            EXIT_REWRITTEN,
            [
                "DITULIS ULANG oleh program lain",
                "tampilannya tidak lagi dijamin",
                "salinan sidik di sifat dokumen dihapus",
                "disematkan ulang",
                "kode QR halaman 1-3 digambar ulang dan masih terbaca sama",
                "disimpan ulang oleh: GPL Ghostscript",
                SIGNED_OK,
            ],
        ),
        (
            "lampiran-cairo.pdf",
            EXIT_REWRITTEN,
            [
                "DITULIS ULANG oleh program lain",
                "data tertanam dihapus",
                "menyatakan Sprin nomor SPRIN/123/V/2023, sidik SHA-256 0598d3d9",
                "tidak dapat diperiksa: isi setiap baris",
                "tanda tangan digital tidak dapat diperiksa: terhapus bersama data tertanam",
            ],
        ),
        (
            "lampiran-calc.xlsx",
            EXIT_REWRITTEN,
            [
                "DITULIS ULANG oleh program lain",
                "lembar data '_lampiran' kini tersembunyi biasa, bukan sangat tersembunyi",
                "kaki halaman: teksnya sama, hanya penanda jenis hurufnya ditulis ulang",
                SIGNED_OK,
            ],
        ),
        (
            "lampiran-gs-edited.pdf",
            EXIT_VERIFY,
            [
                "BERUBAH:",
                "baris NO 3 (ANGGOTA NOMOR 3, NRP 80030031): NAMA pada teks dokumen berbeda",
                SIGNED_OK,
            ],
        ),
        (
            "lampiran-calc-edited.xlsx",
            EXIT_VERIFY,
            ["BERUBAH:", "baris NO 3: NAMA berbeda dari data tertanam", SIGNED_OK],
        ),
    ],
)
def test_recorded_rewrites_get_their_verdict(name: str, code: int, expected: list[str]) -> None:
    """If the lampiran's layout changed, record the fixtures again: ``python -m
    tests.export.verify.rewriters`` (the untouched ``lampiran.*`` then verify again)."""
    r = verify(DATA / name, "--public-key", DATA / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == code, out
    for text in expected:
        assert text in out, (text, out)
    assert "FormXob" not in out and "/Form" not in out  # no PDF jargon


def test_recorded_fixtures_are_small() -> None:
    files = sorted(DATA.glob("lampiran*"))
    assert len(files) == 7
    assert all(f.stat().st_size < 200_000 for f in files)


def test_a_rewrite_is_a_value_with_status_and_exit_code() -> None:
    trusted = load_public(DATA / "kapolres.pub.pem")
    gs = verify_file(DATA / "lampiran-gs.pdf", trusted)
    assert gs.status is Status.DITULIS_ULANG and gs.exit_code == EXIT_REWRITTEN
    assert gs.status_name == "REWRITTEN" and not gs.intact and gs.problems == ()
    assert gs.document is not None and not gs.from_pages
    assert "verify.signature_ok" in [n.code for n in gs.notes]
    cairo = verify_file(DATA / "lampiran-cairo.pdf", trusted)
    assert cairo.status is Status.DITULIS_ULANG and cairo.from_pages
    assert cairo.fingerprint == gs.fingerprint and cairo.document is None
    assert [f.code for f in cairo.rewrites] == ["verify.form.data_dropped"]
    edited = verify_file(DATA / "lampiran-gs-edited.pdf", trusted)
    assert edited.status is Status.BERUBAH and edited.exit_code == EXIT_VERIFY
    assert {code for _, code in VERDICT_CODES.values()} == {0, 6, 7}


def test_rewritten_in_english() -> None:
    r = verify(DATA / "lampiran-calc.xlsx", "--lang", "en")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_REWRITTEN
    assert "RE-WRITTEN by another program" in out and "no longer guaranteed" in out
    assert "page footer: the same text, only its font markers were re-written" in out


def test_dropped_data_naming_another_key_is_changed() -> None:
    """The pages of a file without its data name the key that signed it: another key than
    the one given is a change, even though the signature itself cannot be checked."""
    r = verify(DATA / "lampiran-cairo.pdf", "--public-key", DATA / "kapolres.pub.pem")
    assert r.exit_code == EXIT_REWRITTEN  # the key named is the one given
    from rwassign.export.verify.content import Reading, check_signature

    res = Reading(fingerprint="0" * 64, from_pages=True, claimed_key="0123456789abcdef")
    check_signature(res, load_public(DATA / "kapolres.pub.pem"))
    assert [f.code for f in res.problems] == ["verify.signature_other_key"]


# --- the real programs ---------------------------------------------------------------------------


def _program(name: str) -> None:
    why = rewriters.missing(name)
    if why:
        pytest.skip(why)


@pytest.mark.parametrize(
    ("rewriter", "suffix", "expected"),
    [
        ("ghostscript", "pdf", "kode QR halaman 1-3 digambar ulang dan masih terbaca sama"),
        ("pdftocairo", "pdf", "data tertanam dan tanda tangan digital dihapus"),
        ("draw", "pdf", "data tertanam dan tanda tangan digital dihapus"),
        ("calc", "xlsx", "lembar data '_lampiran' kini tersembunyi biasa"),
    ],
)
def test_office_programs_rewrite_an_untouched_lampiran(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    rewriter: str,
    suffix: str,
    expected: str,
) -> None:
    _program(rewriter)
    src = signed / f"penugasan-lampiran.{suffix}"
    dst = tmp_path / f"ulang.{suffix}"
    rewriters.REWRITERS[rewriter][1](src, dst)
    r = verify(dst, "--public-key", signed / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_REWRITTEN, out
    assert "DITULIS ULANG oleh program lain" in out and expected in out
    assert "tanda tangan" in out  # valid, or said to be dropped with the data


@pytest.mark.parametrize(("rewriter", "suffix"), [("ghostscript", "pdf"), ("calc", "xlsx")])
def test_office_programs_do_not_launder_an_edited_name(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    rewriter: str,
    suffix: str,
) -> None:
    _program(rewriter)
    src = signed / f"penugasan-lampiran.{suffix}"
    edited = tmp_path / f"edited.{suffix}"
    edit = rewriters.edit_name_pdf if suffix == "pdf" else rewriters.edit_name_xlsx
    edit(src, edited, 3, "ORANG LAIN")
    dst = tmp_path / f"ulang.{suffix}"
    rewriters.REWRITERS[rewriter][1](edited, dst)
    r = verify(dst, "--public-key", signed / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_VERIFY, out
    assert "BERUBAH:" in out and "NO 3" in out and "NAMA" in out and SIGNED_OK in out


def test_a_row_covered_then_rewritten_is_changed(signed: Path, tmp_path: Path) -> None:  # noqa: F811
    """A white box drawn over a row leaves its text in the file; after a re-write the drawing
    is new anyway, so only what the page shows can tell: the rendered page differs."""
    _program("ghostscript")
    from io import BytesIO

    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    buf = BytesIO()
    c = Canvas(buf, pagesize=landscape(A4))
    c.setFillColorRGB(1, 1, 1)
    c.rect(40, 380, 760, 30, stroke=0, fill=1)
    c.showPage()
    c.save()
    writer = PdfWriter(clone_from=signed / "penugasan-lampiran.pdf")
    writer.pages[0].merge_page(PdfReader(BytesIO(buf.getvalue())).pages[0])
    covered = tmp_path / "covered.pdf"
    with covered.open("wb") as fh:
        writer.write(fh)
    dst = tmp_path / "ulang.pdf"
    rewriters.ghostscript(covered, dst)
    r = verify(dst, "--public-key", signed / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_VERIFY, out
    assert "halaman 1 tampak berbeda dari yang dicetak rwassign" in out


# --- classifications of single findings ----------------------------------------------------


def _save(signed: Path, tmp: Path, change) -> str:  # noqa: F811
    path = tmp / "t.xlsx"
    shutil.copy(signed / "penugasan-lampiran.xlsx", path)
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    return f"{r.exit_code} " + " ".join(r.output.split())


def _fonts_everywhere(name: str):
    """Every font of the style table renamed, as a program does that names fonts its own way."""

    def change(wb: openpyxl.Workbook) -> None:
        for font in wb._fonts:  # type: ignore[attr-defined]
            font.name = name

    return change


def _data_sheet(state: str):
    def change(wb: openpyxl.Workbook) -> None:
        wb["_lampiran"].sheet_state = state

    return change


def _header_margin(inches: float):
    def change(wb: openpyxl.Workbook) -> None:
        wb["Lampiran"].page_margins.header = inches

    return change


def _one_font(wb: openpyxl.Workbook) -> None:
    ws = wb["Lampiran"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == 3)
    font = copy(ws.cell(row, 2).font)
    font.name = "Arial Black"
    ws.cell(row, 2).font = font


@pytest.mark.parametrize(
    ("change", "code", "expected"),
    [
        (_data_sheet("hidden"), 7, "lembar data '_lampiran' kini tersembunyi biasa"),
        (_data_sheet("visible"), 6, "lembar '_lampiran' tampil, padahal diekspor sangat"),
        (_fonts_everywhere("Liberation Sans"), 7, "dinamai 'Liberation Sans' di semua sel"),
        (_fonts_everywhere("Wingdings"), 6, "jenis huruf 'Wingdings' berbeda"),
        (_one_font, 6, "jenis huruf 'Arial Black' berbeda dari dokumen yang diekspor"),
        (_header_margin(0.5), 7, "margin kepala dibulatkan: 12.7 mm (semula 13.0 mm)"),
        (_header_margin(0.6), 6, "pengaturan halaman margin kepala '0.6' berbeda"),
    ],
    ids=[
        "data-hidden",
        "data-visible",
        "font-everywhere",
        "symbol-font-everywhere",
        "font-one-cell",
        "margin-rounded",
        "margin-moved",
    ],
)
def test_xlsx_form_or_content_by_value(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    change,
    code: int,
    expected: str,
) -> None:
    out = _save(signed, tmp_path, change)
    assert out.startswith(f"{code} ") and expected in out, out
    assert SIGNED_OK in out


def _open_action(writer: PdfWriter) -> None:
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('x')"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = action


def _attachment(writer: PdfWriter) -> None:
    writer.add_attachment("catatan.txt", b"DIBATALKAN")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_open_action, "isi aktif yang tidak dibuat rwassign: tindakan yang dijalankan saat"),
        (_attachment, "isi aktif yang tidak dibuat rwassign: berkas lampiran catatan.txt"),
    ],
    ids=["open-action", "attachment"],
)
def test_pdf_active_content_is_changed(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    change,
    expected: str,
) -> None:
    writer = PdfWriter(clone_from=signed / "penugasan-lampiran.pdf")
    change(writer)
    path = tmp_path / "t.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_VERIFY and expected in out, out


# --- the one table ------------------------------------------------------------------------


def _finding_codes() -> set[str]:
    """Every code the verify package records with ``fail(...)``."""
    codes: set[str] = set()
    for path in (PACKAGE / "export" / "verify").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "fail"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                codes.add(str(node.args[0].value))
    return codes


def test_every_finding_is_classified_in_the_table_and_has_both_languages() -> None:
    used = _finding_codes()
    assert len(used) > 30
    assert used <= set(FINDINGS), sorted(used - set(FINDINGS))
    assert set(FINDINGS) <= used, sorted(set(FINDINGS) - used)  # no stale row
    for code in FINDINGS:
        assert code in i18n.CATALOGUE, code
    rewrites = {c for c, k in FINDINGS.items() if k is Kind.REWRITTEN}
    assert all(c.startswith("verify.form.") for c in rewrites)
    assert all(kind is Kind.CHANGED for c, kind in FINDINGS.items() if c not in rewrites)


def test_readme_documents_the_three_verdicts() -> None:
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"^\| 7 \|.*ditulis ulang", table, re.MULTILINE)
    assert re.search(r"^\| 6 \|.*berubah", table, re.MULTILINE)
    for word in ("utuh", "ditulis ulang", "berubah"):
        assert word in readme


def test_a_font_program_swapped_under_the_same_drawing_is_never_intact(
    signed: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The drawing instructions stay, but the regular font's program is the bold one's: the
    same letters, bolder.  The fonts are compared by hash, so the file is not "utuh"; the
    pages, looked at because the fonts differ, still show the same text (bold strokes are
    within the look check's 2 px), so it is a re-write whose look is not guaranteed."""
    writer = PdfWriter(clone_from=signed / "penugasan-lampiran.pdf")
    fonts = writer.pages[0]["/Resources"]["/Font"]
    programs = [
        ref.get_object()["/FontDescriptor"]["/FontFile2"].get_object() for ref in fonts.values()
    ]
    programs[0].set_data(programs[1].get_data())
    path = tmp_path / "t.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_REWRITTEN, out
    assert "huruf BitstreamVeraSans-Bold, BitstreamVeraSans-Roman disematkan ulang" in out


def _drop_data_sheet(wb: openpyxl.Workbook) -> None:
    del wb["_lampiran"]


def _drop_data_sheet_and_footer(wb: openpyxl.Workbook) -> None:
    del wb["_lampiran"]
    footer = wb["Lampiran"].oddFooter
    assert footer is not None and footer.left.text is not None
    footer.left.text = re.sub(r"[0-9a-f]{64}", "f" * 64, footer.left.text)


@pytest.mark.parametrize(
    ("change", "code", "expected"),
    [
        (
            _drop_data_sheet,
            7,
            "menyatakan Sprin nomor SPRIN/123/V/2023, sidik SHA-256 ",
        ),
        (_drop_data_sheet_and_footer, 6, "sidik yang tercetak di halaman 1 tidak sama"),
    ],
    ids=["data-sheet-dropped", "data-sheet-dropped-footer-changed"],
)
def test_xlsx_without_its_data_sheet_is_checked_by_what_it_prints(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    change,
    code: int,
    expected: str,
) -> None:
    out = _save(signed, tmp_path, change)
    assert out.startswith(f"{code} ") and expected in out, out
    assert "tanda tangan digital tidak dapat diperiksa" in out
