"""The run-chart rules against worked examples, edge cases and invariants."""

from __future__ import annotations

import datetime as dt
from math import comb

from hypothesis import given
from hypothesis import strategies as st

from store import i18n
from store.records import Measurement
from store.runchart import (
    ASTRONOMICAL, BAD, FEW_RUNS, GOOD, MANY_RUNS, NEUTRAL, RUNS_LIMITS, SHIFT, TREND,
    analyse, centre, count_runs, describe, describe_all, month_year, number, point_marks,
    runs_limits, shifts, sides, summary, trends,
)
from store.vocab import Direction


def series(values, start=dt.date(2025, 1, 1)):
    """Monthly measurements from `start`, in order."""
    out = []
    for n, value in enumerate(values):
        y, m = divmod(start.year * 12 + start.month - 1 + n, 12)
        out.append(Measurement(dt.date(y, m + 1, 1), value))
    return out


# median and runs -------------------------------------------------------------------
def test_median_of_all_points_and_of_the_baseline_period_when_long():
    assert centre([3, 1, 2]) == 2
    assert centre([4, 1, 3, 2]) == 2.5
    assert centre([]) is None
    long = [1.0] * 24 + [100.0] * 10  # the later jump does not drag the centre line
    assert centre(long) == 1.0
    assert analyse(series(long)).median_points == 24


def test_runs_worked_example():
    # median 5; sides: - - + + - + + + -  (the two 5s are skipped) -> 5 runs
    values = [1, 2, 5, 8, 9, 3, 5, 7, 8, 9, 4]
    assert centre(values) == 5
    assert count_runs(values, 5) == 5
    assert [i for i, _ in sides(values, 5)] == [0, 1, 3, 4, 5, 7, 8, 9, 10]


def test_points_on_the_median_neither_break_nor_add_to_a_shift():
    mid = 5
    # five above, one on the median, one more above: six useful points above -> shift
    values = [6, 7, 6, 8, 7, 5, 6, 1]
    assert shifts(values, mid) == [((0, 1, 2, 3, 4, 6), 1)]
    # five above with the median point between: only five useful -> no shift
    assert shifts([6, 7, 5, 6, 8, 7, 1], mid) == []
    # a median point does not count as a run either
    assert count_runs([6, 5, 7, 5, 4], mid) == 2


def test_shift_below_and_exactly_six():
    assert shifts([1, 2, 1, 2, 1, 2, 9], 5) == [((0, 1, 2, 3, 4, 5), -1)]
    assert shifts([1, 2, 1, 2, 1, 9], 5) == []


def test_trend_worked_examples():
    assert trends([1, 2, 3, 4, 5]) == [((0, 1, 2, 3, 4), 1)]
    assert trends([1, 2, 3, 4]) == []
    assert trends([9, 8, 7, 6, 5, 7]) == [((0, 1, 2, 3, 4), -1)]
    # a turning point belongs to both sides
    assert trends([5, 4, 3, 2, 1, 2, 3, 4, 5]) == [((0, 1, 2, 3, 4), -1), ((4, 5, 6, 7, 8), 1)]


def test_ties_in_a_trend_neither_add_nor_break():
    # 1 2 2 3 4: only four distinct steps' worth of points -> no trend
    assert trends([1, 2, 2, 3, 4]) == []
    # 1 2 2 3 4 5: the tie is skipped, five counted points -> a trend over the whole span
    assert trends([1, 2, 2, 3, 4, 5]) == [((0, 1, 2, 3, 4, 5), 1)]
    analysis = analyse(series([1, 2, 2, 3, 4, 5, 1, 9, 1, 9, 1, 9]), Direction.HIGHER)
    trend = next(s for s in analysis.signals if s.kind == TREND)
    assert trend.count == 5 and trend.indices == (0, 1, 2, 3, 4, 5)


# the table ---------------------------------------------------------------------------
def _runs_pmf(n1: int, n2: int) -> dict[int, float]:
    """Swed-Eisenhart: P(R = r) for n1 and n2 points on either side."""
    total, pmf = comb(n1 + n2, n1), {}
    for r in range(2, n1 + n2 + 1):
        k = r // 2
        if r % 2 == 0:
            ways = 2 * comb(n1 - 1, k - 1) * comb(n2 - 1, k - 1)
        else:
            ways = comb(n1 - 1, k) * comb(n2 - 1, k - 1) + comb(n1 - 1, k - 1) * comb(n2 - 1, k)
        pmf[r] = ways / total
    return pmf


