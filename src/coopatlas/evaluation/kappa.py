"""Cohen's kappa with quadratic weights over ordered labels (the only sklearn import here)."""
from __future__ import annotations

import warnings
from typing import Sequence


def quadratic_kappa(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> float | None:
    """Weighted kappa; `labels` gives the order. None for no items.

    When both coders use one and the same label throughout, sklearn returns nan (0/0); the
    coders agree perfectly there, so this returns 1.0.
    """
    if not gold:
        return None
    if set(gold) == set(pred) and len(set(gold)) == 1:
        return 1.0
    from sklearn.metrics import cohen_kappa_score

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(cohen_kappa_score(list(gold), list(pred), labels=list(labels), weights="quadratic"))
