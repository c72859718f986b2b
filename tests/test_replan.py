"""Re-plan tests: fewest changes after a transfer order (mutasi), the Perubahan lines, pins.

Most cases are tiny instances on a north-south line (``north(km)`` from ``tests.builders``), so
every distance is a whole number of kilometres and the expected plan can be worked out by hand
in the comments.  Officers are placed by home coordinates only (no home unit), so the residence
level of the objective is 0 everywhere unless a test says otherwise; the order of the levels
(coverage > kept previous pairs > residence > travel) is then visible in travel alone.

The workbook cases go through ``pipeline.run`` and the CLI with the good test workbook
(``tests/data/polres_lebong.xlsx``: 6 units, 3 eligible members, cap 2).
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from rwassign import cli
from rwassign.changes import compute_changes
from rwassign.errors import EXIT_INPUT, EXIT_OK
from rwassign.explain import solve, unit_name
from rwassign.io.plan import read_plan
from rwassign.io.previous import read_previous, resolve_pin_text
from rwassign.model import Change, Instance, SolveResult, SolveStatus, Unit
from rwassign.pipeline import Request, prepare, run
from rwassign.rules import RULES
from rwassign.settings import Settings
from rwassign.solver import Guidance
from rwassign.solver.budget import Deadline
from tests.builders import FAST, instance, north, officer, unit
from tests.data.make_test_data import UNIT_ROWS, officer_row, write_book

DATA = Path(__file__).parent / "data"
GOOD = DATA / "polres_lebong.xlsx"

runner = CliRunner()


# --- helpers ----------------------------------------------------------------------------------


def _cli(*args: str | Path) -> Any:
    return runner.invoke(cli.app, [str(a) for a in args])


def replan(
    inst: Instance,
    previous: dict[str, str],
    *,
    pins: tuple[tuple[str, int], ...] = (),
    max_moves: int | None = None,
    settings: Settings = FAST,
    old_names: dict[str, str] | None = None,
) -> tuple[SolveResult, tuple[Change, ...]]:
    """Solve with a previous plan and compute the Perubahan lines, as the pipeline does."""
    result = solve(
        inst, settings, guidance=Guidance(previous=previous, pins=pins, max_moves=max_moves)
    )
    assert result.status is SolveStatus.OPTIMAL
    return result, compute_changes(result, previous, [], old_names)


def officer_lines(changes: Sequence[Change]) -> dict[str, Change]:
    """Officer lines by NRP (each officer has at most one line)."""
    out = {c.nrp: c for c in changes if not c.kind.startswith("UNIT_")}
    assert len(out) == sum(1 for c in changes if not c.kind.startswith("UNIT_"))
    return out


def unit_lines(changes: Sequence[Change]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(c.kind, c.old_units, c.new_units) for c in changes if c.kind.startswith("UNIT_")]


# Three units 5 km apart on a line; used by most cases.
U1 = unit("tunggang", 1, point=north(0))
U2 = unit("tunggang", 2, point=north(5))
U3 = unit("tunggang", 3, point=north(10))


# --- 1. unchanged roster ----------------------------------------------------------------------


def test_unchanged_roster_gives_zero_moves_and_the_same_plan() -> None:
    # a, b, c live at U1, U2, U3 (0 km each); r lives 20 km beyond U3 and stays in reserve
    # (cap 1).  The solve's own plan fed back as the previous plan changes nothing.
    offs = [
        officer(0, "80010001", home_point=north(0)),
        officer(1, "80010002", home_point=north(5)),
        officer(2, "80010003", home_point=north(10)),
        officer(3, "80010004", home_point=north(30)),
    ]
    inst = instance([U1, U2, U3], offs)
    first = solve(inst, FAST)
    assert first.assignment_rows() == [
        (U1.uid, "80010001"),
        (U2.uid, "80010002"),
        (U3.uid, "80010003"),
    ]
    previous = dict(first.assignment_rows())
    result, changes = replan(inst, previous)
    assert result.moves == 0
    assert result.assignment_rows() == first.assignment_rows()
    assert [c.kind for c in changes] == ["TETAP"] * 3
    assert [c.nrp for c in changes] == ["80010001", "80010002", "80010003"]


def test_unchanged_roster_through_the_cli(tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    r = _cli("solve", GOOD, "-o", a)
    assert r.exit_code == 0, r.output
    r = _cli("replan", GOOD, "--previous", a, "-o", b, "--json")
    assert r.exit_code == 0, r.output
    facts = json.loads(r.stdout)
    assert facts["moves"] == 0
    # the good workbook's plan: DEDI, RUDI and AGUS hold two units each (cap 2): 3 TETAP lines
    assert facts["changes"] == {
        "TETAP": 3, "TAMBAH": 0, "PINDAH": 0, "BARU": 0, "DILEPAS": 0, "UNIT_TERISI": 0,
        "UNIT_KOSONG": 0, "UNIT_DIHAPUS": 0,
    }  # fmt: skip
    assert read_plan(a) == read_plan(b)
    assert len(read_plan(a)) == 6
    assert "Perubahan" in load_workbook(b, read_only=True).sheetnames


def test_replan_without_output_never_overwrites_the_previous_plan(tmp_path: Path) -> None:
    # The README's command: the same roster file, its plan as --previous, no -o.
    roster = tmp_path / "roster.xlsx"
    roster.write_bytes(GOOD.read_bytes())
    assert _cli("solve", roster).exit_code == 0
    previous = tmp_path / "roster-penugasan.xlsx"
    before = previous.read_bytes()
    r = _cli("replan", roster, "--previous", previous)
    assert r.exit_code == 0, r.output
    assert previous.read_bytes() == before
    assert read_plan(tmp_path / "roster-penugasan-baru.xlsx") == read_plan(previous)
    # and again from that plan: a new name, never over either earlier plan
    baru = tmp_path / "roster-penugasan-baru.xlsx"
    baru_before = baru.read_bytes()
    r = _cli("replan", roster, "--previous", baru)
    assert r.exit_code == 0, r.output
    assert previous.read_bytes() == before and baru.read_bytes() == baru_before
    assert read_plan(tmp_path / "roster-penugasan-baru-2.xlsx") == read_plan(baru)


# --- 2. one assigned officer transferred out, a reserve available -----------------------------


def test_transfer_out_reserve_takes_the_unit_and_everyone_else_stays() -> None:
    # Previous plan: a at U1 (lives there), b at U2 (lives 5 km away, at U3's point), c at U3.
    # c is transferred out.  r lives at U2's point.
    #   travel-optimal plan: a-U1 0, b-U3 0, r-U2 0            -> keeps 1 previous pair
    #   fewest changes:      a-U1 0, b-U2 5, r-U3 5 (10 km)    -> keeps 2 previous pairs
    # Kept pairs rank above travel, so only c's unit changes hands.
    a = officer(0, "80020001", home_point=north(0))
    b = officer(1, "80020002", home_point=north(10))
    c = officer(2, "80020003", home_point=north(10))
    r = officer(3, "80020004", home_point=north(5))
    previous = {U1.uid: a.nrp, U2.uid: b.nrp, U3.uid: c.nrp}
    after = instance([U1, U2, U3], [a, b, r])  # c removed, indices renumbered
    assert solve(after, FAST).assignment_rows() == [
        (U1.uid, a.nrp),
        (U2.uid, r.nrp),
        (U3.uid, b.nrp),
    ]  # without the previous plan: the travel optimum
    result, changes = replan(after, previous, old_names={c.nrp: "CAHYO NUGROHO"})
    assert result.assignment_rows() == [(U1.uid, a.nrp), (U2.uid, b.nrp), (U3.uid, r.nrp)]
    assert result.moves == 0  # c's pair is not legal any more: not a move
    lines = officer_lines(changes)
    assert {k: v.kind for k, v in lines.items()} == {
        a.nrp: "TETAP",
        b.nrp: "TETAP",
        c.nrp: "DILEPAS",
        r.nrp: "BARU",
    }
    assert lines[c.nrp].reason.code == "change.left_roster"
    assert lines[c.nrp].old_units == (unit_name(U3),)
    assert lines[c.nrp].nama == "CAHYO NUGROHO"  # from the old plan: c is not on the roster
    assert lines[r.nrp].new_units == (unit_name(U3),)
    assert unit_lines(changes) == []  # U3 stays covered


# --- 3. one test per kind of change -----------------------------------------------------------


def test_officer_out_without_reserve_leaves_the_unit_empty() -> None:
    # a at U1, b at U2; b leaves and nobody else is eligible: U2 is newly uncovered.
    a = officer(0, "80030001", home_point=north(0))
    b = officer(1, "80030002", home_point=north(5))
    previous = {U1.uid: a.nrp, U2.uid: b.nrp}
    result, changes = replan(instance([U1, U2], [a]), previous)
    assert result.assignment_rows() == [(U1.uid, a.nrp)]
    lines = officer_lines(changes)
    assert lines[a.nrp].kind == "TETAP"
    assert lines[b.nrp].kind == "DILEPAS"
    assert lines[b.nrp].reason.code == "change.left_roster"
    assert unit_lines(changes) == [("UNIT_KOSONG", (unit_name(U2),), ())]
    kosong = next(c for c in changes if c.kind == "UNIT_KOSONG")
    assert kosong.reason == next(u.reason for u in result.uncovered if u.unit_uid == U2.uid)


def test_officer_in_covers_an_uncovered_unit() -> None:
    # Before: a at U1, U2 uncovered.  A new member n (living at U2) arrives: BARU + UNIT_TERISI.
    a = officer(0, "80040001", home_point=north(0))
    n = officer(1, "80040002", home_point=north(5), nama="NANDA PUTRA")
    result, changes = replan(instance([U1, U2], [a, n]), {U1.uid: a.nrp})
    assert result.assignment_rows() == [(U1.uid, a.nrp), (U2.uid, n.nrp)]
    assert result.moves == 0
    lines = officer_lines(changes)
    assert lines[a.nrp].kind == "TETAP"
    assert lines[n.nrp].kind == "BARU"
    assert lines[n.nrp].new_units == (unit_name(U2),)
    assert unit_lines(changes) == [("UNIT_TERISI", (), (unit_name(U2),))]
    terisi = next(c for c in changes if c.kind == "UNIT_TERISI")
    assert terisi.reason.code == "change.unit_covered"
    assert "NANDA PUTRA" in terisi.reason.params["holder"]


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"pangkat": "KOMPOL"}, "pangkat"),  # promoted past Perwira Pertama
        ({"bhabinkamtibmas": True}, "bhabinkamtibmas"),  # made a Bhabinkamtibmas
    ],
    ids=["promoted_kompol", "became_bhabinkamtibmas"],
)
def test_officer_no_longer_eligible_is_released(change: dict[str, Any], rule: str) -> None:
    # a held U1, b held U2; a is now ineligible.  Reserve r lives 1 km from U1 and takes it.
    a = officer(0, "80050001", home_point=north(0), **change)
    b = officer(1, "80050002", home_point=north(5))
    r = officer(2, "80050003", home_point=north(1))
    result, changes = replan(instance([U1, U2], [a, b, r]), {U1.uid: a.nrp, U2.uid: b.nrp})
    assert result.assignment_rows() == [(U1.uid, r.nrp), (U2.uid, b.nrp)]
    assert result.moves == 0  # a's old pair is not legal any more
    assert result.outcomes[0].failed_rules == (rule,)
    lines = officer_lines(changes)
    assert lines[a.nrp].kind == "DILEPAS"
    assert lines[a.nrp].reason.code == "change.ineligible"
    assert lines[a.nrp].reason.params["why"]["id"] == RULES[rule].label_id
    assert lines[a.nrp].old_units == (unit_name(U1),)
    assert lines[b.nrp].kind == "TETAP"
    assert lines[r.nrp].kind == "BARU"
    assert unit_lines(changes) == []


def test_officer_who_keeps_a_unit_and_takes_one_more_is_tambah_not_pindah() -> None:
    # Cap 2.  Before: a held U1, b held U2.  b leaves; nobody else: a keeps U1 and also takes
    # U2 (5 km).  a lost nothing, so the line is TAMBAH, not PINDAH with a "removed" reason.
    a = officer(0, "80065001", home_point=north(0))
    b = officer(1, "80065002", home_point=north(5))
    cap2 = dataclasses.replace(FAST, max_units_per_officer=2)
    result, changes = replan(instance([U1, U2], [a]), {U1.uid: a.nrp, U2.uid: b.nrp}, settings=cap2)
    assert result.assignment_rows() == [(U1.uid, a.nrp), (U2.uid, a.nrp)]
    assert result.moves == 0
    lines = officer_lines(changes)
    assert lines[a.nrp].kind == "TAMBAH"
    assert lines[a.nrp].old_units == (unit_name(U1),)
    assert lines[a.nrp].new_units == (unit_name(U1), unit_name(U2))
    assert lines[a.nrp].reason.code == "change.added"
    assert lines[a.nrp].reason.params == {"kept": unit_name(U1), "added": unit_name(U2)}
    assert lines[b.nrp].kind == "DILEPAS"
    assert unit_lines(changes) == []


def test_unit_added_is_covered_by_a_reserve() -> None:
    # a at U1, b at U2 as before; U3 is a new RW; reserve r lives 1 km short of it.
    a = officer(0, "80060001", home_point=north(0))
    b = officer(1, "80060002", home_point=north(5))
    r = officer(2, "80060003", home_point=north(9))
    result, changes = replan(instance([U1, U2, U3], [a, b, r]), {U1.uid: a.nrp, U2.uid: b.nrp})
    assert result.assignment_rows() == [(U1.uid, a.nrp), (U2.uid, b.nrp), (U3.uid, r.nrp)]
    assert result.moves == 0
    lines = officer_lines(changes)
    assert [lines[o.nrp].kind for o in (a, b, r)] == ["TETAP", "TETAP", "BARU"]
    assert unit_lines(changes) == [("UNIT_TERISI", (), (unit_name(U3),))]


def test_unit_removed_is_reported(tmp_path: Path) -> None:
    # The old plan of the good workbook holds Ketenong Jaya Dusun 2; the new units sheet counts
    # only 1 dusun in Ketenong Jaya, so that old pair names a unit that no longer exists.
    old = tmp_path / "lama.xlsx"
    assert run(Request(input_file=GOOD, output=old)).exit_code == EXIT_OK
    gone_uid = "pinang belapis|ketenong jaya|2"
    holder = dict(read_plan(old))[gone_uid]
    rows = copy.deepcopy(UNIT_ROWS)
    rows[2][4] = 1  # JUMLAH RW/DUSUN of Ketenong Jaya: 2 -> 1
    new = tmp_path / "baru.xlsx"
    write_book(new, unit_rows=rows)

    inst = prepare(Request(input_file=new)).instance
    assert inst is not None
    prev = read_previous(old, inst)
    assert prev.problems == []
    assert [(nrp, "KETENONG JAYA" in label.upper()) for label, nrp, _ in prev.removed] == [
        (holder, True)
    ]
    assert gone_uid not in prev.pairs and len(prev.pairs) == 5

    out = run(Request(input_file=new, output=tmp_path / "hasil.xlsx", previous=old))
    assert out.exit_code == EXIT_OK, out.problems
    assert out.result is not None
    assert "previous.unit_removed" in [p.code for p in out.problems]
    changes = out.result.changes
    dihapus = [c for c in changes if c.kind == "UNIT_DIHAPUS"]
    assert [c.nrp for c in dihapus] == [holder]
    line = officer_lines(changes)[holder]
    assert line.kind in ("DILEPAS", "PINDAH")
    assert any("KETENONG JAYA" in u.upper() for u in line.old_units)
    assert out.facts is not None and out.facts["changes"]["UNIT_DIHAPUS"] == 1


def test_pin_on_a_removed_unit_is_an_input_error(tmp_path: Path) -> None:
    # As above, but the old row of the removed dusun says KUNCI Ya: the operator ordered that
    # pair kept, and it cannot be, so the re-plan stops instead of dropping the pin.
    new = tmp_path / "baru.xlsx"
    rows = copy.deepcopy(UNIT_ROWS)
    rows[2][4] = 1
    write_book(new, unit_rows=rows)
    old = tmp_path / "lama.xlsx"
    _previous_book(
        old,
        [
            ["Pinang Belapis", "Ketenong Jaya", "Dusun 2", "85030456", "Ya"],
            ["Pinang Belapis", "Ketenong Jaya", "Dusun 1", "92110234", "Tidak"],
        ],
    )
    out = run(Request(input_file=new, output=tmp_path / "hasil.xlsx", previous=old))
    assert out.exit_code == EXIT_INPUT
    bad = [p for p in out.problems if p.code == "pin.unknown_unit"]
    assert len(bad) == 1 and bad[0].location.row == 2 and bad[0].location.column == "KUNCI"
    assert not (tmp_path / "hasil.xlsx").exists()


def test_id_unit_disagreeing_with_the_edited_desa_rw_is_an_input_error(tmp_path: Path) -> None:
    # An operator moved a member by retyping RW/DUSUN in rwassign's own Penugasan sheet but left
    # the ID UNIT cell: which one they meant is not for the tool to guess.
    old = tmp_path / "lama.xlsx"
    assert run(Request(input_file=GOOD, output=old)).exit_code == EXIT_OK
    wb = load_workbook(old)
    ws = wb["Penugasan"]
    header = [c.value for c in ws[1]]
    rw = header.index("RW/DUSUN") + 1
    first, second = ws.cell(2, rw).value, ws.cell(3, rw).value
    assert first != second
    ws.cell(2, rw, second)
    wb.save(old)
    out = run(Request(input_file=GOOD, output=tmp_path / "hasil.xlsx", previous=old))
    assert out.exit_code == EXIT_INPUT
    bad = [p for p in out.problems if p.code == "previous.id_mismatch"]
    assert len(bad) == 1 and bad[0].location.row == 2 and bad[0].location.column == "ID UNIT"
    # Cleared ID: the typed columns decide, and the re-plan runs.
    ws.cell(2, header.index("ID UNIT") + 1, None)
    ws.cell(2, rw, first)
    wb.save(old)
    out = run(Request(input_file=GOOD, output=tmp_path / "hasil.xlsx", previous=old))
    assert out.exit_code == EXIT_OK, out.problems


def test_pin_forces_a_pair_the_optimum_would_not_choose() -> None:
    # a lives at U1, b at U3 (10 km apart), cap 1.  Optimum: a-U1, b-U3 (0 km).  Pinning a to
    # U3 forces a-U3, and b takes U1 (20 km in all).
    a = officer(0, "80070001", home_point=north(0))
    b = officer(1, "80070002", home_point=north(10))
    inst = instance([U1, U3], [a, b])
    assert solve(inst, FAST).assignment_rows() == [(U1.uid, a.nrp), (U3.uid, b.nrp)]
    result = solve(inst, FAST, guidance=Guidance(pins=((U3.uid, 0),)))
    assert result.status is SolveStatus.OPTIMAL
    assert result.assignment_rows() == [(U1.uid, b.nrp), (U3.uid, a.nrp)]
    reasons = {x.unit_uid: x.reason.code for x in result.assignments}
    assert reasons[U3.uid] == "reason.pinned"
    assert reasons[U1.uid] != "reason.pinned"
    # a pin also beats a kept previous pair: with b's old pair at U3 the pin still wins
    result, changes = replan(inst, {U3.uid: b.nrp}, pins=((U3.uid, 0),))
    assert result.assignment_rows() == [(U1.uid, b.nrp), (U3.uid, a.nrp)]
    assert result.moves == 1
    assert officer_lines(changes)[b.nrp].kind == "PINDAH"


# --- pins from workbooks ----------------------------------------------------------------------


def _with_kunci(path: Path, pins: dict[str, str], *, merged: bool = True) -> None:
    """The good workbook with a KUNCI column in the roster (header merged over both header rows,
    like the other single columns, or typed in the top row only), ``pins`` = officer name ->
    Kunci text."""
    write_book(path)
    wb = load_workbook(path)
    ws = wb["Personel"]
    ws.cell(4, 11, "KUNCI")
    if merged:
        ws.merge_cells(start_row=4, start_column=11, end_row=5, end_column=11)
    for name, text in pins.items():
        ws.cell(officer_row(name), 11, text)
    wb.save(path)


def _previous_book(path: Path, rows: list[list[Any]]) -> None:
    """A hand-typed previous plan: Kecamatan, Desa/Kelurahan, RW/Dusun, NRP, Kunci."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Penugasan"
    ws.append(["KECAMATAN", "DESA/KELURAHAN", "RW/DUSUN", "NRP", "KUNCI"])
    for r in rows:
        ws.append(r)
    wb.save(path)


