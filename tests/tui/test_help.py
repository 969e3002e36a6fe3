from __future__ import annotations

from tests.tui.helpers import TODAY, open_actions, screen_lines, settle
from tui.app import make_app
from tui.screens.help_screen import HelpScreen
from tui.screens.portfolio_screen import PortfolioScreen


async def test_question_mark_opens_help_built_from_the_bindings(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        entries = {e.description: e.keys for e in app.screen.entries}
        assert entries["Stoppen"].split() == ["^q"]  # never a single letter
        assert entries["Help"].split() == ["?", "f1"]
        assert entries["Openen"] == "enter" or "⏎" in entries["Openen"]
        assert "Zoeken" in entries and "Omlaag" in entries
        text = "\n".join(screen_lines(app))
        assert "Sneltoetsen" in text
        app.screen.query_one("#help-body").scroll_end(animate=False, immediate=True)  # the list outgrew one screen
        await pilot.pause()
        assert "Sluit spiegel af." in "\n".join(screen_lines(app))
        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # closes help; does not quit from under it
        assert isinstance(app.screen, PortfolioScreen) and app.is_running


async def test_help_lists_what_the_actions_screen_adds(small_dir):
    app = make_app(small_dir, today=TODAY, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        await pilot.press("question_mark")
        await pilot.pause()
        descriptions = [e.description for e in app.screen.entries]
        assert "Back" in descriptions and "Quit" in descriptions
        assert "Open" in descriptions  # Enter opens the action detail screen


async def test_ctrl_q_quits_and_q_does_not(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, PortfolioScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
