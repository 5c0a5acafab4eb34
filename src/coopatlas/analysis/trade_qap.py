"""QAP correlation: do two networks over the same nodes go together more than their structure alone explains?

    result = qap_correlation(trade_matrix, cooperation_matrix, permutations=999, seed=0)
    result.r, result.p_value

The statistic is Pearson's r over the off-diagonal cells of two square matrices (the diagonal, a node with
itself, is left out). Its null distribution comes from the quadratic assignment procedure: the rows and columns
of the second matrix are permuted jointly (the nodes are relabelled, each node's ties kept together) and r is
computed again. `p_value` is one-sided, for r > 0: the share of relabellings with r at least the observed one,
counting the observed one, (1 + k) / (1 + permutations); `p_two_sided` compares |r|. When either matrix is
constant off the diagonal, r is undefined and every field but the counts is NaN.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from coopatlas.errors import CoopatlasError

__all__ = ["QapResult", "qap_correlation"]

_TIE = 1e-12  # a permuted r this close to the observed one counts as reaching it


@dataclass(frozen=True)
class QapResult:
    r: float
    p_value: float
    p_two_sided: float
    permutations: int
    n_nodes: int


def qap_correlation(a, b, permutations: int = 999, seed: int = 0) -> QapResult:
    """Pearson r of the off-diagonal cells of `a` and `b` with QAP p-values (arrays or labelled DataFrames)."""
    x, y = _square_pair(a, b)
    if not isinstance(permutations, int) or permutations < 1:
        raise CoopatlasError(f"QAP needs at least one permutation, not {permutations!r}")
    n = len(x)
    zx, zy = _standardised(x), _standardised(y)
    if zx is None or zy is None:
        return QapResult(float("nan"), float("nan"), float("nan"), permutations, n)
    r = _r(zx, zy)
    rng = np.random.default_rng(seed)
    null = np.array([_r(zx, _relabelled(zy, rng.permutation(n))) for _ in range(permutations)])
    upper = int(np.sum(null >= r - _TIE))
    both = int(np.sum(np.abs(null) >= abs(r) - _TIE))
    return QapResult(r, (1 + upper) / (1 + permutations), (1 + both) / (1 + permutations), permutations, n)


def _square_pair(a, b) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(a, pd.DataFrame) and isinstance(b, pd.DataFrame):
        _same_labels(a, b)
    x, y = _matrix(a, "first"), _matrix(b, "second")
    if x.shape != y.shape:
        raise CoopatlasError(f"QAP needs two matrices of one shape, not {x.shape} and {y.shape}")
    if len(x) < 3:
        raise CoopatlasError(f"QAP needs at least 3 nodes, not {len(x)}")
    return x, y


def _same_labels(a: pd.DataFrame, b: pd.DataFrame) -> None:
    for name, frame in (("first", a), ("second", b)):
        if list(frame.index) != list(frame.columns):
            raise CoopatlasError(f"QAP: the {name} matrix's rows and columns are not the same nodes in one order")
    if list(a.index) != list(b.index):
        raise CoopatlasError("QAP: the two matrices are not over the same nodes in one order")


def _matrix(values, name: str) -> np.ndarray:
    try:
        matrix = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise CoopatlasError(f"QAP: the {name} matrix is not numeric ({exc})") from exc
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise CoopatlasError(f"QAP: the {name} matrix is not square (shape {matrix.shape})")
    if not np.isfinite(matrix).all():
        raise CoopatlasError(f"QAP: the {name} matrix has missing or infinite cells")
    return matrix


def _standardised(matrix: np.ndarray) -> np.ndarray | None:
    """Off-diagonal cells as z-scores (population sd), the diagonal 0; None when they are all equal."""
    off = ~np.eye(len(matrix), dtype=bool)
    cells = matrix[off]
    sd = cells.std()
    if sd == 0:
        return None
    z = np.zeros_like(matrix)
    z[off] = (cells - cells.mean()) / sd
    return z


def _r(zx: np.ndarray, zy: np.ndarray) -> float:
    n = len(zx)
    return float(np.clip(np.sum(zx * zy) / (n * (n - 1)), -1.0, 1.0))


def _relabelled(matrix: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Rows and columns permuted together: the diagonal stays the diagonal."""
    return matrix[np.ix_(order, order)]
