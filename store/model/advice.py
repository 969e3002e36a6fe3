"""Rules of thumb from the sources, as advice: shown beside a record, never a wall.

`meeting_advice`, `action_advice` and `unit_advice` are pure functions of a record
(or a unit's records) and a date. They never raise and never block saving; a value
that is invalid anyway (a negative count) is left to validation and gets no advice.

Texts come from the catalog (`store.i18n`), keys `advice.<code>`.
"""

from __future__ import annotations

import datetime as dt

from store import i18n
from store.model.records import Action, Meeting
from store.model.vocab import Status

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Iterable

MIN_PARTICIPANTS = 5
IDEAL_PARTICIPANTS = (8, 12)
MAX_LISTENERS = 20
GOOD_LISTENERS = (15, 20)
# Minutes: "about 1.5 hours" (seed 001), so a quarter of an hour either way is about;
# two hours is no longer about 1.5 (advised, never refused).
DURATION_MIN = (60, 105)
EVENING_FROM = "18:00"  # working people in the target group: an evening slot (seed 001)
PILOT_MAX_DAYS = 365
PILOT_WARN_DAYS = 30  # warn a month before a pilot's year is up


class Advice:
    """One piece of advice, immutable. A plain class rather than a frozen dataclass:
    `spiegel add` and `list` import this module (a unit's portfolio figures, through
    `pilot_start`), and dataclasses brings inspect and typing, ~8 ms of their start."""

    __slots__ = ("code", "field", "message")

    def __init__(self, code: str, field: str, message: str) -> None:
        set_ = object.__setattr__
        set_(self, "code", code)  # stable, e.g. "participants_too_few"; the catalog key is "advice." + code
        set_(self, "field", field)  # the record field it is about (or "meetings"/"actions" for a unit)
        set_(self, "message", message)  # in the current language

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Advice is immutable: cannot set {name}")

    def _key(self) -> tuple[str, str, str]:
        return self.code, self.field, self.message

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if type(other) is Advice else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Advice(code={self.code!r}, field={self.field!r}, message={self.message!r})"


def message(code: str, **values: object) -> str:
    """The text for an advice code in the current language."""
    return i18n.t(f"advice.{code}", **values)


def make_advice(code: str, field: str, **values: object) -> Advice:
    return Advice(code, field, message(code, **values))


def _count(value: object) -> int | None:
    """A usable count, or None (unset, not an int, or negative: validation's job)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _blank(value: object) -> bool:
    return not (isinstance(value, str) and value.strip())


def meeting_advice(meeting: Meeting, today: dt.date) -> list[Advice]:
    """Rules of thumb for a meeting; empty list when it follows them all."""
    found: list[Advice] = []
    low, high = IDEAL_PARTICIPANTS
    participants = _count(meeting.participants)
    if participants is not None:
        if participants < MIN_PARTICIPANTS:
            found.append(make_advice("participants_too_few", "participants", n=participants, min=MIN_PARTICIPANTS, low=low, high=high))
        elif not low <= participants <= high:
            found.append(make_advice("participants_not_ideal", "participants", n=participants, low=low, high=high))
    listeners = _count(meeting.listeners)
    if listeners is not None and listeners > MAX_LISTENERS:
        found.append(make_advice("listeners_too_many", "listeners", n=listeners, low=GOOD_LISTENERS[0], high=GOOD_LISTENERS[1]))
    if _blank(meeting.facilitator):
        found.append(make_advice("facilitator_missing", "facilitator"))
    if _blank(meeting.minute_taker):
        found.append(make_advice("minute_taker_missing", "minute_taker"))
    duration = _count(meeting.duration_min)
    if duration is not None and duration > DURATION_MIN[1]:
        found.append(make_advice("duration_too_long", "duration_min", n=duration))
    elif duration is not None and duration < DURATION_MIN[0]:
        found.append(make_advice("duration_too_short", "duration_min", n=duration))
    found.extend(_target_group_advice(meeting))
    found.extend(_feedback_advice(meeting, today))
    return found


def _target_group_advice(meeting: Meeting) -> list[Advice]:
    """Seed 001: when working people belong to the target group, meet in the
    evening. A start time not yet known is advised too: the advice says what to plan."""
    found = []
    if meeting.working_target is True and not (isinstance(meeting.start_time, str) and meeting.start_time >= EVENING_FROM):
        found.append(make_advice("evening_slot", "start_time"))
    return found


def _feedback_advice(meeting: Meeting, today: dt.date) -> list[Advice]:
    """The feedback duty in words; the rule itself is store.model.feedback_duty's."""
    from store.dates import describe_date
    from store.model import feedback_duty as fd

    duty = fd.duty(meeting, today)
    if duty.state == fd.LATE and duty.due is not None:
        return [make_advice("feedback_overdue", "feedback_due", due=describe_date(duty.due, today, "ahead"))]
    if duty.state == fd.UNPLANNED:
        return [make_advice("feedback_unplanned", "feedback_due")]
    if duty.default and duty.state == fd.OPEN and duty.due is not None:
        return [make_advice("feedback_default", "feedback_due", due=describe_date(duty.due, today, "ahead"),
                        weeks=fd.feedback_weeks())]
    return []


