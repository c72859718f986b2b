"""The one description of what the Sprin and its lampiran print, in printed order.

Both renderers and ``rwassign verify`` read the lampiran from here: the PDF renderer draws
these parts at its positions, the XLSX renderer writes them row by row, and ``verify`` walks
them in the same order through the printed text (PDF) or rebuilds the sheet from them (XLSX).
So a part added, moved or reworded here changes all three at once, and a renderer cannot
print something ``verify`` does not expect.

A printed :class:`Line` knows the ``Dokumen`` key it shows (``verify`` names that key when the
printed text differs) and, where the renderers align a value after a label
(``NOMOR : ...``), the label apart from the value.  The table is described by
:data:`COLUMNS`: header, the ``DocRow`` field a cell shows, and its width in each format.

A cell whose text would make its row taller than a page (a name of thousands of characters)
is printed cut, ending in :data:`CUT_MARK` (:func:`cut_to_fit`): an official order must not
run its table over the footer with the fingerprint, and a row torn across pages would leave a
page whose cells cannot be read on their own.  The full text stays in the plan and in the
content embedded in the file, and the export names every cut cell in a note.  The PDF cuts
here (:func:`row_cells`), the XLSX where a row would pass Excel's 409 pt or its first page
(``rwassign.export.xlsx``); ``verify`` expects the cut text from the same functions.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rwassign.export import pdftext
from rwassign.export.dates import tanggal_id
from rwassign.export.document import Details, DocRow, Document
from rwassign.export.output import FINGERPRINT_LABEL, FORCED_BANNER


@dataclass(frozen=True)
class Column:
    """One column of the lampiran table."""

    header: str
    field: str  # the ``DocRow`` attribute (or property) the cell shows
    pdf_width: float  # points, padding included
    xlsx_width: float  # Excel character widths

    def value(self, row: DocRow) -> int | str:
        """The cell as the XLSX stores it (``NO`` a number, the rest text)."""
        value: int | str = getattr(row, self.field)
        return value


#: The XLSX widths fit the landscape page's printable width at 100 % (146.5 units of 5.25 pt,
#: 769 pt): what is printed keeps the size its rows were measured for.  Every header fits its
#: column on one line in both formats (a test measures it).
COLUMNS: tuple[Column, ...] = (
    Column("NO", "no", 24, 5),
    Column("NAMA", "nama", 118, 21),
    Column("PANGKAT/NRP", "pangkat_nrp", 92, 18),
    Column("JABATAN/KESATUAN", "jabatan_kesatuan", 140, 28),
    Column("RW/DUSUN", "unit", 56, 11.5),
    Column("DESA/KELURAHAN", "desa", 92, 18),
    Column("KECAMATAN", "kecamatan", 82, 15),
    Column("POLSEK", "polsek", 82, 16),
    Column("KET", "ket", 83, 14),
)
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)


def row_values(row: DocRow) -> tuple[int | str, ...]:
    """The cells of one table row as the XLSX stores them."""
    return tuple(c.value(row) for c in COLUMNS)


def row_cells(row: DocRow) -> tuple[str, ...]:
    """The cells of one table row as text, as the PDF prints them: a cell that would make the
    row taller than a page cut to fit (module docstring)."""
    most = pdf_cell_lines()
    out = []
    for column, value in zip(COLUMNS, row_values(row), strict=True):
        width = column.pdf_width - 2 * pdftext.PAD
        out.append(cut_to_fit(str(value), functools.partial(_pdf_lines, width=width), most))
    return tuple(out)


def cut_cells(doc: Document) -> list[tuple[int, str]]:
    """(row ``NO``, column) of every table cell the PDF prints cut."""
    return [
        (r.no, column.header)
        for r in doc.rows
        for column, shown, value in zip(COLUMNS, row_cells(r), row_values(r), strict=True)
        if shown != str(value)
    ]


#: The end of a cell's text cut because its row would not fit on a page.
CUT_MARK = "… [terpotong]"


def cut_to_fit(text: str, lines_of: Callable[[str], int], most: int) -> str:
    """``text`` if it takes at most ``most`` lines (as ``lines_of`` counts them), else its
    longest beginning that does with :data:`CUT_MARK` after it.  A binary search over the
    length: about 14 measures of a 10,000-character text, each linear."""
    if lines_of(text) <= most:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if lines_of(_cut(text, mid)) <= most:
            low = mid
        else:
            high = mid - 1
    return _cut(text, low)


def _cut(text: str, length: int) -> str:
    return text[:length].rstrip() + CUT_MARK


def _pdf_lines(text: str, width: float) -> int:
    """Lines of ``text`` in a PDF table cell ``width`` points wide (1 for a text that fits in
    :func:`pdf_cell_lines` lines for certain, whatever its breaks)."""
    size = pdftext.SIZE
    measured = pdftext.text_width(text, size)
    # Greedy wrapping fills any two lines in a row past one line's width: a text this narrow
    # takes at most as many lines as the bound below, so most cells need no wrapping here.
    if 2 * measured / width + 1 + text.count("\n") <= pdf_cell_lines():
        return 1
    return len(pdftext.wrap(text, pdftext.FONT, size, width))


@functools.cache
def pdf_cell_lines() -> int:
    """The most lines a PDF table cell prints: its row then fits on any page."""
    lines = max(
        len(pdftext.wrap(c.header, pdftext.BOLD, pdftext.SIZE, c.pdf_width - 2 * pdftext.PAD))
        for c in COLUMNS
    )
    return int((pdftext.row_room(lines) - 2 * pdftext.PAD) // pdftext.LEADING)


def band_text(polsek: str) -> str:
    """The band above the first row of each Polsek."""
    return (polsek or "-").upper()


def running_band_text(polsek: str) -> str:
    """The band at the top of a PDF page that goes on with the Polsek of the page before."""
    return f"{polsek.upper()} (lanjutan)"


# --- printed lines -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One printed line: ``value`` (after ``label :`` when there is a label).

    ``key`` is the ``Dokumen`` key the value shows, named by ``verify`` when it is not printed
    as the content says; an empty key marks fixed text.  ``joined`` lines are printed on the
    line before, after a space (the rank in words and the NRP), but checked as their own key.
    """

    key: str
    value: str
    label: str = ""
    joined: bool = False

    @property
    def text(self) -> str:
        return f"{self.label} : {self.value}" if self.label else self.value


