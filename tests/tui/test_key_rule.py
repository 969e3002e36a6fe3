"""The one key rule on every list screen: `/` starts the filter, letters are
commands, and a letter that is no command on that screen shows the hint
"/ om te filteren" and does nothing else. One app per screen; every letter a–z and
A–Z is typed on it, and after a command that opens something the sweep comes back."""

from __future__ import annotations

import datetime as dt
import string

from textual.widgets import Input

from store.model.records import Kpi, Meeting
from tests.tui.helpers import TODAY, make_store, open_actions, open_meetings, open_unit, screen_lines, settle
from tui.app import make_app
from tui.dialogs.file_dialogs import ExportDialog, ImportDialog
from tui.screens.board_screen import BoardScreen
from tui.screens.capture_screen import CaptureScreen
from tui.screens.inbox_screen import InboxScreen
from tui.screens.kpi_screen import KpiListScreen
from tui.screens.meeting_form_screen import MeetingFormScreen
from tui.screens.meetings_screen import MeetingsScreen
from tui.screens.phases_screen import PhasesScreen
from tui.screens.portfolio_screen import PortfolioScreen
from tui.dialogs.action_dialog import ActionDialog
from tui.screens.visit_screen import VisitScreen
from tui.dialogs.finding_dialogs import LinkDialog, ReasonDialog, TitlesDialog
from tui.dialogs.kpi_dialogs import KpiForm

LETTERS = string.ascii_lowercase + string.ascii_uppercase
HINT = "/ om te filteren"


def add_meeting_and_kpi(data_dir) -> None:
    store = make_store(data_dir)
    store.add(Meeting(date=dt.date(2026, 10, 1), theme="Bereikbaarheid"), "de-hoek")
    store.add(Kpi(action="A-2", name="Terugbellen binnen een dag"), "de-hoek")


def shown_keys(screen) -> list:
    if isinstance(screen, BoardScreen):
        return [[card.action.id for card in column] for column in screen.board.columns]
    return [row.key for row in screen.table.rows]


def opens(kind, **attributes):
    """A command that opens a screen (or dialog) of `kind`; Escape comes back."""

    async def check(pilot, screen) -> None:
        app = pilot.app
        assert isinstance(app.screen, kind), (kind, app.screen)
        for name, value in attributes.items():
            assert getattr(app.screen, name) == value
        await pilot.press("escape")  # nothing typed there: closes without asking
        await settle(pilot)

    return check


def changes(attribute: str):
    """A command that changes `attribute` of the screen in place (a sort, a route)."""

    async def check(pilot, screen) -> None:
        assert pilot.app.screen is screen
        assert getattr(screen, attribute) != screen.before[attribute]

    return check


async def sweep(pilot, commands: dict) -> None:
    """Every letter on the current screen: a command does what `commands` checks, any
    other letter only shows the hint (same screen, empty filter, same rows)."""
    app = pilot.app
    screen = app.screen
    for letter in LETTERS:
        screen.before = {name: getattr(screen, name, None) for name in ("order", "reverse", "route", "group", "mine")}
        rows = shown_keys(screen)
        screen.restore_status()
        await pilot.press(letter)
        if letter in commands:
            await settle(pilot)
            await commands[letter](pilot, screen)
            assert app.screen is screen, letter
            continue
        await pilot.pause()
        assert app.is_running and app.screen is screen, letter
        assert screen.filter_input.value == "" and screen.focused is not screen.filter_input, letter
        assert shown_keys(screen) == rows, letter
        assert any(HINT in line for line in screen_lines(app)), letter
    # `/` then starts the filter, and command letters are typed into it.
    await pilot.press("slash", *"lS")
    assert screen.filter_input.value == "lS" and app.screen is screen
    await pilot.press("escape")  # clears the filter (a second Escape would go back)
    assert screen.filter_input.value == "" and app.screen is screen and screen.focused is not screen.filter_input


