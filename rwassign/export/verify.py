"""``rwassign verify``: is a printed lampiran (PDF or XLSX) still what was exported?

Three layers, each naming what failed:

1. the embedded canonical content must hash to the fingerprint recorded beside it (PDF
   metadata / XLSX hidden sheet and document property): a changed byte of the data fails;
2. the visible document must say what the content says: for an XLSX every cell of the
   ``Lampiran`` sheet is compared with a sheet rebuilt from the content (differing table rows
   are named by their NO and columns), and so is what makes a cell visible or printed (font
   colour and size, fill, number format, hidden or collapsed rows and columns, conditional
   formatting, print area and titles); for a PDF the extracted text of each page must carry
   the fingerprint, and the text above the footers must be, whitespace aside, what the
   renderer prints from the content: every detail (nomor, tanggal, place, signer, rank, NRP,
   position lines, the texts of the order) and every cell of every row, in order, with
   nothing added between them, and no NRP that the content does not list;
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
from rwassign.export.dates import tanggal_id
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
    _check_xlsx_look(res, actual, expected, lay)


# A row lower than this (points) or a column narrower than this (characters) hides its text.
_LOW_ROW = 3.0
_NARROW_COLUMN = 0.5
_DEFAULT_FONT_SIZE = 11.0
_LOOKS = (
    {"id": "warna huruf", "en": "font colour"},
    {"id": "ukuran huruf", "en": "font size"},
    {"id": "isian sel", "en": "fill"},
    {"id": "format angka", "en": "number format"},
)


def _check_xlsx_look(res: VerifyResult, actual: Any, expected: Any, lay: Any) -> None:
    """What the sheet shows and prints, beyond the cell values: no row or column of the
    printed range hidden, every cell's font colour and size, fill and number format as
    ``build_sheet`` made them, no conditional formatting, the same print area and titles."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    from rwassign.export.xlsx import HEADERS

    def where(r: int) -> str:
        return f"{r} (NO {lay.row_no[r]})" if r in lay.row_no else str(r)

    for code, got, want in (
        ("verify.print_area", _area(actual.print_area), _area(expected.print_area)),
        ("verify.print_titles", _titles(actual), _titles(expected)),
    ):
        if got != want:
            res.fail(code, actual=got, expected=want)
    if actual.sheet_format.zeroHeight:  # every row without a height of its own is hidden
        hidden = list(range(1, lay.last_row + 1))
    else:
        hidden = [
            r
            for r, dim in sorted(actual.row_dimensions.items())
            if r <= lay.last_row
            and (dim.hidden or (dim.ht is not None and float(dim.ht) < _LOW_ROW))
        ]
    if hidden:
        res.fail("verify.row_hidden", rows=_listing([where(r) for r in hidden]))
    narrow: set[int] = set()
    for key, dim in actual.column_dimensions.items():
        if dim.hidden or (dim.width is not None and float(dim.width) < _NARROW_COLUMN):
            first = dim.min or column_index_from_string(key)
            narrow.update(range(first, (dim.max or first) + 1))
    columns = sorted(c for c in narrow if c <= len(HEADERS))
    if columns:
        names = [f"{get_column_letter(c)} ({HEADERS[c - 1]})" for c in columns]
        res.fail("verify.column_hidden", columns=", ".join(names))
    ranges = [str(cf.sqref) for cf in actual.conditional_formatting]
    if ranges:
        res.fail("verify.conditional_format", ranges=_listing(ranges))
    differ: dict[tuple[int, str, str], list[str]] = {}
    rows = max(lay.last_row, expected.max_row)
    cols = max(len(HEADERS), expected.max_column)
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            got_look, want_look = _look(actual.cell(r, c)), _look(expected.cell(r, c))
            if got_look == want_look:
                continue
            cell = f"{get_column_letter(c)}{where(r)}"
            for k, (got, want) in enumerate(zip(got_look, want_look, strict=True)):
                if got != want:
                    differ.setdefault((k, got, want), []).append(cell)
    for (k, got, want), cells in differ.items():
        res.fail(
            "verify.cell_style", cells=_listing(cells), what=_LOOKS[k], actual=got, expected=want
        )


