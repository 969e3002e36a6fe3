"""The actions table of one unit: built to stay fast with 10k actions."""

from __future__ import annotations

import datetime as dt

from store.dates import describe_date
from store.i18n import t
from store.queries import ActionFilter, search_text, search_words, select, words_match
from store.records import Action
from store.rules import is_due_soon, is_overdue
from store.text import clean_line
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row


def action_columns() -> list[Column]:
    return [
        Column(t("tui.col.id"), max_width=8),
        Column(t("tui.col.status"), max_width=13),
        Column(t("tui.col.phase_route"), max_width=5, drop_order=1),
        Column(t("tui.col.deadline"), max_width=14),
        Column(t("tui.col.signal"), max_width=10, hide_empty=True),
        Column(t("tui.col.owner"), max_width=10, drop_order=3),
        Column(t("tui.col.progress"), max_width=4, align="right", drop_order=2),
        Column(t("tui.col.title"), min_width=20),
    ]


class ActionTable(RowTable):
    SELECTABLE = True  # Enter opens the action detail screen

    def __init__(self, **kwargs) -> None:
        super().__init__(action_columns(), **kwargs)


def action_rows(actions: list[Action], today: dt.date) -> list[Row]:
    """Rows in the CLI's order (deadline, then id); runs in a worker thread."""
    return [action_row(action, today) for action in select(actions, ActionFilter(), today)]


def action_row(action: Action, today: dt.date) -> Row:
    overdue = is_overdue(action, today)
    signal = t("tui.overdue") if overdue else t("tui.due_soon") if is_due_soon(action, today) else ""
    cells = (
        action.id,
        action.status.label,
        f"F{action.phase} R{action.route}",
        describe_date(action.deadline, today) if action.deadline else "",
        signal,
        clean_line(action.owner),
        f"{action.progress}%",
        clean_line(action.title),
    )
    # The filter also finds what the row shows: "te laat", "gepland", "F2", "R4", "di 10 nov".
    return Row(action.id, cells, item=action, alert=overdue, search=search_text(action, *cells[1:5]))


def action_filter(text: str):
    """A row predicate: every word occurs in the row's id, title, owner, description
    or shown cells (so `piet te laat` is Piet's overdue actions); None when empty."""
    words = search_words(text)
    if not words:
        return None
    if len(words) == 1:  # the common case, tested 10k times per keystroke: no call inside
        word = words[0]
        return lambda row: word in row.search
    return lambda row: words_match(row.search, words)
