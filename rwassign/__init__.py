"""rwassign: plan the Polri *Polisi RW* programme, one trained member per RW/dusun.

The package is layered so that each layer can be read and tested alone:
``model`` (plain records) -> ``ranks``/``rules``/``distance`` (policy) -> ``solver`` and
``checker`` -> ``io`` (spreadsheets) -> ``cli``.  Only ``solver`` imports OR-Tools; only ``io``
and the sample generator ``synth`` import openpyxl.
"""

__version__ = "0.1.0"
