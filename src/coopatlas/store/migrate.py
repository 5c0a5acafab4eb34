"""Run the packaged Alembic migrations on an open engine; the revision is recorded in alembic_version."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine

from coopatlas.store.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to `revision` (default: the newest) in one transaction."""
    with engine.begin() as connection:
        known = MigrationContext.configure(connection).get_current_revision()
        _check_known(known)
        if revision == "head" and known == head_revision():
            return
        try:
            command.upgrade(alembic_config(connection), revision)
        except CommandError as error:
            raise StoreError(f"cannot upgrade the atlas database: {error}") from error


def _check_known(revision: str | None) -> None:
    if revision is None:
        return
    scripts = ScriptDirectory.from_config(alembic_config())
    try:
        scripts.get_revision(revision)
    except CommandError as error:
        raise StoreError(
            f"the atlas database has schema revision {revision!r}, unknown to this coopatlas "
            f"(newest known: {scripts.get_current_head()!r}); it was written by a newer version"
        ) from error
