"""Messages of the place step (see :mod:`rwassign.i18n` for the format): the wilayah
recognised, desa names that exist nowhere or elsewhere, homes placed at a stand-in, and the
summary lines that say what was recognised and how each distance was measured."""

from __future__ import annotations

from rwassign.i18n.entry import Entry

_CODE_HINT_ID = (
    "Tambahkan kolom KODE DESA (kode Kemendagri PP.KK.CC.DDDD) agar desa yang bernama sama "
    "dapat dibedakan."
)
_CODE_HINT_EN = (
    "Add a KODE DESA column (Kemendagri code PP.KK.CC.DDDD) so that desa of the same name can "
    "be told apart."
)

MESSAGES: dict[str, Entry] = {
    # --- the wilayah ---------------------------------------------------------------------
    "places.not_recognised": (
        "wilayah tidak dikenali: tidak ada kabupaten/kota yang memuat sebagian besar dari {total} "
        "desa/kelurahan sheet ini; jarak memakai koordinat di sheet, selain itu jarak pengganti "
        "administratif",
        "wilayah not recognised: no kabupaten/kota holds most of this sheet's {total} "
        "desa/kelurahan; distances use the sheet's coordinates, else the administrative "
        "stand-in",
        "Periksa ejaan nama kecamatan dan desa, atau sebutkan wilayahnya: pengaturan 'wilayah' "
        '(mis. --wilayah "Rejang Lebong").',
        "Check the spelling of the kecamatan and desa names, or name the wilayah: setting "
        "'wilayah' (e.g. --wilayah \"Rejang Lebong\").",
    ),
    "places.wilayah_unknown": (
        "wilayah '{value}' tidak ada di daftar kabupaten/kota; mungkin {suggestion}?",
        "wilayah '{value}' is no kabupaten/kota of the list; perhaps {suggestion}?",
        "Tulis nama kabupaten/kota (mis. 'Rejang Lebong', 'Kota Bengkulu') atau kodenya "
        "(mis. 17.02) di pengaturan 'wilayah'.",
        "Write the kabupaten/kota name (e.g. 'Rejang Lebong', 'Kota Bengkulu') or its code "
        "(e.g. 17.02) in the 'wilayah' setting.",
    ),
    "places.wilayah_ambiguous": (
        "wilayah '{value}' cocok dengan beberapa: {candidates}",
        "wilayah '{value}' fits several: {candidates}",
        "Tulis 'Kabupaten ...' atau 'Kota ...', atau kodenya, di pengaturan 'wilayah'.",
        "Write 'Kabupaten ...' or 'Kota ...', or its code, in the 'wilayah' setting.",
    ),
    # --- desa of the units sheet ---------------------------------------------------------
    "places.desa_unknown": (
        "'{desa}' tidak ada di Kec. {kecamatan}; mungkin {suggestion}?",
        "'{desa}' does not exist in Kec. {kecamatan}; perhaps {suggestion}?",
        "Perbaiki ejaan nama desa; desa baru yang belum terdaftar: pengaturan "
        'desa_baru = ["{desa}"].',
        "Correct the spelling of the desa; for a new desa not yet listed: setting "
        'desa_baru = ["{desa}"].',
    ),
    "places.desa_other_kecamatan": (
        "'{desa}' tidak ada di Kec. {kecamatan}; ada di Kec. {found}",
        "'{desa}' is not in Kec. {kecamatan}; it is in Kec. {found}",
        "Perbaiki kecamatan baris ini, atau ejaan nama desanya.",
        "Correct this row's kecamatan, or the spelling of the desa.",
    ),
    "places.kecamatan_unknown": (
        "Kec. '{kecamatan}' tidak ada di {wilayah}; mungkin {suggestion}?",
        "Kec. '{kecamatan}' does not exist in {wilayah}; perhaps {suggestion}?",
        "Perbaiki ejaan nama kecamatan, atau sebutkan wilayah yang benar di pengaturan 'wilayah'.",
        "Correct the spelling of the kecamatan, or name the right wilayah in the 'wilayah' "
        "setting.",
    ),
    "places.desa_ambiguous": (
        "di Kec. {kecamatan} ada dua desa/kelurahan bernama '{desa}': {candidates}",
        "Kec. {kecamatan} has two desa/kelurahan called '{desa}': {candidates}",
        _CODE_HINT_ID,
        _CODE_HINT_EN,
    ),
    "places.code_elsewhere": (
        "kode desa {kode} adalah {desa} di {where}, di luar wilayah sheet ini",
        "desa code {kode} is {desa} in {where}, outside this sheet's wilayah",
        "Periksa kode desa, atau sebutkan semua kabupaten/kota di pengaturan 'wilayah'.",
        "Check the desa code, or name every kabupaten/kota in the 'wilayah' setting.",
    ),
    "places.desa_new": (
        "desa baru '{desa}' (pengaturan desa_baru) ditempatkan di pusat Kec. {kecamatan}",
        "new desa '{desa}' (setting desa_baru) placed at the centre of Kec. {kecamatan}",
        "Isi kolom LINTANG/BUJUR desa ini untuk jarak yang tepat.",
        "Fill in this desa's LINTANG/BUJUR columns for exact distances.",
    ),
    "places.desa_no_centroid": (
        "desa '{desa}' tidak punya titik pusat di daftar desa; ditempatkan di pusat "
        "Kec. {kecamatan}",
        "desa '{desa}' has no centre in the desa list; placed at the centre of Kec. {kecamatan}",
        "Isi kolom LINTANG/BUJUR desa ini untuk jarak yang tepat.",
        "Fill in this desa's LINTANG/BUJUR columns for exact distances.",
    ),
    # --- homes ---------------------------------------------------------------------------
    "places.home_unknown": (
        "desa domisili '{desa}' tidak ada di wilayah ini; mungkin {suggestion}? Jarak personel "
        "ini memakai jarak pengganti administratif",
        "home desa '{desa}' does not exist in this wilayah; perhaps {suggestion}? This member's "
        "distances use the administrative stand-in",
        "Perbaiki ejaan desa domisili, atau isi KECAMATAN DOMISILI (anggota tetap bisa "
        "ditugaskan).",
        "Correct the home desa's spelling, or fill in the home KECAMATAN (the member can still "
        "be assigned).",
    ),
    "places.home_unknown_kecamatan": (
        "desa domisili '{desa}' tidak ada di Kec. {kecamatan}; mungkin {suggestion}? Rumah "
        "ditempatkan di pusat kecamatan",
        "home desa '{desa}' does not exist in Kec. {kecamatan}; perhaps {suggestion}? The home is "
        "placed at the kecamatan's centre",
        "Perbaiki ejaan desa domisili (anggota tetap bisa ditugaskan).",
        "Correct the home desa's spelling (the member can still be assigned).",
    ),
    "places.home_kecamatan_unknown": (
        "kecamatan domisili '{kecamatan}' tidak ada di wilayah ini; mungkin {suggestion}?",
        "home kecamatan '{kecamatan}' does not exist in this wilayah; perhaps {suggestion}?",
        "Perbaiki ejaan kecamatan domisili (anggota tetap bisa ditugaskan).",
        "Correct the home kecamatan's spelling (the member can still be assigned).",
    ),
    "places.home_desa_ambiguous": (
        "desa domisili '{desa}' ada di beberapa kecamatan: {candidates}",
        "home desa '{desa}' exists in several kecamatan: {candidates}",
        "Tambahkan kolom KECAMATAN DOMISILI.",
        "Add a home KECAMATAN column.",
    ),
    "places.home_same_name": (
        "desa domisili '{desa}': satu kecamatan punya dua desa bernama ini ({candidates}); rumah "
        "ditempatkan di pusat kecamatan",
        "home desa '{desa}': one kecamatan has two desa of this name ({candidates}); the home is "
        "placed at the kecamatan's centre",
        "Isi RW/dusun domisili yang hanya ada di salah satunya.",
        "Fill in a home RW/dusun that only one of them has.",
    ),
    "places.home_at_kecamatan": (
        "domisili (desa '{desa}') ditempatkan di pusat Kec. {kecamatan}",
        "home (desa '{desa}') placed at the centre of Kec. {kecamatan}",
        "Isi desa domisili untuk jarak yang lebih tepat.",
        "Fill in the home desa for a closer distance.",
    ),
    "setting_label.wilayah": ("Wilayah (kabupaten/kota)", "Wilayah (kabupaten/kota)"),
    "setting_label.desa_baru": ("Desa baru (belum terdaftar)", "New desa (not yet listed)"),
    # --- summary lines -------------------------------------------------------------------
    "summary.places": (
        "Wilayah: {wilayah}; {recognised} dari {total} desa/kelurahan dikenali",
        "Wilayah: {wilayah}; {recognised} of {total} desa/kelurahan recognised",
    ),
    "summary.places_none": (
        "Wilayah: tidak dikenali ({total} desa/kelurahan); jarak dari koordinat sheet atau "
        "jarak pengganti administratif",
        "Wilayah: not recognised ({total} desa/kelurahan); distances from the sheet's "
        "coordinates or the administrative stand-in",
    ),
    "summary.points_units": ("Titik {word}: {counts}", "Points of the {word}: {counts}"),
    "summary.points_homes": ("Rumah personel: {counts}", "Members' homes: {counts}"),
}
