"""The options the commands share, each defined once with its help text.

``solve`` and ``replan`` take the same input, output, batch and setting options, ``validate``
the input ones, and every command ``--lang``: defining each here once keeps their names and
help identical wherever they appear.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rwassign.i18n import Lang

__all__ = [
    "ColumnOpt",
    "ConfigOpt",
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
    "TimeLimitOpt",
    "UnitsOpt",
    "WorkersOpt",
]

_LANG_HELP = "Bahasa pesan: id (bawaan) atau en."

#: ``--lang`` of the plan commands: unset means "as the Pengaturan sheet says".
OptionalLangOpt = Annotated[Lang | None, typer.Option("--lang", help=_LANG_HELP)]
#: ``--lang`` of export, verify and keygen (no settings sheet to fall back on).
LangOpt = Annotated[Lang, typer.Option("--lang", help=_LANG_HELP)]

InputArg = Annotated[
    Path | None,
    typer.Argument(
        help="Workbook berisi sheet wilayah (RW/dusun) dan personel (.xlsx atau .csv).",
        show_default=False,
    ),
]
InputsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Workbook Polres (.xlsx/.csv) berisi wilayah dan personel; boleh beberapa berkas "
        "atau folder (satu workbook per Polres).",
        show_default=False,
    ),
]
UnitsOpt = Annotated[
    Path | None, typer.Option("--units", help="Berkas wilayah terpisah (.xlsx/.csv).")
]
RosterOpt = Annotated[
    Path | None, typer.Option("--roster", help="Berkas personel terpisah (.xlsx/.csv).")
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="Berkas pengaturan TOML (menimpa sheet Pengaturan)."),
]
ColumnOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--column",
        help='Tunjuk kolom secara eksplisit: FIELD="JUDUL KOLOM" (boleh berulang), '
        'mis. --column nrp="NO REGISTER".',
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        help="Berkas keluaran (bawaan: <masukan>-penugasan.xlsx; replan tidak pernah menimpa "
        "rencana yang ada: <masukan>-penugasan-baru.xlsx, -baru-2, ...).",
    ),
]
OutputDirOpt = Annotated[
    Path | None,
    typer.Option("--output-dir", help="Folder keluaran untuk banyak berkas (bawaan: di samping "
                 "tiap masukan)."),
]  # fmt: skip
RekapOpt = Annotated[
    Path | None,
    typer.Option("--rekap", help="Workbook rekap untuk banyak berkas "
                 "(bawaan: rekap-penugasan.xlsx)."),
]  # fmt: skip
JobsOpt = Annotated[
    int, typer.Option("--jobs", min=1, max=64, help="Berkas yang dikerjakan bersamaan.")
]
MaxUnitsOpt = Annotated[
    int | None,
    typer.Option("--max-units", min=1, max=1000, help="RW/dusun paling banyak per personel."),
]
MaxTravelOpt = Annotated[
    float | None,
    typer.Option("--max-travel-km", min=0.1, max=20000, help="Batas jarak rumah-RW (km)."),
]
TimeLimitOpt = Annotated[
    float | None,
    typer.Option("--time-limit", min=0.1, max=86400, help="Batas waktu solver (detik)."),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=1, max=64, help="Thread CP-SAT (hasil tetap sama)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Cetak ringkasan JSON ke stdout.")]
