"""Batch and faults (issue 12): nothing lost, nothing left behind, nothing read by mistake.

As a user meets them: the exit code, a message that names the file, no output written where
none should be, the input and any old output unchanged byte for byte, and never a temporary
file left or a Python traceback shown.  The hostile inputs come from :mod:`.gen_faults`.  The
kill tests run the real command line in a child process: one held still in the middle of its
write (so the signal surely lands there) and, seeded, some stopped at random moments.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rwassign import cli
from rwassign.errors import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE
from rwassign.io import atomic
from rwassign.io.plan import read_plan
from tests.hostile import gen_faults as gen

runner = CliRunner()
posix_only = pytest.mark.skipif(os.name != "posix", reason="signals and FIFOs are POSIX")
#: A generous bound that only stops a runaway child (a hang is the bug, not slowness).
RUNAWAY_S = 120


def _cli(*args: str | Path) -> object:
    return runner.invoke(cli.app, [str(a) for a in args])


def _temps(folder: Path) -> list[str]:
    """Every temporary-looking file: today's writer's, and the hidden .xlsx of the one before."""
    return sorted(
        p.name
        for p in folder.rglob("*")
        if atomic.is_temp_name(p.name) or (p.name.startswith(".") and p.suffix == ".xlsx")
    )


@contextlib.contextmanager
def _fifo_released_after(fifo: Path, seconds: float) -> Iterator[None]:
    """If a reader is still blocked on ``fifo`` after ``seconds`` (the bug), open the write end
    so it gets end-of-file and the test fails on its assertions instead of hanging."""
    done = threading.Event()

    def release() -> None:
        if done.wait(seconds):
            return
        while not done.is_set():
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                time.sleep(0.05)

    thread = threading.Thread(target=release, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join(5)


# --- a FIFO or device as input ---------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("role", ["workbook", "previous", "export", "verify"])
def test_a_fifo_given_as_input_is_an_input_error(tmp_path: Path, role: str) -> None:
    fifo = gen.fifo(tmp_path)
    args: list[str | Path] = {
        "workbook": ["solve", fifo, "-o", tmp_path / "hasil.xlsx"],
        "previous": ["replan", gen.GOOD, "--previous", fifo, "-o", tmp_path / "hasil.xlsx"],
        "export": ["export", fifo, "-o", tmp_path / "hasil.pdf"],
        "verify": ["verify", fifo],
    }[role]
    with _fifo_released_after(fifo, 20):
        r = _cli(*args)
    assert r.exit_code == EXIT_INPUT, r.output
    assert "polres.xlsx" in r.stderr and "bukan berkas biasa" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["polres.xlsx"]  # nothing written


def test_a_device_given_as_input_is_an_input_error(tmp_path: Path) -> None:
    device = Path(os.devnull)
    if os.name != "posix" or not device.exists():
        pytest.skip("no /dev/null here")
    r = _cli("solve", device, "-o", tmp_path / "hasil.xlsx", "--lang", "en")
    assert r.exit_code == EXIT_INPUT, r.output
    assert "not a regular file" in r.stderr
    assert not list(tmp_path.iterdir())


@posix_only
def test_a_fifo_found_in_a_batch_folder_is_that_files_input_error(tmp_path: Path) -> None:
    shutil.copy(gen.GOOD, tmp_path / "polres_a.xlsx")
    fifo = gen.fifo(tmp_path, "polres_b.xlsx")
    with _fifo_released_after(fifo, 20):
        r = _cli("solve", tmp_path, "--json")
    assert r.exit_code == EXIT_INPUT, r.output
    assert "polres_b.xlsx" in r.stderr and "bukan berkas biasa" in r.stderr
    assert read_plan(tmp_path / "polres_a-penugasan.xlsx")  # the good one is planned
    assert not (tmp_path / "polres_b-penugasan.xlsx").exists()


# --- batch: outputs that would collide, leftovers that must not be read ---------------------


def test_two_inputs_of_one_name_with_an_output_dir_are_a_usage_error(tmp_path: Path) -> None:
    a, b = gen.same_name_twice(tmp_path)
    out = tmp_path / "hasil"
    out.mkdir()
    before = (a.read_bytes(), b.read_bytes())
    r = _cli("solve", a, b, "--output-dir", out)
    assert r.exit_code == EXIT_USAGE, r.output
    text = r.stderr.replace("\n", "")
    assert str(a) in text and str(b) in text and "polres-penugasan.xlsx" in text
    assert not list(out.iterdir())  # no plan and no rekap: nothing was done
    assert (a.read_bytes(), b.read_bytes()) == before


def test_an_xlsx_beside_a_csv_of_the_same_name_is_a_usage_error(tmp_path: Path) -> None:
    xlsx, csv = gen.same_stem_xlsx_and_csv(tmp_path)
    r = _cli("solve", tmp_path, "--lang", "en")
    assert r.exit_code == EXIT_USAGE, r.output
    text = r.stderr.replace("\n", "")
    assert str(xlsx) in text and str(csv) in text and "would write the same output" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["polres.csv", "polres.xlsx"]


def test_an_output_that_is_another_input_of_the_batch_stops_it(tmp_path: Path) -> None:
    a = Path(shutil.copy(gen.GOOD, tmp_path / "polres.xlsx"))
    b = Path(shutil.copy(gen.GOOD, tmp_path / "polres-penugasan.xlsx"))  # given by name
    before = b.read_bytes()
    r = _cli("solve", a, b, "--json")
    assert r.exit_code == EXIT_OUTPUT, r.output
    assert "polres-penugasan.xlsx" in r.stderr
    assert b.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["polres-penugasan.xlsx", "polres.xlsx"]


def test_a_batch_never_reads_hidden_leftovers_of_killed_runs(tmp_path: Path) -> None:
    folder = gen.batch_folder_with_leftovers(tmp_path)
    r = _cli("solve", folder, "--json")
    assert r.exit_code == EXIT_OK, r.output
    assert '"input"' in r.stdout and r.stdout.count('"input"') == 1
    assert read_plan(folder / "polres_a-penugasan.xlsx")


# --- outputs we may not replace, a full disk ------------------------------------------------


def _as_unprivileged() -> list[str]:
    """A prefix that runs a child without root's right to ignore file permissions."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root, and no setpriv to drop the right to ignore permissions")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]


