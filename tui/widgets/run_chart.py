"""A KPI's run chart drawn by plotext (textual-plotext), and its text equivalent.

Points are plotted in time order, one step apart (the usual run-chart layout),
with Dutch or English month labels under them. Meaning never rests on colour
(80x24, NO_COLOR): every line and every signal kind has its own character, named
in a legend line below the chart, and the end of the baseline period is a
vertical line. Drawn for the widget's size, so that:

- every y-axis label sits exactly on a canvas row (the range is a whole number of
  rows of a round step), so no label is a row off from the values beside it;
- levels that fall on the same row (the median and the KPI's baseline value, say)
  are drawn interleaved, so each stays visible;
- the x axis labels the first point of a month only: a weekly series does not
  repeat month names.

User text (the KPI's name) is kept out of the plot: plotext's output is read back
with `Text.from_ansi`, which would act on escape sequences in it.
"""

from __future__ import annotations

import math
from typing import Sequence

from textual_plotext import PlotextPlot

from store.dates import month_name
from store.i18n import t
from store.model.kpis import point_rows, value_problem
from store.model.records import Kpi
from store.model.runchart import ASTRONOMICAL, SHIFT, TREND, Analysis, number, point_marks

LEVEL_MARKERS = {"median": "-", "target": "=", "baseline": "."}
VALUE_MARKER, PERIOD_END_MARKER = "o", "|"
SIGNAL_ORDER = (ASTRONOMICAL, SHIFT, TREND)
BOTH = "shift_trend"  # a point in a shift and a trend at once: its own mark, so neither is hidden
MAX_TICKS = 6
FRAME_ROWS = 3  # plotext: top border, bottom border with ticks, the tick labels
NICE_STEPS = (1.0, 2.0, 2.5, 5.0)


def ticks(dates: Sequence, max_ticks: int = MAX_TICKS) -> tuple[list[int], list[str]]:
    """X positions and labels: the first point of a month, at most `max_ticks`
    evenly chosen; "aug '25", then 'nov', and the year again when it changes."""
    starts = [i for i, d in enumerate(dates) if i == 0 or (d.year, d.month) != (dates[i - 1].year, dates[i - 1].month)]
    chosen = starts[::max(1, math.ceil(len(starts) / max_ticks))]
    labels, year = [], None
    for i in chosen:
        date = dates[i]
        short = month_name(date.month, short=True)
        labels.append(short if date.year == year else f"{short} '{date.year % 100:02d}")
        year = date.year
    return chosen, labels


