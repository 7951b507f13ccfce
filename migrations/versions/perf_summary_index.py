"""perf: the /coverage summary index carries the item id; drop a redundant council index

PostgreSQL indexes do not hold the row id as SQLite's do, so the period summary (which counts
stories as `coalesce(story_id, -id)` and earned items by id) had to visit the table for every
item in the period. With `id` as the last column it is an index-only scan on both databases.
`ix_coverage_councils_council_code` is a prefix of `ix_coverage_councils_council_period`, so it
only cost writes.

Revision ID: perf_summary_index
Revises: perf_council_index
"""
from typing import Sequence, Union

from alembic import op

revision: str = "perf_summary_index"
down_revision: Union[str, Sequence[str], None] = "perf_council_index"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("coverage_items", schema=None) as batch_op:
        batch_op.drop_index("ix_coverage_items_period_summary")
        batch_op.create_index("ix_coverage_items_period_summary",
                              ["published_at", "tone", "outlet_id", "story_id", "id"], unique=False)
    with op.batch_alter_table("coverage_councils", schema=None) as batch_op:
        batch_op.drop_index("ix_coverage_councils_council_code")


def downgrade() -> None:
    with op.batch_alter_table("coverage_councils", schema=None) as batch_op:
        batch_op.create_index("ix_coverage_councils_council_code", ["council_code"], unique=False)
    with op.batch_alter_table("coverage_items", schema=None) as batch_op:
        batch_op.drop_index("ix_coverage_items_period_summary")
        batch_op.create_index("ix_coverage_items_period_summary",
                              ["published_at", "tone", "outlet_id", "story_id"], unique=False)
