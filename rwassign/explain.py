"""Reasons for every decision of a plan, in the words of the rules.

Kept apart from the solver so that explanations depend only on the plan and the instance, not
on how the plan was found: a plan from the flow, from CP-SAT or typed back in by hand is
explained the same way.  The solver returns a plain ``rwassign.solver.Solution`` and never
imports this module; ``explain`` turns a solution into the ``SolveResult`` users see, and
``solve`` does both for callers that want a finished result.

Long because the reasons for assignments, roster outcomes and uncovered units are one account
of the same plan and share its bookkeeping (who holds what, at what distance); apart, each
would rebuild it.
"""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from rwassign import collector, distance, i18n, rules
from rwassign.model import (
    PRIORITY_LABELS,
    Assignment,
    Instance,
    Officer,
    OfficerOutcome,
    Reason,
    SolveResult,
    UncoveredUnit,
    Unit,
)
from rwassign.places import distance_basis
from rwassign.rules import RULES, Eligibility
from rwassign.settings import Settings

if TYPE_CHECKING:
    from rwassign.distance import BoolArray, IntArray
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


def assignments(
    instance: Instance, arcs: Arcs, chosen: BoolArray, reach: Reach
) -> tuple[Assignment, ...]:
    """One ``Assignment`` per chosen arc, each with the reason it was made."""
    units = instance.units
    uid_pos = {u.uid: i for i, u in enumerate(units)}
    idx = np.nonzero(chosen)[0].tolist()
    holder: dict[int, int] = {int(arcs.unit[i]): int(arcs.officer[i]) for i in idx}
    # Each member's shortest allowed trip to a unit nobody holds: when it is shorter than the
    # trip they make, the closer open units must have lower priority (else the plan would not be
    # optimal), and the reason says so instead of claiming "nearest".
    nearest_open = reach.nearest_open_m
    kinds = kinds_word(instance)
    first_of_desa: dict[str, Unit] = {}
    for x in units:
        first_of_desa.setdefault(x.desa_key, x)
    closer_lower = i18n.both("reason.why_closer_lower", {"kinds": kinds})
    none_closer = i18n.both("reason.why_none_closer", {"kinds": kinds})
    out = []
    for i in idx:
        o = instance.officers[int(arcs.officer[i])]
        u = units[int(arcs.unit[i])]
        kind = u.kind
        km = _km(int(arcs.travel_m[i]))
        closer_open = int(nearest_open[o.index]) < int(arcs.travel_m[i])
        why = closer_lower if closer_open else none_closer
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
            first = first_of_desa.get(o.home_desa)
            desa = first.desa if first is not None else o.home_desa
            home_kind = first.kind if first is not None else kinds
            params = {"desa": desa, "home_kind": home_kind, "unit": kind, "km": km, "why": why}
            reason = Reason("reason.home_desa", params)
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
                distance_basis=distance_basis(u, o, bool(arcs.coords[i])),
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
    reach: Reach,
    *,
    planned: bool = True,
) -> tuple[tuple[OfficerOutcome, ...], tuple[UncoveredUnit, ...]]:
    """The outcome of every roster row (in roster order) and every uncovered unit's reason.

    ``planned`` is false when the solver found no plan at all (``plan`` is then empty).
    """
    by_uid = instance.unit_by_uid()
    held: dict[int, list[str]] = {}
    for a in plan:
        held.setdefault(a.officer_index, []).append(a.unit_uid)

    # reserves who may travel to an open unit, by the same pairs the solver allows
    reaches_open = reach.reaches_open
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
            if not reach.open_units:
                code = "outcome.reserve_full"
            elif not planned or reaches_open[o.index]:
                # a reserve who may take an open unit: the search stopped before the optimum
                # (an optimal plan would give them the unit)
                code = "outcome.reserve_unplanned"
            else:
                code = "outcome.reserve_reach"
            result.append(OfficerOutcome(o.index, True, (), (), Reason(code, {})))

    uncovered = uncovered_reasons(instance, settings, elig, arcs, plan, reach, planned=planned)
    return tuple(result), uncovered