def test_roster_kunci_text_resolves_to_the_unit() -> None:
    inst = prepare(Request(input_file=GOOD)).instance
    assert inst is not None
    kj2 = "lebong utara|kampung jawa|2"
    for text in ("Kampung Jawa RW 02", "RW 02 Kampung Jawa", "Kel. Kampung Jawa RW.2", kj2):
        found = resolve_pin_text(text, inst)
        assert isinstance(found, Unit) and found.uid == kj2, text
    for text in ("Desa Tunggang Dusun 1", "TUNGGANG DUSUN I", "Dsn 1 Tunggang"):
        found = resolve_pin_text(text, inst)
        assert found is not None and found.uid == "lebong utara|tunggang|1", text
    for text in ("Kampung Jawa RW 09", "Gandung RW 01", "Kampung Jawa", ""):
        assert resolve_pin_text(text, inst) is None, text


@pytest.mark.parametrize("merged", [True, False], ids=["merged_header", "top_row_only"])
def test_roster_kunci_pin_is_honoured_in_a_plain_solve(tmp_path: Path, merged: bool) -> None:
    # Without the pin RUDI (who lives there) holds Kampung Jawa RW 02; DEDI is pinned to it.
    # An operator adding the column often types KUNCI in the top header row only, unmerged.
    src = tmp_path / "kunci.xlsx"
    _with_kunci(src, {"DEDI KURNIAWAN": "Kampung Jawa RW 02"}, merged=merged)
    out = run(Request(input_file=src, output=tmp_path / "hasil.xlsx"))
    assert out.exit_code == EXIT_OK, out.problems
    assert out.result is not None
    pairs = dict(out.result.assignment_rows())
    assert pairs["lebong utara|kampung jawa|2"] == "92110234"
    reasons = {a.unit_uid: a.reason.code for a in out.result.assignments}
    assert reasons["lebong utara|kampung jawa|2"] == "reason.pinned"


