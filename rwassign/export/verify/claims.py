"""``verify`` of a file whose embedded data another program dropped (pdftocairo and LibreOffice
Draw drop a PDF's attachments; a spreadsheet program may drop a very hidden sheet): what its
pages claim.

Without the data there is nothing to compare the printed rows with, so the pages are checked
against themselves: every page must print the same fingerprint in its footer, and its QR code
must read that fingerprint; the order's number and the signing key the footer names are
reported.  The verdict is then *ditulis ulang* at best, and says what could not be checked (the
rows and details against the data, the signature): the file rwassign wrote, or its XLSX twin,
carries the data and can be verified in full, and its fingerprint compared with this one.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from rwassign.export.output import FINGERPRINT_LABEL, qr_payload
from rwassign.export.verify.content import Reading, ranges
from rwassign.export.verify.pages import read_qr_codes, read_qr_picture
from rwassign.export.verify.text import flat

_PRINTED_RE = re.compile(re.escape(flat(FINGERPRINT_LABEL)) + r"([0-9a-f]{64})")
_KEY_RE = re.compile(r"Ed25519,kunci([0-9a-f]{16})")
_NOMOR_RE = re.compile(r"NOMOR\s*:\s*(\S+)")
_SHEET_RE = re.compile(r"SHA-256:?([0-9a-f]{64})")
_SHEET_KEY_RE = re.compile(r"kunci ([0-9a-f]{16})")


def check_claims(path: Path, res: Reading, pages: list[str]) -> None:
    """A PDF without its data: the fingerprint every page prints and its QR code reads, the
    order's number, the key named."""
    printed = [_PRINTED_RE.findall(flat(page)) for page in pages]
    if not any(printed):
        res.fail("verify.no_embedded", path=str(path))
        return
    found = read_qr_codes(str(path))
    codes = [found[n] for n in sorted(found)]
    keys = {k for page in pages for k in _KEY_RE.findall(flat(page))}
    nomor = next((m.group(1) for page in pages for m in [_NOMOR_RE.search(page)] if m), "-")
    claim(res, printed, codes, keys, nomor)


def check_sheet_claims(path: Path, res: Reading, footer: str, texts: list[str]) -> bool:
    """An XLSX whose hidden data sheet was dropped: the fingerprint in the page footer (the
    one "page" of a sheet) and under the QR code, what the QR picture reads, the key the footer
    names, the order's number from the cells.  False when it prints no fingerprint at all."""
    printed = _SHEET_RE.findall(flat(footer)) + [
        fp for text in texts for fp in _SHEET_RE.findall(flat(text))
    ]
    if not printed:
        return False
    codes = [read_qr_picture(path)]
    keys = set(_SHEET_KEY_RE.findall(footer))
    nomor = next((m.group(1) for text in texts for m in [_NOMOR_RE.search(text)] if m), "-")
    claim(res, [sorted(set(printed))], codes, keys, nomor)
    return True


def claim(
    res: Reading, printed: list[list[str]], codes: list[list[str]], keys: set[str], nomor: str
) -> None:
    """Identify the file by what it prints (``printed``: the fingerprints found on each page,
    ``codes``: what each page's QR code reads), and say what could not be checked."""
    counts = Counter(fp for found in printed for fp in set(found))
    fingerprint = counts.most_common(1)[0][0]
    res.fingerprint, res.from_pages = fingerprint, True
    res.fail("verify.form.data_dropped")
    wrong = [n for n, found in enumerate(printed, start=1) if set(found) != {fingerprint}]
    if wrong:
        res.fail("verify.page_fingerprint", page=ranges(wrong))
    want = qr_payload(fingerprint)
    other = [n for n, found in enumerate(codes, start=1) if found and want not in found]
    missing = [n for n, found in enumerate(codes, start=1) if not found]
    if other:
        res.fail("verify.qr_differs", pages=ranges(other), text=codes[other[0] - 1][0][:90])
    if missing:
        res.fail("verify.qr_unreadable", pages=ranges(missing))
    res.claimed_key = next(iter(keys)) if len(keys) == 1 else None
    res.note("verify.claims", nomor=nomor, fingerprint=fingerprint)
    res.note("verify.unchecked")
