"""Select statements behind the Atlas: facts with their document, filtered by bound parameters only."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select

from coopatlas.store.schema import documents, evidence, fact_parties, fact_spheres, facts

Values = str | Iterable[str] | None

DOCUMENT_COLUMNS = [c for c in documents.c if c.name not in ("text", "pages")]

FACT_YEAR = func.coalesce(documents.c.year_adopted, facts.c.year_min)


@dataclass(frozen=True)
class FactFilter:
    """What Atlas.query filters on; every field None means no condition."""

    region: tuple[str, ...] | None = None
    authors_by_year: tuple[tuple[str, int | None], ...] | None = None  # the district, resolved
    sphere: tuple[str, ...] | None = None
    level: tuple[str, ...] | None = None
    status: tuple[str, ...] | None = None
    direction: tuple[str, ...] | None = None
    partner: tuple[str, ...] | None = None
    year_from: int | None = None
    year_to: int | None = None
    include_superseded: bool = False


def as_values(value: Values) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def fact_select(f: FactFilter) -> Select:
    columns = [
        facts.c.id.label("fact_id"), facts.c.document_id, facts.c.seq, facts.c.run_id,
        documents.c.path, documents.c.title, documents.c.author, documents.c.year_adopted,
        FACT_YEAR.label("year"), facts.c.specificity, facts.c.status, facts.c.direction, facts.c.arity,
        facts.c.years, facts.c.year_min, facts.c.year_max, facts.c.superseded_by_run,
    ]
    query = select(*columns).join_from(facts, documents, documents.c.id == facts.c.document_id)
    return query.where(*conditions(f)).order_by(facts.c.document_id, facts.c.run_id, facts.c.seq)


def conditions(f: FactFilter) -> list[ColumnElement]:
    found = [] if f.include_superseded else [facts.c.superseded_by_run.is_(None)]
    for column, values in ((documents.c.author, f.region), (facts.c.specificity, f.level),
                           (facts.c.status, f.status), (facts.c.direction, f.direction)):
        if values is not None:
            found.append(column.in_(values))
    if f.authors_by_year is not None:
        found.append(_authors_by_year(f.authors_by_year))
    if f.sphere is not None:
        found.append(exists().where(fact_spheres.c.fact_id == facts.c.id, fact_spheres.c.sphere.in_(f.sphere)))
    if f.partner is not None:
        found.append(exists().where(fact_parties.c.fact_id == facts.c.id, fact_parties.c.party.in_(f.partner),
                                    fact_parties.c.implied.is_(False)))
    if f.year_from is not None:
        found.append(FACT_YEAR >= f.year_from)
    if f.year_to is not None:
        found.append(FACT_YEAR <= f.year_to)
    return found


def _authors_by_year(pairs: tuple[tuple[str, int | None], ...]) -> ColumnElement:
    if not pairs:
        return false()
    return or_(*(and_(documents.c.author == author,
                      documents.c.year_adopted.is_(None) if year is None else documents.c.year_adopted == year)
                 for author, year in pairs))


def author_years() -> Select:
    """Every (author, year adopted) pair in the atlas: enough to resolve a district per document."""
    return select(documents.c.author, documents.c.year_adopted).where(documents.c.author.is_not(None)).distinct()


def children_of(table, selected: Select) -> Select:
    """Rows of fact_parties / fact_spheres / evidence for the facts that `selected` picks."""
    ids = selected.with_only_columns(facts.c.id).order_by(None)
    return select(table).where(table.c.fact_id.in_(ids)).order_by(table.c.fact_id, table.c.pos)


def documents_select() -> Select:
    return select(*DOCUMENT_COLUMNS).order_by(documents.c.id)


def evidence_select(selected: Select) -> Select:
    ids = selected.with_only_columns(facts.c.id).order_by(None)
    return (select(evidence, facts.c.document_id).join_from(evidence, facts, facts.c.id == evidence.c.fact_id)
            .where(evidence.c.fact_id.in_(ids)).order_by(evidence.c.fact_id, evidence.c.pos))
