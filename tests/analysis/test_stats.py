"""wilson: hand-worked intervals, and scipy's binomtest(...).proportion_ci(method="wilson") as the oracle."""
from __future__ import annotations

import math

import pytest
from scipy.stats import binomtest, norm

from coopatlas.analysis.stats import share, wilson


def test_wilson_half_by_hand():
    # k=2, n=4: p=.5, z²=3.8416, z²/n=.9604; centre=(.5+.4802)/1.9604=.5
    # half = 1.96/1.9604 * sqrt(.25/4 + 3.8416/64) = .999796 * sqrt(.0625+.060025) = .999796*.350036 = .349964
    low, high = wilson(2, 4)
    assert low == pytest.approx(0.5 - 0.349964, abs=1e-5)
    assert high == pytest.approx(0.5 + 0.349964, abs=1e-5)


def test_wilson_zero_successes_by_hand():
    # k=0: centre = (z²/2n)/(1+z²/n) = .4802/1.9604 = .244950 and half equals it, so low=0
    # high = (z²/n)/(1+z²/n) = .9604/1.9604 = .489900
    low, high = wilson(0, 4)
    assert low == pytest.approx(0.0, abs=1e-12)
    assert high == pytest.approx(0.9604 / 1.9604, abs=1e-9)


@pytest.mark.parametrize("k,n", [(0, 1), (1, 1), (1, 3), (2, 4), (3, 8), (7, 8), (4, 4), (13, 89), (0, 89)])
def test_wilson_matches_scipy(k, n):
    oracle = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    low, high = wilson(k, n, z=norm.ppf(0.975))
    assert low == pytest.approx(oracle.low, abs=1e-9)
    assert high == pytest.approx(oracle.high, abs=1e-9)


def test_wilson_of_nothing_is_nan_and_bad_counts_fail():
    low, high = wilson(0, 0)
    assert math.isnan(low) and math.isnan(high)
    with pytest.raises(ValueError):
        wilson(5, 4)


def test_share():
    assert share(3, 4) == 0.75  # 3/4
    assert math.isnan(share(0, 0))
