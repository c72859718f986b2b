"""The national gazetteer: every desa and kelurahan of Indonesia, with code and centroid.

Real Polres sheets carry desa names, rarely coordinates, and the names are typed by hand.  This
package answers the questions the reader, the template and the solver's distances ask of the
place names: which kabupaten/kota a sheet is in, which desa a typed name means, where its centre
is, and, for a name that exists nowhere, which names were probably meant.

The data (``data/desa_kelurahan_indonesia.csv.gz``, 83,762 rows, MIT, attribution in
``data/README.md``) is loaded lazily, once per process (:func:`load`, about 0.2 s), into lookup
tables keyed by normalised names (:func:`name_key`), never scanned per row.  Each desa's key
ships beside it (``data/desa_keys.txt.gz``, :func:`keys_text`), so loading does not make them.

Names match as staff type them: any case, extra spaces and punctuation, the common abbreviations
(``Tj.`` = ``Tanjung``, ``Sp.`` = ``Simpang``, ``Kp.`` = ``Kampung``, ...), Roman numerals and
number words (``Sukamaju II`` = ``Sukamaju 2``, ``Tounelet Satu`` = ``Tounelet 1``) and an
administrative prefix (``DESA``, ``KEL.``, ``KELURAHAN``).  A prefix is stripped only when the
full name is not itself a place: ``Desa Baru``, ``Dusun Curup`` and ``Kota Padang`` are names.

Pure Python and standard library only: this is domain data, below every other layer.

Long because the gazetteer is one set of lookup tables and the questions asked of them (desa
by name and code, suggestions, kecamatan, kabupaten queries, recognition) share its name keys;
split apart, each part would import the tables of the others.
"""

from __future__ import annotations

import csv
import difflib
import gc
import gzip
import hashlib
import io
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import NamedTuple

from rwassign import collector
from rwassign.model import Point

DATA_FILE = "desa_kelurahan_indonesia.csv.gz"
#: Each desa's name key, made once from the data (:func:`keys_text`), so loading skips it.
KEYS_FILE = "desa_keys.txt.gz"
KEYS_FORMAT = "rwassign-desa-keys/1"


class Desa(NamedTuple):
    """One desa or kelurahan: Kemendagri code, names as in the source, centroid if surveyed.

    A named tuple, not a dataclass: 83,762 of them are made at load, and a tuple is made
    several times faster.
    """

    kode: str  # PP.KK.CC.TDDD
    provinsi: str
    kabupaten: str  # with its "Kabupaten"/"Kota" prefix, as in the source
    kecamatan: str
    nama: str
    lat: str  # as in the source; empty for the 516 desa without a surveyed centroid
    lng: str

    @property
    def point(self) -> Point | None:
        """The centroid, parsed when asked (most of the 83,762 are never asked for)."""
        if not self.lat or not self.lng:
            return None
        return Point(float(self.lat), float(self.lng))

    @property
    def kelurahan(self) -> bool:
        """Code digit T = 1 is a kelurahan (RW); 2 a desa (dusun)."""
        return self.kode[9:10] == "1"

    @property
    def kode_kabupaten(self) -> str:
        """``17.02`` for ``17.02.06.1004``."""
        return self.kode[:5]

    @property
    def kode_kecamatan(self) -> str:
        """``17.02.06`` for ``17.02.06.1004``."""
        return self.kode[:8]

    @property
    def jenis(self) -> str:
        """``Kelurahan`` or ``Desa``, as the source writes it."""
        return "Kelurahan" if self.kelurahan else "Desa"


@dataclass(frozen=True)
class Kabupaten:
    """A kabupaten or kota: code, name with prefix, province, its kecamatan and desa."""

    kode: str  # PP.KK
    nama: str  # "Kabupaten Rejang Lebong"
    provinsi: str
    desa: tuple[Desa, ...]

    @property
    def kecamatan(self) -> tuple[str, ...]:
        """Kecamatan names in code order."""
        seen: dict[str, str] = {}
        for d in self.desa:
            seen.setdefault(d.kode_kecamatan, d.kecamatan)
        return tuple(seen[k] for k in sorted(seen))


# --- name keys ----------------------------------------------------------------------------

