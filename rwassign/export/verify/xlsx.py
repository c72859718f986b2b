"""``verify`` of an XLSX: the workbook's sheets, every cell of ``Lampiran`` and its look, and
how the sheet prints.  What openpyxl does not read (rich-text runs, hyperlinks, data
validations, parts it does not know) is read from the package in ``package``.

The expected sheet is built again by ``rwassign.export.xlsx.build_sheet`` from the embedded
content, so a value or a look is compared with exactly what the export wrote; the drawn
objects are compared in ``drawings``, the page setup in ``printsetup``.  A font renamed in every
cell that used it (as an office program names fonts its own way) is a re-write, not a change
of look (see ``kinds``).

Long because reading the sheet within the reader's bounds, comparing each cell's value and its
look, and telling a renamed font from an edited one are one walk over the same cells; the
parts that stand alone (drawings, page setup, the package's parts) have their own modules.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from rwassign import i18n
from rwassign.export.layout import HEADERS
from rwassign.export.verify.claims import check_sheet_claims
from rwassign.export.verify.content import Reading, listing, load_content, parse_signature
from rwassign.export.verify.drawings import check_drawings
from rwassign.export.verify.package import check_package
from rwassign.export.verify.printsetup import check_print, yes
from rwassign.export.xlsx import DATA_SHEET, PROPERTY, SHEET, build_sheet
from rwassign.io.read.common import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    cell_elements,
    mib,
    zip_problem,
)

#: What openpyxl raises on a package that is not what it says: a cell pointing at a shared
#: string the workbook lacks (IndexError), a part that is not the XML it claims.
_MISREAD = (LookupError, SyntaxError, TypeError, AttributeError)


def verify_xlsx(path: Path, res: Reading) -> None:
    """Read the embedded content of an XLSX, rebuild the ``Lampiran`` sheet from it, compare
    every cell, its look, the print setup and the drawn objects."""
    too_large = _too_large(path)
    if too_large is not None:
        res.fail("verify.unreadable", path=str(path), detail=i18n.both(*too_large))
        return
    try:
        wb = load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, ValueError, *_MISREAD) as exc:
        res.fail("verify.unreadable", path=str(path), detail=str(exc) or type(exc).__name__)
        return
    for ws in wb.worksheets:
        if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
            code, limit = (
                ("sheet.too_many_rows", MAX_ROWS)
                if ws.max_row > MAX_ROWS
                else ("sheet.too_many_columns", MAX_COLUMNS)
            )
            detail = i18n.both(code, {"limit": limit})
            res.fail("verify.unreadable", path=str(path), detail=detail)
            return
    if SHEET in wb.sheetnames and DATA_SHEET not in wb.sheetnames:
        ws = wb[SHEET]
        footer = ws.oddFooter.left.text if ws.oddFooter is not None else None
        texts = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c]
        if check_sheet_claims(path, res, footer or "", texts):
            extra = [f"'{name}'" for name in wb.sheetnames if name != SHEET]
            if extra:
                res.fail("verify.sheet_extra", sheets=listing(extra))
            return
    if DATA_SHEET not in wb.sheetnames or SHEET not in wb.sheetnames:
        res.fail("verify.no_embedded", path=str(path))
        return
    _check_xlsx_sheets(res, wb)
    cells = [row[0] for row in wb[DATA_SHEET].iter_rows(max_col=1, values_only=True)]
    cells += [None] * (3 - len(cells))
    recorded = str(cells[1]) if cells[1] is not None else None
    text = "".join(str(c) for c in cells[3:] if c is not None)
    props = getattr(wb, "custom_doc_props", [])
    prop = next((p.value for p in props if p.name == PROPERTY), None)
    load_content(
        res,
        text,
        {
            "verify.where.data_sheet": recorded,
            "verify.where.xlsx_properties": str(prop) if prop else None,
        },
    )
    res.signature = parse_signature(str(cells[2]) if cells[2] else None)
    if res.document is None:
        return
    expected_wb = Workbook()
    expected = expected_wb.active
    assert expected is not None
    lay = build_sheet(expected, res.document, res.signature_record)
    actual = wb[SHEET]
    footer = actual.oddFooter.left.text if actual.oddFooter is not None else None
    if (res.fingerprint or "-") not in (footer or ""):
        res.fail("verify.page_fingerprint", page="footer")
    rows = max(actual.max_row, expected.max_row)
    cols = max(actual.max_column, expected.max_column, len(HEADERS))
    by_no: dict[int, list[str]] = {}
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            got = _norm(actual.cell(r, c).value)
            want = _norm(expected.cell(r, c).value)
            if got == want:
                continue
            if r in lay.row_no and c <= len(HEADERS):
                by_no.setdefault(lay.row_no[r], []).append(HEADERS[c - 1])
            elif r > lay.last_row and want == "":
                res.fail("verify.row_extra", row=r, text=got[:60])
                break
            else:
                cell = f"{actual.cell(r, c).coordinate}"
                res.fail("verify.cell_differs", cell=cell, actual=got[:60], expected=want[:60])
    for no, columns in sorted(by_no.items()):
        res.fail("verify.row_differs", no=no, columns=", ".join(columns))
    _check_xlsx_look(res, actual, expected, lay)
    check_print(res, actual, expected)
    check_drawings(res, path, expected)
    check_package(res, path)


def _too_large(path: Path) -> tuple[str, dict[str, Any]] | None:
    """The reader's bound (file size, part size, unpacked size) ``path`` passes, checked on the
    zip directory before openpyxl unpacks anything, so no file makes ``verify`` run for
    minutes or gigabytes; ``None`` for a file within them, or one that is no zip (openpyxl
    then says why)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return "file.too_large", {"size": mib(size), "limit": mib(MAX_FILE_BYTES)}
        with zipfile.ZipFile(path) as zf:
            found = zip_problem(zf.infolist())
            if found is not None:
                return found
            cells = cell_elements(zf)
            if cells > MAX_VERIFY_CELLS:
                return "file.too_many_cells_to_verify", {"count": cells, "limit": MAX_VERIFY_CELLS}
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError):
        return None
    return None


