"""The published limits the run-chart rules compare with.

- `PERLA_TABLE`: Perla, Provost & Murray 2011 (BMJ Qual Saf 20:46-51), table 1,
  copied **as printed**, for 10 to 60 useful observations (points not on the
  median): fewer runs than the lower limit is "too few", more than the upper
  limit "too many". The printed numbers differ by one run from the exact
  Swed-Eisenhart tails in several rows; the screen cites this table, so this
  table is what is applied. Transcription followed: the one from a scan of the
  published table quoted in issue 29, which corrected five rows of an earlier
  copy (useful observations -> lower-upper): 33 -> 12-23 (was 11-23),
  35 -> 12-24 (13-24), 41 -> 15-27 (16-27), 43 -> 16-28 (17-28) and
  56 -> 22-35 (22-36); the other 46 rows agreed.
- Beyond its last row (more than 60 useful observations) the limits come from
  the normal approximation of Swed & Eisenhart's distribution of the number of
  runs for the actual numbers of points above and below the median, mean
  +/- 1.96 standard deviations; the screen says so (`kpi.runs.approximate`).
- Anhøj (Anhøj & Olesen 2014, PLoS ONE 9:e113825; qicharts2): an unusually long
  run is longer than round(log2(n) + 3); unusually few crossings is fewer than
  the lower 5 % quantile of Binomial(n - 1, 0.5), n the useful observations.
"""

from __future__ import annotations

import math

PERLA_LAST = 60  # the table runs from 10 useful observations to this

PERLA_TABLE: dict[int, tuple[int, int]] = {
    10: (3, 9), 11: (3, 10), 12: (3, 11), 13: (4, 11), 14: (4, 12), 15: (5, 12), 16: (5, 13),
    17: (5, 13), 18: (6, 14), 19: (6, 15), 20: (6, 16), 21: (7, 16), 22: (7, 17), 23: (7, 17),
    24: (8, 18), 25: (8, 18), 26: (9, 19), 27: (10, 19), 28: (10, 20), 29: (10, 20), 30: (11, 21),
    31: (11, 22), 32: (11, 23), 33: (12, 23), 34: (12, 24), 35: (12, 24), 36: (13, 25), 37: (13, 25),
    38: (14, 26), 39: (14, 26), 40: (15, 27), 41: (15, 27), 42: (16, 28), 43: (16, 28), 44: (17, 29),
    45: (17, 30), 46: (17, 31), 47: (18, 31), 48: (18, 32), 49: (19, 32), 50: (19, 33), 51: (20, 33),
    52: (20, 34), 53: (21, 34), 54: (21, 35), 55: (22, 35), 56: (22, 35), 57: (23, 36), 58: (23, 37),
    59: (24, 38), 60: (24, 38),
}

Z_95 = 1.96  # two-sided 5 %, as the table


def perla_limits(useful: int) -> tuple[int, int] | None:
    """The printed (lower, upper) limits, or None outside 10-60 useful points."""
    return PERLA_TABLE.get(useful)


def approximate_limits(above: int, below: int) -> tuple[int, int] | None:
    """Swed-Eisenhart's normal approximation for `above` and `below` points: the
    smallest and largest number of runs within mean +/- 1.96 sd. None if one side
    is empty (the number of runs is then fixed at 1)."""
    n = above + below
    if not above or not below or n < 2:
        return None
    pairs = 2 * above * below
    mean = 1 + pairs / n
    sd = math.sqrt(pairs * (pairs - n) / (n * n * (n - 1)))
    return math.ceil(mean - Z_95 * sd), math.floor(mean + Z_95 * sd)


def anhoej_longest_run(useful: int) -> int:
    """A run longer than this is unusually long (Anhøj: round(log2(n) + 3))."""
    return round(math.log2(useful) + 3) if useful > 0 else 0


def anhoej_min_crossings(useful: int) -> int:
    """Fewer crossings than this is unusually few: the smallest c with
    P(X <= c) >= 0.05 for X ~ Binomial(n - 1, 1/2) (R's qbinom(0.05, n - 1, 0.5))."""
    trials = useful - 1
    if trials < 1:
        return 0
    total, cumulative = 2 ** trials, 0
    for c in range(trials + 1):
        cumulative += math.comb(trials, c)
        if cumulative * 20 >= total:  # cumulative / total >= 0.05, in integers
            return c
    return trials
