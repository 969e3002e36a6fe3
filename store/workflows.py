"""Changes that touch several records at once, each in one transaction."""

from __future__ import annotations

from store.errors import InvalidValue
from store.i18n import t
from store.records import Action, Finding
from store.repository import Store
from store.vocab import FindingState


def actions_from_finding(store: Store, finding_id: str, actions: list[Action]) -> list[Action]:
    """Create actions that answer a finding and mark it 'turned into actions'."""
    finding = store.get(finding_id)
    if not isinstance(finding, Finding):
        raise InvalidValue("from", t("finding.expected", id=finding_id))
    with store.transaction(finding.unit) as txn:
        created = []
        for action in actions:
            action.findings = sorted({*action.findings, finding.id})
            created.append(txn.add(action))
        current = txn.get(Finding, finding.id)
        if current.state != FindingState.ACTIONS:
            current.state = FindingState.ACTIONS
            txn.save(current)
    return created
