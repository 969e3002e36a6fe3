"""The evaluation meeting's review queue and its decisions.

`queue` is the unit's actions due for review (store.model.rules.due_for_review: the review
date has come or the deadline is near), oldest need first, each with its KPIs. A
decision about one action goes in through `decide`: one transaction of the action's
unit, the revision the team saw checked inside it, so a colleague's edit in between
is a Conflict and never silently overwritten. This period's KPI values go in through
store.moments.measurements.enter_period (one transaction for the values typed).
"""

from __future__ import annotations

import datetime as dt

from store.model import rules
from store.errors import InvalidValue
from store.i18n import t
from store.model.queries import sort_key
from store.model.records import Action, Kpi
from store.model.vocab import Status

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.persistence.repository import Store


class ReviewItem:
    """An action due for review, its KPIs, and why it is in the queue."""

    __slots__ = ("action", "kpis", "why")

    def __init__(self, action: Action, kpis: list[Kpi], why: str) -> None:
        self.action, self.kpis, self.why = action, kpis, why


VERDICTS = ("continue", "adjust", "done", "stop")  # what the seeds ask a team to decide (PDSA act)


class Decision:
    """What the team decided about one action. None: left as it is. `verdict`
    (VERDICTS): continue or adjust keep the action going, done finishes it, stop
    stops it with `stop_reason` (or else the act note) as the reason. `status`
    sets a status directly (without a verdict). `owner` and `deadline` move the
    action to someone else or a new date. `next_review` None: see planned_next."""

    __slots__ = ("status", "progress", "study", "act", "next_review", "stop_reason", "owner", "deadline", "verdict")

    def __init__(self, *, status: Status | None = None, progress: int | None = None, study: str | None = None,
                 act: str | None = None, next_review: dt.date | None = None, stop_reason: str = "",
                 owner: str | None = None, deadline: dt.date | None = None, verdict: str | None = None) -> None:
        if verdict is not None and verdict not in VERDICTS:
            raise InvalidValue("verdict", t("review.verdict.unknown", verdict=str(verdict)[:40]))
        self.status, self.progress, self.study, self.act = status, progress, study, act
        self.next_review, self.stop_reason = next_review, stop_reason
        self.owner, self.deadline, self.verdict = owner, deadline, verdict


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


def review_item(store: Store, slug: str, action_id: str) -> ReviewItem:
    """One action of the queue as it is stored now (a colleague saved it meanwhile)."""
    action = store.get(action_id, slug)
    kpis = sorted((k for k in store.records(Kpi, slug) if k.action == action_id), key=lambda k: k.id)
    return ReviewItem(action, kpis, why(action, store.today()))


def why(action: Action, today: dt.date) -> str:
    """Why the action is in the queue, in words: 'evaluatiedatum do 12 nov is
    bereikt', 'deadline di 10 nov is verstreken', 'deadline vr 27 nov valt binnen
    een week', or two of them."""
    from store.model.fields import show_date

    reasons = []
    if action.review_date is not None and action.review_date <= today:
        reasons.append(t("review.why.review", date=show_date("review_date", action.review_date, today)))
    if action.deadline is not None and action.deadline <= today + dt.timedelta(days=rules.DUE_SOON_DAYS):
        key = "review.why.overdue" if action.deadline < today else "review.why.deadline"
        reasons.append(t(key, date=show_date("deadline", action.deadline, today)))
    return t("review.why.and").join(reasons)


def planned_next(action: Action, today: dt.date) -> tuple[dt.date | None, str]:
    """The next review when the team types none, and where it comes from: the
    review date already planned ("planned", when it lies ahead), else the cycle's
    next date ("cycle"), else none (""): nothing planned, which the screen warns of."""
    if action.review_date is not None and action.review_date > today:
        return action.review_date, "planned"
    if action.review_cycle:
        from store.model.cycles import next_review

        try:
            return next_review(action.review_cycle, today), "cycle"
        except InvalidValue:  # a hand-edited cycle: no date from it
            pass
    return None, ""


def decide(store: Store, action_id: str, rev: int, decision: Decision) -> Action:
    """Record the team's decision about one action in one transaction, against the
    revision they saw (Conflict if it changed since). See apply_decision."""
    located = store.get(action_id)
    if not isinstance(located, Action):
        raise InvalidValue("id", t("id.invalid", id=action_id))
    today = store.today()
    with store.transaction(located.unit) as txn:
        action = txn.get(Action, located.id, rev)
        return txn.save(apply_decision(action, decision, today))


def apply_decision(action: Action, decision: Decision, today: dt.date) -> Action:
    """`action` (changed in place and returned) as the decision leaves it: it counts
    as evaluated today; its next review is the date chosen, else planned_next (the
    planned date kept, else the cycle's), none once it is closed. Also what the
    screen shows a colleague's version beside when both saved (conflict_screen)."""
    if not rules.is_open(action) and decision.status is None and decision.verdict not in ("done", "stop"):
        raise InvalidValue("status", t("review.not_open", id=action.id, status=action.status.label))
    notes = dict(action.pdsa)
    if decision.study is not None:
        notes["study"] = decision.study
    if decision.act is not None:
        notes["act"] = decision.act
    reason = (decision.stop_reason or "").strip()
    if decision.verdict == "stop" and not reason:
        reason = (decision.act or "").strip()
        if not reason:
            raise InvalidValue("act", t("review.stop_reason"))
    if decision.progress is not None:
        action.progress = decision.progress
    if reason:
        action.status = Status.STOPPED
        notes["act"] = reason
    elif decision.status is not None:
        action.status = decision.status
    elif decision.verdict == "done":
        action.status = Status.DONE
    elif decision.verdict in ("continue", "adjust") and action.status == Status.PLANNED and action.progress > 0:
        action.status = Status.IN_PROGRESS  # going on with work under way: it is no longer only planned
    if decision.owner is not None and decision.owner.strip():
        action.owner = decision.owner.strip()
    if decision.deadline is not None:
        action.deadline = decision.deadline
    action.pdsa = notes
    action.evaluated_on = today
    action.review_date = _next_review(action, decision, today)
    return action


def refresh_next_review(merged: Action, typed_next: bool, today: dt.date) -> Action:
    """After a merge with a colleague's version: with no date typed, the next
    review follows what is planned now (their new cycle, say) when the merge left
    none. Changed in place and returned."""
    if not typed_next and merged.review_date is None and rules.is_open(merged):
        merged.review_date = planned_next(merged, today)[0]
    return merged


def stop(store: Store, action_id: str, rev: int, reason: str) -> Action:
    """Stop an action with a reason (a reason is required: the team owes it)."""
    if not reason.strip():
        raise InvalidValue("reason", t("review.stop_reason"))
    return decide(store, action_id, rev, Decision(stop_reason=reason))


def _next_review(action: Action, decision: Decision, today: dt.date) -> dt.date | None:
    if not rules.is_open(action):
        return None
    if decision.next_review is not None:
        return decision.next_review
    return planned_next(action, today)[0]


class Outcome:
    """One action as the meeting left it, for the overview: the action as saved
    after the decision (or as shown, if skipped), what was decided (a verdict of
    VERDICTS, or None), and the KPI values entered for it (name, value text)."""

    __slots__ = ("action", "skipped", "values", "verdict")

    def __init__(self, action: Action, skipped: bool = False, values: list[tuple[str, str]] | None = None,
                 verdict: str | None = None) -> None:
        self.action, self.skipped, self.values, self.verdict = action, skipped, list(values or []), verdict
