"""The plan workbook on paper: page setup, fonts and row heights in the file, and the sample plan
rendered through LibreOffice and read back from the PDF.

The file-level tests are fast and always run.  The rendering tests need ``soffice`` (LibreOffice
headless); without it they skip with a reason, and CI installs it.  They check what an office
sees: ``Ringkasan`` one page wide with the headline on page 1 and every label on the line of its
value, every other sheet's header whole on each of its pages, and the longest reasons whole.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader

import rwassign
from rwassign import i18n
from rwassign.io.plan.layout import COL_UNIT_ID, PLAN_HEADERS, UNCOVERED_HEADERS
from rwassign.io.write.grid import Cell, Rich, Run, Sheet, Style
from rwassign.io.write.printing import (
    DEFAULT_WIDTH,
    FONT_NAME,
    cell_height,
    shown,
    text_width,
    usable_width,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "samples" / "polres_lebong.xlsx"
SUMMARY = "Ringkasan"
TABLES = ("Penugasan", "Belum Terisi", "Personel", "Peringatan")


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan as `rwassign solve` writes it."""
    out = tmp_path_factory.mktemp("cetak") / "polres_lebong-penugasan.xlsx"
    rwassign.write_plan(rwassign.solve(rwassign.read(SAMPLE)), out)
    return out


@pytest.fixture(scope="module")
def book(plan_file: Path) -> Workbook:
    return openpyxl.load_workbook(plan_file, rich_text=True)


# --- in the file -----------------------------------------------------------------------------


def column_width(ws: Worksheet, column: int | None) -> float:
    """A column's width as the file stores it; Excel's default when it stores none."""
    width = ws.column_dimensions[get_column_letter(column or 1)].width
    return float(width) if width else DEFAULT_WIDTH


def as_written(value: object) -> object:
    """A rich-text cell read back, as the writer's own rich text (to measure it the same way)."""
    if isinstance(value, CellRichText):
        return Rich(tuple(Run(b.text, float(b.font.sz)) if isinstance(b, TextBlock)
                          else Run(str(b)) for b in value))  # fmt: skip
    return value


def test_every_font_is_named(book: Workbook) -> None:
    """A font without a name is drawn in each program's fallback (a serif in LibreOffice)."""
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.font.name == FONT_NAME, (ws.title, cell.coordinate)
                if isinstance(cell.value, CellRichText):
                    blocks = [b for b in cell.value if isinstance(b, TextBlock)]
                    assert blocks and all(b.font.rFont == FONT_NAME for b in blocks)
        footer = ws.oddFooter
        assert footer is not None and footer.right.font and FONT_NAME in footer.right.font


def test_page_setup(book: Workbook) -> None:
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        setup = ws.page_setup
        assert str(setup.paperSize) == ws.PAPERSIZE_A4, ws.title
        assert setup.orientation == ("portrait" if ws.title == SUMMARY else "landscape"), ws.title
        # fitToWidth left out of the file is its default, 1 (ECMA-376 18.3.1.63)
        assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title  # type: ignore[union-attr]
        margins = ws.page_margins
        assert min(margins.left, margins.right, margins.top, margins.bottom) >= 0.4, ws.title
        footer = ws.oddFooter
        assert footer is not None
        assert footer.right.text == i18n.text("print.page_footer") == "Halaman &P dari &N"
        if ws.title != SUMMARY:
            assert ws.print_title_rows == "$1:$1", ws.title


def test_unit_ids_are_kept_off_the_paper(book: Workbook) -> None:
    """The grey id column is for the program: the print area stops at ALASAN."""
    ws = book["Penugasan"]
    assert PLAN_HEADERS[-1] == COL_UNIT_ID
    assert ws.print_area == f"'Penugasan'!$A$1:$M${ws.max_row}"
    assert book["Belum Terisi"].print_area.startswith("'Belum Terisi'!$A$1:$G$")
    assert UNCOVERED_HEADERS[6] == "ALASAN"


