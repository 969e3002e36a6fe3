"""One pass to enter this period's value for every KPI of a unit: the date of the
pass once at the top (a date that happened: '1 nov' is the last one), then one
field per KPI with its last value, date and target beside it. ctrl+s saves every
value typed in one transaction (store.measurements.enter_period); a value that is
wrong is named beside its KPI and nothing is saved for that one; the rest is saved.
Returns the number of values saved (None: cancelled)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from store.errors import InvalidValue
from store.fields import show_date
from store.i18n import language, t
from store.kpis import measurement_date
from store.measurements import PassResult, enter_period
from store.records import Kpi
from store.repository import Store
from store.text import visible_line
from tui.bindings import localize_bindings
from tui.form_keys import FIELD_KEYS
from tui.widgets.review_form import kpi_line
from tui.screens.table_screen import describe_error
from tui.widgets.discard_dialog import KeepsTypedWork
from tui.widgets.form_row import FormRow


class PeriodPassDialog(KeepsTypedWork, ModalScreen[int | None]):
    BINDINGS = [
        *FIELD_KEYS,
        Binding("ctrl+s", "save", "tui.key.save", tooltip="tui.pass.tip.save", id="pass.save"),
        Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.close_dialog", id="pass.cancel"),
    ]

    class Saved(Message):
        def __init__(self, result: PassResult) -> None:
            super().__init__()
            self.result = result

    def __init__(self, store: Store, slug: str, kpis: list[Kpi]) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.slug, self.kpis = store, slug, kpis
        self.saved = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="pass-box"):
            yield Static(t("tui.pass.title", n=len(self.kpis)), classes="kpi-dialog-title", markup=False)
            yield FormRow("date", t("tui.pass.date"), _input("date", "vandaag" if language() == "nl" else "today",
                                                           classes="pass-in"),
                          aside=True)
            with VerticalScroll(id="pass-rows"):
                if not self.kpis:
                    yield Static(t("tui.pass.none"), markup=False)
                for kpi in self.kpis:
                    yield FormRow(f"kpi-{kpi.id}", kpi.id,
                                  _input(f"kpi-{kpi.id}", "", visible_line(kpi.measure_unit), "pass-in"), aside=True)
            yield Static(t("tui.pass.hint"), classes="kpi-dialog-hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        today = self.store.today()
        for kpi in self.kpis:
            self.query_one(f"#row-kpi-{kpi.id}", FormRow).set_aside(kpi_line(kpi, today))
        self._show_date(self.query_one("#in-date", Input).value)
        first = self.query(f"#in-kpi-{self.kpis[0].id}") if self.kpis else self.query("#in-date")
        first.first(Input).focus()

    @on(Input.Changed, "#in-date")
    def _date_changed(self, event: Input.Changed) -> None:
        self._show_date(event.value)

    def _show_date(self, text: str) -> None:
        try:
            aside = f"→ {show_date('measurement', measurement_date(text, self.store.today()), self.store.today())}"
        except InvalidValue:
            aside = "?"
        self.query_one("#row-date", FormRow).set_aside(aside)

    @on(Input.Submitted)
    def _next_field(self) -> None:  # Enter moves on; saving is ctrl+s
        self.app.action_focus_next()

    def action_save(self) -> None:
        try:
            day = measurement_date(self.query_one("#in-date", Input).value, self.store.today())
        except InvalidValue as problem:
            self.query_one("#row-date", FormRow).set_error(problem.message)
            return
        self.query_one("#row-date", FormRow).set_error("")
        values = {k.id: self.query_one(f"#in-kpi-{k.id}", Input).value for k in self.kpis}
        if not any(v.strip() for v in values.values()):
            self.notify(t("pass.nothing"), severity="warning", markup=False)
            return
        self.save(day, values)

    @work(thread=True, exclusive=True, exit_on_error=False, group="pass-save")
    def save(self, day, values: dict[str, str]) -> None:
        self.post_message(self.Saved(enter_period(self.store, self.slug, day, values)))

    def on_period_pass_dialog_saved(self, message: Saved) -> None:
        result, today = message.result, self.store.today()
        self.saved += len(result.saved)
        for kpi in result.saved:  # saved: cleared, so a second ctrl+s cannot enter it twice
            self.query_one(f"#in-kpi-{kpi.id}", Input).value = ""
            row = self.query_one(f"#row-kpi-{kpi.id}", FormRow)
            row.set_error("")
            row.set_aside(kpi_line(kpi, today))
        for kpi_id, problem in result.problems.items():
            self.query_one(f"#row-kpi-{kpi_id}", FormRow).set_error(problem)
        if result.problems:
            self.query_one(f"#in-kpi-{next(iter(result.problems))}", Input).focus()
            self.notify(t("tui.pass.partly", n=len(result.saved), bad=len(result.problems)), severity="warning",
                        markup=False)
            self._shown = None  # what is left typed is work: Escape asks
            return
        self.dismiss(self.saved)

    def has_unsaved_changes(self) -> bool:
        return any(i.value.strip() for i in self.query(Input) if (i.id or "").startswith("in-kpi-"))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(t("tui.write_failed", error=describe_error(event.worker.error)), severity="error", markup=False)

    def action_cancel(self) -> None:
        if self.saved and not self.has_unsaved_changes():
            self.dismiss(self.saved)
            return
        self.cancel_keeping_work()


def _input(name: str, value: str = "", placeholder: str = "", classes: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=f"in-{name}", classes=classes, select_on_focus=False, compact=True)
