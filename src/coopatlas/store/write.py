"""Writing one coded document: rows for the document, its passages and its facts, on one connection.

The caller owns the transaction (Store.save_document), so a document is stored whole or not at all.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Connection, and_, delete, insert, select, update

from coopatlas.model import DocumentResult, Fact
from coopatlas.store import fts
from coopatlas.store.records import DocumentMeta
from coopatlas.store.schema import documents, evidence, fact_parties, fact_spheres, facts, mentions, passages


def now() -> datetime:
    return datetime.now(timezone.utc)


def write_document(connection: Connection, meta: DocumentMeta, text: str | None,
                   result: DocumentResult, run_id: int) -> int:
    existing = connection.execute(select(documents.c.id).where(documents.c.sha256 == meta.sha256)).scalar()
    row = document_row(meta, text, result, run_id)
    if existing is None:
        doc_id = connection.execute(insert(documents).values(**row, added_at=row["updated_at"])
                                    .returning(documents.c.id)).scalar_one()
    else:
        doc_id = existing
        connection.execute(update(documents).where(documents.c.id == doc_id).values(**row))
        retire_facts(connection, doc_id, run_id)
        clear_passages(connection, doc_id)
    write_passages(connection, doc_id, text, result.facts)
    write_mentions(connection, doc_id, result.mentions)
    write_facts(connection, doc_id, run_id, result.facts)
    retire_earlier_versions(connection, meta.path, doc_id, run_id)
    return doc_id


def retire_earlier_versions(connection: Connection, path: str, doc_id: int, run_id: int) -> None:
    """A file whose content changed: the facts of its earlier versions (same path, other content) are
    kept as history, superseded by this run, in the same transaction as the new version."""
    earlier = select(documents.c.id).where(documents.c.path == path, documents.c.id != doc_id)
    connection.execute(update(facts).where(facts.c.document_id.in_(earlier), facts.c.superseded_by_run.is_(None))
                       .values(superseded_by_run=run_id))


def document_row(meta: DocumentMeta, text: str | None, result: DocumentResult, run_id: int) -> dict:
    return {
        "sha256": meta.sha256, "path": meta.path, "source": meta.source, "format": meta.format,
        "size_bytes": meta.size_bytes, "language": meta.language or result.language,
        "author": meta.author or result.author, "doc_type": meta.doc_type,
        "year_adopted": meta.year_adopted, "year_horizon": meta.year_horizon, "title": meta.title,
        "url": meta.url, "text": text, "pages": list(meta.pages),
        "status": "error" if result.error is not None else "ok", "error": result.error,
        "run_id": run_id, "updated_at": now(),
    }


def retire_facts(connection: Connection, doc_id: int, run_id: int) -> None:
    """Facts from earlier runs are kept, marked superseded; this run's own earlier facts are replaced."""
    current = and_(facts.c.document_id == doc_id, facts.c.superseded_by_run.is_(None))
    connection.execute(delete(facts).where(current, facts.c.run_id == run_id))
    connection.execute(update(facts).where(current).values(superseded_by_run=run_id))


def write_mentions(connection: Connection, doc_id: int, found) -> None:
    """The document's mentions as this run found them (an earlier run's are replaced)."""
    connection.execute(delete(mentions).where(mentions.c.document_id == doc_id))
    _insert(connection, mentions, [{"document_id": doc_id, "party": m.party, "start": m.start, "end": m.end,
                                    "surface": m.surface, "how": m.how, "weak": m.weak} for m in found])


def clear_passages(connection: Connection, doc_id: int) -> None:
    fts.unindex_document(connection, doc_id)
    connection.execute(delete(passages).where(passages.c.document_id == doc_id))


def write_passages(connection: Connection, doc_id: int, text: str | None, coded: tuple[Fact, ...]) -> None:
    spans = {}
    for fact in coded:
        for e in fact.evidence:
            spans.setdefault((e.start, e.end), e.quote if text is None else text[e.start:e.end])
    rows = [{"document_id": doc_id, "start": s, "end": e, "text": body} for (s, e), body in sorted(spans.items())]
    if not rows:
        return
    ids = connection.execute(insert(passages).returning(passages.c.id, sort_by_parameter_order=True), rows).scalars()
    fts.index_passages(connection, zip(ids, (r["text"] for r in rows)))


def write_facts(connection: Connection, doc_id: int, run_id: int, coded: tuple[Fact, ...]) -> None:
    if not coded:
        return
    rows = [fact_row(doc_id, run_id, seq, f) for seq, f in enumerate(coded)]
    ids = connection.execute(insert(facts).returning(facts.c.id, sort_by_parameter_order=True), rows).scalars().all()
    _insert(connection, fact_parties, [r for fid, f in zip(ids, coded) for r in party_rows(fid, f)])
    _insert(connection, fact_spheres, [r for fid, f in zip(ids, coded) for r in sphere_rows(fid, f)])
    _insert(connection, evidence, [r for fid, f in zip(ids, coded) for r in evidence_rows(fid, f)])


def fact_row(doc_id: int, run_id: int, seq: int, fact: Fact) -> dict:
    payload = fact.to_json()
    return {
        "document_id": doc_id, "run_id": run_id, "seq": seq,
        "specificity": payload["specificity"], "status": payload["status"],
        "direction": payload["direction"], "arity": payload["arity"],
        "years": payload["years"], "year_min": min(fact.years, default=None),
        "year_max": max(fact.years, default=None), "why": payload["why"],
    }


def party_rows(fact_id: int, fact: Fact) -> list[dict]:
    named = [(p, False) for p in dict.fromkeys(fact.parties)]
    implied = [(p, True) for p in dict.fromkeys(fact.implied) if p not in fact.parties]
    return [{"fact_id": fact_id, "party": p, "implied": imp, "pos": i} for i, (p, imp) in enumerate(named + implied)]


def sphere_rows(fact_id: int, fact: Fact) -> list[dict]:
    return [{"fact_id": fact_id, "sphere": str(s), "pos": i} for i, s in enumerate(dict.fromkeys(fact.spheres))]


def evidence_rows(fact_id: int, fact: Fact) -> list[dict]:
    return [{"fact_id": fact_id, "pos": i, "start": e.start, "end": e.end, "quote": e.quote}
            for i, e in enumerate(fact.evidence)]


def _insert(connection: Connection, table, rows: list[dict]) -> None:
    if rows:
        connection.execute(insert(table), rows)
