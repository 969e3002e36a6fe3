"""Editing a unit, decided in one place for the CLI (`spiegel units edit`) and the
app (a visit that moves a route's phase).

The rules: a unit keeps its slug (its directory, its file, every id's holder) when
its display name changes: the name is a label, the slug is an address that other
records, group permissions and colleagues' habits point at. A phase per route is
the headline of a practice's progress, so every change of it is logged (the unit's
change log gets `phases: [old, new]`, who and when, like any edit) and can be read
back with `phase_changes`. Everything is one transaction: under the unit's lock,
with the revision the caller saw checked there (`rev`), else Conflict.
"""

from __future__ import annotations

from store.errors import InvalidValue
from store.i18n import t
from store.model.records import Unit
from store.persistence.repository import Store

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# What may be changed of a unit here; its kind and slug are what it is.
EDITABLE = ("name", "relatiemanager", "relatiemanager_login", "hagro", "municipality", "contact", "phases", "last_visit")


def change_unit(store: Store, slug: str, rev: int | None = None, *, route_phases: dict[int, int] | None = None,
                **fields: Any) -> Unit:
    """Set `fields` of unit `slug` (see EDITABLE; `phases` whole as {"1": 2, …})
    and the phase of single routes (`route_phases` {2: 3}: the others stay as they
    are on disk now, so two colleagues moving different routes both count).
    Returns the unit as saved; InvalidValue names a field that cannot be so."""
    unknown = [name for name in fields if name not in EDITABLE]
    if unknown:
        raise InvalidValue(unknown[0], t("field.unknown", name=unknown[0], fields=", ".join(EDITABLE)))
    if not fields and not route_phases:
        raise InvalidValue("unit", t("unit.nothing_to_change"))
    if "phases" in fields and route_phases:
        raise InvalidValue("phases", t("unit.phases_and_route"))
    check_route_phases(route_phases or {})
    with store.transaction(slug) as txn:
        unit = txn.get(Unit, slug, rev)
        for name, value in fields.items():
            setattr(unit, name, value)
        move_routes(unit, route_phases or {})
        return txn.save(unit)


def check_route_phases(route_phases: dict[int, int]) -> None:
    """InvalidValue naming the first route or phase that is not 1-4."""
    for route, phase in route_phases.items():
        if route not in (1, 2, 3, 4) or phase not in (1, 2, 3, 4):
            raise InvalidValue("phases", t("unit.route_phase", text=f"{route}={phase}"))


def move_routes(unit: Unit, route_phases: dict[int, int]) -> list[dict]:
    """Set single routes' phases on `unit` (the others stay as they are); the moves
    made, `{"route", "from", "to"}`, for a visit to record. The caller saves the unit
    in its transaction, which logs the change."""
    moves = [{"route": r, "from": unit.phase(r), "to": p} for r, p in sorted(route_phases.items()) if unit.phase(r) != p]
    if moves:
        unit.phases = {**unit.phases, **{str(m["route"]): m["to"] for m in moves}}
    return moves


def parse_route_phases(texts: list[str] | tuple[str, ...]) -> dict[int, int]:
    """`["2=3", "4=1"]` -> {2: 3, 4: 1}: the CLI's `--fase-route`, one route each."""
    found: dict[int, int] = {}
    for text in texts:
        route, eq, phase = text.strip().partition("=")
        if not eq or route.strip() not in ("1", "2", "3", "4") or phase.strip() not in ("1", "2", "3", "4"):
            raise InvalidValue("phases", t("unit.route_phase", text=text))
        if int(route) in found:
            raise InvalidValue("phases", t("unit.route_twice", route=route.strip()))
        found[int(route)] = int(phase)
    return found


def phase_changes(unit: Unit) -> list[tuple[str, str, int, int, int]]:
    """Every logged change of a route's phase, oldest first: (at, by, route, old, new)."""
    found = []
    for entry in unit.log:
        old_new = entry.get("changes", {}).get("phases")
        if not (isinstance(old_new, list) and len(old_new) == 2):
            continue
        old, new = (value if isinstance(value, dict) else {} for value in old_new)
        for route in "1234":
            before, after = old.get(route, 1), new.get(route, 1)
            if before != after:
                found.append((entry.get("at", ""), entry.get("by", ""), int(route), before, after))
    return found

