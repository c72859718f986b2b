"""Run what ``solve``/``replan`` asked for: one workbook with a progress line and a summary
table, or many (files or a folder) as a batch with a ``rekap``.

Each workbook goes through :func:`rwassign.pipeline.run` (the library's read, solve or
re-plan, check and write), whose outcome already carries the exit code and status of the one
table in :mod:`rwassign.errors`; this module only shows it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import typer

from rwassign import i18n
from rwassign.batch import BatchItem, output_clashes, run_batch
from rwassign.cli.output import err, exit_with, say, say_problems, usage_error
from rwassign.cli.tables import summary_table, tradeoff_table
from rwassign.errors import EXIT_INPUT, EXIT_OK, EXIT_USAGE
from rwassign.io.atomic import is_temp_name
from rwassign.io.previous import SAID_ON_TERMINAL
from rwassign.io.read.tables import WORKBOOK_SUFFIXES
from rwassign.pipeline import Request, default_output
from rwassign.pipeline import run as run_pipeline
from rwassign.template import TEMPLATE_SUFFIX

__all__ = ["dispatch", "expand_inputs"]

#: Stems of rwassign's own outputs, skipped when a folder is given as input (an unfilled
#: ``rwassign template`` workbook is not a Polres either, nor ``rwassign saran``'s advice).
_OUTPUT_NAME = re.compile(
    r"-penugasan(-baru(-\d+)?)?$|-lampiran|-saran$|" + re.escape(TEMPLATE_SUFFIX) + "$",
    re.IGNORECASE,
)


def single(req: Request, json_out: bool) -> None:
    """Run one Polres and show the outcome; exits with its code."""
    lang = req.lang or "id"
    with err.status(i18n.text("cli.solving", {}, lang)) as status:

        def progress(stage: str) -> None:
            status.update(i18n.text("cli.stage", {"stage": stage}, lang))

        out = run_pipeline(req, progress)
    if out.exit_code == EXIT_INPUT:
        say_problems(out.problems, out.lang)
        n = len(out.errors)
        err.print(i18n.text("cli.errors_found", {"n": n}, out.lang), style="bold red")
        exit_with(EXIT_INPUT, json_out, {"status": out.status, "errors": n, "output": None})
    if out.exit_code != EXIT_OK:
        say_problems(out.errors, out.lang)
        if out.output_error:
            say(out.output_error, "red")
        written = str(out.output) if out.output else None
        exit_with(out.exit_code, json_out, {"status": out.status, "output": written})
    assert out.facts is not None
    if out.facts["warnings"]:
        err.print(i18n.text("cli.warnings", {"n": out.facts["warnings"]}, out.lang), style="yellow")
    say_problems([p for p in out.problems if p.code in SAID_ON_TERMINAL], out.lang)
    err.print(summary_table(out.facts, out.lang))
    if out.facts.get("peta"):
        maps = {"n": len(out.facts["peta"]), "folder": str(Path(out.facts["peta"][0]).parent)}
        err.print(i18n.text("peta.written", maps, out.lang), style="green")
    if out.tradeoff:
        err.print(tradeoff_table(out.tradeoff, out.lang))
        out.facts["tradeoff"] = out.tradeoff
    if json_out:
        typer.echo(json.dumps(out.facts, ensure_ascii=False, indent=2))


#: What a folder batch reads: every workbook format the reader knows (``.xlsx``, ``.xlsm``,
#: ``.xls``, ``.ods``) and ``.csv`` (``.txt``/``.tsv`` only when named one by one).
BATCH_SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv")


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given, and the workbooks/CSV files inside any folder given (sorted, no outputs).

    A folder's hidden files are skipped (``.`` first: a temporary file of a write in progress
    or one a killed run left, macOS's ``._`` copies), as are Excel's ``~$`` lock files and
    rwassign's own outputs.  Anything else named like a workbook is read, a FIFO or device
    too: reading reports it as an input error instead of waiting on it."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    x
                    for x in p.iterdir()
                    if x.suffix.lower() in BATCH_SUFFIXES
                    and not _OUTPUT_NAME.search(x.stem)
                    and not x.name.startswith(("~$", "rekap", "."))
                    and not is_temp_name(x.name)
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


def dispatch(
    inputs: list[Path] | None,
    base: Request,
    output: Path | None,
    output_dir: Path | None,
    rekap: Path | None,
    jobs: int,
    json_out: bool,
) -> None:
    """One input: :func:`single`; several files or a folder: a batch with its rekap."""
    files = expand_inputs(inputs or [])
    if len(files) <= 1 and not (inputs and inputs[0].is_dir()):
        req = dataclasses.replace(base, input_file=files[0] if files else None, output=output)
        if base.previous is not None and req.input_file is not None:
            req.previous = _previous_for(req.input_file, base.previous)
        single(req, json_out)
        return
    lang = base.lang or "id"
    if output is not None:
        usage_error("cli.batch_output", lang)
    if not files:
        err.print(i18n.text("cli.batch_empty", {}, lang), style="red")
        raise typer.Exit(EXIT_INPUT)
    reqs = []
    for f in files:
        prev = _previous_for(f, base.previous)
        out_path = default_output(f, prev, output_dir)
        reqs.append(dataclasses.replace(base, input_file=f, output=out_path, previous=prev))
    clashes = output_clashes(reqs)
    for a, b in clashes:
        params = {"first": str(a.first), "second": str(b.first), "output": str(a.output)}
        say(i18n.line("cli.batch_same_output", params, lang), "red")
    if clashes:
        raise typer.Exit(EXIT_USAGE)
    rekap_path = rekap or (output_dir or files[0].parent) / "rekap-penugasan.xlsx"

    def on_done(item: BatchItem) -> None:
        style = "green" if item.exit_code == EXIT_OK else "red"
        line = i18n.text(
            "cli.batch_file",
            {"file": item.input.name, "status": item.status, "code": item.exit_code},
            lang,
        )
        say(line, style)
        for text in item.messages:
            say("   " + text)

    summary = run_batch(reqs, jobs=jobs, rekap=rekap_path, lang=lang, on_done=on_done)
    failed = [i.input.name for i in summary.items if i.exit_code != EXIT_OK]
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
        say(", ".join(failed), "red")
    if summary.rekap_error:
        say(summary.rekap_error, "red")
    if summary.error:
        say(summary.error, "red")
    if json_out:
        typer.echo(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
    raise typer.Exit(summary.exit_code)
