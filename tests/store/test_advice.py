"""store.model.advice: each rule of thumb at its boundary, both languages, never a wall."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import i18n
from store.model.advice import Advice, action_advice, meeting_advice, unit_advice
from store.model.records import Action, Meeting
from store.model.vocab import MeetingFormat, Status

TODAY = date(2026, 11, 23)




def good_meeting(**changes) -> Meeting:
    """A meeting that follows every rule of thumb; tests change one thing."""
    values = dict(
        date=TODAY - timedelta(days=30), participants=10, listeners=12, facilitator="Marieke (zorggroep)",
        minute_taker="praktijkmanager Ruud", duration_min=90, rounds=2,
        feedback_due=TODAY - timedelta(days=5), feedback_sent=TODAY - timedelta(days=7),
    )
    values.update(changes)
    return Meeting(**values)


def codes(advice: list[Advice]) -> list[str]:
    return [a.code for a in advice]


def test_good_meeting_gets_no_advice():
    assert meeting_advice(good_meeting(), TODAY) == []


@pytest.mark.parametrize(
    ("participants", "expected"),
    [
        (0, ["participants_too_few"]),
        (4, ["participants_too_few"]),
        (5, ["participants_not_ideal"]),
        (7, ["participants_not_ideal"]),
        (8, []),
        (12, []),
        (13, ["participants_not_ideal"]),
        (None, []),
    ],
)
def test_participants_boundaries(participants, expected):
    assert codes(meeting_advice(good_meeting(participants=participants), TODAY)) == expected


@pytest.mark.parametrize(("listeners", "expected"), [(20, []), (21, ["listeners_too_many"]), (0, []), (None, [])])
def test_listeners_boundary(listeners, expected):
    advice = meeting_advice(good_meeting(listeners=listeners), TODAY)
    assert codes(advice) == expected
    if expected:
        assert "15–20" in advice[0].message and advice[0].field == "listeners"


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(59, ["duration_too_short"]), (60, []), (90, []), (105, []), (106, ["duration_too_long"]),
     (120, ["duration_too_long"]), (None, [])],
)
def test_duration_boundaries(minutes, expected):
    advice = meeting_advice(good_meeting(duration_min=minutes), TODAY)
    assert codes(advice) == expected
    assert all("1,5 uur" in a.message for a in advice)


def test_two_hours_is_advised_against_as_seed_001_says_about_one_and_a_half():
    """Seed 001: 'De duur van een bijeenkomst is ongeveer 1,5 uur': 120 minutes is advised (a warning only)."""
    assert [a.code for a in meeting_advice(good_meeting(duration_min=120), TODAY)] == ["duration_too_long"]
    assert "1,5 uur" in meeting_advice(good_meeting(duration_min=120), TODAY)[0].message


@pytest.mark.parametrize("working, start, expected", [
    (False, "", []), (False, "14:00", []), (True, "", ["evening_slot"]), (True, "14:00", ["evening_slot"]),
    (True, "17:59", ["evening_slot"]), (True, "18:00", []), (True, "19:30", []),
])
def test_working_people_in_the_target_group_are_advised_an_evening_slot(working, start, expected):
    advice = meeting_advice(good_meeting(working_target=working, start_time=start), TODAY)
    assert [a.code for a in advice] == expected
    assert all("avond" in a.message for a in advice)


@pytest.mark.parametrize("blank", ["", "   "])
def test_missing_roles(blank):
    advice = meeting_advice(good_meeting(facilitator=blank, minute_taker=blank), TODAY)
    assert [(a.code, a.field) for a in advice] == [
        ("facilitator_missing", "facilitator"),
        ("minute_taker_missing", "minute_taker"),
    ]


def test_feedback_overdue_boundary():
    late = good_meeting(feedback_due=TODAY - timedelta(days=1), feedback_sent=None)
    on_time = good_meeting(feedback_due=TODAY, feedback_sent=None)
    sent = good_meeting(feedback_due=TODAY - timedelta(days=40), feedback_sent=TODAY - timedelta(days=1))
    assert codes(meeting_advice(late, TODAY)) == ["feedback_overdue"]
    assert meeting_advice(late, TODAY)[0].field == "feedback_due"
    assert meeting_advice(on_time, TODAY) == []
    assert meeting_advice(sent, TODAY) == []


def test_feedback_is_owed_from_the_day_of_the_meeting():
    """A meeting without a plan is due four weeks after it (store.model.feedback_duty); only
    meetings older than three months without a plan are "not planned"."""
    past = good_meeting(date=TODAY - timedelta(days=1), feedback_due=None, feedback_sent=None)
    today = good_meeting(date=TODAY, feedback_due=None, feedback_sent=None)
    late = good_meeting(date=TODAY - timedelta(days=29), feedback_due=None, feedback_sent=None)
    old = good_meeting(date=TODAY - timedelta(days=120), feedback_due=None, feedback_sent=None)
    future = good_meeting(date=TODAY + timedelta(days=10), feedback_due=None, feedback_sent=None)
    undated = good_meeting(date=None, feedback_due=None, feedback_sent=None)
    assert codes(meeting_advice(past, TODAY)) == ["feedback_default"]
    assert codes(meeting_advice(today, TODAY)) == ["feedback_default"]
    assert codes(meeting_advice(late, TODAY)) == ["feedback_overdue"]
    assert codes(meeting_advice(old, TODAY)) == ["feedback_unplanned"]
    assert meeting_advice(future, TODAY) == []
    assert meeting_advice(undated, TODAY) == []


def test_negative_counts_are_left_to_validation():
    assert meeting_advice(good_meeting(participants=-1, listeners=-5, duration_min=-3), TODAY) == []


def pilot(days: int | None, **changes) -> Action:
    values = dict(title="Pilot e-consult", phase=2, status=Status.IN_PROGRESS)
    if days is not None:
        values["started_on"] = TODAY - timedelta(days=days)
    values.update(changes)
    return Action(**values)


@pytest.mark.parametrize(("days", "expected"), [(334, []), (335, ["pilot_ending"]), (365, ["pilot_ending"]),
                                              (366, ["pilot_unevaluated"]), (0, [])])
def test_pilot_boundary(days, expected):
    advice = action_advice(pilot(days), TODAY)
    assert codes(advice) == expected
    if expected:
        assert advice[0].field == "evaluated_on"
    if expected == ["pilot_unevaluated"]:
        assert "366" in advice[0].message


@pytest.mark.parametrize(
    "changes",
    [
        {"phase": 1},
        {"phase": 3},
        {"evaluated_on": TODAY - timedelta(days=3)},
        {"status": Status.DONE},
        {"status": Status.STOPPED},
    ],
)
def test_pilot_exempt(changes):
    assert action_advice(pilot(500, **changes), TODAY) == []


def test_pilot_planned_counts_too():
    assert codes(action_advice(pilot(400, status=Status.PLANNED), TODAY)) == ["pilot_unevaluated"]


def test_pilot_falls_back_to_created_at():
    old = pilot(None, created_at=f"{TODAY - timedelta(days=366)}T09:00:00+00:00")
    young = pilot(None, created_at=f"{TODAY - timedelta(days=365)}T23:59:59+00:00")
    assert codes(action_advice(old, TODAY)) == ["pilot_unevaluated"]
    assert codes(action_advice(young, TODAY)) == ["pilot_ending"]  # warned ahead, not yet late
    assert action_advice(pilot(None, created_at=""), TODAY) == []
    assert action_advice(pilot(None, created_at="garbage-xx"), TODAY) == []


def test_unit_advice_counts():
    meetings = [
        good_meeting(feedback_due=TODAY - timedelta(days=3), feedback_sent=None),
        good_meeting(feedback_due=TODAY - timedelta(days=9), feedback_sent=None),
        good_meeting(),
    ]
    actions = [pilot(400), pilot(10), pilot(400, status=Status.DONE)]
    advice = unit_advice(meetings, actions, TODAY)
    assert [(a.code, a.field) for a in advice] == [("unit_feedback_overdue", "meetings"), ("unit_pilots_unevaluated", "actions")]
    assert "2 bijeenkomst" in advice[0].message and advice[1].message.startswith("1 pilot")
    assert unit_advice([good_meeting()], [pilot(10)], TODAY) == []
    assert unit_advice(iter([]), iter([]), TODAY) == []


def test_english_messages():
    i18n.set_language("en")
    advice = meeting_advice(good_meeting(participants=4, listeners=25, duration_min=30), TODAY)
    text = " ".join(a.message for a in advice)
    assert "too few" in text and "15–20" in text and "1.5 hours" in text


def test_every_message_in_both_languages_and_formats():
    for lang in ("nl", "en"):
        templates = {k: v for k, v in i18n.CATALOGS[lang].items() if k.startswith("advice.")}
        # 12, one for a default feedback date, five for teams, two for pilots ending soon, one for an
        # evening slot; and singulars (".one")
        assert len([k for k in templates if not k.endswith(".one")]) == 21
        for template in templates.values():
            template.format(n=1, min=5, low=8, high=12, due="2026-01-01", days=400, weeks=4, providers=2,
                            wanted=4, points=3)


ints = st.none() | st.integers(min_value=-(10**9), max_value=10**9)
dates = st.none() | st.dates()
texts = st.text(max_size=8)


@given(
    participants=ints, listeners=ints, duration=ints, rounds=ints, held=dates, due=dates, sent=dates,
    facilitator=texts, minute_taker=texts, today=st.dates(), fmt=st.sampled_from(MeetingFormat),
)
def test_meeting_advice_never_raises(participants, listeners, duration, rounds, held, due, sent, facilitator, minute_taker, today, fmt):
    meeting = Meeting(
        date=held, format=fmt, participants=participants, listeners=listeners, duration_min=duration, rounds=rounds,
        feedback_due=due, feedback_sent=sent, facilitator=facilitator, minute_taker=minute_taker,
    )
    for advice in meeting_advice(meeting, today) + unit_advice([meeting], [], today):
        assert isinstance(advice, Advice) and advice.message and not advice.message.startswith("advice.")


@given(
    phase=st.integers(min_value=-5, max_value=9), status=st.sampled_from(Status), started=dates,
    evaluated=dates, created=st.text(max_size=30), today=st.dates(),
)
def test_action_advice_never_raises(phase, status, started, evaluated, created, today):
    action = Action(title="x", phase=phase, status=status, started_on=started, evaluated_on=evaluated, created_at=created)
    assert all(isinstance(a, Advice) for a in action_advice(action, today) + unit_advice([], [action], today))


def test_bad_rules_of_thumb_still_save(store, unit):
    bad = Meeting(
        date=store.today() - timedelta(days=60), participants=3, listeners=30, duration_min=200,
        feedback_due=store.today() - timedelta(days=10),
    )
    saved = store.add(bad, unit.unit)
    assert saved.id.startswith("M-") and saved.rev == 1
    reread = store.get(saved.id)
    assert set(codes(meeting_advice(reread, store.today()))) == {
        "participants_too_few", "listeners_too_many", "facilitator_missing", "minute_taker_missing",
        "duration_too_long", "feedback_overdue",
    }
    reread.participants = 2
    assert store.save(reread).rev == 2


def test_old_pilot_still_saves(store, unit):
    action = store.add(pilot(500), unit.unit)
    assert codes(action_advice(store.get(action.id), store.today())) == ["pilot_unevaluated"]