def kinds_word(instance: Instance) -> str:
    """The Polres's own words for its units, e.g. ``RW/dusun`` (``dusun`` where all are dusun):
    for texts about no unit in particular."""
    kinds = {u.kind for u in instance.units} or {"RW"}
    words = sorted(
        ({k if k.upper() == "RW" else k.lower() for k in kinds}), key=lambda k: (k != "RW", k)
    )
    return "/".join(words)


def _member(o: Officer) -> str:
    return f"{o.pangkat} {o.nama}".strip()


def uncovered_reasons(
    instance: Instance,
    settings: Settings,
    elig: Eligibility,
    arcs: Arcs,
    plan: tuple[Assignment, ...],
    reach: Reach,
    *,
    planned: bool = True,
) -> tuple[UncoveredUnit, ...]:
    """The specific cause of each unit the plan leaves open, each one a fact of this plan.

    In order: nobody is eligible; no plan was found; no eligible member may travel this far
    (``max_travel_km``), naming the nearest; a member in reach still has room (only when the
    search stopped before the optimum); else every member in reach holds the cap, and the
    reason says who is left (nobody, or the nearest free member beyond the travel limit) and
    why the nearest member in reach holds another unit instead: that unit has a higher
    priority, or an equal one and the member keeps it from the previous plan, lives in it or
    has it no farther away; or the member is pinned to it.  Each of these is checked on the
    plan, not assumed: an optimal plan cannot gain by moving that member from that unit to
    this one, and the first level of the objective that stops it is the one named.  Where
    none applies (a plan cut short by the time limit, or a re-plan held by ``max_moves``) the
    reason only states where the member went.
    """
    units = instance.units
    open_pos = reach.open_units  # the nearest members below are per one of these, in order
    if not open_pos:
        return ()
    if not any(elig.eligible) or not planned:
        code = "uncovered.no_plan" if any(elig.eligible) else "uncovered.no_eligible"
        return tuple(UncoveredUnit(units[i].uid, Reason(code, {})) for i in open_pos)
    pos = {u.uid: i for i, u in enumerate(units)}
    limit = settings.max_travel_km
    held: dict[int, list[int]] = {}
    for a in plan:
        held.setdefault(a.officer_index, []).append(pos[a.unit_uid])
    nearest = reach.nearest
    # the plan's pairs and the candidate pairs into open units, found with arrays
    key = arcs.officer * len(units) + arcs.unit
    plan_keys = np.asarray([o * len(units) + w for o, ws in held.items() for w in ws])
    in_plan = np.nonzero(np.isin(key, plan_keys))[0].tolist()
    pair = {(int(arcs.officer[k]), int(arcs.unit[k])): k for k in in_plan}
    # per open unit, the candidate pair of its nearest member in reach, if there is one (-1)
    open_arc = [-1] * len(open_pos)
    if len(key):
        want = nearest[1, :, 0] * len(units) + np.asarray(open_pos, dtype=np.int64)
        by_key = np.argsort(key, kind="stable")
        at = np.minimum(np.searchsorted(key[by_key], want), len(key) - 1)
        found = (nearest[1, :, 0] >= 0) & (key[by_key][at] == want)
        open_arc = np.where(found, by_key[at], -1).tolist()

    left_none = i18n.both("uncovered.left_none")
    out = []
    for col, u in enumerate(open_pos):
        unit = units[u]
        kind = unit.kind
        near = nearest[:, col]
        if near[1, 0] < 0:
            o, m = int(near[0, 0]), int(near[0, 1])
            reason = Reason(
                "uncovered.out_of_reach",
                {
                    "unit": kind,
                    "limit": _limit(limit),
                    "member": _member(instance.officers[o]),
                    "km": _km(m),
                },
            )
            out.append(UncoveredUnit(unit.uid, reason))
            continue
        if near[2, 0] >= 0:
            o, m = int(near[2, 0]), int(near[2, 1])
            room_params = {"unit": kind, "member": _member(instance.officers[o]), "km": _km(m)}
            out.append(UncoveredUnit(unit.uid, Reason("uncovered.not_proven", room_params)))
            continue
        if near[3, 0] >= 0:
            o, m = int(near[3, 0]), int(near[3, 1])
            left = i18n.both(
                "uncovered.left_beyond",
                {"member": _member(instance.officers[o]), "km": _km(m), "limit": _limit(limit)},
            )
        else:
            left = left_none
        o, km_u = int(near[1, 0]), int(near[1, 1])
        k_open = open_arc[col]
        if k_open >= 0:
            facts_u = _facts(arcs, k_open)
        else:
            # not a candidate pair: not kept (kept pairs always are) and not pinned (u is open)
            facts_u = _Facts(
                False,
                settings.priority_weight(unit.priority),
                False,
                instance.officers[o].home_unit == unit.uid,
                km_u,
            )
        mine = [pair[(o, w)] for w in held[o]]
        # the unit this member would give up first for this one: the weakest by the objective
        k_w = min(
            mine,
            key=lambda k: (
                bool(arcs.pinned[k]), int(arcs.weight[k]), bool(arcs.kept[k]),
                bool(arcs.resident[k]), -int(arcs.travel_m[k]), units[int(arcs.unit[k])].uid,
            ),
        )  # fmt: skip
        w = units[int(arcs.unit[k_w])]
        code = _competition(_facts(arcs, k_w), facts_u, w, unit)
        params: dict[str, object] = {
            "left": left,
            "unit": kind,
            "member": _member(instance.officers[o]),
            "km": _km(facts_u.travel_m),
            "held": unit_name(w),
            "held_km": _km(int(arcs.travel_m[k_w])),
            "priority": PRIORITY_LABELS[w.priority],
            "own": PRIORITY_LABELS[unit.priority],
        }
        out.append(UncoveredUnit(unit.uid, Reason(code, params)))
    return tuple(out)