def nice_step(at_least: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that is >= `at_least`."""
    power = 10.0 ** math.floor(math.log10(at_least))
    return next((n * power for n in NICE_STEPS if n * power >= at_least * (1 - 1e-9)), 10 * power)


def y_axis(low: float, high: float, rows: int) -> tuple[float, float, list[float], list[str]]:
    """(bottom, top, tick positions, labels) for `rows` canvas rows: each row is
    one round step (the smallest that fits the values), so every label lies
    exactly on a row; a label every few rows."""
    rows = max(rows, 3)
    if high - low < 1e-9:
        pad = max(abs(high) * 0.1, 1.0)
        low, high = low - pad, high + pad
    step = nice_step((high - low) / (rows - 1))
    while True:
        first = math.floor(low / step + 1e-9)
        spare = rows - 1 - (math.ceil(high / step - 1e-9) - first)
        if spare >= 0:
            break
        step = nice_step(step * 1.001)
    first -= spare // 2  # centre the values
    every = max(1, math.ceil(rows / 5))
    digits = max(0, -math.floor(math.log10(step))) + 1  # enough for 2.5, 0.25, …
    positions = [round(j * step, digits) for j in range(first, first + rows) if j % every == 0]  # round values
    return first * step, (first + rows - 1) * step, positions, [number(p) for p in positions]


def signal_marker(kinds: Sequence[str]) -> str | None:
    """The kind a point is marked with (see SIGNAL_ORDER), BOTH for a point in a
    shift and a trend (a terminal cell holds one mark), or None."""
    if SHIFT in kinds and TREND in kinds:
        return BOTH
    return next((k for k in SIGNAL_ORDER if k in kinds), None)


class RunChart(PlotextPlot):
    """Call `show(kpi, analysis)`; it redraws at once, and again when resized."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kpi: Kpi | None = None
        self.analysis: Analysis | None = None
        self._drawn_for: tuple[int, int] | None = None

    def show(self, kpi: Kpi, analysis: Analysis) -> None:
        self.kpi, self.analysis = kpi, analysis
        self._drawn_for = None
        self.refresh()

    def render(self):
        size = (self.size.width, self.size.height)
        if size != self._drawn_for:
            self._draw(*size)
            self._drawn_for = size
        return super().render()

    def levels(self) -> dict[str, float]:
        """The horizontal lines: median, and the KPI's baseline value and target
        where they are plottable numbers."""
        found = {"median": self.analysis.median if self.analysis else None}
        if self.kpi is not None:
            for name in ("baseline", "target"):
                value = getattr(self.kpi, name)
                if value is not None and value_problem(value, self.kpi.measure_unit) is None:
                    found[name] = value
        return {k: v for k, v in found.items() if v is not None}

    def _draw(self, width: int, height: int) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        analysis = self.analysis
        if analysis is None or not analysis.values or width < 10 or height < FRAME_ROWS + 3:
            return
        values, levels = list(analysis.values), self.levels()
        rows = height - FRAME_ROWS
        bottom, top, positions, labels = y_axis(min(values + list(levels.values())), max(values + list(levels.values())), rows)
        xs = list(range(len(values)))
        left, right = -0.5, len(values) - 0.5
        columns = width - 2 - max(len(label) for label in labels)
        self._levels(levels, (bottom, top, rows), (left, right, columns))
        if analysis.split is not None:
            plt.plot([analysis.split - 0.5] * 2, [bottom, top], marker=PERIOD_END_MARKER)
        if len(xs) > 1:
            plt.plot(xs, values, marker="braille")
        plt.scatter(xs, values, marker=VALUE_MARKER)
        self._signals(values)
        plt.xticks(*ticks(analysis.dates))
        plt.xlim(left, right)
        plt.yticks(positions, labels)
        plt.ylim(bottom, top)

    def _levels(self, levels: dict[str, float], y: tuple, x: tuple) -> None:
        """One line per level; levels on the same row share it, interleaved."""
        bottom, top, rows = y
        left, right, columns = x
        by_row: dict[int, list[str]] = {}
        for name, value in levels.items():
            by_row.setdefault(round((value - bottom) / (top - bottom) * (rows - 1)), []).append(name)
        for names in by_row.values():
            if len(names) == 1:
                self.plt.plot([left, right], [levels[names[0]]] * 2, marker=LEVEL_MARKERS[names[0]])
                continue
            for offset, name in enumerate(names):
                cols = range(offset, columns, len(names))
                xs = [left + c * (right - left) / max(columns - 1, 1) for c in cols]
                self.plt.scatter(xs, [levels[name]] * len(xs), marker=LEVEL_MARKERS[name])

    def _signals(self, values: list[float]) -> None:
        by_kind: dict[str, list[int]] = {}
        for i, kinds in enumerate(point_marks(self.analysis)):
            kind = signal_marker(kinds)
            if kind:
                by_kind.setdefault(kind, []).append(i)
        for kind, indices in by_kind.items():
            self.plt.scatter(indices, [values[i] for i in indices], marker=t(f"kpi.marker.{kind}"))


def legend(kpi: Kpi | None = None, analysis: Analysis | None = None) -> str:
    """'Legenda: o meting, - mediaan, …': the marks this chart uses."""
    items = [f"{VALUE_MARKER} {t('kpi.legend.values')}"]
    shown = {signal_marker(marks) for marks in point_marks(analysis)} if analysis else set()
    items += [f"{t(f'kpi.marker.{k}')} {t(f'kpi.legend.{k}')}" for k in (*SIGNAL_ORDER, BOTH) if k in shown]
    items.append(f"{LEVEL_MARKERS['median']} {t('kpi.legend.median')}")
    for name in ("target", "baseline"):
        if kpi is not None and getattr(kpi, name) is not None:
            items.append(f"{LEVEL_MARKERS[name]} {t(f'kpi.legend.{name}')}")
    if analysis is not None and analysis.split is not None:
        items.append(f"{PERIOD_END_MARKER} {t('kpi.legend.period_end')}")
    return t("kpi.chart.legend", items=", ".join(items))


def table_rows(kpi: Kpi, analysis: Analysis) -> list[tuple[str, str, str, str]]:
    """The text equivalent of the chart (store.model.kpis.point_rows)."""
    return point_rows(kpi, analysis)
