"""Writing a plan to Excel and reading it back, on a hand-built result.

The tiny instance (2 desa, 4 units, 5 officers; synthetic people):

- Kelurahan Kampung Jawa (Kec. Lebong Utara, Polsek Lebong Utara): RW 01 (Tinggi), RW 02
  (Rendah).
- Desa Gandung (Kec. Topos, Polsek Rimbo Pengadang): Dusun 1 (Sedang), Dusun 2 (Rendah).
- Budi lives in RW 01 and holds it (0 km).  Rahmat (NRP 01020345, born 2001) lives in Dusun 2,
  which Siti, who also lives there, holds (0.4 km); he takes Dusun 1 (3.25 km).  Dedi is a
  Tamtama with too little service: ineligible on two rules.  Yusuf lives 40 km away, beyond
  the 10 km limit: reserve.  RW 02 is left uncovered.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

import rwassign
from rwassign import i18n
from rwassign.errors import OutputError
from rwassign.io import embed
from rwassign.io.plan import read_plan
from rwassign.io.plan.layout import PLAN_HEADERS, ROSTER_HEADERS, SHEETS
from rwassign.io.write import write_workbook
from rwassign.model import (
    Assignment,
    Instance,
    Location,
    Objective,
    Officer,
    OfficerOutcome,
    Point,
    Problem,
    Rank,
    RankGroup,
    Reason,
    Severity,
    SolveResult,
    SolveStatus,
    UncoveredUnit,
    Unit,
)
from rwassign.report import rule_label, sha256_file, shortage_text, summarize
from rwassign.settings import Settings

BRIPKA = Rank("BRIPKA", "BRIGADIR POLISI KEPALA", RankGroup.BINTARA, 10)
BRIPDA = Rank("BRIPDA", "BRIGADIR POLISI DUA", RankGroup.BINTARA, 7)
AIPDA = Rank("AIPDA", "AJUN INSPEKTUR POLISI DUA", RankGroup.BINTARA, 11)
BHARADA = Rank("BHARADA", "BHAYANGKARA DUA", RankGroup.TAMTAMA, 1)

KJ = "LEBONG UTARA|KAMPUNG JAWA"
GD = "TOPOS|GANDUNG"


def _unit(desa_key: str, kind: str, number: int, priority: int) -> Unit:
    kec, desa = desa_key.split("|")
    polsek = "Polsek Lebong Utara" if kec == "LEBONG UTARA" else "Polsek Rimbo Pengadang"
    return Unit(
        uid=f"{desa_key}|{number}",
        kecamatan=kec.title(),
        desa=desa.title(),
        kind=kind,
        number=number,
        polsek=polsek,
        priority=priority,
        point=Point(-3.0, 102.2),
        point_source="unit",
    )


def _officer(
    index: int, nama: str, nrp: str, rank: Rank, jabatan: str = "", kesatuan: str = ""
) -> Officer:
    src = Location("personel.xlsx", "Personel", row=5 + index)
    return Officer(index, nama, nrp, rank, jabatan=jabatan, kesatuan=kesatuan, source=src)


def make_result() -> SolveResult:
    units = (
        # Deliberately not in sheet order, to see the sorting.
        _unit(GD, "Dusun", 2, 1),
        _unit(KJ, "RW", 1, 3),
        _unit(GD, "Dusun", 1, 2),
        _unit(KJ, "RW", 2, 1),
    )
    officers = (
        _officer(0, "Budi Santoso", "87050123", BRIPKA, jabatan="BA SAT LANTAS", kesatuan="POLRES"),
        _officer(1, "Rahmat Hidayat", "01020345", BRIPDA, jabatan="BA SAMAPTA"),
        _officer(2, "Siti Aminah", "79110456", AIPDA, kesatuan="POLSEK RIMBO PENGADANG"),
        _officer(3, "Dedi Kurniawan", "98030567", BHARADA),
        _officer(4, "Yusuf Maulana", "88070678", BRIPKA),
    )
    instance = Instance("Polres Lebong", units, officers)
    assignments = (
        Assignment(f"{KJ}|1", 0, 0.0, True, "koordinat", Reason("reason.resident", {"unit": "RW"})),
        Assignment(
            f"{GD}|1",
            1,
            3.25,
            False,
            "koordinat",
            Reason(
                "reason.home_taken",
                {
                    "home": "Dusun 2",
                    "holder": "Siti Aminah",
                    "unit": "Dusun 1",
                    "km": "3.25",
                    "why": {
                        "id": "tidak ada RW/dusun kosong yang lebih dekat",
                        "en": "no open unit is closer",
                    },
                },
            ),
        ),
        Assignment(
            f"{GD}|2", 2, 0.4, True, "koordinat", Reason("reason.resident", {"unit": "dusun"})
        ),
    )
    outcomes = (
        OfficerOutcome(0, True, (), (f"{KJ}|1",), Reason("outcome.assigned", {"units": "RW 01"})),
        OfficerOutcome(1, True, (), (f"{GD}|1",), Reason("outcome.assigned", {"units": "Dusun 1"})),
        OfficerOutcome(2, True, (), (f"{GD}|2",), Reason("outcome.assigned", {"units": "Dusun 2"})),
        OfficerOutcome(
            3,
            False,
            ("pangkat", "masa_dinas"),
            (),
            Reason("outcome.ineligible", {"why": "pangkat, masa_dinas"}),
        ),
        OfficerOutcome(4, True, (), (), Reason("outcome.reserve_reach")),
    )
    uncovered = (UncoveredUnit(f"{KJ}|2", Reason("uncovered.beyond_limit", {"km": 10})),)
    warning = Problem(
        "run.rule_unchecked",
        Severity.WARNING,
        Location("personel.xlsx", "Personel", column="PELATIHAN"),
        {"rule": "pelatihan", "column": "PELATIHAN"},
    )
    return SolveResult(
        status=SolveStatus.OPTIMAL,
        instance=instance,
        settings=Settings(max_travel_km=10.0),
        assignments=assignments,
        outcomes=outcomes,
        uncovered=uncovered,
        objective=Objective(weighted_coverage=6, covered=3, residence=2, travel_m=3650),
        bound=Objective(weighted_coverage=6, covered=3, residence=2, travel_m=3650),
        gap=0.0,
        seconds={"read": 0.25, "solve": 1.5},
        warnings=(warning,),
        unchecked_rules=("pelatihan",),
    )


@pytest.fixture
def result() -> SolveResult:
    return make_result()


@pytest.fixture
def written(tmp_path: Path, result: SolveResult) -> Path:
    src = tmp_path / "personel.xlsx"
    src.write_bytes(b"not really a workbook, but hashable")
    out = tmp_path / "hasil.xlsx"
    write_workbook(result, out, input_files=[src])
    return out


def _rows(ws: Worksheet) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]


def _col(ws: Worksheet, header: str) -> int:
    names = [c.value for c in ws[1]]
    return names.index(header)


# --- summarize -------------------------------------------------------------------------------


def test_summarize_counts_by_hand(result: SolveResult) -> None:
    facts = summarize(result, output=Path("hasil.xlsx"), input_hashes={"personel.xlsx": "ab"})
    assert facts["status"] == "OPTIMAL"
    assert facts["polres"] == "Polres Lebong"
    # 4 units; RW 01, Dusun 1 and Dusun 2 are assigned, RW 02 is not.
    assert (facts["units"], facts["covered"], facts["uncovered"]) == (4, 3, 1)
    assert facts["coverage_pct"] == 75.0  # 3 / 4
    # Default weights Tinggi 3, Sedang 2, Rendah 1: RW 01 (3) + Dusun 1 (2) + Dusun 2 (1) = 6,
    # and RW 02 (1) more for all four = 7.
    assert (facts["weighted_coverage"], facts["weighted_coverage_max"]) == (6, 7)
    assert facts["residence_matches"] == 2  # Budi in RW 01, Siti in Dusun 2
    assert facts["travel_km"] == 3.65  # 0.0 + 3.25 + 0.4
    assert facts["travel_km_mean"] == 1.22  # 3.65 / 3 = 1.2166...
    # Officers: 5 rows; Dedi ineligible; Budi, Rahmat, Siti assigned; Yusuf reserve.
    assert facts["officers"] == 5
    assert (facts["eligible"], facts["assigned"], facts["reserve"]) == (4, 3, 1)
    assert facts["ineligible"] == 1
    # Dedi fails two rules and counts under each, but once in "ineligible".
    assert facts["ineligible_by_rule"] == {"masa_dinas": 1, "pangkat": 1}
    assert facts["coverage_by_polsek"] == [
        {"polsek": "Polsek Lebong Utara", "units": 2, "covered": 1},
        {"polsek": "Polsek Rimbo Pengadang", "units": 2, "covered": 2},
    ]
    assert facts["coverage_by_kecamatan"] == [
        {"kecamatan": "Lebong Utara", "units": 2, "covered": 1},
        {"kecamatan": "Topos", "units": 2, "covered": 2},
    ]
    assert facts["gap"] == 0.0
    assert facts["seconds"] == {"total": 1.75, "read": 0.25, "solve": 1.5}  # total = sum
    assert facts["settings"]["max_travel_km"] == "10.0"
    assert facts["unchecked_rules"] == ["pelatihan"]
    assert facts["warnings"] == 1
    assert facts["version"] == rwassign.__version__
    assert facts["input_sha256"] == {"personel.xlsx": "ab"}
    assert facts["output"] == "hasil.xlsx"
    assert json.loads(json.dumps(facts)) == facts


def test_summarize_without_plan_is_still_json(result: SolveResult) -> None:
    empty = dataclasses.replace(
        result,
        status=SolveStatus.NO_PLAN,
        assignments=(),
        gap=float("inf"),
        seconds={"total": 2.0, "solve": 1.9},
    )
    facts = summarize(empty)
    assert (facts["covered"], facts["travel_km"], facts["travel_km_mean"]) == (0, 0.0, 0.0)
    assert facts["gap"] is None and facts["output"] is None
    assert facts["seconds"]["total"] == 2.0  # a measured total wins over the sum
    json.dumps(facts, allow_nan=False)


def test_shortage_arithmetic_by_hand(result: SolveResult) -> None:
    """Eligible x cap against units, for the Polres and by the kecamatan members live in."""
    homes = {0: "LEBONG UTARA", 1: "TOPOS", 2: "TOPOS", 4: None}
    officers = tuple(
        dataclasses.replace(o, home_kecamatan=homes.get(o.index)) for o in result.instance.officers
    )
    reserve_ineligible = dataclasses.replace(result.outcomes[4], eligible=False)
    short = dataclasses.replace(
        result,
        instance=dataclasses.replace(result.instance, officers=officers),
        outcomes=(*result.outcomes[:4], reserve_ineligible),
    )
    facts = summarize(short)["shortage"]
    # Budi, Rahmat, Siti eligible (Dedi and now Yusuf not): 3 x cap 1 = 3 < 4 units: 1 short.
    assert {k: facts[k] for k in ("eligible", "cap", "capacity", "units", "short")} == {
        "eligible": 3, "cap": 1, "capacity": 3, "units": 4, "short": 1
    }  # fmt: skip
    assert facts["unit_kinds"] == ["Dusun", "RW"]
    # Lebong Utara: 2 units, Budi lives there (1 x 1); Topos: 2 units, Rahmat and Siti (2 x 1).
    assert facts["by_kecamatan"] == [
        {"kecamatan": "Lebong Utara", "units": 2, "eligible": 1, "capacity": 1, "short": 1},
        {"kecamatan": "Topos", "units": 2, "eligible": 2, "capacity": 2, "short": 0},
    ]
    assert facts["home_elsewhere"] == 0
    assert shortage_text(facts, "id") == (
        "3 personel memenuhi syarat x 1 RW/dusun = 3 < 4 RW/dusun: "
        "1 RW/dusun pasti belum terisi, berapa pun jaraknya."
    )
    assert shortage_text(facts, "en").startswith("3 eligible members x 1 RW/dusun = 3 < 4")
    capped = summarize(dataclasses.replace(short, settings=Settings(max_units_per_officer=2)))
    assert capped["shortage"]["capacity"] == 6 and capped["shortage"]["short"] == 0
    # Yusuf (no known home) counts as living elsewhere once he is eligible again.
    assert (
        summarize(dataclasses.replace(result, instance=short.instance))["shortage"][
            "home_elsewhere"
        ]
        == 1
    )


def test_sha256_file(tmp_path: Path) -> None:
    f = tmp_path / "a.xlsx"
    f.write_bytes(b"abc" * 50_000)
    assert sha256_file(f) == hashlib.sha256(b"abc" * 50_000).hexdigest()


# --- workbook --------------------------------------------------------------------------------


def test_sheets_in_order_and_formatted(written: Path) -> None:
    wb = openpyxl.load_workbook(written)
    assert tuple(wb.sheetnames) == (*SHEETS, "_rwassign")
    assert wb["_rwassign"].sheet_state == "veryHidden"
    assert SHEETS == ("Ringkasan", "Penugasan", "Belum Terisi", "Personel", "Peringatan")
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert all(c.font.bold for c in ws[1] if c.value is not None), ws.title
        assert ws.freeze_panes == "A2", ws.title
        if ws.title != "Ringkasan":
            assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title


def test_penugasan_rows_equal_assignments(written: Path, result: SolveResult) -> None:
    ws = openpyxl.load_workbook(written)["Penugasan"]
    assert tuple(c.value for c in ws[1]) == PLAN_HEADERS
    rows = _rows(ws)
    assert len(rows) == len(result.assignments)
    # Sorted by Polsek, kecamatan, desa, number.
    assert [(r[1], r[4]) for r in rows] == [
        ("Polsek Lebong Utara", "RW 01"),
        ("Polsek Rimbo Pengadang", "Dusun 1"),
        ("Polsek Rimbo Pengadang", "Dusun 2"),
    ]
    assert [r[0] for r in rows] == [1, 2, 3]
    assert rows[0][5] == "Tinggi" and rows[1][5] == "Sedang"
    assert rows[1][6:10] == ["01020345", "Rahmat Hidayat", "BRIPDA", "BA SAMAPTA"]
    assert rows[0][9] == "BA SAT LANTAS / POLRES"
    assert rows[1][10] == 3.25 and rows[1][11] == "koordinat"
    assert rows[1][12] == i18n.text(
        result.assignments[1].reason.code, result.assignments[1].reason.params, "id"
    )
    pairs = sorted((str(r[-1]), str(r[6])) for r in rows)
    assert pairs == result.assignment_rows()


def test_nrp_is_text_with_leading_zero(written: Path) -> None:
    wb = openpyxl.load_workbook(written)
    for title in ("Penugasan", "Personel"):
        ws = wb[title]
        col = _col(ws, "NRP") + 1
        cells = [ws.cell(r, col) for r in range(2, ws.max_row + 1)]
        assert all(isinstance(c.value, str) and c.number_format == "@" for c in cells)
        assert "01020345" in [c.value for c in cells]
    km = wb["Penugasan"].cell(3, PLAN_HEADERS.index("JARAK (KM)") + 1)
    assert km.number_format == "0.00"


def test_read_plan_round_trips(written: Path, result: SolveResult) -> None:
    assert read_plan(written) == result.assignment_rows()
    assert ("TOPOS|GANDUNG|1", "01020345") in read_plan(written)


def test_read_plan_repairs_an_nrp_excel_made_a_number(written: Path) -> None:
    wb = openpyxl.load_workbook(written)
    ws = wb["Penugasan"]
    ws.cell(3, PLAN_HEADERS.index("NRP") + 1).value = 1020345  # what Excel does to 01020345
    wb.save(written)
    assert ("TOPOS|GANDUNG|1", "01020345") in read_plan(written)


def test_read_plan_errors(tmp_path: Path, written: Path) -> None:
    wb = openpyxl.load_workbook(written)
    del wb["Penugasan"]
    broken = tmp_path / "tanpa_penugasan.xlsx"
    wb.save(broken)
    with pytest.raises(OutputError) as err:
        read_plan(broken)
    assert err.value.code == "plan.sheet_missing"
    junk = tmp_path / "bukan.xlsx"
    junk.write_text("bukan workbook")
    with pytest.raises(OutputError) as err:
        read_plan(junk)
    assert err.value.code == "plan.not_readable"


def test_belum_terisi(written: Path, result: SolveResult) -> None:
    ws = openpyxl.load_workbook(written)["Belum Terisi"]
    rows = _rows(ws)
    assert rows == [
        [
            1,
            "Polsek Lebong Utara",
            "Lebong Utara",
            "Kampung Jawa",
            "RW 02",
            "Rendah",
            i18n.text(result.uncovered[0].reason.code, result.uncovered[0].reason.params, "id"),
            "LEBONG UTARA|KAMPUNG JAWA|2",
        ]
    ]


def test_personel_every_roster_row_once_in_order(written: Path, result: SolveResult) -> None:
    ws = openpyxl.load_workbook(written)["Personel"]
    assert tuple(c.value for c in ws[1]) == ROSTER_HEADERS
    rows = _rows(ws)
    assert [r[3] for r in rows] == [o.nrp for o in result.instance.officers]
    assert [r[9] for r in rows] == [5, 6, 7, 8, 9]  # BARIS ASAL
    hasil = [r[6] for r in rows]
    assert hasil == [
        "DITUGASKAN",
        "DITUGASKAN",
        "DITUGASKAN",
        "TIDAK MEMENUHI SYARAT",
        "CADANGAN",
    ]
    assert rows[0][7] == "RW 01 Kampung Jawa"
    assert rows[2][7] == "Dusun 2 Gandung"
    assert rows[3][8] == f"{rule_label('pangkat')}; {rule_label('masa_dinas')}"
    assert rows[4][8] == i18n.text("outcome.reserve_reach")


def test_personel_lists_several_units(tmp_path: Path, result: SolveResult) -> None:
    two = dataclasses.replace(result.outcomes[1], units=(f"{GD}|1", f"{KJ}|2"))
    changed = dataclasses.replace(result, outcomes=(result.outcomes[0], two, *result.outcomes[2:]))
    out = tmp_path / "dua.xlsx"
    write_workbook(changed, out)
    rows = _rows(openpyxl.load_workbook(out)["Personel"])
    assert rows[1][7] == "Dusun 1 Gandung; RW 02 Kampung Jawa"


def test_ringkasan_labels_and_hashes(tmp_path: Path, written: Path) -> None:
    ws = openpyxl.load_workbook(written)["Ringkasan"]
    values = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    assert values["Jumlah RW/Dusun"] == 4
    assert values["Terisi"] == 3
    assert values["Cakupan (%)"] == 75
    assert values["Cakupan berbobot"] == 6
    assert values["Sesuai domisili"] == 2
    assert values["Total jarak (km)"] == 3.65
    assert values["Rata-rata jarak (km)"] == 1.22
    assert (values["Personel"], values["Memenuhi syarat"], values["Ditugaskan"]) == (5, 4, 3)
    assert (values["Cadangan"], values["Tidak memenuhi syarat"]) == (1, 1)
    assert values[f"   - {rule_label('pangkat', 'id')}"] == 1
    assert str(values["Status solver"]).startswith("OPTIMAL")
    assert values["Gap"] == 0
    assert not [label for label in values if str(label).startswith("Waktu")]  # in --json only
    assert values["Versi rwassign"] == rwassign.__version__
    # Settings by their Indonesian label, the TOML key on the line below in small print.
    assert values[f"{i18n.text('setting_label.max_travel_km')}\nmax_travel_km"] == "10.0"
    # 4 eligible x cap 1 = 4 >= 4 units: the shortage sentence says there are enough.
    assert (
        i18n.text(
            "summary.shortage_none",
            {"eligible": 4, "cap": 1, "word": "RW/dusun", "capacity": 4, "units": 4},
        )
        in values
    )
    expected = hashlib.sha256(b"not really a workbook, but hashable").hexdigest()
    assert values["SHA-256 personel.xlsx"] == expected
    assert values["Polsek Rimbo Pengadang"] == 2  # coverage table: units
    assert values["Topos"] == 2


def test_peringatan(written: Path, tmp_path: Path, result: SolveResult) -> None:
    rows = _rows(openpyxl.load_workbook(written)["Peringatan"])
    assert len(rows) == 1
    no, jenis, berkas, sheet, baris, kolom, pesan, saran, kode = rows[0]
    assert (no, jenis, berkas, sheet, baris, kolom) == (
        1,
        "PERINGATAN",
        "personel.xlsx",
        "Personel",
        None,
        "PELATIHAN",
    )
    assert pesan == i18n.text("run.rule_unchecked", result.warnings[0].params)
    assert saran == i18n.hint("run.rule_unchecked", result.warnings[0].params)
    assert kode == "run.rule_unchecked"

    out = tmp_path / "bersih.xlsx"
    write_workbook(dataclasses.replace(result, warnings=()), out)
    rows = _rows(openpyxl.load_workbook(out)["Peringatan"])
    assert len(rows) == 1 and "Tidak ada peringatan" in rows[0]


def test_english_reasons_indonesian_headers(tmp_path: Path, result: SolveResult) -> None:
    out = tmp_path / "en.xlsx"
    write_workbook(result, out, lang="en")
    ws = openpyxl.load_workbook(out)["Penugasan"]
    assert tuple(c.value for c in ws[1]) == PLAN_HEADERS
    assert ws.cell(2, PLAN_HEADERS.index("ALASAN") + 1).value == i18n.text(
        result.assignments[0].reason.code, result.assignments[0].reason.params, "en"
    )


# --- atomic write ----------------------------------------------------------------------------


def test_atomic_write_leaves_no_temp_file(tmp_path: Path, result: SolveResult) -> None:
    out = tmp_path / "hasil.xlsx"
    write_workbook(result, out)
    write_workbook(result, out)  # overwriting an older plan is fine
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.xlsx"]


def test_failure_mid_write_leaves_nothing(
    tmp_path: Path, result: SolveResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(self: xlsxwriter.Workbook) -> None:
        raise RuntimeError("disk vanished")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", boom)
    out = tmp_path / "hasil.xlsx"
    with pytest.raises(RuntimeError, match="disk vanished"):
        write_workbook(result, out)
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_the_previous_plan(
    tmp_path: Path, result: SolveResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "hasil.xlsx"
    write_workbook(result, out)
    before = out.read_bytes()

    def boom(self: xlsxwriter.Workbook) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", boom)
    with pytest.raises(OutputError) as err:
        write_workbook(result, out)
    assert err.value.code == "output.not_writable"
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.xlsx"]


def test_a_failing_extra_sheet_leaves_nothing(tmp_path: Path, result: SolveResult) -> None:
    """A caller's sheet that fails half-way costs the file, never leaves half of one."""

    def broken(workbook: xlsxwriter.Workbook) -> None:
        workbook.add_worksheet("Peta").write_string(0, 0, "setengah")
        raise ValueError("gambar rusak")

    with pytest.raises(ValueError, match="gambar rusak"):
        write_workbook(result, tmp_path / "hasil.xlsx", extra_sheets=[broken])
    assert list(tmp_path.iterdir()) == []


