"""Atomic file output (over :mod:`rwassign.io.atomic`) and the small QR helper shared by both
renderers."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.graphics.barcode import qrencoder

from rwassign.export.errors import ExportError
from rwassign.io import atomic as io_atomic


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through the project's one atomic writer
    (:func:`rwassign.io.atomic.write_atomically`), so a reader (or a printer queue) never sees
    half a document; a failure becomes the export's own ``export.not_writable``."""
    if not path.parent.is_dir():
        raise ExportError("export.not_writable", "output", path=str(path), detail="no folder")
    try:
        io_atomic.write_atomically(path, lambda handle: handle.write(data))
    except OSError as exc:
        raise ExportError("export.not_writable", "output", path=str(path), detail=str(exc)) from exc


#: What precedes the fingerprint in every footer, PDF and XLSX; ``verify`` looks for it.
FINGERPRINT_LABEL = "Sidik SHA-256:"
#: The banner of a document printed with ``--force`` despite rule breaches (PDF and XLSX).
FORCED_BANNER = "DICETAK DENGAN PELANGGARAN ATURAN (--force)"


def qr_payload(fingerprint: str) -> str:
    """What the QR code says: the format and the fingerprint, readable by any phone app."""
    return f"rwassign-lampiran/1 sha256:{fingerprint}"


def qr_matrix(text: str) -> list[list[bool]]:
    """Dark modules of a QR code (error correction M), row by row, without the quiet zone."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.make()
    n = qr.getModuleCount()
    return [[bool(qr.isDark(r, c)) for c in range(n)] for r in range(n)]


def qr_png(text: str, scale: int = 4, border: int = 2) -> bytes:
    """The QR code as a PNG (for the XLSX, which cannot draw vector graphics)."""
    from PIL import Image

    matrix = qr_matrix(text)
    n = len(matrix) + 2 * border
    img = Image.new("1", (n * scale, n * scale), 1)
    pixels = img.load()
    assert pixels is not None
    for r, line in enumerate(matrix):
        for c, dark in enumerate(line):
            if dark:
                for dy in range(scale):
                    for dx in range(scale):
                        pixels[(c + border) * scale + dx, (r + border) * scale + dy] = 0
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()
