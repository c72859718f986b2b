"""``rwassign export``, ``verify`` and ``keygen``: options in, one library call, its notes
and verdict printed.

The export flow itself (load, merge details, re-check, ``--force``, build, name, sign, write)
is :func:`rwassign.export_lampiran`; this module parses ``--set``, colours each note as it
arrives and maps an ``ExportError`` to its exit code by the one table.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from rwassign import api, i18n
from rwassign.cli.options import Lang, LangOpt
from rwassign.cli.output import fail, say, usage_error
from rwassign.errors import RwassignError
from rwassign.export.lampiran import FORMATS, Note
from rwassign.export.verify import Status

__all__ = ["Format", "export", "keygen", "verify"]


class Format(StrEnum):
    """``--format``: which files a lampiran is written as."""

    pdf = "pdf"
    xlsx = "xlsx"
    both = "both"


#: How each kind of export note is coloured; a breach is red unless ``--force`` prints anyway.
_NOTE_STYLE = {"plan": "yellow", "forced": "yellow", "glyph": "yellow", "written": "green"}


def _flag_details(values: list[str] | None, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for v in values or []:
        key, sep, value = v.partition("=")
        if not sep or not key.strip():
            usage_error("export.bad_set", lang, value=v)
        out[key.strip()] = value.strip().strip('"').strip("'")
    return out


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
            readable=False,  # an existing output we may not read is the writer's to refuse
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
    lang: LangOpt = Lang.ID,
) -> None:
    """Cetak lampiran Sprin Kapolres (PDF dan XLSX) dari rencana, setelah diperiksa ulang.

    Contoh: rwassign export penugasan.xlsx --dokumen dokumen.toml --with-sprin
    """
    lg = lang.value
    details = _flag_details(set_, lg)

    def show(note: Note) -> None:
        style = ("yellow" if force else "red") if note.kind == "breach" else _NOTE_STYLE[note.kind]
        say(i18n.text(note.code, note.params, lg), style)

    formats = FORMATS if fmt is Format.both else (fmt.value,)
    try:
        api.export_lampiran(
            plan, output=output, dokumen=dokumen, details=details, nomor=nomor, tanggal=tanggal,
            formats=formats, with_sprin=with_sprin, per_polsek=per_polsek, force=force,
            sign_key=sign_key, roster=roster, on_note=show,
        )  # fmt: skip
    except RwassignError as exc:
        fail(exc, lg)


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
    lang: LangOpt = Lang.ID,
) -> None:
    """Periksa dokumen: 'utuh' (0), 'ditulis ulang' oleh program lain (7) atau 'berubah' (6).

    Contoh: rwassign verify penugasan-lampiran.pdf --public-key kunci.pub.pem
    """
    lg = lang.value
    try:
        res = api.verify(file, public_key)
    except RwassignError as exc:
        fail(exc, lg)
    params = {"path": str(file), "fingerprint": res.fingerprint}
    if res.status is Status.BERUBAH:
        typer.echo(i18n.text("verify.changed", params, lg))
        for f in res.problems:
            say("  - " + i18n.text(f.code, f.params, lg), "red")
    elif res.status is Status.DITULIS_ULANG:
        headline = "verify.rewritten_from_pages" if res.from_pages else "verify.rewritten"
        typer.echo(i18n.text(headline, params, lg))
    else:
        typer.echo(i18n.text("verify.intact", params, lg))
    if res.status is Status.DITULIS_ULANG:
        say(i18n.text("verify.rewrites_heading", None, lg), "yellow")
        for f in res.rewrites:
            say("  - " + i18n.text(f.code, f.params, lg), "yellow")
    for f in res.notes:
        good = f.code in ("verify.signature_ok", "verify.signature_unchecked")
        say(i18n.line(f.code, f.params, lg), "green" if good else "yellow")
    if res.exit_code:
        raise typer.Exit(res.exit_code)


def keygen(
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            readable=False,
            help="Berkas kunci privat; kunci publik <nama>.pub.pem.",
        ),
    ] = Path("rwassign-kunci.pem"),
    lang: LangOpt = Lang.ID,
) -> None:
    """Buat pasangan kunci Ed25519 untuk menandatangani dokumen secara digital.

    Contoh: rwassign keygen -o kapolres.pem
    """
    lg = lang.value
    try:
        pair = api.keygen(output)
    except RwassignError as exc:
        fail(exc, lg)
    params = {"private": str(pair.private), "public": str(pair.public), "key_id": pair.key_id}
    say(i18n.text("keygen.written", params, lg))
