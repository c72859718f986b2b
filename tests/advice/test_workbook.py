"""The saran workbook keeps every roster text a text, and lays out each table once."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from rwassign.advice.records import Advice, Member, TrainingRow
from rwassign.advice.workbook import tables, write_saran


def _advice(name: str) -> Advice:
    row = TrainingRow(
        k=1, members=(Member("80010001", name, "BRIPKA", "SAT SAMAPTA"),), added=2,
        added_by_priority=(1, 0, 1), weighted_added=4, residence_added=1, travel_km_change=-1.5,
        nested=True, proven=True, coverage_proven=True, gap=0.0, method="flow", checked=True,
        seconds=0.1,
    )  # fmt: skip
    return Advice(
        polres="POLRES UJI", kinds="RW", units=3, units_by_priority=(1, 1, 1), eligible=1,
        cap=1, max_travel_km=None, baseline_by_priority=(1, 0, 0), candidates=1, max_k=50,
        training=(row,), saturated_at=1, kecamatan=(), settings=(), whatif_km=10.0,
    )  # fmt: skip


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    out = write_saran(_advice("=HYPERLINK(1)"), tmp_path / "x-saran.xlsx")
    ws = load_workbook(out)["Latih"]
    cells = [
        c for r in ws.iter_rows() for c in r if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert cells and all(c.data_type == "s" for c in cells)
    assert cells[0].value == "80010001 =HYPERLINK(1) (BRIPKA)"


def test_the_training_line_reads_as_the_issue_asks() -> None:
    training, _, _ = tables(_advice("SRI"), "id")
    assert training.rows[0][1] == "latih 1 personel berikut -> +2 RW (1 Tinggi)"
    assert training.notes == ("Melatih lebih dari 1 personel tidak menambah apa pun.",)
    training, _, _ = tables(_advice("SRI"), "en")
    assert training.rows[0][1] == "train these 1 members -> +2 RW (1 Tinggi)"
