"""perf: council coverage by period from one index

Copies each item's `published_at` and `tone` into `coverage_councils` (kept in step by
models.coverage.store_items and set_tone) and indexes (council_code, published_at, tone,
coverage_id), so "a council's coverage in a period" no longer visits every item the council
ever had. Existing rows are backfilled from `coverage_items`.

Revision ID: perf_council_index
Revises: teams2_conversations
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "perf_council_index"
down_revision: Union[str, Sequence[str], None] = "teams2_conversations"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_BACKFILL = (
    "UPDATE coverage_councils SET "
    "published_at = (SELECT ci.published_at FROM coverage_items ci WHERE ci.id = coverage_councils.coverage_id), "
    "tone = (SELECT ci.tone FROM coverage_items ci WHERE ci.id = coverage_councils.coverage_id)"
)


def upgrade() -> None:
    with op.batch_alter_table("coverage_councils", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("tone", sa.String(length=10), nullable=True))
    op.execute(_BACKFILL)
    with op.batch_alter_table("coverage_councils", schema=None) as batch_op:
        batch_op.alter_column("published_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch_op.alter_column("tone", existing_type=sa.String(length=10), nullable=False)
        batch_op.create_index("ix_coverage_councils_council_period",
                              ["council_code", "published_at", "tone", "coverage_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("coverage_councils", schema=None) as batch_op:
        batch_op.drop_index("ix_coverage_councils_council_period")
        batch_op.drop_column("tone")
        batch_op.drop_column("published_at")
