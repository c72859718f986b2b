"""Command line: ``rwassign solve`` and ``rwassign validate``.

A thin layer: it parses options, calls the library (read -> solve -> check -> write) and turns
each outcome into one clear message and a documented exit code.  No rule or solver logic lives
here.  Decoration (progress, tables) goes to stderr; ``--json`` prints only JSON to stdout.

Exit codes
    0  plan written (also when some units stay uncovered)
    1  input errors (every problem listed, nothing written)
    2  usage error (unknown option, missing argument)
    3  no plan within the limits (nothing written)
    4  the output file could not be written (nothing written)
    5  internal error: the independent checker rejected the plan (a bug; nothing written)
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

import rwassign
from rwassign import i18n
from rwassign.model import Problem, Severity
from rwassign.pipeline import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_NO_PLAN,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    Request,
    default_output,
    prepare,
)
from rwassign.pipeline import run as run_pipeline

__all__ = ["EXIT_OK", "app"]

app = typer.Typer(
    name="rwassign",
    help="Penugasan Polisi RW: satu personel terlatih untuk setiap RW/dusun, optimal dan "
    "beralasan. (Polisi RW planning: one trained member per RW/dusun, optimal and explained.)",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)

err = Console(stderr=True, highlight=False, soft_wrap=True)


class Lang(StrEnum):
    id = "id"
    en = "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rwassign {rwassign.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Tampilkan versi."),
    ] = False,
) -> None:
    """rwassign: rencana Polisi RW dari spreadsheet Polres."""


InputArg = Annotated[
    Path | None,
    typer.Argument(
        help="Workbook berisi sheet wilayah (RW/dusun) dan personel (.xlsx atau .csv).",
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
LangOpt = Annotated[Lang | None, typer.Option("--lang", help="Bahasa pesan: id (bawaan) atau en.")]


def _say(problem: Problem, lang: str) -> None:
    style = "red" if problem.severity is Severity.ERROR else "yellow"
    err.print(i18n.render(problem, lang), style=style, markup=False, highlight=False)


def _column_map(values: list[str] | None, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values or []:
        field, sep, header = v.partition("=")
        if not sep or not field.strip() or not header.strip():
            err.print(i18n.text("cli.bad_column", {"value": v}, lang), style="red")
            raise typer.Exit(EXIT_USAGE)
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
        err.print(i18n.text("cli.no_input", {}, early), style="red")
        raise typer.Exit(EXIT_USAGE)
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


def _report_problems(problems: list[Problem], lang: str, *, warnings: bool = True) -> None:
    for p in problems:
        if p.is_error or warnings:
            _say(p, lang)


def _summary_table(facts: dict[str, Any], lang: str) -> Table:
    en = lang == "en"
    t = Table(title="rwassign", show_header=False, title_style="bold")
    t.add_column(style="bold")
    t.add_column()
    rows = [
        ("Status", facts["status"]),
        ("Units" if en else "RW/Dusun", f"{facts['covered']} / {facts['units']} "
         f"({facts['coverage_pct']} %)"),
        ("Weighted coverage" if en else "Cakupan berbobot",
         f"{facts['weighted_coverage']} / {facts['weighted_coverage_max']}"),
        ("Officers eligible / assigned" if en else "Memenuhi syarat / ditugaskan",
         f"{facts['eligible']} / {facts['assigned']} (cadangan {facts['reserve']})"),
        ("Ineligible" if en else "Tidak memenuhi syarat", str(facts["ineligible"])),
        ("Residence matches" if en else "Sesuai domisili", str(facts["residence_matches"])),
        ("Travel km (mean)" if en else "Jarak km (rata-rata)",
         f"{facts['travel_km']} ({facts['travel_km_mean']})"),
        ("Gap", str(facts["gap"])),
        ("Seconds" if en else "Detik", str(facts["seconds"].get("total"))),
        ("Warnings" if en else "Peringatan", str(facts["warnings"])),
        ("Output" if en else "Keluaran", str(facts["output"])),
    ]  # fmt: skip
    if facts.get("changes") is not None:
        rows.insert(1, ("Moves" if en else "Perpindahan", str(facts["moves"])))
        counts = ", ".join(f"{k} {v}" for k, v in facts["changes"].items() if v)
        rows.insert(2, ("Changes" if en else "Perubahan", counts or "-"))
    for k, v in rows:
        t.add_row(k, str(v))
    return t


def _tradeoff_table(table: list[dict[str, Any]], lang: str) -> Table:
    en = lang == "en"
    t = Table(title="Move budget trade-off" if en else "Pilihan batas perpindahan")
    if en:
        heads = ("K", "moves", "status", "covered", "weighted", "residence", "km")
    else:
        heads = ("K", "pindah", "status", "terisi", "berbobot", "domisili", "km")
    for h in heads:
        t.add_column(h, justify="right")
    for r in table:
        t.add_row(
            *(
                str(r[k])
                for k in (
                    "max_moves",
                    "moves",
                    "status",
                    "covered",
                    "weighted_coverage",
                    "residence",
                    "travel_km",
                )
            )
        )
    return t


def _exit_with(code: int, json_out: bool, payload: dict[str, Any]) -> None:
    if json_out:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    raise typer.Exit(code)


def _single(req: Request, json_out: bool) -> None:
    """Run one Polres and show the outcome; exits with its code."""
    lang = req.lang or "id"
    with err.status(i18n.text("cli.solving", {}, lang)) as status:

        def progress(stage: str) -> None:
            status.update(i18n.text("cli.stage", {"stage": stage}, lang))

        out = run_pipeline(req, progress)
    if out.exit_code == EXIT_INPUT:
        _report_problems(out.problems, out.lang)
        n = len(out.errors)
        err.print(i18n.text("cli.errors_found", {"n": n}, out.lang), style="bold red")
        _exit_with(EXIT_INPUT, json_out, {"status": "INPUT_ERROR", "errors": n, "output": None})
    if out.exit_code in (EXIT_NO_PLAN, EXIT_INTERNAL):
        _report_problems(out.errors, out.lang)
        status_name = "NO_PLAN" if out.exit_code == EXIT_NO_PLAN else "CHECK_FAILED"
        _exit_with(out.exit_code, json_out, {"status": status_name, "output": None})
    if out.exit_code == EXIT_OUTPUT:
        err.print(out.output_error, style="red", markup=False)
        _exit_with(EXIT_OUTPUT, json_out, {"status": "OUTPUT_ERROR", "output": None})
    assert out.facts is not None
    if out.facts["warnings"]:
        err.print(i18n.text("cli.warnings", {"n": out.facts["warnings"]}, out.lang), style="yellow")
    err.print(_summary_table(out.facts, out.lang))
    if out.tradeoff:
        err.print(_tradeoff_table(out.tradeoff, out.lang))
        out.facts["tradeoff"] = out.tradeoff
    if json_out:
        typer.echo(json.dumps(out.facts, ensure_ascii=False, indent=2))


#: Stems of rwassign's own outputs, skipped when a folder is given as input.
_OUTPUT_NAME = re.compile(r"-penugasan(-baru(-\d+)?)?$|-lampiran", re.IGNORECASE)


def _expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given, and the workbooks/CSV files inside any folder given (sorted, no outputs)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    x
                    for x in p.iterdir()
                    if x.suffix.lower() in (".xlsx", ".xlsm", ".csv")
                    and not _OUTPUT_NAME.search(x.stem)
                    and not x.name.startswith(("~$", "rekap"))
                )
            )
        else:
            out.append(p)
    return out


def _previous_for(input_file: Path, previous: Path | None) -> Path | None:
    """In a batch re-plan, ``--previous`` may be a folder holding ``<name>-penugasan.xlsx``."""
    if previous is None or not previous.is_dir():
        return previous
    for name in (f"{input_file.stem}-penugasan.xlsx", input_file.name):
        if (previous / name).exists():
            return previous / name
    return previous / f"{input_file.stem}-penugasan.xlsx"


def _dispatch(
    inputs: list[Path] | None,
    base: Request,
    output: Path | None,
    output_dir: Path | None,
    rekap: Path | None,
    jobs: int,
    json_out: bool,
) -> None:
    files = _expand_inputs(inputs or [])
    if len(files) <= 1 and not (inputs and inputs[0].is_dir()):
        req = dataclasses.replace(base, input_file=files[0] if files else None, output=output)
        if base.previous is not None and req.input_file is not None:
            req.previous = _previous_for(req.input_file, base.previous)
        _single(req, json_out)
        return
    lang = base.lang or "id"
    if output is not None:
        err.print(i18n.text("cli.batch_output", {}, lang), style="red")
        raise typer.Exit(EXIT_USAGE)
    if not files:
        err.print(i18n.text("cli.batch_empty", {}, lang), style="red")
        raise typer.Exit(EXIT_INPUT)
    from rwassign.batch import run_batch

    reqs = []
    for f in files:
        prev = _previous_for(f, base.previous)
        out_path = default_output(f, prev, output_dir)
        reqs.append(dataclasses.replace(base, input_file=f, output=out_path, previous=prev))
    rekap_path = rekap or (output_dir or files[0].parent) / "rekap-penugasan.xlsx"

    def on_done(item: Any) -> None:
        style = "green" if item.exit_code == 0 else "red"
        line = i18n.text(
            "cli.batch_file",
            {"file": item.input.name, "status": item.status, "code": item.exit_code},
            lang,
        )
        err.print(line, style=style, markup=False)
        for text in item.messages:
            err.print("   " + text, markup=False)

    summary = run_batch(reqs, jobs=jobs, rekap=rekap_path, lang=lang, on_done=on_done)
    failed = [i.input.name for i in summary.items if i.exit_code != 0]
    err.print(
        i18n.text(
            "cli.batch_done",
            {
                "n": len(summary.items),
                "failed": len(failed),
                "rekap": str(rekap_path),
                "speed": f"{summary.seconds:.1f}",
            },
            lang,
        ),
        style="bold",
    )
    if failed:
        err.print(", ".join(failed), style="red", markup=False)
    if summary.rekap_error:
        err.print(summary.rekap_error, style="red", markup=False)
    if json_out:
        typer.echo(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
    raise typer.Exit(summary.exit_code)


InputsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Workbook Polres (.xlsx/.csv) berisi wilayah dan personel; boleh beberapa berkas "
        "atau folder (satu workbook per Polres).",
        show_default=False,
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


@app.command()
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
    columns: ColumnOpt = None,
    json_out: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Susun penugasan Polisi RW yang optimal dan tulis workbook hasilnya.

    Contoh: rwassign solve data/samples/polres_lebong.xlsx -o hasil.xlsx --max-units 2
    """
    first = inputs[0] if inputs else None
    base = _request(
        first, units, roster, config, columns, lang,
        {"max_units_per_officer": max_units, "max_travel_km": max_travel_km,
         "time_limit_s": time_limit, "workers": workers},
    )  # fmt: skip
    _dispatch(inputs, base, output, output_dir, rekap, jobs, json_out)


