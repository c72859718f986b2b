"""``verify`` of an XLSX: what the package carries beyond cell values and looks.

openpyxl reads a cell's rich text as its plain letters and keeps no trace of parts it does not
know, so this module reads the package itself:

- the parts: only those the export (or an office program saving it again) writes: workbook,
  sheets, styles, theme, shared strings, drawings and their pictures, document properties and
  the relationships between them.  Anything else (macros, links to other workbooks, custom
  XML, embedded objects, printer settings, a thumbnail) is named;
- the elements of the ``Lampiran`` sheet: a hyperlink, a data validation (its prompt pops up
  over the sheet, its list offers other values), a protected range, an extension list, any
  element the export does not write is named; the drawn objects and notes are ``drawings``';
- links out of the file: on a picture or shape, or from any part;
- rich text: a cell whose text (inline or shared) is split into runs can show some of its
  letters white, tiny or in a symbol font while its value stays the exported one.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from openpyxl.xml.functions import fromstring

from rwassign import i18n
from rwassign.export.verify.content import Reading, listing
from rwassign.export.xlsx import SHEET

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_M = f"{{{_NS_MAIN}}}"

#: The parts the export writes, and those LibreOffice and Excel write when saving it again.
_PARTS = re.compile(
    r"\[Content_Types\]\.xml|_rels/\.rels|docProps/(app|core|custom)\.xml"
    r"|xl/(workbook\.xml|_rels/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml"
    r"|theme/theme\d+\.xml|worksheets/sheet\d+\.xml|worksheets/_rels/sheet\d+\.xml\.rels"
    r"|drawings/drawing\d+\.xml|drawings/_rels/drawing\d+\.xml\.rels"
    r"|media/image\d+\.(png|jpe?g)"
    # notes and their drawing: named by ``drawings`` as what they are
    r"|comments\d*\.xml|drawings/(vmlDrawing|commentsDrawing)\d+\.vml)",
)

#: The elements of a sheet the export writes or an office program adds saving it again
#: (print options, page setup); drawings and notes are checked in ``drawings``, conditional
#: formatting and the print setup in ``xlsx`` and ``printsetup``.
_SHEET_ELEMENTS = {
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "mergeCells",
    "conditionalFormatting",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
}

_RUNS = (f"{_M}r", f"{_M}rPh")  # runs of text, and phonetic runs shown above the letters
_MOST_READ = 50_000_000  # bytes of one part: a bound for a hostile package


def check_package(res: Reading, path: Path) -> None:
    """The parts of the package, the elements of ``Lampiran`` and its rich-text cells."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            extra = sorted({n for n in names if not _PARTS.fullmatch(n) and not n.endswith("/")})
            if extra:
                res.fail("verify.xlsx_parts", parts=_parts(extra))
            sheet = _sheet_part(zf, SHEET)
            if sheet is None:
                return
            root = _xml(zf, sheet)
            shared = _xml(zf, "xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else None
            rels_name = posixpath.join(
                posixpath.dirname(sheet), "_rels", posixpath.basename(sheet) + ".rels"
            )
            rels = _xml(zf, rels_name) if rels_name in names else None
            outside = {  # relationship part -> targets outside the package
                n: [
                    r.get("Target") or "?" for r in _xml(zf, n) if r.get("TargetMode") == "External"
                ]
                for n in names
                if n.endswith(".rels")
            }
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        res.fail("verify.xlsx_parts", parts=f"? ({str(exc)[:80]})")
        return
    _check_elements(res, root, rels)
    _check_rich_text(res, root, shared)
    # A link on a picture or a shape, or any other reference out of the file (the links of
    # cells are named above, with their cells).
    targets = sorted({t for n, found in outside.items() if n != rels_name for t in found})
    if targets:
        res.fail("verify.external_links", targets=listing(targets, 4))


def _parts(names: list[str]) -> dict[str, str]:
    """``bagian a, bagian b`` in both languages."""
    words = [i18n.both("verify.xlsx_part", {"name": n}) for n in names]
    return {lang: listing([w[lang] for w in words]) for lang in ("id", "en")}


def _xml(zf: zipfile.ZipFile, name: str) -> Element:
    info = zf.getinfo(name)
    if info.file_size > _MOST_READ:
        raise ValueError(f"{name}: {info.file_size} bytes")
    root: Element = fromstring(zf.read(name))
    return root


def _sheet_part(zf: zipfile.ZipFile, title: str) -> str | None:
    """The part name of the sheet called ``title``, through the workbook's relationships."""
    book = _xml(zf, "xl/workbook.xml")
    rels = _xml(zf, "xl/_rels/workbook.xml.rels")
    rid = next(
        (s.get(f"{{{_NS_REL}}}id") for s in book.iter(f"{_M}sheet") if s.get("name") == title),
        None,
    )
    target = next((r.get("Target") for r in rels if r.get("Id") == rid), None)
    if rid is None or target is None:
        return None
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))


def _check_elements(res: Reading, root: Element, rels: Element | None) -> None:
    """Hyperlinks and data validations named by cell; any other element the export does not
    write named by its tag."""
    targets = {r.get("Id"): r.get("Target") or "" for r in (rels if rels is not None else [])}
    others: list[str] = []
    for child in root:
        tag = child.tag.rpartition("}")[2]
        if tag in _SHEET_ELEMENTS:
            continue
        if tag == "hyperlinks":
            links = list(child)
            cells = [str(h.get("ref", "?")) for h in links]
            where = [
                targets.get(h.get(f"{{{_NS_REL}}}id")) or "#" + str(h.get("location", ""))
                for h in links
            ]
            res.fail("verify.hyperlinks", cells=listing(cells), targets=listing(where, 4))
        elif tag == "dataValidations":
            rules = list(child)
            cells = [str(v.get("sqref", "?")) for v in rules]
            prompts = [
                f"'{(v.get('promptTitle') or '')} {(v.get('prompt') or '')}'".replace("' ", "'")
                for v in rules
                if v.get("prompt") or v.get("promptTitle")
            ]
            res.fail(
                "verify.data_validation", cells=listing(cells), prompts=listing(prompts, 4) or "-"
            )
        else:
            others.append(tag)
    if others:
        res.fail("verify.sheet_parts", sheet=SHEET, names=listing(sorted(set(others))))


def _check_rich_text(res: Reading, root: Element, shared: Element | None) -> None:
    """Cells whose text is split into runs: inline, or a shared string with runs."""
    rich_shared: set[int] = set()
    if shared is not None:
        for n, item in enumerate(shared.iter(f"{_M}si")):
            if any(child.tag in _RUNS for child in item):
                rich_shared.add(n)
    cells: list[str] = []
    for cell in root.iter(f"{_M}c"):
        kind = cell.get("t")
        if kind == "inlineStr":
            inline = cell.find(f"{_M}is")
            rich = inline is not None and any(child.tag in _RUNS for child in inline)
        elif kind == "s" and rich_shared:
            value = cell.find(f"{_M}v")
            rich = value is not None and _index(value.text) in rich_shared
        else:
            rich = False
        if rich:
            cells.append(str(cell.get("r", "?")))
    if cells:
        res.fail("verify.rich_text", cells=listing(cells))


def _index(text: Any) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        return -1
