"""The run-chart rules one by one: worked examples from the papers, the printed
table, edge cases (ties, points on the median, all-equal series) and invariants."""

from __future__ import annotations

from math import comb

from hypothesis import given
from hypothesis import strategies as st

from store.model.runchart.rules import (
    beyond_limits, count_runs, crossings, i_chart_limits, longest_run, shifts, sides, trend_points, trends,
)
from store.model.runchart.tables import (
    PERLA_TABLE, anhoej_longest_run, anhoej_min_crossings, approximate_limits, perla_limits,
)


# median sides, runs and shifts ------------------------------------------------------
def test_runs_worked_example():
    # median 5; sides: - - + + - + + + -  (the two 5s are skipped) -> 5 runs, 4 crossings
    values = [1, 2, 5, 8, 9, 3, 5, 7, 8, 9, 4]
    assert count_runs(values, 5) == 5 and crossings(values, 5) == 4
    assert [i for i, _ in sides(values, 5)] == [0, 1, 3, 4, 5, 7, 8, 9, 10]
    assert longest_run(values, 5) == 3


def test_points_on_the_median_neither_break_nor_add_to_a_shift():
    # five above, one on the median, one more above: six useful points above -> shift
    assert shifts([6, 7, 6, 8, 7, 5, 6, 1], 5) == [((0, 1, 2, 3, 4, 6), 1)]
    assert shifts([6, 7, 5, 6, 8, 7, 1], 5) == []  # only five useful above
    assert count_runs([6, 5, 7, 5, 4], 5) == 2


def test_shift_below_exactly_six_and_a_longer_limit():
    assert shifts([1, 2, 1, 2, 1, 2, 9], 5) == [((0, 1, 2, 3, 4, 5), -1)]
    assert shifts([1, 2, 1, 2, 1, 9], 5) == []
    assert shifts([1, 2, 1, 2, 1, 2, 9], 5, length=7) == []


def test_an_all_equal_series_has_no_runs_and_no_trend():
    assert count_runs([4] * 12, 4) == 0 and crossings([4] * 12, 4) == 0 and longest_run([4] * 12, 4) == 0
    assert trends([4] * 12) == [] and shifts([4] * 12, 4) == []


# trends -----------------------------------------------------------------------------
def test_trend_worked_examples():
    assert trends([1, 2, 3, 4, 5]) == [((0, 1, 2, 3, 4), 1)]
    assert trends([1, 2, 3, 4]) == []
    assert trends([9, 8, 7, 6, 5, 7]) == [((0, 1, 2, 3, 4), -1)]
    # a turning point belongs to both trends
    assert trends([5, 4, 3, 2, 1, 2, 3, 4, 5]) == [((0, 1, 2, 3, 4), -1), ((4, 5, 6, 7, 8), 1)]


def test_repeated_values_in_a_trend_are_not_counted():
    assert trends([1, 2, 2, 3, 4]) == []  # four counted points
    assert trends([1, 2, 2, 3, 4, 5]) == [((0, 1, 2, 3, 4, 5), 1)]
    assert trend_points([1, 2, 2, 3, 4, 5], range(6)) == 5


def test_the_trend_rule_does_not_look_at_the_median():
    # issue 18: both series have points on the median, and trends all the same
    assert trends([9, 1, 3, 5, 7, 9, 5, 2, 8, 5, 6]) == [((1, 2, 3, 4, 5), 1)]
    assert trends([1, 2, 3, 4, 5, 5, 4, 3, 2, 1]) == [((0, 1, 2, 3, 4), 1), ((5, 6, 7, 8, 9), -1)]


# the tables ---------------------------------------------------------------------------
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


def test_perla_table_as_printed():
    assert sorted(PERLA_TABLE) == list(range(10, 61))
    # rows quoted in issue 18 and the first and last rows of the printed table
    assert perla_limits(10) == (3, 9) and perla_limits(12) == (3, 11) and perla_limits(60) == (24, 38)
    assert perla_limits(9) is None and perla_limits(61) is None
    lows, highs = [PERLA_TABLE[n][0] for n in range(10, 61)], [PERLA_TABLE[n][1] for n in range(10, 61)]
    assert lows == sorted(lows) and highs == sorted(highs)


