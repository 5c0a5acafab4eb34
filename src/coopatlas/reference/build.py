"""Assemble a Reference from parsed tables, checking that every identifier it uses exists."""
from __future__ import annotations

from types import MappingProxyType

from coopatlas.errors import ReferenceError_
from coopatlas.reference.reference import Reference
from coopatlas.reference.tables import load_tables


def build_reference(tables: dict[str, tuple]) -> Reference:
    parties = _unique(tables["parties"], "parties.tsv", lambda p: p.id)
    groups = _unique(tables["groups"], "groups.tsv", lambda g: g.id)
    districts = _unique(tables["districts"], "districts.tsv", lambda d: d.id)
    known = set(parties) | set(groups)
    _check_ids("aliases.tsv", (a.party for a in tables["aliases"]), known)
    _check_ids("district_membership.tsv", (m.member for m in tables["district_membership"]), parties)
    _check_ids("district_membership.tsv", (m.group for m in tables["district_membership"]), districts)
    for name in ("association_membership", "org_membership"):
        rows = tables[name]
        _check_ids(f"{name}.tsv", (x for m in rows for x in (m.group, m.member)), parties)
    _check_ids("adjacency.tsv", (x for b in tables["adjacency"] for x in (b.a, b.b)), parties)
    _check_ids("capitals.tsv", (c.party for c in tables["capitals"]), parties)
    _check_ids("id_aliases.tsv", (i.party for i in tables["id_aliases"]), parties)
    return Reference(
        parties=parties,
        aliases=tables["aliases"],
        districts=districts,
        groups=groups,
        district_membership=tables["district_membership"],
        association_membership=tables["association_membership"],
        org_membership=tables["org_membership"],
        borders=tables["adjacency"],
        capitals=_unique(tables["capitals"], "capitals.tsv", lambda c: c.party),
        id_aliases=_unique(tables["id_aliases"], "id_aliases.tsv", lambda i: i.id),
    )


def read_reference(source=None) -> Reference:
    return build_reference(load_tables(source))


def _unique(records, file: str, key) -> MappingProxyType:
    by_key = {}
    for record in records:
        k = key(record)
        if k in by_key:
            raise ReferenceError_(f"{file}: duplicate id {k!r}")
        by_key[k] = record
    return MappingProxyType(by_key)


def _check_ids(file: str, ids, known) -> None:
    unknown = sorted(set(ids) - set(known))
    if unknown:
        raise ReferenceError_(f"{file}: unknown ids {unknown[:10]}")
