"""The whole export flow: plan in, checked, fingerprinted and signed lampiran files out.

Load the plan (an edited one too) -> merge the document details (``Dokumen`` sheet < TOML <
``--set`` < ``--nomor``/``--tanggal``) -> re-check every hard rule -> stop on a breach unless
``force`` -> build the documents -> name the files -> sign -> write.  Nothing here prints:
each thing worth telling the user is a :class:`Note` handed to ``on_note`` as it happens (so a
terminal shows it in order, also before a later failure) and kept in the returned
:class:`Lampiran`.  Problems raise :class:`~rwassign.export.errors.ExportError`.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rwassign.checker import Violation
from rwassign.export import layout
from rwassign.export import xlsx as xlsx_export
from rwassign.export.document import Document, build_details, merge_sources
from rwassign.export.errors import ExportError
from rwassign.export.pdf import printable, write_pdf
from rwassign.export.plan import build_documents, load_plan, rule_text
from rwassign.export.signing import load_private, sign
from rwassign.export.xlsx import write_xlsx

__all__ = ["FORMATS", "Lampiran", "Note", "export_lampiran"]

#: The file kinds a lampiran is written as.
FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True)
class Note:
    """One thing the export tells the user: a catalogue ``code`` and its ``params``.

    ``kind`` says what it is, so a terminal can colour it: ``"plan"`` (a remark on reading the
    plan), ``"breach"`` (a hard-rule breach), ``"forced"`` (printed anyway), ``"glyph"`` (a
    name printed otherwise than typed: a letter the PDF fonts lack, a cell cut to fit a page)
    or ``"written"`` (a file written).
    """

    code: str
    params: dict[str, Any]
    kind: str


@dataclass
class Lampiran:
    """What one export wrote: each file with its document's fingerprint, the notes in the
    order they arose, and the rule breaches printed under ``force``."""

    written: list[tuple[Path, str]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    breaches: list[Violation] = field(default_factory=list)

    @property
    def fingerprint(self) -> str | None:
        """The fingerprint of the first (whole-Polres) document."""
        return self.written[0][1] if self.written else None


def export_lampiran(
    plan_path: Path | str,
    *,
    output: Path | str | None = None,
    dokumen: Path | str | None = None,
    details: Mapping[str, Any] | None = None,
    nomor: str | None = None,
    tanggal: str | None = None,
    formats: Collection[str] = FORMATS,
    with_sprin: bool = False,
    per_polsek: bool = False,
    force: bool = False,
    sign_key: Path | str | None = None,
    roster: Path | str | None = None,
    on_note: Callable[[Note], None] | None = None,
) -> Lampiran:
    """Print the Kapolres's Sprin lampiran of the plan at ``plan_path`` as PDF and/or XLSX.

    ``output`` names the PDF (the XLSX goes beside it; default ``<plan>-lampiran.pdf``);
    ``dokumen`` is a TOML file and ``details`` a mapping of document details (``tempat``,
    ``nomor``, ...); ``roster`` is the original input: for an old plan without embedded
    data or fingerprint, or one whose embedded facts were edited (the roster's facts win; the
    edits are a note).
    ``sign_key`` signs the lampiran, and a plan whose facts are signed must be signed with it.
    Raises ``ExportError`` for an unreadable plan or details, edited or unbound facts without
    ``roster``, a rule breach without ``force``,
    or a file that cannot be written (or would replace the plan).

    >>> out = export_lampiran("penugasan.xlsx", details={"tempat": "Tubei"})  # doctest: +SKIP
    >>> out.written  # doctest: +SKIP
    [(PosixPath('penugasan-lampiran.pdf'), '3f2a...'), ...]
    """
    plan_path = Path(plan_path)
    done = Lampiran()

    def note(code: str, kind: str, **params: Any) -> None:
        n = Note(code, params, kind)
        done.notes.append(n)
        if on_note is not None:
            on_note(n)

    key = load_private(Path(sign_key)) if sign_key is not None else None
    trusted = key.public_key() if key is not None else None
    loaded = load_plan(plan_path, Path(roster) if roster is not None else None, trusted)
    for code, params in loaded.notes:
        note(code, "plan", **params)
    flags = {"nomor": nomor, "tanggal": tanggal}
    toml = _toml_details(Path(dokumen) if dokumen is not None else None)
    raw = merge_sources(loaded.details, toml, dict(details or {}), flags)
    default_polres = re.sub(r"(?i)^polres\s+", "", loaded.instance.name).strip()
    built = build_details(raw, default_polres=default_polres)
    violations = loaded.check()
    for v in violations:
        rows = ", ".join(map(str, v.rows)) or "-"
        rule = {"id": rule_text(v.rule, "id"), "en": rule_text(v.rule, "en")}
        note("export.breach", "breach", rows=rows, rule=rule, detail=v.both())
    if violations and not force:
        raise ExportError("export.breaches_stop", n=len(violations))
    if violations:
        note("export.forced", "forced", n=len(violations))
    done.breaches = list(violations)
    docs = build_documents(loaded, built, violations, with_sprin=with_sprin, per_polsek=per_polsek)
    base = (
        Path(output)
        if output is not None
        else plan_path.with_name(f"{plan_path.stem}-lampiran.pdf")
    )
    targets: list[tuple[Document, Path]] = []
    for doc in docs:
        stem = f"{base.stem}-{_slug(doc.scope)}" if doc.scope else base.stem
        for suffix in FORMATS:
            if suffix in formats:
                targets.append((doc, base.with_name(f"{stem}.{suffix}")))
    for _, path in targets:
        if path.resolve() == plan_path.resolve():
            raise ExportError("export.same_as_input", "output", path=str(path))
    if "pdf" in formats:
        for no, text, shown in _glyph_changes(docs[0]):
            note("export.glyph", "glyph", no=no, text=text, shown=shown)
    for (row_no, column), kinds in _cut_cells(docs[0], formats).items():
        note("export.cut", "glyph", no=row_no, column=column, formats=kinds, mark=layout.CUT_MARK)
    for doc, path in targets:
        signature = sign(key, doc.fingerprint) if key is not None else None
        if path.suffix == ".pdf":
            write_pdf(doc, path, signature)
        else:
            write_xlsx(doc, path, signature)
        done.written.append((path, doc.fingerprint))
        note("export.written", "written", path=str(path), fingerprint=doc.fingerprint)
    return done


def _toml_details(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ExportError("export.toml_unreadable", path=str(path), detail=str(exc)) from exc


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "polsek"


def _cut_cells(doc: Document, formats: Collection[str]) -> dict[tuple[int, str], str]:
    """(row ``NO``, column) -> the formats (``PDF, XLSX``) that print the cell cut, its text
    being longer than a page (``layout.cut_to_fit``)."""
    found: dict[tuple[int, str], list[str]] = {}
    for kind, cut in (("pdf", layout.cut_cells), ("xlsx", xlsx_export.cut_cells)):
        if kind in formats:
            for cell in cut(doc):
                found.setdefault(cell, []).append(kind.upper())
    return {cell: ", ".join(kinds) for cell, kinds in found.items()}


def _glyph_changes(doc: Document) -> list[tuple[str, str, str]]:
    """(row no, text, as drawn) for every printed text the PDF's fonts cannot draw as written
    (``Ā`` is drawn ``A``): the order names people, so a name printed otherwise than typed
    must not pass unseen."""
    seen: set[str] = set()
    out: list[tuple[str, str, str]] = []
    fields = ("nama", "jabatan_kesatuan", "unit", "desa", "kecamatan", "polsek")
    texts = [(str(r.no), getattr(r, f)) for r in doc.rows for f in fields]
    details = [getattr(doc.details, f.name) for f in dataclasses.fields(doc.details)]
    texts += [("-", v) for v in details if isinstance(v, str)]
    for no, text in texts:
        shown = printable(text)
        if shown != text and text not in seen:
            seen.add(text)
            out.append((no, text, shown))
    return out
