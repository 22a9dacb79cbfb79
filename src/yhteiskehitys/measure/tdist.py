"""Student's t distribution without scipy: the CDF through the regularised incomplete beta
function, the quantile by a bracketed Newton inversion.

The library must not depend on scipy, yet every confidence interval rests on ``t.ppf``; the tests
check both functions against scipy to 1e-9 over a wide range of degrees of freedom.
"""

from __future__ import annotations

import math

_EPS = 1e-16
_TINY = 1e-300


def _beta_cf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz's method)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 10_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            return h
    raise ArithmeticError(f"incomplete beta did not converge (a={a}, b={b}, x={x})")


def _stirling_tail(x: float) -> float:
    return 1.0 / (12.0 * x) - 1.0 / (360.0 * x**3) + 1.0 / (1260.0 * x**5)


def _log_inv_beta(a: float, b: float) -> float:
    """log(1/B(a, b)), keeping precision when one argument is huge (df of a large sample):
    the plain lgamma difference there loses about log10(df) digits to cancellation."""
    small, big = min(a, b), max(a, b)
    if big < 100.0:
        return math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    ratio = (
        small * math.log(big)
        + (big + small - 0.5) * math.log1p(small / big)
        - small
        + _stirling_tail(big + small)
        - _stirling_tail(big)
    )
    return ratio - math.lgamma(small)


def betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b) for a, b > 0 and 0 <= x <= 1."""
    if not 0.0 <= x <= 1.0:
        raise ValueError(f"x must be in [0, 1] (got {x})")
    if x in (0.0, 1.0):
        return x
    return _betainc(a, b, x, 1.0 - x, math.log(x), math.log1p(-x))


def _betainc(a: float, b: float, x: float, y: float, log_x: float, log_y: float) -> float:
    """I_x(a, b) with ``y = 1 - x`` and both logarithms given by the caller, who can form them
    without the subtraction that would lose digits when x is near 1 (a huge ``a`` multiplies
    the error of ``log(x)``)."""
    log_front = _log_inv_beta(a, b) + a * log_x + b * log_y
    front = math.exp(log_front)
    # The fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_cf(a, b, x) / a
    return 1.0 - front * _beta_cf(b, a, y) / b


def t_sf(t: float, df: float) -> float:
    """P(T > t) for Student's t with ``df`` degrees of freedom (df > 0, may be fractional)."""
    if df <= 0 or math.isnan(df):
        raise ValueError(f"degrees of freedom must be positive (got {df})")
    if math.isinf(t):
        return 0.0 if t > 0 else 1.0
    # P(|T| > |t|) = I_x(df/2, 1/2) with x = df/(df+t^2). Both x and 1 - x are formed without
    # a subtraction, so the tail keeps its digits for large |t| (x tiny) and for large df
    # (x near 1, where 1 - x computed as a difference would have lost them).
    u = t / math.sqrt(df)
    if abs(u) > 1e150:  # u^2 overflows; the tail is then a power of |u| alone
        tail = 0.5 * math.exp(_log_inv_beta(df / 2.0, 0.5) - df * math.log(abs(u))) * 2.0 / df
    else:
        log_x = -math.log1p(u * u)
        log_y = 2.0 * math.log(abs(u)) + log_x if u else -math.inf
        x, y = 1.0 / (1.0 + u * u), u * u / (1.0 + u * u)
        tail = 0.5 * _betainc(df / 2.0, 0.5, x, y, log_x, log_y) if u else 0.5
    return tail if t > 0 else 1.0 - tail


def t_cdf(t: float, df: float) -> float:
    """P(T <= t)."""
    return t_sf(-t, df)


def t_ppf(p: float, df: float) -> float:
    """The quantile: the t with P(T <= t) = p, accurate to about 1e-12 relative, also deep in
    either tail (p is never replaced by 1 - p, which would round a small p away)."""
    if not 0.0 < p < 1.0:
        if p == 0.0:
            return -math.inf
        if p == 1.0:
            return math.inf
        raise ValueError(f"p must be in [0, 1] (got {p})")
    if df <= 0 or math.isnan(df):
        raise ValueError(f"degrees of freedom must be positive (got {df})")
    if p == 0.5:
        return 0.0
    return -_upper(p, df) if p < 0.5 else _upper(1.0 - p, df)


def _upper(q: float, df: float) -> float:
    """The t > 0 with P(T > t) = q (0 < q < 1/2): Newton on log P(T > t), kept in a bracket.

    On the log scale the step stays sound in the far tail, where the density and q are both
    tiny (they may underflow while their ratio does not).
    """
    lo, hi = 0.0, 1.0
    while t_sf(hi, df) > q:
        lo, hi = hi, hi * 2.0
        if hi > 1e300:
            return math.inf
    log_q = math.log(q)
    log_norm = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    t = (lo + hi) / 2.0
    for _ in range(200):
        sf = t_sf(t, df)
        if sf > q:
            lo = t
        else:
            hi = t
        candidate = (lo + hi) / 2.0
        if sf > 0.0:
            log_density = log_norm - (df + 1) / 2 * math.log1p(t * t / df)
            # d/dt log sf = -density / sf
            step = (math.log(sf) - log_q) * math.exp(math.log(sf) - log_density)
            if lo < t + step < hi:
                candidate = t + step
        if abs(candidate - t) <= 1e-15 * max(1.0, abs(t)):
            return candidate
        t = candidate
    return t