def test_row_heights_hold_every_wrapped_line(book: Workbook) -> None:
    """LibreOffice does not grow rows by itself: each row's stored height holds its tallest
    cell wrapped at the column width, and every header word fits its column."""
    wrapped = 0
    for title in (SUMMARY, *TABLES):
        ws = book[title]
        spans = {
            (r.min_row, r.min_col): sum(
                column_width(ws, c) for c in range(r.min_col, r.max_col + 1)
            )
            for r in ws.merged_cells.ranges
        }
        for row in ws.iter_rows():
            height = ws.row_dimensions[row[0].row].height
            assert height, (title, row[0].row)
            for cell in row:
                if cell.value in (None, ""):
                    continue
                width = usable_width(
                    spans.get((cell.row, cell.column), column_width(ws, cell.column))
                )
                size = float(cell.font.sz or 10)
                need = cell_height(
                    as_written(cell.value), width, bold=bool(cell.font.b), size=size,
                    number_format=cell.number_format,
                )  # fmt: skip
                assert need <= height, (title, cell.coordinate, need, height)
                if need > 14 * size / 10:
                    wrapped += 1
                    assert cell.alignment.wrap_text, (title, cell.coordinate)
        if title != SUMMARY:
            for cell in ws[1]:
                for word in str(cell.value).split():
                    assert (
                        text_width(word, bold=True, size=cell.font.sz)
                        <= usable_width(column_width(ws, cell.column)) / 0.95
                    ), (title, word)
    assert wrapped > 300  # the reasons of the sample do wrap: the check above saw them


def test_ringkasan_speaks_to_the_office(book: Workbook) -> None:
    ws = book[SUMMARY]
    labels = [shown(c.value) for c in ws["A"] if c.value is not None]
    assert not [x for x in labels if x.startswith("Waktu")]  # stage timings stay in --json
    limit = next(c for c in ws["A"] if str(c.value).endswith("max_travel_km"))
    assert str(limit.value) == f"{i18n.text('setting_label.max_travel_km')}\nmax_travel_km"
    assert ws.cell(limit.row, 2).value == "-"
    sentence = i18n.text(
        "summary.shortage",
        {"eligible": 157, "cap": 2, "word": "RW/dusun", "capacity": 314, "units": 373, "short": 59},
    )
    assert sentence in labels[:20]  # near the top, before the tables
    assert sentence.startswith("157 personel memenuhi syarat x 2 RW/dusun = 314 < 373 RW/dusun")


# --- on paper (LibreOffice) ------------------------------------------------------------------

