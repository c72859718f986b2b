"""Synthetic Polres workbooks: the sample files, the benchmark and the tests all use these.

Real rosters are personal data (UU PDP 27/2022), so every person here is invented: names are
drawn from lists of common Indonesian given names, NRPs and NIPs are random numbers that only
follow the published format.  The *places* of the sample are real: the 104 desa/kelurahan of
Kabupaten Lebong with their Kemendagri codes and centroids (``data/reference``), so the sample
looks like what a Sat Binmas clerk would really type, title rows, mixed unit labels, rank and
NRP in one column and all.

Two shapes come out of one generator:

* the **sample** (``n_units=None``): Polres Lebong, real desa, seeded counts of RW (kelurahan)
  and dusun (desa), the real kecamatan-to-Polsek map;
* **benchmark** sizes (``n_units=2000`` ...): invented desa in invented kecamatan, clustered over
  about 60 x 60 km, written with openpyxl's write-only mode so 5,000 units and 5,000 members
  take a few seconds.

The same seed always gives the same cell values (openpyxl stamps the file's save time into
its metadata, so the bytes differ; the cells do not).  This module is a tool for building
inputs, not part of the installed package: it reads its reference data from the repository's
``data/reference`` folder, so it runs from a checkout (scripts, tests, benchmarks), never from
an installed ``rwassign``.

Long because one generator draws both shapes, territory, roster and workbook layout, and the
parts share the seeded random stream: split up, the same seed would no longer give the same
cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from rwassign.settings import SETTING_DOCS

DEFAULT_REFERENCE = (
    Path(__file__).resolve().parents[1] / "data" / "reference" / "lebong_desa_kelurahan.csv"
)
"""The Lebong desa list shipped with the repository (see ``data/reference/README.md``)."""

AS_OF = dt.date(2026, 11, 1)
"""The roster's "keadaan" date: service years and ages are counted to it."""

# Polsek of Polres Lebong: three Polsek cover two kecamatan each (DOMAIN.md), the rest one.
LEBONG_POLSEK: dict[str, str] = {
    "Lebong Utara": "Polsek Lebong Utara",
    "Pinang Belapis": "Polsek Lebong Utara",
    "Lebong Selatan": "Polsek Lebong Selatan",
    "Bingin Kuning": "Polsek Lebong Selatan",
    "Rimbo Pengadang": "Polsek Rimbo Pengadang",
    "Topos": "Polsek Rimbo Pengadang",
    "Lebong Atas": "Polsek Lebong Atas",
    "Lebong Tengah": "Polsek Lebong Tengah",
    "Lebong Sakti": "Polsek Lebong Sakti",
    "Amen": "Polsek Amen",
    "Uram Jaya": "Polsek Uram Jaya",
    "Tubei": "Polsek Tubei",
}
LEBONG_HQ_DESA = "Tanjung Agung"  # kelurahan in Kec. Tubei: the barracks (asrama) are here

UNIT_HEADER = (
    "NO",
    "KECAMATAN",
    "DESA/KELURAHAN",
    "KODE DESA",
    "JENIS",
    "RW/DUSUN",
    "LINTANG",
    "BUJUR",
    "KERAWANAN",
)
COUNT_HEADER = (
    "NO",
    "KECAMATAN",
    "DESA/KELURAHAN",
    "KODE",
    "JENIS WILAYAH",
    "JUMLAH RW/DUSUN",
    "LINTANG",
    "BUJUR",
    "KERAWANAN",
)
ROSTER_HEADER = (
    "NO",
    "NAMA",
    "PANGKAT/NRP",
    "JABATAN",
    "KESATUAN",
    "DOMISILI KECAMATAN",
    "DOMISILI DESA/KEL",
    "DOMISILI RW/DUSUN",
    "PELATIHAN POLMAS",
    "TMT",
    "STATUS",
    "KET",
)
POLSEK_HEADER = ("KECAMATAN", "POLSEK")
SETTINGS_HEADER = ("key", "nilai", "keterangan")

PRIORITIES = (("Tinggi", 0.15), ("Sedang", 0.35), ("Rendah", 0.50))

# --- reference data -------------------------------------------------------------------------


@dataclass(frozen=True)
class RefDesa:
    """One desa/kelurahan of the reference list."""

    kode: str
    nama: str
    jenis: str  # "Desa" or "Kelurahan"
    kecamatan: str
    lat: float
    lng: float


