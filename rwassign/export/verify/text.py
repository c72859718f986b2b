"""``verify`` of a PDF: the printed text above the footers, walked against the layout.

The text is compared without whitespace (line breaks depend on the extractor), value by value
in the order of ``rwassign.export.layout``: each value must come after the one before, with
exactly the fixed text the renderer prints between them (a label, the table header, a band),
so a changed value is named, and so is text added beside one.  A row not found as printed is
aligned with the text where it should be, to name the cells that differ.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from rwassign import i18n
from rwassign.export import layout
from rwassign.export.document import Document
from rwassign.export.layout import HEADERS, Part, Section, Step
from rwassign.export.pdf import printable
from rwassign.export.verify.content import Reading

_SPACE_RE = re.compile(r"\s+")


def flat(text: str) -> str:
    """``text`` without whitespace: how lines break differs between extractors, text not."""
    return _SPACE_RE.sub("", text)


def printed(text: str) -> str:
    """``text`` as the renderer draws it (letters its fonts lack replaced), whitespace-free."""
    return flat(printable(text))


def _row_what(no: int) -> dict[str, str]:
    return i18n.both("verify.at.row", {"no": no})


class _Walk:
    """Walks the whitespace-free text of one part of the PDF (Sprin or lampiran), needle by
    needle in printed order.  Each needle must come after the previous one, and the text
    between two needles must be exactly what the renderer prints there (a label, a table
    header, nothing), so text added to a printed value is found as well as a changed value."""

    def __init__(self, res: Reading, text: str, part: str) -> None:
        self.res, self.text, self.part = res, text, part
        self.pos = 0
        self.placed = True  # the previous needle was found: the text after it is checked
        self.prev: Any = i18n.both("verify.at.start", {"part": part})
        self.gap = ""  # constant text due before the next needle

    def const(self, text: str) -> None:
        self.gap += printed(text)

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
                "verify.text_extra", text=residue(between, allowed), before=self.prev, after=what
            )
        self.pos, self.placed, self.prev, self.gap = at + len(needle), True, what, ""

    def lose(self) -> None:
        self.placed, self.gap = False, ""

    def detail(self, key: str, shown: str) -> None:
        """One value of ``doc.details`` as printed (``shown``), named by its ``Dokumen`` key."""
        needle = printed(shown)
        if not needle:
            return
        allowed = {self.gap}
        at = self.seek(needle, allowed)
        if at < 0:
            self.res.fail("verify.detail_differs", detail=key, part=self.part, text=shown[:60])
            self.lose()
        else:
            self.place(at, needle, i18n.both("verify.at.detail", {"key": key}), allowed)

    def end(self) -> None:
        rest = self.text[self.pos :]
        if self.placed and rest != self.gap:
            what = i18n.both("verify.at.end", {"part": self.part})
            self.res.fail(
                "verify.text_extra", text=residue(rest, {self.gap}), before=self.prev, after=what
            )


def residue(actual: str, expected: set[str]) -> str:
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


def _lines(w: _Walk, lines: tuple[layout.Line, ...]) -> None:
    """Printed lines in order: a value where its key says, fixed text (no key) between."""
    for line in lines:
        if line.key:
            w.detail(line.key, line.text)
        else:
            w.const(line.text)


def check_sprin(res: Reading, doc: Document, text: str) -> None:
    """The order itself, part by part as ``layout.sprin_parts`` lists them."""
    d = doc.details
    w = _Walk(res, text, "Sprin")
    for part in layout.sprin_parts(d):
        if isinstance(part, Section):
            w.const(f"{part.label}:")
            many = len(part.items) > 1  # numbered only when there are several
            for i, item in enumerate(part.items, start=1):
                key = f"{part.key} {i}" if many else part.key
                w.detail(key, f"{i}. {item}" if many else item)
            if part.rest:
                w.const(part.rest)
        elif part is Step.KOP:
            _lines(w, layout.kop_lines(d))
        elif part is Step.TITLE:
            w.const(layout.SPRIN_TITLE)
            _lines(w, (layout.nomor_line(d),))
        elif part is Step.ORDERED:
            w.const(layout.ORDERED)
        elif part is Step.CLOSING:
            w.const(layout.CLOSING)
        elif part is Step.SIGNATURE:
            _lines(w, layout.signature_lines(d))
    w.end()


def check_lampiran(res: Reading, doc: Document, text: str) -> None:
    """Every part of ``layout.LAMPIRAN`` in order: the head, every cell of every row (with
    the Polsek bands), the signature block."""
    w = _Walk(res, text, "lampiran")
    for part in layout.LAMPIRAN:
        if part is Part.TABLE:
            _table(w, doc)
        else:
            _lines(w, layout.lines_of(part, doc))
    w.end()


def _table(w: _Walk, doc: Document) -> None:
    """Every cell of every row, in order.

    Between two rows the renderer prints nothing, the band of a new Polsek, or (at a page
    break) the table header and the running band ``POLSEK X (lanjutan)``."""
    res, text = w.res, w.text
    header = printed("".join(HEADERS))
    cells = [[printed(c) for c in layout.row_cells(r)] for r in doc.rows]
    needles = ["".join(c) for c in cells]
    sign_at = printed(layout.signature_lines(doc.details)[0].text)
    band_of: str | None = None  # the band last printed (grouping)
    running = ""  # the Polsek of the row last drawn
    after = 0  # where the text of the last row not found ended, when that is known
    for i, r in enumerate(doc.rows):
        band = ""
        if r.polsek != band_of:
            band_of = r.polsek
            band = printed(layout.band_text(r.polsek))
        # At a page break the new page goes on with the band of the row's own Polsek.  A band
        # is kept with its first row; files of earlier versions could end a page with it and
        # go on with the band of the Polsek before.
        more = header + printed(layout.running_band_text(r.polsek))
        starts = [w.gap + header] if i == 0 else ["", header] if band else [""]
        allowed = {s + band for s in starts}
        if band:
            legacy = header + printed(layout.running_band_text(running))
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
                columns = ", ".join(HEADERS[c] for c in bad)
                res.fail(
                    "verify.row_text_differs", no=r.no, nama=r.nama, nrp=r.nrp, columns=columns
                )
            else:
                res.fail("verify.row_missing", no=r.no, nama=r.nama, nrp=r.nrp)
            w.lose()
        running = r.polsek
    if not doc.rows:
        w.const(header)


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
