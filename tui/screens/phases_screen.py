"""The portfolio's progress (seed 002): per route, how many units are in each
implementation phase, as a stacked bar chart or (`t`) the same numbers as a table.
Refreshes when any unit changes."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from store.i18n import t
from store.model.progress import phases_per_route
from store.persistence.repository import Store
from tui.bindings import localize_bindings
from tui.screens.live_refresh import LiveRefresh
from tui.widgets.progress_charts import StackedChart, phase_legend, phase_table, show_phases


class PhasesScreen(LiveRefresh, Screen):
    BINDINGS = [
        Binding("t", "toggle_table", "tui.key.chart_table", tooltip="tui.tip.phases_table", id="phases.table"),
        Binding("escape", "app.pop_screen", "tui.key.back", tooltip="tui.tip.back", id="phases.back"),
    ]
    DEFAULT_CSS = """
    #phases-body { padding: 0 1; }
    #phases-title { text-style: bold underline; }
    #phases-chart { height: 14; }
    """

    class Loaded(Message):
        def __init__(self, grid: dict[int, dict[int, int]], units: int) -> None:
            super().__init__()
            self.grid, self.units = grid, units

    def __init__(self, store: Store) -> None:
        super().__init__()
        localize_bindings(self)
        self.store = store
        self.sub_title = t("tui.phases.title")
        self.as_table = False
        self.units = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="phases-body"):
            yield Static("", id="phases-title", markup=False)
            yield StackedChart(id="phases-chart")
            yield Static(phase_legend(), id="phases-legend", markup=False)
            yield Static("", id="phases-table", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.start_watching()
        self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="phases")
    def load(self) -> None:
        units = [entry.unit for entry in self.store.units() if entry.unit is not None]
        self.post_message(self.Loaded(phases_per_route(units), len(units)))

    def on_phases_screen_loaded(self, message: Loaded) -> None:
        self.units = message.units
        show_phases(self.query_one(StackedChart), message.grid)
        self.query_one("#phases-table", Static).update(phase_table(message.grid))
        self._show()

    def _show(self) -> None:
        key = "tui.phases.none" if not self.units else "tui.phases.table" if self.as_table else "tui.phases.chart"
        self.query_one("#phases-title", Static).update(Text(t(key)))
        for selector in ("#phases-chart", "#phases-legend"):
            self.query_one(selector).display = bool(self.units) and not self.as_table
        self.query_one("#phases-table").display = bool(self.units) and self.as_table

    def action_toggle_table(self) -> None:
        self.as_table = not self.as_table
        self._show()
