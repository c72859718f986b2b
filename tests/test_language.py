"""No English sentence reaches a user who asked for Bahasa Indonesia.

Every command runs as an operator would run it, with ``--lang id`` and with the default (also
Indonesian): ``solve`` (the sample, with a travel limit, and the tiny test workbook),
``replan --tradeoff``, ``validate`` (the sample, every broken workbook of ``tests/data/broken``
and a broken settings file), ``export`` (plain, stopped by a breach, and ``--force``) and
``verify`` (intact and edited), and every ``--help``.  What the user then sees is collected:
every line printed, every cell of every visible sheet of every workbook written, the text of
every PDF page.  English is found by its function words ("the", "is", "not", ...), as whole
words: Indonesian never uses them, and no English sentence can do without them.

What is exempt is listed below with the reason, and nothing else: the test is passed by
fixing the texts in the catalogue (``rwassign/i18n``), not by widening the list.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from rwassign import cli
from tests.data.make_test_data import BROKEN_CASES

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "data" / "samples" / "polres_lebong.xlsx"
MUTASI = ROOT / "data" / "samples" / "polres_lebong_mutasi.xlsx"
TINY = ROOT / "tests" / "data" / "polres_lebong.xlsx"
BROKEN = ROOT / "tests" / "data" / "broken"

#: Words no Indonesian text uses and no English sentence does without.  ``no`` alone is not
#: here (``NO`` is the Indonesian column "nomor"), ``no longer`` is; nor ``a`` (``a.n.``) or
#: ``sheet`` (the word Indonesian offices use for a worksheet).
ENGLISH = (
    "the", "is", "are", "was", "were", "be", "been", "not", "of", "and", "with", "for",
    "this", "that", "these", "those", "has", "have", "had", "it", "its", "to", "from", "by",
    "into", "than", "but", "or", "which", "who", "can", "cannot", "could", "should", "must",
    "will", "would", "no longer", "there", "their", "they", "them", "you", "your", "please",
    "an", "at", "on", "as", "if", "only", "every", "each", "any", "all", "found", "written",
    "see", "row", "rows", "column", "in", "because", "member", "members",
)  # fmt: skip
_ENGLISH = re.compile(r"\b(" + "|".join(w.replace(" ", r"\s+") for w in ENGLISH) + r")\b", re.I)

#: Exempt, each for its reason.  Matched against the whole text the word stands in.
EXEMPT: tuple[tuple[str, str], ...] = (
    # Command-line options are syntax the user types, the same in every language
    # (``--column``, ``--with-sprin``).
    (r"--[a-z][a-z-]*", "an option name"),
)


def english_words(text: str) -> list[str]:
    """The English function words in ``text`` (after the exempt parts are removed)."""
    for pattern, _why in EXEMPT:
        text = re.sub(pattern, " ", text)
    return [m.group(0) for m in _ENGLISH.finditer(text)]


runner = CliRunner()


class Shown:
    """Everything a user was shown, as (where, text) pairs."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, text: str) -> None:
        # the paths of this machine's temporary folder are not ours to translate
        text = text.replace(str(self.tmp), "<tmp>")
        for line in text.splitlines():
            if line.strip():
                self.items.append((where, line))

    def run(self, *args: str | Path, json_out: bool = False) -> int:
        """Run one command; collect what it printed (only the values of a JSON answer: its
        keys are the documented machine interface, not text for people)."""
        argv = [str(a) for a in args]
        r = runner.invoke(cli.app, argv)
        where = "rwassign " + " ".join(a.replace(str(self.tmp), "<tmp>") for a in argv[:2])
        self.add(f"{where} (stderr)", r.stderr)
        if json_out:
            for value in _json_strings(json.loads(r.stdout)):
                self.add(f"{where} (json)", value)
        else:
            self.add(f"{where} (stdout)", r.stdout)
        return r.exit_code

    def files(self) -> None:
        """Every cell of every visible sheet of every workbook written, and every PDF page."""
        for path in sorted(self.tmp.rglob("*-*.xlsx")):
            wb = openpyxl.load_workbook(path, read_only=False)
            for ws in wb.worksheets:
                # the very hidden sheet holds the plan's data for re-checking (JSON for the
                # program); it is never shown
                if ws.sheet_state == "veryHidden":
                    continue
                for row in ws.iter_rows(values_only=True):
                    for value in row:
                        if isinstance(value, str):
                            self.add(f"{path.name} / {ws.title}", value)
        for path in sorted(self.tmp.rglob("*.pdf")):
            for n, page in enumerate(PdfReader(path).pages, start=1):
                self.add(f"{path.name} page {n}", page.extract_text() or "")


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


