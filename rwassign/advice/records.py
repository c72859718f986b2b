"""The three tables of the shortage advice, as plain records (no solver, no spreadsheet).

Counts by priority are ``(Tinggi, Sedang, Rendah)`` triples throughout, so the tables, the
JSON and the workbook read the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Member:
    """A candidate for the Polmas course, as the table names them."""

    nrp: str
    nama: str
    pangkat: str
    kesatuan: str


@dataclass(frozen=True)
class TrainingRow:
    """Train these ``members`` (at most ``k``) and the plan gains ``added`` units.

    ``added`` and ``added_by_priority`` compare with the plan of today (no one trained);
    ``weighted_added`` is the priority-weighted gain the solver maximises first.  ``nested``
    is False when the set is not the previous row's set plus members (the best sets of
    consecutive sizes need not grow one by one).  ``proven`` rows are exact; others carry the
    gap to the proven bound.  ``checked`` says the independent checker accepted the row's plan.
    """

    k: int
    members: tuple[Member, ...]
    added: int
    added_by_priority: tuple[int, int, int]
    weighted_added: int
    residence_added: int
    travel_km_change: float
    nested: bool
    proven: bool
    coverage_proven: bool
    gap: float
    method: str
    checked: bool
    seconds: float


@dataclass(frozen=True)
class KecamatanRow:
    """One kecamatan: its units, the eligible members living there, what stays open and the
    fewest extra eligible members (living there) a new plan needs to cover its Tinggi units,
    then all its units, while every unit the plan of today covers elsewhere stays covered.

    ``exact_*`` is False where a travel limit keeps extra members from sharing units as the
    count assumes: the figure is then a plan that works and ``*_low`` the proven lower bound.
    """

    kecamatan: str
    polsek: str
    units: int
    units_by_priority: tuple[int, int, int]
    eligible_living: int
    open_by_priority: tuple[int, int, int]
    extra_for_high: int
    extra_for_all: int
    high_low: int
    all_low: int
    exact_high: bool
    exact_all: bool
    checked: bool


@dataclass(frozen=True)
class SettingsRow:
    """The exact plan under one setting of the cap and the travel limit (km, None = none)."""

    cap: int
    max_travel_km: float | None
    status: str
    covered: int
    covered_by_priority: tuple[int, int, int]
    open: int
    residence: int
    travel_km: float
    gap: float
    checked: bool
    current: bool


@dataclass(frozen=True)
class Advice:
    """Everything ``rwassign saran`` prints and writes, for one Polres.

    ``candidates`` are the members who fail only the training rule; ``max_k`` the largest k
    asked for; ``saturated_at`` the k from which training more members adds nothing (None
    when the table stops at ``max_k`` first).  ``baseline`` is today's coverage by priority.
    """

    polres: str
    kinds: str
    units: int
    units_by_priority: tuple[int, int, int]
    eligible: int
    cap: int
    max_travel_km: float | None
    baseline_by_priority: tuple[int, int, int]
    candidates: int
    max_k: int
    training: tuple[TrainingRow, ...]
    saturated_at: int | None
    kecamatan: tuple[KecamatanRow, ...]
    settings: tuple[SettingsRow, ...]
    whatif_km: float
    seconds: dict[str, float] = field(default_factory=dict)
