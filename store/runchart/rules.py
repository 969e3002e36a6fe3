"""Each run-chart rule as a pure function over a list of values (one period).

Points exactly on the median are skipped by every rule that uses the median:
they neither add to nor break a run. The trend rule does not use the median.
See store/runchart/__init__.py for how the rules are combined.
"""

from __future__ import annotations

from statistics import median as _median
from typing import Sequence

SHIFT_LENGTH = 6  # IHI: 6 or more points on one side of the median
TREND_LENGTH = 5  # IHI: 5 or more points all going up or all going down
SIGMA_LIMIT = 3.0
D2_MEDIAN = 0.954  # median moving range of two points -> sigma (Wheeler)
MR_LIMIT = 3.267 * 1.128  # upper limit of a moving range, in sigmas (D4 x d2)


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


def sigma_estimate(values: Sequence[float]) -> float | None:
    """The spread of a stable process: median moving range / 0.954. The median,
    not the average, so that a trend's or an outlier's own jumps barely move it.
    None with fewer than two points."""
    if len(values) < 2:
        return None
    return _median(abs(b - a) for a, b in zip(values, values[1:])) / D2_MEDIAN


def beyond_limits(values: Sequence[float], mid: float, sigma: float) -> list[int]:
    """Indices of the points more than 3 sigma from the centre line. With no
    spread at all (every baseline value equal) any other value is beyond."""
    return [i for i, v in enumerate(values) if abs(v - mid) > SIGMA_LIMIT * sigma]


def lone_points(values: Sequence[float], mid: float, sigma: float) -> list[int]:
    """The points beyond the limits that also stand out from both neighbours, away
    from the centre line, by more than the moving-range chart's limit (D4 x
    average moving range = 3.267 x 1.128 sigma). The end of a climb, the first
    points of a new level or a dip within one are not astronomical."""
    jump = MR_LIMIT * sigma
    found = []
    for i in beyond_limits(values, mid, sigma):
        outward = 1 if values[i] > mid else -1  # a spike away from the centre, not a dip back towards it
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(values)]
        if all((values[i] - values[j]) * outward > jump for j in neighbours):
            found.append(i)
    return found
