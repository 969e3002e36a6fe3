"""`spiegel kpi show`: a KPI, its measurements and its run-chart analysis, in
words (the UI language) or as JSON."""

from __future__ import annotations

from cli.output import echo, table
from store.i18n import t
from store.model.kpis import measurement_problems, point_rows
from store.model.records import Kpi
from store.model.runchart import Analysis, Signal, baseline_line, describe, describe_all, number, period_lines, rules_line


def kpi_text(kpi: Kpi, analysis: Analysis) -> None:
    unit = f" {kpi.measure_unit}" if kpi.measure_unit else ""
    echo(f"{kpi.id}  {kpi.name}  ({kpi.unit}, {kpi.action})")
    echo("  " + t("kpi.show.facts", direction=kpi.direction.label, baseline=number(kpi.baseline) + unit,
                  target=number(kpi.target) + unit, n=len(kpi.measurements)))
    for measurement, problem in measurement_problems(kpi):
        echo(f"  ! {t('kpi.value.stored', date=measurement.date.isoformat(), problem=problem)}")
    if analysis.values:
        echo("  " + baseline_line(analysis))
        echo("  " + t("kpi.show.median", median=number(analysis.median), n=analysis.median_points))
        for line in period_lines(analysis):
            echo(f"  {line}")
    echo(t("kpi.show.signals"))
    lines = describe_all(analysis)  # one per signal, or why there are none
    for signal, line in zip(analysis.signals or [None] * len(lines), lines):
        echo(f"  {line}{_where(signal, analysis)}")
    echo("  " + rules_line(analysis))
    if analysis.values:
        echo(t("kpi.show.measurements"))
        headers = [t("kpi.col.date"), t("kpi.col.value"), t("kpi.col.signal"), t("kpi.col.note")]
        table(headers, [list(row) for row in point_rows(kpi, analysis)], shrink=(3,))


def _where(signal: Signal | None, analysis: Analysis) -> str:
    """' [punten 11-18: 2026-04-01 t/m 2026-11-01]' for a signal with points."""
    if signal is None or not signal.indices:
        return ""
    first, last = signal.indices[0], signal.indices[-1]
    return " " + t("kpi.show.points", first=first + 1, last=last + 1,
                   start=analysis.dates[first].isoformat(), end=analysis.dates[last].isoformat())


def kpi_json(kpi: Kpi, analysis: Analysis) -> dict:
    split = analysis.split
    return {
        "kpi": {**{k: v for k, v in kpi.to_doc().items() if k != "log"}, "unit": kpi.unit},  # the log: spiegel show
        "unusable": [{"date": m.date.isoformat(), "value": m.value if isinstance(m.value, (int, float, str)) else None,
                      "problem": problem} for m, problem in measurement_problems(kpi)],
        "analysis": {
            "rules": analysis.rules,
            "enough": analysis.enough,
            "minimum": analysis.minimum,
            "median": analysis.median,
            "median_points": analysis.median_points,
            "baseline": {"points": analysis.baseline, "too_short": analysis.baseline_short,
                         "last_date": analysis.dates[split - 1].isoformat() if split else None,
                         "text": baseline_line(analysis)},
            "periods": [{"first": p.start + 1, "last": p.stop, "baseline": p.is_baseline, "useful": p.useful,
                         "runs": p.runs, "runs_limits": list(p.runs_limits) if p.runs_limits else None,
                         "runs_limits_approximate": p.approximate, "longest_run": p.longest,
                         "longest_run_limit": p.longest_limit, "crossings": p.crossings,
                         "crossings_limit": p.crossings_limit} for p in analysis.periods],
            "signals": [_signal_json(s, analysis) for s in analysis.signals],
            "text": describe_all(analysis),
            "rules_text": rules_line(analysis),
        },
    }


def _signal_json(signal: Signal, analysis: Analysis) -> dict:
    return {
        "kind": signal.kind, "side": signal.side or None, "verdict": signal.verdict, "count": signal.count,
        "points": [i + 1 for i in signal.indices], "dates": [analysis.dates[i].isoformat() for i in signal.indices],
        "value": signal.value, "limits": [signal.low, signal.high], "text": describe(signal, analysis),
    }
