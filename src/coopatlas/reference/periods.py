"""Validity periods with inclusive ends; cells hold an ISO date, a bare year, or nothing."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

EPOCH = date(2000, 5, 13)  # federal districts were created on this day
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True, slots=True)
class Period:
    start: date | None = None  # None: open (for districts: since EPOCH)
    end: date | None = None  # None: still valid; otherwise the last valid day

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps(self, other: "Period") -> bool:
        return _before_or_on(self.start, other.end) and _before_or_on(other.start, self.end)

    def is_empty(self) -> bool:
        return self.start is not None and self.end is not None and self.end < self.start


def _before_or_on(start: date | None, end: date | None) -> bool:
    return start is None or end is None or start <= end


def parse_start(cell: str) -> date | None:
    """`2006` means from 1 January 2006."""
    return _parse(cell, month=1, day=1)


def parse_end(cell: str) -> date | None:
    """`2006` means until 31 December 2006 (inclusive)."""
    return _parse(cell, month=12, day=31)


def _parse(cell: str, month: int, day: int) -> date | None:
    cell = cell.strip()
    if not cell:
        return None
    if _YEAR.match(cell):
        return date(int(cell), month, day)
    return date.fromisoformat(cell)


def year_date(year: int) -> date:
    """The day that stands for a calendar year in membership look-ups: 1 July."""
    return date(year, 7, 1)
