"""The library's front door: read a Polres, solve or re-plan it, write, export and verify.

Every function here is a few lines over the layers below (``io`` reads and writes, ``solver``
plans, ``checker`` re-verifies, ``export`` prints and signs), and reports trouble by raising
one of the named exceptions of :mod:`rwassign.errors`, never by an exit code or a print: the
command line (``rwassign.cli``) and batch runs (``rwassign.batch``) decide how to show it.

Long because it is the whole public API in one file, each function with its docstring and
example, plus the one check every path a user names must pass before a reader opens it (a FIFO
or a device is an input error, never a hang); the work itself is in the layers below.

>>> import rwassign
>>> plan = rwassign.solve(rwassign.read("roster.xlsx"))  # doctest: +SKIP
>>> rwassign.write_plan(plan, "roster-penugasan.xlsx")  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import functools
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rwassign import checker, explain, rules, solver
from rwassign.changes import compute_changes
from rwassign.errors import CheckFailed, InputErrors, NoPlan
from rwassign.export.lampiran import Lampiran, Note
from rwassign.export.lampiran import export_lampiran as _export_lampiran
from rwassign.export.signing import PLAN_CONTEXT, load_private, load_public, sign, write_keypair
from rwassign.export.verify import Verdict, verify_file
from rwassign.io.embed import fingerprint
from rwassign.io.plan import read_plan as _read_plan
from rwassign.io.previous import PreviousPlan, read_previous, resolve_pin_text
from rwassign.io.read import read_input
from rwassign.io.read.common import MAX_UNITS
from rwassign.io.toml_config import load_toml
from rwassign.io.write import ExtraSheet, write_workbook
from rwassign.model import Instance, Location, Problem, Severity, SolveResult, SolveStatus
from rwassign.report import sha256_file, summarize
from rwassign.settings import Settings, coerce, from_mapping, reason
from rwassign.solver import Guidance

__all__ = [
    "TRADEOFF_ROWS",
    "KeyPair",
    "Lampiran",
    "Note",
    "Plan",
    "Polres",
    "export_lampiran",
    "keygen",
    "read",
    "read_plan",
    "replan",
    "solve",
    "verify",
    "write_plan",
]

#: Most rows of a ``--tradeoff`` table (K values are spread evenly, always with 0 and the
#: unconstrained number of moves).
TRADEOFF_ROWS = 12

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Polres:
    """One Polres read and ready to plan: its units and roster, the settings in force, the
    warnings found while reading (none of them blocks a plan) and the files it came from.

    ``source`` is the file that names the run in messages and outputs (the workbook, else the
    roster file).
    """

    instance: Instance
    settings: Settings
    warnings: tuple[Problem, ...]
    input_files: tuple[Path, ...]
    source: Path

    @property
    def lang(self) -> str:
        """The language the input asked for (``Pengaturan``, ``--config`` or ``lang=``)."""
        return self.settings.lang

    def eligible_count(self) -> int:
        """How many members pass every eligibility rule (``rwassign validate`` shows it)."""
        return sum(rules.evaluate(self.instance, self.settings).eligible)


@dataclass(frozen=True)
class Plan:
    """A plan the independent checker accepted, with what is needed to write it.

    ``result`` is the solver's result (status, assignments, reasons, objective and bound);
    ``previous`` is the previous plan of a re-plan (an input too: never overwritten, its hash
    recorded); ``tradeoff`` the move-budget table of ``replan(..., tradeoff=True)``.
    """

    result: SolveResult
    polres: Polres
    previous: Path | None = None
    tradeoff: tuple[dict[str, Any], ...] = ()

    @property
    def sources(self) -> list[Path]:
        """Every file the plan was made from, the previous plan included."""
        return list(self.polres.input_files) + ([self.previous] if self.previous else [])

    def summary(self, output: Path | None = None) -> dict[str, Any]:
        """The facts of ``--json`` and the ``Ringkasan`` sheet, with the inputs' SHA-256."""
        hashes = {p.name: sha256_file(p) for p in self.sources}
        return summarize(self.result, output=output, input_hashes=hashes)


