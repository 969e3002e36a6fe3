"""No lost work and no lost keys: Enter on every discard question keeps the work,
every editing screen answers `has_unsaved_changes()` from what was typed and quit
(ctrl+q) asks then; a burst of keys lands in the fields it was typed for; Enter
typed before the rows are there still opens; keys that did nothing now act or say why."""

from __future__ import annotations

import datetime as dt
import threading

from textual import events
from textual.widgets import Input, TextArea

from store.model.records import Action, Kpi, Meeting
from tests.tui.helpers import TODAY, make_store, open_meetings, open_unit, screen_lines, settle
from tui.app import make_app
from tui.screens.action_detail_screen import ActionDetailScreen
from tui.screens.capture_screen import CaptureScreen
from tui.screens.dashboard_screen import DashboardScreen
from tui.screens.kpi_screen import KpiListScreen
from tui.screens.meeting_form_screen import MeetingFormScreen
from tui.screens.meetings_screen import MeetingsScreen
from tui.screens.portfolio_screen import PortfolioScreen
from tui.screens.run_chart_screen import RunChartScreen
from tui.widgets.dash_links import DashLinks
from tui.dialogs.discard_dialog import DiscardDialog, field_values
from tui.dialogs.finding_dialogs import LinkDialog, ReasonDialog, TitlesDialog
from tui.dialogs.kpi_dialogs import KpiForm, NewMeasurement
from tui.dialogs.yes_no_dialog import YesNoDialog

KEY_NAMES = {" ": "space", "-": "minus", "/": "slash"}


def burst(app, keys: list[str]) -> None:
    """Keys as a paste or a fast typist over SSH sends them: all queued at once."""
    for key in keys:
        character = key if len(key) == 1 else {"enter": "\r", "tab": "\t"}[key]
        app._driver.send_message(events.Key(KEY_NAMES.get(key, key), character))


async def enter_keeps_then_quit_asks(pilot, screen) -> None:
    """Escape on `screen` with typed work asks; Enter keeps it; ctrl+q asks too."""
    app = pilot.app
    assert screen.has_unsaved_changes()
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(app.screen, (DiscardDialog, YesNoDialog)), app.screen
    await pilot.press("enter")  # a stray Enter after Escape: the work stays
    await settle(pilot)
    assert app.screen is screen and screen.has_unsaved_changes()
    await pilot.press("ctrl+q")
    await settle(pilot)
    assert isinstance(app.screen, YesNoDialog) and app.is_running
    await pilot.press("enter")
    await settle(pilot)
    assert app.screen is screen and app.is_running


async def discard(pilot) -> None:
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("j")
    await settle(pilot)


async def test_meeting_form_burst_discard_and_quit(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MeetingFormScreen) and not form.has_unsaved_changes()  # new and untouched
        burst(app, [*"26-11", "tab", "tab", *"theme", "tab", *"question", "enter", *"two", "tab", "7", "enter", "2"])
        await settle(pilot)
        assert form.query_one("#mf-date", Input).value == "26-11"
        assert form.query_one("#mf-theme", Input).value == "theme"
        assert form.query_one("#mf-questions", TextArea).text == "question\ntwo"  # Enter is a new line here
        assert form.query_one("#mf-participants", Input).value == "7"  # and the next field in a line field
        assert form.query_one("#mf-listeners", Input).value == "2"
        assert app.focused is form.query_one("#mf-listeners", Input)
        await enter_keeps_then_quit_asks(pilot, form)
        assert form.query_one("#mf-theme", Input).value == "theme"
        await discard(pilot)
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("n")  # untouched: Escape closes, ctrl+q quits, nothing asked
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert app.return_code == 0


async def test_capture_keeps_a_typed_line(small_dir):
    make_store(small_dir).add(Meeting(date=dt.date(2026, 11, 10), theme="Bereikbaarheid"), "de-hoek")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        await pilot.press("c")
        await settle(pilot)
        capture = app.screen
        assert isinstance(capture, CaptureScreen) and not capture.has_unsaved_changes()
        await pilot.press(*"Lang wachten")
        await enter_keeps_then_quit_asks(pilot, capture)
        assert capture.query_one(Input).value == "Lang wachten"
        await discard(pilot)
        assert isinstance(app.screen, MeetingsScreen)


