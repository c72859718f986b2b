"""``rwassign verify``: is a printed lampiran (PDF or XLSX) still what was exported?

Three layers, each naming what failed:

1. the embedded canonical content must hash to the fingerprint recorded beside it (PDF
   metadata / XLSX hidden sheet and document property): a changed byte of the data fails;
2. the visible document must say what the content says: for an XLSX every cell of the
   ``Lampiran`` sheet is compared with a sheet rebuilt from the content (differing table rows
   are named by their NO and columns); for a PDF the extracted text of each page must carry
   the fingerprint and every row, in order, and no NRP that the content does not list;
3. a signature record, when present, must be a valid Ed25519 signature of the fingerprint,
   by the key given with ``--public-key`` when one is given.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rwassign.export import signing
from rwassign.export.document import Document, document_from_canonical, fingerprint_of


@dataclass(frozen=True)
class Finding:
    """One message (code + parameters) of the verification."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class VerifyResult:
    path: Path
    fingerprint: str | None = None
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    document: Document | None = None
    signature: Any = None  # the embedded signature record (dict), "damaged", or None

    @property
    def intact(self) -> bool:
        return self.fingerprint is not None and not self.problems

    def fail(self, code: str, **params: Any) -> None:
        self.problems.append(Finding(code, params))


def verify_file(path: Path, public_key: Ed25519PublicKey | None = None) -> VerifyResult:
    """Verify a PDF or XLSX written by ``rwassign export``."""
    path = Path(path)
    res = VerifyResult(path)
    try:
        head = path.read_bytes()[:5]
    except OSError as exc:
        res.fail("verify.unreadable", path=str(path), detail=exc.strerror or str(exc))
        return res
    if head.startswith(b"%PDF"):
        _verify_pdf(path, res)
    elif head.startswith(b"PK"):
        _verify_xlsx(path, res)
    else:
        res.fail("verify.unreadable", path=str(path), detail="not a PDF or XLSX file")
        return res
    if res.fingerprint is None:
        return res
    _check_signature(res, public_key)
    if res.document is not None and res.document.breaches:
        res.notes.append(Finding("verify.breaches", {"n": len(res.document.breaches)}))
    return res


def _load_content(res: VerifyResult, text: str, recorded: dict[str, str | None]) -> None:
    """Hash the embedded content, compare it with each recorded fingerprint, rebuild it."""
    actual = fingerprint_of(text)
    res.fingerprint = actual
    for where, value in recorded.items():
        if value != actual:
            res.fail(
                "verify.fingerprint_mismatch",
                actual=actual[:16],
                recorded=(value or "-")[:16],
                where=where,
            )
    try:
        res.document = document_from_canonical(text)
    except ValueError as exc:
        res.fail("verify.embedded_damaged", detail=str(exc))


def _check_signature(res: VerifyResult, trusted: Ed25519PublicKey | None) -> None:
    record = res.signature
    if record is None:
        if trusted is not None:
            res.fail("verify.unsigned")
        return
    if not isinstance(record, dict):
        res.fail("verify.signature_bad", detail="signature record damaged")
        return
    assert res.fingerprint is not None
    ok, detail = signing.check(record, res.fingerprint, trusted)
    if not ok:
        res.fail("verify.signature_bad", detail=detail)
    elif trusted is not None:
        res.notes.append(Finding("verify.signature_ok", {"key_id": detail}))
    else:
        res.notes.append(Finding("verify.signature_unchecked", {"key_id": detail}))


