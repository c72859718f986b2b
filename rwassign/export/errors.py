"""The one exception of the export package: a message code, its parameters and an exit kind."""

from __future__ import annotations

from typing import Any


class ExportError(Exception):
    """A problem the user can fix.  ``kind`` picks the exit code: ``"input"`` (1), ``"output"``
    (4) or ``"verify"`` (6); the text comes from the catalogue in either language."""

    def __init__(self, code: str, kind: str = "input", **params: Any) -> None:
        self.code = code
        self.kind = kind
        self.params = params
        super().__init__(f"{code} {params}")

    def text(self, lang: str = "id") -> str:
        """The message and its hint, as one line."""
        from rwassign import i18n

        return i18n.line(self.code, self.params, lang)
