"""After a meeting on the demo data, keyboard only at 80×24: the teams of a practice
and their actions (`/Projectteam …` on the actions list), the feedback duty on the
meetings list, and the repeat meeting compared with the first one."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.moments.demo import build_demo
from store.model.records import Action, Meeting, Team
from store.moments.teams import team_actions
from tests.tui.helpers import TODAY, make_store, open_unit, screen_lines, settle
from tui.app import make_app
from tui.screens.actions_screen import ActionsScreen
from tui.screens.compare_screen import CompareScreen
from tui.screens.teams_screen import TeamsScreen


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    build_demo(make_store(data_dir))
    return data_dir


def text(app) -> str:
    return "\n".join(screen_lines(app))


def linde(demo_dir) -> str:
    store = make_store(demo_dir)
    return next(slug for slug in store.slugs() if store.records(Team, slug))


async def test_teams_and_their_actions_on_demo_data(demo_dir):
    store = make_store(demo_dir)
    slug = linde(demo_dir)
    teams = store.records(Team, slug)
    phone = next(team for team in teams if "bereikbaarheid" in team.name)
    owned = team_actions(phone, store.records(Action, slug))
    assert owned  # the demo gives each team an open action
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, store.unit(slug).name.split()[-1].lower())
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, TeamsScreen)
        shown = text(app)
        assert "Kernteam" in shown and "Projectteam bereikbaarheid" in shown and "! advies" in shown
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("slash", *"projectteam bereikbaarheid")
        await settle(pilot)
        rows = app.screen.table.rows
        assert {row.key for row in rows} == {a.id for a in owned}


async def test_the_repeat_meeting_compared_with_the_first_on_demo_data(demo_dir):
    store = make_store(demo_dir)
    slug = linde(demo_dir)
    held = sorted((m for m in store.records(Meeting, slug) if m.date and m.date <= TODAY), key=lambda m: m.date)
    first, repeat = held[0], held[-1]
    assert first.theme == repeat.theme  # the demo's repeat cycle
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, store.unit(slug).name.split()[-1].lower())
        await pilot.press("m")
        await settle(pilot)
        table = app.screen.table
        table.cursor = [row.key for row in table.rows].index(repeat.id)
        await pilot.press("v")
        await settle(pilot)
        picker = app.screen.query_one("#pick-list")
        picker.highlighted = [option.id for option in picker.options].index(first.id)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        shown = text(app)
        assert f"Eerder: {first.id}" in shown and f"Later:  {repeat.id}" in shown
        assert "Thema's die terugkwamen (" in shown and "Thema's die terugkwamen (0)" not in shown


async def test_the_feedback_document_of_a_demo_meeting_and_the_screens_in_english(demo_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = make_store(demo_dir)
    slug = linde(demo_dir)
    app = make_app(demo_dir, today=TODAY, lang="en")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_unit(pilot, store.unit(slug).name.split()[-1].lower())
            await pilot.press("p")
            await settle(pilot)
            assert "core team" in text(app) and "project team" in text(app)
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("m")
            await settle(pilot)
            meeting = app.screen.table.current.item.meeting
            await pilot.press("t")
            await settle(pilot)
            page = (tmp_path / f"feedback-{meeting.id}.html").read_text(encoding="utf-8")
            assert "Thank you for taking part" in page and 'lang="en"' in page
    finally:
        from store.i18n import set_language

        set_language("nl")
