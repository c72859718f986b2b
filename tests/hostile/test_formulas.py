"""Issue 12: a text that starts with ``=`` (or ``+``, ``-``, ``@``, a tab, an error code) in
NAMA, JABATAN, KESATUAN, DESA or a document detail is never written as a live formula.

Every workbook rwassign writes from such an input is opened and searched: no cell of any sheet
holds a formula (openpyxl's ``data_type`` and the sheet XML alike), and the hostile texts are
there as the text they are.  The lampiran made from them prints the text as typed and its own
``verify`` says utuh.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from typer.testing import CliRunner

from rwassign import cli
from rwassign.io.write.cells import append_row, put
from tests.hostile import gen_formulas as gen

runner = CliRunner()
_DOKUMEN = Path(__file__).resolve().parents[2] / "docs" / "dokumen-contoh.toml"
_FORMULA_XML = re.compile(rb"<(?:\w+:)?f[ >/]")


def _formulas(path: Path) -> list[str]:
    """Every cell of ``path`` that holds a formula, by openpyxl and by the raw sheet XML."""
    found = []
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            found += [f"{ws.title}!{c.coordinate}" for c in row if c.data_type == "f"]
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and _FORMULA_XML.search(z.read(name)):
                found.append(name)
    return found


def _texts(path: Path, sheet: str) -> set[str]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _solve(args: list[str]) -> None:
    r = runner.invoke(cli.app, args)
    assert r.exit_code == 0, r.output


@pytest.fixture
def xlsx_plan(tmp_path: Path) -> Path:
    source = gen.write_xlsx(tmp_path)
    before = _digest(source)
    plan = tmp_path / "rencana.xlsx"
    _solve(["solve", str(source), "-o", str(plan)])
    assert _digest(source) == before  # the input is never touched
    return plan


def test_plan_from_an_xlsx_holds_the_texts_as_text(xlsx_plan: Path) -> None:
    assert _formulas(xlsx_plan) == []
    plan = _texts(xlsx_plan, "Penugasan")
    assert {gen.HYPERLINK_DESA, gen.HYPERLINK_NAMA} <= plan
    assert f"{gen.DDE_JABATAN} / SAT BINMAS" in plan
    roster = _texts(xlsx_plan, "Personel")
    assert {gen.HYPERLINK_NAMA, gen.DDE_JABATAN, "-1+2 BA SAT LANTAS", "#N/A"} <= roster
    assert "@SUM(1+1) SAT BINMAS" in roster


def test_plan_from_csv_holds_the_texts_as_text(tmp_path: Path) -> None:
    units, roster = gen.write_csv(tmp_path)
    before = (_digest(units), _digest(roster))
    plan = tmp_path / "rencana.xlsx"
    _solve(["solve", "--units", str(units), "--roster", str(roster), "-o", str(plan)])
    assert (_digest(units), _digest(roster)) == before
    assert _formulas(plan) == []
    assert {gen.HYPERLINK_DESA, gen.HYPERLINK_NAMA} <= _texts(plan, "Penugasan")
    assert gen.DDE_JABATAN in _texts(plan, "Personel")


def test_replan_with_changes_holds_the_texts_as_text(tmp_path: Path, xlsx_plan: Path) -> None:
    source = tmp_path / "polres_rumus.xlsx"
    wb = openpyxl.load_workbook(source)
    wb["Personel"].delete_rows(3)  # the member named by a HYPERLINK is transferred (mutasi)
    wb.save(source)
    new = tmp_path / "baru.xlsx"
    _solve(["replan", str(source), "--previous", str(xlsx_plan), "-o", str(new)])
    assert "Perubahan" in openpyxl.load_workbook(new).sheetnames
    assert gen.HYPERLINK_NAMA in _texts(new, "Perubahan")
    assert _formulas(new) == []


def test_batch_rekap_holds_file_names_as_text(tmp_path: Path) -> None:
    folder = gen.write_batch(tmp_path / "polres")
    rekap = tmp_path / "rekap.xlsx"
    _solve(["solve", str(folder), "--rekap", str(rekap), "--output-dir", str(tmp_path)])
    assert _formulas(rekap) == []
    assert "=SUM(1+1).xlsx" in _texts(rekap, "Rekap")
    assert _formulas(tmp_path / "=SUM(1+1)-penugasan.xlsx") == []


def test_lampiran_prints_the_texts_as_typed_and_verifies(xlsx_plan: Path) -> None:
    signer = '=HYPERLINK("http://x","Budi")'
    r = runner.invoke(
        cli.app,
        ["export", str(xlsx_plan), "--dokumen", str(_DOKUMEN), "--set", f"penandatangan={signer}"],
    )
    assert r.exit_code == 0, r.output
    pdf = xlsx_plan.with_name("rencana-lampiran.pdf")
    xlsx = pdf.with_suffix(".xlsx")
    assert _formulas(xlsx) == []
    shown = _texts(xlsx, "Lampiran")
    assert {gen.HYPERLINK_DESA, gen.HYPERLINK_NAMA, signer} <= shown
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "http://x" in re.sub(r"\s+", "", text)
    for path in (pdf, xlsx):
        r = runner.invoke(cli.app, ["verify", str(path)])
        assert r.exit_code == 0, r.output  # utuh: the cell reads back as the same text


def test_a_carriage_return_inside_a_detail_verifies(xlsx_plan: Path) -> None:
    """XML reads a CR as a line feed: the lampiran of a signer typed with one is still utuh."""
    args = ["--dokumen", str(_DOKUMEN), "--set", "penandatangan=BUDI\rSANTOSO"]
    assert runner.invoke(cli.app, ["export", str(xlsx_plan), *args]).exit_code == 0
    r = runner.invoke(cli.app, ["verify", str(xlsx_plan.with_name("rencana-lampiran.xlsx"))])
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("text", [*gen.HOSTILE, "=1+1", "\rX", "#DIV/0!"])
def test_the_cell_helpers_keep_every_text_a_string(tmp_path: Path, text: str) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    put(ws, 1, 1, text)
    append_row(ws, [1, text, None, 2.5])
    path = tmp_path / "sel.xlsx"
    wb.save(path)
    assert _formulas(path) == []
    back = openpyxl.load_workbook(path).active
    assert back is not None
    as_read = text.replace("\r", "\n")  # XML reads a carriage return as a line end
    assert [back["A1"].value, back["B2"].value] == [as_read, as_read]
    assert (back["A2"].value, back["D2"].value) == (1, 2.5)  # numbers stay numbers