#: Cells of all sheets of an XLSX ``verify`` opens: openpyxl keeps each cell as an object of a
#: few hundred bytes, so this bounds its memory (a lampiran of 50,000 rows has 450,000 cells).
MAX_VERIFY_CELLS = 600_000
_STATES = {
    "visible": "verify.state.visible",
    "hidden": "verify.state.hidden",
    "veryHidden": "verify.state.veryHidden",
}


def _check_xlsx_sheets(res: Reading, wb: Any) -> None:
    """Only the two sheets of the export: ``Lampiran`` visible and active, the data sheet
    very hidden (a second, edited copy of the lampiran shown instead is found here).  Office
    programs that cannot write "very hidden" save the data sheet as merely hidden: still out of
    sight, so a re-write, not a change."""
    extra = [f"'{name}'" for name in wb.sheetnames if name not in (SHEET, DATA_SHEET)]
    if extra:
        res.fail("verify.sheet_extra", sheets=listing(extra))
    for name, want in ((SHEET, "visible"), (DATA_SHEET, "veryHidden")):
        got = wb[name].sheet_state
        if name == DATA_SHEET and got == "hidden":
            res.fail("verify.form.data_sheet_hidden", sheet=name)
        elif got != want:
            res.fail(
                "verify.sheet_state",
                sheet=name,
                actual=i18n.both(_STATES.get(got, "verify.state.hidden")),
                expected=i18n.both(_STATES[want]),
            )
    active = wb.active
    if active is None or active.title != SHEET:
        title = active.title if active is not None else "-"
        res.fail("verify.sheet_not_active", sheet=title, expected=SHEET)


# A row lower than this (points) hides its text, as does a row lower than half its exported
# height, or a column narrower than half its exported width.
_LOW_ROW = 8.0
_DEFAULT_FONT_SIZE = 11.0
_LOOKS = (
    "verify.look.font_colour",
    "verify.look.font_size",
    "verify.look.fill",
    "verify.look.number_format",
    "verify.look.font_name",
    "verify.look.bold",
    "verify.look.italic",
    "verify.look.underline",
    "verify.look.strikethrough",
    "verify.look.vert_align",
    "verify.look.horizontal",
    "verify.look.vertical",
    "verify.look.indent",
    "verify.look.rotation",
    "verify.look.wrap",
    "verify.look.shrink",
)