def test_pin_to_an_ineligible_member_is_an_input_error(tmp_path: Path) -> None:
    # AHMAD SURYADI is the Bhabinkamtibmas of Tunggang: pinning him there breaks a hard rule.
    prev = tmp_path / "lama.xlsx"
    _previous_book(
        prev,
        [
            ["Lebong Utara", "Kampung Jawa", "RW 01", "92110234", "Tidak"],
            ["Lebong Utara", "Tunggang", "Dusun 1", "87050123", "Ya"],
        ],
    )
    out_path = tmp_path / "hasil.xlsx"
    out = run(Request(input_file=GOOD, output=out_path, previous=prev))
    assert out.exit_code == EXIT_INPUT
    [p] = [p for p in out.errors if p.code == "pin.ineligible"]
    assert (p.location.sheet, p.location.row, p.location.column) == ("Penugasan", 3, "KUNCI")
    assert p.params["rule"] == "bhabinkamtibmas" and p.params["nrp"] == "87050123"
    assert not out_path.exists()


def test_unit_pinned_to_two_members_is_an_input_error(tmp_path: Path) -> None:
    src = tmp_path / "kunci.xlsx"
    _with_kunci(
        src, {"DEDI KURNIAWAN": "Kampung Jawa RW 02", "AGUS SETIAWAN": "RW 02 Kampung Jawa"}
    )
    out_path = tmp_path / "hasil.xlsx"
    out = run(Request(input_file=src, output=out_path))
    assert out.exit_code == EXIT_INPUT
    [p] = [p for p in out.errors if p.code == "pin.unit_twice"]
    # the second pin (AGUS, roster order) is the one reported, on its own row
    assert (p.location.row, p.location.column) == (officer_row("AGUS SETIAWAN"), "KUNCI")
    assert p.params["nrp"] == "88120789"
    assert not out_path.exists()


