"""Messages of the planning core: assignment reasons, re-plan changes, run outcomes.

Entries follow :mod:`rwassign.i18n`: ``(id, en)`` or ``(id, en, id_hint, en_hint)``.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    # reasons for assignments
    "reason.resident": ("berdomisili di {unit} ini", "lives in this {unit}"),
    "reason.pinned": (
        "dikunci operator (kolom Kunci/Tetap) di {unit} ini",
        "pinned to this {unit} by the operator (Kunci/Tetap column)",
    ),
    "reason.kept": (
        "tetap seperti rencana sebelumnya ({km} km)",
        "kept from the previous plan ({km} km)",
    ),
    "reason.home_taken": (
        "domisili {home} sudah dipegang {holder}; {unit} ini {km} km, {why}",
        "home unit {home} is held by {holder}; this {unit} is {km} km away, {why}",
    ),
    "reason.home_extra": (
        "berdomisili di {home} (juga dipegangnya); {unit} tambahan ini {km} km, {why}",
        "lives in {home} (also held); this additional {unit} is {km} km away, {why}",
    ),
    "reason.home_lower_priority": (
        "domisili {home} belum terisi, tetapi {unit} ini berprioritas {priority} ({km} km)",
        "home {home} is open, but this {unit} has {priority} priority ({km} km)",
    ),
    "reason.home_desa": (
        "berdomisili di desa {desa} ({home_kind} tidak tercatat); {unit} ini {km} km, {why}",
        "lives in desa {desa} ({home_kind} not recorded); this {unit} is {km} km away, {why}",
    ),
    "reason.why_closer_lower": (
        "{kinds} kosong yang lebih dekat berprioritas lebih rendah",
        "closer open {kinds} units have lower priority",
    ),
    "reason.why_none_closer": (
        "tidak ada {kinds} kosong yang lebih dekat",
        "no open {kinds} unit is closer",
    ),
    "reason.nearest": (
        "{unit} ini {km} km dari titik rumah, {why}",
        "this {unit} is {km} km from the home point, {why}",
    ),
    "reason.home_unknown": (
        "domisili tidak tercatat; {unit} ini {km} km menurut jarak administratif, {why}",
        "home not recorded; this {unit} is {km} km by administrative distance, {why}",
    ),
    # re-plan changes
    "change.left_roster": (
        "tidak ada lagi di roster (mutasi/pensiun)",
        "no longer in the roster (transfer/retirement)",
    ),
    "change.ineligible": ("tidak lagi memenuhi syarat: {why}", "no longer eligible: {why}"),
    "change.kept": ("tidak berubah", "unchanged"),
    "change.added": (
        "tetap memegang {kept}; ditambah {added} (personel kurang, batas wilayah per personel > 1)",
        "keeps {kept}; also takes {added} (members short, cap per member > 1)",
    ),
    "change.unit_removed": (
        "RW/dusun lamanya tidak ada lagi di daftar wilayah",
        "their previous unit no longer exists",
    ),
    "change.taken": (
        "{unit} kini dipegang {holder}: susunan ini memberi cakupan berbobot lebih tinggi "
        "(atau mematuhi kunci)",
        "{unit} is now held by {holder}: this gives higher weighted coverage (or honours a pin)",
    ),
    "change.no_longer_legal": (
        "{unit} tidak lagi dapat dipegangnya (batas jarak/jumlah wilayah yang baru) atau kini "
        "kosong demi wilayah berprioritas lebih tinggi",
        "{unit} can no longer be held (new travel/cap limit) or was left for a higher-priority "
        "unit",
    ),
    "change.unit_covered": ("kini dipegang {holder}", "now held by {holder}"),
    "change.unit_gone": (
        "RW/dusun ini tidak ada lagi di daftar wilayah; penugasan lamanya tidak berlaku",
        "this unit no longer exists; its old assignment lapses",
    ),
    # reasons for uncovered units (rwassign.explain.uncovered_reasons)
    "uncovered.no_eligible": (
        "tidak ada personel yang memenuhi syarat",
        "no eligible member at all",
    ),
    "uncovered.no_plan": (
        "tidak ada rencana dalam batas waktu",
        "no plan was found within the time limit",
    ),
    "uncovered.beyond_limit": (
        "tidak ada personel yang memenuhi syarat dalam batas jarak {km} km",
        "no eligible member within the {km} km travel limit",
    ),
    "uncovered.out_of_reach": (
        "tidak ada personel yang memenuhi syarat dalam batas jarak {limit} km dari {unit} ini; "
        "yang terdekat, {member}, berjarak {km} km",
        "no eligible member within the {limit} km travel limit of this {unit}; the nearest, "
        "{member}, is {km} km away",
    ),
    "uncovered.not_proven": (
        "{member} ({km} km) masih dapat memegang {unit} ini: pencarian berhenti pada batas waktu "
        "sebelum rencana terbukti optimal",
        "{member} ({km} km) could still take this {unit}: the search stopped at the time limit "
        "before the plan was proven optimal",
    ),
    "uncovered.left_none": (
        "tidak ada personel tersisa (lihat Ringkasan)",
        "no member left (see Ringkasan)",
    ),
    "uncovered.left_beyond": (
        "personel bebas terdekat, {member}, berjarak {km} km, di luar batas {limit} km",
        "the nearest free member, {member}, is {km} km away, beyond the {limit} km limit",
    ),
    "uncovered.higher_priority": (
        "{left}; personel terdekat, {member} ({km} km), memegang {held} berprioritas {priority}, "
        "lebih tinggi dari {unit} ini ({own})",
        "{left}; the nearest, {member} ({km} km), holds {held} of {priority} priority, "
        "above this {unit} ({own})",
    ),
    "uncovered.tie_residence": (
        "{left}; personel terdekat, {member} ({km} km), memegang {held} (prioritas sama, "
        "{own}) tempat ia berdomisili",
        "{left}; the nearest, {member} ({km} km), holds {held} (same priority, {own}), where "
        "they live",
    ),
    "uncovered.tie_travel": (
        "{left}; personel terdekat, {member} ({km} km), memegang {held} (prioritas sama, "
        "{own}) yang lebih dekat baginya ({held_km} km)",
        "{left}; the nearest, {member} ({km} km), holds {held} (same priority, {own}), closer "
        "to them ({held_km} km)",
    ),
    "uncovered.tie_even": (
        "{left}; personel terdekat, {member} ({km} km), memegang {held} (prioritas sama, "
        "{own}) yang sama jauhnya ({held_km} km)",
        "{left}; the nearest, {member} ({km} km), holds {held} (same priority, {own}), just "
        "as far ({held_km} km)",
    ),
    "uncovered.tie_kept": (
        "{left}; personel terdekat, {member} ({km} km), tetap memegang {held} (prioritas "
        "sama, {own}) seperti rencana sebelumnya",
        "{left}; the nearest, {member} ({km} km), keeps {held} (same priority, {own}) from "
        "the previous plan",
    ),
    "uncovered.nearest_pinned": (
        "{left}; personel terdekat, {member} ({km} km), dikunci operator ke {held}",
        "{left}; the nearest, {member} ({km} km), is pinned to {held} by the operator",
    ),
    "uncovered.nearest_busy": (
        "{left}; personel terdekat, {member} ({km} km), memegang {held} ({priority}, {held_km} km)",
        "{left}; the nearest, {member} ({km} km), holds {held} ({priority}, {held_km} km)",
    ),
    # officer outcomes
    "outcome.assigned": ("ditugaskan: {units}", "assigned: {units}"),
    "outcome.reserve_full": (
        "cadangan: semua RW/dusun sudah terisi",
        "reserve: every unit is covered",
    ),
    "outcome.reserve_reach": (
        "cadangan: tidak ada RW/dusun kosong dalam batas jarak",
        "reserve: no open unit within the travel limit",
    ),
    "outcome.reserve_unplanned": (
        "cadangan: pencarian berhenti pada batas waktu sebelum ia ditugaskan",
        "reserve: the search stopped at the time limit before assigning them",
    ),
    "outcome.ineligible": ("tidak memenuhi syarat: {why}", "ineligible: {why}"),
    # solver / run problems
    "run.rule_unchecked": (
        "aturan '{rule}' tidak dapat diperiksa karena kolom {column} tidak ada di roster",
        "rule '{rule}' cannot be checked: the roster has no {column} column",
        "Tambahkan kolom {column} bila aturan ini ingin diterapkan.",
        "Add a {column} column to apply this rule.",
    ),
    "run.rule_partly_unchecked": (
        "aturan '{rule}': {count} personel tanpa data pada kolom {column}; dianggap memenuhi",
        "rule '{rule}': {count} members have no value in the {column} column; treated as passing",
        "Lengkapi kolom {column} agar aturan ini diperiksa untuk semua personel.",
        "Fill in the {column} column so the rule is checked for everyone.",
    ),
    "run.pamen_allowed": (
        "Perwira Menengah diizinkan menjadi Polisi RW (pengaturan allow_pamen)",
        "Perwira Menengah allowed as Polisi RW (setting allow_pamen)",
    ),
    "config.missing": (
        "berkas pengaturan {path} tidak ditemukan",
        "settings file {path} not found",
        "Periksa nama dan folder berkas --config.",
        "Check the name and folder of the --config file.",
    ),
    "config.unreadable": (
        "berkas pengaturan tidak dapat dibaca sebagai TOML: {detail}",
        "the settings file is not valid TOML: {detail}",
        "Tulis satu pengaturan per baris, mis. max_units_per_officer = 2.",
        "Write one setting per line, e.g. max_units_per_officer = 2.",
    ),
    "config.unknown_key": (
        "pengaturan '{key}' tidak dikenal",
        "unknown setting '{key}'",
        "Lihat daftar pengaturan di README atau 'rwassign solve --help'.",
        "See the settings table in the README or 'rwassign solve --help'.",
    ),
    "config.bad_value": (
        "nilai '{value}' tidak sah untuk pengaturan '{key}' ({detail})",
        "value '{value}' is not valid for setting '{key}' ({detail})",
        "Perbaiki nilainya sesuai tabel pengaturan di README.",
        "Fix the value as the README's settings table says.",
    ),
    "settings.invalid": (
        "pengaturan tidak sah: {detail}",
        "invalid settings: {detail}",
        "Perbaiki sheet Pengaturan, berkas --config atau opsi baris perintah.",
        "Fix the Pengaturan sheet, the --config file or the command-line options.",
    ),
    "run.no_plan": (
        "tidak ada rencana dalam batas waktu {seconds} detik",
        "no plan within the {seconds} s time limit",
        "Naikkan --time-limit, atau longgarkan --max-travel-km.",
        "Raise --time-limit, or relax --max-travel-km.",
    ),
    "previous.no_table": (
        "rencana sebelumnya tidak memuat tabel dengan kolom NRP dan RW/dusun (atau ID UNIT)",
        "the previous plan has no table with NRP and unit (or ID UNIT) columns",
        "Berikan workbook keluaran rwassign, atau sheet dengan kolom Kecamatan, Desa, RW/Dusun "
        "dan NRP.",
        "Give an rwassign output workbook, or a sheet with Kecamatan, Desa, RW/Dusun and NRP.",
    ),
    "previous.bad_nrp": (
        "NRP '{value}' pada rencana sebelumnya tidak terbaca",
        "NRP '{value}' in the previous plan cannot be read",
        "Tulis NRP 8 angka (atau NIP 18 angka) sebagai teks.",
        "Write the 8-digit NRP (or 18-digit NIP) as text.",
    ),
    "previous.unit_twice": (
        "{unit} tercatat dua kali di rencana sebelumnya: baris {first_row} dan {row}",
        "{unit} appears twice in the previous plan: rows {first_row} and {row}",
        "Satu RW/dusun satu personel; hapus salah satu baris.",
        "One member per unit; delete one of the rows.",
    ),
    "previous.bad_pin": (
        "nilai Kunci '{value}' tidak dikenal",
        "pin value '{value}' is not understood",
        "Tulis Ya atau Tidak.",
        "Write Ya (yes) or Tidak (no).",
    ),
    "previous.id_mismatch": (
        "ID UNIT '{uid}' menunjuk {id_unit}, tetapi kolom Desa/RW di baris ini menyebut {unit}",
        "ID UNIT '{uid}' names {id_unit}, but the Desa/unit columns of this row say {unit}",
        "Bila baris ini disunting tangan, kosongkan sel ID UNIT-nya (Desa dan RW/Dusun yang "
        "dipakai), atau kembalikan Desa/RW-nya.",
        "If the row was edited by hand, clear its ID UNIT cell (Desa and unit are then used), "
        "or restore its Desa/unit.",
    ),
    "previous.unit_removed": (
        "{unit} (dipegang NRP {nrp}) tidak ada lagi di daftar wilayah; penugasan lamanya "
        "dilaporkan di sheet Perubahan",
        "{unit} (held by NRP {nrp}) no longer exists; its old assignment is listed in Perubahan",
    ),
    "pin.unknown_unit": (
        "kunci '{text}' tidak menunjuk satu RW/dusun",
        "pin '{text}' names no single unit",
        "Tulis nama desa dan RW/dusun, mis. 'Kampung Jawa RW 03'.",
        "Write the desa name and the unit, e.g. 'Kampung Jawa RW 03'.",
    ),
    "pin.unknown_nrp": (
        "kunci untuk NRP {nrp}, yang tidak ada di roster",
        "pin for NRP {nrp}, who is not in the roster",
        "Hapus kunci itu atau perbaiki NRP-nya.",
        "Remove the pin or fix the NRP.",
    ),
    "pin.unit_twice": (
        "{unit} dikunci untuk dua personel (juga NRP {nrp})",
        "{unit} is pinned to two members (also NRP {nrp})",
        "Satu RW/dusun hanya boleh satu kunci.",
        "A unit takes one pin only.",
    ),
    "pin.ineligible": (
        "kunci {nama} (NRP {nrp}) ke {unit} melanggar aturan '{rule}'",
        "pin of {nama} (NRP {nrp}) to {unit} breaks rule '{rule}'",
        "Personel ini tidak memenuhi syarat; hapus kuncinya atau perbaiki datanya.",
        "This member is not eligible; remove the pin or fix the data.",
    ),
    "pin.over_cap": (
        "{nama} (NRP {nrp}) dikunci ke lebih dari {cap} RW/dusun",
        "{nama} (NRP {nrp}) is pinned to more than {cap} units",
        "Kurangi kunci atau naikkan --max-units.",
        "Remove a pin or raise --max-units.",
    ),
    "pin.too_far": (
        "kunci NRP {nrp} ke {unit} berjarak {km} km, melebihi batas {limit} km",
        "pin of NRP {nrp} to {unit} is {km} km, beyond the {limit} km limit",
        "Hapus kunci itu atau longgarkan --max-travel-km.",
        "Remove the pin or relax --max-travel-km.",
    ),
    "run.check_failed": (
        "pemeriksa independen menolak rencana: {detail}",
        "the independent checker rejected the plan: {detail}",
        "Ini adalah kesalahan program; laporkan bersama berkas masukan.",
        "This is a bug; report it with the input file.",
    ),
    # findings of the independent checker (rwassign.checker), one code per finding
    "check.at_row": ("baris {rows}: {found}", "row {rows}: {found}"),
    "check.at_rows": ("baris {rows}: {found}", "rows {rows}: {found}"),
    "check.unknown_unit": ("RW/dusun '{unit}' tidak dikenal", "unknown unit '{unit}'"),
    "check.unknown_officer": (
        "personel nomor urut {index} tidak ada di roster",
        "member number {index} is not in the roster",
    ),
    "check.unknown_nrp": ("NRP '{nrp}' tidak ada di roster", "NRP '{nrp}' is not in the roster"),
    "check.unit_held_twice": (
        "{unit} dipegang {n} personel",
        "{unit} is held by {n} members",
    ),
    "check.over_cap": (
        "NRP {nrp} memegang {n} RW/dusun (maksimum {cap})",
        "NRP {nrp} holds {n} units (maximum {cap})",
    ),
    "check.ineligible": (
        "NRP {nrp} ({nama}) tidak memenuhi syarat",
        "NRP {nrp} ({nama}) is not eligible",
    ),
    "check.ineligible_for": (
        "NRP {nrp} ({nama}) tidak memenuhi syarat untuk {unit}",
        "NRP {nrp} ({nama}) is not eligible for {unit}",
    ),
    "check.too_far": (
        "NRP {nrp} ke {unit}: {km} km, melebihi batas jarak",
        "NRP {nrp} to {unit}: {km} km, beyond the travel limit",
    ),
    "check.travel_differs": (
        "NRP {nrp} ke {unit}: tercatat {km} km, dihitung ulang {recomputed} km",
        "NRP {nrp} to {unit}: reported {km} km, recomputed {recomputed} km",
    ),
    "check.residence_flag": (
        "NRP {nrp}: tanda domisili untuk {unit} keliru",
        "NRP {nrp}: wrong residence flag for {unit}",
    ),
    "check.coverage_total": (
        "cakupan yang dilaporkan tidak sesuai dengan rencana",
        "the reported coverage does not match the plan",
    ),
    "check.residence_total": (
        "jumlah domisili yang dilaporkan tidak sesuai dengan rencana",
        "the reported residence count does not match the plan",
    ),
    "check.travel_total": (
        "total jarak yang dilaporkan tidak sesuai dengan rencana",
        "the reported travel does not match the plan",
    ),
    "check.outcomes_rows": (
        "daftar hasil tidak memuat setiap baris roster tepat satu kali",
        "the outcome list does not hold every roster row once",
    ),
    "check.unit_listed_twice": (
        "satu RW/dusun tercantum dua kali",
        "a unit is listed twice",
    ),
    "check.unit_unlisted": (
        "satu RW/dusun tidak terisi dan tidak tercantum sebagai belum terisi",
        "a unit is neither covered nor listed as uncovered",
    ),
    "check.outcome_wrong": (
        "hasil baris roster nomor urut {index} keliru",
        "the outcome of roster row number {index} is wrong",
    ),
    # why a setting is unusable (rwassign.settings.validate and coerce)
    "setting.too_large": (
        "{key} harus berupa angka terhingga, paling besar {limit}",
        "{key} must be a finite number up to {limit}",
    ),
    "setting.one_or_more": ("{key} harus 1 atau lebih", "{key} must be 1 or more"),
    "setting.above_zero": ("{key} harus lebih dari 0", "{key} must be more than 0"),
    "setting.zero_or_more": ("{key} harus 0 atau lebih", "{key} must be 0 or more"),
    "setting.weights": (
        "bobot prioritas harus 1 atau lebih",
        "priority weights must be 1 or more",
    ),
    "setting.admin_km": (
        "jarak administratif harus 0 atau lebih dan naik: desa <= kecamatan <= polsek <= "
        "wilayah lain",
        "administrative distances must be 0 or more and rise: desa <= kecamatan <= polsek <= "
        "elsewhere",
    ),
    "setting.lang": ("lang harus id atau en", "lang must be id or en"),
    "setting.unknown": ("pengaturan tidak dikenal", "unknown setting"),
    "setting.empty": ("kosong", "empty"),
    "setting.expect_yes_no": ("harus ya atau tidak", "expected ya or tidak"),
    "setting.expect_number": ("harus berupa angka", "expected a number"),
    "setting.expect_whole": ("harus bilangan bulat", "expected a whole number"),
}
