"""Settings of a run: every policy a Polres may tighten or relax, with its documented default.

Settings come, in rising precedence, from the defaults below, a ``Pengaturan`` sheet in the
workbook, a TOML file (``--config``) and command-line flags.  ``SETTING_DOCS`` is the single
source for the README table and for the ``Ringkasan`` sheet, so the documentation cannot drift
from the code.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

from rwassign import i18n
from rwassign.normalize.words import NO_WORDS, YES_WORDS


@dataclass(frozen=True)
class SettingProblem:
    """Why a setting (or a value for one) is unusable: a catalogue code (``setting.*``) and
    its parameters, so the reason reads in the user's language wherever it is shown."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


class InvalidSettings(ValueError):
    """Settings or a setting's value that cannot be used; ``problems`` says why, as codes.

    A ``ValueError`` so that callers catching bad values keep working; its ``str`` is the
    English text, for developers (users see :meth:`both` through the catalogue).
    """

    def __init__(self, problems: list[SettingProblem]) -> None:
        self.problems = problems
        super().__init__(self.text("en"))

    def text(self, lang: str = "id") -> str:
        """Every reason, in ``lang``, joined with ``;``."""
        return "; ".join(i18n.text(p.code, p.params, lang) for p in self.problems)

    def both(self) -> dict[str, str]:
        """The reasons in both languages, as a parameter of another message."""
        return {"id": self.text("id"), "en": self.text("en")}


def reason(exc: Exception) -> dict[str, str]:
    """Why ``exc`` (from ``coerce``, ``Settings`` or ``replace``) refused a value, in both
    languages; an unforeseen error keeps its own text in both."""
    if isinstance(exc, InvalidSettings):
        return exc.both()
    if isinstance(exc, KeyError):
        return i18n.both("setting.unknown")
    return {"id": str(exc), "en": str(exc)}


@dataclass(frozen=True)
class Settings:
    """All knobs of a solve.  Field names are the keys accepted in TOML and ``Pengaturan``."""

    max_units_per_officer: int = 1
    max_travel_km: float | None = None
    time_limit_s: float = 60.0
    workers: int = 2
    allow_pamen: bool = False
    min_service_years: float = 5.0
    require_training: bool = True
    require_active: bool = True
    excluded_units: tuple[str, ...] = ()
    priority_weight_high: int = 3
    priority_weight_medium: int = 2
    priority_weight_low: int = 1
    admin_km_same_desa: float = 2.0
    admin_km_same_kecamatan: float = 10.0
    admin_km_same_polsek: float = 20.0
    admin_km_elsewhere: float = 50.0
    max_units_per_input: int = 50_000
    wilayah: tuple[str, ...] = ()
    desa_baru: tuple[str, ...] = ()
    lang: str = "id"

    def __post_init__(self) -> None:
        # Kesatuan text is compared in capitals; normalise here so a hand-built Settings behaves
        # like one read from a sheet or TOML file.
        normalised = tuple(sorted({x.strip().upper() for x in self.excluded_units if x.strip()}))
        object.__setattr__(self, "excluded_units", normalised)
        for name in _NAME_LISTS:  # a list from JSON or TOML: keep it hashable and comparable
            object.__setattr__(self, name, _names(getattr(self, name)))
        problems = validate(self)
        if problems:
            raise InvalidSettings(problems)

    def priority_weight(self, priority: int) -> int:
        """Weight of covering a unit of priority 3/2/1 (Tinggi/Sedang/Rendah)."""
        return {
            3: self.priority_weight_high,
            2: self.priority_weight_medium,
            1: self.priority_weight_low,
        }[priority]

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    def as_rows(self) -> list[tuple[str, str]]:
        """(key, value) pairs for the summary, in declaration order."""
        rows = []
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is None:
                text = "-"
            elif isinstance(value, tuple):
                text = ", ".join(value) if value else "-"
            elif isinstance(value, bool):
                text = "ya" if value else "tidak"
            else:
                text = str(value)
            rows.append((f.name, text))
        return rows


