"""The evaluation meeting never loses a keystroke (issue 28), walked with the
keyboard at 80x24 on the small data (A-2: deadline 10 nov, 40 %, Piet de Vries;
A-3: deadline 27 nov): a colleague's edit in between is merged field by field,
skipping keeps what was typed, an empty next review keeps the planned date, every
focus stop is marked without colour, a value is taken back with ctrl+z, a second
value on one day is asked about, and the decisions the seeds name are there."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Select

from store.model.records import Kpi, Measurement
from store.persistence.repository import Store
from store.model.vocab import Status
from tests.tui.helpers import TODAY, build_small, make_store, open_unit, screen_lines, settle
from tui.app import make_app
from tui.dialogs.same_day_dialog import SameDayDialog
from tui.screens.conflict_screen import ConflictScreen
from tui.screens.review_screen import ReviewScreen
from tui.widgets.form_row import FormRow


def text_of(app) -> str:
    return "\n".join(screen_lines(app))


def notes(app) -> str:
    return "\n".join(n.message for n in app._notifications)


async def open_review(pilot) -> ReviewScreen:
    await open_unit(pilot, "hoek")
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReviewScreen)
    return pilot.app.screen


def with_kpi(data_dir) -> None:
    make_store(data_dir).add(Kpi(action="A-2", name="Terugbelverzoeken binnen een werkdag afgehandeld",
                                 measure_unit="%", target=80.0,
                                 measurements=[Measurement(dt.date(2026, 10, 1), 50.0),
                                               Measurement(TODAY, 55.0)]), "de-hoek")


async def type_into(pilot, screen, field: str, text: str) -> None:
    screen.query_one(f"#in-{field}", Input).focus()
    await pilot.press(*text)


async def test_a_colleagues_edit_during_the_review_is_merged_field_by_field(tmp_path):
    data_dir = build_small(tmp_path / "data")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert "A-2 · 1/" in text_of(app)
        screen.query_one("#in-progress", Input).value = "90"
        await type_into(pilot, screen, "study", "minder terugbelverzoeken blijven liggen")
        await type_into(pilot, screen, "act", "ook op vrijdag terugbellen")
        # a colleague: `spiegel edit A-2 --cyclus kwartaal`, while the team types
        Store(data_dir, user="karim", today=TODAY).change("A-2", {"review_cycle": "kwartaal"})
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)  # both versions, field by field
        await pilot.press("enter")  # the defaults: theirs where only they changed, ours where we did
        await settle(pilot)
        saved = make_store(data_dir).get("A-2")
        assert saved.review_cycle == "kwartaal" and saved.progress == 90
        assert saved.pdsa == {"study": "minder terugbelverzoeken blijven liggen", "act": "ook op vrijdag terugbellen"}
        assert saved.review_date == dt.date(2027, 2, 23)  # the colleague's cycle sets the next review
        assert "A-3 · " in text_of(app)  # and the meeting goes on


async def test_skipping_keeps_what_was_typed_for_when_the_action_returns(tmp_path):
    data_dir = build_small(tmp_path / "data")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await type_into(pilot, screen, "study", "halverwege besproken")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "A-3 · 2/2" in text_of(app)  # the counter moves on with the action shown
        assert screen.query_one("#in-study", Input).value == ""
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "A-2 · 1/2" in text_of(app)
        assert screen.query_one("#in-study", Input).value == "halverwege besproken"
        assert screen.has_unsaved_changes()  # still work: Escape asks


async def test_an_empty_next_review_keeps_the_planned_date_and_says_so(tmp_path):
    data_dir = build_small(tmp_path / "data")
    make_store(data_dir).change("A-2", {"review_date": dt.date(2027, 1, 15)})  # in the queue for its deadline
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert screen.query_one("#in-next", Input).placeholder == "leeg: blijft vr 15 jan"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert make_store(data_dir).get("A-2").review_date == dt.date(2027, 1, 15)


async def test_the_meeting_moves_deadline_and_owner_and_says_why_an_action_is_due(tmp_path):
    data_dir = build_small(tmp_path / "data")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        facts = str(screen.query_one("#rv-facts").render())
        assert "aan de beurt: deadline di 10 nov 2026 is verstreken" in facts
        await type_into(pilot, screen, "owner", "Karim")
        await type_into(pilot, screen, "deadline", "31 jan")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = make_store(data_dir).get("A-2")
        assert (saved.owner, saved.deadline, saved.status) == ("Karim", dt.date(2027, 1, 31), Status.IN_PROGRESS)


async def test_stop_takes_the_reason_from_act_and_asks_for_one(tmp_path):
    data_dir = build_small(tmp_path / "data")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        screen.query_one("#in-verdict", Select).value = "stop"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.query_one("#row-act", FormRow).error  # no reason: named beside act, nothing saved
        assert make_store(data_dir).get("A-2").status == Status.IN_PROGRESS
        await type_into(pilot, screen, "act", "geen capaciteit")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = make_store(data_dir).get("A-2")
        assert saved.status == Status.STOPPED and saved.pdsa["act"] == "geen capaciteit"


async def test_every_focus_stop_of_the_form_is_marked_without_colour(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    data_dir = build_small(tmp_path / "data")
    with_kpi(data_dir)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        seen = []
        for _ in range(12):
            focused = app.focused
            row = next((a for a in focused.ancestors if isinstance(a, FormRow)), None)
            assert row is not None, f"focus on {focused!r} outside any field"
            label = row.query_one(".form-label")
            assert label.rich_style.reverse, f"{row.id}: focus not marked"
            seen.append(row.field)
            await pilot.press("tab")
        assert {"kpi-K-1", "verdict", "progress", "study", "act", "owner", "deadline", "next"} <= set(seen)


async def test_a_value_is_taken_back_with_ctrl_z_and_a_second_one_that_day_is_asked_about(tmp_path):
    data_dir = build_small(tmp_path / "data")
    with_kpi(data_dir)  # K-1 already has 55 % today
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert app.focused.id == "in-kpi-K-1"
        assert "Terugbelverzoeken binnen een werkdag afgehandeld" in text_of(app)  # the whole name
        await pilot.press("6", "0", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SameDayDialog)
        await pilot.press("enter")  # Enter alone saves nothing; the value stays typed
        await settle(pilot)
        assert [m.value for m in make_store(data_dir).get("K-1").measurements] == [50.0, 55.0]
        assert screen.query_one("#in-kpi-K-1", Input).value == "60"
        screen.query_one("#in-kpi-K-1", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("v")  # replace
        await settle(pilot)
        assert [m.value for m in make_store(data_dir).get("K-1").measurements] == [50.0, 60.0]
        assert screen.analyses["K-1"].values[-1] == 60.0
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [m.value for m in make_store(data_dir).get("K-1").measurements] == [50.0, 55.0]
        assert screen.analyses["K-1"].values[-1] == 55.0 and "teruggedraaid" in notes(app)
