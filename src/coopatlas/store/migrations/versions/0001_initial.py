"""Initial schema: runs, documents, passages, facts with parties, spheres and evidence, file errors.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("options", sa.JSON),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
        sa.CheckConstraint("status IN ('running', 'finished', 'failed')", name="ck_runs_status"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("format", sa.String(16)),
        sa.Column("size_bytes", sa.BigInteger),
        sa.Column("language", sa.String(8)),
        sa.Column("author", sa.String(64)),
        sa.Column("doc_type", sa.String(32)),
        sa.Column("year_adopted", sa.Integer),
        sa.Column("year_horizon", sa.Integer),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text),
        sa.Column("pages", sa.JSON),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("added_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("sha256", name="uq_documents_sha256"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name="fk_documents_run_id_runs"),
        sa.CheckConstraint("status IN ('ok', 'error')", name="ck_documents_status"),
    )
    op.create_index("ix_documents_author", "documents", ["author"])
    op.create_index("ix_documents_year_adopted", "documents", ["year_adopted"])
    op.create_index("ix_documents_run_id", "documents", ["run_id"])
    op.create_table(
        "passages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_passages"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_passages_document_id_documents"),
        sa.UniqueConstraint("document_id", "start", "end", name="uq_passages_document_id_start_end"),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("specificity", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("direction", sa.String(16)),
        sa.Column("arity", sa.String(16)),
        sa.Column("years", sa.JSON, nullable=False),
        sa.Column("year_min", sa.Integer),
        sa.Column("year_max", sa.Integer),
        sa.Column("why", sa.JSON, nullable=False),
        sa.Column("superseded_by_run", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_facts"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_facts_document_id_documents"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name="fk_facts_run_id_runs"),
        sa.ForeignKeyConstraint(["superseded_by_run"], ["runs.id"], name="fk_facts_superseded_by_run_runs"),
    )
    op.create_index("ix_facts_document_id_superseded_by_run", "facts", ["document_id", "superseded_by_run"])
    op.create_index("ix_facts_run_id", "facts", ["run_id"])
    op.create_index("ix_facts_specificity", "facts", ["specificity"])
    op.create_index("ix_facts_status", "facts", ["status"])
    op.create_index("ix_facts_direction", "facts", ["direction"])
    op.create_table(
        "fact_parties",
        sa.Column("fact_id", sa.Integer, nullable=False),
        sa.Column("party", sa.String(64), nullable=False),
        sa.Column("implied", sa.Boolean, nullable=False),
        sa.Column("pos", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("fact_id", "party", name="pk_fact_parties"),
        sa.ForeignKeyConstraint(["fact_id"], ["facts.id"], ondelete="CASCADE", name="fk_fact_parties_fact_id_facts"),
    )
    op.create_index("ix_fact_parties_party_implied", "fact_parties", ["party", "implied"])
    op.create_table(
        "fact_spheres",
        sa.Column("fact_id", sa.Integer, nullable=False),
        sa.Column("sphere", sa.String(32), nullable=False),
        sa.Column("pos", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("fact_id", "sphere", name="pk_fact_spheres"),
        sa.ForeignKeyConstraint(["fact_id"], ["facts.id"], ondelete="CASCADE", name="fk_fact_spheres_fact_id_facts"),
    )
    op.create_index("ix_fact_spheres_sphere", "fact_spheres", ["sphere"])
    op.create_table(
        "evidence",
        sa.Column("fact_id", sa.Integer, nullable=False),
        sa.Column("pos", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("fact_id", "pos", name="pk_evidence"),
        sa.ForeignKeyConstraint(["fact_id"], ["facts.id"], ondelete="CASCADE", name="fk_evidence_fact_id_facts"),
    )
    op.create_table(
        "file_errors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_file_errors"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name="fk_file_errors_run_id_runs"),
    )
    op.create_index("ix_file_errors_run_id", "file_errors", ["run_id"])


def downgrade() -> None:
    for table in ("file_errors", "evidence", "fact_spheres", "fact_parties", "facts", "passages", "documents", "runs"):
        op.drop_table(table)