def _look(cell: Any) -> tuple[str, str, str, str]:
    """Font colour, font size, fill and number format of a cell, as comparable text."""
    font, fill = cell.font, cell.fill
    colour = _colour(font.color if font is not None else None)
    if colour in ("000000", "theme 1"):  # black or the theme's text colour: automatic
        colour = "auto"
    size = font.sz if font is not None and font.sz is not None else _DEFAULT_FONT_SIZE
    if fill is None:
        paint = "-"
    elif getattr(fill, "tagname", "") == "gradientFill":
        paint = "gradient"
    elif not fill.fill_type or fill.fill_type == "none":
        paint = "-"
    else:
        paint = f"{fill.fill_type} {_colour(fill.fgColor)}"
    return colour, f"{float(size):g}", paint, str(cell.number_format)


def _colour(color: Any) -> str:
    if color is None:
        return "auto"
    kind = getattr(color, "type", None)
    if kind == "rgb" and isinstance(color.rgb, str):
        return color.rgb[-6:].upper()
    if kind == "indexed":
        from openpyxl.styles.colors import COLOR_INDEX

        index = int(color.indexed)
        return COLOR_INDEX[index][-6:] if index < len(COLOR_INDEX) else "auto"
    if kind == "theme":
        tint = float(color.tint or 0)
        return f"theme {color.theme}" + (f" tint {tint:g}" if tint else "")
    return "auto"


def _area(value: str | None) -> str:
    """``'Lampiran'!$A$1:$I$58`` -> ``A1:I58`` (the sheet named or not, several ranges)."""
    if not value:
        return "-"
    parts = [p.rpartition("!")[2].replace("$", "").upper() for p in str(value).split(",")]
    return ",".join(parts)


def _titles(ws: Any) -> str:
    return f"{_area(ws.print_title_rows)} / {_area(ws.print_title_cols)}"


def _listing(items: list[str], most: int = 12) -> str:
    """``a, b, c`` - at most ``most`` named, then how many more."""
    shown = ", ".join(items[:most])
    return shown + (f" (+{len(items) - most})" if len(items) > most else "")


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
        upright = [float(p.mediabox.width) < float(p.mediabox.height) for p in reader.pages]
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
        n for n, page in enumerate(pages, start=1) if f"{_FOOTER} {res.fingerprint}" not in page
    ]
    if wrong:
        res.fail("verify.page_fingerprint", page=_ranges(wrong))
    doc = res.document
    if doc is None:
        return
    bodies = [_flat(_body(page)) for page in pages]
    if doc.with_sprin:  # the order is printed portrait, its lampiran landscape
        if any(upright):
            _check_sprin(res, doc, "".join(b for b, up in zip(bodies, upright, strict=True) if up))
        else:
            res.fail("verify.sprin_missing")
        bodies = [b for b, up in zip(bodies, upright, strict=True) if not up]
    _check_lampiran(res, doc, "".join(bodies))
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


# What the PDF renderer prints around the values, as ``rwassign.export.pdf`` draws it: the page
# footer (cut off before comparing), the labels of the order, the banner of a forced print.
_FOOTER = "Sidik SHA-256:"
_KEPADA_REST = (
    "dengan nama, pangkat/NRP, jabatan dan kesatuan sesuai yang tercantum dalam lampiran surat "
    "perintah ini."
)
_FORCED = "DICETAK DENGAN PELANGGARAN ATURAN (--force):"


def _flat(text: str) -> str:
    return _SPACE_RE.sub("", text)


def _body(page: str) -> str:
    """The text of a page above its footer (the footer is drawn last on every page)."""
    at = page.rfind(_FOOTER)
    return page[:at] if at >= 0 else page


def _row_what(no: int) -> dict[str, str]:
    return {"id": f"baris NO {no}", "en": f"row NO {no}"}


