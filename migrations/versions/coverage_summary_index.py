"""coverage: covering index for the /coverage period summary

Revision ID: coverage_summary_index
Revises: 0001
"""
from typing import Sequence, Union

from alembic import op

revision: str = "coverage_summary_index"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("coverage_items", schema=None) as batch_op:
        batch_op.create_index("ix_coverage_items_period_summary",
                              ["published_at", "tone", "outlet_id", "story_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("coverage_items", schema=None) as batch_op:
        batch_op.drop_index("ix_coverage_items_period_summary")