_FOOTER = re.compile(r"^\s*(\S.*?)\s{2,}Halaman (\d+) dari (\d+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Page:
    """A printed page's text as laid out (lines as on paper) and in drawing order (a wrapped
    cell's lines together)."""

    layout: str
    plain: str


@pytest.fixture(scope="module")
def pages(plan_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    """The text of every printed page, by sheet (named in the page footer)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot render the plan")
    out = tmp_path_factory.mktemp("pdf")
    profile = out / "profil"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(plan_file)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    by_sheet: dict[str, list[Page]] = {}
    reader = PdfReader(out / plan_file.with_suffix(".pdf").name)
    for page in reader.pages:
        text = page.extract_text(extraction_mode="layout")
        match = _FOOTER.search(text)
        assert match, text[-300:]
        by_sheet.setdefault(match.group(1).strip(), []).append(Page(text, page.extract_text()))
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        portrait = match.group(1).strip() == SUMMARY
        assert (width < height) == portrait, match.group(1)
        assert round(min(width, height)) == 595  # A4
    return by_sheet


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_ringkasan_prints_one_page_wide_headline_first(
    pages: dict[str, list[Page]], book: Workbook
) -> None:
    ringkasan = [page.layout for page in pages[SUMMARY]]
    assert len(ringkasan) <= 3
    first = ringkasan[0]
    for label, value in (
        ("Polres", "POLRES LEBONG"),
        ("Status solver", "OPTIMAL"),
        ("Jumlah RW/Dusun", "373"),
        ("Terisi", "314"),
        ("Belum terisi", "59"),
        ("Cakupan (%)", "84.18"),
        ("Memenuhi syarat", "157"),
    ):
        assert re.search(rf"^{re.escape(label)}\s+{re.escape(value)}\b", first, re.M), label
    assert "59 RW/dusun pasti belum terisi" in _flat(first)
    # Every label with a value prints beside it: one page wide, nothing pushed to a page right.
    ws = book[SUMMARY]
    lines = [line.strip() for page in ringkasan for line in page.splitlines()]
    for row in ws.iter_rows(min_row=2):
        label, value = row[0].value, row[1].value
        if label is None or value is None or isinstance(label, CellRichText):
            continue
        head = str(label).split("\n")[0].strip()
        printed = shown(value, row[1].number_format).split()[0]
        if isinstance(value, float) and row[1].number_format == "0.00%":
            printed = f"{value * 100:.2f}%"
        assert any(line.startswith(head[:25]) and printed in line for line in lines), (
            head,
            printed,
        )


@pytest.mark.parametrize("title", TABLES)
def test_every_page_repeats_the_whole_header(
    pages: dict[str, list[Page]], book: Workbook, title: str
) -> None:
    ws = book[title]
    area = ws.print_area or ""
    last = openpyxl.utils.column_index_from_string(re.findall(r"\$([A-Z]+)\$", area)[-1])
    words = {w for cell in ws[1][:last] for w in str(cell.value).split()}
    assert pages[title]
    for no, page in enumerate(pages[title], start=1):
        text = page.layout
        for word in words:
            assert re.search(rf"(?<!\S){re.escape(word)}(?!\S)", text), (title, no, word)


@pytest.mark.parametrize("title", ["Penugasan", "Belum Terisi", "Personel"])
def test_longest_reasons_print_whole(
    pages: dict[str, list[Page]], book: Workbook, title: str
) -> None:
    """A wrapped reason prints line after line in its cell: read in drawing order, the
    longest ones appear whole, not cut at the row's edge."""
    ws = book[title]
    index = [c.value for c in ws[1]].index("ALASAN")
    reasons = sorted({str(r[index]) for r in ws.iter_rows(min_row=2, values_only=True)}, key=len)
    text = _flat(" ".join(page.plain for page in pages[title]))
    for reason in reasons[-3:]:
        assert len(reason) > 40 and _flat(reason) in text, reason


def test_text_width_is_reportlabs_width_to_the_last_bit() -> None:
    """Printable ASCII is summed from the font's table, anything else measured by reportlab:
    both must give reportlab's float exactly, or a row height or column width (and so the
    plan's bytes) would depend on which path measured it."""
    import random
    import string

    from reportlab.pdfbase.pdfmetrics import stringWidth

    rng = random.Random(5)
    texts = ["", " ", "BRIPKA SITI NURHALIZA", "RW 03 Kampung Jawa", "Dusun Ke-II (Ulu)"]
    texts += ["".join(rng.choice(string.printable[:95]) for _ in range(rng.randint(1, 60)))
              for _ in range(2000)]  # fmt: skip
    texts += ["Désa Baru", "Tj. Périuk – Selatan", "tab\there"]  # reportlab's own path
    for text in texts:
        for bold, font in ((False, "Helvetica"), (True, "Helvetica-Bold")):
            for size in (7.0, 8.5, 9.0, 10.0):
                text_width.cache_clear()
                assert text_width(text, bold=bold, size=size) == stringWidth(text, font, size)


def test_wrapping_counts_the_same_lines_whichever_path_measures_the_words() -> None:
    """Printable ASCII is wrapped with its words measured in place; every other text word by
    word through ``text_width``: the same lines either way (greedy at spaces, long words cut)."""
    import random

    from rwassign.io.write.printing import _lines, wrap_lines

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyzWMIil .,()-/:0123456789  "
    texts = ["", " ", "  two  spaces ", "W" * 80, "RW 03 sudah dipegang personel lain"]
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 160))) for _ in range(800)]
    for text in texts:
        for width in (4.0, 37.5, 113.7, 260.0):
            for bold in (False, True):
                for size in (8.0, 10.0):
                    space = text_width(" ", bold=bold, size=size)
                    words = [text_width(w, bold=bold, size=size) for w in text.split(" ")]
                    wrap_lines.cache_clear()
                    assert wrap_lines(text, width, bold=bold, size=size) == _lines(
                        words, space, width
                    )
    # a line break splits paragraphs (the general path), each counted alike
    assert wrap_lines("RW 1\nRW 2", 500.0) == 2


def test_widths_of_many_texts_at_once_are_text_widths_floats() -> None:
    """``plain_widths`` measures a whole column in a few array steps; every float must equal
    ``text_width``'s, or a column width or row height (so the plan's bytes) would change."""
    import random
    import string

    from rwassign.io.write.printing import plain_widths

    rng = random.Random(11)
    texts = ["", "W", "BRIPKA SITI NURHALIZA", "", "RW 03"]
    texts += ["".join(rng.choice(string.printable[:95]) for _ in range(rng.randint(0, 90)))
              for _ in range(3000)]  # fmt: skip
    for bold in (False, True):
        for size in (8.0, 9.0, 10.0):
            points = plain_widths(texts, bold=bold, size=size)
            assert points is not None
            assert points.tolist() == [text_width(t, bold=bold, size=size) for t in texts]
    assert plain_widths([]) is not None and len(plain_widths([])) == 0  # type: ignore[arg-type]
    assert plain_widths(["Desa", "Désa"]) is None  # not ASCII: measured one by one
    assert plain_widths(["tab\there"]) is None  # not printable