def test_extra_sheets_come_after_the_standard_ones(tmp_path: Path, result: SolveResult) -> None:
    def saran(workbook: xlsxwriter.Workbook) -> None:
        workbook.add_worksheet("Saran").write_string(0, 0, "=1+1")  # text, as everywhere

    def peta(workbook: xlsxwriter.Workbook) -> None:
        workbook.add_worksheet("Peta").write_number(1, 1, 7)

    out = tmp_path / "hasil.xlsx"
    write_workbook(result, out, extra_sheets=[saran, peta])
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [*SHEETS, "_rwassign", "Saran", "Peta"]
    assert (wb["Saran"]["A1"].value, wb["Saran"]["A1"].data_type) == ("=1+1", "s")
    assert wb["Peta"]["B2"].value == 7
    assert read_plan(out) == result.assignment_rows()  # the reader ignores the extra sheets


def test_same_plan_same_bytes(tmp_path: Path, result: SolveResult) -> None:
    """The file depends only on what it holds (fixed created date, fixed zip times), so two
    runs can be compared by hash; a different plan gives different bytes."""
    first, second = tmp_path / "a" / "hasil.xlsx", tmp_path / "b" / "hasil.xlsx"
    first.parent.mkdir()
    second.parent.mkdir()
    write_workbook(result, first)
    write_workbook(result, second)
    assert first.read_bytes() == second.read_bytes()
    write_workbook(result, second, lang="en")
    assert first.read_bytes() != second.read_bytes()


