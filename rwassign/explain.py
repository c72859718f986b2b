"""Reasons for every decision of a plan, in the words of the rules.

Kept apart from the solver so that explanations depend only on the plan and the instance, not
on how the plan was found: a plan from the flow, from CP-SAT or typed back in by hand is
explained the same way.  The solver returns a plain ``rwassign.solver.Solution`` and never
imports this module; ``explain`` turns a solution into the ``SolveResult`` users see, and
``solve`` does both for callers that want a finished result.
"""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING

import numpy as np

from rwassign import rules
from rwassign.model import (
    PRIORITY_LABELS,
    Assignment,
    Instance,
    OfficerOutcome,
    Reason,
    SolveResult,
    UncoveredUnit,
    Unit,
)
from rwassign.rules import RULES, Eligibility
from rwassign.settings import Settings

if TYPE_CHECKING:
    from rwassign.distance import BoolArray
    from rwassign.solver import Progress, Solution
    from rwassign.solver.candidates import Arcs, Guidance


def unit_name(u: Unit) -> str:
    """``RW 03 Kampung Jawa``: how staff name a unit."""
    return f"{u.label} {u.desa}"


def _km(metres: int) -> str:
    return f"{metres / 1000:.1f}"


def localised(id_text: str, en_text: str) -> dict[str, str]:
    """A parameter value that renders in the reader's language (see ``rwassign.i18n.text``)."""
    return {"id": id_text, "en": en_text}


