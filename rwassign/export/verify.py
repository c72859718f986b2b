"""``rwassign verify``: is a printed lampiran (PDF or XLSX) still what was exported?

Three layers, each naming what failed:

1. the embedded canonical content must hash to the fingerprint recorded beside it (PDF
   metadata / XLSX hidden sheet and document property): a changed byte of the data fails;
2. the visible document must say what the content says: for an XLSX every cell of the
   ``Lampiran`` sheet is compared with a sheet rebuilt from the content (differing table rows
   are named by their NO and columns), and so is what makes a cell visible or printed (font
   colour, size, name and style, fill, number format, alignment, indent and rotation, hidden,
   too low or too narrow rows and columns, conditional formatting, print area and titles,
   page headers and footers, page setup, the pictures and other drawn objects), and the
   workbook holds only ``Lampiran`` (visible, active) and the very hidden data sheet; for a
   PDF the extracted text of each page must end with exactly the footer the renderer prints
   there (fingerprint, page label counted over the pages there are), the text above the
   footers must be, whitespace aside, what the renderer prints from the content: every detail
   (nomor, tanggal, place, signer, rank, NRP, position lines, the texts of the order) and
   every cell of every row, in order, with nothing added between them, and no NRP that the
   content does not list; no page may carry an annotation, or an image or form other than
   the QR code;
3. a signature record, when present, must be a valid Ed25519 signature of the fingerprint,
   by the key given with ``--public-key`` when one is given.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rwassign.export import signing
from rwassign.export.dates import tanggal_id
from rwassign.export.document import Document, document_from_canonical, fingerprint_of


@dataclass(frozen=True)
class Finding:
    """One message (code + parameters) of the verification."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class VerifyResult:
    path: Path
    fingerprint: str | None = None
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    document: Document | None = None
    signature: Any = None  # the embedded signature record (dict), "damaged", or None

    @property
    def intact(self) -> bool:
        return self.fingerprint is not None and not self.problems

    def fail(self, code: str, **params: Any) -> None:
        self.problems.append(Finding(code, params))


def verify_file(path: Path, public_key: Ed25519PublicKey | None = None) -> VerifyResult:
    """Verify a PDF or XLSX written by ``rwassign export``."""
    path = Path(path)
    res = VerifyResult(path)
    try:
        head = path.read_bytes()[:5]
    except OSError as exc:
        res.fail("verify.unreadable", path=str(path), detail=exc.strerror or str(exc))
        return res
    if head.startswith(b"%PDF"):
        _verify_pdf(path, res)
    elif head.startswith(b"PK"):
        _verify_xlsx(path, res)
    else:
        res.fail("verify.unreadable", path=str(path), detail="not a PDF or XLSX file")
        return res
    if res.fingerprint is None:
        return res
    _check_signature(res, public_key)
    if res.document is not None and res.document.breaches:
        res.notes.append(Finding("verify.breaches", {"n": len(res.document.breaches)}))
    return res


def _load_content(res: VerifyResult, text: str, recorded: dict[str, str | None]) -> None:
    """Hash the embedded content, compare it with each recorded fingerprint, rebuild it."""
    actual = fingerprint_of(text)
    res.fingerprint = actual
    for where, value in recorded.items():
        if value != actual:
            res.fail(
                "verify.fingerprint_mismatch",
                actual=actual[:16],
                recorded=(value or "-")[:16],
                where=where,
            )
    try:
        res.document = document_from_canonical(text)
    except ValueError as exc:
        res.fail("verify.embedded_damaged", detail=str(exc))


def _check_signature(res: VerifyResult, trusted: Ed25519PublicKey | None) -> None:
    record = res.signature
    if record is None:
        if trusted is not None:
            res.fail("verify.unsigned")
        return
    if not isinstance(record, dict):
        res.fail("verify.signature_bad", detail="signature record damaged")
        return
    assert res.fingerprint is not None
    ok, detail = signing.check(record, res.fingerprint, trusted)
    if not ok:
        res.fail("verify.signature_bad", detail=detail)
    elif trusted is not None:
        res.notes.append(Finding("verify.signature_ok", {"key_id": detail}))
    else:
        res.notes.append(Finding("verify.signature_unchecked", {"key_id": detail}))