def test_refuses_to_overwrite_an_input(tmp_path: Path, result: SolveResult) -> None:
    src = tmp_path / "data.xlsx"
    src.write_bytes(b"roster")
    (tmp_path / "sub").mkdir()
    for target in (src, tmp_path / "sub" / ".." / "data.xlsx"):
        with pytest.raises(OutputError) as err:
            write_workbook(result, target, input_files=[src])
        assert err.value.code == "output.same_as_input"
        assert "data.xlsx" in err.value.text("id") and err.value.hint("id")
    assert src.read_bytes() == b"roster"


def test_refuses_bad_targets(tmp_path: Path, result: SolveResult) -> None:
    with pytest.raises(OutputError) as err:
        write_workbook(result, tmp_path / "hasil.csv")
    assert err.value.code == "output.not_xlsx"
    with pytest.raises(OutputError) as err:
        write_workbook(result, tmp_path / "tidak_ada" / "hasil.xlsx")
    assert err.value.code == "output.dir_missing"
    assert list(tmp_path.iterdir()) == []


_JSON = st.recursive(
    st.one_of(st.text(), st.integers(), st.none(), st.booleans(), st.floats()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=4), inner, max_size=3),
    ),
    max_leaves=8,
)


@given(_JSON)
def test_a_field_digest_is_the_canonical_json_one(value: object) -> None:
    """The fast path of the hidden sheet's field digests hashes the same bytes as canonical
    JSON, so plans written before it still verify."""
    assert embed._field_bytes(value) == embed._canonical(value)


