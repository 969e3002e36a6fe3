"""One cell to one field value: dates as Excel stores or people type them, status
words as people write them, numbers, and the `'` that export puts before a cell
that a spreadsheet would otherwise run as a formula (store/exchange/interop/guard.py).
Each function raises InvalidValue naming the value when it cannot read it."""

from __future__ import annotations

import datetime as dt
import re

from store.dates import MONTH
from store.errors import InvalidValue
from store.i18n import t
from store.exchange.interop.guard import unguard
from store.text import clean_line, clean_text
from store.model.vocab import Status

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Lotus's 29-2-1900
SERIALS = range(20000, 80000)  # 1954 … 2119: a number outside is no date in a plan

# Status words as people write them in a plan, beyond the catalog labels that
# Status.parse already knows (gepland, in uitvoering, afgerond, gestopt …).
STATUS_WORDS = {
    Status.PLANNED: "nog niet gestart, niet gestart, nog te doen, te doen, todo, to do, open, nieuw, new, "
                    "gepland, planned, nog niet begonnen, not started, later",
    Status.IN_PROGRESS: "loopt, lopend, bezig, mee bezig, in uitvoering, in behandeling, gestart, begonnen, "
                        "started, doing, in progress, ongoing, onderhanden, actief",
    Status.DONE: "klaar, gereed, afgerond, af, voltooid, gedaan, done, finished, completed, complete, ok, "
                 "uitgevoerd, geregeld",
    Status.STOPPED: "gestopt, gestaakt, stopped, geannuleerd, vervallen, cancelled, canceled, afgeblazen",
}
_STATUS = {word.strip(): status for status, words in STATUS_WORDS.items() for word in words.split(",")}

_MON = "|".join(sorted(MONTH, key=len, reverse=True))
# A day and month without a year: '15-3', '15/3', '15 maart', 'maart 15', '15 mrt.'
YEARLESS = re.compile(rf"\s*(\d{{1,2}}\s*[-/.]\s*\d{{1,2}}|\d{{1,2}}\s*(?:{_MON})\.?|(?:{_MON})\.?\s+\d{{1,2}})\s*",
                      re.IGNORECASE)


def text(value: object) -> str:
    """A cell as text: the export's formula guard undone, control characters gone."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # '12.0' is how a number cell reads: the plan said 12
    if isinstance(value, (dt.datetime, dt.date)):
        value = (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    return clean_text(unguard(str(value)))


def line(value: object) -> str:
    return clean_line(text(value))


def status(value: object) -> Status | None:
    """None for an empty cell (the caller keeps what there is)."""
    word = " ".join(text(value).casefold().replace("_", " ").split())
    if not word:
        return None
    if word in _STATUS:
        return _STATUS[word]
    return Status.parse(word, "status")  # a label in either language, or the list of allowed words


def integer(value: object, name: str, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    word = text(value).rstrip("%").strip()
    word = re.sub(r"^(fase|phase|route)\s*", "", word, flags=re.IGNORECASE)
    if not word.isdigit() or not low <= int(word) <= high:
        raise InvalidValue(name, t("interop.not_in_range", value=text(value), low=low, high=high))
    return int(word)


def is_yearless(value: object) -> bool:
    return isinstance(value, str) and YEARLESS.fullmatch(unguard(value).casefold()) is not None


def date(value: object, name: str, today: dt.date, year: int | None = None) -> dt.date | None:
    """A date cell: a real date, an Excel serial number, or typed text read as
    spiegel reads dates (store/dates.py). A day and month without a year get
    `year` when given (the year the file's other dates suggest), else the field's
    own rule (store/model/fields.py DATE_RULES)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if int(value) in SERIALS:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise InvalidValue(name, t("interop.not_a_date", value=text(value)))
    from store.dates import parse_date
    from store.model.fields import DATE_RULES, parse_field_date

    typed = text(value).strip()
    if typed.isdigit() and int(typed) in SERIALS:  # a date cell saved as its number
        return EXCEL_EPOCH + dt.timedelta(days=int(typed))
    if year is not None and is_yearless(typed):
        return parse_date(typed, today=dt.date(year, 6, 30), field=name, yearless="year")
    rule_name = name if name in DATE_RULES else "date"  # each field's own rule; "date": a day that happened
    return parse_field_date(rule_name, typed, today)
