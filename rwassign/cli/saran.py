"""``rwassign saran``: exact advice on the shortage, printed and written as ``<input>-saran.xlsx``.

A thin layer like the other commands: read the Polres (:func:`rwassign.read`), compute the
advice (:func:`rwassign.advice.advise`), write the workbook, print the three tables (stderr)
and, with ``--json``, the same records (stdout).  The coverage maps of today's plan always come
with it: a ``Peta`` sheet in the workbook and PNG files beside it.  Exit codes as every command:
1 input errors, 4 output not writable, 5 a row the independent checker rejected (nothing
written).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from rwassign import api, i18n
from rwassign.advice import DEFAULT_MAX_K, Advice, advise, as_dict, rejected_rows
from rwassign.advice.workbook import tables, write_saran
from rwassign.cli.options import (
    ColumnOpt,
    ConfigOpt,
    InputArg,
    JsonOpt,
    MaxTravelOpt,
    MaxUnitsOpt,
    OptionalLangOpt,
    RosterOpt,
    UnitsOpt,
)
from rwassign.cli.output import err, say, say_problems, usage_error
from rwassign.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OUTPUT,
    InputErrors,
    RwassignError,
    exit_status,
)

__all__ = ["saran", "saran_output"]


def saran_output(source: Path) -> Path:
    """``<input>-saran.xlsx`` beside the input (batches never read it as a Polres)."""
    return source.parent / f"{source.stem}-saran.xlsx"


#: Columns of each table shown on the terminal (the workbook has them all).
TERMINAL_COLUMNS = {
    "Latih": (0, 1, 9, 10),
    "Kecamatan": (0, 2, 3, 5, 8, 9),
    "Pengaturan": (0, 1, 3, 4, 7, 11),
}


def _print(advice: Advice, lang: str) -> None:
    for table in tables(advice, lang):
        t = Table(title=table.title, title_style="bold", show_lines=False)
        keep = TERMINAL_COLUMNS[table.sheet]
        for c in keep:
            t.add_column(table.headers[c], overflow="fold")
        for row in table.rows:
            t.add_row(*(str(row[c]) for c in keep))
        err.print(t)
        for note in table.notes:
            say(note)


def saran(
    input_file: InputArg = None,
    units: UnitsOpt = None,
    roster: RosterOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="BERKAS",
            help="Berkas keluaran (bawaan: <masukan>-saran.xlsx).",
        ),
    ] = None,
    max_k: Annotated[
        int,
        typer.Option(
            "--maks-latih",
            help=f"Baris tabel pelatihan: k = 1 .. min(calon, N) (bawaan {DEFAULT_MAX_K}).",
        ),
    ] = DEFAULT_MAX_K,
    config: ConfigOpt = None,
    max_units: MaxUnitsOpt = None,
    max_travel_km: MaxTravelOpt = None,
    columns: ColumnOpt = None,
    json_out: JsonOpt = False,
    lang: OptionalLangOpt = None,
) -> None:
    """Saran menghadapi kekurangan personel: siapa dilatih, di mana perlu tambahan, pengaturan.

    Contoh: rwassign saran data/samples/polres_lebong.xlsx
    """
    early = lang.value if lang else "id"
    if input_file is None and (units is None or roster is None):
        usage_error("cli.no_input", early)
    if max_k < 1:
        usage_error("advice.bad_max_k", early, value=max_k)
    cmap: dict[str, str] = {}
    for v in columns or []:
        field, sep, header = v.partition("=")
        if not sep or not field.strip() or not header.strip():
            usage_error("cli.bad_column", early, value=v)
        cmap[field.strip().lower()] = header.strip().strip('"').strip("'")
    try:
        polres = api.read(
            input_file,
            units=units,
            roster=roster,
            config=config,
            columns=cmap,
            overrides={"max_units_per_officer": max_units, "max_travel_km": max_travel_km},
            lang=lang.value if lang else None,
        )
    except InputErrors as exc:
        shown = exc.lang or early
        say_problems(exc.problems, shown)
        err.print(i18n.text("cli.errors_found", {"n": len(exc.errors)}, shown), style="bold red")
        raise typer.Exit(EXIT_INPUT) from None
    shown = polres.lang
    target = output or saran_output(polres.source)
    if target.suffix.lower() != ".xlsx":
        say(i18n.line("output.not_xlsx", {"path": target.name}, shown), "red")
        raise typer.Exit(EXIT_OUTPUT)
    if any(target.resolve() == p.resolve() for p in polres.input_files):
        say(i18n.line("output.same_as_input", {"path": target.name}, shown), "red")
        raise typer.Exit(EXIT_OUTPUT)
    with err.status(i18n.text("advice.progress", {}, shown)) as status:

        def progress(stage: str) -> None:
            status.update(i18n.text("cli.stage", {"stage": stage}, shown))

        advice = advise(polres.instance, polres.settings, max_k=max_k, progress=progress)
        try:  # today's plan, which the maps show
            plan = api.solve(polres, progress=progress)
        except RwassignError as exc:
            say(" ".join(exc.lines(shown)), "red")
            raise typer.Exit(exit_status(exc)[1]) from None
    rejected = rejected_rows(advice)
    if rejected:
        params = {"n": len(rejected), "rows": ", ".join(rejected[:5])}
        say(i18n.line("advice.check_failed", params, shown), "bold red")
        raise typer.Exit(EXIT_INTERNAL)
    # The maps always come with the advice: drawn in memory, embedded in the workbook, and
    # their PNG files written beside it only once the workbook is written.
    from rwassign.peta import peta_sheet, render_maps, write_maps

    try:
        maps = render_maps(plan.result.instance, plan.result, target.parent, target.stem, shown)
        write_saran(advice, target, shown, extra_sheets=[peta_sheet(maps, shown)])
        write_maps(maps)
    except OSError as exc:
        params = {"path": target.name, "detail": exc.strerror or type(exc).__name__}
        say(i18n.line("output.not_writable", params, shown), "red")
        raise typer.Exit(EXIT_OUTPUT) from None
    except RwassignError as exc:  # a map or its folder that cannot be written
        say(" ".join(exc.lines(shown)), "red")
        raise typer.Exit(EXIT_OUTPUT) from None
    _print(advice, shown)
    err.print(i18n.text("advice.written", {"path": str(target)}, shown), style="green")
    folder = {"n": len(maps), "folder": str(target.parent)}
    err.print(i18n.text("peta.written", folder, shown), style="green")
    if json_out:
        peta = [str(m.path) for m in maps]
        payload = {"output": str(target), "peta": peta, **as_dict(advice)}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