def load_reference(path: Path = DEFAULT_REFERENCE) -> list[RefDesa]:
    """Read the desa list (columns as in ``data/reference/README.md``), in file order."""
    with open(path, newline="", encoding="utf-8") as f:
        return [
            RefDesa(
                kode=row["kode_kemendagri"],
                nama=row["nama"],
                jenis=row["jenis"],
                kecamatan=row["kecamatan"],
                lat=float(row["lat"]),
                lng=float(row["lng"]),
            )
            for row in csv.DictReader(f)
        ]


# --- the territory --------------------------------------------------------------------------


@dataclass
class _Desa:
    kecamatan: str
    nama: str
    kode: str
    kelurahan: bool
    lat: float
    lng: float
    n_units: int
    priority: str
    label_style: int
    units: list[_Unit] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "RW" if self.kelurahan else "Dusun"


@dataclass
class _Unit:
    desa: _Desa
    number: int
    lat: float | None
    lng: float | None
    priority: str


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _roman(n: int) -> str:
    return _ROMAN[n - 1] if 1 <= n <= len(_ROMAN) else str(n)


def _unit_label(kind: str, number: int, style: int) -> str:
    """A unit label as clerks write it; ``style`` picks one of the forms seen in real lists."""
    if kind == "RW":
        return ("RW {n:02d}", "RW.{n}", "RW {n}", "Rw. {n:02d}")[style % 4].format(n=number)
    return ("Dusun {r}", "DSN {n}", "Dusun {n}", "DUSUN {r}")[style % 4].format(
        n=number, r=_roman(number)
    )


def _home_label(kind: str, number: int, rng: random.Random) -> str:
    """How the roster writes a home RW/dusun: upper case, another style than the unit sheet."""
    if kind == "RW":
        return rng.choice(("RW {n:02d}", "RW {n}", "RW.{n:03d}")).format(n=number)
    return rng.choice(("DUSUN {n}", "DSN {r}", "DUSUN {r}")).format(n=number, r=_roman(number))


def _jitter(
    rng: random.Random, lat: float, lng: float, lo_km: float, hi_km: float
) -> tuple[float, float]:
    """A point ``lo_km``-``hi_km`` from (lat, lng) in a random direction."""
    d = rng.uniform(lo_km, hi_km)
    b = rng.uniform(0.0, 2.0 * math.pi)
    dlat = d * math.cos(b) / 111.32
    dlng = d * math.sin(b) / (111.32 * math.cos(math.radians(lat)))
    return round(lat + dlat, 6), round(lng + dlng, 6)


def _priority(rng: random.Random) -> str:
    r = rng.random()
    acc = 0.0
    for label, p in PRIORITIES:
        acc += p
        if r < acc:
            return label
    return PRIORITIES[-1][0]


def _dusun_count(rng: random.Random) -> int:
    """2-5 dusun per desa, mostly 2-3 (Lebong's desa are small)."""
    return rng.choices((2, 3, 4, 5), weights=(30, 35, 20, 15))[0]


def _add_units(rng: random.Random, desa: _Desa, blank_share: float) -> None:
    """Give ``desa`` its units: points around the centroid, a few without coordinates (but
    never all of a desa, so the desa keeps a point the reader can derive)."""
    keep_point = rng.randrange(desa.n_units)
    for number in range(1, desa.n_units + 1):
        lat: float | None
        lng: float | None
        if number - 1 != keep_point and rng.random() < blank_share:
            lat = lng = None
        else:
            lat, lng = _jitter(rng, desa.lat, desa.lng, 0.3, 1.5)
        desa.units.append(_Unit(desa, number, lat, lng, _priority(rng)))


def _lebong_territory(
    rng: random.Random, reference: Path
) -> tuple[list[_Desa], dict[str, str], str]:
    desas: list[_Desa] = []
    for ref in load_reference(reference):
        kel = ref.jenis.lower() == "kelurahan"
        n = rng.randint(3, 10) if kel else _dusun_count(rng)
        desas.append(
            _Desa(
                kecamatan=ref.kecamatan,
                nama=ref.nama,
                kode=ref.kode,
                kelurahan=kel,
                lat=ref.lat,
                lng=ref.lng,
                n_units=n,
                priority=_priority(rng),
                label_style=rng.randrange(4),
            )
        )
    return desas, dict(LEBONG_POLSEK), LEBONG_HQ_DESA