@app.command()
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
    columns: ColumnOpt = None,
    json_out: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Susun ulang setelah mutasi dengan perpindahan sesedikit mungkin.

    Contoh: rwassign replan roster-baru.xlsx --previous roster-penugasan.xlsx --tradeoff
    """
    if previous is None:
        err.print(i18n.text("cli.previous_missing", {}, lang.value if lang else "id"), style="red")
        raise typer.Exit(EXIT_USAGE)
    first = inputs[0] if inputs else None
    base = _request(
        first, units, roster, config, columns, lang,
        {"max_units_per_officer": max_units, "max_travel_km": max_travel_km,
         "time_limit_s": time_limit, "workers": workers},
        previous=previous, max_moves=max_moves, tradeoff=tradeoff,
    )  # fmt: skip
    _dispatch(inputs, base, output, output_dir, rekap, jobs, json_out)


@app.command()
def validate(
    input_file: InputArg = None,
    units: UnitsOpt = None,
    roster: RosterOpt = None,
    config: ConfigOpt = None,
    columns: ColumnOpt = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Cetak hasil pemeriksaan sebagai JSON.")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Periksa masukan tanpa menyusun rencana: semua galat dan peringatan sekaligus.

    Contoh: rwassign validate data/samples/polres_lebong.xlsx
    """
    from rwassign.rules import evaluate

    prep = prepare(_request(input_file, units, roster, config, columns, lang, {}))
    _report_problems(prep.problems, prep.lang)
    errors = [p for p in prep.problems if p.is_error]
    payload: dict[str, Any] = {
        "errors": len(errors),
        "warnings": len(prep.problems) - len(errors),
        "problems": [
            {
                "severity": p.severity.value,
                "code": p.code,
                "file": p.location.file,
                "sheet": p.location.sheet,
                "row": p.location.row,
                "column": p.location.column,
                "message": i18n.text(p.code, p.params, prep.lang),
            }
            for p in prep.problems
        ],
    }
    if errors:
        err.print(i18n.text("cli.errors_found", {"n": len(errors)}, prep.lang), style="bold red")
        _exit_with(EXIT_INPUT, json_out, payload)
    inst = prep.instance
    assert inst is not None and prep.settings is not None
    elig = evaluate(inst, prep.settings)
    payload.update(units=len(inst.units), officers=len(inst.officers), eligible=sum(elig.eligible))
    err.print(
        i18n.text(
            "cli.valid",
            {
                "units": len(inst.units),
                "officers": len(inst.officers),
                "eligible": sum(elig.eligible),
            },
            prep.lang,
        ),
        style="green",
    )
    if json_out:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def run() -> None:  # pragma: no cover - console entry point wrapper
    """Entry point that turns an unexpected crash into one line and exit code 5."""
    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # last line of defence: no traceback for users
        err.print(i18n.text("cli.internal", {"detail": repr(exc)}, "id"), style="bold red")
        sys.exit(EXIT_INTERNAL)


from rwassign import cli_export  # noqa: E402

cli_export.register(app)

if __name__ == "__main__":  # python -m rwassign.cli (used by the batch benchmark)
    run()
