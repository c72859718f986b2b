"""Hostile inputs and faults of the batch-and-faults part of issue 12, written on demand.

Each function writes one hostile thing into a folder the test gives and returns its path(s):
nothing binary is committed.  The workbooks are copies of the tiny test workbook (six units),
so a run takes well under a second of work; what makes them hostile is where they sit, what
they are named, or what happens to the process writing beside them.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

DATA = Path(__file__).parents[1] / "data"
GOOD = DATA / "polres_lebong.xlsx"
ROOT = Path(__file__).parents[2]


def fifo(folder: Path, name: str = "polres.xlsx") -> Path:
    """A FIFO named like a workbook: a reader that opens it waits for a writer forever."""
    path = folder / name
    os.mkfifo(path)
    return path


def same_name_twice(folder: Path, name: str = "polres.xlsx") -> tuple[Path, Path]:
    """Two Polres workbooks of one file name in two folders (``a/`` and ``b/``)."""
    paths = []
    for sub in ("a", "b"):
        (folder / sub).mkdir()
        paths.append(Path(shutil.copy(GOOD, folder / sub / name)))
    return paths[0], paths[1]


def same_stem_xlsx_and_csv(folder: Path) -> tuple[Path, Path]:
    """``polres.xlsx`` beside ``polres.csv``: both would be planned to ``polres-penugasan.xlsx``."""
    xlsx = Path(shutil.copy(GOOD, folder / "polres.xlsx"))
    csv = folder / "polres.csv"
    csv.write_text((DATA / "personel.csv").read_text(encoding="utf-8"), encoding="utf-8")
    return xlsx, csv


def batch_folder_with_leftovers(folder: Path) -> Path:
    """A Polda folder with one good workbook and the hidden leftovers of killed runs: a
    temporary file of today's writer, one of the writer before it (``.plan.k3j2h1g0.xlsx``,
    which batches used to read as a Polres), and macOS's ``._`` copy of the workbook."""
    shutil.copy(GOOD, folder / "polres_a.xlsx")
    (folder / ".polres_a-penugasan.xlsx.host.k3j2h1g0.rwassign-tmp").write_bytes(b"PK\x03\x04")
    (folder / ".plan.k3j2h1g0.xlsx").write_bytes(b"PK\x03\x04 half a plan")
    (folder / "._polres_a.xlsx").write_bytes(b"\x00\x05\x16\x07 AppleDouble")
    return folder


def protected_output(folder: Path, name: str = "hasil.xlsx", mode: int = 0o000) -> Path:
    """An existing output someone protected (mode 000: neither readable nor writable)."""
    path = folder / name
    path.write_bytes(b"an earlier plan")
    path.chmod(mode)
    return path


#: A child process that runs the real command line and stops inside the write, after the
#: temporary file is complete and before it is moved into place: it says ``WRITING`` on
#: stdout and sleeps in ``os.fsync`` until a signal comes.
MID_WRITE_CHILD = """
import os, sys, time
sys.path.insert(0, {root!r})
real_fsync = os.fsync
def held_fsync(fd):
    real_fsync(fd)
    print("WRITING", flush=True)
    time.sleep(60)
os.fsync = held_fsync
sys.argv = ["rwassign", *sys.argv[1:]]
from rwassign.cli import run
run()
"""


#: A child that runs the real command line and says ``READY`` on stdout once it is loaded
#: (Python's own start-up, before ``rwassign`` can catch a signal, is not ours to test).
READY_CHILD = """
import sys
sys.path.insert(0, {root!r})
sys.argv = ["rwassign", *sys.argv[1:]]
from rwassign.cli import run
print("READY", flush=True)
run()
"""


def ready_command(args: list[str]) -> list[str]:
    """The command of a ``rwassign`` run that says when it can be stopped cleanly."""
    return [sys.executable, "-c", READY_CHILD.format(root=str(ROOT)), *args]


def mid_write_command(args: list[str]) -> list[str]:
    """The command of a ``rwassign`` run that holds still in the middle of its write."""
    return [sys.executable, "-c", MID_WRITE_CHILD.format(root=str(ROOT)), *args]


def cli_command(args: list[str]) -> list[str]:
    """The command of a plain ``rwassign`` run, as a user starts it."""
    return [sys.executable, "-m", "rwassign.cli", *args]


def child_env() -> dict[str, str]:
    """The environment of a child run: this checkout first on the import path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def limit_file_size(limit: int) -> None:
    """``preexec_fn`` of a child whose files cannot grow past ``limit`` bytes: every write
    past it fails with an ``OSError`` (EFBIG), as a full disk fails it with ENOSPC."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write instead of killing us
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
