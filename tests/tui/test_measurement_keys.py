"""Entering and correcting KPI values with the keyboard at 80x24 (issue 28): the
`w` pass has no invisible focus stop, counts what it really saved and shows KPI
names whole; a second value on one day is asked about; the run chart's table
takes focus after `t`, `c` corrects the highlighted row, the last rows stay in
view, the correction dialog shows Dutch dates and drops stale errors, `u` undoes."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input

from store.model.records import Kpi, Measurement
from tests.tui.helpers import TODAY, build_small, make_store, screen_lines, settle
from tui.app import make_app
from tui.dialogs.measurement_dialogs import CorrectMeasurement
from tui.dialogs.period_pass_dialog import PeriodPassDialog
from tui.dialogs.same_day_dialog import SameDayDialog
from tui.screens.kpi_screen import KpiListScreen
from tui.screens.run_chart_screen import RunChartScreen
from tui.widgets.form_row import FormRow

LONG_NAME = "Terugbelverzoeken binnen een werkdag afgehandeld door de assistente"


def text_of(app) -> str:
    return "\n".join(screen_lines(app))


def notes(app) -> str:
    return "\n".join(n.message for n in app._notifications)


def with_kpis(data_dir, series: list[Measurement] | None = None):
    build_small(data_dir)
    store = make_store(data_dir)
    with store.transaction("de-hoek") as txn:
        txn.add(Kpi(action="A-2", name=LONG_NAME, measure_unit="%", target=80.0, measurements=series or [
            Measurement(dt.date(2026, 10, 1), 50.0), Measurement(dt.date(2026, 11, 1), 55.0)]))
        txn.add(Kpi(action="A-3", name="Klachten", measure_unit="aantal"))
    return store


async def open_pass(pilot, app) -> PeriodPassDialog:
    await settle(pilot)
    app.push_screen(KpiListScreen(app.store, "de-hoek", None, "De Hoek"))
    await settle(pilot)
    await pilot.press("w")
    await settle(pilot)
    assert isinstance(app.screen, PeriodPassDialog)
    return app.screen


async def test_the_pass_has_no_invisible_stop_and_saves_what_was_typed(tmp_path):
    store = with_kpis(tmp_path / "data")
    app = make_app(tmp_path / "data", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pass(pilot, app)
        assert LONG_NAME in text_of(app)  # the whole name, not cut at ~14 characters
        app.screen.query_one("#in-date", Input).focus()
        await pilot.press("tab")
        assert app.focused.id == "in-kpi-K-1"  # straight from Datum to the first KPI
        await pilot.press(*"7,1", "enter", *"52", "enter")  # Enter in the last field saves
        await settle(pilot)
        assert isinstance(app.screen, KpiListScreen)
        assert store.get("K-1").measurements[-1] == Measurement(TODAY, 7.1)
        assert store.get("K-2").measurements == [Measurement(TODAY, 52.0)]
        assert "2 waarden opgeslagen" in notes(app)


async def test_every_focus_stop_of_the_pass_is_marked_without_colour(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    with_kpis(tmp_path / "data")
    app = make_app(tmp_path / "data", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pass(pilot, app)
        for _ in range(4):
            row = next((a for a in app.focused.ancestors if isinstance(a, FormRow)), None)
            assert row is not None and row.query_one(".form-label").rich_style.reverse, app.focused
            await pilot.press("tab")


async def test_a_second_value_on_the_day_of_the_pass_is_asked_about(tmp_path):
    store = with_kpis(tmp_path / "data", [Measurement(TODAY, 55.0)])
    app = make_app(tmp_path / "data", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_pass(pilot, app)
        await pilot.press(*"60", "tab", *"3", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SameDayDialog)
        assert store.get("K-2").measurements == [Measurement(TODAY, 3.0)]  # the other is saved already
        await pilot.press("b")  # keep both
        await settle(pilot)
        assert [m.value for m in store.get("K-1").measurements] == [55.0, 60.0]
        assert "2 waarden opgeslagen" in notes(app)


def long_series() -> list[Measurement]:
    return [Measurement(dt.date(2025, month, 1), 40.0 + month) for month in range(1, 13)] + [
        Measurement(dt.date(2026, 1, 1), 60.0), Measurement(dt.date(2026, 2, 1), 61.0)]


async def test_after_t_the_table_has_focus_and_c_corrects_the_highlighted_row(tmp_path):
    store = with_kpis(tmp_path / "data", long_series())
    app = make_app(tmp_path / "data", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(RunChartScreen(app.store, "K-1", "de-hoek"))
        await settle(pilot)
        await pilot.press("c")  # the chart has focus, not the table: nothing picked silently
        await settle(pilot)
        assert isinstance(app.screen, RunChartScreen) and isinstance(app.focused, DataTable)
        await pilot.press("t")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert app.focused is table and table.cursor_row == table.row_count - 1  # the newest
        await pilot.press("up")
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CorrectMeasurement)
        date = dialog.query_one("#in-date", Input)
        assert date.value == "do 1 jan 2026"  # a Dutch date, never 2026-01-01; its year, as it is months ago
        dialog.query_one("#in-value", Input).value = "abc"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert dialog.query_one("#row-value", FormRow).error
        dialog.query_one("#in-value", Input).value = "53"
        await settle(pilot)
        assert not dialog.query_one("#row-value", FormRow).error  # the stale error is gone
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert store.get("K-1").measurements[-2] == Measurement(dt.date(2026, 1, 1), 53.0)
        shown = text_of(app)
        assert "1 feb 2026" in shown and "1 jan 2026" in shown  # the last rows stay in view
        await pilot.press("u")
        await settle(pilot)
        assert store.get("K-1").measurements[-2].value == 60.0 and "teruggedraaid" in notes(app)


async def test_n_on_the_chart_asks_about_a_second_value_that_day(tmp_path):
    store = with_kpis(tmp_path / "data", [Measurement(TODAY, 55.0)])
    app = make_app(tmp_path / "data", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(RunChartScreen(app.store, "K-1", "de-hoek"))
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"61", "enter")  # today (the date field's default), 61
        await settle(pilot)
        assert isinstance(app.screen, SameDayDialog) and "al een meting op" in app.screen.question
        await pilot.press("v")
        await settle(pilot)
        assert store.get("K-1").measurements == [Measurement(TODAY, 61.0)]
