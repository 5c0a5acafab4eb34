"""The atlas store: one schema for SQLite (default) and PostgreSQL, Alembic migrations, full-text search.

    >>> store = open_store("atlas.sqlite")        # doctest: +SKIP
    >>> atlas = Atlas("atlas.sqlite")             # doctest: +SKIP
"""
from coopatlas.store.errors import StoreError
from coopatlas.store.records import DocumentMeta, Run, SearchHit, StoredDocument, sha256_of
from coopatlas.store.store import Store, open_store

__all__ = [
    "Atlas", "DocumentMeta", "Run", "SearchHit", "Store", "StoreError", "StoredDocument", "open_store",
    "sha256_of",
]


def __getattr__(name):  # pandas is imported only when the Atlas is asked for
    if name == "Atlas":
        from coopatlas.store.atlas import Atlas
        return Atlas
    raise AttributeError(name)
