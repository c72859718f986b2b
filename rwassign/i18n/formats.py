"""Messages of the office file formats: ``.xls``, ``.ods``, formulas, single CSV files.

Kept apart from :mod:`.reading` so that the format readers own their sentences; registered in
:mod:`rwassign.i18n` like every layer.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    "cell.formula_uncomputed": (
        "rumus di sel ini tidak punya nilai tersimpan, jadi terbaca kosong",
        "the formula in this cell has no stored value, so it reads as empty",
        "Buka dan simpan workbook di Excel atau LibreOffice Calc agar rumus menyimpan "
        "nilainya, atau ketik nilainya langsung.",
        "Open and save the workbook in Excel or LibreOffice Calc so the formulas store their "
        "values, or type the value itself.",
    ),
    "sheet.units_missing_csv": (
        "berkas CSV ini hanya satu tabel dan bukan tabel RW/dusun (kolom yang dibutuhkan: "
        "KECAMATAN, DESA, RW/DUSUN atau JUMLAH RW)",
        "this CSV file is one table and not a units (RW/dusun) table (columns needed: "
        "KECAMATAN, DESA, RW/DUSUN or JUMLAH RW)",
        "Satu CSV memuat satu tabel: berikan tabel RW/dusun dengan --units dan tabel personel "
        "dengan --roster.",
        "A CSV holds one table: give the units table with --units and the roster with --roster.",
    ),
    "sheet.roster_missing_csv": (
        "berkas CSV ini hanya satu tabel dan bukan tabel personel (kolom yang dibutuhkan: "
        "NAMA, PANGKAT/NRP)",
        "this CSV file is one table and not a roster table (columns needed: NAMA, PANGKAT/NRP)",
        "Satu CSV memuat satu tabel: berikan tabel personel dengan --roster dan tabel RW/dusun "
        "dengan --units.",
        "A CSV holds one table: give the roster with --roster and the units table with --units.",
    ),
}
