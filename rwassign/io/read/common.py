"""Small pieces shared by the sheet readers: the problem collector and coordinate checks."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from rwassign.model import Location, Point, Problem, Severity
from rwassign.normalize.quantities import parse_float

# A box around Indonesia (Sabang to Merauke, Rote to Miangas), with a margin.
INDONESIA_LAT = (-11.5, 6.5)
INDONESIA_LNG = (94.0, 142.0)


@dataclass
class Collector:
    """Collects every problem of a read, so the user sees all of them at once, not the first."""

    problems: list[Problem] = field(default_factory=list)
    errors_added: int = 0  # errors added through error(): a cheap per-row "did this row fail?"

    def error(self, code: str, loc: Location, /, **params: Any) -> None:
        self.problems.append(Problem(code, Severity.ERROR, loc, params))
        self.errors_added += 1

    def warn(self, code: str, loc: Location, /, **params: Any) -> None:
        self.problems.append(Problem(code, Severity.WARNING, loc, params))

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    def count_errors(self) -> int:
        """Errors added through :meth:`error` so far (compare before and after a row)."""
        return self.errors_added


def read_point(
    lat_raw: Any,
    lng_raw: Any,
    lat_loc: Location,
    lng_loc: Location,
    out: Collector,
) -> Point | None:
    """A :class:`Point` from two cells, or ``None`` with the problem recorded.

    Outside -90..90 / -180..180 is an error (the solver cannot use it); inside but outside
    Indonesia is a warning, since a missing minus sign or swapped columns are the usual cause
    and the user should look, but a Polres on the border may be right.
    """
    try:
        lat = parse_float(lat_raw)
    except ValueError:
        out.error("coords.bad_number", lat_loc, value=str(lat_raw))
        return None
    try:
        lng = parse_float(lng_raw)
    except ValueError:
        out.error("coords.bad_number", lng_loc, value=str(lng_raw))
        return None
    if lat is None and lng is None:
        return None
    if lat is None or lng is None:
        out.warn("coords.incomplete", lat_loc if lat is None else lng_loc)
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lng <= 180.0):
        out.error(
            "coords.out_of_range", lat_loc if not -90 <= lat <= 90 else lng_loc, lat=lat, lng=lng
        )
        return None
    in_lat = INDONESIA_LAT[0] <= lat <= INDONESIA_LAT[1]
    in_lng = INDONESIA_LNG[0] <= lng <= INDONESIA_LNG[1]
    if not (in_lat and in_lng):
        out.warn("coords.outside_indonesia", lat_loc if not in_lat else lng_loc, lat=lat, lng=lng)
    return Point(lat, lng)


# --- Bounds of what is read (the README's "Batas berkas masukan" table) -----------------------
# A real Polres has a few thousand RW and officers; each bound is far above that, and far below
# what would take a reader minutes or gigabytes, so a hostile or broken file ends in seconds with
# a message naming the bound.

#: Bytes of one input file on disk (a workbook is compressed; a CSV is not).
MAX_FILE_BYTES = 100 * 1024 * 1024
#: Uncompressed bytes of one part of a workbook (one sheet, the shared strings, the styles).
MAX_PART_BYTES = 64 * 1024 * 1024
#: Uncompressed bytes of all parts of a workbook together.
MAX_TOTAL_BYTES = 256 * 1024 * 1024
#: Parts (files inside the zip) of a workbook.
MAX_PARTS = 2_000
#: Rows of one sheet that may hold a value (a styled empty row further down is ignored).
MAX_ROWS = 100_000
#: Columns of one sheet that may hold a value (DSP rosters have a few dozen).
MAX_COLUMNS = 500
#: Cells of one file as read (each row up to its last value), merged-cell fill-down included.
MAX_CELLS = 600_000
#: Cell elements of all sheets of a workbook, empty styled ones included (counted on the bytes
#: before any XML is parsed: each costs parsing time even when it holds nothing).
MAX_CELL_ELEMENTS = 1_000_000
#: Characters of one cell: Excel's own limit for a cell.
MAX_TEXT = 32_767
#: Units (RW / dusun) one count cell may stand for: a real desa has a few dozen at most.
MAX_UNITS_PER_DESA = 200
#: Units of one input, by default (raised with the ``max_units`` argument of the reader).
MAX_UNITS = 50_000


def zip_problem(infos: list[Any]) -> tuple[str, dict[str, Any]] | None:
    """Why the zip directory ``infos`` (``zipfile.ZipInfo``) is too large to unpack, as a
    catalogue code and its parameters, or ``None``.

    Checked before any XML is parsed: the sizes come from the zip directory, and ``zipfile``
    never yields more bytes than a part declares (a part that lies fails its checksum), so these
    bounds hold whatever the file claims inside its XML.
    """
    if len(infos) > MAX_PARTS:
        return "file.too_many_parts", {"count": len(infos), "limit": MAX_PARTS}
    total = 0
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            return "file.part_too_large", {
                "part": info.filename,
                "size": mib(info.file_size),
                "limit": mib(MAX_PART_BYTES),
            }
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        return "file.unpacked_too_large", {"size": mib(total), "limit": mib(MAX_TOTAL_BYTES)}
    return None


def mib(size: int) -> str:
    """``67108864`` -> ``64 MB``: sizes in messages are for people, not exact."""
    return f"{size / (1024 * 1024):,.0f} MB"


_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")


def cell_elements(zf: zipfile.ZipFile) -> int:
    """The ``<c>`` elements of every sheet part of ``zf``, counted on their bytes as they
    unpack (a prefixed ``<x:c>`` too): far faster than any XML parser, in constant memory, so
    a sheet of millions of cells is refused before it is parsed."""
    count = 0
    for info in zf.infolist():
        name = info.filename
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        tail = b""
        with zf.open(info) as stream:
            while chunk := stream.read(1 << 20):
                data = tail + chunk  # a tag cut between two chunks is found in the second
                count += len(_CELL_TAG.findall(data)) - len(_CELL_TAG.findall(tail))
                tail = data[-64:]
    return count
