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
   workbook holds only ``Lampiran`` (visible, active) and the very hidden data sheet, no part,
   sheet element, hyperlink, data validation or rich-text run the export does not write; for a
   PDF the extracted text of each page must end with exactly the footer the renderer prints
   there (fingerprint, page label counted over the pages there are), the text above the
   footers must be, whitespace aside, what the renderer prints from the content: every detail
   (nomor, tanggal, place, signer, rank, NRP, position lines, the texts of the order) and
   every cell of every row, in order, with nothing added between them, and no NRP that the
   content does not list; no page may carry an annotation, or an image or form other than
   the QR code; no page turned, scaled or cut to another box; the fonts, with their widths and
   ToUnicode maps, those the renderer embeds;
3. a signature record, when present, must be a valid Ed25519 signature of the fingerprint,
   by the key given with ``--public-key`` when one is given.

The checks live by format: ``content`` (embedded content, fingerprint, signature: both
formats), ``pdf`` and ``text`` (the pages and their printed text), ``pdfobjects`` (how the
pages are drawn, active content), ``xlsx``, ``drawings`` and ``package`` (sheets, cells and
their look, print setup, drawn objects, the package's parts).  What was printed is rebuilt from
``rwassign.export.layout``, the description the renderers draw from.

The verdict is one of three (:class:`Status`), decided by the one table of ``kinds``: *utuh*
when every part is as exported; *ditulis ulang* when another program saved the file again
(fonts embedded again, pages or the QR code redrawn, the data dropped, a margin rounded) but
the printed text and the content still match; *berubah* when the content or the look differs
or active content was added.  A file whose embedded data was dropped is checked against the
fingerprint printed on its pages (footer text and QR code), and the verdict says what could not
be checked.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rwassign.errors import VERDICT_CODES
from rwassign.export.document import Document
from rwassign.export.verify.content import Finding, Reading, check_signature
from rwassign.export.verify.kinds import Kind, kind_of
from rwassign.export.verify.pdf import verify_pdf
from rwassign.export.verify.xlsx import verify_xlsx

__all__ = ["Finding", "Status", "Verdict", "verify_file"]


class Status(enum.StrEnum):
    """The three verdicts; the exit code of each is in ``rwassign.errors.VERDICT_CODES``."""

    UTUH = "utuh"
    DITULIS_ULANG = "ditulis_ulang"
    BERUBAH = "berubah"


@dataclass(frozen=True)
class Verdict:
    """What ``verify`` says about one file: a value, never an exception.

    ``problems`` name what makes the file *berubah*, ``rewrites`` what another program changed
    in its form (*ditulis ulang*), ``notes`` what the reader should know either way (signed by
    whom, printed with ``--force``, which program re-wrote it, what could not be checked).
    ``fingerprint`` is that of the embedded data, or, when a re-writer dropped the data, the one
    printed on every page (``from_pages``)."""

    path: Path
    fingerprint: str | None = None
    problems: tuple[Finding, ...] = ()
    notes: tuple[Finding, ...] = ()
    document: Document | None = None
    signature: Any = None  # the embedded signature record (dict), "damaged", or None
    rewrites: tuple[Finding, ...] = ()
    from_pages: bool = False

    @property
    def status(self) -> Status:
        if self.fingerprint is None or self.problems:
            return Status.BERUBAH
        return Status.DITULIS_ULANG if self.rewrites else Status.UTUH

    @property
    def intact(self) -> bool:
        return self.status is Status.UTUH

    @property
    def exit_code(self) -> int:
        """0 utuh, 7 ditulis ulang, 6 berubah (the table of ``rwassign.errors``)."""
        return VERDICT_CODES[self.status.value][1]

    @property
    def status_name(self) -> str:
        """``INTACT``, ``REWRITTEN`` or ``CHANGED``, for JSON and scripts."""
        return VERDICT_CODES[self.status.value][0]


def verify_file(path: Path, public_key: Ed25519PublicKey | None = None) -> Verdict:
    """Verify a PDF or XLSX written by ``rwassign export``; a file that cannot be read is a
    verdict too (not intact, naming why), never an exception.

    Example: ``verify_file(Path("lampiran.pdf"), load_public(Path("kapolres.pub.pem"))).intact``
    """
    path = Path(path)
    res = Reading()
    try:
        head = path.read_bytes()[:5]
    except OSError as exc:
        res.fail("verify.unreadable", path=str(path), detail=exc.strerror or str(exc))
        return _verdict(path, res)
    if head.startswith(b"%PDF"):
        verify_pdf(path, res)
    elif head.startswith(b"PK"):
        verify_xlsx(path, res)
    else:
        res.fail("verify.unreadable", path=str(path), detail="not a PDF or XLSX file")
        return _verdict(path, res)
    if res.fingerprint is None:
        return _verdict(path, res)
    check_signature(res, public_key)
    if res.document is not None and res.document.breaches:
        res.note("verify.breaches", n=len(res.document.breaches))
    return _verdict(path, res)


def _verdict(path: Path, res: Reading) -> Verdict:
    """Sort the findings by the table of ``kinds``: what changed, what a re-writer did."""
    return Verdict(
        path=path,
        fingerprint=res.fingerprint,
        problems=tuple(f for f in res.problems if kind_of(f.code) is Kind.CHANGED),
        notes=tuple(res.notes),
        document=res.document,
        signature=res.signature,
        rewrites=tuple(f for f in res.problems if kind_of(f.code) is Kind.REWRITTEN),
        from_pages=res.from_pages,
    )
