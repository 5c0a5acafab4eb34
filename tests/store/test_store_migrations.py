"""Migrations: recorded in the database, matching schema.py, and an old atlas opens after upgrade."""
from datetime import datetime, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from coopatlas.store import StoreError, open_store
from coopatlas.store import migrate
from coopatlas.store.engine import make_engine
from coopatlas.store.schema import metadata

from store_builders import fill


def test_migrations_build_exactly_the_declared_schema(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": _declared_only})
        assert compare_metadata(context, metadata) == []


def _declared_only(obj, name, kind, reflected, compare_to):
    full_text = name is not None and (name.startswith("passages_fts") or name == "ix_passages_fts")
    return not full_text and name != "alembic_version"


def test_the_revision_is_recorded_in_the_database(store):
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.head_revision()


def test_opening_again_changes_nothing(db_url):
    with open_store(db_url) as first:
        ids = fill(first)
    with open_store(db_url) as again:
        assert again.revision() == "0004"
        assert again.document_by_sha(next(iter(again.known_hashes()))) is not None
        assert len(again.known_hashes()) == len(ids)


NOW = datetime(2020, 5, 1, tzinfo=timezone.utc)


def _write_revision_one_atlas(engine) -> None:
    """Rows as coopatlas wrote them at schema revision 0001 (no full-text index, no documents.url)."""
    sentence = "Тверская область подписала соглашение с Республикой Беларусь."
    with engine.begin() as connection:
        sql = lambda statement, **params: connection.execute(text(statement), params)  # noqa: E731
        run = sql("INSERT INTO runs (extractor_version, started_at, status, options) "
                  "VALUES ('0.0.1', :t, 'finished', '{}') RETURNING id", t=NOW).scalar()
        doc = sql("INSERT INTO documents (sha256, path, author, year_adopted, text, pages, status, run_id, "
                  "added_at, updated_at) VALUES (:sha, 'old/tver.txt', 'RU-TVE', 2015, :body, '[]', 'ok', :run, :t, :t) "
                  "RETURNING id", sha="a" * 64, t=NOW, body=sentence, run=run).scalar()
        sql('INSERT INTO passages (document_id, start, "end", text) VALUES (:doc, 0, 62, :body)', doc=doc, body=sentence)
        fact = sql("INSERT INTO facts (document_id, run_id, seq, specificity, status, direction, arity, years, why) "
                   "VALUES (:doc, :run, 0, 'formal', 'agreed', 'cross_border', 'bilateral', '[]', '{}') RETURNING id",
                   doc=doc, run=run).scalar()
        sql("INSERT INTO fact_parties (fact_id, party, implied, pos) VALUES (:f, 'BY', false, 0), (:f, 'RU-TVE', false, 1)",
            f=fact)
        sql("INSERT INTO fact_spheres (fact_id, sphere, pos) VALUES (:f, 'trade_investment', 0)", f=fact)
        sql('INSERT INTO evidence (fact_id, pos, start, "end", quote) VALUES (:f, 0, 0, 62, :body)', f=fact, body=sentence)


def test_an_atlas_from_revision_one_opens_after_upgrade(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    assert "url" not in {c["name"] for c in inspect(engine).get_columns("documents")}
    _write_revision_one_atlas(engine)
    engine.dispose()

    with open_store(db_url) as store:
        assert store.revision() == "0004"
        old = store.document_by_sha("a" * 64)
        assert (old.meta.path, old.meta.author, old.meta.year_adopted, old.meta.url) == ("old/tver.txt", "RU-TVE", 2015, None)
        coded = store.load_result(old.id)
        assert [(f.parties, f.status.value, [s.value for s in f.spheres]) for f in coded.facts] == \
            [(("BY", "RU-TVE"), "agreed", ["trade_investment"])]
        assert [h.path for h in store.search("соглашение Беларусь")] == ["old/tver.txt"]  # index filled from old rows
        assert store.problems() == []
        fill(store)  # and the upgraded atlas takes new documents
        assert len(store.known_hashes()) == 5


def test_an_old_atlas_is_not_touched_without_upgrade(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0002")
    engine.dispose()
    with pytest.raises(StoreError, match="needs an upgrade"):
        open_store(db_url, upgrade=False)
    assert migrate.current_revision(make_engine(db_url)) == "0002"


def test_an_atlas_from_a_newer_coopatlas_is_refused(db_url):
    with open_store(db_url) as store:
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="newer version"):
        open_store(db_url)


def test_sqlite_settings(tmp_path):
    with open_store(tmp_path / "a.sqlite") as store, store.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000


def test_a_failed_upgrade_leaves_the_old_revision_whole(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:  # a column in the way of 0003: 0002 runs, then 0003 fails
        connection.exec_driver_sql("ALTER TABLE documents ADD COLUMN url TEXT")
    engine.dispose()
    with pytest.raises(StoreError):
        open_store(db_url)
    engine = make_engine(db_url)
    assert migrate.current_revision(engine) == "0001"
    names = set(inspect(engine).get_table_names()) | {i["name"] for i in inspect(engine).get_indexes("passages")}
    assert not {"passages_fts", "ix_passages_fts"} & names  # 0002 was rolled back too
    engine.dispose()


@pytest.mark.parametrize("url, expected", [
    ("atlas.sqlite", "sqlite:///atlas.sqlite"),
    ("sqlite:////tmp/a.db", "sqlite:////tmp/a.db"),
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
])
def test_database_urls(url, expected):
    from coopatlas.store.engine import database_url
    assert database_url(url) == expected


def test_an_unknown_database_kind_is_a_clean_error():
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://u@h/db")