def test_runs_limits_are_the_swed_eisenhart_tails_for_10_to_60():
    assert sorted(RUNS_LIMITS) == list(range(10, 61))
    for n, (low, high) in RUNS_LIMITS.items():
        pmf = _runs_pmf(n // 2, n - n // 2)
        below = sum(p for r, p in pmf.items() if r < low)
        above = sum(p for r, p in pmf.items() if r > high)
        assert below <= 0.025 < below + pmf[low], n
        assert above <= 0.025 < above + pmf[high], n


def test_runs_rule_does_not_apply_below_ten_useful_points():
    assert runs_limits(9) is None and runs_limits(61) is None
    analysis = analyse(series([1, 9, 1, 9, 1, 9, 1, 9, 1]))  # median 1: four useful points
    assert not analysis.enough and analysis.signals == ()
    assert "4 van de 10" in describe_all(analysis)[0]
    ten = analyse(series(range(1, 11)))  # median 5.5: ten useful points, the rules apply
    assert ten.enough and ten.limits == (3, 9) and ten.runs == 2


def test_too_few_and_too_many_runs():
    few = analyse(series([1, 2, 1, 2, 1, 2, 1, 2, 9, 8, 9, 8, 9, 8, 9, 8]))  # median 5: 2 runs
    assert few.runs == 2 and few.limits == (5, 13)
    assert [s.kind for s in few.signals if s.kind in (FEW_RUNS, MANY_RUNS)] == [FEW_RUNS]
    many = analyse(series([1, 9] * 8))  # 16 runs in 16 points
    assert many.runs == 16
    signal = next(s for s in many.signals if s.kind == MANY_RUNS)
    assert signal.verdict == NEUTRAL
    assert describe(signal, many).startswith("te veel runs: 16, verwacht 5 tot 13 bij 16 punten")


def test_astronomical_point_beyond_three_sigma_of_the_moving_range():
    values = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 40, 11, 13]  # median 12: ten useful
    analysis = analyse(series(values), Direction.LOWER)
    points = [s for s in analysis.signals if s.kind == ASTRONOMICAL]
    assert [s.indices for s in points] == [(10,)]
    assert points[0].verdict == BAD and points[0].side == "above"  # lower is better
    assert describe(points[0], analysis) == "uitschieter: 40 in november 2025, ver boven de gewone spreiding (slecht nieuws)"
    assert not [s for s in analyse(series(values[:10] + [15, 11, 13])).signals if s.kind == ASTRONOMICAL]
    # a steady climb: its ends are far from the median in moving-range sigmas, but
    # not apart from the rest of the data, so they are no astronomical points
    assert not [s for s in analyse(series(range(1, 13))).signals if s.kind == ASTRONOMICAL]


# verdicts and words ---------------------------------------------------------------------
SHIFTED = [10, 12, 11, 9, 10, 11, 10, 12, 20, 21, 22, 20, 21, 22, 21, 20]


def test_shift_is_good_or_bad_news_by_direction_and_said_in_words():
    up = analyse(series(SHIFTED, dt.date(2025, 11, 1)), Direction.HIGHER)
    shift = next(s for s in up.signals if s.kind == SHIFT and s.side == "above")
    assert shift.verdict == GOOD and shift.count == 8 and shift.first_date == dt.date(2026, 7, 1)
    assert describe(shift, up) == "verschuiving: 8 punten boven de mediaan sinds juli 2026 (goed nieuws)"
    down = analyse(series(SHIFTED, dt.date(2025, 11, 1)), Direction.LOWER)
    assert next(s for s in down.signals if s.kind == SHIFT and s.side == "above").verdict == BAD
    assert "verschuiving ↑ slecht" in summary(down)


def test_words_in_english():
    i18n.set_language("en")
    analysis = analyse(series(SHIFTED, dt.date(2025, 11, 1)), Direction.HIGHER)
    texts = describe_all(analysis)
    assert "shift: 8 points above the median since July 2026 (good news)" in texts
    assert month_year(dt.date(2026, 3, 1)) == "March 2026" and number(7.5) == "7.5"


def test_numbers_use_the_dutch_decimal_comma():
    assert number(7.5) == "7,5" and number(12.0) == "12" and number(None) == "-"
    assert month_year(dt.date(2026, 3, 1), short=True) == "mrt 2026"


def test_empty_and_no_signal_texts():
    assert describe_all(analyse([])) == ["Nog geen metingen. Druk n om de eerste meting in te voeren."]
    assert summary(analyse([])) == "geen metingen"
    calm = analyse(series([5, 7, 6, 3, 4, 8, 7, 2, 3, 6, 8, 4]))  # 7 runs, limits 4-10
    assert calm.enough and calm.signals == ()
    assert describe_all(calm) == ["Geen signalen: de variatie past bij toeval."]


def test_point_marks_list_each_signal_once_per_point():
    analysis = analyse(series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))
    marks = point_marks(analysis)
    assert marks[0] == [SHIFT, TREND] and marks[11] == [SHIFT, TREND]


def test_measurements_are_analysed_in_date_order():
    unordered = list(reversed(series(SHIFTED)))
    assert analyse(unordered).values == tuple(float(v) for v in SHIFTED)


# invariants ------------------------------------------------------------------------------
values_lists = st.lists(st.integers(min_value=0, max_value=6).map(float), max_size=40)


@given(values_lists)
def test_runs_equal_crossings_plus_one(values):
    mid = centre(values)
    if mid is None:
        return
    useful = [s for _, s in sides(values, mid)]
    crossings = sum(1 for a, b in zip(useful, useful[1:]) if a != b)
    assert count_runs(values, mid) == (crossings + 1 if useful else 0)


@given(values_lists)
def test_shift_points_are_on_one_side_and_consecutive_among_useful_points(values):
    mid = centre(values)
    if mid is None:
        return
    useful = [i for i, _ in sides(values, mid)]
    for indices, side in shifts(values, mid):
        assert len(indices) >= 6
        assert all((values[i] > mid) == (side > 0) and values[i] != mid for i in indices)
        start = useful.index(indices[0])
        assert list(indices) == useful[start:start + len(indices)]


@given(values_lists)
def test_trend_spans_move_one_way_and_count_at_least_five_distinct_steps(values):
    for indices, step in trends(values):
        moves = [(values[b] > values[a]) - (values[b] < values[a]) for a, b in zip(indices, indices[1:])]
        assert all(m in (0, step) for m in moves)
        assert 1 + sum(1 for m in moves if m) >= 5


@given(values_lists)
def test_signals_only_with_enough_useful_points(values):
    analysis = analyse(series(values))
    assert analysis.enough == (analysis.useful >= 10)
    if not analysis.enough:
        assert analysis.signals == ()
