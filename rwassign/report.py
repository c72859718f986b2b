"""The facts of one run, gathered once for the terminal, ``--json`` and the ``Ringkasan`` sheet.

Three outputs show the same numbers; computing them here, once, from the ``SolveResult`` keeps
them from disagreeing.  This module is pure Python (no openpyxl, no pandas) so the CLI can print
a summary without loading the spreadsheet layer.

JSON keys of ``summarize()`` (every value is a string, number, list, object or ``null``):

============================  =================================================================
key                           meaning
============================  =================================================================
``status``                    solver status: ``OPTIMAL``, ``FEASIBLE`` (time limit hit, or
                              travel counted in coarse steps; see ``gap``) or ``NO_PLAN``
``polres``                    name of the Polres (the instance name)
``units``                     number of RW/dusun in the input
``covered``                   RW/dusun with a Polisi RW
``uncovered``                 RW/dusun left without one (listed in sheet ``Belum Terisi``)
``coverage_pct``              ``covered / units * 100``, two decimals (0 when there are no units)
``weighted_coverage``         sum of the priority weights of the covered units
``weighted_coverage_max``     sum of the priority weights of all units (the best possible)
``residence_matches``         assignments where the officer lives in the unit
``travel_km``                 total home-to-unit distance of all assignments, km, two decimals
``travel_km_mean``            ``travel_km / covered`` (0 when nothing is covered)
``officers``                  roster rows
``eligible``                  officers who pass every eligibility rule
``assigned``                  officers holding at least one unit
``reserve``                   eligible officers holding none
``ineligible``                officers failing at least one rule (each counted once)
``ineligible_by_rule``        ``{rule id: officers failing it}``; an officer failing several
                              rules counts under each
``coverage_by_polsek``        list of ``{"polsek", "units", "covered"}``, sorted by name
``coverage_by_kecamatan``     list of ``{"kecamatan", "units", "covered"}``, sorted by name
``gap``                       relative gap of the objective (0 when proven optimal; ``null``
                              when it is not a finite number, e.g. no plan)
``seconds``                   ``{"total": s, <stage>: s, ...}`` wall-clock seconds per stage
``settings``                  ``{setting key: value as text}`` of the settings used
``unchecked_rules``           ids of rules the roster had no column for
``warnings``                  number of warnings (listed in sheet ``Peringatan``)
``version``                   rwassign version
``input_sha256``              ``{input file name: SHA-256 hex digest}``
``output``                    path of the written workbook, or ``null`` when none was written
``moves``                     re-plan: officers who lost a previous pair that was still legal
                              (``null`` for a plain solve)
``changes``                   re-plan: ``{TETAP, TAMBAH, PINDAH, BARU, DILEPAS,
                              UNIT_TERISI, UNIT_KOSONG, UNIT_DIHAPUS: count}`` (``null`` for a
                              plain solve)
``travel_unit_m``             resolution of the travel level in metres (1 unless a very large
                              re-plan needed coarser steps to stay exact in int64)
``travel_bound_km``           with coarser steps only (else ``null``): the least total travel
                              a plan equal on every higher level could have; the status is then
                              ``FEASIBLE``, never ``OPTIMAL``
``shortage``                  the arithmetic of too few members: ``{"eligible", "cap",
                              "capacity", "units", "short", "unit_kinds", "by_kecamatan",
                              "home_elsewhere"}``; ``capacity = eligible * cap`` (``cap`` =
                              ``max_units_per_officer``), ``short = max(0, units - capacity)``
                              units no plan can cover; ``unit_kinds`` the words the input uses
                              (``["Dusun", "RW"]``); ``by_kecamatan`` a list of
                              ``{"kecamatan", "units", "eligible", "capacity", "short"}`` counting
                              the eligible members who live there (a member may serve in another
                              kecamatan, so these show where the shortage lies, not what stays
                              uncovered); ``home_elsewhere`` eligible members whose home matched
                              no kecamatan of the units
``places``                    what the place step recognised: ``{"wilayah": [kabupaten/kota,
                              provinsi], "recognised", "total"`` (desa/kelurahan of the units
                              sheet found in it), ``"units", "homes"`` (``{basis: count}`` of
                              the units' points and the members' homes: ``koordinat``,
                              ``pusat desa``, ``pusat kecamatan``, ``administratif``)``}``;
                              ``wilayah`` is empty when nothing was recognised
============================  =================================================================
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rwassign import i18n
from rwassign.model import Instance, SolveResult, travel_slack_m
from rwassign.places import (
    BASIS_ADMIN,
    BASIS_CENTROID,
    BASIS_COORDINATES,
    BASIS_KECAMATAN,
    point_basis,
)
from rwassign.version import __version__


def rule_label(rule_id: str, lang: str = "id") -> str:
    """Human label of a rule id, in ``lang``; the id itself when the catalogue lacks it.

    The fallback keeps output readable (and this module importable) even for a rule id the
    catalogue does not know, e.g. one recorded by an older plan.
    """
    try:
        from rwassign.rules import RULES
    except ImportError:  # pragma: no cover - the catalogue is part of the package
        return rule_id
    rule = RULES.get(rule_id)
    if rule is None:
        return rule_id
    return str(rule.label_en if lang == "en" else rule.label_id)


def sha256_file(path: Path | str) -> str:
    """SHA-256 hex digest of a file, read in chunks so a large workbook never sits in memory.

    Recorded in the output so a signed plan can be traced to the exact input it came from.
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _travel_bound_km(result: SolveResult, travel_km: float) -> float | None:
    """With travel counted in coarse steps, the least travel an equally good plan could have."""
    if result.travel_unit_m <= 1:
        return None
    slack = travel_slack_m(
        len(result.assignments), len(result.instance.units), result.travel_unit_m
    )
    return round(max(0.0, travel_km - slack / 1000.0), 2)


