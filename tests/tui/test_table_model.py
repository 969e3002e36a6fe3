from __future__ import annotations

import threading

from store.i18n import CATALOGS
from store.model.records import Unit
from tests.tui.helpers import TODAY, make_store, screen_lines, settle
from tui.app import make_app
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import fit


def test_fit_pads_cuts_and_aligns():
    assert fit("abc", 5, "left") == "abc  "
    assert fit("abc", 5, "right") == "  abc"
    assert fit("abcdef", 4, "left") == "abc…"
    assert fit("[b]x[/b]", 8, "left") == "[b]x[/b]"  # measured as the characters it is


def test_catalogs_have_the_same_keys():
    assert set(CATALOGS["nl"]) == set(CATALOGS["en"])


async def test_hostile_unit_name_is_literal(small_dir):
    make_store(small_dir).create_unit(Unit(name="[red]x[/] [/oops", relatiemanager="[@click=app.quit]q"), "vijandig")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(RowTable)
        await pilot.press("S", "home")  # sort by name; the cursor stays on its row until Home
        assert table.current.key == "vijandig"  # '[' sorts before letters
        text = "\n".join(screen_lines(app))
        assert "[red]x[/] [/oops" in text and "relatiemanager: [@click=app.quit]q" in text
        await pilot.click("#detail", offset=(30, 1))
        assert app.is_running


async def test_no_color_keeps_every_meaning(small_dir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = screen_lines(app)
        assert any(line.startswith("> ") for line in lines)  # the cursor, in text
        assert any("1 te laat" in line for line in lines)


async def test_first_frame_does_not_wait_for_data(small_dir, monkeypatch):
    import tui.screens.portfolio_screen as portfolio

    release = threading.Event()
    real = portfolio.all_facts

    def slow_unit_rows(store, today):
        release.wait(5)
        return real(store, today)

    monkeypatch.setattr(portfolio, "all_facts", slow_unit_rows)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(RowTable)
        assert table.loading and "Laden…" in "\n".join(screen_lines(app))
        release.set()
        await settle(pilot)
        assert not table.loading and table.total == 3
