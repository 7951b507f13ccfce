"""coverage judgement: a feed's relevance rule, and the URLs people said are not ours

- `feeds.relevance`: "all" or "mentions" (unset: by the feed's tier; see models/relevance.py).
- `coverage_exclusions`: canonical URLs a person marked "not ours", never stored as coverage again.

Revision ID: coverage_judgement
Revises: ingest_write_indexes
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "coverage_judgement"
down_revision: Union[str, Sequence[str], None] = "ingest_write_indexes"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("relevance", sa.String(length=10), nullable=True))
    op.create_table(
        "coverage_exclusions",
        sa.Column("canonical_url", sa.String(length=2000), nullable=False),
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("excluded_by", sa.String(length=100), nullable=False),
        sa.Column("excluded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["outlet_id"], ["outlets.id"], name=op.f("fk_coverage_exclusions_outlet_id_outlets"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("canonical_url", name=op.f("pk_coverage_exclusions")),
    )


def downgrade() -> None:
    op.drop_table("coverage_exclusions")
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.drop_column("relevance")
