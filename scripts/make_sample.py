"""Regenerate the sample workbooks in ``data/samples/`` from fixed seeds.

Run from the repository root::

    python scripts/make_sample.py

The Lebong files describe Polres Lebong (real desa and kecamatan, invented people);
``polres_mukomuko.xlsx`` is Polres Mukomuko typed the way staff type (counts per desa, homes by
desa name, no coordinates), built from the national gazetteer; see ``data/samples/README.md``.
The seeds are fixed so the files only change when the generators (``tools/synth.py``,
``tools/gazetteer_sample.py``) do.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from tools.gazetteer_sample import build as build_from_gazetteer  # noqa: E402
from tools.synth import make_polres_workbook  # noqa: E402

SAMPLES = ROOT / "data" / "samples"

#: Fixed seeds; roster_factor 1.13 gives ~420 members for ~375 units.
SEED_PER_UNIT, SEED_COUNTS, ROSTER_FACTOR = 2026, 2027, 1.13
#: Polres Mukomuko (Bengkulu, 17.06): 151 desa, some names repeated across its kecamatan.
MUKOMUKO, SEED_MUKOMUKO = "17.06", 2028


def _report(name: str, facts: dict[str, Any]) -> None:
    print(
        f"{name}: {facts['units']} RW/dusun in {facts['desa']} desa/kelurahan, "
        f"{facts['members']} personel (~{facts['eligible']} memenuhi syarat, "
        f"{facts['bhabinkamtibmas']} Bhabinkamtibmas, {facts['asrama']} di asrama)"
    )


def main() -> None:
    """Write both samples and print what they hold."""
    name = "polres_lebong.xlsx"
    facts = make_polres_workbook(
        SAMPLES / name, seed=SEED_PER_UNIT, roster_factor=ROSTER_FACTOR, cap=2
    )
    _report(name, facts)
    name = "polres_lebong_jumlah.xlsx"
    facts = make_polres_workbook(
        SAMPLES / name, seed=SEED_COUNTS, roster_factor=ROSTER_FACTOR, counts_per_desa=True
    )
    _report(name, facts)
    name = "polres_mukomuko.xlsx"
    built = build_from_gazetteer(SAMPLES / name, MUKOMUKO, seed=SEED_MUKOMUKO)
    print(
        f"{name}: {built.units} RW/dusun in {built.desa} desa/kelurahan, {built.members} personel"
    )


if __name__ == "__main__":
    main()
