"""Helpers for the TUI tests: data built through the Store API, screen text, settling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store.model.records import Action, Finding, Unit
from store.persistence.repository import Store
from store.model.vocab import FindingKind, Status, UnitKind
from tests.conftest import write_unit_file

TODAY = dt.date(2026, 11, 23)
HOSTILE = "[@click=app.quit]x [b]y[/b] [/oops"


def make_store(data_dir: Path) -> Store:
    return Store(data_dir, user="tester", today=TODAY)


def build_small(data_dir: Path) -> Path:
    """Two good units, one corrupt file; fixed content so snapshots are stable."""
    store = make_store(data_dir)
    hoek = store.create_unit(Unit(name="Huisartsenpraktijk De Hoek", relatiemanager="Els",
                                  phases={"1": 2, "2": 1, "3": 1, "4": 3}), "de-hoek")
    store.create_unit(Unit(name="Gemeente Bergdorp", kind=UnitKind.MUNICIPALITY), "bergdorp")
    with store.transaction(hoek.id) as txn:
        txn.add(Action(title=HOSTILE, owner="Sanne", deadline=dt.date(2026, 12, 15)))
        txn.add(Action(title="Terugbelverzoeken binnen een dag afhandelen", owner="Piet de Vries",
                       deadline=dt.date(2026, 11, 10), status=Status.IN_PROGRESS, progress=40, phase=2, route=4))
        txn.add(Action(title="Website: uitleg over e-consult", owner="Anouk", deadline=dt.date(2026, 11, 27), route=2))
        txn.add(Action(title="Wachtkamer: informatiescherm", owner="Els", deadline=dt.date(2027, 3, 1),
                       status=Status.DONE))
        for text in ("Lang wachten aan de telefoon", "Uitslagen komen laat", "Weinig uitleg over medicatie"):
            txn.add(Finding(text=text, kind=FindingKind.LEERPUNT))
        txn.add(Finding(text="Vriendelijke assistentes", kind=FindingKind.POSITIVE))
    write_unit_file(data_dir, "kapot", b"{")
    return data_dir


def add_many_actions(store: Store, slug: str, count: int) -> None:
    """`count` actions in one unit, in one transaction (`add_many` is one table pass)."""
    owners = ["Sanne", "Piet", "Anouk", "Els", "Karim"]
    actions = [
        Action(title=f"Actie {n}", owner=owners[n % 5], deadline=TODAY + dt.timedelta(days=n % 400 - 100), progress=n % 101)
        for n in range(1, count + 1)
    ]
    with store.transaction(slug) as txn:
        txn.add_many(actions)


def screen_lines(app) -> list[str]:
    """The text of every line on screen, as the terminal would show it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def settle(pilot) -> None:
    """Let screens mount, workers finish and their messages be handled (all but the
    live-refresh watchers, which sleep until a change or their screen closes)."""
    await pilot.pause()
    busy = [w for w in pilot.app.workers if w.group != "watch"]
    if busy:  # (an empty list would mean "all of them")
        await pilot.app.workers.wait_for_complete(busy)
    await pilot.pause()
    await pilot.pause()


async def open_unit(pilot, name_part: str = "hoek"):
    """From the portfolio: `/`, part of a unit's name, Enter: its dashboard."""
    from tui.screens.dashboard_screen import DashboardScreen

    await settle(pilot)
    await pilot.press("slash", *name_part, "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DashboardScreen)
    return pilot.app.screen


async def open_actions(pilot, name_part: str = "hoek"):
    """From the portfolio: the unit's dashboard, then `a`: its actions table."""
    from tui.screens.actions_screen import ActionsScreen
    from tui.widgets.action_table import ActionTable

    await open_unit(pilot, name_part)
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ActionsScreen)
    return pilot.app.screen.query_one(ActionTable)


async def open_meetings(pilot):
    """From the portfolio: open De Hoek, then its meetings (keyboard only)."""
    from tui.screens.meetings_screen import MeetingsScreen
    from tui.widgets.meeting_table import MeetingTable

    await open_unit(pilot, "hoek")
    await pilot.press("m")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MeetingsScreen)
    return pilot.app.screen.query_one(MeetingTable)
