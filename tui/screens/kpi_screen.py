"""The KPIs of a unit, or of one action: name, latest value, target, and what the
run-chart rules see. Enter opens the run chart; `a` adds a KPI to the action.

Entry point for other screens: `KpiListScreen(store, unit_slug, action_id=None)`.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.message import Message

from store.errors import SpiegelError
from store.i18n import t
from store.model.records import Action, Kpi, id_number
from store.persistence.repository import Store
from store.model.kpis import analyse_kpi, measurement_problems
from store.model.runchart import number, quantity, summary
from store.text import visible_line
from tui.screens.table_screen import TableScreen, describe_error
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row


class KpiTable(RowTable):
    SELECTABLE = True  # Enter opens the run chart

    def __init__(self, with_action: bool, **kwargs) -> None:
        columns = [
            Column(t("tui.col.id"), max_width=6),
            *([Column(t("kpi.col.action"), max_width=6, drop_order=2)] if with_action else []),
            Column(t("kpi.col.name"), min_width=16),
            Column(t("kpi.col.latest"), max_width=12, align="right"),
            Column(t("kpi.col.target"), max_width=8, align="right", drop_order=1),
            Column(t("kpi.col.signals"), max_width=26),
        ]
        super().__init__(columns, **kwargs)


def kpi_row(kpi: Kpi, with_action: bool, started_on: dt.date | None = None) -> Row:
    analysis = analyse_kpi(kpi, started_on)
    unusable = len(measurement_problems(kpi))
    signals = summary(analysis) + (f" · {t('kpi.summary.unusable', n=unusable)}" if unusable else "")
    latest = quantity(analysis.values[-1], kpi.measure_unit) if analysis.values else "-"
    cells = (
        kpi.id,
        *((kpi.action,) if with_action else ()),
        visible_line(kpi.name),
        latest,
        number(kpi.target),
        signals,
    )
    return Row(kpi.id, cells, item=kpi, search=f"{kpi.id} {kpi.name} {kpi.action}".casefold())


class KpiListScreen(TableScreen):
    FILTER_PLACEHOLDER = "kpi.list.filter"
    BINDINGS = [
        Binding("escape", "escape", "tui.key.back", tooltip="tui.tip.back", id="kpis.back"),
        Binding("a", "add", "kpi.key.add", tooltip="kpi.tip.add", id="kpis.add"),
        Binding("w", "period_pass", "tui.pass.key", tooltip="tui.pass.tip", id="kpis.pass"),
    ]

    class Added(Message):
        def __init__(self, kpi: Kpi | None, error: SpiegelError | None = None) -> None:
            super().__init__()
            self.kpi, self.error = kpi, error

    def __init__(self, store: Store, unit_slug: str, action_id: str | None = None, unit_name: str = "") -> None:
        super().__init__()
        self.store, self.slug, self.action_id = store, unit_slug, action_id
        self.sub_title = t("kpi.list.title_unit", unit=unit_name or unit_slug)

    def make_table(self) -> RowTable:
        return KpiTable(with_action=self.action_id is None, id="kpis")

    @work(thread=True, exclusive=True, exit_on_error=False, group="kpis")
    def load(self) -> None:
        kpis = self.store.records(Kpi, unit=self.slug)
        started = {a.id: a.started_on for a in self.store.records(Action, unit=self.slug)}
        if self.action_id:
            action = self.store.get(self.action_id, self.slug)
            self.app.call_from_thread(self._set_title, action)
            kpis = [k for k in kpis if k.action == self.action_id]
        kpis.sort(key=lambda k: (k.action, id_number(k.id)))
        self.post_message(self.RowsLoaded([kpi_row(k, self.action_id is None, started.get(k.action)) for k in kpis]))

    def _set_title(self, action: Action) -> None:
        self.sub_title = t("kpi.list.title_action", id=action.id, title=visible_line(action.title))  # Header: literal

    def count_text(self, shown: int, total: int) -> str:
        if total:
            return t("kpi.list.count", shown=shown, total=total)
        return t("kpi.list.empty_action") if self.action_id else t("kpi.list.empty_unit")

    def describe(self, row: Row) -> Text:
        kpi: Kpi = row.item
        facts = t("kpi.list.detail", id=kpi.id, action=kpi.action, direction=kpi.direction.label,
                  baseline=quantity(kpi.baseline, kpi.measure_unit), target=quantity(kpi.target, kpi.measure_unit),
                  n=len(kpi.measurements))
        signals = row.cells[-1]  # kpi_row's summary of the run-chart signals
        return Text.assemble(Text(visible_line(kpi.name), style="bold"), "\n", facts, " · ", signals)

    can_go_back = True

    @on(RowTable.RowSelected)
    def _open_chart(self, event: RowTable.RowSelected) -> None:
        from tui.screens.run_chart_screen import RunChartScreen

        self.app.push_screen(RunChartScreen(self.store, event.row.key, self.slug))

    # adding a KPI ----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A KPI belongs to an action: `a` exists (and the footer offers it) only on
        an action's KPI list; on the unit's, `a` is a letter like any other."""
        if action == "add" and not self.action_id:
            return False
        return super().check_action(action, parameters)

    def action_period_pass(self) -> None:
        """This period's value for every KPI shown, in one pass (tui/dialogs/period_pass_dialog.py)."""
        from tui.dialogs.period_pass_dialog import PeriodPassDialog

        kpis = [row.item for row in self.query_one(RowTable).rows if isinstance(row.item, Kpi)]

        def done(saved: int | None) -> None:
            if saved:
                self.notify(t("tui.pass.saved", n=saved), markup=False)
                self.reload()

        self.app.push_screen(PeriodPassDialog(self.store, self.slug, kpis), done)

    def action_add(self) -> None:
        from tui.dialogs.kpi_dialogs import KpiForm

        def entered(values: dict | None) -> None:
            if values:
                self.add_kpi(Kpi(action=self.action_id, **values))

        self.app.push_screen(KpiForm(t("kpi.form.new_title", action=self.action_id), today=self.store.today()), entered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="kpis-save")
    def add_kpi(self, kpi: Kpi) -> None:
        try:
            self.post_message(self.Added(self.store.add(kpi, self.slug)))
        except SpiegelError as error:
            self.post_message(self.Added(None, error))

    def on_kpi_list_screen_added(self, message: Added) -> None:
        if message.error is not None:
            self.notify(t("tui.write_failed", error=describe_error(message.error)), severity="error", markup=False)
            return
        self.notify(t("kpi.added", id=message.kpi.id), markup=False)
        self.reload()
