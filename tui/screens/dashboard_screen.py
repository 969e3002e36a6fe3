"""A unit's dashboard, the first screen after opening a unit: where it stands
(phase per route), counts, what is overdue or due next, feedback owed to
participants, pilots to evaluate, open actions per phase and route, and a burn-up
chart with its numbers as a table (`t`). Keys open the unit's other screens; Enter
on a line of the lists opens the action or meeting it names."""

from __future__ import annotations

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import Worker, WorkerState

from store.moments.dashboard import UnitSummary, unit_summary
from store.i18n import t
from store.model.records import Action
from store.persistence.repository import Store
from store.text import visible_line
from tui.bindings import localize_bindings
from tui.navigation import OpensUnitScreens
from tui.screens.live_refresh import LiveRefresh
from tui.screens.table_screen import describe_error
from tui.widgets.burnup_chart import BurnupChart, burnup_table
from tui.widgets.dash_links import DashLinks
from tui.widgets.dashboard_view import counts_block, grid_table, list_lines, phases_block
from tui.widgets.progress_charts import StackedChart, show_statuses, status_legend, status_table
from tui.widgets.fitting_footer import FittingFooter


class DashboardBody(VerticalScroll, inherit_bindings=False):
    """The scrolling page, with its keys in the UI's language (Textual's own
    scroll bindings carry English descriptions into the help screen)."""

    BINDINGS = [
        Binding("up", "scroll_up", "tui.key.up", tooltip="tui.tip.up", show=False),
        Binding("down", "scroll_down", "tui.key.down", tooltip="tui.tip.down", show=False),
        Binding("pageup", "page_up", "tui.key.page_up", tooltip="tui.tip.page_up", show=False),
        Binding("pagedown", "page_down", "tui.key.page_down", tooltip="tui.tip.page_down", show=False),
        Binding("home", "scroll_home", "tui.key.first", tooltip="tui.tip.dash_top", show=False),
        Binding("end", "scroll_end", "tui.key.last", tooltip="tui.tip.dash_end", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)


class DashboardScreen(OpensUnitScreens, LiveRefresh, Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "tui.key.back", tooltip="tui.tip.to_units", id="dash.back"),
        Binding("a", "open('actions')", "tui.key.actions", tooltip="tui.tip.actions", id="dash.actions"),
        Binding("m", "open('meetings')", "tui.key.meetings", tooltip="tui.tip.meetings", id="dash.meetings"),
        Binding("l", "open('inbox')", "tui.key.inbox", tooltip="tui.tip.inbox", id="dash.inbox"),
        Binding("f", "open('board')", "tui.key.board", tooltip="tui.tip.board", id="dash.board"),
        Binding("k", "open('kpis')", "kpi.key.kpis", tooltip="tui.tip.dash_kpis", id="dash.kpis"),
        Binding("b", "open('visit')", "visit.key.visit", tooltip="visit.tip.visit", id="dash.visit", show=False),
        Binding("n", "new_action", "visit.key.new_action", tooltip="visit.tip.new_action", id="dash.new_action"),
        Binding("p", "open('teams')", "tui.key.teams", tooltip="tui.tip.teams", id="dash.teams"),
        Binding("e", "open('review')", "tui.review.key.start", tooltip="tui.review.tip.start", id="dash.review"),
        Binding("t", "toggle_table", "tui.key.chart_table", tooltip="tui.tip.chart_table", id="dash.table"),
    ]
    AUTO_FOCUS = "#dash-body"

    class Loaded(Message):
        def __init__(self, summary: UnitSummary) -> None:
            super().__init__()
            self.summary = summary

    def __init__(self, store: Store, slug: str, unit_name: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.slug, self.unit_name = store, slug, unit_name
        self.sub_title = unit_name  # Header shows titles literally
        self.summary: UnitSummary | None = None
        self.as_table = False

    def compose(self) -> ComposeResult:
        yield Header()
        with DashboardBody(id="dash-body"):
            yield Static("", id="dash-empty", markup=False)
            yield Static("", id="dash-phases", markup=False)
            yield Static("", id="dash-counts", markup=False)
            yield DashLinks(id="dash-lists")
            yield Static(t("tui.dash.grid_title"), id="dash-grid-title", classes="dash-heading", markup=False)
            yield Static("", id="dash-grid", markup=False)
            yield Static("", id="dash-burnup-title", classes="dash-heading", markup=False)
            yield Static("", id="dash-no-chart", markup=False)
            yield BurnupChart(id="dash-chart")
            yield Static("", id="dash-burnup-table", markup=False)
            yield Static("", id="dash-status-title", classes="dash-heading", markup=False)
            yield StackedChart(id="dash-status-chart")
            yield Static(status_legend(), id="dash-status-legend", markup=False)
            yield Static("", id="dash-status-table", markup=False)
        yield FittingFooter()

    def on_key(self, event: events.Key) -> None:
        """The key rule of every screen (tui/screens/key_rule.py): a letter that is
        no command here says so, instead of doing nothing. The dashboard has no
        filter, so its hint names the keys only."""
        bound = self.active_bindings
        if event.is_printable and not any(name in bound for name in (event.key, *event.aliases)):
            event.stop()
            event.prevent_default()
            self.notify(t("tui.keys.dash_hint", letter=event.character or event.key), markup=False, timeout=4)

    def on_mount(self) -> None:
        self.query_one("#dash-body").loading = True
        self.start_watching()

    def on_screen_resume(self) -> None:
        self.reload()  # others (or the screens opened from here) may have changed the unit

    @work(thread=True, exclusive=True, exit_on_error=False, group="dashboard")
    def load(self) -> None:
        self.post_message(self.Loaded(unit_summary(self.store, self.slug)))

    def on_dashboard_screen_loaded(self, message: Loaded) -> None:
        self.query_one("#dash-body").loading = False
        self.summary = summary = message.summary
        today = self.store.today()
        self.query_one("#dash-empty", Static).update(Text(t("tui.dash.empty")) if summary.is_empty else Text(""))
        self.query_one("#dash-empty").display = summary.is_empty
        self.query_one("#dash-phases", Static).update(phases_block(summary))
        self.query_one("#dash-counts", Static).update(counts_block(summary))
        links = self.query_one(DashLinks)
        links.show(list_lines(summary, today))
        if links.can_focus and self.focused is self.query_one("#dash-body"):
            links.focus()  # Enter opens the first overdue action at once
        self.query_one("#dash-grid", Static).update(grid_table(summary))
        self.query_one(BurnupChart).show(summary.burnup)
        self.query_one("#dash-burnup-table", Static).update(burnup_table(summary.burnup))
        show_statuses(self.query_one("#dash-status-chart", StackedChart), summary.statuses)
        self.query_one("#dash-status-table", Static).update(status_table(summary.statuses))
        self._show_chart_or_table()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "dashboard":
            self.query_one("#dash-body").loading = False
            message = t("tui.load_failed", error=describe_error(event.worker.error))
            self.query_one("#dash-empty", Static).update(Text(message))
            self.query_one("#dash-empty").display = True
            self.notify(message, severity="error", markup=False)

    def _show_chart_or_table(self) -> None:
        has_data = bool(self.summary and self.summary.burnup)
        key = "tui.dash.burnup_table" if self.as_table else "tui.dash.burnup_chart"
        self.query_one("#dash-burnup-title", Static).update(Text(t(key)))
        self.query_one("#dash-no-chart", Static).update(Text(t("tui.dash.no_chart")))
        self.query_one("#dash-no-chart").display = not has_data
        self.query_one(BurnupChart).display = has_data and not self.as_table
        self.query_one("#dash-burnup-table").display = has_data and self.as_table
        status_key = "tui.dash.status_table" if self.as_table else "tui.dash.status_chart"
        self.query_one("#dash-status-title", Static).update(Text(t(status_key)))
        self.query_one("#dash-status-title").display = has_data
        for selector in ("#dash-status-chart", "#dash-status-legend"):
            self.query_one(selector).display = has_data and not self.as_table
        self.query_one("#dash-status-table").display = has_data and self.as_table

    def on_dash_links_opened(self, message: DashLinks.Opened) -> None:
        target = message.target
        if isinstance(target, Action):
            from tui.screens.action_detail_screen import ActionDetailScreen

            self.app.push_screen(ActionDetailScreen(self.store, target.id, self.slug))
        else:
            from tui.screens.meeting_form_screen import MeetingFormScreen

            self.app.push_screen(MeetingFormScreen(self.store, self.slug, self.unit_name, target))

    # actions ---------------------------------------------------------------------
    def action_new_action(self) -> None:
        from tui.dialogs.new_action import start_new_action

        start_new_action(self, self.store, self.slug, self._action_made)

    def _action_made(self, action: Action) -> None:
        self.notify(t("visit.action_made", id=action.id, title=visible_line(action.title)), markup=False)
        self.reload()

    def action_toggle_table(self) -> None:
        self.as_table = not self.as_table
        self._show_chart_or_table()
        self.query_one("#dash-body", VerticalScroll).scroll_to_widget(self.query_one("#dash-burnup-title"), top=True)
