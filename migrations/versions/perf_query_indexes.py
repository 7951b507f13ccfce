"""perf: indexes the /coverage summary and the programme board answer from

- `ix_coverage_items_period_summary` gains the item id as its last column. PostgreSQL indexes do
  not carry the row id as SQLite's do, so the period summary (stories as `coalesce(story_id, -id)`,
  earned items by id) had to visit the table for every item in the period; now it is an
  index-only scan on both databases.
- `ix_rag_ratings_programme_latest` (programme_id, rated_at, id): a programme's latest rating and
  the one before are one index seek, so the board no longer sorts every rating ever given. It
  replaces the single-column `ix_rag_ratings_programme_id`, its prefix.
- `ix_coverage_items_published_tone` (published_at, tone) is dropped: it is a prefix of the
  summary index, and each index on `coverage_items` is work for every item ingested.
- `ix_coverage_councils_council_code` is dropped: it is a prefix of
  `ix_coverage_councils_council_period` and only cost writes.

Revision ID: perf_query_indexes
Revises: perf_council_index
"""
from typing import Sequence, Union

from alembic import op

revision: str = "perf_query_indexes"
down_revision: Union[str, Sequence[str], None] = "perf_council_index"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("coverage_items", schema=None) as batch_op:
        batch_op.drop_index("ix_coverage_items_period_summary")
        batch_op.create_index("ix_coverage_items_period_summary",
                              ["published_at", "tone", "outlet_id", "story_id", "id"], unique=False)
        batch_op.drop_index("ix_coverage_items_published_tone")
    with op.batch_alter_table("coverage_councils", schema=None) as batch_op:
        batch_op.drop_index("ix_coverage_councils_council_code")
    with op.batch_alter_table("rag_ratings", schema=None) as batch_op:
        batch_op.drop_index("ix_rag_ratings_programme_id")
        batch_op.create_index("ix_rag_ratings_programme_latest", ["programme_id", "rated_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rag_ratings", schema=None) as batch_op:
        batch_op.drop_index("ix_rag_ratings_programme_latest")
        batch_op.create_index("ix_rag_ratings_programme_id", ["programme_id"], unique=False)
    with op.batch_alter_table("coverage_councils", schema=None) as batch_op:
        batch_op.create_index("ix_coverage_councils_council_code", ["council_code"], unique=False)
    with op.batch_alter_table("coverage_items", schema=None) as batch_op:
        batch_op.create_index("ix_coverage_items_published_tone", ["published_at", "tone"], unique=False)
        batch_op.drop_index("ix_coverage_items_period_summary")
        batch_op.create_index("ix_coverage_items_period_summary",
                              ["published_at", "tone", "outlet_id", "story_id"], unique=False)
