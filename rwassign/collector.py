"""Pausing Python's cyclic garbage collector while a stage builds large structures.

Reading a workbook, solving and laying out the plan each build tens of thousands of objects
that live until the stage ends (grids of cells, records, candidate arrays' wrappers,
xlsxwriter's cell table) and none that form a reference cycle: their garbage is freed by
reference counting the moment it is dropped.  The collector does not know that, so while a
stage runs it keeps walking the objects the stage is still building: on a 5,000-unit plan, 25
collections and a tenth of the run.  Paused, each stage's survivors are walked once, by the
first collection after it.

The pause is the whole process's (the collector has no per-thread switch), counted so that
stages and threads may overlap: the collector is on again when the last one leaves, if it
was on when the first came.  Any cyclic garbage made meanwhile, by us or by another thread,
is collected by the next collection after that.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the ``with`` block (module docstring)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def while_paused(func: Callable[P, R]) -> Callable[P, R]:
    """``func`` run with the collector :func:`paused` (a stage's entry point)."""

    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return func(*args, **kwargs)

    return run
