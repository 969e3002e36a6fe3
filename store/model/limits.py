"""The limits every stored value keeps: lengths a practice never reaches (beyond
them a value is a mistake or an attack) and integer ranges. Input refuses a value
outside them (`input_problems`, asked by `Record.problems`) with a message naming the
limit; the load-time check (store/model/validate.py) holds stored documents to the same
bounds, so a value spiegel saved always loads again.
"""

from __future__ import annotations

import math

from store.errors import InvalidValue
from store.i18n import t
from store.model.recordtype import META_FIELDS, field_kinds

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs CLI start-up (store/model/recordtype.py); only type checkers need it
    from typing import Any

# Lengths a practice never reaches; beyond them a value is a mistake or an attack.
MAX_LINE = 300  # one-line fields: titles, names, owners
MAX_TEXT = 20_000  # free text: descriptions, notes, PDSA notes
MAX_ITEMS = 200  # lists: questions, inputs, linked findings
MAX_MEASUREMENTS = 10_000  # a KPI's series (weekly for two centuries)
MAX_NUMBER = 1e9  # KPI values, baselines and targets: larger ones are typing errors (store/model/kpis.py)
MAX_COUNT = 100_000  # people, minutes, rounds
MAX_INT = 2**53  # revisions and log references: exact in JSON everywhere
# Dates a practice's records can hold. Python's own ends (0001-01-01, 9999-12-31) leave
# no room for "the day before the start" or "a year later" (ical, run charts): a
# stored date outside these is a bad value, never a crash (issue 26).
MIN_YEAR, MAX_YEAR = 1900, 2999

# Integer fields with their own range (inclusive); any other int is 0..MAX_INT.
BOUNDS = {
    "phase": (1, 4), "route": (1, 4), "progress": (0, 100),
    "participants": (0, MAX_COUNT), "listeners": (0, MAX_COUNT), "duration_min": (0, MAX_COUNT),
    "rounds": (0, MAX_COUNT), "rev": (1, MAX_INT), "patients": (0, MAX_COUNT), "partners": (0, MAX_COUNT),
}
PDSA_KEYS = ("plan", "do", "study", "act")


def is_number(value: Any) -> bool:
    """A finite int or float within ±MAX_NUMBER (a bool is no number). An int is
    compared as it is: math.isfinite(10**400) raises OverflowError."""
    if type(value) is int:
        return abs(value) <= MAX_NUMBER
    return type(value) is float and math.isfinite(value) and abs(value) <= MAX_NUMBER


def date_in_range(value: Any) -> bool:
    """Whether a date lies within the years records may hold (MIN_YEAR..MAX_YEAR)."""
    return MIN_YEAR <= value.year <= MAX_YEAR


def input_problems(record: Any) -> list[InvalidValue]:
    """What a record about to be saved must keep: numbers in their range, text and
    lists within their length. Messages say the limit."""
    found = []
    for name, kind in field_kinds(type(record)).items():
        problem = None if name in META_FIELDS else _limit(name, kind, getattr(record, name))
        if problem:
            found.append(InvalidValue(name, problem))
    return found


def _limit(name: str, kind: str, value: Any) -> str | None:
    if kind in ("int", "OptInt") and name in BOUNDS and value is not None:
        low, high = BOUNDS[name]
        return None if type(value) is int and low <= value <= high else t("value.range", low=low, high=high)
    # OptFloat (a KPI's baseline and target): store.model.kpis.kpi_problems judges them,
    # with the KPI's unit (a percentage stays within 0-100).
    if kind == "OptDate" and value is not None and not date_in_range(value):
        return t("value.date_range", low=MIN_YEAR, high=MAX_YEAR)
    if kind in ("Line", "Text", "Login") and len(value) > (MAX_TEXT if kind == "Text" else MAX_LINE):
        return t("value.too_long", limit=MAX_TEXT if kind == "Text" else MAX_LINE, length=len(value))
    if kind in ("Lines", "Ids"):
        return _list_limit(value, MAX_ITEMS, MAX_LINE)
    if kind == "Pdsa" and any(len(v) > MAX_TEXT for v in value.values()):
        return t("value.too_long", limit=MAX_TEXT, length=max(len(v) for v in value.values()))
    if kind == "Agreements":
        return _list_limit([a["text"] for a in value], MAX_ITEMS, MAX_LINE)
    if kind == "PhaseMoves" and len(value) > MAX_ITEMS:
        return t("value.too_many", limit=MAX_ITEMS, count=len(value))
    if kind == "Measurements":
        if len(value) > MAX_MEASUREMENTS:
            return t("value.too_many", limit=MAX_MEASUREMENTS, count=len(value))
        if any(not is_number(m.value) for m in value):
            return t("value.too_big", high=f"{MAX_NUMBER:,.0f}".replace(",", "."))
        if any(len(m.note) > MAX_LINE for m in value):
            return t("value.too_long", limit=MAX_LINE, length=max(len(m.note) for m in value))
    return None


def _list_limit(items: list, most: int, longest: int) -> str | None:
    if len(items) > most:
        return t("value.too_many", limit=most, count=len(items))
    too_long = max((len(i) for i in items), default=0)
    return t("value.too_long", limit=longest, length=too_long) if too_long > longest else None
