"""The meetings list and the meeting form: every field, Dutch dates, rules of
thumb as warnings that never block a save."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from store.model.records import Meeting
from tests.tui.helpers import HOSTILE, TODAY, make_store, open_meetings, screen_lines, settle
from tui.app import make_app
from tui.screens.meeting_form_screen import MeetingFormScreen
from tui.screens.meetings_screen import MeetingsScreen
from tui.dialogs.discard_dialog import DiscardDialog
from tui.widgets.meeting_table import MeetingTable


def text(app) -> str:
    return "\n".join(screen_lines(app))


def add_meeting(data_dir, **values) -> Meeting:
    return make_store(data_dir).add(Meeting(**values), "de-hoek")


async def test_new_meeting_with_three_participants_warns_and_still_saves(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        assert "Nog geen bijeenkomsten" in text(app)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        await pilot.press(*"-3d")  # a date phrase; the date understood is shown beside it
        await pilot.press("tab", "tab", *HOSTILE, "tab", *"Hoe gaat bellen?", "tab", "3")
        await pilot.pause()
        shown = text(app)
        assert "= vr 20 nov" in shown
        assert "3 deelnemers is te weinig" in shown  # the rule of thumb, live
        assert "geen notulist" in shown
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running and app.screen is form
        [saved] = make_store(small_dir).records(Meeting, "de-hoek")
        assert saved.participants == 3 and saved.date == dt.date(2026, 11, 20)
        assert saved.theme == HOSTILE and saved.questions == ["Hoe gaat bellen?"]
        assert form.meeting.id == saved.id and saved.id in form.sub_title
        assert "3 deelnemers is te weinig" in text(app)  # still warned after the save
        await pilot.press("escape")  # saved: no question
        await settle(pilot)
        table = app.screen.query_one(MeetingTable)
        assert [r.key for r in table.rows] == [saved.id]
        assert HOSTILE in text(app)


async def test_edit_every_field_and_overdue_feedback_is_said_in_words(small_dir):
    meeting = add_meeting(small_dir, date=dt.date(2026, 10, 1), theme="Bereikbaarheid", participants=9,
                          feedback_due=dt.date(2026, 10, 22), facilitator="Ans", minute_taker="Bo")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_meetings(pilot)
        assert "! te laat" in table.render_line(1).text
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        assert form.query_one("#mf-participants", Input).value == "9"
        assert "terugkoppeling aan de deelnemers is te laat" in text(app)
        values = {"listeners": "25", "duration_min": "150", "rounds": "2", "feedback_sent": "gisteren"}
        for name, value in values.items():
            form.query_one(f"#mf-{name}", Input).value = value
        form.query_one("#mf-input-npa").value = True
        form.query_one("#mf-notes").text = "Avond; [/] koffie"
        await pilot.pause()
        assert "25 toehoorders is te veel" in text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = make_store(small_dir).get(meeting.id)
        assert (saved.listeners, saved.duration_min, saved.rounds) == (25, 150, 2)
        assert saved.feedback_sent == dt.date(2026, 11, 22) and saved.inputs == ["npa"]
        assert saved.notes == "Avond; [/] koffie" and saved.rev == 2
        await pilot.press("escape")
        await settle(pilot)
        assert "verstuurd" in app.screen.query_one(MeetingTable).render_line(1).text


async def test_a_bad_date_is_explained_and_nothing_is_saved(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"blauw", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MeetingFormScreen) and app.is_running
        assert "! 'blauw' is geen datum" in text(app)
        assert make_store(small_dir).records(Meeting, "de-hoek") == []


async def test_escape_asks_before_throwing_away_changes(small_dir):
    add_meeting(small_dir, date=dt.date(2026, 10, 1), theme="Bereikbaarheid")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "tab", "x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("n")  # stay
        assert isinstance(app.screen, MeetingFormScreen)
        assert app.screen.query_one("#mf-theme", Input).value.endswith("x")
        await pilot.press("escape", "j")  # discard
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert make_store(small_dir).records(Meeting, "de-hoek")[0].theme == "Bereikbaarheid"


async def test_untouched_new_form_leaves_without_asking(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)


async def test_q_on_a_checkbox_does_not_quit_and_lose_the_form(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        await pilot.press("n")
        await settle(pilot)
        box = app.screen.query_one("#mf-input-prem")
        box.focus()
        await pilot.press("q", "space")
        assert app.is_running and box.value is True
        assert "[X] PREM+" in text(app)  # said in text, not only in colour


async def test_open_form_shows_a_colleagues_save_and_typing_wins_a_clash(small_dir):
    from tui.screens.conflict_screen import ConflictScreen

    meeting = add_meeting(small_dir, date=dt.date(2026, 10, 1), theme="Bereikbaarheid", participants=9)
    colleague = make_store(small_dir)
    app = make_app(small_dir, today=TODAY, user="ik")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        colleague.change(meeting.id, {"theme": "Telefoon"})
        await pilot.pause(MeetingFormScreen.REFRESH_SECONDS + 0.5)
        await settle(pilot)
        assert form.query_one("#mf-theme", Input).value == "Telefoon" and not form.has_unsaved_changes()
        assert any("bijgewerkt" in n.message for n in app._notifications)
        # Now I type, a colleague saves again, and my save shows both versions.
        form.query_one("#mf-participants", Input).value = "12"
        await pilot.pause()
        colleague.change(meeting.id, {"facilitator": "Ans"})
        await pilot.pause(MeetingFormScreen.REFRESH_SECONDS + 0.5)
        await settle(pilot)
        assert form.query_one("#mf-participants", Input).value == "12"  # my typing stays
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("enter")  # defaults: mine where I typed, theirs where only they changed
        await settle(pilot)
        saved = make_store(small_dir).get(meeting.id)
        assert (saved.participants, saved.facilitator, saved.theme) == (12, "Ans", "Telefoon")
        assert app.screen is form and form.query_one("#mf-facilitator", Input).value == "Ans" and not form.has_unsaved_changes()
