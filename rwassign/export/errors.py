"""The one exception of the export package: a message code, its parameters and an exit kind."""

from __future__ import annotations

from typing import Any

from rwassign import i18n
from rwassign.errors import RwassignError


class ExportError(RwassignError):
    """A problem the user can fix.  ``kind`` picks the exit code by the table in
    :mod:`rwassign.errors`: ``"input"`` (1) or ``"output"`` (4); the text comes from the
    catalogue in either language.  It names a file or a key, not a cell, so it carries no
    located ``problems``."""

    def __init__(self, code: str, kind: str = "input", **params: Any) -> None:
        self.code = code
        self.kind = kind
        self.params = params
        self.problems = []
        self.lang = None
        Exception.__init__(self, f"{code} {params}")

    def text(self, lang: str = "id") -> str:
        """The message and its hint, as one line."""
        return i18n.line(self.code, self.params, lang)

    def lines(self, lang: str = "id") -> list[str]:
        """The one line this error prints."""
        return [self.text(lang)]
