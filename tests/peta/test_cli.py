"""``rwassign solve --peta``: the maps beside the plan, said on the terminal and in ``--json``;
a plain ``solve`` draws nothing and never loads matplotlib."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from rwassign import cli
from rwassign.errors import EXIT_OK, EXIT_OUTPUT

ROOT = Path(__file__).parents[2]
TINY = ROOT / "tests" / "data" / "polres_lebong.xlsx"  # one Polsek: two maps
runner = CliRunner()


def _solve(*args: str | Path) -> tuple[int, str, str]:
    r = runner.invoke(cli.app, ["solve", *(str(a) for a in args)])
    return r.exit_code, r.stdout, r.stderr


def test_peta_writes_the_maps_beside_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "hasil" / "rencana.xlsx"
    plan.parent.mkdir()
    code, stdout, stderr = _solve(TINY, "-o", plan, "--peta", "--json")
    assert code == EXIT_OK, stderr
    facts = json.loads(stdout)
    assert [Path(p).name for p in facts["peta"]] == [
        "rencana-peta-polres.png",
        "rencana-peta-lebong-utara.png",
    ]
    assert sorted(p.name for p in plan.parent.iterdir()) == [
        "rencana-peta-lebong-utara.png",
        "rencana-peta-polres.png",
        "rencana.xlsx",
    ]
    assert f"2 peta cakupan (PNG) ditulis di {plan.parent}" in " ".join(stderr.split())
    # the same pictures are in the plan's Peta sheet, the whole Polres first
    book = openpyxl.load_workbook(plan)
    assert "Peta" in book.sheetnames
    assert len(book["Peta"]._images) == 2  # openpyxl keeps its images private


def test_a_plan_that_cannot_be_written_leaves_no_maps(tmp_path: Path) -> None:
    source = tmp_path / "polres.xlsx"
    shutil.copy(TINY, source)
    code, _stdout, _stderr = _solve(source, "-o", source, "--peta")  # would replace its input
    assert code == EXIT_OUTPUT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["polres.xlsx"]


def test_a_plain_solve_draws_nothing(tmp_path: Path) -> None:
    work = tmp_path / "kerja"
    work.mkdir()
    shutil.copy(TINY, work / "polres.xlsx")
    code, stdout, stderr = _solve(work / "polres.xlsx", "--json")
    assert code == EXIT_OK, stderr
    assert "peta" not in json.loads(stdout)
    assert sorted(p.name for p in work.iterdir()) == ["polres-penugasan.xlsx", "polres.xlsx"]


def test_a_plain_solve_never_loads_matplotlib(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rwassign.pipeline import Request, run\n"
        f"out = run(Request(input_file=Path({str(TINY)!r}), output=Path({str(tmp_path)!r}) / "
        "'a.xlsx'))\n"
        "print(out.exit_code, 'matplotlib' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.stdout.split() == ["0", "False"], done.stderr


def test_a_map_that_cannot_be_written_is_exit_4_after_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "rencana.xlsx"
    (tmp_path / "rencana-peta-polres.png").mkdir()  # a folder where the first map goes
    code, stdout, stderr = _solve(TINY, "-o", plan, "--peta", "--json")
    assert code == EXIT_OUTPUT
    assert json.loads(stdout) == {"status": "OUTPUT_ERROR", "output": str(plan)}
    said = " ".join(stderr.split())
    assert "rencana-peta-polres.png tidak dapat ditulis" in said and "Traceback" not in said
    assert plan.is_file()
