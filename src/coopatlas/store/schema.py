"""The atlas schema as of the newest migration: one SQLAlchemy Core MetaData for SQLite and PostgreSQL.

The migrations in `migrations/versions/` build exactly this (a test compares them); the full-text
index over `passages` is dialect-specific and lives only in the migrations (see fts.py).

    runs ──< documents ──< passages                 (evidence sentences, full-text indexed)
                 ├──────< mentions                  (parties named in cooperation passages, how found)
      │          └──────< facts ──< fact_parties    (party, implied)
      │                     │  ──< fact_spheres
      │                     └───< evidence          (start, end, quote)
      └──< file_errors                              (files that could not be read)

A fact belongs to the run that coded it; when a later run re-codes its document, the old fact stays
with `superseded_by_run` set to that run. Current facts are those where it is NULL.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON, BigInteger, Boolean, CheckConstraint, Column, DateTime, ForeignKey, Index, Integer,
    MetaData, String, Table, Text, UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

RUN_STATUSES = ("running", "finished", "failed")
DOCUMENT_STATUSES = ("ok", "error")

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("extractor_version", String(64), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),
    Column("options", JSON),
    CheckConstraint("status IN ('running', 'finished', 'failed')", name="status"),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("path", Text, nullable=False),
    Column("source", Text),
    Column("format", String(16)),
    Column("size_bytes", BigInteger),
    Column("language", String(8)),
    Column("author", String(64)),
    Column("doc_type", String(32)),
    Column("year_adopted", Integer),
    Column("year_horizon", Integer),
    Column("title", Text),
    Column("text", Text),
    Column("pages", JSON),
    Column("status", String(8), nullable=False),
    Column("error", Text),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("url", Text),  # added by migration 0003
    UniqueConstraint("sha256"),
    CheckConstraint("status IN ('ok', 'error')", name="status"),
    Index(None, "author"),
    Index(None, "year_adopted"),
    Index(None, "run_id"),
)

passages = Table(
    "passages", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    UniqueConstraint("document_id", "start", "end"),
)

mentions = Table(  # added by migration 0004
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("party", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("how", String(64), nullable=False),
    Column("weak", Boolean, nullable=False),
    Index(None, "document_id"),
    Index(None, "party"),
)

facts = Table(
    "facts", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("specificity", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("direction", String(16)),
    Column("arity", String(16)),
    Column("years", JSON, nullable=False),
    Column("year_min", Integer),
    Column("year_max", Integer),
    Column("why", JSON, nullable=False),
    Column("superseded_by_run", Integer, ForeignKey("runs.id")),
    Index(None, "document_id", "superseded_by_run"),
    Index(None, "run_id"),
    Index(None, "specificity"),
    Index(None, "status"),
    Index(None, "direction"),
)

fact_parties = Table(
    "fact_parties", metadata,
    Column("fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("party", String(64), primary_key=True),
    Column("implied", Boolean, nullable=False),
    Column("pos", Integer, nullable=False),
    Index(None, "party", "implied"),
)

fact_spheres = Table(
    "fact_spheres", metadata,
    Column("fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("sphere", String(32), primary_key=True),
    Column("pos", Integer, nullable=False),
    Index(None, "sphere"),
)

evidence = Table(
    "evidence", metadata,
    Column("fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("pos", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
)

file_errors = Table(
    "file_errors", metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("path", Text, nullable=False),
    Column("sha256", String(64)),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index(None, "run_id"),
)

FTS_TABLE = "passages_fts"  # SQLite only: FTS5 table keyed by passages.id (migration 0002)
FTS_CONFIG = "russian"      # PostgreSQL text-search configuration (Cyrillic: Snowball Russian; ASCII: English)
