"""A unit's visits read from its records, without a Store: their history (the
carried-over `Unit.last_visit` included), the last and the previous visit, and a
visit's agreements or phase changes in words. Below the persistence: the portfolio's
figures (store/model/figures.py) and the change log's words (store/model/changes.py) ask here;
the visit workflows are store/moments/visits.py.
"""

from __future__ import annotations

import datetime as dt

from store.i18n import t
from store.model.records import Unit, Visit


def carried_over(unit: Unit, visits: list[Visit]) -> Visit | None:
    """The visit the old `Unit.last_visit` field stands for, as long as it is not a
    record yet (no id; its note says where it came from)."""
    if unit.last_visit is None or any(v.date == unit.last_visit for v in visits):
        return None
    return Visit(date=unit.last_visit, unit=unit.id, notes=t("visit.carried_over"))


def history(unit: Unit, visits: list[Visit]) -> list[Visit]:
    """Every visit of the unit, newest first (the same day: the later id first)."""
    found = [*visits, *filter(None, [carried_over(unit, visits)])]
    return sorted(found, key=lambda v: (v.date or dt.date.min, _number(v.id)), reverse=True)


def last_visit(unit: Unit, visits: list[Visit]) -> dt.date | None:
    """The date of the unit's newest visit (what the portfolio shows), or None."""
    dates = [v.date for v in history(unit, visits) if v.date is not None]
    return max(dates, default=None)


def previous_visit(unit: Unit, visits: list[Visit], before: Visit | None = None) -> Visit | None:
    """The visit before `before` (None: before a new visit, the newest one)."""
    ordered = history(unit, visits)
    if before is None:
        return ordered[0] if ordered else None
    ids = [v.id for v in ordered]
    at = ids.index(before.id) if before.id in ids else len(ids)
    return ordered[at + 1] if at + 1 < len(ordered) else None


def describe_items(kind: str, items: list[dict]) -> str:
    """A visit's agreements ('Terugbelservice → A-12') or phase changes ('route 1:
    fase 1 → 2') on one line, for `show` and the change log."""
    if kind == "Agreements":
        return "; ".join((f"{i.get('text', '')} → {i['action']}" if i.get("action") else str(i.get("text", "")))
                         + (f" ({i['finding']})" if i.get("finding") else "") for i in items)
    return "; ".join(f"{t('value.route')} {i.get('route')}: {t('value.phase')} {i.get('from')} → {i.get('to')}"
                     for i in items)


def _number(record_id: str) -> int:
    tail = record_id.partition("-")[2]
    return int(tail) if tail.isdigit() else 0
