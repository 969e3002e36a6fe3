"""The command palette (ctrl+p): the screen's commands and every unit's screens,
found by typing; user text in it stays literal."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input

from store.model.records import Unit
from tests.tui.helpers import HOSTILE, TODAY, make_store, screen_lines, settle
from tests.tui.test_live_refresh import wait_until
from tui.app import make_app
from tui.screens.actions_screen import ActionsScreen
from tui.screens.inbox_screen import InboxScreen
from tui.screens.meetings_screen import MeetingsScreen


async def palette(pilot, query: str) -> list[str]:
    """Open the palette, type `query`, and return the hits' plain texts."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert CommandPalette.is_open(pilot.app)
    await pilot.press(*query)
    await settle(pilot)
    await pilot.pause(0.2)  # the palette gathers hits in a background task
    return [str(option.prompt) for option in pilot.app.screen.query_one("CommandList").options]


async def test_palette_opens_any_screen_of_any_unit(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        hits = await palette(pilot, "best hoek")
        assert hits and hits[0].startswith("Bijeenkomsten: Huisartsenpraktijk De Hoek")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen) and app.screen.slug == "de-hoek"
        hits = await palette(pilot, "acties berg")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen) and app.screen.slug == "bergdorp"
        # Escape goes back to the screen the user came from, and from there home.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen) and app.screen.slug == "de-hoek"
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "PortfolioScreen"


async def test_palette_words_match_in_any_order(small_dir):
    """The README's examples: `best kpi` and `hoek bijeenk` find their screens."""
    make_store(small_dir).create_unit(Unit(name="Gemeente Best"), "best")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        hits = await palette(pilot, "best kpi")
        assert hits and hits[0] == "KPI's: Gemeente Best"
        await pilot.press("escape")
        await settle(pilot)
        hits = await palette(pilot, "hoek bijeenk")
        assert hits and hits[0] == "Bijeenkomsten: Huisartsenpraktijk De Hoek"
        assert all("Bergdorp" not in hit for hit in hits)  # every word must match
        await pilot.press("escape")
        await settle(pilot)
        await palette(pilot, "zzzq")
        shown = lambda: "\n".join(screen_lines(app))  # noqa: E731
        # Said after Textual's countdown (SpiegelPalette repeats its private method: this pins it).
        assert await wait_until(pilot, lambda: "Niets gevonden" in shown())  # the UI's words
        assert "No matches" not in "\n".join(screen_lines(app))


async def test_palette_lists_the_screens_own_commands(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.pause(0.2)
        listed = [str(option.prompt).partition("\n")[0] for option in app.screen.query_one("CommandList").options]
        # Discovery: the screen's commands, also those the footer has no room for.
        assert {"Leerpunten", "Help", "Zoeken", "Sorteer", "Omkeren"} <= set(listed)
        assert "Omhoog" not in listed  # cursor movement is not a command
        await pilot.press(*"alle eenh", "enter")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen) and app.screen.slug is None


async def test_hostile_unit_name_is_literal_in_the_palette(tmp_path):
    store = make_store(tmp_path)
    store.create_unit(Unit(name=HOSTILE), "vijand")
    app = make_app(tmp_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        hits = await palette(pilot, "acties oops")
        assert hits == [f"Acties: {HOSTILE}"]
        assert f"Acties: {HOSTILE}" in "\n".join(screen_lines(app))
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, ActionsScreen)
        assert app.screen.sub_title == HOSTILE


async def test_palette_never_closes_a_screen_with_unsaved_edits(small_dir):
    """Palette navigation opens on top (nothing is closed); going home, which closes
    every screen, asks first, and Enter on that question keeps the edits."""
    from tui.dialogs.yes_no_dialog import YesNoDialog

    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await palette(pilot, "acties hoek")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")  # the first action's detail
        await settle(pilot)
        detail = app.screen
        detail.query_one("#f-owner", Input).value = "Nieuwe eigenaar"
        await settle(pilot)
        assert detail.has_unsaved_changes()
        await palette(pilot, "leerp berg")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        assert detail in app.screen_stack  # still there, with the typed owner
        await palette(pilot, "overzicht")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("enter")  # the safe answer: stay
        await settle(pilot)
        assert detail in app.screen_stack and isinstance(app.screen, InboxScreen)  # not taken home
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is detail and detail.query_one("#f-owner", Input).value == "Nieuwe eigenaar"
        await palette(pilot, "overzicht")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("j")  # a deliberate yes
        await settle(pilot)
        assert type(app.screen).__name__ == "PortfolioScreen" and detail not in app.screen_stack
