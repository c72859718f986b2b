"""``rwassign template``: write a ready-to-fill input workbook for a kabupaten/kota.

A thin layer over :mod:`rwassign.template`: a wilayah that names nothing, or several, is a
usage error (exit 2) that lists the candidates or the closest names; a file that cannot be
written is exit 4, as for a plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rwassign import i18n
from rwassign.cli.options import LangOpt
from rwassign.cli.output import err, fail, say
from rwassign.errors import EXIT_USAGE, OutputError
from rwassign.i18n import Lang
from rwassign.template import (
    WilayahError,
    default_template_name,
    find_wilayah,
    write_template,
)

__all__ = ["template"]


def template(
    wilayah: Annotated[
        str,
        typer.Argument(
            help='Kabupaten/kota: nama ("Rejang Lebong", "Kabupaten Bogor", "Kota '
            'Bengkulu") atau kode Kemendagri (17.02).',
            metavar="WILAYAH",
            show_default=False,
        ),
    ],
    kecamatan: Annotated[
        list[str] | None,
        typer.Option(
            "--kecamatan",
            metavar="TEKS",
            help="Hanya kecamatan ini dari kabupaten/kota itu; boleh diulang "
            '(--kecamatan Curup --kecamatan "Curup Utara").',
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="BERKAS",
            help="Berkas templat (.xlsx); bawaan <wilayah>-template.xlsx di folder ini.",
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = Lang.ID,
) -> None:
    """Tulis workbook siap isi: semua desa/kelurahan wilayah itu, sheet Polsek dan Personel.

    Contoh: rwassign template "Rejang Lebong"
    """
    lg = lang.value
    try:
        found = find_wilayah(wilayah, kecamatan or ())
    except WilayahError as exc:
        say(exc.line(lg), "red")
        raise typer.Exit(EXIT_USAGE) from None
    path = output if output is not None else Path(default_template_name(found))
    try:
        write_template(found, path, lg)
    except OutputError as exc:
        fail(exc, lg)
    kab = found.kabupaten
    params = {
        "path": str(path),
        "desa": len(found.desa),
        "kecamatan": len(found.kecamatan),
        "kabupaten": kab.nama,
        "provinsi": kab.provinsi,
    }
    err.print(i18n.text("template.written", params, lg), style="green", markup=False)
    say(i18n.text("template.next", None, lg))