def test_perla_table_is_within_one_run_of_the_exact_tails():
    """Printed, not computed: each limit lies within one run of the exact 2.5 %
    Swed-Eisenhart tail for an even split, and some rows do differ."""
    differing = 0
    for n, (low, high) in PERLA_TABLE.items():
        pmf = _runs_pmf(n // 2, n - n // 2)
        exact_low = min(r for r in pmf if sum(p for q, p in pmf.items() if q <= r) > 0.025)
        exact_high = max(r for r in pmf if sum(p for q, p in pmf.items() if q >= r) > 0.025)
        assert abs(low - exact_low) <= 1 and abs(high - exact_high) <= 1, n
        differing += (low, high) != (exact_low, exact_high)
    assert differing > 0


def test_normal_approximation_beyond_the_table():
    assert approximate_limits(20, 20) == PERLA_TABLE[40]  # agrees where both exist
    assert approximate_limits(30, 30) == PERLA_TABLE[60]
    low, high = approximate_limits(40, 41)
    assert 30 < low < 41 < high < 52
    assert approximate_limits(0, 70) is None


def test_anhoej_limits_worked_examples():
    # Anhøj & Olesen 2014 / qicharts2: 24 useful points -> longest run > 8 or crossings < 8
    assert (anhoej_longest_run(24), anhoej_min_crossings(24)) == (8, 8)
    assert (anhoej_longest_run(10), anhoej_min_crossings(10)) == (6, 2)
    assert (anhoej_longest_run(12), anhoej_min_crossings(12)) == (7, 3)
    assert (anhoej_longest_run(40), anhoej_min_crossings(40)) == (8, 14)
    assert anhoej_min_crossings(1) == 0 and anhoej_longest_run(0) == 0


@given(st.integers(min_value=2, max_value=200))
def test_anhoej_crossings_limit_is_the_binomial_5_percent_quantile(n):
    c = anhoej_min_crossings(n)
    cdf = lambda x: sum(comb(n - 1, k) for k in range(x + 1)) / 2 ** (n - 1)  # noqa: E731
    assert cdf(c) >= 0.05 and (c == 0 or cdf(c - 1) < 0.05)


# spread ----------------------------------------------------------------------------------
def test_i_chart_limits_from_the_average_moving_range():
    assert i_chart_limits([5]) is None
    values = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12]  # moving ranges 2,1,2,3,2,1,2,3,2: average 2
    centre, low, high = i_chart_limits(values)
    assert centre == 11.4 and abs(low - (11.4 - 5.32)) < 1e-9 and abs(high - (11.4 + 5.32)) < 1e-9
    assert beyond_limits([10, 12, 11, 13, 10, 12, 40], i_chart_limits(values)) == [6]


def test_a_moving_range_above_3_27_averages_is_screened_out_first():
    # Provost & Murray: the jump to and from 40 would otherwise widen 40's own limits
    values = [10, 12, 11, 13, 10, 12, 11, 13, 10, 40, 12]
    centre, low, high = i_chart_limits(values)
    assert high < 40 and beyond_limits(values, (centre, low, high)) == [9]


def test_no_spread_means_no_limits_and_nothing_beyond_them():
    assert i_chart_limits([50] * 20) is None and beyond_limits([50] * 20 + [80], None) == []
    # Issue 29: more than half the steps 0 (1,1,1,1,1,9,9,...): the old median-based sigma was 0
    flat_with_jumps = [1, 1, 1, 1, 1, 9, 9, 1, 1, 1, 1, 1]
    assert beyond_limits(flat_with_jumps, i_chart_limits(flat_with_jumps)) == []


# invariants ------------------------------------------------------------------------------
values_lists = st.lists(st.integers(min_value=0, max_value=6).map(float), max_size=40)
mids = st.sampled_from([0.0, 2.0, 3.0, 3.5, 6.0])


@given(values_lists, mids)
def test_runs_equal_crossings_plus_one(values, mid):
    useful = [s for _, s in sides(values, mid)]
    changes = sum(1 for a, b in zip(useful, useful[1:]) if a != b)
    assert count_runs(values, mid) == (changes + 1 if useful else 0)
    assert crossings(values, mid) == changes


@given(values_lists, mids)
def test_shift_points_are_on_one_side_and_consecutive_among_useful_points(values, mid):
    useful = [i for i, _ in sides(values, mid)]
    for indices, side in shifts(values, mid):
        assert len(indices) >= 6 and len(indices) <= longest_run(values, mid)
        assert all((values[i] > mid) == (side > 0) and values[i] != mid for i in indices)
        start = useful.index(indices[0])
        assert list(indices) == useful[start:start + len(indices)]


@given(values_lists)
def test_trend_spans_move_one_way_and_count_at_least_five(values):
    for indices, step in trends(values):
        moves = [(values[b] > values[a]) - (values[b] < values[a]) for a, b in zip(indices, indices[1:])]
        assert all(m in (0, step) for m in moves) and moves[0] == step and moves[-1] == step
        assert trend_points(values, indices) >= 5


