"""Messages of the shortage advice (``rwassign saran``): table titles and headers of the
``Saran`` workbook, the lines printed on the terminal and the words of each row's status.

Entries follow :mod:`rwassign.i18n`: ``(id, en)`` or ``(id, en, id_hint, en_hint)``.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    "advice.row_plan": (
        "rencana satu baris saran (bukan rencana penugasan)",
        "the plan of one advice row (not an assignment plan)",
    ),
    "advice.title": (
        "Saran menghadapi kekurangan personel: {polres}",
        "Advice on the shortage of members: {polres}",
    ),
    "advice.facts": (
        "{units} {kinds} ({high} Tinggi), {eligible} personel memenuhi syarat, paling banyak "
        "{cap} {kinds} per personel; rencana hari ini menutup {covered} ({covered_high} Tinggi).",
        "{units} {kinds} ({high} Tinggi), {eligible} eligible members, at most {cap} {kinds} "
        "per member; today's plan covers {covered} ({covered_high} Tinggi).",
    ),
    # table 1: training
    "advice.training_title": (
        "1. Siapa yang dilatih Polmas ({candidates} calon: hanya belum pelatihan)",
        "1. Whom to send to the Polmas course ({candidates} candidates: only untrained)",
    ),
    "advice.training_line": (
        "latih {k} personel berikut -> +{added} {kinds} ({high} Tinggi)",
        "train these {k} members -> +{added} {kinds} ({high} Tinggi)",
    ),
    "advice.saturated": (
        "Melatih lebih dari {k} personel tidak menambah apa pun.",
        "Training more than {k} members adds nothing.",
    ),
    "advice.no_candidates": (
        "Tidak ada calon: tidak ada personel yang hanya terhalang pelatihan.",
        "No candidates: no member fails the training rule alone.",
    ),
    "advice.h_k": ("Latih (k)", "Train (k)"),
    "advice.h_saran": ("Saran", "Advice"),
    "advice.h_added": ("Tambahan {kinds}", "Added {kinds}"),
    "advice.h_high": ("Tinggi", "Tinggi (high)"),
    "advice.h_medium": ("Sedang", "Sedang (medium)"),
    "advice.h_low": ("Rendah", "Rendah (low)"),
    "advice.h_residence": ("Tambahan domisili", "Added residence"),
    "advice.h_travel": ("Perubahan jarak (km)", "Travel change (km)"),
    "advice.h_members": ("Personel yang dilatih (NRP nama)", "Members to train (NRP name)"),
    "advice.h_nested": ("Himpunan k-1 + tambahan", "Set of k-1 plus more"),
    "advice.h_status": ("Status", "Status"),
    "advice.h_gap": ("Gap", "Gap"),
    "advice.h_checked": ("Diperiksa", "Checked"),
    "advice.status_flow": ("optimal (aliran)", "optimal (flow)"),
    "advice.status_relaksasi": ("optimal (relaksasi)", "optimal (relaxation)"),
    "advice.status_cpsat": ("optimal (CP-SAT)", "optimal (CP-SAT)"),
    "advice.status_cakupan_terbukti": (
        "cakupan optimal; domisili/jarak dalam gap",
        "coverage optimal; residence/travel within the gap",
    ),
    "advice.status_batas_waktu": (
        "batas waktu: rencana terbaik dan gap",
        "time limit: best plan and its gap",
    ),
    "advice.yes": ("ya", "yes"),
    "advice.no": ("tidak", "no"),
    # table 2: kecamatan
    "advice.kecamatan_title": (
        "2. Di mana perlu tambahan personel (per kecamatan)",
        "2. Where more members are needed (per kecamatan)",
    ),
    "advice.h_kecamatan": ("Kecamatan", "Kecamatan"),
    "advice.h_polsek": ("Polsek", "Polsek"),
    "advice.h_units": ("Jumlah {kinds}", "{kinds}"),
    "advice.h_living": ("Personel memenuhi syarat berdomisili", "Eligible members living there"),
    "advice.h_open_high": ("Kosong Tinggi", "Open Tinggi"),
    "advice.h_open_medium": ("Kosong Sedang", "Open Sedang"),
    "advice.h_open_low": ("Kosong Rendah", "Open Rendah"),
    "advice.h_extra_high": (
        "Tambahan personel: semua Tinggi tertutup",
        "Extra members: every Tinggi covered",
    ),
    "advice.h_extra_all": (
        "Tambahan personel: semua tertutup",
        "Extra members: all covered",
    ),
    "advice.h_exact": ("Pasti minimum", "Proven least"),
    "advice.kecamatan_note": (
        "Tambahan = personel memenuhi syarat yang tinggal di kecamatan itu (di titik RW-nya); "
        "semua {kinds} yang tertutup hari ini di tempat lain tetap tertutup.",
        "Extra = eligible members living in that kecamatan (at its units' points); every "
        "{kinds} covered today elsewhere stays covered.",
    ),
    # table 3: settings
    "advice.settings_title": (
        "3. Bagaimana bila pengaturan diubah (setiap baris solusi eksak)",
        "3. What the settings buy (each row an exact solve)",
    ),
    "advice.h_cap": ("{kinds} per personel", "{kinds} per member"),
    "advice.h_limit": ("Batas jarak (km)", "Travel limit (km)"),
    "advice.h_covered": ("Tertutup", "Covered"),
    "advice.h_cov_high": ("Tertutup Tinggi", "Covered Tinggi"),
    "advice.h_cov_medium": ("Tertutup Sedang", "Covered Sedang"),
    "advice.h_cov_low": ("Tertutup Rendah", "Covered Rendah"),
    "advice.h_open": ("Kosong", "Open"),
    "advice.h_total_travel": ("Jarak total (km)", "Total travel (km)"),
    "advice.h_today": ("Hari ini", "Today"),
    "advice.no_limit": ("tanpa batas", "none"),
    # command line
    "advice.progress": ("menyusun saran...", "working out the advice..."),
    "advice.written": ("saran ditulis ke {path}", "advice written to {path}"),
    "advice.check_failed": (
        "pemeriksa independen menolak {n} baris saran: {rows}",
        "the independent checker rejected {n} advice rows: {rows}",
        "Ini galat program; laporkan beserta berkas masukannya.",
        "This is a bug; report it with the input file.",
    ),
    "advice.bad_max_k": (
        "--maks-latih harus 1 atau lebih, bukan {value}",
        "--maks-latih must be 1 or more, not {value}",
    ),
}
