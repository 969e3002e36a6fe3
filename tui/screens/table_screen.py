"""What the portfolio and the actions screen share: a filter field above a
`RowTable`, a detail line for the cursor row, and a status line.

Keys (tui/screens/key_rule.py): `/` starts the filter, letters are commands; the
arrow and page keys move the table's cursor even while the field has focus, Enter
opens (typed before the rows are there, it opens once they are), Escape clears
the filter first and only then goes back.
"""

from __future__ import annotations

import gc

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static
from textual.worker import Worker, WorkerState

from store.errors import FileProblem
from store.i18n import t
from store.text import visible
from tui.bindings import localize_bindings
from tui.screens.key_rule import KeyRule
from tui.screens.live_refresh import LiveRefresh
from tui.widgets.fitting_footer import FittingFooter
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Row, word_filter


BIG_LIST = 1000


class TableScreen(KeyRule, LiveRefresh, Screen):
    BINDINGS = [
        Binding("slash", "focus_filter", "tui.key.filter", tooltip="tui.tip.filter", id="list.filter"),
        Binding("escape", "escape", "tui.key.clear", tooltip="tui.tip.clear", id="list.escape"),
        # While the filter field has focus these reach the screen, as Input does not bind them.
        Binding("up", "table('cursor_up')", "tui.key.up", tooltip="tui.tip.up", show=False),
        Binding("down", "table('cursor_down')", "tui.key.down", tooltip="tui.tip.down", show=False),
        Binding("pageup", "table('page_up')", "tui.key.page_up", tooltip="tui.tip.page_up", show=False),
        Binding("pagedown", "table('page_down')", "tui.key.page_down", tooltip="tui.tip.page_down", show=False),
    ]
    AUTO_FOCUS = "RowTable"
    FILTER_PLACEHOLDER = ""
    ORDERS: list = []
    """Ways to sort (S: next, R: reverse), each with `name` (catalog key), `column`
    (marked in the header, or None) and `row_key(reverse)`; the first is the default.
    Screens that sort bind S and R."""

    class RowsLoaded(Message):
        """A load worker's result: every row of the table (the filter applies after)."""

        def __init__(self, rows: list[Row]) -> None:
            super().__init__()
            self.rows = rows

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)

    # subclasses ------------------------------------------------------------
    def make_table(self) -> RowTable:
        raise NotImplementedError

    def load(self) -> None:
        """Start the worker that fills the table (it posts a message)."""
        raise NotImplementedError

    def make_filter(self, text: str):
        """A row predicate for the filter text, or None for 'show all': every word in
        the row's `search` text. Typing on only narrows, so only shown rows are re-tested."""
        return word_filter(text)

    def describe(self, row: Row) -> Text:
        """The detail line for the cursor row: the full text the columns cut short."""
        raise NotImplementedError

    def describe_nothing(self) -> Text:
        """The detail line when no row is under the cursor."""
        return Text("")

    def count_text(self, shown: int, total: int) -> str:
        raise NotImplementedError

    # composition -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        # select_on_focus=False: keys typed in a burst after `/` may reach the field
        # before its focus event, and a selection would let the next one replace them.
        yield Input(placeholder=t(self.FILTER_PLACEHOLDER), id="filter", select_on_focus=False)
        yield self.make_table()
        yield Static("", id="detail", markup=False)
        yield from self.compose_extra()
        yield Static(t("tui.loading"), id="status", markup=False)
        yield FittingFooter()

    def compose_extra(self) -> ComposeResult:
        yield from ()

    @property
    def table(self) -> RowTable:
        return self.query_one(RowTable)

    filtered = table

    def on_mount(self) -> None:
        self.order, self.reverse = 0, False  # index in ORDERS
        if self.ORDERS:
            self._apply_order(status=False)  # the status line says "loading" until rows come
        self._filter_text = ""
        self.start_watching()

    def on_screen_resume(self) -> None:
        # Every return to the screen reloads: others may have changed the data.
        self.table.loading = not self.table.total
        # Back from a screen opened on a row: the user navigates on, so the table
        # gets the keys (commands, Enter) even if the filter had focus; the filter
        # text stays.
        self.set_focus(self.table)
        self.reload()

    def on_table_screen_rows_loaded(self, message: RowsLoaded) -> None:
        self.show_rows(message.rows)

    def show_rows(self, rows: list[Row]) -> None:
        self.table.loading = False
        self.table.set_rows(rows)
        self._update_status()
        if len(rows) >= BIG_LIST:
            # Thousands of rows and records live as long as the list: without this,
            # each full garbage collection walks them all (35–75 ms measured with
            # 10k actions), a visible stall in the middle of typing. Frozen objects
            # are still freed by reference counting when the list is replaced.
            gc.freeze()

    def filter_applied(self, text: str) -> None:
        """After the filter changed: a screen may move the cursor to the row the text
        names best (the portfolio does)."""

    # events --------------------------------------------------------------------
    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        previous, self._filter_text = self._filter_text, event.value
        narrowing = bool(previous) and event.value.startswith(previous)
        self.table.set_filter(self.make_filter(event.value), narrowing=narrowing, text=event.value)
        self.filter_applied(event.value)
        self._update_status()
        # Bindings stay as they are while typing: refreshing them rebuilds the whole
        # Footer (30–50 ms measured), too slow for every keystroke.

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.table.action_select()

    @on(RowTable.RowHighlighted)
    def _row_highlighted(self, event: RowTable.RowHighlighted) -> None:
        detail = self.describe(event.row) if event.row is not None else self.describe_nothing()
        self.query_one("#detail", Static).update(detail)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place where a failed load is reported (workers use exit_on_error=False)."""
        if event.state == WorkerState.ERROR:
            self.table.loading = False
            message = t("tui.load_failed", error=describe_error(event.worker.error))
            self.query_one("#status", Static).update(Text(message))
            self.notify(message, severity="error", markup=False)

    def _update_status(self) -> None:
        table = self.table
        self.query_one("#status", Static).update(Text(self.count_text(len(table.rows), table.total)))

    # actions -------------------------------------------------------------------
    def _apply_order(self, status: bool = True) -> None:
        order = self.ORDERS[self.order]
        self.table.set_order(order.row_key(self.reverse), self.reverse, order.column)
        if status:
            self._update_status()

    def action_sort(self) -> None:
        """The next order: the default, then each column from left to right."""
        self.order, self.reverse = (self.order + 1) % len(self.ORDERS), False
        self._apply_order()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self._apply_order()

    def order_text(self) -> str:
        """'volgorde: deadline (S sorteert, R keert om)' for the status line."""
        reversed_ = t("tui.sort.reversed") if self.reverse else ""
        return t("tui.sort.by", name=t(self.ORDERS[self.order].name).rstrip("."), reversed=reversed_)

    def restore_status(self) -> None:
        if self.table.loaded:
            self._update_status()
        else:
            self.query_one("#status", Static).update(t("tui.loading"))

    def action_table(self, name: str) -> None:
        getattr(self.table, f"action_{name}")()

    def action_escape(self) -> None:
        if self.leave_filter():
            return
        if self.can_go_back:
            self.escape_empty()
        else:
            self.set_focus(self.table)

    can_go_back = False

    def escape_empty(self) -> None:
        """Escape with nothing left to clear (only called when `can_go_back`): back."""
        self.app.pop_screen()


def describe_error(error: BaseException | None) -> str:
    """One line for a user: the file's name and what is wrong, not the full path."""
    if isinstance(error, FileProblem):
        return f"{visible(error.place)}: {visible(error.problem)}"
    return visible(str(error))
