"""The leerpunten inbox: open learning points with their meeting, the untreated
count always in the header, and a/k/p/x acting on the selected one."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, TextArea

from store.model.records import Action, Finding, Meeting
from store.model.vocab import FindingKind, FindingState
from tests.tui.helpers import HOSTILE, TODAY, build_small, make_store, screen_lines, settle
from tui.app import make_app
from tui.screens.inbox_screen import InboxScreen
from tui.dialogs.discard_dialog import DiscardDialog
from tui.dialogs.finding_dialogs import LinkDialog, ReasonDialog, TitlesDialog
from tui.widgets.inbox_table import InboxTable


def add_meeting_findings(data_dir) -> Meeting:
    """A meeting with a hostile leerpunt (a quick win) and a positive point."""
    store = make_store(data_dir)
    meeting = store.add(Meeting(date=dt.date(2026, 11, 10), theme="Bereikbaarheid"), "de-hoek")
    with store.transaction("de-hoek") as txn:
        txn.add(Finding(meeting=meeting.id, text=HOSTILE, quick_win=True))
        txn.add(Finding(meeting=meeting.id, text="Goede koffie", kind=FindingKind.POSITIVE))
    return meeting


async def open_inbox(pilot) -> InboxTable:
    await settle(pilot)
    await pilot.press("slash", *"hoek", "enter")
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)
    assert isinstance(pilot.app.screen, InboxScreen)
    return pilot.app.screen.query_one(InboxTable)


def finding(data_dir, finding_id: str) -> Finding:
    return make_store(data_dir).get(finding_id)


async def select(pilot, table: InboxTable, finding_id: str) -> None:
    await pilot.press("home", *["down"] * [r.key for r in table.rows].index(finding_id))
    assert table.current.key == finding_id


async def test_lists_open_leerpunten_with_their_meeting_and_count(small_dir):
    add_meeting_findings(small_dir)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_inbox(pilot)
        assert [r.key for r in table.rows] == ["L-5", "L-1", "L-2", "L-3"]  # the quick win first
        assert app.screen.sub_title.startswith("4 onbehandelde leerpunten")
        shown = "\n".join(screen_lines(app))
        assert "4 onbehandelde leerpunten" in shown and "4 van 4 open leerpunten" in shown
        assert "di 10 nov · Bereikbaarheid" in shown and "zonder bijeenkomst" in shown
        assert HOSTILE in shown  # in the detail line, literally
        await pilot.click(InboxTable, offset=(40, 1))
        await pilot.click("#detail", offset=(5, 1))
        assert app.is_running


async def test_turn_a_leerpunt_into_two_actions(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_inbox(pilot)
        await select(pilot, table, "L-2")
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TitlesDialog)
        assert dialog.query_one(TextArea).text == "Uitslagen komen laat"  # pre-filled
        await pilot.press("enter", *"Uitslagen [b]sneller[/b] doorbellen", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        actions = [a for a in make_store(small_dir).records(Action, "de-hoek") if "L-2" in a.findings]
        assert sorted(a.title for a in actions) == ["Uitslagen [b]sneller[/b] doorbellen", "Uitslagen komen laat"]
        assert finding(small_dir, "L-2").state == FindingState.ACTIONS
        assert [r.key for r in table.rows] == ["L-1", "L-3"]
        assert app.screen.sub_title.startswith("2 onbehandelde leerpunten")
        assert table.current.key == "L-3"  # the next one moved up under the cursor


async def test_an_empty_list_of_titles_is_refused(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_inbox(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "  \n "
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TitlesDialog)
        assert "minstens één titel" in "\n".join(screen_lines(app))
        await pilot.press("escape")  # the text was edited: asked first, and Enter keeps it
        await settle(pilot)
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("enter")
        assert isinstance(app.screen, TitlesDialog) and app.screen.query_one(TextArea).text == "  \n "
        await pilot.press("escape", "j")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        assert finding(small_dir, "L-1").state == FindingState.OPEN


async def test_link_to_an_existing_action(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_inbox(pilot)
        await select(pilot, table, "L-1")
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, LinkDialog)
        await pilot.press(*"A-99", "enter")
        assert isinstance(app.screen, LinkDialog)  # no such action: says so, stays
        assert "geen actie in deze eenheid" in "\n".join(screen_lines(app))
        app.screen.query_one(Input).value = ""
        await pilot.press(*"terugbel")  # words of the title work too
        assert "A-2  Terugbelverzoeken" in "\n".join(screen_lines(app))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        store = make_store(small_dir)
        assert store.get("A-2").findings == ["L-1"]
        assert store.get("L-1").state == FindingState.ACTIONS
        assert [r.key for r in table.rows] == ["L-2", "L-3"]


async def test_park_and_decline_need_a_reason(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_inbox(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("enter")  # empty reason
        assert isinstance(app.screen, ReasonDialog)
        assert "een reden is verplicht" in "\n".join(screen_lines(app))
        await pilot.press(*"Eerst de nieuwe telefooncentrale [/]", "enter")
        await settle(pilot)
        parked = finding(small_dir, "L-1")
        assert parked.state == FindingState.PARKED and parked.reason == "Eerst de nieuwe telefooncentrale [/]"
        await pilot.press("x", *"Valt buiten de praktijk", "enter")
        await settle(pilot)
        assert finding(small_dir, "L-2").state == FindingState.DECLINED
        assert [r.key for r in table.rows] == ["L-3"]
        assert app.screen.sub_title.startswith("1 onbehandeld leerpunt")


async def test_someone_else_was_first(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_inbox(pilot)
        make_store(small_dir).change("L-1", {"state": "parked", "reason": "al besproken"})
        await pilot.press("x", *"dubbel", "enter")
        await settle(pilot)
        assert app.is_running and finding(small_dir, "L-1").state == FindingState.PARKED
        assert any("gewijzigd" in n.message for n in app._notifications)
        assert [r.key for r in table.rows] == ["L-2", "L-3"]  # reloaded


async def test_all_units_from_the_portfolio(small_dir):
    add_meeting_findings(small_dir)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen) and app.screen.slug is None
        table = app.screen.query_one(InboxTable)
        assert len(table.rows) == 4 and "Eenheid" in table.render_line(0).text
        assert app.screen.sub_title == "4 onbehandelde leerpunten · Alle eenheden"
        await pilot.press("escape")
        assert not isinstance(app.screen, InboxScreen)


def test_inbox_snapshot(snap_compare, tmp_path):
    data_dir = build_small(tmp_path / "data")
    add_meeting_findings(data_dir)

    async def open_it(pilot):
        await open_inbox(pilot)

    assert snap_compare(make_app(data_dir, today=TODAY), terminal_size=(80, 24), run_before=open_it)


def test_the_all_units_list_keeps_the_kind_of_each_unit():
    """Four units of one place ('Meerhoven') are not one: the opening stays, shortened."""
    from store.model.records import Finding
    from tui.widgets.inbox_table import _row, InboxItem

    names = ["Huisartsenpraktijk Meerhoven", "Gezondheidscentrum Meerhoven", "Hagro Meerhoven", "Gemeente Meerhoven"]
    cells = [_row(InboxItem(Finding(id=f"L-{i}", text="x"), "-", n), all_units=True).cells[1] for i, n in enumerate(names)]
    assert cells == ["Praktijk Meerhoven", "GC Meerhoven", "Hagro Meerhoven", "Gem. Meerhoven"]
