"""The portfolio's table: one row per unit file, readable or not."""

from __future__ import annotations

import datetime as dt
import re

from store.errors import FileProblem
from store.i18n import t
from store.records import Action, Finding
from store.repository import Store, UnitEntry
from store.rules import is_open, is_overdue
from store.text import clean_line
from store.vocab import ROUTES, FindingKind, FindingState
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row


def unit_columns() -> list[Column]:
    return [
        Column(t("tui.col.name"), min_width=16),
        Column(t("tui.col.kind"), max_width=9),
        Column(t("tui.col.phases"), max_width=11),
        Column(t("tui.col.leerpunten"), max_width=7, align="right"),
        Column(t("tui.col.open_actions"), max_width=7, align="right"),
        Column(t("tui.col.overdue"), max_width=12),
    ]


class UnitTable(RowTable):
    def __init__(self, **kwargs) -> None:
        super().__init__(unit_columns(), **kwargs)


def unit_rows(store: Store, today: dt.date) -> list[Row]:
    """Rows for every unit file, in name order; runs in a worker thread.

    A file that cannot be read becomes a row that says why, so one broken or
    forbidden file never hides the others."""
    rows = [_unit_row(store, entry, today) for entry in store.units()]
    return sorted(rows, key=lambda row: natural_key(row.cells[0]))


def natural_key(name: str) -> list:
    """'Praktijk 5' before 'Praktijk 12', as people count."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name.casefold())]


def _unit_row(store: Store, entry: UnitEntry, today: dt.date) -> Row:
    if entry.problem is None and entry.unit is not None:
        try:
            findings = store.records(Finding, entry.slug)
            actions = [a for a in store.records(Action, entry.slug) if is_open(a)]
        except FileProblem as problem:  # changed between units() and records()
            entry.problem = problem
    if entry.problem is not None:
        text = t("tui.portfolio.problem", problem=clean_line(entry.problem.problem))
        return Row(entry.slug, (entry.slug, text), item=entry, alert=True, span_from=1)
    unit = entry.unit
    open_points = sum(f.kind == FindingKind.LEERPUNT and f.state == FindingState.OPEN for f in findings)
    overdue = sum(is_overdue(a, today) for a in actions)
    cells = (
        clean_line(unit.name),
        unit.kind.label,
        " ".join(f"F{unit.phase(route)}" for route in ROUTES),
        str(open_points),
        str(len(actions)),
        t("tui.overdue_count", n=overdue) if overdue else "",
    )
    return Row(entry.slug, cells, item=entry, alert=overdue > 0)