_PLACE_A = (
    "Air", "Bukit", "Muara", "Talang", "Tanjung", "Sungai", "Batu", "Padang", "Rantau",
    "Lubuk", "Pematang", "Karang", "Sumber", "Suka", "Tebing", "Ulu", "Kota", "Tanah",
)  # fmt: skip
_PLACE_B = (
    "Jaya", "Makmur", "Baru", "Sari", "Indah", "Mulya", "Harapan", "Raya", "Agung", "Permai",
    "Tengah", "Lama", "Kencana", "Bening", "Putih", "Panjang", "Rejo", "Damai",
)  # fmt: skip


def _synthetic_territory(
    rng: random.Random, n_units: int
) -> tuple[list[_Desa], dict[str, str], str]:
    """Invented desa, clustered by kecamatan over about 60 x 60 km, until ``n_units`` units.

    The mix follows Lebong: about one desa in ten is a kelurahan (3-10 RW), the rest desa with
    2-5 dusun; a kecamatan has 10-15 desa and its own Polsek.
    """
    names = [f"{a} {b}" for a in _PLACE_A for b in _PLACE_B]
    rng.shuffle(names)
    lat0, lng0, half_km = -3.2, 102.3, 30.0
    desas: list[_Desa] = []
    polsek: dict[str, str] = {}
    total = 0
    k = 0
    while total < n_units:
        kec = names[k % len(names)] + ("" if k < len(names) else f" {k // len(names) + 1}")
        polsek[kec] = f"Polsek {kec}"
        c_lat, c_lng = _jitter(rng, lat0, lng0, 0.0, half_km)
        for j in range(rng.randint(10, 15)):
            if total >= n_units:
                break
            i = len(desas)
            kel = i == 0 or rng.random() < 11 / 104
            n = min(rng.randint(3, 10) if kel else _dusun_count(rng), n_units - total)
            d_lat, d_lng = _jitter(rng, c_lat, c_lng, 0.0, abs(rng.gauss(0.0, 3.0)) + 0.5)
            desas.append(
                _Desa(
                    kecamatan=kec,
                    nama=f"{names[(i * 7 + 3) % len(names)]} {i + 1}",
                    kode=f"99.{k // 99 + 1:02d}.{k % 99 + 1:02d}.{1 if kel else 2}{j + 1:03d}",
                    kelurahan=kel,
                    lat=d_lat,
                    lng=d_lng,
                    n_units=n,
                    priority=_priority(rng),
                    label_style=rng.randrange(4),
                )
            )
            total += n
        k += 1
    return desas, polsek, desas[0].nama


# --- the roster -----------------------------------------------------------------------------

_MALE = (
    "AGUS", "BUDI", "DEDI", "EKO", "FERI", "HENDRA", "RIKO", "YOGI", "RAHMAT", "ANDI", "BAYU",
    "DONI", "FAJAR", "GALIH", "HERU", "IRFAN", "JONI", "KURNIA", "LUKMAN", "MUHAMMAD", "NANDA",
    "OKTA", "PUTRA", "RIZKI", "SANDI", "TEGUH", "WAHYU", "YUDI", "ZULKIFLI", "ARIF", "DIMAS",
    "ERWIN", "HADI", "IWAN", "RUDI", "SLAMET", "TOMI", "ADE", "DANI", "ROBI",
)  # fmt: skip
_FEMALE = (
    "SITI", "DEWI", "RINA", "YULI", "NOVI", "LESTARI", "MAYA", "PUTRI", "INDAH", "WULAN",
    "FITRI", "RATNA", "SRI", "AYU", "DIAN",
)  # fmt: skip
_SECOND_M = (
    "SAPUTRA", "PRATAMA", "SETIAWAN", "HIDAYAT", "KURNIAWAN", "NUGROHO", "SANTOSO", "WIJAYA",
    "SUSANTO", "FIRMANSYAH", "HARYANTO", "RAMADHAN", "SYAHPUTRA", "PERMANA", "GUNAWAN",
    "SUPRIADI", "IRAWAN", "HARAHAP", "EFENDI", "ANGGARA", "MARDIANSYAH", "JUNAIDI", "AZHARI",
    "PRASETYO", "ALAMSYAH",
)  # fmt: skip
_SECOND_F = (
    "SAPUTRI", "HANDAYANI", "WATI", "SARI", "YANTI", "LESTARI", "RAHMAWATI", "PERTIWI",
    "NOVITASARI", "KUSUMA", "ANGGRAINI", "WULANDARI",
)  # fmt: skip
_DEGREES = ("S.H.", "S.Kom", "S.E.", "S.Sos", "A.Md", "S.H., M.H.")
_DEGREES_OFFICER = ("S.I.K.", "S.H.", "S.I.K., M.H.", "S.H., M.H.", "S.Sos")

