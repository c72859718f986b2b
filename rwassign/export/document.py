"""Document details, the printed rows, and the canonical form that is fingerprinted and signed.

A ``Document`` is everything one printed file says: the details (Polda, Polres, number, date,
place, signer, texts of the order) and the rows of the lampiran in printed order.  Both
renderers (PDF, XLSX) draw only from it, and ``canonical_json`` turns it into one JSON text
with sorted keys, whose SHA-256 is the *fingerprint* printed in the footer, drawn as a QR code,
embedded in the file and signed.  ``rwassign verify`` rebuilds the ``Document`` from the
embedded JSON, so what is checked is exactly what was printed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rwassign.export.dates import DEFAULT_NUMBER_TEMPLATE, format_number, tanggal_id
from rwassign.export.errors import ExportError
from rwassign.normalize.quantities import parse_date
from rwassign.ranks import parse_rank, rank_words

FORMAT = "rwassign-lampiran/1"
KET_RESIDENT = "berdomisili"
KET_OUTSIDE = "dari luar wilayah"
BREACH_MARK = "MELANGGAR"

ROW_FIELDS = (
    "no",
    "nama",
    "pangkat",
    "nrp",
    "jabatan_kesatuan",
    "unit",
    "desa",
    "kecamatan",
    "polsek",
    "ket",
)

REQUIRED = ("polda", "polres", "nomor", "tanggal", "tempat", "penandatangan", "pangkat", "nrp")
LIST_KEYS = ("pertimbangan", "dasar", "untuk", "tembusan")
OPTIONAL = ("nomor_urut", "jabatan", "atas_nama", "judul", *LIST_KEYS)
KNOWN_KEYS = (*REQUIRED, *OPTIONAL)

KOP_LINE_MAX = 41  # Perkap 1/2023: at most 3 lines of at most 41 characters

DEFAULT_PERTIMBANGAN = (
    "bahwa dalam rangka memelihara keamanan dan ketertiban masyarakat melalui kemitraan "
    "Polri dengan warga sampai tingkat RW/dusun, perlu menunjuk personel Polres {polres_title} "
    "sebagai Polisi RW dengan surat perintah.",
)
DEFAULT_DASAR = (
    "Undang-Undang Nomor 2 Tahun 2002 tentang Kepolisian Negara Republik Indonesia;",
    "Peraturan Kepolisian Negara Republik Indonesia Nomor 1 Tahun 2021 tentang Pemolisian "
    "Masyarakat;",
    "Rencana kegiatan Sat Binmas Polres {polres_title} Tahun {tahun}.",
)
DEFAULT_UNTUK = (
    "melaksanakan tugas sebagai Polisi RW pada RW/dusun sebagaimana tercantum dalam lampiran "
    "surat perintah ini, sebagai tugas tambahan di samping tugas pokok pada kesatuan "
    "masing-masing;",
    "mengunjungi Ketua RW/Kepala Dusun dan warga sekurang-kurangnya satu kali dalam seminggu "
    "serta membuka saluran komunikasi dengan warga;",
    "melaksanakan siklus SARA (scanning, analysis, response, assessment) terhadap permasalahan "
    "kamtibmas di wilayahnya dan berkoordinasi dengan Bhabinkamtibmas desa/kelurahan setempat;",
    "melaporkan pelaksanaan tugas melalui aplikasi kepada Kapolres {polres_title} melalui Kasat "
    "Binmas;",
    "melaksanakan perintah ini dengan saksama dan penuh rasa tanggung jawab.",
)


@dataclass(frozen=True)
class Details:
    """What the document says besides its rows.  Text fields are stored as printed."""

    polda: str
    polres: str
    nomor: str
    tanggal: dt.date
    tempat: str
    penandatangan: str
    pangkat: str  # rank code, e.g. AKBP
    nrp: str
    jabatan: str
    atas_nama: str = ""
    judul: str = ""
    pertimbangan: tuple[str, ...] = ()
    dasar: tuple[str, ...] = ()
    untuk: tuple[str, ...] = ()
    tembusan: tuple[str, ...] = ()

    @property
    def kop(self) -> tuple[str, str, str]:
        """The three heading lines, naming the unit two levels up."""
        return (
            "KEPOLISIAN NEGARA REPUBLIK INDONESIA",
            f"DAERAH {self.polda}",
            f"RESOR {self.polres}",
        )

    @property
    def lampiran_header(self) -> tuple[str, str, str]:
        return (
            f"LAMPIRAN SURAT PERINTAH KAPOLRES {self.polres}",
            f"NOMOR : {self.nomor.upper()}",
            f"TANGGAL : {tanggal_id(self.tanggal).upper()}",
        )

    @property
    def signer_lines(self) -> tuple[str, ...]:
        """The position lines above the signature space (``a.n.`` first when delegated)."""
        if self.atas_nama:
            return (f"a.n. {self.atas_nama}", self.jabatan)
        return (self.jabatan,)

    @property
    def rank_line(self) -> str:
        """``AJUN KOMISARIS BESAR POLISI NRP 79051234`` (rank in words, from the code)."""
        label = "NIP" if len(self.nrp) == 18 else "NRP"
        return f"{rank_words(self.pangkat)} {label} {self.nrp}"

    def canonical(self) -> dict[str, Any]:
        return {
            "polda": self.polda,
            "polres": self.polres,
            "nomor": self.nomor,
            "tanggal": self.tanggal.isoformat(),
            "tempat": self.tempat,
            "penandatangan": self.penandatangan,
            "pangkat": self.pangkat,
            "nrp": self.nrp,
            "jabatan": self.jabatan,
            "atas_nama": self.atas_nama,
            "judul": self.judul,
            "pertimbangan": list(self.pertimbangan),
            "dasar": list(self.dasar),
            "untuk": list(self.untuk),
            "tembusan": list(self.tembusan),
        }

    @classmethod
    def from_canonical(cls, d: Mapping[str, Any]) -> Details:
        values = {k: d[k] for k in cls.__dataclass_fields__}
        values["tanggal"] = dt.date.fromisoformat(str(d["tanggal"]))
        for key in LIST_KEYS:
            values[key] = tuple(d[key])
        return cls(**values)


@dataclass(frozen=True)
class DocRow:
    """One line of the lampiran, with exactly the canonical fields."""

    no: int
    nama: str
    pangkat: str
    nrp: str
    jabatan_kesatuan: str
    unit: str
    desa: str
    kecamatan: str
    polsek: str
    ket: str

    @property
    def pangkat_nrp(self) -> str:
        return f"{self.pangkat}/{self.nrp}" if self.pangkat else self.nrp

    @property
    def flagged(self) -> bool:
        return BREACH_MARK in self.ket

    def as_list(self) -> list[Any]:
        return [getattr(self, f) for f in ROW_FIELDS]


@dataclass(frozen=True)
class Document:
    """One printed document: the whole Polres or one Polsek (``scope``)."""

    details: Details
    rows: tuple[DocRow, ...]
    scope: str = ""
    with_sprin: bool = False
    breaches: tuple[str, ...] = field(default_factory=tuple)

    def canonical(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            **self.details.canonical(),
            "cakupan": self.scope,
            "sprin": self.with_sprin,
            "pelanggaran": list(self.breaches),
            "rows": [r.as_list() for r in self.rows],
        }

    def canonical_json(self) -> str:
        return canonical_text(self.canonical())

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.canonical_json())

    @property
    def title(self) -> str:
        base = self.details.judul or f"DAFTAR PERSONEL POLISI RW POLRES {self.details.polres}"
        return f"{base} - {self.scope.upper()}" if self.scope else base


def canonical_text(obj: Mapping[str, Any]) -> str:
    """Sorted keys, no spaces, UTF-8 text as is: one text per content, whatever wrote it."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fingerprint_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_from_canonical(text: str) -> Document:
    """Rebuild a ``Document`` from embedded JSON; ``ValueError`` when it is not one."""
    try:
        d = json.loads(text)
        if d.get("format") != FORMAT:
            raise ValueError(f"unknown format {d.get('format')!r}")
        rows = tuple(DocRow(*r) for r in d["rows"])
        return Document(
            details=Details.from_canonical(d),
            rows=rows,
            scope=str(d["cakupan"]),
            with_sprin=bool(d["sprin"]),
            breaches=tuple(d["pelanggaran"]),
        )
    except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
        raise ValueError(str(exc)) from exc