def feedback_overdue(meeting: Meeting, today: dt.date) -> bool:
    """Feedback late: past its planned date, or past the default date of a recent
    meeting without a plan (store.model.feedback_duty decides)."""
    from store.model.feedback_duty import feedback_late

    return feedback_late(meeting, today)


def feedback_due_soon(meeting: Meeting, today: dt.date) -> bool:
    """Feedback owed and due within the coming week (today included)."""
    from store.model import feedback_duty

    return feedback_duty.feedback_due_soon(meeting, today)


def pilot_overdue(action: Action, today: dt.date) -> bool:
    """A phase-2 pilot still open and unevaluated more than a year after it started
    (seed 002: pilots last at most a year, then they are evaluated)."""
    start = pilot_start(action)
    return start is not None and pilot_overdue_since(start, today)


def pilot_ending_soon(action: Action, today: dt.date) -> bool:
    """A phase-2 pilot whose year ends within the coming month (PILOT_WARN_DAYS):
    warned ahead, so the evaluation can be planned before the year is up."""
    days = pilot_age(action, today)
    return days is not None and PILOT_MAX_DAYS - PILOT_WARN_DAYS <= days <= PILOT_MAX_DAYS


def pilot_days_left(action: Action, today: dt.date) -> int | None:
    days = pilot_age(action, today)
    return None if days is None else PILOT_MAX_DAYS - days


def pilot_age(action: Action, today: dt.date) -> int | None:
    """Days a phase-2 pilot has run unevaluated and still open, else None."""
    start = pilot_start(action)
    return (today - start).days if start is not None else None


def pilot_overdue_since(start: dt.date, today: dt.date) -> bool:
    """A pilot that started on `start` is past its year (store/model/figures.py keeps starts)."""
    return (today - start).days > PILOT_MAX_DAYS


def pilot_start(action: Action) -> dt.date | None:
    """When a phase-2 pilot still open and unevaluated started, else None."""
    if action.phase != 2 or _date(action.evaluated_on) is not None:
        return None
    if action.status in (Status.DONE, Status.STOPPED):
        return None
    return _date(action.started_on) or created_date(action.created_at)


def created_date(created_at: object) -> dt.date | None:
    """The date part of an ISO timestamp such as `2026-03-01T09:00:00+00:00`."""
    if not isinstance(created_at, str) or len(created_at) < 10:
        return None
    try:
        return dt.date.fromisoformat(created_at[:10])
    except ValueError:
        return None


def action_advice(action: Action, today: dt.date) -> list[Advice]:
    """Rules of thumb for an action: a pilot (phase 2) is evaluated within a year."""
    if pilot_overdue(action, today):
        return [make_advice("pilot_unevaluated", "evaluated_on", days=pilot_age(action, today))]
    if pilot_ending_soon(action, today):
        return [make_advice("pilot_ending", "evaluated_on", n=pilot_days_left(action, today))]
    return []


def unit_advice(meetings: Iterable[Meeting], actions: Iterable[Action], today: dt.date) -> list[Advice]:
    """Counts for a unit's dashboard: overdue feedback, pilots past their year."""
    found: list[Advice] = []
    late = sum(1 for m in meetings if feedback_overdue(m, today))
    if late:
        found.append(make_advice("unit_feedback_overdue", "meetings", n=late))
    actions = list(actions)
    pilots = sum(1 for a in actions if pilot_overdue(a, today))
    if pilots:
        found.append(make_advice("unit_pilots_unevaluated", "actions", n=pilots))
    ending = sum(1 for a in actions if pilot_ending_soon(a, today))
    if ending:
        found.append(make_advice("unit_pilots_ending", "actions", n=ending))
    return found
