from __future__ import annotations


from textual.widgets import Input, Static

from tests.tui.helpers import HOSTILE, TODAY, make_store, open_actions, screen_lines, settle
from tui.app import make_app
from tui.screens.actions_screen import ActionsScreen
from tui.widgets.action_table import ActionTable


def row_text(table: ActionTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


async def test_overdue_and_due_soon_are_said_in_words(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_actions(pilot, "hoek")
        lines = row_text(table)
        assert lines[0].split()[:4] == ["Id", "Status", "F/R", "Deadline↓"]  # the arrow: sorted by deadline
        overdue = next(line for line in lines if "A-2" in line)
        # Overdue, so with its year: '10 nov' alone is next year's 10 November for a deadline.
        assert "! te laat" in overdue and "10 nov 2026" in overdue and "bezig" in overdue  # short: the title's room
        assert "binnenkort" in next(line for line in lines if "A-3" in line)
        assert " 1 mrt " in next(line for line in lines if "A-4" in line)  # next March: no year needed
        assert "4 van 4 acties" in "\n".join(screen_lines(app))


async def test_open_actions_come_before_done_ones_and_titles_get_the_room(small_dir):
    from store.model.records import Action
    from store.model.vocab import Status

    store = make_store(small_dir)
    store.add(Action(title="Al lang klaar, vroege deadline", status=Status.DONE, deadline=TODAY.replace(year=2025),
                     owner="praktijkmanager Ruud"), "de-hoek")
    store.add(Action(title="Wachtkamerscherm met uitleg over het portaal", owner="doktersassistente Fleur",
                     deadline=TODAY.replace(year=2027)), "de-hoek")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_actions(pilot, "hoek")
        lines = [line for line in row_text(table)[1:] if line.strip()]
        first_done = next(n for n, line in enumerate(lines) if " klaar " in line)
        assert all(" klaar " in line or " gestopt " in line for line in lines[first_done:])  # closed ones last
        assert any("Al lang klaar" in line for line in lines[first_done:])  # though its deadline is the earliest
        wanted = next(line for line in lines if "Wachtkamerscherm" in line)
        assert "DA Fleur" in wanted and "Wachtkamerscherm met" in wanted  # the role abbreviated first
        await pilot.press("slash", *"in uitvoering")  # the filter still knows the whole status word
        await settle(pilot)
        assert [line for line in row_text(table)[1:] if line.strip()] and all(
            "bezig" in line for line in row_text(table)[1:] if line.strip())


async def test_hostile_title_is_literal_and_harmless(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_actions(pilot, "hoek")
        index = next(i for i, r in enumerate(table.rows) if r.cells[-1] == HOSTILE)
        # The row shows the title's start as typed; the detail line shows all of it.
        assert "[@click=app.qu" in row_text(table)[index + 1]
        await pilot.click(ActionTable, offset=(40, index + 1))  # once to move the cursor
        await pilot.click(ActionTable, offset=(40, index + 1))  # once on the cursor row: opens it
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.screen.sub_title.startswith(table.current.key)  # the detail screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ActionsScreen)
        assert table.current.cells[-1] == HOSTILE
        assert HOSTILE in "\n".join(screen_lines(app))
        detail = app.screen.query_one("#detail", Static)
        assert HOSTILE in str(detail.render())


async def test_hostile_title_fits_whole_on_a_wide_terminal(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(140, 30)) as pilot:
        table = await open_actions(pilot, "hoek")
        lines = row_text(table)
        assert "F/R" in lines[0] and "%" in lines[0]  # dropped at 80 columns only
        assert any(HOSTILE in line for line in lines)


async def test_filter_finds_overdue_of_one_owner_by_what_the_rows_say(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_actions(pilot, "hoek")
        await pilot.press("/", *"te laat")
        assert [r.key for r in table.rows] == ["A-2"]
        await pilot.press(*" sanne")
        assert table.rows == [] and "0 van 4 acties" in "\n".join(screen_lines(app))
        app.screen.filter_input.value = "piet te laat"
        await pilot.pause()
        assert [r.key for r in table.rows] == ["A-2"]
        app.screen.filter_input.value = "gepland r2"  # status and route as the columns show them
        await pilot.pause()
        assert [r.key for r in table.rows] == ["A-3"]


async def test_filter_as_you_type_and_escape_back(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_actions(pilot, "hoek")
        await pilot.press("slash", "p", "i", "e", "t")
        assert [r.key for r in table.rows] == ["A-2"]
        await pilot.press("escape")  # clears the filter first
        assert len(table.rows) == 4 and app.screen.query_one("#filter", Input).value == ""
        await pilot.press("escape")
        assert not isinstance(app.screen, ActionsScreen)


async def test_ten_thousand_actions(big_dir):
    app = make_app(big_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = await open_actions(pilot, "groot")
        assert table.total == 10_000 and len(table.rows) == 10_000
        assert "10000 van 10000 acties" in "\n".join(screen_lines(app))
        await pilot.press("end")
        assert table.cursor == 9_999 and table.current is not None
        assert table.current.key in row_text(table)[-1]  # the cursor row is on screen
        await pilot.press("home", "pagedown")
        assert table.cursor == table.scrollable_content_region.height - 1
        await pilot.press("slash", *"9999")
        await pilot.pause()
        assert [r.key for r in table.rows] == ["A-9999"]
        await pilot.press("backspace")  # back to a text seen before: the rows it had
        assert {r.key for r in table.rows} == {"A-999", "A-1999", "A-2999", "A-3999", "A-4999", "A-5999", "A-6999",
                                               "A-7999", "A-8999", "A-9990", "A-9991", "A-9992", "A-9993", "A-9994",
                                               "A-9995", "A-9996", "A-9997", "A-9998", "A-9999"}


async def test_a_burst_of_keys_after_slash_all_reach_the_filter(small_dir):
    """Typed faster than focus moves (a paste, or keys over a slow SSH link): bound
    letters (l, m, q) must land in the filter, not open screens or get lost."""
    from textual import events

    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot, "hoek")
        for char in "/piet te laat":
            app._driver.send_message(events.Key({"/": "slash", " ": "space"}.get(char, char), char))
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen) and app.is_running
        assert app.screen.filter_input.value == "piet te laat"
        assert [r.key for r in app.screen.table.rows] == ["A-2"]


async def test_sort_on_any_column_and_reverse(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_actions(pilot, "hoek")
        keys = lambda: [r.key for r in table.rows]  # noqa: E731
        assert keys() == ["A-2", "A-3", "A-1", "A-4"]  # by deadline, as `spiegel list`
        assert "volgorde: deadline" in "\n".join(screen_lines(app)).lower()
        await pilot.press("S")  # id
        assert keys() == ["A-1", "A-2", "A-3", "A-4"] and "volgorde: id" in "\n".join(screen_lines(app)).lower()
        await pilot.press("S")  # status: planned, in progress, done
        assert keys() == ["A-3", "A-1", "A-2", "A-4"]
        await pilot.press("R")
        assert keys() == ["A-4", "A-2", "A-1", "A-3"] and "omgekeerd" in "\n".join(screen_lines(app))
        await pilot.press(*"SSSS")  # phase/route, signal, owner, progress
        assert keys() == ["A-4", "A-2", "A-3", "A-1"]  # most progress first (done is 100 %), ties by deadline
        await pilot.press("/", *"gepland")  # the filter keeps the order
        assert keys() == ["A-3", "A-1"]
