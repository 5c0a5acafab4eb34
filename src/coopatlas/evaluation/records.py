"""What the scorer reads: one record per document of the exchange format (codebook section 7).

Only the keys that scoring needs are kept; evidence and `why` are checked by other tools.
"""
from __future__ import annotations

from dataclasses import dataclass

from coopatlas.model import Arity, Direction, Specificity, Sphere, Status


@dataclass(frozen=True)
class FactRecord:
    parties: tuple[str, ...]
    implied: tuple[str, ...] = ()
    spheres: tuple[Sphere, ...] = ()
    specificity: Specificity = Specificity.SHALLOW
    status: Status = Status.INTENDED
    direction: Direction | None = None
    arity: Arity | None = None
    years: tuple[int, ...] = ()

    def to_json(self) -> dict:
        return {
            "parties": list(self.parties),
            "implied": list(self.implied),
            "spheres": [str(s) for s in self.spheres],
            "specificity": str(self.specificity),
            "status": str(self.status),
            "direction": _str_or_none(self.direction),
            "arity": _str_or_none(self.arity),
            "years": list(self.years),
        }


@dataclass(frozen=True)
class DocRecord:
    """One line of a gold or prediction file. `error` is set when extraction failed for it."""

    document: str
    author: str | None
    language: str | None = None
    facts: tuple[FactRecord, ...] = ()
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

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


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)
