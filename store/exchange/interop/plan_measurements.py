"""What an import of KPI measurements would do, value by value.

Two shapes of sheet, as practices keep their indicator series:
- long: one row per value (indicator, date, value, note), as `spiegel export
  --what measurements` writes it;
- wide: one row per indicator and one column per period (`jan 2026`, `2026-02`,
  `feb`, `Q1 2026`), each period stored on one day (store/exchange/interop/periods.py).

A value belongs to a KPI of the unit named by id (K-3) or by name; a name the unit
does not know makes a new KPI only when the row names an action to belong to (an
action column, or `--actie A-12` for every row), else the row is refused. A value
on a day the KPI already has is reported (the same value: nothing to do; another:
refused, as store/moments/measurements.py `existing_on_day` finds it), and so is a second
value for one KPI and day in the file.
"""

from __future__ import annotations

import datetime as dt
import re

from store.errors import InvalidValue, SpiegelError
from store.i18n import t
from store.exchange.interop import cells
from store.exchange.interop.column_report import letter
from store.exchange.interop.columns import PERIOD
from store.exchange.interop.periods import period
from store.exchange.interop.row_plan import RowPlan, said
from store.exchange.interop.read_table import Sheet
from store.model.kpis import checked_value
from store.moments.measurements import existing_on_day
from store.model.records import Kpi, Measurement

KPI_ID = re.compile(r"K-\d+", re.IGNORECASE)
ACTION_ID = re.compile(r"A-\d+", re.IGNORECASE)


class Known:
    """The unit's KPIs and actions, and the KPIs this import makes (by action and name)."""

    def __init__(self, kpis: list[Kpi], actions: list, default_action: str = "") -> None:
        self.kpis = {k.id: k for k in kpis}
        self.actions = {a.id for a in actions}
        self.default_action = default_action.strip().upper()
        self.new: dict[tuple[str, str], Kpi] = {}  # (action, name folded) -> a KPI to create
        self.seen: dict[tuple, int] = {}  # (KPI, day) -> the row that gave it a value


def plan_measurements(sheet: Sheet, known: Known, today: dt.date) -> list[RowPlan]:
    """One plan per value: a long sheet's rows, a wide sheet's filled period cells."""
    periods = [i for i, name in sheet.columns.items() if name == PERIOD]
    plans = []
    for number, row in sheet.rows:
        values = sheet.values(row)
        if not periods:
            plans.append(_one(number, "", values, values.get("date"), values.get("value"), known, today))
            continue
        for index in periods:
            cell = row[index] if index < len(row) else None
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                continue
            plans.append(_one(number, letter(index), {**values, "note": None}, sheet.map.headers[index], cell,
                              known, today, wide=True))
    for plan in plans:
        plan.tab = sheet.tab
    return plans


def _one(number: int, column: str, values: dict, when: object, amount: object, known: Known, today: dt.date,
         wide: bool = False) -> RowPlan:
    name = cells.line(values.get("kpi")) or cells.line(values.get("kpi_name"))
    try:
        kpi = _kpi(values, known)
        day = _day(when, today, wide)
        value = _value(amount, kpi)
    except SpiegelError as problem:
        plan = RowPlan(number, "error", name, message=said(problem))
        plan.column = column
        return plan
    note = cells.text(values.get("note")).strip()
    shown = t("interop.measure.point", date=day.isoformat(), value=cells.text(amount))
    key = (kpi.id or id(kpi), day)
    if key in known.seen:
        plan = RowPlan(number, "error", kpi.name, kpi, t("interop.measure.twice", row=known.seen[key], detail=shown))
    else:
        known.seen[key] = number
        plan = _against(number, kpi, day, value, note, shown, today)
    plan.column = column
    return plan


def _against(number: int, kpi: Kpi, day: dt.date, value: float, note: str, shown: str, today: dt.date) -> RowPlan:
    """New, the same as stored, or a second value on a day that has one."""
    there = existing_on_day(kpi, day) if kpi.id else None
    if there is not None and there.value == value:
        return RowPlan(number, "same", kpi.name, kpi)
    if there is not None:
        from store.model.runchart import quantity

        return RowPlan(number, "error", kpi.name, kpi, t("interop.measure.same_day", kpi=kpi.id, date=day.isoformat(),
                                                         value=quantity(there.value, kpi.measure_unit), detail=shown))
    plan = RowPlan(number, "create", kpi.name, kpi, shown if kpi.id else t("interop.measure.new_kpi", action=kpi.action,
                                                                           detail=shown))
    plan.point = Measurement(day, value, note)
    return plan


def _kpi(values: dict, known: Known) -> Kpi:
    """The KPI a row names by id or name, or the new one it may make."""
    typed = cells.line(values.get("kpi"))
    name = cells.line(values.get("kpi_name"))
    if typed and KPI_ID.fullmatch(typed):
        found = known.kpis.get(typed.upper())
        if found is not None:
            return found
        if not name:
            raise InvalidValue("kpi", t("interop.unknown_id", id=typed.upper()))
    else:
        name = typed or name
    if not name:
        raise InvalidValue("kpi", t("interop.measure.no_kpi"))
    action = cells.line(values.get("action")).upper() or known.default_action
    if action and action not in known.actions:
        raise InvalidValue("action", t("interop.unknown_id", id=action))
    folded = " ".join(name.casefold().split())
    matches = [k for k in known.kpis.values() if " ".join(k.name.casefold().split()) == folded
               and (not action or k.action == action)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        listed = ", ".join(f"{k.id} ({k.action})" for k in matches)
        raise InvalidValue("kpi", t("interop.measure.ambiguous", name=name, kpis=listed))
    if not action:
        raise InvalidValue("kpi", t("interop.measure.needs_action", name=name))
    key = (action, folded)
    if key not in known.new:
        unit = cells.line(values.get("measure_unit"))
        known.new[key] = Kpi(action=action, name=name, measure_unit=unit)
    return known.new[key]


def _day(when: object, today: dt.date, wide: bool) -> dt.date:
    """The day of a value: a period's day (a wide sheet's header, or a period typed
    in a date cell), else a date read by the rule for past fields."""
    found = period(when) if wide or isinstance(when, str) else None
    if found is not None:
        return found.day(today)
    if when is None or (isinstance(when, str) and not when.strip()):
        raise InvalidValue("date", t("interop.measure.no_date"))
    day = cells.date(when, "measurement", today)
    if day > today:
        raise InvalidValue("date", t("kpi.date.future", date=day.isoformat()))
    return day


def _value(amount: object, kpi: Kpi) -> float:
    from store.model.fields import parse_value

    if isinstance(amount, bool):
        raise InvalidValue("value", t("interop.not_a_number", value=cells.text(amount)))
    if isinstance(amount, (int, float)):
        number = float(amount)
    else:
        try:  # the KPI number parser (a decimal comma is fine), named as this column
            number = parse_value(Kpi, "baseline", cells.line(amount).rstrip("%").strip())
        except InvalidValue as problem:
            raise InvalidValue("value", problem.message) from None
        if number is None:
            raise InvalidValue("value", t("interop.measure.no_value"))
    return checked_value("value", number, kpi.measure_unit)