class _Facts(NamedTuple):
    """What the objective sees of one pair."""

    pinned: bool
    weight: int
    kept: bool
    resident: bool
    travel_m: int


def _facts(arcs: Arcs, k: int) -> _Facts:
    return _Facts(
        bool(arcs.pinned[k]),
        int(arcs.weight[k]),
        bool(arcs.kept[k]),
        bool(arcs.resident[k]),
        int(arcs.travel_m[k]),
    )


@dataclasses.dataclass(frozen=True)
class Reach:
    """What the reasons ask of the pairs between eligible members and the units the plan
    leaves open, found in one blocked pass (``reach``)."""

    #: per open unit, the nearest eligible member (officer index, metres; -1 when none) of four
    #: groups: anyone (travel limit ignored), anyone in reach, in reach with room under the
    #: cap, anyone with room (limit ignored); shape (4, open units, 2)
    nearest: IntArray
    #: per officer index, their shortest allowed trip to an open unit (int64 max when none)
    nearest_open_m: IntArray
    #: per officer index, whether they may travel to some open unit
    reaches_open: BoolArray
    #: the open units (positions, ascending): ``nearest`` has one column per unit, in this order
    open_units: list[int]


def reach(
    instance: Instance,
    settings: Settings,
    elig: Eligibility,
    held: dict[int, int],
    open_pos: list[int],
    *,
    planned: bool = True,
) -> Reach:
    """``Reach`` of a plan: ``held`` counts the units each member holds, ``open_pos`` lists
    the open units (positions); without a plan (``planned`` false) no reason asks, and nothing
    is computed.  Computed in blocks of members in the solver's canonical order
    (by NRP; ties go to the earlier member), with the solver's own pairs and metres
    (``distance.pair_blocks``): never every pair at once, and only once per plan.
    """
    cap = settings.max_units_per_officer
    # eligible members in the solver's canonical order (by NRP), so ties go the same way
    offs = sorted(
        (o.index for o in instance.officers if elig.eligible[o.index]),
        key=lambda i: (instance.officers[i].nrp, i),
    )
    off_arr = np.asarray(offs, dtype=np.int64)
    cols = np.asarray(open_pos, dtype=np.int64)
    room = np.asarray([held.get(o, 0) < cap for o in offs], dtype=np.bool_)
    never = np.iinfo(np.int64).max
    best = np.full((4, len(cols)), never, dtype=np.int64)
    who = np.full((4, len(cols)), -1, dtype=np.int64)
    nearest_open = np.full(len(instance.officers), never, dtype=np.int64)
    reaches = np.zeros(len(instance.officers), dtype=np.bool_)
    if len(off_arr) and len(cols) and planned:
        geo = distance.geometry(instance)
        for b in distance.pair_blocks(geo, off_arr, cols, settings):
            unlimited = not b.limited  # every pair allowed: groups 1 = 0, 2 = 3
            n = len(b.travel)
            rows = off_arr[b.start : b.start + n]
            in_reach = b.travel if unlimited else np.where(b.allowed, b.travel, never)
            nearest_open[rows] = in_reach.min(axis=1)
            reaches[rows] = True if unlimited else b.allowed.any(axis=1)
            room_b = room[b.start : b.start + n, None]
            with_room = np.where(room_b, b.travel, never)
            if unlimited:
                mats, group_of = [b.travel, with_room], (0, 0, 1, 1)
            else:
                in_room = np.where(b.allowed & room_b, b.travel, never)
                mats, group_of = [b.travel, in_reach, in_room, with_room], (0, 1, 2, 3)
            nearest_of = []
            for m in mats:
                r = m.argmin(axis=0)
                nearest_of.append((r, m[r, np.arange(len(cols))]))
            for g, k in enumerate(group_of):
                r, d = nearest_of[k]
                better = d < best[g]
                best[g, better] = d[better]
                who[g, better] = off_arr[b.start + r[better]]
    nearest = np.stack([who, np.where(who >= 0, best, -1)], axis=-1)
    return Reach(nearest, nearest_open, reaches, list(open_pos))


