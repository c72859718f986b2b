"""The rules of Polisi RW assignment, as a catalogue.

Each rule has an id (used by the solver, the checker and the output), a label in Bahasa
Indonesia and English, and a docstring on the function that states the exact condition.
Eligibility rules (each with a function in ``ELIGIBILITY``) decide who may serve; assignment
rules constrain the plan and are all hard; the objective levels rank plans lexicographically.
The solver adds one constraint per assignment rule (or, for the travel limit, never builds the
pair); the independent checker (``rwassign.checker``) re-implements each check on its own.

Eligibility results (``RuleCheck``) are three-valued: ``True`` (passes), ``False`` (fails) or
``None`` (the roster does not record the fact, so the rule cannot be checked: the officer passes
and the run says so once, as a warning, instead of silently dropping or silently accepting
people).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rwassign.model import Instance, Location, Officer, Problem, RankGroup, Severity
from rwassign.normalize.words import ACTIVE_STATUS_WORDS
from rwassign.settings import Settings

ACTIVE_STATUSES = frozenset(word.upper() for word in ACTIVE_STATUS_WORDS)


@dataclass(frozen=True)
class Rule:
    """One rule of the catalogue."""

    id: str
    label_id: str
    label_en: str
    column: str = ""  # roster column an eligibility rule needs, for the "cannot be checked" warning


#: One officer's result on one eligibility rule: passes, fails, or ``None`` when the roster
#: does not record the fact.  (Not the verdict of verifying a signed export.)
RuleCheck = bool | None


def rank_group(o: Officer, s: Settings) -> RuleCheck:
    """Rank group is Bintara or Perwira Pertama (Perpol 1/2021); Perwira Menengah too when
    ``allow_pamen`` is set.  Tamtama, Pati, PNS and PPPK never; an unknown rank fails."""
    if o.rank is None:
        return False
    allowed = {RankGroup.BINTARA, RankGroup.PAMA}
    if s.allow_pamen:
        allowed.add(RankGroup.PAMEN)
    return o.rank.group in allowed


def not_bhabinkamtibmas(o: Officer, s: Settings) -> RuleCheck:
    """The officer is not a Bhabinkamtibmas: they coordinate the Polisi RW of their desa and
    may not double as one.  Recognised by a flag column or the Jabatan text."""
    if o.bhabinkamtibmas is None:
        return None
    return not o.bhabinkamtibmas


def trained(o: Officer, s: Settings) -> RuleCheck:
    """Polmas training is done (``require_training``), where the roster records training."""
    if not s.require_training:
        return True
    if o.trained is None:
        return None
    return o.trained


def service_years(o: Officer, s: Settings) -> RuleCheck:
    """A Bintara has served at least ``min_service_years`` (default 5), where the roster records
    TMT or years of service.  Officers of other groups pass."""
    if o.rank is None or o.rank.group is not RankGroup.BINTARA:
        return True
    if o.service_years is None:
        return None
    return o.service_years >= s.min_service_years


def active(o: Officer, s: Settings) -> RuleCheck:
    """Status is active (not on leave, in education, suspended...), where the roster records it
    (``require_active``)."""
    if not s.require_active:
        return True
    if o.active is not None:
        return o.active
    if o.status is None or not o.status.strip():
        return None
    return o.status.strip().upper() in ACTIVE_STATUSES


def not_excluded_unit(o: Officer, s: Settings) -> RuleCheck:
    """The officer's Kesatuan (or, failing that, Jabatan) names none of ``excluded_units``
    (e.g. DOKKES matches SIDOKKES).  Empty list by default."""
    if not s.excluded_units:
        return True
    text = f"{o.kesatuan} {o.jabatan}".upper()
    return not any(x in text for x in s.excluded_units)


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        # eligibility: who may serve
        Rule(
            "pangkat",
            "pangkat bukan Bintara s.d. Perwira Pertama",
            "rank not Bintara to Perwira Pertama",
            column="Pangkat",
        ),
        Rule(
            "bhabinkamtibmas",
            "menjabat Bhabinkamtibmas",
            "is a Bhabinkamtibmas",
            column="Jabatan/Bhabinkamtibmas",
        ),
        Rule(
            "pelatihan",
            "belum pelatihan Polmas",
            "Polmas training not done",
            column="Pelatihan",
        ),
        Rule(
            "masa_dinas",
            "masa dinas Bintara kurang dari batas",
            "Bintara service below the minimum",
            column="TMT/Masa Dinas",
        ),
        Rule("status_aktif", "status tidak aktif", "status not active", column="Status"),
        Rule(
            "satuan_dikecualikan",
            "satuan/fungsi dikecualikan",
            "unit/function excluded",
            column="Kesatuan",
        ),
        # assignment: hard constraints on the plan
        Rule(
            "satu_personel_per_unit",
            "satu RW/dusun paling banyak satu personel",
            "each unit has at most one officer",
        ),
        Rule(
            "batas_unit_per_personel",
            "jumlah RW/dusun per personel dibatasi",
            "units per officer capped",
        ),
        Rule(
            "batas_jarak",
            "jarak rumah ke RW/dusun dalam batas",
            "home-to-unit distance within limit",
        ),
        # objective levels, highest first
        Rule(
            "cakupan",
            "cakupan berbobot prioritas (maksimum)",
            "priority-weighted coverage (maximise)",
        ),
        Rule(
            "domisili",
            "personel bertugas di RW/dusun tempat tinggalnya (maksimum)",
            "officers serving their home unit (maximise)",
        ),
        Rule("jarak", "total jarak tempuh (minimum)", "total travel (minimise)"),
    )
}

ELIGIBILITY: dict[str, Callable[[Officer, Settings], RuleCheck]] = {
    "pangkat": rank_group,
    "bhabinkamtibmas": not_bhabinkamtibmas,
    "pelatihan": trained,
    "masa_dinas": service_years,
    "status_aktif": active,
    "satuan_dikecualikan": not_excluded_unit,
}


@dataclass(frozen=True)
class Eligibility:
    """Eligibility of every officer, in roster order, and what could not be checked."""

    eligible: tuple[bool, ...]
    failed: tuple[tuple[str, ...], ...]
    unchecked: tuple[str, ...]  # rule ids no officer's roster row could be checked for
    unknown_counts: dict[str, int]  # rule id -> officers whose fact is blank (rule passed)


def evaluate(instance: Instance, settings: Settings) -> Eligibility:
    """Apply every eligibility rule to every officer."""
    eligible: list[bool] = []
    failed: list[tuple[str, ...]] = []
    unknown = dict.fromkeys(ELIGIBILITY, 0)
    for o in instance.officers:
        fails = []
        for rule_id, check in ELIGIBILITY.items():
            result = check(o, settings)
            if result is None:
                unknown[rule_id] += 1
            elif not result:
                fails.append(rule_id)
        failed.append(tuple(fails))
        eligible.append(not fails)
    n = len(instance.officers)
    # A rule is "unchecked" when no officer could be checked: its column is absent.  The
    # Bintara-only service rule counts only Bintara rows.
    applicable = dict.fromkeys(ELIGIBILITY, n)
    applicable["masa_dinas"] = sum(
        1 for o in instance.officers if o.rank is not None and o.rank.group is RankGroup.BINTARA
    )
    unchecked = tuple(r for r in ELIGIBILITY if n and applicable[r] and unknown[r] == applicable[r])
    partial = {r: c for r, c in unknown.items() if c and r not in unchecked}
    return Eligibility(tuple(eligible), tuple(failed), unchecked, partial)


def run_warnings(instance: Instance, settings: Settings, elig: Eligibility) -> list[Problem]:
    """Warnings about the rules themselves, said once per run rather than once per officer."""
    loc = Location(file=instance.name)
    out = [
        Problem(
            "run.rule_unchecked",
            Severity.WARNING,
            loc,
            {"rule": r, "column": RULES[r].column},
        )
        for r in elig.unchecked
    ]
    out.extend(
        Problem(
            "run.rule_partly_unchecked",
            Severity.WARNING,
            loc,
            {"rule": r, "column": RULES[r].column, "count": c},
        )
        for r, c in sorted(elig.unknown_counts.items())
    )
    if settings.allow_pamen:
        out.append(Problem("run.pamen_allowed", Severity.WARNING, loc, {}))
    return out


def eligible_mask(instance: Instance, settings: Settings) -> list[bool]:
    """Convenience for callers that need only the yes/no answer (benchmarks, tests)."""
    return list(evaluate(instance, settings).eligible)


def check_pins(
    instance: Instance,
    settings: Settings,
    elig: Eligibility,
    pins: list[tuple[str, str, Location]],
) -> tuple[list[tuple[str, int]], list[Problem]]:
    """Validate pins (unit uid, NRP, where written) against the hard rules.

    A pin that breaks a hard rule is an input error naming the row and the rule: unknown NRP,
    an ineligible member (each failed rule), a unit pinned to two members, more pins than
    ``max_units_per_officer``, or a pair beyond ``max_travel_km``.  Returns the legal pins as
    (unit uid, officer index) and the problems.
    """
    from rwassign import distance  # numpy only where pins are used

    by_nrp = {o.nrp: o for o in instance.officers if o.nrp}
    units = instance.unit_by_uid()
    problems: list[Problem] = []
    valid: list[tuple[str, int]] = []
    seen_unit: dict[str, str] = {}
    per_officer: dict[int, int] = {}
    geo = distance.geometry(instance) if settings.max_travel_km is not None else None
    upos = {u.uid: i for i, u in enumerate(instance.units)}
    for uid, nrp, where in pins:
        o = by_nrp.get(nrp)
        label = f"{units[uid].label} {units[uid].desa}" if uid in units else uid
        if o is None:
            problems.append(Problem("pin.unknown_nrp", Severity.ERROR, where, {"nrp": nrp}))
            continue
        if uid in seen_unit and seen_unit[uid] != nrp:
            problems.append(
                Problem("pin.unit_twice", Severity.ERROR, where, {"unit": label, "nrp": nrp})
            )
            continue
        if uid in seen_unit:
            continue
        failed = elig.failed[o.index]
        if failed:
            problems.extend(
                Problem(
                    "pin.ineligible",
                    Severity.ERROR,
                    where,
                    {"nrp": nrp, "nama": o.nama, "unit": label, "rule": r},
                )
                for r in failed
            )
            continue
        per_officer[o.index] = per_officer.get(o.index, 0) + 1
        if per_officer[o.index] > settings.max_units_per_officer:
            problems.append(
                Problem(
                    "pin.over_cap",
                    Severity.ERROR,
                    where,
                    {"nrp": nrp, "nama": o.nama, "cap": settings.max_units_per_officer},
                )
            )
            continue
        if geo is not None and settings.max_travel_km is not None and o.home_unit != uid:
            import numpy as np

            dist, _ = distance.travel_matrix(geo, np.asarray([o.index]), settings)
            km = float(dist[0, upos[uid]]) / 1000
            if km > settings.max_travel_km:
                problems.append(
                    Problem(
                        "pin.too_far",
                        Severity.ERROR,
                        where,
                        {
                            "nrp": nrp,
                            "unit": label,
                            "km": f"{km:.1f}",
                            "limit": settings.max_travel_km,
                        },
                    )
                )
                continue
        seen_unit[uid] = nrp
        valid.append((uid, o.index))
    return valid, problems
