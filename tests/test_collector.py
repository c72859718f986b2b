"""The collector's pause (:mod:`rwassign.collector`): off inside, back as it was after,
counted across nested stages and threads."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from rwassign import collector


@pytest.fixture
def enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_off_inside_and_on_again_after(enabled: None) -> None:
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # a stage inside a stage
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer one still runs
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_on_again_after_an_exception_and_the_result_kept(enabled: None) -> None:
    @collector.while_paused
    def stage(x: int) -> int:
        """A stage."""
        assert not gc.isenabled()
        if x < 0:
            raise ValueError("bad")
        return x * 2

    assert stage(21) == 42 and gc.isenabled()
    with pytest.raises(ValueError, match="bad"):
        stage(-1)
    assert gc.isenabled()
    assert stage.__doc__ == "A stage." and stage.__name__ == "stage"


def test_overlapping_threads_turn_it_on_when_the_last_leaves(enabled: None) -> None:
    """Thread A pauses, B pauses, A leaves (still off: B runs), B leaves (on)."""
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def a() -> None:
        with collector.paused():
            a_in.set()
            b_in.wait(5)
        a_out.set()

    def b() -> None:
        a_in.wait(5)
        with collector.paused():
            b_in.set()
            a_out.wait(5)
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert seen == [False, True]