def _finite_or_none(value: float) -> float | None:
    return round(float(value), 6) if math.isfinite(value) else None


def _seconds(stages: dict[str, float]) -> dict[str, float]:
    """Total first, then each stage; ``total`` is the sum of the stages unless the solver
    measured it itself (stages may overlap, so a measured total wins)."""
    out = {"total": round(float(stages.get("total", sum(stages.values()))), 3)}
    for name, value in stages.items():
        if name != "total":
            out[name] = round(float(value), 3)
    return out


def _coverage_by(result: SolveResult, covered: set[str], attr: str) -> list[dict[str, Any]]:
    units: Counter[str] = Counter()
    done: Counter[str] = Counter()
    for unit in result.instance.units:
        key = getattr(unit, attr)
        units[key] += 1
        if unit.uid in covered:
            done[key] += 1
    return [{attr: key, "units": units[key], "covered": done[key]} for key in sorted(units)]


def _shortage(result: SolveResult, eligible: set[int]) -> dict[str, Any]:
    """Eligible members x cap against units, for the Polres and by kecamatan (``shortage``).

    Shortage is the normal case, and the first question of an office is whether the open units
    are a matter of planning or of people; this arithmetic answers it before any reason does.
    A member's home kecamatan is matched by the kecamatan key of the unit ids.
    """
    cap = int(result.settings.max_units_per_officer)
    units_by_key: Counter[str] = Counter()
    names: dict[str, str] = {}
    for unit in result.instance.units:
        key = unit.uid.split("|", 1)[0]
        units_by_key[key] += 1
        names.setdefault(key, unit.kecamatan)
    homes: Counter[str] = Counter()
    elsewhere = 0
    for officer in result.instance.officers:
        if officer.index not in eligible:
            continue
        home = officer.home_kecamatan
        if home is not None and home in units_by_key:
            homes[home] += 1
        else:
            elsewhere += 1
    n_units = len(result.instance.units)
    by_kecamatan = [
        {
            "kecamatan": names[key],
            "units": units_by_key[key],
            "eligible": homes[key],
            "capacity": homes[key] * cap,
            "short": max(0, units_by_key[key] - homes[key] * cap),
        }
        for key in sorted(units_by_key, key=lambda k: names[k])
    ]
    return {
        "eligible": len(eligible),
        "cap": cap,
        "capacity": len(eligible) * cap,
        "units": n_units,
        "short": max(0, n_units - len(eligible) * cap),
        "unit_kinds": sorted({u.kind for u in result.instance.units}),
        "by_kecamatan": by_kecamatan,
        "home_elsewhere": elsewhere,
    }


def shortage_text(shortage: dict[str, Any], lang: str) -> str:
    """The shortage arithmetic as one sentence: eligible x cap against units.

    Here, beside the numbers, so the terminal can say it too without the spreadsheet layer."""
    params = {**shortage, "word": unit_word(shortage["unit_kinds"])}
    code = "summary.shortage" if shortage["short"] else "summary.shortage_none"
    return i18n.text(code, params, lang)


def unit_word(kinds: Sequence[str]) -> str:
    """The input's own word for its units, e.g. ``RW/dusun`` or ``banjar``: RW in capitals."""
    words = sorted(
        {k if k.upper() == "RW" else k.lower() for k in kinds}, key=lambda w: (w != "RW", w)
    )
    return "/".join(words) or "RW"


_BASES = (BASIS_COORDINATES, BASIS_CENTROID, BASIS_KECAMATAN, BASIS_ADMIN)


