"""Store fixtures: every store test runs against SQLite and against a throwaway PostgreSQL server."""
from __future__ import annotations

import itertools

import pytest
from sqlalchemy import create_engine, text

from coopatlas.store import open_store
from coopatlas.store.engine import database_url

from pg_cluster import Unavailable, start_cluster

_names = itertools.count()


@pytest.fixture(scope="session")
def pg_cluster():
    try:
        cluster = start_cluster()
    except Unavailable as reason:
        pytest.skip(f"PostgreSQL not available: {reason}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_admin(pg_cluster):
    engine = create_engine(database_url(pg_cluster.url()), isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_url(pg_cluster, pg_admin):
    name = f"atlas_{next(_names)}"
    with pg_admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    yield pg_cluster.url(name)
    with pg_admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "atlas.sqlite")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url):
    opened = open_store(db_url)
    yield opened
    opened.close()
