"""The Sprin lampiran: re-check of a (hand-edited) plan, document details, PDF and XLSX content.

A tiny hand-made Polres of two Polsek is solved once per module; every test works on a copy of
its plan workbook.  Everyone here is invented.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from rwassign import cli
from rwassign.checker import check_pairs
from rwassign.explain import solve
from rwassign.export.dates import format_number, tanggal_id
from rwassign.export.document import build_details
from rwassign.export.errors import ExportError
from rwassign.io.embed import (
    EMBED_SHEET,
    Difference,
    binding_from_json,
    differences,
    fingerprint,
    from_json,
    to_json,
)
from rwassign.io.write import write_workbook
from tests.builders import FAST, instance, north, officer, unit

runner = CliRunner()

DETAILS = """\
polda = "BENGKULU"
polres = "LEBONG"
nomor_urut = 123
tanggal = 2023-05-15
tempat = "Tubei"
penandatangan = "HENDRA WIJAYA, S.I.K., M.H."
pangkat = "AKBP"
nrp = "79051234"
"""

# Two Polsek, 40 RW: enough rows for two PDF pages.  Officer i lives in unit i; the last
# roster row is a Bhabinkamtibmas (ineligible) and the one before a reserve living nowhere.
UNITS = [
    unit(f"talang {d:02d}", n, kecamatan=kec, point=north(d * 1.0 + n * 0.1))
    for kec, desas in (("amen", range(1, 5)), ("tubei", range(5, 9)))
    for d in desas
    for n in range(1, 6)
]
OFFICERS = [
    officer(i, f"8{i + 1:03d}0{(i % 12) + 1:02d}1"[:8], home=u, nama=f"ANGGOTA NOMOR {i + 1}")
    for i, u in enumerate(UNITS)
]
BHABIN = officer(0, "85010001", "AIPDA", nama="DEDI BHABIN", bhabinkamtibmas=True)
RESERVE = officer(0, "86020002", "BRIPKA", nama="RESERVE JAUH", home_point=north(500))


def _nrp(i: int) -> str:
    return OFFICERS[i].nrp


@pytest.fixture(scope="module")
def plan_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("plan")
    inst = instance(UNITS, [*OFFICERS, RESERVE, BHABIN], name="POLRES LEBONG")
    result = solve(inst, FAST)
    assert len(result.assignments) == len(UNITS)
    write_workbook(result, d / "penugasan.xlsx")
    (d / "dokumen.toml").write_text(DETAILS, encoding="utf-8")
    return d


@pytest.fixture()
def work(plan_dir: Path, tmp_path: Path) -> Path:
    for f in plan_dir.iterdir():
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def export(work: Path, *args: str | Path) -> object:
    return runner.invoke(
        cli.app,
        [
            "export",
            str(work / "penugasan.xlsx"),
            "--dokumen",
            str(work / "dokumen.toml"),
            *map(str, args),
        ],
    )


def _plan_rows(path: Path) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(path)["Penugasan"]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def _edit_plan(path: Path, edits: dict[tuple[int, str], object]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Penugasan"]
    header = [c.value for c in ws[1]]
    for (row, column), value in edits.items():
        ws.cell(row, header.index(column) + 1, value)
    wb.save(path)


def _pdf_text(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(path).pages]


# --- embedded instance and the re-check --------------------------------------------------------


def test_instance_round_trips_through_the_hidden_sheet(plan_dir: Path) -> None:
    inst = instance(UNITS, [*OFFICERS, RESERVE, BHABIN], name="POLRES LEBONG")
    back, settings = from_json(to_json(inst, FAST))
    assert back == inst and settings == FAST
    wb = openpyxl.load_workbook(plan_dir / "penugasan.xlsx")
    assert wb[EMBED_SHEET].sheet_state == "veryHidden"


def test_the_fingerprint_hashes_the_canonical_form_of_facts_and_settings() -> None:
    """The instance's canonical text is written once and set into the hashed form by hand:
    it must be the very bytes ``json.dumps`` gives the whole form with sorted keys (accents,
    quotes and a formula-like name included), and the payload must hold the same facts."""
    import hashlib
    import json

    from rwassign.io import embed

    odd = officer(7, "91040007", nama='=HYPERLINK("x") Dédé "Ucok" Ö', home_point=north(1))
    inst = instance(UNITS, [*OFFICERS, odd], name="POLRES LEBONG Ünïcode")
    body = {"format": embed.BINDING_FORMAT, "instance": embed._instance_dict(inst),
            "settings": embed.settings_dict(FAST)}  # fmt: skip
    whole = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert fingerprint(inst, FAST) == hashlib.sha256(whole.encode("utf-8")).hexdigest()
    payload = json.loads(to_json(inst, FAST))
    assert payload["instance"] == json.loads(json.dumps(body["instance"]))  # tuples as lists
    assert payload["settings"] == json.loads(json.dumps(body["settings"]))
    assert payload["binding"]["fingerprint"] == fingerprint(inst, FAST)


def test_facts_fingerprint_is_in_ringkasan_and_the_hidden_sheet(plan_dir: Path) -> None:
    # The same fingerprint twice: in Ringkasan for people, in the hidden sheet for export; it
    # is recomputed from the facts read back, and one changed field is named.
    wb = openpyxl.load_workbook(plan_dir / "penugasan.xlsx")
    shown = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(values_only=True)}
    text = "".join(str(c.value) for c in wb[EMBED_SHEET]["A"] if c.value is not None)
    bound = binding_from_json(text)
    assert bound is not None and "signature" not in bound
    inst, settings = from_json(text)
    assert settings is not None
    assert shown["Sidik data personel dan pengaturan"] == bound["fingerprint"]
    assert bound["fingerprint"] == fingerprint(inst, settings)
    assert differences(inst, settings, bound) == []
    edited = dataclasses.replace(inst.officers[0], jabatan="KANIT")
    inst2 = dataclasses.replace(inst, officers=(edited, *inst.officers[1:]))
    who = f"{edited.nrp} ({edited.nama})"
    assert differences(inst2, settings.replace(max_travel_km=99.0), bound) == [
        Difference("officer", who, "jabatan"),
        Difference("setting", "max_travel_km", "max_travel_km"),
    ]


def test_check_pairs_names_rows_and_rules() -> None:
    inst = instance(UNITS[:3], [*OFFICERS[:3], BHABIN])
    a, b, c = (u.uid for u in UNITS[:3])
    assert check_pairs(inst, FAST, [(a, _nrp(0)), (b, _nrp(1))]) == []
    found = check_pairs(
        inst,
        FAST,
        [(a, _nrp(0)), (a, _nrp(1)), (b, "85010001"), (c, "99999999"), ("x|y|1", _nrp(0))],
    )
    details = {(v.rule, v.text("en").split(":")[0]) for v in found}
    assert ("satu_personel_per_unit", "rows 2, 3") in details  # unit a held twice
    assert ("bhabinkamtibmas", "row 4") in details
    assert ("personel", "row 5") in details  # unknown NRP
    assert ("satu_personel_per_unit", "row 6") in details  # unknown unit
    assert ("batas_unit_per_personel", "rows 2, 6") in details  # cap 1, NRP of officer 0 twice


# --- details ---------------------------------------------------------------------------------


def test_indonesian_dates_and_number_template() -> None:
    assert tanggal_id(dt.date(2023, 5, 15)) == "15 Mei 2023"
    assert format_number("Sprin/{no}/{bulan_romawi}/{tahun}", "123", dt.date(2023, 5, 15)) == (
        "Sprin/123/V/2023"
    )
    assert format_number("SPRIN/7/XII/2024", None, dt.date(2023, 5, 15)) == "SPRIN/7/XII/2024"


def test_details_missing_are_listed_together() -> None:
    with pytest.raises(ExportError) as info:
        build_details({"polda": "BENGKULU"})
    assert info.value.params["fields"] == (
        "polres, nomor, tanggal, tempat, penandatangan, pangkat, nrp"
    )


def test_details_rank_words_delegation_and_kop_limit() -> None:
    base = {
        "polda": "Polda Bengkulu",
        "polres": "Polres Lebong",
        "nomor": "Sprin/{no}/{bulan_romawi}/{tahun}",
        "nomor_urut": 9,
        "tanggal": "15 Mei 2023",
        "tempat": "Tubei",
        "penandatangan": "RUDI HARTONO, S.H.",
        "pangkat": "Kompol",
        "nrp": "76080123",
    }
    d = build_details({**base, "atas_nama": "ya", "jabatan": "WAKAPOLRES"})
    assert d.kop == ("KEPOLISIAN NEGARA REPUBLIK INDONESIA", "DAERAH BENGKULU", "RESOR LEBONG")
    assert d.signer_lines == ("a.n. KEPALA KEPOLISIAN RESOR LEBONG", "WAKAPOLRES")
    assert d.rank_line == "KOMISARIS POLISI NRP 76080123"
    assert d.lampiran_header[1:] == ("NOMOR : SPRIN/9/V/2023", "TANGGAL : 15 MEI 2023")
    with pytest.raises(ExportError) as info:
        build_details({**base, "polda": "X" * 40})
    assert info.value.params["key"] == "polda"


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_lists_every_assignment_once_in_order_with_header_on_every_page(work: Path) -> None:
    r = export(work, "--format", "pdf")
    assert r.exit_code == 0, r.output
    pdf = work / "penugasan-lampiran.pdf"
    pages = _pdf_text(pdf)
    assert len(pages) >= 2
    text = "\n".join(pages)
    expected = [
        (row["NRP"], row["PANGKAT"], row["NAMA"]) for row in _plan_rows(work / "penugasan.xlsx")
    ]
    positions = []
    for nrp, pangkat, nama in expected:
        assert text.count(f"{pangkat}/{nrp}") == 1, nrp
        positions.append(text.index(f"{pangkat}/{nrp}"))
        assert nama in text
    assert positions == sorted(positions)
    for n, page in enumerate(pages, start=1):
        assert "NO\nNAMA\nPANGKAT/NRP\nJABATAN/KESATUAN\nRW/DUSUN" in page  # header repeated
        assert f"Halaman {n} dari {len(pages)}" in page
        assert "Sidik SHA-256: " in page
    first, last = pages[0], pages[-1]
    assert "KEPOLISIAN NEGARA REPUBLIK INDONESIA" in first and "RESOR LEBONG" in first
    assert "LAMPIRAN SURAT PERINTAH KAPOLRES LEBONG" in first
    assert "SPRIN/123/V/2023" in first and "15 MEI 2023" in first
    assert "KEPOLISIAN NEGARA" not in pages[1]  # no kop after the first page
    assert "KEPALA KEPOLISIAN RESOR LEBONG" in last and "HENDRA WIJAYA" in last
    assert "AJUN KOMISARIS BESAR POLISI NRP 79051234" in last
    assert "15 Mei 2023" in last and "berdomisili" in text


def test_pdf_is_a4_landscape_with_embedded_fonts(work: Path) -> None:
    assert export(work, "--format", "pdf").exit_code == 0
    reader = PdfReader(work / "penugasan-lampiran.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descendant = font.get("/FontDescriptor")
        assert descendant is not None and "/FontFile2" in descendant.get_object(), font


def test_with_sprin_adds_the_order_before_the_lampiran(work: Path) -> None:
    assert export(work, "--format", "pdf", "--with-sprin").exit_code == 0
    pages = _pdf_text(work / "penugasan-lampiran.pdf")
    order = pages[0]
    order = " ".join(order.split())
    expected = (
        "SURAT PERINTAH",
        "Pertimbangan",
        "Dasar",
        "DIPERINTAHKAN",
        "Kepada",
        "Untuk",
        "Selesai.",
        "Dikeluarkan di",
        "pada tanggal",
        "Nomor 2 Tahun 2002",
        "Nomor 1 Tahun 2021",
        "sesuai yang tercantum dalam lampiran surat perintah ini",
    )
    for words in expected:
        assert words in order, words
    assert "LAMPIRAN SURAT PERINTAH" in pages[1]


# --- XLSX ------------------------------------------------------------------------------------


def test_xlsx_cells_merges_and_print_settings(work: Path) -> None:
    assert export(work, "--format", "xlsx").exit_code == 0
    wb = openpyxl.load_workbook(work / "penugasan-lampiran.xlsx")
    ws = wb["Lampiran"]
    assert wb["_lampiran"].sheet_state == "veryHidden"
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A1:C1", "A2:C2", "A3:C3", "F1:I1", "A5:I5"} <= merged
    assert ws["A1"].value == "KEPOLISIAN NEGARA REPUBLIK INDONESIA"
    assert ws["F2"].value == "NOMOR : SPRIN/123/V/2023"
    header_row = next(r for r in range(1, 20) if ws.cell(r, 1).value == "NO")
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.print_area.endswith(f"$I${ws.max_row}")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in ws.oddFooter.right.text
    rows = [
        r for r in ws.iter_rows(min_row=header_row + 1, values_only=True) if isinstance(r[0], int)
    ]
    plan = _plan_rows(work / "penugasan.xlsx")
    assert [r[0] for r in rows] == list(range(1, len(plan) + 1))
    assert [(r[1], r[2]) for r in rows] == [(p["NAMA"], f"{p['PANGKAT']}/{p['NRP']}") for p in plan]
    values = [c for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert "AJUN KOMISARIS BESAR POLISI NRP 79051234" in values
    assert any(m.startswith("A") and m.endswith(":I" + m.split(":I")[-1]) for m in merged)


def test_per_polsek_writes_one_document_each(work: Path) -> None:
    assert export(work, "--per-polsek").exit_code == 0
    names = sorted(p.name for p in work.glob("penugasan-lampiran*"))
    assert names == [
        "penugasan-lampiran-polsek-amen.pdf",
        "penugasan-lampiran-polsek-amen.xlsx",
        "penugasan-lampiran-polsek-tubei.pdf",
        "penugasan-lampiran-polsek-tubei.xlsx",
        "penugasan-lampiran.pdf",
        "penugasan-lampiran.xlsx",
    ]
    text = "\n".join(_pdf_text(work / "penugasan-lampiran-polsek-tubei.pdf"))
    assert "POLSEK AMEN" not in text and "POLSEK TUBEI" in text


# --- hand-edited plans -----------------------------------------------------------------------


def test_swapped_officers_are_printed_as_swapped(work: Path) -> None:
    plan = work / "penugasan.xlsx"
    rows = _plan_rows(plan)
    _edit_plan(plan, {(2, "NRP"): rows[1]["NRP"], (3, "NRP"): rows[0]["NRP"],
                      (2, "NAMA"): rows[1]["NAMA"], (3, "NAMA"): rows[0]["NAMA"]})  # fmt: skip
    assert export(work, "--format", "xlsx").exit_code == 0
    ws = openpyxl.load_workbook(work / "penugasan-lampiran.xlsx")["Lampiran"]
    table = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert table[0][1] == rows[1]["NAMA"] and table[0][4] == rows[0]["RW/DUSUN"]
    assert table[1][1] == rows[0]["NAMA"]
    assert table[0][8] == "dari luar wilayah"  # no longer serving the RW they live in


def test_name_typed_in_the_wrong_row_is_reported_and_roster_name_printed(work: Path) -> None:
    plan = work / "penugasan.xlsx"
    _edit_plan(plan, {(2, "NAMA"): "NAMA SALAH KETIK"})
    r = export(work, "--format", "xlsx")
    assert r.exit_code == 0 and "NAMA SALAH KETIK" in r.output and "baris 2" in r.output


def test_unit_found_from_names_when_id_unit_is_cleared(work: Path) -> None:
    plan = work / "penugasan.xlsx"
    rows = _plan_rows(plan)
    _edit_plan(plan, {(2, "ID UNIT"): None, (2, "RW/DUSUN"): "rw.1"})
    assert export(work, "--format", "xlsx").exit_code == 0
    ws = openpyxl.load_workbook(work / "penugasan-lampiran.xlsx")["Lampiran"]
    table = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert len(table) == len(rows) and table[0][1] == rows[0]["NAMA"]


def test_edited_rw_wins_over_a_stale_id_unit_and_is_reported(work: Path) -> None:
    # The operator swapped two members by retyping RW/DUSUN, leaving ID UNIT as it was: the
    # document prints what they typed, and says so for each row.
    plan = work / "penugasan.xlsx"
    rows = _plan_rows(plan)
    assert rows[0]["DESA/KELURAHAN"] == rows[1]["DESA/KELURAHAN"]
    _edit_plan(plan, {(2, "RW/DUSUN"): rows[1]["RW/DUSUN"], (3, "RW/DUSUN"): rows[0]["RW/DUSUN"]})
    r = export(work, "--format", "xlsx")
    assert r.exit_code == 0, r.output
    assert "baris 2: ID UNIT" in r.output and "baris 3: ID UNIT" in r.output
    ws = openpyxl.load_workbook(work / "penugasan-lampiran.xlsx")["Lampiran"]
    table = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    printed = {row[1]: row[4] for row in table}
    assert printed[rows[0]["NAMA"]] == rows[1]["RW/DUSUN"]
    assert printed[rows[1]["NAMA"]] == rows[0]["RW/DUSUN"]


def test_edited_desa_in_another_kecamatan_is_printed_as_typed(work: Path) -> None:
    # Two members swapped across kecamatan by retyping DESA and RW only: KECAMATAN and ID UNIT
    # are stale, yet the desa and number name one unit each, and those are printed.
    plan = work / "penugasan.xlsx"
    rows = _plan_rows(plan)
    a = 0
    b = next(i for i, r in enumerate(rows) if r["KECAMATAN"] != rows[0]["KECAMATAN"])
    edits = {}
    for here, there in ((a, b), (b, a)):
        edits[(here + 2, "DESA/KELURAHAN")] = rows[there]["DESA/KELURAHAN"]
        edits[(here + 2, "RW/DUSUN")] = rows[there]["RW/DUSUN"]
    _edit_plan(plan, edits)
    r = export(work, "--format", "xlsx")
    assert r.exit_code == 0, r.output
    assert f"baris {a + 2}: ID UNIT" in r.output and f"baris {b + 2}: ID UNIT" in r.output
    ws = openpyxl.load_workbook(work / "penugasan-lampiran.xlsx")["Lampiran"]
    table = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    printed = {row[1]: (row[5], row[6]) for row in table}
    for here, there in ((a, b), (b, a)):
        want = (rows[there]["DESA/KELURAHAN"], rows[there]["KECAMATAN"])
        assert printed[rows[here]["NAMA"]] == want


def test_rw_typo_keeps_the_id_unit_and_is_reported(work: Path) -> None:
    plan = work / "penugasan.xlsx"
    rows = _plan_rows(plan)
    _edit_plan(plan, {(2, "RW/DUSUN"): "RW 99"})
    r = export(work, "--format", "xlsx")
    assert r.exit_code == 0, r.output
    assert "baris 2: Desa/RW" in r.output and "RW 99" in r.output
    ws = openpyxl.load_workbook(work / "penugasan-lampiran.xlsx")["Lampiran"]
    table = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert table[0][1] == rows[0]["NAMA"] and table[0][4] == rows[0]["RW/DUSUN"]


def test_breach_stops_the_export_naming_rows_and_rules(work: Path) -> None:
    plan = work / "penugasan.xlsx"
    rows = _plan_rows(plan)
    _edit_plan(plan, {(3, "NRP"): "85010001", (4, "NRP"): "12345678", (5, "NRP"): rows[0]["NRP"]})
    r = export(work)
    assert r.exit_code == cli.EXIT_INPUT
    out = " ".join(r.output.split())
    assert "baris Penugasan 3: melanggar aturan 'menjabat Bhabinkamtibmas'" in out
    assert "baris Penugasan 4: melanggar aturan 'NRP tidak ada di roster'" in out
    assert "baris Penugasan 2, 5" in out  # NRP of row 2 now also in row 5: over the cap of 1
    assert "--force" in out
    assert not list(work.glob("penugasan-lampiran*"))


def test_force_prints_and_marks_the_breach(work: Path) -> None:
    plan = work / "penugasan.xlsx"
    _edit_plan(plan, {(3, "NRP"): "85010001"})
    r = export(work, "--force")
    assert r.exit_code == 0, r.output
    text = " ".join(" ".join(_pdf_text(work / "penugasan-lampiran.pdf")).split())
    assert "DICETAK DENGAN PELANGGARAN ATURAN" in text and "MELANGGAR: bhabinkamtibmas" in text
    assert "DEDI BHABIN" in text
    v = runner.invoke(cli.app, ["verify", str(work / "penugasan-lampiran.xlsx")])
    assert v.exit_code == 0 and "pelanggaran" in v.output


def test_missing_details_listed_and_exit_1(work: Path) -> None:
    (work / "dokumen.toml").write_text('polda = "BENGKULU"\n', encoding="utf-8")
    r = export(work)
    assert r.exit_code == cli.EXIT_INPUT
    assert "nomor, tanggal, tempat, penandatangan, pangkat, nrp" in r.output


def test_details_from_the_dokumen_sheet_and_flags(work: Path) -> None:
    plan = work / "penugasan.xlsx"
    wb = openpyxl.load_workbook(plan)
    ws = wb.create_sheet("Dokumen")
    for row in (("KUNCI", "NILAI"), ("Polda", "Bengkulu"), ("Tempat", "Tubei"),
                ("Penandatangan", "HENDRA WIJAYA"), ("Pangkat", "AKBP"), ("NRP", "79051234"),
                ("Untuk", "tugas pertama;"), ("Untuk", "tugas kedua.")):  # fmt: skip
        ws.append(row)
    wb.save(plan)
    flags = ["--nomor", "SPRIN/55/V/2023", "--tanggal", "2023-05-15"]
    r = runner.invoke(cli.app, ["export", str(plan), "--format", "pdf", "--with-sprin", *flags])
    assert r.exit_code == 0, r.output
    first = _pdf_text(work / "penugasan-lampiran.pdf")[0]
    assert "Sprin/55/V/2023".upper() in first.upper() and "tugas kedua." in first


def test_old_plan_needs_the_roster(tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "data" / "polres_lebong.xlsx"
    plan = tmp_path / "lama.xlsx"
    assert runner.invoke(cli.app, ["solve", str(source), "-o", str(plan)]).exit_code == 0
    wb = openpyxl.load_workbook(plan)
    del wb[EMBED_SHEET]
    wb.save(plan)
    (tmp_path / "d.toml").write_text(DETAILS, encoding="utf-8")
    args = ["export", str(plan), "--dokumen", str(tmp_path / "d.toml"), "--format", "xlsx"]
    r = runner.invoke(cli.app, args)
    assert r.exit_code == cli.EXIT_INPUT and "--roster" in r.output
    r = runner.invoke(cli.app, [*args, "--roster", str(source)])
    assert r.exit_code == 0, r.output


def test_a_name_the_pdf_font_cannot_draw_is_named_at_export(tmp_path: Path) -> None:
    # The PDF draws "Ā" as "A" (its font has no Ā); an order naming people must say so.
    units = UNITS[:2]
    officers = [
        officer(0, "80010011", home=units[0], nama="ABDUL GHĀNI"),
        officer(1, "80020021", home=units[1], nama="BUDI SANTOSO"),
    ]
    plan = tmp_path / "penugasan.xlsx"
    write_workbook(solve(instance(units, officers, name="POLRES LEBONG"), FAST), plan)
    (tmp_path / "dokumen.toml").write_text(DETAILS, encoding="utf-8")
    r = runner.invoke(cli.app, ["export", str(plan), "--dokumen", str(tmp_path / "dokumen.toml")])
    assert r.exit_code == 0, r.output
    assert "'ABDUL GHĀNI' dicetak 'ABDUL GHANI'" in r.output
    assert "BUDI SANTOSO" not in r.output
    ws = openpyxl.load_workbook(tmp_path / "penugasan-lampiran.xlsx")["Lampiran"]
    assert "ABDUL GHĀNI" in [c for row in ws.iter_rows(values_only=True) for c in row]
    assert (
        runner.invoke(cli.app, ["verify", str(tmp_path / "penugasan-lampiran.pdf")]).exit_code == 0
    )
