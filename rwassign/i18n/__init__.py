"""The one message catalogue: every text a user reads, in Bahasa Indonesia and English.

Records carry a ``code`` and parameters, never text, so one problem, reason or finding can be
shown in either language, and the whole catalogue can be tested for both.  Each layer or
feature keeps its messages in a module of this package, registered once in ``CATALOGUE``:

- ``core``: plans, reasons, changes, run outcomes;
- ``reading``: the input reader;
- ``writing``: the plan writer and reader;
- ``export``: the lampiran, verify and keys;
- ``cli``: the command line;
- ``peta``: the coverage maps;
- ``template``: ``rwassign template`` and its workbook;
- ``solving``: what a status short of a proof means;
- ``formats``: the office file formats (``.xls``, ``.ods``, ``.csv``);
- ``advice``: ``rwassign saran``, the advice on the shortage;
- ``proof``: the re-check of the optimality certificate;
- ``places``: the place step: wilayah, desa names, stand-ins.

There is one way to show a message: :func:`text`, its :func:`hint`, both as one :func:`line`, and
:func:`render` for a :class:`~rwassign.model.Problem` with its place.

>>> text("cli.solving", lang="en")
'solving...'
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from rwassign.i18n import advice as advice_messages
from rwassign.i18n import (
    cli,
    core,
    export,
    formats,
    peta,
    places,
    proof,
    reading,
    solving,
    template,
    writing,
)
from rwassign.i18n.entry import Entry
from rwassign.model import Location, Problem, Severity

__all__ = [
    "CATALOGUE",
    "Entry",
    "Lang",
    "both",
    "hint",
    "line",
    "render",
    "severity_label",
    "text",
    "where",
]


class Lang(enum.StrEnum):
    """The languages of every message: Bahasa Indonesia (the default) and English."""

    ID = "id"
    EN = "en"


def _register(*layers: Mapping[str, Entry]) -> dict[str, Entry]:
    """Merge the layers' messages; a code defined twice is a bug caught at import."""
    merged: dict[str, Entry] = {}
    for layer in layers:
        twice = merged.keys() & layer.keys()
        if twice:
            raise ValueError(f"message codes defined twice: {sorted(twice)}")
        merged.update(layer)
    return merged


CATALOGUE: dict[str, Entry] = _register(
    core.MESSAGES,
    reading.MESSAGES,
    writing.MESSAGES,
    export.MESSAGES,
    cli.MESSAGES,
    peta.MESSAGES,
    template.MESSAGES,
    solving.MESSAGES,
    formats.MESSAGES,
    advice_messages.MESSAGES,
    proof.MESSAGES,
    places.MESSAGES,
)


def _localise(params: Mapping[str, Any] | None, lang: str) -> dict[str, Any]:
    """Parameters may be ``{"id": ..., "en": ...}`` dicts: pick the reader's language."""
    out: dict[str, Any] = {}
    for k, v in (params or {}).items():
        out[k] = v.get(lang, v.get("id")) if isinstance(v, dict) and "id" in v else v
    return out


def text(code: str, params: Mapping[str, Any] | None = None, lang: str = "id") -> str:
    """The message ``code`` in ``lang`` with ``params`` filled in."""
    entry = CATALOGUE[code]
    template = entry[1] if lang == "en" else entry[0]
    return template.format(**_localise(params, lang))


def hint(code: str, params: Mapping[str, Any] | None = None, lang: str = "id") -> str:
    """What the user can do about ``code``; empty where the message needs no hint."""
    entry = CATALOGUE[code]
    if len(entry) < 4:
        return ""
    template = entry[3] if lang == "en" else entry[2]
    return template.format(**_localise(params, lang))


def line(code: str, params: Mapping[str, Any] | None = None, lang: str = "id") -> str:
    """The message and its hint as one line: ``message. Saran: hint``."""
    shown = text(code, params, lang)
    advice = hint(code, params, lang)
    if advice:
        shown += (" Hint: " if lang == "en" else " Saran: ") + advice
    return shown


def both(code: str, params: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The message in both languages, as a parameter of another message (picked at render)."""
    return {"id": text(code, params, "id"), "en": text(code, params, "en")}


def where(loc: Location, lang: str = "id") -> str:
    """``file, sheet 'X', row 14, column 'NRP'`` in the chosen language."""
    sheet, row, col = ("sheet", "baris", "kolom") if lang == "id" else ("sheet", "row", "column")
    parts = [loc.file]
    if loc.sheet:
        parts.append(f"{sheet} '{loc.sheet}'")
    if loc.row is not None:
        parts.append(f"{row} {loc.row}")
    if loc.column:
        parts.append(f"{col} '{loc.column}'")
    return ", ".join(parts)


def severity_label(severity: Severity, lang: str = "id") -> str:
    """``GALAT``/``PERINGATAN`` (``ERROR``/``WARNING`` in English)."""
    if lang == "en":
        return "ERROR" if severity is Severity.ERROR else "WARNING"
    return "GALAT" if severity is Severity.ERROR else "PERINGATAN"


def render(problem: Problem, lang: str = "id") -> str:
    """One line per problem: ``GALAT file, sheet, row, column: message. Saran: hint``."""
    label = severity_label(problem.severity, lang)
    return f"{label} {where(problem.location, lang)}: {line(problem.code, problem.params, lang)}"
