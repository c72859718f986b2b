"""Coverage maps (``Peta``) of a plan: which RW/dusun are covered, which stay open at which
priority, where the members live and which units they hold.

Drawn offline with matplotlib (no map tiles: a Polres office may have no internet) when the
user asks for them, so a plain ``solve`` and folder batches never pay for them.  Three layers:
:mod:`~rwassign.peta.layout` decides what each map shows (plain data, tested without
pixels), :mod:`~rwassign.peta.draw` paints it, :mod:`~rwassign.peta.files` names and writes
the PNG files, and :mod:`~rwassign.peta.sheet` embeds them in a ``Peta`` sheet.

>>> images = draw_maps(plan.result.instance, plan.result, "hasil", "roster-penugasan")
... # doctest: +SKIP
>>> [image.path.name for image in images][:2]  # doctest: +SKIP
['roster-penugasan-peta-polres.png', 'roster-penugasan-peta-amen.png']
"""

from __future__ import annotations

from rwassign.peta.files import MapImage, draw_maps, map_names, render_maps, write_maps
from rwassign.peta.sheet import SHEET_MAPS, peta_sheet

__all__ = [
    "SHEET_MAPS",
    "MapImage",
    "draw_maps",
    "map_names",
    "peta_sheet",
    "render_maps",
    "write_maps",
]
