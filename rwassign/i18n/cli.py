"""Messages and labels of the command-line tool: progress, summaries, batch runs.

Entries follow :mod:`rwassign.i18n`: ``(id, en)`` or ``(id, en, id_hint, en_hint)``.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    "cli.bad_column": (
        "--column harus berbentuk FIELD=\"JUDUL KOLOM\", bukan '{value}'",
        "--column must look like FIELD=\"HEADER\", not '{value}'",
    ),
    "cli.no_input": (
        "berikan satu workbook, atau --units dan --roster",
        "give one workbook, or both --units and --roster",
    ),
    "cli.errors_found": (
        "{n} galat ditemukan; tidak ada berkas yang ditulis",
        "{n} errors found; nothing was written",
    ),
    "cli.warnings": (
        "{n} peringatan (lihat sheet Peringatan)",
        "{n} warnings (see sheet Peringatan)",
    ),
    "cli.solving": ("menyusun rencana...", "solving..."),
    "cli.help_option": ("Tampilkan bantuan ini lalu keluar.", "Show this help and exit."),
    "cli.stage": ("menyusun rencana: {stage}", "solving: {stage}"),
    "cli.valid": (
        "masukan sah: {units} RW/dusun, {officers} personel, {eligible} memenuhi syarat",
        "input is valid: {units} units, {officers} members, {eligible} eligible",
    ),
    "cli.previous_missing": (
        "replan memerlukan --previous (rencana sebelumnya)",
        "replan needs --previous (the previous plan)",
    ),
    "cli.batch_output": (
        "-o hanya untuk satu berkas; untuk banyak berkas pakai --output-dir",
        "-o is for one file; for several files use --output-dir",
    ),
    "cli.batch_empty": (
        "tidak ada workbook (.xlsx/.csv) di folder yang diberikan",
        "no workbook (.xlsx/.csv) in the folder given",
    ),
    "cli.batch_file": ("{file}: {status} (kode {code})", "{file}: {status} (exit {code})"),
    "cli.batch_done": (
        "{n} berkas selesai dalam {speed} detik, {failed} gagal; rekap: {rekap}",
        "{n} files done in {speed} s, {failed} failed; summary: {rekap}",
    ),
    "cli.interrupted": (
        "dihentikan ({signal}): berkas yang belum selesai ditulis dibatalkan (berkas lama tetap "
        "seperti semula); tidak ada berkas setengah jadi atau sementara yang tertinggal",
        "stopped ({signal}): a file not yet finished was abandoned (the old one stays as it "
        "was); nothing half-written and no temporary file is left behind",
    ),
    "cli.batch_same_output": (
        "{first} dan {second} akan menulis berkas keluaran yang sama {output}; tidak ada yang "
        "dikerjakan",
        "{first} and {second} would write the same output file {output}; nothing was done",
        "Ganti nama salah satu masukan, atau kerjakan keduanya dalam dua kali jalan dengan "
        "--output-dir yang berbeda.",
        "Rename one of the inputs, or run them separately with different --output-dir folders.",
    ),
    # the library's check of the paths it is given to read (rwassign.api)
    "input.not_a_file": (
        "bukan berkas biasa (FIFO, perangkat atau soket); rwassign hanya membaca berkas yang "
        "tersimpan",
        "not a regular file (a FIFO, device or socket); rwassign reads only stored files",
        "Simpan datanya sebagai berkas (.xlsx, .csv atau .toml) lalu berikan berkas itu.",
        "Save the data as a file (.xlsx, .csv or .toml) and give that file.",
    ),
    "cli.internal": (
        "galat internal: {detail}. Laporkan bersama berkas masukan.",
        "internal error: {detail}. Please report it with the input file.",
    ),
    # the summary table printed after a plan is written (labels, left column)
    "cli.summary.title": ("rwassign", "rwassign"),
    "cli.summary.status": ("Status", "Status"),
    "cli.summary.moves": ("Perpindahan", "Moves"),
    "cli.summary.changes": ("Perubahan", "Changes"),
    "cli.summary.units": ("RW/Dusun", "Units"),
    "cli.summary.weighted": ("Cakupan berbobot", "Weighted coverage"),
    "cli.summary.eligible": ("Memenuhi syarat / ditugaskan", "Officers eligible / assigned"),
    "cli.summary.eligible_value": (
        "{eligible} / {assigned} (cadangan {reserve})",
        "{eligible} / {assigned} (cadangan {reserve})",
    ),
    "cli.summary.ineligible": ("Tidak memenuhi syarat", "Ineligible"),
    "cli.summary.residence": ("Sesuai domisili", "Residence matches"),
    "cli.summary.travel": ("Jarak km (rata-rata)", "Travel km (mean)"),
    "cli.summary.gap": ("Gap", "Gap"),
    "cli.summary.seconds": ("Detik", "Seconds"),
    "cli.summary.warnings": ("Peringatan", "Warnings"),
    "cli.summary.output": ("Keluaran", "Output"),
    # the --tradeoff table: its title and column heads
    "cli.tradeoff.title": ("Pilihan batas perpindahan", "Move budget trade-off"),
    "cli.tradeoff.max_moves": ("K", "K"),
    "cli.tradeoff.moves": ("pindah", "moves"),
    "cli.tradeoff.status": ("status", "status"),
    "cli.tradeoff.covered": ("terisi", "covered"),
    "cli.tradeoff.weighted_coverage": ("berbobot", "weighted"),
    "cli.tradeoff.residence": ("domisili", "residence"),
    "cli.tradeoff.travel_km": ("km", "km"),
}
