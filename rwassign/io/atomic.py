"""The one atomic file writer: plans, rekaps and printed lampiran all go through it.

A reader (Excel, a printer queue, a colleague on a shared folder) must see the old file or
the new one, never half of one, and an interrupted run must leave nothing behind.  So the
content is written to a temporary file in the target folder, flushed to disk, given the
permissions the target should have, and moved over the target in one ``os.replace``.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def target_mode(path: Path) -> int:
    """Permissions the output should get: the old file's, else the usual ones under the umask.

    A temporary file is created private (0600); without this the file would become unreadable
    to the colleagues it is for.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Let ``write`` fill a temporary file next to ``path``, then move it over ``path``.

    ``os.replace`` within one folder is atomic, so readers see the old file or the new one,
    never a partial one.  On any failure the temporary file is removed and the error raised
    again unchanged; an ``OSError`` is left to the caller to explain in its own words (a plan
    and a lampiran name the failure differently).
    """
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, kept on success
        dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix, delete=False
    )
    temp = Path(handle.name)
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, target_mode(path))
        os.replace(temp, path)
    except BaseException:
        handle.close()
        temp.unlink(missing_ok=True)
        raise
