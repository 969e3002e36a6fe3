"""The evaluation meeting's store side: correcting and deleting a measurement, review
cycles, the review queue and its decisions, the one-pass entry, pilots warned ahead."""

from __future__ import annotations

import datetime as dt

import pytest

from store.model import advice
from store.model.cycles import next_review, parse_cycle
from store.errors import Conflict, InvalidRecord, InvalidValue
from store.moments.measurements import correct_measurement, delete_measurement, enter_period
from store.model.records import Action, Kpi, Measurement
from store.moments.reviews import Decision, decide, queue, stop
from store.model.vocab import Status
from tests.conftest import TODAY, stored

D = dt.date


@pytest.fixture
def kpi(store, unit) -> Kpi:
    action = store.add(Action(title="Terugbellen", review_date=D(2026, 11, 20)), unit.id)
    return store.add(Kpi(action=action.id, name="Binnen een dag", measure_unit="%", measurements=[
        Measurement(D(2026, 9, 1), 50.0), Measurement(D(2026, 10, 1), 55.0, "na scholing")]), unit.id)


# correcting and deleting a measurement -------------------------------------------------
def test_a_measurement_is_corrected_by_number_logged_and_undoable(store, kpi):
    fixed = correct_measurement(store, kpi.id, 2, value=65.0, rev=kpi.rev)
    assert fixed.measurements[1] == Measurement(D(2026, 10, 1), 65.0, "na scholing")
    assert fixed.log[-1]["op"] == "update" and "measurements" in fixed.log[-1]["changes"]
    assert store.undo(kpi.id).measurements == kpi.measurements


def test_a_measurement_is_chosen_by_date_and_its_date_moves_in_order(store, kpi):
    fixed = correct_measurement(store, kpi.id, "2026-09-01", date=D(2026, 10, 15), note="verkeerd getypt")
    assert [m.date for m in fixed.measurements] == [D(2026, 10, 1), D(2026, 10, 15)]
    assert fixed.measurements[1].note == "verkeerd getypt"


def test_a_deleted_measurement_is_restored_by_undo(store, kpi):
    gone = delete_measurement(store, kpi.id, "1 sep", rev=kpi.rev)
    assert [m.value for m in gone.measurements] == [55.0]
    assert store.undo(kpi.id, rev=gone.rev).measurements == kpi.measurements


@pytest.mark.parametrize("which", [0, 3, "1 dec", "nooit"])
def test_a_measurement_that_is_not_there_is_named(store, kpi, which):
    with pytest.raises(InvalidValue, match=str(which)):
        delete_measurement(store, kpi.id, which)


def test_a_correction_checks_value_revision_and_future(store, unit, kpi):
    with pytest.raises(InvalidValue, match="100"):
        correct_measurement(store, kpi.id, 1, value=140.0)
    with pytest.raises(InvalidValue):
        correct_measurement(store, kpi.id, 1, date=TODAY + dt.timedelta(days=3))
    with pytest.raises(InvalidValue):
        correct_measurement(store, kpi.id, 1)
    store.change(kpi.id, {"target": 90.0})
    before = stored(store, unit.id)
    with pytest.raises(Conflict):
        delete_measurement(store, kpi.id, 1, rev=kpi.rev)
    assert stored(store, unit.id) == before


# review cycles ------------------------------------------------------------------------
@pytest.mark.parametrize("text, after, expected", [
    ("kwartaal", D(2026, 11, 23), D(2027, 2, 23)),
    ("6 weken", D(2026, 11, 23), D(2027, 1, 4)),
    ("maand", D(2028, 1, 31), D(2028, 2, 29)),  # month end kept (a Tuesday)
    ("eerste maandag van de maand", D(2026, 11, 23), D(2026, 12, 7)),
    ("eerste maandag van de maand", D(2026, 12, 6), D(2026, 12, 7)),
    ("laatste vrijdag van de maand", D(2026, 11, 23), D(2026, 11, 27)),
    ("every 2 months", D(2026, 11, 23), D(2027, 1, 25)),  # 23 jan is a Saturday: the Monday
    ("", D(2026, 11, 23), None),
])
def test_the_next_review_follows_the_cycle(text, after, expected):
    assert next_review(text, after) == expected


def test_an_unknown_cycle_is_refused_by_name(store, unit):
    with pytest.raises(InvalidValue, match="soms"):
        parse_cycle("soms")
    with pytest.raises(InvalidRecord):
        store.add(Action(title="x", review_cycle="soms"), unit.id)


