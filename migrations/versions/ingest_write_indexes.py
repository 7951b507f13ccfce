"""ingest: drop two indexes on coverage_items that only cost writes

- `ix_coverage_items_published_at` (published_at) is a prefix of
  `ix_coverage_items_period_summary`, which every period query already uses.
- `ix_coverage_items_guid` is read by no query: feeds deduplicate by their own seen-set
  (`feed_entries.entry_key`), webhooks and people by canonical URL.

Every index on `coverage_items` is work for each item ingested; these two were a sixth of it.

Revision ID: ingest_write_indexes
Revises: perf_query_indexes
"""
from typing import Sequence, Union

from alembic import op

revision: str = "ingest_write_indexes"
down_revision: Union[str, Sequence[str], None] = "perf_query_indexes"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("coverage_items", schema=None) as batch_op:
        batch_op.drop_index("ix_coverage_items_published_at")
        batch_op.drop_index("ix_coverage_items_guid")


def downgrade() -> None:
    with op.batch_alter_table("coverage_items", schema=None) as batch_op:
        batch_op.create_index("ix_coverage_items_guid", ["guid"], unique=False)
        batch_op.create_index("ix_coverage_items_published_at", ["published_at"], unique=False)
