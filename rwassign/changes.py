"""What a re-plan changed: the ``Perubahan`` sheet, computed from the old and new plans alone.

Kept apart from the solver so the account of changes depends only on the two plans and the
roster, whatever found the new plan.
"""

from __future__ import annotations

from collections import Counter

from rwassign.explain import localised, unit_name
from rwassign.model import Change, Location, Reason, SolveResult
from rwassign.rules import RULES

KINDS = (
    "TETAP",
    "TAMBAH",
    "PINDAH",
    "BARU",
    "DILEPAS",
    "UNIT_TERISI",
    "UNIT_KOSONG",
    "UNIT_DIHAPUS",
)


def compute_changes(
    result: SolveResult,
    previous: dict[str, str],
    removed: list[tuple[str, str, Location]],
    old_names: dict[str, str] | None = None,
) -> tuple[Change, ...]:
    """Every officer and unit touched by the re-plan, officers first (by NRP), then units."""
    inst = result.instance
    units = inst.unit_by_uid()
    by_nrp = {o.nrp: o for o in inst.officers if o.nrp}
    outcome = {oc.officer_index: oc for oc in result.outcomes}
    new_units: dict[str, list[str]] = {}
    for a in result.assignments:
        new_units.setdefault(inst.officers[a.officer_index].nrp, []).append(a.unit_uid)
    old_units: dict[str, list[str]] = {}
    for uid, nrp in previous.items():
        old_units.setdefault(nrp, []).append(uid)
    removed_by_nrp: dict[str, list[str]] = {}
    for label, nrp, _ in removed:
        removed_by_nrp.setdefault(nrp, []).append(label)
    reasons = {a.unit_uid: a.reason for a in result.assignments}
    holder_of = {a.unit_uid: inst.officers[a.officer_index] for a in result.assignments}

    def names(uids: list[str]) -> tuple[str, ...]:
        return tuple(unit_name(units[u]) for u in sorted(uids))

    out: list[Change] = []
    for nrp in sorted(set(old_units) | set(new_units) | set(removed_by_nrp)):
        o = by_nrp.get(nrp)
        old = sorted(old_units.get(nrp, []))
        gone = removed_by_nrp.get(nrp, [])
        new = sorted(new_units.get(nrp, []))
        before = names(old) + tuple(gone)
        after = names(new)
        nama = o.nama if o else (old_names or {}).get(nrp, "")
        if o is None:
            reason = Reason("change.left_roster", {})
            out.append(Change("DILEPAS", nrp, nama, before, (), reason))
        elif not outcome[o.index].eligible:
            failed = outcome[o.index].failed_rules
            why = localised(
                "; ".join(RULES[r].label_id for r in failed),
                "; ".join(RULES[r].label_en for r in failed),
            )
            out.append(
                Change("DILEPAS", nrp, nama, before, (), Reason("change.ineligible", {"why": why}))
            )
        elif not before and after:
            reason = reasons[new[0]]
            out.append(Change("BARU", nrp, nama, (), after, reason))
        elif old == new and not gone:
            out.append(Change("TETAP", nrp, nama, before, after, Reason("change.kept", {})))
        elif not gone and set(old) < set(new):
            # Kept every previous unit and took more: not a move (the solver counts none), so
            # it must not read as PINDAH with a "unit removed" reason.
            added = [u for u in new if u not in old]
            reason = Reason(
                "change.added",
                {
                    "kept": ", ".join(names(old)),
                    "added": ", ".join(names(added)),
                },
            )
            out.append(Change("TAMBAH", nrp, nama, before, after, reason))
        else:
            kind = "PINDAH" if after else "DILEPAS"
            lost = [u for u in old if u not in new]
            taken = [(u, holder_of[u]) for u in lost if u in holder_of]
            if taken:
                u, h = taken[0]
                reason = Reason(
                    "change.taken",
                    {"unit": unit_name(units[u]), "holder": f"{h.pangkat} {h.nama}"},
                )
            elif lost:
                reason = Reason("change.no_longer_legal", {"unit": unit_name(units[lost[0]])})
            else:
                reason = Reason("change.unit_removed", {})
            out.append(Change(kind, nrp, nama, before, after, reason))
    covered = {a.unit_uid for a in result.assignments}
    uncovered_reason = {u.unit_uid: u.reason for u in result.uncovered}
    for uid in sorted(covered - set(previous)):
        holder = holder_of[uid]
        out.append(
            Change(
                "UNIT_TERISI",
                "",
                "",
                (),
                (unit_name(units[uid]),),
                Reason("change.unit_covered", {"holder": f"{holder.pangkat} {holder.nama}"}),
            )
        )
    for uid in sorted(set(previous) - covered):
        out.append(
            Change("UNIT_KOSONG", "", "", (unit_name(units[uid]),), (), uncovered_reason[uid])
        )
    for label, nrp, _ in removed:
        out.append(Change("UNIT_DIHAPUS", nrp, "", (label,), (), Reason("change.unit_gone", {})))
    return tuple(out)


def count_changes(changes: tuple[Change, ...]) -> dict[str, int]:
    """Lines per kind, every kind present (0 when none), for the summary."""
    c = Counter(ch.kind for ch in changes)
    return {k: c.get(k, 0) for k in KINDS}
