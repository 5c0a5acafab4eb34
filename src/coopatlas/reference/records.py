"""The records of the reference tables: small frozen dataclasses, one per table row."""
from __future__ import annotations

from dataclasses import dataclass

from coopatlas.reference.periods import Period


@dataclass(frozen=True, slots=True)
class Party:
    id: str
    kind: str
    name_ru: str
    name_en: str
    country: str
    type: str
    period: Period
    note: str = ""

    @property
    def valid_from(self):
        return self.period.start

    @property
    def valid_to(self):
        return self.period.end


@dataclass(frozen=True, slots=True)
class Alias:
    party: str
    text: str
    lang: str
    kind: str
    flags: frozenset[str]
    note: str = ""


@dataclass(frozen=True, slots=True)
class District:
    id: str
    name_ru: str
    name_en: str
    abbr_ru: str
    period: Period


@dataclass(frozen=True, slots=True)
class Membership:
    """A dated membership: a subject in a district, a region in an association, a state in an org."""

    group: str
    member: str
    period: Period
    note: str = ""


@dataclass(frozen=True, slots=True)
class Border:
    a: str
    b: str
    kind: str


@dataclass(frozen=True, slots=True)
class Capital:
    party: str
    name_ru: str
    name_en: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name_ru: str
    name_en: str
    expands_to: str


@dataclass(frozen=True, slots=True)
class IdAlias:
    """Another identifier of a party (a withdrawn or renumbered ISO code)."""

    id: str
    party: str
    note: str = ""
