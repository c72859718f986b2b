"""Messages of the coverage maps (``Peta``): titles, legend entries, notes and the sheet.

Priority names (Tinggi, Sedang, Rendah) stay as the input writes them in both languages: they
are the values of the ``KERAWANAN`` column the reader typed, not words to translate.

Entries follow :mod:`rwassign.i18n`: ``(id, en)`` or ``(id, en, id_hint, en_hint)``.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    "peta.title": ("Peta cakupan Polisi RW: {area}", "Polisi RW coverage map: {area}"),
    "peta.whole": ("{polres} (seluruh Polres)", "{polres} (whole Polres)"),
    "peta.subtitle": (
        "{units} RW/dusun: {covered} terisi, {open} kosong{open_detail}; "
        "{members} personel memegang RW/dusun di sini",
        "{units} RW/dusun units: {covered} covered, {open} open{open_detail}; "
        "{members} members hold units here",
    ),
    "peta.open_detail": (
        " (Tinggi {high}, Sedang {medium}, Rendah {low})",
        " (Tinggi {high}, Sedang {medium}, Rendah {low})",
    ),
    "peta.legend.title": ("Keterangan", "Legend"),
    "peta.legend.covered": ("RW/dusun terisi ({n})", "covered unit ({n})"),
    "peta.legend.open_priority": (
        "RW/dusun kosong, {priority} ({n})",
        "open unit, {priority} ({n})",
    ),
    "peta.legend.open": ("RW/dusun kosong ({n})", "open unit ({n})"),
    "peta.legend.home": ("rumah personel bertugas ({n})", "home of an assigned member ({n})"),
    "peta.legend.reserve": (
        "rumah personel cadangan ({n})",
        "home of a reserve member ({n})",
    ),
    "peta.legend.line": ("personel -> RW/dusun yang dipegang ({n})", "member -> unit held ({n})"),
    "peta.legend.other": ("RW/dusun Polsek lain", "unit of another Polsek"),
    "peta.north": ("U", "N"),
    "peta.scale": ("{km} km", "{km} km"),
    "peta.note.projection": (
        "Utara di atas; bujur diskalakan dengan cos(lintang) agar jarak sebanding.",
        "North up; longitude scaled by cos(latitude) so that distances compare.",
    ),
    "peta.note.no_point_units": (
        "{n} RW/dusun tanpa koordinat (juga tanpa titik desa) tidak digambar.",
        "{n} units without coordinates (nor a desa point) are not drawn.",
    ),
    "peta.note.no_point_members": (
        "{n} personel bertugas tanpa titik rumah: rumah dan garisnya tidak digambar.",
        "{n} assigned members without a home point: their home and lines are not drawn.",
    ),
    "peta.note.spread": (
        "{n} RW/dusun berbagi titik dengan RW/dusun lain (titik desa): digambar melingkar "
        "di sekitar titik itu.",
        "{n} units share their point (a desa point) with others: drawn in a ring around it.",
    ),
    "peta.written": (
        "{n} peta cakupan (PNG) ditulis di {folder}",
        "{n} coverage maps (PNG) written in {folder}",
    ),
    "peta.sheet.title": ("Peta cakupan Polisi RW", "Polisi RW coverage maps"),
    "peta.sheet.file": ("berkas: {file}", "file: {file}"),
}
