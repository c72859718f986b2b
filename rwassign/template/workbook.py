"""The template workbook: the sheets, headers, drop-down lists and instructions.

Sheet names and headers are the reader's own words (:mod:`rwassign.io.read.fields`), so what
this module writes is what ``rwassign solve`` reads; a test fills a template by script and
solves it.  The workbook is written with openpyxl (already the reader's library: no new
dependency) and atomically (:mod:`rwassign.io.atomic`): an interrupted run leaves no half file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from rwassign import i18n
from rwassign.errors import OutputError
from rwassign.gazetteer import name_key
from rwassign.io.atomic import write_atomically
from rwassign.ranks import RANKS
from rwassign.template.wilayah import TEMPLATE_SUFFIX, Wilayah

__all__ = [
    "MAX_ROSTER_ROWS",
    "POLSEK_HEADER",
    "ROSTER_HEADER",
    "SHEET_GUIDE",
    "SHEET_LISTS",
    "SHEET_POLSEK",
    "SHEET_ROSTER",
    "SHEET_UNITS",
    "UNIT_HEADER",
    "build_template",
    "write_template",
]

MAX_ROSTER_ROWS = 5000
"""Roster rows that get the drop-down lists: more than the largest Polres has members."""

# Sheet names and headers the reader recognises (rwassign.io.read.fields: UNIT_SHEETS,
# ROSTER_SHEETS, POLSEK_SHEETS and the field aliases).  The lists sheet has a name no reader
# table holds, and it is hidden.
SHEET_GUIDE = "Petunjuk"
SHEET_UNITS = "Wilayah"
SHEET_POLSEK = "Polsek"
SHEET_ROSTER = "Personel"
SHEET_LISTS = "Daftar Pilihan"

UNIT_HEADER = (
    "NO",
    "KECAMATAN",
    "DESA/KELURAHAN",
    "KODE DESA",
    "JENIS",
    "JUMLAH RW/DUSUN",
    "KERAWANAN",
)
POLSEK_HEADER = ("KECAMATAN", "POLSEK")
ROSTER_HEADER = (
    "NO",
    "NAMA",
    "PANGKAT",
    "NRP",
    "JABATAN",
    "KESATUAN",
    "BHABINKAMTIBMAS",
    "PELATIHAN POLMAS",
    "TMT",
    "STATUS",
    "DOMISILI KECAMATAN",
    "DOMISILI DESA/KEL",
    "DOMISILI RW/DUSUN",
)
#: The rows above each header: a title line (the reader takes the Polres name from it) and a
#: blank line.  The header is row 3, the data start on row 4.
TITLE_ROWS = 2

YES_NO = ("YA", "TIDAK")
TRAINED = ("SUDAH", "BELUM")
PRIORITIES = ("Tinggi", "Sedang", "Rendah")
STATUSES = ("AKTIF", "CUTI", "PENDIDIKAN", "SAKIT", "TUGAS BELAJAR", "BKO", "MUTASI")

_FONT = "Calibri"  # named: a font without a name prints in a serif fallback in LibreOffice
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_FILL_IN = PatternFill("solid", fgColor="FFF2CC")  # the cells the clerk must fill
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _header(ws: Worksheet, title: str, header: Sequence[str]) -> None:
    ws.cell(row=1, column=1, value=title).font = Font(name=_FONT, bold=True, size=12)
    row = TITLE_ROWS + 1
    for c, text in enumerate(header, start=1):
        cell = ws.cell(row=row, column=c, value=text)
        cell.font = Font(name=_FONT, bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[row].height = 30  # room for a header that wraps (JUMLAH RW/DUSUN)
    ws.freeze_panes = f"A{row + 1}"  # a string: ws.cell() would create the row below


def _fit_widths(ws: Worksheet, header: Sequence[str], minimum: Sequence[int] = ()) -> None:
    """Each column as wide as its longest value (header included), within 6-60 characters."""
    widths = [max(round(len(h) * 1.2), 6) for h in header]  # bold capitals run wider
    for i, w in enumerate(minimum):
        widths[i] = max(widths[i], w)
    for row in ws.iter_rows(min_row=TITLE_ROWS + 2, values_only=True):
        for i, v in enumerate(row[: len(widths)]):
            if v is not None:
                widths[i] = max(widths[i], len(str(v)))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(w + 2, 60)


def _list_column(ws: Worksheet, column: int, title: str, values: Sequence[str]) -> str:
    """Write ``values`` into a column of the lists sheet; the absolute range they fill."""
    ws.cell(row=1, column=column, value=title).font = Font(name=_FONT, bold=True)
    for r, v in enumerate(values, start=2):
        ws.cell(row=r, column=column, value=v)
    letter = get_column_letter(column)
    sheet = SHEET_LISTS.replace("'", "''")
    return f"'{sheet}'!${letter}$2:${letter}${len(values) + 1}"


def _drop_down(
    ws: Worksheet,
    source: str,
    cells: str,
    *,
    title: str,
    strict: bool,
    prompt: str,
    lang: str,
) -> None:
    """A drop-down list on ``cells``, its input prompt headed ``title``.  ``strict`` refuses
    other values; otherwise Excel warns but lets the clerk keep one (a rank spelt another way,
    a new desa, a training date)."""
    dv = DataValidation(
        type="list",
        formula1=f"={source}",
        allow_blank=True,
        showDropDown=False,  # openpyxl's name is inverted: False shows the arrow
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop" if strict else "warning",
    )
    dv.promptTitle = title
    dv.prompt = prompt
    dv.errorTitle = i18n.text("template.list_error_title", None, lang)
    dv.error = i18n.text(
        "template.list_error_strict" if strict else "template.list_error_warning", None, lang
    )
    dv.add(cells)
    ws.add_data_validation(dv)


def _printable(ws: Worksheet) -> None:
    """Print landscape, one page wide, the header repeated on every page: a clerk may fill
    the sheet on paper first."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if ws.title != SHEET_GUIDE:
        ws.print_title_rows = f"{TITLE_ROWS + 1}:{TITLE_ROWS + 1}"


