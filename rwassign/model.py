"""Domain records of rwassign.

These records know nothing of OR-Tools, pandas or openpyxl: they are what the spreadsheet
reader produces and what the solver, the checker and the writers consume.  They are frozen so
that a plan, once made, cannot be changed by accident between the check and the write, and they
validate their own invariants at construction, naming the record that is wrong.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class RankGroup(enum.Enum):
    """Rank groups of Polri and its civilian staff, as in DOMAIN.md."""

    PATI = "Perwira Tinggi"
    PAMEN = "Perwira Menengah"
    PAMA = "Perwira Pertama"
    BINTARA = "Bintara"
    TAMTAMA = "Tamtama"
    PNS = "PNS Polri"
    PPPK = "PPPK/Honorer"


@dataclass(frozen=True)
class Rank:
    """One rank or civil-service grade.

    ``code`` is the official abbreviation in capitals (``BRIPKA``, ``AKBP``, ``PENATA TK I``);
    ``words`` is the rank in full words as printed in a signature block
    (``AJUN KOMISARIS BESAR POLISI``); ``order`` sorts ranks, higher is more senior.
    """

    code: str
    words: str
    group: RankGroup
    order: int


@dataclass(frozen=True)
class Location:
    """Where an input value came from, so every message can point at the cell.

    ``row`` is the 1-based spreadsheet row (as Excel shows it); ``column`` the header text as
    the user wrote it (or a column letter when no header applies).
    """

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


class Severity(enum.Enum):
    """An ERROR blocks a plan; a WARNING is listed in the output and does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem found in the input or settings.

    The text is not stored here: ``code`` names a message template in ``rwassign.i18n``
    and ``params`` fills it, so the same problem can be shown in Bahasa Indonesia or English.
    """

    code: str
    severity: Severity
    location: Location
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(frozen=True)
class Point:
    """A WGS84 point. Validated so that swapped or garbage coordinates cannot reach the solver."""

    lat: float
    lng: float

    def __post_init__(self) -> None:
        if not (-90.0 <= self.lat <= 90.0) or not (-180.0 <= self.lng <= 180.0):
            raise ValueError(f"coordinates out of range: lat {self.lat}, lng {self.lng}")


PRIORITY_LABELS: dict[int, str] = {3: "Tinggi", 2: "Sedang", 1: "Rendah"}


@dataclass(frozen=True)
class Unit:
    """One RW / dusun / banjar / lingkungan: the thing a Polisi RW is put in charge of.

    ``uid`` is canonical (kecamatan, desa and number normalised) so that ``RW 2``, ``RW.02`` and
    ``002`` in the same desa are one unit.  ``point`` is the unit's own coordinates, else its
    desa's, else its desa's centroid from the gazetteer, else its kecamatan's (``point_source``
    says which: ``unit``, ``desa``, ``pusat_desa``, ``pusat_kecamatan``), else ``None``.
    """

    uid: str
    kecamatan: str
    desa: str
    kind: str
    number: int
    polsek: str
    priority: int = 1
    point: Point | None = None
    point_source: str = "none"
    kode_desa: str | None = None
    source: Location | None = None

    def __post_init__(self) -> None:
        if self.number < 1:
            raise ValueError(f"unit {self.uid}: number must be 1 or more, got {self.number}")
        if self.priority not in PRIORITY_LABELS:
            raise ValueError(f"unit {self.uid}: priority must be 1, 2 or 3, got {self.priority}")

    @property
    def label(self) -> str:
        """Display label, e.g. ``RW 03`` or ``Dusun 2`` (RW numbers are written with two digits)."""
        if self.kind.upper() == "RW":
            return f"RW {self.number:02d}"
        return f"{self.kind} {self.number}"

    @property
    def desa_key(self) -> str:
        return self.uid.rsplit("|", 1)[0]


@dataclass(frozen=True)
class Officer:
    """One roster row (a Polri member, PNS or contract staff).

    Optional facts are ``None`` when the roster does not record them, which is different from
    ``False``: a rule whose fact is unknown cannot be checked and is reported once as a warning.
    ``home_unit`` is the uid of the unit they live in when the address matched one;
    ``home_desa`` the desa key when only the desa matched.  ``home_point_source`` says where
    the home's point comes from (``unit``, ``desa``, ``pusat_desa``, ``pusat_kecamatan`` or
    ``none``; see :mod:`rwassign.places`), so a distance can say on what it rests.
    """

    index: int
    nama: str
    nrp: str
    rank: Rank | None
    rank_text: str = ""
    jabatan: str = ""
    kesatuan: str = ""
    home_unit: str | None = None
    home_desa: str | None = None
    home_kecamatan: str | None = None
    home_point: Point | None = None
    home_point_source: str = "none"  # as Unit.point_source: where the home's point comes from
    bhabinkamtibmas: bool | None = None
    trained: bool | None = None
    service_years: float | None = None
    status: str | None = None
    active: bool | None = None
    pin: str | None = None  # raw Kunci/Tetap text: the unit this member must hold
    source: Location | None = None

    def __post_init__(self) -> None:
        if not self.nama.strip():
            raise ValueError(f"officer at index {self.index}: empty name")

    @property
    def pangkat(self) -> str:
        return self.rank.code if self.rank else self.rank_text


@dataclass(frozen=True)
class PlaceSummary:
    """What the place step recognised: the wilayah (``"Kabupaten Rejang Lebong, Bengkulu"``;
    empty when nothing was recognised) and how many of the sheet's desa it found there."""

    wilayah: tuple[str, ...]
    recognised: int
    total: int


