"""Fast capture: the list of findings captured so far. What a typed line means is
the store's rule (store/moments/capture.py `parse_capture`), shared with the CLI."""

from __future__ import annotations

from store.moments.capture import Captured, parse_capture  # noqa: F401  (re-exported for the screen and tests)
from store.i18n import t
from store.model.records import Finding
from store.text import visible_line
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row


def capture_columns() -> list[Column]:
    return [
        Column(t("tui.col.id"), max_width=6),
        Column(t("tui.col.kind"), max_width=13),
        Column(t("tui.col.quick_win"), max_width=9, hide_empty=True),
        Column(t("tui.col.text"), min_width=20),
    ]


class FindingList(RowTable, can_focus=False):
    """The findings of one meeting, newest last; never takes focus from the input."""

    SELECTABLE = False

    def __init__(self, **kwargs) -> None:
        super().__init__(capture_columns(), **kwargs)

    def show(self, rows: list[Row]) -> None:
        self.set_rows(rows)
        self.cursor = len(rows) - 1  # the newest one, scrolled into view


def finding_row(finding: Finding, key: str | None = None, state: str = "") -> Row:
    """A row for a saved finding, or (with `state`) one still being saved or failed."""
    ident = state or finding.id
    cells = (
        ident,
        finding.kind.label,
        t("tui.quick_win") if finding.quick_win else "",
        visible_line(finding.text),
    )
    return Row(key or finding.id, cells, item=finding, alert=state.startswith("!"))
