"""Correcting or deleting a KPI's measurement, and entering this period's value for
every KPI of a unit in one pass.

A measurement is an item of `Kpi.measurements`, not a record: it has no id, rev or
log of its own. So a correction or a delete is an edit of the KPI, made under the
unit's lock on the KPI as it is now, revision checked, and logged on the KPI with
the series before and after. That makes it undoable by the ordinary `undo` (which
puts the old series back) without a tombstone item every reader of a series (the
run chart, the reports, the table twin) would have to learn to skip.

A measurement is chosen by its number (1 = the oldest, as `spiegel kpi show` and the
chart's table list them) or by its date when only one falls on it.

A second value for a KPI on a day that already has one is asked about, never taken
silently (two points for one period bend the run chart): `existing_on_day` finds
the first, and every way a value comes in (the app, `kpi measure`, the one-pass
entry, an import) passes a `same_day` choice -- "ask" (SameDayValue names the value
there), "replace" or "keep" (both points stay).
"""

from __future__ import annotations

import datetime as dt

from store.errors import InvalidValue
from store.i18n import t
from store.model.kpis import checked_value, measurement_date
from store.model.records import Kpi, Measurement
# A second value on a KPI's day: the rule lives below the KPI workflows (store/model/same_day.py).
from store.model.same_day import SAME_DAY, SameDayValue, existing_on_day, with_measurement  # noqa: F401

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.persistence.repository import Store


def find_measurement(kpi: Kpi, which: int | str, today: dt.date) -> int:
    """The index in `kpi.measurements` of measurement `which` (a number from 1, or a
    date that one measurement has); InvalidValue naming what was wrong."""
    count = len(kpi.measurements)
    if not count:
        raise InvalidValue("measurement", t("measurement.none", kpi=kpi.id))
    text = str(which).strip()
    if text.isdigit():
        number = int(text)
        if 1 <= number <= count:
            return number - 1
        raise InvalidValue("measurement", t("measurement.not_found", kpi=kpi.id, which=text, count=count))
    try:
        day = measurement_date(text, today, "measurement")
    except InvalidValue:
        raise InvalidValue("measurement", t("measurement.not_found", kpi=kpi.id, which=text[:40], count=count)) from None
    hits = [i for i, m in enumerate(kpi.measurements) if m.date == day]
    if not hits:
        raise InvalidValue("measurement", t("measurement.not_found", kpi=kpi.id, which=text[:40], count=count))
    if len(hits) > 1:
        raise InvalidValue("measurement", t("measurement.ambiguous", kpi=kpi.id, date=_day(day, today)))
    return hits[0]


def correct_measurement(store: Store, kpi_id: str, which: int | str, *, date: dt.date | None = None,
                        value: float | None = None, note: str | None = None, rev: int | None = None) -> Kpi:
    """Change the date, value or note of one measurement (what is None stays). With
    `rev`, the revision the user saw: Conflict if the KPI changed since (so the
    number chosen still means the measurement that was shown)."""
    if date is None and value is None and note is None:
        raise InvalidValue("measurement", t("measurement.nothing"))
    located = _kpi(store, kpi_id)
    if date is not None and date > store.today():
        raise InvalidValue("measurement", t("kpi.date.future", date=date.isoformat()))
    with store.transaction(located.unit) as txn:
        current = txn.get(Kpi, located.id, rev)
        index = find_measurement(current, which, store.today())
        old = current.measurements[index]
        new = Measurement(date or old.date, old.value if value is None else value, old.note if note is None else note)
        new.value = checked_value("value", new.value, current.measure_unit)
        series = [*current.measurements[:index], new, *current.measurements[index + 1:]]
        current.measurements = sorted(series, key=lambda m: m.date)
        return txn.save(current)


def delete_measurement(store: Store, kpi_id: str, which: int | str, rev: int | None = None) -> Kpi:
    """Remove one measurement: logged on the KPI (the series before and after), so
    `undo` puts it back."""
    located = _kpi(store, kpi_id)
    with store.transaction(located.unit) as txn:
        current = txn.get(Kpi, located.id, rev)
        index = find_measurement(current, which, store.today())
        current.measurements = [m for i, m in enumerate(current.measurements) if i != index]
        return txn.save(current)


class PassResult:
    """What a one-pass entry saved (KPIs), what it refused ({kpi id: why}) and
    which KPIs already had a value that day ({kpi id: that measurement}: nothing
    saved for them; ask, then enter again with a `same_day` choice for them)."""

    __slots__ = ("saved", "problems", "same_day")

    def __init__(self) -> None:
        self.saved: list[Kpi] = []
        self.problems: dict[str, str] = {}
        self.same_day: dict[str, Measurement] = {}


def enter_period(store: Store, slug: str, day: dt.date | str, values: dict[str, str],
                 revs: dict[str, int] | None = None, same_day: dict[str, str] | None = None) -> PassResult:
    """This period's value for every KPI of a unit, in one transaction: `values` maps
    a KPI id to what was typed (empty: skipped). A value that is no valid number for
    its KPI is named in `problems` and nothing is saved for that KPI; the others are
    saved together. `day` is the date of the pass (typed text reads as a past date).
    `revs`: the revision each KPI was shown at, if a colleague's edit in between
    should be a Conflict rather than a second value beside theirs. `same_day`:
    {kpi id: "replace" or "keep"} for a KPI that already has a value that day;
    without it, such a KPI is listed in `result.same_day` and not saved."""
    from store.model.fields import parse_value

    result = PassResult()
    when = day if isinstance(day, dt.date) else measurement_date(day, store.today())
    if when > store.today():
        raise InvalidValue("measurement", t("kpi.date.future", date=when.isoformat()))
    parsed: dict[str, float] = {}
    for kpi_id, text in values.items():
        if not str(text).strip():
            continue
        try:
            amount = parse_value(Kpi, "baseline", str(text))  # the KPI number parser: a decimal comma is fine
        except InvalidValue as problem:
            result.problems[kpi_id] = problem.message
            continue
        parsed[kpi_id] = amount
    if not parsed:
        return result
    with store.transaction(slug) as txn:
        for kpi_id, amount in parsed.items():
            current = txn.get(Kpi, kpi_id, (revs or {}).get(kpi_id))
            try:
                amount = checked_value("value", amount, current.measure_unit)
            except InvalidValue as problem:
                result.problems[kpi_id] = problem.message
                continue
            try:
                choice = (same_day or {}).get(kpi_id, "ask")
                current.measurements = with_measurement(current, Measurement(when, amount), choice, store.today())
            except SameDayValue as asked:
                result.same_day[kpi_id] = asked.existing
                continue
            result.saved.append(txn.save(current))
    return result


def _kpi(store: Store, kpi_id: str) -> Kpi:
    found = store.get(kpi_id)
    if not isinstance(found, Kpi):
        raise InvalidValue("id", t("kpi.expected", id=kpi_id))
    return found


def _day(day: dt.date, today: dt.date) -> str:
    from store.dates import describe_date

    return describe_date(day, today)
