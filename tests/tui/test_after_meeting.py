"""After a meeting, walked with the keyboard at 80×24: the feedback document (t),
marking it sent (s, asks first), comparing two meetings (v), and the duty in words;
on a unit with meetings and on an empty one."""

from __future__ import annotations

import datetime as dt

from store.model.records import Action, Finding, Meeting
from store.model.vocab import FindingKind, Status
from tests.tui.helpers import HOSTILE, TODAY, make_store, open_meetings, screen_lines, settle
from tui.app import make_app
from tui.dialogs.meeting_pick_dialog import MeetingPickDialog
from tui.screens.compare_screen import CompareScreen
from tui.dialogs.yes_no_dialog import YesNoDialog


def text(app) -> str:
    return "\n".join(screen_lines(app))


def notes(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def two_meetings(data_dir) -> tuple[Meeting, Meeting]:
    store = make_store(data_dir)
    first = store.add(Meeting(date=TODAY - dt.timedelta(days=400), theme="Bereikbaarheid",
                              feedback_sent=TODAY - dt.timedelta(days=380)), "de-hoek")
    second = store.add(Meeting(date=TODAY - dt.timedelta(days=40), theme=HOSTILE, participants=9), "de-hoek")
    with store.transaction("de-hoek") as txn:
        old = txn.add(Finding(text="Keuzemenu is onduidelijk", meeting=first.id))
        txn.add(Finding(text="Lang in de wacht bij het bellen", meeting=first.id))
        txn.add(Finding(text="Nog steeds lang in de wacht bij het bellen", meeting=second.id))
        txn.add(Finding(text="<script>alert(1)</script>", meeting=second.id))
        txn.add(Finding(text="Vriendelijke balie", meeting=second.id, kind=FindingKind.POSITIVE))
        txn.add(Action(title="Keuzemenu vereenvoudigen", status=Status.DONE, findings=[old.id]))
    return first, second


async def test_feedback_document_sent_and_compare_on_a_unit_with_meetings(small_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first, second = two_meetings(small_dir)
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        shown = text(app)
        assert "! te laat" in shown  # 40 days ago, no plan: late in words, not colour alone
        # t: the document, written in a worker; the path is notified
        await pilot.press("t")
        await settle(pilot)
        md, html = tmp_path / f"terugkoppeling-{second.id}.md", tmp_path / f"terugkoppeling-{second.id}.html"
        assert md.exists() and html.exists()
        assert f"terugkoppeling-{second.id}.html" in notes(app)
        page = html.read_text(encoding="utf-8")
        assert "<script>alert" not in page and "Vriendelijke balie" in page
        # s: asks first; n keeps it unsent, j marks it
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, YesNoDialog)
        await pilot.press("n")
        await settle(pilot)
        assert make_store(small_dir).get(second.id).feedback_sent is None
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await settle(pilot)
        assert make_store(small_dir).get(second.id).feedback_sent == TODAY
        assert "! te laat" not in text(app) and "verstuurd" in text(app)
        # v: pick the other meeting, then the comparison
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, MeetingPickDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        shown = text(app)
        assert "Thema's die terugkwamen (1)" in shown and "Sindsdien opgelost" in shown
        assert "Nieuw (1)" in shown and "<script>alert(1)</script>" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


async def test_an_empty_unit_says_what_is_missing(small_dir):
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        for key in "tsv":
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running and not isinstance(app.screen, (YesNoDialog, MeetingPickDialog))
        assert "Kies eerst een bijeenkomst" in notes(app)
        make_store(small_dir).add(Meeting(date=TODAY), "de-hoek")
        app.screen.load()
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert "geen andere bijeenkomst" in notes(app)


async def test_teams_screen_from_the_dashboard_new_team_with_advice_and_edit(small_dir):
    from store.model.records import Team
    from tui.dialogs.team_dialog import TeamDialog
    from tui.screens.teams_screen import TeamsScreen
    from tests.tui.helpers import open_unit

    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit(pilot, "hoek")
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, TeamsScreen)
        assert "Nog geen teams" in text(app)  # the empty unit says how to begin
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, TeamDialog)
        await pilot.press(*"Projectteam telefoon", "tab", "tab", "tab", *"Fleur; dr. Jansen", "tab")
        await pilot.press("ctrl+a", "ctrl+k", "1")  # one patient for two providers: advice, not a wall
        await pilot.pause()
        advice = str(app.screen.query_one("#team-advice").render())
        assert "twee patiënten of partners per zorgverlener" in advice and "telt het best 6 tot 8 leden" in advice
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, TeamsScreen)
        [team] = make_store(small_dir).records(Team, "de-hoek")
        assert (team.name, team.providers, team.patients) == ("Projectteam telefoon", ["Fleur", "dr. Jansen"], 1)
        shown = text(app)
        assert "Projectteam telefoon" in shown and "! advies" in shown
        await pilot.press("enter")  # edit: the same dialog, filled
        await settle(pilot)
        assert isinstance(app.screen, TeamDialog)
        await pilot.press("tab", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "4", "tab", "ctrl+a", "ctrl+k", "1")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        saved = make_store(small_dir).get(team.id)
        assert (saved.patients, saved.partners, saved.rev) == (4, 1, 2)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


async def test_the_meeting_form_says_the_duty_and_can_close_it_as_given_date_unknown(small_dir):
    from textual.widgets import Checkbox

    from tui.screens.meeting_form_screen import MeetingFormScreen

    held = make_store(small_dir).add(Meeting(date=TODAY - dt.timedelta(days=50), theme="Telefoon"), "de-hoek")
    app = make_app(small_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(pilot)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        advice = str(form.query_one("#mf-advice").render())
        assert "Terugkoppeling: te laat (uiterlijk " in advice
        box = form.query_one("#mf-given", Checkbox)
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert "Terugkoppeling: gegeven, datum onbekend" in str(form.query_one("#mf-advice").render())
        assert form.has_unsaved_changes()
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = make_store(small_dir).get(held.id)
        assert saved.feedback_given_unknown and saved.feedback_sent is None
        await pilot.press("escape")  # saved: no question
        await settle(pilot)
        assert "gegeven" in text(app) and "! te laat" not in text(app)
