"""The xlsxwriter drawing of a laid-out sheet (:mod:`rwassign.io.write.xlsx`): every value by
its type, so a text that looks like a formula, a link or a number stays that text."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from rwassign.io.write.grid import Book, Rich, Run, Sheet, Style
from rwassign.io.write.xlsx import DOCUMENT_DATE, render

_FORMULA_XML = re.compile(rb"<(?:\w+:)?f[ >/]")
LOOKALIKES = [
    "=1+1",
    '=HYPERLINK("http://x","Gandung")',
    "+62 811",
    "-1+2",
    "@SUM(1+1)",
    "#N/A",
    "http://contoh.go.id",
    "mailto:a@b.id",
    "00123",
    "1e5",
    "3.14",
    "TRUE",
]


def _draw(sheet: Sheet) -> bytes:
    buffer = io.BytesIO()
    render(Book([sheet]), buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("text", LOOKALIKES)
def test_a_text_stays_a_text(text: str) -> None:
    sheet = Sheet("S")
    sheet.append([text, 7, 2.5, True, None, ""], Style())
    data = _draw(sheet)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert not _FORMULA_XML.search(z.read("xl/worksheets/sheet1.xml"))
        assert b"hyperlink" not in z.read("xl/worksheets/sheet1.xml")
    ws = openpyxl.load_workbook(io.BytesIO(data))["S"]
    a1 = ws["A1"]
    assert (a1.value, a1.data_type) == (text, "s")
    assert [ws["B1"].value, ws["C1"].value, ws["D1"].value] == [7, 2.5, True]
    assert ws["E1"].value is None and ws["F1"].value is None  # an empty text: an empty cell


def test_a_carriage_return_is_stored_as_the_line_feed_readers_see() -> None:
    sheet = Sheet("S")
    sheet.append(["BUDI\rSANTOSO", "A\r\nB"])
    ws = openpyxl.load_workbook(io.BytesIO(_draw(sheet)))["S"]
    assert [ws["A1"].value, ws["B1"].value] == ["BUDI\nSANTOSO", "A\nB"]


def test_styles_rich_text_and_layout_reach_the_file() -> None:
    sheet = Sheet("Lembar Uji")
    bold = Style(bold=True, size=9, fill="DDEBF7", vertical="center", wrap=True)
    sheet.append(["NO", "NRP"], bold)
    sheet.append([1, "00123"], Style(number_format="@", horizontal="right", indent=1))
    sheet.append_cells([])
    sheet.cell(3, 1).value = Rich((Run("Label\n"), Run("kunci", 8, "808080")))
    sheet.merge(3, 1, 2)
    sheet.widths = [4.5, 14.0]
    sheet.heights = {1: 24.9, 2: 14.8, 3: 30.0}
    sheet.frozen_rows = 1
    sheet.autofilter = (2, 2)
    wb = openpyxl.load_workbook(io.BytesIO(_draw(sheet)), rich_text=True)
    ws = wb["Lembar Uji"]
    head = ws["A1"]
    assert (head.font.name, head.font.b, head.font.sz) == ("Arial", True, 9)
    assert head.fill.fgColor.rgb.endswith("DDEBF7") and head.alignment.wrap_text
    nrp = ws["B2"]
    assert (nrp.value, nrp.number_format, nrp.alignment.horizontal, nrp.alignment.indent) == (
        "00123", "@", "right", 1,
    )  # fmt: skip
    assert [b.text for b in ws["A3"].value] == ["Label\n", "kunci"]
    assert [str(r) for r in ws.merged_cells.ranges] == ["A3:B3"]
    assert [ws.row_dimensions[r].height for r in (1, 2, 3)] == [24.9, 14.8, 30.0]
    assert ws.column_dimensions["A"].width == 4.5
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:B2"
    assert wb.properties.created == DOCUMENT_DATE and wb.properties.creator == "rwassign"


def test_a_very_hidden_sheet() -> None:
    shown, hidden = Sheet("Terlihat"), Sheet("_data")
    shown.append(["x"])
    hidden.append(["=rahasia"])
    hidden.very_hidden = True
    buffer = io.BytesIO()
    render(Book([shown, hidden]), buffer)
    wb = openpyxl.load_workbook(buffer)
    assert wb["_data"].sheet_state == "veryHidden" and wb["_data"]["A1"].value == "=rahasia"


def test_a_written_workbook_is_freed_without_the_garbage_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rendering breaks xlsxwriter's worksheet -> workbook back-reference once the file is
    written, so the workbook and its cell table go as soon as they are dropped: with the
    collector off, no worksheet of it stays alive."""
    import gc
    import weakref

    from rwassign.io.write import xlsx

    made: list[weakref.ref[object]] = []
    real = xlsx.quick.QuickBook.add_worksheet

    def add_worksheet(self: xlsx.quick.QuickBook, *args: object, **kwargs: object) -> object:
        sheet = real(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(weakref.ref(sheet))
        return sheet

    monkeypatch.setattr(xlsx.quick.QuickBook, "add_worksheet", add_worksheet)
    sheet = Sheet("Penugasan")
    for k in range(50):
        label = Rich((Run("RW ", 9.0), Run(str(k), 7.0, "808080")))
        sheet.append([f"RW {k}", k, label], Style(bold=k % 2 == 0))
    was = gc.isenabled()
    gc.disable()
    try:
        _draw(sheet)
        alive = [ref for ref in made if ref() is not None]
    finally:
        if was:
            gc.enable()
    assert len(made) == 1 and alive == []