_ABBREVIATIONS: dict[str, str] = {
    "tj": "tanjung",
    "tg": "tanjung",
    "tjg": "tanjung",
    "sp": "simpang",
    "spg": "simpang",
    "smp": "simpang",
    "kp": "kampung",
    "kpg": "kampung",
    "kamp": "kampung",
    "sei": "sungai",
    "sg": "sungai",
    "sng": "sungai",
    "lb": "lubuk",
    "lbk": "lubuk",
    "psr": "pasar",
    "gn": "gunung",
    "gng": "gunung",
    "krg": "karang",
    "mra": "muara",
    "ds": "desa",
    "kel": "kelurahan",
    "kec": "kecamatan",
    "kab": "kabupaten",
}
_NUMBER_WORDS: dict[str, str] = {
    "satu": "1",
    "dua": "2",
    "tiga": "3",
    "empat": "4",
    "lima": "5",
    "enam": "6",
    "tujuh": "7",
    "delapan": "8",
    "sembilan": "9",
    "sepuluh": "10",
}
_ROMANS: dict[str, str] = {
    r: str(i)
    for i, r in enumerate(
        ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"), 1
    )
}
_NON_WORD_RE = re.compile(r"[^0-9a-z]+")
_DESA_PREFIXES = ("desa", "kelurahan")
_KECAMATAN_PREFIXES = ("kecamatan",)
_KABUPATEN_PREFIXES = ("kabupaten", "kota")


_LATER_WORDS = sorted({*_ABBREVIATIONS, *_NUMBER_WORDS, *_ROMANS}, key=len, reverse=True)
#: Lower-case ASCII words, one space apart: the key is the text itself ...
_PLAIN_NAME = re.compile(r"[a-z]+(?: [a-z]+)*").fullmatch
#: ... unless a word is spelt out or made a digit (``_key``'s word loop).
_SPELT = re.compile(
    rf"^(?:{'|'.join(sorted(_ABBREVIATIONS, key=len, reverse=True))})(?: |$)"
    rf"| (?:{'|'.join(_LATER_WORDS)})(?= |$)"
).search


@lru_cache(maxsize=200_000)
def _key(text: str) -> str:
    if text.isascii():  # 96 % of the gazetteer's names: two patterns instead of the word loop
        lower = text.lower()
        if _PLAIN_NAME(lower) and not _SPELT(lower):
            return lower
    return _word_key(text)


def _word_key(text: str) -> str:
    """:func:`name_key` word by word (``_key`` takes a shortcut for plain names)."""
    s = text
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    words = _NON_WORD_RE.sub(" ", s.casefold().replace("'", "").replace("`", "")).split()
    out: list[str] = []
    for i, w in enumerate(words):
        w = _ABBREVIATIONS.get(w, w)
        if i > 0:
            w = _NUMBER_WORDS.get(w, _ROMANS.get(w, w))
        if w.isdigit():
            w = str(int(w))
        out.append(w)
    return " ".join(out)


def name_key(text: object) -> str:
    """Normalised words of a place name, for matching: ``"Tj. Agung  II"`` -> ``"tanjung agung 2"``.

    Accents and apostrophes go (``Ma'ruf`` = ``Maruf``), punctuation becomes a space, the common
    abbreviations are spelt out, number words and Roman numerals (as whole words, after the first
    word, so a desa called ``Lima Puluh`` keeps its name) become digits.  No prefix is removed
    here: see :func:`key_variants`.  Cached: the same names recur in every lookup.
    """
    return _key(str(text))


def key_variants(text: object, prefixes: Sequence[str] = _DESA_PREFIXES) -> tuple[str, ...]:
    """The keys to try for a typed name, full name first, then without one leading prefix.

    ``"DESA BARU"`` gives ``("desa baru", "baru")``: the caller tries ``desa baru`` (a real desa
    name, 21 times in Indonesia) before ``baru``.
    """
    full = name_key(text)
    words = full.split(" ", 1)
    if len(words) == 2 and words[0] in prefixes:
        return full, words[1]
    return (full,)


def desa_keys(text: object) -> tuple[str, ...]:
    """:func:`key_variants` for a desa/kelurahan name."""
    return key_variants(text, _DESA_PREFIXES)


