"""Messages of the export, verify and keygen commands.

Entries follow :mod:`rwassign.i18n`: ``(id, en)`` or ``(id, en, id_hint, en_hint)``.

Long because ``verify`` names every difference it can find in plain words, in both languages:
each finding, each part of a page or a cell's look, each kind of addition; one table of
messages reads better than several small ones split by an arbitrary line count.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    "export.details_missing": (
        "detail dokumen belum lengkap: {fields}",
        "document details missing: {fields}",
        "Isi di sheet Dokumen (KUNCI | NILAI), berkas --dokumen (TOML) atau --set kunci=nilai; "
        "lihat README.",
        "Fill them in a Dokumen sheet (KEY | VALUE), a --dokumen TOML file or --set key=value; "
        "see the README.",
    ),
    "export.detail_invalid": (
        "detail dokumen '{key}' tidak sah: '{value}' ({why})",
        "document detail '{key}' is not valid: '{value}' ({why})",
        "Perbaiki nilainya; contoh di README.",
        "Fix the value; examples are in the README.",
    ),
    "export.detail_unknown": (
        "detail dokumen '{key}' tidak dikenal",
        "unknown document detail '{key}'",
        "Kunci yang dikenal: {known}.",
        "Known keys: {known}.",
    ),
    "export.bad_set": (
        "--set harus berbentuk kunci=nilai, bukan '{value}'",
        "--set must look like key=value, not '{value}'",
    ),
    "export.toml_unreadable": (
        "berkas detail dokumen {path} tidak dapat dibaca: {detail}",
        "cannot read the document details file {path}: {detail}",
        'Tulis satu detail per baris, mis. polda = "BENGKULU".',
        'Write one detail per line, e.g. polda = "BENGKULU".',
    ),
    "export.plan_unreadable": (
        "rencana {path} tidak dapat dibaca: {detail}",
        "cannot read the plan {path}: {detail}",
        "Gunakan berkas .xlsx hasil 'rwassign solve'.",
        "Use an .xlsx file written by 'rwassign solve'.",
    ),
    "export.no_instance": (
        "rencana {path} tidak memuat data personel lengkap (berkas versi lama)",
        "the plan {path} does not carry the full roster facts (an older file)",
        "Sertakan berkas masukan asli: --roster MASUKAN.xlsx, atau jalankan 'rwassign solve' lagi.",
        "Give the original input: --roster INPUT.xlsx, or run 'rwassign solve' again.",
    ),
    "export.plan_no_sheet": (
        "tidak ada sheet {sheet}",
        "no sheet {sheet}",
    ),
    "export.plan_no_nrp": (
        "{sheet}: tidak ada kolom NRP",
        "{sheet}: no NRP column",
    ),
    "export.settings_from_roster": (
        "rencana {path} tidak memuat pengaturan yang dipakai saat disusun; diperiksa dengan "
        "pengaturan dari --roster {roster}",
        "the plan {path} does not record the settings it was made with; checked with the "
        "settings of --roster {roster}",
    ),
    "export.settings_default": (
        "rencana {path} tidak memuat pengaturan yang dipakai saat disusun; diperiksa dengan "
        "pengaturan bawaan",
        "the plan {path} does not record the settings it was made with; checked with the "
        "default settings",
        "Sertakan berkas masukan asli (--roster MASUKAN.xlsx) bila rencana disusun dengan "
        "pengaturan lain.",
        "Give the original input (--roster INPUT.xlsx) if the plan was made with other settings.",
    ),
    "export.rule_personel": (
        "NRP tidak ada di roster",
        "NRP not in the roster",
    ),
    "export.doc_breach": (
        "{label} ({rule}): NO {nos}",
        "{label} ({rule}): NO {nos}",
    ),
    "export.roster_errors": (
        "berkas --roster {path} memuat {n} galat; jalankan 'rwassign validate' untuk rinciannya",
        "the --roster file {path} has {n} errors; run 'rwassign validate' for details",
    ),
    "export.no_rows": (
        "sheet Penugasan pada {path} tidak memuat satu pun penugasan",
        "the Penugasan sheet of {path} holds no assignment",
    ),
    "export.name_mismatch": (
        "baris {row}: nama '{cell}' tidak sama dengan roster untuk NRP {nrp} ('{nama}'); "
        "dicetak nama dari roster",
        "row {row}: name '{cell}' differs from the roster for NRP {nrp} ('{nama}'); "
        "the roster name is printed",
    ),
    "export.glyph": (
        "NO {no}: '{text}' dicetak '{shown}' di PDF (huruf PDF tidak memuat semua hurufnya; "
        "XLSX memuatnya utuh)",
        "NO {no}: '{text}' is printed '{shown}' in the PDF (its font lacks some letters; the "
        "XLSX keeps them)",
    ),
    "export.cut": (
        "NO {no}, {column}: teksnya lebih panjang dari satu halaman; dicetak terpotong dengan "
        "tanda '{mark}' di {formats} (teks lengkap tetap di rencana dan data tersemat)",
        "NO {no}, {column}: the text is longer than a page; printed cut, ending in '{mark}', "
        "in {formats} (the full text stays in the plan and the embedded data)",
    ),
    "export.unit_mismatch": (
        "baris {row}: ID UNIT '{uid}' menunjuk {id_unit}, tetapi kolom Desa/RW menyebut {unit}; "
        "dicetak {unit} (sesuai yang tertulis)",
        "row {row}: ID UNIT '{uid}' names {id_unit}, but the Desa/unit columns say {unit}; "
        "{unit} is printed (as written)",
    ),
    "export.unit_unknown_text": (
        "baris {row}: Desa/RW '{text}' tidak dikenal; dicetak {id_unit} menurut ID UNIT",
        "row {row}: Desa/unit '{text}' is not a known unit; {id_unit} is printed, from ID UNIT",
    ),
    "export.breach": (
        "baris Penugasan {rows}: melanggar aturan '{rule}' ({detail})",
        "Penugasan rows {rows}: breaks rule '{rule}' ({detail})",
    ),
    "export.breaches_stop": (
        "{n} pelanggaran aturan; tidak ada dokumen yang dicetak",
        "{n} rule breaches; no document printed",
        "Perbaiki baris tersebut di sheet Penugasan, atau cetak tetap dengan --force (pelanggaran "
        "ditandai pada dokumen).",
        "Fix those rows in the Penugasan sheet, or print anyway with --force (the breaches are "
        "marked on the document).",
    ),
    "export.forced": (
        "dicetak dengan --force: {n} pelanggaran ditandai pada dokumen",
        "printed with --force: {n} breaches marked on the document",
    ),
    "export.written": (
        "ditulis: {path} (sidik SHA-256 {fingerprint})",
        "written: {path} (SHA-256 fingerprint {fingerprint})",
    ),
    "export.key_unreadable": (
        "kunci {path} tidak dapat dibaca: {detail}",
        "cannot read the key {path}: {detail}",
        "Gunakan berkas kunci dari 'rwassign keygen' (.pem).",
        "Use a key file made by 'rwassign keygen' (.pem).",
    ),
    "export.not_writable": (
        "berkas keluaran {path} tidak dapat ditulis ({detail})",
        "cannot write output file {path} ({detail})",
        "Tutup berkas itu bila sedang dibuka, periksa folder dan izinnya, lalu jalankan lagi.",
        "Close the file if it is open, check the folder and its permissions, and run again.",
    ),
    "export.same_as_input": (
        "berkas keluaran {path} adalah rencana masukan; tidak akan ditimpa",
        "output file {path} is the input plan; it will not be overwritten",
        "Pilih nama lain dengan -o.",
        "Choose another name with -o.",
    ),
    "keygen.exists": (
        "berkas kunci {path} sudah ada; tidak ditimpa",
        "the key file {path} already exists; not overwritten",
        "Pilih nama lain dengan -o.",
        "Choose another name with -o.",
    ),
    "keygen.written": (
        "kunci privat: {private} (simpan rahasia); kunci publik: {public} (bagikan); "
        "ID kunci {key_id}",
        "private key: {private} (keep it secret); public key: {public} (share it); key id {key_id}",
    ),
    "verify.intact": (
        "utuh: {path} (sidik SHA-256 {fingerprint})",
        "intact: {path} (SHA-256 fingerprint {fingerprint})",
    ),
    "verify.changed": (
        "BERUBAH: {path} - isi atau tampilannya berbeda dari yang dicetak rwassign",
        "CHANGED: {path} - its content or look differs from what rwassign printed",
    ),
    "verify.rewritten": (
        "DITULIS ULANG oleh program lain: {path} - teks tercetak dan isinya sama dengan yang "
        "dicetak rwassign (sidik SHA-256 {fingerprint}), tetapi berkasnya disimpan ulang, "
        "sehingga tampilannya tidak lagi dijamin",
        "RE-WRITTEN by another program: {path} - the printed text and the content match what "
        "rwassign printed (SHA-256 fingerprint {fingerprint}), but the file was saved again, so "
        "its look is no longer guaranteed",
    ),
    "verify.rewritten_from_pages": (
        "DITULIS ULANG oleh program lain: {path} - data tertanam dihapus; halaman-halamannya "
        "menyatakan sidik SHA-256 {fingerprint}, tetapi isinya tidak dapat dipastikan",
        "RE-WRITTEN by another program: {path} - the embedded data was dropped; its pages claim "
        "SHA-256 fingerprint {fingerprint}, but their content cannot be confirmed",
    ),
    "verify.rewrites_heading": ("yang diubah program lain:", "what the other program changed:"),
    "verify.unreadable": (
        "{path} tidak dapat dibaca sebagai dokumen rwassign: {detail}",
        "cannot read {path} as an rwassign document: {detail}",
    ),
    "verify.no_embedded": (
        "{path} tidak memuat data tertanam rwassign",
        "{path} carries no embedded rwassign data",
    ),
    "verify.embedded_damaged": (
        "data tertanam rusak: {detail}",
        "the embedded data is damaged: {detail}",
    ),
    "verify.fingerprint_mismatch": (
        "sidik data tertanam {actual} tidak sama dengan sidik tercatat {recorded} ({where})",
        "the embedded data's fingerprint {actual} differs from the recorded {recorded} ({where})",
    ),
    "verify.row_differs": (
        "baris NO {no}: {columns} berbeda dari data tertanam",
        "row NO {no}: {columns} differ from the embedded data",
    ),
    "verify.row_missing": (
        "baris NO {no} ({nama}, NRP {nrp}) tidak ditemukan pada teks dokumen",
        "row NO {no} ({nama}, NRP {nrp}) not found in the document text",
    ),
    "verify.row_text_differs": (
        "baris NO {no} ({nama}, NRP {nrp}): {columns} pada teks dokumen berbeda dari data tertanam",
        "row NO {no} ({nama}, NRP {nrp}): {columns} in the document text differ from the "
        "embedded data",
    ),
    "verify.detail_differs": (
        "detail dokumen '{detail}' pada {part} tidak tercetak seperti data tertanam ('{text}')",
        "document detail '{detail}' on the {part} is not printed as in the embedded data "
        "('{text}')",
    ),
    "verify.sprin_missing": (
        "menurut data tertanam dokumen memuat Surat Perintah, tetapi halamannya tidak ada",
        "the embedded data says the document includes the Sprin, but its pages are missing",
    ),
    "verify.text_extra": (
        "teks '{text}' tercetak di antara {before} dan {after}, tidak sesuai data tertanam",
        "text '{text}' printed between {before} and {after} does not match the embedded data",
    ),
    "verify.row_hidden": (
        "baris lembar {rows} disembunyikan atau terlalu rendah untuk terbaca",
        "sheet rows {rows} are hidden or too low to read",
    ),
    "verify.column_hidden": (
        "kolom {columns} disembunyikan atau terlalu sempit untuk terbaca",
        "columns {columns} are hidden or too narrow to read",
    ),
    "verify.cell_style": (
        "sel {cells}: {what} '{actual}' berbeda dari dokumen yang diekspor ('{expected}')",
        "cells {cells}: {what} '{actual}' differs from the exported document ('{expected}')",
    ),
    "verify.conditional_format": (
        "format bersyarat pada {ranges} tidak ada pada dokumen yang diekspor",
        "conditional formatting on {ranges} is not in the exported document",
    ),
    "verify.print_area": (
        "area cetak {actual} berbeda dari yang diekspor ({expected})",
        "print area {actual} differs from the exported one ({expected})",
    ),
    "verify.print_titles": (
        "baris/kolom judul cetak {actual} berbeda dari yang diekspor ({expected})",
        "print titles {actual} differ from the exported ones ({expected})",
    ),
    "verify.row_extra": (
        "baris tambahan di lembar {row}: {text}",
        "extra row on sheet row {row}: {text}",
    ),
    "verify.nrp_unexpected": (
        "NRP {nrp} tercetak pada dokumen tetapi tidak ada di data tertanam",
        "NRP {nrp} is printed but is not in the embedded data",
    ),
    "verify.cell_differs": (
        "sel {cell}: '{actual}' berbeda dari data tertanam ('{expected}')",
        "cell {cell}: '{actual}' differs from the embedded data ('{expected}')",
    ),
    "verify.page_fingerprint": (
        "sidik yang tercetak di halaman {page} tidak sama dengan data tertanam",
        "the fingerprint printed on page {page} differs from the embedded data",
    ),
    "verify.page_footer": (
        "kaki halaman {page} tidak seperti yang dicetak rwassign: '{text}'",
        "the footer of page {page} is not what rwassign prints: '{text}'",
    ),
    "verify.pdf_annotations": (
        "halaman {pages} diberi tambahan yang tidak dicetak rwassign: {kinds}",
        "page {pages} carries additions that rwassign does not print: {kinds}",
    ),
    "verify.pdf_pictures": (
        "halaman {pages} memuat gambar tambahan di samping kode QR, yang tidak dicetak rwassign",
        "page {pages} carries pictures beside the QR code that rwassign does not print",
    ),
    "verify.page_look": (
        "halaman {page} tampak berbeda dari yang dicetak rwassign, {top}-{bottom} mm dari tepi "
        "atas (tinta ditambah {added} titik, hilang {missing} titik): teks ditutup, dicoret "
        "atau gambar ditambah",
        "page {page} looks different from what rwassign printed, {top}-{bottom} mm from the top "
        "edge ({added} dots of ink added, {missing} missing): text covered or struck out, or a "
        "picture added",
    ),
    "verify.page_size": (
        "ukuran atau arah kertas halaman {pages} berbeda dari yang dicetak rwassign",
        "the paper size or orientation of page {pages} differs from what rwassign printed",
    ),
    # Blind spots closed in issue 12: how a PDF page is shown, what an XLSX package carries.
    "verify.page_turned": (
        "halaman {pages} diputar {degrees}° dari arah yang dicetak rwassign",
        "page {pages} is turned by {degrees}° from the way rwassign printed it",
    ),
    "verify.page_scaled": (
        "halaman {pages} diperbesar atau diperkecil (UserUnit {unit}): tercetak dengan ukuran lain",
        "page {pages} is enlarged or reduced (UserUnit {unit}): it prints at another size",
    ),
    "verify.page_boxes": (
        "halaman {page}: bingkai halaman ({boxes}) tidak seperti yang dicetak rwassign; bagian "
        "halaman dapat terpotong atau bergeser saat ditampilkan atau dicetak",
        "page {page}: the page frame ({boxes}) is not the one rwassign printed; part of the page "
        "can be cut off or shifted when shown or printed",
    ),
    "verify.active.form_fields": (
        "isian formulir ({n} isian), yang dapat menjalankan tindakan atau skrip",
        "form fields ({n}), which can run actions or scripts",
    ),
    "verify.xlsx_parts": (
        "berkas memuat bagian yang tidak ditulis rwassign (makro, tautan ke berkas lain, data "
        "tambahan): {parts}",
        "the file carries parts rwassign never writes (macros, links to other files, extra "
        "data): {parts}",
    ),
    "verify.xlsx_part": ("bagian {name}", "part {name}"),
    "verify.rich_text": (
        "teks berformat campuran (rich text) pada sel {cells}: sebagian hurufnya dapat tampil lain "
        "(putih, sangat kecil, huruf lain) dari yang diekspor",
        "rich text (runs of mixed format) in cell {cells}: some of its letters can show "
        "otherwise (white, tiny, another font) than exported",
    ),
    "verify.hyperlinks": (
        "tautan pada sel {cells} yang tidak dibuat rwassign: {targets}",
        "links in cell {cells} that rwassign never made: {targets}",
    ),
    "verify.external_links": (
        "berkas memuat tautan ke luar yang tidak dibuat rwassign (pada gambar, bentuk atau "
        "bagian lain): {targets}",
        "the file carries links out of it that rwassign never made (on a picture, a shape or "
        "another part): {targets}",
    ),
    "verify.data_validation": (
        "validasi data (pesan yang muncul atau daftar pilihan) pada sel {cells} yang tidak "
        "dibuat rwassign: {prompts}",
        "data validation (a message that pops up or a list to choose from) in cell {cells} "
        "that rwassign never made: {prompts}",
    ),
    "verify.sheet_parts": (
        "lembar {sheet} memuat unsur yang tidak ditulis rwassign: {names}",
        "sheet {sheet} carries elements rwassign never writes: {names}",
    ),
    "verify.qr_unreadable": (
        "kode QR pada halaman {pages} tidak terbaca",
        "the QR code on page {pages} cannot be read",
    ),
    "verify.qr_differs": (
        "kode QR pada halaman {pages} menyatakan '{text}', bukan sidik dokumen ini",
        "the QR code on page {pages} says '{text}', not this document's fingerprint",
    ),
    "verify.active_content": (
        "berkas memuat isi aktif yang tidak dibuat rwassign: {what}",
        "the file carries active content rwassign never writes: {what}",
    ),
    "verify.active.open_action": (
        "tindakan yang dijalankan saat dibuka ({kind})",
        "an action run when it is opened ({kind})",
    ),
    "verify.active.auto_action": ("tindakan otomatis", "automatic actions"),
    "verify.active.script": ("skrip", "scripts"),
    "verify.active.attachment": ("berkas lampiran {names}", "attached files {names}"),
    "verify.active.bookmark_action": (
        "penanda (bookmark) yang menjalankan tindakan",
        "bookmarks that run actions",
    ),
    "verify.annot.link": ("tautan", "a link"),
    "verify.annot.free_text": ("kotak teks", "a text box"),
    "verify.annot.note": ("catatan", "a note"),
    "verify.annot.shape": ("bentuk gambar (kotak, garis, lingkaran)", "a drawn shape"),
    "verify.annot.ink": ("coretan tangan", "a hand drawing"),
    "verify.annot.stamp": ("stempel", "a stamp"),
    "verify.annot.markup": ("stabilo atau coretan pada teks", "highlight or strike-out"),
    "verify.annot.field": ("isian formulir", "a form field"),
    "verify.annot.file": ("berkas lampiran", "an attached file"),
    "verify.annot.redact": ("penghitaman", "a redaction"),
    "verify.form.fingerprint_dropped": (
        "salinan sidik di {where} dihapus (sidik pada data tertanam dan halaman tetap sama)",
        "the copy of the fingerprint in {where} was dropped (the one of the embedded data and "
        "the pages still match)",
    ),
    "verify.form.data_dropped": (
        "data tertanam dan tanda tangan digital dihapus; diperiksa menurut sidik yang tercetak "
        "di setiap halaman (kaki halaman dan kode QR)",
        "the embedded data and the digital signature were dropped; checked by the fingerprint "
        "printed on every page (footer and QR code)",
    ),
    "verify.form.pages_redrawn": (
        "halaman {pages} digambar ulang",
        "page {pages} drawn again",
    ),
    "verify.form.fonts_replaced": (
        "huruf disematkan ulang: {actual} (semula {expected})",
        "fonts embedded again: {actual} (exported: {expected})",
    ),
    "verify.form.fonts_reembedded": (
        "huruf {names} disematkan ulang",
        "fonts {names} embedded again",
    ),
    "verify.form.qr_redrawn": (
        "kode QR halaman {pages} digambar ulang dan masih terbaca sama",
        "the QR code of page {pages} drawn again; it still reads the same",
    ),
    "verify.form.data_sheet_hidden": (
        "lembar data '{sheet}' kini tersembunyi biasa, bukan sangat tersembunyi",
        "the data sheet '{sheet}' is now merely hidden, not very hidden",
    ),
    "verify.form.font_renamed": (
        "jenis huruf '{expected}' dinamai '{actual}' di semua sel",
        "font '{expected}' renamed '{actual}' in every cell",
    ),
    "verify.form.font_named": (
        "huruf tanpa nama kini dinamai '{actual}' di semua sel",
        "fonts exported without a name are now named '{actual}' in every cell",
    ),
    "verify.form.header_footer_font": (
        "{what}: teksnya sama, hanya penanda jenis hurufnya ditulis ulang",
        "{what}: the same text, only its font markers were re-written",
    ),
    "verify.form.margin_rounded": (
        "{what} dibulatkan: {actual} (semula {expected})",
        "{what} rounded: {actual} (exported: {expected})",
    ),
    "verify.where.pdf_properties": ("sifat dokumen", "the document properties"),
    "verify.where.xlsx_properties": ("sifat dokumen", "the document properties"),
    "verify.where.data_sheet": ("lembar data tersembunyi", "the hidden data sheet"),
    "verify.sheet_extra": (
        "lembar {sheets} tidak ada pada dokumen yang diekspor",
        "sheets {sheets} are not in the exported document",
    ),
    "verify.sheet_state": (
        "lembar '{sheet}' {actual}, padahal diekspor {expected}",
        "sheet '{sheet}' is {actual}, but was exported {expected}",
    ),
    "verify.state.visible": ("tampil", "shown"),
    "verify.state.hidden": ("tersembunyi", "hidden"),
    "verify.state.veryHidden": ("sangat tersembunyi", "very hidden"),
    "verify.sheet_not_active": (
        "lembar yang aktif '{sheet}', bukan '{expected}' seperti yang diekspor",
        "the active sheet is '{sheet}', not '{expected}' as exported",
    ),
    "verify.drawings": (
        "gambar/objek pada lembar {sheet}: {actual}, padahal yang diekspor hanya {expected}",
        "pictures/objects on sheet {sheet}: {actual}, while only {expected} was exported",
    ),
    "verify.drawn.picture": ("gambar", "a picture"),
    "verify.drawn.shape": ("bentuk", "a shape"),
    "verify.drawn.group": ("kelompok bentuk", "a group of shapes"),
    "verify.drawn.chart": ("bagan atau objek", "a chart or object"),
    "verify.drawn.line": ("garis penghubung", "a connector line"),
    "verify.drawn.ink": ("coretan tangan", "a hand drawing"),
    "verify.drawn.comments": ("komentar atau kontrol", "comments or controls"),
    "verify.drawn.header_picture": ("gambar di kepala/kaki halaman", "a header or footer picture"),
    "verify.drawn.background": ("gambar latar", "a background picture"),
    "verify.drawn.at": ("di {cell}", "at {cell}"),
    "verify.drawn.size": ("{size} piksel", "{size} pixels"),
    "verify.drawn.content": ("isi {digest}", "content {digest}"),
    "verify.header_footer": (
        "{what} '{actual}' berbeda dari yang diekspor ('{expected}')",
        "{what} '{actual}' differs from the exported one ('{expected}')",
    ),
    "verify.page_setup": (
        "pengaturan halaman {what} '{actual}' berbeda dari yang diekspor ('{expected}')",
        "page setup {what} '{actual}' differs from the exported one ('{expected}')",
    ),
    "verify.signature_ok": (
        "tanda tangan Ed25519 sah (ID kunci {key_id})",
        "Ed25519 signature valid (key id {key_id})",
    ),
    "verify.signature_unchecked": (
        "bertanda tangan dengan kunci {key_id}; berikan --public-key untuk memeriksanya",
        "signed with key {key_id}; give --public-key to check it",
    ),
    "verify.signature_bad": (
        "tanda tangan tidak sah: {detail}",
        "signature not valid: {detail}",
    ),
    "verify.signature_other_key": (
        "halaman menyebut ditandatangani dengan kunci {key_id}, bukan kunci yang diberikan "
        "({trusted})",
        "the pages say it was signed with key {key_id}, not with the key given ({trusted})",
    ),
    "verify.signature_lost": (
        "tanda tangan digital tidak dapat diperiksa: terhapus bersama data tertanam (halaman "
        "menyebut kunci {key_id})",
        "the digital signature cannot be checked: it was dropped with the embedded data (the "
        "pages name key {key_id})",
    ),
    "verify.written_by": ("disimpan ulang oleh: {program}", "saved again by: {program}"),
    "verify.claims": (
        "halaman-halamannya menyatakan Sprin nomor {nomor}, sidik SHA-256 {fingerprint} (sama "
        "di kaki setiap halaman dan pada kode QR)",
        "its pages claim Sprin number {nomor}, SHA-256 fingerprint {fingerprint} (the same in "
        "every footer and QR code)",
    ),
    "verify.unchecked": (
        "tidak dapat diperiksa: isi setiap baris dan detail dokumen terhadap data tertanam, dan "
        "tanda tangan digital",
        "not checked: each row and document detail against the embedded data, and the digital "
        "signature",
        "Periksa berkas asli hasil 'rwassign export' (PDF atau XLSX pasangannya) dengan "
        "'rwassign verify', lalu bandingkan sidiknya dengan sidik di atas.",
        "Verify the file 'rwassign export' wrote (the PDF or its XLSX twin) with "
        "'rwassign verify', and compare its fingerprint with the one above.",
    ),
    "verify.unsigned": (
        "dokumen tidak bertanda tangan digital, padahal --public-key diberikan",
        "the document carries no digital signature, but --public-key was given",
    ),
    "verify.breaches": (
        "dokumen ini dicetak dengan --force dan memuat {n} pelanggaran aturan",
        "this document was printed with --force and carries {n} rule breaches",
    ),
    # Parameters of verify's findings (given with ``i18n.both``): where a text was printed,
    # what of a cell's look, which page header or footer, which page setting differs.
    "verify.at.start": ("awal {part}", "the start of the {part}"),
    "verify.at.end": ("akhir {part}", "the end of the {part}"),
    "verify.at.detail": ("detail {key}", "detail {key}"),
    "verify.at.row": ("baris NO {no}", "row NO {no}"),
    "verify.look.font_colour": ("warna huruf", "font colour"),
    "verify.look.font_size": ("ukuran huruf", "font size"),
    "verify.look.fill": ("isian sel", "fill"),
    "verify.look.number_format": ("format angka", "number format"),
    "verify.look.font_name": ("jenis huruf", "font name"),
    "verify.look.bold": ("huruf tebal", "bold"),
    "verify.look.italic": ("huruf miring", "italic"),
    "verify.look.underline": ("garis bawah", "underline"),
    "verify.look.strikethrough": ("coret", "strikethrough"),
    "verify.look.vert_align": ("huruf naik/turun", "superscript/subscript"),
    "verify.look.horizontal": ("perataan mendatar", "horizontal alignment"),
    "verify.look.vertical": ("perataan tegak", "vertical alignment"),
    "verify.look.indent": ("indentasi", "indent"),
    "verify.look.rotation": ("rotasi teks", "text rotation"),
    "verify.look.wrap": ("teks dibungkus", "wrap text"),
    "verify.look.shrink": ("susutkan agar pas", "shrink to fit"),
    "verify.header_footer.odd_header": ("kepala halaman", "page header"),
    "verify.header_footer.odd_footer": ("kaki halaman", "page footer"),
    "verify.header_footer.even_header": ("kepala halaman genap", "even page header"),
    "verify.header_footer.even_footer": ("kaki halaman genap", "even page footer"),
    "verify.header_footer.first_header": ("kepala halaman pertama", "first page header"),
    "verify.header_footer.first_footer": ("kaki halaman pertama", "first page footer"),
    "verify.setup.orientation": ("orientasi", "orientation"),
    "verify.setup.paper_size": ("ukuran kertas", "paper size"),
    "verify.setup.scale": ("skala", "scale"),
    "verify.setup.fit_to_page": ("muat ke halaman", "fit to page"),
    "verify.setup.fit_to_width": ("lebar (halaman)", "fit to width (pages)"),
    "verify.setup.fit_to_height": ("tinggi (halaman)", "fit to height (pages)"),
    "verify.setup.first_page_number": ("nomor halaman pertama", "first page number"),
    "verify.setup.left": ("margin kiri", "left margin"),
    "verify.setup.right": ("margin kanan", "right margin"),
    "verify.setup.top": ("margin atas", "top margin"),
    "verify.setup.bottom": ("margin bawah", "bottom margin"),
    "verify.setup.header": ("margin kepala", "header margin"),
    "verify.setup.footer": ("margin kaki", "footer margin"),
    "verify.setup.different_odd_even": ("kepala/kaki genap berbeda", "different even header"),
    "verify.setup.different_first": ("kepala/kaki pertama berbeda", "different first header"),
    # --- the roster facts and settings a plan carries, bound by their fingerprint ------------
    "export.facts_unbound": (
        "rencana {path} tidak memuat sidik data personel dan pengaturan di sheet tersembunyi "
        "{sheet} (berkas versi lama, atau sidiknya dihapus); data itu tidak dapat diperiksa",
        "the plan {path} carries no fingerprint of its roster facts and settings in the hidden "
        "sheet {sheet} (an older file, or the fingerprint was removed); those facts cannot be "
        "checked",
        "Sertakan berkas masukan asli: --roster MASUKAN.xlsx, atau jalankan 'rwassign solve' lagi.",
        "Give the original input: --roster INPUT.xlsx, or run 'rwassign solve' again.",
    ),
    "export.facts_unbound_roster": (
        "rencana {path} tidak memuat sidik data personel dan pengaturan; diperiksa dengan data "
        "--roster {roster}",
        "the plan {path} carries no fingerprint of its roster facts and settings; checked with "
        "the facts of --roster {roster}",
    ),
    "export.facts_changed": (
        "data personel atau pengaturan di sheet tersembunyi {sheet} pada rencana {path} telah "
        "diubah sejak rencana disusun: {detail}",
        "the roster facts or settings in the hidden sheet {sheet} of the plan {path} were "
        "changed after the plan was made: {detail}",
        "Sertakan berkas masukan asli (--roster MASUKAN.xlsx; datanya yang dipakai), atau "
        "jalankan 'rwassign solve' lagi.",
        "Give the original input (--roster INPUT.xlsx; its facts are used), or run "
        "'rwassign solve' again.",
    ),
    "export.facts_changed_roster": (
        "data di sheet tersembunyi {sheet} pada rencana {path} telah diubah ({detail}); "
        "diperiksa dengan data --roster {roster}",
        "the facts in the hidden sheet {sheet} of the plan {path} were changed ({detail}); "
        "checked with the facts of --roster {roster}",
    ),
    "export.facts_signed": (
        "data personel dan pengaturan rencana {path} utuh dan ditandatangani kunci {key}",
        "the roster facts and settings of the plan {path} are intact and signed by key {key}",
    ),
    "export.facts_not_signed": (
        "data personel dan pengaturan rencana {path} tidak ditandatangani (disusun tanpa "
        "--sign-key); hanya sidiknya yang diperiksa",
        "the roster facts and settings of the plan {path} are not signed (made without "
        "--sign-key); only their fingerprint was checked",
    ),
    "export.diff_officer": ("personel NRP {who}: {field}", "member NRP {who}: {field}"),
    "export.diff_officer_record": (
        "personel NRP {who} ditambah atau dihapus",
        "member NRP {who} added or removed",
    ),
    "export.diff_unit": ("RW/dusun {who}: {field}", "unit {who}: {field}"),
    "export.diff_unit_record": (
        "RW/dusun {who} ditambah atau dihapus",
        "unit {who} added or removed",
    ),
    "export.diff_setting": ("pengaturan {who}", "setting {who}"),
    "export.diff_polres": ("nama Polres ({who})", "the Polres name ({who})"),
    "export.diff_data": (
        "sidik atau ringkasan datanya diubah",
        "the fingerprint or its field digests were edited",
    ),
    "export.diff_ringkasan": (
        "sidik di sheet {who} ('{field}') tidak sama dengan sheet tersembunyi",
        "the fingerprint in sheet {who} ('{field}') differs from the hidden sheet's",
    ),
    "export.diff_signature": ("tanda tangan: {field}", "signature: {field}"),
    "export.diff_more": ("dan {n} lagi", "and {n} more"),
}
