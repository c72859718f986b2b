"""Messages about how a plan was found and proven: what a status short of a proof means.

Entries follow :mod:`rwassign.i18n`: ``(id, en)`` or ``(id, en, id_hint, en_hint)``.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    "summary.travel_coarse": (
        "jarak dihitung per {unit} m; rencana yang setara di semua tingkat lain tidak kurang "
        "dari {bound} km",
        "travel counted in steps of {unit} m; a plan equal on every other level travels no "
        "less than {bound} km",
    ),
}
