"""The hostile lampiran files of ``gen_h12e`` through ``rwassign verify``, as a user sees it:
never "utuh", also with the right ``--public-key``; the exit code of the verdict (6 berubah, 7
for a font map changed too little to show); the English message names what was added and
where (the page, the cell, the part); nothing written beside the file; the file unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.export.test_export import plan_dir  # noqa: F401 - module fixture reused
from tests.export.verify.test_verify import signed, verify  # noqa: F401 - module fixture reused
from tests.hostile import gen_h12e as gen


@pytest.mark.parametrize("case", gen.CASES, ids=[c.name for c in gen.CASES])
def test_verify_names_every_hostile_addition(
    signed: Path,  # noqa: F811
    tmp_path: Path,
    case: gen.Case,
) -> None:
    path = gen.write(case, signed / f"penugasan-lampiran.{case.suffix}", tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    r = verify(path, "--public-key", signed / "kapolres.pub.pem", "--lang", "en")
    out = " ".join(r.output.split())
    assert r.exit_code == case.exit_code, out
    assert not out.startswith("intact") and case.says in out, out
    assert "Ed25519 signature valid" in out  # the data is untouched; what is shown is not
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # nothing written
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_every_case_is_written_small_and_distinct(signed: Path, tmp_path: Path) -> None:  # noqa: F811
    """The generator writes the whole table: one small file each, none the untouched export."""
    paths = gen.write_all(
        signed / "penugasan-lampiran.pdf", signed / "penugasan-lampiran.xlsx", tmp_path
    )
    assert len(paths) == len(gen.CASES) == len({p.name for p in paths})
    originals = {(signed / f"penugasan-lampiran.{s}").read_bytes() for s in ("pdf", "xlsx")}
    for p in paths:
        assert p.stat().st_size < 200_000, p
        assert p.read_bytes() not in originals, p
