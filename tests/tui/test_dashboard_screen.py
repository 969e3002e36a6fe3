"""The unit dashboard: opened from the portfolio, with demo data and with an empty
unit; its keys open the unit's other screens; the burn-up has a table twin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from store.moments.demo import build_demo
from store.model.records import Action, Unit
from tests.tui.helpers import TODAY, make_store, open_unit, screen_lines, settle
from tests.tui.test_live_refresh import wait_until
from tui.app import make_app
from tui.screens.actions_screen import ActionsScreen
from tui.screens.board_screen import BoardScreen
from tui.screens.dashboard_screen import DashboardScreen
from tui.screens.inbox_screen import InboxScreen
from tui.screens.meetings_screen import MeetingsScreen
from tui.widgets.burnup_chart import BurnupChart


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    build_demo(make_store(data_dir))
    return data_dir


def text_of(app) -> str:
    return "\n".join(screen_lines(app))


def chart_text(app) -> str:
    chart = app.screen.query_one(BurnupChart)
    return chart.render().plain


async def test_demo_unit_shows_every_part(demo_dir):
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_unit(pilot, "kastanjehof")
        summary = screen.summary
        assert summary is not None and not summary.is_empty
        assert await wait_until(pilot, lambda: "Fase per route" in text_of(app))  # painted after the load
        text = text_of(app)
        assert "Fase per route" in text and "R1 Het andere gesprek" in text
        assert f"! Te laat ({len(summary.overdue)})" in text  # demo units always have one
        assert summary.overdue[0].id in text
        body = screen.query_one("#dash-body")
        await pilot.press("end")
        assert await wait_until(pilot, lambda: body.scroll_y > 0)  # the page scrolls with the keyboard
        plot = chart_text(app)
        assert "nov" in plot and "jan 26" in plot  # Dutch months, January with its year
        assert "aangemaakt" in plot and "afgerond" in plot  # a legend, not colour alone
        assert screen.query_one(BurnupChart).display


async def test_t_toggles_the_burnup_table(demo_dir):
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_unit(pilot, "kastanjehof")
        await pilot.press("t")
        await settle(pilot)
        assert not screen.query_one(BurnupChart).display
        text = text_of(app)
        last = screen.summary.burnup[-1]
        assert "Maand" in text and "nov 2026" in text
        row = next(line for line in screen_lines(app) if "nov 2026" in line)
        assert row.split()[2:] == [str(last.created), str(last.done), str(last.created - last.done)]
        await pilot.press("t")
        assert screen.query_one(BurnupChart).display


@pytest.mark.parametrize(("key", "screen_type"), [
    ("a", ActionsScreen), ("m", MeetingsScreen), ("l", InboxScreen), ("f", BoardScreen),
])
async def test_keys_open_the_units_screens_and_escape_returns(demo_dir, key, screen_type):
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        dashboard = await open_unit(pilot, "kastanjehof")
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, screen_type) and app.screen.slug == dashboard.slug
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dashboard


async def test_english_axis_and_words(demo_dir):
    app = make_app(demo_dir, today=TODAY, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, "kastanjehof")
        # the counts' labels have a space after them in English too ("Learning p." is 11 wide)
        assert await wait_until(pilot, lambda: re.search(r"^ ?Learning p\. \d+ open", text_of(app), re.M)), text_of(app)
        assert "Phase per route" in text_of(app)
        plot = chart_text(app)
        assert "Jan 26" in plot and "created" in plot


async def test_empty_unit_explains_how_to_begin(tmp_path):
    store = make_store(tmp_path)
    store.create_unit(Unit(name="Praktijk Leeg"), "leeg")
    app = make_app(tmp_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_unit(pilot, "leeg")
        assert screen.summary.is_empty
        text = text_of(app)
        assert "nog geen bijeenkomsten, leerpunten of acties" in text
        assert "geen acties te laat" in text
        assert not screen.query_one(BurnupChart).display
        await pilot.press("end", "t")
        await settle(pilot)
        assert "Nog geen acties, dus nog geen verloop." in text_of(app)


async def test_dashboard_refreshes_when_someone_else_saves(small_dir):
    app = make_app(small_dir, today=TODAY, user="anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, "hoek")
        assert "Te laat (1)" in text_of(app)
        make_store(small_dir).add(Action(title="Nieuwe achterstand", deadline=TODAY.replace(day=1)), "de-hoek")
        assert await wait_until(pilot, lambda: "Te laat (2)" in text_of(app))
        assert "Nieuwe achterstand" in text_of(app)


async def test_hostile_titles_are_literal(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, "hoek")
        assert "[@click=app.quit]x [b]y[/b] [/oops" in text_of(app)  # in the next deadlines
        assert isinstance(app.screen, DashboardScreen)


async def test_an_unbound_letter_on_the_dashboard_says_so(demo_dir):
    # Issue 29: elsewhere a letter that is no command shows the hint; here it did nothing
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_unit(pilot, "kastanjehof")
        await pilot.press("z")
        await settle(pilot)
        assert app.screen is screen
        shown = [str(n.message) for n in app._notifications]
        assert any("'z' doet hier niets" in m and "?" in m for m in shown), shown
