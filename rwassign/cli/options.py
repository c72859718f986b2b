"""The options the commands share, each defined once with its help text.

``solve`` and ``replan`` take the same input, output, batch and setting options, ``validate``
the input ones, and every command ``--lang``: defining each here once keeps their names and
help identical wherever they appear.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from rwassign import i18n
from rwassign.i18n import Lang

__all__ = [
    "ColumnOpt",
    "Command",
    "ConfigOpt",
    "Group",
    "InputArg",
    "InputsArg",
    "JobsOpt",
    "JsonOpt",
    "Lang",
    "LangOpt",
    "MaxTravelOpt",
    "MaxUnitsOpt",
    "OptionalLangOpt",
    "OutputDirOpt",
    "OutputOpt",
    "RekapOpt",
    "RosterOpt",
    "SignKeyOpt",
    "TimeLimitOpt",
    "UnitsOpt",
    "WilayahOpt",
    "WorkersOpt",
]


#: Value words shown after an option instead of typer's type names (``<path>``, ``<str>``).
_VALUE_WORDS = {
    "path": "BERKAS",
    "file": "BERKAS",
    "directory": "FOLDER",
    "str": "TEKS",
    "int": "N",
    "float": "ANGKA",
}


def _value_word(shown: str) -> str | None:
    """``<list[Path]>`` -> ``BERKAS``; a choice such as ``<id|en>`` (values already) -> None."""
    bare = shown.strip("<>").removeprefix("list[").removesuffix("]").removesuffix(" range")
    return _VALUE_WORDS.get(bare.lower())


def _no_type(ctx: Any) -> None:
    return None


def _plain_params(params: list[Any], ctx: Any) -> None:
    """Show values, not types, in ``--help``: typer labels a flag (``--json``, ``--force``,
    ``--help``) ``<bool>``, which reads as if it took a value, and other options by their
    Python type (``<path>``, ``<list[str]>``).  Flags get no label, other options a value word
    (``BERKAS``, ``N``; an option may name its own, e.g. ``KM``), choices keep their values, and
    ``--help`` gets our own Indonesian text."""
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag:
            param.metavar = ""
            if "--help" in param.opts:
                param.help = i18n.text("cli.help_option")
        elif isinstance(param, TyperOption | TyperArgument) and param.metavar is None:
            param.metavar = _value_word(param.display_type(ctx))
        if isinstance(param, TyperArgument):
            # an argument's row shows its name (the value word) and then its type: drop the
            # type, the help text says what the file is
            param.display_type_rich = _no_type  # type: ignore[method-assign]


class Command(TyperCommand):
    """Every ``rwassign`` command: flags shown without ``<bool>``, ``--help`` in Indonesian."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        _plain_params(params, ctx)
        return params


class Group(TyperGroup):
    """The ``rwassign`` group itself (``--version``, ``--help``), as :class:`Command`."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        _plain_params(params, ctx)
        return params


_LANG_HELP = "Bahasa pesan: id (bawaan) atau en."

#: ``--lang`` of the plan commands: unset means "as the Pengaturan sheet says".
OptionalLangOpt = Annotated[Lang | None, typer.Option("--lang", help=_LANG_HELP)]
#: ``--lang`` of export, verify and keygen (no settings sheet to fall back on).
LangOpt = Annotated[Lang, typer.Option("--lang", help=_LANG_HELP)]

InputArg = Annotated[
    Path | None,
    typer.Argument(
        help="Workbook berisi sheet wilayah (RW/dusun) dan personel (.xlsx, .xls, .ods atau .csv).",
        metavar="BERKAS",
        show_default=False,
    ),
]
InputsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Workbook Polres (.xlsx/.xls/.ods/.csv) berisi wilayah dan personel; boleh beberapa "
        "berkas atau folder (satu workbook per Polres).",
        metavar="BERKAS",
        show_default=False,
    ),
]
UnitsOpt = Annotated[
    Path | None,
    typer.Option(
        "--units", metavar="BERKAS", help="Berkas wilayah terpisah (.xlsx/.xls/.ods/.csv)."
    ),
]
RosterOpt = Annotated[
    Path | None,
    typer.Option(
        "--roster", metavar="BERKAS", help="Berkas personel terpisah (.xlsx/.xls/.ods/.csv)."
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config", metavar="BERKAS", help="Berkas pengaturan TOML (menimpa sheet Pengaturan)."
    ),
]
ColumnOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--column",
        metavar='FIELD="JUDUL"',
        help='Tunjuk kolom secara eksplisit: FIELD="JUDUL KOLOM" (boleh berulang), '
        'mis. --column nrp="NO REGISTER".',
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        metavar="BERKAS",
        readable=False,  # an existing output we may not read is the writer's to refuse (exit 4)
        help="Berkas keluaran (bawaan: <masukan>-penugasan.xlsx; replan tidak pernah menimpa "
        "rencana yang ada: <masukan>-penugasan-baru.xlsx, -baru-2, ...).",
    ),
]
OutputDirOpt = Annotated[
    Path | None,
    typer.Option("--output-dir", metavar="FOLDER", readable=False,
                 help="Folder keluaran untuk banyak berkas (bawaan: di samping tiap masukan)."),
]  # fmt: skip
RekapOpt = Annotated[
    Path | None,
    typer.Option("--rekap", metavar="BERKAS", readable=False,
                 help="Workbook rekap untuk banyak berkas (bawaan: rekap-penugasan.xlsx)."),
]  # fmt: skip
JobsOpt = Annotated[
    int,
    typer.Option("--jobs", metavar="N", min=1, max=64, help="Berkas yang dikerjakan bersamaan."),
]
MaxUnitsOpt = Annotated[
    int | None,
    typer.Option(
        "--max-units", metavar="N", min=1, max=1000, help="RW/dusun paling banyak per personel."
    ),
]
MaxTravelOpt = Annotated[
    float | None,
    typer.Option(
        "--max-travel-km", metavar="KM", min=0.1, max=20000, help="Batas jarak rumah-RW (km)."
    ),
]
TimeLimitOpt = Annotated[
    float | None,
    typer.Option(
        "--time-limit", metavar="DETIK", min=0.1, max=86400, help="Batas waktu solver (detik)."
    ),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", metavar="N", min=1, max=64, help="Thread CP-SAT (hasil tetap sama)."),
]
WilayahOpt = Annotated[
    str | None,
    typer.Option(
        "--wilayah",
        metavar="TEKS",
        help='Kabupaten/kota Polres (nama atau kode, mis. "Rejang Lebong" atau 17.02; beberapa '
        "dipisah koma), bila tidak dikenali sendiri dari nama desa.",
    ),
]
SignKeyOpt = Annotated[
    Path | None,
    typer.Option(
        "--sign-key",
        metavar="BERKAS",
        exists=True,
        dir_okay=False,
        help="Kunci privat Ed25519 (dari 'rwassign keygen') untuk menandatangani sidik data "
        "personel dan pengaturan rencana; 'rwassign export' memeriksanya.",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Cetak ringkasan JSON ke stdout.")]
