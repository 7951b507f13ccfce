"""parliament watch: sources and their health, cached members, mentions (with councils), watch terms

Revision ID: parliament_watch
Revises: lines_to_take
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = "parliament_watch"
down_revision: Union[str, Sequence[str], None] = "lines_to_take"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "parliament_sources",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("last_polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.Column("unhealthy_reported", sa.Boolean(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("items_total", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_parliament_sources")),
    )
    op.create_table(
        "parliament_members",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("party", sa.String(length=100), nullable=True),
        sa.Column("house", sa.String(length=20), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parliament_members")),
    )
    op.create_table(
        "parliament_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ext_id", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("house", sa.String(length=20), nullable=False),
        sa.Column("section", sa.String(length=100), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("member_name", sa.String(length=200), nullable=True),
        sa.Column("party", sa.String(length=100), nullable=True),
        sa.Column("heading", sa.String(length=500), nullable=False),
        sa.Column("debate_id", sa.String(length=100), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("passage", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("tone", sa.String(length=10), nullable=False),
        sa.Column("tone_score", sa.Float(), nullable=True),
        sa.Column("tone_override", sa.String(length=10), nullable=True),
        sa.Column("tone_by", sa.String(length=100), nullable=True),
        sa.Column("answering_body", sa.String(length=200), nullable=True),
        sa.Column("answer_text", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expected_answer_on", sa.Date(), nullable=True),
        sa.Column("notable", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parliament_mentions")),
        sa.UniqueConstraint("ext_id", name=op.f("uq_parliament_mentions_ext_id")),
    )
    op.create_index(op.f("ix_parliament_mentions_occurred_at"), "parliament_mentions", ["occurred_at"], unique=False)
    op.create_table(
        "parliament_mention_councils",
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.Column("council_code", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(["council_code"], ["councils.code"],
                                name=op.f("fk_parliament_mention_councils_council_code_councils")),
        sa.ForeignKeyConstraint(["mention_id"], ["parliament_mentions.id"],
                                name=op.f("fk_parliament_mention_councils_mention_id_parliament_mentions"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("mention_id", "council_code", name=op.f("pk_parliament_mention_councils")),
    )
    op.create_index(op.f("ix_parliament_mention_councils_council_code"), "parliament_mention_councils",
                    ["council_code"], unique=False)
    op.create_table(
        "parliament_watch_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=200), nullable=False),
        sa.Column("norm", sa.String(length=200), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parliament_watch_terms")),
        sa.UniqueConstraint("norm", name=op.f("uq_parliament_watch_terms_norm")),
    )


def downgrade() -> None:
    op.drop_table("parliament_watch_terms")
    op.drop_index(op.f("ix_parliament_mention_councils_council_code"), table_name="parliament_mention_councils")
    op.drop_table("parliament_mention_councils")
    op.drop_index(op.f("ix_parliament_mentions_occurred_at"), table_name="parliament_mentions")
    op.drop_table("parliament_mentions")
    op.drop_table("parliament_members")
    op.drop_table("parliament_sources")
