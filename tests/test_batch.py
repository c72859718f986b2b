"""Many Polres at once: a folder of workbooks through ``rwassign solve``/``replan``.

The folder holds two good workbooks (copies of the good test workbook under two names) and a
broken one (duplicate NRP): the good ones are planned, the broken one reports its own error and
does not stop the others, and the exit code is the worst single outcome.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from rwassign import cli
from rwassign.batch import REKAP_HEADERS, run_batch
from rwassign.errors import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE
from rwassign.io.plan import read_plan
from rwassign.pipeline import Request

DATA = Path(__file__).parent / "data"
GOOD = DATA / "polres_lebong.xlsx"
BROKEN = DATA / "broken" / "duplicate_nrp.xlsx"
GOOD_NAMES = ("polres_a.xlsx", "polres_b.xlsx")

runner = CliRunner()


def _cli(*args: str | Path) -> Any:
    return runner.invoke(cli.app, [str(a) for a in args])


def _folder(tmp_path: Path, *, broken: bool = True) -> Path:
    folder = tmp_path / "polda"
    folder.mkdir()
    for name in GOOD_NAMES:
        shutil.copy(GOOD, folder / name)
    if broken:
        shutil.copy(BROKEN, folder / "polres_rusak.xlsx")
    return folder


def _rekap_rows(path: Path) -> list[dict[str, Any]]:
    rows = list(load_workbook(path, read_only=True)["Rekap"].iter_rows(values_only=True))
    assert rows[0] == REKAP_HEADERS
    return [dict(zip(REKAP_HEADERS, r, strict=True)) for r in rows[1:]]


def test_folder_with_a_broken_workbook(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    r = _cli("solve", folder, "--jobs", "2", "--json")
    assert r.exit_code == EXIT_INPUT, r.output  # the worst outcome: one input error
    summary = json.loads(r.stdout)
    assert summary["exit_code"] == EXIT_INPUT
    by_name = {Path(f["input"]).name: f for f in summary["files"]}
    assert {n: f["exit_code"] for n, f in by_name.items()} == {
        "polres_a.xlsx": EXIT_OK,
        "polres_b.xlsx": EXIT_OK,
        "polres_rusak.xlsx": EXIT_INPUT,
    }
    for name in GOOD_NAMES:
        out = folder / f"{Path(name).stem}-penugasan.xlsx"
        assert out.exists()
        assert len(read_plan(out)) == 6
    assert not (folder / "polres_rusak-penugasan.xlsx").exists()
    assert "polres_rusak.xlsx" in r.stderr
    rekap = folder / "rekap-penugasan.xlsx"
    rows = _rekap_rows(rekap)
    assert [row["BERKAS"] for row in rows] == [
        "polres_a.xlsx",
        "polres_b.xlsx",
        "polres_rusak.xlsx",
    ]
    assert [row["STATUS"] for row in rows] == ["OPTIMAL", "OPTIMAL", "INPUT_ERROR"]
    assert [row["KODE KELUAR"] for row in rows] == [0, 0, 1]
    assert [row["TERISI"] for row in rows[:2]] == [6, 6]
    assert rows[2]["GALAT"]  # the broken file's errors are in the rekap


def test_jobs_one_and_two_give_the_same_plans(tmp_path: Path) -> None:
    folder = _folder(tmp_path, broken=False)
    one, two = tmp_path / "satu", tmp_path / "dua"
    one.mkdir()
    two.mkdir()
    r1 = _cli("solve", folder, "--jobs", "1", "--output-dir", one)
    r2 = _cli("solve", folder, "--jobs", "2", "--output-dir", two, "--rekap", tmp_path / "r.xlsx")
    assert (r1.exit_code, r2.exit_code) == (0, 0), r1.output + r2.output
    for name in GOOD_NAMES:
        out = f"{Path(name).stem}-penugasan.xlsx"
        assert read_plan(one / out) == read_plan(two / out)
        assert read_plan(one / out)
    assert (one / "rekap-penugasan.xlsx").exists()  # default rekap goes to --output-dir
    assert len(_rekap_rows(tmp_path / "r.xlsx")) == 2
    assert not list(folder.glob("*-penugasan.xlsx"))  # nothing beside the inputs


def test_output_option_with_several_inputs_is_a_usage_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, broken=False)
    out = tmp_path / "x.xlsx"
    r = _cli("solve", folder / GOOD_NAMES[0], folder / GOOD_NAMES[1], "-o", out)
    assert r.exit_code == EXIT_USAGE, r.output
    assert not out.exists()
    r = _cli("solve", folder, "-o", out)
    assert r.exit_code == EXIT_USAGE, r.output


def test_batch_replan_finds_each_previous_plan_in_a_folder(tmp_path: Path) -> None:
    folder = _folder(tmp_path, broken=False)
    lama = tmp_path / "lama"
    lama.mkdir()
    r = _cli("solve", folder, "--output-dir", lama)
    assert r.exit_code == 0, r.output
    baru = tmp_path / "baru"
    baru.mkdir()
    r = _cli("replan", folder, "--previous", lama, "--output-dir", baru, "--json")
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert [f["summary"]["moves"] for f in summary["files"]] == [0, 0]
    assert [f["summary"]["changes"]["TETAP"] for f in summary["files"]] == [3, 3]
    for name in GOOD_NAMES:
        out = f"{Path(name).stem}-penugasan.xlsx"
        assert read_plan(baru / out) == read_plan(lama / out)
    assert [row["PERPINDAHAN"] for row in _rekap_rows(baru / "rekap-penugasan.xlsx")] == [0, 0]


def test_batch_replan_in_place_never_overwrites_the_previous_plans(tmp_path: Path) -> None:
    # Solve a folder (plans beside the inputs), then re-plan it against that same folder: the
    # new plans are <name>-penugasan-baru.xlsx and the previous plans are left byte for byte.
    folder = _folder(tmp_path, broken=False)
    assert _cli("solve", folder).exit_code == 0
    before = {p.name: p.read_bytes() for p in folder.glob("polres_*-penugasan.xlsx")}
    assert len(before) == 2
    r = _cli("replan", folder, "--previous", folder, "--json")
    assert r.exit_code == 0, r.output
    assert {p.name: p.read_bytes() for p in folder.glob("polres_*-penugasan.xlsx")} == before
    for name in GOOD_NAMES:
        stem = Path(name).stem
        assert read_plan(folder / f"{stem}-penugasan-baru.xlsx") == read_plan(
            folder / f"{stem}-penugasan.xlsx"
        )
    # a second batch re-plan writes beside both, over neither
    baru = {p.name: p.read_bytes() for p in folder.glob("polres_*-penugasan-baru.xlsx")}
    assert _cli("replan", folder, "--previous", folder).exit_code == 0
    assert {p.name: p.read_bytes() for p in folder.glob("polres_*-penugasan.xlsx")} == before
    assert {p.name: p.read_bytes() for p in folder.glob("polres_*-penugasan-baru.xlsx")} == baru
    assert len(list(folder.glob("polres_*-penugasan-baru-2.xlsx"))) == 2
    # the new plans are outputs, not Polres inputs, when the folder is solved again
    again = json.loads(_cli("solve", folder, "--json").stdout)
    assert sorted(Path(f["input"]).name for f in again["files"]) == sorted(GOOD_NAMES)


def test_rekap_that_cannot_be_written_is_an_output_error(tmp_path: Path) -> None:
    # A folder named like the rekap passes the checks made before the work and fails at the
    # write, as a rekap open in Excel would: the plans are written, the rekap error reported.
    folder = _folder(tmp_path, broken=False)
    rekap = tmp_path / "rekap.xlsx"
    rekap.mkdir()
    r = _cli("solve", folder, "--rekap", rekap, "--json")
    assert r.exit_code == EXIT_OUTPUT, r.output
    summary = json.loads(r.stdout)
    assert summary["rekap"] is None and summary["rekap_error"]
    assert summary["rekap_error"][:40] in r.stderr.replace("\n", "")
    assert "Traceback" not in r.output
    assert rekap.is_dir() and not list(rekap.iterdir())
    for name in GOOD_NAMES:  # the plans themselves were written
        assert read_plan(folder / f"{Path(name).stem}-penugasan.xlsx")


def test_rekap_in_a_missing_folder_stops_before_any_work(tmp_path: Path) -> None:
    folder = _folder(tmp_path, broken=False)
    r = _cli("solve", folder, "--rekap", tmp_path / "tidak-ada" / "rekap.xlsx", "--json")
    assert r.exit_code == EXIT_OUTPUT, r.output
    assert json.loads(r.stdout)["rekap_error"]
    assert not list(folder.glob("*-penugasan.xlsx"))


@pytest.mark.parametrize("target", ["input", "plan", "csv"])
def test_rekap_that_would_replace_an_input_or_plan_stops_before_any_work(
    tmp_path: Path, target: str
) -> None:
    folder = _folder(tmp_path, broken=False)
    a = folder / GOOD_NAMES[0]
    rekap = {
        "input": a,
        "plan": folder / f"{a.stem}-penugasan.xlsx",
        "csv": tmp_path / "rekap.csv",
    }[target]
    before = a.read_bytes()
    r = _cli("solve", folder, "--rekap", rekap, "--json")
    assert r.exit_code == EXIT_OUTPUT, r.output
    assert json.loads(r.stdout)["files"] == []
    assert a.read_bytes() == before
    assert not list(folder.glob("*-penugasan.xlsx"))  # nothing was solved or written
    assert not (tmp_path / "rekap.csv").exists()


def test_run_batch_library_call(tmp_path: Path) -> None:
    """The library entry point: items in input order, whatever order they finish in."""
    folder = _folder(tmp_path)
    files = sorted(folder.iterdir())
    reqs = [Request(input_file=f, output=tmp_path / f"{f.stem}-out.xlsx") for f in files]
    seen: list[str] = []
    summary = run_batch(
        reqs, jobs=1, rekap=tmp_path / "rekap.xlsx", on_done=lambda i: seen.append(i.input.name)
    )
    assert [i.input for i in summary.items] == files
    assert sorted(seen) == sorted(f.name for f in files)
    assert summary.exit_code == EXIT_INPUT
    broken = next(i for i in summary.items if i.input.name == "polres_rusak.xlsx")
    assert broken.status == "INPUT_ERROR" and broken.facts is None
    assert any("87050123" in m for m in broken.messages)  # the duplicated NRP is named


def test_rekap_prints_like_the_plan_tables(tmp_path: Path) -> None:
    """Landscape A4 one page wide, header repeated, named fonts, a long error wrapped whole."""
    from rwassign.batch import BatchItem, write_rekap
    from rwassign.io.write.printing import FONT_NAME

    long_error = "baris 12: NRP 87050123 muncul dua kali; " * 6
    items = [
        BatchItem(Path("polres_a.xlsx"), EXIT_OK, "OPTIMAL", None),
        BatchItem(Path("polres_rusak.xlsx"), EXIT_INPUT, "INPUT_ERROR", None, [long_error]),
    ]
    out = tmp_path / "rekap.xlsx"
    write_rekap(items, out, "en")
    ws = load_workbook(out)["Rekap"]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    # fitToWidth left out of the file is its default, 1 (ECMA-376 18.3.1.63)
    assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddFooter.right.text == "Page &P of &N"
    assert all(c.font.name == FONT_NAME for row in ws.iter_rows() for c in row if c.value)
    galat = ws.cell(3, REKAP_HEADERS.index("GALAT") + 1)
    assert galat.alignment.wrap_text and galat.value == long_error
    # Six copies of the message at most 40 units wide need several lines: the row is taller.
    assert (ws.row_dimensions[3].height or 0) > 3 * (ws.row_dimensions[2].height or 99)


def test_requests_writing_one_output_are_refused_by_the_library(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one, two = (
        shutil.copy(GOOD, tmp_path / "a" / "P.xlsx"),
        shutil.copy(GOOD, tmp_path / "b" / "p.xlsx"),
    )
    out = tmp_path / "hasil"
    out.mkdir()
    reqs = [
        Request(input_file=Path(one), output=out / "P-penugasan.xlsx"),
        Request(input_file=Path(two), output=out / "p-penugasan.xlsx"),  # one file on Windows
    ]
    from rwassign.batch import output_clashes

    assert [(a.first, b.first) for a, b in output_clashes(reqs)] == [(Path(one), Path(two))]
    with pytest.raises(ValueError, match="would both write"):
        run_batch(reqs, jobs=1, rekap=out / "rekap.xlsx")
    assert not list(out.iterdir())