def _heights_cell_by_cell(ws: Sheet) -> dict[int, float]:
    """Row heights as measured before columns were measured at once: every cell, one by one
    (the oracle ``set_row_heights`` must agree with)."""
    from rwassign.io.write.printing import MAX_ROW_HEIGHT, column_width, line_height

    span = {(r, first): sum(column_width(ws, c) for c in range(first, last + 1))
            for r, first, _, last in ws.merges}  # fmt: skip
    out = {}
    for number, cells in enumerate(ws.rows, start=1):
        tallest = line_height()
        for column, cell in enumerate(cells, start=1):
            if cell.value is None or cell.value == "":
                continue
            chars = span.get((number, column), column_width(ws, column))
            style = cell.style or Style()
            points = cell_height(cell.value, usable_width(chars), bold=style.bold,
                                 size=style.size, number_format=style.number_format)  # fmt: skip
            tallest = max(tallest, points)
        out[number] = round(min(tallest + 2.0, MAX_ROW_HEIGHT), 1)
    return out


def _mixed_sheet(seed: int) -> Sheet:
    """Columns of every kind a plan sheet holds, and some it should not: short and long
    ASCII, accents, tabs, numbers, floats, rich text, a large font, a bold row, ragged rows,
    a merged range, empty cells, and restyled cells in one column."""
    import random

    from rwassign.io.write.tables import BODY_STYLE, HEADER_STYLE, _number_right

    rng = random.Random(seed)
    words = ["RW", "03", "Kampung", "Jawa", "BRIPKA", "SITI", "NURHALIZA", "dipegang",
             "personel", "lain", "Désa", "Tj.", "W" * 30, "–"]  # fmt: skip
    big = Style(size=14.0, wrap=True)
    bold_body = Style(bold=True, vertical="top", wrap=True)
    ws = Sheet("T")
    ws.append(["NO", "NAMA ANGGOTA", "KETERANGAN", "JARAK (KM)", "CATATAN", "ALAMAT"], HEADER_STYLE)
    for n in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 25)))
        value: object = rng.choice([text, text.replace(" ", "\t"), None, "", 7, 123456789012])
        last: object = rng.choice([None, "ok", Rich((Run("a\n"), Run(text, 8.0))), text])
        short = text.encode("ascii", "ignore").decode()[:9]  # a plain column, fonts mixed
        row = [Cell(n + 1, BODY_STYLE), Cell(short, rng.choice([BODY_STYLE, big])),
               Cell(value, BODY_STYLE),
               Cell(rng.random() * 100, Style(number_format="0.00")),
               Cell(last, rng.choice([BODY_STYLE, big, Style(bold=True, wrap=True)])),
               Cell(f"Jl. {text[:30]}", bold_body)]  # fmt: skip
        ws.append_cells(row[: rng.choice([1, 3, 5, 6, 6, 6])])
    ws.merge(3, 2, 4)
    ws.restyle(ws.column(4, first_row=2), _number_right)
    ws.widths = [4.0, 14.0, 40.0, 9.5]  # the fifth column has Excel's default width
    return ws


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_row_heights_measured_by_column_equal_cell_by_cell(seed: int) -> None:
    from rwassign.io.write.printing import set_row_heights

    ws = _mixed_sheet(seed)
    set_row_heights(ws)
    assert ws.heights == _heights_cell_by_cell(ws)
    assert len(set(ws.heights.values())) > 3  # wrapped, large and one-line rows all met


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_column_widths_measured_at_once_equal_cell_by_cell(seed: int) -> None:
    from rwassign.io.write.printing import HEADER_SIZE, chars_for
    from rwassign.io.write.tables import column_chars

    ws = _mixed_sheet(seed)
    for column in range(1, 7):
        header = ws.rows[0][column - 1].value
        words = max(text_width(w, bold=True, size=HEADER_SIZE) for w in header.split())
        widest = max(
            (text_width(shown(c.value, (c.style or Style()).number_format) if not
                        isinstance(c.value, str) else c.value, bold=(c.style or Style()).bold)
             for c in ws.column(column, first_row=2) if c.value is not None),
            default=0.0,
        )  # fmt: skip
        for cap in (14.0, 40.0, 400.0):
            expected = max(chars_for(words), min(chars_for(widest), cap), 4.0)
            assert column_chars(ws, column, cap) == expected


def test_restyled_cells_that_shared_a_style_share_the_new_one() -> None:
    """A column keeps one style object when restyled, so it is measured as one group."""
    from rwassign.io.write.tables import BODY_STYLE, _number_right

    ws = Sheet("T")
    for n in range(5):
        ws.append([n, "x"], BODY_STYLE)
    ws.cell(6, 1).value = 9  # no style: the default's change
    ws.restyle(ws.column(1), _number_right)
    styles = [c.style for c in ws.column(1)]
    assert styles[0] is styles[4] and styles[0] == _number_right(BODY_STYLE)
    assert styles[5] == _number_right(Style()) and styles[5] is not styles[0]
    assert [c.style for c in ws.column(2)] == [BODY_STYLE] * 5  # untouched
