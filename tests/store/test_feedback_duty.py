"""The feedback duty (store/model/feedback_duty.py): owed from the day of the meeting, a
default due date four weeks later for meetings of the last three months, 'given,
date unknown' closes it; marking it sent is one logged change on both backends."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from store.model import schema
from store.model.advice import feedback_overdue, unit_advice
from store.moments.dashboard import feedback_duties
from store.errors import Conflict, InvalidValue
from store.model.feedback_duty import (GIVEN, LATE, OPEN, SENT, UNPLANNED, UPCOMING, duties, duty, duty_words,
                                 feedback_weeks, mark_sent)
from store.moments.portfolio import facts
from store.model.records import Meeting, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY

DAY = dt.timedelta(days=1)


def meeting(days_ago: int | None, **values) -> Meeting:
    return Meeting(id="M-1", date=None if days_ago is None else TODAY - days_ago * DAY, **values)


def test_a_recent_meeting_without_a_plan_is_due_four_weeks_later_and_late_after():
    assert duty(meeting(10), TODAY) == duty(meeting(10), TODAY)
    assert (duty(meeting(10), TODAY).state, duty(meeting(10), TODAY).due) == (OPEN, TODAY + 18 * DAY)
    assert duty(meeting(28), TODAY).state == OPEN  # due today: not late yet
    assert duty(meeting(29), TODAY).state == LATE and duty(meeting(29), TODAY).default
    assert duty(meeting(0), TODAY).state == OPEN  # the duty starts on the day itself
    assert duty(meeting(-3), TODAY).state == UPCOMING and duty(meeting(None), TODAY).state == UPCOMING


def test_the_three_months_boundary():
    """23 aug 2026 is three months before 23 nov: still a duty; a day older is not planned."""
    on_the_edge = Meeting(date=dt.date(2026, 8, 23))
    older = Meeting(date=dt.date(2026, 8, 22))
    assert duty(on_the_edge, TODAY).state == LATE
    assert duty(older, TODAY) .state == UNPLANNED and duty(older, TODAY).due is None
    assert not feedback_overdue(older, TODAY) and feedback_overdue(on_the_edge, TODAY)
    assert duty_words(older, TODAY) == "niet gepland"
    # A planned date always counts, however old the meeting.
    assert duty(Meeting(date=dt.date(2025, 1, 1), feedback_due=dt.date(2025, 2, 1)), TODAY).state == LATE


def test_given_date_unknown_and_sent_close_the_duty():
    given = meeting(60, feedback_given_unknown=True)
    sent = meeting(60, feedback_sent=TODAY - 20 * DAY)
    assert duty(given, TODAY).state == GIVEN and duty(given, TODAY).closed
    assert duty(sent, TODAY).state == SENT
    assert not feedback_overdue(given, TODAY)
    assert duty_words(given, TODAY) == "gegeven, datum onbekend"
    assert duty_words(meeting(60), TODAY).startswith("te laat (uiterlijk ")


def test_the_setting_changes_the_default(monkeypatch):
    monkeypatch.setenv("SPIEGEL_FEEDBACK_WEEKS", "2")
    assert feedback_weeks() == 2 and duty(meeting(15), TODAY).state == LATE
    monkeypatch.setenv("SPIEGEL_FEEDBACK_WEEKS", "veel")
    assert feedback_weeks() == 4


def test_dashboard_portfolio_and_unit_advice_count_the_default_duty():
    late = meeting(40)
    assert [d.meeting for d in feedback_duties([late], TODAY)] == [late]
    assert feedback_duties([late], TODAY)[0].due == TODAY - 12 * DAY
    assert facts("x", Unit(name="X"), [late], [], [], TODAY).duties == 1
    assert facts("x", Unit(name="X"), [meeting(200)], [], [], TODAY).duties == 0
    assert [a.code for a in unit_advice([late, meeting(200)], [], TODAY)] == ["unit_feedback_overdue"]


def test_mark_sent_is_one_logged_change_and_checks_the_revision(store, unit):
    held = store.add(Meeting(date=TODAY - 40 * DAY), unit.id)
    assert duty(held, TODAY).state == LATE
    done = mark_sent(store, held.id, rev=held.rev)
    assert done.feedback_sent == TODAY and done.rev == 2
    assert done.log[-1]["changes"] == {"feedback_sent": [None, TODAY.isoformat()]}
    with pytest.raises(Conflict):
        mark_sent(store, held.id, unknown=True, rev=1)
    given = mark_sent(store, held.id, unknown=True)
    assert (given.feedback_sent, given.feedback_given_unknown) == (None, True)
    assert store.undo(held.id).feedback_sent == TODAY  # undo brings the sent date back
    with pytest.raises(InvalidValue):
        mark_sent(store, held.id, on=TODAY + DAY)
    with pytest.raises(InvalidValue):
        mark_sent(store, "A-1")


def test_duties_lists_late_first_and_filters(store, unit):
    store.add(Meeting(date=TODAY - 5 * DAY, theme="open"), unit.id)
    late = store.add(Meeting(date=TODAY - 50 * DAY, theme="laat"), unit.id)
    assert [m.id for m, _ in duties(store)][0] == late.id
    assert [m.id for m, _ in duties(store, unit.id, late_only=True)] == [late.id]


def test_a_schema_2_file_loads_with_feedback_not_given_and_an_empty_teams_table(tmp_path):
    """A file written at schema 2 (no teams table, meetings without the new field)."""
    store = Store(tmp_path / "data", user="tester", today=TODAY)
    unit = store.create_unit(Unit(name="De Hoek"))
    store.add(Meeting(date=TODAY - 10 * DAY, feedback_sent=TODAY), unit.id)
    path = store.unit_path(unit.id)
    data = json.loads(open(path).read())
    data["_meta"]["1"]["schema"] = 2
    del data["teams"]
    for doc in data["meetings"].values():
        doc.pop("feedback_given_unknown", None)
    open(path, "w").write(json.dumps(data))
    fresh = Store(tmp_path / "data", user="tester", today=TODAY)
    loaded = fresh.records(Meeting, unit.id)[0]
    assert loaded.feedback_given_unknown is False and duty(loaded, TODAY).state == SENT
    migrated = schema.migrate(json.loads(open(path).read()), unit.id)
    assert migrated["teams"] == {} and schema.version_of(migrated) == schema.SCHEMA_VERSION
    assert fresh.problems() == []
