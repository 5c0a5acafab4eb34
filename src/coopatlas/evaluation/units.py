"""What is compared per document (codebook section 8), each a pure function of one record.

Named parties are a fact's `parties` minus its `implied` ones (so implied parties are excluded
whether or not a file also lists them under `parties`), minus `city:` parties, which the
codebook leaves unscored. The same named set feeds pairs and partners.
"""
from __future__ import annotations

from itertools import combinations

from coopatlas.evaluation.records import DocRecord, FactRecord
from coopatlas.model import Direction, Specificity, Sphere, Status

Pair = tuple[str, str]
UNSCORED_PREFIXES = ("city:",)
NO_SPECIFICITY = "none"  # a document without facts; ranks below shallow
SPECIFICITY_LABELS = (NO_SPECIFICITY, *(s.value for s in sorted(Specificity, key=lambda s: s.rank)))


def named_parties(fact: FactRecord) -> frozenset[str]:
    implied = set(fact.implied)
    return frozenset(p for p in fact.parties if p not in implied and not p.startswith(UNSCORED_PREFIXES))


def pairs(record: DocRecord) -> frozenset[Pair]:
    """Unordered pairs of named parties within each fact, as sorted tuples."""
    return frozenset(pair for fact in record.facts for pair in combinations(sorted(named_parties(fact)), 2))


def partners(record: DocRecord, author: str | None) -> frozenset[str]:
    """Named parties of all facts except `author` (the gold record's author, for both sides)."""
    named = frozenset().union(*(named_parties(f) for f in record.facts))
    return named - {author}


def spheres(record: DocRecord) -> frozenset[Sphere]:
    return frozenset(s for fact in record.facts for s in fact.spheres)


def statuses(record: DocRecord) -> frozenset[Status]:
    return frozenset(fact.status for fact in record.facts)


def directions(record: DocRecord) -> frozenset[Direction]:
    """Facts whose direction is null add nothing."""
    return frozenset(fact.direction for fact in record.facts if fact.direction is not None)


def top_specificity(record: DocRecord) -> Specificity | None:
    levels = [fact.specificity for fact in record.facts]
    return max(levels, key=lambda s: s.rank) if levels else None


def specificity_label(level: Specificity | None) -> str:
    return NO_SPECIFICITY if level is None else level.value
