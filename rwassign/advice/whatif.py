"""Table 3 of the advice: what the settings buy, each row an exact solve checked by the checker.

Rows: 1, 2 and 3 units per member (and today's cap, if another), each without a travel limit
and with one (today's limit, else ``WHATIF_KM``), so the Kasat Binmas sees in one table what
allowing a third RW or dropping the limit would cover.
"""

from __future__ import annotations

from collections.abc import Callable

from rwassign import checker, explain, rules
from rwassign.advice.records import SettingsRow
from rwassign.model import Instance, SolveResult
from rwassign.settings import Settings

#: The travel limit the table tries when the Polres has none set (km).
WHATIF_KM = 10.0
CAPS = (1, 2, 3)

Progress = Callable[[str], None]


def _row(result: SolveResult, current: bool) -> SettingsRow:
    s = result.settings
    units = {u.uid: u.priority for u in result.instance.units}
    pr = [units[a.unit_uid] for a in result.assignments]
    obj = result.objective
    return SettingsRow(
        cap=s.max_units_per_officer,
        max_travel_km=s.max_travel_km,
        status=result.status.value,
        covered=len(result.assignments),
        covered_by_priority=(pr.count(3), pr.count(2), pr.count(1)),
        open=len(result.instance.units) - len(result.assignments),
        residence=obj.residence if obj else 0,
        travel_km=round(obj.travel_km, 1) if obj else 0.0,
        gap=result.gap,
        checked=result.status.value != "NO_PLAN" and not checker.check(result),
        current=current,
    )


def settings_table(
    instance: Instance, settings: Settings, *, progress: Progress | None = None
) -> tuple[list[SettingsRow], SolveResult, float]:
    """The rows (today's settings marked ``current``), today's plan and the km tried."""
    say = progress or (lambda _m: None)
    km = settings.max_travel_km if settings.max_travel_km is not None else WHATIF_KM
    caps = sorted(set(CAPS) | {settings.max_units_per_officer})
    limits: list[float | None] = [None, km]
    elig = rules.evaluate(instance, settings)
    rows: list[SettingsRow] = []
    today: SolveResult | None = None
    for cap in caps:
        for limit in limits:
            say(f"pengaturan {cap}, {'-' if limit is None else limit} km")
            s = settings.replace(max_units_per_officer=cap, max_travel_km=limit)
            result = explain.solve(instance, s, eligibility=elig)
            current = cap == settings.max_units_per_officer and limit == settings.max_travel_km
            if current:
                today = result
            rows.append(_row(result, current))
    assert today is not None
    return rows, today, km
