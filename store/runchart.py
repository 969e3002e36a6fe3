"""Run-chart rules for a KPI's measurements (IHI; Perla, Provost & Murray 2011).

Pure functions over (date, value) pairs; the TUI draws what `analyse` finds.

- **Median**: the centre line. It is the median of the first `BASELINE_POINTS`
  measurements (all of them when there are fewer): with a long series the centre
  line is frozen on that baseline period, so a lasting improvement later on shows
  as a shift instead of dragging the median along with it. Kept that simple on
  purpose; the chart says how many points the median is based on.
- **Useful observations**: points not exactly on the median. Points on the median
  are skipped for shifts and runs: they neither add to nor break a run.
- **Runs**: maximal stretches of useful points on one side of the median, so
  runs = crossings + 1 (0 without useful points).
- **Shift**: `SHIFT_LENGTH` (6) or more consecutive useful points on one side.
- **Trend**: `TREND_LENGTH` (5) or more consecutive points all going up or all
  going down. Of equal consecutive values only one counts: a tie neither adds to
  nor breaks a trend. The published rule counts every point, median or not.
- **Too few / too many runs**: fewer runs than the lower limit, or more than the
  upper limit, of `RUNS_LIMITS` for the number of useful observations (10-60;
  the rule does not apply outside that range). The limits are the exact
  Swed-Eisenhart distribution of the number of runs, 2.5 % in each tail, for the
  useful points split as evenly as possible above and below the median: the
  method behind Perla et al.'s table 1. They were computed, not copied from the
  printed table, and `tests/store/test_runchart.py` recomputes them; copies of
  the printed table we could find differ from it by one run at some sizes
  (mostly odd ones), so treat a signal right at a limit as a hint.
- **Astronomical point**: IHI calls it a point any observer would see as unusual.
  Operational rule here, two tests that must both hold: the point lies more than
  3 sigma from the median, sigma estimated as the average moving range / 1.128
  (the individuals-chart estimate), and outside Tukey's far-out fences (below
  Q1 - 3 IQR or above Q3 + 3 IQR). The first alone would flag both ends of any
  steady trend (its moving ranges are small); the second keeps it to points that
  stand apart from the bulk of the data, which is what "obvious" means here.
- The rules apply from `MIN_POINTS` (10) useful observations on; with fewer the
  analysis says there is not enough data yet instead of reporting no signal.

Whether a signal is good news depends on `Kpi.direction`: above the median or
going up is good when higher is better, bad when lower is better. Too few or too
many runs say the process is not random, not which way: neutral.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from statistics import median as _median, quantiles
from typing import Iterable, Sequence

from store.dates import month_name
from store.i18n import t
from store.vocab import Direction

SHIFT_LENGTH = 6
TREND_LENGTH = 5
MIN_POINTS = 10
BASELINE_POINTS = 24
SIGMA_LIMIT = 3.0
FENCE = 3.0  # Tukey's 'far out'
D2 = 1.128  # bias constant of a moving range of two points

SHIFT, TREND, FEW_RUNS, MANY_RUNS, ASTRONOMICAL = "shift", "trend", "few_runs", "many_runs", "astronomical"
GOOD, BAD, NEUTRAL = "good", "bad", "neutral"

# Useful observations -> (lower, upper): fewer runs than `lower` is too few, more
# than `upper` too many. See the module docstring for where the numbers come from.
RUNS_LIMITS: dict[int, tuple[int, int]] = {
    10: (3, 9), 11: (4, 9), 12: (4, 10), 13: (4, 11), 14: (4, 12), 15: (5, 12), 16: (5, 13),
    17: (6, 13), 18: (6, 14), 19: (6, 15), 20: (7, 15), 21: (7, 16), 22: (8, 16), 23: (8, 17),
    24: (8, 18), 25: (9, 18), 26: (9, 19), 27: (10, 19), 28: (10, 20), 29: (10, 21), 30: (11, 21),
    31: (11, 22), 32: (12, 22), 33: (12, 23), 34: (12, 24), 35: (13, 24), 36: (13, 25), 37: (14, 25),
    38: (14, 26), 39: (14, 26), 40: (15, 27), 41: (15, 28), 42: (16, 28), 43: (16, 29), 44: (17, 29),
    45: (17, 30), 46: (17, 31), 47: (18, 31), 48: (18, 32), 49: (19, 32), 50: (19, 33), 51: (20, 33),
    52: (20, 34), 53: (20, 35), 54: (21, 35), 55: (21, 36), 56: (22, 36), 57: (22, 37), 58: (23, 37),
    59: (23, 38), 60: (24, 38),
}


@dataclass(frozen=True)
class Signal:
    """One finding of the rules. `side` is above/below (shift, astronomical point),
    up/down (trend) or "" (runs); `count` is the points in a shift or trend, or
    the number of runs."""

    kind: str
    indices: tuple[int, ...]
    side: str
    first_date: dt.date | None
    verdict: str
    count: int
    value: float | None = None  # the astronomical point's value


@dataclass(frozen=True)
class Analysis:
    dates: tuple[dt.date, ...]
    values: tuple[float, ...]
    median: float | None
    median_points: int
    useful: int
    runs: int
    limits: tuple[int, int] | None
    enough: bool
    signals: tuple[Signal, ...] = field(default=())
    sigma: float | None = None


# the parts ------------------------------------------------------------------------
def centre(values: Sequence[float]) -> float | None:
    """The median of the baseline period (see the module docstring)."""
    return _median(values[:BASELINE_POINTS]) if values else None


def sides(values: Sequence[float], mid: float) -> list[tuple[int, int]]:
    """(index, +1 above / -1 below) for every point not on the median."""
    return [(i, 1 if v > mid else -1) for i, v in enumerate(values) if v != mid]


def count_runs(values: Sequence[float], mid: float) -> int:
    useful = [s for _, s in sides(values, mid)]
    return sum(1 for k, s in enumerate(useful) if k == 0 or s != useful[k - 1])


def runs_limits(useful: int) -> tuple[int, int] | None:
    """The (lower, upper) limits, or None where the rule does not apply."""
    return RUNS_LIMITS.get(useful)


def shifts(values: Sequence[float], mid: float) -> list[tuple[tuple[int, ...], int]]:
    """(indices, side) of every run of `SHIFT_LENGTH` or more useful points."""
    found, current = [], []
    for index, side in [*sides(values, mid), (-1, 0)]:  # the sentinel closes the last run
        if current and side != current[0][1]:
            if len(current) >= SHIFT_LENGTH:
                found.append((tuple(i for i, _ in current), current[0][1]))
            current = []
        current.append((index, side))
    return found


def trends(values: Sequence[float]) -> list[tuple[tuple[int, ...], int]]:
    """(indices from first to last point, +1 up / -1 down) of every trend. Points
    counted: one per change in the same direction, plus the starting point; ties
    are inside the span but not counted."""
    found: list[tuple[tuple[int, ...], int]] = []
    direction, start, end, counted = 0, 0, 0, 1

    def close() -> None:
        if direction and counted >= TREND_LENGTH:
            found.append((tuple(range(start, end + 1)), direction))

    for j in range(1, len(values)):
        step = (values[j] > values[j - 1]) - (values[j] < values[j - 1])
        if step == 0:
            continue  # a tie: neither adds nor breaks
        if step == direction:
            counted, end = counted + 1, j
        else:
            close()
            direction, start, end, counted = step, j - 1, j, 2
    close()
    return found


def sigma_estimate(values: Sequence[float]) -> float | None:
    """Average moving range / d2; None with fewer than two points."""
    if len(values) < 2:
        return None
    ranges = [abs(b - a) for a, b in zip(values, values[1:])]
    return sum(ranges) / len(ranges) / D2


def astronomical(values: Sequence[float], mid: float) -> tuple[list[int], float | None]:
    """Indices of the astronomical points (module docstring), and the sigma."""
    sigma = sigma_estimate(values)
    if not sigma:
        return [], sigma
    q1, _, q3 = quantiles(values, n=4, method="inclusive")
    low, high = q1 - FENCE * (q3 - q1), q3 + FENCE * (q3 - q1)
    far = [i for i, v in enumerate(values) if abs(v - mid) > SIGMA_LIMIT * sigma]
    return [i for i in far if not low <= values[i] <= high], sigma


def verdict(side: int, direction: Direction) -> str:
    """+1 (above / up) is good news when higher is better."""
    good = side > 0 if direction == Direction.HIGHER else side < 0
    return GOOD if good else BAD


# the whole analysis ------------------------------------------------------------
def analyse(points: Iterable, direction: Direction = Direction.HIGHER) -> Analysis:
    """Apply every rule to measurements (objects with `.date` and `.value`), in
    date order (stable for equal dates)."""
    ordered = sorted(points, key=lambda p: p.date)
    dates = tuple(p.date for p in ordered)
    values = tuple(float(p.value) for p in ordered)
    mid = centre(values)
    if mid is None:
        return Analysis(dates, values, None, 0, 0, 0, None, False)
    useful = len(sides(values, mid))
    runs = count_runs(values, mid)
    limits = runs_limits(useful)
    base = dict(dates=dates, values=values, median=mid, median_points=min(len(values), BASELINE_POINTS),
                useful=useful, runs=runs, limits=limits)
    if useful < MIN_POINTS:
        return Analysis(**base, enough=False, sigma=sigma_estimate(values))
    found: list[Signal] = []
    for indices, side in shifts(values, mid):
        found.append(Signal(SHIFT, indices, _side(side), dates[indices[0]], verdict(side, direction), len(indices)))
    for indices, step in trends(values):
        counted = 1 + sum(1 for a, b in zip(indices, indices[1:]) if values[a] != values[b])
        found.append(Signal(TREND, indices, "up" if step > 0 else "down", dates[indices[0]],
                            verdict(step, direction), counted))
    if limits and runs < limits[0]:
        found.append(Signal(FEW_RUNS, (), "", None, NEUTRAL, runs))
    elif limits and runs > limits[1]:
        found.append(Signal(MANY_RUNS, (), "", None, NEUTRAL, runs))
    outliers, sigma = astronomical(values, mid)
    for i in outliers:
        side = 1 if values[i] > mid else -1
        found.append(Signal(ASTRONOMICAL, (i,), _side(side), dates[i], verdict(side, direction), 1, values[i]))
    return Analysis(**base, enough=True, signals=tuple(found), sigma=sigma)


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


# in words ---------------------------------------------------------------------------
def month_year(date: dt.date, short: bool = False) -> str:
    """'maart 2026' (or 'mrt 2026'): month names from store.dates, never the locale."""
    return f"{month_name(date.month, short)} {date.year}"


# Units that only say "a count": '20' says it already ("nulmeting 20", not "20 aantal").
_COUNT_UNITS = {"aantal", "count", "number", "stuks", "keer", "times", "#"}


def quantity(value: float | None, measure_unit: str) -> str:
    """A value with its unit as a sentence shows it ('14 min', '80%', '20'); '-' for none."""
    from store.text import clean_line

    unit = clean_line(measure_unit or "").strip()
    text = number(value)
    if value is None or not unit or unit.casefold() in _COUNT_UNITS:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def number(value: float | None) -> str:
    """A value as people write it: no '.0', the decimal comma in Dutch."""
    if value is None:
        return "-"
    text = f"{value:.10g}" if value != int(value) else str(int(value))
    return text.replace(".", ",") if t("kpi.decimal") == "," else text


def describe(signal: Signal, analysis: Analysis) -> str:
    """One line: 'verschuiving: 6 punten boven de mediaan sinds maart 2026 (goed nieuws)'."""
    since = month_year(signal.first_date) if signal.first_date else ""
    if signal.kind in (FEW_RUNS, MANY_RUNS):
        low, high = analysis.limits or (0, 0)
        text = t(f"kpi.signal.{signal.kind}", runs=signal.count, low=low, high=high, useful=analysis.useful)
    elif signal.kind == ASTRONOMICAL:
        text = t(f"kpi.signal.astronomical_{signal.side}", value=number(signal.value), when=since)
    else:
        text = t(f"kpi.signal.{signal.kind}_{signal.side}", n=signal.count, since=since)
    return f"{text} ({t(f'kpi.verdict.{signal.verdict}')})"


def describe_all(analysis: Analysis) -> list[str]:
    """Every line below a chart: the signals, or why there are none."""
    if not analysis.values:
        return [t("kpi.none_yet")]
    if not analysis.enough:
        return [t("kpi.too_few", useful=analysis.useful, needed=MIN_POINTS)]
    return [describe(s, analysis) for s in analysis.signals] or [t("kpi.no_signal")]


def summary(analysis: Analysis) -> str:
    """Short, for a list column: 'verschuiving ↑ goed, trend ↑ goed'."""
    if not analysis.enough:
        return t("kpi.summary.too_few") if analysis.values else t("kpi.summary.empty")
    parts = []
    for s in analysis.signals:
        part = f"{t(f'kpi.kind.{s.kind}')} {_ARROW.get(s.side, '')}".strip()
        if s.verdict != NEUTRAL:
            part += f" {t(f'kpi.verdict_short.{s.verdict}')}"
        if part not in parts:
            parts.append(part)
    return ", ".join(parts) or t("kpi.summary.none")


_ARROW = {"above": "↑", "up": "↑", "below": "↓", "down": "↓"}
