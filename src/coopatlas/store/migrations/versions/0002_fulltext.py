"""Full-text index over passages: an FTS5 table on SQLite, a GIN tsvector index on PostgreSQL.

The store keeps the SQLite table in step when it writes passages (fts.py); this revision fills it
from the passages already stored.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE passages_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')")
        op.execute("INSERT INTO passages_fts (rowid, text) "
                   "SELECT id, replace(replace(text, 'ё', 'е'), 'Ё', 'Е') FROM passages")
    else:
        op.execute("CREATE INDEX ix_passages_fts ON passages USING GIN (to_tsvector('russian', text))")


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TABLE passages_fts")
    else:
        op.execute("DROP INDEX ix_passages_fts")
