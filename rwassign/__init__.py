"""rwassign: plan the Polri *Polisi RW* programme, one trained member per RW/dusun.

The whole library, as a script uses it::

    import rwassign

    polres = rwassign.read("roster.xlsx")            # raises InputErrors (every problem)
    plan = rwassign.solve(polres)                    # checked; raises NoPlan, CheckFailed
    rwassign.write_plan(plan, "roster-penugasan.xlsx")   # raises OutputError
    later = rwassign.replan(rwassign.read("roster-baru.xlsx"), "roster-penugasan.xlsx")
    rwassign.export_lampiran("roster-penugasan.xlsx", details={"tempat": "Tubei"})
    rwassign.verify("roster-penugasan-lampiran.pdf").intact

The package is layered so that each layer can be read and tested alone: ``model`` (plain
records) -> ``ranks``/``rules``/``distance`` (policy) -> ``solver`` and ``checker`` -> ``io``
(spreadsheets) and ``export`` (the printed, signed lampiran) -> ``api`` (this front door) ->
``cli``.  Only ``solver`` imports OR-Tools; only ``io``, ``export`` and the sample generator
``synth`` import openpyxl.
"""

from rwassign.api import (
    KeyPair,
    Lampiran,
    Note,
    Plan,
    Polres,
    export_lampiran,
    keygen,
    read,
    read_plan,
    replan,
    solve,
    verify,
    write_plan,
)
from rwassign.errors import (
    CheckFailed,
    InputErrors,
    NoPlan,
    OutputError,
    RwassignError,
)
from rwassign.export.errors import ExportError
from rwassign.export.verify import Verdict
from rwassign.model import Instance, Problem, SolveResult, SolveStatus
from rwassign.settings import Settings
from rwassign.version import __version__

__all__ = [
    "CheckFailed",
    "ExportError",
    "InputErrors",
    "Instance",
    "KeyPair",
    "Lampiran",
    "NoPlan",
    "Note",
    "OutputError",
    "Plan",
    "Polres",
    "Problem",
    "RwassignError",
    "Settings",
    "SolveResult",
    "SolveStatus",
    "Verdict",
    "__version__",
    "export_lampiran",
    "keygen",
    "read",
    "read_plan",
    "replan",
    "solve",
    "verify",
    "write_plan",
]
