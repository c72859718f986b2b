"""Settings from a TOML file (``--config``), checked key by key like the ``Pengaturan`` sheet.

Accepted layout: keys at the top level or under ``[pengaturan]`` / ``[settings]``, and a
``[kolom]`` (or ``[columns]``) table mapping logical fields to header texts::

    max_units_per_officer = 2
    max_travel_km = 15
    excluded_units = ["DOKKES"]

    [kolom]
    nrp = "NO REGISTER"
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from rwassign.model import Location, Problem, Severity
from rwassign.settings import coerce, reason


def load_toml(path: Path) -> tuple[dict[str, Any], dict[str, str], list[Problem]]:
    """(settings values, column map, problems) of one TOML file.  Never raises for bad input."""
    loc = Location(file=path.name)
    problems: list[Problem] = []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return {}, {}, [Problem("config.missing", Severity.ERROR, loc, {"path": str(path)})]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, {}, [Problem("config.unreadable", Severity.ERROR, loc, {"detail": str(exc)})]
    flat: dict[str, Any] = {}
    columns: dict[str, str] = {}
    for key, value in data.items():
        if key in ("pengaturan", "settings") and isinstance(value, dict):
            flat.update(value)
        elif key in ("kolom", "columns") and isinstance(value, dict):
            columns.update({str(k): str(v) for k, v in value.items()})
        else:
            flat[key] = value
    values: dict[str, Any] = {}
    for key, raw in flat.items():
        where = Location(file=path.name, column=key)
        try:
            values[key] = coerce(key, raw)
        except KeyError:
            problems.append(Problem("config.unknown_key", Severity.ERROR, where, {"key": key}))
        except ValueError as exc:
            problems.append(
                Problem(
                    "config.bad_value",
                    Severity.ERROR,
                    where,
                    {"key": key, "value": raw, "detail": reason(exc)},
                )
            )
    return values, columns, problems
