"""A period as a KPI sheet names it ('jan 2026', 'januari', '2026-02', '02-2026',
'feb', 'Q1 2026', 'K2', a date cell Excel made of 'jan 2026') and the ONE day its
value is stored on.

The day: the LAST day of the period, which is when the period's value is known,
as the `w` pass dates this period's values on the day they are entered (today)
after the period. A period still running is dated today (its value so far, as
the `w` pass would date it); a period that has not begun is refused.

A period without a year is read by the date rule for past fields
(store/model/fields.py DATE_RULES "measurement": 'feb' is the last February that has
begun), through store.dates.parse_date with the "past" rule.
"""

from __future__ import annotations

import datetime as dt
import re

from store.dates import MONTH, parse_date
from store.errors import InvalidValue
from store.i18n import t

_MON = "|".join(sorted(MONTH, key=len, reverse=True))
_YEAR = r"(?P<year>\d{4}|'\d{2})"
_SHAPES = (
    re.compile(rf"(?P<mon>{_MON})\.?(?:[\s/-]*{_YEAR})?"),  # jan 2026, januari, feb-2026, mrt '26
    re.compile(r"(?P<year>\d{4})\s*[-/.]\s*(?P<num>\d{1,2})"),  # 2026-02
    re.compile(r"(?P<num>\d{1,2})\s*[-/.]\s*(?P<year>\d{4})"),  # 02-2026
    re.compile(rf"[qk](?:wartaal|uarter)?\s*(?P<q>[1-4])(?:[\s/-]*{_YEAR})?"),  # Q1 2026, K2, kwartaal 3
    re.compile(r"(?P<year>\d{4})\s*[-/]?\s*[qk](?P<q>[1-4])"),  # 2026-Q1, 2026 K1
)


class Period:
    """`months` months from `first_month` of `year` (None: no year written)."""

    def __init__(self, text: str, first_month: int, months: int, year: int | None, exact: dt.date | None = None):
        self.text, self.first_month, self.months, self.year, self.exact = text, first_month, months, year, exact

    def first_day(self, today: dt.date) -> dt.date:
        if self.exact is not None:
            return self.exact
        if self.year is not None:
            return dt.date(self.year, self.first_month, 1)
        # No year: the last such period that has begun (the past rule for a day-and-month).
        return parse_date(f"1-{self.first_month}", today=today, field="measurement", yearless="past")

    def day(self, today: dt.date) -> dt.date:
        """The day the value is stored on; InvalidValue for a period not yet begun."""
        start = self.first_day(today)
        if start > today:
            raise InvalidValue("date", t("interop.period.future", period=self.text, date=start.isoformat()))
        if self.exact is not None:
            return start
        end_month = start.month + self.months  # the month after the period
        after = dt.date(start.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
        return min(after - dt.timedelta(days=1), today)


def period(header: object) -> Period | None:
    """The period a column header names, or None (not a period)."""
    if isinstance(header, dt.datetime):
        header = header.date()
    if isinstance(header, dt.date):  # Excel turns 'jan 2026' into the 1st of the month
        if header.day == 1:
            return Period(header.strftime("%Y-%m"), header.month, 1, header.year)
        return Period(header.isoformat(), header.month, 0, header.year, exact=header)
    text = " ".join(str(header or "").casefold().split())
    for shape in _SHAPES:
        found = shape.fullmatch(text)
        if found is None:
            continue
        parts = found.groupdict()
        year = _year(parts.get("year"))
        if parts.get("q"):
            return Period(str(header).strip(), 3 * int(parts["q"]) - 2, 3, year)
        month = MONTH[parts["mon"]] if parts.get("mon") else int(parts["num"])
        if 1 <= month <= 12:
            return Period(str(header).strip(), month, 1, year)
    return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    return 2000 + int(text[1:]) if text.startswith("'") else int(text)
