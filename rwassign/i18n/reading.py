"""Messages of the spreadsheet reader (see :mod:`rwassign.i18n` for the format).

Every code the reader can emit has an entry here in Bahasa Indonesia and English, with a hint
that says what to change in the workbook.  ``tests/io/read/test_broken_inputs.py`` renders each one.

Long because it is a catalogue: one entry per problem the reader can find, with its hint in
both languages; splitting it would only scatter the reader's voice over several files.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

_COLUMN_HINT_ID = (
    'Ganti judul kolom, atau tunjuk kolomnya: --column {field}="JUDUL KOLOM" '
    "atau baris 'kolom.{field}' di sheet Pengaturan."
)
_COLUMN_HINT_EN = (
    'Rename the header, or name the column: --column {field}="HEADER" '
    "or a 'kolom.{field}' row in the Pengaturan sheet."
)
_TEXT_NRP_ID = "Format kolom NRP sebagai Teks di Excel lalu ketik ulang angkanya."
_TEXT_NRP_EN = "Format the NRP column as Text in Excel and type the number again."

MESSAGES: dict[str, Entry] = {
    "officer.id_missing_contract": (
        "{nama}: tenaga kontrak (PPPK/honorer) tanpa nomor induk; tetap dicantumkan, tidak "
        "memenuhi syarat Polisi RW",
        "{nama}: contract staff (PPPK/honorer) without an ID number; listed, not eligible",
        "Isi NI PPPK bila ada.",
        "Fill in the NI PPPK if there is one.",
    ),
    # --- files ---------------------------------------------------------------------------
    "input.none": (
        "tidak ada berkas masukan",
        "no input file given",
        "Berikan satu workbook, atau --units dan --roster.",
        "Give one workbook, or --units and --roster.",
    ),
    "file.missing": (
        "berkas tidak ditemukan",
        "file not found",
        "Periksa nama dan folder berkas.",
        "Check the file name and folder.",
    ),
    "file.empty": (
        "berkas kosong",
        "the file is empty",
        "Simpan ulang workbook dari Excel dan coba lagi.",
        "Save the workbook again from Excel and retry.",
    ),
    "file.not_workbook": (
        "bukan workbook Excel (.xlsx, .xls), LibreOffice (.ods) atau CSV (jenis: {suffix})",
        "not an Excel (.xlsx, .xls), LibreOffice (.ods) or CSV file (type: {suffix})",
        "Buka berkas di Excel atau LibreOffice Calc lalu Simpan Sebagai .xlsx, .ods atau CSV.",
        "Open it in Excel or LibreOffice Calc and Save As .xlsx, .ods or CSV.",
    ),
    "file.old_xls": (
        "workbook Excel 97-2003 (.xls) ini tidak dapat dibaca ({reason})",
        "this Excel 97-2003 (.xls) workbook cannot be read ({reason})",
        "Buka di Excel atau LibreOffice Calc lalu Simpan Sebagai .xlsx.",
        "Open it in Excel or LibreOffice Calc and Save As .xlsx.",
    ),
    "file.encrypted": (
        "workbook dilindungi kata sandi",
        "the workbook is password-protected",
        "Buka di Excel, hapus kata sandi (File > Info > Protect Workbook), lalu simpan ulang.",
        "Open it in Excel, remove the password (File > Info > Protect Workbook), save again.",
    ),
    "file.unreadable": (
        "berkas tidak dapat dibaca: {reason}",
        "the file cannot be read: {reason}",
        "Buka di Excel atau LibreOffice Calc; bila bisa, simpan ulang sebagai .xlsx baru.",
        "Open it in Excel or LibreOffice Calc; if it opens, save it again as a new .xlsx.",
    ),
    # --- bounds of what is read (README: "Batas berkas masukan") ------------------------------
    "file.too_large": (
        "berkas {size}, melebihi batas {limit}",
        "the file is {size}, over the limit of {limit}",
        "Simpan hanya sheet RW/dusun dan personel ke workbook baru.",
        "Save only the units and roster sheets into a new workbook.",
    ),
    "file.too_many_parts": (
        "workbook berisi {count} bagian, melebihi batas {limit}",
        "the workbook holds {count} parts, over the limit of {limit}",
        "Salin sheet RW/dusun dan personel ke workbook baru lalu simpan.",
        "Copy the units and roster sheets into a new workbook and save it.",
    ),
    "file.part_too_large": (
        "bagian '{part}' workbook berukuran {size} setelah dibuka, melebihi batas {limit}",
        "part '{part}' of the workbook is {size} unpacked, over the limit of {limit}",
        "Salin sheet RW/dusun dan personel ke workbook baru lalu simpan.",
        "Copy the units and roster sheets into a new workbook and save it.",
    ),
    "file.unpacked_too_large": (
        "workbook berukuran {size} setelah dibuka, melebihi batas {limit}",
        "the workbook is {size} unpacked, over the limit of {limit}",
        "Salin sheet RW/dusun dan personel ke workbook baru lalu simpan.",
        "Copy the units and roster sheets into a new workbook and save it.",
    ),
    "file.too_many_cells": (
        "berkas berisi lebih dari {limit:,} sel terisi; dibaca sampai baris ini",
        "the file holds more than {limit:,} filled cells; read up to this row",
        "Hapus baris dan kolom yang bukan data RW/dusun atau personel.",
        "Delete the rows and columns that are not units or roster data.",
    ),
    "file.too_many_cell_elements": (
        "workbook berisi {count:,} sel (termasuk sel kosong berformat), melebihi batas {limit:,}",
        "the workbook holds {count:,} cells (formatted empty ones included), over the limit of "
        "{limit:,}",
        "Hapus baris dan kolom di luar tabel (pilih, klik kanan > Delete) lalu simpan.",
        "Delete the rows and columns outside the table (select, right-click > Delete), save.",
    ),
    "file.too_many_cells_to_verify": (
        "workbook berisi {count:,} sel, melebihi batas {limit:,} sel yang diperiksa verify",
        "the workbook holds {count:,} cells, over the limit of {limit:,} cells verify checks",
    ),
    "sheet.too_many_rows": (
        "sheet berisi data melewati baris {limit:,} (batas baris per sheet); dibaca sampai sini",
        "the sheet holds data past row {limit:,} (the row limit per sheet); read up to here",
        "Hapus isi di bawah tabel (Ctrl+End menunjukkan sel terakhir yang terisi).",
        "Delete what lies below the table (Ctrl+End shows the last filled cell).",
    ),
    "sheet.too_many_columns": (
        "sel terisi di luar kolom ke-{limit} (batas kolom per sheet)",
        "a filled cell beyond column {limit} (the column limit per sheet)",
        "Hapus isi di kanan tabel (Ctrl+End menunjukkan sel terakhir yang terisi).",
        "Delete what lies right of the table (Ctrl+End shows the last filled cell).",
    ),
    "sheet.too_many_merges": (
        "sheet berisi lebih dari {limit:,} sel gabungan",
        "the sheet holds more than {limit:,} merged ranges",
        "Pisahkan sel gabungan (Merge & Center > Unmerge Cells) lalu simpan.",
        "Unmerge the cells (Merge & Center > Unmerge Cells) and save.",
    ),
    "cell.too_long": (
        "sel berisi {length:,} karakter, melebihi batas {limit:,} karakter per sel",
        "the cell holds {length:,} characters, over the limit of {limit:,} per cell",
        "Persingkat isi sel ini.",
        "Shorten the text of this cell.",
    ),
    "units.too_many": (
        "lebih dari {limit:,} RW/dusun dalam masukan (batas unit per masukan); dibaca sampai sini",
        "more than {limit:,} units in the input (the unit limit per input); read up to here",
        "Periksa jumlah RW/dusun per desa; Polres terbesar pun jauh di bawah batas ini.",
        "Check the unit counts per desa; even the largest Polres is far below this limit.",
    ),
    "unit.count_too_large": (
        "jumlah RW/dusun '{value}' melebihi batas {limit} per desa",
        "unit count '{value}' is over the limit of {limit} per desa",
        "Satu desa/kelurahan memiliki paling banyak beberapa puluh RW/dusun; periksa angkanya.",
        "A desa/kelurahan has a few dozen units at most; check the number.",
    ),
    # --- what was assumed in reading ---------------------------------------------------------
    "file.csv_utf16": (
        "CSV tersimpan sebagai UTF-16 ({encoding}); dibaca sebagai UTF-16",
        "the CSV is saved as UTF-16 ({encoding}); read as UTF-16",
    ),
    "cell.formula_no_value": (
        "rumus tanpa nilai tersimpan di {cells}: dibaca kosong",
        "formula without a stored value in {cells}: read as empty",
        "Rumus tanpa nilai tersimpan: buka dan simpan di Excel, lalu jalankan lagi.",
        "Open and save the workbook in Excel so the formulas store their values, then rerun.",
    ),
    "sheet.hidden_used_units": (
        "sheet tersembunyi '{sheet}' dipakai sebagai sheet RW/dusun; sheet terlihat yang tidak "
        "dipakai: {visible}",
        "hidden sheet '{sheet}' used as the units sheet; visible sheets not used: {visible}",
        "Periksa sheet yang dipakai: tampilkan (Unhide) atau hapus sheet tersembunyi itu.",
        "Check which sheet is used: unhide the hidden sheet, or delete it.",
    ),
    "sheet.hidden_used_roster": (
        "sheet tersembunyi '{sheet}' dipakai sebagai sheet personel; sheet terlihat yang tidak "
        "dipakai: {visible}",
        "hidden sheet '{sheet}' used as the roster sheet; visible sheets not used: {visible}",
        "Periksa sheet yang dipakai: tampilkan (Unhide) atau hapus sheet tersembunyi itu.",
        "Check which sheet is used: unhide the hidden sheet, or delete it.",
    ),
    # --- sheets and columns ----------------------------------------------------------------
    "sheet.units_missing": (
        "sheet RW/dusun tidak ditemukan (sheet yang ada: {sheets})",
        "no units (RW/dusun) sheet found (sheets present: {sheets})",
        "Beri nama sheet 'Wilayah' (atau RW/Dusun) dengan kolom KECAMATAN, DESA dan RW/DUSUN "
        "atau JUMLAH RW.",
        "Name the sheet 'Wilayah' (or RW/Dusun) with columns KECAMATAN, DESA and RW/DUSUN or "
        "JUMLAH RW.",
    ),
    "sheet.roster_missing": (
        "sheet personel tidak ditemukan (sheet yang ada: {sheets})",
        "no roster (personnel) sheet found (sheets present: {sheets})",
        "Beri nama sheet 'Personel' (atau Anggota/DSP) dengan kolom NAMA dan PANGKAT/NRP.",
        "Name the sheet 'Personel' (or Anggota/DSP) with columns NAMA and PANGKAT/NRP.",
    ),
    "sheet.no_header": (
        "baris judul kolom tidak ditemukan di {kind} (dibutuhkan: {needed})",
        "no header row found in {kind} (needed: {needed})",
        "Judul kolom harus ada dalam 25 baris pertama.",
        "The header row must be within the first 25 rows.",
    ),
    "column.missing": (
        "kolom wajib '{field}' tidak ada (judul yang dikenali: {accepted})",
        "required column '{field}' is missing (accepted headers: {accepted})",
        _COLUMN_HINT_ID,
        _COLUMN_HINT_EN,
    ),
    "column.unknown_field": (
        "nama kolom '{field}' tidak dikenal (yang ada: {fields})",
        "unknown column field '{field}' (known: {fields})",
        "Periksa ejaan pada --column.",
        "Check the spelling in --column.",
    ),
    "column.map_not_found": (
        "kolom '{header}' untuk '{field}' tidak ada di baris judul",
        "column '{header}' for '{field}' is not in the header row",
        "Tulis judul persis seperti di sheet (besar-kecil huruf dan spasi boleh beda).",
        "Write the header as it appears in the sheet (case and spaces may differ).",
    ),
    "column.duplicate": (
        "kolom ini juga dibaca sebagai '{field}'; yang dipakai kolom '{used}'",
        "this column also reads as '{field}'; column '{used}' is used",
        "Ganti judul salah satu kolom bila yang dipakai keliru.",
        "Rename one of the columns if the wrong one is used.",
    ),
    # --- settings and Polsek map --------------------------------------------------------------
    "settings.unknown_key": (
        "pengaturan '{key}' tidak dikenal",
        "unknown setting '{key}'",
        "Lihat daftar pengaturan di README (mis. max_units_per_officer).",
        "See the list of settings in the README (e.g. max_units_per_officer).",
    ),
    "settings.bad_value": (
        "nilai '{value}' tidak sah untuk pengaturan '{key}' ({reason})",
        "invalid value '{value}' for setting '{key}' ({reason})",
        "Isi angka untuk angka, ya/tidak untuk pilihan; kosongkan untuk nilai bawaan.",
        "Use a number for numbers, ya/tidak for switches; leave empty for the default.",
    ),
    "settings.sheet_invalid": (
        "pengaturan tidak cocok satu sama lain: {reason}",
        "settings do not fit together: {reason}",
        "Periksa nilai-nilai di sheet Pengaturan.",
        "Check the values in the Pengaturan sheet.",
    ),
    "settings.unknown_column_field": (
        "'{key}': nama kolom tidak dikenal (yang ada: {fields})",
        "'{key}': unknown column field (known: {fields})",
        "Tulis kolom.<nama>, mis. kolom.nrp.",
        "Write kolom.<field>, e.g. kolom.nrp.",
    ),
    "polsek.incomplete": (
        "baris peta Polsek tidak lengkap (kecamatan dan Polsek harus diisi)",
        "incomplete Polsek map row (kecamatan and Polsek both needed)",
        "Isi kedua kolom atau hapus barisnya.",
        "Fill both columns or delete the row.",
    ),
    "polsek.conflict": (
        "kecamatan {kecamatan} dipetakan ke dua Polsek: {first} (baris {first_row}) dan {second}",
        "kecamatan {kecamatan} is mapped to two Polsek: {first} (row {first_row}) and {second}",
        "Satu kecamatan hanya boleh masuk satu Polsek.",
        "A kecamatan belongs to one Polsek only.",
    ),
    "polsek.unknown_kecamatan": (
        "kecamatan {kecamatan} tidak ada di sheet Polsek; dipakai Polsek {kecamatan}",
        "kecamatan {kecamatan} is not in the Polsek sheet; using Polsek {kecamatan}",
        "Tambahkan kecamatan ini ke sheet Polsek.",
        "Add this kecamatan to the Polsek sheet.",
    ),
    # --- units -----------------------------------------------------------------------------
    "units.none": (
        "sheet RW/dusun tidak berisi satu pun RW/dusun",
        "the units sheet holds no unit at all",
        "Isi baris di bawah judul kolom.",
        "Fill in rows below the header.",
    ),
    "unit.kecamatan_missing": (
        "kecamatan kosong",
        "kecamatan is empty",
        "Isi nama kecamatan.",
        "Fill in the kecamatan.",
    ),
    "unit.desa_missing": (
        "desa/kelurahan kosong",
        "desa/kelurahan is empty",
        "Isi nama desa/kelurahan.",
        "Fill in the desa/kelurahan.",
    ),
    "unit.bad_label": (
        "'{value}' bukan nomor RW/dusun (1-999)",
        "'{value}' is not a unit number (1-999)",
        "Tulis seperti RW 2, RW.02, Dusun II atau angka 1-999 saja.",
        "Write it like RW 2, RW.02, Dusun II or a plain number 1-999.",
    ),
    "unit.no_unit": (
        "baris tanpa nomor RW/dusun maupun jumlah",
        "row with neither a unit number nor a count",
        "Isi nomor RW/dusun, atau jumlah RW/dusun desa ini.",
        "Fill in the unit number, or the number of units of this desa.",
    ),
    "unit.bad_count": (
        "jumlah RW/dusun '{value}' bukan bilangan bulat",
        "unit count '{value}' is not a whole number",
        "Isi bilangan bulat, mis. 4.",
        "Use a whole number, e.g. 4.",
    ),
    "unit.count_zero": (
        "desa {desa} berjumlah 0 RW/dusun; dilewati",
        "desa {desa} has 0 units; skipped",
    ),
    "unit.bad_priority": (
        "tingkat kerawanan '{value}' tidak dikenal",
        "unknown priority '{value}'",
        "Isi Tinggi, Sedang atau Rendah (atau 3, 2, 1).",
        "Use Tinggi, Sedang or Rendah (or 3, 2, 1).",
    ),
    "unit.duplicate": (
        "{label} dan {first_label} di desa {desa} adalah RW/dusun yang sama: baris {first_row} "
        "dan {row}",
        "{label} and {first_label} in desa {desa} are the same unit: rows {first_row} and {row}",
        "Hapus salah satu baris, atau perbaiki nomornya.",
        "Delete one of the rows, or correct the number.",
    ),
    "unit.kode_invalid": (
        "kode desa '{value}' bukan kode Kemendagri PP.KK.CC.DDDD; diabaikan",
        "desa code '{value}' is not a Kemendagri code PP.KK.CC.DDDD; ignored",
    ),
    "unit.unknown_kind": (
        "jenis '{value}' tidak dikenal; dipakai jenis dari judul kolom atau RW",
        "unknown kind '{value}'; using the header's kind or RW",
        "Isi RW, Dusun, Banjar, Lingkungan, Desa atau Kelurahan.",
        "Use RW, Dusun, Banjar, Lingkungan, Desa or Kelurahan.",
    ),
    # --- coordinates ------------------------------------------------------------------------
    "coords.bad_number": (
        "koordinat '{value}' bukan angka",
        "coordinate '{value}' is not a number",
        "Tulis desimal, mis. -3.1083 (lintang) dan 102.1977 (bujur).",
        "Write decimals, e.g. -3.1083 (latitude) and 102.1977 (longitude).",
    ),
    "coords.out_of_range": (
        "koordinat di luar jangkauan: lintang {lat}, bujur {lng}",
        "coordinates out of range: latitude {lat}, longitude {lng}",
        "Lintang harus -90..90 dan bujur -180..180; mungkin kolom lintang dan bujur tertukar.",
        "Latitude must be -90..90 and longitude -180..180; the columns may be swapped.",
    ),
    "coords.outside_indonesia": (
        "koordinat (lintang {lat}, bujur {lng}) di luar Indonesia",
        "coordinates (latitude {lat}, longitude {lng}) lie outside Indonesia",
        "Periksa tanda minus dan apakah lintang dan bujur tertukar.",
        "Check the minus sign and whether latitude and longitude are swapped.",
    ),
    "coords.incomplete": (
        "hanya satu dari lintang/bujur yang diisi; koordinat diabaikan",
        "only one of latitude/longitude is filled; coordinates ignored",
        "Isi keduanya atau kosongkan keduanya.",
        "Fill both or neither.",
    ),
    # --- roster -----------------------------------------------------------------------------
    "roster.none": (
        "sheet personel tidak berisi satu pun personel",
        "the roster holds no member at all",
        "Isi baris di bawah judul kolom.",
        "Fill in rows below the header.",
    ),
    "roster.no_jabatan": (
        "roster tidak punya kolom JABATAN; Bhabinkamtibmas tidak dapat dikenali",
        "the roster has no JABATAN column; Bhabinkamtibmas cannot be recognised",
        "Tambahkan kolom JABATAN atau kolom BHABINKAMTIBMAS (ya/tidak).",
        "Add a JABATAN column or a BHABINKAMTIBMAS (ya/tidak) column.",
    ),
    "officer.nama_missing": (
        "nama kosong",
        "the name is empty",
        "Isi nama, atau hapus baris ini bila bukan personel.",
        "Fill in the name, or delete the row if it is no member.",
    ),
    "officer.rank_missing": (
        "pangkat {nama} kosong",
        "no rank for {nama}",
        "Isi pangkat, mis. BRIPKA atau PENATA (untuk PPPK tulis PPPK).",
        "Fill in the rank, e.g. BRIPKA or PENATA (write PPPK for contract staff).",
    ),
    "officer.rank_unknown": (
        "pangkat '{text}' ({nama}) tidak dikenal",
        "unknown rank '{text}' ({nama})",
        "Tulis singkatan resmi: AKP, IPTU, IPDA, AIPTU, AIPDA, BRIPKA, BRIGPOL, BRIPTU, "
        "BRIPDA, ... atau golongan PNS (PENATA, PENDA TK I, ...).",
        "Use the official abbreviation: AKP, IPTU, IPDA, AIPTU, AIPDA, BRIPKA, BRIGPOL, "
        "BRIPTU, BRIPDA, ... or a PNS grade (PENATA, PENDA TK I, ...).",
    ),
    "officer.rank_variant": (
        "pangkat '{text}' dibaca sebagai {code}",
        "rank '{text}' read as {code}",
        "Tulis {code} agar tidak ada keraguan.",
        "Write {code} to remove the doubt.",
    ),
    "officer.id_kind_mismatch": (
        "pangkat {rank} dengan nomor {kind} ({value})",
        "rank {rank} with a {kind} number ({value})",
        "Anggota Polri memakai NRP (8 angka); PNS/PPPK memakai NIP (18 angka).",
        "Polri members have an NRP (8 digits); PNS/PPPK staff a NIP (18 digits).",
    ),
    "officer.duplicate_nrp": (
        "NRP {nrp} muncul dua kali: baris {first_row} dan {row}",
        "NRP {nrp} appears twice: rows {first_row} and {row}",
        "Satu personel satu baris; perbaiki NRP yang salah ketik.",
        "One row per member; correct the mistyped NRP.",
    ),
    "officer.bad_bool": (
        "'{value}' bukan ya/tidak",
        "'{value}' is not yes/no",
        "Isi Ya/Sudah atau Tidak/Belum (bukan tanda x).",
        "Use Ya/Sudah or Tidak/Belum (not an x mark).",
    ),
    "officer.bad_service": (
        "masa dinas/TMT '{value}' tidak dapat dibaca",
        "service length/TMT '{value}' cannot be read",
        "Isi tanggal TMT (01-03-2010), tahun TMT (2010) atau jumlah tahun (12).",
        "Use the TMT date (01-03-2010), the TMT year (2010) or years of service (12).",
    ),
    "officer.bad_status": (
        "status '{value}' tidak dikenal",
        "unknown status '{value}'",
        "Isi Aktif, Cuti, Pendidikan, Sakit, Tugas Belajar, BKO, Pensiun, Mutasi atau Non Aktif.",
        "Use Aktif, Cuti, Pendidikan, Sakit, Tugas Belajar, BKO, Pensiun, Mutasi or Non Aktif.",
    ),
    "officer.home_no_match": (
        "domisili '{home}' tidak cocok dengan RW/dusun mana pun",
        "home address '{home}' matches no unit",
        "Tulis desa dan RW persis seperti di sheet Wilayah (anggota tetap bisa ditugaskan).",
        "Write desa and RW as in the units sheet (the member can still be assigned).",
    ),
    "officer.home_ambiguous": (
        "desa domisili '{desa}' ada di {count} kecamatan; kecamatan domisili diperlukan",
        "home desa '{desa}' exists in {count} kecamatan; the home kecamatan is needed",
        "Tambahkan kolom KECAMATAN DOMISILI.",
        "Add a home KECAMATAN column.",
    ),
    # --- identity numbers (codes of rwassign.normalize.ids.ID_CODES) -------------------------
    "nrp.missing": (
        "NRP/NIP kosong",
        "the NRP/NIP is empty",
        "Isi NRP (8 angka) atau NIP (18 angka).",
        "Fill in the NRP (8 digits) or NIP (18 digits).",
    ),
    "nrp.malformed": (
        "'{value}' bukan NRP (8 angka) maupun NIP/NI PPPK (18 angka)",
        "'{value}' is neither an NRP (8 digits) nor a NIP/NI PPPK (18 digits)",
        "Periksa angka yang hilang atau berlebih.",
        "Check for missing or extra digits.",
    ),
    "nrp.padded": (
        "NRP '{value}' kurang dari 8 angka: Excel membuang angka 0 di depan NRP personel "
        "kelahiran 2000-2009 (7 angka: lahir 2001-2009; 6 angka: lahir Oktober-Desember 2000; "
        "5 angka: lahir Januari-September 2000); dibaca {nrp}",
        "NRP '{value}' has fewer than 8 digits: Excel dropped the leading zeros of a member "
        "born 2000-2009 (7 digits: born 2001-2009; 6: born October-December 2000; 5: born "
        "January-September 2000); read as {nrp}",
        _TEXT_NRP_ID,
        _TEXT_NRP_EN,
    ),
    "nrp.month": (
        "angka ke-3 dan ke-4 NRP {nrp} bukan bulan 01-12 (kebiasaan TTBB)",
        "digits 3-4 of NRP {nrp} are not a month 01-12 (the usual YYMM convention)",
        "Periksa NRP; bila memang benar, abaikan peringatan ini.",
        "Check the NRP; if it is right, ignore this warning.",
    ),
    "nip.precision": (
        "NIP '{value}' tersimpan sebagai angka dan Excel memotong angka terakhirnya",
        "NIP '{value}' is stored as a number and Excel cut its last digits",
        _TEXT_NRP_ID,
        _TEXT_NRP_EN,
    ),
    "nip.date": (
        "8 angka pertama NIP {nrp} bukan tanggal lahir TTTTBBHH",
        "the first 8 digits of NIP {nrp} are not a birth date YYYYMMDD",
        "Periksa NIP.",
        "Check the NIP.",
    ),
    "nip.month": (
        "angka ke-9 sampai 14 NIP {nrp} bukan bulan TMT TTTTBB",
        "digits 9-14 of NIP {nrp} are not a start month YYYYMM",
        "Periksa NIP.",
        "Check the NIP.",
    ),
    # --- cell content (issue 12): what no cell may hold, what no name can be ---------------
    "cell.cleaned": (
        "sel berisi karakter kendali (mis. NUL) yang tidak bisa disimpan di workbook; "
        "karakter itu dibuang, dibaca '{value}'",
        "the cell held control characters (such as NUL) that no workbook can store; they were "
        "removed, read as '{value}'",
        "Periksa teks sel ini; ketik ulang bila disalin dari program lain.",
        "Check the text of this cell; type it again if it was pasted from another program.",
    ),
    "cell.text_too_long": (
        "teks sel terlalu panjang: {length} karakter, paling banyak {limit} ('{start}...')",
        "the cell text is too long: {length} characters, at most {limit} ('{start}...')",
        "Periksa sel ini: kemungkinan isi beberapa sel tertempel jadi satu. Pendekkan teksnya.",
        "Check this cell: the content of several cells was probably pasted into one. "
        "Shorten the text.",
    ),
    "officer.nama_not_name": (
        "'{value}' di kolom nama adalah tanggal, angka atau nilai ya/tidak, bukan nama",
        "'{value}' in the name column is a date, a number or a yes/no value, not a name",
        "Tulis nama personel; periksa apakah kolom bergeser atau sel berisi rumus.",
        "Write the member's name; check whether the columns are shifted or the cell holds a "
        "formula.",
    ),
}
