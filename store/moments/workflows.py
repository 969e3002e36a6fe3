"""Changes that touch a leerpunt and what answers it, each in one transaction.

Every workflow takes the revision of the finding as the user saw it (`rev`, None
when there was nothing to see, as with `spiegel add --from`). It is checked inside
the transaction that writes, under the unit's lock: checked before it, a colleague
could park the finding in between and have it overwritten. A stale revision raises
`Conflict` and nothing is written.
"""

from __future__ import annotations

import datetime as dt

from store.errors import InvalidValue
from store.i18n import t
from store.model.records import Action, Finding, record_type
from store.persistence.repository import Store
from store.model.vocab import FindingState

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.persistence.transaction import Transaction


def actions_from_finding(store: Store, finding_id: str, actions: list[Action], *, rev: int | None = None,
                         owner: str | None = None, deadline: dt.date | None = None, route: int | None = None,
                         phase: int | None = None) -> list[Action]:
    """Create actions that answer a finding and mark it 'turned into actions'.
    `owner` and `deadline`, when given, go to every action that has none of its own
    (each action may have its own). `route` and `phase` are chosen once for the
    batch: a telephone-access leerpunt's actions are all route 4; the phase, when
    not given, is the unit's phase for that route (read under the lock)."""
    from store.model.records import Unit

    finding_id, slug = _locate_finding(store, finding_id)
    with store.transaction(slug) as txn:
        finding = txn.get(Finding, finding_id, rev)
        if route is not None and phase is None:
            phase = txn.get(Unit, slug).phase(route)
        for action in actions:
            action.findings = sorted({*action.findings, finding_id})
            if owner and not action.owner:
                action.owner = owner
            if deadline is not None and action.deadline is None:
                action.deadline = deadline
            if route is not None:
                action.route, action.phase = route, phase
        created = txn.add_many(actions)
        _mark_answered(txn, finding)
    return created


def parse_action_line(text: str, today: dt.date):
    """'titel; eigenaar; deadline' (owner and deadline may be left out) as an
    ActionDraft: one line per action, for a visit's agreements on the command line
    and the actions made from a leerpunt. InvalidValue names a line that is none."""
    from store.model.fields import parse_field_date
    from store.text import clean_line
    from store.moments.visits import ActionDraft

    parts = [clean_line(p).strip() for p in text.split(";")]
    if not parts[0] or len(parts) > 3:
        raise InvalidValue("afspraak", t("visit.agreement_format", text=clean_line(text)))
    owner = parts[1] if len(parts) > 1 else ""
    deadline = parse_field_date("deadline", parts[2], today) if len(parts) > 2 and parts[2] else None
    return ActionDraft(parts[0], owner, deadline)


def link_finding(store: Store, finding_id: str, action_id: str, *, rev: int | None = None) -> Action:
    """Add the finding to an existing action of its unit and mark it 'turned into
    actions', together. Returns the action."""
    if record_type(action_id) is not Action:
        raise InvalidValue("id", t("action.expected", id=action_id))
    finding_id, slug = _locate_finding(store, finding_id)
    with store.transaction(slug) as txn:
        finding = txn.get(Finding, finding_id, rev)
        action = txn.get(Action, action_id)
        if finding_id not in action.findings:
            action.findings = sorted({*action.findings, finding_id})
            action = txn.save(action)
        _mark_answered(txn, finding)
    return action


def complete_action(store: Store, action_id: str) -> Action:
    """Mark an action done (status afgerond; the record sets progress and done_on).
    Only actions are done: an M-, L- or K- id is told so, not attempted."""
    if record_type(action_id) is not Action:
        raise InvalidValue("id", t("action.expected", id=action_id))
    from store.model.vocab import Status

    return store.change(action_id, {"status": Status.DONE})


def park_finding(store: Store, finding_id: str, reason: str, *, rev: int | None = None) -> Finding:
    """Put a finding aside for later; the reason is what participants hear."""
    return _close(store, finding_id, FindingState.PARKED, reason, rev)


def decline_finding(store: Store, finding_id: str, reason: str, *, rev: int | None = None) -> Finding:
    """Decide not to act on a finding; the reason is what participants hear."""
    return _close(store, finding_id, FindingState.DECLINED, reason, rev)


def _close(store: Store, finding_id: str, state: FindingState, reason: str, rev: int | None) -> Finding:
    finding_id, slug = _locate_finding(store, finding_id)
    with store.transaction(slug) as txn:
        finding = txn.get(Finding, finding_id, rev)
        finding.state, finding.reason = state, reason
        return txn.save(finding)  # InvalidRecord if the reason is empty


def _locate_finding(store: Store, finding_id: str) -> tuple[str, str]:
    """The finding's normalised id and its unit. Read outside the lock only to find
    the file: a record never moves to another unit."""
    if record_type(finding_id) is not Finding:
        raise InvalidValue("from", t("finding.expected", id=finding_id))
    finding = store.get(finding_id)
    return finding.id, finding.unit


def _mark_answered(txn: Transaction, finding: Finding) -> None:
    if finding.state != FindingState.ACTIONS:
        finding.state = FindingState.ACTIONS
        txn.save(finding)
