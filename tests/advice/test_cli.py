"""``rwassign saran`` as a user runs it: the workbook, the JSON, the exits, batches skip it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import load_workbook
from typer.testing import CliRunner

from rwassign import cli
from rwassign.advice import advise
from rwassign.advice.workbook import WORKBOOK_OPTIONS, saran_sheet
from rwassign.cli.dispatch import expand_inputs
from rwassign.errors import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE
from tools.synth import make_polres_workbook

runner = CliRunner()


@pytest.fixture(scope="module")
def polres(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("saran") / "polres_kecil.xlsx"
    make_polres_workbook(path, seed=5, n_units=40, roster_factor=0.8, cap=2)
    return path


@pytest.fixture(scope="module")
def ran(polres: Path) -> tuple[int, str, Path]:
    r = runner.invoke(cli.app, ["saran", str(polres), "--json", "--maks-latih", "4"])
    return r.exit_code, r.stdout, polres.parent / "polres_kecil-saran.xlsx"


def test_saran_writes_the_three_tables(ran: tuple[int, str, Path]) -> None:
    code, _, out = ran
    assert code == EXIT_OK
    wb = load_workbook(out)
    assert wb.sheetnames == ["Latih", "Kecamatan", "Pengaturan", "Peta"]
    latih = wb["Latih"]
    assert str(latih["A1"].value).startswith("Saran menghadapi kekurangan personel")
    assert latih.freeze_panes is not None
    headers = [c.value for c in next(r for r in latih.iter_rows() if r[0].value == "Latih (k)")]
    assert "Personel yang dilatih (NRP nama)" in headers
    rows = [r for r in latih.iter_rows(values_only=True) if isinstance(r[0], (int, float))]
    assert 1 <= len(rows) <= 4
    assert all(r[-1] == "ya" for r in rows)  # every row checked by the independent checker
    caps = [r[0] for r in wb["Pengaturan"].iter_rows(values_only=True) if isinstance(r[0], int)]
    assert caps == [1, 1, 2, 2, 3, 3]


def test_saran_always_draws_the_maps_of_todays_plan(ran: tuple[int, str, Path]) -> None:
    _, stdout, out = ran
    maps = [Path(p) for p in json.loads(stdout)["peta"]]
    assert maps[0].name == "polres_kecil-saran-peta-polres.png"
    assert len(maps) >= 2 and all(p.parent == out.parent and p.is_file() for p in maps)
    assert len(load_workbook(out)["Peta"]._images) == len(maps)


def test_solve_saran_adds_the_saran_sheet_to_the_plan(polres: Path, tmp_path: Path) -> None:
    plan = tmp_path / "rencana.xlsx"
    r = runner.invoke(cli.app, ["solve", str(polres), "-o", str(plan), "--saran"])
    assert r.exit_code == EXIT_OK, r.stderr
    wb = load_workbook(plan)
    assert wb.sheetnames[-1] == "Saran"
    texts = [str(v) for row in wb["Saran"].iter_rows(values_only=True) for v in row if v]
    assert texts[0].startswith("Saran menghadapi kekurangan personel")
    assert any(t.startswith("latih 1 personel berikut") for t in texts)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rencana.xlsx"]  # no maps unasked


def test_json_prints_the_same_records(ran: tuple[int, str, Path]) -> None:
    _, stdout, out = ran
    data = json.loads(stdout)
    assert data["output"] == str(out)
    assert {"training", "kecamatan", "settings", "candidates"} <= data.keys()
    assert [r["cap"] for r in data["settings"]] == [1, 1, 2, 2, 3, 3]
    assert sum(1 for r in data["settings"] if r["current"]) == 1
    assert all(r["checked"] for r in data["kecamatan"])


def test_folder_batches_skip_the_saran_workbook(ran: tuple[int, str, Path]) -> None:
    _, _, out = ran
    assert out.exists()
    assert out not in expand_inputs([out.parent])


def test_bad_input_and_bad_options(tmp_path: Path, polres: Path) -> None:
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"not a workbook")
    r = runner.invoke(cli.app, ["saran", str(broken)])
    assert r.exit_code == EXIT_INPUT
    assert not (tmp_path / "rusak-saran.xlsx").exists()
    r = runner.invoke(cli.app, ["saran", str(polres), "--maks-latih", "0"])
    assert r.exit_code == EXIT_USAGE
    r = runner.invoke(cli.app, ["saran", str(polres), "-o", str(polres)])
    assert r.exit_code == EXIT_OUTPUT


def test_saran_sheet_goes_into_any_workbook(polres: Path) -> None:
    import rwassign

    p = rwassign.read(polres)
    advice = advise(p.instance, p.settings, max_k=2)
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, WORKBOOK_OPTIONS)
    wb.add_worksheet("Penugasan")
    saran_sheet(advice, "en")(wb)
    wb.close()
    got = load_workbook(io.BytesIO(buf.getvalue()))
    assert got.sheetnames == ["Penugasan", "Saran"]
    texts = [c for r in got["Saran"].iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert any(t.startswith("1. Whom to send to the Polmas course") for t in texts)
    assert any(t.startswith("3. What the settings buy") for t in texts)