@posix_only
@pytest.mark.parametrize("mode", [0o000, 0o444])
def test_an_existing_output_we_may_not_read_or_replace_is_exit_4(tmp_path: Path, mode: int) -> None:
    out = gen.protected_output(tmp_path, mode=mode)
    cmd = _as_unprivileged() + gen.cli_command(["solve", str(gen.GOOD), "-o", str(out)])
    p = subprocess.run(cmd, capture_output=True, text=True, env=gen.child_env(), timeout=RUNAWAY_S)
    assert p.returncode == EXIT_OUTPUT, p.stderr
    assert "hasil.xlsx" in p.stderr and os.strerror(errno.EACCES) in p.stderr
    assert "Traceback" not in p.stderr
    assert out.read_bytes() == b"an earlier plan" and (out.stat().st_mode & 0o777) == mode
    assert _temps(tmp_path) == []


@posix_only
def test_a_full_disk_is_one_line_and_exit_4_without_a_traceback(tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    out.write_bytes(b"an earlier plan")
    p = subprocess.run(
        gen.cli_command(["solve", str(gen.GOOD), "-o", str(out)]),
        capture_output=True,
        text=True,
        env=gen.child_env(),
        timeout=RUNAWAY_S,
        preexec_fn=lambda: gen.limit_file_size(4096),
    )
    assert p.returncode == EXIT_OUTPUT, p.stderr
    assert "Traceback" not in p.stderr and "Exception ignored" not in p.stderr
    assert "hasil.xlsx" in p.stderr and "tidak dapat ditulis" in p.stderr
    assert out.read_bytes() == b"an earlier plan"
    assert _temps(tmp_path) == []


# --- killed in the middle of a write ---------------------------------------------------------


def _old_plan(folder: Path) -> tuple[Path, bytes]:
    out = folder / "hasil-penugasan.xlsx"  # named as an output: a batch of the folder skips it
    assert _cli("solve", gen.GOOD, "-o", out).exit_code == EXIT_OK
    return out, out.read_bytes()


def _start_mid_write(out: Path) -> subprocess.Popen[str]:
    """A real ``rwassign solve`` held inside its write; returns once it got there."""
    child = subprocess.Popen(
        gen.mid_write_command(["solve", str(gen.GOOD), "-o", str(out)]),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=gen.child_env(),
    )
    assert child.stdout is not None
    line = child.stdout.readline()  # blocks until the temporary file is written
    assert line.strip() == "WRITING", child.stderr.read() if child.stderr else ""
    return child


@posix_only
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stop_signal_mid_write_keeps_the_old_file_and_leaves_nothing(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    out, old = _old_plan(tmp_path)
    child = _start_mid_write(out)
    assert len(_temps(tmp_path)) == 1  # the signal surely lands inside the write
    child.send_signal(sig)
    _, stderr = child.communicate(timeout=RUNAWAY_S)
    assert child.returncode == code, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and sig.name in lines[0] and "Traceback" not in stderr, stderr
    assert out.read_bytes() == old
    assert _temps(tmp_path) == []


@posix_only
def test_after_sigkill_mid_write_the_next_run_removes_the_leftover(tmp_path: Path) -> None:
    out, old = _old_plan(tmp_path)
    child = _start_mid_write(out)
    child.kill()
    child.communicate(timeout=RUNAWAY_S)
    left = _temps(tmp_path)
    assert len(left) == 1 and left[0].endswith(atomic.TEMP_SUFFIX)  # SIGKILL cannot be caught
    assert out.read_bytes() == old
    # a batch of this folder does not take the leftover for a Polres ...
    shutil.copy(gen.GOOD, tmp_path / "polres.xlsx")
    r = _cli("solve", tmp_path, "--rekap", tmp_path / "rekap.xlsx")
    assert r.exit_code == EXIT_OK, r.output
    # ... and its writes into the folder removed it
    assert _temps(tmp_path) == []
    assert out.read_bytes() == old  # the batch wrote beside it, not over it


def _ready(args: list[str]) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        gen.ready_command(args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=gen.child_env(),
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    return child


@posix_only
@pytest.mark.slow
def test_stop_signals_at_random_moments_never_lose_the_old_file(tmp_path: Path) -> None:
    """Seeded random moments of a run (reading, solving, writing, printing): the old plan is
    intact byte for byte, or the run had finished its write and the plan is a whole new one;
    never a temporary file, never a traceback."""
    out, old = _old_plan(tmp_path)
    args = ["solve", str(gen.GOOD), "-o", str(out)]
    child = _ready(args)
    t0 = time.perf_counter()
    child.communicate(timeout=RUNAWAY_S)
    whole = time.perf_counter() - t0  # from loaded to done: the span the signals land in
    assert child.returncode == EXIT_OK
    out.write_bytes(old)
    rng = random.Random(12)
    outcomes = []
    for sig, code in [(signal.SIGINT, 130), (signal.SIGTERM, 143)] * 2:
        child = _ready(args)
        time.sleep(rng.uniform(0.0, 1.1) * whole)
        child.send_signal(sig)
        _, stderr = child.communicate(timeout=RUNAWAY_S)
        outcomes.append(child.returncode)
        assert child.returncode in (code, EXIT_OK), stderr
        assert "Traceback" not in stderr
        assert _temps(tmp_path) == []
        if out.read_bytes() != old:  # the write was done when the signal came
            assert read_plan(out)  # a whole plan, never half of one
            out.write_bytes(old)
    assert set(outcomes) & {130, 143}, outcomes  # some signals did land inside the run


@posix_only
def test_a_stopped_batch_stops_its_workers_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    for name in ("polres_a.xlsx", "polres_b.xlsx", "polres_c.xlsx", "polres_d.xlsx"):
        shutil.copy(gen.GOOD, tmp_path / name)
    child = subprocess.Popen(
        gen.cli_command(["solve", str(tmp_path), "--jobs", "2"]),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=gen.child_env(),
    )
    deadline = time.monotonic() + RUNAWAY_S
    while not list(tmp_path.glob("*-penugasan.xlsx")) and time.monotonic() < deadline:
        time.sleep(0.02)  # stop it once the first plan is written: workers are busy
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=RUNAWAY_S)
    assert child.returncode in (143, EXIT_OK), stderr
    assert "Traceback" not in stderr
    assert _temps(tmp_path) == []
    for plan in tmp_path.glob("*-penugasan.xlsx"):
        assert read_plan(plan)  # every plan written is whole


# --- the cleanup never takes a file that is not surely abandoned ----------------------------


def _temp_name(target: str, host: str) -> str:
    return f".{target}.{host}.abcd1234{atomic.TEMP_SUFFIX}"


@posix_only
def test_cleanup_spares_what_it_cannot_be_sure_of(tmp_path: Path) -> None:
    import fcntl

    host = atomic._HOST
    abandoned = tmp_path / _temp_name("a.xlsx", host)
    busy = tmp_path / _temp_name("b.xlsx", host)
    foreign_new = tmp_path / _temp_name("c.xlsx", "otherhost")
    foreign_old = tmp_path / _temp_name("d.xlsx", "otherhost")
    not_ours = [tmp_path / ".e.xlsx.abcd1234.tmp", tmp_path / "f.xlsx", tmp_path / ".g.xlsx"]
    for p in [abandoned, busy, foreign_new, foreign_old, *not_ours]:
        p.write_bytes(b"x")
    day = atomic.FOREIGN_STALE_SECONDS
    os.utime(foreign_old, (time.time() - day - 60, time.time() - day - 60))
    with busy.open("rb+") as held:  # another rwassign writing it right now
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        removed = atomic.remove_stale_temps(tmp_path)
    assert sorted(p.name for p in removed) == sorted([abandoned.name, foreign_old.name])
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([busy.name, foreign_new.name, *(p.name for p in not_ours)])


@posix_only
def test_cleanup_spares_another_users_leftover(tmp_path: Path) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    other = tmp_path / _temp_name("a.xlsx", atomic._HOST)
    other.write_bytes(b"x")
    os.chown(other, 65534, 65534)
    assert atomic.remove_stale_temps(tmp_path) == []
    assert other.exists()
