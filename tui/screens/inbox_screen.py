"""Leerpunten inbox: every open learning point of one unit (or of all units), with
the meeting it came from. a: turn into actions, k: link to an existing action,
p: park, x: decline (both with a reason). The count of untreated leerpunten is in
the header, so it is always in sight."""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.worker import Worker, WorkerState

from store.errors import SpiegelError
from store.i18n import t
from store.model.records import Finding, Meeting
from store.persistence.repository import Store
from store.text import visible, visible_line
from store.model.vocab import FindingState
from store.moments.workflows import actions_from_finding, decline_finding, link_finding, park_finding
from tui.screens.list_io import ListExportImport
from tui.screens.table_screen import TableScreen
from tui.dialogs.finding_dialogs import LinkDialog, ReasonDialog
from tui.widgets.inbox_table import InboxItem, InboxTable, inbox_rows
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Row

ROW_ACTIONS = ("to_actions", "link", "park", "decline")


class InboxScreen(ListExportImport, TableScreen):
    FILTER_PLACEHOLDER = "tui.inbox.filter"
    BINDINGS = [
        Binding("escape", "escape", "tui.key.back", tooltip="tui.tip.back", id="inbox.back"),
        Binding("a", "to_actions", "tui.key.to_actions", tooltip="tui.tip.to_actions", id="inbox.actions"),
        Binding("k", "link", "tui.key.link", tooltip="tui.tip.link", id="inbox.link"),
        Binding("p", "park", "tui.key.park", tooltip="tui.tip.park", id="inbox.park"),
        Binding("x", "decline", "tui.key.decline", tooltip="tui.tip.decline", id="inbox.decline"),
        Binding("e", "export", "tui.io.key.export", tooltip="tui.io.tip.export", id="inbox.export", show=False),
    ]
    EXPORT_WHAT = "findings"

    def exported(self, item: InboxItem) -> Finding:
        return item.finding

    class Written(Message):
        def __init__(self, text: str, ok: bool) -> None:
            super().__init__()
            self.text, self.ok = text, ok

    def __init__(self, store: Store, slug: str | None, unit_name: str) -> None:
        """`slug` None: the leerpunten of every unit the user may read."""
        super().__init__()
        self.store = store
        self.slug = slug
        self.unit_name = unit_name
        self._set_count(None)

    def make_table(self) -> RowTable:
        return InboxTable(all_units=self.slug is None, id="inbox")

    # loading ---------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="inbox")
    def load(self) -> None:
        store, slug = self.store, self.slug
        if slug is None:
            names = {e.slug: e.unit.name for e in store.units() if e.unit is not None}
        else:
            names = {slug: self.unit_name}
        findings = store.records(Finding, unit=slug)
        meetings = store.records(Meeting, unit=slug)
        rows = inbox_rows(findings, meetings, names, store.today(), all_units=slug is None)
        self.post_message(self.RowsLoaded(rows))

    def show_rows(self, rows: list[Row]) -> None:
        table = self.table
        old_key, old_index = (table.current.key if table.current else None), table.cursor
        super().show_rows(rows)
        if table.current is not None and table.current.key != old_key and old_key is not None:
            table.cursor = min(old_index, len(table.rows) - 1)  # the next one moves up
        self._set_count(table.total)
        self.refresh_bindings()

    def _set_count(self, count: int | None) -> None:
        counted = t("tui.inbox.untreated", n=count) if count is not None else t("tui.loading")
        self.sub_title = f"{counted} · {self.unit_name}"  # Header: literal; the count first, never cut

    def count_text(self, shown: int, total: int) -> str:
        return t("tui.inbox.count", shown=shown, total=total) if total else t("tui.inbox.empty")

    def describe(self, row: Row) -> Text:
        item: InboxItem = row.item
        facts = [item.finding.id, t("tui.inbox.from", meeting=item.meeting)]
        if self.slug is None:
            facts.append(visible_line(item.unit_name))
        if item.finding.quick_win:
            facts.append(t("tui.quick_win"))
        return Text.assemble((visible_line(item.finding.text), "bold"), "\n", " · ".join(facts))

    can_go_back = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ROW_ACTIONS:
            tables = self.query(RowTable)
            if not tables or tables.first().current is None:
                return None  # dimmed: nothing selected
        return super().check_action(action, parameters)

    # actions on the selected leerpunt ------------------------------------------------
    def _selected(self) -> Finding | None:
        row = self.table.current
        return row.item.finding if row is not None else None

    def action_to_actions(self) -> None:
        if (finding := self._selected()) is not None:
            title = t("tui.dialog.titles_title", id=finding.id)
            from tui.dialogs.action_dialog import FindingActionsDialog  # owner and deadline with the titles

            dialog = FindingActionsDialog(title, finding, self.store.today(), store=self.store)
            self.app.push_screen(dialog, lambda chosen: chosen and self._write(
                lambda: make_actions(self.store, finding, *chosen)))

    def action_link(self) -> None:
        if (finding := self._selected()) is not None:
            title = t("tui.dialog.link_title", id=finding.id)
            self.app.push_screen(LinkDialog(title, finding, self.store), lambda action_id: action_id and self._write(
                lambda: link_to_action(self.store, finding, action_id)))

    def action_park(self) -> None:
        self._ask_reason(FindingState.PARKED, "tui.dialog.park_title")

    def action_decline(self) -> None:
        self._ask_reason(FindingState.DECLINED, "tui.dialog.decline_title")

    def _ask_reason(self, state: FindingState, title_key: str) -> None:
        if (finding := self._selected()) is not None:
            self.app.push_screen(ReasonDialog(t(title_key, id=finding.id), finding), lambda reason: reason and self._write(
                lambda: set_state(self.store, finding, state, reason)))

    @work(thread=True, exit_on_error=False, group="inbox-write")
    def _write(self, job: Callable[[], str]) -> None:
        try:
            self.post_message(self.Written(job(), ok=True))
        except SpiegelError as error:
            self.post_message(self.Written(t("tui.write_failed", error=visible(str(error))), ok=False))

    def on_inbox_screen_written(self, message: Written) -> None:
        self.notify(message.text, severity="information" if message.ok else "error", markup=False,
                    timeout=4 if message.ok else 10)
        self.load()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "inbox-write" and event.state == WorkerState.ERROR:
            error = visible(str(event.worker.error))
            self.notify(t("tui.write_failed", error=error), severity="error", markup=False, timeout=10)
            self.load()
        else:
            super().on_worker_state_changed(event)


# The writes (store/moments/workflows.py: each one transaction, the revision the inbox showed
# checked inside it); they run in the worker thread and return what to tell the user.
def make_actions(store: Store, finding: Finding, drafts: list, route: int | None = None, phase: int | None = None) -> str:
    """`drafts`: store.moments.visits.ActionDraft (title, owner, deadline) per action; the
    route and phase of them all."""
    created = actions_from_finding(store, finding.id, [d.action() for d in drafts], rev=finding.rev, route=route,
                                   phase=phase)
    return t("tui.inbox.made", n=len(created), id=finding.id, ids=", ".join(a.id for a in created))


def link_to_action(store: Store, finding: Finding, action_id: str) -> str:
    action = link_finding(store, finding.id, action_id, rev=finding.rev)
    return t("tui.inbox.linked", id=finding.id, action=action.id)


def set_state(store: Store, finding: Finding, state: FindingState, reason: str) -> str:
    if state == FindingState.PARKED:
        park_finding(store, finding.id, reason, rev=finding.rev)
        return t("tui.inbox.parked", id=finding.id)
    decline_finding(store, finding.id, reason, rev=finding.rev)
    return t("tui.inbox.declined", id=finding.id)
