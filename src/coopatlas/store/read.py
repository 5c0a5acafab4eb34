"""Reading back what the store wrote: documents by hash, coded results, runs, consistency checks."""
from __future__ import annotations

from collections import defaultdict
from types import MappingProxyType

from sqlalchemy import Connection, and_, exists, func, select, text

from coopatlas.model import Arity, Direction, DocumentResult, Evidence, Fact, Mention, Specificity, Sphere, Status
from coopatlas.store.records import DocumentMeta, Run, StoredDocument
from coopatlas.store.schema import (
    FTS_TABLE, documents, evidence, fact_parties, fact_spheres, facts, mentions, passages, runs,
)

META_FIELDS = tuple(DocumentMeta.__dataclass_fields__)


def known_hashes(connection: Connection, version: str | None = None) -> frozenset[str]:
    query = select(documents.c.sha256)
    if version is not None:
        query = query.join(runs, runs.c.id == documents.c.run_id).where(runs.c.extractor_version == version)
    return frozenset(connection.execute(query).scalars())


def document_by_sha(connection: Connection, sha256: str) -> StoredDocument | None:
    row = connection.execute(select(documents).where(documents.c.sha256 == sha256)).mappings().first()
    if row is None:
        return None
    meta = DocumentMeta(**{k: row[k] for k in META_FIELDS if k != "pages"}, pages=tuple(row["pages"] or ()))
    return StoredDocument(id=row["id"], meta=meta, status=row["status"], error=row["error"],
                          run_id=row["run_id"], added_at=row["added_at"], updated_at=row["updated_at"])


def load_result(connection: Connection, doc_id: int, run_id: int | None = None) -> DocumentResult:
    """The document's facts as the extractor gave them: current ones, or those coded by `run_id`."""
    doc = connection.execute(select(documents).where(documents.c.id == doc_id)).mappings().one()
    which = facts.c.superseded_by_run.is_(None) if run_id is None else facts.c.run_id == run_id
    rows = connection.execute(select(facts).where(facts.c.document_id == doc_id, which).order_by(facts.c.seq))
    rows = rows.mappings().all()
    children = _children(connection, [r["id"] for r in rows])
    found = connection.execute(select(mentions).where(mentions.c.document_id == doc_id)
                               .order_by(mentions.c.id)).mappings().all()
    return DocumentResult(document=doc["path"], author=doc["author"], language=doc["language"],
                          facts=tuple(_fact(r, children) for r in rows), error=doc["error"],
                          mentions=tuple(Mention(m["party"], m["start"], m["end"], m["surface"], m["how"],
                                                 bool(m["weak"])) for m in found))


def _children(connection: Connection, fact_ids: list[int]) -> dict:
    found = defaultdict(lambda: defaultdict(list))
    if not fact_ids:
        return found
    for table, key in ((fact_parties, "parties"), (fact_spheres, "spheres"), (evidence, "evidence")):
        query = select(table).where(table.c.fact_id.in_(fact_ids)).order_by(table.c.fact_id, table.c.pos)
        for row in connection.execute(query).mappings():
            found[row["fact_id"]][key].append(row)
    return found


def _fact(row, children) -> Fact:
    mine = children[row["id"]]
    return Fact(
        parties=tuple(p["party"] for p in mine["parties"] if not p["implied"]),
        implied=tuple(p["party"] for p in mine["parties"] if p["implied"]),
        spheres=tuple(Sphere(s["sphere"]) for s in mine["spheres"]),
        specificity=Specificity(row["specificity"]), status=Status(row["status"]),
        direction=None if row["direction"] is None else Direction(row["direction"]),
        arity=None if row["arity"] is None else Arity(row["arity"]),
        years=tuple(row["years"]),
        evidence=tuple(Evidence(e["start"], e["end"], e["quote"]) for e in mine["evidence"]),
        why=MappingProxyType(dict(row["why"])),
    )


def run_by_id(connection: Connection, run_id: int) -> Run:
    row = connection.execute(select(runs).where(runs.c.id == run_id)).mappings().one()
    return Run(id=row["id"], extractor_version=row["extractor_version"], started_at=row["started_at"],
               finished_at=row["finished_at"], status=row["status"], options=dict(row["options"] or {}))


def problems(connection: Connection) -> list[str]:
    """Inconsistencies that a half-written document would leave; empty when the atlas is sound."""
    found = []
    orphan = ~exists().where(documents.c.id == facts.c.document_id)
    if n := connection.execute(select(func.count()).select_from(facts).where(orphan)).scalar():
        found.append(f"{n} facts without a document")
    for table in (fact_parties, fact_spheres, evidence):
        lonely = ~exists().where(facts.c.id == table.c.fact_id)
        if n := connection.execute(select(func.count()).select_from(table).where(lonely)).scalar():
            found.append(f"{n} {table.name} rows without a fact")
    unbacked = and_(~exists().where(evidence.c.fact_id == facts.c.id))
    if n := connection.execute(select(func.count()).select_from(facts).where(unbacked)).scalar():
        found.append(f"{n} facts without evidence")
    if connection.dialect.name == "sqlite":
        found.extend(_fts_problems(connection))
    return found


def _fts_problems(connection: Connection) -> list[str]:
    indexed = connection.execute(text(f"SELECT count(*) FROM {FTS_TABLE}")).scalar()
    stored = connection.execute(select(func.count()).select_from(passages)).scalar()
    missing = connection.execute(text(
        f"SELECT count(*) FROM passages WHERE id NOT IN (SELECT rowid FROM {FTS_TABLE})")).scalar()
    if indexed != stored or missing:
        return [f"full-text index has {indexed} rows for {stored} passages ({missing} missing)"]
    return []