# (code as written, weight, service years range, spelling variant or None)
_BINTARA = (
    ("BRIPDA", 12, (0, 2), None),
    ("BRIPTU", 14, (3, 6), "BRIPTU POL."),
    ("BRIGPOL", 22, (6, 10), "BRIGADIR"),
    ("BRIPKA", 24, (9, 16), "BRIPKA POL."),
    ("AIPDA", 16, (14, 22), "AIBDA"),
    ("AIPTU", 12, (18, 34), "AIPTU POL"),
)
_TAMTAMA = (
    ("BHARADA", 40, (0, 2), None),
    ("BHARATU", 30, (2, 5), None),
    ("BHARAKA", 20, (5, 9), None),
    ("ABRIPDA", 10, (8, 13), None),
)
_PAMA = (
    ("IPDA", 45, (4, 30), "IPDA POL"),
    ("IPTU", 35, (8, 30), "Iptu"),
    ("AKP", 20, (10, 30), None),
)
_PAMEN = (("KOMPOL", 70, (18, 30), None), ("AKBP", 30, (20, 30), None))
_PNS = (
    ("PENATA TK I", 10, (20, 34), None),
    ("PENATA", 20, (14, 30), None),
    ("PENDA TK I", 20, (8, 20), None),
    ("PENDA", 20, (2, 10), None),
    ("PENGATUR TK I", 10, (10, 25), None),
    ("PENGATUR", 10, (4, 15), None),
    ("PENGDA", 5, (1, 6), None),
    ("JURU", 5, (10, 25), None),
)
_GROUPS = (
    ("BINTARA", 70, _BINTARA),
    ("TAMTAMA", 8, _TAMTAMA),
    ("PAMA", 8, _PAMA),
    ("PAMEN", 1, _PAMEN),
    ("PNS", 10, _PNS),
    ("PPPK", 3, (("PPPK", 1, (1, 4), None),)),
)

_SATFUNG: tuple[tuple[str, int, tuple[str, ...], tuple[str, ...]], ...] = (
    # kesatuan, weight, jabatan of a Bintara/Tamtama, jabatan of an officer
    ("SAT SAMAPTA", 12,
     ("BA SAT SAMAPTA", "BANIT TURJAWALI SAT SAMAPTA", "BANIT DALMAS SAT SAMAPTA"),
     ("KANIT TURJAWALI SAT SAMAPTA", "KASAT SAMAPTA")),
    ("SAT RESKRIM", 8, ("BA SAT RESKRIM", "BANIT PIDUM SAT RESKRIM", "BANIT PIDSUS SAT RESKRIM"),
     ("KANIT PIDUM SAT RESKRIM", "KASAT RESKRIM")),
    ("SAT LANTAS", 8, ("BA SAT LANTAS", "BANIT REGIDENT SAT LANTAS", "BANIT KAMSEL SAT LANTAS"),
     ("KANIT GAKKUM SAT LANTAS", "KASAT LANTAS")),
    ("SAT INTELKAM", 5, ("BA SAT INTELKAM", "BANIT 1 SAT INTELKAM"), ("KANIT 2 SAT INTELKAM",)),
    ("SAT BINMAS", 4, ("BA SAT BINMAS", "BANIT BINPOLMAS SAT BINMAS"),
     ("KANIT BINPOLMAS SAT BINMAS", "KASAT BINMAS")),
    ("SAT RESNARKOBA", 4, ("BA SAT RESNARKOBA", "BANIT IDIK SAT RESNARKOBA"),
     ("KASAT RESNARKOBA",)),
    ("SIUM", 3, ("BA SIUM", "BAMIN SIUM"), ("KASIUM",)),
    ("BAG OPS", 4, ("BA BAG OPS", "BAMIN SUBBAG BINOPS"), ("PAUR SUBBAG BINOPS", "KABAG OPS")),
    ("BAG SDM", 3, ("BA BAG SDM", "BAMIN SUBBAG DALPERS"), ("PS. KASUBBAG DALPERS", "KABAG SDM")),
    ("BAG LOG", 3, ("BA BAG LOG", "BAMIN SUBBAG FASKON"), ("PAUR SUBBAG FASKON", "KABAG LOG")),
    ("BAG REN", 2, ("BA BAG REN", "BAMIN SUBBAG PROG"),
     ("PAUR SUBBAG PROG", "PS. KASUBBAG RENMIN")),
    ("SIPROPAM", 2, ("BA SIPROPAM", "BANIT PROVOS SIPROPAM"), ("KASIPROPAM",)),
    ("SIKEU", 1, ("BA SIKEU", "BAMIN SIKEU"), ("KASIKEU",)),
    ("SIDOKKES", 1, ("BINTARA DOKKES", "BA SIDOKKES"), ("KASIDOKKES",)),
    ("SIHUMAS", 1, ("BA SIHUMAS",), ("PS. KASIHUMAS",)),
    ("SITIK", 1, ("BA SITIK",), ("KASITIK",)),
)  # fmt: skip
_POLSEK_SHARE = 40  # weight of "a Polsek" against the weights of the satfung above
_ADMIN = ("SIUM", "BAG SDM", "BAG LOG", "SIKEU", "BAG REN", "SIDOKKES", "SITIK")