def test_the_quick_cell_loop_writes_xlsxwriters_own_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """``quick.QuickRows`` writes the sheet data itself; it must give the very bytes of
    xlsxwriter's own loop for every kind of cell a plan holds, in every style situation:
    text (with characters XML escapes), rich text, whole and fractional numbers, booleans,
    empty styled cells, merged cells, rows with and without a height, a gap of empty rows,
    texts at and over the length xlsxwriter checks (and cuts), a carriage return."""
    import io

    from rwassign.io.write import xlsx
    from rwassign.io.write.grid import Book, Cell, Page, Rich, Run, Sheet, Style

    if not xlsx.quick.QUICK:
        pytest.skip(f"xlsxwriter {xlsxwriter.__version__}: its own loop is used")
    bold, grey = Style(bold=True, fill="DDDDDD", wrap=True), Style(color="808080", indent=1)
    sheet = Sheet("Data", widths=[12.0, 30.0, 8.5])
    sheet.append(["NO", 'NAMA <&> "x"', "=1+1"], bold)
    sheet.append([1, "Andi\nSaputra", 3.25], grey)
    sheet.append([True, False, None], grey)
    sheet.append_cells([Cell(Rich((Run("RW "), Run("03", 8.0, "808080")))), Cell(""), Cell(7)])
    sheet.cell(7, 4).value = "far away, below a gap"
    sheet.append(["the", "widest", "row", "is", "all", "text"])  # the sheet's extent from text
    sheet.merge(5, 1, 3)
    sheet.cell(5, 1).value = "merged title"
    sheet.heights = {1: 30.0, 2: 25.5, 7: 12.75}
    sheet.page = Page(landscape=True, footer="Halaman &P", title_rows=1, last_column=3)
    plain = Sheet("Plain")
    plain.append(["no style at all", 12345678901234567890, -0.0, 1e-300])
    plain.append(["x" * 16_383, "y" * 16_384, "\U0001f600" * 17_000, "line\r\nbreak"])  # limits
    texts = Sheet("Texts")
    texts.append(["only", "text"])  # its extent comes from text alone, first column to last
    book = Book([sheet, plain, texts], ())

    def render(quick: bool) -> list[tuple[str, tuple[int, ...], int, bytes]]:
        monkeypatch.setattr(xlsx.quick, "QUICK", quick)
        out = io.BytesIO()
        xlsx.render(book, out)
        return _parts(out.getvalue())

    assert render(True) == render(False)


