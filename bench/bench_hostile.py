"""Time and peak memory of ``rwassign validate`` and ``solve`` on the hostile inputs of issue 12
that concern reading (``tests/hostile/gen_limits.py`` writes them).

Each command runs as a whole process (``python -m rwassign.cli``); its wall time and peak
resident memory come from ``os.wait4`` on that one child, so the figures are what a user's
machine spends, start-up included.  The worst case is printed last.  Every file must end in
under 10 s and 500 MB (the issue's bound); a run past ``--timeout`` is killed and shown as such.

    python bench/bench_hostile.py                # every file, the issue's full sizes
    python bench/bench_hostile.py --small        # the large files at small sizes (quick)
    python bench/bench_hostile.py --keep DIR     # keep the generated files in DIR

Run from the repository root.  Writing the two large files takes about 10 s (streamed).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import gen_limits as gen  # noqa: E402

LIMIT_S = 10.0
LIMIT_MB = 500.0


def cases(small: bool) -> list[tuple[str, Callable[[Path], list[str]]]]:
    """(name, writer) pairs; a writer returns the input arguments of the commands."""

    def one(make: Callable[[Path], Path]) -> Callable[[Path], list[str]]:
        return lambda folder: [str(make(folder))]

    def csv(folder: Path) -> list[str]:
        units, roster = gen.utf16_csv(folder)
        return ["--units", str(units), "--roster", str(roster)]

    rows = 2_500_000 if small else 50_000_000
    size = 70 * 1024 * 1024 if small else 1_200_000_000
    counts: list[tuple[str, object]] = [
        ("1000000", 1000000),
        ("1e6-text", "1e6"),
        ("1.000.000-text", "1.000.000"),
        ("1e9", 1e9),
        ("1e300", 1e300),
        ("10000", 10_000),
        ("100000", 100_000),
    ]
    out: list[tuple[str, Callable[[Path], list[str]]]] = [
        ("styled empty cell XFD1048576", one(gen.far_styled_cell)),
        ("value at K1048576", one(gen.far_cell)),
        ("merge L2:L1048576", one(gen.far_merge)),
        (f"{rows:,} rows", one(lambda f: gen.fifty_million_rows(f, rows=rows))),
        (f"shared string of {size:,} chars", one(lambda f: gen.huge_shared_string(f, size))),
        ("150,000 rows (past the row bound)", one(gen.many_rows)),
        ("900,000 cells (past the cell bound)", one(gen.many_cells)),
        ("1,200,000 formatted empty cells", one(gen.many_empty_cells)),
        ("cell of 40,000 chars", one(gen.long_text_cell)),
        ("52,000 units (260 desa x 200)", one(gen.many_units)),
        ("hidden roster beside a decoy", one(gen.hidden_roster)),
        ("UTF-16 roster CSV", csv),
        ("formula without a stored value", one(gen.formula_no_value)),
    ]
    for label, value in counts:
        out.append((f"count {label}", one(lambda f, v=value, n=label: gen.count_cell(f, n, v))))
    return out


def run(args: list[str], timeout: float) -> tuple[int | str, float, float]:
    """Exit code (or ``killed``), wall seconds and peak MB of one command as a process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rwassign.cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.send_signal(signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            return "killed", wall, usage.ru_maxrss / 1024
        time.sleep(0.02)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    return code, wall, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="the large files at small sizes")
    parser.add_argument("--keep", type=Path, help="write the files into this folder and keep them")
    parser.add_argument("--timeout", type=float, default=120.0, help="kill a run after (s)")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = opts.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        results: list[tuple[str, str, int | str, float, float]] = []
        print(f"{'file':40} {'command':9} {'exit':>6} {'s':>7} {'MB':>7}")
        for name, write in cases(opts.small):
            case_dir = folder / name.replace(" ", "_").replace(",", "").replace(":", "-")
            case_dir.mkdir(parents=True, exist_ok=True)
            inputs = write(case_dir)
            commands = {
                "validate": ["validate", *inputs],
                "solve": ["solve", *inputs, "-o", str(case_dir / "plan.xlsx"), "--time-limit", "5"],
            }
            if name.endswith(" rows") or name.startswith("value at"):
                big = inputs[0]
                base = str(gen.base_workbook(case_dir / "base.xlsx"))
                commands["replan"] = [
                    "replan",
                    base,
                    "--previous",
                    big,
                    "-o",
                    str(case_dir / "r.xlsx"),
                ]
                commands["verify"] = ["verify", big]
            for command, args in commands.items():
                code, wall, peak = run(args, opts.timeout)
                results.append((name, command, code, wall, peak))
                print(f"{name:40} {command:9} {code!s:>6} {wall:7.2f} {peak:7.0f}", flush=True)
        worst_time = max(results, key=lambda r: r[3])
        worst_mem = max(results, key=lambda r: r[4])
        print()
        print(f"worst time:   {worst_time[3]:.2f} s ({worst_time[0]}, {worst_time[1]})")
        print(f"worst memory: {worst_mem[4]:.0f} MB ({worst_mem[0]}, {worst_mem[1]})")
        over = [r for r in results if r[2] == "killed" or r[3] > LIMIT_S or r[4] > LIMIT_MB]
        print(f"over {LIMIT_S:g} s or {LIMIT_MB:g} MB: {len(over)} of {len(results)} runs")


if __name__ == "__main__":
    main()
