"""``verify`` of a PDF whose embedded data another program dropped (pdftocairo and LibreOffice
Draw do): what its pages claim.

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
from rwassign.export.verify.pages import read_qr_codes
from rwassign.export.verify.text import flat

_PRINTED_RE = re.compile(re.escape(flat(FINGERPRINT_LABEL)) + r"([0-9a-f]{64})")
_KEY_RE = re.compile(r"Ed25519,kunci([0-9a-f]{16})")
_NOMOR_RE = re.compile(r"NOMOR\s*:\s*(\S+)")


def check_claims(path: Path, res: Reading, pages: list[str]) -> None:
    """The fingerprint every page prints and its QR code reads, the order's number, the key
    named: the file is identified by what it prints; not an rwassign document if it prints
    no fingerprint at all."""
    printed = [_PRINTED_RE.findall(flat(page)) for page in pages]
    counts = Counter(fp for found in printed for fp in set(found))
    if not counts:
        res.fail("verify.no_embedded", path=str(path))
        return
    fingerprint = counts.most_common(1)[0][0]
    res.fingerprint, res.from_pages = fingerprint, True
    res.fail("verify.form.data_dropped")
    wrong = [n for n, found in enumerate(printed, start=1) if set(found) != {fingerprint}]
    if wrong:
        res.fail("verify.page_fingerprint", page=ranges(wrong))
    codes = read_qr_codes(str(path))
    want = qr_payload(fingerprint)
    other = [n for n, found in enumerate(codes, start=1) if found and want not in found]
    missing = [n for n, found in enumerate(codes, start=1) if not found]
    if other:
        res.fail("verify.qr_differs", pages=ranges(other), text=codes[other[0] - 1][0][:90])
    if missing:
        res.fail("verify.qr_unreadable", pages=ranges(missing))
    keys = {k for page in pages for k in _KEY_RE.findall(flat(page))}
    res.claimed_key = next(iter(keys)) if len(keys) == 1 else None
    nomor = next((m.group(1) for page in pages for m in [_NOMOR_RE.search(page)] if m), "-")
    res.note("verify.claims", nomor=nomor, fingerprint=fingerprint)
    res.note("verify.unchecked")
