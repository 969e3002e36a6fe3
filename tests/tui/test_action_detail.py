from __future__ import annotations

import datetime as dt
import re


from store.model.records import Finding
from store.persistence.repository import Store
from store.model.vocab import Status
from tests.tui.helpers import HOSTILE, TODAY, build_small, make_store, open_actions, screen_lines, settle
from tui.app import make_app
from tui.screens.action_detail_screen import ActionDetailScreen
from tui.screens.actions_screen import ActionsScreen
from tui.widgets.change_log import ChangeLog
from tui.dialogs.yes_no_dialog import YesNoDialog


async def open_detail(pilot, action_id: str) -> ActionDetailScreen:
    """Portfolio → De Hoek → a → cursor on `action_id` → Enter."""
    table = await open_actions(pilot, "hoek")
    index = [row.key for row in table.rows].index(action_id)
    await pilot.press(*["down"] * index, "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ActionDetailScreen) and screen.action.id == action_id
    return screen


async def retype(pilot, screen: ActionDetailScreen, field: str, text: str) -> None:
    """Replace what a one-line field holds, by keys, as a user would."""
    screen.form.editor(field).focus()
    await pilot.pause()
    await pilot.press("home", "ctrl+k", *text)


def text_of(app) -> str:
    return "\n".join(screen_lines(app))


def notes(app) -> str:
    return "\n".join(n.message for n in app._notifications)


async def test_edit_owner_and_deadline_phrase_then_save(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        assert screen.form.editor("owner").value == "Anouk"
        await retype(pilot, screen, "owner", "Pi")
        await pilot.press("right")  # accepts the suggestion from the store's owners
        assert screen.form.editor("owner").value == "Piet de Vries"
        await retype(pilot, screen, "deadline", "vr")
        assert "→ vr 27 nov" in text_of(app)
        await retype(pilot, screen, "deadline", "+2w")
        assert "→ ma 7 dec" in text_of(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = make_store(small_dir).get("A-3")
        assert saved.owner == "Piet de Vries" and saved.deadline == dt.date(2026, 12, 7)
        assert "A-3 opgeslagen" in notes(app)
        assert not screen.has_unsaved_changes()
        await pilot.press("escape")  # nothing unsaved: straight back, the list reloads
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen)
        assert "Piet de Vries" in "\n".join(row.cells[5] for row in app.screen.table.rows)


async def test_invalid_values_are_shown_beside_their_fields_and_not_saved(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        await retype(pilot, screen, "deadline", "blabla")
        assert "? geen geldige datum" in text_of(app)
        await retype(pilot, screen, "progress", "150")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running
        assert "'blabla' is geen datum" in screen.form.row("deadline").error
        assert screen.form.row("progress").error == "moet tussen 0 en 100 liggen"
        assert "Niet opgeslagen" in notes(app)
        assert app.focused is screen.form.editor("deadline")  # the first wrong field
        assert make_store(small_dir).get("A-3").rev == 1
        await retype(pilot, screen, "deadline", "wk 12")
        assert screen.form.row("deadline").error == ""  # cleared as you type
        await pilot.pause()
        assert "→ ma 22 mrt" in text_of(app)  # a deadline: next March, so no year needed


async def test_status_rule_is_explained(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-4")  # done
        screen.form.editor("status").value = Status.PLANNED
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "van afgerond naar gepland kan niet" in screen.form.row("status").error
        assert make_store(small_dir).get("A-4").status == Status.DONE


async def test_linked_leerpunten_show_their_text(small_dir):
    store = make_store(small_dir)
    lang = next(f for f in store.records(Finding, unit="de-hoek") if f.text.startswith("Lang"))
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        await retype(pilot, screen, "findings", f"{lang.id.lower()}, L-99")
        info = screen.form.row("findings").query_one(".form-info")
        assert f"{lang.id}: Lang wachten aan de telefoon" in str(info.render())
        assert "L-99: bestaat niet in deze eenheid" in str(info.render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "L-99" in screen.form.row("findings").error
        await retype(pilot, screen, "findings", lang.id)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert make_store(small_dir).get("A-3").findings == [lang.id]


async def test_undo_and_change_log(small_dir):
    app = make_app(small_dir, today=TODAY, user="sanne")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        await retype(pilot, screen, "owner", "Karim")
        await pilot.press("ctrl+s")
        await settle(pilot)
        log = str(screen.query_one(ChangeLog).render())
        first = log.splitlines()[0]
        assert re.fullmatch(r"\w\w \d\d? \w+( \d{4})? \d\d:\d\d  sanne  gewijzigd", first), first
        assert re.search(r"\d\d:\d\d  tester  aangemaakt", log)  # who made it, in the test data
        assert "Eigenaar: Anouk → Karim" in log
        assert log.index("gewijzigd") < log.index("aangemaakt")  # newest first
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert make_store(small_dir).get("A-3").owner == "Anouk"
        assert screen.form.editor("owner").value == "Anouk"
        assert re.search(r"A-3: wijziging van sanne \(\w\w \d\d? \w+ \d\d:\d\d\) teruggedraaid: Eigenaar; nu revisie 3", notes(app))
        assert "ongedaan gemaakt" in str(screen.query_one(ChangeLog).render())
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "A-3 heeft geen wijziging meer om ongedaan te maken" in notes(app)
        assert app.is_running and make_store(small_dir).get("A-3").owner == "Anouk"


async def test_undo_over_unsaved_edits_asks_first(small_dir):
    make_store(small_dir).change("A-3", {"owner": "Karim"})
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        await retype(pilot, screen, "title", "Nieuw")
        await pilot.press("ctrl+z")  # priority: not the text field's own undo
        await pilot.pause()
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("n")
        await settle(pilot)
        assert screen.form.editor("title").value == "Nieuw"
        assert make_store(small_dir).get("A-3").owner == "Karim"


async def test_undo_refuses_a_colleagues_change_the_screen_never_showed(small_dir, monkeypatch):
    monkeypatch.setattr(ActionDetailScreen, "start_watching", lambda self: None)  # the screen must not show it first
    app = make_app(small_dir, today=TODAY, user="sanne")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        shown = screen.action.rev
        colleague = Store(small_dir, user="karim", today=TODAY)
        colleague.change("A-3", {"deadline": dt.date(2026, 12, 4), "owner": "Karim"})
        await pilot.press("ctrl+z")
        await settle(pilot)
        stored = make_store(small_dir).get("A-3")
        assert (stored.rev, stored.owner, stored.deadline) == (shown + 1, "Karim", dt.date(2026, 12, 4))
        assert f"A-3 staat niet meer op revisie {shown} maar op {shown + 1}: karim wijzigde Eigenaar, Deadline" in notes(app)
        assert "er is niets teruggedraaid" in notes(app)
        screen.reload()  # now the screen shows karim's change, and undo may revert it
        await settle(pilot)
        assert screen.form.editor("owner").value == "Karim"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "A-3: wijziging van karim (" in notes(app)
        assert make_store(small_dir).get("A-3").owner == "Anouk"


async def test_escape_with_unsaved_edits_asks(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        await retype(pilot, screen, "owner", "Karim")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("enter")  # focus is on 'stay': Enter alone never discards
        await pilot.pause()
        assert app.screen is screen and screen.form.editor("owner").value == "Karim"
        await pilot.press("escape", "j")
        await settle(pilot)
        assert isinstance(app.screen, ActionsScreen)
        assert make_store(small_dir).get("A-3").owner == "Anouk"


async def test_quit_with_unsaved_edits_asks(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        await retype(pilot, screen, "title", "Half getypt")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, YesNoDialog) and app.is_running
        assert "Afsluiten" in text_of(app)
        await pilot.press("n")
        await pilot.pause()
        screen.form.editor("status").focus()  # not a text field: q must still not quit
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("enter")  # the focused answer is the safe one
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert not app.is_running


async def test_hostile_text_is_literal(small_dir):
    store = make_store(small_dir)
    store.change("A-1", {"owner": "[b]baas[/b]", "description": "regel [/]\n[@click=app.quit]twee"})
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-1")
        assert screen.form.editor("title").value == HOSTILE
        assert screen.sub_title == f"A-1 · {HOSTILE}"
        text = text_of(app)
        assert HOSTILE in text and "[b]baas[/b]" in text and "regel [/]" in text
        log = str(screen.query_one(ChangeLog).render())
        assert "Eigenaar: Sanne → [b]baas[/b]" in log
        await pilot.click("#f-description")
        await pilot.click("#f-title")
        await retype(pilot, screen, "title", HOSTILE + " 2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running and make_store(small_dir).get("A-1").title == HOSTILE + " 2"


async def test_english(small_dir):
    app = make_app(small_dir, today=TODAY, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        await retype(pilot, screen, "deadline", "fri")
        text = text_of(app)
        assert "→ Fri 27 Nov" in text and "Owner" in text and "Save" in text


def test_snapshot(snap_compare, tmp_path):
    app = make_app(build_small(tmp_path / "data"), today=TODAY)

    async def open_a1(pilot):
        await open_detail(pilot, "A-1")  # the hostile title, in the header and the form
        await retype(pilot, pilot.app.screen, "deadline", "vr")

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_a1)


async def test_a_full_disk_is_a_notification_and_the_edits_stay(small_dir, monkeypatch):
    import errno
    import os

    from store.persistence.files import safe

    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "A-3")
        await retype(pilot, screen, "owner", "Karim")

        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(safe.os, "fsync", full)
        await pilot.press("ctrl+s")
        await settle(pilot)
        monkeypatch.undo()
        assert "de schijf is vol; er is niets opgeslagen" in notes(app)
        assert app.is_running and screen.has_unsaved_changes()
        assert screen.form.editor("owner").value == "Karim"
        assert make_store(small_dir).get("A-3").owner == "Anouk"
