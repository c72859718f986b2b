"""Messages of the plan writer and the plan reader: output paths and plan workbooks.

Entries follow :mod:`rwassign.i18n`: ``(id, en)`` or ``(id, en, id_hint, en_hint)``.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    "output.same_as_input": (
        "berkas keluaran {path} adalah berkas masukan; masukan tidak akan ditimpa",
        "output file {path} is an input file; the input will not be overwritten",
        "Pilih nama lain untuk berkas keluaran, mis. hasil_polisi_rw.xlsx.",
        "Choose another name for the output, e.g. polisi_rw_plan.xlsx.",
    ),
    "output.not_xlsx": (
        "berkas keluaran {path} harus berakhiran .xlsx",
        "output file {path} must end in .xlsx",
        "Tambahkan .xlsx pada nama berkas keluaran.",
        "Add .xlsx to the output file name.",
    ),
    "output.dir_missing": (
        "folder {dir} untuk berkas keluaran tidak ada",
        "the output folder {dir} does not exist",
        "Buat folder itu dulu atau pilih folder lain.",
        "Create the folder first or choose another one.",
    ),
    "output.not_writable": (
        "berkas keluaran {path} tidak dapat ditulis ({detail})",
        "cannot write output file {path} ({detail})",
        "Tutup berkas itu bila sedang dibuka di Excel, periksa izin folder, lalu jalankan lagi.",
        "Close the file if it is open in Excel, check the folder permissions, and run again.",
    ),
    "plan.not_readable": (
        "berkas {path} tidak dapat dibaca sebagai workbook Excel ({detail})",
        "cannot read {path} as an Excel workbook ({detail})",
        "Gunakan berkas .xlsx hasil rwassign.",
        "Use an .xlsx file written by rwassign.",
    ),
    "plan.sheet_missing": (
        "berkas {path} tidak memiliki sheet '{sheet}'",
        "{path} has no sheet '{sheet}'",
        "Gunakan berkas .xlsx hasil rwassign tanpa mengganti nama sheet.",
        "Use an .xlsx file written by rwassign, with its sheet names unchanged.",
    ),
    "plan.column_missing": (
        "sheet '{sheet}' pada {path} tidak memiliki kolom {column}",
        "sheet '{sheet}' of {path} has no column {column}",
        "Jangan menghapus atau mengganti nama kolom {column}.",
        "Do not delete or rename the column {column}.",
    ),
}
