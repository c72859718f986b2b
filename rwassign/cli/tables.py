"""The tables printed after a plan is written: the summary and the ``--tradeoff`` table.

Labels come from the catalogue (``cli.summary.*``, ``cli.tradeoff.*``), so both languages
live in :mod:`rwassign.i18n.cli` like every other text.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table

from rwassign import i18n
from rwassign.report import places_text, unit_word

#: Columns of the ``--tradeoff`` table: the key of its rows -> the code of its heading.
TRADEOFF_COLUMNS = {
    "max_moves": "cli.tradeoff.max_moves",
    "moves": "cli.tradeoff.moves",
    "status": "cli.tradeoff.status",
    "covered": "cli.tradeoff.covered",
    "weighted_coverage": "cli.tradeoff.weighted_coverage",
    "residence": "cli.tradeoff.residence",
    "travel_km": "cli.tradeoff.travel_km",
}


def summary_table(facts: dict[str, Any], lang: str) -> Table:
    """The plan's key figures, one per row (``--json`` prints the same facts)."""

    def label(code: str) -> str:
        return i18n.text(code, None, lang)

    t = Table(title=label("cli.summary.title"), show_header=False, title_style="bold")
    t.add_column(style="bold")
    t.add_column()
    eligible = i18n.text(
        "cli.summary.eligible_value",
        {"eligible": facts["eligible"], "assigned": facts["assigned"], "reserve": facts["reserve"]},
        lang,
    )
    rows = [
        (label("cli.summary.status"), facts["status"]),
        (
            label("cli.summary.units"),
            f"{facts['covered']} / {facts['units']} ({facts['coverage_pct']} %)",
        ),
        (
            label("cli.summary.weighted"),
            f"{facts['weighted_coverage']} / {facts['weighted_coverage_max']}",
        ),
        (label("cli.summary.eligible"), eligible),
        (label("cli.summary.ineligible"), str(facts["ineligible"])),
        (label("cli.summary.residence"), str(facts["residence_matches"])),
        (label("cli.summary.travel"), f"{facts['travel_km']} ({facts['travel_km_mean']})"),
        (label("cli.summary.gap"), str(facts["gap"])),
        (label("cli.summary.seconds"), str(facts["seconds"].get("total"))),
        (label("cli.summary.warnings"), str(facts["warnings"])),
        (label("cli.summary.output"), str(facts["output"])),
    ]
    if facts.get("changes") is not None:
        rows.insert(1, (label("cli.summary.moves"), str(facts["moves"])))
        counts = ", ".join(f"{k} {v}" for k, v in facts["changes"].items() if v)
        rows.insert(2, (label("cli.summary.changes"), counts or "-"))
    if facts.get("places") is not None:
        word = unit_word(facts["shortage"]["unit_kinds"])
        for pos, text in enumerate(places_text(facts["places"], word, lang), 1):
            head, _, rest = text.partition(": ")
            rows.insert(pos, (head, rest))
    for k, v in rows:
        t.add_row(k, str(v))
    return t


def tradeoff_table(table: list[dict[str, Any]], lang: str) -> Table:
    """Coverage, residence and travel for each move budget K (``replan --tradeoff``)."""
    t = Table(title=i18n.text("cli.tradeoff.title", None, lang))
    for code in TRADEOFF_COLUMNS.values():
        t.add_column(i18n.text(code, None, lang), justify="right")
    for r in table:
        t.add_row(*(str(r[k]) for k in TRADEOFF_COLUMNS))
    return t
