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

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

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
    """``ink`` grown by 2 px each way (a square neighbourhood, one axis after the other)."""
    reach = _SLACK // 2
    out = ink.copy()
    for axis in (0, 1):
        grown = out.copy()
        for step in range(1, reach + 1):
            grown |= np.roll(out, step, axis=axis) | np.roll(out, -step, axis=axis)
        out = grown
    return out


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


def read_qr_codes(
    pdf: bytes | str, numbers: list[int] | None = None, reference: bytes | None = None
) -> dict[int, list[str]]:
    """The texts of the QR codes pages ``numbers`` (1-based; all when None) of ``pdf`` show.

    Reading a whole page at 216 dpi takes a third of a second, so the code is looked for where
    it is: where ``reference`` (the PDF rwassign draws) shows it on a page of the same size,
    else where the first page of that size of ``pdf`` shows it; the whole page is read only
    when it is not found there."""
    doc = pdfium.PdfDocument(pdf)
    ref = pdfium.PdfDocument(reference) if reference is not None else None
    boxes: dict[tuple[int, int], tuple[float, float, float, float] | None] = {}
    out: dict[int, list[str]] = {}
    try:
        for n in numbers or range(1, len(doc) + 1):
            page = doc[n - 1]
            size = tuple(round(v) for v in page.get_size())
            key = (size[0], size[1])
            if key not in boxes:
                model = ref[n - 1] if ref is not None and n <= len(ref) else page
                boxes[key] = _qr_box(model)
            box = boxes[key]
            found = _read(page, box) if box is not None else []
            out[n] = found or _read(page, None)
    finally:
        doc.close()
        if ref is not None:
            ref.close()
    return out


def _read(page: pdfium.PdfPage, crop: tuple[float, float, float, float] | None) -> list[str]:
    img = page.render(scale=_QR_SCALE, grayscale=True, crop=crop or (0, 0, 0, 0))
    return [r.text for r in zxingcpp.read_barcodes(np.asarray(img.to_pil().convert("L")))]


def _qr_box(page: pdfium.PdfPage) -> tuple[float, float, float, float] | None:
    """The crop (points cut off left, bottom, right, top) around the QR code a page shows,
    with a margin of 20 pt; None when it shows none."""
    img = np.asarray(page.render(scale=_QR_SCALE, grayscale=True).to_pil().convert("L"))
    codes = zxingcpp.read_barcodes(img)
    if not codes:
        return None
    pos = codes[0].position
    xs = [p.x / _QR_SCALE for p in (pos.top_left, pos.top_right, pos.bottom_left, pos.bottom_right)]
    ys = [p.y / _QR_SCALE for p in (pos.top_left, pos.top_right, pos.bottom_left, pos.bottom_right)]
    width, height = page.get_size()
    left, right = max(0.0, min(xs) - 20), max(0.0, width - max(xs) - 20)
    top, bottom = max(0.0, min(ys) - 20), max(0.0, height - max(ys) - 20)
    return (left, bottom, right, top)


def read_qr_picture(xlsx: Path) -> list[str]:
    """The texts of the QR codes the pictures of an XLSX show (read from the package, so any
    picture format a re-writer chose is read)."""
    found: list[str] = []
    with zipfile.ZipFile(xlsx) as z:
        for name in z.namelist():
            if not name.startswith("xl/media/"):
                continue
            try:
                with Image.open(io.BytesIO(z.read(name))) as img:
                    picture = img.convert("L")
            except (OSError, ValueError):
                continue
            big = picture.resize((picture.width * 4, picture.height * 4), Image.Resampling.NEAREST)
            found += [r.text for r in zxingcpp.read_barcodes(big)]
    return found
