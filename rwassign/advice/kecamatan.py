"""Table 2 of the advice: where more members are needed, kecamatan by kecamatan.

For each kecamatan: its units, the eligible members living there, the units today's plan
leaves open (by priority) and the fewest extra eligible members, living in that kecamatan, that
a new plan of the whole Polres needs to cover all its Tinggi units, then all its units, while
every unit today's plan covers elsewhere stays covered.  The count comes from one exact flow
(``rwassign.solver.training.ExtraMembersFlow``): the fewest units the extra members must hold,
shared out ``max_units_per_officer`` to a member.  The plan behind each figure is built with
the extra members placed at their first unit's point and goes through the independent checker;
where a travel limit keeps two of a member's units apart, the members are grouped within the
limit and the figure says it is a working plan above the proven lower bound.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rwassign import distance, ranks, rules
from rwassign.advice import plans
from rwassign.advice.records import KecamatanRow
from rwassign.distance import BoolArray
from rwassign.model import Instance, Officer, SolveResult
from rwassign.settings import Settings
from rwassign.solver.candidates import build_arcs
from rwassign.solver.training import ExtraMembersFlow

#: The rank extra members are assumed to have (any Bintara with enough service would do).
EXTRA_RANK = "BRIPKA"


@dataclass(frozen=True)
class _Need:
    """Extra members for one requirement: the count, its lower bound and the checked plan."""

    count: int
    low: int
    checked: bool


def _priorities(instance: Instance, positions: Sequence[int]) -> tuple[int, int, int]:
    pr = [instance.units[u].priority for u in positions]
    return (pr.count(3), pr.count(2), pr.count(1))


def _groups(instance: Instance, settings: Settings, held: list[int]) -> list[list[int]]:
    """Units held by extra members, shared out ``max_units_per_officer`` to a member; with a
    travel limit a unit joins a member only within the limit of the member's first unit."""
    cap = settings.max_units_per_officer
    limit = settings.max_travel_km
    groups: list[list[int]] = []
    for u in sorted(held, key=lambda p: instance.units[p].uid):
        pu = instance.units[u].point
        for g in groups:
            if len(g) >= cap:
                continue
            pa = instance.units[g[0]].point
            if limit is not None:
                if pu is None or pa is None:
                    continue
                d = distance.haversine_m(
                    np.asarray(pa.lat), np.asarray(pa.lng), np.asarray(pu.lat), np.asarray(pu.lng)
                )
                if float(d) > limit * 1000:
                    continue
            g.append(u)
            break
        else:
            groups.append([u])
    return groups


def _extra_officers(instance: Instance, kec: str, groups: list[list[int]]) -> list[Officer]:
    """Synthetic extra members, each living at the point of their first unit."""
    rank = ranks.by_code(EXTRA_RANK)
    n = len(instance.officers)
    out = []
    for j, g in enumerate(groups):
        home = instance.units[g[0]]
        out.append(
            Officer(
                index=n + j,
                nama=f"Tambahan {j + 1}",
                nrp=f"TAMBAHAN-{kec}-{j + 1}",
                rank=rank,
                rank_text=rank.code,
                home_unit=home.uid,
                home_desa=home.desa_key,
                home_kecamatan=distance.kecamatan_of(home.uid),
                home_point=home.point,
                bhabinkamtibmas=False,
                trained=True,
                service_years=10.0,
                active=True,
            )
        )
    return out


def _need(
    instance: Instance,
    settings: Settings,
    flow: ExtraMembersFlow,
    kec: str,
    kec_units: list[int],
    required: BoolArray,
    check: bool,
) -> _Need:
    res, through = flow.solve(kec_units, required)
    held = [int(u) for u in through.tolist()]
    if not held:
        return _Need(0, 0, True)
    low = math.ceil(len(held) / settings.max_units_per_officer)
    groups = _groups(instance, settings, held)
    ok = True
    if check:
        extra = _extra_officers(instance, kec, groups)
        bigger = plans.with_officers(instance, extra)
        geo = distance.geometry(bigger)
        idx = np.asarray([o.index for o in extra], dtype=np.int64)
        dist, gc = distance.travel_matrix(geo, idx, settings)
        pairs = plans.arc_pairs(flow.arcs, res.chosen)
        for row, (o, g) in enumerate(zip(extra, groups, strict=True)):
            for u in g:
                resident = instance.units[u].uid == o.home_unit
                metres = 0 if resident else int(dist[row, u])
                pairs.append((o.index, u, metres, resident, bool(gc[row, u])))
        ok = plans.passes(bigger, settings, pairs)
    return _Need(len(groups), low, ok)


def kecamatan_table(
    instance: Instance, settings: Settings, today: SolveResult, *, check: bool = True
) -> list[KecamatanRow]:
    """One row per kecamatan, in the order of the units sheet; ``today`` is the plan of today
    (its covered units must stay covered)."""
    elig = rules.evaluate(instance, settings)
    arcs = build_arcs(instance, settings, elig.eligible)
    flow = ExtraMembersFlow(arcs, len(instance.units), settings.max_units_per_officer)
    pos = {u.uid: i for i, u in enumerate(instance.units)}
    covered = np.zeros(len(instance.units), dtype=np.bool_)
    for a in today.assignments:
        covered[pos[a.unit_uid]] = True
    by_kec: dict[str, list[int]] = {}
    for i, u in enumerate(instance.units):
        by_kec.setdefault(distance.kecamatan_of(u.uid), []).append(i)
    living: dict[str, int] = {}
    for o in instance.officers:
        if elig.eligible[o.index]:
            key = o.home_kecamatan or (
                distance.kecamatan_of(o.home_desa or o.home_unit or "")
                if (o.home_desa or o.home_unit)
                else None
            )
            if key is not None:
                living[key] = living.get(key, 0) + 1
    rows = []
    for kec, units in by_kec.items():
        inside = np.zeros(len(instance.units), dtype=np.bool_)
        inside[units] = True
        high = inside & np.asarray([u.priority == 3 for u in instance.units])
        keep = covered & ~inside
        open_units = [u for u in units if not covered[u]]
        for_high = (
            _Need(0, 0, True)
            if not (high & ~covered).any()
            else _need(instance, settings, flow, kec, units, keep | high, check)
        )
        for_all = (
            _Need(0, 0, True)
            if not open_units
            else _need(instance, settings, flow, kec, units, keep | inside, check)
        )
        first = instance.units[units[0]]
        rows.append(
            KecamatanRow(
                kecamatan=first.kecamatan,
                polsek=first.polsek,
                units=len(units),
                units_by_priority=_priorities(instance, units),
                eligible_living=living.get(kec, 0),
                open_by_priority=_priorities(instance, open_units),
                extra_for_high=for_high.count,
                extra_for_all=for_all.count,
                high_low=for_high.low,
                all_low=for_all.low,
                exact_high=for_high.count == for_high.low,
                exact_all=for_all.count == for_all.low,
                checked=for_high.checked and for_all.checked,
            )
        )
    return rows
