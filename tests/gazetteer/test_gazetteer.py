"""The national gazetteer: names as staff type them, codes, kabupaten queries, recognition."""

from __future__ import annotations

import csv
import gzip
import io
import threading
from importlib import resources

import pytest

from rwassign import gazetteer
from rwassign.gazetteer import Gazetteer, name_key, recognise

REJANG_LEBONG = "17.02"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer.load()


def test_every_row_is_loaded_with_its_code_and_centroid(gaz: Gazetteer) -> None:
    assert len(gaz.desa) == 83_762
    assert len(gaz.kabupaten) == 514
    assert sum(d.point is None for d in gaz.desa) == 516
    kota_padang = gaz.by_code["17.02.06.1004"]
    assert (kota_padang.nama, kota_padang.kelurahan, kota_padang.jenis) == (
        "Kota Padang",
        True,
        "Kelurahan",
    )
    assert kota_padang.point is not None and round(kota_padang.point.lat, 3) == -3.402


def test_the_quick_csv_split_reads_what_the_csv_module_reads() -> None:
    ref = resources.files("rwassign.gazetteer").joinpath("data", gazetteer.DATA_FILE)
    text = gzip.decompress(ref.read_bytes()).decode("utf-8")
    assert gazetteer._csv_rows(text) == list(csv.reader(io.StringIO(text, newline="")))
    # quoted fields, an escaped quote, a line in LF alone, an empty last field
    made = 'a,"b, c",d\r\n"say ""hi""",x,\r\ne,f\ng,h\r\n'
    assert gazetteer._csv_rows(made) == list(csv.reader(io.StringIO(made, newline="")))
    with pytest.raises(ValueError, match="spans lines"):
        gazetteer._csv_rows('a,"b\r\nc",d\r\n')


def test_the_plain_name_shortcut_gives_the_word_loops_key(gaz: Gazetteer) -> None:
    names = {d.nama for d in gaz.desa} | {d.kecamatan for d in gaz.desa}
    names |= {"tj", "Tj Agung", "Agung Tj", "Sukamaju ii", "Ii Sukamaju", "lima puluh",
              "Puluh Lima", "Kel Baru", "Baru kel", "sei", "a  b", " a", "Ma'ruf"}  # fmt: skip
    assert all(gazetteer._key(n) == gazetteer._word_key(n) for n in names)


def test_the_packaged_keys_are_the_keys_of_the_packaged_data(gaz: Gazetteer) -> None:
    """The keys shipped beside the data (read at load instead of made) must be exactly each
    desa's ``name_key``: after a change of the data or of the rules, this fails until
    ``scripts/make_gazetteer_keys.py`` is run."""
    data_dir = resources.files("rwassign.gazetteer").joinpath("data")
    data = data_dir.joinpath(gazetteer.DATA_FILE).read_bytes()
    shipped = gzip.decompress(data_dir.joinpath(gazetteer.KEYS_FILE).read_bytes()).decode()
    assert shipped == gazetteer.keys_text(data)
    keys = gazetteer._packaged_keys(data, len(gaz.desa))
    assert keys is not None and keys == [name_key(d.nama) for d in gaz.desa]
    made = Gazetteer(gaz.desa)  # no keys given: made here, the same tables
    assert made.by_name == gaz.by_name
    # keys named for other data, or of another count, are never used
    assert gazetteer._packaged_keys(data + b"x", len(gaz.desa)) is None
    assert gazetteer._packaged_keys(data, len(gaz.desa) - 1) is None


def test_tables_built_on_first_use_match_the_data(gaz: Gazetteer) -> None:
    some = Gazetteer(tuple(d for d in gaz.desa if d.kode.startswith(("17.02.", "11.01."))))
    assert list(some.kabupaten) == ["11.01", "17.02"]  # in code order
    assert some.kabupaten["17.02"].desa == gaz.kabupaten["17.02"].desa
    assert some.by_code["17.02.06.1004"] is gaz.by_code["17.02.06.1004"]
    assert {k: v for k, v in gaz.kecamatan_names.items() if k.startswith("17.02.")} == {
        k: v for k, v in some.kecamatan_names.items() if k.startswith("17.02.")
    }
    assert some.find_desa("KEL. KOTA PADANG", kecamatan="Kec. Kota Padang") == [
        gaz.by_code["17.02.06.1004"]
    ]


