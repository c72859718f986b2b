"""Messages of the spreadsheet reader and writer (see ``rwassign.messages`` for the format)."""

from __future__ import annotations

from rwassign.messages import Entry

MESSAGES: dict[str, Entry] = {}
