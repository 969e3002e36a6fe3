"""A second value on a KPI's day: asked about, replaced or kept beside the first.
One rule for the app, `spiegel kpi measure` and every import; below the KPI
workflows (store/model/kpis.py adds a measurement by it, store/moments/measurements.py corrects)."""

from __future__ import annotations

import datetime as dt

from store.errors import InvalidValue
from store.i18n import t
from store.model.records import Kpi, Measurement

SAME_DAY = ("ask", "replace", "keep")


class SameDayValue(InvalidValue):
    """The KPI already has a value on that day; `existing` is it. Nothing was saved."""

    def __init__(self, kpi: Kpi, existing: Measurement, today: dt.date | None = None) -> None:
        from store.dates import describe_date
        from store.model.runchart import quantity

        super().__init__("value", t("measurement.same_day", kpi=kpi.id, date=describe_date(existing.date, today),
                                    value=quantity(existing.value, kpi.measure_unit)))
        self.kpi_id, self.existing = kpi.id, existing


def existing_on_day(kpi: Kpi, day: dt.date) -> Measurement | None:
    """The measurement of `kpi` on `day` (the last one, if several), or None."""
    found = [m for m in kpi.measurements if m.date == day]
    return found[-1] if found else None


def with_measurement(kpi: Kpi, new: Measurement, same_day: str = "ask", today: dt.date | None = None) -> list[Measurement]:
    """The series of `kpi` with `new` in it, by the `same_day` choice: "ask" raises
    SameDayValue when the day already has a value, "replace" puts `new` in its
    place (a note typed with neither keeps the old one), "keep" adds it beside."""
    if same_day not in SAME_DAY:
        raise ValueError(same_day)
    existing = existing_on_day(kpi, new.date)
    series = list(kpi.measurements)
    if existing is not None and same_day == "ask":
        raise SameDayValue(kpi, existing, today)
    if existing is not None and same_day == "replace":
        series = [m for m in series if m.date != new.date]
        new = Measurement(new.date, new.value, new.note or existing.note)
    return sorted([*series, new], key=lambda m: m.date)