def test_rejang_lebong_has_its_156_desa(gaz: Gazetteer) -> None:
    kab = gaz.kabupaten[REJANG_LEBONG]
    assert kab.nama == "Kabupaten Rejang Lebong" and kab.provinsi == "Bengkulu"
    assert len(kab.desa) == 156
    assert len(kab.kecamatan) == 15 and "Curup Utara" in kab.kecamatan


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Tj. Agung", "tanjung agung"),
        ("TANJUNG  AGUNG", "tanjung agung"),
        ("Sp. Tiga", "simpang 3"),
        ("Sukamaju II", "sukamaju 2"),
        ("Tounelet Satu", "tounelet 1"),
        ("Ma'ruf", "maruf"),
        ("Lima Puluh", "lima puluh"),  # a number word first is a name, not a digit
        ("RW 007", "rw 7"),
    ],
)
def test_name_keys_match_as_staff_type(typed: str, key: str) -> None:
    assert name_key(typed) == key


def test_a_real_name_that_starts_with_a_prefix_is_tried_whole_first(gaz: Gazetteer) -> None:
    # "Dusun Curup" is a kelurahan of Curup Utara; "Desa Baru" a desa 4 times in Indonesia
    (dc,) = gaz.find_desa("DUSUN CURUP", kecamatan="Kec. Curup Utara")
    assert dc.kode == "17.02.16.1001"
    assert all(d.nama == "Desa Baru" for d in gaz.find_desa("Desa Baru"))
    (kp,) = gaz.find_desa("KOTA PADANG", kecamatan="Kota Padang", kabupaten=[REJANG_LEBONG])
    assert kp.kode == "17.02.06.1004"
    # a prefix typed before a name that does not start with it is stripped
    (ta,) = gaz.find_desa("Desa Tj. Agung", kabupaten=[REJANG_LEBONG])
    assert ta.nama == "Tanjung Agung"


def test_codes_are_read_with_or_without_dots(gaz: Gazetteer) -> None:
    assert gaz.lookup_code("1702061004") == gaz.by_code["17.02.06.1004"]
    assert gaz.lookup_code(" 17.02.06.1004 ") == gaz.by_code["17.02.06.1004"]
    assert gaz.lookup_code("17.02.06") is None
    assert gaz.lookup_code("99.99.99.9999") is None


def test_a_misspelt_desa_gets_the_likely_meant_name(gaz: Gazetteer) -> None:
    assert gaz.find_desa("DUSUN CURUB", kecamatan="Curup Utara", kabupaten=[REJANG_LEBONG]) == []
    suggested = gaz.suggest_desa("DUSUN CURUB", kecamatan="Curup Utara", kabupaten=[REJANG_LEBONG])
    assert suggested[0].nama == "Dusun Curup"


def test_kabupaten_by_name_or_code_and_the_ambiguous_bare_name(gaz: Gazetteer) -> None:
    assert [k.nama for k in gaz.find_kabupaten("rejang lebong")] == ["Kabupaten Rejang Lebong"]
    assert [k.kode for k in gaz.find_kabupaten("17.02")] == [REJANG_LEBONG]
    assert [k.nama for k in gaz.find_kabupaten("Kab. Bogor")] == ["Kabupaten Bogor"]
    assert [k.nama for k in gaz.find_kabupaten("Kota Bengkulu")] == ["Kota Bengkulu"]
    assert sorted(k.nama for k in gaz.find_kabupaten("Bogor")) == [
        "Kabupaten Bogor",
        "Kota Bogor",
    ]
    assert gaz.find_kabupaten("Rejang Lebog") == []
    assert gaz.suggest_kabupaten("Rejang Lebog")[0].kode == REJANG_LEBONG


def test_kecamatan_centre_is_the_mean_of_its_desa(gaz: Gazetteer) -> None:
    (code,) = gaz.kecamatan_codes("Kec. Curup Utara", [REJANG_LEBONG])
    centre = gaz.kecamatan_point(code)
    pts = [d.point for d in gaz.kabupaten[REJANG_LEBONG].desa if d.kode.startswith(code + ".")]
    assert centre is not None and pts
    assert abs(centre.lat - sum(p.lat for p in pts if p) / len(pts)) < 1e-6


