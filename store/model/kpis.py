"""KPIs: which values a measurement may have, the run chart's baseline period and
rule set, and adding a measurement. One place for each rule; the CLI (`spiegel
kpi`), the app's dialogs and `spiegel check` all ask here.

Settings (environment, for a whole installation): `SPIEGEL_RUN_RULES` (`ihi`, the
default, or `anhoej`) for KPIs that do not choose their own rules, and
`SPIEGEL_BASELINE_MIN` (10) for the fewest measurements a baseline period needs.
"""

from __future__ import annotations

import datetime as dt
import os

from store.errors import InvalidValue, NotFound
from store.i18n import t
from store.model.records import Action, Kpi, Measurement
from store.model.vocab import Direction
from store.model.runchart import IHI, MIN_POINTS, RULE_SETS, Analysis, analyse, number, point_marks
# A KPI's values are judged below the records (Kpi.problems asks there); importable from here too.
from store.model.kpi_values import checked_value, is_percentage, kpi_problems, value_problem  # noqa: F401

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.persistence.repository import Store



def measurement_problems(kpi: Kpi) -> list[tuple[Measurement, str]]:
    """The stored measurements the chart cannot use, each with why."""
    found = []
    for m in kpi.measurements:
        problem = value_problem(m.value, kpi.measure_unit)
        if problem:
            found.append((m, problem))
    return found


def describe_problem(measurement: Measurement, problem: str) -> str:
    return t("kpi.value.stored", date=measurement.date.isoformat(), problem=problem)


def parse_direction(text: str) -> Direction:
    """'hoger', 'lager' (the short words people type) or anything Direction accepts."""
    short = {"hoger": Direction.HIGHER, "lager": Direction.LOWER}
    return short.get(str(text).strip().lower()) or Direction.parse(text, "direction")


# the run chart ------------------------------------------------------------------------
def rule_set(kpi: Kpi) -> str:
    """The KPI's own choice, else the setting, else IHI."""
    setting = os.environ.get("SPIEGEL_RUN_RULES", "").strip().lower()
    return kpi.rules or (setting if setting in RULE_SETS else IHI)


def baseline_minimum() -> int:
    text = os.environ.get("SPIEGEL_BASELINE_MIN", "").strip()
    return int(text) if text.isdigit() and int(text) >= 2 else MIN_POINTS


def baseline_end(kpi: Kpi, started_on: dt.date | None) -> dt.date | None:
    """The last day of the baseline period: the KPI's chosen date, else the day
    before its action started (None: every point is baseline)."""
    if kpi.baseline_end is not None:
        return kpi.baseline_end
    return started_on - dt.timedelta(days=1) if started_on else None


def analyse_kpi(kpi: Kpi, started_on: dt.date | None = None) -> Analysis:
    """The run chart of a KPI, its unusable measurements left out (they are
    reported by `measurement_problems`). `started_on` is its action's start."""
    bad = {id(m) for m, _ in measurement_problems(kpi)}
    usable = [m for m in kpi.measurements if id(m) not in bad]
    return analyse(usable, kpi.direction, baseline_end=baseline_end(kpi, started_on),
                   baseline_points=kpi.baseline_points, minimum=baseline_minimum(), rule_set=rule_set(kpi))


def started_on(store: Store, kpi: Kpi) -> dt.date | None:
    """When the KPI's action started (None if it has not, or is gone)."""
    try:
        action = store.get(kpi.action, kpi.unit)
    except (NotFound, InvalidValue):  # gone, or a hand-edited id that is none
        return None
    return action.started_on if isinstance(action, Action) else None


def point_rows(kpi: Kpi, analysis: Analysis) -> list[tuple[str, str, str, str]]:
    """The chart as text, one row per usable measurement: date, value with its
    side of the median (+, -, =), the signals it is part of, the note."""
    from store.dates import month_name
    from store.text import visible_line

    notes: dict = {}
    for m in kpi.measurements:
        notes.setdefault((m.date, m.value), visible_line(m.note))  # 5 == 5.0: the same key
    rows = []
    for date, value, kinds in zip(analysis.dates, analysis.values, point_marks(analysis)):
        signal = ", ".join(t(f"kpi.kind.{kind}") for kind in kinds)
        side = "" if analysis.median is None else "+" if value > analysis.median else "-" if value < analysis.median else "="
        when = f"{date.day} {month_name(date.month, short=True)} {date.year}"
        rows.append((when, f"{number(value)} {side}".strip(), signal, notes.get((date, value), "")))
    return rows


# measurements -------------------------------------------------------------------------
def measurement_date(text: str, today: dt.date, field: str = "measurement") -> dt.date:
    """A measurement happened: a date typed without a year ('1 dec', '15-3'), a
    weekday or a week is the most recent such day (store.model.fields.DATE_RULES), and a
    date after today is refused, saying what was read."""
    from store.model.fields import parse_field_date

    return parse_field_date("measurement", text, today)


def add_measurement(store: Store, kpi_id: str, measurement: Measurement, unit: str | None = None,
                    rev: int | None = None, same_day: str = "ask") -> Kpi:
    """Append a measurement to the KPI as it is on disk now, in one transaction of
    its unit (so two people entering values at once both keep theirs, or the second
    is asked about). With `rev`, a KPI changed since that revision is a Conflict
    instead. A day that already has a value: store.model.same_day.with_measurement
    (store/model/same_day.py: `same_day` "ask" raises SameDayValue, "replace" or "keep")."""
    from store.model.same_day import with_measurement

    kpi = store.get(kpi_id, unit)
    if not isinstance(kpi, Kpi):
        raise InvalidValue("id", t("kpi.expected", id=kpi_id))
    measurement.value = checked_value("value", measurement.value, kpi.measure_unit)
    with store.transaction(kpi.unit) as txn:
        current = txn.get(Kpi, kpi.id)
        if rev is not None:
            current.rev = rev
        current.measurements = with_measurement(current, measurement, same_day, store.today())
        return txn.save(current)