SETTING_DOCS: dict[str, tuple[str, str]] = {
    # key: (Bahasa Indonesia, English)
    "max_units_per_officer": (
        "Jumlah RW/dusun paling banyak per personel (2-3 lazim bila personel kurang).",
        "Most units one officer may hold (2-3 is common when members are short).",
    ),
    "max_travel_km": (
        "Batas jarak rumah-RW dalam km; kosong = tanpa batas.",
        "Hard limit on home-to-unit distance in km; empty = none.",
    ),
    "time_limit_s": (
        "Batas waktu solver dalam detik; bila tercapai, rencana terbaik dan gap dilaporkan.",
        "Solver time limit in seconds; when reached, the best plan and its gap are reported.",
    ),
    "workers": (
        "Jumlah thread solver CP-SAT (hasil tidak bergantung pada nilai ini).",
        "CP-SAT worker threads (the plan does not depend on this).",
    ),
    "allow_pamen": (
        "Izinkan Perwira Menengah (Kompol-Kombes) menjadi Polisi RW (dengan peringatan).",
        "Allow Perwira Menengah (Kompol-Kombes) as Polisi RW (with a warning).",
    ),
    "min_service_years": (
        "Masa dinas minimum Bintara dalam tahun (Perpol 1/2021: 5).",
        "Minimum years of service of a Bintara (Perpol 1/2021: 5).",
    ),
    "require_training": (
        "Wajib sudah pelatihan Polmas, bila roster mencatatnya.",
        "Require Polmas training, where the roster records it.",
    ),
    "require_active": (
        "Wajib berstatus aktif, bila roster mencatat status.",
        "Require active status, where the roster records status.",
    ),
    "excluded_units": (
        "Satuan/fungsi yang dikecualikan, dipisah koma (mis. DOKKES).",
        "Units/functions excluded, comma separated (e.g. DOKKES).",
    ),
    "priority_weight_high": (
        "Bobot RW prioritas Tinggi.",
        "Weight of a Tinggi (high) priority unit.",
    ),
    "priority_weight_medium": ("Bobot RW prioritas Sedang.", "Weight of a Sedang (medium) unit."),
    "priority_weight_low": ("Bobot RW prioritas Rendah.", "Weight of a Rendah (low) unit."),
    "admin_km_same_desa": (
        "Jarak pengganti (km) bila titik tidak diketahui (tanpa koordinat, desa tidak ada di "
        "daftar desa): desa sama.",
        "Stand-in distance (km) when a point is unknown (no coordinates, desa not in the desa "
        "list): same desa.",
    ),
    "admin_km_same_kecamatan": (
        "Jarak pengganti (km): kecamatan sama.",
        "Stand-in distance (km): same kecamatan.",
    ),
    "admin_km_same_polsek": (
        "Jarak pengganti (km): Polsek sama.",
        "Stand-in distance (km): same Polsek.",
    ),
    "admin_km_elsewhere": (
        "Jarak pengganti (km): di luar Polsek.",
        "Stand-in distance (km): elsewhere.",
    ),
    "max_units_per_input": (
        "Jumlah RW/dusun paling banyak dalam satu masukan; melebihinya = galat masukan (menjaga "
        "dari salah ketik jumlah RW). Polres terbesar jauh di bawah 50.000.",
        "Most units one input may hold; more is an input error (a guard against a mistyped unit "
        "count). The largest Polres is far below 50,000.",
    ),
    "wilayah": (
        "Kabupaten/kota wilayah Polres (nama atau kode, dipisah koma), menggantikan pengenalan "
        "otomatis dari nama desa; kosong = dikenali sendiri.",
        "The Polres's kabupaten/kota (names or codes, comma separated), instead of recognising "
        "it from the desa names; empty = recognised.",
    ),
    "desa_baru": (
        "Desa/kelurahan baru yang belum ada di daftar desa, dipisah koma; ditempatkan di pusat "
        "kecamatannya.",
        "New desa/kelurahan not yet in the desa list, comma separated; placed at their "
        "kecamatan's centre.",
    ),
    "lang": ("Bahasa pesan: id atau en.", "Message language: id or en."),
}

#: Settings that are lists of place names, written comma separated in a cell or flag.
_NAME_LISTS = ("wilayah", "desa_baru")


def _names(raw: Any) -> tuple[str, ...]:
    """Place names from a list or comma-separated text, spaces trimmed, first spelling kept."""
    items = [str(x) for x in raw] if isinstance(raw, (list, tuple)) else str(raw).split(",")
    out: dict[str, str] = {}
    for item in items:
        name = " ".join(item.split())
        if name:
            out.setdefault(name.casefold(), name)
    return tuple(out.values())


