"""The linear-time distinct ranks (``rwassign.solver.ids``) against ``np.unique``."""

from __future__ import annotations

import numpy as np
import pytest

from rwassign.solver import ids


@pytest.mark.parametrize("seed", range(20))
def test_present_and_compact_are_np_uniques_answers(seed: int) -> None:
    """Random ranks (repeats, gaps, a lone value, none) give what ``np.unique`` gives."""
    rng = np.random.default_rng(seed)
    size = int(rng.integers(0, 50))
    values = rng.integers(0, int(rng.integers(1, 80)), size=size).astype(np.int64)
    distinct, inverse = np.unique(values, return_inverse=True)
    got, position = ids.compact(values)
    assert got.tolist() == distinct.tolist()
    assert position.tolist() == inverse.reshape(-1).tolist()
    assert ids.present(values).tolist() == distinct.tolist()


def test_a_hand_case() -> None:
    """Ranks 7, 2, 7, 5: distinct 2, 5, 7; positions 2, 0, 2, 1."""
    got, position = ids.compact(np.array([7, 2, 7, 5]))
    assert got.tolist() == [2, 5, 7]
    assert position.tolist() == [2, 0, 2, 1]
    assert ids.present(np.array([7, 2, 7, 5])).tolist() == [2, 5, 7]
    assert ids.compact(np.zeros(0, dtype=np.int64))[0].tolist() == []


def test_a_negative_rank_is_refused() -> None:
    """A mark at -1 would land on the last place and give a wrong answer: refused."""
    with pytest.raises(ValueError):
        ids.compact(np.array([-1, 2]))
    with pytest.raises(ValueError):
        ids.present(np.array([3, -4]))
