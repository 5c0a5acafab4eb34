"""Small statistics for shares: the Wilson score interval of a binomial proportion.

    >>> low, high = wilson(2, 4)
    >>> round(low, 4), round(high, 4)
    (0.15, 0.85)

The Wilson interval stays inside [0, 1] and behaves at 0 and n (a share of 0/4 still gets an upper
bound), which the plain normal interval does not; it is what the district figures draw as error bars.
"""
from __future__ import annotations

import math

__all__ = ["share", "wilson"]

Z95 = 1.96


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for `k` successes in `n` trials; (nan, nan) when n == 0."""
    if n == 0:
        return math.nan, math.nan
    if not 0 <= k <= n:
        raise ValueError(f"need 0 <= k <= n, got k={k}, n={n}")
    p, z2 = k / n, z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def share(k: int, n: int) -> float:
    """k / n, nan when n == 0 (an empty district has no share, not a zero one)."""
    return k / n if n else math.nan
