"""One KPI's series judged by the run-chart rules, baseline period first.

- **Baseline period**: the measurements that describe the process before the
  change: those up to the chosen end date, or the first N points, or (nothing
  chosen) all of them. The caller decides which (store/model/kpis.py). It needs at
  least `minimum` points (10 by default); with fewer, the whole series is judged
  as one period and the analysis says so (`baseline_short`).
- **Median**: the baseline's, frozen: later points are judged against it, so a
  lasting improvement shows as a shift instead of dragging the median along.
- **Periods**: the rules are applied to the baseline and to the later period
  separately, each against that median, as qicharts2 does with a frozen centre
  line split in parts. No signal spans both.
- **Rule sets**: IHI (Perla, Provost & Murray 2011: shift 6+, trend 5+, too few
  or too many runs from their table 1) or Anhøj (Anhøj & Olesen 2014: an
  unusually long run, unusually few crossings). Both add astronomical points.
- **Astronomical point**: a point outside the baseline's individuals-chart
  (I-chart, XmR) limits: the baseline mean +/- 2.66 x its average moving range,
  moving ranges above 3.27 x the average screened out first (Provost & Murray,
  The Health Care Data Guide, 2011; Wheeler & Chambers), and not part of a shift
  or trend (nor within its span, nor tied to its end point): a sustained change is reported as a
  shift, a trend or too few runs, never as a string of outliers. A baseline
  without any spread has no limits and so no astronomical point.
- **Verdicts**: a signal whose points all lie after the baseline is good or bad
  news by the KPI's direction; one with a point inside the baseline describes
  the old process (`BASELINE`); runs and crossings say only "not random".
- With fewer than `minimum` measurements in all, no rule is applied and the
  analysis says there is not enough data yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from statistics import median as _median
from typing import Iterable, Sequence

from store.model.runchart import rules, tables
from store.model.vocab import Direction

MIN_POINTS = 10
IHI, ANHOEJ = "ihi", "anhoej"
RULE_SETS = (IHI, ANHOEJ)

SHIFT, TREND, FEW_RUNS, MANY_RUNS, FEW_CROSSINGS, ASTRONOMICAL = (
    "shift", "trend", "few_runs", "many_runs", "few_crossings", "astronomical")
GOOD, BAD, NEUTRAL, BASELINE = "good", "bad", "neutral", "baseline"


@dataclass(frozen=True)
class Signal:
    """One finding. `side`: above/below (shift, astronomical), up/down (trend) or
    "" (runs, crossings); `count`: points in a shift or trend, or the number of
    runs or crossings; `low`/`high`: the limits it broke; `useful`: the period's
    points off the median."""

    kind: str
    indices: tuple[int, ...]
    side: str
    first_date: dt.date | None
    verdict: str
    count: int
    value: float | None = None
    low: int | None = None
    high: int | None = None
    useful: int = 0
    period: tuple[int, int] = (0, 0)  # the [start, stop) of the period it was found in


@dataclass(frozen=True)
class Period:
    """Indices [start, stop) judged together, with what the rules counted."""

    start: int
    stop: int
    is_baseline: bool
    useful: int
    runs: int
    crossings: int
    longest: int
    runs_limits: tuple[int, int] | None  # IHI; None where the rule does not apply
    approximate: bool  # runs_limits from the normal approximation (beyond the table)
    longest_limit: int  # Anhøj
    crossings_limit: int  # Anhøj


@dataclass(frozen=True)
class Analysis:
    dates: tuple[dt.date, ...]
    values: tuple[float, ...]
    median: float | None
    median_points: int  # how many points the median is taken over
    baseline: int  # points in the baseline period as chosen (maybe too few to use)
    baseline_short: bool  # chosen baseline has fewer than `minimum` points: one period
    enough: bool
    rules: str = IHI
    minimum: int = MIN_POINTS
    periods: tuple[Period, ...] = ()
    signals: tuple[Signal, ...] = field(default=())
    limits: tuple[float, float, float] | None = None  # the baseline's I-chart (centre, lower, upper)

    @property
    def split(self) -> int | None:
        """Index of the first point after the baseline, when there is a later period."""
        return self.periods[1].start if len(self.periods) > 1 else None


def analyse(points: Iterable, direction: Direction = Direction.HIGHER, *, baseline_end: dt.date | None = None,
            baseline_points: int | None = None, minimum: int = MIN_POINTS, rule_set: str = IHI) -> Analysis:
    """Apply the rules to measurements (objects with `.date` and finite `.value`),
    in date order (stable for equal dates)."""
    ordered = sorted(points, key=lambda p: p.date)
    dates = tuple(p.date for p in ordered)
    values = tuple(float(p.value) for p in ordered)
    chosen = baseline_size(dates, baseline_end, baseline_points)
    short = chosen < minimum
    base = values if short else values[:chosen]
    mid = _median(base) if base else None
    common = dict(dates=dates, values=values, median=mid, median_points=len(base), baseline=chosen,
                  baseline_short=short and chosen < len(values), rules=rule_set, minimum=minimum)
    if mid is None or len(values) < minimum:
        return Analysis(**common, enough=False, limits=rules.i_chart_limits(base))
    bounds = [(0, len(values))] if short or chosen == len(values) else [(0, chosen), (chosen, len(values))]
    periods = tuple(_period(values, start, stop, mid, start == 0) for start, stop in bounds)
    limits = rules.i_chart_limits(base)
    found: list[Signal] = []
    for period in periods:
        found.extend(_signals(values, dates, period, mid, limits, rule_set))
    judged = tuple(_judged(s, chosen, direction) for s in found)
    return Analysis(**common, enough=True, periods=periods, signals=judged, limits=limits)


def baseline_size(dates: Sequence[dt.date], end: dt.date | None, first: int | None) -> int:
    """How many of the (sorted) dates the chosen baseline covers: the first N,
    those on or before `end`, or all of them."""
    if first is not None:
        return max(0, min(first, len(dates)))
    if end is not None:
        return sum(1 for d in dates if d <= end)
    return len(dates)


def _period(values: Sequence[float], start: int, stop: int, mid: float, is_baseline: bool) -> Period:
    part = values[start:stop]
    useful = rules.sides(part, mid)
    above = sum(1 for _, s in useful if s > 0)
    limits = tables.perla_limits(len(useful))
    approximate = limits is None and len(useful) > tables.PERLA_LAST
    if approximate:
        limits = tables.approximate_limits(above, len(useful) - above)
    return Period(start, stop, is_baseline, len(useful), rules.count_runs(part, mid), rules.crossings(part, mid),
                  rules.longest_run(part, mid), limits, approximate, tables.anhoej_longest_run(len(useful)),
                  tables.anhoej_min_crossings(len(useful)))


def _signals(values, dates, period: Period, mid: float, limits, rule_set: str) -> list[Signal]:
    part = values[period.start:period.stop]
    at = period.start

    def span(indices) -> tuple[int, ...]:
        return tuple(at + i for i in indices)

    found: list[Signal] = []
    length = period.longest_limit + 1 if rule_set == ANHOEJ else rules.SHIFT_LENGTH
    for indices, side in rules.shifts(part, mid, length):
        found.append(Signal(SHIFT, span(indices), _side(side), dates[at + indices[0]], "", len(indices),
                            high=length - 1 if rule_set == ANHOEJ else None, useful=period.useful))
    if rule_set == IHI:
        for indices, step in rules.trends(part):
            found.append(Signal(TREND, span(indices), "up" if step > 0 else "down", dates[at + indices[0]], "",
                                rules.trend_points(part, indices)))
        found.extend(_runs_signal(period))
    elif period.useful and period.crossings < period.crossings_limit:
        found.append(Signal(FEW_CROSSINGS, (), "", None, "", period.crossings, low=period.crossings_limit,
                            useful=period.useful))
    # Every point within a shift's or trend's span: a point on the median between
    # a shift's points is part of that level, not an outlier from it.
    explained = _explained(part, {i - at for s in found if s.indices
                                  for i in range(min(s.indices), max(s.indices) + 1)})
    for i in rules.beyond_limits(part, limits):
        if i not in explained:
            found.append(Signal(ASTRONOMICAL, (at + i,), _side(1 if part[i] > mid else -1), dates[at + i], "", 1,
                                value=part[i]))
    return [Signal(**{**s.__dict__, "period": (period.start, period.stop)}) for s in found]


def _explained(part: Sequence[float], indices: set[int]) -> set[int]:
    """The points of a shift or trend, and the points tied with one next to them: a
    climb to 6 followed by another 6 ends at both, and neither is an outlier."""
    found = set(indices)
    for step in (1, -1):
        for i in sorted(indices, reverse=step < 0):
            j = i + step
            while 0 <= j < len(part) and j not in found and part[j] == part[i]:
                found.add(j)
                j += step
    return found


def _runs_signal(period: Period) -> list[Signal]:
    if period.runs_limits is None:
        return []
    low, high = period.runs_limits
    kind = FEW_RUNS if period.runs < low else MANY_RUNS if period.runs > high else None
    return [Signal(kind, (), "", None, "", period.runs, low=low, high=high, useful=period.useful)] if kind else []


def _judged(signal: Signal, baseline: int, direction: Direction) -> Signal:
    """Good or bad news only for signals wholly after the baseline (module doc)."""
    if signal.kind in (FEW_RUNS, MANY_RUNS, FEW_CROSSINGS):
        verdict = BASELINE if signal.period[1] <= baseline else NEUTRAL
    elif min(signal.indices) < baseline:
        verdict = BASELINE
    else:
        up = signal.side in ("above", "up")
        verdict = GOOD if up == (direction == Direction.HIGHER) else BAD
    return Signal(**{**signal.__dict__, "verdict": verdict})


def _side(side: int) -> str:
    return "above" if side > 0 else "below"


def point_marks(analysis: Analysis) -> list[list[str]]:
    """Per point, the kinds of signal it is part of (for markers and the table)."""
    marks: list[list[str]] = [[] for _ in analysis.values]
    for signal in analysis.signals:
        for i in signal.indices:
            if signal.kind not in marks[i]:
                marks[i].append(signal.kind)
    return marks