def printed(lines: Sequence[Line]) -> list[str]:
    """The texts as the renderers print them, ``joined`` lines appended to the line before."""
    out: list[str] = []
    for line in lines:
        if line.joined and out:
            out[-1] += f" {line.text}"
        else:
            out.append(line.text)
    return out


def kop_lines(d: Details) -> tuple[Line, ...]:
    """The three heading lines, top left of the first page (and of the order)."""
    return tuple(Line(k, s) for k, s in zip(("kop", "polda", "polres"), d.kop, strict=True))


def attachment_lines(d: Details) -> tuple[Line, ...]:
    """``LAMPIRAN SURAT PERINTAH ...``, ``NOMOR : ...``, ``TANGGAL : ...`` (top right)."""
    first, *rest = d.lampiran_header
    out = [Line("polres", first)]
    for key, text in zip(("nomor", "tanggal"), rest, strict=True):
        label, _, value = text.partition(" : ")
        out.append(Line(key, value, label))
    return tuple(out)


def title_line(doc: Document) -> Line:
    return Line("judul", doc.title)


def breach_lines(doc: Document) -> tuple[Line, ...]:
    """The banner of a forced print and one line per breach; nothing when there is none."""
    if not doc.breaches:
        return ()
    return (Line("", f"{FORCED_BANNER}:"), *(Line("pelanggaran", b) for b in doc.breaches))


def signature_lines(d: Details) -> tuple[Line, ...]:
    """Place and date, the position lines, the name, the rank in words and the NRP."""
    keys = ("atas_nama", "jabatan") if d.atas_nama else ("jabatan",)
    words, label, number = d.rank_line.rsplit(" ", 2)
    return (
        Line("tempat", d.tempat.upper(), "Dikeluarkan di"),
        Line("tanggal", tanggal_id(d.tanggal), "pada tanggal"),
        *(Line(k, s) for k, s in zip(keys, d.signer_lines, strict=True)),
        Line("penandatangan", d.penandatangan),
        Line("pangkat", words),
        Line("nrp", f"{label} {number}", joined=True),
    )


# --- the order of parts ------------------------------------------------------------------------


class Part(enum.Enum):
    """A part of the lampiran; :data:`LAMPIRAN` lists them in printed order."""

    KOP = "kop"
    ATTACHMENT = "attachment"  # the lampiran header, top right
    TITLE = "title"
    BREACHES = "breaches"
    TABLE = "table"
    SIGNATURE = "signature"


LAMPIRAN: tuple[Part, ...] = (
    Part.KOP,
    Part.ATTACHMENT,
    Part.TITLE,
    Part.BREACHES,
    Part.TABLE,
    Part.SIGNATURE,
)


