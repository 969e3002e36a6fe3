"""The calendar: stable UIDs, SEQUENCE from the revision, DTSTAMP from the last
change, all-day events, only titles and unit names, per owner or unit."""

from __future__ import annotations

import datetime as dt

import store.exchange.interop  # noqa: F401
from store.exchange.interop import ical
from store.model.records import Action, Meeting


def parsed(data: bytes):
    import icalendar

    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_events_update_instead_of_duplicating(store, unit):
    action = store.add(Action(title="Terugbelservice", owner="Sanne", description="geheime omschrijving",
                              deadline=dt.date(2027, 2, 1), review_date=dt.date(2027, 3, 1)), unit.id)
    store.add(Meeting(date=dt.date(2026, 11, 1), theme="Bereikbaarheid", notes="notitie met een naam",
                      feedback_due=dt.date(2026, 12, 1)), unit.id)
    first = parsed(ical.calendar_bytes(ical.events(store, unit.id)))
    uid = f"{action.id}-deadline@spiegel"
    assert set(first) == {uid, f"{action.id}-review@spiegel", "M-" + _num(store, unit) + "-feedback@spiegel"}
    event = first[uid]
    assert str(event["SUMMARY"]) == "Deadline: Terugbelservice (Huisartsenpraktijk De Hoek)"
    assert event.decoded("DTSTART") == dt.date(2027, 2, 1) and event.decoded("DTEND") == dt.date(2027, 2, 2)
    assert int(event["SEQUENCE"]) == 1
    changed = store.change(action.id, {"deadline": dt.date(2027, 2, 8)})
    second = parsed(ical.calendar_bytes(ical.events(store, unit.id)))
    assert int(second[uid]["SEQUENCE"]) == changed.rev == 2
    assert second[uid].decoded("DTSTAMP") == dt.datetime.fromisoformat(changed.updated_at).astimezone(dt.timezone.utc)
    raw = ical.calendar_bytes(ical.events(store, unit.id)).decode()
    assert "geheime omschrijving" not in raw and "notitie" not in raw


def _num(store, unit):
    return store.records(Meeting, unit.id)[0].id.partition("-")[2]


def test_per_owner_and_done_actions_are_cancelled(store, unit):
    mine = store.add(Action(title="Van Sanne", owner="Sanne de Vries", deadline=dt.date(2027, 2, 1)), unit.id)
    store.add(Action(title="Van Piet", owner="Piet", deadline=dt.date(2027, 2, 1)), unit.id)
    store.add(Meeting(date=dt.date(2026, 11, 1), feedback_due=dt.date(2026, 12, 1)), unit.id)
    events = ical.events(store, unit.id, owner="sanne")
    assert [e["uid"] for e in events] == [f"{mine.id}-deadline@spiegel"]
    store.change(mine.id, {"status": "done"})
    (event,) = parsed(ical.calendar_bytes(ical.events(store, owner="sanne"))).values()
    assert str(event["STATUS"]) == "CANCELLED"


def test_every_duty_spiegel_shows_default_feedback_dates_and_pilots_included(store, unit):
    from store.model.feedback_duty import duty

    store.today = lambda: dt.date(2026, 11, 23)
    unplanned = store.add(Meeting(date=dt.date(2026, 11, 2), theme="Zonder plan"), unit.id)
    old = store.add(Meeting(date=dt.date(2025, 1, 10), theme="Oud"), unit.id)  # no duty shown: no event
    pilot = store.add(Action(title="Proef", phase=2, started_on=dt.date(2026, 3, 1)), unit.id)
    events = {e["uid"]: e for e in ical.events(store, unit.id)}
    feedback = events[f"{unplanned.id}-feedback@spiegel"]
    assert feedback["date"] == duty(unplanned, store.today()).due == dt.date(2026, 11, 30)
    assert f"{old.id}-feedback@spiegel" not in events
    assert events[f"{pilot.id}-pilot@spiegel"]["date"] == dt.date(2027, 3, 1)
    assert not events[f"{pilot.id}-pilot@spiegel"]["cancelled"]
    store.change(unplanned.id, {"feedback_due": dt.date(2026, 12, 4)})  # planned now: the same event moves
    store.change(pilot.id, {"evaluated_on": dt.date(2026, 11, 20)})
    moved = parsed(ical.calendar_bytes(ical.events(store, unit.id)))
    assert moved[f"{unplanned.id}-feedback@spiegel"].decoded("DTSTART") == dt.date(2026, 12, 4)
    assert int(moved[f"{unplanned.id}-feedback@spiegel"]["SEQUENCE"]) == 2
    assert str(moved[f"{pilot.id}-pilot@spiegel"]["STATUS"]) == "CANCELLED"
