"""``rwassign template``: a ready-to-fill input workbook for one kabupaten/kota.

A Polres that starts from a blank sheet types its desa names by hand, and every misspelling is
a problem later.  The template starts from the gazetteer instead: the units sheet lists every
desa/kelurahan of the kabupaten/kota (or of the kecamatan asked for) with its kecamatan,
Kemendagri code and jenis, so the clerk only fills in the number of RW/dusun per desa and, if
wanted, its kerawanan; a ``Polsek`` sheet lists every kecamatan; the roster sheet has the
headers the reader knows, with drop-down lists for the answers it understands.  Filled in, the
workbook solves without any edit.

Modules: ``wilayah`` (which desa: a kabupaten/kota or some of its kecamatan, by name or
code) and ``workbook`` (the sheets, lists and instructions, written atomically).

A template is not a Polres yet: its default name ends in :data:`TEMPLATE_SUFFIX`, which a folder
batch skips, and the instructions sheet says to save the filled copy under another name.
"""

from __future__ import annotations

from rwassign.template.wilayah import (
    TEMPLATE_SUFFIX,
    Wilayah,
    WilayahError,
    default_template_name,
    find_wilayah,
)
from rwassign.template.workbook import (
    MAX_ROSTER_ROWS,
    POLSEK_HEADER,
    ROSTER_HEADER,
    SHEET_GUIDE,
    SHEET_LISTS,
    SHEET_POLSEK,
    SHEET_ROSTER,
    SHEET_UNITS,
    UNIT_HEADER,
    build_template,
    write_template,
)

__all__ = [
    "MAX_ROSTER_ROWS",
    "POLSEK_HEADER",
    "ROSTER_HEADER",
    "SHEET_GUIDE",
    "SHEET_LISTS",
    "SHEET_POLSEK",
    "SHEET_ROSTER",
    "SHEET_UNITS",
    "TEMPLATE_SUFFIX",
    "UNIT_HEADER",
    "Wilayah",
    "WilayahError",
    "build_template",
    "default_template_name",
    "find_wilayah",
    "write_template",
]
