"""``verify`` of a PDF: its pages against the embedded content.

Every page must carry the fingerprint and end with exactly the footer the renderer prints there,
draw no annotation and no image or form but the QR code, and name no NRP the content does not
list; the text above the footers is walked by ``text`` (the order, then the lampiran).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from rwassign import i18n
from rwassign.export import layout
from rwassign.export.document import Document
from rwassign.export.output import FINGERPRINT_LABEL
from rwassign.export.pdf import ATTACH_CONTENT, ATTACH_SIGNATURE, META_FINGERPRINT
from rwassign.export.verify.claims import check_claims
from rwassign.export.verify.content import Reading, load_content, parse_signature, ranges
from rwassign.export.verify.pdfobjects import ANNOTATIONS, active_content, check_drawing
from rwassign.export.verify.text import check_lampiran, check_sprin, flat, printed, residue

_NRP_RE = re.compile(r"(?<![0-9A-Za-z])\d{8}(?![0-9A-Za-z])")


def verify_pdf(path: Path, res: Reading) -> None:
    """Read the embedded content of a PDF, then check its pages against it: the fingerprint
    and footer of every page, the objects drawn, the printed text, no NRP the content lacks,
    active content; then how the pages are drawn (``drawing``).  Without embedded data, check
    what the pages claim (``claims``)."""
    try:
        raw = path.read_bytes()
        reader = PdfReader(path)
        attachments = reader.attachments
        meta: dict[str, Any] = dict(reader.metadata or {})
        pages = [p.extract_text() or "" for p in reader.pages]
        upright = [float(p.mediabox.width) < float(p.mediabox.height) for p in reader.pages]
        extras = [_page_extras(p) for p in reader.pages]
        active = active_content(reader)
    except (OSError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        res.fail("verify.unreadable", path=str(path), detail=str(exc))
        return
    for what in active:
        res.fail("verify.active_content", what=what)
    _check_annotations(res, extras)
    if ATTACH_CONTENT not in attachments:
        check_claims(path, res, pages)
        return
    try:
        text = attachments[ATTACH_CONTENT][0].decode("utf-8")
    except UnicodeDecodeError as exc:
        res.fail("verify.embedded_damaged", detail=str(exc))
        res.fingerprint = hashlib.sha256(attachments[ATTACH_CONTENT][0]).hexdigest()
        return
    recorded = meta.get(META_FINGERPRINT)
    load_content(res, text, {"verify.where.pdf_properties": str(recorded) if recorded else None})
    sig = attachments.get(ATTACH_SIGNATURE)
    res.signature = parse_signature(sig[0].decode("utf-8", "replace") if sig else None)
    wrong = [
        n
        for n, page in enumerate(pages, start=1)
        if f"{FINGERPRINT_LABEL} {res.fingerprint}" not in page
    ]
    if wrong:
        res.fail("verify.page_fingerprint", page=ranges(wrong))
    doc = res.document
    if doc is None:
        return
    bodies = _bodies(res, doc, pages, upright, set(wrong))
    if doc.with_sprin:  # the order is printed portrait, its lampiran landscape
        if any(upright):
            check_sprin(res, doc, "".join(b for b, up in zip(bodies, upright, strict=True) if up))
        else:
            res.fail("verify.sprin_missing")
        bodies = [b for b, up in zip(bodies, upright, strict=True) if not up]
    check_lampiran(res, doc, "".join(bodies))
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
    check_drawing(res, raw, reader, doc, [drawn for _, drawn in extras])


def _page_extras(page: Any) -> tuple[list[str], list[str]]:
    """The subtypes of a page's annotations, and the names of the images and forms it can
    draw (``/Name:/Subtype``; those of a form's own resources as ``/Form/Name:/Subtype``)."""
    annots = page.get("/Annots")
    annots = annots.get_object() if annots is not None else []
    kinds = [str(a.get_object().get("/Subtype", "?")) for a in annots or []]
    names: list[str] = []

    def walk(resources: Any, prefix: str, depth: int) -> None:
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if resources is not None else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        for name, ref in sorted((xobjects or {}).items()):
            obj = ref.get_object()
            names.append(f"{prefix}{name}:{obj.get('/Subtype', '?')}")
            if depth < 4 and obj.get("/Subtype") == "/Form":
                walk(obj.get("/Resources"), f"{prefix}{name}", depth + 1)

    walk(page.get("/Resources"), "", 0)
    return kinds, names


def _check_annotations(res: Reading, extras: list[tuple[list[str], list[str]]]) -> None:
    """No annotation on any page: the renderer adds none, so a stamp, a text box, a link, a
    form field was added later (named in plain words)."""
    annotated = [n for n, (kinds, _) in enumerate(extras, start=1) if kinds]
    if annotated:
        kinds = sorted({k.lstrip("/") for ks, _ in extras for k in ks})
        res.fail("verify.pdf_annotations", pages=ranges(annotated), kinds=_words(kinds))


def _words(kinds: list[str]) -> dict[str, str]:
    """The kinds of annotation in plain words (a kind without a name stays as the PDF says)."""
    words = [i18n.both(ANNOTATIONS[k]) if k in ANNOTATIONS else {"id": k, "en": k} for k in kinds]
    return {lang: ", ".join(w[lang] for w in words) for lang in ("id", "en")}


def _bodies(
    res: Reading, doc: Document, pages: list[str], upright: list[bool], wrong: set[int]
) -> list[str]:
    """The whitespace-free text of each page above its footer.  Every page must end with the
    footer the renderer prints on it (fingerprint, how to check it, the banner of a forced
    print, the page label ``Halaman n dari N`` counted over the pages there are), and with
    nothing after it; what differs is named, page by page (pages whose fingerprint is wrong
    are named already)."""
    fixed = "".join(
        layout.footer_texts(res.fingerprint or "-", res.signature_record, bool(doc.breaches))
    )
    sprin = doc.with_sprin and any(upright)
    total = sum(1 for up in upright if not (sprin and up))
    out: list[str] = []
    differ: dict[str, list[int]] = {}
    counted = {True: 0, False: 0}
    for n, (page, up) in enumerate(zip(pages, upright, strict=True), start=1):
        part = sprin and up
        counted[part] += 1
        if part:
            label = layout.sprin_label(counted[part])
        else:
            label = layout.page_label(counted[part], total)
        footer = printed(fixed + label)
        text = flat(page)
        if text.endswith(footer):
            out.append(text[: len(text) - len(footer)])
            continue
        at = text.rfind(flat(FINGERPRINT_LABEL))
        out.append(text[:at] if at >= 0 else text)
        if n not in wrong:
            differ.setdefault(residue(text[at:] if at >= 0 else "", {footer}), []).append(n)
    for text, numbers in differ.items():
        res.fail("verify.page_footer", page=ranges(numbers), text=text or "-")
    return out
