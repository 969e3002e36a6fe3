"""The burn-up chart: actions created vs. done, cumulative per month (plotext).

Two series told apart by marker and legend (`+` created, `x` done), not by colour
alone, so the chart reads the same with NO_COLOR or 16 colours. Month names on the
x axis come from `store.dates.month_name`, never from the OS locale."""

from __future__ import annotations

import math

from rich.table import Table
from rich.text import Text
from textual_plotext import PlotextPlot

from store.moments.dashboard import BurnPoint
from store.dates import month_name
from store.i18n import t

CREATED_MARKER, DONE_MARKER = "+", "x"


class BurnupChart(PlotextPlot):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.points: list[BurnPoint] = []

    def show(self, points: list[BurnPoint]) -> None:
        self.points = points
        self.replot()

    def replot(self) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if self.points:
            x = list(range(len(self.points)))
            plt.plot(x, [p.created for p in self.points], marker=CREATED_MARKER, label=t("tui.dash.created"))
            plt.plot(x, [p.done for p in self.points], marker=DONE_MARKER, label=t("tui.dash.done"))
            plt.xticks(x, [month_label(p) for p in self.points])
            top = max(p.created for p in self.points)
            plt.yticks(y_ticks(top))
            plt.ylim(0, max(top, 1))
        self.refresh()


def month_label(point: BurnPoint) -> str:
    """'jan' and, in January, the year too ('jan 26'), so a 12-month axis is unambiguous."""
    name = month_name(point.month.month)
    return f"{name} {point.month.year % 100:02d}" if point.month.month == 1 else name


def y_ticks(top: int, count: int = 4) -> list[int]:
    """Whole numbers only: actions are counted, not measured."""
    step = max(1, math.ceil(top / count))
    return list(range(0, top + step, step))


def burnup_table(points: list[BurnPoint]) -> Table:
    """The chart's numbers as a table (for screen readers and copy-paste)."""
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column(Text(t("tui.dash.month")))
    table.add_column(Text(t("tui.dash.created")), justify="right")
    table.add_column(Text(t("tui.dash.done")), justify="right")
    table.add_column(Text(t("tui.dash.still_open")), justify="right")
    for p in points:
        month = f"{month_name(p.month.month)} {p.month.year}"
        table.add_row(Text(month), Text(str(p.created)), Text(str(p.done)), Text(str(p.created - p.done)))
    return table
