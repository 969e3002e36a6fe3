"""The duty to give feedback to the participants of a meeting (*terugkoppeling*),
decided here and nowhere else.

The duty starts on the day of the meeting. A meeting without a planned feedback date
is due a fixed number of weeks after it (`SPIEGEL_FEEDBACK_WEEKS`, default 4) and is
late after that day. So that installing this rule does not make every old meeting
late at once, the default applies only to meetings of the last three months; an
older meeting without a plan is "not planned", not late. A duty is closed by a sent
date, or honestly by "given, date unknown" (`Meeting.feedback_given_unknown`).

Settings (environment, for a whole installation, like `SPIEGEL_RUN_RULES`):
`SPIEGEL_FEEDBACK_WEEKS` (1-52).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from store.dates import add_months
from store.model.records import Meeting
from store.model.rules import in_due_soon_window

DEFAULT_WEEKS = 4
WINDOW_MONTHS = 3  # meetings older than this get no default due date

# The states of a duty, stable codes (catalog keys `duty.<state>`).
SENT = "sent"  # feedback sent on a known date
GIVEN = "given"  # given, date unknown: closed
LATE = "late"  # open and past its due date
OPEN = "open"  # open, due date today or later
UNPLANNED = "unplanned"  # an older meeting without a plan: owed, not counted late
UPCOMING = "upcoming"  # the meeting has not happened yet (no date: nothing owed)
CLOSED = (SENT, GIVEN)


@dataclass(frozen=True)
class Duty:
    state: str
    due: dt.date | None  # the planned date, or the default one; None when neither applies
    default: bool = False  # `due` is the default (meeting date + the setting), not planned

    @property
    def late(self) -> bool:
        return self.state == LATE

    @property
    def closed(self) -> bool:
        return self.state in CLOSED


def feedback_weeks() -> int:
    """Weeks after a meeting that its feedback is due unless a date is planned."""
    text = os.environ.get("SPIEGEL_FEEDBACK_WEEKS", "").strip()
    return int(text) if text.isdigit() and 1 <= int(text) <= 52 else DEFAULT_WEEKS


def default_due(held: dt.date) -> dt.date:
    return held + dt.timedelta(weeks=feedback_weeks())


def duty(meeting: Meeting, today: dt.date) -> Duty:
    """Where the feedback of `meeting` stands on `today`."""
    planned = _date(meeting.feedback_due)
    if _date(meeting.feedback_sent) is not None:
        return Duty(SENT, planned)
    if meeting.feedback_given_unknown is True:
        return Duty(GIVEN, planned)
    held = _date(meeting.date)
    if planned is not None:
        return Duty(LATE if planned < today else OPEN, planned)
    if held is None:
        return Duty(UPCOMING, None)
    if held < add_months(today, -WINDOW_MONTHS):
        return Duty(UNPLANNED, None)
    due = default_due(held)
    if held > today:
        return Duty(UPCOMING, due, default=True)
    return Duty(LATE if due < today else OPEN, due, default=True)


def feedback_late(meeting: Meeting, today: dt.date) -> bool:
    return duty(meeting, today).late


def feedback_due_soon(meeting: Meeting, today: dt.date) -> bool:
    """Open and due within the coming week (today included)."""
    found = duty(meeting, today)
    return found.state == OPEN and found.due is not None and in_due_soon_window(found.due, today)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def duty_words(meeting: Meeting, today: dt.date) -> str:
    """Where the feedback stands, in words (never colour alone): 'te laat (uiterlijk
    di 27 okt)', 'gegeven, datum onbekend', 'niet gepland'."""
    from store.model.fields import show_date
    from store.i18n import t

    found = duty(meeting, today)
    if found.state == SENT:
        return t("duty.sent", date=show_date("feedback_sent", meeting.feedback_sent, today, weekday=False))
    if found.state in (LATE, OPEN) and found.due is not None:
        return t(f"duty.{found.state}", date=show_date("feedback_due", found.due, today, weekday=False))
    return t(f"duty.{found.state}")


# workflows: each one transaction, the meeting's seen revision checked under the lock
def mark_sent(store, meeting_id: str, *, on: dt.date | None = None, unknown: bool = False,
              rev: int | None = None) -> Meeting:
    """Record that the feedback went out: on `on` (default today), or `unknown`:
    given, date unknown. Logged like every change; undo reverses it."""
    from store.errors import InvalidValue
    from store.i18n import t

    meeting = meeting_of(store, meeting_id)
    today = store.today()
    if not unknown and on is not None and on > today:
        raise InvalidValue("feedback_sent", t("duty.sent_in_future", date=on.isoformat()))
    with store.transaction(meeting.unit) as txn:
        current = txn.get(Meeting, meeting.id, rev)
        current.feedback_given_unknown = unknown
        current.feedback_sent = None if unknown else (on or today)
        return txn.save(current)


def duties(store, unit: str | None = None, late_only: bool = False) -> list[tuple[Meeting, Duty]]:
    """Meetings with their feedback duty, across the units the user may read (or one),
    late ones first, then by due date; `late_only` keeps the late ones."""
    today = store.today()
    found = [(m, duty(m, today)) for m in store.records(Meeting, unit)]
    if late_only:
        found = [(m, d) for m, d in found if d.late]
    order = {LATE: 0, OPEN: 1, UNPLANNED: 2, UPCOMING: 3, GIVEN: 4, SENT: 5}
    return sorted(found, key=lambda md: (order[md[1].state], md[1].due or dt.date.max, md[0].unit, md[0].id))


def meeting_of(store, meeting_id: str) -> Meeting:
    from store.errors import InvalidValue
    from store.i18n import t
    from store.model.records import record_type

    if record_type(meeting_id) is not Meeting:
        raise InvalidValue("id", t("compare.not_meeting", id=meeting_id))
    return store.get(meeting_id)  # type: ignore[return-value]
