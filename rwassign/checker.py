"""Independent checker: re-verifies a plan against the rules before it is written or signed.

Written apart from the solver and from ``rwassign.rules`` on purpose: it recomputes eligibility,
distances and objective values from the raw records with its own (plain ``math``) code, so a
bug in the model, the flow or the explanation cannot certify itself.  One check per rule id of
``rwassign.rules.RULES``, plus the bookkeeping a signed list relies on (every roster row
accounted for once, every unit either covered or listed as uncovered).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rwassign import i18n
from rwassign.model import Instance, Officer, RankGroup, SolveResult
from rwassign.normalize.words import ACTIVE_STATUS_WORDS
from rwassign.settings import Settings


@dataclass(frozen=True)
class Violation:
    """A broken rule: the rule id, what was found as a message code (``check.*`` in the
    catalogue) with its parameters, so it reads in the user's language, and the rows of the
    plan sheet the breach concerns (empty for a plan checked as a ``SolveResult``, which has no
    sheet), so a printed document can mark them without reading the description.

    The checker only names its findings; the catalogue words them (``text``).  The codes are
    the checker's own, one per finding, apart from the solver's and the explanation's.
    """

    rule: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    rows: tuple[int, ...] = ()

    def finding(self, lang: str = "id") -> str:
        """What was found, in ``lang``, without its rows (for a message that names them)."""
        return i18n.text(self.code, self.params, lang)

    def both(self) -> dict[str, str]:
        """The finding in both languages, as a parameter of another message."""
        return {"id": self.finding("id"), "en": self.finding("en")}

    def text(self, lang: str = "id") -> str:
        """The finding in ``lang``, led by its rows (``baris 4: ...``) when it has any."""
        if not self.rows:
            return self.finding(lang)
        code = "check.at_row" if len(self.rows) == 1 else "check.at_rows"
        listed = ", ".join(map(str, self.rows))
        return i18n.text(code, {"rows": listed, "found": self.finding(lang)}, lang)


def _gc_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    r = 6_371_008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


ACTIVE = frozenset(word.upper() for word in ACTIVE_STATUS_WORDS)


def _eligibility_failures(o: Officer, s: Settings) -> list[str]:
    fails = []
    groups = {RankGroup.BINTARA, RankGroup.PAMA} | ({RankGroup.PAMEN} if s.allow_pamen else set())
    if o.rank is None or o.rank.group not in groups:
        fails.append("pangkat")
    if o.bhabinkamtibmas is True:
        fails.append("bhabinkamtibmas")
    if s.require_training and o.trained is False:
        fails.append("pelatihan")
    is_bintara = o.rank is not None and o.rank.group is RankGroup.BINTARA
    if is_bintara and o.service_years is not None and o.service_years < s.min_service_years:
        fails.append("masa_dinas")
    status_text = (o.status or "").strip().upper()
    status_known_inactive = bool(status_text) and status_text not in ACTIVE
    if s.require_active and (o.active is False or (o.active is None and status_known_inactive)):
        fails.append("status_aktif")
    text = f"{o.kesatuan} {o.jabatan}".upper()
    if any(x in text for x in s.excluded_units):
        fails.append("satuan_dikecualikan")
    return fails


def distance_m(instance: Instance, o: Officer, unit_uid: str, s: Settings) -> tuple[float, bool]:
    """Home-to-unit distance in metres and whether coordinates were used (own implementation)."""
    units = {u.uid: u for u in instance.units}
    u = units[unit_uid]
    if o.home_unit == unit_uid:
        return 0.0, True
    desa = o.home_desa or (units[o.home_unit].desa_key if o.home_unit in units else None)
    home_lat_lng: tuple[float, float] | None = None
    own = units[o.home_unit].point if o.home_unit in units else None
    if o.home_point is not None:
        home_lat_lng = (o.home_point.lat, o.home_point.lng)
    elif own is not None:
        home_lat_lng = (own.lat, own.lng)
    else:
        pts = [(x.point.lat, x.point.lng) for x in instance.units if x.desa_key == desa and x.point]
        if pts:
            home_lat_lng = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
    if home_lat_lng is not None and u.point is not None:
        return _gc_m(home_lat_lng[0], home_lat_lng[1], u.point.lat, u.point.lng), True
    kec = o.home_kecamatan or (desa.split("|")[0] if desa else None)
    by_uid = sorted(instance.units, key=lambda x: x.uid)
    if o.home_unit in units:
        polsek: str | None = units[o.home_unit].polsek.casefold()
    else:
        same_desa = [x.polsek.casefold() for x in by_uid if x.desa_key == desa]
        same_kec = [x.polsek.casefold() for x in by_uid if x.uid.split("|")[0] == kec]
        candidates = same_desa or same_kec
        polsek = candidates[0] if candidates else None
    if desa is not None and desa == u.desa_key:
        km = s.admin_km_same_desa
    elif kec is not None and kec == u.uid.split("|")[0]:
        km = s.admin_km_same_kecamatan
    elif polsek is not None and polsek == u.polsek.casefold():
        km = s.admin_km_same_polsek
    else:
        km = s.admin_km_elsewhere
    return km * 1000.0, False


def check(result: SolveResult) -> list[Violation]:
    """Every violation of the plan in ``result`` (empty when the plan is sound)."""
    inst, s = result.instance, result.settings
    out: list[Violation] = []
    units = {u.uid: u for u in inst.units}
    n = len(inst.officers)
    for a in result.assignments:
        if a.unit_uid not in units:
            out.append(
                Violation("satu_personel_per_unit", "check.unknown_unit", {"unit": a.unit_uid})
            )
        if not 0 <= a.officer_index < n:
            out.append(
                Violation(
                    "batas_unit_per_personel",
                    "check.unknown_officer",
                    {"index": a.officer_index},
                )
            )
    if out:
        return out
    for uid, c in Counter(a.unit_uid for a in result.assignments).items():
        if c > 1:
            params: dict[str, Any] = {"unit": uid, "n": c}
            out.append(Violation("satu_personel_per_unit", "check.unit_held_twice", params))
    for idx, c in Counter(a.officer_index for a in result.assignments).items():
        if c > s.max_units_per_officer:
            params = {"nrp": inst.officers[idx].nrp, "n": c, "cap": s.max_units_per_officer}
            out.append(Violation("batas_unit_per_personel", "check.over_cap", params))
    weighted = residence = 0
    travel = 0.0
    for a in result.assignments:
        o = inst.officers[a.officer_index]
        for rule in _eligibility_failures(o, s):
            params = {"nrp": o.nrp, "nama": o.nama, "unit": a.unit_uid}
            out.append(Violation(rule, "check.ineligible_for", params))
        d, _ = distance_m(inst, o, a.unit_uid, s)
        if s.max_travel_km is not None and d > s.max_travel_km * 1000 + 0.5:
            params = {"nrp": o.nrp, "unit": a.unit_uid, "km": f"{d / 1000:.1f}"}
            out.append(Violation("batas_jarak", "check.too_far", params))
        if abs(d - a.travel_km * 1000) > 1.0:
            params = {
                "nrp": o.nrp,
                "unit": a.unit_uid,
                "km": a.travel_km,
                "recomputed": f"{d / 1000:.3f}",
            }
            out.append(Violation("jarak", "check.travel_differs", params))
        if (o.home_unit == a.unit_uid) != a.resident:
            params = {"nrp": o.nrp, "unit": a.unit_uid}
            out.append(Violation("domisili", "check.residence_flag", params))
        weighted += s.priority_weight(units[a.unit_uid].priority)
        residence += o.home_unit == a.unit_uid
        travel += a.travel_km * 1000
    obj = result.objective
    if obj is not None:
        if obj.weighted_coverage != weighted or obj.covered != len(result.assignments):
            out.append(Violation("cakupan", "check.coverage_total"))
        if obj.residence != residence:
            out.append(Violation("domisili", "check.residence_total"))
        if abs(obj.travel_m - travel) > len(result.assignments):
            out.append(Violation("jarak", "check.travel_total"))
    # bookkeeping: every roster row once, in order; every unit covered or listed uncovered
    if [x.officer_index for x in result.outcomes] != list(range(n)):
        out.append(Violation("personel", "check.outcomes_rows"))
    covered = {a.unit_uid for a in result.assignments}
    listed = [x.unit_uid for x in result.uncovered]
    if len(set(listed)) != len(listed) or covered & set(listed):
        out.append(Violation("satu_personel_per_unit", "check.unit_listed_twice"))
    if covered | set(listed) != set(units):
        out.append(Violation("satu_personel_per_unit", "check.unit_unlisted"))
    for oc in result.outcomes:
        held = tuple(
            sorted(a.unit_uid for a in result.assignments if a.officer_index == oc.officer_index)
        )
        if held != tuple(sorted(oc.units)):
            params = {"index": oc.officer_index}
            out.append(Violation("personel", "check.outcome_wrong", params))
    return out


def check_pairs(
    instance: Instance,
    settings: Settings,
    pairs: list[tuple[str, str]],
    rows: list[int] | None = None,
) -> list[Violation]:
    """Every hard-rule breach of a list of (unit uid, NRP) pairs, e.g. a hand-edited plan.

    Used before a plan is printed for signature, when there is no ``SolveResult`` to check:
    only the pairs the operator left in the ``Penugasan`` sheet.  ``rows`` gives the sheet row
    of each pair (default: the pair's position + 2, under one header row); every violation
    carries the rows it concerns in ``Violation.rows`` (its text starts with ``baris N`` /
    ``row N``), so the printed document can mark the rows concerned.
    Checked: unknown unit or NRP, eligibility of each officer, the travel limit, one officer
    per unit and the cap on units per officer.
    """
    where = rows if rows is not None else [i + 2 for i in range(len(pairs))]
    units = {u.uid: u for u in instance.units}
    officers = {o.nrp: o for o in instance.officers}
    out: list[Violation] = []
    known: list[tuple[int, str, Officer]] = []
    for row, (uid, nrp) in zip(where, pairs, strict=True):
        if uid not in units:
            params: dict[str, Any] = {"unit": uid}
            out.append(Violation("satu_personel_per_unit", "check.unknown_unit", params, (row,)))
        o = officers.get(nrp)
        if o is None:
            out.append(Violation("personel", "check.unknown_nrp", {"nrp": nrp}, (row,)))
            continue
        for rule in _eligibility_failures(o, settings):
            params = {"nrp": o.nrp, "nama": o.nama}
            out.append(Violation(rule, "check.ineligible", params, (row,)))
        if uid in units:
            known.append((row, uid, o))
    if settings.max_travel_km is not None:
        for row, uid, o in known:
            d, _ = distance_m(instance, o, uid, settings)
            if d > settings.max_travel_km * 1000 + 0.5:
                params = {"nrp": o.nrp, "unit": uid, "km": f"{d / 1000:.1f}"}
                out.append(Violation("batas_jarak", "check.too_far", params, (row,)))
    by_unit: dict[str, list[int]] = {}
    by_nrp: dict[str, list[int]] = {}
    for row, (uid, nrp) in zip(where, pairs, strict=True):
        by_unit.setdefault(uid, []).append(row)
        if nrp in officers:
            by_nrp.setdefault(nrp, []).append(row)
    for uid, held in by_unit.items():
        if len(held) > 1 and uid in units:
            params = {"unit": uid, "n": len(held)}
            out.append(
                Violation("satu_personel_per_unit", "check.unit_held_twice", params, tuple(held))
            )
    for nrp, held in by_nrp.items():
        if len(held) > settings.max_units_per_officer:
            params = {"nrp": nrp, "n": len(held), "cap": settings.max_units_per_officer}
            out.append(Violation("batas_unit_per_personel", "check.over_cap", params, tuple(held)))
    return out
