"""The ``Peta`` sheet: the maps embedded in a workbook, the whole Polres first.

The plan writer (and the ``saran`` workbook) take extra sheets as callables on an xlsxwriter
workbook; :func:`peta_sheet` makes one.  The pictures are embedded from the bytes that were
written to the PNG files, so the sheet shows exactly what the files show, and building the
workbook reads nothing back from disk.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rwassign import i18n
from rwassign.peta.draw import DPI, FIGSIZE
from rwassign.peta.files import MapImage

if TYPE_CHECKING:  # the plan writer's library; only its type is named here
    from xlsxwriter import Workbook

__all__ = ["SHEET_MAPS", "peta_sheet"]

SHEET_MAPS = "Peta"
"""The sheet's name, the same in both languages (as ``Penugasan`` and ``Ringkasan`` are)."""
SCALE = 0.75
"""Pictures at three quarters of their size: a whole map fits a laptop screen at 100 %."""
ROW_PX = 20  # xlsxwriter's default row height (15 pt)


def peta_sheet(images: Sequence[MapImage], lang: str = "id") -> Callable[[Workbook], None]:
    """A callable that adds the ``Peta`` sheet, holding ``images``, to an xlsxwriter workbook.

    Each map gets its title in bold, its file name, and the picture under them, one map per
    printed page (A4 landscape); the map of the whole Polres comes first, then the Polsek by
    name, whatever the order of ``images``.

    >>> extra = peta_sheet(draw_maps(instance, result, folder, stem))  # doctest: +SKIP
    >>> extra(workbook)  # doctest: +SKIP
    """
    ordered = sorted(images, key=lambda i: (i.polsek is not None, (i.polsek or "").casefold()))

    def add(workbook: Workbook) -> None:
        sheet = workbook.add_worksheet(SHEET_MAPS)
        heading = workbook.add_format({"bold": True, "font_size": 14})
        bold = workbook.add_format({"bold": True, "font_size": 12})
        muted = workbook.add_format({"font_color": "#555555"})
        sheet.write_string(0, 0, i18n.text("peta.sheet.title", None, lang), heading)
        # printed as it is: A4 landscape, one map per page, a whole map's width on the page
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        sheet.fit_to_pages(1, 0)
        breaks = []
        row = 2
        for image in ordered:
            if row > 2:
                breaks.append(row)
            sheet.write_string(row, 0, image.title, bold)
            sheet.write_string(row + 1, 0, i18n.text("peta.sheet.file", {"file": image.path.name},
                               lang), muted)  # fmt: skip
            sheet.insert_image(
                row + 2,
                0,
                image.path.name,
                {
                    "image_data": io.BytesIO(image.png),
                    "x_scale": SCALE,
                    "y_scale": SCALE,
                    "object_position": 3,  # do not stretch with the cells
                    "description": image.title,
                },
            )
            row += 2 + math.ceil(_height_px(image.png) * SCALE / ROW_PX) + 2
        sheet.set_h_pagebreaks(breaks)

    return add


def _height_px(png: bytes) -> int:
    """The picture's height from its PNG header (IHDR), the figure's when it cannot be read."""
    if png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR":
        return int.from_bytes(png[20:24], "big")
    return int(FIGSIZE[1] * DPI)
