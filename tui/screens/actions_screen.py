"""One unit's improvement actions, filterable, fast with 10k of them."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.binding import Binding

from store.model.fields import show_date
from store.i18n import t
from store.model.records import Action
from store.persistence.repository import Store
from store.text import visible_line
from store.model.vocab import phase_label, route_label
from tui.navigation import OpensUnitScreens
from tui.screens.list_io import ListExportImport
from tui.screens.table_screen import TableScreen
from tui.widgets.action_table import ACTION_ORDERS, ActionTable, action_rows
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Row


class ActionsScreen(ListExportImport, OpensUnitScreens, TableScreen):
    FILTER_PLACEHOLDER = "tui.actions.filter"
    ORDERS = ACTION_ORDERS
    BINDINGS = [
        Binding("escape", "escape", "tui.key.back", tooltip="tui.tip.back", id="actions.back"),
        Binding("n", "new_action", "visit.key.new_action", tooltip="visit.tip.new_action", id="actions.new"),
        Binding("m", "open('meetings')", "tui.key.meetings", tooltip="tui.tip.meetings", id="actions.meetings"),
        Binding("l", "open('inbox')", "tui.key.inbox", tooltip="tui.tip.inbox", id="actions.inbox"),
        # Capitals: lower-case letters typed on the table go to the filter. Not in the
        # footer for room; the status line names them.
        Binding("S", "sort", "tui.key.sort", tooltip="tui.tip.sort_actions", id="actions.sort", show=False),
        Binding("R", "reverse", "tui.key.reverse", tooltip="tui.tip.reverse", id="actions.reverse", show=False),
        # tui/screens/list_io.py; listed in the help (?), not in the footer, for room.
        Binding("e", "export", "tui.io.key.export", tooltip="tui.io.tip.export", id="actions.export", show=False),
        Binding("i", "import", "tui.io.key.import", tooltip="tui.io.tip.import", id="actions.import", show=False),
    ]

    def __init__(self, store: Store, slug: str, unit_name: str) -> None:
        super().__init__()
        self.store = store
        self.slug = slug
        self.sub_title = unit_name  # Header shows titles literally
        self.unit_name = unit_name

    def make_table(self) -> RowTable:
        return ActionTable(id="actions")

    @work(thread=True, exclusive=True, exit_on_error=False, group="actions")
    def load(self) -> None:
        actions = self.store.records(Action, unit=self.slug)
        self.post_message(self.RowsLoaded(action_rows(actions, self.store.today())))

    def count_text(self, shown: int, total: int) -> str:
        if not total:
            return t("tui.actions.empty")
        return f"{t('tui.actions.count', shown=shown, total=total)} · {self.order_text()}"

    def describe(self, row: Row) -> Text:
        action: Action = row.item
        today = self.store.today()
        facts = t(
            "tui.actions.detail",
            id=action.id,
            status=action.status.label,
            owner=visible_line(action.owner) or t("tui.no_owner"),
            deadline=show_date("deadline", action.deadline, today) if action.deadline else t("tui.no_deadline"),
            progress=action.progress,
            phase=action.phase,
            phase_label=phase_label(action.phase),
            route=action.route,
            route_label=route_label(action.route),
        )
        marker = row.cells[4]
        title = Text(visible_line(action.title), style="bold")
        return Text.assemble(title, "\n", (f"{marker} · " if marker else ""), facts)

    @on(RowTable.RowSelected)
    def _open_action(self, event: RowTable.RowSelected) -> None:
        from tui.screens.action_detail_screen import ActionDetailScreen  # imported when first needed

        self.app.push_screen(ActionDetailScreen(self.store, event.row.key, self.slug))

    def action_new_action(self) -> None:
        from tui.dialogs.new_action import start_new_action

        start_new_action(self, self.store, self.slug, self._action_made)

    def _action_made(self, action: Action) -> None:
        self.notify(t("visit.action_made", id=action.id, title=visible_line(action.title)), markup=False)
        self.load()

    can_go_back = True
