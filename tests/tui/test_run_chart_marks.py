"""Issue 29: a point in a shift and a trend shows both, on screen (one cell: its own
mark, named in the legend) and in the table."""

from __future__ import annotations

import datetime as dt

from store.model.records import Kpi, Measurement
from store.model.runchart import SHIFT, TREND, analyse, point_marks
from store.model.kpis import point_rows
from tui.widgets.run_chart import BOTH, legend, signal_marker

OLD = [10, 12, 11, 9, 10, 11, 10, 12, 11, 10, 9, 11]


def _series(values):
    return [Measurement(dt.date(2025 + (n // 12), n % 12 + 1, 1), v) for n, v in enumerate(values)]


def test_a_point_in_a_shift_and_a_trend_shows_both():
    measurements = _series(OLD + [13, 14, 15, 16, 17, 18, 19])
    analysis = analyse(measurements, baseline_points=12)
    both = [i for i, marks in enumerate(point_marks(analysis)) if SHIFT in marks and TREND in marks]
    assert both
    assert signal_marker([SHIFT, TREND]) == BOTH and signal_marker([SHIFT]) == SHIFT
    assert "B verschuiving én trend" in legend(None, analysis)
    kpi = Kpi(action="A-1", name="x", measurements=measurements)
    row = point_rows(kpi, analysis)[both[0]]
    assert "verschuiving" in row[2] and "trend" in row[2]
