"""What to do about the shortage: exact advice on training, extra members and settings.

``advise`` answers three questions for one Polres, each exactly and each plan checked by the
independent checker (``rwassign.checker``):

1. **Training** (``training``): for k = 1 .. min(candidates, ``max_k``), the best set of k
   members (among those who fail only the training rule) to send to the Polmas course, and
   what the plan gains: "latih 5 personel berikut -> +5 RW (3 Tinggi)".
2. **Where more members are needed** (``kecamatan``): per kecamatan, the fewest extra eligible
   members living there that cover its Tinggi units, then all its units, with every unit
   covered elsewhere today staying covered.
3. **Settings** (``whatif``): coverage at 1, 2, 3 units per member, with and without a travel
   limit.

The workbook (``workbook.write_saran``, or ``workbook.saran_sheet`` to add a ``Saran`` sheet
to any xlsxwriter workbook) and ``--json`` show the same records (``records``).  Pins
(``Kunci``) are not applied here: the advice is about the Polres's capacity, not one plan.

>>> polres = rwassign.read("roster.xlsx")  # doctest: +SKIP
>>> advice = advise(polres.instance, polres.settings)  # doctest: +SKIP
>>> advice.training[4].added_by_priority  # (Tinggi, Sedang, Rendah)  # doctest: +SKIP
>>> write_saran(advice, "roster-saran.xlsx")  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Any

from rwassign import explain, rules
from rwassign.advice.kecamatan import kecamatan_table
from rwassign.advice.records import Advice, KecamatanRow, Member, SettingsRow, TrainingRow
from rwassign.advice.training import DEFAULT_MAX_K, ROW_TIME_LIMIT_S, training_table
from rwassign.advice.whatif import settings_table
from rwassign.model import Instance
from rwassign.settings import Settings

__all__ = [
    "DEFAULT_MAX_K",
    "Advice",
    "KecamatanRow",
    "Member",
    "SettingsRow",
    "TrainingRow",
    "advise",
    "as_dict",
]

Progress = Callable[[str], None]


def advise(
    instance: Instance,
    settings: Settings,
    *,
    max_k: int = DEFAULT_MAX_K,
    row_time_limit_s: float = ROW_TIME_LIMIT_S,
    check: bool = True,
    progress: Progress | None = None,
) -> Advice:
    """The three tables for one Polres (see the module docstring)."""
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    train = training_table(
        instance,
        settings,
        max_k=max_k,
        row_time_limit_s=row_time_limit_s,
        check=check,
        progress=progress,
    )
    seconds["latih"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    whatif, today, km = settings_table(instance, settings, progress=progress)
    seconds["pengaturan"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    kec = kecamatan_table(instance, settings, today, check=check)
    seconds["kecamatan"] = time.perf_counter() - t0
    pr = [u.priority for u in instance.units]
    return Advice(
        polres=instance.name,
        kinds=explain.kinds_word(instance),
        units=len(instance.units),
        units_by_priority=(pr.count(3), pr.count(2), pr.count(1)),
        eligible=sum(rules.evaluate(instance, settings).eligible),
        cap=settings.max_units_per_officer,
        max_travel_km=settings.max_travel_km,
        baseline_by_priority=train.baseline,
        candidates=train.candidates,
        max_k=max_k,
        training=train.rows,
        saturated_at=train.saturated_at,
        kecamatan=tuple(kec),
        settings=tuple(whatif),
        whatif_km=km,
        seconds=seconds,
    )


def rejected_rows(advice: Advice) -> list[str]:
    """The rows the independent checker rejected (``k=3``, a kecamatan, ``cap=2``): none may
    be written, as no plan the checker rejects is ever written."""
    rejected = [f"k={r.k}" for r in advice.training if not r.checked]
    rejected += [r.kecamatan for r in advice.kecamatan if not r.checked]
    rejected += [f"cap={r.cap}" for r in advice.settings if not r.checked and r.status != "NO_PLAN"]
    return rejected


def as_dict(advice: Advice) -> dict[str, Any]:
    """The advice as plain JSON-ready data (``rwassign saran --json``)."""
    return dataclasses.asdict(advice)