class _Walk:
    """Walks the whitespace-free text of one part of the PDF (Sprin or lampiran), needle by
    needle in printed order.  Each needle must come after the previous one, and the text
    between two needles must be exactly what the renderer prints there (a label, a table
    header, nothing), so text added to a printed value is found as well as a changed value."""

    def __init__(self, res: VerifyResult, text: str, part: str) -> None:
        self.res, self.text, self.part = res, text, part
        self.pos = 0
        self.placed = True  # the previous needle was found: the text after it is checked
        self.prev: Any = {"id": f"awal {part}", "en": f"the start of the {part}"}
        self.gap = ""  # constant text due before the next needle

    def const(self, text: str) -> None:
        self.gap += _flat(text)

    def seek(self, needle: str, allowed: set[str]) -> int:
        """Where ``needle`` is: right after an allowed gap, else anywhere after the cursor."""
        if self.placed:
            for gap in allowed:
                if self.text.startswith(gap, self.pos) and self.text.startswith(
                    needle, self.pos + len(gap)
                ):
                    return self.pos + len(gap)
        return self.text.find(needle, self.pos)

    def place(self, at: int, needle: str, what: Any, allowed: set[str]) -> None:
        between = self.text[self.pos : at]
        if self.placed and between not in allowed:
            self.res.fail(
                "verify.text_extra", text=_residue(between, allowed), before=self.prev, after=what
            )
        self.pos, self.placed, self.prev, self.gap = at + len(needle), True, what, ""

    def lose(self) -> None:
        self.placed, self.gap = False, ""

    def detail(self, key: str, shown: str) -> None:
        """One value of ``doc.details`` as printed (``shown``), named by its ``Dokumen`` key."""
        needle = _flat(shown)
        if not needle:
            return
        allowed = {self.gap}
        at = self.seek(needle, allowed)
        if at < 0:
            self.res.fail("verify.detail_differs", detail=key, part=self.part, text=shown[:60])
            self.lose()
        else:
            self.place(at, needle, {"id": f"detail {key}", "en": f"detail {key}"}, allowed)

    def end(self) -> None:
        rest = self.text[self.pos :]
        if self.placed and rest != self.gap:
            what = {"id": f"akhir {self.part}", "en": f"the end of the {self.part}"}
            self.res.fail(
                "verify.text_extra", text=_residue(rest, {self.gap}), before=self.prev, after=what
            )


def _residue(actual: str, expected: set[str]) -> str:
    """The part of ``actual`` that none of the ``expected`` texts explains (for a message)."""
    best = actual
    for want in expected:
        head = 0
        while head < min(len(actual), len(want)) and actual[head] == want[head]:
            head += 1
        tail = 0
        while tail < min(len(actual), len(want)) - head and actual[-1 - tail] == want[-1 - tail]:
            tail += 1
        rest = actual[head : len(actual) - tail]
        if rest and len(rest) < len(best):
            best = rest
    return best[:60]


def _signature(w: _Walk, doc: Document) -> None:
    """Place and date, the position lines, the name, the rank in words and the NRP."""
    d = doc.details
    w.detail("tempat", f"Dikeluarkan di : {d.tempat.upper()}")
    w.detail("tanggal", f"pada tanggal : {tanggal_id(d.tanggal)}")
    keys = ("atas_nama", "jabatan") if d.atas_nama else ("jabatan",)
    for key, line in zip(keys, d.signer_lines, strict=True):
        w.detail(key, line)
    w.detail("penandatangan", d.penandatangan)
    words, label, number = d.rank_line.rsplit(" ", 2)
    w.detail("pangkat", words)
    w.detail("nrp", f"{label} {number}")


def _kop(w: _Walk, doc: Document) -> None:
    for key, line in zip(("kop", "polda", "polres"), doc.details.kop, strict=True):
        w.detail(key, line)


def _check_sprin(res: VerifyResult, doc: Document, text: str) -> None:
    """The order itself, as ``_Renderer.sprin`` prints it."""
    d = doc.details
    w = _Walk(res, text, "Sprin")

    def section(label: str, key: str, items: tuple[str, ...]) -> None:
        w.const(f"{label}:")
        many = len(items) > 1  # numbered only when there are several
        for i, item in enumerate(items, start=1):
            w.detail(f"{key} {i}" if many else key, f"{i}. {item}" if many else item)

    _kop(w, doc)
    w.const("SURAT PERINTAH")
    w.detail("nomor", f"Nomor : {d.nomor}")
    section("Pertimbangan", "pertimbangan", d.pertimbangan)
    section("Dasar", "dasar", d.dasar)
    w.const("DIPERINTAHKAN Kepada:")
    w.detail("polres", f"Personel Polres {d.polres.title()}")
    w.const(_KEPADA_REST)
    section("Untuk", "untuk", d.untuk)
    w.const("Selesai.")
    _signature(w, doc)
    if d.tembusan:
        section("Tembusan", "tembusan", d.tembusan)
    w.end()


