"""The t distribution agrees with scipy to 1e-9, so every interval does too."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats as sps

from yhteiskehitys.measure.tdist import betainc, t_cdf, t_ppf

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


@given(t=st.floats(-60, 60), df=dfs)
def test_cdf_matches_scipy(t, df):
    assert t_cdf(t, df) == pytest.approx(sps.t.cdf(t, df), rel=1e-9, abs=1e-12)


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
