"""The optimality certificate of a plan: LP dual prices that prove no plan is better.

Kept apart from the solver (which imports OR-Tools) so that ``rwassign.model`` and the
independent ``rwassign.checker`` can carry and re-check it without loading a solver.

The assignment is a b-matching: maximise the sum of pair values ``v(o, u)`` with each unit
taken at most once and each officer at most ``cap`` times (less the units pinned to them;
pinned units leave the problem).  Its LP dual gives each free unit a price ``p_u >= 0`` and each
officer a price ``q_o >= 0`` with ``p_u + q_o >= v(o, u)`` for every allowed pair.  Any plan is
worth at most ``sum p + sum cap_o * q_o`` (weak duality), so a plan worth exactly that is
optimal, whatever pairs the solver looked at.  Every figure is an exact integer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Certificate:
    """Dual prices and the weights they are priced in, with how they were found.

    ``unit_price`` is per unit (instance position; 0 for pinned units, which leave the
    problem), ``officer_price`` per officer (instance index; 0 for ineligible ones).  Pair
    values are ``cov * weight + keep * kept + res * resident - round(travel_m / travel_unit)``
    with ``kept_pairs``/``pinned_pairs`` as (officer index, unit position) rows.  ``value`` is
    the plan's folded value, ``dual`` the dual bound ``sum p + sum cap_o * q_o`` plus the pinned
    pairs' values.  ``proven`` is true when pricing finished: every allowed pair was priced and
    none could improve, so ``dual == value``.  Otherwise ``upper_bound`` is still a valid bound
    on every plan (the officer prices raised by the largest excess found on their pairs).
    ``rounds``/``priced``/``added`` say how much pricing it took.
    """

    unit_price: IntArray
    officer_price: IntArray
    cov: int
    keep: int
    res: int
    travel_unit: int
    kept_pairs: IntArray
    pinned_pairs: IntArray
    value: int
    dual: int
    upper_bound: int
    proven: bool
    rounds: int
    priced: int
    added: int