def _check_xlsx_look(res: Reading, actual: Any, expected: Any, lay: Any) -> None:
    """What the sheet shows and prints, beyond the cell values: no row or column of the
    printed range hidden, every cell's font colour and size, fill and number format as
    ``build_sheet`` made them, no conditional formatting, the same print area and titles."""

    def where(r: int) -> str:
        return f"{r} (NO {lay.row_no[r]})" if r in lay.row_no else str(r)

    got, want = _area(actual.print_area), _area(expected.print_area)
    if got != want:
        res.fail("verify.print_area", actual=got, expected=want)
    got, want = _titles(actual), _titles(expected)
    if got != want:
        res.fail("verify.print_titles", actual=got, expected=want)
    fmt = actual.sheet_format
    default_ht = float(fmt.defaultRowHeight) if fmt.customHeight else None
    hidden = []
    for r in range(1, lay.last_row + 1):
        dim, want = actual.row_dimensions.get(r), expected.row_dimensions.get(r)
        ht = dim.ht if dim is not None and dim.ht is not None else default_ht
        exported = float(want.ht) if want is not None and want.ht is not None else 0.0
        if (
            (fmt.zeroHeight and (dim is None or dim.ht is None))  # hides rows of no height
            or (dim is not None and dim.hidden)
            or (ht is not None and float(ht) < max(_LOW_ROW, exported / 2))
        ):
            hidden.append(r)
    if hidden:
        res.fail("verify.row_hidden", rows=listing([where(r) for r in hidden]))
    default_width = (
        float(fmt.defaultColWidth) if fmt.defaultColWidth else (fmt.baseColWidth or 8) + 0.43
    )
    width = dict.fromkeys(range(1, len(HEADERS) + 1), default_width)
    narrow: set[int] = set()
    for key, dim in actual.column_dimensions.items():
        first = dim.min or column_index_from_string(key)
        for c in range(first, (dim.max or first) + 1):
            if dim.hidden:
                narrow.add(c)
            if dim.width is not None:
                width[c] = float(dim.width)
    for c in range(1, len(HEADERS) + 1):
        want = expected.column_dimensions.get(get_column_letter(c))
        if want is not None and want.width and width[c] < float(want.width) / 2:
            narrow.add(c)
    columns = sorted(c for c in narrow if c <= len(HEADERS))
    if columns:
        names = [f"{get_column_letter(c)} ({HEADERS[c - 1]})" for c in columns]
        res.fail("verify.column_hidden", columns=", ".join(names))
    ranges = [str(cf.sqref) for cf in actual.conditional_formatting]
    if ranges:
        res.fail("verify.conditional_format", ranges=listing(ranges))
    differ: dict[tuple[int, str, str], list[str]] = {}
    rows = max(lay.last_row, expected.max_row)
    cols = max(len(HEADERS), expected.max_column)
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            got_look, want_look = _look(actual.cell(r, c)), _look(expected.cell(r, c))
            if got_look == want_look:
                continue
            cell = f"{get_column_letter(c)}{where(r)}"
            for k, (got, want) in enumerate(zip(got_look, want_look, strict=True)):
                if got != want:
                    differ.setdefault((k, got, want), []).append(cell)
    renamed = _renamed_fonts(differ, actual, expected, rows, cols)
    for old, new in sorted(renamed.items()):
        if old == "-":  # exported without a name: the program named the font it shows
            res.fail("verify.form.font_named", actual=new)
        else:
            res.fail("verify.form.font_renamed", expected=old, actual=new)
    for (k, got, want), cells in differ.items():
        if k == _FONT_NAME and want in renamed:
            continue
        res.fail(
            "verify.cell_style",
            cells=listing(cells),
            what=i18n.both(_LOOKS[k]),
            actual=got,
            expected=want,
        )


_FONT_NAME = _LOOKS.index("verify.look.font_name")