async def test_portfolio(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PortfolioScreen)
        assert "/ Zoeken" in screen_lines(app)[-1]  # the footer says how to filter
        await sweep(pilot, {"L": opens(InboxScreen, slug=None), "F": opens(PhasesScreen), "B": opens(VisitScreen),
                            "S": changes("order"), "R": changes("reverse"), "G": changes("group"),
                            "M": changes("mine")})
        assert app.is_running  # q, u (`qu`) and every other letter left it running


async def test_actions_and_board(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot)
        await sweep(pilot, {"m": opens(MeetingsScreen), "l": opens(InboxScreen, slug="de-hoek"), "n": opens(ActionDialog),
                            "S": changes("order"), "R": changes("reverse"),
                            "e": opens(ExportDialog), "i": opens(ImportDialog)})
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
        await sweep(pilot, {"r": changes("route")})


def notifies(text: str):
    """A command that answers with a notification (on the same screen)."""

    async def check(pilot, screen) -> None:
        await settle(pilot)
        assert pilot.app.screen is screen
        assert any(text in str(n.message) for n in pilot.app._notifications), text

    return check


async def test_meetings_and_capture(small_dir, tmp_path, monkeypatch):
    from tui.dialogs.yes_no_dialog import YesNoDialog

    monkeypatch.chdir(tmp_path)  # `t` writes the feedback document here
    add_meeting_and_kpi(small_dir)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        await sweep(pilot, {"n": opens(MeetingFormScreen, meeting=None), "c": opens(CaptureScreen),
                            "l": opens(InboxScreen, slug="de-hoek"), "s": opens(YesNoDialog),
                            "t": notifies("Terugkoppeling geschreven"), "v": notifies("geen andere bijeenkomst"),
                            "e": opens(ExportDialog)})
        # The capture list: its field always has focus, so every letter is text.
        await pilot.press("c")
        await settle(pilot)
        capture = app.screen
        assert isinstance(capture, CaptureScreen)
        await pilot.press(*LETTERS)
        await settle(pilot)
        assert app.screen is capture and capture.query_one(Input).value == LETTERS
        assert capture.has_unsaved_changes()  # a typed line, not entered yet


async def test_inbox_of_one_unit_and_of_all(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot)
        await pilot.press("l")
        await settle(pilot)
        row_commands = {"a": opens(TitlesDialog), "k": opens(LinkDialog), "p": opens(ReasonDialog),
                        "x": opens(ReasonDialog), "e": opens(ExportDialog)}
        await sweep(pilot, row_commands)
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen) and app.screen.slug is None
        await sweep(pilot, row_commands)


async def test_kpi_lists(small_dir):
    """On the unit's KPI list `w` (this period's values for every KPI) is the one
    letter command (a KPI is added from its action, so `a` is not offered there); on
    an action's list `a` adds one."""
    from tui.dialogs.period_pass_dialog import PeriodPassDialog

    add_meeting_and_kpi(small_dir)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, KpiListScreen) and app.screen.action_id is None
        assert "KPI erbij" not in screen_lines(app)[-1]  # the footer promises nothing it cannot do
        await sweep(pilot, {"w": opens(PeriodPassDialog)})
        app.push_screen(KpiListScreen(app.store, "de-hoek", "A-2"))
        await settle(pilot)
        assert "a KPI erbij" in screen_lines(app)[-1]
        await sweep(pilot, {"a": opens(KpiForm), "w": opens(PeriodPassDialog)})


async def test_typing_a_units_name_on_the_portfolio_only_shows_the_hint(small_dir):
    """Only capitals are commands on the portfolio: a name typed without `/` (`best`,
    `bergdorp`: lowercase b was once the visit key) leaves the screen as it was."""
    from tui.screens.portfolio_screen import PortfolioScreen

    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"bergdorp best hoek")
        await settle(pilot)
        assert isinstance(app.screen, PortfolioScreen) and len(app.screen_stack) == 2  # the default screen below
        assert "/ om te filteren" in "\n".join(screen_lines(app))
