"""The evaluation meeting's review queue and its decisions.

`queue` is the unit's actions due for review (store.rules.due_for_review: the review
date has come or the deadline is near), oldest need first, each with its KPIs. A
decision about one action goes in through `decide`: one transaction of the action's
unit, the revision the team saw checked inside it, so a colleague's edit in between
is a Conflict and never silently overwritten. This period's KPI values go in through
store.measurements.enter_period (one transaction for the values typed).
"""

from __future__ import annotations

import datetime as dt

from store import rules
from store.errors import InvalidValue
from store.i18n import t
from store.queries import sort_key
from store.records import Action, Kpi
from store.vocab import Status

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.repository import Store


class ReviewItem:
    """An action due for review, its KPIs, and why it is in the queue."""

    __slots__ = ("action", "kpis", "why")

    def __init__(self, action: Action, kpis: list[Kpi], why: str) -> None:
        self.action, self.kpis, self.why = action, kpis, why


class Decision:
    """What the team decided about one action. None: left as it is. `stop_reason`
    stops the action (the reason goes in the PDSA "act" note); `next_review` None
    with a cycle on the action: the cycle's next date after today."""

    __slots__ = ("status", "progress", "study", "act", "next_review", "stop_reason")

    def __init__(self, *, status: Status | None = None, progress: int | None = None, study: str | None = None,
                 act: str | None = None, next_review: dt.date | None = None, stop_reason: str = "") -> None:
        self.status, self.progress, self.study, self.act = status, progress, study, act
        self.next_review, self.stop_reason = next_review, stop_reason


def queue(store: Store, slug: str) -> list[ReviewItem]:
    """The unit's actions due for review: the longest waiting first (the earlier of
    review date and deadline), then by id."""
    today = store.today()
    due = [a for a in store.records(Action, slug) if rules.due_for_review(a, today)]
    kpis: dict[str, list[Kpi]] = {}
    for kpi in store.records(Kpi, slug):
        kpis.setdefault(kpi.action, []).append(kpi)

    def urgency(action: Action) -> tuple:  # due_for_review: at least one of the two is set
        days = [d for d in (action.review_date, action.deadline) if d is not None]
        return min(days), sort_key(action)

    return [ReviewItem(a, sorted(kpis.get(a.id, []), key=lambda k: k.id), why(a, today))
            for a in sorted(due, key=urgency)]


def why(action: Action, today: dt.date) -> str:
    """'evaluatie 12 nov', 'deadline 28 nov' or both: why it is in the queue."""
    from store.fields import show_date

    review = action.review_date if action.review_date is not None and action.review_date <= today else None
    if review and action.deadline:
        return t("review.why.both", review=show_date("review_date", review, today),
                 deadline=show_date("deadline", action.deadline, today))
    if review:
        return t("review.why.review", date=show_date("review_date", review, today))
    return t("review.why.deadline", date=show_date("deadline", action.deadline, today))


def decide(store: Store, action_id: str, rev: int, decision: Decision) -> Action:
    """Record the team's decision about one action in one transaction, against the
    revision they saw (Conflict if it changed since). The action counts as
    evaluated today; its next review is the date chosen, else the cycle's next one,
    else none (a review date that has passed would keep it in the queue)."""
    located = store.get(action_id)
    if not isinstance(located, Action):
        raise InvalidValue("id", t("id.invalid", id=action_id))
    today = store.today()
    with store.transaction(located.unit) as txn:
        action = txn.get(Action, located.id, rev)
        if not rules.is_open(action) and decision.status is None:
            raise InvalidValue("status", t("review.not_open", id=action.id, status=action.status.label))
        notes = dict(action.pdsa)
        if decision.study is not None:
            notes["study"] = decision.study
        if decision.act is not None:
            notes["act"] = decision.act
        if decision.stop_reason is not None and decision.stop_reason.strip():
            action.status = Status.STOPPED
            notes["act"] = decision.stop_reason.strip()
        elif decision.status is not None:
            action.status = decision.status
        if decision.progress is not None:
            action.progress = decision.progress
        action.pdsa = notes
        action.evaluated_on = today
        action.review_date = _next_review(action, decision, today)
        return txn.save(action)


def stop(store: Store, action_id: str, rev: int, reason: str) -> Action:
    """Stop an action with a reason (a reason is required: the team owes it)."""
    if not reason.strip():
        raise InvalidValue("reason", t("review.stop_reason"))
    return decide(store, action_id, rev, Decision(stop_reason=reason))


def _next_review(action: Action, decision: Decision, today: dt.date) -> dt.date | None:
    if decision.next_review is not None:
        return decision.next_review
    if not rules.is_open(action):
        return None
    if action.review_cycle:
        from store.cycles import next_review

        return next_review(action.review_cycle, today)
    return None


class Outcome:
    """One action as the meeting left it, for the overview: the action as saved
    after the decision (or as shown, if skipped), what was decided, and the KPI
    values entered for it (name, value text)."""

    __slots__ = ("action", "skipped", "values")

    def __init__(self, action: Action, skipped: bool = False, values: list[tuple[str, str]] | None = None) -> None:
        self.action, self.skipped, self.values = action, skipped, list(values or [])
