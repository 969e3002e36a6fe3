"""Practice visits: the history of a unit's visits, its last visit, and the changes
made during one, each in one transaction.

A unit written before visits were records (schema 2) keeps its old `last_visit`
date in the Unit record. `history` shows it at once as the unit's first visit
(without an id), so "since the last visit" works from day one; the first visit
written in that unit turns it into a real Visit record (`_carry_over`, under the
unit's lock, its id from the id registry like every id), and clears the old field
in a logged change; `spiegel migrate` does so for every unit at once
(`carry_over_visits`). Why not in the schema migration: store/model/schema.py's
`_visits_table`.

Phase changes made during a visit are written to the Unit (its `phases`, logged
there: the headline of the practice's progress) and recorded on the visit.
"""

from __future__ import annotations

import datetime as dt

from store.errors import InvalidRecord, InvalidValue
from store.i18n import t
from store.model.records import Action, Unit, Visit, record_type
from store.persistence.repository import Store
# Reading a unit's visits (no Store needed) lives in store/model/visit_history.py; importable from here too.
from store.model.visit_history import carried_over, describe_items, history, last_visit, previous_visit  # noqa: F401

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.persistence.transaction import Transaction


class ActionDraft:
    """A new action as typed in a dialog or on the command line: an agreement made
    during a visit, or a `new action` anywhere. A plain class rather than a
    dataclass: `spiegel add` and `list` import this module (a unit's last visit is a
    portfolio figure), and dataclasses brings inspect and typing, ~8 ms of their start."""

    __slots__ = ("title", "owner", "deadline", "route", "phase", "finding")

    def __init__(self, title: str, owner: str = "", deadline: dt.date | None = None, route: int = 1,
                 phase: int = 1, finding: str = "") -> None:
        self.title, self.owner, self.deadline, self.route, self.phase = title, owner, deadline, route, phase
        self.finding = finding  # the leerpunt it answers (an agreement may name one; schema 7)

    def _fields(self) -> tuple:
        return self.title, self.owner, self.deadline, self.route, self.phase, self.finding

    def __eq__(self, other: object) -> bool:
        return self._fields() == other._fields() if type(other) is ActionDraft else NotImplemented

    __hash__ = None  # mutable, as the dataclass was

    def __repr__(self) -> str:
        return ("ActionDraft(title={!r}, owner={!r}, deadline={!r}, route={!r}, phase={!r}, finding={!r})"
                .format(*self._fields()))

    def action(self) -> Action:
        return Action(title=self.title, owner=self.owner, deadline=self.deadline, route=self.route,
                      phase=self.phase, findings=[self.finding] if self.finding else [])

    def agreement(self, action: Action) -> dict:
        """The visit's record of it: its text, the action it became, and its leerpunt."""
        return {"text": action.title, "action": action.id, **({"finding": self.finding} if self.finding else {})}


def default_phase(unit: Unit, route: int) -> int:
    """An agreement's phase when nobody chose one: the unit's phase for its route
    (a practice in phase 3 of e-health makes phase-3 e-health actions)."""
    return unit.phase(route)


# reading ------------------------------------------------------------------------

def unit_visits(store: Store, slug: str) -> list[Visit]:
    """The unit's visits as `history` gives them (the carried-over one included)."""
    return history(store.unit(slug), store.records(Visit, slug))


# writing ------------------------------------------------------------------------

def record_visit(store: Store, slug: str, visit: Visit, agreements: list[ActionDraft] = (),
                 phases: dict[int, int] | None = None, *, unit_rev: int | None = None) -> Visit:
    """Save a new visit with everything decided during it, in one transaction: each
    agreement becomes an action (owner, deadline) linked from the visit, each route's
    new phase is set on the Unit (logged) and recorded on the visit. `unit_rev`: the
    Unit's revision the phases were chosen from (Conflict if it changed since)."""
    if visit.date is None:
        raise InvalidRecord([InvalidValue("date", t("value.required"))])
    with store.transaction(slug) as txn:
        txn.get(Unit, slug, unit_rev)  # the phases were chosen from this revision
        _carry_over(txn)
        visit.phase_moves = _set_phases(txn, phases or {})
        made = txn.add_many([draft.action() for draft in agreements]) if agreements else []
        _answered(txn, agreements)
        visit.agreements = [*visit.agreements, *(d.agreement(a) for d, a in zip(agreements, made))]
        return txn.add(visit)


