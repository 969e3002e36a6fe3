"""One KPI: its run chart, the signals in words, and the same data as a table.

`n` adds a measurement (saved in one transaction that appends to the KPI as it is
on disk; a day that already has a value is asked about), `e` edits the KPI's own
fields (a revision check: a `Conflict` opens the conflict dialog), `t` hides the
chart so the table is on the first screen and has focus. `c` and `x` correct or
delete the table's highlighted row; `u` undoes the last change of the KPI (the
store's undo, at the revision shown). Every save redraws at once; others' saves
show within about two seconds.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual.worker import Worker, WorkerState

from store.model.fields import show_date
from store.errors import Conflict, SpiegelError
from store.i18n import t
from store.model.records import Kpi, Measurement, Record
from store.persistence.repository import Store
from store.model.kpis import add_measurement, analyse_kpi, describe_problem, measurement_problems, started_on
from store.model.runchart import Analysis, baseline_line, describe_all, number, period_lines, quantity, rules_line
from store.text import visible_line
from tui.bindings import localize_bindings
from tui.screens.live_refresh import LiveRefresh
from tui.screens.record_saving import SaveConflicted
from tui.screens.table_screen import describe_error
from tui.widgets.fitting_footer import FittingFooter
from tui.widgets.run_chart import RunChart, legend, table_rows


def facts_line(kpi: Kpi, analysis: Analysis) -> str:
    return t("kpi.chart.facts", direction=kpi.direction.label, baseline=quantity(kpi.baseline, kpi.measure_unit),
             target=quantity(kpi.target, kpi.measure_unit), median=number(analysis.median),
             points=analysis.median_points)


class RunChartScreen(LiveRefresh, Screen):
    BINDINGS = [
        Binding("n", "measure", "kpi.key.measure", tooltip="kpi.tip.measure", id="kpi.measure"),
        Binding("e", "edit", "kpi.key.edit", tooltip="kpi.tip.edit", id="kpi.edit"),
        Binding("t", "toggle_chart", "kpi.key.table", tooltip="kpi.tip.table", id="kpi.table"),
        Binding("c", "correct", "tui.measurement.key.correct", tooltip="tui.measurement.tip.correct", id="kpi.correct"),
        Binding("x", "delete", "tui.measurement.key.delete", tooltip="tui.measurement.tip.delete", id="kpi.delete"),
        Binding("u", "undo", "tui.measurement.key.undo", tooltip="tui.measurement.tip.undo", id="kpi.undo"),
        Binding("escape", "back", "tui.key.back", tooltip="tui.tip.back", id="kpi.back"),
    ]

    class Loaded(Message):
        def __init__(self, kpi: Kpi, analysis: Analysis, note: str = "") -> None:
            super().__init__()
            self.kpi, self.analysis, self.note = kpi, analysis, note

    class Conflicted(SaveConflicted):
        pass

    class SameDay(Message):
        def __init__(self, asked) -> None:
            super().__init__()
            self.asked = asked  # store.moments.measurements.SameDayValue

    def __init__(self, store: Store, kpi_id: str, unit: str | None = None) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.kpi_id, self.unit = store, kpi_id, unit
        self.kpi: Kpi | None = None
        self._filled = False
        self.sub_title = kpi_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="chart-body"):
            yield Static("", id="kpi-name", markup=False)
            yield Static("", id="kpi-facts", markup=False)
            yield RunChart(id="kpi-chart")
            yield Static(legend(), id="kpi-legend", markup=False)
            yield Static("", id="kpi-signals", markup=False)
            yield Static("", id="kpi-baseline", markup=False)
            yield Static("", id="kpi-rules", markup=False)
            yield Static(t("kpi.chart.table_title"), id="kpi-table-title", markup=False)
            yield DataTable(id="kpi-table", cursor_type="row", zebra_stripes=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("kpi.col.date", "kpi.col.value", "kpi.col.signal", "kpi.col.note"):
            table.add_column(Text(t(key)))
        self.query_one("#chart-body").loading = True
        self.start_watching()
        self.reload()

    @property
    def watched_unit(self) -> str | None:
        return self.unit

    # workers ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="kpi-load")
    def load(self, note: str = "") -> None:
        self.post_message(self._loaded(self.store.get(self.kpi_id, self.unit), note))

    def _loaded(self, kpi: Kpi, note: str = "") -> Loaded:
        """The KPI with its analysis (its action's start decides the baseline)."""
        return self.Loaded(kpi, analyse_kpi(kpi, started_on(self.store, kpi)), note)

    @work(thread=True, exclusive=True, exit_on_error=False, group="kpi-save")
    def add_measurement(self, measurement: Measurement, same_day: str = "ask") -> None:
        """Append to the KPI as it is on disk now: no one's measurement is lost; a
        day that has a value already comes back as SameDay, to be asked about."""
        from store.moments.measurements import SameDayValue

        try:
            saved = add_measurement(self.store, self.kpi_id, measurement, self.kpi.unit, same_day=same_day)
        except SameDayValue as asked:
            self.post_message(self.SameDay((asked, measurement)))
            return
        note = t("kpi.measure.saved", value=number(measurement.value), date=show_date("measurement", measurement.date, self.store.today()), id=saved.id)
        self.post_message(self._loaded(saved, note))

    @work(thread=True, exclusive=True, exit_on_error=False, group="kpi-save")
    def save_kpi(self, edited: Kpi, base: Record) -> None:
        try:
            saved = self.store.save(edited)
        except Conflict as conflict:
            self.post_message(self.Conflicted(conflict, base))
            return
        self.post_message(self._loaded(saved, t("kpi.saved", id=saved.id)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="kpi-save")
    def change_measurement(self, number_: int, rev: int, corrected: Measurement | None) -> None:
        """Correct (or, with None, delete) measurement `number_` of the KPI as shown
        at `rev`: a colleague's change in between is a Conflict, never a wrong point."""
        from store.moments.measurements import correct_measurement, delete_measurement

        if corrected is None:
            saved = delete_measurement(self.store, self.kpi_id, number_, rev=rev)
            note = t("tui.measurement.deleted", id=saved.id)
        else:
            saved = correct_measurement(self.store, self.kpi_id, number_, date=corrected.date, value=corrected.value,
                                        note=corrected.note, rev=rev)
            note = t("tui.measurement.corrected", id=saved.id)
        self.post_message(self._loaded(saved, note))

    @work(thread=True, exclusive=True, exit_on_error=False, group="kpi-save")
    def undo_last(self, rev: int) -> None:
        """The KPI's last change undone, at the revision shown (a colleague's newer
        change is named by StaleUndo, never reverted unseen)."""
        from store.model.changes import undo_message

        undone = self.store.undo(self.kpi_id, rev=rev)
        self.post_message(self._loaded(undone, undo_message(undone, self.store.today())))

    # handlers -------------------------------------------------------------------------
    def on_run_chart_screen_same_day(self, message: SameDay) -> None:
        from tui.dialogs.same_day_dialog import SameDayDialog

        asked, measurement = message.asked

        def answered(choice: str | None) -> None:
            if choice:
                self.add_measurement(measurement, choice)
            else:
                self.notify(t("tui.sameday.not_saved_dialog"), severity="warning", markup=False)

        self.app.push_screen(SameDayDialog(f"{asked.message}"), answered)

    def on_run_chart_screen_loaded(self, message: Loaded) -> None:
        self.query_one("#chart-body").loading = False
        kpi, analysis = message.kpi, message.analysis
        self.kpi, self.unit = kpi, kpi.unit
        self.sub_title = f"{kpi.id} · {visible_line(kpi.action)}"
        self.query_one("#kpi-name", Static).update(Text(visible_line(kpi.name), style="bold"))
        self.query_one("#kpi-facts", Static).update(facts_line(kpi, analysis))
        self.query_one(RunChart).show(kpi, analysis)
        self.query_one("#kpi-legend", Static).update(legend(kpi, analysis))
        problems = [describe_problem(m, problem) for m, problem in measurement_problems(kpi)]
        self.query_one("#kpi-signals", Static).update("\n".join([*problems, *describe_all(analysis)]))
        self.query_one("#kpi-baseline", Static).update("\n".join([baseline_line(analysis), *period_lines(analysis)]))
        self.query_one("#kpi-rules", Static).update(rules_line(analysis))
        self._fill_table(kpi, analysis)
        if message.note:
            self.notify(message.note, markup=False)

    def _fill_table(self, kpi: Kpi, analysis: Analysis) -> None:
        """The rows again, the cursor where it was (the newest row the first time:
        the likeliest to need correcting) and in view, down to the last row."""
        table = self.query_one(DataTable)
        row = table.cursor_row if self._filled else None
        table.clear()
        for cells in table_rows(kpi, analysis):
            table.add_row(*(Text(cell) for cell in cells))
        self._filled = True
        if table.row_count:
            table.move_cursor(row=min(row if row is not None else table.row_count - 1, table.row_count - 1),
                              animate=False, scroll=True)
        if table.has_focus:
            self.call_after_refresh(self._table_in_view)

    def _table_in_view(self) -> None:
        self.query_one("#chart-body", VerticalScroll).scroll_end(animate=False)

    def on_run_chart_screen_conflicted(self, message: Conflicted) -> None:
        from tui.screens.conflict_screen import resolve_conflict

        resolve_conflict(self, message.conflict, message.base, self.save_kpi, t("tui.detail.conflict_kept"), self.load)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Expected results arrive as messages; anything else is reported here."""
        if event.state == WorkerState.ERROR:
            self.query_one("#chart-body").loading = False
            error = event.worker.error
            key = "tui.load_failed" if event.worker.group in ("kpi-load", "watch") else "tui.write_failed"
            severity = "warning" if isinstance(error, SpiegelError) else "error"
            self.notify(t(key, error=describe_error(error)), severity=severity, markup=False)
            if isinstance(error, Conflict):  # a colleague changed the KPI: show it as it is now
                self.load()

    # actions --------------------------------------------------------------------------
    def action_measure(self) -> None:
        from tui.dialogs.kpi_dialogs import NewMeasurement

        if self.kpi is None:
            return

        def entered(values: dict | None) -> None:
            if values:
                self.add_measurement(values["measurement"])

        self.app.push_screen(NewMeasurement(self.store.today(), self.kpi.measure_unit), entered)

    def action_edit(self) -> None:
        from tui.dialogs.kpi_dialogs import KpiForm

        if self.kpi is None:
            return
        base = self.kpi

        def entered(values: dict | None) -> None:
            if values:
                edited = Kpi.from_doc(base.to_doc(), base.unit)
                for name, value in values.items():
                    setattr(edited, name, value)
                self.save_kpi(edited, base)

        self.app.push_screen(KpiForm(t("kpi.form.edit_title", id=base.id), base, self.store.today()), entered)

    def _selected(self) -> tuple[int, Measurement] | None:
        """The number (from 1, in kpi.measurements) and measurement of the table's
        selected row; None without one."""
        table = self.query_one(DataTable)
        if self.kpi is None or not table.row_count:
            return None
        analysis = self.query_one(RunChart).analysis
        row = table.cursor_row
        if analysis is None or not 0 <= row < len(analysis.dates):
            return None
        date, value = analysis.dates[row], analysis.values[row]
        for index, m in enumerate(self.kpi.measurements):
            if m.date == date and m.value == value:
                return index + 1, m
        return None

    def _table_chosen(self) -> bool:
        """`c` and `x` act on the table's highlighted row, so only while the table
        has focus (its cursor shows); otherwise the table gets it and says so."""
        table = self.query_one(DataTable)
        if table.has_focus:
            return True
        self._show_table()
        self.notify(t("tui.measurement.choose"), severity="warning", markup=False)
        return False

    def _show_table(self) -> None:
        table = self.query_one(DataTable)
        table.focus()
        self.call_after_refresh(self._table_in_view)

    def action_correct(self) -> None:
        from tui.dialogs.measurement_dialogs import CorrectMeasurement

        if not self._table_chosen():
            return
        chosen = self._selected()
        if chosen is None:
            self.notify(t("tui.measurement.choose"), severity="warning", markup=False)
            return
        number_, measurement = chosen
        rev = self.kpi.rev

        def entered(values: dict | None) -> None:
            if values:
                self.change_measurement(number_, rev, values["measurement"])

        self.app.push_screen(CorrectMeasurement(self.store.today(), self.kpi.measure_unit, measurement), entered)

    def action_delete(self) -> None:
        from tui.dialogs.yes_no_dialog import YesNoDialog

        if not self._table_chosen():
            return
        chosen = self._selected()
        if chosen is None:
            self.notify(t("tui.measurement.choose"), severity="warning", markup=False)
            return
        number_, m = chosen
        rev = self.kpi.rev
        question = t("tui.measurement.ask_delete", value=number(m.value),
                     date=show_date("measurement", m.date, self.store.today()), id=self.kpi.id)
        self.app.push_screen(YesNoDialog(question, t("tui.measurement.yes_delete"), t("tui.confirm.stay")),
                             lambda yes: self.change_measurement(number_, rev, None) if yes else None)

    def action_toggle_chart(self) -> None:
        """Hide the chart (the table moves up and takes focus, its cursor shown) or
        show it again."""
        hidden = self.query_one("#kpi-chart").display
        for selector in ("#kpi-chart", "#kpi-legend"):
            self.query_one(selector).display = not hidden
        if hidden:
            self._show_table()

    def action_undo(self) -> None:
        if self.kpi is not None:
            self.undo_last(self.kpi.rev)

    def action_back(self) -> None:
        self.app.pop_screen()
