"""What the reader looks for: sheet names, column headers and their aliases, header rows.

Polres workbooks are typed by hand, each in its own layout: title lines above the table, a
merged title cell, ``DESA/KEL`` in one and ``Kelurahan`` in another, a two-row header with
``DOMISILI`` spanning ``DESA`` and ``RW``.  Headers are compared after
:func:`rwassign.normalize.text.norm_header` (case, spaces and punctuation dropped), so the tables
below list each spelling once.  Logical field names are unique across both sheets, which is what
lets ``--column nrp="NO REGISTER"`` or a ``kolom.nrp`` row in ``Pengaturan`` name a column
without saying which sheet it is in.

:func:`clean_sheet` makes the cells of a sheet safe once its header is known, so that every
problem it finds can name the column by its header.

Long because almost half of it is the alias tables, one field per line with every spelling seen
in Polres workbooks, and the header search below is their only user: split in two, a reader
would need both files open to see why a header matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rwassign.io.read.common import Collector
from rwassign.io.read.tables import RawSheet, cell_text
from rwassign.normalize.text import clean_already, clean_cell, norm_header

HEADER_SCAN_ROWS = 25
"""Header rows are looked for in the first rows only: title lines rarely take more than a few."""

UNIT_FIELDS: dict[str, tuple[str, ...]] = {
    "kecamatan": ("kecamatan", "kec", "district", "namakecamatan", "kecamatanwilayah"),
    "desa": (
        "desa", "kelurahan", "desakelurahan", "desakel", "deskel", "keldesa", "kelurahandesa",
        "village", "namadesa", "namakelurahan", "namadesakelurahan", "namadesakel",
    ),
    "unit": (
        "rw", "dusun", "rwdusun", "dusunrw", "unit", "lingkungan", "banjar", "jorong", "norw",
        "nomorrw", "nodusun", "namadusun", "namarw", "rwlingkungan", "rwdusunlingkungan",
    ),
    "kode_desa": (
        "kodedesa", "kode", "kodewilayah", "kodekemendagri", "kodedesakelurahan", "kodedesakel",
        "kodekelurahan",
    ),
    "kind": ("jenis", "jeniswilayah", "tipe", "jenisunit", "jenisdesa", "type", "kind"),
    "polsek": ("polsek", "namapolsek", "polsekjajaran"),
    "lat": ("lintang", "lat", "latitude", "koordinatlintang"),
    "lng": ("bujur", "lng", "lon", "long", "longitude", "koordinatbujur"),
    "priority": (
        "kerawanan", "prioritas", "priority", "tingkatkerawanan", "tingkatprioritas",
    ),
    "count": (
        "jumlahrw", "jumlahdusun", "jumlah", "jumlahrwdusun", "jumlahdusunrw", "jmlrw",
        "jmldusun", "jml", "banyakrw", "banyakdusun", "jumlahunit", "jumlahlingkungan",
        "jumlahbanjar", "count",
    ),
}  # fmt: skip

ROSTER_FIELDS: dict[str, tuple[str, ...]] = {
    "nama": ("nama", "name", "namalengkap", "namapersonel", "namaanggota", "namapegawai"),
    "pangkat": ("pangkat", "pangkatgol", "rank", "pangkatgolongan", "pangkatgolruang"),
    "nrp": (
        "nrp", "nip", "nrpnip", "nipnrp", "noreg", "nippppk", "nrpnipnippppk", "nomorinduk",
    ),
    "pangkat_nrp": (
        "pangkatnrp", "pangkatnrpnip", "pangkatnip", "pangkatgolnrp", "pangkatgolnrpnip",
        "pangkatnipnrp", "pangkatnrpnippppk",
    ),
    "jabatan": ("jabatan", "position", "jabatansekarang", "jabatanterakhir"),
    "kesatuan": (
        "kesatuan", "fungsi", "satker", "satuan", "satfung", "satuankerja", "unitkerja",
        "bagian",
    ),
    "home_kecamatan": (
        "domisilikecamatan", "kecamatandomisili", "kecamatantinggal", "kecamatantempattinggal",
        "kecamatanrumah", "alamatkecamatan", "kecamatan", "kec",
    ),
    "home_desa": (
        "domisilidesa", "domisilidesakel", "domisilidesakelurahan", "domisilikelurahan",
        "desadomisili", "alamatdesa", "desatinggal", "desatempattinggal", "desarumah",
        "desa", "kelurahan", "desakelurahan", "desakel", "deskel",
    ),
    "home_kode_desa": ("kodedesadomisili", "domisilikodedesa", "kodedomisili", "domisilikode"),
    "home_unit": (
        "domisilirw", "domisilirwdusun", "domisilidusun", "rwdomisili", "dusundomisili",
        "alamatrw", "rwtinggal", "rwtempattinggal", "rw", "dusun", "rwdusun",
    ),
    "home_lat": ("lintangrumah", "domisililintang", "lintangdomisili", "lintang", "lat"),
    "home_lng": ("bujurrumah", "domisilibujur", "bujurdomisili", "bujur", "lng", "lon"),
    "bhabinkamtibmas": ("bhabinkamtibmas", "bhabin"),
    "trained": (
        "pelatihan", "pelatihanpolmas", "diklatpolmas", "sudahpelatihan", "training",
        "trained", "sudahpelatihanpolmas",
    ),
    "service": (
        "tmt", "tmtpolri", "tmtanggota", "tmtmasuk", "tmtdinas", "masadinas", "masakerja",
        "lamadinas", "tahunmasuk",
    ),
    "status": ("status", "keteranganstatus", "statusanggota", "statuspersonel", "statusdinas"),
    "pin": ("kunci", "tetap", "kuncirw", "kuncirwdusun", "pin", "dikunci"),
}  # fmt: skip

POLSEK_FIELDS: dict[str, tuple[str, ...]] = {
    "kecamatan": UNIT_FIELDS["kecamatan"],
    "polsek": UNIT_FIELDS["polsek"],
}

FIELDS: dict[str, tuple[str, ...]] = {**UNIT_FIELDS, **ROSTER_FIELDS}
"""Every logical field the reader knows, with the normalised header spellings it accepts."""

FIELD_DOCS: dict[str, tuple[str, str]] = {
    # units sheet
    "kecamatan": ("Kecamatan RW/dusun (wajib).", "Kecamatan of the unit (required)."),
    "desa": ("Desa/kelurahan RW/dusun (wajib).", "Desa/kelurahan of the unit (required)."),
    "unit": (
        "Nomor/label RW atau dusun (RW 2, RW.02, Dusun II); atau pakai kolom jumlah.",
        "Unit number or label (RW 2, RW.02, Dusun II); or use a count column.",
    ),
    "kode_desa": (
        "Kode Kemendagri desa (PP.KK.CC.DDDD); 1xxx = kelurahan (RW), 2xxx = desa (dusun).",
        "Kemendagri desa code; 1xxx = kelurahan (RW), 2xxx = desa (dusun).",
    ),
    "kind": ("Jenis unit: RW, Dusun, Banjar, Lingkungan.", "Unit kind: RW, Dusun, Banjar..."),
    "polsek": ("Polsek yang membawahi (boleh juga sheet Polsek).", "Polsek in charge."),
    "lat": ("Lintang (mis. -3.1083).", "Latitude (e.g. -3.1083)."),
    "lng": ("Bujur (mis. 102.1977).", "Longitude (e.g. 102.1977)."),
    "priority": (
        "Tingkat kerawanan: Tinggi/Sedang/Rendah atau 3/2/1 (kosong = Rendah).",
        "Priority: Tinggi/Sedang/Rendah or 3/2/1 (empty = low).",
    ),
    "count": (
        "Jumlah RW/dusun per desa, bila tidak ada daftar per RW.",
        "Number of units per desa, when units are not listed one by one.",
    ),
    # roster sheet
    "nama": ("Nama personel (wajib).", "Name (required)."),
    "pangkat": ("Pangkat (BRIPKA, AIPDA, PENATA, ...).", "Rank."),
    "nrp": ("NRP (8 angka) atau NIP/NI PPPK (18 angka).", "NRP (8 digits) or NIP (18 digits)."),
    "pangkat_nrp": (
        "Kolom gabungan PANGKAT/NRP (BRIPKA/87050123).",
        "Combined rank/number column (BRIPKA/87050123).",
    ),
    "jabatan": ("Jabatan.", "Position."),
    "kesatuan": ("Kesatuan/fungsi (SAT BINMAS, POLSEK AMEN, ...).", "Unit/function."),
    "home_kecamatan": ("Kecamatan domisili.", "Home kecamatan."),
    "home_desa": ("Desa/kelurahan domisili.", "Home desa/kelurahan."),
    "home_unit": ("RW/dusun domisili.", "Home RW/dusun."),
    "home_kode_desa": (
        "Kode Kemendagri desa domisili (membedakan dua desa bernama sama).",
        "Kemendagri code of the home desa (tells two desa of one name apart).",
    ),
    "home_lat": ("Lintang rumah.", "Home latitude."),
    "home_lng": ("Bujur rumah.", "Home longitude."),
    "bhabinkamtibmas": (
        "Bhabinkamtibmas? ya/tidak (bila tidak ada, dibaca dari jabatan).",
        "Bhabinkamtibmas? yes/no (else read from the position).",
    ),
    "trained": ("Sudah pelatihan Polmas? ya/tidak.", "Polmas training done? yes/no."),
    "service": (
        "TMT (tanggal/tahun masuk Polri) atau masa dinas dalam tahun.",
        "Service start date/year or years of service.",
    ),
    "status": ("Status (Aktif, Cuti, Tugas belajar, ...).", "Status (active, leave, ...)."),
    "pin": (
        "Kunci/Tetap: RW/dusun yang wajib dipegang personel ini, mis. 'Kampung Jawa RW 03'.",
        "Pin: the unit this member must hold, e.g. 'Kampung Jawa RW 03'.",
    ),
}

UNIT_SHEETS = (
    "wilayah", "rw", "dusun", "datarw", "datawilayah", "datadusun", "unit", "units",
    "daftarrw", "daftardusun", "datarwdusun",
)  # fmt: skip
ROSTER_SHEETS = (
    "personel", "anggota", "dsp", "datapersonel", "roster", "personnel", "daftarpersonel",
    "dataanggota",
)  # fmt: skip
POLSEK_SHEETS = ("polsek", "petapolsek", "polsekkecamatan", "kecamatanpolsek", "datapolsek")
SETTINGS_SHEETS = ("pengaturan", "settings", "setting", "konfigurasi")

_PAREN_RE = re.compile(r"\([^)]*\)")


def alias_index(fields: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """normalised header -> logical field (first field wins for a shared spelling)."""
    out: dict[str, str] = {}
    for name, aliases in fields.items():
        for a in aliases:
            out.setdefault(norm_header(a), name)
    return out


def accepted_headers(field_name: str) -> str:
    """The accepted spellings of a field, for a message (``kecamatan, kec, district``)."""
    return ", ".join(FIELDS.get(field_name, ()))


def match_header(
    text: str, aliases: dict[str, str], mapped: dict[str, str] | None = None
) -> str | None:
    """The logical field a header names, or ``None``.

    An explicit mapping (``mapped``: normalised header -> field) wins; a parenthetical note is
    tried without its parentheses last (``LINTANG (LAT)``, ``JUMLAH (RW)``).
    """
    n = norm_header(text)
    if not n:
        return None
    if mapped and n in mapped:
        return mapped[n]
    if n in aliases:
        return aliases[n]
    stripped = norm_header(_PAREN_RE.sub(" ", text))
    if stripped and stripped != n and stripped in aliases:
        return aliases[stripped]
    return None


@dataclass
class Header:
    """Where a table's header is and which column holds which field.

    ``row`` is the 1-based spreadsheet row of the header (the lower row of a two-row header);
    ``data_start`` the 0-based index of the first row below it.  ``columns`` maps a logical field
    to a 0-based column index, ``texts`` to the header text as written (for locations).
    """

    row: int
    data_start: int
    columns: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    duplicates: list[tuple[str, int, str]] = field(default_factory=list)
    first_col: int = 0

    def has(self, name: str) -> bool:
        return name in self.columns

    def value(self, row: list[Any], name: str) -> Any:
        """The raw cell of field ``name`` in ``row`` (``None`` when absent or short)."""
        c = self.columns.get(name)
        if c is None or c >= len(row):
            return None
        return row[c]

    def text(self, row: list[Any], name: str) -> str:
        return cell_text(self.value(row, name))


def _row_fields(
    row: list[Any], aliases: dict[str, str], mapped: dict[str, str]
) -> dict[int, tuple[str, str]]:
    """column index -> (field, header text) for the cells of ``row`` that name a field."""
    out: dict[int, tuple[str, str]] = {}
    for c, value in enumerate(row):
        if not isinstance(value, str):
            continue
        f = match_header(value, aliases, mapped)
        if f is not None:
            out[c] = (f, cell_text(value))
    return out


def _sub_header(
    parent: list[Any], sub: list[Any], aliases: dict[str, str], mapped: dict[str, str]
) -> dict[int, tuple[str, str]] | None:
    """Fields named by a second header row under a spanning one (``DOMISILI`` over ``DESA``,
    ``RW``), or ``None`` when ``sub`` does not look like a header row.

    A sub-header cell is read together with the nearest parent text at or left of it (a merged
    parent keeps its text in its first cell) and, failing that, alone.  Numbers, or mostly
    unrecognised text, mean ``sub`` is data, not a header.
    """
    texts = [(c, v) for c, v in enumerate(sub) if not (v is None or cell_text(v) == "")]
    if not texts or any(not isinstance(v, str) for _, v in texts):
        return None
    found: dict[int, tuple[str, str]] = {}
    for c, v in texts:
        up = ""
        for k in range(min(c, len(parent) - 1), -1, -1):
            if cell_text(parent[k]):
                up = cell_text(parent[k])
                break
        f = match_header(f"{up} {v}", aliases, mapped) if up else None
        if f is None:
            f = match_header(v, aliases, mapped)
        if f is not None:
            found[c] = (f, cell_text(v) if not up else f"{up} {cell_text(v)}")
    if not found or len(found) * 2 < len(texts):
        return None
    return found


def _add_top_only(
    top: list[Any],
    row: list[Any],
    found: dict[int, tuple[str, str]],
    aliases: dict[str, str],
    mapped: dict[str, str],
) -> None:
    """Columns of a two-row header named only in its top row, not merged down.

    When the second row names more fields it wins as the header row, and a column added later
    with its title typed in the top row alone (``KUNCI`` beside the DSP's merged headers)
    would be lost without a word.  The top row counts only if it is a header itself (it names
    at least two fields), and only in columns the chosen row leaves empty.
    """
    top_found = _row_fields(top, aliases, mapped)
    if len({f for f, _ in top_found.values()}) < 2:
        return
    have = {f for f, _ in found.values()}
    for c, (f, text) in sorted(top_found.items()):
        empty = c >= len(row) or not cell_text(row[c])
        if empty and f not in have:
            found[c] = (f, text)
            have.add(f)


def find_header(
    sheet: RawSheet,
    fields: dict[str, tuple[str, ...]],
    column_map: dict[str, str] | None = None,
    min_fields: int = 2,
) -> Header | None:
    """Find the header row of ``sheet``: the row among the first ``HEADER_SCAN_ROWS`` that names
    the most known fields (at least ``min_fields``), so title lines above it are skipped.

    ``column_map`` (field -> header text, from ``--column`` or ``kolom.<field>``) adds spellings
    the alias table does not know.
    """
    aliases = alias_index(fields)
    mapped = {norm_header(h): f for f, h in (column_map or {}).items() if f in fields}
    best: tuple[int, dict[int, tuple[str, str]]] | None = None
    for i, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        found = _row_fields(row, aliases, mapped)
        n = len({f for f, _ in found.values()})
        if n >= min_fields and (best is None or n > len({f for f, _ in best[1].values()})):
            best = (i, found)
    if best is None:
        return None
    index, found = best
    if index > 0:
        _add_top_only(sheet.rows[index - 1], sheet.rows[index], found, aliases, mapped)
    data_start = index + 1
    if index + 1 < len(sheet.rows):
        sub = _sub_header(sheet.rows[index], sheet.rows[index + 1], aliases, mapped)
        if sub is not None:
            for c in sub:
                found.pop(c, None)
            found.update(sub)
            data_start = index + 2
    header = Header(row=data_start, data_start=data_start)
    filled = [c for c, v in enumerate(sheet.rows[index]) if cell_text(v)]
    header.first_col = min(filled) if filled else 0
    # Columns the user mapped explicitly come first, so they win over an alias elsewhere.
    explicit = [
        c
        for c in sorted(found)
        if norm_header(found[c][1].split(" ")[-1]) in mapped or norm_header(found[c][1]) in mapped
    ]
    for c in explicit + [c for c in sorted(found) if c not in explicit]:
        f, text = found[c]
        if f in header.columns:
            header.duplicates.append((f, c, text))
            continue
        header.columns[f] = c
        header.texts[f] = text
    return header


def sheet_kind_by_name(name: str) -> str | None:
    """``units``, ``roster``, ``polsek`` or ``settings`` from a sheet name, else ``None``."""
    n = norm_header(name)
    for kind, names in (
        ("units", UNIT_SHEETS),
        ("roster", ROSTER_SHEETS),
        ("polsek", POLSEK_SHEETS),
        ("settings", SETTINGS_SHEETS),
    ):
        if n in names:
            return kind
    return None


def looks_like_roster(h: Header | None) -> bool:
    return (
        h is not None
        and h.has("nama")
        and any(h.has(f) for f in ("pangkat", "nrp", "pangkat_nrp", "jabatan"))
    )


def looks_like_units(h: Header | None) -> bool:
    return (
        h is not None
        and h.has("desa")
        and any(h.has(f) for f in ("unit", "count", "kecamatan"))
        and not h.has("nama")
    )


def is_numbering_row(row: list[Any]) -> bool:
    """A row of column numbers (1, 2, 3, ...) that Indonesian tables print under the header."""
    count = 0
    bracketed = False
    for v in row:
        text = cell_text(v)
        if not text:
            continue
        count += 1
        if count == 1:
            bracketed = text == "(1)"
        # read on only while every filled cell is the next number, in the first one's style
        if text != (f"({count})" if bracketed else str(count)):
            return False
    return count >= 3


_TOTAL_WORDS = {"jumlah", "total", "jumlahtotal", "totaljumlah", "grandtotal", "jumlahseluruhnya"}


def is_total_row(row: list[Any]) -> bool:
    """A ``JUMLAH``/``TOTAL`` line at the foot of a table."""
    for v in row:
        t = cell_text(v)
        if t:
            return norm_header(t) in _TOTAL_WORDS
    return False


# --- cell content -------------------------------------------------------------------------

MAX_TEXT_CHARS = 1_000
"""The longest text a cell of a known column may hold (a name, a jabatan, a desa).  The
longest real ones are well under 100 characters; a longer cell is a paste gone wrong, and
printing it would run a lampiran row over its page."""


def column_letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based column index: 0 -> ``A``, 27 -> ``AB``."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def clean_sheet(sheet: RawSheet, header: Header | None, out: Collector) -> None:
    """Make every text cell of ``sheet`` safe to compare and to write, in place.

    Control characters, NUL and lone surrogates cannot be stored in any workbook (a writer
    would stop on them), so they are removed with a warning naming the cell; invisible
    characters (:data:`rwassign.normalize.text.INVISIBLE_CHARS`) are dropped silently, and a
    cell that held nothing else becomes empty.  A text longer than :data:`MAX_TEXT_CHARS` in a
    column the reader uses (every column when ``header`` is ``None``) is an error naming the
    cell; it is cut to the bound so that later steps never work on megabytes of one cell.
    A cell the reader uses whose formula has no stored value is an error saying so (it would
    otherwise read as empty); it leaves :attr:`RawSheet.no_value`, which then holds only the
    cells no reader uses.
    """
    names: dict[int, str] = {}
    first_data = 0
    if header is not None:
        names = {c: header.texts[f] for f, c in header.columns.items()}
        first_data = header.data_start
    unused: list[tuple[int, int]] = []
    for r, c in sheet.no_value:
        if header is None or (c - 1 in names and r - 1 >= first_data):
            column = names.get(c - 1) or column_letter(c - 1)
            out.error("cell.formula_uncomputed", sheet.loc(r, column))
        else:
            unused.append((r, c))
    sheet.no_value = unused
    texts = [value for row in sheet.rows for value in row if isinstance(value, str)]
    if clean_already(texts) and max(map(len, texts), default=0) <= MAX_TEXT_CHARS:
        return  # the pass below would change, warn and report nothing
    for i, row in enumerate(sheet.rows):
        for c, value in enumerate(row):
            if not isinstance(value, str):
                continue
            cleaned, removed = clean_cell(value)
            column = names.get(c) or column_letter(c)
            if removed:
                out.warn("cell.cleaned", sheet.loc(i + 1, column), value=cell_text(cleaned)[:80])
            used = header is None or (c in names and i >= first_data)
            if used and len(cleaned) > MAX_TEXT_CHARS:
                out.error(
                    "cell.text_too_long",
                    sheet.loc(i + 1, column),
                    length=len(cleaned),
                    limit=MAX_TEXT_CHARS,
                    start=cell_text(cleaned[:40]),
                )
                cleaned = cleaned[:MAX_TEXT_CHARS]
            if cleaned != value:
                row[c] = cleaned if cleaned.strip() else None
