"""notices: the one table of reminders and once-per-event alerts (see models/notices.py)

Revision ID: notices
Revises: coverage_judgement
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = "notices"
down_revision: Union[str, Sequence[str], None] = "coverage_judgement"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("platform", sa.String(length=10), nullable=False),
        sa.Column("address", sa.String(length=255), nullable=False),
        sa.Column("workspace", sa.String(length=64), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=100), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
        sa.UniqueConstraint("key", name=op.f("uq_notices_key")),
    )
    op.create_index("ix_notices_status_due_at", "notices", ["status", "due_at"])
    op.create_index("ix_notices_kind_subject_id", "notices", ["kind", "subject_id"])


def downgrade() -> None:
    op.drop_index("ix_notices_kind_subject_id", table_name="notices")
    op.drop_index("ix_notices_status_due_at", table_name="notices")
    op.drop_table("notices")
