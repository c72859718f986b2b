"""The one atomic file writer: plans, rekaps and printed lampiran all go through it.

A reader (Excel, a printer queue, a colleague on a shared folder) must see the old file or
the new one, never half of one, and an interrupted run must leave nothing behind.  So the
content is built in memory, written to a temporary file in the target folder, flushed to
disk, given the permissions the target should have, and moved over the target in one
``os.replace``.

Temporary files are named ``.<target name>.<host>.<random>.rwassign-tmp``: hidden, and with
a suffix no reader of workbooks or CSV (a batch's folder scan included) ever takes for input.
Every exit path Python sees (an error, Ctrl-C, SIGTERM turned into an exception by the command
line) removes the file; only a process killed outright (SIGKILL, a power cut) can leave one.
The next write into the same folder removes such leftovers, but only those that are surely
abandoned: ours by name, owned by this user, made on this host and not locked.  Every writer
holds an exclusive ``flock`` on its temporary file from just after creating it until it has
its final name, and a lock dies with its process, so a locked file is one another running
rwassign is writing, and an unlocked one is abandoned.  A leftover of another host (a shared
folder) is removed only after a day, as the lock cannot be trusted across machines.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import platform
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

try:  # POSIX; elsewhere leftovers are only removed by age
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["TEMP_SUFFIX", "is_temp_name", "remove_stale_temps", "target_mode", "write_atomically"]

#: The suffix of every temporary file this writer makes (never .xlsx, .csv or .pdf).
TEMP_SUFFIX = ".rwassign-tmp"
#: Age after which a leftover whose writer cannot be asked (another host, no locks) is removed.
FOREIGN_STALE_SECONDS = 24 * 3600
#: Bytes of the target's name kept in a temporary name (file names end at 255 bytes).
_NAME_BYTES = 100
_TEMP_NAME = re.compile(
    r"\A\.(?P<target>.*)\.(?P<host>[A-Za-z0-9-]{1,32})\.[a-z0-9_]{8}"
    + re.escape(TEMP_SUFFIX)
    + r"\Z",
    re.DOTALL,
)


def _host() -> str:
    """This machine's name as one token of a file name (letters, digits and ``-``)."""
    first = platform.node().split(".")[0]
    return re.sub(r"[^A-Za-z0-9-]", "-", first)[:32] or "host"


_HOST = _host()


def is_temp_name(name: str) -> bool:
    """True for the name of one of this writer's temporary files (of any host)."""
    return _TEMP_NAME.match(name) is not None


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
    """Let ``write`` fill the content of ``path``, then put it in place in one move.

    ``write`` writes into memory, so a failure while building (a full disk never reaches it)
    leaves no file at all; the bytes then go to a locked temporary file next to ``path``,
    which ``os.replace`` (atomic within one folder) moves over ``path``: readers see the old
    file or the new one, never a partial one.  On any failure or interruption the temporary
    file is removed and the exception raised again unchanged; an ``OSError`` is left to the
    caller to explain in its own words (a plan and a lampiran name the failure differently).
    An existing ``path`` this user may not read or write (a plan someone protected) raises
    ``PermissionError`` before anything is written.
    """
    path = Path(path)
    _check_replaceable(path)
    buffer = io.BytesIO()
    write(buffer)
    remove_stale_temps(path.parent)
    fd, temp = _locked_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:  # closing it releases the lock
            handle.write(buffer.getbuffer())
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(temp, target_mode(path))
            if fcntl is not None:
                os.replace(temp, path)  # still locked: no other writer's cleanup can take it
        if fcntl is None:  # pragma: no cover - Windows cannot rename an open file
            os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove this writer's abandoned temporary files in ``folder``; return what was removed.

    Only files named like :func:`is_temp_name`, owned by this user and either made on this
    host and not locked (their writer is gone), or made elsewhere more than
    :data:`FOREIGN_STALE_SECONDS` ago.  Anything unexpected (a permission, a file that changes
    under us) leaves the file alone: a leftover is harmless, a wrong removal is not.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None:
            continue
        try:
            if _remove_if_abandoned(entry, match["host"]):
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _check_replaceable(path: Path) -> None:
    """Refuse an existing target this user may not read or write: replacing a file is
    allowed by the folder's permissions alone, but a file made unreadable or read-only was
    protected by someone, and a run must not silently undo that."""
    try:
        path.stat()
    except OSError:
        return  # no such file (or no way to tell): the write itself will say
    effective = os.access in os.supports_effective_ids
    if not os.access(path, os.R_OK | os.W_OK, effective_ids=effective):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))


def _locked_temp(path: Path) -> tuple[int, Path]:
    """Create the temporary file for ``path`` and lock it (where locks exist).

    A cleanup of another writer can take a new file in the instant between its creation
    and its lock; then the file is gone (no links) once our lock is granted, and we make
    another."""
    name = os.fsencode(path.name)[:_NAME_BYTES].decode(errors="ignore")
    for _ in range(5):
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}.{_HOST}.", suffix=TEMP_SUFFIX)
        if fcntl is None:  # pragma: no cover - Windows
            return fd, Path(temp)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            if os.fstat(fd).st_nlink > 0:
                return fd, Path(temp)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        os.close(fd)
    raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN), str(path.parent))


def _remove_if_abandoned(entry: os.DirEntry[str], host: str) -> bool:
    """Remove one temporary file if its writer is surely gone (see :func:`remove_stale_temps`)."""
    info = entry.stat(follow_symlinks=False)
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False  # another user's: not ours to judge
    if host != _HOST or fcntl is None:
        if time.time() - info.st_mtime < FOREIGN_STALE_SECONDS:
            return False
        os.unlink(entry.path)
        return True
    fd = os.open(entry.path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # another rwassign is writing it right now
        now = os.lstat(entry.path)
        mine = os.fstat(fd)
        if (now.st_dev, now.st_ino) != (mine.st_dev, mine.st_ino):
            return False  # renamed into place or replaced meanwhile
        os.unlink(entry.path)
        return True
    finally:
        os.close(fd)
