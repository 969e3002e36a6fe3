"""A unit's portfolio figures in a form that keeps: computed when a unit's data is
read whole (its list index is rebuilt after each write), read at start-up instead
of every unit file (issue 19: 100 units, 27 MB, parsed in 1.4 s; the figures in a
few milliseconds).

What depends on today is not frozen: the figures keep the dates that decide it
(open actions' deadlines with their counts, each open feedback duty's planned date and
meeting date (store/model/feedback_duty.py decides from those, by today), pilot
starts, meeting dates) and `facts_from` judges them by today's date, with the same
rules as the records (store/model/rules.py, store/model/advice.py, store/moments/dashboard.py).

The figures live in a file any member of the unit's group can write, so `checked`
treats them as data: anything not exactly of the shape below is no cache (the
caller falls back to the unit file), never an error.
"""

from __future__ import annotations

import datetime as dt

from store.model.limits import MAX_INT

from store.errors import BadRecord

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Callable

    from store.model.records import Action, Finding, Meeting, Unit, Visit
    from store.persistence.repository import Store

VERSION = 2  # 2: the newest visit (visits became records)
_KEYS = {"v", "unit", "leerpunten", "open", "deadlines", "feedback", "pilots", "meetings", "last_visit"}
_MAX_DATES = 100_000  # beyond any unit (200,000 actions share at most a few thousand deadlines)


def figures_of(unit: Unit, meetings: list[Meeting], findings: list[Finding], actions: list[Action],
               visits: list[Visit]) -> dict:
    """The figures of a unit whose records all loaded (JSON-ready)."""
    from store.model import advice, rules
    from store.model.visit_history import last_visit
    from store.model.vocab import FindingKind, FindingState

    open_actions = [a for a in actions if rules.is_open(a)]
    deadlines: dict[str, int] = {}
    for action in open_actions:
        if action.deadline is not None:
            day = action.deadline.isoformat()
            deadlines[day] = deadlines.get(day, 0) + 1
    pilots = (advice.pilot_start(a) for a in open_actions)
    unit_doc = unit.to_compact_doc()
    unit_doc.pop("log", None)  # the unit's history is no portfolio figure
    return {
        "v": VERSION,
        "unit": unit_doc,
        "leerpunten": sum(f.kind == FindingKind.LEERPUNT and f.state == FindingState.OPEN for f in findings),
        "open": len(open_actions),
        "deadlines": sorted([day, count] for day, count in deadlines.items()),
        # [planned due, held]: the duty rule judges them by today (its default due date
        # applies to meetings of the last three months only)
        "feedback": sorted(([_iso(m.feedback_due), _iso(m.date)] for m in meetings
                            if m.feedback_sent is None and not m.feedback_given_unknown), key=str),
        "pilots": sorted(start.isoformat() for start in pilots if start is not None),
        "meetings": sorted({m.date.isoformat() for m in meetings if m.date is not None}),
        "last_visit": visited.isoformat() if (visited := last_visit(unit, visits)) else None,
    }


class Figures:
    """Checked figures, dates as dates."""

    __slots__ = ("unit_doc", "leerpunten", "open", "deadlines", "feedback", "pilots", "meetings", "last_visit")

    def __init__(self, unit_doc: dict, leerpunten: int, open_: int, deadlines: list[tuple[dt.date, int]],
                 feedback: list[tuple[dt.date | None, dt.date | None]], pilots: list[dt.date], meetings: list[dt.date],
                 last_visit: dt.date | None = None) -> None:
        self.unit_doc, self.leerpunten, self.open = unit_doc, leerpunten, open_
        self.deadlines, self.feedback, self.pilots, self.meetings = deadlines, feedback, pilots, meetings
        self.last_visit = last_visit  # the newest visit (store/moments/visits.py `last_visit`)

    def overdue(self, today: dt.date) -> int:
        """Open actions past their deadline (rules.is_overdue: deadline before today)."""
        return sum(count for day, count in self.deadlines if day < today)

    def duties(self, today: dt.date) -> int:
        """Feedback owed past its date, and pilots past their year (store/model/advice.py)."""
        from store.model.advice import pilot_overdue_since

        from store.model.feedback_duty import feedback_late
        from store.model.records import Meeting

        late = sum(feedback_late(Meeting(date=held, feedback_due=due), today) for due, held in self.feedback)
        return late + sum(pilot_overdue_since(s, today) for s in self.pilots)

    def last_meeting(self, today: dt.date) -> dt.date | None:
        """The latest meeting held, today or before (store/moments/dashboard.py's rule)."""
        return max((day for day in self.meetings if day <= today), default=None)


