"""A KPI's values: which numbers a measurement, baseline or target may hold, and what
makes a KPI's own fields unsaveable. Below the records (`Kpi.problems` asks here) and
without them: store/model/kpis.py holds the KPI workflows and re-exports these.
"""

from __future__ import annotations

import math

from store.errors import InvalidValue
from store.i18n import t
from store.model.limits import MAX_NUMBER as MAX_ABS  # larger values are typing errors or overflow plotting
from store.model.runchart import RULE_SETS, number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.model.records import Kpi


# values -------------------------------------------------------------------------------
def value_problem(value: object, measure_unit: str = "") -> str | None:
    """Why `value` cannot be a measurement (or baseline, target) of a KPI with
    this unit, or None when it can."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return t("value.number", value=value)
    if abs(value) > MAX_ABS:  # repr: every digit typed, so 1000000000.0000001 is not shown as the bound itself
        shown = repr(float(value)).removesuffix(".0").replace(".", t("kpi.decimal"))
        return t("kpi.value.too_big" if value > 0 else "kpi.value.too_small", value=shown)
    if is_percentage(measure_unit) and not 0 <= value <= 100:
        return t("kpi.value.percent", value=number(value))
    return None


def is_percentage(measure_unit: str) -> bool:
    return measure_unit.strip() == "%"


def checked_value(name: str, value: object, measure_unit: str = "") -> float:
    """`value` as a float, or InvalidValue naming the field and the problem."""
    problem = value_problem(value, measure_unit)
    if problem:
        raise InvalidValue(name, problem)
    return float(value)  # type: ignore[arg-type]


def kpi_problems(kpi: Kpi) -> list[InvalidValue]:
    """What makes a KPI's own fields unsaveable (Kpi.problems asks here). Stored
    measurements are not re-judged: one bad value must not block every edit;
    `measurement_problems` reports them."""
    found = []
    for name in ("baseline", "target"):
        value = getattr(kpi, name)
        problem = value_problem(value, kpi.measure_unit) if value is not None else None
        if problem:
            found.append(InvalidValue(name, problem))
    if kpi.baseline_points is not None and kpi.baseline_points < 1:
        found.append(InvalidValue("baseline_points", t("value.at_least", low=1, value=kpi.baseline_points)))
    if kpi.rules not in ("", *RULE_SETS):
        found.append(InvalidValue("rules", t("value.choice", value=kpi.rules, allowed=", ".join(RULE_SETS))))
    return found
