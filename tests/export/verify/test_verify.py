"""``rwassign verify`` and ``keygen``: untouched files verify; every kind of tampering fails and
says what.  Uses the tiny plan of ``tests/export/test_export.py``."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from rwassign import cli
from rwassign.errors import EXIT_VERIFY
from rwassign.export.pdf import ATTACH_CONTENT, META_FINGERPRINT
from rwassign.export.signing import load_public
from rwassign.export.verify import verify_file
from tests.export.test_export import export, plan_dir  # noqa: F401 - module fixture reused

runner = CliRunner()
README = Path(__file__).parents[3] / "README.md"


@pytest.fixture(scope="module")
def signed(plan_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    d = tmp_path_factory.mktemp("signed")
    for f in plan_dir.iterdir():
        shutil.copy(f, d / f.name)
    for name in ("kapolres", "lain"):
        r = runner.invoke(cli.app, ["keygen", "-o", str(d / f"{name}.pem")])
        assert r.exit_code == 0, r.output
    r = export(d, "--sign-key", d / "kapolres.pem")
    assert r.exit_code == 0, r.output
    return d


def verify(path: Path, *args: str | Path) -> object:
    return runner.invoke(cli.app, ["verify", str(path), *map(str, args)])


@pytest.mark.parametrize("name", ["penugasan-lampiran.pdf", "penugasan-lampiran.xlsx"])
def test_untouched_file_is_intact_and_signature_valid(signed: Path, name: str) -> None:
    r = verify(signed / name)
    assert r.exit_code == 0 and r.stdout.startswith("utuh:"), r.output
    assert "--public-key" in r.output  # signed, but no trusted key given: says so
    r = verify(signed / name, "--public-key", signed / "kapolres.pub.pem")
    assert r.exit_code == 0 and "tanda tangan Ed25519 sah" in r.output


@pytest.mark.parametrize("name", ["penugasan-lampiran.pdf", "penugasan-lampiran.xlsx"])
def test_other_key_fails_naming_both_keys(signed: Path, name: str) -> None:
    r = verify(signed / name, "--public-key", signed / "lain.pub.pem", "--lang", "en")
    assert r.exit_code == EXIT_VERIFY
    assert "CHANGED" in r.output and "signature not valid: signed with key" in r.output


def test_changed_xlsx_cell_names_the_row_and_column(signed: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    shutil.copy(signed / "penugasan-lampiran.xlsx", path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Lampiran"]
    row = next(r for r in range(1, 30) if ws.cell(r, 1).value == 3)
    ws.cell(row, 2, "NAMA LAIN")
    ws["F2"] = "NOMOR : SPRIN/999/V/2023"
    wb.save(path)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    assert r.exit_code == EXIT_VERIFY
    out = " ".join(r.output.split())
    assert "baris NO 3: NAMA berbeda dari data tertanam" in out
    assert "sel F2: 'NOMOR : SPRIN/999/V/2023' berbeda" in out


def test_changed_embedded_xlsx_data_fails(signed: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    shutil.copy(signed / "penugasan-lampiran.xlsx", path)
    wb = openpyxl.load_workbook(path)
    data = wb["_lampiran"]
    data["A4"] = str(data["A4"].value).replace('ANGGOTA NOMOR 1"', 'ANGGOTA NOMOR 9"')
    wb.save(path)
    r = verify(path, "--public-key", signed / "kapolres.pub.pem")
    assert r.exit_code == EXIT_VERIFY
    out = " ".join(r.output.split())
    assert "tidak sama dengan sidik tercatat" in out and "(lembar data tersembunyi)" in out
    assert "tanda tangan tidak sah" in out


def test_one_byte_of_the_embedded_pdf_data_fails(signed: Path, tmp_path: Path) -> None:
    data = (signed / "penugasan-lampiran.pdf").read_bytes()
    at = data.index(b'"rows":[[1,"') + len(b'"rows":[[1,"')
    path = tmp_path / "t.pdf"
    path.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :])
    r = verify(path, "--lang", "en")
    assert r.exit_code == EXIT_VERIFY
    assert "differs from the recorded" in r.output and "(the document properties)" in r.output


def test_rewritten_pdf_with_consistent_data_is_caught_by_the_text(
    signed: Path, tmp_path: Path
) -> None:
    """A forger who swaps the attachment *and* the metadata for content of their own still
    fails: the printed pages carry another fingerprint and other rows."""
    src = PdfReader(signed / "penugasan-lampiran.pdf")
    content = src.attachments[ATTACH_CONTENT][0].decode("utf-8")
    forged = content.replace('ANGGOTA NOMOR 1"', 'ORANG LAIN"')
    import hashlib

    fp = hashlib.sha256(forged.encode("utf-8")).hexdigest()
    writer = PdfWriter()
    for page in src.pages:
        writer.add_page(page)
    writer.add_attachment(ATTACH_CONTENT, forged.encode("utf-8"))
    writer.add_metadata({META_FINGERPRINT: fp})
    path = tmp_path / "forged.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    r = verify(path)
    assert r.exit_code == EXIT_VERIFY
    out = " ".join(r.output.split())
    assert "sidik yang tercetak di halaman 1-" in out
    assert "baris NO 1 (ORANG LAIN" in out


def test_public_key_on_an_unsigned_file_fails(signed: Path, tmp_path: Path) -> None:
    work = tmp_path
    for f in ("penugasan.xlsx", "dokumen.toml"):
        shutil.copy(signed / f, work / f)
    assert export(work, "--format", "xlsx").exit_code == 0
    r = verify(work / "penugasan-lampiran.xlsx", "--public-key", signed / "kapolres.pub.pem")
    assert r.exit_code == EXIT_VERIFY and "tidak bertanda tangan" in r.output
    assert verify(work / "penugasan-lampiran.xlsx").exit_code == 0


def test_not_an_rwassign_file(signed: Path) -> None:
    r = verify(signed / "penugasan.xlsx")
    assert r.exit_code == EXIT_VERIFY and "tidak memuat data tertanam" in r.output
    r = verify(signed / "dokumen.toml")
    assert r.exit_code == EXIT_VERIFY and "tidak dapat dibaca" in r.output


def test_keygen_never_overwrites_a_key(signed: Path) -> None:
    before = (signed / "kapolres.pem").read_bytes()
    r = runner.invoke(cli.app, ["keygen", "-o", str(signed / "kapolres.pem")])
    assert r.exit_code == cli.EXIT_OUTPUT and "sudah ada" in r.output
    assert (signed / "kapolres.pem").read_bytes() == before
    assert (signed / "kapolres.pem").stat().st_mode & 0o077 == 0  # private key: owner only


def test_export_never_overwrites_the_plan(signed: Path, tmp_path: Path) -> None:
    for f in ("penugasan.xlsx", "dokumen.toml"):
        shutil.copy(signed / f, tmp_path / f)
    r = export(tmp_path, "-o", tmp_path / "penugasan.pdf")
    assert r.exit_code == cli.EXIT_OUTPUT and "tidak akan ditimpa" in r.output


def test_export_commands_options_and_exit_code_documented() -> None:
    readme = README.read_text(encoding="utf-8")
    for command in ("export", "verify", "keygen"):
        assert f"rwassign {command}" in readme
        help_text = runner.invoke(cli.app, [command, "--help"]).stdout
        for option in set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}:
            assert option in readme, f"{command} {option} missing from README"
    assert "| 6 |" in readme


def test_verdict_is_a_value_for_an_intact_file_and_for_one_that_is_not(
    signed: Path, tmp_path: Path
) -> None:
    trusted = load_public(signed / "kapolres.pub.pem")
    pdf = verify_file(signed / "penugasan-lampiran.pdf", trusted)
    xlsx = verify_file(signed / "penugasan-lampiran.xlsx", trusted)
    assert pdf.intact and xlsx.intact and pdf.problems == ()
    assert pdf.fingerprint is not None and pdf.fingerprint == xlsx.fingerprint
    assert [n.code for n in pdf.notes] == ["verify.signature_ok"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        pdf.fingerprint = "0" * 64  # type: ignore[misc]
    other = tmp_path / "surat.pdf"
    other.write_text("%PDF-1.4 not really")
    for path in (other, tmp_path / "missing.pdf"):
        verdict = verify_file(path)
        assert not verdict.intact and verdict.fingerprint is None
        assert [f.code for f in verdict.problems] == ["verify.unreadable"]
