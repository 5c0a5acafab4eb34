"""Engines for the atlas URL forms: a file path, sqlite:///…, postgresql://… (psycopg 3).

SQLite runs in WAL mode with foreign keys on and a busy timeout. pysqlite's own transaction
handling is switched off so that SQLAlchemy's BEGIN covers DDL too (migrations are atomic);
connections made for writing begin IMMEDIATE, taking the write lock up front.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from coopatlas.store.errors import StoreError

BUSY_TIMEOUT_MS = 30_000
WRITE = "coopatlas_write"  # execution option: this connection writes


def database_url(db: str | os.PathLike) -> str:
    """The SQLAlchemy URL for `db`: a path becomes sqlite:///path; postgresql:// gets the psycopg driver."""
    text = os.fspath(db)
    if "://" not in text:
        return "sqlite:///" + str(Path(text).expanduser())
    scheme, rest = text.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    if scheme.startswith(("postgresql+", "sqlite")):
        return text
    raise StoreError(f"unsupported database URL {text!r}: use a file path, sqlite:///… or postgresql://…")


def make_engine(db: str | os.PathLike) -> Engine:
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _sqlite_begin)
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode = WAL", "foreign_keys = ON", "synchronous = NORMAL",
                   f"busy_timeout = {BUSY_TIMEOUT_MS}"):
        cursor.execute("PRAGMA " + pragma)
    cursor.close()


def _sqlite_begin(connection) -> None:
    writing = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")