def _competition(k_w: _Facts, k_u: _Facts, w: Unit, u: Unit) -> str:
    """Why the member of pair ``k_u`` (to open unit ``u``) holds ``w`` (pair ``k_w``) instead:
    the first objective level at which moving them from ``w`` to ``u`` would not gain, or
    ``uncovered.nearest_busy`` when none says so (a plan not proven optimal, ``max_moves``)."""
    if k_w.pinned:
        return "uncovered.nearest_pinned"
    if k_w.weight != k_u.weight or w.priority != u.priority:
        higher = k_w.weight > k_u.weight and w.priority > u.priority
        return "uncovered.higher_priority" if higher else "uncovered.nearest_busy"
    if k_w.kept != k_u.kept:
        return "uncovered.tie_kept" if k_w.kept else "uncovered.nearest_busy"
    if k_u.resident:
        return "uncovered.nearest_busy"
    if k_w.resident:
        return "uncovered.tie_residence"
    travel_w, travel_u = k_w.travel_m, k_u.travel_m
    if travel_w < travel_u:
        return "uncovered.tie_travel"
    return "uncovered.tie_even" if travel_w == travel_u else "uncovered.nearest_busy"


def _limit(km: float | None) -> str:
    return "-" if km is None else f"{km:g}"


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
    chosen = solution.chosen
    held: dict[int, int] = {}
    taken: set[int] = set()
    if chosen is not None:
        for k in np.nonzero(chosen)[0].tolist():
            held[int(arcs.officer[k])] = held.get(int(arcs.officer[k]), 0) + 1
            taken.add(int(arcs.unit[k]))
    open_pos = [i for i in range(len(instance.units)) if i not in taken]
    seen = reach(instance, settings, elig, held, open_pos, planned=chosen is not None)
    plan = () if chosen is None else assignments(instance, arcs, chosen, seen)
    officer_outcomes, uncovered = outcomes(
        instance, settings, elig, arcs, plan, seen, planned=chosen is not None
    )
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
        certificate=solution.certificate,
    )


@collector.while_paused
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
