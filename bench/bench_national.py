"""National batch benchmark: one synthetic Polres per kabupaten/kota of Indonesia, all planned
in one ``rwassign solve FOLDER --jobs 2``.

Run from the repository root::

    python bench/bench_national.py                # every kabupaten/kota (514 workbooks)
    python bench/bench_national.py --limit 20     # the first 20, for a quick look
    python bench/bench_national.py --every 20     # every 20th by code: a sample of the country
    python bench/bench_national.py --codes 12.01,71.02   # some, by Kemendagri code
    python bench/bench_national.py --keep DIR     # keep the workbooks and plans in DIR

Each workbook is built from the gazetteer shipped with the package (``rwassign.gazetteer``):
the real desa/kelurahan of that kabupaten/kota with their kecamatan, Kemendagri code
(``KODE``, so two desa of one name in one kecamatan stay apart) and centroid, one row per desa
with a synthetic RW/dusun count and kerawanan, a ``Polsek`` sheet (one Polsek per kecamatan)
and a synthetic DSP roster of ``--roster-factor`` members per unit, drawn by the generator of
the sample (``tools.synth``: ranks, NRPs, training, homes in the kabupaten's own desa).  The
workbooks are written to a temporary folder in parallel (``--jobs`` processes); writing them is
not part of the figures.

Then one command plans them all, as a Polda's Dit Binmas would run it::

    rwassign solve FOLDER --jobs 2 --output-dir PLANS --json

and this script prints the wall time of that command, its peak memory and how many workbooks
were planned or failed (with each failure's first message), and exits 1 if any failed.  The
target is under 2 minutes (issue 9).

Peak memory of the process tree (the rwassign parent and its worker processes, which live for
the whole batch): every 0.2 s the script reads each process's own peak resident set
(``VmHWM`` in ``/proc/PID/status``) and reports the sum of the last values seen, an upper
bound (forked workers share some pages with the parent), beside the largest single process
(``RUSAGE_CHILDREN`` ``ru_maxrss`` once the command ended).  Linux only.

The generator reuses the private helpers of ``tools.synth`` (its ``_Desa`` records, roster and
writer functions): this is a tool of the checkout, like the generator itself, so it follows
the sample's conventions exactly instead of copying them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from rwassign.gazetteer import Kabupaten, load  # noqa: E402
from tools import synth  # noqa: E402

TARGET_S = 120.0
POLL_S = 0.2


# --- building the workbooks -----------------------------------------------------------------


def _polres_name(kab: Kabupaten) -> str:
    """``REJANG LEBONG`` (Polres) / ``KOTA BENGKULU`` (Polresta) as the title line says it."""
    prefix, _, bare = kab.nama.partition(" ")
    return f"{'KOTA ' if prefix.casefold() == 'kota' else ''}{bare.upper()}"


def _territory(kab: Kabupaten, rng: random.Random) -> tuple[list[Any], dict[str, str]]:
    """The kabupaten's real desa as the generator's records, with seeded unit counts.

    The workbook has one row per desa with the desa's centroid (empty for a desa without a
    surveyed one: 516 in Indonesia, all of Kabupaten Fak Fak), as a real sheet would.  The
    generator's own unit points are never written in this layout, so its records get 0, 0."""
    desas = []
    polsek: dict[str, str] = {}
    for d in kab.desa:
        kel = d.kelurahan
        desas.append(
            synth._Desa(
                kecamatan=d.kecamatan,
                nama=d.nama,
                kode=d.kode,
                kelurahan=kel,
                lat=0.0,
                lng=0.0,
                n_units=rng.randint(3, 10) if kel else synth._dusun_count(rng),
                priority=synth._priority(rng),
                label_style=rng.randrange(4),
            )
        )
        polsek[d.kecamatan] = f"Polsek {d.kecamatan}"
    return desas, polsek


def build_workbook(kab_code: str, folder: str, seed: int, roster_factor: float) -> tuple[int, int]:
    """Write the synthetic Polres of one kabupaten/kota; return (units, members)."""
    kab = load().kabupaten[kab_code]
    rng = random.Random(f"{seed}-{kab_code}")
    desas, polsek_of = _territory(kab, rng)
    for d in desas:
        synth._add_units(rng, d, 0.0)
    hq = next((d for d in desas if d.kelurahan), desas[0])
    polres = _polres_name(kab)
    n_units = sum(d.n_units for d in desas)
    members = synth._build_roster(
        rng, max(1, round(roster_factor * n_units)), desas, polsek_of, hq, polres
    )
    point = {d.kode: d.point for d in kab.desa}

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Wilayah")
    title = f"JUMLAH RW/DUSUN PER DESA WILAYAH HUKUM POLRES {polres}"
    synth._title_rows(ws, (title, "TAHUN 2026"), len(synth.COUNT_HEADER), False)
    synth._header(ws, synth.COUNT_HEADER, True)
    for i, d in enumerate(desas, start=1):
        p = point[d.kode]
        ws.append(
            [
                i, d.kecamatan, d.nama, d.kode, "Kelurahan" if d.kelurahan else "Desa",
                d.n_units, p.lat if p else None, p.lng if p else None, d.priority,
            ]
        )  # fmt: skip
    ws = wb.create_sheet("Polsek")
    synth._header(ws, synth.POLSEK_HEADER, True)
    for kec in sorted(polsek_of):
        ws.append([kec, polsek_of[kec]])
    ws = wb.create_sheet("Personel")
    synth._title_rows(
        ws, (f"DAFTAR SUSUNAN PERSONEL POLRES {polres}",), len(synth.ROSTER_HEADER), False
    )
    synth._header(ws, synth.ROSTER_HEADER, True)
    for i, m in enumerate(members, start=1):
        ws.append(
            [
                i, m.nama, synth._pangkat_nrp(rng, m), m.jabatan, m.kesatuan,
                *(x or None for x in m.home), m.pelatihan, m.tmt, m.status, m.ket or None,
            ]
        )  # fmt: skip
    name = f"{kab_code.replace('.', '')}_{_polres_name(kab).lower().replace(' ', '_')}.xlsx"
    wb.save(str(Path(folder) / name))
    return n_units, len(members)


