"""Records passed between the stages: frozen dataclasses and enums for closed sets.

The names and values follow ../shared/CODEBOOK.md (sections 2-7).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Mapping


class Sphere(StrEnum):
    SCIENCE_INNOVATION = "science_innovation"
    INDUSTRY = "industry"
    TRADE_INVESTMENT = "trade_investment"
    AGRICULTURE = "agriculture"
    ENERGY = "energy"
    TRANSPORT_LOGISTICS = "transport_logistics"
    TOURISM = "tourism"
    CULTURE = "culture"
    EDUCATION = "education"
    YOUTH_SPORT = "youth_sport"
    HEALTH_SOCIAL = "health_social"
    ENVIRONMENT = "environment"
    MIGRATION_LABOUR = "migration_labour"
    GOVERNANCE_SECURITY = "governance_security"


class Specificity(StrEnum):
    SHALLOW = "shallow"
    FORMAL = "formal"
    DETAILED = "detailed"

    @property
    def rank(self) -> int:
        return _SPECIFICITY_RANK[self]


_SPECIFICITY_RANK = {Specificity.SHALLOW: 1, Specificity.FORMAL: 2, Specificity.DETAILED: 3}


class Status(StrEnum):
    INTENDED = "intended"
    AGREED = "agreed"
    IMPLEMENTED = "implemented"
    TERMINATED = "terminated"

    @property
    def rank(self) -> int:
        """How advanced the status is; a fact takes the most advanced one reached."""
        return _STATUS_RANK[self]


_STATUS_RANK = {Status.INTENDED: 1, Status.AGREED: 2, Status.IMPLEMENTED: 3, Status.TERMINATED: 4}


class Direction(StrEnum):
    INTERREGIONAL = "interregional"
    CROSS_BORDER = "cross_border"


class Arity(StrEnum):
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    quote: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Mention:
    """A party (or group) named in the text: where, and which rule matched it."""

    party: str
    start: int
    end: int
    surface: str
    how: str
    weak: bool = False


@dataclass(frozen=True)
class Fact:
    parties: tuple[str, ...]
    implied: tuple[str, ...]
    spheres: tuple[Sphere, ...]
    specificity: Specificity
    status: Status
    direction: Direction | None
    arity: Arity | None
    years: tuple[int, ...]
    evidence: tuple[Evidence, ...]
    why: Mapping = field(default_factory=lambda: MappingProxyType({}))

    def to_json(self) -> dict:
        return {
            "parties": list(self.parties),
            "implied": list(self.implied),
            "spheres": [str(s) for s in self.spheres],
            "specificity": str(self.specificity),
            "status": str(self.status),
            "direction": None if self.direction is None else str(self.direction),
            "arity": None if self.arity is None else str(self.arity),
            "years": list(self.years),
            "evidence": [e.to_json() for e in self.evidence],
            "why": _plain(self.why),
        }


@dataclass(frozen=True)
class DocumentResult:
    """One line of the exchange format (codebook section 7)."""

    document: str
    author: str | None
    language: str | None
    facts: tuple[Fact, ...] = ()
    error: str | None = None
    mentions: tuple[Mention, ...] = ()  # the parties named in cooperation passages; not in to_json()

    def to_json(self) -> dict:
        record = {
            "document": self.document,
            "author": self.author,
            "language": self.language,
            "facts": [f.to_json() for f in self.facts],
        }
        if self.error is not None:
            record["error"] = self.error
        return record


@dataclass(frozen=True)
class RawDocument:
    """What a reader returns: the extracted text and what the file told us about itself."""

    path: str
    text: str
    format: str
    encoding: str | None = None
    title: str | None = None
    pages: tuple[int, ...] = ()  # character offset where each page starts (PDF only)


def _plain(value):
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
