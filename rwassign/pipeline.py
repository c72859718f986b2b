"""One request, as the command line and batch runs make it: read -> plan -> write.

A :class:`Request` is what a user asked for as plain, picklable values (a batch worker gets
one per workbook); :func:`run` does it through the library (:mod:`rwassign.api`) and turns any
named exception into an :class:`Outcome` by the one exit-code table of :mod:`rwassign.errors`.
Nothing here prints: the caller decides how to show the outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rwassign import api, i18n
from rwassign.errors import (
    EXIT_INTERNAL,
    EXIT_OK,
    RwassignError,
    exit_status,
)
from rwassign.io.write import ExtraSheet
from rwassign.model import Instance, Problem, SolveResult
from rwassign.settings import Settings

if TYPE_CHECKING:  # matplotlib is loaded only by runs that draw maps
    from rwassign.peta import MapImage

__all__ = [
    "Outcome",
    "Prepared",
    "Request",
    "default_output",
    "prepare",
    "read_request",
    "run",
]


@dataclass
class Request:
    """What the user asked for, as plain values (picklable, for batch workers)."""

    input_file: Path | None = None
    units: Path | None = None
    roster: Path | None = None
    output: Path | None = None
    config: Path | None = None
    column_map: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, Any] = field(default_factory=dict)
    lang: str | None = None
    previous: Path | None = None
    max_moves: int | None = None
    tradeoff: bool = False
    sign_key: Path | None = None
    peta: bool = False  # also draw the coverage maps beside the plan (``solve --peta``)
    saran: bool = False  # also add the advice on the shortage as a ``Saran`` sheet (``--saran``)

    @property
    def first(self) -> Path:
        p = self.input_file or self.roster or self.units
        assert p is not None
        return p

    def default_output(self) -> Path:
        return self.output or default_output(self.first, self.previous)


def default_output(first: Path, previous: Path | None, folder: Path | None = None) -> Path:
    """``<input>-penugasan.xlsx`` beside the input (or in ``folder``).

    A plain solve overwrites its own earlier output, as any re-run does.  A re-plan never
    overwrites a plan: its previous plan is an input, and an earlier plan beside it may be the
    one a Kapolres signed.  It takes the first of ``<input>-penugasan.xlsx``,
    ``<input>-penugasan-baru.xlsx``, ``<input>-penugasan-baru-2.xlsx``, ... that does not
    exist, so ``replan roster.xlsx --previous roster-penugasan.xlsx`` works without ``-o``.
    """
    where = folder or first.parent
    plain = where / f"{first.stem}-penugasan.xlsx"
    if previous is None:
        return plain
    n = 1
    candidate = plain
    while candidate.exists() or candidate.resolve() == previous.resolve():
        n += 1
        suffix = "baru" if n == 2 else f"baru-{n - 1}"
        candidate = where / f"{first.stem}-penugasan-{suffix}.xlsx"
    return candidate


@dataclass
class Prepared:
    """What reading produced, ready to solve (or the problems that stop it)."""

    instance: Instance | None
    settings: Settings | None
    problems: list[Problem]
    input_files: list[Path]
    lang: str


@dataclass
class Outcome:
    """Everything one run produced; ``exit_code`` and ``status`` follow the documented table
    (``status`` is the solver's status, e.g. ``OPTIMAL``, when a plan was written)."""

    exit_code: int
    problems: list[Problem]
    lang: str
    result: SolveResult | None = None
    output: Path | None = None
    facts: dict[str, Any] | None = None
    output_error: str = ""
    tradeoff: list[dict[str, Any]] = field(default_factory=list)
    status: str = ""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def read_request(req: Request) -> api.Polres:
    """The Polres a request names, read with its settings; raises ``InputErrors``."""
    return api.read(
        req.input_file,
        units=req.units,
        roster=req.roster,
        config=req.config,
        columns=req.column_map,
        overrides=req.overrides,
        lang=req.lang,
    )


def prepare(req: Request) -> Prepared:
    """Read the input and settings; collect every problem; never raise for bad input."""
    try:
        polres = read_request(req)
    except RwassignError as exc:
        return Prepared(None, None, exc.problems, [], exc.lang or req.lang or "id")
    files = list(polres.input_files)
    return Prepared(polres.instance, polres.settings, list(polres.warnings), files, polres.lang)


def run(req: Request, progress: Callable[[str], None] | None = None) -> Outcome:
    """Read, solve (or re-plan), check and write one Polres; the exit code says how it went."""
    lang = req.lang or "id"
    try:
        polres = read_request(req)
        lang = polres.lang
        if req.previous is None:
            plan = api.solve(polres, progress=progress)
        else:
            plan = api.replan(
                polres,
                req.previous,
                max_moves=req.max_moves,
                tradeoff=req.tradeoff,
                progress=progress,
            )
    except RwassignError as exc:
        status, code = exit_status(exc)
        result = getattr(exc, "result", None)
        return Outcome(code, exc.problems, exc.lang or lang, result, status=status)
    target = req.default_output()
    maps: tuple[MapImage, ...] = ()
    extra: list[ExtraSheet] = []
    if req.saran:
        sheet, rejected = _advice_sheet(plan, lang, progress)
        if rejected:
            params = {"n": len(rejected), "rows": ", ".join(rejected[:5])}
            line = i18n.line("advice.check_failed", params, lang)
            return Outcome(
                EXIT_INTERNAL, list(plan.result.warnings), lang, plan.result, output_error=line,
                status="CHECK_FAILED",
            )  # fmt: skip
        extra.append(sheet)
    try:
        if req.peta:
            maps, sheet = _render_maps(plan, target, lang)
            extra.append(sheet)
        out_path = api.write_plan(plan, target, sign_key=req.sign_key, extra_sheets=extra)
    except RwassignError as exc:  # an OutputError, or an unreadable --sign-key (ExportError)
        status, code = exit_status(exc)
        line = " ".join(exc.lines(lang))
        return Outcome(
            code, list(plan.result.warnings), lang, plan.result, output_error=line,
            status=status,
        )  # fmt: skip
    facts = plan.summary(out_path)
    if maps:
        try:
            facts["peta"] = _write_maps(maps)
        except RwassignError as exc:  # an OutputError: the plan is written, a map is not
            status, code = exit_status(exc)
            line = " ".join(exc.lines(lang))
            return Outcome(
                code, list(plan.result.warnings), lang, plan.result, out_path, facts,
                output_error=line, status=status,
            )  # fmt: skip
    return Outcome(
        EXIT_OK, list(plan.result.warnings), lang, plan.result, out_path, facts,
        tradeoff=list(plan.tradeoff), status=facts["status"],
    )  # fmt: skip


def _advice_sheet(
    plan: api.Plan, lang: str, progress: Callable[[str], None] | None
) -> tuple[ExtraSheet, list[str]]:
    """The ``Saran`` sheet (``solve --saran``) and the advice rows the checker rejected.

    Imported here: the advice solves many variants of the Polres, asked for only by this flag.
    """
    from rwassign.advice import advise, rejected_rows
    from rwassign.advice.workbook import saran_sheet

    advice = advise(plan.result.instance, plan.result.settings, progress=progress)
    return saran_sheet(advice, lang), rejected_rows(advice)


def _render_maps(
    plan: api.Plan, out_path: Path, lang: str
) -> tuple[tuple[MapImage, ...], ExtraSheet]:
    """The coverage maps of the plan, drawn in memory, and the ``Peta`` sheet that embeds them.

    Imported here, not at the top: matplotlib is loaded only by the runs that ask for maps,
    so a plain ``solve`` and folder batches start as fast as before.  The PNG files are written
    beside the plan (``<plan stem>-peta-<polsek>.png``) only after the plan itself."""
    from rwassign.peta import peta_sheet, render_maps

    images = render_maps(plan.result.instance, plan.result, out_path.parent, out_path.stem, lang)
    return images, peta_sheet(images, lang)


def _write_maps(images: tuple[MapImage, ...]) -> list[str]:
    """Write the maps' PNG files; their paths, for the terminal and ``--json``."""
    from rwassign.peta import write_maps

    write_maps(images)
    return [str(image.path) for image in images]
