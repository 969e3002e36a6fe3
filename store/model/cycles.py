"""Review cycles: an action's next review can follow a cycle ("kwartaal", "6 weken",
"eerste maandag van de maand"). Reading the words is plain text work (it runs on
every save of an action); the dates come from python-dateutil's `relativedelta`
and `rrule`, imported only in `next_review`, so `spiegel add` and `list` never pay
for it (tests/store/test_import_hygiene.py).
"""

from __future__ import annotations

import datetime as dt
import re

from store.dates import WEEKDAY
from store.errors import InvalidValue
from store.i18n import t

# word -> (unit, count): a step of `count` units; the unit is a relativedelta keyword
_NAMED = {
    "week": ("weeks", 1), "wekelijks": ("weeks", 1), "weekly": ("weeks", 1),
    "maand": ("months", 1), "maandelijks": ("months", 1), "month": ("months", 1), "monthly": ("months", 1),
    "kwartaal": ("months", 3), "quarter": ("months", 3), "quarterly": ("months", 3), "driemaandelijks": ("months", 3),
    "halfjaar": ("months", 6), "half jaar": ("months", 6), "half year": ("months", 6), "halfjaarlijks": ("months", 6),
    "jaar": ("years", 1), "jaarlijks": ("years", 1), "year": ("years", 1), "yearly": ("years", 1),
}
_UNITS = {
    "dag": "days", "dagen": "days", "day": "days", "days": "days",
    "week": "weeks", "weken": "weeks", "weeks": "weeks",
    "maand": "months", "maanden": "months", "month": "months", "months": "months",
    "kwartaal": "quarters", "kwartalen": "quarters", "quarter": "quarters", "quarters": "quarters",
    "jaar": "years", "jaren": "years", "year": "years", "years": "years",
}
_ORDINALS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": -1,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1,
    "1e": 1, "2e": 2, "3e": 3, "4e": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
_EVERY = r"(?:elke|iedere|elk|ieder|om de|every|each)\s+"
_COUNTED = re.compile(rf"(?:{_EVERY})?(\d{{1,3}})\s+([a-z]+)")
_NTH = re.compile(r"(?:op de |de |on the |the )?(\w+)\s+(\w+?)\s+(?:van|of)\s+(?:de|elke|iedere|the|every|each)\s+(?:maand|month)")


class Cycle:
    """A step (`unit`, `count`: every 6 weeks) or the n-th weekday of each month."""

    __slots__ = ("unit", "count", "weekday", "nth")

    def __init__(self, unit: str = "", count: int = 0, weekday: int | None = None, nth: int = 0) -> None:
        self.unit, self.count, self.weekday, self.nth = unit, count, weekday, nth


def parse_cycle(text: str, field: str = "review_cycle") -> Cycle | None:
    """The cycle `text` names (None for an empty one); InvalidValue if it names none."""
    words = " ".join(str(text).casefold().replace(",", " ").split())
    if not words:
        return None
    bare = re.sub(rf"^{_EVERY}", "", words)
    if bare in _NAMED:
        unit, count = _NAMED[bare]
        return Cycle(unit, count)
    counted = _COUNTED.fullmatch(words)
    if counted and counted.group(2) in _UNITS and 0 < int(counted.group(1)) <= 366:
        unit, count = _UNITS[counted.group(2)], int(counted.group(1))
        return Cycle("months", count * 3) if unit == "quarters" else Cycle(unit, count)
    nth = _NTH.fullmatch(words)
    if nth and nth.group(1) in _ORDINALS and nth.group(2) in WEEKDAY:
        return Cycle(weekday=WEEKDAY[nth.group(2)], nth=_ORDINALS[nth.group(1)])
    raise InvalidValue(field, t("cycle.unknown", text=str(text)[:60]))


def cycle_problem(text: str) -> InvalidValue | None:
    try:
        parse_cycle(text)
    except InvalidValue as problem:
        return problem
    return None


def next_review(text: str, after: dt.date) -> dt.date | None:
    """The first review date of the cycle strictly after `after` (None: no cycle).
    A step counts from `after` (a review held on 3 March with "kwartaal" is next
    on 3 June; 31 January plus a month is 28 or 29 February, as relativedelta says)
    and lands on a working day: a Saturday or Sunday moves on to the Monday (a
    team does not meet on a Sunday)."""
    cycle = parse_cycle(text)
    if cycle is None:
        return None
    if cycle.weekday is None:
        from dateutil.relativedelta import relativedelta

        return working_day(after + relativedelta(**{cycle.unit: cycle.count}))
    from dateutil.rrule import MONTHLY, rrule, weekday

    start = dt.datetime.combine(after + dt.timedelta(days=1), dt.time())
    rule = rrule(MONTHLY, dtstart=start, byweekday=weekday(cycle.weekday, cycle.nth), count=1)
    return rule[0].date()


def working_day(day: dt.date) -> dt.date:
    """`day`, or the Monday after it when it falls in a weekend."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day