def kecamatan_keys(text: object) -> tuple[str, ...]:
    """:func:`key_variants` for a kecamatan name (``"Kec. Curup"`` -> ``kecamatan curup``,
    ``curup``)."""
    return key_variants(text, _KECAMATAN_PREFIXES)


# --- the gazetteer ------------------------------------------------------------------------


class Gazetteer:
    """Lookup tables over all desa, built once (:func:`load`).

    The table by name key (``by_name``) is built at once: every sheet asks it.  The others
    (``by_code``, ``kabupaten``, ``kecamatan_names``) on first use: a sheet of invented names,
    or one typed without codes, never needs them, and they were half of loading.  ``keys``
    are the name keys of ``desa`` in order when known (the packaged ones, :func:`_read`);
    without them, or with a wrong count, they are made here."""

    def __init__(self, desa: tuple[Desa, ...], keys: Sequence[str] | None = None) -> None:
        self.desa = desa
        if keys is None or len(keys) != len(desa):
            keys = [_key(d.nama) for d in desa]
        by_name: dict[str, list[Desa]] = {}
        known = by_name.get
        for key, d in zip(keys, desa, strict=True):
            found = known(key)
            if found is None:
                by_name[key] = [d]
            else:
                found.append(d)
        self.by_name = by_name

    @cached_property
    def by_code(self) -> dict[str, Desa]:
        """Each desa by its Kemendagri code (``PP.KK.CC.TDDD``)."""
        return {d.kode: d for d in self.desa}

    @cached_property
    def kabupaten(self) -> dict[str, Kabupaten]:
        """Each kabupaten/kota by its code (``PP.KK``), in code order."""
        groups: dict[str, list[Desa]] = {}
        for d in self.desa:
            kab = d.kode[:5]
            if kab in groups:
                groups[kab].append(d)
            else:
                groups[kab] = [d]
        return {code: Kabupaten(code, members[0].kabupaten, members[0].provinsi, tuple(members))
                for code, members in sorted(groups.items())}  # fmt: skip

    @cached_property
    def kecamatan_names(self) -> dict[str, str]:
        """Each kecamatan's name by its code (``PP.KK.CC``), as its first desa gives it."""
        names: dict[str, str] = {}
        for d in self.desa:
            names.setdefault(d.kode[:8], d.kecamatan)
        return names

    # desa --------------------------------------------------------------------------------

    def lookup_code(self, code: object) -> Desa | None:
        """The desa of a Kemendagri code typed with or without dots (``1702061004``)."""
        digits = re.sub(r"\D", "", str(code))
        if len(digits) != 10:
            return None
        return self.by_code.get(f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}")

    def find_desa(
        self,
        name: object,
        *,
        kecamatan: object | None = None,
        kabupaten: Iterable[str] | None = None,
    ) -> list[Desa]:
        """Every desa the typed ``name`` may mean, narrowed to ``kecamatan`` (a typed name) and
        ``kabupaten`` (codes) when given; the full name is tried before a prefix is stripped.

        Several results mean the name is ambiguous there (a code or the kecamatan must decide);
        none means it exists nowhere in that area: see :meth:`suggest_desa`.
        """
        kabs = None if kabupaten is None else set(kabupaten)
        kec_keys = None if kecamatan is None else set(kecamatan_keys(kecamatan))
        for key in desa_keys(name):
            found = [
                d
                for d in self.by_name.get(key, ())
                if (kabs is None or d.kode_kabupaten in kabs)
                and (kec_keys is None or name_key(d.kecamatan) in kec_keys)
            ]
            if found:
                return found
        return []

    def suggest_desa(
        self,
        name: object,
        *,
        kecamatan: object | None = None,
        kabupaten: Iterable[str] = (),
        limit: int = 3,
    ) -> list[Desa]:
        """The closest real names to a typed ``name`` that exists nowhere: those of its
        kecamatan first, then of the whole kabupaten/kota."""
        pool = [d for k in kabupaten if k in self.kabupaten for d in self.kabupaten[k].desa]
        keys = desa_keys(name)
        if kecamatan is not None:
            kec_keys = set(kecamatan_keys(kecamatan))
            near = [d for d in pool if name_key(d.kecamatan) in kec_keys]
            found = _closest(keys, near, limit)
            if found:
                return found
        return _closest(keys, pool, limit)

    # kecamatan ---------------------------------------------------------------------------

    def kecamatan_codes(self, name: object, kabupaten: Iterable[str]) -> list[str]:
        """Codes (PP.KK.CC) of the kecamatan called ``name`` in the given kabupaten/kota."""
        keys = kecamatan_keys(name)
        index = self._kecamatan_index()
        return sorted(
            code for kab in set(kabupaten) for key in keys for code in index.get((kab, key), ())
        )

    def _kecamatan_index(self) -> dict[tuple[str, str], list[str]]:
        """(kabupaten code, kecamatan name key) -> kecamatan codes, built on first use: a sheet
        asks for its kecamatan once per row, and a scan of all 7,000 per row is seconds."""
        index = self.__dict__.get("_kec_index")
        if index is None:
            index = {}
            for code, kname in self.kecamatan_names.items():
                index.setdefault((code[:5], name_key(kname)), []).append(code)
            self.__dict__["_kec_index"] = index
        return index

    def kecamatan_point(self, code: str) -> Point | None:
        """Mean centroid of a kecamatan's surveyed desa: where a desa without a centroid, or a
        home known only by kecamatan, is placed."""
        cache: dict[str, Point | None] = self.__dict__.setdefault("_kec_points", {})
        if code not in cache:
            cache[code] = self._kecamatan_point(code)
        return cache[code]

    def _kecamatan_point(self, code: str) -> Point | None:
        pts = [
            d.point
            for d in self.kabupaten[code[:5]].desa
            if d.kode_kecamatan == code and d.point is not None
        ]
        if not pts:
            return None
        return Point(
            round(sum(p.lat for p in pts) / len(pts), 6),
            round(sum(p.lng for p in pts) / len(pts), 6),
        )

    # kabupaten ---------------------------------------------------------------------------

    def find_kabupaten(self, query: object) -> list[Kabupaten]:
        """Kabupaten/kota matching a typed name or code.

        ``"17.02"``/``"1702"`` by code; ``"Kabupaten Bogor"``/``"Kab. Bogor"`` and
        ``"Kota Bogor"`` exactly; a bare ``"Bogor"`` matches both (the caller lists them).
        """
        text = str(query).strip()
        digits = re.sub(r"\D", "", text)
        if digits and re.fullmatch(r"[\d.\s]+", text) and len(digits) == 4:
            kab = self.kabupaten.get(f"{digits[:2]}.{digits[2:]}")
            return [kab] if kab else []
        key = name_key(text)
        words = key.split(" ", 1)
        wanted_prefix = words[0] if len(words) == 2 and words[0] in _KABUPATEN_PREFIXES else None
        bare = words[1] if wanted_prefix else key
        found = []
        for kab in self.kabupaten.values():
            kab_words = name_key(kab.nama).split(" ", 1)
            prefix, rest = (kab_words[0], kab_words[1]) if len(kab_words) == 2 else ("", key)
            if rest == bare and (wanted_prefix is None or wanted_prefix == prefix):
                found.append(kab)
        if not found and wanted_prefix:
            # "Kota Padang" may be typed for a kabupaten whose own name starts with Kota.
            found = [k for k in self.kabupaten.values() if name_key(k.nama).endswith(" " + key)]
        return found

    def suggest_kabupaten(self, query: object, limit: int = 5) -> list[Kabupaten]:
        """The closest kabupaten/kota names to a query that matched none."""
        key = name_key(query)
        for prefix in _KABUPATEN_PREFIXES:
            if key.startswith(prefix + " "):
                key = key[len(prefix) + 1 :]
        names: dict[str, list[Kabupaten]] = {}
        for kab in self.kabupaten.values():
            names.setdefault(name_key(kab.nama).split(" ", 1)[-1], []).append(kab)
        close = difflib.get_close_matches(key, list(names), n=limit, cutoff=0.6)
        return [k for name in close for k in names[name]][:limit]