def assignments(instance: Instance, arcs: Arcs, chosen: BoolArray) -> tuple[Assignment, ...]:
    """One ``Assignment`` per chosen arc, each with the reason it was made."""
    units = instance.units
    uid_pos = {u.uid: i for i, u in enumerate(units)}
    idx = np.nonzero(chosen)[0].tolist()
    holder: dict[int, int] = {int(arcs.unit[i]): int(arcs.officer[i]) for i in idx}
    # Each member's shortest allowed trip to a unit nobody holds: when it is shorter than the
    # trip they make, the closer open units must have lower priority (else the plan would not be
    # optimal), and the reason says so instead of claiming "nearest".
    open_arc = ~np.isin(arcs.unit, np.asarray(list(holder), dtype=np.int64))
    nearest_open = np.full(len(instance.officers), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(nearest_open, arcs.officer[open_arc], arcs.travel_m[open_arc])
    out = []
    for i in idx:
        o = instance.officers[int(arcs.officer[i])]
        u = units[int(arcs.unit[i])]
        kind = u.kind
        km = _km(int(arcs.travel_m[i]))
        if int(nearest_open[o.index]) < int(arcs.travel_m[i]):
            why = localised(
                "RW/dusun kosong yang lebih dekat berprioritas lebih rendah",
                "closer open units have lower priority",
            )
        else:
            why = localised("tidak ada RW/dusun kosong yang lebih dekat", "no open unit is closer")
        home = uid_pos.get(o.home_unit) if o.home_unit else None
        if bool(arcs.pinned[i]):
            reason = Reason("reason.pinned", {"unit": kind})
        elif bool(arcs.resident[i]):
            reason = Reason("reason.resident", {"unit": kind})
        elif bool(arcs.kept[i]):
            reason = Reason("reason.kept", {"unit": kind, "km": km})
        elif home is not None:
            h = units[home]
            params = {"home": unit_name(h), "unit": kind, "km": km, "why": why}
            other = holder.get(home)
            if other == o.index:
                reason = Reason("reason.home_extra", params)
            elif other is not None:
                ho = instance.officers[other]
                reason = Reason(
                    "reason.home_taken", {**params, "holder": f"{ho.pangkat} {ho.nama}"}
                )
            else:
                reason = Reason(
                    "reason.home_lower_priority",
                    {**params, "priority": PRIORITY_LABELS[u.priority]},
                )
        elif o.home_desa is not None:
            desa = next((x.desa for x in units if x.desa_key == o.home_desa), o.home_desa)
            reason = Reason("reason.home_desa", {"desa": desa, "unit": kind, "km": km, "why": why})
        elif o.home_point is not None:
            reason = Reason("reason.nearest", {"unit": kind, "km": km, "why": why})
        else:
            reason = Reason("reason.home_unknown", {"unit": kind, "km": km, "why": why})
        out.append(
            Assignment(
                unit_uid=u.uid,
                officer_index=o.index,
                travel_km=int(arcs.travel_m[i]) / 1000.0,
                resident=bool(arcs.resident[i]),
                distance_basis="koordinat" if bool(arcs.coords[i]) else "administratif",
                reason=reason,
            )
        )
    return tuple(sorted(out, key=lambda a: a.unit_uid))


def outcomes(
    instance: Instance,
    settings: Settings,
    elig: Eligibility,
    arcs: Arcs,
    plan: tuple[Assignment, ...],
) -> tuple[tuple[OfficerOutcome, ...], tuple[UncoveredUnit, ...]]:
    """The outcome of every roster row (in roster order) and every uncovered unit's reason."""
    by_uid = instance.unit_by_uid()
    held: dict[int, list[str]] = {}
    for a in plan:
        held.setdefault(a.officer_index, []).append(a.unit_uid)
    covered = {a.unit_uid for a in plan}
    uncovered_units = [u for u in instance.units if u.uid not in covered]

    result: list[OfficerOutcome] = []
    for o in instance.officers:
        failed = elig.failed[o.index]
        if failed:
            why = localised(
                "; ".join(RULES[r].label_id for r in failed),
                "; ".join(RULES[r].label_en for r in failed),
            )
            reason = Reason("outcome.ineligible", {"why": why})
            result.append(OfficerOutcome(o.index, False, failed, (), reason))
        elif o.index in held:
            uids = tuple(sorted(held[o.index]))
            names = "; ".join(unit_name(by_uid[x]) for x in uids)
            result.append(
                OfficerOutcome(
                    o.index, True, (), uids, Reason("outcome.assigned", {"units": names})
                )
            )
        else:
            code = "outcome.reserve_reach" if uncovered_units else "outcome.reserve_full"
            result.append(OfficerOutcome(o.index, True, (), (), Reason(code, {})))

    reachable = set(np.unique(arcs.unit).tolist())
    any_eligible = any(elig.eligible)
    pos = {u.uid: i for i, u in enumerate(instance.units)}
    uncovered = []
    for u in uncovered_units:
        if not any_eligible:
            reason = Reason("uncovered.no_eligible", {})
        elif pos[u.uid] not in reachable:
            reason = Reason("uncovered.beyond_limit", {"km": settings.max_travel_km})
        else:
            reason = Reason("uncovered.capacity", {"cap": settings.max_units_per_officer})
        uncovered.append(UncoveredUnit(u.uid, reason))
    return tuple(result), tuple(uncovered)


def explain(
    instance: Instance,
    settings: Settings,
    solution: Solution,
    eligibility: Eligibility | None = None,
) -> SolveResult:
    """The ``SolveResult`` of ``solution``: its plan as assignments with reasons, every roster
    row's outcome, every uncovered unit's reason and the run's warnings about the rules.

    ``eligibility`` is the run's ``rules.evaluate`` (the one the solution was found with); it is
    evaluated here only when not given.  ``seconds`` holds the solver's stages only; ``solve``
    adds eligibility and the total.
    """
    elig = eligibility if eligibility is not None else rules.evaluate(instance, settings)
    arcs = solution.arcs
    plan = () if solution.chosen is None else assignments(instance, arcs, solution.chosen)
    officer_outcomes, uncovered = outcomes(instance, settings, elig, arcs, plan)
    return SolveResult(
        status=solution.status,
        instance=instance,
        settings=settings,
        assignments=plan,
        outcomes=officer_outcomes,
        uncovered=uncovered,
        objective=solution.objective,
        bound=solution.bound,
        gap=solution.gap,
        seconds=dict(solution.seconds),
        warnings=tuple(rules.run_warnings(instance, settings, elig)),
        unchecked_rules=elig.unchecked,
        moves=solution.moves,
        travel_unit_m=solution.travel_unit_m,
    )


def solve(
    instance: Instance,
    settings: Settings,
    *,
    eligibility: Eligibility | None = None,
    guidance: Guidance | None = None,
    progress: Progress | None = None,
) -> SolveResult:
    """Solve one Polres and explain the plan: eligibility (unless given), the solver's stages,
    then the reasons.  Never raises for an infeasible or empty instance: those are statuses.

    Stage times: ``eligibility`` (0 when the caller gave it), ``build``, ``flow``, ``cpsat`` and
    the measured ``total``, explanation included.
    """
    # Imported here, not at the top: the readers and exports import this module for
    # ``unit_name`` and ``localised`` and should not load OR-Tools for it.
    from rwassign import solver

    say = progress or (lambda _msg: None)
    t_start = time.perf_counter()
    say("eligibility")
    elig = eligibility if eligibility is not None else rules.evaluate(instance, settings)
    elig_seconds = time.perf_counter() - t_start
    solution = solver.solve(
        instance, settings, eligibility=elig, guidance=guidance, progress=progress
    )
    say("explain")
    result = explain(instance, settings, solution, elig)
    seconds = {"eligibility": elig_seconds, **solution.seconds}
    seconds["total"] = time.perf_counter() - t_start
    return dataclasses.replace(result, seconds=seconds)