def test_two_desa_of_one_name_in_one_kecamatan_are_told_apart_by_code(gaz: Gazetteer) -> None:
    found = gaz.find_desa("Sorkam Kanan")
    assert len({d.kode for d in found}) == 2
    assert len({d.kode_kecamatan for d in found}) == 1
    assert {d.kelurahan for d in found} == {True, False}


def test_recognise_one_kabupaten_and_a_whole_kecamatan_of_another(gaz: Gazetteer) -> None:
    rl = gaz.kabupaten[REJANG_LEBONG].desa
    rows: list[tuple[object, object, object | None]] = [
        (d.kecamatan, d.nama.upper(), None) for d in rl[:30]
    ]
    lebong_kec = [d for d in gaz.kabupaten["17.07"].desa if d.kecamatan == "Amen"]
    rows += [(d.kecamatan, d.nama, None) for d in lebong_kec]
    rec = recognise(gaz, rows)
    assert rec.codes == (REJANG_LEBONG, "17.07")
    assert (rec.matched, rec.total) == (len(rows), len(rows))


def test_invented_names_are_not_recognised(gaz: Gazetteer) -> None:
    rows: list[tuple[object, object, object | None]] = [
        ("Kecamatan Satu", f"Desa Khayalan {i}", None) for i in range(20)
    ]
    rec = recognise(gaz, rows)
    assert rec.kabupaten == () and rec.total == 20


@pytest.fixture
def fresh_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has not read the gazetteer yet: a background reading some earlier test
    started (``read_input`` starts one) is waited for, then the state and its lock are new."""
    for thread in threading.enumerate():
        if thread.name == gazetteer.LOADER_THREAD:
            thread.join(30)
    monkeypatch.setattr(gazetteer, "_loaded", [])
    monkeypatch.setattr(gazetteer, "_loading", threading.Lock())


def _loaders() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == gazetteer.LOADER_THREAD]


def test_a_load_started_early_is_the_one_every_caller_gets(
    monkeypatch: pytest.MonkeyPatch, fresh_loader: None
) -> None:
    """``load_soon`` reads in one thread, a second call starts none; ``load`` arriving
    meanwhile waits for that reading instead of starting a second one, and every later call
    gets the same gazetteer."""
    reads: list[int] = []
    started, release = threading.Event(), threading.Event()
    made = Gazetteer(())

    def slow_read() -> Gazetteer:
        reads.append(1)
        started.set()
        release.wait(5)
        return made

    monkeypatch.setattr(gazetteer, "_read", slow_read)
    gazetteer.load_soon()
    assert started.wait(5)
    gazetteer.load_soon()  # already reading: no second thread
    assert len(_loaders()) == 1
    got: list[Gazetteer] = []
    waiter = threading.Thread(target=lambda: got.append(gazetteer.load()))
    waiter.start()
    waiter.join(0.2)
    assert waiter.is_alive()  # waits for the background reading
    release.set()
    waiter.join(5)
    assert got == [made] and gazetteer.load() is made and reads == [1]


def test_a_failed_early_load_is_raised_by_load(
    monkeypatch: pytest.MonkeyPatch, fresh_loader: None
) -> None:
    """The background thread keeps quiet (nothing reaches ``threading.excepthook``);
    ``load`` tries again and raises where it is asked."""
    calls: list[str] = []
    escaped: list[object] = []

    def broken() -> Gazetteer:
        calls.append(threading.current_thread().name)
        raise ValueError("unexpected gazetteer columns")

    monkeypatch.setattr(gazetteer, "_read", broken)
    monkeypatch.setattr(threading, "excepthook", escaped.append)
    gazetteer.load_soon()
    for thread in _loaders():
        thread.join(5)
    assert escaped == []
    with pytest.raises(ValueError, match="unexpected gazetteer columns"):
        gazetteer.load()
    assert calls == [gazetteer.LOADER_THREAD, threading.current_thread().name]


def test_no_thread_to_be_had_leaves_the_reading_to_load(
    monkeypatch: pytest.MonkeyPatch, fresh_loader: None
) -> None:
    """A process that cannot start a thread: ``load_soon`` does nothing, ``load`` reads."""
    made = Gazetteer(())

    def refuse(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(gazetteer, "_read", lambda: made)
    monkeypatch.setattr(threading.Thread, "start", refuse)
    gazetteer.load_soon()
    assert gazetteer._loaded == [] and gazetteer.load() is made