def read(
    path: Path | str | None = None,
    *,
    units: Path | str | None = None,
    roster: Path | str | None = None,
    config: Path | str | None = None,
    columns: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    lang: str | None = None,
) -> Polres:
    """Read one Polres workbook (or ``units`` and ``roster`` files) and its settings.

    Settings stack as documented: defaults < ``Pengaturan`` sheet < ``config`` TOML <
    ``overrides`` (setting name -> value; ``None`` values are ignored) < ``lang``.
    ``columns`` names headers the reader does not recognise (field -> header text).
    Raises :class:`~rwassign.errors.InputErrors` with every problem found.

    >>> polres = read("roster.xlsx", overrides={"max_units_per_officer": 2})  # doctest: +SKIP
    >>> len(polres.instance.units), polres.warnings  # doctest: +SKIP
    """
    path, units, roster = _path(path), _path(units), _path(roster)
    config = _path(config)
    _check_files([path, units, roster, config], lang)
    cmap: dict[str, str] = {}
    toml_values: dict[str, Any] = {}
    problems: list[Problem] = []
    if config is not None:
        toml_values, toml_columns, toml_problems = load_toml(config)
        cmap.update(toml_columns)
        problems.extend(toml_problems)
    cmap.update(columns or {})
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    bound = _units_bound({**toml_values, **given})
    places = _place_settings({**toml_values, **given})
    rr = read_input(
        path,
        units=units,
        roster=roster,
        column_map=cmap or None,
        max_units=bound or MAX_UNITS,
        places=places,
    )
    if bound is None and any(p.code == "units.too_many" for p in rr.problems):
        # The bound may be raised in the workbook's own Pengaturan sheet, read in the same pass.
        sheet_bound = _units_bound(rr.settings_values)
        if sheet_bound is not None and sheet_bound > MAX_UNITS:
            rr = read_input(
                path,
                units=units,
                roster=roster,
                column_map=cmap or None,
                max_units=sheet_bound,
                places=places,
            )
    problems = rr.problems + problems
    source = path or roster or units
    settings = None
    if not any(p.is_error for p in problems):
        assert source is not None  # read_input reports a missing input as an error
        try:
            base = from_mapping(rr.settings_values)
            merged = {**toml_values, **given}
            if lang is not None:
                merged["lang"] = lang
            settings = base.replace(**merged) if merged else base
        except ValueError as exc:
            where = Location(file=config.name if config else source.name)
            problems.append(
                Problem("settings.invalid", Severity.ERROR, where, {"detail": reason(exc)})
            )
    if any(p.is_error for p in problems):
        raise InputErrors(problems, settings.lang if settings is not None else lang)
    assert rr.instance is not None and settings is not None and source is not None
    return Polres(rr.instance, settings, tuple(problems), tuple(rr.input_files), source)


def _place_settings(values: Mapping[str, Any]) -> dict[str, Any]:
    """The place settings (``wilayah``, ``desa_baru``) among ``values``: the reader needs them
    while it reads, before the settings are merged (a bad value is reported with the others)."""
    out: dict[str, Any] = {}
    for key in ("wilayah", "desa_baru"):
        if values.get(key) is not None:
            try:
                out[key] = coerce(key, values[key])
            except ValueError:
                continue
    return out


def _units_bound(values: Mapping[str, Any]) -> int | None:
    """The ``max_units_per_input`` setting among ``values``, when it is a usable whole number
    (a bad value is reported with the other settings, after reading)."""
    raw = values.get("max_units_per_input")
    try:
        bound = coerce("max_units_per_input", raw) if raw is not None else None
    except ValueError:
        return None
    return bound if isinstance(bound, int) and bound >= 1 else None


def solve(
    polres: Polres, settings: Settings | None = None, *, progress: Progress | None = None
) -> Plan:
    """Plan ``polres`` and have the independent checker verify it.

    ``settings`` replaces the ones read with the Polres (e.g. ``polres.settings.replace(
    max_units_per_officer=2)``); pins from the roster's ``Kunci`` column are kept.  Raises
    :class:`~rwassign.errors.InputErrors` (a pin that cannot hold), :class:`~rwassign.errors.
    NoPlan` (nothing within the time limit) or :class:`~rwassign.errors.CheckFailed` (a bug).

    >>> plan = solve(read("roster.xlsx"))  # doctest: +SKIP
    >>> plan.result.status, plan.result.objective.covered  # doctest: +SKIP
    """
    return _plan(polres, settings, None, None, False, progress)


