"""Precision, recall and F1 from true-positive / false-positive / false-negative counts.

Zero-division convention: when both the gold and the predicted set are empty, precision, recall
and F1 are all 1.0 (nothing to find, nothing wrongly found). When exactly one of them is empty,
all three are 0.0.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import AbstractSet, Iterable


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def of(cls, gold: AbstractSet, pred: AbstractSet) -> "Counts":
        return cls(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def support(self) -> int:
        """Size of the gold set."""
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.predicted, self.support == 0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.support, self.predicted == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_json(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "support": self.support, "predicted": self.predicted}


def total(counts: Iterable[Counts]) -> Counts:
    return sum(counts, Counts())


def _ratio(hits: int, size: int, other_empty: bool) -> float:
    if size:
        return hits / size
    return 1.0 if other_empty else 0.0
