"""The Sprin lampiran (and optionally the Sprin itself) as an A4 PDF with embedded fonts.

Drawn directly on a reportlab canvas rather than through platypus tables: a 2,000-row table is
laid out in one linear pass (platypus re-measures the remaining rows at every page split), and
the layout rules of Perkap 1/2023 are easier to state as positions: kop top left closed by a
rule, attachment header top right, the table with its header on every page, the signature
block on the last page.  What is printed, and in which order, comes from
``rwassign.export.layout``, which ``rwassign verify`` walks too.  Every page carries the
fingerprint, the page number and a QR code in its footer.  The canvas runs in reportlab's
*invariant* mode so the same document gives the same bytes.  After rendering, ``pypdf`` adds
the canonical JSON (and the signature record) as file attachments and the fingerprint as
document metadata; ``rwassign.export.verify`` reads them back.

Long because it is one renderer (about 480 lines) whose methods share the canvas, the fonts and
the page geometry (margins, row heights, where the footer starts), and the pagination rules
depend on all of them; what it prints lives in ``layout``.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from rwassign.export import layout
from rwassign.export.document import DocRow, Document
from rwassign.export.layout import COLUMNS, Part, Section, Step
from rwassign.export.output import qr_matrix, qr_payload, write_atomically
from rwassign.export.pdftext import (
    BAND_HEIGHT,
    BOLD,
    FONT,
    FOOTER_TOP,
    HEAD_DEPTH,
    LEADING,
    MARGIN,
    PAD,
    QR_SIZE,
    SIZE,
    TABLE_BOTTOM,
    printable,
    register_fonts,
    wrap,
)

ATTACH_CONTENT = "rwassign-lampiran.json"
ATTACH_SIGNATURE = "rwassign-signature.json"
META_FINGERPRINT = "/RwassignFingerprint"
QR_FORM = "rwqr"  # the one form XObject drawn on every page
BREACH_RED = (0.75, 0.0, 0.0)


@dataclass
class _Item:
    kind: str  # "band" or "row"
    text: str
    lines: list[list[str]]
    height: float
    row: DocRow | None = None


class _Renderer:
    """One PDF: optional Sprin pages (portrait), then the lampiran pages (landscape)."""

    def __init__(self, doc: Document, signature: dict[str, Any] | None) -> None:
        register_fonts()
        self.doc = doc
        self.d = doc.details
        self.fp = doc.fingerprint
        self.signature = signature
        self.buf = io.BytesIO()
        self.c = Canvas(
            self.buf,
            pagesize=landscape(A4),
            invariant=1,
            pageCompression=1,
            initialFontName=FONT,
            initialFontSize=9,
        )
        self.c.setTitle(doc.title)
        self.c.setAuthor("rwassign")
        self.c.setSubject(f"SHA-256 {self.fp}")
        self.c.setCreator("rwassign")
        self.qr_drawn = False

    # --- shared pieces ---------------------------------------------------------------------

    def text(self, x: float, y: float, s: str, size: float = 9, bold: bool = False) -> None:
        self.c.setFont(BOLD if bold else FONT, size)
        self.c.drawString(x, y, printable(s))

    def width(self, s: str, size: float, bold: bool = False) -> float:
        return pdfmetrics.stringWidth(printable(s), BOLD if bold else FONT, size)

    def kop(self, top: float) -> float:
        """Kop top left, closed by a rule as wide as its longest line; returns the y below."""
        lines = layout.printed(layout.kop_lines(self.d))
        size = 10
        widest = max(self.width(s, size) for s in lines)
        y = top
        for s in lines:
            self.text(MARGIN + (widest - self.width(s, size)) / 2, y, s, size)
            y -= 12.5
        self.c.setLineWidth(0.8)
        self.c.line(MARGIN, y + 8, MARGIN + widest, y + 8)
        return y

    def qr(self, x: float, y: float, size: float) -> None:
        """The fingerprint's QR code, drawn once as a form and reused on every page."""
        if not self.qr_drawn:
            matrix = qr_matrix(qr_payload(self.fp))
            n = len(matrix)
            self.c.beginForm(QR_FORM, lowerx=0, lowery=0, upperx=n, uppery=n)
            self.c.setFillColorRGB(0, 0, 0)
            for r, line in enumerate(matrix):
                c = 0
                while c < n:
                    if line[c]:
                        start = c
                        while c < n and line[c]:
                            c += 1
                        self.c.rect(start, n - r - 1, c - start, 1, stroke=0, fill=1)
                    else:
                        c += 1
            self.c.endForm()
            self.qr_n = n
            self.qr_drawn = True
        self.c.saveState()
        self.c.translate(x, y)
        self.c.scale(size / self.qr_n, size / self.qr_n)
        self.c.doForm(QR_FORM)
        self.c.restoreState()

    def footer(self, page_w: float, label: str) -> None:
        """Under a rule: the fingerprint, how to check it (and the banner of a forced print)
        at the left, the page label beside the QR code, which stands in the bottom right
        corner of the printable area; no text comes within 4 modules (its quiet zone) of it."""
        c = self.c
        c.setLineWidth(0.4)
        c.line(MARGIN, FOOTER_TOP, page_w - MARGIN, FOOTER_TOP)
        sidik, note, *banner = layout.footer_texts(self.fp, self.signature, bool(self.doc.breaches))
        first = FOOTER_TOP - 10
        self.text(MARGIN, first, sidik, 6.5)
        self.text(MARGIN, first - 9, note, 6.5)
        for line in banner:
            c.setFillColorRGB(*BREACH_RED)
            self.text(MARGIN, first - 18, line, 6.5, True)
            c.setFillColorRGB(0, 0, 0)
        c.setFont(FONT, 7.5)
        c.drawRightString(page_w - MARGIN - QR_SIZE - 6, first, label)
        self.qr(page_w - MARGIN - QR_SIZE, MARGIN, QR_SIZE)

    def signature_width(self, width: float) -> float:
        """The block's width: ``width``, or the signer's name or rank line where it is wider
        (the block then grows to the left; its right edge stays on the margin)."""
        *_, name, rank = layout.printed(layout.signature_lines(self.d)[2:])
        return max(width, self.width(name, 9.5, True), self.width(rank, 9.5))

    def signature_block(self, x: float, top: float, width: float) -> float:
        """Place and date, position lines, space to sign, underlined name, rank in words + NRP.
        Returns the y below the block."""
        place, day, *rest = layout.signature_lines(self.d)
        *signers, name, rank = layout.printed(rest)
        size = 9.5
        wide = self.signature_width(width)
        x, width = x - (wide - width), wide
        y = top
        for i, line in enumerate((place, day)):
            self.text(x, y, line.label, size)
            self.text(x + 78, y, f": {line.value}", size)
            if i == 0:
                y -= 13
        self.c.setLineWidth(0.6)
        self.c.line(x, y - 4, x + width, y - 4)
        y -= 22
        for signer in signers:
            for part in wrap(signer, FONT, size, width):
                self.centered(x, width, y, part, size)
                y -= 12
        y -= 48
        self.centered(x, width, y, name, size, bold=True)
        w = self.width(name, size, True)
        self.c.setLineWidth(0.6)
        self.c.line(x + (width - w) / 2, y - 2, x + (width + w) / 2, y - 2)
        y -= 12
        self.centered(x, width, y, rank, size)
        return y - 12

    def signature_depth(self, width: float) -> float:
        """How far below its first baseline :meth:`signature_block` draws (the rank line's
        descenders included), so the block is never drawn into the footer."""
        *signers, _name, _rank = layout.printed(layout.signature_lines(self.d)[2:])
        wide = self.signature_width(width)
        wrapped = sum(len(wrap(s, FONT, 9.5, wide)) for s in signers)
        return 13 + 22 + 12 * wrapped + 48 + 12 + 3

    def centered(
        self, x: float, width: float, y: float, s: str, size: float, bold: bool = False
    ) -> None:
        self.text(x + (width - self.width(s, size, bold)) / 2, y, s, size, bold)

    # --- Sprin (cover) ---------------------------------------------------------------------

    def sprin(self) -> None:
        """The order, portrait, part by part as ``layout.sprin_parts`` lists them."""
        c, d = self.c, self.d
        page_w, page_h = A4
        c.setPageSize(A4)
        size, lead = 10.0, 13.5
        y = page_h - MARGIN - 10
        label_x, colon_x, body_x = MARGIN + 20, MARGIN + 105, MARGIN + 115
        body_w = page_w - MARGIN - 20 - body_x
        pages = [1]

        def need(h: float) -> None:
            nonlocal y
            if y - h < TABLE_BOTTOM:
                self.footer(page_w, layout.sprin_label(pages[-1]))
                c.showPage()
                c.setPageSize(A4)
                pages.append(pages[-1] + 1)
                y = page_h - MARGIN - 10

        def section(part: Section) -> None:
            nonlocal y
            need(lead)
            self.text(label_x, y, part.label, size)
            self.text(colon_x, y, ":", size)
            items = part.texts()
            for i, item in enumerate(items, start=1):
                indent = 16.0 if len(items) > 1 else 0.0
                lines = wrap(item, FONT, size, body_w - indent)
                for j, line in enumerate(lines):
                    need(lead)
                    if j == 0 and indent:
                        self.text(body_x, y, f"{i}.", size)
                    self.text(body_x + indent, y, line, size)
                    y -= lead
            y -= 6

        for part in layout.sprin_parts(d):
            if isinstance(part, Section):
                if part.label == "Tembusan":
                    y -= 10
                section(part)
            elif part is Step.KOP:
                y = self.kop(y) - 20
            elif part is Step.TITLE:
                title = layout.SPRIN_TITLE
                self.centered(0, page_w, y, title, 11, bold=True)
                tw = self.width(title, 11, True)
                c.setLineWidth(0.6)
                c.line((page_w - tw) / 2, y - 2, (page_w + tw) / 2, y - 2)
                y -= 14
                self.centered(0, page_w, y, layout.nomor_line(d).text, size)
                y -= 26
            elif part is Step.ORDERED:
                need(3 * lead)
                y -= 4
                self.centered(0, page_w, y, layout.ORDERED, 10.5, bold=True)
                y -= lead + 8
            elif part is Step.CLOSING:
                need(lead)
                self.text(label_x, y, layout.CLOSING, size)
                y -= 2 * lead
            elif part is Step.SIGNATURE:
                need(self.signature_depth(250) + 8)
                y = self.signature_block(page_w - MARGIN - 250, y, 250)
        self.footer(page_w, layout.sprin_label(pages[-1]))
        c.showPage()

    # --- lampiran --------------------------------------------------------------------------

    def items(self) -> list[_Item]:
        widths = [col.pdf_width - 2 * PAD for col in COLUMNS]
        out: list[_Item] = []
        polsek = None
        for r in self.doc.rows:
            if r.polsek != polsek:
                polsek = r.polsek
                out.append(_Item("band", layout.band_text(polsek), [], BAND_HEIGHT))
            cells = layout.row_cells(r)
            lines = [wrap(s, FONT, SIZE, w) for s, w in zip(cells, widths, strict=True)]
            h = max(len(x) for x in lines) * LEADING + 2 * PAD
            out.append(_Item("row", "", lines, h, r))
        return out

    def paginate(self, items: list[_Item], first_top: float, top: float) -> list[list[_Item]]:
        header_h = self.header_height()
        pages: list[list[_Item]] = [[]]
        y = first_top - header_h
        for item in items:
            keep = 22.0 if item.kind == "band" else 0.0  # no band alone at a page's foot
            if y - item.height - keep < TABLE_BOTTOM and pages[-1]:
                moved: list[_Item] = []
                if item.kind == "row" and len(pages[-1]) > 1 and pages[-1][-1].kind == "band":
                    moved.append(pages[-1].pop())  # a Polsek band goes with its first row
                pages.append(moved)
                y = top - header_h - sum(m.height for m in moved)
                if item.kind == "row" and not moved:  # the running Polsek band is repeated
                    y -= BAND_HEIGHT
            pages[-1].append(item)
            y -= item.height
        self.last_y = y
        return pages

    def header_height(self) -> float:
        lines = max(len(wrap(col.header, BOLD, SIZE, col.pdf_width - 2 * PAD)) for col in COLUMNS)
        return lines * LEADING + 2 * PAD

    def table_header(self, y: float) -> float:
        c = self.c
        h = self.header_height()
        c.setFillColorRGB(0.87, 0.92, 0.97)
        c.rect(MARGIN, y - h, sum(col.pdf_width for col in COLUMNS), h, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        x = MARGIN
        for col in COLUMNS:
            w = col.pdf_width
            lines = wrap(col.header, BOLD, SIZE, w - 2 * PAD)
            for i, line in enumerate(lines):
                self.text(x + (w - self.width(line, SIZE, True)) / 2, y - PAD - SIZE - i * LEADING,
                          line, SIZE, True)  # fmt: skip
            c.line(x, y, x, y - h)
            x += w
        c.line(x, y, x, y - h)
        return y - h

    def draw_band(self, y: float, text: str) -> float:
        c = self.c
        total = sum(col.pdf_width for col in COLUMNS)
        c.setFillColorRGB(0.94, 0.94, 0.94)
        c.rect(MARGIN, y - 13, total, 13, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        self.text(MARGIN + PAD, y - 9.5, text, SIZE, True)
        return y - 13

    def draw_row(self, y: float, item: _Item) -> float:
        c = self.c
        assert item.row is not None
        red = item.row.flagged
        x = MARGIN
        c.setLineWidth(0.4)
        for w, lines in zip((col.pdf_width for col in COLUMNS), item.lines, strict=True):
            c.rect(x, y - item.height, w, item.height, stroke=1, fill=0)
            if red:
                c.setFillColorRGB(*BREACH_RED)
            for i, line in enumerate(lines):
                self.text(x + PAD, y - PAD - SIZE + 0.5 - i * LEADING, line, SIZE)
            c.setFillColorRGB(0, 0, 0)
            x += w
        return y - item.height

    def plan(self) -> tuple[list[list[_Item]], bool]:
        """The lampiran's pages (the bands and rows each holds) and whether the signature
        block needs a page of its own; decided before anything is drawn."""
        page_h = landscape(A4)[1]
        items = self.items()
        top = page_h - MARGIN
        breaches = 12 * (len(self.doc.breaches) + 1) if self.doc.breaches else 0
        first_top = top - HEAD_DEPTH - breaches
        pages = self.paginate(items, first_top, top)
        signature = 24 + self.signature_depth(260)
        extra_page = self.last_y - signature < TABLE_BOTTOM
        room = top - self.header_height() - BAND_HEIGHT - signature - TABLE_BOTTOM
        for count, left in ((2, 2), (1, 1)):
            # The signature never stands alone: the last rows go with it to a new page, as
            # many of the last two as fit there with it (rows a page tall leave it alone).
            if not extra_page or len(pages[-1]) < count + left:
                continue
            if sum(i.height for i in pages[-1][-count:]) > room:
                continue
            tail = pages[-1][-count:]
            del pages[-1][-count:]
            while pages[-1] and pages[-1][-1].kind == "band":
                tail.insert(0, pages[-1].pop())
            pages.append(tail)
            extra_page = False
        return pages, extra_page

    def lampiran(self) -> None:
        c = self.c
        page_w, page_h = landscape(A4)
        top = page_h - MARGIN
        pages, extra_page = self.plan()
        total = len(pages) + (1 if extra_page else 0)
        for n, page in enumerate(pages, start=1):
            c.setPageSize(landscape(A4))
            y = self.first_page_head(page_w, top) if n == 1 else top
            y = self.table_header(y)
            first = page[0].row if page else None
            if first is not None and n > 1:  # the band of the Polsek the page goes on with
                y = self.draw_band(y, layout.running_band_text(first.polsek))
            for item in page:
                y = self.draw_band(y, item.text) if item.kind == "band" else self.draw_row(y, item)
            if n == len(pages) and not extra_page:
                self.signature_block(page_w - MARGIN - 260, y - 24, 260)
            self.footer(page_w, layout.page_label(n, total))
            c.showPage()
        if extra_page:
            c.setPageSize(landscape(A4))
            self.signature_block(page_w - MARGIN - 260, top - 10, 260)
            self.footer(page_w, layout.page_label(total, total))
            c.showPage()

    def first_page_head(self, page_w: float, top: float) -> float:
        """The parts of ``layout.LAMPIRAN`` before the table; returns the y below them."""
        y = top
        for part in layout.LAMPIRAN[: layout.LAMPIRAN.index(Part.TABLE)]:
            lines = layout.lines_of(part, self.doc)
            if part is Part.KOP:
                self.kop(top - 8)
            elif part is Part.ATTACHMENT:
                label_w = max(self.width(line.label, 9) for line in lines)
                widest = max(
                    label_w + 4 + self.width(f": {line.value}", 9) if line.label
                    else self.width(line.value, 9)
                    for line in lines
                )  # fmt: skip
                x = page_w - MARGIN - max(270.0, widest)  # a long Polres name grows it leftwards
                for i, line in enumerate(lines):
                    at = top - 8 - 12.5 * i
                    if line.label:
                        self.text(x, at, line.label, 9)
                        self.text(x + label_w + 4, at, f": {line.value}", 9)
                    else:
                        self.text(x, at, line.value, 9)
                self.c.setLineWidth(0.6)
                self.c.line(x, top - 8 - 12.5 * 2 - 4, page_w - MARGIN, top - 8 - 12.5 * 2 - 4)
            elif part is Part.TITLE:
                y = top - 70
                self.centered(0, page_w, y, lines[0].text, 10, bold=True)
                y -= 22
            elif part is Part.BREACHES and lines:
                banner, *breaches = lines
                self.c.setFillColorRGB(*BREACH_RED)
                self.text(MARGIN, y + 6, banner.text, 8, True)
                for line in breaches:
                    y -= 12
                    self.text(MARGIN + 10, y + 6, line.text, 8)
                self.c.setFillColorRGB(0, 0, 0)
                y -= 12
        return y

    def render(self) -> bytes:
        if self.doc.with_sprin:
            self.sprin()
        self.lampiran()
        self.c.save()
        return self.buf.getvalue()


def lampiran_pages(doc: Document) -> list[tuple[int, ...]]:
    """The ``NO`` of the rows on each page of the lampiran as :func:`render_pdf` prints it (a
    page holding only the signature block is empty), so a test can hold the printed file
    to the plan."""
    pages, extra_page = _Renderer(doc, None).plan()
    out = [tuple(i.row.no for i in page if i.row is not None) for page in pages]
    return out + ([()] if extra_page else [])


def render_pdf(doc: Document, signature: dict[str, Any] | None = None) -> bytes:
    """The finished PDF bytes: rendered, with the canonical content and signature attached."""
    raw = _Renderer(doc, signature).render()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    writer.add_attachment(ATTACH_CONTENT, doc.canonical_json().encode("utf-8"))
    if signature is not None:
        text = json.dumps(signature, sort_keys=True, ensure_ascii=False)
        writer.add_attachment(ATTACH_SIGNATURE, text.encode("utf-8"))
    writer.add_metadata({META_FINGERPRINT: doc.fingerprint})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_pdf(doc: Document, path: Path, signature: dict[str, Any] | None = None) -> None:
    write_atomically(path, render_pdf(doc, signature))