def replan(
    polres: Polres,
    previous: Path | str,
    *,
    max_moves: int | None = None,
    tradeoff: bool = False,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Plan:
    """Re-plan after a *mutasi*, keeping as many pairs of the ``previous`` plan as the rules
    allow; ``max_moves`` caps how many previously assigned members may lose their unit, and
    ``tradeoff`` adds the table of what each cap K = 0, 1, ... buys.  The result lists every
    change.  Raises like :func:`solve`; an unreadable previous plan is an input error.

    >>> new = read("roster-baru.xlsx")  # doctest: +SKIP
    >>> plan = replan(new, "roster-penugasan.xlsx", max_moves=10)  # doctest: +SKIP
    >>> [c.kind for c in plan.result.changes][:3]  # doctest: +SKIP
    """
    _check_files([Path(previous)], polres.lang)
    return _plan(polres, settings, Path(previous), max_moves, tradeoff, progress)


def write_plan(
    plan: Plan,
    path: Path | str,
    *,
    sign_key: Path | str | None = None,
    extra_sheets: Sequence[ExtraSheet] = (),
) -> Path:
    """Write ``plan`` as the rwassign workbook (``Ringkasan``, ``Penugasan``, ...), atomically.

    ``sign_key`` (a private key of :func:`keygen`) signs the fingerprint of the roster facts
    and settings the plan carries, so ``export`` can tell a re-computed fingerprint of edited
    facts from the one the Polres made.  Raises :class:`~rwassign.errors.OutputError` when the
    file cannot be written or would replace one of the plan's inputs (the previous plan
    included), :class:`~rwassign.export.errors.ExportError` for an unreadable key.
    ``extra_sheets`` add sheets after the standard ones (the ``Peta`` maps, the ``Saran``
    advice), each a function of the open xlsxwriter workbook.

    >>> write_plan(solve(read("roster.xlsx")), "roster-penugasan.xlsx")  # doctest: +SKIP
    """
    path = Path(path)
    signature = None
    if sign_key is not None:
        key = load_private(Path(sign_key))
        facts = fingerprint(plan.result.instance, plan.result.settings)
        signature = sign(key, facts, PLAN_CONTEXT)
    write_workbook(
        plan.result,
        path,
        input_files=plan.sources,
        lang=plan.result.settings.lang,
        tradeoff=list(plan.tradeoff),
        signature=signature,
        extra_sheets=extra_sheets,
    )
    return path


def read_plan(path: Path | str) -> list[tuple[str, str]]:
    """The (unit id, NRP) pairs of a written plan's ``Penugasan`` sheet, sorted: the part two
    runs must agree on (``plan.result.assignment_rows()`` has the same shape).

    >>> read_plan("a.xlsx") == read_plan("b.xlsx")  # doctest: +SKIP
    """
    return _read_plan(Path(path))


def verify(path: Path | str, public_key: Path | str | None = None) -> Verdict:
    """Check a lampiran PDF or XLSX: the verdict's ``.status`` is ``utuh``, ``ditulis_ulang``
    (another program saved the same content again) or ``berubah`` (``.exit_code`` 0, 7, 6); it
    lists what differs (``.problems``), what a re-writer changed (``.rewrites``) and what is
    worth knowing (``.notes``: the signature, what could not be checked).  A damaged or
    foreign file is a verdict, not an exception; only an unreadable ``public_key`` raises
    :class:`~rwassign.export.errors.ExportError`.

    >>> verify("roster-penugasan-lampiran.pdf", "kapolres.pub.pem").status  # doctest: +SKIP
    """
    _check_files([Path(path), _path(public_key)], None)
    trusted = load_public(Path(public_key)) if public_key is not None else None
    return verify_file(Path(path), trusted)


@dataclass(frozen=True)
class KeyPair:
    """The files ``keygen`` wrote and the key id printed on signed documents."""

    private: Path
    public: Path
    key_id: str


def keygen(path: Path | str) -> KeyPair:
    """Make an Ed25519 key pair for signing lampiran: ``path`` (private, owner-only) and
    ``<stem>.pub.pem``.  Never overwrites a key (raises ``ExportError`` of kind output).

    >>> keygen("kapolres.pem").public  # doctest: +SKIP
    PosixPath('kapolres.pub.pem')
    """
    private, public, key_id = write_keypair(Path(path))
    return KeyPair(private, public, key_id)


@functools.wraps(_export_lampiran)
def export_lampiran(plan_path: Path | str, **options: Any) -> Lampiran:
    """:func:`rwassign.export.lampiran.export_lampiran`, after the files it reads are checked
    to be files (see :func:`_check_files`)."""
    _check_files([Path(plan_path)] + [_path(options.get(k)) for k in _EXPORT_READS], None)
    return _export_lampiran(plan_path, **options)


#: The options of ``export_lampiran`` that name files it reads.
_EXPORT_READS = ("dokumen", "roster", "sign_key")


def _check_files(paths: Iterable[Path | None], lang: str | None) -> None:
    """Raise ``InputErrors`` for a path that exists but is not a regular file.

    A FIFO, a device (``/dev/zero``) or a socket named as input would make the reader wait
    forever or read without end; no reader is ever handed one.  A missing file is left to the
    readers, which name it in their own words."""
    problems = []
    for p in paths:
        if p is None:
            continue
        try:
            mode = p.stat().st_mode
        except OSError:
            continue
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            problems.append(Problem("input.not_a_file", Severity.ERROR, Location(file=p.name)))
    if problems:
        raise InputErrors(problems, lang)


# --- the plan, step by step -----------------------------------------------------------------


def _path(p: Path | str | None) -> Path | None:
    return Path(p) if p is not None else None


def _plan(
    polres: Polres,
    settings: Settings | None,
    previous: Path | None,
    max_moves: int | None,
    tradeoff: bool,
    progress: Progress | None,
) -> Plan:
    """Pins and previous plan -> solve -> changes -> independent check -> trade-off table."""
    instance = polres.instance
    settings = settings or polres.settings
    lang = settings.lang
    guidance, prev, elig, g_problems = _guidance(instance, settings, previous, max_moves)
    problems = list(polres.warnings) + g_problems
    if previous is not None:
        problems.extend(
            Problem("previous.unit_removed", Severity.WARNING, where, {"unit": label, "nrp": nrp})
            for label, nrp, where in prev.removed
        )
    if any(p.is_error for p in problems):
        raise InputErrors(problems, lang)

    # looked up at call time: tests stand in a solver that finds no plan
    result = explain.solve(
        instance, settings, eligibility=elig, guidance=guidance, progress=progress
    )
    warnings = tuple(p for p in problems if not p.is_error)
    result = dataclasses.replace(result, warnings=warnings + result.warnings)
    where = Location(file=polres.source.name)
    if result.status is SolveStatus.NO_PLAN:
        params = {"seconds": settings.time_limit_s}
        raise NoPlan([Problem("run.no_plan", Severity.ERROR, where, params)], lang, result)
    if previous is not None:
        result = dataclasses.replace(
            result,
            moves=result.moves or 0,  # a previous plan none of whose pairs still fit: 0 moves
            changes=compute_changes(result, guidance.previous, prev.removed, prev.names),
        )
    violations = checker.check(result)  # looked up at call time: tests stand in a failing one
    if violations:
        # each finding in both languages, picked when the problem is shown (i18n.render)
        detail = {
            lang_: "; ".join(f"{v.rule}: {v.text(lang_)}" for v in violations[:5])
            for lang_ in ("id", "en")
        }
        failed = Problem("run.check_failed", Severity.ERROR, where, {"detail": detail})
        raise CheckFailed([failed], lang, violations, result)
    table: list[dict[str, Any]] = []
    if tradeoff and previous is not None:
        if progress:
            progress("tradeoff")
        table = tradeoff_table(instance, settings, guidance, result, elig)
    return Plan(result, polres, previous, tuple(table))


def _guidance(
    instance: Instance, settings: Settings, previous: Path | None, max_moves: int | None
) -> tuple[Guidance, PreviousPlan, rules.Eligibility, list[Problem]]:
    """Previous plan and pins (from the roster's Kunci column and the previous plan), and
    who is eligible: computed once here, for the pins and for every solve of the run."""
    problems: list[Problem] = []
    prev = PreviousPlan()
    if previous is not None:
        prev = read_previous(previous, instance)
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
    guidance = Guidance(previous=dict(prev.pairs), pins=tuple(valid), max_moves=max_moves)
    return guidance, prev, elig, problems


def tradeoff_table(
    instance: Instance,
    settings: Settings,
    guidance: Guidance,
    unconstrained: SolveResult,
    eligibility: rules.Eligibility | None = None,
) -> list[dict[str, Any]]:
    """Coverage, residence and travel that each move budget K buys, K = 0 .. free optimum."""
    top = unconstrained.moves or 0
    ks = sorted({round(i * top / (TRADEOFF_ROWS - 1)) for i in range(TRADEOFF_ROWS)} | {0, top})
    rows = []
    for k in ks:
        # a row needs the numbers only: the solver's Solution, without the reasons of a plan
        r: SolveResult | solver.Solution = (
            unconstrained
            if k == top
            else solver.solve(
                instance,
                settings,
                eligibility=eligibility,
                guidance=dataclasses.replace(guidance, max_moves=k),
            )
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
