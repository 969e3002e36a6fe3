"""This period's KPI values in the evaluation meeting (mixin of ReviewScreen): Enter
in a KPI's field saves the value at once (store.moments.measurements.enter_period) and the
chart redraws. A day that already has a value for the KPI is asked about (replace,
keep both, or save nothing: the typed value then stays in its field). ctrl+z takes
the last value entered in this meeting back (the store's undo, at the revision it
left: a colleague's change since is named, never reverted)."""

from __future__ import annotations

from textual import work
from textual.message import Message
from textual.widgets import Input

from store.model.changes import undo_message
from store.errors import SpiegelError
from store.model.fields import show_date
from store.i18n import t
from store.model.kpis import analyse_kpi, started_on
from store.moments.measurements import PassResult, enter_period
from store.model.records import Kpi
from store.moments.reviews import Outcome
from store.model.runchart import Analysis, quantity
from store.text import visible_line
from tui.screens.table_screen import describe_error
from tui.widgets.form_row import FormRow
from tui.widgets.review_form import kpi_line


class ReviewValues:
    """Needs `store`, `slug`, `item`, `analyses`, `outcomes`, `_shown`, `_typed()`,
    `_show_chart()` of the screen."""

    class ValueSaved(Message):
        def __init__(self, result: PassResult, analyses: dict[str, Analysis], typed: dict[str, str]) -> None:
            super().__init__()
            self.result, self.analyses, self.typed = result, analyses, typed

    class ValueUndone(Message):
        def __init__(self, kpi: Kpi | None, analysis: Analysis | None, text: str, ok: bool) -> None:
            super().__init__()
            self.kpi, self.analysis, self.text, self.ok = kpi, analysis, text, ok

    entered: list[tuple[str, int, str]]  # (KPI id, the revision the value left it at, action id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-value")
    def save_values(self, values: dict[str, str], same_day: dict[str, str] | None = None) -> None:
        result = enter_period(self.store, self.slug, self.store.today(), values, same_day=same_day)
        analyses = {k.id: analyse_kpi(k, started_on(self.store, k)) for k in result.saved}
        self.post_message(self.ValueSaved(result, analyses, values))

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-value")
    def undo_value(self, kpi_id: str, rev: int) -> None:
        try:
            kpi = self.store.undo(kpi_id, rev=rev)
        except SpiegelError as error:
            self.post_message(self.ValueUndone(None, None, describe_error(error), ok=False))
            return
        analysis = analyse_kpi(kpi, started_on(self.store, kpi))
        self.post_message(self.ValueUndone(kpi, analysis, undo_message(kpi, self.store.today()), ok=True))

    def enter_value(self, kpi_id: str, text: str) -> None:
        self.save_values({kpi_id: text})

    def on_review_values_value_saved(self, message: ValueSaved) -> None:
        if self.item is None:
            return
        result = message.result
        for kpi_id, problem in result.problems.items():
            self.query_one(f"#row-kpi-{kpi_id}", FormRow).set_error(problem)
        for kpi in result.saved:
            self._value_shown(kpi, message.analyses[kpi.id])
            self.notify(t("tui.review.value_saved", id=kpi.id), markup=False)
        if result.same_day:
            self._ask_same_day(result, message.typed)
        self._shown = self._typed()

    def _value_shown(self, kpi: Kpi, analysis: Analysis) -> None:
        """The saved value: out of its field, into the chart, the line beside and the overview."""
        self.analyses[kpi.id] = analysis
        self.item.kpis = [kpi if k.id == kpi.id else k for k in self.item.kpis]
        row = self.query_one(f"#row-kpi-{kpi.id}", FormRow)
        row.set_error("")
        row.set_aside(kpi_line(kpi, self.store.today()))
        self.query_one(f"#in-kpi-{kpi.id}", Input).value = ""
        self._show_chart(kpi)
        self.entered.append((kpi.id, kpi.rev, self.item.action.id))
        outcome = self.outcomes.setdefault(self.item.action.id, Outcome(self.item.action, skipped=True))
        last = kpi.measurements[-1] if kpi.measurements else None
        outcome.values.append((visible_line(kpi.name), quantity(last.value if last else None, kpi.measure_unit)))

    def _ask_same_day(self, result: PassResult, typed: dict[str, str]) -> None:
        from tui.dialogs.same_day_dialog import SameDayDialog, same_day_question

        today = self.store.today()
        units = {k.id: k.measure_unit for k in self.item.kpis}
        lines = [t("tui.sameday.line", id=kpi_id, date=show_date("measurement", m.date, today),
                   value=quantity(m.value, units.get(kpi_id, ""))) for kpi_id, m in result.same_day.items()]
        asked = {kpi_id: typed[kpi_id] for kpi_id in result.same_day}

        def answered(choice: str | None) -> None:
            if choice is None:
                self.notify(t("tui.sameday.not_saved"), severity="warning", markup=False)
                return
            self.save_values(asked, {kpi_id: choice for kpi_id in asked})

        self.app.push_screen(SameDayDialog(same_day_question(lines)), answered)

    def action_undo_value(self) -> None:
        """The last value entered in this meeting, taken back."""
        if not self.entered:
            self.notify(t("tui.review.nothing_to_undo"), severity="warning", markup=False)
            return
        kpi_id, rev, _action_id = self.entered[-1]
        self.undo_value(kpi_id, rev)

    def on_review_values_value_undone(self, message: ValueUndone) -> None:
        if not message.ok or message.kpi is None:
            self.notify(message.text, severity="warning", markup=False)
            return
        kpi_id, _rev, action_id = self.entered.pop()
        outcome = self.outcomes.get(action_id)
        if outcome is not None and outcome.values:
            outcome.values.pop()
        if self.item is not None and any(k.id == kpi_id for k in self.item.kpis):
            self.analyses[kpi_id] = message.analysis
            self.item.kpis = [message.kpi if k.id == kpi_id else k for k in self.item.kpis]
            self.query_one(f"#row-kpi-{kpi_id}", FormRow).set_aside(kpi_line(message.kpi, self.store.today()))
            self._show_chart(message.kpi)
        self.notify(message.text, markup=False)
