"""What the place step costs: gazetteer load and name matching on a 5,000-unit input.

Builds a Polres covering two real kabupaten (Aceh Utara and Pidie, 1,582 desa), typed the way
staff type (one row per unit, names in capitals, no coordinates, no codes) with 3,000 members
whose homes are given by desa name, then reads it twice in fresh processes: once as is, once
with the place step switched off (the reader as it was before the gazetteer).  The difference
is what recognising the wilayah, checking every desa and placing every unit and home adds.
The gazetteer's own load is timed apart, in a fresh process too (it is loaded once per run).

    python bench/bench_places.py [--units 5000] [--members 3000] [--repeat 3]

Prints figures; asserts nothing about time (the target is under 1 s added).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from rwassign import gazetteer  # noqa: E402

KABUPATEN = ("11.08", "11.07")  # Aceh Utara, Pidie

_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
if {what!r} == "load":
    from rwassign import gazetteer
    t0, c0 = time.perf_counter(), time.process_time()
    gazetteer.load()
    print(time.perf_counter() - t0, time.process_time() - c0)
    raise SystemExit
from rwassign.io.read import read_input
import rwassign.io.read.units as units_mod
from rwassign import gazetteer
from rwassign.places import PlaceContext
if {what!r} == "off":
    units_mod.place_units = lambda *a, **k: PlaceContext()
t0, c0 = time.perf_counter(), time.process_time()
rr = read_input({path!r})
took, cpu = time.perf_counter() - t0, time.process_time() - c0
assert rr.instance is not None, [p.code for p in rr.errors][:5]
places = rr.instance.places
print(took, cpu, places.recognised if places else 0, places.total if places else 0,
      len(rr.instance.units), len(rr.instance.officers))
"""


def build(path: Path, n_units: int, n_members: int, seed: int = 11) -> int:
    """The workbook; returns the number of distinct desa it names."""
    rng = random.Random(seed)
    gaz = gazetteer.load()
    desa = [d for k in KABUPATEN for d in gaz.kabupaten[k].desa]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Wilayah")
    ws.append(["KECAMATAN", "DESA/KELURAHAN", "RW/DUSUN"])
    base, extra = divmod(n_units, len(desa))
    used = [d for i, d in enumerate(desa) if base + (i < extra)]
    for i, d in enumerate(desa):
        for n in range(1, base + (i < extra) + 1):
            name = d.nama.upper() if rng.random() < 0.9 else f"DESA {d.nama.upper()}"
            ws.append([d.kecamatan.upper(), name, n])
    ws = wb.create_sheet("Personel")
    ws.append(["NAMA", "PANGKAT", "NRP", "KECAMATAN DOMISILI", "DESA DOMISILI"])
    for i in range(n_members):
        home = rng.choice(used)
        nrp = f"{rng.randint(75, 98):02d}{rng.randint(1, 12):02d}{i:04d}"
        ws.append([f"ANGGOTA {i + 1}", "BRIPKA", nrp, home.kecamatan.upper(), home.nama.upper()])
    wb.save(str(path))
    return len(used)


def _child(what: str, path: Path) -> list[str]:
    code = _CHILD.format(root=str(ROOT), what=what, path=str(path))
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return out.split()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=5000)
    ap.add_argument("--members", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "polres_aceh.xlsx"
        n_desa = build(path, args.units, args.members)
        loads = [_child("load", path) for _ in range(args.repeat)]
        on = [_child("on", path) for _ in range(args.repeat)]
        off = [_child("off", path) for _ in range(args.repeat)]

    def med(runs: list[list[str]], col: int) -> float:
        return statistics.median(float(r[col]) for r in runs)

    _took, _cpu, recognised, total, units, members = on[0]
    print(f"input: {units} units in {n_desa} desa, {members} members (homes by desa name)")
    print(f"recognised: {recognised} of {total} desa/kelurahan")
    print(f"medians of {args.repeat} fresh processes:   wall s   CPU s")
    print(f"gazetteer load                     {med(loads, 0):7.2f} {med(loads, 1):7.2f}")
    print(f"read with place step               {med(on, 0):7.2f} {med(on, 1):7.2f}")
    print(f"read without place step            {med(off, 0):7.2f} {med(off, 1):7.2f}")
    print(
        f"added (load + matching + placing)  {med(on, 0) - med(off, 0):7.2f} "
        f"{med(on, 1) - med(off, 1):7.2f}"
    )


if __name__ == "__main__":
    main()
