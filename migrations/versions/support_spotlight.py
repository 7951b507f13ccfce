"""support requests and spotlights: councils' calls for communications support, and media spikes

- `spotlights`: one spike of negative coverage about a council (status open/assigned/dismissed/supported).
- `spotlight_items`: the negative items of a spike, each in at most one spike per council.
- `support_requests`: a council's call for support, what was advised, follow-up, owner, status.

Revision ID: support_spotlight
Revises: enquiries
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "support_spotlight"
down_revision: Union[str, Sequence[str], None] = "enquiries"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "spotlights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_code", sa.String(length=8), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_item_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("assigned_to", sa.String(length=100), nullable=True),
        sa.Column("assigned_name", sa.String(length=200), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["council_code"], ["councils.code"], name=op.f("fk_spotlights_council_code_councils")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spotlights")),
    )
    op.create_index(op.f("ix_spotlights_council_code"), "spotlights", ["council_code"], unique=False)
    op.create_index(op.f("ix_spotlights_created_at"), "spotlights", ["created_at"], unique=False)
    op.create_table(
        "spotlight_items",
        sa.Column("council_code", sa.String(length=8), nullable=False),
        sa.Column("coverage_id", sa.Integer(), nullable=False),
        sa.Column("spotlight_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["coverage_id"], ["coverage_items.id"],
                                name=op.f("fk_spotlight_items_coverage_id_coverage_items"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["spotlight_id"], ["spotlights.id"],
                                name=op.f("fk_spotlight_items_spotlight_id_spotlights"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("council_code", "coverage_id", name=op.f("pk_spotlight_items")),
    )
    op.create_index(op.f("ix_spotlight_items_spotlight_id"), "spotlight_items", ["spotlight_id"], unique=False)
    op.create_table(
        "support_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_code", sa.String(length=8), nullable=False),
        sa.Column("issue", sa.String(length=500), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("contact", sa.String(length=300), nullable=True),
        sa.Column("advised", sa.Text(), nullable=True),
        sa.Column("followup_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("owner_id", sa.String(length=100), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=True),
        sa.Column("platform", sa.String(length=10), nullable=False),
        sa.Column("workspace", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("spotlight_id", sa.Integer(), nullable=True),
        sa.Column("logged_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["council_code"], ["councils.code"],
                                name=op.f("fk_support_requests_council_code_councils")),
        sa.ForeignKeyConstraint(["spotlight_id"], ["spotlights.id"],
                                name=op.f("fk_support_requests_spotlight_id_spotlights"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_requests")),
    )
    op.create_index(op.f("ix_support_requests_council_code"), "support_requests", ["council_code"], unique=False)
    op.create_index(op.f("ix_support_requests_created_at"), "support_requests", ["created_at"], unique=False)


def downgrade() -> None:
    op.drop_table("support_requests")
    op.drop_table("spotlight_items")
    op.drop_table("spotlights")
