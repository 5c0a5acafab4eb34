"""One function decides between overlapping candidate spans (yargy's resolve_spans idea)."""
from __future__ import annotations

from typing import Callable, Iterable, Sequence, TypeVar

T = TypeVar("T")


def resolve_spans(candidates: Iterable[T], *, span: Callable[[T], tuple[int, int]],
                  priority: Callable[[T], int] = lambda c: 0) -> list[T]:
    """Keep a set of non-overlapping candidates, preferring longer spans, then higher priority,
    then the earlier start. Returns them in text order."""
    ranked = sorted(candidates, key=lambda c: (-(span(c)[1] - span(c)[0]), -priority(c), span(c)[0]))
    taken: list[tuple[int, int]] = []
    kept: list[T] = []
    for cand in ranked:
        start, end = span(cand)
        if not any(start < e and s < end for s, e in taken):
            taken.append((start, end))
            kept.append(cand)
    kept.sort(key=lambda c: span(c))
    return kept


def non_overlapping(spans: Sequence[tuple[int, int]]) -> bool:
    ordered = sorted(spans)
    return all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:]))
