"""Stacked bar charts of progress (seed 002), each with its numbers as a table:
a unit's actions by status at the end of each month, and the portfolio's units
in each phase per route.

Stacks are told apart by their fill character, named in a legend line, never by
colour alone (80x24, NO_COLOR). Month names come from store.dates."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual_plotext import PlotextPlot

from store.dates import month_name
from store.i18n import t
from store.model.progress import StatusPoint
from store.model.vocab import PHASES, ROUTES, Status, phase_label

STATUS_ORDER = (Status.DONE, Status.IN_PROGRESS, Status.PLANNED, Status.STOPPED)  # bottom to top
STATUS_FILL = {Status.DONE: "#", Status.IN_PROGRESS: "=", Status.PLANNED: ".", Status.STOPPED: "x"}
PHASE_FILL = {1: ".", 2: "+", 3: "=", 4: "#"}


def month_label(month) -> str:
    """'jan' and, in January, the year too ('jan 26')."""
    name = month_name(month.month)
    return f"{name} {month.year % 100:02d}" if month.month == 1 else name


def status_legend() -> str:
    return "  ".join(f"{STATUS_FILL[s]} {s.label}" for s in STATUS_ORDER)


def phase_legend() -> str:
    return "  ".join(f"{PHASE_FILL[p]} {t('tui.progress.phase', n=p)}" for p in PHASES)


def whole_ticks(top: int, count: int = 4) -> list[int]:
    step = max(1, -(-top // count))
    return list(range(0, top + step, step))


class StackedChart(PlotextPlot):
    """Call `show(labels, stacks, fills)`: one bar per label, stacks bottom up."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.data: tuple[list[str], list[list[int]], list[str]] = ([], [], [])

    def show(self, labels: list[str], stacks: list[list[int]], fills: list[str]) -> None:
        self.data = (labels, stacks, fills)
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if labels and stacks:
            plt.stacked_bar(labels, stacks, marker=fills)
            top = max(sum(column) for column in zip(*stacks))
            plt.yticks(whole_ticks(top))
            plt.ylim(0, max(top, 1))
        self.refresh()


def show_statuses(chart: StackedChart, points: list[StatusPoint]) -> None:
    chart.show([month_label(p.month) for p in points],
               [[p.counts[s] for p in points] for s in STATUS_ORDER], [STATUS_FILL[s] for s in STATUS_ORDER])


def show_phases(chart: StackedChart, grid: dict[int, dict[int, int]]) -> None:
    chart.show([t("tui.progress.route", n=r) for r in ROUTES],
               [[grid[r][p] for r in ROUTES] for p in PHASES], [PHASE_FILL[p] for p in PHASES])


def status_table(points: list[StatusPoint]) -> Table:
    """The status chart's numbers: one row per month."""
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column(Text(t("tui.dash.month")))
    for status in STATUS_ORDER:
        table.add_column(Text(status.label), justify="right")
    table.add_column(Text(t("tui.progress.total")), justify="right")
    for p in points:
        table.add_row(Text(f"{month_name(p.month.month)} {p.month.year}"),
                      *(Text(str(p.counts[s])) for s in STATUS_ORDER), Text(str(p.total)))
    return table


def phase_table(grid: dict[int, dict[int, int]]) -> Table:
    """The phase chart's numbers: one row per route, a column per phase."""
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column(Text(t("tui.progress.route_col")))
    for phase in PHASES:
        table.add_column(Text(f"{phase} {phase_label(phase)}"), justify="right", max_width=14)
    for route in ROUTES:
        table.add_row(Text(t("tui.progress.route", n=route)), *(Text(str(grid[route][p])) for p in PHASES))
    return table
