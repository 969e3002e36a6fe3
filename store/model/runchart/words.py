"""An analysis in words: the signal lines under a chart, the list column, and
the lines that say which baseline and which rules were applied."""

from __future__ import annotations

import datetime as dt
import math

from store.dates import month_name
from store.i18n import t
from store.model.runchart.analysis import (
    ANHOEJ, ASTRONOMICAL, FEW_CROSSINGS, FEW_RUNS, MANY_RUNS, NEUTRAL, Analysis, Period, Signal,
)


def month_year(date: dt.date, short: bool = False) -> str:
    """'maart 2026' (or 'mrt 2026'): month names from store.dates, never the locale."""
    return f"{month_name(date.month, short)} {date.year}"


# Units that only say "a count": '20' says it already ("nulmeting 20", not "20 aantal").
_COUNT_UNITS = {"aantal", "count", "number", "stuks", "keer", "times", "#"}


def quantity(value: float | None, measure_unit: str) -> str:
    """A value with its unit as a sentence shows it ('14 min', '80%', '20'); '-' for none."""
    from store.text import visible_line

    unit = visible_line(measure_unit or "").strip()
    text = number(value)
    if value is None or not unit or unit.casefold() in _COUNT_UNITS:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def number(value: float | None) -> str:
    """A value as people write it: no '.0', the decimal comma in Dutch."""
    if value is None:
        return "-"
    if isinstance(value, bool) or not isinstance(value, (int, float)):  # a hand-edited file: shown, never judged
        from store.text import visible_line

        return visible_line(str(value))
    if not math.isfinite(value) or abs(value) >= 1e15:  # no 300-digit integers
        text = f"{value:.6g}"
    else:
        # 15 significant digits: 999999999.99 stays itself (10 would show 1000000000),
        # while float noise in a computed median (0.30000000000000004) does not show
        text = f"{value:.15g}" if value != int(value) else str(int(value))
    return text.replace(".", ",") if t("kpi.decimal") == "," else text


def describe(signal: Signal, analysis: Analysis | None = None) -> str:
    """One line: 'verschuiving: 6 punten boven de mediaan sinds maart 2026 (goed nieuws)'."""
    since = month_year(signal.first_date) if signal.first_date else ""
    if signal.kind in (FEW_RUNS, MANY_RUNS):
        text = t(f"kpi.signal.{signal.kind}", runs=signal.count, low=signal.low, high=signal.high, useful=signal.useful)
    elif signal.kind == FEW_CROSSINGS:
        text = t("kpi.signal.few_crossings", count=signal.count, low=signal.low, useful=signal.useful)
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
        return [t("kpi.too_few", n=len(analysis.values), needed=analysis.minimum)]
    return [describe(s, analysis) for s in analysis.signals] or [t("kpi.no_signal")]


def baseline_line(analysis: Analysis) -> str:
    """Which points the median comes from, and why."""
    if not analysis.values:
        return ""
    if analysis.baseline_short:
        return t("kpi.baseline.short", n=analysis.baseline, needed=analysis.minimum)
    if analysis.split is None:
        return t("kpi.baseline.all", n=len(analysis.values))
    until = analysis.dates[analysis.split - 1]
    return t("kpi.baseline.split", n=analysis.split, until=f"{until.day} {month_year(until, short=True)}",
             median=number(analysis.median))


def rules_line(analysis: Analysis) -> str:
    """The rules actually applied, as the screen names them."""
    return t("kpi.rules.anhoej" if analysis.rules == ANHOEJ else "kpi.rules.ihi", minimum=analysis.minimum)


def period_lines(analysis: Analysis) -> list[str]:
    """Per period what the rules counted: useful points, runs and their limits."""
    return [_period_line(p, analysis) for p in analysis.periods]


def _period_line(period: Period, analysis: Analysis) -> str:
    name = t("kpi.period.baseline" if period.is_baseline and analysis.split is not None else
             "kpi.period.later" if analysis.split is not None else "kpi.period.all")
    if analysis.rules == ANHOEJ:
        counts = t("kpi.period.anhoej", longest=period.longest, longest_limit=period.longest_limit,
                   crossings=period.crossings, crossings_limit=period.crossings_limit)
    elif period.runs_limits is None:
        counts = t("kpi.period.runs_none", runs=period.runs)
    else:
        key = "kpi.period.runs_approx" if period.approximate else "kpi.period.runs"
        counts = t(key, runs=period.runs, low=period.runs_limits[0], high=period.runs_limits[1])
    return t("kpi.period.line", name=name, n=period.stop - period.start, useful=period.useful, counts=counts)


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
