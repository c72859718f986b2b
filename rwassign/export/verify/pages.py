"""``verify`` of a PDF by what its pages show: rendered, compared with the pages rwassign draws,
and their QR codes read.

Used where the pages' drawing is no longer the one rwassign wrote (another program re-wrote the
file): the drawing instructions then differ entirely, but a reader sees the same page, and that
is what is compared.  A page is rendered at 72 dpi in grey; a dark pixel of one page with no
dark pixel within 2 px on the other counts as ink added or missing (fonts embedded again shift
a stroke by a pixel, never more); a page where more than :data:`INK_TOLERANCE` such pixels
appear shows something else: text covered or struck out, a stamp, a picture.  The QR code is
read at 216 dpi with zxing-cpp, as a phone would.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import zxingcpp
from PIL import Image, ImageFilter

#: Pixels (at 72 dpi, one per point) of ink added or missing that a re-write may cause: the
#: re-writes measured (ghostscript, pdftocairo, LibreOffice Draw) differ by at most 10, one
#: letter of 9-point text is about 15, a covered row several hundred.
INK_TOLERANCE = 40
_DARK = 160
_SLACK = 5  # the neighbourhood (px) in which ink counts as the same: 2 px each side
_QR_SCALE = 3.0
_MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class LookDiff:
    """How one page's look differs: ink pixels added and missing, and where (mm from the top
    left of the page) the differing area lies."""

    added: int
    missing: int
    top_mm: int
    bottom_mm: int

    @property
    def differs(self) -> bool:
        return self.added > INK_TOLERANCE or self.missing > INK_TOLERANCE


def _grey(page: pdfium.PdfPage, scale: float) -> np.ndarray:
    return np.asarray(page.render(scale=scale, grayscale=True).to_pil().convert("L"))


def _near(ink: np.ndarray) -> np.ndarray:
    img = Image.fromarray(ink.astype(np.uint8) * 255).filter(ImageFilter.MaxFilter(_SLACK))
    return np.asarray(img) > 0


def compare_look(actual: bytes | str, expected: bytes, numbers: list[int]) -> dict[int, LookDiff]:
    """The look of pages ``numbers`` (1-based) of ``actual`` against the same pages of
    ``expected`` (a path or the PDF's bytes); pages of another size are left to the caller."""
    got_pdf, want_pdf = pdfium.PdfDocument(actual), pdfium.PdfDocument(expected)
    out: dict[int, LookDiff] = {}
    try:
        for n in numbers:
            got, want = _grey(got_pdf[n - 1], 1.0), _grey(want_pdf[n - 1], 1.0)
            h, w = min(got.shape[0], want.shape[0]), min(got.shape[1], want.shape[1])
            got_ink, want_ink = got[:h, :w] < _DARK, want[:h, :w] < _DARK
            added = got_ink & ~_near(want_ink)
            missing = want_ink & ~_near(got_ink)
            rows = np.nonzero((added | missing).any(axis=1))[0]
            top, bottom = (int(rows[0]), int(rows[-1])) if len(rows) else (0, 0)
            out[n] = LookDiff(
                int(added.sum()),
                int(missing.sum()),
                round(top * _MM_PER_PT),
                round(bottom * _MM_PER_PT),
            )
    finally:
        got_pdf.close()
        want_pdf.close()
    return out


def read_qr_codes(pdf: bytes | str) -> list[list[str]]:
    """The texts of the QR codes each page shows, page by page."""
    doc = pdfium.PdfDocument(pdf)
    try:
        return [
            [r.text for r in zxingcpp.read_barcodes(_grey(doc[i], _QR_SCALE))]
            for i in range(len(doc))
        ]
    finally:
        doc.close()
