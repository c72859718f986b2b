"""``verify`` of an XLSX: what is drawn over the ``Lampiran`` sheet.

Read from the package itself (openpyxl drops what it does not know, such as shapes and
charts), so an added picture, shape, comment or header picture is found, and the export's one
QR code must be where and what it was.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import zipfile
from pathlib import Path
from typing import Any

from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.xml.functions import fromstring, tostring
from PIL import Image, UnidentifiedImageError

from rwassign import i18n
from rwassign.export.verify.content import Reading, listing
from rwassign.export.xlsx import SHEET

_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_DRAWN = ("pic", "sp", "grpSp", "graphicFrame", "cxnSp", "contentPart")


def check_drawings(res: Reading, path: Path, expected: Any) -> None:
    """The pictures, shapes, charts and other drawn objects of ``Lampiran`` (anchor, size and,
    for a picture, what it shows) must be the one QR code of the export."""
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
            "verify.drawings",
            sheet=SHEET,
            actual=_plain([a for a in got if a not in want] or got, 6),
            expected=_plain(want, 12),
        )


#: What each drawn object is, in plain words (``verify.drawn.*``).
_KINDS = {
    "pic": "verify.drawn.picture",
    "sp": "verify.drawn.shape",
    "grpSp": "verify.drawn.group",
    "graphicFrame": "verify.drawn.chart",
    "cxnSp": "verify.drawn.line",
    "contentPart": "verify.drawn.ink",
    "legacyDrawing": "verify.drawn.comments",
    "legacyDrawingHF": "verify.drawn.header_picture",
    "picture": "verify.drawn.background",
}


def _plain(anchors: list[str], most: int) -> dict[str, str]:
    """``pic B9 400x60px #1a2b3c4d`` -> ``gambar di B9 (400x60 piksel, isi #1a2b3c4d)``, in
    both languages; what the object is comes first, then where, its size and its content."""
    out = {}
    for lang in ("id", "en"):
        words = []
        for anchor in anchors:
            kind, *rest = anchor.split(" ")
            name = i18n.text(_KINDS[kind], None, lang) if kind in _KINDS else kind
            place = next((r for r in rest if r[:1].isalpha() or r.startswith("@")), "")
            size = next((r[:-2] for r in rest if r.endswith("px")), "")
            digest = next((r for r in rest if r.startswith("#")), "")
            detail = ", ".join(
                p
                for p in (
                    i18n.text("verify.drawn.size", {"size": size}, lang) if size else "",
                    i18n.text("verify.drawn.content", {"digest": digest}, lang) if digest else "",
                )
                if p
            )
            where = i18n.text("verify.drawn.at", {"cell": place.lstrip("@")}, lang) if place else ""
            words.append(
                " ".join(w for w in (name, where) if w) + (f" ({detail})" if detail else "")
            )
        out[lang] = listing(words, most) or "-"
    return out


def _drawn_objects(path: Path, sheet: str) -> list[str]:
    """What is drawn over ``sheet``, read from the package: the anchors of its drawing, and
    any VML drawing (comments, controls, header pictures) or background picture."""
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
    try:
        with Image.open(io.BytesIO(data)) as img:
            shown = img.convert("L")
            digest = hashlib.sha256(repr(shown.size).encode() + shown.tobytes()).hexdigest()
    except (UnidentifiedImageError, OSError, ValueError):
        return "#?"
    return f"#{digest[:8]}"
