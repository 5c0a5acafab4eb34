"""mentions: every party named in a cooperation passage, where, and which rule found it.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE",
                  name="fk_mentions_document_id_documents"), nullable=False),
        sa.Column("party", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("how", sa.String(64), nullable=False),
        sa.Column("weak", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
    )
    op.create_index("ix_mentions_document_id", "mentions", ["document_id"])
    op.create_index("ix_mentions_party", "mentions", ["party"])


def downgrade() -> None:
    op.drop_index("ix_mentions_party", "mentions")
    op.drop_index("ix_mentions_document_id", "mentions")
    op.drop_table("mentions")