def _parse_signature(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return "damaged"


# --- XLSX ------------------------------------------------------------------------------------


def _verify_xlsx(path: Path, res: VerifyResult) -> None:
    from openpyxl import Workbook, load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from rwassign.export.xlsx import DATA_SHEET, HEADERS, PROPERTY, SHEET, build_sheet

    try:
        wb = load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        res.fail("verify.unreadable", path=str(path), detail=str(exc))
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
    _load_content(
        res,
        text,
        {"sheet _lampiran": recorded, "document property": str(prop) if prop else None},
    )
    res.signature = _parse_signature(str(cells[2]) if cells[2] else None)
    if res.document is None:
        return
    expected_wb = Workbook()
    expected = expected_wb.active
    assert expected is not None
    signature = res.signature if isinstance(res.signature, dict) else None
    lay = build_sheet(expected, res.document, signature)
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
    _check_xlsx_print(res, actual, expected)
    _check_xlsx_drawings(res, path, expected)


def _check_xlsx_sheets(res: VerifyResult, wb: Any) -> None:
    """Only the two sheets of the export: ``Lampiran`` visible and active, the data sheet
    very hidden (a second, edited copy of the lampiran shown instead is found here)."""
    from rwassign.export.xlsx import DATA_SHEET, SHEET

    extra = [f"'{name}'" for name in wb.sheetnames if name not in (SHEET, DATA_SHEET)]
    if extra:
        res.fail("verify.sheet_extra", sheets=_listing(extra))
    for name, want in ((SHEET, "visible"), (DATA_SHEET, "veryHidden")):
        got = wb[name].sheet_state
        if got != want:
            res.fail("verify.sheet_state", sheet=name, actual=got, expected=want)
    active = wb.active
    if active is None or active.title != SHEET:
        title = active.title if active is not None else "-"
        res.fail("verify.sheet_not_active", sheet=title, expected=SHEET)


# A row lower than this (points) hides its text, as does a row lower than half its exported
# height, or a column narrower than half its exported width.
_LOW_ROW = 8.0
_DEFAULT_FONT_SIZE = 11.0
_DEFAULT_FONT = "Calibri"
_LOOKS = (
    {"id": "warna huruf", "en": "font colour"},
    {"id": "ukuran huruf", "en": "font size"},
    {"id": "isian sel", "en": "fill"},
    {"id": "format angka", "en": "number format"},
    {"id": "jenis huruf", "en": "font name"},
    {"id": "huruf tebal", "en": "bold"},
    {"id": "huruf miring", "en": "italic"},
    {"id": "garis bawah", "en": "underline"},
    {"id": "coret", "en": "strikethrough"},
    {"id": "huruf naik/turun", "en": "superscript/subscript"},
    {"id": "perataan mendatar", "en": "horizontal alignment"},
    {"id": "perataan tegak", "en": "vertical alignment"},
    {"id": "indentasi", "en": "indent"},
    {"id": "rotasi teks", "en": "text rotation"},
    {"id": "teks dibungkus", "en": "wrap text"},
    {"id": "susutkan agar pas", "en": "shrink to fit"},
)


def _check_xlsx_look(res: VerifyResult, actual: Any, expected: Any, lay: Any) -> None:
    """What the sheet shows and prints, beyond the cell values: no row or column of the
    printed range hidden, every cell's font colour and size, fill and number format as
    ``build_sheet`` made them, no conditional formatting, the same print area and titles."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    from rwassign.export.xlsx import HEADERS

    def where(r: int) -> str:
        return f"{r} (NO {lay.row_no[r]})" if r in lay.row_no else str(r)

    for code, got, want in (
        ("verify.print_area", _area(actual.print_area), _area(expected.print_area)),
        ("verify.print_titles", _titles(actual), _titles(expected)),
    ):
        if got != want:
            res.fail(code, actual=got, expected=want)
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
        res.fail("verify.row_hidden", rows=_listing([where(r) for r in hidden]))
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
        res.fail("verify.conditional_format", ranges=_listing(ranges))
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
    for (k, got, want), cells in differ.items():
        res.fail(
            "verify.cell_style", cells=_listing(cells), what=_LOOKS[k], actual=got, expected=want
        )


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
        (font.name or _DEFAULT_FONT, bool(font.b), bool(font.i), font.u, bool(font.strike))
        if font is not None
        else (_DEFAULT_FONT, False, False, None, False)
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
        _yes(bold),
        _yes(italic),
        str(underline or "-"),
        _yes(strike),
        str(vert),
        str(horizontal),
        str(vertical),
        f"{indent:g}",
        str(rotation),
        _yes(wrap),
        _yes(shrink),
    )


def _yes(value: bool) -> str:
    return "ya" if value else "tidak"


_HEADER_FOOTER = (
    ("oddHeader", {"id": "kepala halaman", "en": "page header"}),
    ("oddFooter", {"id": "kaki halaman", "en": "page footer"}),
    ("evenHeader", {"id": "kepala halaman genap", "en": "even page header"}),
    ("evenFooter", {"id": "kaki halaman genap", "en": "even page footer"}),
    ("firstHeader", {"id": "kepala halaman pertama", "en": "first page header"}),
    ("firstFooter", {"id": "kaki halaman pertama", "en": "first page footer"}),
)
_PAGE_SETUP = {
    "orientation": {"id": "orientasi", "en": "orientation"},
    "paperSize": {"id": "ukuran kertas", "en": "paper size"},
    "scale": {"id": "skala", "en": "scale"},
    "fitToPage": {"id": "muat ke halaman", "en": "fit to page"},
    "fitToWidth": {"id": "lebar (halaman)", "en": "fit to width (pages)"},
    "fitToHeight": {"id": "tinggi (halaman)", "en": "fit to height (pages)"},
    "firstPageNumber": {"id": "nomor halaman pertama", "en": "first page number"},
    "left": {"id": "margin kiri", "en": "left margin"},
    "right": {"id": "margin kanan", "en": "right margin"},
    "top": {"id": "margin atas", "en": "top margin"},
    "bottom": {"id": "margin bawah", "en": "bottom margin"},
    "header": {"id": "margin kepala", "en": "header margin"},
    "footer": {"id": "margin kaki", "en": "footer margin"},
    "differentOddEven": {"id": "kepala/kaki genap berbeda", "en": "different even header"},
    "differentFirst": {"id": "kepala/kaki pertama berbeda", "en": "different first header"},
}


def _page_setup(ws: Any) -> dict[str, str]:
    """What decides how the sheet prints, defaults filled in, as comparable text."""
    ps, margins, hf = ws.page_setup, ws.page_margins, ws.HeaderFooter
    pr = ws.sheet_properties.pageSetUpPr

    def number(value: Any, default: float) -> str:
        return f"{float(value if value is not None else default):g}"

    first = number(ps.firstPageNumber, 1) if ps.useFirstPageNumber else "auto"
    return {
        "orientation": str(ps.orientation or "default"),
        "paperSize": number(ps.paperSize, 1),
        "scale": number(ps.scale, 100),
        "fitToPage": _yes(bool(pr is not None and pr.fitToPage)),
        "fitToWidth": number(ps.fitToWidth, 1),
        "fitToHeight": number(ps.fitToHeight, 1),
        "firstPageNumber": first,
        **{k: number(getattr(margins, k), 0) for k in ("left", "right", "top", "bottom")},
        "header": number(margins.header, 0),
        "footer": number(margins.footer, 0),
        "differentOddEven": _yes(bool(hf.differentOddEven)),
        "differentFirst": _yes(bool(hf.differentFirst)),
    }


def _check_xlsx_print(res: VerifyResult, actual: Any, expected: Any) -> None:
    """Every page header and footer, and the page setup (orientation, paper, scale, fitting,
    margins, page numbering), as exported."""
    for attr, what in _HEADER_FOOTER:
        got, want = (str(getattr(ws, attr) or "") for ws in (actual, expected))
        if got != want:
            res.fail("verify.header_footer", what=what, actual=got[:160], expected=want[:160])
    got_setup, want_setup = _page_setup(actual), _page_setup(expected)
    for key, what in _PAGE_SETUP.items():
        if got_setup[key] != want_setup[key]:
            res.fail(
                "verify.page_setup", what=what, actual=got_setup[key], expected=want_setup[key]
            )


_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_DRAWN = ("pic", "sp", "grpSp", "graphicFrame", "cxnSp", "contentPart")


def _check_xlsx_drawings(res: VerifyResult, path: Path, expected: Any) -> None:
    """The pictures, shapes, charts and other drawn objects of ``Lampiran`` (anchor, size and,
    for a picture, what it shows) must be the one QR code of the export."""
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.xml.functions import fromstring, tostring

    from rwassign.export.xlsx import SHEET

    drawing = SpreadsheetDrawing()
    drawing.images = list(expected._images)
    images = {f"rId{i}": img._data() for i, img in enumerate(drawing.images, start=1)}
    root = fromstring(tostring(drawing._write()))  # type: ignore[attr-defined]
    want = sorted(_anchor(a, images.get) for a in root)
    try:
        got = sorted(_drawn_objects(path, SHEET))
    except (KeyError, ValueError, StopIteration, zipfile.BadZipFile, SyntaxError) as exc:
        got = [f"? ({exc})"]
    if got != want:
        res.fail(
            "verify.drawings", sheet=SHEET, actual=_listing(got, 6) or "-", expected=_listing(want)
        )


def _drawn_objects(path: Path, sheet: str) -> list[str]:
    """What is drawn over ``sheet``, read from the package: the anchors of its drawing, and
    any VML drawing (comments, controls, header pictures) or background picture."""
    from openpyxl.xml.functions import fromstring

    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())

        def rels(part: str) -> dict[str, str]:
            folder, _, name = part.rpartition("/")
            where = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
            if where not in names:
                return {}
            out = {}
            for rel in fromstring(z.read(where)).iter(f"{{{_NS_PKG}}}Relationship"):
                target = rel.get("Target") or ""
                if rel.get("TargetMode") == "External":
                    out[rel.get("Id") or ""] = f"external {target}"
                    continue
                full = posixpath.normpath(posixpath.join("/", folder, target))
                out[rel.get("Id") or ""] = full.lstrip("/")
            return out

        book = next(
            (t for t in rels("").values() if t.endswith(".xml") and "workbook" in t),
            "xl/workbook.xml",
        )
        book_rels = rels(book)
        sheet_part = next(
            book_rels[s.get(f"{{{_NS_REL}}}id") or ""]
            for s in fromstring(z.read(book)).iter(f"{{{_NS_MAIN}}}sheet")
            if s.get("name") == sheet
        )
        sheet_rels = rels(sheet_part)
        out: list[str] = []
        for el in fromstring(z.read(sheet_part)):
            tag = el.tag.rpartition("}")[2]
            if tag not in ("drawing", "legacyDrawing", "legacyDrawingHF", "picture"):
                continue
            target = sheet_rels.get(el.get(f"{{{_NS_REL}}}id") or "", "")
            if tag != "drawing" or target not in names:
                out.append(tag)
                continue
            media = rels(target)

            def image(rid: str, media: dict[str, str] = media) -> bytes | None:
                return z.read(media[rid]) if media.get(rid) in names else None

            out += [_anchor(a, image) for a in fromstring(z.read(target))]
        return out


def _anchor(anchor: Any, image: Any) -> str:
    """One anchored object as text: what it is, where its top left corner is (cell, offsets),
    its size in pixels (else the cell of its other corner) and, for a picture, a digest of its
    pixels.  The kind of anchor is left out: Excel saves a one-cell anchor as a two-cell one."""
    from openpyxl.utils import get_column_letter

    def cell(el: Any) -> str:
        col, row, col_off, row_off = (
            int(el.findtext(f"{{{_NS_XDR}}}{k}") or 0) for k in ("col", "row", "colOff", "rowOff")
        )
        return f"{get_column_letter(col + 1)}{row + 1}" + (
            f"+{col_off},{row_off}" if col_off or row_off else ""
        )

    kinds = [c for c in anchor if c.tag.rpartition("}")[2] in _DRAWN]
    parts = [kinds[0].tag.rpartition("}")[2] if kinds else anchor.tag.rpartition("}")[2]]
    pos, start, end, ext = (anchor.find(f"{{{_NS_XDR}}}{k}") for k in ("pos", "from", "to", "ext"))
    if pos is not None:
        parts.append(f"@{pos.get('x')},{pos.get('y')}")
    if start is not None:
        parts.append(cell(start))
    if ext is None and kinds:  # a two-cell anchor (as Excel saves a picture): its own size
        ext = kinds[0].find(f".//{{{_NS_A}}}xfrm/{{{_NS_A}}}ext")
    if ext is not None:
        px = [round(int(ext.get(k) or 0) / 9525) for k in ("cx", "cy")]
        parts.append(f"{px[0]}x{px[1]}px")
    elif end is not None:
        parts.append(f"-{cell(end)}")
    if kinds and parts[0] == "pic":
        blip = kinds[0].find(f".//{{{_NS_A}}}blip")
        data = image(blip.get(f"{{{_NS_REL}}}embed") or "") if blip is not None else None
        parts.append(_pixels(data))
    return " ".join(parts)


def _pixels(data: bytes | None) -> str:
    """A short digest of what a picture shows (not of its bytes, which an encoder may vary)."""
    if data is None:
        return "#-"
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            shown = img.convert("L")
            digest = hashlib.sha256(repr(shown.size).encode() + shown.tobytes()).hexdigest()
    except (UnidentifiedImageError, OSError, ValueError):
        return "#?"
    return f"#{digest[:8]}"


def _colour(color: Any) -> str:
    if color is None:
        return "auto"
    kind = getattr(color, "type", None)
    if kind == "rgb" and isinstance(color.rgb, str):
        return color.rgb[-6:].upper()
    if kind == "indexed":
        from openpyxl.styles.colors import COLOR_INDEX

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


def _listing(items: list[str], most: int = 12) -> str:
    """``a, b, c`` - at most ``most`` named, then how many more."""
    shown = ", ".join(items[:most])
    return shown + (f" (+{len(items) - most})" if len(items) > most else "")


def _norm(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


# --- PDF -------------------------------------------------------------------------------------

_NRP_RE = re.compile(r"(?<![0-9A-Za-z])\d{8}(?![0-9A-Za-z])")
_SPACE_RE = re.compile(r"\s+")


def _verify_pdf(path: Path, res: VerifyResult) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from rwassign.export.output import FINGERPRINT_LABEL
    from rwassign.export.pdf import ATTACH_CONTENT, ATTACH_SIGNATURE, META_FINGERPRINT

    try:
        reader = PdfReader(path)
        attachments = reader.attachments
        meta: dict[str, Any] = dict(reader.metadata or {})
        pages = [p.extract_text() or "" for p in reader.pages]
        upright = [float(p.mediabox.width) < float(p.mediabox.height) for p in reader.pages]
        extras = [_page_extras(p) for p in reader.pages]
    except (OSError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        res.fail("verify.unreadable", path=str(path), detail=str(exc))
        return
    if ATTACH_CONTENT not in attachments:
        res.fail("verify.no_embedded", path=str(path))
        return
    try:
        text = attachments[ATTACH_CONTENT][0].decode("utf-8")
    except UnicodeDecodeError as exc:
        res.fail("verify.embedded_damaged", detail=str(exc))
        res.fingerprint = hashlib.sha256(attachments[ATTACH_CONTENT][0]).hexdigest()
        return
    recorded = meta.get(META_FINGERPRINT)
    _load_content(res, text, {"PDF metadata": str(recorded) if recorded else None})
    sig = attachments.get(ATTACH_SIGNATURE)
    res.signature = _parse_signature(sig[0].decode("utf-8", "replace") if sig else None)
    wrong = [
        n
        for n, page in enumerate(pages, start=1)
        if f"{FINGERPRINT_LABEL} {res.fingerprint}" not in page
    ]
    if wrong:
        res.fail("verify.page_fingerprint", page=_ranges(wrong))
    _check_page_objects(res, extras)
    doc = res.document
    if doc is None:
        return
    bodies = _bodies(res, doc, pages, upright, set(wrong))
    if doc.with_sprin:  # the order is printed portrait, its lampiran landscape
        if any(upright):
            _check_sprin(res, doc, "".join(b for b, up in zip(bodies, upright, strict=True) if up))
        else:
            res.fail("verify.sprin_missing")
        bodies = [b for b, up in zip(bodies, upright, strict=True) if not up]
    _check_lampiran(res, doc, "".join(bodies))
    known = {r.nrp for r in doc.rows} | {doc.details.nrp}
    seen: set[str] = set()
    for page in pages:
        for line in page.splitlines():
            if "SHA-256" in line:
                continue
            for nrp in _NRP_RE.findall(line):
                if nrp not in known and nrp not in seen:
                    seen.add(nrp)
                    res.fail("verify.nrp_unexpected", nrp=nrp)


def _page_extras(page: Any) -> tuple[list[str], list[str]]:
    """The subtypes of a page's annotations, and the names of the images and forms it can
    draw (``/Name:/Subtype``; those of a form's own resources as ``/Form/Name:/Subtype``)."""
    annots = page.get("/Annots")
    annots = annots.get_object() if annots is not None else []
    kinds = [str(a.get_object().get("/Subtype", "?")) for a in annots or []]
    names: list[str] = []

    def walk(resources: Any, prefix: str, depth: int) -> None:
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if resources is not None else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        for name, ref in sorted((xobjects or {}).items()):
            obj = ref.get_object()
            names.append(f"{prefix}{name}:{obj.get('/Subtype', '?')}")
            if depth < 4 and obj.get("/Subtype") == "/Form":
                walk(obj.get("/Resources"), f"{prefix}{name}", depth + 1)

    walk(page.get("/Resources"), "", 0)
    return kinds, names


def _check_page_objects(res: VerifyResult, extras: list[tuple[list[str], list[str]]]) -> None:
    """No annotation on any page (the renderer adds none: a stamp, a text box, a link, a
    form field was added later), and on every page exactly the QR form the renderer draws."""
    from reportlab.pdfbase.pdfdoc import xObjectName

    from rwassign.export.pdf import QR_FORM

    annotated = [n for n, (kinds, _) in enumerate(extras, start=1) if kinds]
    if annotated:
        kinds = sorted({k.lstrip("/") for ks, _ in extras for k in ks})
        res.fail("verify.pdf_annotations", pages=_ranges(annotated), kinds=", ".join(kinds))
    want = [f"/{xObjectName(QR_FORM)}:/Form"]
    other: dict[tuple[str, ...], list[int]] = {}
    for n, (_, drawn) in enumerate(extras, start=1):
        if drawn != want:
            other.setdefault(tuple(drawn), []).append(n)
    for found, numbers in other.items():
        res.fail(
            "verify.pdf_objects",
            pages=_ranges(numbers),
            actual=", ".join(n.replace(":/", " ") for n in found) or "-",
            expected=want[0].replace(":/", " "),
        )


def _flat(text: str) -> str:
    return _SPACE_RE.sub("", text)


def _printed(text: str) -> str:
    """``text`` as the renderer draws it (letters its fonts lack replaced), whitespace-free."""
    from rwassign.export.pdf import printable

    return _flat(printable(text))


def _bodies(
    res: VerifyResult, doc: Document, pages: list[str], upright: list[bool], wrong: set[int]
) -> list[str]:
    """The whitespace-free text of each page above its footer.  Every page must end with the
    footer the renderer prints on it (fingerprint, how to check it, the banner of a forced
    print, the page label ``Halaman n dari N`` counted over the pages there are), and with
    nothing after it; what differs is named, page by page (pages whose fingerprint is wrong
    are named already)."""
    from rwassign.export.output import FINGERPRINT_LABEL
    from rwassign.export.pdf import footer_texts, page_label, sprin_label

    signature = res.signature if isinstance(res.signature, dict) else None
    fixed = "".join(footer_texts(res.fingerprint or "-", signature, bool(doc.breaches)))
    sprin = doc.with_sprin and any(upright)
    total = sum(1 for up in upright if not (sprin and up))
    out: list[str] = []
    differ: dict[str, list[int]] = {}
    counted = {True: 0, False: 0}
    for n, (page, up) in enumerate(zip(pages, upright, strict=True), start=1):
        part = sprin and up
        counted[part] += 1
        label = sprin_label(counted[part]) if part else page_label(counted[part], total)
        footer = _printed(fixed + label)
        text = _flat(page)
        if text.endswith(footer):
            out.append(text[: len(text) - len(footer)])
            continue
        at = text.rfind(_flat(FINGERPRINT_LABEL))
        out.append(text[:at] if at >= 0 else text)
        if n not in wrong:
            differ.setdefault(_residue(text[at:] if at >= 0 else "", {footer}), []).append(n)
    for text, numbers in differ.items():
        res.fail("verify.page_footer", page=_ranges(numbers), text=text or "-")
    return out


def _row_what(no: int) -> dict[str, str]:
    return {"id": f"baris NO {no}", "en": f"row NO {no}"}


class _Walk:
    """Walks the whitespace-free text of one part of the PDF (Sprin or lampiran), needle by
    needle in printed order.  Each needle must come after the previous one, and the text
    between two needles must be exactly what the renderer prints there (a label, a table
    header, nothing), so text added to a printed value is found as well as a changed value."""

    def __init__(self, res: VerifyResult, text: str, part: str) -> None:
        self.res, self.text, self.part = res, text, part
        self.pos = 0
        self.placed = True  # the previous needle was found: the text after it is checked
        self.prev: Any = {"id": f"awal {part}", "en": f"the start of the {part}"}
        self.gap = ""  # constant text due before the next needle

    def const(self, text: str) -> None:
        self.gap += _printed(text)

    def seek(self, needle: str, allowed: set[str]) -> int:
        """Where ``needle`` is: right after an allowed gap, else anywhere after the cursor."""
        if self.placed:
            for gap in allowed:
                if self.text.startswith(gap, self.pos) and self.text.startswith(
                    needle, self.pos + len(gap)
                ):
                    return self.pos + len(gap)
        return self.text.find(needle, self.pos)

    def place(self, at: int, needle: str, what: Any, allowed: set[str]) -> None:
        between = self.text[self.pos : at]
        if self.placed and between not in allowed:
            self.res.fail(
                "verify.text_extra", text=_residue(between, allowed), before=self.prev, after=what
            )
        self.pos, self.placed, self.prev, self.gap = at + len(needle), True, what, ""

    def lose(self) -> None:
        self.placed, self.gap = False, ""

    def detail(self, key: str, shown: str) -> None:
        """One value of ``doc.details`` as printed (``shown``), named by its ``Dokumen`` key."""
        needle = _printed(shown)
        if not needle:
            return
        allowed = {self.gap}
        at = self.seek(needle, allowed)
        if at < 0:
            self.res.fail("verify.detail_differs", detail=key, part=self.part, text=shown[:60])
            self.lose()
        else:
            self.place(at, needle, {"id": f"detail {key}", "en": f"detail {key}"}, allowed)

    def end(self) -> None:
        rest = self.text[self.pos :]
        if self.placed and rest != self.gap:
            what = {"id": f"akhir {self.part}", "en": f"the end of the {self.part}"}
            self.res.fail(
                "verify.text_extra", text=_residue(rest, {self.gap}), before=self.prev, after=what
            )


def _residue(actual: str, expected: set[str]) -> str:
    """The part of ``actual`` that none of the ``expected`` texts explains (for a message)."""
    best = actual
    for want in expected:
        head = 0
        while head < min(len(actual), len(want)) and actual[head] == want[head]:
            head += 1
        tail = 0
        while tail < min(len(actual), len(want)) - head and actual[-1 - tail] == want[-1 - tail]:
            tail += 1
        rest = actual[head : len(actual) - tail]
        if rest and len(rest) < len(best):
            best = rest
    return best[:60]


def _signature(w: _Walk, doc: Document) -> None:
    """Place and date, the position lines, the name, the rank in words and the NRP."""
    d = doc.details
    w.detail("tempat", f"Dikeluarkan di : {d.tempat.upper()}")
    w.detail("tanggal", f"pada tanggal : {tanggal_id(d.tanggal)}")
    keys = ("atas_nama", "jabatan") if d.atas_nama else ("jabatan",)
    for key, line in zip(keys, d.signer_lines, strict=True):
        w.detail(key, line)
    w.detail("penandatangan", d.penandatangan)
    words, label, number = d.rank_line.rsplit(" ", 2)
    w.detail("pangkat", words)
    w.detail("nrp", f"{label} {number}")


def _kop(w: _Walk, doc: Document) -> None:
    for key, line in zip(("kop", "polda", "polres"), doc.details.kop, strict=True):
        w.detail(key, line)


def _check_sprin(res: VerifyResult, doc: Document, text: str) -> None:
    """The order itself, as ``_Renderer.sprin`` prints it."""
    from rwassign.export.pdf import KEPADA_REST

    d = doc.details
    w = _Walk(res, text, "Sprin")

    def section(label: str, key: str, items: tuple[str, ...]) -> None:
        w.const(f"{label}:")
        many = len(items) > 1  # numbered only when there are several
        for i, item in enumerate(items, start=1):
            w.detail(f"{key} {i}" if many else key, f"{i}. {item}" if many else item)

    _kop(w, doc)
    w.const("SURAT PERINTAH")
    w.detail("nomor", f"Nomor : {d.nomor}")
    section("Pertimbangan", "pertimbangan", d.pertimbangan)
    section("Dasar", "dasar", d.dasar)
    w.const("DIPERINTAHKAN Kepada:")
    w.detail("polres", f"Personel Polres {d.polres.title()}")
    w.const(KEPADA_REST)
    section("Untuk", "untuk", d.untuk)
    w.const("Selesai.")
    _signature(w, doc)
    if d.tembusan:
        section("Tembusan", "tembusan", d.tembusan)
    w.end()


def _check_lampiran(res: VerifyResult, doc: Document, text: str) -> None:
    """Head, every cell of every row (with the Polsek bands), signature block, in order.

    Between two rows the renderer prints nothing, the band of a new Polsek, or (at a page
    break) the table header and the running band ``POLSEK X (lanjutan)``."""
    from rwassign.export.output import FORCED_BANNER
    from rwassign.export.pdf import COLUMNS, _cells

    d = doc.details
    w = _Walk(res, text, "lampiran")
    _kop(w, doc)
    for key, line in zip(("polres", "nomor", "tanggal"), d.lampiran_header, strict=True):
        w.detail(key, line)
    w.detail("judul", doc.title)
    if doc.breaches:
        w.const(f"{FORCED_BANNER}:")
        for line in doc.breaches:
            w.detail("pelanggaran", line)
    header = _printed("".join(name for name, _ in COLUMNS))
    cells = [[_printed(c) for c in _cells(r)] for r in doc.rows]
    needles = ["".join(c) for c in cells]
    sign_at = _printed(f"Dikeluarkan di : {d.tempat.upper()}")
    band_of: str | None = None  # the band last printed (grouping)
    running = ""  # the Polsek of the row last drawn
    after = 0  # where the text of the last row not found ended, when that is known
    for i, r in enumerate(doc.rows):
        band = ""
        if r.polsek != band_of:
            band_of = r.polsek
            band = _printed((r.polsek or "-").upper())
        # At a page break the new page goes on with the band of the row's own Polsek.  A band
        # is kept with its first row; files of earlier versions could end a page with it and
        # go on with the band of the Polsek before.
        more = header + _printed(f"{r.polsek.upper()} (lanjutan)")
        starts = [w.gap + header] if i == 0 else ["", header] if band else [""]
        allowed = {s + band for s in starts}
        if band:
            legacy = header + _printed(f"{running.upper()} (lanjutan)")
            allowed |= {s + band + gap for s in starts for gap in (more, legacy)}
        else:
            allowed |= {s + more for s in starts}
        at = w.seek(needles[i], allowed)
        if at >= 0:
            w.place(at, needles[i], _row_what(r.no), allowed)
        else:
            start = max(w.pos, after)
            after = _row_end(text, start, cells, i, sign_at)
            end = after if after >= 0 else start + 3 * len(needles[i]) + 200
            segment = _strip(text[start:end], (header, band, more))
            bad = _differing_cells(segment, cells[i])
            if bad and len(bad) < len(cells[i]):
                columns = ", ".join(COLUMNS[c][0] for c in bad)
                res.fail(
                    "verify.row_text_differs", no=r.no, nama=r.nama, nrp=r.nrp, columns=columns
                )
            else:
                res.fail("verify.row_missing", no=r.no, nama=r.nama, nrp=r.nrp)
            w.lose()
        running = r.polsek
    if not doc.rows:
        w.const(header)
    _signature(w, doc)
    w.end()


def _row_end(text: str, start: int, cells: list[list[str]], i: int, sign_at: str) -> int:
    """Where the text of row ``i`` (not found as printed) ends: where one of the next rows
    begins (found whole, or by its NO and NAMA), or the signature block; -1 if unknown."""
    for k in range(i + 1, min(i + 4, len(cells))):
        for anchor in ("".join(cells[k]), "".join(cells[k][:2])):
            end = text.find(anchor, start)
            if end >= 0:
                return end
    return text.find(sign_at, start) if i + 4 >= len(cells) else -1


_LANJUTAN_RE = re.compile(r"[^()]{0,80}\(lanjutan\)")


def _strip(segment: str, pieces: tuple[str, ...]) -> str:
    """``segment`` without the table header and bands printed before or after a row."""
    pieces = tuple(p for p in pieces if p)
    changed = True
    while changed:
        changed = False
        for p in pieces:
            if segment.startswith(p):
                segment, changed = segment[len(p) :], True
            if segment.endswith(p):
                segment, changed = segment[: -len(p)], True
    band = _LANJUTAN_RE.match(segment)  # a running band, whatever Polsek it names
    return segment[band.end() :] if band else segment


def _differing_cells(segment: str, cells: list[str]) -> list[int]:
    """Which cells of a row differ in ``segment``, the printed text where the row should be.

    The row's text is aligned with the segment; a cell is named when a character of it was
    changed or removed, or text was added inside it.  Text added between two cells names both;
    text before the first or after the last cell is not the row's (a band, another row)."""
    from difflib import SequenceMatcher

    starts, ends, at = [], [], 0
    for c in cells:
        starts.append(at)
        at += len(c)
        ends.append(at)
    total = at
    bad: set[int] = set()
    inserts: list[int] = []
    matcher = SequenceMatcher(None, "".join(cells), segment, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 < i2:
            bad.update(c for c in range(len(cells)) if starts[c] < i2 and ends[c] > i1)
        else:
            inserts.append(i1)
    for i1 in inserts:
        if i1 in (0, total):
            continue
        inside = [c for c in range(len(cells)) if starts[c] < i1 < ends[c]]
        near = inside or [c for c in range(len(cells)) if starts[c] <= i1 <= ends[c]]
        if not bad.intersection(near):
            bad.update(near)
    return sorted(bad)


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``"1-3, 7"``: a message stays one line for a 100-page document."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
