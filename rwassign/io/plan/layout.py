"""The names of a plan workbook: its sheets, their headers and the words of its cells.

Written by :mod:`rwassign.io.write` and read back by :mod:`rwassign.io.plan`; defined here once so
the writer and the reader cannot drift.  Sheet names, headers and outcome words are Bahasa
Indonesia: they are what Sat Binmas staff open, filter and print.
"""

from __future__ import annotations

from rwassign.io.read.fields import UNIT_FIELDS

SHEET_SUMMARY = "Ringkasan"
SHEET_PLAN = "Penugasan"
SHEET_UNCOVERED = "Belum Terisi"
SHEET_ROSTER = "Personel"
SHEET_WARNINGS = "Peringatan"
SHEETS = (SHEET_SUMMARY, SHEET_PLAN, SHEET_UNCOVERED, SHEET_ROSTER, SHEET_WARNINGS)
SHEET_CHANGES = "Perubahan"
SHEET_TRADEOFF = "Pilihan Perpindahan"
#: The optional sheet of document details (``KUNCI | NILAI``) an operator adds before export.
SHEET_DETAILS = "dokumen"

COL_UNIT_ID = "ID UNIT"
COL_NRP = "NRP"

PLAN_HEADERS = (
    "NO",
    "POLSEK",
    "KECAMATAN",
    "DESA/KELURAHAN",
    "RW/DUSUN",
    "PRIORITAS",
    COL_NRP,
    "NAMA",
    "PANGKAT",
    "JABATAN/KESATUAN",
    "JARAK (KM)",
    "DASAR JARAK",
    "ALASAN",
    COL_UNIT_ID,
)
UNCOVERED_HEADERS = (
    "NO",
    "POLSEK",
    "KECAMATAN",
    "DESA/KELURAHAN",
    "RW/DUSUN",
    "PRIORITAS",
    "ALASAN",
    COL_UNIT_ID,
)
ROSTER_HEADERS = (
    "NO",
    "NAMA",
    "PANGKAT",
    COL_NRP,
    "JABATAN",
    "KESATUAN",
    "HASIL",
    "RW/DUSUN",
    "ALASAN",
    "BARIS ASAL",
)
WARNING_HEADERS = (
    "NO",
    "JENIS",
    "BERKAS",
    "SHEET",
    "BARIS",
    "KOLOM",
    "PESAN",
    "SARAN",
    "KODE",
)
CHANGE_HEADERS = ("NO", "JENIS", "NRP", "NAMA", "SEBELUM", "SESUDAH", "ALASAN")
TRADEOFF_HEADERS = (
    "BATAS PERPINDAHAN (K)",
    "PERPINDAHAN",
    "STATUS",
    "TERISI",
    "CAKUPAN BERBOBOT",
    "SESUAI DOMISILI",
    "TOTAL JARAK (KM)",
)

OUTCOME_ASSIGNED = "DITUGASKAN"
OUTCOME_RESERVE = "CADANGAN"
OUTCOME_INELIGIBLE = "TIDAK MEMENUHI SYARAT"

#: Headers of a plan table as the reader accepts them, after
#: :func:`rwassign.normalize.norm_header`: the ``Penugasan`` sheet rwassign writes, a copy an
#: operator edited by hand, or the printed list typed back in.  Defined once for every reader.
PLAN_FIELDS: dict[str, tuple[str, ...]] = {
    "unit_id": ("idunit", "uid"),
    "polsek": UNIT_FIELDS["polsek"],
    "kecamatan": UNIT_FIELDS["kecamatan"],
    "desa": UNIT_FIELDS["desa"],
    "unit": UNIT_FIELDS["unit"],
    "kode_desa": UNIT_FIELDS["kode_desa"],
    "nrp": ("nrp", "nip", "nrpnip", "pangkatnrp"),
    "nama": ("nama", "name"),
    "pangkat": ("pangkat",),
    "jabatan": ("jabatankesatuan", "jabatan"),
    "pin": ("kunci", "tetap", "dikunci", "pin"),
}
