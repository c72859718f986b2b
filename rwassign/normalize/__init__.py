"""Tolerant readers for the cell values of hand-made Polres spreadsheets, one module per vocabulary.

- ``text``: what an empty cell, a number and the text of a cell are; column header keys.
- ``places``: desa, kecamatan and Polsek keys; RW/dusun labels; Roman numerals.
- ``ids``: NRP, NIP and NI PPPK numbers, with the codes of what was repaired or is wrong.
- ``words``: yes/no, unit priority and member status (the one definition of each vocabulary).
- ``quantities``: dates, years of service and numbers.

Import from the module that defines a reader (``from rwassign.normalize.places import
desa_key``): this package has no front of its own, so a reader of an import line sees which
vocabulary it uses.  None of them imports pandas, openpyxl or anything else of ``rwassign``.
"""