def _check_lampiran(res: VerifyResult, doc: Document, text: str) -> None:
    """Head, every cell of every row (with the Polsek bands), signature block, in order.

    Between two rows the renderer prints nothing, the band of a new Polsek, or (at a page
    break) the table header and the running band ``POLSEK X (lanjutan)``."""
    from rwassign.export.pdf import COLUMNS, _cells

    d = doc.details
    w = _Walk(res, text, "lampiran")
    _kop(w, doc)
    for key, line in zip(("polres", "nomor", "tanggal"), d.lampiran_header, strict=True):
        w.detail(key, line)
    w.detail("judul", doc.title)
    if doc.breaches:
        w.const(_FORCED)
        for line in doc.breaches:
            w.detail("pelanggaran", line)
    header = _flat("".join(name for name, _ in COLUMNS))
    cells = [[_flat(c) for c in _cells(r)] for r in doc.rows]
    needles = ["".join(c) for c in cells]
    sign_at = _flat(f"Dikeluarkan di : {d.tempat.upper()}")
    band_of: str | None = None  # the band last printed (grouping)
    running = ""  # the Polsek of the row last drawn (the "(lanjutan)" band)
    after = 0  # where the text of the last row not found ended, when that is known
    for i, r in enumerate(doc.rows):
        band = ""
        if r.polsek != band_of:
            band_of = r.polsek
            band = _flat((r.polsek or "-").upper())
        more = header + _flat(f"{running.upper()} (lanjutan)")
        starts = [w.gap + header] if i == 0 else ["", header] if band else [""]
        allowed = {s + band for s in starts} | {s + band + more for s in starts}
        at = w.seek(needles[i], allowed)
        if at >= 0:
            w.place(at, needles[i], _row_what(r.no), allowed)
        else:
            start = max(w.pos, after)
            after = _row_end(text, start, cells, i, sign_at)
            end = after if after >= 0 else start + 3 * len(needles[i]) + 200
            segment = _strip(text[start:end], (header, band, more))
            bad = _differing_cells(segment, cells[i])
            if bad and len(bad) < len(cells[i]):
                columns = ", ".join(COLUMNS[c][0] for c in bad)
                res.fail(
                    "verify.row_text_differs", no=r.no, nama=r.nama, nrp=r.nrp, columns=columns
                )
            else:
                res.fail("verify.row_missing", no=r.no, nama=r.nama, nrp=r.nrp)
            w.lose()
        running = r.polsek
    if not doc.rows:
        w.const(header)
    _signature(w, doc)
    w.end()


def _row_end(text: str, start: int, cells: list[list[str]], i: int, sign_at: str) -> int:
    """Where the text of row ``i`` (not found as printed) ends: where one of the next rows
    begins (found whole, or by its NO and NAMA), or the signature block; -1 if unknown."""
    for k in range(i + 1, min(i + 4, len(cells))):
        for anchor in ("".join(cells[k]), "".join(cells[k][:2])):
            end = text.find(anchor, start)
            if end >= 0:
                return end
    return text.find(sign_at, start) if i + 4 >= len(cells) else -1


_LANJUTAN_RE = re.compile(r"[^()]{0,80}\(lanjutan\)")


def _strip(segment: str, pieces: tuple[str, ...]) -> str:
    """``segment`` without the table header and bands printed before or after a row."""
    pieces = tuple(p for p in pieces if p)
    changed = True
    while changed:
        changed = False
        for p in pieces:
            if segment.startswith(p):
                segment, changed = segment[len(p) :], True
            if segment.endswith(p):
                segment, changed = segment[: -len(p)], True
    band = _LANJUTAN_RE.match(segment)  # a running band, whatever Polsek it names
    return segment[band.end() :] if band else segment


def _differing_cells(segment: str, cells: list[str]) -> list[int]:
    """Which cells of a row differ in ``segment``, the printed text where the row should be.

    The row's text is aligned with the segment; a cell is named when a character of it was
    changed or removed, or text was added inside it.  Text added between two cells names both;
    text before the first or after the last cell is not the row's (a band, another row)."""
    from difflib import SequenceMatcher

    starts, ends, at = [], [], 0
    for c in cells:
        starts.append(at)
        at += len(c)
        ends.append(at)
    total = at
    bad: set[int] = set()
    inserts: list[int] = []
    matcher = SequenceMatcher(None, "".join(cells), segment, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 < i2:
            bad.update(c for c in range(len(cells)) if starts[c] < i2 and ends[c] > i1)
        else:
            inserts.append(i1)
    for i1 in inserts:
        if i1 in (0, total):
            continue
        inside = [c for c in range(len(cells)) if starts[c] < i1 < ends[c]]
        near = inside or [c for c in range(len(cells)) if starts[c] <= i1 <= ends[c]]
        if not bad.intersection(near):
            bad.update(near)
    return sorted(bad)


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
