"""teams bot conversation references

Revision ID: teams2_conversations
Revises: coverage_summary_index
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "teams2_conversations"
down_revision: Union[str, Sequence[str], None] = "coverage_summary_index"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "teams_conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("service_url", sa.String(length=500), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("conversation_type", sa.String(length=20), nullable=True),
        sa.Column("team_id", sa.String(length=255), nullable=True),
        sa.Column("bot_id", sa.String(length=200), nullable=False),
        sa.Column("channel_id", sa.String(length=20), nullable=False),
        sa.Column("installed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams_conversations")),
        sa.UniqueConstraint("conversation_id", name=op.f("uq_teams_conversations_conversation_id")),
    )


def downgrade() -> None:
    op.drop_table("teams_conversations")