@dataclass(frozen=True)
class Instance:
    """A whole Polres: its units, its roster and the kecamatan-to-Polsek map.

    Construction checks the invariants the solver relies on (unique unit uids, unique NRPs),
    naming both rows of a duplicate.  ``places`` is what the reader's place step recognised
    (``None`` for an instance built without it).
    """

    name: str
    units: tuple[Unit, ...]
    officers: tuple[Officer, ...]
    places: PlaceSummary | None = None

    def __post_init__(self) -> None:
        seen: dict[str, Unit] = {}
        for u in self.units:
            if u.uid in seen:
                raise ValueError(f"unit {u.label} of {u.desa} appears twice")
            seen[u.uid] = u
        nrps: dict[str, Officer] = {}
        for pos, o in enumerate(self.officers):
            if o.index != pos:
                raise ValueError(f"officer {o.nama} has index {o.index} at roster position {pos}")
            if o.nrp and o.nrp in nrps:
                raise ValueError(f"NRP {o.nrp} appears twice")
            nrps[o.nrp] = o

    def unit_by_uid(self) -> dict[str, Unit]:
        return {u.uid: u for u in self.units}


# --- Results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """Why a decision was taken: a message code in ``rwassign.i18n`` and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


class SolveStatus(enum.Enum):
    """Outcome of a solve.  Infeasible is a status, not an exception."""

    OPTIMAL = "OPTIMAL"
    FEASIBLE = "FEASIBLE"  # a plan, but the time limit stopped the proof: see ``gap``
    NO_PLAN = "NO_PLAN"  # no plan within the limits


@dataclass(frozen=True)
class Assignment:
    """One officer put in charge of one unit."""

    unit_uid: str
    officer_index: int
    travel_km: float
    resident: bool
    distance_basis: str  # koordinat / pusat desa / pusat kecamatan / administratif (places)
    reason: Reason


@dataclass(frozen=True)
class OfficerOutcome:
    """What happened to one roster row: assigned, reserve or ineligible, and why."""

    officer_index: int
    eligible: bool
    failed_rules: tuple[str, ...]
    units: tuple[str, ...]
    reason: Reason


@dataclass(frozen=True)
class UncoveredUnit:
    unit_uid: str
    reason: Reason


@dataclass(frozen=True)
class Objective:
    """The lexicographic objective, level by level (higher coverage and residence are better,
    lower travel is better)."""

    weighted_coverage: int
    covered: int
    residence: int
    travel_m: int

    @property
    def travel_km(self) -> float:
        return self.travel_m / 1000.0


def travel_slack_m(pairs: int, n_units: int, travel_unit: int) -> int:
    """How much less a plan equal on every level above travel may travel when travel is counted
    in steps of ``travel_unit`` metres (large re-plans): each pair is rounded by at most half a
    step, in the plan (``pairs`` pairs) and in the better one (at most one pair per unit)."""
    return (pairs + n_units) * travel_unit // 2 if travel_unit > 1 else 0


@dataclass(frozen=True)
class Change:
    """One line of the ``Perubahan`` sheet of a re-plan.

    ``kind``: TETAP (unchanged), TAMBAH (kept every previous unit and took more), PINDAH
    (moved), BARU (newly assigned), DILEPAS (released),
    UNIT_TERISI (unit newly covered), UNIT_KOSONG (unit newly uncovered), UNIT_DIHAPUS (an old
    assignment to a unit that no longer exists).  ``nrp``/``nama`` are empty for unit lines.
    """

    kind: str
    nrp: str
    nama: str
    old_units: tuple[str, ...]
    new_units: tuple[str, ...]
    reason: Reason


@dataclass(frozen=True)
class SolveResult:
    """Everything ``solve()`` knows: status, plan, objective and bound, timings, explanations.

    ``outcomes`` is in roster order, one per officer, so no roster row disappears.
    ``gap`` is the relative gap of the lexicographic objective (0.0 when proven optimal).
    """

    status: SolveStatus
    instance: Instance
    settings: Any  # rwassign.settings.Settings (kept untyped here to keep this module leaf)
    assignments: tuple[Assignment, ...]
    outcomes: tuple[OfficerOutcome, ...]
    uncovered: tuple[UncoveredUnit, ...]
    objective: Objective | None
    bound: Objective | None
    gap: float
    seconds: dict[str, float]
    warnings: tuple[Problem, ...] = ()
    unchecked_rules: tuple[str, ...] = ()
    moves: int | None = None  # re-plan: officers who lost a previous, still legal pair
    travel_unit_m: int = 1  # resolution of the travel level (1 m unless a large re-plan)
    changes: tuple[Change, ...] = ()  # re-plan: the Perubahan sheet
    # rwassign.certificate.Certificate: the dual prices proving the plan optimal, re-checked by
    # rwassign.checker (untyped here to keep this module leaf)
    certificate: Any = None

    def assignment_rows(self) -> list[tuple[str, str]]:
        """(unit uid, NRP) pairs sorted by unit: the part that must be identical run to run."""
        offs = {o.index: o for o in self.instance.officers}
        return sorted((a.unit_uid, offs[a.officer_index].nrp) for a in self.assignments)