def test_more_pins_than_the_cap_is_an_input_error(tmp_path: Path) -> None:
    # cap 2 (Pengaturan sheet); DEDI is pinned to three units: the third row is rejected.
    prev = tmp_path / "lama.xlsx"
    _previous_book(
        prev,
        [
            ["Lebong Utara", "Kampung Jawa", "RW 01", "92110234", "Ya"],
            ["Lebong Utara", "Tunggang", "Dusun 1", "92110234", "Ya"],
            ["Pinang Belapis", "Ketenong Jaya", "Dusun 1", "92110234", "Ya"],
        ],
    )
    out = run(Request(input_file=GOOD, output=tmp_path / "hasil.xlsx", previous=prev))
    assert out.exit_code == EXIT_INPUT
    [p] = [p for p in out.errors if p.code == "pin.over_cap"]
    assert (p.location.sheet, p.location.row) == ("Penugasan", 4)
    assert p.params["cap"] == 2


# --- fewest moves: people, not pairs ----------------------------------------------------------


def test_cap_two_moves_are_the_fewest_for_the_coverage() -> None:
    # Cap 2.  a held T1, T2 and b held T3, T4 (Rendah, 10 km from home); two new Tinggi RW:
    # H1 where a lives, H2 where b lives (20 km apart).  4 slots, 6 units: the best coverage
    # takes H1, H2 and two Rendah units (3 + 3 + 1 + 1 = 8), so two old pairs must go.
    #   a takes H1 + H2, b keeps T3, T4:   1 move (a), kept 2, residence 1
    #   a takes H1, b takes H2, each keeps one: 2 moves, kept 2, residence 2
    # Both keep 2 pairs; level 2 counts members moved first, so the 1-move plan wins (counting
    # pairs alone, residence would pick the 2-move plan), as max_moves=1 confirms.
    h1 = unit("kampung jawa", 1, priority=3, point=north(0))
    h2 = unit("kampung jawa", 2, priority=3, point=north(20))
    t = [unit("tunggang", i, point=north(10)) for i in (1, 2, 3, 4)]
    a = officer(0, "80080001", home=h1, home_point=north(0))
    b = officer(1, "80080002", home=h2, home_point=north(20))
    inst = instance([h1, h2, *t], [a, b])
    s = FAST.replace(max_units_per_officer=2)
    previous = {t[0].uid: a.nrp, t[1].uid: a.nrp, t[2].uid: b.nrp, t[3].uid: b.nrp}
    capped, _ = replan(inst, previous, max_moves=1, settings=s)
    assert capped.objective is not None and capped.objective.weighted_coverage == 8
    assert capped.moves == 1
    free, _ = replan(inst, previous, settings=s)
    assert free.objective is not None and free.objective.weighted_coverage == 8
    assert free.moves == 1
    # one member holds both Tinggi RW, the other keeps both old dusun (a and b are symmetric:
    # each plan travels 20 km, so either may be the one who moves)
    held: dict[str, set[str]] = {}
    for uid, nrp in free.assignment_rows():
        held.setdefault(nrp, set()).add(uid)
    assert {h1.uid, h2.uid} in held.values()
    assert {t[0].uid, t[1].uid} in held.values() or {t[2].uid, t[3].uid} in held.values()
    assert free.objective.residence == 1
    assert free.gap == 0.0


