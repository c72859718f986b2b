"""One run, as a library call: read -> (previous plan, pins) -> solve -> check -> write.

The CLI, batch runs and tests all go through ``run()`` so a plan is made the same way whoever
asks for it.  Nothing here prints: the outcome carries the problems, the result, the summary
facts and the exit code, and the caller decides how to show them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rwassign.model import Instance, Location, Problem, Severity, SolveResult, SolveStatus
from rwassign.settings import Settings

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_NO_PLAN, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5

#: Most rows of a ``--tradeoff`` table (K values are spread evenly, always with 0 and the
#: unconstrained number of moves).
TRADEOFF_ROWS = 12


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
    """Everything one run produced; ``exit_code`` follows the documented table."""

    exit_code: int
    problems: list[Problem]
    lang: str
    result: SolveResult | None = None
    output: Path | None = None
    facts: dict[str, Any] | None = None
    output_error: str = ""
    tradeoff: list[dict[str, Any]] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def prepare(req: Request) -> Prepared:
    """Read the input and settings; collect every problem; never raise for bad input."""
    from rwassign.io.read import read_input
    from rwassign.io.toml_config import load_toml
    from rwassign.settings import from_mapping

    cmap: dict[str, str] = {}
    toml_values: dict[str, Any] = {}
    problems: list[Problem] = []
    if req.config is not None:
        toml_values, toml_columns, toml_problems = load_toml(req.config)
        cmap.update(toml_columns)
        problems.extend(toml_problems)
    cmap.update(req.column_map)
    rr = read_input(req.input_file, units=req.units, roster=req.roster, column_map=cmap or None)
    problems = rr.problems + problems
    settings = None
    if not any(p.is_error for p in problems):
        try:
            base = from_mapping(rr.settings_values)
            merged = {**toml_values, **{k: v for k, v in req.overrides.items() if v is not None}}
            if req.lang is not None:
                merged["lang"] = req.lang
            settings = base.replace(**merged) if merged else base
        except ValueError as exc:
            where = Location(file=req.config.name if req.config else req.first.name)
            problems.append(
                Problem("settings.invalid", Severity.ERROR, where, {"detail": str(exc)})
            )
    lang = settings.lang if settings is not None else (req.lang or "id")
    return Prepared(rr.instance, settings, problems, rr.input_files, lang)


def _guidance(
    req: Request, instance: Instance, settings: Settings
) -> tuple[Any, Any, list[Problem]]:
    """Previous plan and pins (from the roster's Kunci column and the previous plan)."""
    from rwassign import rules
    from rwassign.io.previous import PreviousPlan, read_previous, resolve_pin_text
    from rwassign.solver import Guidance

    problems: list[Problem] = []
    prev = PreviousPlan()
    if req.previous is not None:
        prev = read_previous(req.previous, instance)
        problems.extend(prev.problems)
    pins = list(prev.pins)
    for o in instance.officers:
        if not o.pin:
            continue
        where = dataclasses.replace(o.source or Location(file="-"), column="KUNCI")
        unit = resolve_pin_text(o.pin, instance)
        if unit is None:
            problems.append(Problem("pin.unknown_unit", Severity.ERROR, where, {"text": o.pin}))
        else:
            pins.append((unit.uid, o.nrp, where))
    elig = rules.evaluate(instance, settings)
    valid, pin_problems = rules.check_pins(instance, settings, elig, pins)
    problems.extend(pin_problems)
    guidance = Guidance(previous=dict(prev.pairs), pins=tuple(valid), max_moves=req.max_moves)
    return guidance, prev, problems


def tradeoff_table(
    instance: Instance, settings: Settings, guidance: Any, unconstrained: SolveResult
) -> list[dict[str, Any]]:
    """Coverage, residence and travel that each move budget K buys, K = 0 .. free optimum."""
    from rwassign.explain import solve

    top = unconstrained.moves or 0
    ks = sorted({round(i * top / (TRADEOFF_ROWS - 1)) for i in range(TRADEOFF_ROWS)} | {0, top})
    rows = []
    for k in ks:
        r = (
            unconstrained
            if k == top
            else solve(instance, settings, guidance=dataclasses.replace(guidance, max_moves=k))
        )
        obj = r.objective
        rows.append(
            {
                "max_moves": k,
                "moves": r.moves,
                "status": r.status.value,
                "covered": obj.covered if obj else None,
                "weighted_coverage": obj.weighted_coverage if obj else None,
                "residence": obj.residence if obj else None,
                "travel_km": round(obj.travel_km, 2) if obj else None,
            }
        )
    return rows


def run(req: Request, progress: Callable[[str], None] | None = None) -> Outcome:
    """Read, solve, check and write one Polres; the exit code says how it went."""
    from rwassign.changes import compute_changes
    from rwassign.checker import check
    from rwassign.errors import OutputError
    from rwassign.explain import solve
    from rwassign.io.write import write_workbook
    from rwassign.report import sha256_file, summarize

    prep = prepare(req)
    if any(p.is_error for p in prep.problems):
        return Outcome(EXIT_INPUT, prep.problems, prep.lang)
    assert prep.instance is not None and prep.settings is not None
    instance, settings = prep.instance, prep.settings
    guidance, prev, g_problems = _guidance(req, instance, settings)
    problems = prep.problems + g_problems
    if req.previous is not None:
        problems.extend(
            Problem("previous.unit_removed", Severity.WARNING, where, {"unit": label, "nrp": nrp})
            for label, nrp, where in prev.removed
        )
    if any(p.is_error for p in problems):
        return Outcome(EXIT_INPUT, problems, prep.lang)

    result = solve(instance, settings, guidance=guidance, progress=progress)
    warnings = tuple(p for p in problems if not p.is_error)
    result = dataclasses.replace(result, warnings=warnings + result.warnings)
    first = req.first
    if result.status is SolveStatus.NO_PLAN:
        where = Location(file=first.name)
        problems.append(
            Problem("run.no_plan", Severity.ERROR, where, {"seconds": settings.time_limit_s})
        )
        return Outcome(EXIT_NO_PLAN, problems, prep.lang, result=result)
    if req.previous is not None:
        result = dataclasses.replace(
            result,
            moves=result.moves or 0,  # a previous plan none of whose pairs still fit: 0 moves
            changes=compute_changes(result, guidance.previous, prev.removed, prev.names),
        )
    violations = check(result)
    if violations:
        detail = "; ".join(f"{v.rule}: {v.detail}" for v in violations[:5])
        problems.append(
            Problem(
                "run.check_failed", Severity.ERROR, Location(file=first.name), {"detail": detail}
            )
        )
        return Outcome(EXIT_INTERNAL, problems, prep.lang, result=result)
    table: list[dict[str, Any]] = []
    if req.tradeoff and req.previous is not None:
        if progress:
            progress("tradeoff")
        table = tradeoff_table(instance, settings, guidance, result)
    out_path = req.default_output()
    # the previous plan is an input too: never overwritten, and its hash is recorded
    sources = prep.input_files + ([req.previous] if req.previous is not None else [])
    try:
        write_workbook(result, out_path, input_files=sources, lang=prep.lang, tradeoff=table)
    except OutputError as exc:
        return Outcome(
            EXIT_OUTPUT, problems, prep.lang, result=result, output_error=exc.line(prep.lang)
        )
    hashes = {p.name: sha256_file(p) for p in sources}
    facts = summarize(result, output=out_path, input_hashes=hashes)
    return Outcome(EXIT_OK, problems, prep.lang, result, out_path, facts, tradeoff=table)
