"""Statistics over sufficient statistics: every function takes counts, sums and sums of squares
(which the store computes in SQL, so the database does the heavy part) and returns estimates with
standard errors and t-based confidence intervals.

Formulas, assumptions and a worked example are in ``docs/measurement.md``; the tests recompute
the example and compare every function with scipy on random data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from attrs import frozen

from .tdist import t_ppf, t_sf

LEVEL = 0.95


@frozen
class Moments:
    """n, the sum and the sum of squares of a sample: all that means and variances need."""

    n: int
    total: float
    total_sq: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Moments:
        return cls(len(values), float(sum(values)), float(sum(v * v for v in values)))

    @property
    def mean(self) -> float:
        return self.total / self.n if self.n else math.nan

    @property
    def variance(self) -> float:
        """The unbiased sample variance (n - 1 in the denominator), never negative."""
        if self.n < 2:
            return math.nan
        # From the sums alone (what SQL aggregates give): rounding may leave a tiny negative.
        ss = self.total_sq - self.total * self.total / self.n
        return max(ss, 0.0) / (self.n - 1)

    @property
    def sd(self) -> float:
        return math.sqrt(self.variance)

    def __add__(self, other: Moments) -> Moments:
        return Moments(self.n + other.n, self.total + other.total, self.total_sq + other.total_sq)


@frozen
class Estimate:
    """A point estimate with its standard error, degrees of freedom and confidence interval."""

    estimate: float
    se: float
    df: float
    low: float
    high: float

    @property
    def t(self) -> float:
        return self.estimate / self.se if self.se > 0 else math.nan

    @property
    def p(self) -> float:
        """Two-sided p-value of the estimate against zero."""
        if not self.se > 0 or not self.df > 0:
            return math.nan
        return 2.0 * t_sf(abs(self.t), self.df)


def _interval(estimate: float, se: float, df: float, level: float) -> Estimate:
    if not (se >= 0 and df > 0) or math.isnan(estimate):
        return Estimate(estimate, se, df, math.nan, math.nan)
    half = t_ppf(0.5 + level / 2.0, df) * se
    return Estimate(estimate, se, df, estimate - half, estimate + half)


def mean(m: Moments, level: float = LEVEL) -> Estimate:
    """The mean with a t-based interval: se = s / sqrt(n), df = n - 1."""
    if m.n < 2:
        return Estimate(m.mean, math.nan, math.nan, math.nan, math.nan)
    return _interval(m.mean, m.sd / math.sqrt(m.n), m.n - 1, level)


def welch(before: Moments, after: Moments, level: float = LEVEL) -> Estimate:
    """after.mean - before.mean for independent samples, Welch's se and Satterthwaite df."""
    return _combine([(after, 1.0), (before, -1.0)], level)


def paired(differences: Moments, level: float = LEVEL) -> Estimate:
    """The mean of per-person differences (a panel): a one-sample t interval, df = n - 1."""
    return mean(differences, level)


def did(
    participant_before: Moments,
    participant_after: Moments,
    comparison_before: Moments,
    comparison_after: Moments,
    level: float = LEVEL,
) -> Estimate:
    """Difference-in-differences for four independent samples: the participants' change minus
    the comparison group's, se = sqrt(se_p^2 + se_c^2), Welch-Satterthwaite df over all four."""
    cells = [
        (participant_after, 1.0),
        (participant_before, -1.0),
        (comparison_after, -1.0),
        (comparison_before, 1.0),
    ]
    return _combine(cells, level)


def did_panel(
    participant_diffs: Moments, comparison_diffs: Moments, level: float = LEVEL
) -> Estimate:
    """DiD when keys link rounds: Welch's difference of the two groups' per-person changes."""
    return _combine([(participant_diffs, 1.0), (comparison_diffs, -1.0)], level)


def _combine(cells: Sequence[tuple[Moments, float]], level: float) -> Estimate:
    """A signed sum of independent means, se from their variances, Satterthwaite's df."""
    if any(m.n < 2 for m, _ in cells):
        estimate = (
            sum(sign * m.mean for m, sign in cells) if all(m.n for m, _ in cells) else math.nan
        )
        return Estimate(estimate, math.nan, math.nan, math.nan, math.nan)
    estimate = sum(sign * m.mean for m, sign in cells)
    parts = [m.variance / m.n for m, _ in cells]
    var = sum(parts)
    if var == 0.0:
        return Estimate(estimate, 0.0, math.inf, estimate, estimate)
    df = var * var / sum(part * part / (m.n - 1) for part, (m, _) in zip(parts, cells, strict=True))
    return _interval(estimate, math.sqrt(var), df, level)


def hedges_g(before: Moments, after: Moments) -> float:
    """Standardised mean difference (after - before) / pooled SD, small-sample corrected:
    g = d * (1 - 3 / (4 (n1 + n2) - 9))."""
    return _pooled_effect([before, after], after.mean - before.mean)


def hedges_g_did(cells: Sequence[Moments], did_estimate: float) -> float:
    """The DiD in units of the SD pooled within the four cells, with Hedges' correction."""
    return _pooled_effect(cells, did_estimate)


def _pooled_effect(cells: Sequence[Moments], difference: float) -> float:
    dof = sum(m.n - 1 for m in cells)
    if any(m.n < 2 for m in cells) or dof < 2:
        return math.nan
    pooled = sum((m.n - 1) * m.variance for m in cells) / dof
    if pooled <= 0:
        return math.nan
    correction = 1.0 - 3.0 / (4.0 * dof - 1.0)
    return difference / math.sqrt(pooled) * correction


def cronbach_alpha(item_variances: Sequence[float], total_variance: float) -> float:
    """alpha = k / (k - 1) * (1 - sum of item variances / variance of the sum score),
    over respondents who answered every item of the dimension."""
    k = len(item_variances)
    if k < 2 or not total_variance > 0:
        return math.nan
    return k / (k - 1) * (1.0 - sum(item_variances) / total_variance)