# the review queue and its decisions -----------------------------------------------------
def test_the_queue_holds_open_actions_whose_review_came_or_deadline_is_near(store, unit, kpi):
    near = store.add(Action(title="Deadline", deadline=TODAY + dt.timedelta(days=5)), unit.id)
    store.add(Action(title="Later", deadline=TODAY + dt.timedelta(days=40), review_date=TODAY + dt.timedelta(days=2)), unit.id)
    store.add(Action(title="Klaar", status=Status.DONE, review_date=D(2026, 11, 1)), unit.id)
    items = queue(store, unit.id)
    assert [i.action.id for i in items] == [kpi.action, near.id]
    assert [k.id for k in items[0].kpis] == [kpi.id] and "evaluatie" in items[0].why


def test_an_empty_unit_has_an_empty_queue(store, unit):
    assert queue(store, unit.id) == []


def test_a_decision_is_one_revision_checked_change_and_the_cycle_sets_the_next_review(store, unit):
    action = store.add(Action(title="Folder", review_date=D(2026, 11, 1), review_cycle="kwartaal"), unit.id)
    saved = decide(store, action.id, action.rev, Decision(
        status=Status.IN_PROGRESS, progress=40, study="minder klachten", act="doorgaan"))
    assert (saved.status, saved.progress, saved.rev) == (Status.IN_PROGRESS, 40, action.rev + 1)
    assert saved.pdsa == {"study": "minder klachten", "act": "doorgaan"}
    assert saved.review_date == D(2027, 2, 23) and saved.evaluated_on == TODAY
    assert queue(store, unit.id) == []
    with pytest.raises(Conflict):
        decide(store, action.id, action.rev, Decision(progress=50))


def test_a_chosen_next_review_wins_over_the_cycle(store, unit):
    action = store.add(Action(title="Folder", review_date=D(2026, 11, 1), review_cycle="kwartaal"), unit.id)
    assert decide(store, action.id, 1, Decision(next_review=D(2026, 12, 14))).review_date == D(2026, 12, 14)


def test_stopping_needs_a_reason_and_keeps_it(store, unit):
    action = store.add(Action(title="Folder", review_date=D(2026, 11, 1)), unit.id)
    with pytest.raises(InvalidValue):
        stop(store, action.id, 1, "  ")
    stopped = stop(store, action.id, 1, "geen budget")
    assert stopped.status == Status.STOPPED and stopped.pdsa["act"] == "geen budget" and stopped.review_date is None


# one pass for every KPI ------------------------------------------------------------------
def test_one_pass_saves_the_good_values_together_and_names_the_bad(store, unit, kpi):
    other = store.add(Kpi(action=kpi.action, name="Klachten", measure_unit="aantal"), unit.id)
    third = store.add(Kpi(action=kpi.action, name="Wachttijd"), unit.id)
    result = enter_period(store, unit.id, "20 nov", {kpi.id: "140", other.id: "3,5", third.id: ""})
    assert result.problems.keys() == {kpi.id} and "100" in result.problems[kpi.id]
    assert [k.id for k in result.saved] == [other.id]
    assert store.get(other.id).measurements == [Measurement(D(2026, 11, 20), 3.5)]
    assert store.get(kpi.id).measurements == kpi.measurements
    assert store.get(third.id).measurements == []
    assert enter_period(store, unit.id, "20 nov", {kpi.id: "abc"}).problems[kpi.id]


# pilots warned ahead -----------------------------------------------------------------------
def test_a_pilot_is_warned_a_month_before_its_year_is_up():
    def pilot(days: int) -> Action:
        return Action(title="p", phase=2, status=Status.IN_PROGRESS, started_on=TODAY - dt.timedelta(days=days))

    assert not advice.pilot_ending_soon(pilot(300), TODAY)
    assert advice.pilot_ending_soon(pilot(340), TODAY)
    assert [a.code for a in advice.action_advice(pilot(340), TODAY)] == ["pilot_ending"]
    assert [a.code for a in advice.action_advice(pilot(400), TODAY)] == ["pilot_unevaluated"]
    codes = [a.code for a in advice.unit_advice([], [pilot(340), pilot(400)], TODAY)]
    assert codes == ["unit_pilots_unevaluated", "unit_pilots_ending"]


def test_the_dashboard_lists_pilots_whose_year_ends_within_a_month(store, unit):
    from store.moments.dashboard import unit_summary

    ending = store.add(Action(title="Pilot", phase=2, status=Status.IN_PROGRESS,
                              started_on=TODAY - dt.timedelta(days=350)), unit.id)
    store.add(Action(title="Jong", phase=2, status=Status.IN_PROGRESS, started_on=TODAY - dt.timedelta(days=30)), unit.id)
    summary = unit_summary(store, unit.id)
    assert [a.id for a in summary.pilots_ending] == [ending.id] and summary.pilots == []