def _cap_two_book(tmp_path: Path) -> tuple[Path, Path]:
    """The case above as a workbook: two Tinggi RW in Kampung Jawa where BAYU and CANDRA live,
    four Rendah dusun in Tunggang that they held (two each), cap 2.  The best plan moves one
    member (BAYU takes both RW, CANDRA keeps both dusun: 1 move, residence 1); the plan that
    keeps one old pair of each moves both (residence 2)."""
    book = tmp_path / "polres.xlsx"
    write_book(
        book,
        unit_rows=[
            [1, "LEBONG UTARA", "KEL. KAMPUNG JAWA", "17.07.01.1004", 2, "TINGGI", -3.108315,
             102.197728],
            [2, None, "TUNGGANG", "17.07.01.2005", 4, "RENDAH", -3.08771, 102.187214],
        ],
        officers=[
            ["BAYU PRATAMA", "BRIPKA", 87010001, "BA SAT SAMAPTA", "SAT SAMAPTA",
             "LEBONG UTARA", "KAMPUNG JAWA", "RW 1", "SUDAH"],
            ["CANDRA WIJAYA", "BRIPKA", 87010002, "BA SAT SAMAPTA", "SAT SAMAPTA",
             "LEBONG UTARA", "KAMPUNG JAWA", "RW 2", "SUDAH"],
        ],
        settings_rows=[["max_units_per_officer", 2]],
        polsek_rows=[["LEBONG UTARA", "POLSEK LEBONG UTARA"]],
    )  # fmt: skip
    prev = tmp_path / "lama.xlsx"
    _previous_book(
        prev,
        [
            ["Lebong Utara", "Tunggang", "Dusun 1", "87010001", None],
            ["Lebong Utara", "Tunggang", "Dusun 2", "87010001", None],
            ["Lebong Utara", "Tunggang", "Dusun 3", "87010002", None],
            ["Lebong Utara", "Tunggang", "Dusun 4", "87010002", None],
        ],
    )
    return book, prev