def _parse_signature(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return "damaged"


# --- XLSX ------------------------------------------------------------------------------------


def _verify_xlsx(path: Path, res: VerifyResult) -> None:
    from openpyxl import Workbook, load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from rwassign.export.xlsx import DATA_SHEET, HEADERS, PROPERTY, SHEET, build_sheet

    try:
        wb = load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        res.fail("verify.unreadable", path=str(path), detail=str(exc))
        return
    if DATA_SHEET not in wb.sheetnames or SHEET not in wb.sheetnames:
        res.fail("verify.no_embedded", path=str(path))
        return
    cells = [row[0] for row in wb[DATA_SHEET].iter_rows(max_col=1, values_only=True)]
    cells += [None] * (3 - len(cells))
    recorded = str(cells[1]) if cells[1] is not None else None
    text = "".join(str(c) for c in cells[3:] if c is not None)
    props = getattr(wb, "custom_doc_props", [])
    prop = next((p.value for p in props if p.name == PROPERTY), None)
    _load_content(
        res,
        text,
        {"sheet _lampiran": recorded, "document property": str(prop) if prop else None},
    )
    res.signature = _parse_signature(str(cells[2]) if cells[2] else None)
    if res.document is None:
        return
    expected_wb = Workbook()
    expected = expected_wb.active
    assert expected is not None
    signature = res.signature if isinstance(res.signature, dict) else None
    lay = build_sheet(expected, res.document, signature)
    actual = wb[SHEET]
    footer = actual.oddFooter.left.text if actual.oddFooter is not None else None
    if (res.fingerprint or "-") not in (footer or ""):
        res.fail("verify.page_fingerprint", page="footer")
    rows = max(actual.max_row, expected.max_row)
    cols = max(actual.max_column, expected.max_column, len(HEADERS))
    by_no: dict[int, list[str]] = {}
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            got = _norm(actual.cell(r, c).value)
            want = _norm(expected.cell(r, c).value)
            if got == want:
                continue
            if r in lay.row_no and c <= len(HEADERS):
                by_no.setdefault(lay.row_no[r], []).append(HEADERS[c - 1])
            elif r > lay.last_row and want == "":
                res.fail("verify.row_extra", row=r, text=got[:60])
                break
            else:
                cell = f"{actual.cell(r, c).coordinate}"
                res.fail("verify.cell_differs", cell=cell, actual=got[:60], expected=want[:60])
    for no, columns in sorted(by_no.items()):
        res.fail("verify.row_differs", no=no, columns=", ".join(columns))


def _norm(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


# --- PDF -------------------------------------------------------------------------------------

_NRP_RE = re.compile(r"(?<![0-9A-Za-z])\d{8}(?![0-9A-Za-z])")
_SPACE_RE = re.compile(r"\s+")


def _verify_pdf(path: Path, res: VerifyResult) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from rwassign.export.pdf import ATTACH_CONTENT, ATTACH_SIGNATURE, META_FINGERPRINT

    try:
        reader = PdfReader(path)
        attachments = reader.attachments
        meta: dict[str, Any] = dict(reader.metadata or {})
        pages = [p.extract_text() or "" for p in reader.pages]
    except (OSError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        res.fail("verify.unreadable", path=str(path), detail=str(exc))
        return
    if ATTACH_CONTENT not in attachments:
        res.fail("verify.no_embedded", path=str(path))
        return
    try:
        text = attachments[ATTACH_CONTENT][0].decode("utf-8")
    except UnicodeDecodeError as exc:
        res.fail("verify.embedded_damaged", detail=str(exc))
        res.fingerprint = hashlib.sha256(attachments[ATTACH_CONTENT][0]).hexdigest()
        return
    recorded = meta.get(META_FINGERPRINT)
    _load_content(res, text, {"PDF metadata": str(recorded) if recorded else None})
    sig = attachments.get(ATTACH_SIGNATURE)
    res.signature = _parse_signature(sig[0].decode("utf-8", "replace") if sig else None)
    wrong = [
        n
        for n, page in enumerate(pages, start=1)
        if f"Sidik SHA-256: {res.fingerprint}" not in page
    ]
    if wrong:
        res.fail("verify.page_fingerprint", page=_ranges(wrong))
    doc = res.document
    if doc is None:
        return
    flat = _SPACE_RE.sub("", "".join(pages))
    pos = 0
    for r in doc.rows:
        needle = _SPACE_RE.sub(
            "", "".join((str(r.no), r.nama, r.pangkat_nrp, r.jabatan_kesatuan, r.unit))
        )
        found = flat.find(needle, pos)
        if found < 0:
            res.fail("verify.row_missing", no=r.no, nama=r.nama, nrp=r.nrp)
        else:
            pos = found + len(needle)
    known = {r.nrp for r in doc.rows} | {doc.details.nrp}
    seen: set[str] = set()
    for page in pages:
        for line in page.splitlines():
            if "SHA-256" in line:
                continue
            for nrp in _NRP_RE.findall(line):
                if nrp not in known and nrp not in seen:
                    seen.add(nrp)
                    res.fail("verify.nrp_unexpected", nrp=nrp)


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``"1-3, 7"``: a message stays one line for a 100-page document."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
