"""The map files: names safe on any file system, drawn first, then written atomically.

Every map is drawn in memory before the first file is written, so a drawing failure leaves no
file behind; each file then goes through :func:`rwassign.io.atomic.write_atomically`, so a
reader (an image viewer, a workbook being built) sees an old map or a new one, never half of
one.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from rwassign.errors import OutputError
from rwassign.io.atomic import write_atomically
from rwassign.model import Instance, SolveResult
from rwassign.peta.draw import render_png, title_lines
from rwassign.peta.layout import build_maps

__all__ = ["WHOLE", "MapImage", "draw_maps", "map_names"]

WHOLE = "polres"
"""The file-name part of the whole Polres's map (``<stem>-peta-polres.png``)."""
_SLUG_CHARS = 40
_NAME_BYTES = 255  # the longest file name of common file systems (ext4, NTFS, APFS)


@dataclass(frozen=True)
class MapImage:
    """One map written: its ``title`` (as on the picture), its ``path``, the Polsek it shows
    (``None`` for the whole Polres), the ``counts`` its title and legend show (see
    :class:`~rwassign.peta.layout.MapContent`) and the PNG bytes themselves, so that a sheet
    can embed the very picture that was written."""

    title: str
    path: Path
    polsek: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    png: bytes = field(default=b"", repr=False)


def draw_maps(
    instance: Instance, result: SolveResult, folder: Path | str, stem: str, lang: str = "id"
) -> tuple[MapImage, ...]:
    """Draw the coverage maps of a plan and write them beside it: the whole Polres first
    (``<stem>-peta-polres.png``), then one per Polsek (``<stem>-peta-lebong-utara.png``).

    Raises :class:`~rwassign.errors.OutputError`: ``output.dir_missing`` before drawing when
    ``folder`` is not a folder, ``output.not_writable`` when a file cannot be written (maps
    already written by then stay, each whole; the rest are not written).

    >>> draw_maps(plan.result.instance, plan.result, "hasil", "roster-penugasan")  # doctest: +SKIP
    """
    images = render_maps(instance, result, folder, stem, lang)
    write_maps(images)
    return images


def render_maps(
    instance: Instance, result: SolveResult, folder: Path | str, stem: str, lang: str = "id"
) -> tuple[MapImage, ...]:
    """The maps of :func:`draw_maps`, drawn in memory and not yet written.

    ``solve --peta`` embeds them in the plan's ``Peta`` sheet first and writes the PNG files
    only once the plan is written, so a plan that cannot be written leaves no maps behind.
    Raises :class:`~rwassign.errors.OutputError` (``output.dir_missing``) before drawing when
    ``folder`` is not a folder.
    """
    if not Path(folder).is_dir():
        raise OutputError("output.dir_missing", dir=str(folder))
    contents = build_maps(instance, result)
    names = map_names(stem, [c.polsek for c in contents])
    drawn = []
    for content, name in zip(contents, names, strict=True):
        title, _ = title_lines(content, instance.name, lang)
        png = render_png(content, instance.name, lang)
        drawn.append(MapImage(title, Path(folder) / name, content.polsek, content.counts, png))
    return tuple(drawn)


def write_maps(images: Sequence[MapImage]) -> None:
    """Write each map's PNG atomically; ``output.not_writable`` names the first that fails
    (maps already written by then stay, each whole)."""
    for image in images:
        try:
            write_atomically(image.path, functools.partial(_write, data=image.png))
        except OSError as exc:
            detail = exc.strerror or str(exc)
            raise OutputError("output.not_writable", path=str(image.path), detail=detail) from exc


def _write(handle: IO[bytes], data: bytes) -> None:
    handle.write(data)


def map_names(stem: str, areas: Sequence[str | None]) -> list[str]:
    """``<stem>-peta-<area>.png`` per area (``None``: the whole Polres), unique and safe.

    The area part is ASCII letters, digits and ``-`` only (no accents, spaces, slashes or
    names a file system reserves), without the word ``Polsek``; a clash (two spellings of one
    name, or a Polsek called ``Polres``) gets ``-2``, ``-3``, ...  The stem is shortened when
    the whole name would pass 255 bytes.
    """
    taken: set[str] = set()
    names = []
    for n, area in enumerate(areas, start=1):
        slug = WHOLE if area is None else _slug(area) or f"polsek-{n}"
        unique, k = slug, 1
        while unique in taken:
            k += 1
            unique = f"{slug}-{k}"
        taken.add(unique)
        tail = f"-peta-{unique}.png"
        room = _NAME_BYTES - len(tail.encode())
        names.append(os.fsencode(stem)[:room].decode(errors="ignore") + tail)
    return names


def _slug(name: str) -> str:
    """``Polsek Lebong Utara`` -> ``lebong-utara``; ``Polsek Tébing/Tinggi`` ->
    ``tebing-tinggi``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    if words and words[0] == "polsek":
        words = words[1:]
    return "-".join(words)[:_SLUG_CHARS].strip("-")
