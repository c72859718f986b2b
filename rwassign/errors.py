"""The project's named exceptions: what a caller of the library can catch and act on.

Each carries a message ``code`` and ``params`` like every other message, never text, so the
CLI can print it in either language with its hint and map it to an exit code in one place.
"""

from __future__ import annotations

from typing import Any

from rwassign import i18n


class OutputError(Exception):
    """The plan cannot be written (or read back) for a reason the user can fix.

    Carries a message ``code`` and ``params`` like every other message, so the CLI can print it
    in either language with its hint and map it to an exit code.
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "id") -> str:
        return i18n.text(self.code, self.params, lang)

    def hint(self, lang: str = "id") -> str:
        return i18n.hint(self.code, self.params, lang)

    def line(self, lang: str = "id") -> str:
        """The message and its hint, as one line for the terminal or the rekap."""
        return i18n.line(self.code, self.params, lang)
