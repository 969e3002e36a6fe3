"""A KPI's run chart drawn by plotext (textual-plotext), and its text equivalent.

Points are plotted in time order, one step apart (the usual run-chart layout), with
Dutch or English month labels under them. Meaning never rests on colour: each line
and point kind has its own character (`MARKERS`), explained in a legend line below
the chart. User text (the KPI's name) is kept out of the plot: plotext's output is
read back with `Text.from_ansi`, which would act on escape sequences in it.
"""

from __future__ import annotations

import math

from textual_plotext import PlotextPlot

from store.i18n import t
from store.records import Kpi
from store.dates import month_name
from store.kpis import point_rows, value_problem
from store.runchart import Analysis, number, point_marks
from store.text import clean_line

MARKERS = {"values": "o", "signal": "X", "median": "-", "target": "=", "baseline": "."}
MAX_TICKS = 6


def ticks(analysis: Analysis) -> tuple[list[int], list[str]]:
    """At most `MAX_TICKS` evenly spaced x positions with their month labels:
    "aug '25", then 'nov', and the year again at the first label of a new year."""
    count = len(analysis.dates)
    step = max(1, math.ceil(count / MAX_TICKS))
    positions = list(range(0, count, step))
    labels, year = [], None
    for i in positions:
        date = analysis.dates[i]
        short = month_name(date.month, short=True)
        labels.append(short if date.year == year else f"{short} '{date.year % 100:02d}")
        year = date.year
    return positions, labels


def y_ticks(low: float, high: float, count: int = 5) -> tuple[list[float], list[str]]:
    """Evenly spaced values from just below `low` to just above `high`, labelled
    with the UI's decimal mark (plotext's own labels always use a point)."""
    margin = (high - low) * 0.05 or max(abs(high) * 0.1, 1.0)
    low, high = low - margin, high + margin
    step = (high - low) / (count - 1)
    digits = 0 if step >= 5 else 1 if step >= 0.5 else 2
    positions = [round(low + n * step, digits + 1) for n in range(count)]
    return positions, [number(round(p, digits)) for p in positions]


class RunChart(PlotextPlot):
    """Call `show(kpi, analysis)`; it redraws at once."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kpi: Kpi | None = None
        self.analysis: Analysis | None = None

    def show(self, kpi: Kpi, analysis: Analysis) -> None:
        self.kpi, self.analysis = kpi, analysis
        self.replot()

    def replot(self) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        analysis = self.analysis
        if analysis is None or not analysis.values:
            self.refresh()
            return
        xs = list(range(len(analysis.values)))
        last = xs[-1] if len(xs) > 1 else 1
        levels = self._levels()
        self._level(levels.get("baseline"), last, "baseline")
        self._level(analysis.median, last, "median")
        self._level(levels.get("target"), last, "target")
        if len(xs) > 1:
            plt.plot(xs, list(analysis.values), marker="braille")
        plt.scatter(xs, list(analysis.values), marker=MARKERS["values"])
        marked = [i for i, kinds in enumerate(point_marks(analysis)) if kinds]
        if marked:
            plt.scatter(marked, [analysis.values[i] for i in marked], marker=MARKERS["signal"])
        plt.xticks(*ticks(analysis))
        plt.xlim(-0.5, last + 0.5)
        shown = [*analysis.values, *levels.values()]
        low, high = min(shown), max(shown)
        positions, labels = y_ticks(low, high)
        plt.yticks(positions, labels)
        plt.ylim(positions[0], positions[-1])
        self.refresh()

    def _levels(self) -> dict[str, float]:
        """The KPI's baseline value and target, where they are plottable numbers."""
        if self.kpi is None:
            return {}
        found = {"baseline": self.kpi.baseline, "target": self.kpi.target}
        return {k: v for k, v in found.items() if v is not None and value_problem(v, self.kpi.measure_unit) is None}

    def _level(self, value: float | None, last: int, name: str) -> None:
        if value is not None:
            self.plt.plot([0, last], [value, value], marker=MARKERS[name])


def legend() -> str:
    return t("kpi.chart.legend")


def table_rows(kpi: Kpi, analysis: Analysis) -> list[tuple[str, str, str, str]]:
    """The text equivalent of the chart (store.kpis.point_rows)."""
    return point_rows(kpi, analysis)
