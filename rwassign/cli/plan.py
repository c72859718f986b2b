"""``rwassign solve``, ``replan`` and ``validate``: options in, one library call, the outcome
shown.

A thin layer: options become a :class:`~rwassign.pipeline.Request` (or a :func:`rwassign.read`
call), the library does the work, and :mod:`rwassign.cli.dispatch` shows the outcome with its
documented exit code.  No rule or solver logic lives here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from rwassign import i18n
from rwassign.api import Polres
from rwassign.cli.dispatch import dispatch
from rwassign.cli.options import (
    ColumnOpt,
    ConfigOpt,
    InputArg,
    InputsArg,
    JobsOpt,
    JsonOpt,
    Lang,
    MaxTravelOpt,
    MaxUnitsOpt,
    OptionalLangOpt,
    OutputDirOpt,
    OutputOpt,
    RekapOpt,
    RosterOpt,
    SignKeyOpt,
    TimeLimitOpt,
    UnitsOpt,
    WilayahOpt,
    WorkersOpt,
)
from rwassign.cli.output import err, exit_with, say_problems, usage_error
from rwassign.errors import EXIT_INPUT, InputErrors
from rwassign.pipeline import Request, read_request
from rwassign.report import places_facts, places_text, unit_word

__all__ = ["replan", "solve", "validate"]


def _column_map(values: list[str] | None, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values or []:
        field, sep, header = v.partition("=")
        if not sep or not field.strip() or not header.strip():
            usage_error("cli.bad_column", lang, value=v)
        out[field.strip().lower()] = header.strip().strip('"').strip("'")
    return out


def _request(
    input_file: Path | None,
    units: Path | None,
    roster: Path | None,
    config: Path | None,
    columns: list[str] | None,
    lang: Lang | None,
    overrides: dict[str, Any],
    **extra: Any,
) -> Request:
    early = lang.value if lang else "id"
    if input_file is None and (units is None or roster is None):
        usage_error("cli.no_input", early)
    return Request(
        input_file=input_file,
        units=units,
        roster=roster,
        config=config,
        column_map=_column_map(columns, early),
        overrides=overrides,
        lang=lang.value if lang else None,
        **extra,
    )


def _overrides(
    max_units: int | None,
    max_travel_km: float | None,
    time_limit: float | None,
    workers: int | None,
    wilayah: str | None = None,
) -> dict[str, Any]:
    """The setting flags of ``solve``/``replan`` by setting name (``None``: not given)."""
    return {
        "max_units_per_officer": max_units,
        "max_travel_km": max_travel_km,
        "time_limit_s": time_limit,
        "workers": workers,
        "wilayah": wilayah,
    }


def solve(
    inputs: InputsArg = None,
    units: UnitsOpt = None,
    roster: RosterOpt = None,
    output: OutputOpt = None,
    output_dir: OutputDirOpt = None,
    rekap: RekapOpt = None,
    jobs: JobsOpt = 1,
    config: ConfigOpt = None,
    max_units: MaxUnitsOpt = None,
    max_travel_km: MaxTravelOpt = None,
    time_limit: TimeLimitOpt = None,
    workers: WorkersOpt = None,
    wilayah: WilayahOpt = None,
    columns: ColumnOpt = None,
    sign_key: SignKeyOpt = None,
    peta: Annotated[
        bool,
        typer.Option(
            "--peta",
            help="Gambar juga peta cakupan (PNG) di samping rencana: satu untuk seluruh Polres "
            "dan satu per Polsek.",
        ),
    ] = False,
    saran: Annotated[
        bool,
        typer.Option(
            "--saran",
            help="Tambahkan sheet Saran: siapa yang dilatih, di kecamatan mana perlu personel "
            "tambahan, dan cakupan pada pengaturan lain (lihat rwassign saran).",
        ),
    ] = False,
    json_out: JsonOpt = False,
    lang: OptionalLangOpt = None,
) -> None:
    """Susun penugasan Polisi RW yang optimal dan tulis workbook hasilnya.

    Contoh: rwassign solve data/samples/polres_lebong.xlsx -o hasil.xlsx --max-units 2
    """
    first = inputs[0] if inputs else None
    settings = _overrides(max_units, max_travel_km, time_limit, workers, wilayah)
    base = _request(
        first, units, roster, config, columns, lang, settings, sign_key=sign_key, peta=peta,
        saran=saran,
    )  # fmt: skip
    dispatch(inputs, base, output, output_dir, rekap, jobs, json_out)


def replan(
    inputs: InputsArg = None,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="Rencana sebelumnya (workbook rwassign, sheet Penugasan yang disunting, atau "
            "daftar dengan kolom NRP dan RW/dusun); untuk banyak berkas: foldernya.",
        ),
    ] = None,
    max_moves: Annotated[
        int | None,
        typer.Option(
            "--max-moves", min=0, help="Paling banyak K personel lama yang boleh pindah RW."
        ),
    ] = None,
    tradeoff: Annotated[
        bool,
        typer.Option("--tradeoff", help="Tampilkan dan tulis tabel cakupan untuk K = 0, 1, ..."),
    ] = False,
    units: UnitsOpt = None,
    roster: RosterOpt = None,
    output: OutputOpt = None,
    output_dir: OutputDirOpt = None,
    rekap: RekapOpt = None,
    jobs: JobsOpt = 1,
    config: ConfigOpt = None,
    max_units: MaxUnitsOpt = None,
    max_travel_km: MaxTravelOpt = None,
    time_limit: TimeLimitOpt = None,
    workers: WorkersOpt = None,
    wilayah: WilayahOpt = None,
    columns: ColumnOpt = None,
    sign_key: SignKeyOpt = None,
    json_out: JsonOpt = False,
    lang: OptionalLangOpt = None,
) -> None:
    """Susun ulang setelah mutasi dengan perpindahan sesedikit mungkin.

    Contoh: rwassign replan roster-baru.xlsx --previous roster-penugasan.xlsx --tradeoff
    """
    if previous is None:
        usage_error("cli.previous_missing", lang.value if lang else "id")
    first = inputs[0] if inputs else None
    settings = _overrides(max_units, max_travel_km, time_limit, workers, wilayah)
    base = _request(
        first, units, roster, config, columns, lang, settings,
        previous=previous, max_moves=max_moves, tradeoff=tradeoff, sign_key=sign_key,
    )  # fmt: skip
    dispatch(inputs, base, output, output_dir, rekap, jobs, json_out)


def validate(
    input_file: InputArg = None,
    units: UnitsOpt = None,
    roster: RosterOpt = None,
    config: ConfigOpt = None,
    wilayah: WilayahOpt = None,
    columns: ColumnOpt = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Cetak hasil pemeriksaan sebagai JSON.")
    ] = False,
    lang: OptionalLangOpt = None,
) -> None:
    """Periksa masukan tanpa menyusun rencana: semua galat dan peringatan sekaligus.

    Contoh: rwassign validate data/samples/polres_lebong.xlsx
    """
    req = _request(input_file, units, roster, config, columns, lang, {"wilayah": wilayah})
    polres: Polres | None = None
    try:
        polres = read_request(req)
        problems, shown = list(polres.warnings), polres.lang
    except InputErrors as exc:
        problems, shown = exc.problems, exc.lang or req.lang or "id"
    say_problems(problems, shown)
    errors = [p for p in problems if p.is_error]
    payload: dict[str, Any] = {
        "errors": len(errors),
        "warnings": len(problems) - len(errors),
        "problems": [
            {
                "severity": p.severity.value,
                "code": p.code,
                "file": p.location.file,
                "sheet": p.location.sheet,
                "row": p.location.row,
                "column": p.location.column,
                "message": i18n.text(p.code, p.params, shown),
            }
            for p in problems
        ],
    }
    if polres is None:
        err.print(i18n.text("cli.errors_found", {"n": len(errors)}, shown), style="bold red")
        exit_with(EXIT_INPUT, json_out, payload)
    counts = {
        "units": len(polres.instance.units),
        "officers": len(polres.instance.officers),
        "eligible": polres.eligible_count(),
    }
    payload.update(counts)
    payload["places"] = places_facts(polres.instance)
    err.print(i18n.text("cli.valid", counts, shown), style="green")
    word = unit_word(sorted({u.kind for u in polres.instance.units}))
    for line in places_text(payload["places"], word, shown):
        err.print(line)
    if json_out:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
