"""The whole problem (instance and settings) as JSON, hidden inside the plan workbook.

A printed Sprin lampiran must be re-checked against the rules before it is signed, and the
rules need facts the visible sheets do not show (training, years of service, status, the
Bhabinkamtibmas flag, home addresses).  So the plan workbook carries the instance it was
solved from in a *very hidden* sheet: Excel users do not see it, cannot unhide it from the
menu, and ``rwassign export`` can rebuild the exact instance without the original roster.

Format: ``{"format": "rwassign-instance/1", "instance": {...}, "settings": {...}}``, split
across the cells of column A (Excel allows 32,767 characters per cell; chunks stay at 30,000).
The settings are the ones the plan was solved with, so a re-check applies the same rules; the
``Ringkasan`` sheet shows them to people, but is never parsed back.  A payload without
``settings`` is read as "settings unknown" (``None``), for the caller to fill in and say so.
Ranks are stored by code and looked up again in ``rwassign.ranks``, so the table stays the
single source of rank words and groups.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook

from rwassign.model import Instance, Location, Officer, Point, SolveResult, Unit
from rwassign.ranks import by_code
from rwassign.settings import Settings

EMBED_SHEET = "_rwassign"
FORMAT = "rwassign-instance/1"
CHUNK = 30_000


def _point(p: Point | None) -> list[float] | None:
    return None if p is None else [p.lat, p.lng]


def _location(loc: Location | None) -> dict[str, Any] | None:
    return None if loc is None else dataclasses.asdict(loc)


def _unit_dict(u: Unit) -> dict[str, Any]:
    d = {f.name: getattr(u, f.name) for f in dataclasses.fields(u)}
    d["point"] = _point(u.point)
    d["source"] = _location(u.source)
    return d


def _officer_dict(o: Officer) -> dict[str, Any]:
    d = {f.name: getattr(o, f.name) for f in dataclasses.fields(o)}
    d["rank"] = o.rank.code if o.rank is not None else None
    d["home_point"] = _point(o.home_point)
    d["source"] = _location(o.source)
    return d


def settings_dict(settings: Settings) -> dict[str, Any]:
    """Every setting, JSON-ready."""
    d = dataclasses.asdict(settings)
    d["excluded_units"] = list(settings.excluded_units)
    return d


def to_json(instance: Instance, settings: Settings) -> str:
    """The instance and settings as one compact JSON text."""
    payload = {
        "format": FORMAT,
        "instance": {
            "name": instance.name,
            "units": [_unit_dict(u) for u in instance.units],
            "officers": [_officer_dict(o) for o in instance.officers],
        },
        "settings": settings_dict(settings),
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def _to_point(v: Any) -> Point | None:
    return None if v is None else Point(float(v[0]), float(v[1]))


def _to_location(v: Any) -> Location | None:
    return None if v is None else Location(**v)


def from_json(text: str) -> tuple[Instance, Settings | None]:
    """Rebuild the instance and settings (``None`` when the payload has none); ``ValueError``
    when the text is not this format."""
    try:
        payload = json.loads(text)
        if payload.get("format") != FORMAT:
            raise ValueError(f"unknown format {payload.get('format')!r}")
        raw = payload["instance"]
        units = tuple(
            Unit(**{**u, "point": _to_point(u["point"]), "source": _to_location(u["source"])})
            for u in raw["units"]
        )
        officers = tuple(
            Officer(
                **{
                    **o,
                    "rank": by_code(o["rank"]) if o["rank"] is not None else None,
                    "home_point": _to_point(o["home_point"]),
                    "source": _to_location(o["source"]),
                }
            )
            for o in raw["officers"]
        )
        instance = Instance(name=raw["name"], units=units, officers=officers)
        if payload.get("settings") is None:
            return instance, None
        s = dict(payload["settings"])
        s["excluded_units"] = tuple(s.get("excluded_units") or ())
        return instance, Settings(**s)
    except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
        raise ValueError(f"embedded instance unreadable: {exc}") from exc


def add_instance_sheet(workbook: Workbook, result: SolveResult) -> None:
    """Append the very hidden ``_rwassign`` sheet holding ``result``'s instance and settings."""
    text = to_json(result.instance, result.settings)
    ws = workbook.create_sheet(EMBED_SHEET)
    for row, start in enumerate(range(0, max(len(text), 1), CHUNK), start=1):
        cell = ws.cell(row, 1)
        cell.value = text[start : start + CHUNK]
        cell.data_type = "s"  # never a formula, even if a chunk starts with '='
    ws.sheet_state = "veryHidden"


def from_cells(cells: Iterable[Any]) -> tuple[Instance, Settings | None]:
    """The embedded instance from the column-A cells of the ``_rwassign`` sheet, in order;
    ``ValueError`` if it is damaged."""
    return from_json("".join(str(c) for c in cells if c is not None))
