"""Independent checker: re-verifies a plan against the rules before it is written or signed.

Written apart from the solver and from ``rwassign.rules`` on purpose: it recomputes eligibility,
distances and objective values from the raw records with its own (plain ``math``) code, so a
bug in the model, the flow or the explanation cannot certify itself.  One check per rule id of
``rwassign.rules.RULES``, plus the bookkeeping a signed list relies on (every roster row
accounted for once, every unit either covered or listed as uncovered).

``check_certificate`` re-checks the solver's proof of optimality (``rwassign.certificate``)
over every allowed pair, with its own eligibility, its own pair values from the certificate's
weights and its own blocked pass; it shares only the distance formula
(``distance.pair_travel``, whose metres the rule checks above verify pair by pair for the plan)
because the proof compares values to the unit and must see the metres the solver saw.

Long because the certificate re-check needs the raw records and eligibility of the rule checks
above; apart, it would import them from here or repeat them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rwassign import collector, distance, i18n
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


@dataclass(frozen=True)
class _UnitIndex:
    """What ``distance_m`` looks up about the units, built once per instance: before, each call
    rebuilt a dict and a sorted copy of every unit, which made checking a 10,000-unit plan
    quadratic in its size."""

    units: dict[str, Any]
    desa_points: dict[str | None, list[tuple[float, float]]]
    first_polsek_of_desa: dict[str | None, str]
    first_polsek_of_kec: dict[str | None, str]


_last_index: tuple[Instance, _UnitIndex] | None = None


def _unit_index(instance: Instance) -> _UnitIndex:
    """The index of ``instance``, kept for the instance checked last (by identity, never by
    equality: comparing two instances costs as much as building the index)."""
    global _last_index
    if _last_index is not None and _last_index[0] is instance:
        return _last_index[1]
    desa_points: dict[str | None, list[tuple[float, float]]] = {}
    for x in instance.units:
        if x.point:
            desa_points.setdefault(x.desa_key, []).append((x.point.lat, x.point.lng))
    first_desa: dict[str | None, str] = {}
    first_kec: dict[str | None, str] = {}
    for x in sorted(instance.units, key=lambda x: x.uid):
        first_desa.setdefault(x.desa_key, x.polsek.casefold())
        first_kec.setdefault(x.uid.split("|")[0], x.polsek.casefold())
    index = _UnitIndex({u.uid: u for u in instance.units}, desa_points, first_desa, first_kec)
    _last_index = (instance, index)
    return index


def distance_m(instance: Instance, o: Officer, unit_uid: str, s: Settings) -> tuple[float, bool]:
    """Home-to-unit distance in metres and whether coordinates were used (own implementation)."""
    index = _unit_index(instance)
    units = index.units
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
        pts = index.desa_points.get(desa, [])
        if pts:
            home_lat_lng = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
    if home_lat_lng is not None and u.point is not None:
        return _gc_m(home_lat_lng[0], home_lat_lng[1], u.point.lat, u.point.lng), True
    kec = o.home_kecamatan or (desa.split("|")[0] if desa else None)
    if o.home_unit in units:
        polsek: str | None = units[o.home_unit].polsek.casefold()
    else:
        polsek = index.first_polsek_of_desa.get(desa)
        if polsek is None:
            polsek = index.first_polsek_of_kec.get(kec)
    if desa is not None and desa == u.desa_key:
        km = s.admin_km_same_desa
    elif kec is not None and kec == u.uid.split("|")[0]:
        km = s.admin_km_same_kecamatan
    elif polsek is not None and polsek == u.polsek.casefold():
        km = s.admin_km_same_polsek
    else:
        km = s.admin_km_elsewhere
    return km * 1000.0, False


@collector.while_paused
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
    holds: dict[int, list[str]] = {}  # by officer, one pass (not one per member: quadratic)
    for a in result.assignments:
        holds.setdefault(a.officer_index, []).append(a.unit_uid)
    for oc in result.outcomes:
        held = tuple(sorted(holds.get(oc.officer_index, ())))
        if held != tuple(sorted(oc.units)):
            params = {"index": oc.officer_index}
            out.append(Violation("personel", "check.outcome_wrong", params))
    # the proof is about a plan that keeps the rules: a plan that breaks them is not the plan
    # the certificate was issued for, and its breaches are the findings that matter
    cert = result.certificate
    if not out and cert is not None and cert.proven:
        out.extend(check_certificate(result))
    return out


#: Findings of one kind the certificate re-check names at most (the first ones): a forged
#: certificate breaks thousands of pairs, and one is enough to reject it.
CERT_FINDINGS = 5


def check_certificate(result: SolveResult) -> list[Violation]:
    """Re-check that the certificate proves the plan optimal over every allowed pair.

    With unit prices ``p`` and member prices ``q`` (pinned units and their pairs left out, a
    member's capacity less their pins): prices are non-negative; every allowed pair is worth
    at most ``p_u + q_o`` (dual feasibility, priced in blocks of members: a pair that is neither
    resident nor kept is worth at most ``cov * weight``, so most need no distance); each plan
    pair is worth exactly ``p_u + q_o``, a unit with a price is covered and a member with a
    price is full (complementary slackness); and the plan's value equals the dual bound
    ``sum p + sum cap * q`` (plus the pinned pairs).  Weak duality then says no plan is worth
    more.  Exact integers throughout.
    """
    cert = result.certificate
    inst, s = result.instance, result.settings
    units, officers = inst.units, inst.officers
    pos = {u.uid: i for i, u in enumerate(units)}
    weight = np.asarray([s.priority_weight(u.priority) for u in units], dtype=np.int64)
    p = np.asarray(cert.unit_price, dtype=np.int64)
    q = np.asarray(cert.officer_price, dtype=np.int64)
    n_u = len(units)
    kept_keys = np.asarray(cert.kept_pairs, dtype=np.int64).reshape(-1, 2)
    kept_keys = np.unique(kept_keys[:, 0] * n_u + kept_keys[:, 1])
    pins = np.asarray(cert.pinned_pairs, dtype=np.int64).reshape(-1, 2)
    pinned_unit = np.zeros(n_u, dtype=np.bool_)
    pinned_unit[pins[:, 1]] = True
    caps = np.full(len(officers), s.max_units_per_officer, dtype=np.int64)
    np.subtract.at(caps, pins[:, 0], 1)
    eligible = np.asarray(
        [not _eligibility_failures(o, s) for o in officers], dtype=np.bool_
    ).reshape(-1)
    geo = distance.resolve_geometry(inst)  # its own, not the solver's
    limit = None if s.max_travel_km is None else round(s.max_travel_km * 1000)

    def value(
        o: distance.IntArray, u: distance.IntArray
    ) -> tuple[distance.IntArray, distance.BoolArray]:
        """Each pair's value and whether it is allowed, from the raw records."""
        travel, _ = distance.pair_travel(geo, o, u, s)
        resident = geo.off_home_unit[o] == u
        travel = np.where(resident, 0, travel)
        allowed = np.ones(len(o), dtype=np.bool_) if limit is None else resident | (travel <= limit)
        kept = np.isin(o * n_u + u, kept_keys)
        half = cert.travel_unit // 2
        v = (
            weight[u] * cert.cov
            + kept.astype(np.int64) * cert.keep
            + resident.astype(np.int64) * cert.res
            - (travel + half) // cert.travel_unit
        )
        return v, allowed

    out: list[Violation] = []
    for i in np.nonzero((p < 0) & ~pinned_unit)[0][:CERT_FINDINGS].tolist():
        what = i18n.both("check.cert_unit", {"unit": units[i].uid})
        out.append(Violation("cakupan", "check.cert_negative_price", {"what": what}))
    for i in np.nonzero((q < 0) & eligible)[0][:CERT_FINDINGS].tolist():
        what = i18n.both("check.cert_member", {"nrp": officers[i].nrp})
        out.append(Violation("cakupan", "check.cert_negative_price", {"what": what}))
    # the plan: tight pairs, full members, priced units covered, value = dual bound
    plan_o = np.asarray([a.officer_index for a in result.assignments], dtype=np.int64)
    plan_u = np.asarray([pos[a.unit_uid] for a in result.assignments], dtype=np.int64)
    plan_v, _ = value(plan_o, plan_u)
    free = ~pinned_unit[plan_u]
    price = p[plan_u] + q[plan_o]
    for k in np.nonzero(free & (plan_v != price))[0][:CERT_FINDINGS].tolist():
        params: dict[str, Any] = {
            "nrp": officers[int(plan_o[k])].nrp,
            "unit": units[int(plan_u[k])].uid,
            "value": int(plan_v[k]),
            "price": int(price[k]),
        }
        out.append(Violation("cakupan", "check.cert_not_tight", params))
    covered = np.zeros(n_u, dtype=np.bool_)
    covered[plan_u] = True
    for i in np.nonzero((p > 0) & ~covered & ~pinned_unit)[0][:CERT_FINDINGS].tolist():
        what = i18n.both("check.cert_unit", {"unit": units[i].uid})
        params = {"what": what, "price": int(p[i])}
        out.append(Violation("cakupan", "check.cert_idle_price", params))
    held = np.bincount(plan_o[free], minlength=len(officers))
    for i in np.nonzero((q > 0) & eligible & (held < caps))[0][:CERT_FINDINGS].tolist():
        what = i18n.both("check.cert_member", {"nrp": officers[i].nrp})
        params = {"what": what, "price": int(q[i])}
        out.append(Violation("cakupan", "check.cert_idle_price", params))
    primal = int(plan_v.sum())
    dual = (
        int(p[~pinned_unit].sum())
        + int((np.maximum(caps, 0) * q)[eligible].sum())
        + int(plan_v[~free].sum())
    )
    if primal != dual or primal != cert.value:
        out.append(Violation("cakupan", "check.cert_value", {"primal": primal, "dual": dual}))
    # dual feasibility over every allowed pair, in blocks of members
    rows = np.nonzero(eligible & (caps > 0))[0]
    cols = np.nonzero(~pinned_unit)[0]
    head = weight[cols] * cert.cov - p[cols]
    lat_u = np.radians(geo.unit_lat[cols])
    lat_o = np.radians(geo.off_lat)
    special = [
        np.nonzero(np.isin(geo.off_home_unit, cols) & eligible & (caps > 0))[0],
        kept_keys // n_u,
    ]
    special_u = [geo.off_home_unit[special[0]], kept_keys % n_u]
    found = 0
    step = max(1, distance.BLOCK_PAIRS // max(1, len(cols)))

    Found = tuple[distance.IntArray, distance.IntArray, distance.IntArray, distance.IntArray]

    def priced(o: distance.IntArray, u: distance.IntArray) -> Found:
        """The pairs among ``o``, ``u`` that count, their values and which break the prices."""
        keep = eligible[o] & (caps[o] > 0) & ~pinned_unit[u]
        o, u = o[keep], u[keep]
        v, allowed = value(o, u)
        return o, u, v, np.nonzero(allowed & (v > p[u] + q[o]))[0]

    def row_block(start: int) -> Found:
        r = rows[start : start + step]
        room = head[None, :] - q[r][:, None]
        ri, ci = np.nonzero(room > 0)
        near = ~(
            6_371_008.8 * np.abs(lat_u[ci] - lat_o[r[ri]]) - 2.0
            >= room[ri, ci].astype(np.float64) * cert.travel_unit
        )
        return priced(r[ri[near]], cols[ci[near]])

    # blocks of rows in threads (numpy), their findings in row order: the same either way
    blocks = [priced(special[0], special_u[0]), priced(special[1], special_u[1])]
    blocks += distance.in_order(row_block, range(0, len(rows), step))
    for o, u, v, bad in blocks:
        for k in bad[: max(0, CERT_FINDINGS - found)].tolist():
            params = {
                "nrp": officers[int(o[k])].nrp,
                "unit": units[int(u[k])].uid,
                "value": int(v[k]),
                "price": int(p[u[k]] + q[o[k]]),
            }
            out.append(Violation("cakupan", "check.cert_pair_above_price", params))
        found += len(bad)
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
