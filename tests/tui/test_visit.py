"""The practice visit, walked with the keyboard at 80x24: from the portfolio (`b`)
on demo data and on an empty unit, an agreement that becomes an action, a phase
change, ctrl+s, the summary written in a worker; Escape asks while something is
not saved. And the new-action key (`n`) on the dashboard and the actions list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.moments.demo import build_demo
from store.model.records import Action, Unit, Visit
from store.moments.visits import unit_visits
from tests.tui.helpers import HOSTILE, TODAY, make_store, open_unit, screen_lines, settle
from tui.app import make_app
from tui.dialogs.action_dialog import ActionDialog
from tui.dialogs.visit_dialogs import PhaseDialog, ReportDialog, WhoDialog
from tui.screens.portfolio_screen import PortfolioScreen
from tui.screens.visit_screen import VisitScreen
from tui.dialogs.discard_dialog import DiscardDialog


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    build_demo(make_store(data_dir))
    return data_dir


def text(app) -> str:
    return "\n".join(screen_lines(app))


def body(app) -> str:
    """The visit screen's whole page, also what is scrolled out of view."""
    return "\n".join(str(w.render()) for w in app.screen.query("#visit-body Static"))


async def start_visit(pilot, name_part: str) -> VisitScreen:
    await settle(pilot)
    await pilot.press("slash", *name_part, "escape")  # the filter keeps the row; Escape gives the table the keys
    await settle(pilot)
    await pilot.press("B")
    await settle(pilot)
    assert isinstance(pilot.app.screen, VisitScreen)
    return pilot.app.screen


async def test_a_visit_end_to_end_on_demo_data(demo_dir, tmp_path):
    store = make_store(demo_dir)
    slug = "huisartsenpraktijk-de-linde"
    before = unit_visits(store, slug)
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_visit(pilot, "linde")
        shown = text(app)
        assert f"Sinds het vorige bezoek ({before[0].date.day}" in shown  # opens on what changed
        assert "nog niet opgeslagen" in shown
        page = body(app)
        assert "Nieuwe metingen en signalen" in page or "Acties over de deadline" in page

        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WhoDialog)
        await pilot.press(*"Marloes, dr. Jansen", "tab", *"Goed gesprek", "ctrl+s")
        await settle(pilot)

        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ActionDialog)
        await pilot.press(*"Terugbelservice uitbreiden", "tab", *"POH Sanne", "tab", *"15 jan", "enter")
        await settle(pilot)
        assert isinstance(app.screen, VisitScreen)

        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, PhaseDialog)
        app.screen.query_one("#in-route2").value = 3
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Terugbelservice uitbreiden" in body(app) and "2: " in body(app) and "(nieuw)" in body(app)

        await pilot.press("escape")  # typed work: asked first, Enter keeps it
        await settle(pilot)
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "opgeslagen" in text(app) and "(nieuw)" not in body(app)
        assert not screen.has_unsaved_changes()

        report = tmp_path / "verslag.html"
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ReportDialog)
        app.screen.query_one("#in-path").value = str(report)
        await pilot.press("enter")
        await settle(pilot)
        assert report.exists() and "Terugbelservice uitbreiden" in report.read_text()
        await pilot.press("escape")  # saved: leaves without asking
        await settle(pilot)
        assert isinstance(app.screen, PortfolioScreen)

    visits = unit_visits(store, slug)
    assert len(visits) == len(before) + 1
    made = visits[0]
    assert made.present == ["Marloes", "dr. Jansen"] and made.notes == "Goed gesprek"
    assert [m["route"] for m in made.phase_moves] == [2] and store.unit(slug).phase(2) == 3
    action = store.get(made.agreements[0]["action"])
    assert isinstance(action, Action) and action.owner == "POH Sanne" and action.deadline == dt.date(2027, 1, 15)