def _col(header: Sequence[str], name: str) -> str:
    return get_column_letter(header.index(name) + 1)


def build_template(wilayah: Wilayah, lang: str = "id") -> Workbook:
    """The template workbook in memory (no file touched), so a test can inspect it."""
    wb = Workbook()
    guide = wb.active
    assert guide is not None  # a new Workbook always has one sheet
    guide.title = SHEET_GUIDE
    kab = wilayah.kabupaten
    desa = sorted(wilayah.desa, key=lambda d: d.kode)
    kecamatan = wilayah.kecamatan
    first = TITLE_ROWS + 2  # first data row

    # Wilayah: one row per desa, the count and kerawanan to fill in.
    units = wb.create_sheet(SHEET_UNITS)
    _header(units, f"DATA RW/DUSUN WILAYAH HUKUM {wilayah.polres_title}", UNIT_HEADER)
    for i, d in enumerate(desa, start=1):
        row = first + i - 1
        units.append([i, d.kecamatan, d.nama, d.kode, d.jenis, None, None])
        for c in (6, 7):
            units.cell(row=row, column=c).fill = _FILL_IN
    _fit_widths(units, UNIT_HEADER, (0, 0, 0, 15, 10, 17, 14))

    # Polsek: every kecamatan, with the usual Polsek of its own name as a default.
    polsek = wb.create_sheet(SHEET_POLSEK)
    _header(polsek, f"KECAMATAN DAN POLSEK {wilayah.polres_title}", POLSEK_HEADER)
    for kec in kecamatan:
        polsek.append([kec, f"Polsek {kec}"])
    _fit_widths(polsek, POLSEK_HEADER)

    # Personel: headers only; NRP as text so Excel keeps the leading zeros.
    roster = wb.create_sheet(SHEET_ROSTER)
    _header(roster, f"DAFTAR SUSUNAN PERSONEL {wilayah.polres_title}", ROSTER_HEADER)
    last = first + MAX_ROSTER_ROWS - 1
    for name, fmt in (("NRP", "@"), ("TMT", "dd-mm-yyyy")):
        column = _col(ROSTER_HEADER, name)
        for r in range(first, last + 1):
            roster[f"{column}{r}"].number_format = fmt
    widths = {
        "NO": 5, "NAMA": 30, "PANGKAT": 14, "NRP": 20, "JABATAN": 30, "KESATUAN": 20,
        "BHABINKAMTIBMAS": 18, "PELATIHAN POLMAS": 18, "TMT": 12, "STATUS": 14,
        "DOMISILI KECAMATAN": 22, "DOMISILI DESA/KEL": 24, "DOMISILI RW/DUSUN": 20,
    }  # fmt: skip
    for name, width in widths.items():
        roster.column_dimensions[_col(ROSTER_HEADER, name)].width = width

    # The lists behind the drop-downs, in a hidden sheet.
    lists = wb.create_sheet(SHEET_LISTS)
    home_desa = sorted({d.nama for d in desa}, key=name_key)
    ranges = {
        "pangkat": _list_column(lists, 1, "PANGKAT", [r.code for r in RANKS]),
        "yes_no": _list_column(lists, 2, "BHABINKAMTIBMAS", YES_NO),
        "trained": _list_column(lists, 3, "PELATIHAN POLMAS", TRAINED),
        "priority": _list_column(lists, 4, "KERAWANAN", PRIORITIES),
        "status": _list_column(lists, 5, "STATUS", STATUSES),
        "kecamatan": _list_column(lists, 6, "KECAMATAN", kecamatan),
        "desa": _list_column(lists, 7, "DESA/KELURAHAN", home_desa),
    }
    lists.sheet_state = "hidden"

    def on_roster(name: str, key: str, strict: bool, prompt: str) -> None:
        column = _col(ROSTER_HEADER, name)
        text = i18n.text(prompt, None, lang)
        _drop_down(
            roster, ranges[key], f"{column}{first}:{column}{last}", title=name,
            strict=strict, prompt=text, lang=lang,
        )  # fmt: skip

    on_roster("PANGKAT", "pangkat", False, "template.prompt_pangkat")
    on_roster("BHABINKAMTIBMAS", "yes_no", True, "template.prompt_bhabin")
    on_roster("PELATIHAN POLMAS", "trained", False, "template.prompt_trained")
    on_roster("STATUS", "status", False, "template.prompt_status")
    on_roster("DOMISILI KECAMATAN", "kecamatan", False, "template.prompt_home_kecamatan")
    on_roster("DOMISILI DESA/KEL", "desa", False, "template.prompt_home_desa")
    if desa:
        column = _col(UNIT_HEADER, "KERAWANAN")
        _drop_down(
            units, ranges["priority"], f"{column}{first}:{column}{first + len(desa) - 1}",
            title="KERAWANAN", strict=True,
            prompt=i18n.text("template.prompt_priority", None, lang), lang=lang,
        )  # fmt: skip

    _guide(guide, wilayah, lang)
    for ws in (guide, units, polsek, roster):
        _printable(ws)
    wb.properties.creator = "rwassign"
    wb.properties.title = f"Templat Polisi RW {kab.nama}"
    return wb