@dataclass
class _Member:
    group: str
    code: str
    variant: str | None
    birth: dt.date
    tmt: dt.date
    female: bool
    number: str = ""
    nama: str = ""
    jabatan: str = ""
    kesatuan: str = ""
    bhabin_desa: _Desa | None = None
    home: tuple[str, str, str] = ("", "", "")
    ket: str = ""
    pelatihan: Any = "SUDAH"
    status: str = "AKTIF"
    trained: bool = True


def _pick(rng: random.Random, table: Sequence[tuple[Any, ...]]) -> tuple[Any, ...]:
    return rng.choices(table, weights=[t[1] for t in table])[0]


def _new_member(rng: random.Random, group: str, entry: tuple[Any, ...]) -> _Member:
    """A member of ``group`` with a birth date and TMT consistent with the rank: service years
    from the rank's range, entering service at 18-23 (PNS 19-30), born 1968-2003."""
    code, _w, (lo, hi), variant = entry
    service = rng.randint(lo, hi)
    age_in = rng.randint(19, 30) if group in ("PNS", "PPPK") else rng.randint(18, 23)
    tmt_year = AS_OF.year - service
    birth_year = min(max(tmt_year - age_in, 1968), 2003)
    tmt_year = max(tmt_year, birth_year + 18)
    birth = dt.date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
    tmt_month = rng.randint(1, 12)
    if tmt_year == AS_OF.year:
        tmt_month = rng.randint(1, AS_OF.month - 1)
    tmt = dt.date(tmt_year, tmt_month, 1)
    female = rng.random() < 0.12
    return _Member(group, code, variant, birth, tmt, female)


def _name(rng: random.Random, m: _Member) -> str:
    given, family = (_FEMALE, _SECOND_F) if m.female else (_MALE, _SECOND_M)
    parts = [rng.choice(given), rng.choice(family)]
    if rng.random() < 0.15:
        parts.insert(1, rng.choice(given))
    name = " ".join(parts)
    officer = m.group in ("PAMA", "PAMEN")
    if rng.random() < (0.6 if officer else 0.1):
        name += ", " + rng.choice(_DEGREES_OFFICER if officer else _DEGREES)
    return name


def _identity(rng: random.Random, m: _Member, taken: set[str]) -> str:
    """NRP (YYMM of birth + 4 digits), NIP or NI PPPK (18 digits), unique within the roster."""
    while True:
        if m.group == "PNS":
            sex = "2" if m.female else "1"
            number = f"{m.birth:%Y%m%d}{m.tmt:%Y%m}{sex}{rng.randint(1, 12):03d}"
        elif m.group == "PPPK":
            sex = "2" if m.female else "1"
            number = f"{m.birth:%Y%m%d}{m.tmt:%Y}21{sex}{rng.randint(1, 999):03d}"
        else:
            number = f"{m.birth:%y%m}{rng.randint(0, 9999):04d}"
        if number not in taken:
            taken.add(number)
            return number


