"""Run charts as SVG for reports, drawn with matplotlib.

Why matplotlib: the most widely maintained plotting library for Python; its SVG
backend needs no browser, no JavaScript and no fonts from anywhere (text becomes
paths), and a fixed hash salt and no date stamp make the output the same on every
run, so reports can be compared with golden files. It costs about half a second to
import, so only writing a report imports it (in a worker in the app), never the
CLI's `list`/`add`.

The chart holds no user text: the KPI's name and the signals in words go in the
caption and the report's text, where they are escaped. Month names come from
store.dates (the UI language), never matplotlib's locale.
"""

from __future__ import annotations

import io

from store.model.records import Kpi
from store.model.runchart import ASTRONOMICAL, SHIFT, TREND, Analysis, month_year, number, point_marks

# Colours that survive black-and-white printing by shape as well: each signal kind
# also has its own marker.
_POINT, _MEDIAN, _TARGET, _BASELINE = "#1f4e79", "#555555", "#2e7d32", "#999999"
_SIGNAL_STYLE = {SHIFT: ("s", "#c62828"), TREND: ("^", "#ef6c00"), ASTRONOMICAL: ("D", "#6a1b9a")}


def run_chart_svg(kpi: Kpi, analysis: Analysis, width_mm: float = 170, height_mm: float = 70,
                  legend: bool = True) -> str:
    """The KPI's run chart: points in date order, the median of the baseline period
    (solid over the baseline, dashed where later periods are judged against it), the
    target, the baseline's end, and each signal's points marked by kind; with a
    legend (catalog words, no user text) right of the plot naming what is drawn."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    rc = {"svg.fonttype": "path", "svg.hashsalt": "spiegel", "font.size": 8, "axes.spines.top": False,
          "axes.spines.right": False}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4))
        ax = fig.add_subplot()
        _draw(ax, kpi, analysis)
        if legend and analysis.values:
            _legend(ax)
        fig.tight_layout(pad=0.4)
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()


def _draw(ax, kpi: Kpi, analysis: Analysis) -> None:
    xs = list(range(len(analysis.values)))
    values = list(analysis.values)
    if not xs:
        ax.set_xticks([])
        return
    ax.plot(xs, values, color=_POINT, linewidth=1, marker="o", markersize=3, label="points")
    if analysis.median is not None:
        end = analysis.split if analysis.split is not None else len(xs)
        ax.plot([-0.3, end - 0.7], [analysis.median] * 2, color=_MEDIAN, linewidth=1.2, label="median")
        if analysis.split is not None:
            ax.plot([end - 0.7, len(xs) - 0.7], [analysis.median] * 2, color=_MEDIAN, linewidth=1.2, linestyle="--",
                    label="median_later")
            ax.axvline(analysis.split - 0.5, color=_BASELINE, linewidth=0.8, linestyle=":", label="baseline_end")
    if kpi.target is not None:
        ax.axhline(kpi.target, color=_TARGET, linewidth=0.9, linestyle="-.", label="target")
    for i, kinds in enumerate(point_marks(analysis)):
        size = 8
        for kind in (ASTRONOMICAL, SHIFT, TREND):  # every signal's mark, each drawn smaller inside the last
            if kind in kinds:
                marker, colour = _SIGNAL_STYLE[kind]
                ax.plot([i], [values[i]], marker=marker, color=colour, markersize=size, linestyle="none", label=kind)
                size -= 3
    ticks = _ticks(len(xs))
    ax.set_xticks(ticks, [month_year(analysis.dates[i], short=True) for i in ticks])
    ax.yaxis.set_major_formatter(lambda value, _pos: number(round(value, 6)))
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    ax.set_xlim(-0.6, len(xs) - 0.4)


def _legend(ax) -> None:
    """What each line and marker means, beside the plot (it never hides a point)."""
    from store.i18n import t

    handles, labels = ax.get_legend_handles_labels()
    seen: dict[str, object] = {}
    for handle, label in zip(handles, labels):
        seen.setdefault(label, handle)
    if seen:
        ax.legend(list(seen.values()), [t(f"chart.legend.{key}") for key in seen], loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False, borderaxespad=0.0, handlelength=1.8)


def _ticks(count: int, most: int = 8) -> list[int]:
    step = max(1, -(-count // most))
    return list(range(0, count, step))
