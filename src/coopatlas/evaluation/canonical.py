"""Write every party identifier in its canonical form before scoring.

ISO 3166-2 renumbered some subdivisions (Kazakhstan's oblasts: KZ-ATY is now KZ-23); the codebook
keeps the letter codes and the reference table maps the numeric ones to them (id_aliases.tsv). A gold
file written with either form scores the same.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from coopatlas.evaluation.records import DocRecord


def canonicalise(records: Iterable[DocRecord], resolve: Callable[[str], str]) -> tuple[DocRecord, ...]:
    def one(party: str) -> str:
        try:
            return resolve(party)
        except Exception:  # an unknown id stays as written and simply will not match
            return party

    def fix(record: DocRecord) -> DocRecord:
        facts = tuple(replace(f, parties=tuple(sorted({one(p) for p in f.parties})),
                              implied=tuple(sorted({one(p) for p in f.implied}))) for f in record.facts)
        author = one(record.author) if record.author else None
        return replace(record, author=author, facts=facts)

    return tuple(fix(r) for r in records)
