"""The Reference object: look-ups over the parsed tables (parties, districts, borders, memberships)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Iterable, Mapping

from coopatlas.errors import ReferenceError_
from coopatlas.reference.periods import year_date
from coopatlas.reference.records import (
    Alias,
    Border,
    Capital,
    District,
    Group,
    IdAlias,
    Membership,
    Party,
)

LAND_KINDS = frozenset({"land", "land_foreign"})
FRAMES = ("ru", "iso")


@dataclass(frozen=True)
class Reference:
    parties: Mapping[str, Party]
    aliases: tuple[Alias, ...]
    districts: Mapping[str, District]
    groups: Mapping[str, Group]
    district_membership: tuple[Membership, ...]
    association_membership: tuple[Membership, ...]
    org_membership: tuple[Membership, ...]
    borders: tuple[Border, ...]
    capitals: Mapping[str, Capital]
    id_aliases: Mapping[str, IdAlias] = field(default_factory=lambda: MappingProxyType({}))

    # -- identifiers
    def resolve_id(self, party_id: str) -> str:
        """The canonical id for `party_id` (a withdrawn or renumbered code maps to the one used here)."""
        if party_id in self.parties:
            return party_id
        if party_id in self.id_aliases:
            return self.id_aliases[party_id].party
        raise ReferenceError_(f"unknown party id {party_id!r}")

    def party(self, party_id: str) -> Party:
        return self.parties[self.resolve_id(party_id)]

    def is_domestic(self, party_id: str, frame: str = "ru", day: date | None = None) -> bool:
        """True for a Russian federal subject.

        frame "ru" (the default, a Russian document's own legal frame) counts the subjects
        admitted under Russian law (UA-43, UA-40, UA-14, UA-09, UA-23, UA-65) as domestic,
        from their admission date when `day` is given; frame "iso" counts only RU-* subjects.
        An id the tables do not know (a `city:` party, a typo in a gold file) is not a subject.
        """
        if frame not in FRAMES:
            raise ReferenceError_(f"unknown frame {frame!r}; use one of {FRAMES}")
        if party_id not in self.parties and party_id not in self.id_aliases:
            return False
        party = self.party(party_id)
        if party.kind != "subject":
            return False
        if frame == "iso":
            return party.id.startswith("RU-")
        return day is None or party.period.contains(day)

    def counts_as_domestic(self, party_id: str, frame: str = "ru", day: date | None = None) -> bool:
        """Whether a fact party keeps a fact interregional (codebook 6): a Russian subject in `frame`, an
        association of economic interaction, or a Russian city (`city:ru:`, not in the tables). An id the
        tables do not know is not domestic."""
        return party_id.startswith(("assoc:", "city:ru:")) or self.is_domestic(party_id, frame, day)

    # -- districts
    def district_of(self, subject: str, day: date) -> str | None:
        subject = self.resolve_id(subject)
        for m in self._district_rows_of[subject]:
            if m.period.contains(day):
                return m.group
        return None

    def district_members(self, district: str, year: int | None = None, day: date | None = None) -> tuple[str, ...]:
        if district not in self.districts:
            raise ReferenceError_(f"unknown federal district {district!r}")
        when = _when(year, day)
        return tuple(sorted(m.member for m in self.district_membership if m.group == district and m.period.contains(when)))

    # -- borders
    def neighbours(self, party_id: str, kinds: Iterable[str] = LAND_KINDS) -> tuple[str, ...]:
        """Parties sharing a border of one of `kinds` (default: land, with subjects and foreign states)."""
        party_id = self.resolve_id(party_id)
        kinds = frozenset(kinds)
        return tuple(sorted(other for other, kind in self._borders_of[party_id] if kind in kinds))

    # -- memberships
    def members(self, body: str, year: int | None = None, day: date | None = None) -> tuple[str, ...]:
        """Members of an association, organisation, euroregion or (`district:<id>`) federal district."""
        if body.startswith("district:"):
            return self.district_members(body.split(":", 1)[1], year, day)
        body = self.resolve_id(body)
        rows = self.association_membership if body.startswith("assoc:") else self.org_membership
        when = _when(year, day)
        return tuple(sorted({m.member for m in rows if m.group == body and m.period.contains(when)}))

    def capital(self, party_id: str) -> Capital | None:
        return self.capitals.get(self.resolve_id(party_id))

    # -- groups
    def expand_group(self, group_id: str, author: str | None = None, year: int | None = None) -> tuple[str, ...]:
        """The parties a group reference stands for; neighbour groups need the document's author."""
        if group_id not in self.groups:
            raise ReferenceError_(f"unknown group {group_id!r}")
        rule = self.groups[group_id].expands_to
        if rule in ("neighbours", "neighbours_foreign"):
            if author is None:
                return ()
            return self.neighbours(author, {"land"} if rule == "neighbours" else {"land_foreign"})
        if rule.startswith("parties:"):
            return tuple(rule.split(":", 1)[1].split("|"))
        if rule.startswith("members:"):
            return self.members(rule.split(":", 1)[1], year)
        if rule.startswith("district:"):
            return self.members(rule, year)
        raise ReferenceError_(f"group {group_id}: cannot expand {rule!r}")

    # -- derived indexes (computed once per instance)
    @property
    def _district_rows_of(self) -> Mapping[str, tuple[Membership, ...]]:
        return self._index("_district_index", lambda: _group_by(self.district_membership, lambda m: m.member))

    @property
    def _borders_of(self) -> Mapping[str, tuple[tuple[str, str], ...]]:
        return self._index("_border_index", lambda: _border_index(self.borders))

    def _index(self, name: str, build):
        cached = self.__dict__.get(name)
        if cached is None:
            cached = build()
            object.__setattr__(self, name, cached)
        return cached


def _when(year: int | None, day: date | None) -> date:
    if day is not None:
        return day
    return year_date(year) if year is not None else date.today()


def _group_by(items, key) -> Mapping[str, tuple]:
    grouped = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return defaultdict(tuple, {k: tuple(v) for k, v in grouped.items()})


def _border_index(borders: Iterable[Border]) -> Mapping[str, tuple[tuple[str, str], ...]]:
    index = defaultdict(list)
    for b in borders:
        index[b.a].append((b.b, b.kind))
        index[b.b].append((b.a, b.kind))
    return defaultdict(tuple, {k: tuple(v) for k, v in index.items()})
