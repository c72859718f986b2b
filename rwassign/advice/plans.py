"""Every advice row that is a plan goes through the independent checker, as a plan would.

A row's plan is a list of pairs over an instance changed the way the row proposes (members
trained, or extra members added); it becomes a ``SolveResult`` (plain reasons: the advice
explains rows as a whole, not pair by pair) that ``rwassign.checker.check`` re-verifies from
the raw records with its own distances, eligibility and totals.
"""

from __future__ import annotations

import dataclasses
import os
import signal
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import numpy as np

from rwassign import checker, rules
from rwassign.distance import BoolArray
from rwassign.model import (
    Assignment,
    Instance,
    Objective,
    Officer,
    OfficerOutcome,
    Reason,
    SolveResult,
    SolveStatus,
    UncoveredUnit,
)
from rwassign.settings import Settings
from rwassign.solver import Arcs

#: (officer index, unit position, travel m, lives there, great-circle distance)
Pair = tuple[int, int, int, bool, bool]

ROW_REASON = Reason("advice.row_plan")


def arc_pairs(arcs: Arcs, chosen: BoolArray) -> list[Pair]:
    """The pairs of ``chosen`` (per arc of ``arcs``)."""
    return [
        (
            int(arcs.officer[i]),
            int(arcs.unit[i]),
            int(arcs.travel_m[i]),
            bool(arcs.resident[i]),
            bool(arcs.coords[i]),
        )
        for i in np.nonzero(chosen)[0].tolist()
    ]


def trained(instance: Instance, members: Iterable[int]) -> Instance:
    """``instance`` with ``members`` (officer indices) recorded as trained."""
    chosen = set(members)
    officers = tuple(
        dataclasses.replace(o, trained=True) if o.index in chosen else o for o in instance.officers
    )
    return dataclasses.replace(instance, officers=officers)


def with_officers(instance: Instance, extra: Sequence[Officer]) -> Instance:
    """``instance`` with ``extra`` officers appended to the roster."""
    return dataclasses.replace(instance, officers=instance.officers + tuple(extra))


def as_result(instance: Instance, settings: Settings, pairs: Sequence[Pair]) -> SolveResult:
    """The ``SolveResult`` of ``pairs`` on ``instance``, for the checker."""
    units = instance.units
    assignments = tuple(
        sorted(
            (
                Assignment(
                    unit_uid=units[u].uid,
                    officer_index=o,
                    travel_km=m / 1000.0,
                    resident=res,
                    distance_basis="koordinat" if gc else "administratif",
                    reason=ROW_REASON,
                )
                for o, u, m, res, gc in pairs
            ),
            key=lambda a: a.unit_uid,
        )
    )
    elig = rules.evaluate(instance, settings)
    held: dict[int, list[str]] = {}
    for a in assignments:
        held.setdefault(a.officer_index, []).append(a.unit_uid)
    outcomes = tuple(
        OfficerOutcome(
            o.index,
            elig.eligible[o.index],
            elig.failed[o.index],
            tuple(sorted(held.get(o.index, []))),
            ROW_REASON,
        )
        for o in instance.officers
    )
    covered = {a.unit_uid for a in assignments}
    uncovered = tuple(UncoveredUnit(u.uid, ROW_REASON) for u in units if u.uid not in covered)
    objective = Objective(
        weighted_coverage=sum(settings.priority_weight(units[u].priority) for _, u, *_ in pairs),
        covered=len(pairs),
        residence=sum(1 for p in pairs if p[3]),
        travel_m=sum(p[2] for p in pairs),
    )
    return SolveResult(
        status=SolveStatus.OPTIMAL,
        instance=instance,
        settings=settings,
        assignments=assignments,
        outcomes=outcomes,
        uncovered=uncovered,
        objective=objective,
        bound=objective,
        gap=0.0,
        seconds={},
    )


def passes(instance: Instance, settings: Settings, pairs: Sequence[Pair]) -> bool:
    """True when the independent checker finds nothing wrong with the plan ``pairs``."""
    return not checker.check(as_result(instance, settings, pairs))


# --- checking rows beside the solving ---------------------------------------------------------

#: Below this many rows the checks run in this process (a worker costs about a second to start).
PARALLEL_ROWS = 8

_worker_state: dict[str, Any] = {}


def _worker_init(instance: Instance, settings: Settings) -> None:
    """A check worker keeps the Polres once; each job sends only the row's trained members and
    pairs.  Ctrl-C reaches the whole process group; only the parent acts on it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_state["instance"], _worker_state["settings"] = instance, settings


def _worker_check(members: tuple[int, ...], pairs: list[Pair]) -> bool:
    inst = trained(_worker_state["instance"], members)
    return passes(inst, _worker_state["settings"], pairs)


class RowChecks:
    """The independent check of each training row, run beside the solving when it pays.

    The checker re-derives every distance from the raw records (its own code, on purpose), so
    a 2,000-unit row costs about as much to check as to solve; one worker process checks rows
    while the parent solves the next ones.  ``results`` waits for every verdict, in row order.
    Without a worker (few rows, one core, or none could be started) the checks run here, after
    the rows are solved.
    """

    def __init__(self, instance: Instance, settings: Settings, rows: int):
        self.instance, self.settings = instance, settings
        self.pool: ProcessPoolExecutor | None = None
        self.pending: list[tuple[tuple[int, ...], list[Pair], Future[bool] | None]] = []
        if rows >= PARALLEL_ROWS and (os.cpu_count() or 1) > 1:
            try:
                # the platform's default start method, as the batch runner: a forked worker
                # inherits the Polres, and a script without a __main__ guard still works
                self.pool = ProcessPoolExecutor(
                    max_workers=1, initializer=_worker_init, initargs=(instance, settings)
                )
            except OSError:
                self.pool = None

    def _here(self, members: tuple[int, ...], pairs: list[Pair]) -> bool:
        return passes(trained(self.instance, members), self.settings, pairs)

    def submit(self, members: tuple[int, ...], pairs: list[Pair]) -> None:
        future = None if self.pool is None else self.pool.submit(_worker_check, members, pairs)
        self.pending.append((members, pairs, future))

    def results(self) -> list[bool]:
        """Every verdict in row order; a row the worker could not answer is checked here."""
        out = []
        try:
            for members, pairs, future in self.pending:
                try:
                    ok = self._here(members, pairs) if future is None else future.result()
                except BrokenProcessPool:
                    ok = self._here(members, pairs)
                out.append(ok)
            return out
        finally:
            self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