def _pangkat_nrp(rng: random.Random, m: _Member) -> str:
    """Rank and number in one cell, in the forms real DSP rosters use."""
    if m.group == "PPPK":
        return f"PPPK/{m.number}"  # a blank number is a reader error: keep samples clean
    if m.group == "PNS":
        nip = f"{m.number[:8]} {m.number[8:14]} {m.number[14]} {m.number[15:]}"
        return f"{m.code}/{nip}" if rng.random() < 0.8 else f"{m.code} NIP {m.number}"
    code = m.variant if (m.variant and rng.random() < 0.07) else m.code
    r = rng.random()
    if r < 0.7:
        return f"{code}/{m.number}"
    if r < 0.88:
        return f"{code} NRP {m.number}"
    return f"{code.title() if code.isupper() else code} / {m.number}"


def _build_roster(
    rng: random.Random,
    n_members: int,
    desas: list[_Desa],
    polsek_of: dict[str, str],
    hq_desa: _Desa,
    polres: str,
) -> list[_Member]:
    """Members of one Polres: ranks in realistic proportions, Bhabinkamtibmas (about one per
    1-2 desa, at most 14 % of the roster), jabatan and kesatuan, domisili and training."""
    units = [u for d in desas for u in d.units]
    polseks = sorted(set(polsek_of.values()))
    polsek_weight = {p: 0 for p in polseks}
    for d in desas:
        polsek_weight[polsek_of[d.kecamatan]] += d.n_units

    members: list[_Member] = []
    # Leadership first, as a DSP lists it.
    kapolres = _new_member(rng, "PAMEN", ("AKBP", 1, (20, 28), None))
    kapolres.jabatan, kapolres.kesatuan = f"KAPOLRES {polres}", "PIMPINAN"
    waka = _new_member(rng, "PAMEN", ("KOMPOL", 1, (18, 26), None))
    waka.jabatan, waka.kesatuan = f"WAKAPOLRES {polres}", "PIMPINAN"
    members += [kapolres, waka]
    while len(members) < n_members:
        gname, _w, table = _pick(rng, _GROUPS)
        members.append(_new_member(rng, gname, _pick(rng, table)))
    members = members[:n_members]

    # Bhabinkamtibmas: senior Bintara, one desa each, in that desa's Polsek.
    n_bhabin = min(round(len(desas) / 1.7), int(0.14 * n_members))
    seniors = [
        m
        for m in members[2:]
        if m.group == "BINTARA" and m.code in ("BRIGPOL", "BRIPKA", "AIPDA", "AIPTU")
    ]
    rng.shuffle(seniors)
    bhabin_desas = rng.sample(desas, min(n_bhabin, len(desas), len(seniors)))
    for m, d in zip(seniors, bhabin_desas, strict=False):
        m.bhabin_desa = d
        m.jabatan = f"BHABINKAMTIBMAS DESA {d.nama.upper()}"
        if d.kelurahan:
            m.jabatan = f"BHABINKAMTIBMAS KEL. {d.nama.upper()}"
        m.kesatuan = polsek_of[d.kecamatan].upper()

    # Kesatuan and jabatan of everybody else.
    kapolsek_done: set[str] = set()
    satfung = [(s[0], s[1]) for s in _SATFUNG] + [("POLSEK", _POLSEK_SHARE)]
    jab = {s[0]: (s[2], s[3]) for s in _SATFUNG}
    for m in members[2:]:
        if m.kesatuan:
            continue
        if m.group in ("PNS", "PPPK"):
            m.kesatuan = rng.choice(_ADMIN)
            staff = "PPPK" if m.group == "PPPK" else "STAF"
            m.jabatan = rng.choice((f"{staff} {m.kesatuan}", f"OPERATOR {m.kesatuan}"))
            continue
        kes = _pick(rng, satfung)[0]
        officer = m.group in ("PAMA", "PAMEN")
        if kes == "POLSEK":
            p = rng.choices(polseks, weights=[polsek_weight[x] for x in polseks])[0]
            m.kesatuan = p.upper()
            place = p.upper().removeprefix("POLSEK ")
            if officer and p not in kapolsek_done:
                kapolsek_done.add(p)
                m.jabatan = f"KAPOLSEK {place}"
            elif officer:
                m.jabatan = rng.choice(("KANIT RESKRIM", "KANIT BINMAS", "KANIT SAMAPTA"))
                m.jabatan += f" POLSEK {place}"
            else:
                m.jabatan = rng.choice(
                    ("BA", "BANIT RESKRIM", "BANIT SAMAPTA", "BANIT INTELKAM", "BANIT BINMAS")
                )
                m.jabatan += f" POLSEK {place}"
        else:
            m.kesatuan = kes
            m.jabatan = rng.choice(jab[kes][1] if officer else jab[kes][0])

    # Numbers, names, domisili, training, status.
    taken: set[str] = set()
    asrama_unit = hq_desa.units[0]
    for m in members:
        m.number = _identity(rng, m, taken)
        m.nama = _name(rng, m)
        r = rng.random()
        if m.bhabin_desa is not None and r < 0.6:
            u = rng.choice(m.bhabin_desa.units)
            m.home = _home_of(rng, u, blank_unit=rng.random() < 0.2)
        elif r < 0.18 and m.group not in ("PAMEN", "PNS", "PPPK"):
            m.home = _home_of(rng, asrama_unit, blank_unit=False)
            m.ket = f"ASRAMA POLRES {polres}"
        elif r < 0.95:
            m.home = _home_of(rng, rng.choice(units), blank_unit=rng.random() < 0.2)
        # else: domisili not recorded (blank)
        t = rng.random()
        if m.group in ("PNS", "PPPK"):
            m.pelatihan, m.trained = ("BELUM", False) if t < 0.9 else ("SUDAH", True)
        elif t < 0.72:
            m.pelatihan, m.trained = "SUDAH", True
        elif t < 0.78:
            start = max(m.tmt, dt.date(2019, 1, 1))
            day = start + dt.timedelta(days=rng.randint(0, max(1, (AS_OF - start).days - 30)))
            m.pelatihan, m.trained = f"{day:%d-%m-%Y}", True
        else:
            m.pelatihan, m.trained = "BELUM", False
        s = rng.random()
        if s < 0.03:
            m.status = "CUTI"
        elif s < 0.05:
            m.status = "DIK"
    return members


