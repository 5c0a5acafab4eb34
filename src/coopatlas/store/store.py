"""The Store: open (and upgrade) an atlas database, record runs, save coded documents, search.

    store = open_store("atlas.sqlite")                     # or "postgresql://user@host/atlas"
    run = store.start_run("0.1.0", {"ocr": False})
    store.save_document(meta, text, extract_text(text), run)
    store.finish_run(run)
"""
from __future__ import annotations

import os

from sqlalchemy import Engine, insert, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from coopatlas.model import DocumentResult
from coopatlas.store import fts, migrate, read, write
from coopatlas.store.engine import WRITE, make_engine
from coopatlas.store.errors import StoreError
from coopatlas.store.records import DocumentMeta, Run, SearchHit, StoredDocument
from coopatlas.store.schema import RUN_STATUSES, file_errors, runs


def open_store(db: str | os.PathLike, *, upgrade: bool = True) -> "Store":
    """Open the atlas at `db` (a file path, sqlite:///… or postgresql://…), creating or upgrading it."""
    engine = make_engine(db)
    try:
        if upgrade:
            migrate.upgrade(engine)
        elif migrate.current_revision(engine) != migrate.head_revision():
            raise StoreError(f"the atlas at {db} needs an upgrade to schema {migrate.head_revision()}")
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"cannot open the atlas at {db}: {error.__class__.__name__}: {error}") from error
    except StoreError:
        engine.dispose()
        raise
    return Store(engine)


class Store:
    """One atlas database. Every write method is one transaction."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = engine.execution_options(**{WRITE: True})

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def revision(self) -> str | None:
        return migrate.current_revision(self.engine)

    # -- runs
    def start_run(self, extractor_version: str, options: dict | None = None) -> int:
        row = {"extractor_version": extractor_version, "started_at": write.now(), "status": "running",
               "options": dict(options or {})}
        with self._writer.begin() as connection:
            return connection.execute(insert(runs).values(**row).returning(runs.c.id)).scalar_one()

    def finish_run(self, run_id: int, status: str = "finished") -> None:
        if status not in RUN_STATUSES:
            raise StoreError(f"unknown run status {status!r}; use one of {RUN_STATUSES}")
        with self._writer.begin() as connection:
            connection.execute(update(runs).where(runs.c.id == run_id)
                               .values(status=status, finished_at=write.now()))

    def run(self, run_id: int) -> Run:
        with self.engine.connect() as connection:
            return read.run_by_id(connection, run_id)

    # -- documents
    def save_document(self, meta: DocumentMeta, text: str | None, result: DocumentResult, run_id: int) -> int:
        """Store one coded document whole (document, passages, facts, parties, spheres, evidence).

        A document already stored (same sha256) is updated: facts from earlier runs stay, marked
        superseded by `run_id`; facts this run saved before are replaced. When another process inserts
        the same content at the same moment, the unique key stops the second insert and the save is
        retried once as an update.
        """
        try:
            with self._writer.begin() as connection:
                return write.write_document(connection, meta, text, result, run_id)
        except IntegrityError:
            if self.document_by_sha(meta.sha256) is None:
                raise
        # another process stored the same content between our look-up and our insert (two builds at
        # once on PostgreSQL): its row is there now, so this is an update of it
        with self._writer.begin() as connection:
            return write.write_document(connection, meta, text, result, run_id)

    def record_error(self, run_id: int, path: str, sha256: str | None, reason: str) -> int:
        """Note a file that could not be read (no document row is made)."""
        row = {"run_id": run_id, "path": path, "sha256": sha256, "reason": reason, "at": write.now()}
        with self._writer.begin() as connection:
            return connection.execute(insert(file_errors).values(**row).returning(file_errors.c.id)).scalar_one()

    def known_hashes(self, extractor_version: str | None = None) -> frozenset[str]:
        """SHA-256 of every stored document; with a version, only those last coded by that version."""
        with self.engine.connect() as connection:
            return read.known_hashes(connection, extractor_version)

    def document_by_sha(self, sha256: str) -> StoredDocument | None:
        with self.engine.connect() as connection:
            return read.document_by_sha(connection, sha256)

    def load_result(self, doc_id: int, run_id: int | None = None) -> DocumentResult:
        """The stored facts of a document as a DocumentResult (current ones unless `run_id` is given)."""
        with self.engine.connect() as connection:
            return read.load_result(connection, doc_id, run_id)

    # -- search and health
    def search(self, query: str, limit: int = 20, mark: tuple[str, str] = fts.DEFAULT_MARK) -> list[SearchHit]:
        with self.engine.connect() as connection:
            return fts.search(connection, query, limit, mark)

    def problems(self) -> list[str]:
        """Structural inconsistencies (orphan rows, facts without evidence, a stale full-text index)."""
        with self.engine.connect() as connection:
            return read.problems(connection)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