def test_time_limit_after_the_flow_writes_the_plan_with_its_gap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The time limit runs out when the flow ends (driven by a clock that has no time left):
    the flow's plan is a plan within the rules, so it is written with status FEASIBLE, its true
    gap and exit code 0, never exit 3.  With time, the same run proves the 1-move optimum."""
    book, prev = _cap_two_book(tmp_path)
    r = _cli("replan", book, "--previous", prev, "-o", tmp_path / "a.xlsx", "--json")
    assert r.exit_code == EXIT_OK, r.output
    facts = json.loads(r.stdout)
    assert (facts["status"], facts["moves"], facts["gap"]) == ("OPTIMAL", 1, 0.0)

    monkeypatch.setattr(Deadline, "left", lambda self: 0.0)
    out = tmp_path / "b.xlsx"
    r = _cli("replan", book, "--previous", prev, "-o", out, "--json")
    assert r.exit_code == EXIT_OK, r.output
    facts = json.loads(r.stdout)
    assert (facts["status"], facts["moves"], facts["weighted_coverage"]) == ("FEASIBLE", 2, 8)
    assert 0.0 < facts["gap"] < 1.0
    assert out.exists() and len(read_plan(out)) == 4
    rows = list(load_workbook(out, read_only=True)["Ringkasan"].iter_rows(values_only=True))
    assert any(row[0] == "Status solver" and str(row[1]).startswith("FEASIBLE") for row in rows)


# --- 5. move budget and trade-off through the CLI ---------------------------------------------


def _tradeoff_case(tmp_path: Path) -> tuple[Path, Path]:
    """Two Tinggi RW in Kampung Jawa (new, uncovered) and two Rendah dusun in Tunggang, where
    the only two eligible members (cap 1) held the dusun they live in.  Moving one member to a
    Tinggi RW gains 3 - 1 = 2 weighted coverage:
    K = 0 -> 1 + 1 = 2, K = 1 -> 3 + 1 = 4, K = 2 (unconstrained) -> 3 + 3 = 6."""
    book = tmp_path / "polres.xlsx"
    write_book(
        book,
        unit_rows=[
            [1, "LEBONG UTARA", "KEL. KAMPUNG JAWA", "17.07.01.1004", 2, "TINGGI", -3.108315,
             102.197728],
            [2, None, "TUNGGANG", "17.07.01.2005", 2, "RENDAH", -3.08771, 102.187214],
        ],
        officers=[
            ["BAYU PRATAMA", "BRIPKA", 87010001, "BA SAT SAMAPTA", "SAT SAMAPTA",
             "LEBONG UTARA", "TUNGGANG", "DUSUN 1", "SUDAH"],
            ["CANDRA WIJAYA", "BRIPKA", 87010002, "BA SAT SAMAPTA", "SAT SAMAPTA",
             "LEBONG UTARA", "TUNGGANG", "DUSUN 2", "SUDAH"],
        ],
        settings_rows=[["max_units_per_officer", 1]],
        polsek_rows=[["LEBONG UTARA", "POLSEK LEBONG UTARA"]],
    )  # fmt: skip
    prev = tmp_path / "lama.xlsx"
    _previous_book(
        prev,
        [
            ["Lebong Utara", "Tunggang", "Dusun 1", "87010001", None],
            ["Lebong Utara", "Tunggang", "Dusun 2", "87010002", None],
        ],
    )
    return book, prev


def test_tradeoff_table_through_the_cli(tmp_path: Path) -> None:
    book, prev = _tradeoff_case(tmp_path)
    out = tmp_path / "baru.xlsx"
    r = _cli("replan", book, "--previous", prev, "-o", out, "--tradeoff", "--json")
    assert r.exit_code == 0, r.output
    facts = json.loads(r.stdout)
    assert facts["moves"] == 2 and facts["weighted_coverage"] == 6
    table = facts["tradeoff"]
    assert [row["max_moves"] for row in table] == [0, 1, 2]
    assert [row["moves"] for row in table] == [0, 1, 2]
    assert [row["weighted_coverage"] for row in table] == [2, 4, 6]
    cov = [row["weighted_coverage"] for row in table]
    assert cov == sorted(cov)
    wb = load_workbook(out, read_only=True)
    assert "Pilihan Perpindahan" in wb.sheetnames and "Perubahan" in wb.sheetnames
    rows = list(wb["Pilihan Perpindahan"].iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == [0, 1, 2]


def test_max_moves_through_the_cli(tmp_path: Path) -> None:
    book, prev = _tradeoff_case(tmp_path)
    r = _cli("replan", book, "--previous", prev, "-o", tmp_path / "b.xlsx", "--max-moves", "1",
             "--json")  # fmt: skip
    assert r.exit_code == 0, r.output
    facts = json.loads(r.stdout)
    assert (facts["moves"], facts["weighted_coverage"], facts["covered"]) == (1, 4, 2)
    assert "tradeoff" not in facts


def test_perubahan_sheet_matches_the_change_list(tmp_path: Path) -> None:
    book, prev = _tradeoff_case(tmp_path)
    out_path = tmp_path / "baru.xlsx"
    out = run(Request(input_file=book, output=out_path, previous=prev))
    assert out.exit_code == EXIT_OK, out.problems
    assert out.result is not None
    changes = out.result.changes
    # both members move up to a Tinggi RW; both dusun fall empty, both RW are newly covered
    assert sorted(c.kind for c in changes) == [
        "PINDAH", "PINDAH", "UNIT_KOSONG", "UNIT_KOSONG", "UNIT_TERISI", "UNIT_TERISI",
    ]  # fmt: skip
    ws = load_workbook(out_path, read_only=True)["Perubahan"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:6] == ("NO", "JENIS", "NRP", "NAMA", "SEBELUM", "SESUDAH")

    def text(v: object) -> str:
        return "" if v is None else str(v)

    got = [tuple(text(v) for v in row[1:6]) for row in rows[1:]]
    expected = [
        (c.kind, c.nrp, c.nama, "; ".join(c.old_units), "; ".join(c.new_units)) for c in changes
    ]
    assert got == expected
    assert all(row[6] for row in rows[1:])  # every line has a reason


def test_previous_plan_of_another_polres_is_said(tmp_path: Path) -> None:
    # The good workbook's plan read against a roster whose desa were renamed: 2 of its 6
    # units kept (Kampung Jawa's RW 01-02), then none; and a plan naming another Polres.
    old = tmp_path / "lama.xlsx"
    assert run(Request(input_file=GOOD, output=old)).exit_code == EXIT_OK
    rows = copy.deepcopy(UNIT_ROWS)
    rows[1][2], rows[2][2] = "KESAMBE LAMA", "TALANG BENIH"
    few = tmp_path / "sedikit.xlsx"
    write_book(few, unit_rows=rows)
    inst = prepare(Request(input_file=few)).instance
    assert inst is not None
    codes = [
        (p.code, p.severity.value, p.params.get("found")) for p in read_previous(old, inst).problems
    ]
    assert codes == [("previous.few_units", "warning", 2)]

    rows[0][2] = "SELUPU REJANG"
    none = tmp_path / "lain.xlsx"
    write_book(none, unit_rows=rows)
    inst = prepare(Request(input_file=none)).instance
    assert inst is not None
    problems = read_previous(old, inst).problems
    assert [(p.code, p.severity.value, p.params["total"]) for p in problems] == [
        ("previous.no_units", "error", 6)
    ]

    wb = load_workbook(old)
    for row in wb["Ringkasan"].iter_rows():
        if row[0].value == "Polres":
            row[1].value = "POLRES REJANG LEBONG"
    del wb["_rwassign"]  # the name then comes from Ringkasan
    other = tmp_path / "lama-lain.xlsx"
    wb.save(other)
    inst = prepare(Request(input_file=GOOD)).instance
    assert inst is not None
    problems = read_previous(other, inst).problems
    assert [(p.code, p.params["previous"], p.params["polres"]) for p in problems] == [
        ("previous.other_polres", "POLRES REJANG LEBONG", "POLRES LEBONG")
    ]