def _home_of(rng: random.Random, u: _Unit, *, blank_unit: bool) -> tuple[str, str, str]:
    d = u.desa
    label = "" if blank_unit else _home_label(d.kind, u.number, rng)
    return d.kecamatan.upper(), d.nama.upper(), label


def _service_years(m: _Member) -> float:
    return (AS_OF - m.tmt).days / 365.25


def _eligible(m: _Member) -> bool:
    """Default Perpol rules, the generator's own view (used only to report a count)."""
    if m.group not in ("BINTARA", "PAMA") or m.bhabin_desa is not None:
        return False
    if not m.trained or m.status != "AKTIF":
        return False
    return m.group != "BINTARA" or _service_years(m) >= 5.0


# --- writing --------------------------------------------------------------------------------


def _title_rows(ws: Any, titles: Sequence[str], width: int, merge: bool) -> None:
    bold = Font(bold=True, size=12)
    for i, t in enumerate(titles, start=1):
        ws.append([t])
        if merge:
            ws.cell(row=i, column=1).font = bold
            ws.cell(row=i, column=1).alignment = Alignment(horizontal="center")
            ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
    ws.append([])


def _header(ws: Any, header: Sequence[str], write_only: bool) -> None:
    ws.append(list(header))
    if not write_only:
        row = ws.max_row
        for c in range(1, len(header) + 1):
            ws.cell(row=row, column=c).font = Font(bold=True)


