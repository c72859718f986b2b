"""Command line: ``rwassign export``, ``rwassign verify`` and ``rwassign keygen``.

A thin layer over ``rwassign.export``: options in, one message per outcome out, documented exit
codes.  Registered on the main ``typer`` app by ``register`` (called at the bottom of
``rwassign.cli``), so the main CLI module stays small.

Exit codes (shared with ``rwassign.cli``)
    0  documents written / the file is intact ("utuh")
    1  input errors: unreadable plan, missing document details, rule breaches without --force
    2  usage error
    4  an output file could not be written (or would overwrite the plan or a key)
    6  verify: the file is not intact, or its signature is not valid
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

EXIT_VERIFY = 6


class Lang(StrEnum):
    id = "id"
    en = "en"


class Format(StrEnum):
    pdf = "pdf"
    xlsx = "xlsx"
    both = "both"


LangOpt = Annotated[Lang, typer.Option("--lang", help="Bahasa pesan: id (bawaan) atau en.")]


def _say(text: str, style: str = "") -> None:
    from rwassign.cli import err

    err.print(text, style=style or None, markup=False, highlight=False)


def _fail(exc: Any, lang: str) -> NoReturn:
    """Print an ``ExportError`` and exit with the code of its kind."""
    from rwassign.cli import EXIT_INPUT, EXIT_OUTPUT

    _say(exc.text(lang), "red")
    codes = {"input": EXIT_INPUT, "output": EXIT_OUTPUT, "verify": EXIT_VERIFY}
    raise typer.Exit(codes.get(exc.kind, EXIT_INPUT))


def _msg(code: str, lang: str, **params: Any) -> str:
    from rwassign import i18n

    return i18n.text(code, params, lang)


def _flag_details(values: list[str] | None, lang: str) -> dict[str, Any]:
    from rwassign.cli import EXIT_USAGE

    out: dict[str, Any] = {}
    for v in values or []:
        key, sep, value = v.partition("=")
        if not sep or not key.strip():
            _say(_msg("export.bad_set", lang, value=v), "red")
            raise typer.Exit(EXIT_USAGE)
        out[key.strip()] = value.strip().strip('"').strip("'")
    return out


def _toml_details(path: Path | None) -> dict[str, Any]:
    from rwassign.export.errors import ExportError

    if path is None:
        return {}
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ExportError("export.toml_unreadable", path=str(path), detail=str(exc)) from exc


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "polsek"


def export(
    plan: Annotated[
        Path,
        typer.Argument(
            help="Workbook rencana hasil 'rwassign solve' (boleh sudah diedit).",
            exists=True,
            dir_okay=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Nama berkas PDF (XLSX di sebelahnya); bawaan <rencana>-lampiran.pdf.",
        ),
    ] = None,
    dokumen: Annotated[
        Path | None,
        typer.Option("--dokumen", help="Detail dokumen dalam berkas TOML (menimpa sheet Dokumen)."),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set", help="Detail dokumen kunci=nilai (boleh berulang), mis. --set tempat=Tubei."
        ),
    ] = None,
    nomor: Annotated[
        str | None, typer.Option("--nomor", help="Nomor surat atau templat, mis. Sprin/{no}/...")
    ] = None,
    tanggal: Annotated[
        str | None, typer.Option("--tanggal", help="Tanggal surat, mis. 2023-05-15.")
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="pdf, xlsx atau both (bawaan).")
    ] = Format.both,
    with_sprin: Annotated[
        bool, typer.Option("--with-sprin", help="Sertakan Surat Perintah sebagai halaman depan.")
    ] = False,
    per_polsek: Annotated[
        bool, typer.Option("--per-polsek", help="Juga satu dokumen per Polsek.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Cetak walau ada pelanggaran aturan (ditandai).")
    ] = False,
    sign_key: Annotated[
        Path | None,
        typer.Option(
            "--sign-key",
            help="Kunci privat Ed25519 (dari 'rwassign keygen') untuk "
            "menandatangani sidik dokumen.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    roster: Annotated[
        Path | None,
        typer.Option(
            "--roster",
            help="Masukan asli, untuk rencana lama tanpa data tertanam.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    lang: LangOpt = Lang.id,
) -> None:
    """Cetak lampiran Sprin Kapolres (PDF dan XLSX) dari rencana, setelah diperiksa ulang.

    Contoh: rwassign export penugasan.xlsx --dokumen dokumen.toml --with-sprin
    """
    from rwassign.export.document import build_details, merge_sources
    from rwassign.export.errors import ExportError
    from rwassign.export.pdf import write_pdf
    from rwassign.export.plan import build_documents, load_plan, rule_text
    from rwassign.export.signing import load_private, sign
    from rwassign.export.xlsx import write_xlsx

    lg = lang.value
    try:
        loaded = load_plan(plan, roster)
        for code, params in loaded.notes:
            _say(_msg(code, lg, **params), "yellow")
        flags = {"nomor": nomor, "tanggal": tanggal}
        raw = merge_sources(loaded.details, _toml_details(dokumen), _flag_details(set_, lg), flags)
        default_polres = re.sub(r"(?i)^polres\s+", "", loaded.instance.name).strip()
        details = build_details(raw, default_polres=default_polres)
        violations = loaded.check()
        for v in violations:
            rows = ", ".join(map(str, v.rows)) or "-"
            line = _msg("export.breach", lg, rows=rows, rule=rule_text(v.rule, lg), detail=v.detail)
            _say(line, "yellow" if force else "red")
        if violations and not force:
            raise ExportError("export.breaches_stop", n=len(violations))
        if violations:
            _say(_msg("export.forced", lg, n=len(violations)), "yellow")
        docs = build_documents(
            loaded, details, violations, with_sprin=with_sprin, per_polsek=per_polsek
        )
        key = load_private(sign_key) if sign_key is not None else None
        base = output or plan.with_name(f"{plan.stem}-lampiran.pdf")
        targets: list[tuple[Any, Path]] = []
        for doc in docs:
            stem = f"{base.stem}-{_slug(doc.scope)}" if doc.scope else base.stem
            if fmt in (Format.pdf, Format.both):
                targets.append((doc, base.with_name(f"{stem}.pdf")))
            if fmt in (Format.xlsx, Format.both):
                targets.append((doc, base.with_name(f"{stem}.xlsx")))
        for _, path in targets:
            if path.resolve() == plan.resolve():
                raise ExportError("export.same_as_input", "output", path=str(path))
        if fmt in (Format.pdf, Format.both):
            _glyph_notes(docs[0], lg)
        for doc, path in targets:
            signature = sign(key, doc.fingerprint) if key is not None else None
            if path.suffix == ".pdf":
                write_pdf(doc, path, signature)
            else:
                write_xlsx(doc, path, signature)
            _say(_msg("export.written", lg, path=str(path), fingerprint=doc.fingerprint), "green")
    except ExportError as exc:
        _fail(exc, lg)


def _glyph_notes(doc: Any, lg: str) -> None:
    """Name every printed text the PDF's fonts cannot draw as written (``Ā`` is drawn ``A``):
    the order names people, so a name printed otherwise than typed must not pass unseen."""
    from rwassign.export.pdf import printable

    seen: set[str] = set()
    fields = ("nama", "jabatan_kesatuan", "unit", "desa", "kecamatan", "polsek")
    texts = [(str(r.no), getattr(r, f)) for r in doc.rows for f in fields]
    details = [getattr(doc.details, f.name) for f in dataclasses.fields(doc.details)]
    texts += [("-", v) for v in details if isinstance(v, str)]
    for no, text in texts:
        shown = printable(text)
        if shown != text and text not in seen:
            seen.add(text)
            _say(_msg("export.glyph", lg, no=no, text=text, shown=shown), "yellow")


def verify(
    file: Annotated[
        Path,
        typer.Argument(help="PDF atau XLSX hasil 'rwassign export'.", exists=True, dir_okay=False),
    ],
    public_key: Annotated[
        Path | None,
        typer.Option(
            "--public-key",
            help="Kunci publik Ed25519 penandatangan (.pub.pem).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    lang: LangOpt = Lang.id,
) -> None:
    """Periksa keutuhan (dan tanda tangan) dokumen: 'utuh' atau baris yang berbeda.

    Contoh: rwassign verify penugasan-lampiran.pdf --public-key kunci.pub.pem
    """
    from rwassign.export.errors import ExportError
    from rwassign.export.signing import load_public
    from rwassign.export.verify import verify_file

    lg = lang.value
    try:
        trusted = load_public(public_key) if public_key is not None else None
    except ExportError as exc:
        _fail(exc, lg)
    res = verify_file(file, trusted)
    if not res.intact:
        _say(_msg("verify.not_intact", lg, path=str(file)), "bold red")
        for f in res.problems:
            _say("  - " + _msg(f.code, lg, **f.params), "red")
        raise typer.Exit(EXIT_VERIFY)
    typer.echo(_msg("verify.intact", lg, path=str(file), fingerprint=res.fingerprint))
    for f in res.notes:
        _say(_msg(f.code, lg, **f.params), "yellow" if f.code == "verify.breaches" else "green")


def keygen(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="Berkas kunci privat; kunci publik <nama>.pub.pem."),
    ] = Path("rwassign-kunci.pem"),
    lang: LangOpt = Lang.id,
) -> None:
    """Buat pasangan kunci Ed25519 untuk menandatangani dokumen secara digital.

    Contoh: rwassign keygen -o kapolres.pem
    """
    from rwassign.export.errors import ExportError
    from rwassign.export.signing import write_keypair

    lg = lang.value
    try:
        private, public, key_id = write_keypair(output)
    except ExportError as exc:
        _fail(exc, lg)
    _say(_msg("keygen.written", lg, private=str(private), public=str(public), key_id=key_id))


def register(app: typer.Typer) -> None:
    """Add ``export``, ``verify`` and ``keygen`` to the main app."""
    app.command()(export)
    app.command()(verify)
    app.command()(keygen)
