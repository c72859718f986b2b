"""``verify`` of a PDF: how its pages are drawn, against the PDF rwassign draws from the same
content, and active content nobody printed.

``rwassign export`` draws the same bytes from the same content (the renderer is deterministic),
so the file is first compared whole with the PDF drawn again.  Where it differs, part by part:

- the drawing of each page, the embedded fonts and the QR code, compared by hash: a difference
  is a re-write (another program drew the same page again) as long as the page *looks* the
  same (``pages.compare_look``) and its QR code still reads the same fingerprint; otherwise
  the page shows something else and the file has changed (fonts that differ can draw other
  letters for the same text, so then every page is looked at);
- the page size: more than 2 mm off is another paper or orientation;
- pictures beside the QR code on a page that still carries it: added;
- how a page is shown: turned (``/Rotate``), scaled (``/UserUnit``), or cut or shifted by one of
  its boxes (media, crop, bleed, trim, art box, more than 2 mm off the drawn one): a change, as
  the page no longer shows (or prints) what was drawn; the fonts are compared with their width
  tables, encodings and ToUnicode maps, so a glyph that advances or reads otherwise is found.

Active content (an action run on opening, automatic actions, scripts, attached files other than
the data and signature, actions in bookmarks, form fields with their actions) is always a
change: the renderer writes none.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from reportlab.pdfbase.pdfdoc import xObjectName

from rwassign import i18n
from rwassign.export.document import Document
from rwassign.export.output import qr_payload
from rwassign.export.pdf import ATTACH_CONTENT, ATTACH_SIGNATURE, QR_FORM, render_pdf
from rwassign.export.verify.content import Reading, listing, ranges
from rwassign.export.verify.pages import compare_look, read_qr_codes

#: The one form the renderer draws on every page (the QR code), as ``_page_extras`` names it.
QR_DRAWN = f"/{xObjectName(QR_FORM)}:/Form"

#: Annotation subtypes in plain words (``verify.annot.*``); any other is named as the PDF does.
ANNOTATIONS = {
    "Link": "verify.annot.link",
    "FreeText": "verify.annot.free_text",
    "Text": "verify.annot.note",
    "Square": "verify.annot.shape",
    "Circle": "verify.annot.shape",
    "Line": "verify.annot.shape",
    "Polygon": "verify.annot.shape",
    "PolyLine": "verify.annot.shape",
    "Ink": "verify.annot.ink",
    "Stamp": "verify.annot.stamp",
    "Highlight": "verify.annot.markup",
    "Underline": "verify.annot.markup",
    "StrikeOut": "verify.annot.markup",
    "Squiggly": "verify.annot.markup",
    "Widget": "verify.annot.field",
    "FileAttachment": "verify.annot.file",
    "Redact": "verify.annot.redact",
}

_PAGE_SIZE_SLACK = 2 / 25.4 * 72  # 2 mm in points: re-writers round sizes to 0.01 pt


def active_content(reader: PdfReader) -> list[dict[str, str]]:
    """What the document would run or carry that rwassign never writes, in plain words."""
    root: Any = reader.trailer["/Root"].get_object()
    found: list[dict[str, str]] = []
    opening: Any = root.get("/OpenAction")
    opening = opening.get_object() if opening is not None else None
    if _runs(opening):  # an action other than going to a page
        kind = opening.get("/S") if opening.get("/S") != "/GoTo" else opening.get("/Next")
        found.append(i18n.both("verify.active.open_action", {"kind": str(kind)[:40]}))
    if "/AA" in root or any("/AA" in page for page in reader.pages):
        found.append(i18n.both("verify.active.auto_action"))
    names: Any = root.get("/Names")
    names = names.get_object() if names is not None else {}
    if "/JavaScript" in names:
        found.append(i18n.both("verify.active.script"))
    extra = sorted(set(reader.attachments) - {ATTACH_CONTENT, ATTACH_SIGNATURE})
    if extra:
        found.append(i18n.both("verify.active.attachment", {"names": listing(extra)}))
    if _outline_actions(root.get("/Outlines")):
        found.append(i18n.both("verify.active.bookmark_action"))
    form: Any = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    fields = form.get("/Fields") if hasattr(form, "get") else None
    fields = fields.get_object() if fields is not None else None
    if fields or (hasattr(form, "get") and form.get("/XFA") is not None):
        found.append(i18n.both("verify.active.form_fields", {"n": len(fields or [])}))
    return found


def _runs(action: Any) -> bool:
    """Whether an action does more than go to a page: another kind, or a chained ``/Next``."""
    if not hasattr(action, "get"):
        return False
    return action.get("/S") not in (None, "/GoTo") or action.get("/Next") is not None


def _outline_actions(item: Any, depth: int = 0) -> bool:
    """Whether a bookmark runs an action other than going to a page."""
    node = item.get_object() if item is not None else None
    seen = 0
    while node is not None and depth < 8 and seen < 10_000:
        action = node.get("/A")
        action = action.get_object() if action is not None else None
        if _runs(action):
            return True
        if _outline_actions(node.get("/First"), depth + 1):
            return True
        nxt = node.get("/Next")
        node = nxt.get_object() if nxt is not None else None
        seen += 1
    return False


def _stream(obj: Any) -> bytes:
    contents = obj.get_contents() if hasattr(obj, "get_contents") else obj
    return contents.get_data() if contents is not None else b""


def _fonts(reader: PdfReader) -> dict[str, str]:
    """Each embedded font by name (without the subset tag) -> digest of its font program, its
    widths, encoding and ToUnicode map: any of them can make the same drawing instructions show
    or read other letters."""
    out: dict[str, str] = {}

    def visit(resources: Any, depth: int) -> None:
        resources = resources.get_object() if resources is not None else None
        if resources is None or depth > 4:
            return
        fonts = resources.get("/Font")
        for ref in (fonts.get_object() if fonts is not None else {}).values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", "?")).lstrip("/").partition("+")
            desc = font.get("/FontDescriptor")
            for child in font.get("/DescendantFonts") or []:
                desc = desc or child.get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            files = ("/FontFile2", "/FontFile", "/FontFile3")
            program = next((desc[k] for k in files if k in desc), None)
            data = program.get_object().get_data() if program is not None else b""
            digest = hashlib.sha256(data)
            for child in [font, *(c.get_object() for c in font.get("/DescendantFonts") or [])]:
                for key in ("/FirstChar", "/LastChar", "/Widths", "/W", "/DW", "/Encoding"):
                    digest.update(f"{key}={_plain(child.get(key))};".encode())
            unicode_map = font.get("/ToUnicode")
            digest.update(unicode_map.get_object().get_data() if unicode_map is not None else b"")
            out[name[2] or name[0]] = digest.hexdigest()[:12]
        xobjects = resources.get("/XObject")
        for ref in (xobjects.get_object() if xobjects is not None else {}).values():
            visit(ref.get_object().get("/Resources"), depth + 1)

    for page in reader.pages:
        visit(page.get("/Resources"), 0)
    return out


def _plain(value: Any, depth: int = 0) -> str:
    """A font entry as text, references followed (widths and encodings are often indirect)."""
    value = value.get_object() if hasattr(value, "get_object") else value
    if depth > 4:
        return "?"
    if isinstance(value, list):
        return "[" + " ".join(_plain(v, depth + 1) for v in value) + "]"
    if isinstance(value, dict):
        items = sorted(value.items())
        return "<<" + " ".join(f"{k} {_plain(v, depth + 1)}" for k, v in items) + ">>"
    return str(value)


_BOXES = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")


def _geometry(res: Reading, pairs: list[tuple[Any, Any]], resized: list[int]) -> None:
    """How each page is shown against how rwassign drew it: turned, scaled, or cut or shifted
    by one of its boxes (a viewer shows the crop box, a printer may cut to the trim box)."""
    turned: dict[str, list[int]] = {}
    scaled: dict[str, list[int]] = {}
    for n, (got, exp) in enumerate(pairs, start=1):
        turn = _number(got, "/Rotate", 0) - _number(exp, "/Rotate", 0)
        if turn != turn or turn % 360:  # not a number, or another quarter
            turned.setdefault(f"{turn % 360:g}" if turn == turn else "?", []).append(n)
        user_unit = _number(got, "/UserUnit", 1)
        if not abs(user_unit - _number(exp, "/UserUnit", 1)) <= 1e-6:
            scaled.setdefault(f"{user_unit:g}", []).append(n)
        if n in resized:
            continue
        stored = {box for box in _BOXES if box in got}  # before pypdf fills in the defaults
        try:
            drawn = _boxes(got)
        except (TypeError, ValueError, IndexError, PyPdfError):  # not four numbers: unreadable
            drawn = [(float("nan"),) * 4] * len(_BOXES)
        boxes = [
            box
            for box, a, b in zip(_BOXES, drawn, _boxes(exp), strict=True)
            if not all(abs(x - y) <= _PAGE_SIZE_SLACK for x, y in zip(a, b, strict=True))
        ]
        # A box left out takes the one it defaults to: name the boxes set, which moved.
        boxes = [b.lstrip("/") for b in ([b for b in boxes if b in stored] or boxes)]
        if boxes:
            res.fail("verify.page_boxes", page=n, boxes=", ".join(boxes))
    for degrees, numbers in sorted(turned.items()):
        res.fail("verify.page_turned", pages=ranges(numbers), degrees=degrees)
    for unit, numbers in sorted(scaled.items()):
        res.fail("verify.page_scaled", pages=ranges(numbers), unit=unit)


def _number(page: Any, key: str, default: float) -> float:
    """A number of the page dictionary; one that is not a number counts as another value."""
    try:
        return float(page.get(key, default))
    except (TypeError, ValueError):
        return float("nan")


def _boxes(page: Any) -> list[tuple[float, ...]]:
    """The five boxes of a page as PDF viewers read them (a missing box is the one it
    defaults to), corners ordered."""
    out: list[tuple[float, ...]] = []
    for box in (page.mediabox, page.cropbox, page.bleedbox, page.trimbox, page.artbox):
        x0, y0, x1, y1 = (float(v) for v in box)
        out.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return out


def _qr_form(page: Any) -> bytes | None:
    res = page.get("/Resources")
    xobjects = res.get_object().get("/XObject") if res is not None else None
    form = (xobjects.get_object() if xobjects is not None else {}).get(f"/{xObjectName(QR_FORM)}")
    return form.get_object().get_data() if form is not None else None


def check_drawing(
    res: Reading, raw: bytes, reader: PdfReader, doc: Document, drawn: list[list[str]]
) -> None:
    """The pages as drawn against the PDF rwassign draws from ``doc``: the same bytes, or each
    difference classified (see the module docstring)."""
    expected = render_pdf(doc, res.signature_record)
    if raw == expected:
        return
    want = PdfReader(io.BytesIO(expected))
    meta: dict[str, Any] = dict(reader.metadata or {})
    want_meta: dict[str, Any] = dict(want.metadata or {})
    producer = str(meta.get("/Producer") or "")
    if producer and producer != str(want_meta.get("/Producer") or ""):
        res.note("verify.written_by", program=producer[:80])
    pairs = list(zip(reader.pages, want.pages, strict=False))
    resized = [
        n
        for n, (got, exp) in enumerate(pairs, start=1)
        if abs(float(got.mediabox.width) - float(exp.mediabox.width)) > _PAGE_SIZE_SLACK
        or abs(float(got.mediabox.height) - float(exp.mediabox.height)) > _PAGE_SIZE_SLACK
    ]
    if resized:
        res.fail("verify.page_size", pages=ranges(resized))
    _geometry(res, pairs, resized)
    got_fonts, want_fonts = _fonts(reader), _fonts(want)
    if got_fonts != want_fonts and set(got_fonts) == set(want_fonts):
        res.fail("verify.form.fonts_reembedded", names=", ".join(sorted(got_fonts)))
    elif got_fonts != want_fonts:
        res.fail(
            "verify.form.fonts_replaced",
            actual=", ".join(sorted(got_fonts)) or "-",
            expected=", ".join(sorted(want_fonts)),
        )
    want_qr = _qr_form(want.pages[0]) if want.pages else None
    added = [
        n for n, names in enumerate(drawn, start=1) if QR_DRAWN in names and names != [QR_DRAWN]
    ]
    if added:
        res.fail("verify.pdf_pictures", pages=ranges(added))
    redrawn_qr = [
        n
        for n, page in enumerate(reader.pages, start=1)
        if n <= len(pairs) and _qr_form(page) != want_qr
    ]
    if redrawn_qr:
        _check_qr(res, raw, expected, redrawn_qr)
    redrawn = [
        n
        for n, (got, exp) in enumerate(pairs, start=1)
        if n not in resized and _stream(got) != _stream(exp)
    ]
    # Another font program, or another QR form, can draw other shapes with the same drawing
    # instructions: then every page it appears on is looked at, not only the redrawn ones.
    fonts_differ = got_fonts != want_fonts
    looked = [
        n
        for n in range(1, len(pairs) + 1)
        if n not in resized and (n in redrawn or n in redrawn_qr or fonts_differ)
    ]
    if not looked:
        return
    looks = compare_look(raw, expected, looked)
    for n in looked:
        diff = looks[n]
        if diff.differs:
            res.fail(
                "verify.page_look",
                page=n,
                added=diff.added,
                missing=diff.missing,
                top=diff.top_mm,
                bottom=diff.bottom_mm,
            )
    same = [n for n in redrawn if not looks[n].differs]
    if same:
        res.fail("verify.form.pages_redrawn", pages=ranges(same))


def _check_qr(res: Reading, raw: bytes, expected: bytes, numbers: list[int]) -> None:
    """Pages whose QR code is not the one drawn: it must still read the fingerprint."""
    want = qr_payload(res.fingerprint or "-")
    codes = read_qr_codes(raw, numbers, expected)
    same = [n for n in numbers if want in codes[n]]
    other = [n for n in numbers if n not in same and codes[n]]
    missing = [n for n in numbers if not codes[n]]
    if same:
        res.fail("verify.form.qr_redrawn", pages=ranges(same))
    if other:
        found = codes[other[0]][0]
        res.fail("verify.qr_differs", pages=ranges(other), text=found[:90])
    if missing:
        res.fail("verify.qr_unreadable", pages=ranges(missing))
