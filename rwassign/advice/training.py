"""Table 1 of the advice: the exact best set of k members to send to the Polmas course.

Candidates are the members who fail *only* the training rule (``pelatihan``): trained, they
would be eligible.  The question is solved on one set of pairs in which every candidate counts
as eligible, with the candidates behind a gate (``rwassign.solver.training``); one flow (and,
at 2-3 units per member, CP-SAT where the flow's relaxation does not settle it) per row.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rwassign import rules
from rwassign.advice import plans
from rwassign.advice.records import Member, TrainingRow
from rwassign.distance import BoolArray, IntArray
from rwassign.model import Instance
from rwassign.settings import Settings
from rwassign.solver import Arcs
from rwassign.solver.candidates import build_arcs
from rwassign.solver.training import TrainingFlows
from rwassign.solver.weights import lexicographic_weights

Progress = Callable[[str], None]

#: Rows by default: k = 1 .. min(candidates, DEFAULT_MAX_K); ``--maks-latih`` asks for more.
DEFAULT_MAX_K = 50
#: CP-SAT time per row at 2-3 units per member, when the flows do not settle the row.
ROW_TIME_LIMIT_S = 2.0


def candidates(instance: Instance, settings: Settings) -> list[int]:
    """Officers (indices) who fail the training rule and no other."""
    elig = rules.evaluate(instance, settings)
    return [o.index for o in instance.officers if elig.failed[o.index] == ("pelatihan",)]


@dataclass(frozen=True)
class TrainingTable:
    """The rows, today's plan (k = 0) and where training more stops adding anything."""

    rows: tuple[TrainingRow, ...]
    baseline: tuple[int, int, int]
    baseline_value: int
    saturated_at: int | None
    candidates: int


def _by_priority(instance: Instance, arcs: Arcs, chosen: BoolArray) -> tuple[int, int, int]:
    pr = np.asarray([u.priority for u in instance.units], dtype=np.int64)[arcs.unit[chosen]]
    return (int((pr == 3).sum()), int((pr == 2).sum()), int((pr == 1).sum()))


def training_table(
    instance: Instance,
    settings: Settings,
    *,
    max_k: int = DEFAULT_MAX_K,
    row_time_limit_s: float = ROW_TIME_LIMIT_S,
    check: bool = True,
    progress: Progress | None = None,
) -> TrainingTable:
    """Rows k = 1 .. min(candidates, ``max_k``), stopping early once the gate no longer binds
    (training more members would add nothing: every later row equals the last).

    ``check`` runs every row's plan through the independent checker (``TrainingRow.checked``).
    """
    say = progress or (lambda _m: None)
    cands = candidates(instance, settings)
    everyone = plans.trained(instance, cands)
    elig = rules.evaluate(everyone, settings)
    arcs = build_arcs(everyone, settings, elig.eligible)
    weights = lexicographic_weights(arcs, len(instance.units))
    values: IntArray = weights.arc_values(arcs)
    is_cand = [False] * len(instance.officers)
    for o in cands:
        is_cand[o] = True
    flows = TrainingFlows(
        arcs, values, len(instance.units), settings.max_units_per_officer, is_cand
    )
    base = flows.base
    base_by = _by_priority(instance, arcs, base.chosen)
    base_value = flows.value(base.chosen)
    base_res = int(arcs.resident[base.chosen].sum())
    base_travel = int(arcs.travel_m[base.chosen].sum())
    rows: list[TrainingRow] = []
    previous: tuple[int, ...] = ()
    saturated: int | None = None
    checks = plans.RowChecks(instance, settings, min(len(cands), max_k)) if check else None
    try:
        for k in range(1, min(len(cands), max_k) + 1):
            say(f"latih {k}")
            t0 = time.perf_counter()
            row = flows.row(k, previous, row_time_limit_s)
            chosen = row.chosen
            if checks is not None:
                checks.submit(row.trained, plans.arc_pairs(arcs, chosen))
            by = _by_priority(instance, arcs, chosen)
            members = tuple(
                Member(o.nrp, o.nama, o.pangkat, o.kesatuan)
                for o in sorted((instance.officers[i] for i in row.trained), key=lambda o: o.nrp)
            )
            rows.append(
                TrainingRow(
                    k=k,
                    members=members,
                    added=sum(by) - sum(base_by),
                    added_by_priority=(by[0] - base_by[0], by[1] - base_by[1], by[2] - base_by[2]),
                    weighted_added=int(arcs.weight[chosen].sum())
                    - int(arcs.weight[base.chosen].sum()),
                    residence_added=int(arcs.resident[chosen].sum()) - base_res,
                    travel_km_change=(int(arcs.travel_m[chosen].sum()) - base_travel) / 1000.0,
                    nested=set(previous) <= set(row.trained),
                    proven=row.proven,
                    coverage_proven=row.coverage_proven,
                    gap=row.gap,
                    method=row.method,
                    checked=checks is None,  # set below, once the checker has answered
                    seconds=time.perf_counter() - t0,
                )
            )
            previous = row.trained
            if row.saturated:
                saturated = k
                break
        if checks is not None:
            verdicts = checks.results()
            rows = [
                dataclasses.replace(r, checked=ok) for r, ok in zip(rows, verdicts, strict=True)
            ]
    finally:
        if checks is not None:
            checks.close()
    return TrainingTable(tuple(rows), base_by, base_value, saturated, len(cands))
