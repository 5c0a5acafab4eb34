"""Alembic migrations of the atlas schema, run by coopatlas.store.migrate (no alembic.ini needed)."""
