"""The statistics agree with scipy on random data; DiD behaves as a difference must."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from scipy import stats as sps

from yhteiskehitys.measure import stats
from yhteiskehitys.measure.stats import Moments

scores = st.lists(st.floats(0, 100, allow_nan=False), min_size=2, max_size=60)
likert = st.lists(st.integers(1, 5).map(float), min_size=3, max_size=60)
samples = st.one_of(scores, likert)


def varied(values):
    return max(values) - min(values) > 1e-6


@given(values=samples)
def test_mean_sd_and_interval_match_scipy(values):
    m = Moments.of(values)
    est = stats.mean(m)
    assert est.estimate == pytest.approx(sps.tmean(values), rel=1e-9, abs=1e-9)
    assert m.variance == pytest.approx(sps.tvar(values) if varied(values) else 0.0, abs=1e-7)
    if varied(values):
        low, high = sps.t.interval(0.95, len(values) - 1, loc=m.mean, scale=sps.sem(values))
        assert (est.low, est.high) == pytest.approx((low, high), rel=1e-9, abs=1e-9)


@given(a=samples, b=samples)
def test_welch_matches_ttest_ind(a, b):
    assume(varied(a) and varied(b))
    est = stats.welch(Moments.of(a), Moments.of(b))
    ref = sps.ttest_ind(b, a, equal_var=False)
    assert est.t == pytest.approx(ref.statistic, rel=1e-9, abs=1e-9)
    assert est.p == pytest.approx(ref.pvalue, rel=1e-9, abs=1e-9)
    assert est.df == pytest.approx(ref.df, rel=1e-9)
    ci = ref.confidence_interval(0.95)
    assert (est.low, est.high) == pytest.approx((ci.low, ci.high), rel=1e-9, abs=1e-9)


@given(diffs=samples)
def test_paired_change_matches_one_sample_t(diffs):
    assume(varied(diffs))
    est = stats.paired(Moments.of(diffs))
    ref = sps.ttest_1samp(diffs, 0.0)
    assert est.t == pytest.approx(ref.statistic, rel=1e-9, abs=1e-9)
    assert est.p == pytest.approx(ref.pvalue, rel=1e-9, abs=1e-9)


@given(before=samples, after=samples)
def test_did_of_identical_groups_is_zero(before, after):
    assume(varied(before) and varied(after))
    b, a = Moments.of(before), Moments.of(after)
    est = stats.did(b, a, b, a)
    assert est.estimate == pytest.approx(0.0, abs=1e-9)
    assert est.low < 0 < est.high
    assert stats.did_panel(a, a).estimate == pytest.approx(0.0, abs=1e-9)


@given(p1=samples, p2=samples, c1=samples, c2=samples)
def test_swapping_groups_negates_did(p1, p2, c1, c2):
    assume(all(varied(x) for x in (p1, p2, c1, c2)))
    m = [Moments.of(x) for x in (p1, p2, c1, c2)]
    forward = stats.did(m[0], m[1], m[2], m[3])
    backward = stats.did(m[2], m[3], m[0], m[1])
    assert backward.estimate == pytest.approx(-forward.estimate, abs=1e-9)
    assert backward.se == pytest.approx(forward.se, rel=1e-12)
    assert (backward.low, backward.high) == pytest.approx((-forward.high, -forward.low), abs=1e-9)
    panel = stats.did_panel(m[0], m[2])
    assert stats.did_panel(m[2], m[0]).estimate == pytest.approx(-panel.estimate, abs=1e-9)


@given(p1=samples, p2=samples, c1=samples, c2=samples)
def test_did_se_is_the_root_sum_of_the_changes_squared_se(p1, p2, c1, c2):
    assume(all(varied(x) for x in (p1, p2, c1, c2)))
    m = [Moments.of(x) for x in (p1, p2, c1, c2)]
    change_p, change_c = stats.welch(m[0], m[1]), stats.welch(m[2], m[3])
    est = stats.did(*m)
    assert est.estimate == pytest.approx(change_p.estimate - change_c.estimate, abs=1e-9)
    assert est.se == pytest.approx(math.hypot(change_p.se, change_c.se), rel=1e-12)


@given(a=samples, b=samples)
def test_hedges_g(a, b):
    assume(varied(a) and varied(b))
    n1, n2 = len(a), len(b)
    pooled = ((n1 - 1) * sps.tvar(a) + (n2 - 1) * sps.tvar(b)) / (n1 + n2 - 2)
    d = (sps.tmean(b) - sps.tmean(a)) / math.sqrt(pooled)
    expected = d * (1 - 3 / (4 * (n1 + n2) - 9))
    assert stats.hedges_g(Moments.of(a), Moments.of(b)) == pytest.approx(
        expected, rel=1e-9, abs=1e-9
    )


def test_cronbach_alpha_of_a_known_matrix():
    # Four respondents, three items; alpha by the textbook formula is 0.9 exactly here.
    rows = [[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 5, 5]]
    items = [Moments.of([float(r[i]) for r in rows]).variance for i in range(3)]
    total = Moments.of([float(sum(r)) for r in rows]).variance
    k = 3
    expected = k / (k - 1) * (1 - sum(items) / total)
    assert stats.cronbach_alpha(items, total) == pytest.approx(expected)
    assert 0.9 < stats.cronbach_alpha(items, total) < 1.0
    assert math.isnan(stats.cronbach_alpha([1.0], 2.0))


def test_small_samples_give_no_interval():
    one = Moments.of([3.0])
    assert math.isnan(stats.mean(one).low)
    assert math.isnan(stats.welch(one, Moments.of([1.0, 2.0])).se)


def test_constant_samples_have_zero_variance_and_a_degenerate_interval():
    same = Moments.of([50.0] * 10)
    assert same.variance == 0.0
    est = stats.welch(same, same)
    assert est.estimate == 0 and est.low == est.high == 0