def _parts(data: bytes) -> list[tuple[str, tuple[int, ...], int, bytes]]:
    """Each part of a zip in order: name, date, compression and inflated bytes."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, i.date_time, i.compress_type, z.read(i)) for i in z.infolist()]


def test_the_quick_zip_holds_xlsxwriters_own_parts_deflated_faster(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``xlsx.quick.QuickBook`` zips the parts itself, at ``ZIP_LEVEL``: the same parts in the same
    order with the same names, dates and contents as xlsxwriter's own, each deflated, and the
    file a few bytes longer (level 1 packs less than zlib's default), never a stored part."""
    import io

    from rwassign.io.write import xlsx
    from rwassign.io.write.grid import Book, Sheet

    if not xlsx.quick.QUICK:
        pytest.skip(f"xlsxwriter {xlsxwriter.__version__}: its own zip is used")
    sheet = Sheet("Data")
    for n in range(300):
        sheet.append([f"BRIPKA ANGGOTA {n:04d}", n * 7, f"Desa {n % 17} / RW {n % 9:02d}"])
    book = Book([sheet], ())

    def render(quick: bool) -> bytes:
        monkeypatch.setattr(xlsx.quick, "QUICK", quick)
        out = io.BytesIO()
        xlsx.render(book, out)
        return out.getvalue()

    quick, own = render(True), render(False)
    assert _parts(quick) == _parts(own)
    assert {c for _, _, c, _ in _parts(quick)} == {zipfile.ZIP_DEFLATED}
    assert len(own) < len(quick) < 2 * len(own)
    assert render(True) == quick  # the same bytes again


