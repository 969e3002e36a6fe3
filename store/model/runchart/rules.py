"""Each run-chart rule as a pure function over a list of values (one period).

Points exactly on the median are skipped by every rule that uses the median:
they neither add to nor break a run. The trend rule does not use the median.
See store/model/runchart/__init__.py for how the rules are combined.
"""

from __future__ import annotations

from typing import Sequence

SHIFT_LENGTH = 6  # IHI: 6 or more points on one side of the median
TREND_LENGTH = 5  # IHI: 5 or more points all going up or all going down
I_CHART_WIDTH = 2.66  # 3 / d2 (1.128): I-chart limits in average moving ranges
MR_SCREEN = 3.27  # D4: moving ranges above this many averages are screened out first


def sides(values: Sequence[float], mid: float) -> list[tuple[int, int]]:
    """(index, +1 above / -1 below) for every point not on the median."""
    return [(i, 1 if v > mid else -1) for i, v in enumerate(values) if v != mid]


def runs_of(values: Sequence[float], mid: float) -> list[tuple[tuple[int, ...], int]]:
    """Every run: (indices of its useful points, side), in order."""
    found: list[tuple[list[int], int]] = []
    for index, side in sides(values, mid):
        if found and found[-1][1] == side:
            found[-1][0].append(index)
        else:
            found.append(([index], side))
    return [(tuple(indices), side) for indices, side in found]


def count_runs(values: Sequence[float], mid: float) -> int:
    """Runs = crossings + 1, or 0 without useful points."""
    return len(runs_of(values, mid))


def crossings(values: Sequence[float], mid: float) -> int:
    """How often consecutive useful points lie on opposite sides of the median."""
    return max(0, count_runs(values, mid) - 1)


def longest_run(values: Sequence[float], mid: float) -> int:
    return max((len(indices) for indices, _ in runs_of(values, mid)), default=0)


def shifts(values: Sequence[float], mid: float, length: int = SHIFT_LENGTH) -> list[tuple[tuple[int, ...], int]]:
    """(indices, side) of every run of at least `length` useful points."""
    return [(indices, side) for indices, side in runs_of(values, mid) if len(indices) >= length]


def trends(values: Sequence[float], length: int = TREND_LENGTH) -> list[tuple[tuple[int, ...], int]]:
    """(indices from first to last point, +1 up / -1 down) of every trend. Of
    equal consecutive values only one counts: a tie neither adds nor breaks, and
    lies inside the span without being counted. A turning point belongs to both
    the trend that ends and the one that starts there."""
    found: list[tuple[tuple[int, ...], int]] = []
    direction, start, end, counted = 0, 0, 0, 1

    def close() -> None:
        if direction and counted >= length:
            found.append((tuple(range(start, end + 1)), direction))

    for j in range(1, len(values)):
        step = (values[j] > values[j - 1]) - (values[j] < values[j - 1])
        if step == 0:
            continue
        if step == direction:
            counted, end = counted + 1, j
        else:
            close()
            direction, start, end, counted = step, j - 1, j, 2
    close()
    return found


def trend_points(values: Sequence[float], indices: Sequence[int]) -> int:
    """Points a trend counts: the first, and one per change (ties not counted)."""
    return 1 + sum(1 for a, b in zip(indices, indices[1:]) if values[a] != values[b])


def i_chart_limits(values: Sequence[float]) -> tuple[float, float, float] | None:
    """(centre, lower, upper) of the individuals chart (XmR, I-chart) of `values`:
    the mean +/- 2.66 x the average moving range (3 sigma, sigma = average moving
    range / d2 = 1.128; Wheeler & Chambers, Understanding Statistical Process
    Control). The moving ranges above 3.27 x their average are left out before the
    average is taken, as Provost & Murray, The Health Care Data Guide (2011), do and
    qicharts2 follows, so one outlier cannot widen its own limits. None with fewer
    than two values or no spread at all: with every value equal there are no
    limits, and nothing is beyond them."""
    if len(values) < 2:
        return None
    ranges = [abs(b - a) for a, b in zip(values, values[1:])]
    average = sum(ranges) / len(ranges)
    kept = [r for r in ranges if r <= MR_SCREEN * average]
    average = sum(kept) / len(kept) if kept else 0.0
    if average <= 0:
        return None
    centre = sum(values) / len(values)
    return centre, centre - I_CHART_WIDTH * average, centre + I_CHART_WIDTH * average


def beyond_limits(values: Sequence[float], limits: tuple[float, float, float] | None) -> list[int]:
    """Indices of the points outside the I-chart limits (none without limits)."""
    if limits is None:
        return []
    _, low, high = limits
    return [i for i, v in enumerate(values) if v < low or v > high]