@dataclass(frozen=True)
class Recognition:
    """Which kabupaten/kota a sheet's places are in, and how many of its rows were recognised.

    ``kabupaten`` is empty when nothing (or too little: half the rows or fewer) was recognised: a
    sheet of invented names, or a place outside the gazetteer.  ``matched`` is the number of
    rows whose desa was found in the recognised kabupaten/kota, out of ``total``.
    """

    kabupaten: tuple[Kabupaten, ...]
    matched: int
    total: int

    @property
    def codes(self) -> tuple[str, ...]:
        """The recognised kabupaten/kota codes (PP.KK)."""
        return tuple(k.kode for k in self.kabupaten)


#: Unless more than this share of its rows is recognised ("most names", issue 11), a sheet is
#: taken as outside the gazetteer: half real names and half invented ones (a test Polres, a
#: synthetic benchmark) is read as it is, not checked name by name.
RECOGNISED_SHARE = 0.5


def recognise(gaz: Gazetteer, rows: Iterable[tuple[object, object, object | None]]) -> Recognition:
    """Find the kabupaten/kota of a units sheet from its (kecamatan, desa, code) rows.

    Each row votes for the kabupaten/kota holding a desa of that name in a kecamatan of that
    name (or of that code).  The most voted one is taken; a second (and further) one only where
    a whole kecamatan of the sheet lies in it, as when a Polres covers parts of two.
    """
    table = [(kec, desa, code) for kec, desa, code in rows]
    votes: dict[str, int] = {}
    row_kabs: list[set[str]] = []
    for kec, desa, code in table:
        hit = gaz.lookup_code(code) if code not in (None, "") else None
        found = [hit] if hit is not None else gaz.find_desa(desa, kecamatan=kec)
        kabs = {d.kode_kabupaten for d in found}
        row_kabs.append(kabs)
        for k in kabs:
            votes[k] = votes.get(k, 0) + 1
    if not votes:
        return Recognition((), 0, len(table))
    primary = min(votes, key=lambda k: (-votes[k], k))
    chosen = [primary]
    by_kec: dict[str, list[set[str]]] = {}
    for (kec, _desa, _code), kabs in zip(table, row_kabs, strict=True):
        by_kec.setdefault(name_key(kec), []).append(kabs)
    for kabs_list in by_kec.values():
        if any(primary in k for k in kabs_list):
            continue
        common = set.intersection(*kabs_list) if kabs_list else set()
        for k in sorted(common):
            if k not in chosen:
                chosen.append(k)
                break
    matched = sum(1 for kabs in row_kabs if kabs & set(chosen))
    if matched <= RECOGNISED_SHARE * len(table):
        return Recognition((), matched, len(table))
    return Recognition(tuple(gaz.kabupaten[k] for k in chosen), matched, len(table))