# Fonts that draw symbols, not letters: text set in one of them cannot be read.
_SYMBOL_FONTS = {"symbol", "webdings", "wingdings", "wingdings 2", "wingdings 3", "marlett"}
_SYMBOL_FONTS |= {"zapf dingbats", "zapfdingbats", "dingbats", "opensymbol", "mt extra"}


def _renamed_fonts(
    differ: dict[tuple[int, str, str], list[str]], actual: Any, expected: Any, rows: int, cols: int
) -> dict[str, str]:
    """The exported font names another program renamed everywhere (old -> new): every cell
    exported in that font now shows one same other font, which draws letters.  LibreOffice,
    for one, names a font it does not have after the one it shows instead.  A font changed in
    some cells only, or to a symbol font, is an edit of the look: a ``verify.cell_style``."""
    shown: dict[str, set[str]] = {}
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            want = _look(expected.cell(r, c))[_FONT_NAME]
            shown.setdefault(want, set()).add(_look(actual.cell(r, c))[_FONT_NAME])
    return {
        want: got
        for (k, got, want) in differ
        if k == _FONT_NAME and shown.get(want) == {got} and got.lower() not in _SYMBOL_FONTS
    }


def _look(cell: Any) -> tuple[str, ...]:
    """Font colour, font size, fill, number format, font name and style, alignment of a cell,
    as comparable text (the order of ``_LOOKS``)."""
    font, fill, align = cell.font, cell.fill, cell.alignment
    colour = _colour(font.color if font is not None else None)
    if colour in ("000000", "theme 1"):  # black or the theme's text colour: automatic
        colour = "auto"
    size = font.sz if font is not None and font.sz is not None else _DEFAULT_FONT_SIZE
    if fill is None:
        paint = "-"
    elif getattr(fill, "tagname", "") == "gradientFill":
        paint = "gradient"
    elif not fill.fill_type or fill.fill_type == "none":
        paint = "-"
    else:
        paint = f"{fill.fill_type} {_colour(fill.fgColor)}"
    style = (
        (font.name or "-", bool(font.b), bool(font.i), font.u, bool(font.strike))
        if font is not None
        else ("-", False, False, None, False)
    )
    name, bold, italic, underline, strike = style
    vert = (font.vertAlign if font is not None else None) or "-"
    if align is None:
        placed: tuple[Any, ...] = ("general", "bottom", 0.0, 0, False, False)
    else:
        placed = (
            align.horizontal or "general",
            align.vertical or "bottom",
            float(align.indent or 0),
            int(align.textRotation or 0),
            bool(align.wrap_text),
            bool(align.shrink_to_fit),
        )
    horizontal, vertical, indent, rotation, wrap, shrink = placed
    return (
        colour,
        f"{float(size):g}",
        paint,
        str(cell.number_format),
        str(name),
        yes(bold),
        yes(italic),
        str(underline or "-"),
        yes(strike),
        str(vert),
        str(horizontal),
        str(vertical),
        f"{indent:g}",
        str(rotation),
        yes(wrap),
        yes(shrink),
    )


def _colour(color: Any) -> str:
    if color is None:
        return "auto"
    kind = getattr(color, "type", None)
    if kind == "rgb" and isinstance(color.rgb, str):
        return color.rgb[-6:].upper()
    if kind == "indexed":
        index = int(color.indexed)
        return COLOR_INDEX[index][-6:] if index < len(COLOR_INDEX) else "auto"
    if kind == "theme":
        tint = float(color.tint or 0)
        return f"theme {color.theme}" + (f" tint {tint:g}" if tint else "")
    return "auto"


def _area(value: str | None) -> str:
    """``'Lampiran'!$A$1:$I$58`` -> ``A1:I58`` (the sheet named or not, several ranges)."""
    if not value:
        return "-"
    parts = [p.rpartition("!")[2].replace("$", "").upper() for p in str(value).split(",")]
    return ",".join(parts)


def _titles(ws: Any) -> str:
    return f"{_area(ws.print_title_rows)} / {_area(ws.print_title_cols)}"


def _norm(value: Any) -> str:
    """A cell's value as comparable text.  A carriage return comes back as a line feed: XML
    reads every line end as one (a ``CR`` typed into a name is stored, never lost)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n")
