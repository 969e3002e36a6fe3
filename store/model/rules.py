"""The rules of an action's life, decided in one place: status transitions, the dates
and progress a status change implies, overdue and due-soon.
"""

from __future__ import annotations

import datetime as dt

from store.errors import InvalidValue
from store.i18n import t
from store.model.records import Action
from store.model.vocab import Status

DUE_SOON_DAYS = 7
OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS)
_OPEN_CODES = tuple(status.value for status in OPEN_STATUSES)  # as stored in documents
_DEFAULT_STATUS = Status.PLANNED.value  # a document leaves the default out

# Which status may follow which. Done can be reopened and stopped resumed, but a
# stopped action is not "done" without being picked up again first.
TRANSITIONS: dict[Status, tuple[Status, ...]] = {
    Status.PLANNED: (Status.IN_PROGRESS, Status.DONE, Status.STOPPED),
    Status.IN_PROGRESS: (Status.PLANNED, Status.DONE, Status.STOPPED),
    Status.DONE: (Status.IN_PROGRESS,),
    Status.STOPPED: (Status.PLANNED, Status.IN_PROGRESS),
}


def check_transition(old: Status, new: Status) -> None:
    if new != old and new not in TRANSITIONS[old]:
        allowed = ", ".join(s.label for s in TRANSITIONS[old])
        raise InvalidValue("status", t("status.transition", old=old.label, new=new.label, allowed=allowed))


def apply_status_effects(old: Action | None, new: Action, today: dt.date) -> None:
    """Fill in what a status change implies: start and done dates, progress 100.
    A new record may bring its own dates (an import, history in the demo)."""
    if old is not None:
        check_transition(old.status, new.status)
    if new.status == Status.IN_PROGRESS and new.started_on is None:
        new.started_on = today
    if new.status == Status.DONE:
        entering = old is not None and old.status != Status.DONE
        if entering or new.done_on is None:
            new.done_on = today
        new.progress = 100
    elif old is not None and old.status == Status.DONE:
        new.done_on = None


def is_open(action: Action) -> bool:
    return action.status in OPEN_STATUSES


def is_overdue(action: Action, today: dt.date) -> bool:
    return action.deadline is not None and action.deadline < today and is_open(action)


def is_due_soon(action: Action, today: dt.date) -> bool:
    return action.deadline is not None and in_due_soon_window(action.deadline, today) and is_open(action)


def in_due_soon_window(day: dt.date, today: dt.date) -> bool:
    """Within the coming week, today included: what "due soon" means for anything."""
    return today <= day <= today + dt.timedelta(days=DUE_SOON_DAYS)


def overdue_rows(rows: list[list], today_iso: str, status_at: int, deadline_at: int) -> list[list]:
    """`overdue_doc` on list rows (store/persistence/files/listing.py: every field present, in
    order), before they become documents: `list --overdue` looks at every action of
    every unit, and most are not overdue. The rows of an index are of actions that
    loaded, so their values have the stored types."""
    return [row for row in rows
            if row[deadline_at] and row[deadline_at] < today_iso and row[status_at] in _OPEN_CODES]


def open_doc(doc: dict) -> bool:
    """`is_open` on a stored document (absent status: the default, planned)."""
    return doc.get("status", _DEFAULT_STATUS) in _OPEN_CODES


def overdue_doc(doc: dict, today_iso: str) -> bool:
    """`is_overdue` on a stored document, so `spiegel list --overdue` can skip
    building records it will not show (ISO dates compare as strings; a document
    leaves out fields at their default, and the default status is planned)."""
    deadline = doc.get("deadline")
    return bool(deadline) and deadline < today_iso and doc.get("status", _DEFAULT_STATUS) in _OPEN_CODES


def due_for_review(action: Action, today: dt.date) -> bool:
    """An open action the team should look at in an evaluation meeting: its review
    date has come, or its deadline is near (the due-soon window) or past."""
    if not is_open(action):
        return False
    review = action.review_date is not None and action.review_date <= today
    deadline = action.deadline is not None and action.deadline <= today + dt.timedelta(days=DUE_SOON_DAYS)
    return review or deadline
