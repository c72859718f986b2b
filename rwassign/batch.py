"""Many Polres at once: one workbook each, solved independently and in parallel.

Provincial staff (Dit Binmas Polda) plan every Polres of a province together.  Each workbook is
an independent ``pipeline.run`` (the library's read, solve and write) in its own process
(``--jobs N``); a broken workbook reports its own errors and never stops the others.  The
``rekap`` workbook has one row per Polres, and the exit code is the worst single outcome.

Two inputs whose outputs would be one file (the same name in two folders with
``--output-dir``, or ``x.xlsx`` beside ``x.csv``) are found by :func:`output_clashes` before any
work, and an output that is another input of the batch stops it too: no plan overwrites
another or an input.  A stop signal (Ctrl-C, SIGTERM) goes to the parent only: workers ignore
Ctrl-C, and the parent cancels what has not started and sends each worker SIGTERM, which
abandons its file (removing the temporary one) before the parent exits.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rwassign import distance, i18n
from rwassign.errors import EXIT_OK, EXIT_OUTPUT, Interrupted, exit_status
from rwassign.pipeline import Request, run

REKAP_HEADERS = (
    "NO", "BERKAS", "POLRES", "STATUS", "KODE KELUAR", "RW/DUSUN", "TERISI", "CAKUPAN (%)",
    "MEMENUHI SYARAT", "DITUGASKAN", "PERPINDAHAN", "PERUBAHAN", "DETIK", "KELUARAN", "GALAT",
)  # fmt: skip


@dataclass
class BatchItem:
    """The slim, picklable outcome of one workbook."""

    input: Path
    exit_code: int
    status: str
    facts: dict[str, Any] | None
    messages: list[str] = field(default_factory=list)


@dataclass
class BatchSummary:
    items: list[BatchItem]
    seconds: float
    rekap: Path
    rekap_error: str | None = None  # why the rekap could not be written (the plans still were)
    error: str | None = None  # why the batch did not start (an output would replace an input)

    @property
    def exit_code(self) -> int:
        worst = max((i.exit_code for i in self.items), default=EXIT_OK)
        return max(worst, EXIT_OUTPUT) if self.rekap_error or self.error else worst

    def as_json(self) -> dict[str, Any]:
        return {
            "exit_code": self.exit_code,
            "seconds": round(self.seconds, 3),
            "rekap": None if self.rekap_error else str(self.rekap),
            "rekap_error": self.rekap_error,
            "error": self.error,
            "files": [
                {"input": str(i.input), "exit_code": i.exit_code, "status": i.status,
                 "summary": i.facts, "messages": i.messages}
                for i in self.items
            ],
        }  # fmt: skip


def run_one(req: Request) -> BatchItem:
    """One workbook, as a worker process runs it.  Never raises for bad input.

    Its status and exit code come from the one table of :mod:`rwassign.errors`, as on the
    command line; a crash is reported as an internal error and never stops the province."""
    lang = req.lang or "id"
    try:
        out = run(req)
    except Exception as exc:  # one broken Polres must not stop the province
        status, code = exit_status(exc)
        text = i18n.text("cli.internal", {"detail": repr(exc)}, lang)
        return BatchItem(req.first, code, status, None, [text])
    shown = [i18n.render(p, out.lang) for p in out.errors]
    if out.output_error:
        shown.append(out.output_error)
    return BatchItem(req.first, out.exit_code, out.status, out.facts, shown)


def output_clashes(reqs: Sequence[Request]) -> list[tuple[Request, Request]]:
    """Pairs of requests (first, later) that would write the same output file.

    Names are compared without case: on the file systems of Windows and macOS (and a USB
    stick anywhere) ``A-penugasan.xlsx`` and ``a-penugasan.xlsx`` are one file."""
    seen: dict[tuple[str, str], Request] = {}
    clashes: list[tuple[Request, Request]] = []
    for r in reqs:
        out = r.default_output()
        key = (str(out.parent.resolve()), out.name.casefold())
        if key in seen:
            clashes.append((seen[key], r))
        else:
            seen[key] = r
    return clashes


#: The cyclic garbage collector's thresholds for a command-line run (Python's are 700, 10, 10).
#: A plan allocates millions of short-lived objects (cells, rows, pairs) and few cycles; with
#: the default, a collection ran every 700 allocations: 1,800 collections and 0.024 s of a
#: batch worker's 0.30 s CPU per national workbook; every 20,000, 0.008 s.
#: Set for a command-line run and in each batch worker; memory stays bounded all the same:
#: every cycle is still collected, a little later.
GC_THRESHOLDS = (20_000, 10, 10)


def _ignore_interrupts() -> None:
    """A worker's signals: Ctrl-C reaches the whole process group, but only the parent acts
    on it; the parent's SIGTERM abandons the worker's file cleanly (see :class:`Interrupted`).
    And its garbage collector's thresholds (:data:`GC_THRESHOLDS`), and no look-ahead thread
    for the distances (``distance.LOOK_AHEAD``): the workers already keep every core busy."""
    gc.set_threshold(*GC_THRESHOLDS)
    distance.LOOK_AHEAD = False
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)


def _worker_stop(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Interrupted(signum)


def _stop_workers() -> None:
    """Stop every worker process and wait for it: each removes its temporary file first."""
    workers = multiprocessing.active_children()
    for p in workers:
        p.terminate()
    for p in workers:
        p.join(timeout=30)


def run_batch(
    reqs: Sequence[Request],
    *,
    jobs: int,
    rekap: Path,
    lang: str = "id",
    on_done: Callable[[BatchItem], None] | None = None,
) -> BatchSummary:
    """Run every request (``jobs`` at a time), report each as it finishes, write the rekap.

    A rekap path that could never be written (an input, a plan of this batch, not ``.xlsx``,
    a missing folder) stops the batch before any work, so nothing is overwritten; so does an
    output that is an input of the batch (``error``).  Requests whose outputs clash
    (:func:`output_clashes`) are a caller's mistake: ``ValueError``.  A stop signal or
    ``KeyboardInterrupt`` stops every worker (each abandons its file) and propagates."""
    from rwassign.errors import OutputError
    from rwassign.io.write import check_target

    clashes = output_clashes(reqs)
    if clashes:
        a, b = clashes[0]
        raise ValueError(f"{a.first} and {b.first} would both write {a.default_output()}")
    t0 = time.perf_counter()
    given = (p for r in reqs for p in (r.input_file, r.units, r.roster, r.previous))
    inputs: list[Path] = [p for p in given if p is not None]
    for r in reqs:
        try:
            check_target(r.default_output(), inputs)
        except OutputError as exc:
            return BatchSummary([], 0.0, rekap, error=exc.line(lang))
    try:
        check_target(rekap, inputs + [r.default_output() for r in reqs])
    except OutputError as exc:
        return BatchSummary([], 0.0, rekap, rekap_error=exc.line(lang))
    done: dict[int, BatchItem] = {}
    if jobs <= 1:
        for i, r in enumerate(reqs):
            done[i] = run_one(r)
            if on_done:
                on_done(done[i])
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
        try:
            futures = {pool.submit(run_one, r): i for i, r in enumerate(reqs)}
            for fut in as_completed(futures):
                done[futures[fut]] = fut.result()
                if on_done:
                    on_done(done[futures[fut]])
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            _stop_workers()
            raise
        pool.shutdown(wait=True)
    items = [done[i] for i in range(len(reqs))]
    seconds = time.perf_counter() - t0
    try:
        write_rekap(items, rekap, lang)
    except OutputError as exc:  # e.g. the rekap is open in Excel: the plans are written anyway
        return BatchSummary(items, seconds, rekap, rekap_error=exc.line(lang))
    return BatchSummary(items, seconds, rekap)


def write_rekap(items: Sequence[BatchItem], path: Path, lang: str = "id") -> None:
    """One row per Polres, written atomically like every plan, and printed like the plan's
    tables (landscape A4, one page wide, header repeated, long messages wrapped whole)."""
    from rwassign.io.write import Book, save_workbook
    from rwassign.io.write.grid import Sheet
    from rwassign.io.write.tables import JOB_WIDTH, SENTENCE_WIDTH, table

    rows = []
    for no, it in enumerate(items, start=1):
        f = it.facts or {}
        changes = f.get("changes")
        rows.append(
            [
                no, it.input.name, f.get("polres", ""), it.status, it.exit_code,
                f.get("units"), f.get("covered"), f.get("coverage_pct"), f.get("eligible"),
                f.get("assigned"), f.get("moves"),
                ", ".join(f"{k} {v}" for k, v in changes.items() if v) if changes else None,
                (f.get("seconds") or {}).get("total"),
                Path(f["output"]).name if f.get("output") else None,
                "; ".join(it.messages)[:30000] or None,
            ]
        )  # fmt: skip
    ws = Sheet("Rekap")
    caps = {"BERKAS": JOB_WIDTH, "KELUARAN": JOB_WIDTH, "PERUBAHAN": JOB_WIDTH,
            "GALAT": SENTENCE_WIDTH}  # fmt: skip
    table(ws, REKAP_HEADERS, rows, lang=lang, caps=caps)
    save_workbook(Book([ws]), path)
