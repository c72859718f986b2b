"""The PDF's fonts, how it draws and wraps text, and how much room its table has.

Kept apart from the renderer (:mod:`rwassign.export.pdf`) because :mod:`rwassign.export.layout`
needs the same measures: a table cell whose text would make its row taller than a page is cut
there (``layout.row_cells``), and the renderer and ``rwassign verify`` both print and expect
what ``layout`` says.

Wrapping is linear in the length of the text: a word wider than its cell is cut where it
reaches the edge, measured once character by character (re-measuring every shorter prefix made
a 10,000-character name take minutes).
"""

from __future__ import annotations

import functools
import unicodedata

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT, BOLD = "RwVera", "RwVeraBd"
#: Every side of every page keeps this much paper blank (12.7 mm), the footer's QR code too:
#: a printer that crops a few millimetres then cuts nothing printed.
MARGIN = 36.0
QR_SIZE = 36.0
#: The rule over the footer: the QR code stands on the bottom margin, its quiet zone below it.
FOOTER_TOP = MARGIN + QR_SIZE + 4
#: The lowest a table row, the order's text or a signature block may reach.
TABLE_BOTTOM = FOOTER_TOP + 8
#: The table's font size, line spacing and cell padding (points).
SIZE, LEADING, PAD = 7.5, 9.0, 3.0
#: What the first lampiran page prints above its table (kop, lampiran header, title).
HEAD_DEPTH = 92.0
#: A Polsek's band across the table.
BAND_HEIGHT = 13.0
PAGE_HEIGHT = landscape(A4)[1]


def register_fonts() -> None:
    """Bitstream Vera ships inside reportlab, so the fonts embed without system fonts."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
        pdfmetrics.registerFont(TTFont(BOLD, "VeraBd.ttf"))


@functools.cache
def drawable() -> frozenset[int]:
    """The code points both embedded fonts have a glyph for."""
    register_fonts()
    regular, bold = (set(pdfmetrics.getFont(f).face.charToGlyph) for f in (FONT, BOLD))
    return frozenset(regular & bold)


def printable(text: str) -> str:
    """``text`` as the PDF draws it with its embedded fonts, which lack some letters: a letter
    with a mark they lack is drawn as its base letter (``Ā`` as ``A``), a space they lack as a
    space, a lone mark or an invisible format character not at all, anything else (an emoji,
    a CJK character) as ``?``.  ``rwassign verify`` expects the same text."""
    shown = drawable()
    if all(ord(ch) in shown for ch in text):
        return text
    out: list[str] = []
    for ch in text:
        if ord(ch) in shown:
            out.append(ch)
        elif ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            out.append(base if base and all(ord(c) in shown for c in base) else "?")
    return "".join(out)


@functools.cache
def _char_width(ch: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(ch, font, size))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Printed width of ``text`` (points) as the PDF draws it."""
    register_fonts()
    return float(pdfmetrics.stringWidth(printable(text), BOLD if bold else FONT, size))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` as printed in lines at most ``width`` points wide: broken at spaces, a word
    wider than the line cut where it reaches the edge, never drawn past it."""
    register_fonts()
    text = printable(text)
    lines = simpleSplit(text, font, size, width) if text else [""]
    out: list[str] = []
    for line in lines:
        if pdfmetrics.stringWidth(line, font, size) <= width or len(line) <= 1:
            out.append(line)
            continue
        start, used = 0, 0.0
        for i, ch in enumerate(line):
            w = _char_width(ch, font, size)
            if used + w > width and i > start:
                out.append(line[start:i])
                start, used = i, 0.0
            used += w
        out.append(line[start:])
    return out or [""]


def row_room(header_lines: int) -> float:
    """The tallest a table row may be: what the first page holds under its head, the table
    header (``header_lines`` high) and a Polsek band.  A row that does not fit where the page
    has got to starts the next page; only a row taller than this is cut (``layout``)."""
    top = PAGE_HEIGHT - MARGIN
    header = header_lines * LEADING + 2 * PAD
    return top - HEAD_DEPTH - header - BAND_HEIGHT - TABLE_BOTTOM