async def test_a_visit_on_an_empty_unit(tmp_path):
    data_dir = tmp_path / "data"
    store = make_store(data_dir)
    store.create_unit(Unit(name=HOSTILE), "leeg")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, VisitScreen)
        shown = text(app)
        assert "Nog geen eerder bezoek" in shown and "Nog niets vastgelegd" in shown
        assert HOSTILE in shown  # the unit's name, literally, in the title
        await pilot.press("v")  # nothing saved yet: says so
        await settle(pilot)
        assert any("Sla het bezoek eerst op" in n.message for n in app._notifications)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running
    visits = store.records(Visit, "leeg")
    assert len(visits) == 1 and visits[0].date == TODAY and visits[0].agreements == []


async def test_a_visit_on_an_unsaved_agreement_asks_before_quitting(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_visit(pilot, "hoek")
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Iets", "enter")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        from tui.dialogs.yes_no_dialog import YesNoDialog

        assert app.is_running and isinstance(app.screen, YesNoDialog)  # asked first
    assert make_store(small_dir).records(Visit, "de-hoek") == []


async def test_new_action_key_on_the_dashboard_and_the_actions_list(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, "hoek")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ActionDialog)
        await pilot.press(*"Folder in de wachtkamer", "tab", *"Anouk", "tab", *"volgende week", "ctrl+s")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ActionDialog)
        await pilot.press("enter")  # no title: said beside the field, nothing made
        await settle(pilot)
        assert isinstance(app.screen, ActionDialog) and "verplicht" in text(app)
        await pilot.press(*"Tweede", "ctrl+s")
        await settle(pilot)
    actions = {a.title: a for a in make_store(small_dir).records(Action, "de-hoek")}
    assert actions["Folder in de wachtkamer"].owner == "Anouk"
    assert TODAY < actions["Folder in de wachtkamer"].deadline <= TODAY + dt.timedelta(days=14)
    assert "Tweede" in actions


async def test_actions_from_a_leerpunt_get_owner_and_deadline_typed_in_a_burst(small_dir):
    from tests.tui.test_inbox import open_inbox, select
    from tui.dialogs.action_dialog import FindingActionsDialog

    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_inbox(pilot)
        await select(pilot, table, "L-2")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FindingActionsDialog)
        await pilot.press("tab", *"Piet", "tab", *"15 jan", "ctrl+s")
        await settle(pilot)
    made = [a for a in make_store(small_dir).records(Action, "de-hoek") if "L-2" in a.findings]
    assert [(a.title, a.owner, a.deadline) for a in made] == [("Uitslagen komen laat", "Piet", dt.date(2027, 1, 15))]


async def test_a_colleague_changing_the_unit_first_is_said_and_the_visit_kept(small_dir):
    from store.persistence.repository import Store

    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_visit(pilot, "hoek")
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#in-route3").value = 2
        await pilot.press("ctrl+s")
        await settle(pilot)
        colleague = Store(small_dir, user="collega", today=TODAY)
        with colleague.transaction("de-hoek") as txn:
            unit = txn.get(Unit, "de-hoek")
            unit.relatiemanager = "Karim"
            txn.save(unit)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Opslaan mislukt" in n.message for n in app._notifications)
        assert screen.has_unsaved_changes() and screen.phase_changes == {3: 2}
        await pilot.press("ctrl+s")  # the unit reloaded: now it saves
        await settle(pilot)
        assert not screen.has_unsaved_changes()
    store = make_store(small_dir)
    assert store.unit("de-hoek").phase(3) == 2 and store.unit("de-hoek").relatiemanager == "Karim"


