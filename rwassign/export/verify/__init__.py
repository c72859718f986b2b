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

The checks live by format: ``content`` (embedded content, fingerprint, signature: both
formats), ``pdf`` and ``text`` (the pages and their printed text), ``xlsx`` and ``drawings``
(sheets, cells and their look, print setup, drawn objects).  What was printed is rebuilt from
``rwassign.export.layout``, the description the renderers draw from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rwassign.export.document import Document
from rwassign.export.verify.content import Finding, Reading, check_signature
from rwassign.export.verify.pdf import verify_pdf
from rwassign.export.verify.xlsx import verify_xlsx

__all__ = ["Finding", "Verdict", "verify_file"]


@dataclass(frozen=True)
class Verdict:
    """What ``verify`` says about one file: a value, never an exception.

    ``intact`` when the embedded content could be read and nothing failed; ``problems`` name
    what differs, ``notes`` what the reader should know of an intact file (signed by whom,
    printed with ``--force``)."""

    path: Path
    fingerprint: str | None = None
    problems: tuple[Finding, ...] = ()
    notes: tuple[Finding, ...] = ()
    document: Document | None = None
    signature: Any = None  # the embedded signature record (dict), "damaged", or None

    @property
    def intact(self) -> bool:
        return self.fingerprint is not None and not self.problems


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
    return Verdict(
        path=path,
        fingerprint=res.fingerprint,
        problems=tuple(res.problems),
        notes=tuple(res.notes),
        document=res.document,
        signature=res.signature,
    )