def lines_of(part: Part, doc: Document) -> tuple[Line, ...]:
    """The printed lines of every part but the table."""
    d = doc.details
    if part is Part.KOP:
        return kop_lines(d)
    if part is Part.ATTACHMENT:
        return attachment_lines(d)
    if part is Part.TITLE:
        return (title_line(doc),)
    if part is Part.BREACHES:
        return breach_lines(doc)
    if part is Part.SIGNATURE:
        return signature_lines(d)
    raise ValueError(f"the {part.value} part has rows, not lines")


# --- the order (Sprin) -------------------------------------------------------------------------

SPRIN_TITLE = "SURAT PERINTAH"
ORDERED = "DIPERINTAHKAN"
CLOSING = "Selesai."
#: The fixed end of the order's "Kepada" line, after "Personel Polres <name>".
KEPADA_REST = (
    "dengan nama, pangkat/NRP, jabatan dan kesatuan sesuai yang tercantum dalam lampiran surat "
    "perintah ini."
)


class Step(enum.Enum):
    """A piece of the order that is not a labelled section."""

    KOP = "kop"
    TITLE = "title"  # SURAT PERINTAH and its number
    ORDERED = "ordered"  # DIPERINTAHKAN
    CLOSING = "closing"  # Selesai.
    SIGNATURE = "signature"


@dataclass(frozen=True)
class Section:
    """A labelled section of the order (``Dasar : 1. ... 2. ...``).

    Its items are numbered when there are several.  ``rest`` is fixed text printed after the
    last item (the Kepada line), which ``verify`` expects but does not name as a detail."""

    label: str
    key: str
    items: tuple[str, ...]
    rest: str = ""

    def texts(self) -> tuple[str, ...]:
        """The items as printed, ``rest`` appended to the last one."""
        if not self.rest:
            return self.items
        return (*self.items[:-1], f"{self.items[-1]} {self.rest}")


def nomor_line(d: Details) -> Line:
    return Line("nomor", d.nomor, "Nomor")


def sprin_parts(d: Details) -> tuple[Step | Section, ...]:
    """The order, in printed order."""
    parts: list[Step | Section] = [
        Step.KOP,
        Step.TITLE,
        Section("Pertimbangan", "pertimbangan", d.pertimbangan),
        Section("Dasar", "dasar", d.dasar),
        Step.ORDERED,
        Section("Kepada", "polres", (f"Personel Polres {d.polres.title()}",), KEPADA_REST),
        Section("Untuk", "untuk", d.untuk),
        Step.CLOSING,
        Step.SIGNATURE,
    ]
    if d.tembusan:
        parts.append(Section("Tembusan", "tembusan", d.tembusan))
    return tuple(parts)


# --- footers -----------------------------------------------------------------------------------

#: The page label, PDF and XLSX (whose footer fills in ``&P`` and ``&N`` itself).
PAGE_LABEL = "Halaman {n} dari {total}"
SPRIN_PAGE_LABEL = "Surat Perintah - halaman {n}"
#: Beside the QR code of the XLSX, and under it: the fingerprint in full.
QR_CAPTION = "Pindai untuk sidik dokumen:"


def footer_texts(
    fingerprint: str, signature: dict[str, Any] | None, breached: bool
) -> tuple[str, ...]:
    """What every PDF page's footer prints above its page label, in the order drawn."""
    if signature:
        note = (
            f"Ditandatangani digital (Ed25519, kunci {signature.get('key_id')}). "
            "Periksa: rwassign verify <berkas> --public-key <kunci.pub.pem>"
        )
    else:
        note = "Periksa keutuhan: rwassign verify <berkas>"
    return (f"{FINGERPRINT_LABEL} {fingerprint}", note, *((FORCED_BANNER,) if breached else ()))


def xlsx_footer_note(fingerprint: str, signature: dict[str, Any] | None) -> str:
    """The left footer of every XLSX page."""
    note = f"{FINGERPRINT_LABEL} {fingerprint}"
    if signature:
        note += f" - ditandatangani digital, kunci {signature['key_id']}"
    return note


def fingerprint_caption(fingerprint: str) -> str:
    """The fingerprint in full under the XLSX's QR code."""
    return f"SHA-256 {fingerprint}"


def sprin_label(n: int) -> str:
    """The page label of the ``n``-th page of the order."""
    return SPRIN_PAGE_LABEL.format(n=n)


def page_label(n: int | str, total: int | str) -> str:
    """The page label of the ``n``-th of ``total`` pages of the lampiran."""
    return PAGE_LABEL.format(n=n, total=total)