def test_the_quick_shared_strings_are_xlsxwriters_own_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``quick.QuickStrings`` writes the shared-string part itself; every text a roster can
    hold must give xlsxwriter's own bytes: spaces at either end (kept with ``xml:space``),
    a no-break space, tabs, line breaks, control characters and ``_xHHHH_`` look-alikes
    (Excel's escapes), non-characters, XML's special characters, accents, emoji, a text that
    looks like rich-text XML, and rich text itself."""
    import io
    import zipfile

    from rwassign.io.write import xlsx
    from rwassign.io.write.grid import Book, Cell, Rich, Run, Sheet

    if not xlsx.quick.QUICK:
        pytest.skip(f"xlsxwriter {xlsxwriter.__version__}: its own writer is used")
    texts = ["BRIPKA SITI", " lead", "trail ", "\u00a0nbsp", "nbsp\u00a0", "tab\there",
             "two\nlines", "ctl\x01x", "_x0041_", "a_xZZZZ_b", "_x", "non\ufffechar", "\uffff",
             'A & B <c> "d"', "Désa Tj. Périuk", "漢字", "emoji \U0001f600", "<r>x</r>",
             "<r>not closed", "=HYPERLINK(\"http://x\",\"y\")", "x" * 40, " ", "a  b"]  # fmt: skip
    sheet = Sheet("Strings")
    for text in texts:
        sheet.append([text, text.upper()])
    sheet.append_cells([Cell(Rich((Run("RW "), Run("03", 8.0, "808080"))))])
    book = Book([sheet], ())

    def strings(quick: bool) -> bytes:
        monkeypatch.setattr(xlsx.quick, "QUICK", quick)
        out = io.BytesIO()
        xlsx.render(book, out)
        with zipfile.ZipFile(out) as z:
            return z.read("xl/sharedStrings.xml")

    quick, own = strings(True), strings(False)
    assert quick == own
    assert b'xml:space="preserve"' in own and b"_x0001_" in own and b"&amp;" in own


def test_record_digests_by_column_are_each_fields_own() -> None:
    """The hidden sheet's per-record digests are made a column at a time; each must still be
    the digest of that one field (``_short``), whatever the column holds: text, whole numbers,
    yes/no, ``True`` beside ``1``, ``0.0`` beside ``-0.0``, empty cells, coordinates, source
    cells, a str subclass; and records whose fields differ take the field-by-field way."""

    class Name(str):
        pass

    records = [
        {"uid": "a|b|1", "n": 1, "flag": True, "mixed": True, "x": 0.0, "home": None,
         "point": [-3.4, 102.1], "source": {"file": "f.xlsx", "row": 5, "sheet": "S"},
         "name": Name("Siti")},
        {"uid": "a|b|2", "n": 2, "flag": False, "mixed": 1, "x": -0.0, "home": "desa",
         "point": None, "source": {"file": "f.xlsx", "row": 6, "sheet": "S"}, "name": Name("x")},
    ]  # fmt: skip
    for rows in (records, [*records, {"uid": "c", "other": "field"}]):
        expected = {str(r["uid"]): "".join(embed._short(r[f]) for f in sorted(r)) for r in rows}
        assert embed._record_digests(rows, "uid") == expected
    digests = embed._record_digests(records, "uid")
    assert digests["a|b|1"] != digests["a|b|2"]
    width = embed.FIELD_DIGITS
    fields = sorted(records[0])
    x, mixed = fields.index("x"), fields.index("mixed")
    assert (
        digests["a|b|1"][x * width : (x + 1) * width]
        != digests["a|b|2"][x * width : (x + 1) * width]
    )
    assert (digests["a|b|1"][mixed * width : (mixed + 1) * width]
            != digests["a|b|2"][mixed * width : (mixed + 1) * width])  # fmt: skip
