"""The actions table of one unit: built to stay fast with 10k actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from store.model.fields import show_date
from store.i18n import t
from store.model.queries import ActionFilter, search_text, select, sort_key
from store.model.records import Action, id_number
from store.model.owner_names import short_owner
from store.model.rules import is_due_soon, is_open, is_overdue
from store.text import visible_line
from store.model.vocab import Status
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row


def action_columns() -> list[Column]:
    """Narrow fixed columns (a short status word, owners with their role abbreviated):
    the title gets the room at 80 columns; the detail line below says everything whole."""
    return [
        Column(t("tui.col.id"), max_width=8),
        Column(t("tui.col.status"), max_width=8),
        Column(t("tui.col.phase_route"), max_width=5, drop_order=1),
        Column(t("tui.col.deadline"), max_width=11),  # '16 mrt 2026': no weekday, so F/R and % fit at 80
        Column(t("tui.col.signal"), max_width=10, hide_empty=True),
        Column(t("tui.col.owner"), max_width=9, drop_order=3),
        Column(t("tui.col.progress"), max_width=4, align="right", drop_order=2),
        Column(t("tui.col.title"), min_width=12),  # the detail line below shows it whole
    ]


class ActionTable(RowTable):
    SELECTABLE = True  # Enter opens the action detail screen

    def __init__(self, **kwargs) -> None:
        super().__init__(action_columns(), **kwargs)


def action_rows(actions: list[Action], today: dt.date) -> list[Row]:
    """Open actions first, each part in the CLI's order (deadline, then id): what is
    still to do comes before what is done. Runs in a worker thread."""
    ordered = sorted(select(actions, ActionFilter(), today), key=lambda a: not is_open(a))  # stable
    return [action_row(action, today) for action in ordered]


def action_row(action: Action, today: dt.date) -> Row:
    overdue = is_overdue(action, today)
    signal = t("tui.overdue") if overdue else t("tui.due_soon") if is_due_soon(action, today) else ""
    cells = (
        action.id,
        t(f"tui.status_short.{action.status.value}"),
        f"F{action.phase} R{action.route}",
        show_date("deadline", action.deadline, today, weekday=False) if action.deadline else "",
        signal,
        visible_line(short_owner(action.owner)),
        f"{action.progress}%",
        visible_line(action.title),
    )
    # The filter also finds what the row shows: "te laat", "gepland", "F2", "R4", "di 10 nov".
    return Row(action.id, cells, item=action, alert=overdue,
               search=search_text(action, action.status.label, *cells[1:5]))


@dataclass(frozen=True)
class ActionOrder:
    """One way to sort the actions table (see TableScreen.ORDERS); ties go by
    deadline, then id, the order `spiegel list` uses."""

    name: str
    column: int
    key: Callable[[Row], Any]

    def row_key(self, reverse: bool) -> Callable[[Row], Any]:
        return lambda row: (self.key(row), sort_key(row.item))


_STATUS_ORDER = {status: n for n, status in enumerate(Status)}

ACTION_ORDERS = [
    ActionOrder("tui.col.deadline", 3, lambda row: not is_open(row.item)),  # the default: open ones first
    ActionOrder("tui.col.id", 0, lambda row: id_number(row.key)),
    ActionOrder("tui.col.status", 1, lambda row: _STATUS_ORDER[row.item.status]),
    ActionOrder("tui.col.phase_route", 2, lambda row: (row.item.phase, row.item.route)),
    ActionOrder("tui.col.signal", 4, lambda row: (not row.alert, not row.cells[4])),  # overdue, due soon, rest
    ActionOrder("tui.col.owner", 5, lambda row: (not row.cells[5], row.cells[5].casefold())),
    ActionOrder("tui.col.progress", 6, lambda row: -row.item.progress),
    ActionOrder("tui.col.title", 7, lambda row: row.cells[7].casefold()),
]
