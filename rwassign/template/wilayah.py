"""Which desa/kelurahan a template lists: a kabupaten/kota by name or code, or some of its
kecamatan, looked up in the gazetteer; and the template's default file name.

A name that fits nothing, or several (``Bogor`` is a kabupaten and a kota), is the user's to
decide, so it is an error that lists the candidates or the closest names, never a guess.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rwassign import i18n
from rwassign.gazetteer import Desa, Kabupaten, kecamatan_keys, load, name_key

__all__ = ["TEMPLATE_SUFFIX", "Wilayah", "WilayahError", "default_template_name", "find_wilayah"]

TEMPLATE_SUFFIX = "-template"
"""The stem of a default template name ends with this; a folder batch skips such files."""


class WilayahError(Exception):
    """The wilayah asked for names no kabupaten/kota (or kecamatan) of the gazetteer, or
    several: a usage error (exit 2).  ``code`` and ``params`` are a catalogue message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(i18n.text(code, params, "en"))
        self.code = code
        self.params = params

    def line(self, lang: str = "id") -> str:
        return i18n.line(self.code, self.params, lang)


@dataclass(frozen=True)
class Wilayah:
    """The desa/kelurahan a template lists: one kabupaten/kota, all of it or some kecamatan."""

    kabupaten: Kabupaten
    desa: tuple[Desa, ...]
    whole: bool  # the whole kabupaten/kota, not a choice of kecamatan

    @property
    def kecamatan(self) -> tuple[str, ...]:
        """Kecamatan names in code order."""
        seen: dict[str, str] = {}
        for d in self.desa:
            seen.setdefault(d.kode_kecamatan, d.kecamatan)
        return tuple(seen[k] for k in sorted(seen))

    @property
    def polres_title(self) -> str:
        """``POLRES REJANG LEBONG`` / ``POLRESTA BENGKULU``: a guess the clerk may correct."""
        prefix, _, bare = self.kabupaten.nama.partition(" ")
        word = "POLRESTA" if prefix.casefold() == "kota" else "POLRES"
        return f"{word} {bare.upper()}"


def _names(kabs: Sequence[Kabupaten]) -> str:
    return ", ".join(f"{k.nama} ({k.kode}, {k.provinsi})" for k in kabs)


def find_wilayah(query: str, kecamatan: Sequence[str] = ()) -> Wilayah:
    """The kabupaten/kota named by ``query`` (a name with or without ``Kabupaten``/``Kota``, or
    a code ``17.02``), narrowed to the ``kecamatan`` named (none: the whole of it).

    Raises :class:`WilayahError` when the name fits nothing (with the closest names), fits
    several (``Bogor``: Kabupaten Bogor and Kota Bogor, listed), or a kecamatan is not in it.
    """
    gaz = load()
    found = gaz.find_kabupaten(query)
    if not found:
        close = gaz.suggest_kabupaten(query)
        if close:
            raise WilayahError("template.unknown", query=query, close=_names(close))
        raise WilayahError("template.unknown_none", query=query)
    if len(found) > 1:
        raise WilayahError("template.ambiguous", query=query, candidates=_names(found))
    kab = found[0]
    if not kecamatan:
        return Wilayah(kab, kab.desa, True)
    codes: set[str] = set()
    for name in kecamatan:
        hit = gaz.kecamatan_codes(name, [kab.kode])
        if not hit:
            keys = kecamatan_keys(name)
            by_key = {name_key(k): k for k in kab.kecamatan}
            near = [
                by_key[c]
                for key in keys
                for c in difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.6)
            ]
            raise WilayahError(
                "template.kecamatan_unknown",
                kecamatan=name,
                kabupaten=kab.nama,
                close=", ".join(dict.fromkeys(near)) or "-",
                all=", ".join(kab.kecamatan),
            )
        codes.update(hit)
    return Wilayah(kab, tuple(d for d in kab.desa if d.kode_kecamatan in codes), False)


def default_template_name(wilayah: Wilayah) -> str:
    """``kabupaten-rejang-lebong-template.xlsx``: a name a folder batch never reads as a
    Polres (see :data:`TEMPLATE_SUFFIX`)."""
    slug = re.sub(r"[^0-9a-z]+", "-", name_key(wilayah.kabupaten.nama)).strip("-")
    return f"{slug}{TEMPLATE_SUFFIX}.xlsx"
