"""The byte measures of :mod:`rwassign.io.read.scan`, on sheets small enough to check by eye.

calamine is given a workbook only on these measures, so each way a writer can spell a cell is
pinned here: a value cell counts, a styled empty one does not, a cell without ``r`` or with a
prefix goes the general (or the streaming) way.
"""

from __future__ import annotations

import pytest

from rwassign.io.read.common import MAX_COLUMNS, MAX_ROWS
from rwassign.io.read.scan import scan_ods, scan_xlsx_sheet

_NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def _sheet(cells: bytes, ns: bytes = _NS) -> bytes:
    return ns + b"<sheetData><row>" + cells + b"</row></sheetData></worksheet>"


@pytest.mark.parametrize(
    ("cells", "rows", "columns"),
    [
        (b'<c r="C5"><v>1</v></c>', 5, 3),  # no attribute after r
        (b'<c r="D7" t="s"><v>0</v></c>', 7, 4),
        (b'<c r="A1"><v>1</v></c><c r="XFD1048576" s="1"/>', 1, 1),  # styled empty: not a value
        (b'<c r="B2" s="1" /><c r="AA3" t="inlineStr"><is><t>x</t></is></c>', 3, 27),
        (b'<c s="1" r="E9"><v>2</v></c>', 9, 5),  # r not first: the general pattern
    ],
)
def test_the_last_value_row_and_column_of_an_xlsx_sheet(
    cells: bytes, rows: int, columns: int
) -> None:
    scan = scan_xlsx_sheet(_sheet(cells))
    assert scan is not None
    assert (scan.rows, scan.columns) == (rows, columns)


def test_prefixed_cells_are_measured_by_the_general_pattern() -> None:
    ns = b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    xml = ns + b'<x:sheetData><x:row><x:c r="F4"><x:v>1</x:v></x:c></x:row></x:sheetData>'
    scan = scan_xlsx_sheet(xml)
    assert scan is not None and (scan.rows, scan.columns) == (4, 6)


def test_cells_without_r_or_past_a_bound_go_to_the_streaming_reader() -> None:
    assert scan_xlsx_sheet(_sheet(b"<c><v>1</v></c>")) is None
    assert scan_xlsx_sheet(_sheet(f'<c r="A{MAX_ROWS + 1}"><v>1</v></c>'.encode())) is None
    assert scan_xlsx_sheet(_sheet(b'<c r="SH1"><v>1</v></c>')) is None  # column 502
    assert MAX_COLUMNS < 502


def test_formulas_without_and_with_a_stored_value_and_error_cells() -> None:
    cells = (
        b'<c r="A1"><f>1+1</f></c>'  # never computed
        b'<c r="B1"><f>1+1</f><v>2</v></c>'
        b'<c r="C1" t="e"><f>NA()</f><v>#N/A</v></c>'
    )
    scan = scan_xlsx_sheet(_sheet(cells))
    assert scan is not None
    assert scan.no_value == [(1, 1)]
    assert scan.errors == [(1, 3, "#N/A")]


def test_ods_repeats_count_and_a_merge_is_kept() -> None:
    content = (
        b'<table:table table:name="Wilayah">'
        b'<table:table-row><table:table-cell office:value-type="string" '
        b'table:number-rows-spanned="3"><text:p>A</text:p></table:table-cell>'
        b'<table:table-cell table:number-columns-repeated="2"/>'
        b'<table:table-cell office:value-type="float" office:value="1" '
        b'table:number-columns-repeated="2"/></table:table-row>'
        b'<table:table-row table:number-rows-repeated="4"><table:table-cell/></table:table-row>'
        b'<table:table-row><table:table-cell table:formula="of:=1+1"/></table:table-row>'
        b"</table:table>"
    )
    (scan,) = scan_ods(content)
    # row 1: A1 holds a value, B1:C1 are empty, D1:E1 hold 1; rows 2-5 are empty; A6 is a
    # formula without a value (not a value), so the last value is E1.
    assert (scan.name, scan.rows, scan.columns) == ("Wilayah", 1, 5)
    assert scan.merges == [(1, 1, 3)]
    assert scan.no_value == [(6, 1)]


@pytest.mark.parametrize(
    ("xml", "refused"),
    [
        (b"&#1;", True),
        (b"&#15;", True),
        (b"&#x1F;", True),
        (b"\x01", True),
        (b"&#9;", False),
        (b"&#10;", False),
        (b"&#x0D;", False),
        (b"&#32;", False),
    ],
)
def test_characters_xml_forbids_send_a_sheet_to_the_streaming_reader(
    xml: bytes, refused: bool
) -> None:
    """openpyxl's parser refuses them (the file is unreadable, as before); calamine would not."""
    sheet = _sheet(b'<c r="A1" t="inlineStr"><is><t>RUDI' + xml + b"HARTONO</t></is></c>")
    assert (scan_xlsx_sheet(sheet) is None) is refused


def test_the_quick_control_check_agrees_with_the_pattern_on_every_byte() -> None:
    """``not_xml`` deletes the control bytes instead of searching for them: for every byte
    value, alone, in text, and beside a character reference, it says what the pattern says."""
    from rwassign.io.read.scan import _NOT_XML, not_xml

    for value in range(256):
        byte = bytes([value])
        for text in (byte, b"<t>RUDI" + byte + b"</t>", b"&#10;" + byte, byte + b"&#1;"):
            assert not_xml(text) is (_NOT_XML.search(text) is not None), text


@pytest.mark.parametrize(
    "formula",
    [b"<f>1+1</f>", b"<f\t>1+1</f>", b'<f\nt="normal">1+1</f>', b"<f/>"],
)
def test_a_formula_without_a_value_is_found_whatever_follows_its_tag(formula: bytes) -> None:
    """A tab or a line break after the tag's name is XML too (the pattern takes any white
    space); the quick look for a formula must not pass it by."""
    scan = scan_xlsx_sheet(_sheet(b'<c r="B3">' + formula + b"</c>"))
    assert scan is not None and scan.no_value == [(3, 2)]


def test_a_prefixed_formula_without_a_value_is_found() -> None:
    ns = b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    xml = ns + b'<x:sheetData><x:row><x:c r="D2"><x:f>1+1</x:f></x:c></x:row></x:sheetData>'
    scan = scan_xlsx_sheet(xml)
    assert scan is not None and scan.no_value == [(2, 4)]