def checked(raw: object) -> Figures | None:
    """Figures from what a cache holds, or None if it is not exactly their shape.
    The unit document is checked by the caller (Unit.from_doc, like any stored one)."""
    if not (type(raw) is dict and raw.keys() == _KEYS and raw["v"] == VERSION and type(raw["unit"]) is dict):
        return None
    try:
        counts = [_count(raw["leerpunten"]), _count(raw["open"])]
        pairs = raw["deadlines"]
        if type(pairs) is not list or len(pairs) > _MAX_DATES:
            return None
        deadlines = [(_date(pair[0]), _count(pair[1])) for pair in pairs if type(pair) is list and len(pair) == 2]
        if len(deadlines) != len(pairs) or sum(count for _, count in deadlines) > counts[1]:
            return None
        feedback = [(_maybe_date(pair[0]), _maybe_date(pair[1])) for pair in _list(raw["feedback"])
                    if type(pair) is list and len(pair) == 2]
        if len(feedback) != len(raw["feedback"]):
            return None
        lists = [feedback] + [[_date(day) for day in _list(raw[name])] for name in ("pilots", "meetings")]
        visited = None if raw["last_visit"] is None else _date(raw["last_visit"])
    except (TypeError, ValueError):
        return None
    return Figures(raw["unit"], counts[0], counts[1], deadlines, *lists, last_visit=visited)


def _count(value: object) -> int:
    if type(value) is not int or not 0 <= value <= MAX_INT:
        raise ValueError("not a count")
    return value


def _list(value: object) -> list:
    if type(value) is not list or len(value) > _MAX_DATES:
        raise ValueError("not a list of dates")
    return value


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _maybe_date(value: object) -> dt.date | None:
    return None if value is None else _date(value)


def _date(value: object) -> dt.date:
    if type(value) is not str or len(value) != 10:
        raise ValueError("not an ISO date")
    return dt.date.fromisoformat(value)


# Reading and keeping the figures through a Store -----------------------------------

def summary_check(store: Store, slug: str) -> Callable[[dict], tuple[str, dict | None]]:
    """What a backend that caches list rows and figures asks of a unit's whole data:
    its name and portfolio figures. Raises BadRecordsInUnit (and so no cache is
    written) while a bad action exists, so a list never shows a row the unit's data
    cannot back. Figures are None while any record is bad: the portfolio then counts
    from the records and reports the bad ones. Deleted records count nowhere."""
    from store.model.records import Action, Finding, Kpi, Meeting, Visit
    from store.errors import BadRecordsInUnit
    from store.model.schema import tombstone

    def checked(data: dict) -> tuple[str, dict | None]:
        unit = store.unit_from(data, slug)
        built: dict[type, list] = {}
        bad = False
        for cls in (Action, Meeting, Finding, Kpi, Visit):
            found = built[cls] = []
            for doc in data.get(cls.TABLE, {}).values():
                if tombstone(doc):
                    continue
                try:
                    found.append(store.build_record(cls, doc, slug))
                except BadRecord as problem:
                    if cls is Action:
                        raise BadRecordsInUnit(store.backend.where(slug), str(problem)) from None
                    bad = True
        if bad:
            return unit.name, None
        return unit.name, figures_of(unit, built[Meeting], built[Finding], built[Action], built[Visit])

    return checked


def cached(store: Store, slug: str) -> tuple[Unit, Figures] | None:
    """The unit and its figures from where the backend keeps them cheaply (the files'
    list index, a database record), checked like any stored data; None when there are
    none to trust (a bad record, a forged or stale-format cache, a backend that keeps
    none). A unit that cannot be used raises its FileProblem."""
    from store.errors import BadRecordsInUnit
    from store.model.records import Unit, blank_action

    try:
        raw = store.backend.unit_figures(slug, blank_action(), summary_check(store, slug))
    except BadRecordsInUnit:
        return None
    figures = checked(raw)
    if figures is None:
        return None
    try:
        unit = store.build_record(Unit, figures.unit_doc, slug)
    except BadRecord:
        return None
    unit.id = unit.unit = slug  # the cache names no other unit
    return unit, figures
