"""The shape of one catalogue entry, shared by the per-layer message modules."""

from __future__ import annotations

#: ``(id_text, en_text)`` or ``(id_text, en_text, id_hint, en_hint)``; each a ``str.format``
#: template filled with the record's parameters.
Entry = tuple[str, str] | tuple[str, str, str, str]