def places_facts(instance: Instance) -> dict[str, Any]:
    """The wilayah recognised and, for units and homes, how many points rest on each basis:
    every stand-in counted (the warnings name each one)."""
    units = Counter(
        point_basis(u.point_source) if u.point is not None else BASIS_ADMIN for u in instance.units
    )
    homes = Counter(
        point_basis(o.home_point_source)
        if o.home_point_source != "none" or o.home_point
        else BASIS_ADMIN
        for o in instance.officers
    )
    summary = instance.places
    return {
        "wilayah": list(summary.wilayah) if summary else [],
        "recognised": summary.recognised if summary else 0,
        "total": summary.total if summary else len({u.desa_key for u in instance.units}),
        "units": {b: units[b] for b in _BASES},
        "homes": {b: homes[b] for b in _BASES},
    }


def places_text(places: dict[str, Any], word: str, lang: str) -> list[str]:
    """The summary's lines on places: the wilayah recognised (``Wilayah: Kabupaten Rejang
    Lebong, Bengkulu; 156 dari 156 desa/kelurahan dikenali``) and the bases of the points."""
    if places["wilayah"]:
        params = {**places, "wilayah": "; ".join(places["wilayah"])}
        first = i18n.text("summary.places", params, lang)
    else:
        first = i18n.text("summary.places_none", places, lang)

    def counts(by_basis: dict[str, int]) -> str:
        return ", ".join(f"{n} {basis}" for basis, n in by_basis.items() if n) or "-"

    return [
        first,
        i18n.text("summary.points_units", {"word": word, "counts": counts(places["units"])}, lang),
        i18n.text("summary.points_homes", {"counts": counts(places["homes"])}, lang),
    ]


def _change_counts(result: SolveResult) -> dict[str, int] | None:
    """Perubahan lines per kind for a re-plan; ``None`` for a plain solve."""
    if result.moves is None:
        return None
    from rwassign.changes import count_changes

    return count_changes(result.changes)


def summarize(
    result: SolveResult,
    *,
    output: Path | None = None,
    input_hashes: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The facts of one run as a JSON-serialisable dict (keys in the module docstring).

    Counts are taken from the plan itself (assignments and outcomes), not from the solver's
    objective, so they are right even when the solver stopped without a plan.
    """
    instance = result.instance
    settings = result.settings
    by_uid = instance.unit_by_uid()
    covered = {a.unit_uid for a in result.assignments if a.unit_uid in by_uid}
    n_units = len(instance.units)
    travel = sum(a.travel_km for a in result.assignments)

    failed: Counter[str] = Counter()
    for outcome in result.outcomes:
        for rule_id in dict.fromkeys(outcome.failed_rules):
            failed[rule_id] += 1
    eligible_members = {o.officer_index for o in result.outcomes if o.eligible}
    eligible = len(eligible_members)
    assigned = sum(1 for o in result.outcomes if o.units)

    return {
        "status": result.status.value,
        "polres": instance.name,
        "units": n_units,
        "covered": len(covered),
        "uncovered": n_units - len(covered),
        "coverage_pct": round(100.0 * len(covered) / n_units, 2) if n_units else 0.0,
        "weighted_coverage": sum(settings.priority_weight(by_uid[u].priority) for u in covered),
        "weighted_coverage_max": sum(settings.priority_weight(u.priority) for u in instance.units),
        "residence_matches": sum(1 for a in result.assignments if a.resident),
        "travel_km": round(travel, 2),
        "travel_km_mean": round(travel / len(covered), 2) if covered else 0.0,
        "officers": len(instance.officers),
        "eligible": eligible,
        "assigned": assigned,
        "reserve": sum(1 for o in result.outcomes if o.eligible and not o.units),
        "ineligible": sum(1 for o in result.outcomes if not o.eligible),
        "ineligible_by_rule": dict(sorted(failed.items())),
        "coverage_by_polsek": _coverage_by(result, covered, "polsek"),
        "coverage_by_kecamatan": _coverage_by(result, covered, "kecamatan"),
        "gap": _finite_or_none(result.gap),
        "seconds": _seconds(result.seconds),
        "settings": dict(settings.as_rows()),
        "unchecked_rules": list(result.unchecked_rules),
        "warnings": len(result.warnings),
        "version": __version__,
        "input_sha256": dict(input_hashes or {}),
        "output": str(output) if output is not None else None,
        "moves": result.moves,
        "changes": _change_counts(result),
        "travel_unit_m": result.travel_unit_m,
        "travel_bound_km": _travel_bound_km(result, travel),
        "shortage": _shortage(result, eligible_members),
        "places": places_facts(instance),
    }