async def test_an_agreement_asks_for_owner_and_deadline_follows_the_units_phase_and_names_a_leerpunt(demo_dir):
    """Enter in the title no longer saves a title-only agreement; the first save
    without owner and deadline says so beside them; the phase is the unit's phase
    for the chosen route; the leerpunt chosen is recorded with the agreement."""
    store = make_store(demo_dir)
    slug = "huisartsenpraktijk-het-kastanjehof"
    unit = store.unit(slug)
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_visit(pilot, "kastanje")
        assert "Te bespreken" in body(app) and "Open leerpunten" in body(app)
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ActionDialog)
        await pilot.press(*"Folder terugbelservice", "enter")
        await settle(pilot)
        assert app.screen is dialog and dialog.focused.id == "in-owner"  # Enter moved on, saved nothing
        await pilot.press("enter", "enter")  # past the owner, then Enter in the deadline: asked, not saved
        await settle(pilot)
        assert app.screen is dialog
        shown = text(app)
        assert "nog geen eigenaar" in shown and "nog geen deadline" in shown
        dialog.query_one("#in-route").value = 4
        await settle(pilot)
        assert dialog.query_one("#in-phase").value == unit.phase(4)
        leerpunt = dialog.findings[0].id
        dialog.query_one("#in-finding").value = leerpunt
        await pilot.press("ctrl+s")  # the second save keeps it without owner and deadline
        await settle(pilot)
        assert app.screen is screen
        line = next(line for line in body(app).splitlines() if "Folder terugbelservice" in line)
        assert "zonder eigenaar" in line and "geen deadline" in line and leerpunt in line
        draft = screen.drafts[0]
        assert (draft.route, draft.phase, draft.finding, draft.owner, draft.deadline) == (4, unit.phase(4), leerpunt, "", None)


async def test_the_next_visit_date_is_typed_shown_and_saved_and_the_notes_hint_says_what_enter_does(demo_dir):
    store = make_store(demo_dir)
    app = make_app(demo_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_visit(pilot, "maasoever")
        await pilot.press("w")
        await settle(pilot)
        assert "in Notities een nieuwe regel" in text(app)
        await pilot.press(*"Els", "tab", *"regel een", "enter", *"regel twee", "tab", *"over 3 maanden")
        await settle(pilot)
        assert isinstance(app.screen, WhoDialog) and "regel een\nregel twee" == app.screen.query_one("#in-notes").text
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and "Volgend bezoek: di 23 feb" in body(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = unit_visits(store, "huisartsen-maasoever")[0]
    assert saved.next_visit == dt.date(2027, 2, 23) and saved.notes == "regel een\nregel twee"


async def test_actions_from_a_leerpunt_share_route_and_phase_but_each_has_its_owner_and_deadline(small_dir):
    """A telephone-access leerpunt's actions are route 4, in the unit's phase for route 4
    (chosen once); each line may name its own owner and deadline."""
    from store.moments.units import change_unit
    from tests.tui.test_inbox import open_inbox, select
    from tui.dialogs.action_dialog import FindingActionsDialog

    change_unit(make_store(small_dir), "de-hoek", route_phases={4: 3})
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_inbox(pilot)
        await select(pilot, table, "L-2")
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FindingActionsDialog)
        dialog.query_one("#titles").text = "Terugbelservice; Anouk; 15 jan\nKeuzemenu korter; Piet\nWachtrij-melding"
        await pilot.press("tab", *"Karim", "tab", *"1 feb")
        dialog.query_one("#in-route").value = 4
        await settle(pilot)
        assert dialog.query_one("#in-phase").value == 3  # the unit's phase for route 4
        await pilot.press("ctrl+s")
        await settle(pilot)
    made = sorted((a for a in make_store(small_dir).records(Action, "de-hoek") if "L-2" in a.findings),
                  key=lambda a: a.title)
    assert [(a.title, a.owner, a.deadline, a.route, a.phase) for a in made] == [
        ("Keuzemenu korter", "Piet", dt.date(2027, 2, 1), 4, 3),
        ("Terugbelservice", "Anouk", dt.date(2027, 1, 15), 4, 3),
        ("Wachtrij-melding", "Karim", dt.date(2027, 2, 1), 4, 3)]
