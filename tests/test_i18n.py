"""The one message catalogue: every message exists in both languages, every code used exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from rwassign import i18n
from rwassign.i18n import CATALOGUE
from rwassign.model import Location, Problem, Severity

PACKAGE = Path(i18n.__file__).resolve().parent.parent
_CODE = re.compile(r"^[a-z][a-z_]*\.[a-z0-9_.]+$")
_FIELD = re.compile(r"\{(\w+)")


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_fields(code: str) -> None:
    """A message shown in one language must exist in the other, filled from the same params."""
    entry = CATALOGUE[code]
    assert len(entry) in (2, 4)
    assert all(part.strip() for part in entry), f"{code}: an empty text"
    assert set(_FIELD.findall(entry[0])) == set(_FIELD.findall(entry[1])), code
    if len(entry) == 4:
        assert set(_FIELD.findall(entry[2])) == set(_FIELD.findall(entry[3])), code


def _codes_in_source() -> set[tuple[str, str]]:
    """Every string literal of the package that looks like a message code of a known family."""
    families = {code.split(".")[0] for code in CATALOGUE}
    found: set[tuple[str, str]] = set()
    for path in PACKAGE.rglob("*.py"):
        if "i18n" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = getattr(node, "value", None)
            if (
                isinstance(node, ast.Constant)
                and isinstance(value, str)
                and _CODE.match(value)
                and value.split(".")[0] in families
            ):
                found.add((path.relative_to(PACKAGE).as_posix(), value))
    return found


def test_every_code_used_in_the_package_is_in_the_catalogue() -> None:
    codes = _codes_in_source()
    assert len(codes) > 100  # the scan sees the package's codes at all
    assert sorted((f, c) for f, c in codes if c not in CATALOGUE) == []


def test_a_code_defined_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        i18n._register({"a.b": ("x", "y")}, {"a.b": ("x", "y")})


def test_one_way_to_render_a_problem() -> None:
    problem = Problem(
        "output.dir_missing",
        Severity.ERROR,
        Location(file="x.xlsx", sheet="Personel", row=3, column="NRP"),
        {"dir": "hasil"},
    )
    assert i18n.render(problem) == (
        "GALAT x.xlsx, sheet 'Personel', baris 3, kolom 'NRP': folder hasil untuk berkas "
        "keluaran tidak ada Saran: Buat folder itu dulu atau pilih folder lain."
    )
    assert i18n.render(problem, "en").startswith(
        "ERROR x.xlsx, sheet 'Personel', row 3, column 'NRP': the output folder hasil does not "
        "exist Hint: Create"
    )


def test_parameters_in_both_languages_are_picked_at_render() -> None:
    both = i18n.both("cli.solving")
    assert i18n.text("cli.stage", {"stage": both}, "en") == "solving: solving..."
    assert i18n.text("cli.stage", {"stage": both}, "id") == "menyusun rencana: menyusun rencana..."