def _closest(keys: Sequence[str], pool: Sequence[Desa], limit: int) -> list[Desa]:
    by_key: dict[str, list[Desa]] = {}
    for d in pool:
        by_key.setdefault(name_key(d.nama), []).append(d)
    scored: dict[str, float] = {}
    for key in keys:
        for cand in difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.6):
            score = difflib.SequenceMatcher(None, key, cand).ratio()
            scored[cand] = max(scored.get(cand, 0.0), score)
    best = sorted(scored, key=lambda c: (-scored[c], c))[:limit]
    return [d for c in best for d in by_key[c]][:limit]


#: The gazetteer once read (``load``), and the lock that lets one thread read it.
_loaded: list[Gazetteer] = []
_loading = threading.Lock()


def load() -> Gazetteer:
    """The gazetteer, read from the package data once per process.

    Its 83,762 records and their tables live as long as the process and hold no reference
    cycles, so the cyclic garbage collector is paused while they are built and they are then
    moved out of its reach (``gc.freeze``): every full collection used to walk all of them
    again, 13 times in 30 workbooks of a batch worker, a sixth of its CPU time.  A caller
    arriving while another thread reads it (:func:`load_soon`) waits for that reading.

    The pause is the whole process's: read in the background, cyclic garbage that another
    thread makes during those 0.2 s is not collected and is frozen with the gazetteer, once
    per process.  The reader makes none meanwhile (measured on a 5,000-unit workbook: nothing
    frozen that a collection would free).  Collecting first would cost 0.05 s and reading with
    the collector running 0.1 s, more than the thread gains.
    """
    if _loaded:
        return _loaded[0]
    with _loading:
        if not _loaded:
            with collector.paused():
                gazetteer = _read()
            gc.freeze()
            _loaded.append(gazetteer)
    return _loaded[0]


