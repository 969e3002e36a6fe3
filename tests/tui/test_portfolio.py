from __future__ import annotations

from textual.widgets import Input

from tests.tui.helpers import TODAY, make_store, screen_lines, settle
from tests.tui.test_live_refresh import wait_until
from tui.app import make_app
from tui.screens.dashboard_screen import DashboardScreen
from tui.screens.portfolio_screen import PortfolioScreen
from tui.widgets.row_table import RowTable


async def test_lists_good_units_and_the_corrupt_one(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PortfolioScreen)
        table = app.screen.query_one(RowTable)
        assert [r.key for r in table.rows] == ["de-hoek", "bergdorp", "kapot"]  # needs attention first
        text = "\n".join(screen_lines(app))
        assert "Huisartsenpraktijk De Hoek" in text
        assert "F2 F1 F1 F3" in text
        assert "1 te laat" in text  # one overdue action, said in words
        assert "! geen geldige JSON" in text  # the broken file is listed, not hidden
        assert "3 van 3 eenheden" in text
        hoek = next(r for r in table.rows if r.key == "de-hoek")
        assert hoek.cells[3:] == ("3", "3", "1 te laat", "-", "-")  # 3 open leerpunten, 3 open actions


async def test_typing_part_of_a_name_filters(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "h", "o", "e", "k")  # / starts the filter
        table = app.screen.query_one(RowTable)
        assert app.screen.query_one("#filter", Input).value == "hoek"
        assert [r.key for r in table.rows] == ["de-hoek"]
        await pilot.press("escape")
        assert len(table.rows) == 3


async def test_enter_opens_the_units_dashboard(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "b", "e", "r", "g")
        await pilot.press("backspace", "backspace", "backspace", "backspace", "h", "o", "e", "k", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.slug == "de-hoek"
        assert app.screen.sub_title == "Huisartsenpraktijk De Hoek"
        await pilot.press("escape")  # filter empty: back
        await settle(pilot)
        assert isinstance(app.screen, PortfolioScreen)


async def test_opening_the_corrupt_unit_explains_instead_of_crashing(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("end", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        assert any("kapot/unit.json" in n.message for n in app._notifications)


async def test_english(small_dir):
    app = make_app(small_dir, today=TODAY, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = "\n".join(screen_lines(app))
        assert "1 overdue" in text and "Quit" in text and "not valid JSON" in text


async def test_arrows_work_from_the_filter_field(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "e")  # 'Huisartsenpraktijk De Hoek' (1 overdue) and 'Gemeente Bergdorp'
        assert app.focused is app.screen.query_one("#filter", Input)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen) and app.screen.slug == "bergdorp"


async def test_a_unit_that_breaks_while_open_is_reported(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hoek", "enter")
        await settle(pilot)
        (small_dir / "de-hoek" / "unit.json").write_bytes(b"")
        app.screen.load()
        await settle(pilot)
        assert app.is_running
        # the message arrives from the loading worker: waited for, not assumed after one settle
        assert await wait_until(pilot, lambda: any("Laden mislukt: de-hoek/unit.json: leeg bestand" in line
                                                   for line in screen_lines(app)))


async def test_back_from_a_unit_the_table_has_the_keys_and_the_filter_stays(small_dir):
    """After Esc from a unit, letters are commands again (S sorts, q and u only
    hint: typing `qu` never quits), not typed into the filter; ctrl+q quits."""
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hoek", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen.focused, RowTable)
        assert app.screen.query_one("#filter", Input).value == "hoek"
        await pilot.press("S", "q", "u")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, PortfolioScreen)
        assert app.screen.query_one("#filter", Input).value == "hoek"
        assert not any("volgorde: Naam" in line for line in screen_lines(app))  # the hint in its place
        assert any("/ om te filteren" in line for line in screen_lines(app))
        app.screen.restore_status()
        assert any("volgorde: Naam" in line for line in screen_lines(app))  # S sorted by name
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_sort_by_any_column_and_reverse(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(RowTable)
        await pilot.press("S")  # by name
        assert [r.key for r in table.rows] == ["bergdorp", "de-hoek", "kapot"]
        assert "Naam↓" in screen_lines(app)[3]  # the sorted column is marked in text
        await pilot.press("R")  # reversed: the unreadable file stays last
        assert [r.key for r in table.rows] == ["de-hoek", "bergdorp", "kapot"]
        assert "Naam↑" in screen_lines(app)[3]
        assert any("volgorde: Naam (omgekeerd)" in line for line in screen_lines(app))
        await pilot.press(*["S"] * 5)  # kind, phases, leerpunten, actions, overdue
        assert [r.key for r in table.rows][0] == "de-hoek"
        assert any("volgorde: Te laat" in line for line in screen_lines(app))
        await pilot.press(*["S"] * 3)  # meeting, visit, and round to "needs attention"
        assert any("volgorde: aandacht nodig" in line for line in screen_lines(app))


async def test_last_meeting_and_visit_columns(small_dir):
    import datetime as dt

    from store.model.records import Meeting, Unit

    store = make_store(small_dir)
    store.add(Meeting(date=dt.date(2026, 10, 9)), "bergdorp")
    store.add(Meeting(date=dt.date(2026, 12, 9)), "bergdorp")  # planned: not the last one held
    with store.transaction("bergdorp") as txn:
        unit = txn.get(Unit, "bergdorp")
        unit.last_visit = dt.date(2025, 3, 4)
        txn.save(unit)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = next(r for r in app.screen.query_one(RowTable).rows if r.key == "bergdorp")
        assert row.cells[6:] == ("9 okt", "mrt 2025")  # another year: month and year


async def test_planted_fifos_and_links_neither_hang_nor_hide_the_units(small_dir):
    import os

    os.mkfifo(small_dir / "aaa")
    os.mkfifo(small_dir / "aaa.json")
    os.symlink("/dev/zero", small_dir / "zzz")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = [r.key for r in app.screen.query_one(RowTable).rows]
        assert {"de-hoek", "bergdorp", "aaa", "zzz"} <= set(keys)
        text = "\n".join(screen_lines(app))
        assert "is geen map" in text
        await pilot.press("slash", *"hoek", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)  # the app still answers
