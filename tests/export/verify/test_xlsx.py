"""``rwassign verify`` against tampering of an XLSX that leaves the embedded data and its
signature alone: hidden rows or columns, invisible text, another print area, added sheets and
pictures, other page setup and cell looks.  Uses the signed export of
``tests/export/verify/test_verify.py``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from rwassign.errors import EXIT_VERIFY
from tests.export.test_export import plan_dir  # noqa: F401 - module fixture reused
from tests.export.verify.test_verify import signed, verify  # noqa: F401 - module fixture reused

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
    row = _table_row(openpyxl.load_workbook(signed / "penugasan-lampiran.xlsx")["Lampiran"], 3)
    out = _tamper_xlsx(signed, tmp_path, tamper)
    assert expected.format(row=row) in out


def test_xlsx_saved_again_unchanged_is_intact(signed: Path, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "t.xlsx"
    shutil.copy(signed / "penugasan-lampiran.xlsx", path)
    openpyxl.load_workbook(path).save(path)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    assert r.exit_code == 0 and r.stdout.startswith("utuh:"), r.output


# --- XLSX: the workbook, pictures, page setup, every look of a cell ------------------------------


def _tamper_xlsx(signed: Path, tmp: Path, tamper: Callable[[Worksheet], None]) -> str:  # noqa: F811
    path = tmp / "t.xlsx"
    shutil.copy(signed / "penugasan-lampiran.xlsx", path)
    wb = openpyxl.load_workbook(path)
    tamper(wb["Lampiran"])
    wb.save(path)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    out = " ".join(r.output.split())
    assert r.exit_code == EXIT_VERIFY, out
    assert "tanda tangan tidak sah" not in out
    return out


def _extra_sheet(ws: Worksheet) -> None:
    ws.parent.create_sheet("Catatan")["A1"] = "DIBATALKAN"


def _shown_copy(ws: Worksheet) -> None:
    """An edited copy is shown; the real sheet is hidden behind it."""
    wb = ws.parent
    copy = wb.copy_worksheet(ws)
    copy.title = "Lampiran (2)"
    ws.sheet_state = "hidden"
    wb.move_sheet(copy, -wb.index(copy))
    wb.active = 0


def _data_hidden_only(ws: Worksheet) -> None:
    ws.parent["_lampiran"].sheet_state = "hidden"


def _other_active(ws: Worksheet) -> None:
    wb = ws.parent
    wb.active = wb.index(wb.create_sheet("Lain"))


def _picture(ws: Worksheet, anchor: str = "B9") -> None:
    from io import BytesIO

    from openpyxl.drawing.image import Image as XlImage
    from PIL import Image

    buf = BytesIO()
    Image.new("RGB", (400, 60), "white").save(buf, format="PNG")
    ws.add_image(XlImage(BytesIO(buf.getvalue())), anchor)


def _qr_moved(ws: Worksheet) -> None:
    ws._images[0].anchor = "D9"  # type: ignore[attr-defined]


def _header(ws: Worksheet) -> None:
    assert ws.oddHeader is not None
    ws.oddHeader.center.text = "DIBATALKAN"


def _footer_right(ws: Worksheet) -> None:
    assert ws.oddFooter is not None
    ws.oddFooter.right.text = "PALSU"


def _first_footer(ws: Worksheet) -> None:
    assert ws.firstFooter is not None
    ws.firstFooter.center.text = "DIBATALKAN"
    ws.HeaderFooter.differentFirst = True


def _font_name(ws: Worksheet) -> None:
    ws.cell(_table_row(ws, 3), 2).font = Font(name="Wingdings")


def _strike(ws: Worksheet) -> None:
    ws.cell(_table_row(ws, 3), 2).font = Font(strike=True)


def _alignment(**values: Any) -> Callable[[Worksheet], None]:
    def tamper(ws: Worksheet) -> None:
        ws.cell(_table_row(ws, 3), 2).alignment = Alignment(
            **{"wrap_text": True, "vertical": "top", **values}
        )

    return tamper


def _scale(ws: Worksheet) -> None:
    ws.page_setup.scale = 10
    ws.sheet_properties.pageSetUpPr.fitToPage = False  # type: ignore[union-attr]


def _portrait(ws: Worksheet) -> None:
    ws.page_setup.orientation = "portrait"


def _margin(ws: Worksheet) -> None:
    ws.page_margins.left = 6


def _fit_height(ws: Worksheet) -> None:
    ws.page_setup.fitToHeight = 1


def _low_row_5(ws: Worksheet) -> None:
    ws.row_dimensions[_table_row(ws, 3)].height = 5


def _narrow_column(ws: Worksheet) -> None:
    ws.column_dimensions["B"].width = 10  # exported 26: less than half


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (_extra_sheet, "lembar 'Catatan' tidak ada pada dokumen yang diekspor"),
        (_shown_copy, "lembar 'Lampiran' tersembunyi, padahal diekspor tampil"),
        (_shown_copy, "lembar yang aktif 'Lampiran (2)', bukan 'Lampiran'"),
        (_other_active, "lembar yang aktif 'Lain', bukan 'Lampiran'"),
        (_picture, "gambar/objek pada lembar Lampiran: gambar di B9 (400x60 piksel, isi #"),
        (_qr_moved, "gambar/objek pada lembar Lampiran: gambar di D9 ("),
        (_header, "kepala halaman '&CDIBATALKAN' berbeda dari yang diekspor ('')"),
        (_footer_right, '&R&"Arial,Regular"&8 PALSU\' berbeda dari yang diekspor'),
        (_first_footer, "kaki halaman pertama '&CDIBATALKAN' berbeda"),
        (_font_name, "sel B{row} (NO 3): jenis huruf 'Wingdings' berbeda"),
        (_strike, "sel B{row} (NO 3): coret 'ya' berbeda dari dokumen yang diekspor ('tidak')"),
        (_alignment(indent=200), "sel B{row} (NO 3): indentasi '200' berbeda"),
        (_alignment(textRotation=90), "sel B{row} (NO 3): rotasi teks '90' berbeda"),
        (_alignment(horizontal="right"), "sel B{row} (NO 3): perataan mendatar 'right'"),
        (_alignment(vertical="bottom"), "sel B{row} (NO 3): perataan tegak 'bottom'"),
        (_scale, "pengaturan halaman skala '10' berbeda dari yang diekspor ('100')"),
        (_portrait, "pengaturan halaman orientasi 'portrait' berbeda"),
        (_margin, "pengaturan halaman margin kiri '6' berbeda dari yang diekspor ('0.5')"),
        (_fit_height, "pengaturan halaman tinggi (halaman) '1' berbeda dari yang diekspor ('0')"),
        (_low_row_5, "baris lembar {row} (NO 3) disembunyikan atau terlalu rendah"),
        (_narrow_column, "kolom B (NAMA) disembunyikan atau terlalu sempit"),
    ],
    ids=[
        "extra-sheet",
        "copy-shown",
        "copy-active",
        "other-active",
        "picture-added",
        "qr-moved",
        "odd-header",
        "odd-footer",
        "first-footer",
        "font-name",
        "strike",
        "indent",
        "rotation",
        "horizontal",
        "vertical",
        "scale",
        "orientation",
        "margin",
        "fit-height",
        "row-5pt",
        "column-narrow",
    ],
)
def test_xlsx_workbook_pictures_page_setup_and_cell_looks_are_checked(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    tamper: Callable[[Worksheet], None],
    expected: str,
) -> None:
    ws = openpyxl.load_workbook(signed / "penugasan-lampiran.xlsx")["Lampiran"]
    out = _tamper_xlsx(signed, tmp_path, tamper)
    assert expected.format(row=_table_row(ws, 3)) in out, out
