"""The t distribution agrees with scipy to 1e-9, so every interval does too."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats as sps

from yhteiskehitys.measure.tdist import betainc, t_cdf, t_ppf, t_sf

dfs = st.one_of(
    st.floats(0.5, 5), st.floats(1, 200), st.integers(1, 10_000).map(float), st.floats(200, 1e6)
)
probabilities = st.one_of(
    st.sampled_from([0.5, 0.9, 0.95, 0.975, 0.995, 0.025]), st.floats(1e-6, 1 - 1e-6)
)


@given(p=probabilities, df=dfs)
def test_quantile_matches_scipy(p, df):
    expected = sps.t.ppf(p, df)
    assert t_ppf(p, df) == pytest.approx(expected, rel=1e-9, abs=1e-9)


def _cdf_reference(t: float, df: float) -> float:
    """scipy's t.cdf, except next to 0, where it is itself off by about 1e-9 (at t = 2.8e-8,
    df = 1 it gives 0.5000000095 for 0.5 + atan(t)/pi = 0.5000000089): there the density at 0
    times t is exact to far below the tolerance (the next term is of order t**3)."""
    if abs(t) < 1e-6:
        log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
        return 0.5 + t * math.exp(log_c)
    return float(sps.t.cdf(t, df))


@given(t=st.floats(-60, 60), df=dfs)
def test_cdf_matches_scipy(t, df):
    assert t_cdf(t, df) == pytest.approx(_cdf_reference(t, df), rel=1e-9, abs=1e-12)


def test_cdf_next_to_zero_is_exact_where_scipy_is_not():
    t = 2.8e-8
    assert t_cdf(t, 1) == pytest.approx(0.5 + math.atan(t) / math.pi, rel=1e-12, abs=0)


@given(a=st.floats(0.1, 500), b=st.floats(0.1, 500), x=st.floats(0, 1))
def test_incomplete_beta_matches_scipy(a, b, x):
    from scipy.special import betainc as reference

    assert betainc(a, b, x) == pytest.approx(reference(a, b, x), rel=1e-9, abs=1e-12)


def test_quantile_edges():
    assert t_ppf(0.5, 3) == 0.0
    assert t_ppf(1.0, 3) == math.inf
    assert t_ppf(0.0, 3) == -math.inf
    assert t_ppf(0.975, 1) == pytest.approx(12.706204736174707, rel=1e-12)
    with pytest.raises(ValueError):
        t_ppf(0.5, 0)
    with pytest.raises(ValueError):
        t_ppf(1.5, 3)


tail_dfs = st.one_of(st.floats(0.5, 5), st.floats(5, 1e6))


@given(exponent=st.floats(-20, -3), df=tail_dfs, upper=st.booleans())
def test_quantile_matches_scipy_deep_in_either_tail(exponent, df, upper):
    """A small p is never rounded away by forming 1 - p (the lower tail lost digits so)."""
    p = 10.0**exponent
    if upper:
        expected, got = sps.t.isf(p, df), -t_ppf(p, df)
    else:
        expected, got = sps.t.ppf(p, df), t_ppf(p, df)
    assert got == pytest.approx(expected, rel=1e-9, abs=0)


@given(t=st.floats(3, 30), df=st.floats(50, 1e6))
def test_upper_tail_matches_scipy_relatively_for_large_df(t, df):
    """P(T > t) keeps its digits where 1 - x of x = df/(df+t^2) would lose them."""
    assert t_sf(t, df) == pytest.approx(sps.t.sf(t, df), rel=1e-9, abs=0)


@pytest.mark.parametrize("df", [0.5, 1, 2, 7.5, 1e6])
@pytest.mark.parametrize("p", [1e-300, 1e-100, 1e-30])
def test_quantile_inverts_the_tail_beyond_scipy(p, df):
    t = t_ppf(p, df)
    if df == 0.5 and p == 1e-300:  # the quantile is about -1e600, beyond a float
        assert t == -math.inf
        return
    assert math.isfinite(t) and t < 0
    assert t_cdf(t, df) == pytest.approx(p, rel=1e-12, abs=0)


def test_cauchy_tail_in_closed_form():
    """df = 1 is the Cauchy distribution: P(T > t) = 1/2 - atan(t)/pi, ppf = tan(pi (p - 1/2))."""
    for t in (1e-8, 0.3, 50.0, 1e10, 1e200):
        expected = math.atan2(1.0, t) / math.pi  # = 1/2 - atan(t)/pi without cancellation
        assert t_sf(t, 1) == pytest.approx(expected, rel=1e-12, abs=0)
    assert t_ppf(1e-300, 1) == pytest.approx(-1 / (math.pi * 1e-300), rel=1e-12)