#: The instructions, in order: (catalogue code, is a heading).
GUIDE: tuple[tuple[str, bool], ...] = (
    ("template.guide.about", False),
    ("template.guide.units_title", True),
    ("template.guide.units_count", False),
    ("template.guide.units_priority", False),
    ("template.guide.units_code", False),
    ("template.guide.units_remove", False),
    ("template.guide.polsek_title", True),
    ("template.guide.polsek", False),
    ("template.guide.roster_title", True),
    ("template.guide.roster_rows", False),
    ("template.guide.roster_pangkat", False),
    ("template.guide.roster_nrp", False),
    ("template.guide.roster_bhabin", False),
    ("template.guide.roster_trained", False),
    ("template.guide.roster_tmt", False),
    ("template.guide.roster_status", False),
    ("template.guide.roster_home", False),
    ("template.guide.run_title", True),
    ("template.guide.save_as", False),
    ("template.guide.run", False),
    ("template.guide.settings", False),
)


_GUIDE_WIDTH = 100
_GUIDE_CHARS_PER_LINE = 90  # of body text in a column of _GUIDE_WIDTH, with room to spare


def _guide(ws: Worksheet, wilayah: Wilayah, lang: str) -> None:
    kab = wilayah.kabupaten
    params = {
        "kabupaten": kab.nama,
        "provinsi": kab.provinsi,
        "kode": kab.kode,
        "desa": len(wilayah.desa),
        "kelurahan": sum(d.kelurahan for d in wilayah.desa),
        "kecamatan": len(wilayah.kecamatan),
        "suffix": TEMPLATE_SUFFIX,
        "roster_rows": MAX_ROSTER_ROWS,
    }
    ws.column_dimensions["A"].width = _GUIDE_WIDTH
    title = ws.cell(row=1, column=1, value=i18n.text("template.guide.title", params, lang))
    title.font = Font(name=_FONT, bold=True, size=14)
    row = 2
    for code, heading in GUIDE:
        row += 2 if heading else 1  # a blank line above each heading
        cell = ws.cell(row=row, column=1, value=i18n.text(code, params, lang))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if heading:
            cell.font = Font(name=_FONT, bold=True, size=12)
        else:
            # LibreOffice keeps a wrapped row one line high unless told: size it to its text
            lines = -(-len(str(cell.value)) // _GUIDE_CHARS_PER_LINE)
            ws.row_dimensions[row].height = 15 * lines
    ws.sheet_view.showGridLines = False


def write_template(wilayah: Wilayah, path: Path, lang: str = "id") -> Path:
    """Write the template of ``wilayah`` to ``path`` atomically; return the path.

    Raises ``OutputError`` when ``path`` does not end in ``.xlsx``, its folder is missing, or
    it cannot be written (a file open in Excel, a full disk); the target is then untouched.
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise OutputError("output.not_xlsx", path=str(path))
    if not path.parent.is_dir():
        raise OutputError("output.dir_missing", dir=str(path.parent))
    workbook = build_template(wilayah, lang)
    try:
        write_atomically(path, workbook.save)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise OutputError("output.not_writable", path=str(path), detail=detail) from exc
    return path
