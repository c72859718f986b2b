"""Messages of the plan writer and the plan reader: output paths, plan workbooks, the words of
``Ringkasan`` (settings by label, the shortage arithmetic) and the page footer.

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
    "print.page_footer": ("Halaman &P dari &N", "Page &P of &N"),
    "summary.shortage": (
        "{eligible} personel memenuhi syarat x {cap} {word} = {capacity} < {units} {word}: "
        "{short} {word} pasti belum terisi, berapa pun jaraknya.",
        "{eligible} eligible members x {cap} {word} = {capacity} < {units} {word}: "
        "{short} {word} must stay uncovered, whatever the distances.",
    ),
    "summary.shortage_none": (
        "{eligible} personel memenuhi syarat x {cap} {word} = {capacity} >= {units} {word}: "
        "cukup personel untuk semua {word}; yang belum terisi tertahan jarak atau aturan.",
        "{eligible} eligible members x {cap} {word} = {capacity} >= {units} {word}: "
        "enough members for every {word}; any left open are held back by distance or rules.",
    ),
    "summary.by_kecamatan": (
        "KURANG: RW/dusun kecamatan itu yang hanya dapat dipegang personel dari kecamatan lain "
        "(personel memenuhi syarat yang tinggal di sana x batas RW/dusun per personel).",
        "KURANG: units of that kecamatan only members from another kecamatan can hold "
        "(eligible members living there x the most units per member).",
    ),
    "summary.home_elsewhere": (
        "{count} personel memenuhi syarat bertempat tinggal di luar kecamatan di atas atau "
        "alamatnya tidak dikenali.",
        "{count} eligible members live outside the kecamatan above or their address was not "
        "recognised.",
    ),
    # The settings as Ringkasan shows them, by key of rwassign.settings.Settings.
    "setting_label.max_units_per_officer": (
        "RW/dusun paling banyak per personel",
        "Most RW/dusun per officer",
    ),
    "setting_label.max_travel_km": (
        "Batas jarak rumah ke RW/dusun (km)",
        "Home-to-unit distance limit (km)",
    ),
    "setting_label.time_limit_s": ("Batas waktu solver (detik)", "Solver time limit (seconds)"),
    "setting_label.workers": ("Jumlah thread solver", "Solver threads"),
    "setting_label.allow_pamen": (
        "Perwira Menengah boleh menjadi Polisi RW",
        "Perwira Menengah may serve as Polisi RW",
    ),
    "setting_label.min_service_years": (
        "Masa dinas minimum Bintara (tahun)",
        "Minimum service of a Bintara (years)",
    ),
    "setting_label.require_training": ("Wajib sudah pelatihan Polmas", "Polmas training required"),
    "setting_label.require_active": ("Wajib berstatus aktif", "Active status required"),
    "setting_label.excluded_units": ("Satuan/fungsi yang dikecualikan", "Excluded units/functions"),
    "setting_label.priority_weight_high": ("Bobot prioritas Tinggi", "Weight of priority Tinggi"),
    "setting_label.priority_weight_medium": ("Bobot prioritas Sedang", "Weight of priority Sedang"),
    "setting_label.priority_weight_low": ("Bobot prioritas Rendah", "Weight of priority Rendah"),
    "setting_label.admin_km_same_desa": (
        "Jarak pengganti, desa sama (km)",
        "Stand-in distance, same desa (km)",
    ),
    "setting_label.admin_km_same_kecamatan": (
        "Jarak pengganti, kecamatan sama (km)",
        "Stand-in distance, same kecamatan (km)",
    ),
    "setting_label.admin_km_same_polsek": (
        "Jarak pengganti, Polsek sama (km)",
        "Stand-in distance, same Polsek (km)",
    ),
    "setting_label.admin_km_elsewhere": (
        "Jarak pengganti, di luar Polsek (km)",
        "Stand-in distance, another Polsek (km)",
    ),
    "setting_label.max_units_per_input": (
        "Batas RW/dusun per masukan",
        "Most units per input",
    ),
    "setting_label.lang": ("Bahasa keterangan", "Language of the reasons"),
    # --- a previous plan of another Polres (replan --previous) ------------------------------
    "previous.other_polres": (
        "rencana sebelumnya {path} milik {previous}, bukan {polres}; dipakai apa adanya",
        "the previous plan {path} belongs to {previous}, not {polres}; used as it is",
        "Periksa --previous: gunakan rencana Polres ini.",
        "Check --previous: use this Polres's plan.",
    ),
    "previous.few_units": (
        "hanya {found} dari {total} RW/dusun rencana sebelumnya {path} ada di wilayah {polres}; "
        "rencana itu mungkin milik Polres lain",
        "only {found} of the {total} units of the previous plan {path} exist in {polres}; it "
        "may be another Polres's plan",
        "Periksa --previous: gunakan rencana Polres ini.",
        "Check --previous: use this Polres's plan.",
    ),
    "previous.no_units": (
        "tidak satu pun dari {total} RW/dusun rencana sebelumnya {path} ada di wilayah {polres}; "
        "rencana itu bukan rencana Polres ini",
        "none of the {total} units of the previous plan {path} exist in {polres}; it is not "
        "this Polres's plan",
        "Periksa --previous, atau jalankan 'rwassign solve' tanpa rencana sebelumnya.",
        "Check --previous, or run 'rwassign solve' without a previous plan.",
    ),
}
