"""Make ``data/samples/polres_lebong_mutasi.xlsx``: the sample Polres after a transfer order.

Deterministic edits of ``polres_lebong.xlsx`` (seed fixed), so the README's re-plan example can
be run as written: about 10 % of members leave, new synthetic members arrive, three are promoted
past Perwira Pertama (to KOMPOL), two are made Bhabinkamtibmas, and one kelurahan gains an RW.
Run from the repository root: ``python scripts/make_mutasi_sample.py``.
"""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "samples" / "polres_lebong.xlsx"
TARGET = ROOT / "data" / "samples" / "polres_lebong_mutasi.xlsx"
HEADER_ROW = 4  # header row of both the roster and the units sheet in the sample

NEW_NAMES = [
    "ARIF BUDIMAN", "YUDI PRATAMA", "RIZKI RAMADHAN", "DONI SAPUTRA", "ILHAM MAULANA",
    "FIKRI HIDAYAT", "SANDI WIBOWO", "TAUFIK HARAHAP", "WAHYU NUGRAHA", "ANDI SETIADI",
    "BAGUS PERMANA", "GILANG FAUZI", "HARIS MUNANDAR", "IQBAL FIRDAUS", "JEFRI SIREGAR",
    "KURNIA ADITYA", "LUTFI HAKIM", "MUHAMMAD ROFIQ", "NANDA PUTRA", "OKTA VIANDRA",
]  # fmt: skip


def main() -> None:
    rng = random.Random(2028)
    wb = load_workbook(SOURCE)
    ws = wb["Personel"]
    header = [c.value for c in ws[HEADER_ROW]]
    col = {name: i for i, name in enumerate(header)}
    rows = [r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 2).value]
    by_rank = {
        r: str(ws.cell(r, col["PANGKAT/NRP"] + 1).value).split("/")[0].split(" NRP")[0].upper()
        for r in rows
    }
    bintara = [r for r in rows if by_rank[r].startswith(("BRIPKA", "AIPTU", "AIPDA", "BRIGPOL"))]
    leaving = sorted(rng.sample(rows, len(rows) // 10))
    rest = [r for r in bintara if r not in leaving]
    promoted = rng.sample([r for r in rows if by_rank[r] in ("AKP", "IPTU")], 3)
    made_bhabin = rng.sample(rest, 2)
    for r in promoted:
        cell = ws.cell(r, col["PANGKAT/NRP"] + 1)
        nrp = "".join(ch for ch in str(cell.value) if ch.isdigit())
        cell.value = f"KOMPOL/{nrp}"
    for r in made_bhabin:
        ws.cell(r, col["JABATAN"] + 1).value = "BHABINKAMTIBMAS DESA TUNGGANG"
    for r in reversed(leaving):
        ws.delete_rows(r)
    last = max(r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 2).value)
    template = [c.value for c in ws[last]]
    for i, name in enumerate(NEW_NAMES):
        nrp = f"9{rng.randint(3, 9)}{rng.randint(1, 12):02d}{rng.randint(0, 9999):04d}"
        values = list(template)
        values[col["NO"]] = last - HEADER_ROW + 1 + i
        values[col["NAMA"]] = name
        values[col["PANGKAT/NRP"]] = f"{rng.choice(['BRIPKA', 'BRIGPOL', 'AIPDA'])}/{nrp}"
        values[col["JABATAN"]] = "BA SAT SAMAPTA"
        values[col["KESATUAN"]] = "SAT SAMAPTA"
        values[col["PELATIHAN POLMAS"]] = "SUDAH"
        values[col["STATUS"]] = "AKTIF"
        values[col["KET"]] = "MUTASI MASUK"
        ws.append(values)
    units = wb["Data RW"]
    kampung_jawa = [
        r for r in range(HEADER_ROW + 1, units.max_row + 1)
        if units.cell(r, 3).value == "Kampung Jawa"
    ]  # fmt: skip
    src = [c.value for c in units[kampung_jawa[-1]]]
    src[0] = None
    src[5] = f"RW {len(kampung_jawa) + 1:02d}"
    src[8] = "Tinggi"
    units.insert_rows(kampung_jawa[-1] + 1)
    for c, v in enumerate(src, start=1):
        units.cell(kampung_jawa[-1] + 1, c).value = v
    wb.save(TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(leaving)} left, {len(NEW_NAMES)} joined")


if __name__ == "__main__":
    main()