# --- details from sheet / TOML / flags --------------------------------------------------------


def normalise_key(key: object) -> str:
    """``"Atas Nama"`` -> ``"atas_nama"``; a header typed by hand still finds its key."""
    return re.sub(r"[\s.\-/]+", "_", str(key).strip().casefold()).strip("_")


def merge_sources(*sources: Mapping[str, Any]) -> dict[str, Any]:
    """Later sources win key by key (a list is replaced whole, never merged)."""
    out: dict[str, Any] = {}
    for src in sources:
        for k, v in src.items():
            if v is None or (isinstance(v, str) and not v.strip()):
                continue
            out[normalise_key(k)] = v
    return out


def details_from_rows(rows: Iterable[tuple[Any, Any]]) -> dict[str, Any]:
    """A ``Dokumen`` sheet: ``KUNCI | NILAI`` rows.  A list key may repeat, one item per row."""
    out: dict[str, Any] = {}
    for key, value in rows:
        if key is None or value is None or (isinstance(value, str) and not value.strip()):
            continue
        k = normalise_key(key)
        if k in ("kunci", "key"):
            continue
        if k in LIST_KEYS:
            out.setdefault(k, []).extend(_items(value))
        else:
            out[k] = value
    return out


def _items(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [line.strip() for line in str(value).splitlines() if line.strip()]


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> str:
    t = re.sub(r"\s+", " ", text.strip()).upper()
    for p in prefixes:
        if t.startswith(p + " "):
            return t[len(p) + 1 :].strip()
    return t


def build_details(raw: Mapping[str, Any], *, default_polres: str = "") -> Details:
    """Validate and complete the merged details, or raise one ``ExportError`` naming *every*
    missing key (an operator should fix them in one go, not one per run)."""
    unknown = sorted(set(raw) - set(KNOWN_KEYS))
    if unknown:
        raise ExportError("export.detail_unknown", key=unknown[0], known=", ".join(KNOWN_KEYS))
    values = dict(raw)
    if "polres" not in values and default_polres:
        values["polres"] = default_polres
    if "nomor" not in values and "nomor_urut" in values:
        values["nomor"] = DEFAULT_NUMBER_TEMPLATE
    missing = [k for k in REQUIRED if k not in values]
    if missing:
        raise ExportError("export.details_missing", fields=", ".join(missing))

    def invalid(key: str, why: str) -> ExportError:
        return ExportError("export.detail_invalid", key=key, value=str(values[key]), why=why)

    polda = _strip_prefix(str(values["polda"]), ("POLDA", "KEPOLISIAN DAERAH", "DAERAH"))
    polres = _strip_prefix(str(values["polres"]), ("POLRES", "KEPOLISIAN RESOR", "RESOR"))
    for key, line in (("polda", f"DAERAH {polda}"), ("polres", f"RESOR {polres}")):
        if len(line) > KOP_LINE_MAX:
            raise invalid(key, f"kop '{line}' > {KOP_LINE_MAX}")
    try:
        tanggal = parse_date(values["tanggal"])
    except ValueError:
        tanggal = None
    if tanggal is None:
        raise invalid("tanggal", "15 Mei 2023 / 2023-05-15")
    match = parse_rank(str(values["pangkat"]))
    if match is None:
        raise invalid("pangkat", "AKBP / KOMPOL / ...")
    nrp = re.sub(r"\s+", "", str(values["nrp"]))
    if isinstance(values["nrp"], int) and len(nrp) < 8:
        nrp = nrp.zfill(8)
    if not re.fullmatch(r"\d{8}|\d{18}", nrp):
        raise invalid("nrp", "8 digits (NRP) or 18 (NIP)")
    serial = values.get("nomor_urut")
    serial_text = (
        str(int(serial)) if isinstance(serial, float) else (str(serial) if serial else None)
    )
    try:
        nomor = format_number(str(values["nomor"]), serial_text, tanggal)
    except ValueError:
        raise ExportError("export.details_missing", fields="nomor_urut") from None
    except (KeyError, IndexError) as exc:
        raise invalid("nomor", f"{{{exc.args[0] if exc.args else ''}}}?") from None
    fill = {"polres_title": polres.title(), "polres": polres, "tahun": str(tanggal.year)}

    def texts(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        items = _items(values[key]) if key in values else list(default)
        return tuple(_fill(t, fill) for t in items)

    atas_nama = values.get("atas_nama", "")
    if atas_nama is True or str(atas_nama).strip().casefold() in ("ya", "true", "yes"):
        atas_nama = f"KEPALA KEPOLISIAN RESOR {polres}"
    elif atas_nama is False or str(atas_nama).strip().casefold() in ("tidak", "false", "no"):
        atas_nama = ""
    atas_nama = re.sub(r"^a\.?\s*n\.?\s+", "", str(atas_nama).strip(), flags=re.IGNORECASE)
    if atas_nama and "jabatan" not in values:
        raise ExportError("export.details_missing", fields="jabatan")
    return Details(
        polda=polda,
        polres=polres,
        nomor=nomor,
        tanggal=tanggal,
        tempat=str(values["tempat"]).strip(),
        penandatangan=str(values["penandatangan"]).strip(),
        pangkat=match.rank.code,
        nrp=nrp,
        jabatan=str(values.get("jabatan") or f"KEPALA KEPOLISIAN RESOR {polres}").strip(),
        atas_nama=atas_nama.upper(),
        judul=str(values.get("judul", "")).strip(),
        pertimbangan=texts("pertimbangan", DEFAULT_PERTIMBANGAN),
        dasar=texts("dasar", DEFAULT_DASAR),
        untuk=texts("untuk", DEFAULT_UNTUK),
        tembusan=texts("tembusan", ()),
    )


def _fill(text: str, values: Mapping[str, str]) -> str:
    """Replace ``{polres_title}``-style placeholders only; other braces stay as typed."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)


def date_text(day: dt.date) -> str:
    return tanggal_id(day)
