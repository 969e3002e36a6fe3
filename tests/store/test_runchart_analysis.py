"""A series judged as a whole: baseline period, periods, verdicts, words, and the
regression cases of issue 18 with their full series."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import i18n
from store.model.records import Measurement
from store.model.runchart import (
    ANHOEJ, ASTRONOMICAL, BAD, BASELINE, FEW_CROSSINGS, FEW_RUNS, GOOD, MANY_RUNS, NEUTRAL, SHIFT, TREND,
    analyse, baseline_line, describe, describe_all, month_year, number, period_lines, point_marks, rules_line,
    summary,
)
from store.model.vocab import Direction


def series(values, start=dt.date(2025, 1, 1)):
    """Monthly measurements from `start`, in order."""
    out = []
    for n, value in enumerate(values):
        y, m = divmod(start.year * 12 + start.month - 1 + n, 12)
        out.append(Measurement(dt.date(y, m + 1, 1), value))
    return out


def kinds(analysis, kind):
    return [s for s in analysis.signals if s.kind == kind]


OLD = [10, 12, 11, 9, 10, 11, 10, 12, 11, 10, 9, 11]
IMPROVED = [20, 21, 19, 22, 20, 21, 22, 20, 21, 19, 22, 21]
K24 = [35, 43, 51, 59, 46, 63, 64, 65, 67, 67, 52, 65, 60, 79, 65, 94, 102, 118, 136]


# issue 18's cases, full series ---------------------------------------------------------------
def test_a_trend_with_points_on_the_median_is_found():
    analysis = analyse(series([9, 1, 3, 5, 7, 9, 5, 2, 8, 5, 6]))
    assert analysis.enough  # 11 measurements, although only 8 lie off the median
    assert [(s.indices, s.side) for s in kinds(analysis, TREND)] == [((1, 2, 3, 4, 5), "up")]
    assert "Nog te weinig" not in " ".join(describe_all(analysis))


def test_two_trends_around_a_repeated_top():
    analysis = analyse(series([1, 2, 3, 4, 5, 5, 4, 3, 2, 1]))
    assert [(s.side, s.count) for s in kinds(analysis, TREND)] == [("up", 5), ("down", 5)]


def test_an_obvious_outlier_after_a_baseline_with_spread():
    analysis = analyse(series([50, 51, 49, 50, 52, 50, 49, 51, 50, 50, 80]), baseline_points=10)
    points = kinds(analysis, ASTRONOMICAL)
    assert [(s.indices, s.value, s.side) for s in points] == [((10,), 80.0, "above")]


def test_no_astronomical_point_from_a_zero_spread():
    # Issue 29: a flat baseline has no limits, so nothing is judged beyond them
    assert kinds(analyse(series([50] * 20 + [80]), baseline_points=20), ASTRONOMICAL) == []
    assert kinds(analyse(series([1, 1, 1, 1, 1, 9, 9, 1, 1, 1, 1, 1])), ASTRONOMICAL) == []


def test_a_ten_point_climb_to_6_flags_neither_6():
    analysis = analyse(series([1, 2, 2, 3, 3, 4, 4, 5, 6, 6]))
    assert kinds(analysis, ASTRONOMICAL) == [] and kinds(analysis, TREND)


def test_a_point_in_a_shift_and_a_trend_carries_both_marks():
    analysis = analyse(series(OLD + [13, 14, 15, 16, 17, 18, 19]), baseline_points=12)
    marks = point_marks(analysis)
    assert any(SHIFT in m and TREND in m for m in marks), marks


def test_the_end_of_a_climb_is_a_trend_not_an_outlier():
    # demo K-24; its action started in its second month: too short a baseline
    analysis = analyse(series(K24, dt.date(2025, 5, 1)), baseline_end=dt.date(2025, 6, 13))
    assert analysis.baseline == 2 and analysis.baseline_short and analysis.split is None
    assert kinds(analysis, ASTRONOMICAL) == []
    closing = [s for s in kinds(analysis, TREND) if 18 in s.indices]
    assert closing and closing[0].verdict == GOOD and closing[0].indices[0] == 14
    assert "Basisperiode te kort (2 van minimaal 10 metingen)" in baseline_line(analysis)


def test_old_level_in_the_baseline_is_no_bad_news_and_the_improvement_is_good_news():
    analysis = analyse(series(OLD + IMPROVED), baseline_points=12)
    assert analysis.median == 10.5 and analysis.median_points == 12 and analysis.split == 12
    shifts = kinds(analysis, SHIFT)
    assert [(s.side, s.indices[0], s.count, s.verdict) for s in shifts] == [("above", 12, 12, GOOD)]
    assert BAD not in {s.verdict for s in analysis.signals}
    assert "verschuiving: 12 punten boven de mediaan sinds januari 2026 (goed nieuws)" in describe_all(analysis)


def test_lower_is_better_turns_the_same_shift_into_bad_news():
    analysis = analyse(series(OLD + IMPROVED), Direction.LOWER, baseline_points=12)
    assert [s.verdict for s in kinds(analysis, SHIFT)] == [BAD]
    assert "verschuiving ↑ slecht" in summary(analysis)


def test_a_shift_late_in_a_long_series_is_found():
    # issue 18: past 24 points the old code lost a 9-point run below the median
    values = [10, 12] * 12 + [5, 6, 5, 4, 6, 5, 4, 5, 6]
    analysis = analyse(series(values), Direction.LOWER, baseline_points=24)
    assert [(s.side, s.count, s.verdict) for s in kinds(analysis, SHIFT)] == [("below", 9, GOOD)]


# the baseline period ------------------------------------------------------------------------
def test_baseline_by_date_freezes_the_median_and_splits_the_rules():
    analysis = analyse(series(OLD + IMPROVED), baseline_end=dt.date(2025, 12, 31))
    assert analysis.split == 12 and analysis.median == 10.5
    base, later = analysis.periods
    assert (base.start, base.stop, base.is_baseline, later.start, later.stop) == (0, 12, True, 12, 24)
    assert later.runs == 1 and later.runs_limits == (3, 11)
    assert all(max(s.indices, default=12) < 12 or min(s.indices, default=12) >= 12 for s in analysis.signals)
    assert "de eerste 12 metingen (t/m 1 dec 2025), mediaan 10,5" in baseline_line(analysis)


def test_without_a_baseline_choice_every_point_is_baseline_and_nothing_is_news():
    analysis = analyse(series(OLD + IMPROVED))
    assert analysis.split is None and analysis.median == 15.5
    assert {s.verdict for s in analysis.signals} == {BASELINE}
    assert "beginsituatie" in baseline_line(analysis)
    assert "basisperiode: zegt niets over de verandering" in describe_all(analysis)[0]


def test_a_short_baseline_says_so_and_judges_the_whole_series():
    analysis = analyse(series(OLD[:4] + IMPROVED), baseline_points=4)
    assert analysis.baseline_short and analysis.median_points == 16 and len(analysis.periods) == 1
    assert analyse(series(OLD[:4] + IMPROVED), baseline_points=4, minimum=4).split == 4


def test_signals_in_the_baseline_are_never_news():
    analysis = analyse(series(list(range(1, 13)) + OLD), baseline_points=12)
    trend = kinds(analysis, TREND)[0]
    assert trend.indices[-1] < 12 and trend.verdict == BASELINE
    runs = kinds(analysis, FEW_RUNS)
    assert runs and runs[0].verdict == BASELINE and "te weinig runs" in summary(analysis)


def test_too_few_measurements_in_all():
    analysis = analyse(series([1, 9, 1, 9, 1, 9, 1, 9, 1]))
    assert not analysis.enough and analysis.signals == ()
    assert describe_all(analysis) == ["Nog te weinig metingen voor de runchartregels: 9 van de 10."]
    assert analyse([]).median is None and describe_all(analyse([]))[0].startswith("Nog geen metingen")


# runs and crossings --------------------------------------------------------------------------
def test_too_few_and_too_many_runs_use_the_printed_table():
    few = analyse(series([1, 2, 1, 2, 1, 2, 1, 2, 9, 8, 9, 8, 9, 8, 9, 8]))
    assert [(s.count, s.low, s.high) for s in kinds(few, FEW_RUNS)] == [(2, 5, 13)]
    many = analyse(series([1, 9] * 6))  # 12 runs in 12 useful points; printed upper limit 11
    signal = kinds(many, MANY_RUNS)[0]
    assert signal.verdict == BASELINE and (signal.low, signal.high) == (3, 11)
    assert describe(signal, many).startswith("te veel runs: 12, verwacht 3 tot 11 bij 12 punten")
    eleven = analyse(series([1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 9, 1]))  # 11 runs: at the printed limit, no signal
    assert eleven.periods[0].runs == 11 and kinds(eleven, MANY_RUNS) == []


def test_beyond_the_table_the_normal_approximation_is_named():
    analysis = analyse(series([1, 9] * 35))
    period = analysis.periods[0]
    assert period.useful == 70 and period.approximate and period.runs_limits == (28, 44)
    assert "normale benadering" in period_lines(analysis)[0]
    assert "Swed-Eisenhart" in rules_line(analysis)


def test_anhoej_rules():
    analysis = analyse(series(OLD + IMPROVED), baseline_points=12, rule_set=ANHOEJ)
    assert kinds(analysis, TREND) == [] and kinds(analysis, FEW_RUNS) == []
    shift = kinds(analysis, SHIFT)[0]
    assert (shift.count, shift.verdict, shift.high) == (12, GOOD, 7)  # longer than round(log2(12) + 3)
    crossings = kinds(analysis, FEW_CROSSINGS)[0]
    assert (crossings.count, crossings.low, crossings.verdict) == (0, 3, NEUTRAL)
    assert rules_line(analysis).startswith("Regels (Anhøj 2014)")
    assert "langste run 12 (grens 7), 0 kruisingen (minimaal 3)" in period_lines(analysis)[1]
    # a run of 7 in 12 useful points is no Anhøj shift, but an IHI one
    seven = OLD + [12] * 7 + [9] * 5  # after the baseline (median 10.5): seven above, five below
    assert kinds(analyse(series(seven), baseline_points=12, rule_set=ANHOEJ), SHIFT) == []
    assert [s.count for s in kinds(analyse(series(seven), baseline_points=12), SHIFT)] == [7]


def test_the_screen_names_the_ihi_rules_applied():
    text = rules_line(analyse(series(OLD)))
    assert text.startswith("Regels (IHI, Perla 2011)") and "Perla tabel 1" in text
    assert "I-kaart" in text and "Provost & Murray 2011" in text  # the astronomical point's published source


# astronomical points -----------------------------------------------------------------------
def test_astronomical_point_against_the_baseline_spread():
    values = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 40, 11, 13]
    analysis = analyse(series(values), Direction.LOWER, baseline_points=10)
    points = kinds(analysis, ASTRONOMICAL)
    assert [s.indices for s in points] == [(10,)] and points[0].verdict == BAD
    assert describe(points[0]) == "uitschieter: 40 in november 2025, ver boven de gewone spreiding (slecht nieuws)"
    assert kinds(analyse(series(values[:10] + [15, 11, 13]), baseline_points=10), ASTRONOMICAL) == []
    assert kinds(analyse(series(range(1, 13))), ASTRONOMICAL) == []  # a steady climb


def test_an_improvement_is_a_shift_not_a_row_of_outliers():
    analysis = analyse(series(OLD + [40] * 8), baseline_points=12)
    assert kinds(analysis, ASTRONOMICAL) == [] and kinds(analysis, SHIFT)[0].count == 8


# words ---------------------------------------------------------------------------------------
def test_words_in_english():
    i18n.set_language("en")
    analysis = analyse(series(OLD + IMPROVED), baseline_points=12)
    assert "shift: 12 points above the median since January 2026 (good news)" in describe_all(analysis)
    assert month_year(dt.date(2026, 3, 1)) == "March 2026" and number(7.5) == "7.5"
    assert rules_line(analysis).startswith("Rules (IHI, Perla 2011)")


def test_numbers_use_the_dutch_decimal_comma_and_stay_short():
    assert number(7.5) == "7,5" and number(12.0) == "12" and number(None) == "-"
    assert number(1e308) == "1e+308" and number(float("inf")) == "inf"
    assert number("veel\x1b[2J") == "veel[2J"  # a hand-edited value is shown, cleaned, never judged
    assert month_year(dt.date(2026, 3, 1), short=True) == "mrt 2026"


def test_point_marks_list_each_signal_once_per_point():
    marks = point_marks(analyse(series(range(1, 13))))
    assert marks[0] == [SHIFT, TREND] and marks[11] == [SHIFT, TREND]


def test_measurements_are_analysed_in_date_order():
    assert analyse(list(reversed(series(OLD)))).values == tuple(float(v) for v in OLD)


# invariants ----------------------------------------------------------------------------------
values_lists = st.lists(st.integers(min_value=0, max_value=6).map(float), max_size=40)
choices = st.one_of(st.none(), st.integers(min_value=0, max_value=45))


@given(values_lists, choices, st.sampled_from(["ihi", "anhoej"]))
def test_any_series_is_judged_without_error_and_baseline_signals_are_never_news(values, first, rule_set):
    analysis = analyse(series(values), baseline_points=first, rule_set=rule_set)
    assert analysis.enough == (len(values) >= 10)
    if not analysis.enough:
        assert analysis.signals == ()
    base = analysis.baseline
    for signal in analysis.signals:
        if signal.indices and min(signal.indices) < base:
            assert signal.verdict in (BASELINE, NEUTRAL)
        if analysis.split is not None and signal.indices:
            assert max(signal.indices) < analysis.split or min(signal.indices) >= analysis.split
    assert len(describe_all(analysis)) >= 1 and summary(analysis)


# Perla 2011 table 1, row by row, through the whole analysis ----------------------------------
def _with_runs(useful: int, runs: int) -> list[float]:
    """`useful` points off the median in `runs` runs, starting above; two points on
    the median (5) keep it at 5 for an odd count too, and count for nothing."""
    above, below = useful - useful // 2, useful // 2
    up_runs, down_runs = (runs + 1) // 2, runs // 2
    sizes = {1: [1] * up_runs, -1: [1] * down_runs}
    sizes[1][0] += above - up_runs
    if down_runs:
        sizes[-1][0] += below - down_runs
    values = [5.0, 5.0]
    for k in range(runs):
        side = 1 if k % 2 == 0 else -1
        values += [10.0 if side > 0 else 0.0] * sizes[side][k // 2]
    return values


@pytest.mark.parametrize("useful", range(10, 61))
def test_perla_table_row_decides_too_few_and_too_many_runs(useful):
    from store.model.runchart.tables import PERLA_TABLE

    low, high = PERLA_TABLE[useful]
    for runs, expected in ((low - 1, FEW_RUNS), (low, None), (high, None), (high + 1, MANY_RUNS)):
        values = _with_runs(useful, runs)
        analysis = analyse(series(values))
        period = analysis.periods[0]
        assert (period.useful, period.runs, analysis.median) == (useful, runs, 5.0)
        found = [s.kind for s in analysis.signals if s.kind in (FEW_RUNS, MANY_RUNS)]
        assert found == ([expected] if expected else []), (useful, runs)


@pytest.mark.parametrize("useful, low, high", [(33, 12, 23), (35, 12, 24), (41, 15, 27), (43, 16, 28), (56, 22, 35)])
def test_the_five_rows_issue_29_corrected_are_as_printed(useful, low, high):
    from store.model.runchart.tables import PERLA_TABLE

    assert PERLA_TABLE[useful] == (low, high)