def load_soon() -> None:
    """Start reading the gazetteer in a background thread, so that it is ready (or nearly)
    when the units are placed.  The reader calls this before it opens the workbook:
    python-calamine lets go of the interpreter lock while it reads the sheets, and the
    gazetteer's 0.2 s of Python run meanwhile on the other core.  A failure, or a thread that
    cannot be started, is left to :func:`load`, which the units step calls anyway."""
    if _loaded or _loading.locked():
        return
    try:
        threading.Thread(target=_load_quietly, name=LOADER_THREAD, daemon=True).start()
    except RuntimeError:  # no thread to be had: the units step reads it itself
        return


#: The name of :func:`load_soon`'s thread.
LOADER_THREAD = "rwassign-gazetteer"


def _load_quietly() -> None:
    """``load`` in the background thread: a failure is not printed from the thread, since the
    units step's own ``load`` reads again and raises it where it is reported."""
    try:
        load()
    except Exception:
        return


def _csv_rows(text: str) -> list[list[str]]:
    """The records of the gazetteer's CSV text, as ``csv.reader`` reads them (tested on the
    whole file): a line without a quote is split on its commas, in a third of the reader's
    time; the few quoted lines (and any text not in CRLF lines) go through ``csv.reader``.  A
    quoted field that spans a CRLF would be cut in two, so an odd number of quotes raises."""
    lines = text.split("\r\n")
    if lines and lines[-1] == "":
        lines.pop()
    rows: list[list[str]] = []
    for line in lines:
        if '"' in line or "\n" in line or "\r" in line:
            if line.count('"') % 2:
                raise ValueError("gazetteer: a quoted field spans lines")
            rows.extend(csv.reader(io.StringIO(line, newline="")))
        else:
            rows.append(line.split(","))
    return rows


def _read() -> Gazetteer:
    data = resources.files(__package__).joinpath("data", DATA_FILE).read_bytes()
    reader = iter(_csv_rows(gzip.decompress(data).decode("utf-8")))
    header = next(reader)
    if header != [
        "kode",
        "provinsi",
        "kabupaten_kota",
        "kecamatan",
        "nama",
        "jenis",
        "lat",
        "lng",
    ]:
        raise ValueError(f"unexpected gazetteer columns: {header}")
    rows = [
        Desa(kode, prov, kab, kec, nama, lat, lng)
        for kode, prov, kab, kec, nama, _jenis, lat, lng in reader
    ]
    return Gazetteer(tuple(rows), _packaged_keys(data, len(rows)))


def keys_text(data: bytes) -> str:
    """The text of :data:`KEYS_FILE` for the gazetteer file ``data`` (its gzip bytes): a
    header naming the data by its SHA-256, then each desa's :func:`name_key`, one a line, in
    the data's order.  Written by ``scripts/make_gazetteer_keys.py``; a test holds the packaged
    file equal to it, so a change of the keys' rules must re-make it."""
    rows = _csv_rows(gzip.decompress(data).decode("utf-8"))[1:]
    return "\n".join([_keys_header(data), *(name_key(row[4]) for row in rows)])


def _keys_header(data: bytes) -> str:
    return f"{KEYS_FORMAT} {hashlib.sha256(data).hexdigest()}"


def _packaged_keys(data: bytes, count: int) -> list[str] | None:
    """The name keys shipped with the gazetteer (:func:`keys_text`), or ``None`` when they are
    missing or were made for other data: then :class:`Gazetteer` makes them (0.1 s)."""
    try:
        raw = resources.files(__package__).joinpath("data", KEYS_FILE).read_bytes()
    except FileNotFoundError:
        return None
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    if lines[0] != _keys_header(data) or len(lines) != count + 1:
        return None
    return lines[1:]


__all__ = [
    "Desa",
    "Gazetteer",
    "Kabupaten",
    "Recognition",
    "desa_keys",
    "kecamatan_keys",
    "key_variants",
    "load",
    "load_soon",
    "name_key",
    "recognise",
]
