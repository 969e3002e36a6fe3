"""One unit's meetings (spiegelgesprekken, focusgroepen, …): n new, Enter edit,
c capture findings, l the unit's open leerpunten; after a meeting (FeedbackKeys):
t the feedback document, s feedback sent, v compare with another meeting."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.binding import Binding

from store.model.fields import show_date
from store.i18n import t
from store.model.records import Finding, Meeting
from store.persistence.repository import Store
from store.text import visible_line
from tui.navigation import OpensUnitScreens
from tui.screens.feedback_keys import FeedbackKeys
from tui.screens.list_io import ListExportImport
from tui.screens.table_screen import TableScreen
from tui.widgets.meeting_table import MeetingItem, MeetingTable, meeting_rows
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Row


class MeetingsScreen(ListExportImport, FeedbackKeys, OpensUnitScreens, TableScreen):
    FILTER_PLACEHOLDER = "tui.meetings.filter"
    BINDINGS = [
        Binding("escape", "escape", "tui.key.back", tooltip="tui.tip.back", id="meetings.back"),
        Binding("n", "new_meeting", "tui.key.new", tooltip="tui.tip.new_meeting", id="meetings.new"),
        Binding("c", "capture", "tui.key.capture", tooltip="tui.tip.capture", id="meetings.capture"),
        Binding("l", "open('inbox')", "tui.key.inbox", tooltip="tui.tip.inbox", id="meetings.inbox"),
        Binding("t", "feedback_doc", "tui.key.feedback_doc", tooltip="tui.tip.feedback_doc", id="meetings.feedback_doc"),
        Binding("s", "feedback_sent", "tui.key.feedback_sent", tooltip="tui.tip.feedback_sent", id="meetings.feedback_sent"),
        Binding("v", "compare", "tui.key.compare", tooltip="tui.tip.compare", id="meetings.compare"),
        Binding("e", "export", "tui.io.key.export", tooltip="tui.io.tip.export", id="meetings.export", show=False),
    ]
    EXPORT_WHAT = "meetings"

    def exported(self, item: MeetingItem) -> Meeting:
        return item.meeting

    def __init__(self, store: Store, slug: str, unit_name: str) -> None:
        super().__init__()
        self.store = store
        self.slug = slug
        self.unit_name = unit_name
        self.sub_title = t("tui.meetings.subtitle", unit=unit_name)  # Header: literal

    def make_table(self) -> RowTable:
        return MeetingTable(id="meetings")

    @work(thread=True, exclusive=True, exit_on_error=False, group="meetings")
    def load(self) -> None:
        meetings = self.store.records(Meeting, unit=self.slug)
        findings = self.store.records(Finding, unit=self.slug)
        self.post_message(self.RowsLoaded(meeting_rows(meetings, findings, self.store.today())))

    def count_text(self, shown: int, total: int) -> str:
        return t("tui.meetings.count", shown=shown, total=total) if total else t("tui.meetings.empty")

    def describe(self, row: Row) -> Text:
        item: MeetingItem = row.item
        m = item.meeting
        today = self.store.today()
        facts = t(
            "tui.meetings.detail",
            id=m.id,
            date=show_date("date", m.date, today) if m.date else "",
            format=m.format.label,
            facilitator=visible_line(m.facilitator) or t("tui.nobody"),
            minute_taker=visible_line(m.minute_taker) or t("tui.nobody"),
            findings=item.findings,
            open=item.open_points,
        )
        theme = visible_line(m.theme) or t("tui.meetings.no_theme")
        return Text.assemble((theme, "bold"), "\n", facts)

    # navigation ------------------------------------------------------------------
    can_go_back = True

    @on(RowTable.RowSelected)
    def _edit(self, event: RowTable.RowSelected) -> None:
        self._open_form(event.row.item.meeting)

    def action_new_meeting(self) -> None:
        self._open_form(None)

    def _open_form(self, meeting: Meeting | None) -> None:
        from tui.screens.meeting_form_screen import MeetingFormScreen

        self.app.push_screen(MeetingFormScreen(self.store, self.slug, self.unit_name, meeting))

    def action_capture(self) -> None:
        row = self.table.current
        if row is None:
            self.notify(t("tui.meetings.none_selected"), severity="warning", markup=False)
            return
        from tui.screens.capture_screen import CaptureScreen

        self.app.push_screen(CaptureScreen(self.store, row.item.meeting))