def build_all(
    codes: list[str], folder: Path, seed: int, roster_factor: float, jobs: int
) -> tuple[int, int]:
    """Every workbook, ``jobs`` at a time; (units, members) in all."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(build_workbook, c, str(folder), seed, roster_factor) for c in codes]
        sizes = [f.result() for f in futures]
    return sum(u for u, _ in sizes), sum(m for _, m in sizes)


# --- measuring the batch --------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out.extend(int(x) for x in fh.read().split())
        except OSError:
            continue
    return out


def _peak_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def run_batch(folder: Path, plans: Path, jobs: int) -> tuple[float, dict[str, Any], int, int]:
    """Run ``rwassign solve folder --jobs N``; (wall s, its JSON, tree peak KB, largest KB)."""
    cmd = [
        sys.executable, "-m", "rwassign.cli", "solve", str(folder), "--jobs", str(jobs),
        "--output-dir", str(plans), "--rekap", str(plans / "rekap-penugasan.xlsx"), "--json",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    peaks: dict[int, int] = {}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, env=env)
        while proc.poll() is None:
            tree = [proc.pid]
            for pid in tree:  # grows while walking: children of children
                tree.extend(_children(pid))
            for pid in tree:
                kb = _peak_kb(pid)
                if kb is not None:
                    peaks[pid] = max(peaks.get(pid, 0), kb)
            time.sleep(POLL_S)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        text = out.read().decode("utf-8", "replace")
        if not text.strip():
            sys.stderr.write(err.read().decode("utf-8", "replace")[-4000:])
            raise SystemExit(f"rwassign solve gave no JSON (exit {proc.returncode})")
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, json.loads(text), sum(peaks.values()), largest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N kabupaten/kota")
    ap.add_argument(
        "--every", type=int, default=1, help="every Nth kabupaten/kota by code (a spread sample)"
    )
    ap.add_argument("--codes", default=None, help="only these kabupaten/kota, by code: 12.01,71.02")
    ap.add_argument("--jobs", type=int, default=2, help="rwassign solve --jobs (default 2)")
    ap.add_argument("--build-jobs", type=int, default=2, help="processes writing workbooks")
    ap.add_argument("--roster-factor", type=float, default=0.6, help="members per unit")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--keep", type=Path, default=None, help="keep workbooks and plans here")
    args = ap.parse_args(argv)

    gaz = load()
    codes = sorted(gaz.kabupaten)
    if args.codes:
        wanted = [c.strip() for c in args.codes.split(",") if c.strip()]
        unknown = [c for c in wanted if c not in gaz.kabupaten]
        if unknown:
            ap.error(f"no kabupaten/kota with code {', '.join(unknown)}")
        codes = sorted(wanted)
    codes = codes[:: max(1, args.every)][: args.limit]
    if not codes:
        ap.error("no kabupaten/kota to build")
    with tempfile.TemporaryDirectory(prefix="rwassign-national-") as tmp:
        base = args.keep or Path(tmp)
        folder, plans = base / "polres", base / "penugasan"
        folder.mkdir(parents=True, exist_ok=True)
        plans.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        units, members = build_all(codes, folder, args.seed, args.roster_factor, args.build_jobs)
        built = time.perf_counter() - t0
        print(
            f"built {len(codes)} workbooks ({units:,} RW/dusun, {members:,} members, "
            f"{sum(len(gaz.kabupaten[c].desa) for c in codes):,} desa) in {built:.1f} s"
        )
        wall, result, tree_kb, largest_kb = run_batch(folder, plans, args.jobs)

    files = result["files"]
    failed = [f for f in files if f["exit_code"] != 0]
    covered = sum((f["summary"] or {}).get("covered", 0) for f in files)
    planned_units = sum((f["summary"] or {}).get("units", 0) for f in files)
    print(f"rwassign solve FOLDER --jobs {args.jobs}: {wall:.1f} s wall "
          f"(batch's own count {result['seconds']:.1f} s), exit {result['exit_code']}")  # fmt: skip
    print(f"peak memory: process tree {tree_kb / 1024:,.0f} MB (sum of each process's peak), "
          f"largest single process {largest_kb / 1024:,.0f} MB")  # fmt: skip
    print(f"workbooks: {len(files) - len(failed)} planned, {len(failed)} failed, of {len(files)}; "
          f"{covered:,} of {planned_units:,} RW/dusun covered in the planned ones")  # fmt: skip
    for f in failed:
        first = f["messages"][0] if f["messages"] else ""
        print(f"  FAILED {Path(f['input']).name}: {f['status']} (exit {f['exit_code']}) {first}")
    verdict = "met" if wall < TARGET_S and not failed else "NOT met"
    print(f"target (< {TARGET_S:.0f} s, every workbook planned): {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
