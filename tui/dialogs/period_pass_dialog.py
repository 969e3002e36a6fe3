"""One pass to enter this period's value for every KPI of a unit: the date of the
pass once at the top (a date that happened: '1 nov' is the last one), then one
field per KPI (its whole name above it) with its last value, date and target
beside it. ctrl+s, or Enter in the last KPI's field, saves every value typed in one
transaction (store.moments.measurements.enter_period); a value that is wrong is named
beside its KPI and nothing is saved for that one; the rest is saved.
A KPI that already has a value that day is asked about (replace, keep both, or
leave it typed). Returns the number of KPIs a value was saved for (None: cancelled)."""

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
from store.model.fields import show_date
from store.i18n import language, t
from store.model.kpis import measurement_date
from store.moments.measurements import PassResult, enter_period
from store.model.records import Kpi
from store.persistence.repository import Store
from store.text import visible_line
from tui.bindings import localize_bindings
from tui.form_keys import FIELD_KEYS
from tui.widgets.review_form import kpi_line, kpi_name
from tui.screens.table_screen import describe_error
from tui.dialogs.discard_dialog import KeepsTypedWork
from tui.widgets.form_row import FormRow


class PeriodPassDialog(KeepsTypedWork, ModalScreen[int | None]):
    BINDINGS = [
        *FIELD_KEYS,
        Binding("ctrl+s", "save", "tui.key.save", tooltip="tui.pass.tip.save", id="pass.save"),
        Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.close_dialog", id="pass.cancel"),
    ]

    class Saved(Message):
        def __init__(self, result: PassResult, day, values: dict[str, str]) -> None:
            super().__init__()
            self.result, self.day, self.values = result, day, values

    def __init__(self, store: Store, slug: str, kpis: list[Kpi]) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.slug, self.kpis = store, slug, kpis
        self.saved: set[str] = set()  # the KPIs a value was saved for (the toast counts these)
        self.busy = False  # a save under way: a second ctrl+s would enter every value twice

    def compose(self) -> ComposeResult:
        with Vertical(id="pass-box"):
            yield Static(t("tui.pass.title", n=len(self.kpis)), classes="kpi-dialog-title", markup=False)
            yield FormRow("date", t("tui.pass.date"), _input("date", "vandaag" if language() == "nl" else "today",
                                                           classes="pass-in"),
                          aside=True)
            # Not a focus stop of its own: Tab goes from the date straight to the first KPI.
            with VerticalScroll(id="pass-rows", can_focus=False):
                if not self.kpis:
                    yield Static(t("tui.pass.none"), markup=False)
                for kpi in self.kpis:
                    yield kpi_name(kpi)
                    yield FormRow(f"kpi-{kpi.id}", t("tui.review.value"),
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
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter moves on to the next KPI; on the last one it saves, as ctrl+s does."""
        if self.kpis and event.input.id == f"in-kpi-{self.kpis[-1].id}":
            self.action_save()
            return
        self.app.action_focus_next()

    def action_save(self) -> None:
        if self.busy:
            return
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
        self.busy = True
        self.save(day, values)

    @work(thread=True, exclusive=True, exit_on_error=False, group="pass-save")
    def save(self, day, values: dict[str, str], same_day: dict[str, str] | None = None) -> None:
        self.post_message(self.Saved(enter_period(self.store, self.slug, day, values, same_day=same_day), day, values))

    def on_period_pass_dialog_saved(self, message: Saved) -> None:
        self.busy = False
        result, today = message.result, self.store.today()
        self.saved |= {kpi.id for kpi in result.saved}
        for kpi in result.saved:  # saved: cleared, so a second ctrl+s cannot enter it twice
            self.query_one(f"#in-kpi-{kpi.id}", Input).value = ""
            row = self.query_one(f"#row-kpi-{kpi.id}", FormRow)
            row.set_error("")
            row.set_aside(kpi_line(kpi, today))
        for kpi_id, problem in result.problems.items():
            self.query_one(f"#row-kpi-{kpi_id}", FormRow).set_error(problem)
        if result.same_day:
            self._ask_same_day(message)
            return
        if result.problems:
            self.query_one(f"#in-kpi-{next(iter(result.problems))}", Input).focus()
            self.notify(t("tui.pass.partly", n=len(result.saved), bad=len(result.problems)), severity="warning",
                        markup=False)
            self._shown = None  # what is left typed is work: Escape asks
            return
        self.dismiss(len(self.saved))

    def _ask_same_day(self, message: Saved) -> None:
        """Some KPIs already have a value that day: replace, keep both, or leave
        them typed (nothing saved for them; the others are saved already)."""
        from store.model.runchart import quantity
        from tui.dialogs.same_day_dialog import SameDayDialog, same_day_question

        today, units = self.store.today(), {k.id: k.measure_unit for k in self.kpis}
        same = message.result.same_day
        lines = [t("tui.sameday.line", id=kpi_id, date=show_date("measurement", m.date, today),
                   value=quantity(m.value, units.get(kpi_id, ""))) for kpi_id, m in same.items()]
        asked = {kpi_id: message.values[kpi_id] for kpi_id in same}

        def answered(choice: str | None) -> None:
            if choice is None:
                self.notify(t("tui.sameday.not_saved"), severity="warning", markup=False)
                self.query_one(f"#in-kpi-{next(iter(same))}", Input).focus()
                self._shown = None
                return
            self.busy = True
            self.save(message.day, asked, {kpi_id: choice for kpi_id in asked})

        self.app.push_screen(SameDayDialog(same_day_question(lines)), answered)

    def has_unsaved_changes(self) -> bool:
        return any(i.value.strip() for i in self.query(Input) if (i.id or "").startswith("in-kpi-"))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.busy = False
            self.notify(t("tui.write_failed", error=describe_error(event.worker.error)), severity="error", markup=False)

    def action_cancel(self) -> None:
        if self.saved and not self.has_unsaved_changes():
            self.dismiss(len(self.saved))
            return
        self.cancel_keeping_work()


def _input(name: str, value: str = "", placeholder: str = "", classes: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=f"in-{name}", classes=classes, select_on_focus=False, compact=True)
