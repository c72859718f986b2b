"""Hostile plans, as a user meets them: hand edits of the hidden roster facts and settings at
``export``, and a previous plan of another Polres at ``replan``.

Each export case checks the exit code, that the message names the hidden sheet and what
differs (member and field, setting, ``Ringkasan``, signature), that no lampiran was written
and that the plan is unchanged.  The files come from :mod:`tests.hostile.gen_plans`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rwassign import api, cli
from rwassign.io.embed import EMBED_SHEET
from tests.hostile import gen_plans as gen

runner = CliRunner()

DETAILS = """\
polda = "BENGKULU"
polres = "LEBONG"
nomor_urut = 7
tanggal = 2023-05-15
tempat = "Tubei"
penandatangan = "HENDRA WIJAYA"
pangkat = "AKBP"
nrp = "79051234"
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _export(plan: Path, *args: str | Path) -> Any:
    dokumen = plan.parent / "dokumen.toml"
    dokumen.write_text(DETAILS, encoding="utf-8")
    argv = ["export", str(plan), "--dokumen", str(dokumen), "--lang", "en", *map(str, args)]
    return runner.invoke(cli.app, argv)


def _lampiran(folder: Path) -> list[Path]:
    return sorted(folder.glob("*-lampiran*"))


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (gen.bhabin_given_another_jabatan,
         ["member NRP 87050123 (AHMAD SURYADI): bhabinkamtibmas, jabatan"]),
        (gen.cap_raised, ["setting max_units_per_officer"]),
        (gen.fingerprint_recomputed,
         ["the fingerprint in sheet Ringkasan ('Sidik data personel dan pengaturan')"]),
        (gen.fingerprint_recomputed_ringkasan_row_deleted,
         ["the fingerprint in sheet Ringkasan ('Sidik data personel dan pengaturan')"]),
    ],
    ids=["bhabin-jabatan", "cap-raised", "fingerprint-recomputed", "ringkasan-row-deleted"],
)  # fmt: skip
def test_edited_hidden_facts_are_refused_naming_what_differs(
    tmp_path: Path, make: Callable[[Path], Path], named: list[str]
) -> None:
    plan = make(tmp_path)
    before = _sha(plan)
    r = _export(plan)
    assert r.exit_code == cli.EXIT_INPUT, r.output
    assert f"hidden sheet {EMBED_SHEET}" in r.output
    for text in named:
        assert text in r.output
    assert "--roster" in r.output  # the way out is said
    assert _lampiran(tmp_path) == []
    assert _sha(plan) == before


def test_the_original_roster_wins_and_names_the_edit(tmp_path: Path) -> None:
    # The Bhabinkamtibmas, made a BANIT SAMAPTA in the hidden sheet and put on Penugasan row 2,
    # was printed as eligible before.  With --roster his real jabatan is used: a breach.
    plan = gen.bhabin_given_another_jabatan(tmp_path)
    r = _export(plan, "--roster", gen.GOOD)
    assert r.exit_code == cli.EXIT_INPUT, r.output
    assert "were changed (member NRP 87050123 (AHMAD SURYADI): bhabinkamtibmas, jabatan)" in (
        r.output
    )
    assert "Penugasan rows 2: breaks rule 'is a Bhabinkamtibmas'" in r.output
    assert _lampiran(tmp_path) == []


def test_a_plan_without_fingerprint_needs_the_roster(tmp_path: Path) -> None:
    plan = gen.fingerprint_removed(tmp_path)
    before = _sha(plan)
    r = _export(plan)
    assert r.exit_code == cli.EXIT_INPUT, r.output
    assert "carries no fingerprint" in r.output and EMBED_SHEET in r.output
    assert _lampiran(tmp_path) == [] and _sha(plan) == before
    r = _export(plan, "--roster", gen.GOOD)
    assert r.exit_code == cli.EXIT_OK, r.output
    said = "carries no fingerprint of its roster facts and settings; checked with the facts of "
    assert said + "--roster" in r.output
    assert len(_lampiran(tmp_path)) == 2


def test_a_signed_plan_recomputed_after_an_edit_fails_its_signature(tmp_path: Path) -> None:
    key = api.keygen(tmp_path / "kunci.pem").private
    plan = gen.signed_fingerprint_recomputed(tmp_path, key)
    before = _sha(plan)
    r = _export(plan)
    assert r.exit_code == cli.EXIT_INPUT, r.output
    assert "signature: signed fingerprint differs from the content" in r.output
    assert _lampiran(tmp_path) == [] and _sha(plan) == before


