"""Run-chart rules for a KPI's measurements: IHI (Perla, Provost & Murray 2011)
or Anhøj (Anhøj & Olesen 2014), with a frozen baseline period.

- `tables`: the published limits (Perla's table 1 as printed, Anhøj's formulas).
- `rules`: each rule as a pure function over one period's values.
- `analysis`: the baseline, the periods, the signals and their verdicts.
- `words`: all of it in the UI's language.
"""

from store.model.runchart.analysis import (  # noqa: F401
    ANHOEJ, ASTRONOMICAL, BAD, BASELINE, FEW_CROSSINGS, FEW_RUNS, GOOD, IHI, MANY_RUNS, MIN_POINTS, NEUTRAL,
    RULE_SETS, SHIFT, TREND, Analysis, Period, Signal, analyse, baseline_size, point_marks,
)
from store.model.runchart.words import (  # noqa: F401
    baseline_line, describe, describe_all, month_year, number, period_lines, quantity, rules_line, summary,
)

__all__ = [
    "ANHOEJ", "ASTRONOMICAL", "BAD", "BASELINE", "FEW_CROSSINGS", "FEW_RUNS", "GOOD", "IHI", "MANY_RUNS", "MIN_POINTS",
    "NEUTRAL", "RULE_SETS", "SHIFT", "TREND", "Analysis", "Period", "Signal", "analyse", "baseline_line",
    "baseline_size", "describe", "describe_all", "month_year", "number", "quantity", "period_lines", "point_marks", "rules_line",
    "summary",
]