def make_polres_workbook(
    path: str | Path,
    *,
    seed: int,
    n_units: int | None = None,
    roster_factor: float = 0.9,
    style: str = "dsp",
    counts_per_desa: bool = False,
    cap: int | None = None,
    reference: Path = DEFAULT_REFERENCE,
    blank_point_share: float = 0.05,
) -> dict[str, Any]:
    """Write a synthetic Polres workbook to ``path`` and return facts about it.

    ``n_units=None`` builds the Lebong sample from the real desa list (``reference``); a number
    builds that many units in invented desa.  ``roster_factor`` is members per unit.
    ``counts_per_desa`` writes a ``Wilayah`` sheet with one row per desa and a count, instead
    of one row per unit.  ``cap`` adds a ``Pengaturan`` sheet with ``max_units_per_officer``
    (None: no settings sheet).  ``style`` is the roster layout; only ``"dsp"`` (a Daftar
    Susunan Personel with title rows and a PANGKAT/NRP column) exists today.

    The returned dict has ``units``, ``desa``, ``kecamatan``, ``members``, ``eligible`` (by the
    default rules as the generator sees them: a sanity figure, not the solver's count),
    ``bhabinkamtibmas``, ``asrama`` and ``units_without_point``.
    """
    if style != "dsp":
        raise ValueError(f"unknown roster style {style!r}; only 'dsp' exists")
    if roster_factor <= 0:
        raise ValueError("roster_factor must be more than 0")
    rng = random.Random(seed)
    sample = n_units is None
    if sample:
        desas, polsek_of, hq_name = _lebong_territory(rng, reference)
        polres = "LEBONG"
    else:
        assert n_units is not None
        if n_units < 1:
            raise ValueError("n_units must be 1 or more")
        desas, polsek_of, hq_name = _synthetic_territory(rng, n_units)
        polres = "CONTOH"
    for d in desas:
        _add_units(rng, d, 0.0 if counts_per_desa else blank_point_share)
    hq_desa = next(d for d in desas if d.nama == hq_name)
    n_total = sum(d.n_units for d in desas)
    n_members = max(1, round(roster_factor * n_total))
    members = _build_roster(rng, n_members, desas, polsek_of, hq_desa, polres)

    write_only = not sample
    wb = Workbook(write_only=write_only)
    if not write_only:
        wb.remove(wb.active)  # type: ignore[arg-type]

    if counts_per_desa:
        ws = wb.create_sheet("Wilayah")
        _title_rows(
            ws, (f"JUMLAH RW/DUSUN PER DESA WILAYAH HUKUM POLRES {polres}", "TAHUN 2026"),
            len(COUNT_HEADER), not write_only,
        )  # fmt: skip
        _header(ws, COUNT_HEADER, write_only)
        for i, d in enumerate(desas, start=1):
            ws.append([i, d.kecamatan, d.nama, d.kode, d.kind, d.n_units, d.lat, d.lng, d.priority])
    else:
        ws = wb.create_sheet("Data RW")
        _title_rows(
            ws, (f"DATA RW/DUSUN WILAYAH HUKUM POLRES {polres}", "TAHUN 2026"),
            len(UNIT_HEADER), not write_only,
        )  # fmt: skip
        _header(ws, UNIT_HEADER, write_only)
        no = 0
        for d in desas:
            for u in d.units:
                no += 1
                style_i = d.label_style if rng.random() > 0.1 else rng.randrange(4)
                ws.append(
                    [
                        no, d.kecamatan, d.nama, d.kode, "Kelurahan" if d.kelurahan else "Desa",
                        _unit_label(d.kind, u.number, style_i), u.lat, u.lng, u.priority,
                    ]
                )  # fmt: skip

    ws = wb.create_sheet("Polsek")
    _header(ws, POLSEK_HEADER, write_only)
    for kec in sorted({d.kecamatan for d in desas}):
        ws.append([kec, polsek_of[kec]])

    ws = wb.create_sheet("Personel")
    month = ("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
             "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER")[AS_OF.month - 1]  # fmt: skip
    _title_rows(
        ws, (f"DAFTAR SUSUNAN PERSONEL POLRES {polres}", f"KEADAAN BULAN {month} {AS_OF.year}"),
        len(ROSTER_HEADER), not write_only,
    )  # fmt: skip
    _header(ws, ROSTER_HEADER, write_only)
    for i, m in enumerate(members, start=1):
        ws.append(
            [
                i, m.nama, _pangkat_nrp(rng, m), m.jabatan, m.kesatuan,
                *(x or None for x in m.home), m.pelatihan, m.tmt, m.status, m.ket or None,
            ]
        )  # fmt: skip

    if cap is not None:
        ws = wb.create_sheet("Pengaturan")
        _header(ws, SETTINGS_HEADER, write_only)
        ws.append(["max_units_per_officer", cap, SETTING_DOCS["max_units_per_officer"][0]])

    if not write_only:
        wb.properties.creator = "rwassign.synth"
        fixed = dt.datetime(2026, 11, 1, 8, 0, 0)
        wb.properties.created = fixed
        wb.properties.modified = fixed
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))

    units = [u for d in desas for u in d.units]
    return {
        "polres": polres,
        "units": len(units),
        "desa": len(desas),
        "kecamatan": len({d.kecamatan for d in desas}),
        "members": len(members),
        "eligible": sum(_eligible(m) for m in members),
        "bhabinkamtibmas": sum(m.bhabin_desa is not None for m in members),
        "asrama": sum(bool(m.ket) for m in members),
        "units_without_point": sum(u.lat is None for u in units),
    }