def test_a_signed_plan_exports_with_its_key_and_not_with_another(tmp_path: Path) -> None:
    key = api.keygen(tmp_path / "kunci.pem")
    other = api.keygen(tmp_path / "lain.pem")
    plan = gen.plan(tmp_path, sign_key=key.private)
    r = _export(plan, "--sign-key", key.private)
    assert r.exit_code == cli.EXIT_OK, r.output
    assert f"intact and signed by key {key.key_id}" in r.output
    for f in _lampiran(tmp_path):
        f.unlink()
    r = _export(plan, "--sign-key", other.private)
    assert r.exit_code == cli.EXIT_INPUT, r.output
    assert f"signed with key {key.key_id}, not with {other.key_id}" in r.output
    assert _lampiran(tmp_path) == []


def test_solve_and_replan_sign_the_facts_from_the_command_line(tmp_path: Path) -> None:
    key = api.keygen(tmp_path / "kunci.pem")
    plan = tmp_path / "penugasan.xlsx"
    r = runner.invoke(
        cli.app, ["solve", str(gen.GOOD), "-o", str(plan), "--sign-key", str(key.private)]
    )
    assert r.exit_code == cli.EXIT_OK, r.output
    new = tmp_path / "baru.xlsx"
    argv = ["replan", str(gen.GOOD), "--previous", str(plan), "-o", str(new)]
    r = runner.invoke(cli.app, [*argv, "--sign-key", str(key.private)])
    assert r.exit_code == cli.EXIT_OK, r.output
    for signed in (plan, new):
        r = _export(signed, "--sign-key", key.private, "--format", "xlsx")
        assert r.exit_code == cli.EXIT_OK, r.output
        assert f"intact and signed by key {key.key_id}" in r.output
    # a key that is not there is a usage error before any work, and writes nothing
    r = runner.invoke(cli.app, [*argv[:-1], str(tmp_path / "lain.xlsx"), "--sign-key", "x.pem"])
    assert r.exit_code == cli.EXIT_USAGE and not (tmp_path / "lain.xlsx").exists()


def test_an_untouched_plan_exports(tmp_path: Path) -> None:
    plan = gen.plan(tmp_path)
    r = _export(plan)
    assert r.exit_code == cli.EXIT_OK, r.output
    assert "changed" not in r.output and len(_lampiran(tmp_path)) == 2


# --- a previous plan of another Polres ------------------------------------------------------


def _replan(roster: Path, previous: Path, out: Path) -> Any:
    argv = ["replan", str(roster), "--previous", str(previous), "-o", str(out), "--lang", "en"]
    return runner.invoke(cli.app, argv)


def test_previous_plan_naming_another_polres_is_said(tmp_path: Path) -> None:
    previous = gen.previous_of_another_polres(tmp_path)
    before = _sha(previous)
    r = _replan(gen.GOOD, previous, tmp_path / "baru.xlsx")
    assert r.exit_code == cli.EXIT_OK, r.output
    assert (
        f"the previous plan {previous.name} belongs to POLRES REJANG LEBONG, not POLRES LEBONG"
        in r.output
    )
    assert _sha(previous) == before


def test_previous_plan_with_few_units_here_is_said(tmp_path: Path) -> None:
    previous = gen.plan(tmp_path, "lama.xlsx")
    roster = gen.roster_of_other_desa(tmp_path, keep=1)
    r = _replan(roster, previous, tmp_path / "baru.xlsx")
    assert r.exit_code == cli.EXIT_OK, r.output
    assert f"only 2 of the 6 units of the previous plan {previous.name} exist in POLRES LEBONG" in (
        r.output
    )


def test_previous_plan_none_of_whose_units_exist_is_an_input_error(tmp_path: Path) -> None:
    previous = gen.plan(tmp_path, "lama.xlsx")
    before = _sha(previous)
    roster = gen.roster_of_other_desa(tmp_path, keep=0)
    out = tmp_path / "baru.xlsx"
    r = _replan(roster, previous, out)
    assert r.exit_code == cli.EXIT_INPUT, r.output
    assert f"none of the 6 units of the previous plan {previous.name} exist in POLRES LEBONG" in (
        r.output
    )
    assert not out.exists() and _sha(previous) == before