async def test_finding_and_kpi_dialogs_keep_typed_text(small_dir):
    make_store(small_dir).add(Kpi(action="A-2", name="Terugbellen binnen een dag"), "de-hoek")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot)
        await pilot.press("l")
        await settle(pilot)
        inbox = app.screen
        for key, kind, typed in (("p", ReasonDialog, "later"), ("k", LinkDialog, "12"), ("a", TitlesDialog, "!")):
            await pilot.press(key)
            await settle(pilot)
            dialog = app.screen
            assert isinstance(dialog, kind) and not dialog.has_unsaved_changes()
            await pilot.press(*typed)
            await enter_keeps_then_quit_asks(pilot, dialog)
            assert any(typed in value for value in field_values(dialog))
            await discard(pilot)
            assert app.screen is inbox
        app.push_screen(KpiListScreen(app.store, "de-hoek", "A-2"))
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, KpiForm) and not form.has_unsaved_changes()
        await pilot.press(*"Wachttijd")
        await enter_keeps_then_quit_asks(pilot, form)
        await discard(pilot)
        await pilot.press("enter")  # the KPI's run chart
        await settle(pilot)
        assert isinstance(app.screen, RunChartScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NewMeasurement) and not app.screen.has_unsaved_changes()
        await pilot.press("escape")  # nothing typed (the date was filled in for me): closes at once
        await settle(pilot)
        assert isinstance(app.screen, RunChartScreen)
        await pilot.press("n")
        await settle(pilot)
        measurement = app.screen
        await pilot.press("7")
        await enter_keeps_then_quit_asks(pilot, measurement)
        assert measurement.query_one("#in-value", Input).value == "7"


async def test_enter_typed_before_the_rows_load_opens_the_unit(small_dir, monkeypatch):
    """`/hoek` and Enter sent while the portfolio is still loading: kept, and acted
    on once the rows are there (the load is held back until the keys are in)."""
    import tui.screens.portfolio_screen as portfolio

    keys_in = threading.Event()
    rows_of = portfolio.all_facts

    def slow_rows(*args):
        keys_in.wait(10)
        return rows_of(*args)

    monkeypatch.setattr(portfolio, "all_facts", slow_rows)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, ["/", *"hoek", "enter"])
        for _ in range(5):
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PortfolioScreen) and not screen.table.loaded
        assert screen.filter_input.value == "hoek"
        keys_in.set()
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen) and app.screen.slug == "de-hoek"


async def test_dashboard_enter_opens_the_overdue_and_pilot_actions(small_dir):
    store = make_store(small_dir)
    pilot_action = store.add(Action(title="Proef met terugbelknop", phase=2, started_on=dt.date(2025, 6, 1),
                                    deadline=dt.date(2027, 6, 1)), "de-hoek")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        dashboard = await open_unit(pilot)
        links = dashboard.query_one(DashLinks)
        assert app.focused is links and links.current.id == "A-2"  # the overdue one, first
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActionDetailScreen) and app.screen.action_id == "A-2"
        await pilot.press("escape")
        await settle(pilot)
        for _ in range(10):
            if links.current.id == pilot_action.id and links.lines[links.cursor - 1][1] is None:
                break  # the line under the heading "Pilots …", not the same action in "deadlines"
            await pilot.press("down")
        heading = links.lines[links.cursor - 1][0].plain
        assert links.current.id == pilot_action.id and "pilot" in heading.lower(), heading
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActionDetailScreen) and app.screen.action_id == pilot_action.id


async def test_board_says_why_a_card_cannot_move(small_dir):
    make_store(small_dir).add(Action(title="Uitgerold", phase=4), "de-hoek")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("less_than_sign")  # A-3 is in the first phase
        await settle(pilot)
        assert any("A-3 staat al in de eerste fase" in n.message for n in app._notifications)
        await pilot.press("right", "right", "right", "greater_than_sign")
        await settle(pilot)
        assert any("A-5 staat al in de laatste fase" in n.message for n in app._notifications)


async def test_an_empty_data_directory_says_how_to_add_a_unit(tmp_path):
    app = make_app(tmp_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = " ".join(line.strip() for line in screen_lines(app))
        assert "Geen eenheden gevonden." in text
        assert "spiegel units add NAAM --group GROEP" in text and "beheerder" in text