DOKUMEN = """\
polda = "BENGKULU"
polres = "LEBONG"
nomor_urut = 123
tanggal = 2023-05-15
tempat = "Tubei"
penandatangan = "HENDRA WIJAYA, S.I.K., M.H."
pangkat = "AKBP"
nrp = "79051234"
"""


def _break_plan(path: Path, out: Path) -> None:
    """A plan with one row handed to an NRP not in the roster and one member twice."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Penugasan"]
    header = [c.value for c in ws[1]]
    col = header.index("NRP") + 1
    first = ws.cell(2, col).value
    ws.cell(3, col, "12345678")
    ws.cell(4, col, first)
    ws.cell(5, col, first)
    wb.save(out)


def _gather(tmp: Path, lang: list[str]) -> Shown:
    shown = Shown(tmp)
    shown.run("--help")
    for command in ("solve", "replan", "validate", "export", "verify", "keygen", "template"):
        shown.run(command, "--help")
    work = tmp / "kerja"
    work.mkdir()
    sample = work / "polres.xlsx"
    shutil.copy(SAMPLE, sample)
    mutasi = work / "mutasi.xlsx"
    shutil.copy(MUTASI, mutasi)
    plan = work / "polres-penugasan.xlsx"
    assert shown.run("solve", sample, "-o", plan, *lang) == 0
    assert shown.run("solve", sample, "-o", work / "json-penugasan.xlsx", "--json", *lang,
                     json_out=True) == 0  # fmt: skip
    limited = work / "jarak-penugasan.xlsx"
    assert shown.run("solve", sample, "-o", limited, "--max-travel-km", "3", *lang) == 0
    assert shown.run("solve", TINY, "-o", work / "kecil-penugasan.xlsx", *lang) == 0
    replanned = work / "mutasi-penugasan.xlsx"
    code = shown.run("replan", mutasi, "--previous", plan, "-o", replanned, "--tradeoff", *lang)
    assert code == 0
    assert shown.run("validate", sample, *lang) == 0
    assert shown.run("validate", sample, "--json", *lang, json_out=True) == 0
    for case in BROKEN_CASES:
        shown.run("validate", BROKEN / case.file, *lang)
    bad_toml = work / "salah.toml"
    bad_toml.write_text('max_units_per_officer = "dua"\nworkers = 0\nwarna = 1\n', "utf-8")
    assert shown.run("validate", sample, "--config", bad_toml, *lang) == cli.EXIT_INPUT
    zero = work / "nol.toml"
    zero.write_text("workers = 0\n", "utf-8")
    assert shown.run("validate", sample, "--config", zero, *lang) == cli.EXIT_INPUT
    dokumen = work / "dokumen.toml"
    dokumen.write_text(DOKUMEN, "utf-8")
    assert shown.run("export", plan, "--dokumen", dokumen, "--with-sprin", *lang) == 0
    broken = work / "rusak-penugasan.xlsx"
    _break_plan(plan, broken)
    assert shown.run("export", broken, "--dokumen", dokumen, *lang) == cli.EXIT_INPUT
    forced = work / "paksa-lampiran.pdf"
    code = shown.run("export", broken, "--dokumen", dokumen, "--force", "-o", forced, *lang)
    assert code == 0
    lampiran = work / "polres-penugasan-lampiran.pdf"
    assert shown.run("verify", lampiran, *lang) == 0
    assert shown.run("verify", lampiran.with_suffix(".xlsx"), *lang) == 0
    edited = work / "ubah-lampiran.xlsx"
    wb = openpyxl.load_workbook(lampiran.with_suffix(".xlsx"))
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "HENDRA WIJAYA, S.I.K., M.H.":
                cell.value = "HENDRA WIJAYA"
    wb.save(edited)
    shown.run("verify", edited, *lang)
    shown.run("keygen", "-o", work / "kunci.pem", *lang)
    assert shown.run("template", "Rejang Lebong", "-o", work / "rl-template.xlsx", *lang) == 0
    assert shown.run("template", "Bogor", *lang) == cli.EXIT_USAGE
    assert shown.run("template", "Rejang Lebog", *lang) == cli.EXIT_USAGE
    code = shown.run("template", "17.02", "--kecamatan", "Curup Utra", *lang)
    assert code == cli.EXIT_USAGE
    shown.files()
    return shown


@pytest.fixture(scope="module", params=[["--lang", "id"], []], ids=["lang-id", "default"])
def shown(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Shown:
    return _gather(tmp_path_factory.mktemp("bahasa"), request.param)


def test_nothing_shown_is_english(shown: Shown) -> None:
    found = sorted(
        {(where, text.strip()[:200]) for where, text in shown.items if english_words(text)}
    )
    assert len(shown.items) > 2000  # the run saw the outputs at all
    assert found == []


def test_the_check_sees_english_sentences() -> None:
    """The detector itself: English sentences of the old texts are caught, Indonesian ones
    and the exempt names are not."""
    assert english_words("row 2: NRP 87050123 (ANTO) is not eligible") == ["row", "is", "not"]
    assert english_words("Show this message and exit.") == ["this", "and"]
    assert english_words("their previous unit no longer exists") == ["their", "no longer"]
    assert english_words("NO | NAMA | PANGKAT/NRP | RW/DUSUN | KET") == []
    assert (
        english_words(
            "tidak ada personel tersisa (lihat Ringkasan); personel terdekat, BRIPKA ANTO"
        )
        == []
    )
    assert english_words("Tunjuk kolomnya: --column nrp=... atau --with-sprin") == []


def test_help_shows_values_not_types(shown: Shown) -> None:
    """Flags carry no ``<bool>``, other options a value word, never a Python type name."""
    helps = [text for where, text in shown.items if "--help" in where]
    assert len(helps) > 50
    for label in ("<bool>", "<path>", "<str>", "<file>", "<list[", "<int", "<float"):
        assert not [text for text in helps if label in text], label
    assert any("--max-travel-km" in text and " KM " in text for text in helps)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", "pangkat: NRP 80010001 (UJI) tidak memenuhi syarat untuk k|d|1"),
        ("en", "pangkat: NRP 80010001 (UJI) is not eligible for k|d|1"),
    ],
)
def test_a_checker_rejection_is_shown_in_the_users_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str, expected: str
) -> None:
    """``run.check_failed`` carries the checker's findings in both languages: the Indonesian
    run shows no English, the English run the English finding."""
    import rwassign.checker as checker

    found = checker.Violation(
        "pangkat", "check.ineligible_for", {"nrp": "80010001", "nama": "UJI", "unit": "k|d|1"}
    )
    monkeypatch.setattr(checker, "check", lambda result: [found])
    r = runner.invoke(cli.app, ["solve", str(TINY), "-o", str(tmp_path / "x.xlsx"), "--lang", lang])
    assert r.exit_code == cli.EXIT_INTERNAL
    shown = " ".join(r.stderr.split())
    assert expected in shown
    if lang == "id":
        assert english_words(shown) == []
