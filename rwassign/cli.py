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
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

import rwassign
from rwassign import messages
from rwassign.model import Location, Problem, Severity, SolveResult, SolveStatus

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_NO_PLAN, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5

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
    err.print(messages.render(problem, lang), style=style, markup=False, highlight=False)


def _column_map(values: list[str] | None, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values or []:
        field, sep, header = v.partition("=")
        if not sep or not field.strip() or not header.strip():
            err.print(messages.text("cli.bad_column", {"value": v}, lang), style="red")
            raise typer.Exit(EXIT_USAGE)
        out[field.strip().lower()] = header.strip().strip('"').strip("'")
    return out


@dataclasses.dataclass
class Prepared:
    """What reading produced, ready to solve (or the problems that stop it)."""

    instance: Any
    settings: Any
    problems: list[Problem]
    input_files: list[Path]
    lang: str


def _prepare(
    input_file: Path | None,
    units: Path | None,
    roster: Path | None,
    config: Path | None,
    columns: list[str] | None,
    lang: Lang | None,
    overrides: dict[str, Any],
) -> Prepared:
    """Read the input and settings; collect every problem; never raise for bad input."""
    from rwassign.io.read import read_input
    from rwassign.io.toml_config import load_toml
    from rwassign.settings import from_mapping

    early_lang = lang.value if lang else "id"
    if input_file is None and (units is None or roster is None):
        err.print(messages.text("cli.no_input", {}, early_lang), style="red")
        raise typer.Exit(EXIT_USAGE)
    cmap = {}
    toml_values: dict[str, Any] = {}
    problems: list[Problem] = []
    if config is not None:
        toml_values, toml_columns, toml_problems = load_toml(config)
        cmap.update(toml_columns)
        problems.extend(toml_problems)
    cmap.update(_column_map(columns, early_lang))
    rr = read_input(input_file, units=units, roster=roster, column_map=cmap or None)
    problems = rr.problems + problems
    settings = None
    if not any(p.is_error for p in problems):
        try:
            base = from_mapping(rr.settings_values)
            merged = {**toml_values, **{k: v for k, v in overrides.items() if v is not None}}
            if lang is not None:
                merged["lang"] = lang.value
            settings = base.replace(**merged) if merged else base
        except ValueError as exc:
            where = Location(
                file=config.name if config else (input_file or roster or Path("-")).name
            )
            problems.append(
                Problem("settings.invalid", Severity.ERROR, where, {"detail": str(exc)})
            )
    out_lang = settings.lang if settings is not None else (lang.value if lang else "id")
    return Prepared(rr.instance, settings, problems, rr.input_files, out_lang)


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
    for k, v in rows:
        t.add_row(k, str(v))
    return t


def _exit_with(code: int, json_out: bool, payload: dict[str, Any]) -> None:
    if json_out:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    raise typer.Exit(code)


@app.command()
def solve(
    input_file: InputArg = None,
    units: UnitsOpt = None,
    roster: RosterOpt = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Berkas keluaran (bawaan: <masukan>-penugasan.xlsx)."),
    ] = None,
    config: ConfigOpt = None,
    max_units: Annotated[
        int | None,
        typer.Option("--max-units", min=1, max=1000, help="RW/dusun paling banyak per personel."),
    ] = None,
    max_travel_km: Annotated[
        float | None,
        typer.Option("--max-travel-km", min=0.1, max=20000, help="Batas jarak rumah-RW (km)."),
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option("--time-limit", min=0.1, max=86400, help="Batas waktu solver (detik)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, max=64, help="Thread CP-SAT (hasil tetap sama)."),
    ] = None,
    columns: ColumnOpt = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Cetak ringkasan JSON ke stdout.")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Susun penugasan Polisi RW yang optimal dan tulis workbook hasilnya.

    Contoh: rwassign solve data/samples/polres_lebong.xlsx -o hasil.xlsx --max-units 2
    """
    from rwassign.checker import check
    from rwassign.io.write import OutputError, write_workbook
    from rwassign.report import sha256_file, summarize
    from rwassign.solver import solve as run_solve

    prep = _prepare(
        input_file,
        units,
        roster,
        config,
        columns,
        lang,
        {
            "max_units_per_officer": max_units,
            "max_travel_km": max_travel_km,
            "time_limit_s": time_limit,
            "workers": workers,
        },
    )
    errors = [p for p in prep.problems if p.is_error]
    if errors:
        _report_problems(prep.problems, prep.lang)
        n = len(errors)
        err.print(messages.text("cli.errors_found", {"n": n}, prep.lang), style="bold red")
        _exit_with(EXIT_INPUT, json_out, {"status": "INPUT_ERROR", "errors": n, "output": None})
    first = input_file or roster
    assert first is not None and prep.settings is not None and prep.instance is not None
    out_path = output or first.with_name(f"{first.stem}-penugasan.xlsx")

    with err.status(messages.text("cli.solving", {}, prep.lang)) as status:

        def progress(stage: str) -> None:
            status.update(messages.text("cli.stage", {"stage": stage}, prep.lang))

        result: SolveResult = run_solve(prep.instance, prep.settings, progress=progress)
    reader_warnings = tuple(p for p in prep.problems if not p.is_error)
    result = dataclasses.replace(result, warnings=reader_warnings + result.warnings)
    if result.status is SolveStatus.NO_PLAN:
        where = Location(file=first.name)
        _say(
            Problem("run.no_plan", Severity.ERROR, where, {"seconds": prep.settings.time_limit_s}),
            prep.lang,
        )
        _exit_with(EXIT_NO_PLAN, json_out, summarize(result))
    violations = check(result)
    if violations:
        detail = "; ".join(f"{v.rule}: {v.detail}" for v in violations[:5])
        _say(
            Problem(
                "run.check_failed", Severity.ERROR, Location(file=first.name), {"detail": detail}
            ),
            prep.lang,
        )
        _exit_with(EXIT_INTERNAL, json_out, {"status": "CHECK_FAILED", "output": None})
    try:
        write_workbook(result, out_path, input_files=prep.input_files, lang=prep.lang)
    except OutputError as exc:
        err.print(f"{exc.text(prep.lang)} {exc.hint(prep.lang)}".strip(), style="red")
        _exit_with(EXIT_OUTPUT, json_out, {"status": "OUTPUT_ERROR", "output": None})
    hashes = {p.name: sha256_file(p) for p in prep.input_files}
    facts = summarize(result, output=out_path, input_hashes=hashes)
    if reader_warnings or result.warnings:
        err.print(
            messages.text("cli.warnings", {"n": len(result.warnings)}, prep.lang), style="yellow"
        )
    err.print(_summary_table(facts, prep.lang))
    if json_out:
        typer.echo(json.dumps(facts, ensure_ascii=False, indent=2))


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

    prep = _prepare(input_file, units, roster, config, columns, lang, {})
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
                "message": messages.text(p.code, p.params, prep.lang),
            }
            for p in prep.problems
        ],
    }
    if errors:
        err.print(
            messages.text("cli.errors_found", {"n": len(errors)}, prep.lang), style="bold red"
        )
        _exit_with(EXIT_INPUT, json_out, payload)
    inst = prep.instance
    elig = evaluate(inst, prep.settings)
    payload.update(units=len(inst.units), officers=len(inst.officers), eligible=sum(elig.eligible))
    err.print(
        messages.text(
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
        err.print(messages.text("cli.internal", {"detail": repr(exc)}, "id"), style="bold red")
        sys.exit(EXIT_INTERNAL)
