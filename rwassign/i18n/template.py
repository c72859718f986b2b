"""Messages of ``rwassign template`` and the text of the template workbook it writes.

Entries follow :mod:`rwassign.i18n`: ``(id, en)`` or ``(id, en, id_hint, en_hint)``.  The
instructions sheet (``template.guide.*``) is written in the language of ``--lang``, Bahasa
Indonesia by default; the sheet names and column headers are the reader's own words and stay
as they are in either language.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    # --- the command ---------------------------------------------------------------------
    "template.unknown": (
        "'{query}' bukan nama atau kode kabupaten/kota mana pun; yang paling mirip: {close}",
        "'{query}' is not the name or code of any kabupaten/kota; the closest: {close}",
        'Tulis nama seperti di daftar Kemendagri (mis. "Rejang Lebong", "Kota Bengkulu") '
        "atau kodenya (mis. 17.02).",
        'Write the name as the Kemendagri list has it (e.g. "Rejang Lebong", "Kota '
        'Bengkulu") or its code (e.g. 17.02).',
    ),
    "template.unknown_none": (
        "'{query}' bukan nama atau kode kabupaten/kota mana pun",
        "'{query}' is not the name or code of any kabupaten/kota",
        'Tulis nama seperti di daftar Kemendagri (mis. "Rejang Lebong", "Kota Bengkulu") '
        "atau kodenya (mis. 17.02).",
        'Write the name as the Kemendagri list has it (e.g. "Rejang Lebong", "Kota '
        'Bengkulu") or its code (e.g. 17.02).',
    ),
    "template.ambiguous": (
        "'{query}' cocok dengan lebih dari satu wilayah: {candidates}",
        "'{query}' fits more than one wilayah: {candidates}",
        'Tulis "Kabupaten ..." atau "Kota ...", atau kode wilayahnya.',
        'Write "Kabupaten ..." or "Kota ...", or the code.',
    ),
    "template.kecamatan_unknown": (
        "kecamatan '{kecamatan}' tidak ada di {kabupaten}; yang paling mirip: {close}",
        "kecamatan '{kecamatan}' is not in {kabupaten}; the closest: {close}",
        "Kecamatan di {kabupaten}: {all}.",
        "The kecamatan of {kabupaten}: {all}.",
    ),
    "template.written": (
        "templat ditulis: {path} ({desa} desa/kelurahan di {kecamatan} kecamatan, {kabupaten}, "
        "{provinsi})",
        "template written: {path} ({desa} desa/kelurahan in {kecamatan} kecamatan, "
        "{kabupaten}, {provinsi})",
    ),
    "template.next": (
        "Isi sheet Wilayah dan Personel (lihat sheet Petunjuk), simpan dengan nama lain, lalu "
        "jalankan: rwassign solve <berkas>",
        "Fill in the Wilayah and Personel sheets (see the Petunjuk sheet), save under another "
        "name, then run: rwassign solve <file>",
    ),
    # --- drop-down lists -----------------------------------------------------------------
    "template.list_error_title": ("Pilihan tidak dikenal", "Unknown choice"),
    "template.list_error_strict": (
        "Pilih salah satu isi daftar.",
        "Pick one of the list's values.",
    ),
    "template.list_error_warning": (
        "Isian ini tidak ada di daftar. Tetap dipakai? rwassign akan memeriksanya.",
        "This value is not in the list. Keep it? rwassign will check it.",
    ),
    "template.prompt_pangkat": (
        "Pangkat (singkatan resmi) atau golongan PNS.",
        "Rank (official abbreviation) or PNS grade.",
    ),
    "template.prompt_bhabin": (
        "YA bila personel ini Bhabinkamtibmas (tidak boleh merangkap Polisi RW).",
        "YA if this member is a Bhabinkamtibmas (who may not also be a Polisi RW).",
    ),
    "template.prompt_trained": (
        "SUDAH/BELUM pelatihan Polmas, atau tanggal pelatihan.",
        "Polmas training: SUDAH (done) / BELUM (not yet), or its date.",
    ),
    "template.prompt_status": ("Status dinas; kosong = AKTIF.", "Duty status; empty = AKTIF."),
    "template.prompt_home_kecamatan": ("Kecamatan tempat tinggal.", "Home kecamatan."),
    "template.prompt_home_desa": (
        "Desa/kelurahan tempat tinggal.",
        "Home desa/kelurahan.",
    ),
    "template.prompt_priority": (
        "Tinggi/Sedang/Rendah; kosong = Rendah.",
        "Tinggi (high) / Sedang (medium) / Rendah (low); empty = Rendah.",
    ),
    # --- the instructions sheet ----------------------------------------------------------
    "template.guide.title": (
        "PETUNJUK PENGISIAN DATA POLISI RW: {kabupaten}, {provinsi}",
        "HOW TO FILL IN THE POLISI RW DATA: {kabupaten}, {provinsi}",
    ),
    "template.guide.about": (
        "Templat ini dibuat oleh rwassign dari daftar wilayah Kemendagri ({kabupaten}, kode "
        "{kode}): {desa} desa/kelurahan ({kelurahan} kelurahan) di {kecamatan} kecamatan. "
        "Isi sel berwarna kuning di sheet Wilayah dan satu baris per personel di sheet "
        "Personel. Jangan ganti nama sheet dan judul kolom: rwassign mengenali data dari "
        "nama-nama itu.",
        "rwassign made this template from the Kemendagri list ({kabupaten}, code {kode}): "
        "{desa} desa/kelurahan ({kelurahan} kelurahan) in {kecamatan} kecamatan. Fill in the "
        "yellow cells of the Wilayah sheet and one row per member in the Personel sheet. Keep "
        "the sheet names and column headers: rwassign finds the data by them.",
    ),
    "template.guide.units_title": ("1. Sheet Wilayah", "1. The Wilayah sheet"),
    "template.guide.units_count": (
        "Satu baris per desa/kelurahan. Isi JUMLAH RW/DUSUN di setiap baris: jumlah RW untuk "
        "kelurahan, jumlah dusun (atau banjar, lingkungan, jorong) untuk desa. rwassign "
        "membuat RW/dusun 1 sampai jumlah itu.",
        "One row per desa/kelurahan. Fill in JUMLAH RW/DUSUN on every row: the number of RW "
        "of a kelurahan, of dusun (or banjar, lingkungan, jorong) of a desa. rwassign makes "
        "units 1 up to that number.",
    ),
    "template.guide.units_priority": (
        "KERAWANAN (pilih dari daftar): Tinggi, Sedang atau Rendah. Kosong = Rendah. RW/dusun "
        "yang lebih rawan diisi lebih dulu bila personel kurang.",
        "KERAWANAN (pick from the list): Tinggi, Sedang or Rendah (high, medium, low); empty = "
        "Rendah. When members are short, the more vulnerable units are covered first.",
    ),
    "template.guide.units_code": (
        "Jangan ubah KODE DESA: kode itu membedakan dua desa yang namanya sama dan menentukan "
        "letak pusat desa untuk menghitung jarak.",
        "Keep KODE DESA as it is: the code tells apart two desa of the same name and places "
        "the desa's centre for the distances.",
    ),
    "template.guide.units_remove": (
        "Hapus baris desa/kelurahan yang bukan wilayah hukum Polres ini. Bila daftar RW/dusun "
        "per desa tersedia, boleh juga satu baris per RW/dusun dengan kolom RW/DUSUN.",
        "Delete the rows of desa/kelurahan outside this Polres. If a list of units per desa "
        "exists, one row per unit with a RW/DUSUN column works too.",
    ),
    "template.guide.polsek_title": ("2. Sheet Polsek", "2. The Polsek sheet"),
    "template.guide.polsek": (
        "Setiap kecamatan dengan Polsek yang membawahinya, sudah diisi 'Polsek <nama "
        "kecamatan>'. Ubah bila satu Polsek membawahi beberapa kecamatan.",
        "Every kecamatan with the Polsek in charge, filled in as 'Polsek <kecamatan name>'. "
        "Change it where one Polsek covers several kecamatan.",
    ),
    "template.guide.roster_title": ("3. Sheet Personel", "3. The Personel sheet"),
    "template.guide.roster_rows": (
        "Satu baris per personel Polres (Polri, PNS dan PPPK), mulai baris 4. NAMA, PANGKAT "
        "dan NRP wajib; kolom lain membantu menentukan siapa yang memenuhi syarat. Daftar "
        "pilihan tersedia sampai {roster_rows} baris.",
        "One row per member of the Polres (Polri, PNS and PPPK), from row 4. NAMA, PANGKAT and "
        "NRP are required; the other columns decide who is eligible. The drop-down lists "
        "cover {roster_rows} rows.",
    ),
    "template.guide.roster_pangkat": (
        "PANGKAT: pilih dari daftar (BRIPKA, AIPDA, IPTU, PENATA, ...).",
        "PANGKAT: pick from the list (BRIPKA, AIPDA, IPTU, PENATA, ...).",
    ),
    "template.guide.roster_nrp": (
        "NRP: 8 angka (NIP/NI PPPK 18 angka). Kolom ini berformat teks agar angka 0 di depan "
        "NRP personel kelahiran 2000-2009 tidak hilang; bila ditempel dari berkas lain, tempel "
        "sebagai teks.",
        "NRP: 8 digits (NIP/NI PPPK 18). The column is formatted as text so that the leading "
        "0 of members born in the 2000s stays; when pasting from another file, paste as text.",
    ),
    "template.guide.roster_bhabin": (
        "BHABINKAMTIBMAS: YA atau TIDAK. Bhabinkamtibmas tidak boleh merangkap Polisi RW.",
        "BHABINKAMTIBMAS: YA (yes) or TIDAK (no). A Bhabinkamtibmas may not also be Polisi RW.",
    ),
    "template.guide.roster_trained": (
        "PELATIHAN POLMAS: SUDAH, BELUM, atau tanggal pelatihan.",
        "PELATIHAN POLMAS: SUDAH (done), BELUM (not yet), or the date of the training.",
    ),
    "template.guide.roster_tmt": (
        "TMT: tanggal atau tahun masuk Polri (Bintara perlu masa dinas 5 tahun).",
        "TMT: the date or year of entering Polri (a Bintara needs 5 years of service).",
    ),
    "template.guide.roster_status": (
        "STATUS: AKTIF, CUTI, PENDIDIKAN, ... Kosong = AKTIF. Hanya personel aktif yang "
        "ditugaskan.",
        "STATUS: AKTIF (active), CUTI (leave), PENDIDIKAN (training course), ...; empty = "
        "AKTIF. Only active members are given a unit.",
    ),
    "template.guide.roster_home": (
        "DOMISILI KECAMATAN, DOMISILI DESA/KEL (pilih dari daftar) dan DOMISILI RW/DUSUN "
        "(mis. RW 02, Dusun 3): tempat tinggal. Penugasan mengikuti tempat tinggal.",
        "DOMISILI KECAMATAN, DOMISILI DESA/KEL (pick from the list) and DOMISILI RW/DUSUN "
        "(e.g. RW 02, Dusun 3): the home address. Placement follows the home.",
    ),
    "template.guide.run_title": ("4. Menyusun rencana", "4. Making the plan"),
    "template.guide.save_as": (
        "Simpan berkas yang sudah diisi dengan nama lain, mis. polres_saya.xlsx: berkas yang "
        "namanya berakhiran '{suffix}' dilewati bila satu folder dikerjakan sekaligus.",
        "Save the filled-in file under another name, e.g. polres_saya.xlsx: files whose name "
        "ends in '{suffix}' are skipped when a whole folder is planned.",
    ),
    "template.guide.run": (
        "Periksa dulu: rwassign validate polres_saya.xlsx. Lalu susun rencananya: rwassign "
        "solve polres_saya.xlsx (hasilnya polres_saya-penugasan.xlsx).",
        "Check first: rwassign validate polres_saya.xlsx. Then make the plan: rwassign solve "
        "polres_saya.xlsx (it writes polres_saya-penugasan.xlsx).",
    ),
    "template.guide.settings": (
        "Pengaturan (boleh tidak ada): tambahkan sheet Pengaturan dengan kolom key dan nilai, "
        "mis. max_units_per_officer = 2 (paling banyak 2 RW/dusun per personel).",
        "Settings (optional): add a Pengaturan sheet with columns key and nilai, e.g. "
        "max_units_per_officer = 2 (at most 2 units per member).",
    ),
}