def update_visit(store: Store, visit_id: str, values: dict, agreements: list[ActionDraft] = (),
                 phases: dict[int, int] | None = None, *, rev: int | None = None) -> Visit:
    """Change a saved visit (its date, who was there, notes: `values`) and add what
    was decided since it was saved, in one transaction, as `record_visit` does;
    Conflict if the visit changed since `rev`."""
    visit_id, slug = locate_visit(store, visit_id)
    with store.transaction(slug) as txn:
        visit = txn.get(Visit, visit_id, rev)
        for name, value in values.items():
            setattr(visit, name, value)
        visit.phase_moves = [*visit.phase_moves, *_set_phases(txn, phases or {})]
        made = txn.add_many([draft.action() for draft in agreements]) if agreements else []
        _answered(txn, agreements)
        visit.agreements = [*visit.agreements, *(d.agreement(a) for d, a in zip(agreements, made))]
        return txn.save(visit)


def agreement_to_action(store: Store, visit_id: str, draft: ActionDraft, *, rev: int | None = None) -> tuple[Visit, Action]:
    """An agreement made during a saved visit becomes an action with owner and
    deadline, and the visit's agreement names it: one transaction."""
    visit_id, slug = locate_visit(store, visit_id)
    with store.transaction(slug) as txn:
        visit = txn.get(Visit, visit_id, rev)
        action = txn.add(draft.action())
        _answered(txn, [draft])
        visit.agreements = [*visit.agreements, draft.agreement(action)]
        return txn.save(visit), action


def change_phase(store: Store, visit_id: str, route: int, phase: int, *, rev: int | None = None) -> Visit:
    """Move one route of the visited unit to `phase`: set on the Unit (logged there)
    and recorded on the visit, in one transaction. Nothing happens when the route is
    already in that phase."""
    visit_id, slug = locate_visit(store, visit_id)
    with store.transaction(slug) as txn:
        visit = txn.get(Visit, visit_id, rev)
        moves = _set_phases(txn, {route: phase})
        if not moves:
            return visit
        visit.phase_moves = [*visit.phase_moves, *moves]
        return txn.save(visit)


def new_action(store: Store, slug: str, draft: ActionDraft) -> Action:
    """A new action with owner and deadline (the dashboard's and the list's `n`)."""
    with store.transaction(slug) as txn:
        return txn.add(draft.action())


def _answered(txn: Transaction, drafts: list[ActionDraft]) -> None:
    """A leerpunt an agreement answers is 'turned into actions' (as store/moments/workflows.py
    marks one), in the same transaction; a parked or declined one keeps its state."""
    from store.model.records import Finding
    from store.model.vocab import FindingState

    for finding_id in sorted({d.finding for d in drafts if d.finding}):
        finding = txn.get(Finding, finding_id)
        if finding.state == FindingState.OPEN:
            finding.state = FindingState.ACTIONS
            txn.save(finding)


def _set_phases(txn: Transaction, phases: dict[int, int]) -> list[dict]:
    """Set each route's phase on the Unit (one logged change, store/moments/units.py's rule);
    the moves made."""
    from store.moments.units import check_route_phases, move_routes

    check_route_phases(phases)
    unit = txn.get(Unit, txn.slug)
    moves = move_routes(unit, phases)
    if moves:
        txn.save(unit)
    return moves


def _carry_over(txn: Transaction) -> None:
    """Turn the old `last_visit` field into the unit's first Visit record (its id from
    the registry, under this lock), and clear the field in a logged change."""
    unit = txn.get(Unit, txn.slug)
    old = carried_over(unit, txn.all(Visit))
    if unit.last_visit is not None:
        if old is not None:
            old.unit = ""
            txn.add(old)
        unit.last_visit = None
        txn.save(unit)


def carry_over_visits(store: Store) -> list[tuple[str, Visit]]:
    """Make every readable unit's old `last_visit` its first Visit record now, each
    unit in its own transaction: what `spiegel migrate` does, so an administrator
    need not wait for each unit's next visit. Running it again changes nothing.
    Returns (unit, visit) for each visit made; units that cannot be used are left
    to `spiegel check`, which reports them."""
    from store.errors import FileProblem

    made = []
    for slug in store.slugs():
        try:
            if store.unit(slug).last_visit is None:
                continue
            with store.transaction(slug) as txn:
                before = {v.id for v in txn.all(Visit)}
                _carry_over(txn)
                made += [(slug, v) for v in txn.all(Visit) if v.id not in before]
        except FileProblem:
            continue
    return made


def locate_visit(store: Store, visit_id: str) -> tuple[str, str]:
    if record_type(visit_id) is not Visit:
        raise InvalidValue("id", t("visit.expected", id=visit_id))
    visit = store.get(visit_id)
    return visit.id, visit.unit