#: Upper bounds that keep every setting meaningful and the solver's integer costs in range.
LIMITS: dict[str, float] = {
    "max_units_per_officer": 1000,
    "max_travel_km": 20_000,
    "time_limit_s": 86_400,
    "workers": 64,
    "min_service_years": 60,
    "priority_weight_high": 1000,
    "priority_weight_medium": 1000,
    "priority_weight_low": 1000,
    "admin_km_same_desa": 20_000,
    "admin_km_same_kecamatan": 20_000,
    "admin_km_same_polsek": 20_000,
    "admin_km_elsewhere": 20_000,
    "max_units_per_input": 1_000_000,
}


def validate(s: Settings) -> list[SettingProblem]:
    """Why ``s`` is unusable, as catalogue codes (empty when it is fine)."""
    out: list[SettingProblem] = []
    numbers = {
        f.name: getattr(s, f.name)
        for f in dataclasses.fields(s)
        if isinstance(getattr(s, f.name), int | float) and not isinstance(getattr(s, f.name), bool)
    }
    for name, value in numbers.items():
        limit = LIMITS.get(name, 1e6)
        if not math.isfinite(value) or abs(value) > limit:
            out.append(SettingProblem("setting.too_large", {"key": name, "limit": f"{limit:g}"}))
    if out:
        return out
    if s.max_units_per_officer < 1:
        out.append(SettingProblem("setting.one_or_more", {"key": "max_units_per_officer"}))
    if s.max_travel_km is not None and s.max_travel_km <= 0:
        out.append(SettingProblem("setting.above_zero", {"key": "max_travel_km"}))
    if s.time_limit_s <= 0:
        out.append(SettingProblem("setting.above_zero", {"key": "time_limit_s"}))
    if s.workers < 1:
        out.append(SettingProblem("setting.one_or_more", {"key": "workers"}))
    if s.max_units_per_input < 1:
        out.append(SettingProblem("setting.one_or_more", {"key": "max_units_per_input"}))
    if s.min_service_years < 0:
        out.append(SettingProblem("setting.zero_or_more", {"key": "min_service_years"}))
    weights = (s.priority_weight_high, s.priority_weight_medium, s.priority_weight_low)
    if any(w < 1 for w in weights):
        out.append(SettingProblem("setting.weights"))
    km = (
        s.admin_km_same_desa,
        s.admin_km_same_kecamatan,
        s.admin_km_same_polsek,
        s.admin_km_elsewhere,
    )
    if any(k < 0 for k in km) or list(km) != sorted(km):
        out.append(SettingProblem("setting.admin_km"))
    if s.lang not in ("id", "en"):
        out.append(SettingProblem("setting.lang"))
    return out


def coerce(key: str, raw: Any) -> Any:
    """Convert a raw value (TOML, a spreadsheet cell or a flag) to the type of setting ``key``.

    Raises ``KeyError`` for an unknown key and :class:`InvalidSettings` (a ``ValueError``) with
    the reason as a code for a value of the wrong type, so the reader can point at the cell.
    """
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    if key not in fields:
        raise KeyError(key)
    default = fields[key].default
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if key == "max_travel_km":
            return None
        if key in _NAME_LISTS:
            return ()
        raise _bad("setting.empty")
    if key in _NAME_LISTS:
        return _names(raw)
    if key == "excluded_units":
        items = [str(x) for x in raw] if isinstance(raw, (list, tuple)) else str(raw).split(",")
        return tuple(sorted({x.strip().upper() for x in items if x.strip()}))
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in YES_WORDS:
            return True
        if text in NO_WORDS:
            return False
        raise _bad("setting.expect_yes_no")
    if key == "lang":
        return str(raw).strip().lower()
    try:
        value = float(str(raw).replace(",", "."))
    except ValueError:
        raise _bad("setting.expect_number") from None
    if not math.isfinite(value):
        raise _bad("setting.expect_number")
    if isinstance(default, int) and not isinstance(default, bool):
        if value != int(value):
            raise _bad("setting.expect_whole")
        return int(value)
    return value


def _bad(code: str) -> InvalidSettings:
    return InvalidSettings([SettingProblem(code)])


def from_mapping(values: dict[str, Any], base: Settings | None = None) -> Settings:
    """Build settings from ``base`` overridden by ``values`` (already-coerced or raw)."""
    base = base or Settings()
    changes = {k: coerce(k, v) for k, v in values.items()}
    return base.replace(**changes)
