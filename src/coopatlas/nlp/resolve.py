"""One function decides between overlapping candidate spans (yargy's resolve_spans idea)."""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Iterable, Sequence, TypeVar

T = TypeVar("T")


def resolve_spans(candidates: Iterable[T], *, span: Callable[[T], tuple[int, int]],
                  priority: Callable[[T], int] = lambda c: 0) -> list[T]:
    """Keep a set of non-overlapping candidates, preferring longer spans, then higher priority,
    then the earlier start. Returns them in text order."""
    def rank(c):
        start, end = span(c)
        return (start - end, -priority(c), start)

    ranked = sorted(candidates, key=rank)
    if not ranked:
        return []
    taken = bytearray(max(span(c)[1] for c in ranked) + 1)   # 1 where a kept span covers the text
    kept: list[T] = []
    for cand in ranked:
        start, end = span(cand)
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(cand)
    kept.sort(key=lambda c: span(c))
    return kept


def non_overlapping(spans: Sequence[tuple[int, int]]) -> bool:
    ordered = sorted(spans)
    return all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:]))


class SpanIndex:
    """Items sorted by start offset, to take those that start inside a span in O(log n + k)."""

    def __init__(self, items: Iterable[T], start: Callable[[T], int]):
        self._items = sorted(items, key=start)
        self._starts = [start(i) for i in self._items]

    def within(self, start: int, end: int) -> list[T]:
        return self._items[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def within_any(self, spans: Iterable[tuple[int, int]]) -> list[T]:
        out: list[T] = []
        for s, e in sorted(set(spans)):
            out.extend(self.within(s, e))
        return out

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)
