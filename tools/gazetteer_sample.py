"""A Polres workbook typed the way staff type it, built from the national gazetteer.

Real Polres sheets hold a count of RW/dusun per desa and members' homes by desa name, with no
coordinates, no codes and no unit kinds; names are in capitals, some with a ``DESA``/``KEL.``
prefix, kecamatan sometimes as ``KEC. X``.  This builds such a workbook for any kabupaten/kota
of the gazetteer, with invented members (synthetic names and NRPs), so the place step can be
tested and demonstrated on a real geography.  ``with_coordinates=True`` builds the very same
Polres with every desa's centroid typed in (``LINTANG``/``BUJUR``) and every home's too: the
plan of the typed workbook must equal the plan of this one.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from rwassign import gazetteer
from rwassign.gazetteer import Desa

_FIRST = (
    "AGUS", "BUDI", "DEDI", "EKO", "FAJAR", "HENDRA", "IWAN", "JOKO", "RUDI", "SLAMET",
    "TAUFIK", "WAHYU", "YUDI", "ANDI", "ARIF", "BAMBANG", "DONI", "RIZKY", "SITI", "DEWI",
)  # fmt: skip
_LAST = (
    "SAPUTRA", "PRATAMA", "HIDAYAT", "SETIAWAN", "NUGROHO", "SANTOSO", "WIBOWO", "KURNIAWAN",
    "PURNAMA", "GUNAWAN", "HARAHAP", "SIREGAR", "FIRMANSYAH", "MAULANA", "SUSANTO", "RAHMAN",
)  # fmt: skip
#: (rank, share, birth years): mostly Bintara, some Pama, a few who cannot serve.
_RANKS = (
    ("BRIPKA", 0.25, (1980, 1990)),
    ("BRIGPOL", 0.2, (1988, 1995)),
    ("BRIPTU", 0.15, (1992, 1998)),
    ("AIPDA", 0.12, (1975, 1985)),
    ("AIPTU", 0.08, (1970, 1980)),
    ("IPDA", 0.06, (1975, 1990)),
    ("AKP", 0.04, (1972, 1985)),
    ("BRIPDA", 0.05, (1999, 2003)),
    ("PENATA", 0.05, (1975, 1990)),
)
AS_OF = dt.date(2026, 11, 1)
_PRIORITIES = ("TINGGI", "SEDANG", "RENDAH", "RENDAH")


@dataclass(frozen=True)
class SampleFacts:
    """What a built workbook holds."""

    kabupaten: str
    desa: int
    units: int
    members: int


def _typed(rng: random.Random, desa: Desa) -> str:
    """A desa name as staff type it: capitals, now and then with a prefix or an abbreviation."""
    name = desa.nama.upper()
    roll = rng.random()
    if roll < 0.1:
        return ("KEL. " if desa.kelurahan else "DESA ") + name
    if roll < 0.2 and name.startswith("TANJUNG "):
        return "TJ. " + name[len("TANJUNG ") :]
    if roll < 0.25:
        return "  " + name + " "
    return name


def _kecamatan(rng: random.Random, name: str) -> str:
    return ("KEC. " if rng.random() < 0.2 else "") + name.upper()


def build(
    path: Path,
    kabupaten: str,
    *,
    seed: int,
    members_per_unit: float = 0.8,
    with_coordinates: bool = False,
) -> SampleFacts:
    """Write the workbook of Polres ``kabupaten`` (a gazetteer code, ``17.06``) to ``path``."""
    rng = random.Random(seed)
    gaz = gazetteer.load()
    kab = gaz.kabupaten[kabupaten]
    polres = kab.nama.split(" ", 1)[1].upper()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Wilayah"
    ws.append([f"JUMLAH RW/DUSUN PER DESA WILAYAH HUKUM POLRES {polres}"])
    ws.append([])
    coords = ["LINTANG", "BUJUR"] if with_coordinates else []
    ws.append(["NO", "KECAMATAN", "DESA/KELURAHAN", "JUMLAH RW/DUSUN", *coords, "KERAWANAN"])
    counts: list[tuple[Desa, int]] = []
    for no, d in enumerate(kab.desa, 1):
        n = rng.randint(3, 6) if d.kelurahan else rng.randint(2, 4)
        counts.append((d, n))
        point = [float(d.lat), float(d.lng)] if with_coordinates else []
        ws.append(
            [no, _kecamatan(rng, d.kecamatan), _typed(rng, d), n, *point, rng.choice(_PRIORITIES)]
        )
    ws = wb.create_sheet("Polsek")
    ws.append(["KECAMATAN", "POLSEK"])
    for kec in kab.kecamatan:
        ws.append([kec.upper(), f"POLSEK {kec.upper()}"])

    n_units = sum(n for _, n in counts)
    n_members = round(members_per_unit * n_units)
    ws = wb.create_sheet("Personel")
    ws.append([f"DAFTAR SUSUNAN PERSONEL POLRES {polres}"])
    ws.append([])
    home_coords = ["LINTANG RUMAH", "BUJUR RUMAH"] if with_coordinates else []
    ws.append(
        ["NO", "NAMA", "PANGKAT", "NRP", "JABATAN", "KESATUAN", "KECAMATAN DOMISILI",
         "DESA DOMISILI", *home_coords, "PELATIHAN POLMAS", "TMT"]
    )  # fmt: skip
    weights = [share for _, share, _ in _RANKS]
    # A home's kecamatan may be left out only where its desa name is unique in the kabupaten
    # (as a member would, knowing no one could mistake it).
    names = [gazetteer.name_key(d.nama) for d in kab.desa]
    unique = {n for n in names if names.count(n) == 1}
    taken: set[str] = set()
    for no in range(1, n_members + 1):
        rank, _share, (lo, hi) = rng.choices(_RANKS, weights)[0]
        born = dt.date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))
        tmt = dt.date(min(born.year + rng.randint(19, 23), AS_OF.year - 1), rng.randint(1, 12), 1)
        if rank == "PENATA":
            nrp = f"{born:%Y%m%d}{tmt:%Y%m}1{rng.randint(1, 999):03d}"
        else:
            nrp = f"{born:%y%m}{rng.randint(0, 9999):04d}"
            while nrp in taken:
                nrp = f"{born:%y%m}{rng.randint(0, 9999):04d}"
        taken.add(nrp)
        home, _ = rng.choice(counts)
        keep_kec = gazetteer.name_key(home.nama) not in unique or rng.random() < 0.85
        kec_cell = home.kecamatan.upper() if keep_kec else None
        home_point: list[Any] = [float(home.lat), float(home.lng)] if with_coordinates else []
        ws.append(
            [
                no,
                f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                rank,
                nrp,
                "BA SAT SAMAPTA" if rank != "PENATA" else "PAUR SUBBAG RENMIN",
                "SAT SAMAPTA" if rank != "PENATA" else "BAG REN",
                kec_cell,
                home.nama.upper(),
                *home_point,
                "SUDAH" if rng.random() < 0.9 else "BELUM",
                tmt,
            ]
        )
    wb.properties.creator = "rwassign.gazetteer_sample"
    fixed = dt.datetime(2026, 11, 1, 8, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return SampleFacts(kab.nama, len(kab.desa), n_units, n_members)
