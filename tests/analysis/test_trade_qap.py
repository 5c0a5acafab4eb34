"""qap_correlation: r over off-diagonal cells, one- and two-sided permutation p-values."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coopatlas.analysis.trade import qap_correlation
from coopatlas.errors import CoopatlasError

# 4×4, off-diagonal cells read row by row: (0,1) (0,2) (0,3) (1,0) (1,2) (1,3) (2,0) (2,1) (2,3) (3,0) (3,1) (3,2)
#   a: 1 1 1 1 1 1 0 0 0 0 0 0
#   b: 1 1 1 1 0 0 1 1 0 0 0 0
# both 1: 4 cells, a only: 2, b only: 2, neither: 4. For 0/1 data Pearson r is the phi coefficient:
#   r = (4·4 − 2·2) / sqrt((4+2)(2+4)(4+2)(2+4)) = 12 / 36 = 1/3.
# The diagonals (9 and 5) would change r if they were counted.
A = np.array([[9, 1, 1, 1], [1, 9, 1, 1], [0, 0, 9, 0], [0, 0, 0, 9]])
B = np.array([[5, 1, 1, 1], [1, 5, 0, 0], [1, 1, 5, 0], [0, 0, 0, 5]])


def test_hand_made_four_by_four():
    result = qap_correlation(A, B, permutations=99, seed=1)
    assert result.r == pytest.approx(1 / 3)
    assert (result.permutations, result.n_nodes) == (99, 4)
    # p = (1 + k) / (1 + 99) for a whole number k of relabellings reaching r
    assert 0 < result.p_value <= 1 and (result.p_value * 100) == pytest.approx(round(result.p_value * 100))


def test_identical_matrices_have_r_one_and_a_small_p():
    x = np.random.default_rng(7).gamma(2.0, 10.0, size=(8, 8))
    result = qap_correlation(x, x)
    assert result.r == pytest.approx(1.0)
    # only the identity relabelling (or one that maps the matrix onto itself) reaches r = 1; with 8! = 40320
    # relabellings, 999 draws hit it a few times at most: p ≤ (1 + 9) / 1000
    assert result.p_value <= 0.01 and result.p_two_sided <= 0.01


def test_independent_matrices_have_no_small_p():
    rng = np.random.default_rng(11)
    x, y = rng.normal(size=(10, 10)), rng.normal(size=(10, 10))
    result = qap_correlation(x, y, permutations=499, seed=3)
    assert abs(result.r) < 0.3 and result.p_value > 0.05 and result.p_two_sided > 0.05


def test_a_negative_tie_is_small_only_two_sided():
    x = np.random.default_rng(5).normal(size=(8, 8))
    result = qap_correlation(x, -x, permutations=199)
    assert result.r == pytest.approx(-1.0)
    # every permuted r is ≥ −1, so the upper tail counts all: (1 + 199) / (1 + 199) = 1
    assert result.p_value == 1.0 and result.p_two_sided <= 0.05


def test_same_seed_same_p_and_labelled_frames():
    nodes = ["a", "b", "c", "d"]
    a, b = pd.DataFrame(A, nodes, nodes), pd.DataFrame(B, nodes, nodes)
    assert qap_correlation(a, b, seed=4) == qap_correlation(A, B, seed=4)
    with pytest.raises(CoopatlasError, match="not over the same nodes"):
        qap_correlation(a, pd.DataFrame(B, nodes[::-1], nodes[::-1]))


def test_constant_matrix_gives_nan():
    result = qap_correlation(A, np.ones((4, 4)))
    assert np.isnan(result.r) and np.isnan(result.p_value) and result.n_nodes == 4


@pytest.mark.parametrize("a, b, message", [
    (np.ones((3, 4)), np.ones((3, 4)), "not square"),
    (A, np.ones((3, 3)), "one shape"),
    (np.ones((2, 2)), np.ones((2, 2)), "at least 3 nodes"),
    (A, np.where(B == 5, np.nan, B), "missing or infinite"),
])
def test_bad_matrices(a, b, message):
    with pytest.raises(CoopatlasError, match=message):
        qap_correlation(a, b)
