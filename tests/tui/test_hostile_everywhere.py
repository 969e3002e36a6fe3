"""Text a colleague wrote into a unit file by hand is data on every screen: markup
shows literally, and escape sequences, C1 controls and bidi overrides never reach the
terminal (store/text.py marks hidden characters; controls are dropped for display).
Every free-text field of every record of a demo unit carries the same hostile head,
and every screen of that unit is opened, with its first record's detail or form:
edit fields too show the marks, and save what they showed (store.text.edited)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.moments.demo import build_demo
from tests.tui.helpers import TODAY, make_store, open_unit, screen_lines, settle
from tui.app import make_app
from tui.navigation import SCREEN_CLASSES, build_unit_screen

# At the start of each text: a narrow column cuts a text's end, never its start.
HEAD = "\u202eR\u202c\u200b\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m[@click=app.quit]Q [b]B "
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\u200b")
# The free-text fields, per kind of record (the rest are dates, numbers and codes).
TEXT_FIELDS = {
    "unit": ("name", "relatiemanager", "hagro", "municipality"),
    "meetings": ("theme", "facilitator", "minute_taker", "notes"),
    "findings": ("text", "theme"),
    "actions": ("title", "description", "owner"),
    "kpis": ("name", "measure_unit"),
    "visits": ("notes",),
    "teams": ("name", "coordinator", "assignment"),
}
# The lists whose Enter opens the record under the cursor (its detail or its form).
OPENS_A_RECORD = ("actions", "meetings", "inbox", "kpis", "teams")
LIST_FIELDS = {"meetings": ("questions",), "visits": ("present",)}


def plant(path: Path) -> None:
    data = json.loads(path.read_bytes())
    for kind, fields in TEXT_FIELDS.items():
        for record in data.get(kind, {}).values():
            for field in fields:
                if isinstance(record.get(field), str) and record[field]:
                    record[field] = HEAD + record[field]
            for field in LIST_FIELDS.get(kind, ()):
                record[field] = [HEAD + item if isinstance(item, str) else item for item in record.get(field, [])]
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode())


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("hostile") / "data"
    build_demo(make_store(data_dir))
    plant(data_dir / "huisartsenpraktijk-de-linde" / "unit.json")
    return data_dir


def assert_harmless(app, where: str) -> str:
    text = "\n".join(screen_lines(app))
    assert [ch for ch in RAW if ch in text] == [], (where, type(app.screen).__name__)
    assert app.is_running, where
    return text


async def test_every_screen_of_a_hand_edited_unit_shows_its_text_as_data(hostile_dir):
    app = make_app(hostile_dir, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert "[@click=app.quit]Q" in assert_harmless(app, "portfolio")
        dashboard = await open_unit(pilot, "linde")
        assert "beschadigd" not in assert_harmless(app, "dashboard")  # the plant broke no record
        seen = set()
        for kind in [kind for kind in SCREEN_CLASSES if kind != "dashboard"]:  # the dashboard is open
            app.push_screen(build_unit_screen(app, kind, dashboard.slug, dashboard.unit_name))
            await settle(pilot)
            if "[@click=app.quit]Q" in assert_harmless(app, kind):
                seen.add(kind)
            if kind in OPENS_A_RECORD:
                await pilot.press("enter")
                await settle(pilot)
                if "[@click=app.quit]Q" in assert_harmless(app, f"{kind}, enter"):
                    seen.add(kind + "+enter")
            while app.screen is not dashboard:
                app.pop_screen()
                await settle(pilot)
        # the screens that list records show the planted text (literally), not just survive it
        assert {"actions", "meetings", "inbox", "kpis", "teams", "actions+enter", "kpis+enter"} <= seen, seen


async def test_an_edit_field_saves_the_stored_text_untouched_and_what_it_showed_when_typed_in(hostile_dir):
    from store.model.records import Action
    from tui.screens.action_detail_screen import ActionDetailScreen

    store = make_store(hostile_dir)
    action = next(a for a in store.records(Action, unit="huisartsenpraktijk-de-linde") if a.owner)
    app = make_app(hostile_dir, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ActionDetailScreen(app.store, action.id, action.unit))
        await settle(pilot)
        owner = app.screen.form.editor("owner")
        assert "\u202e" not in owner.value and owner.value.startswith("⟨U+202E⟩R⟨U+202C⟩⟨U+200B⟩")
        await pilot.press("ctrl+s")  # nothing typed: nothing to save, nothing coerced
        await settle(pilot)
        assert store.get(action.id).rev == action.rev
        owner.focus()
        await pilot.press("end", "!")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = store.get(action.id)
        assert saved.rev == action.rev + 1
        assert saved.owner == action.owner + "!"  # the hidden characters as stored, the "!" added
        assert saved.title == action.title  # a field not typed in keeps its stored text exactly


async def test_a_meeting_saved_from_its_form_keeps_the_hidden_characters_it_holds(hostile_dir):
    """The form showed them marked and, before, saved the marks as text."""
    from store.model.records import Meeting
    from tui.screens.meeting_form_screen import MeetingFormScreen

    store = make_store(hostile_dir)
    meeting = next(m for m in store.records(Meeting, unit="huisartsenpraktijk-de-linde") if m.theme and m.notes)
    app = make_app(hostile_dir, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.push_screen(MeetingFormScreen(app.store, meeting.unit, "De Linde", meeting))
        await settle(pilot)
        assert [ch for ch in RAW if ch in "\n".join(screen_lines(app))] == []
        rounds = app.screen.query_one("#mf-rounds")
        rounds.focus()
        rounds.value = str((meeting.rounds or 0) + 1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = store.get(meeting.id)
        assert saved.rounds == (meeting.rounds or 0) + 1
        assert (saved.theme, saved.notes, saved.questions) == (meeting.theme, meeting.notes, meeting.questions)


async def test_a_hidden_character_typed_or_pasted_into_a_field_shows_marked_and_is_saved_as_typed(hostile_dir):
    from textual import events

    from store.model.records import Action
    from tui.screens.action_detail_screen import ActionDetailScreen

    store = make_store(hostile_dir)
    action = next(a for a in store.records(Action, unit="huisartsenpraktijk-de-linde") if a.owner)
    app = make_app(hostile_dir, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ActionDetailScreen(app.store, action.id, action.unit))
        await settle(pilot)
        title = app.screen.form.editor("title")
        title.focus()
        await pilot.press("end")
        title.post_message(events.Paste(" \u202egeplakt\u2069"))  # as a terminal delivers a paste
        await pilot.press("!")
        await settle(pilot)
        assert title.value.endswith(" ⟨U+202E⟩geplakt⟨U+2069⟩!")
        assert [ch for ch in RAW + ("\u2069",) if ch in "\n".join(screen_lines(app))] == []
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.get(action.id).title == action.title + " \u202egeplakt\u2069!"
