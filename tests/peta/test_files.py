"""The map files and the ``Peta`` sheet: written beside the plan, valid PNGs, one per Polsek
and one of the whole Polres, safe names, the same bytes every run, embedded in a workbook."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from rwassign.errors import OutputError
from rwassign.io.atomic import TEMP_SUFFIX
from rwassign.model import Instance, SolveResult, SolveStatus
from rwassign.peta import SHEET_MAPS, MapImage, draw_maps, map_names, peta_sheet
from tests.builders import FAST
from tests.peta.hand import INSTANCE, hand_plan

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
STEM = "polres_uji-penugasan"


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[MapImage, ...]:
    folder = tmp_path_factory.mktemp("peta")
    return draw_maps(INSTANCE, hand_plan(), folder, STEM, "id")


def _size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_MAGIC and png[12:16] == b"IHDR"
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_one_file_for_the_whole_polres_then_one_per_polsek(drawn: tuple[MapImage, ...]) -> None:
    assert [i.path.name for i in drawn] == [
        f"{STEM}-peta-polres.png",
        f"{STEM}-peta-amen.png",
        f"{STEM}-peta-lebong-utara.png",
    ]
    assert [i.polsek for i in drawn] == [None, "Polsek Amen", "Polsek Lebong Utara"]
    folder = drawn[0].path.parent
    assert sorted(p.name for p in folder.iterdir()) == sorted(i.path.name for i in drawn)
    assert not any(p.name.endswith(TEMP_SUFFIX) for p in folder.iterdir())


def test_files_are_pngs_of_a_sensible_size(drawn: tuple[MapImage, ...]) -> None:
    for image in drawn:
        data = image.path.read_bytes()
        assert data == image.png
        assert _size(data) == (1200, 850)
        assert 15_000 < len(data) < 1_000_000, (image.path.name, len(data))
        assert data.endswith(b"IEND\xaeB`\x82")


def test_files_carry_no_software_or_date_stamp(drawn: tuple[MapImage, ...]) -> None:
    data = drawn[0].png
    assert b"matplotlib" not in data.lower()
    assert b"tIME" not in data


def test_the_same_plan_gives_the_same_bytes(drawn: tuple[MapImage, ...], tmp_path: Path) -> None:
    again = draw_maps(INSTANCE, hand_plan(), tmp_path, STEM, "id")
    assert [a.png for a in again] == [d.png for d in drawn]


def test_titles_follow_the_language(tmp_path: Path) -> None:
    images = draw_maps(INSTANCE, hand_plan(), tmp_path, STEM, "en")
    assert images[0].title == "Polisi RW coverage map: POLRES UJI (whole Polres)"
    assert images[1].title == "Polisi RW coverage map: Polsek Amen"


def test_a_missing_folder_is_an_output_error_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        draw_maps(INSTANCE, hand_plan(), tmp_path / "tidak-ada", STEM)
    assert caught.value.code == "output.dir_missing"
    assert "tidak-ada" in caught.value.line("id")
    assert list(tmp_path.iterdir()) == []


def test_names_are_safe_and_unique() -> None:
    names = map_names(
        "rencana",
        [None, "Polsek Tébing/Tinggi", "POLSEK tebing tinggi", "Polres", "Polsek", "Polsek ★"],
    )
    assert names == [
        "rencana-peta-polres.png",
        "rencana-peta-tebing-tinggi.png",
        "rencana-peta-tebing-tinggi-2.png",
        "rencana-peta-polres-2.png",
        "rencana-peta-polsek-5.png",
        "rencana-peta-polsek-6.png",
    ]
    long = map_names("x" * 300, ["Polsek " + "Panjang " * 20])[0]
    assert len(long.encode()) <= 255 and long.endswith(
        "-peta-panjang-panjang-panjang-panjang-panjang.png"
    )
    assert all(c.isalnum() or c in "-._" for c in "".join(names))


def _workbook(path: Path) -> xlsxwriter.Workbook:
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    return xlsxwriter.Workbook(str(path), options)


def test_the_peta_sheet_holds_every_map_whole_polres_first(
    drawn: tuple[MapImage, ...], tmp_path: Path
) -> None:
    path = tmp_path / "peta.xlsx"
    book = _workbook(path)
    book.add_worksheet("Ringkasan")
    peta_sheet(tuple(reversed(drawn)), "id")(book)  # given in any order
    book.close()
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Ringkasan", SHEET_MAPS]
    ws = wb[SHEET_MAPS]
    assert len(ws._images) == len(drawn)  # type: ignore[attr-defined]
    titles = [c.value for c in ws["A"] if isinstance(c.value, str) and c.font.b]
    assert titles == ["Peta cakupan Polisi RW", *(i.title for i in drawn)]
    rows = sorted(img.anchor._from.row for img in ws._images)  # type: ignore[attr-defined]
    # each picture below its title, and never on top of the next one (0.75 x 850 px = 32 rows)
    assert all(b - a >= 32 for a, b in itertools.pairwise(rows))
    # printed one map per A4 landscape page: a break before each map but the first
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    # a break after (1-based) row N starts the page at the 0-based row N: the map's title,
    # two rows above its picture
    assert [b.id for b in ws.row_breaks.brk] == [row - 2 for row in rows[1:]]


def test_the_peta_sheet_speaks_english_when_asked(
    drawn: tuple[MapImage, ...], tmp_path: Path
) -> None:
    path = tmp_path / "map.xlsx"
    book = _workbook(path)
    peta_sheet(drawn, "en")(book)
    book.close()
    ws = openpyxl.load_workbook(path)[SHEET_MAPS]
    assert ws["A1"].value == "Polisi RW coverage maps"
    assert ws["A4"].value == f"file: {STEM}-peta-polres.png"


def test_a_target_that_cannot_be_replaced_stops_before_the_other_maps(tmp_path: Path) -> None:
    blocker = tmp_path / f"{STEM}-peta-polres.png"
    blocker.mkdir()  # a folder where the first map should go: no user may replace it
    with pytest.raises(OutputError) as caught:
        draw_maps(INSTANCE, hand_plan(), tmp_path, STEM)
    assert caught.value.code == "output.not_writable"
    assert sorted(p.name for p in tmp_path.iterdir()) == [blocker.name]  # no temp file left


def test_the_machines_matplotlib_settings_change_nothing(drawn: tuple[MapImage, ...]) -> None:
    import matplotlib

    from rwassign.peta.draw import render_png
    from rwassign.peta.layout import build_maps

    whole = build_maps(INSTANCE, hand_plan())[0]
    odd = {
        "font.size": 20,
        "axes.facecolor": "black",
        "savefig.dpi": 50,
        "savefig.facecolor": "red",
    }
    with matplotlib.rc_context(odd):
        assert render_png(whole, INSTANCE.name, "id") == drawn[0].png


def test_names_from_the_input_are_never_typeset_as_formulas(tmp_path: Path) -> None:
    # unescaped, matplotlib would parse "$\frac{$" as a broken formula and raise
    odd = tuple(
        dataclasses.replace(u, kecamatan=r"Kota $\frac{$ Baru", polsek="Polsek $Uang$")
        if u.uid.startswith("amen")
        else u
        for u in INSTANCE.units
    )
    inst = dataclasses.replace(INSTANCE, units=odd)
    images = draw_maps(inst, dataclasses.replace(hand_plan(), instance=inst), tmp_path, STEM)
    assert [i.title for i in images][1] == "Peta cakupan Polisi RW: Polsek $Uang$"
    assert images[1].path.name == f"{STEM}-peta-uang.png"


def test_a_polres_without_units_still_gets_its_whole_map(tmp_path: Path) -> None:
    empty = Instance("POLRES KOSONG", (), ())
    result = SolveResult(SolveStatus.OPTIMAL, empty, FAST, (), (), (), None, None, 0.0, {})
    images = draw_maps(empty, result, tmp_path, "kosong")
    assert [(i.path.name, i.counts["units"]) for i in images] == [("kosong-peta-polres.png", 0)]
    assert images[0].path.read_bytes()[:8] == PNG_MAGIC
