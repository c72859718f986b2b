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

The payload also carries a ``binding``: the fingerprint (SHA-256 of a canonical JSON form) of
the instance and settings, plus a six-digit digest of every field of every member, unit and
setting.  ``export`` recomputes the fingerprint, so a hand edit of this sheet (a
Bhabinkamtibmas given another jabatan) is caught, and the field digests name what changed.
Anyone can recompute a SHA-256, so the fingerprint alone stops edits, not forgers: with
``--sign-key`` the fingerprint is signed (:mod:`rwassign.export.signing`, its own context so
the signature can never pass for a lampiran's), and ``Ringkasan`` shows it for a second copy.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from json.encoder import encode_basestring
from typing import Any

from rwassign.model import Instance, Location, Officer, Point, SolveResult, Unit
from rwassign.ranks import by_code
from rwassign.settings import Settings

EMBED_SHEET = "_rwassign"
FORMAT = "rwassign-instance/1"
BINDING_FORMAT = "rwassign-facts/1"
CHUNK = 30_000
#: Hex digits of each field digest: enough to name the edited field (a clash only hides which
#: field; the full fingerprint still catches the edit), small enough for a 5,000-member roster.
FIELD_DIGITS = 6


def _point(p: Point | None) -> list[float] | None:
    return None if p is None else [p.lat, p.lng]


def _location(loc: Location | None) -> dict[str, Any] | None:
    # Its fields are plain values: no deep copy (``dataclasses.asdict``) needed, which took
    # most of the time of embedding a 10,000-unit plan.
    return None if loc is None else {"file": loc.file, "sheet": loc.sheet, "row": loc.row,
                                     "column": loc.column}  # fmt: skip


@cache
def _field_names(record: type) -> tuple[str, ...]:
    """A record type's field names (``dataclasses.fields`` rebuilds them on every call)."""
    return tuple(f.name for f in dataclasses.fields(record))


def _unit_dict(u: Unit) -> dict[str, Any]:
    d = {name: getattr(u, name) for name in _field_names(Unit)}
    d["point"] = _point(u.point)
    d["source"] = _location(u.source)
    return d


def _officer_dict(o: Officer) -> dict[str, Any]:
    d = {name: getattr(o, name) for name in _field_names(Officer)}
    d["rank"] = o.rank.code if o.rank is not None else None
    d["home_point"] = _point(o.home_point)
    d["source"] = _location(o.source)
    return d


def settings_dict(settings: Settings) -> dict[str, Any]:
    """Every setting, JSON-ready."""
    d = dataclasses.asdict(settings)
    d["excluded_units"] = list(settings.excluded_units)
    return d


def _instance_dict(instance: Instance) -> dict[str, Any]:
    return {
        "name": instance.name,
        "units": [_unit_dict(u) for u in instance.units],
        "officers": [_officer_dict(o) for o in instance.officers],
    }


def _canonical(value: Any) -> bytes:
    """One byte form per value: sorted keys, no spaces, UTF-8 (what the fingerprint hashes)."""
    return _canonical_text(value).encode("utf-8")


def _canonical_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(
    instance: Instance,
    settings: Settings,
    facts: dict[str, Any] | None = None,
    *,
    facts_text: str | None = None,
) -> str:
    """SHA-256 (hex) of the canonical form of the roster facts and the settings; ``facts``
    is ``instance`` as JSON-ready data, ``facts_text`` its canonical text, when the caller
    has them already (they are large: the text is written once for the hash and the payload).
    """
    if facts_text is None:
        facts_text = _canonical_text(_instance_dict(instance) if facts is None else facts)
    # _canonical({"format": ..., "instance": facts, "settings": ...}): its keys sort in this
    # order, so the instance's canonical text goes in as it is (tested equal)
    text = (
        f'{{"format":{_canonical_text(BINDING_FORMAT)},"instance":{facts_text},'
        f'"settings":{_canonical_text(settings_dict(settings))}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _short(value: Any) -> str:
    """The short digest of one field: remembered for a value of exactly one of the types of
    :data:`_TYPED`, digested afresh otherwise."""
    remembered = _TYPED.get(value.__class__)
    return remembered(value) if remembered is not None else _digest(value)


def _digest(value: Any) -> str:
    return hashlib.sha256(_field_bytes(value)).hexdigest()[:FIELD_DIGITS]


#: :func:`_short` remembered per type, for the types whose values are equal as keys exactly
#: when equal as JSON (floats are not: ``0.0 == -0.0``; the type itself keeps ``True`` and
#: ``1`` apart): most fields repeat (ranks, places, yes/no, empty cells), and a 10,000-unit
#: plan digests over 200,000 of them, a whole column at a time by ``map``.
_TYPED: dict[type, Callable[[Any], str]] = {
    kind: lru_cache(maxsize=1 << 16)(_digest) for kind in (str, int, bool, type(None))
}


def _field_bytes(value: Any) -> bytes:
    """:func:`_canonical` of one field without the general JSON encoder, whose set-up per call
    dominated: a 10,000-unit plan has over 200,000 fields to digest.  JSON's own types only
    (anything else goes to the encoder, which raises as before)."""
    return _json_text(value).encode("utf-8")


def _json_text(value: Any) -> str:
    kind = value.__class__  # the types a record holds first, without isinstance's detour
    if kind is str:
        return encode_basestring(value)
    if kind is float and math.isfinite(value):
        return float.__repr__(value)
    if kind is list:
        return "[" + ",".join(map(_json_text, value)) + "]"
    if kind is dict and all(k.__class__ is str for k in value):
        items = sorted(value.items())
        return "{" + ",".join([f"{encode_basestring(k)}:{_json_text(v)}" for k, v in items]) + "}"
    if isinstance(value, str):
        return str(encode_basestring(value))
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    if isinstance(value, list | tuple):
        return "[" + ",".join(_json_text(v) for v in value) + "]"
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        items = sorted(value.items())
        return "{" + ",".join(f"{encode_basestring(k)}:{_json_text(v)}" for k, v in items) + "}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _record_digests(records: list[dict[str, Any]], key: str) -> dict[str, str]:
    """Per record (by ``key``): the short digests of its fields in sorted field order.

    A field at a time when every record has the same fields (always, for the records of one
    kind): a column of one remembered type (:data:`_TYPED`) is digested by ``map`` over its
    memory, no call of ours per field; any other column value by value (:func:`_short`).
    Field by field, a 5,000-unit plan's 112,000 fields were a tenth of writing it."""
    if not records:
        return {}
    names = tuple(records[0])
    if any(tuple(r) != names for r in records):
        return {str(r[key]): "".join([_short(r[f]) for f in sorted(r)]) for r in records}
    columns = []
    for name in sorted(names):
        values = [r[name] for r in records]
        kinds = set(map(type, values))
        digest = _TYPED.get(kinds.pop()) if len(kinds) == 1 else None
        columns.append(list(map(digest or _short, values)))
    return dict(
        zip([str(r[key]) for r in records], map("".join, zip(*columns, strict=True)), strict=True)
    )


def binding(
    instance: Instance,
    settings: Settings,
    signature: dict[str, Any] | None = None,
    facts: dict[str, Any] | None = None,
    *,
    facts_text: str | None = None,
) -> dict[str, Any]:
    """The fingerprint, the field digests that name a difference, and ``signature``
    (``facts``, ``facts_text``: as for :func:`fingerprint`)."""
    facts = _instance_dict(instance) if facts is None else facts
    out: dict[str, Any] = {
        "format": BINDING_FORMAT,
        "fingerprint": fingerprint(instance, settings, facts, facts_text=facts_text),
        "name": _short(facts["name"]),
        "officers": _record_digests(facts["officers"], "nrp"),
        "units": _record_digests(facts["units"], "uid"),
        "settings": {k: _short(v) for k, v in settings_dict(settings).items()},
    }
    if signature is not None:
        out["signature"] = signature
    return out


@dataclass(frozen=True)
class Difference:
    """One thing that differs from what a plan was made with: ``kind`` is ``"officer"``,
    ``"unit"``, ``"setting"`` or ``"polres"``; ``who`` names the record (NRP and name, unit id,
    setting key); ``field`` the field (``"*"``: the record itself was added or removed)."""

    kind: str
    who: str
    field: str


def differences(instance: Instance, settings: Settings, bound: dict[str, Any]) -> list[Difference]:
    """What of ``instance`` and ``settings`` differs from the ``bound`` facts; empty when the
    fingerprint matches.  A mismatch no field digest explains (the digests edited too) is one
    ``Difference("data", "-", "*")``."""
    if bound.get("fingerprint") == fingerprint(instance, settings):
        return []
    facts = _instance_dict(instance)
    out: list[Difference] = []
    if bound.get("name") != _short(facts["name"]):
        out.append(Difference("polres", str(facts["name"]), "name"))
    names = {o["nrp"]: f"{o['nrp']} ({o['nama']})" for o in facts["officers"]}
    for kind, records, key in (("officer", facts["officers"], "nrp"),
                               ("unit", facts["units"], "uid")):  # fmt: skip
        stored = bound.get(f"{kind}s") or {}
        now = {str(r[key]): r for r in records}
        for ident, record in now.items():
            who = names.get(ident, ident)
            digest = stored.get(ident)
            if not isinstance(digest, str):
                out.append(Difference(kind, who, "*"))
                continue
            fields = sorted(record)
            for i, name in enumerate(fields):
                part = digest[i * FIELD_DIGITS : (i + 1) * FIELD_DIGITS]
                if part != _short(record[name]):
                    out.append(Difference(kind, who, name))
        out.extend(Difference(kind, ident, "*") for ident in stored if ident not in now)
    stored_settings = bound.get("settings") or {}
    for k, v in settings_dict(settings).items():
        if stored_settings.get(k) != _short(v):
            out.append(Difference("setting", k, k))
    return out or [Difference("data", "-", "*")]


def to_json(instance: Instance, settings: Settings, signature: dict[str, Any] | None = None) -> str:
    """The instance, settings and their binding (:func:`binding`) as one compact JSON text."""
    return _payload(instance, settings, signature)[1]


def _payload(
    instance: Instance, settings: Settings, signature: dict[str, Any] | None
) -> tuple[dict[str, Any], str]:
    """The binding and the payload text, from one JSON form of the instance (it is large)."""
    facts = _instance_dict(instance)
    facts_text = _canonical_text(facts)
    bound = binding(instance, settings, signature, facts, facts_text=facts_text)
    return bound, _payload_text(facts_text, settings, bound)


def _payload_text(facts_text: str, settings: Settings, bound: dict[str, Any]) -> str:
    """``{"format", "instance", "settings", "binding"}``, the instance as its canonical text
    (the one the fingerprint hashes: written once for both)."""

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    return (
        f'{{"format":{compact(FORMAT)},"instance":{facts_text},'
        f'"settings":{compact(settings_dict(settings))},"binding":{compact(bound)}}}'
    )


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


def binding_from_json(text: str) -> dict[str, Any] | None:
    """The ``binding`` of a payload; ``None`` for a plan of a version before it."""
    try:
        found = json.loads(text).get("binding")
    except (json.JSONDecodeError, AttributeError):
        return None
    return found if isinstance(found, dict) else None


def instance_cells(
    result: SolveResult, signature: dict[str, Any] | None = None
) -> tuple[str, list[str]]:
    """The fingerprint of ``result``'s roster facts and settings, and the texts of the
    column-A cells of the ``_rwassign`` sheet in order: the instance, settings and their
    binding (with ``signature``, the signed fingerprint, when given), cut into cells of at most
    :data:`CHUNK` characters.  Both from one JSON form of the instance (it is large).  The
    plan writer stores the texts as string cells in a very hidden sheet, never as formulas,
    even if a chunk starts with ``=``."""
    bound, text = _payload(result.instance, result.settings, signature)
    chunks = [text[start : start + CHUNK] for start in range(0, max(len(text), 1), CHUNK)]
    return bound["fingerprint"], chunks


def cells_text(cells: Iterable[Any]) -> str:
    """The payload text of the column-A cells of the ``_rwassign`` sheet, in order."""
    return "".join(str(c) for c in cells if c is not None)


def from_cells(cells: Iterable[Any]) -> tuple[Instance, Settings | None]:
    """The embedded instance from the column-A cells of the ``_rwassign`` sheet, in order;
    ``ValueError`` if it is damaged."""
    return from_json(cells_text(cells))
