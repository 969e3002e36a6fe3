"""`spiegel ical`: every duty spiegel shows, as an iCalendar file: deadlines,
review dates, the end of a pilot's year, and feedback due dates (planned, or the
default date store/model/feedback_duty.py gives a recent meeting without a plan),
written with the `icalendar` library (imported only here). A calendar can import
the file again and again: each event's UID is stable per record and date kind
(`A-12-deadline@spiegel`), SEQUENCE is the record's revision and DTSTAMP its last
change, so a re-import updates the event instead of adding a second one. A
deadline of a finished action and feedback already sent stay in the file as
CANCELLED, so the calendar drops them too. A feedback event keeps its UID when
its default date is replaced by a planned one: the calendar moves it.

Calendars sync to services outside the practice: an event carries the record's
title and the unit's name, nothing else (no descriptions, leerpunten, notes).
"""

from __future__ import annotations

import datetime as dt

from store.model import advice, rules
from store.model.feedback_duty import duty
from store.i18n import t
from store.model.records import Action, Meeting
from store.text import clean_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.errors import SpiegelError
    from store.persistence.repository import Store

PRODID = "-//spiegel//spiegel agenda//NL"


def events(store: Store, unit: str | None = None, owner: str | None = None,
           skipped: list[SpiegelError] | None = None) -> list[dict]:
    """Every event as a dict (uid, summary, date, sequence, stamp, cancelled), in date order."""
    names = {entry.slug: entry.unit.name for entry in store.units() if entry.unit is not None}
    wanted = clean_line(owner or "").casefold()
    found = []
    for action in store.records(Action, unit, skipped=skipped):
        if wanted and wanted not in action.owner.casefold():
            continue
        closed = not rules.is_open(action)
        for kind, day in (("deadline", action.deadline), ("review", action.review_date)):
            if day is not None:
                found.append(_event(action, kind, day, action.title, names, closed))
        if action.phase == 2:  # a pilot is evaluated within a year (seed 002), as the dashboard warns
            open_pilot = advice.pilot_start(action)
            start = open_pilot or action.started_on or advice.created_date(action.created_at)
            if start is not None:  # evaluated or closed: CANCELLED, so the calendar drops it
                day = start + dt.timedelta(days=advice.PILOT_MAX_DAYS)
                found.append(_event(action, "pilot", day, action.title, names, open_pilot is None))
    if not wanted:  # feedback to participants has no owner: only in a unit's or everyone's calendar
        today = store.today()
        for meeting in store.records(Meeting, unit, skipped=skipped):
            owed = duty(meeting, today)  # the planned date, or the default one spiegel shows
            if owed.due is not None:
                title = meeting.theme or meeting.format.label
                found.append(_event(meeting, "feedback", owed.due, title, names, owed.closed))
    return sorted(found, key=lambda e: (e["date"], e["uid"]))


def _event(record, kind: str, day: dt.date, title: str, names: dict, cancelled: bool) -> dict:
    unit_name = names.get(record.unit, record.unit)
    summary = f"{t(f'interop.ical.{kind}')}: {clean_line(title)} ({clean_line(unit_name)})"
    return {"uid": f"{record.id}-{kind}@spiegel", "summary": summary, "date": day, "sequence": record.rev,
            "stamp": _stamp(record.updated_at), "cancelled": cancelled}


def _stamp(updated_at: str) -> dt.datetime:
    """The record's last change as UTC (DTSTAMP must be UTC)."""
    try:
        moment = dt.datetime.fromisoformat(updated_at)
    except ValueError:
        moment = dt.datetime(1970, 1, 1)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def calendar_bytes(found: list[dict]) -> bytes:
    import icalendar  # only a calendar pays for its import

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "spiegel")
    for item in found:
        event = icalendar.Event()
        event.add("uid", item["uid"])
        event.add("summary", item["summary"])
        event.add("dtstart", item["date"])  # a date, not a time: an all-day event
        event.add("dtend", item["date"] + dt.timedelta(days=1))
        event.add("dtstamp", item["stamp"])
        event.add("sequence", item["sequence"])
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        if item["cancelled"]:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    return calendar.to_ical()
